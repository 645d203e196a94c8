/* test.h - a minimal unit-test harness: test_<suite>__<case> functions listed in a table, asserts that say what was expected */
#ifndef CVET_TEST_H
#define CVET_TEST_H

#include <stdio.h>
#include <string.h>

extern int cvet_test_failures;

#define T_ASSERT(cond) do { if (!(cond)) { \
	fprintf(stderr, "%s:%d: assertion failed: %s\n", __FILE__, __LINE__, #cond); \
	cvet_test_failures++; return; } } while (0)
#define T_ASSERT_INT(expected, actual) do { long long e_ = (long long)(expected), a_ = (long long)(actual); \
	if (e_ != a_) { fprintf(stderr, "%s:%d: expected %s == %lld, got %lld\n", __FILE__, __LINE__, #actual, e_, a_); \
	cvet_test_failures++; return; } } while (0)
#define T_ASSERT_STR(expected, actual) do { const char *e_ = (expected), *a_ = (actual); \
	if (!a_ || strcmp(e_, a_) != 0) { fprintf(stderr, "%s:%d: expected %s == \"%s\", got \"%s\"\n", __FILE__, __LINE__, \
	#actual, e_, a_ ? a_ : "(null)"); cvet_test_failures++; return; } } while (0)

typedef struct { const char *name; void (*fn)(void); } cvet_test_case;

/* Define the test table and main(): run all cases, or those whose name contains argv[1]. */
#define CVET_TEST_MAIN(...) \
	int cvet_test_failures; \
	static const cvet_test_case cvet_tests_[] = { __VA_ARGS__ }; \
	int main(int argc, char **argv) { \
		size_t i, ran = 0; \
		for (i = 0; i < sizeof(cvet_tests_) / sizeof(cvet_tests_[0]); i++) { \
			int before = cvet_test_failures; \
			if (argc > 1 && !strstr(cvet_tests_[i].name, argv[1])) continue; \
			cvet_tests_[i].fn(); ran++; \
			printf("%s %s\n", cvet_test_failures == before ? "ok  " : "FAIL", cvet_tests_[i].name); \
		} \
		printf("%zu tests, %d failures\n", ran, cvet_test_failures); \
		return cvet_test_failures ? 1 : 0; \
	}
#define T(fn) { #fn, fn }

#endif
