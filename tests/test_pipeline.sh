#!/usr/bin/env bash
# tests/test_pipeline.sh: a QUICK run, CPython side included, from a checkout whose path is over 200
# characters long with spaces, an apostrophe and a non-ASCII letter in it, writes every file of the
# contract, with its columns, charts that are real SVG and PNG with every line (the memory line and
# CPython here's points where the data has them), facts and paired rounds, a summary with a row per
# claim (the A/A control among them), and a report that links each chart. Columns are read by name.
source "$(dirname "$0")/lib.sh"
checkout=$(long_checkout)
export RESULTS=$checkout/results PLOTS=$checkout/plots
CPYTHON=1 "$checkout/scripts/bench.sh" > "$scratch/log" 2>&1 || { cat "$scratch/log"; fail "make bench QUICK=1 failed"; }
grep -qi 'warning:' "$scratch/log" && { grep -i 'warning:' "$scratch/log"; fail "gnuplot warned: a chart lost a line"; }
# Every line the data has: the memory line, CPython here's points and the paired points on the charts
# that draw them.
for memory in "$RESULTS"/*.memory.csv; do
  name=$(basename "$memory" .memory.csv)
  grep -q "one random load at" "$PLOTS/$name.svg" || fail "$name.svg lacks its memory line"
done
[[ -f $RESULTS/membership.memory.csv ]] || fail "no memory line was measured for membership"
for cpython in "$RESULTS"/*.cpython.csv; do
  name=$(basename "$cpython" .cpython.csv)
  chart=$(chart_script "$checkout" "$name" "$RESULTS/$name.facts.json")
  grep -q 'cpython' "$chart" || continue
  grep -q "CPython here" "$PLOTS/$name.svg" || fail "$name.svg lacks CPython here's points"
done
# The claims' paired figures on every chart of time against x that draws them, where there were pairs.
for rounds in "$RESULTS"/*.rounds.csv; do
  name=$(basename "$rounds" .rounds.csv)
  chart=$(chart_script "$checkout" "$name" "$RESULTS/$name.facts.json")
  grep -q 'paired' "$chart" || continue
  grep -q "measured in pairs" "$PLOTS/$name.svg" || fail "$name.svg lacks the claims' paired points"
done
grep -q "measured in pairs" "$PLOTS/membership.svg" || fail "membership.svg lacks the claims' paired points"
pass

contract="comparison,variant,param,x,reps,ns_per_item,ns_per_item_min,ns_per_item_max,cv_pct,items,peak_bytes,allocs,unstable"
mapfile -t comparisons < <(ls "$BIN" | sed -n 's/^bm_//p')
(( ${#comparisons[@]} >= 2 )) || fail "expected at least two comparisons, found ${comparisons[*]}"
for name in "${comparisons[@]}"; do
  csv=$RESULTS/$name.csv
  [[ -s $csv ]] || fail "$csv missing"
  [[ $(head -n 1 "$csv") == "$contract"* ]] || fail "$csv header is $(head -n 1 "$csv")"
  (( $(wc -l < "$csv") > 1 )) || fail "$csv has no rows"
  csv_awk "$csv" '$(c["comparison"]) != n || $(c["ns_per_item"]) <= 0 || $(c["reps"]) < 2 { exit 1 }
                 $(c["ns_per_item_lo"]) > $(c["ns_per_item"]) || $(c["ns_per_item_hi"]) < $(c["ns_per_item"]) { exit 1 }' \
    -v n="$name" || fail "$csv has a bad row"
  [[ $(json_get "$RESULTS/$name.facts.json" comparison) == "$name" ]] || fail "$name.facts.json is not its facts"
  grep -q '"benchmarks"' "$RESULTS/$name.json" || fail "$RESULTS/$name.json is not Google Benchmark's JSON"
  [[ $(head -c 5 "$PLOTS/$name.svg") == "<?xml" || $(head -c 4 "$PLOTS/$name.svg") == "<svg" ]] || fail "$name.svg is not SVG"
  [[ $(head -c 4 "$PLOTS/$name.png" | tail -c 3) == PNG ]] || fail "$name.png is not PNG"
  grep -q "($name.svg\|/$name.svg)" "$RESULTS/REPORT.md" || fail "REPORT.md does not link $name.svg"
  [[ $(json_get "$RESULTS/$name.environment.json" quick) == true ]] || fail "$name.environment.json does not record the QUICK run"
  grep -q "QUICK run (not for citing)" "$PLOTS/$name.svg" || fail "$name.svg does not say it is from a QUICK run"
  # Its key numbers, computed once by the summary, one row per variant of its sweep.
  [[ $(csv_awk "$RESULTS/$name.keys.csv" '{ print $(c["variant"]) }' | sort | tr '\n' ' ') == \
     $(csv_awk "$csv" '{ print $(c["variant"]) }' | sort -u | tr '\n' ' ') ]] \
    || fail "$name.keys.csv does not have one row per variant of $name.csv"
  pass
done
# The growth order the report quotes is the one the summary wrote.
order=$(row_field "$RESULTS/string_build.keys.csv" variant concat_copy growth_order)
[[ -n $order ]] && grep -q "| \`concat_copy\` | .* | $(printf '%.2f' "$order")" "$RESULTS/REPORT.md" \
  || fail "REPORT.md does not quote string_build.keys.csv's growth order of concat_copy ($order)"
pass
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
csv_awk "$RESULTS/membership_build.csv" '
         $(c["variant"]) == "linear_scan" && $(c["x"]) == 65536 && $(c["peak_bytes"]) / $(c["x"]) != 8 { exit 1 }
         $(c["variant"]) == "uthash_set" && $(c["x"]) == 65536 && $(c["peak_bytes"]) / $(c["x"]) <= 40 { exit 1 }' \
  || fail "membership_build bytes per element are off"
pass
# Memory figures: 8 bytes per element for packed_i64's result, a box and a pointer for boxed.
csv_awk "$RESULTS/array_doubling.csv" \
  '$(c["variant"]) == "packed_i64" && $(c["x"]) == 1000000 && ($(c["peak_bytes"]) < 8000000 || $(c["peak_bytes"]) > 8100000) { exit 1 }' \
  || fail "packed_i64 peak_bytes at n=1e6 is not about 8 MB"
csv_awk "$RESULTS/array_doubling.csv" '$(c["variant"]) == "boxed" && $(c["x"]) == 1000000 && $(c["allocs"]) != 1000001 { exit 1 }' \
  || fail "boxed should allocate n boxes plus one pointer array per iteration"
pass

# string_build: the five idioms, join allocating once, the quadratic ones copying or scanning far
# more per piece than the linear ones.
for variant in concat_copy strcat_rescan append_exact append_growth join; do
  grep -q "^string_build,$variant," "$RESULTS/string_build.csv" || fail "string_build lacks $variant"
done
head -n 1 "$RESULTS/string_build.csv" | grep -q ',bytes_copied_per_piece,bytes_scanned_per_piece' \
  || fail "string_build.csv lacks the bytes per piece columns"
csv_awk "$RESULTS/string_build.csv" '
         $(c["variant"]) == "join" && $(c["allocs"]) != 1 { exit 1 }
         $(c["variant"]) == "concat_copy" && $(c["x"]) == 10000 && $(c["bytes_copied_per_piece"]) < 1000 { exit 1 }
         $(c["variant"]) == "strcat_rescan" && $(c["x"]) == 10000 && $(c["bytes_scanned_per_piece"]) < 1000 { exit 1 }
         $(c["variant"]) == "append_growth" && $(c["x"]) == 10000 && ($(c["bytes_copied_per_piece"]) < 10 || $(c["bytes_copied_per_piece"]) > 40) { exit 1 }' \
  || fail "string_build allocations or bytes per piece are off"
pass
# miss_handling: the QUICK sweep's five hit ratios (of the full sweep's eleven) for each of the three required variants.
for variant in check_first error_path status_code; do
  [[ $(grep -c "^miss_handling,$variant,hit_ratio," "$RESULTS/miss_handling.csv") == 5 ]] \
    || fail "miss_handling lacks some of the 5 QUICK hit ratios for $variant"
done
[[ $(row_field "$RESULTS/summary.csv" claim_id miss_handling@0.5 x) == 0.5 ]] || fail "no miss_handling@0.5 row at 0.5"
pass
# lazy_vs_materialized: the iterator allocates (next to) nothing, the list at least 8 bytes per int.
for variant in materialized lazy_iterator fused_loop; do
  grep -q "^lazy_vs_materialized,$variant," "$RESULTS/lazy_vs_materialized.csv" || fail "lazy_vs_materialized lacks $variant"
done
csv_awk "$RESULTS/lazy_vs_materialized.csv" '
         $(c["variant"]) == "lazy_iterator" && $(c["peak_bytes"]) > 4096 { exit 1 }
         $(c["variant"]) == "materialized" && $(c["peak_bytes"]) < 8 * $(c["x"]) { exit 1 }' \
  || fail "lazy_vs_materialized peak_bytes are off"
[[ $(row_field "$RESULTS/summary.csv" claim_id lazy_vs_materialized.memory verdict) == agrees ]] \
  || fail "the memory claim of lazy_vs_materialized should agree"
pass

# The run is archived: its CSVs, JSON, environment and summary, and its site.
mapfile -t runs < <(ls "$RESULTS/runs")
(( ${#runs[@]} == 1 )) || fail "expected one archived run, found ${runs[*]}"
for file in summary.csv plan.tsv environment.json membership.json membership.csv membership.reps.csv \
            membership.environment.json membership.facts.json membership.rounds.csv; do
  [[ -s $RESULTS/runs/${runs[0]}/$file ]] || fail "archive ${runs[0]} lacks $file"
done
# An archive carries its charts in its site, so that it can be cited on its own, and nowhere else.
[[ -f $RESULTS/runs/${runs[0]}/site/index.html && -f $RESULTS/runs/${runs[0]}/site/charts/membership.svg ]] \
  || fail "archive ${runs[0]} lacks its site and charts"
[[ -z $(find "$RESULTS/runs" \( -name '*.svg' -o -name '*.png' \) ! -path '*/site/*') ]] || fail "the archive holds charts outside its site"
[[ $(json_get "$RESULTS/runs/${runs[0]}/environment.json" run_id) == "${runs[0]}" ]] || fail "archive name is not the run id"
pass

for key in run_id date_utc commit dirty c_flags google_benchmark uthash cjson cpu_model cores caches \
           frequency_governor kernel load_average seed steal_pct openblas.OPENBLAS_CORETYPE openblas.OPENBLAS_L2_SIZE \
           openblas.kernel phase_seconds.sweep phase_seconds.pairs phase_seconds.publish \
           comparisons.string_build.sweep comparisons.string_build.pairs comparisons.string_build.pairs_steal_pct; do
  [[ -n $(json_get "$RESULTS/environment.json" "$key") ]] || fail "environment.json lacks $key"
done
# The phases' times, as the log said them, and Google Benchmark's DEBUG warning said once, not per comparison.
[[ $(grep -c '^idiombench: .* took [0-9]* s$' "$scratch/log") -ge 3 ]] || fail "the log does not give each phase's time"
! grep -qF '***WARNING*** Library was built as DEBUG' "$scratch/log" || fail "the log repeats Google Benchmark's DEBUG warning"
grep -q 'was built as DEBUG' "$scratch/log" || fail "the log does not say why the DEBUG build does not matter"
grep -q '^| OpenBLAS' "$RESULTS/REPORT.md" || fail "REPORT.md does not give the OpenBLAS kernel"
grep -q "^| The run's time" "$RESULTS/REPORT.md" || fail "REPORT.md does not give the run's phases"
grep -q '^## Where the spread lies' "$RESULTS/REPORT.md" || fail "REPORT.md does not split the intervals' spread"
pass
[[ $(head -n 1 "$RESULTS/summary.csv") == claim_id,comparison,baseline,contender,param,x,ratio,ratio_lo,ratio_hi,article_ratio,verdict* ]] \
  || fail "summary.csv header is $(head -n 1 "$RESULTS/summary.csv")"
for column in rounds processes outcome x_lo x_hi kind; do
  head -n 1 "$RESULTS/summary.csv" | tr ',' '\n' | grep -qx "$column" || fail "summary.csv lacks the column $column"
done
# Every timing claim was measured in pairs, in every pass of a QUICK run; claims on counted figures need no pairs.
csv_awk "$RESULTS/summary.csv" '($(c["metric"]) == "ns_per_item" || $(c["metric"]) == "crossover") && ($(c["processes"]) != p || $(c["rounds"]) < p * m) { print; bad = 1 }
                                END { exit bad }' -v p="$IDIOM_QUICK_MIN_PROCESSES" -v m=3 \
  || fail "a timing claim was not measured in $IDIOM_QUICK_MIN_PROCESSES processes of at least 3 rounds"
# The clock source, every clock's resolution, and the memory line of a memory-bound chart.
[[ -n $(json_get "$RESULTS/environment.json" clocksource) ]] || fail "environment.json has no clocksource"
csv_awk "$RESULTS/timing_methods.csv" '$(c["advertised_resolution_ns"]) == "" || $(c["ns_per_item"]) == "" { bad = 1 } END { exit bad || NR < 12 }' \
  || fail "timing_methods.csv lacks a clock's cost or advertised resolution"
csv_awk "$RESULTS/membership.memory.csv" '$(c["load_ns"]) > 0 { n++ } END { exit !n }' \
  || fail "membership has no memory line from the latency calibration"
pass
[[ $(row_field "$RESULTS/summary.csv" kind control claim_id) == aa_control ]] || fail "summary.csv has no A/A control row"
grep -q "^## Control: aa_control" "$RESULTS/REPORT.md" || fail "REPORT.md does not show the A/A control"
grep -q "^## Verdicts at a glance" "$RESULTS/REPORT.md" || fail "REPORT.md does not open with the verdicts"
pass
while IFS=$'\t' read -r claim comparison _; do
  [[ $claim == claim_id || ! -f $RESULTS/$comparison.csv ]] && continue
  grep -q "^$claim,$comparison," "$RESULTS/summary.csv" || fail "summary.csv has no row for claim $claim"
done < "$checkout/build/claims.tsv" # the claims the checkout's run gathered
csv_awk "$RESULTS/summary.csv" '$(c["verdict"]) !~ /^(agrees|disagrees|inconclusive|not_applicable)$/ { exit 1 }' \
  || fail "summary.csv has a verdict outside agrees/disagrees/inconclusive/not_applicable"
# Plain C threads have no GIL: the article's claim about threads does not apply to them.
[[ $(row_field "$RESULTS/summary.csv" claim_id cpu_parallel.threads@2.idiomatic verdict) == not_applicable &&
   $(row_field "$RESULTS/summary.csv" claim_id cpu_parallel.threads@2 verdict) != not_applicable ]] \
  || fail "C's threads without a GIL are not marked not applicable, or the GIL model is"
pass
grep -q "^## Claims ledger" "$RESULTS/REPORT.md" || fail "REPORT.md has no ledger"
# Figures in why-texts are the run's counters, filled in: the naive recursion's calls, counted.
calls=$(csv_awk "$RESULTS/memoization.csv" '$(c["variant"]) == "naive_recursion" && $(c["x"]) == x { print $(c["calls"]) }' \
        -v x="$(row_field "$RESULTS/summary.csv" claim_id memoization x)")
grouped=$(echo "$calls" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')   # thousands separated, as the report prints them
[[ -n $calls ]] && grep -q "fib(n) makes $grouped calls" "$RESULTS/REPORT.md" \
  || fail "the memoization why-text does not give the counted calls ($calls)"
grep -q "## Calibration: harness_overhead" "$RESULTS/REPORT.md" || fail "REPORT.md has no calibration"
grep -q "^## Method" "$RESULTS/REPORT.md" || fail "REPORT.md does not explain the method"
[[ -z $(find "$RESULTS" "$PLOTS" -name '.staging*' -o -name '.drawing*') ]] || fail "staging left behind"
pass
finish
