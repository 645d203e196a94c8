/* grade book: prints the average score of the entries in a file */
#include <stdio.h>

int print_average(FILE *fp)
{
    int count, score, total = 0, i;

    if (fscanf(fp, "%d", &count) != 1)
        return -1;
    for (i = 0; i < count && i < 1000 && fscanf(fp, "%d", &score) == 1; i++)
        total += score % 101;
    if (1) {
        printf("average %d\n", total / count); // flaw
    } else if (count > 0) {
        printf("average %d\n", total / count);
    }
    return 0;
}
