#!/usr/bin/env bash
# tests/test_throwaway.sh: the house works: a comparison made of tests/throwaway/'s files alone (two
# variants, one claim row, no chart script) goes through the whole pipeline at QUICK: sweep, pairs,
# summary, the default chart and its report section, with no edit anywhere else.
source "$(dirname "$0")/lib.sh"
: "${THROWAWAY_BIN:?THROWAWAY_BIN must name the folder holding bm_throwaway}"
export RESULTS=$scratch/results PLOTS=$scratch/plots BENCH_BIN=$THROWAWAY_BIN CLAIMS=$root/tests/throwaway/claims.tsv
"$root/scripts/bench.sh" > "$scratch/log" 2>&1 || { cat "$scratch/log"; fail "the pipeline failed on the throwaway comparison"; }

[[ ! -e $root/plots/throwaway.gp ]] || fail "the throwaway comparison must have no chart script of its own"
for dir in benches claims plots scripts tools core; do
  ! grep -rqw throwaway "$root/$dir" || fail "$dir/ names the throwaway comparison: it needed an edit outside its files"
done
pass
for variant in opaque_calls plain_loop; do
  [[ -n $(row_field "$RESULTS/throwaway.csv" variant "$variant" ns_per_item) ]] || fail "throwaway.csv lacks $variant"
done
[[ $(json_get "$RESULTS/throwaway.facts.json" item) == int ]] || fail "the facts file does not say what an item is"
pass
[[ $(row_field "$RESULTS/summary.csv" claim_id throwaway processes) == "$IDIOM_PROCESSES" ]] \
  || fail "the claim was not measured in $IDIOM_PROCESSES processes"
(( $(row_field "$RESULTS/summary.csv" claim_id throwaway rounds) >= IDIOM_PROCESSES * IDIOM_QUICK_PAIR_MIN_ROUNDS )) \
  || fail "the claim has fewer rounds than the minimum"
[[ $(row_field "$RESULTS/summary.csv" claim_id throwaway verdict) =~ ^(agrees|disagrees|inconclusive)$ ]] \
  || fail "the claim has no verdict"
pass
# The mechanism: in each process, rounds alternate ABBA and BAAB; the interval holds the median of
# all recorded rounds and each process's own median.
rounds=$RESULTS/throwaway.rounds.csv
csv_awk "$rounds" 'key = $(c["process"]) SUBSEP $(c["baseline"]) SUBSEP $(c["x"]) {
                     if (key in last && last[key] == $(c["order"])) bad = 1
                     last[key] = $(c["order"]) }
                   END { exit bad }' || fail "rounds did not alternate ABBA and BAAB"
pass
median_ratio() { sort -g | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.9g\n", exp(m) }'; }
lo=$(row_field "$RESULTS/summary.csv" claim_id throwaway ratio_lo)
hi=$(row_field "$RESULTS/summary.csv" claim_id throwaway ratio_hi)
x=$(row_field "$RESULTS/summary.csv" claim_id throwaway x)
medians=("$(csv_awk "$rounds" '$(c["x"]) == x { print $(c["log_ratio"]) }' -v x="$x" | median_ratio)")
for (( p = 1; p <= IDIOM_PROCESSES; p++ )); do
  medians+=("$(csv_awk "$rounds" '$(c["x"]) == x && $(c["process"]) == p { print $(c["log_ratio"]) }' -v x="$x" -v p="$p" | median_ratio)")
done
# summary.csv prints 6 significant digits, which may round an endpoint by up to 5e-6 of itself:
# a process median that is the hull's endpoint can lie that far outside the printed interval.
for m in "${medians[@]}"; do
  awk -v m="$m" -v lo="$lo" -v hi="$hi" 'BEGIN { exit !(lo <= m * 1.00001 && m <= hi * 1.00001) }' \
    || fail "the interval [$lo, $hi] does not hold the recorded median $m"
done
[[ $(row_field "$RESULTS/summary.csv" claim_id throwaway ratio) == "$(printf '%.6g' "${medians[0]}")" ]] \
  || fail "the claim's ratio is not the median of its rounds"
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
