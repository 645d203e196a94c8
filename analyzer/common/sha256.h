/* sha256.h - SHA-256 (FIPS 180-4), for content hashes that a hostile tree cannot make collide */
#ifndef CVET_COMMON_SHA256_H
#define CVET_COMMON_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define CVET_SHA256_BYTES 32

typedef struct cvet_sha256 {
	uint32_t h[8];
	uint64_t bytes;          /* message length so far */
	unsigned char buf[64];   /* a partial block */
	size_t nbuf;
} cvet_sha256;

void cvet_sha256__init(cvet_sha256 *s);
void cvet_sha256__update(cvet_sha256 *s, const void *data, size_t len);
void cvet_sha256__final(cvet_sha256 *s, unsigned char out[CVET_SHA256_BYTES]);
/* One call for a whole buffer. */
void cvet_sha256__buf(const void *data, size_t len, unsigned char out[CVET_SHA256_BYTES]);

#endif
