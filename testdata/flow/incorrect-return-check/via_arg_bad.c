/* telemetry: writes a sample and hands the result to a shared checker */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int write_failed(ssize_t n)
{
    return n == 0; // flaw
}

int emit_sample(int fd, const char *name, long value)
{
    char text[96];
    int len = snprintf(text, sizeof(text), "%s %ld\n", name, value);
    ssize_t n;

    if (len < 0 || (size_t)len >= sizeof(text))
        return -1;
    n = write(fd, text, strlen(text));
    if (write_failed(n))
        return -1;
    return 0;
}

int main(void)
{
    return emit_sample(1, "load", 42) == 0 ? 0 : 1;
}
