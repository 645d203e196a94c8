/* task object: the constructor keeps the command, run() executes it */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

class Task {
    const char *cmd;
public:
    Task(const char *c) { cmd = c; }
    int run() { return system(cmd); }
};

int main()
{
    char line[128];
    if (!fgets(line, sizeof line, stdin))
        return 1;
    line[strcspn(line, "\n")] = '\0';
    Task t(strcmp(line, "status") == 0 ? "/usr/bin/uptime" : "/usr/bin/true");
    return t.run();
}
