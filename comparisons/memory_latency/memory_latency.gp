# comparisons/memory_latency/memory_latency.gp: ns per dependent load against working-set bytes, log-log, with the
# cache sizes: the step from each level to DRAM that memory-bound results elsewhere run into.
set title "Dependent-load latency against working set (lmbench's lat_mem_rd, in C)"
set xlabel "working set, bytes (log scale)"
set ylabel "ns per dependent load, log scale (median; bars: its ".interval." interval)"
set logscale xy
set autoscale xfix
set xtics ("4 KiB" 4096, "64 KiB" 65536, "1 MiB" 1048576, "16 MiB" 16777216, "256 MiB" 268435456)
set key top left
eval mark_caches(1)
plot for [i = 1:nv] csv using (only(word(variants, i), column("x"))):(column("ns_per_item")):\
     (column("ns_per_item_lo")):(column("ns_per_item_hi")) with yerrorlines lt i title word(variants, i) @hover_clause
