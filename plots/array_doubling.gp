# plots/array_doubling.gp: ns per element against n, log-log, with where the working set leaves
# each cache level.
set title "Doubling n random ints into a new array: time per element (lower is faster)"
set xlabel "n, elements (log scale)"
set ylabel "ns per element, log scale (median; bars: its 95% interval over repetitions)"
set logscale xy
set autoscale xfix
set key top left
set offsets 0, 0, graph 0.25, 0  # headroom: the key sits above the boxed lines
# packed_i64 touches 16 bytes per element (8 read, 8 written): mark where that fills each level.
eval mark_caches(16)
plot for [i = 1:nv] csv using (only(word(variants, i), column("x"))):(column("ns_per_item")):\
     (column("ns_per_item_lo")):(column("ns_per_item_hi")) with yerrorlines lt i title word(variants, i), \
     for [file in memory] file using (column("x")):(column("load_ns")) with lines @memory_line title memory_title
