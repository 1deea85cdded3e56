#!/usr/bin/env python3
"""The page-type probabilities of a held-out group's pages, from the type models trained
without it (as train_page_type.py trains each fold), on a given feature cache.

Why: a retrain on new features moved dragnet's blog posts with comment threads across the
forum call; this tells whether their probabilities moved (the features) or the call did
(the policy grid). Run it on two caches (e.g. .build/boilerplate-features-s18 and
.build/boilerplate-features) and compare (docs/boilerplate.md, s21).

    scripts/probe_held_out_types.py --cache DIR --group dragnet [--min 0.4]
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_page_type as tp  # noqa: E402  (re-runs itself in the venv when needed)

tb, np = tp.tb, tp.np


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devset", default=tb.DEFAULT_DEVSET)
    parser.add_argument("--cache", required=True, help="a folder of train_boilerplate.py's")
    parser.add_argument("--group", required=True, help="a source, or wcxb/FOLD")
    parser.add_argument("--min", type=float, default=0.4, help="print pages from this forum p")
    args = parser.parse_args()
    tb.CACHE = args.cache
    lines, rendering = tp.load_lines(args.devset)
    pages = lines.pages
    source = np.array([p[1] for p in pages])
    coarse = np.array([tp.COARSE.get(p[2], "prose") for p in pages])
    _, features = tp.page_features(lines)
    group, _, learnt = tp.held_out_groups(args.devset, pages, source)
    train = np.flatnonzero(learnt & (group != args.group))
    test = np.flatnonzero(group == args.group)
    prob = {
        t: tp.fit(features[train], (coarse == t).astype(int)[train]).predict(features[test])
        for t in ("forum", "items")
    }
    for name, r in zip(tb.RENDERINGS, range(len(tb.RENDERINGS))):
        at = rendering[test] == r
        for call in tp.CALL_AT:
            print(f"{name:<6} forum >= {call}: {int(np.sum(prob['forum'][at] >= call))} pages")
        for k in np.flatnonzero(at & (prob["forum"] >= args.min)):
            i = test[k]
            print(f"  {pages[i][0]:<36} forum {prob['forum'][k]:.3f}  items {prob['items'][k]:.3f}")


if __name__ == "__main__":
    main()
