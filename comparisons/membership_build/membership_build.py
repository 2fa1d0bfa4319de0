"""Article 000's "Comparing sets and tuples" under memory_profiler: building the list
list(range(1_000_000)) (`build_list`), the set set(range(1_000_000)) (`build_set`), which makes int
objects of its own as the article's +62.547 MiB implies (a 32 MiB table and 30.5 MiB of ints), a
tuple of the list (`build_tuple`), which shares the list's int objects as its +7.641 MiB implies, and
the same ints packed in a NumPy int64 array, numpy.arange(1_000_000) (`build_array`), the array of 000's
"Comparing lists and arrays". Measured with tracemalloc (the peak while building), the
resident set's growth while the result is alive, and memory_profiler's increment, the article's
tool. Values are bytes."""
import cpython_side


def measure(side):
    numpy = cpython_side.require("numpy")
    size = side.size(1_000_000, 100_000, 1_000)
    big_list = list(range(size))
    same = lambda a, b: sorted(a) == sorted(b)
    idioms = {"build_list": lambda: list(range(size)),
              "build_set": lambda: set(range(size)),
              "build_tuple": lambda: tuple(big_list),
              "build_array": lambda: numpy.arange(size, dtype=numpy.int64)}
    side.memory(size, idioms, same, point=f"{size:,} ints from range({size})")
    side.progress("traced")
    side.memory_profiled(size, idioms)


if __name__ == "__main__":
    cpython_side.main("membership_build", __doc__, measure)
