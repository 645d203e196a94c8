/* a histogram cleared through pointer arithmetic, one bin too many */
int clear_bins(void)
{
    long bins[8];
    int i;

    for (i = 0; i <= 8; i++)
        *(bins + i) = 0; // flaw
    return (int)bins[0];
}
