"""Article 000's "Comparing lists and arrays": 10,000,000 ints drawn with random.randint(0, 100),
doubled by a list comprehension (`list_comprehension`) and by NumPy's `arr * 2` (`numpy_multiply`),
both out of place. The array holds the same draws as the list (np.array of it, int64) rather than a
second draw from np.random, so that both sides can be checked to compute the same values. Timed
with timeit; then, as the article did, once under line_profiler, which is where its 64x came from.
Items are elements."""
import cpython_side

np = cpython_side.require("numpy")


def double_list(initial_list):
    return [x * 2 for x in initial_list]


def double_array(initial_array):
    return initial_array * 2


def measure(side):
    import random
    n = side.size(10_000_000, 100_000, 1_000)
    initial_list = [random.randint(0, 100) for _ in range(n)]
    initial_array = np.array(initial_list, dtype=np.int64)
    same = lambda a, b: list(a) == list(b)
    side.time(n, n, {"list_comprehension": lambda: double_list(initial_list),
                     "numpy_multiply": lambda: double_array(initial_array)}, same,
              point=f"{n:,} ints from random.randint(0, 100)")
    side.progress("timed")

    def article_run():  # the article's two lp.runctx calls
        double_list(initial_list)
        double_array(initial_array)

    side.line_profiled(n, n, {"list_comprehension": double_list, "numpy_multiply": double_array}, article_run)


if __name__ == "__main__":
    cpython_side.main("array_doubling", __doc__, measure)
