/* test_deps_parsers.c - unit tests of the manifest parsers on the real samples (used as they are) and hostile variants */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "deps/lockfile.h"
#include "test.h"

#ifndef CVET_TESTDATA
#define CVET_TESTDATA "testdata"
#endif

#define SAMPLE(rel) CVET_TESTDATA "/deps/real/" rel

typedef enum { K_CONAN_LOCK, K_CONANFILE, K_VCPKG, K_VCPKG_CONF, K_CPM, K_WRAP, K_BAZEL, K_BAZEL_LOCK, K_SBOM } kind;

static cvet_lf_list L;
static int last_err;

/* Parse `path` with the parser for `k` into L (cleared first). Returns the parser's result. */
static int load(kind k, const char *path)
{
	char *buf = NULL;
	size_t len = 0;
	cvet_lockfile__list_clear(&L);
	int err = cvet_lockfile__read_file(path, path, CVET_LF_MAX_FILE, &buf, &len);
	if (err < 0) {
		fprintf(stderr, "cannot read %s: %s\n", path, cvet_error_last());
		return last_err = err;
	}
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	switch (k) {
	case K_CONAN_LOCK: err = cvet_lockfile__conan_lock(base, buf, len, &L); break;
	case K_CONANFILE: err = cvet_lockfile__conanfile_txt(base, buf, len, &L); break;
	case K_VCPKG: err = cvet_lockfile__vcpkg_json(path, NULL, base, buf, len, &L); break;
	case K_VCPKG_CONF: err = cvet_lockfile__vcpkg_configuration(base, buf, len, &L); break;
	case K_CPM: err = cvet_lockfile__cpm_lock(base, buf, len, &L); break;
	case K_WRAP: err = cvet_lockfile__meson_wrap(base, base, buf, len, &L); break;
	case K_BAZEL: err = cvet_lockfile__bazel_module(base, buf, len, &L); break;
	case K_BAZEL_LOCK: err = cvet_lockfile__bazel_lock(base, buf, len, &L); break;
	case K_SBOM: err = cvet_lockfile__sbom(base, buf, len, &L); break;
	}
	if (err < 0 && err != CVET_ENOTFOUND)
		fprintf(stderr, "  (%s: %s)\n", base, cvet_error_last());
	free(buf);
	return last_err = err;
}

/* Parse text given in memory. */
static int load_text(kind k, const char *text, size_t len)
{
	cvet_lockfile__list_clear(&L);
	int err = 0;
	switch (k) {
	case K_CONAN_LOCK: err = cvet_lockfile__conan_lock("conan.lock", text, len, &L); break;
	case K_CONANFILE: err = cvet_lockfile__conanfile_txt("conanfile.txt", text, len, &L); break;
	case K_VCPKG: err = cvet_lockfile__vcpkg_json(NULL, NULL, "vcpkg.json", text, len, &L); break;
	case K_VCPKG_CONF: err = cvet_lockfile__vcpkg_configuration("vcpkg-configuration.json", text, len, &L); break;
	case K_CPM: err = cvet_lockfile__cpm_lock("package-lock.cmake", text, len, &L); break;
	case K_WRAP: err = cvet_lockfile__meson_wrap("x.wrap", "x.wrap", text, len, &L); break;
	case K_BAZEL: err = cvet_lockfile__bazel_module("MODULE.bazel", text, len, &L); break;
	case K_BAZEL_LOCK: err = cvet_lockfile__bazel_lock("MODULE.bazel.lock", text, len, &L); break;
	case K_SBOM: err = cvet_lockfile__sbom("bom.json", text, len, &L); break;
	}
	return last_err = err;
}

/* The first package named `name` (and `version` when not NULL). */
static const cvet_lf_pkg *find(const char *name, const char *version)
{
	for (size_t i = 0; i < L.n; i++)
		if (strcmp(L.items[i].name, name) == 0 &&
		    (!version || (L.items[i].version && strcmp(L.items[i].version, version) == 0)))
			return &L.items[i];
	return NULL;
}

static size_t count(const char *name)
{
	size_t n = 0;
	for (size_t i = 0; i < L.n; i++)
		n += strcmp(L.items[i].name, name) == 0;
	return n;
}

static int has_note(const char *needle)
{
	for (size_t i = 0; i < L.nnotes; i++)
		if (strstr(L.notes[i], needle))
			return 1;
	return 0;
}

/* ---- Conan ---- */

static void test_deps__conan_ref_forms(void)
{
	cvet_lf_conan_ref r;
	T_ASSERT_INT(0, cvet_lockfile__conan_ref_parse("OpenSSL/1.1.1c@conan/stable#0:b781af#0", &r));
	T_ASSERT_STR("OpenSSL", r.name);
	T_ASSERT_STR("1.1.1c", r.version);
	T_ASSERT_STR("conan", r.user);
	T_ASSERT_STR("stable", r.channel);
	T_ASSERT_STR("0", r.rrev);
	cvet_lockfile__conan_ref_clear(&r);
	T_ASSERT_INT(0, cvet_lockfile__conan_ref_parse("zlib/1.3.1#f52e03ae3d251dec704634230cd806a2%1712584843.618", &r));
	T_ASSERT_STR("zlib", r.name);
	T_ASSERT_STR("1.3.1", r.version);
	T_ASSERT(r.user == NULL);
	T_ASSERT_STR("f52e03ae3d251dec704634230cd806a2", r.rrev);
	cvet_lockfile__conan_ref_clear(&r);
	T_ASSERT_INT(0, cvet_lockfile__conan_ref_parse("openssl/[>=1.1 <4]", &r));
	T_ASSERT_INT(1, r.is_range);
	cvet_lockfile__conan_ref_clear(&r);
	T_ASSERT_INT(0, cvet_lockfile__conan_ref_parse("pkg/1.0@_/_", &r));
	T_ASSERT(r.user == NULL && r.channel == NULL);
	cvet_lockfile__conan_ref_clear(&r);
	T_ASSERT_INT(CVET_EPARSE, cvet_lockfile__conan_ref_parse("noslash", &r));
	T_ASSERT_INT(CVET_EPARSE, cvet_lockfile__conan_ref_parse("name/", &r));
	T_ASSERT_INT(CVET_EPARSE, cvet_lockfile__conan_ref_parse("/1.0", &r));
}

static void test_deps__conan_v1_babel_user_channel(void)
{
	T_ASSERT_INT(0, load(K_CONAN_LOCK, SAMPLE("conan-lock-v1/ArthurDassier__Babel_2019__conan.lock")));
	const cvet_lf_pkg *p = find("OpenSSL", "1.1.1c");
	T_ASSERT(p != NULL);
	T_ASSERT_INT(6, p->line);
	T_ASSERT(p->detail && strstr(p->detail, "conan/stable"));
	T_ASSERT_STR("pkg:conan/openssl@1.1.1c?channel=stable&user=conan", p->purl);
	T_ASSERT_INT(0, p->build_only);
	T_ASSERT(find("qt", "5.12.5") != NULL);
	T_ASSERT(find("libffi", "3.2.1") != NULL);
	T_ASSERT(find("portaudio", "v190600.20161030") != NULL);
	/* 25 nodes, one is the consumer (has "path") */
	T_ASSERT_INT(24, L.n);
}

static void test_deps__conan_v1_pref_v03(void)
{
	T_ASSERT_INT(0, load(K_CONAN_LOCK, SAMPLE("conan-lock-v1/Malibushko__yatgbotlib__conan.lock")));
	T_ASSERT_INT(6, L.n); /* node "0" is the consumer */
	T_ASSERT(find("tglib", NULL) == NULL);
	const cvet_lf_pkg *p = find("openssl", "1.1.1d");
	T_ASSERT(p != NULL);
	T_ASSERT_INT(28, p->line);
	T_ASSERT(find("zlib", "1.2.11") != NULL);
}

static void test_deps__conan_v1_ref_v04(void)
{
	T_ASSERT_INT(0, load(K_CONAN_LOCK, SAMPLE("conan-lock-v1/MarkusJx__CppJsLib__conan.lock")));
	T_ASSERT_INT(9, L.n);
	const cvet_lf_pkg *p = find("openssl", "1.1.1h");
	T_ASSERT(p != NULL);
	T_ASSERT_INT(0, p->build_only);
	T_ASSERT(find("boost", "1.74.0") != NULL);
	T_ASSERT_INT(16, find("nlohmann_json", "3.9.1")->line);
}

static void test_deps__conan_v1_build_requires_are_build_only(void)
{
	static const char text[] =
		"{\"graph_lock\": {\"nodes\": {\n"
		" \"0\": {\"path\": \"conanfile.txt\", \"requires\": [\"1\"], \"build_requires\": [\"2\"]},\n"
		" \"1\": {\"ref\": \"zlib/1.2.11\"},\n"
		" \"2\": {\"ref\": \"cmake/3.20.0\", \"requires\": [\"3\"]},\n"
		" \"3\": {\"ref\": \"openssl/1.1.1k\"}\n"
		"}}, \"version\": \"0.4\"}";
	T_ASSERT_INT(0, load_text(K_CONAN_LOCK, text, sizeof(text) - 1));
	T_ASSERT_INT(3, L.n);
	T_ASSERT_INT(0, find("zlib", NULL)->build_only);
	T_ASSERT_INT(1, find("cmake", NULL)->build_only);
	T_ASSERT_INT(1, find("openssl", NULL)->build_only);
	T_ASSERT_INT(3, find("zlib", NULL)->line);
	T_ASSERT_INT(5, find("openssl", NULL)->line);
}

static void test_deps__conan_v2_skybolt_no_revision(void)
{
	T_ASSERT_INT(0, load(K_CONAN_LOCK, SAMPLE("conan-lock-v2/Prograda__Skybolt__conan.lock")));
	const cvet_lf_pkg *p = find("openscenegraph-mr", "3.7.0");
	T_ASSERT(p != NULL);
	T_ASSERT_INT(16, p->line);
	T_ASSERT_STR("pkg:conan/openscenegraph-mr@3.7.0", p->purl);
	T_ASSERT(find("libjpeg", "9e") != NULL);
	T_ASSERT(find("opengl", "system") != NULL);
	p = find("libcurl", "8.10.1");
	T_ASSERT(p != NULL);
	T_ASSERT_INT(27, p->line);
	T_ASSERT_INT(0, p->build_only);
	p = find("cmake", "3.30.1");
	T_ASSERT(p != NULL);
	T_ASSERT_INT(1, p->build_only);
	T_ASSERT_INT(51, p->line);
	T_ASSERT_INT(2, count("meson"));
	T_ASSERT_INT(38 + 9, L.n);
}

static void test_deps__conan_v2_overrides_and_shared_refs(void)
{
	T_ASSERT_INT(0, load(K_CONAN_LOCK, SAMPLE("conan-lock-v2/NREL__OpenStudio__conan.lock")));
	const cvet_lf_pkg *p = find("boost", "1.79.0");
	T_ASSERT(p != NULL);
	T_ASSERT_INT(33, p->line);
	T_ASSERT(p->detail && strstr(p->detail, "overrides boost/1.83.0"));
	T_ASSERT(find("boost", "1.83.0") == NULL);
	/* zlib is both a host and a build requirement: one package, host */
	T_ASSERT_INT(0, load(K_CONAN_LOCK, SAMPLE("conan-lock-v2/AMWA-TV__nmos-sender-receiver-framework__conan.lock")));
	T_ASSERT_INT(1, count("zlib"));
	T_ASSERT_INT(0, find("zlib", NULL)->build_only);
	T_ASSERT_INT(4, find("zlib", NULL)->line);
	T_ASSERT_INT(3, count("pkgconf"));
	T_ASSERT_INT(1, find("pkgconf", "2.2.0")->build_only);
	T_ASSERT(find("nmos-cpp", "cci.20240223") != NULL);
	T_ASSERT_INT(0, load(K_CONAN_LOCK, SAMPLE("conan-lock-v2/OpenSees__OpenSees__conan.lock")));
	T_ASSERT_INT(12, L.n);
	T_ASSERT(find("hdf5", "1.14.6") != NULL);
}

static void test_deps__conanfile_txt_samples(void)
{
	T_ASSERT_INT(0, load(K_CONANFILE, SAMPLE("conanfile-txt/PlotJuggler__PlotJuggler__conanfile.txt")));
	T_ASSERT_INT(10, L.n);
	const cvet_lf_pkg *p = find("fmt", "11.2.0");
	T_ASSERT(p != NULL);
	T_ASSERT_INT(4, p->line);
	T_ASSERT_INT(0, p->build_only);
	p = find("cmake", "3.31.8");
	T_ASSERT(p != NULL);
	T_ASSERT_INT(32, p->line);
	T_ASSERT_INT(1, p->build_only);
	T_ASSERT(find("abseil", "20230802.1") != NULL);
	T_ASSERT_INT(0, load(K_CONANFILE, SAMPLE("conanfile-txt/Malibushko__yatgbotlib__conanfile.txt")));
	T_ASSERT_INT(6, L.n);
	T_ASSERT_INT(7, find("fmt", "7.0.2")->line);
	T_ASSERT_INT(0, load(K_CONANFILE, SAMPLE("conanfile-txt/MarkusJx__CppJsLib__conanfile.txt")));
	T_ASSERT_INT(4, L.n);
	T_ASSERT(find("websocketpp", "0.8.2") != NULL);
}

static void test_deps__conanfile_txt_ranges_comments(void)
{
	static const char text[] = "# top\n[requires]\nzlib/1.2.11@conan/stable # pinned\nopenssl/[>=1.1 <4]\n\n"
				   "[build_requires]\ncmake/3.20.0\n[options]\nzlib:shared=True\n";
	T_ASSERT_INT(0, load_text(K_CONANFILE, text, sizeof(text) - 1));
	T_ASSERT_INT(3, L.n);
	T_ASSERT_INT(3, find("zlib", "1.2.11")->line);
	T_ASSERT(find("openssl", NULL)->version == NULL);
	T_ASSERT(strstr(find("openssl", NULL)->detail, "range"));
	T_ASSERT_INT(1, find("cmake", "3.20.0")->build_only);
	static const char bad[] = "[requires]\nnot a reference\n";
	T_ASSERT_INT(CVET_EPARSE, load_text(K_CONANFILE, bad, sizeof(bad) - 1));
	T_ASSERT(strstr(cvet_error_last(), "line 2"));
}

/* ---- vcpkg ---- */

static void test_deps__vcpkg_duckdb_port_version(void)
{
	T_ASSERT_INT(0, load(K_VCPKG, SAMPLE("vcpkg-json/duckdb__duckdb-spatial__vcpkg.json")));
	const cvet_lf_pkg *p = find("gdal", NULL);
	T_ASSERT(p != NULL);
	T_ASSERT_STR("3.10.0#2", p->version);
	T_ASSERT_INT(21, p->line);
	T_ASSERT_STR("pkg:generic/gdal@3.10.0", p->purl);
	T_ASSERT_STR("9.5.1", find("proj", NULL)->version);
	/* no constraint, no override: unknown version */
	p = find("openssl", NULL);
	T_ASSERT(p != NULL);
	T_ASSERT(p->version == NULL);
	T_ASSERT_INT(4, p->line);
	/* gdal's features (curl, openssl objects) are not packages */
	T_ASSERT_INT(1, count("curl"));
	T_ASSERT_INT(1, count("openssl"));
	T_ASSERT_INT(8, L.n);
	T_ASSERT(has_note("builtin-baseline d7112d1a"));
	T_ASSERT(has_note("overlay"));
}

static void test_deps__vcpkg_overrides(void)
{
	T_ASSERT_INT(0, load(K_VCPKG, SAMPLE("vcpkg-json/Aleph-One-Marathon__alephone__vcpkg.json")));
	const cvet_lf_pkg *p = find("openal-soft", NULL);
	T_ASSERT(p != NULL);
	T_ASSERT_STR("1.23.1#2", p->version);
	T_ASSERT_INT(67, p->line);
	T_ASSERT_INT(1, count("openal-soft"));
	T_ASSERT(find("curl", NULL)->version == NULL);
	T_ASSERT_STR("platform windows", find("curl", NULL)->detail);
	T_ASSERT_INT(0, load(K_VCPKG, SAMPLE("vcpkg-json/0lini__bareos__vcpkg.json")));
	T_ASSERT_STR("2.4.2", find("cli11", NULL)->version);
	T_ASSERT_INT(34, find("cli11", NULL)->line);
	T_ASSERT_INT(19, L.n);
	T_ASSERT_INT(0, load(K_VCPKG, SAMPLE("vcpkg-json/AmusementClub__Aegisub__vcpkg.json")));
	p = find("fftw3", NULL);
	T_ASSERT(p != NULL && p->detail && strstr(p->detail, "optional feature 'fftw3'"));
	T_ASSERT_INT(2, count("skia"));
	T_ASSERT_INT(0, load(K_VCPKG, SAMPLE("vcpkg-json/PlotJuggler__PlotJuggler__vcpkg.json")));
	T_ASSERT_INT(8, L.n);
	T_ASSERT(find("arrow", NULL) != NULL);
}

static void test_deps__vcpkg_configuration_notes(void)
{
	T_ASSERT_INT(0, load(K_VCPKG_CONF, SAMPLE("vcpkg-configuration-json/Aleph-One-Marathon__alephone__vcpkg-configuration.json")));
	T_ASSERT_INT(0, L.n);
	T_ASSERT(has_note("baseline 49d19a16f0c6a637ba4c649e3ad6d0639cde466b"));
	T_ASSERT(has_note("https://github.com/Aleph-One-Marathon/vcpkg-registry"));
}

static void test_deps__vcpkg_installed_status(void)
{
	/* testdata/deps/vcpkg-installed: a manifest with an installed tree next to it */
	T_ASSERT_INT(0, load(K_VCPKG, CVET_TESTDATA "/deps/vcpkg-installed/vcpkg.json"));
	const cvet_lf_pkg *p = find("zlib", NULL);
	T_ASSERT(p != NULL);
	T_ASSERT_STR("1.2.11#9", p->version);
	T_ASSERT(p->detail && strstr(p->detail, "vcpkg_installed/vcpkg/status"));
	/* a port installed only as a dependency is listed where the status file names it */
	p = find("libpng", NULL);
	T_ASSERT(p != NULL);
	T_ASSERT_STR("1.6.37", p->version);
	T_ASSERT(p->path && strstr(p->path, "vcpkg_installed/vcpkg/status"));
	T_ASSERT(p->line > 0);
	/* not-installed and feature stanzas are ignored: curl keeps the manifest's minimum version */
	T_ASSERT(find("curl", NULL) != NULL);
	T_ASSERT_STR("8.0.0", find("curl", NULL)->version);
	T_ASSERT_INT(1, count("libpng"));
}

static void test_deps__vcpkg_installed_spdx(void)
{
	T_ASSERT_INT(0, load(K_VCPKG, CVET_TESTDATA "/deps/vcpkg-spdx/vcpkg.json"));
	const cvet_lf_pkg *p = find("fmt", NULL);
	T_ASSERT(p != NULL);
	T_ASSERT_STR("10.1.1#1", p->version);
	T_ASSERT(p->detail && strstr(p->detail, "vcpkg.spdx.json"));
}

/* ---- CPM ---- */

static void test_deps__cpm_raptor_variables(void)
{
	T_ASSERT_INT(0, load(K_CPM, SAMPLE("cpm-package-lock-cmake/seqan__raptor__package-lock.cmake")));
	T_ASSERT_INT(9, L.n);
	const cvet_lf_pkg *p = find("hibf", NULL);
	T_ASSERT(p != NULL);
	T_ASSERT_STR("a0d554a8c60bed9697b757bf4f8ff983a3493226", p->commit);
	T_ASSERT(p->version == NULL);
	T_ASSERT_STR("seqan/hibf", p->repo);
	T_ASSERT_INT(13, p->line);
	p = find("sharg", NULL);
	T_ASSERT_STR("1.2.2", p->version);
	T_ASSERT_STR("seqan/sharg-parser", p->repo);
	T_ASSERT_STR("pkg:github/seqan/sharg-parser@1.2.2", p->purl);
	T_ASSERT_STR("1.18.0", find("GTest", NULL)->version);
	p = find("ibf-fpga", NULL);
	T_ASSERT_STR("121ae76213bc7927efc62fbfbee78c6210d476f2", p->commit);
	T_ASSERT_STR("seqan/ibf-fpga", p->repo);
}

static void test_deps__cpm_sunshine_tags(void)
{
	T_ASSERT_INT(0, load(K_CPM, SAMPLE("cpm-package-lock-cmake/LizardByte__Sunshine__package-lock.cmake")));
	T_ASSERT_INT(3, L.n);
	const cvet_lf_pkg *p = find("nv_codec_headers_12", NULL);
	T_ASSERT(p != NULL);
	T_ASSERT_STR("n12.0.16.2", p->tag);
	T_ASSERT_STR("FFmpeg/nv-codec-headers", p->repo);
	T_ASSERT_INT(52, p->line); /* the NAME argument */
	T_ASSERT_INT(0, load(K_CPM, SAMPLE("cpm-package-lock-cmake/TheLartians__ModernCppStarter__package-lock.cmake")));
	T_ASSERT_INT(1, L.n);
	T_ASSERT_STR("1.4.1", find("PackageProject.cmake", NULL)->version);
	T_ASSERT_INT(6, find("PackageProject.cmake", NULL)->line);
}

static void test_deps__cpm_malformed(void)
{
	static const char unterminated[] = "CPMDeclarePackage(x\n  VERSION 1.0\n";
	T_ASSERT_INT(CVET_EPARSE, load_text(K_CPM, unterminated, sizeof(unterminated) - 1));
	T_ASSERT(strstr(cvet_error_last(), "missing ')'"));
	static const char selfref[] = "set(A ${A}${A})\nset(B ${A}${B})\nCPMDeclarePackage(x VERSION ${B})\n";
	T_ASSERT_INT(0, load_text(K_CPM, selfref, sizeof(selfref) - 1));
	T_ASSERT_INT(1, L.n);
}

/* ---- Meson ---- */

static void test_deps__meson_wraps(void)
{
	T_ASSERT_INT(0, load(K_WRAP, SAMPLE("meson-wrap/linux-nvme__nvme-cli__openssl.wrap")));
	T_ASSERT_INT(1, L.n);
	T_ASSERT_STR("openssl", L.items[0].name);
	T_ASSERT_STR("3.0.8", L.items[0].version);
	T_ASSERT_INT(17, L.items[0].line);
	T_ASSERT_INT(0, load(K_WRAP, SAMPLE("meson-wrap/linux-nvme__nvme-cli__json-c.wrap")));
	T_ASSERT_STR("json-c", L.items[0].name);
	T_ASSERT_STR("0.18", L.items[0].version);
	T_ASSERT_INT(0, load(K_WRAP, SAMPLE("meson-wrap/openbmc__bmcweb__boost.wrap")));
	T_ASSERT_STR("boost", L.items[0].name);
	T_ASSERT_STR("1.90.0", L.items[0].version);
	T_ASSERT_INT(2, L.items[0].line);
	T_ASSERT_INT(0, load(K_WRAP, SAMPLE("meson-wrap/openbmc__bmcweb__nghttp2.wrap")));
	T_ASSERT_STR("nghttp2", L.items[0].name);
	T_ASSERT_STR("v1.69.0", L.items[0].tag);
	T_ASSERT_STR("nghttp2/nghttp2", L.items[0].repo);
	T_ASSERT_INT(0, load(K_WRAP, SAMPLE("meson-wrap/3541__liba3__highwayhash.wrap")));
	T_ASSERT_STR("highwayhash", L.items[0].name);
	T_ASSERT(L.items[0].version == NULL && L.items[0].tag == NULL && L.items[0].commit == NULL);
	T_ASSERT(strstr(L.items[0].detail, "not pinned"));
	static const char commit[] = "[wrap-git]\nurl = https://example.org/x/lib.git\nrevision = 0123456789abcdef0123456789abcdef01234567\n";
	T_ASSERT_INT(0, load_text(K_WRAP, commit, sizeof(commit) - 1));
	T_ASSERT_STR("0123456789abcdef0123456789abcdef01234567", L.items[0].commit);
	T_ASSERT_STR("https://example.org/x/lib.git", L.items[0].repo);
	static const char none[] = "[provide]\nx = y\n";
	T_ASSERT_INT(CVET_EPARSE, load_text(K_WRAP, none, sizeof(none) - 1));
}

/* The SQLite wrap: the name is the wrap file's, the version wrapdb_version's or the amalgamation's. */
static void test_deps__meson_sqlite_amalgamation(void)
{
	T_ASSERT_INT(0, load(K_WRAP, SAMPLE("../meson-sqlite/sqlite3.wrap")));
	T_ASSERT_INT(1, L.n);
	T_ASSERT_STR("sqlite3", L.items[0].name);
	T_ASSERT_STR("3.31.1", L.items[0].version);
	T_ASSERT(strstr(L.items[0].detail, "version from wrapdb_version"));
	T_ASSERT(strstr(L.items[0].detail, "provides sqlite3"));
	/* without wrapdb_version: SQLite's 3XXYYZZ numbering in source_filename, source_url or directory */
	static const char *const cases[][2] = {
		{"[wrap-file]\ndirectory = sqlite-amalgamation-3310100\n", "3.31.1"},
		{"[wrap-file]\nsource_url = https://example.org/2020/sqlite-amalgamation-3310100.zip\n", "3.31.1"},
		{"[wrap-file]\nsource_filename = sqlite-autoconf-3071602.tar.gz\n", "3.7.16.2"},
		{"[wrap-file]\nsource_filename = sqlite-src-3450000.zip\n", "3.45.0"},
		{"[wrap-file]\nsource_url = https://example.org/a/archive/refs/tags/v2.11.1.tar.gz\n", "2.11.1"},
		{"[wrap-file]\nsource_url = https://example.org/dl/zlib-1.3.1.tar.xz?raw=1\n", "1.3.1"},
		{"[wrap-file]\nsource_filename = 1_90_0.tar.gz\n", "1.90.0"},
		{"[wrap-file]\ndirectory = other-3310100\n", "3310100"},
		{"[wrap-file]\nwrapdb_version = 1.2-rc1\ndirectory = x-9.9\n", "1.2-rc1"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		T_ASSERT_INT(0, load_text(K_WRAP, cases[i][0], strlen(cases[i][0])));
		T_ASSERT_STR("x", L.items[0].name);
		T_ASSERT_STR(cases[i][1], L.items[0].version);
	}
	static const char *const unknown[] = {
		"[wrap-file]\ndirectory = sqlite\nsource_url = https://example.org/download\n",
		"[wrap-file]\nsource_filename = lib-1.0$(x).tar.gz\n",
		"[wrap-file]\nsource_url = https://example.org/////\n",
		"[wrap-file]\nsource_url = \n",
	};
	for (size_t i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
		T_ASSERT_INT(0, load_text(K_WRAP, unknown[i], strlen(unknown[i])));
		T_ASSERT(L.items[0].version == NULL);
		T_ASSERT(strstr(L.items[0].detail, "not stated"));
	}
	/* [provide] names: the declared name that ends the file's name wins over the file's prefix */
	static const char prov[] = "[wrap-file]\ndirectory = a-1.0\n[provide]\ndependency_names = foo, x\nprogram_names = x\n";
	T_ASSERT_INT(0, load_text(K_WRAP, prov, sizeof(prov) - 1));
	T_ASSERT_STR("x", L.items[0].name);
	T_ASSERT(strstr(L.items[0].detail, "provides foo, x"));
	/* hostile: a [provide] section of thousands of names stays bounded; odd directories and URLs */
	size_t cap = 200000, n = 0;
	char *big = malloc(cap);
	T_ASSERT(big != NULL);
	n += (size_t)snprintf(big + n, cap - n, "[wrap-file]\ndirectory = ---1\nsource_url = ?#/\n[provide]\n");
	for (int i = 0; i < 5000 && n + 64 < cap; i++)
		n += (size_t)snprintf(big + n, cap - n, "dependency_names = d%d, e%d,,  ,\nname%d = x\n", i, i, i);
	T_ASSERT_INT(0, load_text(K_WRAP, big, n));
	T_ASSERT_STR("x", L.items[0].name);
	T_ASSERT_STR("1", L.items[0].version);
	T_ASSERT(strlen(L.items[0].detail) < 1200);
	free(big);
}

/* ---- Bazel ---- */

static void test_deps__bazel_riegeli_bcr(void)
{
	T_ASSERT_INT(0, load(K_BAZEL, SAMPLE("bazel-module/google__riegeli__MODULE.bazel")));
	T_ASSERT_INT(18, L.n);
	T_ASSERT_STR("1.0.8", find("bzip2", NULL)->version);
	T_ASSERT_INT(30, find("bzip2", NULL)->line);
	T_ASSERT_STR("1.2.0", find("brotli", NULL)->version);
	T_ASSERT_STR("0.0.0-20240305-5ad3bf8", find("highwayhash", NULL)->version);
	T_ASSERT_STR("20260107.0", find("abseil-cpp", NULL)->version);
	T_ASSERT_STR("0.20260413.0", find("boringssl", NULL)->version);
	T_ASSERT_STR("2.0.0-rc3", find("rules_python", NULL)->version);
	T_ASSERT_STR("pkg:bazel/zstd@1.5.7", find("zstd", NULL)->purl);
}

static void test_deps__bazel_pycstl_computed(void)
{
	T_ASSERT_INT(0, load(K_BAZEL, SAMPLE("bazel-module/1115040131__pycstl__MODULE.bazel")));
	/* BOOST_VERSION = "1.87.0" is resolved, then .bcr.1 stripped */
	T_ASSERT_STR("1.87.0", find("boost.asio", NULL)->version);
	T_ASSERT_INT(16, find("boost.asio", NULL)->line);
	T_ASSERT_STR("1.87.0", find("boost.uuid", NULL)->version);
	T_ASSERT_STR("2.16.03", find("nasm", NULL)->version);
	/* local_path_override: no version */
	T_ASSERT(find("sdl2_gfx", NULL)->version == NULL);
	const cvet_lf_pkg *p = find("hedron_compile_commands", NULL);
	T_ASSERT(p != NULL);
	T_ASSERT_INT(1, p->build_only);
	T_ASSERT_STR("f5fbd4cee671d8d908f37c83abaf70fba5928fc7", p->commit);
	T_ASSERT_INT(0, find("googletest", NULL)->build_only);
	T_ASSERT(find("qt_linux_x86_64", NULL) == NULL);
	static const char unresolved[] = "bazel_dep(name = \"x\", version = UNKNOWN + \".bcr.1\")\n";
	T_ASSERT_INT(0, load_text(K_BAZEL, unresolved, sizeof(unresolved) - 1));
	T_ASSERT(L.items[0].version == NULL);
	T_ASSERT(strstr(L.items[0].detail, "computed"));
}

static void test_deps__bazel_lock(void)
{
	T_ASSERT_INT(0, load(K_BAZEL_LOCK, SAMPLE("bazel-module-lock/27sanjeevd__Fast-Crypto-Options-Pricing__MODULE.bazel.lock")));
	const cvet_lf_pkg *p = find("abseil-cpp", NULL);
	T_ASSERT(p != NULL);
	T_ASSERT_STR("20240116.1", p->version);
	T_ASSERT_INT(12, p->line);
	T_ASSERT_INT(1, count("abseil-cpp"));
	T_ASSERT_STR("1.3.1", find("zlib", NULL)->version);
	T_ASSERT_STR("1.14.0", find("googletest", NULL)->version);
	T_ASSERT_INT(0, load(K_BAZEL, SAMPLE("bazel-module/27sanjeevd__Fast-Crypto-Options-Pricing__MODULE.bazel")));
	T_ASSERT_INT(0, L.n);
}

/* ---- SBOM ---- */

static void test_deps__spdx_vcpkg_port(void)
{
	T_ASSERT_INT(0, load(K_SBOM, SAMPLE("sbom-spdx/anchore__syft__vcpkg.spdx.json")));
	T_ASSERT_INT(1, L.n);
	T_ASSERT_STR("fmt", L.items[0].name);
	T_ASSERT_STR("11.0.2#1", L.items[0].version);
	T_ASSERT_STR("vcpkg", L.items[0].ecosystem);
	T_ASSERT_INT(83, L.items[0].line);
}

static void test_deps__cyclonedx_nested(void)
{
	T_ASSERT_INT(0, load(K_SBOM, CVET_TESTDATA "/deps/sbom/app.cdx.json"));
	T_ASSERT_INT(3, L.n);
	const cvet_lf_pkg *p = find("openssl", NULL);
	T_ASSERT(p != NULL);
	T_ASSERT_STR("3.0.6", p->version);
	T_ASSERT_STR("pkg:conan/openssl@3.0.6", p->purl);
	T_ASSERT_STR("conan", cvet_lockfile__purl_ecosystem(p->purl));
	T_ASSERT(find("nghttp2", "1.50.0") != NULL); /* nested component */
	static const char other[] = "{\"hello\": 1}";
	T_ASSERT_INT(CVET_ENOTFOUND, load_text(K_SBOM, other, sizeof(other) - 1));
}

/* ---- git ---- */

static void put_be32(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* Build an index in memory: entries (path, mode, hash byte) for version 2, 3 or 4. */
static size_t build_index(unsigned char *buf, size_t cap, unsigned version, const char *const *paths,
			  const unsigned *modes, size_t n)
{
	size_t off = 12;
	memset(buf, 0, cap);
	memcpy(buf, "DIRC", 4);
	put_be32(buf + 4, version);
	put_be32(buf + 8, (unsigned)n);
	const char *prev = "";
	for (size_t i = 0; i < n; i++) {
		unsigned char *e = buf + off;
		put_be32(e + 24, modes[i]);
		memset(e + 40, (int)(0x10 + i), 20);
		size_t pl = strlen(paths[i]);
		e[60] = (unsigned char)(pl >> 8);
		e[61] = (unsigned char)pl;
		if (version == 4) {
			size_t common = 0;
			while (prev[common] && prev[common] == paths[i][common])
				common++;
			size_t strip = strlen(prev) - common;
			size_t p = off + 62;
			buf[p++] = (unsigned char)strip; /* < 128 in these tests */
			memcpy(buf + p, paths[i] + common, pl - common + 1);
			off = p + pl - common + 1;
		} else {
			memcpy(e + 62, paths[i], pl);
			off += (62 + pl + 8) & ~(size_t)7;
		}
		prev = paths[i];
	}
	off += 20; /* checksum (not verified) */
	return off;
}

static void test_deps__git_index_versions(void)
{
	static const char *const paths[] = {"a.c", "third_party/zlib", "third_party/zstd", "z.txt"};
	static const unsigned modes[] = {0100644, 0160000, 0160000, 0100644};
	unsigned char buf[1024];
	for (unsigned v = 2; v <= 4; v++) {
		size_t len = build_index(buf, sizeof(buf), v, paths, modes, 4);
		cvet_lf_gitlink *g = NULL;
		size_t n = 0;
		T_ASSERT_INT(0, cvet_lockfile__git_index_gitlinks(buf, len, 20, &g, &n));
		T_ASSERT_INT(2, n);
		T_ASSERT_STR("third_party/zlib", g[0].path);
		T_ASSERT_STR("1111111111111111111111111111111111111111", g[0].commit);
		T_ASSERT_STR("third_party/zstd", g[1].path);
		T_ASSERT_STR("1212121212121212121212121212121212121212", g[1].commit);
		cvet_lockfile__gitlinks_free(g, n);
	}
}

/* Regression: a one-entry index with a one-byte path was rejected by the entry-count bound. */
static void test_deps__git_index_single_short_entry(void)
{
	static const char *const paths[] = {"x"};
	static const unsigned modes[] = {0160000};
	unsigned char buf[256];
	for (unsigned v = 2; v <= 4; v++) {
		size_t len = build_index(buf, sizeof(buf), v, paths, modes, 1);
		cvet_lf_gitlink *g = NULL;
		size_t n = 0;
		T_ASSERT_INT(0, cvet_lockfile__git_index_gitlinks(buf, len, 20, &g, &n));
		T_ASSERT_INT(1, n);
		T_ASSERT_STR("x", g[0].path);
		cvet_lockfile__gitlinks_free(g, n);
	}
}

static void test_deps__git_index_lying_lengths(void)
{
	static const char *const paths[] = {"lib/a", "lib/b"};
	static const unsigned modes[] = {0160000, 0160000};
	unsigned char buf[512];
	cvet_lf_gitlink *g = NULL;
	size_t n = 0;
	/* entry count larger than the file */
	size_t len = build_index(buf, sizeof(buf), 2, paths, modes, 2);
	put_be32(buf + 8, 1000000);
	T_ASSERT_INT(CVET_EPARSE, cvet_lockfile__git_index_gitlinks(buf, len, 20, &g, &n));
	T_ASSERT(strstr(cvet_error_last(), "entries"));
	/* name length that disagrees with the path */
	len = build_index(buf, sizeof(buf), 2, paths, modes, 2);
	buf[12 + 61] = 200;
	T_ASSERT_INT(CVET_EPARSE, cvet_lockfile__git_index_gitlinks(buf, len, 20, &g, &n));
	/* v4 prefix strip longer than the previous path */
	len = build_index(buf, sizeof(buf), 4, paths, modes, 2);
	buf[12 + 62 + 6 + 62] = 100;
	T_ASSERT_INT(CVET_EPARSE, cvet_lockfile__git_index_gitlinks(buf, len, 20, &g, &n));
	/* truncated */
	len = build_index(buf, sizeof(buf), 3, paths, modes, 2);
	T_ASSERT_INT(CVET_EPARSE, cvet_lockfile__git_index_gitlinks(buf, 40, 20, &g, &n));
	/* wrong signature, bad version */
	memcpy(buf, "DIRX", 4);
	T_ASSERT_INT(CVET_EPARSE, cvet_lockfile__git_index_gitlinks(buf, len, 20, &g, &n));
	memcpy(buf, "DIRC", 4);
	put_be32(buf + 4, 9);
	T_ASSERT_INT(CVET_EPARSE, cvet_lockfile__git_index_gitlinks(buf, len, 20, &g, &n));
	T_ASSERT(g == NULL && n == 0);
}

static void test_deps__git_index_mutated(void)
{
	static const char *const paths[] = {"a", "ext/lib1", "ext/lib2", "ext/lib2x", "src/main.c"};
	static const unsigned modes[] = {0100644, 0160000, 0160000, 0160000, 0100644};
	unsigned char orig[2048], buf[2048];
	unsigned seed = 7;
	for (unsigned v = 2; v <= 4; v++) {
		size_t len = build_index(orig, sizeof(orig), v, paths, modes, 5);
		for (int round = 0; round < 3000; round++) {
			memcpy(buf, orig, len);
			size_t n = len;
			for (int e = 0; e < 1 + round % 3; e++) {
				seed = seed * 1103515245u + 12345u;
				size_t at = (seed >> 8) % n;
				seed = seed * 1103515245u + 12345u;
				if ((seed >> 16) % 5 == 0)
					n = at > 12 ? at : n;
				else
					buf[at] = (unsigned char)(seed >> 24);
			}
			cvet_lf_gitlink *g = NULL;
			size_t ng = 0;
			int err = cvet_lockfile__git_index_gitlinks(buf, n, 20, &g, &ng);
			T_ASSERT(err == 0 || err == CVET_EPARSE);
			for (size_t i = 0; i < ng; i++)
				T_ASSERT(strlen(g[i].commit) == 40 && strlen(g[i].path) <= 4096);
			cvet_lockfile__gitlinks_free(g, ng);
		}
	}
}

static void test_deps__gitmodules_without_git_dir(void)
{
	/* the samples live outside any repository: packages are listed, and a note says why commits are unknown */
	char *buf = NULL;
	size_t len = 0;
	const char *path = SAMPLE("gitmodules/LizardByte__Sunshine__.gitmodules");
	T_ASSERT_INT(0, cvet_lockfile__read_file(path, path, CVET_LF_MAX_FILE, &buf, &len));
	cvet_lockfile__list_clear(&L);
	int err = cvet_lockfile__gitmodules(CVET_TESTDATA "/deps/real/gitmodules", NULL, NULL, ".gitmodules", buf, len, &L);
	free(buf);
	T_ASSERT_INT(0, err);
	T_ASSERT_INT(16, L.n);
	const cvet_lf_pkg *p = find("moonlight-common-c", NULL);
	T_ASSERT(p != NULL);
	T_ASSERT_STR("moonlight-stream/moonlight-common-c", p->repo);
	T_ASSERT_INT(30, p->line); /* the url line */
	T_ASSERT(p->commit == NULL);
	T_ASSERT(find("Virtual-Gamepad-Emulation-Client", NULL) != NULL);
	T_ASSERT(has_note("third-party/glad"));
	T_ASSERT(has_note("unknown"));
}

/* ---- hostile input ---- */

static void test_deps__json_hostile(void)
{
	static const char truncated[] = "{\"version\": \"0.5\", \"requires\": [\"zlib/1.2";
	T_ASSERT_INT(CVET_EPARSE, load_text(K_CONAN_LOCK, truncated, sizeof(truncated) - 1));
	T_ASSERT(strstr(cvet_error_last(), "conan.lock: line 1: invalid JSON"));
	static const char wrong_type[] = "{\"version\": \"0.5\",\n \"requires\": {\"a\": 1}}";
	T_ASSERT_INT(CVET_EPARSE, load_text(K_CONAN_LOCK, wrong_type, sizeof(wrong_type) - 1));
	T_ASSERT(strstr(cvet_error_last(), "line 2"));
	static const char wrong_elem[] = "{\"version\": \"0.5\", \"requires\": [42]}";
	T_ASSERT_INT(CVET_EPARSE, load_text(K_CONAN_LOCK, wrong_elem, sizeof(wrong_elem) - 1));
	static const char vc_wrong[] = "{\"dependencies\": \"zlib\"}";
	T_ASSERT_INT(CVET_EPARSE, load_text(K_VCPKG, vc_wrong, sizeof(vc_wrong) - 1));
	static const char vc_obj[] = "{\"dependencies\": [{\"nam\": \"zlib\"}]}";
	T_ASSERT_INT(CVET_EPARSE, load_text(K_VCPKG, vc_obj, sizeof(vc_obj) - 1));
	static const char binary[] = "{\"a\":\0\1\2\3}";
	T_ASSERT_INT(CVET_EPARSE, load_text(K_VCPKG, binary, sizeof(binary) - 1));
	T_ASSERT(strstr(cvet_error_last(), "binary"));
	static const char trailing[] = "{} {}";
	T_ASSERT_INT(CVET_EPARSE, load_text(K_VCPKG, trailing, sizeof(trailing) - 1));
}

static void test_deps__json_lines_tricky_strings(void)
{
	static const char text[] =
		"{\"version\": \"0.5\", \"note\": \"a [quoted] {brace} \\\" , : string\",\n"
		"  \"x\": [1, -2.5e3, true, null, {\"k\": [[], {}]}],\n"
		"  \"requires\": [\n"
		"\n"
		"    \"zlib/1.3.1\", \"bzip2/1.0.8\",\n"
		"    \"xz_utils/5.4.5\"\n"
		"  ]\n"
		"}\n";
	T_ASSERT_INT(0, load_text(K_CONAN_LOCK, text, sizeof(text) - 1));
	T_ASSERT_INT(3, L.n);
	T_ASSERT_INT(5, find("zlib", NULL)->line);
	T_ASSERT_INT(5, find("bzip2", NULL)->line);
	T_ASSERT_INT(6, find("xz_utils", NULL)->line);
	static const char bom[] = "\xEF\xBB\xBF{\"version\": \"0.5\",\n\"requires\": [\"zlib/1.3.1\"]}";
	T_ASSERT_INT(0, load_text(K_CONAN_LOCK, bom, sizeof(bom) - 1));
	T_ASSERT_INT(2, find("zlib", NULL)->line);
	static const char utf16[] = "\xFF\xFE{\0}\0";
	T_ASSERT_INT(CVET_EPARSE, load_text(K_CONAN_LOCK, utf16, sizeof(utf16) - 1));
	T_ASSERT(strstr(cvet_error_last(), "UTF-16"));
}

static void test_deps__json_deep_nesting(void)
{
	size_t n = 100000;
	char *deep = malloc(2 * n + 1);
	T_ASSERT(deep != NULL);
	memset(deep, '[', n);
	memset(deep + n, ']', n);
	deep[2 * n] = '\0';
	int err = load_text(K_SBOM, deep, 2 * n);
	free(deep);
	T_ASSERT_INT(CVET_ELIMIT, err);
	T_ASSERT(strstr(cvet_error_last(), "nested deeper"));
}

static void test_deps__json_huge_string(void)
{
	/* a 10 MB package name: parsed, but rejected by the per-field bound, never copied into the report */
	size_t n = 10u << 20;
	char *text = malloc(n + 64);
	T_ASSERT(text != NULL);
	int k = snprintf(text, 64, "{\"version\": \"0.5\", \"requires\": [\"");
	memset(text + k, 'a', n);
	memcpy(text + k + n, "/1.0\"]}", 8);
	int err = load_text(K_CONAN_LOCK, text, (size_t)k + n + 7);
	free(text);
	T_ASSERT_INT(CVET_EPARSE, err);
	T_ASSERT(strstr(cvet_error_last(), "too long"));
}

static void test_deps__many_lines_and_entries(void)
{
	/* 200k requirement lines: stops at the entry bound with a clear message */
	size_t lines = 200000;
	char *text = malloc(lines * 16 + 32);
	T_ASSERT(text != NULL);
	size_t off = (size_t)snprintf(text, 32, "[requires]\n");
	for (size_t i = 0; i < lines; i++)
		off += (size_t)snprintf(text + off, 17, "p%zu/1.0\n", i % 100000);
	int err = load_text(K_CONANFILE, text, off);
	T_ASSERT_INT(CVET_ELIMIT, err);
	/* a million blank lines is fine */
	size_t blank = 1000000;
	char *b = realloc(text, blank + 64);
	T_ASSERT(b != NULL);
	text = b;
	memset(text, '\n', blank);
	off = blank + (size_t)snprintf(text + blank, 64, "[requires]\nzlib/1.3\n");
	err = load_text(K_CONANFILE, text, off);
	free(text);
	T_ASSERT_INT(0, err);
	T_ASSERT_INT(1000002, L.items[0].line);
}

static void test_deps__binary_junk_everywhere(void)
{
	unsigned char junk[4096];
	unsigned s = 12345;
	for (size_t i = 0; i < sizeof(junk); i++) {
		s = s * 1103515245u + 12345u;
		junk[i] = (unsigned char)(s >> 16);
	}
	for (int k = K_CONAN_LOCK; k <= K_SBOM; k++) {
		int err = load_text((kind)k, (const char *)junk, sizeof(junk));
		T_ASSERT(err < 0 || err == 0);
		T_ASSERT(err != CVET_ENOMEM);
	}
	/* junk without NUL bytes through the text parsers */
	for (size_t i = 0; i < sizeof(junk); i++)
		if (!junk[i])
			junk[i] = 'x';
	for (int k = K_CONAN_LOCK; k <= K_SBOM; k++) {
		int err = load_text((kind)k, (const char *)junk, sizeof(junk));
		T_ASSERT(err != CVET_ENOMEM);
	}
}

static void test_deps__bazel_hostile(void)
{
	static const char unterminated[] = "bazel_dep(name = \"abc";
	T_ASSERT_INT(CVET_EPARSE, load_text(K_BAZEL, unterminated, sizeof(unterminated) - 1));
	size_t n = 50000;
	char *deep = malloc(n + 64);
	T_ASSERT(deep != NULL);
	int k = snprintf(deep, 64, "bazel_dep(name = \"x\", version = ");
	memset(deep + k, '(', n - (size_t)k);
	int err = load_text(K_BAZEL, deep, n);
	free(deep);
	/* regression (Hardening #10): this was reported as an "unterminated string" */
	T_ASSERT_INT(CVET_ELIMIT, err);
	T_ASSERT(strstr(cvet_error_last(), "line 1: brackets nested deeper than 64 levels") != NULL);
	T_ASSERT(strstr(cvet_error_last(), "unterminated") == NULL);
}

static void test_deps__read_file_rejects_devices_and_big_files(void)
{
	char *buf = NULL;
	size_t len = 0;
	T_ASSERT_INT(CVET_EIO, cvet_lockfile__read_file("/dev/zero", "/dev/zero", 1024, &buf, &len));
	T_ASSERT(strstr(cvet_error_last(), "not a regular file"));
	T_ASSERT_INT(CVET_EIO, cvet_lockfile__read_file("/nonexistent/x", "x", 1024, &buf, &len));
	T_ASSERT_INT(CVET_ELIMIT, cvet_lockfile__read_file(SAMPLE("conan-lock-v1/ArthurDassier__Babel_2019__conan.lock"),
							   "conan.lock", 1024, &buf, &len));
	T_ASSERT(buf == NULL);
}

static void test_deps__url_helpers(void)
{
	char *s;
	T_ASSERT_STR("nghttp2/nghttp2", s = cvet_lockfile__github_repo("https://github.com/nghttp2/nghttp2.git"));
	free(s);
	T_ASSERT_STR("a/b", s = cvet_lockfile__github_repo("git@github.com:a/b.git"));
	free(s);
	T_ASSERT(cvet_lockfile__github_repo("https://gitlab.com/a/b") == NULL);
	T_ASSERT(cvet_lockfile__github_repo("https://github.com/") == NULL);
	T_ASSERT_STR("lib", s = cvet_lockfile__url_basename("https://example.org/x/lib.git/"));
	free(s);
}

/* Mutate every real sample (byte flips, truncation, structural characters) and parse: never a crash,
 * never a hang, always 0 or a negative code with a message. Deterministic. */
static void test_deps__mutated_samples(void)
{
	static const struct { kind k; const char *path; } samples[] = {
		{K_CONAN_LOCK, SAMPLE("conan-lock-v1/ArthurDassier__Babel_2019__conan.lock")},
		{K_CONAN_LOCK, SAMPLE("conan-lock-v1/Malibushko__yatgbotlib__conan.lock")},
		{K_CONAN_LOCK, SAMPLE("conan-lock-v2/NREL__OpenStudio__conan.lock")},
		{K_CONANFILE, SAMPLE("conanfile-txt/PlotJuggler__PlotJuggler__conanfile.txt")},
		{K_VCPKG, SAMPLE("vcpkg-json/duckdb__duckdb-spatial__vcpkg.json")},
		{K_VCPKG_CONF, SAMPLE("vcpkg-configuration-json/Aleph-One-Marathon__alephone__vcpkg-configuration.json")},
		{K_CPM, SAMPLE("cpm-package-lock-cmake/seqan__raptor__package-lock.cmake")},
		{K_CPM, SAMPLE("cpm-package-lock-cmake/LizardByte__Sunshine__package-lock.cmake")},
		{K_WRAP, SAMPLE("meson-wrap/linux-nvme__nvme-cli__openssl.wrap")},
		{K_BAZEL, SAMPLE("bazel-module/1115040131__pycstl__MODULE.bazel")},
		{K_BAZEL_LOCK, SAMPLE("bazel-module-lock/27sanjeevd__Fast-Crypto-Options-Pricing__MODULE.bazel.lock")},
		{K_SBOM, SAMPLE("sbom-spdx/anchore__syft__vcpkg.spdx.json")},
	};
	static const char structural[] = "{}[]\",:#=()$@/\\\n\0";
	unsigned seed = 2026;
	int rounds = getenv("CVET_FUZZ_ROUNDS") ? (int)strtol(getenv("CVET_FUZZ_ROUNDS"), NULL, 10) : 500;
	for (size_t si = 0; si < sizeof(samples) / sizeof(samples[0]); si++) {
		char *orig = NULL;
		size_t len = 0;
		T_ASSERT_INT(0, cvet_lockfile__read_file(samples[si].path, samples[si].path, CVET_LF_MAX_FILE, &orig, &len));
		char *buf = malloc(len + 1);
		T_ASSERT(buf != NULL);
		for (int round = 0; round < rounds; round++) {
			memcpy(buf, orig, len + 1);
			size_t n = len;
			int edits = 1 + round % 4;
			for (int e = 0; e < edits && n > 0; e++) {
				seed = seed * 1103515245u + 12345u;
				size_t at = (seed >> 8) % n;
				seed = seed * 1103515245u + 12345u;
				switch ((seed >> 16) % 4) {
				case 0: buf[at] = (char)(seed >> 24); break;
				case 1: buf[at] = structural[(seed >> 20) % (sizeof(structural) - 1)]; break;
				case 2: n = at; break; /* truncate */
				default: memmove(buf + at, buf + at + 1, n - at - 1); n--; break;
				}
			}
			buf[n] = '\0';
			int err = load_text(samples[si].k, buf, n);
			T_ASSERT(err <= 0);
			T_ASSERT(err != CVET_ENOMEM);
			if (err < 0 && err != CVET_ENOTFOUND)
				T_ASSERT(cvet_error_last()[0] != '\0' && !strchr(cvet_error_last(), '\n'));
		}
		free(buf);
		free(orig);
	}
}

static void cleanup(void)
{
	cvet_lockfile__list_clear(&L);
}

/* ---- confinement: nothing read through a link out of the scanned tree (Hardening #3) ---- */

static char conf_tmp[256];

static void put_file(const char *dir, const char *rel, const void *data, size_t n)
{
	char path[1024];
	mkdir(dir, 0755);
	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	for (char *q = path + strlen(dir) + 1; (q = strchr(q, '/')) != NULL; q++) {
		*q = '\0';
		mkdir(path, 0755);
		*q = '/';
	}
	FILE *f = fopen(path, "wb");
	if (f) {
		fwrite(data, 1, n, f);
		fclose(f);
	}
}

static void put_link(const char *dir, const char *rel, const char *target)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	unlink(path);
	if (symlink(target, path) != 0)
		perror(path);
}

static void rm_tree(const char *dir)
{
	char cmd[600];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

#define ZLIB_SHA "1010101010101010101010101010101010101010"
static const char GITMODULES[] = "[submodule \"zlib\"]\n\tpath = zlib\n\turl = https://github.com/madler/zlib.git\n";

/* <tmp>/in: a repository with submodule zlib pinned at ZLIB_SHA and tagged v1.3.1; <tmp>/out: outside. */
static void make_repo(void)
{
	unsigned char idx[512];
	static const char *const paths[] = {"zlib"};
	static const unsigned modes[] = {0160000};
	snprintf(conf_tmp, sizeof(conf_tmp), "/tmp/cvet-confine-XXXXXX");
	if (!mkdtemp(conf_tmp))
		return;
	char in[300], out[300];
	snprintf(in, sizeof(in), "%s/in", conf_tmp);
	snprintf(out, sizeof(out), "%s/out", conf_tmp);
	size_t n = build_index(idx, sizeof(idx), 2, paths, modes, 1);
	put_file(in, ".gitmodules", GITMODULES, strlen(GITMODULES));
	put_file(in, ".git/index", idx, n);
	put_file(in, ".git/modules/zlib/packed-refs", ZLIB_SHA " refs/tags/v1.3.1\n", 59);
	put_file(out, "index", idx, n);
	put_file(out, "packed-refs", ZLIB_SHA " refs/tags/v6.6.6\n", 59);
	put_file(out, "tp/zlib/.git/packed-refs", ZLIB_SHA " refs/tags/v6.6.6\n", 59);
	put_file(out, "secret.lock", "x", 1);
}

static int run_gitmodules(cvet_lf_gitcache *cache)
{
	char in[300], real[4096];
	snprintf(in, sizeof(in), "%s/in", conf_tmp);
	if (!realpath(in, real))
		return -100;
	cvet_lockfile__list_clear(&L);
	return cvet_lockfile__gitmodules(in, real, cache, ".gitmodules", GITMODULES, strlen(GITMODULES), &L);
}

static void test_deps__confine_helpers(void)
{
	char in[300], real[4096], link[400];
	char *buf = NULL;
	size_t len = 0;
	make_repo();
	snprintf(in, sizeof(in), "%s/in", conf_tmp);
	T_ASSERT(realpath(in, real) != NULL);
	put_link(in, "conan.lock", "../out/secret.lock");
	put_link(in, "inner.lock", ".gitmodules");
	put_link(in, "outdir", "../out");
	snprintf(link, sizeof(link), "%s/conan.lock", in);
	T_ASSERT_INT(CVET_EIO, cvet_lockfile__read_file_in(real, link, "conan.lock", 1024, &buf, &len));
	T_ASSERT(strstr(cvet_error_last(), "'conan.lock' leads outside the scanned tree") != NULL);
	T_ASSERT_INT(1, cvet_lockfile__outside(real, link));
	snprintf(link, sizeof(link), "%s/inner.lock", in); /* a link that stays inside is fine */
	T_ASSERT_INT(0, cvet_lockfile__read_file_in(real, link, "inner.lock", 1024, &buf, &len));
	free(buf);
	T_ASSERT_INT(0, cvet_lockfile__outside(real, link));
	snprintf(link, sizeof(link), "%s/outdir/secret.lock", in); /* through a linked directory */
	T_ASSERT_INT(CVET_EIO, cvet_lockfile__read_file_in(real, link, "outdir/secret.lock", 1024, &buf, &len));
	snprintf(link, sizeof(link), "%s/outdir", in);
	errno = 0;
	T_ASSERT(cvet_lockfile__opendir_in(real, link) == NULL);
	T_ASSERT_INT(EXDEV, errno);
	rm_tree(conf_tmp);
}

static void test_deps__gitmodules_reads_inside(void)
{
	make_repo();
	T_ASSERT_INT(0, run_gitmodules(NULL));
	const cvet_lf_pkg *p = find("zlib", NULL);
	T_ASSERT(p != NULL);
	T_ASSERT_STR(ZLIB_SHA, p->commit);
	T_ASSERT_STR("v1.3.1", p->tag);
	rm_tree(conf_tmp);
}

static void test_deps__gitmodules_index_linked_out_is_not_read(void)
{
	char in[300];
	make_repo();
	snprintf(in, sizeof(in), "%s/in", conf_tmp);
	put_link(in, ".git/index", "../../out/index");
	T_ASSERT_INT(0, run_gitmodules(NULL));
	const cvet_lf_pkg *p = find("zlib", NULL);
	T_ASSERT(p != NULL && p->commit == NULL);
	T_ASSERT(has_note("leads outside the scanned tree"));
	rm_tree(conf_tmp);
}

static void test_deps__gitmodules_packed_refs_linked_out_is_not_read(void)
{
	char in[300];
	make_repo();
	snprintf(in, sizeof(in), "%s/in", conf_tmp);
	put_link(in, ".git/modules/zlib/packed-refs", "../../../../out/packed-refs");
	T_ASSERT_INT(0, run_gitmodules(NULL));
	const cvet_lf_pkg *p = find("zlib", NULL);
	T_ASSERT(p != NULL);
	T_ASSERT_STR(ZLIB_SHA, p->commit);
	T_ASSERT(p->tag == NULL); /* v6.6.6 lives outside */
	T_ASSERT(has_note("packed-refs: it leads outside the scanned tree"));
	rm_tree(conf_tmp);
}

static void test_deps__gitmodules_submodule_through_linked_dir(void)
{
	static const char gm[] = "[submodule \"zlib\"]\n\tpath = tp/zlib\n\turl = https://github.com/madler/zlib.git\n";
	static const char *const paths[] = {"tp/zlib"};
	static const unsigned modes[] = {0160000};
	unsigned char idx[512];
	char in[300], real[4096], gp[400];
	make_repo();
	snprintf(in, sizeof(in), "%s/in", conf_tmp);
	size_t n = build_index(idx, sizeof(idx), 2, paths, modes, 1);
	put_file(in, ".git/index", idx, n);
	snprintf(gp, sizeof(gp), "%s/.git/modules", in);
	rm_tree(gp); /* no modules/zlib: the work tree's .git is where tags would come from */
	put_link(in, "tp", "../out/tp");
	T_ASSERT(realpath(in, real) != NULL);
	cvet_lockfile__list_clear(&L);
	T_ASSERT_INT(0, cvet_lockfile__gitmodules(in, real, NULL, ".gitmodules", gm, strlen(gm), &L));
	const cvet_lf_pkg *p = find("zlib", NULL);
	T_ASSERT(p != NULL);
	T_ASSERT_STR(ZLIB_SHA, p->commit);
	T_ASSERT(p->tag == NULL);
	T_ASSERT(has_note("outside the scanned tree"));
	rm_tree(conf_tmp);
}

/* Hardening #5: a repository's tags are read once per scan, however many .gitmodules share it. */
static void test_deps__gitmodules_cache_reads_tags_once(void)
{
	char pr[400];
	cvet_lf_gitcache *cache = NULL;
	make_repo();
	T_ASSERT_INT(0, cvet_lockfile__gitcache_new(&cache));
	T_ASSERT_INT(0, run_gitmodules(cache));
	T_ASSERT_STR("v1.3.1", find("zlib", NULL)->tag);
	snprintf(pr, sizeof(pr), "%s/in/.git/modules/zlib/packed-refs", conf_tmp);
	unlink(pr);
	T_ASSERT_INT(0, run_gitmodules(cache)); /* the second .gitmodules of the scan: tags from the cache */
	T_ASSERT_STR("v1.3.1", find("zlib", NULL)->tag);
	cvet_lockfile__gitcache_free(cache);
	rm_tree(conf_tmp);
}

static void test_deps__vcpkg_installed_linked_out_is_not_read(void)
{
	static const char status[] = "Package: zlib\nVersion: 6.6.6\nStatus: install ok installed\n\n";
	static const char manifest[] = "{\"dependencies\": [\"zlib\"]}";
	char in[300], real[4096], mp[400];
	make_repo();
	snprintf(in, sizeof(in), "%s/in", conf_tmp);
	char out[300];
	snprintf(out, sizeof(out), "%s/out", conf_tmp);
	put_file(out, "vi/vcpkg/status", status, sizeof(status) - 1);
	put_file(in, "vcpkg.json", manifest, sizeof(manifest) - 1);
	put_link(in, "vcpkg_installed", "../out/vi");
	T_ASSERT(realpath(in, real) != NULL);
	snprintf(mp, sizeof(mp), "%s/vcpkg.json", in);
	cvet_lockfile__list_clear(&L);
	T_ASSERT_INT(0, cvet_lockfile__vcpkg_json(mp, real, "vcpkg.json", manifest, sizeof(manifest) - 1, &L));
	const cvet_lf_pkg *p = find("zlib", NULL);
	T_ASSERT(p != NULL && p->version == NULL); /* 6.6.6 lives outside */
	T_ASSERT(has_note("leads outside the scanned tree"));
	/* with no root given, the manifest's own directory confines */
	cvet_lockfile__list_clear(&L);
	T_ASSERT_INT(0, cvet_lockfile__vcpkg_json(mp, NULL, "vcpkg.json", manifest, sizeof(manifest) - 1, &L));
	T_ASSERT(find("zlib", NULL) != NULL && find("zlib", NULL)->version == NULL);
	rm_tree(conf_tmp);
}

/* Hardening #10: a null where a dependency belongs was reported at "line 0". */
static void test_deps__json_null_value_has_its_line(void)
{
	static const char vc[] = "{\n  \"dependencies\": [\n    \"zlib\",\n    null\n  ]\n}\n";
	T_ASSERT_INT(CVET_EPARSE, load_text(K_VCPKG, vc, sizeof(vc) - 1));
	T_ASSERT(strstr(cvet_error_last(), "vcpkg.json: line 4:") != NULL);
}

static void test_deps__zz_cleanup(void)
{
	cleanup();
}

CVET_TEST_MAIN(T(test_deps__conan_ref_forms), T(test_deps__conan_v1_babel_user_channel), T(test_deps__conan_v1_pref_v03),
	       T(test_deps__conan_v1_ref_v04), T(test_deps__conan_v1_build_requires_are_build_only),
	       T(test_deps__conan_v2_skybolt_no_revision), T(test_deps__conan_v2_overrides_and_shared_refs),
	       T(test_deps__conanfile_txt_samples), T(test_deps__conanfile_txt_ranges_comments),
	       T(test_deps__vcpkg_duckdb_port_version), T(test_deps__vcpkg_overrides), T(test_deps__vcpkg_configuration_notes),
	       T(test_deps__vcpkg_installed_status), T(test_deps__vcpkg_installed_spdx), T(test_deps__cpm_raptor_variables),
	       T(test_deps__cpm_sunshine_tags), T(test_deps__cpm_malformed), T(test_deps__meson_wraps), T(test_deps__meson_sqlite_amalgamation),
	       T(test_deps__bazel_riegeli_bcr), T(test_deps__bazel_pycstl_computed), T(test_deps__bazel_lock),
	       T(test_deps__spdx_vcpkg_port), T(test_deps__cyclonedx_nested), T(test_deps__git_index_versions),
	       T(test_deps__git_index_single_short_entry), T(test_deps__git_index_lying_lengths), T(test_deps__git_index_mutated), T(test_deps__gitmodules_without_git_dir), T(test_deps__json_hostile), T(test_deps__json_lines_tricky_strings),
	       T(test_deps__json_deep_nesting), T(test_deps__json_huge_string), T(test_deps__many_lines_and_entries),
	       T(test_deps__binary_junk_everywhere), T(test_deps__bazel_hostile),
	       T(test_deps__read_file_rejects_devices_and_big_files), T(test_deps__url_helpers), T(test_deps__mutated_samples),
	       T(test_deps__confine_helpers), T(test_deps__gitmodules_reads_inside),
	       T(test_deps__gitmodules_index_linked_out_is_not_read), T(test_deps__gitmodules_packed_refs_linked_out_is_not_read),
	       T(test_deps__gitmodules_submodule_through_linked_dir), T(test_deps__gitmodules_cache_reads_tags_once),
	       T(test_deps__vcpkg_installed_linked_out_is_not_read), T(test_deps__json_null_value_has_its_line),
	       T(test_deps__zz_cleanup))
