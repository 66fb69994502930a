"""Attribution frames: where a cue's content and speaker are in the parse.

Each function here looks at one kind of cue in a parsed ``Doc`` and proposes
candidates (:class:`_Cand`: cue tokens, stance, content tokens, subject) for
:func:`graphkit.attribution.attributions` to assemble:

- :func:`_verb_candidate`: a verb cue of ``models/cues.yaml`` and the first frame of :data:`VERB_FRAMES`
  (an ordered table of small documented functions, each switchable by name) that finds its content: a
  cue clause set off by commas or quotes ("“...,” he said"), a clause ("said that ..."), a prepositional
  object ("called for a ceasefire"), a to-infinitive ("vowed to retaliate"), an object ("denied any
  losses"), a colon ("said: ..."); a negated or refused cue is marked (:func:`_declined`);
- :func:`_phrase_candidates` ("according to X", "in a statement"), :func:`_noun_candidates` ("his
  claim that ..."), :func:`_in_source_candidates` ("in a CNN poll, ..."), :func:`_adjective_candidates`
  ("was critical of", "is confident that"), :func:`_verdict_candidates`
  ("“...,” was the assessment of X"), :func:`_colon_candidates` ("Lavrov: ..."),
  :func:`_dash_candidates` ("“...” ― Carla Sanchez").

>>> from graphkit.nlp import load_spacy
>>> from graphkit.cues import default_cues
>>> doc = load_spacy()("Lavrov said the Europeans were stalling.")
>>> c = _verb_candidate(doc[1], default_cues(), {})
>>> (c.frame, c.subj.text, " ".join(doc[i].text for i in sorted(c.content)))
('clause', 'Lavrov', 'the Europeans were stalling')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Span, Token

from .cues import Cues

@dataclass
class _Cand:
    cue_toks: list
    cue_lemma: str
    stance: str
    content: set  # token indices
    quotes: set  # quote indices (into the quote list)
    subj: Optional[Token]
    anchor: Token  # the token the attribution hangs on (for nesting tests)
    relative_head: Optional[Token] = None
    sent: Optional[Span] = None
    frame: str = ""
    speaker_toks: Optional[list] = None  # when the speaker is not a subject subtree (dash attributions)
    declined: bool = False  # a negated or refused cue: "did not say", "declined to comment" (see _declined)
    outer: Optional["_Cand"] = None  # the attribution whose content holds this one's cue ("X said Y said Z")
    score: Optional[float] = None  # the cue tagger's probability (graphkit.cue_tagger); None for the rules' cues


_CLAUSE_DEPS = {"ccomp"}
_SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj"}
_EDGE_PUNCT = set(",;:—–-()[]") | {"--"}


_MODALS = {"would", "could", "might", "should", "will", "can", "may", "must"}


def _modal(v: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in v.children)


def _backshifted(v: Token) -> Optional[Token]:
    """The reported clause that verb v continues, when the parser hung v on the reporting verb.

    "Reuters reported that Putin was ready to talk, but would refuse to cede land": "refuse" (a modal
    of its own, no subject, after the that-clause) continues the clause of "was", not "reported"; the
    reporting verb has no modal. Returns the clause's verb, else None.
    """
    h = v.head
    if v.dep_ != "conj" or h == v or v.i < h.i or not _modal(v) or _modal(h):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return None
    return next((c for c in h.children if c.dep_ == "ccomp" and h.i < c.i < v.i
                 and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)


def _subject(v: Token, depth: int = 0) -> tuple[Optional[Token], Optional[Token]]:
    """(subject head, relative-clause antecedent) of verb v."""
    clause = _backshifted(v)
    if clause is not None:
        return _subject(clause, depth + 1)
    subj = None
    for c in v.children:
        if c.dep_ in ("nsubj", "csubj"):
            if subj is not None and subj.dep_ in ("nsubj", "csubj") and subj.i < v.i < c.i:
                subj = c  # '“... mode,” said Leslie Wimes': the subject after the verb, not the quote's
                break
            if subj is None or subj.dep_ == "nsubjpass" or (subj.dep_ == c.dep_ == "nsubj" and subj.i < c.i < v.i):
                subj = c  # of two subjects before the verb, the nearer ("..., New Hampshire, Trump went")
            if c.i > v.i:
                break
        elif c.dep_ == "nsubjpass" and subj is None:
            subj = c
    if subj is None and v.pos_ == "VERB":
        # "About 4 in 10 say ...": the parser made the share a number modifier of the verb
        subj = next((c for c in v.children if c.dep_ == "nummod" and c.i < v.i), None)
    agent = next((c for c in v.children if c.dep_ == "agent"), None)
    if agent is not None:
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if pobj is not None and (subj is None or subj.dep_ == "nsubjpass"):
            subj = pobj
    if subj is not None:
        rel = None
        if subj.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
            rel = v.head
        return subj, rel
    if depth < 3 and v.dep_ == "acomp" and v.head != v:
        return _subject(v.head, depth + 1)  # "Democratic voters are more likely to say ...": through "likely"
    if depth < 3 and v.dep_ in ("conj", "xcomp", "advcl", "pcomp", "acl") and v.head != v:
        h = v.head
        if v.dep_ == "pcomp" or h.dep_ == "prep":
            h = h.head if h.dep_ == "prep" else h
        if v.dep_ == "acl" and h.pos_ in ("NOUN", "PROPN", "PRON"):
            return None, None
        if v.dep_ == "conj" and v.tag_ in ("VBD", "VBZ", "VBP") and any(c.dep_ == "agent" for c in h.children):
            patient = next((c for c in h.children if c.dep_ == "nsubjpass"), None)
            if patient is not None:
                # "FBI officials were angered by the deal and predicted ...": the officials predicted, not the deal
                return patient, (h.head if patient.lower_ in ("who", "which", "that") and h.dep_ == "relcl" else None)
        if v.dep_ == "conj" and h.tag_ != v.tag_ and v.tag_ in ("VBD", "VBZ"):
            # "announced that he was undergoing therapy and vowed to ...": "vowed" is coordinated with
            # "announced" (same form), not with the verb spaCy hung it on
            h = next((a for a in h.ancestors if a.tag_ == v.tag_), h)
        return _subject(h, depth + 1)
    return None, None


def _same_line_subject(subj: Token, v: Token) -> Optional[Token]:
    """A subject parsed across a line break ("2:45 p.m.\n\nConnecticut's tax commissioner says") is
    replaced by the phrase on the verb's own line."""
    doc = v.doc
    cut = None
    for i in range(subj.i, v.i):
        if "\n" in doc[i].text_with_ws or doc[i].is_space and "\n" in doc[i].text:
            cut = i
    if cut is None:
        return subj
    frag = [doc[i] for i in range(cut + 1, v.i) if not doc[i].is_space and not doc[i].is_punct]
    if not frag:
        return None
    inside = {t.i for t in frag}
    roots = [t for t in frag if t.head.i not in inside or t.head == t]
    nouny = [t for t in roots if t.pos_ in ("PROPN", "NOUN", "PRON")]
    return nouny[-1] if nouny else None


def _span_tokens(tok: Token) -> set:
    return {t.i for t in tok.subtree}

_SEP = {",", "—", "–", "-", "--", ";"}
_ADDRESSEE = {"tell", "inform", "remind", "assure", "ask", "warn", "urge", "reassure"}
_COLON_VERBS = {"say", "add", "tell", "write", "state", "declare", "explain", "note", "continue", "ask", "reply",
                "respond", "answer", "warn", "conclude", "argue", "insist", "announce", "remark", "comment", "post",
                "recall", "stress", "emphasize", "emphasise", "put", "joke", "quip", "shout", "yell", "exclaim",
                "tweet", "blog", "text", "email"}
_NAMING = {"call", "describe", "label", "brand", "term", "dub", "deem", "characterize", "characterise", "portray"}
_END = {".", "!", "?", "…"}


def _around(v: Token, subj: Token, quote_of_tok: dict) -> set:
    """Content around a cue clause set off by commas or quotes ("A, he said, B." / "“A,” said X.")."""
    doc = v.doc
    sent = v.sent
    if any(c.i > v.i and (c.dep_ in ("ccomp", "xcomp", "oprd") or (c.dep_ == "dobj" and v.lemma_ not in _ADDRESSEE))
           for c in v.children):
        return set()  # the cue has content of its own: "as the Kremlin demands concessions"
    lo = min(subj.left_edge.i, v.i)
    hi = max(v.i, subj.right_edge.i)
    for c in v.children:
        if c.i < v.i and c.dep_ in ("aux", "auxpass", "neg", "advmod", "mark") and c.i > subj.i:
            continue
        if c.i < lo and c.dep_ == "mark":
            lo = c.i
        if c.i > v.i and c.dep_ in ("prep", "npadvmod", "advmod", "dative", "agent", "prt") or (
                c.i > v.i and c.dep_ == "dobj" and v.lemma_ in _ADDRESSEE):
            hi = max(hi, c.right_edge.i)
    while lo > sent.start and doc[lo - 1].is_space:
        lo -= 1
    if lo <= sent.start:
        return _quote_before(v, hi, quote_of_tok)
    left = doc[lo - 1]
    for k in (1, 2):
        # "..., fundraising documents show.": the parser left a word of the subject outside it
        if left.text in _SEP or lo - k - 1 < sent.start or doc[lo - k - 1].text not in _SEP:
            continue
        if all(w.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or w.tag_ == "VBG" for w in doc[lo - k:lo]):
            lo -= k
            left = doc[lo - 1]
            break
    if not (left.text in _SEP or (left.is_punct and (lo - 1) in quote_of_tok) or left.text in ("”", "''", '"')):
        return set()
    j = hi + 1
    while j < sent.end and doc[j].is_space:
        j += 1
    before = set(range(sent.start, lo))
    if j >= sent.end or doc[j].text in _END or (doc[j].is_punct and j in quote_of_tok and j + 1 >= sent.end):
        return before
    if doc[j].text in _SEP:
        k = j + 1
        while k < sent.end and (doc[k].is_space or doc[k].text in _SEP):
            k += 1
        if k < sent.end and doc[k].tag_ == "VBG" and doc[k].head == v:
            return before  # "..., he said, adding that ...": the rest is a claim of its own
        return before | set(range(j + 1, sent.end))
    return set()


def _quote_before(v: Token, hi: int, quote_of_tok: dict) -> set:
    """'“A pathetic figure!” | he wrote.': the parser made the cue clause a sentence of its own; its content is
    the quote that ends right before it (the cue clause must then end its sentence)."""
    doc, sent = v.doc, v.sent
    first = next((t for t in sent if not t.is_space and not t.is_punct), None)
    if first is None or any(c.dep_ == "neg" for c in v.children):
        return set()
    if not (first.text[:1].islower() or first.i == v.i):
        return set()  # "“...” Officials did not comment.": a new sentence; "“...” he wrote." / "said Mr. Trump." are not
    j = hi + 1
    while j < sent.end and (doc[j].is_space or (doc[j].dep_ in ("prep", "npadvmod", "advmod") and doc[j].head == v)):
        j = doc[j].right_edge.i + 1 if not doc[j].is_space else j + 1
    if j < sent.end and doc[j].text not in _END:
        return set()
    k = sent.start - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 0 or k not in quote_of_tok or doc[k].text not in ("”", '"', "''", "’"):
        return set()
    q = quote_of_tok[k]
    i = k
    while i >= 0 and (quote_of_tok.get(i) == q or doc[i].is_space):
        i -= 1
    return {x for x in range(i + 1, k + 1) if not doc[x].is_space}


_REFUSE = {"decline", "refuse"}


def _declined(v: Token, cues: Cues) -> bool:
    """Is verb cue v negated or refused? Then what follows was not said.

    "did not say", "wouldn't share details", "never said" (a negation on the cue or on a verb it is
    the infinitive of: "did not want to say"); "declined to comment", "refused to say" (the cue is the
    infinitive of a refusal verb); "has yet to say" ("yet" on the "have" the cue hangs on); and a
    refusal verb whose infinitive is itself a cue ("declined to discuss the talks").

    >>> from graphkit.nlp import load_spacy
    >>> from graphkit.cues import default_cues
    >>> nlp = load_spacy()
    >>> [_declined(next(t for t in nlp(s) if t.lemma_ in ("say", "share", "comment")), default_cues()) for s in (
    ...     "He did not say whether talks would resume.", "The official wouldn't share details.",
    ...     "Officials declined to comment.", "Peskov said talks were useful.")]
    [True, True, True, False]
    """
    t = v
    for _ in range(4):
        if any(c.dep_ == "neg" or (c.lower_ == "never" and c.dep_ == "advmod") for c in t.children):
            return True
        if t.dep_ != "xcomp" or t.head == t:
            break
        h = t.head
        hl = h.lemma_.lower()
        if hl in _REFUSE or (hl in ("have", "be") and any(c.lower_ == "yet" for c in h.children)):
            return True
        t = h
    if v.lemma_.lower() in _REFUSE:
        x = next((c for c in v.children if c.dep_ == "xcomp"), None)
        if x is not None and x.lemma_.lower() in cues.any_verb:
            return True
    return False


@dataclass
class _Verb:
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


@dataclass
class _Hit:
    """A frame's finding: content tokens, stance, frame kind, and the cue key / tokens when they differ."""

    content: set
    stance: str
    frame: str
    key: Optional[str] = None
    cue_toks: Optional[list] = None


def frame_clause_under_pobj(x: _Verb) -> Optional[_Hit]:
    """A that-clause the parser hung on a prepositional object: "said during a news conference that ..."."""
    if x.lemma in _COLON_VERBS and x.lemma in x.cues.verbs and not any(c.dep_ in _CLAUSE_DEPS for c in x.children):
        c = _clause_under_pobj(x.v)
        if c is not None:
            return _Hit(_span_tokens(c), x.cues.verbs[x.lemma], "clause")
    return None


def frame_around(x: _Verb) -> Optional[_Hit]:
    """The cue clause stands apart: "..., he said." / "“...,” said X." / "A, he said, B."."""
    if x.lemma in x.cues.verbs and x.subj is not None and x.subj.head == x.v and x.v.dep_ in (
            "ROOT", "parataxis", "ccomp", "advcl"):
        around = _around(x.v, x.subj, x.quote_of_tok)
        if around:
            return _Hit(around, x.cues.verbs[x.lemma], "around")
    return None


def frame_naming(x: _Verb) -> Optional[_Hit]:
    """Naming: "called the talks constructive", "described Oz as a quack" (object and its complement)."""
    cues, lemma = x.cues, x.lemma
    if lemma not in _NAMING or x.subj is None or not (lemma in cues.verbs or lemma in cues.object_verbs):
        return None
    dobj = next((c for c in x.children if c.dep_ == "dobj" and c.i > x.v.i), None)
    comp = [c for c in x.children if dobj is not None and c.i > dobj.i and (
        c.dep_ in ("oprd", "ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ == "as"))]
    if dobj is None or not comp:
        return None
    return _Hit(_span_tokens(dobj).union(*(_span_tokens(c) for c in comp)),
                cues.verbs.get(lemma) or cues.object_verbs.get(lemma, "assert"), "object")


def frame_clause(x: _Verb) -> Optional[_Hit]:
    """A clause: "said (that) ...", an embedded question ("asked the crowd if ..."), "half said so"."""
    cues, lemma, v = x.cues, x.lemma, x.v
    if lemma not in cues.verbs:
        return None
    asks = cues.verbs[lemma] == "question"
    content: set = set()
    for c in x.children:
        if c.dep_ in _CLAUSE_DEPS or (asks and c.dep_ == "advcl" and c.i > v.i and any(
                m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)):
            content |= _span_tokens(c)
        elif content and _backshifted(c) is not None:
            # "reported that Putin was ready to talk, but would refuse ...": the rest of what was reported
            content |= _span_tokens(c) | {g.i for g in x.children if g.dep_ in ("cc", "punct") and g.i < c.i
                                          and g.i > min(content)}
    if not content and lemma in _COLON_VERBS:
        so = next((c for c in x.children if c.i == v.i + 1 and c.lower_ in ("so", "yes", "no")
                   and c.dep_ in ("advmod", "intj", "dobj", "ccomp")), None)
        if so is not None and (so.i + 1 >= v.sent.end or v.doc[so.i + 1].is_punct or v.doc[so.i + 1].dep_ == "prep"):
            content = {so.i}
    return _Hit(content, cues.verbs[lemma], "clause") if content else None


def frame_prep(x: _Verb) -> Optional[_Hit]:
    """A prepositional object: "called for a ceasefire", "warned against escalation"; also "calling for X to
    ..." with "for" parsed as the mark of an infinitive clause."""
    cues, lemma, v = x.cues, x.lemma, x.v
    if not x.own or not cues.prep_verbs:
        return None
    for c in x.children:
        if c.dep_ in ("prep", "prt", "dative") and (lemma, c.lower_) in cues.prep_verbs:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                content: set = set()
                for o in objs:
                    content |= _span_tokens(o)
                for g in x.children:
                    if g.dep_ == "xcomp" and g.i > c.i:
                        content |= _span_tokens(g)
                return _Hit(content, cues.prep_verbs[(lemma, c.lower_)], "prep", f"{lemma} {c.lower_}", [v, c])
    for c in x.children:
        m = next((g for g in c.children if g.dep_ == "mark" and (lemma, g.lower_) in cues.prep_verbs), None)
        if c.dep_ in ("advcl", "ccomp") and c.i > v.i and m is not None and m.i > v.i:
            return _Hit(_span_tokens(c) - {m.i}, cues.prep_verbs[(lemma, m.lower_)], "prep", f"{lemma} {m.lower_}",
                        [v, m])
    return None


def frame_to_infinitive(x: _Verb) -> Optional[_Hit]:
    """A to-infinitive: "vowed to retaliate", "urged Kyiv to accept" (the object before it included)."""
    if not x.own or x.lemma not in x.cues.to_verbs:
        return None
    v = x.v
    c = next((c for c in x.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and c.i > v.i), None)
    if c is None:
        c = next((c for c in x.children if c.dep_ == "ccomp" and c.i > v.i and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)
    if c is None:
        return None
    content = _span_tokens(c)
    for o in x.children:
        if o.dep_ in ("dobj", "dative") and o.i < c.i:
            content |= _span_tokens(o)
    return _Hit(content, x.cues.to_verbs[x.lemma], "to")


#: prepositions of time, place and circumstance: a phrase they head after a claim's object is no part of what
#: was claimed ("praised the plan on Tuesday"); after the object of an attribution, phrases headed by the others
#: ("backed Ron Paul for the presidency", "recalled her opposition to the war") are inside PolNeAR's content
#: 70-100 % of the time, these 25-60 % (PolNeAR train)
CIRCUMSTANCE_PREPS = frozenset({"in", "on", "at", "during", "after", "before", "until", "since", "despite", "through",
                                "by", "amid", "around"})
#: an object claim takes the prepositional phrases after its object (5-fold CV, bench/README.md)
OBJECT_PREPS = True


def object_complements(v: Token, dobj: Token) -> set:
    """What follows a claim's direct object and belongs to the claim: its complement ("called the talks
    constructive"), an "as" phrase ("described Oz as a quack"), a clause or infinitive, and the prepositional
    phrases that are not circumstances (:data:`CIRCUMSTANCE_PREPS`): "backed Ron Paul for the presidency".

    >>> from graphkit.nlp import load_spacy
    >>> doc = load_spacy()("Thiel backed Ron Paul for the presidency in 2012.")
    >>> " ".join(doc[i].text for i in sorted(object_complements(doc[1], doc[3])))
    'for the presidency'
    """
    out: set = set()
    for c in v.children:
        if c.i < dobj.i:
            continue
        if c.dep_ in ("oprd", "xcomp", "ccomp") or c.dep_ == "prep" and (
                c.lower_ == "as" or OBJECT_PREPS and c.lower_ not in CIRCUMSTANCE_PREPS):
            out |= _span_tokens(c)
    return out


_SHOWING = {"show"}  # verbs whose object is a finding only when a document (``sources`` in cues.yaml) shows it


def _shown_act(v: Token, subj: Optional[Token], cues: Cues) -> bool:
    """A verb of showing with an object whose subject is no document: "Ukrainians have shown grit" is an act."""
    return v.lemma_.lower() in _SHOWING and (subj is None or subj.lemma_.lower() not in cues.sources)


def not_a_source(subj: Optional[Token]) -> bool:
    """A subject that is a state of affairs ("the urgency from all sides suggests ..."), not someone speaking."""
    return subj is not None and subj.lemma_.lower() in _NOT_AGENTS and not subj.ent_type_


def frame_object(x: _Verb) -> Optional[_Hit]:
    """A direct object: "denied any losses", "praised US efforts", a quoted object of a speech verb; the
    passive "was rejected by the Russian Foreign Ministry"."""
    if not x.own:
        return None
    cues, lemma = x.cues, x.lemma
    dobj = next((c for c in x.children if c.dep_ == "dobj"), None)
    if dobj is None:
        if lemma in cues.object_verbs and x.subj is not None and x.subj.head.dep_ == "agent":
            patient = next((c for c in x.children if c.dep_ == "nsubjpass"), None)
            if patient is not None:
                return _Hit(_span_tokens(patient) | {x.v.i}, cues.object_verbs[lemma], "object")
        return None
    if not (lemma in cues.object_verbs or (dobj.i in x.quote_of_tok and lemma in cues.verbs)):
        return None
    if _shown_act(x.v, x.subj, cues):
        return None  # "polls show a lead" reports; "Ukrainians have shown grit" is an act, not speech
    content = _span_tokens(dobj) | object_complements(x.v, dobj)
    stance = cues.object_verbs.get(lemma) or cues.verbs.get(lemma, "assert")
    if stance in ("criticize", "praise", "accuse"):
        # "criticized Clinton for accepting donations": the reason is part of the charge
        for c in x.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "over") and c.i > dobj.i:
                content |= _span_tokens(c)
    return _Hit(content, stance, "object")


def frame_colon_after_verb(x: _Verb) -> Optional[_Hit]:
    """A colon or a quote after a speech verb: "X said: “...”" ("knows: ..." is not a quote)."""
    if x.lemma not in x.cues.verbs or x.lemma not in _COLON_VERBS:
        return None
    v = x.v
    sent = v.sent
    nxt = v.i + 1
    while nxt < sent.end and (nxt in x.subj_idx or v.doc[nxt].dep_ in (
            "advmod", "npadvmod", "prep", "pobj", "det", "compound", "dative", "dobj")):
        nxt += 1
    if nxt < sent.end and (v.doc[nxt].text == ":" or nxt in x.quote_of_tok):
        content = _after_colon(v.doc[nxt]) if v.doc[nxt].text == ":" else set(range(nxt, sent.end))
        return _Hit(content, x.cues.verbs[x.lemma], "colon")
    return None


def frame_statement_noun_colon(x: _Verb) -> Optional[_Hit]:
    """A statement noun as object, then a colon: "he set out his terms for peace: Ukraine must ..."."""
    if not x.own:
        return None
    v = x.v
    dobj = next((c for c in x.children if c.dep_ == "dobj" and c.i > v.i and c.lemma_.lower() in _STATEMENT_NOUNS), None)
    if dobj is None:
        return None
    nxt = dobj.right_edge.i + 1
    if nxt < v.sent.end and v.doc[nxt].text == ":":
        return _Hit(_after_colon(v.doc[nxt]), _STATEMENT_NOUNS[dobj.lemma_.lower()], "colon", None,
                    [t for t in v.doc[v.i:nxt] if t.i not in x.subj_idx])
    return None


#: The verb frames, in the order they are tried; the first that finds content wins. Each can be switched
#: off by name (``attributions(doc, without={"around"})``, ``bench/eval_attribution.py --without around``)
#: to measure what it earns.
VERB_FRAMES = {
    "clause_under_pobj": frame_clause_under_pobj,
    "around": frame_around,
    "naming": frame_naming,
    "clause": frame_clause,
    "prep": frame_prep,
    "to_infinitive": frame_to_infinitive,
    "object": frame_object,
    "colon_after_verb": frame_colon_after_verb,
    "statement_noun_colon": frame_statement_noun_colon,
}


def _verb_context(v: Token, cues: Cues, quote_of_tok: dict) -> Optional[_Verb]:
    """The cue verb's subject and what the frames need; None when the verb cannot be a cue here."""
    lemma = v.lemma_.lower()
    children = list(v.children)
    subj, rel = _subject(v)
    with_ = v.head if v.dep_ == "pcomp" else v.head.head if v.dep_ == "acl" and v.head.dep_ == "pobj" else None
    if with_ is not None and with_.lower_ == "with" and (subj is None or subj.pos_ == "NOUN" and not subj.ent_type_):
        # "Lavrov went further, with a historic tirade arguing that ...": the tirade is Lavrov's
        outer, _ = _subject(with_.head)
        if outer is not None:
            subj = outer
    if cues.verbs.get(lemma) == "question" and (v.tag_ == "VBN" or v.dep_ == "advcl" and v.i < v.head.i) and not any(
            c.dep_ in ("nsubj", "agent") for c in children):
        return None  # "Asked whether ..., Rubio said", "he was asked if ...": the question is not his
    if not_a_source(subj):
        return None  # "the urgency from all sides suggests ...": a state of affairs, not a source
    if subj is not None and subj.i < v.i:
        subj = _same_line_subject(subj, v)
    subj_idx = _span_tokens(subj) if subj is not None and subj.head == v else ({subj.i} if subj is not None else set())
    if subj is not None and subj.head != v and subj.head.dep_ == "agent" and subj.head.head == v:
        subj_idx = _span_tokens(subj.head)
    # object, to-infinitive and prepositional claims need a speaker of their own, and a verb that is not
    # itself an infinitive ("refused to answer", "seek to engage": intentions, not claims made)
    own = subj is not None and v.dep_ not in ("acl", "amod", "pcomp") and not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in children)
    return _Verb(v, lemma, children, subj, rel, subj_idx, cues, quote_of_tok, own)


def _verb_candidate(v: Token, cues: Cues, quote_of_tok: dict, without: frozenset = frozenset()) -> Optional[_Cand]:
    """The candidate of verb cue v: the first frame of :data:`VERB_FRAMES` (not in ``without``) that finds content,
    then the cuts every frame shares (coordinated claims of other sources, the subject, the cue itself)."""
    x = _verb_context(v, cues, quote_of_tok)
    if x is None:
        return None
    hit = None
    for name, frame in VERB_FRAMES.items():
        if name not in without:
            hit = frame(x)
            if hit is not None and hit.content:
                break
    if hit is None or not hit.content:
        return None
    content, frame = set(hit.content), hit.frame
    cue_toks = hit.cue_toks or [v]
    if frame != "around":
        content -= _coordinated_claims(v, content, cues)
        if not content:
            return None
    # "told Bloomberg": the addressee is part of the cue as written
    if x.lemma in _ADDRESSEE and frame in ("clause", "colon"):
        for c in x.children:
            if c.dep_ in ("dobj", "dative") and c.i > v.i and c.i not in content:
                cue_toks = [v] + [t for t in c.subtree]
                break
    content -= x.subj_idx
    content -= {t.i for t in cue_toks}
    if frame in ("object", "to", "prep"):
        # without a clause the verb is part of what was claimed: "denied any such losses", "called for a truce"
        content |= {t.i for t in cue_toks if t.i < min(content, default=v.i) or t.i == v.i}
        content |= set(range(v.i, min(content))) - x.subj_idx if content else set()
    return _Cand(cue_toks=cue_toks, cue_lemma=hit.key or x.lemma, stance=hit.stance or "assert", content=content,
                 quotes=set(), subj=x.subj, anchor=v, relative_head=x.rel, sent=v.sent, frame=frame,
                 declined=_declined(v, cues))


def _clause_under_pobj(v: Token) -> Optional[Token]:
    """The that-clause of "said during a news conference that he may wait", "says in a statement that ...",
    which the parser attached to the prepositional object instead of the verb."""
    for c in v.children:
        if c.dep_ != "prep" or c.i < v.i:
            continue
        for g in c.children:
            if g.dep_ != "pobj":
                continue
            for x in g.children:
                if x.dep_ not in ("acl", "ccomp", "relcl") or x.i < g.i:
                    continue
                mark = next((m for m in x.children if m.dep_ == "mark" and m.lower_ == "that"), None)
                if mark is not None and any(m.dep_ in ("nsubj", "nsubjpass", "expl") and m.i > mark.i
                                            for m in x.children):
                    return x
    return None


def _after_colon(colon: Token) -> set:
    """What a cue's colon introduces: the rest of its sentence, or the next sentence when the parser
    ended the sentence at the colon ("he set out his terms:" | "Kyiv must withdraw ...") and no blank
    line comes between."""
    doc, sent = colon.doc, colon.sent
    rest = {i for i in range(colon.i + 1, sent.end) if not doc[i].is_space}
    if rest or sent.end >= len(doc):
        return rest
    nxt = doc[sent.end].sent
    first = next((t for t in nxt if not t.is_space), None)
    if first is None:
        return rest
    if "\n\n" in doc[colon.i:first.i + 1].text_with_ws and first.text not in ('"', "“", "''", "``"):
        return rest  # a new paragraph that is not a quote: the colon introduced nothing we can see
    return {t.i for t in nxt if not t.is_space}


_STATEMENT_NOUNS = {"term": "demand", "condition": "demand", "demand": "demand", "position": "assert",
                    "view": "assert", "message": "assert", "argument": "assert", "verdict": "assert",
                    "warning": "warn", "answer": "assert", "response": "assert", "reasoning": "assert",
                    "explanation": "assert", "assessment": "assert", "prediction": "predict", "point": "assert"}
_NOT_AGENTS = {"fact", "urgency", "involvement", "timing", "absence", "lack", "presence", "situation", "reality",
               "likelihood", "possibility", "prospect", "development", "trend", "momentum", "silence", "delay"}
_SIDE_BY_SIDE = {"while", "whereas", "as", "after", "before", "when", "although", "though"}


#: a cue verb coordinated with the cue ("declared “...” and said that ...") is a claim of its own, cut from the
#: first one's content when a frame took the rest of the sentence (5-fold CV, bench/README.md)
COORDINATED_CUE = True


#: a that-clause coordinated with the cue's clause ("said A and that B") is the same claim's second clause, whatever
#: its verb (5-fold CV, bench/README.md)
SECOND_THAT = True


def _coordinated_claims(v: Token, content: set, cues: Cues) -> set:
    """Tokens of claims of their own coordinated into v's content, to cut from it.

    "Three-quarters said A, and more than 4 in 10 said B" / "The Kremlin said it was awaiting details, while
    Moscow sources said B": spaCy hangs the second "said" under A's verb, but B is another source's claim. "announced that he was in therapy and vowed to ...": "vowed" (same form as the cue,
    unlike the verb it hangs on) is the speaker's second claim, not part of the first.
    """
    doc = v.doc
    cut: set = set()
    for i in sorted(content):
        t = doc[i]
        if i in cut or t.dep_ not in ("conj", "advcl") or t.i <= v.i:
            continue
        lemma = t.lemma_.lower()
        if lemma not in cues.any_verb:
            continue
        if SECOND_THAT and t.dep_ == "conj" and t.head.i in content and t.head != v and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in t.children):
            continue  # "said she appreciated the apology and that she wanted to move on": one claim, two clauses
        own_subj = any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        if t.head == v:
            # "declared “What a Super Tuesday!” and said that ...": a second claim, when a frame took the rest;
            # not "reported that Putin was ready ..., but would refuse ...", the reported clause going on
            if t.dep_ != "conj" or not COORDINATED_CUE or _modal(t):
                continue
        elif own_subj:
            if lemma not in cues.verbs or any(c.tag_ == "MD" for c in t.children):
                continue  # "because Putin would find it hard": a reason inside the claim, not a claim made
            if t.dep_ == "advcl" and not any(c.dep_ == "mark" and c.lower_ in _SIDE_BY_SIDE for c in t.children):
                continue
        elif t.dep_ == "advcl" or not (t.tag_ == v.tag_ and t.head.tag_ != t.tag_
                  and not any(c.dep_ in ("aux", "auxpass") for c in t.children)):
            continue
        cut |= _span_tokens(t)
        j = t.left_edge.i - 1  # the ", and" joining it
        while j > v.i and j in content and (doc[j].dep_ in ("cc", "punct") or doc[j].is_space):
            cut.add(j)
            j -= 1
    return cut


def _phrase_candidates(doc: Doc, cues: Cues, starts: list) -> list[_Cand]:
    out = []
    for t in starts:
        for words, stance in cues.phrases.items():
            n = len(words)
            if t.i + n > len(doc) or tuple(x.lower_ for x in doc[t.i:t.i + n]) != words:
                continue
            last = doc[t.i + n - 1]
            sent = t.sent
            phrase_idx = set(range(t.i, t.i + n))
            if words == ("according", "to"):
                src = next((c for c in last.children if c.dep_ == "pobj"), None)
                if src is None and last.i + 1 < sent.end:
                    src = doc[last.i + 1]
                    while src.head.i > src.i and src.head.i < sent.end and src.head.dep_ != "ROOT" and src.head.pos_ in ("PROPN", "NOUN"):
                        src = src.head
                if src is None:
                    continue
                src_idx = _span_tokens(src) if src.head in (last, t) else set(range(last.i + 1, src.i + 1))
                # the clause the phrase attaches to; the sentence when it hangs off a noun
                h = t.head
                while h.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp") and h.head != h:
                    h = h.head
                if t.i > h.i and h.dep_ in ("advcl", "conj") and all(
                        doc[j].is_punct or doc[j].is_space for j in range(max(src_idx | phrase_idx) + 1, sent.end)):
                    # "A, while B, according to X.": a closing "according to" sources the whole sentence
                    while h.dep_ in ("advcl", "conj") and h.head.i < h.i:
                        h = h.head
                anchor_sub = _span_tokens(h) if h.pos_ in ("VERB", "AUX") else set(range(sent.start, sent.end))
                own = _span_tokens(t) | phrase_idx | src_idx
                content = {i for i in anchor_sub if i not in own}
                if not content:
                    continue
                out.append(_Cand(cue_toks=list(doc[t.i:t.i + n]), cue_lemma=" ".join(words), stance=stance,
                                 content=content, quotes=set(), subj=src, anchor=t, sent=sent, frame="according"))
            else:
                # "in a statement, the Kremlin said ..." - only when no verb cue already carries it
                h = t.head
                if h.pos_ not in ("VERB", "AUX"):
                    continue
                subj, rel = _subject(h)
                content = _span_tokens(h) - _span_tokens(t) - (_span_tokens(subj) if subj is not None else set()) - {h.i}
                if not content:
                    continue
                out.append(_Cand(cue_toks=list(doc[t.i:t.i + n]), cue_lemma=" ".join(words), stance=stance,
                                 content=content, quotes=set(), subj=subj, anchor=h, sent=sent, frame="phrase"))
    return out


def _noun_candidates(doc: Doc, cues: Cues, nouns_at: list) -> list[_Cand]:
    out = []
    for t in nouns_at:
        clause = next((c for c in t.children if c.dep_ in ("acl", "ccomp", "appos") and c.pos_ in ("VERB", "AUX") and any(
            g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
        if clause is None:
            continue
        src = next((c for c in t.children if c.dep_ == "poss"), None)
        if src is None:
            src = next((g for c in t.children if c.dep_ == "prep" and c.lower_ in ("by", "from") for g in c.children
                        if g.dep_ == "pobj"), None)
        out.append(_Cand(cue_toks=[t], cue_lemma=t.lemma_.lower(), stance=cues.nouns[t.lemma_.lower()],
                         content=_span_tokens(clause), quotes=set(), subj=src, anchor=t, sent=t.sent, frame="noun"))
    return out


def _adjective_candidates(doc: Doc, cues: Cues, adjs: list) -> list[_Cand]:
    """"Republicans have been critical of Clinton's email use", "his supporters are optimistic that he will
    win": a predicate adjective of ``adjectives`` in models/cues.yaml with a clause, infinitive or
    prepositional object; the subject of its verb is the source."""
    out = []
    for a in adjs:
        v = a.head
        if a.dep_ != "acomp" or v.lemma_ not in ("be", "become", "remain", "seem", "appear", "feel", "sound"):
            continue
        subj, rel = _subject(v)
        if subj is None or subj.i > a.i:
            continue
        content: set = set()
        cue_toks = [a]
        for c in a.children:
            if c.i < a.i:
                continue
            if c.dep_ in ("ccomp", "xcomp"):
                content = _span_tokens(c)
                break
            if c.dep_ == "prep" and c.lower_ in ("of", "about", "with", "to", "on", "in", "over", "that"):
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if objs:
                    content = set().union(*(_span_tokens(g) for g in objs))
                    cue_toks = [a, c]
                    break
        content = {i for i in content if not doc[i].is_space}
        if not content:
            continue
        lemma = a.lemma_.lower()
        out.append(_Cand(cue_toks=cue_toks, cue_lemma=lemma, stance=cues.adjectives[lemma], content=content,
                         quotes=set(), subj=subj, anchor=a, relative_head=rel, sent=a.sent, frame="adjective"))
    return out


def _in_source_candidates(doc: Doc, cues: Cues, ins: list) -> list[_Cand]:
    """"In a CNN poll released Monday, Clinton held a 24-point lead": the document after "in" is the source
    of the clause it hangs on (``sources`` in models/cues.yaml: polls, surveys, reports, letters ...)."""
    out = []
    for t in ins:
        src = next((c for c in t.children if c.dep_ == "pobj"), None)
        h = t.head
        while h.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and h.dep_ in ("dobj", "pobj", "prep", "attr", "npadvmod") \
                and h.head != h:
            h = h.head  # "Trump has a decisive lead in the polls", "among voters in a CNN poll"
        if src is None or src.lemma_.lower() not in cues.sources or h.pos_ not in ("VERB", "AUX"):
            continue
        if h.lemma_.lower() in cues.any_verb and _subject(h)[0] is not None:
            continue  # "In the letter, the senators accused ...": the senators speak, the letter is the medium
        own = _span_tokens(t)
        content = {i for i in _span_tokens(h) if i not in own and not doc[i].is_space}
        while content and doc[min(content)].is_punct:
            content.discard(min(content))
        while content and doc[max(content)].is_punct:
            content.discard(max(content))
        if len(content) < 3:
            continue
        out.append(_Cand(cue_toks=[t], cue_lemma=f"in {src.lemma_.lower()}", stance=cues.sources[src.lemma_.lower()],
                         content=content, quotes=set(), subj=src, anchor=t, sent=t.sent, frame="in_source"))
    return out


_VERDICT_NOUNS = {"evaluation", "assessment", "verdict", "view", "word", "reaction", "response", "message",
                  "comment", "conclusion", "assertion", "warning", "answer"}


def _verdict_candidates(doc: Doc, nouns: list, quote_of_tok: dict) -> list[_Cand]:
    """“...,” was the evaluation of negotiator Rustem Umerov. - the quote is the "of" phrase's."""
    out = []
    for t in nouns:
        be = t.head
        if be.lemma_ != "be" or be.i >= t.i:
            continue
        src = next((g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                    if g.dep_ == "pobj"), None) or next((c for c in t.children if c.dep_ == "poss"), None)
        j = be.i - 1
        while j >= be.sent.start and (doc[j].is_space or (doc[j].is_punct and j not in quote_of_tok)):
            j -= 1
        if src is None or j < be.sent.start or j not in quote_of_tok:
            continue
        q = quote_of_tok[j]
        content = {i for i in range(be.sent.start, be.i) if quote_of_tok.get(i) == q}
        end = src.left_edge.i if src.i > t.i else t.i + 1
        cue_toks = [x for x in doc[be.i:end] if not x.is_space and x.i not in _span_tokens(src)]
        stance = "warn" if t.lemma_.lower() == "warning" else "assert"
        out.append(_Cand(cue_toks=cue_toks, cue_lemma=t.lemma_.lower(), stance=stance, content=content,
                         quotes={q}, subj=src, anchor=t, sent=be.sent, frame="verdict"))
    return out


_NOT_SPEAKERS = {"update", "note", "editor", "breaking", "watch", "read", "photo", "video", "related", "advertisement",
                 "source", "sources", "warning", "exclusive", "analysis", "opinion", "correction", "q", "a"}


def _colon_candidates(doc: Doc, colons_at: list) -> list[_Cand]:
    """'Lavrov: Washington fails to submit the plan' — a name at the start of a sentence, a colon, a clause."""
    out = []
    for t in colons_at:
        sent = t.sent
        lo = sent.start
        while lo < t.i and (doc[lo].is_space or doc[lo].is_punct):
            lo += 1
        name = doc[lo:t.i]
        if not 1 <= len(name) <= 4 or not all(w.pos_ == "PROPN" or ((w.is_title or w.is_upper and len(w) > 1) and
                                                                     w.pos_ in ("NOUN", "ADJ")) or
                                               w.tag_ == "HYPH" for w in name):
            continue
        if any(w.lower_ in _NOT_SPEAKERS for w in name):
            continue
        content = _after_colon(t)
        if len(content) < 3 or not any(doc[i].pos_ in ("VERB", "AUX") for i in content):
            continue
        out.append(_Cand(cue_toks=[t], cue_lemma=":", stance="assert", content=content, quotes=set(),
                         subj=name.root, anchor=t, sent=sent, frame="colon"))
    return out


_DASH_NAME = re.compile(r"[ \t\u00a0]*[―—–][ \t\u00a0]*(?=[A-Z])")


def _dash_candidates(doc: Doc, text: str, quotes: list) -> list[_Cand]:
    """'“Trump scares me.” ― Carla Sanchez': a quote, a dash, the name of who said it."""
    out = []
    for qs, qe in quotes:
        m = _DASH_NAME.match(text, qe)
        if m is None:
            continue
        dash = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        start = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if dash is None or start is None:
            continue
        i = start.start
        name = []
        while i < len(doc) and len(name) < 5 and (doc[i].pos_ == "PROPN" or doc[i].is_title or doc[i].text in (".", "-")):
            name.append(doc[i])
            if "\n" in doc[i].text_with_ws:
                break
            i += 1
        while name and not name[-1].is_alpha:
            name.pop()
        if not name or not any(w.pos_ == "PROPN" for w in name):
            continue
        qspan = doc.char_span(qs, qe, alignment_mode="expand")
        if qspan is None:
            continue
        root = max(name, key=lambda w: w.i) if not any(w.head in name for w in name) else next(
            (w for w in name if w.head not in name or w.head == w), name[-1])
        out.append(_Cand(cue_toks=[dash[0]], cue_lemma="―", stance="assert", content=set(range(qspan.start, qspan.end)),
                         quotes=set(), subj=root, anchor=name[0], sent=dash[0].sent, frame="dash",
                         speaker_toks=name))
    return out
