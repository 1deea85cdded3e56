// The n-grams the language model answers from its hot table, listed by
// scripts/langid_hot.py, assembled into the binary like langid.S. The included stamp changes
// whenever the file does, so the build system (which does not see .incbin) reassembles this file.
#include "langid_hot_stamp.h"

#if defined(__APPLE__)
  .const_data
  .globl _wn_langid_hot
  .globl _wn_langid_hot_end
  .p2align 2
_wn_langid_hot:
  .incbin "langid_hot.bin"
_wn_langid_hot_end:
  .if (_wn_langid_hot_end - _wn_langid_hot) - WN_LANGID_HOT_SIZE
  .error "langid_hot.bin does not match langid_hot_stamp.h: rerun scripts/langid_hot.py"
  .endif
#else
  .section .rodata
  .globl wn_langid_hot
  .globl wn_langid_hot_end
  .balign 4
wn_langid_hot:
  .incbin "langid_hot.bin"
wn_langid_hot_end:
  .if (wn_langid_hot_end - wn_langid_hot) - WN_LANGID_HOT_SIZE
  .error "langid_hot.bin does not match langid_hot_stamp.h: rerun scripts/langid_hot.py"
  .endif
  .section .note.GNU-stack,"",@progbits
#endif
