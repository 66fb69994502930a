"""The learned cue tagger (graphkit.cue_tagger): what it proposes beside the rules, what the re-scorer keeps."""

from __future__ import annotations

import json

import pytest
from checkout_paths import ROOT

from graphkit.attribution import attributions
from graphkit.confidence import filter_attributions
from graphkit.cue_tagger import content_of, load_tagger, tagged_candidates, token_features
from graphkit.errors import GraphkitError
from graphkit.nlp import load_spacy


@pytest.fixture(scope="module")
def nlp():
    return load_spacy()


# sentence, speaker, content, cue: an attribution no rule finds, which the tagger proposes and the re-scorer keeps
LEARNED_KEPT = [
    ("Clinton's promise to raise the minimum wage won applause.", "Clinton", "to raise the minimum wage", "promise"),
]

# sentence, cue: the tagger proposes a candidate (low score) and the re-scorer drops it: an act, not speech
LEARNED_DROPPED = [
    ("She bought a new car last week.", "bought"),
    ("She extolled the quiet charms of Maine.", "extolled"),  # PolNeAR would keep it; too rare to score high
]

# sentence: nothing proposed at all
NOTHING = [
    "He played golf with his brother.",
    "The mayor opened the new bridge on Monday.",
]

# sentence, cue of the rules: a rule cue is never proposed again by the tagger
RULED = [
    ("Cruz has repeatedly questioned Trump's conservative credentials.", "questioned"),
    ("Republicans fear that the nominee will lose the state.", "fear"),
]

# sentence, cue, frame, content words: the candidate content_of builds from the cue head
FRAMES = [
    ("Obama lamented that Congress had failed to act.", "lamented", "clause", "Congress had failed to act"),
    ("Trump vowed to build a wall.", "vowed", "to", "to build a wall"),
    ("He extolled the virtues of Vermont.", "extolled", "object", "the virtues of Vermont"),
    ("The senators sparred over military spending.", "sparred", "prep", "military spending"),
    ("Smith's proposal to ban cars drew criticism.", "proposal", "noun", "to ban cars"),
]


@pytest.mark.parametrize("sentence,speaker,content,cue", LEARNED_KEPT, ids=[c[3] for c in LEARNED_KEPT])
def test_tagger_finds_what_the_rules_miss(nlp, sentence, speaker, content, cue):
    doc = nlp(sentence)
    assert not [a for a in attributions(doc, tagger=False) if content in a.text], "the rules find it now; pick another case"
    kept = [a for a in filter_attributions(doc, attributions(doc)) if content in a.text]
    assert kept and kept[0].speaker_text == speaker and kept[0].cue == cue
    assert kept[0].cue_score is not None and 0.0 < kept[0].cue_score <= 1.0


@pytest.mark.parametrize("sentence,cue", LEARNED_DROPPED, ids=[c[1] for c in LEARNED_DROPPED])
def test_rescorer_drops_weak_tagger_candidates(nlp, sentence, cue):
    doc = nlp(sentence)
    proposed = [a for a in attributions(doc) if a.cue == cue]
    assert proposed and proposed[0].cue_score is not None, "the tagger no longer proposes it; pick another case"
    assert not [a for a in filter_attributions(doc, proposed) if a.cue == cue]


@pytest.mark.parametrize("sentence", NOTHING)
def test_no_candidate_for_plain_acts(nlp, sentence):
    assert attributions(nlp(sentence)) == []


@pytest.mark.parametrize("sentence,cue", RULED, ids=[c[1] for c in RULED])
def test_rule_cues_stay_the_rules(nlp, sentence, cue):
    doc = nlp(sentence)
    atts = attributions(doc)
    assert [a.cue_score for a in atts if a.cue == cue] == [None]
    assert all(a.cue_score is None for a in atts)
    assert atts == attributions(doc, tagger=False) or len(atts) >= len(attributions(doc, tagger=False))


@pytest.mark.parametrize("sentence,cue,frame,content", FRAMES, ids=[c[2] for c in FRAMES])
def test_content_of_the_cue_head(nlp, sentence, cue, frame, content):
    doc = nlp(sentence)
    t = next(t for t in doc if t.text == cue)
    idx, subj, got = content_of(t)
    assert got == frame and subj is not None
    text = doc[min(idx):max(idx) + 1].text
    assert content in text


def test_scores_are_deterministic_and_threshold_applies(nlp):
    doc = nlp("Clinton's promise to raise the minimum wage won applause. She bought a new car last week.")
    a = [(c.anchor.i, c.score) for c in tagged_candidates(doc, threshold=0.0)]
    assert a == [(c.anchor.i, c.score) for c in tagged_candidates(doc, threshold=0.0)]
    assert all(0.0 <= s <= 1.0 for _, s in a)
    assert tagged_candidates(doc, threshold=1.0) == []


def test_features_are_from_the_parse(nlp):
    f = token_features(nlp("Cruz blasted the plan.")[1])
    assert f["lemma=blast"] == f["ch=dobj"] == 1.0
    assert all(v == 1.0 for v in f.values())


# sentence, token, its head features: a token's head (lemma of a verb or noun, else its part of speech) and its
# dependency under the head's part of speech; a root has no head, so none (spaCy's Token is made anew on each
# access: `t.head is t` never holds, and the root used to get its own lemma as its head)
HEADS = [
    ("Cruz blasted the plan.", "blasted", set()),
    ("Cruz said he blasted the plan.", "blasted", {"head=say", "headdep=ccomp|VERB"}),
    ("Smith's proposal to ban cars drew criticism.", "proposal", {"head=draw", "headdep=nsubj|VERB"}),
]


@pytest.mark.parametrize("sentence,word,heads", HEADS, ids=[c[1] + str(i) for i, c in enumerate(HEADS)])
def test_head_features_of_a_token(nlp, sentence, word, heads):
    t = next(t for t in nlp(sentence) if t.text == word)
    assert {k for k in token_features(t) if k.startswith(("head=", "headdep="))} == heads


@pytest.mark.parametrize("content,fix", [
    ("{not json", "not valid JSON"),
    (json.dumps({"weights": {}}), "lacks weights/bias/threshold"),
    ("[1, 2]", "lacks weights/bias/threshold"),                       # JSON, but not a model
])
def test_bad_model_file_says_cause_and_fix(tmp_path, content, fix):
    p = tmp_path / "attribution_tagger.json"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(GraphkitError, match=fix):
        load_tagger(str(p))


def test_shipped_model_is_small_and_named():
    m = load_tagger()
    assert 0.0 < m["threshold"] < 1.0 and m["command"] == "python bench/train_filter.py"
    assert len(json.dumps(m)) < 50_000_000


def _article(text: str, source: str, cue: str, content: str) -> dict:
    span = lambda w: [{"start": text.index(w), "end": text.index(w) + len(w), "text": w}]
    return {"id": "t", "text": text, "attributions": [
        {"source": span(source), "cue": span(cue), "content": span(content)}]}


def test_training_rows_and_fit_are_deterministic(nlp):
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from train_tagger import fit_tagger, rows_of

    arts = [
        _article("He extolled the virtues of Vermont. She bought a car.", "He", "extolled", "the virtues of Vermont"),
        _article("Smith's proposal to ban cars drew fire. He ate lunch.", "Smith", "proposal", "to ban cars"),
        _article("Cruz slammed the deal. They played golf.", "Cruz", "slammed", "the deal"),
    ]
    rows = []
    for a in arts:
        doc = nlp(a["text"])
        rows += rows_of(a, doc, attributions(doc, tagger=False))
    assert any(r[1] for r in rows) and not all(r[1] for r in rows)  # positives the rules miss, and negatives
    a, b = fit_tagger(rows, min_count=1), fit_tagger(rows, min_count=1)
    assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


_FEATURE_ORDER = r'''
import json, sys
sys.path.insert(0, "bench")
from graphkit.nlp import load_spacy
from graphkit.attribution import attributions
from graphkit.confidence import features
from graphkit.cue_tagger import DocFlags, candidate_features, candidate_of
from graphkit.cues import default_cues
nlp = load_spacy()
out = []
for text in ("She extolled the quiet charms of Maine to a crowd that cheered.",
             "Cruz, challenging the majority leader, said the plan was dead and warned that it would fail."):
    doc = nlp(text)
    flags = DocFlags(doc)
    for t in doc:
        found = candidate_of(t, default_cues())
        if found is not None:
            out.append(list(candidate_features(t, *found, flags).items()))
    out += [list(features(doc, a).items()) for a in attributions(doc)]
print(json.dumps(out))
'''


def test_features_do_not_depend_on_the_hash_seed():
    """Two processes with different string hash seeds give the same features in the same order: the order of a
    candidate's features is the order the training matrix and the scores add them up in, so a set iterated
    into them would make two runs of `python bench/train_filter.py` write different weights."""
    import os
    import subprocess
    import sys

    runs = [subprocess.run([sys.executable, "-c", _FEATURE_ORDER], cwd=ROOT, capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")]
    assert json.loads(runs[0]) and runs[0] == runs[1]
