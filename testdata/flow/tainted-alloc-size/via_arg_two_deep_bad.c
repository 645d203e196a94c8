/* address book sync: the server sends a contact count, then the contacts */
#include <stdint.h>
#include <stdlib.h>
#include <arpa/inet.h>
#include <sys/types.h>
#include <sys/socket.h>

struct contact { char name[64]; char phone[24]; };

static struct contact *new_list(uint32_t count)
{
    return calloc(count, sizeof(struct contact)); // flaw
}

static struct contact *read_list(int sock, uint32_t count)
{
    struct contact *list = new_list(count);

    if (list && recv(sock, list, count * sizeof *list, MSG_WAITALL) < 0) {
        free(list);
        return NULL;
    }
    return list;
}

int sync_contacts(int sock)
{
    uint32_t raw, count;
    struct contact *list;

    if (recv(sock, &raw, sizeof raw, MSG_WAITALL) != (ssize_t)sizeof raw)
        return -1;
    count = ntohl(raw);
    list = read_list(sock, count);
    if (!list)
        return -1;
    free(list);
    return 0;
}
