/* tar-like extractor: skips the padding blocks a header announces */
#include <stdint.h>
#include <stdio.h>

#define HONOUR_PADDING_FIELD 1
#define DEFAULT_PADDING 2u

int skip_padding(FILE *fp)
{
    uint32_t announced, blocks, i;
    char block[512];

    if (fread(&announced, sizeof announced, 1, fp) != 1)
        return -1;
    blocks = DEFAULT_PADDING;
    if (HONOUR_PADDING_FIELD)
        blocks = announced;
    for (i = 0; i < blocks; i++) { // flaw
        if (fread(block, sizeof block, 1, fp) != 1)
            return -1;
    }
    return 0;
}
