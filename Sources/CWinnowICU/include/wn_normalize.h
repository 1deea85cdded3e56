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

/// 1 when the code point is NFC whatever surrounds it: canonical combining class 0 and NFC
/// quick check Yes (`u_getCombiningClass`, `u_getIntPropertyValue(UCHAR_NFC_QUICK_CHECK)`).
int32_t wn_is_nfc_stable(int32_t code_point);

#endif
