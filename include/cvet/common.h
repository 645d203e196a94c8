/* common.h - error codes, severities and the thread-local error message shared by every module */
#ifndef CVET_COMMON_H
#define CVET_COMMON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CVET_VERSION "0.1.0"

/*
 * Every fallible function returns 0 or one of these negative codes, and sets a one-line
 * message with cvet_error_set() before returning it. Callers propagate the code without
 * overwriting the message; main() prints cvet_error_last() once and exits 2.
 */
#define CVET_ERROR_MAP(XX)                                   \
	XX(OK, 0, "success")                                     \
	XX(ENOMEM, -1, "out of memory")                          \
	XX(EUSAGE, -2, "invalid usage")                          \
	XX(EIO, -3, "input/output error")                        \
	XX(EPARSE, -4, "malformed input")                        \
	XX(EDB, -5, "advisory database error")                   \
	XX(ENOTFOUND, -6, "not found")                           \
	XX(ELIMIT, -7, "input exceeds a limit")                  \
	XX(ECLANG, -8, "libclang error")

typedef enum {
#define CVET_XX_ENUM(name, value, msg) CVET_##name = value,
	CVET_ERROR_MAP(CVET_XX_ENUM)
#undef CVET_XX_ENUM
} cvet_error_code;

/* Static text for an error code; never NULL. */
const char *cvet_strerror(int code);

/* Set the calling thread's error message (printf-style) and return `code` for `return cvet_error_set(...)`. */
int cvet_error_setc(int code, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
#define cvet_error_set(...) ((void)cvet_error_setc(0, __VA_ARGS__))

/* The calling thread's last message, or the empty string; lent, valid until the next set. */
const char *cvet_error_last(void);
void cvet_error_clear(void);

typedef enum {
	CVET_SEV_NOTE = 0,
	CVET_SEV_LOW,
	CVET_SEV_MEDIUM,
	CVET_SEV_HIGH,
	CVET_SEV_CRITICAL,
	CVET_SEV_NONE /* only as a --fail-on threshold: never fail */
} cvet_severity;

/* "critical", "high", "medium", "low", "note", "none". */
const char *cvet_severity_name(cvet_severity s);
/* Parse a severity name; returns 0 and sets *out, or CVET_EUSAGE. */
int cvet_severity_parse(const char *name, cvet_severity *out);

#ifdef __cplusplus
}
#endif
#endif
