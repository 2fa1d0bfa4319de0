#!/usr/bin/env bash
# scripts/fuzz.sh: make fuzz. Every fuzz target of the fuzz build (build/fuzz/fuzz/) for FUZZ_RUNS
# executions (default 1,000,000), two at a time, each from and into its corpus in
# tests/fuzz/corpus/<target>/, which is then minimised (libFuzzer's -merge) so that it stays small
# enough to replay in make test. A failure stops with the input that caused it in build/fuzz/artifacts/.
set -euo pipefail
source "$(dirname "$0")/common.sh"
runs=${FUZZ_RUNS:-1000000}
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "idiombench: FUZZ_RUNS must be a whole number of at least 1, not '$runs'" >&2; exit 2; }
targets=("$root"/build/fuzz/fuzz/fuzz_*)
[[ -x ${targets[0]} ]] || die "no fuzz targets in build/fuzz/fuzz: run 'make fuzz'"
artifacts=$root/build/fuzz/artifacts
mkdir -p "$artifacts"
started=$SECONDS

fuzz_one() {  # fuzz_one TARGET: its campaign, then its corpus minimised; prints one line
  local target=$1 name corpus minimised log began=$SECONDS
  name=$(basename "$target")
  corpus=$root/tests/fuzz/corpus/$name
  log=$artifacts/$name.log
  mkdir -p "$corpus"
  if ! "$target" -runs="$runs" -print_final_stats=1 -artifact_prefix="$artifacts/$name-" "$corpus" > "$log" 2>&1; then
    tail -30 "$log" >&2
    echo "idiombench: fuzz $name FAILED after $((SECONDS - began)) s; the input is in $artifacts/" >&2
    return 1
  fi
  minimised=$(mktemp -d)
  "$target" -merge=1 "$minimised" "$corpus" > "$log.merge" 2>&1 || { tail "$log.merge" >&2; return 1; }
  rm -rf "$corpus" && mv "$minimised" "$corpus"
  echo "idiombench: fuzz $name: $(sed -n 's/^stat::number_of_executed_units: *//p' "$log") executions," \
       "no failure, $(ls "$corpus" | wc -l) corpus inputs, $((SECONDS - began)) s" >&2
}
export -f fuzz_one
export root runs artifacts
printf '%s\n' "${targets[@]}" | xargs -P 2 -I{} bash -c 'fuzz_one "$@"' _ {} \
  || die "a fuzz target failed (above)"
echo "idiombench: fuzz: ${#targets[@]} targets, $runs executions each, in $((SECONDS - started)) s" >&2
