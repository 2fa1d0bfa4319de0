#!/usr/bin/env bash
# tests/test_cpython_script.sh NAME: comparisons/NAME/NAME.py at its tiny size passes its own checks
# (its idioms compute the same values) and writes its three files, and every claim of its
# comparisons/NAME/claims.tsv that names CPython idioms finds both of them, on the claim's metric, in
# what it wrote.
source "$(dirname "$0")/lib.sh"
name=${1:?usage: test_cpython_script.sh NAME}
python=$(cpython_interpreter) || fail "no interpreter with Debian's NumPy and profilers"
PYTHONPATH="$root/python" "$python" "$root/comparisons/$name/$name.py" --tiny --out "$scratch" --tools "$BIN" 2> "$scratch/log" \
  || { cat "$scratch/log"; fail "comparisons/$name/$name.py failed at its tiny size"; }
pass
for suffix in cpython.csv cpython_rounds.csv cpython.json; do
  [[ -s $scratch/$name.$suffix ]] || fail "comparisons/$name/$name.py wrote no $name.$suffix"
done
rows=$(csv_awk "$scratch/$name.cpython_rounds.csv" 'END { print NR - 1 }')
(( rows > 0 )) || fail "comparisons/$name/$name.py recorded no figure"
pass
[[ $(csv_awk "$scratch/$name.cpython.csv" '{ print $(c["scale"]) }' | sort -u) == tiny ]] \
  || fail "comparisons/$name/$name.py did not mark its rows as tiny"
pass
while IFS=$'\t' read -r claim metric baseline contender; do
  for idiom in "$baseline" "$contender"; do
    csv_awk "$scratch/$name.cpython_rounds.csv" '$(c["idiom"]) == want_idiom && $(c["metric"]) == want_metric { found = 1 } END { exit !found }' \
      -v want_idiom="$idiom" -v want_metric="$metric" || fail "claim $claim names idiom $idiom on $metric, which comparisons/$name/$name.py did not measure"
  done
  pass
done < <(awk -F'\t' -v n="$name" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
           $(c["comparison"]) == n && $(c["python_baseline"]) != "" {
             print $(c["claim_id"]) "\t" $(c["metric"]) "\t" $(c["python_baseline"]) "\t" $(c["python_contender"]) }' \
           "$root/comparisons/$name/claims.tsv")
finish
