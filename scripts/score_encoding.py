#!/usr/bin/env python3
"""Scores charset detection on short documents: Winnow, ICU's detector alone, chardet.

Usage: scripts/score_encoding.py [WINNOW_BINARY] [--set short|long] [--devset DIR] [--work DIR]
                                 [--per-charset] [--skip-chardet] [--errors] [--confusion]
                                 [--half tune|held-out]

Builds a deterministic test set from the sentences of ../shared/devset/langid/sentences.tsv
(`lang<TAB>text`; sentences with control characters are left out): for each language, documents encoded in the legacy charsets the language is
really written in (and, for all languages, UTF-8 and UTF-16), in two sizes:
  short       1 to 3 consecutive sentences (a few hundred bytes);
  very-short  the first words of one sentence, at most 40 characters.
A document that a charset cannot encode is replaced by another sentence; one that is pure
ASCII once encoded is left out (every ASCII-compatible charset is right for it).

`--set long` builds the second set instead: pages of 10 to 200 KB in every legacy charset of
the groups above plus LONG_ONLY, made of pure-ASCII lines of English pages of
../shared/devset/boilerplate (menus, links, prose: the filler) and the language's sentences:
  late    12 to 30 KB of filler before the first sentence, then paragraphs and filler;
  sparse  one sentence every 2 to 6 KB of filler; the first one is the sentence of the
          language with the fewest non-ASCII characters (Hungarian with 2 or 3 accents).

A detection is right when decoding the bytes with the detected charset gives exactly the
original text (so windows-1252 for ISO-8859-1 bytes is right when they decode identically;
a leading byte order mark is ignored).

Detectors:
  Winnow   `WINNOW_BINARY clean DIR` with the later stages off; the charset is the record's
           `winnow.encoding`.
  ICU      the top match of ICU's detector (ucsdet_detect) on the whole document, through a
           small C program this script compiles against the system ICU (gcc, libicu-dev).
  chardet  chardet.detect, pinned version, installed into a venv under --work by pip.

`--half` keeps one half of the documents, chosen by a hash of each document's path: tune
thresholds on `tune`, report `held-out` too. `--confusion` counts Winnow's wrong answers by
true charset -> detected charset.

Prints accuracy per charset group (and per charset with --per-charset), overall over all
documents, the mean over groups, and each detector's documents per second (wall time, Winnow
and ICU including process start, one process for all documents).
"""

import argparse
import codecs
import collections
import hashlib
import json
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

CHARDET_VERSION = "5.2.0"
SEED = 4

WESTERN = ["windows-1252", "ISO-8859-1", "ISO-8859-15"]
CENTRAL = ["windows-1250", "ISO-8859-2"]
UNICODE = ["UTF-8", "UTF-16LE", "UTF-16BE", "UTF-16"]

# Charset group -> {language: the legacy charsets it is written in}.
GROUPS = {
    "Western European": {
        lang: WESTERN
        for lang in "af ca cy da de en es eu fi fr ga is it la nb nl nn pt sq sv".split()
    },
    "Central European": {lang: CENTRAL for lang in "bs cs hr hu pl sk sl".split()},
    "Romanian": {"ro": ["ISO-8859-16", "windows-1250", "ISO-8859-2"]},
    "Cyrillic": {
        "ru": ["windows-1251", "KOI8-R", "ISO-8859-5"],
        "uk": ["windows-1251", "KOI8-U"],
        "be": ["windows-1251"],
        "bg": ["windows-1251", "KOI8-R", "ISO-8859-5"],
        "mk": ["windows-1251", "ISO-8859-5"],
        "sr": ["windows-1251", "ISO-8859-5"],
    },
    "Greek": {"el": ["windows-1253", "ISO-8859-7"]},
    "Turkish": {"tr": ["windows-1254"]},
    "Hebrew": {"he": ["windows-1255", "ISO-8859-8"]},
    "Arabic": {"ar": ["windows-1256"], "fa": ["windows-1256"], "ur": ["windows-1256"]},
    "Baltic": {lang: ["windows-1257", "ISO-8859-13"] for lang in "et lt lv".split()},
    "Thai": {"th": ["windows-874", "TIS-620"]},
    "Chinese": {"zh": ["GBK", "GB18030"], "zh-Hant": ["Big5"]},
    "Japanese": {"ja": ["Shift_JIS", "EUC-JP"]},
    "Korean": {"ko": ["EUC-KR", "cp949"]},
}
# The dev set's Chinese is simplified, which Big5 cannot encode: traditional sentences
# written for this test.
TRADITIONAL_CHINESE = [
    "台北市政府今天宣布，明年起將擴大公共自行車的服務範圍。",
    "這家餐廳的牛肉麵很有名，週末總是大排長龍。",
    "颱風預計明天凌晨登陸，氣象局呼籲民眾做好防颱準備。",
    "他在大學主修資訊工程，畢業後到新竹的科技公司上班。",
    "圖書館將於下週一起延長開放時間，方便學生準備考試。",
    "這部電影改編自真實故事，描寫一位老師與學生之間的感情。",
    "政府表示，將繼續推動再生能源，減少對進口燃料的依賴。",
    "週末的市集有許多手工藝品，吸引不少觀光客前來參觀。",
    "醫師提醒，天氣轉涼時要注意保暖，避免感冒。",
    "這座古老的寺廟已有三百多年的歷史，是當地重要的文化資產。",
    "經濟部公布最新數據，上個月的出口金額比去年同期成長百分之五。",
    "我們搭乘高鐵從台中到高雄，只需要不到一個小時。",
    "學校舉辦運動會，同學們在操場上為自己的班級加油。",
    "這本書的作者長期關心環境問題，文字樸實而感人。",
    "記者會上，市長說明了新的交通政策與停車費調整方案。",
    "夜市裡有各式各樣的小吃，像是蚵仔煎、臭豆腐和珍珠奶茶。",
]
BUCKETS = ("short", "very-short")
# Documents per language, charset and size; the Unicode group takes fewer per language (it
# covers all 75).
DOCS_PER_CASE = 12
UNICODE_DOCS_PER_CASE = 2
VERY_SHORT_CHARS = 40

# Charset names Python's codec registry does not know, as ICU and chardet spell them.
PYTHON_CODECS = {
    "windows-874": "cp874",
    "windows-949": "cp949",
    "iso-8859-8-i": "iso8859_8",
    "iso-8859-6-i": "iso8859_6",
    "x-mac-cyrillic": "mac_cyrillic",
    "ibm866": "cp866",
    "ibm855": "cp855",
    "ibm-866": "cp866",
    "ibm-855": "cp855",
    "johab": "johab",
}
# Charsets only the long set has (the short set stays the 3,641 documents it was).
LONG_ONLY = {
    "Cyrillic": {
        "ru": ["IBM866", "IBM855", "x-mac-cyrillic"],
        "bg": ["IBM866", "x-mac-cyrillic"],
        "sr": ["IBM855"],
    },
    "Korean": {"ko": ["Johab"]},
}
LONG_BUCKETS = ("late", "sparse")
LONG_DOCS_PER_CASE = 3
FILLER_PAGES = 400

ICU_DETECT_C = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucsdet.h>
/* For each path on stdin (one per line): the top match of ICU's detector, or "none". */
int main(void) {
  char path[4096];
  static char bytes[1 << 20];
  UErrorCode code = U_ZERO_ERROR;
  UCharsetDetector *detector = ucsdet_open(&code);
  if (U_FAILURE(code)) return 1;
  while (fgets(path, sizeof path, stdin)) {
    path[strcspn(path, "\n")] = 0;
    FILE *file = fopen(path, "rb");
    if (!file) return 1;
    size_t length = fread(bytes, 1, sizeof bytes, file);
    fclose(file);
    code = U_ZERO_ERROR;
    ucsdet_setText(detector, bytes, (int32_t)length, &code);
    const UCharsetMatch *match = ucsdet_detect(detector, &code);
    const char *name = match && U_SUCCESS(code) ? ucsdet_getName(match, &code) : NULL;
    printf("%s\n", name && U_SUCCESS(code) ? name : "none");
  }
  ucsdet_close(detector);
  return 0;
}
"""


def read_sentences(devset):
    by_language = collections.defaultdict(list)
    with open(Path(devset) / "sentences.tsv", encoding="utf-8") as handle:
        for line in handle:
            language, _, text = line.rstrip("\n").partition("\t")
            # Some scraped sentences hold C1 controls (U+0092 for a quote): no page means them.
            # Others hold a replacement character, some of them mis-decoded themselves.
            if (
                text
                and not any(0x80 <= ord(c) <= 0x9F or ord(c) < 0x20 for c in text)
                and not any(mark in text for mark in ("\ufffd", "ï¿½", "ďż˝"))
            ):
                by_language[language].append(" ".join(text.split()))
    by_language["zh-Hant"] = TRADITIONAL_CHINESE
    return by_language


def encode(text, charset):
    """The bytes of `text` in `charset` (UTF-16 with a byte order mark), or None."""
    try:
        if charset == "UTF-16":
            return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
        return text.encode(python_codec(charset))
    except UnicodeEncodeError:
        return None


def very_short(sentence):
    words = []
    for word in sentence.split(" "):
        if words and len(" ".join(words + [word])) > VERY_SHORT_CHARS:
            break
        words.append(word)
    return " ".join(words)[:VERY_SHORT_CHARS]


def make_documents(sentences, language, charset, bucket, count):
    """Up to `count` documents `(text, bytes)`, the same on every run."""
    rng = random.Random(f"{SEED}/{language}/{charset}/{bucket}")
    pool = sentences[language]
    documents = []
    for _ in range(count * 20):
        if len(documents) == count or not pool:
            break
        start = rng.randrange(len(pool))
        if bucket == "short":
            text = "\n".join(pool[start : start + rng.randint(1, 3)])
        else:
            text = very_short(pool[start])
        data = encode(text, charset)
        ascii_compatible = not charset.startswith("UTF-16")
        if (
            data is None
            or (ascii_compatible and data.isascii())
            or any(text == known for known, _ in documents)
        ):
            continue
        documents.append((text, data))
    return documents


def build_test_set(sentences, root):
    """Writes the documents under `root`; returns [(relative path, group, charset, bucket,
    text)]."""
    cases = []
    plan = [
        (group, lang, charsets)
        for group, langs in GROUPS.items()
        for lang, charsets in langs.items()
    ]
    plan += [("Unicode", lang, UNICODE) for lang in sorted(sentences) if lang != "zh-Hant"]
    for group, language, charsets in plan:
        per_case = UNICODE_DOCS_PER_CASE if group == "Unicode" else DOCS_PER_CASE
        for charset in charsets:
            for bucket in BUCKETS:
                docs = make_documents(sentences, language, charset, bucket, per_case)
                for index, document in enumerate(docs):
                    cases.append(
                        write_case(root, (group, language, charset, bucket, index), document)
                    )
    return cases


def write_case(root, key, document):
    """Writes one document under `root`; returns its case `(relative path, group, charset,
    bucket, text)`."""
    group, language, charset, bucket, index = key
    text, data = document
    relative = f"{charset}/{bucket}/{language}-{index:02}.txt"
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return (relative, group, charset, bucket, text)


def read_filler(devset):
    """Runs of pure-ASCII lines of English boilerplate pages, each run a list of lines."""
    root = Path(devset).parent / "boilerplate"
    runs = []
    with open(root / "manifest.jsonl", encoding="utf-8") as handle:
        ids = [json.loads(line)["id"] for line in handle]
    for page_id in ids:
        page = root / "cases" / f"{page_id}.txt"
        lines = page.read_text(encoding="utf-8", errors="replace").split("\n")
        if not page_id.startswith("cleaneval") or not lines:
            continue
        run = [line for line in lines if line.strip() and line.isascii()]
        if len(run) > 20:
            runs.append(run)
        if len(runs) == FILLER_PAGES:
            break
    return runs


def filler_block(rng, filler, size):
    """About `size` bytes of consecutive filler lines."""
    run = filler[rng.randrange(len(filler))]
    start = rng.randrange(len(run))
    lines, length = [], 0
    while length < size:
        line = run[start % len(run)]
        start += 1
        lines.append(line)
        length += len(line) + 1
    return lines


def make_long_document(sentences, filler, language, charset, bucket, index):
    """A page `(text, bytes)` of 10 to 200 KB, or None when the charset cannot encode it."""
    rng = random.Random(f"{SEED}/long/{language}/{charset}/{bucket}/{index}")
    pool = [s for s in sentences[language] if encode(s, charset) is not None]
    if not pool:
        return None
    target = rng.randint(10_000, 200_000)
    lines = []
    if bucket == "late":
        lines += filler_block(rng, filler, rng.randint(12_000, 30_000))
    else:
        lines += filler_block(rng, filler, rng.randint(1_000, 3_000))
        fewest = min(pool, key=lambda s: (sum(not c.isascii() for c in s) or 99, len(s)))
        lines.append(fewest)
    while sum(len(line) + 1 for line in lines) < target:
        if bucket == "late":
            start = rng.randrange(len(pool))
            lines.append(" ".join(pool[start : start + rng.randint(2, 6)]))
            lines += filler_block(rng, filler, rng.randint(200, 4_000))
        else:
            lines += filler_block(rng, filler, rng.randint(2_000, 6_000))
            lines.append(pool[rng.randrange(len(pool))])
    text = "\n".join(lines) + "\n"
    data = encode(text, charset)
    return None if data is None else (text, data)


def build_long_set(sentences, filler, root):
    """Writes the long pages under `root`; returns cases as `build_test_set` does."""
    cases = []
    plan = []
    for groups in (GROUPS, LONG_ONLY):
        for group, langs in groups.items():
            for lang, charsets in langs.items():
                plan += [(group, lang, charset) for charset in charsets]
    for group, language, charset in plan:
        for bucket in LONG_BUCKETS:
            for index in range(LONG_DOCS_PER_CASE):
                document = make_long_document(sentences, filler, language, charset, bucket, index)
                if document is not None:
                    key = (group, language, charset, bucket, index)
                    cases.append(write_case(root, key, document))
    return cases


def python_codec(name):
    lowered = name.lower()
    if lowered in PYTHON_CODECS:
        return PYTHON_CODECS[lowered]
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decodes_to(data, charset, text):
    codec = python_codec(charset) if charset else None
    if codec is None:
        return False
    try:
        decoded = data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return False
    return decoded.removeprefix("\ufeff") == text


def run_winnow(binary, root, cases, work):
    config = work / "winnow-score.yaml"
    config.write_text(
        "boilerplate:\n  enabled: false\nlanguage:\n  enabled: false\n"
        "normalize:\n  enabled: false\noutput:\n  keep_empty: true\n"
    )
    output = work / "winnow-out.jsonl"
    start = time.perf_counter()
    result = subprocess.run(
        [
            binary,
            "clean",
            str(root),
            "--jobs",
            "1",
            "--progress",
            "never",
            "--config",
            str(config),
            "--errors",
            "inline",
            "-o",
            str(output),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        sys.exit(f"{binary} clean exited {result.returncode}: {result.stderr.strip()}")
    found = {}
    with open(output, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            found[record["id"]] = record.get("winnow", {}).get("encoding")
    return [found.get(relative) for relative, *_ in cases], elapsed


def run_icu(root, cases, work):
    source = work / "icu_detect.c"
    program = work / "icu_detect"
    source.write_text(ICU_DETECT_C)
    subprocess.run(
        ["gcc", "-O2", "-o", str(program), str(source), "-licui18n", "-licuuc"], check=True
    )
    paths = "".join(str(root / relative) + "\n" for relative, *_ in cases)
    start = time.perf_counter()
    result = subprocess.run([str(program)], input=paths, capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - start
    names = result.stdout.split("\n")[: len(cases)]
    return [None if name == "none" else name for name in names], elapsed


def run_chardet(root, cases, work):
    venv = work / "chardet-venv"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", f"chardet=={CHARDET_VERSION}"], check=True
        )
    program = (
        "import chardet, json, sys, time\n"
        "paths = sys.stdin.read().split('\\n')[:-1]\n"
        "start = time.perf_counter()\n"
        "names = [chardet.detect(open(p, 'rb').read())['encoding'] for p in paths]\n"
        "print(json.dumps({'names': names, 'seconds': time.perf_counter() - start}))\n"
    )
    paths = "".join(str(root / relative) + "\n" for relative, *_ in cases)
    result = subprocess.run(
        [str(python), "-c", program], input=paths, capture_output=True, text=True, check=True
    )
    answer = json.loads(result.stdout)
    return answer["names"], answer["seconds"]


def report(cases, results, per_charset, root, buckets):
    detectors = list(results)
    groups = list(dict.fromkeys(case[1] for case in cases))

    def row(label, selected, note=""):
        cells = []
        for detector in detectors:
            names = results[detector][0]
            right = sum(
                decodes_to((root / cases[i][0]).read_bytes(), names[i], cases[i][4])
                for i in selected
            )
            cells.append(f"{100 * right / max(1, len(selected)):5.1f} %")
        print(f"| {label}{note} | {len(selected)} | " + " | ".join(cells) + " |")
        return cells

    print("| group | docs | " + " | ".join(detectors) + " |")
    print("|---|---|" + "---|" * len(detectors))
    group_scores = collections.defaultdict(list)
    for group in groups:
        selected = [i for i, case in enumerate(cases) if case[1] == group]
        for detector, cell in zip(detectors, row(group, selected)):
            group_scores[detector].append(float(cell.rstrip(" %")))
        if per_charset:
            for charset in dict.fromkeys(case[2] for case in cases if case[1] == group):
                row(f"  {charset}", [i for i in selected if cases[i][2] == charset])
    for bucket in buckets:
        row(f"all {bucket}", [i for i, case in enumerate(cases) if case[3] == bucket])
    row("**overall**", list(range(len(cases))))
    means = [f"{sum(scores) / len(scores):5.1f} %" for scores in group_scores.values()]
    print("| mean over groups | | " + " | ".join(means) + " |")
    speeds = [f"{len(cases) / seconds:,.0f}" for _, seconds in results.values()]
    print("| docs/s | | " + " | ".join(speeds) + " |")


def in_half(relative, half):
    """Whether the document at `relative` belongs to `half` ("tune" or "held-out")."""
    digest = hashlib.sha256(relative.encode("utf-8")).digest()
    return (digest[0] % 2 == 0) == (half == "tune")


def print_confusion(cases, names, root):
    """Winnow's wrong answers counted by true charset -> detected charset, most first."""
    confusion = collections.Counter()
    for i, (relative, _, charset, _, text) in enumerate(cases):
        if not decodes_to((root / relative).read_bytes(), names[i], text):
            confusion[(charset, names[i])] += 1
    print("\n| true | detected | docs |\n|---|---|---|")
    for (charset, detected), count in confusion.most_common():
        print(f"| {charset} | {detected} | {count} |")


def main():
    repo = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("winnow", nargs="?", default=str(repo / ".build/release/winnow"))
    parser.add_argument("--devset", default=str(repo / "../shared/devset/langid"))
    parser.add_argument("--work", help="default: bench/out/score-encoding[-long]")
    parser.add_argument("--set", choices=("short", "long"), default="short")
    parser.add_argument("--per-charset", action="store_true")
    parser.add_argument("--skip-chardet", action="store_true")
    parser.add_argument(
        "--errors",
        action="store_true",
        help="list Winnow's wrong answers (charset, detected, path)",
    )
    parser.add_argument("--confusion", action="store_true", help="true -> detected counts")
    parser.add_argument("--half", choices=("tune", "held-out"), help="score one half only")
    args = parser.parse_args()

    suffix = "-long" if args.set == "long" else ""
    work = Path(args.work or repo / f"bench/out/score-encoding{suffix}").resolve()
    root = work / "docs"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    sentences = read_sentences(args.devset)
    if args.set == "long":
        cases = build_long_set(sentences, read_filler(args.devset), root)
        megabytes = sum((root / case[0]).stat().st_size for case in cases) / 1e6
        print(f"{len(cases)} long pages ({megabytes:.1f} MB) under {root}\n")
    else:
        cases = build_test_set(sentences, root)
        ascii_only = "pure-ASCII documents are left out"
        print(f"{len(cases)} documents ({ascii_only}) under {root}\n")

    if args.half:
        cases = [case for case in cases if in_half(case[0], args.half)]
        print(f"{args.half} half: {len(cases)} documents\n")
    results = {
        "Winnow": run_winnow(args.winnow, root, cases, work),
        "ICU alone": run_icu(root, cases, work),
    }
    if not args.skip_chardet:
        results[f"chardet {CHARDET_VERSION}"] = run_chardet(root, cases, work)
    buckets = LONG_BUCKETS if args.set == "long" else BUCKETS
    report(cases, results, args.per_charset, root, buckets)
    if args.confusion:
        print_confusion(cases, results["Winnow"][0], root)
    if args.errors:
        names = results["Winnow"][0]
        for i, (relative, _, charset, _, text) in enumerate(cases):
            if not decodes_to((root / relative).read_bytes(), names[i], text):
                print(f"{charset}\t{names[i]}\t{relative}\t{text[:60]}")


if __name__ == "__main__":
    main()
