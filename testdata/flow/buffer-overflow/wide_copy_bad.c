/* a wide string of 99 characters is copied into a 50-character buffer */
#include <wchar.h>

void copy_wide(void)
{
    wchar_t *data;
    wchar_t buffer[100];
    wchar_t dest[50] = L"";

    data = buffer;
    wmemset(data, L'A', 100 - 1);
    data[100 - 1] = L'\0';
    wcscpy(dest, data); // flaw
    wprintf(L"%ls\n", dest);
}
