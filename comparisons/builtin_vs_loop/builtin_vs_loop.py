"""Article 001's "Use Built-ins and Libraries": the sum of 1,000,000 floats from random.random(),
by a for loop (`for_loop_sum`), by the built-in sum() (`builtin_sum`) and by NumPy's sum of an array
of the same floats (`numpy_sum`). NumPy adds pairwise, so the sums are checked to agree to 1e-9
relative rather than exactly. Timed with timeit. Items are floats."""
import math
import random

import cpython_side

np = cpython_side.require("numpy")


def for_loop_sum(values):
    total = 0.0
    for v in values:
        total += v
    return total


def measure(side):
    n = side.size(1_000_000, 100_000, 1_000)
    values = [random.random() for _ in range(n)]
    array = np.array(values)
    side.time(n, n, {"for_loop_sum": lambda: for_loop_sum(values), "builtin_sum": lambda: sum(values),
                     "numpy_sum": lambda: float(array.sum())},
              lambda a, b: math.isclose(a, b, rel_tol=1e-9), point=f"{n:,} floats from random.random()")


if __name__ == "__main__":
    cpython_side.main("builtin_vs_loop", __doc__, measure)
