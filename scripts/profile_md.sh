#!/usr/bin/env bash
# scripts/profile_md.sh DIR ROOT CASE SETUP: profile.md from what scripts/profile.sh left in DIR:
# the top functions (inclusive and exclusive instructions), the top lines of the project's own
# source files, the heap's peak and the allocation sites holding it. Prints to stdout.
set -euo pipefail
dir=$1 root=$2 case_name=$3 setup=$4
top=15

total=$(awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1; exit }' "$dir/functions_inclusive.txt")
peak=$(awk -F= '$1 == "mem_heap_B" && $2 > p { p = $2 } END { print p + 0 }' "$dir/massif.out")
cat <<MD
# Profile of \`$case_name\`

Counted by valgrind's callgrind over $( (( setup )) && echo "setup, the checked run and one timed iteration" \
  || echo "one timed iteration (setup not counted; SETUP=1 counts it)"): **$total instructions**. The build is the
instruction-count build (x86-64-v3), the case set up as in a run. Raw data: \`callgrind.out\`
(open it with \`callgrind_annotate\` or KCachegrind) and \`massif.out\` (\`ms_print\`).

## Functions (as cProfile): inclusive instructions, callees included

| instructions | share | function |
|---:|---:|---|
MD
# function_table FILE: the top rows of callgrind_annotate's function table in FILE ("count [(share)]
# file:function [object]"), as Markdown rows; the table ends at its first blank line.
function_table() {
  awk -v top="$top" -v root="$root/" -v total="$total" '
    /^Ir +file:function/ { on = 1; getline; next }
    on && /^$/ { exit }
    on && /\[.*\]$/ {
      count = $1; c = count; gsub(",", "", c)
      # "file:function" is all between the count (and its share) and " [object]": paths may hold spaces.
      fn = $0; sub(/^ *[0-9,]+ +(\([^)]*\) +)?/, "", fn); sub(/ +\[[^]]*\]$/, "", fn)
      if (index(fn, root) == 1) fn = substr(fn, length(root) + 1)
      printf "| %s | %.1f%% | `%s` |\n", count, 100 * c / total, fn
      if (++n == top) exit
    }' "$1"
}
function_table "$dir/functions_inclusive.txt"
cat <<MD

## Functions: exclusive instructions, in the function itself

| instructions | share | function |
|---:|---:|---|
MD
function_table "$dir/annotated.txt"
cat <<MD

## Lines (as line_profiler): the project's own source lines that ran the most instructions

| instructions | share | file:line | source |
|---:|---:|---|---|
MD
# Annotated sources: "-- line N ---" starts a chunk at line N; each source line is "count text" or
# ". text"; a "count => callee" line is a call's cost, not a source line.
awk -v root="$root/" -v total="$total" '
  /^-- Auto-annotated source: / {
    file = $0; sub(/^-- Auto-annotated source: /, "", file)   # the whole rest: paths may hold spaces
    mine = index(file, root) == 1 || file !~ /^\//
    if (index(file, root) == 1) file = substr(file, length(root) + 1)
    line = 0; next
  }
  /^-- line [0-9]+ / { line = $3 - 1; next }
  /^-- / || / events annotated$/ { next }
  mine && /^ *[0-9,]+ +=> / { next }
  mine && /^ *([0-9,]+|\.) / {
    line++
    count = $1
    if (count == ".") next
    text = $0; sub(/^ *[0-9,]+ +/, "", text); gsub(/\|/, "\\|", text); gsub(/`/, "", text)
    c = count; gsub(",", "", c)
    printf "%s\t| %s | %.1f%% | `%s:%d` | `%s` |\n", c, count, 100 * c / total, file, line, text
  }' "$dir/annotated.txt" | sort -t "$(printf '\t')" -k1,1 -g -r | head -n "$top" | cut -f2-
cat <<MD

## Memory over time (as mprof plot)

The heap of the whole process (setup included) as massif sampled it, against instructions executed:
peak **$peak bytes** of heap in use. Chart: \`memory.svg\` / \`memory.png\`; data: \`memory.csv\`.

![heap over time](memory.png)

## Allocation sites at the peak (as tracemalloc)

Who held the heap at massif's peak snapshot: each site is the first caller of the project's counting
allocator (or of malloc directly), with the function that called it.

| bytes | share of peak | allocation site | called from |
|---:|---:|---|---|
MD
awk -v peak="$peak" '
  /^heap_tree=peak/ { on = 1; next }
  on && /^snapshot=/ { exit }
  on {
    match($0, /^ */); depth = RLENGTH
    text = $0; sub(/^ *n[0-9]+: /, "", text)
    bytes = text; sub(/ .*/, "", bytes)
    where = text; sub(/^[0-9]+ (0x[0-9A-F]+: )?/, "", where)
    if (depth == 1) { if (site != "") print_site(); site = where; site_bytes = bytes; caller = ""; next }
    if (depth == 2 && caller == "") caller = where
  }
  function print_site() { printf "| %s | %.1f%% | `%s` | `%s` |\n", site_bytes, peak ? 100 * site_bytes / peak : 0, site, caller }
  END { if (site != "") print_site() }' "$dir/massif.out" | head -n "$top"
