/* copy-size-overflow.c - flags copies/reads whose constant size exceeds the destination array (CWE-119, CWE-787) */
#include <stdlib.h>
#include "code/check.h"
#include "code/cx.h"
#include "lib/calls.h"
#include "lib/buffers.h"
#include "lib/text.h"

extern const cvet_check cvet_check_copy_size_overflow;

/* {name, destination argument, size argument, second factor (fread's nmemb) or -1, 1 when the size counts
 * elements of the destination (wide functions) rather than bytes}. */
static const struct {
	const char *name;
	unsigned dst;
	unsigned size;
	int factor;
	int elements;
} sized_fns[] = {
	{"memcpy", 0, 2, -1, 0}, {"memmove", 0, 2, -1, 0}, {"memset", 0, 2, -1, 0}, {"mempcpy", 0, 2, -1, 0},
	{"memccpy", 0, 3, -1, 0}, {"bzero", 0, 1, -1, 0}, {"explicit_bzero", 0, 1, -1, 0},
	{"strncpy", 0, 2, -1, 0}, {"stpncpy", 0, 2, -1, 0}, {"strlcpy", 0, 2, -1, 0}, {"strlcat", 0, 2, -1, 0},
	{"fgets", 0, 1, -1, 0}, {"snprintf", 0, 1, -1, 0}, {"vsnprintf", 0, 1, -1, 0},
	{"read", 1, 2, -1, 0}, {"pread", 1, 2, -1, 0}, {"recv", 1, 2, -1, 0}, {"recvfrom", 1, 2, -1, 0},
	{"fread", 0, 1, 2, 0}, {"getcwd", 0, 1, -1, 0}, {"readlink", 1, 2, -1, 0}, {"gethostname", 0, 1, -1, 0},
	{"strftime", 0, 1, -1, 0}, {"wmemcpy", 0, 2, -1, 1}, {"wmemmove", 0, 2, -1, 1}, {"wmemset", 0, 2, -1, 1},
	{"wcsncpy", 0, 2, -1, 1}, {"fgetws", 0, 1, -1, 1}, {"swprintf", 0, 1, -1, 1}, {"vswprintf", 0, 1, -1, 1},
	{"__builtin___snprintf_chk", 0, 1, -1, 0}, {"__builtin___vsnprintf_chk", 0, 1, -1, 0},
	{"__snprintf_chk", 0, 1, -1, 0}, {"__vsnprintf_chk", 0, 1, -1, 0}, {"__builtin___memcpy_chk", 0, 2, -1, 0},
	{"__builtin___memmove_chk", 0, 2, -1, 0}, {"__builtin___memset_chk", 0, 2, -1, 0},
	{"__builtin___strncpy_chk", 0, 2, -1, 0},
};

/* Visitor: stops at an offsetof() (libclang shows it as an expression holding a reference to the member;
 * nothing else in a size expression holds a bare member reference). */
static int is_offsetof(CXCursor c, CXCursor parent, void *ud)
{
	(void)parent;
	(void)ud;
	return c.kind == CXCursor_MemberRef;
}

/*
 * 1 when the destination is a member of a record (&s->t, s.buf) and the size is computed from the record's
 * layout (offsetof(T, last) + sizeof(s->last) - offsetof(T, t)) to span that member and the ones after it,
 * within the record: a deliberate write over several members, not past the object.
 */
static int spans_members(CXCursor dst, CXCursor size, long long n)
{
	CXCursor d = cx_strip_casts(dst), m;
	CXType rec;
	long long off, total;
	if (d.kind == CXCursor_UnaryOperator && cx_unop(d) == CXUnaryOperator_AddrOf)
		d = cx_strip_casts(cx_child(d, 0));
	if (d.kind != CXCursor_MemberRefExpr || cx_is_null(m = clang_getCursorReferenced(d)) ||
	    m.kind != CXCursor_FieldDecl)
		return 0;
	if (!cx_each_descendant(cx_strip_casts(size), is_offsetof, NULL))
		return 0;
	rec = clang_getCursorType(clang_getCursorSemanticParent(m));
	off = clang_Cursor_getOffsetOfField(m);
	total = clang_Type_getSizeOf(rec);
	return off >= 0 && off % 8 == 0 && total > 0 && off / 8 + n <= total;
}

static void on_call(cvet_tu *tu, void *state, const cvet_event *ev)
{
	int row = cvet_calls__find_row(ev->call->name, sized_fns, sizeof sized_fns / sizeof sized_fns[0],
					 sizeof sized_fns[0]);
	long long room, elem, n, k = 1, cap;
	char *dest, shown[64];
	(void)state;
	if (row < 0 || !cvet_calls__is_libc(ev) || ev->call->nargs <= sized_fns[row].size ||
	    ev->call->nargs <= sized_fns[row].dst)
		return;
	if (!cvet_buffers__dest_room(ev->call->args[sized_fns[row].dst], &room, &elem))
		return;
	if (!cx_int_const(ev->call->args[sized_fns[row].size], &n) || n < 0)
		return;
	if (sized_fns[row].factor >= 0) {
		if (!cx_int_const(cvet_calls__arg(ev, (unsigned)sized_fns[row].factor), &k) || k < 0)
			return;
		if (k && n > (1LL << 40) / k)
			return;
		n *= k;
	}
	cap = sized_fns[row].elements ? room / elem : room;
	if (n <= cap || spans_members(ev->call->args[sized_fns[row].dst], ev->call->args[sized_fns[row].size], n))
		return;
	dest = cvet_text__short(tu, ev->call->args[sized_fns[row].dst]);
	cvet_tu_report(tu, &cvet_check_copy_size_overflow, ev->call->expr,
		       "'%s' may write %lld %s into '%s', which has room for %lld; use the destination's size",
		       cvet_calls__display_name(ev->call->name, shown, sizeof shown), n,
		       sized_fns[row].elements ? "elements" : "bytes", dest ? dest : "buffer", cap);
	free(dest);
}

const cvet_check cvet_check_copy_size_overflow = {
	.rule = {.id = "copy-size-overflow",
		 .title = "Constant copy size larger than the destination buffer",
		 .severity = CVET_SEV_HIGH,
		 .cwe = {119, 787},
		 .precision = CVET_PRECISION_VERY_HIGH},
	.on_call = on_call,
};
