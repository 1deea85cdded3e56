#include "wn_break.h"
#include <pthread.h>
#include <stdlib.h>
#include <unicode/ubrk.h>

/// Iterators kept per thread and kind (ICU's `UBreakIteratorType` runs from 0 to 3), closed
/// when the thread ends: opening one costs about as much as breaking 2,000 characters of
/// text, and the language stage breaks every long paragraph of every page.
enum { KIND_LIMIT = 4 };
typedef struct {
  UBreakIterator *iterators[KIND_LIMIT];
} ThreadIterators;

static pthread_key_t iterators_key;
static pthread_once_t iterators_once = PTHREAD_ONCE_INIT;

static void close_iterators(void *value) {
  ThreadIterators *held = value;
  for (int kind = 0; kind < KIND_LIMIT; kind++) {
    if (held->iterators[kind] != NULL) ubrk_close(held->iterators[kind]);
  }
  free(held);
}

static void make_iterators_key(void) { pthread_key_create(&iterators_key, close_iterators); }

/// This thread's iterator of `kind` set to `text`, opened on first use; NULL (with `*error`
/// set) when ICU fails. Without room to keep it, the iterator is opened for this call alone
/// and `*owned` is set, so the caller closes it.
static UBreakIterator *iterator_for(int32_t kind, const UChar *text, int32_t length,
                                    UErrorCode *error, int *owned) {
  *owned = 0;
  if (kind < 0 || kind >= KIND_LIMIT) {
    *error = U_ILLEGAL_ARGUMENT_ERROR;
    return NULL;
  }
  pthread_once(&iterators_once, make_iterators_key);
  ThreadIterators *held = pthread_getspecific(iterators_key);
  if (held == NULL) {
    held = calloc(1, sizeof *held);
    if (held != NULL && pthread_setspecific(iterators_key, held) != 0) {
      free(held);
      held = NULL;
    }
  }
  if (held == NULL) {
    *owned = 1;
    return ubrk_open((UBreakIteratorType)kind, "", text, length, error);
  }
  if (held->iterators[kind] == NULL) {
    held->iterators[kind] = ubrk_open((UBreakIteratorType)kind, "", text, length, error);
    return U_FAILURE(*error) ? NULL : held->iterators[kind];
  }
  ubrk_setText(held->iterators[kind], text, length, error);
  return U_FAILURE(*error) ? NULL : held->iterators[kind];
}

int32_t wn_break_boundaries(int32_t kind, const uint16_t *text, int32_t length,
                            int32_t *boundaries, int32_t capacity, int32_t *status) {
  UErrorCode error = U_ZERO_ERROR;
  int owned = 0;
  UBreakIterator *iterator = iterator_for(kind, (const UChar *)text, length, &error, &owned);
  if (iterator == NULL || U_FAILURE(error)) {
    if (owned && iterator != NULL) ubrk_close(iterator);
    *status = (int32_t)(U_FAILURE(error) ? error : U_MEMORY_ALLOCATION_ERROR);
    return 0;
  }
  int32_t count = 0;
  for (int32_t boundary = ubrk_first(iterator); boundary != UBRK_DONE;
       boundary = ubrk_next(iterator)) {
    if (count < capacity) boundaries[count] = boundary;
    count += 1;
  }
  if (owned) ubrk_close(iterator);
  *status = 0;
  return count;
}
