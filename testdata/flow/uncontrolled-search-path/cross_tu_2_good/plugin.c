#include <stdlib.h>
#include "plugin.h"

int use_plugin_dir(const char *dir)
{
    return setenv("LD_LIBRARY_PATH", dir, 1);
}
