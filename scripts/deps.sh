#!/usr/bin/env bash
# scripts/deps.sh [compare|alloc NAME]: make sure the Debian packages idiombench needs are installed. As root,
# installs what is missing; as anyone else, prints the exact apt-get line and exits 2.
set -euo pipefail

if [[ ${1:-} == compare ]]; then
  packages=(libbenchmark-tools python3 python3-scipy)   # Google Benchmark's compare.py and its U test
elif [[ ${1:-} == alloc ]]; then
  source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
  packages=("$(allocator_package "${2:-}")")            # make bench ALLOC=, make allocators
  [[ -n ${packages[0]} ]] || exit 0                     # glibc's own: nothing to install
else
  packages=(make cmake pkg-config gcc g++ git libbenchmark-dev uthash-dev libcjson-dev libcmocka-dev valgrind gnuplot-nox
            fonts-dejavu-core
            r-mathlib                                                            # Student's t quantile (core/verdict.c)
            python3 python3-numpy python3-line-profiler python3-memory-profiler  # the CPython side (python/)
            clang libclang-rt-14-dev                                             # libFuzzer (tests/fuzz/), make robustness
            chromium chromium-driver python3-selenium)                           # the site's browser test
  # What the comparisons link beyond these: one Debian package per line of a comparison's own
  # comparisons/<name>/bm_<name>.packages, or of a benches/<module>/<module>.packages (a module
  # several comparisons share).
  here=$(dirname "${BASH_SOURCE[0]}")
  for list in "$here"/../comparisons/*/bm_*.packages "$here"/../benches/*/*.packages; do
    [[ -e $list ]] || continue
    while read -r package _; do
      [[ -n $package && $package != \#* ]] && packages+=("$package")
    done < "$list"
  done
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
(( ${#missing[@]} == 0 )) && exit 0

if (( $(id -u) != 0 )); then
  echo "idiombench: these Debian packages are missing: ${missing[*]}" >&2
  echo "Install them as root, then run the command again:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 2
fi
echo "idiombench: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
