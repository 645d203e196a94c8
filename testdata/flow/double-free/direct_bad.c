/* packet parser: the scratch buffer is released twice on the success path */
#include <stdlib.h>
#include <string.h>

int parse_packet(const unsigned char *pkt, size_t len)
{
    unsigned char *scratch = malloc(len ? len : 1);

    if (!scratch)
        return -1;
    memcpy(scratch, pkt, len);
    free(scratch);
    free(scratch); // flaw
    return 0;
}
