/* config.c - read .cvet.json (bounded, validated) into rule switches, severities, excludes, fail-on, the
 * profile and the code location classes */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cjson/cJSON.h>
#include "report/config.h"
#include "cvet/rules.h"
#include "common/util.h"


static char *dup_str(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

/* Read at most `max` bytes of a regular file into *buf (malloc'd, NUL-terminated); `what` names the
 * file in messages ("config", "baseline"). 0, CVET_EIO, CVET_ELIMIT or CVET_ENOMEM. */
int cvet_config__read_file(const char *path, const char *what, size_t max, char **buf, size_t *len)
{
	FILE *f = NULL;
	struct stat st;
	char *b = NULL;
	size_t n;
	int error = 0;

	*buf = NULL;
	*len = 0;
	if (!(f = cvet_util__open_regular(path)))
		return cvet_error_setc(CVET_EIO, "cannot read %s '%s': %s", what, path, strerror(errno));
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		error = cvet_error_setc(CVET_EIO, "cannot read %s '%s': not a regular file", what, path);
		goto done;
	}
	if (!(b = malloc(max + 2))) {
		error = cvet_error_setc(CVET_ENOMEM, "out of memory");
		goto done;
	}
	n = fread(b, 1, max + 1, f);
	if (ferror(f)) {
		error = cvet_error_setc(CVET_EIO, "cannot read %s '%s': %s", what, path, strerror(errno));
		goto done;
	}
	if (n > max) {
		error = cvet_error_setc(CVET_ELIMIT, "%s '%s' is larger than %zu KiB", what, path, max / 1024u);
		goto done;
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	b = NULL;
done:
	free(b);
	fclose(f);
	return error;
}

static int parse_rules(cvet_config *c, const cJSON *rules)
{
	const cJSON *it;
	size_t n = 0;

	if (!cJSON_IsObject(rules))
		return cvet_error_setc(CVET_EPARSE, "config '%s': \"rules\" must be an object", c->path);
	cJSON_ArrayForEach(it, rules) n++;
	if (n == 0)
		return 0;
	if (!(c->rules = calloc(n, sizeof(*c->rules))))
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	cJSON_ArrayForEach(it, rules) {
		cvet_config_rule *r = &c->rules[c->nrules];
		const char *v = cJSON_GetStringValue(it);
		cvet_severity sev;

		if (!it->string || !cvet_rules_find(it->string))
			return cvet_error_setc(CVET_EPARSE, "config '%s': unknown rule '%.100s' (see 'cvet rules list')",
					       c->path, it->string ? it->string : "");
		if (!v)
			return cvet_error_setc(CVET_EPARSE,
					       "config '%s': rule '%s' must be \"on\", \"off\" or a severity", c->path,
					       it->string);
		r->enabled = -1;
		r->severity = -1;
		if (strcmp(v, "off") == 0) {
			r->enabled = 0;
		} else if (strcmp(v, "on") == 0) {
			r->enabled = 1;
		} else if (cvet_severity_parse(v, &sev) == 0 && sev != CVET_SEV_NONE) {
			r->enabled = 1;
			r->severity = (int)sev;
		} else {
			return cvet_error_setc(CVET_EPARSE,
					       "config '%s': rule '%s': '%.40s' is not \"on\", \"off\" or a severity "
					       "(critical, high, medium, low, note)",
					       c->path, it->string, v);
		}
		if (!(r->id = dup_str(it->string)))
			return cvet_error_setc(CVET_ENOMEM, "out of memory");
		c->nrules++;
	}
	return 0;
}

static int parse_exclude(cvet_config *c, const cJSON *ex)
{
	const cJSON *it;
	size_t n = 0;

	if (!cJSON_IsArray(ex))
		return cvet_error_setc(CVET_EPARSE, "config '%s': \"exclude\" must be an array of strings", c->path);
	cJSON_ArrayForEach(it, ex) n++;
	if (n == 0)
		return 0;
	if (!(c->exclude = calloc(n, sizeof(*c->exclude))))
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	cJSON_ArrayForEach(it, ex) {
		const char *v = cJSON_GetStringValue(it);
		if (!v || !*v)
			return cvet_error_setc(CVET_EPARSE, "config '%s': \"exclude\" entries must be non-empty strings",
					       c->path);
		if (!(c->exclude[c->nexclude] = dup_str(v)))
			return cvet_error_setc(CVET_ENOMEM, "out of memory");
		c->nexclude++;
	}
	return 0;
}

int cvet_config__profile_parse(const char *name, cvet_profile *out)
{
	if (name && strcmp(name, "default") == 0)
		*out = CVET_PROFILE_DEFAULT;
	else if (name && strcmp(name, "audit") == 0)
		*out = CVET_PROFILE_AUDIT;
	else
		return CVET_EUSAGE;
	return 0;
}

/* "locations": {"vendored": ["lib/gnulib"], "product": ["src/contrib/x.c"]} - an object from a location
 * class to an array of non-empty glob strings; entries are kept in file order. */
static int parse_locations(cvet_config *c, const cJSON *locs)
{
	const cJSON *cls, *it;
	size_t n = 0;

	if (!cJSON_IsObject(locs))
		return cvet_error_setc(CVET_EPARSE,
				       "config '%s': \"locations\" must be an object from a location class to an array "
				       "of globs",
				       c->path);
	cJSON_ArrayForEach(cls, locs) {
		cvet_location_class lc;
		if (!cls->string || cvet_location_class_parse(cls->string, &lc) < 0)
			return cvet_error_setc(CVET_EPARSE,
					       "config '%s': unknown location class '%.60s' in \"locations\" (expected "
					       "product, test, example, benchmark, contrib, vendored or tool)",
					       c->path, cls->string ? cls->string : "");
		if (!cJSON_IsArray(cls))
			return cvet_error_setc(CVET_EPARSE,
					       "config '%s': \"locations\": \"%s\" must be an array of glob strings",
					       c->path, cls->string);
		cJSON_ArrayForEach(it, cls) {
			const char *v = cJSON_GetStringValue(it);
			if (!v || !*v)
				return cvet_error_setc(CVET_EPARSE,
						       "config '%s': \"locations\": \"%s\" entries must be non-empty strings",
						       c->path, cls->string);
			n++;
		}
	}
	if (n == 0)
		return 0;
	if (!(c->locations = calloc(n, sizeof(*c->locations))))
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	cJSON_ArrayForEach(cls, locs) {
		cvet_location_class lc = CVET_LOC_PRODUCT;
		(void)cvet_location_class_parse(cls->string, &lc); /* validated above */
		cJSON_ArrayForEach(it, cls) {
			if (!(c->locations[c->nlocations].glob = dup_str(cJSON_GetStringValue(it))))
				return cvet_error_setc(CVET_ENOMEM, "out of memory");
			c->locations[c->nlocations++].cls = lc;
		}
	}
	return 0;
}

int cvet_config__load(const char *path, cvet_config **out)
{
	cvet_config *c = NULL;
	cJSON *root = NULL;
	const cJSON *v;
	char *text = NULL;
	size_t len = 0;
	int error;

	*out = NULL;
	if ((error = cvet_config__read_file(path, "config", CVET_CONFIG_MAX_BYTES, &text, &len)) < 0)
		return error;
	if (!(c = calloc(1, sizeof(*c))) || !(c->path = dup_str(path))) {
		error = cvet_error_setc(CVET_ENOMEM, "out of memory");
		goto done;
	}
	c->fail_on_all_code = -1;
	root = cJSON_ParseWithLength(text, len);
	if (!root || !cJSON_IsObject(root)) {
		error = cvet_error_setc(CVET_EPARSE, "config '%s' is not a valid JSON object", path);
		goto done;
	}
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "rules")) && (error = parse_rules(c, v)) < 0)
		goto done;
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "exclude")) && (error = parse_exclude(c, v)) < 0)
		goto done;
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "fail_on"))) {
		const char *s = cJSON_GetStringValue(v);
		if (!s || cvet_severity_parse(s, &c->fail_on) < 0) {
			error = cvet_error_setc(CVET_EPARSE,
						"config '%s': \"fail_on\" must be critical, high, medium, low, note or none",
						path);
			goto done;
		}
		c->has_fail_on = 1;
	}
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "profile"))) {
		if (cvet_config__profile_parse(cJSON_GetStringValue(v), &c->profile) < 0) {
			error = cvet_error_setc(CVET_EPARSE, "config '%s': \"profile\" must be \"default\" or \"audit\"",
						path);
			goto done;
		}
		c->has_profile = 1;
	}
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "fail_on_all_code"))) {
		if (!cJSON_IsBool(v)) {
			error = cvet_error_setc(CVET_EPARSE, "config '%s': \"fail_on_all_code\" must be true or false",
						path);
			goto done;
		}
		c->fail_on_all_code = cJSON_IsTrue(v) ? 1 : 0;
	}
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "locations")) && (error = parse_locations(c, v)) < 0)
		goto done;
	*out = c;
	c = NULL;
done:
	cJSON_Delete(root);
	free(text);
	cvet_config__free(c);
	return error;
}

void cvet_config__free(cvet_config *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nrules; i++)
		free(c->rules[i].id);
	free(c->rules);
	for (size_t i = 0; i < c->nexclude; i++)
		free(c->exclude[i]);
	free(c->exclude);
	for (size_t i = 0; i < c->nlocations; i++)
		free(c->locations[i].glob);
	free(c->locations);
	free(c->path);
	free(c);
}
