/* save-game loader: records are a type byte and a 32-bit count */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int load_record(FILE *f, void **out)
{
    uint8_t type;
    uint32_t count, bytes;

    if (fread(&type, 1, 1, f) != 1 || fread(&count, sizeof count, 1, f) != 1)
        return -1;
    switch (type) {
    case 1:
        bytes = 0;
        *out = NULL;
        break;
    case 2:
        bytes = count * 12u; // flaw
        *out = malloc(bytes);
        if (!*out || fread(*out, 12, count, f) != count)
            return -1;
        break;
    default:
        return -1;
    }
    return (int)bytes;
}
