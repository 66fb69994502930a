"""Whom a 'he' / 'she' speaker was given, against whom the sentence before it is about: the pronoun resolver's classes.

    python bench/pronoun_antecedents.py STORE.gk [--polnear-split train] [--show CLASS] [--n 30] [--seed 7458]

For every claim of a store built from PolNeAR train + dev (``bench/eval_actors.py``) whose speaker mention is 'he' or
'she', reads the cached parse (``bench/_work/parse``) and looks at the sentence before the claim (before its content
when the content comes first: "“...,” he said") and at the pronoun's own sentence before it. Each person the NER
names there is placed by where it sits: the *subject*, the *subject's possessor* ("Mr. Putin's popularity remains
high"), a *name in the subject's compound* ("the Sanders movement"), a name *in apposition* or with a role in
apposition ("Hammond, the Indiana national committeeman,"), an *other possessor*, or *elsewhere* (an object, a
preposition's). A claim is then classed by whether the speaker it was given is named there at all (compared by
surname), and when it is not, by the best place of the other person named there (the order above). PolNeAR marks the
pronoun itself as the source, so whom it stands for is read by a person: ``--show CLASS`` prints a random ``--n`` of
the claims of a class (a prefix of its label) with the sentences before and the names placed. The classes and what a
read of them found are in bench/README.md (issue 12, thirty-second pass).
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

_SUBJECTS = ("nsubj", "nsubjpass")
#: the places of a name in a sentence, best first (module docstring)
PLACES = ("subject", "subject's possessor", "subject's compound", "apposition", "other possessor", "elsewhere")


def place(e) -> str:
    """Where a person entity sits in its sentence (one of :data:`PLACES`)."""
    r = e.root
    if r.dep_ in _SUBJECTS:
        return "subject"
    if r.dep_ == "poss" and r.head.dep_ in _SUBJECTS:
        return "subject's possessor"
    if r.dep_ == "compound" and r.head.dep_ in _SUBJECTS:
        return "subject's compound"
    if r.dep_ == "appos" or any(c.dep_ == "appos" for c in r.children):
        return "apposition"
    if r.dep_ == "poss":
        return "other possessor"
    return "elsewhere"


def _same(name: str, e) -> bool:
    """Whether the speaker's name and an entity name the same person, by surname (a last word)."""
    words = [w for w in e.text.replace("’s", "").replace("'s", "").split() if w[:1].isalpha()]
    return bool(words) and words[-1].lower() in name.lower().split()


def context(claim, span):
    """(the sentence before the claim's first sentence, the pronoun's own sentence up to the pronoun) as Spans."""
    doc = span.doc
    first = min([span.start_char] + [a for a, _ in claim.spans])
    tok = doc.char_span(first, first + 1, alignment_mode="expand")
    s0 = tok.sent if tok is not None and len(tok) else span.sent
    before = doc[s0.start - 1].sent if s0.start > 0 else None
    own = doc[span.sent.start:span.start]
    return before, own


def classify(claim, actor, span) -> tuple[str, list]:
    """The claim's class and the persons placed in its context [(place, entity)]."""
    before, own = context(claim, span)
    placed = []
    for part in (before, own):
        if part is None:
            continue
        for e in span.doc.ents:
            if e.label_ == "PERSON" and part.start <= e.start and e.end <= part.end \
                    and not any(a <= e.start_char < b for a, b in claim.spans):
                placed.append((place(e), e))
    name = actor.name if actor is not None else ""
    if not placed:
        return "no person named before", placed
    if any(_same(name, e) for _, e in placed):
        return "given a person named before", placed
    best = min(PLACES.index(p) for p, _ in placed)
    return "another named before: " + PLACES[best], placed


def main(argv=None) -> int:
    from speaker_shapes import parsed_articles, print_kinds, sample_args, speaker_spans

    args = sample_args(__doc__.split("\n\n")[0], 7458, argv)  # a bad store says so before the parses are read
    counts, shown = Counter(), defaultdict(list)
    for c, a, span in speaker_spans(args.store, parsed_articles(), args.only):
        if span.text.lower() not in ("he", "she"):
            continue
        counts["'he' / 'she' speakers"] += 1
        k, placed = classify(c, a, span)
        counts[k] += 1
        before, own = context(c, span)
        text = " ".join(((before.text if before is not None else "") + " || " + own.text + "[[" + span.text + "]] "
                         + c.text[:160]).split())
        shown[k].append(f"{c.doc_id}@{span.start_char} -> {a.name if a else None}; placed: "
                        + ", ".join(f"{e.text} ({p})" for p, e in placed) + f"\n      {text}")
    print_kinds(counts, shown, args.show, args.n, args.seed)
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("pronoun_antecedents", main))
