/* tiny file server: sends the file the client names from the document root */
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

static FILE *open_in_root(const char *name)
{
    char path[256];

    snprintf(path, sizeof path, "/srv/www/%s", name);
    return fopen(path, "r"); // flaw
}

static int send_file(int sock, const char *name)
{
    char buf[512];
    size_t n;
    FILE *f = open_in_root(name);

    if (!f)
        return -1;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        send(sock, buf, n, 0);
    fclose(f);
    return 0;
}

int serve(int sock)
{
    char name[128];
    ssize_t n = recv(sock, name, sizeof name - 1, 0);

    if (n <= 0)
        return -1;
    name[n] = '\0';
    name[strcspn(name, "\r\n")] = '\0';
    return send_file(sock, name);
}
