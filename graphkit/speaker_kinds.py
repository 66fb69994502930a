"""Speaker mentions by kind, within their article: who 'his campaign', 'a spokesman for Mr Blair', 'who',
'the chancellor, Gordon Brown,', 'Bash and Blitzer', 'Lavrov' or 'the State Department' is.

:func:`graphkit.speakers.speaker_fields` reads a speaker phrase's type and split, then hands it to one function of this
module per kind of mention; each fills a :class:`_Found` against the article's state (a
:class:`graphkit.speakers.SpeakerResolver`: its names, roles, organisations and speakers so far).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Span, Token

from .appositions import first_appos, named_in_apposition
from .article_names import honorific_start
from .doc_reading import doc_text, ent_of
from .mentions import ANON_HEADS, counted_word, phrase_acronym, strip_det
from .mentions import ROLE_HEADS as ROLE_WORDS
from .names import HONORIFICS, TITLE_WORDS, is_honorific, strip_possessive, without_the
from .person_heads import names_a_person, person_role, plural_people
from .speaker_parts import name_end, person_of_phrase, principal_tokens, split_speaker
from .speaker_phrase import conjuncts, join_words, speaker_tokens
from .speaker_types import ANON_DETS, brings_in_one, speaker_type

if TYPE_CHECKING:
    from .speakers import SpeakerResolver

def _principal(res: SpeakerResolver, head: Token, at: int, spans: list) -> tuple[str, tuple[int, int]]:
    """The name of the person or organisation a spokesperson speaks for, resolved in the article
    ("Mr Blair's spokesman" → Tony Blair, "his aide" → the person 'his' refers to)."""
    doc = head.doc
    mods = principal_tokens(head)
    if len(mods) == 1 and mods[0].pos_ == "PRON":
        p = {"his": "he", "her": "she", "its": "it", "their": "they"}.get(mods[0].lower_, mods[0].lower_)
        hit = res.pronoun(p, at, tuple(spans))
        if hit is not None:
            return hit[0], hit[1] or (mods[0].idx, mods[0].idx + len(mods[0].text))
    lo = min(t.left_edge.i for t in mods)
    hi = max(t.right_edge.i if t.i < head.i else name_end(t) for t in mods)  # 'for Trump, who ...': Trump
    toks = [t for t in doc[lo:hi + 1] if t.lower_ not in ("the", "a", "an") and t.dep_ != "case" and not t.is_punct]
    if not toks:
        toks = mods
    text = strip_possessive(doc[toks[0].i:toks[-1].i + 1].text)
    span = (toks[0].idx, toks[0].idx + len(text))
    person = person_of_phrase(toks)
    if person is not None or toks[-1].ent_type_ == "PERSON" or (len(toks) > 1 and is_honorific(toks[0].text)):
        return res.full_name(text, span)
    return text, span


def _counted(first: Token) -> str:
    """The word that counts an anonymous source apart (`graphkit.mentions.counted_word`), with its space, as its
    name keeps it; '' for 'a', 'the' or a name."""
    counted = counted_word(first.text)
    return f"{counted} " if counted else ""


@dataclass
class _Found:
    """What the article says a speaker mention is: the phrase's type, the name it resolves to, role, organisation."""

    stype: str
    resolved: str
    rspan: Optional[tuple[int, int]]
    rtype: str
    role: Optional[str]
    org: Optional[str]
    #: whether a later 'he' or 'she' may stand for an anonymous person so found (not a description the article
    #: brought no one in for: :func:`_definite_person`)
    takes_pronouns: bool = True
    #: a 'he' / 'she' speaker's next antecedents after ``resolved``, in the article pass's order
    #: (graphkit.antecedents.Antecedents.runners_up)
    runners_up: tuple[str, ...] = ()


def _named_together(res: SpeakerResolver, head: Token, toks: list[Token]) -> Optional[str]:
    """'Bash and Blitzer', 'Senators Rubio and Cruz', 'Sanders and his supporters': two or more sources named as one,
    a group as written with each person by the article's full name ('Dana Bash and Wolf Blitzer', 'Bernie Sanders
    and his supporters'); None unless the phrase opens with a person's name, joined by 'and' to people's names
    (:func:`_conjunct_person`) or to other people or bodies (:func:`_conjunct_group`): 'retired judge and cable
    news host Martin Reyes' is not. People joined by 'nor' are a group too, its negation kept in the name
    ('Neither Cruz nor Christie acknowledged ...' is 'neither Ted Cruz nor Chris Christie', not Ted Cruz). Conjuncts
    the parser joined with no conjunction written between them are no group: the group's name says 'and' only where
    the text does (a stray symbol the NER took for a person, hung on 'Dmitry Peskov' as its conjunct, is not 'X and
    Dmitry Peskov')."""
    people = conjuncts(head, toks)
    joins = join_words(people)
    if len(people) < 2 or len(joins) != 1 or joins - {"and", "nor"}:
        return None
    names, persons = [], 0
    for t in sorted(people, key=lambda x: x.i):
        name = _conjunct_person(res, t, toks)
        if name is None and t is not head and _conjunct_group(t):
            name = _as_written(t, toks)  # 'Sanders and his aides': the aides as written, beside the person
        elif name is None:
            return None
        else:
            persons += 1
        names.append(name)
    if len(set(names)) < len(names) or not persons:
        return None
    if joins == {"nor"}:
        return "neither " + ", ".join(names[:-1]) + " nor " + names[-1]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _conjunct_person(res: SpeakerResolver, t: Token, toks: list[Token]) -> Optional[str]:
    """The article's full name of a person a conjunct of a speaker phrase names: a PERSON entity inside the phrase,
    or a surname the NER typed otherwise that names one of the article's people in full ('Sanders and
    Clinton' with 'Sanders' an ORG: graphkit.article_names.ArticleNames.names_person); else None."""
    e = ent_of(t)
    if e is None or e.start < toks[0].i or e.end > toks[-1].i + 1:
        return None
    if e.label_ != "PERSON" and not (e.label_ in ("ORG", "NORP", "GPE") and len(e) == 1
                                     and res.names_person(e)):
        return None
    first = e.start
    while first < e.end - 1 and t.doc[first].lower_ in _CORRELATIVES:
        first += 1  # the NER's 'Neither Cruz': the correlative is no part of the name
    return res.name_from(t.doc[first], e.end_char)[0]


#: the first word of a pair of correlative conjunctions, which the NER may take into a name ('Neither Cruz')
_CORRELATIVES = frozenset({"both", "either", "neither"})


def _conjunct_group(t: Token) -> bool:
    """Whether a conjunct joined to a person is other people or a body ('his aides', 'other labor leaders', 'others',
    'the State Department', 'his brother'), not a word describing the same person ('mogul and reality television
    star'): a plural noun, an organisation, or a noun with a possessive pronoun."""
    return t.tag_ in ("NNS", "NNPS") or t.lower_ == "others" or t.ent_type_ == "ORG" \
        or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in t.children)


def _as_written(t: Token, toks: list[Token]) -> str:
    """A conjunct's words as the phrase writes them ('his aides', 'the State Department'), without the conjuncts the
    parser hung on it, which are named after it in their own right: in 'Sanders, his aides and other allies' with
    'allies' under 'aides', 'his aides' (not 'his aides and other allies', then 'other allies' again)."""
    later = {x.i for c in t.children if c.dep_ in ("conj", "cc") for x in c.subtree}
    ids = sorted(({x.i for x in t.subtree} - later) & {x.i for x in toks})
    while len(ids) > 1 and t.doc[ids[-1]].is_punct:
        ids.pop()
    return t.doc[ids[0]:ids[-1] + 1].text


#: a definite role a place, body or party qualifies ('the South Carolina senator') reads back as an unqualified one does
#: (the person its sentence before is about), unless the article names that person in the office with another name of
#: the kind (issue 12, −88; a switch for the tests that pin it)
QUALIFIED_READ_BACK = True

#: the kind of an anonymous speaker who is one person ('A representative for Mr. Pinchuk'): a 'he' / 'she' candidate
ANON_PERSON = "ANON_PERSON"


def _one_anonymous_person(head: Token, f: "_Found") -> bool:
    """Whether an anonymous speaker is one person a later 'he' or 'she' can refer to: the phrase itself is anonymous
    and headed by a singular common noun ('A representative for Mr. Pinchuk', 'a senior official'), not a
    plural ('officials', 'sources'), and no name in apposition names the person ('the Vatican spokesman, Federico
    Lombardi,' stays as it was: counted on PolNeAR train, those took 'he' from the person the article is about)."""
    return f.stype == "ANON" and head.tag_ == "NN" and head.pos_ == "NOUN" and not named_in_apposition(head)


def _first_name_before(res: SpeakerResolver, person: Span, toks: list[Token]) -> Optional[Token]:
    """The first name the NER left out of a one-word person name, written just before it, else None: 'German Ortega'
    (NER: 'Ortega'; 'German' read as a nationality) is not the article's 'Freddy Ortega'. The word must be
    a capitalised proper noun compounding the name, with no entity type of its own, no title, role or
    honorific ('Senator Ortega', 'Mr Ortega', 'Justice Kennedy' keep the surname alone, as does a name with an
    honorific written before it, :func:`~graphkit.article_names.honorific_start`) and never written in lower case in
    the article (as 'justice' or 'coach' would be)."""
    if len(person) != 1 or person.start == 0 or honorific_start(person[0]) != person.start_char:
        return None
    t = person.doc[person.start - 1]
    if t in toks and t.pos_ == "PROPN" and t.dep_ == "compound" and t.head == person.root and not t.ent_type_ \
            and t.text[:1].isupper() and t.text[1:].islower() and t.text.isalpha() \
            and t.lower_ not in TITLE_WORDS | set(HONORIFICS) | ROLE_WORDS and t.lower_ not in res.lower_words():
        return t
    return None


def _who_antecedent(pron: Token, t: Token) -> Token:
    """'who' refers to a person: when the parser hangs it on an organisation or place a preposition governs
    ('Okafor of Ohio, a co-chairman of the Rural Health Caucus, who signed the memo'), the noun the
    preposition modifies ('co-chairman'); a noun in apposition to a person's name is that person (Okafor;
    'Martin Ellison, an influential Conservative activist who backed the plan' is Martin Ellison, not 'an
    influential Conservative activist'); a person's name or role, else ``t`` (a people, NORP, is one: 'Republicans
    who suggest ...'). 'which' refers to a thing (:func:`_which_antecedent`)."""
    if pron.lower_ == "which":
        return _which_antecedent(pron, t)
    if pron.lower_ != "who":
        return t
    up = t
    while _governed_thing(up):
        up = up.head.head
    if up.dep_ != "appos":  # 'Ann Reed, a member of the Smith administration who ...': past the common nouns too
        up = _apposition_above(t) or up
    if up.dep_ == "appos" and up.head.ent_type_ == "PERSON":  # 'Martin Ellison, an influential activist who ...'
        up = up.head
    # only to a person: 'the minds of Americans', 'a frontal attack on ...' are no one who speaks
    return up if up.ent_type_ == "PERSON" or person_role(up) else t


def _which_antecedent(pron: Token, t: Token) -> Token:
    """'which' refers to a thing, never a person: hung on a person's name or a noun naming a person, the organisation
    its phrase names through a preposition nearest before the pronoun ('said Tom Hale, chairman of the Friends of the
    Line, which argues ...': the Friends of the Line, not Tom Hale); else ``t`` (:func:`_relative` reads an
    organisation's whole name: 'the Alliance for Fair Wages, which argues', not 'Fair Wages')."""
    if not names_a_person(t):
        return t
    orgs = [e.root for x in t.subtree if x.i < pron.i and x.ent_type_ in _THING_ENTS and x.ent_iob_ == "B"
            and _through_preposition(e := ent_of(x), t)]
    return orgs[-1] if orgs else t


def _through_preposition(ent: Span, t: Token) -> bool:
    """Whether an organisation's name hangs under ``t`` through a preposition ('chairman of the Friends', 'a lawyer
    for Citizens for Clean Water'), not as a word of ``t``'s own phrase ('a Fox News contributor': his employer)."""
    up = ent.root
    while up != t and up.head != up:
        if up.dep_ == "pobj":
            return True
        up = up.head
    return False


_THING_ENTS = frozenset({"ORG", "FAC", "LAW", "WORK_OF_ART", "PRODUCT"})


def _governed_thing(t: Token, named: bool = True) -> bool:
    """Whether 'who' hung on ``t`` reads past it to the noun a preposition makes ``t`` modify: ``t`` is a preposition's
    object under a noun and names no one who speaks: an organisation or place ('a co-chairman of the Rural Health
    Caucus'; not inside one name, 'University of Ohio') or, unless ``named``, a singular common noun naming no person
    ('a member of the Smith administration', 'a professor of history'; not 'a friend of the senator', whose 'who' may
    be the senator's, nor 'a group of voters')."""
    if t.dep_ != "pobj" or t.head.dep_ != "prep" or t.head.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if t.ent_type_ in ("ORG", "GPE", "LOC", "FAC"):
        return t.head.head.ent_type_ != t.ent_type_
    return not named and t.tag_ == "NN" and not t.ent_type_ and not person_role(t)


def _apposition_above(t: Token) -> Optional[Token]:
    """The noun in apposition to a person's name that ``t`` hangs under by prepositions alone, through organisations,
    places and common nouns naming no person (:func:`_governed_thing`): 'Ann Reed, a member of the Smith administration
    who ...' gives 'member' for 'administration'; else None."""
    up = t
    while _governed_thing(up, named=False):
        up = up.head.head
    return up if up is not t and up.dep_ == "appos" and up.head.ent_type_ == "PERSON" else None


#: a person's possessive determiner and the pronoun that names the possessor
_POSSESSIVES = {"his": "he", "her": "she"}


def _possessive_pronoun(head: Token, toks: list[Token]) -> Optional[Token]:
    """The possessive 'his' / 'her' that opens a common-noun speaker phrase and hangs on its head ('his campaign', 'Her
    critics', 'his own supporters'), else None. Not for a role or source ('his chief aide', 'her spokesman': the
    spokesperson and role rules read those), nor 'its' / 'their', whose antecedents are less sure."""
    return _opening_possessive(head, toks, _POSSESSIVES)


def _opening_possessive(head: Token, toks: list[Token], words) -> Optional[Token]:
    """The first token of a speaker phrase when it is one of ``words`` ('his', 'whose'), a possessive hung on the
    phrase's head, the phrase more than it, its head no role or source ('his chief aide', 'whose spokesman': the
    spokesperson and role rules read those); else None: :func:`_possessive_pronoun`'s and :func:`_whose_antecedent`'s
    one test.

    >>> from graphkit.doc_reading import parsed_as_written
    >>> doc = parsed_as_written("His campaign said no and his aide agreed.", heads="1 2 2 2 2 6 7 2 2",
    ...                         deps="poss nsubj ROOT dobj cc poss nsubj conj punct",
    ...                         lemmas="his campaign say no and his aide agree .")
    >>> _opening_possessive(doc[1], list(doc[0:2]), ("his",)), _opening_possessive(doc[6], list(doc[5:7]), ("his",))
    (His, None)
    >>> _opening_possessive(doc[1], list(doc[0:2]), ("whose",)) is None
    True
    """
    t = toks[0]
    return t if t.lower_ in words and t.dep_ == "poss" and t.head == head and len(toks) > 1 \
        and head.lemma_.lower() not in ROLE_WORDS | ANON_HEADS else None


def _whose(res: SpeakerResolver, poss: Token, toks: list[Token], spans: list, f: _Found) -> None:
    """'his campaign', 'Her critics': the phrase with its possessor named as the article names them, the possessive
    resolved as its pronoun would be ('Bernie Sanders's campaign'); as written when it has no antecedent. The phrase
    stays a group or document, not the possessor: no resolved span points at the name. A mention already resolved
    for an earlier claim ('his campaign said ..., adding ...') keeps its resolution."""
    same = [x for x in res.speakers if x[0] == poss.idx]
    if same:
        f.resolved, f.rspan = same[-1][1], same[-1][2]
        return
    hit = res.pronoun(_POSSESSIVES[poss.lower_], poss.idx, tuple(spans))
    if hit is None or not hit[0]:
        return
    _owned_by(strip_possessive(hit[0], bare_apostrophe=True), toks, f)


def _owned_by(owner: str, toks: list[Token], f: _Found) -> None:
    """The phrase after its possessive word ('his', 'whose') named with ``owner`` ("Ann Lee's campaign"), a group or
    document, not the owner: no resolved span points at the name (:func:`_whose`, :func:`_whose_relative`).

    >>> from graphkit.doc_reading import parsed_as_written
    >>> doc = parsed_as_written("His campaign said no.")
    >>> f = _Found("NOUN", "His campaign", (0, 12), "NOUN", None, None)
    >>> _owned_by("Ann Lee", list(doc[0:2]), f)
    >>> f.resolved, f.rspan
    ("Ann Lee's campaign", None)
    """
    rest = toks[0].doc[toks[1].i:toks[-1].i + 1].text
    f.resolved, f.rspan = f"{owner}'s {rest}", None


#: a common-noun speaker opened by 'whose' names its possessor as the relative clause's antecedent is named ('the
#: Alliance for Clean Water, whose political arm endorsed ...' is 'Alliance for Clean Water's political arm'; issue 12)
WHOSE_ANTECEDENT = True


def _whose_antecedent(head: Token, toks: list[Token]) -> Optional[Token]:
    """The name a 'whose' opening a common-noun speaker phrase stands for: the word the relative clause holding the
    phrase hangs on, when it is a person's or an organisation's name ('Tom Hale, whose attorneys argued', 'the
    Alliance for Clean Water, whose political arm endorsed'); else None. Not for a role or source ('whose spokesman':
    the spokesperson and role rules read those, as for 'his spokesman'), nor a common noun ('the group, whose
    members'), whose own name is not written there.

    >>> from graphkit.nlp import load_spacy
    >>> doc = load_spacy()("The plan was opposed by the Leeds Civic Trust, whose planning committee said it was "
    ...                    "too tall.")
    >>> head = next(t for t in doc if t.text == "committee")
    >>> _whose_antecedent(head, list(doc[head.i - 2:head.i + 1])).text
    'Trust'
    """
    if not WHOSE_ANTECEDENT or _opening_possessive(head, toks, ("whose",)) is None:
        return None
    verb = head.head
    if verb.dep_ != "relcl" or head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    return verb.head if verb.head.ent_type_ in ("PERSON", "ORG") else None


def _whose_relative(res: SpeakerResolver, ante: Token, toks: list[Token], f: _Found) -> None:
    """'whose attorneys', 'whose political arm': the phrase with its possessor named as the article names the
    antecedent (:func:`_whose_antecedent`): a person by their full name ('Tom Hale's attorneys'), an organisation by
    its whole name without 'the' ("Alliance for Clean Water's political arm"). As 'his campaign' (`_whose`), the
    phrase stays a group or document, not the possessor: no resolved span points at the name.

    An organisation's antecedent, in a Doc built by hand (a person's would ask ``res`` for the full name):

    >>> from graphkit.doc_reading import parsed_as_written
    >>> doc = parsed_as_written("The Leeds Civic Trust, whose planning committee said no.",
    ...                         heads="3 3 3 3 3 7 7 8 3 8 3",
    ...                         deps="det compound compound ROOT punct poss compound nsubj relcl dobj punct",
    ...                         ents="O B-ORG I-ORG I-ORG O O O O O O O")
    >>> f = _Found("NOUN", "whose planning committee", (23, 47), "NOUN", None, None)
    >>> _whose_relative(None, doc[3], list(doc[5:8]), f)
    >>> f.resolved, f.rspan
    ("Leeds Civic Trust's planning committee", None)
    """
    ent = ent_of(ante)
    if ent is None:
        return
    name = strip_possessive(ent.text, bare_apostrophe=True)
    if ent.label_ == "PERSON":
        name = res.person_named(ent, ent.start_char + len(name))[0]
    else:
        name = without_the(name)
    _owned_by(name, toks, f)


def _relative(res: SpeakerResolver, relative_head: Token, f: _Found, pron: Optional[Token] = None) -> None:
    """'..., who said': the antecedent's name (a person's full name) and its role; the antecedent's phrase ends before
    the relative pronoun ``pron`` ('those who said ...' is 'those', not the clause that holds the 'who' itself, which
    :func:`graphkit.speaker_phrase.who_of` keeps for 'those' as a subject); a 'which' hung on a word of an
    organisation's name is that whole name."""
    ent = ent_of(relative_head) if pron is not None and pron.lower_ == "which" else None  # a thing's whole name
    rt = [t for t in ent if not t.is_punct] if ent is not None and ent.label_ in _THING_ENTS \
        else speaker_tokens(relative_head)  # the whole name: 'the Alliance for Fair Wages', not 'the Alliance'
    if pron is not None:
        rt = [t for t in rt if t.i < pron.i] or [relative_head]
    rs0, rs1 = rt[0].idx, rt[-1].idx + len(rt[-1].text)
    rtype = speaker_type(rt, relative_head)
    rperson, rrole, rorg = split_speaker(rt, first_appos(relative_head))
    f.role, f.org = f.role or rrole, f.org or rorg
    if rperson is not None:
        f.resolved, f.rspan = res.person_named(rperson)
        f.rtype = "PERSON"
    else:
        # the span's own text (= doc.text[rs0:rs1]): Doc.text is rebuilt from every token on each read
        f.resolved, f.rspan, f.rtype = relative_head.doc[rt[0].i:rt[-1].i + 1].text, (rs0, rs1), rtype
    f.stype = "PRON"


def _in_apposition(res: SpeakerResolver, toks: list[Token], appos: Token, f: _Found) -> None:
    """'the chancellor, Gordon Brown,': the person in apposition; the phrase gives the role, and a phrase read as an
    anonymous source ('a Labour spokesman, Tom Hale,', 'Another Acme ally, Ann Lee,') is that person. A plural of
    people in apposition to names is a group, never its first person: the people named together ('The candidates, Ann
    Lee and Tom Hale,' is 'Ann Lee and Tom Hale', :func:`_named_together`, when each is a person's name), else the
    phrase as written.

    A Doc built by hand, its parse and entities as the parser may give them (``toks``: the speaker phrase without its
    apposition, as graphkit.speaker_phrase.speaker_tokens gives it):

    >>> from graphkit.speakers import SpeakerResolver
    >>> doc = _hand_parsed("A Labour spokesman , Tom Hale , said no .", "DET PROPN NOUN PUNCT PROPN PROPN PUNCT VERB "
    ...                    "INTJ PUNCT", "O B-ORG O O B-PERSON I-PERSON O O O O",
    ...                    heads=[2, 2, 7, 2, 5, 2, 2, 7, 7, 7],
    ...                    deps="det compound nsubj punct compound appos punct ROOT intj punct")
    >>> f = _Found("ANON", "Labour spokesman", (2, 18), "ANON", None, None)
    >>> _in_apposition(SpeakerResolver(doc), list(doc[0:3]), doc[5], f)
    >>> f.resolved, f.stype, f.role, f.org
    ('Tom Hale', 'PERSON', 'spokesman', 'Labour')
    """
    if plural_people(appos.head):
        sub = list(appos.subtree)  # names only: not 'Ann Lee and the courts'
        together = _named_together(res, appos, sub) \
            if all(t.ent_type_ == "PERSON" for t in conjuncts(appos, sub)) else None
        if together is not None:
            f.resolved, f.stype = together, "NOUN"
        return
    doc = toks[0].doc
    pe = ent_of(next(t for t in appos.subtree if t.ent_type_ == "PERSON"))
    if pe is not None:
        f.resolved, f.rspan = res.person_named(pe)
        if f.stype == "ANON":  # 'the Acme spokesman, Ann Lee,': that person, as one named by role is (_spokesperson)
            f.stype = "PERSON"
    f.rtype = "PERSON"
    if f.role is None:
        f.role = " ".join(t.text for t in toks if not t.is_punct and t.ent_type_ not in ("ORG", "GPE", "NORP")
                          and t.dep_ not in ("det", "poss", "case")) or None
        orgw = [t for t in toks if t.ent_type_ in ("ORG", "GPE", "NORP")]
        f.org = f.org or (doc[orgw[0].i:orgw[-1].i + 1].text if orgw else None)


def _article_of(phrase: str) -> Optional[str]:
    """The article a speaker phrase opens with, the one test of it for SpeakerResolver.by_role: 'definite' ('the
    mogul' is the mogul named before, also when named with more words) or 'indefinite' ('a Republican consultant
    who asked not to be named' is someone new, not the strategist the article named before, as 'a
    company' is not the company named before); None for any other first word.

    >>> _article_of("The media mogul"), _article_of("an aide"), _article_of("Theresa May")
    ('definite', 'indefinite', None)
    """
    return _ARTICLES.get((phrase.split() or [""])[0].lower())


_ARTICLES = {"the": "definite", "a": "indefinite", "an": "indefinite"}


def _spokesperson(res: SpeakerResolver, head: Token, toks: list[Token], spans: list, f: _Found) -> None:
    """'a Downing Street spokesman', 'Mr Blair's spokesman', 'his aide': an anonymous actor tied to whom
    they speak for, never that person; 'the Kremlin spokesman' after 'Kremlin spokesman Dmitry Peskov' is him."""
    s0 = toks[0].idx
    named = res.by_role(f.role, f.org, s0, _article_of(toks[0].text) == "definite") \
        if f.role and toks[0].lower_ not in ANON_DETS else None
    if named is not None and head.lemma_.lower() not in ("source", "official"):
        f.resolved, f.rspan = named
        f.stype = f.rtype = "PERSON"
        return
    principal, pspan = _principal(res, head, s0, spans)
    glued = pspan is not None and pspan[1] == head.idx  # '¦officials': no space the name did not have, one span
    f.resolved = f"{_counted(toks[0])}{principal}{'' if glued else ' '}{head.text}"
    f.rspan = (pspan[0], head.idx + len(head.text)) if glued else pspan
    f.org = principal
    f.role = f.role or head.text
    f.rtype = "ANON"


def _surname_role_or_org(res: SpeakerResolver, head: Token, span: tuple[int, int], text: str, f: _Found,
                         spans: tuple = ()) -> None:
    """A surname or first name ('Lavrov' after 'Sergey Lavrov', even when the NER calls it an ORG or the tagger a common
    noun: :meth:`~graphkit.antecedents.Antecedents.misread_surname`), a role
    the article named someone in ('the prime minister'), a definite description of the person the sentence before is
    about ('the candidate': SpeakerResolver.described; ``spans``, the claim's content, holds none), or an
    organisation's fullest earlier name."""
    s0, s1 = span
    if (head.pos_ == "PROPN" or res.misread_surname(head)) and f.stype != "ANON" \
            and not _a_people(f.stype, text[s0:s1]):
        fn = res.full_name(text[s0:s1], (s0, s1))
        if fn[0] == text[s0:s1]:
            fn = _described_name(res, head, s0, s1) or fn
        if fn[0] != text[s0:s1] and len(fn[0].split()) > 1 and not _acronym_of_another(text[s0:s1], fn[0]):
            f.resolved, f.rspan = fn
            f.rtype = "PERSON"
            return
    article = _article_of(text[s0:s1])
    named = res.by_role(f.role, f.org, s0, article == "definite") \
        if f.role is not None and article != "indefinite" and not plural_people(head) else None  # 'the lawyers'
    if named is None and f.role is not None and article != "definite" and head.tag_ != "NNS":
        # 'A federal judge ruled ... Judge Ann Price said': someone new, named next; 'the senator' refers back
        named = res.named_next(f"{f.org} {f.role}" if f.org else f.role, s0)
    if named is None and f.role is not None and article == "definite" and person_role(head) and f.stype != "ANON":
        if not f.org and not _names_a_place_or_body(head.doc, s0, s1):
            named = res.described(s0, f.role, tuple(spans))  # 'Ann Price won. The former governor said ...'
        elif QUALIFIED_READ_BACK and not _of_someone(res, head, s0, s1) and _one_holder(head, s0, s1):
            # 'Sen. Lindsey Graham ... the South Carolina senator said': as written, unless the article says otherwise
            named = res.described(s0, f.role, tuple(spans), main_before=True, phrase=text[s0:s1])
    if named is not None and named[1] is None:
        # whichever answered (by_role: the role named or resolved before; named_next; described), an answer without a
        # span is an anonymous person ('a senior aide' resolved earlier): the role stays as written, not that person
        named = None
    if named is not None:
        f.resolved, f.rspan = named
        f.rtype = "PERSON"
    elif f.stype == "ORG" and (spelled := _acronym_written_out(res, f.resolved)) is not None:
        f.resolved, f.rspan = spelled  # 'the AVP' after "the Alpine People's Party, or AVP,"
    elif f.stype in ("ORG", "GPE", "NORP") and not _a_people(f.stype, text[s0:s1]):
        best = _fuller_body_name(res, head, f.resolved, s1)  # "the Kremlin" -> 'Kremlin press office'
        if best is not None:
            f.resolved, f.rspan = best.text, (best.start_char, best.end_char)


def _fuller_body_name(res: SpeakerResolver, head: Token, phrase: str, end: int) -> Optional[Span]:
    """The fullest name the article gives before ``end`` of the body an organisation, place or people phrase shortens
    ('the Kremlin' of 'the Kremlin press office'; :func:`_shortens`), of the phrase head's entity type. A proper noun
    the NER left untyped ('State said', 'Peabody said', which :func:`~graphkit.speaker_types.speaker_type` calls an
    organisation) is the first words of an organisation's name ('the State Department', 'Peabody Energy'; not
    'Facebook' of 'Alphabet and Facebook'), when the name it heads does not run on past it where it is written
    ('Democracy for America' is no 'Democracy Corps': :func:`_name_runs_on`). None when it names none.

    A Doc built by hand, its tags and entities as the parser may give them (no model's reading to depend on):

    >>> from graphkit.speakers import SpeakerResolver
    >>> doc = _hand_parsed("Shares in Peabody Energy fell . Peabody said no .", "NOUN ADP PROPN PROPN VERB PUNCT "
    ...                    "PROPN VERB INTJ PUNCT", "O O B-ORG I-ORG O O O O O O")
    >>> peabody = doc[6]  # untyped by the NER
    >>> _fuller_body_name(SpeakerResolver(doc), peabody, "Peabody", peabody.idx + len("Peabody")).text
    'Peabody Energy'
    """
    untyped = not head.ent_type_
    if untyped and (head.pos_ != "PROPN" or _name_runs_on(head)):
        return None
    best = None
    for e in res.orgs:
        if e.start_char >= end:
            break
        if _shortens(phrase, e.text) and len(e.text) > len(phrase) \
                and e.label_ == ("ORG" if untyped else head.ent_type_) \
                and (not untyped or _opens(strip_det(phrase), strip_det(e.text))) \
                and not _acronym_of_another(phrase, e.text):
            best = e
    return best


def _opens(short: str, name: str) -> bool:
    """Whether a name's first words are ``short``'s, as whole words.

    >>> _opens("State", "State Department"), _opens("Facebook", "Alphabet and Facebook"), _opens("Stat", "State")
    (True, False, False)
    """
    return name.startswith(short) and name[len(short):len(short) + 1] in (" ", "-")


def _name_runs_on(head: Token) -> bool:
    """Whether the proper noun a phrase ends with goes on as a name after it, a preposition and another proper noun
    ('Democracy for America', 'Friends of the Earth'): the phrase is the start of that name, no short form.

    >>> doc = _hand_parsed("Democracy for America said no . Peabody said yes .",
    ...                    "PROPN ADP PROPN VERB INTJ PUNCT PROPN VERB INTJ PUNCT")
    >>> _name_runs_on(doc[0]), _name_runs_on(doc[6])
    (True, False)
    """
    doc = head.doc
    k = head.i + 1
    if k >= len(doc) or doc[k].pos_ != "ADP" or doc[k].is_sent_start:
        return False
    k += 1
    while k < len(doc) and doc[k].lower_ == "the":
        k += 1
    return k < len(doc) and doc[k].pos_ == "PROPN"


def _hand_parsed(words: str, pos: str, ents: Optional[str] = None, heads: Optional[list[int]] = None,
                 deps: Optional[str] = None):
    """:func:`doc_reading.parsed_as_written` of space-separated ``words`` with the coarse tags ``pos`` and the IOB
    entity tags ``ents`` given, a sentence opening after each full stop, or, with ``heads`` (each word's head, by
    index) and ``deps`` (their labels), the dependency parse given, whose roots open the sentences: the examples of
    this module read a parse as written, not as a model reads it (a model's update may type 'Peabody' otherwise)."""
    from .doc_reading import parsed_as_written

    ws = words.split()
    starts = "" if heads else " ".join("1" if k == 0 or ws[k - 1] == "." else "0" for k in range(len(ws)))
    return parsed_as_written(words, pos=pos, ents=ents or "", heads=" ".join(map(str, heads or [])), deps=deps or "",
                             sent_starts=starts)


def _acronym_written_out(res: SpeakerResolver, phrase: str) -> Optional[tuple[str, tuple[int, int]]]:
    """An organisation phrase that is an acronym ('the SVP', 'AP', 'F.B.I.') named as its article writes it out
    (:meth:`~graphkit.article_names.ArticleNames.acronym_named`: the name the article defines it as, else the one name
    of the article with those initials); None for any other phrase or an acronym the article does not write out."""
    acronym = phrase_acronym(phrase)
    return res.acronym_named(acronym) if acronym else None


@lru_cache(maxsize=4096)
def _shortens(phrase: str, name: str) -> bool:
    """Whether an organisation phrase can be a short form of a longer name of the article: every capitalised word
    of it is a word of the name ('the Kremlin' of 'the Kremlin press office', 'the Washington-based Institute' of
    'Institute for the Study of War'); 'The State Department' is no short form of 'Department of Justice', though
    both hold 'Department'.

    >>> _shortens("The State Department", "Department of Justice"), _shortens("the Kremlin", "Kremlin press office")
    (False, True)
    """
    def words(text):
        return [strip_possessive(w) for w in re.findall(r"[\w’'.-]+", text)]
    own = [w.lower() for w in words(phrase) if w[:1].isupper() and w.lower() not in ("the", "a", "an")]
    return bool(own) and set(own) <= {w.lower() for w in words(name)}


def _names_a_place_or_body(doc, s0: int, s1: int) -> bool:
    """Whether a speaker phrase names a place or organisation ('The Indiana governor', 'the head of the Civic
    Forum'): such a role is only someone named with it (as :meth:`SpeakerResolver.by_role` has it), never whoever the
    sentence before is about; a people or party adjective is no such name ('The Democratic presidential candidate')."""
    span = doc.char_span(s0, s1, alignment_mode="expand")
    return span is not None and any(t.ent_type_ in ("GPE", "ORG", "LOC", "FAC") for t in span)


def _acronym_of_another(phrase: str, name: str) -> bool:
    """Whether an organisation phrase is an acronym ('the SVP', 'the NDP') and a longer name of the article holds it
    with other words ('Junge SVP', its youth wing; 'SVP/Global Risk Insights', a picture credit): an acronym names
    its organisation whole, and a name that adds words to it is another body or a part of one, never its fuller
    name ('the Post' of 'Washington Post' is no acronym and keeps it).

    >>> _acronym_of_another("the SVP", "Junge SVP"), _acronym_of_another("the SVP", "SVP/Global Risk Insights")
    (True, True)
    >>> _acronym_of_another("the Post", "Washington Post"), _acronym_of_another("the SVP", "SVP")
    (False, False)
    """
    core = strip_possessive(strip_det(phrase))
    return re.fullmatch(r"[A-Z][A-Z&.]+", core) is not None and name.strip() != core \
        and re.search(rf"(?<!\w){re.escape(core)}(?!\w)", name) is not None


def _a_people(stype: str, phrase: str) -> bool:
    """'The Swiss', 'the French': a people (NORP after 'the'), no surname of anyone's full name nor the short form
    of an organisation named after it ("Swiss People's Party"); 'Cuban' alone (the NER's NORP for Mark Cuban) may be."""
    return stype == "NORP" and phrase.lower().startswith("the ")


def _described_name(res: SpeakerResolver, head: Token, s0: int, s1: int) -> Optional[tuple[str, tuple[int, int]]]:
    """'an angry Hollande', 'a dynamic Greenberg': the article's full name for the proper nouns ending the phrase,
    when only a determiner, adjectives and adverbs describe them; else None."""
    doc, k = head.doc, head.i
    while k > 0 and doc[k - 1].pos_ == "PROPN" and doc[k - 1].idx >= s0:
        k -= 1
    n0, n1 = doc[k].idx, head.idx + len(head.text)
    j = k - 1
    while j >= 0 and doc[j].idx >= s0:
        if doc[j].pos_ not in ("DET", "ADJ", "ADV"):
            return None
        j -= 1
    name = doc[k:head.i + 1].text
    if n0 == s0 or n1 != s1 or not doc[k - 1].whitespace_:
        return None  # nothing describes it, the phrase goes on ('Both Blocher and the SVP'), or 'Jean-Marc'
    named = res.full_name(name, (n0, n1))
    return named if named[0] != name else None


def _definite_person(res: SpeakerResolver, head: Token, spans: tuple, f: _Found) -> None:
    """'the man', 'The witness', 'the retired neurosurgeon' (graphkit.speaker_types.definite_person): one person
    the article describes. Someone the article named in that role is that person ('the actress' after 'actress Ann
    Lee': :meth:`~graphkit.article_names.ArticleNames.by_role`; after two so named, one of them, which is not said: as
    written); the one person not named it brought in before with the same noun is that anonymous source ('One man in
    the crowd ... the man shouted': :func:`_introduced`); else, unless a name, place or body qualifies the phrase ('The
    Everest guide', "the ad's narrator"), the person the sentence before is about in its main clause, or a clause below
    the main one of its own sentence names (:meth:`graphkit.antecedents.Antecedents.described` with ``main_before``:
    'Ben Carson spoke ... the retired neurosurgeon said'; never 'Tom Hale said as the heckler yelled'); else an
    anonymous source of its article, never a group merged across the corpus, and no antecedent of a later 'he' or
    'she' (it may be someone named before: 'the actor' of an actor the article names only by name)."""
    s0, s1 = f.rspan
    named = res.by_role(f.role, f.org, s0, True) if f.role else None
    if named is None and f.role and len(res.role_holders(f.role, s0)) > 1:
        return  # 'the neurosurgeon' after two neurosurgeons named: one of them, which is not said; as written
    earlier = _introduced(res, head, s0) if named is None else None
    if named is None and earlier is None and not f.org and not _names_a_place_or_body(head.doc, s0, s1):
        named = res.described(s0, f.role or head.text, spans, main_before=True)
    if named is not None and named[1] is not None:  # an answer without a span is an anonymous person: not asked
        f.resolved, f.rspan = named
        f.rtype = "PERSON"
        return
    if earlier is not None:
        f.resolved, f.rspan = earlier
    f.stype = f.rtype = "ANON"
    f.takes_pronouns = earlier is not None


def _qualified_person(res: SpeakerResolver, head: Token, spans: tuple, f: _Found) -> Optional[tuple[str, tuple]]:
    """'The New York businessman', 'The GOP speechwriter': a description of a person that a place, body or people
    qualifies (typed by that entity, so never a group of it) is the person the sentence before is about, as
    `_definite_person` reads an unqualified one (:meth:`graphkit.antecedents.Antecedents.described`), unless what
    qualifies it is someone's (`_of_someone`: 'the Christie supporter'); else None, and the phrase stays as typed."""
    s0, s1 = f.rspan
    if _of_someone(res, head, s0, s1):
        return None
    named = res.described(s0, f.role or head.text, spans, main_before=True)
    return named if named is not None and named[1] is not None else None


def _one_holder(head: Token, s0: int, s1: int) -> bool:
    """Whether a role phrase names one holder of its own office: no possessor anywhere in it ('the deputy head of
    Acme's board' is someone of Acme's), no people joined to it ('the nominee and her aides'), in its sentence's main
    clause (not 'all that the Leeds MP said', a relative clause's).

    >>> doc = _hand_parsed("The Ohio senator and his aides said no .", "DET PROPN NOUN CCONJ PRON NOUN VERB INTJ PUNCT",
    ...                    heads=[2, 2, 6, 2, 5, 2, 6, 6, 6], deps="det compound nsubj cc poss conj ROOT intj punct")
    >>> doc[5].tag_ = "NNS"
    >>> _one_holder(doc[2], 0, len("The Ohio senator")), _one_holder(doc[5], doc[4].idx, doc[5].idx + 5)
    (False, False)
    >>> doc[5].tag_ = "NN"
    >>> _one_holder(doc[2], 0, len("The Ohio senator"))
    True
    """
    from .antecedents import clause_depth  # which imports this module

    span = head.doc.char_span(s0, s1, alignment_mode="expand")
    return span is not None and not any(t.dep_ == "poss" for t in span) and not any(
        c.dep_ == "conj" and c.tag_ in ("NNS", "NNPS") for c in head.children) and clause_depth(head) == 0


def _of_someone(res: SpeakerResolver, head: Token, s0: int, s1: int) -> bool:
    """Whether a possessor or a person's name qualifies a description of a person ("the ad's narrator", 'the Christie
    supporter' after 'Gov. Chris Christie'): someone of theirs, never whom the sentence before is about."""
    def a_name(t: Token) -> bool:  # a person's name, or a word the article gives a person's full name for
        return t.ent_type_ == "PERSON" or (
            t.pos_ == "PROPN" and len(res.full_name(t.text, (t.idx, t.idx + len(t.text)))[0].split()) > 1)
    span = head.doc.char_span(s0, s1, alignment_mode="expand")
    return any(c.dep_ == "poss" for c in head.children) or (
        span is not None and any(a_name(t) for t in span if t.i != head.i))


def _introduced(res: SpeakerResolver, head: Token, at: int) -> Optional[tuple[str, Optional[tuple[int, int]]]]:
    """The person not named a definite 'the man' refers back to: the latest anonymous speaker so far whose phrase
    holds the noun (:func:`_anonymous_before`), and, within a pronoun's reach
    (:meth:`graphkit.antecedents.Antecedents.reach`), a noun phrase bringing in one person with the same noun ('a
    26-year-old man', 'One man in Manchester': graphkit.speaker_types.brings_in_one); the later of the two as (text,
    span), else None. ('A man, Tom Hale, ...' never comes here: `by_role` reads the name in apposition first.)"""
    lemma = head.lemma_.lower()
    prev = _anonymous_before(res, lemma, at)
    best = (prev[0], prev[1], prev[2]) if prev is not None else None
    lo = res.reach(at)
    for t in head.doc[:head.i]:
        if t.idx < lo or t.lemma_.lower() != lemma or t.tag_ != "NN" or t.ent_type_:
            continue
        det = brings_in_one(t)
        if det is not None and (best is None or det.idx > best[0]):
            best = (det.idx, doc_text(t.doc)[det.idx:t.idx + len(t.text)], (det.idx, t.idx + len(t.text)))
    return (best[1], best[2]) if best else None


def _anonymous_before(res: SpeakerResolver, lemma: str, at: Optional[int] = None) -> Optional[tuple]:
    """The latest anonymous speaker so far whose phrase holds ``lemma`` ('a senior Russian source' for 'the
    source'), written before ``at`` when given (not the mention itself, met again for its next claim): its
    (position, resolved, span, kind), else None."""
    return next((x for x in reversed(res.speakers) if x[3] in ("ANON", ANON_PERSON) and lemma in x[1].lower()
                 and (at is None or x[0] < at)), None)


def _anaphoric_anonymous(res: SpeakerResolver, head: Token, toks: list[Token], f: _Found) -> None:
    """'the source' after 'a senior Russian source': the same anonymous source."""
    if toks[0].lower_ == "the":
        prev = _anonymous_before(res, head.lemma_.lower())
        if prev is not None:
            f.resolved, f.rspan = prev[1], prev[2]
    f.rtype = "ANON"
