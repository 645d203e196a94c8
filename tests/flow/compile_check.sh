#!/bin/sh
# tests/flow/compile_check.sh - every program of the flow corpus must compile cleanly.
#
# usage: tests/flow/compile_check.sh [CORPUS_DIR]   (default: testdata/flow next to this script)
# Each .c file (a single-file case, or each file of a cross-file case directory) is checked with
# "$CC -fsyntax-only -Wall -Werror" (CC defaults to clang-19, else clang), each .cpp file with $CXX
# (clang++-19, else clang++). Exits 1 if any fails.
# It also checks the corpus conventions: exactly one "// flaw" per flawed case, none in fixed ones,
# and every flawed case has its fixed twin.
set -u
here=$(cd "$(dirname "$0")" && pwd)
corpus=${1:-"$here/../../testdata/flow"}
if [ -z "${CC:-}" ]; then
	if command -v clang-19 >/dev/null 2>&1; then CC=clang-19; else CC=clang; fi
fi
if [ -z "${CXX:-}" ]; then
	if command -v clang++-19 >/dev/null 2>&1; then CXX=clang++-19; else CXX=clang++; fi
fi
[ -d "$corpus" ] || { echo "compile_check: no corpus at $corpus" >&2; exit 2; }

files=0
failed=0
for f in $(find "$corpus" -name '*.c' -o -name '*.cpp' | LC_ALL=C sort); do
	files=$((files + 1))
	extra=""
	cc=$CC
	case "$f" in
	*.cpp) cc=$CXX ;;
	esac
	case "$f" in
	*/uninitialized-read/*) extra="-Wno-uninitialized -Wno-sometimes-uninitialized" ;; # the flaw the family is about
	esac
	# shellcheck disable=SC2086
	if ! out=$("$cc" -fsyntax-only -Wall -Werror $extra "$f" 2>&1); then
		failed=$((failed + 1))
		echo "FAIL $f"
		printf '%s\n' "$out" | sed 's/^/    /'
	fi
done

bad_conv=0
for fam in "$corpus"/*/; do
	for case in "$fam"*_bad "$fam"*_bad.c "$fam"*_bad.cpp; do
		[ -e "$case" ] || continue
		n=$(cat $(if [ -d "$case" ]; then find "$case" -type f; else echo "$case"; fi) | grep -c '// flaw')
		if [ "$n" -ne 1 ]; then
			echo "CONVENTION $case: $n '// flaw' markers (want exactly 1)"
			bad_conv=$((bad_conv + 1))
		fi
		twin=$(printf '%s' "$case" | sed 's/_bad\(\.c\|\.cpp\)\{0,1\}$/_good\1/')
		if [ ! -e "$twin" ]; then
			echo "CONVENTION $case: no fixed twin $twin"
			bad_conv=$((bad_conv + 1))
		fi
	done
	for case in "$fam"*_good "$fam"*_good.c "$fam"*_good.cpp; do
		[ -e "$case" ] || continue
		if cat $(if [ -d "$case" ]; then find "$case" -type f; else echo "$case"; fi) | grep -q '// flaw'; then
			echo "CONVENTION $case: a fixed case must not hold '// flaw'"
			bad_conv=$((bad_conv + 1))
		fi
	done
done

echo "compile_check: $files files, $failed failed to compile, $bad_conv convention problems ($CC)"
[ "$failed" -eq 0 ] && [ "$bad_conv" -eq 0 ]
