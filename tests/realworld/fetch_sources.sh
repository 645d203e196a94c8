#!/usr/bin/env bash
# fetch_sources.sh - download Debian source packages (zlib, curl, ...) into a work folder, deriving a deb-src
# entry from the machine's own apt sources so no mirror host is written anywhere in this repository.
# usage: tests/realworld/fetch_sources.sh WORKDIR PACKAGE...
set -euo pipefail
work=${1:?usage: fetch_sources.sh WORKDIR PACKAGE...}; shift
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"

if ! apt-get source --print-uris -qq "${1:-zlib}" >/dev/null 2>&1; then
	src=/etc/apt/sources.list.d/cvet-deb-src.sources
	tmp=$(mktemp)
	found=0
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		# every deb822 stanza of Types: deb becomes a deb-src stanza
		sed -n '/^Types:/{s/^Types:.*/Types: deb-src/};p' "$f" >>"$tmp" && found=1
		echo >>"$tmp"
	done
	if [ -f /etc/apt/sources.list ]; then
		grep -E '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' >"${tmp}.list" || true
		[ -s "${tmp}.list" ] && $SUDO cp "${tmp}.list" /etc/apt/sources.list.d/cvet-deb-src.list && found=1
	fi
	[ "$found" = 1 ] || { echo "fetch_sources: no apt sources to derive deb-src from" >&2; exit 2; }
	[ -s "$tmp" ] && $SUDO cp "$tmp" "$src"
	rm -f "$tmp" "${tmp}.list"
	$SUDO apt-get update -qq
fi
command -v dpkg-source >/dev/null || $SUDO apt-get install -y -qq dpkg-dev >/dev/null

mkdir -p "$work"
cd "$work"
for pkg in "$@"; do
	if ls -d "$pkg"-*/ >/dev/null 2>&1; then
		continue
	fi
	# a security update can vanish from the mirror before the index notices: fall back to the release's own version
	codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
	apt-get source -qq "$pkg" >/dev/null 2>&1 ||
		{ [ -n "$codename" ] && apt-get source -qq "$pkg/$codename" >/dev/null 2>&1; } ||
		apt-get source "$pkg"
done
ls -d */
