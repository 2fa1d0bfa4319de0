# comparisons/array_doubling/array_doubling.gp: ns per element against n, log-log, with where the working set leaves
# each cache level, and at the article's point its two CPython figures beside CPython here's.
set title "Doubling n random ints into a new array: time per element (lower is faster)"
set xlabel "n, elements (log scale)"
set ylabel "ns per element, log scale (median; bars: its ".interval." interval over repetitions)"
set logscale xy
set autoscale xfix
set key top left font ",10"
set offsets graph 0.04, graph 0.04, graph 0.25, 0  # headroom for the key; room for the points at the last n
# packed_i64 touches 16 bytes per element (8 read, 8 written): mark where that fills each level.
eval mark_caches(16)
article_here = article_clause("ns_per_item", "article 000 (CPython, line_profiler)")
list_here = cpython_clause("list_comprehension", "ns_per_item", cpython_style, "CPython here: list comprehension")
numpy_here = cpython_clause("numpy_multiply", "ns_per_item", cpython_style2, "CPython here: NumPy arr * 2")
eval mark_claims  # the xs its claims are judged at
plot for [i = 1:nv] csv using (only(word(variants, i), column("x"))):(column("ns_per_item")):\
     (column("ns_per_item_lo")):(column("ns_per_item_hi")) with yerrorlines lt i title word(variants, i) @article_here @list_here @numpy_here @memory_clause @paired_clause @hover_clause
