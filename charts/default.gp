# charts/default.gp: the chart of every comparison without a chart script of its own (comparisons/<name>/<name>.gp): time per
# item against x, one line per variant; x on a log axis when it is a count spanning two decades or
# more, time on a log axis when it spans two decades or more.
# scripts/plots.sh sets name, param, param_kind and item from the comparison's facts. Where the
# claims give the article's times (article_points) and CPython here timed the article's idioms, they
# are drawn at their x.
stats csv using (column("x")) nooutput
decades = param_kind eq "count" && STATS_min > 0 && STATS_max / STATS_min >= 100
stats csv using (column("ns_per_item")) nooutput name "TIME"
time_decades = TIME_min > 0 && TIME_max / TIME_min >= 100
set title sprintf("%s: time per %s against %s (lower is faster)", name, item, param)
set xlabel param.(decades ? " (log scale)" : "")
set ylabel sprintf("ns per %s%s (median; bars: its %s interval)", item, time_decades ? ", log scale" : "", interval)
if (decades) {
    set logscale x
    set autoscale xfix
} else {
    set format x "%g"
}
if (time_decades) {
    set logscale y
} else {
    set yrange [0:*]
}
set offsets graph 0.03, graph 0.03, graph 0.05, graph 0.05
set key outside right top font ",10"  # beside the plot, so that the axes fit the data and no key lies on a line
article_here = article_clause("ns_per_item", "the article (CPython)")
eval mark_claims  # the xs its claims are judged at
plot for [i = 1:nv] csv using (only(word(variants, i), column("x"))):(column("ns_per_item")):\
     (column("ns_per_item_lo")):(column("ns_per_item_hi")) with yerrorlines lt i title word(variants, i) \
     @paired_clause @hover_clause @article_here @cpython_times
