/* cvss.c - CVSS base scores computed from vector strings: v2, v3.0/v3.1 and v4.0 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "advdb/advdb_int.h"

/*
 * CVSS v4.0: the base score is the score of the vector's MacroVector (six equivalence classes EQ1..EQ6,
 * looked up in the specification's table of 270 values), lowered by the mean, over the classes that have
 * a lower MacroVector, of (score gap to that lower MacroVector) x (how far the vector sits below the most
 * severe vectors of its class, as a share of the class depth). The table values, the most severe vectors
 * of each class and the class depths are data from the FIRST CVSS v4.0 specification (tables 24-30).
 */

/* One metric of a vector: its name and value (v4.0 supplemental metrics have words, e.g. U:Clear). */
typedef struct { char name[4]; char value[8]; } metric;

/* Split "A:B/C:D" into metrics. Returns the count, or -1 when malformed (unknown shape, duplicates). */
static int split(const char *s, metric *m, int max)
{
	int n = 0;
	while (*s) {
		size_t len = 0;
		while (s[len] && s[len] != ':' && s[len] != '/')
			len++;
		if (len == 0 || len > 3 || s[len] != ':')
			return -1;
		size_t vlen = 0;
		while (s[len + 1 + vlen] && s[len + 1 + vlen] != '/' && s[len + 1 + vlen] != ':')
			vlen++;
		if (vlen == 0 || vlen >= sizeof(m[0].value) || s[len + 1 + vlen] == ':' || n == max)
			return -1;
		memcpy(m[n].name, s, len);
		m[n].name[len] = '\0';
		memcpy(m[n].value, s + len + 1, vlen);
		m[n].value[vlen] = '\0';
		for (int i = 0; i < n; i++)
			if (strcmp(m[i].name, m[n].name) == 0)
				return -1;
		n++;
		s += len + 1 + vlen;
		if (*s == '/') {
			s++;
			if (!*s)
				return -1;
		}
	}
	return n;
}

/* The single-letter value of a metric, 0 when absent or not a single letter. */
static char get(const metric *m, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(m[i].name, name) == 0)
			return m[i].value[1] ? 0 : m[i].value[0];
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

/* ---- CVSS v4.0 ------------------------------------------------------------------------------------ */

/* MacroVector scores x10, indexed [EQ1][EQ2][EQ3][EQ4][EQ5][EQ6] (3x2x3x3x3x2); 255 = impossible (EQ3=2, EQ6=0). */
static const unsigned char V4_MACRO[324] = {
	100, 99, 98, 95, 95, 92, 100, 96, 93, 87, 91, 81, 93, 90, 89, 80, 81, 68,
	98, 95, 95, 92, 90, 84, 93, 92, 89, 81, 81, 65, 88, 80, 78, 70, 69, 48,
	255, 92, 255, 82, 255, 72, 255, 79, 255, 69, 255, 50, 255, 69, 255, 55, 255, 27,
	99, 97, 95, 92, 92, 85, 95, 91, 90, 83, 84, 71, 92, 81, 82, 71, 72, 53,
	95, 93, 92, 85, 85, 73, 92, 82, 80, 72, 70, 59, 84, 70, 71, 52, 50, 30,
	255, 86, 255, 75, 255, 52, 255, 71, 255, 52, 255, 29, 255, 63, 255, 29, 255, 17,
	98, 95, 94, 87, 91, 81, 94, 89, 86, 74, 77, 64, 87, 75, 74, 63, 63, 49,
	94, 89, 88, 77, 76, 67, 86, 76, 74, 58, 59, 50, 72, 57, 57, 52, 52, 25,
	255, 83, 255, 70, 255, 54, 255, 65, 255, 58, 255, 26, 255, 53, 255, 21, 255, 13,
	95, 90, 88, 76, 76, 70, 90, 77, 75, 62, 61, 53, 77, 66, 68, 59, 52, 30,
	89, 78, 76, 67, 62, 58, 74, 59, 57, 57, 47, 23, 61, 52, 57, 29, 24, 16,
	255, 71, 255, 59, 255, 30, 255, 58, 255, 26, 255, 15, 255, 23, 255, 13, 255, 6,
	93, 87, 86, 72, 75, 58, 86, 74, 74, 61, 56, 34, 70, 54, 52, 40, 40, 22,
	85, 75, 74, 55, 62, 51, 72, 57, 55, 41, 46, 19, 53, 36, 34, 19, 19, 8,
	255, 64, 255, 51, 255, 20, 255, 47, 255, 21, 255, 11, 255, 24, 255, 9, 255, 4,
	88, 75, 73, 53, 60, 50, 73, 55, 59, 40, 41, 20, 54, 43, 45, 22, 20, 11,
	75, 55, 58, 45, 40, 21, 61, 51, 48, 18, 20, 9, 46, 18, 17, 7, 8, 2,
	255, 53, 255, 24, 255, 14, 255, 24, 255, 12, 255, 5, 255, 10, 255, 3, 255, 1,
};

static int v4_macro(int e1, int e2, int e3, int e4, int e5, int e6)
{
	if (e1 > 2 || e2 > 1 || e3 > 2 || e4 > 2 || e5 > 2 || e6 > 1)
		return -1;
	int v = V4_MACRO[((((e1 * 2 + e2) * 3 + e3) * 3 + e4) * 3 + e5) * 2 + e6];
	return v == 255 ? -1 : v;
}

/* Metrics the distances are measured over, in this order. Each value string lists the levels from the most
 * severe; a metric's level is the position of its letter. */
enum { X_AV, X_PR, X_UI, X_AC, X_AT, X_VC, X_VI, X_VA, X_SC, X_SI, X_SA, X_CR, X_IR, X_AR, X_E, V4_NMETRICS };
static const char *const V4_NAMES[V4_NMETRICS] = {"AV", "PR", "UI", "AC", "AT", "VC", "VI", "VA", "SC", "SI", "SA",
						  "CR", "IR", "AR", "E"};
static const char *const V4_LEVELS[V4_NMETRICS] = {"NALP", "NLH", "NPA", "LH", "NP", "HLN", "HLN", "HLN", "HLN",
						   "SHLN", "SHLN", "HML", "HML", "HML", "APU"};

/* The most severe vectors of each class level (spec tables 24-30), as letters in V4_NAMES order for the
 * metrics the class covers: EQ1 AV PR UI; EQ2 AC AT; EQ3+EQ6 VC VI VA CR IR AR; EQ4 SC SI SA. */
static const char *const V4_MAX_EQ1[3][4] = {{"NNN"}, {"ANN", "NLN", "NNP"}, {"PNN", "ALP"}};
static const char *const V4_MAX_EQ2[2][3] = {{"LN"}, {"HN", "LP"}};
static const char *const V4_MAX_EQ36[3][2][6] = {
	{{"HHHHHH"}, {"HHLMMH", "HHHMMM"}},
	{{"LHHHHH", "HLHHHH"}, {"LHLHMH", "LHHHMM", "HLHMHM", "HLLMHH", "LLHHHM"}},
	{{NULL}, {"LLLHHH"}},
};
static const char *const V4_MAX_EQ4[3][2] = {{"HSS"}, {"HHH"}, {"LLL"}};
/* Depth of each class level: the largest distance a vector of that level can have from its most severe one. */
static const int V4_DEPTH_EQ1[3] = {0, 3, 4}, V4_DEPTH_EQ2[2] = {0, 1}, V4_DEPTH_EQ4[3] = {5, 4, 3};
static const int V4_DEPTH_EQ36[3][2] = {{6, 5}, {7, 7}, {-1, 9}};

static int level_of(int k, char v)
{
	const char *p = v ? strchr(V4_LEVELS[k], v) : NULL;
	return p ? (int)(p - V4_LEVELS[k]) : -1;
}

static double score_v4(const metric *m, int n)
{
	int lv[V4_NMETRICS];
	/* effective values: a modified (environmental) metric overrides the base one; defaults for the rest */
	for (int k = 0; k < V4_NMETRICS; k++) {
		char mod[5];
		snprintf(mod, sizeof(mod), "M%s", V4_NAMES[k]);
		char v = get(m, n, mod);
		if (!v || v == 'X')
			v = get(m, n, V4_NAMES[k]);
		if (!v || v == 'X') {
			if (k >= X_AV && k <= X_SA)
				return -1; /* a base metric is required */
			v = k == X_E ? 'A' : 'H';
		}
		if ((k == X_SI || k == X_SA) && v == 'S' && !get(m, n, mod))
			return -1; /* "Safety" exists only as a modified value */
		if ((lv[k] = level_of(k, v)) < 0)
			return -1;
	}
	if (lv[X_VC] == 2 && lv[X_VI] == 2 && lv[X_VA] == 2 && lv[X_SC] == 2 && lv[X_SI] == 3 && lv[X_SA] == 3)
		return 0.0;
	/* the six equivalence classes (0 = most severe) */
	int av_n = lv[X_AV] == 0, pr_n = lv[X_PR] == 0, ui_n = lv[X_UI] == 0;
	int eq1 = av_n && pr_n && ui_n ? 0 : (av_n || pr_n || ui_n) && lv[X_AV] != 3 ? 1 : 2;
	int eq2 = lv[X_AC] == 0 && lv[X_AT] == 0 ? 0 : 1;
	int vch = lv[X_VC] == 0, vih = lv[X_VI] == 0, vah = lv[X_VA] == 0;
	int eq3 = vch && vih ? 0 : vch || vih || vah ? 1 : 2;
	int eq4 = lv[X_SI] == 0 || lv[X_SA] == 0 ? 0 : lv[X_SC] == 0 || lv[X_SI] == 1 || lv[X_SA] == 1 ? 1 : 2;
	int eq5 = lv[X_E];
	int eq6 = (lv[X_CR] == 0 && vch) || (lv[X_IR] == 0 && vih) || (lv[X_AR] == 0 && vah) ? 0 : 1;
	int value = v4_macro(eq1, eq2, eq3, eq4, eq5, eq6);
	if (value < 0)
		return -1;
	/* next lower MacroVector of each class (-1 when there is none); EQ3 and EQ6 move together */
	int lower[5];
	lower[0] = v4_macro(eq1 + 1, eq2, eq3, eq4, eq5, eq6);
	lower[1] = v4_macro(eq1, eq2 + 1, eq3, eq4, eq5, eq6);
	if (eq6 == 1)
		lower[2] = eq3 < 2 ? v4_macro(eq1, eq2, eq3 + 1, eq4, eq5, eq6) : -1;
	else if (eq3 == 1)
		lower[2] = v4_macro(eq1, eq2, eq3, eq4, eq5, 1);
	else {
		int a = v4_macro(eq1, eq2, 1, eq4, eq5, 0), b = v4_macro(eq1, eq2, 0, eq4, eq5, 1);
		lower[2] = a > b ? a : b;
	}
	lower[3] = v4_macro(eq1, eq2, eq3, eq4 + 1, eq5, eq6);
	lower[4] = v4_macro(eq1, eq2, eq3, eq4, eq5 + 1, eq6);
	/* distance of the vector from the first most-severe vector of its MacroVector that it does not exceed */
	static const int eq1m[3] = {X_AV, X_PR, X_UI}, eq2m[2] = {X_AC, X_AT};
	static const int eq36m[6] = {X_VC, X_VI, X_VA, X_CR, X_IR, X_AR}, eq4m[3] = {X_SC, X_SI, X_SA};
	int dist[5] = {0, 0, 0, 0, 0}, found = 0;
	for (int a = 0; a < 4 && !found && V4_MAX_EQ1[eq1][a]; a++)
		for (int b = 0; b < 3 && !found && V4_MAX_EQ2[eq2][b]; b++)
			for (int c = 0; c < 6 && !found && V4_MAX_EQ36[eq3][eq6][c]; c++)
				for (int d = 0; d < 2 && !found && V4_MAX_EQ4[eq4][d]; d++) {
					int dd[5] = {0, 0, 0, 0, 0}, ok = 1;
					for (int k = 0; k < 3 && ok; k++) {
						int x = lv[eq1m[k]] - level_of(eq1m[k], V4_MAX_EQ1[eq1][a][k]);
						int y = lv[eq4m[k]] - level_of(eq4m[k], V4_MAX_EQ4[eq4][d][k]);
						ok = x >= 0 && y >= 0;
						dd[0] += x;
						dd[3] += y;
					}
					for (int k = 0; k < 2 && ok; k++) {
						int x = lv[eq2m[k]] - level_of(eq2m[k], V4_MAX_EQ2[eq2][b][k]);
						ok = x >= 0;
						dd[1] += x;
					}
					for (int k = 0; k < 6 && ok; k++) {
						int x = lv[eq36m[k]] - level_of(eq36m[k], V4_MAX_EQ36[eq3][eq6][c][k]);
						ok = x >= 0;
						dd[2] += x;
					}
					if (ok) {
						memcpy(dist, dd, sizeof(dist));
						found = 1;
					}
				}
	int depth[5] = {V4_DEPTH_EQ1[eq1], V4_DEPTH_EQ2[eq2], V4_DEPTH_EQ36[eq3][eq6], V4_DEPTH_EQ4[eq4], 0};
	double sum = 0;
	int nlower = 0;
	for (int k = 0; k < 5; k++) {
		if (lower[k] < 0)
			continue;
		nlower++;
		if (k < 4 && depth[k] >= 0)
			sum += (double)(value - lower[k]) / 10.0 * ((double)dist[k] / (double)(depth[k] + 1));
	}
	double score = (double)value / 10.0 - (nlower ? sum / nlower : 0.0);
	if (score < 0)
		score = 0;
	if (score > 10)
		score = 10;
	/* plain round-half-up of the binary value, as the specification's reference calculator does */
	return floor(score * 10.0 + 0.5) / 10.0;
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
