# comparisons/measurement_spread/measurement_spread.gp: article 000's three ways of timing its chained SHA-1, applied again
# and again: left, the figure each method reports (median, bars from the lowest to the highest);
# right, how much that figure moves between applications (CV, bars: its bootstrap interval).
eval terminal(1300, 620)
set multiplot layout 1, 2 title "Timing the chained SHA-1 three ways, each applied repeatedly: the figure it reports, and how much that moves"
set xrange [0.5:nv + 0.5]
set xtics () nomirror
do for [i = 1:nv] { set xtics add (word(variants, i) i) }
set key top right font ",11"
# One series per chain length, nudged sideways so that its bars do not hide the other's.
nudge(k) = (k - (nx + 1) / 2.0) * 0.12
at(k) = column("x") == word(xs, k) + 0 ? rank(strcol("variant")) + nudge(k) : NaN

set title "Reported ns per hash (lower bar: fastest figure; upper: slowest)"
set ylabel "ns per hash"
hover_reported = hover("csv", "rank(strcol('variant'))", "column('reported_ns_per_hash')", \
    row_said("sprintf('%.4g ns per hash reported [%.4g, %.4g]', column('reported_ns_per_hash'), column('reported_min'), column('reported_max'))"))
plot for [k = 1:nx] csv using (at(k)):(column("reported_ns_per_hash")):(column("reported_min")):(column("reported_max")) \
     with yerrorbars lt k pt 7 title sprintf("%s hashes per chain", word(xs, k)) @hover_reported

set title "Spread of the reported figure (lower is steadier)"
set ylabel "coefficient of variation of the figures, %"
set yrange [0:*]
hover_spread = hover("csv", "rank(strcol('variant'))", "column('spread_pct')", \
    row_said("sprintf('a spread of %.3g%% [%.3g, %.3g]', column('spread_pct'), column('spread_pct_lo'), column('spread_pct_hi'))"))
plot for [k = 1:nx] csv using (at(k)):(column("spread_pct")):(column("spread_pct_lo")):(column("spread_pct_hi")) \
     with yerrorbars lt k pt 7 title sprintf("%s hashes per chain", word(xs, k)) @hover_spread
unset multiplot
