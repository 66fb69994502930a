"""Read a parsed spaCy Doc: its text, kept once (`doc_text`), its sentences (`sentence_starts`, `sentences`,
`sentences_indexed`), the entity a token belongs to (`ent_of`, `ent_index`); and a Doc built by hand from its
annotations as written, no model run (`parsed_as_written`), for the examples. Nothing here loads a model
(graphkit.nlp does, and reads `doc_text` from here); spaCy and numpy are imported where a function needs them.

>>> doc = parsed_as_written("Ann Lee spoke. Tom Hale did not.", sent_starts="1 0 0 0 1 0 0 0 0",
...                         ents="B-PERSON I-PERSON O O B-PERSON I-PERSON O O O")
>>> [s.text for s in sentences(doc)], ent_of(doc[5]).text, doc_text(doc) == doc.text
(['Ann Lee spoke.', 'Tom Hale did not.'], 'Tom Hale', True)
"""

from __future__ import annotations

import bisect
import threading
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: spaCy is imported where a function needs it
    from spacy.tokens import Doc, Span, Token


def parsed_as_written(text: str, *, pos: str = "", tags: str = "", deps: str = "", heads: str = "", lemmas: str = "",
                      ents: str = "", sent_starts: str = "", morphs: str = ""):
    """A Doc of ``text`` (split into tokens by spaCy's English tokenizer, as the pipeline splits it) with the
    annotations given, one per token, space-separated: ``pos``, ``tags``, ``deps``, ``heads`` (each token's head by
    index), ``lemmas``, ``ents`` (IOB: "B-ORG I-ORG O ..."), ``sent_starts`` (1 where a sentence opens, else 0),
    ``morphs`` ("Tense=Past|VerbForm=Fin", "_" for none); no model is run. The examples of graphkit read a parse as
    written: a model's update may read the sentence otherwise, and loading one costs seconds (the tests build theirs
    with ``tests/hand_parsed.parsed``).

    >>> doc = parsed_as_written("Ann Lee said so.", pos="PROPN PROPN VERB ADV PUNCT", deps="compound nsubj ROOT advmod "
    ...                         "punct", heads="1 2 2 2 2", ents="B-PERSON I-PERSON O O O")
    >>> [(t.text, t.head.text, t.dep_) for t in doc][1], [(e.text, e.label_) for e in doc.ents], doc.text
    (('Lee', 'said', 'nsubj'), [('Ann Lee', 'PERSON')], 'Ann Lee said so.')
    """
    from spacy.tokens import Doc

    tokens = _english_tokenizer()(text)
    given = {"pos": pos, "tags": tags, "deps": deps, "lemmas": lemmas, "ents": ents}
    annotations = {k: v.split() for k, v in given.items() if v}
    if heads:
        annotations["heads"] = [int(h) for h in heads.split()]
    if sent_starts:
        annotations["sent_starts"] = [bool(int(s)) for s in sent_starts.split()]
    if morphs:
        annotations["morphs"] = ["" if m == "_" else m for m in morphs.split()]
    return Doc(tokens.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens],
               **annotations)


@lru_cache(maxsize=1)
def _english_tokenizer():
    """A blank English pipeline (its tokenizer, the lexical attributes of its vocabulary and the noun chunks of its
    syntax), made once for :func:`parsed_as_written`, its tokenizer splitting a text as graphkit's pipeline does
    (`graphkit.nlp.tokenize_as_graphkit`)."""
    from spacy.lang.en import English

    from .nlp import tokenize_as_graphkit

    nlp = English()
    tokenize_as_graphkit(nlp.tokenizer)
    return nlp


def sentence_starts(doc) -> list[int]:
    """The index of each sentence's first token: the boundaries ``doc.sents`` gives, from the Doc's SENT_START
    array in one call (spaCy's ``doc.sents`` makes them token by token); ``[0]`` for a Doc with no boundaries set,
    ``[]`` for an empty one. graphkit's one home of the Doc's sentences (`sentences`, `sentences_indexed`).

    >>> doc = parsed_as_written("He said so. She did not.", sent_starts="1 0 0 0 1 0 0 0")
    >>> unsplit, empty = parsed_as_written("He said so. She did not."), parsed_as_written("")
    >>> sentence_starts(doc), sentence_starts(unsplit), sentence_starts(empty)
    ([0, 4], [0], [])
    """
    import numpy as np
    from spacy.attrs import SENT_START

    if not len(doc):
        return []
    arr = doc.to_array([SENT_START]).reshape(-1)
    return [0] + (np.flatnonzero(arr[1:] == 1) + 1).tolist()  # not a numpy scalar per token


def sentences(doc) -> list:
    """The Doc's sentences as Spans (those of ``doc.sents``: `sentence_starts`), in order; the whole Doc as one
    when it has no boundaries set.

    >>> [s.text for s in sentences(parsed_as_written("He said so. She did not.", sent_starts="1 0 0 0 1 0 0 0"))]
    ['He said so.', 'She did not.']
    """
    starts = sentence_starts(doc)
    return [doc[a:b] for a, b in zip(starts, starts[1:] + [len(doc)])]


@contextmanager
def sentences_indexed(doc):
    """A context in which ``token.sent`` of the Doc's tokens is looked up in a table of its sentences (spaCy's
    ``Doc.user_token_hooks["sent"]``, taken out on leaving), not found anew on each access: spaCy makes a
    one-token Span and walks from it to both ends of its sentence, ~10 µs a call on PolNeAR's sentences, and the
    attribution component asks it ~8,000 times on PolNeAR dev. The same Spans (equal start and end). Nothing is
    changed when the Doc has no sentence boundaries or a ``sent`` hook of its own.

    >>> doc = parsed_as_written("He said so. She did not.", sent_starts="1 0 0 0 1 0 0 0")
    >>> with sentences_indexed(doc):
    ...     [t.sent.text for t in doc][3:5], "sent" in doc.user_token_hooks
    (['He said so.', 'She did not.'], True)
    >>> "sent" in doc.user_token_hooks
    False
    """
    if "sent" in doc.user_token_hooks or not doc.has_annotation("SENT_START"):
        yield doc
        return
    sents = sentences(doc)
    starts = [s.start for s in sents]
    doc.user_token_hooks["sent"] = lambda tok: sents[bisect.bisect_right(starts, tok.i) - 1]
    try:
        yield doc
    finally:
        doc.user_token_hooks.pop("sent", None)


#: ``doc.user_data`` key of the Doc's text (`doc_text`)
TEXT_KEY = "graphkit_text"


def doc_text(doc, known: str | None = None) -> str:
    """``doc.text``, built once per Doc and kept in its ``user_data`` (`TEXT_KEY`).

    spaCy rebuilds ``Doc.text`` from every token on each access; the paragraph breaks, the attribution component,
    the speakers, the filter, the dates and the contexts all read it (seven builds per article before this was
    kept). ``known``: the text the Doc was made from, when the caller has it (spaCy's tokenizer keeps every
    character, so it is ``doc.text``): kept without rebuilding it.

    >>> from spacy.lang.en import English
    >>> d = English()("He said so."); doc_text(d) is doc_text(d) == "He said so."
    True
    """
    if known is not None:
        doc.user_data[TEXT_KEY] = known
        return known
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


_LOCAL = threading.local()


def ent_of(tok: Token) -> Span | None:
    """The entity a token belongs to (from a per-document index built once: `ent_index`), else None.

    >>> doc = parsed_as_written("Ann Lee met Tom Hale.", ents="B-PERSON I-PERSON O B-PERSON I-PERSON O")
    >>> ent_of(doc[1]).text, ent_of(doc[2])
    ('Ann Lee', None)
    """
    if not tok.ent_type_:
        return None
    return ent_index(tok.doc)[1].get(tok.i)


def ent_index(doc: Doc) -> tuple:
    """(doc, token index -> entity span, doc.ents), built once per Doc and thread.

    >>> doc = parsed_as_written("Ann Lee met Tom Hale.", ents="B-PERSON I-PERSON O B-PERSON I-PERSON O")
    >>> d, by_token, ents = ent_index(doc)
    >>> d is doc, sorted(by_token), by_token[4].text, len(ents)
    (True, [0, 1, 3, 4], 'Tom Hale', 2)
    >>> ent_index(doc)[1] is by_token   # the same Doc asked again: the index built once
    True
    """
    idx = getattr(_LOCAL, "ents", None)
    if idx is None or idx[0] is not doc:
        ents = doc.ents
        m = {}
        for e in ents:
            for i in range(e.start, e.end):
                m[i] = e
        idx = _LOCAL.ents = (doc, m, ents)
    return idx
