"""Appositions of a speaker phrase and the persons named in them, over the parse.

'Another critic, Laurence Tribe,' is Laurence Tribe (:func:`named_in_apposition`, :func:`person_in_apposition`:
wherever the parser hung the name); 'Reince Priebus, the GOP chairman,' is a person whatever the NER typed him
(:func:`person_typed_otherwise`). Read by :mod:`graphkit.speaker_types` (one unnamed person or member is not one
named in apposition), :mod:`graphkit.speakers` and :mod:`graphkit.speaker_kinds`.

>>> from graphkit.nlp import load_spacy
>>> doc = load_spacy()("The chancellor, Gordon Brown, said the plan was dead.")
>>> first_appos(doc[1]).text, person_in_apposition(doc[1]).text
('Brown', 'Brown')
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .doc_reading import ent_of
from .given_names import listed_given_name
from .names import has_org_word
from .person_heads import names_a_person

__all__ = ["named_in_apposition", "person_in_apposition", "first_appos", "person_typed_otherwise"]


def named_in_apposition(head: Token) -> bool:
    """Whether a person is named in apposition to a speaker phrase's head ('Another critic, Laurence Tribe,'):
    then the phrase is that named person, not one unnamed person or member.

    >>> from graphkit.nlp import load_spacy
    >>> def named(s):
    ...     said = next(t for t in load_spacy()(s) if t.lower_ == "said")
    ...     return named_in_apposition(next(t for t in said.children if t.dep_ == "nsubj"))
    >>> named("Another critic, Laurence Tribe, said he left."), named("Another critic said he left.")
    (True, False)
    """
    return any(c.dep_ == "appos" and any(t.ent_type_ == "PERSON" for t in c.subtree) for c in head.children) \
        or person_in_apposition(head) is not None


def person_in_apposition(head: Token) -> Optional[Token]:
    """The name of the person a speaker phrase is set in apposition with, else None: a PERSON that is the head's first
    apposition ('the chancellor, Gordon Brown,'); for a singular head (a plural is several, a group), also one in
    apposition to a common noun that is that first apposition ('The other man, his cousin Jim Ortiz,'; not 'Griffin, an
    Obama backer,', whose name is the noun's compound, not its apposition), or to the object of the head's preposition,
    or of a preposition on that object, when the object is no person ('The head of the Leeds Civic Trust, Ann Lee,',
    'The author of the book, Tom Hale,': a person is in apposition to no body or book, so the parser hung the name on
    the wrong noun; not 'a spokesman for the mother of the victim, Ann Lee,', whose object is a person).

    >>> from graphkit.nlp import load_spacy
    >>> def named(s):
    ...     said = next(t for t in load_spacy()(s) if t.lower_ in ("said", "told"))
    ...     found = person_in_apposition(next(t for t in said.children if t.dep_ == "nsubj"))
    ...     return found.text if found is not None else None
    >>> named("The head of the Leeds Civic Trust, Ann Lee, told the BBC it was over.")
    'Lee'
    >>> named("The other man, his cousin Jim Ortiz, 40, said no."), named("Griffin, an Obama backer, said no.")
    ('Ortiz', None)
    """
    first = first_appos(head)
    if first is not None and first.ent_type_ == "PERSON":
        return first
    if head.tag_ in ("NNS", "NNPS"):  # several: a group ('Four shops — Acme's, Bell's and Tom Hale Books —')
        return None
    if first is not None and first.pos_ == "NOUN" and (named := _person_appos(first)) is not None:
        return named
    objects = _prep_objects(head)
    for o in objects:
        if names_a_person(o):
            continue
        if (named := _person_appos(o)) is not None:
            return named
        objects.extend(_prep_objects(o))
    return None


def first_appos(head: Token) -> Optional[Token]:
    """The head's first apposition ('the chancellor, Gordon Brown,': 'Brown'), else None."""
    return next((c for c in head.children if c.dep_ == "appos"), None)


def _person_appos(t: Token) -> Optional[Token]:
    """A PERSON set in apposition to the word, else None."""
    return next((x for x in t.children if x.dep_ == "appos" and x.ent_type_ == "PERSON"), None)


def _prep_objects(t: Token) -> list[Token]:
    """The objects of the word's prepositions ('the head of the Trust': 'Trust')."""
    return [o for p in t.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]


def person_typed_otherwise(head: Token) -> bool:
    """Whether a proper-noun speaker the NER typed an organisation is a person's name: set in apposition with a word
    naming a person ('Reince Priebus, the GOP chairman,', 'Carly Fiorina, the former chief executive,'), or written
    as a given name of the `nicknames` table and a surname, the NER's entity up to the head ('Carly Fiorina', whatever
    the tagger made of 'Carly'; graphkit.given_names.listed_given_name), no word of it an organisation's ('Ford Motor',
    'Bernie Sanders Foundation': graphkit.names.has_org_word).

    >>> from graphkit.nlp import load_spacy
    >>> def typed(s):
    ...     said = next(t for t in load_spacy()(s) if t.lower_ in ("said", "announced"))
    ...     return person_typed_otherwise(next(t for t in said.children if t.dep_ == "nsubj"))
    >>> typed("Reince Priebus, the GOP chairman, announced a website."), typed("Acme Motors said it would close.")
    (True, False)
    """
    if head.pos_ != "PROPN":
        return False
    first = first_appos(head)
    if first is not None and names_a_person(first):
        return True
    e = ent_of(head)
    name = [t for t in e if t.i <= head.i] if e is not None else [head]  # the entity's words up to the head
    return 2 <= len(name) <= 3 and listed_given_name(name[0].text) and not has_org_word([t.text for t in name])
