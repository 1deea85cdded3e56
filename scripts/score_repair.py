#!/usr/bin/env python3
"""Measures Winnow's text repair against ftfy: what it fixes, what it harms, how fast.

Usage: scripts/score_repair.py [WINNOW_BINARY] [--devset DIR] [--show N]

1. Repairs: ftfy's own test cases (`tests/test_cases.json` of the ftfy 6.3.1 sdist,
   Apache-2.0, fetched with `pip download`), each run through `winnow clean` with only the
   normalize stage on. A case passes when Winnow's text equals ftfy's `fixed-encoding` (the
   text with its encoding repaired; ftfy's `fixed` also uncurls quotes and the like, which
   Winnow's default profile leaves alone on purpose), or `fixed` when there is no such field,
   both with Winnow's documented white space rules applied (runs of spaces and no-break
   spaces become one space). ftfy's `fix_encoding` is scored the same way for reference.
   Also lists the cases whose output loses a letter the input had right (one in both the
   input and the expected text) or invents one (in neither).
2. Harm: the clean sentences of ../shared/devset/langid (75 languages), as they are. Counts
   the sentences each tool changes: Winnow's default profile, `ftfy.fix_text`,
   `ftfy.fix_encoding`, and NFKC applied blindly; overall and for Chinese, Japanese and Thai
   (white space folded in that table). For Winnow, every change byte for byte, white space
   included: a sentence that only NFC changed is what Winnow promises; every other change is
   listed with the kinds that explain it, each checked by a reference that is not Winnow's
   code (`reference_fixes`, then NFC and the white space rule); a change that no combination
   reproduces byte for byte is harm, and the headline figure.
3. Speed: MB/s of each tool over those sentences, one core (Winnow in a single process with
   the other stages off, ftfy in this process).

ftfy comes into a virtual environment under scripts/.venv (created on first use).
"""

import argparse
import itertools
import json
import os
import pathlib
import re
import subprocess
import sys
import tarfile
import tempfile
import time
import unicodedata
from collections import Counter

ROOT = pathlib.Path(__file__).resolve().parent.parent
VENV = ROOT / "scripts" / ".venv"
FTFY = "ftfy==6.3.1"
CACHE = ROOT / "bench" / "out" / "ftfy-sdist"
ONLY_NORMALIZE = (
    "boilerplate:\n  enabled: false\nlanguage:\n  enabled: false\noutput:\n  keep_empty: true\n"
)
SPACES = re.compile(r"[ \u00a0]+")
ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def ensure_ftfy():
    """Re-runs this script inside the venv that has ftfy, creating it if needed."""
    python = VENV / "bin" / "python"
    if sys.prefix == str(VENV):
        return
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", FTFY], check=True)
    os.execv(str(python), [str(python), *sys.argv])


def ftfy_cases():
    """ftfy's test cases, from its sdist (the wheel does not ship its tests)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    archives = list(CACHE.glob("ftfy-*.tar.gz"))
    if not archives:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "-q",
                "--no-deps",
                "--no-binary",
                ":all:",
                "-d",
                str(CACHE),
                FTFY,
            ],
            check=True,
        )
        archives = list(CACHE.glob("ftfy-*.tar.gz"))
    with tarfile.open(archives[0]) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith("tests/test_cases.json"))
        return json.load(archive.extractfile(member))


def winnow_texts(binary, texts):
    """Each text through `winnow clean` with only the normalize stage on; the clean texts,
    the repairs each record names (`winnow.repairs` ids that counted), and the seconds."""
    with tempfile.TemporaryDirectory() as scratch:
        config = pathlib.Path(scratch, "normalize-only.yaml")
        config.write_text(ONLY_NORMALIZE)
        documents = pathlib.Path(scratch, "in.jsonl")
        with documents.open("w", encoding="utf-8") as handle:
            for index, text in enumerate(texts):
                handle.write(json.dumps({"id": str(index), "text": text}, ensure_ascii=False))
                handle.write("\n")
        start = time.perf_counter()
        result = subprocess.run(
            [
                binary,
                "clean",
                "--input-format",
                "jsonl",
                "--jobs",
                "1",
                "--progress",
                "never",
                "--config",
                str(config),
                str(documents),
            ],
            capture_output=True,
            check=True,
        )
        seconds = time.perf_counter() - start
    outputs = [None] * len(texts)
    repairs = [[] for _ in texts]
    for line in result.stdout.decode("utf-8").splitlines():
        record = json.loads(line)
        outputs[int(record["id"])] = record["text"]
        counts = record["winnow"]["repairs"].items()
        repairs[int(record["id"])] = sorted(name for name, count in counts if count)
    return outputs, repairs, seconds


def score_cases(binary, show):
    import ftfy

    cases = ftfy_cases()
    expected = [white_space_folded(expected_text(case)) for case in cases]
    winnow, _, _ = winnow_texts(binary, [case["original"] for case in cases])
    winnow = [white_space_folded(text or "") for text in winnow]
    ftfy_encoding = [white_space_folded(ftfy.fix_encoding(case["original"])) for case in cases]
    print(
        f"ftfy test cases ({len(cases)}; ftfy expects to pass "
        f"{sum(c['expect'] == 'pass' for c in cases)}):"
    )
    for name, outputs in (("Winnow (default)", winnow), ("ftfy.fix_encoding", ftfy_encoding)):
        for subset in ("pass", "fail"):
            chosen = [i for i, case in enumerate(cases) if case["expect"] == subset]
            right = sum(outputs[i] == expected[i] for i in chosen)
            print(
                f"  {name:20} cases ftfy marks '{subset}': {right}/{len(chosen)} "
                f"({100 * right / len(chosen):.1f} %)"
            )
    harmed = [
        i
        for i, case in enumerate(cases)
        if letters_harmed(case["original"], expected[i], winnow[i])
    ]
    print(
        f"  Winnow cases whose output loses or invents a letter the input had right: "
        f"{len(harmed)}"
    )
    for i in harmed:
        lost, invented = letters_harmed(cases[i]["original"], expected[i], winnow[i])
        print(f"    [{cases[i]['label']}] lost {lost!r}, invented {invented!r}")
    misses = [i for i, case in enumerate(cases) if winnow[i] != expected[i]]
    for i in misses[:show]:
        print(
            f"    miss [{cases[i]['label']}]\n      in:   {cases[i]['original']!r}\n"
            f"      want: {expected[i]!r}\n      got:  {winnow[i]!r}"
        )


def expected_text(case):
    """ftfy's `fixed-encoding` where the case has one, else `fixed`. Winnow decodes HTML
    character references by design, as ftfy's `fix_text` does and its `fix_encoding` does
    not: for an input holding one, the expected text is `fixed`."""
    if "fixed-encoding" in case and not ENTITY.search(case["original"]):
        return case["fixed-encoding"]
    return case["fixed"]


def letters(text):
    return Counter(c for c in text if c.isalpha())


def letters_harmed(original, expected, output):
    """Letters the input had right (in both it and the expected text) that the output lost,
    and letters in the output that are in neither; None when there are none."""
    right = letters(original) & letters(expected)
    lost = right - letters(output)
    invented = letters(output) - letters(original) - letters(expected)
    if not lost and not invented:
        return None
    return "".join(sorted(lost.elements())), "".join(sorted(invented.elements()))


# Every change Winnow makes to a clean sentence must be one of these kinds, each checked by a
# reference that is not Winnow's code (ftfy's fixers, Python's own), in this order; the rule
# that makes each a repair, not harm, is in docs/text.md ("Clean sentences: every change
# explained"). A change no combination of them reproduces byte for byte counts as harm.
NO_BREAK = "\u00a0\u202f\u2007"
JOINER_BESIDE_SPACE = re.compile(
    r"(?<=\s)[\u200c\u200d]+|[\u200c\u200d]+(?=\s)|^[\u200c\u200d]+|[\u200c\u200d]+$"
)
U_FFFD_MOJIBAKE = re.compile(
    "|".join(
        re.escape("\ufffd".encode("utf-8").decode(code_page))
        for code_page in ("windows-1252", "windows-1251", "windows-1250", "latin-1")
    )
)


def reference_fixes():
    import ftfy
    import ftfy.fixes

    return [
        ("HTML character reference decoded", ftfy.fixes.unescape_html),
        ("C1 control read as windows-1252", ftfy.fixes.fix_c1_controls),
        ("U+FFFD's UTF-8 read through a code page", lambda t: U_FFFD_MOJIBAKE.sub("\ufffd", t)),
        ("mojibake undone (as ftfy.fix_encoding)", ftfy.fix_encoding),
        ("control character or BOM removed", ftfy.fixes.remove_control_chars),
        ("soft hyphen removed", lambda t: t.replace("\u00ad", "")),
        ("ZWNJ/ZWJ beside white space removed", lambda t: JOINER_BESIDE_SPACE.sub("", t)),
    ]


def white_space_laid_out(text):
    """Winnow's documented white space rule: no white space at the ends of a line, and each
    run of it becomes one space, except a lone no-break space between two characters (kept)
    and ideographic spaces beside CJK text (kept)."""

    def one(match):
        run = match.group(0)
        if len(run) == 1 and run in NO_BREAK:
            return run
        if "\u3000" in run and (is_cjk(text, match.start() - 1) or is_cjk(text, match.end())):
            return "\u3000" * len(run) if set(run) == {"\u3000"} else "\u3000"
        return " "

    return re.sub(r"\s+", one, text.strip())


def is_cjk(text, index):
    if not 0 <= index < len(text):
        return False
    name = unicodedata.name(text[index], "")
    return name.startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "IDEOGRAPHIC", "FULLWIDTH"))


def explained_by(text, output, fixes):
    """The fewest reference fixes that, followed by NFC and the white space rule, give the
    output byte for byte (with "white space laid out" and "NFC" named when they changed
    something); None when no combination does."""
    for size in range(len(fixes) + 1):
        for chosen in itertools.combinations(fixes, size):
            fixed = text
            for _, fix in chosen:
                fixed = fix(fixed)
            composed = unicodedata.normalize("NFC", fixed)
            laid_out = white_space_laid_out(composed)
            if laid_out == output:
                kinds = [name for name, _ in chosen]
                if composed != fixed:
                    kinds.append("NFC")
                if laid_out != composed:
                    kinds.append("white space laid out")
                return kinds
    return None


def changed_span(text, output, context=20):
    """The changed part of a sentence with a little context, for a one-line listing."""
    prefix = 0
    while prefix < min(len(text), len(output)) and text[prefix] == output[prefix]:
        prefix += 1
    suffix = 0
    while (
        suffix < min(len(text), len(output)) - prefix
        and text[len(text) - 1 - suffix] == output[len(output) - 1 - suffix]
    ):
        suffix += 1
    left = max(0, prefix - context)
    return (
        text[left:prefix]
        + "["
        + text[prefix : len(text) - suffix]
        + " -> "
        + output[prefix : len(output) - suffix]
        + "]"
        + text[len(text) - suffix : len(text) - suffix + context]
    )


def sentences(devset):
    rows = []
    with open(pathlib.Path(devset, "sentences.tsv"), encoding="utf-8") as handle:
        for line in handle:
            language, _, text = line.rstrip("\n").partition("\t")
            if text:
                rows.append((language, text))
    return rows


def white_space_folded(text):
    """Text with Winnow's documented white space rules applied: runs of spaces and no-break
    spaces become one space, none at the ends."""
    return SPACES.sub(" ", text).strip(" ")


def score_harm(binary, devset, show):
    import ftfy

    rows = sentences(devset)
    texts = [text for _, text in rows]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    winnow, repairs, winnow_seconds = winnow_texts(binary, texts)
    winnow = [text or "" for text in winnow]
    tools = {"Winnow (default)": (winnow, winnow_seconds)}
    for name, function in (
        ("ftfy.fix_text", ftfy.fix_text),
        ("ftfy.fix_encoding", ftfy.fix_encoding),
        ("NFKC", lambda t: unicodedata.normalize("NFKC", t)),
    ):
        start = time.perf_counter()
        outputs = [function(t) for t in texts]
        tools[name] = (outputs, time.perf_counter() - start)
    groups = {"all": None, "zh": {"zh"}, "ja": {"ja"}, "th": {"th"}}
    print(
        f"\nclean sentences changed ({len(texts)} in {len({l for l, _ in rows})} languages, "
        f"{megabytes:.1f} MB; white space folded for this table only), and speed on them:"
    )
    print(f"  {'':20} " + " ".join(f"{g:>8}" for g in groups) + "      MB/s")
    for name, (outputs, seconds) in tools.items():
        shares = []
        for languages in groups.values():
            chosen = [i for i, (l, _) in enumerate(rows) if languages is None or l in languages]
            changed = sum(
                white_space_folded(outputs[i] or "") != white_space_folded(texts[i]) for i in chosen
            )
            shares.append(f"{100 * changed / len(chosen):7.1f}%")
        print(f"  {name:20} " + " ".join(shares) + f"  {megabytes / seconds:8.1f}")
    # The previous measure: changes beyond each sentence's NFC form, white space folded.
    folded_beyond_nfc = sum(
        white_space_folded(winnow[i]) != white_space_folded(unicodedata.normalize("NFC", texts[i]))
        for i in range(len(texts))
    )
    # Every change, byte for byte (white space included), and what explains it.
    changed = [i for i in range(len(texts)) if winnow[i] != texts[i]]
    only_nfc = [i for i in changed if winnow[i] == unicodedata.normalize("NFC", texts[i])]
    fixes = reference_fixes()
    explained = {i: explained_by(texts[i], winnow[i], fixes) for i in changed if i not in only_nfc}
    harm = [i for i, kinds in explained.items() if kinds is None]
    print(
        f"  Winnow, byte for byte: {len(changed)} sentences changed "
        f"({100 * len(changed) / len(texts):.2f} %); {len(only_nfc)} only by NFC "
        f"(promised); beyond NFC {len(explained)} ({100 * len(explained) / len(texts):.2f} %; "
        f"with white space folded as before: {folded_beyond_nfc}, "
        f"{100 * folded_beyond_nfc / len(texts):.2f} %)"
    )
    print(
        f"  changed beyond NFC and not explained by a listed repair (harm): {len(harm)} "
        f"({100 * len(harm) / len(texts):.2f} %)"
    )
    print("  explained changes by kind (a sentence may have several; rules in docs/text.md):")
    for kind, count in Counter(
        k for kinds in explained.values() if kinds for k in kinds
    ).most_common():
        print(f"    {kind:42} {count}")
    print("  changed sentences by Winnow's repair ids (winnow.repairs):")
    for ids, count in Counter("+".join(repairs[i]) or "(none)" for i in explained).most_common():
        print(f"    {ids:42} {count}")
    print("  every change beyond NFC ([before -> after], then its kinds and Winnow's ids):")
    order = sorted(explained, key=lambda i: (explained[i] is not None, explained[i] or [], i))
    for i in order:
        kinds = ", ".join(explained[i]) if explained[i] else "NOT EXPLAINED"
        print(
            f"    [{rows[i][0]}] {changed_span(texts[i], winnow[i])!r}\n"
            f"        {kinds} / {'+'.join(repairs[i])}"
        )
    print("  every sentence changed only by NFC ([before -> after], Winnow's ids):")
    for i in only_nfc:
        print(f"    [{rows[i][0]}] {changed_span(texts[i], winnow[i])!r} / {'+'.join(repairs[i])}")
    for i in harm[:show]:
        print(
            f"    not explained [{rows[i][0]}]\n      in:  {texts[i]!r}\n      out: {winnow[i]!r}"
        )
    print("  (Winnow's MB/s includes starting the binary and reading and writing JSONL.)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("winnow", nargs="?", default=str(ROOT / ".build/release/winnow"))
    parser.add_argument("--devset", default=str(ROOT.parent / "shared/devset/langid"))
    parser.add_argument("--show", type=int, default=0, help="print this many misses")
    args = parser.parse_args()
    ensure_ftfy()
    score_cases(args.winnow, args.show)
    score_harm(args.winnow, args.devset, args.show)


if __name__ == "__main__":
    main()
