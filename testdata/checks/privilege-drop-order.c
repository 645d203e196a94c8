/* Fixture for privilege-drop-order: the user id must be dropped last. */
#define _GNU_SOURCE
#include <grp.h>
#include <stdlib.h>
#include <unistd.h>

int wrong_order(uid_t uid, gid_t gid)
{
	if (setuid(uid) != 0)
		return -1;
	if (setgid(gid) != 0) // expect: privilege-drop-order
		return -1;
	return 0;
}

int wrong_order_groups(uid_t uid, gid_t gid, const char *user)
{
	if (setresuid(uid, uid, uid) != 0)
		return -1;
	if (initgroups(user, gid) != 0) // expect: privilege-drop-order
		return -1;
	return 0;
}

int right_order(uid_t uid, gid_t gid, const char *user)
{
	if (initgroups(user, gid) != 0) // ok: privilege-drop-order
		return -1;
	if (setgid(gid) != 0) // ok: privilege-drop-order
		return -1;
	if (setuid(uid) != 0)
		return -1;
	return 0;
}

int temporary_drop(uid_t uid, gid_t gid)
{
	if (seteuid(uid) != 0) /* work as the user for a while */
		return -1;
	if (seteuid(0) != 0) /* regain root before changing groups */
		return -1;
	if (setegid(gid) != 0) // ok: privilege-drop-order
		return -1;
	return seteuid(uid);
}
