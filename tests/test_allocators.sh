#!/usr/bin/env bash
# tests/test_allocators.sh: ALLOC= and make allocators, on a plain build of their own (a sanitizer
# build cannot take a preloaded allocator): an unknown allocator is refused with the valid names and
# nothing changed; a jemalloc run's fingerprint names jemalloc and its version and its peak bytes are
# jemalloc's usable sizes; a preload that does not take is caught; make allocators (make robustness
# AXES=allocator) writes robustness.csv with all three allocators, a bytes claim under each both where
# its comparison is swept again (allocation-heavy) and where only its own rows are, its chart and the
# report's section.
source "$(dirname "$0")/lib.sh"
build=$scratch/build
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j2 --target bm_membership_build bm_string_build bm_range_lazy -- --no-print-directory >/dev/null \
  || fail "the plain build failed"
export BENCH_BIN=$build/bin RESULTS=$scratch/results PLOTS=$scratch/plots

# Refused before anything changes.
ONLY=membership_build "$root/scripts/bench.sh" > /dev/null 2>&1 || fail "a glibc run failed"
before=$(fingerprint)
set +e
ALLOC=nope ONLY=membership_build "$root/scripts/bench.sh" > /dev/null 2> "$scratch/log"
status=$?
set -e
(( status == 2 )) || fail "ALLOC=nope exited $status, not 2"
grep -q "Valid names: glibc,jemalloc,mimalloc" "$scratch/log" || { cat "$scratch/log"; fail "ALLOC=nope did not list the names"; }
[[ $(fingerprint) == "$before" ]] || fail "ALLOC=nope changed results/ or plots/"
pass
[[ $(json_get "$RESULTS/environment.json" allocator) == glibc ]] || fail "the default allocator is not glibc's"
cp "$RESULTS/membership_build.csv" "$scratch/glibc.csv"
pass

# jemalloc: named with its version, and its own usable sizes in peak_bytes.
ALLOC=jemalloc ONLY=membership_build "$root/scripts/bench.sh" > /dev/null 2> "$scratch/log" \
  || { cat "$scratch/log"; fail "an ALLOC=jemalloc run failed"; }
[[ $(json_get "$RESULTS/environment.json" allocator) == jemalloc ]] || fail "environment.json does not name jemalloc"
json_get "$RESULTS/environment.json" allocator_detail | grep -Eq "^jemalloc [0-9].*libjemalloc\.so" \
  || fail "environment.json does not give jemalloc's version and library"
differs=$(paste -d, <(csv_awk "$scratch/glibc.csv" '{ print $(c["variant"]) "/" $(c["x"]) "=" $(c["peak_bytes"]) }') \
                    <(csv_awk "$RESULTS/membership_build.csv" '{ print $(c["variant"]) "/" $(c["x"]) "=" $(c["peak_bytes"]) }') \
          | awk -F, '$1 != $2' | wc -l)
(( differs > 0 )) || fail "jemalloc's peak_bytes are glibc's: the counting allocator did not use jemalloc's usable sizes"
pass

# A preload that does not replace malloc is caught, not reported as the allocator asked for.
if allocator_check jemalloc "$(ldconfig -p | awk '/libm\.so\.6 .*x86-64/ { print $NF; exit }')" \
     "$BENCH_BIN/bm_membership_build" > /dev/null 2> "$scratch/log"; then
  fail "a preload of libm passed for jemalloc"
fi
grep -q "did not take effect" "$scratch/log" || fail "the failed preload was not explained"
pass

# make allocators (make robustness's allocator axis), QUICK: the three allocators in robustness.csv,
# the bytes claims measured again under each (their comparisons swept again), its chart, the report's section.
set +e
AXES=allocator,nope "$root/scripts/robustness.sh" > /dev/null 2> "$scratch/log"
status=$?
set -e
(( status == 2 )) && grep -q "Valid names: allocator,compiler,layout" "$scratch/log" \
  || { cat "$scratch/log"; fail "make robustness AXES=allocator,nope did not exit 2 naming the axes"; }
pass
AXES=allocator "$root/scripts/robustness.sh" > /dev/null 2> "$scratch/log" || { cat "$scratch/log"; fail "make allocators failed"; }
[[ $(csv_awk "$RESULTS/robustness.csv" '!seen[$(c["setting"])]++ { printf "%s ", $(c["setting"]) }') == "glibc jemalloc mimalloc " ]] \
  || fail "robustness.csv does not hold the three allocators"
[[ $(csv_awk "$RESULTS/robustness.csv" '$(c["claim_id"]) == "membership_memory.uthash_set" { n++ } END { print n + 0 }') == 3 ]] \
  || fail "a bytes claim of an allocation-heavy comparison was not measured under each allocator"
[[ $(csv_awk "$RESULTS/robustness.csv" '$(c["claim_id"]) == "range_memory" && $(c["runs"]) == 3 { n++ } END { print n + 0 }') == 3 ]] \
  || fail "a bytes claim of a comparison that takes the reference's sweep was not measured under each allocator"
for alloc in jemalloc mimalloc; do
  [[ $(csv_awk "$RESULTS/robustness/$alloc/phases.tsv" '$(c["phase"]) == "sweep" && $(c["comparison"]) == "range_lazy" { n++ } END { print n + 0 }' -F'\t') == 1 ]] \
    || fail "$alloc's run did not measure range_lazy's counted rows itself"
done
for f in robustness.svg robustness.png; do [[ -s $PLOTS/$f ]] || fail "no $f"; done
grep -q "^## How robust is each verdict?" "$RESULTS/REPORT.md" || fail "the report has no robustness section"
pass
finish
