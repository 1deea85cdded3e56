#include "wn_break.h"
#include <unicode/ubrk.h>

int32_t wn_break_boundaries(int32_t kind, const uint16_t *text, int32_t length,
                            int32_t *boundaries, int32_t capacity, int32_t *status) {
  UErrorCode error = U_ZERO_ERROR;
  UBreakIterator *iterator =
      ubrk_open((UBreakIteratorType)kind, "", (const UChar *)text, length, &error);
  if (U_FAILURE(error)) {
    *status = (int32_t)error;
    return 0;
  }
  int32_t count = 0;
  for (int32_t boundary = ubrk_first(iterator); boundary != UBRK_DONE;
       boundary = ubrk_next(iterator)) {
    if (count < capacity) boundaries[count] = boundary;
    count += 1;
  }
  ubrk_close(iterator);
  *status = 0;
  return count;
}
