"""Speaker mentions across the corpus → canonical actors, with a reason for every merge.

The attribution stage finds, per article, who spoke ("Lavrov", "he", "Russia's
Foreign Minister", "the Kremlin", "a senior Russian source"). This stage runs
once over the whole corpus and decides which mentions are the same real-world
actor:

1. the gazetteer and alias table in ``models/actors.yaml`` (names, aliases,
   titles such as "Kremlin spokesman", metonyms such as "Moscow" → Kremlin);
2. transliteration-aware matching: names are folded to ASCII (anyascii) and to a
   spelling skeleton (y/i, w/v, kh/h, doubled letters...) and compared with
   rapidfuzz, with guards against over-merging ("Donald Trump Jr." is not
   "Donald Trump"; first names must agree);
3. surnames attach to the one full name that carries them, in the same article
   first, then across the corpus;
4. pronouns the attribution stage could not resolve go to the nearest preceding
   mention of the right kind in the same article;
5. anonymous sources are keyed per article and phrase, so "a senior Russian
   source" and "another senior Russian source" stay apart, while "the source"
   refers back to the nearest one before it; unnamed officials as a collective
   ("Russian officials") are one group actor across the corpus;
6. a surname that several full names in the corpus carry ("Clinton": Bill,
   Hillary) is kept apart rather than guessed, and says so in its merges.

Entity types are corrected first, by the gazetteer, the places gazetteer
(graphkit.places) and type voting across every mention in the corpus
(graphkit.entity_types): 'Witkoff' is a person even where spaCy says GPE, 'Kyiv'
a place where spaCy says PERSON.

This module is the stage: it walks each article's mentions in order and gives each a
draft actor (in-article resolution: names, roles, anonymous sources, pronouns by position),
then hands the drafts to the corpus-level merger. Its parts live in small modules:
graphkit.mentions (reading a speaker mention), graphkit.people (the corpus's person names:
clusters, surname and first-name holders, genders), graphkit.pronouns (the one pronoun
resolver, shared with the article pass in graphkit.speakers), graphkit.merge (corpus merges:
short forms, acronyms, roles), graphkit.names (name folding and comparison) and
graphkit.gazetteer (the parsed actors.yaml files).

>>> from graphkit.records import Attribution
>>> gz = {"actors": [{"name": "Sergey Lavrov", "type": "person", "aliases": ["Lavrov", "Sergei Lavrov"],
...                   "titles": ["Russia's Foreign Minister"]}]}   # as in corpus/actors.yaml
>>> def att(speaker, stype, resolved=None, span=(0, 1)):
...     return Attribution(spans=[(50, 60)], text="x", cue="said", speaker_text=speaker, speaker_type=stype,
...                        resolved_text=resolved or speaker, speaker_span=span)
>>> res = resolve_actors({"a": [att("Sergei Lavrov", "PERSON")],
...                       "b": [att("Russia's Foreign Minister", "NOUN"), att("Lavrov", "PERSON")]}, {}, gz)
>>> sorted(set(res.speaker_of.values()))
['actor:sergey-lavrov']
>>> for line in res.explain("actor:sergey-lavrov"): print(line)
'Sergei Lavrov' -> Sergey Lavrov: gazetteer alias (a)
"Russia's Foreign Minister" -> Sergey Lavrov: gazetteer title "Russia's Foreign Minister" (b)
'Lavrov' -> Sergey Lavrov: gazetteer alias (b)
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from heapq import merge
from typing import Iterable, Iterator, Optional

from .entity_types import type_entities
from .gazetteer import Gazetteer, GazetteerEntry, load_gazetteer
from .names import (APOS, NAME_PARTICLES, fold, has_org_word, honorific_gender, is_pronoun, person_key, skeleton, slug,
                    split_honorific, strip_possessive)
from .pronouns import (MENTION, PERSON_PRONOUNS, PRONOUN_GENDER, SPEAKER, THING_PRONOUNS, Candidate, antecedent,
                       fits_gender, pronoun_gender)
from .mentions import (DETERMINER_LIKE, ROLE_HEADS, Mention, clean_role, fuller_in_article, group_of_officials,
                       org_role, read_mention, strip_det, written_by)
from .merge import merge_across_corpus
from .people import PersonNames
from .places import Entity, PlaceConfig, is_known_place, load_place_config, lookup_place
from .records import Actor, Attribution
from .textmemo import per_object
from .walks import ArticleWalk, LoggedPeople, LoggedTypes, plain, reads_hold

#: actor types a person pronoun ('he', 'she') cannot refer to
_NOT_PEOPLE = {"organisation", "government", "media", "country"}


def _no_person(d: "_Draft") -> bool:
    """Whether a draft is no one a person pronoun ('he', 'she') can stand for: an organisation, government, outlet
    or country, or a place of any kind ('Clarkston', a town the NER once tagged PERSON: "He found a flat and a job at
    the depot, and Clarkston became his home. Last week, he said ..." is not the town's)."""
    return d.type in _NOT_PEOPLE or d.key.startswith("place:")


#: pronouns that never refer to one person ('they' after 'Trump's nomination' is no Donald Trump)
_NOT_ONE_PERSON = {"they", "them", "their", "it", "its"}
ORG_FUZZY_MIN = 95      # organisations outside the gazetteer: same number of words, near-identical spelling


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


# --------------------------------------------------------------------------- the resolution


@dataclass(frozen=True)
class ActorResolution:
    """Canonical actors of a corpus and the actor of every attribution."""

    actors: list[Actor]
    speaker_of: dict[tuple[str, int], str]
    entity_types: dict[str, str]
    #: doc id → the walk of each article walked this time, encoded (graphkit.walks), for the next resolution
    walks: dict[str, bytes] = field(default_factory=dict, repr=False, compare=False)

    def explain(self, actor_id: str) -> list[str]:
        """Why mentions were merged into this actor, one reason per line (as in Actor.merges).

        >>> ActorResolution([], {}, {}).explain("actor:nobody")
        []
        """
        for a in self.actors:
            if a.id == actor_id:
                return list(a.merges)
        return []

    def actor(self, actor_id: str) -> Optional[Actor]:
        """The Actor record with that id, or None."""
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None


@dataclass
class _Draft:
    key: str
    name: str
    type: str
    entry: Optional[GazetteerEntry] = None
    country: Optional[str] = None
    organisation: Counter = field(default_factory=Counter)
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    merges: dict[str, list[str]] = field(default_factory=dict)  # reason line -> doc ids
    fixed_id: Optional[str] = None


class _Done:
    """The resolved speakers of one article as (position, draft), sorted by position (ties: in the order
    resolved), so a pronoun walks back from its own position instead of over the whole article."""

    def __init__(self) -> None:
        self.pos: list[int] = []
        self.items: list[tuple[int, "_Draft"]] = []

    def append(self, item: tuple[int, "_Draft"]) -> None:
        k = bisect_right(self.pos, item[0])
        self.pos.insert(k, item[0])
        self.items.insert(k, item)

    def before(self, pos: int) -> Iterator[tuple[int, "_Draft"]]:
        """Those before ``pos``, nearest first; of several at one position, the first resolved first."""
        hi = bisect_left(self.pos, pos)
        while hi > 0:
            lo = bisect_left(self.pos, self.pos[hi - 1], 0, hi)
            yield from self.items[lo:hi]
            hi = lo


class _Resolver:
    def __init__(self, attributions: dict[str, list[Attribution]], entities: dict[str, list[Entity]],
                 gazetteer: Gazetteer, place_config: PlaceConfig, keep_walks: bool = False) -> None:
        self.atts = attributions
        self.ents = {d: sorted((tuple(e) for e in entities.get(d, [])), key=lambda e: (e[2], e[3], e[0], e[1]))
                     for d in sorted(set(entities) | set(attributions))}
        self.gz = gazetteer
        self.pc = place_config
        self.types = type_entities(self.ents, gazetteer, place_config, extra=person_votes(attributions, self.ents))
        self.fold_types = LoggedTypes({fold(k): v for k, v in self.types.items()})
        # each article's person entities, in text order: every speaker mention looks its name up among them
        self.person_ents = {d: [e for e in ents if self.types.get(e[0]) == "person"] for d, ents in self.ents.items()}
        self.drafts: dict[str, _Draft] = {}
        self._org_index: dict[tuple[str, int], tuple[list[str], list[_Draft]]] = {}
        self.content = {d: sorted({tuple(s) for a in attributions[d] for s in a.spans}) for d in attributions}
        self.speaker_of: dict[tuple[str, int], str] = {}
        self._person_starts: dict[str, list[int]] = {}
        self._ent_cache: dict[tuple[str, frozenset], tuple[list[int], list]] = {}
        self.people = LoggedPeople(PersonNames(self.ents, attributions, self.types,
                                               lambda n: gazetteer.match_name(n, True) is not None))
        self.entries = {e.id: e for e in gazetteer.entries}
        #: doc id → its walk encoded (graphkit.walks), for the articles walked (not replayed), when kept at all
        self.walks: dict[str, bytes] = {}
        self.keep_walks = keep_walks
        self._log: Optional[ArticleWalk] = None  # the walk of the article being walked
        self._answers: Optional[dict] = None  # kind → what it answers now to a kept walk's question (`_reads_hold`)

    # ---- drafts
    def _draft(self, key: str, name: str, typ: str, entry: Optional[GazetteerEntry] = None,
               fixed_id: Optional[str] = None) -> _Draft:
        """The draft of ``key``; the first article to ask for it makes it with these name, type, entry and id."""
        d = self.drafts.get(key)
        if self._log is not None:  # which draft the article met: one an earlier article made, or its own
            self._log.step("draft", key, name, typ, entry.id if entry else None, fixed_id,
                           None if d is None else _draft_shape(d))
        if d is None:
            d = _Draft(key=key, name=name, type=typ, entry=entry, fixed_id=fixed_id)
            if entry:
                d.country, d.roles, d.aliases = entry.country, list(entry.roles), list(entry.aliases)
                if entry.organisation:
                    d.organisation[entry.organisation] += 1000
            self.drafts[key] = d
        return d

    def _has_draft(self, key: str) -> bool:
        """Whether an earlier mention (of this article or one before it) made the draft of ``key``."""
        out = key in self.drafts
        if self._log is not None:
            self._log.step("exists", key, out)
        return out

    def _record(self, m: Mention, draft: _Draft, reason: str) -> None:
        """Give the mention its draft: what it adds to the draft (`_record_effects`), logged for a replay, applied
        (`_apply_record`)."""
        effects = self._record_effects(m.kind, m.name, m.surface, m.role, m.att.organisation, draft, reason)
        if self._log is not None:
            self._log.step("record", m.index, draft.key, *effects)
        self._apply_record(m.doc_id, m.index, draft, *effects)

    def _record_effects(self, kind: str, name: Optional[str], surface: str, role: Optional[str],
                        organisation: Optional[str], draft: _Draft, reason: str) -> tuple:
        """What a mention adds to its draft, worked out from the mention and the draft's name and type alone:
        (reason line, alias or None, roles, organisation counted or None, the country its organisation names or
        None, and for a mention that may name the draft's country: [name, surface, role, whether that country was
        looked up, it], looked up only when the draft has no country yet (a replay looks it up when it must))."""
        shown = " ".join((name if kind == "name" and name else surface).split())  # the words that matched
        line = f"{shown!r} -> {draft.name}: {reason}"
        alias = " ".join((name or "").split())  # the name as written; title words go to roles
        alias = alias if alias and kind != "pronoun" and not is_pronoun(alias) else None
        cleaned = clean_role(role, draft.name)
        org = " ".join((organisation or "").split())
        roles = []
        if cleaned and org and draft.type == "person" and fold(org) not in fold(cleaned):
            roles.append(f"{org} {cleaned}")  # 'House Majority Leader Ann B. Carver': 'the House majority leader'
        if cleaned:
            roles.append(cleaned)
        country = self.gz.country_of(org) if org and len(org.split()) == 1 else None
        if country is None and org and is_known_place(org, self.pc):
            hit = lookup_place(org, self.pc)
            country = hit.name if hit and hit.type == "country" else None
        named = None
        if kind in ("anon", "group", "title", "name"):
            looked = (draft.country or country) is None
            named = [name, surface, role, looked, self._named_country(name, surface, role) if looked else None]
        return line, alias, roles, (org or None) if country is None else None, country, named

    def _named_country(self, name: Optional[str], surface: str, role: Optional[str]) -> Optional[str]:
        """The country a mention names: the gazetteer's for its words, else a country in the phrase."""
        return self.gz.country_of(name, surface, role) or self._country_named(surface)

    def _apply_record(self, doc_id: str, index: int, draft: _Draft, line: str, alias: Optional[str], roles: list,
                      org: Optional[str], country: Optional[str], named: Optional[list]) -> None:
        """Put a mention's effects (`_record_effects`) on its draft, in the order mentions come."""
        self.speaker_of[(doc_id, index)] = draft.key
        docs = draft.merges.setdefault(line, [])
        if not docs or docs[-1] != doc_id:  # articles come in order: a line lists each once, in linear time
            docs.append(doc_id)
        if alias:
            draft.aliases.append(alias)
        draft.roles.extend(roles)
        if country is not None:
            draft.country = draft.country or country  # 'Ukrainian', 'US': a country, not an organisation
        elif org:
            draft.organisation[org] += 1
        if draft.country is None and named is not None:  # the first mention naming a country gives it
            name, surface, role, looked, found = named
            draft.country = found if looked else self._named_country(name, surface, role)

    @per_object  # `_record` asks it of every mention of an actor with no country yet
    def _country_named(self, phrase: str) -> Optional[str]:
        """A country named in a phrase ("Ukraine's sanctions commissioner" -> Ukraine); each phrase looked up once."""
        for w in phrase.translate(APOS).split():
            w = strip_possessive(w).strip(".,;:")
            if w[:1].isupper():
                hit = lookup_place(w, self.pc)
                if hit is not None and hit.type == "country":
                    return hit.name
        return None

    # ---- resolution of a named mention to a draft
    def _resolve_name(self, m: Mention) -> tuple[_Draft, str]:
        name, etype = m.name, m.etype
        # metonymy: a place name as the speaker
        if etype == "place" or (etype is None and fold(name) in self.gz.by_metonym):
            e = self.gz.by_metonym.get(fold(name))
            if e is not None:
                return self._draft(e.id, e.name, e.type, e), f"metonymy: place {name!r} as speaker ({e.source} metonyms)"
        gz = self.gz.match_name(name, person_like=etype in (None, "person"))
        if gz is not None:
            e, why = gz
            return self._draft(e.id, e.name, e.type, e), why
        if etype == "place" and not is_known_place(name, self.pc) and len(name.split()) > 1:
            # "Ukraine's sanctions commissioner", "the US and Ukraine": a phrase around a place, not a place
            words = fold(name).split()
            if words[-1] in ROLE_HEADS:
                return self._title(Mention(m.doc_id, m.index, m.att, m.surface, name, "title", None, m.role, m.pos))
            return self._draft(f"n:{fold(name)}", " ".join(name.split()), "group"), "same group phrase"
        if etype == "place":
            hit = lookup_place(name, self.pc)
            if hit is not None and len(name.split()) > 1 and not set(fold(hit.name).split()) & set(fold(name).split()):
                hit = None  # an alternate name in another language ('White House' -> Casablanca) renames no speaker
                etype = "organisation"
        if etype == "place":
            hit = lookup_place(name, self.pc)
            pname = hit.name if hit else name
            typ = "country" if hit and hit.type == "country" else "other"
            return (self._draft(f"place:{slug(pname)}", pname, typ),
                    f"place as speaker; no government listed for it in {' or '.join(self.gz.files)} metonyms")
        if etype is None and not self._looks_like_person(name, m.doc_id):
            if any(w in ROLE_HEADS for w in fold(name).split()):
                # 'the former secretary of labor': a role phrase, not a name
                return self._title(Mention(m.doc_id, m.index, m.att, m.surface, name, "title", None, m.role, m.pos))
            etype = "other"
        if etype in (None, "person"):
            full = self.people.single_name(name) is None  # 'De Blasio' is a surname alone, 'Al Gore' a full name
            hit = self.people.full_name(name) if full else self.people.surname(name, m.doc_id, m.surface, m.gender)
            if hit is not None:
                root, why = hit
                return self._draft(f"pc:{root}", self.people.cluster_name[root], "person"), why
            if etype == "person" or full:
                why = "name" if full else self.people.unresolved_surname_reason(name)
                return self._draft(f"pc:{person_key(name)}", name, "person"), why
        typ = {"organisation": "organisation", "group": "group", "media": "media", "government": "government",
               "person": "person"}.get(etype or "", "other")
        name = " ".join(name.split())
        key = f"n:{fold(name)}"
        if typ in ("organisation", "media", "government") and not self._has_draft(key):
            near = self._near_organisation(name, typ)
            if self._log is not None:
                self._log.step("near", name, typ, None if near is None else [near[0].key, near[1]])
            if near is not None:
                return near
            d = self._draft(key, name, typ)
            self._index_organisation(d, typ)
            return d, "same name"
        return self._draft(key, name, typ), "same name" if typ != "group" else "same group phrase"

    def _index_organisation(self, d: _Draft, typ: str) -> tuple[list[str], list[_Draft]]:
        """Put a new organisation into the fuzzy index later mentions search (`_near_organisation`); returns the
        part of the index it went into (its last item)."""
        if self._log is not None:
            self._log.step("index", d.key, typ)
        sk = skeleton(d.name)
        keys, drafts = self._org_index.setdefault((typ, len(sk.split())), ([], []))
        keys.append(sk)
        drafts.append(d)
        return keys, drafts

    # ---- gender: models/actors.yaml, else what the corpus says (graphkit.people)
    def _gender(self, d: "_Draft", besides: Optional[str] = None) -> Optional[str]:
        """A draft's gender; ``besides``: the gender of a pronoun the article gave it, whose own vote is not counted
        (graphkit.people.PersonNames.gender_evidence).

        Without ``besides`` this asks ``gender``, not ``gender_evidence(name, None)[0]`` (the same answer), on
        purpose: the kept walk logs what it was told (graphkit.walks.LoggedPeople), and the evidence's vote counts
        ("3 male, 0 female") move with every article that names the person, so logging them would stop an
        unchanged article from replaying whenever a changed one adds a vote that leaves the gender as it was."""
        if d.entry is not None and d.entry.gender:
            return d.entry.gender
        if d.type == "person" and d.key.startswith("pc:"):
            return self.people.gender_evidence(d.name, besides)[0] if besides else self.people.gender(d.name)
        return None

    def _gender_source(self, d: "_Draft", besides: Optional[str] = None) -> str:
        """What says the draft's gender is `_gender`'s: the gazetteer, else the corpus's votes (read for a
        reason only, after `_gender` found a pronoun or an honorific of the other gender)."""
        if d.entry is not None and d.entry.gender:
            return d.entry.source
        return self.people.gender_evidence(d.name, besides)[1]

    def _near_organisation(self, name: str, typ: str) -> Optional[tuple[_Draft, str]]:
        """An organisation already seen whose name differs only in spelling ('Defence'/'Defense' Ministry)."""
        from rapidfuzz import fuzz, process

        sk = skeleton(name)
        keys, drafts = self._org_index.get((typ, len(sk.split())), ([], []))
        if len(sk) < 8 or not keys:
            return None
        hit = process.extractOne(sk, keys, scorer=fuzz.ratio, score_cutoff=ORG_FUZZY_MIN)
        if hit is None:
            return None
        d = drafts[hit[2]]
        return d, f"fuzzy {hit[1]:.0f} vs organisation {d.name!r} (same words, spelling differs)"

    def resolve(self, kept: Optional[dict[str, ArticleWalk]] = None) -> None:
        """Give every mention a draft, article by article in doc-id order: an article with a kept walk
        (graphkit.walks) whose reads and drafts still hold is replayed, any other walked (and its walk kept)."""
        kept = kept or {}
        for doc_id in sorted(self.atts):
            walk = kept.get(doc_id)
            if walk is None or not self._replay(doc_id, walk):
                self._walk(doc_id)

    def _walk(self, doc_id: str) -> None:
        """Resolve an article's mentions in order; with ``keep_walks``, log what it reads and does (`walks`)."""
        if not self.keep_walks:
            return self._walk_mentions(doc_id)
        log = self._log = self.people.log = self.fold_types.log = ArticleWalk()
        log.read("entity_types", doc_id, self._entity_types(doc_id))
        try:
            self._walk_mentions(doc_id)
        finally:
            self._log = self.people.log = self.fold_types.log = None
        self.walks[doc_id] = log.encode()  # a string, not thousands of small lists held to the end

    def _entity_types(self, doc_id: str) -> list[Optional[str]]:
        """The corrected types of the article's entities, in order: its person entities and pronoun antecedents."""
        return [self.types.get(e[0]) for e in self.ents.get(doc_id, ())]

    def _walk_mentions(self, doc_id: str) -> None:
        anon_seen: list[tuple[int, _Draft]] = []
        done = _Done()  # (position, draft) of resolved speakers in this article
        for i, a in enumerate(self.atts[doc_id]):
            m = read_mention(doc_id, i, a, self._person_ents_near(doc_id, a), self.fold_types, self.gz, self.pc)
            d, why = self._mention_draft(m, anon_seen, done)
            d, why, m = self._second_look(m, d, why, done)
            self._record(m, d, why)
            done.append((m.pos, d))

    def _mention_draft(self, m: Mention, anon_seen: list[tuple[int, _Draft]], done: "_Done") -> tuple[_Draft, str]:
        """The draft of one mention by its kind, and why (before the corpus's second look)."""
        if m.kind == "none":
            return (self._draft(f"anon:{m.doc_id}:unattributed", "unattributed", "anonymous",
                                fixed_id=f"actor:anon-{slug(m.doc_id)}-unattributed"),
                    "no speaker found; one unattributed source per article")
        if m.kind == "anon" and group_of_officials(m.name):
            gz = self.gz.match_name(m.name, False)
            if gz:
                return self._draft(gz[0].id, gz[0].name, gz[0].type, gz[0]), gz[1]
            return (self._draft(f"n:{fold(m.name)}", " ".join(m.name.split()), "group"),
                    "unnamed officials as a group: one group actor per phrase across the corpus")
        if m.kind == "anon":
            d, why = self._anonymous(m, anon_seen)
            anon_seen.append((m.pos, d))
            return d, why
        if m.kind == "pronoun":
            return self._pronoun(m, done)
        if m.kind == "title":
            return self._title(m)
        if m.kind == "group":
            gz = self.gz.match_name(m.name, False)
            if gz:
                return self._draft(gz[0].id, gz[0].name, gz[0].type, gz[0]), gz[1]
            return self._draft(f"n:{fold(m.name)}", m.name, "group"), "same group phrase"
        return self._resolve_name(m)

    # ---- a kept walk replayed (graphkit.walks)
    def _replay(self, doc_id: str, walk: ArticleWalk) -> bool:
        """Redo a kept walk of an unchanged article without walking it, when it would go as it went: every
        corpus-wide answer it read is the same now (`_reads_hold`) and every draft it met is the one it met
        (`_replay_drafts`); then its records are applied in order. False (nothing changed): walk it again."""
        if not self._reads_hold(doc_id, walk.reads) or not self._replay_drafts(walk.steps):
            return False
        drafts = self.drafts
        for step in walk.steps:
            if step[0] == "record":
                self._apply_record(doc_id, step[1], drafts[step[2]], *step[3:])
        return True

    def _reads_hold(self, doc_id: str, reads: list) -> bool:
        """Whether every corpus-wide answer the kept walk read (types, labels, person names) is the same now."""
        if self._answers is None:
            self._answers = {"entity_types": self._entity_types, "labels": self._mostly_not_person,
                             "fold_types": _asked_once(lambda q: self.fold_types.get(*q))}
            for kind in ("single_name", "full_name", "surname", "surname_gender", "unresolved_surname_reason",
                         "gender", "gender_evidence", "cluster_name", "by_surname"):
                # many articles ask the same: each question answered once a resolution (the answers do not change)
                self._answers[kind] = _asked_once(lambda q, kind=kind: self.people.answer(kind, q))
        return reads_hold(reads, self._answers)

    def _replay_drafts(self, steps: list) -> bool:
        """Make the drafts a kept walk made, in order, checking that each draft it met, each key it found made or
        not and each organisation the fuzzy index gave it are the same now; on the first difference, undo what
        was made and say False."""
        made: list[str] = []
        indexed: list[tuple] = []
        for step in steps:
            kind = step[0]
            if kind == "draft":
                _, key, name, typ, entry_id, fixed_id, met = step
                d = self.drafts.get(key)
                made_now = [name, typ, entry_id, fixed_id]
                if (_draft_shape(d) if d is not None else made_now) != (met or made_now):
                    break
                if d is None:
                    self._draft(key, name, typ, self.entries[entry_id] if entry_id else None, fixed_id)
                    made.append(key)
            elif kind == "exists":
                if (step[1] in self.drafts) != step[2]:
                    break
            elif kind == "near":
                near = self._near_organisation(step[1], step[2])
                if (None if near is None else [near[0].key, near[1]]) != step[3]:
                    break
            elif kind == "index":
                indexed.append(self._index_organisation(self.drafts[step[1]], step[2]))
        else:
            return True
        for key in made:
            del self.drafts[key]
        for keys, drafts in indexed:
            keys.pop()
            drafts.pop()
        return False

    # ---- the corpus's second look at what the article pass resolved
    def _second_look(self, m: Mention, d: _Draft, why: str, done: list[tuple[int, _Draft]]
                     ) -> tuple[_Draft, str, Mention]:
        """Re-resolve a pronoun or honorific mention whose article-pass antecedent the corpus contradicts;
        the mention comes back as what was resolved (the pronoun, the bare surname), so the article pass's
        wrong name becomes no alias of the actor."""
        a = m.att
        if written_by(a):
            return d, why, m  # the author the article names: no pronoun to search again
        if m.kind != "pronoun" and is_pronoun(a.speaker_text) and a.resolved_text \
                and fold(a.resolved_text) != fold(a.speaker_text):
            d2, why2 = self._pronoun_second_look(m, d, why, done)
            return d2, why2, (m if d2 is d else replace(m, kind="pronoun", name=a.speaker_text or ""))
        if m.kind == "name" and d.type == "person":
            d2, why2 = self._honorific_second_look(m, d, why)
            return d2, why2, (m if d2 is d else replace(m, name=split_honorific(m.surface or "")[1]))
        return d, why, m

    def _pronoun_second_look(self, m: Mention, d: _Draft, why: str, done: list[tuple[int, _Draft]]
                             ) -> tuple[_Draft, str]:
        """'they'/'it' whose antecedent stands inside what someone said, 'she' given to a man, 'he' given
        to an organisation: search again by position (graphkit.pronouns), without the article pass's pick."""
        a = m.att
        pron = (a.speaker_text or "").strip().lower()
        g = PRONOUN_GENDER.get(pron)
        rs = a.resolved_span
        pm = Mention(m.doc_id, m.index, a, a.speaker_text, a.speaker_text, "pronoun", None, a.role, m.pos)
        # only for 'they'/'it': a person named inside content is often the one who goes on speaking
        if pron in ("they", "it") and rs is not None and (a.speaker_span is None or rs[1] <= a.speaker_span[0]) \
                and any(s0 <= rs[0] and rs[1] <= s1 for s0, s1 in self.content.get(m.doc_id, [])):
            d, why2 = self._pronoun(pm, done)
            return d, f"the article's resolver gave {a.resolved_text!r}, a mention inside claim content; {why2}"
        if g and self._gender(d, besides=g) not in (None, g):
            wrong, source = d, self._gender_source(d, besides=g)
            d, why2 = self._pronoun(pm, done, reject=wrong)
            return d, f"the article's resolver gave {a.resolved_text!r}, but {wrong.name} is not {g} ({source}); {why2}"
        if pron in PERSON_PRONOUNS and _no_person(d):
            wrong = d
            d, why2 = self._pronoun(pm, done, reject=wrong)
            return d, f"the article's resolver gave {a.resolved_text!r}, but {wrong.name} is no person; {why2}"
        if pron in _NOT_ONE_PERSON and d.type == "person":
            wrong = d
            d, why2 = self._pronoun(pm, done, reject=wrong)
            return d, f"the article's resolver gave {a.resolved_text!r}, but '{pron}' is not one person; {why2}"
        return d, f"pronoun resolved in the article to {a.resolved_text!r}, then {why}"

    def _honorific_second_look(self, m: Mention, d: _Draft, why: str) -> tuple[_Draft, str]:
        """'Mrs. Clinton' the article pass gave to Bill Clinton, whom the corpus calls 'he': the surname
        again, among the holders of the gender the honorific says (graphkit.people)."""
        hon, bare = split_honorific(m.surface or "")
        said = honorific_gender(hon)
        if not said or not self.people.single_name(bare) or self._gender(d) in (None, said):
            return d, why
        hit = self.people.surname(bare, m.doc_id, m.surface)
        if hit is None:
            return d, why
        root, why2 = hit
        new = self._draft(f"pc:{root}", self.people.cluster_name[root], "person")
        if new is d:
            return d, why
        return new, (f"the article's resolver gave {m.name!r}, but {d.name} is not {said} "
                     f"({self._gender_source(d)}); {why2}")

    def _looks_like_person(self, name: str, doc_id: str) -> bool:
        """With no NER type: a capitalised 2-4 word name without organisation words, or a known surname."""
        words = name.split()
        if not words or not all(w[:1].isupper() or fold(w) in NAME_PARTICLES for w in words):
            return False
        if has_org_word(words):
            return False
        if len(words) == 1:
            key = person_key(name)
            if self._mostly_not_person(name):
                return False  # 'Republicans': the NER calls it NORP far more often than a name's part
            return key in self.people.by_surname or key in self.gz.by_surname
        return len(words) <= 4

    def _mostly_not_person(self, text: str) -> bool:
        """The NER labels this exact text something other than PERSON in most of its corpus mentions."""
        if not hasattr(self, "_labels"):
            self._labels: dict[str, Counter] = defaultdict(Counter)
            for ents in self.ents.values():
                for t, label, *_ in ents:
                    self._labels[t][label] += 1
        votes = self._labels.get(text)
        out = bool(votes) and votes["PERSON"] * 2 < sum(votes.values())
        if self._log is not None:
            self._log.read("labels", text, out)
        return out

    def _title(self, m: Mention) -> tuple[_Draft, str]:
        """A role phrase with no name: the gazetteer title it names, else one actor per title phrase."""
        hit = self.gz.match_title(m.name, org_role(m.att), m.role) or self.gz.match_name(m.name, False)
        if hit is not None:
            e, why = hit
            return self._draft(e.id, e.name, e.type, e), why
        name = " ".join(strip_det(m.name).split())
        name = name.translate(APOS)
        return (self._draft(f"n:{fold(name)}", name, "role"),
                f"role phrase with no name and no title in {' or '.join(self.gz.files)}; one role actor per phrase")

    def _anonymous(self, m: Mention, seen: list[tuple[int, _Draft]]) -> tuple[_Draft, str]:
        words = fold(m.name).split()
        head = words[-1] if words else "source"
        first = (m.name.split() or [""])[0].lower()
        if first in ("the", "that", "this", "these", "those") and len(words) <= 3:
            for pos, d in reversed(seen):
                if pos <= m.pos and [w.rstrip("s") for w in fold(d.name).split()[-1:]] == [head.rstrip("s")]:
                    return d, f"definite {m.name!r} refers back to the nearest preceding {d.name!r} in the same article"
        phrase = re.sub(r"^(a|an|the)\s+", "", " ".join(m.name.split()), flags=re.I)
        first = phrase.split()[0] if phrase.split() else ""
        if first[:1].isupper() and not first.isupper() and fold(first) in DETERMINER_LIKE:
            phrase = first[0].lower() + phrase[1:]
        key = f"anon:{m.doc_id}:{fold(phrase)}"
        d = self._draft(key, phrase, "anonymous", fixed_id=f"actor:anon-{slug(m.doc_id)}-{slug(phrase)}")
        return d, "anonymous source, keyed by article and phrase"

    def _pronoun(self, m: Mention, done: "_Done",
                 reject: Optional[_Draft] = None) -> tuple[_Draft, str]:
        """A pronoun by graphkit.pronouns.antecedent over the article's earlier speakers and NER entities
        of the right kind, not inside claim content, not of the other gender by what the corpus says."""
        p = m.surface.strip().lower()
        if p in ("you", "who", "which", "that"):
            key = f"anon:{m.doc_id}:unresolved {p}"
            return (self._draft(key, f"unresolved '{p}'", "anonymous", fixed_id=f"actor:anon-{slug(m.doc_id)}-unresolved-{slug(p)}"),
                    f"'{p}' is not resolved by position: one unresolved source per article")
        hit, skipped = antecedent(p, self._pronoun_candidates(m, p, done),
                                  lambda c: self._pronoun_fits(p, c, reject, m.doc_id), nearest_first=True)
        shown = _dedupe(self._candidate_label(c) for c in skipped if not self._rejected(c, reject))
        note = f"; skipped {', '.join(shown)} (not {pronoun_gender(p)})" if shown else ""
        if hit is not None and isinstance(hit.ref, str):
            etype = self.types.get(hit.ref)
            sub = Mention(m.doc_id, m.index, m.att, hit.ref, strip_possessive(hit.ref), "name", etype, None, hit.at,
                          pronoun_gender(p))  # 'she' → the surname 'Clinton' → the article's female holder
            d, why = self._resolve_name(sub)
            return d, f"pronoun, nearest preceding {etype} mention {hit.ref!r} in the same article{note} ({why})"
        if hit is not None:
            return hit.ref, f"pronoun, nearest preceding speaker {hit.ref.name!r} in the same article{note}"
        key = f"anon:{m.doc_id}:unresolved {p}"
        return (self._draft(key, f"unresolved '{p}'", "anonymous", fixed_id=f"actor:anon-{slug(m.doc_id)}-unresolved-{slug(p)}"),
                "pronoun with no antecedent in the article")

    def _pronoun_candidates(self, m: Mention, p: str, done: "_Done") -> Iterator[Candidate]:
        """Earlier speakers (drafts) and NER entities (texts) of the kind the pronoun wants, outside claim content,
        nearest first (a speaker before an entity at the same place; ties in article order), made lazily:
        most pronouns take the first, and an article of 10,000 claims is not listed once per pronoun."""
        want = ({"person"} if p in PERSON_PRONOUNS else
                {"organisation", "government", "country", "group", "media", "other"} if p in THING_PRONOUNS else
                {"organisation", "government", "country", "group", "media", "other", "anonymous"}
                if p in _NOT_ONE_PERSON else None)
        ent_types = ({"person"} if want == {"person"} else {"organisation", "government"} if p in THING_PRONOUNS else
                     {"organisation", "government", "group"} if want else {"person", "organisation", "government", "group"})
        speakers = (Candidate(pos, SPEAKER, d) for pos, d in done.before(m.pos) if want is None or d.type in want)
        entities = (Candidate(start, MENTION, text) for start, text in self._antecedent_entities(m.doc_id, ent_types, m.pos))
        return merge(speakers, entities, key=lambda c: (c.at, c.rank), reverse=True)

    def _antecedent_entities(self, doc_id: str, ent_types: set[str], pos: int) -> Iterator[tuple[int, str]]:
        """(start, text) of the article's entities of ``ent_types`` ending by ``pos`` and outside every claim's
        content (what anyone said is no antecedent of who said it), nearest first, ties in text order."""
        key = (doc_id, frozenset(ent_types))
        if key not in self._ent_cache:
            if self._ent_cache and next(iter(self._ent_cache))[0] != doc_id:
                self._ent_cache.clear()  # one article at a time
            own = self.content.get(doc_id, [])
            own_starts, reach, far = [s for s, _ in own], [], -1
            for _, e in own:
                far = max(far, e)
                reach.append(far)  # the furthest end of the content spans starting up to here

            def inside(start, end):
                k = bisect_right(own_starts, start)
                return k > 0 and reach[k - 1] >= end

            ents = [(start, end, text) for text, label, start, end in self.ents.get(doc_id, [])
                    if self.types.get(text) in ent_types and not inside(start, end) and not _adjective(text, label)]
            self._ent_cache[key] = ([e[0] for e in ents], ents)
        starts, ents = self._ent_cache[key]
        hi = bisect_left(starts, pos)  # an entity ending by pos starts before it
        while hi > 0:
            lo = bisect_left(starts, starts[hi - 1], 0, hi)
            for start, end, text in ents[lo:hi]:
                if end <= pos:
                    yield start, text
            hi = lo

    def _person_ents_near(self, doc_id: str, a: Attribution) -> list:
        """The article's person entities starting inside the span read_mention looks for a name in (bisect:
        an article of 10,000 claims is not walked once per claim); all of them when there is no such span."""
        ents = self.person_ents.get(doc_id, [])
        span = a.resolved_span if a.resolved_text and a.resolved_span else a.speaker_span
        if not span:
            return ents
        starts = self._person_starts.get(doc_id)
        if starts is None:
            self._person_starts = {doc_id: [e[2] for e in ents]}  # one article at a time
            starts = self._person_starts[doc_id]
        return ents[bisect_left(starts, span[0]):bisect_right(starts, span[1])]

    def _candidate_entry(self, c: Candidate) -> Optional[GazetteerEntry]:
        if isinstance(c.ref, str):
            hit = self.gz.match_name(strip_possessive(c.ref), person_like=True)
            return hit[0] if hit else None
        return c.ref.entry

    def _candidate_label(self, c: Candidate) -> str:
        entry = self._candidate_entry(c)
        return c.ref.name if not isinstance(c.ref, str) else entry.name if entry else c.ref

    def _rejected(self, c: Candidate, reject: Optional[_Draft]) -> bool:
        if reject is None:
            return False
        entry = self._candidate_entry(c)
        return (entry is not None and reject.entry is entry) or c.ref is reject

    def _pronoun_fits(self, p: str, c: Candidate, reject: Optional[_Draft], doc_id: str) -> bool:
        """Rule 3 with the corpus's genders (a surname: that of the people the article gives it); a rejected
        draft (the article pass's wrong pick) never fits."""
        if self._rejected(c, reject):
            return False
        entry = self._candidate_entry(c)
        if entry is not None and entry.gender:
            known = entry.gender
        elif not isinstance(c.ref, str):
            known = self._gender(c.ref)
        elif self.people.single_name(c.ref):
            known = self.people.surname_gender(strip_possessive(c.ref), doc_id)
        else:
            known = self.people.gender(c.ref)
        return fits_gender(p, known)

    # ---- output
    def positions(self) -> dict[tuple[str, int], int]:
        """(doc id, index) → where the attribution's speaker mention starts (else its cue, else its content)."""
        out = {}
        for d, atts in self.atts.items():
            for i, a in enumerate(atts):
                span = a.speaker_span or a.cue_span or (a.spans[0] if a.spans else None)
                if span is not None:
                    out[(d, i)] = span[0]
        return out

    def actors(self) -> tuple[list[Actor], dict[str, str]]:
        ids: dict[str, str] = {}
        taken: set[str] = set()
        for key in sorted(self.drafts, key=lambda k: (self.drafts[k].fixed_id is None and self.drafts[k].entry is None, k)):
            d = self.drafts[key]
            base = d.entry.id if d.entry else d.fixed_id or f"actor:{slug(d.name)}"
            aid, n = base, 2
            while aid in taken:
                aid, n = f"{base}-{n}", n + 1
            taken.add(aid)
            ids[key] = aid
        out = []
        for key, d in self.drafts.items():
            org = None
            if d.organisation:
                org = sorted(d.organisation.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            # in order of first appearance: documents sorted by id, attributions in article order
            merges = tuple(f"{line} ({', '.join(docs)})" for line, docs in d.merges.items())
            out.append(Actor(
                id=ids[key], name=d.name, type=d.type, aliases=_dedupe([x for x in d.aliases if x and x != d.name]),
                roles=_dedupe_roles(d.roles), organisation=org, country=d.country, merges=merges))
        out.sort(key=lambda a: a.id)
        return out, ids




def _asked_once(answer):
    """``answer`` (a function of a question, a string or a list of strings) remembering each question's answer.

    >>> asked = []
    >>> f = _asked_once(lambda q: asked.append(q) or len(q)); f("ab"), f(["a", None]), f(["a", None]), len(asked)
    (2, 2, 2, 2)
    """
    answers: dict = {}

    def asked(question):
        key = tuple(question) if isinstance(question, list) else question
        if key not in answers:
            answers[key] = plain(answer(question))  # compared as kept
        return answers[key]

    return asked


def _draft_shape(d: _Draft) -> list:
    """What an article reads of a draft another mention made: name, type, gazetteer entry id and fixed id."""
    return [d.name, d.type, d.entry.id if d.entry else None, d.fixed_id]


def _adjective(text: str, label: str) -> bool:
    """A nationality, religious or political group written as one word without a plural ('Democratic' in 'the
    Democratic primary', 'American'): an adjective, no antecedent of 'they' (the NER's NORP for 'Democrats' and
    'the Swiss' as a people stays one when the article names them as speakers).

    >>> _adjective("Democratic", "NORP"), _adjective("Democrats", "NORP"), _adjective("Pentagon", "ORG")
    (True, False, False)
    """
    return label == "NORP" and " " not in text.strip() and not text.strip().lower().endswith("s")


def _dedupe_roles(items: Iterable[str]) -> tuple[str, ...]:
    """Roles, first spelling kept; a role whose words lie within an earlier one is dropped ('spokesman')."""
    out: list[str] = []
    for r in _dedupe(items):
        f = f" {fold(r)} "
        if not any(f in f" {fold(o)} " for o in out):
            out.append(r)
    return tuple(out)


def _dedupe(items: Iterable[str]) -> tuple[str, ...]:
    seen, out = set(), []
    for x in items:
        k = x.strip().casefold()
        if k and k not in seen:
            seen.add(k)
            out.append(x.strip())
    return tuple(out)


def resolve_actors(attributions: dict[str, list[Attribution]], entities: dict[str, list[Entity]],
                   gazetteer: Optional[dict | Gazetteer] = None, *,
                   place_config: Optional[PlaceConfig] = None,
                   kept_walks: Optional[dict[str, ArticleWalk]] = None, keep_walks: bool = False
                   ) -> ActorResolution:
    """Resolve every attribution's speaker to one canonical actor across the whole corpus.

    `attributions`: doc_id → that article's attributions, in order; `entities`:
    doc_id → its NER entities (text, label, start, end); `gazetteer`: the parsed
    content of an actors.yaml (default: models/actors.yaml). Deterministic: the
    same input gives the same ids and order, whatever the dict order.

    ``kept_walks``: doc_id → the walk an earlier resolution kept of that article (graphkit.walks), valid for its
    attributions and entities as they are now (graphkit.kept.kept_actor_walks): replayed when what it read still
    holds, else the article is walked again. The result is the same either way. ``keep_walks``: the result's
    ``walks`` holds the walks of the articles walked, encoded, for a later resolution to replay.
    """
    if gazetteer is None:
        gz = load_gazetteer()
    elif isinstance(gazetteer, Gazetteer):
        gz = gazetteer
    else:
        gz = Gazetteer.from_dict(gazetteer, where="the gazetteer passed to resolve_actors")
    pc = place_config if place_config is not None else load_place_config()
    r = _Resolver({d: list(attributions[d]) for d in sorted(attributions)}, entities, gz, pc, keep_walks)
    r.resolve(kept_walks)
    merge_across_corpus(r.drafts, r.speaker_of, r.positions())
    actors, ids = r.actors()
    speaker_of = {k: ids[v] for k, v in sorted(r.speaker_of.items())}
    return ActorResolution(actors=actors, speaker_of=speaker_of, entity_types=r.types, walks=r.walks)
