/* bm_threads_io.c: article 000's "Using threads": download 4 images one after another and with a
 * thread each; and 001's case for asyncio, thousands of concurrent downloads on one event loop. */
#include "io_downloads.h"

static const bench_variant variants[] = {
    IO_VARIANT("sequential", IO_SEQUENTIAL, IO_SEQUENTIAL_LIMIT),
    IO_VARIANT("thread_per_download", IO_THREAD_PER_DOWNLOAD, 0),
    IO_VARIANT("thread_pool_4", IO_THREAD_POOL_4, IO_POOL_LIMIT),
    IO_VARIANT("event_loop", IO_EVENT_LOOP, 0),
};

const bench_comparison bench_this_comparison = {
    .name = "threads_io",
    .about = IO_ABOUT_METHOD " `sequential` downloads one after another; `thread_per_download` starts "
             "a pthread per download and joins them all; `thread_pool_4` runs 4 threads that take "
             "downloads in turn; `event_loop` drives every download from one thread with libcurl's "
             "multi interface, as asyncio would.",
    IO_COMPARISON(variants),
};
