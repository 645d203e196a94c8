/* lockfile_sbom.c - SBOM inputs: CycloneDX JSON components and SPDX JSON packages (including vcpkg's per-port SPDX) */
#include <stdlib.h>
#include <string.h>
#include "deps/lockfile.h"

#define MAX_COMPONENT_DEPTH 32

/* Ecosystem for the name map from a purl type ("pkg:conan/zlib@1.3" -> "conan"), static, or NULL. */
static const char *purl_ecosystem(const char *purl)
{
	static const char *const known[] = {"conan", "vcpkg", "github", "generic", "bazel", "meson", "cpm"};
	if (!purl || strncmp(purl, "pkg:", 4) != 0)
		return NULL;
	size_t tl = strcspn(purl + 4, "/");
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strlen(known[i]) == tl && strncmp(purl + 4, known[i], tl) == 0)
			return known[i];
	return NULL;
}

static int add_component(const cvet_lf_json *j, const cJSON *c, const char *eco, cvet_lf_list *out, int depth)
{
	if (depth > MAX_COMPONENT_DEPTH)
		return 0;
	const cJSON *name = cJSON_GetObjectItemCaseSensitive(c, "name");
	const char *version = cvet_lockfile__json_str(c, "version");
	const char *purl = cvet_lockfile__json_str(c, "purl");
	const char *group = cvet_lockfile__json_str(c, "group");
	int err = 0;
	if (cJSON_IsString(name) && strlen(name->valuestring) <= CVET_LF_MAX_STR &&
	    (!version || strlen(version) <= 256) && (!purl || strlen(purl) <= CVET_LF_MAX_STR)) {
		cvet_lf_pkg *p;
		if ((err = cvet_lockfile__add(out, eco, name->valuestring, version, cvet_lockfile__json_line(j, name), &p)) < 0)
			return err;
		p->purl = cvet_lockfile__strdup(purl);
		if (group && *group && strlen(group) < 256)
			p->detail = cvet_lockfile__printf("group %s", group);
		const char *scope = cvet_lockfile__json_str(c, "scope");
		if (scope && strcmp(scope, "excluded") == 0)
			p->build_only = 1;
	}
	const cJSON *kids = cJSON_GetObjectItemCaseSensitive(c, "components"), *k;
	cJSON_ArrayForEach(k, cvet_lockfile__json_array(kids)) {
		if (cJSON_IsObject(k) && (err = add_component(j, k, eco, out, depth + 1)) < 0)
			return err;
	}
	return 0;
}

static int parse_cyclonedx(const cvet_lf_json *j, const char *display, cvet_lf_list *out)
{
	const cJSON *comps = cJSON_GetObjectItemCaseSensitive(j->root, "components"), *c;
	if (comps && !cJSON_IsArray(comps))
		return cvet_error_setc(CVET_EPARSE, "%s: line %u: CycloneDX \"components\" must be an array", display,
				       cvet_lockfile__json_line(j, comps));
	cJSON_ArrayForEach(c, comps) {
		if (!cJSON_IsObject(c))
			return cvet_error_setc(CVET_EPARSE, "%s: line %u: CycloneDX component must be an object", display,
					       cvet_lockfile__json_line(j, comps));
		int err = add_component(j, c, "cyclonedx", out, 0);
		if (err < 0)
			return err;
	}
	return 0;
}

static int parse_spdx(const cvet_lf_json *j, const char *display, cvet_lf_list *out)
{
	const cJSON *pkgs = cJSON_GetObjectItemCaseSensitive(j->root, "packages"), *p;
	if (pkgs && !cJSON_IsArray(pkgs))
		return cvet_error_setc(CVET_EPARSE, "%s: line %u: SPDX \"packages\" must be an array", display,
				       cvet_lockfile__json_line(j, pkgs));
	/* vcpkg writes one SPDX document per installed port: only the port package is a dependency */
	int from_vcpkg = 0;
	const cJSON *ci = cJSON_GetObjectItemCaseSensitive(j->root, "creationInfo");
	const cJSON *creators = cJSON_GetObjectItemCaseSensitive(ci, "creators"), *cr;
	cJSON_ArrayForEach(cr, cvet_lockfile__json_array(creators)) {
		if (cJSON_IsString(cr) && strncmp(cr->valuestring, "Tool: vcpkg", 11) == 0)
			from_vcpkg = 1;
	}
	cJSON_ArrayForEach(p, pkgs) {
		if (!cJSON_IsObject(p))
			return cvet_error_setc(CVET_EPARSE, "%s: line %u: SPDX package must be an object", display,
					       cvet_lockfile__json_line(j, pkgs));
		const cJSON *name = cJSON_GetObjectItemCaseSensitive(p, "name");
		const char *ver = cvet_lockfile__json_str(p, "versionInfo");
		const char *id = cvet_lockfile__json_str(p, "SPDXID");
		if (!cJSON_IsString(name) || strlen(name->valuestring) > CVET_LF_MAX_STR || (ver && strlen(ver) > 256))
			continue;
		if (from_vcpkg && (!id || strcmp(id, "SPDXRef-port") != 0))
			continue;
		const char *purl = NULL;
		const cJSON *refs = cJSON_GetObjectItemCaseSensitive(p, "externalRefs"), *r;
		cJSON_ArrayForEach(r, cvet_lockfile__json_array(refs)) {
			const char *type = cvet_lockfile__json_str(r, "referenceType");
			const char *loc = cvet_lockfile__json_str(r, "referenceLocator");
			if (type && loc && strcmp(type, "purl") == 0 && strlen(loc) <= CVET_LF_MAX_STR) {
				purl = loc;
				break;
			}
		}
		cvet_lf_pkg *pk;
		int err = cvet_lockfile__add(out, from_vcpkg ? "vcpkg" : "spdx", name->valuestring, ver,
					     cvet_lockfile__json_line(j, name), &pk);
		if (err < 0)
			return err;
		pk->purl = cvet_lockfile__strdup(purl);
		if (from_vcpkg)
			pk->detail = cvet_lockfile__strdup("vcpkg-generated SPDX (installed port)");
	}
	return 0;
}

int cvet_lockfile__sbom(const char *display, const char *buf, size_t len, cvet_lf_list *out)
{
	cvet_lf_json j;
	int err = cvet_lockfile__json_parse(display, buf, len, &j);
	if (err < 0)
		return err;
	const char *fmt = cvet_lockfile__json_str(j.root, "bomFormat");
	if (fmt && strcmp(fmt, "CycloneDX") == 0)
		err = parse_cyclonedx(&j, display, out);
	else if (cvet_lockfile__json_str(j.root, "spdxVersion"))
		err = parse_spdx(&j, display, out);
	else
		err = CVET_ENOTFOUND;
	cvet_lockfile__json_free(&j);
	return err;
}

const char *cvet_lockfile__purl_ecosystem(const char *purl)
{
	return purl_ecosystem(purl);
}
