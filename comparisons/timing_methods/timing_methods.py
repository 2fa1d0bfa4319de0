"""Article 000's "Measuring Python performance" times with time.time(); what does reading a clock
cost from Python? 10,000 reads in a loop of time.time (`time`), time.monotonic (`monotonic`),
time.perf_counter (`perf_counter`, timeit's clock), time.process_time (`process_time`) and
time.thread_time (`thread_time`). Each clock is checked never to run backwards. Timed with timeit.
Items are reads."""
import time

import cpython_side

CLOCKS = {"time": time.time, "monotonic": time.monotonic, "perf_counter": time.perf_counter,
          "process_time": time.process_time, "thread_time": time.thread_time}


def reads(clock, n):
    return [clock() for _ in range(n)]


def measure(side):
    n = side.size(10_000, 10_000, 100)
    for name, clock in CLOCKS.items():
        values = reads(clock, n)
        if any(b < a for a, b in zip(values, values[1:])):
            side.fail(f"{name} ran backwards")
    side.time(n, n, {name: (lambda clock=clock: reads(clock, n)) for name, clock in CLOCKS.items()},
              lambda a, b: len(a) == len(b), point=f"{n:,} reads")


if __name__ == "__main__":
    cpython_side.main("timing_methods", __doc__, measure)
