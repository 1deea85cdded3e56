#include "wn_script.h"
#include <unicode/uchar.h>
#include <unicode/ucpmap.h>
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

int32_t wn_script_run_end(int32_t start, int32_t *script) {
  UErrorCode status = U_ZERO_ERROR;
  const UCPMap *map = u_getIntPropertyMap(UCHAR_SCRIPT, &status);
  if (U_FAILURE(status)) return -1;
  uint32_t value = 0;
  UChar32 end = ucpmap_getRange(map, (UChar32)start, UCPMAP_RANGE_NORMAL, 0, 0, 0, &value);
  if (script != 0) *script = (int32_t)value;
  return (int32_t)end;
}

int32_t wn_script_extensions(int32_t code_point, int32_t *scripts, int32_t capacity) {
  UScriptCode codes[64];
  UErrorCode status = U_ZERO_ERROR;
  int32_t count = uscript_getScriptExtensions((UChar32)code_point, codes, 64, &status);
  if (U_FAILURE(status)) return -1;
  for (int32_t index = 0; index < count && index < capacity; index++) {
    scripts[index] = (int32_t)codes[index];
  }
  return count;
}
