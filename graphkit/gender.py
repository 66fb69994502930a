"""Gender evidence for person names, one vote at two scales: the article's and the corpus's.

graphkit ships no first-name list: a name's gender is what the text says of it, the honorifics
before it ("Mrs. Clinton") and the pronouns that follow it ("Hillary Clinton spoke. She said ...").
Two passes count that evidence and both decide by :func:`vote`: the article pass
(:mod:`graphkit.article_names`, with :func:`article_pronoun_votes` and :func:`article_honorific_votes`:
few votes, each read in its sentence, so two to one is enough) and the corpus pass
(:mod:`graphkit.people`: many votes, the article pass's mistakes among them, so it asks a minimum
and four in five). A pronoun is then checked against the gender found (graphkit.pronouns.fits_gender).

>>> vote(2, 1), vote(2, 2), vote(3, 1, least=5, share=CORPUS_SHARE), vote(4, 1, least=5, share=CORPUS_SHARE)
('male', None, None, 'male')
"""

from __future__ import annotations

import bisect
from fractions import Fraction
from typing import Optional

from .pronouns import PRONOUN_GENDER
from .quotes import inside_after

__all__ = ["vote", "noun_gender", "NOUN_GENDER", "FAMILY_NOUNS", "article_pronoun_votes", "pronouns_after",
           "object_of_a_person", "article_honorific_votes", "ARTICLE_SHARE", "CORPUS_SHARE", "ANSWERED_LEAST"]

#: the share of the votes one gender needs: in an article two to one, across the corpus four in five
ARTICLE_SHARE = Fraction(2, 3)
CORPUS_SHARE = Fraction(4, 5)
#: the votes the pronouns resolved to a name must cast (with `CORPUS_SHARE`) before they say its gender: the
#: corpus pass's pronouns the articles gave the name (graphkit.people) and the article pass's own answers so far
#: (graphkit.speakers), each maybe wrong once
ANSWERED_LEAST = 3


#: nouns that say a person's gender when the article names someone with them ('his wife, Jane', 'spokeswoman Hope
#: Hicks', "Trump's son Eric"): kinship and the female-marked forms of offices. The male-marked offices ('chairman',
#: 'spokesman', 'congressman') are not among them: some house styles give them to women too.
NOUN_GENDER = {
    **dict.fromkeys(("wife", "mother", "daughter", "sister", "widow", "grandmother", "granddaughter", "aunt", "niece",
                     "girlfriend", "fiancee", "fiancée", "stepmother", "stepdaughter", "stepsister", "mom", "mum",
                     "grandma", "daughter-in-law", "mother-in-law", "sister-in-law", "woman", "girl", "lady",
                     "spokeswoman", "congresswoman", "chairwoman", "businesswoman", "councilwoman", "assemblywoman",
                     "anchorwoman", "actress", "queen", "princess", "duchess", "countess", "heiress"), "female"),
    **dict.fromkeys(("husband", "father", "son", "brother", "widower", "grandfather", "grandson", "uncle", "nephew",
                     "boyfriend", "fiance", "fiancé", "stepfather", "stepson", "stepbrother", "dad", "grandpa",
                     "son-in-law", "father-in-law", "brother-in-law", "king", "prince", "duke"), "male"),
}


#: kinship nouns of :data:`NOUN_GENDER` whose holder mostly shares the family name of whom they are said of ("Clinton's
#: husband, Bill" is Bill Clinton, "Trump's son Eric" Eric Trump); not in-laws, partners or fiancés, who mostly do not
FAMILY_NOUNS = frozenset({"wife", "husband", "mother", "father", "daughter", "son", "sister", "brother", "widow",
                          "widower", "grandmother", "grandfather", "granddaughter", "grandson", "mom", "mum", "dad"})


def noun_gender(role: Optional[str]) -> Optional[str]:
    """The gender a role phrase's head noun says of the person named with it, else None.

    >>> noun_gender("first wife"), noun_gender("spokeswoman"), noun_gender("spokesman"), noun_gender(None)
    ('female', 'female', None, None)
    """
    return NOUN_GENDER.get(role.split()[-1].lower()) if role and role.split() else None


def vote(male: int, female: int, least: int = 1, share: Fraction = ARTICLE_SHARE) -> Optional[str]:
    """'male' or 'female' when at least ``least`` votes were cast and one gender has ``share`` of them
    (never on a tie), else None."""
    total = male + female
    if total < least or male == female or max(male, female) < share * total:
        return None
    return "male" if male > female else "female"


def article_pronoun_votes(sents: list, names: list) -> dict[str, str]:
    """Gender of an article's full names from the pronouns that follow them: in a sentence naming one person
    only, the person pronouns after the name in that sentence ('His first wife, Ivana Trump, ...': not 'His')
    and those of the next when the next names no one ('Hillary Clinton spoke. She said ...'), as
    :func:`pronouns_after` reads them: up to a quotation mark or a noun that brings in someone of a gender
    ('Nancy Reagan is best known for her loyalty to her husband -- praising him, guarding his record'),
    never an object pronoun of a person subject ('when she called him').
    A name after a gendered subject pronoun gets none: the sentence is about that pronoun's person ('She made Oscar
    de la Renta famous and wore her best gowns'). ``sents``: the article's
    sentence spans; ``names``: its person names (``.name``, ``.words``, ``.start``, ``.span``, as graphkit.article_names
    reads them)."""
    starts = [s.start_char for s in sents]
    by_sent: dict[int, dict[str, tuple[int, int]]] = {}  # sentence -> its people -> the span the sentence first names each
    for pn in names:
        k = max(0, bisect.bisect_right(starts, pn.start) - 1)
        by_sent.setdefault(k, {}).setdefault(pn.name if len(pn.words) > 1 else pn.words[-1], pn.span)
    votes: dict[str, list[int]] = {}
    for k, people in by_sent.items():
        if len(people) != 1 or " " not in next(iter(people)):
            continue
        (name, (at, end)), = people.items()
        sent = sents[k]
        if any(t.idx < at and t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in PRONOUN_GENDER for t in sent):
            continue  # 'She made Oscar de la Renta famous and wore her best gowns': the sentence is about 'She'
        v = votes.setdefault(name, [0, 0])
        said, whole = pronouns_after(sent, end)
        if whole and k + 1 < len(sents) and k + 1 not in by_sent:
            said += pronouns_after(sents[k + 1], sents[k + 1].start_char)[0]
        v[0] += said.count("male")
        v[1] += said.count("female")
    return {n: g for n, (m, f) in votes.items() if (g := vote(m, f)) is not None}


def pronouns_after(sent, at: int, subject: bool = False) -> tuple[list[str], bool]:
    """The genders of a sentence's gendered person pronouns from character ``at`` (a name's end) on, and whether the
    next sentence may vote too. Only pronouns on the name's side of a quotation count ('“Barry Goldwater would
    hate this party,” she said' gives Goldwater nothing; '“... is his own call,” he said' gives the name before it
    the 'he'); the scan stops after a noun that brings in a person of a gender ('her husband --
    elevating him'), and then the next sentence does not vote, nor when the name is quoted; it passes over an object
    pronoun of a verb whose subject is a person (:func:`object_of_a_person`: 'Deja Stewart, who ... when she called
    him' is 'female'). ``subject``: subject pronouns only.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> (pronouns_after(nlp('“Goldwater would hate it,” she said.'), 10),
    ...  pronouns_after(nlp('Podesta said “he is right,” he said.'), 7))
    (([], False), (['male'], True))
    """
    out = []
    inside = quoted = False  # inside a quotation now; whether the name at ``at`` is
    for t in sent:
        turned = inside_after(t.text, inside)  # the quotation marks' one home: graphkit.quotes
        if turned is not None:
            inside = turned
            continue
        if t.idx < at:
            quoted = inside
            continue
        said = PRONOUN_GENDER.get(t.lower_)
        if said and inside == quoted and not object_of_a_person(t) \
                and (not subject or t.dep_ in ("nsubj", "nsubjpass")):
            out.append(said)
        if inside == quoted and t.pos_ == "NOUN" and t.lower_ in NOUN_GENDER:
            return out, False
    return out, not quoted


#: a verb's object, direct or indirect, and a preposition's (the verb reached through the preposition)
_OBJECT_DEPS = frozenset({"dobj", "dative", "iobj", "obj"})
#: the subject pronouns and the relative pronoun that stand for a person as a clause's subject
_PERSON_SUBJECTS = frozenset({"he", "she", "i", "we", "you", "they", "who"})


def object_of_a_person(t) -> bool:
    """Whether a non-reflexive object pronoun ('him', 'her') is the object of a verb whose subject is a person, by
    name or pronoun: then the two are different people (a clause's object pronoun never stands for its subject; the
    subject would say 'herself'). 'Deja Stewart, who ... when she called him ...' gives Deja Stewart no 'him';
    'The crowd cheered him' says nothing against the person the sentence names. A possessive 'her' is no object.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["she", "called", "him", "and", "crowds", "cheered", "him"],
    ...           heads=[1, 1, 1, 1, 5, 1, 5], deps=["nsubj", "ROOT", "dobj", "cc", "nsubj", "conj", "dobj"])
    >>> object_of_a_person(doc[2]), object_of_a_person(doc[6])
    (True, False)
    """
    if t.lower_ not in ("him", "her", "them") or t.dep_ == "poss":
        return False
    if t.dep_ in _OBJECT_DEPS:
        verb = t.head
    elif t.dep_ == "pobj" and t.head.dep_ in ("prep", "dative"):
        verb = t.head.head
    else:
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in _PERSON_SUBJECTS or c.ent_type_ == "PERSON")
               for c in verb.children)


def article_honorific_votes(names: list) -> dict[str, str]:
    """Gender of an article's full names from the honorific surname mentions that follow them: 'Bill Clinton
    ... Mr. Clinton ... Hillary Clinton ... Mrs. Clinton' gives Bill male and Hillary female. An honorific
    mention votes for a full name with its surname named before it: one of its gender already (by its own
    honorific or the votes so far) if there is one, else the latest whose gender is not yet known; so 'Ivana
    Trump' named after 'Donald J. Trump ... Mr. Trump' gets no vote from the 'Mr. Trump' that follows her.
    ``names`` as for :func:`article_pronoun_votes`, with ``.gender`` the honorific's.

    >>> from types import SimpleNamespace as N
    >>> def pn(name, gender=None): return N(name=name, words=tuple(name.lower().split()), gender=gender)
    >>> article_honorific_votes([pn("Donald Trump"), pn("Trump", "male"), pn("Ivana Trump"), pn("Trump", "male"),
    ...                          pn("Trump", "female"), pn("Trump", "male")])
    {'Donald Trump': 'male', 'Ivana Trump': 'female'}
    """
    holders: dict[str, list] = {}  # surname -> its full names so far, in order of first naming
    votes: dict[str, list[int]] = {}
    own: dict[str, str] = {}  # a full name's own honorific ('Mrs. Hillary Clinton')

    def gender(name: str) -> Optional[str]:
        return own.get(name) or vote(*votes.get(name, (0, 0)))

    for pn in names:
        if len(pn.words) > 1:
            named = holders.setdefault(pn.words[-1], [])
            if pn.name in named:
                named.remove(pn.name)
            named.append(pn.name)
            if pn.gender:
                own.setdefault(pn.name, pn.gender)
        elif pn.gender and pn.words and pn.words[0] in holders:
            named = holders[pn.words[0]]
            same = [n for n in named if gender(n) == pn.gender]
            open_ = [n for n in named if gender(n) is None]
            if same or open_:
                v = votes.setdefault((same or open_)[-1], [0, 0])
                v[0 if pn.gender == "male" else 1] += 1
    return {n: g for n, (m, f) in votes.items() if (g := vote(m, f)) is not None}
