# scripts/common.sh: what the pipeline scripts share; sourced, not run.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../idiom.conf
source "$root/idiom.conf"
bin=${BIN:-$root/build/release/bin}          # the pipeline's tools
bench_bin=${BENCH_BIN:-$bin}                 # the bm_<comparison> executables
count_bin=${COUNT_BIN:-$root/build/count/bin} # the same, built for callgrind (scripts/count.sh)

# gather_claims OUT: every comparison's claims (comparisons/<name>/claims.tsv, all in one format) as one
# table in OUT, the header once, comparison by comparison; written beside OUT and moved into place, so
# that runs sharing a checkout never read half a file. Fails naming a file whose header differs.
gather_claims() {
  local out=$1 first
  first=$(ls "$root"/comparisons/*/claims.tsv | head -1)
  awk -F'\t' 'FNR == 1 { if (NR == 1) { header = $0; print; next }
                          if ($0 != header) { print FILENAME ": its header differs from " first > "/dev/stderr"; exit 1 }
                          next }
               { print }' first="$first" "$root"/comparisons/*/claims.tsv > "$out.$$" && mv -f "$out.$$" "$out"
}
# The claims the ledger judges: CLAIMS, or every comparison's, gathered into the build folder.
if [[ -n ${CLAIMS:-} ]]; then
  claims=$CLAIMS
else
  claims=$root/build/claims.tsv
  mkdir -p "$root/build"
  gather_claims "$claims" || { echo "idiombench: the comparisons' claims cannot be gathered (above)" >&2; exit 1; }
fi

die() { echo "idiombench: $*" >&2; exit 1; }

# chart_script ROOT NAME FACTS: the chart script NAME is drawn with: its own (ROOT/comparisons/NAME/),
# or one several comparisons share (facts "chart", in ROOT/charts/), or ROOT/charts/default.gp.
chart_script() {
  local chart f
  chart=$(json_get "$3" chart "$2")
  for f in "$1/comparisons/$2/$chart.gp" "$1/charts/$chart.gp" "$1/charts/default.gp"; do
    [[ -f $f ]] && { echo "$f"; return 0; }
  done
  return 1
}

# gp_string TEXT: TEXT as a gnuplot single-quoted string (an apostrophe doubled), so that a value
# passed with -e (a file's path above all: long, with spaces, quotes or non-ASCII) reaches a chart
# script whole. Chart scripts use such a variable as it is and never splice it into a command.
gp_string() { printf "'%s'" "${1//\'/\'\'}"; }

# machine_label ENVIRONMENT: a chart's corner label for the run that ENVIRONMENT (its environment.json)
# describes: its CPU, cores and date.
machine_label() {
  echo "$(json_get "$1" cpu_model 'unknown CPU'), $(json_get "$1" cores '?') cores · $(json_get "$1" date_utc 'date unknown' | cut -c1-10)"
}
# chart_defaults: every variable charts/style.gp reads, empty, as one gnuplot -e. A chart drawn for no
# one comparison (the robustness chart, the forest plot, a profile's) passes it before the variables it has.
chart_defaults="variants=''; xs=''; pairs=''; memory=''; memory_variant=''; cpython=''; cpython_idioms=''; claim_xs=''"
chart_defaults+="; paired=''; article=''; article_n=0; l1d_bytes=0; l2_bytes=0; l3_bytes=0"

# gnuplot_checked ARGS...: gnuplot ARGS, failing (status 1) on a warning as on an error, since a
# warning means something was not drawn (a file it cannot open, a file with no valid points): a chart
# never silently loses a line. gnuplot's messages are passed on to stderr.
gnuplot_checked() {
  local messages status=0
  messages=$(gnuplot "$@" 2>&1 >/dev/null) || status=$?
  [[ -z $messages ]] || echo "$messages" >&2
  (( status == 0 )) || return 1
  if grep -qi 'warning' <<< "$messages"; then
    echo "idiombench: gnuplot warned (above): a line of the chart would be missing" >&2
    return 1
  fi
}

# The comparisons this build has: one bm_<name> executable each.
built_comparisons() {
  local exe
  for exe in "$bench_bin"/bm_*; do [[ -x $exe ]] && basename "$exe" | sed 's/^bm_//'; done
}

# selected_comparisons: the comparisons ONLY= names (a,b), each checked to be one this build has, or
# every one it has; one per line, or the message naming the valid names and status 2 for an unknown
# one (status 1 with no bm_* executables at all). make bench and make robustness both choose with it.
selected_comparisons() {
  local available wanted name
  mapfile -t available < <(built_comparisons)
  (( ${#available[@]} > 0 )) || die "no bm_* executables in $bench_bin: build first"
  [[ -n ${ONLY:-} ]] || { printf '%s\n' "${available[@]}"; return 0; }
  IFS=',' read -r -a wanted <<< "$ONLY"
  for name in "${wanted[@]}"; do
    [[ " ${available[*]} " == *" $name "* ]] || {
      echo "idiombench: unknown comparison '$name' in ONLY. Valid names: $(IFS=,; echo "${available[*]}")" >&2
      return 2; }
    echo "$name"
  done
}

# json_get FILE KEY [FALLBACK]: a value of one of the suite's JSON files (ARRAY or ARRAY.KEY: one
# per line), read by the same parser the tools use.
json_get() { "$bin/idiom_env" get "$@"; }

# csv_awk FILE PROGRAM [awk options]: awk over a CSV whose program names columns as $(c["name"]);
# the header line sets c and is skipped. Columns are found by name, never by position.
csv_awk() {
  local file=$1 program=$2
  shift 2
  awk -F, "$@" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } '"$program" "$file"
}

# article_points CLAIMS NAME: the article's own figures that comparison NAME's claims give in their
# column article_points, as CSV on stdout (claim_id,metric,x,label,value), for its chart to draw. In
# the claims a figure is `label=number unit[/count]`, figures separated by `;`: the unit a time (s, ms,
# us, ns: written in ns) or a size (B, KiB, MiB, GiB: written in bytes), and /count what the figure is
# a total of (100 lookups), so that the value is per item as the claim's metric is. The article's
# figures are said only in the claims; this is their one reader. A figure it cannot read fails
# (status 1), naming its claim.
article_points() {
  awk -F'\t' -v name="$2" '
    BEGIN { scale["s"] = 1e9; scale["ms"] = 1e6; scale["us"] = 1e3; scale["ns"] = 1
            scale["B"] = 1; scale["KiB"] = 1024; scale["MiB"] = 1048576; scale["GiB"] = 1073741824
            print "claim_id,metric,x,label,value" }
    NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $(c["comparison"]) != name || c["article_points"] == 0 || $(c["article_points"]) == "" { next }
    { n = split($(c["article_points"]), figures, ";")
      for (k = 1; k <= n; k++) {
        f = figures[k]; gsub(/^ +| +$/, "", f)
        if (!match(f, /^[^=,]+=[0-9.eE+-]+ [A-Za-z]+(\/[0-9]+)?$/)) bad(f)
        label = substr(f, 1, index(f, "=") - 1); rest = substr(f, index(f, "=") + 1)
        split(rest, parts, / |\//); count = (parts[3] == "" ? 1 : parts[3])
        if (!(parts[2] in scale) || count + 0 <= 0) bad(f)
        printf "%s,%s,%s,%s,%.9g\n", $(c["claim_id"]), $(c["metric"]), $(c["x"]), label, parts[1] * scale[parts[2]] / count
      } }
    function bad(f) { printf "idiombench: claim %s: article figure \"%s\" is not label=number unit[/count] (units: s ms us ns B KiB MiB GiB)\n", $(c["claim_id"]), f > "/dev/stderr"; failed = 1; exit 1 }
    END { exit failed }' "$1"
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

# stage_begin RESULTS PLOTS: a staging folder ($stage) holding a copy of the current results, with
# a trap that removes it; nothing in RESULTS or PLOTS changes until stage_commit. A folder that
# cannot be written (read-only, or a full disk) ends the run here, or wherever a later write fails,
# with a message saying that the previous results stand.
stage_begin() {
  mkdir -p "$1" "$2" 2>/dev/null && [[ -w $1 && -w $2 ]] && touch "$1/.write_test" 2>/dev/null && rm -f "$1/.write_test" \
    || die "cannot write into $1 or $2 (read-only, or a full disk?); nothing was run, and they are as they were"
  stage=$(fresh_scratch_dir "$1" .staging) || die "cannot make a staging folder in $1 (a full disk?); nothing changed"
  trap 'rm -rf "$stage"' EXIT
  trap 'echo "idiombench: interrupted; results/ and plots/ are as they were" >&2; exit 130' INT TERM
  trap 'echo "idiombench: a step failed (see above: a full disk?); results/ and plots/ are as they were" >&2' ERR
  mkdir -p "$stage/results" "$stage/plots"
  find "$1" -maxdepth 1 -type f ! -name README.md ! -name '.*' -exec cp -p {} "$stage/results/" \; \
    || die "cannot copy $1 into its staging folder (a full disk?); results/ and plots/ are as they were"
}

# lock_results DIR [WHAT]: one run at a time per results folder. Holds an exclusive flock on
# DIR/.lock for the rest of this process (its children inherit it, and do not take it again), and
# writes into that file what holds it (WHAT, its pid and start); another run already holding it makes
# this one refuse at once, exit 2, having changed nothing, and say which run that is. `make bench`,
# `make report` and `make robustness` take it before they build (scripts/locked.sh).
lock_results() {
  mkdir -p "$1" 2>/dev/null || die "cannot make $1"
  local dir what=${2:-$(basename "$0")} holder
  dir=$(cd "$1" && pwd)
  [[ ":${IDIOM_LOCKS_HELD:-}:" == *":$dir:"* ]] && return 0
  exec {results_lock}>>"$dir/.lock" || die "cannot open $dir/.lock (read-only?); nothing was run"
  if ! flock -n "$results_lock"; then
    holder=$(head -c 300 "$dir/.lock" 2>/dev/null | head -1)
    echo "idiombench: another run is using $dir: ${holder:-a run that did not say what it is}." \
         "Wait for it to finish, then run again. Nothing was changed." >&2
    exit 2
  fi
  # The flock belongs to the open file, not its contents: rewriting them keeps the lock.
  printf '%s (pid %d, since %s)\n' "$what" "$$" "$(date -u '+%Y-%m-%d %H:%M:%S UTC')" > "$dir/.lock" 2>/dev/null || true
  export IDIOM_LOCKS_HELD="${IDIOM_LOCKS_HELD:-}:$dir"
}

# stage_commit RESULTS PLOTS: everything succeeded: move the staged files into place, one rename
# each. The staged results are the whole new state: a file the run removed from them (such as a
# comparison's CPython figures in a CPYTHON=0 run) goes from RESULTS too.
stage_commit() {
  local f
  for f in "$1"/*; do
    [[ -f $f && $(basename "$f") != README.md && ! -e $stage/results/$(basename "$f") ]] && rm -f "$f"
  done
  for f in "$stage/results"/*; do
    [[ -d $f && -d $1/$(basename "$f") ]] && rm -rf "${1:?}/$(basename "$f")"   # a folder (the site) is replaced whole
    [[ -e $f ]] && mv -f "$f" "$1/"
  done
  for f in "$stage/plots"/*; do [[ -e $f ]] && mv -f "$f" "$2/"; done
  return 0
}

# The run ids archived under a runs folder, oldest first (ids are UTC timestamps, so names sort by time).
list_runs() {
  local dir
  for dir in "$1"/*/; do [[ -f $dir/environment.json ]] && basename "$dir"; done
}

# What a run measured, per comparison: <comparison>.<suffix> for each of these. A run archives them,
# and `make report RUN=` puts an archived run's back in place of the current ones.
measured_suffixes=(csv reps.csv json environment.json facts.json rounds.csv pairs.csv instr.csv
                   cpython.csv cpython_rounds.csv cpython.json)
# A run's own files beside them: the fingerprint, the plan and the phases' times (measured), the ledgers (derived).
run_measured_files=(environment.json plan.tsv phases.tsv)
run_derived_files=(summary.csv python.csv)
# An archived run whose derived steps failed holds this file, naming the step that failed.
incomplete_marker=INCOMPLETE

# archive_run FROM TO NAME...: copy into TO what FROM holds of the run: each NAME's measured files and
# the run's own files (those that exist).
archive_run() {
  local from=$1 to=$2 name suffix file
  shift 2
  mkdir -p "$to"
  for name in "$@"; do
    for suffix in "${measured_suffixes[@]}"; do
      [[ -f $from/$name.$suffix ]] && cp -p "$from/$name.$suffix" "$to/"
    done
  done
  for file in "${run_measured_files[@]}" "${run_derived_files[@]}"; do
    [[ -f $from/$file ]] && cp -p "$from/$file" "$to/"
  done
  # The site, with its copy of the charts: an archived run can be cited on its own.
  [[ -d $from/site ]] && cp -rp "$from/site" "$to/"
  return 0
}

# The comparisons an archived run measured (each has its facts).
archived_comparisons() {
  local facts
  for facts in "$1"/*.facts.json; do [[ -f $facts ]] && basename "$facts" .facts.json; done
}

# publish RESULTS PLOTS RUNS: everything derived from the measurements in RESULTS: the claims summary,
# the charts into PLOTS, REPORT.md and the site (RESULTS/site/, its history from the archive RUNS). Measures nothing. On failure, returns
# 1 with publish_failed naming the step (the summary, the charts, the report or the site).
publish() {
  local results=$1 plots=$2 runs=$3
  publish_failed=''
  "$bin/idiom_summary" --results "$results" --claims "$claims" || { publish_failed="the summary"; return 1; }
  "$root/scripts/plots.sh" "$results" "$plots" || { publish_failed="the charts"; return 1; }
  "$bin/idiom_report" --results "$results" --claims "$claims" --plots-link ../plots || { publish_failed="the report"; return 1; }
  "$root/scripts/site.sh" "$results" "$plots" "$runs" || { publish_failed="the site"; return 1; }
}

# run_flags OUT: the --idiom_ flags every bench process of a run gets, one per line: where its
# files go, the seed its inputs are drawn from, and QUICK.
run_flags() {
  echo "--idiom_out=$1"
  echo "--idiom_seed=${SEED:-$IDIOM_DEFAULT_SEED}"
  if (( ${QUICK:-0} )); then echo --idiom_quick; fi
}

# The CPython side's interpreter: PYTHON if set (only it), else Debian's /usr/bin/python3, else the
# python3 first on PATH; the first that imports NumPy and the profilers. Prints its fingerprint line
# into the variable cpython_fingerprint and its path on stdout; with none, says why (naming the
# Debian packages) and returns 2.
cpython_interpreter() {
  local candidates=() candidate
  if [[ -n ${PYTHON:-} ]]; then candidates=("$PYTHON")
  else candidates=(/usr/bin/python3 "$(command -v python3 || true)")
  fi
  for candidate in "${candidates[@]}"; do
    [[ -n $candidate ]] || continue
    if "$candidate" "$root/python/cpython_side.py" --fingerprint >/dev/null 2>&1; then
      echo "$candidate"
      return 0
    fi
  done
  # None would do: let the first say why (cpython_side.py names the missing Debian package).
  "${candidates[0]}" "$root/python/cpython_side.py" --fingerprint >/dev/null \
    || echo "idiombench: no interpreter among ${candidates[*]} has what the CPython side needs" >&2
  return 2
}

# The allocators ALLOC= may name: glibc's own malloc, or another one from a Debian package, preloaded.
allocators=(glibc jemalloc mimalloc)
# allocator_package NAME: the Debian package of an allocator ('' for glibc's own).
allocator_package() {
  case $1 in
    jemalloc) echo libjemalloc2 ;;
    mimalloc) echo libmimalloc2.0 ;;
    *) echo "" ;;
  esac
}
# allocator_preload NAME: the shared object to LD_PRELOAD for NAME ('' for glibc's own), as its
# installed package lists it.
allocator_preload() {
  local package
  package=$(allocator_package "$1")
  [[ -n $package ]] || return 0
  dpkg -L "$package" 2>/dev/null | grep -E '/lib[^/]*\.so\.[0-9]+$' | head -1
}
# allocator_check NAME PRELOAD EXE: that EXE run with PRELOAD calls NAME's malloc, by the object
# its malloc resolves to. Prints how the run's allocator is described in environment.json; says
# which object answered instead, and returns 1, if the preload did not take.
allocator_check() {
  local name=$1 preload=$2 exe=$3 resolved expected version
  resolved=$(LD_PRELOAD=$preload "$exe" --idiom_allocator | head -1) || return 1
  if [[ -z $preload ]]; then   # nothing preloaded: glibc's, or a sanitizer build's own interposer
    [[ $resolved == */libc.so* || $resolved == */libc-* ]] && { echo "glibc's malloc ($resolved)"; return 0; }
    echo "the build's own malloc ($resolved: a sanitizer's interposer), nothing preloaded"
    return 0
  else
    expected=$(realpath "$preload")
    if [[ $resolved == "$expected" ]]; then
      version=$(dpkg-query -W -f='${Version}' "$(allocator_package "$name")" 2>/dev/null || echo unknown)
      echo "$name $version (LD_PRELOAD=$preload; malloc resolves to $resolved)"
      return 0
    fi
  fi
  echo "idiombench: ALLOC=$name: malloc resolves to $resolved, not $expected: the allocator did not take effect" >&2
  return 1
}
