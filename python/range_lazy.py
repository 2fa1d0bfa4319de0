"""Article 001's "Be Smart About Memory": a for loop over range(N) (`range_loop`) against the
same loop over list(range(N)) (`list_loop`), each summing the numbers, at N = 10,000,000 (the
article's 1,000,000,000 would make a list of 40 GB here: more than this machine has). Timed with
timeit; memory with tracemalloc's peak while the idiom runs (the loop and its list together) and
the resident set's growth while its result is alive. Items are numbers; memory is bytes."""
import cpython_side


def loop_sum(numbers):
    total = 0
    for i in numbers:
        total += i
    return total


def measure(side):
    n = side.size(10_000_000, 100_000, 1_000)
    point = f"N = {n:,}"
    idioms = {"list_loop": lambda: loop_sum(list(range(n))), "range_loop": lambda: loop_sum(range(n))}
    side.time(n, n, idioms, point=point)
    side.progress("timed")
    if loop_sum(range(n)) != n * (n - 1) // 2:
        side.fail("the loop's sum is not n(n-1)/2")
    side.memory(n, {"list_loop": lambda: list(range(n)), "range_loop": lambda: range(n)},
                lambda a, b: list(a) == list(b), point=point)


if __name__ == "__main__":
    cpython_side.main("range_lazy", __doc__, measure)
