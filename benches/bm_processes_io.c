/* bm_processes_io.c: article 000's "Using processes": the same 4 downloads with a process each,
 * and what a process costs over a thread for the same job. */
#include "io_downloads.h"

static const bench_variant variants[] = {
    IO_VARIANT("sequential", IO_SEQUENTIAL, IO_SEQUENTIAL_LIMIT),
    IO_VARIANT("process_per_download", IO_PROCESS_PER_DOWNLOAD, 0),
    IO_VARIANT("thread_per_download", IO_THREAD_PER_DOWNLOAD, 0),
};

const bench_comparison bench_this_comparison = {
    .name = "processes_io",
    .about = IO_ABOUT_METHOD " `sequential` downloads one after another; `process_per_download` forks "
             "a child per download, which reports its length and checksum through a pipe and is "
             "reaped; `thread_per_download` does the same job on a pthread, for what a process costs "
             "over a thread. A fork copies the page tables of the whole benchmark process, which keeps "
             "the download buffers of every case it has set up (200 KB per download slot, so tens of MB "
             "by the largest sweeps): the process line includes that, as a fork from any large program "
             "would, and it flattens at several ms per download where the forks, made one after "
             "another by the parent, outlast the latency.",
    IO_COMPARISON(variants),
};
