# comparisons/worker_memory/worker_memory.gp: what x workers hold together, as threads, forked processes and spawned
# programs: the growth of the proportional set size summed over the process and its workers,
# log-log, with CPython here's threads, fork and spawn at the article's four workers.
set title "Memory held by x workers, each with a 64 KiB buffer of its own\n(growth of the Pss summed over the process and its workers: shared pages count once)"
set xlabel "workers (log scale)"
set ylabel "bytes held, log scale (median of 7 starts; bars: their range)"
set logscale xy
set autoscale xfix
set xtics 1, 2, 64
set offsets graph 0.05, graph 0.05, 0, 0
set format y "%.0s%cB"
set key top left font ",10"
threads_here = cpython_clause("threads", "pss_bytes", cpython_style, "CPython here: threading.Thread")
forked_here = cpython_clause("forked", "pss_bytes", cpython_style2, "CPython here: multiprocessing, fork")
spawned_here = cpython_clause("spawned", "pss_bytes", cpython_style3, "CPython here: multiprocessing, spawn")
hover_pss = hover("csv", "column('x')", "column('pss_bytes') > 0 ? column('pss_bytes') : 1", row_said("sprintf('%.4g bytes of " \
    ."Pss [%.4g, %.4g]', column('pss_bytes'), column('pss_bytes_lo'), column('pss_bytes_hi'))"))
plot for [i = 1:nv] csv using (only(word(variants, i), column("x"))):(column("pss_bytes") > 0 ? column("pss_bytes") : 1):\
         (column("pss_bytes_lo") > 0 ? column("pss_bytes_lo") : 1):(column("pss_bytes_hi")) \
         with yerrorlines lt i title word(variants, i) @threads_here @forked_here @spawned_here @hover_pss
