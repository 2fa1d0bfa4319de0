# comparisons/membership/membership.gp: ns per lookup against n, log-log, every layout in the three workloads, with the
# crossovers marked (numbered, said in the key), and at the articles' point article 002's CPython figures beside CPython here's.
set title "Membership: time per lookup in a set of n ints (lower is faster)"
set xlabel "n, ints in the set (log scale)"
set ylabel "ns per lookup, log scale (median; bars: its ".interval." interval)"
set logscale xy
set autoscale xfix
set key top left
set offsets graph 0.03, graph 0.03, graph 0.1, 0  # room above the articles' list figure
# A colour per layout; the workload by dash: 000's draw (nearly all hits) solid, _half_hits dashed,
# _last_key (002's single lookup of the list's last element) dotted. The key names each layout once.
layouts = "linear_scan uthash_set open_addressing sorted_bsearch boxed_list boxed_set boxed_tuple"
dash(name) = strstrt(name, "_half_hits") ? 2 : strstrt(name, "_last_key") ? 3 : 1
layout_of(name) = dash(name) == 1 ? name : name[1:strstrt(name, dash(name) == 2 ? "_half_hits" : "_last_key") - 1]
colour(name) = sum [k = 1:words(layouts)] (word(layouts, k) eq layout_of(name) ? k : 0)
# boxed_tuple has the last key's workload only, so its key names it there
key_title(name) = dash(name) == 1 ? name.(strstrt(name, "boxed") ? " (CPython, modelled)" : "") : \
                  layout_of(name) eq "boxed_tuple" ? "boxed_tuple (CPython, modelled; last key only)" : ""
crossover_at(x) = sprintf("n=%g", x)
eval mark_crossovers  # each crossover numbered above the plot, said in the key
set key font ",10"
article_here = article_clause("ns_per_item", "article 002 (CPython, timeit): the last key")
list_here = cpython_clause("in_list", "ns_per_item", cpython_style, "CPython here: 999999 in list")
tuple_here = cpython_clause("in_tuple", "ns_per_item", cpython_style3, "CPython here: in tuple")
set_here = cpython_clause("in_set", "ns_per_item", cpython_style2, "CPython here: in set")
eval mark_claims  # the xs its claims are judged at
plot for [i = 1:nv] csv using (only(word(variants, i), column("x"))):(column("ns_per_item")):\
     (column("ns_per_item_lo")):(column("ns_per_item_hi")) with yerrorlines lt colour(word(variants, i)) \
     dt dash(word(variants, i)) title key_title(word(variants, i)), \
     NaN with lines lc rgb "#555555" dt 2 title "dashed: half the keys miss", \
     NaN with lines lc rgb "#555555" dt 3 title "dotted: one lookup of the last key, as 002" @article_here @list_here @tuple_here @set_here @memory_clause @paired_clause @hover_clause @crossover_clause
