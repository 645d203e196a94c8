/* json_out.c - cJSON building helpers shared by the JSON and SARIF writers */
#include <stdlib.h>
#include <string.h>
#include "cvet/common.h"
#include "report/json_out.h"
#include "report/format_util.h"

static void attach(cvet_jout *w, cJSON *parent, const char *key, cJSON *item)
{
	if (!item) {
		w->oom = 1;
		return;
	}
	if (cJSON_IsArray(parent) ? !cJSON_AddItemToArray(parent, item)
				  : (!key || !cJSON_AddItemToObject(parent, key, item))) {
		/* adding fails only when the key cannot be copied (or on misuse) */
		cJSON_Delete(item);
		w->oom = 1;
	}
}

cJSON *cvet_jout__obj(cvet_jout *w, cJSON *parent, const char *key)
{
	cJSON *o = cJSON_CreateObject();
	if (!parent) {
		if (!o)
			w->oom = 1;
		return o;
	}
	attach(w, parent, key, o);
	return w->oom ? NULL : o;
}

cJSON *cvet_jout__arr(cvet_jout *w, cJSON *parent, const char *key)
{
	cJSON *a = cJSON_CreateArray();
	if (!parent) {
		if (!a)
			w->oom = 1;
		return a;
	}
	attach(w, parent, key, a);
	return w->oom ? NULL : a;
}

char *cvet_jout__utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i = 0, o = 0, n;
	unsigned cp;
	char *out;

	/* worst case every byte becomes the 3-byte U+FFFD */
	if (len > ((size_t)-1 - 1) / 3 || !(out = malloc(len * 3 + 1)))
		return NULL;
	while (i < len) {
		n = cvet_fmt__utf8_seq(p + i, len - i, &cp);
		if (n == 0) {
			memcpy(out + o, "\xef\xbf\xbd", 3);
			o += 3;
			i++;
		} else {
			memcpy(out + o, p + i, n);
			o += n;
			i += n;
		}
	}
	out[o] = '\0';
	return out;
}

void cvet_jout__str(cvet_jout *w, cJSON *parent, const char *key, const char *s)
{
	char *clean;

	if (!parent)
		return;
	if (!s) {
		attach(w, parent, key, cJSON_CreateNull());
		return;
	}
	if (!(clean = cvet_jout__utf8(s))) {
		w->oom = 1;
		return;
	}
	attach(w, parent, key, cJSON_CreateString(clean));
	free(clean);
}

void cvet_jout__num(cvet_jout *w, cJSON *parent, const char *key, double v)
{
	if (parent)
		attach(w, parent, key, cJSON_CreateNumber(v));
}

void cvet_jout__bool(cvet_jout *w, cJSON *parent, const char *key, int v)
{
	if (parent)
		attach(w, parent, key, cJSON_CreateBool(v ? 1 : 0));
}

void cvet_jout__null(cvet_jout *w, cJSON *parent, const char *key)
{
	if (parent)
		attach(w, parent, key, cJSON_CreateNull());
}

int cvet_jout__emit(cvet_jout *w, cJSON *root, FILE *out)
{
	char *text;
	size_t len;
	int error = 0;

	if (!root || w->oom) {
		cJSON_Delete(root);
		return CVET_ENOMEM;
	}
	text = cJSON_Print(root);
	cJSON_Delete(root);
	if (!text)
		return CVET_ENOMEM;
	len = strlen(text);
	if (fwrite(text, 1, len, out) != len || putc('\n', out) == EOF)
		error = CVET_EIO;
	cJSON_free(text);
	return error;
}
