# charts/robustness.gp: every claim on a line of its own, its factor (how many times faster or smaller
# the side the article favours is; above 1 the article is right) under each setting make robustness
# measured it in, with its interval (at idiom.conf's confidence), on one log axis: where the points of
# a line agree, the verdict is the idiom's; where they part, the setting's. scripts/plots.sh sets csv
# (its lines.csv: line, slot, claim_id, factor, factor_lo, factor_hi, one row per claim and setting,
# slot the setting's place in settings), settings (their names, axis:setting, the reference, which
# stands in every axis, once as "reference"; in a fixed order and so in fixed colours), claims (their ids, in line order), lines (how many claims), low and high (the span of every figure).
height = 160 + 16 * (lines > 12 ? lines : 12)  # room for the key beside a few lines
eval terminal(1200, height)
set output out
set title "How robust is each verdict? Each claim's factor under every setting of make robustness\n(above 1 the article is right; bars: the ".interval." interval; a claim's points apart: the setting matters)" font ",13"
set logscale x
set format x "%g"
set xrange [low / 2:high * 2]
set logscale x2
set x2range [low / 2:high * 2]
set x2tics
set format x2 "%g"
set xlabel "the favoured side's factor, log scale"
set yrange [-lines:1]
set ytics () font ",8" nomirror
set grid xtics noytics
unset mxtics
set lmargin 34
set tmargin 5
set bmargin 5
set key outside right top vertical font ",10" samplen 1
set arrow from 1, graph 0 to 1, graph 1 nohead lc rgb "#444444" dt 2
ns = words(settings)
offset(k) = (k - (ns + 1) / 2.0) * 0.7 / ns
hover_settings = hover("csv", "column('factor')", "-column('line') + offset(column('slot'))", \
    "sprintf('%s under %s: %.3g [%.3g, %.3g]', strcol('claim_id'), word(settings, int(column('slot'))), column('factor'), " \
    ."column('factor_lo'), column('factor_hi'))")
do for [k = 1:words(claims)] { set ytics add (word(claims, k) -(k - 1)) }
plot for [k = 1:ns] csv using (column("slot") == k ? column("factor") : NaN):(-column("line") + offset(k)):\
         (column("factor_lo")):(column("factor_hi")) with xerrorbars lt k pt 7 ps 0.6 lw 1 title word(settings, k) \
     @hover_settings
