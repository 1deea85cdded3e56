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

int32_t wn_nfc_quick_check_class(int32_t code_point) {
  int32_t check = u_getIntPropertyValue((UChar32)code_point, UCHAR_NFC_QUICK_CHECK);
  int32_t combining = u_getCombiningClass((UChar32)code_point);
  if (check == UNORM_YES) return combining;
  if (check == UNORM_MAYBE && combining == 0) return WN_NFC_MAYBE_STARTER;
  return WN_NFC_NEEDS_NORMALIZER;
}

void wn_nfc_quick_check_classes(uint8_t *classes) {
  for (int32_t code_point = 0; code_point < 0x10000; code_point++) {
    classes[code_point] = (uint8_t)wn_nfc_quick_check_class(code_point);
  }
}

int32_t wn_nfc_compose_pair(int32_t first, int32_t second) {
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *instance = unorm2_getNFCInstance(&code);
  return U_SUCCESS(code) ? unorm2_composePair(instance, (UChar32)first, (UChar32)second) : -1;
}
