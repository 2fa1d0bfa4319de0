#!/usr/bin/env bash
# tests/test_compare.sh: two archived QUICK runs compare with a per-benchmark table and a ledger of
# verdicts, exiting 0; an unknown run id exits 2 and lists the archived ones; retention is bounded.
source "$(dirname "$0")/lib.sh"
export RESULTS=$scratch/results PLOTS=$scratch/plots ONLY=harness_overhead,lazy_vs_materialized
for run in first second; do
  "$root/scripts/bench.sh" > "$scratch/$run.log" 2>&1 || { cat "$scratch/$run.log"; fail "the $run run failed"; }
done
mapfile -t runs < <(ls "$RESULTS/runs")
(( ${#runs[@]} == 2 )) || fail "expected two archived runs, found: ${runs[*]}"
pass

"$root/scripts/compare.sh" "${runs[0]}" "${runs[1]}" > "$scratch/compare.out" 2>&1 \
  || { cat "$scratch/compare.out"; fail "compare of two archived runs did not exit 0"; }
grep -q '^Benchmark' "$scratch/compare.out" || fail "compare printed no compare.py table"
grep -q 'lazy_vs_materialized/materialized/1000/real_time_pvalue' "$scratch/compare.out" \
  || fail "compare printed no U test p-value per benchmark"
grep -q '^lazy_vs_materialized.memory  *agrees  *-> agrees' "$scratch/compare.out" \
  || fail "compare printed no verdict per claim"
grep -q 'claim(s) changed verdict' "$scratch/compare.out" || fail "compare did not count verdict changes"
pass

# HEAD defaults to the newest run; a folder works as well as an id.
"$root/scripts/compare.sh" "$RESULTS/runs/${runs[0]}" > "$scratch/default.out" 2>&1 \
  || { cat "$scratch/default.out"; fail "compare with a folder as BASE and the default HEAD failed"; }
grep -q "against HEAD ${runs[1]}" "$scratch/default.out" || fail "HEAD did not default to the newest run"
pass

status=0
"$root/scripts/compare.sh" no-such-run > "$scratch/unknown.out" 2>&1 || status=$?
(( status == 2 )) || fail "an unknown run id exited $status, not 2"
grep -q "${runs[0]} ${runs[1]}" "$scratch/unknown.out" || fail "an unknown run id did not list the archived runs"
status=0
"$root/scripts/compare.sh" > "$scratch/none.out" 2>&1 || status=$?
(( status == 2 )) || fail "compare without BASE exited $status, not 2"
pass

# Retention: with KEEP_RUNS=2 a third run removes the oldest archive.
KEEP_RUNS=2 ONLY=harness_overhead "$root/scripts/bench.sh" > "$scratch/third.log" 2>&1 || { cat "$scratch/third.log"; fail "third run failed"; }
mapfile -t kept < <(ls "$RESULTS/runs")
(( ${#kept[@]} == 2 )) && [[ ${kept[0]} == "${runs[1]}" ]] || fail "KEEP_RUNS=2 kept: ${kept[*]}"
pass
finish
