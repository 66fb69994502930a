"""Gender evidence for person names, one vote at two scales: the article's and the corpus's.

graphkit ships no first-name list: a name's gender is what the text says of it, the honorifics
before it ("Mrs. Clinton") and the pronouns that follow it ("Hillary Clinton spoke. She said ...").
Two passes count that evidence and both decide by :func:`vote`: the article pass
(:mod:`graphkit.speakers`, with :func:`article_pronoun_votes` and :func:`article_honorific_votes`:
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

__all__ = ["vote", "article_pronoun_votes", "article_honorific_votes", "ARTICLE_SHARE", "CORPUS_SHARE"]

#: the share of the votes one gender needs: in an article two to one, across the corpus four in five
ARTICLE_SHARE = Fraction(2, 3)
CORPUS_SHARE = Fraction(4, 5)


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
    and those of the next when the next names no one ('Hillary Clinton spoke. She said ...'). ``sents``: the
    article's sentence spans; ``names``: its person names (``.name``, ``.words``, ``.start``, as
    graphkit.speakers reads them)."""
    starts = [s.start_char for s in sents]
    by_sent: dict[int, dict[str, int]] = {}  # sentence -> its people -> where the sentence first names each
    for pn in names:
        k = max(0, bisect.bisect_right(starts, pn.start) - 1)
        by_sent.setdefault(k, {}).setdefault(pn.name if len(pn.words) > 1 else pn.words[-1], pn.start)
    votes: dict[str, list[int]] = {}
    for k, people in by_sent.items():
        if len(people) != 1 or " " not in next(iter(people)):
            continue
        (name, at), = people.items()
        follow = sents[k:k + 2] if k + 1 not in by_sent else sents[k:k + 1]
        v = votes.setdefault(name, [0, 0])
        for s in follow:
            for t in s:
                if t.idx < at:  # 'His first wife, Ivana Trump': a pronoun before the name is someone else's
                    continue
                said = PRONOUN_GENDER.get(t.lower_)
                v[0] += said == "male"
                v[1] += said == "female"
    return {n: g for n, (m, f) in votes.items() if (g := vote(m, f)) is not None}


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
