/* copy tool: prints a translated summary */
#include <stdio.h>
#include "catalog.h"

int main(void)
{
    int copied = 7;

    printf(catalog_lookup("/usr/share/copytool/de/copied.msg"), copied); // flaw
    return 0;
}
