#!/bin/sh
# install_test.sh - `cmake --install` under any prefix gives a cvet that finds its own advisory database
# (PREFIX/share/cvet/advisories.db, beside the binary) and its rule docs, from any working directory.
# usage: install_test.sh BUILD_DIR
set -eu
BUILD=$1
CMAKE=${CMAKE_COMMAND:-cmake}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$CMAKE" --install "$BUILD" --prefix "$T/prefix" >/dev/null
cd "$T"
out=$(env -u CVET_DB -u XDG_DATA_HOME HOME="$T/home" "$T/prefix/bin/cvet" db status)
case "$out" in
*"database: $T/prefix/share/cvet/advisories.db"*) echo "ok   installed database found beside the binary" ;;
*) echo "FAIL installed cvet did not use its own database:"; echo "$out"; exit 1 ;;
esac
env -u CVET_DB HOME="$T/home" "$T/prefix/bin/cvet" rules explain command-injection | grep -q '^# ' ||
	{ echo "FAIL installed cvet has no rule docs"; exit 1; }
echo "ok   rule docs built in"
