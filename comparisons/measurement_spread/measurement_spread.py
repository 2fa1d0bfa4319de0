"""Article 000's "Measuring Python performance": its chained SHA-1 of 100,000 steps timed by
time.time() around one call (`time_time`) and by the best of timeit.repeat(number=1, repeat=5)
(`timeit_best_of_5`). Each method is applied 7 times per round, interleaved; a round's figure is the
spread of its 7 reports (their coefficient of variation, in percent), over 3 rounds. Also recorded:
every report, in ns per step."""
import statistics
import time
import timeit

import cpython_side
import sha1_chain

APPLICATIONS = 7  # reports per method per round, as the C comparison's QUICK run makes


def measure(side):
    sha1_chain.check(side)
    steps = side.size(100_000, 10_000, 1_000)
    reference = sha1_chain.chain_sha1_hash(sha1_chain.INPUT, steps)
    run = lambda: sha1_chain.chain_sha1_hash(sha1_chain.INPUT, steps)

    def time_time():
        start = time.time()
        result = run()
        elapsed = time.time() - start
        return result, elapsed

    def best_of_5():
        elapsed = min(timeit.repeat(run, number=1, repeat=5))
        return run(), elapsed

    methods = {"time_time": time_time, "timeit_best_of_5": best_of_5}
    for r in range(min(side.rounds, 3)):
        reports = {name: [] for name in methods}
        for _ in range(APPLICATIONS):
            for name, method in methods.items():
                result, elapsed = method()
                if result != reference:
                    side.fail(f"{name}: the chain's result changed")
                reports[name].append(elapsed / steps * 1e9)
                side.record(name, steps, "reported_ns_per_item", name, r + 1, reports[name][-1])
        for name, values in reports.items():
            side.record(name, steps, "spread_pct", "statistics.stdev", r + 1,
                        100 * statistics.stdev(values) / statistics.mean(values))
    side.note_point(steps, f"{steps:,} chained SHA-1 steps, {APPLICATIONS} reports per method per round")


if __name__ == "__main__":
    cpython_side.main("measurement_spread", __doc__, measure)
