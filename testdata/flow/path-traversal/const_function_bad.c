/* template engine: includes the partial a page names, when partials are enabled */
#include <stdio.h>
#include <string.h>

static int partials_enabled(void)
{
    return 1;
}

FILE *open_partial(FILE *page)
{
    char name[96];
    char path[200];

    if (!fgets(name, sizeof name, page))
        return NULL;
    name[strcspn(name, "\n")] = '\0';
    if (partials_enabled())
        snprintf(path, sizeof path, "/srv/site/partials/%s.html", name);
    else
        snprintf(path, sizeof path, "/srv/site/partials/empty.html");
    return fopen(path, "r"); // flaw
}
