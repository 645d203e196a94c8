/* write_gcc.c - `path:line:col: level: message [rule-id]` lines for editors (VS Code $gcc, Vim quickfix) */
#include <stdlib.h>
#include "report/format_util.h"
#include "report/write.h"

/*
 * One line per finding and nothing else, so problem matchers never see stray text. Dependency
 * findings point at the manifest line (column 1) and use the advisory id as rule id. Every piece
 * of text is untrusted and is passed through the terminal sanitizer (no newline can split a line).
 */
int cvet_write__gcc(const cvet_report *r, FILE *out, const cvet_write_options *opts)
{
	for (size_t i = 0; i < r->nfindings; i++) {
		const cvet_finding *f = r->findings[i];
		int dep = f->kind == CVET_KIND_DEPENDENCY;
		unsigned line = f->loc.line ? f->loc.line : 1;
		unsigned col = f->loc.column && !dep ? f->loc.column : 1;
		const char *rule = f->rule_id;

		if (dep && f->dep && f->dep->advisory_id)
			rule = f->dep->advisory_id;
		cvet_fmt__term(out, cvet_fmt__path(&f->loc), 0);
		fprintf(out, ":%u:%u: %s: ", line, col, cvet_fmt__level(f->severity));
		if (dep) {
			char *msg = cvet_fmt__dep_message(f);
			if (!msg)
				return CVET_ENOMEM;
			cvet_fmt__term(out, msg, 0);
			free(msg);
		} else {
			cvet_fmt__term(out, f->message ? f->message : "", 0);
		}
		fputs(" [", out);
		cvet_fmt__term(out, rule ? rule : "unknown", 0);
		fputs("]\n", out);
		if (ferror(out))
			return CVET_EIO;
	}
	return 0;
}
