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
   `ftfy.fix_encoding`, and NFKC applied blindly; overall and for Chinese, Japanese and Thai.
   The same white space rules are set aside, so only changes to the text itself count; for
   Winnow, changes beyond each sentence's own NFC form are counted (and listed) apart.
3. Speed: MB/s of each tool over those sentences, one core (Winnow in a single process with
   the other stages off, ftfy in this process).

ftfy comes into a virtual environment under scripts/.venv (created on first use).
"""

import argparse
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
    """Each text through `winnow clean` with only the normalize stage on; the clean texts."""
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
    for line in result.stdout.decode("utf-8").splitlines():
        record = json.loads(line)
        outputs[int(record["id"])] = record["text"]
    return outputs, seconds


def score_cases(binary, show):
    import ftfy

    cases = ftfy_cases()
    expected = [white_space_folded(expected_text(case)) for case in cases]
    winnow, _ = winnow_texts(binary, [case["original"] for case in cases])
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


C1 = re.compile("[\u0080-\u009f]")
INVISIBLES = {"\u00ad": "soft hyphen removed", "\ufeff": "BOM removed", "\u200b": "ZWSP removed"}
JOINERS = re.compile("[\u200c\u200d]")
DAMAGE = {"C1 control", "HTML character reference", "U+FFFD mojibake", "mojibake (ftfy agrees)"}


def damage_kinds(text, output):
    """What a sentence's change repaired: the damage its input shows (found by a test that is
    not Winnow's own), or the invisible characters Winnow removed."""
    import ftfy

    kinds = set()
    if C1.search(text):
        kinds.add("C1 control")
    if ENTITY.search(text):
        kinds.add("HTML character reference")
    if "\ufffd" in output and "\ufffd" not in text:
        kinds.add("U+FFFD mojibake")
    if ftfy.fix_encoding(C1.sub("", text)) != C1.sub("", text):
        kinds.add("mojibake (ftfy agrees)")
    for character, kind in INVISIBLES.items():
        if text.count(character) > output.count(character):
            kinds.add(kind)
    if len(JOINERS.findall(text)) > len(JOINERS.findall(output)):
        kinds.add("ZWNJ/ZWJ removed")
    return kinds or {"other"}


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
    winnow, winnow_seconds = winnow_texts(binary, texts)
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
        f"{megabytes:.1f} MB), and speed on them:"
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
    changed = [
        i
        for i in range(len(texts))
        if white_space_folded(winnow[i] or "") != white_space_folded(texts[i])
    ]
    # Winnow promises NFC: a sentence that is not NFC must change. What counts as harm is a
    # change beyond the sentence's own NFC form.
    beyond_nfc = [
        i
        for i in changed
        if white_space_folded(winnow[i] or "")
        != white_space_folded(unicodedata.normalize("NFC", texts[i]))
    ]
    print(
        f"  Winnow: {len(changed)} sentences changed, {len(changed) - len(beyond_nfc)} of them "
        f"only by NFC; changed beyond NFC: {len(beyond_nfc)} "
        f"({100 * len(beyond_nfc) / len(texts):.2f} %)"
    )
    kinds = {i: damage_kinds(texts[i], winnow[i] or "") for i in beyond_nfc}
    damaged = [i for i in beyond_nfc if kinds[i] & DAMAGE]
    print("  Winnow's changes beyond NFC by kind (a sentence may have several):")
    for kind, count in Counter(k for i in beyond_nfc for k in kinds[i]).most_common():
        print(f"    {kind:40} {count}")
    clean = len(texts) - len(damaged)
    print(
        f"  of them in sentences whose input is damaged (a C1 control, an HTML character "
        f"reference, a U+FFFD mojibake, or mojibake ftfy.fix_encoding also undoes): "
        f"{len(damaged)};\n  changed beyond NFC among the {clean} sentences without such "
        f"damage: {len(beyond_nfc) - len(damaged)} "
        f"({100 * (len(beyond_nfc) - len(damaged)) / clean:.2f} %)"
    )
    for i in beyond_nfc[:show]:
        print(
            f"    Winnow changed [{rows[i][0]}] ({', '.join(sorted(kinds[i]))})\n"
            f"      in:  {texts[i]!r}\n      out: {winnow[i]!r}"
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
