// Winnow's language model, built by scripts/train_langid_model.py, assembled into the binary
// with .incbin: embedding 10 MB through SwiftPM's embedInCode needs tens of GB of compiler
// memory. Aligned to a cache line: the table is read in place, laid out in cache lines
// (scripts/langid_layout.py). The included stamp changes whenever the model does, so the build
// system (which does not see .incbin) reassembles this file.
#include "langid_stamp.h"

#if defined(__APPLE__)
  .const_data
  .globl _wn_langid_model
  .globl _wn_langid_model_end
  .p2align 6
_wn_langid_model:
  .incbin "langid.bin"
_wn_langid_model_end:
  .if (_wn_langid_model_end - _wn_langid_model) - WN_LANGID_MODEL_SIZE
  .error "langid.bin does not match langid_stamp.h: rerun scripts/train_langid_model.py"
  .endif
#else
  .section .rodata
  .globl wn_langid_model
  .globl wn_langid_model_end
  .balign 64
wn_langid_model:
  .incbin "langid.bin"
wn_langid_model_end:
  .if (wn_langid_model_end - wn_langid_model) - WN_LANGID_MODEL_SIZE
  .error "langid.bin does not match langid_stamp.h: rerun scripts/train_langid_model.py"
  .endif
  .section .note.GNU-stack,"",@progbits
#endif
