#ifndef WN_BREAK_H
#define WN_BREAK_H
#include <stdint.h>

#endif
