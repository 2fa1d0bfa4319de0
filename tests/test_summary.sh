#!/usr/bin/env bash
# tests/test_summary.sh: the ledger's rules on hand-made result files whose right answers are known:
# agrees, disagrees, no difference, inconclusive, a crossover and none, a variant that allocates
# nothing, a QUICK sweep that misses the article's point, CPython here's time over C here's for the
# same work, and a profile's top function against the share a claim states.
source "$(dirname "$0")/lib.sh"
dir=$scratch/results
mkdir -p "$dir"

cat > "$dir/toy.facts.json" <<'JSON'
{"comparison": "toy", "param": "n", "param_kind": "count", "item": "element", "about": "A toy.",
 "calibration": false, "key_numbers": [], "slope_label": "",
 "workloads": [{"suffix": "", "label": "main"}, {"suffix": "_b", "label": "second"}],
 "variants": [{"name": "slow", "max_x": 0, "pairs_only": false}, {"name": "fast", "max_x": 0, "pairs_only": false},
              {"name": "lean", "max_x": 0, "pairs_only": false}, {"name": "slow_b", "max_x": 0, "pairs_only": false},
              {"name": "fast_b", "max_x": 0, "pairs_only": false}],
 "xs": [10, 100], "paired_sweep": [], "extra_counters": [], "seed": "1", "quick": true}
JSON
{
  echo "comparison,variant,param,x,reps,ns_per_item,ns_per_item_min,ns_per_item_max,cv_pct,items,peak_bytes,allocs,unstable,cpu_ns_per_item,ns_per_item_lo,ns_per_item_hi,mdape_pct,spread,spread_lo,spread_hi"
  for v in slow fast lean; do for x in 10 100; do
    bytes=$([[ $v == lean ]] && echo 0 || echo 800)
    spread=$(case $v in slow) echo 6,4,8;; fast) echo 1,0.5,1.5;; lean) echo 5,1,9;; esac)
    echo "toy,$v,n,$x,3,1,1,1,0,1,$bytes,1,0,1,1,1,0,$spread"
  done; done
} > "$dir/toy.csv"
# rounds BASELINE CONTENDER X CENTRE SPREAD: 3 processes x 9 rounds of log ratios CENTRE +- SPREAD,
# the processes' medians CENTRE - SPREAD/4, CENTRE and CENTRE + SPREAD/4.
rounds() {
  awk -v b="$1" -v c="$2" -v x="$3" -v centre="$4" -v spread="$5" 'BEGIN {
    for (p = 1; p <= 3; p++) for (r = 1; r <= 9; r++)
      printf "toy,%s,%s,n,%s,%d,%d,10,10,%s,1,1,%.9g\n", b, c, x, p, r, r % 2 ? "ABBA" : "BAAB",
             centre + spread * ((r - 5) / 4.0) + spread * (p - 2) / 4.0
  }'
}
{
  echo "comparison,baseline,contender,param,x,process,round,baseline_iterations,contender_iterations,order,baseline_ns_per_item,contender_ns_per_item,log_ratio"
  rounds slow fast 100 1.0986 0.01      # contender 3x faster, tight
  rounds slow lean 100 -0.0001 0.005    # within the floor
  rounds fast lean 100 0 0.2            # straddles the floor
  # crossover: slow wins at 10 in both workloads, fast wins at 100 in both
  rounds slow fast 10 -0.5 0.01
  rounds slow_b fast_b 10 -0.5 0.01
  rounds slow_b fast_b 100 0.7 0.01
  # no crossover: slow never beats lean
  for x in 10 100; do rounds lean slow $x -0.3 0.01; rounds lean_b slow_b $x -0.3 0.01; done
} > "$dir/toy.rounds.csv"

# CPython here timed py_slow at n=100 (11 in the median of 10, 11, 12 ns) and py_far at n=1000 only.
{
  echo "comparison,idiom,x,metric,tool,round,value"
  for r in 1 2 3; do echo "toy,py_slow,100,ns_per_item,timeit,$r,$((9 + r))"; echo "toy,py_far,1000,ns_per_item,timeit,$r,5"; done
} > "$dir/toy.cpython_rounds.csv"
# callgrind's profile of slow at n=100: its top function holds 70% of the instructions.
{
  echo "comparison,variant,x,items,iterations,instructions,instructions_per_item,top_function,top_share"
  echo "toy,slow,100,1,1,1000,1000,hot_loop [bm_toy],0.7"
  echo "toy,fast,100,1,1,1000,1000,hot_loop [bm_toy],0.7"
} > "$dir/toy.instr.csv"

claims=$scratch/claims.tsv
{
  printf 'claim_id\tcomparison\tmetric\tbaseline\tcontender\tx\tarticle_favours\tarticle_ratio\tarticle\tarticle_figure\twhy\tkind\n'
  printf 'agree\ttoy\tns_per_item\tslow\tfast\t100\tcontender\t3\ta\tf\tw\tarticle\n'
  printf 'disagree\ttoy\tns_per_item\tslow\tfast\t100\tbaseline\t\ta\tf\tw\tarticle\n'
  printf 'nodiff\ttoy\tns_per_item\tslow\tlean\t100\tcontender\t\ta\tf\tw\tarticle\n'
  printf 'control\ttoy\tns_per_item\tslow\tlean\t100\tneither\t\ta\tf\tw\tcontrol\n'
  printf 'unsure\ttoy\tns_per_item\tfast\tlean\t100\tcontender\t\ta\tf\tw\tours\n'
  printf 'quick\ttoy\tns_per_item\tslow\tfast\t1000\tcontender\t\ta\tf\tw\tarticle\n'
  printf 'nothing\ttoy\tpeak_bytes\tslow\tlean\t100\tcontender\t\ta\tf\tw\tarticle\n'
  printf 'steadier\ttoy\tspread\tslow\tfast\t100\tcontender\t\ta\tf\tw\tours\n'
  printf 'overlap\ttoy\tspread\tslow\tlean\t100\tcontender\t\ta\tf\tw\tours\n'
  printf 'cross\ttoy\tcrossover\tslow\tfast\t\tcontender\t\ta\tf\tw\tarticle\n'
  printf 'nocross\ttoy\tcrossover\tlean\tslow\t\tcontender\t\ta\tf\tw\tarticle\n'
  printf 'unmeasured\tother\tns_per_item\ta\tb\t1\tcontender\t\ta\tf\tw\tarticle\n'
  printf 'compiled\ttoy\tcpython_over_c\tpy_slow\tslow\t100\tcontender\t\ta\tf\tw\tarticle\n'
  printf 'compiled_elsewhere\ttoy\tcpython_over_c\tpy_far\tslow\t100\tcontender\t\ta\tf\tw\tarticle\n'
  printf 'hot\ttoy\ttop_share\tslow\thot_loop\t100\tcontender\t0.5\ta\tf\tw\tarticle\n'
  printf 'elsewhere\ttoy\ttop_share\tslow\tcold_loop\t100\tcontender\t0.5\ta\tf\tw\tarticle\n'
  printf 'thin\ttoy\ttop_share\tslow\thot_loop\t100\tcontender\t0.9\ta\tf\tw\tarticle\n'
} > "$claims"

"$BIN/idiom_summary" --results "$dir" --claims "$claims" || fail "idiom_summary failed"
summary=$dir/summary.csv
expect() { # expect CLAIM COLUMN VALUE
  local got
  got=$(row_field "$summary" claim_id "$1" "$2")
  [[ $got == "$3" ]] || fail "claim $1: $2 is '$got', expected '$3'"
  pass
}
expect agree verdict agrees
expect agree outcome contender
expect agree rounds 27
expect agree processes 3
expect agree magnitude similar
awk "BEGIN { exit !($(row_field "$summary" claim_id agree ratio) > 2.9 && $(row_field "$summary" claim_id agree ratio) < 3.1) }" \
  || fail "agree: ratio is not about 3"
pass
expect disagree verdict disagrees
expect nodiff outcome no_difference
expect nodiff verdict disagrees
expect control verdict agrees
expect unsure verdict inconclusive
expect unsure outcome undecided
expect quick x 100
row_field "$summary" claim_id quick note | grep -q "article's 1000 is not in this run's sweep" || fail "quick: no note on the missing point"
pass
expect nothing ratio inf
expect nothing verdict agrees
row_field "$summary" claim_id nothing note | grep -q "lean allocates no heap bytes" || fail "nothing: no note"
pass
# A counter with per-side intervals: the ratio's interval is [b_lo / c_hi, b_hi / c_lo].
expect steadier ratio 6
expect steadier ratio_lo 2.66667
expect steadier ratio_hi 16
expect steadier verdict agrees
expect overlap ratio_lo 0.444444
expect overlap verdict inconclusive
expect cross verdict agrees
expect cross x 100
expect cross x_lo 10
expect cross x_hi 100
row_field "$summary" claim_id cross note | grep -q "crossover at n=100" || fail "cross: note does not state the crossover"
pass
expect nocross verdict disagrees
row_field "$summary" claim_id nocross note | grep -q "no crossover" || fail "nocross: note does not say so"
pass
[[ -z $(row_field "$summary" claim_id unmeasured verdict) ]] || fail "a claim of an unmeasured comparison got a row"
pass
# CPython here over C here: the rounds' median over the sweep's, the rounds' range over the repetitions'.
expect compiled ratio 11
expect compiled ratio_lo 10
expect compiled ratio_hi 12
expect compiled verdict agrees
expect compiled rounds 3
expect compiled_elsewhere ratio ""
row_field "$summary" claim_id compiled_elsewhere note | grep -q "no sweep row of slow at x=1000" \
  || fail "compiled_elsewhere: a figure from two different points, or no note"
pass
# A profile's top function: its share, and whether it is the one named with the share stated.
expect hot ratio 0.7
expect hot verdict agrees
row_field "$summary" claim_id hot note | grep -q "top function of slow's timed region is hot_loop \[bm_toy\] with 70.0%" \
  || fail "hot: the note does not name the top function and its share"
pass
expect elsewhere verdict disagrees
expect thin verdict disagrees
# Where in the sweep the claim's winner wins: lean allocates nothing at every x; the times are all equal.
expect nothing sweep_winner lean
expect nothing sweep_wins_from 10
expect nothing sweep_wins_to 100
expect nothing sweep_loses_at ''
expect agree sweep_winner ''
# The report sums up the claims of CPython here against C here (one here: 11x), and words a profile's share.
"$BIN/idiom_report" --results "$dir" --claims "$claims" --plots-link ../plots > "$scratch/report.log" 2>&1 \
  || { cat "$scratch/report.log"; fail "idiom_report failed on the toy results"; }
grep -q "over the 1 comparisons where CPython here and C here time the same work, C runs it 11x faster" "$dir/REPORT.md" \
  || fail "the report does not sum up CPython here against C here"
grep -q "the profile's top function holds 70.0% of \`slow\`'s instructions" "$dir/REPORT.md" \
  || fail "the report does not word the profile's share"
pass
finish
