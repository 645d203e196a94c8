// Fixture for mismatched-dealloc (C++): new/delete, new[]/delete[] and malloc/free mixed up, directly
// and across calls; classes with their own operator new/delete are theirs to judge.
#include <cstdlib>
#include <cstring>
#include <new>

struct Packet {
	int len;
	char data[64];
};

struct Pooled {
	int id;
	static void *operator new(std::size_t n) { return std::malloc(n); }
	static void operator delete(void *p) { std::free(p); }
};

struct Derived : Pooled {
	int extra;
};

void scalar_array_mixup()
{
	int *a = new int[8];
	a[0] = 1;
	delete a;  // expect: mismatched-dealloc
}

void array_scalar_mixup()
{
	Packet *p = new Packet;
	p->len = 0;
	delete[] p;  // expect: mismatched-dealloc
}

void new_then_free()
{
	Packet *p = new Packet();
	p->len = 1;
	std::free(p);  // expect: mismatched-dealloc
}

void malloc_then_delete()
{
	char *s = static_cast<char *>(std::malloc(16));
	if (!s)
		return;
	s[0] = 0;
	delete s;  // expect: mismatched-dealloc
}

void initialised_scalar()
{
	int *v = new int(5);
	*v += 1;
	delete v;  // ok: mismatched-dealloc (new T(init) is one object)
}

void matched_array()
{
	Packet *ps = new Packet[4];
	ps[0].len = 0;
	delete[] ps;  // ok: mismatched-dealloc
}

void own_operators()
{
	Pooled *p = new Pooled;
	p->id = 1;
	std::free(p);  // ok: mismatched-dealloc (the class's own operator new: its family is not known)
	Derived *d = new Derived;
	d->extra = 2;
	delete d;  // ok: mismatched-dealloc
}

void placement(void)
{
	alignas(Packet) unsigned char raw[sizeof(Packet)];
	Packet *p = new (raw) Packet;
	p->len = 0;
	p->~Packet();  // ok: mismatched-dealloc
}

void two_families(bool c)
{
	int *q = c ? new int(1) : static_cast<int *>(std::malloc(sizeof(int)));
	if (!q)
		return;
	delete q;  // ok: mismatched-dealloc (new or malloc: not certain)
}

void reassigned_on_one_path(bool c)
{
	char *b = new char[32];
	if (c) {
		delete[] b;
		b = static_cast<char *>(std::malloc(32));
		if (!b)
			return;
	}
	std::free(b);  // ok: mismatched-dealloc (new[] on one path, malloc on the other)
}

// ---- across calls ----

static Packet *make_packets(int n)
{
	return new Packet[n];
}

static void drop_packet(Packet *p)
{
	delete p;
}

static char *make_text()
{
	char *t = static_cast<char *>(std::malloc(32));
	if (!t)
		return nullptr;
	std::strcpy(t, "text");
	return t;
}

void packets_cross()
{
	Packet *ps = make_packets(4);
	drop_packet(ps);  // expect: mismatched-dealloc
}

void text_cross()
{
	char *t = make_text();
	if (!t)
		return;
	delete[] t;  // expect: mismatched-dealloc
}

void text_cross_fixed()
{
	char *t = make_text();
	if (!t)
		return;
	std::free(t);  // ok: mismatched-dealloc
}

void single_cross()
{
	Packet *p = new Packet;
	drop_packet(p);  // ok: mismatched-dealloc
}

// Written through macros: the spelled form cannot be read, so the family is not judged.
#define MAKE_ARRAY(T, n) new T[n]
#define DROP_ARRAY(p) delete[] (p)
#define DROP(p) delete (p)

void macro_forms()
{
	int *a = MAKE_ARRAY(int, 4);
	a[0] = 0;
	DROP_ARRAY(a);  // ok: mismatched-dealloc
	int *b = new int[4];
	b[0] = 0;
	DROP_ARRAY(b);  // ok: mismatched-dealloc
	int *c = new int(1);
	DROP(c);  // ok: mismatched-dealloc
}

// Grown by realloc on some paths: the malloc block or its moved copy, both of malloc's family.
void grown_delete(int n)
{
	char *b = static_cast<char *>(std::malloc(16));
	if (!b)
		return;
	for (int i = 16; i < n && i < 4096; i *= 2) {
		char *g = static_cast<char *>(std::realloc(b, static_cast<std::size_t>(i) * 2));
		if (!g)
			break;
		b = g;
	}
	b[0] = 0;
	delete[] b;  // expect: mismatched-dealloc
}

void grown_free(int n)
{
	char *b = static_cast<char *>(std::malloc(16));
	if (!b)
		return;
	for (int i = 16; i < n && i < 4096; i *= 2) {
		char *g = static_cast<char *>(std::realloc(b, static_cast<std::size_t>(i) * 2));
		if (!g)
			break;
		b = g;
	}
	b[0] = 0;
	std::free(b);  // ok: mismatched-dealloc
}

// new[] on one path, new on the other: two families, not judged.
void array_or_single(int n)
{
	int *p;
	if (n > 1)
		p = new int[4];
	else
		p = new int(1);
	p[0] = 0;
	delete p;  // ok: mismatched-dealloc
}
