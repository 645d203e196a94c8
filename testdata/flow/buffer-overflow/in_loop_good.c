/* clearing a table: the loop stops at its end */
int sum_table(void)
{
    int table[10];
    int i, s = 0;

    for (i = 0; i < 10; i++)
        table[i] = i;
    for (i = 0; i < 10; i++)
        s += table[i];
    return s;
}
