"""What a store was built from, so that no output is written over it: the one home of "this -o is an input".

A build records in its store the corpus folders it read, the knowledge files it was given and the models folder it
read (meta `INPUTS`, `record_inputs`); every writer asks `input_of` before it writes (`graphkit.outputs.check_output`
with the store it reads). An output is refused when it is the store itself or a file kept beside it (SQLite's
journal, the build's lock), one of those knowledge files, anything in that models folder, or, in one of those
corpus folders, a file of the corpus's own (`corpus_file`: an article, the metadata, the documentation, the
corpus's knowledge file) or a name the next build would read as an article or the metadata. One rule for every
writer, the view and each export format: a new file of another name in a corpus folder or one of its folders is
written, as the next build does not read it and it replaces nothing the corpus holds (``issues suggest -o
CORPUS/issues.yaml`` is how a corpus gets its taxonomy; ``export neo4j -o CORPUS/neo4j`` a folder of CSV files).

Every path is compared as the file it names in the end (`real_path`): two names of one file are one file.

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

#: the store's meta entry: {"folders": [corpus folders], "files": [knowledge files], "models": [models folders]},
#: every path absolute (`real_path`)
INPUTS = "inputs"
#: the lists of the meta entry
_KINDS = ("folders", "files", "models")


def real_path(path) -> Path:
    """The file ``path`` names in the end: absolute, every link on the way followed. What writing at ``path``
    replaces (`graphkit.outputs.atomic_open` renames a finished output over it: an output through a link replaces the
    file the link leads to, and the link stays), what an output is compared with the inputs by, and what a store's
    writer lock is named after (`graphkit.store_file.lock_path`: two names of one store take one lock).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()); (d / "latest.jsonl").symlink_to("run1.jsonl")
    >>> real_path(d / "latest.jsonl") == real_path(d / "run1.jsonl") == real_path(d / "x" / ".." / "run1.jsonl")
    True
    """
    return Path(os.path.realpath(path))


def inputs_value(old: Optional[str], corpus, files: Iterable, models: Iterable = ()) -> str:
    """The meta value of a store built before (``old``, its value or None) and now from ``corpus`` with the knowledge
    ``files`` and the ``models`` folders: every folder and file of both, sorted (an article of an earlier corpus stays
    in the store until ``--prune``, so its folder stays an input).

    >>> inputs_value(None, "/c", ["/c/issues.yaml"], ["/m"])
    '{"files": ["/c/issues.yaml"], "folders": ["/c"], "models": ["/m"]}'
    >>> inputs_value(_, "/d", [])
    '{"files": ["/c/issues.yaml"], "folders": ["/c", "/d"], "models": ["/m"]}'
    """
    was = _parsed(old)
    now = {"folders": [corpus], "files": files, "models": models}
    return json.dumps({k: sorted(set(was[k]) | {str(real_path(p)) for p in now[k]}) for k in _KINDS}, sort_keys=True)


def _parsed(value: Optional[str]) -> dict[str, list[str]]:
    """The meta value as its lists (empty for none, or for a value this graphkit did not write; a store recorded
    before the models folder was has no "models").

    >>> _parsed('{"folders": ["/c"], "files": [3, "/c/issues.yaml"]}'), _parsed("not json")["folders"]
    ({'folders': ['/c'], 'files': ['/c/issues.yaml'], 'models': []}, [])
    """
    try:
        data = json.loads(value) if value else {}
    except ValueError:
        data = {}
    data = data if isinstance(data, dict) else {}
    return {k: [str(p) for p in data.get(k, []) if isinstance(p, str)] for k in _KINDS}


def record_inputs(store, corpus, files: Iterable, models: Iterable = ()) -> None:
    """Record in ``store`` (an open, writable `graphkit.store.Store`) that it was built from the folder ``corpus``,
    the knowledge ``files`` and the ``models`` folders (`graphkit.knowledge.models_dir`); written only when that adds
    something (a rebuild of the same corpus writes nothing)."""
    old = store.get_meta(INPUTS)
    value = inputs_value(old, corpus, files, models)
    if value != old:
        store.set_meta(INPUTS, value)


def input_of(store, output) -> Optional[str]:
    """What input of ``store`` the file ``output`` is and what writing there would do, said to follow
    "'OUTPUT' is ", or None when it is none. ``store``: the store's path, or the `graphkit.store.Store` a writer has
    open (its meta read through it: a second connection would drop the first one's locks). A store that records no
    inputs (built before graphkit recorded them, or no store yet) answers for itself alone."""
    from .store_file import beside_store

    out, store_path = real_path(output), real_path(store.path if hasattr(store, "get_meta") else store)
    if out == store_path:
        return "the store itself: writing there would replace what it holds"
    if out in beside_store(store_path):
        return "a file the store keeps beside it (its journal or its writer lock): writing there would break it"
    recorded = _recorded(store, store_path)
    if str(out) in recorded["files"]:
        return "a knowledge file this store was built with: writing there would replace it"
    for folder in map(Path, recorded["models"]):
        if out.is_relative_to(folder):
            return f"in the models folder this store was built with ({folder}), the knowledge every build reads"
    for folder in map(Path, recorded["folders"]):
        if out.is_relative_to(folder):
            what = corpus_file(folder, out.relative_to(folder))
            if what:
                return what
    return None


def _recorded(store, store_path: Path) -> dict[str, list[str]]:
    """The inputs ``store`` records (`_parsed`), read through it when it is open."""
    from .store_file import look_at_store

    opened = getattr(store, "get_meta", None)
    return _parsed(opened(INPUTS) if opened else look_at_store(store_path, [INPUTS]).meta.get(INPUTS))


def corpus_file(folder: Path, rel: Path) -> Optional[str]:
    """What the path ``rel`` inside the corpus folder ``folder`` is to the corpus, said to follow "'OUTPUT' is ", or
    None for a new file the corpus reader leaves alone (`graphkit.article_paths.is_article_path`): the metadata, an
    article, the corpus's own documentation or knowledge file (`graphkit.article_paths.DOC_STEMS`,
    `graphkit.knowledge.CORPUS_FILES`), or a new name the next build would read. A folder is none: what an output puts
    there is judged file by file (a neo4j export's CSV files in the corpus folder are read by no build and replace
    nothing of the corpus's).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()); _ = (d / "README.md").write_text("About these articles.")
    >>> corpus_file(d, Path("README.md"))
    "the corpus's own documentation (...): writing there would replace it"
    >>> corpus_file(d, Path("a.txt"))
    'in the corpus this store was built from (...), where the next build would read it as an article'
    >>> corpus_file(d, Path("claims.jsonl")) is None, corpus_file(d, Path(".")) is None
    (True, True)
    """
    from .article_paths import DOC_STEMS, METADATA_NAMES, is_article_path
    from .knowledge import CORPUS_FILES

    path = folder / rel
    there = path.exists()
    if rel.as_posix() in METADATA_NAMES:
        return (f"the metadata of the corpus this store was built from ({folder}): "
                + ("writing there would replace it" if there else "the next build would read it"))
    if is_article_path(rel):
        return (f"an article of the corpus this store was built from ({folder}): writing there would replace it"
                if there else f"in the corpus this store was built from ({folder}), where the next build would "
                "read it as an article")
    if there and rel.stem.lower() in DOC_STEMS:
        return f"the corpus's own documentation ({folder}): writing there would replace it"
    if there and rel.as_posix() in CORPUS_FILES:
        return f"the corpus's own knowledge file ({folder}): writing there would replace it"
    return None


def check_store_path(corpus, store) -> None:
    """Refuse a store the corpus reader would take for one of its own articles (`--store corpus/graph.txt`: the next
    build read the store as a file of binary data, said so and resolved again): StoreError with a name to give.

    >>> check_store_path("news", "news/graph.txt")
    Traceback (most recent call last):
    graphkit.errors.StoreError: --store 'news/graph.txt' is in the corpus folder 'news' under a name a build reads as an
    article; name it otherwise, e.g. news/graph.gk, or put it outside the corpus
    >>> check_store_path("news", "news/graph.gk"), check_store_path("news", "graph.txt")
    (None, None)
    """
    from .errors import StoreError
    from .article_paths import is_article_path

    root, path = real_path(Path(corpus).expanduser()), real_path(store)  # (the corpus reader expands "~")
    if path.is_relative_to(root) and is_article_path(path.relative_to(root)):
        raise StoreError(f"--store '{store}' is in the corpus folder '{corpus}' under a name a build reads as an "
                         f"article; name it otherwise, e.g. {Path(store).with_suffix('.gk')}, or put it outside the "
                         "corpus")
