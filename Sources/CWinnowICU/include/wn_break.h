#ifndef WN_BREAK_H
#define WN_BREAK_H
#include <stdint.h>

/// Kinds of text boundaries: the values of `wn_break_boundaries`'s `kind`.
enum { WN_BREAK_WORD = 1, WN_BREAK_SENTENCE = 3 };

/// Writes the boundaries of UTF-16 `text` (offsets in UTF-16 units, ascending, the first 0
/// and the last `length`) into `boundaries`, as found by an ICU break iterator
/// (`ubrk_open` with the root locale, `ubrk_first`/`ubrk_next`). Returns how many there are,
/// which may exceed `capacity` (then only the first `capacity` were written; call again with
/// more room). On failure returns 0 and sets `*status` to the ICU error code.
int32_t wn_break_boundaries(int32_t kind, const uint16_t *text, int32_t length,
                            int32_t *boundaries, int32_t capacity, int32_t *status);

#endif
