#!/usr/bin/env bash
# tests/fuzz/replay.sh TARGET CORPUS SECONDS: a fuzz target under ctest: every input of its corpus
# once, then SECONDS of fuzzing from it, new inputs going into a scratch folder (the corpus is only
# grown by make fuzz). Fails on the first crash, leak or disagreement with the reference.
set -euo pipefail
target=${1:?usage: replay.sh TARGET CORPUS SECONDS}
corpus=${2:?usage: replay.sh TARGET CORPUS SECONDS}
seconds=${3:?usage: replay.sh TARGET CORPUS SECONDS}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$corpus"
status=0
"$target" -runs=0 "$corpus" > "$scratch/replay.log" 2>&1 || status=$?
(( status == 0 )) || { cat "$scratch/replay.log"; echo "the corpus replay failed" >&2; exit 1; }
"$target" -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$scratch/" "$scratch" "$corpus" \
  > "$scratch/fuzz.log" 2>&1 || status=$?
(( status == 0 )) || { tail -40 "$scratch/fuzz.log"; echo "fuzzing found a failure (above)" >&2; exit 1; }
grep -E "stat::number_of_executed_units" "$scratch/fuzz.log"
echo "1 passed, 0 failed"
