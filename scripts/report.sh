#!/usr/bin/env bash
# scripts/report.sh: `make report`: re-derive summary.csv, the charts and REPORT.md from the results
# already in results/, measuring nothing. Staged like a run: a failure changes nothing.
set -euo pipefail
source "$(dirname "$0")/common.sh"
results=${RESULTS:-$root/results}
plots=${PLOTS:-$root/plots}
lock_results "$results"
[[ -f $results/environment.json ]] || die "no results in $results to report on: run 'make bench' first"
stage_begin "$results" "$plots"
"$root/scripts/publish.sh" "$stage/results" "$stage/plots" || die "the report could not be made; results/ and plots/ are as they were"
stage_commit "$results" "$plots"
echo "idiombench: report rebuilt from the results in $results: $results/REPORT.md; charts: $plots/" >&2
