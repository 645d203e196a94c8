/* outputs.h - where reports may go: never onto an input, never two onto one file, never over the scanned sources */
#ifndef CVET_CLI_OUTPUTS_H
#define CVET_CLI_OUTPUTS_H

#include <stddef.h>

/* A file the run reads, and what it is for the message ("the advisory database", "the baseline", ...). */
typedef struct cvet_cli_input {
	const char *path; /* as given; NULL entries are ignored */
	const char *what;
} cvet_cli_input;

/*
 * Check the output files of one run before it starts (paths compared by what they resolve to: the same
 * device and inode, or the same real path; a file that does not exist yet by the real path of its
 * directory plus its name; a symbolic link by both itself and its target). Refused, each with a one-line
 * message and CVET_EUSAGE:
 *   - an output that is one of `inputs`, or one of `paths` that is a file (always, even with `force`);
 *   - two outputs that are the same file (one report would be lost);
 *   - unless `force`: an output inside one of `paths` that is a directory, named like a file the scan
 *     reads there (a source or header, a lockfile or manifest, .cvet.json, compile_commands.json, or
 *     anything under .git). A report of another name inside the tree (report.sarif) is allowed.
 * Outputs that exist and are neither regular files nor directories (/dev/null, a terminal, a FIFO) are
 * written in place and not compared. Returns 0, CVET_EUSAGE or CVET_ENOMEM (message set).
 */
int cvet_cli__check_outputs(const char *const *outputs, size_t noutputs, const cvet_cli_input *inputs,
			    size_t ninputs, const char *const *paths, size_t npaths, int force);

/* What a file of this name is to a scan ("a source file", "a lockfile or manifest", ...), or NULL. */
const char *cvet_cli__scanned_name(const char *name);

#endif
