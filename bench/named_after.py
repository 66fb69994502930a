"""How many speakers written as a description of one unnamed person does the text right after name.

    python bench/named_after.py STORE.gk [--polnear-split train] [--sentences 2] [--show 30] [--seed 7454]

The lever of "A spokesman for the campaign said ..." followed by "... said Jane Doe, the spokesman" (issue 12).
Reads every claim's speaker span of a store built from PolNeAR train + dev (``bench/eval_actors.py``) in the cached
parses (``bench/_work/parse``) and keeps the *descriptions*: a singular common noun naming a person (a source or
spokesperson word, or a person noun) that is no name, whose actor the build did not make a person. For each it looks
in the next ``--sentences`` sentences for a person the article names *with the same head noun*, as
:class:`graphkit.article_names.ArticleNames` reads roles (a title before the name, 'Rubio spokesman Alex Conant', or
an apposition, 'Jane Doe, the spokesman,' / 'the spokesman, Jane Doe'), and counts them by the description's
determiner, whether whom they speak for agrees ('a spokesman for Rubio' and 'Clinton spokesman X' do not), and
whether one person or several are so named. ``--show N`` prints N random ones (``--seed``) with the description's
sentence and the sentences after it, for a person to read.
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


def described_one(span) -> bool:
    """A speaker mention that describes one person and names no one: its head a singular common noun that is a
    source or spokesperson word or a person noun, outside any person's name ('A spokesman for Sen. Ann Lee',
    'A top adviser', 'the official'; not 'Ann Lee', 'officials', 'the campaign')."""
    from graphkit.mentions import ANON_HEADS
    from graphkit.person_nouns import person_noun
    from graphkit.speaker_parts import SPOKES

    head = span.root
    lemma = head.lemma_.lower()
    return head.pos_ == "NOUN" and head.tag_ == "NN" and head.ent_type_ != "PERSON" \
        and (lemma in ANON_HEADS or lemma in SPOKES or person_noun(lemma))


def determiner(span) -> str:
    """'indefinite' ('a', 'an', 'one'), 'definite' ('the'), 'another', or 'other' (a possessive, none)."""
    first = span[0].lower_
    return {"a": "indefinite", "an": "indefinite", "one": "indefinite", "the": "definite",
            "another": "another"}.get(first, "other")


def named_after(names, span, n_sents: int) -> list[tuple[int, str, str]]:
    """(where, role as written, full name) of the people ``names`` (the article's ArticleNames) names with the
    mention's head noun as their role's last word, in the ``n_sents`` sentences after the mention's sentence."""
    head = span.root
    starts = names._sent_starts
    k = max(i for i, s in enumerate(starts) if s <= head.idx)
    lo = starts[k + 1] if k + 1 < len(starts) else None
    hi = starts[k + 1 + n_sents] if k + 1 + n_sents < len(starts) else len(span.doc.text)
    if lo is None:
        return []
    words = {head.lower_, head.lemma_.lower()}
    return [(at, role, name) for at, role, name, _ in names.titled
            if lo <= at < hi and role.split()[-1] in words]


def principal_agrees(span, role: str) -> str:
    """'none' when the mention names no one it speaks for; 'agrees' when the later role's words hold the last word of
    whom it speaks for ('Rubio' in 'rubio spokesman'); 'other' when the later role names another ('clinton
    spokesman'); 'unsaid' when the later role names no one."""
    from graphkit.speaker_parts import principal_tokens

    who = principal_tokens(span.root)
    if not who:
        return "none"
    last = who[0].text.lower().rstrip("'s").rstrip("’s")
    words = role.lower().split()[:-1]
    if not words:
        return "unsaid"
    return "agrees" if last in words else "other"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--polnear-split", choices=["train", "dev"], default="train")
    ap.add_argument("--sentences", type=int, default=2, help="how many sentences after the mention's to look in")
    ap.add_argument("--show", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7454)
    args = ap.parse_args(argv)
    from graphkit.article_names import ArticleNames
    from polnear import split_ids
    from speaker_shapes import parsed_articles, speaker_spans

    docs = parsed_articles()
    names: dict[str, ArticleNames] = {}
    counts, found = Counter(), []
    for c, actor, span in speaker_spans(args.store, docs, split_ids(args.polnear_split)):
        counts["claims with a speaker span"] += 1
        if not described_one(span) or (actor is not None and actor.type == "person"):
            continue
        det = determiner(span)
        counts[f"descriptions of one unnamed person, {det}"] += 1
        if c.doc_id not in names:
            names[c.doc_id] = ArticleNames(span.doc)
        hits = named_after(names[c.doc_id], span, args.sentences)
        if not hits:
            continue
        people = {h[2] for h in hits}
        agree = principal_agrees(span, hits[0][1])
        counts[f"  named after with its head noun, {det}"] += 1
        counts[f"    whom it speaks for: {agree}"] += 1
        counts[f"    people so named: {'one' if len(people) == 1 else 'several'}"] += 1
        found.append((c, actor, span, hits, det, agree))
    for kind, n in sorted(counts.items()):
        print(f"{n:6,}  {kind}")
    picked = random.Random(args.seed).sample(found, min(args.show, len(found)))
    for c, actor, span, hits, det, agree in sorted(picked, key=lambda r: (r[0].doc_id, r[2].start)):
        doc = span.doc
        sent = span.root.sent
        after = doc[sent.end:min(len(doc), sent.end + 90)].text
        print(f"\n{c.doc_id}@{span.start_char}-{span.end_char} {span.text!r} -> {actor.name if actor else None} "
              f"({actor.type if actor else '-'}); {det}, speaks for: {agree}; named after: "
              + "; ".join(f"{name} ({role!r})" for _, role, name in hits))
        print("   ", " ".join(sent.text.split())[:400])
        print("   >", " ".join(after.split())[:500])
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("named_after", main))
