/* ir.h - the flow engine's own program representation: functions lowered from libclang into basic blocks
 * of expression trees over places (variables, fields, elements, *p), with calls named by USR. No libclang
 * type appears here: the translation unit is freed once its functions are lowered. */
#ifndef CVET_FLOW_IR_H
#define CVET_FLOW_IR_H

#include <stddef.h>
#include <stdint.h>

/* Expression node operators. */
typedef enum {
	FL_NONE = 0,  /* node 0: "no node" */
	FL_INT,       /* integer constant k */
	FL_STR,       /* string literal: k = interned text id */
	FL_LOCAL,     /* local variable or parameter: k = index into fl_func.vars */
	FL_GLOBAL,    /* global or static variable: k = index into fl_program.globals */
	FL_FUNCREF,   /* a function named, not called (function pointer value): k = interned USR id */
	FL_FIELD,     /* a.f: a = base (an object, not a pointer), k = interned field id (0 = a union member) */
	FL_ARROW,     /* p->f: a = pointer, k = interned field id */
	FL_INDEX,     /* a[b]: k = the element count of a when a constant-size array (else 0); sub = 1 when written
	               * inside a macro's body */
	FL_DEREF,     /* *a */
	FL_ADDR,      /* &a */
	FL_BIN,       /* a op b: sub = fl_binop */
	FL_UN,        /* op a: sub = fl_unop */
	FL_ASSIGN,    /* a = b (sub = FB_NONE) or a op= b (sub = the fl_binop) */
	FL_INCDEC,    /* ++/-- on a: sub = fl_unop (FU_PREINC, ...) */
	FL_CALL,      /* call: k = callee USR id (a project function) or library name ("recv", "std::getline"; 0 =
	               * through a pointer, callee expression in c; C++ allocation: "new", "delete", "delete[]", and
	               * "new:class" / "delete:class" when the class has its own operator or the form cannot be
	               * read (written through a macro), "new:placement"),
	               * args in extra[a..a+b); sub bit 1 when
	               * argument 0 is a method's (or a constructor's, a destructor's) object, bit 2 when the call
	               * dispatches through the object's virtual table (overriders may run instead) */
	FL_COND,      /* a ? b : c */
	FL_CAST,      /* (type)a: the node's own width/flags are the target type's */
	FL_COMMA,     /* a, b */
	FL_VLA,       /* a variable-length array of a elements is allocated here (the VLA's size expression) */
	FL_NEWARR,    /* new T[a] (sub = 1: the class's own operator new[], or a form we could not read) */
	FL_INIT,      /* aggregate initialiser: elements in extra[a..a+b) */
	FL_UNKNOWN    /* anything not modelled: evaluates its operands in extra[a..a+b) for their effects */
} fl_op;

typedef enum {
	FB_NONE = 0, FB_ADD, FB_SUB, FB_MUL, FB_DIV, FB_REM, FB_SHL, FB_SHR, FB_AND, FB_OR, FB_XOR,
	FB_LT, FB_GT, FB_LE, FB_GE, FB_EQ, FB_NE, FB_LAND, FB_LOR
} fl_binop;

typedef enum { FU_NONE = 0, FU_NEG, FU_NOT, FU_LNOT, FU_PLUS, FU_PREINC, FU_PREDEC, FU_POSTINC, FU_POSTDEC } fl_unop;

/* FL_CALL sub bits. */
#define FL_CALL_MEMBER 0x01u  /* argument 0 is the object */
#define FL_CALL_VIRTUAL 0x02u /* a virtual call: the object's class may override the callee */

/* Node type flags. */
#define FL_T_SIGNED 0x01u  /* signed integer */
#define FL_T_INT 0x02u     /* integer or enum */
#define FL_T_PTR 0x04u     /* pointer */
#define FL_T_ARRAY 0x08u   /* array object */
#define FL_T_FLOAT 0x10u
#define FL_T_CHARPTR 0x20u /* pointer to / array of char */
#define FL_T_MACRO 0x40u   /* the node was written through a macro expansion */
#define FL_T_RECORD 0x80u  /* a struct, union or class object (std::string) */

typedef struct fl_node {
	uint8_t op;       /* fl_op */
	uint8_t sub;      /* fl_binop / fl_unop */
	uint8_t width;    /* bits of the value's type (0 = unknown) */
	uint8_t tflags;   /* FL_T_* */
	uint32_t a, b, c; /* operands (node indices; 0 = none) or ranges in fl_func.extra */
	int64_t k;        /* payload, see fl_op */
	uint32_t line;    /* where it is written (expansion location); 0 = unknown */
	uint16_t col;
	uint16_t file;    /* index into fl_program.files */
} fl_node;

/* Block terminators. */
typedef enum {
	FT_FALL = 0,  /* go to succ[0] */
	FT_BRANCH,    /* cond ? succ[0] : succ[1] */
	FT_SWITCH,    /* cond compared to cases in fl_func.cases[case_start..+ncases); default succ[0] */
	FT_RETURN,    /* return cond (0 = no value) */
	FT_STOP       /* a call that does not return, or the end of a noreturn path */
} fl_term;

typedef struct fl_block {
	uint32_t first, count; /* statements: node indices in fl_func.stmts[first..first+count) */
	uint8_t term;          /* fl_term */
	uint8_t loop_head;     /* 1 when this block tests a loop's condition */
	uint32_t cond;         /* branch/switch/return expression node */
	uint32_t loop_cond;    /* at a loop's head: its whole condition (for the loop-bound rule), 0 = none */
	uint32_t succ[2];
	uint32_t case_start, ncases;
} fl_block;

typedef struct fl_case {
	int64_t lo, hi;        /* case value (a GNU range when lo < hi) */
	uint32_t block;
} fl_case;

typedef struct fl_var {
	uint32_t name;         /* interned */
	int16_t param;         /* parameter index, or -1 */
	uint8_t width, tflags; /* as for nodes */
	uint8_t is_ref;        /* a C++ reference: its place is the object it names, storage of its own it has not */
	uint8_t no_init;       /* a local declared without an initialiser (uninitialized-read): 1 in C, 2 in C++ */
	uint32_t esize;        /* bytes of one element when a constant-size array (else 0) */
	int64_t elems;         /* array elements when a constant-size array (else 0) */
} fl_var;

typedef struct fl_func {
	uint32_t usr, name;    /* interned */
	uint16_t file;
	uint32_t line;
	uint8_t is_main, budget_cut; /* budget_cut: lowered without parts of its body (too large) */
	uint32_t nparams;
	fl_var *vars; uint32_t nvars;
	fl_node *nodes; uint32_t nnodes;
	uint32_t *extra; uint32_t nextra;
	uint32_t *stmts; uint32_t nstmts;
	fl_block *blocks; uint32_t nblocks;   /* block 0 is the entry */
	fl_case *cases; uint32_t ncases;
	uint32_t *callees; uint32_t ncallees; /* interned USRs called or whose address is taken */
	uint32_t *overrides; uint32_t noverrides; /* a virtual method: USRs of the methods it overrides (also
	                                           * those they override in turn) */
} fl_func;

typedef struct fl_global {
	uint32_t usr, name;
	uint8_t width, tflags, is_const, has_init;
	uint32_t esize;           /* bytes of one element when a constant-size array (else 0) */
	int64_t init_lo, init_hi; /* constant initial value when has_init and an integer */
	uint32_t init_str;        /* interned initial string when it is a literal (a representative of several) */
	uint8_t init_strset;      /* init_str is one of several literals (an array of strings) */
	int64_t elems;
} fl_global;

/* Interned strings: ids are 1-based, 0 = none. */
typedef struct fl_strtab {
	char **v; uint32_t n, cap;
	uint32_t *slots; uint32_t nslots; /* open addressing on the hash, values are ids */
} fl_strtab;

/* Look up or add `s` (len bytes); returns its id, or 0 on out-of-memory. */
uint32_t fl_intern(fl_strtab *t, const char *s, size_t len);
/* The text of id (never NULL: "" for 0). */
const char *fl_str(const fl_strtab *t, uint32_t id);
/* Id of `s` when already interned, else 0. */
uint32_t fl_find(const fl_strtab *t, const char *s);
void fl_strtab_clear(fl_strtab *t);

void fl_func_free(fl_func *f);

#endif
