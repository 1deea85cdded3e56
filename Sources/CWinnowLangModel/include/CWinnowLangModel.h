// The language model bytes assembled into the binary by langid.S.
#include <stdint.h>

extern const uint8_t wn_langid_model[];
extern const uint8_t wn_langid_model_end[];

/// First byte of the embedded model file.
static inline const uint8_t *wn_langid_model_bytes(void) { return wn_langid_model; }

/// Size in bytes of the embedded model file.
static inline int64_t wn_langid_model_size(void) {
  return (int64_t)(wn_langid_model_end - wn_langid_model);
}

// The sibling words file assembled into the binary by siblings.S.
extern const uint8_t wn_sibling_words[];
extern const uint8_t wn_sibling_words_end[];

/// First byte of the embedded sibling words file.
static inline const uint8_t *wn_sibling_words_bytes(void) { return wn_sibling_words; }

/// Size in bytes of the embedded sibling words file.
static inline int64_t wn_sibling_words_size(void) {
  return (int64_t)(wn_sibling_words_end - wn_sibling_words);
}

/// Asks the CPU to start loading `address` into the cache; scoring looks up n-grams a few
/// letters ahead this way, since a lookup in a 10 MB table is mostly waiting for memory.
static inline void wn_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

// The sibling discriminator file assembled into the binary by discriminator.S.
extern const uint8_t wn_sibling_discriminator[];
extern const uint8_t wn_sibling_discriminator_end[];

/// First byte of the embedded sibling discriminator file.
static inline const uint8_t *wn_sibling_discriminator_bytes(void) {
  return wn_sibling_discriminator;
}

/// Size in bytes of the embedded sibling discriminator file.
static inline int64_t wn_sibling_discriminator_size(void) {
  return (int64_t)(wn_sibling_discriminator_end - wn_sibling_discriminator);
}
