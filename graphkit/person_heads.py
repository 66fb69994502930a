"""What the head word of a speaker phrase names, read over the parse: a person, people, an office.

Word-level tests the speaker phrase's modules share (:mod:`graphkit.speaker_phrase`, :mod:`graphkit.people_shares`,
:mod:`graphkit.appositions`, :mod:`graphkit.speaker_types`, :mod:`graphkit.speaker_parts`); which nouns name a
person is :mod:`graphkit.person_nouns`' list, read here of a token.

>>> from graphkit.doc_reading import parsed_as_written
>>> doc = parsed_as_written("the senator and the aides", pos="DET NOUN CCONJ DET NOUN", tags="DT NN CC DT NNS",
...                         lemmas="the senator and the aide")
>>> [(t.text, names_a_person(t), person_role(t), plural_people(t), people_head(t)) for t in (doc[1], doc[4])]
[('senator', True, True, False, False), ('aides', True, False, True, True)]
"""

from __future__ import annotations

from spacy.tokens import Token

from .mentions import ANON_HEADS
from .mentions import ROLE_HEADS as ROLE_WORDS
from .person_nouns import person_noun, plural_person_noun

__all__ = ["names_a_person", "people_head", "person_role", "plural_people"]


def names_a_person(t: Token) -> bool:
    """Whether the word names a person: a person's name (the NER's PERSON) or a common noun whose most frequent sense
    is a person (`graphkit.person_nouns.person_noun`: 'chairman', 'cousin'; not 'trust', 'book')."""
    return t.ent_type_ == "PERSON" or (t.pos_ == "NOUN" and person_noun(t.lemma_))


def plural_people(head: Token) -> bool:
    """A plural common noun naming people ('candidates', 'MPs', 'aides'; graphkit.person_nouns.plural_person_noun, the
    one reading of a plural's person noun, as a stored phrase is read): a group, never one person, whether the NER took
    it for a name or names stand in apposition to it."""
    return head.tag_ in ("NNS", "NNPS") and plural_person_noun(head.text) is not None


def person_role(head: Token) -> bool:
    """A singular common noun naming an office or job a person holds ('candidate', 'senator', 'chairman')."""
    return head.pos_ == "NOUN" and head.tag_ == "NN" and head.lower_ in ROLE_WORDS and not head.ent_type_


def people_head(head: Token) -> bool:
    """Whether a subject's head is unnamed people a phrase after it may say which: a common noun of an anonymous
    source ('people', 'officials', 'sources'), a plural person noun ('voters', 'activists', also one the NER took for a
    name: :func:`plural_people`) or a plural people or party ('Republicans on Capitol Hill')."""
    lemma = head.lemma_.lower()
    if head.ent_type_:  # a people, or people the NER took for a name ('Tory MPs in marginal seats')
        return head.ent_type_ == "NORP" and head.tag_ in ("NNS", "NNPS") or plural_people(head)
    return head.pos_ == "NOUN" and (lemma in ANON_HEADS or plural_people(head))
