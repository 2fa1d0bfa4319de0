"""Article 000's "Comparing Dataclass, Dictionary, and NamedTuple": 100,000 records
(i, 2 * i, i ** 2) created as a dict comprehension {i: (2 * i, i ** 2)} (`dict_comprehension`), a
list of namedtuples (`namedtuple_list`) and a list of dataclass instances (`dataclass_list`).
Timed with timeit; then, as the article did, once under line_profiler, whose shares of the time
were its figures. Items are records."""
from collections import namedtuple
from dataclasses import dataclass

import cpython_side

Order = namedtuple("Order", "order_id double_val square_val")


@dataclass
class OrderDataClass:
    order_id: int
    double_val: int
    square_val: int


def dict_comprehension(size):
    return {i: (2 * i, i ** 2) for i in range(size)}


def namedtuple_list(size):
    return [Order(i, 2 * i, i ** 2) for i in range(size)]


def dataclass_list(size):
    return [OrderDataClass(i, 2 * i, i ** 2) for i in range(size)]


def create_datastructures(size):
    """The article's profiled function: one line per structure, read line by line."""
    d = dict_comprehension(size)
    namedtuples = namedtuple_list(size)
    dataclasses = dataclass_list(size)
    return d, namedtuples, dataclasses


def as_triples(records):
    """Every record as (id, double, square), whatever its layout."""
    if isinstance(records, dict):
        return [(i, d, s) for i, (d, s) in records.items()]
    return [(r.order_id, r.double_val, r.square_val) for r in records]


def measure(side):
    size = side.size(100_000, 10_000, 100)
    idioms = {"dict_comprehension": dict_comprehension, "namedtuple_list": namedtuple_list,
              "dataclass_list": dataclass_list}
    side.time(size, size, {name: (lambda fn=fn: fn(size)) for name, fn in idioms.items()},
              lambda a, b: as_triples(a) == as_triples(b), point=f"{size:,} records (i, 2 * i, i ** 2)")
    side.progress("timed")

    side.line_profiled(size, size, {name: (create_datastructures, f"{name}(") for name in idioms},
                       lambda: create_datastructures(size))


if __name__ == "__main__":
    cpython_side.main("record_layout", __doc__, measure)
