"""A thread's chrome, as ThreadChromeRule.swift reads it: a line of at most CHROME_TOKENS tokens
(numbers folded) that repeats CHROME_REPEATS times or more, once per post (a line of
POST_TOKENS tokens or more between two thirds of its occurrences). Shared by the page-type
trainer and the probes that count a comment zone's chrome; no third-party imports."""

import re

from score_boilerplate import tokens

CHROME_TOKENS = 5
CHROME_REPEATS = 3
POST_TOKENS = 8
DIGIT = re.compile(r"\d")


def chrome_key(text):
    """A page line's template (its tokens, each with a digit folded to "0"; None when it has
    no tokens or more than CHROME_TOKENS) and its token count."""
    words = tokens(text)
    if not words or len(words) > CHROME_TOKENS:
        return None, len(words)
    return " ".join("0" if DIGIT.search(t) else t for t in words), len(words)


def per_post_templates(lines, separator=POST_TOKENS):
    """The templates of `lines` ([(key, size)], `chrome_key`'s) that repeat CHROME_REPEATS
    times or more, once per unit (a line of `separator` tokens or more between two thirds of
    their occurrences), with their counts (ThreadChromeRule.perPostTemplates)."""
    seen = {}
    last = -1
    for i, (key, size) in enumerate(lines):
        if size >= separator:
            last = i
        if key is None:
            continue
        entry = seen.setdefault(key, [0, i, 0])
        if entry[0]:
            entry[2] += last > entry[1]
        entry[0] += 1
        entry[1] = i
    return {
        key: n
        for key, (n, _, gaps) in seen.items()
        if n >= CHROME_REPEATS and gaps * 3 >= (n - 1) * 2
    }
