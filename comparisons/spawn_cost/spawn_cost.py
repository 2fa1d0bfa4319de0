"""Articles 001 and 002: processes are heavier to start than threads. One start and wait per call:
a threading.Thread (`thread_start`), a multiprocessing.Process, forked (`process_start`), and a
program, /bin/true, through subprocess.run (`subprocess_run`, posix_spawn underneath). Timed with
timeit. Items are starts."""
import multiprocessing
import subprocess
import threading

import cpython_side


def nothing():
    pass


def thread_start():
    thread = threading.Thread(target=nothing)
    thread.start()
    thread.join()
    return 0


def process_start():
    process = multiprocessing.Process(target=nothing)
    process.start()
    process.join()
    return process.exitcode


def subprocess_run():
    return subprocess.run(["/bin/true"], check=False).returncode


def measure(side):
    side.time(1, 1, {"thread_start": thread_start, "process_start": process_start, "subprocess_run": subprocess_run},
              point="one start, waited for")


if __name__ == "__main__":
    cpython_side.main("spawn_cost", __doc__, measure)
