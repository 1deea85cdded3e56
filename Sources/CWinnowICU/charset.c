#include "wn_charset.h"
#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

int32_t wn_detect_charset(
    const uint8_t *bytes, int32_t length, char *name, int32_t name_capacity, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  int32_t confidence = -1;
  UCharsetDetector *detector = ucsdet_open(&code);
  if (U_SUCCESS(code)) {
    ucsdet_setText(detector, (const char *)bytes, length, &code);
    int32_t count = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(detector, &count, &code);
    // Best first; the detector knows charsets (IBM420_ltr, ...) that have no converter here.
    for (int32_t index = 0; U_SUCCESS(code) && index < count; index++) {
      const char *matched = ucsdet_getName(matches[index], &code);
      int32_t score = ucsdet_getConfidence(matches[index], &code);
      if (U_SUCCESS(code) && matched != NULL && (int32_t)strlen(matched) < name_capacity
          && wn_charset_exists(matched)) {
        strcpy(name, matched);
        confidence = score;
        break;
      }
    }
    ucsdet_close(detector);
  }
  *status = code;
  return confidence;
}

int32_t wn_detect_charsets(
    const uint8_t *bytes, int32_t length, char *names, int32_t name_stride,
    int32_t *confidences, int32_t max_count, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  int32_t written = 0;
  UCharsetDetector *detector = ucsdet_open(&code);
  if (U_SUCCESS(code)) {
    ucsdet_setText(detector, (const char *)bytes, length, &code);
    int32_t count = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(detector, &count, &code);
    for (int32_t index = 0; U_SUCCESS(code) && index < count && written < max_count; index++) {
      const char *matched = ucsdet_getName(matches[index], &code);
      int32_t score = ucsdet_getConfidence(matches[index], &code);
      if (U_SUCCESS(code) && matched != NULL && (int32_t)strlen(matched) < name_stride
          && wn_charset_exists(matched)) {
        strcpy(names + written * name_stride, matched);
        confidences[written] = score;
        written++;
      }
    }
    ucsdet_close(detector);
  }
  *status = code;
  return written;
}

int32_t wn_charset_exists(const char *charset) {
  UErrorCode code = U_ZERO_ERROR;
  UConverter *converter = ucnv_open(charset, &code);
  if (U_FAILURE(code)) return 0;
  ucnv_close(converter);
  return 1;
}

int32_t wn_charset_canonical_name(const char *charset, char *name, int32_t name_capacity) {
  UErrorCode code = U_ZERO_ERROR;
  UConverter *converter = ucnv_open(charset, &code);
  if (U_FAILURE(code)) return code;
  const char *canonical = ucnv_getName(converter, &code);
  if (U_SUCCESS(code) && (int32_t)strlen(canonical) < name_capacity) {
    strcpy(name, canonical);
  } else if (U_SUCCESS(code)) {
    code = U_BUFFER_OVERFLOW_ERROR;
  }
  ucnv_close(converter);
  return code;
}

/// Writes U+FFFD for each bad sequence and counts its bytes in the int32_t behind `context`.
static void substitute_and_count(
    const void *context, UConverterToUnicodeArgs *args, const char *units, int32_t length,
    UConverterCallbackReason reason, UErrorCode *status) {
  (void)units;
  if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL && reason != UCNV_IRREGULAR) return;
  *(int32_t *)context += length;
  static const UChar replacement = 0xFFFD;
  *status = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &replacement, 1, 0, status);
}

/// Converts `bytes` to UTF-16; every bad sequence becomes one U+FFFD, counted in bytes.
static int32_t convert_to_utf16(
    const char *charset, const uint8_t *bytes, int32_t length, uint16_t *dest,
    int32_t capacity, int32_t *invalid_bytes, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  *invalid_bytes = 0;
  int32_t written = 0;
  UConverter *converter = ucnv_open(charset, &code);
  if (U_SUCCESS(code)) {
    ucnv_setToUCallBack(
        converter, substitute_and_count, invalid_bytes, NULL, NULL, &code);
    if (U_SUCCESS(code)) {
      written = ucnv_toUChars(
          converter, (UChar *)dest, capacity, (const char *)bytes, length, &code);
    }
    ucnv_close(converter);
  }
  *status = code;
  return written;
}

int32_t wn_convert_to_utf8(
    const char *charset, const uint8_t *bytes, int32_t length, uint8_t *dest,
    int32_t capacity, int32_t *invalid_bytes, int32_t *status) {
  // One byte yields at most two UTF-16 units in all but a few exotic charsets; retry once
  // with the size ICU asks for when it does not.
  int32_t units_capacity = length * 2 + 16;
  UChar *units = NULL;
  int32_t units_length = 0;
  for (int attempt = 0; attempt < 2; attempt++) {
    units = (UChar *)malloc(sizeof(UChar) * (size_t)units_capacity);
    if (units == NULL) {
      *status = U_MEMORY_ALLOCATION_ERROR;
      return 0;
    }
    units_length = convert_to_utf16(
        charset, bytes, length, units, units_capacity, invalid_bytes, status);
    if (*status != U_BUFFER_OVERFLOW_ERROR) break;
    free(units);
    units = NULL;
    units_capacity = units_length + 16;
  }
  if (units == NULL || U_FAILURE(*status)) {
    free(units);
    return 0;
  }
  UErrorCode code = U_ZERO_ERROR;
  int32_t written = 0;
  u_strToUTF8WithSub(
      (char *)dest, capacity, &written, units, units_length, 0xFFFD, NULL, &code);
  free(units);
  *status = code;
  return written;
}
