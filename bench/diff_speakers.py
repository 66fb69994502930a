"""Claims whose speaker changed between two stores built from the same texts: how a rule is counted.

    python bench/diff_speakers.py BEFORE.gk AFTER.gk [--polnear-split train] [--show 40] [--seed 1]

A claim is matched across the stores by its article and content spans; a claim only one store has is
counted apart (the attribution stage kept or dropped it). Pairs of claims of one article that were one actor and
are now two, or the other way, are counted and listed (identity, which a renamed actor does not show). For each
changed claim: the speaker before and
after (display name, actor type), the mention as written, and the sentence with the mention [[marked]];
``--show N`` prints a random sample of N of them (``--seed``), so a person can read what a rule did.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _claims(path: Path, only: set[str] | None) -> tuple[dict, dict, dict]:
    """(claims keyed by (doc, spans), actors by id, article texts by id) of a store."""
    from graphkit.store import Store

    with Store(path, readonly=True) as s:
        actors = {a.id: a for a in s.actors()}
        claims = {(c.doc_id, tuple(map(tuple, c.spans))): c for c in s.claims()
                  if only is None or c.doc_id in only}
        texts = {d.id: d.text for d in s.documents_by_id({k[0] for k in claims}).values()}
    return claims, actors, texts


def _sentence(text: str, c) -> str:
    lo, hi = c.sentence_span or c.spans[0]
    if c.speaker_span:
        lo, hi = min(lo, c.speaker_span[0]), max(hi, c.speaker_span[1])
        a, b = c.speaker_span
        return " ".join((text[lo:a] + "[[" + text[a:b] + "]]" + text[b:hi]).split())
    return " ".join(text[lo:hi].split())


def _key(c) -> tuple:
    return c.doc_id, tuple(map(tuple, c.spans))


def regrouped(old: dict, new: dict) -> tuple[list, list]:
    """Pairs of claims of one article (both in both stores) whose speakers were one actor and are now two (the first
    list: a rule split a source, e.g. a bare repeat no longer joining the fuller phrase its article wrote first), and
    pairs that were two and are now one (the second), as (claim, claim) of the ``old`` store. A renamed actor that
    keeps its claims together is neither: this counts identity, which a changed name does not show.

    >>> from types import SimpleNamespace as C
    >>> old = {("d", i): C(doc_id="d", speaker_id=s) for i, s in enumerate("aab")}
    >>> new = {("d", i): C(doc_id="d", speaker_id=s) for i, s in enumerate("xyy")}
    >>> [(len(s), len(j)) for s, j in [regrouped(old, new)]]
    [(1, 1)]
    """
    by_doc: dict[str, list] = {}
    for k in sorted(old.keys() & new.keys()):
        by_doc.setdefault(k[0], []).append(k)
    splits, joins = [], []
    for keys in by_doc.values():
        for i, x in enumerate(keys):
            for y in keys[i + 1:]:
                was = old[x].speaker_id == old[y].speaker_id
                now = new[x].speaker_id == new[y].speaker_id
                if was != now:
                    (splits if was else joins).append((old[x], old[y]))
    return splits, joins


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("--polnear-split", choices=["train", "dev"], default=None)
    ap.add_argument("--show", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    only = None
    if args.polnear_split:
        from polnear import split_ids

        only = split_ids(args.polnear_split)
    old, old_actors, texts = _claims(args.before, only)
    new, new_actors, _ = _claims(args.after, only)
    changed = []
    for k in sorted(old.keys() & new.keys()):
        a, b = old[k], new[k]
        if (a.speaker, getattr(old_actors.get(a.speaker_id), "type", "?")) != \
                (b.speaker, getattr(new_actors.get(b.speaker_id), "type", "?")):
            changed.append((a, b))  # a new name, or the same name typed anew ('Adel Nefzi' organisation -> person)
    print(f"claims before {len(old):,}, after {len(new):,}; only before {len(old.keys() - new.keys())}, "
          f"only after {len(new.keys() - old.keys())}; speaker changed: {len(changed)}")
    splits, joins = regrouped(old, new)
    print(f"claims of one article that were one actor and are now two: {len(splits)} pairs; "
          f"two actors now one: {len(joins)} pairs")
    for a, b in (splits + joins)[:args.show]:
        print(f"  {'split' if (a, b) in splits else 'joined'}: {a.doc_id} {a.speaker_text!r} ({new[_key(a)].speaker}) "
              f"/ {b.speaker_text!r} ({new[_key(b)].speaker})")
    moves = Counter((a.speaker, b.speaker) for a, b in changed)
    print("most frequent moves:", "; ".join(f"{x} -> {y} ({n})" for (x, y), n in moves.most_common(15)))
    picked = random.Random(args.seed).sample(changed, min(args.show, len(changed)))
    for a, b in sorted(picked, key=lambda p: (p[0].doc_id, p[0].spans)):
        ta = getattr(old_actors.get(a.speaker_id), "type", "?")
        tb = getattr(new_actors.get(b.speaker_id), "type", "?")
        print(f"\n{a.doc_id} {a.speaker_text!r}: {a.speaker} ({ta}) -> {b.speaker} ({tb})")
        print("   ", _sentence(texts[a.doc_id], a)[:600])
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("diff_speakers", main))
