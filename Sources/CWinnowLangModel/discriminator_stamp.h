// Written with sibling_discriminator.txt (scripts/embedded_file.py): a new file
// changes this header, which makes the build reassemble discriminator.S.
#define WN_SIBLING_DISCRIMINATOR_SIZE 573783
#define WN_SIBLING_DISCRIMINATOR_SHA256 "56459d94fd36db72568313369f127a885f1c859126f2ca48a09ae63a886e7c56"
