#include "tools.h"

const char compressor[] = "xz";
