#!/usr/bin/env bash
# scripts/count.sh RESULTS PLAN NAME...: the instruction-count witness. For each named comparison,
# every variant a claim of PLAN (plan.tsv) names, at the claim's x, set up as in a run and its timed
# region counted by valgrind's callgrind (one iteration; setup not counted), into
# RESULTS/<name>.instr.csv: comparison, variant, x, items, iterations, instructions,
# instructions_per_item, top_function, top_share (the profile's top function and its share). The counted executables are the instruction-count build ($count_bin): the same sources for x86-64-v3, since valgrind 3.19 cannot decode the
# AVX-512 that -march=native emits. Two comparisons are counted at a time. SEED and QUICK as for
# bench.sh, so that the inputs are the run's.
set -euo pipefail
source "$(dirname "$0")/common.sh"
results=${1:?usage: count.sh RESULTS PLAN NAME...}
plan=${2:?usage: count.sh RESULTS PLAN NAME...}
shift 2
command -v valgrind >/dev/null || die "valgrind is not installed: run 'make deps', or skip the count with INSTR=0"

scratch=$(fresh_scratch_dir "$results" .counting)
trap 'rm -rf "$scratch"' EXIT
# Claims only: the paired sweeps (claim "-") are for charts. A crossover's pairs are counted at the
# points of its window but not at the largest x, which the pairs measure only to see that the
# contender still wins there: counting it would cost most of the step (a linear scan of 10^6
# elements under callgrind), and the ledger quotes the count at the crossover.
awk -F'\t' 'FNR == NR { if (FNR == 1) for (i = 1; i <= NF; i++) col[$i] = i
                        else metric[$col["claim_id"]] = $col["metric"]
                        next }
             FNR == 1 { print; next }
             $1 == "-" { next }
             { row[++n] = $0; id[n] = $1; x[n] = $5 + 0
               if (metric[$1] == "crossover" && (!($1 in top) || x[n] > top[$1])) top[$1] = x[n] }
             END { for (i = 1; i <= n; i++) if (!(id[i] in top) || x[i] < top[id[i]]) print row[i] }' \
    "$claims" "$plan" > "$scratch/plan.tsv"

# count_one NAME: count one comparison into $scratch/NAME.instr.csv; its log on failure.
count_one() {
  local name=$1 dir=$scratch/$1 flags
  mkdir -p "$dir"
  mapfile -t flags < <(run_flags "$dir")
  if ! valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$dir/cg.%p" \
       "$count_bin/bm_$name" --idiom_count="$scratch/plan.tsv" "${flags[@]}" > "$dir/log" 2>&1; then
    grep -v '^==' "$dir/log" >&2 || true
    echo "idiombench: counting $name under callgrind failed (its log is above)" >&2
    return 1
  fi
  # Each dump names its case in its trigger: "idiom_count <variant> <x> <items> <iterations>". Its
  # profile's top function (callgrind_annotate's first, by instructions exclusive of its callees)
  # and that function's share, for the claims about what a profile shows (commas in a name become
  # semicolons: the CSV is not quoted).
  local dump label totals top
  echo "comparison,variant,x,items,iterations,instructions,instructions_per_item,top_function,top_share" \
    > "$scratch/$name.instr.csv"
  for dump in "$dir"/cg.*; do
    label=$(sed -n 's/^desc: Trigger: Client Request: idiom_count //p' "$dump")
    [[ -n $label ]] || continue
    totals=$(sed -n 's/^totals: //p' "$dump")
    top=$(callgrind_annotate --inclusive=no "$dump" | awk '!found && /file:function/ { getline; getline; print; found = 1 }')
    awk -v n="$name" -v label="$label" -v total="$totals" -v top="$top" 'BEGIN {
      split(label, f, " ")
      share = top; sub(/^[^(]*\(/, "", share); sub(/%\).*$/, "", share)
      fn = top; sub(/^[^)]*\) +/, "", fn); gsub(/,/, ";", fn)
      printf "%s,%s,%s,%s,%s,%s,%.6g,%s,%.4f\n", n, f[1], f[2], f[3], f[4], total, total / (f[3] * f[4]), fn, share / 100
    }' >> "$scratch/$name.instr.csv"
  done
}

names=()
for name in "$@"; do
  csv_awk "$scratch/plan.tsv" '$(c["comparison"]) == n { found = 1 } END { exit !found }' -F'\t' -v n="$name" \
    && names+=("$name")
done
started=$SECONDS
running=0 failed=0
for i in "${!names[@]}"; do
  echo "idiombench: counting instructions [$((i + 1))/${#names[@]}] ${names[$i]} ($((SECONDS - started)) s elapsed)" >&2
  count_one "${names[$i]}" &
  if (( ++running >= 2 )); then wait -n || failed=1; running=$((running - 1)); fi
done
while (( running > 0 )); do wait -n || failed=1; running=$((running - 1)); done
(( failed == 0 )) || die "an instruction count failed (see above)"
for name in "${names[@]}"; do mv -f "$scratch/$name.instr.csv" "$results/"; done
echo "idiombench: counted instructions of ${#names[@]} comparison(s) in $((SECONDS - started)) s" >&2
