/* time formatter: the format that asks localtime tests its result */
#include <time.h>

int hour_of(time_t t, int mode)
{
    struct tm *tm;

    switch (mode) {
    case 0:
        return (int)(t / 3600 % 24);
    case 1:
        tm = localtime(&t);
        return tm ? tm->tm_hour : -1;
    default:
        return -1;
    }
}
