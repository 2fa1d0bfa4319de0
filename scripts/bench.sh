#!/usr/bin/env bash
# scripts/bench.sh: measure every comparison (or ONLY=a,b), then publish and archive. Three steps:
# 1. sweeps: each comparison's variants at every x through Google Benchmark;
# 2. pairs: the plan's pairs (claims, crossovers, paired sweeps) in alternating slices, in passes of
#    one process per comparison, the comparisons in a shuffled order each time: IDIOM_MIN_PROCESSES
#    passes of every pair, then passes of the pairs not yet sure (idiom_pending), up to
#    IDIOM_MAX_PROCESSES and while the IDIOM_PAIRS_BUDGET lasts, then the A/A control's alone until
#    it is sure;
# 3. the CPython side: each comparison's python/<comparison>.py, the article's own setup re-run in
#    Debian's CPython (CPYTHON=0 skips it);
# 4. instructions: every variant a claim names, its timed region counted by callgrind (INSTR=0 skips);
# 5. publish (summary, charts, report) and archive under results/runs/<run-id>/.
# Each step's time per comparison, and the CPU's steal and busy time meanwhile (/proc/stat), go into
# results/phases.tsv and environment.json; the log says each phase's time as it ends.
# If step 3, 4 or 5 fails, what steps 1 and 2 measured is still archived, marked INCOMPLETE with the
# step that failed, and `make report RUN=<run-id>` publishes it once the cause is mended.
# Everything is written into a staging folder and moved into place only when the whole run has
# succeeded: an interrupted or failed run leaves the previous results and charts as they were.
# Settings (environment): QUICK=1, ONLY=a,b, BENCH_ARGS='--benchmark_...', SEED=N, KEEP_RUNS=N, INSTR=0,
# CPYTHON=0, PYTHON=interpreter, ALLOC=glibc|jemalloc|mimalloc, PAIRS_BUDGET=seconds (the full run's
# pairs budget, IDIOM_PAIRS_BUDGET by default), MIN_PROCESSES=n (IDIOM_MIN_PROCESSES by default),
# QUICK_PROCESSES=n (a QUICK run's processes per pair, IDIOM_QUICK_MIN_PROCESSES by default), and
# for make robustness SWEEPS_FROM=folder, SWEEP_ONLY=a,b and PUBLISH=summary (only summary.csv),
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
sweeps_from=${SWEEPS_FROM:-}  # make robustness: take the sweeps from this results folder...
sweep_only=${SWEEP_ONLY:-}    # ...but for these comparisons (a,b), which are swept here

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
[[ -z $sweeps_from || -d $sweeps_from ]] || usage_error "SWEEPS_FROM names no folder: $sweeps_from"
[[ -z ${PAIRS_BUDGET:-} || ${PAIRS_BUDGET:-} =~ ^[1-9][0-9]*$ ]] || usage_error "PAIRS_BUDGET must be a whole number of seconds, not '${PAIRS_BUDGET:-}'"
[[ -z ${MIN_PROCESSES:-} || ${MIN_PROCESSES:-} =~ ^[2-9]$|^1[0-9]$ ]] || usage_error "MIN_PROCESSES must be a whole number from 2 to 19, not '${MIN_PROCESSES:-}'"
[[ -z ${QUICK_PROCESSES:-} || ${QUICK_PROCESSES:-} =~ ^[1-9]$ ]] || usage_error "QUICK_PROCESSES must be a whole number from 1 to 9, not '${QUICK_PROCESSES:-}'"
[[ ${PUBLISH:-all} == all || ${PUBLISH:-all} == summary ]] || usage_error "PUBLISH must be all or summary, not '${PUBLISH:-}'"
chosen=$(selected_comparisons) || exit $?
mapfile -t selected <<< "$chosen"

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

phases=$stage/results/phases.tsv
printf 'phase\tcomparison\tseconds\tticks\tidle_ticks\tsteal_ticks\n' > "$phases"
# cpu_ticks: /proc/stat's ticks of every CPU so far: all of them, idle (with iowait), and stolen by
# the hypervisor for other guests (user nice system idle iowait irq softirq steal).
cpu_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9, $5 + $6, $9; exit }' /proc/stat; }
# timed PHASE COMPARISON COMMAND...: run COMMAND and add a row for it to phases.tsv; COMMAND's status.
timed() {
  local phase=$1 name=$2 before after start=$EPOCHREALTIME status=0
  shift 2
  before=$(cpu_ticks)
  "$@" || status=$?
  after=$(cpu_ticks)
  awk -v p="$phase" -v n="$name" -v t0="$start" -v t1="$EPOCHREALTIME" -v b="$before" -v a="$after" \
      'BEGIN { split(b, x, " "); split(a, y, " ")
               printf "%s\t%s\t%.3f\t%d\t%d\t%d\n", p, n, t1 - t0, y[1] - x[1], y[2] - x[2], y[3] - x[3] }' >> "$phases"
  return "$status"
}
# phase_took PHASE: the log's line of a phase's total time.
phase_took() {
  csv_awk "$phases" '$(c["phase"]) == p { s += $(c["seconds"]) } END { printf "idiombench: %s took %.0f s\n", p, s }' \
    -F'\t' -v p="$1" >&2
}
# Debian's libbenchmark was built without NDEBUG and says so as each sweep starts; said once here.
gb_debug_warning='***WARNING*** Library was built as DEBUG. Timings may be affected.'
echo "idiombench: Debian's Google Benchmark warns that it \"was built as DEBUG\": its assertions are on." \
     "No figure here rests on them: every timed loop is idiombench's own batch loop, and the harness's" \
     "calibration measures what Google Benchmark's loop adds (see REPORT.md). The warning is left out of the log below." >&2
# bench COMMAND...: a bench executable with the allocator preloaded, without that warning.
bench() { { env LD_PRELOAD="$preload" "$@" 2>&1 1>&3 3>&- | { grep -v -x -F -- "$gb_debug_warning" || true; } >&2; } 3>&1; }

# counted_rows NAME: a comparison that takes another run's sweep measures again, itself, the rows its
# claims of what is counted read (idiom_plan --counted: bytes, a declared counter), into a folder of
# their own, and puts them in place of that sweep's rows of the same variant and x. phases.tsv's
# sweep row for it is this pass, which is what makes those claims this run's own.
counted_rows() {
  local name=$1 own=$stage/counted/$1 variants xs flags
  variants=$(csv_awk "$stage/counted.tsv" '$(c["comparison"]) == n { print $(c["variant"]) }' -F'\t' -v n="$name" | sort -u | paste -sd'|')
  [[ -n $variants ]] || return 0
  xs=$(csv_awk "$stage/counted.tsv" '$(c["comparison"]) == n { print $(c["x"]) }' -F'\t' -v n="$name" | sort -u | sed 's/\./\\./g' | paste -sd'|')
  mkdir -p "$own"
  mapfile -t flags < <(run_flags "$own")
  echo "idiombench: sweep $name: only the rows its counted claims read (the rest is $sweeps_from's)" >&2
  timed sweep "$name" bench "$bench_bin/bm_$name" "${flags[@]}" "${bench_args[@]}" --benchmark_filter="^$name/($variants)/($xs)/" \
    || die "$name failed (see above); results/ and plots/ are as they were"
  awk -F, -v own="$own/$name.csv" '
    FNR == 1 { if (NR == 1) for (i = 1; i <= NF; i++) c[$i] = i; if (FILENAME != own) print; next }
    FILENAME == own { measured[$(c["variant"]) "," $(c["x"])] = $0; next }
    { key = $(c["variant"]) "," $(c["x"]); print key in measured ? measured[key] : $0 }' \
    "$own/$name.csv" "$stage/results/$name.csv" > "$own/merged.csv"
  mv "$own/merged.csv" "$stage/results/$name.csv"
}

started=$SECONDS
if [[ -n $sweeps_from ]]; then
  "$bin/idiom_plan" --results "$sweeps_from" --claims "$claims" --out /dev/null --counted "$stage/counted.tsv" \
    || die "could not list the counted claims' rows of $sweeps_from"
fi
for i in "${!selected[@]}"; do
  name=${selected[$i]}
  rm -f "$stage/results/$name.rounds.csv"   # this run's rounds replace the last run's
  if [[ -n $sweeps_from && ",$sweep_only," != *",$name,"* ]]; then
    # Not swept here: another run's sweep (make robustness's reference), which only plans the pairs,
    # but for the rows its claims of what is counted read, measured again here (counted_rows).
    for file in csv facts.json json reps.csv; do
      [[ ! -f $sweeps_from/$name.$file ]] || cp "$sweeps_from/$name.$file" "$stage/results/"
    done
    counted_rows "$name"
    continue
  fi
  echo "idiombench: sweep [$((i + 1))/${#selected[@]}] $name ($((SECONDS - started)) s elapsed)" >&2
  timed sweep "$name" bench "$bench_bin/bm_$name" "${own_flags[@]}" "${bench_args[@]}" \
    || die "$name failed (see above); results/ and plots/ are as they were"
done
phase_took sweep

# The pairs: in passes, each comparison's in a process of its own, the comparisons shuffled anew
# each pass; after the first only the pairs not yet sure (a timing claim is not before it has
# IDIOM_MIN_PROCESSES), and once every claim has those, only while the budget lasts (a pass is not
# begun if the last one's length would overrun it).
"$bin/idiom_plan" --results "$stage/results" --claims "$claims" --out "$stage/results/plan.tsv"
if (( quick )); then
  min_processes=${QUICK_PROCESSES:-$IDIOM_QUICK_MIN_PROCESSES} max_processes=${QUICK_PROCESSES:-$IDIOM_QUICK_MAX_PROCESSES}
  budget=$IDIOM_QUICK_PAIRS_BUDGET
else
  min_processes=${MIN_PROCESSES:-$IDIOM_MIN_PROCESSES} max_processes=$IDIOM_MAX_PROCESSES
  budget=${PAIRS_BUDGET:-$IDIOM_PAIRS_BUDGET}
fi
pending_plan=$stage/results/pending.tsv
n_pairs=$(( $(wc -l < "$stage/results/plan.tsv") - 1 ))
pairs_started=$SECONDS last_pass=0 controls_only=()
# pending_pairs: how many of the plan's pairs (only the controls', once controls_only is set) are not
# yet sure; writes them to pending_plan.
pending_pairs() {
  "$bin/idiom_pending" --plan "$stage/results/plan.tsv" --results "$stage/results" --claims "$claims" \
    --out "$pending_plan" --min-processes "$min_processes" "${controls_only[@]}"
}
(( n_pairs > 0 )) || max_processes=0   # no claim of these comparisons is timed: nothing to pair
for (( process = 1; process <= max_processes; process++ )); do
  pass_plan=$stage/results/plan.tsv
  if (( process > 1 )); then
    pending=$(pending_pairs)
    echo "idiombench: pairs: $pending of $n_pairs not yet sure after $((process - 1)) pass(es)" \
         "($((SECONDS - pairs_started)) s of the pairs' $budget s)${controls_only:+ (the A/A controls only)}" >&2
    if (( ! ${#controls_only[@]} && process > min_processes && SECONDS - pairs_started + last_pass > budget )); then
      # The budget is spent; the controls, cheap and needing more processes than a claim to tell "no
      # difference" (idiom_pending), go on alone until they are sure or have IDIOM_MAX_PROCESSES.
      controls_only=(--controls-only)
      pending=$(pending_pairs)
      echo "idiombench: pairs: the budget would not hold another pass of every unsure pair;" \
           "$pending A/A control pair(s) not yet sure go on alone" >&2
    fi
    (( pending > 0 )) || break
    pass_plan=$pending_plan
  fi
  pass_started=$SECONDS
  mapfile -t order < <(printf '%s\n' "${selected[@]}" \
                       | awk -v s="$(( seed % 1000003 * 7 + process ))" 'BEGIN { srand(s) } { print rand() "\t" $0 }' \
                       | sort -g | cut -f2-)
  for name in "${order[@]}"; do
    csv_awk "$pass_plan" '$(c["comparison"]) == n { found = 1 } END { exit !found }' -F'\t' -v n="$name" || continue
    echo "idiombench: pairs [pass $process] $name ($((SECONDS - started)) s elapsed)" >&2
    timed pairs "$name" bench "$bench_bin/bm_$name" "${own_flags[@]}" --idiom_pairs="$pass_plan" --idiom_process="$process" \
      || die "$name failed in its pairs (see above); results/ and plots/ are as they were"
  done
  last_pass=$((SECONDS - pass_started))
done
rm -f "$pending_plan"
phase_took pairs

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
  if cpython_text=$(SEED=$seed QUICK=$quick timed cpython all "$root/scripts/cpython.sh" "$stage/results" "${selected[@]}"); then
    (( quick )) && cpython_text="$cpython_text; QUICK: reduced sizes, not the articles' points"
  else
    failed_steps+=("the CPython side (CPYTHON=0 skips it)")
    cpython_text="failed (see the run's log)"
  fi
  phase_took cpython
fi

# This run's instruction counts replace the last run's; with INSTR=0 there are none for these comparisons.
for name in "${selected[@]}"; do rm -f "$stage/results/$name.instr.csv"; done
instr_text="skipped (INSTR=0)"
if (( instr )); then
  instr_text="$(valgrind --version) callgrind, timed regions only, code built with -march=$(sed -n 's/^IDIOM_MARCH:STRING=//p' \
    "$count_bin/../CMakeCache.txt" 2>/dev/null)"
  [[ $alloc == glibc ]] || instr_text="$instr_text, with glibc's malloc (the allocator is not preloaded under valgrind)"
  SEED=$seed QUICK=$quick timed instructions all "$root/scripts/count.sh" "$stage/results" "$stage/results/plan.tsv" \
    "${selected[@]}" || { failed_steps+=("the instruction count (INSTR=0 skips it)"); instr_text="failed (see the run's log)"; }
  phase_took instructions
fi

# write_environment: environment.json, this run's fingerprint with its phases so far, and a copy for
# each comparison, which keeps the fingerprint of the run that measured it: an ONLY= run keeps the
# other comparisons' older results, which environment.json (this run's) does not describe.
write_environment() {
  "$bin/idiom_env" --out "$stage/results/environment.json" --run-id "$run_id" --seed "$seed" \
    --commit "$commit" --dirty "$dirty" --quick "$quick" --instr "$instr_text" --cpython "$cpython_text" \
    --allocator "$alloc" --allocator-detail "$allocator_detail" --bench-args "${BENCH_ARGS:-}" \
    --gnuplot "$(gnuplot --version)" --phases "$phases"
  for name in "${selected[@]}"; do cp "$stage/results/environment.json" "$stage/results/$name.environment.json"; done
}
write_environment
if (( ${#failed_steps[@]} == 0 )); then
  if [[ ${PUBLISH:-all} == summary ]]; then   # make robustness reads a setting's summary.csv, nothing more
    timed publish all "$bin/idiom_summary" --results "$stage/results" --claims "$claims" || failed_steps+=("the summary")
  else
    timed publish all publish "$stage/results" "$stage/plots" "$results/runs" || failed_steps+=("$publish_failed")
  fi
  phase_took publish
  write_environment   # with the publishing's time; the report, written meanwhile, has the phases before it
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
echo "idiombench: done in $((SECONDS - started)) s. Site: $results/site/index.html; report: $results/REPORT.md; charts: $plots/;" \
     "archived as run $run_id (make compare BASE=$run_id)" >&2
exit 0
}
