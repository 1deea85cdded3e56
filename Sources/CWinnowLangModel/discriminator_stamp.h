// Written with sibling_discriminator.txt (scripts/embedded_file.py): a new file
// changes this header, which makes the build reassemble discriminator.S.
#define WN_SIBLING_DISCRIMINATOR_SIZE 884193
#define WN_SIBLING_DISCRIMINATOR_SHA256 "9b36a21cd3e4c157497270d5f749457fd00ef4789fe1d33c9b806d7f6c18046b"
