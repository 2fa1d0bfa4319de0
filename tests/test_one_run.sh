#!/usr/bin/env bash
# tests/test_one_run.sh: one run at a time, and honest failures of the disk. A second run in the same
# results folder while one is running (its build included) refuses at once (exit 2), naming the
# first, and the first finishes with one consistent set of files; a results folder that cannot be written, read-only or full, ends the run
# with a clear message and leaves the previous results exactly as they were.
source "$(dirname "$0")/lib.sh"
export RESULTS=$scratch/results PLOTS=$scratch/plots

# Two runs at once: the first holds the lock, the second refuses; the first's files are whole.
ONLY=harness_overhead SEED=1 "$root/scripts/bench.sh" > "$scratch/first.log" 2>&1 &
first=$!
for _ in $(seq 100); do [[ -d $RESULTS && -n $(ls -d "$RESULTS"/.staging.* 2>/dev/null) ]] && break; sleep 0.1; done
set +e
ONLY=harness_overhead SEED=2 "$root/scripts/bench.sh" > /dev/null 2> "$scratch/second.log"
status=$?
set -e
(( status == 2 )) || { cat "$scratch/second.log"; fail "a second concurrent run exited $status, not 2"; }
grep -q "another run is using" "$scratch/second.log" || fail "the second run did not say why it refused"
wait "$first" || { cat "$scratch/first.log"; fail "the first run failed"; }
[[ $(json_get "$RESULTS/environment.json" seed) == 1 ]] || fail "results/ holds another run's environment"
[[ $(json_get "$RESULTS/harness_overhead.environment.json" seed) == 1 ]] || fail "results/ mixes two runs"
pass
# The same for make report and make allocators against a running bench: refused, not mixed.
ONLY=harness_overhead "$root/scripts/bench.sh" > /dev/null 2>&1 &
first=$!
for _ in $(seq 100); do [[ -n $(ls -d "$RESULTS"/.staging.* 2>/dev/null) ]] && break; sleep 0.1; done
set +e
"$root/scripts/report.sh" > /dev/null 2> "$scratch/report.log"
status=$?
set -e
wait "$first" || fail "the run beside a refused report failed"
(( status == 2 )) && grep -q "another run is using" "$scratch/report.log" || fail "make report during a run exited $status"
pass

# The lock covers the build: make bench, make report and make allocators take it (scripts/locked.sh)
# before they install and build. While one holds it, the others refuse at once, naming it.
for target in bench report allocators; do
  grep -A1 "^$target:" "$root/Makefile" | grep -q 'scripts/locked.sh "make '"$target"'"' \
    || fail "make $target does not take the run lock before it builds"
done
QUICK=1 ONLY=harness_overhead "$root/scripts/locked.sh" "make bench" sleep 5 &
holder=$!
for _ in $(seq 50); do grep -q 'make bench' "$RESULTS/.lock" 2>/dev/null && break; sleep 0.1; done
for what in "make bench" "make report" "make allocators"; do
  status=0
  "$root/scripts/locked.sh" "$what" true > /dev/null 2> "$scratch/locked.log" || status=$?
  (( status == 2 )) || fail "$what beside a held lock exited $status, not 2"
  grep -q "another run is using .*: make bench QUICK=1 ONLY=harness_overhead (pid $holder, since " "$scratch/locked.log" \
    || { cat "$scratch/locked.log"; fail "$what did not name the run holding the lock"; }
done
status=0
"$root/scripts/bench.sh" > /dev/null 2> "$scratch/locked.log" || status=$?
(( status == 2 )) || fail "bench.sh beside a held lock exited $status"
kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null || true
"$root/scripts/locked.sh" "make report" true || fail "the lock was not released when its holder ended"
pass

# A results folder that cannot be written: a read-only and a full tmpfs (root may mount here; where
# it may not, say so and stop, for a green test must not pretend).
disk=$scratch/disk
mkdir -p "$disk"
if ! mount -t tmpfs -o size=64M tmpfs "$disk" 2>/dev/null; then
  echo "note: cannot mount a tmpfs here: the read-only and full-disk checks did not run"
  finish
  exit 0
fi
trap 'umount "$disk" 2>/dev/null; rm -rf "$scratch"' EXIT
export RESULTS=$disk/results PLOTS=$disk/plots
ONLY=harness_overhead "$root/scripts/bench.sh" > /dev/null 2>&1 || fail "a run on the tmpfs failed"
before=$(fingerprint)
mount -o remount,ro "$disk"
set +e
ONLY=harness_overhead "$root/scripts/bench.sh" > /dev/null 2> "$scratch/ro.log"
status=$?
set -e
mount -o remount,rw "$disk"
(( status != 0 )) || fail "a run into a read-only results/ succeeded"
grep -q "cannot write into\|cannot open .*lock" "$scratch/ro.log" || { cat "$scratch/ro.log"; fail "the read-only run did not say why"; }
[[ $(fingerprint) == "$before" ]] || fail "a run into a read-only results/ changed it"
pass
# Full: a file beside results/ takes all but a few KiB of the filesystem.
avail_kb=$(df -k --output=avail "$disk" | tail -1)
dd if=/dev/zero of="$disk/filler" bs=1k count=$(( avail_kb - 8 )) status=none 2>/dev/null || true
before=$(fingerprint)
set +e
ONLY=harness_overhead "$root/scripts/bench.sh" > /dev/null 2> "$scratch/full.log"
status=$?
set -e
(( status != 0 )) || fail "a run onto a full disk succeeded"
grep -q "full disk\|No space left" "$scratch/full.log" || { tail -5 "$scratch/full.log"; fail "the full-disk run did not say why"; }
[[ $(fingerprint) == "$before" ]] || fail "a run onto a full disk changed results/"
[[ -z $(ls -d "$RESULTS"/.staging.* 2>/dev/null) ]] || fail "a failed run left its staging folder"
pass
finish
