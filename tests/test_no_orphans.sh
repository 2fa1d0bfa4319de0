#!/usr/bin/env bash
# tests/test_no_orphans.sh: no process a benchmark starts outlives it, whether the benchmark ends
# normally or is killed with SIGKILL midway (its children die with it: PR_SET_PDEATHSIG). Checked
# with ps on every bench executable, by the executable's path, before and after.
source "$(dirname "$0")/lib.sh"

killed_with_children=()
survivors() { ps -eo pid=,args= | awk -v exe="$1" '$2 == exe { print $1 }'; }

for exe in "$BIN"/bm_*; do
  [[ -z $(survivors "$exe") ]] || fail "$(basename "$exe") has processes running before the test"
  "$exe" --idiom_quick --idiom_out="$scratch" --benchmark_min_time=0.001 --benchmark_repetitions=2 \
    > "$scratch/log" 2>&1 || { cat "$scratch/log"; fail "$(basename "$exe") failed"; }
  [[ -z $(survivors "$exe") ]] || fail "$(basename "$exe") left processes behind after a normal end"
  # Killed while it has children, if it ever has any (polled for up to 2 s), else after 2 s.
  "$exe" --idiom_quick --idiom_out="$scratch" --benchmark_min_time=0.05 --benchmark_repetitions=20 > /dev/null 2>&1 &
  for _ in $(seq 40); do
    (( $(survivors "$exe" | wc -l) > 1 )) && { killed_with_children+=("$(basename "$exe")"); break; }
    sleep 0.05
  done
  kill -KILL $! 2>/dev/null || true
  wait $! 2>/dev/null || true
  for _ in 1 2 3 4 5 6 7 8 9 10; do   # the kernel delivers the parent-death signal promptly, not at once
    [[ -z $(survivors "$exe") ]] && break
    sleep 0.1
  done
  [[ -z $(survivors "$exe") ]] || fail "$(basename "$exe") left processes behind after SIGKILL: $(survivors "$exe" | tr '\n' ' ')"
  pass
done
# The test means something only if some benchmark was caught with children alive.
(( ${#killed_with_children[@]} > 0 )) || fail "no benchmark had children when killed: the SIGKILL check tested nothing"
echo "killed with children alive: ${killed_with_children[*]}"
finish
