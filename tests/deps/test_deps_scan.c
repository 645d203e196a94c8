/* test_deps_scan.c - unit tests of cvet_deps_scan(): inventory, findings, ignores with expiry, walked vs named errors */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cvet/deps.h"
#include "test.h"

#ifndef CVET_TESTDATA
#define CVET_TESTDATA "testdata"
#endif
#ifndef CVET_TEST_DB
#define CVET_TEST_DB "advisories.db"
#endif

#define VULN CVET_TESTDATA "/deps/vulnerable"

static cvet_report *R;

static int scan(const char *path, const char *config, const char *today)
{
	cvet_deps_options o = CVET_DEPS_OPTIONS_INIT;
	const char *paths[] = {path};
	cvet_report_free(R);
	R = NULL;
	if (cvet_report_new(&R) < 0)
		return CVET_ENOMEM;
	o.db_path = CVET_TEST_DB;
	o.config_path = config;
	o.report_root = CVET_TESTDATA "/deps";
	o.today = today;
	int err = cvet_deps_scan(paths, 1, &o, R);
	if (err == 0)
		err = cvet_report_finalize(R);
	return err;
}

static const cvet_finding *finding(const char *alias)
{
	for (size_t i = 0; i < R->nfindings; i++) {
		const cvet_dep_info *d = R->findings[i]->dep;
		if (!d)
			continue;
		if (strcmp(d->advisory_id, alias) == 0)
			return R->findings[i];
		for (size_t k = 0; k < d->naliases; k++)
			if (strcmp(d->aliases[k], alias) == 0)
				return R->findings[i];
	}
	return NULL;
}

static const cvet_package *package(const char *name)
{
	for (size_t i = 0; i < R->npackages; i++)
		if (strcmp(R->packages[i]->name, name) == 0)
			return R->packages[i];
	return NULL;
}

static int note(const char *needle)
{
	for (size_t i = 0; i < R->nnotes; i++)
		if (strstr(R->notes[i], needle))
			return 1;
	return 0;
}

static char tmpdir[64];

static const char *write_tmp(const char *name, const char *text)
{
	static char path[128];
	if (!tmpdir[0]) {
		snprintf(tmpdir, sizeof(tmpdir), "/tmp/cvet-deps-scan-XXXXXX");
		if (!mkdtemp(tmpdir))
			return NULL;
	}
	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	FILE *f = fopen(path, "w");
	if (!f)
		return NULL;
	fputs(text, f);
	fclose(f);
	return path;
}

static void test_deps__scan_vulnerable_tree(void)
{
	T_ASSERT_INT(0, scan(VULN, NULL, "2026-01-01"));
	T_ASSERT_INT(1, R->deps_ran);
	T_ASSERT_INT(3, R->manifests_scanned);
	const cvet_finding *f = finding("CVE-2022-3602");
	T_ASSERT(f != NULL);
	T_ASSERT_STR("vulnerable/conanfile.txt", f->loc.path);
	T_ASSERT_INT(2, f->loc.line);
	T_ASSERT_INT(CVET_KIND_DEPENDENCY, f->kind);
	T_ASSERT_INT(0, f->cwe[0]);
	T_ASSERT_STR("3.0.7", f->dep->upgrade_to);
	T_ASSERT_STR("conan:openssl@3.0.6", f->snippet);
	T_ASSERT(strchr(f->message, '\n') == NULL && strlen(f->message) < 700);
	f = finding("CVE-2023-38545");
	T_ASSERT(f != NULL);
	T_ASSERT_STR("curl", f->dep->upstream);
	T_ASSERT_STR("8.4.0", f->dep->upgrade_to);
	T_ASSERT(finding("CVE-2018-25032") != NULL);
	const cvet_package *p = package("openssl");
	T_ASSERT(p != NULL);
	T_ASSERT_INT(1, p->checked);
	T_ASSERT(p->nvulns > 0);
	T_ASSERT_STR("pkg:conan/openssl@3.0.6", p->purl);
	p = package("fmt");
	T_ASSERT(p != NULL && p->version == NULL);
	T_ASSERT_INT(0, p->checked);
	p = package("cmake");
	T_ASSERT(p != NULL && p->build_only);
}

static void test_deps__ignore_until_and_unused(void)
{
	const char *cfg = write_tmp("cfg.json",
		"{\"ignore\": [\n"
		" {\"id\": \"CVE-2023-38545\", \"package\": \"libcurl\", \"reason\": \"no proxy\", \"until\": \"2026-06-30\"},\n"
		" {\"id\": \"CVE-1999-0001\", \"reason\": \"nothing\"}\n"
		"]}\n");
	T_ASSERT(cfg != NULL);
	/* before the expiry date: dropped, and the package count follows */
	T_ASSERT_INT(0, scan(VULN, cfg, "2026-06-30"));
	T_ASSERT(finding("CVE-2023-38545") == NULL);
	T_ASSERT(note("unused ignore for CVE-1999-0001"));
	T_ASSERT(!note("expired"));
	size_t before = package("libcurl")->nvulns;
	/* the day after: reported again, with a note */
	T_ASSERT_INT(0, scan(VULN, cfg, "2026-07-01"));
	T_ASSERT(finding("CVE-2023-38545") != NULL);
	T_ASSERT(note("ignore for CVE-2023-38545 in libcurl expired on 2026-06-30"));
	T_ASSERT_INT(before + 1, package("libcurl")->nvulns);
}

static void test_deps__ignore_without_reason_is_an_error(void)
{
	const char *cfg = write_tmp("noreason.json", "{\"ignore\": [{\"id\": \"CVE-2023-38545\", \"reason\": \"  \"}]}");
	T_ASSERT(cfg != NULL);
	T_ASSERT_INT(CVET_EPARSE, scan(VULN, cfg, "2026-01-01"));
	T_ASSERT(strstr(cvet_error_last(), "reason"));
	cfg = write_tmp("baddate.json", "{\"ignore\": [{\"id\": \"X\", \"reason\": \"r\", \"until\": \"2026-13-01\"}]}");
	T_ASSERT_INT(CVET_EPARSE, scan(VULN, cfg, "2026-01-01"));
	cfg = write_tmp("broken.json", "{\"ignore\": [");
	T_ASSERT_INT(CVET_EPARSE, scan(VULN, cfg, "2026-01-01"));
}

static void test_deps__walked_bad_file_is_a_note_named_is_an_error(void)
{
	const char *bad = write_tmp("conan.lock", "{\"version\": \"0.5\", \"requires\": [1, 2]}");
	T_ASSERT(bad != NULL);
	T_ASSERT_INT(CVET_EPARSE, scan(bad, NULL, "2026-01-01"));
	T_ASSERT(strstr(cvet_error_last(), "entries must be strings"));
	T_ASSERT_INT(0, scan(tmpdir, NULL, "2026-01-01"));
	T_ASSERT(note("skipped"));
	T_ASSERT(note("entries must be strings"));
}

static void test_deps__bad_today_and_missing_path(void)
{
	T_ASSERT_INT(CVET_EUSAGE, scan(VULN, NULL, "yesterday"));
	T_ASSERT(scan("/nonexistent/cvet", NULL, NULL) < 0);
}

/* Hardening #5: 10,000 identical vulnerable pins took 5.3 GB (one finding per copy per advisory). Identical
 * pins in one file are matched once and reported once, at the first line, with a note of the count. */
static void test_deps__identical_pins_are_reported_once(void)
{
	char dir[64], path[128];
	snprintf(dir, sizeof(dir), "/tmp/cvet-deps-dup-XXXXXX");
	T_ASSERT(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/conanfile.txt", dir);
	FILE *f = fopen(path, "w");
	T_ASSERT(f != NULL);
	fputs("[requires]\nopenssl/1.1.1a\n", f);
	fclose(f);
	T_ASSERT_INT(0, scan(dir, NULL, "2026-01-01"));
	size_t one = R->nfindings;
	T_ASSERT(one > 0);
	f = fopen(path, "w");
	T_ASSERT(f != NULL);
	fputs("[requires]\n", f);
	for (int i = 0; i < 3000; i++)
		fputs("openssl/1.1.1a\n", f);
	fputs("zlib/1.2.11\n", f);
	fclose(f);
	T_ASSERT_INT(0, scan(dir, NULL, "2026-01-01"));
	size_t openssl = 0, pk = 0;
	for (size_t i = 0; i < R->nfindings; i++)
		openssl += R->findings[i]->dep && strcmp(R->findings[i]->dep->package, "openssl") == 0;
	for (size_t i = 0; i < R->npackages; i++)
		pk += strcmp(R->packages[i]->name, "openssl") == 0;
	T_ASSERT_INT(one, openssl);
	T_ASSERT_INT(1, pk);
	T_ASSERT_INT(2, package("openssl")->loc.line); /* the first copy */
	T_ASSERT(note("openssl 1.1.1a is pinned 3000 times; matched and reported once, at line 2"));
	unlink(path);
	rmdir(dir);
}

/* Hardening #3: the walk follows no links, and a linked manifest is named in a note, not read. */
static void test_deps__linked_manifest_is_a_note(void)
{
	char dir[64], path[128];
	snprintf(dir, sizeof(dir), "/tmp/cvet-deps-link-XXXXXX");
	T_ASSERT(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/conanfile.txt", dir);
	T_ASSERT_INT(0, symlink(CVET_TESTDATA "/deps/vulnerable/conanfile.txt", path));
	T_ASSERT_INT(0, scan(dir, NULL, "2026-01-01"));
	T_ASSERT_INT(0, R->npackages);
	T_ASSERT(note("conanfile.txt: a symbolic link (the dependency scan does not follow links)"));
	unlink(path);
	rmdir(dir);
}

static void test_deps__zz_cleanup(void)
{
	cvet_report_free(R);
	R = NULL;
	if (tmpdir[0]) {
		static const char *const names[] = {"cfg.json", "noreason.json", "baddate.json", "broken.json", "conan.lock"};
		char p[160];
		for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
			snprintf(p, sizeof(p), "%s/%s", tmpdir, names[i]);
			unlink(p);
		}
		rmdir(tmpdir);
	}
}

CVET_TEST_MAIN(T(test_deps__scan_vulnerable_tree), T(test_deps__ignore_until_and_unused),
	       T(test_deps__ignore_without_reason_is_an_error), T(test_deps__walked_bad_file_is_a_note_named_is_an_error),
	       T(test_deps__bad_today_and_missing_path), T(test_deps__identical_pins_are_reported_once),
	       T(test_deps__linked_manifest_is_a_note), T(test_deps__zz_cleanup))
