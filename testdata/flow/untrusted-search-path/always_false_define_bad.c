/* installer: unpacks the bundle with the system unzip or the built-in code */
#include <stdio.h>
#include <stdlib.h>

#define USE_SYSTEM_UNZIP 1

static int extract_builtin(const char *bundle)
{
    printf("extracting %s\n", bundle);
    return 0;
}

int install(void)
{
    if (USE_SYSTEM_UNZIP)
        return system("unzip -o /tmp/bundle.zip -d /opt/app"); // flaw
    return extract_builtin("/tmp/bundle.zip");
}
