#!/usr/bin/env bash
# tests/test_pipeline.sh: a QUICK run writes every file of the contract, with its columns, charts
# that are real SVG and PNG, a summary with a row per claim, and a report that links each chart.
source "$(dirname "$0")/lib.sh"
export RESULTS=$scratch/results PLOTS=$scratch/plots
"$root/scripts/bench.sh" > "$scratch/log" 2>&1 || { cat "$scratch/log"; fail "make bench QUICK=1 failed"; }

contract="comparison,variant,param,x,reps,ns_per_item,ns_per_item_min,ns_per_item_max,cv_pct,items,peak_bytes,allocs,unstable"
mapfile -t comparisons < <(ls "$BIN" | sed -n 's/^bm_//p')
(( ${#comparisons[@]} >= 2 )) || fail "expected at least two comparisons, found ${comparisons[*]}"
for name in "${comparisons[@]}"; do
  csv=$RESULTS/$name.csv
  [[ -s $csv ]] || fail "$csv missing"
  [[ $(head -n 1 "$csv") == "$contract"* ]] || fail "$csv header is $(head -n 1 "$csv")"
  (( $(wc -l < "$csv") > 1 )) || fail "$csv has no rows"
  awk -F, -v n="$name" 'NR > 1 && ($1 != n || $6 <= 0 || $5 < 2) { exit 1 }' "$csv" || fail "$csv has a bad row"
  grep -q '"benchmarks"' "$RESULTS/$name.json" || fail "$RESULTS/$name.json is not Google Benchmark's JSON"
  [[ $(head -c 5 "$PLOTS/$name.svg") == "<?xml" || $(head -c 4 "$PLOTS/$name.svg") == "<svg" ]] || fail "$name.svg is not SVG"
  [[ $(head -c 4 "$PLOTS/$name.png" | tail -c 3) == PNG ]] || fail "$name.png is not PNG"
  grep -q "($name.svg\|/$name.svg)" "$RESULTS/REPORT.md" || fail "REPORT.md does not link $name.svg"
  grep -q '"quick": true' "$RESULTS/$name.environment.json" || fail "$name.environment.json does not record the QUICK run"
  grep -q "QUICK run (not for citing)" "$PLOTS/$name.svg" || fail "$name.svg does not say it is from a QUICK run"
  pass
done
for variant in boxed boxed_shuffled boxed_small_int_cache packed_i64 packed_i32 memcpy_limit; do
  grep -q "^array_doubling,$variant," "$RESULTS/array_doubling.csv" || fail "array_doubling lacks $variant"
done
pass
for variant in linear_scan uthash_set open_addressing sorted_bsearch; do
  grep -q "^membership,$variant," "$RESULTS/membership.csv" || fail "membership lacks $variant"
  grep -q "^membership,${variant}_half_hits," "$RESULTS/membership.csv" || fail "membership lacks ${variant}_half_hits"
done
grep -q '^membership.crossover.uthash_set,' "$RESULTS/summary.csv" || fail "no crossover row for uthash_set"
# A packed array of n ints is n * 8 bytes; a uthash node per element is far more.
awk -F, '$2 == "linear_scan" && $4 == 65536 && $11 / $4 != 8 { exit 1 }
         $2 == "uthash_set" && $4 == 65536 && $11 / $4 <= 40 { exit 1 }' "$RESULTS/membership_build.csv" \
  || fail "membership_build bytes per element are off"
pass
# Memory figures: 8 bytes per element for packed_i64's result, a box and a pointer for boxed.
awk -F, '$2 == "packed_i64" && $4 == 1000000 && ($11 < 8000000 || $11 > 8100000) { exit 1 }' \
  "$RESULTS/array_doubling.csv" || fail "packed_i64 peak_bytes at n=1e6 is not about 8 MB"
awk -F, '$2 == "boxed" && $4 == 1000000 && $12 != 1000001 { exit 1 }' "$RESULTS/array_doubling.csv" \
  || fail "boxed should allocate n boxes plus one pointer array per iteration"
pass

# string_build: the five idioms, join allocating once, the quadratic ones copying or scanning far
# more per piece than the linear ones.
for variant in concat_copy strcat_rescan append_exact append_growth join; do
  grep -q "^string_build,$variant," "$RESULTS/string_build.csv" || fail "string_build lacks $variant"
done
head -n 1 "$RESULTS/string_build.csv" | grep -q ',bytes_copied_per_piece,bytes_scanned_per_piece' \
  || fail "string_build.csv lacks the bytes per piece columns"
awk -F, '$2 == "join" && $12 != 1 { exit 1 }
         $2 == "concat_copy" && $4 == 10000 && $15 < 1000 { exit 1 }
         $2 == "strcat_rescan" && $4 == 10000 && $16 < 1000 { exit 1 }
         $2 == "append_growth" && $4 == 10000 && ($15 < 10 || $15 > 40) { exit 1 }' "$RESULTS/string_build.csv" \
  || fail "string_build allocations or bytes per piece are off"
pass
# miss_handling: eleven hit ratios for each of the three required variants.
for variant in check_first error_path status_code; do
  [[ $(grep -c "^miss_handling,$variant,hit_ratio," "$RESULTS/miss_handling.csv") == 11 ]] \
    || fail "miss_handling lacks some of the 11 hit ratios for $variant"
done
grep -q '^miss_handling@0.5,miss_handling,error_path,check_first,hit_ratio,0.5,' "$RESULTS/summary.csv" \
  || fail "no miss_handling@0.5 row"
pass
# lazy_vs_materialized: the iterator allocates (next to) nothing, the list at least 8 bytes per int.
for variant in materialized lazy_iterator fused_loop; do
  grep -q "^lazy_vs_materialized,$variant," "$RESULTS/lazy_vs_materialized.csv" || fail "lazy_vs_materialized lacks $variant"
done
awk -F, '$2 == "lazy_iterator" && $11 > 4096 { exit 1 }
         $2 == "materialized" && $11 < 8 * $4 { exit 1 }' "$RESULTS/lazy_vs_materialized.csv" \
  || fail "lazy_vs_materialized peak_bytes are off"
grep -q '^lazy_vs_materialized.memory,.*,agrees,peak_bytes,' "$RESULTS/summary.csv" \
  || fail "the memory claim of lazy_vs_materialized should agree"
pass

# The run is archived: its CSVs, JSON, environment and summary, no charts.
mapfile -t runs < <(ls "$RESULTS/runs")
(( ${#runs[@]} == 1 )) || fail "expected one archived run, found ${runs[*]}"
for file in summary.csv environment.json membership.json membership.csv membership.reps.csv membership.environment.json; do
  [[ -s $RESULTS/runs/${runs[0]}/$file ]] || fail "archive ${runs[0]} lacks $file"
done
[[ -z $(find "$RESULTS/runs" -name '*.svg' -o -name '*.png') ]] || fail "the archive holds charts"
grep -q "\"run_id\": \"${runs[0]}\"" "$RESULTS/runs/${runs[0]}/environment.json" || fail "archive name is not the run id"
pass

for key in run_id date_utc commit dirty c_flags google_benchmark uthash cpu_model cores caches \
           frequency_governor kernel load_average seed; do
  grep -q "^  \"$key\": " "$RESULTS/environment.json" || fail "environment.json lacks $key"
done
pass
[[ $(head -n 1 "$RESULTS/summary.csv") == claim_id,comparison,baseline,contender,param,x,ratio,ratio_lo,ratio_hi,article_ratio,verdict* ]] \
  || fail "summary.csv header is $(head -n 1 "$RESULTS/summary.csv")"
while IFS=$'\t' read -r claim comparison _; do
  [[ $claim == claim_id || ! -f $RESULTS/$comparison.csv ]] && continue
  grep -q "^$claim,$comparison," "$RESULTS/summary.csv" || fail "summary.csv has no row for claim $claim"
done < "$root/claims/articles.tsv"
awk -F, 'NR > 1 && $11 != "agrees" && $11 != "disagrees" && $11 != "inconclusive" { exit 1 }' \
  "$RESULTS/summary.csv" || fail "summary.csv has a verdict outside agrees/disagrees/inconclusive"
pass
grep -q "^## Claims ledger" "$RESULTS/REPORT.md" || fail "REPORT.md has no ledger"
grep -q "Harness calibration" "$RESULTS/REPORT.md" || fail "REPORT.md has no calibration"
[[ -z $(find "$RESULTS" "$PLOTS" -name '.staging*' -o -name '.drawing*') ]] || fail "staging left behind"
pass
finish
