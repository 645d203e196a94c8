/* Fixture for realloc-leak: growing buffers with realloc, the leaking and the safe way. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct strbuf {
	char *data;
	size_t len, cap;
};

struct table {
	struct strbuf *rows;
	size_t nrows;
	char **cells[4];
};

/* Grows the buffer in place: the classic mistake. */
int strbuf_grow_bad(struct strbuf *sb, size_t need)
{
	if (need <= sb->cap)
		return 0;
	sb->data = realloc(sb->data, need);  // expect: realloc-leak
	if (!sb->data)
		return -1;
	sb->cap = need;
	return 0;
}

/* The same with a temporary: nothing leaks when realloc fails. */
int strbuf_grow_good(struct strbuf *sb, size_t need)
{
	char *tmp;
	if (need <= sb->cap)
		return 0;
	tmp = realloc(sb->data, need);  // ok: realloc-leak
	if (!tmp)
		return -1;
	sb->data = tmp;  // ok: realloc-leak
	sb->cap = need;
	return 0;
}

char *append_line(char *text, size_t *len, const char *line, size_t n)
{
	text = realloc(text, *len + n + 1);  // expect: realloc-leak
	if (text == NULL)
		return NULL;
	memcpy(text + *len, line, n);
	*len += n;
	text[*len] = '\0';
	return text;
}

int table_resize(struct table *t, size_t rows)
{
	struct strbuf *r;
	if (rows > 4096)
		return -1;
	t->rows = reallocarray(t->rows, rows, sizeof(*t->rows));  // expect: realloc-leak
	r = reallocarray(t->rows, rows, sizeof(*t->rows));  // ok: realloc-leak (another pointer)
	if (!r)
		return -1;
	t->rows = r;
	t->nrows = rows;
	return 0;
}

int cell_resize(struct table *t, int col, size_t n)
{
	if (n > 1024)
		return -1;
	t->cells[col] = realloc(t->cells[col], n * sizeof(char *));  // expect: realloc-leak
	return t->cells[col] ? 0 : -1;
}

/* A different pointer receives the result: the old one is still owned by the caller. */
char *shrink_copy(const char *src, char *old, size_t n)
{
	char *fresh = realloc(old, n);  // ok: realloc-leak
	(void)src;
	return fresh;
}

/* The old pointer is kept aside and released when realloc fails. */
int grow_with_backup(struct strbuf *sb, size_t need)
{
	char *old = sb->data;
	sb->data = realloc(sb->data, need);  // ok: realloc-leak (the old block is still reachable)
	if (!sb->data) {
		free(old);
		sb->cap = 0;
		return -1;
	}
	sb->cap = need;
	return 0;
}

/* The program ends when the resize fails, so the lost block does not matter. */
void note_oom(void *p);
void lines_grow(char **line, size_t n)
{
	*line = realloc(*line, n);  // ok: realloc-leak (handled by an out-of-memory handler that exits)
	note_oom(*line);
}

void table_grow(struct strbuf *sb, size_t need)
{
	sb->data = realloc(sb->data, need);  // ok: realloc-leak (the failure branch exits)
	if (sb->data == NULL) {
		fputs("out of memory\n", stderr);
		exit(1);
	}
	sb->cap = need;
}

void table_grow_soft(struct strbuf *sb, size_t need)
{
	sb->data = realloc(sb->data, need);  // expect: realloc-leak
	if (sb->data == NULL) {
		fputs("out of memory\n", stderr);
		return;
	}
	sb->cap = need;
}
