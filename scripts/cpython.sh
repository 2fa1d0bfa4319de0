#!/usr/bin/env bash
# scripts/cpython.sh RESULTS comparison...: the CPython side. For each named comparison that has a
# comparisons/<comparison>/<comparison>.py, run it (with python/, the modules the scripts share, on its path) in the interpreter that has Debian's NumPy and profilers (PYTHON
# names another), at the articles' points or, with QUICK=1, at reduced sizes; each writes
# <comparison>.cpython.csv, .cpython_rounds.csv and .cpython.json into RESULTS, replacing the last
# run's. Prints the interpreter's fingerprint line on stdout (for environment.json). Exit 2 if no
# interpreter will do, 1 if a script fails (its check, or its measurement).
set -euo pipefail
source "$(dirname "$0")/common.sh"
results=${1:?usage: cpython.sh RESULTS comparison...}
shift
python=$(cpython_interpreter) || exit 2

scripts=()
for name in "$@"; do [[ -f $root/comparisons/$name/$name.py ]] && scripts+=("$name"); done
export PYTHONPATH="$root/python${PYTHONPATH:+:$PYTHONPATH}"
started=$SECONDS
for i in "${!scripts[@]}"; do
  name=${scripts[$i]}
  echo "idiombench: cpython [$((i + 1))/${#scripts[@]}] $name ($((SECONDS - started)) s elapsed)" >&2
  rm -f "$results/$name.cpython.csv" "$results/$name.cpython_rounds.csv" "$results/$name.cpython.json"
  flags=(--out "$results" --seed "${SEED:-$IDIOM_DEFAULT_SEED}" --tools "$bin")
  (( ${QUICK:-0} )) && flags+=(--quick)
  "$python" "$root/comparisons/$name/$name.py" "${flags[@]}" >&2 || die "the CPython side of $name failed (see above; CPYTHON=0 skips it)"
done
echo "idiombench: cpython: ${#scripts[@]} script(s) in $((SECONDS - started)) s" >&2
"$python" "$root/python/cpython_side.py" --fingerprint
