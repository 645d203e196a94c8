#ifndef SESS_H
#define SESS_H
void user_free(char *user);
void session_close(int fd, char *user);
#endif
