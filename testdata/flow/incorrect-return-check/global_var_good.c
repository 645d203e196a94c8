/* config reader: one function fetches the next line, the main loop decides when to stop */
#include <stdio.h>
#include <string.h>

static char line[256];
static char *last_line;

static void fetch_line(FILE *in)
{
    last_line = fgets(line, sizeof(line), in);
}

int count_settings(FILE *in)
{
    int n = 0;

    for (;;) {
        fetch_line(in);
        if (last_line == NULL)
            break;
        if (strchr(line, '='))
            n++;
    }
    return n;
}

int main(void)
{
    printf("%d settings\n", count_settings(stdin));
    return 0;
}
