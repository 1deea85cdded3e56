#ifndef WN_NORMALIZE_H
#define WN_NORMALIZE_H
#include <stdint.h>

#endif
