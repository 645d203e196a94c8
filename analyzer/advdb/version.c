/* version.c - version ordering for advisory matching (OpenSSL letters, dotted numeric, pre-releases) and tag normalisation */
#include <ctype.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>
#include "advdb/advdb_int.h"

/*
 * The ordering, in words:
 *  - A leading "v"/"V" before a digit is ignored, and so is everything from the first '+' (build metadata,
 *    Julia JLL builds "1.2.13+0") or '#' (Conan "#rrev", vcpkg "#port-version").
 *  - The release is the leading run of numbers separated by '.' or '_'; missing parts count as 0, so
 *    "7.7" == "7.7.0" and "1.2.13" < "1.2.13.1". Numbers compare by value, of any length.
 *  - What follows the release decides its rank:
 *      nothing                                        -> the release itself
 *      letters glued to the last number ("1.0.2za")   -> after the release (OpenSSL letter releases, OpenSSH
 *                                                        "9.3p1"), letters ordered by (length, text) and then
 *                                                        any trailing tokens
 *      a pre-release word (dev, alpha, a, beta, b, pre, preview, rc, c), with or without a separator
 *                                                     -> before the release, dev < alpha < beta < pre < rc
 *      anything else after '-' or '~' ("1.0.0-foo")   -> before the release (SemVer pre-release)
 *      anything else ("1.2.3.r1" cannot occur; "1.2-3") -> after the release
 *    Within a rank the rest is split into number and word tokens and compared token by token.
 *  - A string that does not start with a digit ("cci.20230101", "master") sorts before every numeric
 *    version and is compared token by token with other such strings.
 * Comparison is case-insensitive and never allocates.
 */

typedef struct {
	const char *p, *end;
} span;

/* Trim a version to the part that is compared. */
static span trim(const char *v)
{
	span s;
	if (!v)
		v = "";
	while (*v == ' ' || *v == '\t')
		v++;
	if ((v[0] == 'v' || v[0] == 'V') && isdigit((unsigned char)v[1]))
		v++;
	s.p = v;
	s.end = v;
	while (*s.end && *s.end != '+' && *s.end != '#' && *s.end != ' ' && *s.end != '\t')
		s.end++;
	return s;
}

/* Compare two digit runs by value (leading zeros ignored). */
static int numcmp(const char *a, size_t an, const char *b, size_t bn)
{
	while (an > 1 && *a == '0') { a++; an--; }
	while (bn > 1 && *b == '0') { b++; bn--; }
	if (an != bn)
		return an < bn ? -1 : 1;
	int c = memcmp(a, b, an);
	return c < 0 ? -1 : c > 0 ? 1 : 0;
}

static int alphacmp(const char *a, size_t an, const char *b, size_t bn)
{
	size_t n = an < bn ? an : bn;
	for (size_t i = 0; i < n; i++) {
		int ca = tolower((unsigned char)a[i]), cb = tolower((unsigned char)b[i]);
		if (ca != cb)
			return ca < cb ? -1 : 1;
	}
	return an == bn ? 0 : an < bn ? -1 : 1;
}

/* Next token of a span: a digit run or a letter run; separators are skipped. Returns 0 at the end. */
static int next_token(span *s, const char **tok, size_t *n, int *isnum)
{
	while (s->p < s->end && !isalnum((unsigned char)*s->p))
		s->p++;
	if (s->p >= s->end)
		return 0;
	*tok = s->p;
	*isnum = isdigit((unsigned char)*s->p) != 0;
	while (s->p < s->end && isalnum((unsigned char)*s->p) && (isdigit((unsigned char)*s->p) != 0) == *isnum)
		s->p++;
	*n = (size_t)(s->p - *tok);
	return 1;
}

/* Token-by-token comparison: numbers by value, words by text, a number above a word, more tokens above fewer. */
static int tokcmp(span a, span b)
{
	for (;;) {
		const char *ta = NULL, *tb = NULL;
		size_t na = 0, nb = 0;
		int ia = 0, ib = 0;
		int ha = next_token(&a, &ta, &na, &ia), hb = next_token(&b, &tb, &nb, &ib);
		if (!ha || !hb)
			return ha == hb ? 0 : ha ? 1 : -1;
		if (ia != ib)
			return ia ? 1 : -1;
		int c = ia ? numcmp(ta, na, tb, nb) : alphacmp(ta, na, tb, nb);
		if (c)
			return c;
	}
}

/* Rank of a pre-release word (0 = not one); lower ranks sort first. */
static int prerelease_rank(const char *w, size_t n)
{
	static const struct { const char *word; int rank; } words[] = {
		{"dev", 1}, {"snapshot", 1}, {"alpha", 2}, {"a", 2}, {"beta", 3}, {"b", 3},
		{"pre", 4}, {"preview", 4}, {"rc", 5}, {"c", 5}, {"cr", 5},
	};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strlen(words[i].word) == n && alphacmp(w, n, words[i].word, n) == 0)
			return words[i].rank;
	return 0;
}

enum { RANK_PRE = -1, RANK_RELEASE = 0, RANK_POST = 1 };

typedef struct {
	span release; /* digits, '.', '_' */
	int rank;
	int prerank;  /* pre-release word rank (0 for other pre-release text) */
	span letters; /* OpenSSL-style letters glued to the release (RANK_POST) */
	span rest;    /* what follows, compared token by token */
} parsed;

static parsed parse(span s)
{
	parsed r;
	const char *p = s.p;
	memset(&r, 0, sizeof(r));
	r.release.p = p;
	while (p < s.end && (isdigit((unsigned char)*p) ||
			     ((*p == '.' || *p == '_') && p + 1 < s.end && isdigit((unsigned char)p[1]))))
		p++;
	r.release.end = p;
	r.rest.p = p;
	r.rest.end = s.end;
	r.letters.p = r.letters.end = p;
	if (p >= s.end) {
		r.rank = RANK_RELEASE;
		return r;
	}
	int sep = 0;
	const char *w = p;
	if (*w == '-' || *w == '~' || *w == '.' || *w == '_') {
		sep = *w;
		w++;
	}
	const char *we = w;
	while (we < s.end && isalpha((unsigned char)*we))
		we++;
	int pr = we > w ? prerelease_rank(w, (size_t)(we - w)) : 0;
	/* "1.0.2a" is OpenSSL's letter release, not alpha: a lone glued 'a'/'b'/'c' with nothing after is a letter */
	if (pr && !sep && (size_t)(we - w) == 1 && we == s.end)
		pr = 0;
	if (pr) {
		r.rank = RANK_PRE;
		r.prerank = pr;
		r.rest.p = we;
		return r;
	}
	if (!sep && we > w) {
		r.rank = RANK_POST;
		r.letters.p = w;
		r.letters.end = we;
		r.rest.p = we;
		return r;
	}
	if (sep == '-' || sep == '~') {
		r.rank = RANK_PRE;
		r.prerank = 0;
		r.rest.p = w;
		return r;
	}
	r.rank = RANK_POST;
	r.rest.p = w;
	return r;
}

/* Compare dotted releases part by part; a missing part is 0. */
static int releasecmp(span a, span b)
{
	for (;;) {
		while (a.p < a.end && !isdigit((unsigned char)*a.p))
			a.p++;
		while (b.p < b.end && !isdigit((unsigned char)*b.p))
			b.p++;
		if (a.p >= a.end && b.p >= b.end)
			return 0;
		const char *ta = a.p, *tb = b.p;
		while (a.p < a.end && isdigit((unsigned char)*a.p))
			a.p++;
		while (b.p < b.end && isdigit((unsigned char)*b.p))
			b.p++;
		int c = numcmp(ta == a.p ? "0" : ta, ta == a.p ? 1 : (size_t)(a.p - ta),
			       tb == b.p ? "0" : tb, tb == b.p ? 1 : (size_t)(b.p - tb));
		if (c)
			return c;
	}
}

int cvet_version_cmp(const char *a, const char *b)
{
	span sa = trim(a), sb = trim(b);
	int da = sa.p < sa.end && isdigit((unsigned char)*sa.p);
	int db = sb.p < sb.end && isdigit((unsigned char)*sb.p);
	if (!da || !db) {
		if (da != db)
			return da ? 1 : -1;
		return tokcmp(sa, sb);
	}
	parsed pa = parse(sa), pb = parse(sb);
	int c = releasecmp(pa.release, pb.release);
	if (c)
		return c;
	if (pa.rank != pb.rank)
		return pa.rank < pb.rank ? -1 : 1;
	if (pa.rank == RANK_PRE && pa.prerank != pb.prerank) {
		/* a known word sorts after free text ("-foo"), and by its own order among words */
		return pa.prerank < pb.prerank ? -1 : 1;
	}
	if (pa.rank == RANK_POST) {
		size_t la = (size_t)(pa.letters.end - pa.letters.p), lb = (size_t)(pb.letters.end - pb.letters.p);
		if (la != lb)
			return la < lb ? -1 : 1;
		c = alphacmp(pa.letters.p, la, pb.letters.p, lb);
		if (c)
			return c;
	}
	return tokcmp(pa.rest, pb.rest);
}

char *cvet_version__normalise(const char *v)
{
	span s = trim(v);
	size_t n = (size_t)(s.end - s.p);
	char *out = malloc(n + 1);
	if (!out)
		return NULL;
	memcpy(out, s.p, n);
	out[n] = '\0';
	return out;
}

/* Strip `prefix` (case-insensitive) from *s when it is followed by '-' or '_' (or is followed directly by a
 * digit when `bare` is set). Returns 1 when stripped. */
static int strip_word(const char **s, const char *prefix, int bare)
{
	size_t n = strlen(prefix);
	if (n == 0 || strncasecmp(*s, prefix, n) != 0)
		return 0;
	const char *p = *s + n;
	if (*p == '-' || *p == '_' || (bare && *p == '.')) {
		*s = p + 1;
		return 1;
	}
	if (bare && isdigit((unsigned char)*p)) {
		*s = p;
		return 1;
	}
	return 0;
}

char *cvet_version_from_tag(const char *tag, const char *project)
{
	const char *s = tag ? tag : "";
	static const char *const words[] = {"release", "rel", "version", "ver", "tag"};
	if (strncmp(s, "refs/tags/", 10) == 0)
		s += 10;
	/* "release-qpdf-10.0.0": generic words, then the project name, then the words again */
	for (int round = 0; round < 2; round++) {
		for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
			if (strip_word(&s, words[i], 0))
				break;
		if (project && *project && strip_word(&s, project, 1))
			continue;
	}
	/* "lib" prefixed projects tag without it ("xml2-2.9.10") and vice versa */
	if (project && strncasecmp(project, "lib", 3) == 0)
		strip_word(&s, project + 3, 0);
	if ((s[0] == 'v' || s[0] == 'V' || s[0] == 'r' || s[0] == 'R') && (isdigit((unsigned char)s[1]) ||
	    ((s[1] == '_' || s[1] == '-') && isdigit((unsigned char)s[2]))))
		s += (s[1] == '_' || s[1] == '-') ? 2 : 1;
	size_t n = strlen(s);
	char *out = malloc(n + 1);
	if (!out)
		return NULL;
	/* '_' separates parts in tags (curl-8_4_0, OpenSSL_1_1_1k); so does '-' when only digits surround it
	 * (VER-2-10-0) */
	int only_digits_dashes = n > 0;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]) && s[i] != '-' && s[i] != '_' && s[i] != '.')
			only_digits_dashes = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '_' || (c == '-' && only_digits_dashes))
			c = '.';
		out[i] = c;
	}
	out[n] = '\0';
	return out;
}
