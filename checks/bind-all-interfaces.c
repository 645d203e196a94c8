/* bind-all-interfaces.c - sockets bound to the wildcard address (CWE-1327), and the network endpoints of the code */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "code/check.h"
#include "code/cx.h"
#include "lib/ast_flat.h"
#include "lib/calls.h"
#include "lib/names.h"
#include "lib/text.h"
#include "lib/sites.h"

extern const cvet_check cvet_check_bind_all_interfaces;

#define AI_PASSIVE_BIT 0x0001LL
#define WINDOW 512 /* facts looked at before a call: bounds the work on huge functions */

/* Facts and calls recorded per function, in source order. */
enum {
	F_ADDR4 = 1, /* V.sin_addr(.s_addr) = ...: value = host-order address or -1; arg[1] = literal text or null */
	F_ADDR6,     /* V.sin6_addr = ...: value 0 any, 1 loopback, -1 unknown; arg[1] = literal or null */
	F_PORT,      /* V.sin_port = htons(N): value = N or -1 */
	F_ZERO,      /* memset(&V, 0, ...), bzero, = {0}: all fields zero */
	F_CLOBBER,   /* V passed somewhere we do not model: address and port unknown from here */
	F_PASSIVE,   /* hints.ai_flags with AI_PASSIVE */
	C_BIND,      /* bind(fd, addr, len) and look-alikes: arg[0] fd, arg[1] addr expr */
	C_LISTEN,    /* listen(fd, n): arg[0] fd */
	C_CONNECT,   /* connect(fd, addr, len): arg[1] addr */
	C_SENDTO,    /* sendto(fd, buf, n, flags, addr, len): arg[1] addr */
	C_GAI,       /* getaddrinfo(node, service, hints, res): arg[0] node, arg[1] service, arg[2] hints */
};

typedef struct state {
	cvet_sites sites;
} state;

/* ---- expressions ---- */

/* e without glibc's transparent-union wrapper: with _GNU_SOURCE, a `struct sockaddr *` argument of bind/connect
 * becomes a compound literal of __CONST_SOCKADDR_ARG holding the pointer. */
static CXCursor unwrap(CXCursor e)
{
	CXCursor s = cx_strip_casts(e);
	for (unsigned guard = 0; guard < 4; guard++) {
		unsigned n;
		if (s.kind != CXCursor_CompoundLiteralExpr && s.kind != CXCursor_InitListExpr)
			break;
		n = cx_child_count(s);
		if (n == 0)
			break;
		s = cx_strip_casts(cx_child(s, n - 1));
	}
	return s;
}

/* The variable/parameter at the root of &V, V.f.g, p->f, (T *)&V, V[i]; null cursor otherwise. */
static CXCursor root_decl(CXCursor e)
{
	e = unwrap(e);
	for (unsigned guard = 0; guard < 32 && !cx_is_null(e); guard++) {
		CXCursor s = cx_strip_casts(e), d;
		switch (s.kind) {
		case CXCursor_UnaryOperator:
		case CXCursor_ArraySubscriptExpr:
			e = cx_child(s, 0);
			continue;
		case CXCursor_MemberRefExpr:
			if (cx_child_count(s) == 0)
				return clang_getNullCursor();
			e = cx_child(s, 0);
			continue;
		case CXCursor_DeclRefExpr:
			d = clang_getCursorReferenced(s);
			if (d.kind == CXCursor_VarDecl || d.kind == CXCursor_ParmDecl)
				return d;
			return clang_getNullCursor();
		default:
			return clang_getNullCursor();
		}
	}
	return clang_getNullCursor();
}

/* Spelling of the member an expression names (x.sin_port -> "sin_port"), malloc'd, or NULL. */
static char *member_name(CXCursor e)
{
	CXCursor s = unwrap(e);
	if (s.kind == CXCursor_UnaryOperator)
		s = cx_strip_casts(cx_child(s, 0));
	if (s.kind != CXCursor_MemberRefExpr)
		return NULL;
	return cx_spelling(s);
}

/* 1 when `word` occurs in the type spelling as a whole identifier ("struct sockaddr_un", not the
 * "srvr_sockaddr_union_t" of a union holding every kind). */
static int type_word(const char *sp, const char *word)
{
	size_t k = strlen(word);
	for (const char *p = strstr(sp, word); p; p = strstr(p + 1, word)) {
		char before = p > sp ? p[-1] : ' ', after = p[k];
		int id_before = (before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z') ||
				(before >= '0' && before <= '9') || before == '_';
		int id_after = (after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z') ||
			       (after >= '0' && after <= '9') || after == '_';
		if (!id_before && !id_after)
			return 1;
	}
	return 0;
}

/* 4 for struct sockaddr_in (or a pointer to it), 6 for sockaddr_in6, 1 for other sockaddr/addrinfo types, -1 for
 * Unix-domain, netlink, packet and similar local sockets, 0 else. */
static int sockaddr_family(CXCursor decl)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(decl));
	char *sp;
	int fam = 0;
	if (t.kind == CXType_Pointer)
		t = clang_getCanonicalType(clang_getPointeeType(t));
	sp = cx_str(clang_getTypeSpelling(t));
	if (sp) {
		if (type_word(sp, "sockaddr_un") || type_word(sp, "sockaddr_nl") || type_word(sp, "sockaddr_ll") ||
		    type_word(sp, "sockaddr_vm") || type_word(sp, "sockaddr_can") || type_word(sp, "sockaddr_alg"))
			fam = -1; /* local, kernel or link-layer sockets: not network endpoints */
		else if (type_word(sp, "sockaddr_in6"))
			fam = 6;
		else if (type_word(sp, "sockaddr_in"))
			fam = 4;
		else if (strstr(sp, "sockaddr") || strstr(sp, "addrinfo") || strstr(sp, "in_addr") || strstr(sp, "in6_addr"))
			fam = 1;
	}
	free(sp);
	return fam;
}

/* Value of N in htons(N)/htonl(N) (and glibc's __bswap_* forms); 1 on success. */
static int byteswapped_const(CXCursor e, long long *out)
{
	static const char *const swaps[] = {"htons", "htonl", "__bswap_16", "__bswap_32", "__builtin_bswap16",
					    "__builtin_bswap32", "__uint16_identity", "__uint32_identity", NULL};
	CXCursor s = cx_strip_casts(e);
	char *name;
	int ok = 0;
	if (s.kind != CXCursor_CallExpr || clang_Cursor_getNumArguments(s) != 1)
		return 0;
	name = cx_spelling(s);
	if (name && cvet_calls__name_in(name, swaps))
		ok = cx_int_const(clang_Cursor_getArgument(s, 0), out);
	free(name);
	return ok;
}

/* Name of the called function of a call expression (after casts), malloc'd, or NULL. */
static char *call_name(CXCursor e)
{
	CXCursor s = cx_strip_casts(e);
	if (s.kind != CXCursor_CallExpr)
		return NULL;
	return cx_spelling(s);
}

static void dotted(long long v, char *buf, size_t n)
{
	unsigned long x = (unsigned long)v & 0xffffffffUL;
	snprintf(buf, n, "%lu.%lu.%lu.%lu", (x >> 24) & 255, (x >> 16) & 255, (x >> 8) & 255, x & 255);
}

/* ---- recording ---- */

static void push(state *st, const cvet_event *ev, CXCursor at, int tag, CXCursor decl, CXCursor lit, long long value)
{
	cvet_site s;
	memset(&s, 0, sizeof s);
	s.fn = ev->function;
	s.call = at;
	s.tag = tag;
	s.arg[0] = decl;
	s.arg[1] = lit;
	s.value = value;
	(void)cvet_sites__push(&st->sites, &s);
}

/* IPv4 address value of an expression assigned to s_addr: host-order constant, or a literal via inet_addr. */
static void record_addr4(state *st, const cvet_event *ev, CXCursor decl, CXCursor rhs, int whole_struct)
{
	long long v;
	char *cn;
	if (whole_struct) { /* V.sin_addr = some_in_addr: unknown */
		push(st, ev, ev->cursor, F_ADDR4, decl, clang_getNullCursor(), -1);
		return;
	}
	if (byteswapped_const(rhs, &v)) {
		push(st, ev, ev->cursor, F_ADDR4, decl, clang_getNullCursor(), v & 0xffffffffLL);
		return;
	}
	if (cx_int_const(rhs, &v) && (v == 0 || (v & 0xffffffffLL) == 0xffffffffLL)) {
		push(st, ev, ev->cursor, F_ADDR4, decl, clang_getNullCursor(), v & 0xffffffffLL); /* same either way */
		return;
	}
	cn = call_name(rhs);
	if (cn && strcmp(cn, "inet_addr") == 0) {
		CXCursor c = cx_strip_casts(rhs);
		CXCursor a = clang_Cursor_getArgument(c, 0);
		if (cx_string_literal(a, NULL)) {
			push(st, ev, ev->cursor, F_ADDR4, decl, cx_strip_casts(a), -1);
			free(cn);
			return;
		}
	}
	free(cn);
	push(st, ev, ev->cursor, F_ADDR4, decl, clang_getNullCursor(), -1);
}

static void on_cursor(cvet_tu *tu, void *vs, const cvet_event *ev)
{
	state *st = vs;
	enum CX_BinaryOperatorKind op;
	CXCursor lhs, rhs, decl;
	char *m;
	(void)tu;
	if (cx_is_null(ev->function))
		return;
	op = cx_binop(ev->cursor);
	if (op != CX_BO_Assign && op != CX_BO_OrAssign)
		return;
	lhs = cx_child(ev->cursor, 0);
	rhs = cx_child(ev->cursor, 1);
	m = member_name(lhs);
	if (!m)
		return;
	decl = root_decl(lhs);
	if (cx_is_null(decl)) {
		free(m);
		return;
	}
	if (strcmp(m, "ai_flags") == 0) {
		long long v;
		if (cx_int_const(rhs, &v) && (v & AI_PASSIVE_BIT))
			push(st, ev, ev->cursor, F_PASSIVE, decl, clang_getNullCursor(), 1);
	} else if (op != CX_BO_Assign) {
		/* only plain assignment below */
	} else if (strcmp(m, "s_addr") == 0 || strcmp(m, "sin_addr") == 0) {
		record_addr4(st, ev, decl, rhs, strcmp(m, "sin_addr") == 0);
	} else if (strcmp(m, "sin6_addr") == 0) {
		char *r = cvet_names__ref_name(rhs);
		long long v = -1;
		if (r && strcmp(r, "in6addr_any") == 0)
			v = 0;
		else if (r && strcmp(r, "in6addr_loopback") == 0)
			v = 1;
		push(st, ev, ev->cursor, F_ADDR6, decl, clang_getNullCursor(), v);
		free(r);
	} else if (strcmp(m, "sin_port") == 0 || strcmp(m, "sin6_port") == 0) {
		long long v;
		if (!byteswapped_const(rhs, &v)) {
			if (!cx_int_const(rhs, &v) || v != 0)
				v = -1;
		}
		push(st, ev, ev->cursor, F_PORT, decl, clang_getNullCursor(), v);
	}
	free(m);
}

/* One field of a declaration's initializer: sin_port, sin_addr / s_addr, sin6_addr, ai_flags. */
static void record_init_field(state *st, const cvet_event *ev, const char *field, CXCursor value)
{
	long long v;
	CXCursor val = cx_strip(value);
	if (strcmp(field, "sin_addr") == 0 && val.kind == CXCursor_InitListExpr) {
		if (cx_child_count(val) != 1)
			return;
		val = cx_child(val, 0);
		field = "s_addr";
	}
	if (strcmp(field, "ai_flags") == 0) {
		if (cx_int_const(val, &v) && (v & AI_PASSIVE_BIT))
			push(st, ev, ev->cursor, F_PASSIVE, ev->cursor, clang_getNullCursor(), 1);
	} else if (strcmp(field, "sin_port") == 0 || strcmp(field, "sin6_port") == 0) {
		if (!byteswapped_const(val, &v) && !(cx_int_const(val, &v) && v == 0))
			v = -1;
		push(st, ev, ev->cursor, F_PORT, ev->cursor, clang_getNullCursor(), v);
	} else if (strcmp(field, "s_addr") == 0) {
		if (byteswapped_const(val, &v) || (cx_int_const(val, &v) && v == 0))
			push(st, ev, ev->cursor, F_ADDR4, ev->cursor, clang_getNullCursor(), v & 0xffffffffLL);
		else
			push(st, ev, ev->cursor, F_ADDR4, ev->cursor, clang_getNullCursor(), -1);
	} else if (strcmp(field, "sin6_addr") == 0) {
		char *r = cvet_names__ref_name(val);
		v = r && strcmp(r, "in6addr_any") == 0 ? 0 : r && strcmp(r, "in6addr_loopback") == 0 ? 1 : -1;
		push(st, ev, ev->cursor, F_ADDR6, ev->cursor, clang_getNullCursor(), v);
		free(r);
	}
}

/* Record a declaration's initializer as facts: struct sockaddr_in a = {0} / { .sin_addr... } / addrinfo hints. */
static void on_vardecl(state *st, const cvet_event *ev)
{
	unsigned n = cx_child_count(ev->cursor);
	CXCursor init;
	int fam;
	if (!n || cx_is_null(ev->function))
		return;
	init = cx_strip(cx_child(ev->cursor, n - 1));
	if (init.kind != CXCursor_InitListExpr)
		return;
	fam = sockaddr_family(ev->cursor);
	if (!fam)
		return;
	push(st, ev, ev->cursor, F_ZERO, ev->cursor, clang_getNullCursor(), 0);
	/* libclang shows the syntactic initializer: designated entries (.sin_port = X, .sin_addr.s_addr = Y) are
	 * UnexposedExprs whose MemberRef children name the designator chain and whose last child is the value;
	 * positional entries follow the field order (sin_family, sin_port, sin_addr / ai_flags first) */
	{
		unsigned k = cx_child_count(init);
		for (unsigned i = 0; i < k && i < 16; i++) {
			CXCursor c = cx_child(init, i), value = c;
			char field[32] = "";
			unsigned nc = cx_child_count(c);
			if (c.kind == CXCursor_UnexposedExpr && nc >= 2 && cx_child(c, 0).kind == CXCursor_MemberRef) {
				for (unsigned j = 0; j + 1 < nc; j++) {
					char *m = cx_spelling(cx_child(c, j));
					if (m)
						snprintf(field, sizeof field, "%s", m);
					free(m);
				}
				value = cx_child(c, nc - 1);
			} else if (fam == 4) {
				snprintf(field, sizeof field, "%s", i == 1 ? "sin_port" : i == 2 ? "sin_addr" : "");
			} else if (fam == 1) {
				snprintf(field, sizeof field, "%s", i == 0 ? "ai_flags" : "");
			}
			record_init_field(st, ev, field, value);
		}
	}
}

static void on_cursor_any(cvet_tu *tu, void *vs, const cvet_event *ev)
{
	if (ev->kind == CXCursor_VarDecl)
		on_vardecl(vs, ev);
	else
		on_cursor(tu, vs, ev);
}

/* Calls whose sockaddr arguments we model; others that receive a sockaddr clobber what we know about it. */
static void on_call(cvet_tu *tu, void *vs, const cvet_event *ev)
{
	state *st = vs;
	const char *name = ev->call->name;
	unsigned n = ev->call->nargs;
	cvet_site s;
	(void)tu;
	if (cx_is_null(ev->function) || !cvet_calls__is_c_api(ev))
		return;
	cvet_sites__from_call(&s, ev);
	if ((strcmp(name, "bind") == 0 && n == 3) || ((strcmp(name, "uv_tcp_bind") == 0 || strcmp(name, "uv_udp_bind") == 0) && n == 3)) {
		s.tag = C_BIND;
		s.arg[0] = cvet_calls__arg(ev, 0);
		s.arg[1] = cvet_calls__arg(ev, 1);
		s.name = name[0] == 'b' ? "bind" : strcmp(name, "uv_tcp_bind") == 0 ? "uv_tcp_bind" : "uv_udp_bind";
	} else if (strcmp(name, "listen") == 0 && n == 2) {
		s.tag = C_LISTEN;
		s.name = "listen";
	} else if (strcmp(name, "connect") == 0 && n == 3) {
		s.tag = C_CONNECT;
		s.name = "connect";
	} else if (strcmp(name, "sendto") == 0 && n == 6) {
		s.tag = C_SENDTO;
		s.arg[1] = cvet_calls__arg(ev, 4);
		s.name = "sendto";
		{
			CXCursor to = unwrap(cvet_calls__arg(ev, 4));
			long long z;
			if (cvet_calls__arg_is_null(ev, 4) || to.kind == CXCursor_GNUNullExpr ||
			    to.kind == CXCursor_CXXNullPtrLiteralExpr || (cx_int_const(to, &z) && z == 0))
				return; /* connected socket: no destination given */
		}
	} else if (strcmp(name, "getaddrinfo") == 0 && n == 4) {
		s.tag = C_GAI;
		s.name = "getaddrinfo";
	} else if ((strcmp(name, "memset") == 0 && n == 3) || (strcmp(name, "bzero") == 0 && n == 2)) {
		long long v = 0;
		CXCursor d = root_decl(cvet_calls__arg(ev, 0));
		char *m = member_name(cvet_calls__arg(ev, 0));
		if (!cx_is_null(d) && sockaddr_family(d) && (n == 2 || (cvet_calls__arg_int(ev, 1, &v) && v == 0)) && !m)
			push(st, ev, ev->call->expr, F_ZERO, d, clang_getNullCursor(), 0);
		else if (!cx_is_null(d) && sockaddr_family(d))
			push(st, ev, ev->call->expr, F_CLOBBER, d, clang_getNullCursor(), 0);
		free(m);
		return;
	} else if ((strcmp(name, "inet_pton") == 0 && n == 3) || (strcmp(name, "inet_aton") == 0 && n == 2)) {
		unsigned src = name[5] == 'p' ? 1 : 0, dst = name[5] == 'p' ? 2 : 1;
		CXCursor d = root_decl(cvet_calls__arg(ev, dst)), lit = cvet_calls__arg(ev, src);
		long long fam = 2;
		int six;
		if (cx_is_null(d))
			return;
		if (name[5] == 'p')
			(void)cvet_calls__arg_int(ev, 0, &fam);
		six = fam == 10 || sockaddr_family(d) == 6; /* AF_INET6 is 10 on Linux */
		push(st, ev, ev->call->expr, six ? F_ADDR6 : F_ADDR4, d,
		     cx_string_literal(lit, NULL) ? cx_strip_casts(lit) : clang_getNullCursor(), -1);
		return;
	} else if ((strcmp(name, "uv_ip4_addr") == 0 || strcmp(name, "uv_ip6_addr") == 0) && n == 3) {
		CXCursor d = root_decl(cvet_calls__arg(ev, 2)), lit = cvet_calls__arg(ev, 0);
		long long port;
		if (cx_is_null(d))
			return;
		push(st, ev, ev->call->expr, name[5] == '6' ? F_ADDR6 : F_ADDR4, d,
		     cx_string_literal(lit, NULL) ? cx_strip_casts(lit) : clang_getNullCursor(), -1);
		push(st, ev, ev->call->expr, F_PORT, d, clang_getNullCursor(),
		     cvet_calls__arg_int(ev, 1, &port) ? port : -1);
		return;
	} else if (strcmp(name, "MHD_start_daemon") == 0 && n >= 2) {
		s.tag = -1; /* handled right away: no per-function facts needed */
	} else if ((strcmp(name, "evhttp_bind_socket") == 0 || strcmp(name, "evhttp_bind_socket_with_handle") == 0) &&
		   n == 3) {
		s.tag = -2;
	} else {
		/* any other call receiving a sockaddr variable (or its address) may fill it in */
		for (unsigned i = 0; i < n && i < 8; i++) {
			CXCursor a = cvet_calls__arg(ev, i), d = root_decl(a), sa = cx_strip_casts(a);
			if (cx_is_null(d) || !sockaddr_family(d))
				continue;
			if (sa.kind == CXCursor_DeclRefExpr && clang_getCanonicalType(clang_getCursorType(sa)).kind != CXType_Pointer)
				continue; /* passed by value: cannot change it */
			push(st, ev, ev->call->expr, F_CLOBBER, d, clang_getNullCursor(), 0);
		}
		return;
	}
	if (s.tag == -1) {
		/* libmicrohttpd listens on every interface unless MHD_OPTION_SOCK_ADDR / LISTEN_SOCKET says otherwise */
		long long port = -1;
		int own_addr = 0;
		for (unsigned i = 2; i < n && i < 64; i++) {
			char *cn = cvet_names__const_name(tu, ev->call->args[i]);
			if (cn && (strcmp(cn, "MHD_OPTION_SOCK_ADDR") == 0 || strcmp(cn, "MHD_OPTION_LISTEN_SOCKET") == 0))
				own_addr = 1;
			free(cn);
		}
		if (!cvet_calls__arg_int(ev, 1, &port) || port < 0 || port > 65535)
			port = -1;
		cvet_tu_add_endpoint(tu, ev->call->expr, "MHD_start_daemon", own_addr ? NULL : "0.0.0.0", (int)port);
		if (!own_addr)
			cvet_tu_report(tu, &cvet_check_bind_all_interfaces, ev->call->expr,
				       "'MHD_start_daemon' without MHD_OPTION_SOCK_ADDR listens on all interfaces; pass "
				       "MHD_OPTION_SOCK_ADDR with the address to serve on (e.g. 127.0.0.1)");
		return;
	}
	if (s.tag == -2) {
		char *addr = NULL;
		long long port = -1;
		int have = cvet_calls__arg_string(ev, 1, &addr);
		if (!cvet_calls__arg_int(ev, 2, &port) || port < 0 || port > 65535)
			port = -1;
		cvet_tu_add_endpoint(tu, ev->call->expr, name, have ? addr : NULL, (int)port);
		if (have && addr && (strcmp(addr, "0.0.0.0") == 0 || strcmp(addr, "::") == 0 || !*addr))
			cvet_tu_report(tu, &cvet_check_bind_all_interfaces, cvet_calls__arg(ev, 1),
				       "'%s' on \"%s\" listens on all interfaces; bind to 127.0.0.1 or a configured address",
				       name, addr);
		free(addr);
		return;
	}
	(void)cvet_sites__push(&st->sites, &s);
}

/* ---- evaluation at the end of a function ---- */

typedef struct addr_info {
	int known;         /* 1 when the address is a constant */
	int wildcard;      /* 1 for 0.0.0.0 / :: */
	char text[64];     /* address text when known */
	long long port;    /* -1 when unknown */
	CXCursor where;    /* the fact that set the address (for steps), or null */
} addr_info;

/* Address and port of sockaddr variable `decl` as of site index `upto` in function fn. */
static void eval_addr(const state *st, CXCursor fn, size_t upto, CXCursor decl, addr_info *out)
{
	int fam = sockaddr_family(decl);
	memset(out, 0, sizeof *out);
	out->port = -1;
	out->where = clang_getNullCursor();
	for (size_t i = upto > WINDOW ? upto - WINDOW : 0; i < upto; i++) {
		const cvet_site *f = &st->sites.v[i];
		if (!clang_equalCursors(f->fn, fn) || !clang_equalCursors(f->arg[0], decl))
			continue;
		switch (f->tag) {
		case F_ZERO:
			out->known = fam == 4 || fam == 6;
			out->wildcard = out->known;
			snprintf(out->text, sizeof out->text, "%s", fam == 6 ? "::" : "0.0.0.0");
			out->port = 0;
			out->where = f->call;
			break;
		case F_CLOBBER:
			out->known = out->wildcard = 0;
			out->port = -1;
			out->where = clang_getNullCursor();
			break;
		case F_ADDR4:
		case F_ADDR6: {
			char *lit = NULL;
			out->where = f->call;
			out->known = out->wildcard = 0;
			if (!cx_is_null(f->arg[1]) && cx_string_literal(f->arg[1], &lit) && lit) {
				char *shown = cvet_text__shorten(lit, 60);
				out->known = 1;
				snprintf(out->text, sizeof out->text, "%s", shown ? shown : "");
				out->wildcard = strcmp(lit, "0.0.0.0") == 0 || strcmp(lit, "::") == 0 ||
						strcmp(lit, "0") == 0 || strcmp(lit, "::0") == 0;
				free(shown);
			} else if (f->tag == F_ADDR4 && f->value >= 0) {
				out->known = 1;
				dotted(f->value, out->text, sizeof out->text);
				out->wildcard = f->value == 0;
			} else if (f->tag == F_ADDR6 && f->value >= 0) {
				out->known = 1;
				snprintf(out->text, sizeof out->text, "%s", f->value == 0 ? "::" : "::1");
				out->wildcard = f->value == 0;
			}
			free(lit);
			break;
		}
		case F_PORT:
			out->port = f->value >= 0 && f->value <= 65535 ? f->value : -1;
			break;
		default:
			break;
		}
	}
}

static long long service_port(const char *s)
{
	static const struct {
		const char *name;
		int port;
	} known[] = {{"http", 80}, {"https", 443}, {"ftp", 21}, {"ssh", 22}, {"telnet", 23}, {"smtp", 25},
		     {"domain", 53}, {"imap", 143}, {"imaps", 993}, {"pop3", 110}, {"ldap", 389}, {"ldaps", 636}};
	char *end;
	long v;
	if (!s || !*s)
		return -1;
	v = strtol(s, &end, 10);
	if (*end == '\0')
		return v >= 0 && v <= 65535 ? v : -1;
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strcmp(s, known[i].name) == 0)
			return known[i].port;
	return -1;
}

/* 1 when the hints variable of a getaddrinfo call carries AI_PASSIVE before site index i. */
static int hints_passive(const state *st, CXCursor fn, size_t i, CXCursor hints_expr)
{
	CXCursor d = root_decl(hints_expr);
	if (cx_is_null(d))
		return 0;
	for (size_t k = i > WINDOW ? i - WINDOW : 0; k < i; k++) {
		const cvet_site *f = &st->sites.v[k];
		if (f->tag == F_PASSIVE && clang_equalCursors(f->fn, fn) && clang_equalCursors(f->arg[0], d))
			return 1;
	}
	return 0;
}

typedef struct gai_info {
	int found;
	int wildcard;
	char text[64];
	int have_text;
	long long port;
	size_t index;
} gai_info;

static void eval_gai(const state *st, CXCursor fn, size_t i, gai_info *g)
{
	const cvet_site *s = &st->sites.v[i];
	char *node = NULL, *svc = NULL;
	memset(g, 0, sizeof *g);
	g->found = 1;
	g->index = i;
	g->port = -1;
	if (cx_string_literal(s->arg[1], &svc) && svc)
		g->port = service_port(svc);
	if (cx_string_literal(s->arg[0], &node) && node) {
		char *shown = cvet_text__shorten(node, 60);
		g->have_text = 1;
		snprintf(g->text, sizeof g->text, "%s", shown ? shown : "");
		g->wildcard = strcmp(node, "0.0.0.0") == 0 || strcmp(node, "::") == 0;
		free(shown);
	} else {
		long long v;
		CXCursor a = cx_strip_casts(s->arg[0]);
		int is_null = a.kind == CXCursor_CXXNullPtrLiteralExpr || a.kind == CXCursor_GNUNullExpr ||
			      (cx_int_const(a, &v) && v == 0);
		if (is_null && hints_passive(st, fn, i, s->arg[2])) {
			g->wildcard = 1;
			g->have_text = 1;
			snprintf(g->text, sizeof g->text, "0.0.0.0");
		}
	}
	free(node);
	free(svc);
}

/* 1 when the function connects the socket `fd` or sends from it: a bind to port 0 then only picks the local side
 * of outgoing traffic. */
static int connects(const state *st, CXCursor fn, CXCursor fd)
{
	for (size_t k = 0; k < st->sites.n; k++) {
		const cvet_site *c = &st->sites.v[k];
		if ((c->tag == C_CONNECT || c->tag == C_SENDTO) && clang_equalCursors(c->fn, fn) &&
		    cx_same_ref(c->arg[0], fd))
			return 1;
	}
	return 0;
}

static void report_bind(cvet_tu *tu, const cvet_site *b, const char *addr, long long port, CXCursor where)
{
	char portbuf[32] = "";
	cvet_finding *f;
	if (port > 0)
		snprintf(portbuf, sizeof portbuf, ", port %lld", port);
	f = cvet_tu_report(tu, &cvet_check_bind_all_interfaces, b->call,
			   "'%s' listens on all interfaces (%s%s), so the service is reachable from every network; "
			   "bind to 127.0.0.1 / ::1 or to a configured address",
			   b->name, addr, portbuf);
	if (f && !cx_is_null(where))
		(void)cvet_tu_add_step(tu, f, where, "wildcard address %s set here", addr);
}

/* 1 when node i of the flattened function reads one of the function's parameters (u->listen, *host). */
static int reads_param(const cvet_flat *fl, int i)
{
	for (int j = i; j >= 0 && j < fl->v[i].end && (size_t)j < fl->n; j++)
		if (fl->v[j].c.kind == CXCursor_DeclRefExpr &&
		    clang_getCursorReferenced(fl->v[j].c).kind == CXCursor_ParmDecl)
			return 1;
	return 0;
}

/*
 * 1 when the statement at `at` runs only under a condition on the function's parameters: the wildcard is
 * then what the input chose (`listen *:80` parsed by a configuration reader: if (*host == '*') addr =
 * INADDR_ANY), not a hard-coded address.
 */
static int chosen_by_input(CXCursor fn, CXCursor at)
{
	cvet_flat fl = {0};
	int i, child, found = 0;
	if (cvet_flat__build(fn, &fl) < 0 || (i = cvet_flat__find(&fl, at, 0)) < 0)
		goto done;
	while (!found && (i = cvet_flat__up(&fl, child = i, NULL)) >= 0) {
		enum CXCursorKind k = fl.v[i].c.kind;
		int cond = -1;
		if (k == CXCursor_IfStmt || k == CXCursor_SwitchStmt || k == CXCursor_WhileStmt ||
		    k == CXCursor_ConditionalOperator)
			cond = i + 1; /* the condition is the first child */
		if (cond >= 0 && (size_t)cond < fl.n && fl.v[cond].parent == i && !cvet_flat__within(&fl, cond, child))
			found = reads_param(&fl, cond);
	}
done:
	cvet_flat__free(&fl);
	return found;
}

static void on_function_end(cvet_tu *tu, void *vs, const cvet_event *ev)
{
	state *st = vs;
	CXCursor fn = cvet_calls__event_function(ev);
	gai_info last_gai;
	int gai_bound = 0; /* a bind used the last getaddrinfo result */
	memset(&last_gai, 0, sizeof last_gai);
	for (size_t i = 0; i < st->sites.n; i++) {
		const cvet_site *s = &st->sites.v[i];
		if (!clang_equalCursors(s->fn, fn))
			continue;
		switch (s->tag) {
		case C_GAI:
			if (last_gai.found && last_gai.wildcard && !gai_bound)
				cvet_tu_report(tu, &cvet_check_bind_all_interfaces, st->sites.v[last_gai.index].call,
					       "'getaddrinfo' with a NULL host and AI_PASSIVE yields the wildcard address "
					       "for listening on all interfaces; pass the address to serve on "
					       "(e.g. \"127.0.0.1\")");
			eval_gai(st, fn, i, &last_gai);
			gai_bound = 0;
			cvet_tu_add_endpoint(tu, s->call, "getaddrinfo", last_gai.have_text ? last_gai.text : NULL,
					     (int)last_gai.port);
			break;
		case C_BIND:
		case C_CONNECT:
		case C_SENDTO: {
			addr_info ai;
			CXCursor d = root_decl(s->arg[1]);
			char *m = member_name(s->arg[1]);
			const char *api = s->tag == C_BIND ? s->name : s->tag == C_CONNECT ? "connect" : "sendto";
			if (m && strcmp(m, "ai_addr") == 0 && last_gai.found) {
				/* the address comes from getaddrinfo's result list */
				if (s->tag == C_BIND)
					gai_bound = 1;
				cvet_tu_add_endpoint(tu, s->call, api, last_gai.have_text ? last_gai.text : NULL,
						     (int)last_gai.port);
				if (s->tag == C_BIND && last_gai.wildcard)
					report_bind(tu, s, last_gai.text, last_gai.port,
						    st->sites.v[last_gai.index].call);
			} else if (!cx_is_null(d) && sockaddr_family(d) < 0) {
				/* a Unix-domain or netlink socket: not part of the network surface */
			} else if (!cx_is_null(d)) {
				eval_addr(st, fn, i, d, &ai);
				cvet_tu_add_endpoint(tu, s->call, api, ai.known ? ai.text : NULL, (int)ai.port);
				if (s->tag == C_BIND && ai.known && ai.wildcard && !(ai.port == 0 && connects(st, fn, s->arg[0])))
					report_bind(tu, s, ai.text, ai.port, ai.where);
			} else {
				cvet_tu_add_endpoint(tu, s->call, api, NULL, -1);
			}
			free(m);
			break;
		}
		case C_LISTEN: {
			/* same socket as an earlier bind in this function: reuse its address */
			const char *addr = NULL;
			long long port = -1;
			int local = 0; /* bound to a Unix-domain/netlink address */
			addr_info ai;
			for (size_t k = i; k-- > 0 && i - k <= WINDOW;) {
				const cvet_site *b = &st->sites.v[k];
				CXCursor d;
				if (b->tag != C_BIND || !clang_equalCursors(b->fn, fn) || !cx_same_ref(b->arg[0], s->arg[0]))
					continue;
				d = root_decl(b->arg[1]);
				if (!cx_is_null(d) && sockaddr_family(d) < 0) {
					local = 1;
				} else if (!cx_is_null(d)) {
					eval_addr(st, fn, k, d, &ai);
					addr = ai.known ? ai.text : NULL;
					port = ai.port;
				}
				break;
			}
			if (!local)
				cvet_tu_add_endpoint(tu, s->call, "listen", addr, (int)port);
			break;
		}
		default:
			break;
		}
	}
	if (last_gai.found && last_gai.wildcard && !gai_bound)
		cvet_tu_report(tu, &cvet_check_bind_all_interfaces, st->sites.v[last_gai.index].call,
			       "'getaddrinfo' with a NULL host and AI_PASSIVE yields the wildcard address for listening "
			       "on all interfaces; pass the address to serve on (e.g. \"127.0.0.1\")");
	/* a wildcard address assigned in a function that binds nothing: report at the assignment */
	{
		int has_bind = 0;
		for (size_t i = 0; i < st->sites.n; i++) /* bind, or a connect/sendto: not a listening address */
			if ((st->sites.v[i].tag == C_BIND || st->sites.v[i].tag == C_CONNECT ||
			     st->sites.v[i].tag == C_SENDTO) &&
			    clang_equalCursors(st->sites.v[i].fn, fn))
				has_bind = 1;
		for (size_t i = 0; i < st->sites.n && !has_bind; i++) {
			const cvet_site *f = &st->sites.v[i];
			int wild;
			if (!clang_equalCursors(f->fn, fn) || (f->tag != F_ADDR4 && f->tag != F_ADDR6) ||
			    f->call.kind != CXCursor_BinaryOperator)
				continue;
			wild = f->value == 0 && sockaddr_family(f->arg[0]) >= 4;
			if (wild && !chosen_by_input(fn, f->call))
				cvet_tu_report(tu, &cvet_check_bind_all_interfaces, f->call,
					       "wildcard address (%s) stored in a socket address: a socket bound to it "
					       "listens on all interfaces; use 127.0.0.1 / ::1 or a configured address",
					       f->tag == F_ADDR6 ? "in6addr_any" : "INADDR_ANY");
		}
	}
	cvet_sites__drop_fn(&st->sites, fn);
}

static void cleanup(void *vs)
{
	cvet_sites__free(&((state *)vs)->sites);
}

static const enum CXCursorKind kinds[] = {CXCursor_BinaryOperator, CXCursor_CompoundAssignOperator, CXCursor_VarDecl, 0};

const cvet_check cvet_check_bind_all_interfaces = {
	.rule = {.id = "bind-all-interfaces",
		 .title = "Socket bound to all network interfaces",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {1327},
		 .precision = CVET_PRECISION_HIGH},
	.kinds = kinds,
	.state_size = sizeof(state),
	.on_call = on_call,
	.on_cursor = on_cursor_any,
	.on_function_end = on_function_end,
	.cleanup = cleanup,
};
