// Written with sibling_discriminator.txt (scripts/embedded_file.py): a new file
// changes this header, which makes the build reassemble discriminator.S.
#define WN_SIBLING_DISCRIMINATOR_SIZE 1033829
#define WN_SIBLING_DISCRIMINATOR_SHA256 "becdecab401ca3dc26bac8bc074f1f83ac0cc1027dfc28343656bd733c853fba"
