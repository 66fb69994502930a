"""The verb frames that read an object, a participle's noun or a complement: a verb's direct object
(:func:`frame_object`: an object verb of the lexicon, a quoted object, a document's object, :func:`document_object`),
a participle whose noun speaks ("a group backing Rubio", :func:`frame_participle`), any complement a verb of the
lexicon takes (:func:`frame_complement`). :data:`graphkit.frames_verb.VERB_FRAMES` orders them after the clause
frames of :mod:`graphkit.frames_verb_clause`.

>>> from graphkit.nlp import load_spacy
>>> from graphkit.cues import default_cues
>>> from graphkit.frames_verb_content import VerbContext
>>> doc = load_spacy()("The ministry denied any losses.")
>>> v = doc[2]
>>> x = VerbContext(v, "deny", list(v.children), doc[1], None, {0, 1}, default_cues(), {}, True)
>>> hit = frame_object(x)
>>> hit.frame, hit.stance, " ".join(doc[i].text for i in sorted(hit.content))
('object', 'deny', 'any losses')
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .frames_parse import ADDRESSEE_VERBS, not_a_source, span_tokens
from .frames_verb_content import (
    CIRCUMSTANCE_PREPS, FrameHit, VerbContext, object_complements, shown_act, verb_complement,
)
from .mentions import DOCUMENT_NOUNS


#: a document's verb of the lexicon with a direct object and no clause says that object ("A new survey found broad
#: support for the plan", "Many studies have found little effect"), as a lexicon source says a clause ("The poll found
#: that ..."): over PolNeAR train+dev such a verb (no object verb of the lexicon) with a document noun as its subject
#: stands at 17 places, PolNeAR's gold with that document as source at 13, none at 4, a rule candidate at 1 (the
#: addressee verbs left out, 15 / 12 / 3: "The ad reminds me of ...") (:func:`document_object`; issue 13, session 66)
DOCUMENT_OBJECT = True


def document_object(x: VerbContext) -> bool:
    """Whether cue verb ``x`` (a verb of ``cues.verbs``, not one whose object is the one spoken to) has a document as
    its subject, a source of the lexicon (``cues.sources``: a poll, the study) or a document noun
    (:data:`graphkit.mentions.DOCUMENT_NOUNS`: a report, the statement), the NER typing it nothing, so that its
    direct object is what the document says. Always False with :data:`DOCUMENT_OBJECT` off.

    >>> from graphkit.nlp import load_spacy
    >>> nlp = load_spacy()
    >>> from graphkit.frames_verb import verb_context
    >>> from graphkit.cues import default_cues
    >>> [document_object(verb_context(d[4], default_cues(), {})) for d in map(nlp, (
    ...     "A new CNN survey found broad support for the plan.", "The new city council found broad support for it."))]
    [True, False]
    """
    subj = x.subj
    return DOCUMENT_OBJECT and x.lemma in x.cues.verbs and x.lemma not in ADDRESSEE_VERBS and subj is not None \
        and subj.pos_ == "NOUN" and not subj.ent_type_ \
        and (subj.lemma_.lower() in x.cues.sources or subj.lemma_.lower() in DOCUMENT_NOUNS)


def frame_object(x: VerbContext) -> Optional[FrameHit]:
    """A direct object: "denied any losses", "praised US efforts", a quoted object of a speech verb, a document's
    finding ("A new survey found broad support for the plan": :func:`document_object`); the passive "was rejected
    by the Russian Foreign Ministry"."""
    if not x.own:
        return None
    cues, lemma = x.cues, x.lemma
    dobj = next((c for c in x.children if c.dep_ == "dobj"), None)
    if dobj is None:
        if lemma in cues.object_verbs and x.subj is not None and x.subj.head.dep_ == "agent":
            patient = next((c for c in x.children if c.dep_ == "nsubjpass"), None)
            if patient is not None:
                return FrameHit(span_tokens(patient) | {x.v.i}, cues.object_verbs[lemma], "object")
        return None
    if not (lemma in cues.object_verbs or (dobj.i in x.quote_of_tok and lemma in cues.verbs) or document_object(x)):
        return None
    if shown_act(x.v, x.subj, cues):
        return None  # "polls show a lead" reports; "Ukrainians have shown grit" is an act, not speech
    # "criticized Clinton for accepting donations": the reason is part of the charge (object_complements)
    content = span_tokens(dobj) | object_complements(x.v, dobj, cues)
    return FrameHit(content, cues.object_verbs.get(lemma) or cues.verbs.get(lemma, "assert"), "object")


def frame_participle(x: VerbContext) -> Optional[FrameHit]:
    """A participle modifying a noun, the noun its speaker: "the super PAC backing Jeb Bush" (an object verb
    and its object), "911 calls saying shots had been fired" (a speech verb and its clause)."""
    v, cues = x.v, x.cues
    h = v.head
    if x.subj is not None or v.dep_ != "acl" or v.tag_ != "VBG" or h.i > v.i or h.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    if not_a_source(h) or h.lemma_.lower() in cues.sources and x.lemma not in cues.verbs:
        return None
    clause = next((c for c in x.children if c.dep_ == "ccomp" and c.i > v.i), None)
    dobj = next((c for c in x.children if c.dep_ == "dobj" and c.i > v.i), None)
    if clause is not None and x.lemma in cues.verbs:
        content, stance = span_tokens(clause), cues.verbs[x.lemma]
    elif dobj is not None and x.lemma in cues.object_verbs and not shown_act(v, h, cues):
        content, stance = span_tokens(dobj) | object_complements(v, dobj, cues), cues.object_verbs[x.lemma]
    else:
        return None
    h = _past_place(v.head)
    end = v.i if h.i == v.head.i else v.head.head.i  # "Putin at a command post saying": Putin, up to "at"
    speaker = [t for t in h.subtree if t.i < end and not t.is_space]
    while speaker and speaker[-1].is_punct:
        speaker.pop()
    return FrameHit(content, stance, "participle", subj=h, speaker_toks=speaker) if speaker else None


def _past_place(h: Token) -> Token:
    """Who a participle speaks for when the parser hung it on the object of a place or time phrase: "a video
    showing Putin at a command post saying ..." is Putin's saying, not the post's. A person (a PERSON entity or a
    personal pronoun) the phrase follows: the noun it modifies, or the object of the verb it hangs on; ``h`` itself
    otherwise (also when ``h`` is a person: "Putin at the side of his minister saying" stays the minister's).

    >>> from graphkit.nlp import load_spacy
    >>> doc = load_spacy()("The Kremlin released a video showing Putin at a command post saying Russia had won.")
    >>> _past_place(doc[10]).text
    'Putin'
    """
    p = h.head
    if h.dep_ != "pobj" or p.dep_ != "prep" or p.lower_ not in CIRCUMSTANCE_PREPS or h.ent_type_ == "PERSON":
        return h
    g = p.head
    if g.pos_ not in ("NOUN", "PROPN", "PRON"):
        g = next((c for c in g.children if c.dep_ == "dobj" and c.i < p.i), None)
    if g is None or not (g.ent_type_ == "PERSON" or g.tag_ == "PRP"):
        return h
    return g


def frame_complement(x: VerbContext) -> Optional[FrameHit]:
    """The last resort for a lexicon verb no frame above reads, with a speaker of its own: its clause or
    to-infinitive, as the cue tagger reads a verb (:func:`verb_complement`), for the re-scorer to weigh: "The
    senator has continued to question the plan" ("continue" takes a clause in the lexicon, not an infinitive).
    Not its object or prepositional object (5-fold CV over PolNeAR train+dev: those cost speech fair, bench/README.md,
    issue 13), nor an act of showing."""
    if not x.own or shown_act(x.v, x.subj, x.cues):
        return None
    content, kind = verb_complement(x.v, x.children, x.cues)
    if not content or kind not in ("clause", "to"):
        return None
    cues = x.cues
    stance = cues.verbs.get(x.lemma) or cues.object_verbs.get(x.lemma) or cues.to_verbs.get(x.lemma) or "assert"
    return FrameHit(content, stance, kind)
