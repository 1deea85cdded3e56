#ifndef WN_REGEX_H
#define WN_REGEX_H
#include <stdint.h>

/// A compiled ICU regular expression (a `URegularExpression`), opaque to Swift. A handle is
/// not thread-safe: share one compiled pattern and give each thread its own clone.
typedef struct wn_regex wn_regex;

/// Flag for `wn_regex_open`: match case-insensitively (UREGEX_CASE_INSENSITIVE).
#define WN_REGEX_CASE_INSENSITIVE 2

/// Compiles the UTF-16 `pattern` (`uregex_open`). On failure returns NULL, sets *status to the
/// ICU error and *error_offset to the UTF-16 offset of the problem in the pattern (or -1).
wn_regex *wn_regex_open(const uint16_t *pattern, int32_t pattern_length, uint32_t flags,
                        int32_t *error_offset, int32_t *status);

/// A new handle sharing the compiled pattern (`uregex_clone`), with its match time limited to
/// `time_limit` steps of the match engine (`uregex_setTimeLimit`; 0 = no limit).
wn_regex *wn_regex_clone(const wn_regex *regex, int32_t time_limit, int32_t *status);

/// Searches `text` for the pattern anywhere (`uregex_find`). Returns 1 when it matches, 0 when
/// it does not; on failure returns 0 and sets *status (U_REGEX_TIME_OUT when the time limit
/// was hit, U_REGEX_STOPPED_BY_CALLER when `budget` ran out). `budget` caps this search's
/// time in the units of the time limit (0 = no cap beyond the limit); *spent is set to the
/// time the search took in those units (0 for a search shorter than one unit), counted
/// through `uregex_setMatchCallback`. `text` needs to stay valid only during the call.
int32_t wn_regex_find(wn_regex *regex, const uint16_t *text, int32_t text_length,
                      int32_t budget, int32_t *spent, int32_t *status);

/// Frees a handle from `wn_regex_open` or `wn_regex_clone`.
void wn_regex_close(wn_regex *regex);

#endif
