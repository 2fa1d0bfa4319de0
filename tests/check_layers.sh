#!/usr/bin/env bash
# tests/check_layers.sh ROOT: the include graph of the C sources under ROOT against the layers the
# project is built in. Layer 1 is core/ (with the headers CMake generates from it), 2 structures/, 3
# benches/harness/, 4 the comparisons and what they share (comparisons/, the rest of benches/); tools/
# stands on core/ alone. A file may include its own
# layer and the layers below it, never one above, and nothing outside tools/ includes tools/. Among
# the modules (a .c and its .h), no include may close a circle. Prints each violation and exits 1 if
# there is one; 0 otherwise. Tests are outside the layers.
set -euo pipefail
root=${1:?usage: check_layers.sh ROOT}
cd "$root"

# layer_of PATH: the layer a source file belongs to ("tools" for the tools' own), or nothing.
layer_of() {
  case $1 in
    core/*) echo 1 ;;
    structures/*) echo 2 ;;
    benches/harness/*) echo 3 ;;
    benches/* | comparisons/*) echo 4 ;;
    tools/*) echo tools ;;
  esac
}

mapfile -t files < <(find core structures benches comparisons tools -type f \( -name '*.c' -o -name '*.cc' -o -name '*.h' -o -name '*.h.in' \) | sort)
declare -A header_path
for f in "${files[@]}"; do
  name=$(basename "$f" .in)
  [[ $name == *.h ]] && header_path[$name]=$f
done

status=0
edges=$(mktemp)
trap 'rm -f "$edges"' EXIT
for f in "${files[@]}"; do
  from_layer=$(layer_of "$f")
  from_module=${f%.in}
  from_module=${from_module%.*}
  while read -r included; do
    to=${header_path[$included]:-}
    [[ -n $to ]] || continue # a system or library header
    to_layer=$(layer_of "$to")
    to_module=${to%.in}
    to_module=${to_module%.*}
    if [[ $to_layer == tools && $from_layer != tools ]]; then
      echo "$f includes $included, a tool's header, from outside tools/"
      status=1
    elif [[ $from_layer == tools && $to_layer != tools && $to_layer != 1 ]]; then
      echo "$f includes $included (layer $to_layer): a tool stands on core/ alone"
      status=1
    elif [[ $from_layer != tools && $to_layer != tools ]] && (( to_layer > from_layer )); then
      echo "$f (layer $from_layer) includes $included (layer $to_layer): an include up a layer"
      status=1
    fi
    [[ $to_module != "$from_module" ]] && echo "$from_module $to_module" >> "$edges"
  done < <(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f")
done

# tsort names the modules of every circle on stderr ("tsort: ...: input contains a loop:" then them).
if ! tsort "$edges" > /dev/null 2> "$edges.loops"; then
  echo "the includes close a circle through: $(grep -v 'input contains a loop' "$edges.loops" | sed 's/^tsort: //' | tr '\n' ' ')"
  status=1
fi
rm -f "$edges.loops"
exit $status
