#!/usr/bin/env python3
"""Trains the boilerplate stage's page-type model and chooses its per-type keep policy.

A page's type is read from the shape of the whole page, the lines the rules dropped
included: the mean of each line-decider feature (`LineFeatures`, as WinnowFeatures prints
them) over all of the page's non-blank lines, over the lines the rules and the context pass
dropped and over those they kept, plus how alike neighbouring lines are in size (item runs).
Nothing is a word list: the features are counts and shares, in any language.

Types: `prose` (news, article, service, documentation), `forum`, `items` (listing,
collection, product). Two small tree ensembles (forum vs the rest, items vs the rest) learn
from wcxb's typed pages (CC BY 4.0; the only source with page types; both renderings).

Each type may also get its own line model (the line decider's features, trained on wcxb's
pages of that type, both renderings): on a page called that type its probabilities replace
the line decider's. Whether a type uses it, and with which policy, is chosen with the rest
of the policy (below); the model's probabilities used for that choice never come from a
model that saw the held-out group or the page's own wcxb fold.

A type in SURE_TYPES may also get a surer tier: a higher call threshold with a policy of its
own (a forum's posts in comment zones come back only on pages surely called forum), chosen
after the first by the same rule.

Validation: wcxb's pages are split into folds by the domain of their `url` (a site never
sits on both sides). For each held-out fold the models are trained on the other folds, and
each type's policy (which dropped lines the line decider may bring back on a page of that
type, and above which probability) is chosen on the other folds' pages by their simulated
page F1, the line probabilities coming from the line decider trained without wcxb
(`--loso-dir`, as train_boilerplate.py writes it). The nine other sources (all news and
articles) are typed by the model trained on all of wcxb and decided with their own held-out
line models: they check that prose pages are not taken for items or forums.

    scripts/train_page_type.py --loso-dir .build/loso-models   # folds, report, write model

Writes config/boilerplate_page_type.txt (compiled in: rebuild after). Reads the features
cached by train_boilerplate.py in .build/boilerplate-features/.
"""

import argparse
import collections
import hashlib
import json
import os
import subprocess
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_boilerplate as tb  # noqa: E402  (re-runs itself in the venv when needed)
from thread_chrome import chrome_key  # noqa: E402

lgb, np = tb.lgb, tb.np

MODEL = os.path.join(tb.REPO, "config", "boilerplate_page_type.txt")
COARSE = {"listing": "items", "collection": "items", "product": "items", "forum": "forum"}
KEPT_GROUPS = ("content", "heading")
# What the decider may do on a page of a type: bring back dropped lines of these groups
# whose probability of text is above `keep_above` (the prose policy stays the line file's).
KEEP_GROUPS = (
    ("scoreDrop",),
    ("scoreDrop", "zoneDrop"),
    ("scoreDrop", "zoneDrop", "contextDrop"),
    ("scoreDrop", "zoneDrop", "contextDrop", "ruleDrop"),
)
KEEP_ABOVE = [0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6]
DROP_BELOW = [0.0, 0.1, 0.2]
# A page is called a type when that model's probability reaches this (chosen on folds).
CALL_AT = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
# A type may have a second, surer tier: from a higher probability, a policy that reaches
# further (a forum's posts sit in comment zones); a false call there costs more, so it is
# chosen only where it is called surely. Only forum: the items' surer tier (rule drops
# back on sure listings) lost a news source and product pages out of fold (docs/boilerplate.md).
SURE_AT = [0.6, 0.7, 0.8, 0.85, 0.9, 0.95]
SURE_TYPES = ("forum",)
# The most a training source may lose (simulated mean page F1) to the chosen policy.
TOLERANCE = 0.002
FOLDS = 5
PARAMS = dict(
    objective="binary",
    learning_rate=0.1,
    num_leaves=8,
    max_depth=3,
    min_data_in_leaf=20,
    feature_fraction=0.7,
    bagging_fraction=0.8,
    bagging_freq=1,
    lambda_l2=1.0,
    num_threads=1,
    verbose=-1,
    seed=0,
)
ROUNDS = 60
# A type's own line model (trained on wcxb's pages of that type, both renderings) may
# replace the line decider's probabilities on the pages called that type; its policies
# reach further, since it was trained for the short item and post lines.
OWN_KEEP_ABOVE = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]
OWN_DROP_BELOW = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5]


def extra(names, x):
    """The per-line extras averaged with the features: size differences to the lines one
    and two before (items repeat a size; prose and menus vary)."""
    at = {n: i for i, n in enumerate(names)}
    size = x[:, at["log_size"]]
    return np.stack(
        [
            np.abs(size - x[:, at["previous_log_size"]]),
            np.abs(size - x[:, at["previous2_log_size"]]),
        ],
        axis=1,
    )


EXTRA_NAMES = ["size_step1", "size_step2"]


def page_features(lines):
    """One row per page: means over all, dropped and kept lines of the line features and
    extras, and the share of lines kept (as PageTypeFeatures.swift computes them: over the
    lines the stage judges, so a run of fragments `FragmentRuns` joined counts once, not
    once per fragment as its rows repeat it)."""
    names = list(lines.names)
    x = np.hstack([lines.x, extra(names, lines.x)]).astype(np.float64)
    kept = np.isin(lines.group, KEPT_GROUPS)
    judged = tb.run_starts(lines)
    n = len(lines.pages)
    out = []
    counts = []
    for mask in (judged, judged & ~kept, judged & kept):
        count = np.bincount(lines.page[mask], minlength=n).astype(np.float64)
        sums = np.zeros((n, x.shape[1]))
        np.add.at(sums, lines.page[mask], x[mask])
        out.append(sums / np.maximum(count, 1)[:, None])
        counts.append(count)
    share = counts[2] / np.maximum(counts[0], 1)
    rows = np.hstack(out + [share[:, None]]).astype(np.float32)
    all_names = [
        f"{part}_{name}" for part in ("all", "dropped", "kept") for name in names + EXTRA_NAMES
    ]
    return all_names + ["kept_line_share"], rows


def comment_zones(lines, numbers):
    """Yields, for each page with a comment zone (from its first row a zone rule dropped as a
    comment widget), the page, its page lines' `chrome_key`s (from each row's text by its
    line number) and the zone's first line among them."""
    at = {n: i for i, n in enumerate(lines.names)}
    comment = (lines.group == "zoneDrop") & (lines.x[:, at["kind_comment-widget"]] == 1)
    bounds = np.flatnonzero(np.diff(np.r_[-1, lines.page, len(lines.pages)]))
    for a, b in zip(bounds[:-1], bounds[1:]):
        zone = np.flatnonzero(comment[a:b])
        if len(zone):
            page = lines.page[a]
            text = tb.read(lines.pages[page][3]).split("\n")
            yield page, [chrome_key(text[n - 1]) for n in numbers[a:b]], zone[0]


def row_numbers(tool, devset):
    """Each cached row's line number in its page (both renderings, as `load_lines` joins
    them), as WinnowFeatures prints them; cached beside the features."""
    numbers = []
    for rendering in tb.RENDERINGS:
        path = os.path.join(tb.CACHE, f"rows-{rendering}.npy")
        if not os.path.exists(path):
            pages = tb.dev_pages(devset, rendering)
            got = []
            for start in range(0, len(pages), tb.CHUNK):
                files = [p[3] for p in pages[start : start + tb.CHUNK]]
                out = subprocess.run([tool] + files, check=True, capture_output=True, text=True)
                got += [int(row.split("\t", 2)[1]) for row in out.stdout.split("\n")[1:] if row]
            np.save(path, np.array(got, dtype=np.int32))
        numbers.append(np.load(path))
    return np.concatenate(numbers)


def load_lines(devset):
    """The cached line features of both renderings' dev pages, as one `Lines`, and each
    page's rendering (its index in `tb.RENDERINGS`)."""
    parts = [tb.load(None, tb.dev_pages(devset, r), r) for r in tb.RENDERINGS]
    lines = tb.join(parts)
    rendering = np.array(sum([[i] * len(p.pages) for i, p in enumerate(parts)], []))
    return lines, rendering


def held_out_groups(devset, pages, source):
    """Groups of pages held out together: wcxb's pages in FOLDS folds by domain (a site never
    on both sides), every other openly licensed source as one group. The closed sources are
    never learnt from, only typed. Returns each page's group ("" for the closed sources),
    its wcxb fold (-1 outside wcxb) and whether it is learnt from."""
    manifest = {m["id"]: m for m in map(json.loads, open(os.path.join(devset, "manifest.jsonl")))}
    group = np.full(len(pages), "", dtype=object)
    wcxb_fold = np.full(len(pages), -1)
    for i in np.flatnonzero(source == "wcxb"):
        d = domain(manifest[pages[i][0]].get("url"))
        wcxb_fold[i] = int(hash_of(d), 16) % FOLDS
        group[i] = f"wcxb/{wcxb_fold[i]}"
    learnt = ~np.isin(source, tb.CLOSED_SOURCES)
    group[learnt & (source != "wcxb")] = source[learnt & (source != "wcxb")]
    return group, wcxb_fold, learnt


def domain(url):
    host = urllib.parse.urlsplit(url or "").hostname or ""
    parts = host.split(".")
    # example.co.uk: the registered name is three labels when the second-level one is short.
    if len(parts) > 2 and len(parts[-2]) <= 3:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def fit(x, y):
    return lgb.train(PARAMS, lgb.Dataset(x, y), ROUNDS)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devset", default=tb.DEFAULT_DEVSET)
    parser.add_argument("--loso-dir", required=True)
    parser.add_argument(
        "--fold-dir",
        help="write each held-out group's model here (GROUP.txt, folds.json: page -> file)",
    )
    args = parser.parse_args()
    lines, rendering = load_lines(args.devset)
    pages = lines.pages
    source = np.array([p[1] for p in pages])
    fine = np.array([p[2] for p in pages])
    coarse = np.array([COARSE.get(t, "prose") for t in fine])
    line_source = source[lines.page]
    names, features = page_features(lines)
    print(f"{len(pages)} pages, {features.shape[1]} page features", flush=True)

    # The line decider's probabilities, each source by the model trained without it.
    p = np.zeros(len(lines.y))
    policies = {}
    for s in sorted(set(source)):
        model = tb.read_model(os.path.join(args.loso_dir, s + ".txt"))
        out = line_source == s
        p[out] = tb.predict(model["first"], lines.x[out])
        header = dict(
            l.rstrip("\n").split(" ", 1)
            for l in open(os.path.join(args.loso_dir, s + ".txt"))
            if l.startswith(("drop_below ", "keep_above ", "keep_groups "))
        )
        policies[s] = (
            float(header["drop_below"]),
            float(header["keep_above"]),
            tuple(header["keep_groups"].split()),
        )
    base = np.zeros(len(lines.y), dtype=bool)
    for s in policies:
        below, above, groups = policies[s]
        m = line_source == s
        base[m] = tb.decide(lines, p, below, above, groups)[m]
    all_lines = np.ones(len(lines.y), dtype=bool)
    f_base = tb.page_f1(lines, base, all_lines)
    # Each type's candidate policies, simulated once for all pages.
    fixed = np.isin(lines.group, tb.FIXED_GROUPS)
    shown_fixed = np.isin(lines.group, tb.SHOWN_FIXED)
    kept = np.isin(lines.group, KEPT_GROUPS)
    in_groups = {g: np.isin(lines.group, g) for g in KEEP_GROUPS}

    def simulate(prob, keep_groups, above, below, at=None):
        """Each page's simulated F1 under a policy, over the lines `at` (all when None)."""
        at = slice(None) if at is None else at
        back = in_groups[keep_groups][at] & (prob[at] > above)
        shown = np.where(kept[at], prob[at] >= below, back)
        shown = np.where(fixed[at], shown_fixed[at], shown)
        view = tb.Lines(None, None, lines.y[at], lines.size[at], None, lines.page[at], pages)
        return tb.page_f1(view, shown, np.ones(len(shown), dtype=bool))

    candidates = {}
    for groups in KEEP_GROUPS:
        for above in KEEP_ABOVE:
            for below in DROP_BELOW:
                candidates[(groups, above, below)] = simulate(p, groups, above, below)
    keep_all = tb.page_f1(lines, np.ones(len(lines.y), dtype=bool), all_lines)
    print(f"{len(candidates)} policies simulated", flush=True)

    group, wcxb_fold, learnt = held_out_groups(args.devset, pages, source)
    groups = sorted(set(group[learnt]))
    labels = {t: (coarse == t).astype(int) for t in ("forum", "items")}
    page_sources = np.array([f"{source[i]}/{rendering[i]}" for i in range(len(pages))])

    # Each type's own line model, trained on wcxb's pages of that type without some folds.
    line_fold = wcxb_fold[lines.page]
    line_coarse = coarse[lines.page]
    judged = ~fixed
    own_models = {}

    def own_model(t, without):
        key = (t, frozenset(without))
        if key not in own_models:
            m = (line_coarse == t) & (line_fold >= 0) & judged & ~np.isin(line_fold, list(without))
            own_models[key] = tb.fit(
                lines.x[m], lines.y[m], tb.page_weights(lines, m), tb.ROUNDS_FIRST
            )
        return own_models[key]

    def own_probabilities(t, held):
        """Each line's probability of text under type t's own model trained without the
        wcxb fold `held` (None: none) and without the line's own wcxb fold: the held-out
        fold's lines get the model trained without it, the other folds' lines the inner
        models, every other source's lines the model of all folds but `held`."""
        out = set() if held is None else {held}
        q = np.zeros(len(lines.y))
        for h in range(FOLDS):
            m = line_fold == h
            q[m] = own_model(t, out | {h}).predict(lines.x[m])
        m = line_fold < 0
        q[m] = own_model(t, out).predict(lines.x[m])
        return q

    def own_candidates(t, held, called):
        """Type t's own-model policies, simulated on the pages `called` only."""
        q = own_probabilities(t, held)
        at = np.flatnonzero(np.isin(lines.page, called))
        out = {}
        for keep_groups in KEEP_GROUPS:
            for above in OWN_KEEP_ABOVE:
                for below in OWN_DROP_BELOW:
                    out[("own", keep_groups, above, below)] = simulate(
                        q, keep_groups, above, below, at
                    )
        return out

    def train_types(train):
        return {t: fit(features[train], labels[t][train]) for t in labels}

    def probabilities(models, ids):
        return {t: models[t].predict(features[ids]) for t in models}

    def out_of_group(among):
        """Each page's type probabilities from models trained without its group."""
        prob = {t: np.full(len(pages), np.nan) for t in labels}
        for g in among:
            test = np.flatnonzero(group == g)
            train = np.flatnonzero(learnt & np.isin(group, [h for h in among if h != g]))
            got = probabilities(train_types(train), test)
            for t in labels:
                prob[t][test] = got[t]
        return prob

    def typed(prob, ids, at):
        """The type of each page of `ids`: items or forum when its model reaches its
        threshold (items first), else prose."""
        out = np.full(len(ids), "prose", dtype=object)
        out[prob["forum"][ids] >= at["forum"]] = "forum"
        out[prob["items"][ids] >= at["items"]] = "items"
        return out

    def choose(prob, ids, own):
        """Per type, the threshold and policy (the line decider's probabilities or the
        type's own model's, `own[t]`) that gain most on the mean of the sources of `ids`
        (each rendering apart) while none loses more than TOLERANCE (simulated F1); then,
        on top of it, the surer tier (a higher threshold and its own policy) that gains
        most under the same bar, if any does."""
        chosen = {}
        # Each source's renderings count apart: a policy must hold on both.
        names = sorted(set(page_sources[ids]))
        sizes = np.array([np.sum(page_sources[ids] == s) for s in names])
        per_page_source = np.searchsorted(names, page_sources[ids])

        def score(f):
            """Mean and worst over (source, rendering) of the pages' summed gains `f`."""
            per_source = np.bincount(per_page_source, weights=f, minlength=len(names)) / sizes
            return per_source.mean(), per_source.min()

        for t in ("forum", "items"):
            best = ("off", 1.1, None, None)
            best_gain = 0.0
            policies = list(candidates.items()) + list(own[t].items())
            for at in CALL_AT:
                hit = prob[t][ids] >= at
                if not hit.any():
                    continue
                for key, f in policies:
                    delta = np.where(hit, f[ids] - f_base[ids], 0.0)
                    gain, worst = score(delta)
                    if worst >= -TOLERANCE and gain > best_gain:
                        best_gain, best = gain, (t, at, key, None)
            if best[2] is not None and t in SURE_TYPES:
                _, at, key, _ = best
                mild = np.where(prob[t][ids] >= at, lookup(own[t], key)[ids] - f_base[ids], 0.0)
                # Both tiers read the same probabilities (a type has one line model).
                same = own[t] if key[0] == "own" else candidates
                for sure_at in SURE_AT:
                    sure = prob[t][ids] >= sure_at
                    if sure_at <= at or not sure.any():
                        continue
                    for sure_key, f in same.items():
                        delta = np.where(sure, f[ids] - f_base[ids], mild)
                        gain, worst = score(delta)
                        if worst >= -TOLERANCE and gain > best_gain:
                            best_gain, best = gain, (t, at, key, (sure_at, sure_key))
            chosen[t] = best
        return chosen

    def lookup(own_t, key):
        return (own_t if key[0] == "own" else candidates)[key]

    def apply(chosen, prob, ids, f, types, own):
        at = {t: chosen[t][1] for t in chosen}
        got = typed(prob, ids, at)
        for t in ("forum", "items"):
            hit = ids[got == t]
            types[hit] = t
            _, _, key, sure = chosen[t]
            if key is not None:
                f[hit] = lookup(own[t], key)[hit]
            if sure is not None:
                surely = hit[prob[t][hit] >= sure[0]]
                f[surely] = lookup(own[t], sure[1])[surely]

    def reachable(prob, ids):
        """The pages of `ids` some call threshold types as each type."""
        return {t: ids[prob[t][ids] >= min(CALL_AT)] for t in labels}

    folds = {}
    f_new = f_base.copy()
    types = np.full(len(pages), "prose", dtype=object)
    held_prob = {t: np.full(len(pages), np.nan) for t in labels}

    def held_out(models, test, inner, train, held):
        """Types the pages `test` with `models`; chooses each type's call and policy on the
        pages `train`, typed by `inner` (own line models without the wcxb fold `held`);
        scores `test` with them. Returns the choice."""
        got = probabilities(models, test)
        for t in labels:
            held_prob[t][test] = got[t]
        called = reachable(inner, train)
        tested = reachable(held_prob, test)
        own = {t: own_candidates(t, held, np.r_[called[t], tested[t]]) for t in labels}
        chosen = choose(inner, train, own)
        apply(chosen, held_prob, test, f_new, types, own)
        return chosen

    for g in groups:
        rest = [h for h in groups if h != g]
        held = int(g.split("/")[1]) if g.startswith("wcxb/") else None
        train = np.flatnonzero(learnt & np.isin(group, rest))
        test = np.flatnonzero(group == g)
        models = train_types(train)
        chosen = held_out(models, test, out_of_group(rest), train, held)
        if args.fold_dir:
            os.makedirs(args.fold_dir, exist_ok=True)
            name = g.replace("/", "-") + ".txt"
            own_lines = {t: own_model(t, set() if held is None else {held}) for t in labels}
            path = os.path.join(args.fold_dir, name)
            write_model(path, models, names, chosen, own_lines, lines.names)
            for i in test:
                folds[pages[i][0]] = name
        print(f"held out {g} ({len(test)} pages): {chosen}", flush=True)
    # The shipped models and policy: all learnt pages; the closed sources are typed by them.
    everything = np.flatnonzero(learnt)
    final = train_types(everything)
    closed = np.flatnonzero(~learnt)
    shipped = held_out(final, closed, out_of_group(groups), everything, None)
    print(f"shipped: {shipped}", flush=True)

    def line(name, g, r):
        return (
            f"  {name:<14} {list(tb.RENDERINGS)[r]:<6} {len(g):>4}  keep-all {keep_all[g].mean():.3f}"
            f"  base {f_base[g].mean():.3f} -> {f_new[g].mean():.3f}"
            f"  <0.5 {100 * np.mean(f_base[g] < 0.5):.1f}% -> {100 * np.mean(f_new[g] < 0.5):.1f}%"
            f"  forum {np.sum(types[g] == 'forum')} items {np.sum(types[g] == 'items')}"
        )

    print("held out (wcxb by domain folds, other sources whole), simulated page F1:")
    for r in range(len(tb.RENDERINGS)):
        for t in sorted(set(fine[source == "wcxb"])):
            print(line(t, np.flatnonzero((fine == t) & (source == "wcxb") & (rendering == r)), r))
        for s in sorted(set(source)):
            print(line(s, np.flatnonzero((source == s) & (rendering == r)), r))
        ids = np.flatnonzero(rendering == r)
        print(line("all pages", ids, r))
        w = ids[source[ids] == "wcxb"]
        c = collections.Counter(zip(coarse[w], types[w]))
        print(f"  wcxb confusion (true, called): {sorted(c.items())}")
    write_model(MODEL, final, names, shipped, {t: own_model(t, set()) for t in labels}, lines.names)
    if args.fold_dir:
        with open(os.path.join(args.fold_dir, "folds.json"), "w") as f:
            json.dump(folds, f, indent=0, sort_keys=True)


def write_model(path, models, names, chosen, line_models, line_names):
    """The type models, each type's call and policy, and the own line model of each type
    whose policy reads it (`model TYPE_lines`, over the line features `line_names`)."""
    own = [t for t in ("forum", "items") if chosen[t][2] is not None and chosen[t][2][0] == "own"]
    lines = [
        "# Winnow boilerplate page-type model, written by scripts/train_page_type.py;",
        "# read by PageTypeModel.swift. Learnt from wcxb (CC BY 4.0), fundus, readability,",
        "# scrapinghub, cleaneval, dragnet and l3s-gn1 (both renderings); the types' own line",
        "# models from wcxb's forum and item pages.",
        "features " + " ".join(names),
    ]
    if own:
        lines.append("line_features " + " ".join(line_names))
    for t in ("forum", "items"):
        _, at, key, sure = chosen[t]
        if key is None:
            lines.append(f"type {t} off")
            continue
        # The surer tier first: PageTypeModel takes a type's first line its page reaches.
        for call_at, policy in ([sure] if sure else []) + [(at, key)]:
            keep_groups, above, below = policy[1:] if policy[0] == "own" else policy
            lines.append(
                f"type {t} call_at {call_at!r} drop_below {below!r} keep_above {above!r} "
                "keep_groups " + " ".join(keep_groups)
            )
    for t in ("forum", "items"):
        lines += [f"model {t}", "bias 0.0"] + tb.export(models[t], names, len(names))
    for t in own:
        lines += [f"model {t}_lines", "bias 0.0"]
        lines += tb.export(line_models[t], line_names, len(line_names))
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def hash_of(text):
    return hashlib.sha1(text.encode()).hexdigest()


if __name__ == "__main__":
    main()
