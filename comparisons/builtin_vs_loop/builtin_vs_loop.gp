# comparisons/builtin_vs_loop/builtin_vs_loop.gp: library routines against hand loops, one panel per family: bytes touched
# per ns against n, with where the working set leaves each cache level and the memory bandwidth
# measured in this run, the line no routine can stay above once its input is out of cache.
eval terminal(1500, 620)
set output out
set multiplot layout 1, 3 title "Library routine against the loop a C programmer writes (higher is faster)" font ",15"
set xlabel "n, elements (log scale)"
set logscale xy
set autoscale xfix
set offsets graph 0.03, graph 0.03, graph 0.3, graph 0.06
set key top right font ",10"
gbps(v) = column("bytes_per_element") / column("ns_per_item")   # bytes per ns = GB/s

# The bandwidth line: the most bytes per ns any routine streamed with a working set of more than
# twice the L3 (when the caches are known), i.e. from memory: this machine's bandwidth as measured.
# (0 on the other rows, so stats always has points: none leave the caches in a QUICK run.)
from_memory(v) = l3_bytes > 0 && column("x") * column("bytes_per_element") > 2 * l3_bytes ? v : 0
stats csv using (from_memory(gbps(0))) nooutput name "BW"
bandwidth = BW_max > 0 ? BW_max : NaN
stats csv using (column("x")) nooutput name "X"

# One panel per family: the variants whose names start with its prefix, its bytes per element.
array prefixes[3] = ["sum_", "search_", "copy_"]
array titles[3] = ["Sum of n doubles (8 bytes each)", "Search of n bytes for the last one", "Copy of n bytes (read and written: 2 each)"]
array widths[3] = [8, 1, 2]
in_family(v, f) = strstrt(v, prefixes[f]) == 1
hover_family = hover("csv", "in_family(strcol('variant'), f) ? column('x') : NaN", "gbps(0)", \
    row_said("sprintf('%.3g GB/s (%.4g ns per element)', gbps(0), column('ns_per_item'))"))
do for [f = 1:3] {
    set title titles[f]
    set ylabel "bytes touched per ns = GB/s, log scale (median)"
    # Tags 1-3 mark the cache levels, 4 the bandwidth; the style's corner label keeps its own tag.
    unset arrow
    do for [tag = 1:4] { unset label tag }
    do for [level = 1:3] {
        bytes = level == 1 ? l1d_bytes : level == 2 ? l2_bytes : l3_bytes
        if (bytes > 0 && bytes / widths[f] <= X_max) {
            set arrow level from bytes / widths[f], graph 0 to bytes / widths[f], graph 1 nohead dt 3 lc rgb "#888888"
            set label level word("L1d L2 L3", level)." full" at bytes / widths[f], graph 0.03 offset 0.4, 0 \
                font ",10" tc rgb "#666666"
        }
    }
    if (bandwidth == bandwidth) {
        set arrow 4 from graph 0, first bandwidth to graph 1, first bandwidth nohead dt 2 lw 1.5 lc rgb "#444444"
        set label 4 sprintf("memory bandwidth: %.1f GB/s, the fastest stream from beyond the L3", bandwidth) \
            at graph 0.02, first bandwidth offset 0, 0.7 font ",10" tc rgb "#444444"
    }
    # eval, not a macro: gnuplot does not expand @ inside a loop's block.
    eval "plot for [i = 1:nv] csv using (in_family(word(variants, i), f) ? only(word(variants, i), column('x')) : NaN):" \
        ."(gbps(0)) with linespoints lt i title (in_family(word(variants, i), f) ? word(variants, i) : '')".hover_family
}
unset multiplot
