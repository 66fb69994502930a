"""Which files of a corpus folder are articles, and how an article's bytes are read: the build's one rule
(`graphkit.ingest` reads what it lists, through `article_bytes`).

Only the standard library, and no import of graphkit's own: the bench's commands that measure a start (bare spaCy's,
`bench/command_checkpoints.py`) or import another checkout's graphkit (`bench/resolve_stages.py --src`) load this file
on its own to check and read a corpus by the same rule (`bench/corpus_check.py`), without importing the graphkit
package.

>>> import tempfile
>>> root = Path(tempfile.mkdtemp())
>>> for name in ("a.txt", "news/b.HTML", ".drafts/c.md", "README.md", "metadata.jsonl", "notes.csv"):
...     (root / name).parent.mkdir(parents=True, exist_ok=True); _ = (root / name).write_text("x")
>>> [p.relative_to(root).as_posix() for p in iter_article_paths(root)]
['a.txt', 'news/b.HTML']
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePath
from typing import Callable, Iterator, Optional

#: an article's suffix (lower-cased) and the format it is read as
ARTICLE_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
#: the corpus's metadata files (`graphkit.metadata.read_metadata`): never articles
METADATA_NAMES = ("metadata.jsonl", "metadata.csv")
#: a corpus folder may carry its documentation (corpus/README.md is the data card): never read as articles
DOC_STEMS = frozenset({"readme", "license", "licence", "changelog", "datacard", "data_card", "data-card"})
#: larger article files are refused with a reason (not read into memory)
MAX_BYTES = 50_000_000
#: what is said of a corpus file listed and gone when it is read (moved or deleted while the command ran), after its
#: error
GONE = ": it was moved or deleted after the folder was listed; run the command again"


def iter_article_paths(root: Path) -> Iterator[Path]:
    """Article files under root, recursively, in sorted order.

    Hidden files and folders and the corpus's own documentation (README.md, LICENSE, a data card) are not articles.
    A link named as an article that leads to no file, and a pipe or a device so named, are listed too, so that
    reading them says so (`article_bytes`).
    """
    for p in sorted(root.rglob("*")):
        if is_article_path(p.relative_to(root)) and not p.is_dir():
            yield p


def is_article_path(rel: PurePath) -> bool:
    """Whether a file at ``rel`` (its path inside a corpus folder) is read as an article: an article's suffix, no
    hidden file or folder on the way, not the corpus's documentation nor its metadata. What `iter_article_paths`
    lists, and what no output may be written to (`graphkit.inputs.input_of`).

    >>> [is_article_path(PurePath(p)) for p in ("a.txt", "news/b.HTML", ".drafts/c.md", "README.md", "a.csv")]
    [True, True, False, False, False]
    """
    return (not any(part.startswith(".") for part in rel.parts) and rel.stem.lower() not in DOC_STEMS
            and rel.suffix.lower() in ARTICLE_SUFFIXES and rel.name not in METADATA_NAMES)


def article_bytes(path: Path, fix: Callable[[OSError], str] = lambda e: "check its permissions"
                  ) -> tuple[Optional[bytes], Optional[str]]:
    """The bytes of the article file at ``path``, or (None, why not and what to do): a link that leads to no file
    (to a file moved or deleted, or a loop of links), a pipe (whose reading would wait for a writer) or a device, a
    file over MAX_BYTES, a file gone since its folder was listed (moved or deleted while the build ran: `GONE`), a file
    that cannot be read (what to do: ``fix(error)``; the build's is `graphkit.errors.os_fix`). What the build reads an
    article from, and the bench's bare spaCy (`bench/corpus_check.py`).

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp()); (root / "a.txt").symlink_to("gone.txt"); os.mkfifo(root / "b.txt")
    >>> article_bytes(root / "a.txt")
    (None, "a link to 'gone.txt', which leads to no file (No such file or directory); fix or remove the link")
    >>> article_bytes(root / "b.txt"), article_bytes(Path("/dev/null")) == article_bytes(root / "b.txt")
    ((None, 'a pipe or a device, not a file; save the article as a plain file'), True)
    >>> article_bytes(root / "listed, then deleted.txt")
    (None, 'cannot read the file (No such file or directory): it was moved or deleted after the folder was listed; run
    the command again')
    """
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            return None, "a pipe or a device, not a file; save the article as a plain file"
        size = st.st_size
        if size > MAX_BYTES:
            return None, f"{size / 1e6:.0f} MB is over the {MAX_BYTES / 1e6:.0f} MB limit; split the file"
        return path.read_bytes(), None
    except OSError as e:
        if path.is_symlink():  # a link to a file moved or deleted (or a loop of links)
            return None, (f"a link to '{os.readlink(path)}', which leads to no file ({e.strerror}); fix or remove the "
                          "link")
        return None, f"cannot read the file ({e.strerror}){what_to_do(e, fix)}"


def what_to_do(e: OSError, fix: Callable[[OSError], str]) -> str:
    """What follows "cannot read ... (its error)" for a corpus file listed and then read: `GONE` when it is no longer
    there, else "; " and ``fix(e)``. The one choice of the two, for an article (`article_bytes`) and a metadata file
    (`graphkit.ingest`).

    >>> what_to_do(FileNotFoundError(2, "No such file or directory"), lambda e: "check its permissions") == GONE
    True
    >>> what_to_do(PermissionError(13, "Permission denied"), lambda e: "check its permissions")
    '; check its permissions'
    """
    return GONE if isinstance(e, FileNotFoundError) else "; " + fix(e)
