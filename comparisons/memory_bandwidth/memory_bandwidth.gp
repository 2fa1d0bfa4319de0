# comparisons/memory_bandwidth/memory_bandwidth.gp: bytes copied per ns (GB/s) against working-set bytes, log x, with the
# cache sizes: how many bytes a second streams from each level.
set title "Copy bandwidth against working set (memcpy between its two halves; higher is faster)"
set xlabel "working set, both halves, bytes (log scale)"
set ylabel "GB/s copied, log scale (median; bars: its ".interval." interval)"
set logscale xy
set autoscale xfix
set xtics ("4 KiB" 4096, "64 KiB" 65536, "1 MiB" 1048576, "16 MiB" 16777216, "256 MiB" 268435456)
set key top right
eval mark_caches(1)
hover_bytes_per_ns = hover("csv", "column('x')", "1 / column('ns_per_item')", \
    row_said("sprintf('%.3g bytes per ns [%.3g, %.3g]', 1 / column('ns_per_item'), 1 / column('ns_per_item_hi'), 1 / column('ns_per_item_lo'))"))
plot for [i = 1:nv] csv using (only(word(variants, i), column("x"))):(1 / column("ns_per_item")):\
     (1 / column("ns_per_item_hi")):(1 / column("ns_per_item_lo")) with yerrorlines lt i title word(variants, i) @hover_bytes_per_ns
