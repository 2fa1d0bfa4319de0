"""Article 000's "LBYL vs EAFP": a dict of 100,000 random 10-letter keys (random.choices of
string.ascii_lowercase) holding random.randint(1, 100); 10,000 keys to look up, the share
`hit_ratio` of them present (random.sample of the keys) and the rest new random keys, shuffled.
Each key is looked up by a function call, as in the article: `if key in data: return data[key]`
(`lbyl`), `try: return data[key] except KeyError` (`eafp`), and, the one-lookup idiom the article
leaves out, `data.get(key)` (`get`). Timed with timeit at every hit ratio from 0 to 1 by 0.1, the
article's chart; then at 0.5, as the article did, once under line_profiler, its figure's tool.
Items are lookups."""
import random
import string

import cpython_side


def random_key():
    return "".join(random.choices(string.ascii_lowercase, k=10))


def lbyl_style(key, data):
    if key in data:
        return data[key]
    return None


def eafp_style(key, data):
    try:
        return data[key]
    except KeyError:
        return None


def get_style(key, data):
    return data.get(key)


def keys_to_check(data, count, hit_ratio):
    present = random.sample(list(data.keys()), int(count * hit_ratio))
    missing = []
    while len(present) + len(missing) < count:
        key = random_key()
        if key not in data:  # a drawn key that happens to exist would be a hit
            missing.append(key)
    keys = present + missing
    random.shuffle(keys)
    return keys


def lookups(style, keys, data):
    return [style(key, data) for key in keys]


def measure(side):
    size = side.size(100_000, 10_000, 1_000)
    count = side.size(10_000, 1_000, 100)
    data = {random_key(): random.randint(1, 100) for _ in range(size)}
    styles = {"lbyl": lbyl_style, "eafp": eafp_style, "get": get_style}
    ratios = [r / 10 for r in range(11)] if side.scale == "full" else [0.0, 0.5, 1.0]
    for hit_ratio in ratios:
        keys = keys_to_check(data, count, hit_ratio)
        side.time(hit_ratio, count, {name: (lambda s=s: lookups(s, keys, data)) for name, s in styles.items()},
                  point=f"{count:,} lookups in {size:,} keys")
        if sum(v is not None for v in lookups(lbyl_style, keys, data)) != int(count * hit_ratio):
            side.fail(f"at hit ratio {hit_ratio}, the hits found are not the hits drawn")
    side.progress("swept")
    keys = keys_to_check(data, count, 0.5)

    def article_main():  # the article's loop: both styles on every key
        for key in keys:
            lbyl_style(key, data)
            eafp_style(key, data)

    side.line_profiled(0.5, count, {"lbyl": lbyl_style, "eafp": eafp_style}, article_main)


if __name__ == "__main__":
    cpython_side.main("miss_handling", __doc__, measure)
