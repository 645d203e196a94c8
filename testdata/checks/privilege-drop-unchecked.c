/* Fixture for privilege-drop-unchecked: set*id calls whose failure would go unnoticed. */
#define _GNU_SOURCE
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

void drop_carelessly(uid_t uid, gid_t gid)
{
	setgroups(0, NULL);      // expect: privilege-drop-unchecked
	setgid(gid);             // expect: privilege-drop-unchecked
	setuid(uid);             // expect: privilege-drop-unchecked
}

void drop_cast_away(uid_t uid, gid_t gid)
{
	(void)setresgid(gid, gid, gid); // expect: privilege-drop-unchecked
	(void)setresuid(uid, uid, uid); // expect: privilege-drop-unchecked
}

void drop_in_branch(int daemonize, uid_t uid)
{
	if (daemonize)
		seteuid(uid);    // expect: privilege-drop-unchecked
}

int drop_checked(uid_t uid, gid_t gid, const char *user)
{
	if (initgroups(user, gid) != 0)          // ok: privilege-drop-unchecked
		return -1;
	if (setgid(gid) < 0) {                   // ok: privilege-drop-unchecked
		perror("setgid");
		exit(1);
	}
	if (setregid(gid, gid) != 0)             // ok: privilege-drop-unchecked
		return -1;
	int rc = setuid(uid);                    // ok: privilege-drop-unchecked
	if (rc != 0)
		abort();
	return 0;
}

void drop_or_die(uid_t uid)
{
	if (setuid(uid) == -1 || getuid() != uid) // ok: privilege-drop-unchecked
		abort();
	while (seteuid(uid) != 0)                 // ok: privilege-drop-unchecked
		;
}
