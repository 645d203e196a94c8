/* time formatter: one format asks localtime and reads its result unchecked */
#include <time.h>

int hour_of(time_t t, int mode)
{
    struct tm *tm;

    switch (mode) {
    case 0:
        return (int)(t / 3600 % 24);
    case 1:
        tm = localtime(&t);
        return tm->tm_hour; // flaw
    default:
        return -1;
    }
}
