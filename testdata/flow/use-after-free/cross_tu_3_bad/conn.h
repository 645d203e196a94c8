#ifndef CONN_H
#define CONN_H
struct conn {
    int fd;
    unsigned long bytes;
};
struct conn *conn_get(int fd);
void conn_put(struct conn *c);
void conn_drop(struct conn *c);
#endif
