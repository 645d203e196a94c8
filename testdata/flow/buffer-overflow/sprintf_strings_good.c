/* two fixed words and a separator are formatted into a buffer that holds them */
#include <stdio.h>

void label(void)
{
    char out[16];
    const char *first = "mirror";
    const char *second = "primary";

    sprintf(out, "%s:%s", first, second);
    puts(out);
}
