/* a session id is copied through two helpers; the caller passes its buffer's size */
#include <stdio.h>
#include <string.h>

static void copy_bytes(char *dst, const char *src, size_t n)
{
    memcpy(dst, src, n);
}

static void store_session_id(char *dst, const char *id, size_t n)
{
    copy_bytes(dst, id, n);
}

void new_session(void)
{
    char id[32];
    char stored[16];

    memset(id, 'a', sizeof id - 1);
    id[sizeof id - 1] = '\0';
    store_session_id(stored, id, sizeof stored);
    stored[sizeof stored - 1] = '\0';
    puts(stored);
}
