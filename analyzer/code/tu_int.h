/* tu_int.h - the walker's per-translation-unit context, shared by walker.c, tu.c and findings.c only */
#ifndef CVET_CODE_TU_INT_H
#define CVET_CODE_TU_INT_H

#include <stdarg.h>
#include <stddef.h>
#include <clang-c/Index.h>
#include "cvet/report.h"
#include "cvet/rules.h"
#include "code/tu.h"

#define MAX_MESSAGE_BYTES 2048u                  /* finding messages are cut here */
#define MAX_STEPS 64u                            /* dataflow steps kept per finding */
#define MAX_SNIPPET_BYTES 200u                   /* finding snippets are cut here */

/* One file seen by the TU: project decision and paths, cached by CXFile. */
typedef struct file_entry {
	CXFile file;     /* key (libclang's per-TU file handle) */
	int project;     /* 1 when not a system header and under a root */
	char *real;      /* absolute real path (malloc'd), or NULL */
	char *rel;       /* report path (malloc'd), or NULL when not a project file */
	const char *text;/* file bytes, lent by libclang; valid when has_text */
	size_t len;
	int has_text;
	int announced;   /* on_file / on_project_file already called for it */
} file_entry;

struct cvet_check;

struct cvet_tu {
	CXTranslationUnit cx;
	const cvet_walk_options *opts;
	cvet_report *out;
	char *main_rel;            /* report path of the main file (malloc'd) */
	char *directory;           /* working directory (malloc'd), or NULL */
	/* checks */
	const struct cvet_check **checks; /* enabled checks */
	void **states;             /* per-check state, parallel to checks */
	size_t nchecks;
	size_t *kind_start;        /* CSR index: checks wanting kind k are kind_list[kind_start[k]..kind_start[k+1]) */
	size_t *kind_list;
	size_t *call_list, ncall;  /* checks with on_call */
	size_t *fn_list, nfn;      /* checks with on_function_begin or on_function_end */
	/* file cache: open addressing on the CXFile pointer */
	file_entry *files;
	size_t capfiles, nfiles;
	/* walk state */
	CXCursor function;
	const char *function_name;
	int depth_noted;
	int oom;
	/* the flow engine: functions lowered while the TU is alive (the builder lives in walk_main) */
	struct cvet_flow_tu *flow;
	int flow_on;
};

/* ---- helpers of tu.c used by the walker and findings.c ---- */
char *cvet_tu__dup(const char *s);                                  /* malloc'd copy ("" for NULL); NULL on OOM */
/* malloc'd printf; NULL on OOM. Newlines and other control characters become spaces; cut at `max` bytes. */
char *cvet_tu__vformat_line(size_t max, const char *fmt, va_list ap);
char *cvet_tu__format_line(size_t max, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cvet_tu__cut_utf8(char *s, size_t max);                        /* cut at max bytes, never inside a sequence */
char *cvet_tu__join_path(const char *dir, const char *path);        /* malloc'd dir/path (path when absolute) */
/* Report path of an absolute path: relative to opts->report_root when under it, else absolute (malloc'd). */
char *cvet_tu__report_path(const cvet_walk_options *opts, const char *abs);
/* The cache entry for f (created on first use: project decision, paths), or NULL on OOM / a NULL file. */
file_entry *cvet_tu__file_get(cvet_tu *tu, CXFile f);
void cvet_tu__files_free(cvet_tu *tu);
CXFile cvet_tu__expansion_file(CXSourceLocation l, unsigned *line, unsigned *col, unsigned *off); /* or NULL */
/* Location of c in a project file (file location of its extent start, else the expansion location): fills
 * loc (path malloc'd) and returns 1; 0 when neither is in a project file (or on OOM, with tu->oom set). */
int cvet_tu__cursor_location(cvet_tu *tu, CXCursor c, cvet_location *loc);

/* ---- helpers of findings.c used by the walker ---- */
int cvet_findings__is_function_kind(enum CXCursorKind k);
char *cvet_findings__function_name(CXCursor fn); /* "name" or "Class::name", malloc'd; NULL on OOM */
/* A code finding of `rule` owning `message` (freed on failure); not yet added to a report. NULL on OOM. */
cvet_finding *cvet_findings__new(const cvet_rule *rule, char *message);

#endif
