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
             "over a thread. The children are forked, all at once, by a helper process that the program "
             "forks before main, holding its libraries and an initialised libcurl and nothing of the "
             "cases' buffers (lean_forker.c), as the article's children are forked from a script that "
             "has imported urllib; the request to the helper and its answer are timed with the rest. "
             "Not modelled: the size of CPython's interpreter, whose page tables each of the article's "
             "forks copies; the helper here is smaller.",
    IO_COMPARISON(variants),
};
