#!/usr/bin/env bash
# scripts/report.sh: `make report [RUN=<run-id>]`: re-derive summary.csv, the charts and REPORT.md,
# measuring nothing. Without RUN, from the results already in results/; with RUN, from an archived
# run (results/runs/<run-id>/, also one whose charts, report, CPython side or instruction count
# failed): its measurements take the place of the current ones for the comparisons it measured, and
# it is published as the run itself would have been, then its archive is made whole. Staged like a
# run: a failure changes nothing.
set -euo pipefail
source "$(dirname "$0")/common.sh"
results=${RESULTS:-$root/results}
plots=${PLOTS:-$root/plots}
run=${RUN:-}
lock_results "$results" "make report${run:+ RUN=$run}"

if [[ -n $run ]]; then
  archive=$results/runs/$run
  if [[ $run == */* || ! -f $archive/environment.json ]]; then
    mapfile -t archived < <(list_runs "$results/runs" 2>/dev/null || true)
    echo "idiombench: no archived run '$run' in $results/runs/. Archived runs (oldest first): ${archived[*]:-none}" >&2
    exit 2
  fi
  mapfile -t measured < <(archived_comparisons "$archive")
  (( ${#measured[@]} > 0 )) || die "run $run archived no comparison's measurements; nothing to publish"
else
  [[ -f $results/environment.json ]] || die "no results in $results to report on: run 'make bench' first"
fi

stage_begin "$results" "$plots"
if [[ -n $run ]]; then
  # The archived run's files replace the current ones of the comparisons it measured; the others stay.
  for name in "${measured[@]}"; do
    for suffix in "${measured_suffixes[@]}"; do rm -f "$stage/results/$name.$suffix"; done
  done
  archive_run "$archive" "$stage/results" "${measured[@]}"
  for file in "${run_derived_files[@]}"; do rm -f "$stage/results/$file"; done   # derived anew below
fi
publish "$stage/results" "$stage/plots" "$results/runs" \
  || die "$publish_failed failed (see above); results/ and plots/ are as they were"
if [[ -n $run ]]; then
  # The archive is whole once its ledgers are in it.
  for file in "${run_derived_files[@]}"; do cp -p "$stage/results/$file" "$stage/$file"; done
  cp -rp "$stage/results/site" "$stage/archived_site"   # and its site, to be cited on its own
fi
stage_commit "$results" "$plots"
if [[ -n $run ]]; then
  for file in "${run_derived_files[@]}"; do mv -f "$stage/$file" "$archive/"; done
  rm -rf "$archive/site" && mv "$stage/archived_site" "$archive/site"
  rm -f "$archive/$incomplete_marker"
  echo "idiombench: published run $run from $archive: $results/REPORT.md; charts: $plots/" >&2
else
  echo "idiombench: report rebuilt from the results in $results: $results/REPORT.md; charts: $plots/" >&2
fi
