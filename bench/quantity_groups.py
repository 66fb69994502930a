"""Speakers written as a bare quantity or share ('half said', '9 percent said', 'many said'): whose group is it?

    python bench/quantity_groups.py STORE.gk [--polnear-split train] [--finder share|people] [--show 30] [--seed 7453]

The lever of issue 12's elliptical speakers: a quantifier or share with no 'of X' as the whole subject, whom it
counts written before it. Reads every claim's speaker span of a store built from PolNeAR train + dev
(``bench/eval_actors.py``) in the cached parses (``bench/_work/parse``), keeps the bare quantities and shares
(:func:`speaker_shapes.shape`), and looks for their group with one of two finders:

- ``share`` (the build's rule for a bare share, `graphkit.people_shares.group_of_share`; here asked of the bare
  quantifiers too, to size them): the group of the nearest share written *with* its group before the mention, in its
  sentence or the one before ('38 percent of riders called the fares fair ... Only 12 percent said', 'Among Labour
  members, 61 per cent said'): a share's 'of X' / an 'among X' whose X is a plural noun naming people or a people;
- ``people`` (session 45's first try): any plural noun naming people in the mention's sentence before it after
  'among' / 'of', else in the sentence before (its subject first).

It counts the mentions by kind (quantifier or share) and by where the group was found, and ``--show N`` prints N
random ones with a group found (``--seed``), the sentence before and the mention's sentence, for a person to read.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

BARE = ("a quantifier alone", "a share with no 'of X'")


def _people(t) -> bool:
    """A plural noun naming people ('voters', 'officials', 'Republicans'), or a people ('Democrats')."""
    from speaker_shapes import names_people

    if t.pos_ not in ("NOUN", "PROPN"):
        return False
    return t.ent_type_ == "NORP" and t.tag_ in ("NNS", "NNPS") or t.tag_ == "NNS" and names_people(t)


def share_group(span) -> tuple[str, str]:
    """(where, group phrase) by the ``share`` finder, the build's rule (`graphkit.people_shares.group_of_share`):
    the nearest share's group before the mention, in its sentence, else in the sentence before; ('none', '') when
    neither has one."""
    from graphkit.people_shares import group_of_share

    group = group_of_share(span.root, span.start)
    if group is None:
        return "none", ""
    return ("its sentence" if group.start >= span.root.sent.start else "the sentence before"), group.text


def people_group(span) -> tuple[str, str]:
    """(where, group phrase) by the ``people`` finder: an 'among X' / 'of X' people noun before the mention in its
    sentence, else a plural people noun of the sentence before (its subject first)."""
    doc, sent = span.doc, span.root.sent
    for t in sent:
        if t.i >= span.start:
            break
        if t.lower_ in ("among", "of") and t.dep_ == "prep":
            obj = next((x for x in t.children if x.dep_ == "pobj"), None)
            if obj is not None and (_people(obj) or obj.ent_type_ == "NORP"):
                return "its sentence", doc[obj.left_edge.i:obj.i + 1].text
    if sent.start > 0:
        cands = [t for t in doc[sent.start - 1].sent if _people(t)]
        subj = [t for t in cands if t.dep_ in ("nsubj", "nsubjpass")]
        if subj or cands:
            t = (subj or cands)[0]
            return "the sentence before", doc[t.left_edge.i:t.i + 1].text
    return "none", ""


FINDERS = {"share": share_group, "people": people_group}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--polnear-split", choices=["train", "dev"], default="train")
    ap.add_argument("--finder", choices=sorted(FINDERS), default="share")
    ap.add_argument("--show", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7453)
    args = ap.parse_args(argv)
    from polnear import split_ids
    from speaker_shapes import shape, speaker_spans

    counts, found = Counter(), []
    for c, actor, span in speaker_spans(args.store, only=split_ids(args.polnear_split)):
        kind = (shape(span) or ("",))[0]
        if kind not in BARE:
            continue
        where, group = FINDERS[args.finder](span)
        counts[kind] += 1
        counts[f"  {kind}: group in {where}"] += 1
        if where != "none":
            found.append((c, actor, span, where, group))
    for kind, n in sorted(counts.items()):
        print(f"{n:6,}  {kind}")
    picked = random.Random(args.seed).sample(found, min(args.show, len(found)))
    for c, actor, span, where, group in sorted(picked, key=lambda r: (r[0].doc_id, r[2].start)):
        sent = span.root.sent
        before = span.doc[sent.start - 1].sent.text if sent.start > 0 else ""
        print(f"\n{c.doc_id}@{span.start_char}-{span.end_char} {span.text!r} -> {actor.name if actor else None} "
              f"({actor.type if actor else '-'}); group in {where}: {group!r}")
        print("   before:", " ".join(before.split())[-300:])
        print("   here:  ", " ".join(sent.text.split())[:300])
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("quantity_groups", main))
