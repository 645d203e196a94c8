#!/usr/bin/env bash
# tests/fuzz/run.sh SECONDS [TARGET...] - build the libFuzzer targets (clang-19, into build-fuzz/) and run each
# for SECONDS on a copy of its seeds (tests/fuzz/targets.txt) with its dictionary; print a table of executions,
# exec/s, coverage and result. Exits 1 when any target crashed, leaked, timed out or ran out of memory; the
# input that did it is kept under build-fuzz/findings/<target>/ and named in the table.
# Environment: CC (default clang-19), FUZZ_BUILD_DIR (default build-fuzz), FUZZ_JOBS (build jobs, default
# nproc), FUZZ_ARGS (extra libFuzzer flags), FUZZ_FRESH=1 (drop the corpus grown by earlier runs).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

if [ $# -lt 1 ] || ! [[ $1 =~ ^[0-9]+$ ]] || [ "$1" -lt 1 ]; then
	echo "usage: tests/fuzz/run.sh SECONDS [TARGET...]" >&2
	exit 2
fi
seconds=$1
shift

declare -A dicts seeds
all=()
while read -r name dict rest; do
	case $name in ''|\#*) continue ;; esac
	all+=("$name")
	dicts[$name]=$dict
	seeds[$name]=$rest
done < tests/fuzz/targets.txt

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
for t in "${targets[@]}"; do
	if [ -z "${dicts[$t]+x}" ]; then
		echo "run.sh: unknown target '$t' (see tests/fuzz/targets.txt)" >&2
		exit 2
	fi
done

build=${FUZZ_BUILD_DIR:-build-fuzz}
export CC=${CC:-clang-19}
mkdir -p "$build"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCVET_FUZZ=ON >"$build/configure.log" 2>&1 ||
	{ cat "$build/configure.log" >&2; exit 2; }
bins=()
for t in "${targets[@]}"; do bins+=("fuzz_$t"); done
cmake --build "$build" -j"${FUZZ_JOBS:-$(nproc)}" --target "${bins[@]}" >"$build/build.log" 2>&1 ||
	{ tail -50 "$build/build.log" >&2; exit 2; }

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
export LSAN_OPTIONS=suppressions=$root/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# the targets' scratch files (path-based readers) go to a folder removed at the end, on tmpfs when there is one
scratch=$(mktemp -d /dev/shm/cvet-fuzz-run.XXXXXX 2>/dev/null || mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export TMPDIR=$scratch

failed=0
rows=()
for t in "${targets[@]}"; do
	work=$build/fuzz-work/$t
	findings=$build/findings/$t
	# the corpus grows across runs (FUZZ_FRESH=1 starts from the seeds again); findings are per run
	[ -z "${FUZZ_FRESH:-}" ] || rm -rf "$work"
	rm -rf "$findings"
	mkdir -p "$work/corpus" "$findings"
	# the seeds, copied so libFuzzer may add to the corpus without touching the tree
	for s in ${seeds[$t]}; do
		if [ -d "$s" ]; then
			find "$s" -type f -print0 | while IFS= read -r -d '' f; do
				cp "$f" "$work/corpus/$(printf '%s' "$f" | tr '/' '_')"
			done
		elif [ -f "$s" ]; then
			cp "$s" "$work/corpus/$(printf '%s' "$s" | tr '/' '_')"
		fi
	done
	if [ -d "testdata/fuzz-regressions/$t" ]; then
		cp testdata/fuzz-regressions/"$t"/* "$work/corpus/" 2>/dev/null || true
	fi
	dict_arg=()
	[ "${dicts[$t]}" = "-" ] || dict_arg=(-dict="tests/fuzz/dict/${dicts[$t]}")
	log=$work/fuzz.log
	set +e
	# shellcheck disable=SC2086
	"$build/tests/fuzz_$t" "$work/corpus" "${dict_arg[@]}" -max_total_time="$seconds" -print_final_stats=1 \
		-timeout=10 -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$findings/" ${FUZZ_ARGS:-} >"$log" 2>&1
	rc=$?
	set -e
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
	cov=$(grep -oE '(#[0-9]+|DONE) .*cov: [0-9]+' "$log" | tail -1 | grep -oE 'cov: [0-9]+' | grep -oE '[0-9]+' || true)
	artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
	if [ $rc -eq 0 ] && [ -z "$artifact" ]; then
		result=ok
	else
		failed=1
		result="FAILED rc=$rc ${artifact:-see $log}"
	fi
	rows+=("$(printf '%-22s %14s %9s %7s  %s' "$t" "${execs:-?}" "${speed:-?}" "${cov:-?}" "$result")")
	printf '%s\n' "${rows[-1]}"
done

printf '\n%-22s %14s %9s %7s  %s\n' target executions exec/s cov result
printf '%s\n' "${rows[@]}"
if [ $failed -ne 0 ]; then
	echo "run.sh: a target failed; its log is under $build/fuzz-work/<target>/fuzz.log; add the input to" \
		"testdata/fuzz-regressions/<target>/ once fixed" >&2
	exit 1
fi
