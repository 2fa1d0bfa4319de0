#!/usr/bin/env bash
# tests/test_pending.sh: between passes, idiom_pending keeps the pairs that are not yet sure: a timing
# claim until it has the minimum of processes and its interval is within IDIOM_SURE_HALF_WIDTH_PCT, a
# crossover's or a chart's pair until its interval lies on one side of 1; and every pair measured in
# fewer than two processes. An A/A control stays until it is sure, whatever its rounds cost, and
# --controls-only writes the controls alone.
source "$(dirname "$0")/lib.sh"
dir=$scratch/results
mkdir -p "$dir"
printf 'claim_id\tcomparison\tmetric\tbaseline\tcontender\tx\tkind\n' > "$scratch/claims.tsv"
printf '%s\n' "tight\ttoy\tns_per_item\tslow\tfast\t100\tours" "loose\ttoy\tns_per_item\tslow\tlean\t100\tours" \
              "cross\ttoy\tcrossover\tfast\tlean\t0\tours" | sed 's/\\t/\t/g' >> "$scratch/claims.tsv"
{
  printf 'claim_id\tcomparison\tbaseline\tcontender\tx\n'
  printf '%s\n' "tight\ttoy\tslow\tfast\t100" "loose\ttoy\tslow\tlean\t100" "cross\ttoy\tfast\tlean\t100" \
                "-\ttoy\tfast\tlean\t10" "-\ttoy\tslow\tlean\t10" | sed 's/\\t/\t/g'
} > "$scratch/plan.tsv"
# rounds BASELINE CONTENDER X CENTRE OFFSET PROCESSES [SECONDS]: 7 rounds a process, its median
# CENTRE + OFFSET * (p - 2), each round costing SECONDS (0.01 unless given).
rounds() {
  awk -v b="$1" -v c="$2" -v x="$3" -v centre="$4" -v offset="$5" -v n="$6" -v s="${7:-0.01}" 'BEGIN {
    for (p = 1; p <= n; p++) for (r = 1; r <= 7; r++)
      printf "toy,%s,%s,n,%s,%d,%d,10,10,ABBA,1,1,%.9g,%s\n", b, c, x, p, r, centre + offset * (p - 2) + 0.01 * (r - 4), s
  }'
}
{
  echo "comparison,baseline,contender,param,x,process,round,baseline_iterations,contender_iterations,order,baseline_ns_per_item,contender_ns_per_item,log_ratio,seconds"
  rounds slow fast 100 1.1 0.001 3   # a timing claim within 1%: sure
  rounds slow lean 100 1.1 0.05 3    # a timing claim far from 1 but +-20%: not sure
  rounds fast lean 100 0.5 0.05 3    # a crossover's point, wide but above 1: sure
  rounds fast lean 10 0 0.05 3       # a chart's pair that straddles 1: not sure
  rounds slow lean 10 1.1 0.001 1    # one process only: not sure
  rounds lean fast 100 0 0.2 6 1     # a wide timing claim whose rounds cost 42 s: it has had its share
} > "$dir/toy.rounds.csv"
printf 'pricey\ttoy\tns_per_item\tlean\tfast\t100\tours\n' >> "$scratch/claims.tsv"
printf 'pricey\ttoy\tlean\tfast\t100\n' >> "$scratch/plan.tsv"
pending() { "$BIN/idiom_pending" --plan "$scratch/plan.tsv" --results "$dir" --claims "$scratch/claims.tsv" --out "$scratch/pending.tsv" --min-processes "$1"; }
count=$(pending 3)
[[ $count == 3 ]] || fail "idiom_pending counted $count unsure pairs, not 3"
[[ $(cut -f1,3,4,5 "$scratch/pending.tsv" | tail -n +2 | tr '\t' ' ' | tr '\n' ';') == "loose slow lean 100;- fast lean 10;- slow lean 10;" ]] \
  || fail "idiom_pending kept $(tail -n +2 "$scratch/pending.tsv" | tr '\t' ' ' | tr '\n' ';')"
[[ $(head -n 1 "$scratch/pending.tsv") == "$(head -n 1 "$scratch/plan.tsv")" ]] || fail "the pending plan lost the plan's header"
# With a minimum of 4 processes the tight claim is not sure yet; the crossover's point is.
[[ $(pending 4) == 4 ]] || fail "a claim in fewer than the minimum of processes was taken as sure"
grep -q "^tight" "$scratch/pending.tsv" || fail "the tight claim was not kept for its minimum of processes"
pass
# An A/A control as wide and as costly as pricey is kept until it is sure; --controls-only writes it alone.
printf 'aa\ttoy\tns_per_item\tlean\ttwin\t100\tcontrol\n' >> "$scratch/claims.tsv"
printf 'aa\ttoy\tlean\ttwin\t100\n' >> "$scratch/plan.tsv"
rounds lean twin 100 0 0.2 6 1 >> "$dir/toy.rounds.csv"
[[ $(pending 3) == 4 ]] && grep -q "^aa" "$scratch/pending.tsv" && ! grep -q "^pricey" "$scratch/pending.tsv" \
  || fail "the A/A control was not kept until sure, or pricey was not let go: $(cut -f1 "$scratch/pending.tsv" | tr '\n' ' ')"
[[ $("$BIN/idiom_pending" --plan "$scratch/plan.tsv" --results "$dir" --claims "$scratch/claims.tsv" \
      --out "$scratch/pending.tsv" --min-processes 3 --controls-only) == 1 ]] \
  && [[ $(tail -n +2 "$scratch/pending.tsv" | cut -f1) == aa ]] \
  || fail "--controls-only did not write the unsure control alone"
pass
# A pair with no rounds yet is not sure; a plan it cannot read is an error that writes nothing.
rm "$dir/toy.rounds.csv"
[[ $(pending 2) == 7 ]] \
  || fail "pairs with no rounds were taken as sure"
rm -f "$scratch/none.tsv"
if "$BIN/idiom_pending" --plan "$scratch/missing.tsv" --results "$dir" --claims "$scratch/claims.tsv" \
     --out "$scratch/none.tsv" --min-processes 2 2>/dev/null; then
  fail "a missing plan was accepted"
fi
[[ ! -e $scratch/none.tsv ]] || fail "a failed idiom_pending wrote its output"
"$BIN/idiom_pending" --plan "$scratch/plan.tsv" --results "$dir" --claims "$scratch/claims.tsv" --out "$scratch/none.tsv" \
  --min-processes 1 2>/dev/null && fail "a minimum of one process was accepted"
[[ ! -e $scratch/none.tsv ]] || fail "a refused idiom_pending wrote its output"
pass
finish
