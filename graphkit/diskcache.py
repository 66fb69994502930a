"""Files graphkit can rebuild, kept in the user's cache folder: the one home of where they live and how they are
read and written (`graphkit.places`'s geonames indexes, `graphkit.annotate`'s tables).

Such a file's name holds a digest of everything its content is computed from (the code, the data, the versions):
a change gives another name, so a stale file is never read, only left behind. It is written whole under another
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
from typing import Iterable


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
        tmp.write_bytes(marshal.dumps(obj))
        os.replace(tmp, path)
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
