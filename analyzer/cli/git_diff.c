/* git_diff.c - `git diff REV` for --diff-base (see git_diff.h) */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "cvet/common.h"
#include "cli/git_diff.h"

#define MAX_DIFF_BYTES (256u << 20)

extern char **environ;

int cvet_cli__git_diff(const char *dir, const char *rev, char **out, size_t *len)
{
	const char *argv[] = {"git", "-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", "-c", "diff.external=",
			      "-c", "core.pager=cat", "--no-pager", "-C", dir, "diff", "--no-color", "--no-ext-diff",
			      "--no-textconv", "-U0", "-M", "--relative", "--end-of-options", rev, "--", NULL};
	int po[2] = {-1, -1}, pe[2] = {-1, -1}, status = 0, error = 0;
	char err[512] = "", *buf = NULL;
	size_t n = 0, cap = 0, en = 0;
	pid_t pid;

	*out = NULL;
	*len = 0;
	if (!*rev || rev[0] == '-')
		return cvet_error_setc(CVET_EUSAGE, "--diff-base needs a revision, not '%s'", rev);
	for (const char *c = rev; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f)
			return cvet_error_setc(CVET_EUSAGE, "--diff-base: a revision has no control characters");
	if (pipe2(po, O_CLOEXEC) < 0 || pipe2(pe, O_CLOEXEC) < 0) {
		error = cvet_error_setc(CVET_EIO, "cannot run git: %s", strerror(errno));
		goto done;
	}
	fflush(NULL);
	if ((pid = fork()) < 0) {
		error = cvet_error_setc(CVET_EIO, "cannot run git: %s", strerror(errno));
		goto done;
	}
	if (pid == 0) {
		int devnull = open("/dev/null", O_RDONLY);
		if (devnull >= 0)
			dup2(devnull, STDIN_FILENO);
		dup2(po[1], STDOUT_FILENO);
		dup2(pe[1], STDERR_FILENO);
		setenv("GIT_PAGER", "cat", 1);
		unsetenv("GIT_EXTERNAL_DIFF");
		/* cvet-ignore: untrusted-search-path the user's own git on their PATH is what --diff-base promises to run */
		execvp("git", (char *const *)argv);
		fprintf(stderr, "cannot run git: %s\n", strerror(errno));
		_exit(127);
	}
	close(po[1]);
	close(pe[1]);
	po[1] = pe[1] = -1;
	for (int open_fds = 2; open_fds > 0;) {
		struct pollfd pf[2] = {{po[0], POLLIN, 0}, {pe[0], POLLIN, 0}};
		if (poll(pf, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (pf[0].revents && po[0] >= 0) {
			ssize_t k;
			if (n == cap) {
				char *nb;
				if (cap >= MAX_DIFF_BYTES) {
					kill(pid, SIGKILL);
					error = cvet_error_setc(CVET_ELIMIT, "git diff %s is larger than %u MiB", rev, MAX_DIFF_BYTES >> 20);
					break;
				}
				cap = cap ? cap * 2 : 65536;
				if (!(nb = realloc(buf, cap))) {
					kill(pid, SIGKILL);
					error = cvet_error_setc(CVET_ENOMEM, "out of memory");
					break;
				}
				buf = nb;
			}
			if ((k = read(po[0], buf + n, cap - n)) > 0) {
				n += (size_t)k;
			} else if (k == 0 || errno != EINTR) {
				close(po[0]);
				po[0] = -1;
				open_fds--;
			}
		}
		if (pf[1].revents && pe[0] >= 0) {
			char tmp[512];
			ssize_t k = read(pe[0], tmp, sizeof(tmp));
			if (k > 0) {
				size_t take = en + (size_t)k < sizeof(err) - 1 ? (size_t)k : sizeof(err) - 1 - en;
				memcpy(err + en, tmp, take);
				en += take;
				err[en] = '\0';
			} else if (k == 0 || errno != EINTR) {
				close(pe[0]);
				pe[0] = -1;
				open_fds--;
			}
		}
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!error && (!WIFEXITED(status) || WEXITSTATUS(status) != 0)) {
		char *nl = strchr(err, '\n');
		if (nl)
			*nl = '\0';
		error = cvet_error_setc(CVET_EIO, "git diff %s failed%s%s", rev, err[0] ? ": " : "",
					err[0] ? err : "");
	}
	if (!error) {
		*out = buf;
		*len = n;
		buf = NULL;
	}
done:
	for (int i = 0; i < 2; i++) {
		if (po[i] >= 0)
			close(po[i]);
		if (pe[i] >= 0)
			close(pe[i]);
	}
	free(buf);
	return error;
}
