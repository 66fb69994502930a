"""bench/compare_stores.py, the check that a refactor or an incremental build leaves every table of a store as it
was: two invented stores in, the lines it prints out. Rows are compared as multisets, so a duplicated row shows."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from compare_stores import differences  # noqa: E402


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
