# comparisons/harness_overhead/harness_overhead.gp: the calibration: one loop iteration, native C++ against the C wrapper.
set title "Cost of one timing-loop iteration: Google Benchmark's native C++ loop vs idiombench's lifecycle loop (c_wrapper)"
set xlabel "n = compiler barriers in the loop body besides the first (0: the bare loop)"
set ylabel "ns per iteration (median; bars: its ".interval." interval)"
set yrange [0:*]
set offsets 0, 0, 0, 0
set style fill solid 0.75 border -1
width = 0.8 / nv
set boxwidth width
set xrange [-0.6:nx - 0.4]
set xtics ()
do for [k = 1:nx] { set xtics add (word(xs, k) k - 1) }
set format x "%g"
set mxtics 1
set grid noxtics
# Rows come variant by variant, each over the same xs: row r's x is xs[r % nx].
slot(i) = (int(column(0)) % nx) + (i - (nv + 1) / 2.0) * width
hover_bars = hover("csv", "slot(rank(strcol('variant')))", "column('ns_per_item')", row_said(ns_said))
plot for [i = 1:nv] csv using (only(word(variants, i), slot(i))):(column("ns_per_item")) \
         with boxes lt i title word(variants, i), \
     for [i = 1:nv] csv using (only(word(variants, i), slot(i))):(column("ns_per_item")):\
         (column("ns_per_item_lo")):(column("ns_per_item_hi")) with yerrorbars lt i lc rgb "black" pt 0 notitle \
     @hover_bars
