# plots/membership.gp: ns per lookup against n, log-log, both workloads, with the crossovers marked,
# and at the articles' point article 002's CPython figures beside CPython here's.
set title "Membership: time per lookup in a set of n ints (lower is faster)"
set xlabel "n, ints in the set (log scale)"
set ylabel "ns per lookup, log scale (median; bars: its 95% interval)"
set logscale xy
set autoscale xfix
set key top left
set offsets graph 0.03, graph 0.03, graph 0.1, 0  # room above the articles' list figure
# Plain variants (the article's draw, nearly all hits) solid; their _half_hits twins dashed, same colour.
base(i) = (i - 1) % 4 + 1
dash(i) = i > 4 ? 2 : 1
do for [k = 1:words(crossovers) / 2] {
    x = word(crossovers, 2 * k) + 0
    set arrow from x, graph 0 to x, graph 1 nohead dt 3 lc rgb "#777777"
    set label word(crossovers, 2 * k - 1)." wins from n=".word(crossovers, 2 * k) at x, graph (0.52 - 0.05 * k) \
        offset 0.5, 0 font ",10" tc rgb "#555555"
}
# Article 002, timeit: 999999 in a list and a set of 1,000,000 ints, 100 lookups: 0.987654 s and 0.000008 s.
$article << EOD
n,seconds
1000000,0.987654
1000000,0.000008
EOD
set key font ",10"
list_here = cpython_clause("in_list", "ns_per_item", cpython_style, "CPython here: 999999 in list")
tuple_here = cpython_clause("in_tuple", "ns_per_item", cpython_style3, "CPython here: in tuple")
set_here = cpython_clause("in_set", "ns_per_item", cpython_style2, "CPython here: in set")
plot for [i = 1:nv] csv using (only(word(variants, i), column("x"))):(column("ns_per_item")):\
     (column("ns_per_item_lo")):(column("ns_per_item_hi")) with yerrorlines lt base(i) dt dash(i) \
     title word(variants, i), \
     $article using (column("n")):(column("seconds") * 1e9 / 100) with points @article_style \
         title "article 002 (CPython): list, set" @list_here @tuple_here @set_here @memory_clause
