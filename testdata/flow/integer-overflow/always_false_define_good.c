/* packet capture tool: the file header gives the snapshot length */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define LEGACY_UNCHECKED_SNAPLEN 0
#define MAX_SNAPLEN 262144u
#define RING_SLOTS 64u

uint8_t *alloc_ring(FILE *fp, uint32_t *snaplen_out)
{
    uint32_t snaplen;

    if (fread(&snaplen, sizeof snaplen, 1, fp) != 1)
        return NULL;
    if (!LEGACY_UNCHECKED_SNAPLEN && (snaplen == 0 || snaplen > MAX_SNAPLEN))
        return NULL;
    *snaplen_out = snaplen;
    return malloc(snaplen * RING_SLOTS);
}
