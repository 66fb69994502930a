"""Resolution's blocked and indexed paths give what the plain all-pairs definitions give (issue #17).

Each fast path (bisect, blocking, lazy walks) is checked against the definition it replaced, on tables
of cases chosen to sit on its edges: ties, nested and overlapping spans, names one letter apart.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from graphkit.store_issues import DISCOVERY_MAX_CLAIMS, discovery_sample
from graphkit.kept import issue_model_sample
from graphkit.merge import organisation_merges, shortens
from graphkit.name_match import FUZZY_MIN, candidate_pairs, compare_names
from graphkit.names import name_words
from graphkit.places import places_in
from graphkit.pronouns import MENTION, SPEAKER, Candidate, antecedent


def _places_plain(spans, mentions):
    names = []
    for start, end, name in mentions:
        if name not in names and any(s <= start and end <= e for s, e in spans):
            names.append(name)
    return names


MENTIONS = [(0, 5, "Kyiv"), (0, 9, "Kyiv Oblast"), (10, 16, "Russia"), (20, 26, "Kyiv"), (30, 36, "Paris"),
            (35, 40, "Lyon")]


@pytest.mark.parametrize("spans", [
    [(0, 40)], [(0, 5)], [(0, 8)], [(1, 40)], [(10, 16)], [(10, 15)], [(20, 36)], [(30, 40), (0, 9)],
    [(36, 40)], [(16, 20)], [], [(0, 5), (0, 9)], [(25, 41)],
])
def test_places_in_is_the_plain_walk(spans):
    assert places_in(spans, [], None, mentions=MENTIONS) == _places_plain(spans, MENTIONS)


NAMES = ["Sergey Lavrov", "Sergei Lavrov", "Marco Rubio", "M. Rubio", "Donald Trump", "Donald Trump Jr.",
         "Donald J. Trump", "D. Trump", "Steve Jobs", "’s Job", "Hillary Clinton", "Hilary Clinton",
         "Bill Clinton", "Dmitry Peskov", "Dmitry Medvedev", "Jon Smith", "John Smith", "John Smyth",
         "Volodymyr Zelensky", "Volodymyr Zelenskyy", "Zelensky", "Zelenskyy", "Kim Jong Un", "Kim Jong-un"]


def test_candidate_pairs_keep_every_pair_the_old_rule_took_that_compare_names_accepts():
    """The old candidates: ratio >= FUZZY_MIN over the skeletons, or the same surname skeleton."""
    from rapidfuzz import fuzz

    keys = [" ".join(name_words(n)[0]) for n in NAMES]
    got = set(candidate_pairs(NAMES))
    for i in range(len(NAMES)):
        for j in range(i + 1, len(NAMES)):
            old = fuzz.ratio(keys[i], keys[j]) >= FUZZY_MIN or keys[i].split()[-1:] == keys[j].split()[-1:]
            if old and compare_names(NAMES[i], NAMES[j])[0]:
                assert (i, j) in got, (NAMES[i], NAMES[j])


SURNAMES = ["Lavrov", "Lavrova", "Rubio", "Rubió", "Trump", "Tramp", "Clinton", "Klinton", "Peskov", "Zelensky",
            "Zelenskyy", "Zelenskiy", "Un", "Jong-un", "Smith", "Smyth", "Jobs", "Job", "O'Brien", "OBrien", "Xi", "Li"]


@pytest.mark.parametrize("cells", [1, 7, 4_000_000])  # a row at a time, blocks cut inside a length, one block
@pytest.mark.parametrize("cutoff", [85, 70, 50])
def test_similar_words_is_every_pair_at_the_cutoff(monkeypatch, cells, cutoff):
    """The length bound and the blocked score matrix drop no pair the plain double loop keeps, and add none."""
    from rapidfuzz import fuzz

    from graphkit import name_match

    monkeypatch.setattr(name_match, "SIMILAR_CELLS", cells)
    got = name_match._similar_words(SURNAMES, cutoff)
    assert list(got) == SURNAMES
    for w in SURNAMES:
        assert sorted(got[w]) == sorted(x for x in SURNAMES if fuzz.ratio(w, x) >= cutoff), w


@pytest.mark.parametrize("cands,pronoun,fits", [
    ([Candidate(0, MENTION, "a"), Candidate(10, SPEAKER, "b"), Candidate(10, MENTION, "c")], "he", "*"),
    ([Candidate(5, MENTION, "a"), Candidate(5, MENTION, "b"), Candidate(2, SPEAKER, "c")], "she", "*"),
    ([Candidate(5, SPEAKER, "a"), Candidate(5, SPEAKER, "b"), Candidate(9, MENTION, "c")], "he", "ab"),
    ([Candidate(1, MENTION, "a"), Candidate(3, MENTION, "b")], "it", "a"),
    ([Candidate(1, MENTION, "a")], "she", ""),
])
def test_antecedent_walks_presorted_candidates_as_it_sorts_them(cands, pronoun, fits):
    fit = (lambda c: True) if fits == "*" else (lambda c: c.ref in fits)
    ordered = sorted(cands, key=lambda c: (-c.at, -c.rank))   # stable: ties keep the caller's order
    assert antecedent(pronoun, iter(ordered), fit, nearest_first=True) == antecedent(pronoun, cands, fit)


ORGS = ["Liberal Democrats", "Lib Dems", "Liberal Party", "Lib Party", "Democratic National Committee",
        "Dem National Committee", "Scottish National Party", "Scot Nat Party", "Federal Bureau of Investigation",
        "Fed Bureau of Investigation", "Fed Bureau of Investigations", "Ministry of Defence", "Min of Defence",
        "Republican National Committee", "Rep National Committee", "Labour", "Lab"]


def test_organisation_merges_blocked_as_the_plain_comparison():
    drafts = {f"n:{i}": SimpleNamespace(name=n, type="organisation") for i, n in enumerate(ORGS)}
    got = [(s, d) for s, d, _ in organisation_merges(drafts)]
    plain = []
    for k, d in sorted(drafts.items()):
        hits = [x for x, o in drafts.items() if x != k and shortens(d.name, o.name)]
        if len(hits) == 1:
            plain.append((k, hits[0]))
    assert [p for p in got if p in plain] == plain   # acronym merges may add to it, never drop one


@pytest.mark.parametrize("n_claims,n_docs,kept", [
    (100, 1, 100), (DISCOVERY_MAX_CLAIMS, 1, DISCOVERY_MAX_CLAIMS), (DISCOVERY_MAX_CLAIMS + 1, 1, DISCOVERY_MAX_CLAIMS),
    (20_000, 10, DISCOVERY_MAX_CLAIMS), (20_000, 1000, 20_000),
])
def test_discovery_sample_caps_rows_not_small_corpora(n_claims, n_docs, kept):
    claims = [(f"c{i}", f"d{i % n_docs}", (), ()) for i in range(n_claims)]
    out = discovery_sample(claims)
    assert len(out) == kept
    assert out == discovery_sample(list(claims))   # the same sample every time


@pytest.mark.parametrize("n_claims,limit,kept", [(0, 5, 0), (5, 5, 5), (6, 5, 5), (1000, 100, 100)])
def test_issue_model_sample_caps_rows_in_order(n_claims, limit, kept):
    keys = [f"d{i % 7}:{i}" for i in range(n_claims)]
    rows = issue_model_sample(keys, limit=limit)
    assert len(rows) == kept and rows == sorted(set(rows))
    assert rows == issue_model_sample(list(keys), limit=limit)   # the same sample every time
    if n_claims <= limit:
        assert rows == list(range(n_claims))                      # a small store is fitted on every claim
