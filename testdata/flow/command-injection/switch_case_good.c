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
            if (arg[0] == '\0' || arg[strspn(arg, "0123456789")] != '\0')
                break;
            snprintf(cmd, sizeof cmd, "/usr/bin/tail -n %s /var/log/appd.log", arg);
            system(cmd);
            break;
        default:
            fprintf(stderr, "unknown command\n");
            break;
        }
    }
    return 0;
}
