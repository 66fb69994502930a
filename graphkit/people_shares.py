"""Shares of people as a speaker: '24 percent of voters', 'Four in 10', 'half of GOP primary voters'.

A subject that counts a share or a number of people it names after 'of' is people, a group
(:func:`share_of_people`); a share that does not say of whom (:func:`bare_share`: 'Only 12 percent said') counts the
group of the nearest share written with its group before it (:func:`group_of_share`), named so (:func:`share_of`).
Read by :func:`graphkit.speaker_types.speaker_type` and :mod:`graphkit.speakers`.

>>> from graphkit.nlp import load_spacy
>>> doc = load_spacy()("Asked about the fares, 38 percent of riders called them fair. Only 12 percent said so.")
>>> share_of("Only 12 percent", group_of_share(doc[15], 14))
'Only 12 percent of riders'
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span, Token

from .person_heads import people_head
from .speaker_phrase import names_no_one

__all__ = ["SHARE_WORDS", "share_head", "share_of_people", "bare_share", "group_of_share", "share_of"]


#: heads that count a share of a group, not the group: '9 percent', '9 per cent', 'half', 'a majority', 'most' (a
#: number alone too: :func:`share_head`)
SHARE_WORDS = frozenset({"percent", "%", "cent", "half", "third", "quarter", "fifth", "majority", "minority",
                         "plurality", "share", "fraction", "portion", "proportion", "percentage", "bulk", "handful",
                         "two-thirds", "one-third", "number", "rest", "most"})

#: the words a share's own unit is written with after its head: 'four in 10', 'nine out of 10', '9 per cent'
_SHARE_UNIT_WORDS = frozenset({"in", "out", "of", "per", "cent"})


def share_head(head: Token) -> bool:
    """Whether a subject's head counts a share of a group: a number ('43 said', 'Four in 10'), a percentage or
    another share word ('24 percent', '9 per cent', 'half', 'majorities', 'most': :data:`SHARE_WORDS`)."""
    return head.like_num or head.lemma_.lower() in SHARE_WORDS


def share_of_people(head: Token) -> bool:
    """Whether a subject counts a share or a number of people it names after 'of': its head a share or a number
    (:func:`share_head`) or a quantifier (:func:`~graphkit.speaker_phrase.names_no_one`), not 'one' (one person),
    with an 'of' whose object is people in the plural (:func:`~graphkit.person_heads.people_head`: '34% of GOP
    voters', 'half of GOP primary voters', 'A handful of Acme Party insiders', 'A number of council members'). Such a
    phrase is people, a group, whatever the NER typed a word after 'of' ('GOP', 'Acme Party'); not a share of a body
    or a thing ('a majority of the Senate', 'half of the budget').

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = "Half of Acme Party voters and a third of the Acme Party and one of the voters".split()
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[0, 0, 3, 4, 1, 0, 7, 0, 7, 11, 11, 8, 7, 7, 13, 16, 14],
    ...           deps="ROOT prep compound compound pobj cc det conj prep det compound pobj cc conj prep det pobj".split(),
    ...           tags="NN IN NNP NNP NNS CC DT NN IN DT NNP NNP CC CD IN DT NNS".split(),
    ...           pos="NOUN ADP PROPN PROPN NOUN CCONJ DET NOUN ADP DET PROPN PROPN CCONJ NUM ADP DET NOUN".split(),
    ...           lemmas="half of Acme Party voter and a third of the Acme Party and one of the voter".split())
    >>> [(t.text, share_of_people(t)) for t in (doc[0], doc[7], doc[13])]
    [('Half', True), ('third', False), ('one', False)]
    """
    if head.lower_ == "one" or not (share_head(head) or names_no_one(head)):
        return False
    objs = (x for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for x in c.children if x.dep_ == "pobj")
    return any(x.tag_ in ("NNS", "NNPS") and people_head(x) for x in objs)


def bare_share(toks: list[Token], head: Token) -> bool:
    """Whether a speaker phrase is a share that does not say of whom: its head a share (:func:`share_head`) and
    nothing after it but the share's unit ('Only 24 percent', 'Four in 10', 'Nine per cent'; not '52 percent of
    registered voters', 'those surveyed')."""
    return share_head(head) and all(t.lower_ in _SHARE_UNIT_WORDS or t.like_num for t in toks if t.i > head.i)


def group_of_share(head: Token, start: int) -> Optional[Span]:
    """The group a bare share counts (:func:`bare_share`): the group of the nearest share written *with* its group
    before it, in its sentence before token ``start``, else in the sentence before: the people of an 'of' after a
    share or quantity ('38 percent of riders called the fares fair. Only 12 percent said ...') or of an 'among'
    ('Among Labour members, 61 per cent said ...'), a plural noun naming people
    (:func:`~graphkit.person_heads.people_head`). None when neither sentence has one: the share stays as written.
    Chosen on PolNeAR train (bench/quantity_groups.py: 24 bare shares with such a group, 23 of them its share of that
    group).

    >>> from graphkit.nlp import load_spacy
    >>> doc = load_spacy()("Asked about the fares, 38 percent of riders called them fair. Only 12 percent said so.")
    >>> group_of_share(doc[15], 14).text
    'riders'
    """
    doc = head.doc
    sent = head.sent
    hits = _share_groups(doc[sent.start:start])
    if not hits and sent.start > 0:
        hits = _share_groups(doc[sent.start - 1].sent)
    return _group_phrase(hits[-1]) if hits else None


def _share_groups(words: Span) -> list[Token]:
    """The group nouns of the shares ``words`` writes with their group ('38 percent of riders', 'two-thirds of
    the union's members', 'Among Labour members'), in order."""
    out = []
    for t in words:
        if t.dep_ == "prep" and t.lower_ in ("of", "among") and (t.lower_ == "among" or share_head(t.head)
                                                                 or names_no_one(t.head)):
            obj = next((x for x in t.children if x.dep_ == "pobj"), None)
            if obj is not None and obj.tag_ in ("NNS", "NNPS") and people_head(obj):
                out.append(obj)
    return out


def _group_phrase(noun: Token) -> Span:
    """The noun phrase a group noun heads, up to the first punctuation after it ('likely GOP primary voters', 'people
    in a recent poll')."""
    doc = noun.doc
    end = noun.i + 1
    for t in doc[noun.i + 1:noun.right_edge.i + 1]:
        if t.is_punct:
            break
        end = t.i + 1
    return doc[noun.left_edge.i:end]


def share_of(share: str, group: Span) -> str:
    """The name of a bare share of a group: '24 percent of voters'; 'Four in 10 voters' for a share written 'N in M'
    of a group with no determiner ('Four in 10 of the nurses polled' with one).

    >>> from graphkit.nlp import load_spacy
    >>> doc = load_spacy()("Labour members and the nurses polled")
    >>> share_of("Only 24 percent", doc[0:2]), share_of("Four in 10", doc[0:2]), share_of("Four in 10", doc[3:6])
    ('Only 24 percent of Labour members', 'Four in 10 Labour members', 'Four in 10 of the nurses polled')
    """
    one_in = re.search(r"\b(in|out of) \S+$", share) is not None and group[0].dep_ not in ("det", "poss")
    return f"{share} {group.text}" if one_in else f"{share} of {group.text}"
