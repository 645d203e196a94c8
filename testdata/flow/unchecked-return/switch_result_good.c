/* settings: parses "width height" from a line, the parse result decides what to do */
#include <stdio.h>

int parse_size(const char *line, int *w, int *h)
{
    int n = sscanf(line, "%d %d", w, h);
    switch (n) {
    case 2:
        break;
    default:
        return -1;
    }
    printf("%d fields\n", n);
    return 0;
}

int main(void)
{
    int w = 0, h = 0;
    return parse_size("640 480", &w, &h) == 0 && h > 0 ? 0 : 1;
}
