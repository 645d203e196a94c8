/* lower.c - turn a libclang function body into the flow engine's IR: basic blocks with short-circuit,
 * loop, switch and goto edges, and expression trees over places. Runs while the walker holds the TU. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "code/cx.h"
#include "flow/flow.h"
#include "common/util.h"
#include "code/walker.h"

#define MAX_EXPR_DEPTH 200u     /* deeper expressions become FL_UNKNOWN */
#define MAX_STMT_DEPTH 200u     /* deeper statements are not lowered (the function is marked cut) */
#define MAX_NODES 400000u       /* budget per function: beyond it the rest of the body is not lowered */
#define MAX_KIDS 64u            /* children looked at per expression (arguments, initialisers) */
#define MAX_BLOCK_STMTS 1000000u /* statements of one block (the node budget ends it first) */
#define NO_BLOCK UINT32_MAX

typedef struct var_slot {
	unsigned hash;
	CXCursor decl;
	uint32_t idx;
} var_slot;

typedef struct label_slot {
	uint32_t name;
	uint32_t block;
} label_slot;

typedef struct dtor_slot {
	uint32_t var;             /* the object (a local) */
	uint32_t usr;             /* its class's destructor */
	CXCursor decl;
} dtor_slot;

typedef struct lower {
	cvet_flow_tu *ft;
	fl_func *f;
	size_t capnodes, capextra, capstmts, capblocks, capcases, capvars, capcallees;
	uint32_t cur;             /* block statements go to, or NO_BLOCK after a jump */
	var_slot *vmap; size_t nvmap, capvmap;
	label_slot *labels; size_t nlabels, caplabels;
	uint32_t brk, cont;       /* break/continue targets, NO_BLOCK when none */
	uint32_t sw_block;        /* the switch being lowered, NO_BLOCK when none */
	fl_case *swcases; size_t nswcases, capswcases; /* its cases, copied into f->cases when it ends */
	uint32_t this_var;        /* a method's `this` (parameter 0), UINT32_MAX elsewhere */
	dtor_slot *dtors; size_t ndtors, capdtors; /* local objects in scope whose class has a destructor */
	size_t capoverrides;
	unsigned edepth, sdepth;
	int oom;
} lower;

/* ---- growth helpers ---- */

static int grow(lower *L, void **arr, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return 0;
	if (cvet_util__grow(arr, cap, n, size) < 0) {
		L->oom = 1;
		return -1;
	}
	return 0;
}

static uint32_t intern(lower *L, const char *s)
{
	uint32_t id = fl_intern(&L->ft->strs, s ? s : "", s ? strlen(s) : 0);
	if (!id)
		L->oom = 1;
	return id;
}

static uint32_t intern_cx(lower *L, CXString s)
{
	const char *c = clang_getCString(s);
	uint32_t id = intern(L, c ? c : "");
	clang_disposeString(s);
	return id;
}

/* TU-local index of a report path. */
static uint16_t file_index(lower *L, const char *rel)
{
	cvet_flow_tu *ft = L->ft;
	uint32_t id = intern(L, rel);
	for (size_t i = ft->nfiles; i-- > 0;)
		if (ft->files[i] == id)
			return (uint16_t)i;
	if (ft->nfiles >= UINT16_MAX || grow(L, (void **)&ft->files, &ft->capfiles, ft->nfiles, sizeof(*ft->files)) < 0)
		return 0;
	ft->files[ft->nfiles] = id;
	return (uint16_t)ft->nfiles++;
}

/* ---- types ---- */

static void type_info(CXType t, uint8_t *width, uint8_t *flags, int64_t *elems)
{
	CXType c = clang_getCanonicalType(t), e;
	long long sz;
	*width = 0;
	*flags = 0;
	if (elems)
		*elems = 0;
	switch (c.kind) {
	case CXType_Bool:
	case CXType_Char_U:
	case CXType_UChar:
	case CXType_UShort:
	case CXType_UInt:
	case CXType_ULong:
	case CXType_ULongLong:
	case CXType_UInt128:
	case CXType_Char16:
	case CXType_Char32:
		*flags = FL_T_INT;
		break;
	case CXType_Char_S:
	case CXType_SChar:
	case CXType_WChar:
	case CXType_Short:
	case CXType_Int:
	case CXType_Long:
	case CXType_LongLong:
	case CXType_Int128:
	case CXType_Enum:
		*flags = FL_T_INT | FL_T_SIGNED;
		break;
	case CXType_Float:
	case CXType_Double:
	case CXType_LongDouble:
		*flags = FL_T_FLOAT;
		return;
	case CXType_Record:
		*flags = FL_T_RECORD;
		return;
	case CXType_LValueReference:
	case CXType_RValueReference:
		/* a reference is the object it names */
		type_info(clang_getPointeeType(c), width, flags, elems);
		return;
	case CXType_Pointer:
		*flags = FL_T_PTR;
		e = clang_getCanonicalType(clang_getPointeeType(c));
		if (e.kind == CXType_Char_S || e.kind == CXType_Char_U || e.kind == CXType_SChar || e.kind == CXType_UChar)
			*flags |= FL_T_CHARPTR;
		*width = 64;
		return;
	case CXType_ConstantArray:
	case CXType_IncompleteArray:
	case CXType_VariableArray:
	case CXType_DependentSizedArray:
		*flags = FL_T_ARRAY;
		e = clang_getCanonicalType(clang_getArrayElementType(c));
		if (e.kind == CXType_Char_S || e.kind == CXType_Char_U || e.kind == CXType_SChar || e.kind == CXType_UChar)
			*flags |= FL_T_CHARPTR;
		if (elems && c.kind == CXType_ConstantArray)
			*elems = clang_getArraySize(c);
		return;
	default:
		return;
	}
	if (c.kind == CXType_Enum)
		sz = 4;
	else
		sz = clang_Type_getSizeOf(c);
	if (c.kind == CXType_Bool)
		sz = 1;
	*width = sz > 0 && sz <= 8 ? (uint8_t)(sz * 8) : 64;
}

/* 1 when expression c is written inside a macro's body (its spelling is not where it is expanded). */
static uint8_t in_project_macro(CXCursor c)
{
	CXSourceLocation at = clang_getRangeStart(clang_getCursorExtent(c));
	CXFile f1 = NULL, f2 = NULL;
	unsigned l1 = 0, l2 = 0, c1 = 0, c2 = 0;
	clang_getSpellingLocation(at, &f1, &l1, &c1, NULL);
	clang_getExpansionLocation(at, &f2, &l2, &c2, NULL);
	return l1 != l2 || c1 != c2 || !clang_File_isEqual(f1, f2);
}

/* Bytes of one element of array type t (0 when not known). */
static uint32_t array_esize(CXType t)
{
	CXType c = clang_getCanonicalType(t);
	long long sz;
	if (c.kind != CXType_ConstantArray)
		return 0;
	sz = clang_Type_getSizeOf(clang_getArrayElementType(c));
	return sz > 0 && sz < ((long long)1 << 24) ? (uint32_t)sz : 0;
}

/* ---- nodes, blocks, statements ---- */

static uint32_t node(lower *L, fl_op op, CXCursor at)
{
	fl_func *f = L->f;
	fl_node *n;
	unsigned line = 0, col = 0;
	int in_macro = 0;
	const char *rel;
	if (L->oom || f->nnodes >= MAX_NODES || grow(L, (void **)&f->nodes, &L->capnodes, f->nnodes, sizeof(*n)) < 0)
		return 0;
	n = &f->nodes[f->nnodes];
	memset(n, 0, sizeof(*n));
	n->op = (uint8_t)op;
	if (!clang_Cursor_isNull(at)) {
		rel = cvet_tu_where(L->ft->tu, at, &line, &col, &in_macro);
		if (rel) {
			n->file = file_index(L, rel);
			n->line = line;
			n->col = col > UINT16_MAX ? UINT16_MAX : (uint16_t)col;
		}
		if (in_macro)
			n->tflags |= FL_T_MACRO;
		if (clang_isExpression(at.kind)) {
			uint8_t fl;
			type_info(clang_getCursorType(at), &n->width, &fl, NULL);
			n->tflags |= fl;
		}
	}
	return f->nnodes++;
}

static uint32_t push_extra(lower *L, uint32_t v)
{
	fl_func *f = L->f;
	if (grow(L, (void **)&f->extra, &L->capextra, f->nextra, sizeof(*f->extra)) < 0)
		return 0;
	f->extra[f->nextra] = v;
	return f->nextra++;
}

static uint32_t new_block(lower *L)
{
	fl_func *f = L->f;
	if (grow(L, (void **)&f->blocks, &L->capblocks, f->nblocks, sizeof(*f->blocks)) < 0)
		return 0;
	memset(&f->blocks[f->nblocks], 0, sizeof(f->blocks[0]));
	f->blocks[f->nblocks].first = UINT32_MAX;
	f->blocks[f->nblocks].succ[0] = f->blocks[f->nblocks].succ[1] = NO_BLOCK;
	return f->nblocks++;
}

/* Make b the block statements go to. */
static void start(lower *L, uint32_t b)
{
	L->cur = b;
}

/* End the current block with a terminator. */
static void finish(lower *L, fl_term t, uint32_t cond, uint32_t s0, uint32_t s1)
{
	fl_block *b;
	if (L->cur == NO_BLOCK || L->oom)
		return;
	b = &L->f->blocks[L->cur];
	b->term = (uint8_t)t;
	b->cond = cond;
	b->succ[0] = s0;
	b->succ[1] = s1;
	L->cur = NO_BLOCK;
}

static void jump(lower *L, uint32_t to)
{
	finish(L, to == NO_BLOCK ? FT_STOP : FT_FALL, 0, to, NO_BLOCK);
}

/* Append statement node e to the current block; statements of a block must be contiguous, so a block
 * that already has statements elsewhere continues in a fresh block. */
static void stmt(lower *L, uint32_t e)
{
	fl_func *f = L->f;
	fl_block *b;
	if (!e || L->oom)
		return;
	if (L->cur == NO_BLOCK)
		start(L, new_block(L)); /* unreachable code still gets lowered: a label may lead into it */
	if (L->oom)
		return;
	b = &f->blocks[L->cur];
	if (b->first != UINT32_MAX && b->first + b->count != f->nstmts) {
		uint32_t nb = new_block(L);
		jump(L, nb);
		start(L, nb);
		b = &f->blocks[L->cur];
	}
	if (grow(L, (void **)&f->stmts, &L->capstmts, f->nstmts, sizeof(*f->stmts)) < 0)
		return;
	if (b->first == UINT32_MAX)
		b->first = f->nstmts;
	f->stmts[f->nstmts++] = e;
	b->count++;
}

/* ---- variables ---- */

static uint32_t var_of(lower *L, CXCursor decl, int param)
{
	unsigned h = clang_hashCursor(decl);
	fl_func *f = L->f;
	fl_var *v;
	for (size_t i = 0; i < L->nvmap; i++)
		if (L->vmap[i].hash == h && clang_equalCursors(L->vmap[i].decl, decl))
			return L->vmap[i].idx;
	if (grow(L, (void **)&L->vmap, &L->capvmap, L->nvmap, sizeof(*L->vmap)) < 0 ||
	    grow(L, (void **)&f->vars, &L->capvars, f->nvars, sizeof(*f->vars)) < 0)
		return 0;
	v = &f->vars[f->nvars];
	memset(v, 0, sizeof(*v));
	v->name = intern_cx(L, clang_getCursorSpelling(decl));
	v->param = (int16_t)param;
	type_info(clang_getCursorType(decl), &v->width, &v->tflags, &v->elems);
	v->esize = array_esize(clang_getCursorType(decl));
	{
		enum CXTypeKind tk = clang_getCanonicalType(clang_getCursorType(decl)).kind;
		v->is_ref = tk == CXType_LValueReference || tk == CXType_RValueReference;
	}
	L->vmap[L->nvmap].hash = h;
	L->vmap[L->nvmap].decl = decl;
	L->vmap[L->nvmap].idx = f->nvars;
	L->nvmap++;
	return f->nvars++;
}

/* TU-local index of the global with this declaration's USR (created on first sight). */
static uint32_t global_of(cvet_flow_tu *ft, CXCursor decl, int *oom)
{
	CXString u = clang_getCursorUSR(decl);
	const char *us = clang_getCString(u);
	uint32_t usr = fl_intern(&ft->strs, us ? us : "", us ? strlen(us) : 0);
	fl_global *g;
	clang_disposeString(u);
	if (!usr) {
		*oom = 1;
		return 0;
	}
	for (size_t i = 0; i < ft->nglobals; i++)
		if (ft->globals[i].usr == usr)
			return (uint32_t)i;
	if (cvet_util__grow((void **)&ft->globals, &ft->capglobals, ft->nglobals, sizeof(*g)) < 0) {
		*oom = 1;
		return 0;
	}
	g = &ft->globals[ft->nglobals];
	memset(g, 0, sizeof(*g));
	g->usr = usr;
	{
		CXString n = clang_getCursorSpelling(decl);
		const char *ns = clang_getCString(n);
		g->name = fl_intern(&ft->strs, ns ? ns : "", ns ? strlen(ns) : 0);
		clang_disposeString(n);
	}
	type_info(clang_getCursorType(decl), &g->width, &g->tflags, &g->elems);
	g->esize = array_esize(clang_getCursorType(decl));
	{
		CXType gt = clang_getCursorType(decl), ct = clang_getCanonicalType(gt);
		g->is_const = clang_isConstQualifiedType(gt) ? 1 : 0;
		if (ct.kind == CXType_ConstantArray || ct.kind == CXType_IncompleteArray)
			g->is_const |= clang_isConstQualifiedType(clang_getArrayElementType(ct)) ? 1 : 0; /* const char s[] */
	}
	return (uint32_t)ft->nglobals++;
}

static int is_global_var(CXCursor d)
{
	return d.kind == CXCursor_VarDecl && clang_Cursor_hasVarDeclGlobalStorage(d) == 1;
}

/* ---- C++ allocation forms ---- */

#define NEW_ARRAY 1u     /* new T[n] / delete[] p */
#define NEW_PLACEMENT 2u /* new (args) T: not (necessarily) the global allocator */
#define NEW_UNKNOWN 4u   /* the spelling could not be read: the caller keeps its older guess */
#define MAX_FORM_BYTES 4096u /* longer expressions are not tokenised (a huge initialiser) */

/* The spelled form of a new- or delete-expression: NEW_* bits, read from its first tokens. */
static unsigned alloc_form(CXCursor c)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
	CXSourceRange ext = clang_getCursorExtent(c);
	unsigned b0, b1, nt = 0, i = 0, depth = 0, form = 0;
	CXToken *t = NULL;
	clang_getSpellingLocation(clang_getRangeStart(ext), NULL, NULL, NULL, &b0);
	clang_getSpellingLocation(clang_getRangeEnd(ext), NULL, NULL, NULL, &b1);
	if (!tu || b1 < b0 || b1 - b0 > MAX_FORM_BYTES)
		return NEW_UNKNOWN;
	clang_tokenize(tu, ext, &t, &nt);
	if (!t || !nt) {
		if (t)
			clang_disposeTokens(tu, t, nt);
		return NEW_UNKNOWN;
	}
	{
		/* [::] new [( placement )] type [ '[' | '(' | '{' ] ...  /  [::] delete [ '[' ']' ] operand */
		char sp[16];
		int is_new = -1;
		for (; i < nt && is_new < 0; i++) {
			CXString s = clang_getTokenSpelling(tu, t[i]);
			const char *cs = clang_getCString(s);
			if (cs && strcmp(cs, "new") == 0)
				is_new = 1;
			else if (cs && strcmp(cs, "delete") == 0)
				is_new = 0;
			else if (!cs || strcmp(cs, "::") != 0)
				i = nt; /* not the form we know */
			clang_disposeString(s);
		}
		if (is_new < 0)
			form = NEW_UNKNOWN;
		for (int first = 1; i < nt && is_new >= 0; i++, first = 0) {
			CXString s = clang_getTokenSpelling(tu, t[i]);
			const char *cs = clang_getCString(s);
			snprintf(sp, sizeof(sp), "%s", cs ? cs : "");
			clang_disposeString(s);
			if (!is_new) {
				if (strcmp(sp, "[") == 0)
					form |= NEW_ARRAY;
				break;
			}
			if (first && strcmp(sp, "(") == 0) {
				form |= NEW_PLACEMENT;
				break;
			}
			if (strcmp(sp, "<") == 0 || strcmp(sp, "(") == 0 || strcmp(sp, "{") == 0) {
				if (depth == 0 && strcmp(sp, "<") != 0)
					break; /* an initialiser: one object */
				depth++;
			} else if (strcmp(sp, ">") == 0 || strcmp(sp, ")") == 0 || strcmp(sp, "}") == 0) {
				if (depth)
					depth--;
			} else if (strcmp(sp, ">>") == 0) {
				depth = depth > 2 ? depth - 2 : 0;
			} else if (depth == 0 && strcmp(sp, "[") == 0) {
				form |= NEW_ARRAY;
				break;
			}
		}
	}
	clang_disposeTokens(tu, t, nt);
	return form;
}

/* Whether record declaration d, or one of its bases (a few levels), declares `op` ("operator new"). */
static int class_declares(CXCursor d, const char *op, unsigned level);

typedef struct op_search {
	const char *op;
	unsigned level;
	int found;
} op_search;

static enum CXChildVisitResult op_visit(CXCursor c, CXCursor parent, CXClientData data)
{
	op_search *os = data;
	(void)parent;
	if (c.kind == CXCursor_CXXMethod || c.kind == CXCursor_FunctionTemplate) {
		CXString s = clang_getCursorSpelling(c);
		const char *cs = clang_getCString(s);
		if (cs && strncmp(cs, os->op, strlen(os->op)) == 0)
			os->found = 1; /* operator new and operator new[] alike */
		clang_disposeString(s);
	} else if (c.kind == CXCursor_CXXBaseSpecifier && os->level < 4) {
		CXCursor b = clang_getTypeDeclaration(clang_getCanonicalType(clang_getCursorType(c)));
		if (class_declares(b, os->op, os->level + 1))
			os->found = 1;
	}
	return os->found ? CXChildVisit_Break : CXChildVisit_Continue;
}

static int class_declares(CXCursor d, const char *op, unsigned level)
{
	op_search os = {op, level, 0};
	if (d.kind != CXCursor_StructDecl && d.kind != CXCursor_ClassDecl && d.kind != CXCursor_ClassTemplate &&
	    d.kind != CXCursor_UnionDecl)
		return 0;
	d = clang_getCursorDefinition(d);
	if (clang_Cursor_isNull(d))
		return 0;
	clang_visitChildren(d, op_visit, &os);
	return os.found;
}

/* Whether the objects pointer type t points to have a class-specific `op`. */
static int own_operator(CXType t, const char *op)
{
	CXType e = clang_getCanonicalType(clang_getPointeeType(clang_getCanonicalType(t)));
	while (e.kind == CXType_ConstantArray || e.kind == CXType_IncompleteArray)
		e = clang_getCanonicalType(clang_getArrayElementType(e));
	if (e.kind != CXType_Record)
		return 0;
	return class_declares(clang_getTypeDeclaration(e), op, 0);
}

/* ---- expressions ---- */

static uint32_t lx(lower *L, CXCursor c);
static enum CXChildVisitResult captured_local(CXCursor c, CXCursor parent, CXClientData data);

static unsigned kids(CXCursor c, CXCursor *out)
{
	return cx_children(c, out, MAX_KIDS);
}

/* The element count of the constant-size array expression c names (a variable, a member, an element of
 * an array of arrays), looking through the implicit decay to a pointer; 0 when it is not one. */
static int64_t array_elems(CXCursor c)
{
	for (int depth = 0; depth < 8; depth++) {
		CXType t = clang_getCanonicalType(clang_getCursorType(c));
		CXCursor k[MAX_KIDS];
		if (t.kind == CXType_ConstantArray) {
			long long n = clang_getArraySize(t);
			return n > 0 && n < ((long long)1 << 40) ? (int64_t)n : 0;
		}
		if ((c.kind != CXCursor_UnexposedExpr && c.kind != CXCursor_ParenExpr) || kids(c, k) != 1)
			return 0;
		c = k[0];
	}
	return 0;
}

/* Operands of an unmodelled expression, evaluated for their effects. */
static uint32_t unknown(lower *L, CXCursor c)
{
	CXCursor k[MAX_KIDS];
	unsigned n = kids(c, k);
	uint32_t kn[MAX_KIDS], m = 0, id, start;
	for (unsigned i = 0; i < n; i++)
		if (clang_isExpression(k[i].kind) || k[i].kind == CXCursor_CompoundStmt)
			if ((kn[m] = lx(L, k[i])) != 0)
				m++;
	id = node(L, FL_UNKNOWN, c);
	if (!id)
		return 0;
	start = L->f->nextra;
	for (uint32_t i = 0; i < m; i++)
		push_extra(L, kn[i]);
	L->f->nodes[id].a = start;
	L->f->nodes[id].b = m;
	return id;
}

static void add_callee(lower *L, uint32_t usr)
{
	fl_func *f = L->f;
	if (!usr)
		return;
	for (uint32_t i = f->ncallees; i-- > 0 && i + 8 >= f->ncallees;)
		if (f->callees[i] == usr)
			return;
	if (grow(L, (void **)&f->callees, &L->capcallees, f->ncallees, sizeof(*f->callees)) < 0)
		return;
	f->callees[f->ncallees++] = usr;
}

static uint32_t usr_of(lower *L, CXCursor d)
{
	return intern_cx(L, clang_getCursorUSR(d));
}

static uint32_t lower_ref(lower *L, CXCursor c)
{
	CXCursor d = clang_getCursorReferenced(c);
	uint32_t id;
	switch (d.kind) {
	case CXCursor_ParmDecl:
	case CXCursor_VarDecl:
		if (is_global_var(d)) {
			int oom = 0;
			uint32_t g = global_of(L->ft, d, &oom);
			if (oom)
				L->oom = 1;
			if ((id = node(L, FL_GLOBAL, c)))
				L->f->nodes[id].k = g;
			return id;
		}
		{
			uint32_t v = var_of(L, d, -1);
			if ((id = node(L, FL_LOCAL, c)))
				L->f->nodes[id].k = v;
			return id;
		}
	case CXCursor_EnumConstantDecl:
		if ((id = node(L, FL_INT, c)))
			L->f->nodes[id].k = clang_getEnumConstantDeclValue(d);
		return id;
	case CXCursor_FunctionDecl:
	case CXCursor_CXXMethod:
		if ((id = node(L, FL_FUNCREF, c))) {
			L->f->nodes[id].k = usr_of(L, d);
			add_callee(L, (uint32_t)L->f->nodes[id].k);
		}
		return id;
	default:
		return node(L, FL_UNKNOWN, c);
	}
}

static uint32_t lower_member(lower *L, CXCursor c)
{
	CXCursor k[MAX_KIDS], field = clang_getCursorReferenced(c), rec;
	unsigned n = kids(c, k);
	uint32_t base, id, fid;
	if (n == 0) {
		/* implicit this->member inside a method */
		if (L->this_var == UINT32_MAX)
			return node(L, FL_UNKNOWN, c);
		base = node(L, FL_LOCAL, c);
		if (base)
			L->f->nodes[base].k = L->this_var;
		rec = clang_getCursorSemanticParent(field);
		fid = rec.kind == CXCursor_UnionDecl ? intern(L, "|") : intern_cx(L, clang_getCursorSpelling(field));
		if ((id = node(L, FL_ARROW, c))) {
			L->f->nodes[id].a = base;
			L->f->nodes[id].k = fid;
		}
		return id;
	}
	base = lx(L, k[0]);
	rec = clang_getCursorSemanticParent(field);
	fid = rec.kind == CXCursor_UnionDecl ? intern(L, "|") : intern_cx(L, clang_getCursorSpelling(field));
	{
		CXType bt = clang_getCanonicalType(clang_getCursorType(k[0]));
		id = node(L, bt.kind == CXType_Pointer ? FL_ARROW : FL_FIELD, c);
	}
	if (id) {
		L->f->nodes[id].a = base;
		L->f->nodes[id].k = fid;
	}
	return id;
}

static fl_binop binop_of(enum CXBinaryOperatorKind k, int *assign)
{
	*assign = 0;
	switch (k) {
	case CXBinaryOperator_Mul: return FB_MUL;
	case CXBinaryOperator_Div: return FB_DIV;
	case CXBinaryOperator_Rem: return FB_REM;
	case CXBinaryOperator_Add: return FB_ADD;
	case CXBinaryOperator_Sub: return FB_SUB;
	case CXBinaryOperator_Shl: return FB_SHL;
	case CXBinaryOperator_Shr: return FB_SHR;
	case CXBinaryOperator_LT: return FB_LT;
	case CXBinaryOperator_GT: return FB_GT;
	case CXBinaryOperator_LE: return FB_LE;
	case CXBinaryOperator_GE: return FB_GE;
	case CXBinaryOperator_EQ: return FB_EQ;
	case CXBinaryOperator_NE: return FB_NE;
	case CXBinaryOperator_And: return FB_AND;
	case CXBinaryOperator_Xor: return FB_XOR;
	case CXBinaryOperator_Or: return FB_OR;
	case CXBinaryOperator_LAnd: return FB_LAND;
	case CXBinaryOperator_LOr: return FB_LOR;
	case CXBinaryOperator_Assign: *assign = 1; return FB_NONE;
	case CXBinaryOperator_MulAssign: *assign = 1; return FB_MUL;
	case CXBinaryOperator_DivAssign: *assign = 1; return FB_DIV;
	case CXBinaryOperator_RemAssign: *assign = 1; return FB_REM;
	case CXBinaryOperator_AddAssign: *assign = 1; return FB_ADD;
	case CXBinaryOperator_SubAssign: *assign = 1; return FB_SUB;
	case CXBinaryOperator_ShlAssign: *assign = 1; return FB_SHL;
	case CXBinaryOperator_ShrAssign: *assign = 1; return FB_SHR;
	case CXBinaryOperator_AndAssign: *assign = 1; return FB_AND;
	case CXBinaryOperator_XorAssign: *assign = 1; return FB_XOR;
	case CXBinaryOperator_OrAssign: *assign = 1; return FB_OR;
	case CXBinaryOperator_Comma: *assign = 2; return FB_NONE;
	default: *assign = 3; return FB_NONE;
	}
}

/* The name models know a library function by: "recv", "std::getline", "std::basic_string::c_str" (namespaces
 * and classes it is declared in, inline namespaces such as std::__cxx11 left out). */
static uint32_t library_name(lower *L, CXCursor fn)
{
	char buf[256], tmp[512];
	CXString sp = clang_getCursorSpelling(fn);
	const char *n = clang_getCString(sp);
	CXCursor p = clang_getCursorSemanticParent(fn);
	snprintf(buf, sizeof(buf), "%s", n ? n : "");
	clang_disposeString(sp);
	for (unsigned guard = 0; guard < 16 && !clang_Cursor_isNull(p) && p.kind != CXCursor_TranslationUnit; guard++) {
		int named = p.kind == CXCursor_Namespace || p.kind == CXCursor_ClassDecl || p.kind == CXCursor_StructDecl ||
			    p.kind == CXCursor_ClassTemplate || p.kind == CXCursor_ClassTemplatePartialSpecialization;
		if (p.kind == CXCursor_Namespace && clang_Cursor_isInlineNamespace(p))
			named = 0;
		if (named) {
			CXString ps = clang_getCursorSpelling(p);
			const char *pn = clang_getCString(ps);
			if (pn && *pn) {
				size_t cut = strcspn(pn, "<"); /* basic_string<char> is basic_string */
				int w = snprintf(tmp, sizeof(tmp), "%.*s::%s", (int)(cut > 200 ? 200 : cut), pn, buf);
				size_t len = w < 0 ? 0 : (size_t)w >= sizeof(buf) ? sizeof(buf) - 1 : (size_t)w;
				memcpy(buf, tmp, len);
				buf[len] = '\0';
			}
			clang_disposeString(ps);
		}
		p = clang_getCursorSemanticParent(p);
	}
	return intern(L, buf);
}

static enum CXChildVisitResult find_qualifier(CXCursor c, CXCursor parent, CXClientData ud)
{
	(void)parent;
	if (c.kind == CXCursor_TypeRef || c.kind == CXCursor_NamespaceRef || c.kind == CXCursor_TemplateRef) {
		*(int *)ud = 1;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Continue;
}

/* Whether member expression c names its method with a qualifier (p->Base::f()): no virtual dispatch then. */
static int qualified_member(CXCursor c)
{
	int q = 0;
	clang_visitChildren(c, find_qualifier, &q);
	return q;
}

static uint32_t lower_call(lower *L, CXCursor c)
{
	CXCursor callee = clang_getCursorReferenced(c);
	int nargs = clang_Cursor_getNumArguments(c);
	uint32_t args[MAX_KIDS + 1], m = 0, id, start, fnexpr = 0, name = 0;
	int member = 0;
	if (nargs < 0)
		nargs = 0;
	if (nargs > (int)MAX_KIDS)
		nargs = MAX_KIDS;
	if (callee.kind == CXCursor_FunctionDecl || callee.kind == CXCursor_CXXMethod ||
	    callee.kind == CXCursor_FunctionTemplate || callee.kind == CXCursor_Constructor ||
	    callee.kind == CXCursor_ConversionFunction) {
		/* library functions are known by name (models), project ones by USR (summaries) */
		if (clang_Location_isInSystemHeader(clang_getCursorLocation(callee)))
			name = library_name(L, callee);
		else
			name = usr_of(L, callee);
		add_callee(L, name);
		if (callee.kind == CXCursor_Constructor && !clang_Location_isInSystemHeader(clang_getCursorLocation(callee))) {
			/* a temporary or member being constructed: its `this` (parameter 0) is not followed */
			member = FL_CALL_MEMBER;
			args[m++] = node(L, FL_UNKNOWN, c);
		}
		/* a method call's object is its argument 0 (a method's `this` is its parameter 0) */
		if ((callee.kind == CXCursor_CXXMethod || callee.kind == CXCursor_ConversionFunction) &&
		    !clang_CXXMethod_isStatic(callee)) {
			CXCursor k[1], b[1];
			if (cx_children(c, k, 1) >= 1 && k[0].kind == CXCursor_MemberRefExpr) {
				member = FL_CALL_MEMBER;
				if (cx_children(k[0], b, 1) >= 1 && clang_isExpression(b[0].kind)) {
					args[m++] = lx(L, b[0]);
				} else if (L->this_var != UINT32_MAX && (args[m] = node(L, FL_LOCAL, k[0]))) {
					L->f->nodes[args[m++]].k = L->this_var; /* run() inside a method: this->run() */
				} else {
					args[m++] = node(L, FL_UNKNOWN, k[0]);
				}
				if (clang_CXXMethod_isVirtual(callee) && !qualified_member(k[0]))
					member |= FL_CALL_VIRTUAL;
			}
		}
	} else {
		CXCursor k[1];
		if (cx_children(c, k, 1) >= 1)
			fnexpr = lx(L, k[0]);
	}
	for (int i = 0; i < nargs; i++)
		args[m++] = lx(L, clang_Cursor_getArgument(c, (unsigned)i));
	id = node(L, FL_CALL, c);
	if (!id)
		return 0;
	start = L->f->nextra;
	for (uint32_t i = 0; i < m; i++)
		push_extra(L, args[i]);
	L->f->nodes[id].a = start;
	L->f->nodes[id].b = m;
	L->f->nodes[id].c = fnexpr;
	L->f->nodes[id].k = name;
	L->f->nodes[id].sub = (uint8_t)member;
	return id;
}

static uint32_t lx_depth(lower *L, CXCursor c)
{
	CXCursor k[MAX_KIDS];
	unsigned n;
	uint32_t id = 0, a, b;
	long long v;
	if (clang_Cursor_isNull(c))
		return 0;
	switch (c.kind) {
	case CXCursor_UnexposedExpr:
	case CXCursor_ParenExpr:
		n = kids(c, k);
		if (n == 1 && clang_isExpression(k[0].kind))
			return lx(L, k[0]);
		if (n == 0 && cx_int_const(c, &v)) {
			if ((id = node(L, FL_INT, c)))
				L->f->nodes[id].k = v;
			return id;
		}
		return unknown(L, c);
	case CXCursor_IntegerLiteral:
	case CXCursor_CharacterLiteral:
	case CXCursor_CXXBoolLiteralExpr:
	case CXCursor_UnaryExpr: /* sizeof, alignof */
		if (cx_int_const(c, &v)) {
			if ((id = node(L, FL_INT, c)))
				L->f->nodes[id].k = v;
			return id;
		}
		return node(L, FL_UNKNOWN, c);
	case CXCursor_GNUNullExpr:
	case CXCursor_CXXNullPtrLiteralExpr:
		return node(L, FL_INT, c);
	case CXCursor_StringLiteral: {
		char *s = NULL;
		if (cx_string_literal(c, &s) && (id = node(L, FL_STR, c)))
			L->f->nodes[id].k = intern(L, s);
		free(s);
		return id ? id : node(L, FL_UNKNOWN, c);
	}
	case CXCursor_DeclRefExpr:
		return lower_ref(L, c);
	case CXCursor_MemberRefExpr:
		return lower_member(L, c);
	case CXCursor_ArraySubscriptExpr:
		n = kids(c, k);
		if (n != 2)
			return unknown(L, c);
		a = lx(L, k[0]);
		b = lx(L, k[1]);
		if ((id = node(L, FL_INDEX, c))) {
			L->f->nodes[id].a = a;
			L->f->nodes[id].b = b;
			L->f->nodes[id].k = array_elems(k[0]); /* buffer-overflow: the indexed array's bound */
			L->f->nodes[id].sub = in_project_macro(c);
		}
		return id;
	case CXCursor_UnaryOperator: {
		enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
		fl_op fop = FL_UN;
		fl_unop u = FU_NONE;
		n = kids(c, k);
		if (n != 1)
			return unknown(L, c);
		switch (op) {
		case CXUnaryOperator_Deref: fop = FL_DEREF; break;
		case CXUnaryOperator_AddrOf: fop = FL_ADDR; break;
		case CXUnaryOperator_Minus: u = FU_NEG; break;
		case CXUnaryOperator_Not: u = FU_NOT; break;
		case CXUnaryOperator_LNot: u = FU_LNOT; break;
		case CXUnaryOperator_Plus: u = FU_PLUS; break;
		case CXUnaryOperator_PreInc: fop = FL_INCDEC; u = FU_PREINC; break;
		case CXUnaryOperator_PreDec: fop = FL_INCDEC; u = FU_PREDEC; break;
		case CXUnaryOperator_PostInc: fop = FL_INCDEC; u = FU_POSTINC; break;
		case CXUnaryOperator_PostDec: fop = FL_INCDEC; u = FU_POSTDEC; break;
		default: u = FU_PLUS; break;
		}
		a = lx(L, k[0]);
		if ((id = node(L, fop, c))) {
			L->f->nodes[id].a = a;
			L->f->nodes[id].sub = (uint8_t)u;
		}
		return id;
	}
	case CXCursor_BinaryOperator:
	case CXCursor_CompoundAssignOperator: {
		int assign;
		fl_binop op = binop_of(clang_getCursorBinaryOperatorKind(c), &assign);
		n = kids(c, k);
		if (n != 2 || assign == 3)
			return unknown(L, c);
		a = lx(L, k[0]);
		b = lx(L, k[1]);
		if ((id = node(L, assign == 1 ? FL_ASSIGN : assign == 2 ? FL_COMMA : FL_BIN, c))) {
			L->f->nodes[id].a = a;
			L->f->nodes[id].b = b;
			L->f->nodes[id].sub = (uint8_t)op;
		}
		return id;
	}
	case CXCursor_ConditionalOperator: {
		uint32_t cc;
		n = kids(c, k);
		if (n != 3)
			return unknown(L, c);
		cc = lx(L, k[0]);
		a = lx(L, k[1]);
		b = lx(L, k[2]);
		if ((id = node(L, FL_COND, c))) {
			L->f->nodes[id].a = cc;
			L->f->nodes[id].b = a;
			L->f->nodes[id].c = b;
		}
		return id;
	}
	case CXCursor_CallExpr:
		return lower_call(L, c);
	case CXCursor_CStyleCastExpr:
	case CXCursor_CXXStaticCastExpr:
	case CXCursor_CXXFunctionalCastExpr:
	case CXCursor_CXXReinterpretCastExpr:
	case CXCursor_CXXConstCastExpr:
		n = kids(c, k);
		if (n == 0 || !clang_isExpression(k[n - 1].kind))
			return unknown(L, c);
		a = lx(L, k[n - 1]);
		if ((id = node(L, FL_CAST, c)))
			L->f->nodes[id].a = a;
		return id;
	case CXCursor_InitListExpr: {
		uint32_t kn[MAX_KIDS], m = 0, st;
		n = kids(c, k);
		for (unsigned i = 0; i < n; i++)
			if ((kn[m] = lx(L, k[i])) != 0)
				m++;
		if (!(id = node(L, FL_INIT, c)))
			return 0;
		st = L->f->nextra;
		for (uint32_t i = 0; i < m; i++)
			push_extra(L, kn[i]);
		L->f->nodes[id].a = st;
		L->f->nodes[id].b = m;
		return id;
	}
	case CXCursor_CXXNewExpr: {
		unsigned form = alloc_form(c);
		int own = own_operator(clang_getCursorType(c), "operator new");
		/* spelled in a macro (NEW_UNKNOWN): which form it is, and so its family, is not judged */
		const char *what = (form & NEW_PLACEMENT) ? "new:placement" : (own || (form & NEW_UNKNOWN)) ? "new:class" : "new";
		n = kids(c, k);
		if (clang_getCursorType(c).kind == CXType_Pointer && !(form & NEW_PLACEMENT) &&
		    ((form & NEW_ARRAY) || (form & NEW_UNKNOWN))) {
			for (unsigned i = 0; i < n; i++)
				if (clang_isExpression(k[i].kind) && k[i].kind != CXCursor_InitListExpr &&
				    k[i].kind != CXCursor_CallExpr) {
					a = lx(L, k[i]);
					if ((id = node(L, FL_NEWARR, c))) {
						L->f->nodes[id].a = a;
						L->f->nodes[id].sub = (uint8_t)(own || (form & NEW_UNKNOWN) ? 1 : 0);
					}
					return id;
				}
		}
		/* new T(...): an allocation, as a call of "new" (the constructor's arguments are evaluated) */
		for (unsigned i = 0; i < n; i++)
			if (clang_isExpression(k[i].kind))
				lx(L, k[i]);
		if ((id = node(L, FL_CALL, c))) {
			L->f->nodes[id].a = L->f->nextra;
			L->f->nodes[id].b = 0;
			L->f->nodes[id].k = intern(L, what);
		}
		return id;
	}
	case CXCursor_CXXDeleteExpr: {
		/* delete p: a call of "delete" (or "delete[]") on p */
		uint32_t arg = 0, st;
		unsigned form = alloc_form(c);
		const char *what = "delete";
		CXCursor opnd = clang_getNullCursor();
		n = kids(c, k);
		for (unsigned i = 0; i < n; i++)
			if (clang_isExpression(k[i].kind)) {
				arg = lx(L, k[i]);
				opnd = k[i];
			}
		if ((form & NEW_UNKNOWN) ||
		    (!clang_Cursor_isNull(opnd) && own_operator(clang_getCursorType(opnd), "operator delete")))
			what = "delete:class"; /* the class's own operator, or a form we cannot read: family not judged */
		else if (form & NEW_ARRAY)
			what = "delete[]";
		if (!(id = node(L, FL_CALL, c)))
			return 0;
		st = L->f->nextra;
		if (arg)
			push_extra(L, arg);
		L->f->nodes[id].a = st;
		L->f->nodes[id].b = arg ? 1 : 0;
		L->f->nodes[id].k = intern(L, what);
		return id;
	}
	case CXCursor_CXXThisExpr:
		if (L->this_var != UINT32_MAX && (id = node(L, FL_LOCAL, c)))
			L->f->nodes[id].k = L->this_var;
		return id ? id : node(L, FL_UNKNOWN, c);
	case CXCursor_LambdaExpr:
	case CXCursor_BlockExpr:
		clang_visitChildren(c, captured_local, L); /* what they capture they may write (uninitialized-read) */
		return node(L, FL_UNKNOWN, c); /* their bodies are functions of their own, not analysed here */
	default:
		return unknown(L, c);
	}
}

static uint32_t lx(lower *L, CXCursor c)
{
	uint32_t id;
	if (L->oom || L->f->nnodes >= MAX_NODES)
		return 0;
	if (L->edepth >= MAX_EXPR_DEPTH)
		return node(L, FL_UNKNOWN, c);
	L->edepth++;
	id = lx_depth(L, c);
	L->edepth--;
	return id;
}

/* ---- statements ---- */

static void ls(lower *L, CXCursor s);

/* Branch on condition c: to t when it holds, f otherwise, splitting && || ! into edges. */
static void lower_cond(lower *L, CXCursor c, uint32_t t, uint32_t f)
{
	CXCursor s = cx_strip(c), k[2];
	if (L->edepth < MAX_EXPR_DEPTH) {
		if (s.kind == CXCursor_BinaryOperator && cx_children(s, k, 2) == 2) {
			enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(s);
			if (op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr) {
				uint32_t mid = new_block(L);
				L->edepth++;
				if (op == CXBinaryOperator_LAnd)
					lower_cond(L, k[0], mid, f);
				else
					lower_cond(L, k[0], t, mid);
				start(L, mid);
				lower_cond(L, k[1], t, f);
				L->edepth--;
				return;
			}
		}
		if (s.kind == CXCursor_UnaryOperator && clang_getCursorUnaryOperatorKind(s) == CXUnaryOperator_LNot &&
		    cx_children(s, k, 2) == 1) {
			L->edepth++;
			lower_cond(L, k[0], f, t);
			L->edepth--;
			return;
		}
	}
	{
		uint32_t e = lx(L, c);
		if (L->cur == NO_BLOCK)
			start(L, new_block(L));
		finish(L, FT_BRANCH, e, t, f);
	}
}

/* A variable of this function named inside a lambda or block: not followed by uninitialized-read (the body,
 * a function of its own, may write it through its capture). */
static enum CXChildVisitResult captured_local(CXCursor c, CXCursor parent, CXClientData data)
{
	lower *L = data;
	(void)parent;
	if (c.kind == CXCursor_DeclRefExpr) {
		CXCursor d = clang_getCursorReferenced(c);
		unsigned h = clang_hashCursor(d);
		for (size_t i = 0; i < L->nvmap; i++)
			if (L->vmap[i].hash == h && clang_equalCursors(L->vmap[i].decl, d) && L->vmap[i].idx < L->f->nvars)
				L->f->vars[L->vmap[i].idx].no_init = 0;
	}
	return CXChildVisit_Recurse;
}

/* Whether the translation unit `c` belongs to is C++ (a VarDecl's own language is C in either): by the name of
 * its main file. */
static int tu_is_cxx(CXCursor c)
{
	CXString sp = clang_getTranslationUnitSpelling(clang_Cursor_getTranslationUnit(c));
	const char *s = clang_getCString(sp), *dot = s ? strrchr(s, '.') : NULL;
	int r = dot && (!strcmp(dot, ".cc") || !strcmp(dot, ".cpp") || !strcmp(dot, ".cxx") || !strcmp(dot, ".C") ||
			!strcmp(dot, ".c++") || !strcmp(dot, ".cp") || !strcmp(dot, ".CPP") || !strcmp(dot, ".mm") ||
			!strcmp(dot, ".hpp") || !strcmp(dot, ".hh") || !strcmp(dot, ".hxx"));
	clang_disposeString(sp);
	return r;
}

static enum CXChildVisitResult find_dtor(CXCursor c, CXCursor parent, CXClientData ud)
{
	(void)parent;
	if (c.kind == CXCursor_Destructor) {
		*(CXCursor *)ud = c;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Continue;
}

/* A call of a method (constructor, destructor) of local object `var` at cursor `at`: args[0..n) follow it. */
static uint32_t object_call(lower *L, CXCursor at, uint32_t usr, uint32_t var, const uint32_t *args, uint32_t n)
{
	uint32_t obj = node(L, FL_LOCAL, at), id, st;
	if (!obj || !(id = node(L, FL_CALL, at)))
		return 0;
	L->f->nodes[obj].k = var;
	L->f->nodes[obj].tflags = FL_T_RECORD;
	L->f->nodes[obj].width = 0;
	st = L->f->nextra;
	push_extra(L, obj);
	for (uint32_t i = 0; i < n; i++)
		push_extra(L, args[i]);
	L->f->nodes[id].op = FL_CALL;
	L->f->nodes[id].tflags = 0;
	L->f->nodes[id].width = 0;
	L->f->nodes[id].a = st;
	L->f->nodes[id].b = n + 1;
	L->f->nodes[id].k = usr;
	L->f->nodes[id].sub = FL_CALL_MEMBER;
	add_callee(L, usr);
	return id;
}

/* Local object `var` (index v) of a project class: its constructor runs on it (Holder h(buf): the constructor's
 * `this` is &h, its stores into members are h's), and its destructor, when the class has one, runs when its
 * scope ends. 1 when the initialiser was lowered so, 0 when it is an ordinary one. */
static int lower_construct(lower *L, CXCursor var, uint32_t v, CXCursor init_c)
{
	CXType ct = clang_getCanonicalType(clang_getCursorType(var));
	CXCursor call = init_c, ctor, cls, dtor = clang_getNullCursor(), k[1];
	uint32_t args[MAX_KIDS];
	int nargs, handled = 0;
	if (ct.kind != CXType_Record || L->oom || v >= L->f->nvars || L->f->vars[v].is_ref)
		return 0;
	for (unsigned guard = 0; guard < 8 && call.kind == CXCursor_UnexposedExpr && cx_children(call, k, 1) == 1; guard++)
		call = k[0];
	ctor = clang_getCursorReferenced(call);
	if (call.kind == CXCursor_CallExpr && ctor.kind == CXCursor_Constructor &&
	    !clang_Location_isInSystemHeader(clang_getCursorLocation(ctor))) {
		nargs = clang_Cursor_getNumArguments(call);
		if (nargs < 0)
			nargs = 0;
		if (nargs > (int)MAX_KIDS - 1)
			nargs = MAX_KIDS - 1;
		for (int i = 0; i < nargs; i++)
			args[i] = lx(L, clang_Cursor_getArgument(call, (unsigned)i));
		stmt(L, object_call(L, call, usr_of(L, ctor), v, args, (uint32_t)nargs));
		handled = 1;
	}
	cls = clang_getCursorDefinition(clang_getTypeDeclaration(ct));
	if (!clang_Cursor_isNull(cls) && !clang_Location_isInSystemHeader(clang_getCursorLocation(cls)))
		clang_visitChildren(cls, find_dtor, &dtor);
	if (!clang_Cursor_isNull(dtor) &&
	    grow(L, (void **)&L->dtors, &L->capdtors, L->ndtors, sizeof(*L->dtors)) == 0) {
		L->dtors[L->ndtors].var = v;
		L->dtors[L->ndtors].usr = usr_of(L, dtor);
		L->dtors[L->ndtors].decl = var;
		L->ndtors++;
	}
	return handled;
}

/* The scope ends: destructors of the objects declared since scope entry `from` run, the last declared first
 * (at `at`: the scope's closing brace, the return). */
static void run_dtors(lower *L, size_t from, CXCursor at)
{
	if (L->cur == NO_BLOCK)
		return;
	unsigned line = 0, col = 0;
	if (at.kind == CXCursor_CompoundStmt) { /* at its closing brace */
		CXSourceLocation end = clang_getRangeEnd(clang_getCursorExtent(at));
		clang_getExpansionLocation(end, NULL, &line, &col, NULL);
		col = col > 1 ? col - 1 : col;
	}
	for (size_t i = L->ndtors; i-- > from && !L->oom;) {
		uint32_t id = object_call(L, clang_Cursor_isNull(at) ? L->dtors[i].decl : at, L->dtors[i].usr,
					  L->dtors[i].var, NULL, 0);
		if (id && line) {
			fl_node *nd = &L->f->nodes[id];
			nd->line = line;
			nd->col = col > UINT16_MAX ? UINT16_MAX : (uint16_t)col;
			L->f->nodes[L->f->extra[nd->a]].line = nd->line;
			L->f->nodes[L->f->extra[nd->a]].col = nd->col;
		}
		stmt(L, id);
	}
}

/* Whether return value node e reads nothing a destructor could change (a constant, a scalar local): the
 * destructors of the scope may then run before it is evaluated. */
static int plain_return(lower *L, uint32_t e)
{
	for (unsigned guard = 0; guard < 8 && e && L->f->nodes[e].op == FL_CAST; guard++)
		e = L->f->nodes[e].a;
	return !e || L->f->nodes[e].op == FL_INT ||
	       (L->f->nodes[e].op == FL_LOCAL && !(L->f->nodes[e].tflags & (FL_T_PTR | FL_T_ARRAY | FL_T_RECORD)));
}

static void lower_decl(lower *L, CXCursor var)
{
	CXCursor k[MAX_KIDS];
	unsigned n = kids(var, k);
	CXType t = clang_getCursorType(var);
	uint32_t v, ref, init = 0, id;
	CXCursor init_c = clang_getNullCursor();
	/* the initialiser is the last expression child; a VLA's size expression comes before it */
	for (unsigned i = 0; i < n; i++)
		if (clang_isExpression(k[i].kind))
			init_c = k[i];
	if (clang_getCanonicalType(t).kind == CXType_VariableArray) {
		for (unsigned i = 0; i < n; i++)
			if (clang_isExpression(k[i].kind)) {
				uint32_t sz = lx(L, k[i]);
				if ((id = node(L, FL_VLA, k[i]))) {
					L->f->nodes[id].a = sz;
					stmt(L, id);
				}
				if (clang_equalCursors(k[i], init_c))
					init_c = clang_getNullCursor();
				break;
			}
	}
	if (is_global_var(var)) {
		cvet_flow__global(L->ft, var); /* a static local: a global with a function-scoped name */
		return;
	}
	v = var_of(L, var, -1);
	if (clang_Cursor_isNull(init_c) || clang_Cursor_isNull(clang_Cursor_getVarDeclInitializer(var))) {
		/* (an array's size is an expression child too: char buf[64] has no initialiser) */
		/* uninitialized-read follows it from here; not a VLA, a reference or a C++ object with a constructor */
		CXType ct = clang_getCanonicalType(t);
		int cxx = tu_is_cxx(var);
		if (!L->oom && v < L->f->nvars && ct.kind != CXType_VariableArray && ct.kind != CXType_DependentSizedArray &&
		    ct.kind != CXType_IncompleteArray && !L->f->vars[v].is_ref &&
		    !(cxx && (ct.kind == CXType_Record || ct.kind == CXType_ConstantArray) && !clang_isPODType(ct)))
			L->f->vars[v].no_init = cxx ? 2 : 1;
		return;
	}
	if (lower_construct(L, var, v, init_c))
		return;
	init = lx(L, init_c);
	ref = node(L, FL_LOCAL, var);
	if (ref)
		L->f->nodes[ref].k = v;
	if ((id = node(L, FL_ASSIGN, var))) {
		L->f->nodes[id].a = ref;
		L->f->nodes[id].b = init;
		stmt(L, id);
	}
}

static uint32_t label_block(lower *L, uint32_t name)
{
	for (size_t i = 0; i < L->nlabels; i++)
		if (L->labels[i].name == name)
			return L->labels[i].block;
	if (grow(L, (void **)&L->labels, &L->caplabels, L->nlabels, sizeof(*L->labels)) < 0)
		return NO_BLOCK;
	L->labels[L->nlabels].name = name;
	L->labels[L->nlabels].block = new_block(L);
	return L->labels[L->nlabels++].block;
}

/* Roles of a for statement's children (init, cond, inc may each be missing): decided from where each child
 * starts relative to the two semicolons inside the parentheses. Sets -1 for a missing part. */
static void for_roles(lower *L, CXCursor s, CXCursor *k, unsigned n, int *init, int *cond, int *inc)
{
	CXSourceRange r = clang_getCursorExtent(s);
	CXFile file = NULL;
	unsigned off = 0, semi[2] = {0, 0}, ns = 0, depth = 0;
	size_t len = 0;
	const char *text;
	*init = *cond = *inc = -1;
	if (n == 4) {
		*init = 0, *cond = 1, *inc = 2;
		return;
	}
	if (n <= 1)
		return;
	clang_getFileLocation(clang_getRangeStart(r), &file, NULL, NULL, &off);
	text = file ? cvet_tu__file_text(L->ft->tu, file, &len) : NULL;
	if (text && off + 3 < len && strncmp(text + off, "for", 3) == 0) {
		size_t i = off + 3;
		while (i < len && text[i] != '(')
			i++;
		for (i++; i < len && ns < 2; i++) {
			char ch = text[i];
			if (ch == '(' || ch == '[' || ch == '{')
				depth++;
			else if ((ch == ')' || ch == ']' || ch == '}') && depth)
				depth--;
			else if (ch == ')' && !depth)
				break;
			else if (ch == '"' || ch == '\'') {
				for (i++; i < len && text[i] != ch; i++)
					if (text[i] == '\\')
						i++;
			} else if (ch == ';' && !depth)
				semi[ns++] = (unsigned)i;
		}
	}
	if (ns == 2) {
		for (unsigned i = 0; i + 1 < n; i++) {
			CXFile kf = NULL;
			unsigned ko = 0;
			clang_getFileLocation(clang_getRangeStart(clang_getCursorExtent(k[i])), &kf, NULL, NULL, &ko);
			if (!kf || !clang_File_isEqual(kf, file))
				goto guess;
			if (ko < semi[0])
				*init = (int)i;
			else if (ko < semi[1])
				*cond = (int)i;
			else
				*inc = (int)i;
		}
		return;
	}
guess: /* written through a macro: the common shapes */
	*init = *cond = *inc = -1;
	if (n == 3)
		*cond = 0, *inc = 1;
	else
		*cond = 0;
}

static void lower_loop_body(lower *L, CXCursor body, uint32_t brk, uint32_t cont)
{
	uint32_t ob = L->brk, oc = L->cont;
	L->brk = brk;
	L->cont = cont;
	ls(L, body);
	L->brk = ob;
	L->cont = oc;
}

typedef struct all_kids {
	CXCursor *v;
	size_t n, cap;
	int oom;
} all_kids;

static enum CXChildVisitResult collect_all(CXCursor c, CXCursor parent, CXClientData ud)
{
	all_kids *k = ud;
	(void)parent;
	if (k->n >= MAX_BLOCK_STMTS)
		return CXChildVisit_Break;
	if (cvet_util__grow((void **)&k->v, &k->cap, k->n, sizeof(*k->v)) < 0) {
		k->oom = 1;
		return CXChildVisit_Break;
	}
	k->v[k->n++] = c;
	return CXChildVisit_Continue;
}

/* Whether expression statement s ends in a statement expression ({ ... }) through parentheses, casts,
 * __extension__ and commas (glibc's assert(): (void) sizeof (e), __extension__ ({ if (e) ; else
 * __assert_fail (...); })). */
static int stmt_expr_chain(CXCursor s, unsigned depth)
{
	CXCursor k[MAX_KIDS];
	unsigned n;
	if (depth > 8)
		return 0;
	switch (s.kind) {
	case CXCursor_StmtExpr:
		return kids(s, k) == 1 && k[0].kind == CXCursor_CompoundStmt;
	case CXCursor_ParenExpr:
	case CXCursor_UnexposedExpr:
	case CXCursor_CStyleCastExpr:
		n = kids(s, k);
		return n >= 1 && stmt_expr_chain(k[n - 1], depth + 1);
	case CXCursor_UnaryOperator:
		n = kids(s, k);
		return n == 1 && clang_getCursorUnaryOperatorKind(s) == CXUnaryOperator_Extension &&
		       stmt_expr_chain(k[0], depth + 1);
	case CXCursor_BinaryOperator:
		n = kids(s, k);
		return n == 2 && clang_getCursorBinaryOperatorKind(s) == CXBinaryOperator_Comma &&
		       stmt_expr_chain(k[1], depth + 1);
	default:
		return 0;
	}
}

/* Lower a stmt_expr_chain() statement: the statements inside ({ ... }) as statements, so that its branches
 * and noreturn calls shape the CFG (assert(p) then stops the path where p is NULL). */
static void stmt_expr_lower(lower *L, CXCursor s, unsigned depth)
{
	CXCursor k[MAX_KIDS];
	unsigned n = kids(s, k);
	if (depth > 8 || n == 0)
		return;
	if (s.kind == CXCursor_StmtExpr) {
		ls(L, k[0]);
	} else if (s.kind == CXCursor_BinaryOperator) {
		stmt(L, lx(L, k[0]));
		stmt_expr_lower(L, k[1], depth + 1);
	} else {
		stmt_expr_lower(L, k[n - 1], depth + 1);
	}
}

static void ls_depth(lower *L, CXCursor s)
{
	CXCursor k[MAX_KIDS];
	unsigned n;
	switch (s.kind) {
	case CXCursor_CompoundStmt:
	case CXCursor_CXXTryStmt: {
		/* every statement of a block, however many (a switch body holds hundreds of cases) */
		all_kids ak = {NULL, 0, 0, 0};
		size_t scope = L->ndtors;
		clang_visitChildren(s, collect_all, &ak);
		if (ak.oom)
			L->oom = 1;
		for (size_t i = 0; i < ak.n && !L->oom; i++)
			ls(L, ak.v[i]);
		free(ak.v);
		if (s.kind == CXCursor_CompoundStmt)
			run_dtors(L, scope, s); /* the objects declared in it end here */
		L->ndtors = scope;
		return;
	}
	case CXCursor_DeclStmt:
		n = kids(s, k);
		for (unsigned i = 0; i < n; i++)
			if (k[i].kind == CXCursor_VarDecl)
				lower_decl(L, k[i]);
		return;
	case CXCursor_NullStmt:
		return;
	case CXCursor_IfStmt: {
		uint32_t t = new_block(L), e = new_block(L), j;
		CXCursor cond, then, els = clang_getNullCursor();
		unsigned base = 0;
		n = kids(s, k);
		while (base < n && k[base].kind == CXCursor_DeclStmt && n - base > 2) /* C++ init / condition variable */
			ls(L, k[base++]);
		if (n - base < 2)
			return;
		cond = k[base];
		then = k[base + 1];
		if (n - base >= 3)
			els = k[base + 2];
		j = clang_Cursor_isNull(els) ? e : new_block(L);
		lower_cond(L, cond, t, e);
		start(L, t);
		ls(L, then);
		jump(L, j);
		if (!clang_Cursor_isNull(els)) {
			start(L, e);
			ls(L, els);
			jump(L, j);
		}
		start(L, j);
		return;
	}
	case CXCursor_WhileStmt: {
		uint32_t h = new_block(L), b = new_block(L), x = new_block(L);
		n = kids(s, k);
		if (n < 2)
			return;
		jump(L, h);
		start(L, h);
		L->f->blocks[h].loop_head = 1;
		L->f->blocks[h].loop_cond = lx(L, k[n - 2]);
		lower_cond(L, k[n - 2], b, x);
		start(L, b);
		lower_loop_body(L, k[n - 1], x, h);
		jump(L, h);
		start(L, x);
		return;
	}
	case CXCursor_DoStmt: {
		uint32_t b = new_block(L), c = new_block(L), x = new_block(L);
		n = kids(s, k);
		if (n < 2)
			return;
		jump(L, b);
		start(L, b);
		lower_loop_body(L, k[0], x, c);
		jump(L, c);
		start(L, c);
		L->f->blocks[c].loop_head = 1;
		L->f->blocks[c].loop_cond = lx(L, k[1]);
		lower_cond(L, k[1], b, x);
		start(L, x);
		return;
	}
	case CXCursor_ForStmt: {
		int init, cond, inc;
		uint32_t h = new_block(L), b = new_block(L), i = new_block(L), x = new_block(L);
		n = kids(s, k);
		if (n < 1)
			return;
		for_roles(L, s, k, n, &init, &cond, &inc);
		if (init >= 0)
			ls(L, k[init]);
		jump(L, h);
		start(L, h);
		L->f->blocks[h].loop_head = 1;
		if (cond >= 0) {
			L->f->blocks[h].loop_cond = lx(L, k[cond]);
			lower_cond(L, k[cond], b, x);
		}
		else
			jump(L, b);
		start(L, b);
		lower_loop_body(L, k[n - 1], x, i);
		jump(L, i);
		start(L, i);
		if (inc >= 0)
			stmt(L, lx(L, k[inc]));
		jump(L, h);
		start(L, x);
		return;
	}
	case CXCursor_CXXForRangeStmt: {
		uint32_t h = new_block(L), b = new_block(L), x = new_block(L);
		n = kids(s, k);
		if (n < 1)
			return;
		jump(L, h);
		start(L, h);
		finish(L, FT_BRANCH, 0, b, x);
		start(L, b);
		lower_loop_body(L, k[n - 1], x, h);
		jump(L, h);
		start(L, x);
		return;
	}
	case CXCursor_SwitchStmt: {
		uint32_t sw, x = new_block(L), e, ob = L->brk, osw = L->sw_block;
		size_t first_case = L->nswcases;
		n = kids(s, k);
		if (n < 2)
			return;
		e = lx(L, k[n - 2]);
		if (L->cur == NO_BLOCK)
			start(L, new_block(L));
		sw = L->cur;
		finish(L, FT_SWITCH, e, x, NO_BLOCK);
		L->brk = x;
		L->sw_block = sw;
		ls(L, k[n - 1]);
		jump(L, x);
		L->brk = ob;
		L->sw_block = osw;
		if (!L->oom) {
			fl_func *f = L->f;
			size_t m = L->nswcases - first_case;
			f->blocks[sw].case_start = f->ncases;
			f->blocks[sw].ncases = (uint32_t)m;
			for (size_t c = first_case; c < L->nswcases; c++) {
				if (grow(L, (void **)&f->cases, &L->capcases, f->ncases, sizeof(*f->cases)) < 0)
					break;
				f->cases[f->ncases++] = L->swcases[c];
			}
			L->nswcases = first_case;
		}
		start(L, x);
		return;
	}
	case CXCursor_CaseStmt: {
		uint32_t b = new_block(L);
		long long lo = 0, hi;
		int known;
		n = kids(s, k);
		if (n < 2)
			return;
		known = cx_int_const(k[0], &lo);
		hi = lo;
		if (n >= 3 && clang_isExpression(k[1].kind) && !cx_int_const(k[1], &hi))
			hi = lo;
		jump(L, b);
		start(L, b);
		if (L->sw_block != NO_BLOCK && known &&
		    grow(L, (void **)&L->swcases, &L->capswcases, L->nswcases, sizeof(*L->swcases)) == 0) {
			L->swcases[L->nswcases].lo = lo;
			L->swcases[L->nswcases].hi = hi;
			L->swcases[L->nswcases].block = b;
			L->nswcases++;
		} else if (L->sw_block != NO_BLOCK && !known) {
			/* a case value we cannot read: reachable as if it were the default */
			if (grow(L, (void **)&L->swcases, &L->capswcases, L->nswcases, sizeof(*L->swcases)) == 0) {
				L->swcases[L->nswcases].lo = INT64_MIN;
				L->swcases[L->nswcases].hi = INT64_MAX;
				L->swcases[L->nswcases].block = b;
				L->nswcases++;
			}
		}
		ls(L, k[n - 1]);
		return;
	}
	case CXCursor_DefaultStmt: {
		uint32_t b = new_block(L);
		n = kids(s, k);
		jump(L, b);
		start(L, b);
		if (L->sw_block != NO_BLOCK)
			L->f->blocks[L->sw_block].succ[0] = b;
		if (n >= 1)
			ls(L, k[n - 1]);
		return;
	}
	case CXCursor_BreakStmt:
		jump(L, L->brk);
		return;
	case CXCursor_ContinueStmt:
		jump(L, L->cont);
		return;
	case CXCursor_ReturnStmt: {
		uint32_t e = 0;
		n = kids(s, k);
		if (n >= 1 && clang_isExpression(k[0].kind))
			e = lx(L, k[0]);
		if (L->cur == NO_BLOCK)
			start(L, new_block(L));
		if (plain_return(L, e))
			run_dtors(L, 0, s); /* every local object ends (a returned object's end is not followed) */
		finish(L, FT_RETURN, e, NO_BLOCK, NO_BLOCK);
		return;
	}
	case CXCursor_GotoStmt: {
		n = kids(s, k);
		if (n >= 1 && k[0].kind == CXCursor_LabelRef)
			jump(L, label_block(L, intern_cx(L, clang_getCursorSpelling(k[0]))));
		else
			jump(L, NO_BLOCK);
		return;
	}
	case CXCursor_IndirectGotoStmt:
		jump(L, NO_BLOCK);
		return;
	case CXCursor_LabelStmt: {
		uint32_t b = label_block(L, intern_cx(L, clang_getCursorSpelling(s)));
		n = kids(s, k);
		jump(L, b);
		start(L, b);
		if (n >= 1)
			ls(L, k[n - 1]);
		return;
	}
	default:
		for (unsigned guard = 0; guard < 8 && (s.kind == CXCursor_UnexposedExpr || s.kind == CXCursor_ParenExpr) &&
					 kids(s, k) == 1 && k[0].kind == CXCursor_CXXThrowExpr; guard++)
			s = k[0]; /* (throw x), throw x with cleanups */
		if (s.kind == CXCursor_CXXThrowExpr) { /* throw x;: its operand runs, the path leaves the function */
			n = kids(s, k);
			for (unsigned i = 0; i < n; i++)
				if (clang_isExpression(k[i].kind))
					stmt(L, lx(L, k[i]));
			jump(L, NO_BLOCK);
			return;
		}
		if (clang_isExpression(s.kind) && stmt_expr_chain(s, 0)) {
			stmt_expr_lower(L, s, 0);
			return;
		}
		if (clang_isExpression(s.kind)) {
			stmt(L, lx(L, s));
			return;
		}
		if (s.kind == CXCursor_GCCAsmStmt || s.kind == CXCursor_MSAsmStmt) {
			stmt(L, unknown(L, s)); /* its operands run, and its outputs are written: one unknown construct */
			return;
		}
		if (clang_isStatement(s.kind)) { /* asm, SEH, ...: their expressions still run */
			n = kids(s, k);
			for (unsigned i = 0; i < n; i++)
				ls(L, k[i]);
		}
		return;
	}
}

static void ls(lower *L, CXCursor s)
{
	if (L->oom)
		return;
	if (L->sdepth >= MAX_STMT_DEPTH || L->f->nnodes >= MAX_NODES) {
		L->f->budget_cut = 1;
		return;
	}
	L->sdepth++;
	ls_depth(L, s);
	L->sdepth--;
}

/* ---- entry points ---- */

void cvet_flow__tu_init(cvet_flow_tu *ft, cvet_flow *fl, cvet_tu *tu)
{
	memset(ft, 0, sizeof(*ft));
	ft->fl = fl;
	ft->tu = tu;
}

/* A file-scope `int n;` or `static int n;` with no definition in the translation unit: a tentative
 * definition, which is a zero-initialised definition at the end of the unit (C11 6.9.2). */
static int tentative_definition(CXCursor var)
{
	return clang_Cursor_getStorageClass(var) != CX_SC_Extern &&
	       clang_getCursorSemanticParent(var).kind == CXCursor_TranslationUnit &&
	       clang_Cursor_isNull(clang_getCursorDefinition(var));
}

void cvet_flow__global(cvet_flow_tu *ft, CXCursor var)
{
	int oom = 0;
	uint32_t g;
	fl_global *gl;
	CXCursor k[MAX_KIDS], init = clang_getNullCursor();
	unsigned n;
	if (!is_global_var(var) || ft->oom)
		return;
	g = global_of(ft, var, &oom);
	if (oom) {
		ft->oom = 1;
		return;
	}
	if (!clang_isCursorDefinition(var) && !tentative_definition(var))
		return;
	n = cx_children(var, k, MAX_KIDS);
	for (unsigned i = 0; i < n; i++)
		if (clang_isExpression(k[i].kind))
			init = k[i];
	gl = &ft->globals[g];
	gl->has_init = 1; /* a definition: zero-initialised unless it says otherwise */
	gl->init_lo = gl->init_hi = 0;
	if (!clang_Cursor_isNull(init)) {
		long long v;
		char *s = NULL;
		if (init.kind == CXCursor_InitListExpr) {
			/* an array of literal strings: one of them, preferring one that names no directory */
			CXCursor e[MAX_KIDS];
			unsigned ne = cx_children(init, e, MAX_KIDS), nstr = 0;
			for (unsigned i = 0; i < ne; i++) {
				char *lit = NULL;
				/* only literals themselves: libclang's evaluator crashes on some initialiser elements */
				if (cx_strip(e[i]).kind == CXCursor_StringLiteral && cx_string_literal(cx_strip(e[i]), &lit)) {
					size_t wl;
					const char *w = lit;
					while (*w == ' ' || *w == '\t')
						w++;
					wl = strcspn(w, " \t;|&");
					if (!gl->init_str || (wl && !memchr(w, '/', wl)))
						gl->init_str = fl_intern(&ft->strs, lit, strlen(lit));
					nstr++;
				}
				free(lit);
			}
			gl->init_strset = nstr > 1;
			gl->init_lo = INT64_MIN;
			gl->init_hi = INT64_MAX;
			gl->has_init = 2;
		} else if (cx_int_const(init, &v)) {
			gl->init_lo = gl->init_hi = v;
		} else if (cx_string_literal(init, &s)) {
			gl->init_str = fl_intern(&ft->strs, s, strlen(s));
			gl->init_lo = INT64_MIN;
			gl->init_hi = INT64_MAX;
		} else {
			gl->init_lo = INT64_MIN;
			gl->init_hi = INT64_MAX;
			gl->has_init = 2; /* initialised with something we do not evaluate */
		}
		free(s);
	}
}

/* A constructor's member initialisers (: d(x)): stores into this->d, before its body. */
static void member_inits(lower *L, const CXCursor *k, unsigned n)
{
	for (unsigned i = 0; i + 1 < n && !L->oom; i++) {
		CXCursor field = clang_getCursorReferenced(k[i]), rec;
		uint32_t base, mem, init, id;
		if (k[i].kind != CXCursor_MemberRef || !clang_isExpression(k[i + 1].kind) || field.kind != CXCursor_FieldDecl ||
		    L->this_var == UINT32_MAX)
			continue;
		init = lx(L, k[i + 1]);
		rec = clang_getCursorSemanticParent(field);
		if (!(base = node(L, FL_LOCAL, k[i])) || !(mem = node(L, FL_ARROW, k[i])) || !(id = node(L, FL_ASSIGN, k[i])))
			return;
		L->f->nodes[base].k = L->this_var;
		L->f->nodes[base].tflags = FL_T_PTR;
		L->f->nodes[base].width = 64;
		type_info(clang_getCursorType(field), &L->f->nodes[mem].width, &L->f->nodes[mem].tflags, NULL);
		L->f->nodes[mem].a = base;
		L->f->nodes[mem].k = rec.kind == CXCursor_UnionDecl ? intern(L, "|") : intern_cx(L, clang_getCursorSpelling(field));
		L->f->nodes[id].a = mem;
		L->f->nodes[id].b = init;
		L->f->nodes[id].width = L->f->nodes[mem].width;
		L->f->nodes[id].tflags = L->f->nodes[mem].tflags;
		stmt(L, id);
		i++;
	}
}

/* Record in the function the methods virtual method `m` overrides, and those they override (bounded). */
static void overridden(lower *L, CXCursor m, unsigned depth)
{
	CXCursor *ov = NULL;
	unsigned nov = 0;
	fl_func *f = L->f;
	if (depth > 8)
		return;
	clang_getOverriddenCursors(m, &ov, &nov);
	for (unsigned i = 0; i < nov && !L->oom && f->noverrides < 64; i++) {
		uint32_t usr = usr_of(L, ov[i]), seen = 0;
		for (uint32_t j = 0; j < f->noverrides; j++)
			seen |= f->overrides[j] == usr;
		if (!usr || seen || grow(L, (void **)&f->overrides, &L->capoverrides, f->noverrides, sizeof(*f->overrides)) < 0)
			continue;
		f->overrides[f->noverrides++] = usr;
		overridden(L, ov[i], depth + 1);
	}
	if (ov)
		clang_disposeOverriddenCursors(ov);
}

void cvet_flow__lower_function(cvet_flow_tu *ft, CXCursor fn, const char *name)
{
	lower L;
	fl_func *f;
	CXCursor k[MAX_KIDS], body = clang_getNullCursor();
	unsigned n;
	int np, thisp = 0;
	if (ft->oom)
		return;
	n = cx_children(fn, k, MAX_KIDS);
	for (unsigned i = 0; i < n; i++)
		if (k[i].kind == CXCursor_CompoundStmt)
			body = k[i];
	if (clang_Cursor_isNull(body))
		return;
	if (cvet_util__grow((void **)&ft->funcs, &ft->capfuncs, ft->nfuncs, sizeof(*ft->funcs)) < 0) {
		ft->oom = 1;
		return;
	}
	memset(&L, 0, sizeof(L));
	L.ft = ft;
	f = L.f = &ft->funcs[ft->nfuncs];
	memset(f, 0, sizeof(*f));
	L.brk = L.cont = L.sw_block = NO_BLOCK;
	node(&L, FL_NONE, clang_getNullCursor()); /* node 0 means "none" */
	f->usr = intern_cx(&L, clang_getCursorUSR(fn));
	f->name = intern(&L, name);
	{
		unsigned line = 0, col = 0;
		const char *rel = cvet_tu_where(ft->tu, fn, &line, &col, NULL);
		f->file = rel ? file_index(&L, rel) : 0;
		f->line = line;
	}
	f->is_main = name && strcmp(name, "main") == 0 && clang_getCursorSemanticParent(fn).kind == CXCursor_TranslationUnit;
	np = clang_Cursor_getNumArguments(fn);
	L.this_var = UINT32_MAX;
	if ((fn.kind == CXCursor_CXXMethod || fn.kind == CXCursor_Constructor || fn.kind == CXCursor_Destructor ||
	     fn.kind == CXCursor_ConversionFunction) && !clang_CXXMethod_isStatic(fn)) {
		/* `this` is parameter 0, as callers pass the object first */
		fl_var *tv;
		if (grow(&L, (void **)&f->vars, &L.capvars, f->nvars, sizeof(*f->vars)) == 0) {
			tv = &f->vars[f->nvars];
			memset(tv, 0, sizeof(*tv));
			tv->name = intern(&L, "this");
			tv->param = 0;
			tv->width = 64;
			tv->tflags = FL_T_PTR;
			L.this_var = f->nvars++;
		}
		thisp = 1;
	}
	for (int i = 0; i < np && i + thisp < 24; i++)
		var_of(&L, clang_Cursor_getArgument(fn, (unsigned)i), i + thisp);
	f->nparams = np < 0 ? (uint32_t)thisp : np + thisp > 24 ? 24 : (uint32_t)(np + thisp);
	start(&L, new_block(&L));
	if (fn.kind == CXCursor_Constructor)
		member_inits(&L, k, n);
	if (fn.kind == CXCursor_CXXMethod || fn.kind == CXCursor_Destructor)
		overridden(&L, fn, 0);
	ls(&L, body);
	if (L.cur != NO_BLOCK)
		finish(&L, FT_RETURN, 0, NO_BLOCK, NO_BLOCK);
	free(L.vmap);
	free(L.dtors);
	free(L.labels);
	free(L.swcases);
	if (L.oom) {
		fl_func_free(f);
		ft->oom = 1;
		return;
	}
	/* blocks never started have no statements: make their ranges empty */
	for (uint32_t b = 0; b < f->nblocks; b++)
		if (f->blocks[b].first == UINT32_MAX)
			f->blocks[b].first = 0;
	ft->nfuncs++;
}
