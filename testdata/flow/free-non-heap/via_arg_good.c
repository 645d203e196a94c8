/* token list: the stack token is wiped in place; only heap tokens go to the release helper */
#include <stdlib.h>
#include <string.h>

static void token_release(char *tok)
{
    memset(tok, 0, strlen(tok));
    free(tok);
}

int check_token(const char *input)
{
    char *tok = strdup(input);
    int ok;

    if (!tok)
        return 0;
    ok = strcmp(tok, "secret") == 0;
    token_release(tok);
    return ok;
}
