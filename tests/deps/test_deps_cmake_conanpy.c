/* test_deps_cmake_conanpy.c - conanfile.py and CMake declaration readers on real samples and hostile variants */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "deps/lockfile.h"
#include "test.h"

#ifndef CVET_TESTDATA
#define CVET_TESTDATA "testdata"
#endif

#define SAMPLE(rel) CVET_TESTDATA "/deps/real/" rel

typedef enum { K_PY, K_CMAKE } kind;

static cvet_lf_list L;

static int parse(kind k, const char *display, const char *buf, size_t len, const cvet_lf_list *lock)
{
	cvet_lockfile__list_clear(&L);
	int err = k == K_PY ? cvet_lockfile__conanfile_py(display, buf, len, &L)
			    : cvet_lockfile__cmake_deps(display, buf, len, lock, &L);
	if (err < 0)
		fprintf(stderr, "  (%s: %s)\n", display, cvet_error_last());
	return err;
}

static int load(kind k, const char *path)
{
	char *buf = NULL;
	size_t len = 0;
	int err = cvet_lockfile__read_file(path, path, CVET_LF_MAX_FILE, &buf, &len);
	if (err < 0) {
		fprintf(stderr, "cannot read %s: %s\n", path, cvet_error_last());
		return err;
	}
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	err = parse(k, base, buf, len, NULL);
	free(buf);
	return err;
}

static int text(kind k, const char *s)
{
	return parse(k, k == K_PY ? "conanfile.py" : "CMakeLists.txt", s, strlen(s), NULL);
}

static const cvet_lf_pkg *find(const char *name)
{
	for (size_t i = 0; i < L.n; i++)
		if (strcmp(L.items[i].name, name) == 0)
			return &L.items[i];
	return NULL;
}

static int has_note(const char *needle)
{
	for (size_t i = 0; i < L.nnotes; i++)
		if (strstr(L.notes[i], needle))
			return 1;
	return 0;
}

/* ---- conanfile.py ---- */

static void test_conanpy__examples2_calls(void)
{
	T_ASSERT_INT(0, load(K_PY, SAMPLE("conanfile-py/conan-io__examples2__cross_building__conanfile.py")));
	T_ASSERT_INT(2, L.n);
	const cvet_lf_pkg *z = find("zlib"), *c = find("cmake");
	T_ASSERT(z && c);
	T_ASSERT_STR("1.2.11", z->version);
	T_ASSERT_INT(11, z->line);
	T_ASSERT_INT(0, z->build_only);
	T_ASSERT_STR("pkg:conan/zlib@1.2.11", z->purl);
	T_ASSERT_STR("3.19.8", c->version);
	T_ASSERT_INT(12, c->line);
	T_ASSERT_INT(1, c->build_only);
}

static void test_conanpy__status_cpp_attribute_list(void)
{
	T_ASSERT_INT(0, load(K_PY, SAMPLE("conanfile-py/richard-ramos__status-cpp__conanfile.py")));
	T_ASSERT_INT(1, L.n);
	T_ASSERT_STR("openssl", L.items[0].name);
	T_ASSERT_STR("1.1.1h", L.items[0].version);
	T_ASSERT_INT(10, L.items[0].line);
}

static void test_conanpy__mevislab_fstrings_ranges(void)
{
	T_ASSERT_INT(0, load(K_PY, SAMPLE("conanfile-py/MeVisLab__mevislabthirdparty__requests__conanfile.py")));
	/* python_requires is not a dependency pin; the four f-strings have a literal name and range */
	T_ASSERT_INT(4, L.n);
	const cvet_lf_pkg *p = find("certifi");
	T_ASSERT(p && !p->version && p->line == 13);
	T_ASSERT(p->detail && strstr(p->detail, "range"));
	T_ASSERT(has_note("line 12: idna/[>=3.3] is a version range"));
}

static void test_conanpy__forms(void)
{
	static const char src[] =
		"from conan import ConanFile\n"
		"# requires = 'commented/1.0'\n"
		"class A(ConanFile):\n"
		"    requires = \"zlib/1.2.11\", ('openssl/1.1.1k', 'private')\n"   /* 4 */
		"    tool_requires = [\"cmake/[>=3.20 <4]\"]\n"                    /* 5 */
		"    build_requires = r'ninja/1.11.1'\n"                           /* 6 */
		"    test_requires: ClassVar = (\"gtest/1.10.0\",)\n"              /* 7 */
		"    description = '''requires = \"fake/1.0\"\n"
		"    self.requires(\"fake2/1.0\")'''\n"
		"    def requirements(self):\n"                                   /* 10 */
		"        self.requires(\"libcurl/7.80.0@user/chan\")\n"           /* 11 */
		"        self.requires(f\"fmt/{self.v}\")\n"                      /* 12 */
		"        self.requires(\"boost/\" + v)\n"                         /* 13 */
		"        self.requires(\n"
		"            \"spdlog/\" \"1.8.2\",\n"                            /* 15 */
		"            private=True)\n"
		"        if x: self.test_requires(\"catch2/3.0.1\")\n"            /* 17 */
		"        self.requires(VERSIONS['zlib'])\n"                        /* 18 */
		"        self.requires(ref=\"expat/2.4.1\")\n"                    /* 19 */
		"        self.requires(f\"pcre2/10.42\")\n"                        /* 20 */
		"    def configure(self):\n"
		"        self.requires(\"notread/1.0\")\n"
		"    def build_requirements(self): self.tool_requires(\\\n"
		"        \"protobuf/3.21.12\")\n";                                /* 24 */
	T_ASSERT_INT(0, text(K_PY, src));
	T_ASSERT(find("zlib") && find("zlib")->line == 4 && !find("zlib")->build_only);
	T_ASSERT(find("openssl") && strcmp(find("openssl")->version, "1.1.1k") == 0);
	T_ASSERT(find("cmake") && !find("cmake")->version && find("cmake")->build_only);
	T_ASSERT(find("ninja") && find("ninja")->line == 6);
	T_ASSERT(find("gtest") && find("gtest")->line == 7 && find("gtest")->build_only);
	T_ASSERT(!find("fake") && !find("fake2") && !find("commented") && !find("notread"));
	T_ASSERT(find("libcurl") && strcmp(find("libcurl")->version, "7.80.0") == 0 && find("libcurl")->line == 11);
	T_ASSERT(find("fmt") && !find("fmt")->version && find("fmt")->detail && strstr(find("fmt")->detail, "f-string"));
	T_ASSERT(!find("boost"));
	T_ASSERT(has_note("line 13: self.requires() reference is computed"));
	T_ASSERT(find("spdlog") && strcmp(find("spdlog")->version, "1.8.2") == 0 && find("spdlog")->line == 15);
	T_ASSERT(find("catch2") && find("catch2")->build_only && find("catch2")->line == 17);
	T_ASSERT(has_note("line 18:"));
	T_ASSERT(find("expat") && find("expat")->line == 19);
	T_ASSERT(find("pcre2") && find("pcre2")->version && strcmp(find("pcre2")->version, "10.42") == 0);
	T_ASSERT(find("protobuf") && find("protobuf")->line == 24 && find("protobuf")->build_only);
	T_ASSERT(has_note("cmake/[>=3.20 <4] is a version range"));
}

static void test_conanpy__test_package_reference_is_not_a_dependency(void)
{
	T_ASSERT_INT(0, text(K_PY, "class T(ConanFile):\n    def requirements(self):\n"
				   "        self.requires(self.tested_reference_str)\n"
				   "        self.tool_requires(\"cmake/3.27.9\")\n"));
	T_ASSERT_INT(1, L.n);
	T_ASSERT_INT(0, L.nnotes);
}

static void test_conanpy__hostile(void)
{
	T_ASSERT_INT(CVET_EPARSE, text(K_PY, "class A:\n    requires = \"zlib/1.2\n"));
	T_ASSERT(strstr(cvet_error_last(), "line 2: unterminated string"));
	T_ASSERT_INT(CVET_EPARSE, text(K_PY, "class A:\n    x = '''never closed\n\n"));
	T_ASSERT_INT(CVET_EPARSE, text(K_PY, "class A:\n    requires = (\"a/1\",\n"));
	T_ASSERT(strstr(cvet_error_last(), "line 2: '(' is never closed"));
	T_ASSERT_INT(CVET_EPARSE, text(K_PY, "x = ]\n"));
	T_ASSERT_INT(CVET_EPARSE, parse(K_PY, "conanfile.py", "a\0b", 3, NULL));
	T_ASSERT(strstr(cvet_error_last(), "NUL"));
	/* control characters and bytes >= 0x80 are tokens like any other */
	T_ASSERT_INT(0, text(K_PY, "# \x01\x1b[31m\nclass A:\n    x = 1 \x01\x7f\n    requires = \"zlib/1.2.11\"\n\xff\xfe\n"));
	T_ASSERT(find("zlib"));
	/* a non-reference literal is a note, never an error */
	T_ASSERT_INT(0, text(K_PY, "class A:\n    requires = 'not a reference'\n"));
	T_ASSERT_INT(0, L.n);
	T_ASSERT(has_note("is not a Conan reference"));
	/* 100,000 nested brackets: a clean error, quickly */
	size_t n = 100000;
	char *deep = malloc(2 * n + 32);
	T_ASSERT(deep);
	memcpy(deep, "x = ", 4);
	memset(deep + 4, '(', n);
	memset(deep + 4 + n, ')', n);
	deep[4 + 2 * n] = '\0';
	T_ASSERT_INT(CVET_EPARSE, text(K_PY, deep));
	T_ASSERT(strstr(cvet_error_last(), "nested deeper"));
	free(deep);
}

static void test_conanpy__big_input_bounded(void)
{
	/* 20 MB: one statement of 4M tokens (skipped with a note) and 90,000 class attributes */
	size_t cap = 21u << 20, n = 0;
	char *big = malloc(cap);
	T_ASSERT(big);
	n += (size_t)snprintf(big + n, cap - n, "class A:\n    x = [");
	while (n < (8u << 20))
		n += (size_t)snprintf(big + n, cap - n, "1,");
	n += (size_t)snprintf(big + n, cap - n, "]\n");
	for (int i = 0; i < 90000 && n + 64 < cap; i++)
		n += (size_t)snprintf(big + n, cap - n, "    requires = 'zlib/1.2.%d'\n", i % 50);
	clock_t t0 = clock();
	T_ASSERT_INT(0, parse(K_PY, "conanfile.py", big, n, NULL));
	T_ASSERT(has_note("a statement of more than"));
	T_ASSERT_INT(90000, L.n);
	T_ASSERT((double)(clock() - t0) / CLOCKS_PER_SEC < 20.0);
	free(big);
}

/* ---- CMake ---- */

static void test_cmake__coacd_git_tag(void)
{
	T_ASSERT_INT(0, load(K_CMAKE, SAMPLE("cmake/SarahWeiii__CoACD__zlib.cmake")));
	T_ASSERT_INT(1, L.n);
	T_ASSERT_STR("zlib", L.items[0].name);
	T_ASSERT_STR("cmake", L.items[0].ecosystem);
	T_ASSERT_STR("v1.2.11", L.items[0].tag); /* deps.c turns the tag into a version as for submodules */
	T_ASSERT_STR("madler/zlib", L.items[0].repo);
	T_ASSERT_INT(4, L.items[0].line);
}

static void test_cmake__vllm_commit(void)
{
	T_ASSERT_INT(0, load(K_CMAKE, SAMPLE("cmake/vllm-project__vllm__dep.cmake")));
	T_ASSERT_INT(1, L.n);
	T_ASSERT_STR("6c0cb87edd029ddfb403a8e24577c144a03605a6", L.items[0].commit);
	T_ASSERT(!L.items[0].version && !L.items[0].tag);
}

static void test_cmake__urls(void)
{
	T_ASSERT_INT(0, load(K_CMAKE, SAMPLE("cmake/ericoporto__ags-old__FetchZlib.cmake")));
	T_ASSERT_INT(1, L.n);
	T_ASSERT_STR("cacf7f1d4e3d44d871b605da3b647f07d718623f", L.items[0].commit);
	T_ASSERT(strstr(L.items[0].detail, "URL_HASH MD5=4df8ccfbd8f637d556f56da8ad348c19"));
	T_ASSERT_INT(0, load(K_CMAKE, SAMPLE("cmake/cc-hng__cc__FetchGSL.cmake")));
	T_ASSERT_STR("4.0.0", L.items[0].version);
	T_ASSERT_STR("microsoft/GSL", L.items[0].repo);
	T_ASSERT_INT(0, load(K_CMAKE, SAMPLE("cmake/josopait__goopax-examples__GMP.cmake")));
	T_ASSERT_STR("6.3.0", L.items[0].version);
	T_ASSERT(strstr(L.items[0].detail, "URL_HASH SHA256=a3c2b802"));
	T_ASSERT_INT(0, load(K_CMAKE, SAMPLE("cmake/BestSens__spreadsheet-analyzer__fmt.cmake")));
	T_ASSERT_STR("cpm", L.items[0].ecosystem);
	T_ASSERT_STR("11.1.4", L.items[0].version);
	T_ASSERT_STR("pkg:github/fmtlib/fmt@11.1.4", L.items[0].purl);
}

static void test_cmake__netoptim_cpm_forms(void)
{
	T_ASSERT_INT(0, load(K_CMAKE, SAMPLE("cmake/luk036__netoptim-cpp__specific.cmake")));
	T_ASSERT_INT(7, L.n);
	const cvet_lf_pkg *f = find("fmt"), *x = find("xtensor");
	T_ASSERT(f && x);
	T_ASSERT_STR("7.1.3", f->tag);
	T_ASSERT_STR("fmtlib/fmt", f->repo);
	T_ASSERT_INT(5, f->line);
	T_ASSERT_STR("0.22.0", x->tag);
	T_ASSERT_STR("xtensor-stack/xtensor", x->repo);
	T_ASSERT_INT(63, x->line);
}

static void test_cmake__cpm_asio_tag_and_version(void)
{
	T_ASSERT_INT(0, load(K_CMAKE, SAMPLE("cmake/cpm-cmake__CPM.cmake__asio-standalone__CMakeLists.txt")));
	T_ASSERT_INT(1, L.n);
	T_ASSERT_STR("asio", L.items[0].name);
	T_ASSERT_STR("1.18.1", L.items[0].version);
	T_ASSERT_STR("chriskohlhoff/asio", L.items[0].repo);
	T_ASSERT_INT(11, L.items[0].line);
}

static void test_cmake__lock_not_repeated(void)
{
	char *lbuf = NULL, *buf = NULL;
	size_t llen = 0, len = 0;
	cvet_lf_list lock = {0};
	const char *dir = SAMPLE("cmake-with-cpm-lock/");
	char lp[512], cp[512];
	snprintf(lp, sizeof(lp), "%spackage-lock.cmake", dir);
	snprintf(cp, sizeof(cp), "%sCMakeLists.txt", dir);
	T_ASSERT_INT(0, cvet_lockfile__read_file(lp, lp, CVET_LF_MAX_FILE, &lbuf, &llen));
	T_ASSERT_INT(0, cvet_lockfile__cpm_lock(lp, lbuf, llen, &lock));
	T_ASSERT_INT(0, cvet_lockfile__read_file(cp, cp, CVET_LF_MAX_FILE, &buf, &len));
	T_ASSERT_INT(0, parse(K_CMAKE, "CMakeLists.txt", buf, len, &lock));
	T_ASSERT_INT(1, L.n);
	T_ASSERT_STR("fmt", L.items[0].name);
	T_ASSERT(has_note("PackageProject.cmake is pinned in package-lock.cmake"));
	T_ASSERT_INT(0, parse(K_CMAKE, "CMakeLists.txt", buf, len, NULL));
	T_ASSERT_INT(2, L.n);
	cvet_lockfile__list_clear(&lock);
	free(lbuf);
	free(buf);
}

static void test_cmake__forms(void)
{
	static const char src[] =
		"set(ZV 1.3.1)\n"
		"set(ZURL \"https://zlib.net/zlib-${ZV}.tar.gz\" CACHE STRING \"doc\")\n"
		"#[==[ FetchContent_Declare(fake URL x-9.9.tar.gz) ]==]\n"
		"FetchContent_Declare(zlib URL ${ZURL})\n"                                          /* 4 */
		"fetchcontent_declare([=[json]=] GIT_REPOSITORY \"https://github.com/nlohmann/json\" GIT_TAG \"v3.11.2\")\n" /* 5 */
		"FetchContent_Declare(b GIT_REPOSITORY https://github.com/a/b GIT_TAG main)\n"     /* 6 */
		"FetchContent_Declare(c GIT_REPOSITORY https://github.com/a/c GIT_TAG ddd6a4b6bcb9)\n" /* 7 */
		"FetchContent_Declare(d GIT_REPOSITORY https://github.com/a/d GIT_TAG v${UNSET})\n"    /* 8 */
		"CPMAddPackage(\"gh:gabime/spdlog@1.8.2\")\n"                                      /* 9 */
		"CPMAddPackage(\"gl:group/proj#v2.0.1\")\n"                                        /* 10 */
		"CPMAddPackage(\"bb:team/thing@0.1.0\")\n"                                         /* 11 */
		"CPMFindPackage(NAME expat GITHUB_REPOSITORY libexpat/libexpat VERSION 2.4.1 GIT_TAG R_2_4_1)\n" /* 12 */
		"CPMAddPackage(URI \"gh:fmtlib/fmt@10.2.1\" SYSTEM)\n"                             /* 13 */
		"ExternalProject_Add(rel URL https://example.org/releases/download/v1.4.2/rel.tar.gz)\n" /* 14 */
		"ExternalProject_Add(arc URL https://example.org/archive/refs/tags/v2.11.1.zip?x=1)\n"  /* 15 */
		"ExternalProject_Add(svn SVN_REPOSITORY svn://x/y)\n"                             /* 16 */
		"function(fetch n)\n"
		"  FetchContent_Declare(${n} GIT_REPOSITORY ${ARGV1} GIT_TAG ${ARGV2})\n"
		"  FetchContent_Declare(inner GIT_REPOSITORY https://github.com/o/inner GIT_TAG v1.0.0)\n" /* 19 */
		"endfunction()\n"
		"FetchContent_Declare(${X} GIT_REPOSITORY ${Y})\n"                                  /* 21 */
		"FetchContent_Declare(q URL \"https://h/q-\\\"1.0.tar.gz\")\n"                      /* 22 */
		"CPMAddPackage(\"gh:chriskohlhoff/asio#asio-1-18-1@1.18.1\")\n"                    /* 23 */
		"CPMAddPackage(\"gh:jbeder/yaml-cpp@0.6.3#yaml-cpp-0.6.3\")\n";                    /* 24 */
	T_ASSERT_INT(0, text(K_CMAKE, src));
	const cvet_lf_pkg *p;
	T_ASSERT((p = find("zlib")) && p->line == 4);
	T_ASSERT_STR("1.3.1", p->version);
	T_ASSERT(!find("fake"));
	T_ASSERT((p = find("json")) && p->line == 5);
	T_ASSERT_STR("v3.11.2", p->tag);
	T_ASSERT_STR("nlohmann/json", p->repo);
	T_ASSERT((p = find("b")) && !p->version && !p->tag && strstr(p->detail, "branch main"));
	T_ASSERT((p = find("c")) && !p->commit && strstr(p->detail, "abbreviated commit"));
	T_ASSERT((p = find("d")) && !p->version && !p->tag && strstr(p->detail, "unknown"));
	T_ASSERT((p = find("spdlog")) && p->line == 9);
	T_ASSERT_STR("1.8.2", p->version);
	T_ASSERT_STR("gabime/spdlog", p->repo);
	T_ASSERT_STR("cpm", p->ecosystem);
	T_ASSERT((p = find("proj")) && strcmp(p->tag, "v2.0.1") == 0 && strstr(p->repo, "gitlab"));
	T_ASSERT((p = find("thing")) && strcmp(p->version, "0.1.0") == 0);
	T_ASSERT((p = find("expat")) && strcmp(p->version, "2.4.1") == 0 && p->line == 12);
	T_ASSERT((p = find("fmt")) && strcmp(p->version, "10.2.1") == 0);
	T_ASSERT((p = find("rel")) && strcmp(p->version, "1.4.2") == 0);
	T_ASSERT((p = find("arc")) && strcmp(p->version, "2.11.1") == 0);
	T_ASSERT((p = find("svn")) && !p->version && strstr(p->detail, "Subversion"));
	T_ASSERT((p = find("inner")) && p->line == 19);
	T_ASSERT(has_note("line 17: 'fetch' wraps FetchContent_Declare with its parameters"));
	T_ASSERT(has_note("line 21: FetchContent_Declare with a computed name"));
	T_ASSERT((p = find("q")) && p->line == 22);
	T_ASSERT((p = find("asio")) && p->version && strcmp(p->version, "1.18.1") == 0 && strcmp(p->repo, "chriskohlhoff/asio") == 0);
	T_ASSERT((p = find("yaml-cpp")) && p->version && strcmp(p->version, "0.6.3") == 0);
}

static void test_cmake__url_file_names(void)
{
	static const struct {
		const char *url, *version;
	} cases[] = {
		{"https://h/boost_1_84_0.tar.bz2", "1.84.0"},
		{"https://h/llvm-project-17.0.6.src.tar.xz", "17.0.6"},
		{"https://h/openssl-1.1.1w.tar.gz", "1.1.1w"},
		{"https://github.com/google/googletest/archive/release-1.8.0.zip", "1.8.0"},
		{"https://github.com/curl/curl/archive/curl-7_71_1.zip", "7.71.1"},
		{"https://h/json-3.11.2-rc1.tar.gz", "3.11.2-rc1"},
		{"https://h/v2.11.1.zip", "2.11.1"},
		{"https://h/zlib-1.3.1.tar.gz#frag", "1.3.1"},
		{"https://h/zlib.tar.gz", NULL},
		{"https://h/archive/main.tar.gz", NULL},
		{"https://h/thing-2024-01-01.tar.gz", NULL},
		{"https://h/x86_64-linux.tar.gz", NULL},
		{"https://h/cmake-3.28.1-linux-x86_64.tar.gz", "3.28.1"},
		{"https://h/libjpeg-9e.tar.gz", "9e"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char src[512];
		snprintf(src, sizeof(src), "FetchContent_Declare(p URL \"%s\")\n", cases[i].url);
		T_ASSERT_INT(0, text(K_CMAKE, src));
		T_ASSERT_INT(1, L.n);
		if (cases[i].version) {
			if (!L.items[0].version || strcmp(L.items[0].version, cases[i].version) != 0)
				fprintf(stderr, "  %s -> %s\n", cases[i].url, L.items[0].version ? L.items[0].version : "(none)");
			T_ASSERT(L.items[0].version && strcmp(L.items[0].version, cases[i].version) == 0);
		} else {
			if (L.items[0].version)
				fprintf(stderr, "  %s -> %s\n", cases[i].url, L.items[0].version);
			T_ASSERT(!L.items[0].version);
		}
	}
}

static void test_cmake__conditional_set_is_unknown(void)
{
	static const char src[] = "set(A 1.0)\nif(WIN32)\n  set(A 2.0)\nendif()\nset(B 3.0)\nif(X)\n  set(B 3.0)\nendif()\n"
				  "if(Y)\n  set(C 4.0)\nendif()\n"
				  "FetchContent_Declare(a URL https://h/a-${A}.tar.gz)\n"
				  "FetchContent_Declare(b URL https://h/b-${B}.tar.gz)\n"
				  "FetchContent_Declare(c URL https://h/c-${C}.tar.gz)\n";
	T_ASSERT_INT(0, text(K_CMAKE, src));
	T_ASSERT(find("a") && !find("a")->version && strstr(find("a")->detail, "unknown"));
	T_ASSERT(find("b") && find("b")->version && strcmp(find("b")->version, "3.0") == 0);
	T_ASSERT(find("c") && find("c")->version && strcmp(find("c")->version, "4.0") == 0);
}

static void test_cmake__hostile(void)
{
	T_ASSERT_INT(CVET_EPARSE, text(K_CMAKE, "FetchContent_Declare(x\n  URL a-1.0.tar.gz\n"));
	T_ASSERT(strstr(cvet_error_last(), "line 1: unterminated command"));
	T_ASSERT_INT(CVET_EPARSE, text(K_CMAKE, "set(A \"never closed)\n"));
	T_ASSERT(strstr(cvet_error_last(), "unterminated quoted argument"));
	T_ASSERT_INT(CVET_EPARSE, text(K_CMAKE, "set(A [==[ x ]=] )\n"));
	T_ASSERT(strstr(cvet_error_last(), "unterminated bracket argument"));
	T_ASSERT_INT(CVET_EPARSE, text(K_CMAKE, "#[[ never closed\nset(A 1)\n"));
	T_ASSERT(strstr(cvet_error_last(), "unterminated bracket comment"));
	T_ASSERT_INT(CVET_EPARSE, parse(K_CMAKE, "CMakeLists.txt", "set(A\0)", 7, NULL));
	T_ASSERT_INT(CVET_EPARSE, text(K_CMAKE, "\x1b[2J(\n"));
	T_ASSERT(strstr(cvet_error_last(), "byte 0x1b"));
	/* self-referencing variables stay bounded */
	T_ASSERT_INT(0, text(K_CMAKE, "set(A ${A}${A}x)\nset(A ${A}${A}${A}${A})\nset(A ${A}${A}${A}${A})\n"
				      "FetchContent_Declare(z URL https://h/z-${A}.tar.gz)\n"));
	T_ASSERT_INT(1, L.n);
	size_t n = 100000;
	char *deep = malloc(2 * n + 32);
	T_ASSERT(deep);
	memcpy(deep, "set(A ", 6);
	memset(deep + 6, '(', n);
	memset(deep + 6 + n, ')', n);
	memcpy(deep + 6 + 2 * n, ")\n", 3);
	T_ASSERT_INT(CVET_EPARSE, text(K_CMAKE, deep));
	T_ASSERT(strstr(cvet_error_last(), "nested deeper"));
	free(deep);
	/* 20 MB of ordinary commands: read in bounded time and memory */
	size_t cap = 21u << 20, m = 0;
	char *big = malloc(cap);
	T_ASSERT(big);
	while (m + 128 < (20u << 20))
		m += (size_t)snprintf(big + m, cap - m, "message(STATUS \"x ${Y}\" [[z]] w) # c\nset(V%zu 1)\n", m % 5000);
	m += (size_t)snprintf(big + m, cap - m, "FetchContent_Declare(zz URL https://h/zz-1.2.3.zip)\n");
	clock_t t0 = clock();
	T_ASSERT_INT(0, parse(K_CMAKE, "CMakeLists.txt", big, m, NULL));
	T_ASSERT_INT(1, L.n);
	T_ASSERT((double)(clock() - t0) / CLOCKS_PER_SEC < 30.0);
	free(big);
}

static void test_cmake__long_and_many_arguments(void)
{
	/* a 5,000-item source list and a 10 KB string do not stop the file; values built from them are unknown */
	size_t cap = 200000, n = 0;
	char *src = malloc(cap);
	T_ASSERT(src);
	n += (size_t)snprintf(src + n, cap - n, "set(SRCS");
	for (int i = 0; i < 5000; i++)
		n += (size_t)snprintf(src + n, cap - n, " f%d.c", i);
	n += (size_t)snprintf(src + n, cap - n, ")\nset(LONG \"");
	memset(src + n, 'x', 10000);
	n += 10000;
	n += (size_t)snprintf(src + n, cap - n, "\")\nset(V 1.2.3)\n"
			      "FetchContent_Declare(a URL https://h/a-${V}.tar.gz)\n"
			      "FetchContent_Declare(b URL https://h/b-${LONG}.tar.gz)\n"
			      "FetchContent_Declare(c URL https://h/c-${SRCS}.tar.gz)\n");
	T_ASSERT_INT(0, parse(K_CMAKE, "CMakeLists.txt", src, n, NULL));
	T_ASSERT(find("a") && find("a")->version && strcmp(find("a")->version, "1.2.3") == 0);
	T_ASSERT(find("b") && !find("b")->version);
	T_ASSERT(find("c") && !find("c")->version);
	free(src);
}

static void test_cmake__zz_cleanup(void)
{
	cvet_lockfile__list_clear(&L);
}

CVET_TEST_MAIN(T(test_conanpy__examples2_calls), T(test_conanpy__status_cpp_attribute_list),
	       T(test_conanpy__mevislab_fstrings_ranges), T(test_conanpy__forms), T(test_conanpy__test_package_reference_is_not_a_dependency), T(test_conanpy__hostile),
	       T(test_conanpy__big_input_bounded), T(test_cmake__coacd_git_tag), T(test_cmake__vllm_commit),
	       T(test_cmake__urls), T(test_cmake__netoptim_cpm_forms), T(test_cmake__cpm_asio_tag_and_version), T(test_cmake__lock_not_repeated),
	       T(test_cmake__forms), T(test_cmake__url_file_names), T(test_cmake__conditional_set_is_unknown), T(test_cmake__hostile), T(test_cmake__long_and_many_arguments), T(test_cmake__zz_cleanup))
