#include "CWinnowZlib.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

struct wn_inflater {
  z_stream stream;
};

struct wn_deflater {
  z_stream stream;
};

wn_inflater *wn_inflater_create(void) {
  wn_inflater *z = calloc(1, sizeof(wn_inflater));
  if (z == NULL) return NULL;
  // 15 + 32: the largest window, and detect gzip or zlib headers automatically.
  if (inflateInit2(&z->stream, 15 + 32) != Z_OK) {
    free(z);
    return NULL;
  }
  return z;
}

int32_t wn_inflate(wn_inflater *z, const uint8_t *in, uint32_t in_length, uint32_t *consumed,
                   uint8_t *out, uint32_t out_capacity, uint32_t *produced) {
  z->stream.next_in = (Bytef *)in;
  z->stream.avail_in = in_length;
  z->stream.next_out = out;
  z->stream.avail_out = out_capacity;
  int result = inflate(&z->stream, Z_NO_FLUSH);
  *consumed = in_length - z->stream.avail_in;
  *produced = out_capacity - z->stream.avail_out;
  switch (result) {
    case Z_OK: return WN_Z_OK;
    case Z_BUF_ERROR: return WN_Z_OK;  // no progress possible: needs more input or room
    case Z_STREAM_END: return WN_Z_MEMBER_END;
    case Z_DATA_ERROR: return WN_Z_DATA_ERROR;
    case Z_NEED_DICT: return WN_Z_DATA_ERROR;
    default: return WN_Z_FAILURE;
  }
}

int32_t wn_inflater_reset(wn_inflater *z) {
  return inflateReset(&z->stream) == Z_OK ? WN_Z_OK : WN_Z_FAILURE;
}

const char *wn_inflater_message(const wn_inflater *z) {
  return z->stream.msg != NULL ? z->stream.msg : "unknown error";
}

void wn_inflater_destroy(wn_inflater *z) {
  if (z == NULL) return;
  inflateEnd(&z->stream);
  free(z);
}

wn_deflater *wn_deflater_create(int32_t level) {
  wn_deflater *z = calloc(1, sizeof(wn_deflater));
  if (z == NULL) return NULL;
  // 15 + 16: the largest window, with a gzip header and trailer.
  if (deflateInit2(&z->stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    free(z);
    return NULL;
  }
  return z;
}

int32_t wn_deflate(wn_deflater *z, const uint8_t *in, uint32_t in_length, uint32_t *consumed,
                   uint8_t *out, uint32_t out_capacity, uint32_t *produced, int32_t finish) {
  z->stream.next_in = (Bytef *)in;
  z->stream.avail_in = in_length;
  z->stream.next_out = out;
  z->stream.avail_out = out_capacity;
  int result = deflate(&z->stream, finish ? Z_FINISH : Z_NO_FLUSH);
  *consumed = in_length - z->stream.avail_in;
  *produced = out_capacity - z->stream.avail_out;
  switch (result) {
    case Z_OK: return WN_Z_OK;
    case Z_BUF_ERROR: return WN_Z_OK;
    case Z_STREAM_END: return WN_Z_MEMBER_END;
    default: return WN_Z_FAILURE;
  }
}

void wn_deflater_destroy(wn_deflater *z) {
  if (z == NULL) return;
  deflateEnd(&z->stream);
  free(z);
}
