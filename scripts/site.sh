#!/usr/bin/env bash
# scripts/site.sh RESULTS PLOTS [RUNS]: RESULTS/site/, the static site people cite: the pages idiom_site
# writes from RESULTS (its history from the archived runs in RUNS, by default RESULTS/runs), the
# forest plot (charts/forest.gp) and a copy of the charts in PLOTS, so that
# every link resolves inside the folder (from file:// or any static host, and from an archived run).
# Built beside RESULTS/site and put in its place only when whole.
set -euo pipefail
source "$(dirname "$0")/common.sh"

results=${1:?usage: site.sh RESULTS PLOTS [RUNS]}
plots=${2:?usage: site.sh RESULTS PLOTS [RUNS]}
runs=${3:-$results/runs}
[[ -f $results/summary.csv ]] || die "no $results/summary.csv: run 'make bench' first"
building=$(fresh_scratch_dir "$results" .site)
trap 'rm -rf "$building"' EXIT
"$bin/idiom_site" --results "$results" --claims "$claims" --runs "$runs" --out "$building" || die "idiom_site failed; the site was not changed"
mkdir -p "$building/charts"
for chart in "$plots"/*.svg "$plots"/*.png; do [[ -f $chart ]] && cp -p "$chart" "$building/charts/"; done
environment=$results/environment.json
machine="$(machine_label "$environment") · run $(json_get "$environment" run_id '?')"
lines=$(( $(wc -l < "$building/forest.csv") - 1 ))
# What the forest plot has to draw: the verdicts present, whether any article or CPython figure is,
# and the span of every figure (its axis fits the data; 0.5 to 2 when there is none).
read -r glances articles pythons low high < <(csv_awk "$building/forest.csv" '
  function span(v) { if (v != "" && v > 0) { if (!n++ || v < lo) lo = v; if (n == 1 || v > hi) hi = v } }
  $(c["factor"]) != "" { if (!seen[$(c["glance"])]++) present = present $(c["glance"]) ","; span($(c["factor_lo"])); span($(c["factor_hi"])) }
  $(c["article_factor"]) != "" { articles++; span($(c["article_factor"])) }
  $(c["python_factor"]) != "" { pythons++; span($(c["python_factor"])) }
  END { if (!n) { lo = 0.5; hi = 2 } if (lo > 0.5) lo = 0.5; if (hi < 2) hi = 2
        print (present == "" ? "-" : present), articles + 0, pythons + 0, lo, hi }')
(( lines > 0 )) && for format in svg png; do
  gnuplot_checked -e "$chart_defaults" \
    -e "csv=$(gp_string "$building/forest.csv"); out=$(gp_string "$building/forest.$format"); lines=$lines" \
    -e "glances=$(gp_string "${glances//[,-]/ }"); articles=$articles; pythons=$pythons; low=$low; high=$high" \
    -e "format='$format'; machine=$(gp_string "$machine"); confidence=$IDIOM_CONFIDENCE" \
    "$root/charts/style.gp" "$root/charts/forest.gp" \
    || die "gnuplot failed on charts/forest.gp; the site was not changed"
done
# Each claim timed in pairs: a chart of its rounds for its card (charts/claim.gp), in one gnuplot.
mapfile -t rounds_of < <(csv_awk "$building/claim_rounds.csv" '
  !($(c["claim_id"]) in most) { order[++n] = $(c["claim_id"]) }
  $(c["process"]) + 0 > most[$(c["claim_id"])] { most[$(c["claim_id"])] = $(c["process"]) + 0 }
  END { for (k = 1; k <= n; k++) { ids = ids order[k] " "; processes = processes most[order[k]] " " }
        print ids; print processes }')
if [[ -n ${rounds_of[0]:-} ]]; then
  mapfile -t figures < <(csv_awk "$results/summary.csv" '
    function figure(name) { return $(c[name]) == "" ? -1 : $(c[name]) }
    BEGIN { n = split(ids, order, " ") }
    { k[$(c["claim_id"])] = figure("factor"); lo[$(c["claim_id"])] = figure("factor_lo")
      hi[$(c["claim_id"])] = figure("factor_hi"); a[$(c["claim_id"])] = figure("article_factor")
      p[$(c["claim_id"])] = figure("python_factor") }
    END { for (j = 1; j <= n; j++) { id = order[j]; ks = ks k[id] " "; los = los lo[id] " "; his = his hi[id] " "
                                     as = as a[id] " "; ps = ps p[id] " " }
          print ks; print los; print his; print as; print ps }' -v ids="${rounds_of[0]}")
  gnuplot_checked -e "$chart_defaults" \
    -e "csv=$(gp_string "$building/claim_rounds.csv"); dir=$(gp_string "$building/claims"); out='/dev/null'" \
    -e "format='svg'; machine=$(gp_string "$machine"); confidence=$IDIOM_CONFIDENCE; ids='${rounds_of[0]}'" \
    -e "processes='${rounds_of[1]}'; factors='${figures[0]}'; los='${figures[1]}'; his='${figures[2]}'" \
    -e "articles='${figures[3]}'; pythons='${figures[4]}'" \
    "$root/charts/style.gp" "$root/charts/claim.gp" \
    || die "gnuplot failed on charts/claim.gp; the site was not changed"
fi
rm -rf "$results/site"
mv "$building" "$results/site"
trap - EXIT
echo "idiombench: wrote the site: $(find "$results/site" -name "*.html" | wc -l) pages, site/index.html" >&2
