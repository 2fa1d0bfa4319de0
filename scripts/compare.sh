#!/usr/bin/env bash
# scripts/compare.sh BASE [HEAD]: compare two runs, each an archived run id (results/runs/<id>) or a
# folder holding a run's files. Per benchmark: the change in time with Google Benchmark's own
# compare.py (Mann-Whitney U test over the repetitions); then the claims whose verdict changed.
# HEAD defaults to the newest archived run. An unknown id exits 2 and lists the archived ones.
set -euo pipefail
source "$(dirname "$0")/common.sh"

results=${RESULTS:-$root/results}
compare_py=${COMPARE_PY:-/usr/share/benchmark/compare.py}
python=${PYTHON:-/usr/bin/python3}   # Debian's, which has python3-scipy for the U test

mapfile -t archived < <(list_runs "$results/runs" 2>/dev/null || true)
unknown_run() {
  echo "idiombench: no run '$1': neither a folder nor an archived run id." >&2
  if (( ${#archived[@]} )); then
    echo "Archived runs (oldest first): ${archived[*]}" >&2
  else
    echo "No runs are archived yet: 'make bench' archives each successful run under $results/runs/." >&2
  fi
  exit 2
}
# The folder of a run given as a path or an id. An incomplete run (its charts or report failed) has
# no ledger until `make report RUN=` publishes it: say so.
resolve_run() {
  local dir
  if [[ -d $1 && ( -f $1/summary.csv || -f $1/$incomplete_marker ) ]]; then dir=$1
  elif [[ -n $1 && $1 != */* && -d $results/runs/$1 ]]; then dir=$results/runs/$1
  else unknown_run "$1"
  fi
  if [[ -f $dir/$incomplete_marker ]]; then
    echo "idiombench: run '$1' is incomplete: $(paste -sd';' "$dir/$incomplete_marker") failed, so it has no ledger yet." \
         "Publish it first with: make report RUN=$(basename "$dir")" >&2
    exit 2
  fi
  echo "$dir"
}
# is_benchmark_json FILE: FILE is Google Benchmark's own output (a "benchmarks" array), the kind
# compare.py reads; a run's other JSON files (fingerprints, facts, the CPython side's) are not.
is_benchmark_json() {
  "$python" -c 'import json, sys; sys.exit(not isinstance(json.load(open(sys.argv[1])).get("benchmarks"), list))' "$1" 2>/dev/null
}

# A run's files, checked before they are compared: summary.csv with its columns and every row whole,
# and every JSON file parseable. A corrupted run exits 2, naming the file.
check_run() {
  local dir=$1 label=$2 file
  awk -F, 'NR == 1 { n = NF; for (i = 1; i <= NF; i++) c[$i] = 1
                     if (!c["claim_id"] || !c["verdict"] || !c["ratio"]) { print FILENAME ": no claim_id, verdict and ratio columns"; bad = 1; exit } next }
           NF != n { print FILENAME ":" NR ": " NF " fields, but the header has " n; bad = 1; exit }
           END { if (NR == 0) print FILENAME ": empty"; exit bad || NR == 0 }' "$dir/summary.csv" >&2 \
    || { echo "idiombench: $label run '$dir' is corrupted (see above); nothing was compared" >&2; exit 2; }
  for file in "$dir"/*.json; do
    [[ -e $file ]] || continue
    "$python" -m json.tool "$file" > /dev/null 2>&1 \
      || { echo "idiombench: $label run '$dir' is corrupted: $file is not valid JSON; nothing was compared" >&2; exit 2; }
  done
}

base_arg=${1:-}
[[ -n $base_arg ]] || { echo "usage: make compare BASE=<run id or folder> [HEAD=<run id or folder>]" >&2; unknown_run ""; }
head_arg=${2:-${archived[-1]:-}}
base=$(resolve_run "$base_arg")
head=$(resolve_run "$head_arg")
check_run "$base" BASE
check_run "$head" HEAD
[[ -f $compare_py ]] || die "$compare_py not found: run 'make deps' (it installs libbenchmark-tools)"
"$python" -c 'import scipy' 2>/dev/null || die "$python has no scipy: run 'make deps' (it installs python3-scipy)"

echo "idiombench: comparing BASE $base_arg against HEAD $head_arg"
compared=0
for base_json in "$base"/*.json; do
  name=$(basename "$base_json" .json)
  is_benchmark_json "$base_json" || continue
  if [[ ! -f $head/$name.json ]]; then
    echo "  $name: in BASE only, not compared"
    continue
  fi
  echo
  echo "== $name: time per iteration, HEAD against BASE (negative: HEAD is faster; U test p-value per benchmark) =="
  "$python" "$compare_py" --no-color -a benchmarks "$base_json" "$head/$name.json" \
    || die "compare.py could not compare $name"
  compared=$((compared + 1))
done
(( compared > 0 )) || die "the two runs measured no comparison in common"

echo
echo "== Claims ledger: verdicts in BASE and HEAD =="
# Columns by name, in each file: the header of each sets c anew.
awk -F, 'FNR == 1 { delete c; for (i = 1; i <= NF; i++) c[$i] = i; next }
         { id = $(c["claim_id"]); v = $(c["verdict"]); r = $(c["ratio"]) }
         NR == FNR { verdict[id] = v; ratio[id] = r; next }
         { seen[id] = 1
           if (!(id in verdict)) { printf "%-36s %-13s -> %-13s (ratio %s; new claim)\n", id, "-", v, r; changed++; next }
           mark = verdict[id] == v ? "" : "   <- verdict changed"
           if (mark != "") changed++
           printf "%-36s %-13s -> %-13s (ratio %s -> %s)%s\n", id, verdict[id], v, ratio[id], r, mark }
         END { for (id in verdict) if (!(id in seen)) printf "%-36s %-13s -> %-13s (not in HEAD)\n", id, verdict[id], "-"
               printf "\n%d claim(s) changed verdict.\n", changed }' "$base/summary.csv" "$head/summary.csv"
