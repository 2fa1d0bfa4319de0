#!/usr/bin/env bash
# tests/test_docs.sh: the parts of docs/ that live in code are what `make docs` writes from it now
# (the sweep CSV's columns from core/contract.c, the settings from idiom.conf): a changed column or
# setting without `make docs` fails here, so the reference cannot drift.
source "$(dirname "$0")/lib.sh"
"$root/scripts/docs.sh" "$scratch/docs" 2> /dev/null || fail "scripts/docs.sh failed"
for page in columns.md settings.md; do
  diff -u "$root/docs/$page" "$scratch/docs/$page" > "$scratch/diff" \
    || fail "docs/$page is not what make docs writes from the code (run make docs): $(head -20 "$scratch/diff")"
  pass
done
grep -q '^| `IDIOM_CONFIDENCE` | ' "$scratch/docs/settings.md" || fail "settings.md lacks IDIOM_CONFIDENCE"
grep -q '^| `ns_per_item` | ' "$scratch/docs/columns.md" || fail "columns.md lacks ns_per_item"
pass
finish
