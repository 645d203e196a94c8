/* part.h - one shard's share of a scan (--shard K/N --save-part FILE), and merging shards back into one scan */
#ifndef CVET_SCAN_PART_H
#define CVET_SCAN_PART_H

#include <stddef.h>
#include <stdint.h>
#include "cvet/report.h"
#include "flow/flow.h"

/*
 * A part file holds what the first phase of a scan produced for one shard of the translation units: their
 * findings, endpoints and notes, the project files they touched, and their lowered functions. Everything that
 * needs the whole program (the flow analysis, headers no unit included, suppressions, the dependency scan,
 * filters) runs once, in the merge, so that the merged report is byte-identical to an unsharded run.
 *   u32 magic, str cvet version, u64 options fingerprint, u32 shard, u32 shards, report (report_wire.c),
 *   u32 nfiles, str files..., flow program (flow/serial.c)
 */

/* Which shard (0-based) of n a translation unit of `bytes` falls in, for units visited largest first: each goes
 * to the shard with the fewest bytes so far (ties: the lowest). `loads` holds n running totals, zeroed by the
 * caller before the first unit. */
unsigned cvet_part__assign(unsigned long long *loads, unsigned n, long long bytes);

/* Write a part atomically (a temporary file renamed into place). 0 or CVET_EIO / CVET_ENOMEM. */
int cvet_part__save(const char *path, uint64_t fingerprint, unsigned shard, unsigned shards, const cvet_report *r,
		    char *const *files, size_t nfiles, const cvet_flow *flow);

/*
 * Read the parts and merge them into r (findings, endpoints, notes, units counted), flow (their functions) and
 * on_file(ud, path) for each file they touched. Every part must come from this cvet version with the same
 * options fingerprint, and together they must be shards 1..N of one N, each once: anything else is
 * CVET_EUSAGE with a one-line message, a malformed file CVET_EPARSE.
 */
int cvet_part__merge(const char *const *paths, size_t n, uint64_t fingerprint, cvet_report *r, cvet_flow *flow,
		     void (*on_file)(void *ud, const char *path), void *ud);

#endif
