/* jobs.h - the job list (one translation unit each) and path helpers shared by discovery, compdb and the driver */
#ifndef CVET_SCAN_JOBS_H
#define CVET_SCAN_JOBS_H

#include <stddef.h>

/* A growable list of owned strings. */
typedef struct cvet_strv {
	char **v;
	size_t n, cap;
} cvet_strv;

int cvet_strv__push(cvet_strv *s, const char *str);   /* copies str; 0 or CVET_ENOMEM */
int cvet_strv__take(cvet_strv *s, char *str);         /* takes ownership (freed on failure) */
int cvet_strv__contains(const cvet_strv *s, const char *str);
void cvet_strv__clear(cvet_strv *s);

/* One translation unit to parse. Everything owned by the job. */
typedef struct cvet_job {
	char *file;      /* absolute path */
	char *directory; /* absolute working directory for the compile, or NULL (cwd) */
	cvet_strv args;  /* compiler flags only */
	char *rel;       /* report path (relative to the report root when under it) */
	int header;      /* 1: a header, parsed alone only when no translation unit included it */
	int from_db;     /* 1: flags came from a compilation database */
	long long bytes; /* file size, for scheduling the largest first */
} cvet_job;

typedef struct cvet_jobs {
	cvet_job *v;
	size_t n, cap;
} cvet_jobs;

cvet_job *cvet_jobs__add(cvet_jobs *j);   /* a new zeroed job at the end, or NULL on OOM */
void cvet_jobs__clear(cvet_jobs *j);
/* Free what one job owns (its slot stays in the list, emptied). */
void cvet_jobs__release(cvet_job *j);

/* Report path of an absolute path: relative to root when under it, else the path itself (malloc'd). */
char *cvet_jobs__report_path(const char *root, const char *abs);
/* 1 when path is root or below it (component-wise). */
int cvet_jobs__path_under(const char *path, const char *root);
/* malloc'd "dir/name" (name returned as a copy when absolute or dir is NULL). */
char *cvet_jobs__join(const char *dir, const char *name);

#endif
