/* quilt's backup of a file before a patch: not the project's code, never scanned */
#include <stdio.h>

void old_read(char *buf)
{
	gets(buf);
}
