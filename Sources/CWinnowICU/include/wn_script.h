#ifndef WN_SCRIPT_H
#define WN_SCRIPT_H
#include <stdint.h>

#endif
