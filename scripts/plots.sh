#!/usr/bin/env bash
# scripts/plots.sh RESULTS_DIR PLOTS_DIR [comparison...]: draw plots/<comparison>.svg and .png from
# RESULTS_DIR/<comparison>.csv with plots/<comparison>.gp. Every CSV is checked first; charts are
# drawn into a scratch folder and moved into PLOTS_DIR only when all of them were drawn.
set -euo pipefail
source "$(dirname "$0")/common.sh"

results=${1:?usage: plots.sh RESULTS_DIR PLOTS_DIR [comparison...]}
out=${2:?usage: plots.sh RESULTS_DIR PLOTS_DIR [comparison...]}
shift 2
names=("$@")
if (( ${#names[@]} == 0 )); then
  for script in "$root"/plots/*.gp; do
    name=$(basename "$script" .gp)
    [[ $name == style ]] || [[ ! -f $results/$name.csv ]] || names+=("$name")
  done
  (( ${#names[@]} > 0 )) || die "no results/<comparison>.csv to draw in $results: run 'make bench' first"
fi

for name in "${names[@]}"; do
  [[ -f $root/plots/$name.gp ]] || die "no chart script plots/$name.gp"
  [[ -f $results/$name.csv ]] || die "$results/$name.csv: no such file (run 'make bench ONLY=$name')"
  "$bin/idiom_csvcheck" "$results/$name.csv" || die "not drawing $name: its CSV is malformed"
done

# Cache sizes in bytes, so charts can mark where a working set leaves each level.
cache_bytes() {  # uses $environment, set per chart below
  local size
  size=$(env_field "$environment" caches '' | tr ',' '\n' | sed -n "s/^ *$1 \([0-9]*\)K\$/\1/p")
  echo $(( ${size:-0} * 1024 ))
}

mkdir -p "$out"
scratch=$(fresh_scratch_dir "$out" .drawing)
trap 'rm -rf "$scratch"' EXIT

for name in "${names[@]}"; do
  csv=$results/$name.csv
  # The fingerprint of the run that measured this comparison (older runs' CSVs may sit beside newer ones).
  environment=$results/$name.environment.json
  [[ -f $environment ]] || environment=$results/environment.json
  machine="$(env_field "$environment" cpu_model 'unknown CPU'), $(sed -n 's/^  "cores": \([0-9]*\),$/\1/p' "$environment" 2>/dev/null || true) cores"
  machine="${machine//\'/} · $(env_field "$environment" date_utc 'date unknown' | cut -c1-10) · run $(env_field "$environment" run_id '?')"
  grep -q '^  "quick": true' "$environment" 2>/dev/null && machine="QUICK run (not for citing) · $machine"
  variants=$(awk -F, 'NR > 1 && !seen[$2]++ { printf "%s ", $2 }' "$csv")   # in CSV order
  xs=$(awk -F, 'NR > 1 && !seen[$4]++ { printf "%s ", $4 }' "$csv")
  # "variant x ..." for each crossover claim of this comparison found in the run's summary.
  crossovers=$(awk -F, -v p="$name.crossover." 'index($1, p) == 1 && $6 != "nan" { printf "%s %s ", $4, $6 }' \
               "$results/summary.csv" 2>/dev/null || true)
  for format in svg png; do
    gnuplot -e "csv='$csv'; out='$scratch/$name.$format'; format='$format'; machine='$machine'" \
            -e "variants='$variants'; xs='$xs'; crossovers='$crossovers'; l1d_bytes=$(cache_bytes L1d); l2_bytes=$(cache_bytes L2); l3_bytes=$(cache_bytes L3)" \
            "$root/plots/style.gp" "$root/plots/$name.gp" \
      || die "gnuplot failed on plots/$name.gp for $csv; no chart was changed"
  done
done
mv -f "$scratch"/* "$out"/
echo "idiombench: drew ${#names[@]} chart(s) into $out: ${names[*]}" >&2
