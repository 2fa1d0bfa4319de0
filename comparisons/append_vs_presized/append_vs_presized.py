"""Article 000's "For loop vs list comprehension": 100,000 ints from random.randint(0, 100); keep
those above 50, doubled, with a for loop calling `result.append` (`for_loop_append`) and with a list
comprehension (`list_comprehension`). Timed with timeit; then, as the article did, once under
line_profiler. Items are input ints."""
import random

import cpython_side


def for_loop(orders):
    result = []
    for amount in orders:
        if amount > 50:
            result.append(amount * 2)
    return result


def list_comprehension(orders):
    return [amount * 2 for amount in orders if amount > 50]


def measure(side):
    n = side.size(100_000, 10_000, 100)
    orders = [random.randint(0, 100) for _ in range(n)]
    side.time_and_profile(n, n, {"for_loop_append": for_loop, "list_comprehension": list_comprehension}, orders,
                          point=f"{n:,} ints from random.randint(0, 100)")


if __name__ == "__main__":
    cpython_side.main("append_vs_presized", __doc__, measure)
