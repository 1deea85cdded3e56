#ifndef WN_CHARSET_H
#define WN_CHARSET_H
#include <stdint.h>

#endif
