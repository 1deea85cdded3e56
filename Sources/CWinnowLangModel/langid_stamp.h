// Written with langid.bin (scripts/embedded_file.py): a new file
// changes this header, which makes the build reassemble langid.S.
#define WN_LANGID_MODEL_SIZE 10369768
#define WN_LANGID_MODEL_SHA256 "7e02c83d9ea974ee8131185e54d7e1d419168136d3ded1e4135464892416e711"
