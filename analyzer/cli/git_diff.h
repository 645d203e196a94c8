/* git_diff.h - the user's git, asked for the diff of the working tree against a revision (--diff-base) */
#ifndef CVET_CLI_GIT_DIFF_H
#define CVET_CLI_GIT_DIFF_H

#include <stddef.h>

/*
 * Run `git diff` of the tree at `dir` against `rev` (zero context, renames followed, paths relative to dir)
 * and return its output (*out malloc'd, *len bytes). git is the user's (found on PATH), run with the
 * repository's hooks, fsmonitor, external diff and textconv drivers switched off, so that nothing the
 * scanned repository configures runs. A revision that starts with '-' or holds control characters is refused.
 * 0, or CVET_EUSAGE / CVET_EIO / CVET_ELIMIT / CVET_ENOMEM with a one-line message (git's first error line).
 */
int cvet_cli__git_diff(const char *dir, const char *rev, char **out, size_t *len);

#endif
