"""Docs built by hand, as spaCy's own tests build them: the words and their annotations given, no pipeline run.

The one home for a test that needs a parse exactly as written (one the parser gives, or gives wrongly, on a sentence)
without loading a model; `records_factory` beside it makes the records that need no spaCy at all.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=None)
def blank_vocab():
    """The vocabulary of a blank English pipeline (its lexical attributes: ``like_num``, ``is_punct``, stop words),
    made once for every Doc built here.

    >>> blank_vocab() is blank_vocab()
    True
    """
    import spacy

    return spacy.blank("en").vocab


def parsed(words, *, ents=(), vocab=None, **annotations):
    """A Doc of ``words`` with the annotations given: any of spaCy's ``Doc`` arguments (``spaces``, ``heads`` as
    absolute indices, ``deps``, ``tags``, ``pos``, ``lemmas``, ``sent_starts``); ``ents`` either one IOB string a
    word ("B-PERSON", "O") or (start, end, label) token spans; ``vocab`` the blank English one unless given (a test
    that needs the shipped model's lexemes passes its own).

    >>> doc = parsed(["Ann", "Lee", "said", "so"], heads=[1, 2, 2, 2], deps=["compound", "nsubj", "ROOT", "advmod"],
    ...              ents=[(0, 2, "PERSON")])
    >>> [(t.text, t.head.text, t.dep_) for t in doc][1], [(e.text, e.label_) for e in doc.ents]
    (('Lee', 'said', 'nsubj'), [('Ann Lee', 'PERSON')])
    >>> parsed(["Ann", "spoke"], ents=["B-PERSON", "O"]).ents[0].text
    'Ann'
    """
    from spacy.tokens import Doc, Span

    spans = [e for e in ents if not isinstance(e, str)]
    iob = [e for e in ents if isinstance(e, str)] or None
    doc = Doc(vocab if vocab is not None else blank_vocab(), words=words, ents=iob, **annotations)
    if spans:
        doc.ents = [Span(doc, start, end, label=label) for start, end, label in spans]
    return doc
