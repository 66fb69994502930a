"""Verb frames: a verb cue of ``models/cues.yaml`` and where its content is.

:func:`verb_candidate` tries the frames of :data:`VERB_FRAMES` in order (an ordered table of small
documented functions, each switchable by name): a cue clause set off by commas or quotes ("“...,” he
said"; "The plan, said Ann Lee, will fail", :mod:`graphkit.frames_quote`), an "as" clause ("As the Post
reported, ..."), a participle whose noun speaks ("a group backing Rubio"), a clause ("said that ..."), a
prepositional object ("called for a ceasefire"), a to-infinitive ("vowed to retaliate"), an object ("denied
any losses"), a colon ("said: ..."); then cuts what every frame shares (claims of their own coordinated into
the content, the subject, the cue). A negated or refused cue is marked (:func:`declined_cue`).

The frames live beside it, by what they read: :mod:`graphkit.frames_verb_clause` (a clause, a prepositional object,
a to-infinitive, what stands around the verb, a quotation or colon after it, an "as" clause) and
:mod:`graphkit.frames_verb_object` (an object, a participle's noun, a complement); what every frame reads and finds
(:class:`graphkit.frames_verb_content.VerbContext`, ``FrameHit``) and where a verb's content runs are in
:mod:`graphkit.frames_verb_content`. This module holds their order, the cue verb's context (:func:`verb_context`,
a participle's speaker after "with" among it) and the cuts every frame shares.

>>> from graphkit.nlp import load_spacy
>>> from graphkit.cues import default_cues
>>> doc = load_spacy()("Lavrov said the Europeans were stalling.")
>>> c = verb_candidate(doc[1], default_cues(), {})
>>> (c.frame, c.subj.text, " ".join(doc[i].text for i in sorted(c.content)))
('clause', 'Lavrov', 'the Europeans were stalling')
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .communication_nouns import communication_noun
from .cues import Cues, default_cues
from .frames_parse import (
    ADDRESSEE_VERBS, CueCandidate, has_modal, inverted_object, not_a_source, same_line_subject, span_tokens,
    speaker_before, verb_subject,
)
from .frames_verb_clause import (
    frame_around, frame_as_clause, frame_clause, frame_clause_under_pobj, frame_colon_after_verb, frame_naming,
    frame_parenthetical, frame_prep, frame_quote_after, frame_statement_noun_colon, frame_to_infinitive,
)
from .frames_verb_content import TAIL_FRAMES, VerbContext, with_tail
from .frames_verb_object import frame_complement, frame_object, frame_participle
from .mentions import DOCUMENT_NOUNS


_REFUSE = {"decline", "refuse"}


def declined_cue(v: Token, cues: Cues) -> bool:
    """Is verb cue v negated or refused? Then what follows was not said.

    "did not say", "wouldn't share details", "never said" (a negation on the cue or on a verb it is
    the infinitive of: "did not want to say"); "declined to comment", "refused to say" (the cue is the
    infinitive of a refusal verb); "has yet to say" ("yet" on the "have" the cue hangs on); and a
    refusal verb whose infinitive is itself a cue ("declined to discuss the talks").

    >>> from graphkit.nlp import load_spacy
    >>> from graphkit.cues import default_cues
    >>> nlp = load_spacy()
    >>> [declined_cue(next(t for t in nlp(s) if t.lemma_ in ("say", "share", "comment")), default_cues()) for s in (
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


#: The verb frames, in the order they are tried; the first that finds content wins. Each can be switched
#: off by name (``attributions(doc, without={"around"})``, ``bench/eval_attribution.py --without around``)
#: to measure what it earns.
VERB_FRAMES = {
    "clause_under_pobj": frame_clause_under_pobj,
    "quote_after": frame_quote_after,
    "around": frame_around,
    "parenthetical": frame_parenthetical,
    "as_clause": frame_as_clause,
    "participle": frame_participle,
    "naming": frame_naming,
    "clause": frame_clause,
    "prep": frame_prep,
    "to_infinitive": frame_to_infinitive,
    "object": frame_object,
    "colon_after_verb": frame_colon_after_verb,
    "statement_noun_colon": frame_statement_noun_colon,
    "complement": frame_complement,
}


#: a cue participle after "with" speaks for its own subject ("..., with rival candidates suggesting that ...", "with
#: some polls indicating ...", "with the campaign saying ..."), unless that subject is a thing said
#: (:func:`said_thing`): then its author, the outer clause's subject, speaks ("Lee went further, with a tirade arguing
#: that ..."). Session 65 (-113) kept the outer subject for every common noun but people and sources; over PolNeAR
#: train+dev (81 cue participles after "with") the rules' candidates 1 speaker made right, 1 wrong gone, none made
#: wrong (session 67; :func:`speaks_for_itself`; issue 13)
WITH_OWN_SPEAKER = True

#: a noun whose most frequent sense is a thing said (WordNet 3.0's noun.communication:
#: `graphkit.communication_nouns`, "a tirade", "a message", "the speech") is a thing said besides the lexicon's noun
#: cues and the document nouns: over PolNeAR train+dev its subjects of a cue participle after "with" are 3, PolNeAR's
#: source the outer clause's subject at the 1 with a gold, no rule candidate moved (session 67; issue 13)
SAID_COMMUNICATION_NOUNS = True


def said_thing(subj: Token, cues: Cues) -> bool:
    """Is common noun ``subj`` a thing said, its author's words rather than a speaker: a noun cue of the lexicon
    (``cues.nouns``: "remarks", "a speech", "the tweet"), a document noun (:data:`graphkit.mentions.DOCUMENT_NOUNS`:
    "a statement", "the email") or, with :data:`SAID_COMMUNICATION_NOUNS`, a noun whose most frequent sense is a
    communication (`graphkit.communication_nouns`: "a tirade", "the message"; not a means that carries one, "the
    newspaper", "a website", which the table leaves out), that the lexicon does not list as a source speaking for
    itself (``cues.sources``: "polls", "the survey", "a letter", as "the letter said" is a speaker)?

    >>> import spacy
    >>> v = spacy.blank("en").vocab
    >>> from spacy.tokens import Doc
    >>> doc = Doc(v, words=["remarks", "statement", "tirade", "polls", "letter", "campaign", "newspaper"],
    ...           lemmas=["remark", "statement", "tirade", "poll", "letter", "campaign", "newspaper"])
    >>> [said_thing(t, default_cues()) for t in doc]
    [True, True, True, False, False, False, False]
    """
    lemma = subj.lemma_.lower()
    return lemma not in cues.sources and (lemma in cues.nouns or lemma in DOCUMENT_NOUNS
                                          or SAID_COMMUNICATION_NOUNS and communication_noun(lemma))


def speaks_for_itself(subj: Token, cues: Cues) -> bool:
    """Does common noun ``subj``, a cue participle's subject after "with", speak for itself: anything but a thing said
    (:func:`said_thing`)? Always False with :data:`WITH_OWN_SPEAKER` off (the outer clause's subject speaks).

    >>> import spacy
    >>> v = spacy.blank("en").vocab
    >>> from spacy.tokens import Doc
    >>> doc = Doc(v, words=["candidates", "polls", "campaign", "speech"],
    ...           lemmas=["candidate", "poll", "campaign", "speech"])
    >>> [speaks_for_itself(t, default_cues()) for t in doc]
    [True, True, True, False]
    """
    return WITH_OWN_SPEAKER and not said_thing(subj, cues)


def verb_context(v: Token, cues: Cues, quote_of_tok: dict) -> Optional[VerbContext]:
    """The cue verb's subject and what the frames need (:class:`graphkit.frames_verb_content.VerbContext`); None when
    the verb cannot be a cue here (a question asked of someone, "Asked whether ..."; a state of affairs as subject).
    The home of the "with" reading: a cue participle after "with" speaks for its own subject unless that is a thing
    said (:func:`speaks_for_itself`), whose author, the outer clause's subject, speaks. A parse as written (a model's
    update may read the sentence otherwise):

    >>> from graphkit.doc_reading import parsed_as_written
    >>> tirade = parsed_as_written("Lee went on, with a tirade arguing that rivals lied.",
    ...                            pos="PROPN VERB ADP PUNCT ADP DET NOUN VERB SCONJ NOUN VERB PUNCT",
    ...                            deps="nsubj ROOT prt punct prep det nsubj pcomp mark nsubj ccomp punct",
    ...                            heads="1 1 1 1 1 6 7 4 10 10 7 1",
    ...                            lemmas="Lee go on , with a tirade argue that rival lie .")
    >>> rivals = parsed_as_written("Lee went on, with rivals arguing that he lied.",
    ...                            pos="PROPN VERB ADP PUNCT ADP NOUN VERB SCONJ PRON VERB PUNCT",
    ...                            deps="nsubj ROOT prt punct prep nsubj pcomp mark nsubj ccomp punct",
    ...                            heads="1 1 1 1 1 6 4 9 9 6 1", lemmas="Lee go on , with rival argue that he lie .")
    >>> [(x.lemma, x.subj.text) for x in (verb_context(tirade[7], default_cues(), {}),
    ...                                    verb_context(rivals[6], default_cues(), {}))]
    [('argue', 'Lee'), ('argue', 'rivals')]
    """
    lemma = v.lemma_.lower()
    children = list(v.children)
    subj, rel = verb_subject(v)
    with_ = v.head if v.dep_ == "pcomp" else v.head.head if v.dep_ == "acl" and v.head.dep_ == "pobj" else None
    if with_ is not None and with_.lower_ == "with" and (subj is None or subj.pos_ == "NOUN" and not subj.ent_type_
                                                          and not speaks_for_itself(subj, cues)):
        # "Lee went further, with a tirade arguing that ...": the tirade is Lee's
        outer, _ = verb_subject(with_.head)
        if outer is not None:
            subj = outer
    if cues.verbs.get(lemma) == "question" and (v.tag_ == "VBN" or v.dep_ == "advcl" and v.i < v.head.i) and not any(
            c.dep_ in ("nsubj", "agent") for c in children):
        return None  # "Asked whether ..., Rubio said", "he was asked if ...": the question is not his
    if not_a_source(subj):
        return None  # "the urgency from all sides suggests ...": a state of affairs, not a source
    if subj is not None and subj.i < v.i:
        subj = same_line_subject(subj, v)
    subj_idx = span_tokens(subj) if subj is not None and subj.head == v else ({subj.i} if subj is not None else set())
    if subj is not None and subj.head != v and subj.head.dep_ == "agent" and subj.head.head == v:
        subj_idx = span_tokens(subj.head)
    if subj is not None and subj.head != v and (subj.i > v.i and inverted_object(v) == subj
                                                 or subj.i < v.i and speaker_before(v) == subj):
        # a speaker a quotation's rule found where the parser hung it ('"...," said Tom Hale, half joking', '“...,”
        # Ann Lee, an adviser, said'): the speaker's whole phrase, wherever it hangs
        subj_idx = span_tokens(subj)
    # object, to-infinitive and prepositional claims need a speaker of their own, and a verb that is not
    # itself an infinitive ("refused to answer", "seek to engage": intentions, not claims made)
    own = subj is not None and v.dep_ not in ("acl", "amod", "pcomp") and not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in children)
    return VerbContext(v, lemma, children, subj, rel, subj_idx, cues, quote_of_tok, own)


def verb_candidate(v: Token, cues: Cues, quote_of_tok: dict, without: frozenset = frozenset()
                   ) -> Optional[CueCandidate]:
    """The candidate of verb cue v: the first frame of :data:`VERB_FRAMES` (not in ``without``) that finds content,
    then the cuts every frame shares (coordinated claims of other sources, the subject, the cue itself); None when no
    frame finds any (the module's example too).

    >>> from graphkit.nlp import load_spacy
    >>> doc = load_spacy()("Lee said the fares will fall.")
    >>> c = verb_candidate(doc[1], default_cues(), {})
    >>> c.frame, c.subj.text, " ".join(doc[i].text for i in sorted(c.content))
    ('clause', 'Lee', 'the fares will fall')
    """
    x = verb_context(v, cues, quote_of_tok)
    if x is None:
        return None
    hit, name = None, None
    for name, frame in VERB_FRAMES.items():
        if name not in without:
            hit = frame(x)
            if hit is not None and hit.content:
                break
    if hit is None or not hit.content:
        return None
    content, frame = set(hit.content), hit.frame
    if name in TAIL_FRAMES:
        content = with_tail(v, content, cues)
    cue_toks = hit.cue_toks or [v]
    if frame != "around":
        content -= _coordinated_claims(v, content, cues)
        if not content:
            return None
    # "told Bloomberg": the addressee is part of the cue as written
    if x.lemma in ADDRESSEE_VERBS and frame in ("clause", "colon"):
        for c in x.children:
            if c.dep_ in ("dobj", "dative") and c.i > v.i and c.i not in content:
                cue_toks = [v] + [t for t in c.subtree]
                break
    subj, speaker_toks, subj_idx = x.subj, None, x.subj_idx
    if hit.subj is not None:
        subj, speaker_toks = hit.subj, hit.speaker_toks
        subj_idx = {t.i for t in speaker_toks}
    content -= subj_idx
    content -= {t.i for t in cue_toks}
    if frame in ("object", "to", "prep"):
        # without a clause the verb is part of what was claimed: "denied any such losses", "called for a truce"
        content |= {t.i for t in cue_toks if t.i < min(content, default=v.i) or t.i == v.i}
        content |= set(range(v.i, min(content))) - subj_idx if content else set()
    return CueCandidate(cue_toks=cue_toks, cue_lemma=hit.key or x.lemma, stance=hit.stance or "assert", content=content,
                        quotes=set(), subj=subj, anchor=v, relative_head=x.rel, sent=v.sent, frame=frame,
                        speaker_toks=speaker_toks, declined=declined_cue(v, cues))


#: the marks of a clause of contrast set beside a claim ("..., while Moscow sources said ...")
_SIDE_BY_SIDE = {"while", "whereas", "as", "although", "though"}
#: the marks of a clause of time ("..., after the council announced ...")
_TIME_MARKS = frozenset({"after", "before", "when"})
#: a clause of time with a subject of its own and a cue verb with no clause of its own stays in the content it closes
#: ("said the library would close after the council announced cuts": PolNeAR's content runs on through it), where a
#: clause of contrast set beside it ("..., while Moscow sources said ...") or of time around a verb that says a clause
#: ("..., after Kyiv said it was ready") is a claim of its own, cut (:func:`side_by_side`; issue 13, session 63)
TIME_CLAUSE_STAYS = True


def side_by_side(t: Token) -> bool:
    """Whether adverbial clause ``t`` is set beside the claim it closes, its own claim cut from the content: a clause
    of contrast ("while", "whereas", "as", "although", "though"), and one of time ("after", "before", "when") unless
    :data:`TIME_CLAUSE_STAYS` and its verb has no clause of its own (``ccomp``: what someone said).

    >>> from graphkit.doc_reading import parsed_as_written
    >>> doc = parsed_as_written("It fell after she left while he said so", heads="1 1 4 4 1 7 7 1 7",
    ...                         deps="nsubj ROOT mark nsubj advcl mark nsubj advcl advmod")
    >>> side_by_side(doc[4]), side_by_side(doc[7])
    (False, True)
    >>> said = parsed_as_written("It fell after she said it was over", heads="1 1 4 4 1 6 4 6",
    ...                          deps="nsubj ROOT mark nsubj advcl nsubj ccomp acomp")
    >>> side_by_side(said[4])
    True
    """
    marks = {c.lower_ for c in t.children if c.dep_ == "mark"}
    if marks & _SIDE_BY_SIDE:
        return True
    return bool(marks & _TIME_MARKS) and (not TIME_CLAUSE_STAYS or any(c.dep_ == "ccomp" for c in t.children))


#: a cue verb coordinated with the cue ("declared “...” and said that ...") is a claim of its own, cut from the
#: first one's content when a frame took the rest of the sentence (5-fold CV, bench/README.md)
COORDINATED_CUE = True


#: a that-clause coordinated with the cue's clause ("said A and that B") is the same claim's second clause, whatever
#: its verb (5-fold CV, bench/README.md)
SECOND_THAT = True


def _coordinated_claims(v: Token, content: set, cues: Cues) -> set:
    """Tokens of claims of their own coordinated into v's content, to cut from it.

    "Two-thirds said A, and about 3 in 10 said B" / "The Kremlin said it was awaiting details, while
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
            continue  # "said he welcomed the ruling and that he hoped to go on": one claim, two clauses
        own_subj = any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        if t.head == v:
            # "declared “What a night!” and said that ...": a second claim, when a frame took the rest;
            # not "reported that Putin was ready ..., but would refuse ...", the reported clause going on
            if t.dep_ != "conj" or not COORDINATED_CUE or has_modal(t):
                continue
        elif own_subj:
            if lemma not in cues.verbs or any(c.tag_ == "MD" for c in t.children):
                continue  # "because Putin would find it hard": a reason inside the claim, not a claim made
            if t.dep_ == "advcl" and not side_by_side(t):
                continue
        elif t.dep_ == "advcl" or not (t.tag_ == v.tag_ and t.head.tag_ != t.tag_
                  and not any(c.dep_ in ("aux", "auxpass") for c in t.children)):
            continue
        cut |= span_tokens(t)
        j = t.left_edge.i - 1  # the ", and" joining it
        while j > v.i and j in content and (doc[j].dep_ in ("cc", "punct") or doc[j].is_space):
            cut.add(j)
            j -= 1
    return cut
