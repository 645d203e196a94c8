/* packet reader: the payload buffer lives in the packet and is written unchecked */
#include <stdlib.h>
#include <string.h>

struct packet {
    size_t len;
    unsigned char *payload;
};

int packet_fill(struct packet *p, const unsigned char *data, size_t len)
{
    p->len = len;
    p->payload = malloc(len);
    memcpy(p->payload, data, len); // flaw
    return 0;
}
