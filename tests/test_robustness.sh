#!/usr/bin/env bash
# tests/test_robustness.sh: make robustness's layout axis on the throwaway comparison (tests/throwaway/),
# QUICK, under two randomised layouts: a bad axis is refused with the valid names and nothing changed;
# the two layouts' builds place the same function at different addresses; robustness.csv holds the
# claim under the build's own layout and both layouts, each layout's seed and draws recorded, its
# robust column and the settings that flip it consistent, and its chart is drawn.
source "$(dirname "$0")/lib.sh"
build=$scratch/build
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=ON >/dev/null
cmake --build "$build" -j2 --target bm_throwaway -- --no-print-directory >/dev/null || fail "the plain build failed"
export BENCH_BIN=$build/tests/throwaway_bin RESULTS=$scratch/results PLOTS=$scratch/plots
export CLAIMS=$root/tests/throwaway/claims.tsv ROBUSTNESS_BUILDS=$scratch/layouts
export ROBUSTNESS_BUILD_ARGS=-DBUILD_TESTING=ON ROBUSTNESS_BIN=tests/throwaway_bin LAYOUTS=2 AXES=layout

mkdir -p "$RESULTS" "$PLOTS"
before=$(fingerprint)
set +e
AXES=layout,nope "$root/scripts/robustness.sh" > /dev/null 2> "$scratch/log"
status=$?
set -e
(( status == 2 )) && grep -q "Valid names: allocator,compiler,layout" "$scratch/log" \
  || { cat "$scratch/log"; fail "AXES=layout,nope did not exit 2 naming the axes"; }
[[ $(fingerprint) == "$before" ]] || fail "a refused make robustness changed results/ or plots/"
pass

"$root/scripts/robustness.sh" > "$scratch/log" 2>&1 || { cat "$scratch/log"; fail "make robustness AXES=layout failed"; }
mapfile -t layouts < <(ls -d "$ROBUSTNESS_BUILDS"/layout-*/ | xargs -n1 basename)
(( ${#layouts[@]} == 2 )) || fail "not two layout builds: ${layouts[*]}"
address() { nm "$ROBUSTNESS_BUILDS/$1/tests/throwaway_bin/bm_throwaway" | awk '$3 == "main" { print $1 }'; }
[[ -n $(address "${layouts[0]}") && $(address "${layouts[0]}") != "$(address "${layouts[1]}")" ]] \
  || fail "the two layouts place main at the same address: the layout is not randomised"
pass

table=$RESULTS/robustness.csv
[[ $(csv_awk "$table" '$(c["claim_id"]) == "throwaway" { printf "%s ", $(c["setting"]) }') == "as-built ${layouts[*]} " ]] \
  || fail "robustness.csv does not hold the throwaway claim under the build's own layout and both layouts"
csv_awk "$table" '$(c["setting"]) ~ /^layout-/ && $(c["about"]) !~ /^layout seed [0-9]+: functions aligned to [0-9]+ bytes/ { bad++ }
                  END { exit bad > 0 }' || fail "a layout's seed and draws are not recorded"
csv_awk "$table" '$(c["quick"]) != "true" { bad++ } END { exit bad > 0 }' || fail "robustness.csv does not say its runs were QUICK"
csv_awk "$table" '$(c["claim_id"]) == "throwaway" {
    if ($(c["settings"]) != 3 || $(c["runs"]) != 3 || $(c["factor"]) == "" || $(c["largest_move"]) < 1) bad++
    glance[$(c["glance"])]++; robust = $(c["robust"]); flipped = $(c["flipped_by"]) }
  END { n = 0; for (g in glance) n++
        exit bad > 0 || (robust == "robust") != (n == 1) || (robust == "robust") != (flipped == "") }' \
  || fail "the throwaway claim's settings, factors, robust verdict or flipping settings do not add up"
for f in robustness.svg robustness.png; do [[ -s $PLOTS/$f ]] || fail "no $f"; done
grep -q "no make bench results" "$scratch/log" || fail "with no make bench results the report was not said to wait"
pass
finish
