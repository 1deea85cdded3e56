"""Where the `winnow` executable is: $WINNOW_BINARY, the copy bundled in the wheel, or PATH."""

import os
import shutil

BUNDLED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bin", "winnow")


class BinaryNotFound(RuntimeError):
    """No `winnow` executable to run."""


def find_binary(explicit=None):
    """The path of the binary to run; `explicit` wins, then $WINNOW_BINARY, the bundled one,
    and last `winnow` on PATH."""
    for candidate in (explicit, os.environ.get("WINNOW_BINARY"), BUNDLED):
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
        if candidate and candidate is not BUNDLED:
            raise BinaryNotFound(f"{candidate}: not an executable file")
    found = shutil.which("winnow")
    if found:
        return found
    raise BinaryNotFound(
        "no winnow binary: install a wheel that bundles it (python/build_wheel.sh), "
        "set WINNOW_BINARY, or put winnow on PATH"
    )
