"""Confidence of each attribution: a small trained filter that drops the unlikely ones.

The rules in `graphkit.attribution` find a candidate wherever a cue from
``models/cues.yaml`` has a frame they know. Some of those candidates are not
attributions a reader would count (a verb with an object that is not a claim,
a cue whose speaker is guessed wrong). This module scores each candidate with a
logistic regression over features of the record and the parse (cue lemma and
frame, claim kind, speaker type, content length and shape, distances, quote
marks, sentence position) and drops those below a threshold.

The weights live in ``models/attribution_filter.json`` (trained on PolNeAR's
training split by ``bench/train_filter.py``; see
``models/MODEL_CARD_attribution.md``). Inference is pure Python: no
scikit-learn, no download.

>>> from graphkit.nlp import load_spacy
>>> from graphkit.attribution import attributions
>>> doc = load_spacy()("Peskov said the talks were useful.")
>>> atts = attributions(doc)
>>> [round(s, 2) > 0.5 for s in score_attributions(doc, atts)]
[True]
>>> [(a.speaker_text, a.confidence > 0.5) for a in filter_attributions(doc, atts)]
[('Peskov', True)]
"""

from __future__ import annotations

import bisect
import json
import math
import os
from functools import lru_cache
from pathlib import Path
from typing import Optional

from .cues import ACCORDING_TO
from .doc_reading import doc_text, sentence_starts
from .errors import GraphkitError
from .extract import RELATIVE_SPEAKERS, set_off
from .records import Attribution
from .segments import segment_kind_at, segments
from .verb_classes import verb_class
from .words import MODALS

MODEL_FILE = "attribution_filter.json"
QUOTE_CHARS = set('"“”«»')
FIRST_PERSON = frozenset({"i", "we"})  # a speaker written so is the first person, its own speaker type
_SUBJ = {"nsubj", "nsubjpass", "csubj", "expl"}
#: the modals of the ``cue_modal`` feature ("would say", "might argue"), as the filter was trained: all but "can" and
#: "must"
CUE_MODALS = MODALS - {"can", "must"}


TAGGER_FILE = "attribution_tagger.json"  # the cue tagger's weights (graphkit.cue_tagger)


def _models_dir(name: str = MODEL_FILE) -> Path:
    from .knowledge import _PACKAGE_MODELS, _REPO_MODELS

    env = os.environ.get("GRAPHKIT_MODELS")
    if env and (Path(env) / name).exists():
        return Path(env)
    return _REPO_MODELS if (_REPO_MODELS / name).exists() else _PACKAGE_MODELS


def model_path() -> Path:
    """The weights file `load_filter` reads by default (``$GRAPHKIT_MODELS`` when it holds one, else models/)."""
    return _models_dir() / MODEL_FILE


def tagger_path() -> Path:
    """The cue tagger's weights file (:func:`graphkit.cue_tagger.load_tagger`), found as :func:`model_path`."""
    return _models_dir(TAGGER_FILE) / TAGGER_FILE


def read_model(p: Path, what: str) -> dict:
    """The JSON of the model file ``p``, cached until the file changes (`graphkit.fingerprint.file_stamp` moves; a file
    changed within the last seconds is read at each ask).

    ``what`` names the model in errors: a missing file or one that is not JSON raises GraphkitError
    saying how to get it back. The filter and the cue tagger (`graphkit.cue_tagger.load_tagger`) both
    read their weights through here.
    """
    from .fingerprint import file_stamp

    stamp = file_stamp(Path(p))
    return (_read_json if stamp is not None else _read_json.__wrapped__)(str(p), stamp, what)


@lru_cache(maxsize=8)
def _read_json(path: str, stamp, what: str) -> dict:
    p = Path(path)
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise GraphkitError(f"{what} not found at {p}; "
                            f"restore models/{p.name} or retrain with bench/train_filter.py") from e
    except json.JSONDecodeError as e:
        raise GraphkitError(f"{what} {p} is not valid JSON ({e}); "
                            "restore it from git or retrain with bench/train_filter.py") from e


def require_keys(raw: dict, p, what: str, table: str, *keys: str) -> dict:
    """``raw`` when it has the ``table`` (``weights``: a dict, ``trees``: a list) and ``keys``; else
    GraphkitError saying to retrain."""
    if not isinstance(raw, dict) or not isinstance(raw.get(table), dict if table == "weights" else list) \
            or any(k not in raw for k in keys):
        raise GraphkitError(f"{what} {p} lacks {'/'.join((table,) + keys)}; retrain it with bench/train_filter.py")
    return raw


def load_filter(path: Optional[str] = None) -> dict:
    """The filter model: {"weights": {feature: w}, "bias": b, "threshold": t, ...}; re-read when the file changes.

    >>> m = load_filter()
    >>> 0.0 < m["threshold"] < 1.0 and len(m["weights"]) > 10
    True
    """
    p = Path(path) if path else model_path()
    what = "attribution filter model"
    raw = read_model(p, what)
    gbm = isinstance(raw, dict) and raw.get("kind") == "gbm"
    return require_keys(raw, p, what, "trees" if gbm else "weights", "bias", "threshold")


def _bin(x: float, edges: tuple, name: str) -> str:
    for e in edges:
        if x <= e:
            return f"{name}<={e}"
    return f"{name}>{edges[-1]}"


def _tokens_in(doc, spans) -> list[int]:
    """The indices of the tokens under character ``spans`` (each widened to whole tokens), in span order."""
    toks: list[int] = []
    for s, e in spans:
        sp = doc.char_span(s, e, alignment_mode="expand")
        if sp is not None:
            toks.extend(range(sp.start, sp.end))
    return toks


class _DocArrays:
    """What :func:`features` reads of every token, read once per Doc as plain lists (a Token object per read
    cost more than the features): part of speech and dependency ids, absolute head, entity type, alphabetic,
    punctuation, finite verb form, upper-case first letter; and the Doc's text and segments."""

    def __init__(self, doc):
        from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_ALPHA, IS_PUNCT, MORPH, POS

        self.strings = strings = doc.vocab.strings
        arr = doc.to_array([POS, DEP, HEAD, ENT_TYPE, IS_ALPHA, IS_PUNCT, MORPH, IDX])
        self.text = text = doc_text(doc)
        self.pos = arr[:, 0].tolist()
        self.dep = arr[:, 1].tolist()
        self.verb_ids = {strings.add("VERB"), strings.add("AUX")}
        self.subj_ids = {strings.add(d) for d in _SUBJ}
        self.head = [i + (h - (1 << 64) if h >= 1 << 63 else h) for i, h in enumerate(arr[:, 2].tolist())]
        self.ent = arr[:, 3].tolist()
        self.alpha = arr[:, 4].tolist()
        self.punct = arr[:, 5].tolist()
        finite: dict[int, bool] = {}  # morphology hash → "Fin" among its VerbForm values
        morph = arr[:, 6].tolist()
        for i, h in enumerate(morph):
            if h not in finite:
                finite[h] = "Fin" in doc[i].morph.get("VerbForm")
        self.finite = [finite[h] for h in morph]
        self.upper = [a and text[k:k + 1].isupper() for a, k in zip(self.alpha, arr[:, 7].tolist())]
        self.segments = segments(text, doc.user_data.get("title"))


_LAST_DOC: list = [lambda: None, None]  # (weak reference to the last Doc scored, its _DocArrays)


def _arrays(doc) -> _DocArrays:
    """The :class:`_DocArrays` of ``doc``: a Doc's candidates are scored together, so they are read once and
    held beside a weak reference to it."""
    import weakref

    if _LAST_DOC[0]() is not doc:
        _LAST_DOC[:] = [weakref.ref(doc), _DocArrays(doc)]
    return _LAST_DOC[1]


def features(doc, att: Attribution, sent_starts: Optional[list] = None) -> dict[str, float]:
    """Feature name → value for one attribution in its parsed Doc (names are the model's keys).

    >>> from graphkit.nlp import load_spacy
    >>> from graphkit.attribution import attributions
    >>> doc = load_spacy()("Peskov said the talks were useful.")
    >>> f = features(doc, attributions(doc)[0])
    >>> f["lemma=say"], f["content_verb"], f["cue_before"]
    (1.0, 1.0, 1.0)
    """
    f: dict[str, float] = {}
    lemma = _record_features(att, f)
    a = _arrays(doc)
    _speaker_features(doc, a, att, f)
    roots, sent_starts = _content_features(doc, a, att, sent_starts, f)
    _cue_features(doc, a, att, lemma, roots, sent_starts, f)
    return f


def _record_features(att: Attribution, f: dict[str, float]) -> str:
    """Into ``f``, what the attribution's record says by itself (its cue's lemma, stance, kind, speaker type, flags
    of the rules and the tagger); returns the cue's lemma, which the cue's features join."""
    lemma = att.cue_lemma or att.cue.lower()
    f[f"lemma={lemma}"] = 1.0
    f[f"stance={att.stance}"] = 1.0
    f[f"kind={att.claim_kind}"] = 1.0
    f[f"lemma_kind={lemma}|{att.claim_kind}"] = 1.0
    stype = att.speaker_type or "none"
    low = (att.speaker_text or "").lower()
    if low in FIRST_PERSON:
        # "I believe that …" is the text's own voice (an op-ed's author, a letter's writer, an interview's answer;
        # a cue inside a quotation is no candidate), not "he believes": a speaker type of its own keeps the two
        # apart in every feature that joins it (PolNeAR annotates belief with a third-person pronoun less often)
        stype = "FIRST"
    f[f"stype={stype}"] = 1.0
    if att.speaker_span is None:
        f["no_speaker_span"] = 1.0
    if att.resolved_text and att.resolved_text != att.speaker_text:
        f["resolved_other"] = 1.0
    if att.continuation:
        f["continuation"] = 1.0
    if att.role:
        f["has_role"] = 1.0
    if att.organisation:
        f["has_org"] = 1.0
    if len(att.spans) > 1:
        f["multi_span"] = 1.0
    if low in ("i", "we", "you"):
        f["speaker_first_person"] = 1.0
    f[f"lemma_stype={lemma}|{stype}"] = 1.0  # "polls show" vs "Ukrainians have shown grit": who acts decides
    if att.reported_by_span is not None:
        f["nested"] = 1.0  # "X reported that Y said Z": Y's claim inside X's content
    if att.cue_score is not None:  # a cue of the learned tagger (graphkit.cue_tagger), not of the rules
        f["learned"] = 1.0
        f["learned_p"] = att.cue_score
        f[_bin(att.cue_score, (0.3, 0.4, 0.5, 0.6), "learned_p")] = 1.0

    return lemma


def _speaker_features(doc, a: _DocArrays, att: Attribution, f: dict[str, float]) -> None:
    """Into ``f``, the speaker phrase's head word (a name as ``<name>``), its dependency, length and number."""
    head = a.head
    if att.speaker_span is not None:
        stoks = _tokens_in(doc, [att.speaker_span])
        if stoks:
            sset = set(stoks)
            sroot = doc[next((i for i in stoks if head[i] not in sset or head[i] == i), stoks[-1])]
            # the head word for common nouns and pronouns ("spokesman", "he", "laws"); names are not
            # features: the model should not learn who PolNeAR's 2016 sources were
            f["spk_lemma=" + ("<name>" if sroot.pos_ == "PROPN" else sroot.lemma_.lower())] = 1.0
            f[f"spk_dep={sroot.dep_}"] = 1.0
            f[_bin(len(stoks), (1, 3, 6), "spklen")] = 1.0
            if sroot.tag_ in ("NNS", "NNPS"):
                f["spk_plural"] = 1.0


def _content_features(doc, a: _DocArrays, att: Attribution, sent_starts: Optional[list], f: dict[str, float]
                      ) -> tuple[list[int], list]:
    """Into ``f``, the content's length and shape (a verb, a subject, a finite clause, how it starts and ends, quote
    marks, title case, sentences, entities); returns the content's root tokens and the Doc's sentence starts."""
    head, pos, dep = a.head, a.pos, a.dep
    ctoks = _tokens_in(doc, att.spans)
    n = len(ctoks)
    f[_bin(n, (2, 4, 8, 15, 30, 60), "len")] = 1.0
    f["log_len"] = math.log1p(n) / 4.0
    cset = set(ctoks)
    if not a.verb_ids.isdisjoint([pos[i] for i in ctoks]):
        f["content_verb"] = 1.0
    if not a.subj_ids.isdisjoint([dep[i] for i in ctoks]):
        f["content_subj"] = 1.0
    if any(a.finite[i] for i in ctoks):
        f["content_finite"] = 1.0
    first_low = doc[ctoks[0]].lower_ if ctoks else None
    if first_low == "to":
        f["content_starts_to"] = 1.0
    if first_low == "that":
        f["content_starts_that"] = 1.0
    if any(ch in QUOTE_CHARS for ch in att.text):
        f["content_quote"] = 1.0
    if att.text.rstrip(" ”\"'").endswith("?"):
        f["content_question"] = 1.0
    words = [i for i in ctoks if a.alpha[i]]
    if len(words) >= 3 and sum(a.upper[i] for i in words) / len(words) > 0.6:
        f["content_titlecase"] = 1.0
    if ctoks and a.punct[ctoks[-1]]:
        f["content_ends_punct"] = 1.0
    if sent_starts is None:
        sent_starts = sentence_starts(doc)
    if ctoks and bisect.bisect_right(sent_starts, ctoks[0]) != bisect.bisect_right(sent_starts, ctoks[-1]):
        f["content_multi_sent"] = 1.0
    ents = [i for i in ctoks if a.ent[i]]
    if ctoks:
        f["ent_share"] = len(ents) / n
    roots = [i for i in ctoks if head[i] not in cset or head[i] == i]
    return roots, sent_starts


def _cue_token(doc, att: Attribution):
    """The token of the cue as written (the root of a cue of several words), or None when it has no span."""
    if att.cue_span is None:
        return None
    cs = doc.char_span(att.cue_span[0], att.cue_span[1], alignment_mode="expand")
    if cs is None or not len(cs):
        return None
    return cs.root if len(cs) > 1 else cs[0]


def _cue_word_features(cue_tok, f: dict[str, float]) -> None:
    """Into ``f``, the cue token itself: its part of speech, tag and dependency, a negation or modal on it, and a
    verb's broad class (:func:`_cue_class_feature`)."""
    f[f"cuepos={cue_tok.pos_}"] = 1.0
    _cue_class_feature(cue_tok, f)
    f[f"cuetag={cue_tok.tag_}"] = 1.0
    f[f"cuedep={cue_tok.dep_}"] = 1.0
    if any(c.dep_ == "neg" for c in cue_tok.children):
        f["cue_negated"] = 1.0
    if any(c.dep_ == "aux" and c.lower_ in CUE_MODALS for c in cue_tok.children):
        f["cue_modal"] = 1.0


def _cue_class_feature(cue_tok, f: dict[str, float]) -> None:
    """Into ``f``, ``cue_class=<class>`` for a verb cue WordNet knows, its most frequent sense's broad class
    (`graphkit.verb_classes`): "said" verb.communication, "imposed" verb.social; a noun cue or an unknown verb
    none. The lemma weighs each cue the re-scorer saw often; the class carries over to the tagger's verbs it saw
    too rarely, and tells a social act with its object from speech (issue 13, thirty-seventh part and session 56).

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words=["Ann", "imposed", "sanctions"], pos=["PROPN", "VERB", "NOUN"],
    ...           lemmas=["Ann", "impose", "sanction"])
    >>> f = {}; _cue_class_feature(doc[1], f); _cue_class_feature(doc[2], f); f
    {'cue_class=verb.social': 1.0}
    """
    if cue_tok.pos_ in ("VERB", "AUX"):
        cls = verb_class(cue_tok.lemma_)
        if cls is not None:
            f[f"cue_class={cls}"] = 1.0


def _root_dep_features(a: _DocArrays, cue_tok, lemma: str, roots: list[int], f: dict[str, float]) -> None:
    """Into ``f``, how the content's roots hang on the cue (the first of their dependencies on it, "none" when none
    does, "empty" without roots), alone and with the cue's lemma."""
    rootdeps = sorted({a.strings[a.dep[i]] for i in roots if a.head[i] == cue_tok.i})
    rd = rootdeps[0] if rootdeps else ("none" if roots else "empty")
    f[f"rootdep={rd}"] = 1.0
    f[f"lemma_rootdep={lemma}|{rd}"] = 1.0


def _cue_place_features(att: Attribution, lemma: str, f: dict[str, float]) -> None:
    """Into ``f``, where the cue stands against the content (before, after, inside; how far) and the speaker (how
    far, after the cue, inside the content). ``att`` has a cue span."""
    c0 = min(s for s, _ in att.spans)
    c1 = max(e for _, e in att.spans)
    cs0, cs1 = att.cue_span
    if cs1 <= c0:
        pos, dist = "before", c0 - cs1
    elif cs0 >= c1:
        pos, dist = "after", cs0 - c1
    else:
        pos, dist = "inside", 0
    f[f"cue_{pos}"] = 1.0
    f[f"lemma_pos={lemma}|{pos}"] = 1.0
    f[_bin(dist, (1, 3, 10, 40, 150), "cuedist")] = 1.0
    if att.speaker_span is not None:
        sd = min(abs(att.speaker_span[0] - cs1), abs(cs0 - att.speaker_span[1]))
        f[_bin(sd, (1, 3, 15, 60), "spkdist")] = 1.0
        if att.speaker_span[0] > cs0:
            f["speaker_after_cue"] = 1.0
        if c0 <= att.speaker_span[0] < c1:
            f["speaker_in_content"] = 1.0


def _cue_sentence_features(a: _DocArrays, cue_tok, sent_starts: list, f: dict[str, float]) -> None:
    """Into ``f``, the cue's sentence: a question, and where it stands in the article (index bins and fraction)."""
    sent = cue_tok.sent
    if a.text[sent.start_char:sent.end_char].rstrip().endswith("?"):  # = sent.text, without its tokens
        f["sent_question"] = 1.0
    k = bisect.bisect_right(sent_starts, sent.start) - 1
    f[_bin(k, (0, 2, 6, 15), "sentidx")] = 1.0
    f["sent_frac"] = k / max(1, len(sent_starts) - 1)


def _cue_features(doc, a: _DocArrays, att: Attribution, lemma: str, roots: list[int], sent_starts: list,
                  f: dict[str, float]) -> None:
    """Into ``f``, the cue's token (part of speech, negation, modal), the content roots' dependency on it, where it
    stands against the content and the speaker, its sentence, and the segment it is in (a headline's, a caption's)."""
    cue_tok = _cue_token(doc, att)
    if cue_tok is not None:
        _cue_word_features(cue_tok, f)
        _root_dep_features(a, cue_tok, lemma, roots, f)
        _cue_place_features(att, lemma, f)
        _cue_sentence_features(a, cue_tok, sent_starts, f)
    else:
        f["no_cue_span"] = 1.0
    if att.cue_span is not None:
        kind = segment_kind_at(a.segments, att.cue_span[0])
        if kind != "body":
            f[f"segment={kind}"] = 1.0  # a headline's claim ("Union leader says mayor will win"): title case, no verb


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _gbm_raw(model: dict, feats: dict[str, float]) -> float:
    """Log-odds of a gradient-boosted model stored as trees of nodes: a leaf is ``[value]``, a split
    ``[feature, threshold, left, right]`` (a feature absent from ``feats`` is 0; ``<=`` goes left)."""
    z = float(model["bias"])
    lr = float(model["learning_rate"])
    get = feats.get
    for nodes in model["trees"]:
        n = nodes[0]
        while len(n) > 1:
            n = nodes[n[2] if get(n[0], 0.0) <= n[1] else n[3]]
        z += lr * n[0]
    return z


def score_features(model: dict, feats: dict[str, float]) -> float:
    """The model's probability for one candidate's features (:func:`features`).

    >>> score_features({"weights": {"lemma=say": 2.0}, "bias": -1.0, "threshold": 0.5}, {"lemma=say": 1.0})
    0.7310585786300049
    """
    if model.get("kind") == "gbm":
        return _sigmoid(_gbm_raw(model, feats))
    w = model["weights"]
    z = float(model["bias"])
    for k, v in feats.items():
        wk = w.get(k)
        if wk is not None:
            z += wk * v
    return _sigmoid(z)


def score_attributions(doc, atts: list[Attribution], model: Optional[dict] = None) -> list[float]:
    """Probability in [0, 1] that each attribution is one PolNeAR would annotate, speaker included.

    >>> from graphkit.nlp import load_spacy
    >>> from graphkit.attribution import attributions
    >>> doc = load_spacy()("Lavrov warned that the talks would fail.")
    >>> [0.0 <= s <= 1.0 for s in score_attributions(doc, attributions(doc))]
    [True]
    """
    if not atts:
        return []
    m = model or load_filter()
    starts = sentence_starts(doc)
    return [score_features(m, features(doc, a, starts)) for a in atts]


def filter_attributions(doc, atts: list[Attribution], threshold: Optional[float] = None,
                        model: Optional[dict] = None) -> list[Attribution]:
    """The attributions scoring at least `threshold` (default: the model's tuned one), each with its `confidence`.

    A continuation quote (no cue of its own) is kept only when the claim it
    continues is kept, so a dropped claim does not leave its tail behind.

    >>> from graphkit.nlp import load_spacy
    >>> from graphkit.attribution import attributions
    >>> doc = load_spacy()("Peskov said the talks were useful.")
    >>> [a.text for a in filter_attributions(doc, attributions(doc))]
    ['the talks were useful']
    """
    if not atts:
        return []
    m = model or load_filter()
    t = float(m["threshold"]) if threshold is None else float(threshold)
    tl = float(m.get("threshold_learned", t)) if threshold is None else float(threshold)
    return apply_scores(atts, score_attributions(doc, atts, m), t, tl)


def apply_scores(atts: list[Attribution], scores: list[float], threshold: float,
                 learned_threshold: Optional[float] = None) -> list[Attribution]:
    """Keep the attributions whose score reaches `threshold` (`learned_threshold` for a cue of the learned
    tagger, which has no rule behind it; continuations follow their claim); of a nested pair kept both, the
    more confident one (:func:`nested_give_way`)."""
    tl = threshold if learned_threshold is None else learned_threshold
    out = []
    kept_cues: set = set()
    dropped_cues: set = set()
    for a, s in zip(atts, scores):
        if a.continuation and a.cue_span is not None and a.cue_span in dropped_cues and a.cue_span not in kept_cues:
            continue
        t = threshold if a.cue_score is None else tl
        if s >= t or (a.continuation and a.cue_span is not None and a.cue_span in kept_cues):
            out.append(a.model_copy(update={"confidence": round(s, 4)}))
            if a.cue_span is not None and not a.continuation:
                kept_cues.add(a.cue_span)
        elif a.cue_span is not None and not a.continuation:
            dropped_cues.add(a.cue_span)
    return nested_give_way(relays_give_way(out))


#: the cue lemma of a relay ("according to X": graphkit.cues.ACCORDING_TO, as its candidates write it)
RELAY_LEMMA = " ".join(ACCORDING_TO)


def relays_give_way(atts: list[Attribution]) -> list[Attribution]:
    """``atts`` less every relay's claim whose relayed speech is kept too, with its continuations.

    "“...,” Sanders said, according to CNN": the rules keep both candidates, CNN's claim (the relay, cue
    :data:`RELAY_LEMMA`) and Sanders's (``reported_by_span`` the relay's speaker;
    :data:`graphkit.attribution.RELAY_STANDS_IN`). Where the re-scorer keeps the speech, the speech is the claim and
    the relay its reporter, as issue 13 asks of a report of a report; where it drops the speech, the relay's claim
    stands in for it (PolNeAR gives the relay the source 35 times of 38 over train+dev).

    >>> def claim(words, cue, lemma, at, speaker, by=None):
    ...     return Attribution(spans=[(0, 10)], text=words, cue=cue, cue_lemma=lemma, cue_span=at, speaker_span=speaker,
    ...                        reported_by_span=by)
    >>> relay = claim("Lee said it", "according to", "according to", (12, 24), (25, 28))
    >>> speech = claim("it", "said", "say", (4, 8), (0, 3), by=(25, 28))
    >>> [a.cue for a in relays_give_way([relay, speech])], [a.cue for a in relays_give_way([relay])]
    (['said'], ['according to'])
    """
    relayed = {a.reported_by_span for a in atts if a.reported_by_span is not None and not a.continuation}
    if not relayed:
        return atts
    gone = {a.cue_span for a in atts
            if a.cue_span is not None and not a.continuation and a.cue_lemma == RELAY_LEMMA
            and a.speaker_span in relayed}
    if not gone:
        return atts
    return [a for a in atts if a.cue_span not in gone]  # the relay's continuations share its cue


def claim_groups(atts: list[Attribution]) -> list[list[int]]:
    """The indices of ``atts`` grouped into claims: a continuation (a quote sentence with no cue of its own) joins
    the latest claim with its cue, anything else starts a claim of its own.

    The one home of the continuation fold: :func:`nested_give_way` weighs a claim with its continuations, and the
    PolNeAR export (``bench/eval_attribution.claims_for``) writes each group as one claim.

    >>> said = Attribution(spans=[(0, 10)], text="a", cue="said", cue_span=(12, 16))
    >>> more = Attribution(spans=[(20, 30)], text="b", cue="said", cue_span=(12, 16), continuation=True)
    >>> other = Attribution(spans=[(40, 50)], text="c", cue="told", cue_span=(52, 56))
    >>> loose = Attribution(spans=[(60, 70)], text="d", cue="said", continuation=True)  # no cue span: its own claim
    >>> claim_groups([said, other, more, loose])
    [[0, 2], [1], [3]]
    """
    groups: list[list[int]] = []
    latest: dict = {}  # cue span -> index in groups of the latest claim with that cue
    for i, a in enumerate(atts):
        if a.continuation and a.cue_span is not None and a.cue_span in latest:
            groups[latest[a.cue_span]].append(i)
            continue
        if a.cue_span is not None:
            latest[a.cue_span] = len(groups)
        groups.append([i])
    return groups


def _one_speaker_nested(a: Attribution, b: Attribution, a_spans: list, b_spans: list) -> bool:
    """Do ``a`` and ``b`` have one speaker (the same span) and the cue of one inside the other's content ("Russia
    continues to demand that ...": the "continues" claim and the "demand" claim, both Russia's)?"""
    if a.speaker_span is None or a.speaker_span != b.speaker_span:
        return False

    def inside(cue, spans):
        return cue is not None and any(s <= cue[0] < e for s, e in spans)

    return inside(b.cue_span, a_spans) or inside(a.cue_span, b_spans)


def _gives_way(outer: list[Attribution], content: list, inner: Attribution) -> bool:
    """Does ``inner``'s speaker stand inside ``content`` (the more confident claim ``outer``'s, with its
    continuations), unless ``inner`` is a relative clause's claim the writer set off as an aside
    (:func:`graphkit.extract.set_off`)?"""
    sp = inner.speaker_span
    if sp is None or not any(sp[0] < e and s < sp[1] for s, e in content):
        return False
    return (inner.speaker_text or "").lower() not in RELATIVE_SPEAKERS or not set_off(outer, sp[0])


def nested_give_way(atts: list[Attribution]) -> list[Attribution]:
    """``atts`` less every claim whose speaker stands inside the content of a more confident claim of ``atts``, or
    that has the speaker of a more confident claim and a cue inside its content or holding it in its own
    (:func:`_one_speaker_nested`).

    A claim spoken by someone inside another claim's words is nested in it. The rules drop a nested candidate
    before scoring, but keep both of a few pairs for the re-scorer to weigh: a sentence with a cue of its own under
    a trailing "according to" ("Many economists believe the plan will fail, according to a survey": the survey's
    claim and the economists'), a speaker's words that report another's thought. PolNeAR annotates one claim of a
    nested pair, never both: of two kept, the one with the lower confidence gives way, with its continuations
    (equal confidence: the later one); a more confident inner claim leaves its outer one standing. A relative
    clause's own claim set off as an aside ("..., which says ...", speaker :data:`graphkit.extract.RELATIVE_SPEAKERS`,
    a comma or dash before it: :func:`graphkit.extract.set_off`) never gives way: it is the writer's aside, and
    :func:`graphkit.extract.cut_relative_asides` ends the outer claim where it begins. A restrictive one ("critical of
    Republicans who suggest ...", "a voice that said ...") is part of what the outer claim says and gives way as any
    nested claim (−71: 5-fold CV on PolNeAR train+dev, issue 13: +0.04 all, +0.13 speech fair, speech fair up on
    every fold; every relative clause giving way +0.03 / +0.18, but an aside is a claim of its own).
    The nested pair's rule itself (−52): 5-fold CV on PolNeAR train+dev +0.04 all, +0.10 speech fair; speech fair up
    on every fold, all within −0.005 (fold 1) to +0.11 a fold (bench/README.md, issue 13). Of one speaker's two
    claims, one cue inside the other's content ("Russia continues to demand that ...", kept both by
    :func:`graphkit.attribution._own_infinitive`), the less confident gives way too: PolNeAR annotates one of them
    (5-fold CV with the pair kept both: −0.05 / −0.14 without this, +0.03 / +0.05 with it; issue 13).

    >>> def claim(spans, speaker, confidence, who="the residents"):
    ...     return Attribution(spans=spans, text="words", cue="said", speaker_span=speaker, speaker_text=who,
    ...                        confidence=confidence)
    >>> outer = claim([(10, 60)], (0, 9), 0.9)
    >>> inner = claim([(40, 60)], (20, 29), 0.6)  # its speaker (20-29) inside the outer's content
    >>> [a.confidence for a in nested_give_way([outer, inner])]
    [0.9]
    >>> [a.confidence for a in nested_give_way([outer.model_copy(update={"confidence": 0.5}), inner])]
    [0.5, 0.6]
    >>> t = "The mayor said that the report, which says costs will rise, is late."
    >>> def part(words, cue, who, confidence):
    ...     at, by = t.index(words), t.index(who)
    ...     return Attribution(spans=[(at, at + len(words))], text=words, cue=cue, speaker_span=(by, by + len(who)),
    ...                        speaker_text=who, confidence=confidence)
    >>> said = part("that the report, which says costs will rise, is late", "said", "The mayor", 0.9)
    >>> says = part("costs will rise", "says", "which", 0.6)
    >>> [a.cue for a in nested_give_way([said, says])]       # an aside: both stay
    ['said', 'says']
    >>> t = "The mayor said that reports which say costs will rise are late."
    >>> said = part("that reports which say costs will rise are late", "said", "The mayor", 0.9)
    >>> [a.cue for a in nested_give_way([said, part("costs will rise", "say", "which", 0.6)])]   # restrictive
    ['said']
    """
    groups = claim_groups(atts)
    if len(groups) < 2:
        return atts
    content = [[s for i in g for s in atts[i].spans] for g in groups]
    order = sorted(range(len(groups)), key=lambda k: -atts[groups[k][0]].confidence)  # stable: earlier first
    gone: set = set()
    for n, j in enumerate(order):
        if j in gone:
            continue
        for k in order[n + 1:]:
            inner = atts[groups[k][0]]
            if k not in gone and _gives_way([atts[i] for i in groups[j]], content[j], inner):
                gone.add(k)
            elif k not in gone and _one_speaker_nested(atts[groups[j][0]], inner, content[j], content[k]):
                gone.add(k)
    if not gone:
        return atts
    drop = {i for k in gone for i in groups[k]}
    return [a for i, a in enumerate(atts) if i not in drop]
