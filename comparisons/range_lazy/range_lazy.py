"""Article 001's "Be Smart About Memory": a for loop over range(N) (`range_loop`) against the
same loop over list(range(N)) (`list_loop`), each summing the numbers. Timed with timeit at
N = 1,000,000, the C claims' point, and memory there too (the article's 1,000,000,000 would make a
list of 40 GB here, more than this machine has, and tracemalloc, which traces every int object,
makes larger lists slow to measure), with tracemalloc's peak while range(N) or list(range(N)) is built
and the resident set's growth while it is alive. Items are numbers; memory
is bytes."""
import cpython_side


def loop_sum(numbers):
    total = 0
    for i in numbers:
        total += i
    return total


def measure(side):
    n = side.size(1_000_000, 100_000, 1_000)
    if loop_sum(range(n)) != n * (n - 1) // 2:
        side.fail("the loop's sum is not n(n-1)/2")
    side.time(n, n, {"list_loop": lambda: loop_sum(list(range(n))), "range_loop": lambda: loop_sum(range(n))},
              point=f"N = {n:,}")
    side.progress("timed")
    side.memory(n, {"list_loop": lambda: list(range(n)), "range_loop": lambda: range(n)},
                lambda a, b: list(a) == list(b), point=f"N = {n:,}")


if __name__ == "__main__":
    cpython_side.main("range_lazy", __doc__, measure)
