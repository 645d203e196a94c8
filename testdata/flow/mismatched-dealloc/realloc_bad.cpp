// line joiner: the buffer grows with realloc() and is released with delete[]
#include <cstdio>
#include <cstdlib>
#include <cstring>

long joined_length(std::FILE *in)
{
    std::size_t cap = 64, len = 0;
    char *buf = static_cast<char *>(std::malloc(cap));
    char line[128];
    long total;

    if (!buf)
        return -1;
    buf[0] = '\0';
    while (std::fgets(line, sizeof line, in)) {
        std::size_t n = std::strlen(line);
        if (len + n + 1 > cap) {
            char *grown = static_cast<char *>(std::realloc(buf, 2 * (len + n + 1)));
            if (!grown)
                break;
            buf = grown;
            cap = 2 * (len + n + 1);
        }
        std::memcpy(buf + len, line, n + 1);
        len += n;
    }
    total = static_cast<long>(std::strlen(buf));
    delete[] buf; // flaw
    return total;
}
