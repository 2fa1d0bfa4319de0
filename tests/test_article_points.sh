#!/usr/bin/env bash
# tests/test_article_points.sh: the article's figures, which the claims alone give (column
# article_points) and the charts draw, are read into the claim's units (ns per item, bytes), every
# comparison's claims parse, and a figure that cannot be read fails naming its claim.
source "$(dirname "$0")/lib.sh"

# Every comparison's figures parse.
for folder in "$root"/comparisons/*/; do
  article_points "$claims" "$(basename "$folder")" > "$scratch/points.csv" \
    || fail "the article figures of $(basename "$folder")'s claims do not parse"
  pass
done

# Units and totals: seconds for 100 items, MiB, and a figure of nothing.
{ printf 'claim_id\tcomparison\tmetric\tx\tarticle_points\n'
  printf 'a\tz\tns_per_item\t1000\tlist=0.5 s/100; set=2 us\n'
  printf 'b\tz\tpeak_bytes\t1000\tgrown=1.5 MiB; none=0 KiB\n'
  printf 'c\tother\tpeak_bytes\t1000\tx=1 B\n'
  printf 'd\tz\tpeak_bytes\t1000\t\n'
} > "$scratch/claims.tsv"
article_points "$scratch/claims.tsv" z > "$scratch/points.csv" || fail "good figures were refused"
[[ $(wc -l < "$scratch/points.csv") == 5 ]] || fail "expected a header and 4 figures of comparison z: $(cat "$scratch/points.csv")"
pass
[[ $(row_field "$scratch/points.csv" label list value) == 5000000 ]] || fail "0.5 s/100 is not 5e6 ns per item"
[[ $(row_field "$scratch/points.csv" label set value) == 2000 ]] || fail "2 us is not 2000 ns"
[[ $(row_field "$scratch/points.csv" label grown value) == 1572864 ]] || fail "1.5 MiB is not 1572864 bytes"
[[ $(row_field "$scratch/points.csv" label none value) == 0 ]] || fail "0 KiB is not 0 bytes"
[[ $(row_field "$scratch/points.csv" label grown x) == 1000 ]] || fail "a figure lost its claim's x"
pass

# A unit it does not know, a missing unit, a count of zero: refused, naming the claim.
for bad in 'a=3 furlongs' 'a=3' 'a=3 s/0' 'a 3 s'; do
  printf 'claim_id\tcomparison\tmetric\tx\tarticle_points\nbad.one\tz\tns_per_item\t1\t%s\n' "$bad" > "$scratch/bad.tsv"
  if article_points "$scratch/bad.tsv" z > /dev/null 2> "$scratch/err"; then fail "'$bad' was accepted"; fi
  grep -q 'claim bad.one' "$scratch/err" || fail "the error for '$bad' does not name its claim: $(cat "$scratch/err")"
  pass
done
finish
