/* shell-like REPL: the prompt template is typed by the user */
#include <stdio.h>
#include <string.h>

static const char *read_prompt(void)
{
    static char buf[64];

    if (!fgets(buf, sizeof buf, stdin))
        return "%s> ";
    buf[strcspn(buf, "\n")] = '\0';
    return buf;
}

int main(void)
{
    const char *user = "operator";
    const char *prompt = read_prompt();

    printf(prompt, user); // flaw
    fflush(stdout);
    return 0;
}
