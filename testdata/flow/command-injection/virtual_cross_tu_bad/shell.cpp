#include <stdlib.h>
#include "handler.h"

namespace {
struct ShellHandler : Handler {
    void action(const char *line) override
    {
        system(line); // flaw
    }
};
}

Handler *make_handler()
{
    return new ShellHandler;
}
