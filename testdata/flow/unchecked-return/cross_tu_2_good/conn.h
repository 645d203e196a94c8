#ifndef CONN_H
#define CONN_H
#include <sys/types.h>
ssize_t conn_send_line(int sock, const char *line);
#endif
