"""Claims that answer each other: claim pairs in, expected merge / contradiction out.

Claims are built by hand (the texts are the sample corpus's wording) so these
tests pin link.py alone, not the extraction in front of it.
"""

import pytest

from pathlib import Path

from graphkit.issues import load_taxonomy
from graphkit.link import concepts, merge_reports, same_statement_score
from graphkit.link import find_contradictions as _find_contradictions
from graphkit.records import Actor, Claim

SAMPLE = load_taxonomy(Path(__file__).resolve().parent.parent / "corpus" / "issues.yaml")  # the claims' issues


def find_contradictions(claims, actors=None):
    return _find_contradictions(claims, actors, taxonomy=SAMPLE)

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
    # same statement, paraphrased by two articles (putin-plan-basis in the gold)
    (("000", "Vladimir Putin", "he believes the 28-point peace plan, which would require Ukraine to withdraw from territory "
      "it still controls, “could form the basis for a final peace settlement.”", "2025-11-24", "relative"),
     ("003", "Vladimir Putin", "he had reviewed a US draft that might serve as a basis for a future agreement",
      "2025-12-02", "publication"), True),
    # Lavrov's "spirit and letter of Anchorage" / "the text and spirit" (lavrov-anchorage)
    (("000", "Sergey Lavrov", "that Russia hadn’t obtained the revised doc but “if the spirit and letter of Anchorage are lost "
      "in the key understandings we have documented, then of course the situation will be fundamentally different.”",
      "2025-11-25", "relative"),
     ("001", "Sergey Lavrov", "that Russia won't accept any plan that erases \"the text and spirit\" of commitments made during "
      "high-level talks between the two presidents", "2025-11-26", "publication"), True),
    # near-identical wording
    (("000", "Sergey Lavrov", "We are not rushing our American colleagues", "2025-11-25", "relative"),
     ("001", "Sergey Lavrov", "“we are not rushing our American colleagues”", "2025-11-25", "relative"), True),
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
    a = claim("000", "Vladimir Putin", "the plan could form the basis for a final peace settlement", date="2025-11-24",
              issues=("peace plan",))
    b = claim("003", "Vladimir Putin", "the draft might serve as a basis for a future agreement", date="2025-12-02",
              basis="publication", issues=("peace plan", "US-Russia relations"), places=("Moscow",))
    (m,) = merge_reports([a, b])
    assert m.issues == ("peace plan", "US-Russia relations") and m.places == ("Moscow",)


def test_scores_explain_themselves():
    score, why = same_statement_score("the talks were constructive", "the talks were constructive.")
    assert score >= 0.5 and why.startswith("wording")
    score, why = same_statement_score("he had reviewed a US draft that might serve as a basis for a future agreement",
                                      "the plan could form the basis for a final peace settlement")
    assert score >= 0.5 and why.startswith("concepts")


@pytest.mark.parametrize("text,expected", [
    ("the revised doc", {"revis", "plan"}),
    ("commitments made during high-level talks", {"agreement", "made", "high", "level", "talk"}),
    ("Russia won't accept", {"russia", "accept"}),
])
def test_concepts(text, expected):
    assert concepts(text) == expected


# ---- contradictions -----------------------------------------------------------------------------------

RU = Actor(id="actor:russian-officials", name="Russian officials", type="group", country="Russia")
UA = Actor(id="actor:ukrainian-authorities", name="Ukrainian authorities", type="government", country="Ukraine")
RUSSIA = Actor(id="actor:russia", name="Russia", type="country", country="Russia")
UKRAINE = Actor(id="actor:ukraine", name="Ukraine", type="country", country="Ukraine")
PUTIN = Actor(id="actor:vladimir-putin", name="Vladimir Putin", type="person", country="Russia")
SOURCE = Actor(id="actor:senior-russian-source", name="senior Russian source", type="anonymous", country="Russia")
PESKOV = Actor(id="actor:dmitry-peskov", name="Dmitry Peskov", type="person", country="Russia")
ACTORS = {a.id: a for a in (RU, UA, RUSSIA, UKRAINE, PUTIN, SOURCE, PESKOV)}


def pokrovsk(denial="denied any such losses"):
    a = claim("003", "Russian officials", "they had captured Pokrovsk and the border town of Vovchansk", cue="claimed",
              issues=("territory", "battlefield"), places=("Pokrovsk", "Vovchansk"), start=1000, sentence=(950, 1062))
    b = claim("003", "Ukrainian authorities", denial, cue="denied", stance="deny",
              issues=("battlefield",), triggers=(("battlefield", "losses"),), start=1090, sentence=(1063, 1106))
    return a, b


def four_regions():
    a = claim("004", "Russia", "all of those four regions are now legally part of Russia and will never be returned to Ukraine",
              cue="says", issues=("territory", "sovereignty"), start=5000, sentence=(4990, 5200))
    b = claim("004", "Ukraine", "they have been annexed illegally and that it will never recognise Russian sovereignty over them",
              cue="says", issues=("territory", "sovereignty"), start=5105, sentence=(4990, 5200))
    return a, b


def truce():
    a = claim("004", "senior Russian source", "So yes, we are in favour of a truce with both hands, but we need at least "
              "framework guarantees", issues=("ceasefire", "security guarantees"),
              triggers=(("ceasefire", "truce"), ("security guarantees", "guarantees")), start=3000)
    b = claim("004", "Vladimir Putin", "We don’t need a truce, we need a long-term peace secured by guarantees",
              issues=("ceasefire", "security guarantees", "peace plan"),
              triggers=(("ceasefire", "truce"), ("security guarantees", "guarantees"), ("peace plan", "peace")), start=4000)
    return a, b


@pytest.mark.parametrize("make,kind,issue", [
    (pokrovsk, "denial", "battlefield"),
    (lambda: pokrovsk("any such losses"), "denial", "battlefield"),
    (four_regions, "legality", "territory"),
    (truce, "stance", "ceasefire"),
])
def test_contradiction_found(make, kind, issue):
    a, b = make()
    out = find_contradictions([b, a], ACTORS)
    assert [(c.a, c.b, c.issue, c.reason.split(":")[0]) for c in out] == [(a.id, b.id, issue, kind)]
    assert a.speaker in out[0].reason and b.speaker in out[0].reason


def nato():
    a = claim("003", "Ukraine", "strong guarantees, including possible NATO membership, to prevent future attacks",
              cue="want", stance="demand", issues=("security guarantees", "NATO"), start=7000, sentence=(6950, 7090))
    b = claim("003", "Russia", "that option firmly", cue="rejects", stance="oppose", issues=("NATO",),
              start=7110, sentence=(7091, 7130))
    return a, b


def test_rejection_pointing_back_is_a_denial():
    a, b = nato()
    (c,) = find_contradictions([a, b], ACTORS)
    assert (c.a, c.b, c.issue) == (a.id, b.id, "NATO") and "rejects" in c.reason
    # the same words by the same side are agreement, not contradiction
    b_same = b.model_copy(update={"speaker": "Ukrainian authorities", "speaker_id": UA.id})
    assert find_contradictions([a, b_same], {**ACTORS, "actor:ukraine": UKRAINE}) == []


def test_denial_far_from_the_claim_is_not_linked():
    a, b = pokrovsk()
    far = b.model_copy(update={"spans": ((9000, 9015),), "sentence_span": (8990, 9020)})
    between = claim("003", "Andriy Kovalenko", "Russia wants to shift all pressure onto Ukraine", start=5000,
                    issues=("peace plan",))
    assert find_contradictions([a, between, far], ACTORS) == []


def test_denial_in_another_article_needs_shared_words():
    a, b = pokrovsk()
    b = b.model_copy(update={"doc_id": "005", "id": "005:1"})
    assert find_contradictions([a, b], ACTORS) == []
    b2 = b.model_copy(update={"text": "that Russian troops had captured Pokrovsk or the border town of Vovchansk",
                              "issues": ("territory", "battlefield")})
    (c,) = find_contradictions([a, b2], ACTORS)
    assert c.reason.startswith("denial") and "pokrovsk" in c.reason


def test_same_speaker_never_contradicts_itself():
    a, b = truce()
    b = b.model_copy(update={"speaker": a.speaker, "speaker_id": a.speaker_id})
    assert find_contradictions([a, b], ACTORS) == []


def test_different_places_are_not_opposed():
    a, b = four_regions()
    a = a.model_copy(update={"places": ("Crimea",)})
    b = b.model_copy(update={"places": ("Kursk",)})
    assert find_contradictions([a, b], ACTORS) == []


def test_same_side_needs_a_stance_not_a_legality_flip():
    a, b = four_regions()
    b = b.model_copy(update={"speaker": "Dmitry Peskov", "speaker_id": PESKOV.id})
    assert find_contradictions([a, b], ACTORS) == []
    assert len(find_contradictions([a, b], None)) == 1   # sides unknown: the words decide


@pytest.mark.parametrize("text_a,text_b", [
    # agreeing claims on the same issue
    ("the talks were constructive", "the talks were useful"),
    # both negative about the same thing
    ("we don't need a truce", "a short-term truce is not the way"),
    # a negation about something else
    ("we want a truce", "the truce talks will not take place in Riyadh"),
])
def test_no_contradiction(text_a, text_b):
    a = claim("004", "Marco Rubio", text_a, issues=("ceasefire",), triggers=(("ceasefire", "truce"),), start=100)
    b = claim("004", "Vladimir Putin", text_b, issues=("ceasefire",), triggers=(("ceasefire", "truce"),), start=5000)
    got = find_contradictions([a, b], ACTORS)
    assert got == [] or text_a.startswith("we want")  # the third pair is for/against only if "not" reaches truce
    if text_a.startswith("we want"):
        assert got == []


def test_one_link_per_speaker_pair_and_issue():
    a, b = truce()
    b2 = claim("004", "Vladimir Putin", "a short-term truce is not the way to end the war", issues=("ceasefire",),
               triggers=(("ceasefire", "truce"),), start=4500)
    assert len(find_contradictions([a, b, b2], ACTORS)) == 1
