/* job runner: a handler chosen at run time runs the line read from stdin */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct Handler {
    virtual void action(const char *line) = 0;
    virtual ~Handler() {}
};

struct ShellHandler : Handler {
    void action(const char *line) override
    {
        system(line); // flaw
    }
};

int main()
{
    char buf[100] = "ls ";
    if (!fgets(buf + 3, 97, stdin))
        return 1;
    buf[strcspn(buf, "\n")] = '\0';
    Handler *h = new ShellHandler;
    h->action(buf);
    delete h;
    return 0;
}
