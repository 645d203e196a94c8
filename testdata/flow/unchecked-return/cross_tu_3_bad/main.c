/* settings store: saves the user's choices as key=value records */
#include <fcntl.h>
#include <unistd.h>
#include "store.h"

int save_settings(const char *path, const char *theme, const char *lang)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

    if (fd < 0)
        return -1;
    store_put_record(fd, "theme", theme); // flaw
    if (store_put_record(fd, "lang", lang) < 0) {
        close(fd);
        return -1;
    }
    return close(fd);
}

int main(void)
{
    return save_settings("/tmp/demo-settings", "dark", "en") == 0 ? 0 : 1;
}
