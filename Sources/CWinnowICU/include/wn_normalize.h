#ifndef WN_NORMALIZE_H
#define WN_NORMALIZE_H
#include <stdint.h>

/// Length of the prefix of `text` that is certainly in NFC (unorm2_spanQuickCheckYes):
/// `length` means the whole text is NFC and needs no work.
int32_t wn_nfc_span(const uint16_t *text, int32_t length, int32_t *status);

/// Writes the NFC form of `text` into `dest` and returns its length. When that is more than
/// `capacity`, `*status` is U_BUFFER_OVERFLOW_ERROR and the caller retries with more room.
int32_t wn_nfc_normalize(
    const uint16_t *text, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status);

#endif
