/* job runner: the handler comes from another file, the line from stdin */
#include <stdio.h>
#include <string.h>
#include "handler.h"

int main()
{
    char buf[100];
    if (!fgets(buf, sizeof buf, stdin))
        return 1;
    buf[strcspn(buf, "\n")] = '\0';
    Handler *h = make_handler();
    h->action(buf);
    delete h;
    return 0;
}
