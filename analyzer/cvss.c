/* cvss.c - CVSS base scores computed from vector strings: v3.0/v3.1 exactly, v2 exactly, v4.0 approximated */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "advdb_int.h"

/*
 * CVSS v4.0 note: the v4.0 base score is defined through a table of 270 expert-assigned MacroVector
 * scores plus an interpolation step. cvet does not carry that table; a v4.0 vector is scored by mapping
 * it onto the v3.1 base equations (AT:P raises attack complexity, UI:P/A count as required interaction,
 * any subsequent-system impact counts as a scope change whose impact is the larger of the vulnerable
 * and subsequent system impacts) and the result is flagged as approximate. Records in the bundled data
 * with a v4.0 vector almost always carry a v3.x vector too, and that one is preferred.
 */

/* One metric of a vector: its name and the single-letter value; at most 32 metrics. */
typedef struct { char name[4]; char value; } metric;

/* Split "A:B/C:D" into metrics. Returns the count, or -1 when malformed (unknown shape, duplicates). */
static int split(const char *s, metric *m, int max)
{
	int n = 0;
	while (*s) {
		size_t len = 0;
		while (s[len] && s[len] != ':' && s[len] != '/')
			len++;
		if (len == 0 || len > 3 || s[len] != ':' || !s[len + 1] || (s[len + 2] && s[len + 2] != '/'))
			return -1;
		if (n == max)
			return -1;
		memcpy(m[n].name, s, len);
		m[n].name[len] = '\0';
		m[n].value = s[len + 1];
		for (int i = 0; i < n; i++)
			if (strcmp(m[i].name, m[n].name) == 0)
				return -1;
		n++;
		s += len + 2;
		if (*s == '/')
			s++;
	}
	return n;
}

static char get(const metric *m, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(m[i].name, name) == 0)
			return m[i].value;
	return 0;
}

/* CVSS v3.1 Roundup: the smallest one-decimal number >= x, computed on integers to avoid float artefacts. */
static double roundup(double x)
{
	long long i = llround(x * 100000.0);
	if (i % 10000 == 0)
		return (double)i / 100000.0;
	return (double)(i / 10000 + 1) / 10.0;
}

/* Look up a value letter in a "letters" string and return the matching weight; -1 when unknown. */
static double weight(char v, const char *letters, const double *w)
{
	const char *p = v ? strchr(letters, v) : NULL;
	return p ? w[p - letters] : -1;
}

/* v3 base equations given already-looked-up weights. */
static double v3_equations(double av, double ac, double pr, double ui, int changed, double c, double i, double a)
{
	double iss = 1.0 - (1.0 - c) * (1.0 - i) * (1.0 - a);
	double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * pow(iss - 0.02, 15) : 6.42 * iss;
	double expl = 8.22 * av * ac * pr * ui;
	if (impact <= 0)
		return 0.0;
	double base = changed ? 1.08 * (impact + expl) : impact + expl;
	return roundup(base < 10.0 ? base : 10.0);
}

static const double W_AV[] = {0.85, 0.62, 0.55, 0.2}; /* N A L P */
static const double W_AC[] = {0.77, 0.44};            /* L H */
static const double W_PR_U[] = {0.85, 0.62, 0.27};    /* N L H, scope unchanged */
static const double W_PR_C[] = {0.85, 0.68, 0.5};     /* N L H, scope changed */
static const double W_UI[] = {0.85, 0.62};            /* N R */
static const double W_CIA[] = {0.56, 0.22, 0.0};      /* H L N */

static double score_v3(const metric *m, int n)
{
	char s = get(m, n, "S");
	if (s != 'U' && s != 'C')
		return -1;
	int changed = s == 'C';
	double av = weight(get(m, n, "AV"), "NALP", W_AV), ac = weight(get(m, n, "AC"), "LH", W_AC);
	double pr = weight(get(m, n, "PR"), "NLH", changed ? W_PR_C : W_PR_U), ui = weight(get(m, n, "UI"), "NR", W_UI);
	double c = weight(get(m, n, "C"), "HLN", W_CIA), i = weight(get(m, n, "I"), "HLN", W_CIA);
	double a = weight(get(m, n, "A"), "HLN", W_CIA);
	if (av < 0 || ac < 0 || pr < 0 || ui < 0 || c < 0 || i < 0 || a < 0)
		return -1;
	return v3_equations(av, ac, pr, ui, changed, c, i, a);
}

static double score_v2(const metric *m, int n)
{
	static const double av_w[] = {0.395, 0.646, 1.0}, ac_w[] = {0.35, 0.61, 0.71}, au_w[] = {0.45, 0.56, 0.704};
	static const double cia_w[] = {0.0, 0.275, 0.660};
	double av = weight(get(m, n, "AV"), "LAN", av_w), ac = weight(get(m, n, "AC"), "HML", ac_w);
	double au = weight(get(m, n, "Au"), "MSN", au_w);
	double c = weight(get(m, n, "C"), "NPC", cia_w), i = weight(get(m, n, "I"), "NPC", cia_w);
	double a = weight(get(m, n, "A"), "NPC", cia_w);
	if (av < 0 || ac < 0 || au < 0 || c < 0 || i < 0 || a < 0)
		return -1;
	double impact = 10.41 * (1.0 - (1.0 - c) * (1.0 - i) * (1.0 - a));
	double expl = 20.0 * av * ac * au;
	double f = impact == 0.0 ? 0.0 : 1.176;
	double base = (0.6 * impact + 0.4 * expl - 1.5) * f;
	if (base < 0)
		base = 0;
	return floor(base * 10.0 + 0.5 + 1e-9) / 10.0;
}

/* The approximation described at the top of the file. */
static double score_v4(const metric *m, int n)
{
	static const double ui_w[] = {0.85, 0.62, 0.62}; /* N P A */
	char at = get(m, n, "AT");
	double av = weight(get(m, n, "AV"), "NALP", W_AV), ac = weight(get(m, n, "AC"), "LH", W_AC);
	double ui = weight(get(m, n, "UI"), "NPA", ui_w);
	double vc = weight(get(m, n, "VC"), "HLN", W_CIA), vi = weight(get(m, n, "VI"), "HLN", W_CIA);
	double va = weight(get(m, n, "VA"), "HLN", W_CIA);
	double sc = weight(get(m, n, "SC"), "HLN", W_CIA), si = weight(get(m, n, "SI"), "HLN", W_CIA);
	double sa = weight(get(m, n, "SA"), "HLN", W_CIA);
	char prv = get(m, n, "PR");
	if ((at != 'N' && at != 'P') || av < 0 || ac < 0 || ui < 0 || vc < 0 || vi < 0 || va < 0 || sc < 0 || si < 0 ||
	    sa < 0 || (prv != 'N' && prv != 'L' && prv != 'H'))
		return -1;
	if (at == 'P')
		ac = W_AC[1];
	int changed = sc > 0 || si > 0 || sa > 0;
	double pr = weight(prv, "NLH", changed ? W_PR_C : W_PR_U);
	return v3_equations(av, ac, pr, ui, changed, vc > sc ? vc : sc, vi > si ? vi : si, va > sa ? va : sa);
}

double cvet_cvss__score(const char *vector, int *approx)
{
	metric m[32];
	int n;
	if (approx)
		*approx = 0;
	if (!vector || strlen(vector) > 512)
		return -1;
	if (strncmp(vector, "CVSS:3.0/", 9) == 0 || strncmp(vector, "CVSS:3.1/", 9) == 0) {
		if ((n = split(vector + 9, m, 32)) < 0)
			return -1;
		return score_v3(m, n);
	}
	if (strncmp(vector, "CVSS:4.0/", 9) == 0) {
		if ((n = split(vector + 9, m, 32)) < 0)
			return -1;
		if (approx)
			*approx = 1;
		return score_v4(m, n);
	}
	if (strncmp(vector, "CVSS:", 5) == 0)
		return -1;
	if (strncmp(vector, "(", 1) == 0)
		return -1;
	if ((n = split(vector, m, 32)) < 0)
		return -1;
	return score_v2(m, n);
}

cvet_severity cvet_cvss__severity(double score)
{
	if (score >= 9.0)
		return CVET_SEV_CRITICAL;
	if (score >= 7.0)
		return CVET_SEV_HIGH;
	if (score >= 4.0)
		return CVET_SEV_MEDIUM;
	if (score > 0.0)
		return CVET_SEV_LOW;
	return CVET_SEV_NOTE;
}
