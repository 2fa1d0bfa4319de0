# comparisons/map_filter/map_filter.gp: map and filter against the loop, time per element against n, log-log: map's
# variants in one panel and filter's in the other, with CPython here's loop and built-in.
set multiplot layout 1, 2 title "map() and filter() against the equivalent loop" font ",15"
set xlabel "n, elements (log scale)"
set ylabel "ns per element, log scale (median; bars: its ".interval." interval)"
set logscale xy
set autoscale xfix
set yrange [0.05:3000]  # headroom for the key: every variant takes between a fraction of a ns and a few hundred
set key top left font ",10"
# in_family(v, family): 1 if variant v is one of the family's ("map_" or "filter_")
in_family(v, family) = strstrt(v, family) == 1
# family_hover(family): the family's rows, each with its variant, x, median and interval.
family_hover(family) = hover("csv", "in_family(strcol('variant'), '".family."') ? column('x') : NaN", "column('ns_per_item')", \
    row_said(ns_said))

set title "map: double each of n doubles"
hover_family = family_hover("map_")
loop_here = cpython_clause("map_loop", "ns_per_item", cpython_style, "CPython here: loop with append")
builtin_here = cpython_clause("map_builtin", "ns_per_item", cpython_style2, "CPython here: list(map(...))")
plot for [i = 1:nv] csv using (in_family(word(variants, i), "map_") ? only(word(variants, i), column("x")) : NaN):\
     (column("ns_per_item")):(column("ns_per_item_lo")):(column("ns_per_item_hi")) with yerrorlines lt i \
     title (in_family(word(variants, i), "map_") ? word(variants, i) : "") @loop_here @builtin_here @hover_family

set title "filter: keep the values above one half"
hover_family = family_hover("filter_")
loop_here = cpython_clause("filter_loop", "ns_per_item", cpython_style, "CPython here: loop with append")
builtin_here = cpython_clause("filter_builtin", "ns_per_item", cpython_style2, "CPython here: list(filter(...))")
plot for [i = 1:nv] csv using (in_family(word(variants, i), "filter_") ? only(word(variants, i), column("x")) : NaN):\
     (column("ns_per_item")):(column("ns_per_item_lo")):(column("ns_per_item_hi")) with yerrorlines lt i \
     title (in_family(word(variants, i), "filter_") ? word(variants, i) : "") @loop_here @builtin_here @hover_family
unset multiplot
