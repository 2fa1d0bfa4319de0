#!/usr/bin/env bash
# tests/test_instr.sh: the instruction-count witness and `make profile`, on a build of their own
# (the sanitizer build cannot run under valgrind): two counts of the same claims are identical,
# summary.csv carries instr_ratio for every timing claim counted, the variants that work in child
# processes say why they have none, and make profile writes its files and refuses bad names.
source "$(dirname "$0")/lib.sh"
build=$scratch/build
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DIDIOM_MARCH=x86-64-v3 >/dev/null
cmake --build "$build" -j2 --target bm_membership bm_timing_methods bm_tiny_tasks -- --no-print-directory >/dev/null \
  || fail "the count build failed"
export COUNT_BIN=$build/bin RESULTS=$scratch/results PLOTS=$scratch/plots
INSTR=1 ONLY=membership,timing_methods,tiny_tasks "$root/scripts/bench.sh" > "$scratch/log" 2>&1 \
  || { cat "$scratch/log"; fail "a run with INSTR=1 failed"; }
summary=$RESULTS/summary.csv
csv_awk "$summary" '($(c["metric"]) == "ns_per_item" || $(c["metric"]) == "crossover") && $(c["instr_ratio"]) == "" &&
                    $(c["note"]) !~ /works in child processes|skips a crossover.s largest x/ { print; bad = 1 } END { exit bad }' \
  || fail "a timing claim has neither an instruction ratio nor a reason"
pass
[[ $(row_field "$summary" claim_id timing_methods instr_ratio) == 1 ]] \
  || fail "the two clocks run the same user-space instructions, so their ratio must be 1"
pass
row_field "$summary" comparison tiny_tasks note | grep -Eq "process_pool_4(_with)? works in child processes" \
  || fail "a pool of processes is not counted, and the ledger must say so"
pass
grep -q "Instructions per item, counted by callgrind" "$RESULTS/REPORT.md" || fail "the report does not state the witness"
# Where time and instructions part by more than 2x, the claim's own counters say which side stalls.
parted=$(csv_awk "$summary" '$(c["instr_ratio"]) != "" && $(c["ratio"]) > 0 { g = $(c["ratio"]) / $(c["instr_ratio"]); if (g > 2 || g < 0.5) n++ }
                            END { print n + 0 }')
(( parted == 0 )) || grep -q "so it is the side that stalls" "$RESULTS/REPORT.md" \
  || fail "$parted claim(s) part time from instructions, and the report does not say which side stalls"
! grep -q "usually memory" "$RESULTS/REPORT.md" || fail "the report still gives the one generic cause"
pass
# Each counted case names its profile's top function and that function's share of its instructions.
csv_awk "$RESULTS/membership.instr.csv" '!($(c["top_share"]) > 0 && $(c["top_share"]) <= 1 && $(c["top_function"]) != "") { print; bad = 1 }
                                        END { exit bad }' || fail "a counted case has no top function or no share in (0, 1]"
pass
# Deterministic: the same build counts the same instructions again.
cp "$RESULTS/membership.instr.csv" "$scratch/first.csv"
"$root/scripts/count.sh" "$RESULTS" "$RESULTS/plan.tsv" membership 2>/dev/null || fail "a second count failed"
cmp -s "$scratch/first.csv" "$RESULTS/membership.instr.csv" || fail "two counts of the same build differ"
pass

# make profile: its files, and uthash's lookup among the top functions.
ONLY=membership VARIANT=uthash_set X=4096 "$root/scripts/profile.sh" > "$scratch/profile.log" 2>&1 \
  || { cat "$scratch/profile.log"; fail "profile failed"; }
out=$RESULTS/profile/membership/uthash_set/4096
for f in profile.md memory.svg memory.png callgrind.out massif.out memory.csv; do
  [[ -s $out/$f ]] || fail "profile wrote no $f"
done
grep -q 'uthash_set_contains' "$out/profile.md" || fail "profile.md does not name uthash's lookup"
grep -q 'structures/uthash_set.c:[0-9]' "$out/profile.md" || fail "profile.md has no per-line counts"
grep -q 'uthash_set_build' "$out/profile.md" || fail "profile.md does not name the allocation site"
pass
expect_refusal() { # expect_refusal PATTERN ENV...: exit 2, naming the valid choices, nothing written
  local before status=0
  before=$(find "$RESULTS/profile" -type f | sort | xargs sha256sum)
  env "${@:2}" "$root/scripts/profile.sh" > "$scratch/refused.log" 2>&1 || status=$?
  (( status == 2 )) || fail "profile with ${*:2} exited $status, not 2"
  grep -q "$1" "$scratch/refused.log" || fail "profile with ${*:2} did not say '$1'"
  [[ $before == $(find "$RESULTS/profile" -type f | sort | xargs sha256sum) ]] || fail "a refused profile changed files"
  pass
}
expect_refusal "Valid variants: .*uthash_set" ONLY=membership VARIANT=nope X=4096
expect_refusal "Valid: .*1000000" ONLY=membership VARIANT=uthash_set X=7
expect_refusal "Valid names: .*membership" ONLY=nope VARIANT=x X=1
finish
