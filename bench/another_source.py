"""How many claims of a store have a speaker that is another clause's or another word's source, by kind.

    python bench/another_source.py STORE.gk [--polnear-split train] [--show KIND] [--n 30] [--seed 7455]

Reads every claim's speaker and cue spans of a store built from PolNeAR train + dev (``bench/eval_actors.py``) in the
cached parses (``bench/_work/parse``, as :mod:`speaker_shapes` does) and counts the shapes session 46's audits found
giving a claim another source:

- *'which' given a person*: the speaker is the relative pronoun 'which' and its actor is a person (a group or
  document the person heads or wrote is what 'which' stands for: 'X, director of Y, which advocates ...');
- *a cue with a subject of its own*: the cue's verb has a nominal subject (no relative pronoun) and the speaker
  mention is neither that subject nor inside it (a subordinate clause's verb given the main clause's subject,
  'A made the announcement after B touted ...'), split by whether the subject is a pronoun;
- *'the campaign' given a named campaign*: read against the text, whose campaign it is (session 46 found one given
  the other candidate's);
- *a coordinated cue with no subject*: the cue's verb is a conjunct with no subject of its own whose first conjunct
  has a subject other than the speaker mention.

``--show KIND`` prints a random ``--n`` of one kind (a prefix of its label) with the sentence, the speaker mention
[[marked]] and the cue <<marked>>, for a person to read against the text.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

_SUBJECTS = ("nsubj", "nsubjpass")
_RELATIVE = ("who", "which", "that", "whom")


def _own_subject(v):
    """The cue verb's own nominal subject token (no relative pronoun), else None."""
    return next((x for x in v.children if x.dep_ in _SUBJECTS and x.lower_ not in _RELATIVE), None)


def kind(claim, actor, span, cue) -> str | None:
    """The kind of a claim's speaker (labels above), None when it shows none of them."""
    if span.text.lower() == "which" and actor is not None and actor.type == "person":
        return "'which' given a person"
    if span.text.lower() in ("the campaign", "the campaign's") and actor is not None and actor.name.endswith("campaign"):
        return "'the campaign' given a named campaign"
    if cue is None:
        return None
    v = cue.root
    if v.pos_ not in ("VERB", "AUX"):
        return None
    mention = {t.i for t in span}
    subj = _own_subject(v)
    if subj is not None and subj.dep_ == "nsubj":  # a passive's subject is what was said; its agent the speaker
        if mention & {t.i for t in subj.subtree}:
            return None
        return "a cue with a subject of its own: " + ("pronoun" if subj.pos_ == "PRON" else "noun")
    if v.dep_ == "conj":
        first = v
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        fs = _own_subject(first)
        if fs is not None and not mention & {t.i for t in fs.subtree}:
            return "a coordinated cue, its first conjunct's subject another"
    return None


def _marked(claim, span, cue) -> str:
    doc = span.doc
    sent = span.sent if cue is None else doc[min(span.sent.start, cue.sent.start):max(span.sent.end, cue.sent.end)]
    out = []
    for t in sent:
        w = t.text
        if t.i == span.start:
            w = "[[" + w
        if t.i == span.end - 1:
            w += "]]"
        if cue is not None and t.i == cue.start:
            w = "<<" + w
        if cue is not None and t.i == cue.end - 1:
            w += ">>"
        out.append(w + t.whitespace_)
    return " ".join("".join(out).split())


def main(argv=None) -> int:
    from speaker_shapes import parsed_articles, print_kinds, sample_args, speaker_spans

    args = sample_args(__doc__.split("\n\n")[0], 7455, argv)  # a bad store says so before the parses are read
    docs = parsed_articles()
    counts, shown = Counter(), defaultdict(list)
    for c, a, span in speaker_spans(args.store, docs, args.only):
        counts["claims with a speaker span"] += 1
        cue = span.doc.char_span(*c.cue_span, alignment_mode="expand") if c.cue_span else None
        k = kind(c, a, span, cue)
        if k is None:
            continue
        counts[k] += 1
        shown[k].append(f"{c.doc_id} {span.text!r} -> {a.name if a else None} ({a.type if a else '-'}) "
                        f"cue {c.cue!r}\n      {_marked(c, span, cue)}")
    print_kinds(counts, shown, args.show, args.n, args.seed)
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("another_source", main))
