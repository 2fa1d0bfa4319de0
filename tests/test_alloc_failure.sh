#!/usr/bin/env bash
# tests/test_alloc_failure.sh: allocation failure everywhere. For every comparison, each variant is
# set up and put through its checked run at its first QUICK point with the k-th allocation request
# failing (and every one after it), under AddressSanitizer and LeakSanitizer: every k up to 8, then
# doubling, and each variant's last request (a stated sample: some cases make thousands). Every time
# the case must fail with a message naming it, or pass where k lies beyond its requests: no crash, no
# hang, no sanitizer report, no leak.
source "$(dirname "$0")/lib.sh"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=halt_on_error=1
probed=0
for exe in "$BIN"/bm_*; do
  name=$(basename "$exe")
  timeout 120 "$exe" --idiom_fail_alloc=0 > "$scratch/clean" 2>&1 || { cat "$scratch/clean"; fail "$name fails with no failure injected"; }
  # variant path -> its allocation requests
  declare -A requests=()
  while read -r _ path _ count _; do requests[${path%:}]=$count; done < <(grep '^probe ' "$scratch/clean")
  (( ${#requests[@]} > 0 )) || continue   # Google Benchmark's own loop only: nothing to fail
  most=$(printf '%s\n' "${requests[@]}" | sort -n | tail -1)
  if (( most == 0 )); then unset requests; continue; fi   # no variant allocates through the counting allocator
  ks=()
  for (( k = 1; k <= most && k <= 8; k++ )); do ks+=("$k"); done
  for (( k = 16; k <= most; k *= 2 )); do ks+=("$k"); done
  for count in "${requests[@]}"; do (( count > 0 )) && ks+=("$count"); done
  mapfile -t ks < <(printf '%s\n' "${ks[@]}" | sort -nu)
  for k in "${ks[@]}"; do
    set +e
    timeout 120 "$exe" --idiom_fail_alloc="$k" > "$scratch/out" 2>&1
    status=$?
    set -e
    (( status == 0 )) || { tail -20 "$scratch/out"; fail "$name with allocation $k failing exited $status (a crash, a hang or a leak)"; }
    ! grep -qE "Sanitizer|runtime error" "$scratch/out" || { cat "$scratch/out"; fail "$name with allocation $k failing: a sanitizer report"; }
    for path in "${!requests[@]}"; do
      line=$(grep -F "probe $path: " "$scratch/out") || fail "$name with allocation $k failing says nothing of $path"
      if (( k <= requests[$path] )); then
        [[ $line == *": FAILED: "?* ]] || fail "$path went on with its allocation $k failing: $line"
      else
        [[ $line == *": ok, "* ]] || fail "$path failed with its $k-th allocation beyond its ${requests[$path]}: $line"
      fi
    done
    probed=$((probed + 1))
  done
  unset requests
  pass
done
(( probed > 0 )) || fail "no comparison was probed"
echo "probes: $probed"
finish
