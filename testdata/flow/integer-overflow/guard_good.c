/* traffic generator: sends payloads of random length */
#include <stdlib.h>
#include <string.h>

unsigned char *make_payload(int *out_len)
{
    int len = rand();
    unsigned char *p;
    int i;

    if (len > 65536)
        len = 65536;
    p = malloc(len + 8);
    if (!p)
        return NULL;
    memcpy(p, "PAYLOAD:", 8);
    for (i = 0; i < len; i++)
        p[8 + i] = (unsigned char)rand();
    *out_len = len;
    return p;
}
