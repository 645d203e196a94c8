#include "tools.h"

const char compressor[] = "/usr/bin/xz";
