"""What every attribution frame reads from the parse: the candidate record and the subject of a verb.

:class:`CueCandidate` is what a frame proposes (cue tokens, stance, content tokens, subject) for
:func:`graphkit.attribution.attributions` to assemble; :func:`verb_subject` finds a verb's speaker (through
conjunctions, infinitives, passives, relative clauses); :func:`tokens_after_colon` what a colon introduces.

>>> from graphkit.nlp import load_spacy
>>> doc = load_spacy()("The senators, who met Lavrov, said the talks failed.")
>>> verb_subject(doc[7])[0].text
'senators'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span, Token

from .cues import past_forms
from .places import AREA_LABELS
from .words import MODALS


@dataclass
class CueCandidate:
    """A candidate attribution: what a frame proposes for :func:`graphkit.attribution.attributions` to assemble (the
    cue's tokens and lemma, its stance, the content's token indices, the speaker's head), one home for every frame
    module, the cue tagger (:mod:`graphkit.cue_tagger`) and the bench's stand-ins.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Lee", "said", "the", "plan", "failed"])
    >>> c = CueCandidate(cue_toks=[doc[1]], cue_lemma="say", stance="assert", content={2, 3, 4}, quotes=set(),
    ...                  subj=doc[0], anchor=doc[1], frame="clause")
    >>> (c.subj.text, " ".join(doc[i].text for i in sorted(c.content)), c.declined, c.score)
    ('Lee', 'the plan failed', False, None)
    """

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
    declined: bool = False  # a negated or refused cue: "did not say", "declined to comment" (see declined_cue)
    outer: Optional["CueCandidate"] = None  # the attribution whose content holds this one's cue ("X said Y said Z")
    score: Optional[float] = None  # the cue tagger's probability (graphkit.cue_tagger); None for the rules' cues


#: speech verbs that may introduce what is said with a colon ('He said: ...', 'Stated Stone: ...')
COLON_VERBS = {"say", "add", "tell", "write", "state", "declare", "explain", "note", "continue", "ask", "reply",
               "respond", "answer", "warn", "conclude", "argue", "insist", "announce", "remark", "comment", "post",
               "recall", "stress", "emphasize", "emphasise", "put", "joke", "quip", "shout", "yell", "exclaim",
               "tweet", "blog", "text", "email"}


def inverted_speech_verb(word: str) -> bool:
    """Whether a capitalised word is the past tense of a :data:`COLON_VERBS` verb opening an inverted label ('Stated
    Stone:', 'Added Clinton:'), so the name is the words after it (graphkit.cues.past_forms, the one home of a verb's
    past). Not 'Said', which is also a given name ('Said Jalili:'), nor a word in lower case.

    >>> [inverted_speech_verb(w) for w in ("Stated", "Added", "Replied", "Quipped", "Told", "Said", "Stone", "stated")]
    [True, True, True, True, True, False, False, False]
    """
    return word[:1].isupper() and word[1:].islower() and word.lower() in _COLON_PASTS


def label_name(name: Span) -> Span:
    """The name a label before a colon gives, without the inverted speech verb a transcript may open it with
    ('Stated Stone:' is Stone: :func:`inverted_speech_verb`); the label itself otherwise."""
    return name[1:] if len(name) > 1 and inverted_speech_verb(name[0].text) else name


#: the past tenses of :data:`COLON_VERBS` verbs an inverted label may open with; 'said' left out (see
#: :func:`inverted_speech_verb`)
_COLON_PASTS = frozenset(f for v in COLON_VERBS for f in past_forms(v)) - {"said"}


CLAUSE_DEPS = {"ccomp"}
_SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj"}
EDGE_PUNCT = set(",;:—–-()[]") | {"--"}


def has_modal(v: Token) -> bool:
    """Whether verb ``v`` has a modal auxiliary of its own (graphkit.words.MODALS: "would", "might", "must"): "...
    would insist" is not something said, and a modal marks a verb that continues a reported clause
    (:func:`backshifted`).

    >>> from graphkit.nlp import load_spacy
    >>> doc = load_spacy()("Lee would insist that the plan works.")
    >>> has_modal(doc[2]), has_modal(load_spacy()("Lee insisted that the plan works.")[1])
    (True, False)
    """
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in v.children)


def backshifted(v: Token) -> Optional[Token]:
    """The reported clause that verb v continues, when the parser hung v on the reporting verb.

    "Reuters reported that Putin was ready to talk, but would refuse to cede land": "refuse" (a modal
    of its own, no subject, after the that-clause) continues the clause of "was", not "reported"; the
    reporting verb has no modal. Returns the clause's verb, else None.

    >>> from graphkit.nlp import load_spacy
    >>> doc = load_spacy()("Reuters reported that Putin was ready to talk, but would refuse to cede land.")
    >>> backshifted(doc[11]).text, backshifted(doc[1])
    ('was', None)
    """
    h = v.head
    if v.dep_ != "conj" or h == v or v.i < h.i or not has_modal(v) or has_modal(h):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return None
    return next((c for c in h.children if c.dep_ == "ccomp" and h.i < c.i < v.i
                 and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)


def verb_subject(v: Token, depth: int = 0) -> tuple[Optional[Token], Optional[Token]]:
    """(subject head, relative-clause antecedent) of verb v. Of a clausal and a nominal subject the nominal one: an
    activity ('Getting the bill through the Senate, signaling ...') is no source of what 'it' says after it.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Getting", "votes", ",", "it", "said", ",", "was", "hard"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[4, 0, 4, 4, 4, 4, 4, 6],
    ...           deps=["csubj", "dobj", "punct", "nsubj", "ROOT", "punct", "ccomp", "acomp"])
    >>> verb_subject(doc[4])[0].text
    'it'
    """
    clause = backshifted(v)
    if clause is not None:
        return verb_subject(clause, depth + 1)
    subj = None
    for c in v.children:
        if c.dep_ in ("nsubj", "csubj"):
            if subj is not None and subj.dep_ in ("nsubj", "csubj") and subj.i < v.i < c.i:
                subj = c  # '“... mode,” said Leslie Wimes': the subject after the verb, not the quote's
                break
            if subj is None or subj.dep_ == "nsubjpass" or (subj.dep_ == c.dep_ == "nsubj" and subj.i < c.i < v.i) \
                    or (subj.dep_ == "csubj" and c.dep_ == "nsubj"):
                subj = c  # of two subjects before the verb, the nearer ("..., New Hampshire, Trump went"); a nominal one
            if c.i > v.i:
                break
        elif c.dep_ == "nsubjpass" and subj is None:
            subj = c
    if subj is None and v.pos_ == "VERB":
        # "About 4 in 10 say ...": the parser made the share a number modifier of the verb
        subj = next((c for c in v.children if c.dep_ == "nummod" and c.i < v.i), None)
    if subj is None and INVERTED_OBJECT:
        subj = inverted_object(v)
    if subj is None:
        subj = speaker_before(v)
    if subj is None:
        subj = fronted_subject(v)
    agent = next((c for c in v.children if c.dep_ == "agent"), None)
    if agent is not None:
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if pobj is not None and (subj is None or subj.dep_ == "nsubjpass"):
            subj = pobj
    if subj is not None:
        return subj, relative_head(subj, v)
    if depth < 3 and v.dep_ == "acomp" and v.head != v:
        return verb_subject(v.head, depth + 1)  # "Democratic voters are more likely to say ...": through "likely"
    if depth < 3 and v.dep_ in ("conj", "xcomp", "advcl", "pcomp", "acl") and v.head != v:
        h = v.head
        if v.dep_ == "pcomp" or h.dep_ == "prep":
            h = h.head if h.dep_ == "prep" else h
        if v.dep_ == "acl" and h.pos_ in ("NOUN", "PROPN", "PRON"):
            return None, None
        if v.dep_ == "conj" and v.tag_ in ("VBD", "VBZ", "VBP") and any(c.dep_ == "agent" for c in h.children):
            patient = next((c for c in h.children if c.dep_ == "nsubjpass"), None)
            if patient is not None:
                # "Union leaders were upset by the ruling and predicted ...": the leaders predicted, not the ruling
                return patient, relative_head(patient, h)
        if v.dep_ == "conj" and h.tag_ != v.tag_ and v.tag_ in ("VBD", "VBZ"):
            # "announced that she was leaving the race and vowed to ...": "vowed" is coordinated with
            # "announced" (same form), not with the verb spaCy hung it on
            h = next((a for a in h.ancestors if a.tag_ == v.tag_), h)
        return verb_subject(h, depth + 1)
    return None, None


#: a speaker written after the verb that follows a quotation and parsed as its object ("“...,” added a Democrat") is
#: the verb's subject (:func:`inverted_object`; 5-fold CV, bench/README.md issue 13, session 58)
INVERTED_OBJECT = True

#: how far back from its closing mark :func:`inverted_object` reads a quotation for a verb: a bound on the walk, not a
#: length test (a quotation of that many tokens without a verb is no sentence anyone said)
_QUOTED_REACH = 80

#: the quotation marks a quotation may close with, as the tokenizer splits them
_CLOSING_MARKS = frozenset({"”", "’", "''", '"', "'"})


def inverted_object(v: Token) -> Optional[Token]:
    """The speaker of a sentence's verb written after the quotation it follows, where the parser gave the verb no
    subject ("“The fares will rise,” added a Leeds councillor.", the speaker made the verb's object; "“...,” said Ann
    Lee, half joking.", the subject of the words after it): the head of the noun phrase that opens right after a finite
    main verb with no subject, right after the closing mark and a comma, question or exclamation mark of a quotation
    that holds a verb, no argument of the verb's own after the phrase; else None. Not "‘victory,’ ignores
    losses" (no verb quoted) nor a phrase with more of the verb's clause after it ("“...,” urged voters to stay home").

    >>> from graphkit.doc_reading import parsed_as_written
    >>> doc = parsed_as_written("“It is over,” added a Democrat.", heads="2 2 6 2 6 6 6 8 6 6",
    ...                         deps="punct nsubj ccomp advmod punct punct ROOT det dobj punct",
    ...                         pos="PUNCT PRON AUX ADV PUNCT PUNCT VERB DET NOUN PUNCT",
    ...                         tags="`` PRP VBZ RB , '' VBD DT NN .")
    >>> inverted_object(doc[6]).text, inverted_object(doc[2])
    ('Democrat', None)
    """
    doc = v.doc
    if v.dep_ != "ROOT" or v.tag_ not in ("VBD", "VBZ", "VBP") or v.i < 3 or v.i + 1 >= v.sent.end:
        return None
    mark = _closing_mark_before(v)
    if mark is None:
        return None
    head = _phrase_opening(doc[v.i + 1], v)
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    holds = {head.i} | {t.i for t in head.ancestors}
    if any(c.i > v.i and c.dep_ in _ARGUMENT_DEPS and c.i not in holds for c in v.children):
        return None  # "urged voters to stay home": an argument of the verb's own after the phrase
    return head if _quotes_a_verb(mark) else None


def _closing_mark_before(t: Token) -> Optional[Token]:
    """The closing mark of the quotation that ends right before token ``t``, its comma, question or exclamation mark
    inside or the comma after it ("“...,” added", "“...”, added"), else None.

    >>> from graphkit.doc_reading import parsed_as_written
    >>> inside, after = parsed_as_written("“It is over,” added Lee."), parsed_as_written("“It is over”, added Lee.")
    >>> _closing_mark_before(inside[6]).i, _closing_mark_before(after[6]).i, _closing_mark_before(inside[3])
    (5, 4, None)
    """
    if t.i < 2:
        return None
    one, two = t.doc[t.i - 1], t.doc[t.i - 2]
    if one.text in _CLOSING_MARKS and two.text in (",", "?", "!") and not two.whitespace_:
        return one
    if one.text == "," and two.text in _CLOSING_MARKS and not two.whitespace_:
        return two
    return None


def _quotes_a_verb(mark: Token) -> bool:
    """Does the quotation that ``mark`` closes hold a verb (within :data:`_QUOTED_REACH` tokens)? "‘victory,’" alone
    is no one's words.

    >>> from graphkit.doc_reading import parsed_as_written
    >>> said = parsed_as_written("“It is over,” added Lee.", pos="PUNCT PRON AUX ADV PUNCT PUNCT VERB PROPN PUNCT")
    >>> word = parsed_as_written("‘victory,’ ignores losses.", pos="PUNCT NOUN PUNCT PUNCT VERB NOUN PUNCT")
    >>> _quotes_a_verb(said[5]), _quotes_a_verb(word[3])
    (True, False)
    """
    for t in reversed(mark.doc[max(0, mark.i - _QUOTED_REACH):mark.i]):
        if t.is_quote or t.text in _CLOSING_MARKS:
            return False
        if t.pos_ in ("VERB", "AUX"):
            return True
    return False


def speaker_before(v: Token) -> Optional[Token]:
    """The speaker of a sentence's verb written between the quotation it follows and the verb, where the parser gave
    the verb no subject ("“...,” Ann Lee, a top adviser, said." with the name an attribute inside the quotation;
    "“...,” Hale notes." with the name a compound of the verb): the head of the noun phrase that fills the words
    between the closing mark (after a comma, question or exclamation mark) and a finite main verb, its first noun up
    the words that modify it, when the quotation holds a verb and no finite verb stands between; else None.

    >>> from graphkit.doc_reading import parsed_as_written
    >>> doc = parsed_as_written("“It is over,” Ann Lee, an aide, said.", heads="12 2 12 2 12 12 7 2 7 10 7 7 12 12",
    ...                         deps="punct nsubj ccomp acomp punct punct compound attr punct det appos punct ROOT punct",
    ...                         pos="PUNCT PRON AUX ADJ PUNCT PUNCT PROPN PROPN PUNCT DET NOUN PUNCT VERB PUNCT",
    ...                         tags="`` PRP VBZ JJ , '' NNP NNP , DT NN , VBD .")
    >>> speaker_before(doc[12]).text, speaker_before(doc[2])
    ('Lee', None)
    """
    doc, sent = v.doc, v.sent
    if not SPEAKER_BEFORE or v.dep_ != "ROOT" or v.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    j = last_word_before(v)
    m = j
    while m > sent.start and doc[m - 1].text not in _CLOSING_MARKS and doc[m - 1].tag_ not in _FINITE_TAGS:
        m -= 1
    mark = _closing_mark_before(doc[m])
    if mark is None or not _quotes_a_verb(mark) or doc[j].pos_ not in ("NOUN", "PROPN"):
        return None
    head = next((t for t in doc[m:j + 1] if t.pos_ in ("NOUN", "PROPN")), None)
    while head is not None and head.dep_ in _MODIFIER_DEPS and m <= head.head.i <= j and head.head.pos_ in (
            "NOUN", "PROPN"):
        head = head.head
    return head if head is not None and not not_a_source(head) else None


#: a speaker written between a quotation and its verb, where the parser gave the verb no subject, is its speaker
#: (:func:`speaker_before`; bench/README.md issue 13, session 59)
SPEAKER_BEFORE = True

#: the tags of a finite verb: where a phrase before a verb stops being one
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def last_word_before(v: Token, own: frozenset = frozenset()) -> int:
    """The index of the last word before verb ``v`` in its sentence, past spaces, commas and ``v``'s own children by
    the dependencies ``own`` ("..., also said" with ``own`` holding "advmod"); the sentence's first token at the most.

    >>> from graphkit.doc_reading import parsed_as_written
    >>> doc = parsed_as_written("Ann Lee, an aide, also said so.", heads="1 7 1 4 1 1 7 7 7 7",
    ...                         deps="compound nsubj punct det appos punct advmod ROOT advmod punct")
    >>> doc[last_word_before(doc[7])].text, doc[last_word_before(doc[7], _VERBS_OWN)].text
    ('also', 'aide')
    """
    doc, start = v.doc, v.sent.start
    j = v.i - 1
    while j > start and (doc[j].is_space or doc[j].text == "," or doc[j].head == v and doc[j].dep_ in own):
        j -= 1
    return j


#: a verb's own words that may stand between it and its speaker ("..., also said", "..., have said", "..., did not
#: say")
_VERBS_OWN = frozenset({"advmod", "aux", "neg"})


#: the dependencies by which a phrase fronted before its verb hangs on it ("In a letter to the council, ...", "Alarmed
#: by the delays, ...", "As part of the deal, ...")
_FRONTED_DEPS = frozenset({"prep", "advcl", "npadvmod", "advmod"})


def fronted_subject(v: Token) -> Optional[Token]:
    """The speaker of a sentence's finite verb the parser gave no subject, hung instead inside a phrase fronted
    before the verb ("Alarmed by the delays, Tom Hale, an aide, said ..." with "Hale" an apposition of "delays"; "In
    a letter to the council, the chief planner, Ann Reyes, said ..."): the outermost apposition or conjunct of a noun
    inside the fronted phrase that opens after a comma and runs on to the verb (commas, the verb's own adverbs and
    auxiliaries between: "..., also said", "..., have said"), unless a place written after a place ("Lee, speaking
    in Leeds, West Yorkshire, did not mention ...": the county of a city); else None.

    >>> from graphkit.doc_reading import parsed_as_written
    >>> doc = parsed_as_written("Alarmed by the delays, Tom Hale, an aide, said the budget was late.",
    ...                         heads="11 0 3 1 11 6 3 6 9 6 6 11 13 14 11 14 11",
    ...                         deps="advcl prep det pobj punct compound appos punct det appos punct ROOT det nsubj "
    ...                              "ccomp acomp punct",
    ...                         pos="VERB ADP DET NOUN PUNCT PROPN PROPN PUNCT DET NOUN PUNCT VERB DET NOUN AUX ADJ PUNCT",
    ...                         tags="VBN IN DT NNS , NNP NNP , DT NN , VBD DT NN VBD JJ .")
    >>> fronted_subject(doc[11]).text, fronted_subject(doc[14])
    ('Hale', None)
    >>> place = parsed_as_written("Lee, speaking in Leeds, West Yorkshire, did not mention the fares.",
    ...                           heads="11 0 11 2 3 4 7 4 4 11 11 11 13 11 11",
    ...                           deps="advcl punct advcl prep pobj punct compound appos punct aux neg ROOT det dobj punct",
    ...                           pos="PROPN PUNCT VERB ADP PROPN PUNCT PROPN PROPN PUNCT AUX PART VERB DET NOUN PUNCT",
    ...                           tags="NNP , VBG IN NNP , NNP NNP , VBD RB VB DT NNS .",
    ...                           ents="B-PERSON O O O B-GPE O B-GPE I-GPE O O O O O O O")
    >>> fronted_subject(place[11]) is None   # the county of a city, not a speaker
    True
    """
    if not FRONTED_SUBJECT or v.dep_ != "ROOT" or not (v.tag_ in _FINITE_TAGS or any(
            c.dep_ == "aux" and c.tag_ in _FINITE_TAGS and c.i < v.i for c in v.children)):
        return None
    doc, j = v.doc, last_word_before(v, _VERBS_OWN)
    for f in v.children:
        if f.i >= v.i or f.dep_ not in _FRONTED_DEPS or not j <= f.right_edge.i < v.i:
            continue
        for x in f.subtree:  # in the text's order: the outermost first
            if (x.dep_ in ("appos", "conj") and x.pos_ in ("NOUN", "PROPN") and x.left_edge.i > f.i
                    and doc[x.left_edge.i - 1].text == "," and x.right_edge.i >= j and not not_a_source(x)
                    and not (x.ent_type_ in AREA_LABELS and x.head.ent_type_ in AREA_LABELS)):
                return x
    return None


#: a speaker the parser hung inside a phrase fronted before its verb is the verb's subject (:func:`fronted_subject`;
#: bench/README.md issue 13, session 61)
FRONTED_SUBJECT = True


def _phrase_opening(first: Token, v: Token) -> Token:
    """The head of the noun phrase that opens with ``first`` after verb ``v``: up the heads ``first`` modifies ("Tom"
    -> "Hale", "Leeds" -> "Post" of "Leeds's Evening Post"), never past a subject or object of another word, nor to
    ``v``."""
    head = first
    while head.dep_ in _MODIFIER_DEPS and head.head.i > v.i and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    return head


#: the dependencies of a verb's arguments (a participle or adverbial after them, ", referring to ...", is no argument)
_ARGUMENT_DEPS = frozenset({"dobj", "dative", "xcomp", "ccomp", "attr", "acomp", "oprd", "conj", "nsubj", "nsubjpass",
                            "csubj"})

#: the dependencies of a word inside a noun phrase on the phrase's head
_MODIFIER_DEPS = frozenset({"compound", "amod", "det", "poss", "nmod", "nummod", "flat"})


def relative_head(subj: Token, v: Token) -> Optional[Token]:
    """The noun a relative pronoun subject of ``v`` stands for: the head of the relative clause ``v`` is, or is
    coordinated with ('Rep. Tom Reed, a Brown supporter whose seat is safe but who backed the cuts': 'backed' is
    a conjunct of 'is', the clause on 'supporter'); None for any other subject.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["an", "ally", "whose", "seat", "is", "safe", "but", "who", "backed", "it"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 3, 4, 1, 4, 4, 8, 4, 8],
    ...           deps=["det", "ROOT", "poss", "nsubj", "relcl", "acomp", "cc", "nsubj", "conj", "dobj"])
    >>> relative_head(doc[7], doc[8]).text, relative_head(doc[3], doc[4])
    ('ally', None)
    """
    if subj.lower_ not in ("who", "which", "that"):
        return None
    while v.dep_ == "conj" and v.head != v:
        v = v.head
    return v.head if v.dep_ == "relcl" else None


def same_line_subject(subj: Token, v: Token) -> Optional[Token]:
    r"""A subject parsed across a line break ("2:45 p.m.\n\nConnecticut's tax commissioner says") is
    replaced by the phrase on the verb's own line; ``subj`` itself when no line break lies between it and ``v``, None
    when the verb's line holds no noun before it.

    >>> from graphkit.nlp import load_spacy
    >>> doc = load_spacy()("The mayor spoke at noon.\n\nThe tax commissioner says the plan works.")
    >>> v = next(t for t in doc if t.lower_ == "says")
    >>> same_line_subject(doc[1], v).text, same_line_subject(doc[9], v).text
    ('commissioner', 'commissioner')
    """
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


def span_tokens(tok: Token) -> set:
    """The token indices of ``tok``'s phrase: its whole subtree in the parse (a content, a speaker's phrase).

    >>> from graphkit.nlp import load_spacy
    >>> doc = load_spacy()("Lee said the plan failed.")
    >>> sorted(span_tokens(doc[4])), sorted(span_tokens(doc[0]))
    ([2, 3, 4], [0])
    """
    return {t.i for t in tok.subtree}


#: speech verbs whose object is the one spoken to ("told Bloomberg"), not what was said
ADDRESSEE_VERBS = {"tell", "inform", "remind", "assure", "ask", "warn", "urge", "reassure"}

SEP_MARKS = {",", "—", "–", "-", "--", ";"}
END_MARKS = {".", "!", "?", "…"}

_NOT_AGENTS = {"fact", "urgency", "involvement", "timing", "absence", "lack", "presence", "situation", "reality",
               "likelihood", "possibility", "prospect", "development", "trend", "momentum", "silence", "delay"}


def not_a_source(subj: Optional[Token]) -> bool:
    """A subject that is a state of affairs ("the urgency from all sides suggests ..."), not someone speaking."""
    return subj is not None and subj.lemma_.lower() in _NOT_AGENTS and not subj.ent_type_


#: words that may stand with a speech verb in a sentence adverbial ("That said,", "Having said that,")
_DEMONSTRATIVES = {"that", "this"}
_ADVERBIAL_WORDS = {"having", "being", "all", "with"}


def _clause_start(v: Token) -> int:
    """The first token of the stretch ``v`` stands in: after the last punctuation mark before it in its sentence
    (a dash, semicolon, colon, comma, bracket or quote mark), else the sentence's first token."""
    doc, start = v.doc, v.sent.start
    for i in range(v.i - 1, start - 1, -1):
        if doc[i].is_punct:
            return i + 1
    return start


def sentence_adverbial(v: Token) -> Optional[range]:
    """The token indices of a sentence adverbial a speech verb makes with a demonstrative, set off by a comma
    ("That said, ...", "That being said, ...", "Having said that, ...", "But this noted, ..."), else None. The
    demonstrative points back at the text before; what follows the comma is the writer's own sentence (or the
    claim of the cue in it), and the adverbial is no one's claim nor part of one. It opens a sentence or follows
    a punctuation mark inside one ("He leads — that said, ...", "...; having said that, ...", "..., but that
    said, ..."): the parser often keeps such a stretch in the sentence before.

    >>> from graphkit.nlp import load_spacy
    >>> nlp = load_spacy()
    >>> [sentence_adverbial(t) for t in nlp("That said, Cruz cannot win outright.") if t.lower_ == "said"]
    [range(0, 3)]
    >>> [sentence_adverbial(t) for t in nlp("He leads — that said, Cruz cannot win.") if t.lower_ == "said"]
    [range(3, 6)]
    >>> [sentence_adverbial(t) for t in nlp("Cruz said that, in his view, he can win.") if t.lower_ == "said"]
    [None]
    """
    doc, sent = v.doc, v.sent
    if v.pos_ not in ("VERB", "AUX"):
        return None  # "That claim, however, ...": a noun cue is no adverbial
    end = v.i + 1
    if end < sent.end and doc[end].lower_ in _DEMONSTRATIVES:
        end += 1  # "Having said that,"
    if end >= sent.end or doc[end].text != ",":
        return None
    start = _clause_start(v)
    words = [t for t in doc[start:end] if t.i != v.i and not t.is_space]
    if any(t.lower_ in _DEMONSTRATIVES for t in words) and all(
            t.lower_ in _DEMONSTRATIVES or t.lower_ in _ADVERBIAL_WORDS or t.pos_ == "CCONJ" for t in words):
        return range(start, end + 1)
    return None


def quote_tokens(doc, quote_of_tok: dict, i: int, lo: int = 0, hi: Optional[int] = None) -> set:
    """The tokens of the quotation at token ``i`` (``quote_of_tok``: token → its quotation's index), found by
    walking out from ``i`` both ways over that quotation's tokens and spaces, no further than ``lo`` .. ``hi``
    (exclusive); spaces left out. Empty when ``i`` is in no quotation."""
    q = quote_of_tok.get(i)
    if q is None:
        return set()
    hi = len(doc) if hi is None else hi
    a = b = i
    while a - 1 >= lo and (quote_of_tok.get(a - 1) == q or doc[a - 1].is_space):
        a -= 1
    while b + 1 < hi and (quote_of_tok.get(b + 1) == q or doc[b + 1].is_space):
        b += 1
    return {x for x in range(a, b + 1) if not doc[x].is_space}


def tokens_after_colon(colon: Token) -> set:
    """What a cue's colon introduces: the rest of its sentence, or the next sentence when the parser
    ended the sentence at the colon ("he set out his terms:" | "Kyiv must withdraw ...") and no blank
    line comes between.

    >>> from graphkit.nlp import load_spacy
    >>> doc = load_spacy()("He set out his terms: Kyiv must withdraw.")
    >>> " ".join(doc[i].text for i in sorted(tokens_after_colon(doc[5])))
    'Kyiv must withdraw .'
    """
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
