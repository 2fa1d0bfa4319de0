"""Article 000's "Using processes": processes have a higher memory overhead than threads. Four
workers, as the article's four downloads, each filling a bytearray of 64 KiB, reporting its sum and
holding the buffer until told to finish: as threading.Thread (`threads`), as multiprocessing
processes started by fork (`forked`) and by spawn, a fresh interpreter each (`spawned`). The figure
is what they hold together: the growth of the proportional set size (Pss of
/proc/<pid>/smaps_rollup, shared pages counted once) summed over this process and its workers, from
before they start to while all of them hold their buffers. Values are bytes."""
import multiprocessing
import threading

import cpython_side

WORK_BYTES = 64 * 1024


def pss_bytes(pid="self"):
    with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
        for line in rollup:
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    raise cpython_side.CheckFailed(f"no Pss in /proc/{pid}/smaps_rollup")


def work():
    buffer = bytearray(WORK_BYTES)
    for i in range(0, WORK_BYTES, 4096):
        buffer[i:i + 4096] = bytes((j * 7 + 1) & 0xFF for j in range(i, i + 4096))
    return buffer, sum(buffer)


def process_worker(conn):
    buffer, total = work()
    conn.send(total)
    conn.recv()  # hold the buffer until told to finish
    del buffer


def with_threads(n, measure):
    sums, ready, done = [0] * n, threading.Barrier(n + 1), threading.Event()

    def worker(k):
        buffer, sums[k] = work()
        ready.wait()
        done.wait()
        del buffer

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(n)]
    for t in threads:
        t.start()
    ready.wait()
    figure = measure([])
    done.set()
    for t in threads:
        t.join()
    return sums, figure


def with_processes(method, n, measure):
    context = multiprocessing.get_context(method)
    pipes = [context.Pipe() for _ in range(n)]
    workers = [context.Process(target=process_worker, args=(child,)) for _, child in pipes]
    for w in workers:
        w.start()
    sums = [parent.recv() for parent, _ in pipes]
    figure = measure([w.pid for w in workers])
    for parent, _ in pipes:
        parent.send(None)
    for w in workers:
        w.join()
        if w.exitcode != 0:
            raise cpython_side.CheckFailed(f"a {method} worker exited with {w.exitcode}")
    return sums, figure


def measure(side):
    n = side.size(4, 4, 2)
    expected = sum((j * 7 + 1) & 0xFF for j in range(WORK_BYTES))
    ways = {"threads": lambda m: with_threads(n, m), "forked": lambda m: with_processes("fork", n, m),
            "spawned": lambda m: with_processes("spawn", n, m)}
    for r in range(side.memory_rounds):
        for name, way in ways.items():
            before = pss_bytes()
            sums, during = way(lambda pids: pss_bytes() + sum(pss_bytes(pid) for pid in pids))
            if sums != [expected] * n:
                side.fail(f"{name}: a worker's sum is wrong: {sums}")
            side.record(name, n, "pss_bytes", "smaps_rollup", r + 1, max(0, during - before))
    side.note_point(n, f"{n} workers holding {WORK_BYTES // 1024} KiB each")


if __name__ == "__main__":
    cpython_side.main("worker_memory", __doc__, measure)
