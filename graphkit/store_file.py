"""Which file may be a graphkit store, and who may write it: what is checked before a store is opened.

A path is refused before anything is written when it cannot be a store (`check_store_file`: a folder, an empty
or cut-short file, a file that is not SQLite, another application's database, a folder that cannot be made) or
holds a store this graphkit cannot write (`check_layout`: another application's tables, a newer or an older
schema); one build writes a store at a time (`writer_lock`); and the stores this process has open are counted
(`opened` / `closed`), so that no check reads an open store as a plain file (`open_here`). `graphkit.store.Store`
asks these first; `graphkit.build` asks them all before it takes the lock (`check_build_store`), then takes it.

>>> import tempfile
>>> p = Path(tempfile.mkdtemp()) / "s.gk"
>>> check_store_file(p)
Traceback (most recent call last):
graphkit.errors.StoreError: no store at '.../s.gk'; run `graphkit build CORPUS_DIR --store .../s.gk` first
"""

from __future__ import annotations

import os
import sqlite3
import threading
import weakref
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from .errors import StoreError, os_fix, sqlite_fix
from .records import SCHEMA_VERSION

APP_ID = 0x676B6974  # 'gkit' in the SQLite header: marks a graphkit store
#: the first bytes of every SQLite file
SQLITE_MAGIC = b"SQLite format 3\x00"


def _application_id(head: bytes) -> Optional[int]:
    """The application id an SQLite file's header holds (bytes 68-72; `APP_ID` for a graphkit store), None when the
    header is cut short before it.

    >>> _application_id(bytes(68) + APP_ID.to_bytes(4, "big") + bytes(28)) == APP_ID, _application_id(b"SQLite")
    (True, None)
    """
    return int.from_bytes(head[68:72], "big") if len(head) >= 72 else None


def lock_path(path) -> Path:
    """The file of the store's writer lock (`writer_lock`), beside the store at ``path``: its one spelling, which
    `being_built` and the outputs' check (`graphkit.inputs.input_of`) read too. Named after the file ``path`` names in
    the end (`graphkit.inputs.real_path`), so that every name of one store (a link to it, a path through a linked
    folder) takes the one lock.

    >>> import os
    >>> lock_path("out/s.gk") == Path(os.getcwd(), "out", "s.gk.lock")
    True
    """
    from .inputs import real_path

    return Path(str(real_path(path)) + ".lock")


@contextmanager
def writer_lock(path, on_wait: Optional[Callable[[], None]] = None):
    """Hold the store's writer lock (the file ``STORE.lock`` beside it) for one build.

    One build writes a store at a time: a second build of the same store waits here until the
    first ends (calling ``on_wait`` once, so the command can say why it pauses), then finds the
    articles the first parsed unchanged and parses nothing again. Readers never take the lock
    (SQLite lets them read while a build writes). The lock is the operating system's, so a killed
    build releases it. The ``.lock`` file stays beside the store, even when this build made it and failed:
    a second build may have opened it and be waiting on it, and were it removed, a third would make a new
    file of that name and lock that one, two builds then writing at once (filelock keeps it for that reason,
    tox-dev/filelock#574). So a build says every mistake it can before it makes the file (`check_build_store`,
    `graphkit.build.build`).

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "s.gk")
    >>> with writer_lock(p):
    ...     os.path.exists(p + ".lock")
    True
    """
    from filelock import FileLock, Timeout

    try:  # a folder the lock cannot be made in is said now: filelock would wait on it for ever, as if held
        open(lock_path(path), "a").close()
    except OSError as e:
        fix = os_fix(e, "give a --store path in a folder you can write")
        raise StoreError(f"cannot write beside the store '{path}' ({e.strerror}); {fix}") from None
    lock = FileLock(str(lock_path(path)))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if on_wait:
            on_wait()
        lock.acquire()
    try:
        yield
    finally:
        lock.release()


def being_built(path) -> bool:
    """Whether a build holds the store's writer lock now (`writer_lock`, in another process): what a reader of a
    store no build has finished yet says, rather than "its first build stopped" or nothing at all
    (`graphkit.store.Store.check_resolved`). The lock file is never made here; one that cannot be opened says no.

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "s.gk")
    >>> being_built(p), os.path.exists(p + ".lock")
    (False, False)
    """
    from filelock import FileLock, Timeout

    if not lock_path(path).exists():
        return False
    lock = FileLock(str(lock_path(path)))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return True
    except OSError:  # a lock file this user cannot open: no build of theirs
        return False
    lock.release()
    return False


# Stores open in this process, by the file's (device, inode), with how many connections each has.
# SQLite locks a database with POSIX advisory locks, and POSIX drops *every* lock a process holds on a
# file when the process closes *any* descriptor of that file. Reading a store's header with a plain
# open()/close() while this process has a connection to it would drop that connection's locks: another
# process's connection then believes it is the last one, checkpoints and deletes the WAL and its index
# under the open connection, which reads "database disk image is malformed" until it is closed (a
# writer there could corrupt the store). So a store already open here is not read as a plain file.
_OPEN_HERE: Counter = Counter()
_OPEN_LOCK = threading.Lock()
# ... and the Store objects holding them, so that what a store records is read through one of them (`open_store`)
_OPEN_STORES: dict[tuple[int, int], weakref.WeakSet] = {}
# ... and a store file read as a plain file (`file_turn`) never while another thread opens or closes a Store on it:
# one turn per file, by its real path
_FILE_TURNS: "weakref.WeakValueDictionary[str, threading.RLock]" = weakref.WeakValueDictionary()
_TURNS_LOCK = threading.Lock()


def file_turn(path) -> threading.RLock:
    """This process's turn at the store file at ``path``, a lock to hold (``with file_turn(path):``): held by a read of
    the file as a plain file (a look over a read-only connection of its own, its header's bytes, its articles counted:
    after `open_here` said no Store of this process has it open) and by a Store opening or closing its connection to
    it, so that the two never overlap. A Store opened by another thread while the file was read would have its locks
    dropped when the read closes its descriptor (``_OPEN_HERE``), as a look at the store before a build could
    (`look_at_store`). Reentrant: a Store's opening reads the header too (`check_store_file`).

    One turn per file, by its real path: two names of one file through a symbolic link or ``..`` share it, and the
    turn a Store creating the file takes is the one its later readers take (a second hard link would be another
    path: graphkit makes none). Two files' turns are two locks: a Store opening one (its connection waits up to
    `graphkit.store.Store`'s busy timeout for another process) holds up no read or opening of another. A turn lives
    while something holds it (an open Store keeps its file's, a read its own while it reads): a process that opens
    many stores in its life (a server, a test suite) keeps none of the files it is done with.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> file_turn(d / "a.gk") is file_turn(d / "x" / ".." / "a.gk"), file_turn(d / "a.gk") is file_turn(d / "b.gk")
    (True, False)
    """
    key = os.path.realpath(path)
    with _TURNS_LOCK:
        turn = _FILE_TURNS.get(key)
        if turn is None:
            turn = _FILE_TURNS[key] = threading.RLock()
        return turn


def _plain_header(path: Path, size: int = 100) -> Optional[bytes]:
    """The first ``size`` bytes of the file at ``path`` (100: the SQLite header), read as a plain file in this
    process's turn (`file_turn`), or None when a Store of this process has it open (`open_here`: its descriptor must
    not be opened and closed beside the Store's); an OSError of the read is the caller's to say.

    >>> import tempfile
    >>> from graphkit.store import Store
    >>> p = Path(tempfile.mkdtemp()) / "s.gk"
    >>> Store(p, create=True).close()
    >>> _plain_header(p)[:15], len(_plain_header(p)), _plain_header(p, 6)
    (b'SQLite format 3', 100, b'SQLite')
    >>> with Store(p) as s:
    ...     _plain_header(p)  # open here: not read
    """
    with file_turn(path):
        if open_here(path):
            return None
        with open(path, "rb") as f:
            return f.read(size)


def _file_key(path: Path) -> Optional[tuple[int, int]]:
    """What makes the file at ``path`` the same file under any of its names, a link's or a relative one (its device
    and inode), or None when there is no file.

    >>> _file_key(Path("/dev/null")) == _file_key(Path("/dev/../dev/null")), _file_key(Path("no/such.gk"))
    (True, None)
    """
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def open_here(path: Path) -> bool:
    """True when this process has a Store open on ``path`` (the same file, under any name).

    >>> import tempfile
    >>> from graphkit.store import Store
    >>> p = Path(tempfile.mkdtemp()) / "s.gk"
    >>> s = Store(p, create=True); open_here(p)
    True
    >>> s.close(); open_here(p)
    False
    """
    key = _file_key(path)
    with _OPEN_LOCK:
        return key is not None and _OPEN_HERE[key] > 0


def opened(path: Path, store) -> Optional[tuple[int, int]]:
    """Count one more connection of this process to the store at ``path`` (``store``: the Store holding it, kept
    for `open_store`); its key for `closed` (None when the file cannot be found, then nothing is counted)."""
    key = _file_key(path)
    if key is not None:
        with _OPEN_LOCK:
            _OPEN_HERE[key] += 1
            _OPEN_STORES.setdefault(key, weakref.WeakSet()).add(store)
    return key


def open_store(path: Path):
    """A Store this process has open on the file at ``path`` (under any name), or None: what the store records is
    read through it, as a second connection closed would drop its locks (``_OPEN_HERE``).

    >>> import tempfile
    >>> from graphkit.store import Store
    >>> p = Path(tempfile.mkdtemp()) / "s.gk"
    >>> s = Store(p, create=True); open_store(p) is s
    True
    >>> s.close(); open_store(p) is None
    True
    """
    key = _file_key(path)
    with _OPEN_LOCK:
        return next(iter(_OPEN_STORES.get(key, ())), None) if key is not None else None


def read_open_store(path: Path, read: Callable, otherwise: Callable):
    """``read(store)`` through a Store this process has open on the file at ``path`` (`open_store`), else
    ``otherwise()``. The Store is held for the read (``Store.in_use``), so another thread's ``close`` waits for it; one
    another thread closed between being found and being read is passed by, and the look made again: it read a
    closed connection ("Cannot operate on a closed database."). ``otherwise`` runs in this process's `file_turn`, so
    no Store is opened on the file while it reads it as a plain file.

    >>> import tempfile
    >>> from graphkit.store import Store
    >>> p = Path(tempfile.mkdtemp()) / "s.gk"
    >>> s = Store(p, create=True); read_open_store(p, lambda store: store.get_meta("app"), lambda: "not open")
    'graphkit'
    >>> s.close(); read_open_store(p, lambda store: store.get_meta("app"), lambda: "not open")
    'not open'
    """
    while True:
        store = open_store(path)
        if store is None:
            with file_turn(path):  # no Store is opened meanwhile while ``otherwise`` reads the file
                if open_store(path) is None:
                    return otherwise()
            continue  # opened by another thread after the first look: read through it
        with store.in_use:
            if store.is_open:
                return read(store)
        # closed by another thread after it was found, and so no longer counted: look again


def closed(key: Optional[tuple[int, int]], store) -> None:
    """Count one connection fewer to the store of ``key`` (what `opened` gave), ``store`` the Store that held it."""
    if key is not None:
        with _OPEN_LOCK:
            _OPEN_HERE[key] -= 1
            if key in _OPEN_STORES:
                _OPEN_STORES[key].discard(store)
            if _OPEN_HERE[key] <= 0:
                del _OPEN_HERE[key]
                _OPEN_STORES.pop(key, None)


def connections(key: Optional[tuple[int, int]]) -> int:
    """How many connections this process has open to the store of ``key``."""
    with _OPEN_LOCK:
        return _OPEN_HERE[key] if key is not None else 0


def read_only_uri(path) -> str:
    """The SQLite URI that opens the store at ``path`` read-only. A path is no URI: a folder named ``a#b`` would
    end the file's name at the ``#`` (SQLite opening, and making, ``a`` read-write) and ``c%20d`` would be read
    as ``c d``; the path made absolute and quoted holds every name.

    >>> read_only_uri("/data/a#b/s.gk"), read_only_uri("/data/c%20d/s.gk")
    ('file:///data/a%23b/s.gk?mode=ro', 'file:///data/c%2520d/s.gk?mode=ro')
    """
    return Path(path).absolute().as_uri() + "?mode=ro"


def check_store_file(path: Path, *, create: bool = False) -> None:
    """Refuse, before anything is written, a path that cannot be a graphkit store.

    Reads at most the file's first 100 bytes: a folder, an empty or cut-short file, a file that is
    not SQLite, another application's SQLite database. A missing path is refused unless
    ``create`` (then its folder is made). Raises StoreError with the cause and the fix.
    A file this process already has open as a Store passed these checks then, and is not read
    again (see ``_OPEN_HERE``: reading it would drop the open connection's locks).
    """
    if not path.exists():
        if not create:
            raise StoreError(f"no store at '{path}'; run `graphkit build CORPUS_DIR --store {path}` first")
        if not path.parent.exists():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                fix = os_fix(e, "give a --store path in a folder you can write")
                raise StoreError(f"cannot make the folder '{path.parent}' for the store ({e.strerror}); {fix}") from None
    elif path.is_dir():
        raise StoreError(f"'{path}' is a folder; give a file path for the store, e.g. {path}/graph.gk")
    elif not path.is_file():
        raise StoreError(f"'{path}' is no file (a device or a pipe); give a file path for the store, e.g. graph.gk")
    else:
        head = _plain_header(path)
        if head is None:  # a Store of this process has it open: it is one
            return
        if not head and not create:
            raise StoreError(f"'{path}' is an empty file, not a graphkit store; make one there with "
                             f"`graphkit build CORPUS_DIR --store {path}` or give another --store path")
        if head and not head.startswith(SQLITE_MAGIC):
            raise StoreError(f"'{path}' is not a graphkit store (not an SQLite file); give another --store path")
        if head and len(head) < 100:
            raise StoreError(f"'{path}' is a damaged SQLite file (cut short), not a usable graphkit store; "
                             "rebuild it with graphkit build into a new --store path")
        if _application_id(head) not in (None, 0, APP_ID):
            raise StoreError(f"'{path}' is an SQLite database of another application; give another --store path")


#: the files SQLite keeps beside a store while it writes it
SIDE_FILES = ("-wal", "-shm", "-journal")


def journal_files(path) -> tuple[Path, ...]:
    """The files SQLite may keep beside the store at ``path`` while it writes it (`SIDE_FILES`).

    >>> [p.name for p in journal_files("s.gk")]
    ['s.gk-wal', 's.gk-shm', 's.gk-journal']
    """
    path = Path(path)
    return tuple(path.with_name(path.name + s) for s in SIDE_FILES)


def beside_store(path) -> tuple[Path, ...]:
    """The files kept beside the store at ``path``: SQLite's journal (`SIDE_FILES`) and the build's lock
    (`lock_path`), none of which an output may replace (`graphkit.inputs.input_of`).

    >>> [p.name for p in beside_store("s.gk")]
    ['s.gk-wal', 's.gk-shm', 's.gk-journal', 's.gk.lock']
    """
    path = Path(path)
    return (*journal_files(path), lock_path(path))


@contextmanager
def nothing_left_of_a_failed_create(path):
    """Remove the store at ``path`` when the block fails (a full disk, an error, Ctrl-C) after making it and before
    any article was stored in it: a failed first build leaves no store file, which a query would read as an empty
    store. A store that existed before the block, or that holds an article, is left as it is (a new store's first
    articles are kept: the next build goes on from them). Callers hold the writer lock (`writer_lock`), whose
    ``.lock`` file stays.

    >>> import tempfile
    >>> from graphkit.store import Store
    >>> p = Path(tempfile.mkdtemp()) / "s.gk"
    >>> try:
    ...     with nothing_left_of_a_failed_create(p):
    ...         Store(p, create=True).close()
    ...         raise KeyboardInterrupt
    ... except KeyboardInterrupt:
    ...     p.exists()
    False
    """
    path = Path(path)
    made = not path.exists()
    try:
        yield
    except BaseException as e:
        if made and stored_articles(path) == 0:
            for p in (path, *journal_files(path)):
                try:
                    p.unlink(missing_ok=True)
                except OSError:
                    pass  # the error that stopped the build is the one to say
            said = sqlite_fix(e, kept=False) if isinstance(e, sqlite3.Error) else None
            if said:  # not "every article written so far is kept": there is no store left
                raise StoreError(said) from None
        raise


def stored_articles(path: Path) -> Optional[int]:
    """How many articles the store file at ``path`` holds (read only: 0 for a file SQLite made that has no tables
    yet, or none at all); None when it cannot be read. Read through a Store this process has open on it, else over
    a read-only connection of its own in the file's turn (`read_open_store`): closing that connection beside another
    thread's Store would drop the Store's locks (``_OPEN_HERE``)."""
    if not path.is_file():
        return 0
    return read_open_store(path, lambda store: _articles_in(store.db),
                           lambda: None if open_here(path) else _read_only(path, _articles_in))


def _articles_in(db) -> int:
    """How many articles the SQLite database ``db`` holds (0 when it has no table of them).

    >>> _articles_in(sqlite3.connect(":memory:"))
    0
    """
    return db.execute("SELECT count(*) FROM documents").fetchone()[0] if _has_table(db, "documents") else 0


@dataclass(frozen=True)
class StoreLook:
    """What a build reads of its ``--store`` before it takes it, in one read-only open (`look_at_store`): the
    ``meta`` values it asked for (those there), and for a store it cannot write the ``refusal``
    `check_build_store` raises once the build has said its other mistakes."""

    meta: dict[str, str] = field(default_factory=dict)
    refusal: Optional[StoreError] = None


def look_at_store(path, keys: Iterable[str] = ()) -> StoreLook:
    """One read-only look at the store file at ``path`` before a build takes it: the values of the meta ``keys``
    and, for a database with tables that is no store this graphkit can write (`check_layout`) or that SQLite cannot
    open, the refusal to say. Nothing is read of no file, an empty one (a new store), or a store this process has
    open, whose meta is read through that open Store (`open_store`: a second connection closed would drop its
    locks, ``_OPEN_HERE``; the look said nothing of it, and a writer given it by path took it for a store that
    recorded no inputs); what a file that is no SQLite database is, `check_store_file` says.

    >>> import tempfile
    >>> from graphkit.store import Store
    >>> p = Path(tempfile.mkdtemp()) / "s.gk"
    >>> look_at_store(p, ["app"]), Store(p, create=True).close(), look_at_store(p, ["app", "none"])
    (StoreLook(meta={}, refusal=None), None, StoreLook(meta={'app': 'graphkit'}, refusal=None))
    """
    path, keys = Path(path), list(keys)
    if not path.is_file() or not path.stat().st_size:
        return StoreLook()
    return read_open_store(path, lambda here: StoreLook({k: v for k in keys if (v := here.get_meta(k)) is not None}),
                           lambda: _look_at_file(path, keys))


def _look_at_file(path: Path, keys: list[str]) -> StoreLook:
    """`look_at_store` of a store file this process has no Store open on: read over a read-only connection of its
    own."""
    if open_here(path):  # a connection counted without its Store: not read
        return StoreLook()

    def look(db):
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return StoreLook()
        check_layout(db, path, tables)
        marks = ",".join("?" * len(keys))
        return StoreLook(dict(db.execute(f"SELECT key, value FROM meta WHERE key IN ({marks})", keys)) if keys else {})

    try:
        return _read_only(path, look, errors=True)
    except StoreError as e:
        return StoreLook(refusal=e)
    except sqlite3.DatabaseError as e:
        return StoreLook(refusal=open_error(path, e))


def _has_table(db: sqlite3.Connection, name: str) -> bool:
    """Whether the database ``db`` holds a table ``name`` (a store from before the table was added has none).

    >>> db = sqlite3.connect(":memory:"); _ = db.execute("CREATE TABLE claims (id TEXT)")
    >>> _has_table(db, "claims"), _has_table(db, "claim_places")
    (True, False)
    """
    return db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)).fetchone() is not None


def _read_only(path: Path, read: Callable, errors: bool = False):
    """``read(db)`` over a read-only connection to the store at ``path``; None when SQLite cannot read it (raised
    with ``errors``)."""
    db = None
    try:
        db = sqlite3.connect(read_only_uri(path), uri=True)
        return read(db)
    except sqlite3.Error:
        if errors:
            raise
        return None
    finally:
        if db is not None:
            db.close()


def database_at(path) -> Optional[str]:
    """What database the file at ``path`` is, by its first 100 bytes: "a graphkit store", "an SQLite database", or
    None (no file, or another kind). A store this process has open is not read (`open_here`). What a command's
    ``-o`` asks first (`graphkit.outputs.check_output`, through `file_head`): no export is a database, and writing
    over one replaces it.

    >>> import tempfile
    >>> from graphkit.store import Store
    >>> p = Path(tempfile.mkdtemp()) / "s.gk"
    >>> database_at(p), Store(p, create=True).close(), database_at(p)
    (None, None, 'a graphkit store')
    """
    return file_head(path, 100)[0]


def file_head(path, size: int) -> tuple[Optional[str], bytes]:
    """(what database the file at ``path`` is, as `database_at` says, and its first ``size`` bytes), in one read of
    the file (``size`` 100 at least: the SQLite header). The bytes are empty for no regular file there, an unreadable
    one, and a store this process has open (not read: `open_here`).

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "notes.txt"
    >>> file_head(p, 100), (p.write_text("some notes"), file_head(p, 4))[1]
    ((None, b''), (None, b'some'))
    """
    path = Path(path)
    if not path.is_file():
        return None, b""
    try:
        head = _plain_header(path, max(size, 100))
    except OSError:
        return None, b""
    if head is None:  # a Store of this process has it open
        return "a graphkit store", b""
    if not head.startswith(SQLITE_MAGIC):
        return None, head[:size]
    return ("a graphkit store" if _application_id(head) == APP_ID else "an SQLite database"), head[:size]


def open_error(path, e: sqlite3.DatabaseError) -> StoreError:
    """What opening the store at ``path`` failing with ``e`` says: the cause and fix `sqlite_fix` knows (a full
    disk, a store another program holds, one that cannot be written here), else that it is no store to open.

    >>> open_error("s.gk", sqlite3.DatabaseError("file is not a database"))
    StoreError("'s.gk' cannot be opened as a graphkit store (file is not a database); give another --store path or
    rebuild it")
    """
    fix = sqlite_fix(e)
    return StoreError(f"'{path}': {fix}" if fix else f"'{path}' cannot be opened as a graphkit store ({e}); give "
                      "another --store path or rebuild it")


def check_layout(db: sqlite3.Connection, path: Path, tables: set[str]) -> None:
    """Refuse, reading only, a database with ``tables`` that is no graphkit store this graphkit can write:
    another application's, one of a newer or an older schema. Raises StoreError with the cause and the fix."""
    try:
        row = db.execute("SELECT value FROM meta WHERE key='app'").fetchone() if "meta" in tables else None
    except sqlite3.OperationalError:  # another application's 'meta' table, with other columns
        row = None
    if row is None or row[0] != "graphkit":
        raise StoreError(f"'{path}' is an SQLite file but not a graphkit store; give another --store path")
    row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    v = int(row[0]) if row else 0
    if v > SCHEMA_VERSION:
        raise StoreError(f"'{path}' was written by a newer graphkit (schema {v}, this one reads {SCHEMA_VERSION}); upgrade graphkit")
    if v < SCHEMA_VERSION:
        raise StoreError(f"'{path}' has the older schema {v}; rebuild it with `graphkit build CORPUS_DIR --store NEW_PATH`")
    for kind, unknown in _unknown_fields(db, tables):
        raise StoreError(newer_records(path, kind, unknown))


#: the tables of records (their JSON in ``record``) and the graphkit.records class each holds
RECORD_TABLES = ("documents", "actors", "places", "issues", "claims", "contradictions")


def _unknown_fields(db: sqlite3.Connection, tables: set[str]) -> Iterable[tuple[str, list[str]]]:
    """(kind, fields) of each record table whose first record holds fields this graphkit's record class does not
    know, as a store a newer graphkit wrote under the same schema does (every record of a table is written by one
    class: one read a table); of the extractions, the first one's own fields, its first claim's and that claim's
    attribution's (`graphkit.extract.DocExtraction`, `LocalClaim`, `graphkit.records.Attribution`: ``issues suggest``
    reads them). A record added by hand or damaged is `graphkit.store.stored_record`'s to say.

    >>> db = sqlite3.connect(":memory:")
    >>> _ = db.execute("CREATE TABLE places (id TEXT, name TEXT, record TEXT)")
    >>> _ = db.execute("INSERT INTO places VALUES ('place:kyiv', 'Kyiv', ?)", ('{"id": "place:kyiv", "novel": 1}',))
    >>> list(_unknown_fields(db, {"places"}))
    [('place', ['novel'])]
    >>> _ = db.execute("CREATE TABLE extractions (doc_id TEXT, data TEXT)")
    >>> data = '{"items": [{"attribution": {"cue": "said", "new": 1}}]}'
    >>> _ = db.execute("INSERT INTO extractions VALUES ('d', ?)", (data,))
    >>> list(_unknown_fields(db, {"extractions"}))
    [('attribution', ['new'])]
    """
    import json

    from . import records
    from .extract import DocExtraction, LocalClaim

    def first(table: str, column: str):
        row = db.execute(f"SELECT {column} FROM {table} LIMIT 1").fetchone() if table in tables else None
        try:
            return json.loads(row[0]) if row else {}
        except (TypeError, ValueError):
            return {}

    found = [(getattr(records, t[:-1].capitalize()), first(t, "record")) for t in RECORD_TABLES]
    extraction = first("extractions", "data")
    item = next(iter(extraction.get("items") or []), {}) if isinstance(extraction, dict) else {}
    found += [(DocExtraction, extraction), (LocalClaim, item),
              (records.Attribution, item.get("attribution") if isinstance(item, dict) else {})]
    for model, fields in found:
        unknown = sorted(set(fields) - set(model.model_fields)) if isinstance(fields, dict) else []
        if unknown:
            yield {"DocExtraction": "extraction", "LocalClaim": "extracted claim"}.get(model.__name__,
                                                                                      model.__name__.lower()), unknown


def newer_records(path, kind: str, unknown: Iterable[str]) -> str:
    """What is said of a store whose ``kind`` records hold fields this graphkit does not know (``unknown``), ``path``
    its path (None: "the store").

    >>> newer_records("s.gk", "claim", ["novel"])
    "'s.gk' was written by a newer graphkit (its claim records hold fields this one does not know: novel); upgrade
    graphkit, or rebuild it with `graphkit build CORPUS_DIR --store NEW_PATH`"
    """
    where = "the store" if path is None else f"'{path}'"
    return (f"{where} was written by a newer graphkit (its {kind} records hold fields this one does not know: "
            f"{', '.join(unknown)}); upgrade graphkit, or rebuild it with `graphkit build CORPUS_DIR --store NEW_PATH`")


def check_build_store(path, look: Optional[StoreLook] = None) -> None:
    """What a build checks of its ``--store`` before it takes the writer lock or writes anything: the file's
    kind (`graphkit.store_file.check_store_file`, its folder made when missing) and, for a store already there,
    its layout (`check_layout`), as ``look`` (`look_at_store`, the build's one read-only open; looked at here when
    not given) found it. The same refusals as opening it with ``Store(path, create=True)``, said before a lock file
    is made beside it.

    >>> import sqlite3, tempfile
    >>> p = Path(tempfile.mkdtemp()) / "s.gk"
    >>> from graphkit.store import Store
    >>> Store(p, create=True).close()
    >>> with sqlite3.connect(p) as db:
    ...     _ = db.execute("UPDATE meta SET value='0' WHERE key='schema_version'")
    >>> db.close()
    >>> check_build_store(p)
    Traceback (most recent call last):
    graphkit.errors.StoreError: '.../s.gk' has the older schema 0; rebuild it with `graphkit build CORPUS_DIR --store
    NEW_PATH`
    """
    path = Path(path)
    check_store_file(path, create=True)
    look = look_at_store(path) if look is None else look
    if look.refusal is not None:
        raise look.refusal
