#ifndef WN_ERROR_H
#define WN_ERROR_H
#include <stdint.h>

/// ICU's name for a status code, e.g. "U_BUFFER_OVERFLOW_ERROR".
const char *wn_error_name(int32_t status);

#endif
