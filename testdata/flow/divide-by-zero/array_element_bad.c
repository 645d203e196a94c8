/* RAID planner: stripes a volume over the disk counts read from a layout file */
#include <stdio.h>

int stripe_sizes(FILE *layout, long volume, long out[4])
{
    int disks[4];
    int i;

    for (i = 0; i < 4; i++)
        disks[i] = 1;
    if (fscanf(layout, "%d %d", &disks[0], &disks[1]) != 2)
        return -1;
    out[0] = volume / disks[0]; // flaw
    out[1] = volume / disks[2];
    out[2] = volume / disks[3];
    out[3] = 0;
    return 0;
}
