"""Keyphrases of a claim: the noun phrases and named things it is about, read from the parsed Doc.

Plain functions over a spaCy ``Doc`` (no spaCy import here). The extraction keeps each claim's
keyphrases so that issues can be discovered from a corpus that brings no taxonomy
(graphkit.discover) without parsing again.

A noun chunk gives its *core* — compounds and the head noun, without determiners, pronouns,
numbers or adjectives ("the new council tax bills" → "council tax bills") —, the core with its
adjectives ("general election", "nuclear weapons") and the head noun alone ("bills"), so that
claims saying "the plan", "the peace plan" and "the 28-point plan" share a phrase.
Named entities of the kinds an issue can be about (organisations, events, laws, products,
buildings) come as written. People, places and nationalities are left out: they are who and
where (graphkit resolves them as actors and places), not what a claim is about; issue discovery adds
the places abroad a claim says, once places are resolved (graphkit.store_issues.said_abroad).

>>> from graphkit.doc_reading import parsed_as_written
>>> doc = parsed_as_written(
...     "He said the new council tax bills would hit pensioners before the general election in Britain.",
...     pos="PRON VERB DET ADJ NOUN NOUN NOUN AUX VERB NOUN ADP DET ADJ NOUN ADP PROPN PUNCT",
...     deps="nsubj ROOT det amod compound compound nsubj aux ccomp dobj prep det amod pobj prep pobj punct",
...     heads="1 1 6 6 6 6 8 8 1 8 8 13 13 10 13 14 1", ents="O O O O O O O O O O O O O O O B-GPE O")
>>> keyphrases(doc, [(8, len(doc.text) - 1)])
['new council tax bills', 'council tax bills', 'bills', 'pensioners', 'general election', 'election']
"""

from __future__ import annotations

import bisect
from typing import Sequence

ISSUE_ENTITY_LABELS = {"ORG", "EVENT", "LAW", "FAC", "PRODUCT", "WORK_OF_ART"}
# a chunk headed by one of these is who or where, not what about: graphkit resolves them as actors and places
NOT_ABOUT = {"PERSON", "GPE", "NORP", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
_DROP_POS = {"DET", "PRON", "NUM", "PUNCT", "PART", "SYM", "X", "SPACE", "ADP", "CCONJ", "AUX", "VERB", "ADV"}
_NOUNS = {"NOUN", "PROPN"}
MAX_WORDS = 4


def _inside(tok_start: int, tok_end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= tok_start and tok_end <= e for s, e in spans)


HYPHENS = {"-", "\u2010", "\u2011"}


def _joined(doc, i: int) -> bool:
    """Whether token ``i`` is a hyphen written inside a word ("e-mails", "28-point"): no space on either side."""
    return _has(_joins(doc), i)


def _has(ordered: tuple, i: int) -> bool:
    """Whether ``i`` is in the sorted tuple ``ordered`` (by bisection: a long article has thousands of hyphens)."""
    k = bisect.bisect_left(ordered, i)
    return k < len(ordered) and ordered[k] == i


def _joins(doc) -> tuple:
    """The tokens of ``doc`` that are hyphens written inside a word (`_joined`), in order, found once per Doc from
    its arrays (kept in ``doc.user_data``, a sorted tuple, which spaCy can serialise): asked of every
    word of every noun chunk, the question made four Token objects."""
    joins = doc.user_data.get("graphkit_hyphen_joins")
    if joins is None:
        from spacy.attrs import IS_PUNCT, ORTH, SPACY

        hyphens = {doc.vocab.strings[h] for h in HYPHENS}
        orth, space, punct = (doc.to_array([ORTH, SPACY, IS_PUNCT]).T.tolist() if len(doc) else ([], [], []))
        joins = doc.user_data["graphkit_hyphen_joins"] = tuple(
            i for i in range(1, len(orth) - 1) if orth[i] in hyphens and not space[i - 1] and not space[i]
            and not punct[i - 1] and not punct[i + 1])
    return joins


def _word_start(t) -> int:
    """The first token of the hyphenated word ending at ``t`` ("e-mails": the "e"); ``t.i`` when there is none."""
    i = t.i
    joins = _joins(t.doc)
    while i >= 2 and joins and _has(joins, i - 1):
        i -= 2
    return i


def _word(t) -> str:
    """``t`` as written with the hyphenated word it ends: spaCy splits "e-mails" into "e", "-", "mails", and
    "mails" alone is another word (PolNeAR train's discovered issue "mails")."""
    i = _word_start(t)
    return t.text if i == t.i else t.doc[i:t.i + 1].text  # a one-token span's text is the token's


def _chunk_phrases(chunk) -> list[str]:
    """Core (compounds + head) and, when it has adjectives, adjectives + core; [] for pronouns, people, numbers.
    A hyphenated word is one word ("e-mails", "28-point plan"), even where the parser split its chunk."""
    head = chunk.root
    doc = chunk.doc
    if head.pos_ not in _NOUNS or head.ent_type_ in NOT_ABOUT or head.is_stop or _joined(doc, head.i + 1):
        return []  # (the last: a chunk ending inside a hyphenated word, "30,000 e" of "30,000 e-mails")
    kept = [t for t in chunk if t.i <= head.i and t.pos_ not in _DROP_POS and not t.is_stop
            and (t.i == head.i or t.dep_ in ("compound", "amod", "nmod")) and t.text.isalnum() or t.i == head.i]
    kept = [t for t in kept if t.i == head.i or not _joined(doc, t.i + 1)]  # the start of a hyphenated word is in it
    # the contiguous run ending at the head (a gap means a word in between was dropped)
    run = []
    for t in reversed(kept):
        if run and t.i != _word_start(run[0]) - 1:
            break
        run.insert(0, t)
    core = []  # the nouns at the end of the run
    for t in reversed(run):
        if t.pos_ not in _NOUNS and t.i != head.i:
            break
        core.insert(0, t)
    out = [" ".join(_word(t) for t in ts) for ts in (run[-MAX_WORDS:], core[-MAX_WORDS:], [head])]
    return list(dict.fromkeys(p for p in out if p))  # full, core, head: each once


def _noun_chunk_bounds(doc) -> list:
    try:
        return [(c.start, c.end) for c in doc.noun_chunks]
    except (NotImplementedError, ValueError):  # no noun-chunk iterator for the language, or no parse
        return []


def _issue_ent_bounds(doc) -> list:
    return [(e.start, e.end) for e in doc.ents if e.label_ in ISSUE_ENTITY_LABELS]


def _spans_in(span, bounds_of) -> list:
    """The doc's spans that ``bounds_of(doc)`` lists (as (start, end) token pairs) lying inside `span`.

    spaCy's ``Span.noun_chunks`` and ``Span.ents`` walk every chunk or entity of the whole Doc on each
    call; the list is made once per Doc (kept in ``doc.user_data`` under the function's name) instead, with
    its starts sorted, so a claim looks at the spans starting inside it only (an article of 10,000 claims
    walked every chunk of the article for each)."""
    doc = span.doc
    key = "graphkit" + bounds_of.__name__
    index = doc.user_data.get(key)
    if index is None:
        bounds = bounds_of(doc)
        order = sorted(range(len(bounds)), key=lambda i: bounds[i][0])
        index = doc.user_data[key] = (bounds, order, [bounds[i][0] for i in order])
    bounds, order, starts = index
    lo, hi = bisect.bisect_left(starts, span.start), bisect.bisect_right(starts, span.end)
    hits = sorted(i for i in order[lo:hi] if bounds[i][1] <= span.end)  # in the order bounds_of gave them
    return [doc[bounds[i][0]:bounds[i][1]] for i in hits]


def keyphrases(doc, spans: Sequence[tuple[int, int]]) -> list[str]:
    """Keyphrases of the text inside `spans` (character offsets into ``doc.text``), in text order, each once."""
    out: list[str] = []
    seen: set[str] = set()

    def add(p: str):
        k = p.lower()
        if k not in seen and any(ch.isalpha() for ch in p):
            seen.add(k)
            out.append(p)

    if not spans:
        return out
    lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
    span = doc.char_span(lo, hi, alignment_mode="expand")
    if span is None:
        return out
    items = []
    for chunk in _spans_in(span, _noun_chunk_bounds):
        if _inside(chunk.start_char, chunk.end_char, spans):
            items.append((chunk.start_char, _chunk_phrases(chunk)))
    for ent in _spans_in(span, _issue_ent_bounds):
        if _inside(ent.start_char, ent.end_char, spans):
            words = [t for t in ent if t.pos_ != "DET" and t.text not in ("'s", "’s")]
            if words and len(words) <= MAX_WORDS:
                items.append((ent.start_char, ["".join(t.text_with_ws for t in words).strip()]))  # as written: "Dodd-Frank"
    for _, phrases in sorted(items, key=lambda x: x[0]):
        for p in phrases:
            add(p)
    return out
