#!/usr/bin/env bash
# tests/test_report.sh: `make report` re-derives summary, charts and REPORT.md from the results
# already there, measuring nothing (no bench executable is even reachable), and, like a run, changes
# nothing when it fails.
source "$(dirname "$0")/lib.sh"
export RESULTS=$scratch/results PLOTS=$scratch/plots ONLY=harness_overhead,string_build
"$root/scripts/bench.sh" > "$scratch/log" 2>&1 || { cat "$scratch/log"; fail "the run to report on failed"; }

# A changed word in the claims shows in the rebuilt report; no benchmark can run meanwhile.
sed 's/join copies each byte once into one allocation/join copies each byte exactly once/' "$claims" \
  > "$scratch/claims.tsv"
mkdir -p "$scratch/no_benches"
rm "$PLOTS/string_build.png"
CLAIMS=$scratch/claims.tsv BENCH_BIN=$scratch/no_benches "$root/scripts/report.sh" > "$scratch/report.log" 2>&1 \
  || { cat "$scratch/report.log"; fail "make report failed"; }
grep -q "join copies each byte exactly once" "$RESULTS/REPORT.md" || fail "the report was not rebuilt from the claims"
[[ -s $PLOTS/string_build.png ]] || fail "the charts were not redrawn"
[[ -z $(find "$RESULTS" -name '*.rounds.csv' -newer "$scratch/log") ]] || fail "make report measured pairs"
pass

# A broken CSV: the report fails and results/ and plots/ stay byte for byte as they were.
before=$(fingerprint)
cp "$RESULTS/string_build.csv" "$scratch/saved.csv"
echo "string_build,join,pieces,oops" >> "$RESULTS/string_build.csv"
before=$(fingerprint)
if BENCH_BIN=$scratch/no_benches "$root/scripts/report.sh" > "$scratch/report.log" 2>&1; then
  fail "make report succeeded on a broken CSV"
fi
[[ $(fingerprint) == "$before" ]] || fail "a failed make report changed results or charts"
grep -q "string_build.csv:.*fields" "$scratch/report.log" || { cat "$scratch/report.log"; fail "the failure does not name the file"; }
pass
finish
