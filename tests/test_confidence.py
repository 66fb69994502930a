"""The trained attribution filter (graphkit.confidence): what it keeps, what it drops, how it loads."""

from __future__ import annotations

import json

import pytest

from graphkit.attribution import attributions
from graphkit.confidence import apply_scores, features, filter_attributions, load_filter, score_attributions
from graphkit.errors import GraphkitError
from graphkit.nlp import load_spacy
from graphkit.records import Attribution


@pytest.fixture(scope="module")
def nlp():
    return load_spacy()


# sentence, speaker, content words: clear speech the filter must keep
KEEP = [
    ("Peskov said the talks were useful.", "Peskov", "the talks were useful"),
    ("“The talks were useful,” Peskov told reporters.", "Peskov", "The talks were useful"),
    ("According to a senior Russian source, the plan is dead.", "a senior Russian source", "the plan is dead"),
    ("Lavrov warned that the talks would fail.", "Lavrov", "the talks would fail"),
    ("Zelensky denied that Ukrainian troops had been encircled.", "Zelensky", "Ukrainian troops had been encircled"),
    ("Kremlin spokesman Dmitry Peskov said on Tuesday that Moscow was studying the proposal.",
     "Kremlin spokesman Dmitry Peskov", "Moscow was studying the proposal"),
    ("Asked whether Russia could accept the ceasefire unconditionally, Rubio said: “That’s what we want to know.”",
     "Rubio", "That’s what we want to know"),
]

# sentence, content words of a candidate the rules find and the filter drops
DROP = [
    # a verb of seeing with a plain object is an event, not a claim
    ("They will see the results next week.", "see the results"),
    # the subject of a passive verb of expectation is who is expected to act, not who expects: PolNeAR's source is
    # the unnamed expecter, if any (out of fold on train+dev a passive subject as speaker is right 12 % of 249,
    # "expect" with its content around the cue 11 % of 98; this row scores ~0.04). Not "they want to bring
    # refugees": a pronoun wanting is right 53 of 111 there, a coin flip the model scores 0.50 (bench/README.md,
    # issue 13, twenty-fourth part)
    ("The senator is expected to back the bill.", "expected to back the bill"),
]


@pytest.mark.parametrize("sentence,speaker,words", KEEP, ids=[k[0][:40] for k in KEEP])
def test_filter_keeps_clear_speech(nlp, sentence, speaker, words):
    doc = nlp(sentence)
    kept = filter_attributions(doc, attributions(doc))
    hits = [a for a in kept if words in a.text]
    assert hits, f"dropped {words!r}; kept {[a.text for a in kept]}"
    assert hits[0].speaker_text == speaker
    assert load_filter()["threshold"] <= hits[0].confidence <= 1.0


@pytest.mark.parametrize("sentence,words", DROP, ids=[d[1][:40] for d in DROP])
def test_filter_drops_unlikely_candidates(nlp, sentence, words):
    doc = nlp(sentence)
    atts = attributions(doc)
    assert any(words in a.text for a in atts), "the rules no longer propose this candidate; pick another case"
    kept = filter_attributions(doc, atts)
    assert not any(words in a.text for a in kept)
    assert len(kept) < len(atts)


def test_model_file_loads_and_has_a_threshold_in_range():
    m = load_filter()
    assert 0.0 < m["threshold"] < 1.0
    assert len(m["weights"]) > 100
    assert all(isinstance(v, float) for v in m["weights"].values())
    assert "PolNeAR" in m["trained_on"]


def test_scores_are_probabilities_and_deterministic(nlp):
    text = ("Peskov said the talks were useful. “We are ready,” he added. The company reported a loss. "
            "Analysts expect the central bank to raise rates, according to Reuters.")
    doc = nlp(text)
    atts = attributions(doc)
    assert len(atts) >= 3
    s1 = score_attributions(doc, atts)
    s2 = score_attributions(nlp(text), attributions(nlp(text)))
    assert s1 == s2
    assert all(0.0 <= s <= 1.0 for s in s1)
    own = {(a.cue_span, a.spans): round(s, 4) for a, s in zip(atts, s1)}
    kept = filter_attributions(doc, atts, threshold=0.0)  # the relay "according to Reuters" gives way to its speech
    assert len(kept) == len(atts) - 1 and all(a.confidence == own[a.cue_span, a.spans] for a in kept)


def test_threshold_bounds(nlp):
    doc = nlp("Peskov said the talks were useful. The company reported a loss.")
    atts = attributions(doc)
    assert len(filter_attributions(doc, atts, threshold=0.0)) == len(atts)
    assert filter_attributions(doc, atts, threshold=1.01) == []
    assert filter_attributions(doc, [], threshold=0.0) == []


def _att(start, cont=False, cue=(0, 4)):
    return Attribution(spans=[(start, start + 5)], text="words", cue="said", cue_span=cue, continuation=cont)


@pytest.mark.parametrize("scores,kept", [
    ([0.9, 0.1], [0, 1]),  # a continuation follows the claim it continues, whatever its own score
    ([0.1, 0.9], []),      # ... and goes with it when that claim is dropped
    ([0.9, 0.9], [0, 1]),
])
def test_continuations_follow_their_claim(scores, kept):
    atts = [_att(10), _att(30, cont=True)]
    out = apply_scores(atts, scores, 0.5)
    assert [atts.index(next(a for a in atts if a.spans == o.spans)) for o in out] == kept


def _claim(spans, speaker, cue, cont=False, who="the economists"):
    return Attribution(spans=spans, text="words", cue="said", cue_span=cue, speaker_span=speaker, speaker_text=who,
                       continuation=cont)


# "Many economists believe the plan will fail, according to a survey, and the council agreed.":
# 0 the survey's claim (content 0-40), 1 the economists' (speaker 5-15 inside it), 2 the council's (apart),
# 3 a continuation quote of the economists' claim
_NESTED = [_claim([(0, 40)], (55, 63), (42, 54), who="a survey"), _claim([(16, 40)], (5, 15), (16, 23)),
           _claim([(90, 99)], (70, 81), (82, 89), who="the council"), _claim([(120, 140)], None, (16, 23), cont=True)]


@pytest.mark.parametrize("scores,kept", [
    ([0.9, 0.6, 0.7, 0.6], [0, 2]),        # the less confident inner claim gives way, its continuation with it
    ([0.6, 0.9, 0.7, 0.6], [0, 1, 2, 3]),  # a more confident inner claim leaves its outer one standing
    ([0.8, 0.8, 0.7, 0.8], [0, 2]),        # equal confidence: the later one gives way
    ([0.4, 0.9, 0.7, 0.6], [1, 2, 3]),     # the outer one below the threshold: nothing to give way to
    ([0.9, 0.6, 0.95, 0.6], [0, 2]),       # a claim apart from both is no part of the pair
])
def test_of_a_nested_pair_the_less_confident_claim_gives_way(scores, kept):
    out = apply_scores(_NESTED, scores, 0.5)
    assert [_NESTED.index(next(a for a in _NESTED if a.spans == o.spans)) for o in out] == kept


def _said_in(text: str, words: str, cue: str, who: str, at: int = 0) -> Attribution:
    """A claim of ``text`` whose content is ``words`` and cue ``cue`` (the first place of each from ``at``), spoken by
    ``who``."""
    s, w, c = text.index(words, at), text.index(who), text.index(cue, at)
    return Attribution(spans=[(s, s + len(words))], text=words, cue=cue, cue_span=(c, c + len(cue)),
                       speaker_span=(w, w + len(who)), speaker_text=who)


#: a relative clause's claim inside a more confident claim's content: (sentence, the outer claim's content, the
#: relative clause's cue and content, its pronoun, the scores, whether the relative clause's claim stays)
RELATIVE_INSIDE = [
    # set off as the writer's aside (a comma, a dash, a bracket before the pronoun): a claim of its own, it stays
    ("Bolton criticised Ryan, who says Clinton would be better.", "Ryan, who says Clinton would be better",
     "says", "Clinton would be better", "who", (0.9, 0.6), True),
    ("Bolton criticised the elite \u2014 who say Clinton would be better.",
     "the elite \u2014 who say Clinton would be better", "say", "Clinton would be better", "who", (0.9, 0.6), True),
    ("Ann said the report (which says costs will rise) is late.", "the report (which says costs will rise) is late",
     "says", "costs will rise", "which", (0.9, 0.6), True),
    # restrictive: which people the outer claim's words are about, no aside: it gives way, the less confident
    ("Bolton criticised Republicans who suggest Clinton would be better.",
     "Republicans who suggest Clinton would be better", "suggest", "Clinton would be better", "who", (0.9, 0.6), False),
    ("Ana said the town lost a paper that said councils waste money.",
     "the town lost a paper that said councils waste money", "said", "councils waste money", "that",
     (0.9, 0.6), False),
    ("Ana said the town lost a paper that said councils waste money.",
     "the town lost a paper that said councils waste money", "said", "councils waste money", "that",
     (0.6, 0.9), True),   # ... unless more confident than the outer one
]


def _relative_pair(text, outer_words, cue, words, pronoun):
    """The two claims of a RELATIVE_INSIDE / RELATIVE_STORED row: the outer one (its speaker and cue the sentence's
    first two words) and the relative clause's own (its speaker the pronoun) inside the outer one's words."""
    outer = _said_in(text, outer_words, text.split()[1], text.split()[0])
    return [outer, _said_in(text, words, cue, pronoun, at=text.index(pronoun))]


@pytest.mark.parametrize("text, outer_words, cue, words, pronoun, scores, stays", RELATIVE_INSIDE)
def test_a_relative_clause_claim_gives_way_unless_an_aside(text, outer_words, cue, words, pronoun, scores, stays):
    out = apply_scores(_relative_pair(text, outer_words, cue, words, pronoun), list(scores), 0.5)
    assert [o.speaker_text for o in out] == [text.split()[0]] + ([pronoun] if stays else [])


#: both claims kept (the relative clause's more confident, or set off): the outer claim's content as a build stores
#: it (graphkit.extract.as_built): cut where an aside begins, whole around a restrictive clause
RELATIVE_STORED = [
    ("Bolton criticised Ryan, who says Clinton would be better.", "Ryan, who says Clinton would be better",
     "says", "Clinton would be better", "who", (0.9, 0.6), "Ryan"),
    ("Bolton criticised the elite \u2014 who say Clinton would be better.",
     "the elite \u2014 who say Clinton would be better", "say", "Clinton would be better", "who", (0.6, 0.9),
     "the elite"),
    ("Bolton criticised Republicans who suggest Clinton would be better.",
     "Republicans who suggest Clinton would be better", "suggest", "Clinton would be better", "who", (0.6, 0.9),
     "Republicans who suggest Clinton would be better"),
    ("Ana said the town lost a paper that said councils waste money.",
     "the town lost a paper that said councils waste money", "said", "councils waste money", "that",
     (0.6, 0.9), "the town lost a paper that said councils waste money"),
]


@pytest.mark.parametrize("text, outer_words, cue, words, pronoun, scores, stored", RELATIVE_STORED)
def test_a_claim_is_cut_at_an_aside_not_at_a_restrictive_clause(text, outer_words, cue, words, pronoun, scores,
                                                                stored):
    from graphkit.extract import as_built

    out = as_built(apply_scores(_relative_pair(text, outer_words, cue, words, pronoun), list(scores), 0.5), text)
    assert [o.text for o in out] == [stored, words]


# "Russia continues to demand that Ukraine hand over the region.": 0 the "continues" claim (content 7-70, the cue
# "demand" 20-26 inside it), 1 the "demand" claim (content 27-70), both Russia's (speaker 0-6); 2 another speaker's
# claim with the same cue inside its content; 3 and 4 the pair with no speaker found ("It is said to demand that
# ...", a passive with no agent): two unknown speakers are not one speaker
_ONE_SPEAKER = [_claim([(7, 70)], (0, 6), (7, 16), who="Russia"), _claim([(27, 70)], (0, 6), (20, 26), who="Russia"),
                _claim([(7, 70)], (80, 86), (90, 96), who="Kyiv"),
                _claim([(7, 70)], None, (7, 16), who=None), _claim([(27, 70)], None, (20, 26), who=None)]


@pytest.mark.parametrize("atts,scores,kept", [
    ([0, 1], [0.4, 0.8], [1]),     # the outer one below the threshold: the inner one alone
    ([0, 1], [0.9, 0.6], [0]),     # of one speaker's pair, the less confident inner claim gives way
    ([0, 1], [0.6, 0.9], [1]),     # ... and the less confident outer one
    ([1, 2], [0.9, 0.6], [1, 2]),  # another speaker: no pair
    ([3, 4], [0.9, 0.6], [3, 4]),  # no speaker on either: no pair
])
def test_of_one_speakers_nested_pair_the_less_confident_gives_way(atts, scores, kept):
    claims = [_ONE_SPEAKER[i] for i in atts]
    out = apply_scores(claims, scores, 0.5)
    assert [atts[claims.index(next(a for a in claims if a.spans == o.spans and a.speaker_text == o.speaker_text))]
            for o in out] == kept


def test_one_speakers_infinitive_pair_keeps_one_claim_in_the_filter(nlp):
    doc = nlp("Russia continues to demand that Ukraine hand over the region.")
    atts = attributions(doc)
    assert [a.cue_lemma for a in atts] == ["continue", "demand"]
    best = max(zip(score_attributions(doc, atts), range(2)))[1]
    assert [a.cue_lemma for a in filter_attributions(doc, atts, threshold=0.0)] == [atts[best].cue_lemma]


@pytest.mark.parametrize("sentence", [
    "Many economists believe the plan will fail, according to a survey.",
    "The council is considering a plan to close the mine, according to two officials.",
])
def test_a_nested_claim_gives_way_in_the_filter(nlp, sentence):
    doc = nlp(sentence)
    atts = attributions(doc)
    assert len(atts) == 2  # the rules keep both: the relay's claim and the sentence's own
    best = max(zip(score_attributions(doc, atts), range(2)))[1]
    assert [a.speaker_text for a in filter_attributions(doc, atts, threshold=0.0)] == [atts[best].speaker_text]


def test_features_name_the_cue_and_the_frame(nlp):
    doc = nlp("Lavrov warned that the talks would fail.")
    f = features(doc, attributions(doc)[0])
    assert f["lemma=warn"] == 1.0 and f["content_starts_that"] == 1.0
    assert len([k for k in f if k.startswith("stype=")]) == 1
    assert f["cue_before"] == 1.0 and "lemma_rootdep=warn|ccomp" in f


# sentence, the claim's content words, the speaker type the re-scorer's features see: the text's own first person
# ("I believe that …" in an op-ed, a letter, an interview's answer) is not "he believes"
SPEAKER_TYPES = [
    ("I believe that the party got it wrong.", "the party got it wrong", "FIRST"),
    ("We think that the town deserves better.", "the town deserves better", "FIRST"),
    ("He believes that the party got it wrong.", "the party got it wrong", "PRON"),
]


@pytest.mark.parametrize("sentence,words,stype", SPEAKER_TYPES, ids=[s[0][:40] for s in SPEAKER_TYPES])
def test_features_tell_the_first_person_apart(nlp, sentence, words, stype):
    doc = nlp(sentence)
    atts = [a for a in attributions(doc) if words in a.text]
    assert atts, [(a.speaker_text, a.text) for a in attributions(doc)]
    f = features(doc, atts[0])
    assert [k for k in f if k.startswith("stype=")] == [f"stype={stype}"]
    assert [k for k in f if k.startswith("lemma_stype=")] == [f"lemma_stype={atts[0].cue_lemma}|{stype}"]


@pytest.mark.parametrize("content,fix", [
    (None, "not found"),
    ("{not json", "not valid JSON"),
    (json.dumps({"weights": {}}), "lacks weights/bias/threshold"),
    ("[1, 2]", "lacks weights/bias/threshold"),                       # JSON, but not a model
])
def test_bad_model_file_says_cause_and_fix(tmp_path, content, fix):
    p = tmp_path / "attribution_filter.json"
    if content is not None:
        p.write_text(content, encoding="utf-8")
    with pytest.raises(GraphkitError, match=fix):
        load_filter(str(p))


def test_claims_carry_the_model_score_and_filter_on_it(sample):
    recs = sample.claim_records()
    scores = [c.confidence for c in recs]
    assert all(0.0 <= s <= 1.0 for s in scores) and any(s < 1.0 for s in scores)  # not the old constant 1.0
    sure = sample.claim_records(min_confidence=0.9)
    assert sure and len(sure) < len(recs) and all(c.confidence >= 0.9 for c in sure)
    assert len(sample.claim_records(min_confidence=0.9, limit=2)) == 2
    with pytest.raises(GraphkitError, match="outside"):
        sample.claim_records(min_confidence=1.5)


# words, coarse tags, lemmas (a parse as written: tests/hand_parsed), the cue's index, the cue_class feature the
# re-scorer sees: a verb cue's broad class, its most frequent sense's WordNet file (models/verb_classes.txt, issue 13
# -84), so that the tagger's verbs the re-scorer saw too rarely to weigh by lemma get their class's weight
CUE_CLASSES = [
    (["Ann", "said", "it", "rained"], ["PROPN", "VERB", "PRON", "VERB"], ["Ann", "say", "it", "rain"], 1,
     ["cue_class=verb.communication"]),                                       # speech
    (["Ann", "imposed", "new", "sanctions"], ["PROPN", "VERB", "ADJ", "NOUN"], ["Ann", "impose", "new", "sanction"],
     1, ["cue_class=verb.social"]),                                           # a social act with its object
    (["Ann", "believes", "it", "rained"], ["PROPN", "VERB", "PRON", "VERB"], ["Ann", "believe", "it", "rain"], 1,
     ["cue_class=verb.cognition"]),                                           # a state of mind
    (["Ann", "Touted", "it"], ["PROPN", "VERB", "PRON"], ["Ann", "Tout", "it"], 1,
     ["cue_class=verb.communication"]),                                       # the lemma in any case
    (["Ann", "zorblaxed", "it"], ["PROPN", "VERB", "PRON"], ["Ann", "zorblax", "it"], 1, []),  # a verb WordNet lacks
    (["Ann", "'s", "claim", "stands"], ["PROPN", "PART", "NOUN", "VERB"], ["Ann", "'s", "claim", "stand"], 2,
     []),                                                                     # a noun cue: no verb's class
]


@pytest.mark.parametrize("words,pos,lemmas,cue,expected", CUE_CLASSES, ids=[" ".join(c[0]) for c in CUE_CLASSES])
def test_features_weigh_a_verb_cue_by_its_class(words, pos, lemmas, cue, expected):
    from hand_parsed import parsed

    doc = parsed(words, pos=pos, lemmas=lemmas, heads=[cue] * len(words),
                 deps=["ROOT" if i == cue else "dep" for i in range(len(words))])
    t = doc[cue]
    rest = doc[cue + 1] if cue + 1 < len(doc) else doc[cue - 1]
    a = Attribution(text=rest.text, spans=[(rest.idx, rest.idx + len(rest.text))], cue=t.text,
                    cue_span=(t.idx, t.idx + len(t.text)), speaker_span=(0, len(doc[0].text)))
    assert [k for k in features(doc, a) if k.startswith("cue_class=")] == expected


def test_a_models_copy_without_the_verb_classes_weighs_no_class(nlp, tmp_path, monkeypatch):
    """GRAPHKIT_MODELS naming a copy of models/ without verb_classes.txt: no cue has a class (the parse reads the
    file once per path: graphkit.knowledge.models_table)."""
    import shutil

    from checkout_paths import ROOT

    shutil.copytree(ROOT / "models", tmp_path / "models", ignore=shutil.ignore_patterns("verb_classes.txt"))
    doc = nlp("Lavrov warned that the talks would fail.")
    att = attributions(doc)[0]
    assert "cue_class=verb.communication" in features(doc, att)
    monkeypatch.setenv("GRAPHKIT_MODELS", str(tmp_path / "models"))
    assert not [k for k in features(doc, att) if k.startswith("cue_class=")]
