# charts/profile_memory.gp: `make profile`'s heap over time, as mprof plot draws it: massif's
# snapshots of the heap in use (and the allocator's own overhead) against instructions executed.
set title "Heap in use over the run of ".what." (massif; setup, then the counted iteration)"
set xlabel "instructions executed, millions"
set ylabel "heap, MiB"
set yrange [0:*]
set xrange [0:*]
set offsets 0, 0, graph 0.05, 0
set format x "%g"
set key top left
plot csv using (column("instructions") / 1e6):(column("heap_bytes") / 1048576.0) with steps lw 2 lc rgb "#0072B2" \
         title "heap in use (requested bytes)", \
     csv using (column("instructions") / 1e6):((column("heap_bytes") + column("heap_extra_bytes")) / 1048576.0) \
         with steps lw 1.5 dt 2 lc rgb "#D55E00" title "with the allocator's own overhead"
