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

/// The last code point of the run that starts at `start` and has one script all through,
/// from ICU's map of the Script property (`u_getIntPropertyMap`, `ucpmap_getRange`); the
/// run's script code goes to `script`. -1 when ICU fails or `start` is past U+10FFFF.
int32_t wn_script_run_end(int32_t start, int32_t *script);

/// The Script_Extensions of a code point (`uscript_getScriptExtensions`): the scripts that
/// use it, e.g. Hiragana and Katakana for the prolonged sound mark U+30FC. Writes up to
/// `capacity` codes to `scripts` and returns how many there are (may exceed `capacity`),
/// or -1 on failure.
int32_t wn_script_extensions(int32_t code_point, int32_t *scripts, int32_t capacity);

#endif
