#!/usr/bin/env bash
# scripts/locked.sh WHAT COMMAND...: COMMAND while holding the results folder's run lock, so that one
# `make bench`, `make report` or `make robustness` (or `make allocators`) at a time installs, builds and runs: a second one
# started meanwhile refuses at once, exits 2, says which run (WHAT, with its settings) holds the lock,
# and changes nothing. The scripts COMMAND runs see the lock held and do not take it again.
set -euo pipefail
source "$(dirname "$0")/common.sh"
what=${1:?usage: locked.sh WHAT COMMAND...}
shift
(( $# > 0 )) || die "usage: locked.sh WHAT COMMAND..."
settings=()
for setting in QUICK ONLY ALLOC RUN; do
  value=${!setting:-}
  [[ -z $value || ($setting == QUICK && $value == 0) || ($setting == ALLOC && $value == glibc) ]] \
    || settings+=("$setting=$value")   # the defaults go without saying
done
lock_results "${RESULTS:-$root/results}" "$what${settings[*]:+ ${settings[*]}}"
exec "$@"
