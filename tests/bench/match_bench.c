/* match_bench.c - time cvet_advdb_match over a synthetic 5,000-package lockfile drawn from the database's projects */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "advdb/advdb_int.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* usage: match_bench [DB [COUNT]] — prints one line per measurement; exits 2 on error */
int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : NULL;
	long count = argc > 2 ? strtol(argv[2], NULL, 10) : 5000;
	cvet_advdb *db = NULL;
	char **projects = NULL;
	size_t nprojects = 0;
	if (count <= 0 || count > 10000000)
		count = 5000;
	double t0 = now();
	if (cvet_advdb_open(&db, path) < 0 || cvet_advdb__projects(db, &projects, &nprojects) < 0 || nprojects == 0) {
		fprintf(stderr, "match_bench: %s\n", nprojects == 0 && !cvet_error_last()[0] ? "empty database" : cvet_error_last());
		cvet_advdb_free(db);
		return 2;
	}
	double t_open = now() - t0;
	/* the synthetic lockfile: projects round-robin, versions drawn from what the database names for each */
	const char **pv = calloc((size_t)count, sizeof(char *));
	const char **pp = calloc((size_t)count, sizeof(char *));
	char ***vers = calloc(nprojects, sizeof(char **));
	size_t *nvers = calloc(nprojects, sizeof(size_t));
	if (!pv || !pp || !vers || !nvers)
		return 2;
	for (size_t i = 0; i < nprojects; i++)
		if (cvet_advdb__project_versions(db, projects[i], &vers[i], &nvers[i]) < 0)
			return 2;
	cvet_advdb_free(db); /* start the timing from a cold cache */
	db = NULL;
	unsigned long seed = 5000;
	for (long i = 0; i < count; i++) {
		size_t p = (size_t)i % nprojects;
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		pp[i] = projects[p];
		pv[i] = nvers[p] ? vers[p][(seed >> 33) % nvers[p]] : "1.0.0";
	}
	size_t total = 0;
	double t1 = now();
	if (cvet_advdb_open(&db, path) < 0)
		return 2;
	for (int pass = 0; pass < 2; pass++) {
		double ts = now();
		total = 0;
		for (long i = 0; i < count; i++) {
			cvet_adv_match *m = NULL;
			size_t n = 0;
			if (cvet_advdb_match(db, pp[i], pv[i], NULL, &m, &n) < 0) {
				fprintf(stderr, "match_bench: %s\n", cvet_error_last());
				return 2;
			}
			total += n;
			cvet_adv_matches_free(m, n);
		}
		double dt = now() - (pass == 0 ? t1 : ts);
		printf("match %s: %ld packages (%zu projects), %zu advisories matched, %.3f s (%.1f us/package)\n",
		       pass == 0 ? "cold (open + cache fill)" : "warm", count, nprojects, total, dt, dt * 1e6 / (double)count);
	}
	printf("open + list projects: %.3f s\n", t_open);
	cvet_advdb_free(db);
	for (size_t i = 0; i < nprojects; i++) {
		for (size_t k = 0; k < nvers[i]; k++)
			free(vers[i][k]);
		free(vers[i]);
		free(projects[i]);
	}
	free(vers);
	free(nvers);
	free(projects);
	free(pv);
	free(pp);
	return 0;
}
