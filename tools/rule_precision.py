#!/usr/bin/env python3
"""Precision of each suggestion rule against a gold annotation.

  rule_precision.py GOLD PRED [--tag source] [--iou 0.5]

GOLD and PRED are brat files or folders of them (matched by file name), as
for ../shared/tools/score.py; PRED must come from
`cargo run --example suggest_brat`, which writes each suggestion's rule as an
`AnnotatorNotes` line. Matching is the scorer's: one-to-one, greedy by
intersection over union of characters. For each rule, prints how many of
its suggestions match a gold span and what share that is.

A rule adds to a tag's F1 only when its precision is above half that F1:
the line `break-even` says where that is.
"""
import argparse
import collections
import os
import sys


def read(path, tag):
    """(start, end, rule) of every span with `tag` in a brat file."""
    spans, notes = {}, {}
    if not os.path.exists(path):
        return []
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            head = parts[1].split(" ", 1)
            if head[0].lower() != tag or len(head) < 2:
                continue
            for k, frag in enumerate(head[1].split(";")):
                start, end = frag.split()
                spans[(parts[0], k)] = (int(start), int(end))
        elif parts[0].startswith("#") and len(parts) > 2:
            kind, _, target = parts[1].partition(" ")
            if kind == "AnnotatorNotes":
                notes[target] = parts[2].split()[0]
    return [(s, e, notes.get(t, "?")) for (t, _), (s, e) in spans.items()]


def iou(a, b):
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def matched(gold, pred, threshold):
    """Indices of predictions matched one-to-one to gold spans."""
    pairs = sorted(
        ((iou(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)),
        reverse=True,
    )
    used_g, used_p = set(), set()
    for v, i, j in pairs:
        if v < threshold or v == 0:
            break
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
    return used_p


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--tag", default="source")
    ap.add_argument("--iou", type=float, default=0.5)
    a = ap.parse_args()
    if os.path.isdir(a.gold):
        names = sorted(n for n in os.listdir(a.gold) if n.endswith(".ann"))
        files = [(os.path.join(a.gold, n), os.path.join(a.pred, n)) for n in names]
    else:
        files = [(a.gold, a.pred)]
    per_rule = collections.defaultdict(lambda: [0, 0])
    n_gold = n_hit = n_pred = 0
    for gold_path, pred_path in files:
        gold = read(gold_path, a.tag)
        pred = read(pred_path, a.tag)
        hits = matched(gold, pred, a.iou)
        n_gold += len(gold)
        n_hit += len(hits)
        n_pred += len(pred)
        for j, (_, _, rule) in enumerate(pred):
            per_rule[rule][0] += j in hits
            per_rule[rule][1] += 1
    for rule, (hit, total) in sorted(per_rule.items(), key=lambda r: -r[1][1]):
        print(f"{rule:28} {hit:6d} / {total:<6d} {hit / total:.2f}")
    f1 = 2 * n_hit / (n_pred + n_gold) if n_pred + n_gold else 0.0
    print(f"{'F1 ' + a.tag:28} {f1:.3f}   break-even precision {f1 / 2:.2f}")


if __name__ == "__main__":
    sys.exit(main())
