#!/usr/bin/env python3
"""Splits a batch of phrasings (question<TAB>expected, see agent/src/test/resources/chat/phrasings/README.md)
once, at random, into a dev half (used to improve the offline parser) and a held-out half (only measured).

Stratified by the expected intent label (the first word of the expectation, alternatives included), so every
label is in both halves when it has two lines or more; with an odd count the extra line goes to dev or
held-out at random. The seed is fixed so the split can be checked, not redrawn.
Run from the repository root:
  python3 bench/chat/split-phrasings.py BATCH.tsv SEED dev-out.tsv held-out-out.tsv
"""
import random
import sys
from collections import OrderedDict

HEADER = ("# question<TAB>expected reading; clock 2026-12-07T15:30:00Z (a Monday), zone UTC; "
          "hosts web-1 web-2 db-1 cache-1. See README.md.\n")


def main(batch, seed, dev_out, held_out_out):
    rng = random.Random(int(seed))
    by_label = OrderedDict()
    for line in open(batch, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        question, expected = line.split("\t")
        by_label.setdefault(expected.split(" ")[0], []).append(line)
    dev, held_out = [], []
    for lines in by_label.values():
        lines = lines[:]
        rng.shuffle(lines)
        half = len(lines) // 2 + (rng.random() < 0.5 if len(lines) % 2 else 0)
        dev += lines[:half]
        held_out += lines[half:]
    for path, lines in ((dev_out, dev), (held_out_out, held_out)):
        with open(path, "w", encoding="utf-8") as out:
            out.write(HEADER)
            out.writelines(l + "\n" for l in lines)
    print(f"{len(dev)} dev, {len(held_out)} held-out")


if __name__ == "__main__":
    main(*sys.argv[1:])
