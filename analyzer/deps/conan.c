/* lockfile_conan.c - Conan inputs: conan.lock (Conan 2 "0.5" and Conan 1 graph locks 0.1-0.4) and conanfile.txt */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "deps/lockfile.h"

static const char ECO[] = "conan";

/* Build purl and detail for a parsed reference and append it (conanfile.py's reader shares it). Returns 0 or a
 * negative code. */
int cvet_lockfile__conan_add_ref(cvet_lf_list *out, const cvet_lf_conan_ref *r, unsigned line, int build_only,
				 const char *detail)
{
	const char *version = r->is_range ? NULL : r->version;
	cvet_lf_pkg *p;
	int err = cvet_lockfile__add(out, ECO, r->name, version, line, &p);
	if (err < 0)
		return err;
	p->build_only = build_only;
	if (version) {
		char *lower = cvet_lockfile__strdup(r->name);
		if (!lower)
			return cvet_error_setc(CVET_ENOMEM, "out of memory");
		for (char *c = lower; *c; c++)
			if (*c >= 'A' && *c <= 'Z')
				*c = (char)(*c - 'A' + 'a');
		if (r->user && r->channel)
			p->purl = cvet_lockfile__printf("pkg:conan/%s@%s?channel=%s&user=%s", lower, version, r->channel, r->user);
		else if (r->user)
			p->purl = cvet_lockfile__printf("pkg:conan/%s@%s?user=%s", lower, version, r->user);
		else
			p->purl = cvet_lockfile__printf("pkg:conan/%s@%s", lower, version);
		free(lower);
		if (!p->purl)
			return cvet_error_setc(CVET_ENOMEM, "out of memory");
	}
	char *d = NULL;
	if (r->is_range)
		d = cvet_lockfile__printf("version range %s (not pinned)", r->version);
	else if (r->user || r->channel)
		d = cvet_lockfile__printf("user/channel %s/%s%s%s", r->user ? r->user : "_", r->channel ? r->channel : "_",
					  detail ? "; " : "", detail ? detail : "");
	else if (detail)
		d = cvet_lockfile__strdup(detail);
	if ((r->is_range || r->user || r->channel || detail) && !d)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	p->detail = d;
	return 0;
}

/* Parse one reference string found at `line`; a malformed reference is an error for the whole file. */
static int add_ref_text(cvet_lf_list *out, const char *display, const char *text, unsigned line, int build_only,
			const char *detail)
{
	cvet_lf_conan_ref r;
	int err = cvet_lockfile__conan_ref_parse(text, &r);
	if (err == CVET_EPARSE) {
		char msg[256];
		snprintf(msg, sizeof(msg), "%s", cvet_error_last());
		return cvet_error_setc(CVET_EPARSE, "%s: line %u: %s", display, line, msg);
	}
	if (err < 0)
		return err;
	err = cvet_lockfile__conan_add_ref(out, &r, line, build_only, detail);
	cvet_lockfile__conan_ref_clear(&r);
	return err;
}

/* Conan 2: arrays of reference strings. */
static int parse_v2(const cvet_lf_json *j, const char *display, cvet_lf_list *out)
{
	static const struct { const char *key; int build; } lists[] = {
		{"requires", 0}, {"build_requires", 1}, {"python_requires", 1}, {"config_requires", 1},
	};
	int err;
	/* overrides: {"boost/1.83.0": ["boost/1.79.0#rrev"]} - the effective refs are already in requires;
	 * remember which requirement each one replaced. */
	const cJSON *ovr = cJSON_GetObjectItemCaseSensitive(j->root, "overrides");
	for (size_t k = 0; k < sizeof(lists) / sizeof(lists[0]); k++) {
		const cJSON *arr = cJSON_GetObjectItemCaseSensitive(j->root, lists[k].key);
		if (!arr)
			continue;
		if (!cJSON_IsArray(arr))
			return cvet_error_setc(CVET_EPARSE, "%s: line %u: \"%s\" must be an array of references", display,
					       cvet_lockfile__json_line(j, arr), lists[k].key);
		const cJSON *e;
		cJSON_ArrayForEach(e, arr) {
			unsigned line = cvet_lockfile__json_line(j, e);
			if (!cJSON_IsString(e))
				return cvet_error_setc(CVET_EPARSE, "%s: line %u: \"%s\" entries must be strings", display,
						       line ? line : cvet_lockfile__json_line(j, arr), lists[k].key);
			char *detail = NULL;
			if (cJSON_IsObject(ovr)) {
				const cJSON *o;
				cJSON_ArrayForEach(o, ovr) {
					const cJSON *t;
					if (!cJSON_IsArray(o))
						continue;
					cJSON_ArrayForEach(t, o) {
						if (cJSON_IsString(t) && strncmp(e->valuestring, t->valuestring,
										 strlen(t->valuestring)) == 0 && !detail)
							detail = cvet_lockfile__printf("overrides %s", o->string);
					}
				}
			}
			err = add_ref_text(out, display, e->valuestring, line, lists[k].build, detail);
			free(detail);
			if (err < 0)
				return err;
		}
	}
	return 0;
}

typedef struct {
	const char *id;
	const cJSON *node;
	int host, build;
} v1_node;

static int cmp_node_id(const void *a, const void *b)
{
	return strcmp(((const v1_node *)a)->id, ((const v1_node *)b)->id);
}

static v1_node *find_node(v1_node *nodes, size_t n, const char *id)
{
	v1_node key = {id, NULL, 0, 0};
	return bsearch(&key, nodes, n, sizeof(key), cmp_node_id);
}

/* Node ids a "requires"/"build_requires" value names: a list of ids (0.2+) or a {ref: id} map (0.1). */
static int each_edge(const cJSON *edges, v1_node *nodes, size_t n, size_t *queue, size_t *qn, int as_build)
{
	const cJSON *e;
	if (!edges)
		return 0;
	cJSON_ArrayForEach(e, edges) {
		const char *id = cJSON_IsString(e) ? e->valuestring : NULL;
		if (!id)
			continue;
		v1_node *t = find_node(nodes, n, id);
		if (!t)
			continue;
		int *flag = as_build ? &t->build : &t->host;
		if (!*flag) {
			*flag = 1;
			queue[(*qn)++] = (size_t)(t - nodes);
		}
	}
	return 0;
}

/* Conan 1 graph lock: nodes keyed by id with "ref"/"pref"; build-only = reached only via build_requires. */
static int parse_v1(const cvet_lf_json *j, const char *display, const cJSON *graph, cvet_lf_list *out)
{
	const cJSON *jn = cJSON_GetObjectItemCaseSensitive(graph, "nodes");
	if (!cJSON_IsObject(jn))
		return cvet_error_setc(CVET_EPARSE, "%s: line %u: graph_lock.nodes must be an object", display,
				       cvet_lockfile__json_line(j, jn ? jn : graph));
	size_t n = (size_t)cJSON_GetArraySize(jn), k = 0;
	if (n > CVET_LF_MAX_ENTRIES)
		return cvet_error_setc(CVET_ELIMIT, "%s: more than %d nodes", display, CVET_LF_MAX_ENTRIES);
	if (n == 0)
		return 0;
	v1_node *nodes = calloc(n, sizeof(*nodes));
	size_t *queue = calloc(2 * n + 1, sizeof(*queue));
	int err = 0;
	if (!nodes || !queue) {
		err = cvet_error_setc(CVET_ENOMEM, "out of memory");
		goto done;
	}
	const cJSON *e;
	cJSON_ArrayForEach(e, jn) {
		if (k >= n)
			break;
		if (!cJSON_IsObject(e)) {
			err = cvet_error_setc(CVET_EPARSE, "%s: line %u: node '%.40s' must be an object", display,
					      cvet_lockfile__json_line(j, jn), e->string ? e->string : "");
			goto done;
		}
		nodes[k].id = e->string ? e->string : "";
		nodes[k].node = e;
		k++;
	}
	n = k;
	qsort(nodes, n, sizeof(*nodes), cmp_node_id);

	/* roots: consumer nodes (those with "path", or without a reference) */
	size_t qn = 0, qi = 0;
	int have_root = 0;
	for (size_t i = 0; i < n; i++) {
		const cJSON *nd = nodes[i].node;
		if (cJSON_GetObjectItemCaseSensitive(nd, "path") ||
		    (!cvet_lockfile__json_str(nd, "ref") && !cvet_lockfile__json_str(nd, "pref"))) {
			nodes[i].host = 1;
			queue[qn++] = i;
			have_root = 1;
		}
	}
	/* breadth-first: host-ness flows through requires; build-ness through build_requires and onwards */
	while (qi < qn) {
		v1_node *cur = &nodes[queue[qi++]];
		int build_ctx = cur->build && !cur->host;
		each_edge(cJSON_GetObjectItemCaseSensitive(cur->node, "requires"), nodes, n, queue, &qn, build_ctx);
		each_edge(cJSON_GetObjectItemCaseSensitive(cur->node, "build_requires"), nodes, n, queue, &qn, 1);
		each_edge(cJSON_GetObjectItemCaseSensitive(cur->node, "python_requires"), nodes, n, queue, &qn, 1);
		if (cur->host && cur->build) {
			/* host wins; its requirements were already queued as host */
		}
		if (qn > 2 * n)
			break;
	}

	/* emit in document order so output follows the file */
	cJSON_ArrayForEach(e, jn) {
		v1_node *nd = find_node(nodes, n, e->string ? e->string : "");
		if (!nd || nd->node != e)
			continue;
		if (cJSON_GetObjectItemCaseSensitive(e, "path"))
			continue;
		const cJSON *ref = cJSON_GetObjectItemCaseSensitive(e, "ref");
		if (!ref)
			ref = cJSON_GetObjectItemCaseSensitive(e, "pref");
		if (!ref)
			continue;
		if (!cJSON_IsString(ref)) {
			err = cvet_error_setc(CVET_EPARSE, "%s: line %u: node '%.40s': reference must be a string", display,
					      cvet_lockfile__json_line(j, e), nd->id);
			goto done;
		}
		const char *ctx = cvet_lockfile__json_str(e, "context");
		int build_only = have_root && nd->build && !nd->host;
		if (ctx && strcmp(ctx, "build") == 0)
			build_only = 1;
		err = add_ref_text(out, display, ref->valuestring, cvet_lockfile__json_line(j, ref), build_only, NULL);
		if (err < 0)
			goto done;
		/* python_requires of a node are references (not node ids): build-time only */
		const cJSON *py = cJSON_GetObjectItemCaseSensitive(e, "python_requires"), *pr;
		cJSON_ArrayForEach(pr, cvet_lockfile__json_array(py)) {
			if (!cJSON_IsString(pr) || !strchr(pr->valuestring, '/'))
				continue;
			if ((err = add_ref_text(out, display, pr->valuestring, cvet_lockfile__json_line(j, pr), 1,
						"python_requires")) < 0)
				goto done;
		}
	}
done:
	free(nodes);
	free(queue);
	return err;
}

typedef struct {
	const char *name, *version;
	size_t i;
} pkg_key;

static int cmp_key(const void *a, const void *b)
{
	const pkg_key *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	if (c)
		return c;
	c = strcmp(x->version, y->version);
	if (c)
		return c;
	return (x->i > y->i) - (x->i < y->i);
}

/* Merge entries with the same name and version (a requirement listed both as host and build stays
 * host, at its first line). O(n log n); keeps document order. Returns 0 or CVET_ENOMEM. */
static int merge_duplicates(cvet_lf_list *l)
{
	if (l->n < 2)
		return 0;
	pkg_key *k = malloc(l->n * sizeof(*k));
	unsigned char *drop = calloc(l->n, 1);
	if (!k || !drop) {
		free(k);
		free(drop);
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < l->n; i++) {
		k[i].name = l->items[i].name;
		k[i].version = l->items[i].version ? l->items[i].version : "";
		k[i].i = i;
	}
	qsort(k, l->n, sizeof(*k), cmp_key);
	size_t keep = k[0].i;
	for (size_t i = 1; i < l->n; i++) {
		if (strcmp(k[i].name, k[i - 1].name) == 0 && strcmp(k[i].version, k[i - 1].version) == 0) {
			if (!l->items[k[i].i].build_only)
				l->items[keep].build_only = 0;
			drop[k[i].i] = 1;
		} else {
			keep = k[i].i;
		}
	}
	size_t w = 0;
	for (size_t i = 0; i < l->n; i++) {
		if (drop[i]) {
			cvet_lockfile__pkg_clear(&l->items[i]);
			continue;
		}
		if (w != i)
			l->items[w] = l->items[i];
		w++;
	}
	l->n = w;
	free(k);
	free(drop);
	return 0;
}

int cvet_lockfile__conan_lock(const char *display, const char *buf, size_t len, cvet_lf_list *out)
{
	cvet_lf_json j;
	int err = cvet_lockfile__json_parse(display, buf, len, &j);
	if (err < 0)
		return err;
	if (!cJSON_IsObject(j.root)) {
		err = cvet_error_setc(CVET_EPARSE, "%s: a conan.lock must be a JSON object", display);
		goto done;
	}
	const cJSON *graph = cJSON_GetObjectItemCaseSensitive(j.root, "graph_lock");
	const char *version = cvet_lockfile__json_str(j.root, "version");
	if (graph) {
		if (!cJSON_IsObject(graph)) {
			err = cvet_error_setc(CVET_EPARSE, "%s: line %u: graph_lock must be an object", display,
					      cvet_lockfile__json_line(&j, graph));
			goto done;
		}
		err = parse_v1(&j, display, graph, out);
	} else if (cJSON_GetObjectItemCaseSensitive(j.root, "requires") ||
		   cJSON_GetObjectItemCaseSensitive(j.root, "build_requires") ||
		   (version && strcmp(version, "0.5") == 0)) {
		if (version && strcmp(version, "0.5") != 0)
			cvet_lockfile__note(out, "%s: lockfile version %.20s is newer than 0.5; read as 0.5", display, version);
		err = parse_v2(&j, display, out);
	} else {
		err = cvet_error_setc(CVET_EPARSE, "%s: not a Conan lockfile (no \"graph_lock\" or \"requires\")", display);
	}
	if (err == 0)
		err = merge_duplicates(out);
done:
	cvet_lockfile__json_free(&j);
	return err;
}

int cvet_lockfile__conanfile_txt(const char *display, const char *buf, size_t len, cvet_lf_list *out)
{
	enum { S_OTHER, S_REQ, S_BUILD } section = S_OTHER;
	size_t pos = 0;
	unsigned line = 0;
	if (memchr(buf, '\0', len))
		return cvet_error_setc(CVET_EPARSE, "%s: binary data (NUL byte) in a text manifest", display);
	const char *s;
	size_t ll;
	while (cvet_lockfile__next_line(buf, len, &pos, &s, &ll)) {
		line++;
		if (ll == 0 || *s == '#')
			continue;
		if (*s == '[') {
			const char *close = memchr(s, ']', ll);
			if (!close)
				return cvet_error_setc(CVET_EPARSE, "%s: line %u: unterminated section header", display, line);
			size_t nl2 = (size_t)(close - s - 1);
			if (nl2 == 8 && strncmp(s + 1, "requires", 8) == 0)
				section = S_REQ;
			else if ((nl2 == 13 && strncmp(s + 1, "tool_requires", 13) == 0) ||
				 (nl2 == 14 && strncmp(s + 1, "build_requires", 14) == 0) ||
				 (nl2 == 13 && strncmp(s + 1, "test_requires", 13) == 0) ||
				 (nl2 == 15 && strncmp(s + 1, "python_requires", 15) == 0))
				section = S_BUILD;
			else
				section = S_OTHER;
			continue;
		}
		if (section == S_OTHER)
			continue;
		/* the reference is the first word; "# comment" may follow */
		size_t wl = 0;
		while (wl < ll && s[wl] != ' ' && s[wl] != '\t' && s[wl] != '#')
			wl++;
		if (wl < ll && s[0] != '[' && memchr(s, '[', ll)) {
			/* a range with spaces: name/[>=1.0 <2.0] */
			const char *close = memchr(s, ']', ll);
			if (close)
				wl = (size_t)(close - s) + 1;
		}
		if (wl > CVET_LF_MAX_STR)
			return cvet_error_setc(CVET_EPARSE, "%s: line %u: reference longer than %d bytes", display, line,
					       CVET_LF_MAX_STR);
		char *ref = cvet_lockfile__strndup(s, wl);
		if (!ref)
			return cvet_error_setc(CVET_ENOMEM, "out of memory");
		int err = add_ref_text(out, display, ref, line, section == S_BUILD, NULL);
		free(ref);
		if (err < 0)
			return err;
	}
	return 0;
}
