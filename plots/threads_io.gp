# plots/threads_io.gp: the I/O comparisons share one chart, plots/io_downloads.gp.
load ARG0[1:strstrt(ARG0, "threads_io.gp") - 1]."io_downloads.gp"
