"""A learned cue tagger beside the rules: verbs and nouns that introduce an attribution the lexicon misses.

The rules of :mod:`graphkit.frames` find a candidate only where a cue of ``models/cues.yaml`` takes a
frame they know. A third of PolNeAR's attributions have none ("She extolled the quiet charms of
Maine", "Cruz, challenging the trustworthiness of the majority leader", "the governor's plan to close
the mines"): a long tail of verbs and nouns no word list keeps up with. This module scores every verb
and noun of a Doc with a logistic regression over its parse (lemma, part of speech, dependency, its
children's relations, its subject's kind, its head) — the probability that it heads the cue of an
attribution — and builds a candidate from each token that scores high enough and is not already a
rule cue: the speaker is the token's subject (a noun's possessor), the content the first of its clause,
infinitive, object or prepositional object (:func:`content_of`). The candidates go through the same
assembly as the rules' (quotes, nesting, speakers) and then the re-scorer of
:mod:`graphkit.confidence`, which decides, as for the rules' candidates.

The weights live in ``models/attribution_tagger.json`` (PolNeAR train, ``bench/train_filter.py``;
``models/MODEL_CARD_attribution.md``). Inference is pure Python over the parse.

>>> from graphkit.doc_reading import parsed_as_written
>>> doc = parsed_as_written("She extolled the quiet charms of Maine.", pos="PRON VERB DET ADJ NOUN ADP PROPN PUNCT",
...     tags="PRP VBD DT JJ NNS IN NNP .", deps="nsubj ROOT det amod dobj prep pobj punct", heads="1 1 4 4 1 4 5 1",
...     lemmas="she extoll the quiet charm of Maine .", ents="O O O O O O B-GPE O",
...     morphs="_ Tense=Past|VerbForm=Fin _ _ _ _ _ _")
>>> [(c.cue_toks[0].text, c.subj.text, doc[min(c.content):max(c.content) + 1].text, c.frame)
...  for c in tagged_candidates(doc, threshold=0.0)]
[('extolled', 'She', 'the quiet charms of Maine', 'learned')]
"""

from __future__ import annotations

import bisect
import math
from pathlib import Path
from typing import Optional

from spacy.tokens import Doc, Token

from .confidence import TAGGER_FILE as MODEL_FILE
from .confidence import read_model, require_keys, tagger_path
from .cues import Cues, default_cues
from . import frames_verb_content
from .frames_parse import CueCandidate, not_a_source, span_tokens, verb_subject
from .frames_verb_content import edge_span, shown_act

__all__ = ["MODEL_FILE", "load_tagger", "token_features", "candidate_features", "DocFlags", "content_of", "candidate_of",
           "subject_tokens", "proposals", "tagged_candidates", "score_token"]

#: parts of speech the tagger scores (PolNeAR's missed cues: 80 % verbs and auxiliaries, 13 % nouns)
POS = ("VERB", "AUX", "NOUN")
#: children relations read as features (the frame a token takes)
_CHILD_DEPS = ("ccomp", "xcomp", "dobj", "prep", "nsubj", "nsubjpass", "agent", "poss", "acl", "advcl", "neg", "aux",
               "auxpass", "dative", "oprd", "attr", "acomp", "mark", "relcl", "punct", "prt", "conj")
_PREPS_OF_NOUN = ("of", "on", "for", "about", "against", "to", "over", "with")


def load_tagger(path: Optional[str] = None) -> dict:
    """The tagger model {"weights", "bias", "threshold", ...}; re-read when the file changes.

    >>> m = load_tagger()
    >>> 0.0 < m["threshold"] < 1.0 and len(m["weights"]) > 100
    True
    """
    p = Path(path) if path else tagger_path()
    what = "attribution tagger model"
    return require_keys(read_model(p, what), p, what, "weights", "bias", "threshold")


def _kind(t: Optional[Token]) -> str:
    if t is None:
        return "none"
    if t.pos_ == "PRON":
        return "pron:" + t.lower_ if t.lower_ in ("i", "we", "you", "he", "she", "they", "it") else "pron"
    return t.ent_type_ or t.pos_


_UNSET = object()


def token_features(t: Token, subj=_UNSET) -> dict[str, float]:
    """Feature name → value for one token as a possible cue head (all binary, from the parse only).

    >>> from graphkit.doc_reading import parsed_as_written
    >>> doc = parsed_as_written("Cruz blasted the plan.", pos="PROPN VERB DET NOUN PUNCT", heads="1 1 3 1 1",
    ...                         deps="nsubj ROOT det dobj punct", lemmas="Cruz blast the plan .",
    ...                         ents="B-PERSON O O O O")
    >>> f = token_features(doc[1])
    >>> f["lemma=blast"], f["ch=dobj"], f["subj=PERSON"]
    (1.0, 1.0, 1.0)
    """
    lemma = t.lemma_.lower()
    f = {f"lemma={lemma}": 1.0, f"pos={t.pos_}": 1.0, f"tag={t.tag_}": 1.0, f"dep={t.dep_}": 1.0,
         f"lemma_dep={lemma}|{t.dep_}": 1.0}
    h = t.head
    if h.i != t.i:  # a root is its own head (spaCy makes a new Token object on each access: no `is`)
        f[f"head={h.lemma_.lower() if h.pos_ in ('VERB', 'AUX', 'NOUN') else h.pos_}"] = 1.0
        f[f"headdep={t.dep_}|{h.pos_}"] = 1.0
    deps = set()
    for c in t.children:
        d = c.dep_
        if d in _CHILD_DEPS:
            deps.add(d)
            if d in ("prep", "prt", "mark", "aux", "neg") and c.i > t.i or d == "mark":
                f[f"{d}={c.lower_}"] = 1.0
                f[f"lemma_{d}={lemma}|{c.lower_}"] = 1.0
            if d == "punct" and c.text == ":" and c.i > t.i:
                f["colon_after"] = 1.0
    for d in sorted(deps):  # a fixed order: the features' sum must not depend on the string hash seed
        f[f"ch={d}"] = 1.0
    for d in ("ccomp", "xcomp", "dobj", "prep", "poss", "acl"):
        if d in deps:
            f[f"lemma_ch={lemma}|{d}"] = 1.0
    if subj is _UNSET:  # the speaker head, as content_of finds it
        subj = verb_subject(t)[0] if t.pos_ != "NOUN" else next((c for c in t.children if c.dep_ == "poss"), None)
    k = _kind(subj)
    f[f"subj={k}"] = 1.0
    f[f"lemma_subj={lemma}|{k if k.startswith('pron') else ('named' if subj is not None and subj.ent_type_ else k)}"] = 1.0
    if subj is not None and subj.i > t.i:
        f["subj_after"] = 1.0
    if t.i + 1 < len(t.doc) and t.doc[t.i + 1].text in ("“", '"', ":"):
        f["quote_or_colon_next"] = 1.0
    return f


class DocFlags:
    """What :func:`candidate_features` asks of every content token, read once per Doc as arrays (no Token
    objects): finite verbs, subjects, quote marks, entity tokens, the sentences that end in a question mark,
    and which verbs and nouns can head a candidate at all (:meth:`may_hold`)."""

    def __init__(self, doc: Doc):
        import numpy as np
        from spacy.attrs import DEP, ENT_IOB, HEAD, MORPH, ORTH
        from spacy.attrs import POS as POS_ATTR
        from spacy.symbols import AUX, NOUN, VERB

        from .doc_reading import doc_text, sentences

        strings = doc.vocab.strings
        arr = doc.to_array([POS_ATTR, DEP, ENT_IOB, ORTH, MORPH, HEAD])
        pos, dep, iob, orth, morph = (arr[:, k] for k in range(5))
        heads = (arr[:, 5].view(np.int64) + np.arange(len(doc), dtype=np.int64)).tolist()
        verb = (pos == VERB) | (pos == AUX)
        self.tagged = np.flatnonzero(verb | (pos == NOUN)).tolist()  # the tokens the tagger reads
        finite_morphs: dict[int, bool] = {}  # morphology hash → "Fin" among its VerbForm values
        self.finite = set()
        for i, h in zip(np.flatnonzero(verb).tolist(), morph[verb].tolist()):
            fin = finite_morphs.get(h)
            if fin is None:
                fin = finite_morphs[h] = "Fin" in doc[i].morph.get("VerbForm")
            if fin:
                self.finite.add(i)
        ids = {name: strings.add(name) for name in ("nsubj", "nsubjpass", "ccomp", "xcomp", "dobj", "prep", "punct",
                                                    "poss", "amod", "compound", "aux", "auxpass")}
        self.subj = set(np.flatnonzero((dep == ids["nsubj"]) | (dep == ids["nsubjpass"])).tolist())
        self.quote = set(np.flatnonzero(np.isin(orth, [strings.add(q) for q in ('"', "“", "”")])).tolist())
        self.ent = set(np.flatnonzero((iob == 1) | (iob == 3)).tolist())
        self._heads_content(dep.tolist(), heads, orth.tolist(), pos.tolist(), ids, strings.add(":"), NOUN)
        text = doc_text(doc)
        self.starts, self.question = [], []
        for sent in sentences(doc):  # a span's text is the Doc's text between its first and last characters
            self.starts.append(sent.start)
            self.question.append(text[sent.start_char:sent.end_char].rstrip().endswith("?"))

    def _heads_content(self, dep: list, heads: list, orth: list, pos: list, ids: dict, colon: int, noun: int) -> None:
        """`may_hold`'s table: a noun with a possessor (its speaker); a verb with a child that can give a
        content (:func:`content_of`: a clause anywhere; an infinitive, object, prepositional phrase or colon
        after it); neither a modifier, compound nor auxiliary."""
        possessed, contentful = set(), set()
        after = {ids["xcomp"], ids["dobj"], ids["prep"]}
        for k, (d, h) in enumerate(zip(dep, heads)):
            if h == k:
                continue
            if d == ids["poss"]:
                possessed.add(h)
            elif d == ids["ccomp"] or k > h and (d in after or d == ids["punct"] and orth[k] == colon):
                contentful.add(h)
        not_heads = {ids["amod"], ids["compound"], ids["aux"], ids["auxpass"]}
        self._may = {i for i in self.tagged if dep[i] not in not_heads
                     and (i in possessed if pos[i] == noun else i in contentful)}

    def may_hold(self, i: int) -> bool:
        """Whether token ``i`` can give a candidate (:func:`candidate_of`); False skips it without reading its
        parse again: a necessary condition only (a noun's possessor is its speaker; a verb's content is one of
        its children), so the candidates are those :func:`candidate_of` finds for every tagged token."""
        return i in self._may

    def in_question(self, i: int) -> bool:
        return self.question[bisect.bisect_right(self.starts, i) - 1]


def candidate_features(t: Token, content: set, subj: Token, frame: str,
                       flags: Optional[DocFlags] = None) -> dict[str, float]:
    """:func:`token_features` and the shape of the candidate built from ``t``: frame, content length, a finite
    verb / subject / quote in the content, where the speaker and content stand (``flags``: the Doc's
    :class:`DocFlags`, read once per Doc by the caller)."""
    flags = flags or DocFlags(t.doc)
    f = token_features(t, subj)
    lemma = t.lemma_.lower()
    f[f"frame={frame}"] = 1.0
    f[f"lemma_frame={lemma}|{frame}"] = 1.0
    n = len(content)
    f["len=" + next((str(e) for e in (2, 4, 8, 15, 30, 60) if n <= e), "more")] = 1.0
    if not flags.finite.isdisjoint(content):
        f["c_finite"] = 1.0
    if not flags.subj.isdisjoint(content):
        f["c_subj"] = 1.0
    if not flags.quote.isdisjoint(content):
        f["c_quote"] = 1.0
    first = min(content)
    low = t.doc[first].lower_
    if low in ("that", "to", "whether", "if", "how", "why", "what"):
        f[f"c_first={low}"] = 1.0
    ents = len(flags.ent & content)
    f["c_ents=" + ("0" if not ents else "some" if ents < n / 2 else "most")] = 1.0
    if first < t.i:
        f["c_before"] = 1.0
    if subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        f[f"frame_subj={frame}|{subj.ent_type_}"] = 1.0
    if flags.in_question(t.i):
        f["question"] = 1.0
    return f


def score_token(model: dict, feats: dict[str, float]) -> float:
    """The tagger's probability for one token's features."""
    get = model["weights"].get
    z = float(model["bias"])
    for k, v in feats.items():
        z += get(k, 0.0) * v
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def content_of(t: Token, cues: Optional[Cues] = None) -> tuple[set, Optional[Token], str]:
    """(content token indices, speaker head, frame) of a candidate built from cue head ``t``: the speaker is
    its subject (a noun's possessor), the content the first of its clause, to-infinitive, direct object
    (with its complement), prepositional object or, for a noun, its clause or infinitive; a verb's content runs
    on to what follows it under the verb, as the rules' does (:func:`graphkit.frames_verb_content.with_tail`)."""
    doc = t.doc
    kids = [c for c in t.children]
    if t.pos_ == "NOUN":
        subj = next((c for c in kids if c.dep_ == "poss"), None)
        for c in kids:
            if c.dep_ in ("acl", "ccomp", "relcl") and c.i > t.i and c.pos_ in ("VERB", "AUX"):
                return edge_span(c), subj, "noun"
        for c in kids:
            if c.dep_ == "prep" and c.i > t.i and c.lower_ in _PREPS_OF_NOUN:
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if objs:
                    return set().union(*(edge_span(g) for g in objs)), subj, "noun"
        return set(), subj, "noun"
    subj, _ = verb_subject(t)
    cues = cues or default_cues()
    content, frame = frames_verb_content.verb_complement(t, kids, cues)
    if frame in ("clause", "to", "object", "prep"):
        content = frames_verb_content.with_tail(t, content, cues)
    return content, subj, frame


def candidate_of(t: Token, cues: Cues) -> Optional[tuple[set, Token, str]]:
    """(content, speaker head, frame) of the candidate cue head ``t`` would give, or None: not a verb or noun
    the tagger reads, no speaker or no content (:func:`content_of`), or ruled out by the rules (a state of
    affairs as subject, an act of showing)."""
    if t.pos_ not in POS or t.dep_ in ("amod", "compound", "aux", "auxpass"):
        return None
    content, subj, frame = content_of(t, cues)
    if subj is None or not content or not_a_source(subj) or frame == "object" and shown_act(t, subj, cues):
        return None
    content = content - subject_tokens(t, subj) - {t.i}
    return (content, subj, frame) if content else None


def subject_tokens(t: Token, subj: Token) -> set:
    """The token indices of the speaker phrase of the candidate cue head ``t`` builds with speaker head ``subj``:
    the subject's whole phrase (its subtree) when it hangs from ``t``, its head word alone when it stands elsewhere
    (a controlling verb's subject, a relative clause's antecedent: a phrase that holds ``t`` itself).

    The one home of this rule: :func:`candidate_of` leaves these tokens out of the content. (The tagger's training
    labels, ``bench/train_tagger.py``, take the subject's head word alone as the speaker: see the note there.)

    >>> from graphkit.doc_reading import parsed_as_written
    >>> doc = parsed_as_written("The governor of Vermont extolled the virtues of maple syrup.",
    ...                         deps="det nsubj prep pobj ROOT det dobj prep compound pobj punct",
    ...                         heads="1 4 1 2 4 6 4 6 9 7 4")
    >>> sorted(doc[i].text for i in subject_tokens(doc[4], doc[1]))
    ['The', 'Vermont', 'governor', 'of']
    """
    return span_tokens(subj) if subj.head.i == t.i else {subj.i}


def proposals(doc: Doc, cues: Cues, skip=frozenset()):
    """Each candidate the tagger could propose in ``doc``, in token order, as (cue head, content token indices,
    speaker head, frame, :func:`candidate_features`): every verb or noun (but those in ``skip``) from which
    :func:`candidate_of` builds one. The one loop of inference (:func:`tagged_candidates`, which scores them) and
    training (``bench/train_tagger.rows_of``, which labels them).

    >>> from graphkit.doc_reading import parsed_as_written
    >>> doc = parsed_as_written("She extolled the quiet charms of Maine.", pos="PRON VERB DET ADJ NOUN ADP PROPN PUNCT",
    ...     tags="PRP VBD DT JJ NNS IN NNP .", deps="nsubj ROOT det amod dobj prep pobj punct", heads="1 1 4 4 1 4 5 1",
    ...     lemmas="she extoll the quiet charm of Maine .", ents="O O O O O O B-GPE O",
    ...     morphs="_ Tense=Past|VerbForm=Fin _ _ _ _ _ _")
    >>> [(t.text, subj.text, frame) for t, _, subj, frame, _ in proposals(doc, default_cues())]
    [('extolled', 'She', 'object')]
    """
    flags = DocFlags(doc)
    for i in flags.tagged:
        if i in skip or not flags.may_hold(i):
            continue
        t = doc[i]
        found = candidate_of(t, cues)
        if found is not None:
            content, subj, frame = found
            yield t, content, subj, frame, candidate_features(t, content, subj, frame, flags)


def tagged_candidates(doc: Doc, model: Optional[dict] = None, *, threshold: Optional[float] = None,
                      taken: frozenset = frozenset(), cues: Optional[Cues] = None) -> list[CueCandidate]:
    """Candidates from the tokens the tagger scores at least ``threshold`` (default: the model's), except the
    tokens in ``taken`` (the rules' cue anchors) and what the rules rule out (a state of affairs as subject,
    an act of showing); each with its probability in ``score``."""
    m = model or load_tagger()
    t_min = float(m["threshold"]) if threshold is None else threshold
    out = []
    for t, content, subj, frame, feats in proposals(doc, cues or default_cues(), skip=taken):
        p = score_token(m, feats)
        if p < t_min:
            continue
        out.append(CueCandidate(cue_toks=[t], cue_lemma=t.lemma_.lower(), stance="assert", content=content,
                                quotes=set(), subj=subj, anchor=t, sent=t.sent, frame="learned",
                                score=round(p, 4)))
    return out
