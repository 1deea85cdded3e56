// Written with langid_hot.bin (scripts/embedded_file.py): a new file
// changes this header, which makes the build reassemble langid_hot.S.
#define WN_LANGID_HOT_SIZE 16396
#define WN_LANGID_HOT_SHA256 "222cefe60bce82db80cfd73ba6c5c8745ec339061099ba332048a714e4a6ba42"
