"""Article 002's "Caching and Memoization": fibonacci(35) by plain recursion (`naive_recursion`)
and with @lru_cache(maxsize=None) (`lru_cache`), the cache emptied before every call, as a first
call finds it. Timed with timeit, in 3 rounds at most: fibonacci(35) takes about a second. Items are calls of fibonacci(n) asked for: one per timing."""
from functools import lru_cache

import cpython_side


def fibonacci(n):
    if n < 2:
        return n
    return fibonacci(n - 1) + fibonacci(n - 2)


@lru_cache(maxsize=None)
def fibonacci_cached(n):
    if n < 2:
        return n
    return fibonacci_cached(n - 1) + fibonacci_cached(n - 2)


def cached_from_empty(n):
    fibonacci_cached.cache_clear()
    return fibonacci_cached(n)


def measure(side):
    n = side.size(35, 25, 15)
    side.time(n, 1, {"naive_recursion": lambda: fibonacci(n), "lru_cache": lambda: cached_from_empty(n)},
              point=f"fibonacci({n})", rounds=3)  # the plain recursion takes about a second here
    if cached_from_empty(10) != 55:
        side.fail("fibonacci(10) is not 55")


if __name__ == "__main__":
    cpython_side.main("memoization", __doc__, measure)
