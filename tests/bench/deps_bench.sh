#!/bin/sh
# deps_bench.sh - print advisory database numbers: build time from advisories/, import rate, matching time
# for a synthetic 5,000-package lockfile. Not a timed test: it only prints.
# usage: tests/bench/deps_bench.sh [BUILD_DIR]   (default: ./build; needs the cvet and match_bench targets built)
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
cvet=$build/cvet
bench=$build/tests/match_bench
[ -x "$cvet" ] || { echo "deps_bench: $cvet not found (build first)" >&2; exit 2; }
[ -x "$bench" ] || { echo "deps_bench: $bench not found (cmake --build $build --target match_bench)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

files=$(find "$here/advisories/osv" -name '*.json' ! -name '_*' | wc -l)
start=$(date +%s.%N)
"$cvet" db import --db "$tmp/advisories.db" "$here/advisories/osv" "$here/advisories/name-map.json" >"$tmp/import.txt"
end=$(date +%s.%N)
records=$(sed -n 's/^imported \([0-9]*\) records.*/\1/p' "$tmp/import.txt")
awk -v s="$start" -v e="$end" -v r="$records" -v f="$files" 'BEGIN {
  t = e - s; printf "database build: %d files, %d records in %.2f s (%.0f records/s)\n", f, r, t, (t > 0 ? r / t : 0) }'
printf 'database size: %s bytes\n' "$(wc -c <"$tmp/advisories.db" | tr -d ' ')"
"$cvet" db status --db "$tmp/advisories.db" | sed 's/^/  /'
"$bench" "$tmp/advisories.db" 5000
