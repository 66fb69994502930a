"""One statement reported by several articles: claim pairs in, merged or not out.

Claims are built by hand (the texts are the sample corpus's wording) so these
tests pin statements.py alone, not the extraction in front of it.
"""

import pytest
from switched import assert_switched

from graphkit import statements
from graphkit.statements import merge_reports, same_statement_score
from graphkit.records import Claim
from graphkit.words import concepts

_n = [0]


def claim(doc, speaker, text, *, cue="said", stance="assert", date=None, precision="day", basis="relative",
          issues=(), triggers=(), places=(), start=None, sentence=None):
    _n[0] += 1
    start = _n[0] * 1000 if start is None else start
    return Claim(id=f"{doc}:{start}", doc_id=doc, speaker=speaker, speaker_id="actor:" + speaker.lower().replace(" ", "-"),
                 text=text, spans=[(start, start + len(text))], cue=cue, stance=stance, date=date,
                 date_precision=precision if date else None, date_basis=basis if date else "unknown",
                 issues=tuple(issues), issue_triggers=tuple(triggers), places=tuple(places),
                 sentence_span=sentence or (start - 10, start + len(text) + 1))


# ---- merging ----------------------------------------------------------------------------------------

# (doc, speaker, text, date, basis) x 2 -> merged?
MERGE_CASES = [
    # a paraphrase reported the next day: one statement
    (("000", "Sergey Lavrov", "Russia will study the revised American draft carefully", "2025-11-25", "relative"),
     ("001", "Sergey Lavrov", "Russia would carefully study the revised American plan", "2025-11-26", "relative"), True),
    # the sample's paraphrases a week apart (putin-plan-basis) and a day apart with a third of their concepts
    # (lavrov-anchorage) stay two: on PolNeAR train such concept matches were mostly two statements
    (("000", "Vladimir Putin", "he believes the 28-point peace plan, which would require Ukraine to withdraw from territory "
      "it still controls, “could form the basis for a final peace settlement.”", "2025-11-24", "relative"),
     ("003", "Vladimir Putin", "he had reviewed a US draft that might serve as a basis for a future agreement",
      "2025-12-02", "publication"), False),
    (("000", "Sergey Lavrov", "that Russia hadn’t obtained the revised doc but “if the spirit and letter of Anchorage are lost "
      "in the key understandings we have documented, then of course the situation will be fundamentally different.”",
      "2025-11-25", "relative"),
     ("001", "Sergey Lavrov", "that Russia won't accept any plan that erases \"the text and spirit\" of commitments made during "
      "high-level talks between the two presidents", "2025-11-26", "publication"), False),
    # a paraphrase with most concepts in common, but two days apart
    (("000", "Sergey Lavrov", "Russia will study the revised American draft carefully", "2025-11-25", "relative"),
     ("001", "Sergey Lavrov", "Russia would carefully study the revised American plan", "2025-11-27", "relative"), False),
    # near-identical wording
    (("000", "Sergey Lavrov", "We are not rushing our American colleagues", "2025-11-25", "relative"),
     ("001", "Sergey Lavrov", "“we are not rushing our American colleagues”", "2025-11-25", "relative"), True),
    # a short content is not a part of a longer one: "declined to comment" twice, once on something else
    (("000", "Dmitry Peskov", "declined to comment", "2025-11-25", "relative"),
     ("001", "Dmitry Peskov", "declined to comment on the new sanctions", "2025-11-26", "relative"), False),
    (("000", "Dmitry Peskov", "the talks were constructive", "2025-11-25", "relative"),
     ("001", "Dmitry Peskov", "“The talks were constructive.”", "2025-11-26", "relative"), True),
    # same wording, different speakers: two statements
    (("000", "Sergey Lavrov", "We are not rushing our American colleagues", "2025-11-25", "relative"),
     ("001", "Dmitry Peskov", "We are not rushing our American colleagues", "2025-11-25", "relative"), False),
    # same speaker, same topic, different statement
    (("000", "Sergey Lavrov", "that the 28-point plan was “based on understandings reached in Anchorage,”", "2025-11-25", "relative"),
     ("001", "Sergey Lavrov", "that the US hasn't even officially delivered the original 28-point plan to Russia yet",
      "2025-11-26", "publication"), False),
    # same words, said months apart: a repeated line, not one statement reported twice
    (("004", "Vladimir Putin", "a short-term truce is not the way to end the war", "2024-12-19", "explicit"),
     ("003", "Vladimir Putin", "a short-term truce is not the way to end the war", "2025-12-01", "relative"), False),
]


@pytest.mark.parametrize("a,b,merged", MERGE_CASES)
def test_merge_pairs(a, b, merged):
    ca = claim(a[0], a[1], a[2], date=a[3], basis=a[4])
    cb = claim(b[0], b[1], b[2], date=b[3], basis=b[4])
    out = merge_reports([cb, ca])
    assert (len(out) == 1) == merged
    if merged:
        assert out[0].id == ca.id and out[0].reports == (cb.doc_id,)  # the earliest-dated report is kept


def test_merge_keeps_one_claim_per_article_and_is_deterministic():
    a = claim("000", "Sergey Lavrov", "We are not rushing our American colleagues", date="2025-11-25")
    b = claim("001", "Sergey Lavrov", "we are not rushing our American colleagues", date="2025-11-25")
    b2 = claim("001", "Sergey Lavrov", "We are not rushing our American colleagues at all", date="2025-11-25")
    c = claim("003", "Sergey Lavrov", "“We are not rushing our American colleagues”", date="2025-11-26", basis="publication")
    other = claim("003", "Kaja Kallas", "this week could be decisive", date="2025-12-02")
    one = merge_reports([a, b, b2, c, other])
    two = merge_reports([other, c, b2, b, a])
    assert one == two
    lavrov = [x for x in one if x.speaker == "Sergey Lavrov"]
    assert len(lavrov) == 2                       # b and b2 are two statements of one article
    head = next(x for x in lavrov if x.id == a.id)
    assert head.reports == ("001", "003")
    assert len(one) == 3


def test_merged_claim_gains_issues_and_places():
    a = claim("000", "Vladimir Putin", "the plan could serve as the basis for a final peace settlement", date="2025-11-24",
              issues=("peace plan",))
    b = claim("003", "Vladimir Putin", "the draft might serve as a basis for a final peace agreement", date="2025-11-25",
              issues=("peace plan", "US-Russia relations"), places=("Moscow",))
    (m,) = merge_reports([a, b])
    assert m.issues == ("peace plan", "US-Russia relations") and m.places == ("Moscow",)


# a statement two articles report, each giving it issues: ((issue, score) of the kept report, of the other,
# the taxonomy's order (None: none given), the statement's issues, whether the row is MERGED_ISSUES_BEST's own)
MERGED_ISSUES = [
    # four together, one scored best: it and the two first in the taxonomy (a tie goes where assign_claim's goes)
    ((("tax", 0.5), ("pensions", 0.5), ("ID cards", 0.5)), (("NHS", 0.75), ("tax", 0.5)),
     {"NHS": 0, "ID cards": 1, "pensions": 2, "tax": 3}, ("pensions", "ID cards", "NHS"), True),
    # the other report's better score for an issue both give counts: "tax" (0.75 there) stays, "pensions" goes
    ((("tax", 0.5), ("pensions", 0.5)), (("tax", 0.75), ("ID cards", 0.5), ("NHS", 0.5)),
     {"ID cards": 0, "NHS": 1, "pensions": 2, "tax": 3}, ("tax", "ID cards", "NHS"), True),
    # no taxonomy order: a tie goes to the kept report's issues, then the other's in its order
    ((("tax", 0.5), ("pensions", 0.5)), (("ID cards", 0.5), ("NHS", 0.5)), None, ("tax", "pensions", "ID cards"), True),
    # 2 + 2 with one in common: three, all kept as gathered (control)
    ((("tax", 0.5), ("pensions", 0.5)), (("pensions", 0.75), ("NHS", 0.5)), {"NHS": 0},
     ("tax", "pensions", "NHS"), False),
]


@pytest.mark.parametrize("kept,other,order,expected,the_rule", MERGED_ISSUES)
def test_a_statement_keeps_the_best_of_its_reports_issues(kept, other, order, expected, the_rule, monkeypatch):
    """A statement reported by two articles is about at most MAX_ISSUES issues, as each report is: the best scored of
    the reports' together (each at its best score), ties in the taxonomy's order; its triggers and scores are of
    those alone, and each other report keeps its own issues (`graphkit.statements.best_issues`)."""
    text = "the hard times would last for many"
    mk = lambda doc, said: claim(doc, "Mary Jones", text, date="2025-11-25", issues=[n for n, _ in said],  # noqa: E731
                                 triggers=[(n, n.lower()) for n, _ in said]).model_copy(update={"issue_scores": said})

    def read():
        a, b = mk("000", kept), mk("001", other)
        head, report = merge_reports([b, a], keep_reports=True, taxonomy_order=order)
        assert head.reports == ("001",) and report.same_as == head.id and report.issues == b.issues
        assert [n for n, _ in head.issue_scores] == [n for n, _ in head.issue_triggers] == list(head.issues)
        return head.issues

    assert_switched(read, expected, the_rule, monkeypatch, statements, "MERGED_ISSUES_BEST")


def test_scores_explain_themselves():
    score, why = same_statement_score("the talks were constructive", "the talks were constructive.")
    assert score >= 0.5 and why.startswith("wording")
    score, why = same_statement_score("the draft might serve as a basis for a final peace agreement",
                                      "the plan could serve as the basis for a final peace settlement")
    assert score >= 0.5 and why.startswith("concepts")


@pytest.mark.parametrize("text,expected", [
    ("the revised doc", {"revis", "plan"}),
    ("the guys simply failed", {"guy", "fail"}),   # no corpus word is a stop word
    ("commitments made during high-level talks", {"agreement", "made", "high", "level", "talk"}),
    ("Russia won't accept", {"russia", "accept"}),
])
def test_concepts(text, expected):
    assert concepts(text) == expected


def test_no_chains_of_reports():
    """a and b are one statement, b and c are one statement, a and c are not: never all three in one."""
    a = claim("000", "Sergey Lavrov", "we are not rushing our American colleagues", date="2025-11-25")
    b = claim("001", "Sergey Lavrov", "we are not rushing our American colleagues and the talks in Geneva were "
              "constructive and useful", date="2025-11-25")
    c = claim("002", "Sergey Lavrov", "the talks in Geneva were constructive and useful", date="2025-11-25")
    assert same_statement_score(a.text, b.text)[0] >= 0.5 and same_statement_score(b.text, c.text)[0] >= 0.5
    assert same_statement_score(a.text, c.text)[0] < 0.5
    out = merge_reports([a, b, c], keep_reports=True)
    heads = {x.same_as or x.id for x in out}
    assert len(heads) == 2


@pytest.mark.parametrize("keep_reports", [False, True])
def test_consumed_input_merges_the_same(keep_reports):
    """merge_reports(..., consume=True) sorts and empties the caller's list (resolution hands over a store's claims
    so they are never held twice) and gives the same claims."""
    a = claim("000", "Sergey Lavrov", "We are not rushing our American colleagues", date="2025-11-25")
    b = claim("001", "Sergey Lavrov", "we are not rushing our American colleagues", date="2025-11-25")
    c = claim("003", "Sergey Lavrov", "“We are not rushing our American colleagues”", date="2025-11-26", basis="publication")
    other = claim("003", "Kaja Kallas", "this week could be decisive", date="2025-12-02")
    given = [other, c, b, a]
    out = merge_reports(given, keep_reports=keep_reports, consume=True)
    assert given == []
    assert out == merge_reports([a, b, c, other], keep_reports=keep_reports)
    assert len(out) == (4 if keep_reports else 2)


# ---- which pairs merging scores (statements._speaker_pairs): a pair sharing no concept scores 0, so it is not
# scored; a pair where one content has no concept is compared by its whole wording, so it is
SCORED_CASES = [
    ("Russia will study the revised American draft", "Russia would carefully study the plan", True),   # shares concepts
    ("the talks were constructive", "the budget is balanced", False),                                # shares none
    ("the talks were constructive", "he was only leaning Cruz", False),
    ("it is", "it is", True),                                                                        # no concepts: wording
    ("it is", "the budget is balanced", True),
]


@pytest.mark.parametrize("a,b,scored", SCORED_CASES)
def test_merging_scores_only_pairs_that_can_be_one_statement(a, b, scored):
    from graphkit.statements import _speaker_pairs, concept_idf

    cs = [claim("000", "Dmitry Peskov", a, date="2025-11-25"), claim("001", "Dmitry Peskov", b, date="2025-11-25")]
    assert (list(_speaker_pairs(cs, [0, 1], concept_idf(cs))) == [(0, 1)]) == scored
    if not scored:
        assert same_statement_score(a, b)[0] == 0.0


def test_merging_groups_as_scoring_every_pair(monkeypatch):
    """Reports drawn from a few contents, speakers and dates: the groups are those of scoring every pair."""
    import random

    import graphkit.statements as st

    rnd = random.Random(17)
    contents = [case[i][2] for case in MERGE_CASES for i in (0, 1)] + [a for a, _, _ in SCORED_CASES]
    claims = [claim(f"{rnd.randrange(30):03d}", rnd.choice(["Sergey Lavrov", "Dmitry Peskov"]), rnd.choice(contents),
                    date=f"2025-11-{rnd.randrange(20, 28)}") for _ in range(120)]
    claims.sort(key=lambda c: (c.doc_id, c.spans[0], c.id))
    groups = st.report_clusters(claims)
    monkeypatch.setattr(st, "may_be_one_statement", lambda a, b: True)
    assert groups == st.report_clusters(claims)
    assert any(len(g) > 1 for g in groups)
