"""What a store was built from, so that no output is written over it: the one home of "this -o is an input".

A build records in its store the corpus folders it read and the knowledge files it was given (meta `INPUTS`,
`record_inputs`); every writer asks `input_of` before it writes (`graphkit.export.check_output` with the store it
reads). An output is refused when it is the store itself or a file kept beside it (SQLite's journal, the build's
lock), one of those knowledge files, the metadata of one of those folders, or a file the corpus reader takes as an
article there (`graphkit.ingest.is_article_path`): one it would
replace, or one the next build would read as an article of the corpus.

>>> import tempfile
>>> from graphkit.store import Store
>>> d = Path(tempfile.mkdtemp()); (d / "corpus").mkdir(); _ = (d / "corpus" / "a.txt").write_text("A said B.")
>>> with Store(d / "s.gk", create=True) as s:
...     record_inputs(s, d / "corpus", [])
>>> input_of(d / "s.gk", d / "corpus" / "a.txt")
'an article of the corpus this store was built from (...corpus): writing there would replace it'
>>> input_of(d / "s.gk", d / "corpus" / "metadata.csv")
'the metadata of the corpus this store was built from (...corpus): the next build would read it'
>>> input_of(d / "s.gk", d / "claims.jsonl") is None
True
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable, Optional

#: the store's meta entry: {"folders": [corpus folders, absolute], "files": [knowledge files, absolute]}
INPUTS = "inputs"


def _real(path) -> Path:
    """``path`` as the file it names: absolute, every link followed (an output through a link replaces its target)."""
    return Path(os.path.realpath(Path(path).expanduser()))


def inputs_value(old: Optional[str], corpus, files: Iterable) -> str:
    """The meta value of a store built before (``old``, its value or None) and now from ``corpus`` with the knowledge
    ``files``: every folder and file of both, sorted (an article of an earlier corpus stays in the store until
    ``--prune``, so its folder stays an input).

    >>> inputs_value(None, "/c", ["/c/issues.yaml"])
    '{"files": ["/c/issues.yaml"], "folders": ["/c"]}'
    >>> inputs_value(_, "/d", [])
    '{"files": ["/c/issues.yaml"], "folders": ["/c", "/d"]}'
    """
    was = _parsed(old)
    folders = set(was["folders"]) | {str(_real(corpus))}
    known = set(was["files"]) | {str(_real(f)) for f in files}
    return json.dumps({"files": sorted(known), "folders": sorted(folders)})


def _parsed(value: Optional[str]) -> dict[str, list[str]]:
    """The meta value as its lists (empty for none, or for a value this graphkit did not write)."""
    try:
        data = json.loads(value) if value else {}
    except ValueError:
        data = {}
    data = data if isinstance(data, dict) else {}
    return {k: [str(p) for p in data.get(k, []) if isinstance(p, str)] for k in ("folders", "files")}


def record_inputs(store, corpus, files: Iterable) -> None:
    """Record in ``store`` (an open, writable `graphkit.store.Store`) that it was built from the folder ``corpus`` and
    the knowledge ``files``; written only when that adds something (a rebuild of the same corpus writes nothing)."""
    old = store.get_meta(INPUTS)
    value = inputs_value(old, corpus, files)
    if value != old:
        store.set_meta(INPUTS, value)


def input_of(store, output) -> Optional[str]:
    """What input of ``store`` the file ``output`` is and what writing there would do, said to follow
    "'OUTPUT' is ", or None when it is none. ``store``: the store's path, or the `graphkit.store.Store` a writer has
    open (its meta read through it: a second connection would drop the first one's locks). A store that records no
    inputs (built before graphkit recorded them, or no store yet) answers for itself alone."""
    from .ingest import METADATA_NAMES, is_article_path
    from .store_file import beside_store, look_at_store

    opened = getattr(store, "get_meta", None)
    out, store_path = _real(output), _real(store.path if opened else store)
    if out == store_path:
        return "the store itself: writing there would replace what it holds"
    if out in beside_store(store_path):
        return "a file the store keeps beside it (its journal or its writer lock): writing there would break it"
    recorded = _parsed(opened(INPUTS) if opened else look_at_store(store_path, [INPUTS]).meta.get(INPUTS))
    if str(out) in recorded["files"]:
        return "a knowledge file this store was built with: writing there would replace it"
    for folder in map(Path, recorded["folders"]):
        if not out.is_relative_to(folder):
            continue
        rel, there = out.relative_to(folder), out.exists()
        if rel.as_posix() in METADATA_NAMES:
            return (f"the metadata of the corpus this store was built from ({folder}): "
                    + ("writing there would replace it" if there else "the next build would read it"))
        if is_article_path(rel):
            return (f"an article of the corpus this store was built from ({folder}): writing there would replace it"
                    if there else f"in the corpus this store was built from ({folder}), where the next build would "
                    "read it as an article")
    return None


def check_store_path(corpus, store) -> None:
    """Refuse a store the corpus reader would take for one of its own articles (`--store corpus/graph.txt`: the next
    build read the store as a file of binary data, said so and resolved again): StoreError with a name to give.

    >>> check_store_path("news", "news/graph.txt")
    Traceback (most recent call last):
    graphkit.errors.StoreError: --store 'news/graph.txt' is in the corpus folder 'news' under a name a build reads as an article; name it otherwise, e.g. news/graph.gk, or put it outside the corpus
    >>> check_store_path("news", "news/graph.gk"), check_store_path("news", "graph.txt")
    (None, None)
    """
    from .errors import StoreError
    from .ingest import is_article_path

    root, path = _real(corpus), _real(store)
    if path.is_relative_to(root) and is_article_path(path.relative_to(root)):
        raise StoreError(f"--store '{store}' is in the corpus folder '{corpus}' under a name a build reads as an "
                         f"article; name it otherwise, e.g. {Path(store).with_suffix('.gk')}, or put it outside the "
                         "corpus")
