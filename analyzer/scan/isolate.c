/* isolate.c - worker processes for translation units (see isolate.h)
 *
 * The protocol, over one AF_UNIX stream socket per worker (both ends are this same program):
 *   scanner -> worker: u32 length, then: u32 JOB_MAGIC, str file, str directory, u32 nargs, str args...
 *   worker -> scanner: u64 length, then: u32 RESULT_MAGIC, u32 status (0, or a negative CVET_E*), str message,
 *                      the report (report/report_wire.c), u32 nfiles, str files..., the flow program
 *                      (flow/serial.c)
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
#include "common/wire.h"
#include "report/report_wire.h"
#include "scan/isolate.h"

#define JOB_MAGIC 0x31424f4au    /* "JOB1" */
#define RESULT_MAGIC 0x31544c52u /* "RLT1" */
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
} collected;

static void collect_file(void *ud, const char *path)
{
	collected *c = ud;
	if (path && !cvet_strv__contains(&c->files, path) && cvet_strv__push(&c->files, path) < 0)
		c->oom = 1;
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

/* Analyse one job message and encode the answer into w. */
static void serve(CXIndex index, cvet_rbuf *r, const cvet_walk_options *wopts, const cvet_worker_limits *lim,
		  cvet_wbuf *w)
{
	char *file = NULL, *dir = NULL, **args = NULL;
	uint32_t nargs = 0;
	int oom = 0, rc = 0;
	cvet_report *rep = NULL;
	cvet_flow *fl = NULL;
	collected col = {{0}, 0};
	cvet_walk_options wo = *wopts;

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
	if (r->bad || !file || oom) {
		rc = oom ? CVET_ENOMEM : CVET_EPARSE;
		cvet_error_setc(rc, "the worker received a malformed job");
		goto answer;
	}
	if (cvet_report_new(&rep) < 0 || (wopts->flow && cvet_flow_new(&fl) < 0)) {
		rc = cvet_error_setc(CVET_ENOMEM, "out of memory");
		goto answer;
	}
	wo.flow = fl;
	wo.on_project_file = collect_file;
	wo.ud = &col;
	set_limits(lim);
	rc = cvet__walk_file(index, file, (const char *const *)args, (int)nargs, dir, &wo, rep);
	if (rc == 0 && col.oom)
		rc = cvet_error_setc(CVET_ENOMEM, "out of memory");
answer:
	cvet_wbuf__u32(w, RESULT_MAGIC);
	cvet_wbuf__u32(w, (uint32_t)rc);
	cvet_wbuf__str(w, rc < 0 ? cvet_error_last() : "");
	if (rc == 0) {
		cvet_report__encode(rep, w);
		cvet_wbuf__u32(w, (uint32_t)col.files.n);
		for (size_t i = 0; i < col.files.n; i++)
			cvet_wbuf__str(w, col.files.v[i]);
		cvet_wbuf__u32(w, fl ? 1 : 0);
		if (fl)
			cvet_flow__encode(fl, w);
	}
	cvet_report_free(rep);
	cvet_flow_free(fl);
	cvet_strv__clear(&col.files);
	for (uint32_t i = 0; args && i < nargs; i++)
		free(args[i]);
	free(args);
	free(file);
	free(dir);
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

static int send_job(cvet_worker *w, const cvet_job *job)
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

/* Decode a whole answer and merge it. */
static int take_answer(const unsigned char *p, size_t n, const cvet_walk_options *wopts, cvet_report *out,
		       cvet_flow *flow, cvet_worker_outcome *outcome)
{
	cvet_rbuf r = {p, n, 0, 0};
	cvet_report *tmp = NULL;
	cvet_flow_tu ft;
	cvet_strv files = {0};
	int32_t status;
	char *msg = NULL;
	int oom = 0, error = 0, have_flow = 0;

	memset(&ft, 0, sizeof(ft));
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
	if ((error = cvet_report_new(&tmp)) < 0)
		return error;
	if (!r.bad && (error = cvet_report__decode(&r, tmp)) == CVET_ENOMEM)
		goto done;
	{
		uint32_t nf = cvet_rbuf__count(&r, 4);
		for (uint32_t i = 0; i < nf && !r.bad; i++) {
			char *s = cvet_rbuf__str(&r, &oom);
			if (!s || cvet_strv__take(&files, s) < 0)
				r.bad = 1;
		}
	}
	have_flow = (int)cvet_rbuf__u32(&r);
	if (!r.bad && have_flow && flow && (error = cvet_flow__decode(&r, flow, &ft)) == CVET_ENOMEM)
		goto done;
	if (error == CVET_EPARSE || r.bad || oom || r.at != r.n || (have_flow && !flow)) {
		cvet_flow__tu_discard(&ft);
		*outcome = CVET_WORKER_BAD;
		error = oom ? CVET_ENOMEM : 0;
		goto done;
	}
	if (have_flow && (error = cvet_flow__tu_finish(&ft)) < 0)
		goto done;
	if ((error = cvet_report_merge(out, tmp)) < 0)
		goto done;
	for (size_t i = 0; wopts->on_project_file && i < files.n; i++)
		wopts->on_project_file(wopts->ud, files.v[i]);
	*outcome = CVET_WORKER_OK;
done:
	cvet_report_free(tmp);
	cvet_strv__clear(&files);
	if (error == CVET_ENOMEM)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	return error < 0 ? error : 0;
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
		     cvet_flow *flow, cvet_worker_outcome *outcome)
{
	uint64_t len = 0;
	unsigned char *buf = NULL;
	int error = 0, sent;

	*outcome = CVET_WORKER_DIED;
	if (w->pid <= 0 || w->failed) {
		*outcome = CVET_WORKER_GONE;
		return 0;
	}
	if ((sent = send_job(w, job)) < 0)
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
	error = take_answer(buf, (size_t)len, wopts, out, flow, outcome);
	free(buf);
	if (error < 0 || *outcome != CVET_WORKER_OK)
		give_up(w);
	return error < 0 ? error : 0;
}
