/* report_wire.h - a code analysis's report (findings, endpoints, notes) in the worker byte format (common/wire.h) */
#ifndef CVET_REPORT_WIRE_H
#define CVET_REPORT_WIRE_H

#include "cvet/report.h"
#include "common/wire.h"

/* Append r's findings, endpoints, notes and files_scanned to w. Dependency details and packages are not part
 * of the format (only the code analysis runs in a worker). 0, or CVET_ENOMEM. */
int cvet_report__encode(const cvet_report *r, cvet_wbuf *w);

/* Read what cvet_report__encode wrote and append it to `into`. Returns 0, CVET_ENOMEM, or CVET_EPARSE when
 * the bytes are not such a report (nothing is appended then). */
int cvet_report__decode(cvet_rbuf *rd, cvet_report *into);

#endif
