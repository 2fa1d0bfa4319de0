#!/usr/bin/env bash
# tests/test_incomplete.sh: what a run measured survives a failure of what is derived from it. A chart
# broken on purpose (a line whose file cannot be read: gnuplot only warns, the suite fails) fails a
# QUICK run after it has measured: results/ and plots/ stay as they were, the run is archived marked
# INCOMPLETE with the step that failed, the message names it and the command that publishes it, and
# once the chart is mended, make report RUN=<run-id> publishes it.
source "$(dirname "$0")/lib.sh"
checkout=$(long_checkout)
export RESULTS=$checkout/results PLOTS=$checkout/plots ONLY=harness_overhead,string_build
"$checkout/scripts/bench.sh" > "$scratch/first.log" 2>&1 || { cat "$scratch/first.log"; fail "the first run failed"; }
published() { (cd "$RESULTS" && find . -path ./runs -prune -o -type f ! -name '.*' -print0 | sort -z | xargs -0 sha256sum)
              (cd "$PLOTS" && find . -type f ! -path './.drawing*' -print0 | sort -z | xargs -0 sha256sum); }
chart=$checkout/comparisons/string_build/string_build.gp
cp "$chart" "$scratch/string_build.gp"
sed -i '0,/^plot for \[i = 1:nv\] csv/s//plot "no such file.csv" using 1:2 title "lost", for [i = 1:nv] csv/' "$chart"
grep -q 'no such file' "$chart" || fail "the chart was not broken"
before=$(published)
status=0
"$checkout/scripts/bench.sh" > "$scratch/broken.log" 2>&1 || status=$?
(( status == 1 )) || { cat "$scratch/broken.log"; fail "a run whose chart lost a line exited $status, not 1"; }
grep -q 'Cannot find or open file' "$scratch/broken.log" || fail "gnuplot's warning was not shown"
run_id=$(sed -n 's/.*archived as incomplete run \([^ ]*\) .*/\1/p' "$scratch/broken.log")
[[ -n $run_id ]] || { cat "$scratch/broken.log"; fail "the failure did not name the archived run"; }
grep -q "make report RUN=$run_id" "$scratch/broken.log" || fail "the failure did not give the command that publishes it"
[[ $(published) == "$before" ]] || { diff <(echo "$before") <(published); fail "a run whose charts failed changed results/ or plots/"; }
archive=$RESULTS/runs/$run_id
grep -q 'the charts' "$archive/INCOMPLETE" || fail "the archive does not say which step failed"
for file in environment.json plan.tsv string_build.csv string_build.json string_build.rounds.csv string_build.facts.json \
            harness_overhead.csv; do
  [[ -s $archive/$file ]] || fail "the incomplete archive lacks $file"
done
[[ $(json_get "$archive/environment.json" run_id) == "$run_id" ]] || fail "the archive's fingerprint is another run's"
pass

# An incomplete run has no ledger yet: compare says so, and how to publish it.
status=0
"$checkout/scripts/compare.sh" "$run_id" > "$scratch/compare.log" 2>&1 || status=$?
(( status == 2 )) && grep -q "incomplete.*make report RUN=$run_id" "$scratch/compare.log" \
  || { cat "$scratch/compare.log"; fail "compare of an incomplete run exited $status without saying why"; }
# Still broken: make report RUN= fails and changes nothing.
status=0
RUN=$run_id "$checkout/scripts/report.sh" > "$scratch/still.log" 2>&1 || status=$?
(( status != 0 )) || fail "make report RUN= published with the chart still broken"
[[ $(published) == "$before" && -f $archive/INCOMPLETE ]] || fail "a failed make report RUN= changed files"
pass

# Mended: make report RUN= publishes the archived run without measuring, and the archive is whole.
cp "$scratch/string_build.gp" "$chart"
mkdir -p "$scratch/no_benches"
RUN=$run_id BENCH_BIN=$scratch/no_benches "$checkout/scripts/report.sh" > "$scratch/report.log" 2>&1 \
  || { cat "$scratch/report.log"; fail "make report RUN= failed once the chart was mended"; }
[[ $(json_get "$RESULTS/environment.json" run_id) == "$run_id" ]] || fail "make report RUN= did not publish the run"
grep -q "run $run_id" "$PLOTS/string_build.svg" || fail "the published chart is not the run's"
cmp -s "$RESULTS/string_build.rounds.csv" "$archive/string_build.rounds.csv" || fail "the run's measurements are not in place"
[[ ! -e $archive/INCOMPLETE && -s $archive/summary.csv ]] || fail "the published archive was not made whole"
"$checkout/scripts/compare.sh" "$run_id" > "$scratch/compare.log" 2>&1 || { cat "$scratch/compare.log"; fail "compare of the published run failed"; }
pass
finish
