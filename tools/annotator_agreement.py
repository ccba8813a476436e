#!/usr/bin/env python3
"""Agreement between annotators of the same articles, and factmark's against each.

  annotator_agreement.py DIR

DIR holds `text/NAME.txt`, the PolNeAR attribution files of several
annotators as `ann/NAME_XXXX.ann` (XXXX: the annotator's four-letter code,
as in PolNeAR's file names) and, optionally, factmark's suggestions as
`pred/NAME.ann` (from `cargo run --example suggest_brat -- DIR/text DIR/pred`).

Each annotator's file is turned into gold with ../shared/tools/brat_to_gold.py
and matched with the scorer's own matching (one-to-one, IoU >= 0.5). For the
tags source and quote it prints F1 over every ordered pair of annotators of
the same article (micro-averaged), per article, and factmark's F1 against
each annotator: how far a single-annotator gold can be agreed with at all.
"""
import collections
import itertools
import os
import re
import subprocess
import sys
import tempfile

TOOLS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "tools")
sys.path.insert(0, TOOLS)
from score import match, prf, read_ann  # noqa: E402


def golds(root):
    """{(article, annotator): spans} and {article: [annotators]}."""
    by = collections.defaultdict(list)
    tmp = tempfile.mkdtemp()
    for name in sorted(os.listdir(os.path.join(root, "ann"))):
        m = re.match(r"(.*)_([0-9a-f]{4})\.ann$", name)
        if not m:
            continue
        article, who = m.groups()
        by[article].append(who)
        os.makedirs(os.path.join(tmp, who, "ann"), exist_ok=True)
        with open(os.path.join(root, "ann", name), encoding="utf-8") as src, open(
            os.path.join(tmp, who, "ann", article + ".ann"), "w", encoding="utf-8"
        ) as dst:
            dst.write(src.read())
    spans = {}
    for who in os.listdir(tmp):
        out = os.path.join(tmp, who, "gold")
        subprocess.run(
            [sys.executable, os.path.join(TOOLS, "brat_to_gold.py"), os.path.join(root, "text"),
             os.path.join(tmp, who, "ann"), out],
            check=True, capture_output=True,
        )
        for name in os.listdir(out):
            spans[(name[:-4], who)] = read_ann(os.path.join(out, name))
    return spans, by


def f1(pairs, tag):
    tp = npred = ngold = 0
    for gold, pred in pairs:
        tp += match(gold, pred, 0.5, False).count(tag)
        npred += sum(s[0] == tag for s in pred)
        ngold += sum(s[0] == tag for s in gold)
    return prf(tp, npred, ngold)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    spans, by = golds(root)
    pred_dir = os.path.join(root, "pred")
    pred = {a: read_ann(os.path.join(pred_dir, a + ".ann")) for a in by
            if os.path.exists(os.path.join(pred_dir, a + ".ann"))}
    for tag in ("source", "quote"):
        pairs = {a: [(spans[(a, x)], spans[(a, y)]) for x, y in itertools.permutations(w, 2)]
                 for a, w in by.items()}
        every = [p for ps in pairs.values() for p in ps]
        print(f"== {tag}: annotator vs annotator F1 {f1(every, tag)[2]:.3f} ({len(every)} ordered pairs)")
        for a, ps in pairs.items():
            line = f"  {a[:48]:48} {len(by[a])} annotators  F1 {f1(ps, tag)[2]:.3f}"
            if a in pred:
                line += f"  factmark {f1([(spans[(a, w)], pred[a]) for w in by[a]], tag)[2]:.3f}"
            print(line)
        if pred:
            p, r, f = f1([(spans[(a, w)], pred[a]) for a in pred for w in by[a]], tag)
            print(f"  factmark vs each annotator: P {p:.3f} R {r:.3f} F1 {f:.3f}")


if __name__ == "__main__":
    main()
