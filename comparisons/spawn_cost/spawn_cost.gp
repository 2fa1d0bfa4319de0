# comparisons/spawn_cost/spawn_cost.gp: what starting one thread, forked process or spawned program and waiting for
# it costs, in microseconds on a log axis, for one start alone and several in a row.
set title "Starting and reaping one unit of concurrency (lower is cheaper)"
set xlabel "starts per iteration, one after another (log scale)"
set ylabel "µs per start, log scale (median; bars: its ".interval." interval)"
set logscale xy
set xtics (1, 2, 4, 8, 16)
set xrange [0.8:20]
set offsets 0, 0, graph 0.3, graph 0.1
set key top left
us(v) = v / 1e3
paired_us = paired_clause_xy("column('x')", "us(column('ns_per_item'))")
hover_us = hover("csv", "column('x')", "us(column('ns_per_item'))", row_said("sprintf('%.4g us per start [%.4g, %.4g]', " \
    ."us(column('ns_per_item')), us(column('ns_per_item_lo')), us(column('ns_per_item_hi')))"))
plot for [i = 1:nv] csv using (only(word(variants, i), column("x"))):(us(column("ns_per_item"))):\
     (us(column("ns_per_item_lo"))):(us(column("ns_per_item_hi"))) with yerrorlines lt i title word(variants, i) \
     @paired_us @hover_us
