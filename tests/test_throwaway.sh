#!/usr/bin/env bash
# tests/test_throwaway.sh: the house works: a comparison made of tests/throwaway/'s files alone (two
# variants, one claim row, no chart script) goes through the whole pipeline at QUICK: sweep, pairs,
# summary, the default chart and its report section, with no edit anywhere else.
source "$(dirname "$0")/lib.sh"
: "${THROWAWAY_BIN:?THROWAWAY_BIN must name the folder holding bm_throwaway}"
export RESULTS=$scratch/results PLOTS=$scratch/plots BENCH_BIN=$THROWAWAY_BIN CLAIMS=$root/tests/throwaway/claims.tsv
"$root/scripts/bench.sh" > "$scratch/log" 2>&1 || { cat "$scratch/log"; fail "the pipeline failed on the throwaway comparison"; }

[[ ! -e $root/charts/throwaway.gp && ! -e $root/comparisons/throwaway ]] \
  || fail "the throwaway comparison must have no chart script of its own, nor a folder beside the others"
for dir in benches comparisons charts python scripts tools core; do
  ! grep -rqw throwaway "$root/$dir" || fail "$dir/ names the throwaway comparison: it needed an edit outside its files"
done
pass
for variant in opaque_calls plain_loop; do
  [[ -n $(row_field "$RESULTS/throwaway.csv" variant "$variant" ns_per_item) ]] || fail "throwaway.csv lacks $variant"
done
[[ $(json_get "$RESULTS/throwaway.facts.json" item) == int ]] || fail "the facts file does not say what an item is"
pass
[[ $(row_field "$RESULTS/summary.csv" claim_id throwaway processes) == "$IDIOM_QUICK_MIN_PROCESSES" ]] \
  || fail "the claim was not measured in $IDIOM_QUICK_MIN_PROCESSES processes"
(( $(row_field "$RESULTS/summary.csv" claim_id throwaway rounds) >= IDIOM_QUICK_MIN_PROCESSES * IDIOM_QUICK_PAIR_MIN_ROUNDS )) \
  || fail "the claim has fewer rounds than the minimum"
[[ $(row_field "$RESULTS/summary.csv" claim_id throwaway verdict) =~ ^(agrees|disagrees|inconclusive)$ ]] \
  || fail "the claim has no verdict"
pass
# The mechanism: in each process, rounds alternate ABBA and BAAB; each process's median log ratio is
# one sample, the ratio their mean, and the interval Student's t interval about it (symmetric in log).
rounds=$RESULTS/throwaway.rounds.csv
csv_awk "$rounds" 'key = $(c["process"]) SUBSEP $(c["baseline"]) SUBSEP $(c["x"]) {
                     if (key in last && last[key] == $(c["order"])) bad = 1
                     last[key] = $(c["order"]) }
                   END { exit bad }' || fail "rounds did not alternate ABBA and BAAB"
pass
median_log() { sort -g | awk '{ v[NR] = $1 } END { printf "%.12g\n", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio=$(row_field "$RESULTS/summary.csv" claim_id throwaway ratio)
lo=$(row_field "$RESULTS/summary.csv" claim_id throwaway ratio_lo)
hi=$(row_field "$RESULTS/summary.csv" claim_id throwaway ratio_hi)
x=$(row_field "$RESULTS/summary.csv" claim_id throwaway x)
medians=()
for (( p = 1; p <= IDIOM_QUICK_MIN_PROCESSES; p++ )); do
  medians+=("$(csv_awk "$rounds" '$(c["x"]) == x && $(c["process"]) == p { print $(c["log_ratio"]) }' -v x="$x" -v p="$p" | median_log)")
done
mean=$(printf '%s\n' "${medians[@]}" | awk '{ s += $1 } END { printf "%.12g\n", s / NR }')
# summary.csv prints 6 significant digits: figures compared to 1e-5 of themselves.
awk -v m="$mean" -v r="$ratio" 'BEGIN { exit !(r > exp(m) * 0.99999 && r < exp(m) * 1.00001) }' \
  || fail "the claim's ratio $ratio is not exp(the mean of the processes' medians) $(awk -v m="$mean" 'BEGIN { print exp(m) }')"
awk -v r="$ratio" -v lo="$lo" -v hi="$hi" 'BEGIN { a = log(hi / r); b = log(r / lo); exit !(a > 0 && (a - b < 1e-4 * a + 2e-5 && b - a < 1e-4 * a + 2e-5)) }' \
  || fail "the interval [$lo, $hi] is not symmetric about $ratio in log"
for m in "${medians[@]}"; do  # with two processes, t's 12.7 spans both
  awk -v m="$m" -v lo="$lo" -v hi="$hi" 'BEGIN { exit !(lo <= exp(m) * 1.00001 && exp(m) <= hi * 1.00001) }' \
    || fail "the interval [$lo, $hi] does not hold the process median $(awk -v m="$m" 'BEGIN { print exp(m) }')"
done
pass
[[ $(head -c 4 "$PLOTS/throwaway.png" | tail -c 3) == PNG ]] || fail "no default chart PNG"
grep -q "throwaway: time per int against n" "$PLOTS/throwaway.svg" || fail "the default chart does not say what it shows"
pass
grep -q "^## throwaway" "$RESULTS/REPORT.md" || fail "REPORT.md has no section for the throwaway comparison"
grep -q "Sum the ints 1..n through an opaque call" "$RESULTS/REPORT.md" || fail "the section does not give the method"
grep -q "(../plots/throwaway.svg)" "$RESULTS/REPORT.md" || fail "the section does not link the chart"
grep -q "| \`throwaway\` |" "$RESULTS/REPORT.md" || fail "the ledger has no line for the claim"
pass
finish
