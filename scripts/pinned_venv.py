"""Runs a script in a virtual environment of pinned PyPI packages: the training scripts'
one way to get their third-party needs without touching the system Python."""

import importlib.util
import os
import subprocess
import sys


def ensure(venv, requirements, modules):
    """Returns when every module of `modules` imports; otherwise creates `venv` (if
    needed), installs `requirements` there and re-runs the script in it. Inside the venv a
    module still missing ends the script with a message naming the venv."""
    if all(importlib.util.find_spec(module) for module in modules):
        return
    python = os.path.join(venv, "bin", "python")
    if sys.executable == python:
        sys.exit(f"{' or '.join(modules)} is missing in {venv}")
    if not os.path.exists(python):
        subprocess.check_call([sys.executable, "-m", "venv", venv])
    subprocess.check_call([python, "-m", "pip", "install", "-q", *requirements])
    os.execv(python, [python, *sys.argv])
