// Written with sibling_discriminator.txt (scripts/embedded_file.py): a new file
// changes this header, which makes the build reassemble discriminator.S.
#define WN_SIBLING_DISCRIMINATOR_SIZE 878228
#define WN_SIBLING_DISCRIMINATOR_SHA256 "d2b186a1a836591d2fd359b1fcee8e04b6cc09117f306a24b95d4d696486aa33"
