// frame buffer: the samples are allocated with new[] by a factory and released with delete[]
#include <cstddef>

struct Frame {
    std::size_t n;
    short *samples;
};

static short *alloc_samples(std::size_t n)
{
    return new short[n];
}

void process(Frame &f, std::size_t n)
{
    f.samples = alloc_samples(n);
    f.n = n;
    for (std::size_t i = 0; i < n; i++)
        f.samples[i] = 0;
    short *s = f.samples;
    f.samples = nullptr;
    delete[] s;
}
