/* game server: a chat message is a 16-bit length and the text */
#include <alloca.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

union len_field {
    unsigned char raw[4];
    uint32_t value;
};

int relay_chat(int fd, FILE *log)
{
    union len_field lf;
    char *text;
    ssize_t got;

    if (read(fd, lf.raw, sizeof lf.raw) != (ssize_t)sizeof lf.raw)
        return -1;
    text = alloca(lf.value + 1); // flaw
    got = read(fd, text, lf.value);
    if (got < 0)
        return -1;
    text[got] = '\0';
    fprintf(log, "chat: %s\n", text);
    return 0;
}
