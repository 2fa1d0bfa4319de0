#!/usr/bin/env bash
# scripts/robustness.sh: make robustness [AXES=allocator,compiler,layout] [QUICK=1] [ONLY=a,b]. How
# robust is each verdict? Every claim's pairs measured again under each setting of each axis, each
# setting a whole staged run of its own (scripts/bench.sh, no CPython side, no instruction count) into
# results/robustness/<setting>/:
# - reference: GCC, glibc's malloc, the build's own layout (build/release), with the sweeps; it stands
#   in every axis as that axis's own default (glibc, gcc, as built);
# - allocator: jemalloc and mimalloc, preloaded; the allocation-heavy comparisons are swept again;
# - compiler: Debian's clang, with the project's flags (build/robustness/clang);
# - layout: IDIOM_ROBUSTNESS_LAYOUTS builds of the same code in randomised layouts
#   (build/robustness/layout-<seed>, cmake/layout.cmake), each run with an environment enlarged by
#   a size drawn from the same seed, which moves the stack (Mytkowicz et al., ASPLOS 2009).
# The settings other than the reference take its sweeps (which only plan the pairs), but measure the
# rows that claims of what is counted read themselves (scripts/bench.sh's counted_rows). In a full run
# every setting's pairs have IDIOM_ROBUSTNESS_MIN_PROCESSES processes and then the
# IDIOM_ROBUSTNESS_PAIRS_BUDGET; each setting publishes only its summary.csv. Then
# results/robustness.csv (idiom_robustness) holds every claim under every setting and whether its
# verdict survives them all, and the report, its chart and the site are re-derived as make report
# does. Everything is built before anything is measured; results/robustness.csv is replaced only when
# every setting has run. For tests: ROBUSTNESS_BUILD_ARGS (more cmake arguments for the settings'
# builds), ROBUSTNESS_BIN (where in a build the bench executables are, bin by default), LAYOUTS.
# The whole script is one block, so bash has read all of it before it runs: editing this file
# during a long run cannot change what the run does next.
{
set -euo pipefail
source "$(dirname "$0")/common.sh"
results=${RESULTS:-$root/results}
plots=${PLOTS:-$root/plots}
quick=${QUICK:-0}
seed=${SEED:-$IDIOM_DEFAULT_SEED}
layouts=${LAYOUTS:-$IDIOM_ROBUSTNESS_LAYOUTS}
builds=${ROBUSTNESS_BUILDS:-$root/build/robustness}
read -r -a build_args <<< "${ROBUSTNESS_BUILD_ARGS:-}"
bin_subdir=${ROBUSTNESS_BIN:-bin}

usage_error() { echo "idiombench: $*" >&2; exit 2; }
all_axes=(allocator compiler layout)
IFS=',' read -r -a axes <<< "${AXES:-allocator,compiler,layout}"
(( ${#axes[@]} > 0 )) || usage_error "AXES names no axis. Valid names: $(IFS=,; echo "${all_axes[*]}")"
for axis in "${axes[@]}"; do
  [[ " ${all_axes[*]} " == *" $axis "* ]] \
    || usage_error "unknown axis '$axis' in AXES. Valid names: $(IFS=,; echo "${all_axes[*]}")"
done
[[ $quick == 0 || $quick == 1 ]] || usage_error "QUICK must be 0 or 1, not '$quick'"
[[ $seed =~ ^[0-9]+$ ]] || usage_error "SEED must be a non-negative whole number, not '$seed'"
[[ $layouts =~ ^[1-9][0-9]?$ ]] || usage_error "LAYOUTS must be a whole number from 1 to 99, not '$layouts'"
chosen=$(selected_comparisons) || exit $?
mapfile -t selected <<< "$chosen"
has_axis() { [[ " ${axes[*]} " == *" $1 "* ]]; }
lock_results "$results"

# The settings, in the order they run (the reference first: the others take its sweeps), each with the
# axis it varies (setting_axes; the reference stands in all), where its executables are, the allocator
# it preloads, how many bytes it adds to the environment, and what it is, in words (about).
settings=(reference) setting_axes=(all)
declare -A bench_dir=([reference]=$bench_bin) alloc_of=([reference]=glibc) env_pad=([reference]=0) about=()
about[reference]="GCC $(gcc -dumpfullversion), glibc's malloc, the build's own layout"
if has_axis allocator; then
  for alloc in "${allocators[@]:1}"; do
    "$root/scripts/deps.sh" alloc "$alloc" || exit 2
    settings+=("$alloc") setting_axes+=(allocator)
    bench_dir[$alloc]=$bench_bin alloc_of[$alloc]=$alloc env_pad[$alloc]=0 about[$alloc]="$alloc, preloaded"
  done
fi
if has_axis compiler; then
  settings+=(clang) setting_axes+=(compiler)
  bench_dir[clang]=$builds/clang/$bin_subdir alloc_of[clang]=glibc env_pad[clang]=0
  about[clang]="$(clang --version | head -1), the project's flags"
fi
if has_axis layout; then
  for (( k = 1; k <= layouts; k++ )); do
    layout_seed=$(( seed % 1000003 * 100 + k ))
    name=layout-$layout_seed
    settings+=("$name") setting_axes+=(layout)
    bench_dir[$name]=$builds/$name/$bin_subdir alloc_of[$name]=glibc
    env_pad[$name]=$(( (layout_seed * 2654435761) % 4096 ))   # a draw from the seed: 0 to 4095 bytes
  done
fi

# build_setting NAME CMAKE_ARGS...: the bench executables of ONLY's comparisons for a setting, into
# builds/NAME (kept: a second make robustness rebuilds only what changed).
build_setting() {
  local name=$1 targets=()
  shift
  for comparison in "${selected[@]}"; do targets+=(--target "bm_$comparison"); done
  # Configured once: a build folder configured with the same arguments reconfigures itself as needed.
  local configured=$builds/$name/configured_with wanted="-DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF ${build_args[*]} $*"
  { [[ -f $configured && $(cat "$configured") == "$wanted" ]] \
      || { cmake -S "$root" -B "$builds/$name" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF "${build_args[@]}" "$@" \
           && echo "$wanted" > "$configured"; }; } > "$builds/$name.log" 2>&1 \
    && cmake --build "$builds/$name" -j2 "${targets[@]}" -- --no-print-directory >> "$builds/$name.log" 2>&1 \
    || { tail -20 "$builds/$name.log" >&2; die "the $name build failed (its log: $builds/$name.log); nothing was measured"; }
}
mkdir -p "$builds"
started=$SECONDS
for name in "${settings[@]}"; do
  case $name in
    clang) echo "idiombench: robustness: building with clang" >&2
           build_setting clang -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ ;;
    layout-*) echo "idiombench: robustness: building layout ${name#layout-}" >&2
              build_setting "$name" -DIDIOM_LAYOUT_SEED="${name#layout-}"
              about[$name]="layout $(cat "$builds/$name/generated/layout.txt"), environment ${env_pad[$name]} bytes larger" ;;
  esac
done
echo "idiombench: robustness: built in $((SECONDS - started)) s; measuring ${#settings[@]} settings: ${settings[*]}" >&2

heavy=()
for name in "${selected[@]}"; do
  [[ $("$bench_bin/bm_$name" --idiom_allocator | sed -n 2p) == 1 ]] && heavy+=("$name")
done
budget=()   # every setting alike, the reference too, so that none is measured more precisely than another
if (( quick )); then budget=(QUICK_PROCESSES="$IDIOM_QUICK_ROBUSTNESS_PROCESSES")
else budget=(PAIRS_BUDGET="$IDIOM_ROBUSTNESS_PAIRS_BUDGET" MIN_PROCESSES="$IDIOM_ROBUSTNESS_MIN_PROCESSES")
fi
for i in "${!settings[@]}"; do
  name=${settings[$i]} dir=$results/robustness/${settings[$i]}
  echo "idiombench: robustness [$((i + 1))/${#settings[@]}] $name: ${about[$name]} ($((SECONDS - started)) s elapsed)" >&2
  sweeps=()
  if [[ $name != reference ]]; then
    sweeps=(SWEEPS_FROM="$results/robustness/reference")
    [[ ${alloc_of[$name]} == glibc ]] || sweeps+=(SWEEP_ONLY="$(IFS=,; echo "${heavy[*]}")")
  fi
  mkdir -p "$dir"
  env RESULTS="$dir" PLOTS="$dir/plots" BENCH_BIN="${bench_dir[$name]}" ALLOC="${alloc_of[$name]}" INSTR=0 CPYTHON=0 \
      KEEP_RUNS=1 PUBLISH=summary QUICK="$quick" SEED="$seed" ONLY="$(IFS=,; echo "${selected[*]}")" "${sweeps[@]}" "${budget[@]}" \
      IDIOM_LAYOUT_ENV="$(head -c "${env_pad[$name]}" /dev/zero | tr '\0' x)" "$root/scripts/bench.sh" \
    || die "the $name run failed (see above); results/robustness.csv is as it was"
  echo "${about[$name]}" > "$dir/setting.txt"
done
# The table's settings, axis:label:folder: the reference in every axis, under that axis's name for it.
joined=()
for i in "${!settings[@]}"; do
  name=${settings[$i]}
  if [[ $name == reference ]]; then
    has_axis allocator && joined+=("allocator:glibc:reference")
    has_axis compiler && joined+=("compiler:gcc:reference")
    has_axis layout && joined+=("layout:as-built:reference")
  fi
done
for i in "${!settings[@]}"; do
  [[ ${settings[$i]} == reference ]] || joined+=("${setting_axes[$i]}:${settings[$i]}:${settings[$i]}")
done

# The joined table, then the report, its chart and the site re-derived from results/, as make report does.
scratch=$(fresh_scratch_dir "$results" .robustness)
trap 'rm -rf "$scratch"' EXIT
"$bin/idiom_robustness" --results "$results" --out "$scratch/robustness.csv" "${joined[@]}" \
  || die "could not gather the settings' runs into one table; results/robustness.csv is as it was"
mv -f "$scratch/robustness.csv" "$results/robustness.csv"
if [[ -f $results/environment.json ]]; then
  RESULTS=$results PLOTS=$plots "$root/scripts/report.sh"
else
  "$root/scripts/plots.sh" "$results" "$plots"   # its chart alone
  echo "idiombench: no make bench results in $results: the report and the site wait for one (make bench)" >&2
fi
echo "idiombench: robustness done in $((SECONDS - started)) s: $results/robustness.csv, $plots/robustness.png," \
     "and the report's section \"How robust is each verdict?\"" >&2
exit 0
}
