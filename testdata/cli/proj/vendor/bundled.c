/* bundled.c - third-party code the tests exclude with --exclude vendor */
#include <string.h>

void vendor_copy(char *dst, const char *src)
{
	strcpy(dst, src);
}
