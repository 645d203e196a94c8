/* notes app: the note the user picks is remembered, then opened for editing */
#include <stdio.h>
#include <string.h>

static char g_note[128];

static int pick_note(void)
{
    if (!fgets(g_note, sizeof g_note, stdin))
        return -1;
    g_note[strcspn(g_note, "\n")] = '\0';
    return 0;
}

static FILE *open_note(void)
{
    char path[256];

    snprintf(path, sizeof path, "/home/notes/%s.txt", g_note);
    return fopen(path, "r+"); // flaw
}

int main(void)
{
    FILE *f;

    if (pick_note() != 0)
        return 1;
    f = open_note();
    if (!f)
        return 1;
    fclose(f);
    return 0;
}
