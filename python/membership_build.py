"""Article 000's "Comparing sets and tuples" under memory_profiler: building the list
list(range(1_000_000)) (`build_list`), then a set (`build_set`) and a tuple (`build_tuple`) of it,
which share the list's int objects. Measured with tracemalloc (the peak while building), the
resident set's growth while the result is alive, and memory_profiler's increment, the article's
tool. Values are bytes."""
import cpython_side


def measure(side):
    size = side.size(1_000_000, 100_000, 1_000)
    big_list = list(range(size))
    same = lambda a, b: sorted(a) == sorted(b)
    idioms = {"build_list": lambda: list(range(size)),
              "build_set": lambda: set(big_list),
              "build_tuple": lambda: tuple(big_list)}
    side.memory(size, idioms, same, point=f"{size:,} ints from range({size})")
    side.progress("traced")
    side.memory_profiled(size, idioms)


if __name__ == "__main__":
    cpython_side.main("membership_build", __doc__, measure)
