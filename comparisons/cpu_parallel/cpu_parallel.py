"""Articles 001 and 002 on CPU-bound work: threads do not help under the GIL, processes do. The
work is article 000's chained SHA-1 (100,000 steps, its pytest-benchmark point) split into
`workers` independent chains, run one after another (`sequential`), on a thread each
(`thread_per_chain`; hashlib holds the GIL for inputs this short), on a multiprocessing.Process each
(`process_per_chain`), and by a multiprocessing.Pool of `workers` started once, untimed
(`process_pool`). Timed with timeit. Items are chained steps. Then, as article 000's "Profiling"
did, one chain under cProfile: the exclusive time (tottime) of the function that holds the most
(`top_function`) against the total of all (`all_functions`), recorded in seconds under the
metric top_share: their ratio is the top function's share of the profile."""
import cProfile
import multiprocessing
import os
import pstats
import threading

import cpython_side
import sha1_chain


def one_chain(worker, steps):
    return sha1_chain.chain_sha1_hash(f"{sha1_chain.INPUT} {worker}", steps)


def sequential(workers, steps):
    return [one_chain(w, steps) for w in range(workers)]


def thread_per_chain(workers, steps):
    results = [None] * workers

    def work(w):
        results[w] = one_chain(w, steps)
    threads = [threading.Thread(target=work, args=(w,)) for w in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def chain_into(queue, worker, steps):
    queue.put((worker, one_chain(worker, steps)))


def process_per_chain(workers, steps):
    queue = multiprocessing.SimpleQueue()
    processes = [multiprocessing.Process(target=chain_into, args=(queue, w, steps)) for w in range(workers)]
    for process in processes:
        process.start()
    results = dict(queue.get() for _ in processes)
    for process in processes:
        process.join()
    return [results[w] for w in range(workers)]


def measure(side):
    sha1_chain.check(side)
    total = side.size(100_000, 10_000, 1_000)
    for workers in (2, 4):
        steps = total // workers
        with multiprocessing.Pool(workers) as pool:
            pool_args = [(w, steps) for w in range(workers)]
            side.time(workers, steps * workers,
                      {"sequential": lambda: sequential(workers, steps),
                       "thread_per_chain": lambda: thread_per_chain(workers, steps),
                       "process_per_chain": lambda: process_per_chain(workers, steps),
                       "process_pool": lambda: pool.starmap(one_chain, pool_args)},
                      point=f"{total:,} chained SHA-1 steps in {workers} chains")
        side.progress(f"{workers} workers")
    profiled(side, total)


def profiled(side, steps):
    """cProfile on one chain of the run's steps, memory_rounds times: the top function's tottime and
    the total of every function's, whose ratio is the top function's share of the profile."""
    for r in range(side.memory_rounds):
        profiler = cProfile.Profile()
        profiler.runcall(one_chain, 0, steps)
        stats = pstats.Stats(profiler).stats  # (file, line, name) -> (calls, ncalls, tottime, cumtime, callers)
        top = max(stats, key=lambda f: stats[f][2])
        side.record("top_function", 1, "top_share", "cProfile", r + 1, stats[top][2])
        side.record("all_functions", 1, "top_share", "cProfile", r + 1, sum(v[2] for v in stats.values()))
    side.note_point(1, f"one chain of {steps:,} SHA-1 steps under cProfile; the top function by tottime: "
                       f"{os.path.basename(top[0])}:{top[1]}({top[2]})")


if __name__ == "__main__":
    cpython_side.main("cpu_parallel", __doc__, measure)
