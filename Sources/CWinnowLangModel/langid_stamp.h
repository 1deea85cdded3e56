// Written with langid.bin (scripts/embedded_file.py): a new file
// changes this header, which makes the build reassemble langid.S.
#define WN_LANGID_MODEL_SIZE 9714801
#define WN_LANGID_MODEL_SHA256 "b73864536dbcc9cf51393f92e9722066d5efdf65dc89ed2180042e9469aada49"
