/* game server: a move list message carries its own entry count */
#include <stdint.h>
#include <unistd.h>

struct move_list {
    uint32_t player;
    uint32_t nmoves;
};

int apply_moves(int fd, int *board)
{
    struct move_list ml;
    uint32_t i;
    unsigned char sq;

    if (read(fd, &ml, sizeof ml) != (ssize_t)sizeof ml)
        return -1;
    for (i = 0; i < ml.nmoves; i++) { // flaw
        if (read(fd, &sq, 1) != 1)
            return -1;
        board[sq % 64] = (int)ml.player;
    }
    return 0;
}
