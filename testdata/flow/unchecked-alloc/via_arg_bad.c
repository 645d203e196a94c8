/* list builder: the node is handed to an initialiser that writes through it */
#include <stdlib.h>

struct node {
    int value;
    struct node *next;
};

static void node_init(struct node *n, int value)
{
    n->value = value;
    n->next = NULL;
}

struct node *node_push(struct node *head, int value)
{
    struct node *n = malloc(sizeof *n);

    node_init(n, value); // flaw
    n->next = head;
    return n;
}
