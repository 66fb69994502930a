"""Where an output may be written, and how it is written whole: the checks every writer asks of its ``-o`` and
the one way a file is written (graphkit's exports in `graphkit.export`, the view's page in `graphkit.view`, ``issues
suggest``'s taxonomy in `graphkit.suggest`).

A path is checked before anything is worked out (`check_output`, `check_neo4j_output` for a folder of files): its
folder must be there, it is no database and no input of the store the output is made from, and a file there is
replaced only when graphkit wrote it (`written_by_graphkit`, each writer's head read by `own_heads`). The output is
then written to a temporary file beside it and renamed into place only when whole (`atomic_open`), or written through
as it is when it is a pipe, a device or a process's open file (`written_through`). This module knows no format: a
writer gives the file name an error suggests (``example``) and declares how its output begins beside it.

>>> import tempfile
>>> d = Path(tempfile.mkdtemp())
>>> with atomic_open(d / "notes.txt") as f:
...     _ = f.write("half")
...     raise ValueError("stopped halfway")
Traceback (most recent call last):
ValueError: stopped halfway
>>> list(d.iterdir())
[]
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Optional

from .errors import ExportError, os_fix
from .inputs import input_of, real_path


def file_mode() -> int:
    """The mode a new file gets under the user's umask (0644 with the usual 022), as ``open()`` would give.

    Temporary files are created 0600; an export renamed into place keeps that unless set to this.

    >>> old = os.umask(0o022); m = file_mode(); _ = os.umask(old); oct(m)
    '0o644'
    """
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def check_output(path, example: str = "graph.graphml", store=None, replaces=None) -> Path:
    """``path`` as a Path when a file can be written there; else ExportError saying why and what to give.

    `atomic_open` asks it; a command asks it first when the output takes long to work out, so that a wrong
    ``-o`` fails at once. ``example``: the file name suggested when ``path`` is a folder. ``replaces``: the writer's own
    test of a file at ``path`` in place of `written_by_graphkit`, raising ExportError when the file is to be kept
    (``issues suggest``: `graphkit.suggest.check_unedited`, whose one read of the file answers both questions).

    An existing database (`graphkit.store_file.database_at`: the store itself, given as ``-o`` by mistake) is refused:
    no output is one, and writing over it would lose what it holds. With the ``store`` the output is made from (its
    path, or the `graphkit.store.Store` open), so is any input of that store (`graphkit.inputs.input_of`: an article
    or the metadata of the corpus it was built from, a knowledge file it was built with). Any other file there is
    replaced only when graphkit wrote it (`written_by_graphkit`: a re-export replaces its own file; a researcher's
    notes named by mistake are kept), as ``build --store`` takes only a store. The file is read once a check
    (`graphkit.store_file.file_head`: its first `HEAD_BYTES` answer both what database it is and how it begins).

    >>> check_output("no/such/folder/g.graphml")
    Traceback (most recent call last):
    graphkit.errors.ExportError: no folder 'no/such/folder' to write into: it does not exist; create it or choose
    another -o path
    """
    from .store_file import file_head

    path = Path(path)
    if path.is_dir():
        raise ExportError(f"'{path}' is a folder; give a file name with -o, e.g. {_example_in(path, example, store)}")
    kind, head = file_head(path, HEAD_BYTES)  # one read: what database it is, and how it begins
    if kind:
        raise ExportError(f"'{path}' is {kind}: writing there would replace what it holds; give another -o path")
    _check_folder_is_there(path.parent)
    if store is not None:
        _check_not_an_input(path, store)
    if replaces is not None:
        replaces(path)
    elif not (written_through(path) or begins_as_ours(head)):
        raise not_ours(path)
    return path


def not_ours(path) -> ExportError:
    """What a writer says of a file at its ``-o`` that graphkit did not write (`written_by_graphkit`, `begins_as_ours`).

    >>> print(not_ours("notes.csv"))
    'notes.csv' is a file graphkit did not write: writing there would replace what it holds; give another -o path (or
    remove the file first)
    """
    return ExportError(f"'{path}' is a file graphkit did not write: writing there would replace what it holds; "
                       "give another -o path (or remove the file first)")


@lru_cache(maxsize=None)
def own_heads() -> re.Pattern:
    """How each of graphkit's outputs begins (`written_by_graphkit`), one pattern a writer, each declared beside its
    writer: the export formats' (`graphkit.export.GRAPHML_HEAD`, ``GEXF_HEAD``, ``CYTOSCAPE_HEAD``, ``JSON_HEAD``,
    ``JSONL_HEAD``, ``CSV_HEAD``, ``NEO4J_HEAD``), the view's (`graphkit.view.HEAD`) and ``issues suggest``'s
    (`graphkit.suggest.HEAD`), imported only when a file is there to be asked about.

    >>> bool(own_heads().search('<meta name="generator" content="graphkit view (vis-network)">'))
    True
    """
    from .export import CSV_HEAD, CYTOSCAPE_HEAD, GEXF_HEAD, GRAPHML_HEAD, JSON_HEAD, JSONL_HEAD, NEO4J_HEAD
    from .suggest import HEAD as SUGGESTED
    from .view import HEAD as VIEW

    return re.compile("|".join([GRAPHML_HEAD, GEXF_HEAD, CYTOSCAPE_HEAD, JSON_HEAD, JSONL_HEAD, CSV_HEAD, NEO4J_HEAD,
                                VIEW, SUGGESTED]))


def written_by_graphkit(path) -> bool:
    """Whether an output may replace ``path``: nothing there, an empty file, something no regular file (a pipe, a
    device: written through, `written_through`), or a file that begins as one of graphkit's outputs does
    (`own_heads`, its first 4 KB read).

    >>> import tempfile
    >>> from graphkit.export import CSV_FIELDS
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "claims.csv").write_text(",".join(CSV_FIELDS) + "\\n"); _ = (d / "notes.csv").write_text("a,b\\n1,2\\n")
    >>> written_by_graphkit(d / "claims.csv"), written_by_graphkit(d / "notes.csv"), written_by_graphkit(d / "new.csv")
    (True, False, True)
    """
    from .store_file import file_head

    kind, head = file_head(path, HEAD_BYTES)  # unreadable: b"", the write that follows says why
    return written_through(path) or not kind and begins_as_ours(head)


#: how much of a file `begins_as_ours` reads
HEAD_BYTES = 4096


def begins_as_ours(raw: bytes) -> bool:
    """Whether a file's bytes (its first `HEAD_BYTES` are read) are empty or begin as one of graphkit's outputs does
    (`own_heads`).

    >>> from graphkit.export import CSV_FIELDS
    >>> begins_as_ours(b""), begins_as_ours(",".join(CSV_FIELDS).encode()), begins_as_ours(b"a,b\\n1,2\\n")
    (True, True, False)
    """
    head = raw[:HEAD_BYTES].decode("utf-8", errors="replace")
    return not head or own_heads().search(head) is not None


def _example_in(folder: Path, example: str, store=None) -> Path:
    """The file name a folder given as ``-o`` is answered with: ``example`` in it, or, when that is an input of the
    ``store`` (`graphkit.inputs.input_of`: ``view -o corpus`` was told "e.g. corpus/graph.html", a name the next
    build reads as an article, refused when given), in the first folder above it where it is none.

    >>> _example_in(Path("out"), "graph.html")
    PosixPath('out/graph.html')
    """
    if store is None:
        return folder / example

    for where in (folder, *folder.parents):
        if input_of(store, where / example) is None:
            return where / example
    return folder / example


def _check_not_an_input(path: Path, store) -> None:
    """ExportError when ``path`` is an input of ``store`` (`graphkit.inputs.input_of`), saying which."""

    what = input_of(store, path)
    if what:
        raise ExportError(f"'{path}' is {what}; give another -o path")


def _check_folder_is_there(folder: Path) -> None:
    """Every writer's one rule: the folder an output goes into is the user's to make (a mistyped -o makes none).

    >>> _check_folder_is_there(Path("."))
    >>> _check_folder_is_there(Path("ouput"))
    Traceback (most recent call last):
    graphkit.errors.ExportError: no folder 'ouput' to write into: it does not exist; create it or choose another -o path
    """
    if not folder.exists():
        raise ExportError(f"no folder '{folder}' to write into: it does not exist; create it or choose another -o path")


def written_through(path) -> bool:
    """Whether an output at ``path`` is written into as it is rather than replaced by a finished temp file: something
    that is no regular file (a pipe, a device), or a file reached through a process's open files (``-o /dev/stdout``,
    a link to ``/proc/self/fd/1``: the file as the shell opened it, maybe to append to or shared with what else
    writes there; a file renamed over its name would leave the shell's file empty).

    >>> written_through("/dev/null"), written_through("/dev/stdout"), written_through("/dev/fd/1")
    (True, True, True)
    >>> written_through("no/such/file.jsonl")
    False
    """
    p = Path(path)
    if _through_open_files(p):
        return True
    return p.exists() and not p.is_file() and not p.is_dir()


def _through_open_files(p: Path) -> bool:
    """Whether ``p`` is, or its chain of links passes through, a process's open file (``/proc/PID/fd/N``).

    >>> _through_open_files(Path("/dev/stdout")), _through_open_files(Path("out/graph.jsonl"))
    (True, False)
    """
    return _open_file_link(p) is not None


def _open_file_link(p: Path) -> Optional[Path]:
    """The ``/proc/...`` path ``p`` is or its chain of links passes through, else None. Each step's folder is
    resolved first: ``/dev/fd/1`` is a file in a folder link (``/dev/fd`` to ``/proc/self/fd``).

    >>> _open_file_link(Path("/dev/fd/1")).parts[-2:], _open_file_link(Path("out/graph.jsonl"))
    (('fd', '1'), None)
    """
    for _ in range(40):  # the kernel's own bound on a chain of links
        p = Path(os.path.realpath(p.parent)) / p.name
        if p.parts[:2] == ("/", "proc"):
            return p
        if not p.is_symlink():
            return None
        p = p.parent / os.readlink(p)
    return None


def _own_descriptor(path) -> Optional[int]:
    """The descriptor N of this process that ``path`` names through ``/proc/self/fd/N`` (``/dev/stdout``: 1), else
    None. Written through that descriptor, an output goes where the shell pointed it, at its offset: reopening the
    file by its name would truncate a file the shell appends to (``>> log``) or write over what the shell writes
    there after (``(graphkit export ...; echo done) > f``).

    >>> _own_descriptor("/dev/stdout"), _own_descriptor("/dev/fd/2"), _own_descriptor("out/graph.jsonl")
    (1, 2, None)
    """
    link = _open_file_link(Path(path))
    parts = link.parts if link is not None else ()
    if len(parts) == 5 and parts[2] in ("self", "thread-self", str(os.getpid())) and parts[3] == "fd" \
            and parts[4].isdigit():
        return int(parts[4])
    return None


@contextmanager
def atomic_open(path, mode="w", example: str = "graph.graphml", replaces=None, **kw):
    """Open a temp file beside `path`; rename it over `path` only if the block succeeds. A link is kept: the file it
    leads to is replaced (`graphkit.inputs.real_path`). A pipe, a device or a process's open file (``-o /dev/stdout``)
    is written through as it is (`written_through`). ``replaces``: as for `check_output`, asked again here, at the write
    (a file edited while the output was worked out is kept).

    The file gets the mode a plain ``open()`` would give it (the user's umask), not the temp file's 0600.
    ``example``: the file name an error suggests when `path` is a folder (graphkit.view writes 'graph.html').

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> with atomic_open(d / "a.txt") as f:
    ...     _ = f.write("done")
    >>> [p.name for p in d.iterdir()], (d / "a.txt").read_text()
    (['a.txt'], 'done')
    >>> with atomic_open(d, example="graph.html") as f:
    ...     pass
    Traceback (most recent call last):
    graphkit.errors.ExportError: '...' is a folder; give a file name with -o, e.g. .../graph.html
    """
    path = check_output(path, example, replaces=replaces)
    if written_through(path):
        fd = _own_descriptor(path)
        try:
            if fd is not None:
                sys.stdout.flush()  # what this process wrote to its streams before goes first
                sys.stderr.flush()
                fd = os.dup(fd)
            f = open(fd if fd is not None else path, mode, **kw)
        except OSError as e:  # a descriptor this process does not hold, a device that cannot be opened
            raise ExportError(f"cannot write '{path}': {e.strerror}; {os_fix(e, 'choose another -o path')}") from None
        with f:
            yield f
        return
    target = real_path(path)
    if path.is_symlink() and not target.parent.is_dir():
        raise ExportError(f"'{path}' is a link to '{target}', whose folder does not exist; create '{target.parent}' "
                          "or choose another -o path")
    try:
        fd, tmp = tempfile.mkstemp(prefix="." + target.name + ".", suffix=".tmp", dir=target.parent)
    except OSError as e:  # a folder that cannot be written in
        raise ExportError(f"cannot write '{path}': {e.strerror}; {os_fix(e, 'choose another -o path')}") from None
    os.close(fd)
    try:
        with open(tmp, mode, **kw) as f:
            yield f
        os.chmod(tmp, file_mode())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def check_neo4j_output(path, store=None) -> Path:
    """The folder a neo4j export of ``path`` writes, ``path`` itself, when it can be made there; else ExportError
    saying why: the folder it goes into must be there, as for every writer (`check_output`), it is no file, nor a
    file's name (`_a_file_name`), and, with the ``store`` the export is made from, it is no input of that store
    (`graphkit.inputs.input_of`: the models folder the store was built with). A corpus folder, or one of its folders,
    takes it as it takes any new file of another name: its CSV files (``nodes_*.csv``, ``rels_*.csv``) are read by no
    build and replace nothing of the corpus's.

    >>> check_neo4j_output("no/such/folder/neo")
    Traceback (most recent call last):
    graphkit.errors.ExportError: no folder 'no/such/folder' to write into: it does not exist; create it or choose
    another -o path
    """
    out = Path(path)
    if out.exists() and not out.is_dir():
        raise ExportError(f"'{out}' is no folder, and a neo4j export writes a folder of CSV files; give a folder "
                          f"with -o, e.g. {out.parent / 'neo4j'}")
    _a_file_name(out)
    _check_folder_is_there(out.parent)
    if store is not None:
        _check_not_an_input(out, store)
    return out


def _a_file_name(out: Path) -> None:
    """Refuse a neo4j export's ``-o`` that names a file (``notes.txt``, ``graph.csv``: a suffix, and no folder of that
    name): the export writes a folder of CSV files, and it wrote them in the folder of the stem ('notes'), a folder
    the researcher never named, which two names shared ('data.v1' and 'data.v2' both wrote 'data'). A folder whose
    name has a dot is taken once it is there.

    >>> _a_file_name(Path("out/neo4j"))
    >>> _a_file_name(Path("notes.txt"))
    Traceback (most recent call last):
    graphkit.errors.ExportError: 'notes.txt' is a file's name (.txt), and a neo4j export writes a folder of CSV files;
    give a folder with -o, e.g. notes (a folder whose name has a dot: make it first)
    """
    if out.suffix and not out.is_dir():
        raise ExportError(f"'{out}' is a file's name ({out.suffix}), and a neo4j export writes a folder of CSV files; "
                          f"give a folder with -o, e.g. {out.with_suffix('')} (a folder whose name has a dot: make it "
                          "first)")
