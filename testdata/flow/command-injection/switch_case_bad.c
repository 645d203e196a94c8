/* admin console: a one-letter command and an argument per line */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    char line[128];
    char cmd[192];

    while (fgets(line, sizeof line, stdin)) {
        char *arg = line + 1;

        arg[strcspn(arg, "\n")] = '\0';
        switch (line[0]) {
        case 's':
            system("/usr/bin/systemctl status appd");
            break;
        case 't':
            snprintf(cmd, sizeof cmd, "/usr/bin/tail -n %s /var/log/appd.log", arg);
            system(cmd); // flaw
            break;
        default:
            fprintf(stderr, "unknown command\n");
            break;
        }
    }
    return 0;
}
