// Written by scripts/train_langid_model.py with langid.bin: a new model changes this
// header, which makes the build reassemble langid.S.
#define WN_LANGID_MODEL_SIZE 9977292
#define WN_LANGID_MODEL_SHA256 "d0521c9ced10c374423ec6d4da784e0586a580caa00bf843f360b0d8fd1f0843"
