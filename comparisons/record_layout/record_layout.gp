# comparisons/record_layout/record_layout.gp: the record layouts: time to create a record, time to read one field
# of a record, and bytes per record, each against n on log-log axes.
eval terminal(1500, 620)
set output out
set multiplot layout 1, 3 title "n records (i, 2i, i²) held five ways: as CPython holds them (mechanism) and as C would (idiomatic)" font ",15"
set xlabel "n, records (log scale)"
set logscale xy
set autoscale xfix
set offsets graph 0.03, graph 0.03, graph 0.06, graph 0.06
set key top left font ",10"
# The creating variants come first in the CSV; their "_read" twins share their colour.
base(i) = (i - 1) % (nv / 2) + 1

set title "Creating (and freeing) a record (lower is faster)"
set ylabel "ns per record, log scale (median; bars: its ".interval." interval)"
paired_first = paired_clause_xy("rank(strcol('variant')) <= nv / 2 ? column('x') : NaN", "column('ns_per_item')")
paired_second = paired_clause_xy("rank(strcol('variant')) > nv / 2 ? column('x') : NaN", "column('ns_per_item')")
hover_first = hover("csv", "rank(strcol('variant')) <= nv / 2 ? column('x') : NaN", "column('ns_per_item')", row_said(ns_said))
hover_second = hover("csv", "rank(strcol('variant')) > nv / 2 ? column('x') : NaN", "column('ns_per_item')", row_said(ns_said))
hover_bytes = hover("csv", "rank(strcol('variant')) <= nv / 2 ? column('x') : NaN", "column('peak_bytes') / column('x')", \
    row_said("sprintf('%.4g peak bytes per record', column('peak_bytes') / column('x'))"))
plot for [i = 1:nv / 2] csv using (only(word(variants, i), column("x"))):(column("ns_per_item")):\
     (column("ns_per_item_lo")):(column("ns_per_item_hi")) with yerrorlines lt i title word(variants, i) \
     @paired_first @cpython_times @hover_first

set title "Reading one field of every record"
set ylabel "ns per record, log scale (median; bars: its ".interval." interval)"
plot for [i = nv / 2 + 1:nv] csv using (only(word(variants, i), column("x"))):(column("ns_per_item")):\
     (column("ns_per_item_lo")):(column("ns_per_item_hi")) with yerrorlines lt base(i) title word(variants, i) \
     @memory_clause @paired_second @hover_second

set title "Bytes per record, at the peak of creating them"
set ylabel "bytes per record, log scale (mechanism layouts: whole 1 MiB arenas)"
set key bottom right
plot for [i = 1:nv / 2] csv using (only(word(variants, i), column("x"))):(column("peak_bytes") / column("x")) \
     with linespoints lt i title word(variants, i) @hover_bytes
unset multiplot
