/* password tool: hashes a passphrase with the number of rounds typed in */
#include <stdio.h>
#include <string.h>

static unsigned long mix(unsigned long h, const char *s)
{
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h;
}

int main(void)
{
    char pass[128];
    int rounds_in, rounds, i;
    unsigned long h = 5381;

    if (scanf("%d %127s", &rounds_in, pass) != 2)
        return 1;
    rounds = rounds_in;
    for (i = 0; i < rounds; i++) // flaw
        h = mix(h, pass);
    printf("%lx\n", h);
    return 0;
}
