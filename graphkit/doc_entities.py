"""Repairs to the NER's entity spans, made once per Doc before the attribution stage reads them.

spaCy's small English model cuts a person's name at a quoted nickname: in '... Marine
John “Tig” Tiegen found ...' it tags 'Marine John “Tig' a PERSON and 'Tiegen' an ORG, in 'Robert C. "Bobby" Scott
threw ...' it tags 'Robert C. "Bobby' and leaves 'Scott' untagged, and in 'Veteran campaigner Edward “Teddy” Taylor
found ...' it tags 'Edward' a PERSON and 'Teddy” Taylor found the treaty' a WORK_OF_ART. American and British papers
alike write a nickname so, between the given name and the surname, so :func:`join_quoted_nicknames` makes the
whole name one person entity.

>>> from spacy.tokens import Doc
>>> from spacy.vocab import Vocab
>>> words = "Veteran campaigner Edward “ Teddy ” Taylor found the treaty wanting .".split()
>>> doc = Doc(Vocab(), words=words, spaces=[1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 0, 0],
...           pos="ADJ NOUN PROPN PUNCT PROPN PUNCT PROPN VERB DET NOUN ADJ PUNCT".split(),
...           ents="O O B-PERSON I-PERSON I-PERSON O B-ORG O O O O O".split())  # the name cut in two, as the NER may
>>> [(e.text, e.label_) for e in doc.ents]
[('Edward “Teddy', 'PERSON'), ('Taylor', 'ORG')]
>>> [e.text for e in join_quoted_nicknames(doc).ents if e.label_ == "PERSON"]
['Edward “Teddy” Taylor']
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from .quotes import CLOSING_TOKENS as CLOSING, OPENING_TOKENS as OPENING  # the quote marks' one home

__all__ = ["join_quoted_nicknames", "quoted_nickname_names"]

MAX_NICKNAME = 3  # words between the quote marks: 'Tig', 'Chico', 'Big Bill'


def _capitalised_proper_noun(t: Token) -> bool:
    """A capitalised proper noun or initial ('John', 'C.'): a word of a name in running text (its callers ask that it
    is on the line of the token before it). Not `frames_headline`'s name word, which a headline's title case reads.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words=["John", "C.", "smith", "Campaigner"], pos=["PROPN", "PROPN", "PROPN", "NOUN"])
    >>> [_capitalised_proper_noun(t) for t in doc]
    [True, True, False, False]
    """
    return t.pos_ == "PROPN" and t.text[:1].isupper()


def _surname_end(doc: Doc, i: int) -> int:
    """The token index past the capitalised proper nouns from ``i`` on, a hyphenated surname whole
    ('Marshall-Andrews'); ``i`` when there are none. A line break ends a name."""
    end = i
    while end < len(doc) and "\n" not in doc[end - 1].whitespace_:
        t = doc[end]
        if _capitalised_proper_noun(t):
            end += 1
        elif t.text == "-" and not t.whitespace_ and not doc[end - 1].whitespace_ and end + 1 < len(doc) \
                and _capitalised_proper_noun(doc[end + 1]) and end > i:
            end += 2
        else:
            break
    return end


def _quoted_nickname(doc: Doc, q: int) -> Optional[int]:
    """The closing quote's index when the quote opening at ``q`` holds one to :data:`MAX_NICKNAME` capitalised words
    and closes as a quote (not an apostrophe inside a word); else None."""
    i = q + 1
    while i < len(doc) and i - q - 1 <= MAX_NICKNAME and doc[i].text not in CLOSING:
        if not doc[i].text[:1].isupper() or "\n" in doc[i - 1].whitespace_:
            return None
        i += 1
    if i == q + 1 or i - q - 1 > MAX_NICKNAME or i >= len(doc) or doc[i].text not in CLOSING:
        return None
    return i


def quoted_nickname_names(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token spans of person names written with a quoted nickname between the given name and the
    surname: name words, an opening quote, one to three capitalised words, a closing quote, capitalised proper nouns.

    A name counts when the NER tagged part of it a PERSON, or when the word before the quote is a given name of
    the `nicknames` table (graphkit.given_names.listed_given_name: 'Andy “Mac” McNab' tagged an ORG; not 'Toys "R" Us').
    It starts where the PERSON entity over its given name starts ('Marine John') or at that given name. A quotation
    after a name ('Trump’s ‘Incredibly Hateful Rhetoric’ was ...') is none: no name word follows its closing quote.
    """
    from .given_names import listed_given_name

    out = []
    for q, t in enumerate(doc):
        if t.text not in OPENING or q == 0 or not _capitalised_proper_noun(doc[q - 1]) \
                or "\n" in doc[q - 1].whitespace_:
            continue
        close = _quoted_nickname(doc, q)
        if close is None:
            continue
        end = _surname_end(doc, close + 1)
        if end == close + 1:
            continue
        given = doc[q - 1]
        person = next((e for e in doc.ents if e.label_ == "PERSON" and e.start < end and q - 1 < e.end), None)
        if person is not None and person.start <= q - 1:
            start = person.start
        elif person is not None or listed_given_name(given.text):
            start = q - 1
            while start > 0 and doc[start - 1].text.endswith(".") and len(doc[start - 1].text) == 2 \
                    and _capitalised_proper_noun(doc[start - 1]):
                start -= 1  # 'Robert C. "Bobby" Scott': initials belong to the given names
            if start > 0 and _capitalised_proper_noun(doc[start - 1]) and listed_given_name(doc[start - 1].text):
                start -= 1
        else:
            continue
        if person is not None:
            start, end = min(start, person.start), max(end, person.end)  # never less than the NER's person
        out.append((start, end))
    return _merged(out)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans joined ('John "Jack" Smith "Junior" Jones' is found at both quotes), in text order."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def join_quoted_nicknames(doc: Doc) -> Doc:
    """Make each name written with a quoted nickname (:func:`quoted_nickname_names`) one PERSON entity, dropping the
    entities that overlapped it; the Doc is changed in place and returned. Idempotent."""
    names = quoted_nickname_names(doc)
    if not names:
        return doc
    ents = list(doc.ents)
    names = [(a, b) for a, b in names if not any(e.start == a and e.end == b and e.label_ == "PERSON" for e in ents)]
    if not names:
        return doc
    kept = [e for e in ents if not any(e.start < b and a < e.end for a, b in names)]
    doc.ents = sorted(kept + [Span(doc, a, b, label="PERSON") for a, b in names], key=lambda s: s.start)
    return doc
