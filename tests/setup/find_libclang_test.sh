#!/bin/sh
# find_libclang_test.sh - the libclang discovery order of analyzer/cmake/find_libclang.cmake, on fake LLVM trees:
# an older llvm-config first on PATH never wins over a newer /usr/lib/llvm-N, LIBCLANG_ROOT always wins,
# a prefix without headers is skipped, and nothing usable gives the one-line message naming the package.
# Usage: find_libclang_test.sh SOURCE_DIR
set -eu
SRC=$1
MOD="$SRC/analyzer/cmake/find_libclang.cmake"
CMAKE=${CMAKE_COMMAND:-$(command -v cmake)}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0

# fake_prefix DIR VERSION [noheader]: a tree shaped like Debian's /usr/lib/llvm-N
fake_prefix() {
	mkdir -p "$1/lib/clang/$2/include"
	: >"$1/lib/clang/$2/include/stddef.h"
	: >"$1/lib/libclang.so"
	if [ "${3:-}" != noheader ]; then
		mkdir -p "$1/include/clang-c"
		: >"$1/include/clang-c/Index.h"
	fi
}

# fake_config BINDIR NAME VERSION PREFIX: an llvm-config that answers --version and --prefix
fake_config() {
	mkdir -p "$1"
	printf '#!/bin/sh\ncase "$1" in --version) echo %s;; --prefix) echo %s;; esac\n' "$3" "$4" >"$1/$2"
	chmod +x "$1/$2"
}

# find ROOTS [extra cmake args...]: prints the module's report (PATH holds only the fakes, so what the
# machine itself has installed cannot change the outcome)
find() {
	roots=$1
	shift
	"$CMAKE" -DCVET_FIND_LIBCLANG_REPORT=ON "-DCVET_LLVM_SEARCH_ROOTS=$roots" "$@" -P "$MOD" 2>&1
}

expect() { # NAME WANT GOT
	if printf '%s\n' "$3" | grep -qF -- "$2"; then
		echo "ok   $1"
	else
		echo "FAIL $1: wanted '$2' in:"
		printf '%s\n' "$3" | sed 's/^/    /'
		fails=$((fails + 1))
	fi
}

# an LLVM 14 with its llvm-config first on PATH, and an LLVM 19 in the versioned place
fake_prefix "$T/old/llvm-14" 14
fake_prefix "$T/usr-lib/llvm-19" 19
fake_config "$T/bin" llvm-config 14.0.6 "$T/old/llvm-14"
out=$(PATH="$T/bin" find "$T/usr-lib")
expect "older llvm-config first on PATH does not win" "found=$T/usr-lib/llvm-19" "$out"
expect "resource dir from the same prefix" "resource=$T/usr-lib/llvm-19/lib/clang/19" "$out"

# the newest usable versioned prefix wins; one without Index.h is skipped; one below 17 never counts
fake_prefix "$T/many/llvm-17" 17
fake_prefix "$T/many/llvm-18" 18
fake_prefix "$T/many/llvm-21" 21 noheader
fake_prefix "$T/many/llvm-16" 16
out=$(PATH="$T/bin" find "$T/many")
expect "newest usable versioned prefix" "found=$T/many/llvm-18" "$out"

# only an old llvm-config and nothing else: no LLVM at all, and the message says what to install
out=$(PATH="$T/bin" find "$T/nothing")
expect "old llvm-config alone is refused" "error=libclang >= 17 not found: install libclang-19-dev" "$out"

# llvm-config-18 (no versioned prefix in the search roots) is taken, the unsuffixed 14 is not
fake_prefix "$T/opt/llvm18" 18
fake_config "$T/bin" llvm-config-18 18.1.8 "$T/opt/llvm18"
out=$(PATH="$T/bin" find "$T/nothing")
expect "llvm-config-18 when no prefix fits" "found=$T/opt/llvm18" "$out"
expect "llvm-config reported as the way" "how=llvm-config" "$out"

# LIBCLANG_ROOT wins over everything, and a wrong one is an error, not a silent fallback
out=$(PATH="$T/bin" find "$T/usr-lib" "-DLIBCLANG_ROOT=$T/many/llvm-17")
expect "LIBCLANG_ROOT wins" "found=$T/many/llvm-17" "$out"
out=$(PATH="$T/bin" find "$T/usr-lib" "-DLIBCLANG_ROOT=$T/many/llvm-21")
expect "LIBCLANG_ROOT without headers is an error" "error=LIBCLANG_ROOT=$T/many/llvm-21 holds no" "$out"

# an unversioned prefix (Fedora's /usr, Homebrew's opt/llvm) counts by its lib/clang/N
fake_prefix "$T/fedora/usr" 19
mkdir -p "$T/nobin"
out=$(PATH="$T/nobin" find "$T/fedora/usr")
expect "unversioned prefix by lib/clang/N" "found=$T/fedora/usr" "$out"

[ "$fails" -eq 0 ] || { echo "$fails failures"; exit 1; }
