#!/usr/bin/env bash
# scripts/profile.sh: `make profile ONLY=<comparison> VARIANT=<variant> X=<x> [SETUP=1]`: one
# benchmark case, set up as in a run, profiled the ways article 000 profiles Python, into
# results/profile/<comparison>/<variant>/<x>/:
#   functions (cProfile): callgrind's inclusive and exclusive instructions per function;
#   lines (line_profiler): callgrind's instructions per source line of the project's own files;
#   memory over time (mprof plot): massif's heap snapshots, drawn as memory.svg/.png;
#   allocation sites (tracemalloc): the sites holding the heap at massif's peak.
# Only the timed region (one iteration) is counted by callgrind unless SETUP=1; massif sees the
# whole process. The executables are the instruction-count build (valgrind 3.19 cannot decode
# AVX-512). Written into a scratch folder and moved into place when complete.
set -euo pipefail
source "$(dirname "$0")/common.sh"
name=${ONLY:-} variant=${VARIANT:-} x=${X:-} setup=${SETUP:-0}
usage_error() { echo "idiombench: $*" >&2; exit 2; }
[[ $setup == 0 || $setup == 1 ]] || usage_error "SETUP must be 0 or 1, not '$setup'"
command -v valgrind >/dev/null || die "valgrind is not installed: run 'make deps'"
mapfile -t available < <(bench_bin=$count_bin built_comparisons)
(( ${#available[@]} > 0 )) || die "no bm_* executables in $count_bin: run 'make build-count' first"
[[ -n $name && " ${available[*]} " == *" $name "* ]] \
  || usage_error "make profile needs ONLY=<one comparison>, not '$name'. Valid names: $(IFS=,; echo "${available[*]}")"
exe=$count_bin/bm_$name
mapfile -t variants < <("$exe" --idiom_names | tail -n +2 | grep -v '^_')
[[ -n $variant && " ${variants[*]} " == *" $variant "* ]] \
  || usage_error "$name has no variant '$variant'. Valid variants: $(IFS=,; echo "${variants[*]}")"
mapfile -t xs < <("$exe" --idiom_xs)
[[ -n $x && " ${xs[*]} " == *" $x "* ]] || usage_error "$name's sweep has no x '$x'. Valid: $(IFS=,; echo "${xs[*]}")"

results=${RESULTS:-$root/results}
out=$results/profile/$name/$variant/$x
mkdir -p "$results/profile"
scratch=$(fresh_scratch_dir "$results/profile" .profiling)
trap 'rm -rf "$scratch"' EXIT
trap 'echo "idiombench: interrupted; $out is as it was" >&2; exit 130' INT TERM
printf 'claim_id\tcomparison\tbaseline\tcontender\tx\nprofile\t%s\t%s\t%s\t%s\n' "$name" "$variant" "$variant" "$x" \
  > "$scratch/plan.tsv"
mapfile -t flags < <(run_flags "$scratch")
flags+=(--idiom_count="$scratch/plan.tsv")
(( setup )) && flags+=(--idiom_count_setup)
started=$SECONDS

echo "idiombench: profiling $name/$variant/$x: instructions (callgrind)" >&2
valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$scratch/callgrind.%p" "$exe" "${flags[@]}" \
  > "$scratch/callgrind.log" 2>&1 || { grep -v '^==' "$scratch/callgrind.log" >&2; die "callgrind failed on $name/$variant/$x"; }
dump=$(grep -l "^desc: Trigger: Client Request: idiom_count" "$scratch"/callgrind.* | head -1)
mv "$dump" "$scratch/callgrind.out"
rm -f "$scratch"/callgrind.[0-9]*
callgrind_annotate --inclusive=yes "$scratch/callgrind.out" > "$scratch/functions_inclusive.txt"
callgrind_annotate --inclusive=no --auto=yes --show-percs=no "$scratch/callgrind.out" > "$scratch/annotated.txt" 2>/dev/null

echo "idiombench: profiling $name/$variant/$x: heap over time (massif) ($((SECONDS - started)) s elapsed)" >&2
valgrind --tool=massif --time-unit=i --detailed-freq=1000000 --alloc-fn=memcount_malloc --alloc-fn=memcount_calloc --alloc-fn=memcount_realloc --alloc-fn=memcount_aligned --massif-out-file="$scratch/massif.out" "$exe" "${flags[@]}" \
  > "$scratch/massif.log" 2>&1 || { grep -v '^==' "$scratch/massif.log" >&2; die "massif failed on $name/$variant/$x"; }
ms_print "$scratch/massif.out" > "$scratch/massif.txt"
awk -F= 'BEGIN { print "instructions,heap_bytes,heap_extra_bytes" }
         $1 == "time" { t = $2 } $1 == "mem_heap_B" { h = $2 } $1 == "mem_heap_extra_B" { print t "," h "," $2 }' \
  "$scratch/massif.out" > "$scratch/memory.csv"

environment=$results/environment.json
machine="$(json_get "$environment" cpu_model 'unknown CPU' 2>/dev/null || echo unknown CPU)"
for format in svg png; do
  gnuplot_checked -e "$chart_defaults" \
    -e "csv=$(gp_string "$scratch/memory.csv"); out=$(gp_string "$scratch/memory.$format"); format='$format'" \
    -e "machine=$(gp_string "$machine")" \
    -e "confidence=$IDIOM_CONFIDENCE" \
    -e "what=$(gp_string "$name/$variant at $x")" "$root/charts/style.gp" "$root/charts/profile_memory.gp" \
    || die "gnuplot failed drawing the memory chart"
done

"$root/scripts/profile_md.sh" "$scratch" "$root" "$name/$variant/$x" "$setup" > "$scratch/profile.md"
rm -f "$scratch"/{plan.tsv,annotated.txt} "$scratch"/*.log
rm -rf "$out"
mkdir -p "$(dirname "$out")"
mv "$scratch" "$out"
trap - EXIT
echo "idiombench: profiled $name/$variant/$x in $((SECONDS - started)) s: $out/profile.md" >&2
