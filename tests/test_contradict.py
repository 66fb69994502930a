"""Opposing claims: claim pairs in, the expected link (or none) out, with its evidence.

Claims are built by hand so these tests pin contradict.py alone, not the extraction in front of it.
The sample corpus's real contradictions must stay found; each failure kind seen on news graphkit was not
tuned on (legal/illegal on different matters, agreeing claims, non-statements) has a false pair here.
"""

import random

import pytest

from graphkit.claim_matter import arguments
from graphkit.contradict import MAX_LINKS_PER_CLAIM, MIN_SCORE, find_contradictions, own_arguments
from graphkit.opposition import opposition
from graphkit.records import Claim

_n = [0]


def claim(doc, speaker, text, *, cue="said", stance="assert", date=None, issues=(), triggers=(), places=(),
          start=None, sentence=None, confidence=1.0):
    _n[0] += 1
    start = _n[0] * 1000 if start is None else start
    return Claim(id=f"{doc}:{start}", doc_id=doc, speaker=speaker,
                 speaker_id="actor:" + speaker.lower().replace(" ", "-"), text=text,
                 spans=[(start, start + len(text))], cue=cue, stance=stance, date=date,
                 date_precision="day" if date else None, date_basis="relative" if date else "unknown",
                 issues=tuple(issues), issue_triggers=tuple(triggers), places=tuple(places),
                 sentence_span=sentence or (start - 10, start + len(text) + 1), confidence=confidence)


def filler(n=300):
    """Other claims of a corpus: the arguments of the pairs under test are specific among them."""
    topics = ["the weather in city {k}", "the budget of agency {k}", "the score of match {k}", "the price of item {k}"]
    return [claim(f"f{k}", f"Filler {k % 37}", f"they said {topics[k % 4].format(k=k)} was fine today") for k in range(n)]


def shown(claims):
    return [x for x in find_contradictions(claims) if x.score >= MIN_SCORE]


# ---- the sample corpus's real contradictions -----------------------------------------------------------

def pokrovsk(denial="denied any such losses"):
    a = claim("003", "Russian officials", "they had captured Pokrovsk and the border town of Vovchansk", cue="claimed",
              issues=("territory", "battlefield"), places=("Pokrovsk", "Vovchansk"), start=1000, sentence=(950, 1062))
    b = claim("003", "Ukrainian authorities", denial, cue="denied", stance="deny",
              issues=("battlefield",), triggers=(("battlefield", "losses"),), start=1090, sentence=(1063, 1106))
    return a, b


def four_regions():
    a = claim("004", "Russia", "all of those four regions are now legally part of Russia and will never be returned to "
              "Ukraine", cue="says", issues=("territory", "sovereignty"), start=5000, sentence=(4990, 5200))
    b = claim("004", "Ukraine", "they have been annexed illegally and that it will never recognise Russian sovereignty "
              "over them", cue="says", issues=("territory", "sovereignty"), start=5105, sentence=(4990, 5200))
    return a, b


def nato():
    a = claim("003", "Ukraine", "strong guarantees, including possible NATO membership, to prevent future attacks",
              cue="want", stance="demand", issues=("security guarantees", "NATO"), start=7000, sentence=(6950, 7090))
    b = claim("003", "Russia", "that option firmly", cue="rejects", stance="oppose", issues=("NATO",),
              start=7110, sentence=(7091, 7130))
    return a, b


def denied_the_charges():
    a = claim("206", "booker", "Mr. Ailes kept up a cruel ten-year campaign against her", start=1000,
              sentence=(990, 1070))
    b = claim("206", "Roger Ailes", "denied the charges", cue="denied", stance="deny", start=1085, sentence=(1075, 1110))
    return a, b


def pokrovsk_elsewhere():
    a, b = pokrovsk()
    b = b.model_copy(update={"doc_id": "005", "id": "005:1", "spans": ((10, 80),), "sentence_span": (0, 90),
                             "text": "that Russian troops had captured Pokrovsk or the border town of Vovchansk"})
    return a, b


def tax_returns():
    a = claim("101", "Kellyanne Conway", "Trump will release his tax returns after the IRS audit", date="2016-09-01")
    b = claim("102", "Rudy Giuliani", "Trump will not release his tax returns after the IRS audit", date="2016-09-03")
    return a, b


@pytest.mark.parametrize("make,kind,shared,opposing", [
    (pokrovsk, "denial", "pokrovsk", ("claimed", "denied")),
    (lambda: pokrovsk("any such losses"), "denial", "pokrovsk", ("claimed", "denied")),
    (four_regions, "antonym", "4 region", ("legally", "illegally")),
    (nato, "denial", "nato", ("want", "rejects")),
    (pokrovsk_elsewhere, "denial", "pokrovsk", ("claimed", "denied")),
    (denied_the_charges, "denial", "aile", ("said", "denied")),
    (tax_returns, "negation", "trump", ("release", "not release")),
])
def test_real_contradiction_found_with_evidence(make, kind, shared, opposing):
    a, b = make()
    (x,) = shown([b, a])
    assert (x.a, x.b, x.relation) == (a.id, b.id, "contradicts")
    assert x.reason.startswith(kind) and shared in x.shared and x.opposing == opposing
    assert MIN_SCORE <= x.score <= 1 and a.speaker in x.reason and b.speaker in x.reason


# ---- false pairs: one per failure kind, and their neighbours -------------------------------------------

def denial_of_other_reports():
    """'denied the reports' right after a quote about something else: the reports were not about the quote."""
    a = claim("205", "Satya Nadella", "This deal brings the cloud and the professional network of LinkedIn together",
              start=1000, sentence=(990, 1100))
    b = claim("205", "News Corporation", "denied the reports", cue="denied", stance="deny",
              start=1130, sentence=(1110, 1180))
    return a, b


def legality_elsewhere():
    """legal / illegal on different matters of one issue (the 'legality' rule linked 26 such pairs)."""
    a = claim("201", "Lord Goldsmith", "the detention of the Guantanamo prisoners is illegal under international law",
              issues=("human rights",), date="2004-12-16")
    b = claim("202", "Jack Straw", "the EU code of conduct on arms exports is not legally binding",
              issues=("human rights",), date="2004-12-20")
    return a, b


def legality_same_words_other_matter():
    """Both name the EU, but one is about a code of conduct, the other about a prisoner's compensation."""
    a = claim("203", "Jack Straw", "the EU code of conduct on arms sales to China is not legally binding",
              date="2005-01-10")
    b = claim("204", "lawyers", "the compensation claim against the EU by the former prisoner is legal",
              date="2005-01-12")
    return a, b


def agreeing_denial():
    """The denial supports the claim: 'Brown will play a central role' / denied Brown would be sidelined."""
    a = claim("301", "Alan Milburn", "Gordon Brown will play a central role in the election campaign", date="2005-02-01")
    b = claim("302", "Tony Blair", "that Gordon Brown would be sidelined in the election campaign", cue="denied",
              stance="deny", date="2005-02-02")
    return a, b


def agreeing_negations():
    """Both negative about the same thing."""
    a = claim("303", "Vladimir Putin", "we don't need a truce in Donbas", issues=("ceasefire",),
              triggers=(("ceasefire", "truce"),))
    b = claim("303", "Dmitry Peskov", "a short-term truce in Donbas is not the way", issues=("ceasefire",),
              triggers=(("ceasefire", "truce"),))
    return a, b


def stance_only():
    """'warned' against 'said' on the same content: a stance is not an opposition."""
    a = claim("304", "Mervyn King", "interest rates in Britain would rise next year", cue="warned", stance="warn")
    b = claim("305", "Gordon Brown", "interest rates in Britain would rise next year", date=None)
    return a, b


def non_statement():
    """Content that is not a statement the speaker made: a title, a low-confidence attribution."""
    a = claim("401", "BBC", "Blair denies Iraq war was illegal", cue="headline", confidence=0.3)
    b = claim("402", "Lord Goldsmith", "the Iraq war was legal under the UN resolution", date="2005-03-07")
    return a, b


def too_short():
    a = claim("403", "Tony Blair", "the Iraq war", confidence=1.0)
    b = claim("403", "Robin Cook", "the Iraq war was not legal", confidence=1.0)
    return a, b


def months_apart():
    a = claim("501", "Kellyanne Conway", "Trump will release his tax returns after the IRS audit", date="2016-01-01")
    b = claim("502", "Rudy Giuliani", "Trump will not release his tax returns after the IRS audit", date="2016-09-03")
    return a, b


@pytest.mark.parametrize("make", [denial_of_other_reports, legality_elsewhere, legality_same_words_other_matter, agreeing_denial,
                                  agreeing_negations, stance_only, non_statement, too_short, months_apart])
def test_false_pair_not_shown(make):
    a, b = make()
    assert shown([a, b]) == []


def test_window_is_the_researchers():
    a, b = months_apart()
    (x,) = find_contradictions([a, b], window_days=365)
    assert x.days == 246


# ---- one actor, two dates: reverses ----------------------------------------------------------------------

def test_reversal_over_time_is_its_own_kind():
    a = claim("601", "Donald Trump", "Canada will pay for the bridge on the Ohio border", date="2016-08-31")
    b = claim("602", "Donald Trump", "Canada will not pay for the bridge on the Ohio border", date="2016-09-20")
    (x,) = find_contradictions([a, b])
    assert (x.a, x.b, x.relation, x.days) == (a.id, b.id, "reverses", 20)
    # the same speaker on the same day, or in one article, is not a reversal
    same_day = b.model_copy(update={"date": a.date})
    assert find_contradictions([a, same_day]) == []


# ---- no hub: a claim in more than 3 links only when each has its own shared argument ----------------------

def test_one_claim_is_not_a_hub():
    hub = claim("700", "Jack Straw", "the EU code of conduct on arms exports to China is not legally binding",
                date="2005-01-10")
    others = [claim(f"7{k:02d}", f"Critic {k}", "the EU code of conduct on arms exports to China is legally binding",
                    date="2005-01-11") for k in range(1, 13)]
    links = find_contradictions([hub, *others, *filler()])
    mine = [x for x in links if hub.id in (x.a, x.b)]
    assert len(mine) == MAX_LINKS_PER_CLAIM
    assert all(x.shared for x in mine)


def test_links_per_claim_property():
    """Random claims over a few names and predicates: wherever a claim has > 3 links, each has its own argument."""
    rng = random.Random(7)
    names = ["Pokrovsk", "Vovchansk", "Kupiansk", "Siversk", "Lyman", "Huliaipole", "Kostiantynivka"]
    preds = [("had captured", "had not captured"), ("is legal", "is illegal")]
    claims = []
    for k in range(120):
        subj = " and ".join(rng.sample(names, rng.randint(1, 3)))
        pos, neg = rng.choice(preds)
        claims.append(claim(f"8{k % 9}", f"speaker {k % 11}", f"the troops {pos if rng.random() < .5 else neg} {subj}",
                            date=f"2025-11-{1 + k % 20:02d}"))
    links = find_contradictions(claims + filler(2000))
    assert links
    per_claim = {}
    for x in links:
        for c in (x.a, x.b):
            per_claim.setdefault(c, []).append(x)
    for v in per_claim.values():
        assert len(v) <= MAX_LINKS_PER_CLAIM or own_arguments(v)


def test_a_claim_answering_several_matters_keeps_each():
    towns = ["Pokrovsk", "Vovchansk", "Kupiansk", "Siversk", "Lyman"]
    hub = claim("950", "Russian officials", "the troops had captured " + ", ".join(towns), date="2025-11-30")
    denials = [claim("950", f"Ukrainian officer {k}", f"the troops had not captured {t}", date="2025-12-01")
               for k, t in enumerate(towns)]
    mine = [x for x in find_contradictions([hub, *denials, *filler()]) if hub.id in (x.a, x.b)]
    assert len(mine) == 5 > MAX_LINKS_PER_CLAIM and own_arguments(mine)


# ---- the pieces ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,places,expected", [
    ("Mr. Trump said Donald Trump would win", (), {"trump", "donald"}),
    ("£35bn of savings in four regions by 2016", (), {"35bn", "4 region"}),
    ("The talks in Kiev failed", ("Kyiv",), {"kiev", "kyiv"}),
    ("they had captured it", (), set()),
])
def test_arguments(text, places, expected):
    c = claim("900", "X", text, places=places)
    assert arguments(c) == expected


@pytest.mark.parametrize("triggers,expected", [
    ((("tax", "council tax"),), {"council", "tax"}),                  # the claim's own trigger words
    ((("tax", "(article)"),), set()),                                 # its article's issue: no word of the claim
    ((("tax", "context: article"),), set()),                          # a trigger said around the claim
    # an issue the model learnt gives the words it read, not its marker: every learnt claim shared the argument
    # "learnt" (specific enough to pair claims in a corpus of up to ~1,000: dev 31 of 1,681 claims, 0.54)
    ((("tax", "learnt: council, rates"),), {"council", "rate"}),
    # a trigger said in the claim with one said around it: the context's marker word is no argument ("context" was,
    # in 407 of train's 14,918 claims), nor the words said around it
    ((("gun control", "gun control, context: NRA"),), {"gun", "control"}),
    ((("tax", "council tax, context: levy, context: rates"),), {"council", "tax"}),
    ((("tax", "context: levy, rates"),), set()),                      # a hand-made taxonomy's context evidence
])
def test_arguments_of_issue_triggers(triggers, expected):
    c = claim("901", "X", "they had captured it", triggers=triggers)
    assert arguments(c) == expected


# (the claim's places, its issues' evidence, its arguments): a trigger naming one of the claim's places is that place,
# one argument, not its words again (a place abroad is an issue whose trigger is the place as written: PolNeAR train's
# claim opening "North Korea ..." had "north" beside "north korea" and "korea": "north" at a sentence start is no
# argument of the text when the corpus writes it in lower case)
PLACE_TRIGGERS = [
    (("North Korea",), (("North Korea", "North Korea"),), {"north korea"}),
    (("North Korea",), (("North Korea", "North Korea's"),), {"north korea"}),             # written with a possessive
    (("São Tomé",), (("Sao Tome", "Sao Tome"),), {"são tomé"}),                             # written without accents
    (("Mexico", "United States"), (("Mexico", "learnt: mexico, united states, wall"),),      # words the model read
     {"mexico", "united states", "wall"}),
    ((), (("North Korea", "North Korea"),), {"north", "korea"}),       # a taxonomy's trigger, no place of the claim
    (("Iran",), (("nuclear deal", "nuclear deal, context: Iran"),), {"iran", "nuclear", "deal"}),  # another issue's
]


@pytest.mark.parametrize("places, triggers, expected", PLACE_TRIGGERS)
def test_a_trigger_naming_one_of_the_claims_places_is_that_place(places, triggers, expected):
    c = claim("902", "X", "they had captured it", places=places, triggers=triggers)
    assert arguments(c) == expected


# (evidence of a's issue, of b's, the arguments the pair shares or None: not linked): a claim of two articles negating
# the other's "had captured the town of Pokrovsk" needs two specific arguments in common; an evidence's marker is none
EVIDENCE_LINKS = [
    ("learnt: army, city", "learnt: troops, front", None),               # linked on ('learnt', 'pokrovsk')
    ("arms control, context: NRA", "weapons ban, context: lobby", None),  # linked on ('context', 'pokrovsk')
    ("gun control, context: NRA", "gun rights, context: lobby", ("gun", "pokrovsk")),  # the claims' own words link
    ("learnt: army, city", "learnt: army, front", ("army", "pokrovsk")),  # so do the words the model read
]


@pytest.mark.parametrize("evidence_a, evidence_b, shared", EVIDENCE_LINKS)
def test_an_evidence_marker_links_no_claims(evidence_a, evidence_b, shared):
    said = "captured the town of Pokrovsk on the river after heavy fighting"
    a = claim("101", "Russian officials", f"the army had {said}", triggers=(("war", evidence_a),), date="2025-11-01")
    b = claim("102", "Ukrainian authorities", f"the army had not {said}", triggers=(("war", evidence_b),),
              date="2025-11-02")
    links = find_contradictions([a, b, *filler()])
    assert [x.shared for x in links] == ([shared] if shared else [])


@pytest.mark.parametrize("ta,tb,kind", [
    ("the ruling was legal", "the ruling was illegal", "antonym"),
    ("the ruling was legal", "the ruling was not legal", "negation"),
    ("the ruling was not illegal", "the ruling was illegal", "negation"),
    ("the ruling was not legal", "the ruling was illegal", None),          # both say illegal
    ("the report is accurate", "the report is false", "antonym"),
    ("the senator will support the bill", "the senator will oppose the bill", "antonym"),
    ("the talks were constructive", "the talks were useful", None),
])
def test_opposition(ta, tb, kind):
    got = opposition(claim("901", "X", ta), claim("902", "Y", tb))
    assert (got.kind if got else None) == kind


# ---- which pairs contradictions look at (contradict._candidate_pairs with opposition.may_oppose): a pair of two
# claims that cannot oppose anything is not looked at; a pair with one that can is
OPPOSABLE_CASES = [  # (text, stance, whether it may oppose), each about Trump and Iowa
    ("Trump will release his tax returns in Iowa", "assert", False),  # no denial, no antonym pole, nothing negated
    ("Trump will meet the governors of Iowa", "assert", False),
    ("Trump will not release his tax returns in Iowa", "assert", True),  # a negated verb
    ("the visit of Trump to Iowa was illegal", "assert", True),  # an antonym pole
    ("any such visit by Trump to Iowa", "deny", True),  # a denial
    ("the visit of Trump to Iowa", "oppose", True),
]


@pytest.mark.parametrize("text,stance,may", OPPOSABLE_CASES)
def test_only_claims_that_may_oppose_are_paired_with_those_that_may_not(text, stance, may):
    from graphkit.contradict import _candidate_pairs, _prepare, reading_order
    from graphkit.opposition import may_oppose

    plain = claim("201", "Kellyanne Conway", "Trump will visit the governors of Iowa", date="2016-09-01")
    case = claim("202", "Rudy Giuliani", text, stance=stance, date="2016-09-02")
    assert (may_oppose(plain), may_oppose(case)) == (False, may)
    seen = _prepare(*reading_order([plain, case, *filler(40)]))
    spec = {x: 1.0 for s in seen for x in s.args}
    opposable = [may_oppose(s.claim) for s in seen]
    every = set(_candidate_pairs(seen, spec))
    assert (0, 1) in every  # they share Trump and Iowa
    assert set(_candidate_pairs(seen, spec, opposable=opposable)) == {(i, j) for i, j in every if opposable[i] or opposable[j]}
    assert ((0, 1) in set(_candidate_pairs(seen, spec, opposable=opposable))) == may


def test_contradictions_found_as_looking_at_every_pair(monkeypatch):
    """The sample's real contradictions among filler claims, shuffled: the links are those of every pair."""
    import graphkit.contradict as contradict

    claims = [*pokrovsk(), *four_regions(), *nato(), *denied_the_charges(), *tax_returns(), *filler(200)]
    random.Random(5).shuffle(claims)
    links = find_contradictions(claims)
    monkeypatch.setattr(contradict, "may_oppose", lambda c: True)
    assert links == find_contradictions(claims)
    assert len(links) >= 5
