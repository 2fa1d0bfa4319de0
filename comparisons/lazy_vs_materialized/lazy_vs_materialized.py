"""Two setups. Time, article 002's: sum([i*i for i in range(N)]) (`sum_list`) against
sum(i*i for i in range(N)) (`sum_generator`), at N = 1,000,000, the C claim's point (002 used
100,000,000, a list of 4 GB and some 20 s per call: beyond this run's budget). Memory, article 000's
under memory_profiler: the squares of 1,000,000 ints from random.randint(1, 100) as a list
comprehension (`squares_list`) and as a generator expression (`squares_generator`), each kept
unconsumed as the article's functions return them; measured with tracemalloc, the resident set's
growth and memory_profiler. Items are ints; memory is bytes."""
import random

import cpython_side


def list_comprehension(numbers):
    return [x ** 2 for x in numbers]


def generator_expression(numbers):
    return (x ** 2 for x in numbers)


def measure(side):
    n = side.size(1_000_000, 100_000, 1_000)
    side.time(n, n, {"sum_list": lambda: sum([i * i for i in range(n)]),
                     "sum_generator": lambda: sum(i * i for i in range(n))},
              point=f"N = {n:,}")
    side.progress("timed")
    numbers = [random.randint(1, 100) for _ in range(n)]
    idioms = {"squares_list": lambda: list_comprehension(numbers),
              "squares_generator": lambda: generator_expression(numbers)}
    side.memory(n, idioms, lambda a, b: list(a) == list(b), point=f"{n:,} ints from random.randint(1, 100)")
    side.progress("traced")
    side.memory_profiled(n, idioms)


if __name__ == "__main__":
    cpython_side.main("lazy_vs_materialized", __doc__, measure)
