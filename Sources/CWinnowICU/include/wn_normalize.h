#ifndef WN_NORMALIZE_H
#define WN_NORMALIZE_H
#include <stdint.h>

/// The normalization forms Winnow uses, as `form` arguments below.
enum { WN_FORM_NFC = 0, WN_FORM_NFKC = 1 };

/// Length of the prefix of `text` that is certainly in `form` (unorm2_spanQuickCheckYes):
/// `length` means the whole text is normalized and needs no work.
int32_t wn_normalized_span(int32_t form, const uint16_t *text, int32_t length, int32_t *status);

/// Writes `text` in `form` into `dest` and returns its length. When that is more than
/// `capacity`, `*status` is U_BUFFER_OVERFLOW_ERROR and the caller retries with more room.
int32_t wn_normalize(
    int32_t form, const uint16_t *text, int32_t length, uint16_t *dest, int32_t capacity,
    int32_t *status);

/// What NFC's quick check (UAX #15) needs to know of a code point, from ICU's data: its
/// canonical combining class when its NFC_Quick_Check is Yes (0...254), WN_NFC_MAYBE_STARTER
/// when it is Maybe with combining class 0 (it may compose with the character before it),
/// WN_NFC_NEEDS_NORMALIZER otherwise (No, or Maybe with a non-zero class).
enum { WN_NFC_MAYBE_STARTER = 0xFE, WN_NFC_NEEDS_NORMALIZER = 0xFF };
int32_t wn_nfc_quick_check_class(int32_t code_point);

/// The same for every BMP code point: `classes` holds 0x10000 bytes.
void wn_nfc_quick_check_classes(uint8_t *classes);

/// The primary composite NFC makes of `first` followed by `second` (unorm2_composePair), or
/// a negative number when there is none.
int32_t wn_nfc_compose_pair(int32_t first, int32_t second);

#endif
