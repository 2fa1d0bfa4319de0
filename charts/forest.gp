# charts/forest.gp: the site's forest plot: every claim on a line of its own, the factor by which the
# side the article favours wins in C here, with its interval (at idiom.conf's confidence), on one log
# axis, coloured by verdict; the article's figure and CPython here's on the same line. scripts/site.sh
# sets csv (the site's forest.csv, written by idiom_site), lines (how many), glances (the verdicts
# present), articles and pythons (how many lines have the article's or CPython here's figure), low and
# high (the span of every figure), out, format and machine. A clause is drawn only where it has points:
# gnuplot warns of a clause without any, and a warning fails the chart.
# In the SVG a reader who points at a claim's point sees its figures (gnuplot's hypertext).
height = 150 + 15 * lines
eval terminal(1100, height).(format eq "svg" ? " mouse standalone" : "")
set output out
set title "Every claim: how many times faster (or smaller) the side the article favours is, in C here\n(above 1 the article is right; bars: the ".interval." interval)" font ",13"
set logscale x
set format x "%g"
set xrange [low / 2:high * 2]
set logscale x2  # the same axis on top: the first screen of a tall chart shows its scale
set x2range [low / 2:high * 2]
set x2tics
set format x2 "%g"
set xlabel "the favoured side's factor, log scale"
set yrange [-lines:1]
set ytics () font ",8" nomirror
set grid xtics noytics
unset mxtics
set lmargin 34  # the claim names
set tmargin 4
set bmargin 7  # the key below the axis label
set key outside bottom center horizontal font ",10" samplen 1
set arrow from 1, graph 0 to 1, graph 1 nohead lc rgb "#444444" dt 2
all_glances = "agrees disagrees no_difference inconclusive not_applicable"
glance_colours = "#009E73 #D55E00 #777777 #E69F00 #aaaaaa"
glance_titles = "agrees disagrees 'no difference' inconclusive 'not applicable'"
rank_of(g) = sum [k = 1:words(all_glances)] (word(all_glances, k) eq g ? k : 0)
verdict_bars = ""
do for [k = 1:words(glances)] {
    g = word(glances, k)
    verdict_bars = verdict_bars.", csv using (strcol('glance') eq '".g."' ? column('factor') : NaN):(-column('line')):" \
        ."(column('factor_lo')):(column('factor_hi')) with xerrorbars pt 7 ps 0.7 lw 1.5 lc rgb '" \
        .word(glance_colours, rank_of(g))."' title '".word(glance_titles, rank_of(g))."'"
}
article_points = articles == 0 ? "" : ", csv using (column('article_factor') > 0 ? column('article_factor') : NaN):" \
    ."(-column('line')) with points pt 13 ps 1.0 lc rgb '#555555' title 'the article''s figure'"
python_points = pythons == 0 ? "" : ", csv using (column('python_factor') > 0 ? column('python_factor') : NaN):" \
    ."(-column('line')) with points pt 6 ps 1.0 lw 1.5 lc rgb '#222222' title 'CPython here'"
hover_points = words(glances) == 0 ? "" : ", csv using (column('factor')):(-column('line')):(hover(0))" \
    ." with labels hypertext point pt 7 ps 0.7 lc rgb '#ff000000' notitle"
hover(k) = sprintf("%s: %.3g [%.3g, %.3g], %s%s", strcol("claim_id"), column("factor"), column("factor_lo"), \
                   column("factor_hi"), strcol("glance"), column("clipped") > 0 ? " (beyond the axis: drawn at its edge)" : "")
plot csv using (1):(-column("line")):ytic(strcol("claim_id")) with points pt -1 notitle @verdict_bars @article_points \
     @python_points @hover_points
