#!/usr/bin/env bash
# scripts/bench.sh: measure every comparison (or ONLY=a,b), then publish and archive. Three steps:
# 1. sweeps: each comparison's variants at every x through Google Benchmark;
# 2. pairs: the plan's pairs (claims, crossovers, paired sweeps) in alternating slices, in
#    IDIOM_PROCESSES separate processes per comparison, the comparisons in a shuffled order each time;
# 3. the CPython side: each comparison's python/<comparison>.py, the article's own setup re-run in
#    Debian's CPython (CPYTHON=0 skips it);
# 4. instructions: every variant a claim names, its timed region counted by callgrind (INSTR=0 skips);
# 5. publish (summary, charts, report) and archive under results/runs/<run-id>/.
# If step 3, 4 or 5 fails, what steps 1 and 2 measured is still archived, marked INCOMPLETE with the
# step that failed, and `make report RUN=<run-id>` publishes it once the cause is mended.
# Everything is written into a staging folder and moved into place only when the whole run has
# succeeded: an interrupted or failed run leaves the previous results and charts as they were.
# Settings (environment): QUICK=1, ONLY=a,b, BENCH_ARGS='--benchmark_...', SEED=N, KEEP_RUNS=N, INSTR=0,
# CPYTHON=0, PYTHON=interpreter, ALLOC=glibc|jemalloc|mimalloc,
# and for tests BIN, BENCH_BIN, COUNT_BIN, CLAIMS, RESULTS, PLOTS.
# The whole script is one block, so bash has read all of it before it runs: editing this file
# during a long run cannot change what the run does next.
{
set -euo pipefail
source "$(dirname "$0")/common.sh"

results=${RESULTS:-$root/results}
plots=${PLOTS:-$root/plots}
quick=${QUICK:-0}
seed=${SEED:-$IDIOM_DEFAULT_SEED}
keep_runs=${KEEP_RUNS:-$IDIOM_KEEP_RUNS}
instr=${INSTR:-1}
cpython=${CPYTHON:-1}
alloc=${ALLOC:-glibc}
read -r -a bench_args <<< "${BENCH_ARGS:-}"

usage_error() { echo "idiombench: $*" >&2; exit 2; }

[[ $quick == 0 || $quick == 1 ]] || usage_error "QUICK must be 0 or 1, not '$quick'"
[[ $instr == 0 || $instr == 1 ]] || usage_error "INSTR must be 0 or 1, not '$instr'"
[[ $cpython == 0 || $cpython == 1 ]] || usage_error "CPYTHON must be 0 or 1, not '$cpython'"
[[ " ${allocators[*]} " == *" $alloc "* ]] \
  || usage_error "unknown allocator '$alloc' in ALLOC. Valid names: $(IFS=,; echo "${allocators[*]}")"
[[ $seed =~ ^[0-9]+$ ]] || usage_error "SEED must be a non-negative whole number, not '$seed'"
# At most 2^64 - 1 = 18446744073709551615: compared as text, since bash's arithmetic is 64-bit signed.
seed=$(echo "$seed" | sed 's/^0*\([0-9]\)/\1/')
(( ${#seed} < 20 )) || [[ ${#seed} == 20 && $seed < 18446744073709551616 ]] \
  || usage_error "SEED must fit in 64 bits (at most 18446744073709551615), not '$seed'"
[[ ${BENCH_ARGS:-} != *[\'\"\\]* ]] \
  || usage_error "BENCH_ARGS cannot hold quotes or backslashes: its flags are split at spaces, with no shell quoting (got: ${BENCH_ARGS})"
[[ $keep_runs =~ ^[1-9][0-9]*$ ]] || usage_error "KEEP_RUNS must be a whole number of at least 1, not '$keep_runs'"
[[ -f $claims ]] || usage_error "no claims file $claims"
mapfile -t available < <(built_comparisons)
(( ${#available[@]} > 0 )) || die "no bm_* executables in $bench_bin: build first"

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

lock_results "$results"

# Check BENCH_ARGS before anything runs: Google Benchmark names an unknown or malformed flag.
for name in "${selected[@]}"; do
  if ! complaint=$("$bench_bin/bm_$name" --benchmark_list_tests=true "${bench_args[@]}" 2>&1 >/dev/null); then
    echo "$complaint" >&2
    usage_error "BENCH_ARGS has a flag Google Benchmark does not accept (see above); nothing was run"
  fi
done

# The allocator: installed on demand, preloaded into every bench process, and checked to be the one
# malloc resolves to, so that a preload that silently failed is never reported as another allocator.
"$root/scripts/deps.sh" alloc "$alloc" || exit 2
preload=$(allocator_preload "$alloc")
allocator_detail=$(allocator_check "$alloc" "$preload" "$bench_bin/bm_${selected[0]}") \
  || die "ALLOC=$alloc could not be loaded (see above); nothing was run"

# The CPython side's interpreter, before anything runs: a missing NumPy stops the run here.
if (( cpython )); then cpython_interpreter >/dev/null || exit 2; fi

stage_begin "$results" "$plots"
run_id=$(date -u +%Y%m%dT%H%M%SZ)
# Two runs in one second (tests do that) get distinct archives.
for (( n = 2; ; n++ )); do [[ -e $results/runs/$run_id ]] || break; run_id=${run_id%%-*}-$n; done
commit=$(git -C "$root" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
dirty=$([[ -n $(git -C "$root" status --porcelain 2>/dev/null) ]] && echo 1 || echo 0)
mapfile -t own_flags < <(SEED=$seed QUICK=$quick run_flags "$stage/results")

started=$SECONDS
for i in "${!selected[@]}"; do
  name=${selected[$i]}
  echo "idiombench: sweep [$((i + 1))/${#selected[@]}] $name ($((SECONDS - started)) s elapsed)" >&2
  rm -f "$stage/results/$name.rounds.csv"   # this run's rounds replace the last run's
  LD_PRELOAD=$preload "$bench_bin/bm_$name" "${own_flags[@]}" "${bench_args[@]}" \
    || die "$name failed (see above); results/ and plots/ are as they were"
done

# The pairs: each comparison's in separate processes, the comparisons shuffled anew each time.
"$bin/idiom_plan" --results "$stage/results" --claims "$claims" --out "$stage/results/plan.tsv"
for (( process = 1; process <= IDIOM_PROCESSES; process++ )); do
  mapfile -t order < <(printf '%s\n' "${selected[@]}" \
                       | awk -v s="$(( seed % 1000003 * 7 + process ))" 'BEGIN { srand(s) } { print rand() "\t" $0 }' \
                       | sort -g | cut -f2-)
  for name in "${order[@]}"; do
    csv_awk "$stage/results/plan.tsv" '$(c["comparison"]) == n { found = 1 } END { exit !found }' \
      -F'\t' -v n="$name" || continue
    echo "idiombench: pairs [process $process/$IDIOM_PROCESSES] $name ($((SECONDS - started)) s elapsed)" >&2
    LD_PRELOAD=$preload "$bench_bin/bm_$name" "${own_flags[@]}" --idiom_pairs="$stage/results/plan.tsv" \
      --idiom_process="$process" \
      || die "$name failed in its pairs (see above); results/ and plots/ are as they were"
  done
done

# What is derived from the measurements from here on (the CPython side, the instruction count, the
# summary, charts and report) may fail: the measurements then survive, archived as an incomplete run
# that `make report RUN=<run-id>` publishes once the cause is mended.
failed_steps=()
# The last run's ledgers, staged with the rest of results/, must not pass for this run's.
for file in "${run_derived_files[@]}"; do rm -f "$stage/results/$file"; done

# The CPython side: this run's figures replace the last run's; with CPYTHON=0 there are none for these comparisons.
for name in "${selected[@]}"; do rm -f "$stage/results/$name".cpython{.csv,.json,_rounds.csv}; done
cpython_text="skipped (CPYTHON=0)"
if (( cpython )); then
  if cpython_text=$(SEED=$seed QUICK=$quick "$root/scripts/cpython.sh" "$stage/results" "${selected[@]}"); then
    (( quick )) && cpython_text="$cpython_text; QUICK: reduced sizes, not the articles' points"
  else
    failed_steps+=("the CPython side (CPYTHON=0 skips it)")
    cpython_text="failed (see the run's log)"
  fi
fi

# This run's instruction counts replace the last run's; with INSTR=0 there are none for these comparisons.
for name in "${selected[@]}"; do rm -f "$stage/results/$name.instr.csv"; done
instr_text="skipped (INSTR=0)"
if (( instr )); then
  instr_text="$(valgrind --version) callgrind, timed regions only, code built with -march=$(sed -n 's/^IDIOM_MARCH:STRING=//p' \
    "$count_bin/../CMakeCache.txt" 2>/dev/null)"
  [[ $alloc == glibc ]] || instr_text="$instr_text, with glibc's malloc (the allocator is not preloaded under valgrind)"
  SEED=$seed QUICK=$quick "$root/scripts/count.sh" "$stage/results" "$stage/results/plan.tsv" "${selected[@]}" \
    || { failed_steps+=("the instruction count (INSTR=0 skips it)"); instr_text="failed (see the run's log)"; }
fi

"$bin/idiom_env" --out "$stage/results/environment.json" --run-id "$run_id" --seed "$seed" \
  --commit "$commit" --dirty "$dirty" --quick "$quick" --instr "$instr_text" --cpython "$cpython_text" --allocator "$alloc" --allocator-detail "$allocator_detail" --bench-args "${BENCH_ARGS:-}" \
  --gnuplot "$(gnuplot --version)"
# Each comparison keeps the fingerprint of the run that measured it: an ONLY= run keeps the other
# comparisons' older results, which environment.json (this run's) does not describe.
for name in "${selected[@]}"; do cp "$stage/results/environment.json" "$stage/results/$name.environment.json"; done
if (( ${#failed_steps[@]} == 0 )); then
  publish "$stage/results" "$stage/plots" || failed_steps+=("$publish_failed")
fi

# The archive of this run: what it measured, and the ledger as it stood after it.
archive=$stage/archive/$run_id
archive_run "$stage/results" "$archive" "${selected[@]}"
# file_archive: the archive into results/runs/, keeping the newest KEEP_RUNS (run ids sort by time).
file_archive() {
  local archived i
  mkdir -p "$results/runs"
  mv "$archive" "$results/runs/$run_id"
  mapfile -t archived < <(list_runs "$results/runs")
  for (( i = 0; i + keep_runs < ${#archived[@]}; i++ )); do rm -rf "${results:?}/runs/${archived[$i]}"; done
}
if (( ${#failed_steps[@]} > 0 )); then
  # Nothing is published; what was measured is kept, marked with the steps that failed.
  printf '%s\n' "${failed_steps[@]}" > "$archive/$incomplete_marker"
  file_archive
  failed=$(printf '%s; ' "${failed_steps[@]}")
  echo "idiombench: ${failed%; } failed (see above): results/ and plots/ are as they were." >&2
  echo "idiombench: what this run measured is archived as incomplete run $run_id ($results/runs/$run_id)." \
       "Mend the cause, then publish it without measuring again: make report RUN=$run_id" >&2
  exit 1
fi

# Everything succeeded: move into place, one rename per file.
stage_commit "$results" "$plots"
file_archive
echo "idiombench: done in $((SECONDS - started)) s. Report: $results/REPORT.md; charts: $plots/;" \
     "archived as run $run_id (make compare BASE=$run_id)" >&2
exit 0
}
