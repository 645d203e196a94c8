/* lockfile_common.c - helpers shared by the manifest parsers: bounded file reading, package lists, JSON with lines */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "deps/lockfile.h"

/* ---- strings ---- */

char *cvet_lockfile__strndup(const char *s, size_t n)
{
	char *r = malloc(n + 1);
	if (!r)
		return NULL;
	memcpy(r, s, n);
	r[n] = '\0';
	return r;
}

char *cvet_lockfile__strdup(const char *s)
{
	return s ? cvet_lockfile__strndup(s, strlen(s)) : NULL;
}

char *cvet_lockfile__printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	char *r = malloc((size_t)n + 1);
	if (!r)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(r, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return r;
}

int cvet_lockfile__is_hex(const char *s, size_t min, size_t max)
{
	size_t n = 0;
	if (!s)
		return 0;
	for (; s[n]; n++) {
		char c = s[n];
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
			return 0;
		if (n > max)
			return 0;
	}
	return n >= min && n <= max;
}

int cvet_lockfile__is_commit(const char *s)
{
	return s && (strlen(s) == 40 || strlen(s) == 64) && cvet_lockfile__is_hex(s, 40, 64);
}

/* Strip "scheme://[user@]host/" or "git@host:" and return the host start and the path start. */
static int split_url(const char *url, const char **host, size_t *hostlen, const char **path)
{
	const char *p = strstr(url, "://");
	if (p) {
		p += 3;
		const char *slash = strchr(p, '/');
		if (!slash)
			return -1;
		const char *at = memchr(p, '@', (size_t)(slash - p));
		if (at)
			p = at + 1;
		*host = p;
		*hostlen = (size_t)(slash - p);
		*path = slash + 1;
		return 0;
	}
	/* scp-like: [user@]host:path */
	const char *colon = strchr(url, ':');
	const char *slash = strchr(url, '/');
	if (!colon || (slash && slash < colon))
		return -1;
	p = url;
	const char *at = memchr(p, '@', (size_t)(colon - p));
	if (at)
		p = at + 1;
	*host = p;
	*hostlen = (size_t)(colon - p);
	*path = colon + 1;
	return 0;
}

char *cvet_lockfile__github_repo(const char *url)
{
	const char *host, *path;
	size_t hostlen;
	if (!url || split_url(url, &host, &hostlen, &path) < 0)
		return NULL;
	/* host may carry a port: github.com:443 */
	size_t hl = hostlen;
	const char *colon = memchr(host, ':', hostlen);
	if (colon)
		hl = (size_t)(colon - host);
	if (!((hl == 10 && strncmp(host, "github.com", 10) == 0) ||
	      (hl == 14 && strncmp(host, "www.github.com", 14) == 0)))
		return NULL;
	while (*path == '/')
		path++;
	const char *s1 = strchr(path, '/');
	if (!s1 || s1 == path)
		return NULL;
	const char *repo = s1 + 1;
	size_t rl = strcspn(repo, "/?#");
	if (rl > 4 && strncmp(repo + rl - 4, ".git", 4) == 0)
		rl -= 4;
	if (rl == 0 || (size_t)(s1 - path) + rl + 1 > CVET_LF_MAX_STR)
		return NULL;
	char *r = cvet_lockfile__printf("%.*s/%.*s", (int)(s1 - path), path, (int)rl, repo);
	return r;
}

char *cvet_lockfile__url_basename(const char *url)
{
	size_t n = strlen(url);
	while (n > 0 && (url[n - 1] == '/' || url[n - 1] == ' '))
		n--;
	size_t start = n;
	while (start > 0 && url[start - 1] != '/' && url[start - 1] != ':')
		start--;
	size_t len = n - start;
	if (len > 4 && strncmp(url + start + len - 4, ".git", 4) == 0)
		len -= 4;
	return cvet_lockfile__strndup(url + start, len);
}

unsigned cvet_lockfile__line_at(const char *buf, size_t off)
{
	unsigned line = 1;
	for (size_t i = 0; i < off; i++)
		if (buf[i] == '\n')
			line++;
	return line;
}

int cvet_lockfile__next_line(const char *buf, size_t len, size_t *pos, const char **s, size_t *ll)
{
	const char *nl, *p;
	size_t n;
	if (*pos >= len)
		return 0;
	p = buf + *pos;
	nl = memchr(p, '\n', len - *pos);
	n = nl ? (size_t)(nl - p) : len - *pos;
	*pos += n + (nl ? 1 : 0);
	while (n && (*p == ' ' || *p == '\t')) {
		p++;
		n--;
	}
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
		n--;
	*s = p;
	*ll = n;
	return 1;
}

int cvet_lockfile__split_kv(const char *s, size_t ll, size_t *kl, const char **val, size_t *vl)
{
	const char *eq = memchr(s, '=', ll);
	if (!eq)
		return 0;
	*kl = (size_t)(eq - s);
	while (*kl && (s[*kl - 1] == ' ' || s[*kl - 1] == '\t'))
		(*kl)--;
	*val = eq + 1;
	*vl = ll - (size_t)(*val - s);
	while (*vl && (**val == ' ' || **val == '\t')) {
		(*val)++;
		(*vl)--;
	}
	return 1;
}

/* ---- package lists ---- */

void cvet_lockfile__pkg_clear(cvet_lf_pkg *p)
{
	if (!p)
		return;
	free(p->name);
	free(p->version);
	free(p->tag);
	free(p->commit);
	free(p->repo);
	free(p->purl);
	free(p->detail);
	free(p->path);
	memset(p, 0, sizeof(*p));
}

void cvet_lockfile__list_clear(cvet_lf_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		cvet_lockfile__pkg_clear(&l->items[i]);
	free(l->items);
	for (size_t i = 0; i < l->nnotes; i++)
		free(l->notes[i]);
	free(l->notes);
	memset(l, 0, sizeof(*l));
}

int cvet_lockfile__add(cvet_lf_list *l, const char *ecosystem, const char *name, const char *version,
		       unsigned line, cvet_lf_pkg **out)
{
	if (out)
		*out = NULL;
	if (l->n >= CVET_LF_MAX_ENTRIES)
		return cvet_error_setc(CVET_ELIMIT, "more than %d packages in one file", CVET_LF_MAX_ENTRIES);
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		cvet_lf_pkg *items = reallocarray(l->items, cap, sizeof(*items));
		if (!items)
			return cvet_error_setc(CVET_ENOMEM, "out of memory");
		l->items = items;
		l->cap = cap;
	}
	cvet_lf_pkg *p = &l->items[l->n];
	memset(p, 0, sizeof(*p));
	p->ecosystem = ecosystem;
	p->line = line;
	p->name = cvet_lockfile__strdup(name);
	p->version = version ? cvet_lockfile__strdup(version) : NULL;
	if (!p->name || (version && !p->version)) {
		cvet_lockfile__pkg_clear(p);
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	}
	l->n++;
	if (out)
		*out = p;
	return 0;
}

int cvet_lockfile__note(cvet_lf_list *l, const char *fmt, ...)
{
	if (l->nnotes >= CVET_LF_MAX_NOTES)
		return 0;
	if (l->nnotes == l->cap_notes) {
		size_t cap = l->cap_notes ? l->cap_notes * 2 : 8;
		char **notes = reallocarray(l->notes, cap, sizeof(*notes));
		if (!notes)
			return cvet_error_setc(CVET_ENOMEM, "out of memory");
		l->notes = notes;
		l->cap_notes = cap;
	}
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	for (char *p = buf; *p; p++)
		if ((unsigned char)*p < 32 || *p == 127) /* one line, and no terminal escapes from hostile text */
			*p = ' ';
	char *n = cvet_lockfile__strdup(buf);
	if (!n)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	l->notes[l->nnotes++] = n;
	return 0;
}

/* ---- files ---- */

/* 1 when the real path `p` is `root` or below it (both real paths). */
static int under(const char *p, const char *root)
{
	size_t n = strlen(root);
	if (n == 1 && root[0] == '/')
		return p[0] == '/';
	return strncmp(p, root, n) == 0 && (p[n] == '/' || p[n] == '\0');
}

int cvet_lockfile__outside(const char *root, const char *path)
{
	char real[PATH_MAX];
	if (!root || !root[0] || !realpath(path, real))
		return 0;
	return !under(real, root);
}

/*
 * The file behind an open descriptor still lies inside `root`: /proc/self/fd names what was really
 * opened, so a directory swapped for a link between the check and the open is caught too. Where
 * /proc is not mounted the check before the open stands alone.
 */
static int fd_inside(int fd, const char *root)
{
	char link[64], real[PATH_MAX];
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	ssize_t n = readlink(link, real, sizeof(real) - 1);
	if (n < 0)
		return 1;
	real[n] = '\0';
	return under(real, root);
}

/* The reader behind both entry points: `root` NULL = no confinement. */
static int read_file_impl(const char *root, const char *path, const char *display, size_t cap, char **buf,
			  size_t *len)
{
	char real[PATH_MAX];
	int flags = O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC;
	*buf = NULL;
	*len = 0;
	if (root && root[0] && realpath(path, real)) {
		if (!under(real, root))
			return cvet_error_setc(CVET_EIO, "'%s' leads outside the scanned tree (a symbolic link; not followed)",
					       display);
		path = real;            /* open what was checked, */
		flags |= O_NOFOLLOW;    /* and refuse a link put in its place since */
	}
	int fd = open(path, flags);
	if (fd < 0)
		return cvet_error_setc(CVET_EIO, "cannot open '%s': %s", display, strerror(errno));
	if (root && root[0] && !fd_inside(fd, root)) {
		close(fd);
		return cvet_error_setc(CVET_EIO, "'%s' leads outside the scanned tree (a symbolic link; not followed)",
				       display);
	}
	struct stat st;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return cvet_error_setc(CVET_EIO, "'%s' is not a regular file", display);
	}
	if ((unsigned long long)st.st_size > (unsigned long long)cap) {
		close(fd);
		return cvet_error_setc(CVET_ELIMIT, "'%s' is larger than %zu MiB", display, cap >> 20);
	}
	size_t want = (size_t)st.st_size;
	char *b = malloc(want + 1);
	if (!b) {
		close(fd);
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	}
	size_t got = 0;
	while (got < want) {
		ssize_t r = read(fd, b + got, want - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;
			free(b);
			close(fd);
			return cvet_error_setc(CVET_EIO, "cannot read '%s': %s", display, strerror(e));
		}
		if (r == 0)
			break; /* file shrank while reading: keep what is there */
		got += (size_t)r;
	}
	close(fd);
	b[got] = '\0';
	*buf = b;
	*len = got;
	return 0;
}

int cvet_lockfile__read_file(const char *path, const char *display, size_t cap, char **buf, size_t *len)
{
	return read_file_impl(NULL, path, display, cap, buf, len);
}

int cvet_lockfile__read_file_in(const char *root, const char *path, const char *display, size_t cap, char **buf,
				size_t *len)
{
	return read_file_impl(root, path, display, cap, buf, len);
}

DIR *cvet_lockfile__opendir_in(const char *root, const char *path)
{
	char real[PATH_MAX];
	if (!root || !root[0])
		return opendir(path);
	if (!realpath(path, real))
		return NULL;
	if (!under(real, root)) {
		errno = EXDEV;
		return NULL;
	}
	int fd = open(real, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	if (!fd_inside(fd, root)) {
		close(fd);
		errno = EXDEV;
		return NULL;
	}
	DIR *d = fdopendir(fd);
	if (!d)
		close(fd);
	return d;
}

/* ---- JSON ---- */

typedef enum { TK_END, TK_OPEN_OBJ, TK_OPEN_ARR, TK_STRING, TK_SCALAR, TK_BAD } tok_kind;

typedef struct {
	const char *buf;
	size_t len, pos;
	unsigned line;
} tok_state;

/* Next value-starting token or object key; skips whitespace, ',', ':', '}' and ']'. */
static tok_kind next_token(tok_state *t, unsigned *line)
{
	while (t->pos < t->len) {
		unsigned char c = (unsigned char)t->buf[t->pos];
		if (c == '\n') {
			t->line++;
			t->pos++;
		} else if (c <= 32 || c == ',' || c == ':' || c == '}' || c == ']') {
			t->pos++;
		} else {
			break;
		}
	}
	if (t->pos >= t->len)
		return TK_END;
	*line = t->line;
	char c = t->buf[t->pos];
	if (c == '{' || c == '[') {
		t->pos++;
		return c == '{' ? TK_OPEN_OBJ : TK_OPEN_ARR;
	}
	if (c == '"') {
		t->pos++;
		while (t->pos < t->len && t->buf[t->pos] != '"') {
			if (t->buf[t->pos] == '\\' && t->pos + 1 < t->len)
				t->pos++;
			if (t->buf[t->pos] == '\n')
				t->line++;
			t->pos++;
		}
		if (t->pos >= t->len)
			return TK_BAD;
		t->pos++;
		return TK_STRING;
	}
	if ((c >= '0' && c <= '9') || c == '-' || c == 't' || c == 'f' || c == 'n') {
		while (t->pos < t->len) {
			char d = t->buf[t->pos];
			if (!((d >= '0' && d <= '9') || (d >= 'a' && d <= 'z') || d == '-' || d == '+' || d == '.' ||
			      d == 'E'))
				break;
			t->pos++;
		}
		return TK_SCALAR;
	}
	return TK_BAD;
}

typedef struct {
	cvet_lf_json_line *v;
	size_t n, cap;
	int failed;
} line_table;

static void record(line_table *lt, const cJSON *node, unsigned line)
{
	if (lt->failed)
		return;
	if (lt->n == lt->cap) {
		size_t cap = lt->cap ? lt->cap * 2 : 256;
		cvet_lf_json_line *v = reallocarray(lt->v, cap, sizeof(*v));
		if (!v) {
			lt->failed = 1;
			return;
		}
		lt->v = v;
		lt->cap = cap;
	}
	lt->v[lt->n].node = node;
	lt->v[lt->n].line = line;
	lt->n++;
}

/* Walk the tree in document order alongside the token stream; depth is bounded by the pre-check. */
static void zip_lines(const cJSON *node, tok_state *t, line_table *lt)
{
	unsigned line = 0;
	if (lt->failed)
		return;
	tok_kind k = next_token(t, &line);
	if (cJSON_IsObject(node) || cJSON_IsArray(node)) {
		if (k != (cJSON_IsObject(node) ? TK_OPEN_OBJ : TK_OPEN_ARR)) {
			lt->failed = 1;
			return;
		}
		record(lt, node, line);
		for (const cJSON *c = node->child; c && !lt->failed; c = c->next) {
			if (cJSON_IsObject(node) && next_token(t, &line) != TK_STRING) {
				lt->failed = 1;
				return;
			}
			zip_lines(c, t, lt);
		}
	} else if (cJSON_IsString(node)) {
		if (k != TK_STRING) {
			lt->failed = 1;
			return;
		}
		record(lt, node, line);
	} else if (k != TK_SCALAR) {
		lt->failed = 1;
	} else {
		record(lt, node, line); /* numbers, true/false/null: a message about a wrong value names its line */
	}
}

static int cmp_line(const void *a, const void *b)
{
	const cvet_lf_json_line *x = a, *y = b;
	return (x->node > y->node) - (x->node < y->node);
}

int cvet_lockfile__json_parse(const char *display, const char *buf, size_t len, cvet_lf_json *out)
{
	memset(out, 0, sizeof(*out));
	size_t start = 0;
	if (len >= 3 && (unsigned char)buf[0] == 0xEF && (unsigned char)buf[1] == 0xBB && (unsigned char)buf[2] == 0xBF)
		start = 3;
	if (len >= 2 && (((unsigned char)buf[0] == 0xFF && (unsigned char)buf[1] == 0xFE) ||
			 ((unsigned char)buf[0] == 0xFE && (unsigned char)buf[1] == 0xFF)))
		return cvet_error_setc(CVET_EPARSE, "%s: UTF-16 text is not supported (save the file as UTF-8)", display);
	if (memchr(buf, '\0', len))
		return cvet_error_setc(CVET_EPARSE, "%s: binary data (NUL byte) where JSON was expected", display);

	/* Pre-check: depth and token count, so cJSON never sees unbounded nesting or element counts. */
	size_t depth = 0, tokens = 0;
	unsigned line = 1;
	int in_str = 0;
	for (size_t i = start; i < len; i++) {
		char c = buf[i];
		if (c == '\n')
			line++;
		if (in_str) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_str = 0;
			continue;
		}
		if (c == '"') {
			in_str = 1;
			tokens++;
		} else if (c == '{' || c == '[') {
			if (++depth > CVET_LF_MAX_JSON_DEPTH)
				return cvet_error_setc(CVET_ELIMIT, "%s: line %u: JSON nested deeper than %d levels",
						       display, line, CVET_LF_MAX_JSON_DEPTH);
			tokens++;
		} else if (c == '}' || c == ']') {
			if (depth > 0)
				depth--;
		} else if (c == ',') {
			tokens++;
		}
		if (tokens > CVET_LF_MAX_JSON_TOKENS)
			return cvet_error_setc(CVET_ELIMIT, "%s: line %u: more than %d JSON values", display, line,
					       CVET_LF_MAX_JSON_TOKENS);
	}

	const char *end = NULL;
	cJSON *root = cJSON_ParseWithLengthOpts(buf + start, len - start, &end, 0);
	if (!root) {
		size_t off = end && end >= buf && end <= buf + len ? (size_t)(end - buf) : len;
		if (off >= len)
			return cvet_error_setc(CVET_EPARSE, "%s: line %u: invalid JSON (truncated?)", display,
					       cvet_lockfile__line_at(buf, len));
		return cvet_error_setc(CVET_EPARSE, "%s: line %u: invalid JSON", display, cvet_lockfile__line_at(buf, off));
	}
	if (end) {
		size_t off = (size_t)(end - buf);
		while (off < len && (unsigned char)buf[off] <= 32)
			off++;
		if (off < len) {
			cJSON_Delete(root);
			return cvet_error_setc(CVET_EPARSE, "%s: line %u: unexpected text after the JSON value", display,
					       cvet_lockfile__line_at(buf, off));
		}
	}

	line_table lt = {0};
	tok_state t = {buf, len, start, 1};
	zip_lines(root, &t, &lt);
	if (lt.failed) {
		/* lines are a convenience: without them packages just have line 0 */
		free(lt.v);
		lt.v = NULL;
		lt.n = 0;
	} else if (lt.n > 1) {
		qsort(lt.v, lt.n, sizeof(*lt.v), cmp_line);
	}
	out->root = root;
	out->lines = lt.v;
	out->nlines = lt.n;
	return 0;
}

void cvet_lockfile__json_free(cvet_lf_json *j)
{
	if (!j)
		return;
	cJSON_Delete(j->root);
	free(j->lines);
	memset(j, 0, sizeof(*j));
}

unsigned cvet_lockfile__json_line(const cvet_lf_json *j, const cJSON *node)
{
	cvet_lf_json_line key = {node, 0};
	if (!j->lines || !node)
		return 0;
	const cvet_lf_json_line *hit = bsearch(&key, j->lines, j->nlines, sizeof(key), cmp_line);
	return hit ? hit->line : 0;
}

const cJSON *cvet_lockfile__json_array(const cJSON *a)
{
	return cJSON_IsArray(a) ? a : NULL;
}

const cJSON *cvet_lockfile__json_object(const cJSON *o)
{
	return cJSON_IsObject(o) ? o : NULL;
}

const char *cvet_lockfile__json_str(const cJSON *obj, const char *key)
{
	if (!cJSON_IsObject(obj))
		return NULL;
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* ---- Conan references ---- */

void cvet_lockfile__conan_ref_clear(cvet_lf_conan_ref *r)
{
	if (!r)
		return;
	free(r->name);
	free(r->version);
	free(r->user);
	free(r->channel);
	free(r->rrev);
	memset(r, 0, sizeof(*r));
}

static int valid_ref_chars(const char *s, size_t n, int allow_range)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c <= 32 && !(allow_range && c == ' '))
			return 0;
		if (c >= 127)
			return 0;
	}
	return 1;
}

int cvet_lockfile__conan_ref_parse(const char *text, cvet_lf_conan_ref *out)
{
	memset(out, 0, sizeof(*out));
	size_t n = strlen(text);
	if (n == 0 || n > CVET_LF_MAX_STR)
		return cvet_error_setc(CVET_EPARSE, "not a Conan reference (empty or too long)");
	const char *end = text + n;
	const char *pct = memchr(text, '%', n);
	if (pct)
		end = pct;
	/* a version range "[>=1.0 <2]" may contain ':' or '#'? no, but it may contain spaces */
	const char *slash = memchr(text, '/', (size_t)(end - text));
	if (!slash || slash == text)
		return cvet_error_setc(CVET_EPARSE, "'%.80s' is not a Conan reference (expected name/version)", text);
	const char *v = slash + 1;
	const char *vend;
	if (*v == '[') {
		const char *close = memchr(v, ']', (size_t)(end - v));
		if (!close)
			return cvet_error_setc(CVET_EPARSE, "'%.80s': unterminated version range", text);
		vend = close + 1;
		out->is_range = 1;
	} else {
		vend = v;
		while (vend < end && *vend != '@' && *vend != '#' && *vend != ':' && *vend != '/')
			vend++;
	}
	if (vend == v)
		return cvet_error_setc(CVET_EPARSE, "'%.80s' is not a Conan reference (empty version)", text);
	if (!valid_ref_chars(text, (size_t)(slash - text), 0) || !valid_ref_chars(v, (size_t)(vend - v), out->is_range))
		return cvet_error_setc(CVET_EPARSE, "'%.80s' is not a Conan reference (bad characters)", text);
	out->name = cvet_lockfile__strndup(text, (size_t)(slash - text));
	out->version = cvet_lockfile__strndup(v, (size_t)(vend - v));
	if (!out->name || !out->version)
		goto oom;
	const char *p = vend;
	if (p < end && *p == '@') {
		p++;
		const char *q = p;
		while (q < end && *q != '/' && *q != '#' && *q != ':')
			q++;
		if (q > p && !(q - p == 1 && *p == '_'))
			if (!(out->user = cvet_lockfile__strndup(p, (size_t)(q - p))))
				goto oom;
		p = q;
		if (p < end && *p == '/') {
			p++;
			q = p;
			while (q < end && *q != '#' && *q != ':')
				q++;
			if (q > p && !(q - p == 1 && *p == '_'))
				if (!(out->channel = cvet_lockfile__strndup(p, (size_t)(q - p))))
					goto oom;
			p = q;
		}
	}
	if (p < end && *p == '#') {
		p++;
		const char *q = p;
		while (q < end && *q != ':' && *q != '%')
			q++;
		if (q > p && !(out->rrev = cvet_lockfile__strndup(p, (size_t)(q - p))))
			goto oom;
		p = q;
	}
	if (p < end && *p != ':')
		goto bad;
	return 0;
bad:
	cvet_lockfile__conan_ref_clear(out);
	return cvet_error_setc(CVET_EPARSE, "'%.80s' is not a Conan reference", text);
oom:
	cvet_lockfile__conan_ref_clear(out);
	return cvet_error_setc(CVET_ENOMEM, "out of memory");
}
