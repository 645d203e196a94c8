/* test_cve5.c - unit tests for the CVE JSON 5 importer: mapping, version ranges, containers, dedup, hostile input */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "test.h"
#include "advdb/advdb_int.h"

#ifndef CVET_TEST_SCRATCH
#define CVET_TEST_SCRATCH "/tmp/cvet-cve5-test"
#endif

/* ---- helpers -------------------------------------------------------------------------------------- */

static const char NAMEMAP[] =
	"{\"projects\":{"
	"\"libfoo\":{\"repo\":\"https://github.com/fooorg/libfoo\",\"cpe_vendor_product\":\"foo_project:libfoo (older: acme:foolib)\","
	"\"conan\":{\"name\":\"foo-conan\"}},"
	"\"libbar\":{\"repo\":\"https://github.com/barorg/libbar\",\"cpe_vendor_product\":[\"bar:libbar\"]}}}";

static cvet_namemap map;

static void load_map(void)
{
	if (!map.n && cvet_osv__namemap_parse(&map, NAMEMAP, strlen(NAMEMAP), "map") < 0)
		fprintf(stderr, "name map: %s\n", cvet_error_last());
}

/* A CVE 5 record around a CNA `affected` array, extra CNA members and extra containers (", \"adp\": [...]"). */
static char *record(const char *id, const char *affected, const char *cna_extra, const char *containers_extra)
{
	static const char fmt[] =
		"{\"dataType\":\"CVE_RECORD\",\"dataVersion\":\"5.1\",\"cveMetadata\":{\"cveId\":\"%s\",\"state\":\"PUBLISHED\","
		"\"assignerShortName\":\"mitre\",\"datePublished\":\"2099-01-02T00:00:00Z\",\"dateUpdated\":\"2099-01-03T00:00:00Z\"},"
		"\"containers\":{\"cna\":{\"affected\":%s,\"descriptions\":[{\"lang\":\"de\",\"value\":\"Ein Fehler.\"},"
		"{\"lang\":\"en\",\"value\":\"A bug in libfoo.\"}],\"problemTypes\":[{\"descriptions\":[{\"lang\":\"en\","
		"\"cweId\":\"CWE-787\",\"type\":\"CWE\"}]}],\"references\":[{\"url\":\"https://example.org/fix\",\"tags\":[\"patch\"]}]%s}%s}}";
	size_t n = sizeof(fmt) + strlen(id) + strlen(affected) + strlen(cna_extra) + strlen(containers_extra);
	char *t = malloc(n);
	if (t)
		snprintf(t, n, fmt, id, affected, cna_extra, containers_extra);
	return t;
}

/* Parse text; returns the parse code and fills rec/info. */
static int parse(const char *text, cvet_osv_record *rec, cvet_cve5_info *info)
{
	load_map();
	memset(info, 0, sizeof(*info));
	return cvet_cve5__parse(text, strlen(text), "t.json", &map, rec, info);
}

/* "lo..fixed" / "lo..=last" / "lo.." for interval i of range 0 of affected entry a. */
static const char *iv(const cvet_osv_record *r, size_t a, size_t i)
{
	static char buf[256];
	if (a >= r->naffected || !r->affected[a].nranges || i >= r->affected[a].ranges[0].niv)
		return "(none)";
	const cvet_osv_interval *v = &r->affected[a].ranges[0].iv[i];
	snprintf(buf, sizeof(buf), "%s..%s%s", v->introduced, v->last_affected ? "=" : "",
		 v->fixed ? v->fixed : v->last_affected ? v->last_affected : "");
	return buf;
}

static const char *FOO = "[{\"vendor\":\"fooorg\",\"product\":\"libfoo\",\"versions\":[{\"version\":\"1.0\",\"lessThan\":\"1.2\","
			 "\"status\":\"affected\",\"versionType\":\"semver\"}]}]";

/* ---- tests ---------------------------------------------------------------------------------------- */

void test_cve5__cna_only_record(void)
{
	cvet_osv_record r;
	cvet_cve5_info info;
	char *t = record("CVE-2099-0001", FOO,
			 ",\"metrics\":[{\"cvssV3_1\":{\"vectorString\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\",\"baseScore\":9.8}}]",
			 "");
	T_ASSERT(t);
	int rc = parse(t, &r, &info);
	free(t);
	T_ASSERT_INT(0, rc);
	T_ASSERT_INT(CVET_CVE5_RECORD, info.outcome);
	T_ASSERT_STR("CVE-2099-0001", r.id);
	T_ASSERT_STR("cve5", r.source);
	T_ASSERT_STR("2099-01-02T00:00:00Z", r.published);
	T_ASSERT_STR("2099-01-03T00:00:00Z", r.modified);
	T_ASSERT_INT(1, r.naffected);
	T_ASSERT_STR("libfoo", r.affected[0].project);
	T_ASSERT_STR("SEMVER", r.affected[0].ranges[0].type);
	T_ASSERT_STR("1.0..1.2", iv(&r, 0, 0));
	T_ASSERT(fabs(r.score - 9.8) < 1e-9);
	T_ASSERT(r.details && strncmp(r.details, "A bug in libfoo.", 16) == 0 && strstr(r.details, "CWE-787"));
	T_ASSERT_INT(1, r.nrefs);
	T_ASSERT_STR("FIX", r.refs[0].type);
	cvet_osv__record_clear(&r);
}

void test_cve5__adp_metrics_when_cna_has_none(void)
{
	cvet_osv_record r;
	cvet_cve5_info info;
	static const char adp[] =
		",\"adp\":[{\"providerMetadata\":{\"shortName\":\"CISA-ADP\"},\"metrics\":[{\"cvssV3_1\":{\"vectorString\":"
		"\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H\"}},{\"other\":{\"type\":\"ssvc\",\"content\":{\"id\":\"x\"}}}]}]";
	char *t = record("CVE-2099-0002", FOO, "", adp);
	T_ASSERT(t);
	int rc = parse(t, &r, &info);
	free(t);
	T_ASSERT_INT(0, rc);
	T_ASSERT(fabs(r.score - 7.5) < 1e-9);
	cvet_osv__record_clear(&r);
	/* the CNA's own score wins over the ADP's */
	t = record("CVE-2099-0002", FOO,
		   ",\"metrics\":[{\"cvssV3_0\":{\"vectorString\":\"CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:H\"}}]", adp);
	T_ASSERT(t);
	rc = parse(t, &r, &info);
	free(t);
	T_ASSERT_INT(0, rc);
	T_ASSERT(fabs(r.score - 5.5) < 1e-9);
	T_ASSERT_STR("CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:H", r.severity_vector);
	cvet_osv__record_clear(&r);
	/* OpenSSL's rating words */
	t = record("CVE-2099-0002", FOO, ",\"metrics\":[{\"format\":\"other\",\"other\":{\"content\":{\"text\":\"Moderate\"}}}]", "");
	T_ASSERT(t);
	rc = parse(t, &r, &info);
	free(t);
	T_ASSERT_INT(0, rc);
	T_ASSERT_STR("medium", r.severity_word);
	cvet_osv__record_clear(&r);
}

void test_cve5__version_forms(void)
{
	cvet_osv_record r;
	cvet_cve5_info info;
	static const char aff[] =
		"[{\"vendor\":\"n/a\",\"product\":\"libfoo\",\"versions\":["
		"{\"version\":\"2.0\",\"lessThanOrEqual\":\"2.3\",\"status\":\"affected\",\"versionType\":\"custom\"},"
		"{\"version\":\"3.1\",\"status\":\"affected\"},"
		"{\"version\":\"4.0\",\"lessThan\":\"*\",\"status\":\"affected\"},"
		"{\"version\":\"5.10\",\"lessThanOrEqual\":\"5.10.*\",\"status\":\"affected\"},"
		"{\"version\":\">= 1.30.0, < 1.30.4\",\"status\":\"affected\"},"
		"{\"version\":\"8.4.0\",\"lessThan\":\"8.4.0\",\"status\":\"affected\"},"
		"{\"version\":\"1.54\",\"lessThan\":\"154.3\",\"status\":\"affected\"},"
		"{\"version\":\"n/a\",\"status\":\"affected\"},"
		"{\"version\":\"6.0\",\"lessThan\":\"6.5\",\"status\":\"unaffected\"},"
		"{\"version\":\"7.0\",\"lessThan\":\"7.9\",\"status\":\"unknown\"}"
		"],\"defaultStatus\":\"unaffected\"}]";
	char *t = record("CVE-2099-0003", aff, "", "");
	T_ASSERT(t);
	int rc = parse(t, &r, &info);
	free(t);
	T_ASSERT_INT(0, rc);
	T_ASSERT_INT(1, r.naffected);
	T_ASSERT_STR("ECOSYSTEM", r.affected[0].ranges[0].type);
	T_ASSERT_INT(6, r.affected[0].ranges[0].niv);
	T_ASSERT_STR("2.0..=2.3", iv(&r, 0, 0));
	T_ASSERT_STR("4.0..", iv(&r, 0, 1));
	T_ASSERT_STR("5.10..5.11", iv(&r, 0, 2));
	T_ASSERT_STR("1.30.0..1.30.4", iv(&r, 0, 3));
	T_ASSERT_STR("0..8.4.0", iv(&r, 0, 4));   /* {X, lessThan X}: "before X" */
	T_ASSERT_STR("1.54..1.54.3", iv(&r, 0, 5)); /* a dropped dot */
	T_ASSERT_INT(1, r.affected[0].nversions);
	T_ASSERT_STR("3.1", r.affected[0].versions[0].version);
	T_ASSERT_INT(1, info.unusable_entries);
	cvet_osv__record_clear(&r);
}

void test_cve5__default_status_affected_and_unaffected_ranges(void)
{
	cvet_osv_record r;
	cvet_cve5_info info;
	/* affected except [0, 1.0), [1.4, 2.0] and from 3.0 on: gaps [1.0, 1.4) and [2.0, 3.0) (2.0 itself included) */
	static const char aff[] =
		"[{\"product\":\"libfoo\",\"defaultStatus\":\"affected\",\"versions\":["
		"{\"version\":\"3.0\",\"lessThan\":\"*\",\"status\":\"unaffected\"},"
		"{\"version\":\"0\",\"lessThan\":\"1.0\",\"status\":\"unaffected\"},"
		"{\"version\":\"1.4\",\"lessThanOrEqual\":\"2.0\",\"status\":\"unaffected\"},"
		"{\"version\":\"2.5.1\",\"status\":\"unaffected\"}]}]";
	char *t = record("CVE-2099-0004", aff, "", "");
	T_ASSERT(t);
	int rc = parse(t, &r, &info);
	free(t);
	T_ASSERT_INT(0, rc);
	T_ASSERT_INT(2, r.affected[0].ranges[0].niv);
	T_ASSERT_STR("1.0..1.4", iv(&r, 0, 0));
	T_ASSERT_STR("2.0..3.0", iv(&r, 0, 1));
	cvet_osv__record_clear(&r);
	/* defaultStatus affected and no versions: every version */
	t = record("CVE-2099-0004", "[{\"product\":\"libfoo\",\"defaultStatus\":\"affected\"}]", "", "");
	T_ASSERT(t);
	rc = parse(t, &r, &info);
	free(t);
	T_ASSERT_INT(0, rc);
	T_ASSERT_STR("0..", iv(&r, 0, 0));
	cvet_osv__record_clear(&r);
	/* defaultStatus unaffected with only unaffected entries: nothing is affected */
	t = record("CVE-2099-0004",
		   "[{\"product\":\"libfoo\",\"defaultStatus\":\"unaffected\",\"versions\":[{\"version\":\"1.0\",\"status\":\"unaffected\"}]}]",
		   "", "");
	T_ASSERT(t);
	rc = parse(t, &r, &info);
	free(t);
	T_ASSERT_INT(0, rc);
	T_ASSERT_INT(CVET_CVE5_UNUSABLE, info.outcome);
}

void test_cve5__changes(void)
{
	cvet_osv_record r;
	cvet_cve5_info info;
	static const char aff[] =
		"[{\"product\":\"libfoo\",\"versions\":[{\"version\":\"1.0\",\"lessThan\":\"*\",\"status\":\"affected\","
		"\"changes\":[{\"at\":\"1.5\",\"status\":\"affected\"},{\"at\":\"1.3\",\"status\":\"unaffected\"},"
		"{\"at\":\"junk\",\"status\":\"unaffected\"}]}]}]";
	char *t = record("CVE-2099-0005", aff, "", "");
	T_ASSERT(t);
	int rc = parse(t, &r, &info);
	free(t);
	T_ASSERT_INT(0, rc);
	T_ASSERT_INT(2, r.affected[0].ranges[0].niv);
	T_ASSERT_STR("1.0..1.3", iv(&r, 0, 0));
	T_ASSERT_STR("1.5..", iv(&r, 0, 1));
	cvet_osv__record_clear(&r);
}

void test_cve5__mapping(void)
{
	cvet_osv_record r;
	cvet_cve5_info info;
	/* CPE only (vendor and product say nothing), a 2.2 URI, the repo, vendor:product read as a CPE */
	static const char *const forms[] = {
		"[{\"vendor\":\"n/a\",\"product\":\"n/a\",\"cpes\":[\"cpe:2.3:a:nobody:else:*:*:*:*:*:*:*:*\","
		"\"cpe:2.3:a:acme:foolib:*:*:*:*:*:*:*:*\"],\"versions\":[{\"version\":\"1.0\",\"status\":\"affected\"}]}]",
		"[{\"vendor\":\"x\",\"product\":\"y\",\"cpes\":[\"cpe:/a:foo_project:libfoo:1.0\"],\"versions\":[{\"version\":\"1.0\",\"status\":\"affected\"}]}]",
		"[{\"vendor\":\"x\",\"product\":\"y\",\"repo\":\"https://github.com/FooOrg/libfoo.git\",\"versions\":[{\"version\":\"1.0\",\"status\":\"affected\"}]}]",
		"[{\"vendor\":\"Foo Project\",\"product\":\"libfoo\",\"versions\":[{\"version\":\"1.0\",\"status\":\"affected\"}]}]",
		"[{\"collectionURL\":\"https://github.com\",\"packageName\":\"fooorg/libfoo\",\"versions\":[{\"version\":\"1.0\",\"status\":\"affected\"}]}]",
		"[{\"vendor\":\"FooOrg\",\"product\":\"foo-conan\",\"versions\":[{\"version\":\"1.0\",\"status\":\"affected\"}]}]",
	};
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		char *t = record("CVE-2099-0006", forms[i], "", "");
		T_ASSERT(t);
		int rc = parse(t, &r, &info);
		free(t);
		if (rc != 0 || info.outcome != CVET_CVE5_RECORD)
			fprintf(stderr, "  form %zu: rc %d outcome %d\n", i, rc, (int)info.outcome);
		T_ASSERT_INT(0, rc);
		T_ASSERT_INT(CVET_CVE5_RECORD, info.outcome);
		T_ASSERT_STR("libfoo", r.affected[0].project);
		cvet_osv__record_clear(&r);
	}
	/* a product name alone needs a vendor that agrees: Cloudflare's zlib is not madler's */
	static const char *const unknown[] = {
		"[{\"vendor\":\"Cloudflare\",\"product\":\"libfoo\",\"versions\":[{\"version\":\"1.0\",\"status\":\"affected\"}]}]",
		"[{\"vendor\":\"n/a\",\"product\":\"n/a\",\"versions\":[{\"version\":\"n/a\",\"status\":\"affected\"}]}]",
		"[]",
	};
	for (size_t i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
		char *t = record("CVE-2099-0007", unknown[i], "", "");
		T_ASSERT(t);
		int rc = parse(t, &r, &info);
		free(t);
		T_ASSERT_INT(0, rc);
		T_ASSERT_INT(CVET_CVE5_UNMAPPED, info.outcome);
	}
}

void test_cve5__git_versions_skipped(void)
{
	cvet_osv_record r;
	cvet_cve5_info info;
	static const char aff[] =
		"[{\"product\":\"libfoo\",\"versions\":[{\"version\":\"0d4083e\",\"lessThan\":\"b9811ef\",\"status\":\"affected\","
		"\"versionType\":\"git\"}]}]";
	char *t = record("CVE-2099-0008", aff, "", "");
	T_ASSERT(t);
	int rc = parse(t, &r, &info);
	free(t);
	T_ASSERT_INT(0, rc);
	T_ASSERT_INT(CVET_CVE5_UNUSABLE, info.outcome);
	T_ASSERT_INT(1, info.git_entries);
}

void test_cve5__cna_preferred_over_adp(void)
{
	cvet_osv_record r;
	cvet_cve5_info info;
	static const char adp[] =
		",\"adp\":[{\"affected\":[{\"cpes\":[\"cpe:2.3:a:foo_project:libfoo:*:*:*:*:*:*:*:*\"],\"vendor\":\"foo_project\","
		"\"product\":\"libfoo\",\"versions\":[{\"version\":\"0\",\"lessThan\":\"9.0\",\"status\":\"affected\"}]},"
		"{\"cpes\":[\"cpe:2.3:a:bar:libbar:*:*:*:*:*:*:*:*\"],\"versions\":[{\"version\":\"0\",\"lessThanOrEqual\":\"3.0\","
		"\"status\":\"affected\"}]}]}]";
	char *t = record("CVE-2099-0009", FOO, "", adp);
	T_ASSERT(t);
	int rc = parse(t, &r, &info);
	free(t);
	T_ASSERT_INT(0, rc);
	T_ASSERT_INT(2, r.naffected);
	T_ASSERT_STR("libfoo", r.affected[0].project);
	T_ASSERT_STR("1.0..1.2", iv(&r, 0, 0));
	T_ASSERT_INT(1, r.affected[0].ranges[0].niv);
	T_ASSERT_STR("libbar", r.affected[1].project);
	T_ASSERT_STR("0..=3.0", iv(&r, 1, 0));
	cvet_osv__record_clear(&r);
	/* the CNA says n/a: the ADP's ranges are used */
	t = record("CVE-2099-0009", "[{\"vendor\":\"n/a\",\"product\":\"n/a\",\"versions\":[{\"version\":\"n/a\",\"status\":\"affected\"}]}]",
		   "", adp);
	T_ASSERT(t);
	rc = parse(t, &r, &info);
	free(t);
	T_ASSERT_INT(0, rc);
	T_ASSERT_STR("0..9.0", iv(&r, 0, 0));
	cvet_osv__record_clear(&r);
}

void test_cve5__rejected_and_not_cve5(void)
{
	cvet_osv_record r;
	cvet_cve5_info info;
	static const char rej[] =
		"{\"dataType\":\"CVE_RECORD\",\"dataVersion\":\"5.1\",\"cveMetadata\":{\"cveId\":\"CVE-2099-0010\",\"state\":\"REJECTED\","
		"\"dateRejected\":\"2099-02-02T00:00:00Z\"},\"containers\":{\"cna\":{\"rejectedReasons\":[]}}}";
	T_ASSERT_INT(0, parse(rej, &r, &info));
	T_ASSERT_INT(CVET_CVE5_RECORD, info.outcome);
	T_ASSERT_STR("2099-02-02T00:00:00Z", r.withdrawn);
	cvet_osv__record_clear(&r);
	static const char osv[] = "{\"id\":\"X-1\",\"details\":\"mentions CVE_RECORD\"}";
	T_ASSERT(cvet_cve5__looks_like(osv, strlen(osv)));
	T_ASSERT_INT(0, parse(osv, &r, &info));
	T_ASSERT_INT(CVET_CVE5_NOT, info.outcome);
}

void test_cve5__malformed_and_hostile(void)
{
	cvet_osv_record r;
	cvet_cve5_info info;
	static const char *const bad[] = {
		"{\"dataType\":\"CVE_RECORD\",\"dataVersion\":\"5.1\",\"cveMetadata\":{\"cveId\":\"CVE-2099-1\"",
		"{\"dataType\":\"CVE_RECORD\",\"dataVersion\":\"4.0\",\"cveMetadata\":{\"cveId\":\"CVE-2099-1\"},\"containers\":{\"cna\":{}}}",
		"{\"dataType\":\"CVE_RECORD\",\"dataVersion\":5,\"cveMetadata\":{\"cveId\":\"CVE-2099-1\"},\"containers\":{\"cna\":{}}}",
		"{\"dataType\":\"CVE_RECORD\",\"dataVersion\":\"5.0\",\"cveMetadata\":{},\"containers\":{\"cna\":{}}}",
		"{\"dataType\":\"CVE_RECORD\",\"dataVersion\":\"5.0\",\"cveMetadata\":{\"cveId\":7},\"containers\":{\"cna\":{}}}",
		"{\"dataType\":\"CVE_RECORD\",\"dataVersion\":\"5.0\",\"cveMetadata\":{\"cveId\":\"CVE-2099-1\"},\"containers\":[]}",
		"{\"dataType\":\"CVE_RECORD\",\"dataVersion\":\"5.0\",\"cveMetadata\":{\"cveId\":\"CVE-2099-1\"},\"containers\":{}}",
		"{\"dataType\":\"CVE_RECORD\",\"dataVersion\":\"5.0\",\"cveMetadata\":{\"cveId\":\"CVE-2099-1\"},\"containers\":{\"cna\":{\"affected\":\"x\"}}}",
		"{\"dataType\":\"CVE_RECORD\",\"dataVersion\":\"5.0\",\"cveMetadata\":{\"cveId\":\"CVE-2099-1\"},\"containers\":{\"cna\":{\"affected\":[7]}}}",
		"{\"dataType\":\"CVE_RECORD\",\"dataVersion\":\"5.0\",\"cveMetadata\":{\"cveId\":\"CVE-2099-1\"},\"containers\":{\"cna\":{\"affected\":"
		"[{\"product\":\"libfoo\",\"versions\":{}}]}}}",
		"{\"dataType\":\"CVE_RECORD\",\"dataVersion\":\"5.0\",\"cveMetadata\":{\"cveId\":\"CVE-2099-1\"},\"containers\":{\"cna\":{\"affected\":"
		"[{\"product\":\"libfoo\",\"versions\":[{\"version\":1.0,\"status\":\"affected\"}]}]}}}",
		"{\"dataType\":\"CVE_RECORD\",\"dataVersion\":\"5.0\",\"cveMetadata\":{\"cveId\":\"CVE-2099-1\"},\"containers\":{\"cna\":{\"affected\":"
		"[{\"product\":[\"libfoo\"]}]}}}",
		"{\"dataType\":\"CVE_RECORD\",\"dataVersion\":\"5.0\",\"cveMetadata\":{\"cveId\":\"CVE-2099-1\"},\"containers\":{\"cna\":{\"affected\":"
		"[{\"product\":\"lib\\u0000foo\"}]}}}",
		"{\"dataType\":\"CVE_RECORD\",\"dataVersion\":\"5.0\",\"cveMetadata\":{\"cveId\":\"CVE-2099-1\"},\"containers\":{\"cna\":{\"affected\":"
		"[{\"product\":\"libfoo\",\"versions\":[{\"version\":\"1.0\",\"lessThan\":\"2.0\",\"status\":\"affected\",\"changes\":[3]}]}]}}}",
		"{\"dataType\":\"CVE_RECORD\",\"dataVersion\":\"5.0\",\"cveMetadata\":{\"cveId\":\"CVE-2099-1\"},\"containers\":{\"cna\":{\"affected\":"
		"[{\"product\":\"libfoo\",\"versions\":[{\"version\":\"1.0\",\"status\":\"affected\"}]}],\"metrics\":[{\"cvssV3_1\":\"high\"}]}}}",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int rc = parse(bad[i], &r, &info);
		if (rc != CVET_EPARSE)
			fprintf(stderr, "  case %zu: rc %d (%s)\n", i, rc, cvet_error_last());
		T_ASSERT_INT(CVET_EPARSE, rc);
		T_ASSERT(r.id == NULL && r.affected == NULL);
	}
	/* deep nesting, a raw NUL byte, a huge versions list, too many affected entries */
	size_t cap = (size_t)100001 * 64 + 512;
	char *t = malloc(cap);
	T_ASSERT(t);
	size_t k = (size_t)snprintf(t, cap, "{\"dataType\":\"CVE_RECORD\",\"x\":");
	for (int i = 0; i < 100; i++)
		t[k++] = '[';
	for (int i = 0; i < 100; i++)
		t[k++] = ']';
	snprintf(t + k, cap - k, "}");
	int rc = parse(t, &r, &info);
	T_ASSERT_INT(CVET_EPARSE, rc);
	k = (size_t)snprintf(t, cap, "{\"dataType\":\"CVE_RECORD\",\"dataVersion\":\"5.0\",\"cveMetadata\":{\"cveId\":\"CVE-2099-1\"},"
			       "\"containers\":{\"cna\":{\"affected\":[{\"product\":\"libfoo\",\"versions\":[");
	for (size_t i = 0; i < 100001; i++)
		k += (size_t)snprintf(t + k, cap - k, "%s{\"version\":\"1.%zu\",\"status\":\"affected\"}", i ? "," : "", i);
	snprintf(t + k, cap - k, "]}]}}}");
	rc = parse(t, &r, &info);
	T_ASSERT_INT(CVET_EPARSE, rc);
	T_ASSERT(strstr(cvet_error_last(), "more than"));
	k = (size_t)snprintf(t, cap, "{\"dataType\":\"CVE_RECORD\",\"dataVersion\":\"5.0\",\"cveMetadata\":{\"cveId\":\"CVE-2099-1\"},"
			       "\"containers\":{\"cna\":{\"affected\":[");
	for (size_t i = 0; i < 1001; i++)
		k += (size_t)snprintf(t + k, cap - k, "%s{\"product\":\"libfoo\"}", i ? "," : "");
	snprintf(t + k, cap - k, "]}}}");
	rc = parse(t, &r, &info);
	T_ASSERT_INT(CVET_EPARSE, rc);
	static const char nul[] = "{\"dataType\":\"CVE_RECORD\",\"a\":\"x\0y\"}";
	load_map();
	rc = cvet_cve5__parse(nul, sizeof(nul) - 1, "t.json", &map, &r, &info);
	T_ASSERT_INT(CVET_EPARSE, rc);
	free(t);
}

/* Every prefix and many one-byte changes of a rich record: an error or a record, never a crash or a leak. */
void test_cve5__mutations_never_crash(void)
{
	static const char adp[] =
		",\"adp\":[{\"affected\":[{\"cpes\":[\"cpe:2.3:a:bar:libbar:*:*:*:*:*:*:*:*\"],\"defaultStatus\":\"affected\","
		"\"versions\":[{\"version\":\"0\",\"lessThanOrEqual\":\"3.*\",\"status\":\"unaffected\",\"changes\":[{\"at\":\"2.0\","
		"\"status\":\"affected\"}]}]}],\"metrics\":[{\"cvssV4_0\":{\"vectorString\":\"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N\"}}]}]";
	char *t = record("CVE-2099-0011", FOO, ",\"title\":\"T\"", adp);
	T_ASSERT(t);
	size_t n = strlen(t);
	char *m = malloc(n + 1);
	T_ASSERT(m);
	static const char subst[] = "\"{}[],:0\\x";
	size_t ok = 0;
	for (size_t i = 0; i <= n; i++) {
		cvet_osv_record r;
		cvet_cve5_info info;
		memcpy(m, t, i);
		m[i] = '\0';
		if (parse(m, &r, &info) == 0 && info.outcome == CVET_CVE5_RECORD) {
			ok++;
			cvet_osv__record_clear(&r);
		}
		for (size_t s = 0; s < sizeof(subst) - 1 && i < n; s += 3) {
			memcpy(m, t, n + 1);
			m[i] = subst[(i + s) % (sizeof(subst) - 1)];
			if (parse(m, &r, &info) == 0 && info.outcome == CVET_CVE5_RECORD)
				cvet_osv__record_clear(&r);
		}
	}
	free(m);
	free(t);
	T_ASSERT_INT(1, ok); /* only the whole text is a record */
}

/* ---- through the database: dedup with OSV aliases ------------------------------------------------- */

static const char *scratch(const char *name)
{
	static char buf[4][1024];
	static int next;
	char *b = buf[next++ % 4];
	mkdir(CVET_TEST_SCRATCH, 0755);
	snprintf(b, sizeof(buf[0]), "%s/%s", CVET_TEST_SCRATCH, name);
	return b;
}

static int write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	size_t w = fwrite(text, 1, strlen(text), f);
	return fclose(f) == 0 && w == strlen(text) ? 0 : -1;
}

static int db_import(const char *dbp, const char *a, const char *b, const char *c)
{
	char *argv[8] = {(char *)"db", (char *)"import", (char *)"--db", (char *)dbp, (char *)a, (char *)b, (char *)c, NULL};
	int argc = 5;
	while (argc < 7 && argv[argc])
		argc++;
	return cvet_db_main(argc, argv);
}

void test_cve5__dedup_with_osv_alias(void)
{
	const char *dbp = scratch("dedup.db"), *mp = scratch("map.json"), *osv = scratch("osv.json"), *c5 = scratch("cve5.json");
	unlink(dbp);
	static const char osv_text[] =
		"{\"id\":\"BIT-libfoo-2099-1\",\"aliases\":[\"CVE-2099-0100\"],\"affected\":[{\"package\":{\"ecosystem\":\"Bitnami\","
		"\"name\":\"libfoo\"},\"ranges\":[{\"type\":\"SEMVER\",\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"2.0\"}]}]}]}";
	/* the CNA is libfoo itself: its record is the project's own data */
	char *t = record("CVE-2099-0100", FOO, "", "");
	T_ASSERT(t);
	char *p = strstr(t, "\"mitre\"");
	T_ASSERT(p);
	memmove(p + 8, p + 7, strlen(p + 7) + 1); /* one byte longer than "mitre": record() leaves room */
	memcpy(p, "\"libfoo\"", 8);
	int ok = write_text(mp, NAMEMAP) == 0 && write_text(osv, osv_text) == 0 && write_text(c5, t) == 0;
	free(t);
	T_ASSERT(ok);
	T_ASSERT_INT(0, db_import(dbp, mp, osv, c5));
	cvet_advdb *d = NULL;
	cvet_adv_match *m = NULL;
	size_t n = 0;
	T_ASSERT_INT(0, cvet_advdb_open(&d, dbp));
	/* 1.1: both records hit -> one finding, the upstream's record preferred, the CVE id kept */
	T_ASSERT_INT(0, cvet_advdb_match(d, "libfoo", "1.1", NULL, &m, &n));
	int one = n == 1 && strcmp(m[0].id, "CVE-2099-0100") == 0 && m[0].nsources == 2 && m[0].fixed &&
		  strcmp(m[0].fixed, "1.2") == 0;
	cvet_adv_matches_free(m, n);
	/* 1.5: only the OSV record says affected; the project's own record says no -> no finding */
	T_ASSERT_INT(0, cvet_advdb_match(d, "libfoo", "1.5", NULL, &m, &n));
	size_t n15 = n;
	cvet_adv_matches_free(m, n);
	cvet_advdb_free(d);
	T_ASSERT(one);
	T_ASSERT_INT(0, n15);
}

void test_cve5__dedup_non_upstream_keeps_one_finding(void)
{
	const char *dbp = scratch("dedup2.db"), *mp = scratch("map2.json"), *osv = scratch("osv2.json"), *c5 = scratch("cve52.json");
	unlink(dbp);
	static const char osv_text[] =
		"{\"id\":\"BIT-libfoo-2099-2\",\"aliases\":[\"CVE-2099-0101\"],\"affected\":[{\"package\":{\"ecosystem\":\"Bitnami\","
		"\"name\":\"libfoo\"},\"ranges\":[{\"type\":\"SEMVER\",\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"1.1\"}]}]}]}";
	char *t = record("CVE-2099-0101", FOO, "", "");
	T_ASSERT(t);
	int ok = write_text(mp, NAMEMAP) == 0 && write_text(osv, osv_text) == 0 && write_text(c5, t) == 0;
	free(t);
	T_ASSERT(ok);
	T_ASSERT_INT(0, db_import(dbp, c5, osv, mp));
	cvet_advdb *d = NULL;
	cvet_adv_match *m = NULL;
	size_t n = 0;
	T_ASSERT_INT(0, cvet_advdb_open(&d, dbp));
	T_ASSERT_INT(0, cvet_advdb_match(d, "libfoo", "1.0", NULL, &m, &n));
	int cve_kept = 0;
	for (size_t i = 0; n == 1 && i < m[0].naliases; i++)
		cve_kept |= strcmp(m[0].aliases[i], "CVE-2099-0101") == 0;
	size_t n10 = n, s10 = n ? m[0].nsources : 0;
	cvet_adv_matches_free(m, n);
	T_ASSERT_INT(0, cvet_advdb_match(d, "libfoo", "1.1.5", NULL, &m, &n)); /* only the CVE 5 record covers it */
	int only = n == 1 && strcmp(m[0].id, "CVE-2099-0101") == 0;
	cvet_adv_matches_free(m, n);
	cvet_advdb_free(d);
	T_ASSERT_INT(1, n10);
	T_ASSERT_INT(2, s10);
	T_ASSERT(cve_kept);
	T_ASSERT(only);
}

/* ---- the bundled snapshot ------------------------------------------------------------------------- */

#ifndef CVET_TEST_BUNDLED_DB
#define CVET_TEST_BUNDLED_DB "advisories.db"
#endif

static int finds(cvet_advdb *d, const char *project, const char *version, const char *id)
{
	cvet_adv_match *m = NULL;
	size_t n = 0;
	int found = 0;
	if (cvet_advdb_match(d, project, version, NULL, &m, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < m[i].nsources; k++)
			found |= strcmp(m[i].sources[k], id) == 0;
	cvet_adv_matches_free(m, n);
	return found;
}

void test_cve5__bundled_records_match_pins(void)
{
	cvet_advdb *d = NULL;
	T_ASSERT_INT(0, cvet_advdb_open(&d, CVET_TEST_BUNDLED_DB));
	/* c-ares CVE-2023-32067 (CNA c-ares: fixed 1.19.1), only in the vulnrichment records */
	int a = finds(d, "c-ares", "1.19.0", "CVE-2023-32067"), b = finds(d, "c-ares", "1.19.1", "CVE-2023-32067");
	/* protobuf CVE-2024-7254 (the CNA's repo-wide range: before 28.2) */
	int c = finds(d, "protobuf", "3.21.12", "CVE-2024-7254"), e = finds(d, "protobuf", "28.2", "CVE-2024-7254");
	/* gRPC CVE-2023-33953: the "154.3" bound is read as 1.54.3 */
	int f = finds(d, "grpc", "1.54.2", "CVE-2023-33953"), g = finds(d, "grpc", "1.74.1", "CVE-2023-33953");
	cvet_advdb_free(d);
	T_ASSERT_INT(1, a);
	T_ASSERT_INT(0, b);
	T_ASSERT_INT(1, c);
	T_ASSERT_INT(0, e);
	T_ASSERT_INT(1, f);
	T_ASSERT_INT(0, g);
}

static void cleanup(void)
{
	cvet_osv__namemap_clear(&map);
}

void test_cve5__zz_cleanup(void)
{
	cleanup();
}

CVET_TEST_MAIN(
	T(test_cve5__cna_only_record),
	T(test_cve5__adp_metrics_when_cna_has_none),
	T(test_cve5__version_forms),
	T(test_cve5__default_status_affected_and_unaffected_ranges),
	T(test_cve5__changes),
	T(test_cve5__mapping),
	T(test_cve5__git_versions_skipped),
	T(test_cve5__cna_preferred_over_adp),
	T(test_cve5__rejected_and_not_cve5),
	T(test_cve5__malformed_and_hostile),
	T(test_cve5__mutations_never_crash),
	T(test_cve5__dedup_with_osv_alias),
	T(test_cve5__dedup_non_upstream_keeps_one_finding),
	T(test_cve5__bundled_records_match_pins),
	T(test_cve5__zz_cleanup))
