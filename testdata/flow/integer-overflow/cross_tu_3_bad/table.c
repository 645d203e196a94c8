#include <stdlib.h>
#include "table.h"

struct entry *make_table(uint32_t count)
{
    uint32_t bytes = count * 16u; // flaw

    return malloc(bytes);
}
