/* Fixture for unsafe-libc: parsing options and comma lists. */
#define _GNU_SOURCE /* POSIX and GNU declarations: popen, mkstemps, strtok_r, getrandom, ... */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PARSE_PORT(s) atoi(s)

struct opts {
	int port;
	long limit;
	double ratio;
};

void parse_quick(struct opts *o, const char *port, const char *limit, const char *ratio)
{
	o->port = atoi(port);  // expect: unsafe-libc
	o->limit = atol(limit);  // expect: unsafe-libc
	o->ratio = atof(ratio);  // expect: unsafe-libc
	o->port = PARSE_PORT(port);  // expect: unsafe-libc
}

int parse_checked(struct opts *o, const char *port)
{
	char *end;
	long v;
	errno = 0;
	v = strtol(port, &end, 10);  // ok: unsafe-libc
	if (errno || *end || v < 1 || v > 65535)
		return -1;
	o->port = (int)v;
	return 0;
}

int count_fields(char *list)
{
	int n = 0;
	char *save = NULL;
	for (char *t = strtok(list, ","); t; t = strtok(NULL, ","))  // expect: unsafe-libc, unsafe-libc
		n++;
	for (char *t = strtok_r(list, ",", &save); t; t = strtok_r(NULL, ",", &save))  // ok: unsafe-libc
		n++;
	return n;
}

int main(int argc, char **argv)
{
	struct opts o;
	char list[] = "a,b,c";
	int atoi = 0; /* a variable named like the function */
	if (argc > 3)
		parse_quick(&o, argv[1], argv[2], argv[3]);
	return parse_checked(&o, "80") + count_fields(list) + atoi;
}
