"""Which of a claim's issues a query counts: ``--issue-score`` and ``--issue-evidence`` (issue 14).

A build keeps every issue it gives; a researcher who wants fewer and surer ones asks the query for them
(`graphkit.issue_evidence.IssueFilter`). Tables of claims of the sample corpus, kept or dropped at each setting: with
its hand-made taxonomy (issues by trigger words only) and without it (issues discovered: trigger words, learnt, and
the article's).
"""

from __future__ import annotations

import json
import shutil

import pytest

from cli_run import run_main
from checkout_paths import CORPUS


@pytest.fixture(scope="module")
def discovered(tmp_path_factory):
    """The sample corpus without its issues.yaml (its actors.yaml kept), built: its issues are discovered."""
    import graphkit

    d = tmp_path_factory.mktemp("discovered")
    corpus = d / "corpus"
    shutil.copytree(CORPUS, corpus, ignore=shutil.ignore_patterns("README.md", "issues.yaml"))
    graphkit.build(corpus, d / "disc.gk")
    with graphkit.open(d / "disc.gk") as g:
        yield g


def _one(g, fragment: str, **setting):
    """The statement whose text holds ``fragment``, as a query at ``setting`` lists it."""
    hits = [c for c in g.claim_records(distinct=True, **setting) if fragment in c.text]
    assert len(hits) == 1, (fragment, [c.text for c in hits])
    return hits[0]


# the sample's taxonomy: Lavrov's Europe claims (the README's query); one is given Europe only by "European" in the
# sentence around it ("context: European", 0.29), the others by words of their own (0.5 and up)
LAVROV_EUROPE = [
    # (setting, claims kept by their text, claims dropped)
    ({}, ["You had your chances", "European efforts to mediate", "once Washington finalizes it"], []),
    ({"issue_score": 0.5}, ["European efforts to mediate", "once Washington finalizes it"], ["You had your chances"]),
    ({"issue_score": 0.3}, ["European efforts to mediate"], ["You had your chances"]),
    ({"issue_score": 0.2}, ["You had your chances", "European efforts to mediate"], []),
    # a hand-made taxonomy's trigger said around the claim is the claim's own
    ({"issue_evidence": "own"}, ["You had your chances", "European efforts to mediate"], []),
    ({"issue_evidence": "article"}, [], ["You had your chances", "European efforts to mediate"]),
    ({"issue_evidence": "learnt,article"}, [], ["European efforts to mediate"]),
    ({"issue_evidence": ["own", "learnt"], "issue_score": 0.5}, ["European efforts to mediate"],
     ["You had your chances"]),
]


@pytest.mark.parametrize("setting, kept, dropped", LAVROV_EUROPE, ids=[str(r[0]) for r in LAVROV_EUROPE])
def test_lavrov_europe_at_each_setting(sample, setting, kept, dropped):
    got = [c.text for c in sample.claim_records(speaker="Lavrov", issue="Europe", **setting)]
    for fragment in kept:
        assert any(fragment in t for t in got), (fragment, got)
    for fragment in dropped:
        assert not any(fragment in t for t in got), (fragment, got)


def test_a_claim_whose_issue_does_not_count_is_still_listed_without_it(sample):
    """Without --issue the setting filters a claim's issues, not the claims: who said what stays."""
    every = {c.id: c for c in sample.claim_records()}
    sure = {c.id: c for c in sample.claim_records(issue_score=0.5)}
    assert sure.keys() == every.keys()
    chances = _one(sample, "You had your chances", issue_score=0.5)
    assert chances.issues == () and chances.issue_triggers == () and chances.issue_scores == ()
    assert every[chances.id].issues == ("Europe",)
    both = [c for c in every.values() if c.issues and sure[c.id].issues and c.issues != sure[c.id].issues]
    for c in both:  # a claim keeps the issues that count, each with its own triggers and score
        assert set(sure[c.id].issues) < set(c.issues)
        kept = sure[c.id]
        assert {n for n, _ in kept.issue_triggers} == {n for n, _ in kept.issue_scores} == set(kept.issues)


# the discovered sample: one claim of each way an issue is given (`graphkit.issue_evidence.ROUTES`), found by its
# text; the issue is the one the build gave it (its name is discovery's)
ROUTE_CLAIMS = {"own": "based on understandings reached in Anchorage",       # "understandings", 0.5
                "learnt": "he thinks Putin is serious",                        # learnt from its words, 0.82
                "article": "it comes with dangers"}                          # its article's issue, under 0.25
ROUTE_ROWS = [
    # (setting, the routes whose claim keeps its issue)
    ({}, {"own", "learnt", "article"}),
    ({"issue_evidence": "any"}, {"own", "learnt", "article"}),
    ({"issue_evidence": "own"}, {"own"}),
    ({"issue_evidence": "own,learnt"}, {"own", "learnt"}),
    ({"issue_evidence": "Own, Learnt"}, {"own", "learnt"}),
    ({"issue_evidence": "article"}, {"article"}),
    ({"issue_evidence": "learnt"}, {"learnt"}),
    ({"issue_score": 0.1}, {"own", "learnt", "article"}),
    ({"issue_score": 0.3}, {"own", "learnt"}),
    ({"issue_score": 0.5}, {"own", "learnt"}),
    ({"issue_score": 0.6}, {"learnt"}),
    ({"issue_score": 0.9}, set()),
    ({"issue_score": 0.3, "issue_evidence": "learnt,article"}, {"learnt"}),
]


@pytest.mark.parametrize("setting, kept", ROUTE_ROWS, ids=[str(r[0]) for r in ROUTE_ROWS])
def test_each_way_an_issue_is_given_kept_or_dropped(discovered, setting, kept):
    from graphkit.issue_evidence import issue_route

    for route, fragment in ROUTE_CLAIMS.items():
        built = _one(discovered, fragment)
        (name, evidence), = built.issue_triggers
        assert issue_route(evidence) == route, (fragment, evidence)  # the row's claim is still given its issue so
        asked = [c.id for c in discovered.claim_records(issue=name, distinct=True, **setting)]
        listed = _one(discovered, fragment, **setting)
        assert (built.id in asked) is (route in kept), (route, setting)
        assert listed.issues == ((name,) if route in kept else ())


def test_limit_counts_the_claims_the_setting_keeps(discovered):
    """``limit`` keeps the first claims that match at the setting, not the first claims of the issue."""
    name = _one(discovered, ROUTE_CLAIMS["own"]).issues[0]
    own = discovered.claim_records(issue=name, issue_evidence="own")
    assert len(own) >= 2
    assert discovered.claim_records(issue=name, issue_evidence="own", limit=2) == own[:2]


def test_issue_counts_at_a_setting(discovered):
    every = discovered.issues().set_index("name")
    own = discovered.issues(issue_evidence="own").set_index("name")
    assert list(own.index) and set(own.index) == set(every.index)            # every issue listed, some with fewer
    fewer = own["claims"] - every.loc[own.index, "claims"]
    assert (fewer <= 0).all() and (fewer < 0).any()
    name = _one(discovered, ROUTE_CLAIMS["own"]).issues[0]
    assert own.loc[name, "claims"] == len(discovered.claim_records(issue=name, issue_evidence="own", distinct=True))
    unassigned = discovered.unassigned(distinct=True, issue_evidence="own")
    assert ROUTE_CLAIMS["article"] in " ".join(unassigned["text"])
    assert ROUTE_CLAIMS["own"] not in " ".join(unassigned["text"])


@pytest.mark.parametrize("setting, words", [
    ({"issue_score": 1.5}, "issue_score=1.5 is outside [0, 1]; give a score such as 0.15"),
    ({"issue_score": "high"}, "issue_score='high' is not a number"),
    ({"issue_evidence": "triggers"}, "issue_evidence='triggers' is not a way an issue is given; give own"),
    ({"issue_evidence": ""}, "issue_evidence='' is not a way an issue is given"),
])
def test_bad_settings_say_what_is_accepted(sample, setting, words):
    from graphkit.errors import GraphkitError

    for ask in (sample.claim_records, sample.claims, sample.issues):
        with pytest.raises(GraphkitError, match=words.replace("[", r"\[").replace("]", r"\]")):
            ask(**setting)


# the command line: claims, issues list, unassigned, export take the setting; bad values are one line
LAVROV = ["--store", "STORE", "--speaker", "Lavrov", "--issue", "Europe"]
CLI_ROWS = [
    (["claims", *LAVROV, "--issue-score", "0.5", "--format", "jsonl"], "European efforts to mediate",
     "You had your chances"),
    (["claims", *LAVROV, "--issue-evidence", "article", "--format", "jsonl"], None, "European efforts to mediate"),
    (["export", "jsonl", "-o", "x.jsonl", *LAVROV, "--issue-score", "0.5"], "European efforts to mediate",
     "You had your chances"),
    (["unassigned", "--store", "STORE", "--issue-score", "0.5", "--format", "tsv"], "You had your chances", None),
    (["unassigned", "--store", "STORE", "--format", "tsv"], None, "You had your chances"),
]


@pytest.mark.parametrize("args, shown, hidden", CLI_ROWS, ids=[" ".join(r[0][:1] + r[0][-3:]) for r in CLI_ROWS])
def test_the_command_line_takes_the_setting(sample_store, tmp_path, capsys, monkeypatch, args, shown, hidden):
    proc = run_main([sample_store if a == "STORE" else a for a in args], tmp_path, capsys, monkeypatch)
    assert proc.returncode == 0, proc.stderr
    out = (tmp_path / "x.jsonl").read_text(encoding="utf-8") if args[0] == "export" else proc.stdout
    if shown:
        assert shown in out
    if hidden:
        assert hidden not in out


def test_issues_list_counts_at_the_setting(sample_store, tmp_path, capsys, monkeypatch):
    def europe(*extra):
        proc = run_main(["issues", "list", "--store", sample_store, "--format", "jsonl", *extra], tmp_path, capsys,
                        monkeypatch)
        assert proc.returncode == 0, proc.stderr
        return {r["name"]: r["claims"] for r in map(json.loads, proc.stdout.splitlines())}["Europe"]

    assert europe("--issue-score", "0.5") < europe()


@pytest.mark.parametrize("args, words", [
    (["claims", "--issue-evidence", "trig"],
     "Invalid value for '--issue-evidence': 'trig' is not a way an issue is given; give own"),
    (["issues", "list", "--issue-evidence", "own;learnt"], "Invalid value for '--issue-evidence': 'own;learnt' is not"),
    (["claims", "--issue-score", "2"], "'--issue-score'"),
    (["unassigned", "--issue-score", "x"], "'--issue-score'"),
])
def test_a_bad_setting_is_one_line(sample_store, tmp_path, capsys, monkeypatch, args, words):
    where = 2 if args[0] == "issues" else 1
    proc = run_main([*args[:where], "--store", sample_store, *args[where:]], tmp_path, capsys, monkeypatch)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1 and words in proc.stderr, proc.stderr


ROUTE_EVIDENCE = [
    ("(article)", "article"),
    ("context: article", "own"),    # an issue's own trigger "article" said around the claim (session 46: "article")
    ("learnt: wall, border", "learnt"),
    ("gun control", "own"),
    ("war, context: deal", "own"),
    ("context: European", "own"),   # a hand-made taxonomy's trigger said around the claim
    ("context: articles", "own"),   # a discovered issue's trigger "articles" said around the claim, not its article
    ("", "own"),
]


@pytest.mark.parametrize("evidence, route", ROUTE_EVIDENCE)
def test_the_route_of_an_issue_by_its_evidence(evidence, route):
    from graphkit.issue_evidence import issue_route

    assert issue_route(evidence) == route


# a hand-made issue whose context trigger is the word "article", said only around a claim: its evidence is "context:
# article", as the article route's was until session 47; the issue is the claim's own (a discovered issue's evidence is
# never that: one word said around a claim is too little, `graphkit.issues._assign_discovered`)
PRESS = {"issues": [{"name": "press", "patterns": ["newspaper"], "context": ["article"]}]}
ARTICLE_WORD = [
    # (claim, its sentence, evidence, counted at issue_evidence="own", at "article")
    ("It was all false", "the article says", "context: article", ("press",), ()),
    ("It was all false", "the articles say", "context: articles", ("press",), ()),
    ("The newspaper lied", "the article says", "newspaper", ("press",), ()),
]


@pytest.mark.parametrize("text, sentence, evidence, own, article", ARTICLE_WORD)
def test_an_issue_whose_trigger_is_article_said_around_a_claim_is_its_own(text, sentence, evidence, own, article):
    from graphkit.issue_evidence import IssueFilter
    from graphkit.issues import assign_claim, taxonomy_from_data
    from graphkit.records import Claim

    (name, given, score), = assign_claim(text, (sentence, ""), taxonomy=taxonomy_from_data(PRESS, "press.yaml"))
    assert given == evidence
    claim = Claim(id="c", doc_id="d", speaker="X", speaker_id="actor:x", text=text, spans=[(0, len(text))],
                  cue="said", issues=(name,), issue_triggers=((name, given),), issue_scores=((name, score),))
    assert IssueFilter.of(issue_evidence="own").counted(claim) == own
    assert IssueFilter.of(issue_evidence="article").counted(claim) == article


def _kept_as(g, tmp_path, fmt: int, evidence: str):
    """A copy of ``g``'s store whose kept issue model says ``fmt`` (`graphkit.kept.ISSUES_FORMAT`), its article
    issues' evidence written ``evidence``."""
    import sqlite3

    copy = tmp_path / f"kept{fmt}.gk"
    shutil.copy(g.store.path, copy)
    db = sqlite3.connect(copy)
    meta = json.loads(db.execute("SELECT value FROM meta WHERE key='issue_model'").fetchone()[0])
    db.execute("UPDATE meta SET value=? WHERE key='issue_model'", (json.dumps({**meta, "format": fmt}),))
    db.execute("UPDATE claims SET record=replace(record, '\"(article)\"', ?)", (json.dumps(evidence),))
    db.commit()
    db.close()
    return copy


@pytest.mark.parametrize("fmt, evidence, route", [
    (4, "context: article", "article"),   # kept before session 47: read as it was written
    (5, "context: article", "own"),       # kept since: the words of an issue's own trigger "article"
    (5, "(article)", "article"),
])
def test_a_store_is_read_with_the_article_marker_it_was_kept_with(discovered, tmp_path, fmt, evidence, route):
    import graphkit

    with graphkit.open(_kept_as(discovered, tmp_path, fmt, evidence)) as g:
        c = _one(g, ROUTE_CLAIMS["article"])
        assert c.issue_triggers[0][1] == evidence
        assert _one(g, ROUTE_CLAIMS["article"], issue_evidence=route).issues == c.issues
        assert _one(g, ROUTE_CLAIMS["article"], issue_evidence="own,learnt" if route == "article" else "article"
                    ).issues == ()
