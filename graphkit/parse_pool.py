"""The extraction in several processes: how many, the articles dealt in batches, and the processes that parse them.

`extract_documents_parallel` runs `graphkit.parsing.extract_documents` in ``workers`` processes, each doing the whole
per-article extraction and sending back its small `graphkit.extract.DocExtraction` records, which the caller gets in
input order. Where the platform forks, a `ParsePool`'s host loads the pipeline and forks its workers from itself
(`graphkit.build` forks it before it reads the corpus); elsewhere spawned workers each load it (`_spawned_extract`).
How many processes a build runs: `workers_of` (the setting's check), `parse_workers` (at most the cores,
`machine_cores`), `ahead_left_out` (parsing ahead is for one process); the order and batches the articles go in:
`longest_first`, `tail_batches`.

>>> parse_workers(8, cores=2)[0], [len(b) for b in tail_batches(list(range(12)), 4, 2)]
(2, [3, 2, 1, 1, 1, 1, 1, 1, 1])
"""

from __future__ import annotations

import os
from typing import Callable, Iterable, Iterator, Optional

from .errors import GraphkitError
from .extract import DocExtraction
from .forks import die_with_parent, start
from .parsing import extract_documents
from .records import Document

# -- several processes ------------------------------------------------------------------------------
_worker_nlp = None


def _init_worker(model: Optional[str], parent: int) -> None:
    """A spawned `ProcessPoolExecutor` worker's start (`_spawned_extract`): first ask to end with ``parent``, the
    process that started it (`graphkit.forks.die_with_parent`: spawned, it did not ask in a fork as the pool host
    and its workers did, `graphkit.forks.start`), then load the pipeline (`_load_worker`)."""
    die_with_parent(parent)
    _load_worker(model)


def _load_worker(model: Optional[str]) -> None:
    """Load the pipeline in a parsing process: the pool host (its forked workers share it) or a spawned worker."""
    global _worker_nlp
    import gc

    from .memory import YOUNG_THRESHOLD
    from .nlp import load_pipeline, one_blas_thread

    if gc.get_threshold()[0] < YOUNG_THRESHOLD:  # a spawned worker (a forked one has its parent's): graphkit.memory
        gc.set_threshold(YOUNG_THRESHOLD, *gc.get_threshold()[1:])
    _worker_nlp = load_pipeline(model)  # forked workers find it already loaded (load_pipeline's cache)
    one_blas_thread()  # this process only parses: numpy's BLAS keeps to one thread (graphkit.nlp.one_blas_thread)


#: a short article that reaches every stage of the extraction (a cue, a named speaker, a pronoun speaker, a quote,
#: a relative date against a publication date): `warm_extraction` runs it once in the pool host
WARM_ARTICLE = ("Sergey Lavrov said on Monday that Europe was to blame for the war in Ukraine. "
                "\"The talks have failed,\" he told reporters two days ago, according to the ministry.\n")


def warm_extraction(nlp) -> None:
    """Extract `WARM_ARTICLE` with ``nlp`` and drop the result: what the extraction loads on first use (the cue
    lexicon, speaker tables, the attribution filter's weights, date parsing, compiled patterns, about 0.1 CPU s)
    is then loaded in this process. The pool host does it before forking its workers, which share it instead of
    each loading it again. Every cache it fills is a pure function of its input: later extractions are the same.

    >>> from graphkit.nlp import load_pipeline
    >>> warm_extraction(load_pipeline())
    """
    doc = Document(id="graphkit-warm", path="graphkit-warm.txt", text=WARM_ARTICLE, sha256="0" * 64, format="txt",
                   published="2025-03-12")
    for _ in extract_documents([doc], nlp):
        pass


def _extract_batch(documents: list[Document], batch_size: int) -> list[DocExtraction]:
    return list(extract_documents(documents, _worker_nlp, batch_size=batch_size, keep_tables=False))


def longest_first(docs: list) -> list:
    """``docs`` (Documents) longest text first, equal lengths in their order: the order to deal them to workers in
    (`tail_batches`). The parse ends on the shortest articles, so a worker that is done waits at most for the
    other's shortest; in the corpus's own order it waited for whatever came last (on PolNeAR dev, by name, ~2,500
    characters, where the shortest are 341-1,200; the longest, 22,068, could come last in another corpus).

    >>> from types import SimpleNamespace as D
    >>> [d.text for d in longest_first([D(text="bb"), D(text="a"), D(text="cccc"), D(text="dd")])]
    ['cccc', 'bb', 'dd', 'a']
    """
    return sorted(docs, key=lambda d: -len(d.text))


def machine_cores() -> int:
    """The cores this process may run on: its CPU affinity, which a container, a batch scheduler or ``taskset``
    narrows, else the machine's count."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def workers_of(value, name: str = "workers") -> int:
    """The parsing processes a build is asked for, a whole number, 1 or more (the check of ``workers=`` and of
    ``--workers``, one wording for both: `graphkit.values.whole`); more than the cores is no error (`parse_workers`).

    >>> workers_of("2"), workers_of(8)
    (2, 8)
    >>> workers_of(0)
    Traceback (most recent call last):
    ...
    graphkit.values.BadValue: workers=0 is below 1; give a whole number, 1 or more, e.g. workers=2
    """
    from .values import whole

    return whole(value, name, least=1, example=2)


def parse_workers(asked: int, cores: Optional[int] = None, *, named: str = "workers=") -> tuple[int, Optional[str]]:
    """(the parsing processes a build runs for ``asked``, what to say of the choice or None): no more than the
    ``cores`` (this process's, `machine_cores`), since more only take turns on them, each holding a pipeline of its
    own in memory, and the store is the same whatever the number. ``asked`` is checked by `workers_of` (fewer than one
    is an error saying what to give); ``named``: how the caller spells the setting, ``--workers `` on the command line.

    >>> parse_workers(2, 2), parse_workers(1, 8)
    ((2, None), (1, None))
    >>> parse_workers(999, 2, named="--workers ")
    (2, '--workers 999: this machine has 2 cores, so 2 parsing processes (more would take turns on them; the store is
    the same)')
    >>> parse_workers("two", 2)
    Traceback (most recent call last):
    ...
    graphkit.values.BadValue: workers='two' is not a whole number; give 1 or more, e.g. workers=2
    """
    asked = workers_of(asked, named.rstrip("= "))  # "two", 0 or 1.5 from a notebook: one line, not a TypeError later
    cores = cores or machine_cores()
    if asked <= cores:
        return asked, None
    return cores, (f"{named}{asked}: this machine has {cores} cores, so {cores} parsing processes (more would take "
                   "turns on them; the store is the same)")


def ahead_left_out(workers: int, cluster: bool = False, *, named: str = "parse_ahead") -> Optional[str]:
    """What to say when parsing ahead is asked for where it cannot apply, or None: with more than one worker or a
    cluster the workers parse, each in a process of its own, so it is left out (said, not dropped without a word;
    ``named``: how the caller spells the setting).

    >>> ahead_left_out(1) is None
    True
    >>> ahead_left_out(2, named="--parse-ahead")
    '--parse-ahead is for one worker: the 2 workers parse, each in its own process; it is left out'
    >>> ahead_left_out(1, cluster=True)
    "parse_ahead is for one worker: the cluster's workers parse; it is left out"
    """
    if workers <= 1 and not cluster:
        return None
    who = "the cluster's workers parse" if cluster else f"the {workers} workers parse, each in its own process"
    return f"{named} is for one worker: {who}; it is left out"


def tail_batches(docs: list, batch: int, workers: int) -> Iterator[list]:
    """``docs`` in order, in batches of ``batch``, smaller towards the end (at most the articles left over twice the
    workers, at least one): the last batches are single articles, so a worker that is done waits for the other's
    last article, not for its last four.

    >>> [len(b) for b in tail_batches(list(range(30)), 4, 2)]
    [4, 4, 4, 4, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1]
    """
    i, n = 0, len(docs)
    while i < n:
        size = max(1, min(batch, (n - i) // (2 * workers)))
        yield docs[i:i + size]
        i += size


def extract_documents_parallel(documents: Iterable[Document], model: Optional[str] = None, *, workers: int = 2,
                               batch: int = 4, batch_size: int = 16,
                               started: Optional[Callable[[], None]] = None,
                               pool: Optional["ParsePool"] = None) -> Iterator[DocExtraction]:
    """`extract_documents` over ``workers`` processes, in input order.

    Unlike ``nlp.pipe(n_process=N)``, which ships parsed Docs back for the parent to finish,
    each worker does the whole per-article extraction (parse, attributions, dates, keyphrases) and
    returns the small DocExtraction, so the parent only writes the store. At most ``4 * workers`` batches
    of ``batch`` articles are parsed or waiting at a time.

    Where the platform forks, the caller never loads spaCy: a `ParsePool` host loads the pipeline and forks the
    workers from itself, so it is loaded once and shared copy-on-write, while the caller goes on with its own
    work on the other core: ``started`` is called once the documents are handed over (a build loads what its
    resolution needs there, `graphkit.build.warm_resolution`; a thread it starts is not forked into the
    workers, whose copies of its locks would be held by no one). ``pool``: a `ParsePool` the caller started
    earlier (`graphkit.build.build` starts it before reading the corpus and the store, so the pipeline loads
    meanwhile); it is used up. Elsewhere (spawn) every worker loads the pipeline once.
    """
    import multiprocessing as mp

    from .nlp import load_pipeline

    docs = list(documents)
    if not docs:
        return
    if pool is not None:
        yield from pool.extract(docs, started)
        return
    if workers <= 1:
        yield from extract_documents(docs, load_pipeline(model), batch_size=batch_size)
        return
    if "fork" in mp.get_all_start_methods():
        with ParsePool(model, workers, batch=batch, batch_size=batch_size, documents=docs) as own:
            yield from own.extract(docs, started)
    else:
        yield from _spawned_extract(docs, model, workers, batch, batch_size, started)


def _spawned_extract(docs: list[Document], model, workers: int, batch: int, batch_size: int,
                     started) -> Iterator[DocExtraction]:
    """`extract_documents_parallel` where processes are spawned: a pool whose workers each load the pipeline."""
    import multiprocessing as mp
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    batches = tail_batches(docs, batch, workers)
    with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn"), initializer=_init_worker,
                             initargs=(model, os.getpid())) as pool:
        pending: deque = deque()

        def submit() -> bool:
            b = next(batches, None)
            if b is None:
                return False
            pending.append(pool.submit(_extract_batch, b, batch_size))
            return True

        while len(pending) < 4 * workers and submit():
            pass
        if started is not None:
            started()
        try:
            while pending:
                out = pending.popleft().result()
                submit()
                yield from out
        finally:
            for f in pending:
                f.cancel()


class WorkerError(GraphkitError):
    """A parsing process ended without finishing its batch (killed, out of memory)."""


class _Shared:
    """What the caller, the pool host and the workers share (made before the fork): the next batch to take, the
    slots of batches parsed or waiting (the caller frees one per batch it hands on), a stop flag, and the lock
    that keeps two workers' results from mixing in the pipe."""

    def __init__(self, ctx, window: int):
        self.next = ctx.Value("q", 0)
        self.window = ctx.Semaphore(window)
        self.stop = ctx.Event()
        self.send_lock = ctx.Lock()


#: the most text (characters) a `ParsePool` forked ahead of its documents takes through its pipe (`graphkit.build`
#: then parses a larger corpus in a pool forked once it is read, which the documents reach copy-on-write: a decade
#: of news is gigabytes, and the pipe would hold a pickled copy in the caller and another in the pool host)
AHEAD_MAX_CHARS = 64_000_000


class ParsePool:
    """Parsing processes forked ahead of their work (where the platform forks): a *pool host* forked now loads the
    pipeline while the caller goes on (reading its corpus and store), then waits for the documents; `extract` hands
    them over, the host forks ``workers`` workers from itself (the pipeline shared copy-on-write) and the caller gets
    the extractions in input order. Use it as a context: leaving stops a host that was given nothing (a rebuild
    with nothing changed) or that an error left behind, and reaps one that ended its work (`close`): the caller
    does not wait for the host's end after the last extraction. ``documents`` given here go to the host with the fork
    (copy-on-write, nothing through the pipe): `extract` then takes the same list.

    >>> with ParsePool(workers=2) as pool:   # forked here; the pipeline loads meanwhile  # doctest: +SKIP
    ...     docs = read_the_corpus()
    ...     extractions = list(pool.extract(docs))
    """

    def __init__(self, model: Optional[str] = None, workers: int = 2, *, batch: int = 4, batch_size: int = 16,
                 documents: Optional[list[Document]] = None):
        import multiprocessing as mp

        ctx = mp.get_context("fork")
        self.workers, self.batch = workers, batch
        self.shared = _Shared(ctx, 4 * workers)
        self.reader, writer = ctx.Pipe(duplex=False)  # results: workers → caller
        jobs, self.jobs = ctx.Pipe(duplex=False)       # the documents: caller → host, once
        self.given = documents is not None
        self.host = ctx.Process(target=_pool_host, args=(model, jobs, self.jobs, batch, batch_size, workers,
                                                         self.shared, writer, documents), name="graphkit-parse")
        start(self.host)
        writer.close()  # the workers hold the writing end; this process only reads
        jobs.close()
        self.used = False

    def extract(self, docs: list[Document], started: Optional[Callable[[], None]] = None) -> Iterator[DocExtraction]:
        """Hand ``docs`` to the host and yield their extractions in input order (once a pool)."""
        if self.used:
            raise RuntimeError("a ParsePool parses one list of documents")
        self.used = True
        n = sum(1 for _ in tail_batches(docs, self.batch, self.workers))  # the host cuts the same batches
        if started is not None:
            started()
        if self.given:
            self.jobs.close()
        else:
            self._hand_over(docs)
        done: dict[int, list] = {}
        finished = False
        try:
            for i in range(n):
                while i not in done:
                    j, out = self._receive()
                    done[j] = out
                self.shared.window.release()
                yield from done.pop(i)
            finished = True
        finally:
            # all in: the host and its workers end on their own while the caller goes on (`close` reaps the host)
            self._stop(kill=not finished, wait=not finished)

    def _hand_over(self, docs: list[Document]) -> None:
        """Send the documents to the host (a host that already ended, e.g. its pipeline could not load, has
        said why on the results pipe: `_receive` raises it)."""
        try:
            self.jobs.send(docs)
        except OSError:
            pass
        finally:
            self.jobs.close()

    def _receive(self) -> tuple[int, list]:
        """The next (batch index, extractions) a worker sent; raises what a worker or the host sent instead."""
        from multiprocessing.connection import wait

        while True:
            ready = wait([self.reader, self.host.sentinel])
            if self.reader in ready:
                j, out = self.reader.recv()
                if isinstance(out, BaseException):
                    raise out
                return j, out
            if not self.reader.poll():  # the host ended and nothing is left to read
                raise WorkerError(f"the parsing processes ended before the last article (exit code "
                                  f"{self.host.exitcode}); build again to resume: the store keeps what was written")

    def _stop(self, kill: bool, at_once: bool = False, wait: bool = True) -> None:
        """Tell the host and its workers to stop (``kill``: now, by a signal) and, with ``wait``, reap the host."""
        self.shared.stop.set()
        if kill and self.host.is_alive():
            if at_once:
                self.host.kill()  # no workers yet, nothing held: not even its signal handler needs to run
            else:
                self.host.terminate()  # the host stops its workers (`_pool_host`)
        if wait:
            self.host.join()
        self.reader.close()

    def close(self) -> None:
        """Stop the host if it was never given documents: it is then only loading the pipeline or waiting, has
        forked no worker and holds nothing, so it is killed outright (a SIGTERM would wait for the end of whatever
        C call its import is in: 0.2-0.5 s of a rebuild with nothing changed, under load). Else reap the host,
        which `extract` left to end on its own once the last extraction was in: the host notices its workers'
        exit and exits, ~0.1 s on PolNeAR dev that a build spends resolving instead of waiting."""
        if not self.used:
            self.used = True
            self.jobs.close()
            self._stop(kill=True, at_once=True)
        else:
            self.host.join()

    def __enter__(self) -> "ParsePool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _pool_host(model, jobs, jobs_end, batch: int, batch_size: int, workers: int, shared: _Shared, writer,
               documents: Optional[list] = None) -> None:
    """Load the pipeline, take the documents from ``jobs`` (unless given as ``documents``), fork ``workers`` workers
    (`_work`) from this process, and wait for them: a worker that dies is reported to the caller through ``writer``;
    a caller that is gone (killed) or stops early (SIGTERM) has the workers stopped, so none is left parsing for no
    one."""
    import multiprocessing as mp
    import signal

    caller = os.getppid()  # it asked, in the fork, to end with the caller (`graphkit.forks.start`)
    kids: list = []

    def stop(*_):
        shared.stop.set()
        for k in kids:
            if k.is_alive():
                k.terminate()
        os._exit(1)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the caller, which stops this process
    jobs_end.close()  # the caller's end: a caller that dies is then an end of file here
    try:
        _load_worker(model)
        warm_extraction(_worker_nlp)  # loaded once here, shared by the workers forked below
    except BaseException as e:  # noqa: BLE001  (the pipeline cannot load: ModelNotFound ...) the caller raises it
        _send(shared, writer, (-1, e))
        return
    try:
        docs = jobs.recv() if documents is None else documents
    except (EOFError, OSError):  # the caller closed without documents, or is gone
        return
    finally:
        jobs.close()
    batches = list(tail_batches(docs, batch, workers))
    del docs
    ctx = mp.get_context("fork")
    kids.extend(ctx.Process(target=_work, args=(batches, batch_size, shared, writer), name=f"graphkit-parse-{n + 1}",
                            daemon=True) for n in range(workers))
    for k in kids:
        start(k)
    while any(k.is_alive() for k in kids):
        if os.getppid() != caller:  # the caller was killed: stop
            stop()
        for k in kids:
            k.join(0.2)
            if k.exitcode not in (None, 0) and not shared.stop.is_set():
                _send(shared, writer, (-1, WorkerError(f"a parsing process ended with exit code {k.exitcode} "
                                                       "(killed, or out of memory?); build again to resume: the store "
                                                       "keeps what was written")))
                stop()


def _work(batches: list, batch_size: int, shared: _Shared, writer) -> None:
    """A worker: take the next batch while the window has a free slot, extract it, send (index, extractions); at
    the end, what its table annotators computed goes to the cache folder (`graphkit.annotate.save_tables`)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # it asked, in the fork, to end with the host (graphkit.forks)
    try:
        while not shared.stop.is_set():
            if not shared.window.acquire(timeout=0.2):
                continue
            with shared.next.get_lock():
                i = shared.next.value
                shared.next.value += 1
            if i >= len(batches):
                return
            try:
                out = _extract_batch(batches[i], batch_size)
            except Exception as e:  # noqa: BLE001  raised again by the caller
                out = e
            if not _send(shared, writer, (i, out)):
                return
    finally:
        _keep_tables()


def _keep_tables() -> None:
    from .annotate import save_tables

    if _worker_nlp is not None:
        try:
            save_tables(_worker_nlp)
        except Exception:  # noqa: BLE001  a cache, nothing more: the next process computes them again
            pass


def _send(shared: _Shared, writer, message) -> bool:
    """Send ``message`` to the caller; False when it is gone. An exception that cannot be pickled goes as its text."""
    import pickle

    try:
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001
        i, e = message
        data = pickle.dumps((i, WorkerError(f"{type(e).__name__}: {e}")), protocol=pickle.HIGHEST_PROTOCOL)
    try:
        with shared.send_lock:
            writer.send_bytes(data)
        return True
    except OSError:
        return False
