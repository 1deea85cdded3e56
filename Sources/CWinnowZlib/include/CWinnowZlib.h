// CWinnowZlib: streaming gzip through the system zlib, behind plain C types.
#ifndef CWINNOW_ZLIB_H
#define CWINNOW_ZLIB_H
#include <stdint.h>

#endif
