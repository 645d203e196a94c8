/* download manager: saves a file under the name the server suggests */
#include <stdio.h>
#include <string.h>

static const int trust_server_name = 1;

FILE *open_download(FILE *headers)
{
    char suggested[128];
    char path[256];

    if (!fgets(suggested, sizeof suggested, headers))
        return NULL;
    suggested[strcspn(suggested, "\r\n")] = '\0';
    if (trust_server_name)
        snprintf(path, sizeof path, "/home/user/Downloads/%s", suggested);
    else
        snprintf(path, sizeof path, "/home/user/Downloads/download.bin");
    return fopen(path, "wb"); // flaw
}
