// The words that tell close sibling languages apart, built by scripts/train_sibling_words.py,
// assembled into the binary like langid.S. The included stamp changes whenever the file does,
// so the build system (which does not see .incbin) reassembles this file.
#include "siblings_stamp.h"

#if defined(__APPLE__)
  .const_data
  .globl _wn_sibling_words
  .globl _wn_sibling_words_end
_wn_sibling_words:
  .incbin "sibling_words.txt"
_wn_sibling_words_end:
  .if (_wn_sibling_words_end - _wn_sibling_words) - WN_SIBLING_WORDS_SIZE
  .error "sibling_words.txt does not match siblings_stamp.h: rerun scripts/train_sibling_words.py"
  .endif
#else
  .section .rodata
  .globl wn_sibling_words
  .globl wn_sibling_words_end
wn_sibling_words:
  .incbin "sibling_words.txt"
wn_sibling_words_end:
  .if (wn_sibling_words_end - wn_sibling_words) - WN_SIBLING_WORDS_SIZE
  .error "sibling_words.txt does not match siblings_stamp.h: rerun scripts/train_sibling_words.py"
  .endif
  .section .note.GNU-stack,"",@progbits
#endif
