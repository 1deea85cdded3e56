"""The repository's scripts still fit together: every name a script takes from another script
of scripts/ or bench/ is defined there, and the model reader of the scoring scripts reads the
bundled language model. Cheap (no script runs its work), so a constant that moves from one
script to another cannot break a scorer silently, as MASK_THRESHOLD's move to langid_layout.py
once broke scripts/eval_segments.py."""

import ast
import os
import subprocess
import sys

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPT_FOLDERS = [os.path.join(REPO, "scripts"), os.path.join(REPO, "bench")]


def local_modules():
    """{module name: path} of the Python files that scripts import from one another."""
    return {
        name[:-3]: os.path.join(folder, name)
        for folder in SCRIPT_FOLDERS
        if os.path.isdir(folder)
        for name in sorted(os.listdir(folder))
        if name.endswith(".py")
    }


def top_level_names(tree):
    """Names a module defines at its top level (also inside top-level if/try blocks)."""
    names = set()
    pending = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                names.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
        elif isinstance(node, (ast.If, ast.Try, ast.With)):
            pending.extend(node.body)
            pending.extend(getattr(node, "orelse", []))
            for handler in getattr(node, "handlers", []):
                pending.extend(handler.body)
    return names


def parse(path):
    with open(path, encoding="utf-8") as handle:
        return ast.parse(handle.read(), path)


def test_every_name_taken_from_another_script_is_defined_there():
    modules = local_modules()
    defined = {name: top_level_names(parse(path)) for name, path in modules.items()}
    missing = []
    for name, path in modules.items():
        tree = parse(path)
        aliases = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in modules:
                missing += [
                    f"{name}: {node.module}.{alias.name}"
                    for alias in node.names
                    if alias.name not in defined[node.module]
                ]
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name in modules:
                        aliases[alias.asname or alias.name] = alias.name
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in aliases
                and node.attr not in defined[aliases[node.value.id]]
            ):
                missing.append(f"{name}: {aliases[node.value.id]}.{node.attr}")
    assert not missing, "names not defined where scripts take them from: " + ", ".join(missing)


@pytest.mark.parametrize("script", ["eval_segments.py", "score_langid_model.py"])
def test_language_scorers_start(script):
    run = subprocess.run(
        [sys.executable, os.path.join(REPO, "scripts", script), "--help"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr


def test_the_model_twin_reads_the_bundled_model():
    sys.path.insert(0, os.path.join(REPO, "scripts"))
    try:
        import score_langid_model
    finally:
        sys.path.pop(0)
    model = score_langid_model.Model(
        os.path.join(REPO, "Sources", "CWinnowLangModel", "langid.bin")
    )
    sentence = "The weather was cold and the children stayed inside the house all day."
    ranked = model.rank(sentence, score_langid_model.LANGUAGES_BY_SCRIPT["Latin"])
    assert ranked[0][0] == "en"
    assert model.postings("the")[model.languages.index("en")] > model.unseen
