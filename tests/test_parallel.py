"""Local worker processes (`graphkit.parse_pool.extract_documents_parallel`): the one-process extractions, in input
order; a pipeline that cannot load says so; a caller that stops early leaves no process behind."""

from __future__ import annotations

import multiprocessing as mp

import pytest
from checkout_paths import CORPUS

from graphkit.errors import ModelNotFound
from graphkit.parse_pool import extract_documents_parallel
from graphkit.parsing import extract_documents
from graphkit.huge_articles import parse_view
from graphkit.ingest import read_corpus
from graphkit.nlp import load_pipeline



@pytest.fixture(scope="module")
def documents():
    return [parse_view(d) for d in read_corpus(CORPUS).documents]


@pytest.mark.slow
@pytest.mark.parametrize("workers, batch", [(2, 1), (3, 2)])  # more batches than workers: order is restored
def test_workers_give_the_one_process_extractions_in_order(documents, workers, batch):
    one = [ex.model_dump_json() for ex in extract_documents(documents, load_pipeline())]
    many = [ex.model_dump_json() for ex in extract_documents_parallel(documents, workers=workers, batch=batch)]
    assert many == one


@pytest.mark.parametrize("model, error", [("/nonexistent/pipeline", ModelNotFound)])
def test_a_pipeline_the_workers_cannot_load_is_the_callers_error(documents, model, error):
    with pytest.raises(error, match="not installed or not readable"):
        list(extract_documents_parallel(documents, model=model, workers=2))
    assert mp.active_children() == []


@pytest.mark.slow
@pytest.mark.parametrize("taken", [1])
def test_a_caller_that_stops_early_leaves_no_process(documents, taken):
    stream = extract_documents_parallel(documents, workers=2, batch=1)
    got = [next(stream) for _ in range(taken)]
    stream.close()
    assert [ex.doc_id for ex in got] == [d.id for d in documents[:taken]]
    assert mp.active_children() == []


@pytest.mark.slow
@pytest.mark.parametrize("n", [2])
def test_spawned_workers_where_the_platform_cannot_fork(documents, n):
    """macOS and Windows spawn processes: each worker loads the pipeline itself (`_spawned_extract`)."""
    from graphkit.parse_pool import _spawned_extract

    one = [ex.model_dump_json() for ex in extract_documents(documents[:n], load_pipeline())]
    assert [ex.model_dump_json() for ex in _spawned_extract(documents[:n], None, 2, 1, 16, None)] == one


@pytest.mark.parametrize("wait", [0.0, 1.0])  # stopped while its host loads the pipeline / once it waits for documents
def test_a_pool_given_nothing_leaves_no_process(wait):
    """`graphkit.build` forks its pool before it knows what changed; with nothing to parse the pool just goes."""
    import time

    from graphkit.parse_pool import ParsePool

    with ParsePool(workers=2):
        time.sleep(wait)
    assert mp.active_children() == []


@pytest.mark.slow
def test_a_rebuild_with_workers_and_nothing_changed_parses_nothing_and_leaves_no_process(tmp_path):
    from graphkit.build import build

    first = build(CORPUS, tmp_path / "s.gk", workers=2)
    again = build(CORPUS, tmp_path / "s.gk", workers=2)
    assert (first.parsed > 0, again.parsed, again.claims) == (True, 0, first.claims)
    assert mp.active_children() == []


@pytest.mark.slow
def test_a_corpus_too_large_for_the_pool_pipe_is_parsed_by_a_pool_forked_with_it(tmp_path, monkeypatch):
    """Over `AHEAD_MAX_CHARS` the pool forked ahead goes and one forked once the corpus is read shares it
    copy-on-write: the same store either way."""
    import graphkit.parse_pool as parse_pool
    from graphkit.build import build
    from graphkit.store import Store

    ahead = build(CORPUS, tmp_path / "ahead.gk", workers=2)
    monkeypatch.setattr(parse_pool, "AHEAD_MAX_CHARS", 0)
    forked = build(CORPUS, tmp_path / "forked.gk", workers=2)
    with Store(tmp_path / "ahead.gk") as a, Store(tmp_path / "forked.gk") as b:
        assert list(a.extractions()) == list(b.extractions())
    assert (forked.parsed, forked.claims) == (ahead.parsed, ahead.claims)
    assert mp.active_children() == []


@pytest.mark.slow
def test_a_workers_build_deals_the_longest_articles_first(tmp_path, monkeypatch):
    """The workers get the articles longest first (`graphkit.parse_pool.longest_first`), so they end on the shortest;
    the store is the one a build in one process writes (tests/test_determinism.py)."""
    import graphkit.parse_pool as parse_pool
    from graphkit.build import build

    dealt = []
    real = parse_pool.extract_documents_parallel

    def watched(documents, *a, **k):
        dealt.extend(documents)
        return real(documents, *a, **k)

    monkeypatch.setattr(parse_pool, "extract_documents_parallel", watched)
    build(CORPUS, tmp_path / "s.gk", workers=2)
    lengths = [len(d.text) for d in dealt]
    assert len(dealt) == len(read_corpus(CORPUS).documents) and lengths == sorted(lengths, reverse=True)


@pytest.mark.slow
@pytest.mark.parametrize("n", [2])
def test_the_caller_goes_on_once_the_last_extraction_is_in_and_leaving_reaps_the_host(documents, monkeypatch, n):
    """`ParsePool.extract` ends with the last extraction, not with the pool host's exit (the host then reaps its
    workers and exits on its own, ~0.1 s a build resolves instead of waiting); leaving the pool reaps it. Here the
    host lingers after its work until told: the extractions are all in while it is still there."""
    import graphkit.parse_pool as parse_pool

    ctx = mp.get_context("fork")
    release = ctx.Event()
    real = parse_pool._pool_host

    def lingering(*a, **k):
        real(*a, **k)
        release.wait(60)  # the old `extract` joined the host: it got its last extraction only after this wait

    monkeypatch.setattr(parse_pool, "_pool_host", lingering)
    with parse_pool.ParsePool(workers=2) as pool:
        got = [ex.doc_id for ex in pool.extract(documents[:n])]
        still_there = pool.host.is_alive()
        release.set()
    assert (got, still_there) == ([d.id for d in documents[:n]], True)
    assert mp.active_children() == []
