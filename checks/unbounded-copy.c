/* unbounded-copy.c - flags strcpy/strcat-style copies that cannot be shown to fit their destination (CWE-120) */
#include <stdlib.h>
#include "check.h"
#include "cx.h"
#include "checksa_util.h"

extern const cvet_check cvet_check_unbounded_copy;

static const char *const copy_names[] = {
	"strcpy", "wcscpy", "stpcpy", "wcpcpy", "lstrcpy", "lstrcpyA", "lstrcpyW", "_tcscpy", "_mbscpy", "StrCpy",
	"StrCpyW", "__builtin_strcpy", "__builtin_stpcpy", NULL,
};
static const char *const cat_names[] = {
	"strcat", "wcscat", "lstrcat", "lstrcatA", "lstrcatW", "_tcscat", "_mbscat", "StrCat", "StrCatW",
	"__builtin_strcat", NULL,
};

static void on_call(cvet_tu *tu, void *state, const cvet_event *ev)
{
	const char *name = ev->call->name;
	int is_cat = cvet_checksa__name_in(name, cat_names);
	long long room = 0, elem = 1, len = 0;
	int room_known, len_known, literal;
	char *dest;
	(void)state;
	if ((!is_cat && !cvet_checksa__name_in(name, copy_names)) || ev->call->nargs < 2 || !cvet_checksa__is_libc(ev))
		return;
	room_known = cvet_checksa__dest_room(ev->call->args[0], &room, &elem);
	len_known = cvet_checksa__literal_len(ev->call->args[1], &len);
	literal = cvet_checksa__const_string(ev->call->args[1], NULL) && len_known;
	if (is_cat) {
		if (literal && len == 0)
			return;
	} else if (len_known && room_known) {
		if (len + 1 <= room / elem)
			return;
	} else if (literal && !room_known) {
		return; /* a fixed string into a buffer of unknown size: nothing to measure against */
	}
	dest = cvet_checksa__short_text(tu, ev->call->args[0]);
	if (!is_cat && len_known && room_known)
		cvet_tu_report(tu, &cvet_check_unbounded_copy, ev->call->expr,
			       "'%s' copies up to %lld characters plus a terminator into '%s', which holds %lld; "
			       "use %s", name, len, dest ? dest : "buffer", room / elem,
			       elem > 1 ? "'swprintf' with the buffer size" : "'snprintf' or a bounded copy such as 'strlcpy'");
	else
		cvet_tu_report(tu, &cvet_check_unbounded_copy, ev->call->expr,
			       "'%s' does not check the size of '%s'; use %s", name, dest ? dest : "the destination",
			       name[0] == 'w' ? "'swprintf' with the buffer size"
			       : is_cat     ? "'snprintf' or a bounded append such as 'strlcat'"
					    : "'snprintf' or a bounded copy such as 'strlcpy'");
	free(dest);
}

const cvet_check cvet_check_unbounded_copy = {
	.rule = {.id = "unbounded-copy",
		 .title = "String copy without a bound on the destination",
		 .severity = CVET_SEV_HIGH,
		 .cwe = {120},
		 .precision = CVET_PRECISION_HIGH},
	.on_call = on_call,
};
