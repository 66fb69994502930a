"""Which files of a corpus folder are articles: the build's one rule (`graphkit.ingest` reads what it lists).

Only the standard library, and no import of graphkit's own: the bench's commands that measure a start (bare spaCy's,
`bench/command_checkpoints.py`) or import another checkout's graphkit (`bench/resolve_stages.py --src`) load this file
on its own to check a corpus by the same rule (`bench/corpus_check.py`), without importing the graphkit package.

>>> import tempfile
>>> root = Path(tempfile.mkdtemp())
>>> for name in ("a.txt", "news/b.HTML", ".drafts/c.md", "README.md", "metadata.jsonl", "notes.csv"):
...     (root / name).parent.mkdir(parents=True, exist_ok=True); _ = (root / name).write_text("x")
>>> [p.relative_to(root).as_posix() for p in iter_article_paths(root)]
['a.txt', 'news/b.HTML']
"""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import Iterator

#: an article's suffix (lower-cased) and the format it is read as
ARTICLE_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
#: the corpus's metadata files (`graphkit.ingest.read_metadata`): never articles
METADATA_NAMES = ("metadata.jsonl", "metadata.csv")
#: a corpus folder may carry its documentation (corpus/README.md is the data card): never read as articles
DOC_STEMS = frozenset({"readme", "license", "licence", "changelog", "datacard", "data_card", "data-card"})


def iter_article_paths(root: Path) -> Iterator[Path]:
    """Article files under root, recursively, in sorted order.

    Hidden files and folders and the corpus's own documentation (README.md, LICENSE, a data card) are not articles.
    A link named as an article that leads to no file, and a pipe or a device so named, are listed too, so that
    reading them says so (`graphkit.ingest._file_bytes`).
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
