/* clearing a table: the loop runs one step past its end */
int sum_table(void)
{
    int table[10];
    int i, s = 0;

    for (i = 0; i <= 10; i++)
        table[i] = i; // flaw
    for (i = 0; i < 10; i++)
        s += table[i];
    return s;
}
