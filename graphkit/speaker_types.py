"""A speaker phrase's type: PERSON, ORG, GPE, NORP, ANON (a source not named), PRON or NOUN (a role, people).

Plain functions over the parse, no article state: :func:`speaker_type` types the phrase
:func:`graphkit.speaker_phrase.speaker_tokens` cuts, with the tests it asks: one person or member not named
(:func:`one_unnamed_person`, :func:`one_member`), a person described (:func:`definite_person`), the labels a person
noun's possessor alone brings (:func:`owners_labels`). :mod:`graphkit.speakers` then resolves the phrase within its
article.

>>> from graphkit.nlp import load_spacy
>>> from graphkit.speaker_phrase import speaker_tokens
>>> doc = load_spacy()("Kremlin spokesman Dmitry Peskov, who spoke on Monday, said the plan was dead.")
>>> said = next(t for t in doc if t.lower_ == "said")
>>> toks = speaker_tokens(next(t for t in said.children if t.dep_ == "nsubj"))
>>> speaker_type(toks, toks[-1])
'PERSON'
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .appositions import named_in_apposition
from .mentions import ANON_HEADS, ONE_OF_MANY
from .names import is_honorific
from .people_shares import share_of_people
from .person_heads import person_role
from .person_nouns import person_noun
from .speaker_parts import SPOKES, person_of_phrase, spoken_for
from .speaker_phrase import naming_zone

__all__ = ["PRONOUN_WORDS", "ANON_DETS", "speaker_type", "one_unnamed_person", "one_member", "definite_person",
           "brings_in_one", "owners_labels"]


PRONOUN_WORDS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"}


ANON_DETS = {"a", "an", "another", "some", "several", "one", "two", "three", "four", "many", "other", "few",
              "multiple", "various", "numerous"}


def speaker_type(toks: list[Token], head: Token) -> str:
    """The type of the speaker phrase ``toks`` headed by ``head``: PRON (a pronoun alone), PERSON (the person entity
    that holds the head: :func:`graphkit.speaker_parts.person_of_phrase`, or an honorific and a name), ANON (a
    spokesperson of someone named, a source word, one person or member not named), NOUN (a share of people, a role,
    a common noun), else the entity type that names it (ORG, GPE, NORP) or ORG for a proper noun (the module's
    example)."""
    low = head.lower_
    if len(toks) == 1 and (head.pos_ == "PRON" and not head.ent_type_ or low in PRONOUN_WORDS):
        return "PRON"  # not a name the tagger took for a pronoun ('O’Malley', an entity)
    named_by = naming_zone(head)
    toks = [t for t in toks if t.i not in named_by] or toks  # 'a study by the Council ...' is a study
    ents = {t.ent_type_ for t in toks if t.ent_type_}
    if "PERSON" in ents and person_of_phrase(toks) is not None:
        return "PERSON"
    if len(toks) >= 2 and is_honorific(toks[0].text) and head.pos_ == "PROPN" and head != toks[0]:
        return "PERSON"  # 'Mr Cable' where the NER saw no person
    if head.lemma_.lower() in SPOKES and head.pos_ == "NOUN" and (any(
            t.dep_ in ("poss", "compound", "nmod", "amod") and (t.ent_type_ or t.pos_ == "PROPN") for t in head.children)
            or spoken_for(head) is not None):
        return "ANON"  # "a Downing Street spokesman", "Mr Blair's spokesman", "a spokeswoman for YouTube": never them
    if head.lemma_.lower() in ANON_HEADS:
        first = toks[0].lower_
        if first in ANON_DETS or (head.tag_ == "NNS" and first not in {"the", "these", "those"}) or any(
                t.lower_ == "anonymity" for t in head.subtree):
            return "ANON"
    if one_member(toks, head):
        return "ANON"  # 'a New Hampshire Republican', 'one Democrat': one person of a party, never the party
    if share_of_people(head):
        return "NOUN"  # '34% of GOP voters', 'A handful of Acme Party insiders': people, not 'GOP' or the party
    for lab in ("ORG", "GPE", "NORP"):
        if head.ent_type_ == lab:
            return lab
    if person_role(head):
        return "NOUN"  # 'the Republican presidential candidate': a role, not the group its adjective names
    if one_unnamed_person(toks, head):
        return "ANON"  # 'a neighbor', 'one voter': one person the article does not name, never a group
    ents -= owners_labels(toks, head)
    for lab in ("ORG", "GPE", "NORP"):
        if lab in ents:
            return lab
    if head.pos_ == "PROPN":
        return "ORG"
    return "NOUN"


def one_unnamed_person(toks: list[Token], head: Token) -> bool:
    """Whether a speaker phrase is one person it does not name: a singular common noun whose most frequent sense
    is a person (models/person_nouns.txt: 'neighbor', 'friend', 'voter'; not 'poll', 'group'), opened by 'a', 'an',
    'one' or 'another', no entity of its own and no person named in apposition ('Another critic, Laurence Tribe,'
    is Laurence Tribe). A plural ('neighbors') is a group, a definite 'the neighbor' someone the article may have
    named; an office ('a federal judge', :func:`~graphkit.person_heads.person_role`) is read before this.

    >>> from graphkit.nlp import load_spacy
    >>> from graphkit.speaker_phrase import speaker_tokens
    >>> def one(s):
    ...     said = next(t for t in load_spacy()(s) if t.lower_ == "said")
    ...     toks = speaker_tokens(next(t for t in said.children if t.dep_ == "nsubj"))
    ...     return one_unnamed_person(toks, toks[-1])
    >>> one("A neighbor said he left."), one("Neighbors said he left."), one("A new poll said he left.")
    (True, False, False)
    >>> one("Another critic, Laurence Tribe, said he left.")
    False
    """
    return toks[0].lower_ in ONE_OF_MANY and _one_person_noun(head) and not named_in_apposition(head)


def one_member(toks: list[Token], head: Token) -> bool:
    """Whether a speaker phrase is one member of a people or party it does not name: 'a', 'an', 'one' or 'another'
    and a singular head the NER calls a people or party (NORP: 'a New Hampshire Republican', 'one Democrat close to
    the talks'), no person named in apposition. The plural ('Republicans') is the group; the NORP type alone made
    one anonymous insider the whole party, one actor across the corpus.

    >>> from graphkit.nlp import load_spacy
    >>> from graphkit.speaker_phrase import speaker_tokens
    >>> def one(s):
    ...     said = next(t for t in load_spacy()(s) if t.lower_ == "said")
    ...     toks = speaker_tokens(next(t for t in said.children if t.dep_ == "nsubj"))
    ...     return one_member(toks, toks[-1])
    >>> one("A New Hampshire Republican said he left."), one("Republicans said he left.")
    (True, False)
    >>> one("One Democrat, Ann Lee, said he left.")
    False
    """
    return (head.ent_type_ == "NORP" and head.tag_ in ("NNP", "NN") and toks[0].lower_ in ONE_OF_MANY
            and not named_in_apposition(head))


def definite_person(toks: list[Token], head: Token) -> bool:
    """Whether a speaker phrase is one person described, not named: 'the' and a singular common noun whose most
    frequent sense is a person ('the man', 'The witness', 'the retired neurosurgeon'), no entity of its own, not
    joined to another ('The senator and the businessman' are two). An office ('the senator',
    :func:`~graphkit.person_heads.person_role`) and a source word ('the official', ``ANON_HEADS``) have paths of
    their own, and are not asked.

    >>> from graphkit.nlp import load_spacy
    >>> from graphkit.speaker_phrase import speaker_tokens
    >>> def person(s):
    ...     said = next(t for t in load_spacy()(s) if t.lower_ == "said")
    ...     toks = speaker_tokens(next(t for t in said.children if t.dep_ == "nsubj"))
    ...     return definite_person(toks, toks[-1])
    >>> person("The man said he left."), person("A man said he left."), person("The poll said he left.")
    (True, False, False)
    >>> person("The senator said he left."), person("The men said they left.")
    (False, False)
    """
    return (toks[0].lower_ == "the" and _one_person_noun(head) and not person_role(head)
            and head.lemma_.lower() not in ANON_HEADS and not any(c.dep_ == "conj" for c in head.children))


def _one_person_noun(head: Token) -> bool:
    """A singular common noun, no entity of its own, whose most frequent sense is a person (graphkit.person_nouns):
    the head of one person described, not named ('neighbor', 'man'; not 'neighbors', 'poll'), as
    :func:`one_unnamed_person` and :func:`definite_person` read it."""
    return head.pos_ == "NOUN" and head.tag_ == "NN" and not head.ent_type_ and person_noun(head.lemma_)


def brings_in_one(t: Token) -> Optional[Token]:
    """The determiner that makes a singular noun one person not named before ('a man', 'One woman', 'another
    voter': :data:`graphkit.mentions.ONE_OF_MANY`), else None."""
    return next((c for c in t.children if c.dep_ in ("det", "nummod") and c.lower_ in ONE_OF_MANY and c.i < t.i),
                None)


def owners_labels(toks: list[Token], head: Token) -> set[str]:
    """The entity labels a person noun's possessor alone brings into its phrase ("the Labour leader's driver", "Trump's
    opponents": the driver and the opponents are people, not the party or the person who has them), which the
    phrase's type does not read; none when a noun compound says the head is a thing ("Kantar Media's ad tracker": a
    service) or the head names no person.

    >>> from graphkit.nlp import load_spacy
    >>> from graphkit.speaker_phrase import speaker_tokens
    >>> def labels(s):
    ...     toks = speaker_tokens(next(t for t in load_spacy()(s) if t.dep_ == "nsubj"))
    ...     return sorted(owners_labels(toks, toks[-1]))
    >>> labels("The Labour Party's driver said no."), labels("The Labour Party's ad tracker said no.")
    (['ORG'], [])
    """
    if head.pos_ != "NOUN" or not person_noun(head.lemma_.lower()) \
            or any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in head.children):
        return set()
    owner = {x.i for c in head.children if c.dep_ == "poss" for x in c.subtree}
    inside = {t.ent_type_ for t in toks if t.ent_type_ and t.i not in owner}
    return {t.ent_type_ for t in toks if t.ent_type_ and t.i in owner} - inside
