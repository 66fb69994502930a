"""The offline attribution tools over an out-of-fold dump (bench/oof_dump.py, oof_buckets.py, rescorer_cv.py)
and what rescorer_cv.py shares with bench/train_filter.py (the feature cut-off, the grid's objective).

The dump itself needs PolNeAR and minutes of CPU; what is checked here is the arithmetic the analyses rest on, on
invented spans: what the other candidates of an article say about one (a re-scorer's context features), the
target encoding of a wide feature family (a candidate never sees its own label through it), and the maximum
matching the bucket table compares the scorer's greedy one with.
"""

from __future__ import annotations

import pickle
import sys

import pytest
from checkout_paths import ROOT
from hand_parsed import parsed

sys.path.insert(0, str(ROOT / "bench"))

from oof_buckets import max_matching, share  # noqa: E402
from oof_dump import DumpError, load  # noqa: E402
from found_cues import where_lost  # noqa: E402
from rescorer_cv import (context_features, group_of, learned_crosses, nested, overlap_features,  # noqa: E402
                         sourceless_features, target_encoded, top_k, voice_features)
from span_errors import content_class, fixed, speaker_class  # noqa: E402
from train_filter import kept_features, objective  # noqa: E402

from graphkit.records import Attribution  # noqa: E402


def att(content, cue, speaker="Ana Ruiz", lemma="say", continuation=False):
    return Attribution(text="x", spans=[content], cue="said", cue_span=cue, cue_lemma=lemma, speaker_text=speaker,
                       continuation=continuation)


# an outer claim (cue 5-9, content 10-60) holding an inner one's cue (20-24, content 25-40); a third claim of its
# own far away (cue 200-204) by the outer's speaker; a continuation quote read off the outer's cue
OUTER, INNER = att((10, 60), (5, 9)), att((25, 40), (20, 24), speaker="the mayor", lemma="claim")
FAR, TAIL = att((205, 230), (200, 204)), att((61, 90), (5, 9), continuation=True)


@pytest.mark.parametrize("which, key, value", [
    (0, "ctx_holds", 1.0),        # the outer content holds the inner cue
    (1, "ctx_held", 1.0),         # the inner cue lies in the outer content
    (0, "ctx_held", 0.0),
    (2, "ctx_holds", 0.0),
    (0, "ctx_same_cue", 1.0),     # the continuation shares the outer's cue
    (2, "ctx_same_cue", 0.0),
    (1, "ctx_overlap", 1.0),      # all of the inner content lies in the outer one
    (0, "ctx_overlap", 0.3),      # 15 of the outer's 50 characters are the inner content
    (2, "ctx_overlap", 0.0),
    (0, "ctx_speaker_n", pytest.approx(1.0986, abs=1e-3)),  # log(1 + 2 other claims of Ana Ruiz)
    (1, "ctx_speaker_n", 0.0),
    (1, "ctx_lemma_n", 0.0),      # the only "claim"
    (2, "ctx_pos", 0.5),          # cue at 200 of a 400-character article
    (2, "ctx_near", pytest.approx(5.1985, abs=1e-3)),  # log(1 + 180): the inner cue is nearest
])
def test_context_features(which, key, value):
    assert context_features([OUTER, INNER, FAR, TAIL], 400)[which][key] == value


def test_target_encoding_keeps_a_candidates_own_label_out():
    # articles "a" (two "say" candidates, both right) and "b" (one "boast", wrong) fall in different inner folds:
    # in training each gets only the other article's figures (a lemma not seen there: that article's base rate),
    # so no candidate sees its own label; a new candidate gets the rates of all the training data
    X = [{"lemma=say": 1.0}, {"lemma=say": 1.0}, {"lemma=boast": 1.0, "cue_before": 1.0}]
    enc_train, enc = target_encoded(X, [1, 1, 0], ["a", "a", "b"], smooth=0.0, families=("lemma",))
    assert enc_train == [{"te_lemma": 0.0}, {"te_lemma": 0.0}, {"cue_before": 1.0, "te_lemma": 1.0}]
    assert enc([{"lemma=boast": 1.0}, {"lemma=say": 1.0}]) == [{"te_lemma": 0.0}, {"te_lemma": 1.0}]
    assert enc([{"lemma=unseen": 1.0}]) == [{"te_lemma": pytest.approx(2 / 3)}]  # the base rate


@pytest.mark.parametrize("golds, preds, pairs", [
    # greedy by gold order takes the long prediction for the short gold; a maximum matching gives each its own
    ([({1, 2}, {0}), ({1, 2, 3, 4}, {0})], [({1, 2, 3, 4}, {0}), ({1, 2}, {0})], 2),
    ([({1, 2, 3}, {0})], [({1, 2, 3}, {9})], 0),       # content matched, speaker wrong: no end-to-end pair
    ([({1, 2, 3}, {0})], [({3, 4, 5}, {0})], 1),       # a third of the gold's content is over 30 %
    ([({1, 2, 3, 4}, {0})], [({4, 5}, {0})], 0),       # a quarter is not
])
def test_max_matching(golds, preds, pairs):
    G = [{"C": c, "S": s} for c, s in golds]
    P = [{"C": c, "S": s} for c, s in preds]
    assert max_matching(G, P) == pairs
    assert all(0.0 <= share(g, p) <= 1.0 for g in G for p in P)


def test_a_dump_loads_back_as_attributions(tmp_path):
    d = {"ids": ["a"], "folds": [0], "settings": {"k": 5},
         "arts": {"a": {"atts": [OUTER.model_dump()], "feats": [{}], "labels": [1], "scores": [0.7], "fold": 0,
                        "t": 0.5, "tl": 0.6}}}
    p = tmp_path / "oof.pkl"
    p.write_bytes(pickle.dumps(d))
    assert load(p)["arts"]["a"]["atts"] == [OUTER]


@pytest.mark.parametrize("content, says", [
    (None, "no dump at"),                                   # no file
    (b"not a pickle", "is not a dump of bench/oof_dump.py"),
    (pickle.dumps({"ids": []}), "no arts/settings"),         # a pickle, but of something else
])
def test_a_bad_dump_is_one_line_with_its_fix(tmp_path, content, says):
    p = tmp_path / "oof.pkl"
    if content is not None:
        p.write_bytes(content)
    with pytest.raises(DumpError) as e:
        load(p)
    assert says in str(e.value) and "python bench/oof_dump.py" in str(e.value) and "\n" not in str(e.value)


def test_top_k_counts_right_candidates_by_origin_without_continuations():
    rules = [att((10, 20), (1, 2)), att((30, 40), (3, 4)), att((50, 60), (5, 6), continuation=True)]
    tagger = [Attribution(text="x", spans=[(70, 80)], cue="urged", cue_span=(65, 69), cue_score=0.5)]
    D = {"arts": {"a": {"atts": rules + tagger, "labels": [0, 1, 1, 1]}}}
    assert top_k(D, {"a": [0.9, 0.6, 0.99, 0.4]}, {"rules": (1, 2, 3), "tagger": (1,)}) == {
        "rules": [(1, 0, 0.9), (2, 1, 0.6)],   # K past the candidates is left out; the continuation is not counted
        "tagger": [(1, 1, 0.4)]}


# train_filter.kept_features (the logistic's cut-off, rescorer_cv.fit_hgb's feature set): (feats, min_count, expected)
@pytest.mark.parametrize("feats, min_count, expected", [
    ([{"a": 1.0, "b": 1.0}, {"a": 0.5}, {"c": 1.0}], 2, [{"a": 1.0}, {"a": 0.5}, {}]),
    ([{"a": 1.0, "b": 1.0}, {"a": 0.5}], 1, [{"a": 1.0, "b": 1.0}, {"a": 0.5}]),   # 1 keeps every feature seen
    ([{"a": 0.0}, {"a": 2.0}], 2, [{"a": 0.0}, {"a": 2.0}]),                          # counted by presence, not value
    ([{"a": 1.0}, {"b": 1.0}], 3, [{}, {}]),
    ([], 5, []),
])
def test_kept_features_drops_features_seen_in_fewer_candidates(feats, min_count, expected):
    assert kept_features(feats, min_count) == expected


# train_filter.objective, the figure both grids rank by: (all e2e F1, speech fair F1, expected)
@pytest.mark.parametrize("all_f1, speech_fair, expected", [(70.0, 86.0, 78.0), (0.0, 0.0, 0.0), (69.5, 86.7, 78.1)])
def test_objective_is_the_mean_of_all_e2e_and_speech_fair_f1(all_f1, speech_fair, expected):
    r = {"all": {"e2e_F1": all_f1, "e2e_F1_fair": 1.0}, "speech": {"e2e_F1": 1.0, "e2e_F1_fair": speech_fair}}
    assert objective(r) == pytest.approx(expected)


def _gold(content, source, cue):
    return {"content": [{"start": content[0], "end": content[1], "text": "x"}],
            "source": [{"start": source[0], "end": source[1], "text": "y"}], "cue": [{"text": cue}]}


def _pred(content, speaker):
    return {"spans": [list(content)], "speaker_span": list(speaker), "cue": "said"}


#: oof_fair.fair_classes with the shared scorer over an article of a speech gold ("said") and a non-speech gold
#: ("praised"): (predictions, their classes)
FAIR_CLASSES = [
    ([_pred((10, 30), (0, 5)), _pred((50, 70), (80, 85)), _pred((90, 99), (80, 85))],
     ["speech_e2e", "other_gold", "no_gold"]),
    ([_pred((12, 30), (80, 85))], ["speech_wrong_speaker"]),   # the speech gold's content, another speaker
]


@pytest.mark.parametrize("preds, classes", FAIR_CLASSES)
def test_fair_classes_puts_each_prediction_in_one_class(shared, preds, classes):
    import attribution_cv as cv
    from oof_fair import fair_classes

    art = {"attributions": [_gold((10, 30), (0, 5), "said"), _gold((50, 70), (40, 45), "praised")]}
    assert fair_classes(cv.scorer(), art, preds) == classes


RULE = att((10, 60), (5, 9))
TAGGED = RULE.model_copy(update={"cue_score": 0.4})


# found_cues.where_lost, a missed gold's best right candidate: (candidate, score, kept, gold paired elsewhere,
# a kept claim covers the gold, bucket) at the rules' threshold 0.5 and the tagger's 0.6
@pytest.mark.parametrize("cand, score, kept, paired, covered, bucket", [
    (RULE, 0.45, False, False, False, "below:rule:near"),     # within 0.1 of the rules' 0.5
    (RULE, 0.30, False, False, False, "below:rule:mid"),
    (RULE, 0.10, False, False, False, "below:rule:far"),
    (TAGGED, 0.55, False, False, False, "below:tagger:near"),  # over the rules' threshold, under the tagger's
    (RULE, 0.70, False, False, False, "gave_way"),            # scored over it, then a more confident claim won
    (TAIL, 0.70, False, False, False, "continuation_dropped"),
    (RULE, 0.70, True, True, False, "kept:greedy_other"),     # the gold took another kept prediction first
    (RULE, 0.70, True, False, True, "kept:taken"),            # an earlier gold took ours
    (RULE, 0.70, True, False, False, "kept:export"),
])
def test_where_a_right_candidate_is_lost(cand, score, kept, paired, covered, bucket):
    assert where_lost(cand, score, 0.5, 0.6, kept, paired, covered) == bucket


#: rescorer_cv.nested: per fold, the grid point the other folds choose (train_filter.choose: within noise, the lowest
#: thresholds); (each point's per-fold objectives, the rule thresholds chosen for folds 0, 1, 2)
NESTED = [
    ([[79.0, 78.0, 77.0], [78.0, 78.5, 78.5]], [0.50, 0.45, 0.45]),  # folds 1-2 prefer 0.50 beyond noise
    ([[78.0, 78.0, 78.0], [78.0, 78.0, 78.0]], [0.45, 0.45, 0.45]),  # ties: the lowest threshold
    ([[70.0, 70.0, 70.0], [78.0, 78.5, 78.1]], [0.50, 0.50, 0.50]),  # one point better everywhere
]


@pytest.mark.parametrize("per_fold, chosen", NESTED)
def test_nested_choice_never_scores_a_fold_with_its_own_choice(per_fold, chosen):
    grid = [{"thresholds": (t, 0.6), "per_fold": p} for t, p in zip((0.45, 0.50), per_fold)]
    pool = lambda x, folds: (sum(x["per_fold"][g] for g in folds) / len(folds), 0.0, 0)
    assert [x["thresholds"][0] for x in nested(grid, pool)] == chosen


# rescorer_cv.voice_features: (text, content, speaker, expected features) of a claim in the sentence at 13-
@pytest.mark.parametrize("text, content, speaker, expected", [
    ("We think so. Ann Lee said the plan was dead, and I agree.", (22, 43), (13, 20),
     {"voice_article=high": 1.0, "voice_sentence": 1.0}),          # "I agree" beside the claim: the writer's voice
    ("He thinks so. Ann Lee said the plan was dead, and he agrees.", (23, 44), (14, 21),
     {"voice_article=none": 1.0}),
    ('It was late. Ann Lee said “we are done,” and left the room.', (23, 39), (13, 20),
     {"voice_article=none": 1.0}),                                  # a first person in quotation marks: a source's
])
def test_voice_features(text, content, speaker, expected):
    a = Attribution(text="x", spans=[content], cue="said", cue_span=(speaker[1] + 1, speaker[1] + 5),
                    speaker_span=speaker, sentence_span=(speaker[0], len(text)))
    assert voice_features([a], text) == [expected]


@pytest.mark.parametrize("cand, feats, group", [
    (RULE.model_copy(update={"claim_kind": "direct"}), {"rootdep=dobj": 1.0}, "said"),   # a quotation
    (RULE, {"rootdep=ccomp": 1.0}, "said"),                                               # the cue's clause
    (RULE, {"rootdep=dobj": 1.0}, "other"),                                               # an object: an act
    (TAGGED, {"rootdep=ccomp": 1.0}, "tagger"),
])
def test_threshold_groups(cand, feats, group):
    assert group_of(cand, feats) == group
    assert bool(learned_crosses([cand], [{"kind=indirect": 1.0}])[0]) == (group == "tagger")


# rescorer_cv.overlap_features of a tagger candidate beside a rule claim (content 10-60, cue 5-9): (its content, its
# cue, expected)
@pytest.mark.parametrize("content, cue, expected", [
    ((30, 70), (22, 29), {"ov_cue_in_rule": 1.0, "ov_half": 1.0}),   # an inner claim of the rule's content
    ((0, 100), (101, 105), {"ov_holds_rule_cue": 1.0}),                # an outer one holding the rule's cue
    ((70, 90), (65, 69), {}),                                          # apart
])
def test_overlap_features(content, cue, expected):
    tagged = Attribution(text="y", spans=[content], cue="blasted", cue_span=cue, cue_score=0.4)
    assert overlap_features([RULE, tagged]) == [{}, expected]


# rescorer_cv.sourceless_features of the rules' candidate at the cue: (sentence, cue, expected features); what
# tells the writer's judgement or a hypothesis given a speaker (issue 13, thirtieth part)
@pytest.mark.parametrize("text, cue, expected", [
    ("If a voter sees the ad ten times, he will say it is unfair.", "say",
     {"sl_conditional", "sl_modal", "sl_no_name"}),                       # a hypothesis: "if", "will", no name
    ("Ann Lee said the plan was dead.", "said", set()),                   # a named source's plain report
    ("A typical voter would argue that the fares are too high.", "argue",
     {"sl_modal", "sl_generic", "sl_no_name", "sl_generic_no_name"}),     # no one in particular, a modal
    ("Ann Lee argued that the fares would rise if the council cut the grant.", "argued", set()),  # "if" in the content
])
def test_sourceless_features(nlp, text, cue, expected):
    from graphkit.attribution import attributions

    doc = nlp(text)
    atts = [a for a in attributions(doc, tagger=False) if a.cue.split()[0] == cue]
    assert set(sourceless_features(doc, atts)[0]) == expected


# rescorer_cv.word_class_features: (words, heads, deps, pos, lemmas, the cue's token, the content's tokens, what,
# expected); the classes a toy WordNet gives (issue 13, thirty-seventh part: an act with its object kept as a claim)
VERB_CLASSES = {"impose": "verb.social", "say": "verb.communication"}
NOUN_CLASSES = {"sanction": "noun.act", "rally": "noun.group"}
WORD_CLASSES = [
    (["Ann", "imposed", "sanctions"], [1, 1, 1], ["nsubj", "ROOT", "dobj"], ["PROPN", "VERB", "NOUN"],
     ["Ann", "impose", "sanction"], 1, (1, 3), "cue", {"cue_class=verb.social": 1.0}),       # a verb WordNet knows
    (["Ann", "glowered", "today"], [1, 1, 1], ["nsubj", "ROOT", "npadvmod"], ["PROPN", "VERB", "NOUN"],
     ["Ann", "glower", "today"], 1, (2, 3), "cue", {}),                                       # one it lacks: none
    (["Ann", "'s", "sanctions"], [2, 0, 2], ["poss", "case", "ROOT"], ["PROPN", "PART", "NOUN"],
     ["Ann", "'s", "sanction"], 2, (2, 3), "cue", {}),                                        # a noun cue: none
    (["Ann", "imposed", "sanctions"], [1, 1, 1], ["nsubj", "ROOT", "dobj"], ["PROPN", "VERB", "NOUN"],
     ["Ann", "impose", "sanction"], 1, (1, 3), "object", {"obj_class=noun.act": 1.0}),       # the direct object
    (["Ann", "spoke", "at", "rallies"], [1, 1, 1, 2], ["nsubj", "ROOT", "prep", "pobj"],
     ["PROPN", "VERB", "ADP", "NOUN"], ["Ann", "speak", "at", "rally"], 1, (1, 4), "object",
     {"obj_class=noun.group": 1.0}),                                                          # a preposition's object
    (["Ann", "praised", "Kim"], [1, 1, 1], ["nsubj", "ROOT", "dobj"], ["PROPN", "VERB", "PROPN"],
     ["Ann", "praise", "Kim"], 1, (1, 3), "object", {"obj_class=<name>": 1.0}),               # a name
    (["Ann", "praised", "it"], [1, 1, 1], ["nsubj", "ROOT", "dobj"], ["PROPN", "VERB", "PRON"],
     ["Ann", "praise", "it"], 1, (1, 3), "object", {"obj_class=<pron>": 1.0}),                # a pronoun
    (["Ann", "praised", "grit"], [1, 1, 1], ["nsubj", "ROOT", "dobj"], ["PROPN", "VERB", "NOUN"],
     ["Ann", "praise", "grit"], 1, (1, 3), "object", {"obj_class=<unknown>": 1.0}),           # a noun WordNet lacks
]


@pytest.mark.parametrize("words, heads, deps, pos, lemmas, cue, content, what, expected", WORD_CLASSES)
def test_word_class_features(words, heads, deps, pos, lemmas, cue, content, what, expected):
    from rescorer_cv import word_class_features

    doc = parsed(words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)

    def chars(i, j):
        return doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)

    a = Attribution(text="x", spans=[chars(*content)], cue=doc[cue].text, cue_span=chars(cue, cue + 1),
                    speaker_span=chars(0, 1))
    assert word_class_features(doc, [a], VERB_CLASSES, NOUN_CLASSES, what) == [expected]


def _sentences(words: list[str], starts=(0,)):
    """A Doc of ``words`` with sentences starting at ``starts``, and a function from token range to characters."""
    doc = parsed(words, sent_starts=[i in starts for i in range(len(words))])
    return doc, lambda i, j: set(range(doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)))


# span_errors.content_class: how a candidate's content misses a gold's (0 He 1 said 2 that 3 taxes 4 rise 5 , 6 but
# 7 jobs 8 grow 9 . | 10 They 11 fall 12 .): (gold tokens, candidate tokens, other candidates' tokens, class)
@pytest.mark.parametrize("gold, pred, others, cls", [
    ((2, 12), (2, 5), [], "ends_early:next_sentence"),      # a content over two sentences, the candidate one
    ((2, 9), (2, 5), [], "ends_early:punct"),               # cut at the comma
    ((2, 9), (2, 5), [(6, 9)], "split"),                    # another candidate holds the rest: one gold, two claims
    ((2, 5), (6, 9), [], "disjoint:gold_after_cue"),
    ((10, 12), (2, 5), [], "disjoint:gold_other_sentence"),
    ((2, 9), (7, 9), [], "starts_late:same_sentence"),
])
def test_content_class(gold, pred, others, cls):
    doc, chars = _sentences(["He", "said", "that", "taxes", "rise", ",", "but", "jobs", "grow", ".", "They", "fall",
                             "."], starts=(0, 10))
    assert content_class(doc, doc[1], chars(*gold), chars(*pred), [chars(*o) for o in others]) == cls


# span_errors.speaker_class: how a candidate's speaker misses a gold's source (0 Aides 1 of 2 Smith 3 told 4 Lee 5
# that 6 Jones 7 would 8 win): (gold source, candidate speaker, gold content, candidate content, class)
@pytest.mark.parametrize("gold, pred, content, pred_content, cls", [
    ((0, 1), (2, 3), (5, 9), (5, 9), "adjacent"),            # a span boundary: "Aides" against "Smith"
    ((0, 1), None, (5, 9), (5, 9), "none"),
    ((0, 1), (6, 7), (5, 9), (7, 9), "pred_in_gold_content"),  # an inner claim's speaker over the outer gold
    ((6, 7), (0, 1), (7, 9), (5, 9), "gold_in_pred_content"),  # the outer claim over the inner gold
    ((4, 5), (0, 1), (5, 9), (5, 9), "other_mention"),
])
def test_speaker_class(gold, pred, content, pred_content, cls):
    doc, chars = _sentences(["Aides", "of", "Smith", "told", "Lee", "that", "Jones", "would", "win"])
    assert speaker_class(doc, doc[3], chars(*gold), chars(*pred) if pred else set(), chars(*content),
                         chars(*pred_content)) == cls


def test_a_class_put_right_takes_the_golds_part_and_keeps_the_rest():
    pred = {"spans": [[0, 4]], "speaker_span": [9, 12], "cue_span": [5, 8]}
    assert fixed(pred, "content:split", {20, 21, 30}, {1}) == {"spans": [[20, 22], [30, 31]], "speaker_span": [9, 12],
                                                               "cue_span": [5, 8]}
    assert fixed(pred, "speaker:adjacent", {1}, {40, 41, 42})["speaker_span"] == [40, 43]


# loss_table.speaker_why: why a claim's speaker is not the gold's source, by how its cue reached it in the parse.
# 0 Lee 1 made 2 an 3 attempt 4 , 5 writing 6 that 7 it 8 rained ("…, writing": the participle hangs on the noun)
PARTICIPLE = (["Lee", "made", "an", "attempt", ",", "writing", "that", "it", "rained"], [1, 1, 3, 1, 3, 3, 8, 8, 5],
              ["nsubj", "ROOT", "det", "dobj", "punct", "acl", "mark", "nsubj", "ccomp"],
              ["NNP", "VBD", "DT", "NN", ",", "VBG", "IN", "PRP", "VBD"])
# 0 Ann 1 spoke 2 and 3 Kim 4 added 5 that 6 it 7 rained ("X … and added": the conjunct took the first subject)
CONJUNCT = (["Ann", "spoke", "and", "Kim", "added", "that", "it", "rained"], [1, 1, 1, 4, 1, 7, 7, 4],
            ["nsubj", "ROOT", "cc", "dep", "conj", "mark", "nsubj", "ccomp"],
            ["NNP", "VBD", "CC", "NNP", "VBD", "IN", "PRP", "VBD"])
# 0 The 1 senator 2 left 3 ; 4 The 5 plan 6 said 7 it 8 rained (the article "The" is no name both share)
ARTICLE = (["The", "senator", "left", ";", "The", "plan", "said", "it", "rained"], [1, 2, 2, 2, 5, 6, 2, 8, 6],
           ["det", "nsubj", "ROOT", "punct", "det", "nsubj", "parataxis", "nsubj", "ccomp"],
           ["DT", "NN", "VBD", ":", "DT", "NN", "VBD", "PRP", "VBD"])
# 0 The 1 Senate 2 erred 3 ; 4 letters 5 from 6 the 7 Senate 8 said 9 it 10 did (a name under a preposition)
UNDER_PREP = (["The", "Senate", "erred", ";", "letters", "from", "the", "Senate", "said", "it", "did"],
              [1, 2, 2, 2, 8, 4, 7, 5, 2, 10, 8],
              ["det", "nsubj", "ROOT", "punct", "nsubj", "prep", "det", "pobj", "parataxis", "nsubj", "ccomp"],
              ["DT", "NNP", "VBD", ":", "NNS", "IN", "DT", "NNP", "VBD", "PRP", "VBD"])
# 0 Ann 1 Lee 2 smiled 3 ; 4 Lee 5 said 6 it 7 rained (the same name twice: another mention of the same person)
SAME_NAME = (["Ann", "Lee", "smiled", ";", "Lee", "said", "it", "rained"], [1, 2, 2, 2, 5, 2, 7, 5],
             ["compound", "nsubj", "ROOT", "punct", "nsubj", "parataxis", "nsubj", "ccomp"],
             ["NNP", "NNP", "VBD", ":", "NNP", "VBD", "PRP", "VBD"])
# 0 Lee 1 smiled 2 ; 3 he 4 said 5 it 6 rained (the cue's own subject, a pronoun: no parse error to blame)
PRONOUN = (["Lee", "smiled", ";", "he", "said", "it", "rained"], [1, 1, 1, 4, 1, 6, 4],
           ["nsubj", "ROOT", "punct", "nsubj", "parataxis", "nsubj", "ccomp"],
           ["NNP", "VBD", ":", "PRP", "VBD", "PRP", "VBD"])


#: (parse, the cue's token, the content's tokens, ours and the gold source's, the token ours resolves to, why): the
#: content is the claim's and the gold's alike
SPEAKER_WHY = [
    (PARTICIPLE, 5, (6, 9), (2, 4), (0, 1), None, "participle"),     # the noun the participle hangs on, not its controller
    (CONJUNCT, 4, (5, 8), (0, 1), (3, 4), None, "conjunct"),         # the first conjunct's subject
    (CONJUNCT, 7, (5, 8), (3, 4), (0, 1), None, "across_clause"),    # a finite complement took its governor's subject
    (CONJUNCT, 1, (5, 8), (3, 4), (0, 1), None, "off_path"),         # not on the cue's chain of heads
    (CONJUNCT, 4, (5, 8), (6, 7), (0, 1), None, "inner_claim"),      # our speaker inside the gold's content
    (CONJUNCT, 4, (5, 8), (6, 7), (3, 4), (3, 4), "same_person"),    # "it" resolved to the gold's own source
    (PRONOUN, 4, (5, 7), (3, 4), (0, 1), None, "pronoun"),           # the cue's own subject, a pronoun of another referent
    (SAME_NAME, 5, (6, 8), (4, 5), (0, 2), None, "same_person"),     # "Lee" and "Ann Lee" share a proper name
    (ARTICLE, 6, (7, 9), (4, 6), (0, 2), None, "other_mention"),     # "The plan" is not "The senator"
    (UNDER_PREP, 8, (9, 11), (4, 8), (0, 2), None, "other_mention"),  # "letters from the Senate" are not "The Senate"
]


@pytest.mark.parametrize("parse, cue, content, ours, gold, resolved, why", SPEAKER_WHY)
def test_why_a_speaker_is_wrong(parse, cue, content, ours, gold, resolved, why):
    from loss_table import speaker_why

    words, heads, deps, tags = parse
    doc = parsed(words, heads=heads, deps=deps, tags=tags)

    def chars(i, j):
        return doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)

    a = Attribution(text="x", spans=[chars(*content)], cue=doc[cue].text, cue_span=chars(cue, cue + 1),
                    speaker_span=chars(*ours), speaker_text=doc[ours[0]:ours[1]].text,
                    resolved_span=chars(*resolved) if resolved else None)
    g = {"C": set(range(*chars(*content))), "S": set(range(*chars(*gold)))}
    assert speaker_why(doc, a, g) == why


# quote_spans: a quotation run over paragraphs by the news convention (left open, the next paragraph reopened with a
# mark), and a quotation after a content's colon: (text, the content's spans, variant, spans after)
OPEN_THEN_REOPENED = "He said: “We will win.\n\n“And again.” Then he left."
CLOSED_THEN_OPENED = "He said: “We will win.”\n\n“And again.” Then he left."   # closed: two quotations


@pytest.mark.parametrize("text, spans, variant, after", [
    (OPEN_THEN_REOPENED, [[9, 22]], "next_paragraph", [[9, 22], [24, 36]]),   # the convention: one quotation
    ("He said: “We will win.”\n\n“And again.”", [[9, 23]], "next_paragraph", [[9, 23]]),  # closed: two quotations
    ("He said: “We will win.\n\nAnd then he left.", [[9, 22]], "next_paragraph", [[9, 22]]),  # no mark reopens it
    ("He said: “We will win.\n\n“Again.\n\n“And again.”", [[9, 22]], "next_paragraph",
     [[9, 22], [24, 31], [33, 45]]),                                              # over three paragraphs
    ("He stated his view: “It is over.” Then", [[14, 18]], "after_colon", [[14, 18], [20, 33]]),
    ("He stated his view, “It is over.” Then", [[14, 18]], "after_colon", [[14, 18]]),  # a comma is not a colon
    ("He stated his view:\n\n“It is over.”", [[14, 18]], "after_colon", [[14, 18]]),  # not across a paragraph
])
def test_a_quotation_read_into_a_claim(text, spans, variant, after):
    from quote_spans import VARIANTS

    from graphkit.quotes import find_quotes

    assert VARIANTS[variant](text, spans, find_quotes(text)) == after


@pytest.mark.parametrize("text, lo, hi, is_marked", [
    (OPEN_THEN_REOPENED, 9, 36, True),          # the break between the open quotation and the reopened one
    (OPEN_THEN_REOPENED, 9, None, True),        # "Then he left." is in the second paragraph: one break only
    (CLOSED_THEN_OPENED, 9, None, False),       # closed before the break: two quotations, not one
    (OPEN_THEN_REOPENED + "\n\nNo quotation here.", 9, None, False),  # the second break no quotation marks
    ("He said: “We will win.\n\nAnd then he left.", 9, None, False),  # left open, but no mark reopens it
])
def test_a_paragraph_break_the_convention_marks(text, lo, hi, is_marked):
    """Every break of a gold's content marked (a quotation left open before it, reopened after it), or not; the script
    asks only of contents holding a break (`crossing`), so each row holds one; ``hi`` None: the text's end."""
    from quote_spans import marked

    from graphkit.quotes import find_quotes

    hi = len(text) if hi is None else hi
    assert "\n" in text[lo:hi]
    assert marked(text, find_quotes(text), lo, hi) is is_marked


def test_folds_of_scores_the_claims_as_shipped_and_as_changed(shared):
    """oof_settle.folds_of with as_shipped() keeps what apply_scores keeps; ``then`` changes the claims before
    scoring; given_way_by(None) keeps them before nested_give_way; as_shipped(t) at another threshold."""
    import attribution_cv as cv
    from oof_settle import as_shipped, folds_of, given_way_by

    text = "Ana Ruiz said that taxes will rise next year and that jobs will grow."
    gold = _gold((19, 69), (0, 8), "said")
    claim = att((19, 45), (9, 13)).model_copy(update={"speaker_span": (0, 8), "confidence": 0.9})
    D = {"arts": {"a1": {"atts": [claim], "scores": [0.9], "t": 0.5, "tl": 0.6, "fold": 0}}}
    arts = {"a1": {"id": "a1", "text": text, "attributions": [gold]}}
    sc = cv.scorer()
    assert folds_of(D, arts, sc, as_shipped()) == [(100.0, 100.0)]        # 26 of the gold's 50 characters: over 30 %
    assert folds_of(D, arts, sc, as_shipped(t=0.95)) == [(0.0, 0.0)]      # at a threshold above its score
    D["arts"]["a1"]["scores"] = [0.2]
    assert folds_of(D, arts, sc, as_shipped()) == [(0.0, 0.0)]            # under the threshold: nothing kept
    D["arts"]["a1"]["scores"] = [0.9]

    def elsewhere(doc_id, t, claims):
        return [dict(c, spans=[[60, 69]]) for c in claims]                # 9 characters: under 30 %

    assert folds_of(D, arts, sc, as_shipped(), then=elsewhere)[0][0] == 0.0
    # a less confident claim spoken from inside the kept one's content gives way as shipped (nested_give_way);
    # when no rule settles the pair it stays, and the scorer gives it the gold (29 characters over the other's 26),
    # with the wrong speaker
    inner = att((40, 69), (46, 50)).model_copy(update={"speaker_span": (19, 24), "speaker_text": "taxes",
                                                      "confidence": 0.7})
    D["arts"]["a1"].update(atts=[claim, inner], scores=[0.9, 0.7])
    assert folds_of(D, arts, sc, as_shipped())[0][0] == 100.0
    assert folds_of(D, arts, sc, given_way_by(None))[0][0] == 0.0


@pytest.mark.parametrize("chars, span", [   # (a gold source of two runs, one span over both: outer_span's example)
    (set(range(0, 8)), [0, 8]),     # one run: itself
    ({12}, [12, 13]),
])
def test_a_gold_source_as_one_speaker_span(chars, span):
    """attribution_cv.outer_span: what an oracle writes as a claim's speaker_span for a gold's source (loss_table's
    added claims and fixed speakers, span_errors.fixed)."""
    from attribution_cv import outer_span

    assert outer_span(chars) == span


def test_one_oof_article_and_a_rows_ceiling(shared):
    """attribution_cv.oof_article keeps, exports, itemises and matches one dumped article as --cv 5 scores it (the
    set-up loss_table, found_cues and oof_buckets share); shipped_claims exports every article once and fold_f1s
    scores it, as oof_settle.folds_of(as_shipped()) does; loss_table.ceiling puts a row right on a copy of it."""
    import attribution_cv as cv
    from loss_table import ceiling
    from oof_settle import as_shipped, folds_of

    text = "Ana Ruiz said that taxes will rise next year and that jobs will grow. Bo Li said nothing at all here."
    gold = _gold((19, 69), (0, 8), "said")
    right = att((19, 45), (9, 13)).model_copy(update={"speaker_span": (0, 8), "confidence": 0.9})
    spurious = att((78, 101), (74, 78), speaker="Bo Li").model_copy(update={"speaker_span": (70, 75),
                                                                             "confidence": 0.8})
    dropped = att((85, 101), (74, 78), speaker="Bo Li").model_copy(update={"speaker_span": (70, 75)})
    D = {"arts": {"a1": {"atts": [right, spurious, dropped], "scores": [0.9, 0.8, 0.3], "t": 0.5, "tl": 0.6,
                         "fold": 0}}, "settings": {"k": 1}}
    arts = {"a1": {"id": "a1", "text": text, "attributions": [gold]}}
    sc = cv.scorer()
    o = cv.oof_article(sc, arts["a1"], D["arts"]["a1"])
    assert len(o.kept) == 2 and len(o.kept_claims) == 2 and len(o.every_claims) == 3   # the 0.3 one dropped
    assert (len(o.P), len(o.E), len(o.G)) == (2, 3, 1)
    assert o.pairs == {0: 0} and o.left == [1]            # the gold takes the right claim; Bo Li's is spurious
    kept_only = cv.oof_article(sc, arts["a1"], D["arts"]["a1"], every=False)   # quote_spans, found_cues' lost
    assert (kept_only.every_claims, kept_only.E) == (None, None)
    assert (kept_only.kept_claims, kept_only.P, kept_only.pairs, kept_only.left) == (o.kept_claims, o.P, o.pairs, o.left)
    shipped = cv.shipped_claims(D, arts)
    assert shipped["a1"] == o.kept_claims
    as_is = cv.fold_f1s(sc, D, arts, shipped)
    assert as_is == folds_of(D, arts, sc, as_shipped()) and as_is[0][0] == pytest.approx(200 / 3)  # P 1/2, R 1
    rows = [{"doc": "a1", "row": "spurious:alone", "fix": ("remove", 1)}]
    assert ceiling(D, arts, rows, "spurious", shipped) == [(100.0, 100.0)]
    assert ceiling(D, arts, rows, None, shipped) == as_is and len(shipped["a1"]) == 2   # the copy changed, not it


def test_rescorer_cv_reads_the_parse_once_for_every_variant_that_reads_it(monkeypatch, tmp_path):
    """Variants whose features read the parse (rescorer_cv.PARSE_VARIANTS) share one read of the parse cache: it was
    read again for each (PolNeAR train+dev's 840 + 84 Docs, a minute's CPU and their memory a time)."""
    import attribution_cv
    import oof_dump
    import rescorer_cv
    import train_filter

    reads, given = [], []
    monkeypatch.setattr(attribution_cv, "train_dev_parsed", lambda: (reads.append(1), ([{"id": "a"}], ["Doc a"]))[1])
    monkeypatch.setattr(attribution_cv, "load_articles", lambda: [{"id": "a", "text": "..."}])
    monkeypatch.setattr(oof_dump, "load", lambda path: {"settings": {"threshold": 0.5, "threshold_learned": 0.6}})
    monkeypatch.setattr(rescorer_cv, "oof_scores", lambda D, v, texts, docs=None, wordnet=None: given.append((v, docs)))
    monkeypatch.setattr(rescorer_cv, "grid", lambda *a: [{"thresholds": (0.5, 0.6), "objective": 0.0}])
    monkeypatch.setattr(train_filter, "choose", lambda g: g[0])
    monkeypatch.setattr(rescorer_cv, "auc", lambda D, scores: {"all": 0.5, "rules": 0.5, "tagger": 0.5})
    monkeypatch.setattr(rescorer_cv, "top_k", lambda D, scores, ks: {})
    monkeypatch.setattr(rescorer_cv, "_row", lambda *a: "")
    for name in ("index.verb", "data.verb", "index.noun", "data.noun"):
        (tmp_path / name).write_text("")
    variants = ["logistic", "logistic+sourceless", "logistic+verbclass"]
    assert rescorer_cv.main(["dump.pkl", "--wordnet", str(tmp_path), "--variants", *variants]) == 0
    assert len(reads) == 1 and given == [("logistic", None), ("logistic+sourceless", {"a": "Doc a"}),
                                         ("logistic+verbclass", {"a": "Doc a"})]
