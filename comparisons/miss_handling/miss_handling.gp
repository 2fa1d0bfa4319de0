# comparisons/miss_handling/miss_handling.gp: ns per lookup against the share of keys present (the article's sweep chart,
# redrawn in C); the same sweep in CPython here, in its own panel since its scale is CPython's; each C
# idiom's time against status_code's, measured in pairs, which is what holds still from run to run;
# and at 50% hits the C variants beside the article's two CPython figures and CPython here's.
eval terminal(1500, 1100)
set multiplot layout 2, 2 title "Looking up 10,000 keys in a map of 100,000: check first, or take the error path on a miss" font ",15"
set title "C: time per lookup against hit ratio (lower is faster)"
set xlabel "keys present, %"
set ylabel "ns per lookup (median; bars: its ".interval." interval)"
set xrange [-5:105]
set yrange [0:*]
set offsets 0, 0, graph 0.3, 0  # headroom: the key sits above the highest bar
set format x "%g"
set xtics 0, 10, 100
set key top left font ",10"
crossover_scale = 100  # the hit ratio in percent
crossover_at(x) = sprintf("%g%% hits", x)
eval mark_crossovers  # each crossover numbered above the plot, said in the key
hover_pct = hover("csv", "column('x') * 100", "column('ns_per_item')", row_said(ns_said))
plot for [i = 1:nv] csv using (only(word(variants, i), column("x") * 100)):(column("ns_per_item")):\
     (column("ns_per_item_lo")):(column("ns_per_item_hi")) with yerrorlines lt i title word(variants, i) \
     @memory_clause_pct @paired_clause_pct @crossover_clause @hover_pct

unset arrow
unset label
set label 100 "idiombench · ".machine at screen 0.995, 0.012 right font ",9" tc rgb "#666666"
# The article's chart, re-run: its functions, its dict and keys, in CPython on this machine.
set title "CPython here: the article's LBYL and EAFP (and dict.get) against hit ratio"
set ylabel "ns per lookup (median; bars: the rounds' range)"
cpython_idioms = "lbyl eafp get"
cpython_names = "LBYL EAFP dict.get"
if (strlen(cpython) > 0) {
    # eval, not a macro: gnuplot does not expand @ inside a block.
    eval "plot for [k = 1:3] cpython using (cpython_at(word(cpython_idioms, k), 'ns_per_item') * 100):(column('median')):" \
        ."(column('min')):(column('max')) with yerrorlines pt (5 + k) ps 1.2 lw 2 dt k lc rgb word('#222222 #777777 #aaaaaa', k)" \
        ." title 'CPython here: '.word(cpython_names, k)".hover("cpython", "strcol('metric') eq 'ns_per_item' ? column('x') * 100 : NaN", \
        "column('median')", "sprintf('CPython here, %s at %g%% hits: %.4g ns per lookup [%.4g, %.4g]', strcol('idiom'), " \
        ."column('x') * 100, column('median'), column('min'), column('max'))")
} else {
    set label 2 "the CPython side was not measured in this run (CPYTHON=0)" at graph 0.5, 0.5 center
    set yrange [0:1]
    unset key
    plot NaN notitle
    unset label 2
    set key top left font ",10"
}

unset arrow
set title "C: against status_code, measured in pairs"
set ylabel "time / status_code's time (colours as above)"
set yrange [*:*]
set offsets 0, 0, graph 0.35, graph 0.05
set key off
set arrow from graph 0, first 1 to graph 1, first 1 nohead lc rgb "#888888" dt 2
set label "status_code" at graph 0.98, first 1 right offset 0, -0.7 font ",10" tc rgb "#888888"
if (strlen(pairs) > 0) {
    eval "plot for [i = 1:nv] pairs using ((strcol('contender') eq 'status_code' && strcol('baseline') eq word(variants, i))" \
        ." ? column('x') * 100 : NaN):(column('ratio')):(column('ratio_lo')):(column('ratio_hi'))" \
        ." with yerrorlines lt i title word(variants, i)".hover("pairs", "strcol('contender') eq 'status_code' ? column('x') * 100 : NaN", \
        "column('ratio')", "sprintf('%s / status_code at %g%% hits: %.3g [%.3g, %.3g]', strcol('baseline'), column('x') * 100, " \
        ."column('ratio'), column('ratio_lo'), column('ratio_hi'))")
} else {
    set label "no paired rounds in this run" at graph 0.5, 0.5 center
    set yrange [0:2]
    plot NaN notitle
}
unset arrow
unset label
set label 100 "idiombench · ".machine at screen 0.995, 0.012 right font ",9" tc rgb "#666666"
set key top left font ",10"
set title "At 50% hits: C, the article's CPython and CPython here"
set xlabel ""
set ylabel "ns per lookup"
nc = strlen(cpython) > 0 ? 3 : 0
set xrange [-0.7:nv + article_n - 0.3 + nc]
set yrange [0:*]
set offsets 0, 0, graph 0.12, 0
set style fill solid 0.8 border -1
set boxwidth 0.7
set xtics rotate by -30 left font ",10" nomirror
# The article's line_profiler figures at 50% hits (from the claims), in ns per lookup.
article_here = article_bars(sprintf("%d", nv), "column('value')", "article: ", "article 000 (CPython, line_profiler)")
set xtics ()
do for [i = 1:nv] { set xtics add (word(variants, i) i - 1) }
do for [k = 1:nc] { set xtics add ("here: ".word(cpython_names, k) nv + article_n - 1 + k) }
set rmargin 8  # room for the last rotated label
at_half(idiom) = (strcol("idiom") eq idiom && strcol("metric") eq "ns_per_item" && abs(column("x") - 0.5) < 1e-9)
# CPython here's bar and label for idiom k, as clauses (see cpython_clause in style.gp for why not a
# loop, and why the clause names the variable cpython rather than its path). No apostrophe may stand
# in the plot command before them: gnuplot would take it for a quote and not expand the macro.
here_slot(k) = sprintf("%d", nv + article_n - 1 + k)
here_bar(k) = ", cpython using (at_half('".word(cpython_idioms, k)."') ? ".here_slot(k)." : NaN):(column('median'))" \
    ." with boxes lc rgb '#444444' fs pattern 2 title '".(k == 1 ? "CPython here (timeit)" : "")."'" \
    .", cpython using (at_half('".word(cpython_idioms, k)."') ? ".here_slot(k)." : NaN):(column('median'))" \
    .":(sprintf('%.0f', column('median'))) with labels offset 0, 0.7 font ',10' notitle"
here_bars = nc > 0 ? here_bar(1).here_bar(2).here_bar(3) : ""
hover_half = hover("csv", "abs(column('x') - 0.5) < 1e-9 ? rank(strcol('variant')) - 1 : NaN", "column('ns_per_item')", \
    row_said(ns_said))
plot for [i = 1:nv] csv using (only(word(variants, i), abs(column("x") - 0.5) < 1e-9 ? i - 1 : NaN)):\
         (column("ns_per_item")) with boxes lt i notitle, \
     for [i = 1:nv] csv using (only(word(variants, i), abs(column("x") - 0.5) < 1e-9 ? i - 1 : NaN)):\
         (column("ns_per_item")):(sprintf("%.0f", column("ns_per_item"))) with labels offset 0, 0.7 font ",10" notitle \
         @article_here @here_bars @hover_half
unset multiplot
