"""NER entities of the whole corpus → one corrected type per surface form (person, place, organisation...).

spaCy's label of one mention is noisy ('Witkoff' GPE, 'Kyiv' PERSON). This runs
once over every entity of the corpus, before speakers are resolved, and types
each surface form by the actors gazetteer (graphkit.gazetteer), the places
gazetteer (graphkit.places), the surnames of full person names, and a vote over
all of spaCy's labels for it. graphkit.resolve reads speaker mentions with these
types; graphkit.places uses them to tell places from people.

>>> from graphkit.gazetteer import Gazetteer
>>> types = type_entities({"d": [("Steve Witkoff", "PERSON", 0, 13), ("Witkoff", "GPE", 20, 27),
...                              ("Kyiv", "PERSON", 30, 34)]}, Gazetteer.from_dict({"actors": []}))
>>> types["Witkoff"], types["Kyiv"], types["Steve Witkoff"]
('person', 'place', 'person')
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable, Optional

from .gazetteer import Gazetteer
from .given_names import listed_given_name
from .mentions import people_in_plural
from .names import APOS, GENERATIONAL, fold, has_org_word, name_words, skeleton
from .places import Entity, PlaceConfig, is_known_place, load_place_config, lookup_place

LABEL_TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place",
               "NORP": "group"}
#: spaCy labels of what is no name (dates, times, numbers, amounts): typed by no vote, asked nothing by the actor pass
NOT_NAMES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
_TYPE_PRIORITY = ("person", "organisation", "place", "group", "other")

# words that make an unknown 'place' an organisation: newspapers, courts, firms
_NOT_PLACE_WORDS = {"tribune", "herald", "gazette", "times", "post", "journal", "republic", "daily", "news", "press",
                    "circuit", "court", "university", "college", "inc", "llc", "llcs", "corp", "company", "party",
                    "committee", "bank", "ministry", "department", "agency", "council", "fund"}


def type_entities(entities: dict[str, list[Entity]], gazetteer: Gazetteer,
                  place_config: Optional[PlaceConfig] = None, extra: Iterable[tuple[str, str]] = ()) -> dict[str, str]:
    """Surface form → corrected entity type, by gazetteer, places gazetteer and voting across the corpus.

    Order of evidence: an actors.yaml name or alias decides; then places.yaml;
    then a surface that is the surname of a multi-word PERSON somewhere in the
    corpus is a person ('Witkoff' of 'Steve Witkoff'), unless spaCy labels it a
    place in most (and at least two) of its mentions ('Washington' beside 'George Washington'); then a place geonames
    knows is a place ('Kyiv', 'Kherson', 'Pokrovsk' even where spaCy says PERSON);
    otherwise the majority of spaCy's labels over all mentions (ties: person,
    organisation, place, group, other). `extra` adds (surface, spaCy label) votes.

    >>> g = Gazetteer.from_dict({"actors": [{"name": "Donald Trump", "type": "person", "aliases": ["Trump"]}]})
    >>> t = type_entities({"d": [("Trump", "ORG", 0, 5), ("Kyiv", "PERSON", 9, 13), ("Steve Witkoff", "PERSON", 20, 33),
    ...                           ("Witkoff", "GPE", 40, 47), ("Pokrovsk", "PERSON", 50, 58)]}, g)
    >>> [t[k] for k in ("Trump", "Kyiv", "Witkoff", "Pokrovsk")]
    ['person', 'place', 'person', 'place']
    """
    place_config = place_config if place_config is not None else load_place_config()
    votes, surfaces, surnames = _label_votes(entities, extra)
    family = _person_surnames(votes)
    never_in_full = _never_in_full(entities)
    out: dict[str, str] = {}
    for f in sorted(votes):
        typ = _surface_type(f, next(iter(sorted(surfaces[f]))), votes[f], gazetteer, place_config, surnames, family,
                            never_in_full)
        for s in surfaces[f]:
            out[s] = typ
    return dict(sorted(out.items()))


def _label_votes(entities: dict[str, list[Entity]], extra: Iterable[tuple[str, str]]
                 ) -> tuple[dict[str, Counter], dict[str, set[str]], set[str]]:
    """(each folded name's votes for a type, from spaCy's labels of its mentions; the names as written that fold to
    it; the last words of the corpus's full person names, 'Witkoff' of 'Steve Witkoff'). A PERSON ending on an acronym
    votes organisation ('Indiana GOP'); dates, numbers and amounts (`NOT_NAMES`) vote nothing."""
    votes: dict[str, Counter] = defaultdict(Counter)
    surfaces: dict[str, set[str]] = defaultdict(set)
    surnames: set[str] = set()
    # each (surface, label) is read once with its count: a corpus names the same people thousands of times
    items = Counter((t, lab) for d in entities for (t, lab, *_r) in entities[d])
    items.update(extra)
    for (text, label), n in items.items():
        if label in NOT_NAMES or not text.strip():
            continue
        f = fold(text)
        if not f:
            continue
        last = text.split()[-1] if len(text.split()) > 1 else ""
        person_acronym = label == "PERSON" and _acronym(last) and last not in ("II", "III", "IV")
        votes[f]["organisation" if person_acronym else LABEL_TYPES.get(label, "other")] += n  # 'Indiana GOP'
        surfaces[f].add(text)
        if label == "PERSON":
            raw = [w for w in text.translate(APOS).split() if fold(w) and fold(w) not in GENERATIONAL]
            words, _ = name_words(text)
            if len(words) > 1 and all(w[:1].isupper() for w in raw) and not _acronym(raw[-1]):
                surnames.add(words[-1])  # not 'GOP' of 'Indiana GOP' (the NER's PERSON)
    return votes, surfaces, surnames


def _surface_type(f: str, one: str, votes: Counter, gazetteer: Gazetteer, place_config: PlaceConfig,
                  surnames: set[str], family: set[str], never_in_full: set[str]) -> str:
    """The type of the folded name ``f`` (``one``: its first form as written; ``votes``: its mentions' votes,
    `_label_votes`), by the order of evidence `type_entities` gives, then the corrections of a person's name spaCy
    mostly calls an organisation and of a one-word name no article names a person in full with."""
    gz = gazetteer.match_name(one, person_like=False)
    if gz is not None:
        typ = gz[0].type
    elif (f in gazetteer.demonym_fold or (f.endswith("s") and f[:-1] in gazetteer.demonym_fold)) \
            and not is_known_place(one, place_config):
        typ = "group"  # 'Ukrainian', 'Europeans' (but 'US', 'UK' are places)
    else:
        pkey_ignored = lookup_place(one, place_config) is None
        hit = None if pkey_ignored else lookup_place(one, place_config)
        if pkey_ignored:
            typ = _vote(votes, exclude="place")
        elif hit.source == "models/places.yaml":
            typ = "place"
        elif len(f.split()) == 1 and skeleton(one) in surnames and not any(
                votes[k] >= 2 and votes[k] * 2 > sum(votes.values()) for k in ("place", "group")):
            # 'Witkoff' of 'Steve Witkoff' (unless spaCy mostly calls it a place, 'George Washington', or a
            # group, 'Republicans' beside 'Tea Party Republicans')
            typ = "person"
        elif hit.source != "unknown":
            typ = "place"
        else:
            typ = _vote(votes)
            if typ == "place" and len(f.split()) > 1 and any(w in _NOT_PLACE_WORDS for w in f.split()):
                typ = "organisation"  # 'Chicago Tribune', 'Arizona Republic' tagged GPE
    if typ in ("organisation", "other") and votes["person"] and (
            _given_name_and_surname(one) or _family_name(one, family)):
        typ = "person"  # 'Carly Fiorina', 'Rahm Emanuel' that spaCy mostly calls an ORG
    if typ in ("person", "organisation", "other") and _people_in_plural(one, surnames, body=typ == "organisation"):
        typ = "group"  # 'Tory MPs', 'Aides', 'GOP contenders' spaCy took for a name: people, no person nor body
    if typ == "person" and f in never_in_full:
        named = Counter({t: n for t, n in votes.items() if t not in ("person", "other")})
        typ = _vote(named) if named else typ  # 'Twitter', 'Facebook': no article names anyone with it
    return typ


#: in how many articles at least a one-word name must be written for "no article names it in full" to say it is
#: no one's surname (:func:`_never_in_full`): a person the corpus writes by surname alone in three articles is
#: named in full in one of them
NEVER_IN_FULL_ARTICLES = 3


def _never_in_full(entities: dict[str, list[Entity]]) -> set[str]:
    """One-word names (folded) written in :data:`NEVER_IN_FULL_ARTICLES` articles or more, none of which names a
    person in full with it (a PERSON of two words or more ending with it), and no given name of the `nicknames`
    table: spaCy's PERSON on them is its error ('on Twitter', 'a Facebook post'), as a newspaper introduces a person
    by full name. :func:`type_entities` types them by their other labels when they have any.

    >>> ents = {str(k): [("Twitter", "PERSON", 0, 7)] for k in range(3)}
    >>> ents.update({str(k + 3): [("Jane Pike", "PERSON", 0, 9), ("Pike", "PERSON", 20, 24)] for k in range(3)})
    >>> ents.update({str(k + 6): [("Pike", "PERSON", 0, 4)] for k in range(3)})
    >>> sorted(_never_in_full(ents))
    ['twitter']
    """
    alone: dict[str, set[str]] = defaultdict(set)
    in_full: dict[str, set[str]] = defaultdict(set)
    for d, es in entities.items():
        for (text, label, *_r) in es:
            words = text.split()
            if len(words) == 1:
                alone[fold(text)].add(d)
            elif label == "PERSON":
                in_full[fold(words[-1].translate(APOS).removesuffix("'s"))].add(d)
    return {f for f, docs in alone.items() if len(docs) >= NEVER_IN_FULL_ARTICLES
            and docs.isdisjoint(in_full.get(f, ())) and not listed_given_name(f.title())}


def _people_in_plural(text: str, surnames: set[str], body: bool = False) -> bool:
    """A name the corpus types people in the plural (graphkit.mentions.people_in_plural, the one test of a name's
    shape): one word that is no surname of the corpus's full names ('Aides', 'Whigs'; not 'Parsons' beside 'Tom
    Parsons') nor a body's name (``body``: a word the NER mostly calls an organisation, 'Teamsters'), or after other
    words an initialism's plural or a word in lower case ('Tory MPs', 'GOP contenders'; not 'Ann Masters').

    >>> names = ("Tory MPs", "Aides", "Bosses", "Parsons", "Sanders", "Ann Masters", "GOP contenders")
    >>> [_people_in_plural(t, {"parsons"}) for t in names]
    [True, True, True, False, False, False, True]
    >>> _people_in_plural("Teamsters", set(), body=True), _people_in_plural("GOP contenders", set(), body=True)
    (False, True)
    """
    words = text.translate(APOS).split()
    return people_in_plural(text, alone=bool(words) and not body and skeleton(words[-1]) not in surnames)


def _given_name_and_surname(text: str) -> bool:
    """A name of two or three capitalised words starting with a given name of the `nicknames` table
    (graphkit.given_names.listed_given_name), with no organisation word nor acronym ('Carly Fiorina', 'Deborah Jordan
    Reynolds'; not 'Washington Post', 'Team Trump', 'Sony BMG'): a person's name whatever spaCy's votes say.

    >>> [_given_name_and_surname(t) for t in ("Carly Fiorina", "Washington Post", "Team Trump", "Sony BMG", "Rick")]
    [True, False, False, False, False]
    """
    words = _name_shaped(text)
    return words is not None and listed_given_name(words[0])


def _family_name(text: str, family: set[str]) -> bool:
    """A name of two or three capitalised words, no organisation word nor acronym, whose last word ends full
    names that the corpus mostly reads as persons (``family``: those last words, :func:`_person_surnames`;
    'Rahm Emanuel' beside 'Ari Emanuel', 'Zeke Emanuel'): a person's name whatever spaCy's votes say on it,
    like :func:`_given_name_and_surname` for given names the table lacks.

    >>> _family_name("Rahm Emanuel", {"emanuel"}), _family_name("Sony Pictures", {"emanuel"})
    (True, False)
    """
    words = _name_shaped(text)
    return words is not None and fold(words[-1]) in family


def _name_shaped(text: str) -> Optional[list[str]]:
    """The words of ``text`` when it is shaped like a person's full name: two or three capitalised words, no
    organisation word (graphkit.names.ORG_WORDS) nor acronym; else None.

    >>> _name_shaped("Rahm Emanuel"), _name_shaped("Sony BMG"), _name_shaped("Washington Post"), _name_shaped("Rick")
    (['Rahm', 'Emanuel'], None, None, None)
    """
    words = text.translate(APOS).split()
    if 2 <= len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha() for w in words) \
            and not has_org_word(words) and not any(_acronym(w) for w in words):
        return words
    return None


def _person_surnames(votes: dict[str, Counter]) -> set[str]:
    """Last words of the corpus's full names (2+ words) that spaCy reads as persons more than anything else."""
    return {k.split()[-1] for k, c in votes.items()
            if len(k.split()) > 1 and c["person"] > max((v for t, v in c.items() if t != "person"), default=0)}


def _acronym(word: str) -> bool:
    """An all-capitals word of two or more letters ('GOP', 'PAC'): an organisation's short form, no surname.

    >>> _acronym("GOP"), _acronym("Witkoff"), _acronym("J.")
    (True, False, False)
    """
    w = word.strip(".,;:'’")
    return len(w) >= 2 and w.isalpha() and w.isupper()


def _vote(c: Counter, exclude: Optional[str] = None) -> str:
    ranked = sorted(((n, -_TYPE_PRIORITY.index(t) if t in _TYPE_PRIORITY else -99, t) for t, n in c.items()
                     if t != exclude), reverse=True)
    return ranked[0][2] if ranked else "other"
