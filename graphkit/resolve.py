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

The stage, in the order its data flows (one module per part):

1. graphkit.actor_votes: what the article pass's readings say of entity types (PERSON votes), before
   graphkit.entity_types corrects every entity's type by votes over the corpus;
2. graphkit.actor_entities: each article's entities as the walk reads them (person names near a speaker
   phrase, pronoun antecedents outside claim content, corpus-wide label votes);
3. this module's walk: each article's mentions in doc-id order, each read (graphkit.mentions) and given a draft
   actor by its kind: names, role phrases and anonymous sources (graphkit.actor_names), pronouns and the
   corpus's second look at what the article pass resolved (graphkit.actor_pronouns, with graphkit.pronouns, the
   resolver shared with the article pass in graphkit.speakers, and graphkit.people's names and genders);
   the drafts and what each mention adds to its draft are graphkit.actor_drafts'; an unchanged article's kept
   walk is replayed instead (graphkit.walks);
4. graphkit.merge: corpus merges of drafts (short forms, acronyms, roles);
5. graphkit.actor_drafts.actor_records: the drafts left → Actor records with stable ids.

graphkit.names (name folding and comparison) and graphkit.gazetteer (the parsed actors.yaml files) serve them all.
What the draft functions read of the pass is one Protocol, graphkit.actor_context.ActorContext.

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

from dataclasses import dataclass, field
from typing import Iterable, Optional

from . import merge
from .actor_drafts import Draft, Drafts, actor_records, name_key
from .actor_entities import ArticleEntities, sorted_entities
from .actor_names import anonymous_antecedent, anonymous_draft, group_repeat, name_draft, title_draft
from .actor_pronouns import SpokenBefore, pronoun_draft, second_look
from .actor_votes import person_votes
from .entity_types import NOT_NAMES, type_entities
from .gazetteer import Gazetteer, load_gazetteer
from .mentions import (Mention, definite_body, definite_description, group_of_officials, head_named_before,
                       read_mention)
from .names import fold, plain_name, slug
from .people import PersonNames
from .places import Entity, PlaceConfig, load_place_config
from .records import Actor, Attribution
from .walks import ArticleWalk, LoggedPeople, LoggedTypes, plain, reads_hold


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



class _Resolver:
    """One resolution of a corpus's speaker mentions: the corpus-wide answers every article's walk reads
    (corrected entity ``types``, ``fold_types``, person names ``people``, the gazetteer ``gz`` and places ``pc``,
    the entities ``entities``), the ``drafts`` the walks make, and the walks kept (``walks``).
    What the draft functions of graphkit.actor_names and graphkit.actor_pronouns read of it is
    graphkit.actor_context.ActorContext."""

    def __init__(self, attributions: dict[str, list[Attribution]], entities: dict[str, list[Entity]],
                 gazetteer: Gazetteer, place_config: PlaceConfig, keep_walks: bool = False) -> None:
        self.atts = attributions
        ents = sorted_entities(entities, attributions)
        self.gz = gazetteer
        self.pc = place_config
        self.types = type_entities(ents, gazetteer, place_config, extra=person_votes(attributions, ents))
        self.fold_types = LoggedTypes({fold(k): v for k, v in self.types.items()})
        self.entities = ArticleEntities(ents, attributions, self.types)
        self.drafts = Drafts(gazetteer, place_config)
        self.people = LoggedPeople(PersonNames(ents, attributions, self.types,
                                               lambda n: gazetteer.match_name(n, True) is not None))
        #: doc id → its walk encoded (graphkit.walks), for the articles walked (not replayed), when kept at all
        self.walks: dict[str, bytes] = {}
        self.keep_walks = keep_walks
        self._log: Optional[ArticleWalk] = None  # the walk of the article being walked
        self._answers: Optional[dict] = None  # kind → what it answers now to a kept walk's question (`_reads_hold`)

    def resolve(self, kept: Optional[dict[str, ArticleWalk]] = None) -> None:
        """Give every mention a draft, article by article in doc-id order: an article with a kept walk
        (graphkit.walks) whose reads and drafts still hold is replayed, any other walked (and its walk kept)."""
        kept = kept or {}
        for doc_id in sorted(self.atts):
            walk = kept.get(doc_id)
            if walk is None or not self._replay(doc_id, walk):
                self._walk(doc_id)

    # ---- an article walked
    def _walk(self, doc_id: str) -> None:
        """Resolve an article's mentions in order; with ``keep_walks``, log what it reads and does (`walks`)."""
        if not self.keep_walks:
            return self._walk_mentions(doc_id)
        log = self._log = self.drafts.log = self.people.log = self.fold_types.log = ArticleWalk()
        log.read("entity_types", doc_id, self.entities.types_in(doc_id))
        try:
            self._walk_mentions(doc_id)
        finally:
            self._log = self.drafts.log = self.people.log = self.fold_types.log = None
        self.walks[doc_id] = log.encode()  # a string, not thousands of small lists held to the end

    def _walk_mentions(self, doc_id: str) -> None:
        """Each mention of the article in order: read (graphkit.mentions), given a draft by its kind, looked at
        again with what the corpus knows (graphkit.actor_pronouns.second_look), a group phrase's bare repeat taken as
        the fuller phrase before it (graphkit.actor_names.group_repeat), recorded on its draft."""
        anon_seen: list[tuple[int, Draft]] = []
        groups_seen: list[tuple[int, Draft]] = []  # the article's group phrases so far, for a bare repeat
        done = SpokenBefore()  # (position, draft) of resolved speakers in this article
        for i, a in enumerate(self.atts[doc_id]):
            m = read_mention(doc_id, i, a, self.entities.people_near(doc_id, a), self.fold_types, self.gz, self.pc)
            d, why = self._mention_draft(m, anon_seen, done)
            d, why, m = second_look(self, m, d, why, done)
            d, why = group_repeat(d, why, m.pos, groups_seen)
            self.drafts.record(m, d, why)
            done.append((m.pos, d))

    def _mention_draft(self, m: Mention, anon_seen: list[tuple[int, Draft]], done: SpokenBefore
                       ) -> tuple[Draft, str]:
        """The draft of one mention by its kind, and why (before the corpus's second look)."""
        if m.kind == "none":
            return (self.drafts.draft(f"anon:{m.doc_id}:unattributed", "unattributed", "anonymous",
                                      fixed_id=f"actor:anon-{slug(m.doc_id)}-unattributed"),
                    "no speaker found; one unattributed source per article")
        if m.kind == "anon" and group_of_officials(m.name):
            gz = self.gz.match_name(m.name, False)
            if gz:
                return self.drafts.draft(gz[0].id, gz[0].name, gz[0].type, gz[0]), gz[1]
            return (self.drafts.draft(name_key(m.name), plain_name(m.name), "group"),
                    "unnamed officials as a group: one group actor per phrase across the corpus")
        if m.kind == "anon":
            d, why = anonymous_draft(self, m, anon_seen)
            anon_seen.append((m.pos, d))
            return d, why
        said_by_anonymous = anonymous_antecedent(m, anon_seen)
        if said_by_anonymous is not None:
            return said_by_anonymous, "pronoun resolved in the article to an anonymous source: the same source"
        if m.kind == "pronoun":
            return pronoun_draft(self, m, done)
        if m.kind == "title":
            return title_draft(self, m)
        if m.kind == "group":
            gz = self.gz.match_name(m.name, False)
            if gz:
                return self.drafts.draft(gz[0].id, gz[0].name, gz[0].type, gz[0]), gz[1]
            if m.etype == "organisation":  # 'Sanders campaign', "HP's board": a named body (mentions.named_body)
                return self.drafts.draft(name_key(m.name), m.name, "organisation"), "same name"
            return self.drafts.draft(name_key(m.name), m.name, "group"), "same group phrase"
        return name_draft(self, m)

    def mostly_not_person(self, text: str) -> bool:
        """The NER labels this exact text something other than PERSON in most of its corpus mentions (logged
        for the walk)."""
        out = self.entities.mostly_not_person(text)
        if self._log is not None:
            self._log.read("labels", text, out)
        return out

    # ---- a kept walk replayed (graphkit.walks)
    def _replay(self, doc_id: str, walk: ArticleWalk) -> bool:
        """Redo a kept walk of an unchanged article without walking it, when it would go as it went: every
        corpus-wide answer it read is the same now (`_reads_hold`) and every draft it met is the one it met
        (graphkit.actor_drafts.Drafts.replay, which then applies its records in order). False (nothing
        changed): walk it again. A walk replayed whose drafts were met or made otherwise (of the same shape) is
        kept again as it would be logged now (`walks`)."""
        if not self._reads_hold(walk.reads):
            return False
        done = self.drafts.replay(doc_id, walk.steps)
        if done is None:  # replayed, its steps restated
            if self.keep_walks:
                self.walks[doc_id] = walk.encode()
            return True
        return done

    def _reads_hold(self, reads: list) -> bool:
        """Whether every corpus-wide answer the kept walk read (types, labels, person names) is the same now."""
        if self._answers is None:
            self._answers = {"entity_types": self.entities.types_in, "labels": self.entities.mostly_not_person,
                             "fold_types": _asked_once(lambda q: self.fold_types.get(*q))}
            for kind in ("single_name", "full_name", "surname", "surname_gender", "unresolved_surname_reason",
                         "gender", "gender_evidence", "cluster_name", "by_surname"):
                # many articles ask the same: each question answered once a resolution (the answers do not change)
                self._answers[kind] = _asked_once(lambda q, kind=kind: self.people.answer(kind, q))
        return reads_hold(reads, self._answers)

    # ---- output
    def described(self) -> dict[tuple[str, int], str]:
        """(doc id, index) → the role a speaker mention describes one person by ('the businessman': graphkit.mentions.
        definite_description), for graphkit.merge.described_speakers.

        >>> from types import SimpleNamespace as A
        >>> r = _Resolver.__new__(_Resolver)  # only its attributions read here
        >>> r.atts = {"d": [A(speaker_text="the businessman"), A(speaker_text="Ann Lee"),
        ...                 A(speaker_text="The retired neurosurgeon")]}
        >>> r.described()
        {('d', 0): 'businessman', ('d', 2): 'retired neurosurgeon'}

        None read with the rule off (`graphkit.merge.DESCRIBED_SPEAKER`), which the merge reads none of then.
        """
        if not merge.DESCRIBED_SPEAKER:
            return {}
        return {(d, i): role for d, atts in self.atts.items() for i, a in enumerate(atts)
                if (role := definite_description(a.speaker_text)) is not None}

    def bodies(self) -> dict[tuple[str, int], tuple[str, tuple[tuple[str, int], ...]]]:
        """(doc id, index) → the noun a speaker mention describes a body or document by ('the administration':
        graphkit.mentions.definite_body) and the mentions of its article written as a name before that noun ('the
        Obama administration': graphkit.mentions.head_named_before), for graphkit.merge.described_bodies. Each
        article's mentions are read once, indexed by the noun they name so (linear in an article's mentions).

        >>> from types import SimpleNamespace as A
        >>> r = _Resolver.__new__(_Resolver)  # only its attributions read here
        >>> r.atts = {"d": [A(speaker_text=t) for t in ("The International Monetary Fund", "the fund", "the aide")]}
        >>> r.bodies()
        {('d', 1): ('fund', (('d', 0),))}

        None read with the rule off (`graphkit.merge.DESCRIBED_BODY`), which the merge reads none of then.
        """
        if not merge.DESCRIBED_BODY:
            return {}
        out = {}
        for d, atts in self.atts.items():
            nouns = {(d, i): noun for i, a in enumerate(atts) if (noun := definite_body(a.speaker_text)) is not None}
            if not nouns:
                continue
            named: dict[str, list[tuple[str, int]]] = {}  # a noun -> the mentions naming it with a name before it
            for j, b in enumerate(atts):
                if b.speaker_text and (head := head_named_before(b.speaker_text)) is not None:
                    named.setdefault(head, []).append((d, j))
            out.update((key, (noun, tuple(named.get(noun, ())))) for key, noun in nouns.items())
        return out

    def positions(self) -> dict[tuple[str, int], int]:
        """(doc id, index) → where the attribution's speaker mention starts (else its cue, else its content)."""
        out = {}
        for d, atts in self.atts.items():
            for i, a in enumerate(atts):
                span = a.speaker_span or a.cue_span or (a.spans[0] if a.spans else None)
                if span is not None:
                    out[(d, i)] = span[0]
        return out


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


def names_ahead(speakers: Iterable[str], entities: Iterable[Entity]) -> None:
    """Ask now what the actor pass first asks of each speaker phrase and named entity of an article, of the functions
    that remember their answers: each name's surface folded (`graphkit.names.fold`: graphkit.entity_types' type
    votes) and keyed as a place name (`graphkit.places.place_key`: the place look-up), each speaker phrase folded, its
    honorific split off (`graphkit.names.split_honorific`) and its fragment trimmed (`graphkit.mentions.trim_fragment`).
    Dates, numbers and amounts (`graphkit.entity_types.NOT_NAMES`, a quarter of PolNeAR dev's entities) are no names:
    the actor pass asks nothing of them. graphkit.resolution.work_ahead calls it as a ``--workers`` build's
    extractions arrive, while the workers parse.

    >>> names_ahead(["Mr Vince Cable"], [("Kyiv", "GPE", 0, 4)]); hits = fold.cache_info().hits
    >>> fold("Kyiv"), fold("Mr Vince Cable"), fold.cache_info().hits - hits   # found folded
    ('kyiv', 'mr vince cable', 2)
    """
    from .mentions import trim_fragment
    from .names import split_honorific
    from .places import place_key

    for t, label, *_ in entities:
        if label not in NOT_NAMES:
            fold(t), place_key(t)
    for t in speakers:
        fold(t), split_honorific(t), trim_fragment(t)


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
    merge.merge_across_corpus(r.drafts.by_key, r.drafts.speaker_of, r.positions(), r.people.people, r.described(),
                              r.bodies())
    actors, ids = actor_records(r.drafts.by_key)
    speaker_of = {k: ids[v] for k, v in sorted(r.drafts.speaker_of.items())}
    return ActorResolution(actors=actors, speaker_of=speaker_of, entity_types=r.types, walks=r.walks)
