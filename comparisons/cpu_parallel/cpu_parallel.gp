# comparisons/cpu_parallel/cpu_parallel.gp: time per chained SHA-1 step against the number of workers, with the ideal:
# sequential time divided by min(workers, cores), for the cores this run recorded.
set title "CPU-bound chained SHA-1 split among workers: time per step (lower is faster)"
set xlabel "workers (independent chains; log scale)"
set ylabel "ns per step, log scale (median; bars: its ".interval." interval)"
set logscale xy
set xtics (1, 2, 4, 8)
set autoscale xfix
set offsets graph 0.05, graph 0.05, graph 0.2, graph 0.05
set key top left font ",11"
# The core count, from the corner label ("..., N cores · ..."): the word before "cores".
cores = 0
do for [i = 2:words(machine)] { if (word(machine, i) eq "cores" || word(machine, i) eq "cores,") { cores = word(machine, i - 1) + 0 } }
stats csv using (strcol("variant") eq "sequential" && column("x") == 1 ? column("ns_per_item") : NaN) nooutput name "SEQ"
ideal(w) = SEQ_max / (cores > 0 && w > cores ? cores : w)
set label 1 sprintf("ideal on %d cores: sequential / min(workers, cores)", cores) at graph 0.98, graph 0.06 right \
    font ",10" tc rgb "#444444"
eval mark_claims  # the xs its claims are judged at
plot for [i = 1:nv] csv using (only(word(variants, i), column("x"))):(column("ns_per_item")):\
     (column("ns_per_item_lo")):(column("ns_per_item_hi")) with yerrorlines lt i title word(variants, i), \
     [1:8] (cores > 0 ? ideal(x) : NaN) with lines dt 2 lw 1.5 lc rgb "#444444" title "ideal" \
     @paired_clause @hover_clause @cpython_times
