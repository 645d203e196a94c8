/* config.h - the project configuration file (.cvet.json): rule switches and severities, excludes, fail-on,
 * profile and code location classes */
#ifndef CVET_ANALYZER_CONFIG_H
#define CVET_ANALYZER_CONFIG_H

#include <stddef.h>
#include "cvet/common.h"
#include "cvet/report.h"

#define CVET_CONFIG_NAME ".cvet.json"
#define CVET_CONFIG_MAX_BYTES (1024u * 1024u)

typedef struct cvet_config_rule {
	char *id;      /* owned; a registered rule id */
	int enabled;   /* -1 = not set, 0 = "off", 1 = "on" (or a severity, which implies on) */
	int severity;  /* -1 = default, else a cvet_severity (never CVET_SEV_NONE) */
} cvet_config_rule;

/* One "locations" entry: paths matching `glob` are code of class `cls`. */
typedef struct cvet_config_location {
	char *glob;               /* owned; relative to the report root */
	cvet_location_class cls;
} cvet_config_location;

/* One "models" entry: what a function of the project (a wrapper) or a library does, for the flow rules.
 * Strings are validated words; the flow engine maps them (docs/config.md, "models"). */
typedef struct cvet_config_model {
	char *function;  /* owned: its name ("net_read", "std::getline") */
	char *role;      /* owned: "source", "sink", "propagate", "check" or "noreturn" */
	int arg;         /* the argument it concerns (0-based); -1 = the return value */
	int from;        /* "propagate": the argument the data comes from */
	char *kind;      /* owned, "source": remote, file, stdin, commandline, environment or random; else NULL */
	char *as;        /* owned, "sink"/"check": command, format, path or size; else NULL */
} cvet_config_model;

typedef enum { CVET_PROFILE_DEFAULT = 0, CVET_PROFILE_AUDIT } cvet_profile;

typedef struct cvet_config {
	char *path;                 /* owned: the file it was read from */
	cvet_config_rule *rules;    /* owned, nrules entries, in file order */
	size_t nrules;
	char **exclude;             /* owned glob patterns */
	size_t nexclude;
	int has_fail_on;            /* 1 when "fail_on" was given */
	cvet_severity fail_on;
	int has_profile;            /* 1 when "profile" was given */
	cvet_profile profile;
	int fail_on_all_code;       /* -1 = not set, else the "fail_on_all_code" boolean */
	cvet_config_location *locations; /* owned, nlocations entries, in file order */
	size_t nlocations;
	cvet_config_model *models;  /* owned, nmodels entries, in file order */
	size_t nmodels;
} cvet_config;

/*
 * Read and validate the configuration at `path`. Returns 0 and a config the caller frees with
 * cvet_config__free(), or CVET_EIO (unreadable), CVET_ELIMIT (over 1 MiB) or CVET_EPARSE (malformed
 * JSON, wrong types, unknown rule id, bad severity, unknown profile or location class) with a one-line
 * message naming the file. Keys other than "rules", "exclude", "fail_on", "profile", "fail_on_all_code",
 * "locations" and "models" are left to other modules (e.g. "ignore").
 */
int cvet_config__load(const char *path, cvet_config **out);

/* Read at most `max` bytes of a regular file (never a FIFO or device) into *buf (malloc'd,
 * NUL-terminated); `what` names the file in messages. 0, CVET_EIO, CVET_ELIMIT or CVET_ENOMEM. */
int cvet_config__read_file(const char *path, const char *what, size_t max, char **buf, size_t *len);
void cvet_config__free(cvet_config *c);

/* "default" or "audit" -> *out; 0, or CVET_EUSAGE without a message (callers word it). */
int cvet_config__profile_parse(const char *name, cvet_profile *out);

#endif
