"""Date expressions: words in text found, and resolved against a publication date (graphkit.date_expressions).

Text only, no parse: the words of a sentence in, the expressions and the date each names out.
"""

import datetime as dt

import pytest

from graphkit import date_expressions
from graphkit.date_expressions import ClaimDate, _ago, find_date_expressions, resolve_expression


# expression, publication -> date, precision, basis
RESOLVE = [
    ("on Tuesday", "2025-12-02", "2025-12-02", "day", "relative"),      # the publication day itself
    ("on Wednesday", "2025-12-02", "2025-11-26", "day", "relative"),
    ("Sunday", "2025-12-01", "2025-11-30", "day", "relative"),
    ("last week", "2025-12-07", "2025-11-24", "week", "relative"),      # a Sunday: last week starts 24 Nov
    ("this week", "2025-12-03", "2025-12-01", "week", "relative"),
    ("last month", "2025-01-15", "2024-12", "month", "relative"),
    ("last year", "2025-01-15", "2024", "year", "relative"),
    ("in December", "2025-12-20", "2025-12", "month", "explicit"),      # the current month
    ("in December 2023", "2025-03-12", "2023-12", "month", "explicit"),
    ("in 2014", "2025-03-12", "2014", "year", "explicit"),
    ("Dec. 31", "2025-01-02", "2024-12-31", "day", "explicit"),
    ("two days ago", "2025-03-12", "2025-03-10", "day", "relative"),
    ("the day before yesterday", "2025-03-12", "2025-03-10", "day", "relative"),
    ("2025-02-28", None, "2025-02-28", "day", "explicit"),
    ("Thanksgiving", "2025-12-03", "2025-11-27", "day", "explicit"),
    ("Christmas", "2025-03-12", "2024-12-25", "day", "explicit"),
    ("Easter", "2025-05-01", "2025-04-20", "day", "explicit"),
]


@pytest.mark.parametrize("words,published,date,precision,basis", RESOLVE)
def test_resolve_expression(words, published, date, precision, basis):
    found = find_date_expressions(words)
    assert len(found) == 1 and found[0].text == words
    pub = dt.date.fromisoformat(published) if published else None
    cd = resolve_expression(found[0], pub)
    assert (cd.date, cd.precision, cd.basis) == (date, precision, basis)


@pytest.mark.parametrize("text", [
    "Kosachev said on Telegram that it may march on.",
    "The final week of talks was tense.",
    "Russia controls 75% of Donetsk, about 113,000 sq km, and 2014 troops.",
    "They met in the March heat of the capital.",
])
def test_no_date_words(text):
    assert [e.text for e in find_date_expressions(text)] == []


def test_claim_date_is_a_value():
    cd = ClaimDate("2025-12-01", "day", "relative", "on Monday")
    assert cd.as_dict() == {"date": "2025-12-01", "precision": "day", "basis": "relative", "text": "on Monday"}


# Each pattern is skipped when its needle words are absent (date_expressions._NEEDLES): a match without one
# would be lost.
# Texts that stress the case-insensitive patterns, where re.IGNORECASE equates İ/ı with i, ſ with s, K with k.
NEEDLE_TEXTS = [
    "on Monday night", "last week", "Dec. 5", "the 5th of May", "in May 2024", "ſeveral days ago", "two weeKs ago",
    "İn recent weeks", "thıs year", "earlier this month", "LAST MONTH", "Christmas Eve", "New  Year's Day",
    "2024-03-05", "in 2019", "yesterday", "Tonight", "many tımes", "lately", "Sept. 11", "Independence Day",
    "on Tuesday afternoon", "3 years ago", "last night", "late last weekend", "thiſ morning", "Recently",
]


@pytest.mark.parametrize("text", NEEDLE_TEXTS)
def test_every_match_holds_a_needle(text):
    hits = 0
    for kind, pat in date_expressions._PATTERNS:
        where, needles = date_expressions._NEEDLES[kind]
        for m in pat.finditer(text):
            if where == "month":
                assert date_expressions._MONTH_RE.search(m.group(0)), (kind, m.group(0))
            else:
                fold = date_expressions._IGNORECASE_FOLD
                hay = m.group(0) if where == "raw" else m.group(0).translate(fold).lower()
                assert any(n in hay for n in needles), (kind, m.group(0))
            hits += 1
    assert hits, f"no pattern matches {text!r}: the case tests nothing"
    assert find_date_expressions(text), text


@pytest.mark.parametrize("text, published, day", [
    ("two days ago", "2016-03-01", "2016-02-28"), ("1 month ago", "2016-03-31", "2016-02-29"),
    ("a year ago", "2016-02-29", "2015-02-28"), ("three weeks ago", "2016-01-10", "2015-12-20"),
    ("a month ago", "2016-05-31", "2016-04-30"), ("12 months ago", "2017-03-31", "2016-03-31"),
    ("Ten Years Ago", "2016-07-04", "2006-07-04"), ("a few days ago", "2016-03-01", None),
    ("several weeks ago", "2016-03-01", None), ("0 days ago", "2016-03-01", "2016-03-01"),
    ("5000 years ago", "2016-03-01", None),
])
def test_ago_counts_back_as_dateparser_does(text, published, day):
    """'N units ago' is counted back from the publication date without dateparser (its start-up costs
    0.3-0.4 CPU s a process), to the same day dateparser gives: calendar months and years, no day for 'a few' or
    'several'. The days are dateparser 1.5.0's answers, written out: compared with a live dateparser, a new
    release of it (unbounded in pyproject.toml) would fail CI with no change to graphkit."""
    pub = dt.date.fromisoformat(published)
    assert _ago(text, pub) == (dt.date.fromisoformat(day) if day else None)
