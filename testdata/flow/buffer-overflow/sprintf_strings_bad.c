/* two fixed words and a separator are formatted into a 12-byte buffer */
#include <stdio.h>

void label(void)
{
    char out[12];
    const char *first = "mirror";
    const char *second = "primary";

    sprintf(out, "%s:%s", first, second); // flaw
    puts(out);
}
