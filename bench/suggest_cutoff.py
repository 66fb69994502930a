"""Which "did you mean" cutoff offers a misspelt name its own name and a name the store does not hold nothing.

graphkit's queries take a misspelt name silently when it is spelt very close (`graphkit.lookup.NameIndex.close`,
rapidfuzz ratio 88 on a whole name, 80 on one word); otherwise the error offers the names it is plausibly a
misspelling of, by the same measure at `graphkit.lookup.SUGGEST_CUTOFF`. This script measures each cutoff on two
stores, each table (actors, issues, places) apart:

- **typos**: a store's own names (actors named like people or bodies, "Sergey Lavrov"; every issue and place),
  misspelt by two or three random edits of the kinds people make (two letters swapped, one dropped or doubled, a
  keyboard neighbour, another vowel; never the first letter), whole or the last word alone ("Lavorv"), kept when
  the silent match misses them: a good cutoff offers the name that was misspelt;
- **other names**: the other store's names (whole or the last word) that this store does not hold: a good cutoff
  offers nothing.

It prints, per cutoff, the share of typos offered their name and the share of other names offered anything, and
the cutoff with the largest difference (the first of a tie).

    python bench/suggest_cutoff.py STORE_A STORE_B [--seed 7473] [--per-table 150]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
CUTOFFS = range(58, 83, 2)
PROPER = re.compile(r"[A-Z][\w'.-]+( [A-Z][\w'.-]+)*")   # a name written like one: capitalised words


def neighbour(c: str, rng: random.Random) -> str:
    """A key beside `c` on the keyboard (itself when it is not a letter).

    >>> neighbour("s", random.Random(1)) in "ad", neighbour("-", random.Random(1))
    (True, '-')
    """
    for row in KEYBOARD:
        i = row.find(c)
        if i >= 0:
            return rng.choice([row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)])
    return c


def misspell(s: str, rng: random.Random) -> str:
    """`s` with one typing mistake at a letter other than the first: two letters swapped, one dropped or doubled,
    a keyboard neighbour, another vowel (a name of fewer than three letters as it is).

    >>> rng = random.Random(7473)
    >>> [misspell("Lavrov", rng) for _ in range(4)]
    ['Lavro', 'Lsvrov', 'Lavroov', 'Lavro']
    """
    letters = [i for i, c in enumerate(s) if c.isalpha()][1:]
    if len(letters) < 2:
        return s
    i = rng.choice(letters)
    kind = rng.choice(("swap", "drop", "double", "near", "vowel"))
    if kind == "swap" and i + 1 < len(s) and s[i + 1].isalpha():
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    if kind == "double":
        return s[:i] + s[i] + s[i:]
    if kind == "near":
        return s[:i] + neighbour(s[i].lower(), rng) + s[i + 1:]
    if kind == "vowel" and s[i].lower() in "aeiou":
        return s[:i] + rng.choice([v for v in "aeiou" if v != s[i].lower()]) + s[i + 1:]
    return s[:i] + s[i + 1:]


def store_names(path: Path) -> dict:
    """table -> (NameIndex as the queries build it, its names as a user would write them)."""
    import graphkit

    g = graphkit.open(path)
    try:
        ix = g.name_index("actors")
        out = {"actors": (ix, sorted({n for n in ix.labels.values() if PROPER.fullmatch(n)}))}
        for table in ("issues", "places"):
            ix = g.name_index(table)
            out[table] = (ix, sorted(ix.keys))
    finally:
        g.close()
    return out


def rows_of(own: dict, other: dict, rng: random.Random, per_table: int) -> list[tuple]:
    """(table, written, the name meant or None) for one store: typos of its names, the other store's names."""
    rows = []
    for table, (ix, names) in own.items():
        for name in rng.sample(names, min(per_table, len(names))):
            for edits, part in ((2, name), (3, name), (2, name.split()[-1]), (3, name.split()[-1])):
                written = part
                for _ in range(edits):
                    written = misspell(written, rng)
                if written != part and not ix.match(written):
                    rows.append((table, written, name))
        others = other[table][1]
        for name in rng.sample(others, min(per_table, len(others))):
            for written in dict.fromkeys((name, name.split()[-1])):
                if not ix.match(written):
                    rows.append((table, written, None))
    return rows


def measure(stores: dict, rows: dict) -> dict:
    """cutoff -> (typos offered their name, typos, other names offered anything, other names)."""
    out = {c: [0, 0, 0, 0] for c in CUTOFFS}
    for store, store_rows in rows.items():
        for table, written, meant in store_rows:
            ix = stores[store][table][0]
            offered_at = {c: ix.suggest(written, cutoff=c) for c in CUTOFFS}
            for c, offered in offered_at.items():
                if meant is None:
                    out[c][2] += bool(offered)
                    out[c][3] += 1
                else:
                    out[c][0] += meant in offered
                    out[c][1] += 1
    return out


def best(figures: dict) -> int:
    """The cutoff with the largest share of typos offered less share of other names offered (the first of a tie).

    >>> best({60: (9, 10, 5, 10), 66: (9, 10, 1, 10), 70: (5, 10, 0, 10)})
    66
    """
    return max(figures, key=lambda c: (figures[c][0] / max(figures[c][1], 1) - figures[c][2] / max(figures[c][3], 1),
                                       -c))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("stores", nargs=2, type=Path, help="two stores built by graphkit (e.g. the sample and PolNeAR train)")
    ap.add_argument("--seed", type=int, default=7473)
    ap.add_argument("--per-table", type=int, default=150, help="names drawn from each table of each store")
    args = ap.parse_args(argv)
    from graphkit.lookup import SUGGEST_CUTOFF

    a, b = args.stores
    stores = {a: store_names(a), b: store_names(b)}
    rng = random.Random(args.seed)
    rows = {a: rows_of(stores[a], stores[b], rng, args.per_table), b: rows_of(stores[b], stores[a], rng, args.per_table)}
    for store, store_rows in rows.items():
        print(f"{store.name}: {sum(r[2] is not None for r in store_rows)} typos the silent match misses, "
              f"{sum(r[2] is None for r in store_rows)} names of the other store it does not hold")
    figures = measure(stores, rows)
    print("cutoff  typos offered their name  other names offered anything  difference")
    for c, (hit, typos, false, others) in figures.items():
        typos, others = max(typos, 1), max(others, 1)
        mark = "  <- shipped" if c == SUGGEST_CUTOFF else ""
        print(f"{c:6d}  {hit:5d}/{typos} = {hit / typos:6.1%}       {false:5d}/{others} = {false / others:6.1%}"
              f"            {hit / typos - false / others:+.3f}{mark}")
    print(f"best cutoff: {best(figures)}")
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("suggest_cutoff", main))
