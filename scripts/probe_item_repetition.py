#!/usr/bin/env python3
"""Does "this page repeats a block of k lines of the same shapes" tell list pages apart, and
does "this line sits in such a run" help the list types' own line models? (issue 13)

An item is a unit: a name line and its short lines (price, rating, date), repeated with the
same shapes. Each line gets a shape code from its cached line features (size bucket, digits,
sentence end, capitalised, link-like, bullet; no word lists); for each lag k = 1..8 a line
matches when the line k above has its shape. From these, in one pass per lag:

* page features (for the page-type model), over all lines and over the dropped lines: the
  share of lines matching at lag 1 and at the best lag 2..8, that lag, how much of the page
  runs of at least two periods cover (lag 1 apart), the same for runs whose lines change
  shape (a true period, not a column of like lines) and for runs with a line with digits in
  every period (items with a price or date), and the longest run's periods;
* line features (for the forum and items line models): the smallest lag 2..8 the line
  matches, whether it sits in a run at the page's best lag, that run's periods, the line's
  place in the period, the page's best lag and cover, whether it sits in a run with digits in
  every period.

Measured like the page-type model is trained (scripts/train_page_type.py): type
probabilities out of group (wcxb's 5 domain folds, each other learnt source whole; the
closed sources by the model of all learnt pages), counted at call thresholds; and the own
line models' ceiling (wcxb's pages of the true type, each fold's lines by the model trained
on the other folds, the best policy on all of them: an upper bound, as in docs/boilerplate.md
"Per-type line models"), with and without the line features.

    scripts/probe_item_repetition.py      # reads .build/boilerplate-features/, writes nothing
"""

import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_boilerplate as tb  # noqa: E402  (re-runs itself in the venv when needed)
import train_page_type as tp  # noqa: E402

np = tb.np
LAGS = 8
# Size buckets of a line's characters (the features hold log1p of the size).
SIZE_EDGES = np.log1p([10, 25, 60, 150])
CALLS = (0.3, 0.4, 0.5, 0.7)


def shape_codes(lines):
    at = {n: i for i, n in enumerate(lines.names)}
    x = lines.x

    def on(name, bar=0.5):
        return (x[:, at[name]] >= bar).astype(np.int64)

    size = np.digitize(x[:, at["log_size"]], SIZE_EDGES)
    digits = (x[:, at["digit_share"]] > 0).astype(np.int64)
    code = size * 32 + digits * 16 + on("ends_sentence") * 8 + on("capitalized_share") * 4
    return code + on("link_like") * 2 + on("bullet"), digits


def runs(code, page, k):
    """The runs of consecutive lines matching the line k above (same page): for each run,
    its page, first line (the k lines it repeats included) and end."""
    match = np.zeros(len(code), dtype=bool)
    match[k:] = (code[k:] == code[:-k]) & (page[k:] == page[:-k])
    at = np.flatnonzero(match)
    if not len(at):
        return match, np.zeros(0, int), np.zeros(0, int), np.zeros(0, int)
    cut = np.flatnonzero((np.diff(at) != 1) | (np.diff(page[at]) != 0)) + 1
    start, end = np.r_[0, cut], np.r_[cut, len(at)]
    return match, page[at[start]], at[start] - k, at[end - 1] + 1


def page_repetition(code, digits, page, pages):
    """The page features above, over the lines given (one page's lines in order)."""
    count = np.maximum(np.bincount(page, minlength=pages), 1).astype(float)
    change = np.r_[True, (code[1:] != code[:-1]) | (page[1:] != page[:-1])]
    changes, digit_lines = np.r_[0, np.cumsum(change)], np.r_[0, np.cumsum(digits)]
    share = np.zeros((pages, LAGS))
    cover = {kind: np.zeros((pages, LAGS)) for kind in ("any", "changing", "digits")}
    periods = np.zeros((pages, LAGS))
    for k in range(1, LAGS + 1):
        match, run_page, first, end = runs(code, page, k)
        share[:, k - 1] = np.bincount(page, weights=match, minlength=pages) / np.maximum(
            count - k, 1
        )
        span = end - first
        long = span >= 2 * k
        changing = long & (changes[end] - changes[first + 1] > 0)
        with_digits = changing & (digit_lines[end] - digit_lines[first] >= span / k - 0.5)
        for kind, keep in (("any", long), ("changing", changing), ("digits", with_digits)):
            np.add.at(cover[kind][:, k - 1], run_page[keep], span[keep])
        np.maximum.at(periods[:, k - 1], run_page[long], span[long] / k)
    best = share[:, 1:].argmax(1)
    columns = {
        "lag1_share": share[:, 0],
        "best_share": share[:, 1:].max(1),
        "best_lag": best + 2.0,
        "best_gain": share[:, 1:].max(1) - share[:, 0],
        "lag1_cover": cover["any"][:, 0] / count,
        "longest_periods": np.log1p(periods[np.arange(pages), best + 1]),
    }
    for kind in cover:
        columns[f"{kind}_cover"] = cover[kind][:, 1:].max(1) / count
        columns[f"{kind}_cover_sum"] = cover[kind][:, 1:].sum(1) / count
    return columns


def page_features(lines, code, digits, kept):
    pages = len(lines.pages)
    out = {}
    for part, mask in (("all", np.ones(len(code), dtype=bool)), ("dropped", ~kept)):
        got = page_repetition(code[mask], digits[mask], lines.page[mask], pages)
        out.update({f"{part}_{name}": value for name, value in got.items()})
    return list(out), np.stack(list(out.values()), 1).astype(np.float32)


def line_features(lines, code, digits):
    """The line features above, one row per line."""
    page, total = lines.page, len(code)
    pages = len(lines.pages)
    count = np.maximum(np.bincount(page, minlength=pages), 1).astype(float)
    change = np.r_[True, (code[1:] != code[:-1]) | (page[1:] != page[:-1])]
    changes, digit_lines = np.r_[0, np.cumsum(change)], np.r_[0, np.cumsum(digits)]
    smallest = np.zeros(total)
    inside = np.zeros((LAGS - 1, total), dtype=bool)
    periods = np.zeros((LAGS - 1, total))
    phase = np.zeros((LAGS - 1, total))
    in_items = np.zeros(total, dtype=bool)
    cover = np.zeros((pages, LAGS - 1))
    for k in range(2, LAGS + 1):
        match, run_page, first, end = runs(code, page, k)
        smallest[(smallest == 0) & match] = k
        span = end - first
        good = (span >= 2 * k) & (changes[end] - changes[first + 1] > 0)
        items = good & (digit_lines[end] - digit_lines[first] >= span / k - 0.5)
        np.add.at(cover[:, k - 2], run_page[good], span[good])
        if not good.any():
            continue
        # Each line's latest good run to start at or before it (runs start in line order;
        # two runs at one lag share at most the k lines the second repeats).
        started = np.full(total, -1)
        started[first[good]] = np.flatnonzero(good)
        run = np.maximum.accumulate(started)
        here = (run >= 0) & (np.arange(total) < end[np.maximum(run, 0)])
        inside[k - 2] = here
        periods[k - 2, here] = np.log1p(span[run[here]] / k)
        phase[k - 2, here] = ((np.flatnonzero(here) - first[run[here]]) % k) / k
        item_mark = np.zeros(total + 1, dtype=np.int64)
        np.add.at(item_mark, first[items], 1)
        np.add.at(item_mark, end[items], -1)
        in_items |= np.cumsum(item_mark[:-1]) > 0
    best = cover.argmax(1)[page]
    line = np.arange(total)
    return np.stack(
        [
            smallest / LAGS,
            inside[best, line],
            periods[best, line],
            phase[best, line],
            (best + 2) / LAGS,
            (cover.max(1) / count)[page],
            in_items,
        ],
        1,
    ).astype(np.float32)


def main():
    lines, rendering = tp.load_lines(tb.DEFAULT_DEVSET)
    pages = lines.pages
    source = np.array([p[1] for p in pages])
    coarse = np.array([tp.COARSE.get(p[2], "prose") for p in pages])
    group, wcxb_fold, learnt = tp.held_out_groups(tb.DEFAULT_DEVSET, pages, source)
    kept = np.isin(lines.group, tp.KEPT_GROUPS)
    code, digits = shape_codes(lines)
    base_names, base = tp.page_features(lines)
    names, repetition = page_features(lines, code, digits, kept)
    wcxb, prose = source == "wcxb", coarse == "prose"
    print(f"{len(pages)} pages; {len(names)} repetition features; means on wcxb by type:")
    for j, name in enumerate(names):
        means = " ".join(
            f"{t} {repetition[wcxb & (coarse == t), j].mean():.3f}"
            for t in ("prose", "forum", "items")
        )
        print(f"  {name:<26} {means}  other sources {repetition[~wcxb, j].mean():.3f}")

    def out_of_group(x):
        prob = {t: np.full(len(pages), np.nan) for t in ("forum", "items")}
        gain = {t: np.zeros(x.shape[1]) for t in prob}
        held = [(g, np.flatnonzero(learnt & (group != g)), group == g) for g in set(group[learnt])]
        for _, train, test in held + [("closed", np.flatnonzero(learnt), ~learnt)]:
            for t in prob:
                model = tp.fit(x[train], (coarse[train] == t).astype(int))
                prob[t][test] = model.predict(x[test])
                gain[t] += model.feature_importance("gain")
        return prob, gain

    print(
        "type calls out of group: wcxb pages of the type called / prose pages called (wcxb + other sources)"
    )
    for label, x in (("shipped features", base), ("+ repetition", np.hstack([base, repetition]))):
        prob, gain = out_of_group(x)
        for t in prob:
            pos = wcxb & (coarse == t)
            cells = [
                f"@{at}: {np.sum(prob[t][pos] >= at)}/{pos.sum()}, "
                f"{np.sum(prob[t][wcxb & prose] >= at)}+{np.sum(prob[t][~wcxb & prose] >= at)}"
                for at in CALLS
            ]
            share = gain[t][len(base_names) :].sum() / gain[t].sum()
            print(
                f"  {label:<17} {t:<6} "
                + " | ".join(cells)
                + f"  (repetition's gain share {share:.3f})"
            )
            wrong = collections.Counter(map(str, source[~wcxb & prose & (prob[t] >= CALLS[0])]))
            print(f"    other sources' pages called {t} @{CALLS[0]}: {sorted(wrong.items())}")

    # The own line models' ceiling: typed perfectly, the best policy over all pages of the type.
    line_fold, line_coarse = wcxb_fold[lines.page], coarse[lines.page]
    fixed = np.isin(lines.group, tb.FIXED_GROUPS)
    shown_fixed = np.isin(lines.group, tb.SHOWN_FIXED)
    with_lines = np.hstack([lines.x, line_features(lines, code, digits)])
    print("own line models, typed perfectly (wcxb, both renderings), best policy:")
    for t in ("items", "forum"):
        ids = np.flatnonzero(wcxb & (coarse == t))
        at = np.isin(lines.page, ids)
        view = tb.Lines(None, None, lines.y[at], lines.size[at], None, lines.page[at], pages)
        for label, x in (("shipped features", lines.x), ("+ repetition", with_lines)):
            q = np.zeros(len(lines.y))
            for fold in range(tp.FOLDS):
                train = (line_coarse == t) & (line_fold >= 0) & (line_fold != fold) & ~fixed
                test = (line_coarse == t) & (line_fold == fold)
                model = tb.fit(
                    x[train], lines.y[train], tb.page_weights(lines, train), tb.ROUNDS_FIRST
                )
                q[test] = model.predict(x[test])
            best = {}
            for groups in tp.KEEP_GROUPS:
                back = np.isin(lines.group[at], groups)
                for above in tp.OWN_KEEP_ABOVE:
                    for below in tp.OWN_DROP_BELOW:
                        shown = np.where(kept[at], q[at] >= below, back & (q[at] > above))
                        shown = np.where(fixed[at], shown_fixed[at], shown)
                        f = tb.page_f1(view, shown, np.ones(len(shown), dtype=bool))[ids]
                        if f.mean() > best.get(groups[-1], (0,))[0]:
                            best[groups[-1]] = (
                                f.mean(),
                                f[rendering[ids] == 0].mean(),
                                f[rendering[ids] == 1].mean(),
                            )
            cells = [
                f"up to {g}: {v[0]:.4f} (block {v[1]:.4f}, naive {v[2]:.4f})"
                for g, v in best.items()
            ]
            print(f"  {t:<6} {label:<17} " + "; ".join(cells), flush=True)


if __name__ == "__main__":
    main()
