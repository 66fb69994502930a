"""The persistent store: one SQLite file that ``graphkit build`` writes and every other command reads.

Per article it keeps the Document and its extraction (so unchanged articles are
never re-parsed); over the whole corpus it keeps the resolved actors, places,
issues, claims and contradictions, indexed by speaker, issue, place and date.
Each article is written in its own transaction and the resolved layer is
replaced in one transaction, so a killed build leaves only complete articles
and the previous resolved graph.

>>> import tempfile, os
>>> s = Store(os.path.join(tempfile.mkdtemp(), "s.gk"), create=True)
>>> s.schema_version()
1
>>> s.close()
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator, Optional

from pydantic import ValidationError
from pydantic_core import from_json

from .errors import StoreError
from .records import SCHEMA_VERSION, Actor, Claim, Contradiction, Document, Issue, Place, Skipped
# what is checked before a store is opened (graphkit.store_file)
from .store_file import (APP_ID, being_built, check_layout, check_store_file, closed, connections, file_turn,
                         newer_records, open_error, opened, read_only_uri)

# speaker+issue queries read their answer's claim ids from here, in (date, id) order ('' = undated, first like NULL)
_SPEAKER_ISSUE = """
CREATE TABLE IF NOT EXISTS speaker_issue_claims (
  speaker_id TEXT NOT NULL, issue TEXT NOT NULL, date TEXT NOT NULL, claim_id TEXT NOT NULL,
  PRIMARY KEY (speaker_id, issue, date, claim_id)) WITHOUT ROWID;
"""

# each article's claims' issues as the last resolution worked them out, under the key of what they depend on
# (graphkit.kept.claim_issues): a rebuild assigns issues only to the claims of articles that changed
_KEPT_ISSUES = """
CREATE TABLE IF NOT EXISTS kept_issues (doc_id TEXT PRIMARY KEY, key TEXT NOT NULL, data TEXT NOT NULL);
"""

# what linking read of each article's claim texts (graphkit.textmemo: concepts, argument candidates, antonym poles,
# negations) under the key of the code and knowledge files that worked it out (graphkit.kept.kept_text_words)
_KEPT_WORDS = """
CREATE TABLE IF NOT EXISTS kept_words (doc_id TEXT PRIMARY KEY, key TEXT NOT NULL, data TEXT NOT NULL);
"""

# each article's walk of the actor pass (graphkit.walks: what it read and did) under the key of its attributions and
# entities, the code and knowledge files (graphkit.kept.kept_actor_walks): a rebuild replays unchanged articles
_KEPT_WALKS = """
CREATE TABLE IF NOT EXISTS kept_walks (doc_id TEXT PRIMARY KEY, key TEXT NOT NULL, data BLOB NOT NULL);
"""

# what resolution reads of each article's extraction (graphkit.kept.KeptInputs: its attributions as rows,
# claim texts and contexts, dates, entities), encoded, under the key of the extraction and the code: a rebuild
# validates only the extractions that changed
_KEPT_INPUTS = """
CREATE TABLE IF NOT EXISTS kept_inputs (doc_id TEXT PRIMARY KEY, key TEXT NOT NULL, data BLOB NOT NULL);
"""

_SCHEMA = _SPEAKER_ISSUE + _KEPT_ISSUES + _KEPT_WORDS + _KEPT_WALKS + _KEPT_INPUTS + """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, published TEXT, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS extractions (
  doc_id TEXT PRIMARY KEY REFERENCES documents(id), sha256 TEXT NOT NULL, model TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS actors (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS places (id TEXT PRIMARY KEY, name TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS issues (id TEXT PRIMARY KEY, name TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS claims (
  id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, speaker_id TEXT NOT NULL, date TEXT, stance TEXT, same_as TEXT,
  record TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS claims_by_speaker ON claims(speaker_id, date, id);
CREATE INDEX IF NOT EXISTS claims_date ON claims(date);
CREATE INDEX IF NOT EXISTS claims_doc ON claims(doc_id);
CREATE TABLE IF NOT EXISTS claim_issues (claim_id TEXT NOT NULL, issue TEXT NOT NULL, PRIMARY KEY (issue, claim_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS claim_places (claim_id TEXT NOT NULL, place TEXT NOT NULL, PRIMARY KEY (place, claim_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS contradictions (a TEXT NOT NULL, b TEXT NOT NULL, issue TEXT, record TEXT NOT NULL, PRIMARY KEY (a, b));
CREATE TABLE IF NOT EXISTS skipped (path TEXT PRIMARY KEY, reason TEXT NOT NULL, degraded INTEGER NOT NULL);
"""


def _link_filter(table: str, col: str, n: int, narrow: bool) -> str:
    """SQL condition: the claim has one of n values in table (claim_issues / claim_places).

    ``narrow``: another filter already picks few claims, so probe each one (a correlated EXISTS
    on the (value, claim_id) primary key) instead of listing every claim of the value first (a
    million-claim store lists hundreds of thousands of ids for 'Europe'; the probe is 1 ms).

    >>> _link_filter("claim_places", "place", 2, narrow=False)
    'c.id IN (SELECT claim_id FROM claim_places WHERE place IN (?,?))'
    >>> _link_filter("claim_issues", "issue", 1, narrow=True)
    'EXISTS (SELECT 1 FROM claim_issues x WHERE x.claim_id = c.id AND x.issue IN (?))'
    >>> _link_filter("claim_issues", "issue", 0, narrow=True)   # no value: no claim
    '0'
    """
    if n == 0:
        return "0"
    marks = ",".join("?" * n)
    if narrow:
        return f"EXISTS (SELECT 1 FROM {table} x WHERE x.claim_id = c.id AND x.{col} IN ({marks}))"
    return f"c.id IN (SELECT claim_id FROM {table} WHERE {col} IN ({marks}))"


def _one_of(col: str, values: Iterable[str]) -> tuple[str, list[str]]:
    """SQL condition: ``col`` is one of ``values`` (none: no row), and its arguments.

    >>> _one_of("c.stance", ["deny", "reject"]), _one_of("c.stance", [])
    (('c.stance IN (?,?)', ['deny', 'reject']), ('0', []))
    """
    values = list(values)
    return (f"{col} IN ({','.join('?' * len(values))})" if values else "0"), values


def _table_named(table: str, tables: frozenset) -> str:
    """``table``, when it is one of ``tables``: a name put into SQL as written (an f-string; SQLite takes no table name
    as an argument) is first checked here. A ValueError otherwise, which, unlike an assert, ``python -O`` keeps.

    >>> _table_named("claims", frozenset({"claims", "actors"}))
    'claims'
    >>> _table_named("claims WHERE 0", frozenset({"claims", "actors"}))
    Traceback (most recent call last):
    ValueError: no table 'claims WHERE 0' here: one of actors, claims
    """
    if table not in tables:
        raise ValueError(f"no table {table!r} here: one of {', '.join(sorted(tables))}")
    return table


def _claim_conditions(*, places: Optional[Iterable[str]], ids: Optional[Iterable[str]], since: Optional[str],
                      until: Optional[str], stance: Optional[str], doc_id: Optional[str], distinct: bool,
                      narrow: bool) -> tuple[list[str], list]:
    """The conditions of `Store.claims` but its speakers' and issues', and their arguments: places (probed
    claim by claim when ``narrow``: `_link_filter`), ids, the date range (``until`` '2025-12' takes every day of
    it), stance, article, one report a statement.

    >>> _claim_conditions(places=None, ids=None, since="2025-11", until="2025-12", stance="deny", doc_id=None,
    ...                   distinct=True, narrow=False)
    (['c.date >= ?', 'substr(c.date, 1, ?) <= ?', 'c.stance = ?', 'c.same_as IS NULL'], ['2025-11', 7, '2025-12',
    'deny'])
    """
    where, args = [], []

    def add(condition: str, *values) -> None:
        where.append(condition)
        args.extend(values)

    if places is not None:
        vals = list(places)
        add(_link_filter("claim_places", "place", len(vals), narrow), *vals)
    if ids is not None:
        cond, vals = _one_of("c.id", ids)
        add(cond, *vals)
    if since:
        add("c.date >= ?", since)
    if until:
        add("substr(c.date, 1, ?) <= ?", len(until), until)
    if stance:
        add("c.stance = ?", stance)
    if doc_id:
        add("c.doc_id = ?", doc_id)
    if distinct:
        add("c.same_as IS NULL")
    return where, args


def _dump(rec) -> str:
    """A record as the store keeps it: its JSON, every field written (`claim_from_record` reads it back).

    >>> _dump(Place(id="place:kyiv", name="Kyiv"))
    '{"kind":"place","id":"place:kyiv","name":"Kyiv","type":"other","country_code":null,"lat":null,"lon":null}'
    """
    return rec.model_dump_json()


_CLAIM_FIELDS = tuple(Claim.model_fields)
# every claim read back has all fields set: one shared set (pydantic only adds to it when assigning to a field,
# which frozen records refuse, and model_copy copies it) instead of a 2 kB set per claim
_CLAIM_FIELDS_SET = set(_CLAIM_FIELDS)
_SPAN_FIELDS = ("speaker_span", "cue_span", "sentence_span")
_set = object.__setattr__


def stored_record(model, rec: str, path=None):
    """``model`` (a record class of graphkit.records) validated from the JSON ``rec`` the store at ``path`` holds. A
    record the model refuses raises StoreError with the cause and the fix, not pydantic's traceback: a field this
    graphkit does not know (a newer graphkit wrote the store: `graphkit.store_file.newer_records`; opening it says so
    first, `graphkit.store_file.check_layout`, when the table's first record has it), or a value it rejects (another
    graphkit's, or edited by hand). A field an older graphkit did not write takes its default, as validation gives it.

    >>> stored_record(Place, '{"id": "place:kyiv", "name": "Kyiv"}').name
    'Kyiv'
    >>> stored_record(Place, '{"id": "place:kyiv", "name": "Kyiv", "novel": 1, "newer": 2}', "s.gk")
    Traceback (most recent call last):
    ...
    graphkit.errors.StoreError: 's.gk' was written by a newer graphkit (its place records hold fields this one does not
    know: newer, novel); upgrade graphkit, or rebuild it with `graphkit build CORPUS_DIR --store NEW_PATH`
    >>> stored_record(Place, '{"id": "place:kyiv"}', "s.gk")
    Traceback (most recent call last):
    ...
    graphkit.errors.StoreError: 's.gk' holds a place record this graphkit cannot read (name: Field required): another
    graphkit wrote it, or it was edited; rebuild it with `graphkit build CORPUS_DIR --store NEW_PATH`
    """
    try:
        return model.model_validate_json(rec)
    except ValidationError as e:
        raise StoreError(_refused(model, e, path)) from None


def _refused(model, e: ValidationError, path) -> str:
    """What `stored_record` says of a record ``model`` refused with ``e``, in the store at ``path`` (None: "the
    store")."""
    where, kind = ("the store" if path is None else f"'{path}'"), model.__name__.lower()
    errors = e.errors(include_url=False)
    unknown = sorted({str(x["loc"][-1]) for x in errors if x["type"] == "extra_forbidden"})
    if unknown:
        return newer_records(path, kind, unknown)
    first = errors[0]
    return (f"{where} holds {'an' if kind[0] in 'aeiou' else 'a'} {kind} record this graphkit cannot read "
            f"({'.'.join(map(str, first['loc'])) or kind}: {first['msg']}): another graphkit wrote it, or it was "
            "edited; rebuild it with `graphkit build CORPUS_DIR --store NEW_PATH`")


def claim_from_record(rec: str, path=None) -> Claim:
    """The Claim a ``claims.record`` holds, built without validating it again.

    The store wrote the record from a validated Claim (``replace_resolved``), so reading it back only
    parses the JSON and turns its lists into the record's tuples, as ``Claim.model_validate_json`` would,
    at about 0.7 of the cost per claim (decoding is what a speaker+issue query spends most of its time on).
    A record whose fields are not exactly this graphkit's Claim fields, in order (written by another
    version), is validated in full instead (`stored_record`: one a newer graphkit wrote says so, ``path`` the
    store's); values are not checked again, so a record edited by hand inside the store file is taken as it is.

    >>> c = Claim(id="c1", doc_id="d", speaker="X", speaker_id="actor:x", text="t", spans=[(0, 1)], cue="said",
    ...           issues=("Europe",), issue_triggers=(("Europe", "europe"),))
    >>> back = claim_from_record(c.model_dump_json())
    >>> back == c, back.spans, back.issue_triggers, hash(back) == hash(c)
    (True, ((0, 1),), (('Europe', 'europe'),), True)
    >>> claim_from_record('{"id": "c1"}', "s.gk")
    Traceback (most recent call last):
    ...
    graphkit.errors.StoreError: 's.gk' holds a claim record this graphkit cannot read (doc_id: Field required): another
    graphkit wrote it, or it was edited; rebuild it with `graphkit build CORPUS_DIR --store NEW_PATH`
    """
    d = from_json(rec)
    if tuple(d) != _CLAIM_FIELDS:
        return stored_record(Claim, rec, path)
    d["spans"] = tuple(map(tuple, d["spans"]))
    for k in _SPAN_FIELDS:
        if d[k] is not None:
            d[k] = tuple(d[k])
    d["issues"], d["places"], d["reports"] = tuple(d["issues"]), tuple(d["places"]), tuple(d["reports"])
    d["issue_triggers"] = tuple(map(tuple, d["issue_triggers"]))
    d["issue_scores"] = tuple(map(tuple, d["issue_scores"]))
    # what Claim.model_construct does, without its per-field Python loop (which costs more than validating)
    c = Claim.__new__(Claim)
    _set(c, "__dict__", d)
    _set(c, "__pydantic_fields_set__", _CLAIM_FIELDS_SET)
    _set(c, "__pydantic_extra__", None)
    _set(c, "__pydantic_private__", None)
    return c


class Store:
    """A graphkit store file. Open with ``Store(path)``; ``create=True`` makes a new one.

    Opening refuses files that are not graphkit stores and stores of a newer schema.
    """

    def __init__(self, path, *, create: bool = False, readonly: bool = False):
        self.path = Path(path)
        self.readonly = readonly
        self.db = None
        self.is_open = True
        self.in_use = threading.RLock()  # held by `close` and by a read of another thread through this Store
        # (`graphkit.store_file.read_open_store`): the read ends before the connection closes
        self._turn = file_turn(self.path)  # the file's turn, the same at close whatever the working folder is then
        with self._turn:  # opened and counted (`_register`) while no other thread reads the file as a plain file
            check_store_file(self.path, create=create)
            self._connect(create)

    def _connect(self, create: bool):
        """Open the connection, check what the file holds (`_init`) and count it as this process's (`_register`); a
        file refused is closed again and said in one line."""
        uri = read_only_uri(self.path) if self.readonly else str(self.path)
        try:
            self.db = sqlite3.connect(uri, uri=self.readonly, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA busy_timeout=10000")
            self._init(create)  # checks before any write: a refused file is left exactly as it was
            if not self.readonly:
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
            self._register()
        except sqlite3.DatabaseError as e:
            self._close_quietly()
            raise open_error(self.path, e) from None
        except StoreError:
            self._close_quietly()
            raise

    def _register(self):
        self._key = opened(self.path, self)

    def _unregister(self):
        key, self._key = getattr(self, "_key", None), None
        closed(key, self)

    def _close_quietly(self):
        if self.db is not None:
            try:
                self.db.close()
            except sqlite3.Error:
                pass

    def _init(self, create: bool):
        db = self.db
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        self._speaker_issue = True   # speaker_issue_claims is there (see _upgrade)
        if not tables:
            if self.path.exists() and self.path.stat().st_size and not create:
                raise StoreError(f"'{self.path}' holds no graphkit store; run graphkit build with it")
            db.execute(f"PRAGMA application_id={APP_ID}")
            db.executescript("BEGIN;" + _SCHEMA + "INSERT OR REPLACE INTO meta VALUES ('app', 'graphkit');"
                             f"INSERT OR REPLACE INTO meta VALUES ('schema_version', '{SCHEMA_VERSION}'); COMMIT;")
            return
        check_layout(db, self.path, tables)
        self._upgrade()

    #: Columns that schema 1 gained after stores were built with it: (table, column). Their tables belong to
    #: the resolved layer, which every build can make again from the stored articles.
    ADDED_COLUMNS = (("claims", "same_as"),)

    def _upgrade(self):
        """Bring a store of an earlier graphkit to this layout in place, or say how (read-only opens).

        A missing column of the resolved layer is not added with ALTER TABLE (it would land after
        ``record`` and break the positional inserts): the table is made again, empty, and the resolve
        fingerprint dropped, so the next build resolves the stored articles again without re-parsing them.
        """
        db = self.db
        stale = [(t, c) for t, c in self.ADDED_COLUMNS
                 if c not in {r[1] for r in db.execute(f"PRAGMA table_info({t})")}]
        if not stale:
            self._add_speaker_issue()
            if not self.readonly and not db.execute("SELECT 1 FROM sqlite_master WHERE name='kept_issues'").fetchone():
                db.executescript(_KEPT_ISSUES)  # stores built before issues were kept per article
            if not self.readonly and not db.execute("SELECT 1 FROM sqlite_master WHERE name='kept_words'").fetchone():
                db.executescript(_KEPT_WORDS)  # stores built before linking's words were kept per article
            if not self.readonly and not db.execute("SELECT 1 FROM sqlite_master WHERE name='kept_walks'").fetchone():
                db.executescript(_KEPT_WALKS)  # stores built before the actor pass's walks were kept per article
            if not self.readonly and not db.execute("SELECT 1 FROM sqlite_master WHERE name='kept_inputs'").fetchone():
                db.executescript(_KEPT_INPUTS)  # stores built before resolution's inputs were kept per article
            return
        t, c = stale[0]
        if self.readonly:
            raise StoreError(f"'{self.path}' was written by an earlier graphkit (its {t} table has no {c} column); "
                             f"upgrade it in place with `graphkit build CORPUS_DIR --store {self.path}` "
                             "(articles are kept, not parsed again)")
        drops = "".join(f"DROP TABLE IF EXISTS {table};" for table in sorted({t for t, _ in stale}))
        db.executescript("BEGIN IMMEDIATE;" + drops + "DELETE FROM meta WHERE key='resolved_fingerprint';" + _SCHEMA + "COMMIT;")

    def _add_speaker_issue(self):
        """Give a store built before the speaker_issue_claims table its table, filled from its claims (about 10 s for
        a million claims); opened read-only, such a store answers speaker+issue queries the older, slower way."""
        db = self.db
        if db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='speaker_issue_claims'").fetchone():
            return
        if self.readonly:
            self._speaker_issue = False
            return
        db.executescript("BEGIN IMMEDIATE;" + _SPEAKER_ISSUE + "INSERT OR IGNORE INTO speaker_issue_claims "
                         "SELECT c.speaker_id, x.issue, coalesce(c.date, ''), c.id FROM claim_issues x "
                         "JOIN claims c ON c.id = x.claim_id; COMMIT;")

    def close(self):
        """Close the connection (once): a read another thread makes through this Store (`read_open_store`) ends
        first, and so does a read of the file as a plain file (`graphkit.store_file.file_turn`, always taken before
        ``in_use``, never while holding it)."""
        with self._turn, self.in_use:
            if not self.is_open:
                return
            if not self.readonly:
                self._leave_wal()
            self.db.close()
            self._unregister()
            self.is_open = False

    def _leave_wal(self):
        """Put the store back in rollback-journal mode when this writer is its only connection.

        A build writes in WAL mode (readers go on reading while it writes). Left in WAL mode, every
        read-only reader afterwards (a notebook, ``graphkit claims``) makes ``-wal`` and ``-shm`` files
        beside the store and, being read-only, cannot remove them. Switching back needs the store to
        itself: with another connection open, here or in another process, the switch is refused at
        once (no waiting) and the store stays in WAL mode, which is as safe; nothing is lost either way.

        >>> import tempfile
        >>> d = Path(tempfile.mkdtemp()); Store(d / "s.gk", create=True).close()
        >>> Store(d / "s.gk", readonly=True).close(); sorted(p.name for p in d.iterdir())
        ['s.gk']
        """
        alone = self._key is None or connections(self._key) <= 1
        if not alone:
            return
        try:
            self.db.execute("PRAGMA busy_timeout=0")
            self.db.execute("PRAGMA journal_mode=DELETE").fetchone()
        except sqlite3.Error:
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- meta -------------------------------------------------------------
    def schema_version(self) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        return int(row[0]) if row else 0

    def get_meta(self, key: str) -> Optional[str]:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def get_meta_field(self, key: str, field: str, default=None):
        """One top-level field of the JSON object kept in meta ``key``, ``default`` when the entry lacks it (None: no
        such entry), read by SQLite (``json_extract``) without handing the whole value to Python: the issue model's
        ``format`` beside its weights (PolNeAR train's 8.8 MB model: 12 ms against 18 ms for `get_meta` and
        ``json.loads``, 4 ms of either reading the value; bench/README.md, issue 14, thirty-seventh pass).

        >>> import tempfile, pathlib
        >>> with Store(pathlib.Path(tempfile.mkdtemp()) / "s.gk", create=True) as s:
        ...     s.set_meta("k", '{"format": 5, "model": "..."}')
        ...     s.get_meta_field("k", "format"), s.get_meta_field("k", "floor", 0), s.get_meta_field("none", "format", 0)
        (5, 0, None)
        """
        row = self.db.execute("SELECT coalesce(json_extract(value, '$.' || ?), ?) FROM meta WHERE key=?",
                              (field, default, key)).fetchone()
        return row[0] if row else None

    # -- per-article layer ------------------------------------------------
    def hashes(self) -> dict[str, tuple[str, Optional[str]]]:
        """doc_id -> (sha256 of the document, model its extraction was made with or None)."""
        out = {r[0]: (r[1], None) for r in self.db.execute("SELECT id, sha256 FROM documents")}
        for doc_id, sha, model in self.db.execute("SELECT doc_id, sha256, model FROM extractions"):
            if doc_id in out and out[doc_id][0] == sha:
                out[doc_id] = (sha, model)
        return out

    @contextmanager
    def _transaction(self):
        """One write transaction: taken at once (``BEGIN IMMEDIATE``, so a reader never blocks it half-way),
        committed when the block ends, rolled back when it raises (Ctrl-C included) — nothing half-written stays.

        >>> import tempfile, os
        >>> s = Store(os.path.join(tempfile.mkdtemp(), "t.gk"), create=True)
        >>> try:
        ...     with s._transaction():
        ...         _ = s.db.execute("INSERT INTO meta VALUES ('k', 'v')")
        ...         raise KeyboardInterrupt
        ... except KeyboardInterrupt:
        ...     pass
        >>> s.db.execute("SELECT count(*) FROM meta WHERE key='k'").fetchone()[0]
        0
        >>> s.close()
        """
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:  # SQLite rolls back itself on some errors (a full disk): then its error stands
                self.db.execute("ROLLBACK")
            raise

    def put_article(self, document: Document, extraction_json: str, model: str):
        """Store one article and its extraction atomically."""
        db = self.db
        with self._transaction():
            db.execute("INSERT OR REPLACE INTO documents VALUES (?,?,?,?)",
                       (document.id, document.sha256, document.published.isoformat() if document.published else None,
                        _dump(document)))
            db.execute("INSERT OR REPLACE INTO extractions VALUES (?,?,?,?)",
                       (document.id, document.sha256, model, extraction_json))
            db.execute("DELETE FROM meta WHERE key='resolved_fingerprint'")  # the resolved layer is now stale

    def published(self) -> dict[str, Optional[str]]:
        """doc_id -> publication date (ISO) as stored: a changed date re-parses the article."""
        return dict(self.db.execute("SELECT id, published FROM documents"))

    def extraction_keys(self) -> Iterator[tuple[str, str, str]]:
        """(doc_id, sha256, model) of every extraction, in doc_id order."""
        yield from self.db.execute("SELECT doc_id, sha256, model FROM extractions ORDER BY doc_id")

    def remove_articles(self, doc_ids: Iterable[str]):
        """Drop articles and their extractions (the resolved layer follows at the next resolution)."""
        ids = list(doc_ids)
        if not ids:
            return
        db = self.db
        with self._transaction():
            for i in range(0, len(ids), 500):
                part = ids[i:i + 500]
                marks = ",".join("?" * len(part))
                db.execute(f"DELETE FROM extractions WHERE doc_id IN ({marks})", part)
                db.execute(f"DELETE FROM documents WHERE id IN ({marks})", part)
                db.execute(f"DELETE FROM kept_issues WHERE doc_id IN ({marks})", part)
                db.execute(f"DELETE FROM kept_words WHERE doc_id IN ({marks})", part)
                db.execute(f"DELETE FROM kept_walks WHERE doc_id IN ({marks})", part)
                db.execute(f"DELETE FROM kept_inputs WHERE doc_id IN ({marks})", part)
            db.execute("DELETE FROM meta WHERE key='resolved_fingerprint'")

    def set_meta(self, key: str, value: str):
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def update_document(self, document: Document):
        """Refresh a document's metadata (title, dates...) when its text did not change."""
        self.db.execute("UPDATE documents SET published=?, record=? WHERE id=?",
                        (document.published.isoformat() if document.published else None, _dump(document), document.id))

    def documents(self) -> Iterator[Document]:
        for (rec,) in self.db.execute("SELECT record FROM documents ORDER BY id"):
            yield stored_record(Document, rec, self.path)

    def document(self, doc_id: str) -> Optional[Document]:
        row = self.db.execute("SELECT record FROM documents WHERE id=?", (doc_id,)).fetchone()
        return stored_record(Document, row[0], self.path) if row else None

    def documents_by_id(self, ids: Iterable[str]) -> dict[str, Document]:
        """The documents with these ids (missing ids are left out), in one query per 500 ids."""
        ids = list(dict.fromkeys(ids))
        out: dict[str, Document] = {}
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            for (rec,) in self.db.execute(f"SELECT record FROM documents WHERE id IN ({','.join('?' * len(part))})",
                                          part):
                d = stored_record(Document, rec, self.path)
                out[d.id] = d
        return out

    def extractions(self) -> Iterator[tuple[str, str]]:
        """(doc_id, extraction JSON) of every article, in doc_id order."""
        yield from self.db.execute("SELECT doc_id, data FROM extractions ORDER BY doc_id")

    def kept_issue_keys(self) -> dict[str, str]:
        """doc_id → the key its kept claim issues were worked out under (graphkit.kept.claim_issues)."""
        return dict(self.db.execute("SELECT doc_id, key FROM kept_issues"))

    def kept_issues(self, doc_id: str) -> list:
        """The article's kept claim issues: per claim, its (issue, triggers, score) lists."""
        row = self.db.execute("SELECT data FROM kept_issues WHERE doc_id=?", (doc_id,)).fetchone()
        return from_json(row[0]) if row else []

    def keep_issues(self, rows: Iterable[tuple[str, str, str]]):
        """Keep (doc_id, key, JSON data) rows of claim issues, replacing the articles' earlier ones."""
        self._keep_rows("kept_issues", rows)

    def kept_words(self) -> Iterator[tuple[str, str, str]]:
        """(doc_id, key, JSON data) of what linking read of each article's claim texts (graphkit.textmemo)."""
        return self._kept_rows("kept_words")

    def keep_words(self, rows: Iterable[tuple[str, str, str]]):
        """Keep (doc_id, key, JSON data) rows of linking's words, replacing the articles' earlier ones."""
        self._keep_rows("kept_words", rows)

    def kept_walks(self) -> Iterator[tuple[str, str, bytes]]:
        """(doc_id, key, encoded walk) of each article's walk of the actor pass (graphkit.walks.ArticleWalk)."""
        return self._kept_rows("kept_walks")

    def keep_walks(self, rows: Iterable[tuple[str, str, bytes]]):
        """Keep (doc_id, key, encoded walk) rows of the actor pass's walks, replacing the articles' earlier ones."""
        self._keep_rows("kept_walks", rows)

    def extractions_with_kept_inputs(self) -> Iterator[tuple[str, str, Optional[str], Optional[bytes]]]:
        """(doc_id, extraction JSON, key and data of its kept resolution inputs or None, None) of every article, in
        doc_id order, one row at a time (graphkit.kept.KeptInputs)."""
        has_kept = self.db.execute("SELECT 1 FROM sqlite_master WHERE name='kept_inputs'").fetchone()
        if not has_kept:  # a read-only open of a store built before they were kept
            yield from ((doc_id, data, None, None) for doc_id, data in self.extractions())
            return
        yield from self.db.execute("SELECT e.doc_id, e.data, k.key, k.data FROM extractions e "
                                   "LEFT JOIN kept_inputs k ON k.doc_id = e.doc_id ORDER BY e.doc_id")

    def keep_inputs(self, rows: Iterable[tuple[str, str, bytes]]):
        """Keep (doc_id, key, encoded inputs) rows of resolution's inputs, replacing the articles' earlier ones."""
        self._keep_rows("kept_inputs", rows)

    #: the per-article tables of what a resolution kept (graphkit.kept): each row (doc_id, key, data)
    _KEPT_TABLES = frozenset({"kept_issues", "kept_words", "kept_walks", "kept_inputs"})

    def _kept_rows(self, table: str) -> Iterator[tuple]:
        """Every (doc_id, key, data) row of one of the `_KEPT_TABLES`."""
        yield from self.db.execute(f"SELECT doc_id, key, data FROM {_table_named(table, self._KEPT_TABLES)}")

    def _keep_rows(self, table: str, rows: Iterable[tuple]):
        """Write (doc_id, key, data) rows into one of the `_KEPT_TABLES`, replacing the articles' earlier ones,
        in one transaction."""
        table = _table_named(table, self._KEPT_TABLES)
        with self._transaction():
            self.db.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?,?,?)", rows)

    #: the tables `count` counts the rows of
    _COUNTED_TABLES = frozenset({"documents", "extractions", "actors", "places", "issues", "claims", "contradictions",
                                 "skipped"})

    def count(self, table: str) -> int:
        """The rows of one of the `_COUNTED_TABLES`."""
        return self.db.execute(f"SELECT count(*) FROM {_table_named(table, self._COUNTED_TABLES)}").fetchone()[0]

    def never_resolved(self) -> bool:
        """True for a store whose first build stopped after storing articles and before resolving them (a full disk,
        Ctrl-C): no resolution ever finished (``graphkit.build`` stores ``resolved_counts`` when one does) and it holds
        articles but no claim. Read as it is, it would answer every query with nothing.

        >>> import tempfile, os
        >>> s = Store(os.path.join(tempfile.mkdtemp(), "s.gk"), create=True)
        >>> s.never_resolved()   # no article either: an empty corpus's store
        False
        >>> s.close()
        """
        db = self.db
        return (self.get_meta("resolved_counts") is None and db.execute("SELECT 1 FROM documents LIMIT 1").fetchone()
                is not None and db.execute("SELECT 1 FROM claims LIMIT 1").fetchone() is None)

    def check_resolved(self) -> None:
        """Raise StoreError for a store whose first build stopped before it resolved its articles (`never_resolved`),
        or whose first build is running now (`graphkit.store_file.being_built`; a rebuild's readers read the last
        resolution): what every reader says instead of answering with nothing (`graphkit.open`, `graphkit.suggest`)."""
        if self.get_meta("resolved_counts") is None and being_built(self.path):
            raise StoreError(f"'{self.path}' is being built and no build of it has finished yet; run this again when "
                             "`graphkit build` ends")
        if self.never_resolved():
            raise StoreError(f"'{self.path}' holds {self.count('documents')} article(s) but its first build stopped "
                             f"before it resolved their claims; run `graphkit build CORPUS_DIR --store {self.path}` "
                             "again (the stored articles are not parsed again)")

    # -- resolved layer ---------------------------------------------------
    def replace_resolved(self, actors: Iterable[Actor], places: Iterable[Place], issues: Iterable[Issue],
                         claims: Iterable[Claim], contradictions: Iterable[Contradiction],
                         skipped: Iterable[Skipped] = (),
                         meta: Optional[dict[str, str]] = None, *, only_changed: bool = False):
        """Swap in a new resolved graph in one transaction, with the `meta` entries it was resolved with.

        ``only_changed``: claims whose stored record is already the same are left as they are, and only the
        others are written (with their speaker, issue and place index rows) or deleted: a rebuild that
        changed a few articles rewrites a few claims, not the store. The result is the same either way.
        """
        db = self.db
        with self._transaction():
            small = ("actors", "places", "issues", "contradictions", "skipped")
            for t in small if only_changed else small + ("claims", "claim_issues", "speaker_issue_claims",
                                                         "claim_places"):
                db.execute(f"DELETE FROM {t}")
            # stores built before the speaker index covered the claim id: swap it (rows are empty here)
            db.execute("DROP INDEX IF EXISTS claims_speaker")
            db.execute("CREATE INDEX IF NOT EXISTS claims_by_speaker ON claims(speaker_id, date, id)")
            db.executemany("INSERT INTO actors VALUES (?,?,?,?)", ((a.id, a.name, a.type, _dump(a)) for a in actors))
            db.executemany("INSERT INTO places VALUES (?,?,?)", ((p.id, p.name, _dump(p)) for p in places))
            db.executemany("INSERT INTO issues VALUES (?,?,?)", ((i.id, i.name, _dump(i)) for i in issues))
            self._write_claims(claims, only_changed)
            db.executemany("INSERT OR REPLACE INTO contradictions VALUES (?,?,?,?)",
                           ((x.a, x.b, x.issue, _dump(x)) for x in contradictions))
            db.executemany("INSERT OR REPLACE INTO skipped VALUES (?,?,?)",
                           ((s.path, s.reason, int(s.degraded)) for s in skipped))
            db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", sorted((meta or {}).items()))

    def _write_claims(self, claims: Iterable[Claim], only_changed: bool) -> None:
        """Write the claims and their index rows, in chunks (a million claims never sit in memory twice, as records
        and rows); ``only_changed``: compare each with its stored record first, and delete the stored claims that
        are not among them. Inside `replace_resolved`'s transaction."""
        db = self.db
        kept: set[str] = set()
        it = iter(claims)
        while chunk := list(islice(it, 5000)):
            rows = [(c, _dump(c)) for c in chunk]
            if only_changed:
                kept.update(c.id for c in chunk)
                marks = ",".join("?" * len(chunk))
                old = dict(db.execute(f"SELECT id, record FROM claims WHERE id IN ({marks})", [c.id for c in chunk]))
                rows = [(c, rec) for c, rec in rows if old.get(c.id) != rec]
                self._delete_claims([old[c.id] for c, _ in rows if c.id in old])
            db.executemany("INSERT INTO claims VALUES (?,?,?,?,?,?,?)",
                           [(c.id, c.doc_id, c.speaker_id, c.date, c.stance, c.same_as, rec) for c, rec in rows])
            db.executemany("INSERT OR IGNORE INTO claim_issues VALUES (?,?)",
                           [(c.id, i) for c, _ in rows for i in c.issues])
            db.executemany("INSERT OR IGNORE INTO speaker_issue_claims VALUES (?,?,?,?)",
                           [(c.speaker_id, i, c.date or "", c.id) for c, _ in rows for i in c.issues])
            db.executemany("INSERT OR IGNORE INTO claim_places VALUES (?,?)",
                           [(c.id, p) for c, _ in rows for p in c.places])
        if only_changed:
            gone = [cid for (cid,) in db.execute("SELECT id FROM claims") if cid not in kept]
            for k in range(0, len(gone), 500):
                part = gone[k:k + 500]
                self._delete_claims([r for (r,) in db.execute(
                    f"SELECT record FROM claims WHERE id IN ({','.join('?' * len(part))})", part)])

    def _delete_claims(self, records: list[str]) -> None:
        """Delete stored claims (given as their stored records) and their index rows, by primary key."""
        db = self.db
        old = [claim_from_record(r, self.path) for r in records]
        db.executemany("DELETE FROM claims WHERE id=?", [(c.id,) for c in old])
        db.executemany("DELETE FROM claim_issues WHERE issue=? AND claim_id=?",
                       [(i, c.id) for c in old for i in c.issues])
        db.executemany("DELETE FROM speaker_issue_claims WHERE speaker_id=? AND issue=? AND date=? AND claim_id=?",
                       [(c.speaker_id, i, c.date or "", c.id) for c in old for i in c.issues])
        db.executemany("DELETE FROM claim_places WHERE place=? AND claim_id=?",
                       [(p, c.id) for c in old for p in c.places])

    def actors(self) -> list[Actor]:
        return [stored_record(Actor, r, self.path) for (r,) in self.db.execute("SELECT record FROM actors ORDER BY id")]

    def places(self) -> list[Place]:
        return [stored_record(Place, r, self.path) for (r,) in self.db.execute("SELECT record FROM places ORDER BY id")]

    def issues(self) -> list[Issue]:
        return [stored_record(Issue, r, self.path) for (r,) in self.db.execute("SELECT record FROM issues ORDER BY id")]

    def contradictions(self) -> list[Contradiction]:
        return [stored_record(Contradiction, r, self.path)
                for (r,) in self.db.execute("SELECT record FROM contradictions ORDER BY a, b")]

    def skipped(self) -> list[Skipped]:
        return [Skipped(path=p, reason=r, degraded=bool(d))
                for p, r, d in self.db.execute("SELECT path, reason, degraded FROM skipped ORDER BY path")]

    def claims(self, *, speaker_ids: Optional[Iterable[str]] = None, issues: Optional[Iterable[str]] = None,
               places: Optional[Iterable[str]] = None, since: Optional[str] = None, until: Optional[str] = None,
               stance: Optional[str] = None, doc_id: Optional[str] = None, ids: Optional[Iterable[str]] = None,
               limit: Optional[int] = None, distinct: bool = False) -> Iterator[Claim]:
        """Claims matching every filter given, by index, in (date, id) order.

        Every article's report of a statement is a claim of its own (its offsets point into that
        article); ``distinct=True`` keeps one claim per statement (the first report, ``same_as`` None).

        Dates compare as ISO strings, so '2025-12' matches every day of December 2025 in `since`/`until`.
        The query is where the speakers and issues are read from (`_speaker_issue_source`) and the other filters'
        conditions (`_claim_conditions`).
        """
        # with a speaker, article or id filter the claims table is entered by that index and each row's
        # issues/places are probed (EXISTS on their primary key); without one the issue/place list drives
        narrow = speaker_ids is not None or bool(doc_id) or ids is not None
        source, order, where, args = self._speaker_issue_source(speaker_ids, issues, narrow)
        more, more_args = _claim_conditions(places=places, ids=ids, since=since, until=until, stance=stance,
                                            doc_id=doc_id, distinct=distinct, narrow=narrow)
        where, args = where + more, args + more_args
        sql = f"SELECT c.record FROM {source}" + (" WHERE " + " AND ".join(where) if where else "") + f" ORDER BY {order}"
        if limit:
            sql += f" LIMIT {int(limit)}"
        for (rec,) in self.db.execute(sql, args):
            yield claim_from_record(rec, self.path)

    def _speaker_issue_source(self, speaker_ids: Optional[Iterable[str]], issues: Optional[Iterable[str]],
                              narrow: bool) -> tuple[str, str, list[str], list]:
        """(the tables a claims query reads, its order, its conditions on speakers and issues, their arguments)."""
        source, order = "claims c", "c.date, c.id"
        if speaker_ids is not None and issues is not None and self._speaker_issue:
            # speaker and issue: read only the answer's ids from the (speaker, issue, date, claim) table, already
            # in (date, id) order for one pair, instead of probing every claim of the speaker for the issue
            sids, vals = list(speaker_ids), list(issues)
            if len(sids) == 1 and len(vals) == 1:
                source, order = "speaker_issue_claims k JOIN claims c ON c.id = k.claim_id", "k.date, k.claim_id"
                return source, order, ["k.speaker_id = ? AND k.issue = ?"], sids + vals
            if sids and vals:   # several: a claim about two of the issues is listed once
                return source, order, [f"c.id IN (SELECT claim_id FROM speaker_issue_claims WHERE speaker_id IN "
                                       f"({','.join('?' * len(sids))}) AND issue IN ({','.join('?' * len(vals))}))"], \
                    sids + vals
            return source, order, ["0"], []
        where, args = [], []
        if speaker_ids is not None:
            cond, vals = _one_of("c.speaker_id", speaker_ids)
            where.append(cond)
            args.extend(vals)
        if issues is not None:
            vals = list(issues)
            where.append(_link_filter("claim_issues", "issue", len(vals), narrow))
            args.extend(vals)
        return source, order, where, args
