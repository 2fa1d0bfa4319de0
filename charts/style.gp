# charts/style.gp: the one style every chart shares. scripts/plots.sh sets csv, pairs (the paired
# ratios' CSV, or ''), out, format (svg or png), machine (the corner label), variants and xs (in CSV
# order), the comparison's name, param, param_kind and item, the cache sizes, memory (see below),
# cpython: the comparison's <comparison>.cpython.csv, the article's setup re-run in CPython on this
# machine, or '' where there is none, and confidence: idiom.conf's IDIOM_CONFIDENCE.
# interval: the intervals' confidence as a percentage, for the axis labels that say what a bar is.
interval = sprintf("%g%%", 100 * confidence)
# terminal(width, height): the command that sets the terminal for a chart of that SVG size; the
# PNG is 1.25 times larger. A wide chart (three panels) runs `eval terminal(1500, 620)` again.
terminal(w, h) = format eq "svg" \
    ? sprintf("set terminal svg size %d,%d dynamic mouse standalone noenhanced font 'DejaVu Sans,13' background rgb 'white'", w, h) \
    : sprintf("set terminal pngcairo size %d,%d noenhanced font 'DejaVu Sans,13' background rgb 'white'", w * 5 / 4, h * 5 / 4)
eval terminal(1000, 620)
set output out
set encoding utf8
set datafile separator ","
set datafile columnheaders
set grid xtics ytics mxtics mytics lc rgb "#e0e0e0" lw 1 dt 1
set border lw 1.2
set key top left box opaque samplen 2 spacing 1.1
set tics nomirror
set bmargin 5  # room for the x label above the machine label in the corner
set offsets graph 0.03, graph 0.03, 0, 0
set title font ",15"
set format x "%.0s%c"
set format y "%g"

# Okabe-Ito colours, told apart by colour-blind readers too. A variant's colour is its rank in the
# CSV, so it is the same in every panel of a comparison.
array colours[8] = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]
do for [i = 1:8] { set linetype i lc rgb colours[i] lw 2 pt (i + 4) ps 1.1 }

set label 100 "idiombench · ".machine at screen 0.995, 0.012 right font ",9" tc rgb "#666666"
nv = words(variants)
nx = words(xs)

# is_variant(v): true on the current row when its variant is v.
is_variant(v) = strcol("variant") eq v
# only(v, value): value on rows of variant v, NaN (not drawn) elsewhere.
only(v, value) = is_variant(v) ? value : NaN
# rank(v): v's position in variants (its colour), 0 if it has none.
rank(v) = sum [k = 1:nv] (word(variants, k) eq v ? k : 0)

# A memory-bound comparison's charts add, where the latency calibration was measured, the line of one
# dependent random load (memory_latency's random chase) at its memory variant's working set:
# memory is that CSV's path, or '' where there is none. End the plot command with
# @memory_clause (or @memory_clause_pct, x in percent); see cpython_clause for why a clause.
memory_line = "dt 2 lw 2 lc rgb '#444444'"
memory_title = "one random load at ".memory_variant."'s working set"
memory_clause_for(x) = strlen(memory) == 0 ? "" : \
    ", memory using (".x."):(column('load_ns')) with lines ".memory_line." title memory_title"
memory_clause = memory_clause_for("column('x')")
memory_clause_pct = memory_clause_for("column('x') * 100")
# The claims' own figures: each variant's median ns per item at each x where it was measured in
# pairs (paired is that CSV's path, or '' where the comparison had no pairs), as black open
# diamonds beside the sweep's line of the same variant. Where a diamond sits off its line, the chart
# and the claim measured in different regimes; the claim's sentence in the report says so. End a
# plot command of ns per item against x with @paired_clause (or @paired_clause_pct).
# paired_clause_xy(x, y) takes the point's x and y expressions, for a chart that scales either or
# draws only some variants in a panel (x NaN for the others).
paired_clause_xy(x, y) = strlen(paired) == 0 ? "" : \
    ", paired using (".x."):(".y.") with points pt 12 ps 1.3 lw 1.2 lc rgb '#000000'" \
    ." title 'measured in pairs, as the claims are'"
paired_clause = paired_clause_xy("column('x')", "column('ns_per_item')")
# hover(data, x, y, text): in the SVG, the clause of a plot command that puts, at (x, y) of each row of
# data (the name of the variable holding the file, as a string: "csv", "pairs"), an unseen point a
# reader can point at to see text (gnuplot's hypertext; the SVG carries its own script, nothing from
# elsewhere). x, y and text are expressions, as strings; '' in the PNG. Set a variable to it and end the
# plot command with @that_variable (or concatenate it to a command that is eval'd, inside a loop).
hover(data, x, y, text) = format ne "svg" ? "" : \
    ", ".data." using (".x."):(".y."):(".text.") with labels hypertext point pt 7 ps 1.2 lc rgb '#ff000000' notitle"
# row_said(value): a hover's text for a row of the sweep: its variant and x, then value (an expression
# of a string).
row_said(value) = "sprintf('%s at %s=%g: %s', strcol('variant'), param, column('x'), ".value.")"
# ns_said: a sweep row's median and interval, in ns per item.
ns_said = "sprintf('%.4g ns per item [%.4g, %.4g]', column('ns_per_item'), column('ns_per_item_lo'), column('ns_per_item_hi'))"
# hover_clause: every row of the sweep at (x, ns per item), with its variant, x, median and interval.
# End a plot command of ns per item against x with @hover_clause.
hover_clause = hover("csv", "column('x')", "column('ns_per_item')", row_said(ns_said))
paired_clause_pct = paired_clause_xy("column('x') * 100", "column('ns_per_item')")
# mark_crossovers: the command (eval it) that marks each crossover the summary placed (crossovers:
# "contender baseline x" triples, from scripts/plots.sh) with a dotted vertical line at
# x * crossover_scale, numbered above the plot (side by side where two share an x), and sets crossover_clause: the key's entries that say
# what each number is ("1: a beats b from " crossover_at(x)). The words stand in the key, where no
# line runs through them. A chart sets crossover_scale and crossover_at(x), then ends its plot
# command with @crossover_clause. Arrows and labels 71 to 79 (mark_claims has 81 on).
crossover_scale = 1
crossover_at(x) = sprintf("x=%g", x)
mark_crossovers = "crossover_clause = ''; do for [k = 1:(words(crossovers) / 3 < 9 ? words(crossovers) / 3 : 9)] { " \
    ."cx = word(crossovers, 3 * k) * crossover_scale; " \
    ."set arrow 70 + k from cx, graph 0 to cx, graph 1 nohead dt 3 lw 1.5 lc rgb '#777777'; " \
    ."same = sum [j = 1:k] (word(crossovers, 3 * j) eq word(crossovers, 3 * k) ? 1 : 0) - 1; " \
    ."set label 70 + k sprintf('%d', k) at cx, graph 1 offset same * 1.2, 0.7 center font ',10' tc rgb '#555555'; " \
    ."crossover_clause = crossover_clause.\", NaN with lines dt 3 lw 1.5 lc rgb '#777777' title '\"" \
    .".sprintf('%d: ', k).word(crossovers, 3 * k - 2).' beats '.word(crossovers, 3 * k - 1).' from '" \
    .".crossover_at(cx).\"'\" }"
# mark_caches(bytes_per_x): the command that marks where a working set of bytes_per_x per x fills
# each cache level (eval it; arrows and labels 91-93).
mark_caches(bytes_per_x) = sprintf("do for [level = 1:3] { b = (level == 1 ? l1d_bytes : level == 2 ? l2_bytes : l3_bytes) / %g; if (b > 0) { set arrow 90 + level from b, graph 0 to b, graph 1 nohead dt 3 lc rgb '#888888' lw 1; set label 90 + level word('L1d L2 L3', level).' full' at b, graph 0.03 offset 0.4, 0 font ',10' tc rgb '#666666' } }", bytes_per_x)

# The CPython side, drawn where a chart has the article's point: each idiom's median, its bar the
# rounds' range, as large open markers in greys (C's variants keep the colours). The article's own
# figures are drawn as filled grey diamonds (article_style).
cpython_at(idiom, metric) = (strcol("idiom") eq idiom && strcol("metric") eq metric) ? column("x") : NaN
cpython_style = "pt 6 ps 2.2 lw 2 lc rgb '#222222'"
cpython_style2 = "pt 8 ps 2.2 lw 2 lc rgb '#777777'"
cpython_style3 = "pt 4 ps 2.2 lw 2 lc rgb '#aaaaaa'"
article_style = "pt 13 ps 2.2 lc rgb '#555555'"
# cpython_clause(idiom, metric, style, title): a plot clause, starting with a comma, drawing CPython
# here's idiom on metric, its median as a marker without a bar (so that a bar on a chart always means
# one thing: the C variant's interval, as its axis says; CPython here's interval is in the ledger and
# on the claim's card); '' where there is no CPython figure. Assign it, then end a plot command
# with @name: gnuplot's plot-for runs once even over an empty list (and warns of a file " "), so a
# loop cannot stand in. The clause names the variable cpython, never its value: a file's path
# spliced into a command would be cut by sprintf's length limit or split at a space. No apostrophe
# may stand in that plot command before the @: gnuplot takes it for a quote and leaves the macro
# unexpanded.
cpython_clause(idiom, metric, style, title) = strlen(cpython) == 0 ? "" : \
    ", cpython using (cpython_at('".idiom."', '".metric."')):(column('median'))" \
    ." with points ".style." title '".title."'"
# The article's own figures, said only in the claims (their column article_points): article is the
# CSV scripts/plots.sh writes from them (claim_id, metric, x, label, value: ns per item or bytes at the
# claim's x), or '' where the claims give none; article_n is how many figures it holds. article_clause(metric, title) ends a plot command of
# metric against x with them, as filled grey diamonds, each with its label beside it; a figure of 0,
# which a log axis cannot show, is left out (say it in the title). As with cpython_clause, assign it,
# then end the plot command with @name.
article_at(metric) = strcol("metric") eq metric ? column("x") : NaN
# article_clause_scaled(metric, scale, title): the same, the figures times scale (a string: "1e-6" for ms).
article_clause_scaled(metric, scale, title) = strlen(article) == 0 ? "" : \
    ", article using (article_at('".metric."')):(column('value') > 0 ? column('value') * ".scale." : NaN)" \
    ." with points ".article_style." title '".title."'" \
    .", article using (article_at('".metric."')):(column('value') > 0 ? column('value') * ".scale." : NaN)" \
    .":(strcol('label')) with labels left offset 1.4, 0 font ',10' tc rgb '#555555' notitle"
article_clause(metric, title) = article_clause_scaled(metric, "1", title)
# article_bars(first, y, prefix, title): a plot clause drawing every one of the article's figures as
# a hatched grey bar, from slot first on in the order the claims give them, its height the expression y
# (a string: "column('value')", or "column('value') / column('x')" for per element), its value above
# it and prefix followed by its label as its tic.
article_bars(first, y, prefix, title) = strlen(article) == 0 ? "" : \
    ", article using (".first." + column(0)):(".y."):xtic('".prefix."'.strcol('label'))" \
    ." with boxes lc rgb '#999999' fs pattern 4 title '".title."'" \
    .", article using (".first." + column(0)):(".y."):(sprintf('%.1f', ".y."))" \
    ." with labels offset 0, 0.7 font ',10' notitle"
# cpython_times (and cpython_times_ms, in ms): a plot clause drawing every CPython idiom of the
# comparison with a time per item (cpython_idioms, set by scripts/plots.sh), each its own grey marker
# titled with its name (a median, without a bar, as cpython_clause): CPython here's side of every
# claim, on a chart of ns per item against x. ''
# where the comparison has none. End the plot command with @cpython_times.
cpython_marker(k) = sprintf("pt %s ps 2.0 lw 2 lc rgb '%s'", word("6 8 4 10 12 14 2 3", (k - 1) % 8 + 1), \
                            word("#222222 #666666 #999999", (k - 1) % 3 + 1))
cpython_time_clause(k, scale) = ", cpython using (cpython_at('".word(cpython_idioms, k)."', 'ns_per_item')):" \
    ."(column('median') * ".scale.") with points ".cpython_marker(k)." title 'CPython here: ".word(cpython_idioms, k)."'"
cpython_times = ""
cpython_times_ms = ""
if (strlen(cpython) > 0) {
    do for [k = 1:words(cpython_idioms)] {
        cpython_times = cpython_times.cpython_time_clause(k, "1")
        cpython_times_ms = cpython_times_ms.cpython_time_clause(k, "1e-6")
    }
}
# mark_claims: the command that marks each x the comparison's claims were judged at in this run
# (claim_xs, set by scripts/plots.sh) with a light dotted line and a small rotated label at the foot
# (eval it; arrows and labels 81-89), on a chart whose x axis is the sweep's x.
mark_claims = "do for [k = 1:(words(claim_xs) < 9 ? words(claim_xs) : 9)] { cx = word(claim_xs, k) + 0; " \
    ."set arrow 80 + k from cx, graph 0 to cx, graph 1 nohead dt 4 lw 1 lc rgb '#b0b0b0' back; " \
    ."set label 80 + k 'a claim' at cx, graph 0.02 rotate by 90 offset -0.6, 0 font ',9' tc rgb '#888888' front }"
