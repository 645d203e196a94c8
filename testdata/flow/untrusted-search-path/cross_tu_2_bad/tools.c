/* locations of the external programs used by the gallery */
#include "tools.h"

const char *const image_converter = "convert";
