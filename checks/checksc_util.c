/* checksc_util.c - helpers shared by the memory checks of group C: flattened bodies, libc calls, lvalues */
#include <stdlib.h>
#include <string.h>
#include "checksc_util.h"
#include "code/cx.h"
#include "code/cx_text.h"

#define MAX_NODES 200000u /* per function body: beyond this the rest is not analysed */
#define MAX_DEPTH 1000u   /* nesting kept per body */

/* ---- flattening ---- */

int cvet_checksc__same_cursor(CXCursor a, CXCursor b)
{
	/* both tests below need equal kinds; identical fields are equal cursors (cheap paths for flat_visit) */
	if (a.kind != b.kind)
		return 0;
	if (a.data[0] == b.data[0] && a.data[1] == b.data[1] && a.data[2] == b.data[2])
		return 1;
	if (clang_equalCursors(a, b))
		return 1;
	/* clang_equalCursors also compares the parent declaration libclang remembers for an expression, which
	 * depends on how the cursor was reached (a cursor's children found through cx_child lack it). The
	 * statement itself (data[1]) in the same translation unit (data[2]) identifies it. */
	return a.kind == b.kind && (clang_isExpression(a.kind) || clang_isStatement(a.kind)) && a.data[1] &&
	       a.data[1] == b.data[1] && a.data[2] == b.data[2];
}

static int push_node(cvet_checksc_flat *f, CXCursor c, int parent)
{
	if (f->n == f->cap) {
		size_t ncap = f->cap ? f->cap * 2 : 256;
		cvet_checksc_node *v = realloc(f->v, ncap * sizeof(*v));
		if (!v) {
			f->oom = 1;
			return -1;
		}
		f->v = v;
		f->cap = ncap;
	}
	f->v[f->n].c = c;
	f->v[f->n].parent = parent;
	f->v[f->n].ord = parent >= 0 ? f->v[parent].nkids++ : 0;
	f->v[f->n].nkids = 0;
	f->v[f->n].end = (int)f->n + 1;
	return (int)f->n++;
}

static int push_stack(cvet_checksc_flat *f, int idx)
{
	if (f->sn == f->scap) {
		size_t ncap = f->scap ? f->scap * 2 : 64;
		int *s = realloc(f->stack, ncap * sizeof(*s));
		if (!s) {
			f->oom = 1;
			return -1;
		}
		f->stack = s;
		f->scap = ncap;
	}
	f->stack[f->sn++] = idx;
	return 0;
}

/* Cursors whose bodies belong to another analysis unit. */
static int is_nested_unit(enum CXCursorKind k)
{
	switch (k) {
	case CXCursor_FunctionDecl:
	case CXCursor_CXXMethod:
	case CXCursor_Constructor:
	case CXCursor_Destructor:
	case CXCursor_FunctionTemplate:
	case CXCursor_ConversionFunction:
	case CXCursor_ClassDecl:
	case CXCursor_StructDecl:
	case CXCursor_UnionDecl:
	case CXCursor_ClassTemplate:
	case CXCursor_LambdaExpr:
	case CXCursor_BlockExpr:
		return 1;
	default:
		return 0;
	}
}

static enum CXChildVisitResult flat_visit(CXCursor c, CXCursor parent, CXClientData data)
{
	cvet_checksc_flat *f = data;
	int idx;
	/* the stack holds the path from the root; unwind to the parent of c */
	while (f->sn > 1 && !cvet_checksc__same_cursor(f->v[f->stack[f->sn - 1]].c, parent))
		f->sn--;
	if (f->n >= MAX_NODES) {
		f->truncated = 1;
		return CXChildVisit_Break;
	}
	if (is_nested_unit(c.kind))
		return CXChildVisit_Continue;
	idx = push_node(f, c, f->sn ? f->stack[f->sn - 1] : 0);
	if (idx < 0)
		return CXChildVisit_Break;
	if (f->sn >= MAX_DEPTH) {
		f->truncated = 1;
		return CXChildVisit_Continue;
	}
	if (push_stack(f, idx) < 0)
		return CXChildVisit_Break;
	return CXChildVisit_Recurse;
}

int cvet_checksc__flatten(CXCursor root, cvet_checksc_flat *f)
{
	f->n = 0;
	f->sn = 0;
	f->truncated = 0;
	f->oom = 0;
	if (cx_is_null(root))
		return 0;
	if (push_node(f, root, -1) < 0 || push_stack(f, 0) < 0)
		return CVET_ENOMEM;
	clang_visitChildren(root, flat_visit, f);
	/* subtree ends: children come after their parent, so one backward pass settles them */
	for (size_t i = f->n; i-- > 1;) {
		int p = f->v[i].parent;
		if (p >= 0 && f->v[i].end > f->v[p].end)
			f->v[p].end = f->v[i].end;
	}
	return f->oom ? CVET_ENOMEM : 0;
}

void cvet_checksc__flat_free(cvet_checksc_flat *f)
{
	if (!f)
		return;
	free(f->v);
	free(f->stack);
	memset(f, 0, sizeof(*f));
}

int cvet_checksc__is_wrapper(CXCursor c)
{
	switch (c.kind) {
	case CXCursor_ParenExpr:
	case CXCursor_CStyleCastExpr:
	case CXCursor_CXXStaticCastExpr:
	case CXCursor_CXXReinterpretCastExpr:
	case CXCursor_CXXConstCastExpr:
	case CXCursor_CXXFunctionalCastExpr:
		return 1;
	case CXCursor_UnexposedExpr:
		return cx_child_count(c) == 1;
	default:
		return 0;
	}
}

int cvet_checksc__up(const cvet_checksc_flat *f, int i, int *child)
{
	int below = i;
	if (i < 0 || (size_t)i >= f->n)
		return -1;
	i = f->v[i].parent;
	while (i >= 0 && cvet_checksc__is_wrapper(f->v[i].c)) {
		below = i;
		i = f->v[i].parent;
	}
	if (child)
		*child = below;
	return i;
}

int cvet_checksc__within(const cvet_checksc_flat *f, int i, int j)
{
	if (i < 0 || j < 0 || (size_t)i >= f->n)
		return 0;
	return j >= i && j < f->v[i].end;
}

int cvet_checksc__mentions_at(const cvet_checksc_flat *f, int i, CXCursor ref)
{
	if (i < 0 || (size_t)i >= f->n)
		return 0;
	for (int j = i; j < f->v[i].end; j++) {
		CXCursor c = f->v[j].c;
		if ((c.kind == CXCursor_DeclRefExpr || c.kind == CXCursor_MemberRefExpr) && cx_same_ref(c, ref))
			return 1;
	}
	return 0;
}

int cvet_checksc__find(const cvet_checksc_flat *f, CXCursor c, int from)
{
	for (size_t k = from < 0 ? 0 : (size_t)from; k < f->n; k++)
		if (cvet_checksc__same_cursor(f->v[k].c, c))
			return (int)k;
	return -1;
}

int cvet_checksc__refers_to(const cvet_checksc_flat *f, int i, CXCursor decl)
{
	CXCursor s;
	if (i < 0 || (size_t)i >= f->n)
		return 0;
	s = cx_strip_casts(f->v[i].c);
	return s.kind == CXCursor_DeclRefExpr && clang_equalCursors(clang_getCursorReferenced(s), decl);
}

/* How node i changes `decl`: 0 not at all, 1 plain write (*value set), 2 some other change. */
static int write_kind(const cvet_checksc_flat *f, int i, CXCursor decl, CXCursor *value)
{
	CXCursor c = f->v[i].c;
	unsigned n;
	switch (c.kind) {
	case CXCursor_VarDecl:
		if (!clang_equalCursors(c, decl))
			return 0;
		n = f->v[i].nkids;
		if (!n)
			return 0;
		*value = cx_child(c, n - 1);
		return clang_isExpression(value->kind) ? 1 : 0;
	case CXCursor_BinaryOperator:
		if (cx_binop(c) != CX_BO_Assign || f->v[i].nkids != 2 || !cvet_checksc__refers_to(f, i + 1, decl))
			return 0;
		*value = cx_child(c, 1);
		return 1;
	case CXCursor_CompoundAssignOperator:
		return cvet_checksc__refers_to(f, i + 1, decl) ? 2 : 0;
	case CXCursor_UnaryOperator:
		switch (cx_unop(c)) {
		case CXUnaryOperator_PostInc:
		case CXUnaryOperator_PostDec:
		case CXUnaryOperator_PreInc:
		case CXUnaryOperator_PreDec:
		case CXUnaryOperator_AddrOf:
			return (size_t)i + 1 < f->n && f->v[i + 1].parent == i &&
					       cvet_checksc__refers_to(f, i + 1, decl)
				       ? 2
				       : 0;
		default:
			return 0;
		}
	default:
		return 0;
	}
}

int cvet_checksc__last_write(const cvet_checksc_flat *f, CXCursor decl, int before, CXCursor *value)
{
	if (before > (int)f->n)
		before = (int)f->n;
	for (int j = before - 1; j > 0; j--) {
		int k = write_kind(f, j, decl, value);
		if (k == 1)
			return j;
		if (k == 2)
			return -1;
	}
	return -1;
}

int cvet_checksc__all_writes(const cvet_checksc_flat *f, CXCursor decl, int (*ok)(CXCursor value, void *ud),
			     void *ud)
{
	int seen = 0;
	for (size_t j = 1; j < f->n; j++) {
		CXCursor v;
		int k = write_kind(f, (int)j, decl, &v);
		if (k == 2 || (k == 1 && !ok(v, ud)))
			return 0;
		seen += k == 1;
	}
	return seen > 0;
}

void cvet_checksc__errors_free(cvet_checksc_errors *e)
{
	if (!e)
		return;
	free(e->files);
	free(e->offs);
	memset(e, 0, sizeof(*e));
}

void cvet_checksc__errors_load(cvet_tu *tu, cvet_checksc_errors *e)
{
	CXTranslationUnit ctu = cvet_tu_cx(tu);
	unsigned n;
	cvet_checksc__errors_free(e);
	if (!ctu)
		return;
	n = clang_getNumDiagnostics(ctu);
	for (unsigned i = 0; i < n && !e->fatal; i++) {
		CXDiagnostic d = clang_getDiagnostic(ctu, i);
		enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
		if (sev == CXDiagnostic_Fatal) {
			e->fatal = 1;
		} else if (sev == CXDiagnostic_Error) {
			if (!e->files) {
				e->files = malloc(4096 * sizeof(*e->files));
				e->offs = malloc(4096 * sizeof(*e->offs));
			}
			if (!e->files || !e->offs || e->n >= 4096) {
				e->fatal = 1;
			} else {
				CXFile f = NULL;
				unsigned off = 0;
				clang_getExpansionLocation(clang_getDiagnosticLocation(d), &f, NULL, NULL, &off);
				e->files[e->n] = f;
				e->offs[e->n++] = off;
			}
		}
		clang_disposeDiagnostic(d);
	}
}

int cvet_checksc__body_unreliable(const cvet_checksc_errors *e, CXCursor fn)
{
	CXSourceRange r;
	CXFile ff = NULL;
	unsigned fb = 0, fe = 0;
	if (e->fatal)
		return 1;
	if (!e->n)
		return 0;
	r = clang_getCursorExtent(fn);
	clang_getExpansionLocation(clang_getRangeStart(r), &ff, NULL, NULL, &fb);
	clang_getExpansionLocation(clang_getRangeEnd(r), NULL, NULL, NULL, &fe);
	for (size_t i = 0; i < e->n; i++)
		if (e->files[i] && ff && clang_File_isEqual(e->files[i], ff) && e->offs[i] >= fb && e->offs[i] <= fe)
			return 1;
	return 0;
}

/* ---- calls ---- */

char *cvet_checksc__callee_name(CXCursor call)
{
	CXCursor callee;
	if (call.kind != CXCursor_CallExpr)
		return NULL;
	callee = clang_getCursorReferenced(call);
	if (!cx_is_null(callee)) {
		if (callee.kind != CXCursor_FunctionDecl && callee.kind != CXCursor_FunctionTemplate)
			return NULL;
		return cx_spelling(callee);
	}
	/* implicit or unresolved declaration: the written name */
	return cx_spelling(call);
}

int cvet_checksc__is_libc(CXCursor callee)
{
	CXCursor p;
	if (cx_is_null(callee))
		return 1;
	if (callee.kind != CXCursor_FunctionDecl)
		return 0;
	p = clang_getCursorSemanticParent(callee);
	if (cx_is_null(p) || p.kind == CXCursor_TranslationUnit || p.kind == CXCursor_LinkageSpec)
		return 1;
	if (p.kind == CXCursor_Namespace) {
		char *ns = cx_spelling(p);
		int std = ns && strcmp(ns, "std") == 0;
		free(ns);
		return std;
	}
	return 0;
}

int cvet_checksc__call_in(CXCursor e, const char *const *names)
{
	CXCursor c = cx_strip_casts(e);
	char *name;
	int found = -1;
	if (c.kind != CXCursor_CallExpr)
		return -1;
	name = cvet_checksc__callee_name(c);
	if (!name)
		return -1;
	for (int i = 0; names[i]; i++)
		if (strcmp(names[i], name) == 0) {
			found = i;
			break;
		}
	free(name);
	if (found >= 0 && !cvet_checksc__is_libc(clang_getCursorReferenced(c)))
		found = -1;
	return found;
}

CXCursor cvet_checksc__arg(CXCursor call, unsigned i)
{
	int n;
	if (call.kind != CXCursor_CallExpr)
		return clang_getNullCursor();
	n = clang_Cursor_getNumArguments(call);
	if (n < 0 || i >= (unsigned)n)
		return clang_getNullCursor();
	return clang_Cursor_getArgument(call, i);
}

/* ---- declarations ---- */

int cvet_checksc__is_auto_local(CXCursor decl)
{
	if (decl.kind != CXCursor_VarDecl)
		return 0;
	if (clang_Cursor_hasVarDeclGlobalStorage(decl) == 1 || clang_Cursor_hasVarDeclExternalStorage(decl) == 1)
		return 0;
	if (clang_getCursorTLSKind(decl) != CXTLS_None)
		return 0;
	return 1;
}

int cvet_checksc__is_array_decl(CXCursor decl)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(decl));
	return t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray || t.kind == CXType_VariableArray ||
	       t.kind == CXType_DependentSizedArray;
}

int cvet_checksc__is_pointer_type(CXType t)
{
	return clang_getCanonicalType(t).kind == CXType_Pointer;
}

/* ---- storage ---- */

int cvet_checksc__is_dependent(CXCursor e)
{
	enum CXTypeKind k = clang_getCanonicalType(clang_getCursorType(e)).kind;
	return k == CXType_Dependent || k == CXType_Unexposed || k == CXType_Invalid;
}

int cvet_checksc__is_array_type(CXType t)
{
	CXType c = clang_getCanonicalType(t);
	return c.kind == CXType_ConstantArray || c.kind == CXType_IncompleteArray || c.kind == CXType_VariableArray;
}

int cvet_checksc__is_reference_type(CXType t)
{
	CXType c = clang_getCanonicalType(t);
	return c.kind == CXType_LValueReference || c.kind == CXType_RValueReference;
}

/*
 * The variable or parameter whose own storage an lvalue expression denotes (x, x.f, x.a[2], arr[i] for
 * an array arr), or a null cursor when the storage may be elsewhere (through a pointer, a reference,
 * a call).
 */
static CXCursor storage_owner_depth(CXCursor e, unsigned depth)
{
	CXCursor s = cx_strip_casts(e), d, base;
	if (depth > 32 || cx_is_null(s) || cvet_checksc__is_dependent(e))
		return clang_getNullCursor();
	switch (s.kind) {
	case CXCursor_DeclRefExpr:
		d = clang_getCursorReferenced(s);
		if (d.kind != CXCursor_VarDecl && d.kind != CXCursor_ParmDecl)
			return clang_getNullCursor();
		if (cvet_checksc__is_reference_type(clang_getCursorType(d)))
			return clang_getNullCursor();
		/* a parameter written as an array is a pointer (libclang reports the written type) */
		if (d.kind == CXCursor_ParmDecl && cvet_checksc__is_array_type(clang_getCursorType(d)))
			return clang_getNullCursor();
		return d;
	case CXCursor_MemberRefExpr:
		if (cx_child_count(s) != 1)
			return clang_getNullCursor(); /* implicit this-> */
		base = cx_child(s, 0);
		if (cvet_checksc__is_pointer_type(clang_getCursorType(cx_strip(base))))
			return clang_getNullCursor(); /* p->f: wherever p points */
		return storage_owner_depth(base, depth + 1);
	case CXCursor_ArraySubscriptExpr:
		base = cx_strip(cx_child(s, 0));
		if (!cvet_checksc__is_array_type(clang_getCursorType(base)))
			return clang_getNullCursor();
		return storage_owner_depth(base, depth + 1);
	default:
		return clang_getNullCursor();
	}
}

CXCursor cvet_checksc__storage_owner(CXCursor e)
{
	return storage_owner_depth(e, 0);
}

/* Kind of storage of a variable or parameter, for messages. */
const char *cvet_checksc__storage_word(CXCursor decl)
{
	CXCursor p;
	if (decl.kind == CXCursor_ParmDecl)
		return "parameter";
	if (cvet_checksc__is_auto_local(decl))
		return "local";
	p = clang_getCursorSemanticParent(decl);
	if (p.kind == CXCursor_FunctionDecl || p.kind == CXCursor_CXXMethod || p.kind == CXCursor_Constructor ||
	    p.kind == CXCursor_Destructor)
		return "static local";
	return "global";
}

/* ---- lvalues ---- */

/* Copy of s without whitespace; NULL on OOM or when s holds something with side effects or calls. */
static char *squeeze(const char *s)
{
	size_t n = strlen(s), k = 0;
	char *out;
	if (n > 512 || strchr(s, '(') || strstr(s, "++") || strstr(s, "--") || strchr(s, '='))
		return NULL;
	out = malloc(n + 1);
	if (!out)
		return NULL;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			out[k++] = *s;
	out[k] = '\0';
	return out;
}

static int textual_kind(enum CXCursorKind k)
{
	return k == CXCursor_ArraySubscriptExpr || k == CXCursor_UnaryOperator || k == CXCursor_MemberRefExpr;
}

int cvet_checksc__same_lvalue(cvet_tu *tu, CXCursor a, CXCursor b)
{
	CXCursor sa = cx_strip_casts(a), sb = cx_strip_casts(b);
	char *ta, *tb, *qa = NULL, *qb = NULL;
	int same = 0;
	if (cx_is_null(sa) || cx_is_null(sb))
		return 0;
	if (cx_same_ref(sa, sb))
		return 1;
	if (sa.kind != sb.kind || !textual_kind(sa.kind))
		return 0;
	if (sa.kind == CXCursor_UnaryOperator && cx_unop(sa) != CXUnaryOperator_Deref)
		return 0;
	ta = cx_text(tu, sa);
	tb = cx_text(tu, sb);
	if (ta && tb) {
		qa = squeeze(ta);
		qb = squeeze(tb);
		same = qa && qb && *qa && strcmp(qa, qb) == 0;
	}
	free(ta);
	free(tb);
	free(qa);
	free(qb);
	return same;
}

struct mention_ctx {
	CXCursor ref;
	int found;
};

static int mention_visit(CXCursor c, CXCursor parent, void *ud)
{
	struct mention_ctx *m = ud;
	(void)parent;
	if ((c.kind == CXCursor_DeclRefExpr || c.kind == CXCursor_MemberRefExpr) && cx_same_ref(c, m->ref)) {
		m->found = 1;
		return 1;
	}
	return 0;
}

int cvet_checksc__mentions(CXCursor e, CXCursor ref)
{
	struct mention_ctx m = {ref, 0};
	if (cx_is_null(e))
		return 0;
	if ((e.kind == CXCursor_DeclRefExpr || e.kind == CXCursor_MemberRefExpr) && cx_same_ref(e, ref))
		return 1;
	cx_each_descendant(e, mention_visit, &m);
	return m.found;
}

char *cvet_checksc__short_text(cvet_tu *tu, CXCursor e, const char *fallback)
{
	char *t = cx_text(tu, e), *out;
	size_t k = 0;
	int space = 0;
	if (!t || !*t) {
		free(t);
		return strdup(fallback ? fallback : "?");
	}
	out = malloc(52);
	if (!out) {
		free(t);
		return NULL;
	}
	for (const char *p = t; *p && k < 48; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
			space = 1;
			continue;
		}
		if (space && k)
			out[k++] = ' ';
		space = 0;
		if (k < 48)
			out[k++] = ch < 0x20 ? '?' : (char)ch;
	}
	if (strlen(t) > 48 && k >= 48)
		memcpy(out + k, "...", 3), k += 3;
	out[k] = '\0';
	free(t);
	return out;
}
