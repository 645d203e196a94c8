/* world-writable-permissions.c - files, directories and FIFOs created or chmod'ed writable by every user (CWE-732) */
#include <stdlib.h>
#include <string.h>
#include "code/check.h"
#include "code/cx.h"
#include "lib/calls.h"

extern const cvet_check cvet_check_world_writable_permissions;

#define OTH_WRITE 02LL   /* S_IWOTH */
#define STICKY 01000LL   /* S_ISVTX */
#define LINUX_O_CREAT 0100LL
#define LINUX_O_TMPFILE 020000000LL

typedef struct mode_api {
	const char *name;
	unsigned nargs_min; /* fewest arguments the API takes (open's mode is optional) */
	int mode_arg;       /* index of the mode argument */
	int flags_arg;      /* index of open's flags argument (mode only matters with O_CREAT), or -1 */
	int dir;            /* 1 for directory APIs: sticky world-writable directories (like /tmp) are deliberate */
	int creates;        /* 1 when the umask filters the mode (creation), 0 for chmod-style calls */
	const char *what;   /* what the call creates or changes */
} mode_api;

static const mode_api apis[] = {
	{"open", 3, 2, 1, 0, 1, "creates the file"},
	{"open64", 3, 2, 1, 0, 1, "creates the file"},
	{"openat", 4, 3, 2, 0, 1, "creates the file"},
	{"openat64", 4, 3, 2, 0, 1, "creates the file"},
	{"creat", 2, 1, -1, 0, 1, "creates the file"},
	{"creat64", 2, 1, -1, 0, 1, "creates the file"},
	{"mkdir", 2, 1, -1, 1, 1, "creates the directory"},
	{"mkdirat", 3, 2, -1, 1, 1, "creates the directory"},
	{"mkfifo", 2, 1, -1, 0, 1, "creates the FIFO"},
	{"mkfifoat", 3, 2, -1, 0, 1, "creates the FIFO"},
	{"mknod", 3, 1, -1, 0, 1, "creates the node"},
	{"mknodat", 4, 2, -1, 0, 1, "creates the node"},
	{"chmod", 2, 1, -1, 1, 0, "makes the file"},
	{"fchmod", 2, 1, -1, 1, 0, "makes the file"},
	{"fchmodat", 3, 2, -1, 1, 0, "makes the file"},
	{"lchmod", 2, 1, -1, 1, 0, "makes the file"},
};

/* 1 when open flags create a file: O_CREAT or O_TMPFILE (Linux values; other systems use the same O_CREAT
 * bit on glibc/musl targets this runs on). */
static int flag_has_create(long long flags)
{
	return (flags & LINUX_O_CREAT) || (flags & LINUX_O_TMPFILE) == LINUX_O_TMPFILE;
}

/* Finding the variable a umask call's result goes to, and a later umask call that hands it back. */
typedef struct restore_walk {
	CXCursor call; /* the umask(0) call */
	CXCursor var;  /* the variable that receives its result */
} restore_walk;

/* Visitor: stops at `v = <call>` or `T v = <call>`, noting v. */
static int find_receiver(CXCursor c, CXCursor parent, void *ud)
{
	restore_walk *w = ud;
	CXCursor value, lhs;
	(void)parent;
	if (c.kind == CXCursor_VarDecl) {
		value = clang_Cursor_getVarDeclInitializer(c);
		if (!cx_is_null(value) && clang_equalCursors(cx_strip_casts(value), w->call)) {
			w->var = c;
			return 1;
		}
	} else if (c.kind == CXCursor_BinaryOperator && cx_binop(c) == CX_BO_Assign &&
		   clang_equalCursors(cx_strip_casts(cx_child(c, 1)), w->call)) {
		lhs = cx_strip_casts(cx_child(c, 0));
		if (lhs.kind == CXCursor_DeclRefExpr) {
			w->var = clang_getCursorReferenced(lhs);
			return 1;
		}
	}
	return 0;
}

/* Visitor: stops at a reference to the variable *ud. */
static int mentions_var(CXCursor c, CXCursor parent, void *ud)
{
	(void)parent;
	return c.kind == CXCursor_DeclRefExpr && clang_equalCursors(clang_getCursorReferenced(c), *(CXCursor *)ud);
}

/* Visitor: stops at a umask call (other than the first) whose argument mentions the saved mask. */
static int finds_restore(CXCursor c, CXCursor parent, void *ud)
{
	restore_walk *w = ud;
	char *name;
	int yes;
	(void)parent;
	if (c.kind != CXCursor_CallExpr || clang_equalCursors(c, w->call) || cx_child_count(c) != 2)
		return 0;
	name = cx_spelling(c);
	yes = name && strcmp(name, "umask") == 0;
	free(name);
	if (!yes)
		return 0;
	return mentions_var(cx_child(c, 1), c, &w->var) || cx_each_descendant(cx_child(c, 1), mentions_var, &w->var);
}

/* 1 when `old = umask(0)` only reads the mask: the function sets it back with a umask call built from old. */
static int reads_and_restores(const cvet_event *ev)
{
	restore_walk w;
	w.call = ev->call->expr;
	w.var = clang_getNullCursor();
	if (cx_is_null(ev->function) || !cx_each_descendant(ev->function, find_receiver, &w))
		return 0;
	return cx_each_descendant(ev->function, finds_restore, &w);
}

static void on_call(cvet_tu *tu, void *state, const cvet_event *ev)
{
	const char *name = ev->call->name;
	long long mode;
	(void)state;
	if (strcmp(name, "umask") == 0) {
		if (ev->call->nargs != 1 || !cvet_calls__is_c_api(ev) || !cvet_calls__arg_int(ev, 0, &mode))
			return;
		if (mode < 0 || (mode & OTH_WRITE) || reads_and_restores(ev))
			return;
		cvet_tu_report(tu, &cvet_check_world_writable_permissions, ev->call->expr,
			       "'umask(%#llo)' lets files created with the usual 0666/0777 modes be world-writable; "
			       "keep the other-write bit masked (e.g. umask(022) or umask(077))",
			       mode & 07777);
		return;
	}
	for (size_t i = 0; i < sizeof(apis) / sizeof(apis[0]); i++) {
		const mode_api *a = &apis[i];
		if (strcmp(name, a->name) != 0)
			continue;
		if (ev->call->nargs < a->nargs_min || !cvet_calls__is_c_api(ev))
			return;
		if (a->flags_arg >= 0) {
			long long flags;
			if (!cvet_calls__arg_int(ev, (unsigned)a->flags_arg, &flags) || !flag_has_create(flags))
				return;
		}
		if (!cvet_calls__arg_int(ev, (unsigned)a->mode_arg, &mode) || mode < 0 || !(mode & OTH_WRITE))
			return;
		if (a->dir && (mode & STICKY))
			return; /* a shared sticky directory such as /tmp is world-writable on purpose */
		if (a->creates && ((mode & 07777) == 0666 || (mode & 07777) == 0777))
			return; /* the conventional "let the umask decide" modes (what fopen and mkdir -p use) */
		cvet_tu_report(tu, &cvet_check_world_writable_permissions, cvet_calls__arg(ev, (unsigned)a->mode_arg),
			       "'%s' %s world-writable (mode 0%llo); remove the write bit for others "
			       "(e.g. 0%llo)",
			       name, a->what, mode & 07777, (mode & 07777) & ~022LL);
		return;
	}
}

const cvet_check cvet_check_world_writable_permissions = {
	.rule = {.id = "world-writable-permissions",
		 .title = "File or directory created or changed to be world-writable",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {732, 276},
		 .precision = CVET_PRECISION_HIGH},
	.on_call = on_call,
};
