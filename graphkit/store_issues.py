"""The issues a store's claims are assigned to: the knowledge's, else discovered from the store's own claims.

Resolution (graphkit.resolution) asks `corpus_taxonomy` for the taxonomy of a store: the issues the knowledge
files name, else the issues an earlier build discovered and kept (meta ``discovered_issues``, `kept_discovery`; a build
under another extraction key discovers them again, `discovered_elsewhere`),
else issues discovered now (graphkit.discover) from a sample of the claims (`discovery_sample`), which the one read
of the store's extractions gathers (`DiscoveryRows`, when `will_discover` says discovery will run), each claim's
keyphrases with the places abroad it says (`said_abroad`, `with_places_abroad`). Who speaks is no issue
(`not_issues`), except an organisation the claims talk about far more than it speaks (`organisations_spoken`).

>>> sorted(not_issues([]))
[]
"""

from __future__ import annotations

import json
import re
from typing import NamedTuple, Optional

from .extract import DocExtraction
from .kept import draw_rank
from .records import claim_id
from .store import Store


def corpus_taxonomy(store: Store, knowledge, n_issues: Optional[int], rediscover: bool, speakers,
                    sample: Optional[DiscoveryRows], spoken: dict[str, int], abroad: Optional["Abroad"] = None,
                    voices: Optional[dict[str, str]] = None, titled: Optional["Titled"] = None) -> tuple:
    """(the Taxonomy claims are assigned with, its data as stored in meta ``issues``, whether it was discovered):
    the knowledge's issues, else the issues discovered in this store (`discovered_issues`, from ``sample``, which
    the caller gathered when discovery is to run, `will_discover`; ``spoken``: actor id → the claims it speaks;
    ``abroad``: the places abroad its claims say, `said_abroad`; ``voices``: each claim's speaker, `claim_voices`;
    ``titled``: its articles' titles and their headlines' claims, `titled_articles`)."""
    from .issues import taxonomy_from_data, taxonomy_of

    tax = taxonomy_of(knowledge)
    if tax.issues:
        return tax, knowledge.issues_data(), False
    data = discovered_issues(store, n_issues, rediscover, speakers, sample, spoken, abroad, voices, titled)
    return taxonomy_from_data(data, "issues discovered from the corpus", origin="discovered"), data, True


def learns_issues(knowledge) -> bool:
    """Whether claims are given issues learnt from the corpus (`graphkit.issue_model.assign_claims`' model and article
    votes): the knowledge names no issue, so they are discovered (now, or earlier and kept).

    >>> from graphkit.knowledge import Knowledge
    >>> learns_issues(Knowledge())   # models/ alone names no issue: they are discovered
    True
    """
    from .issues import taxonomy_of

    return not taxonomy_of(knowledge).issues


def will_discover(store: Store, knowledge, n_issues: Optional[int], rediscover: bool) -> bool:
    """Whether `corpus_taxonomy` will discover issues now: its issues are learnt (`learns_issues`) and the store keeps
    none that stand (`kept_discovery`)."""
    return learns_issues(knowledge) and kept_discovery(store, n_issues, rediscover) is None


#: the store's meta key of the extraction key (`graphkit.fingerprint.pipeline_key`) of the articles the kept discovered
#: issues were discovered from: a build writes it with them (`keep_discovered_from`), `discovered_elsewhere` reads it
DISCOVERED_FROM = "discovered_from"


def discovered_elsewhere(store: Store, key: str, known: dict) -> bool:
    """Whether the issues the store keeps discovered (meta ``discovered_issues``) were discovered from extractions of
    another key than ``key``, the build's (`graphkit.fingerprint.pipeline_key`: spaCy's pipeline, graphkit's
    extraction version, the models): a build under another key parses every article again, and discovers their issues
    again too (`graphkit.build.update_store`), so that it gives what a fresh build of the corpus by the same code gives
    (the -69 rebuild over a -66 PolNeAR train store kept its 77 issues where a fresh store found 88; bench/README.md,
    issue 14, thirty-ninth pass). A store that records no key (kept before it was recorded) is read by its articles'
    keys before the build parses them (``known``: `graphkit.store.Store.hashes`): another key in any, elsewhere.

    >>> import tempfile, os
    >>> with Store(os.path.join(tempfile.mkdtemp(), "s.gk"), create=True) as s:
    ...     none = discovered_elsewhere(s, "k2", {"a": ("sha", "k1")})   # nothing discovered: nothing to redo
    ...     s.set_meta("discovered_issues", "{}")
    ...     by_articles = discovered_elsewhere(s, "k2", {"a": ("sha", "k1")}), discovered_elsewhere(s, "k2", {"a": ("sha", "k2")})
    ...     keep_discovered_from(s, "k1")
    ...     recorded = discovered_elsewhere(s, "k2", {"a": ("sha", "k2")}), discovered_elsewhere(s, "k1", {"a": ("sha", "k2")})
    >>> none, by_articles, recorded
    (False, (True, False), (True, False))
    """
    if not store.get_meta("discovered_issues"):
        return False
    recorded = store.get_meta(DISCOVERED_FROM)
    if recorded:
        return recorded != key
    return any(made is not None and made != key for _, made in known.values())


def keep_discovered_from(store: Store, key: str) -> None:
    """Record ``key`` as the extraction key the store's discovered issues were discovered from (`DISCOVERED_FROM`):
    after a build that kept or discovered them, every article it holds was extracted under ``key`` or discovery ran
    again (`discovered_elsewhere`)."""
    if store.get_meta(DISCOVERED_FROM) != key:
        store.set_meta(DISCOVERED_FROM, key)


def kept_discovery(store: Store, n_issues: Optional[int], rediscover: bool) -> Optional[dict]:
    """The issues an earlier build discovered in this store (meta ``discovered_issues``) when they stand: not
    ``rediscover``, the same ``n_issues`` (None: any) and at least one issue; else None (`discovered_issues` discovers
    them now). A discovery that found none (too few claims, `graphkit.discover.none_found`) does not stand: the build
    that said so told the user to add articles, and the next build discovers from them."""
    raw = store.get_meta("discovered_issues")
    if raw and not rediscover:
        old = json.loads(raw)
        if old.get("issues") and (n_issues is None or old.get("n_issues") == n_issues):
            return {k: v for k, v in old.items() if k != "n_issues"}
    return None


def discovered_issues(store: Store, n_issues: Optional[int], rediscover: bool, speakers, sample: "DiscoveryRows",
                       spoken: dict[str, int], abroad: Optional["Abroad"] = None,
                       voices: Optional[dict[str, str]] = None, titled: Optional["Titled"] = None) -> dict:
    """The issues discovered earlier in this store (same ``n_issues``), else discovered now from every claim.

    ``sample``: what the one read of the store's extractions gathered for discovery
    (`graphkit.resolution.read_resolution_inputs`), with ``abroad``, the places abroad the claims say (`said_abroad`:
    the resolution's places), ``speakers``, every actor resolved, and ``spoken``, actor id → the claims it speaks: the
    build's, or `graphkit.resolution.discovery_inputs`' for a store read again (`graphkit issues suggest`), so that
    both discover the same issues. The speakers' names, aliases and the words of people's names are not issues, but
    an organisation's when the claims talk about it far more than it speaks (`organisations_spoken`). ``voices``: each
    claim's speaker (`claim_voices`), what tells an article's topic (`graphkit.topical.article_topics`); ``titled``:
    the articles' titles and the claims of their headlines (`titled_articles`), what a title's topic is named by
    (`graphkit.topical.title_topics`).
    """
    from .discover import discover_issues

    kept = kept_discovery(store, n_issues, rediscover)
    if kept is not None:
        return kept
    claims = sample.claims()
    if abroad is not None:
        claims = with_places_abroad(claims, abroad)
    return discover_issues(claims, n_issues=n_issues, exclude=not_issues(speakers),
                           spoken=organisations_spoken(speakers, spoken),
                           abroad=abroad.names if abroad is not None else (), voices=voices,
                           titles=titled.titles if titled is not None else None,
                           headlines=titled.headlines if titled is not None else frozenset(),
                           narrations=titled.narrations if titled is not None else None)


class Titled(NamedTuple):
    """What discovery reads of the articles' titles and narrations (`titled_articles`)."""

    titles: dict          #: doc id -> its title, for the articles with one
    headlines: frozenset  #: the ids of the claims a headline holds (their words written in their article's title)
    narrations: Optional["Narrations"] = None  #: each article's words outside its claims (`graphkit.topical`), or None


def titled_articles(store: Store, sample: Optional["DiscoveryRows"], said: dict[str, list],
                    spans: Optional[dict[str, list]] = None) -> Optional[Titled]:
    """The titles of the articles discovery reads (``sample``, `DiscoveryRows`; the store's documents' titles) and the
    claims of their headlines: a claim every piece of whose text (``said``: doc id -> each claim's (text, context), in
    item order) is written in its article's title, its case and marks aside (`written_plainly`: the title's "'Like an
    Open Orchid'" is the claim's "‘Like an Open Orchid.’"), what `graphkit.topical.title_topics` does not count beside
    the article's other claims. None without a ``sample`` (no discovery). A headline's claim is the title's own words:
    compared with their lemmas folded (`graphkit.topical.phrase_key`) PolNeAR train's are the same 274 of 15,514
    claims, but folding every claim's words took 0.6 s and read them in a ``--workers`` build's one-core tail, which
    finds them worked out during the parse (`graphkit.resolution.work_ahead`); compared as written, 0.1 s.
    ``spans``: doc id -> each claim's spans (`graphkit.resolution.claim_spans`): the articles' narrations, their texts
    outside those spans (`graphkit.topical.Narrations`, folded only where `graphkit.topical.title_topics` asks), else
    None. They hold every article's text through discovery (the titles' read loaded them before, and dropped them):
    a corpus too large for that would keep only the articles with a candidate.

    >>> import tempfile, os
    >>> from graphkit.records import Document
    >>> with Store(os.path.join(tempfile.mkdtemp(), "s.gk"), create=True) as s:
    ...     s.put_article(Document(id="a", path="a.txt", text="Tax row. Lee said tax rose.", sha256="0" * 64,
    ...                            format="txt", title="Tax row: Lee says taxes rose"), "{}", "m")
    ...     rows = DiscoveryRows()
    ...     rows.add("a", [("c1", ["tax"], []), ("c2", ["tax"], [])])
    ...     titled_articles(s, rows, {"a": [("Taxes rose.", ("", "")), ("the rise was steep", ("", ""))]})
    Titled(titles={'a': 'Tax row: Lee says taxes rose'}, headlines=frozenset({'c1'}), narrations=None)
    """
    from .topical import Narrations

    if sample is None:
        return None
    docs = store.documents_by_id(sample.rows)
    titles = {d: doc.title for d, doc in docs.items() if doc.title}
    narrations = None if spans is None else Narrations(
        {d: (doc.text, [tuple(s) for claim in spans.get(d, []) for s in claim]) for d, doc in docs.items()})
    heads = set()
    for doc_id, items in sample.rows.items():
        if doc_id in titles:
            title = f" {written_plainly(titles[doc_id])} "
            heads.update(cid for (cid, *_), (text, _) in zip(items, said.get(doc_id, []))
                         if all(f" {written_plainly(piece)} " in title for piece in text.split(" … ")))
    return Titled(titles, frozenset(heads), narrations)


def written_plainly(text: str) -> str:
    """``text`` in lower case, every mark a space, its words one space apart: how `titled_articles` compares a claim
    with its title. Not `graphkit.names.fold`, a name's key, which drops a leading "the", possessives and full stops
    and transliterates: compared through it, other claims would be headlines.

    >>> written_plainly("‘Like an Open Orchid.’"), written_plainly("Trump's view")
    ('like an open orchid', 'trump s view')
    """
    return " ".join(_MARKS.sub(" ", text.lower()).split())


_MARKS = re.compile(r"[^\w\s]")


class Abroad(NamedTuple):
    """The places abroad a corpus's claims say (`said_abroad`), as issue discovery reads them."""

    said: dict  #: claim id -> the places abroad said inside the claim, as written, in text order, each once
    names: frozenset  #: every place abroad the corpus's articles say, as written


def said_abroad(spans: dict[str, list], entities: dict[str, list], pres) -> Abroad:
    """The places abroad (`graphkit.places.places_abroad`, outside the corpus's `graphkit.places.home_country`) said
    inside each claim's content: ``spans``, doc id → each claim's spans (in item order); ``entities``, doc id → its
    entities; ``pres``, their `graphkit.places.PlaceResolution`. A place abroad is a keyphrase of the claim saying
    it and may be an issue (`graphkit.topical.place_names` keeps only the home's out); keyphrases leave every place
    out (graphkit.keyphrases), so PolNeAR train's claims about Benghazi, Syria or North Korea had no topical phrase
    for it (bench/README.md, issue 14, thirty-sixth pass). A corpus with no home (no country holds most of its place
    mentions: the sample's Russia 69, Ukraine 45, the US 40) has no place abroad: "abroad" says what about only beside
    a home, and there "US" and "Washington" were who and where.

    >>> from graphkit.places import resolve_places
    >>> ents = {"d": [("Iowa", "GPE", 0, 4), ("Iowa", "GPE", 10, 14), ("Syria", "GPE", 20, 25)]}
    >>> got = said_abroad({"d": [[(0, 30)], [(0, 8)]]}, ents, resolve_places(ents))
    >>> got.said[claim_id("d", [(0, 30)])], claim_id("d", [(0, 8)]) in got.said, sorted(got.names)
    (['Syria'], False, ['Syria'])
    """
    from .places import home_country, places_abroad, places_in

    home = home_country(entities, pres)
    said, names = {}, set()
    if home is None:  # no home, nothing abroad: a corpus of no one country's news keeps every place out
        return Abroad(said, frozenset(names))
    for doc_id in sorted(spans):
        mentions = places_abroad(entities.get(doc_id, []), pres, home)
        if not mentions:
            continue
        names.update(m[2] for m in mentions)
        starts = [m[0] for m in mentions]
        for claim_spans in spans[doc_id]:
            inside = places_in(claim_spans, (), pres, mentions=mentions, starts=starts)
            if inside:
                said[claim_id(doc_id, claim_spans)] = inside
    return Abroad(said, frozenset(names))


def with_places_abroad(claims: list[tuple], abroad: Abroad) -> list[tuple]:
    """Discovery's rows (claim id, doc id, keyphrases, context keyphrases) with the places abroad each claim says
    (``abroad``, `said_abroad`) after its keyphrases, those it has not already.

    >>> with_places_abroad([("c1", "d", ["war"], []), ("c2", "d", ["tax"], [])], Abroad({"c1": ["Syria"]}, frozenset()))
    [('c1', 'd', ['war', 'Syria'], []), ('c2', 'd', ['tax'], [])]
    """
    out = []
    for cid, doc_id, phrases, *rest in claims:
        extra = [p for p in abroad.said.get(cid, ()) if p not in phrases]
        out.append((cid, doc_id, [*phrases, *extra], *rest) if extra else (cid, doc_id, phrases, *rest))
    return out


NAMED_KINDS = ("group", "role", "anonymous", "other")  # actors named by what kind of source they are, not who


def not_issues(actors) -> set[str]:
    """Names that are no issue: the names and aliases of the actors that are someone (people, organisations,
    places), and the words of people's names (who is not what about). A source named by a common noun ("voters",
    "the campaign", "polls", "donors": `NAMED_KINDS`) leaves that noun to the issues: a claim that says "voters"
    or "the campaign" is about them (PolNeAR train: its largest issue, the campaign, was missing).

    >>> from types import SimpleNamespace as A
    >>> sorted(not_issues([A(name="Hillary Clinton", aliases=("Clinton",), type="person"),
    ...                    A(name="voters", aliases=(), type="group")]))
    ['Clinton', 'Hillary', 'Hillary Clinton']
    """
    who = set()
    for a in actors:
        if a.type in NAMED_KINDS:
            continue
        who.update([a.name, *a.aliases])
        if a.type == "person":
            who.update(w for w in a.name.split() if len(w) > 2)
    return who


def organisations_spoken(actors, spoken: dict[str, int]) -> dict[str, int]:
    """The names and aliases of the organisations among ``actors`` (every actor `not_issues` excludes that is not a
    person), each with the claims the organisation speaks (``spoken``: actor id → claims; none: 0), less the names
    that are also a person's or a word of one: discovery lets one the claims talk about far more than it speaks be a
    phrase (`graphkit.topical.talked_about`: "ISIS", "Supreme Court").

    >>> from types import SimpleNamespace as A
    >>> organisations_spoken([A(id="actor:isis", name="Islamic State", aliases=("ISIS",), type="organisation"),
    ...                       A(id="actor:hc", name="Hillary Clinton", aliases=(), type="person"),
    ...                       A(id="actor:v", name="voters", aliases=(), type="group")], {"actor:isis": 3, "actor:hc": 90})
    {'Islamic State': 3, 'ISIS': 3}
    """
    people = {n for a in actors if a.type == "person" for n in (a.name, *a.aliases, *a.name.split())}
    out: dict[str, int] = {}
    for a in actors:
        if a.type == "person" or a.type in NAMED_KINDS:
            continue
        for name in (a.name, *a.aliases):
            if name not in people:
                out[name] = max(out.get(name, 0), spoken.get(a.id, 0))
    return out


def spoken_by(speakers: dict[str, list]) -> dict[str, int]:
    """actor id → the claims it speaks, from doc_id → each claim's actor id (`speakers_by_article`).

    >>> spoken_by({"a": ["actor:x", "actor:y"], "b": ["actor:x", None]})
    {'actor:x': 2, 'actor:y': 1}
    """
    out: dict[str, int] = {}
    for ids in speakers.values():
        for i in ids:
            if i is not None:
                out[i] = out.get(i, 0) + 1
    return out


def claim_voices(sample: Optional["DiscoveryRows"], speakers: dict[str, list]) -> dict[str, str]:
    """claim id → its speaker's actor id, for the claims discovery reads (``sample``, `DiscoveryRows`: each article's
    claims in item order) from doc_id → each claim's actor id (`graphkit.resolution.speakers_by_article`); a claim
    of no resolved speaker is left out. What `graphkit.topical.article_topics` counts an article's voices by.

    >>> rows = DiscoveryRows()
    >>> rows.add("a", [("c1", ["tax"], []), ("c2", ["tax"], [])])
    >>> claim_voices(rows, {"a": ["actor:x", None]}), claim_voices(None, {})
    ({'c1': 'actor:x'}, {})
    """
    if sample is None:
        return {}
    out = {}
    for doc_id, items in sample.rows.items():
        ids = speakers.get(doc_id, [])
        for (cid, *_), actor_id in zip(items, ids):
            if actor_id is not None:
                out[cid] = actor_id
    return out


def people_names(actors) -> set[str]:
    """The names and aliases of the actors that are people: their words are no evidence of an issue."""
    return {n for a in actors if a.type == "person" for n in (a.name, *a.aliases)}


DISCOVERY_MAX_ARTICLES = 5000   # issues are learnt from at most this many articles (a corpus of many) ...
DISCOVERY_MAX_CLAIMS = 3000     # ... or claims (a corpus of few articles): discovery's cost grows with its rows


def discovery_sample(claims: list[tuple]) -> list[tuple]:
    """The claims issues are discovered from: all of them up to DISCOVERY_MAX_ARTICLES articles (or, in a
    corpus of few articles, DISCOVERY_MAX_CLAIMS claims); above, those of a fixed pseudo-random sample of
    that many articles (claims). Topics need a sample, not every row: fitting them on every claim made
    resolution of a 10,000-claim article cost minutes. Every claim is then assigned to the issues found.

    >>> len(discovery_sample([(f"c{i}", "one article", (), ()) for i in range(5000)]))
    3000
    """
    from .topical import SPREAD_MIN_ARTICLES

    docs = sorted({c[1] for c in claims})
    if len(docs) >= SPREAD_MIN_ARTICLES:
        if len(docs) <= DISCOVERY_MAX_ARTICLES:
            return claims
        keep = set(sorted(docs, key=draw_rank)[:DISCOVERY_MAX_ARTICLES])
        return [c for c in claims if c[1] in keep]
    if len(claims) <= DISCOVERY_MAX_CLAIMS:
        return claims
    keep = set(sorted((c[0] for c in claims), key=draw_rank)[:DISCOVERY_MAX_CLAIMS])
    return [c for c in claims if c[0] in keep]


class DiscoveryRows:
    """What `discovery_sample` keeps of a store's claims, gathered article by article as the store is read once
    (`graphkit.resolution.read_resolution_inputs`): the claims of the `DISCOVERY_MAX_ARTICLES` articles of lowest rank
    (`graphkit.kept.draw_rank`) among those with claims, so that no more than theirs are held however large the
    store. ``claims()`` then gives
    exactly ``discovery_sample`` of every claim of the store (the same rows, each article's in its order).
    Discovery read every extraction a second time (pydantic's validation of the whole store again: 16 of a 100k
    store's 64 profiled CPU s).

    >>> rows = DiscoveryRows(max_articles=2)
    >>> for d in ("a", "b", "c", "d"):
    ...     rows.add(d, [(claim_id(d, [(0, 5)]), ["tax"], [])])
    >>> rows.add("e", [])
    >>> sorted({c[1] for c in rows.claims()}) == sorted(sorted("abcd", key=draw_rank)[:2])
    True
    """

    def __init__(self, max_articles: int = DISCOVERY_MAX_ARTICLES) -> None:
        self.max_articles = max_articles
        self.rows: dict[str, list] = {}
        self.heap: list[tuple[int, str]] = []  # (minus the rank, doc_id): the kept article of highest rank first

    def add(self, doc_id: str, items: list[tuple]) -> None:
        """An article's claims as (claim id, keyphrases, keyphrases of the sentence before), in item order
        (`graphkit.resolution.discovery_rows`)."""
        import heapq

        if not items:  # `discovery_sample` counts the articles of its claims
            return
        key = -int(draw_rank(doc_id), 16)
        if len(self.heap) >= self.max_articles and key < self.heap[0][0]:
            return  # ranked after every article kept
        heapq.heappush(self.heap, (key, doc_id))
        self.rows[doc_id] = items
        if len(self.heap) > self.max_articles:
            del self.rows[heapq.heappop(self.heap)[1]]

    def claims(self) -> list[tuple]:
        """(claim id, doc id, keyphrases, context keyphrases) as `discovered_issues` discovers from them."""
        return discovery_sample([(cid, doc_id, phrases, context)
                                 for doc_id in sorted(self.rows) for cid, phrases, context in self.rows[doc_id]])


def load_extractions(store: Store) -> dict[str, DocExtraction]:
    """Every extraction of the store, validated whole (doc_id -> `graphkit.records.DocExtraction`): for the bench
    scripts that read what resolution does not keep (bench/discover_sample.py, bench/issue_variants.py); graphkit's own
    readers take `graphkit.resolution.read_resolution_inputs`, which validates an extraction only when its kept inputs
    are stale."""
    return {doc_id: DocExtraction.model_validate_json(data) for doc_id, data in store.extractions()}
