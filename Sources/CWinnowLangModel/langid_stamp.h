// Written with langid.bin (scripts/embedded_file.py): a new file
// changes this header, which makes the build reassemble langid.S.
#define WN_LANGID_MODEL_SIZE 10269480
#define WN_LANGID_MODEL_SHA256 "ad78e68e4c095e1460b350968f4dfc1715b007a9d81ffeaddd3942138f889aff"
