// session table: a session object made with new is released with delete
#include <cstdlib>
#include <string>

struct Session {
    int id;
    std::string user;
};

static Session *open_session(int id)
{
    Session *s = new Session();
    s->id = id;
    return s;
}

int touch(int id)
{
    Session *s = open_session(id);
    int r = s->id;
    delete s;
    return r;
}
