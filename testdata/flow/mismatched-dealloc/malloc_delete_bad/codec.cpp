// codec scratch: the buffer comes from a C allocator helper and is released with delete[]
#include <cstdlib>
#include <cstring>

static unsigned char *scratch(std::size_t n)
{
    unsigned char *b = static_cast<unsigned char *>(std::malloc(n));
    if (!b)
        return nullptr;
    std::memset(b, 0, n);
    return b;
}

int checksum(const unsigned char *in, std::size_t n)
{
    unsigned char *b = scratch(n);
    int sum = 0;
    if (!b)
        return -1;
    std::memcpy(b, in, n);
    for (std::size_t i = 0; i < n; i++)
        sum += b[i];
    delete[] b; // flaw
    return sum;
}
