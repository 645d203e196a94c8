/* report_wire.c - encode and decode a code report for the trip from a worker process to the scanner */
#include <stdlib.h>
#include <string.h>
#include "report/report_wire.h"

/* Smallest encoding of a location and of a finding, to bound counts read from the wire. */
#define LOC_MIN_BYTES (4 * 4 + 4 + 4)
#define FINDING_MIN_BYTES (4 + 4 * 3 + 4 * CVET_MAX_CWE + 4 + LOC_MIN_BYTES + 4 + 4 * 3 + 4)

static void put_loc(cvet_wbuf *w, const cvet_location *l)
{
	cvet_wbuf__str(w, l->path);
	cvet_wbuf__u32(w, l->line);
	cvet_wbuf__u32(w, l->column);
	cvet_wbuf__u32(w, l->end_line);
	cvet_wbuf__u32(w, l->end_column);
	cvet_wbuf__str(w, l->message);
}

static void get_loc(cvet_rbuf *r, cvet_location *l, int *oom)
{
	l->path = cvet_rbuf__str(r, oom);
	l->line = cvet_rbuf__u32(r);
	l->column = cvet_rbuf__u32(r);
	l->end_line = cvet_rbuf__u32(r);
	l->end_column = cvet_rbuf__u32(r);
	l->message = cvet_rbuf__str(r, oom);
}

int cvet_report__encode(const cvet_report *r, cvet_wbuf *w)
{
	cvet_wbuf__u32(w, (uint32_t)r->nfindings);
	for (size_t i = 0; i < r->nfindings; i++) {
		const cvet_finding *f = r->findings[i];
		cvet_wbuf__str(w, f->rule_id);
		cvet_wbuf__u32(w, (uint32_t)f->kind);
		cvet_wbuf__u32(w, (uint32_t)f->severity);
		cvet_wbuf__u32(w, (uint32_t)f->location_class);
		for (int c = 0; c < CVET_MAX_CWE; c++)
			cvet_wbuf__u32(w, (uint32_t)f->cwe[c]);
		cvet_wbuf__str(w, f->message);
		put_loc(w, &f->loc);
		cvet_wbuf__u32(w, (uint32_t)f->nsteps);
		for (size_t s = 0; s < f->nsteps; s++)
			put_loc(w, &f->steps[s]);
		cvet_wbuf__str(w, f->fix);
		cvet_wbuf__str(w, f->function);
		cvet_wbuf__str(w, f->snippet);
	}
	cvet_wbuf__u32(w, (uint32_t)r->nendpoints);
	for (size_t i = 0; i < r->nendpoints; i++) {
		const cvet_endpoint *e = r->endpoints[i];
		cvet_wbuf__str(w, e->api);
		cvet_wbuf__str(w, e->address);
		cvet_wbuf__u32(w, (uint32_t)e->port);
		cvet_wbuf__str(w, e->function);
		put_loc(w, &e->loc);
	}
	cvet_wbuf__u32(w, (uint32_t)r->nnotes);
	for (size_t i = 0; i < r->nnotes; i++)
		cvet_wbuf__str(w, r->notes[i]);
	cvet_wbuf__u64(w, (uint64_t)r->files_scanned);
	return w->oom ? CVET_ENOMEM : 0;
}

static int valid_enum(uint32_t v, uint32_t limit)
{
	return v < limit;
}

int cvet_report__decode(cvet_rbuf *rd, cvet_report *into)
{
	cvet_report *tmp = NULL;
	uint32_t n;
	int oom = 0, error = 0;

	if ((error = cvet_report_new(&tmp)) < 0)
		return error;
	n = cvet_rbuf__count(rd, FINDING_MIN_BYTES);
	for (uint32_t i = 0; i < n && !rd->bad; i++) {
		cvet_finding *f = cvet_finding_new();
		uint32_t kind, sev, cls, nsteps;
		if (!f) {
			oom = 1;
			break;
		}
		f->rule_id = cvet_rbuf__str(rd, &oom);
		kind = cvet_rbuf__u32(rd);
		sev = cvet_rbuf__u32(rd);
		cls = cvet_rbuf__u32(rd);
		for (int c = 0; c < CVET_MAX_CWE; c++)
			f->cwe[c] = (int)(cvet_rbuf__u32(rd) & 0x7fffffffu);
		f->message = cvet_rbuf__str(rd, &oom);
		get_loc(rd, &f->loc, &oom);
		nsteps = cvet_rbuf__count(rd, LOC_MIN_BYTES);
		if (nsteps && !(f->steps = calloc(nsteps, sizeof(*f->steps))))
			oom = 1;
		for (uint32_t s = 0; f->steps && s < nsteps && !rd->bad; s++, f->nsteps++)
			get_loc(rd, &f->steps[s], &oom);
		f->fix = cvet_rbuf__str(rd, &oom);
		f->function = cvet_rbuf__str(rd, &oom);
		f->snippet = cvet_rbuf__str(rd, &oom);
		if (!f->rule_id || !f->message || !valid_enum(kind, CVET_KIND_DEPENDENCY) ||
		    !valid_enum(sev, (uint32_t)CVET_SEV_CRITICAL + 1) || !valid_enum(cls, CVET_LOC_COUNT))
			rd->bad = 1;
		f->kind = (cvet_kind)kind;
		f->severity = (cvet_severity)sev;
		f->location_class = (cvet_location_class)cls;
		if (cvet_report_add(tmp, f) < 0)
			oom = 1;
	}
	n = cvet_rbuf__count(rd, 4 * 4 + LOC_MIN_BYTES);
	for (uint32_t i = 0; i < n && !rd->bad && !oom; i++) {
		cvet_endpoint *e = calloc(1, sizeof(*e));
		if (!e) {
			oom = 1;
			break;
		}
		e->api = cvet_rbuf__str(rd, &oom);
		e->address = cvet_rbuf__str(rd, &oom);
		e->port = (int)cvet_rbuf__u32(rd);
		e->function = cvet_rbuf__str(rd, &oom);
		get_loc(rd, &e->loc, &oom);
		if (!e->api || e->port < -1 || e->port > 65535)
			rd->bad = 1;
		if (cvet_report_add_endpoint(tmp, e) < 0)
			oom = 1;
	}
	n = cvet_rbuf__count(rd, 4);
	for (uint32_t i = 0; i < n && !rd->bad && !oom; i++) {
		char *note = cvet_rbuf__str(rd, &oom);
		if (!note) {
			rd->bad = 1;
			break;
		}
		if (cvet_report_add_note(tmp, "%s", note) < 0)
			oom = 1;
		free(note);
	}
	tmp->files_scanned = (size_t)cvet_rbuf__u64(rd);
	if (oom)
		error = CVET_ENOMEM;
	else if (rd->bad)
		error = CVET_EPARSE;
	else
		error = cvet_report_merge(into, tmp);
	cvet_report_free(tmp);
	return error;
}
