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

# end to end: a synthetic Conan 2 lockfile of 5,000 pinned packages through `cvet deps`
python3 - "$tmp/lock" <<'PY'
import json, os, random, sys
random.seed(5000)
names = {"openssl": ["1.0.2u", "1.1.1k", "1.1.1n", "3.0.6", "3.0.7", "3.1.4"], "libcurl": ["7.88.1", "8.3.0", "8.4.0", "8.9.1"],
         "zlib": ["1.2.11", "1.2.13", "1.3.1"], "expat": ["2.4.1", "2.5.0", "2.6.2"], "libpng": ["1.6.37", "1.6.43"],
         "libxml2": ["2.9.10", "2.11.5", "2.12.6"], "sqlite3": ["3.39.4", "3.45.0"], "libtiff": ["4.3.0", "4.6.0"],
         "freetype": ["2.12.1", "2.13.2"], "mbedtls": ["2.28.0", "3.5.1"], "libwebp": ["1.3.0", "1.3.2"],
         "giflib": ["5.2.1"], "lz4": ["1.9.3"], "zstd": ["1.5.2", "1.5.5"], "libjpeg-turbo": ["2.1.4", "3.0.1"],
         "fmt": ["10.1.1"], "boost": ["1.83.0"], "nlohmann_json": ["3.11.2"], "gtest": ["1.14.0"]}
reqs, seen = [], set()
while len(reqs) < 5000:
    n = random.choice(sorted(names))
    base = random.choice(names[n]).split(".")
    # a version near a real one, so ranges are exercised; unknown names (other-N) are looked up too
    v = ".".join(base[:-1] + [str(random.randint(0, 40))]) if random.random() < 0.7 else random.choice(names[n])
    if random.random() < 0.2:
        n = "other-%d" % random.randint(0, 100000)
    if (n, v) in seen:
        continue
    seen.add((n, v))
    reqs.append("%s/%s#%032x%%1700000000.0" % (n, v, random.getrandbits(128)))
os.makedirs(sys.argv[1], exist_ok=True)
json.dump({"version": "0.5", "requires": reqs, "build_requires": [], "python_requires": []},
          open(os.path.join(sys.argv[1], "conan.lock"), "w"), indent=4)
PY
start=$(date +%s.%N)
"$cvet" deps --db "$tmp/advisories.db" --quiet --format json -o "$tmp/deps.json" --fail-on none "$tmp/lock"
end=$(date +%s.%N)
python3 - "$tmp/deps.json" "$start" "$end" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print("cvet deps on a 5,000-package conan.lock: %d packages, %d findings, %.2f s end to end"
      % (len(r["dependencies"]), len(r["findings"]), float(sys.argv[3]) - float(sys.argv[2])))
PY
