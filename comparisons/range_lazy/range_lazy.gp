# comparisons/range_lazy/range_lazy.gp: summing 0..n-1 by counting or over a materialised list: ns per number and
# peak heap bytes against n, log-log, with CPython here's loop over range(n) and over list(range(n)).
set multiplot layout 1, 2 title "Summing 0..n-1: counting, or first making the n numbers" font ",15"
set xlabel "n (log scale)"
set logscale xy
set autoscale xfix
set key top left font ",10"

set title "Time per number (lower is faster)"
set ylabel "ns per number, log scale (median; bars: its ".interval." interval)"
set yrange [0.1:3000]  # headroom for the key: every variant takes between a fraction of a ns and a few hundred
loop_time = cpython_clause("range_loop", "ns_per_item", cpython_style, "CPython here: for i in range(n)")
list_time = cpython_clause("list_loop", "ns_per_item", cpython_style2, "CPython here: for i in list(range(n))")
eval mark_claims  # the xs its claims are judged at
plot for [i = 1:nv] csv using (only(word(variants, i), column("x"))):(column("ns_per_item")):\
     (column("ns_per_item_lo")):(column("ns_per_item_hi")) with yerrorlines lt i title word(variants, i) \
     @paired_clause @hover_clause @loop_time @list_time

set title "Peak heap bytes of one iteration"
set ylabel "bytes, log scale (a variant allocating nothing is drawn at 1)"
set yrange [0.5:*]
set offsets graph 0.03, graph 0.04, graph 0.5, 0  # headroom: the key sits above the CPython points
set format y "%.0s%cB"
set label 1 "drawn at 1 byte: no heap allocation at all" at graph 0.5, first 2.2 center font ",10" tc rgb "#666666"
loop_bytes = cpython_clause("range_loop", "peak_bytes", cpython_style, "CPython here, tracemalloc: range(n)")
list_bytes = cpython_clause("list_loop", "peak_bytes", cpython_style2, "CPython here, tracemalloc: list(range(n))")
plot for [i = 1:nv] csv using (only(word(variants, i), column("x"))):(column("peak_bytes") > 0 ? column("peak_bytes") : 1) \
         with linespoints lt i title word(variants, i) @loop_bytes @list_bytes
unset multiplot
