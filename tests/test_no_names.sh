#!/usr/bin/env bash
# tests/test_no_names.sh: tools/ and scripts/ know no comparison, variant or workload by name: each
# comparison's names (as its executable lists them) appear only in its own files.
source "$(dirname "$0")/lib.sh"
mapfile -t executables < <(ls "$BIN"/bm_* "$THROWAWAY_BIN"/bm_*)
(( ${#executables[@]} >= 2 )) || fail "no bench executables found"
for exe in "${executables[@]}"; do
  while read -r name; do
    [[ -n $name ]] || continue
    found=$(grep -rlw -- "$name" "$root/tools" "$root/scripts" || true)
    [[ -z $found ]] || fail "$(basename "$exe") name '$name' appears in: $found"
  done < <("$exe" --idiom_names)
  pass
done
finish
