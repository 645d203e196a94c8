#ifndef PATHS_H
#define PATHS_H
#include <stddef.h>
int mailbox_path(const char *user, char *out, size_t outlen);
int move_to_archive(const char *path);
#endif
