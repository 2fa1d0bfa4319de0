"""cpython_side.py: what every script of the CPython side shares.

Each comparisons/<comparison>/<comparison>.py (run with this folder on its PYTHONPATH) re-runs an article's own setup in this interpreter and measures its
idioms with the standard library: time with timeit, in interleaved rounds; memory with tracemalloc
(the traced peak) and the resident set's growth; and, where the article's figure came from a
profiler, that profiler again (line_profiler, memory_profiler) at the article's point. A script
checks that its idioms compute the same values before any of their figures count.

A script writes into --out:
  <comparison>.cpython_rounds.csv  every round's figure: comparison, idiom, x, metric, tool, round, value
  <comparison>.cpython.csv         per idiom, x and metric: the rounds' median, min and max, for charts
  <comparison>.cpython.json        what was measured (the script's docstring), sizes, rounds, interpreter
The claims' ratios and intervals are computed from the rounds by the suite's C tools (idiom_summary),
with the same statistics as the C side's.

Metrics: ns_per_item (timeit), profiled_ns_per_item (line_profiler's time for the idiom's function),
peak_bytes (tracemalloc's peak while the idiom runs), rss_growth_bytes (the resident set's growth
while its result is alive), profiled_peak_bytes (memory_profiler's increment, as in the article),
and any a script defines itself.
"""
import argparse
import ctypes
import gc
import importlib
import inspect
import json
import math
import os
import platform
import random
import statistics
import sys
import time
import timeit
import tracemalloc

# The Debian package of each module the side imports beyond the standard library.
DEBIAN_PACKAGES = {
    "numpy": "python3-numpy",
    "line_profiler": "python3-line-profiler",
    "memory_profiler": "python3-memory-profiler",
}


def require(module):
    """The module, imported; or exit 2 naming the Debian package that provides it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        print(f"idiombench: this interpreter ({sys.executable}, Python {platform.python_version()}) cannot import "
              f"{module}: the CPython side needs Debian's {DEBIAN_PACKAGES[module]} "
              f"(apt-get install {' '.join(DEBIAN_PACKAGES.values())}) and Debian's /usr/bin/python3, "
              f"or CPYTHON=0 to skip it", file=sys.stderr)
        sys.exit(2)


def fingerprint():
    """The interpreter and the libraries the side uses, in one line for environment.json."""
    parts = [f"CPython {platform.python_version()} ({sys.executable})"]
    for module in DEBIAN_PACKAGES:
        parts.append(f"{module} {getattr(require(module), '__version__', '?')}")
    return ", ".join(parts)


def read_conf():
    """idiom.conf's NAME=number lines, the suite's constants, as a dict of floats."""
    values = {}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "idiom.conf")
    with open(path, encoding="utf-8") as conf:
        for line in conf:
            name, sep, value = line.strip().partition("=")
            if sep and name.startswith("IDIOM_"):
                values[name] = float(value)
    return values


def rss_bytes():
    """This process's resident set, as memory_profiler reads it (through /proc rather than psutil)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


# glibc's mallopt parameters, and the mmap threshold a fresh process starts with (glibc's default).
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD, FRESH_MMAP_THRESHOLD = -1, -3, 128 * 1024


def as_fresh_process():
    """Put this process's allocator in the state of a freshly started one, as the articles'
    were: the free heap handed back to the kernel, and blocks from 128 KiB up mapped anew and
    unmapped when freed (a long-running process has raised that threshold, so that what it frees
    stays resident and what it builds next grows nothing: a resident-set growth would read 0)."""
    libc = ctypes.CDLL(None)
    libc.mallopt(M_MMAP_THRESHOLD, FRESH_MMAP_THRESHOLD)
    libc.mallopt(M_TRIM_THRESHOLD, FRESH_MMAP_THRESHOLD)
    libc.malloc_trim(0)


def in_child(measure):
    """measure() (returning a list of numbers) in a forked child whose allocator is as a fresh
    process's, so that memory figures depend neither on what this process freed before nor on
    each other. The numbers; raises CheckFailed if the child failed."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: measure, report, and leave without running the parent's cleanup
        status = 1
        try:
            os.close(read_end)
            gc.collect()
            as_fresh_process()
            os.write(write_end, json.dumps(measure()).encode())
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        report = pipe.read()
    _, status = os.waitpid(pid, 0)
    if status != 0 or not report:
        raise CheckFailed(f"a memory measurement's child process failed (wait status {status})")
    return json.loads(report)


class CheckFailed(Exception):
    """Two idioms disagree, or one computed a wrong value: nothing of the script may be reported."""


class Side:
    """One script's run. size() picks the article's point or a reduced one; time(), memory() and
    the profilers measure idioms after checking them; finish() writes the files."""

    def __init__(self, comparison, about):
        parser = argparse.ArgumentParser(description=about.strip().splitlines()[0])
        parser.add_argument("--out", required=True, help="folder for the result files")
        parser.add_argument("--quick", action="store_true", help="smaller sizes, fewer rounds: a check, not a figure")
        parser.add_argument("--tiny", action="store_true", help="the smallest sizes, for the tests")
        parser.add_argument("--seed", type=int, default=None, help="the seed every draw comes from")
        parser.add_argument("--tools", default=None, help="the folder of the suite's executables (idiom_serve)")
        args = parser.parse_args()
        conf = read_conf()
        self.comparison = comparison
        self.about = " ".join(about.split())
        self.out = args.out
        self.tools = args.tools
        self.scale = "tiny" if args.tiny else "quick" if args.quick else "full"
        reduced = self.scale != "full"
        self.rounds = int(conf["IDIOM_QUICK_CPYTHON_ROUNDS" if reduced else "IDIOM_CPYTHON_ROUNDS"])
        self.min_seconds = conf["IDIOM_QUICK_CPYTHON_MIN_SECONDS" if reduced else "IDIOM_CPYTHON_MIN_SECONDS"]
        if self.scale == "tiny":
            self.rounds, self.min_seconds = 2, 0.0
        self.memory_rounds = min(self.rounds, int(conf["IDIOM_CPYTHON_MEMORY_ROUNDS"]))
        self.seed = int(conf["IDIOM_DEFAULT_SEED"]) if args.seed is None else args.seed
        random.seed(self.seed)  # the articles draw from the module's functions; so do the scripts
        self.rows = []          # (idiom, x, metric, tool, round, value)
        self.points = {}        # x -> what the point is, in words
        self.started = time.monotonic()

    def size(self, full, quick, tiny):
        """The article's point in a full run; the reduced ones otherwise."""
        return {"full": full, "quick": quick, "tiny": tiny}[self.scale]

    def progress(self, what):
        print(f"idiombench: cpython {self.comparison}: {what} ({time.monotonic() - self.started:.1f} s)",
              file=sys.stderr, flush=True)

    def fail(self, what):
        raise CheckFailed(f"{self.comparison}: {what}")

    def record(self, idiom, x, metric, tool, round_, value):
        self.rows.append((idiom, x, metric, tool, round_, value))

    def checked_results(self, idioms, same):
        """Each idiom's result of one call, after checking that every one equals the first's (by
        same(a, b)); the calls' times, as a first guess at how many calls a timing needs."""
        results, seconds = {}, {}
        for name, fn in idioms.items():
            start = time.perf_counter()
            results[name] = fn()
            seconds[name] = time.perf_counter() - start
        first = next(iter(idioms))
        for name in idioms:
            if not same(results[first], results[name]):
                self.fail(f"{name} computed a different value from {first}")
        return results, seconds

    def time(self, x, items, idioms, same=lambda a, b: a == b, point=None, rounds=None):
        """Time each idiom (a callable of no arguments) with timeit, in interleaved rounds: every
        idiom once per round, the order reversed every other round, each timing at least
        min_seconds. Records ns per item (items: what one call processes). Checks first. A script
        whose idioms take seconds at the article's point may ask for fewer rounds than the run's."""
        _, seconds = self.checked_results(idioms, same)
        timers = {name: timeit.Timer(fn) for name, fn in idioms.items()}
        number = {name: max(1, math.ceil(self.min_seconds / max(seconds[name], 1e-9))) for name in idioms}
        names = list(idioms)
        for r in range(min(self.rounds, rounds or self.rounds) + 1):  # round 0 warms up, unrecorded
            for name in names if r % 2 == 0 else reversed(names):
                elapsed = timers[name].timeit(number[name])
                if r > 0:
                    self.record(name, x, "ns_per_item", "timeit", r, elapsed / number[name] / items * 1e9)
        self.note_point(x, point)

    def time_and_profile(self, x, items, functions, argument, point=None):
        """The articles' usual setup: time each function (idiom -> function) called on argument,
        then, as the article did, call them all once more under line_profiler."""
        self.time(x, items, {name: (lambda fn=fn: fn(argument)) for name, fn in functions.items()}, point=point)
        self.progress("timed")
        self.line_profiled(x, items, functions, lambda: [fn(argument) for fn in functions.values()])

    def memory(self, x, idioms, same=lambda a, b: a == b, point=None):
        """For each idiom (a callable returning what it built), each in a child process as fresh
        as the article's: tracemalloc's peak while it runs, and the resident set's growth while
        its result is alive. Checks first."""
        results, _ = self.checked_results(idioms, same)
        del results

        def traced_and_resident(fn):
            tracemalloc.start()
            result = fn()
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            del result
            as_fresh_process()
            before = rss_bytes()
            result = fn()
            return [peak, max(0, rss_bytes() - before)]

        for r in range(self.memory_rounds):
            for name, fn in idioms.items():
                peak, growth = in_child(lambda: traced_and_resident(fn))
                self.record(name, x, "peak_bytes", "tracemalloc", r + 1, peak)
                self.record(name, x, "rss_growth_bytes", "rss", r + 1, growth)
        self.note_point(x, point)

    def line_profiled(self, x, items, functions, run):
        """The article's way: a line_profiler LineProfiler on the functions of functions (idiom ->
        function, or (function, text) for the lines of a function holding text, as the article
        read one line per structure), run() once under it; records each idiom's total time per
        item as line_profiler reports it, in memory_rounds runs."""
        line_profiler = require("line_profiler")
        profiler = line_profiler.LineProfiler()
        targets = {name: spec if isinstance(spec, tuple) else (spec, None) for name, spec in functions.items()}
        for fn in {fn for fn, _ in targets.values()}:
            profiler.add_function(fn)
        seen = {name: 0.0 for name in targets}  # line_profiler's totals so far: each run adds to them
        for r in range(self.memory_rounds):
            profiler.runcall(run)
            stats = profiler.get_stats()
            for name, (fn, text) in targets.items():
                code = fn.__code__
                source, first = inspect.getsourcelines(fn)
                total = sum(t for (line, _, t) in stats.timings.get((code.co_filename, code.co_firstlineno, code.co_name), [])
                            if text is None or text in source[line - first]) * stats.unit
                if total <= seen[name]:
                    self.fail(f"line_profiler recorded no time for {name} in {fn.__name__}")
                self.record(name, x, "profiled_ns_per_item", "line_profiler", r + 1, (total - seen[name]) / items * 1e9)
                seen[name] = total

    def memory_profiled(self, x, idioms):
        """The article's way: memory_profiler's increment of the resident set while each idiom (a
        callable returning what it built) runs, sampled by memory_profiler itself, in a child
        process as fresh as the article's."""
        memory_profiler = require("memory_profiler")

        def increment(fn):
            base = min(memory_profiler.memory_usage(-1, interval=0.005, timeout=0.02))
            peak, result = memory_profiler.memory_usage((fn, (), {}), max_usage=True, retval=True, interval=0.005)
            return [max(0.0, peak - base) * 1024 * 1024]

        for r in range(self.memory_rounds):
            for name, fn in idioms.items():
                self.record(name, x, "profiled_peak_bytes", "memory_profiler", r + 1, in_child(lambda: increment(fn))[0])

    def note_point(self, x, point):
        if point:
            self.points[str(x)] = point

    def finish(self):
        """Write the three files; the rounds file last, so that a run interrupted here leaves no
        rounds without their summary."""
        header = "comparison,idiom,x,metric,tool"
        groups = {}
        for idiom, x, metric, tool, _, value in self.rows:
            groups.setdefault((idiom, x, metric, tool), []).append(value)
        path = os.path.join(self.out, self.comparison)
        first_seen = {idiom: k for k, idiom in reversed(list(enumerate(g[0] for g in groups)))}
        # Each idiom's rows together, by x, so that a chart's line through them is unbroken.
        order = sorted(groups, key=lambda g: (g[2], first_seen[g[0]], g[1]))
        with open(path + ".cpython.csv", "w", encoding="utf-8") as f:
            f.write(header + ",rounds,median,min,max,scale\n")
            for idiom, x, metric, tool in order:
                values = groups[(idiom, x, metric, tool)]
                f.write(f"{self.comparison},{idiom},{x:.15g},{metric},{tool},{len(values)},"
                        f"{statistics.median(values):.6g},{min(values):.6g},{max(values):.6g},{self.scale}\n")
        with open(path + ".cpython.json", "w", encoding="utf-8") as f:
            json.dump({"comparison": self.comparison, "about": self.about, "scale": self.scale,
                       "rounds": self.rounds, "memory_rounds": self.memory_rounds, "seed": self.seed,
                       "points": self.points, "seconds": round(time.monotonic() - self.started, 2),
                       "interpreter": f"CPython {platform.python_version()} ({sys.executable})"}, f, indent=1)
            f.write("\n")
        with open(path + ".cpython_rounds.csv", "w", encoding="utf-8") as f:
            f.write(header + ",round,value\n")
            for idiom, x, metric, tool, round_, value in self.rows:
                f.write(f"{self.comparison},{idiom},{x:.15g},{metric},{tool},{round_},{value:.9g}\n")
        self.progress(f"{len(self.rows)} figures written")


def main(comparison, about, measure):
    """Run measure(side) for the comparison, then write its files. A failed check exits 1 and
    writes nothing."""
    side = Side(comparison, about)
    try:
        measure(side)
    except CheckFailed as failure:
        print(f"idiombench: cpython check failed: {failure}; nothing was written", file=sys.stderr)
        sys.exit(1)
    side.finish()


if __name__ == "__main__":
    if sys.argv[1:] == ["--fingerprint"]:
        print(fingerprint())
    else:
        print("usage: cpython_side.py --fingerprint   (the scripts beside it import this module)", file=sys.stderr)
        sys.exit(2)
