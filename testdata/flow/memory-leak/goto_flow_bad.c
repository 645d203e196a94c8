/* record parser: the error label frees the header but forgets the body */
#include <stdio.h>
#include <stdlib.h>

int read_record(FILE *in)
{
    char *head = NULL, *body = NULL;
    int rc = -1;

    head = malloc(16);
    if (!head)
        goto fail;
    body = malloc(4096);
    if (!body)
        goto fail;
    if (fread(head, 1, 16, in) != 16)
        goto fail;
    if (fread(body, 1, 4096, in) == 0)
        goto fail;
    rc = head[0];
    free(body);
    free(head);
    return rc;
fail:
    free(head);
    return rc; // flaw
}
