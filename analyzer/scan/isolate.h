/* isolate.h - each translation unit parsed and analysed in a worker process, bounded in time and memory */
#ifndef CVET_SCAN_ISOLATE_H
#define CVET_SCAN_ISOLATE_H

#include <pthread.h>
#include <sys/types.h>
#include "cvet/report.h"
#include "code/tu.h"
#include "common/wire.h"
#include "flow/flow.h"
#include "scan/jobs.h"

/*
 * A worker is a process forked (by the spawner below) from the scanner. It parses and walks one translation unit at a
 * time with its own libclang index and sends back, over a socket, the findings, endpoints and notes, the
 * project files the unit touched, and its lowered functions for the flow engine; the scanner merges them as
 * the in-process walker would have. libclang can crash on hostile input, a macro bomb can need any amount of
 * memory and an #include of a FIFO never returns: in a worker each of those ends that worker only. The
 * scanner's watchdog stops a worker past its time or memory bound (cvet_worker__kill), and the thread that
 * runs the job turns the ending into one note finding for the file.
 */
typedef struct cvet_worker {
	pid_t pid;          /* 0 when not running */
	int fd;             /* the scanner's end of the socket; -1 when not running */
	int jobs_done;      /* translation units this process analysed */
	int failed;         /* it failed a job and was killed; stop it before the next */
} cvet_worker;

#define CVET_WORKER_INIT {0, -1, 0, 0}

/* Bounds applied to a worker (see isolate.c). */
typedef struct cvet_worker_limits {
	unsigned memory_mb;  /* resident memory per translation unit; 0 = none */
	unsigned cpu_seconds;/* CPU time per translation unit (a backstop to the wall-clock watchdog); 0 = none */
} cvet_worker_limits;

/* What a job's run came to. */
typedef enum {
	CVET_WORKER_OK = 0,  /* results merged */
	CVET_WORKER_DIED,    /* the worker ended without an answer: killed (see the watchdog's reason) or crashed */
	CVET_WORKER_NOMEM,   /* the walker ran out of memory under the worker's bound */
	CVET_WORKER_BAD,     /* the worker answered with bytes that are not a result */
	CVET_WORKER_GONE     /* the worker had ended before it took the job: start another and run it again */
} cvet_worker_outcome;

/*
 * The process that forks the workers (see isolate.c for why). Start it while the scanner has no other thread;
 * wopts and limits must stay valid and unchanged until cvet_spawner__stop (the spawner has its own copy of the
 * memory they live in, taken at the start). Thread-safe once started.
 */
typedef struct cvet_spawner {
	pid_t pid;
	int fd;
	pthread_mutex_t lock;
} cvet_spawner;

int cvet_spawner__start(cvet_spawner *sp, const cvet_walk_options *wopts, const cvet_worker_limits *limits);
/* End the spawner (its workers end with it). Safe on one that is not running. */
void cvet_spawner__stop(cvet_spawner *sp);

/* Start w's process when it is not running. 0, or CVET_EIO (the spawner is gone; message set). */
int cvet_worker__start(cvet_worker *w, cvet_spawner *sp);

/* A unit's result as bytes, for the incremental cache (scan/cache.h): the unit (report, files, flow) and its
 * inputs (u32 n, n x (str name, u64 size, 32-byte SHA-256 of the bytes libclang parsed)). */
typedef struct cvet_unit_bytes {
	cvet_wbuf unit;
	cvet_wbuf deps;
	int cacheable;      /* set when both are filled and the unit may be kept (it had no error) */
} cvet_unit_bytes;

/*
 * Run `job` in w's process. On CVET_WORKER_OK the findings, endpoints and notes are appended to `out`, the
 * lowered functions merged into `flow` (when not NULL), and wopts->on_project_file called for each project file
 * the unit touched. On any other outcome the process has been killed but not reaped: its pid stays valid for
 * whoever watches it until cvet_worker__stop(), which returns the wait status that says how it ended.
 * Returns 0 with *outcome set, or a negative CVET_E* (out of memory in the scanner; message set).
 */
int cvet_worker__run(cvet_worker *w, const cvet_job *job, const cvet_walk_options *wopts, cvet_report *out,
		     cvet_flow *flow, cvet_unit_bytes *keep, cvet_worker_outcome *outcome);

/*
 * The same in this process (--no-isolate with the cache): walk `job` into keep's unit bytes and inputs (nothing
 * is merged: do that with cvet_unit__merge on keep->unit). 0, or a negative CVET_E* (out of memory; message set).
 */
int cvet_unit__walk(CXIndex index, const cvet_job *job, const cvet_walk_options *wopts, cvet_unit_bytes *keep);

/*
 * Merge unit bytes (a worker's answer, or the cache's copy of one) as the walker would have: findings,
 * endpoints and notes into out, functions into flow, files to wopts->on_project_file. Bytes that are not a
 * whole unit merge nothing and set *bad. 0, or CVET_ENOMEM (message set).
 */
int cvet_unit__merge(const unsigned char *p, size_t n, const cvet_walk_options *wopts, cvet_report *out,
		     cvet_flow *flow, int *bad);

/* End w's process (end of input, then reap it) and return its wait status. Safe on a worker not running. */
int cvet_worker__stop(cvet_worker *w, cvet_spawner *sp);

/* Resident and virtual memory of a running process in MiB, from /proc (0 when unknown). */
void cvet_worker__memory(pid_t pid, unsigned long *rss_mb, unsigned long *vsz_mb);

#endif
