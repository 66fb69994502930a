"""The store's extractions → its resolved layer: actors, places, issues, claims, merged reports, contradictions.

The stage of a build after the parse (`resolve_store`), over everything the store holds, in the order its data
flows (one function a step; each reuses what an earlier resolution kept of unchanged articles, graphkit.kept):

1. **read** (`read_resolution_inputs`): the one pass over the store's extractions, per article its attribution rows,
   entities, claim texts and dates (and what issue discovery reads, `graphkit.store_issues.DiscoveryRows`); what
   linking reads of the texts no earlier resolution kept is worked out in a forked process meanwhile
   (`graphkit.textmemo.work_out_beside`, on the core the parse used), taken back before the links;
2. **actors** (`resolve_speakers`, graphkit.resolve): every attribution's speaker → one actor across the corpus,
   and every entity's corrected type;
3. **places** (graphkit.places.resolve_places) from the entities and those types;
4. **issues** (`graphkit.store_issues.corpus_taxonomy`, then `graphkit.kept.claim_issues`): the taxonomy (the
   knowledge's or discovered), then each claim's issues;
5. **claims** (`assemble_claims`): the attributions with their speakers, places, issues and dates → Claim records;
6. **links** (`merge_reports_kept`, then `graphkit.kept.kept_contradictions`): reports of one statement merged
   (graphkit.statements), contradictions paired (graphkit.contradict);
7. **write** (`write_resolved` of a `ResolvedLayer`): the actors, places and issues the claims use, the claims,
   the contradictions and what was kept for the next resolution, into the store.

`resolve_fingerprint` is what the resolved layer is a function of: a build resolves again only when it moved.

>>> speakers_by_article({("a", 1): "actor:y", ("a", 0): "actor:x"})
{'a': ['actor:x', 'actor:y']}
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from dataclasses import dataclass, field
from typing import Any, Iterable, NamedTuple, Optional

from .extract import DocExtraction
from .fingerprint import resolution_key
from .issues import forget_words_ahead
from .kept import (claim_issues, keep_actor_walks, keep_places, keep_text_words, keeps_walks, kept_actor_walks,
                   kept_contradictions, kept_places, kept_report_clusters, kept_text_words)
from .memory import give_back, no_collections
from .records import Claim, Skipped, claim_id, compact
from .store import Store
from .store_issues import (Abroad, DiscoveryRows, Titled, claim_voices, corpus_taxonomy, people_names, said_abroad,
                           spoken_by, titled_articles, will_discover)
from .textmemo import work_out_beside


class StageClock:
    """Adds the seconds since the last call to ``timings[stage]`` (nothing when ``timings`` is None).

    >>> timings = {}
    >>> clock = StageClock(timings); clock("read"); sorted(timings)
    ['read']
    """

    def __init__(self, timings: Optional[dict[str, float]]) -> None:
        self.timings, self.t = timings, time.perf_counter()

    def __call__(self, stage: str) -> None:
        if self.timings is not None:
            now = time.perf_counter()
            self.timings[stage] = self.timings.get(stage, 0.0) + now - self.t
            self.t = now


@no_collections()  # graphkit.memory: resolution makes almost no reference cycles; the collector walked its records
def resolve_store(store: Store, skipped: Iterable[Skipped] = (), knowledge=None, *,
                  n_issues: Optional[int] = None, rediscover: bool = False, window_days: Optional[int] = None,
                  full: bool = False, timings: Optional[dict[str, float]] = None,
                  arrived: Optional["ArrivedInputs"] = None, discovers: Optional[bool] = None) -> dict[str, int]:
    """Re-resolve actors, places, issues, merged reports and contradictions over the whole store.

    Incremental (graphkit.kept): a claim's issues depend on its own words alone (the triggers, and for discovered
    issues the model fitted with them, kept), so each article's are kept in the store (`graphkit.kept.claim_issues`)
    and worked out again only for articles whose claims changed, and so are what linking reads of each claim text
    and the place look-ups of each surface; ``full`` works out everything again (same result).
    Actors and places read corpus-wide statistics (name clusters and genders, entity type votes), worked out over
    every claim; the actor pass's walk of each article is kept (`graphkit.kept.kept_actor_walks`) and replayed when
    the statistics it read and the drafts it met are the same (graphkit.walks), else walked again. Merged reports
    and contradictions read concept idf and argument specificity, functions of every claim: they are kept whole
    (`graphkit.kept.kept_report_clusters`, `graphkit.kept.kept_contradictions`) and worked out again when any claim
    they read changed. The steps, in the order the data flows, are the module's (graphkit.resolution).

    ``timings``, when given, receives the seconds each stage took (read, actors, places, issues, claims,
    merge, contradictions, write): where a large store's resolution goes.

    ``arrived``: what the build took from the extractions it wrote as they arrived (`ArrivedInputs`): the read
    does not validate those again. ``discovers``: whether issues are discovered now, when the caller asked
    `graphkit.store_issues.will_discover` already (the build does, for its parse); None: asked here.

    ``knowledge``: the graphkit.knowledge.Knowledge to resolve with (default: models/ alone); recorded in the
    store's meta ``knowledge`` (files and hashes) and ``actors`` (the merged gazetteer, for queries).

    When the knowledge holds no issue, issues are discovered from the claims (graphkit.discover) and
    kept in the store's meta ``discovered_issues``: later builds assign new claims to those issues, and
    discover again only with ``rediscover`` (or a different ``n_issues``; a build under another extraction key asks
    for it: `graphkit.store_issues.discovered_elsewhere`).
    """
    from .contradict import WINDOW_DAYS
    from .knowledge import Knowledge
    from .places import resolve_places

    clock = StageClock(timings)
    knowledge = knowledge or Knowledge()
    if discovers is None:
        discovers = will_discover(store, knowledge, n_issues, rediscover)
    discovery = DiscoveryRows() if discovers else None
    atts, ents, said, dates = read_resolution_inputs(store, discovery, full, arrived)
    give_back()  # the extractions' records, parsed and dropped (graphkit.memory)
    words_todo = kept_text_words(store, said, full)  # what linking read of unchanged articles' texts, put back
    # the other texts' words worked out in a forked process while the actors, places, issues and claims are
    words_beside = work_out_beside(t for _, texts in words_todo.values() for t in texts)
    try:
        places_known = kept_places(store, full)  # what the place gazetteer said of each surface, put back
        clock("read")
        actors_data = knowledge.actors_data()
        all_actors, speakers, entity_types = resolve_speakers(store, atts, ents, knowledge, actors_data, full,
                                                              arrived.walk_digests if arrived is not None else None)
        if arrived is not None:
            arrived.walk_digests.clear()  # read: a library caller's ArrivedInputs holds no more of it
        clock("actors")
        pres = resolve_places(ents, entity_types=entity_types)
        entity_types = None
        clock("places")
        spans = None if discovery is None else claim_spans(atts)  # what discovery reads, worked out once
        abroad = None if discovery is None else said_abroad(spans, ents, pres)
        taxonomy = corpus_taxonomy(store, knowledge, n_issues, rediscover, all_actors, discovery,
                                   spoken=spoken_by(speakers), abroad=abroad, voices=claim_voices(discovery, speakers),
                                   titled=titled_articles(store, discovery, said, spans))
        abroad = spans = None
        discovery = None
        abouts = claim_issues(store, said, taxonomy[0], exclude=people_names(all_actors), refit=rediscover, full=full)
        forget_words_ahead()  # what the parse's arrivals worked out for it (`work_ahead`)
        del said
        give_back()  # the issue model's fit
        clock("issues")
        claims = assemble_claims(kept_articles(atts, dates, ents, speakers), {a.id: a.name for a in all_actors}, pres,
                                 abouts=abouts)
        abouts = None
        clock("claims")
        words_beside.collect()
        links: dict[str, str] = {}  # what linking keeps for the next resolution (graphkit.kept), stored with the rest
        claims = merge_reports_kept(store, claims, links, full, taxonomy[0])
        clock("merge")
        contradictions = kept_contradictions(store, [c for c in claims if c.same_as is None],
                                             WINDOW_DAYS if window_days is None else window_days, links, full)
        clock("contradictions")
    finally:
        words_beside.close()  # a stage that raised: the child goes now, not when this process ends
    words_beside.forget_unused()  # what linking did not read: the process holds what working it out here leaves
    keep_text_words(store, words_todo)
    keep_places(store, places_known)
    counts = write_resolved(store, ResolvedLayer(knowledge=knowledge, actors_data=actors_data, actors=all_actors,
                                                 places=pres, taxonomy=taxonomy, claims=claims,
                                                 contradictions=contradictions, skipped=skipped, links=links,
                                                 n_issues=n_issues), full=full)
    clock("write")
    return counts


def resolve_speakers(store: Store, atts: dict[str, list], ents: dict[str, list], knowledge, actors_data: dict,
                     full: bool = False, digests: Optional[dict[str, bytes]] = None
                     ) -> tuple[list, dict[str, list[str]], dict[str, str]]:
    """The actor step (graphkit.resolve): (every actor, doc_id → each attribution's actor id
    (`speakers_by_article`), every entity's corrected type). The walk of each unchanged article that an earlier
    resolution kept (`graphkit.kept.kept_actor_walks`) is replayed when what it read still holds, and the walks
    of the articles walked now are kept for the next (not above `graphkit.kept.KEPT_WALKS_MAX` attributions).
    ``digests``: the articles' walk digests worked out as they arrived (`ArrivedInputs.walk_digests`)."""
    from .gazetteer import load_gazetteer
    from .resolve import resolve_actors

    gazetteer = [actors_data, knowledge.sources()]  # what the gazetteer is made of: a kept walk read it
    walks, walk_keys = kept_actor_walks(store, atts, ents, gazetteer, full, digests) if keeps_walks(atts) else ({}, {})
    res = resolve_actors(atts, ents, load_gazetteer(knowledge), kept_walks=walks,
                         keep_walks=bool(walk_keys))  # kept walks replayed when what they read still holds
    keep_actor_walks(store, walk_keys, res.walks)
    walks = walk_keys = None
    res.walks.clear()
    # its speaker table, a (doc_id, index) key for every claim, goes with it: a list an article is kept
    return res.actors, speakers_by_article(res.speaker_of), res.entity_types


class DiscoveryInputs(NamedTuple):
    """What the build's discovery of issues reads of a store (`discovery_inputs`)."""

    sample: DiscoveryRows  #: the claims' keyphrases, as the one read of the extractions gathers them
    abroad: Abroad         #: the places abroad each claim says (`graphkit.store_issues.said_abroad`)
    actors: list           #: every actor resolved: their names are no issue, their people's words no evidence
    spoken: dict           #: actor id -> the claims it speaks (`graphkit.store_issues.spoken_by`)
    atts: dict             #: doc_id -> its attributions as resolution reads them (`read_resolution_inputs`)
    said: dict             #: doc_id -> each claim's (text, context)
    gone: dict             #: kind -> the corpus's file the store records, gone since, that discovery reads (its actors
                           #: file; the default actors stood in), as `graphkit.knowledge.Knowledge.recorded` gives them
    voices: dict           #: claim id -> its speaker's actor id (`graphkit.store_issues.claim_voices`)
    titled: Titled         #: the articles' titles and their headlines' claims (`graphkit.store_issues.titled_articles`)


def discovery_inputs(store: Store, knowledge=None) -> DiscoveryInputs:
    """What `resolve_store` hands to discovery, worked out again from a built store by the build's own steps: its
    extractions read once (`read_resolution_inputs`, every one validated), the actors resolved with the knowledge it
    was built with (`graphkit.knowledge.Knowledge.recorded`, the default actors for a file gone since: ``gone``;
    ``knowledge``, another), the places resolved with the types the actors' pass gave their entities, and the claims
    each actor speaks. `graphkit issues suggest` discovers
    from these, so that its issues are the build's own: from the stored actors it had 77 issues for the build's 82 on
    PolNeAR train (23 resolved actors speak no stored claim, "Democrat" among them, and their names were issues
    there; bench/README.md, issue 14, thirty-seventh pass). bench/issue_harness.py captures them."""
    from .gazetteer import load_gazetteer
    from .knowledge import Knowledge
    from .places import resolve_places
    from .resolve import resolve_actors

    gone: dict = {}
    if knowledge is None:  # of the corpus's files only its actors.yaml changes what discovery reads
        knowledge, missing = Knowledge.recorded(store)
        gone = {kind: path for kind, path in missing.items() if kind == "actors"}
    sample = DiscoveryRows()
    atts, ents, said, _ = read_resolution_inputs(store, sample, full=True)
    res = resolve_actors(atts, ents, load_gazetteer(knowledge))
    spans = claim_spans(atts)
    abroad = said_abroad(spans, ents, resolve_places(ents, entity_types=res.entity_types))
    speakers = speakers_by_article(res.speaker_of)
    return DiscoveryInputs(sample, abroad, res.actors, spoken_by(speakers), atts, said, gone,
                           claim_voices(sample, speakers), titled_articles(store, sample, said, spans))


def claim_spans(atts: dict[str, list]) -> dict[str, list]:
    """Each article's claims' spans, in item order (doc id → a list of spans lists), from its attribution rows: what
    `graphkit.store_issues.said_abroad` reads, for the build's resolution and for `discovery_inputs` alike."""
    return {d: [a.spans for a in rows] for d, rows in atts.items()}


def merge_reports_kept(store: Store, claims: list[Claim], links: dict[str, str], full: bool = False,
                       taxonomy=None) -> list[Claim]:
    """Reports of one statement merged (`graphkit.statements.merge_reports`, the originals freed as the copies are
    made), the clusters kept whole under the key of every claim they read (`graphkit.kept.kept_report_clusters`,
    which adds what it keeps to ``links``). A statement keeps the best of its reports' issues, a tie to the one first
    in ``taxonomy`` (the claims' issues': `graphkit.issue_model.issue_order`), as one report keeps its own."""
    from .issue_model import issue_order
    from .statements import merge_reports

    return merge_reports(claims, keep_reports=True, consume=True, clusters=kept_report_clusters(store, links, full),
                         taxonomy_order=issue_order(taxonomy) if taxonomy is not None else None)


@dataclass
class ResolvedLayer:
    """What a resolution worked out, as `write_resolved` stores it (one record instead of ten arguments).

    ``knowledge``: the graphkit.knowledge.Knowledge resolved with; ``actors_data``: its merged gazetteer;
    ``actors``: every actor of the corpus (`resolve_speakers`); ``places``: the corpus's
    graphkit.places.PlaceResolution; ``taxonomy``: `graphkit.store_issues.corpus_taxonomy`'s (Taxonomy, its data,
    whether discovered); ``claims``: the claims and merged reports; ``contradictions``: the contradiction records;
    ``skipped``: the files the build skipped; ``links``: what linking kept for the next resolution (meta entries);
    ``n_issues``: the number of issues asked for (kept with discovered issues).

    Only the actors and places some claim uses are written:

    >>> from types import SimpleNamespace as NS
    >>> layer = ResolvedLayer(knowledge=None, actors_data={}, actors=[NS(id="actor:a"), NS(id="actor:b")],
    ...                       places=NS(places=[NS(name="Kyiv"), NS(name="Lima")]), taxonomy=(None, {}, False),
    ...                       claims=[NS(speaker_id="actor:b", places=("Lima",))])
    >>> [a.id for a in layer.used_actors()], [p.name for p in layer.used_places()]
    (['actor:b'], ['Lima'])
    """

    knowledge: Any
    actors_data: dict
    actors: list
    places: Any
    taxonomy: tuple
    claims: list
    contradictions: list = field(default_factory=list)
    skipped: Iterable[Skipped] = ()
    links: dict = field(default_factory=dict)
    n_issues: Optional[int] = None

    def used_actors(self) -> list:
        """The actors some claim is spoken by, in `actors`' order."""
        used = {c.speaker_id for c in self.claims}
        return [a for a in self.actors if a.id in used]

    def used_places(self) -> list:
        """The places some claim is placed in, in the place resolution's order."""
        used = {p for c in self.claims for p in c.places}
        return [p for p in self.places.places if p.name in used]

    def meta(self) -> dict[str, str]:
        """The store's meta entries of this layer: the knowledge, the merged gazetteer, the issues (discovered ones
        also as ``discovered_issues``, for later builds) and what linking kept."""
        _, issues_data, discovered = self.taxonomy
        meta = {"knowledge": json.dumps(self.knowledge.describe()), "actors": json.dumps(self.actors_data),
                "issues": json.dumps(issues_data)}
        meta.update(self.links)
        if discovered:
            meta["discovered_issues"] = json.dumps({**issues_data, "n_issues": self.n_issues})
        return meta


def write_resolved(store: Store, layer: ResolvedLayer, *, full: bool = False) -> dict[str, object]:
    """Write the resolved layer (`graphkit.store.Store.replace_resolved`; with ``full`` every row, else only the
    rows that changed): the actors and places the claims use, the taxonomy's issues, the claims and reports, the
    contradictions, the skipped files, and the layer's meta (`ResolvedLayer.meta`). Returns the counts a build's
    summary gives, with whether its issues were discovered and, when discovery found none, why (``issues_none``,
    `graphkit.discover.none_found`)."""
    from .issues import issue_records

    actors, places, issues = layer.used_actors(), layer.used_places(), issue_records(layer.taxonomy[0])
    claims, contradictions = layer.claims, layer.contradictions
    store.replace_resolved(actors, places, issues, claims, contradictions, layer.skipped, meta=layer.meta(),
                           only_changed=not full)
    return {"claims": sum(c.same_as is None for c in claims), "reports": len(claims), "actors": len(actors),
            "places": len(places), "issues": len(issues), "issues_discovered": layer.taxonomy[2],
            "issues_none": "" if issues or not layer.taxonomy[2] else str(layer.taxonomy[1].get("none") or ""),
            "contradictions": len(contradictions)}


def read_resolution_inputs(store: Store, discovery: Optional[DiscoveryRows] = None, full: bool = False,
                           arrived: Optional["ArrivedInputs"] = None
                           ) -> tuple[dict[str, list], dict[str, list], dict[str, list], dict[str, list]]:
    """The one pass over the store's extractions: per article, what resolution reads of it (its attributions as
    compact rows (`graphkit.rows.AttributionRow`), its entities, each claim's (text, context) and its date as
    (date, precision, basis, text)); the rest of each extraction is not kept. Claims are assembled from these
    (`kept_articles`), not from a second reading of the store (which validated every extraction again).
    An article whose extraction is the one they were kept for (`graphkit.kept.KeptInputs`) is not validated
    again: its inputs are put back (``full``: every extraction is validated).
    ``discovery``, when issues are to be discovered (`will_discover`), gathers what discovery reads (`DiscoveryRows`:
    the claims' keyphrases, which are not kept, so every extraction is validated then). ``arrived``: the inputs
    (and discovery's rows) of the extractions this build has just written, taken from them as they arrived
    (`ArrivedInputs`): those are not validated again either."""
    from .kept import KeptInputs

    atts: dict[str, list] = {}
    ents: dict[str, list] = {}
    said: dict[str, list] = {}
    dates: dict[str, list] = {}
    kept = KeptInputs(full=full or discovery is not None)
    for doc_id, data, key, blob in store.extractions_with_kept_inputs():
        inputs = kept.decoded(doc_id, data, key, blob)
        if inputs is None:
            got = arrived.take(doc_id) if arrived is not None else None
            if got is not None:
                inputs, rows = got
                if discovery is not None and rows is None:  # taken for a build that was to discover nothing
                    rows = discovery_rows(DocExtraction.model_validate_json(data))
            else:
                ex = DocExtraction.model_validate_json(data)
                inputs, rows = article_inputs(ex), discovery_rows(ex) if discovery is not None else None
            if discovery is not None:
                discovery.add(doc_id, rows)
        atts[doc_id], said[doc_id], dates[doc_id], ents[doc_id] = inputs
    kept.keep(store, atts, said, dates, ents, encoded=arrived.encoded if arrived is not None else None)
    if arrived is not None:
        arrived.encoded.clear()  # kept
    return atts, ents, said, dates


def article_inputs(ex: DocExtraction) -> tuple[list, list, list, list]:
    """What resolution reads of one article's extraction: (its attributions as rows, each claim's (text, context),
    each claim's date row (`_date_row`), its entities as `graphkit.rows.shared_entities` gives them)."""
    from .rows import AttributionRow, shared_entities

    return ([AttributionRow.of(it.attribution) for it in ex.items],  # slots: a fifth of a record's dict
            [(it.attribution.text, it.context) for it in ex.items],
            [_date_row(it.date) for it in ex.items],
            shared_entities(ex.entities))


def discovery_rows(ex: DocExtraction) -> list[tuple]:
    """What issue discovery reads of one article's extraction (`DiscoveryRows.add`): each claim's (id
    (`graphkit.records.claim_id`), keyphrases, keyphrases of the sentence before). A ``--workers`` build takes them as
    the extraction arrives (`ArrivedInputs`): the ids, which the claims' assembly works out again, are then worked
    out beside the parse."""
    return [(claim_id(ex.doc_id, it.attribution.spans), it.phrases, it.context_phrases) for it in ex.items]


class ArrivedInputs:
    """What resolution reads of the extractions a build writes (`article_inputs`, `discovery_rows`), taken from the
    records in hand as each arrives from the parse, for `read_resolution_inputs` to use instead of validating their
    JSON again: on PolNeAR dev 0.04 CPU s of validation saved and 0.02 s of taking apart moved into the parse, out
    of the one-core tail of ``--workers 2`` (`graphkit.build.update_store` uses it there, where this process does
    not parse and has the room). The same values: they are a function of the extraction, and its JSON is what the
    store holds (a test compares them). At most ``limit`` attributions are held (`graphkit.kept.KEPT_INPUTS_MAX`,
    what kept inputs are bounded by); the articles after are read as before. Each is handed over once (`take`).
    Discovery's rows (`discovery_rows`) are taken only when the build will discover issues (``discovers``,
    `graphkit.store_issues.will_discover`); else None, and the read makes them should it need them after all.
    What the resolution keeps of each article is worked out too, from the same values (`what_is_kept`); and with
    ``learns`` (the build's issues are learnt: `graphkit.store_issues.learns_issues`) what the issue model reads of each
    claim (`work_ahead`).

    >>> from graphkit.parsing import extract_documents
    >>> from graphkit.records import Document
    >>> d = Document(id="a", path="a.txt", text="Lavrov said the talks had failed.", sha256="0" * 64, format="txt")
    >>> arrived = ArrivedInputs()
    >>> for ex in extract_documents([d]):
    ...     arrived.add(ex)
    >>> (atts, said, dates, ents), rows = arrived.take("a")
    >>> said, arrived.take("a")
    ([('the talks had failed', ('Lavrov said .', ''))], None)
    >>> rows is None   # a build that discovers nothing takes no discovery rows
    True
    >>> bounded = ArrivedInputs(limit=0)   # over the bound: not held, the read validates the article as before
    >>> bounded.add(ex); bounded.take("a") is None
    True
    """

    def __init__(self, limit: Optional[int] = None, discovers: bool = False, learns: bool = False) -> None:
        from .kept import KEPT_INPUTS_MAX

        self.limit = KEPT_INPUTS_MAX if limit is None else limit
        self.discovers, self.learns = discovers, learns
        self.held = 0
        self.by_doc: dict[str, tuple] = {}
        self.encoded: dict[str, bytes] = {}  #: doc_id → its inputs as kept (`graphkit.kept.KeptInputs.encode`)
        self.walk_digests: dict[str, bytes] = {}  #: doc_id → its kept walk's key (`graphkit.kept.walk_digest`)

    def add(self, ex: DocExtraction) -> None:
        """Take what resolution reads of ``ex`` (while fewer than ``limit`` attributions are held)."""
        if self.held + len(ex.items) > self.limit:
            return
        self.held += len(ex.items)
        got = self.by_doc[ex.doc_id] = (article_inputs(ex), discovery_rows(ex) if self.discovers else None)
        work_ahead(*got, learns=self.learns)
        self.what_is_kept(ex.doc_id, got[0])

    def what_is_kept(self, doc_id: str, inputs: tuple) -> None:
        """Work out now what the resolution keeps of one article's ``inputs`` (`article_inputs`) and keys its kept walk
        by, as `work_ahead` does what its stages ask: the inputs encoded (`graphkit.kept.KeptInputs.encode`, for
        `graphkit.kept.KeptInputs.keep`) and their `graphkit.kept.walk_digest` (for `graphkit.kept.kept_actor_walks`).
        The same values: the inputs are those the read takes (`take`), and nothing changes them before it keeps them.
        An article marshal cannot write (none today) is left to the read, which then keeps nothing of it."""
        from .kept import KeptInputs, walk_digest

        atts, said, dates, ents = inputs
        try:
            self.encoded[doc_id] = KeptInputs.encode(atts, said, dates, ents)
        except ValueError:
            pass
        self.walk_digests[doc_id] = walk_digest(atts, ents)

    def take(self, doc_id: str) -> Optional[tuple]:
        """(`article_inputs`, `discovery_rows` or None) of the article ``doc_id`` once, else None (not taken or
        given)."""
        return self.by_doc.pop(doc_id, None)


def work_ahead(inputs: tuple, rows: Optional[list] = None, learns: bool = False) -> None:
    """Work out now what the resolution's stages ask first of each claim and entity of one article alone, for them to
    find done: the words of each claim's text and sentence (`graphkit.issues.words_ahead`) for the issue stage, and
    when its issues are learnt (``learns``, `graphkit.store_issues.learns_issues`) whether its text says nothing
    (`graphkit.issue_model.says_nothing`) and the issue model's words (`graphkit.issue_learning.model_words` of its
    `graphkit.issue_learning.model_texts` entry), both remembered; each speaker phrase and entity
    surface as the actor pass first reads it (`graphkit.resolve.names_ahead`); with discovery's ``rows``
    (`discovery_rows`, when the build will discover issues) each claim's keyphrases folded
    (`graphkit.topical.keys_ahead`). ``inputs``: the article's `article_inputs`. `ArrivedInputs` calls it as each
    extraction arrives from the workers: there the two cores are busy with the parse anyway, and a CPU second moved off
    the resolution after it, which runs on one, takes that second off a ``--workers 2`` build and adds what it costs
    beside the parse shared by two cores (PolNeAR dev, bench/README.md run BH: ~0.1 CPU s moved, ~0.3-0.45 s saved a CPU
    second). The answers are those the stages would work out (functions of what they are asked alone); a build parsing
    in this process works them out in its resolution as before.

    >>> from graphkit.parsing import extract_documents
    >>> from graphkit.records import Document
    >>> from graphkit.issues import _AHEAD, forget_words_ahead
    >>> d = Document(id="a", path="a.txt", text="Lavrov said the talks had failed.", sha256="0" * 64, format="txt")
    >>> work_ahead(article_inputs(next(iter(extract_documents([d])))))
    >>> sorted(_AHEAD)
    ['Lavrov said .', 'the talks had failed']
    >>> forget_words_ahead()
    """
    from .issue_learning import model_texts, model_words
    from .issue_model import says_nothing
    from .issues import words_ahead
    from .resolve import names_ahead

    atts, said, _, ents = inputs
    words_ahead(t for text, context in said for t in (text, context[0]))
    if learns:
        for text, _ in said:
            says_nothing(text)
        for text in model_texts(said):
            model_words(text)
    names_ahead([a.speaker_text for a in atts if a.speaker_text], ents)
    if rows is not None:
        from .topical import keys_ahead

        keys_ahead(p for _, phrases, context in rows for p in (*phrases, *context))


def _date_row(d: dict) -> tuple:
    """An item's resolved date as (date, precision, basis, text), its strings interned (dates recur).

    >>> _date_row({"date": "2025-11-04", "precision": "day", "basis": "stated", "text": "on Tuesday"}), _date_row({})
    (('2025-11-04', 'day', 'stated', 'on Tuesday'), (None, None, None, None))
    """
    return tuple(sys.intern(v) if isinstance(v, str) else v
                 for v in (d.get("date"), d.get("precision"), d.get("basis"), d.get("text")))


def kept_articles(atts: dict[str, list], dates: dict[str, list], ents: dict[str, list], speakers: dict[str, list]
                  ) -> Iterable[tuple[str, list, list, list, list]]:
    """(doc_id, attributions, dates, entities, actor ids) of every article in doc_id order, each taken out of the
    dicts as it is handed over: what `read_resolution_inputs` kept is freed as the claims are assembled."""
    for doc_id in sorted(atts):
        yield doc_id, atts.pop(doc_id), dates.pop(doc_id), ents.pop(doc_id, []), speakers.pop(doc_id, [])
    ents.clear()
    speakers.clear()


def speakers_by_article(speaker_of: dict[tuple[str, int], str]) -> dict[str, list[str]]:
    """doc_id → the actor id of each of its attributions, by index (`resolve.ActorResolution.speaker_of` is keyed
    (doc_id, index): a tuple and a dict entry for every claim, ~150 B each, a million at 1M claims).

    >>> speakers_by_article({("b", 1): "actor:y", ("a", 0): "actor:x", ("b", 0): "actor:x"})
    {'b': ['actor:x', 'actor:y'], 'a': ['actor:x']}
    """
    out: dict[str, list] = {}
    for (doc_id, i), actor_id in speaker_of.items():
        ids = out.setdefault(doc_id, [])
        if i >= len(ids):
            ids.extend([None] * (i + 1 - len(ids)))
        ids[i] = actor_id
    return out


def assemble_claims(articles: Iterable[tuple[str, list, list, list, list]], actor_names: dict, pres,
                    abouts: dict[str, list]) -> list[Claim]:
    """Per-article attributions + resolved speakers + resolved places (`pres`) + issues → Claim records (unmerged).

    ``articles``: (doc_id, attributions, dates, entities, actor ids) in doc_id order, as `read_resolution_inputs`
    kept them and `speakers_by_article` gave the actors (`kept_articles` hands them over one at a time); an
    item's date is (date, precision, basis, text), its actor id ``actor_names``' key.
    ``abouts``: doc_id → each of its claims' (issue, triggers, score) list, in item order (`claim_issues`, which
    also gives discovered issues learnt for claims without triggers)."""
    from .places import place_mentions, places_in

    claims = []
    for doc_id, atts, dates, entities, speakers in articles:
        mentions = place_mentions(entities, pres) if atts else []
        starts = [m[0] for m in mentions]
        # the speaker mention of each attribution → its index, to find the actor of a reporter
        by_span = {a.speaker_span: j for j, a in enumerate(atts)
                   if a.speaker_span is not None and a.reported_by_span is None}
        said = iter(abouts[doc_id])
        for i, (a, (date, precision, basis, date_text)) in enumerate(zip(atts, dates)):
            actor_id = speakers[i]
            rep_id = speakers[by_span[a.reported_by_span]] if a.reported_by_span in by_span else None
            about = next(said)
            claims.append(compact(Claim(  # a million claims: a shared key table and fields set (records.compact)
                id=claim_id(doc_id, a.spans), doc_id=doc_id, speaker=actor_names[actor_id], speaker_id=actor_id,
                speaker_span=a.speaker_span, speaker_text=a.speaker_text, role=a.role, text=a.text, spans=a.spans,
                kind=a.claim_kind, cue=a.cue, cue_span=a.cue_span, stance=a.stance,
                date=date, date_precision=precision, date_basis=basis or "unknown",
                date_text=date_text, sentence_span=a.sentence_span, segment=a.segment,
                issues=tuple(name for name, _, _ in about),
                issue_triggers=tuple((name, trig) for name, trig, _ in about),
                issue_scores=tuple((name, score) for name, _, score in about),
                places=tuple(places_in(a.spans, entities, pres, mentions=mentions, starts=starts)),
                confidence=a.confidence,
                reported_by=actor_names.get(rep_id, a.reported_by) if a.reported_by else None,
                reported_by_id=rep_id if a.reported_by else None,
            )))
    return claims


def resolve_fingerprint(store: Store, skipped: Iterable[Skipped] = (), knowledge=None,
                        n_issues: Optional[int] = None, window_days: Optional[int] = None) -> str:
    """What the resolved layer is a function of: every extraction (by hash and key), `resolution_key` (models/
    and the corpus's knowledge files, a graphkit.knowledge.Knowledge), graphkit's own code (`graphkit.kept.code_key`,
    as for what the resolution keeps: a change to how claims are resolved, which moves no extraction version,
    re-resolves a store built before it), the number of issues asked for, the contradiction window, skipped files.

    `Store.put_article` and `Store.remove_articles` also clear the stored fingerprint, so any
    change to an extraction (e.g. a re-parse for a new publication date) re-resolves.
    """
    from .kept import code_key
    from .knowledge import Knowledge

    paths = [p for ps in (knowledge or Knowledge()).files().values() for p in ps]
    h = hashlib.sha256(f"{resolution_key(paths)}\0code={code_key()}\0n_issues={n_issues}\0window={window_days}"
                       .encode())
    for doc_id, sha, mkey in store.extraction_keys():
        h.update(f"{doc_id}\0{sha}\0{mkey}\n".encode())
    for s in sorted(skipped, key=lambda s: s.path):
        h.update(f"{s.path}\0{s.reason}\0{s.degraded}\n".encode())
    return h.hexdigest()
