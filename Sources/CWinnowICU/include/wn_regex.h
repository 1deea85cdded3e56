#ifndef WN_REGEX_H
#define WN_REGEX_H
#include <stdint.h>

#endif
