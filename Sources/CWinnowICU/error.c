#include "wn_error.h"
#include <unicode/utypes.h>

const char *wn_error_name(int32_t status) { return u_errorName((UErrorCode)status); }
