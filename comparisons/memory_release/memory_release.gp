# comparisons/memory_release/memory_release.gp: the resident memory a structure leaves behind at each end state (held,
# freed, freed and trimmed) against its size, log-log, with article 002's memory_profiler figure
# for its 160,000,000-byte list and CPython here's growth after `del` and after gc.collect().
set title "Resident memory a structure leaves at its end state: held, freed, or freed then trimmed\n(one block, or many 24-byte blocks; measured in a fresh child process each)"
set xlabel "bytes built (log scale)"
set ylabel "resident growth left, log scale (median of 7 children; bars: their range)"
set logscale xy
set autoscale xfix
set offsets graph 0.05, graph 0.05, 0, 0
set yrange [1e5:2e9]
set format x "%.0s%cB"
set format y "%.0s%cB"
set key top left font ",10" box opaque  # above the rising lines, where nothing is drawn
article_here = article_clause("resident_growth_bytes", "article 002, memory_profiler (del b gave it all back)")
# Lines that lie on each other, said in words: the figures are the same to a page or two.
set label 1 "on the upper line: both held, and small_blocks_freed (free gave back nothing)" at graph 0.98, graph 0.42 right font ",10" tc rgb "#555555"
set label 2 "on the lower line: one_block_freed and small_blocks_trimmed (the measuring child's own pages)" at graph 0.98, graph 0.2 right font ",10" tc rgb "#555555"
deleted_here = cpython_clause("deleted", "resident_growth_bytes", cpython_style, "CPython here: del of the list")
small_here = cpython_clause("small_deleted", "resident_growth_bytes", cpython_style2, "CPython here: del of a list of floats")
cycles_here = cpython_clause("cycles_deleted", "resident_growth_bytes", cpython_style3, "CPython here: del of cycles, no collection")
hover_growth = hover("csv", "column('x')", "column('resident_growth_bytes')", row_said("sprintf('%.4g bytes resident growth " \
    ."[%.4g, %.4g]', column('resident_growth_bytes'), column('resident_growth_bytes_lo'), column('resident_growth_bytes_hi'))"))
plot for [i = 1:nv] csv using (only(word(variants, i), column("x"))):(column("resident_growth_bytes")):\
         (column("resident_growth_bytes_lo")):(column("resident_growth_bytes_hi")) with yerrorlines lt i title word(variants, i) @article_here @deleted_here @small_here @cycles_here \
         @hover_growth
