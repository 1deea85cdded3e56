#ifndef WN_SCRIPT_H
#define WN_SCRIPT_H
#include <stdint.h>

/// One past the largest script code `wn_script_of` can return, for lookup tables.
/// The corresponding ICU constant is `USCRIPT_CODE_LIMIT`.
int32_t wn_script_code_limit(void);

/// The ICU script code of a code point (`uscript_getScript`); 0 (Common) on failure.
/// When `lower` is not null it receives the simple lowercase mapping (`u_tolower`).
int32_t wn_script_of(int32_t code_point, int32_t *lower);

/// The ISO 15924 code of an ICU script code, e.g. "Latn" (`uscript_getShortName`);
/// "Zzzz" for codes ICU does not name.
const char *wn_script_short_name(int32_t script);

#endif
