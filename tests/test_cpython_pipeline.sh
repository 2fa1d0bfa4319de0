#!/usr/bin/env bash
# tests/test_cpython_pipeline.sh: the CPython side in the pipeline. A missing NumPy is named with its Debian
# package and stops a run before anything changes; a wrong download fails a script and writes
# nothing; a QUICK run writes python.csv, summary.csv's python_ratio and the ledger's CPython
# column; CPYTHON=0 skips the side, drops this run's CPython figures and says so in the report.
source "$(dirname "$0")/lib.sh"
export RESULTS=$scratch/results PLOTS=$scratch/plots
python=$(cpython_interpreter) || fail "no interpreter with Debian's NumPy and profilers"

# An interpreter that cannot see Debian's packages (-S: no site-packages), as a PATH python3 may be.
printf '#!/bin/sh\nexec %s -S "$@"\n' "$python" > "$scratch/bare_python"
chmod +x "$scratch/bare_python"
if PYTHONPATH="$root/python" "$scratch/bare_python" "$root/comparisons/array_doubling/array_doubling.py" --tiny --out "$scratch" 2> "$scratch/log"; then
  fail "a script ran without NumPy"
fi
grep -q "python3-numpy" "$scratch/log" || { cat "$scratch/log"; fail "a missing NumPy did not name python3-numpy"; }
pass
set +e
PYTHON=$scratch/bare_python "$root/scripts/cpython.sh" "$scratch" string_build > /dev/null 2> "$scratch/log"
status=$?
set -e
(( status == 2 )) || fail "cpython.sh with an interpreter lacking NumPy exited $status, not 2"
grep -q "python3-numpy" "$scratch/log" || { cat "$scratch/log"; fail "cpython.sh did not name python3-numpy"; }
pass

# A download whose bytes differ from the payload fails the script, and it writes nothing.
mkdir -p "$scratch/faulty"
if IDIOM_TEST_SERVER_FAULT=corrupt PYTHONPATH="$root/python" "$python" "$root/comparisons/threads_io/threads_io.py" --tiny --out "$scratch/faulty" --tools "$BIN" \
     2> "$scratch/log"; then
  fail "a corrupt download passed the CPython side's check"
fi
grep -q "cpython check failed: threads_io" "$scratch/log" || { cat "$scratch/log"; fail "the failed check was not named"; }
[[ -z $(ls "$scratch/faulty") ]] || fail "a failed script left files: $(ls "$scratch/faulty")"
pass

# A run with the CPython side, on one comparison.
ONLY=string_build CPYTHON=1 "$root/scripts/bench.sh" > /dev/null 2> "$scratch/log" || { cat "$scratch/log"; fail "run failed"; }
[[ -f $RESULTS/python.csv ]] || fail "no python.csv"
[[ $(row_field "$RESULTS/python.csv" claim_id string_build scale) == quick ]] || fail "python.csv does not mark the QUICK size"
for claim in string_build string_build.idiomatic; do
  ratio=$(row_field "$RESULTS/summary.csv" claim_id "$claim" python_ratio)
  [[ $ratio =~ ^[0-9.e+-]+$ ]] || fail "summary.csv has no python_ratio for $claim ('$ratio')"
  [[ -n $(row_field "$RESULTS/summary.csv" claim_id "$claim" python_ratio_lo) ]] || fail "no python_ratio_lo for $claim"
  # CPython here's verdict, judged by the summary as C's is: an interval above 1 favours the contender.
  lo=$(row_field "$RESULTS/summary.csv" claim_id "$claim" python_ratio_lo)
  verdict=$(row_field "$RESULTS/summary.csv" claim_id "$claim" python_verdict)
  [[ $verdict =~ ^(agrees|disagrees|inconclusive)$ ]] || fail "no python_verdict for $claim ('$verdict')"
  if awk "BEGIN { exit !($lo > 1.05) }"; then
    [[ $verdict == agrees ]] || fail "$claim: CPython here's interval starts at $lo, above 1, yet its verdict is $verdict"
  fi
  grep -q "\*\*$verdict\*\*, " "$RESULTS/REPORT.md" || fail "the report does not quote $claim's python_verdict"
done
[[ -z $(row_field "$RESULTS/summary.csv" claim_id string_build.strcat_rescan python_ratio) ]] \
  || fail "a claim without CPython idioms got a python_ratio"
pass
grep -q "^| claim | article | article's figure | CPython here | C here |" "$RESULTS/REPORT.md" || fail "the ledger lacks its three columns"
# The article claim answered three ways: CPython here, the mechanism model, idiomatic C.
grep -q '^| claim | CPython here | C, mechanism | C, idiomatic |' "$RESULTS/REPORT.md" || fail "the glance lacks the three answers"
grep -q '^| `string_build` | \*\*[a-z]*\*\*, [0-9.]*x \[.*\] | \*\*[a-z]*\*\*, [0-9.]*x \[.*\] | \*\*[a-z]*\*\*, [0-9.]*x \[' "$RESULTS/REPORT.md" \
  || { grep 'string_build' "$RESULTS/REPORT.md" | head -3; fail "string_build lacks one of its three answers"; }
[[ $(row_field "$RESULTS/summary.csv" claim_id string_build model) == mechanism &&
   $(row_field "$RESULTS/summary.csv" claim_id string_build.idiomatic model) == idiomatic ]] || fail "summary.csv lacks the models"
grep -q "CPython here measures .*x (at pieces=" "$RESULTS/REPORT.md" || fail "no claim sentence gives the CPython figure"
# Each article claim is graded in words, C's and CPython here's ratio alike, on direction and size.
grep -q '^- \*\*string_build\*\*: .*C: \(same direction as the article\|not the article.s direction\|direction undecided\)' "$RESULTS/REPORT.md" \
  && grep -q '^- \*\*string_build\*\*: .*CPython here: \(same direction as the article\|not the article.s direction\|direction undecided\)' "$RESULTS/REPORT.md" \
  || fail "the string_build sentence does not grade its direction for C and CPython here"
grep -q '^- \*\*string_build\*\*: .*In the sweep (medians of the rows, not paired), `join` is faster from pieces=' "$RESULTS/REPORT.md" \
  || fail "the string_build sentence does not say over which x its winner wins in the sweep"
grep -q '^\*\*CPython here\*\* (CPython 3' "$RESULTS/REPORT.md" || fail "the section does not show what CPython re-ran"
[[ $(json_get "$RESULTS/environment.json" cpython) == CPython\ 3* ]] || fail "environment.json does not record the interpreter"
pass

# CPYTHON=0: skipped, this comparison's CPython figures dropped, and the report says so.
ONLY=string_build CPYTHON=0 "$root/scripts/bench.sh" > /dev/null 2> "$scratch/log" || { cat "$scratch/log"; fail "CPYTHON=0 run failed"; }
[[ ! -e $RESULTS/string_build.cpython_rounds.csv ]] || fail "CPYTHON=0 kept the last run's CPython figures"
[[ -z $(row_field "$RESULTS/summary.csv" claim_id string_build python_ratio) ]] || fail "CPYTHON=0 still has a python_ratio"
grep -q "not measured (CPYTHON=0)" "$RESULTS/REPORT.md" || fail "the ledger does not say the CPython side was skipped"
grep -q "| CPython side | skipped (CPYTHON=0) |" "$RESULTS/REPORT.md" || fail "the fingerprint does not say CPYTHON=0"
pass

# Bad settings are refused before anything changes.
before=$(fingerprint)
for setting in "CPYTHON=2" "PYTHON=$scratch/bare_python"; do
  set +e
  env ONLY=string_build CPYTHON=1 "$setting" "$root/scripts/bench.sh" > /dev/null 2> "$scratch/log"
  status=$?
  set -e
  (( status == 2 )) || fail "$setting exited $status, not 2"
  [[ $(fingerprint) == "$before" ]] || fail "$setting changed results/ or plots/"
  pass
done
finish
