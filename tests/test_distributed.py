"""Parsing on a real Dask cluster (LocalCluster, two worker processes) gives the store a local build gives."""

from __future__ import annotations

import shutil
import sys

import pytest

distributed = pytest.importorskip("distributed")

from graphkit.build import build, pipeline_key  # noqa: E402
from graphkit.distributed import dask_extractor, extract_batch  # noqa: E402
from graphkit.export import write_claims_jsonl  # noqa: E402
from graphkit.store import Store  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as cluster, distributed.Client(cluster) as c:
        yield c


def jsonl(store, path):
    with Store(store, readonly=True) as s:
        write_claims_jsonl(s.claims(), path)
    return path.read_bytes()


def extractions(store):
    with Store(store, readonly=True) as s:
        return dict(s.extractions())


@pytest.mark.slow
@pytest.mark.parametrize("batch", [2])  # 5 articles in 3 batches over 2 workers: order must be restored
def test_dask_build_equals_single_process_build(client, sample_store, tmp_path, batch):
    corpus = tmp_path / "corpus"
    shutil.copytree(sample_store.parent / "corpus", corpus)
    rep = build(corpus, tmp_path / "dask.gk", extract=dask_extractor(client, batch=batch))
    assert (rep.parsed, rep.articles) == (5, 5)
    assert extractions(tmp_path / "dask.gk") == extractions(sample_store)
    assert jsonl(tmp_path / "dask.gk", tmp_path / "dask.jsonl") == jsonl(sample_store, tmp_path / "local.jsonl")
    # every worker process loaded the pipeline once, at start (the plugin), not per batch
    loads = client.run(lambda: sys.modules["graphkit.nlp"].cached_pipeline.cache_info().misses)
    assert list(loads.values()) == [1, 1]
    # an incremental rebuild through the cluster parses nothing
    assert build(corpus, tmp_path / "dask.gk", extract=dask_extractor(client)).parsed == 0


@pytest.mark.slow
def test_cli_build_with_scheduler_address(client, sample_store, tmp_path):
    from graphkit.cli import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("003_9b6d43ba622d0a39.txt", "metadata.jsonl"):
        shutil.copyfile(sample_store.parent / "corpus" / name, corpus / name)
    try:
        main(["build", str(corpus), "--store", str(tmp_path / "cli.gk"), "--scheduler", client.scheduler.address, "-q"])
    except SystemExit as e:
        assert e.code in (0, None)
    with Store(sample_store, readonly=True) as local, Store(tmp_path / "cli.gk", readonly=True) as remote:
        assert dict(remote.extractions())["003_9b6d43ba622d0a39"] == dict(local.extractions())["003_9b6d43ba622d0a39"]


def test_worker_batches_report_the_pipeline_they_parsed_with():
    from graphkit.records import Document

    d = Document(id="x", path="x.txt", text="Lavrov said Europe was to blame.", sha256="0" * 64, format="txt")
    key, out = extract_batch([d])
    assert key == pipeline_key()
    assert [ex.doc_id for ex in out] == ["x"]


def test_unreachable_scheduler_says_what_to_do():
    from graphkit.distributed import DistributedError

    with pytest.raises(DistributedError, match="dask scheduler"):
        dask_extractor("tcp://127.0.0.1:1", timeout="1s")


@pytest.mark.slow
def test_two_local_workers_build_the_same_store(sample_store, tmp_path):
    """build(workers=2): each worker process runs the whole extraction; the store is the one-process store."""
    corpus = tmp_path / "corpus"
    shutil.copytree(sample_store.parent / "corpus", corpus)
    rep = build(corpus, tmp_path / "two.gk", workers=2, batch_size=2)
    assert rep.parsed == 5
    assert extractions(tmp_path / "two.gk") == extractions(sample_store)
    assert jsonl(tmp_path / "two.gk", tmp_path / "two.jsonl") == jsonl(sample_store, tmp_path / "one.jsonl")
