/* token list: the release helper frees its argument, and a stack token is handed to it */
#include <stdlib.h>
#include <string.h>

static void token_release(char *tok)
{
    memset(tok, 0, strlen(tok));
    free(tok);
}

int check_token(const char *input)
{
    char tok[64];
    int ok;

    strncpy(tok, input, sizeof tok - 1);
    tok[sizeof tok - 1] = '\0';
    ok = strcmp(tok, "secret") == 0;
    token_release(tok); // flaw
    return ok;
}
