/* journal writer: appends fixed-size records to a journal file descriptor */
#include <string.h>
#include <unistd.h>

struct rec {
    char key[16];
    char val[48];
};

int flush_records(int fd, const struct rec *recs, int count)
{
    for (int i = 0; i < count; i++) {
        if (write(fd, &recs[i], sizeof(recs[i])) != (ssize_t)sizeof(recs[i]))
            return -1;
    }
    return fsync(fd);
}

int main(void)
{
    struct rec r[2];
    memset(r, 0, sizeof(r));
    strcpy(r[0].key, "a");
    strcpy(r[1].key, "b");
    return flush_records(1, r, 2) == 0 ? 0 : 1;
}
