/* driver.c - run a scan: paths -> jobs (database or discovery) -> worker threads + deps -> filter -> finalize */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <clang-c/Index.h>
#include "cvet/deps.h"
#include "cvet/rules.h"
#include "code/check.h"
#include "scan/cache.h"
#include "scan/compdb.h"
#include "scan/discover.h"
#include "scan/driver.h"
#include "report/report_wire.h"
#include "scan/isolate.h"
#include "scan/part.h"
#include "scan/jobs.h"
#include "code/suppress.h"
#include "code/walker.h"
#include "common/util.h"
#include "deps/lockfile.h"
#include "flow/flow.h"
#include "report/format_util.h"
#include "report/location.h"

/* ---- a string set (report paths of project files the walker touched) ---- */

typedef struct strset {
	char **slot;
	size_t cap, n;
} strset;

static size_t str_hash(const char *s)
{
	size_t h = 1469598103934665603ULL & (size_t)-1;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * (size_t)1099511628211ULL;
	return h;
}

static int strset_has(const strset *s, const char *str)
{
	if (!s->cap)
		return 0;
	for (size_t i = str_hash(str) & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
		if (!s->slot[i])
			return 0;
		if (strcmp(s->slot[i], str) == 0)
			return 1;
	}
}

/* Insert a copy; 0, or CVET_ENOMEM. */
static int strset_add(strset *s, const char *str)
{
	size_t i;
	if (strset_has(s, str))
		return 0;
	if ((s->n + 1) * 2 > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		char **slot = calloc(cap, sizeof(*slot));
		if (!slot)
			return CVET_ENOMEM;
		for (size_t k = 0; k < s->cap; k++) {
			if (!s->slot[k])
				continue;
			for (i = str_hash(s->slot[k]) & (cap - 1); slot[i]; i = (i + 1) & (cap - 1))
				;
			slot[i] = s->slot[k];
		}
		free(s->slot);
		s->slot = slot;
		s->cap = cap;
	}
	for (i = str_hash(str) & (s->cap - 1); s->slot[i]; i = (i + 1) & (s->cap - 1))
		;
	if (!(s->slot[i] = cvet_jobs__join(NULL, str)))
		return CVET_ENOMEM;
	s->n++;
	return 0;
}

static void strset_clear(strset *s)
{
	for (size_t i = 0; i < s->cap; i++)
		free(s->slot[i]);
	free(s->slot);
	memset(s, 0, sizeof(*s));
}

/* ---- the worker pool ---- */

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#define MAX_WORKERS 256 /* the CLI caps -j at this */

/* Why the watchdog stopped a worker process. */
enum { STOP_NONE = 0, STOP_TIME, STOP_MEMORY };

/* What one worker is analysing, for the watchdog. */
typedef struct worker_slot {
	double start;       /* when the current translation unit started; 0 when idle */
	const char *file;   /* lent from the job */
	pid_t pid;          /* its worker process (isolation), 0 = none or in-process */
	int stopped;        /* STOP_*: the watchdog killed the process for this job */
	unsigned long peak_rss_mb; /* largest resident size the watchdog saw for this job */
} worker_slot;

typedef struct pool {
	pthread_mutex_t lock;
	cvet_job **jobs;          /* lent */
	size_t njobs, next;
	size_t *progress_done;    /* shared counter across phases */
	size_t progress_total;
	int progress;             /* CVET_PROGRESS_* */
	double t0, last_line;     /* when the code scan started; when the last plain progress line was written */
	const cvet_walk_options *wopts;
	cvet_report *out;         /* merged into under the lock */
	size_t tus;               /* translation units walked */
	strset files;             /* project files touched (under the lock) */
	int error, oom;
	char errmsg[1024];
	int timeout;              /* seconds per translation unit; 0 = none */
	int isolate;              /* each translation unit in a worker process (scan/isolate.h) */
	cvet_worker_limits limits;
	cvet_spawner spawner;     /* forks the workers; running between pool_start and pool_join */
	cvet_cache *cache;        /* the incremental cache, or NULL */
	unsigned char *hit_keys;  /* SHA-256 of each unit's bytes, from the cache or fresh (CVET_SHA256_BYTES each) */
	size_t nhit, caphit;
	int missed;               /* some unit has no such digest (no key, not cacheable, failed) */
	int running;              /* workers not yet finished (under the lock) */
	int nslots;
	worker_slot slot[MAX_WORKERS];
} pool;

static void on_project_file(void *ud, const char *path)
{
	pool *p = ud;
	if (!path)
		return;
	pthread_mutex_lock(&p->lock);
	if (strset_add(&p->files, path) < 0)
		p->oom = 1;
	pthread_mutex_unlock(&p->lock);
}

/*
 * Copy the file name `src` into dst (size bytes, NUL-terminated, cut when longer) for the terminal: a
 * file name is untrusted, so control characters (ESC, BEL, C1 controls such as CSI), invalid UTF-8 and
 * bidirectional overrides each become '?', the way the report writers print names.
 */
static void term_name(char *dst, size_t size, const char *src)
{
	const unsigned char *p = (const unsigned char *)src;
	size_t len = strlen(src), i = 0, k = 0, n;
	unsigned cp;

	while (i < len && k + 1 < size) {
		if (p[i] < 0x80) {
			dst[k++] = p[i] < 0x20 || p[i] == 0x7f ? '?' : (char)p[i];
			i++;
			continue;
		}
		n = cvet_fmt__utf8_seq(p + i, len - i, &cp);
		if (n == 0 || cvet_fmt__unsafe_cp(cp)) {
			dst[k++] = '?';
			i += n ? n : 1;
			continue;
		}
		if (k + n >= size)
			break;
		memcpy(dst + k, p + i, n);
		k += n;
		i += n;
	}
	dst[k] = '\0';
}

/* "m:ss" or "h:mm:ss" of a number of seconds into buf. */
static void clock_text(char *buf, size_t size, double seconds)
{
	long t = seconds < 0 ? 0 : seconds > 359999 ? 359999 : (long)(seconds + 0.5);
	if (t >= 3600)
		snprintf(buf, size, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
	else
		snprintf(buf, size, "%ld:%02ld", t / 60, t % 60);
}

/*
 * Progress on stderr (caller holds the lock). On a terminal (CVET_PROGRESS_BAR) one line redrawn in place: a bar,
 * files done/total, elapsed and estimated time left, and the file being parsed; otherwise (CVET_PROGRESS_LINES)
 * a plain line at most every PROGRESS_EVERY seconds and at the last file, for CI logs. The estimate assumes
 * the files left take as long on average as the files done.
 */
#define PROGRESS_EVERY 10.0
static void draw_progress(pool *p, size_t i, size_t n, const char *rel)
{
	size_t len = strlen(rel), filled;
	const char *shown = len > 48 ? rel + len - 45 : rel;
	double now = now_seconds(), took = now - p->t0;
	char safe[256], el[32], left[32] = "", bar[21];

	clock_text(el, sizeof(el), took);
	if (i > 1 && n >= i)
		clock_text(left, sizeof(left), took / (double)(i - 1) * (double)(n - i + 1));
	if (p->progress == CVET_PROGRESS_LINES) {
		if (i < n && now - p->last_line < PROGRESS_EVERY)
			return;
		p->last_line = now;
		fprintf(stderr, "cvet: %zu/%zu files, %s elapsed%s%s%s\n", i, n, el, left[0] ? ", about " : "", left,
			left[0] ? " left" : "");
		fflush(stderr);
		return;
	}
	filled = n ? i * 20 / n : 0;
	for (size_t k = 0; k < 20; k++)
		bar[k] = k < filled ? '#' : '-';
	bar[20] = '\0';
	/* a cut inside a UTF-8 sequence shows as '?' rather than as a stray byte */
	term_name(safe, sizeof(safe), shown);
	fprintf(stderr, "\r\033[K[%s] %zu/%zu %s%s%s %s%s", bar, i, n, el, left[0] ? " ~" : "", left,
		len > 48 ? "..." : "", safe);
	fflush(stderr);
}

/* The note for a translation unit whose worker process ended without an answer, from how it ended. */
static int worker_failure_note(pool *p, const cvet_job *job, cvet_worker_outcome outcome, int stopped,
			       unsigned long peak_mb, int status, cvet_report *out)
{
	char why[256];
	if (stopped == STOP_TIME)
		snprintf(why, sizeof(why), "it took longer than %d s (--tu-timeout)", p->timeout);
	else if (stopped == STOP_MEMORY || outcome == CVET_WORKER_NOMEM)
		snprintf(why, sizeof(why), "it needed more than %u MiB of memory (--tu-memory)", p->limits.memory_mb);
	else if (outcome == CVET_WORKER_BAD)
		snprintf(why, sizeof(why), "its worker process answered with malformed data");
	else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)
		snprintf(why, sizeof(why), "it used more than %u s of CPU time (--tu-timeout)", p->limits.cpu_seconds);
	else if (WIFSIGNALED(status))
		snprintf(why, sizeof(why), "libclang crashed on it (signal %d, %s)%s", WTERMSIG(status),
			 strsignal(WTERMSIG(status)),
			 p->limits.memory_mb && peak_mb * 2 >= p->limits.memory_mb ?
				 "; it may have run out of memory (--tu-memory)" : "");
	else
		snprintf(why, sizeof(why), "its worker process exited with status %d", WIFEXITED(status) ?
			 WEXITSTATUS(status) : -1);
	return cvet__walk_failure_note(job->file, job->directory, p->wopts, why, out);
}

/* One translation unit in this thread's worker process; a worker that ends is replaced for the next job. */
static int run_isolated(pool *p, int me, cvet_worker *w, const cvet_job *job, cvet_report *mine,
			cvet_unit_bytes *keep)
{
	cvet_worker_outcome outcome = CVET_WORKER_GONE;
	int rc = 0, stopped = STOP_NONE, status = 0;
	unsigned long peak = 0;

	for (int attempt = 0; attempt < 2 && outcome == CVET_WORKER_GONE; attempt++) {
		if (w->failed)
			cvet_worker__stop(w, &p->spawner); /* the process that failed the last job (or never took this one) */
		if ((rc = cvet_worker__start(w, &p->spawner)) < 0)
			return rc;
		pthread_mutex_lock(&p->lock);
		if (me >= 0) {
			p->slot[me].pid = w->pid;
			p->slot[me].stopped = STOP_NONE;
			p->slot[me].peak_rss_mb = 0;
			p->slot[me].start = now_seconds();
		}
		pthread_mutex_unlock(&p->lock);
		rc = cvet_worker__run(w, job, p->wopts, mine, p->wopts->flow, keep, &outcome);
		/* the watchdog lets go of the pid before it can be reaped */
		pthread_mutex_lock(&p->lock);
		if (me >= 0) {
			stopped = p->slot[me].stopped;
			peak = p->slot[me].peak_rss_mb;
			p->slot[me].pid = 0;
			p->slot[me].start = 0;
		}
		pthread_mutex_unlock(&p->lock);
		if (rc < 0)
			return rc;
	}
	if (outcome == CVET_WORKER_OK && stopped == STOP_NONE) {
		/* a worker left large by its last unit (libclang recovered from running out of memory under RLIMIT_AS,
		 * or freed memory the allocator keeps) is not given the next one: the watchdog would blame that one */
		unsigned long rss, vsz;
		cvet_worker__memory(w->pid, &rss, &vsz);
		if (p->limits.memory_mb && rss * 2 > p->limits.memory_mb)
			cvet_worker__stop(w, &p->spawner);
		return 0;
	}
	status = cvet_worker__stop(w, &p->spawner);
	if (outcome == CVET_WORKER_OK)
		return 0; /* the answer was complete before the watchdog's late stop */
	return worker_failure_note(p, job, outcome, stopped, peak, status, mine);
}

/*
 * Remember the digest of a unit's bytes for the whole-program entry (program_key); NULL: this unit has no
 * bytes to name it by (no key, not cacheable, failed), so the run's flow analysis is not memoised.
 */
static void note_unit(pool *p, const unsigned char key[CVET_SHA256_BYTES], const unsigned char *unit, size_t n)
{
	unsigned char d[CVET_SHA256_BYTES];
	if (unit) {
		cvet_sha256 h;
		cvet_sha256__init(&h);
		cvet_sha256__update(&h, key, CVET_SHA256_BYTES); /* the options the unit was analysed with */
		cvet_sha256__update(&h, unit, n);
		cvet_sha256__final(&h, d);
	}
	pthread_mutex_lock(&p->lock);
	if (!unit || cvet_util__grow((void **)&p->hit_keys, &p->caphit, p->nhit, CVET_SHA256_BYTES) < 0)
		p->missed = 1;
	else
		memcpy(p->hit_keys + p->nhit++ * CVET_SHA256_BYTES, d, CVET_SHA256_BYTES);
	pthread_mutex_unlock(&p->lock);
}

/*
 * One translation unit through the cache: its result from the cache when the entry is there and fresh, else
 * parsed (in the worker process, or in this thread with --no-isolate) and kept. Either way the unit's bytes
 * are merged by cvet_unit__merge, so a result from the cache merges exactly as a fresh one.
 */
static int run_cached(pool *p, int me, cvet_worker *w, CXIndex index, const cvet_job *job, cvet_report *mine)
{
	unsigned char key[CVET_SHA256_BYTES], *blob = NULL;
	size_t len = 0;
	int have_key = cvet_cache__key(p->cache, job, key) == 0, bad = 0, rc;
	cvet_unit_bytes keep;

	if (have_key && cvet_cache__get(p->cache, key, &blob, &len)) {
		rc = cvet_unit__merge(blob, len, p->wopts, mine, p->wopts->flow, &bad);
		if (rc == 0 && !bad)
			note_unit(p, key, blob, len);
		free(blob);
		if (rc < 0 || !bad)
			return rc;
		cvet_cache__drop(p->cache, key); /* not a unit: a miss, and forgotten */
	}
	cvet_cache__count_parsed(p->cache);
	memset(&keep, 0, sizeof(keep));
	if (p->isolate) {
		rc = run_isolated(p, me, w, job, mine, have_key ? &keep : NULL);
	} else {
		rc = cvet_unit__walk(index, job, p->wopts, &keep);
		if (rc == 0 && (rc = cvet_unit__merge(keep.unit.p, keep.unit.n, p->wopts, mine, p->wopts->flow, &bad)) == 0 &&
		    bad)
			rc = cvet_error_setc(CVET_ENOMEM, "out of memory"); /* our own bytes: only a failed write makes them bad */
	}
	if (rc == 0 && have_key && keep.cacheable) {
		cvet_cache__put(p->cache, key, keep.unit.p, keep.unit.n, keep.deps.p, keep.deps.n);
		note_unit(p, key, keep.unit.p, keep.unit.n);
	} else {
		note_unit(p, key, NULL, 0);
	}
	cvet_wbuf__clear(&keep.unit);
	cvet_wbuf__clear(&keep.deps);
	return rc;
}

static int key_cmp(const void *a, const void *b)
{
	return memcmp(a, b, CVET_SHA256_BYTES);
}

/*
 * The key of the whole program (0), or -1 when some unit has no digest: the SHA-256 of the sorted digests of
 * every unit's key and bytes. The flow analysis is a function of the units' lowered functions (in the bytes)
 * and of the options (in every key); a key alone would not do: a header edit changes a unit's bytes, not its
 * key.
 */
static int program_key(pool *p, unsigned char key[CVET_SHA256_BYTES])
{
	cvet_sha256 h;
	if (!p->cache || p->missed || !p->nhit)
		return -1;
	qsort(p->hit_keys, p->nhit, CVET_SHA256_BYTES, key_cmp);
	cvet_sha256__init(&h);
	cvet_sha256__update(&h, "cvet whole program 1", 20);
	cvet_sha256__update(&h, p->hit_keys, p->nhit * CVET_SHA256_BYTES);
	cvet_sha256__final(&h, key);
	return 0;
}

/*
 * The flow analysis, or its findings from the cache when the same units were analysed before. A fresh analysis
 * is kept for the next run when every unit has a digest. 0 or a negative CVET_E*.
 */
static int flow_cached(pool *p, const cvet_scan_options *o, cvet_flow *flow, cvet_report *report)
{
	unsigned char key[CVET_SHA256_BYTES], *blob = NULL;
	size_t len = 0, f0 = report->nfindings, n0 = report->nnotes;
	int memo = program_key(p, key) == 0, error;
	cvet_flow_options fo = {0};

	if (memo && cvet_cache__get_program(p->cache, key, &blob, &len)) {
		cvet_rbuf rd = {blob, len, 0, 0};
		cvet_report *tmp = NULL;
		if ((error = cvet_report_new(&tmp)) < 0) {
			free(blob);
			return error;
		}
		error = cvet_report__decode(&rd, tmp);
		free(blob);
		if (error == 0 && !rd.bad && rd.at == rd.n) {
			/* move the findings and notes over, in their order */
			for (size_t i = 0; i < tmp->nfindings; i++) /* (the report owns each one it is given, also on failure) */
				if (error == 0)
					error = cvet_report_add(report, tmp->findings[i]);
				else
					cvet_finding_free(tmp->findings[i]);
			tmp->nfindings = 0;
			for (size_t i = 0; i < tmp->nnotes && error == 0; i++)
				error = cvet_report_add_note(report, "%s", tmp->notes[i]);
			cvet_report_free(tmp);
			return error;
		}
		cvet_report_free(tmp);
		if (error == CVET_ENOMEM)
			return error;
		/* not ours: the findings added so far go, the analysis runs */
		while (report->nfindings > f0)
			cvet_finding_free(report->findings[--report->nfindings]);
		while (report->nnotes > n0)
			free(report->notes[--report->nnotes]);
		cvet_cache__drop(p->cache, key);
	}
	fo.threat_model = o->threat_model;
	fo.hooks = cvet_flow__rules();
	fo.models = o->models;
	fo.nmodels = o->nmodels;
	if ((error = cvet_flow_analyze(flow, &fo, report)) < 0)
		return error;
	if (memo) {
		cvet_report view;
		cvet_wbuf w = {0};
		memset(&view, 0, sizeof(view));
		view.findings = report->findings + f0;
		view.nfindings = report->nfindings - f0;
		view.notes = report->notes + n0;
		view.nnotes = report->nnotes - n0;
		if (cvet_report__encode(&view, &w) == 0)
			cvet_cache__put_program(p->cache, key, w.p, w.n);
		cvet_wbuf__clear(&w);
	}
	return 0;
}

static void *worker(void *arg)
{
	pool *p = arg;
	cvet_report *mine = NULL;
	CXIndex index = NULL;
	cvet_worker proc = CVET_WORKER_INIT;
	size_t count = 0;
	int rc = 0;

	pthread_mutex_lock(&p->lock);
	int me = p->nslots < MAX_WORKERS ? p->nslots++ : -1;
	pthread_mutex_unlock(&p->lock);

	if (cvet_report_new(&mine) < 0 || (!p->isolate && !(index = clang_createIndex(0, 0)))) {
		rc = cvet_error_setc(CVET_ENOMEM, "cannot start a libclang index (out of memory?)");
		goto done;
	}
	for (;;) {
		cvet_job *job;
		pthread_mutex_lock(&p->lock);
		if (p->next >= p->njobs || p->error) {
			pthread_mutex_unlock(&p->lock);
			break;
		}
		job = p->jobs[p->next++];
		++*p->progress_done;
		if (me >= 0) {
			p->slot[me].start = now_seconds();
			p->slot[me].file = job->rel ? job->rel : job->file;
		}
		if (p->progress)
			draw_progress(p, *p->progress_done, p->progress_total, job->rel ? job->rel : job->file);
		pthread_mutex_unlock(&p->lock);

		if (p->cache)
			rc = run_cached(p, me, &proc, index, job, mine);
		else if (p->isolate)
			rc = run_isolated(p, me, &proc, job, mine, NULL);
		else
			rc = cvet__walk_file(index, job->file, (const char *const *)job->args.v, (int)job->args.n,
					     job->directory, p->wopts, mine);
		if (me >= 0) {
			pthread_mutex_lock(&p->lock);
			p->slot[me].start = 0;
			pthread_mutex_unlock(&p->lock);
		}
		if (rc < 0)
			break;
		count++;
	}
done:
	cvet_worker__stop(&proc, &p->spawner);
	pthread_mutex_lock(&p->lock);
	if (rc < 0 && !p->error) {
		p->error = rc;
		snprintf(p->errmsg, sizeof(p->errmsg), "%s", cvet_error_last());
	}
	if (mine && cvet_report_merge(p->out, mine) < 0 && !p->error) {
		p->error = CVET_ENOMEM;
		snprintf(p->errmsg, sizeof(p->errmsg), "out of memory");
	}
	p->tus += count;
	p->running--;
	pthread_mutex_unlock(&p->lock);
	if (index)
		clang_disposeIndex(index);
	cvet_report_free(mine);
	return NULL;
}

/* Largest file first, so that one big translation unit (an amalgamation) does not start last and
 * leave the other workers idle; the report is sorted afterwards, so output does not depend on it. */
static int cmp_job_size(const void *a, const void *b)
{
	const cvet_job *x = *(const cvet_job *const *)a, *y = *(const cvet_job *const *)b;
	if (x->bytes != y->bytes)
		return x->bytes < y->bytes ? 1 : -1;
	return strcmp(x->file, y->file);
}

static void order_phase(cvet_job **phase, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		phase[i]->bytes = stat(phase[i]->file, &st) == 0 ? (long long)st.st_size : 0;
	}
	if (n > 1)
		qsort(phase, n, sizeof(*phase), cmp_job_size);
}

/* Start up to nthreads workers over p->jobs; *started receives how many run. */
static void pool_start(pool *p, pthread_t *threads, int nthreads, int *started)
{
	*started = 0;
	p->nslots = 0;
	p->running = 0;
	if (p->njobs < (size_t)nthreads)
		nthreads = (int)p->njobs;
	if (p->isolate && p->njobs > 0) {
		/* before any thread of ours exists: see cvet_spawner__start */
		int rc = cvet_spawner__start(&p->spawner, p->wopts, &p->limits);
		if (rc < 0) {
			p->error = rc;
			snprintf(p->errmsg, sizeof(p->errmsg), "%s", cvet_error_last());
			return;
		}
	}
	for (int i = 0; i < nthreads; i++) {
		pthread_attr_t attr;
		int ok;
		pthread_attr_init(&attr);
		pthread_attr_setstacksize(&attr, 8u * 1024u * 1024u); /* libclang recurses deeply */
		pthread_mutex_lock(&p->lock);
		p->running++;
		pthread_mutex_unlock(&p->lock);
		ok = pthread_create(&threads[i], &attr, worker, p) == 0;
		pthread_attr_destroy(&attr);
		if (!ok) {
			pthread_mutex_lock(&p->lock);
			p->running--;
			pthread_mutex_unlock(&p->lock);
			break;
		}
		(*started)++;
	}
	if (*started == 0 && p->njobs > 0)
		worker(p); /* no threads available: do the work here */
}

/* Stop slot i's worker process for `why` (isolation), or abandon the run (in-process: libclang cannot be
 * interrupted). Caller holds the lock. */
static void stop_slot(pool *p, int i, int why)
{
	char safe[256];
	if (p->isolate) {
		if (p->slot[i].pid > 0 && p->slot[i].stopped == STOP_NONE) {
			p->slot[i].stopped = why;
			kill(p->slot[i].pid, SIGKILL);
		}
		return;
	}
	term_name(safe, sizeof(safe), p->slot[i].file ? p->slot[i].file : "?");
	if (p->progress == CVET_PROGRESS_BAR)
		fputc('\n', stderr);
	fprintf(stderr, "cvet: error: analysing '%s' took longer than %d s (--tu-timeout); "
			"exclude it with --exclude or raise the limit\n", safe, p->timeout);
	fflush(stderr);
	_exit(2);
}

/*
 * Wait for the workers, watching each translation unit's time and, with isolation, its worker's resident
 * memory. Some hostile inputs never finish (an #include of a FIFO, a macro bomb). With isolation the worker
 * process is killed and its thread turns that into a note for the file; in-process, libclang cannot be
 * interrupted, so the run is abandoned with a one-line message and exit status 2 - no output file has been
 * written at this point, so nothing is left half-written.
 */
static void pool_join(pool *p, pthread_t *threads, int n)
{
	const struct timespec tick = {0, 50 * 1000 * 1000};
	for (;;) {
		int running;
		pthread_mutex_lock(&p->lock);
		running = p->running;
		for (int i = 0; running && i < p->nslots; i++) {
			worker_slot *s = &p->slot[i];
			if (s->start <= 0)
				continue;
			if (p->timeout > 0 && now_seconds() - s->start > p->timeout)
				stop_slot(p, i, STOP_TIME);
			if (p->isolate && s->pid > 0 && s->stopped == STOP_NONE) {
				unsigned long rss, vsz;
				cvet_worker__memory(s->pid, &rss, &vsz);
				if (rss > s->peak_rss_mb)
					s->peak_rss_mb = rss;
				if (p->limits.memory_mb && rss > p->limits.memory_mb)
					stop_slot(p, i, STOP_MEMORY);
			}
		}
		pthread_mutex_unlock(&p->lock);
		if (!running)
			break;
		nanosleep(&tick, NULL);
	}
	for (int i = 0; i < n; i++)
		pthread_join(threads[i], NULL);
	cvet_spawner__stop(&p->spawner);
}

/* ---- job list construction ---- */

static int cmp_job(const void *a, const void *b)
{
	const cvet_job *x = a, *y = b;
	return strcmp(x->file, y->file);
}

/* Drop later jobs for a file already listed (the first database entry wins), then sort by file so
 * that the work order does not depend on directory or database order. */
static void dedup_jobs(cvet_jobs *jobs)
{
	size_t keep = 0;
	strset seen = {0};
	for (size_t i = 0; i < jobs->n; i++) {
		if (strset_has(&seen, jobs->v[i].file)) {
			cvet_jobs__release(&jobs->v[i]);
			continue;
		}
		if (strset_add(&seen, jobs->v[i].file) < 0) {
			/* out of memory: keep the job rather than lose it */
		}
		jobs->v[keep++] = jobs->v[i];
	}
	jobs->n = keep;
	strset_clear(&seen);
	if (jobs->n > 1)
		qsort(jobs->v, jobs->n, sizeof(jobs->v[0]), cmp_job);
}

static int file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Default flags for a job without a database entry of its own (after a neighbour's, when it borrowed them:
 * the include folders up the tree then come last). 0 or CVET_ENOMEM. */
static int default_args(cvet_job *j, const cvet_strv *incdirs, int cxx_headers, const cvet_scan_options *o)
{
	char *dir = cvet_jobs__join(NULL, j->file), *slash;
	int error = 0;
	if (!dir)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	if ((slash = strrchr(dir, '/')) && slash != dir)
		*slash = '\0';
	if (j->header && cxx_headers && cvet_discover__source_kind(j->file) == 2) {
		const char *dot = strrchr(j->file, '.');
		if (dot && strcmp(dot, ".h") == 0 &&
		    ((error = cvet_strv__push(&j->args, "-x")) < 0 || (error = cvet_strv__push(&j->args, "c++-header")) < 0))
			goto done;
	}
	{
		size_t n = strlen(dir) + 3;
		char *flag = malloc(n);
		if (!flag) {
			error = cvet_error_setc(CVET_ENOMEM, "out of memory");
			goto done;
		}
		snprintf(flag, n, "-I%s", dir);
		if ((error = cvet_strv__take(&j->args, flag)) < 0)
			goto done;
	}
	for (size_t i = 0; i < incdirs->n; i++) {
		size_t n = strlen(incdirs->v[i]) + 3;
		char *flag = malloc(n);
		if (!flag) {
			error = cvet_error_setc(CVET_ENOMEM, "out of memory");
			goto done;
		}
		snprintf(flag, n, "-I%s", incdirs->v[i]);
		if ((error = cvet_strv__take(&j->args, flag)) < 0)
			goto done;
	}
	if ((error = cvet_strv__push(&j->args, "-Wno-unknown-warning-option")) < 0)
		goto done;
	for (size_t i = 0; !j->from_db && i < o->nextra; i++) /* a neighbour's flags have them already */
		if ((error = cvet_strv__push(&j->args, o->extra_args[i])) < 0)
			goto done;
done:
	free(dir);
	return error;
}

/*
 * The compilation database for a scanned path (real path): compile_commands.json in the path
 * (a directory) or its build/, then in each parent directory up to the report root (so that
 * `cvet code src/x.c` run from the project root still finds the project's database). *out is
 * malloc'd, or NULL when there is none. Returns 0 or CVET_ENOMEM.
 */
static int find_compdb(const char *root, const char *report_root, char **out)
{
	static const char *const where[] = {"compile_commands.json", "build/compile_commands.json"};
	char *dir = cvet_jobs__join(NULL, root);
	struct stat st;

	*out = NULL;
	if (!dir)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
		char *slash = strrchr(dir, '/');
		if (slash && slash != dir)
			*slash = '\0';
	}
	for (;;) {
		char *slash;
		for (size_t k = 0; k < 2; k++) {
			char *db = cvet_jobs__join(dir, where[k]);
			if (!db) {
				free(dir);
				return cvet_error_setc(CVET_ENOMEM, "out of memory");
			}
			if (file_exists(db)) {
				*out = db;
				free(dir);
				return 0;
			}
			free(db);
		}
		/* climb only while still inside the report root */
		if (!report_root || strcmp(dir, report_root) == 0 || !cvet_jobs__path_under(dir, report_root))
			break;
		if (!(slash = strrchr(dir, '/')) || slash == dir)
			break;
		*slash = '\0';
	}
	free(dir);
	return 0;
}

/*
 * Add <dir>/include for each directory from the scanned path's own directory up to the report root,
 * so that a file or subdirectory scanned on its own still finds the project's headers
 * (`cvet code src/x.c` from the project root). Returns 0 or CVET_ENOMEM.
 */
static int ancestor_includes(const char *root, const char *report_root, cvet_strv *incdirs)
{
	char *dir = cvet_jobs__join(NULL, root), *slash;
	struct stat st;
	int error = 0;

	if (!dir)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode) && (slash = strrchr(dir, '/')) && slash != dir)
		*slash = '\0';
	while (report_root && cvet_jobs__path_under(dir, report_root) && incdirs->n < 64) {
		char *inc = cvet_jobs__join(dir, "include");
		if (!inc) {
			error = cvet_error_setc(CVET_ENOMEM, "out of memory");
			break;
		}
		if (stat(inc, &st) == 0 && S_ISDIR(st.st_mode) && !cvet_strv__contains(incdirs, inc)) {
			if ((error = cvet_strv__take(incdirs, inc)) < 0)
				break;
		} else {
			free(inc);
		}
		if (strcmp(dir, report_root) == 0 || !(slash = strrchr(dir, '/')) || slash == dir)
			break;
		*slash = '\0';
	}
	free(dir);
	return error;
}

/*
 * Build the job list for the code analysis. roots[i] is the real path of paths[i].
 * Returns 0 or a negative CVET_E* (unreadable database, OOM).
 */
#define NEIGHBOUR_LEVELS 3

/* Length of the file name's stem ("http" of "lib/http.h"). */
static size_t stem_len(const char *base)
{
	const char *dot = strrchr(base, '.');
	return dot && dot != base ? (size_t)(dot - base) : strlen(base);
}

/*
 * Flags for a file the compilation database does not list (a header, a new file), borrowed from a neighbour
 * as an editor's language server would: the database's entries under the file's directory, or under its
 * parent or grandparent (no further: a far entry belongs to another part of the tree); a source with the same stem ("http.c" for "http.h") wins, else the first by
 * name. Nothing is parsed from those entries; only their flags and directory are copied into j.
 * 0 (j unchanged when no entry is near), or a negative CVET_E*.
 */
static int neighbour_args(const cvet_scan_options *o, const char *db, cvet_job *j, cvet_report *report)
{
	char *dir = cvet_jobs__join(NULL, j->file), *top = NULL, *slash;
	const char *base = strrchr(j->file, '/') ? strrchr(j->file, '/') + 1 : j->file;
	cvet_jobs near = {0};
	int error = 0, levels = 0;

	if (!dir)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	/* the folders looked in, nearest first: up to NEIGHBOUR_LEVELS, not above the report root; the database
	 * is read once, for the highest of them, and each level picks from the entries under it */
	if (!(top = cvet_jobs__join(NULL, dir))) {
		error = cvet_error_setc(CVET_ENOMEM, "out of memory");
		goto done;
	}
	while (levels < NEIGHBOUR_LEVELS && (slash = strrchr(top, '/')) != NULL && slash != top) {
		*slash = '\0';
		levels++;
		if (o->report_root && (strcmp(top, o->report_root) == 0 || !cvet_jobs__path_under(top, o->report_root)))
			break;
	}
	if (levels == 0)
		goto done;
	{
		const char *root = top;
		if ((error = cvet_compdb__load(db, o->report_root, &root, 1, o->exclude, o->nexclude, o->extra_args,
					       o->nextra, &near, report)) < 0)
			goto done;
	}
	for (int level = 0; level < levels && (slash = strrchr(dir, '/')) != NULL && slash != dir; level++) {
		cvet_job *best = NULL;
		*slash = '\0';
		for (size_t k = 0; k < near.n; k++) {
			const char *nb = strrchr(near.v[k].file, '/') ? strrchr(near.v[k].file, '/') + 1 : near.v[k].file;
			int same = stem_len(nb) == stem_len(base) && strncmp(nb, base, stem_len(base)) == 0;
			if (near.v[k].header || !cvet_jobs__path_under(near.v[k].file, dir))
				continue;
			if (!best || (same && !(strncmp(strrchr(best->file, '/') + 1, base, stem_len(base)) == 0)) ||
			    (!same && strcmp(near.v[k].file, best->file) < 0 &&
			     strncmp(strrchr(best->file, '/') + 1, base, stem_len(base)) != 0))
				best = &near.v[k];
		}
		if (best) {
			j->args = best->args;
			memset(&best->args, 0, sizeof(best->args));
			j->directory = best->directory;
			best->directory = NULL;
			j->from_db = 1;
			break;
		}
	}
done:
	cvet_jobs__clear(&near);
	free(top);
	free(dir);
	return error;
}

static int collect_jobs(const cvet_scan_options *o, char *const *roots, cvet_jobs *jobs, cvet_report *report)
{
	cvet_strv incdirs = {0};
	unsigned char *has_db = NULL;
	size_t first_default;
	int error = 0, any_c = 0, any_cxx = 0;
	const char *const *croots = (const char *const *)roots;

	if (!(has_db = calloc(o->npaths ? o->npaths : 1, 1)))
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	if (o->compdb) {
		if ((error = cvet_compdb__load(o->compdb, o->report_root, croots, o->npaths, o->exclude, o->nexclude,
					       o->extra_args, o->nextra, jobs, report)) < 0)
			goto done;
		memset(has_db, 1, o->npaths ? o->npaths : 1);
	} else {
		for (size_t i = 0; i < o->npaths; i++) {
			char *db = NULL;
			size_t before = jobs->n;
			if ((error = find_compdb(roots[i], o->report_root, &db)) < 0)
				goto done;
			if (!db)
				continue;
			error = cvet_compdb__load(db, o->report_root, croots + i, 1, o->exclude, o->nexclude, o->extra_args,
						  o->nextra, jobs, report);
			free(db);
			if (error < 0)
				goto done;
			/* a database that knows nothing under this PATH does not stop discovery there */
			has_db[i] = jobs->n > before;
		}
	}

	/* everything else: files named directly, and discovery under directories without a database */
	first_default = jobs->n;
	for (size_t i = 0; i < o->npaths; i++) {
		struct stat st;
		if (stat(roots[i], &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			if (!has_db[i] && (error = cvet_discover__walk(roots[i], o->report_root, croots, o->npaths,
								       o->exclude, o->nexclude, jobs, &incdirs,
								       report)) < 0)
				goto done;
		} else {
			int dup = 0;
			cvet_job *j;
			for (size_t k = 0; k < first_default && !dup; k++)
				dup = strcmp(jobs->v[k].file, roots[i]) == 0;
			if (dup)
				continue;
			if (!(j = cvet_jobs__add(jobs)) || !(j->file = cvet_jobs__join(NULL, roots[i])) ||
			    !(j->rel = cvet_jobs__report_path(o->report_root, roots[i]))) {
				error = cvet_error_setc(CVET_ENOMEM, "out of memory");
				goto done;
			}
			/* a file the database does not list takes a neighbour's flags */
			{
				char *db = NULL;
				if (o->compdb)
					error = neighbour_args(o, o->compdb, j, report);
				else if ((error = find_compdb(roots[i], o->report_root, &db)) == 0 && db)
					error = neighbour_args(o, db, j, report);
				free(db);
				if (error < 0)
					goto done;
			}
		}
	}
	if (o->compdb) {
		int any_db = 0;
		for (size_t i = 0; i < jobs->n && !any_db; i++)
			any_db = jobs->v[i].from_db;
		if (!any_db &&
		    (error = cvet_report_add_note(report, "the compilation database '%s' has no entries under the scanned paths",
						  o->compdb)) < 0)
			goto done;
	}
	for (size_t i = 0; i < o->npaths; i++)
		if ((error = ancestor_includes(roots[i], o->report_root, &incdirs)) < 0)
			goto done;
	for (size_t i = 0; i < jobs->n; i++) {
		int kind = cvet_discover__source_kind(jobs->v[i].file);
		const char *dot = strrchr(jobs->v[i].file, '.');
		if (kind == 1 && dot && strcmp(dot, ".c") == 0)
			any_c = 1;
		else if (kind == 1)
			any_cxx = 1;
	}
	for (size_t i = first_default; i < jobs->n; i++)
		if ((error = default_args(&jobs->v[i], &incdirs, any_cxx && !any_c, o)) < 0)
			goto done;
	dedup_jobs(jobs);
done:
	free(has_db);
	cvet_strv__clear(&incdirs);
	return error;
}

/* ---- filtering ---- */

/* Drop code findings of disabled rules (the walker already skipped disabled checks; this catches the
 * built-in rules such as parse-error). */
static void drop_disabled(cvet_report *r, const unsigned char *enabled)
{
	size_t keep = 0;
	if (!enabled)
		return;
	for (size_t i = 0; i < r->nfindings; i++) {
		cvet_finding *f = r->findings[i];
		int idx = f->kind == CVET_KIND_CODE ? cvet_rules_index(f->rule_id) : -1;
		if (idx >= 0 && !enabled[idx])
			cvet_finding_free(f);
		else
			r->findings[keep++] = f;
	}
	r->nfindings = keep;
}

/* Rules whose finding replaces another rule's at the very same place (file, line, column): buffer-overflow's proof
 * that a strcpy or sprintf overflows (it knows both lengths) says more than unbounded-copy's or unbounded-sprintf's
 * "not bounded" of that call. Run after the rule switches, so that the other rule's finding stays when the winner
 * is off. */
static const struct {
	const char *winner, *loser;
} superseded[] = {
	{"buffer-overflow", "unbounded-copy"},
	{"buffer-overflow", "unbounded-sprintf"},
};

static int same_place(const cvet_location *x, const cvet_location *y)
{
	return x->line == y->line && x->column == y->column && x->path && y->path && strcmp(x->path, y->path) == 0;
}

static int superseded_here(const cvet_report *r, const cvet_finding *f)
{
	for (size_t s = 0; s < sizeof(superseded) / sizeof(superseded[0]); s++) {
		if (f->kind != CVET_KIND_CODE || strcmp(f->rule_id, superseded[s].loser) != 0)
			continue;
		for (size_t j = 0; j < r->nfindings; j++)
			if (r->findings[j]->kind == CVET_KIND_CODE && strcmp(r->findings[j]->rule_id, superseded[s].winner) == 0 &&
			    same_place(&r->findings[j]->loc, &f->loc))
				return 1;
	}
	return 0;
}

static void drop_superseded(cvet_report *r)
{
	size_t keep = 0, n = r->nfindings;
	unsigned char *lost;
	int any = 0;
	for (size_t s = 0; s < sizeof(superseded) / sizeof(superseded[0]) && !any; s++)
		for (size_t i = 0; i < n && !any; i++)
			any = strcmp(r->findings[i]->rule_id, superseded[s].winner) == 0;
	if (!any || !(lost = calloc(n, 1)))
		return; /* (out of memory: both stay) */
	for (size_t i = 0; i < n; i++)
		lost[i] = (unsigned char)superseded_here(r, r->findings[i]);
	for (size_t i = 0; i < n; i++)
		if (lost[i])
			cvet_finding_free(r->findings[i]);
		else
			r->findings[keep++] = r->findings[i];
	r->nfindings = keep;
	free(lost);
}

static void override_severities(cvet_report *r, const int *sev)
{
	if (!sev)
		return;
	for (size_t i = 0; i < r->nfindings; i++) {
		cvet_finding *f = r->findings[i];
		int idx = f->kind == CVET_KIND_CODE ? cvet_rules_index(f->rule_id) : -1;
		if (idx >= 0 && sev[idx] >= 0 && sev[idx] < (int)CVET_SEV_NONE)
			f->severity = (cvet_severity)sev[idx];
	}
}

#define GITMODULES_MAX ((size_t)1 << 20) /* a .gitmodules larger than this lists no vendored code for us */

/* 1 when a submodule path from .gitmodules stays inside its repository: relative, no ".." component. */
static int safe_relative(const char *p)
{
	if (!*p || p[0] == '/')
		return 0;
	for (const char *c = p; *c;) {
		const char *slash = strchr(c, '/');
		size_t n = slash ? (size_t)(slash - c) : strlen(c);
		if (n == 2 && c[0] == '.' && c[1] == '.')
			return 0;
		if (!slash)
			break;
		c = slash + 1;
	}
	return 1;
}

/* Report path of directory `abs` ("" for the report root itself); malloc'd, NULL on OOM. */
static char *dir_report_path(const char *report_root, const char *abs)
{
	if (report_root && strcmp(abs, report_root) == 0)
		return cvet_jobs__join(NULL, "");
	return cvet_jobs__report_path(report_root, abs);
}

/*
 * Add the submodules listed in dir/.gitmodules (dir: an absolute real path) as vendored directories. A
 * missing, unreadable or malformed file adds nothing (the dependency scan reports a malformed one).
 * Returns 0 or CVET_ENOMEM.
 */
static int add_submodules(cvet_locations *l, const char *dir, const char *report_root)
{
	char *path = cvet_jobs__join(dir, ".gitmodules"), *buf = NULL, **subs = NULL;
	size_t len = 0, nsubs = 0;
	struct stat st;
	int error = 0;

	if (!path)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		goto done;
	if ((error = cvet_lockfile__read_file(path, ".gitmodules", GITMODULES_MAX, &buf, &len)) == 0)
		error = cvet_lockfile__gitmodules_paths(path, buf, len, &subs, &nsubs);
	if (error < 0) {
		if (error != CVET_ENOMEM)
			error = 0;
		goto done;
	}
	for (size_t i = 0; i < nsubs && !error; i++) {
		char *abs, *rel;
		if (!safe_relative(subs[i]))
			continue;
		if (!(abs = cvet_jobs__join(dir, subs[i])) || !(rel = dir_report_path(report_root, abs))) {
			free(abs);
			error = cvet_error_setc(CVET_ENOMEM, "out of memory");
			break;
		}
		error = cvet_locations__add_submodule(l, rel);
		free(rel);
		free(abs);
	}
done:
	for (size_t i = 0; i < nsubs; i++)
		free(subs[i]);
	free(subs);
	free(buf);
	free(path);
	return error;
}

/*
 * Set each code finding's location class: the config's globs first, then the git submodules of the report
 * root and of each scanned directory, then the naming conventions below each scanned directory.
 * Returns 0 or CVET_ENOMEM.
 */
static int classify_locations(const cvet_scan_options *o, char *const *roots, cvet_report *r)
{
	cvet_locations *l = NULL;
	int error;

	if ((error = cvet_locations__new(&l)) < 0)
		return error;
	for (size_t i = 0; i < o->nlocations && !error; i++)
		error = cvet_locations__add_glob(l, o->locations[i].glob, o->locations[i].cls);
	if (!error && o->report_root)
		error = add_submodules(l, o->report_root, o->report_root);
	for (size_t i = 0; i < o->npaths && !error; i++) {
		struct stat st;
		char *dir = cvet_jobs__join(NULL, roots[i]), *slash, *rel = NULL;
		if (!dir) {
			error = cvet_error_setc(CVET_ENOMEM, "out of memory");
			break;
		}
		/* a file named on the command line: its directory is what the user chose */
		if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode) && (slash = strrchr(dir, '/')) && slash != dir)
			*slash = '\0';
		if (!(rel = dir_report_path(o->report_root, dir)))
			error = cvet_error_setc(CVET_ENOMEM, "out of memory");
		else if ((error = cvet_locations__add_base(l, rel)) == 0 &&
			 (!o->report_root || strcmp(dir, o->report_root) != 0))
			error = add_submodules(l, dir, o->report_root);
		free(rel);
		free(dir);
	}
	if (!error)
		cvet_locations__apply(l, r);
	cvet_locations__free(l);
	return error;
}

/* Per-check enabled flags (cvet__checks_at order) from per-rule flags; NULL when all are on. */
static unsigned char *check_flags(const unsigned char *rule_enabled)
{
	size_t n = cvet__checks_count();
	unsigned char *f;
	if (!rule_enabled)
		return NULL;
	if (!(f = calloc(n ? n : 1, 1)))
		return NULL;
	for (size_t i = 0; i < n; i++) {
		const cvet_check *c = cvet__checks_at(i);
		int idx = c ? cvet_rules_index(c->rule.id) : -1;
		f[i] = idx < 0 || rule_enabled[idx];
	}
	return f;
}

/* What shards and their merge must agree on: the rules and their severities, the threat model, the scanned
 * roots, the compilation database, extra flags and exclusions (FNV-1a over all of it). */
static uint64_t options_fingerprint(const cvet_scan_options *o, char *const *roots)
{
	uint64_t h = 1469598103934665603ULL;
	size_t nrules = cvet_rules_count();
#define MIX(ptr, len)                                                              \
	do {                                                                       \
		const unsigned char *m_ = (const unsigned char *)(ptr);            \
		for (size_t k_ = 0; k_ < (size_t)(len); k_++)                      \
			h = (h ^ m_[k_]) * 1099511628211ULL;                       \
		h = (h ^ 0xff) * 1099511628211ULL;                                 \
	} while (0)
	MIX(&o->threat_model, sizeof(o->threat_model));
	if (o->rule_enabled)
		MIX(o->rule_enabled, nrules);
	if (o->rule_severity)
		MIX(o->rule_severity, nrules * sizeof(*o->rule_severity));
	for (size_t i = 0; i < o->npaths; i++)
		MIX(roots[i], strlen(roots[i]));
	if (o->compdb)
		MIX(o->compdb, strlen(o->compdb));
	for (size_t i = 0; i < o->nextra; i++)
		MIX(o->extra_args[i], strlen(o->extra_args[i]));
	for (size_t i = 0; i < o->nexclude; i++)
		MIX(o->exclude[i], strlen(o->exclude[i]));
	MIX(&o->nmodels, sizeof(o->nmodels));
#undef MIX
	return h;
}

/* Close the cache (recording this run's uses, evicting beyond the bound) and tell o->cache_info what it did. */
static void close_cache(pool *p, const cvet_scan_options *o)
{
	char note[CVET_CACHE_NOTE_BYTES];
	if (!p->cache)
		return;
	if (o->cache_info)
		cvet_cache__counts(p->cache, &o->cache_info->hits, &o->cache_info->parsed);
	cvet_cache__close(p->cache, note, sizeof(note));
	p->cache = NULL;
	if (o->cache_info && note[0])
		snprintf(o->cache_info->note, sizeof(o->cache_info->note), "%s", note);
}

/*
 * The options that can change one translation unit's result, for the cache's key (scan/cache.h): the rules
 * switched on, the threat model, the roots and report root (which files are the project's, report paths), the
 * exclusions, the config file's bytes (models, locations) and the environment variables libclang reads
 * include folders from. Severity overrides and suppressions are applied after the units, on every run. The
 * advisory database plays no part in a unit's result. 0 or CVET_ENOMEM.
 */
static int cache_context(const cvet_scan_options *o, char *const *roots, cvet_wbuf *w)
{
	static const char *const env[] = {"CPATH", "C_INCLUDE_PATH", "CPLUS_INCLUDE_PATH", "OBJC_INCLUDE_PATH",
					  "OBJCPLUS_INCLUDE_PATH", "SDKROOT"};
	unsigned char sha[CVET_SHA256_BYTES];
	size_t nrules = cvet_rules_count();
	cvet_wbuf__u32(w, (uint32_t)o->threat_model);
	cvet_wbuf__u32(w, o->rule_enabled ? (uint32_t)nrules : 0);
	if (o->rule_enabled)
		cvet_wbuf__put(w, o->rule_enabled, nrules);
	cvet_wbuf__str(w, o->report_root);
	cvet_wbuf__u32(w, (uint32_t)o->npaths);
	for (size_t i = 0; i < o->npaths; i++)
		cvet_wbuf__str(w, roots[i]);
	cvet_wbuf__u32(w, (uint32_t)o->nexclude);
	for (size_t i = 0; i < o->nexclude; i++)
		cvet_wbuf__str(w, o->exclude[i]);
	if (o->config_path && cvet_cache__hash_file(o->config_path, sha) == 0)
		cvet_wbuf__put(w, sha, sizeof(sha));
	else
		cvet_wbuf__str(w, o->config_path ? "unreadable config" : "no config");
	cvet_wbuf__u32(w, (uint32_t)o->nmodels);
	for (size_t i = 0; i < sizeof(env) / sizeof(env[0]); i++)
		cvet_wbuf__str(w, getenv(env[i]));
	return w->oom ? cvet_error_setc(CVET_ENOMEM, "out of memory") : 0;
}

int cvet_driver__scan(const cvet_scan_options *o, cvet_report **out)
{
	cvet_report *report = NULL;
	char **roots = NULL;
	cvet_jobs jobs = {0};
	cvet_job **phase = NULL;
	pthread_t *threads = NULL;
	unsigned char *check_on = NULL;
	cvet_suppressions *supp = NULL;
	cvet_flow *flow = NULL;
	char *unsaved_real = NULL;
	cvet_walk_options wopts;
	pool p;
	size_t done_count = 0, nphase = 0;
	int error = 0, started = 0, pool_ready = 0, deps_error = 0, nthreads = 0;
	double t0 = now_seconds();
	char deps_msg[1024] = "";

	*out = NULL;
	memset(&p, 0, sizeof(p));
	if ((error = cvet_report_new(&report)) < 0)
		return error;
	if (!(roots = calloc(o->npaths ? o->npaths : 1, sizeof(*roots)))) {
		error = cvet_error_setc(CVET_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < o->npaths; i++) {
		if (!(roots[i] = realpath(o->paths[i], NULL))) {
			error = cvet_error_setc(CVET_EIO, "cannot read '%s': %s", o->paths[i], strerror(errno));
			goto done;
		}
	}

	if (o->what & CVET_SCAN_CODE) {
		if ((error = collect_jobs(o, roots, &jobs, report)) < 0)
			goto done;
		report->code_ran = 1;
		if (o->rule_enabled && !(check_on = check_flags(o->rule_enabled))) {
			error = cvet_error_setc(CVET_ENOMEM, "out of memory");
			goto done;
		}
		memset(&wopts, 0, sizeof(wopts));
		wopts.roots = (const char *const *)roots;
		wopts.nroots = o->npaths;
		wopts.report_root = o->report_root;
		wopts.enabled = check_on;
		wopts.on_project_file = on_project_file;
		wopts.ud = &p;
		if ((error = cvet_flow_new(&flow)) < 0) {
			error = cvet_error_setc(CVET_ENOMEM, "out of memory");
			goto done;
		}
		wopts.flow = flow;
		if (o->stdin_path) {
			if (!(unsaved_real = realpath(o->stdin_path, NULL))) {
				error = cvet_error_setc(CVET_EIO, "cannot read '%s': %s", o->stdin_path, strerror(errno));
				goto done;
			}
			wopts.unsaved_path = unsaved_real;
			wopts.unsaved_text = o->stdin_text;
			wopts.unsaved_len = o->stdin_len;
		}

		if (pthread_mutex_init(&p.lock, NULL) != 0) {
			error = cvet_error_setc(CVET_ENOMEM, "cannot create a mutex");
			goto done;
		}
		pool_ready = 1;
		nthreads = o->jobs < 1 ? 1 : o->jobs;
		if (!(threads = calloc((size_t)nthreads, sizeof(*threads))) ||
		    !(phase = calloc(jobs.n ? jobs.n : 1, sizeof(*phase)))) {
			error = cvet_error_setc(CVET_ENOMEM, "out of memory");
			goto done;
		}
		/* phase 1: every source file (headers wait to see whether some source included them) */
		for (size_t i = 0; i < jobs.n; i++)
			if (!jobs.v[i].header)
				phase[nphase++] = &jobs.v[i];
		order_phase(phase, nphase);
		if (o->shards) {
			/* largest first, each to the lightest shard: the same partition on every machine */
			unsigned long long *loads = calloc(o->shards, sizeof(*loads));
			size_t keep = 0;
			if (!loads) {
				error = cvet_error_setc(CVET_ENOMEM, "out of memory");
				goto done;
			}
			for (size_t i = 0; i < nphase; i++)
				if (cvet_part__assign(loads, o->shards, phase[i]->bytes) + 1 == o->shard)
					phase[keep++] = phase[i];
			free(loads);
			nphase = keep;
		}
		if (o->nparts)
			nphase = 0; /* the sources' results come from the parts */
		p.jobs = phase;
		p.njobs = nphase;
		p.progress_done = &done_count;
		p.progress_total = jobs.n;
		p.progress = o->progress;
		p.t0 = now_seconds();
		p.wopts = &wopts;
		p.out = report;
		p.timeout = o->tu_timeout;
		p.isolate = o->isolate;
		p.limits.memory_mb = o->tu_memory_mb;
		p.limits.cpu_seconds = o->tu_timeout > 0 ? (unsigned)o->tu_timeout + 5 : 0;
		if (o->cache_dir && !o->stdin_path && (nphase > 0 || jobs.n > 0)) {
			cvet_wbuf ctx = {0};
			char *note = o->cache_info ? o->cache_info->note : NULL;
			size_t notesz = o->cache_info ? sizeof(o->cache_info->note) : 0;
			if ((error = cache_context(o, roots, &ctx)) == 0)
				error = cvet_cache__open(o->cache_dir, o->cache_explicit, roots, o->npaths, o->cache_bytes, ctx.p,
							 ctx.n, &p.cache, note, notesz);
			cvet_wbuf__clear(&ctx);
			if (error < 0)
				goto done;
			if (o->cache_info)
				o->cache_info->used = p.cache != NULL;
		}
		pool_start(&p, threads, nthreads, &started);
	}

	/* the dependency scan runs on this thread while the workers parse */
	if (o->what & CVET_SCAN_DEPS) {
		cvet_report *deps = NULL;
		cvet_deps_options dopts = CVET_DEPS_OPTIONS_INIT;
		dopts.db_path = o->db_path;
		dopts.config_path = o->config_path;
		dopts.report_root = o->report_root;
		dopts.exclude = o->exclude;
		dopts.nexclude = o->nexclude;
		if ((deps_error = cvet_report_new(&deps)) == 0) {
			deps_error = cvet_deps_scan(o->paths, o->npaths, &dopts, deps);
			if (deps_error < 0)
				snprintf(deps_msg, sizeof(deps_msg), "%s", cvet_error_last());
			deps->deps_ran = 1;
			if (pool_ready)
				pthread_mutex_lock(&p.lock);
			if (deps_error == 0)
				deps_error = cvet_report_merge(report, deps);
			if (pool_ready)
				pthread_mutex_unlock(&p.lock);
		} else {
			snprintf(deps_msg, sizeof(deps_msg), "%s", cvet_error_last());
		}
		cvet_report_free(deps);
	}

	if (o->what & CVET_SCAN_CODE) {
		pool_join(&p, threads, started);
		started = 0;
		if (o->nparts && !p.error && !p.oom &&
		    (error = cvet_part__merge(o->parts, o->nparts, options_fingerprint(o, roots), report, flow,
					      on_project_file, &p)) < 0)
			goto done;
		if (o->save_part && !p.error && !p.oom) {
			/* a shard stops here: what needs every unit (headers no unit included, the flow analysis,
			 * suppressions, filters) runs in the merge */
			char **files = calloc(p.files.n ? p.files.n : 1, sizeof(*files));
			size_t nf = 0;
			if (!files) {
				error = cvet_error_setc(CVET_ENOMEM, "out of memory");
				goto done;
			}
			for (size_t i = 0; i < p.files.cap; i++)
				if (p.files.slot[i])
					files[nf++] = p.files.slot[i];
			report->files_scanned = p.tus;
			error = cvet_part__save(o->save_part, options_fingerprint(o, roots), o->shard, o->shards, report, files,
						nf, flow);
			free(files);
			if (error < 0)
				goto done;
			if (o->progress == CVET_PROGRESS_BAR)
				fprintf(stderr, "\r\033[K");
			close_cache(&p, o);
			goto shard_done;
		}
		/* phase 2: headers no translation unit included are parsed on their own */
		if (!p.error && !p.oom) {
			nphase = 0;
			for (size_t i = 0; i < jobs.n; i++) {
				if (!jobs.v[i].header)
					continue;
				if (strset_has(&p.files, jobs.v[i].rel))
					done_count++;
				else
					phase[nphase++] = &jobs.v[i];
			}
			order_phase(phase, nphase);
			p.jobs = phase;
			p.njobs = nphase;
			p.next = 0;
			pool_start(&p, threads, nthreads, &started);
			pool_join(&p, threads, started);
			started = 0;
		}
		if (o->progress == CVET_PROGRESS_BAR) {
			fprintf(stderr, "\r\033[K");
			fflush(stderr);
		}
		if (p.oom) {
			error = cvet_error_setc(CVET_ENOMEM, "out of memory");
			goto done;
		}
		if (p.error) {
			error = cvet_error_setc(p.error, "%s", p.errmsg);
			goto done;
		}
		report->files_scanned += p.tus;
		/* the flow engine: every function of every translation unit, at once (or its findings from the cache) */
		if ((error = flow_cached(&p, o, flow, report)) < 0) {
			error = cvet_error_setc(error, "out of memory in the flow analysis");
			goto done;
		}
		close_cache(&p, o);
		cvet_flow_free(flow);
		flow = NULL;
	}
	if (deps_error < 0) {
		error = cvet_error_setc(deps_error, "%s", deps_msg[0] ? deps_msg : cvet_strerror(deps_error));
		goto done;
	}

	/* filter: rule switches, then suppressions (read from the project files the walker touched) */
	drop_disabled(report, o->rule_enabled);
	drop_superseded(report);
	if (o->what & CVET_SCAN_CODE) {
		if ((error = cvet_suppress__new(&supp)) < 0)
			goto done;
		for (size_t i = 0; i < p.files.cap; i++) {
			char *abs;
			if (!p.files.slot[i])
				continue;
			if (!(abs = cvet_jobs__join(o->report_root, p.files.slot[i]))) {
				error = cvet_error_setc(CVET_ENOMEM, "out of memory");
				goto done;
			}
			if (unsaved_real && strcmp(abs, unsaved_real) == 0) /* the editor's buffer, not the file on disk */
				error = cvet_suppress__scan_text(supp, p.files.slot[i], o->stdin_text, o->stdin_len);
			else
				error = cvet_suppress__scan_file(supp, p.files.slot[i], abs);
			free(abs);
			if (error < 0)
				goto done;
		}
		if ((error = cvet_suppress__apply(supp, report, o->rule_enabled, o->report_unused_suppressions)) < 0)
			goto done;
	}
	override_severities(report, o->rule_severity);
	if ((o->what & CVET_SCAN_CODE) && (error = classify_locations(o, roots, report)) < 0)
		goto done;
shard_done:
	report->elapsed_seconds = now_seconds() - t0;
	if ((error = cvet_report_finalize(report)) < 0)
		goto done;
	*out = report;
	report = NULL;
done:
	if (started)
		pool_join(&p, threads, started);
	close_cache(&p, o);
	cvet_flow_free(flow);
	if (pool_ready)
		pthread_mutex_destroy(&p.lock);
	strset_clear(&p.files);
	free(p.hit_keys);
	cvet_suppress__free(supp);
	free(threads);
	free(phase);
	free(check_on);
	cvet_jobs__clear(&jobs);
	free(unsaved_real);
	if (roots)
		for (size_t i = 0; i < o->npaths; i++)
			free(roots[i]);
	free(roots);
	cvet_report_free(report);
	return error;
}
