#!/usr/bin/env python3
"""Opens `winnow explain --html` and `winnow report` in a real browser and checks what it built.

For each of the five seed pages (fixtures/seeds), the Arabic and the Chinese page
(fixtures/html) and a page full of markup (`<script>`, `</td>`) written here, the script

- writes `winnow explain --html PAGE` and the page's record (`winnow clean --explain`),
- renders the view in headless Chromium (`--dump-dom`, console messages logged to stderr),
- checks the DOM Chromium built: one legend chip per removed kind with the record's
  `winnow.removed` count, one struck-through row per `winnow.removed_lines` entry with its
  line number and kind, one kept row per kept line, `dir="auto"` on every text cell, the
  title/byline/date as in the record, no <script>, <img>, <link> or <a> leaving the file,
  and no console message at all (a CSP violation, a script error, a failed load).

Then it cleans all these pages in one run (plus an empty page and a binary file, so that the
output has a drop and an error line: `--drops inline --errors inline`), writes
`winnow report`, and checks its DOM the same way: totals, the bars of the kind and rule
charts against the records, the sample's pages and their removed lines, no console message.

With --screenshots it also writes docs/explain-view.png (seed 002) and docs/report-view.png
(1200x900). Chromium comes from Debian's `chromium` package, installed with apt-get when
missing, with a small CJK font (`fonts-wqy-microhei`) so that Chinese shows in screenshots.
Only the standard library is needed.

    swift build -c release --product winnow
    scripts/check_html_views.py                  # checks; exit status 1 on any failure
    scripts/check_html_views.py --screenshots    # and the two PNGs in docs/
"""

import argparse
import collections
import glob
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARKUP_PAGE = (
    "Menu </td></tr></table> <script>alert('x')</script>\n\n"
    "This article explains why <b>bold</b> tags & entities like &lt; must stay text when a "
    "page is shown, and why a stray </td> cannot end a table cell early.\n\n"
    '<img src="http://example.com/x.png"> <a href="http://example.com">link</a>\n'
)


def ensure_chromium():
    """Installs Debian's chromium (and a CJK font) when it is missing; returns its path."""
    if shutil.which("chromium") is None:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.check_call(["apt-get", "update", "-qq"], env=env)
        subprocess.check_call(
            ["apt-get", "install", "-y", "-qq", "chromium", "fonts-wqy-microhei"], env=env
        )
    return shutil.which("chromium")


class Chromium:
    def __init__(self, path, scratch):
        self.path = path
        # A profile of its own per run: no state from an earlier run, nothing left behind.
        self.profile = os.path.join(scratch, "profile")

    def _run(self, url, extra):
        command = (
            [
                self.path,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--no-first-run",
                f"--user-data-dir={self.profile}",
                "--enable-logging=stderr",
                "--v=0",
            ]
            + extra
            + [url]
        )
        return subprocess.run(command, capture_output=True, text=True, timeout=120)

    def dom(self, path):
        """The DOM Chromium built from the file, and the console messages it logged."""
        result = self._run("file://" + path, ["--dump-dom"])
        if result.returncode != 0:
            raise RuntimeError(f"chromium failed on {path}: {result.stderr[-2000:]}")
        console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
        return result.stdout, console

    def screenshot(self, path, png):
        result = self._run("file://" + path, ["--window-size=1200,900", f"--screenshot={png}"])
        if result.returncode != 0 or not os.path.exists(png):
            raise RuntimeError(f"no screenshot of {path}: {result.stderr[-2000:]}")


class Element:
    def __init__(self, tag, attributes, parent):
        self.tag = tag
        self.attributes = dict(attributes)
        self.parent = parent
        self.children = []
        self.text = []

    def all_text(self):
        return "".join(self.text) + "".join(child.all_text() for child in self.children)

    def classes(self):
        return self.attributes.get("class", "").split()

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def find_all(self, predicate):
        return [element for element in self.walk() if predicate(element)]


class TreeBuilder(html.parser.HTMLParser):
    """A small tree of the serialized DOM (Chromium's own serialization is well formed)."""

    VOID = {"meta", "input", "br", "img", "link", "hr", "rect", "line"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", [], None)
        self.current = self.root

    def handle_starttag(self, tag, attributes):
        element = Element(tag, attributes, self.current)
        self.current.children.append(element)
        if tag not in self.VOID:
            self.current = element

    def handle_startendtag(self, tag, attributes):
        self.current.children.append(Element(tag, attributes, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.text.append(data)


def parse(dom):
    builder = TreeBuilder()
    builder.feed(dom)
    return builder.root


class Checks:
    def __init__(self):
        self.failures = []
        self.passed = 0

    def expect(self, condition, message):
        if condition:
            self.passed += 1
        else:
            self.failures.append(message)
            print("FAIL:", message)


def run(command, **options):
    # From the repository, so that views name the fixtures by their relative paths.
    return subprocess.run(command, check=True, capture_output=True, cwd=REPO, **options)


def common_checks(checks, name, root, console):
    checks.expect(not console, f"{name}: console messages: {console[:3]}")
    for tag in ("script", "img", "link", "iframe", "object"):
        checks.expect(not root.find_all(lambda e: e.tag == tag), f"{name}: has <{tag}>")
    leaving = [
        e.attributes.get("href") or e.attributes.get("src")
        for e in root.find_all(lambda e: "href" in e.attributes or "src" in e.attributes)
        if not (e.attributes.get("href") or e.attributes.get("src") or "").startswith("#")
    ]
    checks.expect(not leaving, f"{name}: references leaving the file: {leaving[:3]}")


def check_explain(checks, name, root, console, record):
    common_checks(checks, name, root, console)
    winnow = record["winnow"]
    chips = root.find_all(
        lambda e: e.tag == "li" and "data-kind" in e.attributes and "chip" in e.classes()
    )
    legend = {chip.attributes["data-kind"]: int(chip.attributes["data-count"]) for chip in chips}
    shown = {
        chip.attributes["data-kind"]: int(
            chip.find_all(lambda e: "count" in e.classes())[0].all_text()
        )
        for chip in chips
    }
    checks.expect(
        legend == winnow["removed"],
        f"{name}: legend {legend} != record's removed {winnow['removed']}",
    )
    checks.expect(shown == legend, f"{name}: legend text {shown} != its data-count {legend}")
    rows = root.find_all(lambda e: e.tag == "tr" and "data-verdict" in e.attributes)
    dropped = [row for row in rows if row.attributes["data-verdict"] == "drop"]
    removed_lines = winnow.get("removed_lines", [])
    checks.expect(
        [(row.attributes["id"], row.attributes.get("data-kind")) for row in dropped]
        == [(f"L{line['line']}", line["kind"]) for line in removed_lines],
        f"{name}: {len(dropped)} dropped rows for {len(removed_lines)} removed lines",
    )
    for row, line in zip(dropped, removed_lines):
        cell = row.find_all(lambda e: e.tag == "td" and "text" in e.classes())[0]
        repair = cell.find_all(lambda e: "repair" in e.classes())
        text = "".join(cell.text) if repair else cell.all_text()
        checks.expect(text == line["text"], f"{name}: row {line['line']} shows {text!r}")
    kept = [row for row in rows if row.attributes["data-verdict"] == "keep"]
    checks.expect(
        len(kept) == winnow["lines_kept"],
        f"{name}: {len(kept)} kept rows, record keeps {winnow['lines_kept']}",
    )
    cells = root.find_all(lambda e: e.tag == "td" and "text" in e.classes())
    checks.expect(
        all(cell.attributes.get("dir") == "auto" for cell in cells),
        f"{name}: a text cell without dir=auto",
    )
    meta = {
        e.attributes["data-meta"]: e.all_text()
        for e in root.find_all(lambda e: "data-meta" in e.attributes)
    }
    expected = {key: record[key] for key in ("title", "byline", "date") if key in record}
    checks.expect(meta == expected, f"{name}: meta {meta} != record {expected}")


def bars(root, chart):
    svg = root.find_all(lambda e: e.tag == "svg" and e.attributes.get("data-chart") == chart)
    if not svg:
        return {}
    counts = collections.Counter()
    for bar in svg[0].find_all(lambda e: e.tag == "g" and "data-label" in e.attributes):
        counts[bar.attributes["data-label"]] += int(bar.attributes["data-value"])
    return dict(counts)


def check_report(checks, root, console, lines, sample):
    name = "report"
    common_checks(checks, name, root, console)
    records = [line for line in lines if "winnow" in line]
    facts = {
        e.attributes["data-fact"]: e.find_all(lambda d: d.tag == "dd")[0].all_text()
        for e in root.find_all(lambda e: "data-fact" in e.attributes)
    }
    expected = {
        "documents": str(len(lines)),
        "records": str(len(records)),
        "dropped": str(sum(1 for line in lines if "dropped" in line)),
        "failed": str(sum(1 for line in lines if "error" in line)),
    }
    checks.expect(
        all(facts.get(key) == value for key, value in expected.items()),
        f"{name}: facts {facts} != {expected}",
    )
    by_kind = collections.Counter()
    by_rule = collections.Counter()
    for record in records:
        by_kind.update(record["winnow"]["removed"])
        by_rule.update(line["rule"] for line in record["winnow"].get("removed_lines", []))
    checks.expect(bars(root, "kinds") == dict(by_kind), f"{name}: kind bars {bars(root, 'kinds')}")
    checks.expect(bars(root, "rules") == dict(by_rule), f"{name}: rule bars {bars(root, 'rules')}")
    languages = collections.Counter(record["language"] for record in records)
    checks.expect(bars(root, "languages") == dict(languages), f"{name}: language bars")
    pages = root.find_all(lambda e: e.tag == "details" and "page" in e.classes())
    checks.expect(len(pages) == min(sample, len(records)), f"{name}: {len(pages)} sampled pages")
    by_id = {record["id"]: record for record in records}
    for page in pages:
        page_id = page.find_all(lambda e: "id" in e.classes())[0].all_text()
        record = by_id.get(page_id)
        checks.expect(record is not None, f"{name}: sampled page {page_id!r} is no record")
        if record is None:
            continue
        rows = page.find_all(lambda e: e.tag == "tr" and e.attributes.get("data-verdict") == "drop")
        texts = [row.find_all(lambda e: "text" in e.classes())[0].all_text() for row in rows]
        checks.expect(
            texts == [line["text"] for line in record["winnow"]["removed_lines"]],
            f"{name}: page {page_id}: removed lines differ",
        )
    links = [e.attributes["href"] for e in root.find_all(lambda e: e.tag == "a")]
    checks.expect(
        links == [f"#{page.attributes['id']}" for page in pages], f"{name}: index links {links}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--winnow", default=os.path.join(REPO, ".build/release/winnow"))
    parser.add_argument(
        "--screenshots",
        action="store_true",
        help="write docs/explain-view.png and docs/report-view.png",
    )
    parser.add_argument("--sample", type=int, default=20)
    arguments = parser.parse_args()
    if not os.access(arguments.winnow, os.X_OK):
        sys.exit(f"no winnow binary at {arguments.winnow}: swift build -c release --product winnow")
    chromium_path = ensure_chromium()
    checks = Checks()
    with tempfile.TemporaryDirectory(prefix="winnow-html-") as scratch:
        browser = Chromium(chromium_path, scratch)
        inputs = os.path.join(scratch, "in")
        os.makedirs(inputs)
        pages = sorted(glob.glob("fixtures/seeds/*.txt", root_dir=REPO))
        pages += ["fixtures/html/arabic.txt", "fixtures/html/chinese.txt"]
        markup = os.path.join(inputs, "markup.txt")
        with open(markup, "w", encoding="utf-8") as file:
            file.write(MARKUP_PAGE)
        for page in pages:
            shutil.copy(os.path.join(REPO, page), inputs)
        pages.append(markup)
        for page in pages:
            name = os.path.basename(page)
            view = os.path.join(scratch, name + ".html")
            with open(view, "wb") as file:
                file.write(run([arguments.winnow, "explain", "--html", page]).stdout)
            record = json.loads(
                run([arguments.winnow, "clean", page, "--explain", "--progress", "never"]).stdout
            )
            dom, console = browser.dom(view)
            check_explain(checks, name, parse(dom), console, record)
            print(
                f"explain {name}: {len(record['winnow'].get('removed_lines', []))} dropped lines,"
                f" {record['winnow']['lines_kept']} kept, console messages: {len(console)}"
            )
            if arguments.screenshots and name.startswith("002_"):
                browser.screenshot(view, os.path.join(REPO, "docs/explain-view.png"))
        with open(os.path.join(inputs, "empty.txt"), "w") as file:
            file.write("  \n")
        with open(os.path.join(inputs, "binary.txt"), "wb") as file:
            file.write(bytes([0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0]))
        output = os.path.join(scratch, "out.jsonl")
        run(
            [
                arguments.winnow,
                "clean",
                inputs,
                "--explain",
                "--drops",
                "inline",
                "--errors",
                "inline",
                "-o",
                output,
                "--progress",
                "never",
            ]
        )
        with open(output, encoding="utf-8") as file:
            lines = [json.loads(line) for line in file if line.strip()]
        report = os.path.join(scratch, "report.html")
        # Run in the scratch folder, so that the report names its input `out.jsonl`.
        subprocess.run(
            [
                arguments.winnow,
                "report",
                "out.jsonl",
                "--sample",
                str(arguments.sample),
                "-o",
                report,
            ],
            check=True,
            capture_output=True,
            cwd=scratch,
        )
        dom, console = browser.dom(report)
        check_report(checks, parse(dom), console, lines, arguments.sample)
        print(f"report: {len(lines)} output lines, console messages: {len(console)}")
        if arguments.screenshots:
            browser.screenshot(report, os.path.join(REPO, "docs/report-view.png"))
    print(f"{checks.passed} checks passed, {len(checks.failures)} failed")
    sys.exit(1 if checks.failures else 0)


if __name__ == "__main__":
    main()
