#include "wn_script.h"
#include <unicode/uchar.h>
#include <unicode/uscript.h>

int32_t wn_script_code_limit(void) { return USCRIPT_CODE_LIMIT; }

int32_t wn_script_of(int32_t code_point, int32_t *lower) {
  if (lower != 0) *lower = (int32_t)u_tolower((UChar32)code_point);
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript((UChar32)code_point, &status);
  return U_FAILURE(status) ? USCRIPT_COMMON : (int32_t)script;
}

const char *wn_script_short_name(int32_t script) {
  const char *name = uscript_getShortName((UScriptCode)script);
  return name != 0 ? name : "Zzzz";
}
