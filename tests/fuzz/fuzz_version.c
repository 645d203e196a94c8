/* fuzz_version.c - version comparison (cvet_version_cmp) with its ordering properties checked: the input is up
 * to three versions separated by '\n'; compare must be reflexive (a == a), antisymmetric in sign
 * (sign(a ? b) == -sign(b ? a)) and transitive over the three, for both <= and ==. Tag and normalisation
 * helpers run on each piece too. */
#include "fuzz.h"
#include "advdb/advdb_int.h"

static int sign(int c)
{
	return (c > 0) - (c < 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	const char *v[3] = {"", "", ""};
	char *p = text;
	for (int i = 0; i < 3; i++) {
		v[i] = p;
		char *nl = i < 2 ? strchr(p, '\n') : NULL;
		if (!nl) {
			for (int k = i + 1; k < 3; k++)
				v[k] = "";
			break;
		}
		*nl = '\0';
		p = nl + 1;
	}
	int c[3][3];
	for (int i = 0; i < 3; i++)
		for (int k = 0; k < 3; k++)
			c[i][k] = sign(cvet_version_cmp(v[i], v[k]));
	for (int i = 0; i < 3; i++) {
		FUZZ_CHECK(c[i][i] == 0);
		for (int k = 0; k < 3; k++)
			FUZZ_CHECK(c[i][k] == -c[k][i]);
	}
	for (int i = 0; i < 3; i++)
		for (int k = 0; k < 3; k++)
			for (int m = 0; m < 3; m++) {
				if (c[i][k] <= 0 && c[k][m] <= 0)
					FUZZ_CHECK(c[i][m] <= 0);
				if (c[i][k] == 0 && c[k][m] == 0)
					FUZZ_CHECK(c[i][m] == 0);
			}
	for (int i = 0; i < 3; i++) {
		char *n = cvet_version__normalise(v[i]);
		char *t = cvet_version_from_tag(v[i], i == 0 ? NULL : v[(i + 1) % 3]);
		FUZZ_CHECK(n && t);
		free(n);
		free(t);
	}
	free(text);
	return 0;
}
