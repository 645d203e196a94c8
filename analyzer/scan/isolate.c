/* isolate.c - worker processes for translation units (see isolate.h)
 *
 * The protocol, over one AF_UNIX stream socket per worker (both ends are this same program):
 *   scanner -> worker: u32 length, then: u32 JOB_MAGIC, str file, str directory, u32 nargs, str args...,
 *                      u32 flags (JOB_WANT_DEPS)
 *   worker -> scanner: u64 length, then: u32 RESULT_MAGIC, u32 status (0, or a negative CVET_E*), str message,
 *                      the unit: the report (report/report_wire.c), u32 nfiles, str files..., u32 has_flow,
 *                      the flow program (flow/serial.c); with JOB_WANT_DEPS then the unit's inputs for the
 *                      cache: u32 DEPS_MAGIC, u32 cacheable, u32 n, n x (str name, u64 size, 32 bytes SHA-256)
 * The unit's bytes are what the incremental cache keeps (scan/cache.h); cvet_unit__merge reads them back.
 * A worker serves jobs until its socket closes. It is forked, not executed: it shares the scanner's code and
 * read-only data and needs no path to a binary. Right after the fork it keeps only its socket and the standard
 * descriptors (so that a dead worker's socket reads as closed), sends standard output to /dev/null (libclang
 * must not print into a report written there), asks to die with the thread that started it, and never dumps
 * core. Before each job it sets RLIMIT_CPU to what it used so far plus the bound and, outside sanitizer
 * builds, RLIMIT_AS to its current size plus room for the bound: a macro bomb then fails an allocation
 * instead of growing until the watchdog's next look.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <clang-c/Index.h>
#include "code/walker.h"
#include "common/sha256.h"
#include "common/wire.h"
#include "report/report_wire.h"
#include "scan/isolate.h"

#define JOB_MAGIC 0x31424f4au    /* "JOB1" */
#define RESULT_MAGIC 0x31544c52u /* "RLT1" */
#define DEPS_MAGIC 0x31504544u   /* "DEP1" */
#define JOB_WANT_DEPS 1u
#define MAX_JOB_BYTES (64u << 20)
#define MAX_RESULT_BYTES ((uint64_t)2 << 30) /* a whole amalgamation's functions fit many times over */

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0 /* ASan reserves terabytes of address space up front: RLIMIT_AS cannot bound it */
#endif

/* ---- socket I/O ---- */

static int write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	while (n) {
		ssize_t k = send(fd, p, n, MSG_NOSIGNAL);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

/* 0, or -1 at end of file or on error. */
static int read_all(int fd, void *buf, size_t n)
{
	char *p = buf;
	while (n) {
		ssize_t k = read(fd, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

/* ---- the worker process ---- */

typedef struct collected {
	cvet_strv files;
	int oom;
	const char *directory;  /* the job's working directory (relative names of included files are under it) */
	cvet_wbuf *deps;        /* the unit's inputs (n x name, size, SHA-256), or NULL when not wanted */
	uint32_t ndeps;
	int uncacheable;        /* the TU had an error, or a file's bytes were not available */
} collected;

static void collect_file(void *ud, const char *path)
{
	collected *c = ud;
	if (path && !cvet_strv__contains(&c->files, path) && cvet_strv__push(&c->files, path) < 0)
		c->oom = 1;
}

/* on_included_file: record the name and the SHA-256 of the bytes libclang parsed. */
static void collect_dep(void *ud, const char *name, const char *text, size_t len)
{
	collected *c = ud;
	unsigned char sha[CVET_SHA256_BYTES];
	char *abs = NULL;
	if (!c->deps || c->uncacheable)
		return;
	if (!name || !text) {
		c->uncacheable = 1;
		return;
	}
	if (name[0] != '/') {
		char cwd[4096];
		const char *dir = c->directory && c->directory[0] == '/' ? c->directory : getcwd(cwd, sizeof(cwd));
		if (!dir || !(abs = cvet_jobs__join(dir, name))) {
			c->uncacheable = 1;
			return;
		}
		name = abs;
	}
	cvet_sha256__buf(text, len, sha);
	cvet_wbuf__str(c->deps, name);
	cvet_wbuf__u64(c->deps, (uint64_t)len);
	cvet_wbuf__put(c->deps, sha, sizeof(sha));
	c->ndeps++;
	free(abs);
}

static void set_limits(const cvet_worker_limits *lim)
{
	struct rlimit rl;
	if (lim->cpu_seconds && getrlimit(RLIMIT_CPU, &rl) == 0) {
		struct rusage ru;
		if (getrusage(RUSAGE_SELF, &ru) == 0) {
			rlim_t used = (rlim_t)ru.ru_utime.tv_sec + (rlim_t)ru.ru_stime.tv_sec + 1;
			rl.rlim_cur = used + lim->cpu_seconds;
			if (rl.rlim_max == RLIM_INFINITY || rl.rlim_cur < rl.rlim_max)
				setrlimit(RLIMIT_CPU, &rl);
		}
	}
	if (!UNDER_ASAN && lim->memory_mb && getrlimit(RLIMIT_AS, &rl) == 0) {
		unsigned long rss, vsz;
		cvet_worker__memory(getpid(), &rss, &vsz);
		/* room for the bound twice over (the watchdog judges resident memory) and the walker's stack
		 * reservation of 1 GiB, above what the forked image already maps */
		rl.rlim_cur = ((rlim_t)vsz + 2 * (rlim_t)lim->memory_mb + 1024) << 20;
		if (vsz && (rl.rlim_max == RLIM_INFINITY || rl.rlim_cur < rl.rlim_max))
			setrlimit(RLIMIT_AS, &rl);
	}
}

/*
 * Walk one translation unit into its unit bytes (appended to w) and, when deps is not NULL, its inputs for the
 * cache (DEPS_MAGIC, cacheable, n, entries). Returns 0, or a negative CVET_E* from the walker (message set;
 * nothing useful in w then).
 */
static int walk_unit(CXIndex index, const char *file, const char *dir, const char *const *args, int nargs,
		     const cvet_walk_options *wopts, cvet_wbuf *w, cvet_wbuf *deps)
{
	cvet_report *rep = NULL;
	cvet_flow *fl = NULL;
	cvet_wbuf list = {0};
	collected col;
	cvet_walk_options wo = *wopts;
	int rc;

	memset(&col, 0, sizeof(col));
	col.directory = dir;
	col.deps = deps ? &list : NULL;
	if (cvet_report_new(&rep) < 0 || (wopts->flow && cvet_flow_new(&fl) < 0)) {
		rc = cvet_error_setc(CVET_ENOMEM, "out of memory");
		goto done;
	}
	wo.flow = fl;
	wo.on_project_file = collect_file;
	wo.on_included_file = deps ? collect_dep : NULL;
	wo.ud = &col;
	rc = cvet__walk_file(index, file, args, nargs, dir, &wo, rep);
	if (rc == 0 && col.oom)
		rc = cvet_error_setc(CVET_ENOMEM, "out of memory");
	if (rc < 0)
		goto done;
	cvet_report__encode(rep, w);
	cvet_wbuf__u32(w, (uint32_t)col.files.n);
	for (size_t i = 0; i < col.files.n; i++)
		cvet_wbuf__str(w, col.files.v[i]);
	cvet_wbuf__u32(w, fl ? 1 : 0);
	if (fl)
		cvet_flow__encode(fl, w);
	if (deps) {
		cvet_wbuf__u32(deps, DEPS_MAGIC);
		cvet_wbuf__u32(deps, !col.uncacheable && !list.oom);
		cvet_wbuf__u32(deps, col.uncacheable || list.oom ? 0 : col.ndeps);
		if (!col.uncacheable)
			cvet_wbuf__put(deps, list.p, list.n);
	}
done:
	cvet_report_free(rep);
	cvet_flow_free(fl);
	cvet_strv__clear(&col.files);
	cvet_wbuf__clear(&list);
	return rc;
}

/* Analyse one job message and encode the answer into w. */
static void serve(CXIndex index, cvet_rbuf *r, const cvet_walk_options *wopts, const cvet_worker_limits *lim,
		  cvet_wbuf *w)
{
	char *file = NULL, *dir = NULL, **args = NULL;
	uint32_t nargs = 0, flags = 0;
	int oom = 0, rc = 0;
	cvet_wbuf unit = {0}, deps = {0};

	if (cvet_rbuf__u32(r) != JOB_MAGIC)
		r->bad = 1;
	file = cvet_rbuf__str(r, &oom);
	dir = cvet_rbuf__str(r, &oom);
	nargs = cvet_rbuf__count(r, 4);
	if (nargs && !(args = calloc(nargs, sizeof(*args))))
		oom = 1;
	for (uint32_t i = 0; args && i < nargs && !r->bad; i++)
		if (!(args[i] = cvet_rbuf__str(r, &oom)))
			r->bad = 1;
	flags = cvet_rbuf__u32(r);
	if (r->bad || !file || oom) {
		rc = oom ? CVET_ENOMEM : CVET_EPARSE;
		cvet_error_setc(rc, "the worker received a malformed job");
		goto answer;
	}
	set_limits(lim);
	rc = walk_unit(index, file, dir, (const char *const *)args, (int)nargs, wopts, &unit,
		       flags & JOB_WANT_DEPS ? &deps : NULL);
	if (rc == 0 && (unit.oom || deps.oom))
		rc = cvet_error_setc(CVET_ENOMEM, "out of memory");
answer:
	cvet_wbuf__u32(w, RESULT_MAGIC);
	cvet_wbuf__u32(w, (uint32_t)rc);
	cvet_wbuf__str(w, rc < 0 ? cvet_error_last() : "");
	if (rc == 0) {
		cvet_wbuf__put(w, unit.p, unit.n);
		cvet_wbuf__put(w, deps.p, deps.n);
	}
	cvet_wbuf__clear(&unit);
	cvet_wbuf__clear(&deps);
	for (uint32_t i = 0; args && i < nargs; i++)
		free(args[i]);
	free(args);
	free(file);
	free(dir);
}

int cvet_unit__walk(CXIndex index, const cvet_job *job, const cvet_walk_options *wopts, cvet_unit_bytes *keep)
{
	cvet_wbuf deps = {0};
	uint32_t cacheable = 0;
	int rc = walk_unit(index, job->file, job->directory, (const char *const *)job->args.v, (int)job->args.n, wopts,
			   &keep->unit, &deps);
	keep->cacheable = 0;
	if (rc == 0 && (keep->unit.oom || deps.oom))
		rc = cvet_error_setc(CVET_ENOMEM, "out of memory");
	if (rc == 0 && deps.n >= 8 && (memcpy(&cacheable, deps.p + 4, 4), cacheable == 1)) { /* magic, cacheable, list */
		cvet_wbuf__put(&keep->deps, deps.p + 8, deps.n - 8);
		keep->cacheable = !keep->deps.oom;
	}
	cvet_wbuf__clear(&deps);
	return rc;
}

/* Keep only 0, 1, 2 and `keep`, which moves to a descriptor above them. Returns the new descriptor or -1. */
static int only_this_socket(int keep)
{
	int fd = fcntl(keep, F_DUPFD, 3);
	if (fd < 0)
		return -1;
#ifdef SYS_close_range
	if (fd > 3)
		syscall(SYS_close_range, 3u, (unsigned)fd - 1, 0u);
	if (syscall(SYS_close_range, (unsigned)fd + 1, ~0u, 0u) == 0)
		return fd;
#endif
	for (int i = 3; i < 65536; i++)
		if (i != fd)
			close(i);
	return fd;
}

static void worker_main(int sock, pid_t parent, const cvet_walk_options *wopts, const cvet_worker_limits *lim)
{
	struct rlimit no_core = {0, 0};
	CXIndex index;
	int devnull;

	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(0);
	setrlimit(RLIMIT_CORE, &no_core);
	if ((sock = only_this_socket(sock)) < 0)
		_exit(3);
	if ((devnull = open("/dev/null", O_WRONLY | O_CLOEXEC)) >= 0) {
		fflush(stdout);
		dup2(devnull, STDOUT_FILENO);
		close(devnull);
	}
	if (!(index = clang_createIndex(0, 0)))
		_exit(3);
	for (;;) {
		uint32_t len;
		unsigned char *msg;
		cvet_rbuf r;
		cvet_wbuf w = {0};
		uint64_t n;
		if (read_all(sock, &len, sizeof(len)) < 0 || len > MAX_JOB_BYTES || !(msg = malloc(len ? len : 1)))
			break;
		if (read_all(sock, msg, len) < 0) {
			free(msg);
			break;
		}
		r.p = msg;
		r.n = len;
		r.at = 0;
		r.bad = 0;
		serve(index, &r, wopts, lim, &w);
		free(msg);
		n = w.n;
		if (w.oom || write_all(sock, &n, sizeof(n)) < 0 || write_all(sock, w.p, w.n) < 0) {
			cvet_wbuf__clear(&w);
			break;
		}
		cvet_wbuf__clear(&w);
	}
	_exit(0); /* no atexit handlers, no flush of stdio buffers copied from the scanner */
}

/* ---- the scanner's side ---- */

void cvet_worker__memory(pid_t pid, unsigned long *rss_mb, unsigned long *vsz_mb)
{
	char path[64], buf[128];
	unsigned long size = 0, resident = 0;
	long page = sysconf(_SC_PAGESIZE);
	int fd;
	ssize_t k;
	*rss_mb = *vsz_mb = 0;
	snprintf(path, sizeof(path), "/proc/%ld/statm", (long)pid);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return;
	k = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (k <= 0 || page <= 0)
		return;
	buf[k] = '\0';
	if (sscanf(buf, "%lu %lu", &size, &resident) != 2)
		return;
	*vsz_mb = size / ((1024ul * 1024ul) / (unsigned long)page);
	*rss_mb = resident / ((1024ul * 1024ul) / (unsigned long)page);
}

/* ---- the spawner: a single-threaded process that forks the workers ---- */

/*
 * Forking from a process whose other threads may hold a lock (the allocator's, in a sanitizer build) can leave
 * that lock held forever in the child. So the scanner forks once, before it starts any thread: that process,
 * the spawner, stays single-threaded and forks every worker on request. The spawner also reaps them, but only
 * when asked, so that a worker's pid stays reserved while the scanner's watchdog may still signal it.
 *   request: u8 op ('S' spawn, 'R' reap), u32 pid      reply to S: u32 pid (0 = failed) and the worker's
 *   socket as SCM_RIGHTS                                 reply to R: u32 wait status
 */
static int send_fd(int sock, uint32_t pid, int fd)
{
	struct msghdr m;
	struct iovec iov = {&pid, sizeof(pid)};
	union {
		struct cmsghdr h;
		char buf[CMSG_SPACE(sizeof(int))];
	} ctl;
	memset(&m, 0, sizeof(m));
	memset(&ctl, 0, sizeof(ctl));
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	if (fd >= 0) {
		struct cmsghdr *c;
		m.msg_control = ctl.buf;
		m.msg_controllen = sizeof(ctl.buf);
		c = CMSG_FIRSTHDR(&m);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(c), &fd, sizeof(int));
	}
	while (sendmsg(sock, &m, MSG_NOSIGNAL) < 0)
		if (errno != EINTR)
			return -1;
	return 0;
}

static int recv_fd(int sock, uint32_t *pid, int *fd)
{
	struct msghdr m;
	struct iovec iov = {pid, sizeof(*pid)};
	union {
		struct cmsghdr h;
		char buf[CMSG_SPACE(sizeof(int))];
	} ctl;
	ssize_t k;
	*fd = -1;
	memset(&m, 0, sizeof(m));
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = ctl.buf;
	m.msg_controllen = sizeof(ctl.buf);
	while ((k = recvmsg(sock, &m, MSG_CMSG_CLOEXEC)) < 0 && errno == EINTR)
		;
	if (k != (ssize_t)sizeof(*pid))
		return -1;
	for (struct cmsghdr *c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c))
		if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS && c->cmsg_len == CMSG_LEN(sizeof(int)))
			memcpy(fd, CMSG_DATA(c), sizeof(int));
	return 0;
}

static void spawner_main(int ctl, pid_t parent, const cvet_walk_options *wopts, const cvet_worker_limits *lim)
{
	struct rlimit no_core = {0, 0};
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(0);
	setrlimit(RLIMIT_CORE, &no_core);
	if ((ctl = only_this_socket(ctl)) < 0)
		_exit(3);
	for (;;) {
		unsigned char op;
		uint32_t arg;
		if (read_all(ctl, &op, 1) < 0 || read_all(ctl, &arg, sizeof(arg)) < 0)
			break;
		if (op == 'S') {
			int sv[2];
			pid_t pid = -1;
			if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0) {
				pid_t me = getpid();
				if ((pid = fork()) == 0) {
					close(ctl);
					close(sv[0]);
					worker_main(sv[1], me, wopts, lim); /* does not return */
				}
				close(sv[1]);
			} else {
				sv[0] = -1;
			}
			if (send_fd(ctl, pid > 0 ? (uint32_t)pid : 0, pid > 0 ? sv[0] : -1) < 0)
				break;
			if (sv[0] >= 0)
				close(sv[0]);
		} else if (op == 'R') {
			int status = 0;
			while (waitpid((pid_t)arg, &status, 0) < 0 && errno == EINTR)
				;
			if (write_all(ctl, &status, sizeof(status)) < 0)
				break;
		} else {
			break;
		}
	}
	_exit(0); /* the workers still running die with it (PR_SET_PDEATHSIG) */
}

int cvet_spawner__start(cvet_spawner *sp, const cvet_walk_options *wopts, const cvet_worker_limits *limits)
{
	int sv[2];
	pid_t parent = getpid(), pid;
	sp->pid = 0;
	sp->fd = -1;
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
		return cvet_error_setc(CVET_EIO, "cannot create a socket for the worker processes: %s", strerror(errno));
	fflush(NULL); /* nothing buffered is written twice */
	if ((pid = fork()) < 0) {
		int e = errno;
		close(sv[0]);
		close(sv[1]);
		return cvet_error_setc(CVET_EIO, "cannot start a worker process: %s", strerror(e));
	}
	if (pid == 0)
		spawner_main(sv[1], parent, wopts, limits); /* does not return */
	close(sv[1]);
	if (pthread_mutex_init(&sp->lock, NULL) != 0) {
		close(sv[0]);
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		return cvet_error_setc(CVET_ENOMEM, "cannot create a mutex");
	}
	sp->pid = pid;
	sp->fd = sv[0];
	return 0;
}

void cvet_spawner__stop(cvet_spawner *sp)
{
	if (sp->pid <= 0)
		return;
	close(sp->fd);
	while (waitpid(sp->pid, NULL, 0) < 0 && errno == EINTR)
		;
	pthread_mutex_destroy(&sp->lock);
	sp->pid = 0;
	sp->fd = -1;
}

/* One request to the spawner; 0 and its reply, or -1 when it is gone. */
static int ask(cvet_spawner *sp, unsigned char op, uint32_t arg, uint32_t *reply, int *fd)
{
	unsigned char msg[5];
	int rc = -1;
	msg[0] = op;
	memcpy(msg + 1, &arg, sizeof(arg));
	pthread_mutex_lock(&sp->lock);
	if (sp->fd >= 0 && write_all(sp->fd, msg, sizeof(msg)) == 0)
		rc = op == 'S' ? recv_fd(sp->fd, reply, fd) : read_all(sp->fd, reply, sizeof(*reply));
	pthread_mutex_unlock(&sp->lock);
	return rc;
}

static int start(cvet_worker *w, cvet_spawner *sp)
{
	uint32_t pid = 0;
	int fd = -1;
	if (ask(sp, 'S', 0, &pid, &fd) < 0 || !pid || fd < 0) {
		if (fd >= 0)
			close(fd);
		return cvet_error_setc(CVET_EIO, "cannot start a worker process");
	}
	w->pid = (pid_t)pid;
	w->fd = fd;
	w->jobs_done = 0;
	w->failed = 0;
	return 0;
}

/* Close the socket (a healthy worker then ends) and have the spawner reap the process; its wait status. */
static int reap(cvet_worker *w, cvet_spawner *sp)
{
	uint32_t status = 0;
	int none = -1;
	if (w->fd >= 0)
		close(w->fd);
	w->fd = -1;
	if (w->pid > 0 && ask(sp, 'R', (uint32_t)w->pid, &status, &none) < 0)
		status = 0;
	w->pid = 0;
	return (int)status;
}

int cvet_worker__stop(cvet_worker *w, cvet_spawner *sp)
{
	int status = reap(w, sp);
	w->failed = 0;
	return status;
}

static int send_job(cvet_worker *w, const cvet_job *job, uint32_t flags)
{
	cvet_wbuf b = {0};
	uint32_t len = 0;
	int rc = 0;
	cvet_wbuf__u32(&b, len); /* the length, filled in below */
	cvet_wbuf__u32(&b, JOB_MAGIC);
	cvet_wbuf__str(&b, job->file);
	cvet_wbuf__str(&b, job->directory);
	cvet_wbuf__u32(&b, (uint32_t)job->args.n);
	for (size_t i = 0; i < job->args.n; i++)
		cvet_wbuf__str(&b, job->args.v[i]);
	cvet_wbuf__u32(&b, flags);
	if (b.oom || b.n - 4 > MAX_JOB_BYTES) {
		cvet_wbuf__clear(&b);
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	}
	len = (uint32_t)(b.n - 4);
	memcpy(b.p, &len, sizeof(len));
	if (write_all(w->fd, b.p, b.n) < 0)
		rc = 1;
	cvet_wbuf__clear(&b);
	return rc;
}

/* A unit read from bytes, not yet merged. */
typedef struct unit_read {
	cvet_report *tmp;
	cvet_flow_tu ft;
	cvet_strv files;
	int have_flow;
} unit_read;

static void unit_drop(unit_read *u)
{
	if (u->have_flow)
		cvet_flow__tu_discard(&u->ft);
	cvet_report_free(u->tmp);
	cvet_strv__clear(&u->files);
	memset(u, 0, sizeof(*u));
}

/* Read one unit (report, files, flow) from r into u. 0 (*bad set, u empty, when the bytes are not a unit), or
 * CVET_ENOMEM. */
static int unit_read_from(cvet_rbuf *r, cvet_flow *flow, unit_read *u, int *bad)
{
	int oom = 0, error = 0, have_flow;

	*bad = 0;
	memset(u, 0, sizeof(*u));
	if (cvet_report_new(&u->tmp) < 0)
		return CVET_ENOMEM;
	if (!r->bad && (error = cvet_report__decode(r, u->tmp)) == CVET_ENOMEM)
		goto fail;
	{
		uint32_t nf = cvet_rbuf__count(r, 4);
		for (uint32_t i = 0; i < nf && !r->bad; i++) {
			char *s = cvet_rbuf__str(r, &oom);
			if (!s || cvet_strv__take(&u->files, s) < 0)
				r->bad = 1;
		}
	}
	have_flow = (int)cvet_rbuf__u32(r);
	if (r->bad || error == CVET_EPARSE || oom || (have_flow && !flow) || (unsigned)have_flow > 1) {
		error = oom ? CVET_ENOMEM : 0;
		*bad = !oom;
		goto fail;
	}
	if (have_flow) {
		if ((error = cvet_flow__decode(r, flow, &u->ft)) < 0) { /* it discards what it read itself */
			*bad = error == CVET_EPARSE;
			error = error == CVET_ENOMEM ? CVET_ENOMEM : 0;
			goto fail;
		}
		u->have_flow = 1;
	}
	return 0;
fail:
	unit_drop(u);
	return error;
}

/* Merge u: findings into out, functions into the flow program, files to wopts->on_project_file. 0 or
 * CVET_ENOMEM (message set). u is empty afterwards. */
static int unit_commit(unit_read *u, const cvet_walk_options *wopts, cvet_report *out)
{
	int error = 0;
	if (u->have_flow) {
		u->have_flow = 0;
		error = cvet_flow__tu_finish(&u->ft);
	}
	if (!error)
		error = cvet_report_merge(out, u->tmp);
	for (size_t i = 0; !error && wopts->on_project_file && i < u->files.n; i++)
		wopts->on_project_file(wopts->ud, u->files.v[i]);
	unit_drop(u);
	return error < 0 ? cvet_error_setc(CVET_ENOMEM, "out of memory") : 0;
}

int cvet_unit__merge(const unsigned char *p, size_t n, const cvet_walk_options *wopts, cvet_report *out,
		     cvet_flow *flow, int *bad)
{
	cvet_rbuf r = {p, n, 0, 0};
	unit_read u;
	int error = unit_read_from(&r, flow, &u, bad);
	if (error < 0)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	if (*bad)
		return 0;
	if (r.at != r.n) {
		unit_drop(&u);
		*bad = 1;
		return 0;
	}
	return unit_commit(&u, wopts, out);
}

/* Decode a whole answer and merge it; with keep, also hand back the unit's bytes and inputs. */
static int take_answer(const unsigned char *p, size_t n, const cvet_walk_options *wopts, cvet_report *out,
		       cvet_flow *flow, cvet_unit_bytes *keep, cvet_worker_outcome *outcome)
{
	cvet_rbuf r = {p, n, 0, 0};
	int32_t status;
	char *msg = NULL;
	int oom = 0, error = 0, bad = 0, cacheable = 0;
	size_t unit_at, unit_end, deps_at = 0;
	unit_read u;

	if (cvet_rbuf__u32(&r) != RESULT_MAGIC)
		r.bad = 1;
	status = (int32_t)cvet_rbuf__u32(&r);
	msg = cvet_rbuf__str(&r, &oom);
	if (!r.bad && status < 0) {
		/* the walker's own failure inside the worker: memory ran out under the bound (it fails no other way) */
		if (status == CVET_ENOMEM) {
			*outcome = CVET_WORKER_NOMEM;
			free(msg);
			return 0;
		}
		error = cvet_error_setc(status, "%s", msg ? msg : "a worker process failed");
		free(msg);
		return error;
	}
	free(msg);
	unit_at = r.at;
	if ((error = unit_read_from(&r, flow, &u, &bad)) < 0)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	if (bad || oom) {
		*outcome = CVET_WORKER_BAD;
		return oom ? cvet_error_setc(CVET_ENOMEM, "out of memory") : 0;
	}
	unit_end = r.at;
	if (keep) {
		/* the unit's inputs: DEPS_MAGIC, cacheable, n, n x (name, size, SHA-256) */
		uint32_t nd;
		if (cvet_rbuf__u32(&r) != DEPS_MAGIC)
			r.bad = 1;
		cacheable = cvet_rbuf__u32(&r) == 1;
		deps_at = r.at;
		nd = cvet_rbuf__count(&r, 4 + 8 + CVET_SHA256_BYTES);
		for (uint32_t i = 0; i < nd && !r.bad; i++) {
			unsigned char sha[CVET_SHA256_BYTES];
			char *s = cvet_rbuf__str(&r, &oom);
			if (!s)
				r.bad = 1;
			free(s);
			cvet_rbuf__u64(&r);
			cvet_rbuf__get(&r, sha, sizeof(sha));
		}
	}
	if (r.bad || oom || r.at != r.n) {
		unit_drop(&u);
		*outcome = CVET_WORKER_BAD;
		return oom ? cvet_error_setc(CVET_ENOMEM, "out of memory") : 0;
	}
	if ((error = unit_commit(&u, wopts, out)) < 0)
		return error;
	if (keep && cacheable) {
		cvet_wbuf__put(&keep->unit, p + unit_at, unit_end - unit_at);
		cvet_wbuf__put(&keep->deps, p + deps_at, r.n - deps_at);
		keep->cacheable = !keep->unit.oom && !keep->deps.oom;
	}
	*outcome = CVET_WORKER_OK;
	return 0;
}

int cvet_worker__start(cvet_worker *w, cvet_spawner *sp)
{
	return w->pid ? 0 : start(w, sp);
}

/* A worker that failed is not trusted with the next job: it is killed now (not reaped: its pid stays its own
 * until cvet_worker__stop, so a watchdog holding it can never signal a stranger). */
static void give_up(cvet_worker *w)
{
	if (w->pid > 0)
		kill(w->pid, SIGKILL);
	w->failed = 1;
}

int cvet_worker__run(cvet_worker *w, const cvet_job *job, const cvet_walk_options *wopts, cvet_report *out,
		     cvet_flow *flow, cvet_unit_bytes *keep, cvet_worker_outcome *outcome)
{
	uint64_t len = 0;
	unsigned char *buf = NULL;
	int error = 0, sent;

	*outcome = CVET_WORKER_DIED;
	if (w->pid <= 0 || w->failed) {
		*outcome = CVET_WORKER_GONE;
		return 0;
	}
	if ((sent = send_job(w, job, keep ? JOB_WANT_DEPS : 0)) < 0)
		return sent;
	if (sent == 1) {
		*outcome = CVET_WORKER_GONE; /* it had ended between jobs (stopped late by the watchdog) */
		give_up(w);
		return 0;
	}
	if (read_all(w->fd, &len, sizeof(len)) < 0) {
		give_up(w);
		return 0;
	}
	if (len > MAX_RESULT_BYTES || !(buf = malloc(len ? (size_t)len : 1))) {
		*outcome = CVET_WORKER_BAD;
		give_up(w);
		return len > MAX_RESULT_BYTES ? 0 : cvet_error_setc(CVET_ENOMEM, "out of memory");
	}
	if (read_all(w->fd, buf, (size_t)len) < 0) {
		free(buf);
		give_up(w);
		return 0;
	}
	w->jobs_done++;
	error = take_answer(buf, (size_t)len, wopts, out, flow, keep, outcome);
	free(buf);
	if (error < 0 || *outcome != CVET_WORKER_OK)
		give_up(w);
	return error < 0 ? error : 0;
}
