"""Repairs to the NER's entity spans, made once per Doc before the attribution stage reads them.

spaCy's small English model cuts a person's name at a quoted nickname: in 'former CIA operative and Marine
John “Tig” Tiegen found ...' it tags 'Marine John “Tig' a PERSON and 'Tiegen' an ORG, in 'Robert C. "Bobby" Scott
threw ...' it tags 'Robert C. "Bobby' and leaves 'Scott' untagged. American and British papers alike write a
nickname so between the given name and the surname ('Juan "Chico" Manriquez', 'Edward “Teddy” Taylor'), so
:func:`join_quoted_nicknames` runs such a person entity on to the surname after the closing quote.

>>> from graphkit.nlp import load_spacy
>>> doc = load_spacy()("Marcia “Cia” Price threw her support behind him.")
>>> _ = join_quoted_nicknames(doc)
>>> [(e.text, e.label_) for e in doc.ents if e.label_ == "PERSON"]
[('Marcia “Cia” Price', 'PERSON')]
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span

__all__ = ["join_quoted_nicknames", "nickname_name_end"]

OPENING = frozenset({'"', "“", "‘", "``", "'"})
CLOSING = frozenset({'"', "”", "’", "''", "'"})
MAX_NICKNAME = 3  # words between the quote marks: 'Tig', 'Chico', 'Big Bill'


def nickname_name_end(doc: Doc, ent: Span) -> Optional[int]:
    """The token index just past the surname when ``ent`` is a person entity cut inside or right after a quoted
    nickname that follows a word of the name; None when it is not.

    The quote opens after at least one word of the entity (a given name), holds one to
    :data:`MAX_NICKNAME` capitalised words, closes, and is followed by one or more capitalised proper nouns on
    the same line (the surname); the entity ends at or before that surname. A quotation ('Trump’s ‘Incredibly
    Hateful Rhetoric’') is not a nickname: no name word follows its closing quote.
    """
    if ent.label_ != "PERSON":
        return None
    opened = next((t.i for t in ent if t.text in OPENING and t.i > ent.start), None)
    if opened is None:
        return None
    i = opened + 1
    words = 0
    while i < len(doc) and words <= MAX_NICKNAME and doc[i].text not in CLOSING:
        if not doc[i].text[:1].isupper():
            return None
        words += 1
        i += 1
    if not words or words > MAX_NICKNAME or i >= len(doc) or doc[i].text not in CLOSING:
        return None
    if doc[i].whitespace_ == "" and i + 1 < len(doc) and doc[i + 1].is_alpha:
        return None  # an apostrophe inside a word, not a closing quote
    end = i + 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and "\n" not in doc[end - 1].whitespace_:
        end += 1
    if end == i + 1 or ent.end >= end:
        return None
    return end


def join_quoted_nicknames(doc: Doc) -> Doc:
    """Run each person entity cut at a quoted nickname on to the surname after it (:func:`nickname_name_end`),
    replacing the entities the surname's words had; the Doc is changed in place and returned. Idempotent."""
    ents = list(doc.ents)
    fixes = [(e, end) for e in ents if (end := nickname_name_end(doc, e)) is not None]
    if not fixes:
        return doc
    out = []
    for e, end in fixes:
        out.append(Span(doc, e.start, end, label="PERSON"))
    covered = [(s.start, s.end) for s in out]
    out.extend(e for e in ents if not any(e.start < b and a < e.end for a, b in covered))
    doc.ents = sorted(out, key=lambda s: s.start)
    return doc
