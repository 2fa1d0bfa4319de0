#!/usr/bin/env bash
# scripts/report_html.sh: render results/REPORT.md to results/REPORT.html with cmark-gfm (GitHub's
# Markdown, tables included), in a plain readable page. Charts are linked as in the Markdown.
set -euo pipefail
source "$(dirname "$0")/common.sh"

results=${RESULTS:-$root/results}
[[ -f $results/REPORT.md ]] || die "no $results/REPORT.md: run 'make bench' first"
{
  cat <<'HEAD'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>idiombench report</title>
<style>
  body { font: 15px/1.5 "DejaVu Sans", sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; }
  table { border-collapse: collapse; margin: 1em 0; font-size: 13px; }
  th, td { border: 1px solid #ccc; padding: 4px 8px; vertical-align: top; }
  th { background: #f3f3f3; }
  code { background: #f5f5f5; padding: 0 3px; }
  img { max-width: 100%; border: 1px solid #ddd; }
</style></head><body>
HEAD
  cmark-gfm --extension table --extension autolink "$results/REPORT.md"
  echo '</body></html>'
} > "$results/REPORT.html.tmp"
mv "$results/REPORT.html.tmp" "$results/REPORT.html"
echo "idiombench: wrote $results/REPORT.html" >&2
