# tests/lib.sh: what the shell tests share; sourced. Each test gets a scratch folder and the
# sanitizer build's executables (BIN), and fails with a message naming what it expected.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
: "${BIN:?BIN must name the folder of the built executables}"
export BIN
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
checks=0

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { checks=$((checks + 1)); }
finish() { echo "$checks passed, 0 failed"; }

# Checksums of every file of RESULTS and PLOTS, to show that a refused or killed run changed nothing.
# A killed run's staging folder is not a result (the next run removes it), nor is the lock, which
# names whichever run took it last.
fingerprint() {
  local dir
  for dir in "$RESULTS" "$PLOTS"; do
    (cd "$dir" && find . -type f ! -path './.staging*' ! -path './.drawing*' ! -name .lock -print0 | sort -z | xargs -0 -r sha256sum)
  done
}

# A fast, still complete, pipeline run: QUICK sweep, tiny minimum time.
# No instruction count: the sanitizer build cannot run under valgrind (tests/test_instr.sh counts).
export QUICK=1 BENCH_ARGS="--benchmark_min_time=0.001 --benchmark_repetitions=2" INSTR=0
# No CPython side unless a test asks for it (tests/test_cpython_pipeline.sh does); its scripts have tests of their own.
export CPYTHON=0

# The shell's one way of reading a CSV column by name.
source "$root/scripts/common.sh"
# row_field FILE KEY_COLUMN KEY COLUMN: COLUMN of the first row whose KEY_COLUMN is KEY.
row_field() {
  csv_awk "$1" '$(c[k]) == v { print $(c[col]); exit }' -v k="$2" -v v="$3" -v col="$4"
}

# long_checkout: a copy of the pipeline's sources (scripts, the comparisons' folders with their
# chart scripts, claims and CPython sides, the shared charts and Python modules, the constants) at a path of over 200 characters with spaces, an apostrophe and a non-ASCII letter
# in it, as a user's checkout may be; prints its root. Its scripts run this build's executables (BIN).
long_checkout() {
  local dir
  dir="$scratch/a user's checkout, ü/$(printf 'deeper folder %.0s' {1..12})/idiombench"
  mkdir -p "$dir/plots" "$dir/comparisons"
  cp -r "$root"/{scripts,charts,python,idiom.conf} "$dir/"
  for folder in "$root"/comparisons/*/; do # the comparisons' sources, without their C
    mkdir -p "$dir/comparisons/$(basename "$folder")"
    find "$folder" -maxdepth 1 -type f ! -name '*.c' -exec cp {} "$dir/comparisons/$(basename "$folder")/" \;
  done
  (( ${#dir} >= 200 )) || fail "long_checkout made a path of only ${#dir} characters"
  echo "$dir"
}
