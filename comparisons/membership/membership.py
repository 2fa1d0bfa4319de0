"""Article 002's "Algorithmic optimization": `999999 in` a list, a tuple and a set of the
1,000,000 ints range(1_000_000) (`in_list`, `in_tuple`, `in_set`), timed with timeit as the
article did (it ran each 100 times). 999999 is the last element, so the list and the tuple are
scanned whole: article 000's random lookups (nearly all hits) scan half on average. Items are
lookups."""
import cpython_side


def measure(side):
    size = side.size(1_000_000, 100_000, 1_000)
    large_list = list(range(size))
    large_tuple = tuple(large_list)
    large_set = set(large_list)
    element_to_find = size - 1
    side.time(size, 1, {"in_list": lambda: element_to_find in large_list,
                        "in_tuple": lambda: element_to_find in large_tuple,
                        "in_set": lambda: element_to_find in large_set},
              point=f"{element_to_find} in {size:,} ints")
    if not element_to_find in large_set or -1 in large_list:
        side.fail("a lookup answered wrongly")


if __name__ == "__main__":
    cpython_side.main("membership", __doc__, measure)
