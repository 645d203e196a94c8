/* control socket: one function receives a command, another one acts on it */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>

static char cmd[64];
static ssize_t cmd_len;

static void receive_command(int sock)
{
    cmd_len = recv(sock, cmd, sizeof(cmd) - 1, 0); // flaw
}

static int run_command(void)
{
    cmd[cmd_len] = '\0';
    if (strcmp(cmd, "reload") == 0)
        printf("reloading\n");
    return 0;
}

int serve_one(int sock)
{
    receive_command(sock);
    return run_command();
}

int main(void)
{
    return serve_one(0) == 0 ? 0 : 1;
}
