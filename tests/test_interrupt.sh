#!/usr/bin/env bash
# tests/test_interrupt.sh: a run killed midway, by Ctrl-C or by SIGKILL, leaves the previous results
# and charts byte for byte as they were.
source "$(dirname "$0")/lib.sh"
# Three comparisons: what is tested is the run's staging, the same for three comparisons as for twenty,
# and a whole QUICK run twice would not fit the test's time beside the others.
export RESULTS=$scratch/results PLOTS=$scratch/plots ONLY=harness_overhead,string_build,miss_handling
"$root/scripts/bench.sh" > "$scratch/log" 2>&1 || { cat "$scratch/log"; fail "first run failed"; }
before=$(fingerprint)

# Job control gives the run its own process group, as a terminal's foreground job has, and keeps
# SIGINT from being ignored as it is for background jobs of a script.
set -m
for signal in INT KILL; do
  # A slow run (long minimum time) so that it is surely mid-measurement when the signal comes.
  BENCH_ARGS="--benchmark_min_time=0.5 --benchmark_repetitions=2" "$root/scripts/bench.sh" \
    > "$scratch/log" 2>&1 &
  runner=$!
  for _ in $(seq 100); do grep -q '\[1/' "$scratch/log" 2>/dev/null && break; sleep 0.1; done
  sleep 1
  kill -s "$signal" -- "-$runner"
  wait "$runner" && fail "the run finished before SIG$signal reached it"
  [[ $(fingerprint) == "$before" ]] || fail "SIG$signal midway changed results or charts"
  pass
done
# The next run clears what the killed one left behind, and succeeds.
"$root/scripts/bench.sh" > "$scratch/log" 2>&1 || { cat "$scratch/log"; fail "the run after the kills failed"; }
[[ -z $(find "$RESULTS" "$PLOTS" -name '.staging*' -o -name '.drawing*') ]] || fail "a killed run's staging was left"
pass
finish
