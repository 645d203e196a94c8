/* config.c - read .cvet.json (bounded, validated) into rule switches, severities, excludes, fail-on, the
 * profile and the code location classes */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
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
	size_t n, cap;
	int error = 0;

	*buf = NULL;
	*len = 0;
	if (!(f = cvet_util__open_regular(path)))
		return cvet_error_setc(CVET_EIO, "cannot read %s '%s': %s", what, path, strerror(errno));
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		error = cvet_error_setc(CVET_EIO, "cannot read %s '%s': not a regular file", what, path);
		goto done;
	}
	/* sized from fstat, not from `max`: a 1 KiB file must not cost a 64 MiB buffer; a file that grows
	 * while we read it grows the buffer, still never past max + 1 bytes */
	cap = st.st_size > 0 && (uint64_t)st.st_size < max ? (size_t)st.st_size + 1 : max + 1;
	if (cap < 4096 && max >= 4096)
		cap = 4096;
	for (n = 0;;) {
		if (!b || n == cap) {
			size_t ncap = b ? (cap > max / 2 ? max + 1 : cap * 2) : cap;
			char *nb;
			if (b && cap >= max + 1)
				break;
			if (!(nb = realloc(b, ncap + 1))) {
				error = cvet_error_setc(CVET_ENOMEM, "out of memory");
				goto done;
			}
			b = nb;
			cap = ncap;
		}
		size_t got = fread(b + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
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

static int word_in(const char *w, const char *const *list)
{
	for (; w && *list; list++)
		if (strcmp(w, *list) == 0)
			return 1;
	return 0;
}

/* An argument index (0..63), or "return" (-1) when allow_return. 0 or CVET_EPARSE. */
static int model_arg(const cvet_config *c, size_t i, const cJSON *v, const char *key, int allow_return, int *out)
{
	if (cJSON_IsNumber(v) && v->valuedouble >= 0 && v->valuedouble < 64 && v->valuedouble == (double)(int)v->valuedouble) {
		*out = (int)v->valuedouble;
		return 0;
	}
	if (allow_return && cJSON_IsString(v) && strcmp(v->valuestring, "return") == 0) {
		*out = -1;
		return 0;
	}
	return cvet_error_setc(CVET_EPARSE, "config '%s': \"models\"[%zu].%s must be an argument index from 0 to 63%s",
			       c->path, i, key, allow_return ? " or \"return\"" : "");
}

/*
 * "models": [{"function": "net_read", "role": "source", "arg": 1, "kind": "remote"}, ...] - what the project's
 * wrappers (or libraries cvet does not know) do, for the flow rules. Every entry is checked here, so that a
 * typo is one clear error rather than a model that silently does nothing.
 */
static int parse_models(cvet_config *c, const cJSON *arr)
{
	static const char *const roles[] = {"source", "sink", "propagate", "check", "noreturn", NULL};
	static const char *const kinds[] = {"remote", "file", "stdin", "commandline", "environment", "random", NULL};
	static const char *const uses[] = {"command", "format", "path", "size", NULL};
	const cJSON *it;
	size_t n = 0, i = 0;
	if (!cJSON_IsArray(arr))
		return cvet_error_setc(CVET_EPARSE, "config '%s': \"models\" must be an array of objects", c->path);
	n = (size_t)cJSON_GetArraySize(arr);
	if (n > 10000)
		return cvet_error_setc(CVET_ELIMIT, "config '%s': more than 10000 \"models\"", c->path);
	if (n && !(c->models = calloc(n, sizeof(*c->models))))
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	cJSON_ArrayForEach(it, arr) {
		cvet_config_model *m = &c->models[i];
		const cJSON *fn = cJSON_GetObjectItemCaseSensitive(it, "function");
		const cJSON *role = cJSON_GetObjectItemCaseSensitive(it, "role");
		const cJSON *arg = cJSON_GetObjectItemCaseSensitive(it, "arg");
		const cJSON *from = cJSON_GetObjectItemCaseSensitive(it, "from");
		const cJSON *kind = cJSON_GetObjectItemCaseSensitive(it, "kind");
		const cJSON *as = cJSON_GetObjectItemCaseSensitive(it, "as");
		int err;
		if (!cJSON_IsObject(it) || !cJSON_IsString(fn) || !*fn->valuestring || strlen(fn->valuestring) > 200)
			return cvet_error_setc(CVET_EPARSE, "config '%s': \"models\"[%zu] needs a \"function\" name", c->path, i);
		if (!cJSON_IsString(role) || !word_in(role->valuestring, roles))
			return cvet_error_setc(CVET_EPARSE,
					       "config '%s': \"models\"[%zu].role must be source, sink, propagate, check or noreturn",
					       c->path, i);
		m->arg = 0;
		m->from = 0;
		if (strcmp(role->valuestring, "noreturn") != 0) {
			if (!arg)
				return cvet_error_setc(CVET_EPARSE, "config '%s': \"models\"[%zu] needs \"arg\"", c->path, i);
			if ((err = model_arg(c, i, arg, "arg", strcmp(role->valuestring, "source") == 0 ||
							       strcmp(role->valuestring, "propagate") == 0, &m->arg)) < 0)
				return err;
		}
		if (strcmp(role->valuestring, "propagate") == 0 &&
		    (!from || (err = model_arg(c, i, from, "from", 0, &m->from)) < 0))
			return from ? err : cvet_error_setc(CVET_EPARSE, "config '%s': \"models\"[%zu] needs \"from\"", c->path, i);
		if (strcmp(role->valuestring, "source") == 0 && (!cJSON_IsString(kind) || !word_in(kind->valuestring, kinds)))
			return cvet_error_setc(CVET_EPARSE,
					       "config '%s': \"models\"[%zu].kind must be remote, file, stdin, commandline, "
					       "environment or random", c->path, i);
		if ((strcmp(role->valuestring, "sink") == 0 || strcmp(role->valuestring, "check") == 0) &&
		    (!cJSON_IsString(as) || !word_in(as->valuestring, uses)))
			return cvet_error_setc(CVET_EPARSE, "config '%s': \"models\"[%zu].as must be command, format, path or size",
					       c->path, i);
		if (strcmp(role->valuestring, "check") == 0 && strcmp(as->valuestring, "size") == 0)
			return cvet_error_setc(CVET_EPARSE, "config '%s': \"models\"[%zu]: a check is for command, format or path",
					       c->path, i);
		if (!(m->function = dup_str(fn->valuestring)) || !(m->role = dup_str(role->valuestring)) ||
		    (cJSON_IsString(kind) && !(m->kind = dup_str(kind->valuestring))) ||
		    (cJSON_IsString(as) && !(m->as = dup_str(as->valuestring))))
			return cvet_error_setc(CVET_ENOMEM, "out of memory");
		c->nmodels = ++i;
	}
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
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "models")) && (error = parse_models(c, v)) < 0)
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
	for (size_t i = 0; i < c->nmodels; i++) {
		free(c->models[i].function);
		free(c->models[i].role);
		free(c->models[i].kind);
		free(c->models[i].as);
	}
	free(c->models);
	free(c->path);
	free(c);
}
