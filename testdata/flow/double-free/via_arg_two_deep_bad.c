/* request teardown: the body goes back through two helpers, then the caller frees it too */
#include <stdlib.h>

static void body_release(char *b)
{
    free(b);
}

static void request_end(char *b)
{
    body_release(b);
}

int handle(size_t n)
{
    char *body = malloc(n + 1);

    if (!body)
        return -1;
    body[0] = '\0';
    request_end(body);
    free(body); // flaw
    return 0;
}
