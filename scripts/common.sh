# scripts/common.sh: what the pipeline scripts share; sourced, not run.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=${BIN:-$root/build/release/bin}

die() { echo "idiombench: $*" >&2; exit 1; }

# The comparisons this build has: one bm_<name> executable each.
built_comparisons() {
  local exe
  for exe in "$bin"/bm_*; do [[ -x $exe ]] && basename "$exe" | sed 's/^bm_//'; done
}

# A string field of our own environment.json (one key per line), or the second argument.
env_field() {
  local value
  value=$(sed -n "s/^  \"$2\": \"\\(.*\\)\",\\{0,1\\}\$/\\1/p" "$1" 2>/dev/null | head -n 1)
  echo "${value:-$3}"
}

# A scratch folder in parent named <prefix>.<our pid>, after removing any such folder whose run is
# gone (a run killed with SIGKILL cannot clean up after itself). Prints the new folder's path.
fresh_scratch_dir() {
  local parent=$1 prefix=$2 old pid
  for old in "$parent/$prefix".*; do
    [[ -d $old ]] || continue
    pid=${old##*.}
    [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || rm -rf "$old"
  done
  mkdir "$parent/$prefix.$$" && echo "$parent/$prefix.$$"
}

# The run ids archived under a runs folder, oldest first (ids are UTC timestamps, so names sort by time).
list_runs() {
  local dir
  for dir in "$1"/*/; do [[ -f $dir/environment.json ]] && basename "$dir"; done
}
