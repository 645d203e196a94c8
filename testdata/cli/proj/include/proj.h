/* proj.h - header of the cli fixture project, included by src/main.c */
#ifndef PROJ_H
#define PROJ_H
#include <stddef.h>

#define PROJ_NAME_MAX 32
typedef struct proj_user {
	char name[PROJ_NAME_MAX];
} proj_user;

int proj_read_user(proj_user *u);
#endif
