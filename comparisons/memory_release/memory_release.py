"""Article 002's "Memory management" and 001's "Interact with the Garbage Collector". 002 builds
`b = [2] * (2 * 10 ** 7)` (a list of 20,000,000 pointers to one shared int) and `del b` hands its
152.9 MiB back, by memory_profiler: `held` keeps the list, `deleted` deletes it. The same for a
structure of many small objects, 5,000,000 floats in a list (`small_held`, `small_deleted`), and
for 1,000,000 self-referencing lists, which reference counting cannot free: `cycles_deleted` deletes
them, `cycles_collected` deletes them and calls gc.collect(), as 001 advises. Each figure is the
resident set's growth from before the build to the end state, in a forked child as fresh as the
article's process (gc.collect() and the allocator's thresholds reset first; automatic collection
off while it measures, so that only the explicit call collects). x is the bytes tracemalloc traced
for the structure. Values are bytes."""
import gc
import tracemalloc

import cpython_side


def shared_twos(n):
    return [2] * n


def floats(n):
    return [float(i) for i in range(n)]


def cycles(n):
    nodes = []
    for i in range(n):
        node = [float(i)]
        node.append(node)
        nodes.append(node)
    return nodes


def traced_bytes(build):
    tracemalloc.start()
    structure = build()
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del structure
    return size


def growth(build, end):
    """In a fresh child: the resident growth from before build() to after end(structure)."""
    def measure():
        gc.disable()
        before = cpython_side.rss_bytes()
        kept = end(build())
        after = cpython_side.rss_bytes()
        del kept
        return [max(0, after - before)]
    return cpython_side.in_child(measure)[0]


def held(structure):
    return structure


def deleted(structure):
    del structure
    return None


def collected(structure):
    del structure
    gc.collect()
    return None


def measure(side):
    slots = side.size(20_000_000, 1_000_000, 1_000)
    count = side.size(5_000_000, 250_000, 1_000)
    nodes = side.size(1_000_000, 50_000, 1_000)
    checks = [(shared_twos, slots, lambda s: len(s) == slots and sum(s) == 2 * slots),
              (floats, count, lambda s: sum(s) == count * (count - 1) / 2),
              (cycles, nodes, lambda s: all(node[1] is node for node in s))]
    for build, size, right in checks:
        if not right(build(size)):
            side.fail(f"{build.__name__}({size}) built a wrong structure")
    cases = [("held", "deleted", shared_twos, slots, deleted, f"[2] * {slots:,}"),
             ("small_held", "small_deleted", floats, count, deleted, f"{count:,} floats in a list"),
             ("cycles_deleted", "cycles_collected", cycles, nodes, collected, f"{nodes:,} self-referencing lists")]
    for first, second, build, size, second_end, point in cases:
        x = traced_bytes(lambda: build(size))
        first_end = held if first.endswith("held") else deleted
        for r in range(side.memory_rounds):
            side.record(first, x, "resident_growth_bytes", "rss", r + 1, growth(lambda: build(size), first_end))
            side.record(second, x, "resident_growth_bytes", "rss", r + 1, growth(lambda: build(size), second_end))
        side.note_point(x, point)
        side.progress(point)


if __name__ == "__main__":
    cpython_side.main("memory_release", __doc__, measure)
