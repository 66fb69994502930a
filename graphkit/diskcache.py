"""Files graphkit can rebuild, kept in the user's cache folder: the one home of where they live and how they are
read and written (`graphkit.places`'s geonames indexes, `graphkit.annotate`'s tables).

Such a file's name holds a digest of everything its content is computed from (the code, the data, the versions):
a change gives another name, so a stale file is never read. It is left behind while another checkout or install of
graphkit may still read it, and removed (its empty lock file kept) once it has not been written for `STALE_DAYS`,
when a file of its kind is first written (`remove_stale`). It is written whole under another
name, then renamed: a reader never sees half a file, and two processes writing at once leave one or the other's.
A file that processes add to (`graphkit.annotate`'s tables) is read, added to and written under its lock
(`merge_marshal`), so that two processes ending together keep both their additions.
No cache folder that can be written (a read-only home, a file where the folder should be): nothing is kept, and
each process computes again what it needs. Nothing is ever written beside the code (a read-only install).

>>> import tempfile; path = Path(tempfile.mkdtemp()) / "x.marshal"
>>> write_marshal(path, {"a": (1, 2)}), read_marshal(path), read_marshal(path.with_name("none.marshal"))
(True, {'a': (1, 2)}, None)
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Optional


def cache_dir() -> Path:
    """Where graphkit keeps what it can rebuild: ``$GRAPHKIT_CACHE``, else ``$XDG_CACHE_HOME/graphkit``, else
    ``~/.cache/graphkit``."""
    if os.environ.get("GRAPHKIT_CACHE"):
        return Path(os.environ["GRAPHKIT_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "graphkit"


def read_marshal(path: Path):
    """The object `write_marshal` wrote to ``path``; None when there is no such file or it cannot be read (damaged,
    or written by another Python). The cyclic collector is off while it loads: a file of many small containers
    would have it walk them again and again."""
    import gc
    import marshal

    try:
        raw = path.read_bytes()
    except OSError:
        return None
    enabled = gc.isenabled()
    gc.disable()
    try:
        return marshal.loads(raw)
    except (ValueError, EOFError, TypeError):
        return None
    finally:
        if enabled:
            gc.enable()


def write_marshal(path: Path, obj) -> bool:
    """Write ``obj`` (what ``marshal`` can hold) to ``path``, whole under another name and then renamed; whether it
    was written (False: no cache folder that can be written)."""
    import marshal

    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        new = not path.exists()
        tmp.write_bytes(marshal.dumps(obj))
        os.replace(tmp, path)
        if new:  # a new digest of its kind: the files the older ones left behind may go
            remove_stale(path)
        return True
    except (OSError, ValueError):
        try:
            tmp.unlink()
        except OSError:
            pass
        return False


#: seconds a process waits for another's `merge_marshal` of the same file before it gives up keeping its entries (the
#: next process computes them again): a cache never holds a build up for long
MERGE_WAIT = 10.0


def merge_marshal(path: Path, entries: Iterable[tuple], limit: int) -> bool:
    """Add ``entries`` ((key, value) pairs) to the dict `write_marshal` kept at ``path``, up to ``limit`` keys (the
    file's own first: a key it holds keeps its value), reading and writing the file under its lock (``path.lock``
    beside it, filelock's): a ``--workers 2`` build's two workers end together, and each read the file, added its own
    entries and wrote it over the other's (run CN, bench/README.md: a quarter to 40 % of the entries PolNeAR dev
    adds lost in one build, computed again by the next). Whether it was written (False: no cache folder that can be
    written, or another process held the lock `MERGE_WAIT` seconds).

    >>> import tempfile; path = Path(tempfile.mkdtemp()) / "t.marshal"
    >>> merge_marshal(path, [("a", 1)], 10), merge_marshal(path, [("b", 2), ("a", 9), ("c", 3)], 2), read_marshal(path)
    (True, True, {'a': 1, 'b': 2})
    """
    from filelock import FileLock, Timeout

    lock = path.with_name(f"{path.name}.lock")
    try:  # a folder the lock cannot be made in: filelock would wait on it as if held
        path.parent.mkdir(parents=True, exist_ok=True)
        open(lock, "a").close()
    except OSError:
        return False
    try:
        with FileLock(str(lock), timeout=MERGE_WAIT):
            data = read_marshal(path)
            data = data if isinstance(data, dict) else {}
            for key, value in entries:
                if len(data) >= limit:
                    break
                data.setdefault(key, value)
            return write_marshal(path, data)
    except Timeout:
        return False


#: days a cache file not written since is kept: another checkout or install of graphkit (another digest) may still read
#: it; a file of its kind written first after that removes it (`remove_stale`). A file read by a graphkit that does not
#: write it again goes too: that graphkit computes it once more (a second or two) and writes it anew
STALE_DAYS = 30


def remove_stale(path: Path, days: Optional[float] = None) -> list[str]:
    """Remove the cache files of ``path``'s kind (its name up to the digest: ``geonames-``, ``annotate-lemma-``) other
    than ``path`` that were last written more than ``days`` (`STALE_DAYS`) ago, and the temp files a stopped write
    left, each under its lock (`merge_marshal`'s); the names removed. A file whose lock another process holds is kept.

    The lock file itself stays (empty, a name in the folder): a lock file removed, even under its own lock, lets a
    process that opened it before the removal take the lock on the removed file once it is let go, while the next
    process makes a new lock file and takes that: two holders of one lock, the lost updates `merge_marshal` prevents
    (filelock 4.3 takes no lock on a removed file; 3.15, which the dependency allows, does).

    >>> import tempfile, time; d = Path(tempfile.mkdtemp())
    >>> for name in ("t-old.marshal", "t-old.marshal.lock", "t-new.marshal", "u-old.marshal"):
    ...     _ = (d / name).write_bytes(b"")
    >>> for name in ("t-old.marshal", "t-old.marshal.lock", "u-old.marshal"):
    ...     os.utime(d / name, (time.time() - 40 * 86400,) * 2)
    >>> remove_stale(d / "t-new.marshal"), sorted(p.name for p in d.iterdir())
    (['t-old.marshal'], ['t-new.marshal', 't-old.marshal.lock', 'u-old.marshal'])
    """
    import time

    from filelock import FileLock, Timeout

    before = time.time() - 86400 * (STALE_DAYS if days is None else days)
    kind = path.name.rsplit("-", 1)[0] + "-"
    removed = []
    for old in sorted(path.parent.glob(f"{kind}*.marshal")):
        if old == path or "-" in old.name[len(kind):] or not _older(old, before):
            continue  # this file, one of a longer kind ("annotate-lemma-" is no "annotate-"), or one written lately
        try:
            with FileLock(str(old.with_name(f"{old.name}.lock")), timeout=0):
                for f in (old, *old.parent.glob(f"{old.name}.*.tmp")):
                    f.unlink(missing_ok=True)
                    removed.append(f.name)
        except (Timeout, OSError):  # held by a process that reads it, or a folder it cannot remove in
            continue
    return removed


def _older(path: Path, before: float) -> bool:
    """Whether the file at ``path`` was last written before ``before`` (seconds since the epoch); False when gone.

    >>> import tempfile, time
    >>> p = Path(tempfile.mkdtemp()) / "table.bin"
    >>> _ = p.write_bytes(b"x")
    >>> _older(p, time.time() + 60), _older(p, 0), _older(p.with_name("gone.bin"), time.time() + 60)
    (True, False, False)
    """
    try:
        return path.stat().st_mtime < before
    except OSError:
        return False
