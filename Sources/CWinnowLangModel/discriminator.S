// The sibling discriminator, built by scripts/train_sibling_discriminator.py,
// assembled into the binary like langid.S. The included stamp changes whenever the file does,
// so the build system (which does not see .incbin) reassembles this file.
#include "discriminator_stamp.h"

#if defined(__APPLE__)
  .const_data
  .globl _wn_sibling_discriminator
  .globl _wn_sibling_discriminator_end
_wn_sibling_discriminator:
  .incbin "sibling_discriminator.txt"
_wn_sibling_discriminator_end:
  .if (_wn_sibling_discriminator_end - _wn_sibling_discriminator) - WN_SIBLING_DISCRIMINATOR_SIZE
  .error "sibling_discriminator.txt does not match discriminator_stamp.h: rerun scripts/train_sibling_discriminator.py"
  .endif
#else
  .section .rodata
  .globl wn_sibling_discriminator
  .globl wn_sibling_discriminator_end
wn_sibling_discriminator:
  .incbin "sibling_discriminator.txt"
wn_sibling_discriminator_end:
  .if (wn_sibling_discriminator_end - wn_sibling_discriminator) - WN_SIBLING_DISCRIMINATOR_SIZE
  .error "sibling_discriminator.txt does not match discriminator_stamp.h: rerun scripts/train_sibling_discriminator.py"
  .endif
  .section .note.GNU-stack,"",@progbits
#endif
