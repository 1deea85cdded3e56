#include "wn_regex.h"
#include <unicode/uregex.h>

wn_regex *wn_regex_open(const uint16_t *pattern, int32_t pattern_length, uint32_t flags,
                        int32_t *error_offset, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UParseError parse_error;
  parse_error.offset = -1;
  URegularExpression *regex =
      uregex_open((const UChar *)pattern, pattern_length, flags, &parse_error, &code);
  *status = (int32_t)code;
  *error_offset = parse_error.offset;
  if (U_FAILURE(code)) {
    if (regex != NULL) uregex_close(regex);
    return NULL;
  }
  return (wn_regex *)regex;
}

wn_regex *wn_regex_clone(const wn_regex *regex, int32_t time_limit, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  URegularExpression *clone = uregex_clone((const URegularExpression *)regex, &code);
  if (U_SUCCESS(code)) uregex_setTimeLimit(clone, time_limit, &code);
  *status = (int32_t)code;
  if (U_FAILURE(code)) {
    if (clone != NULL) uregex_close(clone);
    return NULL;
  }
  return (wn_regex *)clone;
}

/* What the match callback sees: the search's time so far and where to stop it. */
typedef struct {
  int32_t spent;
  int32_t budget;
} wn_search_clock;

/* ICU calls this once per unit of match time, with the units used so far in this search. */
static UBool wn_tick(const void *context, int32_t steps) {
  wn_search_clock *clock = (wn_search_clock *)context;
  clock->spent = steps;
  return clock->budget <= 0 || steps < clock->budget;
}

int32_t wn_regex_find(wn_regex *regex, const uint16_t *text, int32_t text_length,
                      int32_t budget, int32_t *spent, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  URegularExpression *re = (URegularExpression *)regex;
  wn_search_clock clock = {0, budget};
  uregex_setMatchCallback(re, wn_tick, &clock, &code);
  if (U_SUCCESS(code)) uregex_setText(re, (const UChar *)text, text_length, &code);
  UBool found = 0;
  if (U_SUCCESS(code)) found = uregex_find(re, 0, &code);
  /* Drop the references to `text` and `clock`, which end with this call. */
  UErrorCode reset = U_ZERO_ERROR;
  static const UChar empty[1] = {0};
  uregex_setText(re, empty, 0, &reset);
  uregex_setMatchCallback(re, NULL, NULL, &reset);
  *spent = clock.spent;
  *status = (int32_t)code;
  return U_SUCCESS(code) && found ? 1 : 0;
}

void wn_regex_close(wn_regex *regex) { uregex_close((URegularExpression *)regex); }
