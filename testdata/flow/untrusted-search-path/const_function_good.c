/* print helper: sends a document to the printer */
#include <stdio.h>
#include <stdlib.h>

static int legacy_spooler(void)
{
    return 0;
}

int print_document(void)
{
    if (legacy_spooler()) {
        return system("lpr -P office /tmp/document.ps");
    }
    return system("/usr/bin/lp -d office /tmp/document.ps");
}
