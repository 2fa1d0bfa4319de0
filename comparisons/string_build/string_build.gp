# comparisons/string_build/string_build.gp: time per piece, allocations per piece and bytes moved per piece against
# the number of pieces, log-log. A flat time line is linear total work; one rising tenfold per
# decade is quadratic. At the article's point, CPython here's += and join (the article gives no figure).
eval terminal(1500, 620)
set output out
set multiplot layout 1, 3 title "Joining n random 10-letter strings into one" font ",15"
set xlabel "pieces (log scale)"
set logscale xy
set autoscale xfix
set offsets graph 0.03, graph 0.03, graph 0.06, graph 0.06  # keep lines off the frame
set key top left font ",10"

set title "Time per piece (lower is faster)"
set ylabel "ns per piece, log scale (median; bars: its ".interval." interval)"
plus_here = cpython_clause("plus_equals", "ns_per_item", cpython_style, "CPython here: result += s")
join_here = cpython_clause("join", "ns_per_item", cpython_style2, "CPython here: join")
eval mark_claims  # the xs its claims are judged at
plot for [i = 1:nv] csv using (only(word(variants, i), column("x"))):(column("ns_per_item")):\
     (column("ns_per_item_lo")):(column("ns_per_item_hi")) with yerrorlines lt i title word(variants, i) \
     @plus_here @join_here @paired_clause @hover_clause

set title "Allocations per piece"
set ylabel "new blocks per piece, log scale (in-place realloc not counted)"
set key bottom left
plot for [i = 1:nv] csv using (only(word(variants, i), column("x"))):(column("allocs") / column("x")) \
     with linespoints lt i title word(variants, i)

set title "Bytes copied or scanned per piece"
set label 1 "concat_copy copies what strcat_rescan scans:\nthe two lines coincide" at graph 0.97, graph 0.55 right font ",10" tc rgb "#666666"
set ylabel "bytes per piece, log scale"
set key top left font ",10"
plot for [i = 1:nv] csv using (only(word(variants, i), column("x"))):\
     (column("bytes_copied_per_piece") + column("bytes_scanned_per_piece")) \
     with linespoints lt i title word(variants, i)
unset multiplot
