/* generated.c - lives in a build directory: never scanned */
#include <string.h>

void generated_copy(char *dst, const char *src)
{
	strcpy(dst, src);
}
