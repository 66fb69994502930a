"""Whether two graphkit stores hold the same thing, table by table (issue #17: a refactor or a cut must leave
every table of the store as it was; an incremental build must equal ``--full``).

    python bench/compare_stores.py A.gk B.gk        # one line a table; exit 1 when a table differs

Every table's rows are compared as multisets (`collections.Counter`): a row written twice in one store and once in
the other is a difference (compared as sets, a duplicated claim or link would hide). What is kept for the next
resolution is compared as what it holds, not as bytes: ``kept_inputs`` and ``kept_walks`` decoded by graphkit's
own decoders (this checkout's `graphkit.kept.KeptInputs.values`, `graphkit.walks.ArticleWalk.decode`), as marshal
writes the same values differently from one process to the next (shared references; two resolutions of one store
by the same code gave 716 of 840 articles' ``kept_inputs`` other bytes), and the ``key`` column of the ``kept_*``
tables left out (it holds graphkit's code key, `graphkit.kept.code_key`, which differs between two checkouts by
definition). Meta entries are compared as JSON without their ``key`` fields and listed when they differ: between
two checkouts ``knowledge`` (the models files' paths) and ``resolved_fingerprint`` (the code key) always do, and
``inputs`` (`graphkit.inputs`: the corpus folders' paths) does for two stores built from different folders.
Stores written by two extraction versions may keep attribution rows of different widths (a field added, as −79's
``segment``): each store's are read at their own width, and ``kept_inputs``'s line says both widths and versions. A
kept row this checkout cannot decode at all is said in its table's one line, and that table is not compared.

>>> import sqlite3, tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> for name, rows in (("a.gk", [("x",)]), ("b.gk", [("x",)]), ("c.gk", [("y",)])):
...     with sqlite3.connect(d / name) as db:
...         _ = db.execute("CREATE TABLE claims (id TEXT)"), db.executemany("INSERT INTO claims VALUES (?)", rows)
>>> differences(d / "a.gk", d / "b.gk"), differences(d / "a.gk", d / "c.gk")
([], ['claims: 1 / 1 rows, 1 only in the first, 1 only in the second'])
>>> with sqlite3.connect(d / "b.gk") as db:
...     _ = db.execute("INSERT INTO claims VALUES ('x')")
>>> differences(d / "a.gk", d / "b.gk")
['claims: 1 / 2 rows, 0 only in the first, 1 only in the second (1 a repeat of a row both hold)']
"""

from __future__ import annotations

import collections
import json
import re
import sqlite3
import sys
import zlib
from pathlib import Path

def _inputs(data: bytes) -> tuple:
    """A ``kept_inputs`` row as its values (`graphkit.kept.KeptInputs.values`: each attribution's field values as a
    tuple, whatever their number; entities as tuples, as `graphkit.rows.shared_entities` reads them)."""
    from graphkit.kept import KeptInputs

    rows, said, dates, ents = KeptInputs.values(data)
    return [tuple(r) for r in rows], said, dates, [tuple(e) for e in ents]


def _walk(data: bytes) -> tuple:
    """A ``kept_walks`` row as (reads, steps) (`graphkit.walks.ArticleWalk.decode`)."""
    from graphkit.walks import ArticleWalk

    walk = ArticleWalk.decode(data)
    return walk.reads, walk.steps


DECODED = {"kept_inputs": _inputs, "kept_walks": _walk}


class Rows(collections.Counter):
    """A table's rows as `_rows` counts them; ``widths``: for ``kept_inputs``, the numbers of fields its attribution
    rows hold (one, unless the store was written in parts by two extraction versions: another extraction version's
    rows may hold more or fewer than this checkout's), found as the rows are decoded, not by decoding them again."""

    widths: list[int] = []


class Undecodable(Exception):
    """A kept row this checkout's decoders cannot read (written by another graphkit, or damaged)."""


def _rows(db: sqlite3.Connection, table: str, where: str = "the store") -> collections.Counter:
    """The table's rows (as their reprs, decoded where `DECODED` says, without a ``kept_*`` table's ``key``), each
    with how many times the table holds it, and for ``kept_inputs`` the widths of its attribution rows
    (`Rows.widths`). Raises `Undecodable` with the decoder's words for a row it cannot read, naming ``where`` and the
    row's first column (a kept row's article).

    >>> from graphkit.kept import KeptInputs
    >>> db = sqlite3.connect(":memory:")
    >>> _ = db.execute("CREATE TABLE kept_inputs (doc_id TEXT, key TEXT, data BLOB)")
    >>> data = KeptInputs.encode_values([("a", "b"), ("c", "d")], [], [], [])
    >>> _ = db.execute("INSERT INTO kept_inputs VALUES ('d', 'k', ?)", (data,))
    >>> rows = _rows(db, "kept_inputs")
    >>> rows.total(), rows.widths
    (1, [2])
    """
    cols = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
    keep = [c for c in cols if not (table.startswith("kept_") and c == "key")]
    decode = DECODED.get(table)
    rows, widths = Rows(), set()
    for row in db.execute(f"SELECT {', '.join(keep)} FROM {table}"):
        try:
            values = [decode(v) if decode is not None and isinstance(v, bytes) else v for v in row]
        except (ValueError, TypeError, EOFError, zlib.error) as e:  # marshal's and zlib's words for unreadable bytes
            raise Undecodable(f"{where}'s row of '{row[0]}' cannot be read by this checkout's decoder "
                              f"({type(e).__name__}: {e})") from None
        if decode is _inputs:  # (attribution rows, said, dates, entities): each attribution row's number of fields
            widths.update(len(r) for v in values if isinstance(v, tuple) for r in v[0])
        rows[repr(values)] += 1
    rows.widths = sorted(widths)
    return rows


def _version(db: sqlite3.Connection) -> str:
    """The extraction version(s) the store's extractions were written by (`graphkit.fingerprint.EXTRACTION_VERSION`,
    as the ``model`` key of its extractions says it), "none" for a store without extractions.

    >>> db = sqlite3.connect(":memory:")
    >>> _ = db.execute("CREATE TABLE extractions (model TEXT)")
    >>> _ = db.execute("INSERT INTO extractions VALUES ('en_core_web_sm-3.8.0+spacy-3.8.18+extraction-2026.12.02-78')")
    >>> _version(db)
    '-78'
    """
    try:
        keys = [k for (k,) in db.execute("SELECT DISTINCT model FROM extractions")]
    except sqlite3.OperationalError:
        return "none"
    found = sorted({m.group(1) for k in keys if (m := re.search(r"\+extraction-\d{4}\.\d\d\.\d\d(-?\d+)", k))})
    return "/".join(found) or "none"


def _width_note(da: sqlite3.Connection, db: sqlite3.Connection, ra: Rows, rb: Rows) -> str:
    """What the line of ``kept_inputs`` adds when the two stores' attribution rows differ in width: how many fields
    each holds (``ra`` and ``rb``: their `Rows`, read once) and the extraction versions that wrote them (every
    article's row with an attribution differs by it); nothing when they hold as many."""
    wa, wb = ra.widths, rb.widths
    if not wa or not wb or wa == wb:
        return ""
    fields = lambda w: "/".join(map(str, w))  # noqa: E731
    return (f"; its attribution rows hold {fields(wa)} fields in the first store, {fields(wb)} in the second "
            f"(extraction {_version(da)} / {_version(db)}): the stores were written by different graphkits")


def _only(rows: collections.Counter, other: collections.Counter, where: str) -> str:
    """How many of ``rows`` (with their repeats) ``other`` lacks, said of ``where``, and how many of those repeat a
    row ``other`` holds (a row written more times in one store than in the other)."""
    only = rows - other
    repeats = sum(n for r, n in only.items() if r in other)
    return f"{only.total()} only in {where}" + (f" ({repeats} a repeat of a row both hold)" if repeats == 1 else
                                                f" ({repeats} repeats of rows both hold)" if repeats else "")


def _meta_value(raw):
    try:
        value = json.loads(raw)
    except (TypeError, ValueError):
        return raw

    def strip(v):
        if isinstance(v, dict):
            return {k: strip(x) for k, x in v.items() if k != "key"}
        return [strip(x) for x in v] if isinstance(v, list) else v

    return strip(value)


def differences(a: Path, b: Path, meta: bool = False) -> list[str]:
    """One line per table whose rows differ between the stores ``a`` and ``b`` as multisets: how many rows each
    holds, how many only one does (a row it holds more times than the other counted as many times more, and said),
    and with ``meta`` one line per meta entry that differs."""
    from graphkit.store_file import read_only_uri

    da, db = (sqlite3.connect(read_only_uri(p), uri=True) for p in (a, b))
    tables = {r[0] for db_ in (da, db) for r in db_.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    out = []
    for t in sorted(tables - {"meta"}):
        try:
            ra, rb = _rows(da, t, "the first store"), _rows(db, t, "the second store")
        except sqlite3.OperationalError:
            out.append(f"{t}: in one store only")
            continue
        except Undecodable as e:
            out.append(f"{t}: not compared: {e}; compare two stores of one graphkit, or build both again with it")
            continue
        if ra != rb:
            out.append(f"{t}: {ra.total()} / {rb.total()} rows, {_only(ra, rb, 'the first')}, "
                       f"{_only(rb, ra, 'the second')}" + (_width_note(da, db, ra, rb) if t == "kept_inputs" else ""))
    if meta and "meta" in tables:
        ma, mb = (dict(d_.execute("SELECT key, value FROM meta")) for d_ in (da, db))
        out += [f"meta {k}: differs" for k in sorted(set(ma) | set(mb))
                if _meta_value(ma.get(k)) != _meta_value(mb.get(k))]
    return out


def main(argv=None) -> int:
    """Exit status 0 when every table is equal, 1 when one differs, 2 for a wrong call or a path that is no store."""
    from graphkit.store_file import check_store_file

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("compare_stores: error: give two stores: python bench/compare_stores.py A.gk B.gk", file=sys.stderr)
        return 2
    a, b = map(Path, args)
    for p in (a, b):
        check_store_file(p)  # a missing path, a folder, a file that is no SQLite store: one line (script_main), 2
    diff = differences(a, b, meta=True)
    tables = [d for d in diff if not d.startswith("meta ")]
    print("\n".join(diff) if diff else "every table and meta entry equal")
    print(f"tables that differ: {len(tables)}")
    return 1 if tables else 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("compare_stores", main))
