"""What linking reads of one claim's words, worked out once per text and kept between builds.

Merged reports and contradictions read, of every claim of the store, what its words are: its concepts, its
argument candidates, its antonym poles and negations. Each is a pure function of the text (and of graphkit's
code and models/links.yaml). `text_memo` keeps each result for the process, like ``functools.lru_cache``;
`export` gives a text's results as JSON values, which the build keeps in the store per article
(`graphkit.kept.kept_text_words`), and `prime` puts kept ones back. A rebuild that changed a few articles
then works the words out for their texts only, while corpus-wide figures (concept idf, argument specificity)
are still summed over every claim: the result is the one a full re-resolution gives.

>>> @text_memo("demo_length", encode=int, decode=int)
... def length(text): return len(text)
>>> length("four")
4
>>> export(["four", "five"])["demo_length"]
[4, None]
>>> _ = prime({"texts": ["five"], "demo_length": [5]}); length("five")
5
>>> del MEMOS["demo_length"]

`per_object` is the in-process kin for a method: a pure look-up of an object that does not change once built
(the actor pass's gazetteer, name votes and resolver), worked out once per argument for that object's life.
"""

from __future__ import annotations

import time
from functools import lru_cache, wraps
from typing import Any, Callable, Iterable, Optional

from .forks import start

__all__ = ["TextMemo", "text_memo", "MEMOS", "export", "prime", "clear", "per_object", "WorkedBeside",
           "work_out_beside"]


_MISSING = object()


class TextMemo:
    """A pure function of one text, its results kept in a dict of at most ``limit`` texts (the oldest go first),
    and the results a build kept (`prime`) decoded when first asked for."""

    def __init__(self, fn: Callable[[str], Any], encode: Callable[[Any], Any], decode: Callable[[Any], Any],
                 limit: int) -> None:
        self.fn, self.encode, self.decode, self.limit = fn, encode, decode, limit
        self.cache: dict[str, Any] = {}
        self.kept: dict[str, Any] = {}  # text -> encoded result, as the store kept it
        self.__wrapped__, self.__doc__, self.__name__ = fn, fn.__doc__, fn.__name__
        # repeated calls are answered by functools' C cache (a Python-level lookup cost 0.1 s per 250,000 calls)
        self.call = lru_cache(maxsize=limit)(self._work)

    def __call__(self, text: str) -> Any:
        return self.call(text)

    def _work(self, text: str) -> Any:
        try:
            return self.cache[text]
        except KeyError:
            pass
        raw = self.kept.pop(text, _MISSING)
        value = self.fn(text) if raw is _MISSING else self.decode(raw)
        self._put(text, value)
        return value

    def _put(self, text: str, value: Any) -> None:
        cache = self.cache
        if len(cache) >= self.limit:  # a million claims: bounded like the lru_cache it replaces
            for old in list(cache)[: self.limit // 4]:
                del cache[old]
        cache[text] = value

    def encoded(self, text: str) -> Any:
        """The text's result as JSON values, None when this process holds none."""
        if text in self.cache:
            return self.encode(self.cache[text])
        return self.kept.get(text)

    def cache_clear(self) -> None:
        self.call.cache_clear()
        self.cache.clear()
        self.kept.clear()


MEMOS: dict[str, TextMemo] = {}


def text_memo(name: str, encode: Callable[[Any], Any], decode: Callable[[Any], Any], limit: int = 1 << 17):
    """Decorator: ``fn(text)`` memoised as `TextMemo` ``name``; ``encode`` / ``decode`` turn a result into JSON
    values (never None) and back exactly (``decode(encode(v)) == v``, same types)."""
    def wrap(fn: Callable[[str], Any]) -> TextMemo:
        memo = TextMemo(fn, encode, decode, limit)
        MEMOS[name] = memo
        return memo.call
    return wrap


def export(texts: Iterable[str]) -> dict[str, list]:
    """What this process holds of ``texts``' results (nothing is worked out): {"texts": the distinct texts,
    name: each one's encoded result or None} for every memo that holds one of them."""
    texts = list(dict.fromkeys(texts))
    out: dict[str, list] = {"texts": texts}
    for name, memo in MEMOS.items():
        got = [memo.encoded(t) for t in texts]
        if any(v is not None for v in got):
            out[name] = got
    return out


def prime(kept: dict[str, list]) -> dict[str, list[str]]:
    """Give the memos what `export` gave (decoded when asked for; names this graphkit does not have are ignored;
    at most each memo's ``limit`` texts are held). Returns, per memo, the texts it was given (`WorkedBeside`
    takes back those never asked for)."""
    texts = kept.get("texts") or []
    given: dict[str, list[str]] = {}
    for name, values in kept.items():
        memo = MEMOS.get(name)
        if memo is None or name == "texts":
            continue
        room, mine = memo.limit - len(memo.kept), given.setdefault(name, [])
        for text, value in zip(texts, values):
            if room <= 0:
                break
            if value is not None and text not in memo.cache and text not in memo.kept:
                memo.kept[text] = value
                mine.append(text)
                room -= 1
    return given


def clear() -> None:
    """Forget every memo's results (tests, and `graphkit.resolution.resolve_store` with ``full``)."""
    for memo in MEMOS.values():
        memo.cache_clear()


#: the fewest texts worth a forked process (`work_out_beside`): a fork and its pipe cost ~0.02-0.05 s, every memo
#: of one claim text ~0.1 ms; a rebuild's few changed articles are worked out in the caller as before
BESIDE_MIN_TEXTS = 1000
#: the most texts worked out beside: the fewest a memo holds (``concepts``: 1 << 16), so that the child's results
#: are all sent and the caller never waits for work its own memos could not keep (a million claims: the rest are
#: worked out by the caller, as before)
BESIDE_MAX_TEXTS = 1 << 16
#: how long the caller waits for the child, counted from the fork: `BESIDE_WAIT_MIN` seconds, or
#: `BESIDE_WAIT_PER_TEXT` a text when that is longer (PolNeAR train's child spent ~0.14 ms a text on a core of its own;
#: 5 ms is ~35 times that, a child given a sliver of a busy machine). A child that has not answered by then (one hung
#: after the fork, as a lock another thread held at the fork is never let go) is stopped and the caller works the
#: texts out itself: a build is never held by it
BESIDE_WAIT_MIN = 10.0
BESIDE_WAIT_PER_TEXT = 0.005


class WorkedBeside:
    """Every memo's results for some texts, worked out in a process forked now, beside the caller's own work
    (`work_out_beside`); `collect` puts them back as `prime` does (decoded when asked for), `forget_unused` takes
    back those the caller never asked for, so that what the process holds, and `export` gives, is what working
    them out here would have left. Nothing is forked (``proc`` None) where the platform does not fork, while
    another thread runs, or for fewer than `BESIDE_MIN_TEXTS` texts; a child that fails, or has not answered
    `wait_bound` seconds after the fork (it is then stopped), leaves the work to the caller.

    >>> @text_memo("demo_words", encode=int, decode=int)
    ... def n_words(text): return len(text.split())
    >>> beside = WorkedBeside(["two words", "and three more"], least=1)   # forked here when this process is alone
    >>> beside.collect()                                                 # the child's results put back, if any
    >>> n_words("two words"), MEMOS["demo_words"].cache                  # asked for: decoded (or worked out here)
    (2, {'two words': 2})
    >>> beside.forget_unused(); MEMOS["demo_words"].kept                 # never asked for: taken back
    {}
    >>> del MEMOS["demo_words"]
    """

    def __init__(self, texts: Iterable[str], least: int = BESIDE_MIN_TEXTS) -> None:
        import multiprocessing as mp
        import threading

        self.texts = list(dict.fromkeys(texts))[:BESIDE_MAX_TEXTS]
        self.proc = self.reader = None
        #: what `collect` saw of the child: "none" (not forked), "answered", "failed" or "stopped" (no answer in time)
        self.outcome = "none"
        self.primed: dict[str, list[str]] = {}
        if len(self.texts) < least or threading.active_count() > 1 or "fork" not in mp.get_all_start_methods():
            return
        ctx = mp.get_context("fork")
        self.reader, writer = ctx.Pipe(duplex=False)
        self.proc = ctx.Process(target=_work_out, args=(self.texts, writer), name="graphkit-words", daemon=True)
        start(self.proc)
        self.started = time.monotonic()
        writer.close()

    def collect(self, wait: Optional[float] = None) -> None:
        """Wait for the child and prime what it worked out (nothing when it failed: the caller works it out).
        ``wait``: the most seconds, counted from the fork, to wait for its answer (default `wait_bound`); a child
        that has not answered by then is stopped and its work left to the caller, as a failed one's is."""
        if self.proc is None:
            return
        deadline = self.started + (self.wait_bound() if wait is None else wait)
        kept: dict = {}
        try:
            if self.reader.poll(max(0.0, deadline - time.monotonic())):
                kept = self.reader.recv()
                self.outcome = "answered"
                self.proc.join(1.0)  # it ends once it has sent (else `close` stops it)
            else:
                self.outcome = "stopped"
        except (EOFError, OSError):
            self.outcome = "failed"
        finally:
            self.close()
        self.primed = prime(kept)  # as `prime` gives them, and which, for `forget_unused`

    def wait_bound(self) -> float:
        """Seconds from the fork `collect` waits for the child by default (`BESIDE_WAIT_MIN`,
        `BESIDE_WAIT_PER_TEXT`).

        >>> few, many = WorkedBeside(["a", "b"], least=10**9), WorkedBeside(map(str, range(4000)), least=10**9)
        >>> few.wait_bound(), many.wait_bound()          # (nothing forked: fewer texts than ``least``)
        (10.0, 20.0)
        """
        return max(BESIDE_WAIT_MIN, BESIDE_WAIT_PER_TEXT * len(self.texts))

    def close(self) -> None:
        """Stop the child unless it has ended (called by `collect`, and when the caller's work raised: the child
        goes now, not when the caller's process ends; a notebook's kernel would hold a forked copy of itself)."""
        if self.proc is not None:
            if self.proc.is_alive():
                self.proc.terminate()
                self.proc.join(1.0)
                if self.proc.is_alive():  # SIGTERM handled or blocked: no handler outlives SIGKILL
                    self.proc.kill()
            self.proc.join()
            self.reader.close()
            self.proc = None

    def forget_unused(self) -> None:
        """Drop the collected results the caller did not ask for (those it asked for are in the memos' caches)."""
        for name, texts in self.primed.items():
            kept = MEMOS[name].kept
            for text in texts:
                kept.pop(text, None)
        self.primed.clear()


def _work_out(texts: list[str], writer) -> None:
    """The forked child of `WorkedBeside`: every memo over ``texts``, sent as `export` gives them. Ctrl-C reaches
    the caller, which stops; whatever fails here (a caller gone, a memo that raises) ends the child without a word:
    the caller then works the texts out itself and meets, and reports, any error there."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # it asked, in the fork, to end with the caller (graphkit.forks)
    try:
        for memo in MEMOS.values():
            for text in texts:
                memo.call(text)
        writer.send(export(texts))
    except BaseException:  # noqa: BLE001  (see above: left to the caller)
        pass
    finally:
        writer.close()


def work_out_beside(texts: Iterable[str], least: int = BESIDE_MIN_TEXTS) -> WorkedBeside:
    """`WorkedBeside` of ``texts``: their memos worked out in a forked process while the caller goes on."""
    return WorkedBeside(texts, least)


_AS_CALLED = object()  # starts a `per_object` key of a call with keywords (no tuple of arguments starts so)


def per_object(method: Callable) -> Callable:
    """``method``'s result for each set of (hashable) arguments worked out once per object, kept in a dict in the
    object's ``__dict__`` (unlike ``functools.lru_cache`` on a method: no class-wide cache keeping objects alive,
    no reference cycle). A call with keyword arguments is remembered as called (binding them to their places
    took longer than most of the look-ups), so ``f(x, y=1)`` and ``f(x, 1)`` are worked out once each. For methods
    that read only what does not change after the object is built (the actor pass's look-ups: the same names are
    asked about thousands of times).

    >>> class Votes:
    ...     def __init__(self): self.asked = 0
    ...     @per_object
    ...     def double(self, x):
    ...         'Twice x.'
    ...         self.asked += 1
    ...         return 2 * x
    >>> v = Votes(); [v.double(3), v.double(3), v.double(4), v.double(x=4), v.double(x=4)], v.asked
    ([6, 6, 8, 8, 8], 3)
    >>> Votes().double(3), Votes.double.__doc__
    (6, 'Twice x.')
    """
    slot = "_per_object_" + method.__name__

    @wraps(method)
    def memoised(self, *args, **kwargs):
        memo = self.__dict__.get(slot)
        if memo is None:
            memo = self.__dict__[slot] = {}
        key = (_AS_CALLED, args, tuple(kwargs.items())) if kwargs else args
        if key in memo:
            return memo[key]
        hit = memo[key] = method(self, *args, **kwargs)
        return hit

    return memoised
