// message pool: plain messages come from global new, and one release path frees them with free()
#include <cstdlib>

struct Message {
    int kind;
    char body[48];
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
    drop(m); // flaw
    return k;
}
