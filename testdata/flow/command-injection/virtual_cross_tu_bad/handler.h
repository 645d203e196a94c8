#ifndef HANDLER_H
#define HANDLER_H
struct Handler {
    virtual void action(const char *line) = 0;
    virtual ~Handler() {}
};
Handler *make_handler();
#endif
