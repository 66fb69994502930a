"""One exception family. Every message says what went wrong and how to fix it.

The CLI prints ``GraphkitError`` messages as one line (no traceback) and exits 2.

>>> from graphkit.errors import CorpusNotFound
>>> str(CorpusNotFound("no folder at 'corpsu'; check the path (did you mean 'corpus'?)"))
"no folder at 'corpsu'; check the path (did you mean 'corpus'?)"
"""


class GraphkitError(Exception):
    """Base of every error graphkit raises on purpose; the message is for the user."""


class GraphkitWarning(UserWarning):
    """A warning graphkit gives a notebook or script on purpose (the message is for the user, its cause and fix); the
    command line says it as a line of its own (`graphkit.program.warnings_as_lines`), and no other warning so."""


class ModelNotFound(GraphkitError):
    """The spaCy pipeline cannot be loaded."""


class CorpusNotFound(GraphkitError):
    """The corpus path does not exist, is not a folder, or holds no articles."""


class StoreError(GraphkitError):
    """The store is missing, not a graphkit store, of a newer schema, or damaged."""


class ModelsFileError(GraphkitError):
    """A file under models/ (cues, actors, issues) is malformed."""


class ExportError(GraphkitError):
    """An export could not be written."""


class SettingError(GraphkitError):
    """An environment setting graphkit reads (``GRAPHKIT_GEMM``) has a value it does not know."""


def one_line(text) -> str:
    """``text`` (or an exception's message) on one line, its runs of white space one space each.

    >>> one_line(ValueError("no store at 'x.gk';   build one first "))
    "no store at 'x.gk'; build one first"
    """
    return " ".join(str(text).split())


def os_fix(e: OSError, otherwise: str) -> str:
    """What to do about ``e`` (a file or folder that could not be read or written), by its kind: a folder given for
    a file, a file one may not use, a full disk, a disk that cannot be written; ``otherwise`` for the rest (the
    fix the caller knows for its own path).

    >>> import errno
    >>> os_fix(OSError(errno.ENOSPC, "No space left on device"), "choose another -o path")
    'free space on that disk or give a path on another'
    >>> os_fix(FileNotFoundError(errno.ENOENT, "No such file or directory"), "check the path")
    'check the path'
    """
    import errno

    return ("give a file, not a folder" if isinstance(e, IsADirectoryError) else
            "check its permissions" if isinstance(e, PermissionError) else
            "free space on that disk or give a path on another" if e.errno in (errno.ENOSPC, errno.EDQUOT) else
            "give a path on a disk that can be written" if e.errno == errno.EROFS else otherwise)


def corpus_file_fix(e: OSError) -> str:
    """What to do about a corpus file the build cannot read (`os_fix`; else its permissions): the ``fix`` of
    `graphkit.article_paths.what_to_do` for articles (`graphkit.ingest`) and metadata (`graphkit.metadata`) alike.

    >>> import errno
    >>> corpus_file_fix(OSError(errno.EIO, "Input/output error"))
    'check its permissions'
    >>> corpus_file_fix(IsADirectoryError(errno.EISDIR, "Is a directory"))
    'give a file, not a folder'
    """
    return os_fix(e, "check its permissions")


def sqlite_fix(e: BaseException, kept: bool = True):
    """The cause and fix of an SQLite error that says nothing is wrong with the store itself, or None: the disk
    holding it is full, another program holds it locked (a database browser, a notebook writing to it), it is
    opened where it cannot be written. A store is written an article at a time, so every article written before
    such an error is kept; not ``kept``: the new store held none and was removed
    (`graphkit.store_file.nothing_left_of_a_failed_create`).

    >>> import sqlite3
    >>> db = sqlite3.connect(":memory:", isolation_level=None, timeout=0)
    >>> _ = db.execute("PRAGMA max_page_count=2"); _ = db.execute("CREATE TABLE t (x)")
    >>> try:
    ...     _ = db.execute("INSERT INTO t VALUES (?)", ("x" * 100_000,))
    ... except sqlite3.Error as e:
    ...     sqlite_fix(e)
    'the disk holding the store is full (database or disk is full); free space there and run the command again: every
    article written so far is kept'
    >>> sqlite_fix(sqlite3.DatabaseError("file is not a database")) is None
    True
    """
    name = getattr(e, "sqlite_errorname", "") or ""  # Python 3.11 and later; the message before
    said = one_line(e)
    if name.startswith("SQLITE_FULL") or said == "database or disk is full":
        return (f"the disk holding the store is full ({said}); free space there and run the command again: "
                + ("every article written so far is kept" if kept else "the new store held no article yet and was "
                   "removed"))
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or said.startswith("database is locked"):
        return (f"another program holds the store ({said}); close it (a database browser, a notebook writing to it) "
                "and run the command again")
    if name.startswith("SQLITE_READONLY") or "readonly database" in said:
        return f"the store cannot be written here ({said}); give a --store path on a disk you can write"
    return None


def user_error_line(e: BaseException):
    """The one line (cause and fix) a user's mistake says, or None when ``e`` is no such mistake (a bug, which
    keeps its traceback).

    User mistakes are graphkit's own errors (their message already says what to do), a path that cannot be
    read or written (an OSError naming its file, or one raised with a message alone), and a store SQLite
    cannot read. The command (`graphkit.program.run`, which `graphkit.cli.main` calls) and the bench scripts
    (`script_main`) say them the same way.

    >>> user_error_line(StoreError("no store at 'x.gk'; run `graphkit build CORPUS_DIR --store x.gk` first"))
    "no store at 'x.gk'; run `graphkit build CORPUS_DIR --store x.gk` first"
    >>> user_error_line(FileNotFoundError(2, "No such file or directory", "notes/judged.txt"))
    "cannot use 'notes/judged.txt' (No such file or directory); check the path"
    >>> user_error_line(IsADirectoryError(21, "Is a directory", "out"))
    "cannot use 'out' (Is a directory); give a file, not a folder"
    >>> import errno
    >>> user_error_line(OSError(errno.ENOSPC, "No space left on device", "out/s.gk"))
    "cannot use 'out/s.gk' (No space left on device); free space on that disk or give a path on another"
    >>> user_error_line(FileNotFoundError("no PolNeAR dev.jsonl in /x: put ../shared beside the checkout"))
    'no PolNeAR dev.jsonl in /x: put ../shared beside the checkout'
    >>> user_error_line(KeyError("speaker")) is None, user_error_line(BrokenPipeError(32, "Broken pipe")) is None
    (True, True)
    """
    import sqlite3

    if isinstance(e, GraphkitError):
        return one_line(e)
    if isinstance(e, sqlite3.DatabaseError):
        return sqlite_fix(e) or (f"the store could not be read ({one_line(e)}); it may be damaged: rebuild it with "
                                 "`graphkit build CORPUS_DIR --store NEW_PATH`")
    if isinstance(e, OSError):
        if e.filename is not None:
            return f"cannot use '{e.filename}' ({e.strerror}); {os_fix(e, 'check the path')}"
        if e.errno is None and e.args:  # raised with a message of its own (cause and fix)
            return one_line(e)
    return None


def script_main(prog: str, main, argv=None) -> int:
    """Run a script's ``main(argv)`` and return its exit status; a user's mistake (`user_error_line`) is one line
    on stderr, ``PROG: error: ...``, and status 2, never a traceback. The bench scripts end with
    ``sys.exit(script_main("NAME", main))``.

    >>> def main(argv=None):
    ...     raise StoreError("no store at 'a.gk'; build one first")
    >>> import contextlib, io
    >>> err = io.StringIO()
    >>> with contextlib.redirect_stderr(err):
    ...     code = script_main("audit", main, [])
    >>> code, err.getvalue()
    (2, "audit: error: no store at 'a.gk'; build one first\\n")
    """
    import sys

    try:
        code = main(argv) if argv is not None else main()
    except Exception as e:  # noqa: BLE001 - every other exception is raised again below
        line = user_error_line(e)
        if line is None:
            raise
        print(f"{prog}: error: {line}", file=sys.stderr)
        return 2
    return code if isinstance(code, int) else 0
