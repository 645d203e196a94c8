/* test_cli.c - unit tests of the suppression scanner/filter, exclude globs and the config reader (rules, excludes,
 * profile, location classes) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli/outputs.h"
#include "report/config.h"
#include "scan/discover.h"
#include "scan/driver.h"
#include "code/suppress.h"
#include "cvet/rules.h"
#include "test.h"

/* A code finding of `rule` at path:line (owned by the caller until added to a report). */
static cvet_finding *finding(const char *rule, const char *path, unsigned line)
{
	cvet_finding *f = cvet_finding_new();
	if (!f)
		return NULL;
	f->rule_id = strdup(rule);
	f->loc.path = strdup(path);
	f->loc.line = line;
	f->loc.column = 1;
	f->message = strdup("m");
	f->severity = CVET_SEV_HIGH;
	return f;
}

/* Scan `text` as "a.c", apply to findings of `rule` at the given lines; returns the report. */
static cvet_report *run(const char *text, const char *rule, const unsigned *lines, size_t n, int unused)
{
	cvet_report *r = NULL;
	cvet_suppressions *s = NULL;
	if (cvet_report_new(&r) < 0 || cvet_suppress__new(&s) < 0)
		return NULL;
	for (size_t i = 0; i < n; i++)
		cvet_report_add(r, finding(rule, "a.c", lines[i]));
	cvet_suppress__scan_text(s, "a.c", text, strlen(text));
	cvet_suppress__apply(s, r, NULL, unused);
	cvet_suppress__free(s);
	return r;
}

static size_t count_rule(const cvet_report *r, const char *rule)
{
	size_t n = 0;
	for (size_t i = 0; i < r->nfindings; i++)
		if (strcmp(r->findings[i]->rule_id, rule) == 0)
			n++;
	return n;
}

static void test_suppress__same_line_and_line_below(void)
{
	const unsigned lines[] = {1, 3, 4};
	cvet_report *r = run("gets(b); // cvet-ignore: unsafe-gets short fixed input\n"
			     "// cvet-ignore: unsafe-gets next line only\n"
			     "gets(b);\n"
			     "gets(b);\n",
			     "unsafe-gets", lines, 3, 0);
	T_ASSERT(r != NULL);
	T_ASSERT_INT(1, r->nfindings);
	T_ASSERT_INT(4, r->findings[0]->loc.line);
	cvet_report_free(r);
}

static void test_suppress__multi_id_and_other_rules(void)
{
	const unsigned lines[] = {2};
	cvet_report *r = run("/* cvet-ignore: unbounded-copy,unsafe-gets ok */\nx;\n", "unsafe-gets", lines, 1, 0);
	T_ASSERT_INT(0, r->nfindings);
	cvet_report_free(r);
	r = run("/* cvet-ignore: unbounded-copy, format-string ok */\nx;\n", "unsafe-gets", lines, 1, 0);
	T_ASSERT_INT(1, r->nfindings); /* rule not listed: kept */
	cvet_report_free(r);
}

static void test_suppress__no_reason_is_reported_and_still_suppresses(void)
{
	const unsigned lines[] = {1};
	cvet_report *r = run("gets(b); /* cvet-ignore: unsafe-gets */\n", "unsafe-gets", lines, 1, 0);
	T_ASSERT_INT(1, r->nfindings);
	T_ASSERT_STR(CVET_RULE_SUPPRESSION_NO_REASON, r->findings[0]->rule_id);
	T_ASSERT_INT(CVET_SEV_LOW, r->findings[0]->severity);
	T_ASSERT_INT(710, r->findings[0]->cwe[0]);
	T_ASSERT_INT(1, r->findings[0]->loc.line);
	T_ASSERT_INT(13, r->findings[0]->loc.column);
	cvet_report_free(r);
	r = run("gets(b); // cvet-ignore: unsafe-gets -- :\n", "unsafe-gets", lines, 1, 0);
	T_ASSERT_INT(1, count_rule(r, CVET_RULE_SUPPRESSION_NO_REASON));
	cvet_report_free(r);
}

static void test_suppress__unused_and_unknown(void)
{
	cvet_report *r = run("x; // cvet-ignore: unsafe-gets stale\n"
			     "y; // cvet-ignore: no-such-rule typo\n",
			     "unsafe-gets", NULL, 0, 1);
	T_ASSERT_INT(2, count_rule(r, CVET_RULE_SUPPRESSION_UNUSED));
	T_ASSERT(strstr(r->findings[1]->message, "unknown rule 'no-such-rule'") != NULL);
	cvet_report_free(r);
	r = run("x; // cvet-ignore: unsafe-gets stale\n", "unsafe-gets", NULL, 0, 0);
	T_ASSERT_INT(0, r->nfindings); /* not asked for */
	cvet_report_free(r);
}

static void test_suppress__not_in_strings_or_prose(void)
{
	const unsigned lines[] = {1, 2, 3};
	cvet_report *r = run("s = \"// cvet-ignore: unsafe-gets x\"; gets(b);\n"
			     "/* see cvet-ignore: unsafe-gets in the docs */ gets(b);\n"
			     "c = '\"'; n = 1'000; gets(b); // cvet-ignore: unsafe-gets after odd literals\n",
			     "unsafe-gets", lines, 3, 0);
	T_ASSERT_INT(2, r->nfindings);
	T_ASSERT_INT(1, r->findings[0]->loc.line);
	T_ASSERT_INT(2, r->findings[1]->loc.line);
	cvet_report_free(r);
}

static void test_suppress__block_comment_over_lines(void)
{
	const unsigned lines[] = {3, 4};
	cvet_report *r = run("/*\n * cvet-ignore: unsafe-gets reason on\n * two lines */\ngets(b);\n", "unsafe-gets", lines,
			     2, 0);
	T_ASSERT_INT(0, r->nfindings);
	cvet_report_free(r);
}

static void test_suppress__other_file_untouched(void)
{
	cvet_report *r = NULL;
	cvet_suppressions *s = NULL;
	T_ASSERT(cvet_report_new(&r) == 0 && cvet_suppress__new(&s) == 0);
	cvet_report_add(r, finding("unsafe-gets", "b.c", 1));
	cvet_suppress__scan_text(s, "a.c", "// cvet-ignore: unsafe-gets why\n", 31);
	cvet_suppress__apply(s, r, NULL, 0);
	T_ASSERT_INT(1, r->nfindings);
	cvet_suppress__free(s);
	cvet_report_free(r);
}

static void test_suppress__hostile_text(void)
{
	static const char *const texts[] = {"/*", "//", "\"", "'", "/* cvet-ignore:", "// cvet-ignore:", "// cvet-ignore: ,,,",
					    "/* cvet-ignore: a,", "\\\n\\", "/*/", ""};
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		cvet_report *r = run(texts[i], "unsafe-gets", NULL, 0, 1);
		T_ASSERT(r != NULL);
		cvet_report_free(r);
	}
}

static void test_discover__excluded(void)
{
	const char *g1[] = {"vendor"}, *g2[] = {"tests/*"}, *g3[] = {"*.pb.c"}, *g4[] = {"build*"};
	T_ASSERT_INT(1, cvet_discover__excluded("vendor/x.c", g1, 1));
	T_ASSERT_INT(1, cvet_discover__excluded("a/vendor/x.c", g1, 1));
	T_ASSERT_INT(0, cvet_discover__excluded("vendors/x.c", g1, 1));
	T_ASSERT_INT(1, cvet_discover__excluded("tests/a/b.c", g2, 1));
	T_ASSERT_INT(0, cvet_discover__excluded("src/tests.c", g2, 1));
	T_ASSERT_INT(1, cvet_discover__excluded("src/x.pb.c", g3, 1));
	T_ASSERT_INT(1, cvet_discover__excluded("build-asan/gen/x.c", g4, 1));
	T_ASSERT_INT(0, cvet_discover__excluded("src/x.c", NULL, 0));
	{
		const char *g5[] = {"./vendor/"}, *g6[] = {"", "/"};
		T_ASSERT_INT(1, cvet_discover__excluded("vendor/x.c", g5, 1));
		T_ASSERT_INT(0, cvet_discover__excluded("src/x.c", g6, 2));
	}
}

static void test_discover__source_kind(void)
{
	T_ASSERT_INT(1, cvet_discover__source_kind("a/b.c"));
	T_ASSERT_INT(1, cvet_discover__source_kind("b.cpp"));
	T_ASSERT_INT(1, cvet_discover__source_kind("b.cxx"));
	T_ASSERT_INT(2, cvet_discover__source_kind("b.hpp"));
	T_ASSERT_INT(2, cvet_discover__source_kind("x.d/b.h"));
	T_ASSERT_INT(0, cvet_discover__source_kind("x.c/README"));
	T_ASSERT_INT(0, cvet_discover__source_kind("b.py"));
}

static void test_driver__report_path(void)
{
	char *p = cvet_jobs__report_path("/r", "/r/a/b.c");
	T_ASSERT_STR("a/b.c", p);
	free(p);
	p = cvet_jobs__report_path("/r", "/rx/b.c");
	T_ASSERT_STR("/rx/b.c", p);
	free(p);
	p = cvet_jobs__report_path("/", "/a.c");
	T_ASSERT_STR("a.c", p);
	free(p);
}

/* Write `text` to a temporary config file and load it; returns the load result. */
static int load_text(const char *text, cvet_config **out)
{
	char path[] = "/tmp/cvet-test-config-XXXXXX";
	int fd = mkstemp(path), rc;
	FILE *f;
	if (fd < 0 || !(f = fdopen(fd, "w")))
		return -100;
	fputs(text, f);
	fclose(f);
	rc = cvet_config__load(path, out);
	unlink(path);
	return rc;
}

static void test_config__valid(void)
{
	cvet_config *c = NULL;
	T_ASSERT_INT(0, load_text("{\"rules\": {\"unsafe-gets\": \"low\", \"weak-random\": \"off\", \"unsafe-libc\": \"on\"},"
				  " \"exclude\": [\"vendor\"], \"fail_on\": \"medium\", \"ignore\": []}",
				  &c));
	T_ASSERT_INT(3, c->nrules);
	T_ASSERT_INT(CVET_SEV_LOW, c->rules[0].severity);
	T_ASSERT_INT(0, c->rules[1].enabled);
	T_ASSERT_INT(1, c->rules[2].enabled);
	T_ASSERT_INT(1, c->nexclude);
	T_ASSERT_INT(1, c->has_fail_on);
	T_ASSERT_INT(CVET_SEV_MEDIUM, c->fail_on);
	cvet_config__free(c);
}

static void test_config__invalid(void)
{
	static const char *const bad[] = {"", "[]", "{", "{\"rules\": []}", "{\"rules\": {\"nope\": \"off\"}}",
					  "{\"rules\": {\"unsafe-gets\": 1}}", "{\"rules\": {\"unsafe-gets\": \"none\"}}",
					  "{\"exclude\": [1]}", "{\"exclude\": [\"\"]}", "{\"fail_on\": 2}"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		cvet_config *c = NULL;
		int rc = load_text(bad[i], &c);
		if (rc != CVET_EPARSE)
			fprintf(stderr, "config %zu: %s\n", i, bad[i]);
		T_ASSERT_INT(CVET_EPARSE, rc);
		T_ASSERT(c == NULL);
		T_ASSERT(strchr(cvet_error_last(), '\n') == NULL);
	}
	{
		cvet_config *c = NULL;
		T_ASSERT_INT(CVET_EIO, cvet_config__load("/nonexistent/.cvet.json", &c));
	}
}

static void test_config__profile_and_locations(void)
{
	cvet_config *c = NULL;
	T_ASSERT_INT(0, load_text("{\"profile\": \"audit\", \"fail_on_all_code\": true, \"locations\": "
				  "{\"vendored\": [\"lib/gnulib/**\", \"ext\"], \"product\": [\"src/contrib/**\"]}}",
				  &c));
	T_ASSERT_INT(1, c->has_profile);
	T_ASSERT_INT(CVET_PROFILE_AUDIT, c->profile);
	T_ASSERT_INT(1, c->fail_on_all_code);
	T_ASSERT_INT(3, c->nlocations);
	T_ASSERT_STR("lib/gnulib/**", c->locations[0].glob);
	T_ASSERT_INT(CVET_LOC_VENDORED, c->locations[0].cls);
	T_ASSERT_STR("ext", c->locations[1].glob);
	T_ASSERT_STR("src/contrib/**", c->locations[2].glob);
	T_ASSERT_INT(CVET_LOC_PRODUCT, c->locations[2].cls);
	cvet_config__free(c);
	c = NULL;
	/* unset keys say so */
	T_ASSERT_INT(0, load_text("{\"locations\": {}}", &c));
	T_ASSERT_INT(0, c->has_profile);
	T_ASSERT_INT(-1, c->fail_on_all_code);
	T_ASSERT_INT(0, c->nlocations);
	cvet_config__free(c);
}

static void test_config__profile_and_locations_invalid(void)
{
	static const char *const bad[] = {"{\"profile\": \"paranoid\"}", "{\"profile\": 1}",
					  "{\"fail_on_all_code\": \"yes\"}", "{\"fail_on_all_code\": 1}",
					  "{\"locations\": []}", "{\"locations\": {\"tests\": [\"t\"]}}",
					  "{\"locations\": {\"test\": \"t/**\"}}", "{\"locations\": {\"test\": [1]}}",
					  "{\"locations\": {\"test\": [\"\"]}}"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		cvet_config *c = NULL;
		int rc = load_text(bad[i], &c);
		if (rc != CVET_EPARSE)
			fprintf(stderr, "config %zu: %s\n", i, bad[i]);
		T_ASSERT_INT(CVET_EPARSE, rc);
		T_ASSERT(c == NULL);
		T_ASSERT(strchr(cvet_error_last(), '\n') == NULL);
		T_ASSERT(strstr(cvet_error_last(), "/tmp/cvet-test-config-") != NULL);
	}
}

/* Issue "Hardening": a linked directory or source leading out of the scanned tree is not walked, and says so. */
static void test_discover__links_out_of_the_tree_noted(void)
{
	char d[64], p[256], q[256], *root = NULL;
	cvet_jobs jobs = {0};
	cvet_strv inc = {0};
	cvet_report *r = NULL;
	FILE *f;
	const char *roots[1];
	int lib = 0, y = 0;

	snprintf(d, sizeof(d), "/tmp/cvet-test-discover-XXXXXX");
	T_ASSERT(mkdtemp(d) != NULL);
	snprintf(p, sizeof(p), "%s/out", d);
	T_ASSERT_INT(0, mkdir(p, 0755));
	snprintf(p, sizeof(p), "%s/t", d);
	T_ASSERT_INT(0, mkdir(p, 0755));
	snprintf(p, sizeof(p), "%s/out/y.c", d);
	T_ASSERT((f = fopen(p, "w")) != NULL);
	fclose(f);
	snprintf(p, sizeof(p), "%s/t/a.c", d);
	T_ASSERT((f = fopen(p, "w")) != NULL);
	fclose(f);
	snprintf(p, sizeof(p), "%s/out", d);
	snprintf(q, sizeof(q), "%s/t/lib", d);
	T_ASSERT_INT(0, symlink(p, q));
	snprintf(q, sizeof(q), "%s/t/y.c", d);
	T_ASSERT_INT(0, symlink("../out/y.c", q));
	snprintf(q, sizeof(q), "%s/t/self", d);
	T_ASSERT_INT(0, symlink(".", q)); /* inside: skipped without a note */
	snprintf(p, sizeof(p), "%s/t", d);
	T_ASSERT((root = realpath(p, NULL)) != NULL);
	roots[0] = root;
	T_ASSERT_INT(0, cvet_report_new(&r));
	T_ASSERT_INT(0, cvet_discover__walk(root, root, roots, 1, NULL, 0, &jobs, &inc, r));
	T_ASSERT_INT(1, jobs.n); /* a.c only */
	T_ASSERT_INT(2, r->nnotes);
	for (size_t i = 0; i < r->nnotes; i++) {
		lib += strstr(r->notes[i], "did not follow 'lib'") != NULL;
		y += strstr(r->notes[i], "did not scan 'y.c'") != NULL;
	}
	T_ASSERT(lib == 1 && y == 1);
	cvet_report_free(r);
	cvet_jobs__clear(&jobs);
	cvet_strv__clear(&inc);
	free(root);
	snprintf(p, sizeof(p), "rm -rf '%s'", d);
	T_ASSERT_INT(0, system(p));
}

/* ---- output paths (issue "Hardening" items 7 and 8, and --force) ---- */

/* A fresh directory tree for the output tests: D/t/src/a.c, D/t/vcpkg.json, D/t/.git/, D/db, D/base.json. */
static char out_dir[64];

static int out_setup(void)
{
	static const char *const files[] = {"t/src/a.c", "t/vcpkg.json", "db", "base.json"};
	char p[256];
	snprintf(out_dir, sizeof(out_dir), "/tmp/cvet-test-outputs-XXXXXX");
	if (!mkdtemp(out_dir))
		return -1;
	snprintf(p, sizeof(p), "%s/t", out_dir);
	mkdir(p, 0755);
	snprintf(p, sizeof(p), "%s/t/src", out_dir);
	mkdir(p, 0755);
	snprintf(p, sizeof(p), "%s/t/.git", out_dir);
	mkdir(p, 0755);
	snprintf(p, sizeof(p), "%s/sub", out_dir);
	mkdir(p, 0755);
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		FILE *f;
		snprintf(p, sizeof(p), "%s/%s", out_dir, files[i]);
		if (!(f = fopen(p, "w")))
			return -1;
		fputs("x\n", f);
		fclose(f);
	}
	return 0;
}

static void out_teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", out_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", out_dir);
}

/* Check one output (plus an optional second) against the standard inputs and the tree D/t. */
static int out_check(const char *a, const char *b, int force)
{
	char pa[256], pb[256], db[256], base[256], tree[256];
	const char *outs[2] = {pa, pb};
	cvet_cli_input in[2];
	const char *paths[1] = {tree};
	snprintf(pa, sizeof(pa), "%s/%s", out_dir, a);
	snprintf(pb, sizeof(pb), "%s/%s", out_dir, b ? b : "");
	snprintf(db, sizeof(db), "%s/db", out_dir);
	snprintf(base, sizeof(base), "%s/base.json", out_dir);
	snprintf(tree, sizeof(tree), "%s/t", out_dir);
	in[0].path = db;
	in[0].what = "the advisory database";
	in[1].path = base;
	in[1].what = "the baseline";
	return cvet_cli__check_outputs(outs, b ? 2 : 1, in, 2, paths, 1, force);
}

static void test_outputs__onto_an_input(void)
{
	char lnk[256], target[256];
	T_ASSERT_INT(0, out_setup());
	T_ASSERT_INT(CVET_EUSAGE, out_check("db", NULL, 0));
	T_ASSERT(strstr(cvet_error_last(), "the advisory database") != NULL);
	T_ASSERT_INT(CVET_EUSAGE, out_check("sub/../db", NULL, 1)); /* --force does not lift it */
	T_ASSERT_INT(CVET_EUSAGE, out_check("./base.json", NULL, 0));
	T_ASSERT(strstr(cvet_error_last(), "the baseline") != NULL);
	/* a hard link and a symbolic link to the database are the database */
	snprintf(target, sizeof(target), "%s/db", out_dir);
	snprintf(lnk, sizeof(lnk), "%s/db.hard", out_dir);
	T_ASSERT_INT(0, link(target, lnk));
	T_ASSERT_INT(CVET_EUSAGE, out_check("db.hard", NULL, 1));
	snprintf(lnk, sizeof(lnk), "%s/sub/db.sym", out_dir);
	T_ASSERT_INT(0, symlink("../db", lnk));
	T_ASSERT_INT(CVET_EUSAGE, out_check("sub/db.sym", NULL, 1));
	T_ASSERT_INT(0, out_check("db.new", NULL, 0));
	T_ASSERT(strchr(cvet_error_last(), '\n') == NULL);
	out_teardown();
}

static void test_outputs__two_onto_one_file(void)
{
	char lnk[256];
	T_ASSERT_INT(0, out_setup());
	T_ASSERT_INT(CVET_EUSAGE, out_check("s.out", "./s.out", 0));
	T_ASSERT(strstr(cvet_error_last(), "two outputs") != NULL);
	T_ASSERT_INT(CVET_EUSAGE, out_check("s.out", "sub/../s.out", 0));
	T_ASSERT_INT(CVET_EUSAGE, out_check("s.out", "s.out", 0));
	/* a link to a report that does not exist yet, and one to a report that does */
	snprintf(lnk, sizeof(lnk), "%s/sub/s.link", out_dir);
	T_ASSERT_INT(0, symlink("../s.out", lnk));
	T_ASSERT_INT(CVET_EUSAGE, out_check("s.out", "sub/s.link", 0));
	T_ASSERT_INT(CVET_EUSAGE, out_check("sub/s.link", "s.out", 0));
	T_ASSERT_INT(0, out_check("s.out", "sub/s.out", 0));
	out_teardown();
	/* devices are written in place: two reports to /dev/null lose nothing */
	{
		const char *outs[2] = {"/dev/null", "/dev/null"};
		T_ASSERT_INT(0, cvet_cli__check_outputs(outs, 2, NULL, 0, NULL, 0, 0));
	}
}

static void test_outputs__into_the_scanned_tree(void)
{
	T_ASSERT_INT(0, out_setup());
	T_ASSERT_INT(CVET_EUSAGE, out_check("t/src/a.c", NULL, 0));
	T_ASSERT(strstr(cvet_error_last(), "--force") != NULL);
	T_ASSERT_INT(CVET_EUSAGE, out_check("t/src/new.hpp", NULL, 0)); /* would be read by the next scan */
	T_ASSERT_INT(CVET_EUSAGE, out_check("t/vcpkg.json", NULL, 0));
	T_ASSERT_INT(CVET_EUSAGE, out_check("t/src/../conan.lock", NULL, 0));
	T_ASSERT_INT(CVET_EUSAGE, out_check("t/.git/index", NULL, 0));
	T_ASSERT_INT(CVET_EUSAGE, out_check("t/.cvet.json", NULL, 0));
	T_ASSERT_INT(0, out_check("t/src/a.c", NULL, 1));
	T_ASSERT_INT(0, out_check("t/report.sarif", NULL, 0));
	T_ASSERT_INT(0, out_check("t/src/findings.json", NULL, 0));
	T_ASSERT_INT(0, out_check("a.c", NULL, 0)); /* outside the tree, a source name is just a name */
	out_teardown();
}

static void test_outputs__scanned_name(void)
{
	static const char *const read[] = {"x.c", "x.hpp", "x.inl", "conan.lock", "vcpkg.json", "foo.wrap",
					   "MODULE.bazel", "app.cdx.json", ".gitmodules", ".cvet.json",
					   "compile_commands.json", "CMakeLists.txt"};
	static const char *const not_read[] = {"report.sarif", "out.json", "summary.md", "x.c.txt", ""};
	for (size_t i = 0; i < sizeof(read) / sizeof(read[0]); i++)
		T_ASSERT(cvet_cli__scanned_name(read[i]) != NULL);
	for (size_t i = 0; i < sizeof(not_read) / sizeof(not_read[0]); i++)
		T_ASSERT(cvet_cli__scanned_name(not_read[i]) == NULL);
}

CVET_TEST_MAIN(T(test_suppress__same_line_and_line_below), T(test_suppress__multi_id_and_other_rules),
	       T(test_suppress__no_reason_is_reported_and_still_suppresses), T(test_suppress__unused_and_unknown),
	       T(test_suppress__not_in_strings_or_prose), T(test_suppress__block_comment_over_lines),
	       T(test_suppress__other_file_untouched), T(test_suppress__hostile_text), T(test_discover__excluded),
	       T(test_discover__source_kind), T(test_discover__links_out_of_the_tree_noted), T(test_driver__report_path), T(test_config__valid),
	       T(test_config__invalid), T(test_config__profile_and_locations),
	       T(test_config__profile_and_locations_invalid), T(test_outputs__onto_an_input),
	       T(test_outputs__two_onto_one_file), T(test_outputs__into_the_scanned_tree),
	       T(test_outputs__scanned_name))
