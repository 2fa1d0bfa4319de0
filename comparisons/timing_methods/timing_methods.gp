# comparisons/timing_methods/timing_methods.gp: per clock, what one read costs and the smallest step it measurably
# advances by (and the step it advertises), on one log axis, at the largest number of reads.
set title "The clocks a C program can time itself with: cost of a read and resolution (lower is finer and cheaper)"
set ylabel "ns, log scale"
set logscale y
set yrange [0.1:1e10]
set xrange [0.5:nv + 0.5]
set xtics () rotate by -35 left nomirror
do for [i = 1:nv] { set xtics add (word(variants, i) i) }
set bmargin 8
set key top left font ",11"
set label 1 "a clock with no measured step did not advance during the 50 ms search (libc_time: whole seconds)" at graph 0.99, graph 0.04 right font ",10" tc rgb "#555555"
stats csv using (column("x")) nooutput name "X"
at_largest(v) = column("x") == X_max ? v : NaN
positive(v) = v > 0 ? v : NaN
hover_clock = hover("csv", "at_largest(rank(strcol('variant')))", "positive(column('ns_per_item'))", \
    "sprintf('%s: %.4g ns per read, a step of %.4g ns measured, %.4g advertised', strcol('variant'), " \
    ."column('ns_per_item'), column('resolution_ns'), column('advertised_resolution_ns'))")
plot csv using (at_largest(rank(strcol("variant")))):(positive(column("ns_per_item"))) \
         with points pt 7 ps 1.6 lc rgb "#0072B2" title "cost of one read (median)", \
     csv using (at_largest(rank(strcol("variant")))):(positive(column("resolution_ns"))) \
         with points pt 5 ps 1.4 lc rgb "#D55E00" title "measured resolution: smallest step between reads", \
     csv using (at_largest(rank(strcol("variant")))):(positive(column("advertised_resolution_ns"))) \
         with points pt 4 ps 1.8 lw 2 lc rgb "#009E73" title "advertised resolution (clock_getres, or the unit of the result)" \
     @hover_clock
