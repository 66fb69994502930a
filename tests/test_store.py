"""The store: per-article layer, resolved layer, indexed filters."""

from __future__ import annotations

import pytest

from graphkit.errors import StoreError
from graphkit.store import Store
from records_factory import ACTORS, CONTRADICTIONS, PLACES, claims, doc


@pytest.fixture()
def store(tmp_path):
    s = Store(tmp_path / "s.gk", create=True)
    d = doc()
    s.put_article(d, '{"doc_id": "d1"}', "model-1")
    s.replace_resolved(ACTORS.values(), PLACES.values(), [], claims(), CONTRADICTIONS)
    yield s
    s.close()


def test_hashes_record_model(store):
    assert store.hashes() == {"d1": ("a" * 64, "model-1")}


@pytest.mark.parametrize("filters,expected", [
    ({}, ["c3", "c1", "c2", "c4"]),  # date order, undated last? (NULL sorts first in SQLite)
    ({"speaker_ids": ["actor:sergey-lavrov"]}, ["c1", "c4"]),
    ({"issues": ["territory"]}, ["c3", "c2"]),
    ({"speaker_ids": ["actor:sergey-lavrov"], "issues": ["Europe"]}, ["c1"]),
    ({"places": ["Pokrovsk"], "stance": "deny"}, ["c2"]),
    ({"since": "2025-12"}, ["c1", "c2"]),
    ({"until": "2025-11"}, ["c3"]),
    ({"until": "2025-11-30"}, ["c3"]),
    ({"issues": []}, []),
])
def test_claim_filters(store, filters, expected):
    got = [c.id for c in store.claims(**filters)]
    assert sorted(got) == sorted(expected)


def test_replace_resolved_is_all_or_nothing(store):
    bad = claims()[:1] * 2  # duplicate primary key → the swap fails
    with pytest.raises(Exception):
        store.replace_resolved([], [], [], bad, [])
    assert store.count("claims") == 4 and store.count("actors") == 3


def test_missing_store_says_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="graphkit build"):
        Store(tmp_path / "none.gk")


def test_not_a_store(tmp_path):
    p = tmp_path / "notes.txt"
    p.write_text("hello")
    with pytest.raises(StoreError, match="not a graphkit store"):
        Store(p)
