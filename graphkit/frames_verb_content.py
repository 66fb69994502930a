"""What a verb frame reads and what it finds: the cue verb's context (:class:`VerbContext`), a frame's finding
(:class:`FrameHit`), and where a verb's content runs: its complement (:func:`verb_complement`), what trails it under
the verb (:func:`trailing_complements`, :func:`with_tail`), an object's complements (:func:`object_complements`),
an act a document shows (:func:`shown_act`). The frames of :mod:`graphkit.frames_verb_clause` and
:mod:`graphkit.frames_verb_object` read these; :mod:`graphkit.frames_verb` tries the frames; the cue tagger
(:mod:`graphkit.cue_tagger`) reads a verb's complement and tail the same way.

>>> from graphkit.nlp import load_spacy
>>> from graphkit.cues import default_cues
>>> doc = load_spacy()("Lavrov denied any losses in the east on Monday.")
>>> content, frame = verb_complement(doc[1], list(doc[1].children), default_cues())
>>> frame, " ".join(doc[i].text for i in sorted(with_tail(doc[1], content, default_cues())))
('object', 'any losses in the east on Monday')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Token

from .cues import Cues, default_cues
from .frames_parse import COLON_VERBS, span_tokens


@dataclass
class VerbContext:
    """What every verb frame reads: the cue verb, its lemma, children, subject and the article's quotes."""

    v: Token
    lemma: str
    children: list
    subj: Optional[Token]
    rel: Optional[Token]
    subj_idx: set
    cues: Cues
    quote_of_tok: dict
    own: bool  # a speaker of its own and not itself an infinitive ("refused to answer", "seek to engage")

    @property
    def says(self) -> bool:
        """A verb of saying the lexicon names (`graphkit.frames_parse.COLON_VERBS` and the cue lexicon's verbs): the
        verbs a colon, a clause under a prepositional object or a parenthetical set-off is read after."""
        return self.lemma in COLON_VERBS and self.lemma in self.cues.verbs


@dataclass
class FrameHit:
    """A frame's finding: content tokens, stance, frame kind, and the cue key / tokens when they differ."""

    content: set
    stance: str
    frame: str
    key: Optional[str] = None
    cue_toks: Optional[list] = None
    subj: Optional[Token] = None  # the speaker, when it is not the verb's subject (a participle's noun)
    speaker_toks: Optional[list] = None  # its phrase, when that is not the subject's subtree


#: prepositions of time, place and circumstance: the cue tagger's prepositional frame
#: (:func:`graphkit.cue_tagger.content_of`) does not take a phrase they head as what was claimed ("spoke on
#: Tuesday"); after a claim's object or clause they stay in it (:func:`trailing_complements`)
CIRCUMSTANCE_PREPS = frozenset({"in", "on", "at", "during", "after", "before", "until", "since", "despite", "through",
                                "by", "amid", "around"})

#: what never continues a claim's content under its cue verb: punctuation, a coordinated verb or clause ("... and
#: added that"), a parataxis, a subject, an apposition, an unattached fragment
_NOT_TRAILING = frozenset({"punct", "cc", "conj", "parataxis", "nsubj", "nsubjpass", "dep", "appos"})

#: a claim's content runs on to what follows it under the cue verb (5-fold CV over PolNeAR train+dev, bench/README.md)
CONTENT_TAIL = True
#: the verb frames whose content is continued so (those whose content lies after the verb, under it)
TAIL_FRAMES = frozenset({"naming", "clause", "prep", "to_infinitive", "object", "complement"})


def trailing_complements(v: Token, after: int, cues: Cues) -> set:
    """What follows token ``after`` under cue verb ``v`` and belongs to its claim: the verb's later children with
    their subtrees — prepositional phrases of any kind ("denied any role in the attacks", "announced a concert in
    support of Sanders"), adverbs, an object complement, a clause of reason or manner ("because ...",
    "…, reflecting restlessness") — but no coordinated verb, parataxis or subject (:data:`_NOT_TRAILING`), nor an
    adverbial clause whose verb is itself a cue ("…, saying that ...": a claim of its own). PolNeAR's content runs
    on so (stopping at the first of those instead scored 0.07 lower by the CV).

    >>> from graphkit.nlp import load_spacy
    >>> from graphkit.cues import default_cues
    >>> doc = load_spacy()("Vance backed Ann Price for the nomination in 2019.")
    >>> " ".join(doc[i].text for i in sorted(trailing_complements(doc[1], doc[3].i, default_cues())))
    'for the nomination in 2019'
    """
    out: set = set()
    for c in v.children:
        if c.i <= after or c.dep_ in _NOT_TRAILING:
            continue
        if c.dep_ == "advcl" and c.lemma_.lower() in cues.any_verb:
            continue
        out |= span_tokens(c)
    return out


def with_tail(v: Token, content: set, cues: Cues) -> set:
    """``content`` (token indexes of a claim under cue verb ``v``) run on to what trails it under the verb
    (:func:`trailing_complements`) when it lies after the verb and `CONTENT_TAIL` is on: the one place the rules'
    frames (:data:`TAIL_FRAMES`) and the cue tagger (graphkit.cue_tagger.content_of) continue a content.

    >>> from graphkit.nlp import load_spacy
    >>> from graphkit.cues import default_cues
    >>> doc = load_spacy()("Vance backed Ann Price for the nomination in 2019.")
    >>> " ".join(doc[i].text for i in sorted(with_tail(doc[1], {2, 3}, default_cues())))
    'Ann Price for the nomination in 2019'
    >>> with_tail(doc[1], set(), default_cues())
    set()
    """
    if CONTENT_TAIL and content and min(content) > v.i:
        return content | trailing_complements(v, max(content), cues)
    return content


def object_complements(v: Token, dobj: Token, cues: Optional[Cues] = None) -> set:
    """What follows a claim's direct object and belongs to the claim (:func:`trailing_complements`): its
    complement ("called the talks constructive"), an "as" phrase ("described Oz as a quack"), a clause or
    infinitive, prepositional phrases ("backed the senator for the nomination")."""
    return trailing_complements(v, dobj.i, cues or default_cues())


_SHOWING = {"show"}  # verbs whose object is a finding only when a document (``sources`` in cues.yaml) shows it


def shown_act(v: Token, subj: Optional[Token], cues: Cues) -> bool:
    """A verb of showing with an object whose subject is no document: "Ukrainians have shown grit" is an act, "a new
    poll shows a lead" a finding (a document, ``sources`` in models/cues.yaml, shows it).

    >>> from graphkit.nlp import load_spacy
    >>> nlp = load_spacy()
    >>> [shown_act(d[2], d[1], default_cues()) for d in map(nlp, ("The video showed Lee walking away.",
    ...                                                            "The poll showed a narrow lead."))]
    [True, False]
    """
    return v.lemma_.lower() in _SHOWING and (subj is None or subj.lemma_.lower() not in cues.sources)


def edge_span(t: Token) -> set:
    """The token indices from t's left edge to its right edge: its subtree as one span (a rare non-projective parse
    puts a token of another head inside it)."""
    return set(range(t.left_edge.i, t.right_edge.i + 1))


def verb_complement(v: Token, kids: list, cues: Cues) -> tuple[set, str]:
    """(content, kind) of verb ``v`` read from its complements alone, before what trails it: the first of its
    clause ("clause"), to-infinitive with an object before it ("to"), direct object with its complement
    ("object"), prepositional object of no circumstance preposition ("prep") or what a colon after it introduces
    ("colon"); ``(set(), "none")`` without one. The one home of this reading: the cue tagger's content of a verb it
    proposes (:func:`graphkit.cue_tagger.content_of`) and :func:`graphkit.frames_verb_object.frame_complement`.

    >>> from graphkit.nlp import load_spacy
    >>> doc = load_spacy()("The senator has continued to question the plan.")
    >>> content, kind = verb_complement(doc[3], list(doc[3].children), default_cues())
    >>> (" ".join(doc[i].text for i in sorted(content)), kind)
    ('to question the plan', 'to')
    """
    doc = v.doc
    for c in kids:
        if c.dep_ == "ccomp":
            return edge_span(c), "clause"
    for c in kids:
        if c.dep_ == "xcomp" and c.i > v.i:
            content = edge_span(c)
            for o in kids:
                if o.dep_ in ("dobj", "dative") and o.i < c.i:
                    content |= edge_span(o)
            return content, "to"
    dobj = next((c for c in kids if c.dep_ == "dobj" and c.i > v.i), None)
    if dobj is not None:
        return edge_span(dobj) | object_complements(v, dobj, cues), "object"
    for c in kids:
        if c.dep_ == "prep" and c.i > v.i and c.lower_ not in CIRCUMSTANCE_PREPS:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return set().union(*(edge_span(g) for g in objs)), "prep"
    for c in kids:
        if c.dep_ == "punct" and c.text == ":" and c.i > v.i and c.i + 1 < v.sent.end:
            return set(range(c.i + 1, v.sent.end)) - {i for i in range(c.i + 1, v.sent.end) if doc[i].is_space}, "colon"
    return set(), "none"
