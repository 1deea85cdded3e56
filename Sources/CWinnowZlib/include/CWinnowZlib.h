// CWinnowZlib: streaming gzip through the system zlib, behind plain C types.
//
// Wrappers are needed because zlib's `z_stream` is a struct of pointers and callbacks that
// Swift would have to manage field by field; here it hides behind an opaque handle.
#ifndef CWINNOW_ZLIB_H
#define CWINNOW_ZLIB_H
#include <stdint.h>

/// The call made progress and the stream goes on.
#define WN_Z_OK 0
/// One gzip member ended; call `wn_inflater_reset` to read a following member.
#define WN_Z_MEMBER_END 1
/// The compressed data is corrupt; `wn_z_message` says why.
#define WN_Z_DATA_ERROR -1
/// zlib ran out of memory or was misused.
#define WN_Z_FAILURE -2

typedef struct wn_inflater wn_inflater;
typedef struct wn_deflater wn_deflater;

/// A gzip (or zlib) decompressor; NULL when out of memory.
wn_inflater *wn_inflater_create(void);
/// Decompresses from `in` into `out`; reports bytes used and made. Returns a WN_Z_* code.
int32_t wn_inflate(wn_inflater *z, const uint8_t *in, uint32_t in_length, uint32_t *consumed,
                   uint8_t *out, uint32_t out_capacity, uint32_t *produced);
/// Starts over for the next member of a multi-member (concatenated) gzip file.
int32_t wn_inflater_reset(wn_inflater *z);
/// zlib's message for the last error, or "unknown error".
const char *wn_inflater_message(const wn_inflater *z);
void wn_inflater_destroy(wn_inflater *z);

/// A gzip compressor at `level` (1 fastest ... 9 smallest); NULL when out of memory.
wn_deflater *wn_deflater_create(int32_t level);
/// Compresses `in` into `out`. With `finish` set, call until it returns WN_Z_MEMBER_END.
int32_t wn_deflate(wn_deflater *z, const uint8_t *in, uint32_t in_length, uint32_t *consumed,
                   uint8_t *out, uint32_t out_capacity, uint32_t *produced, int32_t finish);
void wn_deflater_destroy(wn_deflater *z);

#endif
