# charts/claim.gp: a chart per claim timed in pairs, for its card: every round behind its interval,
# by the process it ran in, as the factor by which the side the article favours wins (above 1 the
# article is right), with C here's estimate and interval, the article's figure and CPython here's
# as lines across. One gnuplot draws every claim's chart: scripts/site.sh sets csv (the site's
# claim_rounds.csv), dir (the folder the SVGs go in), ids (the claims), and for each claim, in the
# same order, factors, los, his, articles, pythons and processes (-1 where there is no figure), with
# machine and confidence. In the SVG a reader who points at a round sees its process and factor.
eval terminal(760, 420)
set logscale y
set format y "%g"
set xlabel "process (each point one round: a slice of one side, then one of the other)"
set ylabel "the favoured side's factor (log)"
set key outside bottom center horizontal font ",10" samplen 2 spacing 1 nobox
set bmargin 7
set grid noxtics
set xtics 1 nomirror
unset mxtics
set offsets 0, 0, graph 0.08, graph 0.08
do for [k = 1:words(ids)] {
    id = word(ids, k)
    factor = word(factors, k) + 0
    lo = word(los, k) + 0
    hi = word(his, k) + 0
    article_k = word(articles, k) + 0
    python_k = word(pythons, k) + 0
    set output dir."/".id.".svg"
    set title id."\nevery round of its pairs: the factor by which the article's side wins (above 1 the article is right)" font ",12"
    set xrange [0.5:word(processes, k) + 0.5]
    set object 1 rect from graph 0, first lo to graph 1, first hi fc rgb "#009E73" fs transparent solid 0.15 noborder behind
    c_title = sprintf("C here: %.3g [%.3g, %.3g] (the %s interval)", factor, lo, hi, interval)
    article_clause = article_k > 0 ? sprintf(", %g with lines dt 2 lw 2 lc rgb '#D55E00' title 'the article: %.3g'", article_k, article_k) : ""
    python_clause = python_k > 0 ? sprintf(", %g with lines dt 3 lw 2 lc rgb '#222222' title 'CPython here: %.3g'", python_k, python_k) : ""
    # eval, not a macro: gnuplot does not expand @ inside a loop's block.
    eval "plot csv using (strcol('claim_id') eq id ? column('at') : NaN):(column('factor')) with points pt 7 ps 0.6" \
        ." lc rgb '#0072B2' title 'a round', factor with lines lw 2 lc rgb '#009E73' title c_title," \
        ." 1 with lines dt 2 lw 1 lc rgb '#888888' title 'no difference'".article_clause.python_clause \
        .", csv using (strcol('claim_id') eq id ? column('at') : NaN):(column('factor')):(sprintf('process %s, round %s:" \
        ." %.4g', strcol('process'), strcol('round'), column('factor'))) with labels hypertext point pt 7 ps 0.6" \
        ." lc rgb '#ff000000' notitle"
}
