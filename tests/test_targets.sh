#!/usr/bin/env bash
# tests/test_targets.sh: the documented targets on real QUICK runs, CPython side included (whose JSON
# lies beside Google Benchmark's), from a checkout at a long path with spaces: make compare between two
# runs, make report, make plots and make report RUN=<an older run>. (make profile is run for real in
# tests/test_instr.sh, make allocators QUICK in tests/test_allocators.sh: both need builds of their own.)
source "$(dirname "$0")/lib.sh"
checkout=$(long_checkout)
export RESULTS=$checkout/results PLOTS=$checkout/plots CPYTHON=1 ONLY=string_build,memoization
for run in first second; do
  "$checkout/scripts/bench.sh" > "$scratch/$run.log" 2>&1 || { cat "$scratch/$run.log"; fail "the $run run failed"; }
done
mapfile -t runs < <(ls "$RESULTS/runs")
(( ${#runs[@]} == 2 )) || fail "expected two archived runs, found: ${runs[*]}"
[[ -f $RESULTS/runs/${runs[0]}/string_build.cpython.json ]] || fail "the runs have no CPython side to trip compare"
pass

# make compare: Google Benchmark's JSON only, the CPython side's left alone.
"$checkout/scripts/compare.sh" "${runs[0]}" "${runs[1]}" > "$scratch/compare.out" 2>&1 \
  || { cat "$scratch/compare.out"; fail "make compare failed on two real runs"; }
grep -q '^== string_build: time per iteration' "$scratch/compare.out" || fail "compare did not compare string_build"
grep -q '^== memoization: time per iteration' "$scratch/compare.out" || fail "compare did not compare memoization"
grep -q 'cpython' "$scratch/compare.out" && fail "compare handed the CPython side's JSON to compare.py"
grep -q '^string_build ' "$scratch/compare.out" || fail "compare printed no verdict for string_build"
pass

# make report and make plots, from what is there.
"$checkout/scripts/report.sh" > "$scratch/report.log" 2>&1 || { cat "$scratch/report.log"; fail "make report failed"; }
[[ $(json_get "$RESULTS/environment.json" run_id) == "${runs[1]}" ]] || fail "make report changed the run it reports"
rm "$PLOTS/string_build.svg"
"$checkout/scripts/plots.sh" "$RESULTS" "$PLOTS" > "$scratch/plots.log" 2>&1 || { cat "$scratch/plots.log"; fail "make plots failed"; }
[[ -s $PLOTS/string_build.svg ]] || fail "make plots did not redraw string_build"
pass

# make report RUN=: the older run published in place of the newer, atomically, its archive kept whole.
RUN=${runs[0]} "$checkout/scripts/report.sh" > "$scratch/run.log" 2>&1 || { cat "$scratch/run.log"; fail "make report RUN= failed"; }
[[ $(json_get "$RESULTS/environment.json" run_id) == "${runs[0]}" ]] || fail "make report RUN= did not publish that run"
[[ $(json_get "$RESULTS/string_build.environment.json" run_id) == "${runs[0]}" ]] || fail "make report RUN= mixed two runs"
cmp -s "$RESULTS/string_build.rounds.csv" "$RESULTS/runs/${runs[0]}/string_build.rounds.csv" \
  || fail "make report RUN= did not put the run's measurements in place"
grep -q "run ${runs[0]}" "$PLOTS/string_build.svg" || fail "the charts are not the published run's"
before=$(fingerprint)
status=0
RUN=no-such-run "$checkout/scripts/report.sh" > /dev/null 2> "$scratch/unknown.log" || status=$?
(( status == 2 )) && grep -q "${runs[1]}" "$scratch/unknown.log" || fail "make report RUN=<unknown> exited $status without the list"
[[ $(fingerprint) == "$before" ]] || fail "make report RUN=<unknown> changed files"
pass
finish
