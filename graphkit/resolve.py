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
a place where spaCy says PERSON. Name folding and comparison live in
graphkit.names, the parsed actors.yaml files (models/ and the corpus's) in graphkit.gazetteer;
this module is the stage itself.

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
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional

from .entity_types import type_entities
from .gazetteer import Gazetteer, GazetteerEntry, load_gazetteer
from .names import (APOS, TITLE_WORDS, candidate_pairs, compare_names, fold, is_pronoun, name_words, person_key,
                    honorific_gender, skeleton, slug, split_honorific, split_title)
from .places import Entity, PlaceConfig, is_known_place, load_place_config, lookup_place
from .records import Actor, Attribution

_PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "himself": "male",
                   "she": "female", "her": "female", "hers": "female", "herself": "female"}
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself", "i", "me"}
_THING_PRONOUNS = {"it", "its", "which", "that"}
_ANON_HEADS = {"source", "sources", "official", "officials", "aide", "aides", "insider", "insiders", "diplomat",
               "diplomats", "person", "people", "adviser", "advisers", "advisor", "advisors", "officer",
               "officers", "staffer", "staffers", "analyst", "expert", "observer", "lawmaker", "negotiator",
               "spokesperson", "representative", "investigator", "ally", "confidant", "associate",
               "strategist", "member", "members"}

#: a surname alone goes to the full name holding this share of the corpus's full-name mentions with it
#: (an in-article full name always comes first); below it, the surname stays an actor of its own
SURNAME_DOMINANCE = 0.8
ORG_FUZZY_MIN = 95      # organisations outside the gazetteer: same number of words, near-identical spelling


# --------------------------------------------------------------------------- the resolution


@dataclass(frozen=True)
class ActorResolution:
    """Canonical actors of a corpus and the actor of every attribution."""

    actors: list[Actor]
    speaker_of: dict[tuple[str, int], str]
    entity_types: dict[str, str]

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


@dataclass
class _Mention:
    doc_id: str
    index: int
    att: Attribution
    surface: str          # what stood in the text as the speaker
    name: str             # the name part (no title), or the phrase for groups/anonymous
    kind: str             # name, title, pronoun, anon, group, none
    etype: Optional[str]  # corrected entity type of the name, when known
    role: Optional[str]
    pos: int              # where the mention stands in the article



class _Resolver:
    def __init__(self, attributions: dict[str, list[Attribution]], entities: dict[str, list[Entity]],
                 gazetteer: Gazetteer, place_config: PlaceConfig) -> None:
        self.atts = attributions
        self.ents = {d: sorted((tuple(e) for e in entities.get(d, [])), key=lambda e: (e[2], e[3], e[0], e[1]))
                     for d in sorted(set(entities) | set(attributions))}
        self.gz = gazetteer
        self.pc = place_config
        self.types = type_entities(self.ents, gazetteer, place_config)
        self.fold_types = {fold(k): v for k, v in self.types.items()}
        # each article's person entities, in text order: every speaker mention looks its name up among them
        self.person_ents = {d: [e for e in ents if self.types.get(e[0]) == "person"] for d, ents in self.ents.items()}
        self.drafts: dict[str, _Draft] = {}
        self._org_index: dict[tuple[str, int], tuple[list[str], list[_Draft]]] = {}
        self.content = {d: sorted({tuple(s) for a in attributions[d] for s in a.spans}) for d in attributions}
        self.speaker_of: dict[tuple[str, int], str] = {}
        self._person_clusters()

    # ---- non-gazetteer person names, clustered over the whole corpus
    def _person_clusters(self) -> None:
        """Union full person names (2+ words) not in the gazetteer when compare_names says they are one."""
        names: dict[str, Counter] = defaultdict(Counter)  # skeleton -> surface counts
        for d in self.ents:
            for text, label, *_ in self.ents[d]:
                if self.types.get(text) == "person":
                    self._add_name(names, text)
        for d in sorted(self.atts):
            for a in self.atts[d]:
                if a.resolved_text and a.speaker_type in ("PERSON", "PRON") and not is_pronoun(a.resolved_text):
                    _, nm = split_title(a.resolved_text)
                    if nm:
                        self._add_name(names, nm)
        full = sorted(sk for sk in names if len(sk.split()) > 1 and self.gz.match_name(names[sk].most_common(1)[0][0], True) is None)
        parent = {sk: sk for sk in full}
        self.fuzzy_reason: dict[str, str] = {}

        def find(x):
            while parent[x] != x:
                x = parent[x]
            return x

        shown = [_display(names[sk]) for sk in full]
        index = {sk: k for k, sk in enumerate(full)}
        for sk in full:
            short = _without_middle_name(sk, names)
            if short is not None and short in index and find(sk) != find(short):
                parent[find(sk)] = find(short)  # 'Hillary Rodham Clinton' is 'Hillary Clinton'
                self.fuzzy_reason[sk] = f"middle name dropped: {_display(names[short])!r}"
        for sk in full:
            tail = _descriptor_tail(sk, names)
            if tail is not None and tail in index and find(sk) != find(tail):
                parent[find(sk)] = find(tail)  # 'Rival Hillary Clinton', 'Crooked Hillary Clinton'
                self.fuzzy_reason[sk] = f"a word before the name {_display(names[tail])!r}"
        for i, j in candidate_pairs(shown):
            a, b = full[i], full[j]
            same, score, why = compare_names(shown[i], shown[j])
            if same and find(a) != find(b):
                parent[find(b)] = find(a)
                self.fuzzy_reason[b] = f"{why} vs {shown[i]!r}"
        groups: dict[str, list[str]] = defaultdict(list)
        for sk in full:
            groups[find(sk)].append(sk)
        self.cluster_of: dict[str, str] = {}
        self.cluster_name: dict[str, str] = {}
        self.cluster_by_surname: dict[str, set[str]] = defaultdict(set)
        self.cluster_by_first: dict[str, set[str]] = defaultdict(set)
        for root, members in sorted(groups.items()):
            total = Counter()
            for m in members:
                total.update(names[m])
            display = _display(total)
            for m in members:
                self.cluster_of[m] = root
                self.cluster_by_surname[name_words(_display(names[m]))[0][-1]].add(root)
                self.cluster_by_first[name_words(_display(names[m]))[0][0]].add(root)
            self.cluster_name[root] = display
        self.names = names

    @staticmethod
    def _add_name(names: dict, text: str) -> None:
        t = _trim_fragment(re.sub(r"['\u2019]s$", "", text.strip()))
        t = re.sub(r"^(the)\s+", "", t, flags=re.I)
        if fold(t):
            names[person_key(t)][t] += 1

    # ---- drafts
    def _draft(self, key: str, name: str, typ: str, entry: Optional[GazetteerEntry] = None,
               fixed_id: Optional[str] = None) -> _Draft:
        if key not in self.drafts:
            d = _Draft(key=key, name=name, type=typ, entry=entry, fixed_id=fixed_id)
            if entry:
                d.country, d.roles, d.aliases = entry.country, list(entry.roles), list(entry.aliases)
                if entry.organisation:
                    d.organisation[entry.organisation] += 1000
            self.drafts[key] = d
        return self.drafts[key]

    def _record(self, m: _Mention, draft: _Draft, reason: str) -> str:
        key = draft.key
        self.speaker_of[(m.doc_id, m.index)] = key
        shown = " ".join((m.name if m.kind == "name" and m.name else m.surface).split())  # the words that matched
        line = f"{shown!r} -> {draft.name}: {reason}"
        draft.merges.setdefault(line, [])
        if m.doc_id not in draft.merges[line]:
            draft.merges[line].append(m.doc_id)
        alias = " ".join((m.name or "").split())  # the name as written; title words go to roles
        if alias and m.kind != "pronoun" and not is_pronoun(alias):
            draft.aliases.append(alias)
        role = _clean_role(m.role, draft.name)
        if role:
            draft.roles.append(role)
        org = " ".join((m.att.organisation or "").split())
        country = self.gz.country_of(org) if org and len(org.split()) == 1 else None
        if country is None and org and is_known_place(org, self.pc):
            hit = lookup_place(org, self.pc)
            country = hit.name if hit and hit.type == "country" else None
        if country is not None:
            draft.country = draft.country or country  # 'Ukrainian', 'US': a country, not an organisation
        elif org:
            draft.organisation[org] += 1
        if draft.country is None and m.kind in ("anon", "group", "title", "name"):
            draft.country = self.gz.country_of(m.name, m.surface, m.role) or self._country_named(m.surface)
        return key

    def _country_named(self, phrase: str) -> Optional[str]:
        """A country named in a phrase ("Ukraine's sanctions commissioner" -> Ukraine)."""
        for w in phrase.translate(APOS).split():
            w = re.sub(r"'s$", "", w).strip(".,;:")
            if w[:1].isupper():
                hit = lookup_place(w, self.pc)
                if hit is not None and hit.type == "country":
                    return hit.name
        return None

    # ---- one mention
    def _mention(self, doc_id: str, i: int, a: Attribution) -> _Mention:
        pos = (a.speaker_span or a.spans[0])[0]
        if not a.speaker_text and not a.resolved_text:
            return _Mention(doc_id, i, a, "", "", "none", None, a.role, pos)
        surface = a.speaker_text or a.resolved_text or ""
        text = a.resolved_text if a.resolved_text and not is_pronoun(a.resolved_text) else None
        if text is None:
            return _Mention(doc_id, i, a, surface, surface, "pronoun", None, a.role, pos)
        text = text.strip().strip("\"'\u201c\u201d\u2018\u2019,;:").strip()
        if re.search(r'[<>]|="', text):  # markup left in scraped text: '2016">Donald Trump', 'datetime="2016-06'
            text = re.split(r'[<>]|="', text)[-1].strip(" .\"'")
            if not re.search(r"[A-Za-z]{2}", text):
                return _Mention(doc_id, i, a, surface, surface, "none", None, a.role, pos)
        text = _trim_fragment(text)
        if not text:
            return _Mention(doc_id, i, a, surface, surface, "none", None, a.role, pos)
        role = a.role
        # a PERSON entity inside the mention is its name
        person = None
        if a.speaker_type in (None, "PERSON") or (a.speaker_type == "PRON" and a.resolved_span):
            span = a.resolved_span if a.resolved_text and a.resolved_span else a.speaker_span
            if span:
                # the name that heads the mention ('President Barack Obama'), not one inside it ('Clinton supporters')
                end = span[1] - (2 if text.endswith(("'s", "\u2019s")) else 0)
                inside = [e for e in self.person_ents.get(doc_id, []) if span[0] <= e[2] and e[3] <= span[1]
                          and (e[3] >= end - 1 or a.speaker_type == "PERSON")]
                if inside:
                    person = max(inside, key=lambda e: (e[3] - e[2], -e[2]))[0]
        if a.speaker_type == "ANON" or (self._anonymous_phrase(text) and person is None):
            return _Mention(doc_id, i, a, surface, text, "anon", "anonymous", role, pos)
        if person is not None:
            name = _trim_fragment(re.sub(r"['\u2019]s$", "", person))
            name = split_title(name)[1] or name  # spaCy's PERSON may hold the title: 'Representative Charles B. Rangel'
            prefix = text[: text.find(person)].strip(" ,") if person in text else ""
            prefix = split_honorific(f"{prefix} x")[1][:-1].strip() if prefix else prefix  # 'Mr' is no role
            if not role and prefix and any(w.lower().strip(".,") in TITLE_WORDS for w in prefix.split()):
                role = prefix
            return _Mention(doc_id, i, a, surface, name, "name", "person", role, pos)
        etype = self.fold_types.get(fold(text))
        if a.speaker_type == "PERSON" or etype == "person":
            prefix, name = split_title(text)
            if not name:
                return _Mention(doc_id, i, a, surface, text, "title", None, role, pos)
            prefix = split_honorific(f"{prefix} x")[1][:-1].strip() if prefix else prefix  # 'Mr' is no role
            if not role and prefix and any(w.lower().strip(".,") in TITLE_WORDS for w in prefix.split()):
                role = prefix
            return _Mention(doc_id, i, a, surface, name, "name", self.fold_types.get(fold(name), "person"), role, pos)
        if a.speaker_type == "NOUN" and etype is None:
            if self.gz.match_title(text, _org_role(a)) or self.gz.match_name(text, False) or _is_role_phrase(text):
                return _Mention(doc_id, i, a, surface, text, "title", None, role, pos)
            return _Mention(doc_id, i, a, surface, _strip_det(text), "group", "group", role, pos)
        name = _strip_det(re.sub(r"['\u2019]s$", "", text))
        if etype is None:
            etype = {"GPE": "place", "ORG": "organisation", "NORP": "group"}.get(a.speaker_type or "", None)
            if etype is None and is_known_place(name, self.pc):
                etype = "place"
        return _Mention(doc_id, i, a, surface, name, "name", etype, role, pos)

    @staticmethod
    def _anonymous_phrase(text: str) -> bool:
        words = fold(text).split()
        return bool(words) and words[-1] in _ANON_HEADS and not any(w[:1].isupper() for w in text.split()[1:-1]
                                                                    if fold(w) not in _DEMONYM_LIKE)

    # ---- resolution of a named mention to a draft
    def _resolve_name(self, m: _Mention) -> tuple[_Draft, str]:
        name, etype = m.name, m.etype
        # metonymy: a place name as the speaker
        if etype == "place" or (etype is None and fold(name) in self.gz.by_metonym):
            e = self.gz.by_metonym.get(fold(name))
            if e is not None:
                return self._draft(e.id, e.name, e.type, e), f"metonymy: place {name!r} as speaker (models/actors.yaml metonyms)"
        gz = self.gz.match_name(name, person_like=etype in (None, "person"))
        if gz is not None:
            e, why = gz
            return self._draft(e.id, e.name, e.type, e), why
        if etype == "place" and not is_known_place(name, self.pc) and len(name.split()) > 1:
            # "Ukraine's sanctions commissioner", "the US and Ukraine": a phrase around a place, not a place
            words = fold(name).split()
            if words[-1] in _ROLE_HEADS:
                return self._title(_Mention(m.doc_id, m.index, m.att, m.surface, name, "title", None, m.role, m.pos))
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
                    "place as speaker; no government listed for it in models/actors.yaml metonyms")
        if etype is None and not self._looks_like_person(name, m.doc_id):
            if any(w in _ROLE_HEADS for w in fold(name).split()):
                # 'the former secretary of state': a role phrase, not a name
                return self._title(_Mention(m.doc_id, m.index, m.att, m.surface, name, "title", None, m.role, m.pos))
            etype = "other"
        def first_holders(word: str) -> set[str]:
            return set(self.cluster_by_first.get(word, set()))

        if etype in (None, "person"):
            sk = person_key(name)
            words, _ = name_words(name)
            if len(words) > 1 and sk in self.cluster_of:
                root = self.cluster_of[sk]
                why = "same name" if sk == root else self.fuzzy_reason.get(sk) or "fuzzy match after transliteration folding"
                if sk == root and _display(self.names[sk]) != name:
                    why = "same name after transliteration folding"
                return self._draft(f"pc:{root}", self.cluster_name[root], "person"), why
            if len(words) == 1:
                # surname: the one full name in the same article, then in the corpus
                local: Counter = Counter()
                for text, label, *_ in self.person_ents.get(m.doc_id, []):
                    skw, _ = name_words(re.sub(r"['\u2019]s$", "", text))
                    pk = person_key(re.sub(r"['\u2019]s$", "", text))
                    if len(skw) > 1 and skw[-1] == words[0] and pk in self.cluster_of:
                        local[self.cluster_of[pk]] += 1
                if len(local) == 1:
                    root = next(iter(local))
                    return (self._draft(f"pc:{root}", self.cluster_name[root], "person"),
                            f"surname of {self.cluster_name[root]!r} in the same article")
                if len(local) > 1:
                    (root, n), total = local.most_common(1)[0], sum(local.values())
                    if n >= SURNAME_DOMINANCE * total:
                        return (self._draft(f"pc:{root}", self.cluster_name[root], "person"),
                                f"surname of {self.cluster_name[root]!r}, who has {n} of the {total} full-name "
                                "mentions with it in the same article")
                corpus = self.cluster_by_surname.get(words[0], set())
                if len(local) == 0 and len(corpus) == 1:
                    root = next(iter(corpus))
                    return (self._draft(f"pc:{root}", self.cluster_name[root], "person"),
                            f"surname of {self.cluster_name[root]!r}, the only full name with it in the corpus")
                said_gender = honorific_gender(split_honorific(m.surface or "")[0])
                if said_gender and len(local) == 0 and len(corpus) > 1:
                    # 'Mr. Clinton': the holders whose gender the corpus knows otherwise drop out
                    corpus = {r for r in corpus if self._name_gender(self.cluster_name[r]) in (None, said_gender)}
                    if len(corpus) == 1:
                        root = next(iter(corpus))
                        return (self._draft(f"pc:{root}", self.cluster_name[root], "person"),
                                f"surname of {self.cluster_name[root]!r}, the only full name with it in the corpus "
                                f"of the gender {m.surface!r} says")
                if len(local) == 0 and (len(corpus) > 1 or (corpus and first_holders(words[0]))):
                    # surnames and first names together: 'Hillary' beside 'Crooked Hillary' (a NER cut)
                    hit = self._dominant_holder(corpus | first_holders(words[0]))
                    if hit is not None:
                        root, n, total = hit
                        return (self._draft(f"pc:{root}", self.cluster_name[root], "person"),
                                f"{'surname' if root in corpus else 'first name'} of {self.cluster_name[root]!r}, "
                                f"who has {n} of the corpus's {total} full-name mentions with it")
                first = self.cluster_by_first.get(words[0], set())
                if len(local) == 0 and not corpus and first:
                    # 'Hillary' where no full name of the corpus ends with it: the first name of the one
                    # full name holding >= SURNAME_DOMINANCE of the mentions of full names starting with it
                    hit = self._dominant_holder(first)
                    if hit is not None:
                        root, n, total = hit
                        return (self._draft(f"pc:{root}", self.cluster_name[root], "person"),
                                f"first name of {self.cluster_name[root]!r}, who has {n} of the corpus's {total} "
                                f"full-name mentions starting with it")
            if etype == "person" or len(words) > 1:
                why = "name"
                if len(words) == 1:
                    holders = sorted(self.cluster_name[r] for r in self.cluster_by_surname.get(words[0], ()))
                    if holders:
                        why = (f"surname only, and several full names carry it ({', '.join(holders[:4])}"
                               f"{', …' if len(holders) > 4 else ''}): kept apart rather than guessed")
                    else:
                        why = "surname only; no full name with it in the corpus"
                return self._draft(f"pc:{sk}", name, "person"), why
        typ = {"organisation": "organisation", "group": "group", "media": "media", "government": "government",
               "person": "person"}.get(etype or "", "other")
        name = " ".join(name.split())
        key = f"n:{fold(name)}"
        if key not in self.drafts and typ in ("organisation", "media", "government"):
            near = self._near_organisation(name, typ)
            if near is not None:
                return near
            d = self._draft(key, name, typ)
            sk = skeleton(name)
            keys, drafts = self._org_index.setdefault((typ, len(sk.split())), ([], []))
            keys.append(sk)
            drafts.append(d)
            return d, "same name"
        return self._draft(key, name, typ), "same name" if typ != "group" else "same group phrase"

    # ---- gender: models/actors.yaml, else what the corpus says (pronouns the articles resolve, honorifics)
    def _gender_votes(self) -> dict[str, Counter]:
        """person key (cluster root) -> Counter of 'male'/'female' votes: 'he'/'she' speakers the article's
        resolver tied to the name, and honorifics written before it ('Mr. Clinton', 'Mrs Clinton')."""
        if hasattr(self, "_votes"):
            return self._votes
        self._votes: dict[str, Counter] = defaultdict(Counter)
        for d in self.atts:
            for a in self.atts[d]:
                said = (a.speaker_text or "").strip()
                g = _PRONOUN_GENDER.get(said.lower())
                name = a.resolved_text if g else said
                if not g:
                    hon, bare = split_honorific(said)
                    g, name = honorific_gender(hon), bare
                if not g or not name or is_pronoun(name):
                    continue
                key = self._person_root(split_title(name)[1] or name)
                if key:
                    self._votes[key][g] += 1
        return self._votes

    def _person_root(self, name: str) -> Optional[str]:
        key = person_key(re.sub(r"['\u2019]s$", "", name))
        return self.cluster_of.get(key, key if key else None)

    def _name_gender(self, name: str) -> Optional[str]:
        """Gender of a person name by the corpus's votes: at least 5, four in five one way."""
        votes = self._gender_votes().get(self._person_root(name) or "", Counter())
        m, f = votes["male"], votes["female"]
        if m + f >= 5 and max(m, f) >= 0.8 * (m + f):
            return "male" if m > f else "female"
        return None

    def _gender(self, d: "_Draft") -> Optional[str]:
        if d.entry is not None and d.entry.gender:
            return d.entry.gender
        if d.type == "person" and d.key.startswith("pc:"):
            return self._name_gender(d.name)
        return None

    def _gender_source(self, d: "_Draft") -> str:
        if d.entry is not None and d.entry.gender:
            return "models/actors.yaml"
        votes = self._gender_votes().get(self._person_root(d.name) or "", Counter())
        return f"the corpus's pronouns and honorifics for the name: {votes['male']} male, {votes['female']} female"

    def _dominant_holder(self, roots: set[str]) -> Optional[tuple[str, int, int]]:
        """(root, its mentions, all mentions) when one full name holds at least SURNAME_DOMINANCE of the
        full-name mentions of a surname in the corpus ('Blair': Tony 313, Cherie 4), else None. 0.8 was chosen
        on PolNeAR train: 'Clinton' (Hillary 85% of 2,063) and 'Trump' (Donald 95%) merge, 'O'Neill' (71%),
        'Richards' (67%) and 'Emanuel' (52%) stay apart."""
        counts = {r: sum(sum(self.names[m].values()) for m in self._members(r)) for r in roots}
        total = sum(counts.values())
        root = max(sorted(counts), key=lambda r: counts[r])
        if total and counts[root] >= SURNAME_DOMINANCE * total:
            return root, counts[root], total
        return None

    def _members(self, root: str) -> list[str]:
        if not hasattr(self, "_members_of"):
            self._members_of: dict[str, list[str]] = defaultdict(list)
            for sk, r in self.cluster_of.items():
                self._members_of[r].append(sk)
        return self._members_of.get(root, [root])

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

    def resolve(self) -> None:
        for doc_id in sorted(self.atts):
            anon_seen: list[tuple[int, _Draft]] = []
            done: list[tuple[int, _Draft]] = []  # (position, draft) of resolved speakers in this article
            for i, a in enumerate(self.atts[doc_id]):
                m = self._mention(doc_id, i, a)
                if m.kind == "none":
                    d = self._draft(f"anon:{doc_id}:unattributed", "unattributed", "anonymous",
                                    fixed_id=f"actor:anon-{slug(doc_id)}-unattributed")
                    why = "no speaker found; one unattributed source per article"
                elif m.kind == "anon" and _group_of_officials(m.name):
                    gz = self.gz.match_name(m.name, False)
                    if gz:
                        d, why = self._draft(gz[0].id, gz[0].name, gz[0].type, gz[0]), gz[1]
                    else:
                        d = self._draft(f"n:{fold(m.name)}", " ".join(m.name.split()), "group")
                        why = "unnamed officials as a group: one group actor per phrase across the corpus"
                elif m.kind == "anon":
                    d, why = self._anonymous(m, anon_seen)
                    anon_seen.append((m.pos, d))
                elif m.kind == "pronoun":
                    d, why = self._pronoun(m, done)
                elif m.kind == "title":
                    d, why = self._title(m)
                elif m.kind == "group":
                    gz = self.gz.match_name(m.name, False)
                    if gz:
                        d, why = self._draft(gz[0].id, gz[0].name, gz[0].type, gz[0]), gz[1]
                    else:
                        d, why = self._draft(f"n:{fold(m.name)}", m.name, "group"), "same group phrase"
                else:
                    d, why = self._resolve_name(m)
                pron = (a.speaker_text or "").strip().lower()
                if m.kind != "pronoun" and is_pronoun(a.speaker_text) and a.resolved_text \
                        and fold(a.resolved_text) != fold(a.speaker_text):
                    g = _PRONOUN_GENDER.get(pron)
                    rs = a.resolved_span
                    # only for 'they'/'it': a person named inside content is often the one who goes on speaking
                    quoted = pron in ("they", "it") and rs is not None and (
                        a.speaker_span is None or rs[1] <= a.speaker_span[0]) and any(
                        s0 <= rs[0] and rs[1] <= s1 for s0, s1 in self.content.get(doc_id, []))
                    if quoted:
                        # the antecedent the article's resolver chose stands inside what someone said
                        pm = _Mention(doc_id, i, a, a.speaker_text, a.speaker_text, "pronoun", None, a.role, m.pos)
                        d, why = self._pronoun(pm, done)
                        why = (f"the article's resolver gave {a.resolved_text!r}, a mention inside claim content; "
                               f"{why}")
                    elif g and self._gender(d) not in (None, g):
                        # the article's resolver picked someone of the other gender: search again, by position
                        pm = _Mention(doc_id, i, a, a.speaker_text, a.speaker_text, "pronoun", None, a.role, m.pos)
                        wrong, source = d, self._gender_source(d)
                        d, why = self._pronoun(pm, done, reject=wrong)
                        why = (f"the article's resolver gave {a.resolved_text!r}, but {wrong.name} is not {g} "
                               f"({source}); {why}")
                    else:
                        why = f"pronoun resolved in the article to {a.resolved_text!r}, then {why}"
                self._record(m, d, why)
                done.append((m.pos, d))

    # ---- corpus-level merges that need no gazetteer (graphkit.merge)
    def merge_across_corpus(self) -> None:
        """Short forms, acronyms, shortened names and roles held by one person: merge drafts, with reasons."""
        from .merge import organisation_merges, role_merges, short_form_names

        for key, (full, why) in sorted(short_form_names(self.drafts).items()):
            d = self.drafts[key]
            self._rename(d, full, why)
        self._merge_same_names()
        for src, dst, why in organisation_merges(self.drafts):
            self._merge(src, dst, why)
        counts = Counter(self.speaker_of.values())
        for src, dst, why in role_merges(self.drafts, counts):
            self._merge(src, dst, why)

    def _rename(self, d: _Draft, name: str, why: str) -> None:
        """Give a draft its full name; every merge line says so."""
        d.aliases.append(d.name)
        d.merges = {f"{line.split(': ', 1)[0].rsplit(' -> ', 1)[0]} -> {name}: {line.split(': ', 1)[1]}; {why}"
                    if ": " in line else line: docs for line, docs in d.merges.items()}
        d.name = name

    def _merge_same_names(self) -> None:
        """Organisation drafts that now carry the same name (two short forms of one party) become one."""
        from .merge import ORG_TYPES

        first: dict[str, str] = {}
        for key in sorted(self.drafts):
            d = self.drafts.get(key)
            if d is None or d.type not in ORG_TYPES or d.entry is not None:
                continue
            f = fold(d.name)
            if f in first:
                self._merge(key, first[f], "same full name")
            else:
                first[f] = key

    def _merge(self, src: str, dst: str, why: str) -> None:
        """Move every mention of draft ``src`` to ``dst``, keeping its aliases, roles and merge lines."""
        if src == dst or src not in self.drafts or dst not in self.drafts:
            return
        a, b = self.drafts.pop(src), self.drafts[dst]
        for k, v in self.speaker_of.items():
            if v == src:
                self.speaker_of[k] = dst
        b.aliases.extend([a.name, *a.aliases])
        b.roles.extend(a.roles)
        b.organisation.update(a.organisation)
        b.country = b.country or a.country
        for line, docs in a.merges.items():
            shown, _, reason = line.partition(" -> ")
            new = f"{shown} -> {b.name}: {reason.split(': ', 1)[-1]}; {why}"
            b.merges.setdefault(new, [])
            b.merges[new].extend(x for x in docs if x not in b.merges[new])

    def _looks_like_person(self, name: str, doc_id: str) -> bool:
        """With no NER type: a capitalised 2-4 word name without organisation words, or a known surname."""
        words = name.split()
        if not words or not all(w[:1].isupper() or fold(w) in _NAME_PARTICLES for w in words):
            return False
        if any(fold(w) in _ORG_WORDS for w in words):
            return False
        if len(words) == 1:
            key = person_key(name)
            if self._mostly_not_person(name):
                return False  # 'Republicans': the NER calls it NORP far more often than a name's part
            return key in self.cluster_by_surname or key in self.gz.by_surname
        return len(words) <= 4

    def _mostly_not_person(self, text: str) -> bool:
        """The NER labels this exact text something other than PERSON in most of its corpus mentions."""
        if not hasattr(self, "_labels"):
            self._labels: dict[str, Counter] = defaultdict(Counter)
            for ents in self.ents.values():
                for t, label, *_ in ents:
                    self._labels[t][label] += 1
        votes = self._labels.get(text)
        return bool(votes) and votes["PERSON"] * 2 < sum(votes.values())

    def _title(self, m: _Mention) -> tuple[_Draft, str]:
        """A role phrase with no name: the gazetteer title it names, else one actor per title phrase."""
        hit = self.gz.match_title(m.name, _org_role(m.att), m.role) or self.gz.match_name(m.name, False)
        if hit is not None:
            e, why = hit
            return self._draft(e.id, e.name, e.type, e), why
        name = " ".join(_strip_det(m.name).split())
        name = name.translate(APOS)
        return (self._draft(f"n:{fold(name)}", name, "role"),
                "role phrase with no name and no title in models/actors.yaml; one role actor per phrase")

    def _anonymous(self, m: _Mention, seen: list[tuple[int, _Draft]]) -> tuple[_Draft, str]:
        words = fold(m.name).split()
        head = words[-1] if words else "source"
        first = (m.name.split() or [""])[0].lower()
        if first in ("the", "that", "this", "these", "those") and len(words) <= 3:
            for pos, d in reversed(seen):
                if pos <= m.pos and [w.rstrip("s") for w in fold(d.name).split()[-1:]] == [head.rstrip("s")]:
                    return d, f"definite {m.name!r} refers back to the nearest preceding {d.name!r} in the same article"
        phrase = re.sub(r"^(a|an|the)\s+", "", " ".join(m.name.split()), flags=re.I)
        first = phrase.split()[0] if phrase.split() else ""
        if first[:1].isupper() and not first.isupper() and fold(first) in _DETERMINER_LIKE:
            phrase = first[0].lower() + phrase[1:]
        key = f"anon:{m.doc_id}:{fold(phrase)}"
        d = self._draft(key, phrase, "anonymous", fixed_id=f"actor:anon-{slug(m.doc_id)}-{slug(phrase)}")
        return d, "anonymous source, keyed by article and phrase"

    def _pronoun(self, m: _Mention, done: list[tuple[int, _Draft]],
                 reject: Optional[_Draft] = None) -> tuple[_Draft, str]:
        """The nearest preceding mention of the right kind: earlier speakers and NER entities of the article,
        not inside the claim's own content, and not of the other gender when models/actors.yaml says."""
        p = m.surface.strip().lower()
        if p in ("you", "who", "which", "that"):
            key = f"anon:{m.doc_id}:unresolved {p}"
            return (self._draft(key, f"unresolved '{p}'", "anonymous", fixed_id=f"actor:anon-{slug(m.doc_id)}-unresolved-{slug(p)}"),
                    f"'{p}' is not resolved by position: one unresolved source per article")
        want = ({"person"} if p in _PERSON_PRONOUNS else
                {"organisation", "government", "country", "group", "media", "other"} if p in _THING_PRONOUNS else None)
        gender = _PRONOUN_GENDER.get(p)
        own = self.content.get(m.doc_id, [])  # what anyone said is no antecedent of who said it
        cands: list[tuple[int, int, str, object]] = []
        for pos, d in done:
            if pos < m.pos and (want is None or d.type in want):
                cands.append((pos, 1, "speaker", d))
        ent_types = {"person"} if want == {"person"} else {"organisation", "government"} if want else {"person", "organisation", "government", "group"}
        for text, label, start, end in self.ents.get(m.doc_id, []):
            if end <= m.pos and self.types.get(text) in ent_types and not any(s <= start and end <= e for s, e in own):
                cands.append((start, 0, "entity", text))
        cands.sort(key=lambda c: (c[0], c[1]), reverse=True)
        skipped: list[str] = []
        for _pos, _prio, kind, obj in cands:
            if kind == "speaker":
                entry = obj.entry
                label = obj.name
            else:
                hit = self.gz.match_name(re.sub(r"['\u2019]s$", "", obj), person_like=True)
                entry = hit[0] if hit else None
                label = entry.name if entry else obj
            if reject is not None and ((entry is not None and reject.entry is entry) or obj is reject):
                continue
            known = entry.gender if entry is not None and entry.gender else (
                self._gender(obj) if kind == "speaker" else self._name_gender(obj))
            if gender and known and known != gender:
                if label not in skipped:
                    skipped.append(label)
                continue
            note = f"; skipped {', '.join(skipped)} (not {gender})" if skipped else ""
            if kind == "entity":
                etype = self.types.get(obj)
                sub = _Mention(m.doc_id, m.index, m.att, obj, re.sub(r"['\u2019]s$", "", obj), "name", etype, None, _pos)
                d, why = self._resolve_name(sub)
                return d, f"pronoun, nearest preceding {etype} mention {obj!r} in the same article{note} ({why})"
            return obj, f"pronoun, nearest preceding speaker {obj.name!r} in the same article{note}"
        key = f"anon:{m.doc_id}:unresolved {p}"
        return (self._draft(key, f"unresolved '{p}'", "anonymous", fixed_id=f"actor:anon-{slug(m.doc_id)}-unresolved-{slug(p)}"),
                "pronoun with no antecedent in the article")

    # ---- output
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


_DETERMINER_LIKE = {"another", "one", "two", "three", "some", "several", "second", "third", "fourth", "other",
                    "senior", "many", "few", "multiple", "various", "numerous"}
_ROLE_HEADS = {"commissioner", "minister", "spokesman", "spokeswoman", "spokesperson", "president", "secretary",
               "candidate", "nominee", "senator", "congressman", "congresswoman", "representative", "speaker",
               "attorney", "lawyer", "judge", "justice", "economist", "executive", "ceo", "founder", "manager",
               "chairwoman", "mp", "mep", "councillor", "premier", "treasurer", "official", "host", "anchor",
               "negotiator", "envoy", "chief", "head", "director", "aide", "adviser", "advisor", "ambassador",
               "chairman", "chairwoman", "commander", "mayor", "governor", "lawmaker", "senator", "premier",
               "chancellor", "ombudsman", "prosecutor", "general", "leader", "king", "queen", "emir", "prince"}


_NAME_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "del", "la", "le", "bin", "ibn", "al", "el", "du", "dos"}
_ORG_WORDS = {"university", "college", "poll", "party", "committee", "department", "ministry", "council", "institute",
              "agency", "association", "commission", "news", "times", "post", "journal", "inc", "corp", "company",
              "coal", "bank", "group", "foundation", "center", "centre", "office", "service", "services", "court",
              "house", "senate", "congress", "parliament", "army", "force", "forces", "police", "network", "tv",
              "radio", "press", "media", "fund", "union", "organization", "organisation", "board", "campaign",
              "administration", "government", "authority", "authorities", "says", "said"}
_GROUP_HEADS = {"officials", "authorities", "leaders", "diplomats", "lawmakers", "negotiators", "officers",
                "ministers", "governments", "members"}


_TRAILING = {"of", "the", "and", "or", "a", "an", "to", "in", "on", "for", "with", "by", "at", "from"}


def _trim_fragment(text: str) -> str:
    """A name as the NER cut it, without an unclosed quotation and the words after it, or trailing
    function words: 'Marine John “Tig' → 'Marine John', 'Priorities USA Action and Correct the' → ...'Correct'.

    >>> _trim_fragment("Marine John “Tig"), _trim_fragment("Juan Manriquez of"), _trim_fragment("Tony Blair")
    ('Marine John', 'Juan Manriquez', 'Tony Blair')
    """
    for op, cl in (("“", "”"), ("‘", "’"), ('"', '"')):
        k = text.find(op)
        if k > 0 and cl not in text[k + 1:]:
            text = text[:k].rstrip(" ,'’")
    words = text.split()
    while len(words) > 1 and words[-1].lower() in _TRAILING:
        words.pop()
    return " ".join(words)


def _is_role_phrase(text: str) -> bool:
    """A phrase whose head names an office or job ('the prime minister', 'the foreign secretary').

    >>> _is_role_phrase("the prime minister"), _is_role_phrase("critics"), _is_role_phrase("the report")
    (True, False, False)
    """
    words = fold(text).split()
    return bool(words) and words[-1] in _ROLE_HEADS


def _group_of_officials(phrase: str) -> bool:
    """'Russian officials', 'Ukrainian authorities': a collective, named by who they are, with no quantifier.

    Anonymous sources ('senior Moscow sources') and counted or indefinite officials ('two officials',
    'some officials', 'an official') stay anonymous, per article.

    >>> _group_of_officials("Russian officials"), _group_of_officials("two US officials"), _group_of_officials("sources")
    (True, False, False)
    """
    words = fold(phrase).split()
    if len(words) < 2 or words[-1] not in _GROUP_HEADS:
        return False
    return words[0] not in _DETERMINER_LIKE | {"a", "an", "the", "these", "those", "many", "most", "all"} \
        and not any(w.isdigit() for w in words)


def _clean_role(role: Optional[str], name: str) -> Optional[str]:
    """Role as written, without name words that leaked into it ('Kremlin aide Yury' -> 'Kremlin aide').

    >>> _clean_role("prime Kremlin aide Yury", "Yury Ushakov")
    'prime Kremlin aide'
    """
    if not role:
        return None
    words = " ".join(role.split()).translate(APOS).strip(" ,;").split()
    names = set(fold(name).split())
    while words and fold(words[-1]) in names:
        words.pop()
    while words and fold(words[0]) in ("the", "a", "an"):
        words.pop(0)
    return " ".join(words) or None


_DEMONYM_LIKE = {"russian", "ukrainian", "american", "us", "european", "western", "senior", "another", "third",
                 "second", "first"}


def _without_middle_name(key: str, names: dict[str, Counter]) -> Optional[str]:
    """The person key with its middle names dropped, when the corpus gives that shorter name too.

    >>> _without_middle_name("hilari rodham clinton", {"hilari clinton": Counter(x=1)})
    'hilari clinton'
    """
    words = key.split()
    if len(words) < 3 or words[-1] in ("jr", "sr", "ii", "iii", "iv"):
        return None
    short = f"{words[0]} {words[-1]}"
    return short if short in names else None


def _descriptor_tail(key: str, names: dict[str, Counter]) -> Optional[str]:
    """The person key without its first word when that word describes rather than names: the rest is a
    full name the corpus gives more often ('rival hillary clinton' → 'hillary clinton'), the first word
    is no initial, and no generational suffix is involved.

    >>> _descriptor_tail("rival hilari clinton", {"rival hilari clinton": Counter(x=1), "hilari clinton": Counter(x=9)})
    'hilari clinton'
    """
    words = key.split()
    if len(words) < 3 or len(words[0]) == 1 or words[-1] in ("jr", "sr", "ii", "iii", "iv"):
        return None
    tail = " ".join(words[1:])
    if tail in names and sum(names[tail].values()) > sum(names[key].values()):
        return tail
    return None


def _display(counts: Counter) -> str:
    """Most frequent surface; ties: the longest, then alphabetical."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]


def _strip_det(text: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.I)


def _org_role(a: Attribution) -> Optional[str]:
    if a.role and a.organisation:
        return f"{a.organisation} {a.role}"
    return None


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
                   place_config: Optional[PlaceConfig] = None) -> ActorResolution:
    """Resolve every attribution's speaker to one canonical actor across the whole corpus.

    `attributions`: doc_id → that article's attributions, in order; `entities`:
    doc_id → its NER entities (text, label, start, end); `gazetteer`: the parsed
    content of an actors.yaml (default: models/actors.yaml). Deterministic: the
    same input gives the same ids and order, whatever the dict order.
    """
    if gazetteer is None:
        gz = load_gazetteer()
    elif isinstance(gazetteer, Gazetteer):
        gz = gazetteer
    else:
        gz = Gazetteer.from_dict(gazetteer, where="the gazetteer passed to resolve_actors")
    pc = place_config if place_config is not None else load_place_config()
    r = _Resolver({d: list(attributions[d]) for d in sorted(attributions)}, entities, gz, pc)
    r.resolve()
    r.merge_across_corpus()
    actors, ids = r.actors()
    speaker_of = {k: ids[v] for k, v in sorted(r.speaker_of.items())}
    return ActorResolution(actors=actors, speaker_of=speaker_of, entity_types=r.types)
