"""The store: per-article layer, resolved layer, indexed filters."""

from __future__ import annotations

import subprocess
import sys

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


# a table name goes into the store's SQL as written: only the store's own tables of that kind pass, refused with a
# ValueError, not an assert (graphkit.store._table_named): (what is asked of the store, the error expected, or None
# for a control, a table of the kind asked, which holds with the asserts as with the check)
TABLE_NAMES = [
    (lambda s: s.count("claims"), None),
    (lambda s: s.count("claims WHERE 0"), ValueError),
    (lambda s: s.count("kept_words"), ValueError),                   # a table, but not one count answers for
    (lambda s: list(s._kept_rows("kept_words")), None),
    (lambda s: list(s._kept_rows("claims")), ValueError),
    (lambda s: s._keep_rows("kept_words", []), None),
    (lambda s: s._keep_rows("documents", []), ValueError),
]


@pytest.mark.parametrize("ask,error", TABLE_NAMES, ids=[f"{k:02d}" for k in range(len(TABLE_NAMES))])
def test_a_table_name_is_one_of_the_stores_own(store, ask, error):
    if error is None:
        ask(store)
    else:
        with pytest.raises(error, match="no table"):
            ask(store)


def test_a_table_name_is_checked_under_python_O(tmp_path):
    """``python -O`` drops an assert: the check that guards the SQL must not be one."""
    code = ("import sys\nfrom graphkit.store import Store\ns = Store(sys.argv[1], create=True)\n"
            "try:\n    print(s.count('claims WHERE 0'))\nexcept ValueError as e:\n    print(e)\n")
    proc = subprocess.run([sys.executable, "-O", "-c", code, str(tmp_path / "s.gk")], capture_output=True, text=True,
                          timeout=120)
    assert proc.stdout.startswith("no table 'claims WHERE 0'"), (proc.stdout, proc.stderr)


def test_missing_store_says_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="graphkit build"):
        Store(tmp_path / "none.gk")


def test_not_a_store(tmp_path):
    p = tmp_path / "notes.txt"
    p.write_text("hello")
    with pytest.raises(StoreError, match="not a graphkit store"):
        Store(p)


# -- speaker+issue queries read speaker_issue_claims: same claims, same order as probing each claim --------

def _many_claims(n=300, seed=3):
    """Claims over 4 speakers and 5 issues with repeated, partial and missing dates (ties sort by id)."""
    import random

    from graphkit.records import Claim

    rnd = random.Random(seed)
    speakers, issues = list(ACTORS), ["Europe", "peace plan", "territory", "sanctions", "energy"]
    dates = [None, "2025", "2025-11", "2025-11-30", "2025-12-01", "2025-12-01", "2024-02-29"]
    return [Claim(id=f"k{rnd.randrange(10**6):06d}_{i}", doc_id="d1", speaker=ACTORS[sp].name, speaker_id=sp,
                  text="Europe was blocking peace", spans=[(10, 35)], cue="said", date=rnd.choice(dates),
                  stance=rnd.choice(("assert", "deny")), issues=tuple(rnd.sample(issues, rnd.randint(0, 3))),
                  places=("Pokrovsk",) if rnd.random() < 0.3 else (), same_as=None if rnd.random() < 0.8 else "c1")
            for i, sp in enumerate(rnd.choices(speakers, k=n))]


LAVROV, UKR = "actor:sergey-lavrov", "actor:ukrainian-government"


@pytest.fixture()
def big_store(tmp_path):
    s = Store(tmp_path / "big.gk", create=True)
    s.put_article(doc(), '{"doc_id": "d1"}', "model-1")
    s.replace_resolved(ACTORS.values(), PLACES.values(), [], _many_claims(), [])
    yield s
    s.close()


@pytest.mark.parametrize("filters", [
    {"speaker_ids": [LAVROV], "issues": ["Europe"]},
    {"speaker_ids": [LAVROV], "issues": ["Europe", "territory"]},          # a claim about both: listed once
    {"speaker_ids": [LAVROV, UKR], "issues": ["energy"]},
    {"speaker_ids": [LAVROV], "issues": ["Europe"], "since": "2025-11", "until": "2025-12-01"},
    {"speaker_ids": [UKR], "issues": ["peace plan"], "stance": "deny", "places": ["Pokrovsk"]},
    {"speaker_ids": [UKR], "issues": ["territory"], "distinct": True, "limit": 7},
    {"speaker_ids": [LAVROV], "issues": []},
    {"speaker_ids": [], "issues": ["Europe"]},
    {"speaker_ids": ["actor:nobody"], "issues": ["Europe"]},
])
def test_speaker_issue_table_gives_what_probing_gives(big_store, filters):
    fast = list(big_store.claims(**filters))
    big_store._speaker_issue = False            # the probe path older stores use
    slow = list(big_store.claims(**filters))
    assert fast == slow
    assert [c.id for c in fast] == [c.id for c in slow]


def test_store_without_speaker_issue_table(big_store):
    """A store built before the table: read-only it answers by probing; opened for writing it gets the table."""
    q = {"speaker_ids": [LAVROV], "issues": ["Europe"]}
    expected = list(big_store.claims(**q))
    assert expected
    big_store.db.execute("DROP TABLE speaker_issue_claims")
    big_store.close()
    with Store(big_store.path, readonly=True) as ro:
        assert not ro._speaker_issue and list(ro.claims(**q)) == expected
    with Store(big_store.path) as rw:
        assert rw._speaker_issue and list(rw.claims(**q)) == expected
        assert rw.db.execute("SELECT count(*) FROM speaker_issue_claims").fetchone()[0] == \
            rw.db.execute("SELECT count(*) FROM claim_issues").fetchone()[0]


# -- claims read back without a second validation are the records validation would give ----------------

def _claim(**kw):
    from graphkit.records import Claim

    base = dict(id="c1", doc_id="d1", speaker="Sergey Lavrov", speaker_id="actor:sergey-lavrov", text="Europe",
                spans=[(0, 6)], cue="said")
    return Claim(**{**base, **kw})


@pytest.mark.parametrize("claim", [
    _claim(),
    _claim(spans=[(0, 6), (10, 20)], speaker_span=(30, 36), cue_span=(37, 41), sentence_span=(0, 50), role="minister"),
    _claim(issues=("Europe", "peace plan"), issue_triggers=(("Europe", "europe"), ("peace plan", "peace")),
           places=("Kyiv",), reports=("d2", "d3"), same_as="c0", date="2025-11", date_precision="month",
           date_basis="explicit", date_text="in November", stance="deny", kind="mixed", confidence=0.25),
    _claim(text="Zelenskyy’s «quote» \x01 <b>", speaker_text="he", confidence=0.0),
], ids=["defaults", "spans", "lists", "text"])
def test_claim_from_record_equals_validation(claim):
    from graphkit.records import Claim
    from graphkit.store import claim_from_record

    rec = claim.model_dump_json()
    fast, slow = claim_from_record(rec), Claim.model_validate_json(rec)
    assert fast == slow == claim and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert fast.model_dump_json() == rec and fast.model_fields_set == slow.model_fields_set
    assert fast.model_dump() == slow.model_dump()
    assert {k: type(v) for k, v in fast} == {k: type(v) for k, v in slow}
    with pytest.raises(Exception):               # still frozen
        fast.text = "changed"
    other = claim_from_record(rec)                # claims read back share one fields set: a copy leaves it alone
    assert fast.model_copy(update={"text": "changed"}).text == "changed" and other.text == claim.text
    assert other.model_fields_set == slow.model_fields_set


@pytest.mark.parametrize("edit,ok", [
    (lambda d: d.pop("confidence"), True),        # a field an older graphkit did not write: default, validated
    (lambda d: d.update(extra_field=1), False),   # a field this graphkit does not know: refused as before
    (lambda d: d.update(extra_field=1, spans=[[5, 2]]), False),
])
def test_claim_from_record_validates_foreign_records(edit, ok):
    import json

    from graphkit.store import claim_from_record

    d = json.loads(_claim().model_dump_json())
    edit(d)
    if ok:
        assert claim_from_record(json.dumps(d)) == _claim()
    else:  # a newer graphkit's field is said as one (graphkit.store.stored_record), not as pydantic's traceback
        with pytest.raises(StoreError, match="the store was written by a newer graphkit .* does not know: extra_field"):
            claim_from_record(json.dumps(d))
