"""Giving freed memory back to the operating system between the stages of a build.

A large article's extraction is parsed from one JSON text into records (86,565 claims of a 5 MB article: ~0.7 GB
for a moment) and freed again; glibc's allocator keeps most of what was freed mapped, so the process stays
that size through every later stage, and the stages that allocate next (the issue model's fit) add to it.
`give_back` asks the allocator to return its free pages (``malloc_trim``): on the 5 MB article, resident memory
after the read fell from 1.15 GB to the ~0.1 GB the kept rows need. Elsewhere than glibc it does nothing.

>>> give_back() in (True, False)
True

`fewer_collections` is the other side of memory: while a build runs, the cycle collector runs less often, and
never again walks what was alive when the build called `settle` (the loaded pipeline and knowledge);
`no_collections` turns it off where almost no reference cycles are made (resolution).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from contextlib import contextmanager
from functools import lru_cache
from typing import Iterator


@lru_cache(maxsize=1)
def _malloc_trim():
    """glibc's ``malloc_trim``, else None (macOS, musl, Windows: nothing to ask).

    Looked up first among the symbols the process has loaded already (``dlopen(NULL)``: Python itself links the C
    library): ``ctypes.util.find_library("c")`` runs ``/sbin/ldconfig -p`` in a child process, ~0.01 s of a
    build's one-core tail, to name the library the process has loaded anyway."""
    for library in (None, "libc.so.6"):
        try:
            return ctypes.CDLL(library).malloc_trim
        except (OSError, AttributeError, TypeError):  # not there (TypeError: Windows takes no None)
            pass
    try:
        return ctypes.CDLL(ctypes.util.find_library("c")).malloc_trim
    except (OSError, AttributeError, TypeError):
        return None


def give_back(collect: bool = False) -> bool:
    """Return the allocator's free memory to the operating system (``collect``: collect garbage cycles first, a
    walk over every object); whether it could ask. Costs milliseconds: the stages call it after freeing much."""
    if collect:
        gc.collect()
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


#: the collector's first threshold during a build (Python's default is 700 new containers)
YOUNG_THRESHOLD = 20_000


@contextmanager
def fewer_collections(young: int = YOUNG_THRESHOLD) -> Iterator[None]:
    """Run the body with the cycle collector's first threshold at ``young`` (unless it is higher already), and
    put the thresholds back after.

    The extraction makes and drops many small containers per article (attributions, feature dicts, records):
    at Python's default of 700 the collector ran 1,071 times in a one-process build of PolNeAR dev's 84 articles,
    and its older generations walked the loaded pipeline and knowledge each time: 1.3 CPU s of 24 (bare spaCy's
    ``nlp.pipe``: 0.09 s). At 20,000: 19 collections, 0.25 s, the same peak memory (722 vs 721 MB). What is
    collected does not change, only when: nothing a build writes depends on it.

    >>> import gc
    >>> before = gc.get_threshold()
    >>> with fewer_collections(50_000):
    ...     gc.get_threshold()[0]
    50000
    >>> gc.get_threshold() == before
    True
    """
    global _building, _settled
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], young), *old[1:])
    _building += 1
    try:
        yield
    finally:
        _building -= 1
        if not _building and _settled:
            _settled = False
            gc.unfreeze()  # what `settle` set aside is the collector's again
        gc.set_threshold(*old)


_building = 0  # how many `fewer_collections` bodies are running (a build in this process)
_settled = False  # whether `settle` froze within the running build


def settle() -> bool:
    """Within `fewer_collections` (a build): what is alive now stays alive to the end of the build, so the cycle
    collector leaves it alone until then (``gc.freeze``; the body's end gives it back). Whether it did (outside a
    build it does nothing: a caller's objects are never set aside for good).

    Called once spaCy's pipeline is loaded: every collection of the older generations walked the pipeline, its
    vocabulary, the knowledge files and the modules again; on a 1 %-changed rebuild of PolNeAR train, a gen-1
    collection in the parse took ~0.3 s (load 5). Objects set aside are still freed by reference counting when
    dropped; only a reference cycle among them waits for the end of the build.

    >>> import gc
    >>> settle()   # outside a build: nothing is set aside
    False
    >>> with fewer_collections():
    ...     settle(), gc.get_freeze_count() > 0
    (True, True)
    >>> gc.get_freeze_count()   # the build's end gave it back
    0
    """
    global _settled
    if not _building:
        return False
    gc.freeze()
    _settled = True
    return True


@contextmanager
def no_collections() -> Iterator[None]:
    """Run the body with the cycle collector off (reference counting frees everything else), as it was after.

    For resolution (`graphkit.resolution.resolve_store`), which makes almost no reference cycles: on PolNeAR train
    a whole resolution with the collector off left 26 unreachable objects, while with it on the collector walked
    the store's records again and again, ~10 % of a 1 %-changed rebuild's resolution (one full collection
    alone ~0.4 s under load 5; the 14,707 claims' records and the resolution's inputs are what it walked).

    Within a build (`fewer_collections`), what the body leaves alive is set aside at its end (`settle`): with the
    collector off, nothing the body made was ever collected, so all of it was still in the young generation, and
    the first allocation after the collector came back on walked it all (the texts' memoised words, the place
    look-ups, the kept answers: ~0.2 CPU s after each resolution of PolNeAR train, 5 % of a 1 %-changed rebuild's).

    >>> import gc
    >>> with no_collections():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    >>> with fewer_collections():
    ...     with no_collections():
    ...         made = [[n] for n in range(1000)]
    ...     gc.get_count()[0], gc.get_freeze_count() >= 1000
    (0, True)
    >>> gc.get_freeze_count()   # the build's end gave it back
    0
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        settle()  # within a build: what the body left alive is not walked again (outside one: nothing)
        if was:
            gc.enable()
