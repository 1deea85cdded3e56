#!/usr/bin/env python3
"""Writes fixtures/encodings/: one raw byte file per encoding, named for it, plus the UTF-8
text each should decode to (`<name>.expected.txt`); and fixtures/normalize/mojibake.jsonl:
sentences whose UTF-8 was misread as windows-1252, Latin-1, MacRoman or cp437, one or two
layers deep, with the text the mojibake repair must give back. Run from the repository root."""

import json
from pathlib import Path

OUT = Path("fixtures/encodings")

CHINESE = "中文网页的正文内容，包括标点符号。\n今天天气很好，我们去公园散步吧。\n" * 3
JAPANESE = "日本語のテキストです。ひらがなとカタカナ、漢字を含みます。\n東京は晴れです。\n" * 3
KOREAN = "한국어 텍스트입니다. 오늘 날씨가 좋습니다.\n서울에서 만나요.\n" * 3
RUSSIAN = "Это русский текст в кодировке для проверки декодера.\nМосква - столица России.\n" * 3
ENGLISH = "The quick brown fox jumps over the lazy dog.\nPlain English text, twice.\n" * 3
FRENCH = "Le café est déjà prêt – «très» bon ! L’été à Noël, naïve façade.\n" * 4


UKRAINIAN = "Київ - столиця України. Їжак і ґанок, Європа та її люди.\n" * 4
LITHUANIAN = "Lietuvos sostinė yra Vilnius. Ąžuolas, ėdžios ir šeštadienio įvykiai.\n" * 4
THAI = "ภาษาไทยเป็นภาษาราชการของประเทศไทย และมีผู้พูดหลายล้านคน\n" * 4
KOREAN_CP949 = "똠방각하 뷁 같은 글자는 확장 완성형에만 있습니다. 한국어 텍스트입니다.\n" * 4
CANTONESE = "我哋今日去咗邊度？佢話唔知嘅，啲人都好攰。\n" * 4
ROMANIAN = (
    "Președintele a spus: „Școala și țara au nevoie de profesori.” " "Prețul crește cu 5 €.\n"
) * 4
# Short documents: a line or two, where ICU's detector has least to go on.
THAI_LINE = "ราคาน้ำมันวันนี้ปรับขึ้นอีกครั้ง\n"
THAI_TWO_LINES = "ภาษาไทยไม่มีการเว้นวรรคระหว่างคำ\nแต่เว้นวรรคระหว่างประโยค\n"
LITHUANIAN_LINE = "Vakar Vilniuje lijo, o šiandien šviečia saulė.\n"
TURKISH_LINE = "Bugün hava çok güzel, değil mi?\n"
JAPANESE_LINE = "一月の東京は寒い。\n"
EXTRA_CHARSETS = [
    ("iso-8859-16", "iso8859_16", ROMANIAN),
    ("windows-874-line", "cp874", THAI_LINE),
    ("tis-620-two-lines", "tis_620", THAI_TWO_LINES),
    ("windows-1257-line", "cp1257", LITHUANIAN_LINE),
    ("windows-1254-line", "cp1254", TURKISH_LINE),
    ("utf-16be-cjk-line", "utf-16-be", JAPANESE_LINE),
    # No space, digit or line feed: not a single NUL byte.
    ("utf-16le-cjk-no-nul", "utf-16-le", "ご利用の環境にあわせて、お選びください。"),
    ("koi8-u", "koi8_u", UKRAINIAN),
    ("iso-8859-13", "iso8859_13", LITHUANIAN),
    ("windows-874", "cp874", THAI),
    ("cp949", "cp949", KOREAN_CP949),
    ("big5-hkscs", "big5hkscs", CANTONESE),
    ("macintosh", "mac_roman", FRENCH),
    ("cp437", "cp437", "Größe über die Straße, café déjà vu. Ärger für Äpfel.\n" * 4),
]


def write(name: str, data: bytes, expected: str | None) -> None:
    (OUT / name).write_bytes(data)
    if expected is not None:
        (OUT / (name.rsplit(".", 1)[0] + ".expected.txt")).write_text(expected, "utf-8")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    write("gbk.txt", CHINESE.encode("gbk"), CHINESE)
    write("shift_jis.txt", JAPANESE.encode("shift_jis"), JAPANESE)
    write("euc-jp.txt", JAPANESE.encode("euc_jp"), JAPANESE)
    write("iso-2022-jp.txt", JAPANESE.encode("iso2022_jp"), JAPANESE)
    write("euc-kr.txt", KOREAN.encode("euc_kr"), KOREAN)
    write(
        "big5.txt",
        "繁體中文的網頁內容，包括標點符號。\n台北今天下雨。\n".encode("big5") * 3,
        "繁體中文的網頁內容，包括標點符號。\n台北今天下雨。\n" * 3,
    )
    write("windows-1251.txt", RUSSIAN.encode("cp1251"), RUSSIAN)
    write("koi8-r.txt", RUSSIAN.encode("koi8_r"), RUSSIAN)
    write("windows-1252.txt", FRENCH.encode("cp1252"), FRENCH)
    write("utf-8-bom.txt", b"\xef\xbb\xbf" + FRENCH.encode("utf-8"), FRENCH)
    write("utf-16le-bom.txt", b"\xff\xfe" + ENGLISH.encode("utf-16-le"), ENGLISH)
    write("utf-16be-bom.txt", b"\xfe\xff" + ENGLISH.encode("utf-16-be"), ENGLISH)
    write("utf-16le.txt", ENGLISH.encode("utf-16-le"), ENGLISH)
    write("utf-16be.txt", ENGLISH.encode("utf-16-be"), ENGLISH)
    write("utf-16le-cjk.txt", CHINESE.encode("utf-16-le"), CHINESE)
    write("utf-16be-cjk.txt", JAPANESE.encode("utf-16-be"), JAPANESE)
    write("utf-32le-bom.txt", b"\xff\xfe\x00\x00" + FRENCH.encode("utf-32-le"), FRENCH)
    write("utf-32be.txt", FRENCH.encode("utf-32-be"), FRENCH)
    # UTF-8 with two lone bytes and a sequence cut off at the end: 1 + 1 + 2 invalid bytes.
    damaged = FRENCH.encode("utf-8") + b"x\xffy\x80z" + "€".encode("utf-8")[:2]
    write("truncated-utf8.bin", damaged, None)
    header = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06"
    write("binary.bin", header + bytes((i * 37) % 256 for i in range(2000)), None)
    write("empty.txt", b"", "")
    # Charsets ICU converts but does not detect: the decoder's re-ranking finds them.
    for name, codec, text in EXTRA_CHARSETS:
        write(name + ".txt", text.encode(codec), text)


MOJIBAKE_SENTENCES = {
    "fr": "L’été à Noël, déjà très «naïve» façade — voilà.",
    "de": "Größe, Übermaß und Ärger über die Straße.",
    "es": "¿Cómo está el niño? ¡Mañana en España!",
    "pt": "A informação não está disponível, irmã.",
    "it": "Perché la città è così bella?",
    "sv": "Räksmörgås på Åland är god.",
    "is": "Þórður fór í ferð með Ðóru.",
    "cs": "Příliš žluťoučký kůň úpěl ďábelské ódy.",
    "pl": "Zażółć gęślą jaźń, złoty.",
    "tr": "Çocuklar ağaçtaki kuşları gördü, ılık rüzgâr.",
    "ru": "Привет, мир! Москва — столица.",
    "uk": "Київ і Дніпро, їжак шукає їжу.",
    "el": "Γεια σου κόσμε, καλημέρα.",
    "he": "שלום עולם, מה שלומך?",
    "zh": "中文网页的正文内容。",
    "ja": "日本語のテキストです。",
    "en": "It’s “quoted” – and €5 … ok™",
}

MOJIBAKE_CHAINS = [
    ["windows-1252"],
    ["windows-1252", "windows-1252"],
    ["latin-1"],
    ["mac_roman"],
    ["mac_roman", "mac_roman"],
    ["cp437"],
]


def misread(text: str, codec: str) -> str:
    """`text`'s UTF-8 read as `codec`; windows-1252's undefined bytes read as the C1
    controls of the same value, as browsers do."""
    data = text.encode("utf-8")
    if codec != "windows-1252":
        return data.decode(codec)
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


def write_mojibake() -> None:
    out = Path("fixtures/normalize")
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for language, sentence in MOJIBAKE_SENTENCES.items():
        for chain in MOJIBAKE_CHAINS:
            broken = sentence
            for codec in chain:
                broken = misread(broken, codec)
            rows.append(
                {"language": language, "chain": chain, "broken": broken, "expected": sentence}
            )
        # Correct and broken text on the same line.
        rows.append(
            {
                "language": language,
                "chain": ["mixed"],
                "broken": sentence + " / " + misread(sentence, "windows-1252"),
                "expected": sentence + " / " + sentence,
            }
        )
    with (out / "mojibake.jsonl").open("w", encoding="utf-8") as file:
        for row in rows:
            file.write(json.dumps(row, ensure_ascii=False) + "\n")


# Languages of fixtures/normalize/clean.tsv in the legacy charsets their pages used: the
# decoder must give the text back (the charset name may be an equivalent one), from three
# copies of the sentence and from one. Known gap, left out: Romanian in ISO-8859-16 with
# only its letters reads the same as ISO-8859-2 with ş and ţ, which wins the tie (Romanian
# pages in a legacy charset were mostly ISO-8859-2 or windows-1250, written with cedillas).
LEGACY_CHARSETS = {
    "fr": "cp1252",
    "de": "cp1252",
    "es": "cp1252",
    "pt": "cp1252",
    "it": "cp1252",
    "nl": "cp1252",
    "sv": "cp1252",
    "da": "cp1252",
    "fi": "cp1252",
    "is": "cp1252",
    "pl": "cp1250",
    "cs": "cp1250",
    "sk": "cp1250",
    "hu": "cp1250",
    "tr": "cp1254",
    "el": "cp1253",
    "ru": "cp1251",
    "uk": "cp1251",
    "bg": "cp1251",
    "sr": "cp1251",
    "he": "cp1255",
    "ar": "cp1256",
    "ja": "shift_jis",
    "zh-Hans": "gb18030",
    "zh-Hant": "big5",
    "ko": "euc_kr",
    "th": "cp874",
}


def write_legacy() -> None:
    rows = []
    for line in Path("fixtures/normalize/clean.tsv").read_text("utf-8").splitlines():
        language, text = line.split("\t", 1)
        codec = LEGACY_CHARSETS.get(language)
        if codec is None:
            continue
        for copies in (3, 1):
            try:
                data = (text + "\n").encode(codec) * copies
            except UnicodeEncodeError:
                continue
            rows.append(
                {
                    "language": language,
                    "charset": codec,
                    "hex": data.hex(),
                    "text": (text + "\n") * copies,
                }
            )
    with (OUT / "legacy.jsonl").open("w", encoding="utf-8") as file:
        for row in rows:
            file.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
    write_mojibake()
    write_legacy()
