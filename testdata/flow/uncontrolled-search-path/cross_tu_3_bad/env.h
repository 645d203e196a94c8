#ifndef ENV_H
#define ENV_H
int parse_env_request(const char *req, char *value, unsigned long size);
int apply_path(const char *value);
#endif
