"""Re-scorers compared by 5-fold CV over PolNeAR train+dev, offline, from an out-of-fold dump (bench/oof_dump.py).

    python bench/rescorer_cv.py bench/_work/oof.pkl                        # the dump's own scores and a refit
    python bench/rescorer_cv.py bench/_work/oof.pkl --variants logistic hgb hgb+context

Each variant is fitted per fold on the other folds' candidates (the same folds, candidates and labels as the dump;
a fold's articles never train the model that scores them) and scored by the PolNeAR scorer over the threshold grid
of ``bench/train_filter.py`` (rule candidates x tagger candidates). For each variant the command prints the grid
point :func:`train_filter.choose` would ship and, at that point and at the shipped thresholds, the per-fold
all / speech-fair F1s and their paired differences against the first variant, the out-of-fold ROC AUC, and the right
candidates among each origin's top K by score (:func:`top_k`). The candidates and their frames do
not change here: this measures the re-scorer alone (bench/README.md, issue 13, twentieth part).

Variants (:data:`VARIANTS`):

- ``dump``: the dump's own out-of-fold scores (what ``--cv 5`` measured);
- ``logistic``: the shipped learner refitted (reproduces ``dump``);
- ``hgb``: scikit-learn's HistGradientBoostingClassifier over the same features (fixed random_state, no early
  stopping: deterministic);
- ``context`` / ``hgb+context``: the features plus :func:`context_features` (what the other candidates of the
  article say about this one), logistic / gradient-boosted;
- ``band``: the shipped logistic, and for the candidates it scores in :data:`BAND` a gradient-boosted specialist
  (:func:`band_scores`);
- ``hgb+te`` / ``hgb+te+context``: gradient boosting with the wide families (:data:`WIDE`: the cue lemma and its
  crosses, the speaker's head word) each one number, its value's rate of right candidates (:func:`target_encoded`,
  out of fold within the training folds);
- ``logistic+te``: the shipped learner with the cue lemma's rate of right candidates beside its one-hot features
  (the cue's precision computed inside the training folds only; issue 13, twenty-ninth part);
- ``logistic+te3``: the same for the lemma, its speaker-type cross and the speaker's head word (:data:`TE_BESIDE`);
- ``logistic+overlap``: the shipped learner with :func:`overlap_features` (how a tagger candidate overlaps the rules';
  for a dump where they compete by score, ``bench/experiments/issue13_e2e_label_overlap.diff``);
- ``logistic+voice``: the shipped learner with :func:`voice_features` (the writer's own first person around the
  claim: the "no source" claims);
- ``logistic+learned``: the shipped learner with :func:`learned_crosses` (the tagger's candidates weighed apart);
- ``logistic+sourceless``: the shipped learner with :func:`sourceless_features` (a conditional or modal cue, a
  speaker that is no one in particular, no name in the sentence: the "no source" claims; issue 13, thirtieth part);
- ``logistic+verbclass`` / ``logistic+objclass``: the shipped learner with :func:`word_class_features`, the cue
  verb's or the content's object noun's broad class in WordNet (``--wordnet DIR``; issue 13, thirty-seventh part).

``--groups`` adds a threshold per group of candidates (:func:`group_of`: a quote or clause of the rules, the rules'
other contents, the tagger's) to the grid; ``--nested`` the thresholds chosen by nested CV (:func:`nested`).
"""

from __future__ import annotations

import argparse
import collections
import math
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from graphkit.errors import GraphkitError  # noqa: E402
from graphkit.words import MODALS as WORD_MODALS  # noqa: E402
from wordnet import wordnet_classes  # noqa: E402  (the WordNet classes' one home)

HGB = {"max_iter": 300, "learning_rate": 0.05, "max_leaf_nodes": 31, "min_samples_leaf": 20, "l2_regularization": 1.0}


def context_features(atts: list, text_len: int) -> list[dict[str, float]]:
    """What the article's other candidates say about each candidate (numbers a tree can split on).

    - ``ctx_same_cue``: other candidates on the same cue (another speaker or content read from one word);
    - ``ctx_holds`` / ``ctx_held``: other candidates' cues inside this content / this cue inside another content;
    - ``ctx_overlap``: the largest share of this content another candidate's content covers;
    - ``ctx_lemma_n`` / ``ctx_speaker_n``: candidates of the article with this cue lemma / this speaker (log);
    - ``ctx_n``: candidates in the article (log); ``ctx_pos``: where the cue stands in the article (0-1);
    - ``ctx_near``: characters to the nearest other cue (log).

    >>> from graphkit.records import Attribution
    >>> a = Attribution(text="x", spans=[(10, 20)], speaker_text="A", cue="said", cue_span=(5, 9))
    >>> b = Attribution(text="y", spans=[(25, 30)], speaker_text="B", cue="said", cue_span=(12, 16))
    >>> [(f["ctx_holds"], f["ctx_held"]) for f in context_features([a, b], 100)]
    [(1.0, 0.0), (0.0, 1.0)]
    """
    from attribution_cv import chars as chars_of

    chars = [chars_of(a.spans) for a in atts]
    lemmas = collections.Counter((a.cue_lemma or a.cue.lower()) for a in atts)
    speakers = collections.Counter((a.resolved_text or a.speaker_text or "").lower() for a in atts)
    out = []
    for i, a in enumerate(atts):
        cue = a.cue_span
        same = holds = held = 0
        overlap = 0.0
        near = 10_000
        for j, b in enumerate(atts):
            if j == i:
                continue
            if cue is not None and b.cue_span == cue:
                same += 1
                continue
            if b.cue_span is not None and b.cue_span[0] in chars[i]:
                holds += 1
            if cue is not None and cue[0] in chars[j]:
                held = 1
            if chars[i]:
                overlap = max(overlap, len(chars[i] & chars[j]) / len(chars[i]))
            if cue is not None and b.cue_span is not None:
                near = min(near, abs(b.cue_span[0] - cue[0]))
        out.append({"ctx_same_cue": float(same), "ctx_holds": float(holds), "ctx_held": float(held),
                    "ctx_overlap": overlap,
                    "ctx_lemma_n": math.log1p(lemmas[a.cue_lemma or a.cue.lower()] - 1),
                    "ctx_speaker_n": math.log1p(speakers[(a.resolved_text or a.speaker_text or "").lower()] - 1),
                    "ctx_n": math.log1p(len(atts)),
                    "ctx_pos": (cue[0] / max(1, text_len)) if cue is not None else -1.0,
                    "ctx_near": math.log1p(near)})
    return out


#: the writer's own first person, as a word (:func:`voice_features`)
FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|me|my|My|we|We|we're|We're|us|our|Our)\b")


def voice_features(atts: list, text: str) -> list[dict[str, float]]:
    """The writer's own voice around each candidate: ``voice_article=none/low/high`` (first-person words outside
    quotation marks per 1,000 words of the article: 0, under 5, more) and ``voice_sentence`` (one in the candidate's
    sentence outside its content and speaker): a claim no one said, the writer's own judgement given to a name nearby.

    >>> from graphkit.records import Attribution
    >>> text = 'We think so. Ann Lee said the plan "we made" was dead, and I agree.'
    >>> a = Attribution(text="x", spans=[(23, 44)], cue="said", cue_span=(21, 25), speaker_span=(13, 20),
    ...                 sentence_span=(13, 67))
    >>> voice_features([a], text)
    [{'voice_article=high': 1.0, 'voice_sentence': 1.0}]
    """
    from graphkit.quotes import find_quotes

    quotes = find_quotes(text)
    own = [m.start() for m in FIRST_PERSON.finditer(text) if not any(s <= m.start() < e for s, e in quotes)]
    rate = 1000 * len(own) / max(1, len(text.split()))
    art = {f"voice_article={'none' if not own else 'low' if rate < 5 else 'high'}": 1.0}
    out = []
    for a in atts:
        f = dict(art)
        if a.sentence_span is not None:
            s0, s1 = a.sentence_span
            spk = a.speaker_span or (-1, -1)
            if any(s0 <= p < s1 and not spk[0] <= p < spk[1] and not any(s <= p < e for s, e in a.spans) for p in own):
                f["voice_sentence"] = 1.0
        out.append(f)
    return out


#: subordinators that make a cue's clause a hypothesis (:func:`sourceless_features`)
CONDITIONAL = frozenset({"if", "unless", "whether", "suppose", "supposing"})
#: determiners that make a common-noun speaker no one in particular ("a typical voter", "any candidate")
GENERIC_DET = frozenset({"a", "an", "any", "every", "each", "no"})
#: speakers that are no one in particular by themselves
GENERIC_SPEAKER = frozenset({"you", "one", "anyone", "anybody", "everyone", "everybody", "someone", "somebody"})
#: modal auxiliaries (graphkit.words.MODALS) and their contracted forms ("he'll see", "she'd argue")
MODALS = WORD_MODALS | {"'ll", "’ll", "'d", "’d"}


def sourceless_features(doc, atts: list) -> list[dict[str, float]]:
    """What says a candidate is the writer's own judgement or a hypothesis given a speaker (issue 13, "no source"
    claims): ``sl_conditional`` its cue's clause (or a clause above it) opened by "if" / "unless" / "whether";
    ``sl_modal`` a modal on the cue or on the verb its infinitive hangs on ("will see", "might argue", "can say");
    ``sl_generic`` a speaker that is no one in particular ("a typical voter", "you", "anyone"); ``sl_no_name`` no
    name (PROPN or named entity) in the cue's sentence outside the content; ``sl_generic_no_name`` both.

    >>> from graphkit.nlp import load_spacy
    >>> from graphkit.attribution import attributions
    >>> doc = load_spacy()("If a typical voter sees the ad ten times, he will say it is unfair.")
    >>> [sorted(f) for f in sourceless_features(doc, attributions(doc, tagger=False))]
    [['sl_conditional', 'sl_generic', 'sl_generic_no_name', 'sl_modal', 'sl_no_name'], ['sl_conditional', 'sl_modal', 'sl_no_name']]
    """
    out = []
    for a in atts:
        f: dict[str, float] = {}
        cue = doc.char_span(*a.cue_span, alignment_mode="expand") if a.cue_span else None
        if cue is None or not len(cue):
            out.append(f)
            continue
        v = cue.root
        chain, t = [v], v
        while t.head is not t and t.dep_ in ("xcomp", "ccomp", "conj", "advcl", "relcl", "acl", "pcomp", "prep"):
            t = t.head
            chain.append(t)
        clauses = chain + [c for c in v.children if c.dep_ == "advcl"]  # "If ..., he will say"
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL for u in clauses for c in u.children):
            f["sl_conditional"] = 1.0
        if any(c.dep_ == "aux" and c.lower_ in MODALS for u in chain[:2] for c in u.children):
            f["sl_modal"] = 1.0
        spk = doc.char_span(*a.speaker_span, alignment_mode="expand") if a.speaker_span else None
        if spk is not None and len(spk):
            h = spk.root
            if h.lower_ in GENERIC_SPEAKER or (h.pos_ == "NOUN" and any(
                    c.dep_ == "det" and c.lower_ in GENERIC_DET for c in h.children)):
                f["sl_generic"] = 1.0
        content = {i for s, e in a.spans for i in range(s, e)}
        sent = v.sent
        if not any((t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")) and t.idx not in content
                   for t in sent):
            f["sl_no_name"] = 1.0
            if "sl_generic" in f:
                f["sl_generic_no_name"] = 1.0
        out.append(f)
    return out


def word_class_features(doc, atts: list, verbs: dict[str, str], nouns: dict[str, str],
                        what: str = "cue") -> list[dict[str, float]]:
    """A candidate's words by WordNet's broad class (:func:`wordnet_classes`; issue 13, thirty-seventh part: an act
    with its object kept as a claim). ``what`` "cue": ``cue_class=<file>`` for a cue that is a verb WordNet knows
    ("said" verb.communication, "imposed" verb.social); "object": ``obj_class=<file>`` for the noun the content is
    about (the cue's direct object, else the object of a preposition on it, else the content's head noun; a name
    ``<name>``, a pronoun ``<pron>``, a noun WordNet lacks ``<unknown>``).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> from graphkit.records import Attribution
    >>> doc = Doc(spacy.blank("en").vocab, words=["Ann", "imposed", "sanctions"], heads=[1, 1, 1],
    ...           deps=["nsubj", "ROOT", "dobj"], pos=["PROPN", "VERB", "NOUN"], lemmas=["Ann", "impose", "sanction"])
    >>> a = Attribution(text="x", spans=[(4, 22)], cue="imposed", cue_span=(4, 11), speaker_span=(0, 3))
    >>> v, n = {"impose": "verb.social"}, {"sanction": "noun.act"}
    >>> word_class_features(doc, [a], v, n), word_class_features(doc, [a], v, n, "object")
    ([{'cue_class=verb.social': 1.0}], [{'obj_class=noun.act': 1.0}])
    """
    out = []
    for a in atts:
        f: dict[str, float] = {}
        span = doc.char_span(*a.cue_span, alignment_mode="expand") if a.cue_span else None
        cue = span.root if span is not None and len(span) else None
        if cue is not None and what == "cue":
            if cue.pos_ in ("VERB", "AUX") and cue.lemma_.lower() in verbs:
                f[f"cue_class={verbs[cue.lemma_.lower()]}"] = 1.0
        elif cue is not None:
            inside = {t.i for s, e in a.spans for t in (doc.char_span(s, e, alignment_mode="expand") or [])}
            objs = ([c for c in cue.children if c.dep_ in ("dobj", "attr", "oprd") and c.i in inside]
                    or [g for c in cue.children if c.dep_ == "prep" for g in c.children
                        if g.dep_ == "pobj" and g.i in inside]
                    or [doc[i] for i in sorted(inside) if doc[i].pos_ in ("NOUN", "PROPN")
                        and (doc[i].head.i not in inside or doc[i].head.i == i)])
            if objs:
                t = objs[0]
                v = ("<name>" if t.pos_ == "PROPN" or t.ent_type_ else "<pron>" if t.pos_ == "PRON"
                     else nouns.get(t.lemma_.lower(), "<unknown>"))
                f[f"obj_class={v}"] = 1.0
        out.append(f)
    return out


#: the feature families :func:`learned_crosses` gives the tagger's candidates a weight of their own in
LEARNED_CROSSED = ("stype", "rootdep", "cuetag", "cuedep", "kind", "stance", "len")


def learned_crosses(atts: list, feats: list[dict]) -> list[dict[str, float]]:
    """For a candidate of the cue tagger, its :data:`LEARNED_CROSSED` features again under ``learned|``: the same
    parse shape weighed apart for the tagger's candidates (a split re-scorer inside one model).

    >>> from graphkit.records import Attribution
    >>> a = Attribution(text="x", spans=[(0, 5)], cue="blasted", cue_score=0.4)
    >>> learned_crosses([a, a.model_copy(update={"cue_score": None})], [{"kind=indirect": 1.0, "lemma=blast": 1.0}] * 2)
    [{'learned|kind=indirect': 1.0}, {}]
    """
    return [{f"learned|{k}": v for k, v in f.items() if k.split("=")[0].split("<")[0].split(">")[0] in LEARNED_CROSSED}
            if a.cue_score is not None else {} for a, f in zip(atts, feats)]


def overlap_features(atts: list) -> list[dict[str, float]]:
    """How each candidate of the cue tagger overlaps the rules' candidates of its article: ``ov_cue_in_rule`` (its cue
    inside a rule candidate's content), ``ov_holds_rule_cue`` (a rule cue inside its content), ``ov_half`` (over half
    of its content a rule candidate's); nothing for a rule candidate.

    >>> from graphkit.records import Attribution
    >>> rule = Attribution(text="x", spans=[(10, 60)], cue="said", cue_span=(5, 9))
    >>> tagged = Attribution(text="y", spans=[(30, 70)], cue="blasted", cue_span=(22, 29), cue_score=0.4)
    >>> overlap_features([rule, tagged])
    [{}, {'ov_cue_in_rule': 1.0, 'ov_half': 1.0}]
    """
    from graphkit.attribution import rule_overlaps

    rules = [a for a in atts if a.cue_score is None]
    ruled = {c for a in rules for s, e in a.spans for c in range(s, e)}
    cues = frozenset(a.cue_span[0] for a in rules if a.cue_span is not None)
    out = []
    for a in atts:
        f: dict[str, float] = {}
        if a.cue_score is not None:
            own = {c for s, e in a.spans for c in range(s, e)}
            cue = a.cue_span[0] if a.cue_span is not None else -1
            f.update({OVERLAP_FEATURES[k]: 1.0 for k in rule_overlaps(cue, own, cues, ruled) if k in OVERLAP_FEATURES})
        out.append(f)
    return out


#: :func:`graphkit.attribution.rule_overlaps`'s ways as :func:`overlap_features`' names (``rule_cue`` has none: the
#: tagger never proposes a candidate at a rule's cue)
OVERLAP_FEATURES = {"inside_rule_content": "ov_cue_in_rule", "rule_cue_inside": "ov_holds_rule_cue",
                    "half_ruled": "ov_half"}


def group_of(att, feats: dict) -> str:
    """The threshold group of ``--groups``: ``tagger`` (a cue of the tagger), ``said`` (a rule candidate whose content
    is a quotation or the cue's clause: what speech verbs report), ``other`` (the rules' objects, infinitives,
    prepositional objects and the rest: acts and attitudes).

    >>> from graphkit.records import Attribution
    >>> a = Attribution(text="x", spans=[(0, 5)], cue="praised", claim_kind="indirect")
    >>> group_of(a, {"rootdep=ccomp": 1.0}), group_of(a, {"rootdep=dobj": 1.0})
    ('said', 'other')
    """
    if att.cue_score is not None:
        return "tagger"
    return "said" if att.claim_kind != "indirect" or "rootdep=ccomp" in feats else "other"


def _matrix(feats: list[dict], names: list[str]):
    import numpy as np

    col = {n: j for j, n in enumerate(names)}
    X = np.zeros((len(feats), len(names)), dtype=np.float32)
    for i, f in enumerate(feats):
        for k, v in f.items():
            j = col.get(k)
            if j is not None:
                X[i, j] = v
    return X


def fit_hgb(feats: list[dict], y: list[int], min_count: int):
    """A gradient-boosted re-scorer over these features: a function from a list of feature dicts to probabilities."""
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier

    from train_filter import kept_features

    names = sorted({k for f in kept_features(feats, min_count) for k in f})  # the features the logistic would keep
    m = HistGradientBoostingClassifier(**HGB, early_stopping=False, random_state=0)
    m.fit(_matrix(feats, names), np.asarray(y))
    return lambda fs: m.predict_proba(_matrix(fs, names))[:, 1].tolist()


def fit_logistic(feats: list[dict], y: list[int], params: dict):
    """The shipped learner (``train_filter.fit``) refitted: a function from feature dicts to probabilities."""
    from train_filter import fit

    from graphkit.confidence import score_features

    m = fit(feats, y, kind="logistic", params={**params, "threshold": 0.5})
    return lambda fs: [score_features(m, x) for x in fs]


#: the feature families with hundreds of values (a cue lemma and its crosses, the speaker's head word): a tree
#: splits one value off at a time, so :func:`target_encoded` gives each family one number instead
WIDE = ("lemma", "lemma_kind", "lemma_stype", "lemma_rootdep", "lemma_pos", "spk_lemma")


def target_encoded(train_feats, train_y, train_groups, k: int = 5, smooth: float = 10.0, families=WIDE):
    """The wide families' one-hot features replaced by their value's smoothed rate of right candidates:
    (encoded training features, an encoder for new ones).

    A training candidate's rates come from the other inner folds' articles (``train_groups``: each candidate's
    article; folds by a hash of it), so the learner never sees its own label through them; new candidates get
    the rates of the whole training set. A value never seen gets the base rate.

    >>> X = [{"lemma=say": 1.0}, {"lemma=say": 1.0}, {"lemma=show": 1.0}, {"lemma=show": 1.0}]
    >>> _, enc = target_encoded(X, [1, 1, 0, 0], ["a", "b", "c", "d"], smooth=0.0, families=("lemma",))
    >>> enc([{"lemma=say": 1.0, "cue_before": 1.0}])
    [{'cue_before': 1.0, 'te_lemma': 1.0}]
    """
    fam = set(families)

    def split(f):
        keys = {k.split("=", 1)[0]: k for k in f if "=" in k and k.split("=", 1)[0] in fam}
        rest = {k: v for k, v in f.items() if not ("=" in k and k.split("=", 1)[0] in fam)}
        return keys, rest

    def rates(idx):
        n, p = collections.Counter(), collections.Counter()
        for i in idx:
            for key in split(train_feats[i])[0].values():
                n[key] += 1
                p[key] += train_y[i]
        base = sum(train_y[i] for i in idx) / max(1, len(idx))

        def enc(f):
            keys, rest = split(f)
            out = dict(rest)
            for fm in families:
                key = keys.get(fm)
                out[f"te_{fm}"] = (p[key] + smooth * base) / (n[key] + smooth) if key and n[key] + smooth else base
            return out
        return enc

    import hashlib

    inner = [int(hashlib.sha1(g.encode()).hexdigest(), 16) % k for g in train_groups]
    enc = [None] * len(train_feats)
    for f in range(k):
        r = rates([i for i in range(len(train_feats)) if inner[i] != f])
        for i in range(len(train_feats)):
            if inner[i] == f:
                enc[i] = r(train_feats[i])
    r_all = rates(range(len(train_feats)))
    return enc, lambda fs: [r_all(x) for x in fs]


VARIANTS = ("dump", "logistic", "hgb", "context", "hgb+context", "hgb+te", "hgb+te+context", "band", "logistic+te",
            "logistic+te3", "logistic+overlap", "logistic+voice", "logistic+learned", "logistic+sourceless",
            "logistic+verbclass", "logistic+objclass")

#: the families ``logistic+te`` / ``logistic+te3`` give a rate of right candidates beside their one-hot features
TE_BESIDE = {"logistic+te": ("lemma",), "logistic+te3": ("lemma", "lemma_stype", "spk_lemma")}

#: the uncertain band of the ``band`` variant: candidates the shipped logistic scores in it get a second model's score
BAND = (0.30, 0.75)


def training_articles(D: dict, f: int) -> dict[str, dict]:
    """The articles (and their candidates) fold ``f``'s re-scorer trains on: the other folds' articles, or under a
    ``--strict`` dump the candidates made for fold f by taggers that never saw it (``oof_dump.dump``)."""
    if "train" in D:
        return D["train"][f]
    return {i: d for i, d in D["arts"].items() if d["fold"] != f}


#: the variants whose features read each article's parse (`oof_scores`' ``docs``)
PARSE_VARIANTS = ("logistic+sourceless", "logistic+verbclass", "logistic+objclass")


def oof_scores(D: dict, variant: str, texts: dict[str, str], log=print, docs=None,
               wordnet=None) -> dict[str, list[float]]:
    """Each article's out-of-fold scores under ``variant`` (:data:`VARIANTS`); ``texts``: each article's text;
    ``docs``: each article's parsed Doc (``logistic+sourceless``, ``+verbclass`` and ``+objclass`` read the parse);
    ``wordnet``: a WordNet 3.0 database directory (``+verbclass``, ``+objclass``)."""
    ids = list(D["arts"])
    text_len = {i: len(t) for i, t in texts.items()}
    if variant == "dump":
        return {i: D["arts"][i]["scores"] for i in ids}
    if variant == "band":
        return band_scores(D, text_len, log=log)
    s = D["settings"]
    params = {"C": s.get("C") or 0.3, "min_count": s.get("min_count") or 15}
    with_ctx = variant.endswith("context")
    te_beside = TE_BESIDE.get(variant)  # rates beside the one-hots, not instead of the wide families
    with_te = "+te" in variant and not te_beside

    def feats_of(i, d):
        if with_ctx:
            return [{**f, **c} for f, c in zip(d["feats"], context_features(d["atts"], text_len[i]))]
        if variant == "logistic+voice":
            return [{**f, **c} for f, c in zip(d["feats"], voice_features(d["atts"], texts[i]))]
        if variant == "logistic+learned":
            return [{**f, **c} for f, c in zip(d["feats"], learned_crosses(d["atts"], d["feats"]))]
        if variant == "logistic+overlap":
            return [{**f, **c} for f, c in zip(d["feats"], overlap_features(d["atts"]))]
        if variant in PARSE_VARIANTS:
            return [{**f, **c} for f, c in zip(d["feats"], parse_cache[i])]
        return d["feats"]

    if variant == "logistic+sourceless":
        parse_cache = {i: sourceless_features(docs[i], d["atts"]) for i, d in D["arts"].items()}
    elif variant in ("logistic+verbclass", "logistic+objclass"):
        verbs, nouns = wordnet_classes(wordnet, "verb"), wordnet_classes(wordnet, "noun")
        what = "cue" if variant == "logistic+verbclass" else "object"
        parse_cache = {i: word_class_features(docs[i], d["atts"], verbs, nouns, what) for i, d in D["arts"].items()}

    out = {}
    for f in range(D["settings"]["k"]):
        t0 = time.perf_counter()
        tr = training_articles(D, f)
        X = [x for i, d in tr.items() for x in feats_of(i, d)]
        y = [v for d in tr.values() for v in d["labels"]]
        groups = [i for i, d in tr.items() for _ in d["labels"]]
        encode = None
        if with_te:
            X, encode = target_encoded(X, y, groups)
        elif te_beside:
            rates, enc = target_encoded(X, y, groups, families=te_beside)
            beside = lambda fs, rs: [{**x, **{k: v for k, v in r.items() if k.startswith("te_")}} for x, r in zip(fs, rs)]
            X = beside(X, rates)
            encode = lambda fs, enc=enc: beside(fs, enc(fs))
        if variant.startswith("hgb"):
            model = fit_hgb(X, y, params["min_count"])
        else:
            model = fit_logistic(X, y, params)
        for i in ids:
            if D["arts"][i]["fold"] == f:
                fs = feats_of(i, D["arts"][i])
                out[i] = model(encode(fs) if encode else fs) if fs else []
        log(f"  {variant} fold {f} fitted ({time.perf_counter() - t0:.0f}s)")
    return out


def band_scores(D: dict, text_len: dict[str, int], band=BAND, log=print) -> dict[str, list[float]]:
    """Out-of-fold scores of a specialist for the uncertain band: the shipped logistic scores every candidate; those
    it scores inside ``band`` are scored again by gradient boosting (target-encoded wide families, the context
    features and the logistic's score) fitted on the training candidates inside the band. The training candidates'
    logistic scores are themselves out of fold (inner folds over the training folds), as the test fold's are."""
    s = D["settings"]
    params = {"C": s.get("C") or 0.3, "min_count": s.get("min_count") or 15}
    lo, hi = band

    def with_base(i, d, base):
        return [{**f, **c, "base": b} for f, c, b in zip(d["feats"], context_features(d["atts"], text_len[i]), base)]

    out = {}
    for f in range(s["k"]):
        t0 = time.perf_counter()
        tr = training_articles(D, f)
        base = {}
        for g in range(s["k"]):
            if g != f:
                inner = {i: d for i, d in tr.items() if D["arts"][i]["fold"] != g}
                m = fit_logistic([x for d in inner.values() for x in d["feats"]],
                                 [y for d in inner.values() for y in d["labels"]], params)
                base.update({i: m(d["feats"]) for i, d in tr.items() if D["arts"][i]["fold"] == g})
        X, y, groups = [], [], []
        for i, d in tr.items():
            for x, lab, b in zip(with_base(i, d, base[i]), d["labels"], base[i]):
                if lo <= b <= hi:
                    X.append(x)
                    y.append(lab)
                    groups.append(i)
        X, encode = target_encoded(X, y, groups)
        second = fit_hgb(X, y, params["min_count"])
        first = fit_logistic([x for d in tr.values() for x in d["feats"]], [v for d in tr.values() for v in d["labels"]],
                             params)
        for i, d in D["arts"].items():
            if d["fold"] == f:
                b = first(d["feats"]) if d["feats"] else []
                again = second(encode(with_base(i, d, b))) if b else []
                out[i] = [a if lo <= x <= hi else x for x, a in zip(b, again)]
        log(f"  band fold {f} fitted ({len(X)} training candidates in the band; {time.perf_counter() - t0:.0f}s)")
    return out


def top_k(D: dict, scores: dict, ks: dict[str, tuple]) -> dict[str, list[tuple[int, int, float]]]:
    """Right candidates among each origin's top K by score: {"rules" / "tagger": [(K, right, the K-th score)]}.

    Continuations are left out (they follow their claim). Where a better ordering lies: at the threshold or
    above it, among candidates every model keeps (bench/README.md, issue 13 twentieth part).

    >>> from graphkit.records import Attribution
    >>> a = [Attribution(text="x", spans=[(0, 1)], cue="said"), Attribution(text="x", spans=[(0, 1)], cue="said"),
    ...      Attribution(text="x", spans=[(0, 1)], cue="said", cue_score=0.4)]
    >>> D = {"arts": {"a": {"atts": a, "labels": [0, 1, 1]}}}
    >>> top_k(D, {"a": [0.9, 0.6, 0.5]}, {"rules": (1, 2), "tagger": (1,)})
    {'rules': [(1, 0, 0.9), (2, 1, 0.6)], 'tagger': [(1, 1, 0.5)]}
    """
    rows: dict[str, list] = {"rules": [], "tagger": []}
    for i, d in D["arts"].items():
        for a, lab, sc in zip(d["atts"], d["labels"], scores[i]):
            if not a.continuation:
                rows["tagger" if a.cue_score is not None else "rules"].append((sc, lab))
    out = {}
    for org, r in rows.items():
        r.sort(key=lambda x: -x[0])
        out[org] = [(k, sum(lab for _, lab in r[:k]), r[k - 1][0]) for k in ks[org] if k <= len(r)]
    return out


#: the K of :func:`top_k` the command prints (the shipped thresholds keep ~14,300 rule and ~535 tagger candidates)
TOP_K = {"rules": (8000, 10000, 12000, 14000), "tagger": (300, 500, 700, 900)}


def grid(D: dict, arts: dict, scores: dict, thresholds, learned) -> list[dict]:
    """Each threshold pair's records as ``train_filter.choose`` reads them (per-fold figures kept too)."""
    import attribution_cv as cv
    from train_filter import objective

    from graphkit.confidence import apply_scores

    sc = cv.scorer()
    k = D["settings"]["k"]
    out = []
    for t in thresholds:
        for tl in learned:
            fold_counts = []
            for f in range(k):
                ids = [i for i in D["arts"] if D["arts"][i]["fold"] == f]
                preds = {i: cv.export(arts[i], apply_scores(D["arts"][i]["atts"], scores[i], t, tl))
                         for i in ids}
                fold_counts.append(cv.counts(sc, [arts[i] for i in ids], preds))
            r = cv.from_counts(sc, cv.pooled(fold_counts))
            per = [cv.from_counts(sc, c) for c in fold_counts]
            out.append({"thresholds": (t, tl), "objective": objective(r), "all": r["all"]["e2e_F1"],
                        "kept": r["all"]["n_pred"], "per_fold": [objective(x) for x in per],
                        "folds": [(x["all"]["e2e_F1"], x["speech"]["e2e_F1_fair"]) for x in per], "figures": r,
                        "counts": fold_counts})
    return out


#: ``--groups``: the thresholds of the rules' other candidates tried beside the shipped grid's (:func:`group_of`)
THRESHOLDS_OTHER = (0.45, 0.50, 0.55, 0.60, 0.65)


def grid_groups(D: dict, arts: dict, scores: dict, thresholds, other, learned) -> list[dict]:
    """:func:`grid` with a threshold of its own for the rules' ``other`` candidates (:func:`group_of`): each record's
    ``thresholds`` are (the ``said`` candidates', the ``other`` ones', the tagger's). A threshold t_o of the others
    is t of the rules' shifted by t_o - t, so ``apply_scores`` keeps the same candidates as thresholds of their own
    would (confidences shift with it: a nested pair's give-way may differ)."""
    groups = {i: [group_of(a, f) for a, f in zip(d["atts"], d["feats"])] for i, d in D["arts"].items()}
    out = []
    for t in thresholds:
        for t_o in other:
            shifted = {i: [min(1.0, max(0.0, x - (t_o - t))) if g == "other" else x for x, g in zip(s, groups[i])]
                       for i, s in scores.items()}
            for x in grid(D, arts, shifted, (t,), learned):
                out.append({**x, "thresholds": (t, t_o, x["thresholds"][1])})
    return out


def nested(records: list[dict], pooled) -> list[dict]:
    """The threshold pair chosen by nested CV: for each fold f, the grid point ``train_filter.choose`` ships when the
    grid is scored on the other folds alone (its objective, e2e F1 and claims pooled over them by ``pooled(record,
    folds)``, returning (objective, all, kept); its per-fold objectives those folds'), so fold f never chooses the
    thresholds it is scored with. Returns, per fold, the chosen record (of the whole grid, as :func:`grid` gives it).

    >>> pool = lambda x, folds: (sum(x["per_fold"][g] for g in folds) / len(folds), 0.0, 0)
    >>> g = [{"thresholds": (0.45, 0.6), "per_fold": [79.0, 78.0, 77.0]},
    ...      {"thresholds": (0.5, 0.6), "per_fold": [78.0, 78.5, 78.5]}]
    >>> [x["thresholds"][0] for x in nested(g, pool)]   # folds 1-2 prefer 0.50 clearly; 0-2 and 0-1 within noise
    [0.5, 0.45, 0.45]
    """
    from train_filter import choose

    k = len(records[0]["per_fold"])
    out = []
    for f in range(k):
        folds = [g for g in range(k) if g != f]
        inner = []
        for n, x in enumerate(records):
            obj, a, kept = pooled(x, folds)
            inner.append({"objective": obj, "all": a, "kept": kept, "thresholds": x["thresholds"], "n": n,
                          "per_fold": [x["per_fold"][g] for g in folds]})
        out.append(records[choose(inner)["n"]])
    return out


def nested_row(records: list[dict]) -> dict:
    """A :func:`_row` record of the nested choice (:func:`nested`): each fold's figures at the point the other folds
    chose (``thresholds`` then names the points, one a fold)."""
    import attribution_cv as cv
    from train_filter import objective

    sc = cv.scorer()

    def pooled(x, folds):
        r = cv.from_counts(sc, cv.pooled([x["counts"][g] for g in folds]))
        return objective(r), r["all"]["e2e_F1"], r["all"]["n_pred"]

    picks = nested(records, pooled)
    folds = [p["folds"][f] for f, p in enumerate(picks)]
    r = cv.from_counts(sc, cv.pooled([p["counts"][f] for f, p in enumerate(picks)]))
    return {"thresholds": [p["thresholds"] for p in picks], "folds": folds, "figures": r, "kept": r["all"]["n_pred"]}


def auc(D: dict, scores: dict) -> dict[str, float]:
    """Out-of-fold ROC AUC of the scores against the labels, pooled: all candidates, the rules', the tagger's."""
    from sklearn.metrics import roc_auc_score

    out = {}
    for name, keep in (("all", lambda a: True), ("rules", lambda a: a.cue_score is None),
                       ("tagger", lambda a: a.cue_score is not None)):
        y, s = [], []
        for i, d in D["arts"].items():
            for a, lab, sc in zip(d["atts"], d["labels"], scores[i]):
                if keep(a):
                    y.append(lab)
                    s.append(sc)
        out[name] = roc_auc_score(y, s)
    return out


def _row(name: str, x: dict, base: dict | None) -> str:
    a = [v for v, _ in x["folds"]]
    s = [v for _, v in x["folds"]]
    th = x["thresholds"]
    point = lambda p: "/".join(f"{v:.2f}" for v in p)
    at = point(th) if isinstance(th, tuple) else "folds " + " ".join(point(p) for p in th)  # nested: one a fold
    line = (f"{name} {at}: CV {statistics.mean(a):.2f} ± "
            f"{statistics.stdev(a):.2f} / {statistics.mean(s):.2f} ± {statistics.stdev(s):.2f} (pooled "
            f"{x['figures']['all']['e2e_F1']:.2f} / {x['figures']['speech']['e2e_F1_fair']:.2f}, kept {x['kept']}); "
            f"folds {', '.join(f'{u:.1f}/{v:.1f}' for u, v in x['folds'])}")
    if base is not None:
        da = [u - v for (u, _), (v, _) in zip(x["folds"], base["folds"])]
        ds = [u - v for (_, u), (_, v) in zip(x["folds"], base["folds"])]
        line += (f"\n    paired vs first: all {statistics.mean(da):+.2f} ({' '.join(f'{d:+.2f}' for d in da)}), "
                 f"speech fair {statistics.mean(ds):+.2f} ({' '.join(f'{d:+.2f}' for d in ds)})")
    return line


def main(argv=None) -> int:
    import attribution_cv as cv
    from oof_dump import load
    from train_filter import THRESHOLDS, THRESHOLDS_LEARNED, choose

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dump", type=Path, help="a pickle written by bench/oof_dump.py")
    ap.add_argument("--variants", nargs="+", choices=VARIANTS, default=["dump", "logistic"])
    ap.add_argument("--groups", action="store_true",
                    help="a threshold of their own for the rules' candidates whose content is no quotation or clause "
                         "(rules' quote-or-clause / rules' other / tagger's; five times the grid)")
    ap.add_argument("--nested", action="store_true",
                    help="also the thresholds chosen by nested CV: each fold scored at the grid point the other folds "
                         "choose (seconds)")
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"),
                    help="a WordNet 3.0 database directory, for logistic+verbclass / +objclass (Debian: "
                         "apt-get install wordnet-base)")
    a = ap.parse_args(argv)
    wordnet_files = [a.wordnet / f"{kind}.{pos}" for kind in ("index", "data") for pos in ("verb", "noun")]
    if {"logistic+verbclass", "logistic+objclass"} & set(a.variants) and not all(f.exists() for f in wordnet_files):
        raise GraphkitError(f"no WordNet database in {a.wordnet} (index.verb, data.verb, index.noun, data.noun): "
                            "install one (apt-get install wordnet-base) or give its directory with --wordnet DIR")
    D = load(a.dump)
    arts = {x["id"]: x for x in cv.load_articles()}
    shipped = (D["settings"]["threshold"], D["settings"]["threshold_learned"])
    if a.groups:  # the rules' other candidates at the rules' threshold
        shipped = (shipped[0], shipped[0], shipped[1])
    first: dict = {}
    parsed: dict = {}  # each article's Doc, read from the parse cache once, for the first variant that reads the parse
    for v in a.variants:
        t0 = time.perf_counter()
        if v in PARSE_VARIANTS and not parsed:
            parsed.update((x["id"], d) for x, d in zip(*cv.train_dev_parsed()))
        docs = parsed if v in PARSE_VARIANTS else None
        scores = oof_scores(D, v, {i: x["text"] for i, x in arts.items()}, docs=docs, wordnet=a.wordnet)
        g = (grid_groups(D, arts, scores, THRESHOLDS, THRESHOLDS_OTHER, THRESHOLDS_LEARNED) if a.groups else
             grid(D, arts, scores, THRESHOLDS, THRESHOLDS_LEARNED))
        at = {x["thresholds"]: x for x in g}
        pick = choose(g)
        if not first:
            first = {"pick": pick, "shipped": at[shipped]}
        au = auc(D, scores)
        print(f"== {v} ({time.perf_counter() - t0:.0f}s); grid best objective {max(x['objective'] for x in g):.2f}; "
              f"AUC {au['all']:.3f} (rules {au['rules']:.3f}, tagger {au['tagger']:.3f})")
        print(_row("shipped thresholds", at[shipped], first["shipped"] if v != a.variants[0] else None))
        print(_row("chosen (settled)", pick, first["pick"] if v != a.variants[0] else None), flush=True)
        if a.nested:
            row = nested_row(g)
            first.setdefault("nested", row)
            print(_row("chosen by nested CV", row, first["nested"] if v != a.variants[0] else None), flush=True)
        for org, rows in top_k(D, scores, TOP_K).items():
            print(f"    right among the top K, {org}: " + ", ".join(f"{k}: {r} ({s:.2f})" for k, r, s in rows))
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("rescorer_cv", main))
