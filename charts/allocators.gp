# charts/allocators.gp: every claim of the allocation-heavy comparisons, its ratio (baseline /
# contender) under each allocator with its interval (at idiom.conf's confidence), log scale: where the three agree, the
# conclusion is the idiom's; where they part, it is the allocator's. scripts/plots.sh sets csv
# (results/allocators.csv), allocators (their names, in a fixed order and so in fixed colours) and
# claims (the claim ids in claim_index order).
eval terminal(1500, 720)
set output out
set title "Does it depend on the allocator? Each claim's ratio under glibc's malloc, jemalloc and mimalloc"
set ylabel "baseline / contender (log; above 1: contender wins)"
set logscale y
set format y "%g"
set grid noxtics
set xtics rotate by -40 left font ",9" nomirror
set key top right font ",11"
set bmargin 14  # the rotated claim names
set rmargin 12
set xtics ()
do for [k = 1:words(claims)] { set xtics add (word(claims, k) k - 1) }
set offsets 0.5, 0.5, graph 0.08, graph 0.08
set arrow from graph 0, first 1 to graph 1, first 1 nohead lc rgb "#888888" dt 2
na = words(allocators)
offset(k) = (k - (na + 1) / 2.0) * 0.22
# Fixed colours: glibc blue, jemalloc vermilion, mimalloc green (the style's first three).
finite(v) = (v > 0 && v < 1e300) ? v : NaN
plot for [k = 1:na] csv using \
         (strcol("allocator") eq word(allocators, k) ? column("claim_index") + offset(k) : NaN):\
         (finite(column("ratio"))):(finite(column("ratio_lo"))):(finite(column("ratio_hi"))) \
         with yerrorbars lt k pt 7 ps 1.2 lw 2 title word(allocators, k)
