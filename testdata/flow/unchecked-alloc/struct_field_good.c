/* packet reader: the payload buffer is tested in the packet before it is written */
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
    if (p->payload == NULL)
        return -1;
    memcpy(p->payload, data, len);
    return 0;
}
