#!/usr/bin/env bash
# tests/test_no_orphans.sh: no process a benchmark starts outlives it, whether the benchmark ends
# normally or is killed with SIGKILL midway (its children die with it: PR_SET_PDEATHSIG). Each bench
# executable runs in a session of its own (setsid), so that ps can list everything it started, and
# nothing that other tests run in parallel.
source "$(dirname "$0")/lib.sh"

killed_with_children=()
in_session() { ps -eo sid=,pid= | awk -v s="$1" '$1 == s { print $2 }'; }

for exe in "$BIN"/bm_*; do
  name=$(basename "$exe")
  setsid "$exe" --idiom_quick --idiom_out="$scratch" --benchmark_min_time=0.001 --benchmark_repetitions=2 \
    > "$scratch/log" 2>&1 &
  session=$!
  wait "$session" || { cat "$scratch/log"; fail "$name failed"; }
  [[ -z $(in_session "$session") ]] || fail "$name left processes behind after a normal end: $(in_session "$session" | tr '\n' ' ')"
  # Killed while it has children, if it ever has any (polled for up to 2 s), else after 2 s.
  setsid "$exe" --idiom_quick --idiom_out="$scratch" --benchmark_min_time=0.05 --benchmark_repetitions=20 > /dev/null 2>&1 &
  session=$!
  for _ in $(seq 40); do
    (( $(in_session "$session" | wc -l) > 1 )) && { killed_with_children+=("$name"); break; }
    sleep 0.05
  done
  kill -KILL "$session" 2>/dev/null || true
  wait "$session" 2>/dev/null || true
  for _ in $(seq 20); do   # the kernel delivers the parent-death signal promptly, not at once
    [[ -z $(in_session "$session") ]] && break
    sleep 0.1
  done
  [[ -z $(in_session "$session") ]] || fail "$name left processes behind after SIGKILL: $(in_session "$session" | tr '\n' ' ')"
  pass
done
# The test means something only if some benchmark was caught with children alive.
(( ${#killed_with_children[@]} > 0 )) || fail "no benchmark had children when killed: the SIGKILL check tested nothing"
echo "killed with children alive: ${killed_with_children[*]}"
finish
