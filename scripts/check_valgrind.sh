#!/usr/bin/env bash
# scripts/check_valgrind.sh: make check-valgrind. valgrind's memcheck over the suite: every bench
# executable of the x86-64-v3 build (valgrind 3.19 cannot decode the AVX-512 of -march=native) puts
# each variant through its setup and checked run at its first QUICK point (the --idiom_fail_alloc=0
# probe: every check must pass), then a QUICK run's results go through every tool. Any memcheck
# error, or a definite or indirect leak, fails it with the log. The tools are that build's too.
set -euo pipefail
source "$(dirname "$0")/common.sh"
command -v valgrind > /dev/null || die "valgrind is not installed: run 'make deps'"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
memcheck=(valgrind --tool=memcheck --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
          --suppressions="$root/scripts/valgrind.supp"
          --show-leak-kinds=definite,indirect --quiet)
checked=0
under_memcheck() {  # under_memcheck LABEL command...: run it under memcheck; fail with its log
  local label=$1 log
  shift
  log=$scratch/$(echo "$label" | tr '/ ' '__').log
  if ! "${memcheck[@]}" --log-file="$log" "$@" > "$log.out" 2>&1 || [[ -s $log ]]; then
    cat "$log" "$log.out" >&2
    die "memcheck: $label has memory errors or leaks (above)"
  fi
  checked=$((checked + 1))
}

started=$SECONDS
for exe in "$count_bin"/bm_*; do
  name=$(basename "$exe" | sed 's/^bm_//')
  echo "idiombench: check-valgrind $name ($((SECONDS - started)) s elapsed)" >&2
  under_memcheck "bm_$name" "$exe" --idiom_fail_alloc=0
done

# The tools, on a QUICK run's results (a small one: the first two comparisons, their pairs and report).
mapfile -t two < <(built_comparisons | head -2)
RESULTS=$scratch/results PLOTS=$scratch/plots QUICK=1 INSTR=0 CPYTHON=0 ONLY="${two[0]},${two[1]}" \
  "$root/scripts/bench.sh" > "$scratch/run.log" 2>&1 || { cat "$scratch/run.log" >&2; die "the QUICK run for the tools failed"; }
r=$scratch/results
echo "idiombench: check-valgrind the tools ($((SECONDS - started)) s elapsed)" >&2
under_memcheck idiom_csvcheck "$count_bin/idiom_csvcheck" "$r/${two[0]}.csv"
under_memcheck idiom_plan "$count_bin/idiom_plan" --results "$r" --claims "$claims" --out "$scratch/plan.tsv"
under_memcheck idiom_summary "$count_bin/idiom_summary" --results "$r" --claims "$claims"
under_memcheck idiom_report "$count_bin/idiom_report" --results "$r" --claims "$claims" --plots-link ../plots
mkdir -p "$scratch/site"
under_memcheck idiom_site "$count_bin/idiom_site" --results "$r" --claims "$claims" --runs "$r/runs" --out "$scratch/site"
under_memcheck idiom_pending "$count_bin/idiom_pending" --plan "$r/plan.tsv" --results "$r" --claims "$claims" \
  --out "$scratch/pending.tsv" --min-processes 2
under_memcheck idiom_env "$count_bin/idiom_env" get "$r/environment.json" caches
under_memcheck idiom_env_write "$count_bin/idiom_env" --out "$scratch/environment.json" --run-id check --seed 1 \
  --commit none --dirty 0 --quick 1 --instr none --cpython none --allocator glibc --allocator-detail glibc --bench-args '' \
  --gnuplot none --phases "$r/phases.tsv"
mkdir -p "$r/robustness/reference"
cp "$r"/{summary.csv,environment.json,phases.tsv} "$r/robustness/reference/"
under_memcheck idiom_robustness "$count_bin/idiom_robustness" --results "$r" --out "$scratch/robustness.csv" \
  allocator:glibc:reference layout:as-built:reference
echo "idiombench: check-valgrind: $checked programs clean under memcheck in $((SECONDS - started)) s" >&2
