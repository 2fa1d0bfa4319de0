#!/usr/bin/env bash
# tests/test_bad_input.sh: unknown names, malformed flags and broken CSVs are refused with a clear
# message and an exit status that says so, and leave the previous results exactly as they were.
source "$(dirname "$0")/lib.sh"
export RESULTS=$scratch/results PLOTS=$scratch/plots
ONLY=harness_overhead "$root/scripts/bench.sh" > "$scratch/log" 2>&1 || { cat "$scratch/log"; fail "first run failed"; }
before=$(fingerprint)

expect() { # expect STATUS PATTERN command...: the command exits STATUS and says PATTERN
  local status=$1 pattern=$2; shift 2
  set +e; "$@" > "$scratch/out" 2>&1; local got=$?; set -e
  (( got == status )) || { cat "$scratch/out"; fail "$* exited $got, expected $status"; }
  grep -q -- "$pattern" "$scratch/out" || { cat "$scratch/out"; fail "$* did not say '$pattern'"; }
  [[ $(fingerprint) == "$before" ]] || fail "$* changed files"
  pass
}

expect 2 "unknown comparison 'nope'" env ONLY=nope "$root/scripts/bench.sh"
expect 2 "Valid names: .*array_doubling" env ONLY=nope "$root/scripts/bench.sh"
expect 2 "unrecognized command-line flag: --benchmark_nonsense" \
  env BENCH_ARGS=--benchmark_nonsense=1 "$root/scripts/bench.sh"
expect 2 "benchmark_min_time" env BENCH_ARGS=--benchmark_min_time=0.5s "$root/scripts/bench.sh"
expect 2 "SEED must be" env SEED=abc "$root/scripts/bench.sh"
expect 2 "unknown flag --idiom_bogus" "$BIN/bm_harness_overhead" --idiom_bogus
expect 2 "SEED must fit in 64 bits" env SEED=18446744073709551616 "$root/scripts/bench.sh"
expect 2 "SEED must fit in 64 bits" env SEED=99999999999999999999999 "$root/scripts/bench.sh"
expect 2 "BENCH_ARGS cannot hold quotes" env BENCH_ARGS="--benchmark_filter='a b'" "$root/scripts/bench.sh"
expect 2 "unknown comparison ' harness_overhead'" env "ONLY=array_doubling, harness_overhead" "$root/scripts/bench.sh"
expect 2 "unknown comparison ''" env "ONLY=," "$root/scripts/bench.sh"
expect 2 "unknown allocator 'nope'" env ALLOC=nope "$root/scripts/bench.sh"
expect 2 "CPYTHON must be 0 or 1" env CPYTHON=yes "$root/scripts/bench.sh"

# make compare with a corrupted archived run: a summary row cut short, then a broken JSON file.
run=$(ls "$RESULTS/runs" | head -1)
corrupt=$scratch/corrupt_run
cp -r "$RESULTS/runs/$run" "$corrupt"
echo "cut,short" >> "$corrupt/summary.csv"
before=$(fingerprint)
expect 2 "BASE run '$corrupt' is corrupted" "$root/scripts/compare.sh" "$corrupt" "$run"
cp "$RESULTS/runs/$run/summary.csv" "$corrupt/"
echo '{"run_id": ' > "$corrupt/environment.json"
expect 2 "environment.json is not valid JSON" "$root/scripts/compare.sh" "$run" "$corrupt"

# A CSV with a field too few on line 3, and one with a word where a number belongs.
broken=$scratch/broken
mkdir -p "$broken"
head -n 2 "$RESULTS/harness_overhead.csv" > "$broken/harness_overhead.csv"
echo "harness_overhead,native_cpp,n,0" >> "$broken/harness_overhead.csv"
cp "$RESULTS/environment.json" "$RESULTS/harness_overhead.facts.json" "$broken/"
before=$(fingerprint)
expect 1 "harness_overhead.csv:3: 4 fields, but the header has" "$root/scripts/plots.sh" "$broken" "$PLOTS"
sed -i '3d; 2s/,n,0,/,n,zero,/' "$broken/harness_overhead.csv"
before=$(fingerprint)
expect 1 "harness_overhead.csv:2: column 'x' holds 'zero', not a number" "$root/scripts/plots.sh" "$broken" "$PLOTS"
expect 1 "array_doubling.csv: no such file" "$root/scripts/plots.sh" "$broken" "$PLOTS" array_doubling
[[ -z $(find "$PLOTS" -name '.drawing*') ]] || fail "plots.sh left a half-drawn folder"
pass
finish
