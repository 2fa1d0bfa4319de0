# comparisons/lazy_vs_materialized/lazy_vs_materialized.gp: ns per element and heap bytes per iteration against n, log-log,
# with article 000's memory_profiler figure for the list of 1,000,000 squares and CPython here's
# traced peaks of the list and the generator.
set multiplot layout 1, 2 title "Summing the squares of n random ints: a list of squares, an iterator, or one loop" font ",15"
set xlabel "n, ints (log scale)"
set logscale xy
set autoscale xfix
set key top left font ",10"

set title "Time per element (lower is faster)"
set ylabel "ns per element, log scale (median; bars: its ".interval." interval)"
set offsets 0, 0, graph 0.8, 0  # headroom: the key sits above the highest line
eval mark_claims  # the xs its claims are judged at
plot for [i = 1:nv] csv using (only(word(variants, i), column("x"))):(column("ns_per_item")):\
     (column("ns_per_item_lo")):(column("ns_per_item_hi")) with yerrorlines lt i title word(variants, i) \
     @paired_clause @hover_clause

set title "Peak heap bytes of one iteration"
set ylabel "bytes, log scale (a variant allocating nothing is drawn at 1)"
set yrange [0.5:*]
set offsets graph 0.03, graph 0.04, graph 0.5, 0  # headroom: the key sits above the CPython points
set format y "%.0s%cB"
set key top left
set label 1 "drawn at 1 byte: no heap allocation at all" at graph 0.5, first 2.2 center font ",10" tc rgb "#666666"
list_here = cpython_clause("squares_list", "peak_bytes", cpython_style, "CPython here, tracemalloc: list")
generator_here = cpython_clause("squares_generator", "peak_bytes", cpython_style2, "CPython here, tracemalloc: generator")
article_here = article_clause("peak_bytes", "article 000, memory_profiler (generator: none)")
plot for [i = 1:nv] csv using (only(word(variants, i), column("x"))):(column("peak_bytes") > 0 ? column("peak_bytes") : 1) \
         with linespoints lt i title word(variants, i) @article_here @list_here @generator_here
unset multiplot
