"""Corpus folder → store: read, parse what changed, then resolve the whole store into claims.

``build`` is incremental: an article whose bytes (sha256) and pipeline are
unchanged is not parsed again. Every parsed article is committed on its own,
so an interrupted build keeps what it finished and the next build resumes.
After parsing, ``resolve_store`` re-resolves actors, places, issues, merged
reports and contradictions across everything the store holds, reusing what an
earlier resolution kept of unchanged articles (graphkit.kept).

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Sergey Lavrov said Europe was to blame for the war.")
>>> r = build(d, d / "store.gk")
>>> (r.parsed, r.claims)
(1, 1)
>>> build(d, d / "store.gk").parsed   # nothing changed: nothing parsed
0
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from .extract import DocExtraction
from .fingerprint import model_key, pipeline_key, resolution_key  # noqa: F401  (model_key: graphkit.distributed)
from .ingest import IngestResult, parse_view, read_corpus
from .kept import (claim_issues, draw_rank, keep_actor_walks, keep_places, keep_text_answers, keep_text_words, keeps_walks,
                   kept_actor_walks, kept_contradictions, kept_places, kept_report_clusters, kept_text_answers,
                   kept_text_words)
from .memory import fewer_collections, give_back, no_collections, settle
from .records import Claim, Skipped, compact
from .store import Store, check_store_file, writer_lock


@dataclass
class BuildReport:
    """What a build did; the CLI prints it as the closing summary."""

    articles: int = 0
    parsed: int = 0
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    claims: int = 0
    reports: int = 0
    actors: int = 0
    places: int = 0
    issues: int = 0
    issues_discovered: bool = False  # the corpus brought no taxonomy: its issues were discovered
    contradictions: int = 0
    pruned: int = 0
    parse_seconds: float = 0.0
    resolve_seconds: float = 0.0

    @property
    def failed(self) -> list[Skipped]:
        """Files that were not read at all (not merely degraded)."""
        return [s for s in self.skipped if not s.degraded]


def problem_lines(skipped: Iterable[Skipped], show: int = 3) -> list[str]:
    """One line per problem for the build's summary: files sharing the same problem share one line.

    A folder of 500 articles without dates says so once, naming the first ``show`` files; problems
    particular to a file keep their own line. ``graphkit problems --store S`` lists every file.

    >>> from graphkit.records import Skipped
    >>> undated = [Skipped(path=f"a{i}.txt", reason="no date", degraded=True) for i in range(5)]
    >>> problem_lines(undated + [Skipped(path="b.pdf", reason="not text")])
    ['degraded: 5 files (a0.txt, a1.txt, a2.txt, …): no date', 'skipped: b.pdf: not text']
    """
    groups: dict[tuple[bool, str], list[str]] = {}
    for s in skipped:
        groups.setdefault((s.degraded, s.reason), []).append(s.path)
    lines = []
    for (degraded, reason), paths in groups.items():
        what = "degraded" if degraded else "skipped"
        if len(paths) > show + 1:
            lines.append(f"{what}: {len(paths)} files ({', '.join(paths[:show])}, …): {reason}")
        else:
            lines.extend(f"{what}: {p}: {reason}" for p in paths)
    return lines


def claim_id(doc_id: str, spans) -> str:
    """Stable claim id from the article and the content offsets.

    >>> claim_id("003", [(10, 20)])
    'c_18f4f8a88b274439'
    """
    key = doc_id + ":" + ";".join(f"{s}-{e}" for s, e in spans)
    return "c_" + hashlib.sha1(key.encode()).hexdigest()[:16]


def build(corpus, store_path, *, on_wait: Optional[Callable[[], None]] = None, issues=None, actors=None,
          knowledge=None, **options) -> BuildReport:
    """Build or update the store at ``store_path`` from the articles under ``corpus``.

    ``options`` are `update_store`'s (model, workers, batch_size, on_progress, extract, force, prune,
    n_issues, rediscover, window_days, full, parse_ahead).
    The corpus's own knowledge (graphkit.knowledge.Knowledge) is ``CORPUS/issues.yaml`` and
    ``CORPUS/actors.yaml`` when present; ``issues`` / ``actors`` name other files, ``knowledge``
    gives it whole.
    A wrong corpus path, a missing knowledge file or a file that is not a store fails before anything
    is written. Then the build takes the store's writer lock (`graphkit.store.writer_lock`): a second
    build of the same store waits for the first, calling ``on_wait`` once, and parses only what is still new.
    """
    from .knowledge import Knowledge

    with parse_pool_ahead(options.get("model"), options.get("workers", 1), options.get("extract"),
                          batch_size=options.get("batch_size", 16)) as pool:
        reuse = not (options.get("full") or options.get("force"))  # --full and --force read every text through
        corpus_read = read_corpus(corpus, answers=kept_text_answers(store_path) if reuse else None)
        if knowledge is None:
            knowledge = Knowledge.for_corpus(corpus, issues=issues, actors=actors)
        check_store_file(Path(store_path), create=True)
        with writer_lock(store_path, on_wait), fewer_collections():  # graphkit.memory: the collector runs less often
            return update_store(corpus_read, store_path, knowledge=knowledge, pool=pool, **options)


def parse_pool_ahead(model: Optional[str], workers: int, extract: Optional[Callable] = None, *, batch_size: int = 16):
    """A context giving the build's `graphkit.extract.ParsePool`, forked now (None where the build parses in one
    process, on a Dask cluster (``extract``), or where the platform does not fork): its host loads the pipeline
    while the build reads the corpus, the knowledge files and the store, so the workers start parsing that much
    sooner; leaving it stops a host that was given nothing (nothing changed, or an error).

    >>> with parse_pool_ahead(None, workers=1) as pool:
    ...     pool is None
    True
    """
    import contextlib
    import multiprocessing as mp

    if workers <= 1 or extract is not None or "fork" not in mp.get_all_start_methods():
        return contextlib.nullcontext()
    from .extract import ParsePool

    return ParsePool(model, workers, batch_size=batch_size)


def update_store(corpus_read: IngestResult, store_path, *, model: Optional[str] = None, workers: int = 1,
                 batch_size: int = 16, on_progress: Optional[Callable[[int, int], None]] = None,
                 extract: Optional[Callable] = None, force: bool = False, prune: bool = False, knowledge=None,
                 n_issues: Optional[int] = None, rediscover: bool = False,
                 window_days: Optional[int] = None, full: bool = False, parse_ahead: bool = False,
                 pool=None) -> BuildReport:
    """Parse the articles of ``corpus_read`` (`read_corpus`) that changed into the store, then re-resolve it.

    Callers hold the store's writer lock (`build` does).
    ``pool``: a `graphkit.extract.ParsePool` the caller forked ahead (`parse_pool_ahead`) to parse the changed
    articles in; it is closed here when nothing is to be parsed.
    ``extract`` replaces local parsing (e.g. the Dask runner in graphkit.distributed): a callable
    taking a list of Documents and yielding DocExtractions.

    An article whose file is gone from the corpus stays in the store (a corpus folder may be
    a partial checkout or a rotating feed); ``prune=True`` removes it and its claims.
    An article is parsed again when its bytes, its publication date (claim dates are resolved
    against it) or its extraction key (`graphkit.fingerprint`: the spaCy pipeline, graphkit's
    extraction version, models/cues.yaml and the filter weights) change. The cross-article resolution
    is skipped when neither the extractions, the knowledge files (models/ and the corpus's own), graphkit's
    code nor the skipped files changed since the last one; the summary then gives the counts that resolution stored.

    ``knowledge`` (a graphkit.knowledge.Knowledge; default: models/ alone) is what actors and issues are
    resolved with; the store records which files it was (``Store.get_meta("knowledge")``). Its files are
    in the resolution key, not the extraction key: an edit re-resolves without parsing again.
    With no issue in that knowledge, issues are discovered from the claims (``n_issues`` of them, else
    a number chosen from the data) once, and kept: ``rediscover`` discovers them again.
    ``window_days``: claims of two articles further apart are never linked as contradicting (None:
    ``graphkit.contradict.WINDOW_DAYS``); a change re-resolves.
    ``full``: resolve everything again, reusing nothing a previous resolution kept (`resolve_store`); the
    result is the same as an incremental one, which is what the tests check.
    ``parse_ahead`` (one process): spaCy parses the next articles in a thread while this one is extracted and
    written (`graphkit.nlp.pipe_ahead`; the same store). Off by default: on the loaded 2-core machine it was
    no faster, the GIL serialising more than the matrix products free; ``bench/bench_build.py`` times both.
    """
    from .contradict import WINDOW_DAYS
    from .knowledge import Knowledge

    knowledge = knowledge or Knowledge()
    window_days = WINDOW_DAYS if window_days is None else window_days
    res = corpus_read
    report = BuildReport(articles=len(res.documents), skipped=list(res.skipped))
    key = pipeline_key(model)
    with Store(store_path, create=True) as store:
        known = store.hashes()
        published = store.published()
        todo = []
        for d in res.documents:
            sha, mkey = known.get(d.id, (None, None))
            same_date = published.get(d.id) == (d.published.isoformat() if d.published else None)
            if not force and sha == d.sha256 and mkey == key and same_date:
                store.update_document(d)
                report.unchanged += 1
            else:
                todo.append(d)
        keep_text_answers(store, res.answers)  # what reading the texts worked out, for the next build's read
        if prune:
            gone = sorted(set(known) - {d.id for d in res.documents})
            store.remove_articles(gone)
            report.pruned = len(gone)
        if pool is not None and (not todo or extract is not None):
            pool.close()  # nothing for it to parse: its host goes now, not after the resolution
            pool = None
        by_id = {d.id: d for d in todo}
        t0 = time.perf_counter()
        warming = first = None
        if todo:
            if extract is None:
                from .extract import AHEAD_MAX_CHARS, extract_documents, extract_documents_parallel
                from .nlp import load_pipeline

                views = [parse_view(d) for d in todo]
                fits = fits_issue_model(store, knowledge, len(set(known).union(by_id)), rediscover)
                if pool is not None and sum(len(v.text) for v in views) > AHEAD_MAX_CHARS:
                    pool.close()  # too much for its pipe: a pool forked below shares the documents copy-on-write
                    pool = None

                def warm():  # while spaCy parses, load what resolution needs
                    nonlocal warming
                    warming = warm_resolution(issue_model=fits)

                if pool is not None or workers > 1 and len(views) > 1:  # the whole extraction in workers; this writes
                    stream = extract_documents_parallel(views, model, workers=workers, batch_size=batch_size,
                                                        started=warm, pool=pool)
                else:  # warming starts once extraction's own modules are imported
                    nlp = load_pipeline(model)
                    settle()  # graphkit.memory: the collector does not walk the pipeline again in this build
                    key = model_key(nlp)
                    stream = extract_documents(views, nlp, batch_size=batch_size, ahead=parse_ahead)
                    first = warm
            else:
                stream = extract([parse_view(d) for d in todo])  # a huge article: only the lines that can hold claims
            from .nlp import one_blas_thread

            with one_blas_thread():  # the workers keep to one thread too (graphkit.extract._init_worker)
                report.parsed += write_extractions(store, stream, by_id, key, on_progress=on_progress, first=first)
        if warming is not None:
            warming.join()
        if report.parsed:
            give_back()  # what spaCy and the extraction records freed, before resolution allocates
        report.parse_seconds = time.perf_counter() - t0
        t0 = time.perf_counter()
        fingerprint = resolve_fingerprint(store, report.skipped, knowledge, n_issues, window_days)
        counts = (stored_counts(store) if not (force or rediscover or full)
                  and store.get_meta("resolved_fingerprint") == fingerprint else None)
        if counts is None:
            counts = resolve_store(store, skipped=report.skipped, knowledge=knowledge, n_issues=n_issues,
                                   rediscover=rediscover, window_days=window_days, full=full)
            store.set_meta("resolved_counts", json.dumps(counts, sort_keys=True))
            store.set_meta("resolved_fingerprint", fingerprint)
        report.resolve_seconds = time.perf_counter() - t0
        for k, v in counts.items():
            setattr(report, k, v)
    return report


def write_extractions(store: Store, stream: Iterable[DocExtraction], documents: dict, key: str, *,
                      on_progress: Optional[Callable[[int, int], None]] = None,
                      first: Optional[Callable[[], None]] = None) -> int:
    """Store each extraction of ``stream`` with its Document (``documents``: doc_id → Document) as it comes,
    calling ``first`` after the first one and ``on_progress(done, len(documents))`` after each; returns how many.
    Each extraction is dropped once written: a 5 MB article's (86,565 claims as records, ~0.4 GB) was kept
    alive through the whole resolution by the loop variable of the caller's frame."""
    done = 0
    for ex in stream:
        data, doc_id = ex.model_dump_json(), ex.doc_id
        ex = None  # the records go before the store copies the JSON
        store.put_article(documents[doc_id], data, key)
        data = None
        if first is not None:
            first()
            first = None
        done += 1
        if on_progress:
            on_progress(done, len(documents))
    return done


def warm_resolution(issue_model: bool = False):
    """Start loading what `resolve_store` needs, in a thread: its modules and the place indexes (every resolution
    reads them), and with ``issue_model`` what discovering issues and fitting the issue model need
    (`fits_issue_model`): scikit-learn (`graphkit.issue_model.import_sklearn`: about 1 CPU s of imports, without the
    pandas and ``scipy.stats`` it would load for nothing, which it can only leave out while no other thread runs: so
    here, before the thread starts, when this is the process's one thread), SciPy's clustering and the English word
    frequencies (`graphkit.discover.keyness`, 0.3-0.5 CPU s the first time). A build runs it while spaCy parses (in worker
    processes, where it only shares the cores, or in its own thread, whose matrix products release the GIL), so
    that the resolution after the parse, which nothing overlaps, does not pay for them.
    Returns the started thread (join it); whatever fails here is left for the resolution to meet and report.

    The place indexes were left out of it for a while: tests/test_crash.py's SIGKILLed builds left a store that
    would not open at once ("database disk image is malformed"), and this thread was suspected; the cause was
    elsewhere (a plain open()/close() of the store file dropped the process's SQLite locks, `graphkit.store.open_here`).
    """
    import threading

    from .issue_model import import_sklearn
    from .standins import sole_thread

    if issue_model and sole_thread():
        import_sklearn()  # its stand-ins for pandas and scipy.stats seen by no other thread (0.6 CPU s, not 1.5)

    def load():
        try:
            from . import contradict, places, resolve, statements  # noqa: F401

            places.load_place_config()
            places._geonames()  # the geonames indexes, from their cache file (graphkit.places)
            if issue_model:
                # wordfreq first: its import would look at every frame of the stack and every module loaded
                from .standins import import_wordfreq

                import_wordfreq().word_frequency("the", "en")  # loads the English frequency list (cached by wordfreq)
                import scipy.cluster.hierarchy  # noqa: F401  (graphkit.clustering)

                import_sklearn()  # done above, else (another thread runs: the parse ahead) as scikit-learn imports
        except Exception:  # noqa: BLE001  resolution imports them again and says what is wrong
            pass

    t = threading.Thread(target=load, name="graphkit-warm-resolution", daemon=True)
    t.start()
    return t


def fits_issue_model(store: Store, knowledge, articles: int, rediscover: bool = False) -> bool:
    """Whether this build's resolution will most likely fit an issue model (`kept_issue_model`), so that warming
    scikit-learn during the parse pays: the knowledge names no issue (they are discovered), the store keeps no
    model yet (or ``rediscover``), and the store will hold at least `graphkit.discover.SPREAD_MIN_ARTICLES`
    ``articles``. A smaller corpus often has too few claims for a model, and warming it for nothing cost 10 s
    of waiting on 8 PolNeAR articles under load; a wrong guess costs only the import.
    """
    from .discover import SPREAD_MIN_ARTICLES
    from .issues import taxonomy_of

    if articles < SPREAD_MIN_ARTICLES or taxonomy_of(knowledge).issues:
        return False
    return rediscover or store.get_meta("issue_model") is None


def stored_counts(store: Store) -> Optional[dict[str, int]]:
    """The counts the last resolution stored (claims, reports, actors ...); None when it stored none.

    A rebuild that resolves nothing reports these, so its summary says what the first build said.
    """
    raw = store.get_meta("resolved_counts")
    try:
        counts = json.loads(raw) if raw else None
    except ValueError:
        return None
    return counts if isinstance(counts, dict) and "reports" in counts else None


def _discovered_issues(store: Store, extractions: Optional[dict[str, DocExtraction]], n_issues: Optional[int],
                       rediscover: bool, speakers=None, sample: Optional["DiscoveryRows"] = None,
                       spoken: Optional[dict[str, int]] = None) -> dict:
    """The issues discovered earlier in this store (same ``n_issues``), else discovered now from every claim.

    ``extractions``: the store's (`load_extractions`), or None to read them from the store one at a time;
    ``sample``: what `read_resolution_inputs` gathered of them for discovery in its one read (then the store's
    extractions are not read again).

    ``speakers`` (resolved Actor records; default: the store's): their names, aliases and the words of
    people's names are not issues, but an organisation's when the claims talk about it far more than it speaks
    (``spoken``: actor id → claims it speaks; default: the store's claims counted; `organisations_spoken`).
    """
    from .discover import discover_issues

    kept = kept_discovery(store, n_issues, rediscover)
    if kept is not None:
        return kept
    if sample is not None:
        claims = sample.claims()
    else:
        stream = sorted(extractions.items()) if extractions is not None else iter_extractions(store)
        claims = discovery_sample([(claim_id(doc_id, it.attribution.spans), doc_id, it.phrases, it.context_phrases)
                                   for doc_id, ex in stream for it in ex.items])
    actors = speakers if speakers is not None else list(store.actors())
    if spoken is None:
        spoken = {}
        for c in store.claims():
            spoken[c.speaker_id] = spoken.get(c.speaker_id, 0) + 1
    return discover_issues(claims, n_issues=n_issues, exclude=not_issues(actors),
                           spoken=organisations_spoken(actors, spoken))


def kept_discovery(store: Store, n_issues: Optional[int], rediscover: bool) -> Optional[dict]:
    """The issues an earlier build discovered in this store (meta ``discovered_issues``) when they stand: not
    ``rediscover`` and the same ``n_issues`` (None: any); else None (`_discovered_issues` discovers them now)."""
    raw = store.get_meta("discovered_issues")
    if raw and not rediscover:
        old = json.loads(raw)
        if n_issues is None or old.get("n_issues") == n_issues:
            return {k: v for k, v in old.items() if k != "n_issues"}
    return None


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
    phrase (`graphkit.discover.talked_about`: "ISIS", "Supreme Court").

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
    from .discover import SPREAD_MIN_ARTICLES

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
    (`read_resolution_inputs`): the claims of the `DISCOVERY_MAX_ARTICLES` articles of lowest rank
    (`graphkit.kept.draw_rank`) among those with claims, so that no more than theirs are held however large the
    store. ``claims()`` then gives
    exactly ``discovery_sample`` of every claim of the store (the same rows, each article's in its order).
    Discovery read every extraction a second time (pydantic's validation of the whole store again: 16 of a 100k
    store's 64 profiled CPU s).

    >>> rows = DiscoveryRows(max_articles=2)
    >>> for d in ("a", "b", "c", "d"):
    ...     rows.add(d, [([(0, 5)], ["tax"], [])])
    >>> rows.add("e", [])
    >>> sorted({c[1] for c in rows.claims()}) == sorted(sorted("abcd", key=draw_rank)[:2])
    True
    """

    def __init__(self, max_articles: int = DISCOVERY_MAX_ARTICLES) -> None:
        self.max_articles = max_articles
        self.rows: dict[str, list] = {}
        self.heap: list[tuple[int, str]] = []  # (minus the rank, doc_id): the kept article of highest rank first

    def add(self, doc_id: str, items: list[tuple]) -> None:
        """An article's claims as (content spans, keyphrases, keyphrases of the sentence before), in item order."""
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
        """(claim id, doc id, keyphrases, context keyphrases) as `_discovered_issues` discovers from them."""
        return discovery_sample([(claim_id(doc_id, spans), doc_id, phrases, context)
                                 for doc_id in sorted(self.rows) for spans, phrases, context in self.rows[doc_id]])


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


def load_extractions(store: Store) -> dict[str, DocExtraction]:
    return {doc_id: DocExtraction.model_validate_json(data) for doc_id, data in store.extractions()}


def iter_extractions(store: Store) -> Iterable[tuple[str, DocExtraction]]:
    """(doc_id, DocExtraction) of every article in doc_id order, one at a time: resolution reads the store
    in passes rather than holding every extraction (5 KB a claim as records) at once."""
    for doc_id, data in store.extractions():
        yield doc_id, DocExtraction.model_validate_json(data)


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
                date_text=date_text, sentence_span=a.sentence_span,
                issues=tuple(name for name, _, _ in about),
                issue_triggers=tuple((name, trig) for name, trig, _ in about),
                issue_scores=tuple((name, score) for name, _, score in about),
                places=tuple(places_in(a.spans, entities, pres, mentions=mentions, starts=starts)),
                confidence=a.confidence,
                reported_by=actor_names.get(rep_id, a.reported_by) if a.reported_by else None,
                reported_by_id=rep_id if a.reported_by else None,
            )))
    return claims


class _Clock:
    """Adds the seconds since the last call to ``timings[stage]`` (nothing when ``timings`` is None)."""

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
                  full: bool = False, timings: Optional[dict[str, float]] = None) -> dict[str, int]:
    """Re-resolve actors, places, issues, merged reports and contradictions over the whole store.

    Incremental (graphkit.kept): a claim's issues depend on its own words alone (the triggers, and for discovered
    issues the model fitted with them, kept), so each article's are kept in the store (`graphkit.kept.claim_issues`)
    and worked out again only for articles whose claims changed, and so are what linking reads of each claim text
    and the place look-ups of each surface; ``full`` works out everything again (same result).
    Actors and places read corpus-wide statistics (name clusters and genders, entity type votes), worked out over
    every claim; the actor pass's walk of each article is kept (`graphkit.kept.kept_actor_walks`) and replayed when
    the statistics it read and the drafts it met are the same (graphkit.walks), else walked again. Merged reports
    and contradictions read concept idf and argument specificity, functions of every claim: they are kept whole (`graphkit.kept.kept_report_clusters`,
    `graphkit.kept.kept_contradictions`) and worked out again when any claim they read changed.

    ``timings``, when given, receives the seconds each stage took (read, actors, places, issues, claims,
    merge, contradictions, write): where a large store's resolution goes.

    ``knowledge``: the graphkit.knowledge.Knowledge to resolve with (default: models/ alone); recorded in the
    store's meta ``knowledge`` (files and hashes) and ``actors`` (the merged gazetteer, for queries).

    When the knowledge holds no issue, issues are discovered from the claims (graphkit.discover) and
    kept in the store's meta ``discovered_issues``: later builds assign new claims to those issues, and
    discover again only with ``rediscover`` (or a different ``n_issues``).
    """
    import json

    from .contradict import WINDOW_DAYS
    from .gazetteer import load_gazetteer
    from .issues import issue_records
    from .knowledge import Knowledge
    from .places import resolve_places
    from .resolve import resolve_actors
    from .statements import merge_reports

    clock = _Clock(timings)
    knowledge = knowledge or Knowledge()
    discovery = DiscoveryRows() if will_discover(store, knowledge, n_issues, rediscover) else None
    atts, ents, said, dates = read_resolution_inputs(store, discovery, full)
    give_back()  # the extractions' records, parsed and dropped (graphkit.memory)
    words_todo = kept_text_words(store, said, full)  # what linking read of unchanged articles' texts, put back
    places_known = kept_places(store, full)  # what the place gazetteer said of each surface, put back
    clock("read")
    actors_data = knowledge.actors_data()
    gazetteer = [actors_data, knowledge.sources()]  # what the gazetteer is made of: a kept walk read it
    walks, walk_keys = kept_actor_walks(store, atts, ents, gazetteer, full) if keeps_walks(atts) else ({}, {})
    res = resolve_actors(atts, ents, load_gazetteer(knowledge), kept_walks=walks,
                         keep_walks=bool(walk_keys))  # kept walks replayed when what they read still holds
    keep_actor_walks(store, walk_keys, res.walks)
    walks = walk_keys = None
    res.walks.clear()
    all_actors, speakers = res.actors, speakers_by_article(res.speaker_of)
    clock("actors")
    pres = resolve_places(ents, entity_types=res.entity_types)
    res = None  # its speaker table, a (doc_id, index) key for every claim, is now a list an article
    clock("places")
    names = {a.id: a.name for a in all_actors}
    tax, issues_data, discovered = corpus_taxonomy(store, knowledge, n_issues, rediscover, all_actors, discovery,
                                                   spoken=spoken_by(speakers))
    discovery = None
    abouts = claim_issues(store, said, tax, exclude=people_names(all_actors), refit=rediscover, full=full)
    del said
    give_back()  # the issue model's fit
    clock("issues")
    claims = assemble_claims(kept_articles(atts, dates, ents, speakers), names, pres, abouts=abouts)
    abouts = None
    clock("claims")
    links: dict[str, str] = {}  # what linking keeps for the next resolution (graphkit.kept), stored with the rest
    claims = merge_reports(claims, keep_reports=True, consume=True,  # the originals are freed as copies are made
                           clusters=kept_report_clusters(store, links, full))
    clock("merge")
    contradictions = kept_contradictions(store, [c for c in claims if c.same_as is None],
                                         WINDOW_DAYS if window_days is None else window_days, links, full)
    clock("contradictions")
    keep_text_words(store, words_todo)
    keep_places(store, places_known)
    used_actors = {c.speaker_id for c in claims}
    actors = [a for a in all_actors if a.id in used_actors]
    used_places = {p for c in claims for p in c.places}
    places = [p for p in pres.places if p.name in used_places]
    issues = issue_records(tax)
    meta = {"knowledge": json.dumps(knowledge.describe()), "actors": json.dumps(actors_data),
            "issues": json.dumps(issues_data)}
    meta.update(links)
    if discovered:
        meta["discovered_issues"] = json.dumps({**issues_data, "n_issues": n_issues})
    store.replace_resolved(actors, places, issues, claims, contradictions, skipped, meta=meta, only_changed=not full)
    clock("write")
    return {"claims": sum(c.same_as is None for c in claims), "reports": len(claims), "actors": len(actors), "places": len(places), "issues": len(issues),
            "issues_discovered": discovered, "contradictions": len(contradictions)}


def read_resolution_inputs(store: Store, discovery: Optional[DiscoveryRows] = None, full: bool = False
                           ) -> tuple[dict[str, list], dict[str, list], dict[str, list], dict[str, list]]:
    """The one pass over the store's extractions: per article, what resolution reads of it (its attributions as
    compact rows (`graphkit.rows.AttributionRow`), its entities, each claim's (text, context) and its date as
    (date, precision, basis, text)); the rest of each extraction is not kept. Claims are assembled from these
    (`kept_articles`), not from a second reading of the store (which validated every extraction again).
    An article whose extraction is the one they were kept for (`graphkit.kept.KeptInputs`) is not validated
    again: its inputs are put back (``full``: every extraction is validated).
    ``discovery``, when issues are to be discovered (`will_discover`), gathers what discovery reads (`DiscoveryRows`:
    the claims' keyphrases, which are not kept, so every extraction is validated then)."""
    from .kept import KeptInputs

    atts: dict[str, list] = {}
    ents: dict[str, list] = {}
    said: dict[str, list] = {}
    dates: dict[str, list] = {}
    kept = KeptInputs(full=full or discovery is not None)
    for doc_id, data, key, blob in store.extractions_with_kept_inputs():
        inputs = kept.decoded(doc_id, data, key, blob)
        if inputs is None:
            ex = DocExtraction.model_validate_json(data)
            inputs = article_inputs(ex)
            if discovery is not None:
                discovery.add(doc_id, [(it.attribution.spans, it.phrases, it.context_phrases) for it in ex.items])
        atts[doc_id], said[doc_id], dates[doc_id], ents[doc_id] = inputs
    kept.keep(store, atts, said, dates, ents)
    return atts, ents, said, dates


def article_inputs(ex: DocExtraction) -> tuple[list, list, list, list]:
    """What resolution reads of one article's extraction: (its attributions as rows, each claim's (text, context),
    each claim's date row (`_date_row`), its entities with their strings interned)."""
    from .rows import AttributionRow

    return ([AttributionRow.of(it.attribution) for it in ex.items],  # slots: a fifth of a record's dict
            [(it.attribution.text, it.context) for it in ex.items],
            [_date_row(it.date) for it in ex.items],
            [(sys.intern(e[0]), sys.intern(e[1]), e[2], e[3]) for e in ex.entities])  # names recur


def _date_row(d: dict) -> tuple:
    """An item's resolved date as (date, precision, basis, text), its strings interned (dates recur)."""
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


def corpus_taxonomy(store: Store, knowledge, n_issues: Optional[int], rediscover: bool, speakers,
                    sample: Optional[DiscoveryRows] = None, spoken: Optional[dict[str, int]] = None) -> tuple:
    """(the Taxonomy claims are assigned with, its data as stored in meta ``issues``, whether it was discovered):
    the knowledge's issues, else the issues discovered in this store (`_discovered_issues`, from ``sample`` when
    the caller gathered it; ``spoken``: actor id → the claims it speaks)."""
    from .issues import taxonomy_from_data, taxonomy_of

    tax = taxonomy_of(knowledge)
    if tax.issues:
        return tax, knowledge.issues_data(), False
    data = _discovered_issues(store, None, n_issues, rediscover, speakers=speakers, sample=sample, spoken=spoken)
    return taxonomy_from_data(data, "issues discovered from the corpus", origin="discovered"), data, True


def will_discover(store: Store, knowledge, n_issues: Optional[int], rediscover: bool) -> bool:
    """Whether `corpus_taxonomy` will discover issues now: the knowledge names none and the store keeps none that
    stand (`kept_discovery`)."""
    from .issues import taxonomy_of

    return not taxonomy_of(knowledge).issues and kept_discovery(store, n_issues, rediscover) is None
