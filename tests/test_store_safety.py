"""The store refuses what it must not touch, and says why (issue 7).

A file that is not a graphkit store — a text file, an empty file, another
application's SQLite database, a damaged store, a store written by a newer
graphkit — is refused with one clear message, through the Python API and the
CLI, and is left byte-for-byte as it was. An older schema says how to migrate.
"""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import graphkit

from graphkit.errors import StoreError
from graphkit.records import SCHEMA_VERSION
from graphkit.store import Store
from graphkit.store_file import APP_ID, check_store_file, open_here


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def text_file(p: Path):
    p.write_text("doc_id,title\n1,hello\n")


def empty_file(p: Path):
    p.write_bytes(b"")


def _sqlite_file(p: Path, *statements: str) -> None:
    """An SQLite database at ``p`` made by ``statements``, as another application would leave it."""
    db = sqlite3.connect(p)
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()


def other_app_with_id(p: Path):
    _sqlite_file(p, "PRAGMA application_id=1836281454",  # some other application's id
                 "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)", "INSERT INTO notes VALUES (1, 'keep me')")


def other_app_plain(p: Path):
    _sqlite_file(p, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)",
                 "INSERT INTO moz_places VALUES (1, 'https://example.org')")


def other_app_with_meta_table(p: Path):
    # a 'meta(key, value)' table is common: it must not pass for a graphkit store
    _sqlite_file(p, "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                 "INSERT INTO meta VALUES ('version', '7')")


def _graphkit_store(p: Path, version: int):
    Store(p, create=True).close()
    db = sqlite3.connect(p)
    db.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(version),))
    db.commit()
    db.close()


def newer_schema(p: Path):
    _graphkit_store(p, SCHEMA_VERSION + 1)


def older_schema(p: Path):
    _graphkit_store(p, SCHEMA_VERSION - 1)


def _claim_record() -> dict:
    from graphkit.records import Claim

    return Claim(id="c1", doc_id="d1", speaker="Sergey Lavrov", speaker_id="actor:sergey-lavrov", text="Europe",
                 spans=[(0, 6)], cue="said").model_dump(mode="json")


def _record_of(table: str) -> tuple[dict, tuple]:
    """A record of ``table`` as this graphkit writes it, and the row's columns before ``record``."""
    from graphkit import records

    made = {
        "documents": (records.Document(id="d1", path="d1.txt", text="Europe", sha256="0" * 64, format="txt"),
                      ("d1", "0" * 64, None)),
        "actors": (records.Actor(id="actor:sergey-lavrov", name="Sergey Lavrov"),
                   ("actor:sergey-lavrov", "Sergey Lavrov", "other")),
        "places": (records.Place(id="place:kyiv", name="Kyiv"), ("place:kyiv", "Kyiv")),
        "issues": (records.Issue(id="issue:europe", name="Europe"), ("issue:europe", "Europe")),
        "contradictions": (records.Contradiction(a="c1", b="c2", reason="opposite"), ("c1", "c2", None)),
    }
    if table == "claims":
        return _claim_record(), ("c1", "d1", "actor:sergey-lavrov", None, None, None)
    record, cols = made[table]
    return record.model_dump(mode="json"), cols


def _with_record(p: Path, table: str, edit) -> None:
    """A store of this schema holding one record of ``table``, edited by ``edit`` (a record of another graphkit)."""
    import json

    Store(p, create=True).close()
    record, cols = _record_of(table)
    edit(record)
    db = sqlite3.connect(p)
    db.execute(f"INSERT INTO {table} VALUES ({', '.join('?' * (len(cols) + 1))})", (*cols, json.dumps(record)))
    db.commit()
    db.close()


def _newer_field(table: str):
    """A store whose ``table`` record holds a field this graphkit does not know, as a newer graphkit's would under
    the same schema (-79's ``segment`` in a claim read by a -78 graphkit)."""
    def make(p: Path):
        _with_record(p, table, lambda r: r.update(novel=1))

    make.__name__ = f"newer_{table}_field"
    return make


def newer_attribution_field(p: Path):
    """A store whose extraction's attribution holds a field this graphkit does not know (``issues suggest`` reads
    the extractions: it traced back on them)."""
    import json

    from graphkit.records import Attribution

    Store(p, create=True).close()
    att = {**Attribution(spans=[(0, 6)], text="Europe", cue="said").model_dump(mode="json"), "novel": 1}
    data = {"doc_id": "d1", "sha256": "0" * 64, "items": [{"attribution": att, "date": {}}], "entities": []}
    db = sqlite3.connect(p)
    db.execute("INSERT INTO extractions VALUES ('d1', ?, 'en_core_web_sm', ?)", ("0" * 64, json.dumps(data)))
    db.commit()
    db.close()


def edited_claim(p: Path):
    """A claim record without a field this graphkit requires (edited by hand, or another graphkit's)."""
    _with_record(p, "claims", lambda r: r.pop("doc_id"))


def damaged_store(p: Path):
    Store(p, create=True).close()
    raw = bytearray(p.read_bytes())
    raw[100:] = b"\xde\xad\xbe\xef" * ((len(raw) - 100) // 4) + b"\x00" * ((len(raw) - 100) % 4)
    p.write_bytes(bytes(raw))


def truncated_header(p: Path):
    p.write_bytes(b"SQLite format 3\x00" + b"\x10\x00")


# (maker, words the message must contain)
REFUSALS = [
    (text_file, ["not a graphkit store", "not an SQLite file"]),
    (empty_file, ["empty", "graphkit build"]),
    (other_app_with_id, ["another application"]),
    (other_app_plain, ["not a graphkit store"]),
    (other_app_with_meta_table, ["not a graphkit store"]),
    (newer_schema, ["newer graphkit", f"schema {SCHEMA_VERSION + 1}", "upgrade graphkit"]),
    (older_schema, ["older schema", "graphkit build"]),
    (damaged_store, ["cannot be opened", "rebuild"]),
    (truncated_header, ["graphkit store"]),
    # a record a newer graphkit wrote under the same schema: said at the open, before anything is read or written
    # (a -78 graphkit traced back on -79's claims: pydantic's "Extra inputs are not permitted")
    *[(_newer_field(t), ["was written by a newer graphkit", f"its {t[:-1]} records hold fields this one does not know: "
                         "novel", "upgrade graphkit"])
      for t in ("documents", "actors", "places", "issues", "claims", "contradictions")],
    (newer_attribution_field, ["was written by a newer graphkit", "its attribution records hold fields this one does "
                               "not know: novel", "upgrade graphkit"]),
]
IDS = [m.__name__ for m, _ in REFUSALS]


# every refusal in every mode, except building into an empty file, which makes a store there
MODES = [(mode, make, words) for mode in ("read", "readonly", "build") for make, words in REFUSALS
         if not (mode == "build" and make is empty_file)]


@pytest.mark.parametrize("mode,make,words", MODES, ids=[f"{m}-{f.__name__}" for m, f, _ in MODES])
def test_store_refuses_with_a_clear_message_and_leaves_the_file_alone(tmp_path, make, words, mode):
    p = tmp_path / "thing.db"
    make(p)
    before = _sha(p)
    with pytest.raises(StoreError) as e:
        s = Store(p, create=(mode == "build"), readonly=(mode == "readonly"))
        # a damaged file may only show when read: reading must say so in the same words
        try:
            list(s.claims()), s.hashes()
        finally:
            s.close()
    msg = str(e.value)
    for w in words:
        assert w in msg, msg
    assert "\n" not in msg and str(p) in msg
    assert _sha(p) == before, "a refused file must be left untouched"
    assert not Path(str(p) + "-wal").exists() or Path(str(p) + "-wal").stat().st_size == 0


# (the store's records, what reading them says): a record refused only when read (its fields this graphkit's, or fewer)
READ_REFUSALS = [
    (edited_claim, "'STORE' holds a claim record this graphkit cannot read (doc_id: Field required): another graphkit "
                   "wrote it, or it was edited; rebuild it with `graphkit build CORPUS_DIR --store NEW_PATH`"),
    (lambda p: _with_record(p, "actors", lambda r: r.update(type="alien")),
     "'STORE' holds an actor record this graphkit cannot read (type: Input should be"),
]


@pytest.mark.parametrize("make,words", READ_REFUSALS, ids=["claim-without-doc_id", "actor-of-another-type"])
def test_a_record_this_graphkit_cannot_read_is_one_line(tmp_path, make, words, capsys):
    """Read through the API (read-only) and the command line: the cause and the fix, not pydantic's traceback."""
    from graphkit.cli import main

    p = tmp_path / "thing.gk"
    make(p)
    before = _sha(p)
    with Store(p, readonly=True) as s, pytest.raises(StoreError) as e:
        list(s.claims()), s.actors()
    assert words.replace("STORE", str(p)) in str(e.value) and "\n" not in str(e.value)
    with pytest.raises(SystemExit) as exit_:
        main(["claims", "--store", str(p)] if "claim" in words else ["actors", "--store", str(p)])
    err = capsys.readouterr().err.strip().splitlines()
    assert exit_.value.code == 2 and len(err) == 1 and words.replace("STORE", str(p)) in err[0], err
    assert _sha(p) == before


def test_build_into_an_empty_file(tmp_path):
    p = tmp_path / "made-by-mktemp.gk"
    empty_file(p)
    with Store(p, create=True) as s:
        assert s.schema_version() == SCHEMA_VERSION
    with Store(p, readonly=True) as s:
        assert list(s.claims()) == []


def _earlier_layout(p: Path):
    """A store built before claims gained the same_as column (commit 2f45e9b), with one article in it."""
    from graphkit.records import Document

    with Store(p, create=True) as s:
        d = Document(id="a", path="a.txt", text="x", sha256="1" * 64, format="txt")
        s.put_article(d, '{"doc_id": "a", "sha256": "' + "1" * 64 + '", "items": [], "entities": []}', "m")
        s.set_meta("resolved_fingerprint", "f")
    db = sqlite3.connect(p)
    db.execute("ALTER TABLE claims DROP COLUMN same_as")
    db.commit()
    db.close()


def test_an_earlier_layout_says_how_to_upgrade_when_read(tmp_path):
    p = tmp_path / "old.gk"
    _earlier_layout(p)
    before = _sha(p)
    with pytest.raises(StoreError, match=r"earlier graphkit .* upgrade it in place with `graphkit build CORPUS_DIR --store"):
        Store(p, readonly=True)
    assert _sha(p) == before


def test_an_earlier_layout_is_upgraded_in_place_by_a_build(tmp_path):
    p = tmp_path / "old.gk"
    _earlier_layout(p)
    with Store(p, create=True) as s:
        cols = [r[1] for r in s.db.execute("PRAGMA table_info(claims)")]
        assert cols[-2:] == ["same_as", "record"]  # the layout of a new store, so inserts line up
        assert [d.id for d in s.documents()] == ["a"] and "a" in s.hashes()  # articles kept: not parsed again
        assert s.get_meta("resolved_fingerprint") is None  # the next build resolves again
    with Store(p, readonly=True) as s:
        assert list(s.claims()) == []


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(StoreError, match="is a folder"):
        Store(tmp_path, create=True)


def test_missing_store_says_run_build(tmp_path):
    with pytest.raises(StoreError, match="graphkit build"):
        Store(tmp_path / "nope.gk")


def test_a_new_store_is_marked_as_graphkit(tmp_path):
    p = tmp_path / "new.gk"
    with Store(p, create=True) as s:
        assert s.schema_version() == SCHEMA_VERSION and s.get_meta("app") == "graphkit"
    assert int.from_bytes(p.read_bytes()[68:72], "big") == APP_ID
    with Store(p) as s:  # and opens again
        assert list(s.claims()) == []


def _cli(*args) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("graphkit")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "graphkit.cli"]
    return subprocess.run(cmd + [str(a) for a in args], capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("make,words", REFUSALS, ids=IDS)
def test_cli_refuses_in_one_line(tmp_path, make, words):
    p = tmp_path / "thing.db"
    make(p)
    before = _sha(p)
    proc = _cli("claims", "--store", p, "--format", "jsonl")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("graphkit: error: ") and words[0] in lines[0], proc.stderr
    assert _sha(p) == before


def test_build_into_another_apps_database_is_refused_before_parsing(tmp_path):
    p = tmp_path / "places.sqlite"
    other_app_plain(p)
    before = _sha(p)
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Lavrov said Europe was to blame.")
    proc = _cli("build", corpus, "--store", p, "--quiet")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "not a graphkit store" in proc.stderr
    assert _sha(p) == before


def _second_store(p):
    Store(p).close()


def _build_check(p):
    check_store_file(p, create=True)  # what graphkit.build does before taking the writer lock


@pytest.mark.parametrize("second_open", [_second_store, _build_check])
def test_opening_a_store_twice_in_one_process_keeps_the_first_ones_locks(tmp_path, second_open):
    """A reader stays open while the same process opens the store again (a notebook querying while it builds).

    Reading the file's header with a plain open()/close() would drop the reader's POSIX locks; another
    process closing its connection then thinks it is the last one and deletes the WAL under the reader
    (which then reads 'database disk image is malformed': test_crash's transient failure).
    """
    p = tmp_path / "s.gk"
    Store(p, create=True).close()
    reader = Store(p)
    try:
        reader.db.execute("SELECT count(*) FROM documents").fetchone()
        assert Path(str(p) + "-wal").exists()
        second_open(p)
        code = (f"import sqlite3; d = sqlite3.connect({str(p)!r}); "
                "d.execute('SELECT count(*) FROM meta').fetchone(); d.close()")
        subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
        assert Path(str(p) + "-wal").exists(), "another process took the open reader's WAL away"
        assert reader.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        reader.close()
    assert not open_here(p)


@pytest.mark.parametrize("reader", [
    lambda p: Store(p, readonly=True).close(),                                   # graphkit claims / view
    lambda p: graphkit.open(p).close(),                                          # a notebook
    lambda p: [Store(p, readonly=True).close() for _ in range(2)],              # two queries, one after another
])
def test_readers_after_a_build_leave_no_journal_files_beside_the_store(tmp_path, reader):
    """A closed writer puts the store back in rollback-journal mode, so read-only readers afterwards make
    no -wal / -shm files they could not remove (they were left beside every queried store)."""
    p = tmp_path / "s.gk"
    w = Store(p, create=True)
    w.set_meta("x", "y")
    w.close()
    reader(p)
    assert sorted(f.name for f in tmp_path.iterdir()) == ["s.gk"]
    r = Store(p, readonly=True)
    assert r.get_meta("x") == "y"
    r.close()


def test_a_writer_closing_beside_an_open_reader_keeps_wal_mode(tmp_path):
    """The switch back needs the store to itself: with a reader open it is not tried, and the reader reads on."""
    p = tmp_path / "s.gk"
    Store(p, create=True).close()
    reader = Store(p, readonly=True)
    try:
        w = Store(p)
        w.set_meta("x", "y")
        w.close()
        assert reader.get_meta("x") == "y"
        assert reader.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        reader.close()


@pytest.mark.parametrize("closer", ["another thread", "none"])
def test_a_look_at_a_store_another_thread_closes_meanwhile_reads_it_whole(tmp_path, monkeypatch, closer):
    """A look at a store this process has open reads it through that Store (`graphkit.store_file.open_store`); when
    another thread closes that Store between the look finding it and reading it, the look read a closed connection
    ("Cannot operate on a closed database."). Made certain with events, not timing: the look waits, once it has
    found the Store, until the other thread has closed it."""
    import threading

    import graphkit.store_file as store_file

    path = tmp_path / "s.gk"
    store = Store(path, create=True)
    found, go, real = threading.Event(), threading.Event(), store_file.open_store

    def finding(p):
        here = real(p)
        if here is not None and not found.is_set():
            found.set()
            assert go.wait(timeout=60), "the closing thread never let the look go on"  # a guard, not timing
        return here

    monkeypatch.setattr(store_file, "open_store", finding)
    looked = {}

    def look():
        try:
            looked["look"] = store_file.look_at_store(path, ["app", "schema_version"])
        except Exception as e:  # noqa: BLE001 - what the look raised is the row's answer
            looked["look"] = e

    reader = threading.Thread(target=look)
    reader.start()
    assert found.wait(timeout=60), "the look never found the open Store (it no longer asks open_store?)"
    if closer == "another thread":
        store.close()
    go.set()
    reader.join()
    assert looked["look"] == store_file.StoreLook({"app": "graphkit", "schema_version": str(SCHEMA_VERSION)})
    store.close()
    assert not open_here(path)


class _Paused:
    """A file read as a plain file that pauses in its read until ``go`` (the test's events, not timing), and notes
    whether this process had a Store open on it when it closed."""

    def __init__(self, real, path, reading, go, at_close):
        self.real, self.path, self.reading, self.go, self.at_close = real, path, reading, go, at_close

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.real.close()
        self.at_close.append(open_here(self.path))

    def read(self, n=-1):
        self.reading.set()
        assert self.go.wait(timeout=60), "the test never let the read go on"  # a guard, not timing
        return self.real.read(n)


def _pause_header_reads(monkeypatch, store_file, path, reader, reading, go, at_close):
    """The reading thread's header reads of ``path`` (`check_store_file`'s, `database_at`'s: a plain ``open``) pause,
    and note their close; another thread's (the opening Store's own check) read on."""
    def paused_open(p, mode="r", *a, **k):
        real = open(p, mode, *a, **k)
        return _Paused(real, path, reading, go, at_close) if Path(p) == path and reader() else real

    monkeypatch.setattr(store_file, "open", paused_open, raising=False)


def _pause_read_only(inside: str):
    """How a read over a read-only connection of its own (`graphkit.store_file._read_only`) is made to pause inside
    its read, at the function of `graphkit.store_file` named ``inside``, and to note its close."""
    def pause(monkeypatch, store_file, path, reader, reading, go, at_close):
        real_inside, real_read = getattr(store_file, inside), store_file._read_only

        def paused(*a, **k):
            if reader():
                reading.set()
                assert go.wait(timeout=60), f"the test never let {inside} go on"  # a guard, not timing
            return real_inside(*a, **k)

        def noted_read(p, *a, **k):
            try:
                return real_read(p, *a, **k)
            finally:
                if reader():
                    at_close.append(open_here(path))

        monkeypatch.setattr(store_file, inside, paused)
        monkeypatch.setattr(store_file, "_read_only", noted_read)

    return pause


#: `look_at_store`'s look pauses at `check_layout`; `stored_articles`' count at `_articles_in`
_pause_look, _pause_count = _pause_read_only("check_layout"), _pause_read_only("_articles_in")


#: (a read of a store file as a plain file, how it is made to pause inside the read, what it answers)
PLAIN_READS = [
    ("look_at_store", lambda sf, p: sf.look_at_store(p, ["app"]).meta, _pause_look, {"app": "graphkit"}),
    ("database_at", lambda sf, p: sf.database_at(p), _pause_header_reads, "a graphkit store"),
    ("check_store_file", lambda sf, p: sf.check_store_file(p), _pause_header_reads, None),
    # a failed first build asks it before it removes the store it made (`nothing_left_of_a_failed_create`)
    ("stored_articles", lambda sf, p: sf.stored_articles(p), _pause_count, 0),
]
#: who starts first: the read, paused inside until the opening thread has opened its Store or waits for its turn; or
#: the opening, paused after its own checks and connect (in `Store._init`), before it counts its connection, until the
#: read has begun or waits for its turn
ORDERS = ["read first", "opening first"]


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("name, read, pause, answer", PLAIN_READS, ids=[r[0] for r in PLAIN_READS])
def test_no_store_opens_while_another_thread_reads_its_file(tmp_path, monkeypatch, name, read, pause, answer, order):
    """A read of a store file as a plain file (no Store of this process has it open: a look before a build, the
    header read by an output's check or by a Store's opening) closed its descriptor after another thread had opened a
    Store on that file meanwhile, and closing any descriptor of a file drops every POSIX lock the process holds on it:
    that Store's connection lost its locks (another process could then checkpoint the WAL under it). Now the read and
    the opening take turns (`graphkit.store_file.file_turn`): each read's own turn ("read first") and the Store's over
    its checks, connect and count ("opening first"). Made certain with events, not timing."""
    import threading

    import graphkit.store as store_module
    import graphkit.store_file as store_file

    path = tmp_path / "s.gk"
    Store(path, create=True).close()
    reading, go = threading.Event(), threading.Event()
    opener_waits, opener_inside, opener_go, opener_counted = (threading.Event() for _ in range(4))
    reader_waits = threading.Event()
    at_close, answers, opened_here, threads = [], {}, {}, {}

    class Watched:  # this process's turn at its files, noting who had to wait for it
        lock = threading.RLock()

        def __enter__(self):
            if not self.lock.acquire(blocking=False):
                (opener_waits if threading.current_thread() is threads.get("opener") else reader_waits).set()
                self.lock.acquire()

        def __exit__(self, *exc):
            self.lock.release()

    real_opened, real_init = store_module.opened, Store._init

    def noted_opened(p, s):
        key = real_opened(p, s)
        if threading.current_thread() is threads.get("opener"):
            opener_counted.set()
        return key

    def paused_init(self, create):
        if threading.current_thread() is threads.get("opener") and order == "opening first":
            opener_inside.set()
            assert opener_go.wait(timeout=60), "the test never let the opening go on"  # a guard, not timing
        return real_init(self, create)

    watched = Watched()
    for module in (store_file, store_module):  # the file's turn, as the reads and the Store take it
        monkeypatch.setattr(module, "file_turn", lambda p: watched)
    monkeypatch.setattr(store_module, "opened", noted_opened)
    monkeypatch.setattr(Store, "_init", paused_init)
    pause(monkeypatch, store_file, path, lambda: threading.current_thread() is threads.get("reader"), reading, go,
          at_close)

    def reader():
        try:
            answers["answer"] = read(store_file, path)
        except Exception as e:  # noqa: BLE001 - what the read raised is the row's answer
            answers["answer"] = e

    threads["reader"] = threading.Thread(target=reader)
    threads["opener"] = threading.Thread(target=lambda: opened_here.setdefault("store", Store(path)))

    def either(*events):
        for _ in range(600):
            if any(e.wait(timeout=0.1) for e in events):
                return True
        return False

    if order == "read first":
        threads["reader"].start()
        assert reading.wait(timeout=60), f"{name} never read the file as a plain file"
        threads["opener"].start()
        assert either(opener_counted, opener_waits), "the opening thread neither opened its Store nor waited its turn"
        go.set()
    else:
        threads["opener"].start()
        assert opener_inside.wait(timeout=60), "the opening thread never reached its connection's checks"
        threads["reader"].start()
        assert either(reading, reader_waits), f"{name} neither read the file nor waited its turn"
        opener_go.set()
        assert opener_counted.wait(timeout=60), "the opening thread never counted its connection"
        go.set()
    for t in threads.values():
        t.join(timeout=60)
    try:
        assert answers.get("answer") == answer
        assert not any(at_close), f"{name} closed its read of the file with a Store of this process open on it"
    finally:
        opened_here["store"].close()
    assert not open_here(path)


#: (what another thread does with a second store file, how): each reads or opens that file in its own turn
OTHER_FILE = [
    ("a Store opening it", lambda sf, p: Store(p, readonly=True).close()),
    ("a Store writing it", lambda sf, p: Store(p).close()),
    ("look_at_store", lambda sf, p: sf.look_at_store(p, ["app"])),
    ("database_at", lambda sf, p: sf.database_at(p)),
    ("check_store_file", lambda sf, p: sf.check_store_file(p)),
    ("stored_articles", lambda sf, p: sf.stored_articles(p)),
]


@pytest.mark.parametrize("name, use", OTHER_FILE, ids=[r[0] for r in OTHER_FILE])
def test_a_store_opening_holds_up_no_other_store_file(tmp_path, monkeypatch, name, use):
    """This process's turn at its store files (`graphkit.store_file.file_turn`) was one lock for every file, held by a
    Store's opening through its connection's busy timeout (up to 10 s while another process writes that store): a
    second store's opening, or a look at another store file, in the same process (a notebook with two stores open, a
    server) waited for it. Each file has its own turn now (`graphkit.store_file.file_turn`): while a Store's opening of
    one file is held inside its checks, another thread opens, reads and looks at another file to the end. Made certain
    with events, not timing (the waits are guards)."""
    import threading

    import graphkit.store_file as store_file

    first, second = tmp_path / "a.gk", tmp_path / "b.gk"
    for p in (first, second):
        Store(p, create=True).close()
    inside, go, done = threading.Event(), threading.Event(), threading.Event()
    held, said = {}, {}
    real_init = Store._init

    def paused_init(self, create):
        if self.path == first:
            inside.set()
            assert go.wait(timeout=60), "the test never let the first opening go on"  # a guard, not timing
        return real_init(self, create)

    def other():
        try:
            use(store_file, second)
        except Exception as e:  # noqa: BLE001 - what it raised is the row's answer
            said["error"] = e
        finally:
            done.set()

    monkeypatch.setattr(Store, "_init", paused_init)
    opener = threading.Thread(target=lambda: held.setdefault("store", Store(first)))
    opener.start()
    try:
        assert inside.wait(timeout=60), "the first Store never reached its connection's checks"
        threading.Thread(target=other).start()
        assert done.wait(timeout=30), f"{name} of another file waited for the first file's opening"
        assert "error" not in said, said
    finally:
        go.set()
        opener.join(timeout=60)
        if "store" in held:
            held["store"].close()
    assert not open_here(first) and not open_here(second)


def test_a_store_files_turn_is_kept_while_something_holds_it(tmp_path):
    """`graphkit.store_file.file_turn` kept a lock for every store path the process had ever opened or read (a server
    or a notebook opening many stores in its life): now a turn lives while an open Store holds it or a read is in it,
    and a Store opened later on the same file, or a read of it, takes a new one."""
    import gc
    import os

    import graphkit.store_file as store_file

    path = tmp_path / "s.gk"
    key = os.path.realpath(path)
    store = Store(path, create=True)
    assert store_file.file_turn(path) is store._turn  # the open Store's turn is the one its file's readers take
    store_file.database_at(path)
    store.close()
    del store
    gc.collect()
    assert key not in store_file._FILE_TURNS
    assert store_file.database_at(path) == "a graphkit store" and key not in store_file._FILE_TURNS  # a read's own
