/* cli.h - the command line: subcommands, options, help, exit codes */
#ifndef CVET_ANALYZER_CLI_H
#define CVET_ANALYZER_CLI_H

/* Exit codes of the cvet process. */
#define CVET_EXIT_OK 0       /* nothing at or above --fail-on */
#define CVET_EXIT_FINDINGS 1 /* findings at or above --fail-on */
#define CVET_EXIT_USAGE 2    /* usage or input error (one line on stderr) */

/*
 * Run cvet with the process arguments and return the exit code. Errors are printed here, once,
 * as "cvet: error: ..." on stderr; the caller only passes the code to exit().
 */
int cvet_cli__main(int argc, char **argv);

#endif
