"""What the article pass's speaker readings say of entity types: PERSON votes for graphkit.entity_types.

The actor pass (graphkit.resolve) corrects spaCy's entity labels by votes over every mention in the corpus before it
reads a single speaker mention. Besides the NER's labels, the gazetteers and the place names, one more kind of vote
comes from the article pass (graphkit.speakers): a name it gave a mention that only a person's name has ('he' or
'she', a surname after 'Mr.' read as the full name it ends) is a person's, whatever spaCy's label on it.

>>> he = Attribution(spans=[(9, 12)], text="x", cue="said", speaker_text="She", resolved_text="Ines Varga")
>>> person_votes({"d": [he]}, {"d": [("Ines Varga", "ORG", 0, 10)]})
Counter({('Ines Varga', 'PERSON'): 1})
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Optional

from .mentions import fuller_in_article
from .names import fold, has_org_word, split_honorific, strip_possessive
from .pronouns import PRONOUN_GENDER
from .records import Attribution

__all__ = ["person_votes", "surname_read_as"]

#: the NER labels of a speaker phrase that is a name
_NAMED = {"PERSON", "ORG", "GPE", "NORP"}
#: the labels of a speaker phrase whose reading as a full name makes that name a person's (:func:`person_votes`)
_SURNAME_TYPES = _NAMED | {None}


def person_votes(attributions: dict[str, list[Attribution]], entities: dict[str, list]) -> Counter:
    """PERSON votes (for graphkit.entity_types) for the names the article pass gave a mention that only a person's
    name has, whatever spaCy's label on the name:

    - a 'he' / 'she' speaker resolved to an entity or a speaker phrase of the article ('Adel Nefzi' tagged ORG as a
      speaker, then 'He said ...' seven times); only names count, the NER's or a speaker phrase's it typed (not a role
      phrase, 'the director of the Baltic Institute', whose words the vote would read as a name);
    - a surname, alone or after a personal honorific, that the article pass read as the full name it ends ('Mr. Pike'
      → 'Tyrone Pike', 'Ms. Tempel' → 'Sylke Tempel', 'Unruh' → 'Kendal Unruh'): the article pass gives a surname its
      given names only from the article's person names, and an honorific is said of people alone
      (:func:`surname_read_as`); a name phrase only (not an anonymous or common-noun one, 'Aides' read as 'Hillary
      Clinton Aides'), and no word spaCy mostly calls a place or a people ('Mexico' read as 'Say Mexico',
      :func:`_placelike_words`).

    No name with an organisation's word counts ('Tory Party': the article pass's 'she' there is its error, searched
    again).

    >>> he = Attribution(spans=[(9, 12)], text="x", cue="said", speaker_text="He", resolved_text="Adel Nefzi")
    >>> named = Attribution(spans=[(9, 12)], text="x", cue="said", speaker_text="Adel Nefzi", speaker_type="ORG")
    >>> person_votes({"d": [named, he, he]}, {"d": [("Nefzi", "GPE", 0, 5)]})
    Counter({('Adel Nefzi', 'PERSON'): 2})
    >>> mr = Attribution(spans=[(9, 12)], text="x", cue="said", speaker_text="Mr. Pike", resolved_text="Tyrone Pike")
    >>> person_votes({"d": [mr, mr]}, {"d": [("Tyrone Pike", "ORG", 0, 11)]})
    Counter({('Tyrone Pike', 'PERSON'): 2})
    """
    out: Counter = Counter()
    placelike = _placelike_words(entities)
    for d, atts in attributions.items():
        names = {e[0] for e in entities.get(d, ())} | {a.speaker_text for a in atts if a.speaker_type in _NAMED}
        for a in atts:
            if not a.resolved_text or has_org_word(a.resolved_text):
                continue
            if PRONOUN_GENDER.get((a.speaker_text or "").strip().lower()) and a.resolved_text in names:
                out[(a.resolved_text, "PERSON")] += 1
            elif a.speaker_type in _SURNAME_TYPES \
                    and (full := surname_read_as(a.speaker_text or "", a.resolved_text)) is not None \
                    and fold(full.split()[-1]) not in placelike:
                out[(full, "PERSON")] += 1
    return out


def _placelike_words(entities: dict[str, list]) -> set[str]:
    """One-word names (folded) that spaCy labels a place or a people (GPE, LOC, FAC, NORP) in most of their corpus
    mentions, and twice at least ('Mexico', 'Republicans'; not 'Smbatyan', once NORP): no surname that the article
    pass's reading makes a person's ('Say Mexico')."""
    labels: dict[str, Counter] = defaultdict(Counter)
    for ents in entities.values():
        for t, label, *_ in ents:
            if " " not in t.strip():
                labels[fold(t)][label] += 1
    return {w for w, c in labels.items()
            if (n := sum(c[k] for k in ("GPE", "LOC", "FAC", "NORP"))) >= 2 and 2 * n > sum(c.values())}


def surname_read_as(said: str, resolved: str) -> Optional[str]:
    """The full name the article pass read a one-word surname as, the surname written alone or after a personal
    honorific ('Mr. Pike' → 'Tyrone Pike', 'Unruh' → 'Kendal Unruh'): one or two capitalised given names before it
    (graphkit.mentions.fuller_in_article), no title or organisation word; else None.

    >>> surname_read_as("Mr. Pike", "Tyrone Pike"), surname_read_as("Unruh", "Kendal Unruh")
    ('Tyrone Pike', 'Kendal Unruh')
    >>> surname_read_as("Pike", "Pike"), surname_read_as("Tyrone Pike", "Tyrone Pike")
    (None, None)
    >>> surname_read_as("the Post", "Washington Post"), surname_read_as("The Standard", "Evening Standard")
    (None, None)
    """
    words = said.split()
    bare = strip_possessive(split_honorific(" ".join(words))[1])
    if len(bare.split()) != 1 or not bare[:1].isupper() or words[0].lower() in ("the", "a", "an"):
        return None
    full = fuller_in_article(resolved, bare)
    return full if full != bare else None
