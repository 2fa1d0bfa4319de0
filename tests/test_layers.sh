#!/usr/bin/env bash
# tests/test_layers.sh: the project's includes keep its layers (core, structures, harness, benches;
# tools on core alone) and close no circle (tests/check_layers.sh); and the check itself catches an
# include up a layer, a tool's header included from a bench, and a circle, each planted in a copy.
source "$(dirname "$0")/lib.sh"
out=$(bash "$root/tests/check_layers.sh" "$root" 2>&1) || fail "the project's includes break its layers: $out"
pass
tree=$scratch/tree
copy() { rm -rf "$tree" && mkdir -p "$tree" && cp -r "$root"/{core,structures,benches,comparisons,tools} "$tree"/; }
expect_caught() { # expect_caught PATTERN: the check on the planted copy fails and says PATTERN
  local said
  if said=$(bash "$root/tests/check_layers.sh" "$tree" 2>&1); then fail "a planted violation passed ($1)"; fi
  grep -q "$1" <<< "$said" || fail "the check did not say '$1': $said"
  pass
}
copy
echo '#include "pylist.h"' >> "$tree/core/stats.h"
expect_caught "core/stats.h (layer 1) includes pylist.h (layer 2): an include up a layer"
copy
echo '#include "report_run.h"' >> "$tree/comparisons/string_build/bm_string_build.c"
expect_caught "includes report_run.h, a tool's header, from outside tools/"
copy
printf '#include "planted_b.h"\n' > "$tree/structures/planted_a.h"
printf '#include "planted_a.h"\n' > "$tree/structures/planted_b.h"
expect_caught "circle through: .*planted"
finish
