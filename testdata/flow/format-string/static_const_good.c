/* report printer: each input line is a column label, printed with the row count */
#include <stdio.h>
#include <string.h>

static const int labels_are_templates = 0;

int main(void)
{
    char label[128];
    int rows = 0;

    while (fgets(label, sizeof label, stdin)) {
        label[strcspn(label, "\n")] = '\0';
        rows++;
        if (labels_are_templates)
            printf(label, rows);
        else
            printf("%s: %d", label, rows);
        putchar('\n');
    }
    return 0;
}
