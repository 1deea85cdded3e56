#include "wn_normalize.h"
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

static const UNormalizer2 *normalizer(int32_t form, UErrorCode *status) {
  return form == WN_FORM_NFKC ? unorm2_getNFKCInstance(status) : unorm2_getNFCInstance(status);
}

int32_t wn_normalized_span(int32_t form, const uint16_t *text, int32_t length, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *instance = normalizer(form, &code);
  int32_t span = U_SUCCESS(code)
      ? unorm2_spanQuickCheckYes(instance, (const UChar *)text, length, &code)
      : 0;
  *status = code;
  return span;
}

int32_t wn_normalize(
    int32_t form, const uint16_t *text, int32_t length, uint16_t *dest, int32_t capacity,
    int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *instance = normalizer(form, &code);
  int32_t written = U_SUCCESS(code)
      ? unorm2_normalize(instance, (const UChar *)text, length, (UChar *)dest, capacity, &code)
      : 0;
  *status = code;
  return written;
}

int32_t wn_is_nfc_stable(int32_t code_point) {
  return u_getCombiningClass((UChar32)code_point) == 0 &&
         u_getIntPropertyValue((UChar32)code_point, UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
}
