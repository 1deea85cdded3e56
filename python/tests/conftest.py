import os

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture(scope="session", autouse=True)
def winnow_binary():
    """The binary under test: $WINNOW_BINARY, else the repository's release build."""
    path = os.environ.get("WINNOW_BINARY") or os.path.join(REPO, ".build", "release", "winnow")
    if not os.access(path, os.X_OK):
        pytest.exit(f"no winnow binary at {path}: run swift build -c release first", 2)
    os.environ["WINNOW_BINARY"] = path
    return path
