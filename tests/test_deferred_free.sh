#!/usr/bin/env bash
# tests/test_deferred_free.sh: no slice pays for the small blocks another slice freed (glibc's
# deferred merging; SETTLE_BYTES in benches/harness/cases.c). In a plain build, whose malloc is
# glibc's (the sanitizers' malloc has no fast bins to look into), tests/bm_deferred_free.c pairs a
# variant that frees 10,000 small blocks an iteration with an observer that fails if it finds any
# unmerged when its run starts: the pairs run passes, every round written. The control, an observer
# that frees small blocks itself before it looks, fails, naming the bytes it found: the observer can
# see them.
source "$(dirname "$0")/lib.sh"
build=$scratch/build
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=ON >/dev/null
cmake --build "$build" -j2 --target bm_deferred_free -- --no-print-directory >/dev/null || fail "the plain build failed"
bench=$build/tests/bm_deferred_free

plan() { printf 'claim_id\tcomparison\tbaseline\tcontender\tx\nc\tdeferred_free\t%s\t%s\t10000\n' "$1" "$2" > "$scratch/plan.tsv"; }
plan small_frees observer
"$bench" --idiom_pairs="$scratch/plan.tsv" --idiom_out="$scratch" --idiom_process=1 2> "$scratch/log" \
  || { cat "$scratch/log"; fail "the observer found small blocks another slice had freed"; }
rounds=$(csv_awk "$scratch/deferred_free.rounds.csv" '$(c["contender"]) == "observer" { n++ } END { print n + 0 }')
(( rounds >= IDIOM_PAIR_MIN_ROUNDS )) || fail "only $rounds rounds of small_frees against the observer"
pass

plan small_frees observer_after_own_frees
if "$bench" --idiom_pairs="$scratch/plan.tsv" --idiom_out="$scratch" --idiom_process=1 2> "$scratch/log"; then
  fail "the control passed: the observer cannot see unmerged small blocks, so its pass above proves nothing"
fi
grep -q "FAILED deferred_free/observer_after_own_frees/10000: [0-9]* bytes of small blocks freed elsewhere lay unmerged" "$scratch/log" \
  || { cat "$scratch/log"; fail "the control did not fail naming the unmerged bytes"; }
pass
finish
