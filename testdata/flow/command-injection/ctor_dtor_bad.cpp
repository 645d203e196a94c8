/* cleanup guard: the command given to its constructor runs when the guard goes out of scope */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

class Cleanup {
public:
    explicit Cleanup(const char *cmd) : cmd_(cmd) {}
    ~Cleanup() { system(cmd_); } // flaw
private:
    const char *cmd_;
};

int main()
{
    char buf[100] = "rm -f ";
    if (!fgets(buf + 6, 94, stdin))
        return 1;
    buf[strcspn(buf, "\n")] = '\0';
    Cleanup guard(buf);
    puts("working");
    return 0;
}
