#!/usr/bin/env python3
"""Is a page a Q&A thread whose answers are text and whose comments are not? (issue 13,
`context.question-answers`)

Runs a winnow binary over every dev page, out of source as scripts/score_boilerplate.py does
(each source's lines by its LOSO line model, each page typed by the fold that never saw it),
both renderings, and mirrors the rule over the `--explain` records (tokens as the scorer counts
them): the page's recurring comment box (the commonest line `builtin.comment-widget` dropped,
numbers folded, a line of POST tokens between two occurrences) cuts it into posts; the page is
a Q&A thread when it has two boxes or more and at least one answer in SHARE opens with its
score (a line of one or two tokens with digits among the REACH lines after a box); the action
row is the short lines (<= CHROME tokens, numbers folded, not numbers alone) that two thirds
of the posts and two or more repeat; in each answer the longest stretch before or between its
action-row lines comes back (drops of the zone, the content score and the models of RESTORE
tokens or more), and in each post the lines after its last action-row line go.

Prints the pages it changes and, per group (wcxb's pages by their page-type fold, 5 folds by
domain; every other source whole) and rendering, the summed page-F1 change (labelled tokens)
for each setting of the grid; then the setting chosen with each group left out: the largest
forum gain over the other groups while no other (group, rendering) loses more than 0.002 per
page, and what the left-out group gets from it.

    scripts/probe_question_answers.py --winnow BIN --line-models L --page-type-models P
"""

import collections
import itertools
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import probe_list_types as pl  # noqa: E402
import probe_thread_zones as pz  # noqa: E402
import score_boilerplate as sb  # noqa: E402

CHROME, POST = 5, 8
REACH, SHARE, RESTORE = 3, 3, 3
GRID_REACH = (1, 2, 3, 4, 6)
GRID_SHARE = (1, 2, 3, 5, 10**9)
GRID_RESTORE = (3, 5, 10)
RESTORABLE = ("context.zone", "builtin.content-score", "model.line-classifier")
BAR = -0.002


def key(text):
    return " ".join("0" if re.search(r"\d", t) else t for t in sb.tokens(text))


def is_score(text):
    toks = sb.tokens(text)
    return 1 <= len(toks) <= 2 and all(re.search(r"\d", t) for t in toks)


def is_chrome(text, size):
    return 0 < size <= CHROME and not is_score_only(text)


def is_score_only(text):
    return all(re.search(r"\d", t) for t in sb.tokens(text))


def restorable(rule):
    return rule in RESTORABLE or (rule or "").startswith("model.page-type.")


def comment_boxes(rows):
    by = collections.defaultdict(list)
    for i, r in enumerate(rows):
        if r[3] == "builtin.comment-widget":
            by[key(r[0])].append(i)
    commonest = max(by.values(), key=len, default=[])
    boxes = []
    for i in commonest:
        if not boxes or any(rows[j][1] >= POST for j in range(boxes[-1] + 1, i)):
            boxes.append(i)
    return boxes


def mirror(rows, reach=REACH, share=SHARE, restore=RESTORE):
    """The lines shown after the rule, or None when the page is no Q&A thread."""
    boxes = comment_boxes(rows)
    if len(boxes) < 2:
        return None
    scored = sum(any(is_score(r[0]) for r in rows[b + 1 : b + 1 + reach]) for b in boxes[:-1])
    if scored == 0 or scored * share < len(boxes) - 1:
        return None
    posts = [(0 if n == 0 else boxes[n - 1] + 1, b) for n, b in enumerate(boxes)]
    present = collections.Counter()
    for a, b in posts:
        present.update({key(rows[j][0]) for j in range(a, b) if is_chrome(rows[j][0], rows[j][1])})
    needed = max(2, -(-2 * len(posts) // 3))
    row = {k for k, v in present.items() if v >= needed}
    shown = [r[3] is None for r in rows]
    for n, (a, b) in enumerate(posts):
        marks = [
            j for j in range(a, b) if is_chrome(rows[j][0], rows[j][1]) and key(rows[j][0]) in row
        ]
        if not marks:
            continue
        if n > 0:
            stretches = [(a, marks[0])] + [
                (marks[m] + 1, marks[m + 1]) for m in range(len(marks) - 1)
            ]
            body = max(stretches, key=lambda s: sum(rows[j][1] for j in range(*s)))
            for j in range(*body):
                if not shown[j] and rows[j][1] >= restore and restorable(rows[j][3]):
                    shown[j] = True
        for j in range(marks[-1] + 1, b):
            shown[j] = False
    return shown


def main():
    args, manifest = sb.probe_arguments(__doc__)
    group_of = pz.fold_groups(args.page_type_models)
    pages = collections.Counter(group_of(m) for m in manifest)
    grid = list(itertools.product(GRID_REACH, GRID_SHARE, GRID_RESTORE))
    # (setting, group, rendering) -> summed page-F1 change; and the forum pages' part of it.
    change = collections.Counter()
    forum = collections.Counter()
    for rendering, m, record in sb.out_of_source_records(
        args.winnow, args.devset, manifest, args.line_models, args.page_type_models
    ):
        rows = pz.rows_of(args.devset, rendering, m["id"], record)
        if len(comment_boxes(rows)) < 2:
            continue
        four = [r[:4] for r in rows]
        before = pl.f1(four, [r[3] is None for r in rows])
        for setting in grid:
            shown = mirror(rows, *setting)
            if shown is None:
                continue
            delta = pl.f1(four, shown) - before
            change[(setting, group_of(m), rendering)] += delta
            if sb.page_type(m) == "forum":
                forum[(setting, group_of(m))] += delta
            if setting == (REACH, SHARE, RESTORE) and abs(delta) > 0.005:
                print(f"  {rendering:<5} {m['id']:<40} {sb.page_type(m):<9} {delta:+.3f}")
    groups = sorted(pages)

    def choose(train):
        best = None
        for setting in grid:
            worst = min(
                (change[(setting, g, r)] / pages[g] for g in train for r in ("block", "naive")),
                default=0.0,
            )
            gain = sum(forum[(setting, g)] for g in train)
            if worst >= BAR and (best is None or gain > best[0] + 1e-9):
                best = (gain, setting)
        return best[1]

    print("== in sample: setting (reach, share, restore), forum pages' summed change, worst group")
    for setting in grid:
        worst = min(
            ((change[(setting, g, r)] / pages[g], g, r) for g in groups for r in ("block", "naive"))
        )
        gain = sum(forum[(setting, g)] for g in groups)
        print(f"  {setting}  forum {gain:+6.2f}  worst {worst[0]:+.4f} ({worst[1]} {worst[2]})")
    print("== left out: the setting chosen on the other groups; the left-out group's change")
    for held in groups:
        setting = choose([g for g in groups if g != held])
        block, naive = (change[(setting, held, r)] / pages[held] for r in ("block", "naive"))
        print(
            f"  {held:<13} {setting}  per page {block:+.4f} / {naive:+.4f}"
            f"  forum pages {forum[(setting, held)]:+.2f}"
        )


if __name__ == "__main__":
    main()
