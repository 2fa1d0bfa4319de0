#!/usr/bin/env bash
# tests/test_site.sh: the static site of two QUICK runs, from a checkout whose path has spaces, an
# apostrophe and a non-ASCII letter, read in Debian's headless Chromium from file:// by
# tests/site_browser.py: every page loads without a console error, every image and link resolves,
# every claim has its card with the CSV's figures and a cite line, the counts are summary.csv's, the
# forest plot has a line per claim, and a card's line of dependent loads names both sides' figures.
# The history shows both runs, and the archived run keeps a site of its own whose links resolve from
# its folder. Screenshots are left in the results.
source "$(dirname "$0")/lib.sh"
checkout=$(long_checkout)
export RESULTS=$checkout/results PLOTS=$checkout/plots ONLY=string_build,miss_handling,array_doubling,memory_latency
for run in 1 2; do
  "$checkout/scripts/bench.sh" > "$scratch/log" 2>&1 || { cat "$scratch/log"; fail "QUICK run $run failed"; }
done
[[ -f $RESULTS/site/index.html ]] || fail "make bench wrote no site"
pass
(( $(grep -o '<th>[0-9]\{8\}T[0-9]\{6\}Z[^<]*</th>' "$RESULTS/site/history.html" | sort -u | wc -l) >= 2 )) \
  || fail "the history page does not show two runs"
pass
/usr/bin/python3 "$root/tests/site_browser.py" "$RESULTS/site" "$RESULTS/summary.csv" "$RESULTS" > "$scratch/browser.log" 2>&1 \
  || { cat "$scratch/browser.log"; fail "the browser found faults in the site"; }
[[ -s $RESULTS/site_index.png && -s $RESULTS/site_card.png ]] || fail "no screenshots"
pass
# A memory-bound claim's card says both sides' time in dependent loads, each named; a claim whose side
# was never swept (it has no working set) says none, rather than half a sentence.
loads=$(grep -ho "<li>time per item in dependent random loads[^<]*\(<[^l][^<]*\)*</li>" "$RESULTS"/site/claims/*.html || true)
[[ -n $loads ]] || fail "no card of array_doubling says its claims' time in dependent loads (memory_latency calibrates them)"
bad=$(grep -v -E "working set: [0-9][^ ]* for <code>[^<]+</code>, [0-9][^ ]* for <code>[^<]+</code></li>$" <<< "$loads" || true)
[[ -z $bad ]] || fail "a card's dependent loads line lacks a side: $bad"
! grep -q "dependent random loads" "$RESULTS/site/claims/aa_control.html" \
  || fail "the A/A control's card, whose twin was never swept, has a line of dependent loads"
pass
# The archived run's own site: its charts are in it, and the browser finds every link resolving there.
archived=$(ls -d "$RESULTS"/runs/*/ | tail -1)
[[ -f $archived/site/index.html && -f $archived/site/charts/string_build.png ]] || fail "the archive $archived has no site with its charts"
/usr/bin/python3 "$root/tests/site_browser.py" "$archived/site" "$archived/summary.csv" "$scratch" > "$scratch/browser.log" 2>&1 \
  || { cat "$scratch/browser.log"; fail "the archived run's site has faults"; }
pass
finish
