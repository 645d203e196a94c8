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

/* Regaining the saved ids: the user id goes back first, then the groups (raising, not dropping). */
static uid_t saved_euid;
static gid_t saved_egid;
int restore_ids(void)
{
	if (seteuid(saved_euid) == -1)
		return -1;
	if (setegid(saved_egid) == -1) // ok: privilege-drop-order (the user id was restored, not dropped)
		return -1;
	return 0;
}

/* After a complete drop, checking that the old group cannot be restored is not a wrong order. */
int drop_and_verify(uid_t uid, gid_t gid, gid_t old_gid)
{
	if (setgroups(0, NULL) != 0 || setgid(gid) != 0 || setuid(uid) != 0)
		return -1;
	if (old_gid != gid && (setgid(old_gid) != -1 || setegid(old_gid) == 0)) // ok: privilege-drop-order
		abort();
	return 0;
}

int drop_to_old(uid_t uid, gid_t old_gid)
{
	if (setuid(uid) != 0)
		return -1;
	if (setgid(old_gid) == -1) // expect: privilege-drop-order
		return -1;
	return 0;
}
