/* store: saves, renames or drops an entry depending on the operation */
#include <stdio.h>

enum op { OP_KEEP, OP_COMMIT, OP_DROP };

int apply(enum op op, const char *tmp, const char *path)
{
    switch (op) {
    case OP_KEEP:
        return 0;
    case OP_COMMIT:
        if (rename(tmp, path) != 0)
            return -1;
        return 0;
    case OP_DROP:
        if (remove(tmp) != 0)
            return -1;
        return 0;
    }
    return -1;
}

int main(void)
{
    return apply(OP_COMMIT, "/tmp/demo.new", "/tmp/demo.db") == 0 ? 0 : 1;
}
