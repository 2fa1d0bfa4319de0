#!/usr/bin/env bash
# scripts/publish.sh RESULTS PLOTS: everything derived from the measurements in RESULTS: the
# claims summary, the charts into PLOTS and REPORT.md. Measures nothing. `make bench` runs it on
# its staged results, `make report` on a staged copy of results/.
set -euo pipefail
source "$(dirname "$0")/common.sh"
results=${1:?usage: publish.sh RESULTS PLOTS}
plots=${2:?usage: publish.sh RESULTS PLOTS}
[[ -f $results/environment.json ]] || die "no $results/environment.json: run 'make bench' first"
"$bin/idiom_summary" --results "$results" --claims "$claims"
"$root/scripts/plots.sh" "$results" "$plots"
"$bin/idiom_report" --results "$results" --claims "$claims" --plots-link ../plots
