"""How many speaker phrases of a store are a bare quantity, a quantity 'of X', or a head cut from what says who.

    python bench/speaker_shapes.py STORE.gk [--show KIND]

Reads every claim's speaker span of a store built from PolNeAR train + dev (``bench/eval_actors.py``) in the cached
parses (``bench/_work/parse``; the store must come from the same texts), finds the span's head and counts:

- *a quantifier alone* / *a share with no 'of X'*: the head names no one by itself (``speaker_phrase.names_no_one``)
  or is a share ('percent', 'half', 'a third', 'N in 10') and no 'of' / 'among' phrase follows it;
- *a quantifier with what says who*: the same, longer than its head ('those surveyed');
- *a quantity 'of X' written*: an 'of' / 'among' phrase after such a head is inside the span;
- *a common-noun head cut from a participle or prepositional phrase* after it, no comma between, by the
  dependent's kind; those whose head names people (a source word or a person noun) apart.

``--show KIND`` prints the phrases of one kind (a prefix of its label) with their actor and what was cut.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

def parsed_articles() -> dict:
    """Article id → its cached parse, PolNeAR train and dev."""
    from eval_attribution import parse
    from polnear import load_articles

    out = {}
    for split in ("train", "dev"):
        arts = list(load_articles((split,)))
        docs = parse([a["text"] for a in arts], ROOT / "bench" / "_work" / "parse", f"polnear_{split}_{len(arts)}",
                     [a.get("title") for a in arts])
        out.update((a["id"], d) for a, d in zip(arts, docs))
    return out


def speaker_spans(store: Path, docs: dict | None = None, only: set[str] | None = None):
    """(claim, its speaker actor or None, the speaker mention as a Span of the cached parse) for each claim of a store
    built from PolNeAR train + dev that has a speaker span, in the store's order; ``docs`` the parses
    (:func:`parsed_articles` when None), ``only`` the article ids to keep (all when None)."""
    from graphkit.store import Store

    docs = parsed_articles() if docs is None else docs
    with Store(store, readonly=True) as s:
        actors = {a.id: a for a in s.actors()}
        for c in s.claims():
            doc = docs.get(c.doc_id)
            if doc is None or not c.speaker_span or (only is not None and c.doc_id not in only):
                continue
            span = doc.char_span(*c.speaker_span, alignment_mode="expand")
            if span:
                yield c, actors.get(c.speaker_id), span


def sample_args(description: str, seed: int, argv=None) -> argparse.Namespace:
    """The command line of a script that counts a store's speakers by kind and prints a random sample of a kind
    (``bench/another_source.py``, ``bench/pronoun_antecedents.py``): STORE, ``--polnear-split``, ``--show``, ``--n``,
    ``--seed`` (``seed`` its default); with ``only``, the ids of ``--polnear-split``'s articles (None: every
    article). The store is opened once here, so that a bad one says so before the parses are read."""
    from graphkit.store import Store
    from polnear import split_ids

    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("store", type=Path)
    ap.add_argument("--polnear-split", default=None, help="count only this split's articles (train or dev)")
    ap.add_argument("--show", default=None, help="print a random --n of the kinds whose label starts so")
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--seed", type=int, default=seed)
    args = ap.parse_args(argv)
    args.only = split_ids(args.polnear_split) if args.polnear_split else None
    with Store(args.store, readonly=True):
        pass
    return args


def print_kinds(counts: Counter, shown: dict, show: str | None, n: int, seed: int) -> None:
    """The counts by kind, most first, then a random ``n`` (``seed``) of each kind whose label starts with ``show``."""
    import random

    for k, m in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{m:6,}  {k}")
    rng = random.Random(seed)
    for k in sorted(shown):
        if show and k.startswith(show):
            rows = shown[k] if len(shown[k]) <= n else rng.sample(shown[k], n)
            print(f"\n{k} ({len(rows)} of {len(shown[k])}):")
            print("\n".join(f"  {i}. {x}" for i, x in enumerate(rows, 1)))


def _is_share(head) -> bool:
    """A head that counts or shares out a group: a quantifier, a number, a percentage, 'half'."""
    from graphkit.people_shares import share_head
    from graphkit.speaker_phrase import names_no_one

    return names_no_one(head) or share_head(head)


def names_people(head) -> bool:
    """A common noun naming people: a source word ('officials') or a person noun ('voters').

    >>> from graphkit.doc_reading import parsed_as_written
    >>> doc = parsed_as_written("Officials, voters and the council said so.",
    ...                         lemmas="official , voter and the council say so .")
    >>> [t.text for t in doc if names_people(t)]
    ['Officials', 'voters']
    """
    from graphkit.mentions import ANON_HEADS
    from graphkit.person_nouns import person_noun

    return head.lemma_.lower() in ANON_HEADS or person_noun(head.lemma_) or head.lower_ == "people"


def shape(span) -> tuple[str, str] | None:
    """(kind, what was cut or '') of a speaker span, None for a name, pronoun or whole noun phrase."""
    head, doc = span.root, span.doc
    if _is_share(head):
        of = [x for x in head.children if x.dep_ == "prep" and x.lower_ in ("of", "among") and x.i > head.i]
        if any(x.i < span.end for x in of):
            return "a quantity 'of X' written", ""
        if len(span) > 1 and any(t.i > head.i for t in span):
            return "a quantifier with what says who", ""
        from graphkit.people_shares import share_head

        return ("a share with no 'of X'" if share_head(head) else "a quantifier alone"), ""
    if head.pos_ != "NOUN":
        return None
    cut = [x for x in head.children if x.i >= span.end and x.dep_ in ("acl", "prep")
           and not any(t.is_punct for t in doc[head.i + 1:x.i])]
    if not cut:
        return None
    c = cut[0]
    kind = f"a head cut from its {'participle' if c.dep_ == 'acl' else repr(c.lower_)}"
    return ("people: " if names_people(head) else "no person: ") + kind, doc[head.i:c.right_edge.i + 1].text


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--show", default=None, help="print the phrases of the kinds whose label starts so")
    args = ap.parse_args(argv)
    counts, shown = Counter(), defaultdict(list)
    for c, a, span in speaker_spans(args.store):
        counts["claims with a speaker span"] += 1
        found = shape(span)
        if found is None:
            continue
        kind, cut = found
        counts[kind] += 1
        shown[kind].append(f"{span.text!r} -> {a.name if a else None} ({a.type if a else '-'}) {cut!r}")
    for kind, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{n:6,}  {kind}")
    for kind in sorted(shown):
        if args.show and kind.startswith(args.show):
            print(f"\n{kind}:")
            print("\n".join("  " + x for x in shown[kind]))
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("speaker_shapes", main))
