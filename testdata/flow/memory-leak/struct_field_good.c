/* message buffer: the payload is allocated into a local struct, which is returned to the caller */
#include <stdlib.h>
#include <string.h>

struct message {
    char *payload;
    size_t len;
};

struct message message_new(const char *body)
{
    struct message m;

    m.len = strlen(body);
    m.payload = malloc(m.len + 1);
    if (!m.payload) {
        m.len = 0;
        return m;
    }
    memcpy(m.payload, body, m.len + 1);
    return m;
}
