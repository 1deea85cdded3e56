// CWinnowICU: the system ICU (libicu-dev) behind plain C types only.
// Swift's Foundation bundles its own ICU module, so including <unicode/*.h> from Swift would
// clash (two UErrorCode definitions). Every function here takes and returns int32_t, uint16_t,
// uint8_t and const char * only; ICU status codes come back as int32_t (0 = success,
// negative = warning, positive = error), named by wn_error_name.
#ifndef CWINNOW_ICU_H
#define CWINNOW_ICU_H

#include "wn_error.h"
#include "wn_normalize.h"
#include "wn_charset.h"
#include "wn_script.h"
#include "wn_break.h"
#include "wn_regex.h"

#endif
