#ifndef REQUEST_H
#define REQUEST_H
int read_branch(int sock, char *out, unsigned long size);
int build_checkout(const char *branch);
#endif
