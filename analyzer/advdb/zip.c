/* zip.c - a bounded reader for zip archives (stored and deflate entries, zip64) with its own RFC 1951 inflate */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "advdb/advdb_int.h"

/* ================================================================================================
 * Inflate (RFC 1951). Canonical Huffman codes are decoded one bit at a time from per-length counts;
 * slower than table lookups but small and easy to check, and fast enough for advisory archives.
 * Every read is bounds-checked; the output never grows past the caller's cap.
 * ================================================================================================ */

#define MAXBITS 15
#define MAXLCODES 286
#define MAXDCODES 30

typedef struct {
	const unsigned char *in;
	size_t inlen, pos;
	uint64_t bitbuf;
	int bitcnt;
	unsigned char *out;
	size_t outlen, outcap, cap;
	int err; /* first error (CVET_EPARSE, CVET_ELIMIT, CVET_ENOMEM), 0 while fine */
} inflater;

#define FIXLCODES 288 /* the fixed code's literal/length alphabet, with the two unused symbols 286 and 287 */

#define FASTBITS 9 /* codes up to this long decode with one table lookup */

typedef struct {
	short count[MAXBITS + 1]; /* codes of each length */
	short symbol[FIXLCODES];  /* symbols ordered by code */
	/* next FASTBITS input bits (least significant first) -> symbol << 4 | code length; 0 = longer code or
	 * no code: decode bit by bit */
	unsigned short fast[1u << FASTBITS];
} huffman;

/* Next n (<= 16) bits, least significant first; sets err and returns 0 when the input runs out. */
static unsigned bits(inflater *s, int n)
{
	uint64_t v = s->bitbuf;
	while (s->bitcnt < n) {
		if (s->pos >= s->inlen) {
			if (!s->err)
				s->err = CVET_EPARSE;
			return 0;
		}
		v |= (uint64_t)s->in[s->pos++] << s->bitcnt;
		s->bitcnt += 8;
	}
	s->bitbuf = v >> n;
	s->bitcnt -= n;
	return (unsigned)(v & ((UINT64_C(1) << n) - 1));
}

/* Make room for `n` more output bytes. Returns 0, or sets err. */
static int reserve(inflater *s, size_t n)
{
	if (s->outlen + n > s->cap) {
		s->err = CVET_ELIMIT;
		return -1;
	}
	if (s->outlen + n + 1 > s->outcap) {
		size_t want = s->outcap ? s->outcap : 65536;
		while (want < s->outlen + n + 1)
			/* cvet-ignore: integer-overflow outlen + n <= cap (checked above), and cap is the declared size the caller limited to CVET_ADV_MAX_ZIP_TOTAL */
			want *= 2;
		/* cvet-ignore: integer-overflow cap is the declared size, limited by the caller (zip bomb check): no wrap */
		if (want > s->cap + 1)
			want = s->cap + 1; // cvet-ignore: integer-overflow same bound as the line above
		/* cvet-ignore: tainted-alloc-size want <= cap + 1 just above; cap is limited by the caller (zip bomb check) */
		unsigned char *p = realloc(s->out, want);
		if (!p) {
			s->err = CVET_ENOMEM;
			return -1;
		}
		s->out = p;
		s->outcap = want;
	}
	return 0;
}

static int stored(inflater *s)
{
	/* discard the rest of the current byte; whole bytes read ahead into the bit buffer go back */
	s->pos -= (size_t)(s->bitcnt / 8);
	s->bitbuf = 0;
	s->bitcnt = 0;
	if (s->pos + 4 > s->inlen)
		return s->err = CVET_EPARSE;
	unsigned len = s->in[s->pos] | (unsigned)s->in[s->pos + 1] << 8;
	unsigned nlen = s->in[s->pos + 2] | (unsigned)s->in[s->pos + 3] << 8;
	s->pos += 4;
	if (len != (~nlen & 0xffffu) || s->pos + len > s->inlen)
		return s->err = CVET_EPARSE;
	if (reserve(s, len) < 0)
		return s->err;
	memcpy(s->out + s->outlen, s->in + s->pos, len);
	s->outlen += len;
	s->pos += len;
	return 0;
}

/* Decode one symbol; -1 on bad code or end of input. */
static int decode(inflater *s, const huffman *h)
{
	/* fill the bit buffer (whole bytes; stored() returns any unused ones) and try the table first */
	while (s->bitcnt <= 48 && s->pos < s->inlen) {
		s->bitbuf |= (uint64_t)s->in[s->pos++] << s->bitcnt;
		s->bitcnt += 8;
	}
	if (s->bitcnt >= FASTBITS) {
		unsigned e = h->fast[s->bitbuf & ((1u << FASTBITS) - 1)];
		if (e) {
			s->bitbuf >>= e & 15;
			s->bitcnt -= (int)(e & 15);
			return (int)(e >> 4);
		}
	}
	int code = 0, first = 0, index = 0;
	for (int len = 1; len <= MAXBITS; len++) {
		code |= (int)bits(s, 1);
		if (s->err)
			return -1;
		int count = h->count[len];
		if (code - count < first)
			return h->symbol[index + (code - first)];
		index += count;
		first += count;
		first <<= 1;
		code <<= 1;
	}
	return -1;
}

/* Build a decoder from code lengths. Returns 0 for a complete code, >0 for an incomplete one, <0 when
 * over-subscribed (invalid). */
static int construct(huffman *h, const short *length, int n)
{
	short offs[MAXBITS + 1];
	int left = 1;
	memset(h->count, 0, sizeof(h->count));
	memset(h->fast, 0, sizeof(h->fast)); /* empty on every early return: those decode bit by bit and fail */
	for (int sym = 0; sym < n; sym++)
		h->count[length[sym]]++;
	if (h->count[0] == n)
		return 0;
	for (int len = 1; len <= MAXBITS; len++) {
		left <<= 1;
		left -= h->count[len];
		if (left < 0)
			return left;
	}
	offs[1] = 0;
	for (int len = 1; len < MAXBITS; len++)
		offs[len + 1] = (short)(offs[len] + h->count[len]);
	for (int sym = 0; sym < n; sym++)
		if (length[sym] != 0)
			h->symbol[offs[length[sym]]++] = (short)sym;
	/* the lookup table: canonical codes of each length in symbol order, stored bit-reversed (DEFLATE sends
	 * Huffman codes most significant bit first into a least-significant-first stream) */
	int first = 0, index = 0;
	for (int len = 1; len <= FASTBITS; len++) {
		for (int i = 0; i < h->count[len]; i++) {
			unsigned code = (unsigned)(first + i), rev = 0;
			for (int b = 0; b < len; b++)
				rev |= ((code >> b) & 1u) << (len - 1 - b);
			unsigned e = (unsigned)h->symbol[index + i] << 4 | (unsigned)len;
			for (unsigned k = rev; k < (1u << FASTBITS); k += 1u << len)
				h->fast[k] = (unsigned short)e;
		}
		index += h->count[len];
		first = (first + h->count[len]) << 1;
	}
	return left;
}

static const short LBASE[29] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
				35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
static const short LEXT[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const short DBASE[30] = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
				1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
static const short DEXT[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11,
			       12, 12, 13, 13};

/* Decode literal/length + distance pairs until end-of-block. */
static int codes(inflater *s, const huffman *lencode, const huffman *distcode)
{
	for (;;) {
		int sym = decode(s, lencode);
		if (sym < 0)
			return s->err = CVET_EPARSE;
		if (sym < 256) {
			if (reserve(s, 1) < 0)
				return s->err;
			s->out[s->outlen++] = (unsigned char)sym;
		} else if (sym == 256) {
			return 0;
		} else {
			sym -= 257;
			if (sym >= 29)
				return s->err = CVET_EPARSE;
			size_t len = (size_t)LBASE[sym] + bits(s, LEXT[sym]);
			int dsym = decode(s, distcode);
			if (dsym < 0 || dsym >= 30)
				return s->err = CVET_EPARSE;
			size_t dist = (size_t)DBASE[dsym] + bits(s, DEXT[dsym]);
			if (s->err)
				return s->err;
			if (dist > s->outlen)
				return s->err = CVET_EPARSE;
			if (reserve(s, len) < 0)
				return s->err;
			/* byte by byte: the source may overlap the destination (runs) */
			unsigned char *o = s->out + s->outlen;
			for (size_t i = 0; i < len; i++)
				o[i] = o[(ptrdiff_t)i - (ptrdiff_t)dist];
			s->outlen += len;
		}
	}
}

static int fixed(inflater *s)
{
	static huffman lencode, distcode;
	static int built;
	/* built once; the tables are constant so a benign race only rebuilds identical data */
	if (!built) {
		short lengths[FIXLCODES];
		int sym = 0;
		for (; sym < 144; sym++) lengths[sym] = 8;
		for (; sym < 256; sym++) lengths[sym] = 9;
		for (; sym < 280; sym++) lengths[sym] = 7;
		for (; sym < 288; sym++) lengths[sym] = 8;
		/* all 288: symbols 286/287 never occur in valid data (codes() rejects them), but their 8-bit codes
		 * come before the 9-bit ones, so leaving them out shifted the codes of literals 144-255 */
		construct(&lencode, lengths, FIXLCODES);
		for (sym = 0; sym < MAXDCODES; sym++) lengths[sym] = 5;
		construct(&distcode, lengths, MAXDCODES);
		built = 1;
	}
	return codes(s, &lencode, &distcode);
}

static int dynamic(inflater *s)
{
	static const short order[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
	short lengths[MAXLCODES + MAXDCODES];
	huffman lencode, distcode;
	int nlen = (int)bits(s, 5) + 257, ndist = (int)bits(s, 5) + 1, ncode = (int)bits(s, 4) + 4;
	if (s->err || nlen > MAXLCODES || ndist > MAXDCODES)
		return s->err = CVET_EPARSE;
	int index;
	for (index = 0; index < ncode; index++)
		lengths[order[index]] = (short)bits(s, 3);
	for (; index < 19; index++)
		lengths[order[index]] = 0;
	if (s->err || construct(&lencode, lengths, 19) != 0)
		return s->err = CVET_EPARSE;
	index = 0;
	while (index < nlen + ndist) {
		int sym = decode(s, &lencode);
		if (sym < 0)
			return s->err = CVET_EPARSE;
		if (sym < 16) {
			lengths[index++] = (short)sym;
		} else {
			short len = 0;
			int rep;
			if (sym == 16) {
				if (index == 0)
					return s->err = CVET_EPARSE;
				len = lengths[index - 1];
				rep = 3 + (int)bits(s, 2);
			} else if (sym == 17) {
				rep = 3 + (int)bits(s, 3);
			} else {
				rep = 11 + (int)bits(s, 7);
			}
			if (s->err || index + rep > nlen + ndist)
				return s->err = CVET_EPARSE;
			while (rep--)
				lengths[index++] = len;
		}
	}
	if (lengths[256] == 0)
		return s->err = CVET_EPARSE;
	int err = construct(&lencode, lengths, nlen);
	if (err < 0 || (err > 0 && nlen - lencode.count[0] != 1))
		return s->err = CVET_EPARSE;
	err = construct(&distcode, lengths + nlen, ndist);
	if (err < 0 || (err > 0 && ndist - distcode.count[0] != 1))
		return s->err = CVET_EPARSE;
	return codes(s, &lencode, &distcode);
}

int cvet_inflate__raw(const unsigned char *in, size_t inlen, size_t cap, unsigned char **out, size_t *outlen)
{
	inflater s;
	int last;
	memset(&s, 0, sizeof(s));
	s.in = in;
	s.inlen = inlen;
	s.cap = cap;
	*out = NULL;
	*outlen = 0;
	do {
		last = (int)bits(&s, 1);
		int type = (int)bits(&s, 2);
		if (s.err)
			break;
		if (type == 0)
			stored(&s);
		else if (type == 1)
			fixed(&s);
		else if (type == 2)
			dynamic(&s);
		else
			s.err = CVET_EPARSE;
	} while (!last && !s.err);
	if (!s.err && reserve(&s, 0) < 0 && !s.err)
		s.err = CVET_ENOMEM;
	if (s.err) {
		free(s.out);
		if (s.err == CVET_ELIMIT)
			return cvet_error_setc(CVET_ELIMIT, "inflated data exceeds %zu bytes", cap);
		if (s.err == CVET_ENOMEM)
			return cvet_error_setc(CVET_ENOMEM, "out of memory while inflating");
		return cvet_error_setc(CVET_EPARSE, "invalid deflate data");
	}
	if (!s.out) {
		s.out = malloc(1);
		if (!s.out)
			return cvet_error_setc(CVET_ENOMEM, "out of memory while inflating");
	}
	s.out[s.outlen] = '\0';
	*out = s.out;
	*outlen = s.outlen;
	return 0;
}

uint32_t cvet_zip__crc32(const unsigned char *p, size_t n)
{
	static uint32_t table[256];
	static int ready;
	if (!ready) {
		for (uint32_t i = 0; i < 256; i++) {
			uint32_t c = i;
			for (int k = 0; k < 8; k++)
				c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
			table[i] = c;
		}
		ready = 1;
	}
	uint32_t crc = 0xFFFFFFFFu;
	for (size_t i = 0; i < n; i++)
		crc = table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
	return crc ^ 0xFFFFFFFFu;
}

/* ================================================================================================
 * Zip container.
 * ================================================================================================ */

/* One central-directory entry, kept small: a dump of 200,000 records costs about 8 MB here plus its names. */
typedef struct {
	uint64_t csize, usize, offset;
	size_t name;     /* offset of the NUL-terminated name in cvet_zip.names */
	uint32_t crc;
	uint16_t method, flags;
} zentry;

struct cvet_zip {
	FILE *f;
	char *path;
	uint64_t size;
	zentry *e;
	size_t n, cap;
	char *names;           /* every entry name, NUL-terminated, back to back */
	size_t names_len, names_cap;
	uint64_t total_out; /* uncompressed bytes handed out so far */
};

static uint16_t rd16(const unsigned char *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t rd32(const unsigned char *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; }
static uint64_t rd64(const unsigned char *p) { return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32; }

static int read_at(cvet_zip *z, uint64_t off, void *buf, size_t n)
{
	if (off > z->size || n > z->size - off)
		return -1;
	if (fseeko(z->f, (off_t)off, SEEK_SET) != 0)
		return -1;
	return fread(buf, 1, n, z->f) == n ? 0 : -1;
}

void cvet_zip__free(cvet_zip *z)
{
	if (!z)
		return;
	free(z->e);
	free(z->names);
	free(z->path);
	if (z->f)
		fclose(z->f);
	free(z);
}

static int cmp_offset(const void *a, const void *b)
{
	const zentry *x = *(const zentry *const *)a, *y = *(const zentry *const *)b;
	return x->offset < y->offset ? -1 : x->offset > y->offset;
}

/* Entries must not share or overlap their data (the overlapping-entries zip bomb). */
static int check_overlap(cvet_zip *z, uint64_t cd_offset)
{
	zentry **order = calloc(z->n ? z->n : 1, sizeof(*order));
	int rc = 0;
	if (!order)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	for (size_t i = 0; i < z->n; i++)
		order[i] = &z->e[i];
	if (z->n > 1)
		qsort(order, z->n, sizeof(*order), cmp_offset);
	for (size_t i = 0; i < z->n; i++) {
		uint64_t end = order[i]->offset + 30 + order[i]->csize;
		if (end > cd_offset || (i + 1 < z->n && end > order[i + 1]->offset)) {
			rc = cvet_error_setc(CVET_ELIMIT, "'%s': zip entries overlap (a zip bomb?)", z->path);
			break;
		}
	}
	free(order);
	return rc;
}

/* All entry names of one archive together, bytes: real dumps need a few MB (600,000 names of ~30 bytes);
 * hostile long names must not make the table cost hundreds of MB. */
#define MAX_NAMES ((size_t)48 << 20)

/* Append a name of n bytes (cut at a NUL byte) to the name arena; its offset goes to *at.
 * 0, 1 when the names pass MAX_NAMES, -1 when out of memory. */
static int add_name(cvet_zip *z, const unsigned char *s, size_t n, size_t *at)
{
	const unsigned char *nul = memchr(s, 0, n);
	if (nul)
		n = (size_t)(nul - s);
	if (z->names_len + n + 1 > MAX_NAMES)
		return 1;
	if (z->names_len + n + 1 > z->names_cap) {
		size_t want = z->names_cap ? z->names_cap : 65536;
		while (want < z->names_len + n + 1)
			want *= 2; // cvet-ignore: integer-overflow names_len + n + 1 <= MAX_NAMES (checked above)
		if (want > MAX_NAMES)
			want = MAX_NAMES;
		char *p = realloc(z->names, want);
		if (!p)
			return -1;
		z->names = p;
		z->names_cap = want;
	}
	memcpy(z->names + z->names_len, s, n);
	z->names[z->names_len + n] = '\0';
	*at = z->names_len;
	z->names_len += n + 1;
	return 0;
}

/*
 * Read `count` central-directory entries of `cd_size` bytes at `cd_off` one by one through the FILE buffer:
 * nothing but the compact entry table and the names is kept, so a claimed count costs nothing until the
 * entries are really there. Returns 0 or CVET_EPARSE/CVET_ENOMEM with a message.
 */
static int read_directory(cvet_zip *z, uint64_t count, uint64_t cd_off, uint64_t cd_size, uint64_t *declared_total)
{
	unsigned char h[46], *var = NULL;
	uint64_t p = 0;
	int rc = 0;
	if (!(var = malloc(65536 * 2)))
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	if (fseeko(z->f, (off_t)cd_off, SEEK_SET) != 0) {
		rc = cvet_error_setc(CVET_EIO, "cannot read the central directory of '%s'", z->path);
		goto done;
	}
	for (uint64_t i = 0; i < count; i++) {
		if (p + 46 > cd_size || fread(h, 1, 46, z->f) != 46 || rd32(h) != 0x02014b50u) {
			rc = cvet_error_setc(CVET_EPARSE, "'%s': damaged central directory entry %llu", z->path,
					     (unsigned long long)i);
			goto done;
		}
		size_t nlen = rd16(h + 28), xlen = rd16(h + 30), clen = rd16(h + 32);
		if (p + 46 + nlen + xlen + clen > cd_size || fread(var, 1, nlen + xlen, z->f) != nlen + xlen ||
		    (clen && fseeko(z->f, (off_t)clen, SEEK_CUR) != 0)) {
			rc = cvet_error_setc(CVET_EPARSE, "'%s': damaged central directory entry %llu", z->path,
					     (unsigned long long)i);
			goto done;
		}
		if (z->n == z->cap) {
			size_t want = z->cap ? z->cap * 2 : 1024;
			if (want > count)
				want = (size_t)count;
			zentry *ne = realloc(z->e, want * sizeof(*ne));
			if (!ne) {
				rc = cvet_error_setc(CVET_ENOMEM, "out of memory");
				goto done;
			}
			z->e = ne;
			z->cap = want;
		}
		zentry *e = &z->e[z->n];
		e->flags = rd16(h + 8);
		e->method = rd16(h + 10);
		e->crc = rd32(h + 16);
		e->csize = rd32(h + 20);
		e->usize = rd32(h + 24);
		e->offset = rd32(h + 42);
		/* zip64 extra field: the 64-bit values appear in order for each 32-bit field that is saturated */
		for (size_t x = nlen; x + 4 <= nlen + xlen;) {
			unsigned id = rd16(var + x), sz = rd16(var + x + 2);
			if (x + 4 + sz > nlen + xlen)
				break;
			if (id == 0x0001) {
				size_t q = x + 4, qe = x + 4 + sz;
				if (e->usize == 0xffffffffu && q + 8 <= qe) { e->usize = rd64(var + q); q += 8; }
				if (e->csize == 0xffffffffu && q + 8 <= qe) { e->csize = rd64(var + q); q += 8; }
				if (e->offset == 0xffffffffu && q + 8 <= qe) { e->offset = rd64(var + q); q += 8; }
			}
			x += 4 + sz;
		}
		int added = add_name(z, var, nlen, &e->name);
		if (added != 0) {
			rc = added > 0 ? cvet_error_setc(CVET_ELIMIT, "'%s': entry names take more than %zu bytes", z->path, MAX_NAMES)
				       : cvet_error_setc(CVET_ENOMEM, "out of memory");
			goto done;
		}
		z->n++;
		*declared_total += e->usize; // cvet-ignore: integer-overflow at most 1e6 entries of at most 2^64/2^20 each are checked below
		if (e->csize > z->size) {
			rc = cvet_error_setc(CVET_EPARSE, "'%s': entry '%s' is larger than the archive", z->path, z->names + e->name);
			goto done;
		}
		if (e->usize > ((uint64_t)1 << 44)) {
			rc = cvet_error_setc(CVET_ELIMIT, "'%s': entry '%s' claims %llu bytes: refusing a possible zip bomb", z->path,
					     z->names + e->name, (unsigned long long)e->usize);
			goto done;
		}
		p += 46 + nlen + xlen + clen;
	}
done:
	free(var);
	return rc;
}

int cvet_zip__open(cvet_zip **out, const char *path)
{
	cvet_zip *z = NULL;
	unsigned char *tail = NULL;
	struct stat st;
	int rc = 0;
	*out = NULL;
	if (!(z = calloc(1, sizeof(*z))) || !(z->path = strdup(path))) {
		rc = cvet_error_setc(CVET_ENOMEM, "out of memory");
		goto done;
	}
	if (!(z->f = fopen(path, "rb")) || fstat(fileno(z->f), &st) != 0 || !S_ISREG(st.st_mode)) {
		rc = cvet_error_setc(CVET_EIO, "cannot read '%s': %s", path, z->f ? "not a regular file" : strerror(errno));
		goto done;
	}
	z->size = (uint64_t)st.st_size;
	/* the end-of-central-directory record sits in the last 22 + 65535 bytes */
	size_t tlen = z->size < 22 + 65535 ? (size_t)z->size : 22 + 65535;
	if (tlen < 22 || !(tail = malloc(tlen)) || read_at(z, z->size - tlen, tail, tlen) < 0) {
		rc = tail || tlen < 22 ? cvet_error_setc(CVET_EPARSE, "'%s' is not a zip archive", path)
				       : cvet_error_setc(CVET_ENOMEM, "out of memory");
		goto done;
	}
	size_t eocd = (size_t)-1;
	for (size_t i = tlen - 22 + 1; i-- > 0;) {
		if (rd32(tail + i) == 0x06054b50u) {
			eocd = i;
			break;
		}
	}
	if (eocd == (size_t)-1) {
		rc = cvet_error_setc(CVET_EPARSE, "'%s' is not a zip archive (no end of central directory)", path);
		goto done;
	}
	uint64_t count = rd16(tail + eocd + 10), cd_size = rd32(tail + eocd + 12), cd_off = rd32(tail + eocd + 16);
	if (count == 0xffff || cd_size == 0xffffffffu || cd_off == 0xffffffffu) {
		/* zip64: a locator 20 bytes before the EOCD points at the zip64 EOCD record */
		unsigned char loc[20], rec[56];
		uint64_t eocd_abs = z->size - tlen + eocd;
		if (eocd_abs < 20 || read_at(z, eocd_abs - 20, loc, 20) < 0 || rd32(loc) != 0x07064b50u ||
		    read_at(z, rd64(loc + 8), rec, 56) < 0 || rd32(rec) != 0x06064b50u) {
			rc = cvet_error_setc(CVET_EPARSE, "'%s': damaged zip64 directory", path);
			goto done;
		}
		count = rd64(rec + 32);
		cd_size = rd64(rec + 40);
		cd_off = rd64(rec + 48);
	}
	if (count > CVET_ADV_MAX_ZIP_ENTRIES) {
		rc = cvet_error_setc(CVET_ELIMIT, "'%s' has %llu entries (limit %d)", path, (unsigned long long)count,
				     CVET_ADV_MAX_ZIP_ENTRIES);
		goto done;
	}
	if (cd_off > z->size || cd_size > z->size - cd_off || cd_size > (uint64_t)256 << 20 || count * 46 > cd_size) {
		rc = cvet_error_setc(CVET_EPARSE, "'%s': central directory out of bounds", path);
		goto done;
	}
	uint64_t declared_total = 0;
	if ((rc = read_directory(z, count, cd_off, cd_size, &declared_total)) < 0)
		goto done;
	if (declared_total > CVET_ADV_MAX_ZIP_TOTAL) {
		rc = cvet_error_setc(CVET_ELIMIT, "'%s' would expand to %llu bytes (limit %llu): refusing a possible zip bomb",
				     path, (unsigned long long)declared_total, (unsigned long long)CVET_ADV_MAX_ZIP_TOTAL);
		goto done;
	}
	if ((rc = check_overlap(z, cd_off)) < 0)
		goto done;
	*out = z;
	z = NULL;
done:
	free(tail);
	cvet_zip__free(z);
	return rc;
}

size_t cvet_zip__count(const cvet_zip *z)
{
	return z ? z->n : 0;
}

const char *cvet_zip__name(const cvet_zip *z, size_t i)
{
	return z && i < z->n ? z->names + z->e[i].name : "";
}

int cvet_zip__read(cvet_zip *z, size_t i, char **data, size_t *len)
{
	unsigned char hdr[30], *comp = NULL, *plain = NULL;
	size_t plen = 0;
	int rc = 0;
	*data = NULL;
	*len = 0;
	if (!z || i >= z->n)
		return cvet_error_setc(CVET_EUSAGE, "no such zip entry");
	zentry *e = &z->e[i];
	const char *name = z->names + e->name;
	/* a ratio bomb rejects the archive; a record that is merely large is skipped by the caller */
	if (e->usize > 65536 && e->usize / (e->csize ? e->csize : 1) > CVET_ADV_MAX_ZIP_RATIO)
		return cvet_error_setc(CVET_ELIMIT, "'%s': zip entry '%s' compresses %llu:1 (limit %d:1): refusing a possible zip bomb",
				       z->path, name, (unsigned long long)(e->usize / (e->csize ? e->csize : 1)), CVET_ADV_MAX_ZIP_RATIO);
	if (e->usize > CVET_ADV_MAX_ZIP_RECORD || e->csize > CVET_ADV_MAX_ZIP_RECORD)
		return cvet_error_setc(CVET_EPARSE, "zip entry '%s' is %llu bytes uncompressed (limit %zu per record)",
				       name, (unsigned long long)e->usize, CVET_ADV_MAX_ZIP_RECORD);
	if (z->total_out + e->usize > CVET_ADV_MAX_ZIP_TOTAL)
		return cvet_error_setc(CVET_ELIMIT, "'%s' expands past %llu bytes: refusing a possible zip bomb", z->path,
				       (unsigned long long)CVET_ADV_MAX_ZIP_TOTAL);
	if (e->flags & 1)
		return cvet_error_setc(CVET_EPARSE, "zip entry '%s' is encrypted", name);
	if (read_at(z, e->offset, hdr, 30) < 0 || rd32(hdr) != 0x04034b50u)
		return cvet_error_setc(CVET_EPARSE, "zip entry '%s': bad local header", name);
	uint64_t start = e->offset + 30 + rd16(hdr + 26) + rd16(hdr + 28);
	if (!(comp = malloc(e->csize ? (size_t)e->csize : 1)))
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	if (read_at(z, start, comp, (size_t)e->csize) < 0) {
		rc = cvet_error_setc(CVET_EPARSE, "zip entry '%s': data out of bounds", name);
		goto done;
	}
	if (e->method == 0) {
		if (e->csize != e->usize) {
			rc = cvet_error_setc(CVET_EPARSE, "zip entry '%s': stored sizes differ", name);
			goto done;
		}
		if (!(plain = malloc((size_t)e->usize + 1))) {
			rc = cvet_error_setc(CVET_ENOMEM, "out of memory");
			goto done;
		}
		memcpy(plain, comp, (size_t)e->usize);
		plain[e->usize] = '\0';
		plen = (size_t)e->usize;
	} else if (e->method == 8) {
		rc = cvet_inflate__raw(comp, (size_t)e->csize, (size_t)e->usize, &plain, &plen);
		if (rc == CVET_ELIMIT)
			rc = cvet_error_setc(CVET_ELIMIT, "'%s': zip entry '%s' inflates past its declared size (a zip bomb?)",
					     z->path, name);
		else if (rc == CVET_EPARSE)
			rc = cvet_error_setc(rc, "zip entry '%s': invalid deflate data", name);
		if (rc < 0)
			goto done;
	} else {
		rc = cvet_error_setc(CVET_EPARSE, "zip entry '%s': unsupported compression method %u", name, e->method);
		goto done;
	}
	if (plen != e->usize || cvet_zip__crc32(plain, plen) != e->crc) {
		rc = cvet_error_setc(CVET_EPARSE, "zip entry '%s': size or CRC mismatch", name);
		goto done;
	}
	z->total_out += plen;
	*data = (char *)plain;
	*len = plen;
	plain = NULL;
done:
	free(comp);
	free(plain);
	return rc;
}
