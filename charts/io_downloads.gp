# charts/io_downloads.gp: the chart the I/O comparisons share (their facts name it as their chart): wall time per download against the number of downloads, log-log, with the two
# references: the sequential line (one latency per download) and the floor (one latency for all).
stats csv using (column("latency_ms")) nooutput name "LATENCY"
latency_ms = LATENCY_max  # as the run recorded it: 50 ms, or 10 in a QUICK run
set title sprintf("%s: wall time per download of a 200 KB image held %d ms by a local server (lower is faster)", name, latency_ms)
set xlabel "downloads per iteration (log scale)"
set ylabel "ms per download, log scale (median; bars: its ".interval." interval)"
set logscale xy
set xtics (1, 2, 4, 8, 16, 64, 256)
set autoscale xfix
set offsets graph 0.03, graph 0.03, graph 0.3, graph 0.05
set key top right font ",11"
ms(v) = v / 1e6
paired_ms = paired_clause_xy("column('x')", "ms(column('ns_per_item'))")
hover_ms = hover("csv", "column('x')", "ms(column('ns_per_item'))", row_said("sprintf('%.4g ms per download [%.4g, %.4g]', " \
    ."ms(column('ns_per_item')), ms(column('ns_per_item_lo')), ms(column('ns_per_item_hi')))"))
article_ms = article_clause_scaled("ns_per_item", "1e-6", "the article (CPython, its network)")
plot for [i = 1:nv] csv using (only(word(variants, i), column("x"))):(ms(column("ns_per_item"))):\
     (ms(column("ns_per_item_lo"))):(ms(column("ns_per_item_hi"))) with yerrorlines lt i title word(variants, i), \
     [1:256] latency_ms with lines dt 2 lw 1.5 lc rgb "#444444" title "sequential line: one latency each", \
     [1:256] latency_ms / x with lines dt 3 lw 1.5 lc rgb "#888888" title "floor: one latency for all" \
     @paired_ms @article_ms @cpython_times_ms @hover_ms
