#ifndef WN_CHARSET_H
#define WN_CHARSET_H
#include <stdint.h>

/// ICU's best guess (ucsdet) for the charset of `bytes`: writes its name, NUL-terminated,
/// into `name` and returns the confidence 0...100; returns -1 when nothing matched. Only
/// charsets with a converter are named.
int32_t wn_detect_charset(
    const uint8_t *bytes, int32_t length, char *name, int32_t name_capacity, int32_t *status);

/// All of ICU's guesses (ucsdet_detectAll) that have a converter, best first: writes up to
/// `max_count` names, each NUL-terminated in a slot of `name_stride` bytes of `names`, and
/// their confidences 0...100 into `confidences`; returns how many it wrote.
int32_t wn_detect_charsets(
    const uint8_t *bytes, int32_t length, char *names, int32_t name_stride,
    int32_t *confidences, int32_t max_count, int32_t *status);

/// 1 when ICU knows a converter called `charset` (any alias), 0 otherwise.
int32_t wn_charset_exists(const char *charset);

/// ICU's canonical name for `charset`, NUL-terminated into `name`; 0 on success.
int32_t wn_charset_canonical_name(const char *charset, char *name, int32_t name_capacity);

/// Converts `bytes` in `charset` to UTF-8 in `dest` and returns the UTF-8 length. Every
/// illegal or unmappable byte sequence becomes one U+FFFD; `*invalid_bytes` counts its bytes.
/// When the result is longer than `capacity`, `*status` is U_BUFFER_OVERFLOW_ERROR.
int32_t wn_convert_to_utf8(
    const char *charset, const uint8_t *bytes, int32_t length, uint8_t *dest,
    int32_t capacity, int32_t *invalid_bytes, int32_t *status);

#endif
