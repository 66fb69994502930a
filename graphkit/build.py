"""Corpus folder → store: read, parse what changed, then resolve the whole store into claims.

``build`` is incremental: an article whose bytes (sha256) and pipeline are
unchanged is not parsed again. Every parsed article is committed on its own,
so an interrupted build keeps what it finished and the next build resumes.
After parsing, ``resolve_store`` (graphkit.resolution) re-resolves actors, places,
issues, merged reports and contradictions across everything the store holds, reusing
what an earlier resolution kept of unchanged articles (graphkit.kept).

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

import json
import time
import warnings
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from .errors import GraphkitWarning
from .extract import DocExtraction
from .fingerprint import model_key, pipeline_key  # noqa: F401  (model_key: graphkit.distributed)
from .huge_articles import parse_view
from .ingest import IngestResult, read_corpus
from .inputs import check_store_path, record_inputs
from .issues import forget_words_ahead
from .kept import TEXTS_META, keep_text_answers, kept_text_answers
from .memory import fewer_collections, give_back, settle
from .parse_pool import ahead_left_out, parse_workers
from .records import Document, Skipped
from .resolution import ArrivedInputs, resolve_fingerprint, resolve_store
from .store import Store
from .store_issues import discovered_elsewhere, keep_discovered_from, learns_issues, will_discover
from .store_file import check_build_store, look_at_store, nothing_left_of_a_failed_create, writer_lock

#: the meta key of the stamp of the models files the last build read without error
#: (`graphkit.knowledge.check_models_files`)
MODELS_STAMP = "models_checked"


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
    #: discovery found no issue: why and what to do (`graphkit.discover.none_found`), else ""
    issues_none: str = ""
    #: the store's discovered issues were discovered from another extraction
    #: (`graphkit.store_issues.discovered_elsewhere`), so this build discovered them again from the articles it parsed
    #: again
    issues_rediscovered: bool = False
    contradictions: int = 0
    pruned: int = 0
    #: articles of the store whose file is gone from the corpus folder, kept (no ``prune``): `gone_articles`
    kept_gone: list[str] = field(default_factory=list)
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


def build(corpus, store_path, *, on_wait: Optional[Callable[[], None]] = None, issues=None, actors=None,
          knowledge=None, **options) -> BuildReport:
    """Build or update the store at ``store_path`` from the articles under ``corpus``.

    ``options`` are `update_store`'s (model, workers, batch_size, on_progress, extract, force, prune,
    n_issues, rediscover, window_days, full, parse_ahead).
    The corpus's own knowledge (graphkit.knowledge.Knowledge) is ``CORPUS/issues.yaml`` and
    ``CORPUS/actors.yaml`` when present; ``issues`` / ``actors`` name other files, ``knowledge``
    gives it whole.
    ``workers`` above this machine's cores parse in as many processes as the cores, with a warning saying so
    (`graphkit.parse_pool.parse_workers`; fewer than one is an error); ``parse_ahead`` with more than one worker or a
    cluster's ``extract`` is left out with a warning saying so (`graphkit.parse_pool.ahead_left_out`).
    A wrong corpus path, ``GRAPHKIT_MODELS`` naming no models folder, a missing or broken knowledge file
    (`graphkit.knowledge.check_models_files`, read again only when they changed), a ``model``
    that is not installed, or a store path that cannot be written (not a store, another graphkit's) fails before
    anything is made or written; a new store the build fails to put any article in is removed again. Then the build
    takes the store's writer lock (`graphkit.store_file.writer_lock`): a second build of the same store waits for the
    first, calling ``on_wait`` once, and parses only what is still new.
    """
    from .knowledge import Knowledge, check_models, check_models_files
    from .nlp import pipeline_folder

    check_models()
    options["workers"], note = parse_workers(options.get("workers", 1))  # at least one, at most this machine's cores
    ahead_note = ahead_left_out(options["workers"], options.get("extract") is not None) \
        if options.get("parse_ahead") else None
    if ahead_note:  # the workers parse in processes of their own: said, not dropped without a word
        options["parse_ahead"] = False
    for said in (note, ahead_note):  # to a notebook or script (the command line says both itself, so not twice)
        if said:
            warnings.warn(said, GraphkitWarning, stacklevel=2)
    check_store_path(corpus, store_path)
    look = look_at_store(store_path, (MODELS_STAMP, TEXTS_META))  # the store's one read before the build takes it
    models_stamp = check_models_files(look.meta.get(MODELS_STAMP))
    if options.get("extract") is None:  # a Dask cluster's workers load the pipeline, not this machine
        pipeline_folder(options.get("model"))
    with parse_pool_ahead(options.get("model"), options.get("workers", 1), options.get("extract"),
                          batch_size=options.get("batch_size", 16)) as pool:
        reuse = not (options.get("full") or options.get("force"))  # --full and --force read every text through
        corpus_read = read_corpus(corpus, answers=kept_text_answers(look) if reuse else None)
        if knowledge is None:
            knowledge = Knowledge.for_corpus(corpus, issues=issues, actors=actors)
        check_build_store(store_path, look)
        with writer_lock(store_path, on_wait), fewer_collections():  # graphkit.memory: the collector runs less often
            with nothing_left_of_a_failed_create(store_path):
                return update_store(corpus_read, store_path, knowledge=knowledge, pool=pool, models_stamp=models_stamp,
                                    **options)


def parse_pool_ahead(model: Optional[str], workers: int, extract: Optional[Callable] = None, *, batch_size: int = 16):
    """A context giving the build's `graphkit.parse_pool.ParsePool`, forked now (None where the build parses in one
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
    from .parse_pool import ParsePool

    return ParsePool(model, workers, batch_size=batch_size)


def update_store(corpus_read: IngestResult, store_path, *, model: Optional[str] = None, workers: int = 1,
                 batch_size: int = 16, on_progress: Optional[Callable[[int, int], None]] = None,
                 extract: Optional[Callable] = None, force: bool = False, prune: bool = False, knowledge=None,
                 n_issues: Optional[int] = None, rediscover: bool = False,
                 window_days: Optional[int] = None, full: bool = False, parse_ahead: bool = False,
                 pool=None, models_stamp: Optional[str] = None) -> BuildReport:
    """Parse the articles of ``corpus_read`` (`read_corpus`) that changed into the store, then re-resolve it.

    Callers hold the store's writer lock (`build` does).
    ``pool``: a `graphkit.parse_pool.ParsePool` the caller forked ahead (`parse_pool_ahead`) to parse the changed
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
    a number chosen from the data) once, and kept while the articles' extraction key is the one they were discovered
    from: ``rediscover`` discovers them again, and so does a build under another key (a new graphkit extraction
    version, spaCy pipeline or models/ file parses every article again; `graphkit.store_issues.discovered_elsewhere`,
    the report's ``issues_rediscovered``), which then gives what a fresh build of the corpus gives.
    ``window_days``: claims of two articles further apart are never linked as contradicting (None:
    ``graphkit.contradict.WINDOW_DAYS``); a change re-resolves.
    ``full``: resolve everything again, reusing nothing a previous resolution kept (`resolve_store`); the
    result is the same as an incremental one, which is what the tests check.
    ``models_stamp``: what `graphkit.knowledge.check_models_files` returned for the models it read without error;
    kept in the store (meta `MODELS_STAMP`) for the next build's check.
    ``parse_ahead`` (one process): spaCy parses the next articles in a thread while this one is extracted and
    written (`graphkit.nlp.pipe_ahead`; the same store). Off by default: on the loaded 2-core machine it was
    no faster, the GIL serialising more than the matrix products free (run BR: slower in three paired rounds of four
    with another job running, +0.5-0.7 CPU s; quiet, 0.6-0.9 s faster); ``bench/pair_options.py`` pairs both.
    """
    from .contradict import WINDOW_DAYS, window_days_of
    from .discover import n_issues_of
    from .knowledge import Knowledge, models_dir

    knowledge = knowledge or Knowledge()
    # a negative window linked nothing without a word, n_issues=0 discovered in silence: refused in one line
    # before the store is opened
    window_days = WINDOW_DAYS if window_days is None else window_days_of(window_days)
    n_issues = n_issues_of(n_issues)  # None: the build chooses how many
    res = corpus_read
    report = BuildReport(articles=len(res.documents), skipped=list(res.skipped))
    key = pipeline_key(model)
    with Store(store_path, create=True) as store:
        if models_stamp is not None and store.get_meta(MODELS_STAMP) != models_stamp:
            store.set_meta(MODELS_STAMP, models_stamp)
        if res.root is not None:  # what no output may be written over (graphkit.inputs)
            record_inputs(store, res.root, [f for f in (knowledge.issues, knowledge.actors) if f is not None],
                          [models_dir()])
        known = store.hashes()
        # (the store's meta first: a rebuild of unchanged articles reads no knowledge file's YAML)
        if not rediscover and discovered_elsewhere(store, key, known) and learns_issues(knowledge):
            rediscover = report.issues_rediscovered = True  # a fresh build's issues, not another extraction's
        todo = changed_documents(store, res.documents, known, key, force)
        report.unchanged = len(res.documents) - len(todo)
        keep_text_answers(store, res.answers)  # what reading the texts worked out, for the next build's read
        gone, renamed = gone_articles(known, res.documents)
        if prune:
            store.remove_articles(gone)
            report.pruned = len(gone)
        else:
            report.kept_gone = gone
            report.skipped += renamed
        if pool is not None and (not todo or extract is not None):
            pool.close()  # nothing for it to parse: its host goes now, not after the resolution
            pool = None
        t0 = time.perf_counter()
        fits = bool(todo) and extract is None and fits_issue_model(store, knowledge, len(set(known).union(
            d.id for d in todo)), rediscover)
        # asked once: the parse's workers take discovery's rows when it runs, and the resolution gathers them
        discovers = will_discover(store, knowledge, n_issues, rediscover) if todo else None
        try:
            report.parsed, arrived = parse_changed(store, todo, key, model=model, workers=workers,
                                                   batch_size=batch_size, on_progress=on_progress, extract=extract,
                                                   parse_ahead=parse_ahead, pool=pool, warm_issue_model=fits,
                                                   discovers=bool(discovers),
                                                   learns=bool(todo) and learns_issues(knowledge))  # (else no YAML)
            report.parse_seconds = time.perf_counter() - t0
            t0 = time.perf_counter()
            counts = resolve_if_changed(store, report.skipped, knowledge, n_issues=n_issues, window_days=window_days,
                                        again=force or rediscover or full, rediscover=rediscover, full=full,
                                        arrived=arrived, discovers=discovers)
        finally:  # what the arrivals worked out ahead (graphkit.resolution.work_ahead) outlives no build
            forget_words_ahead()
        report.resolve_seconds = time.perf_counter() - t0
        for k, v in counts.items():
            setattr(report, k, v)
        if report.issues_discovered:
            keep_discovered_from(store, key)
    return report


def gone_articles(known: dict, documents: list[Document]) -> tuple[list[str], list[Skipped]]:
    """(the ids of the store's articles whose file is gone from the corpus folder, the problem of each article of the
    folder whose file holds the same bytes as one of those: a file renamed since, which the store holds under both
    names, each of its claims reported twice, until a build with ``prune`` drops the old one). ``known``:
    `Store.hashes`; ``documents``: the corpus as read now.

    >>> from graphkit.records import Document
    >>> doc = lambda i, sha: Document(id=i, path=f"{i}.txt", format="txt", sha256=sha * 64, text="x")
    >>> gone, renamed = gone_articles({"fares": ("a" * 64, None), "old": ("b" * 64, None), "kept": ("c" * 64, None)},
    ...                               [doc("fares-2025", "a"), doc("kept", "c")])
    >>> gone, [(s.path, s.reason[:40]) for s in renamed]
    (['fares', 'old'], [('fares-2025.txt', "the same text as 'fares', an article of ")])
    """
    gone = sorted(set(known) - {d.id for d in documents})
    held = {known[g][0]: g for g in reversed(gone)}  # the first gone article of the same bytes
    renamed = [Skipped(path=d.path, degraded=True, reason=(
        f"the same text as '{held[d.sha256]}', an article of the store whose file is gone (renamed?): the store holds "
        f"both, each claim of it reported twice; build with --prune to drop '{held[d.sha256]}'"))
        for d in documents if d.sha256 in held]
    return gone, renamed


def changed_documents(store: Store, documents: list[Document], known: dict, key: str, force: bool = False
                      ) -> list[Document]:
    """The ``documents`` to parse: those whose bytes, publication date (claim dates are resolved against it) or
    extraction ``key`` differ from what the store holds (``known``: `Store.hashes`), or all with ``force``. Each of
    the others is written back as read now (its title, source ... may have changed) and is not parsed again.

    >>> import tempfile, pathlib
    >>> from graphkit.ingest import read_corpus
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Sergey Lavrov said Europe was to blame for the war.")
    >>> _ = build(d, d / "s.gk")
    >>> docs = read_corpus(d).documents
    >>> with Store(d / "s.gk") as store:
    ...     same = changed_documents(store, docs, store.hashes(), pipeline_key())
    ...     other = changed_documents(store, docs, store.hashes(), "another extraction key")
    >>> same, [doc.id for doc in other]
    ([], ['a'])
    """
    published = store.published()
    todo = []
    for d in documents:
        sha, mkey = known.get(d.id, (None, None))
        same_date = published.get(d.id) == (d.published.isoformat() if d.published else None)
        if not force and sha == d.sha256 and mkey == key and same_date:
            store.update_document(d)
        else:
            todo.append(d)
    return todo


def parse_changed(store: Store, todo: list[Document], key: str, *, model: Optional[str] = None, workers: int = 1,
                  batch_size: int = 16, on_progress: Optional[Callable[[int, int], None]] = None,
                  extract: Optional[Callable] = None, parse_ahead: bool = False, pool=None,
                  warm_issue_model: bool = False, discovers: bool = False, learns: bool = False
                  ) -> tuple[int, Optional[ArrivedInputs]]:
    """Parse the changed Documents ``todo`` and store each extraction as it comes (`write_extractions`), stamped
    with the extraction ``key``; returns how many, and what the resolution reads of them when the workers sent them
    (`graphkit.resolution.ArrivedInputs`, else None: the resolution reads the store).

    Locally the parse runs in ``pool`` (`parse_pool_ahead`) or ``workers`` processes, else in this one (after
    loading the pipeline, whose own key then stamps the output); ``extract`` replaces it (a Dask cluster). While
    spaCy parses in workers or ahead in a thread (``parse_ahead``), what the resolution needs is loaded in a thread
    (`warm_resolution`; scikit-learn too with ``warm_issue_model``: `fits_issue_model`), and joined before returning;
    with ``parse_ahead`` it starts before the parse's thread does (scikit-learn is imported with its stand-ins only
    while this is the process's one thread). A one-process parse without a thread warms nothing: the resolution loads
    what it needs when it needs it (bench/README.md, run BU). ``discovers``: the resolution will
    discover issues (`graphkit.store_issues.will_discover`), so discovery's rows are taken from the workers' records
    too; ``learns``: its issues are learnt ones (`graphkit.store_issues.learns_issues`), so what the issue model reads
    of each claim is worked out as the records arrive.

    >>> import tempfile, pathlib
    >>> from graphkit.ingest import read_corpus
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Sergey Lavrov said Europe was to blame for the war.")
    >>> with Store(d / "s.gk", create=True) as store:
    ...     parsed = parse_changed(store, read_corpus(d).documents, pipeline_key())
    ...     stored = store.count("extractions")
    >>> parsed, stored   # one article parsed in this process (no workers' records: the resolution reads the store)
    ((1, None), 1)
    """
    if not todo:
        return 0, None
    by_id = {d.id: d for d in todo}
    warming = arrived = None
    if extract is None:
        from .nlp import load_pipeline
        from .parse_pool import AHEAD_MAX_CHARS, extract_documents_parallel, longest_first
        from .parsing import extract_documents

        views = [parse_view(d) for d in todo]
        if pool is not None and sum(len(v.text) for v in views) > AHEAD_MAX_CHARS:
            pool.close()  # too much for its pipe: a pool forked below shares the documents copy-on-write
            pool = None

        def warm():  # while spaCy parses, load what resolution needs
            nonlocal warming
            warming = warm_resolution(issue_model=warm_issue_model)

        if pool is not None or workers > 1 and len(views) > 1:  # the whole extraction in workers; this writes
            # dealt and written longest first: the workers end together (the store does not depend on order)
            stream = extract_documents_parallel(longest_first(views), model, workers=workers,
                                                batch_size=batch_size, started=warm, pool=pool)
            arrived = ArrivedInputs(discovers=discovers, learns=learns)  # what the resolution reads, as they arrive
        else:
            nlp = load_pipeline(model)
            settle()  # graphkit.memory: the collector does not walk the pipeline again in this build
            key = model_key(nlp)
            stream = extract_documents(views, nlp, batch_size=batch_size, ahead=parse_ahead)
            if parse_ahead:  # now, while this is the one thread: scikit-learn's import keeps its stand-ins
                warm()
            # else nothing beside the parse on this thread (run BU, bench/README.md): started after the first
            # article, the warm-up (scikit-learn's import here, then a thread loading wordfreq's English list, the
            # place indexes and the nicknames table) cost the parse's thread ~1.0 CPU s and ~0.6 s of system CPU more
            # on PolNeAR dev, where the same loads in the resolution cost +0.56: the build -1.15 CPU s, peak -127 MB
    else:
        stream = extract([parse_view(d) for d in todo])  # a huge article: only the lines that can hold claims
    from .nlp import one_blas_thread

    with one_blas_thread():  # the workers keep to one thread too (graphkit.parse_pool._load_worker)
        parsed = write_extractions(store, stream, by_id, key, on_progress=on_progress, arrived=arrived)
    if warming is not None:
        warming.join()
    if parsed:
        give_back()  # what spaCy and the extraction records freed, before resolution allocates
    return parsed, arrived


def resolve_if_changed(store: Store, skipped: list[Skipped], knowledge, *, n_issues: Optional[int] = None,
                       window_days: int, again: bool = False, rediscover: bool = False, full: bool = False,
                       arrived: Optional[ArrivedInputs] = None, discovers: Optional[bool] = None) -> dict[str, int]:
    """Resolve the store's claims across articles (`graphkit.resolution.resolve_store`) unless nothing it depends on
    changed since the last resolution (`resolve_fingerprint`) and not ``again``; returns the counts the resolution
    stored (claims, reports, actors ...), the last one's when it was not run (`stored_counts`). ``discovers``: what
    the build asked `graphkit.store_issues.will_discover` (None: not asked; the resolution asks).

    >>> import tempfile, pathlib
    >>> from graphkit.knowledge import Knowledge
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Sergey Lavrov said Europe was to blame for the war.")
    >>> _ = build(d, d / "s.gk")
    >>> from graphkit.contradict import WINDOW_DAYS
    >>> with Store(d / "s.gk") as store:   # nothing changed since the build's resolution: its counts, not run again
    ...     counts = resolve_if_changed(store, [], Knowledge(), window_days=WINDOW_DAYS)
    ...     again = resolve_if_changed(store, [], Knowledge(), window_days=WINDOW_DAYS, again=True)
    >>> counts["claims"], again == counts
    (1, True)
    """
    fingerprint = resolve_fingerprint(store, skipped, knowledge, n_issues, window_days)
    counts = stored_counts(store) if not again and store.get_meta("resolved_fingerprint") == fingerprint else None
    if counts is None:
        counts = resolve_store(store, skipped=skipped, knowledge=knowledge, n_issues=n_issues,
                               rediscover=rediscover, window_days=window_days, full=full, arrived=arrived,
                               discovers=discovers)
        store.set_meta("resolved_counts", json.dumps(counts, sort_keys=True))
        store.set_meta("resolved_fingerprint", fingerprint)
    return counts


def write_extractions(store: Store, stream: Iterable[DocExtraction], documents: dict, key: str, *,
                      on_progress: Optional[Callable[[int, int], None]] = None,
                      arrived: Optional[ArrivedInputs] = None) -> int:
    """Store each extraction of ``stream`` with its Document (``documents``: doc_id → Document) as it comes,
    calling ``on_progress(done, len(documents))`` after each; returns how many.
    ``arrived`` takes what the resolution reads of each (`graphkit.resolution.ArrivedInputs`).
    Each extraction is dropped once written: a 5 MB article's (86,565 claims as records, ~0.4 GB) was kept
    alive through the whole resolution by the loop variable of the caller's frame."""
    done = 0
    for ex in stream:
        data, doc_id = ex.model_dump_json(), ex.doc_id
        if arrived is not None:
            arrived.add(ex)
        ex = None  # the records go before the store copies the JSON
        store.put_article(documents[doc_id], data, key)
        data = None
        done += 1
        if on_progress:
            on_progress(done, len(documents))
    return done


def warm_resolution(issue_model: bool = False):
    """Start loading what `resolve_store` needs, in a thread: its modules, the place indexes and the nicknames table
    (every resolution reads them), and with ``issue_model`` what discovering issues and fitting the issue model need
    (`fits_issue_model`): scikit-learn (`graphkit.issue_learning.import_sklearn`: about 1 CPU s of imports, without the
    pandas and ``scipy.stats`` it would load for nothing, which it can only leave out while no other thread runs: so
    here, before the thread starts, when this is the process's one thread), SciPy's clustering and the English word
    frequencies (`graphkit.topical.keyness`, 0.3-0.5 CPU s the first time). A build runs it while spaCy parses in
    worker processes (this process waits for them meanwhile) or in its own thread (``parse_ahead``), so that the
    resolution after the parse, which nothing overlaps, does not pay for them; never beside a parse on this thread
    (`parse_changed`: it cost that thread more than the resolution saved).
    Returns the started thread (join it); whatever fails here is left for the resolution to meet and report.

    The place indexes were left out of it for a while: tests/test_crash.py's SIGKILLed builds left a store that
    would not open at once ("database disk image is malformed"), and this thread was suspected; the cause was
    elsewhere (a plain open()/close() of the store file dropped the process's SQLite locks,
    `graphkit.store_file.open_here`).

    >>> from graphkit.given_names import _listed_given_names
    >>> _listed_given_names.cache_clear()
    >>> warm_resolution().join()
    >>> _listed_given_names.cache_info().currsize   # loaded here, not by the resolution after the parse
    1
    """
    import threading

    from .issue_learning import import_sklearn, warm_fit
    from .standins import sole_thread

    if issue_model and sole_thread():
        import_sklearn()  # its stand-ins for pandas and scipy.stats seen by no other thread (0.6 CPU s, not 1.5)

    def load():
        try:
            from . import contradict, places, resolve, statements  # noqa: F401

            places.load_place_config()
            places._geonames()  # the geonames indexes, from their cache file (graphkit.places)
            # the nicknames table the actor pass reads (graphkit.given_names._listed_given_names, ~0.07 CPU s the first
            # time): a one-process build's extraction loaded it already; a --workers build's own process parses
            # nothing, so its resolution, the one-core tail of the command, met it cold
            from .given_names import listed_given_name

            listed_given_name("Nick")
            if issue_model:
                # wordfreq first: its import would look at every frame of the stack and every module loaded
                from .standins import import_wordfreq

                import_wordfreq().word_frequency("the", "en")  # loads the English frequency list (cached by wordfreq)
                import scipy.cluster.hierarchy  # noqa: F401  (graphkit.clustering)

                import_sklearn()  # done above, else (another thread runs: the parse ahead) as scikit-learn imports
                warm_fit()  # what its first fit looks up once (graphkit.issue_learning.warm_fit)
        except Exception:  # noqa: BLE001  resolution imports them again and says what is wrong
            pass

    t = threading.Thread(target=load, name="graphkit-warm-resolution", daemon=True)
    t.start()
    return t


def fits_issue_model(store: Store, knowledge, articles: int, rediscover: bool = False) -> bool:
    """Whether this build's resolution will most likely fit an issue model (`kept_issue_model`), so that warming
    scikit-learn during the parse pays: the knowledge names no issue (they are discovered), the store keeps no
    model yet (or ``rediscover``), and the store will hold at least `graphkit.topical.SPREAD_MIN_ARTICLES`
    ``articles``. A smaller corpus often has too few claims for a model, and warming it for nothing cost 10 s
    of waiting on 8 PolNeAR articles under load; a wrong guess costs only the import.
    """
    from .topical import SPREAD_MIN_ARTICLES

    if articles < SPREAD_MIN_ARTICLES or not learns_issues(knowledge):
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
