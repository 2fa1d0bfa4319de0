#!/usr/bin/env bash
# tests/test_io_faults.sh: in every comparison built on the loopback server (those whose facts say
# they download), a download that comes back short or corrupt fails the run and names the variant.
source "$(dirname "$0")/lib.sh"
found=0
for exe in "$BIN"/bm_*; do
  "$exe" --idiom_names 2>/dev/null | grep -q '_io$' || continue   # the I/O comparisons' names end in _io
  found=1
  for fault in short corrupt; do
    if IDIOM_TEST_SERVER_FAULT=$fault "$exe" --idiom_quick --idiom_out="$scratch" --benchmark_min_time=0.001 \
         > "$scratch/log" 2>&1; then
      fail "$(basename "$exe") passed with a $fault download"
    fi
    grep -Eq "FAILED [a-z_]+/[a-z_0-9]+/[0-9]+: download [0-9]+ of [0-9]+ came back" "$scratch/log" \
      || { cat "$scratch/log"; fail "$(basename "$exe") did not name the variant of a $fault download"; }
    pass
  done
done
(( found )) || fail "no I/O comparison found in $BIN"
finish
