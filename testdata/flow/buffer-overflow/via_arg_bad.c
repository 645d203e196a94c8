/* a slot setter indexes its table by its argument; a caller passes one past the end */
static int slots[8];

static void set_slot(int i, int v)
{
    slots[i] = v; // flaw
}

void reset_slots(void)
{
    int i;

    for (i = 0; i <= 8; i++)
        set_slot(i, 0);
}
