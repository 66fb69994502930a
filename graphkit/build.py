"""Corpus folder → store: read, parse what changed, then resolve the whole store into claims.

``build`` is incremental: an article whose bytes (sha256) and pipeline are
unchanged is not parsed again. Every parsed article is committed on its own,
so an interrupted build keeps what it finished and the next build resumes.
After parsing, ``resolve_store`` re-resolves actors, places, issues, merged
reports and contradictions across everything the store holds.

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
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from .extract import DocExtraction
from .fingerprint import model_key, pipeline_key, resolution_key  # noqa: F401  (model_key: graphkit.distributed)
from .ingest import IngestResult, parse_view, read_corpus
from .records import Claim, Skipped
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
    contradictions: int = 0
    pruned: int = 0
    parse_seconds: float = 0.0
    resolve_seconds: float = 0.0

    @property
    def failed(self) -> list[Skipped]:
        """Files that were not read at all (not merely degraded)."""
        return [s for s in self.skipped if not s.degraded]


def claim_id(doc_id: str, spans) -> str:
    """Stable claim id from the article and the content offsets.

    >>> claim_id("003", [(10, 20)])
    'c_18f4f8a88b274439'
    """
    key = doc_id + ":" + ";".join(f"{s}-{e}" for s, e in spans)
    return "c_" + hashlib.sha1(key.encode()).hexdigest()[:16]


def build(corpus, store_path, *, on_wait: Optional[Callable[[], None]] = None, **options) -> BuildReport:
    """Build or update the store at ``store_path`` from the articles under ``corpus``.

    ``options`` are `update_store`'s (model, workers, batch_size, on_progress, extract, force, prune, knowledge).
    A wrong corpus path or a file that is not a store fails before anything is written. Then the
    build takes the store's writer lock (`graphkit.store.writer_lock`): a second build of the same
    store waits for the first, calling ``on_wait`` once, and parses only what is still new.
    """
    corpus_read = read_corpus(corpus)
    check_store_file(Path(store_path), create=True)
    with writer_lock(store_path, on_wait):
        return update_store(corpus_read, store_path, **options)


def update_store(corpus_read: IngestResult, store_path, *, model: Optional[str] = None, workers: int = 1,
                 batch_size: int = 16, on_progress: Optional[Callable[[int, int], None]] = None,
                 extract: Optional[Callable] = None, force: bool = False, prune: bool = False,
                 knowledge: Iterable = ()) -> BuildReport:
    """Parse the articles of ``corpus_read`` (`read_corpus`) that changed into the store, then re-resolve it.

    Callers hold the store's writer lock (`build` does).
    ``extract`` replaces local parsing (e.g. the Dask runner in graphkit.distributed): a callable
    taking a list of Documents and yielding DocExtractions.

    An article whose file is gone from the corpus stays in the store (a corpus folder may be
    a partial checkout or a rotating feed); ``prune=True`` removes it and its claims.
    An article is parsed again when its bytes, its publication date (claim dates are resolved
    against it) or its extraction key (`graphkit.fingerprint`: the spaCy pipeline, graphkit's
    extraction version, models/cues.yaml, issues.yaml, the filter weights and the ``knowledge`` files
    a caller adds, e.g. a corpus' own issues.yaml) change. The cross-article resolution is skipped
    when neither the extractions, the knowledge files nor the skipped files changed since the last
    one; the summary then gives the counts that resolution stored.
    """
    res = corpus_read
    report = BuildReport(articles=len(res.documents), skipped=list(res.skipped))
    knowledge = list(knowledge)
    key = pipeline_key(model, knowledge)
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
        if prune:
            gone = sorted(set(known) - {d.id for d in res.documents})
            store.remove_articles(gone)
            report.pruned = len(gone)
        by_id = {d.id: d for d in todo}
        t0 = time.perf_counter()
        if todo:
            if extract is None:
                from .extract import extract_documents, extract_documents_parallel
                from .nlp import load_pipeline

                nlp = load_pipeline(model)
                key = model_key(nlp, knowledge)
                views = [parse_view(d) for d in todo]
                if workers > 1 and len(views) > 1:  # whole extraction in each worker; the parent only writes
                    stream = extract_documents_parallel(views, model, workers=workers, batch_size=batch_size)
                else:
                    stream = extract_documents(views, nlp, batch_size=batch_size)
            else:
                stream = extract([parse_view(d) for d in todo])  # a huge article: only the lines that can hold claims
            for ex in stream:
                store.put_article(by_id[ex.doc_id], ex.model_dump_json(), key)
                report.parsed += 1
                if on_progress:
                    on_progress(report.parsed, len(todo))
        report.parse_seconds = time.perf_counter() - t0
        t0 = time.perf_counter()
        fingerprint = resolve_fingerprint(store, report.skipped, knowledge)
        counts = stored_counts(store) if not force and store.get_meta("resolved_fingerprint") == fingerprint else None
        if counts is None:
            counts = resolve_store(store, skipped=report.skipped)
            store.set_meta("resolved_counts", json.dumps(counts, sort_keys=True))
            store.set_meta("resolved_fingerprint", fingerprint)
        report.resolve_seconds = time.perf_counter() - t0
        for k, v in counts.items():
            setattr(report, k, v)
    return report


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


def resolve_fingerprint(store: Store, skipped: Iterable[Skipped] = (), knowledge: Iterable = ()) -> str:
    """What the resolved layer is a function of: every extraction (by hash and key), `resolution_key`, skipped files.

    `Store.put_article` and `Store.remove_articles` also clear the stored fingerprint, so any
    change to an extraction (e.g. a re-parse for a new publication date) re-resolves.
    """
    h = hashlib.sha256(resolution_key(knowledge).encode())
    for doc_id, sha, mkey in store.extraction_keys():
        h.update(f"{doc_id}\0{sha}\0{mkey}\n".encode())
    for s in sorted(skipped, key=lambda s: s.path):
        h.update(f"{s.path}\0{s.reason}\0{s.degraded}\n".encode())
    return h.hexdigest()


def load_extractions(store: Store) -> dict[str, DocExtraction]:
    return {doc_id: DocExtraction.model_validate_json(data) for doc_id, data in store.extractions()}


def assemble_claims(extractions: dict[str, DocExtraction], actor_names: dict, speaker_of: dict,
                    pres) -> list[Claim]:
    """Per-article attributions + resolved speakers + resolved places (`pres`) → Claim records (unmerged)."""
    from .places import place_mentions, places_in

    claims = []
    for doc_id in sorted(extractions):
        ex = extractions[doc_id]
        mentions = place_mentions(ex.entities, pres) if ex.items else []
        for i, item in enumerate(ex.items):
            a = item.attribution
            actor_id = speaker_of[(doc_id, i)]
            d = item.date
            claims.append(Claim(
                id=claim_id(doc_id, a.spans), doc_id=doc_id, speaker=actor_names[actor_id], speaker_id=actor_id,
                speaker_span=a.speaker_span, speaker_text=a.speaker_text, role=a.role, text=a.text, spans=a.spans,
                kind=a.claim_kind, cue=a.cue, cue_span=a.cue_span, stance=a.stance,
                date=d.get("date"), date_precision=d.get("precision"), date_basis=d.get("basis") or "unknown",
                date_text=d.get("text"), sentence_span=a.sentence_span,
                issues=tuple(dict.fromkeys(name for name, _ in item.issues)),
                issue_triggers=tuple((name, trig) for name, trig in item.issues),
                places=tuple(places_in(a.spans, ex.entities, pres, mentions=mentions)),
            ))
    return claims


def resolve_store(store: Store, skipped: Iterable[Skipped] = ()) -> dict[str, int]:
    """Re-resolve actors, places, issues, merged reports and contradictions over the whole store."""
    from .issues import issue_records, load_taxonomy
    from .link import find_contradictions, merge_reports
    from .places import resolve_places
    from .resolve import resolve_actors

    extractions = load_extractions(store)
    atts = {doc_id: [it.attribution for it in ex.items] for doc_id, ex in extractions.items()}
    ents = {doc_id: [tuple(e) for e in ex.entities] for doc_id, ex in extractions.items()}
    res = resolve_actors(atts, ents)
    pres = resolve_places(ents, entity_types=res.entity_types)
    names = {a.id: a.name for a in res.actors}
    claims = assemble_claims(extractions, names, res.speaker_of, pres)
    claims = merge_reports(claims, keep_reports=True)
    actors_by_id = {a.id: a for a in res.actors}
    contradictions = find_contradictions([c for c in claims if c.same_as is None], actors_by_id)
    used_actors = {c.speaker_id for c in claims}
    actors = [a for a in res.actors if a.id in used_actors]
    used_places = {p for c in claims for p in c.places}
    places = [p for p in pres.places if p.name in used_places]
    issues = issue_records(load_taxonomy())
    store.replace_resolved(actors, places, issues, claims, contradictions, skipped)
    return {"claims": sum(c.same_as is None for c in claims), "reports": len(claims), "actors": len(actors), "places": len(places), "issues": len(issues),
            "contradictions": len(contradictions)}
