"""sha1_chain.py: article 000's chained SHA-1, which the CPython side's CPU-bound and timing
scripts share, as benches/sha1/ is shared on the C side."""
import hashlib

INPUT = "Turbocharge Your Python Code"


def chain_sha1_hash(input_str, iterations):
    current_hash = input_str
    for _ in range(iterations):
        current_hash = hashlib.sha1(current_hash.encode()).hexdigest()
    return current_hash


def check(side):
    """The chain is SHA-1: one step of the article's input against its known digest."""
    if chain_sha1_hash("abc", 1) != "a9993e364706816aba3e25717850c26c9cd0d89d":
        side.fail("hashlib.sha1 does not give SHA-1's digest of 'abc'")
