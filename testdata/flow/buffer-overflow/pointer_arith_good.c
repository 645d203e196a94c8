/* a histogram cleared through pointer arithmetic */
int clear_bins(void)
{
    long bins[8];
    int i;

    for (i = 0; i < 8; i++)
        *(bins + i) = 0;
    return (int)bins[0];
}
