/* parse-error.c - fixture: a file clang cannot parse completely yields ONE note, at the first error */

int fine(int x)                       // ok: parse-error
{
	return x + 1;
}

int broken(int x)
{
	return x + ;                      // expect: parse-error
}

int after(void)
{
	return 2                          // ok: parse-error (a second error does not make a second note)
}
