"""Article 000's "Using threads" (and 001's asyncio advice): downloads from the suite's own loopback
server, which holds each request 50 ms (10 ms at reduced sizes), one after another (`sequential`),
one thread each (`thread_per_download`), and, for 256 downloads, threads against one asyncio event
loop (`event_loop`). The article downloaded 4 images. Timed with timeit: the GIL is released while
a thread waits. Items are downloads."""
import cpython_side
import io_downloads


def measure(side):
    io_downloads.measure_downloads(side, {4: ["sequential", "thread_per_download"],
                                          side.size(256, 16, 8): ["thread_per_download", "event_loop"]})


if __name__ == "__main__":
    cpython_side.main("threads_io", __doc__, measure)
