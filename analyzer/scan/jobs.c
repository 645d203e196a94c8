/* jobs.c - the job list and the path helpers discovery, the compilation database and the driver share */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "cvet/common.h"
#include "scan/jobs.h"
#include "common/util.h"

int cvet_strv__take(cvet_strv *s, char *str)
{
	if (!str)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 8;
		char **v = cap > SIZE_MAX / sizeof(*v) ? NULL : realloc(s->v, cap * sizeof(*v));
		if (!v) {
			free(str);
			return cvet_error_setc(CVET_ENOMEM, "out of memory");
		}
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n++] = str;
	return 0;
}

int cvet_strv__push(cvet_strv *s, const char *str)
{
	return cvet_strv__take(s, cvet_jobs__join(NULL, str ? str : ""));
}

int cvet_strv__contains(const cvet_strv *s, const char *str)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->v[i], str) == 0)
			return 1;
	return 0;
}

void cvet_strv__clear(cvet_strv *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

cvet_job *cvet_jobs__add(cvet_jobs *j)
{
	if (j->n == j->cap) {
		size_t cap = j->cap ? j->cap * 2 : 64;
		cvet_job *v = cap > SIZE_MAX / sizeof(*v) ? NULL : realloc(j->v, cap * sizeof(*v));
		if (!v)
			return NULL;
		j->v = v;
		j->cap = cap;
	}
	memset(&j->v[j->n], 0, sizeof(j->v[0]));
	return &j->v[j->n++];
}

void cvet_jobs__release(cvet_job *j)
{
	free(j->file);
	free(j->directory);
	free(j->rel);
	cvet_strv__clear(&j->args);
}

void cvet_jobs__clear(cvet_jobs *j)
{
	for (size_t i = 0; i < j->n; i++)
		cvet_jobs__release(&j->v[i]);
	free(j->v);
	memset(j, 0, sizeof(*j));
}

char *cvet_jobs__join(const char *dir, const char *name)
{
	size_t a, b;
	char *s;
	if (!name)
		return NULL;
	b = strlen(name);
	if (name[0] == '/' || !dir || !*dir) {
		if ((s = malloc(b + 1)))
			memcpy(s, name, b + 1);
		return s;
	}
	a = strlen(dir);
	while (a > 1 && dir[a - 1] == '/')
		a--;
	if (!(s = malloc(a + b + 2)))
		return NULL;
	memcpy(s, dir, a);
	s[a] = '/';
	memcpy(s + a + 1, name, b + 1);
	return s;
}

int cvet_jobs__path_under(const char *path, const char *root)
{
	return cvet_util__path_under(path, root);
}

char *cvet_jobs__report_path(const char *root, const char *abs)
{
	if (root && *root && cvet_jobs__path_under(abs, root)) {
		size_t n = strlen(root);
		while (n > 1 && root[n - 1] == '/')
			n--;
		if (n == 1 && root[0] == '/')
			return cvet_jobs__join(NULL, abs + 1);
		if (abs[n] == '/' && abs[n + 1])
			return cvet_jobs__join(NULL, abs + n + 1);
	}
	return cvet_jobs__join(NULL, abs);
}
