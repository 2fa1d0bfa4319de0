"""Article 002's "multiprocessing": `with Pool(processes=4) as pool: pool.map(square, range(10000))`.
The squares by a list comprehension (`sequential`), by the article's code, the pool started and
closed in the timing as its `with` block does (`pool_with_start`, what the claim's CPython figure
uses), by a multiprocessing.Pool(4) started once, untimed, as the C side's pools are (`pool_map`),
and by a multiprocessing.pool.ThreadPool(4) started once (`thread_pool_map`). Timed with timeit.
Items are tasks."""
import multiprocessing
import multiprocessing.pool

import cpython_side


def square(x):
    return x * x


def pool_with_start(numbers):
    with multiprocessing.Pool(processes=4) as pool:
        return pool.map(square, numbers)


def measure(side):
    tasks = side.size(10_000, 10_000, 100)
    numbers = range(tasks)
    with multiprocessing.Pool(processes=4) as pool, multiprocessing.pool.ThreadPool(4) as threads:
        side.time(tasks, tasks, {"sequential": lambda: [square(x) for x in numbers],
                                 "pool_map": lambda: pool.map(square, numbers),
                                 "pool_with_start": lambda: pool_with_start(numbers),
                                 "thread_pool_map": lambda: threads.map(square, numbers)},
                  point=f"{tasks:,} squares")


if __name__ == "__main__":
    cpython_side.main("tiny_tasks", __doc__, measure)
