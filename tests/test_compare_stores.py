"""bench/compare_stores.py, the check that a refactor or an incremental build leaves every table of a store as it
was: two invented stores in, the lines it prints out. Rows are compared as multisets, so a duplicated row shows."""

from __future__ import annotations

import marshal
import sqlite3
import sys
from pathlib import Path

import pytest
from checkout_paths import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from compare_stores import differences, main  # noqa: E402


def store(path: Path, claims: list[str], links: list[tuple[str, str]] = ()) -> Path:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE claims (id TEXT)")
        db.execute("CREATE TABLE links (a TEXT, b TEXT)")
        db.executemany("INSERT INTO claims VALUES (?)", [(c,) for c in claims])
        db.executemany("INSERT INTO links VALUES (?, ?)", list(links))
    db.close()
    return path


# (claims of A, claims of B, links of A, links of B, the lines compare_stores gives)
@pytest.mark.parametrize("claims_a, claims_b, links_a, links_b, expected", [
    (["c1", "c2"], ["c2", "c1"], [("c1", "c2")], [("c1", "c2")], []),                  # order is no difference
    (["c1", "c2"], ["c1", "c3"], [], [], ["claims: 2 / 2 rows, 1 only in the first, 1 only in the second"]),
    # a row written twice: equal as sets, a difference as multisets
    (["c1", "c1"], ["c1"], [], [], ["claims: 2 / 1 rows, 1 only in the first (1 a repeat of a row both hold), "
                                    "0 only in the second"]),
    (["c1"], ["c1"], [("c1", "c2")], [("c1", "c2")] * 3,
     ["links: 1 / 3 rows, 0 only in the first, 2 only in the second (2 repeats of rows both hold)"]),
    (["c1", "c1", "c2"], ["c1", "c3", "c3"], [], [],
     ["claims: 3 / 3 rows, 2 only in the first (1 a repeat of a row both hold), 2 only in the second"]),
])
def test_differences(tmp_path, claims_a, claims_b, links_a, links_b, expected):
    a = store(tmp_path / "a.gk", claims_a, links_a)
    b = store(tmp_path / "b.gk", claims_b, links_b)
    assert differences(a, b) == expected


@pytest.mark.parametrize("folder", ["a#b", "c%20d"])
def test_stores_in_a_folder_whose_name_reads_otherwise_as_a_uri(tmp_path, folder):
    """The stores are opened read-only by URI: '#' in a folder's name opened (and made) a stray file 'a' beside
    it, '%20' a folder 'c d' that is not there."""
    (tmp_path / folder).mkdir()
    a = store(tmp_path / folder / "a.gk", ["c1"])
    b = store(tmp_path / folder / "b.gk", ["c2"])
    assert differences(a, b) == ["claims: 1 / 1 rows, 1 only in the first, 1 only in the second"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder]


# ------------------------------------------------------------------ stores of two extraction versions

def kept_store(path: Path, version: str, rows: list[tuple], walk: bytes | None = None) -> Path:
    """A store holding one article's kept inputs of attribution rows ``rows`` (of any width) and its extraction's
    key naming ``version``; ``walk``: its kept walk's bytes."""
    from graphkit.kept import KeptInputs

    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE extractions (doc_id TEXT, model TEXT)")
        db.execute("CREATE TABLE kept_inputs (doc_id TEXT, key TEXT, data BLOB)")
        db.execute("INSERT INTO extractions VALUES ('d1', ?)",
                   (f"en_core_web_sm-3.8.0+spacy-3.8.18+extraction-{version}",))
        db.execute("INSERT INTO kept_inputs VALUES ('d1', 'k', ?)", (KeptInputs.encode_values(rows, [], [], []),))
        if walk is not None:
            db.execute("CREATE TABLE kept_walks (doc_id TEXT, key TEXT, data BLOB)")
            db.execute("INSERT INTO kept_walks VALUES ('d1', 'k', ?)", (walk,))
    db.close()
    return path


def _row() -> tuple:
    from graphkit.records import Attribution
    from graphkit.rows import AttributionRow

    return AttributionRow.of(Attribution(spans=[(0, 7)], text="the war", cue="said")).values()


NEW = _row()  # this checkout's row
OLD = NEW[:-1]  # a row of one field fewer, as -78's beside -79's (`segment` added)
WALK = marshal.dumps([[], []], 4)

EXTRACTIONS = "extractions: 1 / 1 rows, 1 only in the first, 1 only in the second"  # their keys name the versions

# (version and rows of A, of B, A's walk bytes (None: a good one), the lines compare_stores gives)
KEPT = [
    (("2026.12.02-82", [NEW]), ("2026.12.02-82", [NEW]), None, []),  # a control
    (("2026.12.02-78", [OLD]), ("2026.12.02-78", [OLD]), None, []),  # both of another width than this checkout's
    (("2026.12.02-78", [OLD]), ("2026.12.02-78", [OLD, OLD]), None,
     ["kept_inputs: 1 / 1 rows, 1 only in the first, 1 only in the second"]),
    (("2026.12.02-78", [OLD]), ("2026.12.02-79", [NEW]), None,
     [EXTRACTIONS, "kept_inputs: 1 / 1 rows, 1 only in the first, 1 only in the second; its attribution rows hold "
      f"{len(OLD)} fields in the first store, {len(NEW)} in the second (extraction -78 / -79): the stores were "
      "written by different graphkits"]),
    (("2026.12.02-79", [NEW]), ("2026.12.02-82", [NEW]), WALK[:-3],
     [EXTRACTIONS, "kept_walks: not compared: the first store's row of 'd1' cannot be read by this checkout's decoder "
      "(EOFError: marshal data too short); compare two stores of one graphkit, or build both again with it"]),
]
KEPT_IDS = ["equal", "equal-at-another-width", "differ-at-another-width", "two-widths", "walk-cut-short"]


@pytest.mark.parametrize("a, b, walk, expected", KEPT, ids=KEPT_IDS)
def test_stores_of_two_extraction_versions(tmp_path, a, b, walk, expected):
    """Attribution rows of another width than this checkout's are compared as they are (main traced back on
    `graphkit.rows.AttributionRow.from_values`); a kept row no decoder reads is one line, not a traceback."""
    sa = kept_store(tmp_path / "a.gk", *a, walk=WALK if walk is None else walk)
    sb = kept_store(tmp_path / "b.gk", *b, walk=WALK)
    assert differences(sa, sb) == expected


def test_the_command_on_stores_of_two_extraction_versions(tmp_path, capsys):
    """The command's exit status says a table differs (1), with no traceback, when the two widths differ."""
    sa = kept_store(tmp_path / "a.gk", "2026.12.02-78", [OLD])
    sb = kept_store(tmp_path / "b.gk", "2026.12.02-82", [NEW])
    assert main([str(sa), str(sb)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "tables that differ: 2" and "(extraction -78 / -82)" in out[1]
