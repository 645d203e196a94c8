/* Fixture for return-local-address: pointers into a function's own stack frame handed back to the caller. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct point {
	int x, y;
	char tag[8];
};

const char *format_id(int id)
{
	char buf[32];
	snprintf(buf, sizeof buf, "id-%d", id);
	return buf;  // expect: return-local-address
}

const char *format_id_static(int id)
{
	static char buf[32];
	snprintf(buf, sizeof buf, "id-%d", id);
	return buf;  // ok: return-local-address
}

char *format_id_heap(int id)
{
	char buf[32];
	snprintf(buf, sizeof buf, "id-%d", id);
	return strdup(buf);  // ok: return-local-address
}

const char *format_id_into(char *out, size_t n, int id)
{
	snprintf(out, n, "id-%d", id);
	return out;  // ok: return-local-address
}

int *counter(void)
{
	int count = 0;
	return &count;  // expect: return-local-address
}

int *param_address(int value)
{
	return &value;  // expect: return-local-address
}

int *first_coordinate(struct point *p)
{
	return &p->x;  // ok: return-local-address
}

char *point_tag(void)
{
	struct point pt = {1, 2, "origin"};
	return pt.tag;  // expect: return-local-address
}

char *skip_spaces(const char *s)
{
	char work[64];
	char *p = work;
	snprintf(work, sizeof work, "%s", s);
	while (*p == ' ')
		p++;
	return p;  // expect: return-local-address
}

char *choose(int big, size_t n)
{
	char small[16];
	char *p = small;
	if (big)
		p = malloc(n);
	else
		p = malloc(sizeof small);
	return p;  // ok: return-local-address (last set to heap memory)
}

const char *suffix_of(const char *name)
{
	char copy[64];
	snprintf(copy, sizeof copy, "%s", name);
	return copy + 4;  // expect: return-local-address
}

const char *pick(int which)
{
	char local[8] = "abc";
	return which ? local : "default";  // expect: return-local-address
}

char *from_param_array(char buf[64])
{
	return buf + 1;  // ok: return-local-address (an array parameter is the caller's buffer)
}
