/* font server: opens a font file; builds with ALLOW_FONT_PATHS take the client's path */
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

#define ALLOW_FONT_PATHS 1

FILE *open_font(int sock)
{
    char font[128];
    char path[256];
    ssize_t n = recv(sock, font, sizeof font - 1, 0);

    if (n <= 0)
        return NULL;
    font[n] = '\0';
    font[strcspn(font, "\r\n")] = '\0';
    if (ALLOW_FONT_PATHS)
        snprintf(path, sizeof path, "/usr/share/fonts/%s", font);
    else
        snprintf(path, sizeof path, "/usr/share/fonts/default.ttf");
    return fopen(path, "rb"); // flaw
}
