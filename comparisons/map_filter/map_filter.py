"""Article 001's "Use Built-ins and Libraries": map() and filter() against the equivalent loop, on
1,000,000 floats from random.random(). Mapped: `def double(x): return x * 2`, by
`list(map(double, values))` (`map_builtin`) and by a for loop appending `double(x)`
(`map_loop`); filtered: `def is_big(x): return x > 0.5`, by `list(filter(is_big, values))`
(`filter_builtin`) and by a for loop appending the x for which `is_big(x)` holds (`filter_loop`).
Both sides call the same function per element, as the article's advice compares them. Timed with
timeit. Items are floats."""
import random

import cpython_side


def double(x):
    return x * 2


def is_big(x):
    return x > 0.5


def map_loop(values):
    out = []
    for x in values:
        out.append(double(x))
    return out


def filter_loop(values):
    out = []
    for x in values:
        if is_big(x):
            out.append(x)
    return out


def measure(side):
    n = side.size(1_000_000, 100_000, 1_000)
    values = [random.random() for _ in range(n)]
    point = f"{n:,} floats from random.random()"
    side.time(n, n, {"map_loop": lambda: map_loop(values), "map_builtin": lambda: list(map(double, values))},
              point=point)
    side.time(n, n, {"filter_loop": lambda: filter_loop(values),
                     "filter_builtin": lambda: list(filter(is_big, values))}, point=point)


if __name__ == "__main__":
    cpython_side.main("map_filter", __doc__, measure)
