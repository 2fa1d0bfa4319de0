"""Article 000's "String concatenation": 10,000 random 10-letter lowercase strings (random.choices
of string.ascii_lowercase) joined by `result += s` in a loop (`plus_equals`) and by `"".join`
(`join`). CPython runs the loop's += in place when the string has one reference, as here. Timed
with timeit; then, as the article did, once under line_profiler. Items are pieces."""
import random
import string

import cpython_side


def random_string(length):
    return "".join(random.choices(string.ascii_lowercase, k=length))


def plus_operator(strings):
    result = ""
    for s in strings:
        result += s
    return result


def join_method(strings):
    return "".join(strings)


def measure(side):
    pieces = side.size(10_000, 1_000, 100)
    strings = [random_string(10) for _ in range(pieces)]
    side.time_and_profile(pieces, pieces, {"plus_equals": plus_operator, "join": join_method}, strings,
                          point=f"{pieces:,} random 10-letter strings")


if __name__ == "__main__":
    cpython_side.main("string_build", __doc__, measure)
