"""Article 000's "Using processes": downloads from the suite's own loopback server, which holds
each request 50 ms (10 ms at reduced sizes), one after another (`sequential`) and one
multiprocessing.Process each (`process_per_download`, forked, as on Linux by default); and, for 256
downloads, a process each against a thread each (`thread_per_download`). The article downloaded 4
images. Timed with timeit. Items are downloads."""
import cpython_side
import io_downloads


def measure(side):
    io_downloads.measure_downloads(side, {4: ["sequential", "process_per_download"],
                                          side.size(256, 16, 8): ["process_per_download", "thread_per_download"]})


if __name__ == "__main__":
    cpython_side.main("processes_io", __doc__, measure)
