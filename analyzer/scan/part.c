/* part.c - shard parts: save one, merge several (see part.h) */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "common/util.h"
#include "common/wire.h"
#include "report/report_wire.h"
#include "scan/part.h"

#define PART_MAGIC 0x54524150u /* "PART" */
#define MAX_PART_BYTES ((size_t)4 << 30)
#define MAX_SHARDS 10000u

unsigned cvet_part__assign(unsigned long long *loads, unsigned n, long long bytes)
{
	unsigned best = 0;
	for (unsigned i = 1; i < n; i++)
		if (loads[i] < loads[best])
			best = i;
	loads[best] += bytes > 0 ? (unsigned long long)bytes : 1;
	return best;
}

int cvet_part__save(const char *path, uint64_t fingerprint, unsigned shard, unsigned shards, const cvet_report *r,
		    char *const *files, size_t nfiles, const cvet_flow *flow)
{
	cvet_wbuf w = {0};
	char *tmp = NULL;
	FILE *f = NULL;
	int error = 0, fd = -1;
	size_t n = strlen(path);

	cvet_wbuf__u32(&w, PART_MAGIC);
	cvet_wbuf__str(&w, CVET_VERSION);
	cvet_wbuf__u64(&w, fingerprint);
	cvet_wbuf__u32(&w, shard);
	cvet_wbuf__u32(&w, shards);
	cvet_report__encode(r, &w);
	cvet_wbuf__u32(&w, (uint32_t)nfiles);
	for (size_t i = 0; i < nfiles; i++)
		cvet_wbuf__str(&w, files[i]);
	cvet_flow__encode(flow, &w);
	if (w.oom) {
		error = cvet_error_setc(CVET_ENOMEM, "out of memory");
		goto done;
	}
	if (!(tmp = malloc(n + 16))) {
		error = cvet_error_setc(CVET_ENOMEM, "out of memory");
		goto done;
	}
	snprintf(tmp, n + 16, "%s.tmp-XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0 || !(f = fdopen(fd, "wb"))) {
		error = cvet_error_setc(CVET_EIO, "cannot write '%s': %s", path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		goto done;
	}
	if (fwrite(w.p, 1, w.n, f) != w.n || fflush(f) != 0 || fsync(fileno(f)) != 0) {
		error = cvet_error_setc(CVET_EIO, "cannot write '%s': %s", path, strerror(errno));
		fclose(f);
		unlink(tmp);
		goto done;
	}
	if (fclose(f) != 0 || rename(tmp, path) != 0) {
		error = cvet_error_setc(CVET_EIO, "cannot write '%s': %s", path, strerror(errno));
		unlink(tmp);
	}
done:
	free(tmp);
	cvet_wbuf__clear(&w);
	return error;
}

/* The whole of a part file (at most MAX_PART_BYTES). */
static int slurp(const char *path, unsigned char **out, size_t *len)
{
	FILE *f = cvet_util__open_regular(path);
	struct stat st;
	unsigned char *buf;
	*out = NULL;
	if (!f)
		return cvet_error_setc(CVET_EIO, "cannot read part '%s': %s", path, strerror(errno));
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		fclose(f);
		return cvet_error_setc(CVET_EIO, "cannot read part '%s': not a regular file", path);
	}
	if ((unsigned long long)st.st_size > MAX_PART_BYTES) {
		fclose(f);
		return cvet_error_setc(CVET_ELIMIT, "part '%s' is larger than 4 GiB", path);
	}
	if (!(buf = malloc(st.st_size ? (size_t)st.st_size : 1))) {
		fclose(f);
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	}
	*len = fread(buf, 1, (size_t)st.st_size, f);
	fclose(f);
	if (*len != (size_t)st.st_size) {
		free(buf);
		return cvet_error_setc(CVET_EIO, "cannot read part '%s'", path);
	}
	*out = buf;
	return 0;
}

int cvet_part__merge(const char *const *paths, size_t n, uint64_t fingerprint, cvet_report *r, cvet_flow *flow,
		     void (*on_file)(void *ud, const char *path), void *ud)
{
	unsigned char *seen = NULL, *buf = NULL;
	unsigned shards = 0;
	int error = 0, oom = 0;

	for (size_t i = 0; i < n && !error; i++) {
		cvet_rbuf rd;
		size_t len = 0;
		char *version = NULL;
		uint64_t fp;
		unsigned k, of;
		cvet_flow_tu ft;

		memset(&ft, 0, sizeof(ft));
		if ((error = slurp(paths[i], &buf, &len)) < 0)
			break;
		rd.p = buf;
		rd.n = len;
		rd.at = 0;
		rd.bad = 0;
		if (cvet_rbuf__u32(&rd) != PART_MAGIC) {
			error = cvet_error_setc(CVET_EPARSE, "'%s' is not a cvet shard part", paths[i]);
			break;
		}
		version = cvet_rbuf__str(&rd, &oom);
		fp = cvet_rbuf__u64(&rd);
		k = cvet_rbuf__u32(&rd);
		of = cvet_rbuf__u32(&rd);
		if (rd.bad || !version) {
			free(version);
			error = cvet_error_setc(oom ? CVET_ENOMEM : CVET_EPARSE, "part '%s' is cut short", paths[i]);
			break;
		}
		if (strcmp(version, CVET_VERSION) != 0) {
			error = cvet_error_setc(CVET_EUSAGE, "part '%s' was written by cvet %.40s, this is %s: run every shard "
						"and the merge with one version", paths[i], version, CVET_VERSION);
			free(version);
			break;
		}
		free(version);
		if (fp != fingerprint) {
			error = cvet_error_setc(CVET_EUSAGE, "part '%s' was made with other options or paths than this merge "
						"(rules, threat model, paths, flags, exclusions must match)", paths[i]);
			break;
		}
		if (!of || of > MAX_SHARDS || !k || k > of || (shards && of != shards)) {
			error = cvet_error_setc(CVET_EUSAGE, "part '%s' is shard %u of %u, which does not fit the other parts",
						paths[i], k, of);
			break;
		}
		if (!shards) {
			shards = of;
			if (!(seen = calloc(shards + 1, 1))) {
				error = cvet_error_setc(CVET_ENOMEM, "out of memory");
				break;
			}
		}
		if (seen[k]++) {
			error = cvet_error_setc(CVET_EUSAGE, "shard %u of %u is given twice ('%s')", k, of, paths[i]);
			break;
		}
		if ((error = cvet_report__decode(&rd, r)) < 0) {
			if (error == CVET_EPARSE)
				error = cvet_error_setc(CVET_EPARSE, "part '%s' is malformed", paths[i]);
			break;
		}
		{
			uint32_t nf = cvet_rbuf__count(&rd, 4);
			for (uint32_t f = 0; f < nf && !rd.bad; f++) {
				char *s = cvet_rbuf__str(&rd, &oom);
				if (!s)
					rd.bad = 1;
				else if (on_file)
					on_file(ud, s);
				free(s);
			}
		}
		if (rd.bad || (error = cvet_flow__decode(&rd, flow, &ft)) < 0 || rd.at != rd.n) {
			if (error == 0)
				cvet_flow__tu_discard(&ft);
			error = error == CVET_ENOMEM ? cvet_error_setc(CVET_ENOMEM, "out of memory")
						     : cvet_error_setc(CVET_EPARSE, "part '%s' is malformed", paths[i]);
			break;
		}
		if ((error = cvet_flow__tu_finish(&ft)) < 0) {
			error = cvet_error_setc(CVET_ENOMEM, "out of memory");
			break;
		}
		free(buf);
		buf = NULL;
	}
	for (unsigned k = 1; !error && k <= shards; k++)
		if (!seen[k])
			error = cvet_error_setc(CVET_EUSAGE, "shard %u of %u is missing from the merge", k, shards);
	free(buf);
	free(seen);
	return error;
}
