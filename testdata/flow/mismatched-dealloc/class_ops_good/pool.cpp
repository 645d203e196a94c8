// message pool: messages have their own operator new/delete on malloc, so free() on them is theirs to allow
#include <cstdlib>
#include <new>

struct Message {
    int kind;
    char body[48];
    static void *operator new(std::size_t n)
    {
        void *p = std::malloc(n);
        if (!p)
            throw std::bad_alloc();
        return p;
    }
    static void operator delete(void *p) { std::free(p); }
};

static void drop(Message *m)
{
    std::free(m);
}

int handle(int kind)
{
    Message *m = new Message();
    m->kind = kind;
    int k = m->kind;
    drop(m);
    return k;
}
