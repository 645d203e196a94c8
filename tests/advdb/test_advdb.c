/* test_advdb.c - unit tests for the advisory database: versions, CVSS, inflate/zip, hostile imports, atomicity, matching */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"
#include "advdb/advdb_int.h"
#include "common/util.h"

#ifndef CVET_TEST_SCRATCH
#define CVET_TEST_SCRATCH "/tmp/cvet-advdb-test"
#endif
#ifndef CVET_TEST_ZIPS
#define CVET_TEST_ZIPS CVET_TEST_SCRATCH "/zips"
#endif

/* ---- helpers -------------------------------------------------------------------------------------- */

static char path_buf[8][1024];
static int path_next;

/* A path inside the scratch folder (rotating static buffers). */
static const char *scratch(const char *name)
{
	char *b = path_buf[path_next++ % 8];
	mkdir(CVET_TEST_SCRATCH, 0755);
	snprintf(b, sizeof(path_buf[0]), "%s/%s", CVET_TEST_SCRATCH, name);
	return b;
}

static int write_file(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	size_t w = fwrite(data, 1, n, f);
	fclose(f);
	return w == n ? 0 : -1;
}

static char *read_all(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long len = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *b = malloc((size_t)len + 1);
	if (b && fread(b, 1, (size_t)len, f) != (size_t)len) {
		free(b);
		b = NULL;
	}
	fclose(f);
	if (b) {
		b[len] = '\0';
		*n = (size_t)len;
	}
	return b;
}

/* Run `cvet db ARGS...` in-process; returns the exit code. stdout is left alone (the summary line). */
static int db(const char *a1, const char *a2, const char *a3, const char *a4, const char *a5)
{
	char *argv[8] = {(char *)"db", (char *)a1, (char *)a2, (char *)a3, (char *)a4, (char *)a5, NULL, NULL};
	int argc = 1;
	while (argc < 7 && argv[argc])
		argc++;
	return cvet_db_main(argc, argv);
}

static const char GOOD_RECORD[] =
	"{\"id\":\"TEST-1\",\"modified\":\"2026-01-01T00:00:00Z\",\"aliases\":[\"CVE-2099-0001\"],"
	"\"affected\":[{\"package\":{\"ecosystem\":\"Bitnami\",\"name\":\"libfoo\"},"
	"\"ranges\":[{\"type\":\"SEMVER\",\"events\":[{\"introduced\":\"1.0.0\"},{\"fixed\":\"1.2.0\"},"
	"{\"introduced\":\"2.0.0\"},{\"fixed\":\"2.0.5\"}]}]}],"
	"\"severity\":[{\"type\":\"CVSS_V3\",\"score\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"}]}";

static const char GOOD_RECORD2[] =
	"{\"id\":\"TEST-2\",\"modified\":\"2026-02-01T00:00:00Z\",\"database_specific\":{\"package\":\"libfoo\",\"severity\":\"Low\"},"
	"\"affected\":[{\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"0\"},{\"last_affected\":\"0.9\"}]}],"
	"\"versions\":[\"0.9\"]}]}";

/* Regression (Hardening #4): two `cvet db import` runs into one database at the same time both printed
 * "imported", exited 0, and only one run's records survived. Imports now serialise on a lock. */
static int write_records(const char *dir, const char *prefix, int n)
{
	mkdir(dir, 0755);
	for (int i = 0; i < n; i++) {
		char path[1200], rec[512];
		snprintf(path, sizeof(path), "%s/%s-%d.json", dir, prefix, i);
		snprintf(rec, sizeof(rec),
			 "{\"id\":\"%s-%d\",\"modified\":\"2026-01-01T00:00:00Z\",\"affected\":[{\"package\":"
			 "{\"ecosystem\":\"ConanCenter\",\"name\":\"pkg-%s-%d\"},\"versions\":[\"1.0\"]}]}",
			 prefix, i, prefix, i);
		if (write_file(path, rec, strlen(rec)) < 0)
			return -1;
	}
	return 0;
}

static pid_t import_in_child(const char *dbp, const char *dir)
{
	pid_t pid = fork();
	if (pid == 0) {
		int nul = open("/dev/null", O_WRONLY);
		if (nul >= 0)
			dup2(nul, 1);
		_exit(db("import", "--db", dbp, dir, NULL) == 0 ? 0 : 1);
	}
	return pid;
}

void test_import__concurrent_imports_keep_both_sets(void)
{
	const char *dbp = scratch("concurrent.db"), *a = scratch("concurrent-a"), *b = scratch("concurrent-b");
	T_ASSERT_INT(0, write_records(a, "CA", 300));
	T_ASSERT_INT(0, write_records(b, "CB", 300));
	for (int trial = 0; trial < 5; trial++) {
		unlink(dbp);
		pid_t p1 = import_in_child(dbp, a), p2 = import_in_child(dbp, b);
		int s1 = -1, s2 = -1;
		T_ASSERT(p1 > 0 && p2 > 0);
		T_ASSERT(waitpid(p1, &s1, 0) == p1 && waitpid(p2, &s2, 0) == p2);
		T_ASSERT(WIFEXITED(s1) && WEXITSTATUS(s1) == 0);
		T_ASSERT(WIFEXITED(s2) && WEXITSTATUS(s2) == 0);
		cvet_advdb *d = NULL;
		cvet_advdb_status st;
		T_ASSERT_INT(0, cvet_advdb_open(&d, dbp));
		T_ASSERT_INT(0, cvet_advdb__status(d, &st));
		T_ASSERT_INT(600, st.records); /* both sets, in every trial */
		cvet_advdb__status_clear(&st);
		cvet_advdb_free(d);
	}
}

/* Regression (Hardening #10): a "\u0000" inside an OSV string cut the string there; such a record is
 * now rejected with a message saying why (the text after it would otherwise be lost unseen). */
void test_import__nul_in_a_string_is_rejected(void)
{
	static const char rec[] = "{\"id\":\"NUL-1\",\"summary\":\"short\\u0000 and the rest\",\"affected\":[]}";
	static const char esc[] = "{\"id\":\"NUL-2\",\"summary\":\"a backslash then u0000: \\\\u0000\",\"affected\":[]}";
	cvet_osv_record r;
	T_ASSERT_INT(CVET_EPARSE, cvet_osv__parse(rec, strlen(rec), "nul.json", NULL, &r));
	T_ASSERT(strstr(cvet_error_last(), "NUL"));
	T_ASSERT(strstr(cvet_error_last(), "nul.json"));
	T_ASSERT_INT(CVET_EPARSE, cvet_osv__parse("{\"id\":\"N\0\"}", 10, "raw.json", NULL, &r));
	/* an escaped backslash followed by "u0000" is ordinary text */
	T_ASSERT_INT(0, cvet_osv__parse(esc, strlen(esc), "esc.json", NULL, &r));
	T_ASSERT(strstr(r.summary, "u0000") != NULL);
	cvet_osv__record_clear(&r);
}

/* Regression (Hardening #6): messages quote hostile text (zip entry names, lockfile strings); the one
 * place every error message is formatted makes controls visible instead of passing them on. */
void test_error__messages_escape_terminal_controls(void)
{
	cvet_error_setc(CVET_EPARSE, "bad '%s'", "a\x1b]0;title\x07z\x7f\xc2\x9b\xff\tend\nx");
	T_ASSERT_STR("bad 'a\\x1b]0;title\\x07z\\x7f\\xc2\\x9b\\xff end x'", cvet_error_last());
	cvet_error_setc(CVET_EPARSE, "%s", "caf\xc3\xa9 \\x41 ok");
	T_ASSERT_STR("caf\xc3\xa9 \\x41 ok", cvet_error_last()); /* valid UTF-8 and backslashes pass */
	char small[8];
	cvet_util__escape_text(small, sizeof(small), "ab\x1b\x1b");
	T_ASSERT_STR("ab\\x1b", small); /* never half an escape */
}

/* ---- versions ---------------------------------------------------------------------------------- */

static int sign(int x) { return (x > 0) - (x < 0); }

void test_version__ordering(void)
{
	static const struct { const char *a, *b; int want; } t[] = {
		/* OpenSSL letter releases */
		{"1.0.2", "1.0.2a", -1}, {"1.0.2a", "1.0.2b", -1}, {"1.0.2y", "1.0.2z", -1}, {"1.0.2z", "1.0.2za", -1},
		{"1.0.2za", "1.0.2zb", -1}, {"1.1.1k", "1.1.1n", -1}, {"1.1.1w", "3.0.0", -1}, {"1.0.2zb", "1.0.3", -1},
		{"1.1.1", "1.1.1-pre1", 1},
		/* dotted numeric of any length */
		{"1.2.11", "1.2.12", -1}, {"1.2.12", "1.2.13.1", -1}, {"1.2.13", "1.2.13.1", -1}, {"1.10", "1.9", 1},
		{"7.7", "7.7.0", 0}, {"7.7", "7.10.1", -1}, {"8.4.0", "8.3.0", 1}, {"0", "0.0.1", -1},
		{"2.0.10", "2.0.9", 1}, {"10.0", "9.99.99", 1},
		/* leading v, build metadata, Conan/vcpkg revisions */
		{"v1.2.3", "1.2.3", 0}, {"1.2.13+0", "1.2.13", 0}, {"1.2.12+3", "1.2.12", 0},
		{"1.3.1#7d2a8ab8b9c1f2d4", "1.3.1", 0}, {"1.3.1#2", "1.3.1", 0}, {"3.0.7#0", "3.0.6", 1},
		/* pre-releases */
		{"1.0.0-rc1", "1.0.0", -1}, {"1.0.0-rc1", "1.0.0-rc2", -1}, {"1.0.0-alpha", "1.0.0-beta", -1},
		{"1.0.0-beta2", "1.0.0-rc1", -1}, {"1.0.0-alpha.1", "1.0.0-alpha.2", -1}, {"3.0.0-alpha1", "3.0.0", -1},
		{"3.0.0-beta1", "3.0.0-alpha17", 1}, {"2.0.0rc1", "2.0.0", -1}, {"0.9.9", "1.0.0-rc1", -1},
		/* date versions and non-numeric text */
		{"cci.20230101", "cci.20230102", -1}, {"cci.20230101", "1.0", -1}, {"cci.20230101", "cci.20230101", 0},
		{"tiny-curl-7.72.0", "7.72.0", -1},
		/* OpenSSH-style patch levels */
		{"9.3p1", "9.3p2", -1}, {"9.3p2", "9.4p1", -1}, {"9.3", "9.3p1", -1},
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		int got = sign(cvet_version_cmp(t[i].a, t[i].b)), rev = sign(cvet_version_cmp(t[i].b, t[i].a));
		if (got != t[i].want || rev != -t[i].want) {
			fprintf(stderr, "  cmp(%s, %s) = %d / reverse %d, want %d\n", t[i].a, t[i].b, got, rev, t[i].want);
			T_ASSERT(0);
		}
	}
}

void test_version__from_tag(void)
{
	static const struct { const char *tag, *project, *want; } t[] = {
		{"v1.2.3", NULL, "1.2.3"}, {"curl-8_4_0", "curl", "8.4.0"}, {"OpenSSL_1_1_1k", "openssl", "1.1.1k"},
		{"OpenSSL_1_1_1-pre1", "openssl", "1.1.1-pre1"}, {"openssl-3.0.7", "openssl", "3.0.7"},
		{"release-1.2", NULL, "1.2"}, {"release-qpdf-10.0.0", "qpdf", "10.0.0"}, {"poppler-0.66.0", "poppler", "0.66.0"},
		{"VER-2-10-0", "freetype2", "2.10.0"}, {"R_2_4_1", "expat", "2.4.1"}, {"refs/tags/v2.0", NULL, "2.0"},
		{"libxml2-2.9.10", "libxml2", "2.9.10"}, {"tiny-curl-7_72_0", "curl", "tiny-curl-7.72.0"},
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		char *got = cvet_version_from_tag(t[i].tag, t[i].project);
		int ok = got && strcmp(got, t[i].want) == 0;
		if (!ok)
			fprintf(stderr, "  from_tag(%s, %s) = %s, want %s\n", t[i].tag, t[i].project ? t[i].project : "NULL",
				got ? got : "NULL", t[i].want);
		free(got);
		T_ASSERT(ok);
	}
}

/* ---- CVSS --------------------------------------------------------------------------------------- */

void test_cvss__known_scores(void)
{
	static const struct { const char *v; double want; } t[] = {
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8},
		{"CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H", 8.1},
		{"CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1},
		{"CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N", 6.4},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N", 5.8},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H", 9.6},
		{"CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 7.5},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0},
		{"AV:N/AC:L/Au:N/C:P/I:P/A:P", 7.5},
		{"AV:N/AC:L/Au:N/C:N/I:N/A:P", 5.0},
		{"AV:N/AC:L/Au:N/C:C/I:C/A:C", 10.0},
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		double got = cvet_cvss__score(t[i].v, NULL);
		if (fabs(got - t[i].want) > 1e-9)
			fprintf(stderr, "  %s = %.1f, want %.1f\n", t[i].v, got, t[i].want);
		T_ASSERT(fabs(got - t[i].want) < 1e-9);
	}
}

void test_cvss__v4_scores(void)
{
	/* expected values from the FIRST v4.0 calculator's algorithm; cvet matches it on all 104,976 base vectors */
	static const struct { const char *v; double want; } t[] = {
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N", 6.9},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", 10.0},
		{"CVSS:4.0/AV:L/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N", 1.0},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 8.7},
		{"CVSS:4.0/AV:A/AC:H/AT:P/PR:L/UI:P/VC:L/VI:L/VA:H/SC:L/SI:N/SA:N", 4.4},
		{"CVSS:4.0/AV:P/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", 0.0},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U", 8.1},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:H/SI:N/SA:N", 7.7},
		{"CVSS:4.0/AV:A/AC:H/AT:P/PR:L/UI:N/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N/E:X/CR:X/IR:X/AR:X/MAV:X/MAC:X/MAT:X/MPR:X/"
		 "MUI:X/MVC:X/MVI:X/MVA:X/MSC:X/MSI:X/MSA:X/S:X/AU:X/R:X/V:X/RE:X/U:Clear", 2.1},
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		double got = cvet_cvss__score(t[i].v, NULL);
		if (fabs(got - t[i].want) > 1e-9)
			fprintf(stderr, "  %s = %.1f, want %.1f\n", t[i].v, got, t[i].want);
		T_ASSERT(fabs(got - t[i].want) < 1e-9);
	}
}

void test_cvss__malformed(void)
{
	T_ASSERT(cvet_cvss__score("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", NULL) < 0);
	T_ASSERT(cvet_cvss__score("CVSS:3.1/AV:N/AC:L", NULL) < 0);
	T_ASSERT(cvet_cvss__score("CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", NULL) < 0);
	T_ASSERT(cvet_cvss__score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/", NULL) < 0);
	T_ASSERT(cvet_cvss__score("", NULL) < 0);
	T_ASSERT(cvet_cvss__score(NULL, NULL) < 0);
	T_ASSERT(cvet_cvss__score("CVSS:9.9/AV:N", NULL) < 0);
	T_ASSERT(cvet_cvss__score("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N", NULL) < 0);
	T_ASSERT(cvet_cvss__score("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N", NULL) < 0);
	T_ASSERT(cvet_cvss__score("CVSS:4.0/AV:Q/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", NULL) < 0);
	T_ASSERT_INT(CVET_SEV_CRITICAL, cvet_cvss__severity(9.0));
	T_ASSERT_INT(CVET_SEV_HIGH, cvet_cvss__severity(8.9));
	T_ASSERT_INT(CVET_SEV_MEDIUM, cvet_cvss__severity(4.0));
	T_ASSERT_INT(CVET_SEV_LOW, cvet_cvss__severity(0.1));
}

/* ---- inflate and zip ---------------------------------------------------------------------------- */

void test_zip__inflate_roundtrips(void)
{
	static const char *const names[] = {"empty", "hello", "text", "random", "stored", "runs", "fixed", "fixed_high"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char p1[1024], p2[1024];
		size_t nraw = 0, nbin = 0, nout = 0;
		snprintf(p1, sizeof(p1), "%s/infl_%s.raw", CVET_TEST_ZIPS, names[i]);
		snprintf(p2, sizeof(p2), "%s/infl_%s.bin", CVET_TEST_ZIPS, names[i]);
		char *raw = read_all(p1, &nraw), *bin = read_all(p2, &nbin);
		unsigned char *out = NULL;
		T_ASSERT(raw && bin);
		int rc = cvet_inflate__raw((unsigned char *)raw, nraw, 4u << 20, &out, &nout);
		int ok = rc == 0 && nout == nbin && memcmp(out, bin, nbin) == 0;
		if (!ok)
			fprintf(stderr, "  inflate %s: rc %d, %zu bytes (want %zu)\n", names[i], rc, nout, nbin);
		/* the output cap holds: one byte short of the data is a limit error, never an overflow */
		unsigned char *o2 = NULL;
		size_t n2 = 0;
		int rc2 = nbin ? cvet_inflate__raw((unsigned char *)raw, nraw, nbin - 1, &o2, &n2) : CVET_ELIMIT;
		/* every truncation of the stream fails cleanly */
		int trunc_ok = 1;
		for (size_t cut = 0; cut < nraw && cut < 64; cut++) {
			unsigned char *o3 = NULL;
			size_t n3 = 0;
			if (cvet_inflate__raw((unsigned char *)raw, cut, 4u << 20, &o3, &n3) == 0 && nbin > 0 && n3 == nbin)
				trunc_ok = 0;
			free(o3);
		}
		free(raw);
		free(bin);
		free(out);
		free(o2);
		T_ASSERT(ok);
		T_ASSERT_INT(CVET_ELIMIT, rc2);
		T_ASSERT(trunc_ok);
	}
}

void test_zip__inflate_garbage(void)
{
	unsigned char junk[4096];
	unsigned seed = 12345;
	for (int round = 0; round < 200; round++) {
		for (size_t i = 0; i < sizeof(junk); i++) {
			seed = seed * 1103515245u + 12345u;
			junk[i] = (unsigned char)(seed >> 16);
		}
		unsigned char *out = NULL;
		size_t n = 0;
		int rc = cvet_inflate__raw(junk, sizeof(junk), 1u << 20, &out, &n);
		T_ASSERT(rc == 0 || rc == CVET_EPARSE || rc == CVET_ELIMIT);
		free(out);
	}
}

void test_zip__reads_good_archive(void)
{
	cvet_zip *z = NULL;
	char p[1024];
	snprintf(p, sizeof(p), "%s/good.zip", CVET_TEST_ZIPS);
	T_ASSERT_INT(0, cvet_zip__open(&z, p));
	T_ASSERT_INT(5, cvet_zip__count(z));
	int found = 0;
	for (size_t i = 0; i < cvet_zip__count(z); i++) {
		char *data = NULL;
		size_t n = 0;
		if (strcmp(cvet_zip__name(z, i), "records/TEST-ZIP-0.json") == 0 ||
		    strcmp(cvet_zip__name(z, i), "records/TEST-ZIP-1.json") == 0) {
			T_ASSERT_INT(0, cvet_zip__read(z, i, &data, &n));
			T_ASSERT(strstr(data, "\"TEST-ZIP-") != NULL);
			found++;
		}
		free(data);
	}
	cvet_zip__free(z);
	T_ASSERT_INT(2, found);
}

void test_zip__rejects_bombs(void)
{
	cvet_zip *z = NULL;
	char p[1024];
	char *data = NULL;
	size_t n = 0;
	/* 40 MiB in one entry */
	snprintf(p, sizeof(p), "%s/bomb.zip", CVET_TEST_ZIPS);
	T_ASSERT_INT(0, cvet_zip__open(&z, p));
	T_ASSERT_INT(CVET_ELIMIT, cvet_zip__read(z, 0, &data, &n));
	T_ASSERT(data == NULL);
	cvet_zip__free(z);
	/* an entry inflating past its declared size */
	snprintf(p, sizeof(p), "%s/liar.zip", CVET_TEST_ZIPS);
	z = NULL;
	T_ASSERT_INT(0, cvet_zip__open(&z, p));
	T_ASSERT_INT(CVET_ELIMIT, cvet_zip__read(z, 0, &data, &n));
	cvet_zip__free(z);
	/* many entries sharing one compressed stream */
	snprintf(p, sizeof(p), "%s/overlap.zip", CVET_TEST_ZIPS);
	z = NULL;
	T_ASSERT_INT(CVET_ELIMIT, cvet_zip__open(&z, p));
	T_ASSERT(z == NULL);
	/* not a zip */
	snprintf(p, sizeof(p), "%s/junk.zip", CVET_TEST_ZIPS);
	T_ASSERT_INT(CVET_EPARSE, cvet_zip__open(&z, p));
}

/* ---- importing hostile input -------------------------------------------------------------------- */

void test_import__malformed_files_named_directly(void)
{
	const char *dbp = scratch("malformed.db");
	unlink(dbp);
	struct { const char *name; char *data; size_t n; } t[7];
	static const char truncated[] = "{\"id\":\"X-1\",\"affected\":[{\"package\":{\"ecosystem\":";
	static const char wrongtype[] = "{\"id\":\"X-2\",\"affected\":{\"package\":1}}";
	static const char wrongtype2[] = "{\"id\":42,\"affected\":[]}";
	t[0].name = "truncated.json"; t[0].data = (char *)truncated; t[0].n = sizeof(truncated) - 1;
	t[1].name = "wrongtype.json"; t[1].data = (char *)wrongtype; t[1].n = sizeof(wrongtype) - 1;
	t[2].name = "wrongtype2.json"; t[2].data = (char *)wrongtype2; t[2].n = sizeof(wrongtype2) - 1;
	/* 10 MB string as an id */
	size_t big = 10u << 20;
	char *s = malloc(big + 64);
	T_ASSERT(s);
	memcpy(s, "{\"id\":\"", 7);
	memset(s + 7, 'A', big);
	memcpy(s + 7 + big, "\",\"affected\":[]}", 17);
	t[3].name = "bigstring.json"; t[3].data = s; t[3].n = strlen(s);
	/* 100000 nested arrays */
	char *deep = malloc(100001);
	T_ASSERT(deep);
	memset(deep, '[', 100000);
	deep[100000] = '\0';
	t[4].name = "deep.json"; t[4].data = deep; t[4].n = 100000;
	/* binary junk */
	char junk[3000];
	for (size_t i = 0; i < sizeof(junk); i++)
		junk[i] = (char)(i * 131 + 7);
	t[5].name = "junk.json"; t[5].data = junk; t[5].n = sizeof(junk);
	/* a list longer than the item limit (100,000) */
	size_t cap = 64 + 100001 * 6;
	char *many = malloc(cap);
	T_ASSERT(many);
	size_t len = (size_t)snprintf(many, cap, "{\"id\":\"M-1\",\"affected\":[{\"package\":{\"ecosystem\":\"Bitnami\","
				       "\"name\":\"x\"},\"versions\":[");
	for (int i = 0; i <= 100000; i++)
		len += (size_t)snprintf(many + len, cap - len, "%s\"1\"", i ? "," : "");
	len += (size_t)snprintf(many + len, cap - len, "]}]}");
	t[6].name = "many.json"; t[6].data = many; t[6].n = len;
	for (size_t i = 0; i < 7; i++) {
		const char *p = scratch(t[i].name);
		T_ASSERT_INT(0, write_file(p, t[i].data, t[i].n));
		int rc = db("import", "--db", dbp, p, NULL);
		if (rc != 2)
			fprintf(stderr, "  %s: exit %d\n", t[i].name, rc);
		T_ASSERT_INT(2, rc);
		T_ASSERT(access(dbp, F_OK) != 0); /* nothing was created */
	}
	free(s);
	free(deep);
	free(many);
}

void test_import__malformed_records_in_folder_are_skipped(void)
{
	const char *dir = scratch("folder");
	const char *dbp = scratch("folder.db");
	char p[1200];
	mkdir(dir, 0755);
	unlink(dbp);
	snprintf(p, sizeof(p), "%s/a-good.json", dir);
	T_ASSERT_INT(0, write_file(p, GOOD_RECORD, strlen(GOOD_RECORD)));
	snprintf(p, sizeof(p), "%s/b-bad.json", dir);
	T_ASSERT_INT(0, write_file(p, "{\"id\": [1,2]}", 13));
	snprintf(p, sizeof(p), "%s/c-junk.json", dir);
	T_ASSERT_INT(0, write_file(p, "\x01\x02\xff\xfe", 4));
	snprintf(p, sizeof(p), "%s/_index.json", dir);
	T_ASSERT_INT(0, write_file(p, "{}", 2));
	T_ASSERT_INT(0, db("import", "--db", dbp, dir, NULL));
	cvet_advdb *d = NULL;
	cvet_advdb_status st;
	T_ASSERT_INT(0, cvet_advdb_open(&d, dbp));
	T_ASSERT_INT(0, cvet_advdb__status(d, &st));
	T_ASSERT_INT(1, st.records);
	cvet_advdb__status_clear(&st);
	cvet_advdb_free(d);
}

void test_import__zip_archives(void)
{
	const char *dbp = scratch("zip.db");
	char p[1024];
	unlink(dbp);
	snprintf(p, sizeof(p), "%s/good.zip", CVET_TEST_ZIPS);
	T_ASSERT_INT(0, db("import", "--db", dbp, p, NULL));
	cvet_advdb *d = NULL;
	cvet_adv_match *m = NULL;
	size_t n = 0;
	T_ASSERT_INT(0, cvet_advdb_open(&d, dbp));
	T_ASSERT_INT(0, cvet_advdb_match(d, "zlib", "9.0.5", NULL, &m, &n));
	T_ASSERT_INT(1, n); /* TEST-ZIP-1 (fixed 9.1); TEST-ZIP-0 was fixed in 9.0 */
	T_ASSERT_STR("TEST-ZIP-1", m[0].id);
	cvet_adv_matches_free(m, n);
	cvet_advdb_free(d);
	/* bombs and junk archives fail the import and leave no database behind */
	static const char *const bad[] = {"bomb.zip", "liar.zip", "overlap.zip", "junk.zip"};
	for (size_t i = 0; i < 4; i++) {
		const char *dbp2 = scratch("bomb.db");
		unlink(dbp2);
		snprintf(p, sizeof(p), "%s/%s", CVET_TEST_ZIPS, bad[i]);
		T_ASSERT_INT(2, db("import", "--db", dbp2, p, NULL));
		T_ASSERT(access(dbp2, F_OK) != 0);
	}
}

/* Random byte flips in a valid record: every result is a clean parse or a clean error. */
void test_import__mutated_records_never_crash(void)
{
	size_t n = strlen(GOOD_RECORD);
	char *buf = malloc(n + 1);
	unsigned seed = 42;
	int parsed = 0, rejected = 0;
	T_ASSERT(buf);
	for (int round = 0; round < 3000; round++) {
		memcpy(buf, GOOD_RECORD, n + 1);
		int flips = 1 + round % 4;
		for (int f = 0; f < flips; f++) {
			seed = seed * 1103515245u + 12345u;
			size_t at = (seed >> 8) % n;
			seed = seed * 1103515245u + 12345u;
			buf[at] = (char)(seed >> 16);
		}
		cvet_osv_record rec;
		int rc = cvet_osv__parse(buf, n, "mutant", NULL, &rec);
		if (rc == 0)
			parsed++;
		else if (rc == CVET_EPARSE)
			rejected++;
		cvet_osv__record_clear(&rec);
		if (rc != 0 && rc != CVET_EPARSE) {
			free(buf);
			T_ASSERT_INT(CVET_EPARSE, rc);
		}
	}
	free(buf);
	T_ASSERT(parsed > 0 && rejected > 0);
}

/* A damaged database file: opening or matching fails with a message, never crashes. */
void test_open__damaged_database_never_crashes(void)
{
	const char *base = scratch("damage-base.db"), *rec = scratch("damage.json"), *bad = scratch("damaged.db");
	unlink(base);
	T_ASSERT_INT(0, write_file(rec, GOOD_RECORD, strlen(GOOD_RECORD)));
	T_ASSERT_INT(0, db("import", "--db", base, rec, NULL));
	size_t n = 0;
	char *orig = read_all(base, &n);
	T_ASSERT(orig && n > 4096);
	unsigned seed = 7;
	for (int round = 0; round < 60; round++) {
		char *copy = malloc(n);
		T_ASSERT(copy);
		memcpy(copy, orig, n);
		for (int f = 0; f < 16; f++) {
			seed = seed * 1103515245u + 12345u;
			size_t at = 100 + (seed >> 4) % (n - 100);
			copy[at] = (char)(seed >> 20);
		}
		write_file(bad, copy, n);
		free(copy);
		cvet_advdb *d = NULL;
		if (cvet_advdb_open(&d, bad) == 0) {
			cvet_adv_match *m = NULL;
			size_t k = 0;
			if (cvet_advdb_match(d, "libfoo", "1.1.0", NULL, &m, &k) == 0)
				cvet_adv_matches_free(m, k);
			char *u = cvet_advdb_upstream(d, "conan", "libfoo");
			free(u);
			cvet_advdb_free(d);
		}
	}
	free(orig);
}

/* ---- atomicity, merging, refusing foreign files -------------------------------------------------- */

void test_import__failure_leaves_old_database_identical(void)
{
	const char *dbp = scratch("atomic.db"), *good = scratch("atomic-good.json"), *bad = scratch("atomic-bad.json");
	unlink(dbp);
	T_ASSERT_INT(0, write_file(good, GOOD_RECORD, strlen(GOOD_RECORD)));
	T_ASSERT_INT(0, write_file(bad, "{\"id\":\"B\",\"affected\":[{]}", 25));
	T_ASSERT_INT(0, db("import", "--db", dbp, good, NULL));
	size_t n1 = 0, n2 = 0;
	char *before = read_all(dbp, &n1);
	T_ASSERT(before);
	/* a good record followed by a bad file: the whole import fails, nothing changes */
	T_ASSERT_INT(2, db("import", "--db", dbp, good, bad));
	char *after = read_all(dbp, &n2);
	int same = after && n1 == n2 && memcmp(before, after, n1) == 0;
	free(before);
	free(after);
	T_ASSERT(same);
	/* no temporary files are left next to it */
	DIR *d = opendir(CVET_TEST_SCRATCH);
	int leftovers = 0;
	struct dirent *de;
	T_ASSERT(d);
	while ((de = readdir(d)))
		if (strstr(de->d_name, "atomic.db.tmp-"))
			leftovers++;
	closedir(d);
	T_ASSERT_INT(0, leftovers);
}

void test_import__merges_into_existing(void)
{
	const char *dbp = scratch("merge.db"), *a = scratch("merge-a.json"), *b = scratch("merge-b.json");
	unlink(dbp);
	T_ASSERT_INT(0, write_file(a, GOOD_RECORD, strlen(GOOD_RECORD)));
	T_ASSERT_INT(0, write_file(b, GOOD_RECORD2, strlen(GOOD_RECORD2)));
	T_ASSERT_INT(0, db("import", "--db", dbp, a, NULL));
	T_ASSERT_INT(0, db("import", "--db", dbp, b, NULL));
	T_ASSERT_INT(0, db("import", "--db", dbp, a, NULL)); /* re-import replaces, never duplicates */
	cvet_advdb *d = NULL;
	cvet_advdb_status st;
	T_ASSERT_INT(0, cvet_advdb_open(&d, dbp));
	T_ASSERT_INT(0, cvet_advdb__status(d, &st));
	T_ASSERT_INT(2, st.records);
	T_ASSERT_INT(1, st.packages);
	cvet_advdb__status_clear(&st);
	cvet_adv_match *m = NULL;
	size_t n = 0;
	/* TEST-1: two introduced/fixed pairs */
	T_ASSERT_INT(0, cvet_advdb_match(d, "libfoo", "1.1.0", NULL, &m, &n));
	T_ASSERT_INT(1, n);
	T_ASSERT_STR("TEST-1", m[0].id);
	T_ASSERT_STR("1.2.0", m[0].fixed);
	T_ASSERT_INT(CVET_SEV_CRITICAL, m[0].severity);
	T_ASSERT(fabs(m[0].score - 9.8) < 1e-9);
	cvet_adv_matches_free(m, n);
	T_ASSERT_INT(0, cvet_advdb_match(d, "libfoo", "1.5", NULL, &m, &n));
	T_ASSERT_INT(0, n);
	T_ASSERT_INT(0, cvet_advdb_match(d, "libfoo", "2.0.4", NULL, &m, &n));
	T_ASSERT_INT(1, n);
	T_ASSERT_STR("2.0.5", m[0].fixed);
	cvet_adv_matches_free(m, n);
	T_ASSERT_INT(0, cvet_advdb_match(d, "libfoo", "2.0.5", NULL, &m, &n));
	T_ASSERT_INT(0, n);
	/* TEST-2: last_affected is inclusive, severity from the word */
	T_ASSERT_INT(0, cvet_advdb_match(d, "libfoo", "0.9", NULL, &m, &n));
	T_ASSERT_INT(1, n);
	T_ASSERT_STR("TEST-2", m[0].id);
	T_ASSERT_INT(CVET_SEV_LOW, m[0].severity);
	T_ASSERT(m[0].fixed == NULL);
	cvet_adv_matches_free(m, n);
	T_ASSERT_INT(0, cvet_advdb_match(d, "libfoo", "0.9.1", NULL, &m, &n));
	T_ASSERT_INT(0, n);
	cvet_advdb_free(d);
}

void test_open__refuses_foreign_and_newer_files(void)
{
	const char *junk = scratch("not-sqlite.db"), *newer = scratch("newer.db"), *base = scratch("base.db");
	const char *rec = scratch("base.json");
	cvet_advdb *d = NULL;
	T_ASSERT_INT(0, write_file(junk, "this is not a database, just text that is long enough to look like a header......"
				     "...............................................................", 140));
	T_ASSERT_INT(CVET_EDB, cvet_advdb_open(&d, junk));
	T_ASSERT(strstr(cvet_error_last(), "not a SQLite database") != NULL);
	T_ASSERT_INT(2, db("status", "--db", junk, NULL, NULL));
	T_ASSERT_INT(2, db("import", "--db", junk, rec, NULL));
	/* a newer schema: user_version lives at byte 60 of the header, big-endian */
	unlink(base);
	T_ASSERT_INT(0, write_file(rec, GOOD_RECORD, strlen(GOOD_RECORD)));
	T_ASSERT_INT(0, db("import", "--db", base, rec, NULL));
	size_t n = 0;
	char *bytes = read_all(base, &n);
	T_ASSERT(bytes && n > 100);
	bytes[60] = 0; bytes[61] = 0; bytes[62] = 0; bytes[63] = 99;
	T_ASSERT_INT(0, write_file(newer, bytes, n));
	free(bytes);
	T_ASSERT_INT(CVET_EDB, cvet_advdb_open(&d, newer));
	T_ASSERT(strstr(cvet_error_last(), "schema version 99") != NULL);
	T_ASSERT_INT(2, db("status", "--db", newer, NULL, NULL));
	T_ASSERT_INT(2, db("import", "--db", newer, rec, NULL));
	/* a missing database */
	T_ASSERT_INT(CVET_EDB, cvet_advdb_open(&d, scratch("does-not-exist.db")));
	T_ASSERT_INT(2, db("frobnicate", NULL, NULL, NULL, NULL));
	T_ASSERT_INT(2, db("import", "--db", base, NULL, NULL));
}

void test_schema__matches_schema_sql(void)
{
	size_t n = 0;
	char *text = read_all(CVET_SOURCE_DIR "/advisories/schema.sql", &n);
	T_ASSERT(text);
	int same = strcmp(text, cvet_advdb__schema_sql()) == 0;
	free(text);
	T_ASSERT(same);
}

/* ---- the bundled database ----------------------------------------------------------------------- */

/* 1 when matching (project, version) yields an advisory with alias or id `cve`. */
static int has_cve(cvet_advdb *d, const char *project, const char *version, const char *cve, cvet_adv_match *copy)
{
	cvet_adv_match *m = NULL;
	size_t n = 0;
	int found = 0;
	if (cvet_advdb_match(d, project, version, NULL, &m, &n) < 0)
		return -1;
	for (size_t i = 0; i < n && !found; i++) {
		for (size_t k = 0; k < m[i].naliases; k++)
			if (strcmp(m[i].aliases[k], cve) == 0)
				found = 1;
		if (found && copy) {
			*copy = m[i];
			memset(&m[i], 0, sizeof(m[i]));
		}
	}
	cvet_adv_matches_free(m, n);
	return found;
}

void test_bundled__well_known_cases(void)
{
	cvet_advdb *d = NULL;
	T_ASSERT_INT(0, cvet_advdb_open(&d, CVET_TEST_BUNDLED_DB));
	T_ASSERT_INT(1, has_cve(d, "openssl", "3.0.6", "CVE-2022-3602", NULL));
	T_ASSERT_INT(0, has_cve(d, "openssl", "3.0.7", "CVE-2022-3602", NULL));
	T_ASSERT_INT(1, has_cve(d, "curl", "8.3.0", "CVE-2023-38545", NULL));
	T_ASSERT_INT(0, has_cve(d, "curl", "8.4.0", "CVE-2023-38545", NULL));
	T_ASSERT_INT(1, has_cve(d, "zlib", "1.2.11", "CVE-2018-25032", NULL));
	T_ASSERT_INT(0, has_cve(d, "zlib", "1.2.12", "CVE-2018-25032", NULL));
	T_ASSERT_INT(1, has_cve(d, "openssl", "1.1.1k", "CVE-2022-0778", NULL));
	T_ASSERT_INT(0, has_cve(d, "openssl", "1.1.1n", "CVE-2022-0778", NULL));
	T_ASSERT_INT(1, has_cve(d, "openssl", "1.0.2za", "CVE-2022-0778", NULL) >= 0);
	cvet_advdb_free(d);
}

void test_bundled__dedup_prefers_upstream_record(void)
{
	cvet_advdb *d = NULL;
	cvet_adv_match m;
	memset(&m, 0, sizeof(m));
	T_ASSERT_INT(0, cvet_advdb_open(&d, CVET_TEST_BUNDLED_DB));
	int found = has_cve(d, "curl", "8.3.0", "CVE-2023-38545", &m);
	cvet_advdb_free(d);
	T_ASSERT_INT(1, found);
	int ok = strcmp(m.id, "CURL-CVE-2023-38545") == 0 && m.fixed && strcmp(m.fixed, "8.4.0") == 0 && m.nsources >= 2 &&
		 m.severity == CVET_SEV_HIGH && !m.approximate;
	if (!ok)
		fprintf(stderr, "  got id %s fixed %s sources %zu severity %d approx %d\n", m.id, m.fixed ? m.fixed : "NULL",
			m.nsources, (int)m.severity, m.approximate);
	cvet_adv_match *mm = malloc(sizeof(*mm));
	if (mm) {
		*mm = m;
		cvet_adv_matches_free(mm, 1);
	}
	T_ASSERT(ok);
}

void test_bundled__upstream_names_and_commits(void)
{
	cvet_advdb *d = NULL;
	T_ASSERT_INT(0, cvet_advdb_open(&d, CVET_TEST_BUNDLED_DB));
	char *u = cvet_advdb_upstream(d, "conan", "libcurl");
	int ok1 = u && strcmp(u, "curl") == 0;
	free(u);
	u = cvet_advdb_upstream(d, "vcpkg", "boost-asio");
	int ok2 = u && strcmp(u, "boost") == 0;
	free(u);
	u = cvet_advdb_upstream(d, "github", "madler/zlib");
	int ok3 = u && strcmp(u, "zlib") == 0;
	free(u);
	u = cvet_advdb_upstream(d, "git", "https://gitlab.gnome.org/GNOME/libxml2.git/");
	int ok5 = u && strcmp(u, "libxml2") == 0;
	free(u);
	u = cvet_advdb_upstream(d, "git", "git@github.com:Curl/curl.git");
	int ok6 = u && strcmp(u, "curl") == 0;
	free(u);
	u = cvet_advdb_upstream(d, "conan", "no-such-package-xyz");
	int ok4 = u == NULL;
	free(u);
	int has = cvet_advdb_has_project(d, "openssl") && !cvet_advdb_has_project(d, "no-such-project");
	/* GIT ranges: the introducing commit of CVE-2023-38545 is affected */
	cvet_adv_match *m = NULL;
	size_t n = 0;
	int rc = cvet_advdb_match(d, "curl", NULL, "4a4b63daaa01ef59b131d91e8e6e6dfe275c0f08", &m, &n);
	int found = 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(m[i].id, "CURL-CVE-2023-38545") == 0)
			found = 1;
	cvet_adv_matches_free(m, n);
	cvet_advdb_free(d);
	T_ASSERT(ok1);
	T_ASSERT(ok2);
	T_ASSERT(ok3);
	T_ASSERT(ok4);
	T_ASSERT(ok5);
	T_ASSERT(ok6);
	T_ASSERT(has);
	T_ASSERT_INT(0, rc);
	T_ASSERT(found);
}

CVET_TEST_MAIN(
	T(test_version__ordering),
	T(test_version__from_tag),
	T(test_cvss__known_scores),
	T(test_cvss__v4_scores),
	T(test_cvss__malformed),
	T(test_zip__inflate_roundtrips),
	T(test_zip__inflate_garbage),
	T(test_zip__reads_good_archive),
	T(test_zip__rejects_bombs),
	T(test_import__malformed_files_named_directly),
	T(test_import__malformed_records_in_folder_are_skipped),
	T(test_import__zip_archives),
	T(test_import__mutated_records_never_crash),
	T(test_open__damaged_database_never_crashes),
	T(test_import__failure_leaves_old_database_identical),
	T(test_import__merges_into_existing),
	T(test_import__concurrent_imports_keep_both_sets),
	T(test_import__nul_in_a_string_is_rejected),
	T(test_error__messages_escape_terminal_controls),
	T(test_open__refuses_foreign_and_newer_files),
	T(test_schema__matches_schema_sql),
	T(test_bundled__well_known_cases),
	T(test_bundled__dedup_prefers_upstream_record),
	T(test_bundled__upstream_names_and_commits))
