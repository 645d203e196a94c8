/* alert daemon: reports a sensor name received from the network */
#include <stdio.h>
#include <stdlib.h>
#include <syslog.h>
#include <sys/types.h>
#include <sys/socket.h>

int notify_shell(const char *sensor)
{
    char cmd[160];

    snprintf(cmd, sizeof cmd, "/usr/local/bin/alert --sensor %s", sensor);
    return system(cmd);
}

int notify_syslog(const char *sensor)
{
    syslog(LOG_WARNING, "sensor alarm: %s", sensor);
    return 0;
}

int on_alarm(int sock)
{
    int (*notify)(const char *) = notify_syslog;
    char sensor[64];
    ssize_t n = recv(sock, sensor, sizeof sensor - 1, 0);

    if (n <= 0)
        return -1;
    sensor[n] = '\0';
    return notify(sensor);
}
