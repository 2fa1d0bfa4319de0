#!/usr/bin/env bash
# scripts/bench.sh: run every comparison (or ONLY=a,b), then put results/ and plots/ in place.
# Everything is written into a staging folder first and moved into place only when the whole run
# has succeeded: an interrupted or failed run leaves the previous results and charts as they were.
# A successful run is also archived under results/runs/<run-id>/ (its CSVs, JSON, environment and
# summary; no charts), keeping the newest KEEP_RUNS archives.
# Settings (environment): QUICK=1, ONLY=a,b, BENCH_ARGS='--benchmark_...', SEED=N, KEEP_RUNS=N,
# and for tests BIN, RESULTS, PLOTS (default build/release/bin, results, plots).
# The whole script is one block, so bash has read all of it before it runs: editing this file
# during a long run cannot change what the run does next.
{
set -euo pipefail
source "$(dirname "$0")/common.sh"

results=${RESULTS:-$root/results}
plots=${PLOTS:-$root/plots}
quick=${QUICK:-0}
seed=${SEED:-20261121}
keep_runs=${KEEP_RUNS:-30}
read -r -a bench_args <<< "${BENCH_ARGS:-}"

usage_error() { echo "idiombench: $*" >&2; exit 2; }

[[ $quick == 0 || $quick == 1 ]] || usage_error "QUICK must be 0 or 1, not '$quick'"
[[ $seed =~ ^[0-9]+$ ]] || usage_error "SEED must be a non-negative whole number, not '$seed'"
[[ $keep_runs =~ ^[1-9][0-9]*$ ]] || usage_error "KEEP_RUNS must be a whole number of at least 1, not '$keep_runs'"
mapfile -t available < <(built_comparisons)
(( ${#available[@]} > 0 )) || die "no bm_* executables in $bin: build first"

selected=()
if [[ -n ${ONLY:-} ]]; then
  IFS=',' read -r -a wanted <<< "$ONLY"
  for name in "${wanted[@]}"; do
    [[ " ${available[*]} " == *" $name "* ]] \
      || usage_error "unknown comparison '$name' in ONLY. Valid names: $(IFS=,; echo "${available[*]}")"
    selected+=("$name")
  done
else
  selected=("${available[@]}")
fi

# Check BENCH_ARGS before anything runs: Google Benchmark names an unknown or malformed flag.
for name in "${selected[@]}"; do
  if ! complaint=$("$bin/bm_$name" --benchmark_list_tests=true "${bench_args[@]}" 2>&1 >/dev/null); then
    echo "$complaint" >&2
    usage_error "BENCH_ARGS has a flag Google Benchmark does not accept (see above); nothing was run"
  fi
done

mkdir -p "$results" "$plots"
stage=$(fresh_scratch_dir "$results" .staging)
trap 'rm -rf "$stage"' EXIT
trap 'echo "idiombench: interrupted; results/ and plots/ are as they were" >&2; exit 130' INT TERM
mkdir -p "$stage/results" "$stage/plots"
# The staged results start as the current ones, so summary and report cover every comparison.
find "$results" -maxdepth 1 -type f ! -name README.md ! -name '.*' -exec cp -p {} "$stage/results/" \;

run_id=$(date -u +%Y%m%dT%H%M%SZ)
# Two runs in one second (tests do that) get distinct archives.
for (( n = 2; ; n++ )); do [[ -e $results/runs/$run_id ]] || break; run_id=${run_id%%-*}-$n; done
commit=$(git -C "$root" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
dirty=$([[ -n $(git -C "$root" status --porcelain 2>/dev/null) ]] && echo 1 || echo 0)
quick_flag=(); (( quick )) && quick_flag=(--idiom_quick)

started=$SECONDS
for i in "${!selected[@]}"; do
  name=${selected[$i]}
  echo "idiombench: [$((i + 1))/${#selected[@]}] $name ($((SECONDS - started)) s elapsed)" >&2
  "$bin/bm_$name" --idiom_out="$stage/results" --idiom_seed="$seed" "${quick_flag[@]}" "${bench_args[@]}" \
    || die "$name failed (see above); results/ and plots/ are as they were"
done

"$bin/idiom_env" --out "$stage/results/environment.json" --run-id "$run_id" --seed "$seed" \
  --commit "$commit" --dirty "$dirty" --quick "$quick" --bench-args "${BENCH_ARGS:-}" \
  --gnuplot "$(gnuplot --version)"
# Each comparison keeps the fingerprint of the run that measured it: an ONLY= run keeps the other
# comparisons' older results, which environment.json (this run's) does not describe.
for name in "${selected[@]}"; do cp "$stage/results/environment.json" "$stage/results/$name.environment.json"; done
"$bin/idiom_summary" --results "$stage/results" --claims "$root/claims/articles.tsv"
"$root/scripts/plots.sh" "$stage/results" "$stage/plots"
"$bin/idiom_report" --results "$stage/results" --claims "$root/claims/articles.tsv" --plots-link ../plots

# The archive of this run: what it measured, and the ledger as it stood after it.
archive=$stage/archive/$run_id
mkdir -p "$archive"
for name in "${selected[@]}"; do
  cp -p "$stage/results/$name".{csv,reps.csv,json,environment.json} "$archive/"
done
cp -p "$stage/results"/{environment.json,summary.csv} "$archive/"

# Everything succeeded: move into place, one rename per file.
for f in "$stage/results"/*; do mv -f "$f" "$results/"; done
for f in "$stage/plots"/*; do mv -f "$f" "$plots/"; done
mkdir -p "$results/runs"
mv "$archive" "$results/runs/$run_id"
# Bounded retention: run ids sort by time, so the oldest come first.
mapfile -t archived < <(list_runs "$results/runs")
for (( i = 0; i + keep_runs < ${#archived[@]}; i++ )); do rm -rf "${results:?}/runs/${archived[$i]}"; done
echo "idiombench: done in $((SECONDS - started)) s. Report: $results/REPORT.md; charts: $plots/;" \
     "archived as run $run_id (make compare BASE=$run_id)" >&2
exit 0
}
