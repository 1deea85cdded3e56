"""Winnow from Python: clean scraped web text into records (text, title, language segments,
what was removed and why). The work is done by the `winnow` binary bundled in the wheel."""

from ._binary import BinaryNotFound, find_binary
from .cleaner import Cleaner, DocumentError, WinnowError, clean, langid
from .results import Dropped, Failed, Record

__all__ = [
    "BinaryNotFound",
    "Cleaner",
    "DocumentError",
    "Dropped",
    "Failed",
    "Record",
    "WinnowError",
    "clean",
    "find_binary",
    "langid",
]
