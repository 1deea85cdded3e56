#include "wn_normalize.h"
#include <unicode/unorm2.h>

static const UNormalizer2 *nfc(UErrorCode *status) { return unorm2_getNFCInstance(status); }

int32_t wn_nfc_span(const uint16_t *text, int32_t length, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *normalizer = nfc(&code);
  int32_t span = U_SUCCESS(code)
      ? unorm2_spanQuickCheckYes(normalizer, (const UChar *)text, length, &code)
      : 0;
  *status = code;
  return span;
}

int32_t wn_nfc_normalize(
    const uint16_t *text, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *normalizer = nfc(&code);
  int32_t written = U_SUCCESS(code)
      ? unorm2_normalize(normalizer, (const UChar *)text, length, (UChar *)dest, capacity, &code)
      : 0;
  *status = code;
  return written;
}
