#include <stdio.h>
#include "handler.h"

namespace {
struct EchoHandler : Handler {
    void action(const char *line) override
    {
        puts(line);
    }
};
}

Handler *make_handler()
{
    return new EchoHandler;
}
