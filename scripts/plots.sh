#!/usr/bin/env bash
# scripts/plots.sh RESULTS_DIR PLOTS_DIR [comparison...]: draw plots/<comparison>.svg and .png from
# RESULTS_DIR/<comparison>.csv, with the comparison's own chart script (comparisons/<comparison>/), or
# the shared one its facts name (charts/), or charts/default.gp (chart_script in common.sh). Every CSV
# is checked first; charts are drawn into a scratch folder and
# moved into PLOTS_DIR only when all of them were drawn.
set -euo pipefail
source "$(dirname "$0")/common.sh"

results=${1:?usage: plots.sh RESULTS_DIR PLOTS_DIR [comparison...]}
out=${2:?usage: plots.sh RESULTS_DIR PLOTS_DIR [comparison...]}
shift 2
names=("$@")
if (( ${#names[@]} == 0 )); then
  for facts in "$results"/*.facts.json; do
    [[ -f $facts ]] && names+=("$(basename "$facts" .facts.json)")
  done
  (( ${#names[@]} > 0 )) || [[ -f $results/robustness.csv ]] \
    || die "no results/<comparison>.csv to draw in $results: run 'make bench' first"
  all=1   # every chart, the robustness chart too where make robustness has run
fi

for name in "${names[@]}"; do
  [[ -f $results/$name.csv ]] || die "$results/$name.csv: no such file (run 'make bench ONLY=$name')"
  [[ -f $results/$name.facts.json ]] || die "$results/$name.facts.json: no such file (run 'make bench ONLY=$name')"
  "$bin/idiom_csvcheck" "$results/$name.csv" || die "not drawing $name: its CSV is malformed"
done

# Cache sizes in bytes, so charts can mark where a working set leaves each level.
cache_bytes() {  # uses $environment, set per chart below
  local size
  size=$(json_get "$environment" caches '' | tr ',' '\n' | sed -n "s/^ *$1 \([0-9]*\)K\$/\1/p")
  echo $(( ${size:-0} * 1024 ))
}

mkdir -p "$out"
scratch=$(fresh_scratch_dir "$out" .drawing)
trap 'rm -rf "$scratch"' EXIT

# paired_medians ROUNDS OUT: each variant's median ns per item at each x over all its paired rounds
# (every process, every pair it is in), as OUT (variant,x,ns_per_item), the points a chart draws
# beside its sweep; prints OUT, or nothing where the comparison was not measured in pairs. OUT lies in
# a dot folder of the scratch folder, so that it is not published with the charts.
paired_medians() {
  local rounds=$1 medians=$2
  [[ -f $rounds ]] || return 0
  mkdir -p "$(dirname "$medians")"
  { echo "variant,x,ns_per_item"
    csv_awk "$rounds" '{ print $(c["baseline"]) "," $(c["x"]) "," $(c["baseline_ns_per_item"])
                         print $(c["contender"]) "," $(c["x"]) "," $(c["contender_ns_per_item"]) }' \
      | sort -t, -k1,1 -k2,2g -k3,3g \
      | awk -F, 'function flush() { if (n) print key "," (n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2) }
                 $1 "," $2 != key { flush(); key = $1 "," $2; n = 0 }
                 { v[n++] = $3 }
                 END { flush() }'
  } > "$medians"
  echo "$medians"
}

for name in "${names[@]}"; do
  csv=$results/$name.csv
  facts=$results/$name.facts.json
  # The fingerprint of the run that measured this comparison (older runs' CSVs may sit beside newer ones).
  environment=$results/$name.environment.json
  [[ -f $environment ]] || environment=$results/environment.json
  machine="$(machine_label "$environment") · run $(json_get "$environment" run_id '?')"
  [[ $(json_get "$environment" quick false) == true ]] && machine="QUICK run (not for citing) · $machine"
  variants=$(csv_awk "$csv" '!seen[$(c["variant"])]++ { printf "%s ", $(c["variant"]) }')   # in CSV order
  xs=$(csv_awk "$csv" '!seen[$(c["x"])]++ { printf "%s ", $(c["x"]) }')
  # "contender baseline x ..." for each crossover claim of this comparison that the summary placed.
  crossovers=$(csv_awk "$results/summary.csv" \
    '$(c["comparison"]) == n && $(c["metric"]) == "crossover" && $(c["x_hi"]) != "" { printf "%s %s %s ", $(c["contender"]), $(c["baseline"]), $(c["x_hi"]) }' \
    -v n="$name" 2>/dev/null || true)
  pairs=$results/$name.pairs.csv   # paired ratios, where the comparison has any
  [[ -f $pairs ]] || pairs=''
  memory=$results/$name.memory.csv # one dependent load at a memory-bound comparison's working set
  [[ -f $memory ]] || memory=''
  cpython=$results/$name.cpython.csv # the article's setup re-run in CPython here, where it was
  [[ -f $cpython ]] || cpython=''
  # The xs its claims were judged at in this run (summary.csv's x), for the charts to mark.
  claim_xs=$(csv_awk "$results/summary.csv" '$(c["comparison"]) == n && $(c["x"]) != "" && !seen[$(c["x"])]++ { printf "%s ", $(c["x"]) }' \
    -v n="$name" 2>/dev/null || true)
  cpython_idioms=''                  # its idioms with a time per item, in the CSV's order
  [[ -n $cpython ]] && cpython_idioms=$(csv_awk "$cpython" '$(c["metric"]) == "ns_per_item" && !seen[$(c["idiom"])]++ { printf "%s ", $(c["idiom"]) }')
  paired=$(paired_medians "$results/$name.rounds.csv" "$scratch/.paired/$name.csv")  # what the claims quote
  article=$scratch/.article/$name.csv  # the article's own figures, from the claims ('' where they give none)
  mkdir -p "$scratch/.article"
  article_points "$claims" "$name" > "$article" || die "not drawing $name: its claims' article figures (above)"
  article_n=$(( $(wc -l < "$article") - 1 ))
  (( article_n > 0 )) || article=''
  script=$(chart_script "$root" "$name" "$facts")
  for format in svg png; do
    gnuplot_checked \
      -e "csv=$(gp_string "$csv"); pairs=$(gp_string "$pairs"); out=$(gp_string "$scratch/$name.$format")" \
      -e "format='$format'; machine=$(gp_string "$machine"); name=$(gp_string "$name"); confidence=$IDIOM_CONFIDENCE" \
      -e "variants=$(gp_string "$variants"); xs=$(gp_string "$xs"); crossovers=$(gp_string "$crossovers")" \
      -e "memory=$(gp_string "$memory"); cpython=$(gp_string "$cpython"); paired=$(gp_string "$paired")" \
      -e "article=$(gp_string "$article"); article_n=$article_n; cpython_idioms=$(gp_string "$cpython_idioms"); claim_xs=$(gp_string "$claim_xs")" \
      -e "memory_variant=$(gp_string "$(json_get "$facts" memory_variant '')")" \
      -e "param=$(gp_string "$(json_get "$facts" param x)"); param_kind=$(gp_string "$(json_get "$facts" param_kind count)")" \
      -e "item=$(gp_string "$(json_get "$facts" item item)")" \
      -e "l1d_bytes=$(cache_bytes L1d); l2_bytes=$(cache_bytes L2); l3_bytes=$(cache_bytes L3)" \
      "$root/charts/style.gp" "$script" \
      || die "gnuplot failed on $script for $csv; no chart was changed"
  done
done
# The robustness chart: every claim's factor under each setting (make robustness), a line per claim.
if [[ -n ${all:-} && -f $results/robustness.csv ]]; then
  machine=$(machine_label "$results/environment.json")   # the machine; the table says whether its runs were QUICK
  csv_awk "$results/robustness.csv" '$(c["quick"]) == "true" { quick = 1 } END { exit !quick }' \
    && machine="QUICK runs (not for citing) · $machine"
  lines=$scratch/.robustness/lines.csv
  mkdir -p "$(dirname "$lines")"
  # A setting is a run: the reference, which stands in every axis, is drawn once, as "reference".
  setting_names='$(c["run_id"]) in axes && axes[$(c["run_id"])] != $(c["axis"]) { reference[$(c["run_id"])] = 1 }
                 !($(c["run_id"]) in axes) { axes[$(c["run_id"])] = $(c["axis"]); label[$(c["run_id"])] = $(c["axis"]) ":" $(c["setting"]); order[++n] = $(c["run_id"]) }'
  settings=$(csv_awk "$results/robustness.csv" "$setting_names"'
    END { for (k = 1; k <= n; k++) printf "%s ", (order[k] in reference ? "reference" : label[order[k]]) }')
  read -r n_lines low high < <(csv_awk "$results/robustness.csv" '
    function span(v) { if (v != "" && v > 0 && v < 1e300) { if (!n++ || v < lo) lo = v; if (n == 1 || v > hi) hi = v } }
    !seen[$(c["claim_id"])]++ { claims++ }
    { span($(c["factor_lo"])); span($(c["factor_hi"])) }
    END { if (!n) { lo = 0.5; hi = 2 } if (lo > 0.5) lo = 0.5; if (hi < 2) hi = 2; print claims + 0, lo, hi }')
  { echo "line,slot,claim_id,factor,factor_lo,factor_hi"
    csv_awk "$results/robustness.csv" '
      !($(c["run_id"]) in slot) { slot[$(c["run_id"])] = ++slots }
      !($(c["claim_id"]) in line) { line[$(c["claim_id"])] = claims++ }
      function finite(v) { return v == "" || !(v + 0 > 0 && v + 0 < 1e300) ? "NaN" : v }   # none, or off any axis (a ratio over nothing)
      !drawn[$(c["claim_id"]), $(c["run_id"])]++ {
        k = finite($(c["factor"])); lo = finite($(c["factor_lo"])); hi = finite($(c["factor_hi"]))
        print line[$(c["claim_id"])] "," slot[$(c["run_id"])] "," $(c["claim_id"]) "," k "," (lo == "NaN" ? k : lo) "," (hi == "NaN" ? k : hi) }'
  } > "$lines"
  for format in svg png; do
    gnuplot_checked -e "$chart_defaults" \
      -e "csv=$(gp_string "$lines"); out=$(gp_string "$scratch/robustness.$format")" \
      -e "format='$format'; machine=$(gp_string "$machine"); confidence=$IDIOM_CONFIDENCE" \
      -e "settings=$(gp_string "$settings"); lines=$n_lines; low=$low; high=$high" \
      -e "claims=$(gp_string "$(csv_awk "$results/robustness.csv" '!seen[$(c["claim_id"])]++ { printf "%s ", $(c["claim_id"]) }')")" \
      "$root/charts/style.gp" "$root/charts/robustness.gp" \
      || die "gnuplot failed on charts/robustness.gp; no chart was changed"
  done
  names+=(robustness)
fi
mv -f "$scratch"/* "$out"/
echo "idiombench: drew ${#names[@]} chart(s) into $out: ${names[*]}" >&2
