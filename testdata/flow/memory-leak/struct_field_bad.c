/* message buffer: the payload is allocated into a local struct, which is dropped */
#include <stdlib.h>
#include <string.h>

struct message {
    char *payload;
    size_t len;
};

size_t message_size(const char *body)
{
    struct message m;

    m.len = strlen(body);
    m.payload = malloc(m.len + 1);
    if (!m.payload)
        return 0;
    memcpy(m.payload, body, m.len + 1);
    return m.len; // flaw
}
