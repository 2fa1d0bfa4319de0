# comparisons/membership_build/membership_build.gp: build time per element against n, and bytes per element at the largest
# n beside the article's memory_profiler figures for 1,000,000 ints.
set multiplot layout 1, 2 title "Building a membership layout from n ints" font ",15"
set title "Build and free: ns per element"
set xlabel "n, ints (log scale)"
set ylabel "ns per element, log scale (median; bars: its ".interval." interval)"
set logscale xy
set autoscale xfix
plot for [i = 1:nv] csv using (only(word(variants, i), column("x"))):(column("ns_per_item")):\
     (column("ns_per_item_lo")):(column("ns_per_item_hi")) with yerrorlines lt i title word(variants, i) @hover_clause

unset logscale
set autoscale x
set offsets 0, 0, 0, 0
largest = word(xs, nx)
set title sprintf("Heap bytes per element at n = %s", largest)
set xlabel ""
set ylabel "peak bytes per element"
set yrange [0:*]
set style fill solid 0.8 border -1
set boxwidth 0.7
set xtics rotate by -30 left font ",10" nomirror
set key top right font ",10"
# The articles' memory_profiler increments (from the claims), in bytes per element, beside C's.
article_here = article_bars(sprintf("%d", nv), "column('value') / column('x')", "article: ", \
                            "the articles (CPython, memory_profiler)")
set xtics ()
do for [i = 1:nv] { set xtics add (word(variants, i) i - 1) }
set xrange [-0.7:nv + article_n - 0.3]
hover_bytes = hover("csv", "column('x') == largest + 0 ? rank(strcol('variant')) - 1 : NaN", "column('peak_bytes') / column('x')", \
    row_said("sprintf('%.4g peak heap bytes per element', column('peak_bytes') / column('x'))"))
plot for [i = 1:nv] csv using (only(word(variants, i), column("x") == largest + 0 ? i - 1 : NaN)):\
         (column("peak_bytes") / column("x")) with boxes lt i notitle, \
     for [i = 1:nv] csv using (only(word(variants, i), column("x") == largest + 0 ? i - 1 : NaN)):\
         (column("peak_bytes") / column("x")):(sprintf("%.1f", column("peak_bytes") / column("x"))) \
         with labels offset 0, 0.7 font ",10" notitle @article_here @hover_bytes
unset multiplot
