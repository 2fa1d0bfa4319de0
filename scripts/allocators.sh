#!/usr/bin/env bash
# scripts/allocators.sh: make allocators. The allocation-heavy comparisons (those whose executables
# say so; ONLY=a,b picks among them) measured once under each allocator of ALLOC=, each run a whole
# staged `make bench` run of its own into results/allocators/<allocator>/ (no CPython side, no
# instruction count: neither is the allocator's); then results/allocators.csv joins their claims,
# plots/allocators.* draws them, and the report gains its section "Does it depend on the allocator?".
# QUICK=1 and SEED= apply as in make bench. Not part of make bench.
set -euo pipefail
source "$(dirname "$0")/common.sh"
results=${RESULTS:-$root/results}
plots=${PLOTS:-$root/plots}

lock_results "$results"
heavy=()
for name in $(built_comparisons); do
  [[ $("$bench_bin/bm_$name" --idiom_allocator | sed -n 2p) == 1 ]] && heavy+=("$name")
done
(( ${#heavy[@]} > 0 )) || die "no allocation-heavy comparison in $bench_bin: build first"
selected=("${heavy[@]}")
if [[ -n ${ONLY:-} ]]; then
  IFS=',' read -r -a selected <<< "$ONLY"
  for name in "${selected[@]}"; do
    [[ " ${heavy[*]} " == *" $name "* ]] || { echo "idiombench: '$name' in ONLY is not an allocation-heavy comparison." \
      "Valid names: $(IFS=,; echo "${heavy[*]}")" >&2; exit 2; }
  done
fi
for alloc in "${allocators[@]}"; do "$root/scripts/deps.sh" alloc "$alloc" || exit 2; done

started=$SECONDS
for i in "${!allocators[@]}"; do
  alloc=${allocators[$i]}
  echo "idiombench: allocators [$((i + 1))/${#allocators[@]}] $alloc: ${selected[*]} ($((SECONDS - started)) s elapsed)" >&2
  RESULTS=$results/allocators/$alloc PLOTS=$results/allocators/$alloc/plots ALLOC=$alloc INSTR=0 CPYTHON=0 KEEP_RUNS=1 \
    ONLY=$(IFS=,; echo "${selected[*]}") "$root/scripts/bench.sh" \
    || die "the $alloc run failed (see above); results/allocators.csv is as it was"
done

# The joined ledger, then the report (and its chart) re-derived from results/, as make report does.
scratch=$(fresh_scratch_dir "$results" .allocators)
trap 'rm -rf "$scratch"' EXIT
"$bin/idiom_allocators" --results "$results" --out "$scratch/allocators.csv" "${allocators[@]}" \
  || die "could not gather the allocators' runs into one ledger; results/allocators.csv is as it was"
mv -f "$scratch/allocators.csv" "$results/allocators.csv"
# With no make bench run yet, the report's fingerprint is the glibc run's: the same machine and commit.
[[ -f $results/environment.json ]] || cp "$results/allocators/${allocators[0]}/environment.json" "$results/"
RESULTS=$results PLOTS=$plots "$root/scripts/report.sh"
echo "idiombench: allocators done in $((SECONDS - started)) s: $results/allocators.csv, $plots/allocators.png," \
     "and the report's section \"Does it depend on the allocator?\"" >&2
