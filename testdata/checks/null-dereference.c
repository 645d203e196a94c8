/* Fixture for null-dereference: NULL constants, failing tests and functions that return NULL. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct conf {
	char *name;
	int port;
	struct conf *next;
};

int home_length(void)
{
	const char *home = getenv("HOME");
	return (int)strlen(home);  // expect: null-dereference
}

int home_length_checked(void)
{
	const char *home = getenv("HOME");
	if (home == NULL)
		return 0;
	return (int)strlen(home);  // ok: null-dereference
}

int home_is_absolute(void)
{
	const char *home = getenv("HOME");
	return home && home[0] == '/';  // ok: null-dereference
}

int first_char(void)
{
	char *p = NULL;
	return *p;  // expect: null-dereference
}

int first_char_set(char *buf)
{
	char *p = NULL;
	p = buf;
	return *p;  // ok: null-dereference
}

void reset_on_null(struct conf *c)
{
	if (c == NULL)
		c->port = 0;  // expect: null-dereference
}

int read_first(const char *path)
{
	char line[64];
	FILE *f = fopen(path, "r");
	if (!fgets(line, sizeof line, f))  // expect: null-dereference
		line[0] = 0;
	fclose(f);  // ok: null-dereference (one finding per unchecked value)
	return line[0];
}

int read_first_asserted(const char *path)
{
	char line[64];
	FILE *f = fopen(path, "r");
	assert(f);
	if (!fgets(line, sizeof line, f))  // ok: null-dereference
		line[0] = 0;
	fclose(f);
	return line[0];
}

/* A project function that returns NULL when it finds nothing. */
static struct conf *find(struct conf *list, const char *name)
{
	for (struct conf *c = list; c; c = c->next)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

int port_of(struct conf *list)
{
	struct conf *c = find(list, "http");
	return c->port;  // expect: null-dereference
}

int port_of_checked(struct conf *list)
{
	struct conf *c = find(list, "http");
	return c ? c->port : -1;  // ok: null-dereference
}

/* NULL only for a NULL argument: the caller's own doing, not "may return NULL". */
static char *skip_blanks(char *s)
{
	if (!s)
		return NULL;
	while (*s == ' ')
		s++;
	return s;
}

int first_word(char *text)
{
	char *w = skip_blanks(text);
	return w[0];  // ok: null-dereference
}

/* A callee that dereferences its parameter on every path. */
static int name_length(const struct conf *c)
{
	return (int)strlen(c->name);
}

int length_of_http(struct conf *list)
{
	return name_length(find(list, "http"));  // expect: null-dereference
}

int key_length(const char *line)
{
	const char *eq = strchr(line, '=');
	if (!eq)
		return -1;
	return (int)strlen(eq + 1);  // ok: null-dereference
}

int after_colon(char *line)
{
	char *colon = strchr(line, ':');
	*colon = '\0';  // expect: null-dereference
	return (int)strlen(line);
}

int address_only(void)
{
	struct conf *c = NULL;
	int *port = &c->port;  // ok: null-dereference (an address, not an access)
	return port != NULL;
}

/* A callee that leaves a global maybe NULL: the caller reading it after the call must test it. */
static const char *state_dir;

static void state_dir_init(void)
{
	state_dir = getenv("STATE_DIRECTORY");
}

static void state_dir_init_default(void)
{
	state_dir = getenv("STATE_DIRECTORY");
	if (!state_dir)
		state_dir = "/var/lib/demo";
}

size_t state_dir_len(void)
{
	state_dir_init();
	return strlen(state_dir);  // expect: null-dereference
}

size_t state_dir_len_tested(void)
{
	state_dir_init();
	if (!state_dir)
		return 0;
	return strlen(state_dir);  // ok: null-dereference
}

size_t state_dir_len_default(void)
{
	state_dir_init_default();
	return strlen(state_dir);  // ok: null-dereference
}
