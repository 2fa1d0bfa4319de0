# comparisons/append_vs_presized/append_vs_presized.gp: building the filtered, doubled output four ways of looking: time per
# input element against n, new blocks and bytes moved per element against n (the article's draw),
# and time per element against the share kept, at the article's n.
eval terminal(1300, 1000)
set output out
set multiplot layout 2, 2 title "Keeping the ints above 50 of n random ints, doubled (lower is faster)" font ",15"
set logscale x
set autoscale xfix
set xlabel "n, input ints (log scale)"
set offsets graph 0.03, graph 0.03, graph 0.06, graph 0.06
set key top right font ",10"
# The article's draw is the variants without a workload suffix, which come first in the CSV.
main = 0
do for [i = 1:nv] { if (strstrt(word(variants, i), "_kept") == 0) { main = i } }

set title "Time per input element, the article's draw (about half kept)"
set ylabel "ns per element, log scale (median; bars: its ".interval." interval)"
set logscale y
paired_main = paired_clause_xy("rank(strcol('variant')) <= main ? column('x') : NaN", "column('ns_per_item')")
main_x = "rank(strcol('variant')) <= main ? column('x') : NaN"  # the article's draw's rows only
hover_main = hover("csv", main_x, "column('ns_per_item')", row_said(ns_said))
plot for [i = 1:main] csv using (only(word(variants, i), column("x"))):(column("ns_per_item")):\
     (column("ns_per_item_lo")):(column("ns_per_item_hi")) with yerrorlines lt i title word(variants, i) @paired_main \
     @hover_main

set title "New blocks per input element (in-place growth not counted)"
set ylabel "allocations per element, log scale"
set key bottom left
hover_blocks = hover("csv", main_x, "column('allocs') / column('x')", \
    row_said("sprintf('%.3g new blocks per element', column('allocs') / column('x'))"))
plot for [i = 1:main] csv using (only(word(variants, i), column("x"))):(column("allocs") / column("x")) \
     with linespoints lt i title word(variants, i) @hover_blocks

set title "Bytes moving reallocs copied, per input element"
hover_moved = hover("csv", main_x, "column('bytes_moved_per_element') > 0 ? column('bytes_moved_per_element') : NaN", \
    row_said("sprintf('%.4g bytes copied per element', column('bytes_moved_per_element'))"))
set ylabel "bytes per element, log scale (0 not drawn)"
set key top right
plot for [i = 1:main] csv using (only(word(variants, i), column("x"))):\
     (column("bytes_moved_per_element") > 0 ? column("bytes_moved_per_element") : NaN) \
     with linespoints lt i title word(variants, i) @hover_moved

# The variants drawn again with none and with all values kept: the names with an "_all_kept" twin.
# At the article's 100,000 ints, or the largest n below it that this run measured (a QUICK run).
stats csv using (column("x") <= 100000 ? column("x") : NaN) nooutput name "AT"
article_n = AT_max
bases = ""
do for [i = 1:nv] {
    v = word(variants, i)
    k = strstrt(v, "_all_kept")
    if (k > 0) { bases = bases.v[1:k - 1]." " }
}
# Each base variant's three medians at the article's n, one datablock index per base.
set print $shares
do for [k = 1:words(bases)] {
    b = word(bases, k)
    print "share,ns_per_item"  # each index's header, which the shared style's `columnheaders` expects
    do for [w = 1:3] {
        name_w = w == 1 ? b."_none_kept" : w == 2 ? b : b."_all_kept"
        stats csv using (strcol("variant") eq name_w && column("x") == article_n ? column("ns_per_item") : NaN) \
            nooutput name "SHARE"
        print sprintf("%g,%g", w == 1 ? 0 : w == 2 ? 50.0 / 101 : 1, SHARE_max)
    }
    print ""
    print ""
}
unset print
set title sprintf("Time per element against the share kept, n = %d", article_n)
set xlabel "share of values kept (0: none, 0.495: the article's randint(0, 100) > 50, 1: all)"
unset logscale x
set xrange [-0.05:1.05]
set format x "%g"
set ylabel "ns per element, log scale (median)"
set key top left
set label 1 "at about half kept, x > 50 is a coin toss:\nthe branchy loops pay its mispredictions" \
    at graph 0.5, graph 0.22 center font ",10" tc rgb "#555555"
hover_shares = hover("$shares", "column(1)", "column(2)", "sprintf('%g kept: %.4g ns per element', column(1), column(2))")
plot for [k = 1:words(bases)] $shares index k - 1 using 1:2 with linespoints lt rank(word(bases, k)) \
     title word(bases, k) @hover_shares
unset multiplot
