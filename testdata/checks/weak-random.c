/* Fixture for weak-random: session tokens and game dice from rand(). */
#define _GNU_SOURCE /* POSIX and GNU declarations: popen, mkstemps, strtok_r, getrandom, ... */
#include <stdio.h>
#include <stdlib.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

struct session {
	char token[33];
	unsigned id;
	unsigned char iv[16];
};

static const char hex[] = "0123456789abcdef";

void make_session_token(struct session *s)
{
	for (int i = 0; i < 32; i++)
		s->token[i] = hex[rand() % 16];  // expect: weak-random
	s->token[32] = '\0';
}

void init_session(struct session *s)
{
	unsigned nonce = (unsigned)random();  // expect: weak-random
	s->id = nonce;
	for (int i = 0; i < 16; i++)
		s->iv[i] = (unsigned char)rand();  // expect: weak-random
}

void fill_record(struct session *s)
{
	unsigned r = (unsigned)rand();  // expect: weak-random (r ends up in the token below)
	unsigned a = r;
	s->id = r;
	s->token[0] = (char)r;
	s->token[1] = (char)a;  // todo-expect: weak-random (followed through one variable only)
}

void init_session_safely(struct session *s)
{
	if (getrandom(s->iv, sizeof s->iv, 0) != (ssize_t)sizeof s->iv)  // ok: weak-random
		s->id = 0;
}

int roll_dice(void)
{
	int dice = rand() % 6 + 1;  // ok: weak-random (not a secret)
	int monkey = rand();  // ok: weak-random ("key" only inside a longer word)
	return dice + monkey % 2;
}

int main(void)
{
	struct session s;
	int random = 4; /* a variable named like the function */
	srand((unsigned)time(NULL));  // expect: weak-random
	make_session_token(&s);
	init_session(&s);
	fill_record(&s);
	init_session_safely(&s);
	return roll_dice() + random;
}
