// Fixture for unchecked-return: results of calls that can fail, ignored or never tested.
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static ssize_t put(int fd, const void *b, size_t n)
{
	return write(fd, b, n);  // ok: unchecked-return (handed to the caller)
}

static int become(uid_t uid)
{
	return setuid(uid);  // ok: unchecked-return (handed to the caller)
}

static int drop_file(const char *path)
{
	return unlink(path);  // ok: unchecked-return
}

void ignored(int fd, char *buf, size_t n)
{
	read(fd, buf, n);            // expect: unchecked-return
	(void)read(fd, buf, n);      // ok: unchecked-return (a deliberate ignore)
	put(fd, buf, n);             // expect: unchecked-return
	printf("%s\n", buf);         // ok: unchecked-return (printf is not modelled)
	unlink("/tmp/fixture.tmp");  // ok: unchecked-return (the clean-up idiom)
	setuid(0);                   // expect: privilege-drop-unchecked
	become(65534);               // expect: unchecked-return
	drop_file("/tmp/fixture.tmp");  // ok: unchecked-return (as unlink itself)
}

int stored(int fd, char *buf, size_t n, FILE *in)
{
	ssize_t got = read(fd, buf, n);  // expect: unchecked-return
	ssize_t ok = read(fd, buf, n);
	ssize_t copy;
	int lk = pthread_mutex_lock(NULL);  // expect: unchecked-return
	buf[got] = 0;
	copy = ok;
	if (copy < 0)
		return -1;
	if (!fgets(buf, (int)n, in))       // ok: unchecked-return
		return -1;
	while ((got = read(fd, buf, n)) > 0)  // ok: unchecked-return
		buf[0] = 'x';
	printf("%d\n", lk);
	return (int)got;
}

ssize_t passed_on(int fd, char *buf, size_t n)
{
	ssize_t r = read(fd, buf, n);  // ok: unchecked-return (returned)
	return r;
}

/* sscanf fills what it can: with defaults already in place a failure changes nothing. */
static unsigned stop_at;

int parse_numbers(const char *arg)
{
	int len = 0;
	int width;
	sscanf(arg, "%d", &len);       // ok: unchecked-return (len keeps 0 on failure)
	sscanf(arg, "%u", &stop_at);   // ok: unchecked-return (a global, 0 until set)
	sscanf(arg, "%d", &width);     // expect: unchecked-return
	return len + width;
}

/* A stored result handed to a project function is followed into it (two calls deep at most). */
static void show_len(ssize_t len)
{
	printf("%zd bytes\n", len);
}

static void relay_len(ssize_t len)
{
	show_len(len);
}

static int len_ok(ssize_t len)
{
	return len > 0;
}

static void store_len(size_t len)
{
	printf("%zu\n", len);
}

int handed_on(int fd, char *buf, size_t n)
{
	ssize_t a = read(fd, buf, n);  // expect: unchecked-return
	ssize_t b = read(fd, buf, n);  // expect: unchecked-return
	ssize_t c = read(fd, buf, n);  // ok: unchecked-return (the callee tests it)
	ssize_t d = read(fd, buf, n);  // ok: unchecked-return (converted to unsigned: not followed)
	show_len(a);
	relay_len(b);
	store_len((size_t)d);
	return len_ok(c);
}

/* A result stored in a field or a constant-index element of a local record or array is followed too. */
struct rd {
	ssize_t got;
	ssize_t other;
};

static void fill(struct rd *r)
{
	r->other = 0;
}

int in_places(int fd, char *buf, size_t n, struct rd *out)
{
	struct rd a, b, c;
	ssize_t sent[3], w[2];
	int i = 1;
	a.got = read(fd, buf, n);        // expect: unchecked-return
	b.got = read(fd, buf, n);        // ok: unchecked-return (tested below)
	c.got = read(fd, buf, n);        // ok: unchecked-return (the record is handed on whole)
	out->got = read(fd, buf, n);     // ok: unchecked-return (the caller's record)
	sent[0] = write(fd, buf, n);     // ok: unchecked-return (tested below)
	sent[1] = write(fd, buf, n);     // ok: unchecked-return (sent[i] may test it)
	w[0] = write(fd, buf, n);        // ok: unchecked-return (tested below)
	w[1] = write(fd, buf, n);        // expect: unchecked-return
	fill(&c);
	if (b.got < 0 || sent[0] < 0 || sent[i] < 0 || w[0] < 0)
		return -1;
	printf("%zd %zd\n", a.got, w[1]);
	return 0;
}
