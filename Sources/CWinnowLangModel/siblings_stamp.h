// Written with sibling_words.txt (scripts/embedded_file.py): a new file
// changes this header, which makes the build reassemble siblings.S.
#define WN_SIBLING_WORDS_SIZE 580827
#define WN_SIBLING_WORDS_SHA256 "973c46e9fcfad199230f54fea04f2e7ec06c76bc2d888befd54e39df5718301f"
