"""A speaker phrase's parts: its person, role and organisation; the offices and roles written with a name; whom a
spokesperson speaks for.

Plain functions over the parse, no article state: :func:`split_speaker` splits a speaker phrase
(:func:`graphkit.speaker_phrase.speaker_tokens`) into the person it names, the role and the organisation written with
the person (:func:`person_of_phrase`: the person entity that holds the phrase's head); :func:`office_title` and
:func:`roles_named_with` read the offices and roles the article gives a name where it is written, for
:class:`graphkit.article_names.ArticleNames`; :func:`spoken_for` and :func:`principal_tokens` whom a spokesperson
(:data:`SPOKES`) speaks for.

>>> from graphkit.nlp import load_spacy
>>> from graphkit.speaker_phrase import speaker_tokens
>>> doc = load_spacy()("Kremlin spokesman Dmitry Peskov, who spoke on Monday, said the plan was dead.")
>>> said = next(t for t in doc if t.lower_ == "said")
>>> person, role, org = split_speaker(speaker_tokens(next(t for t in said.children if t.dep_ == "nsubj")), None)
>>> person.text, role, org
('Dmitry Peskov', 'spokesman', 'Kremlin')
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span, Token

from .doc_reading import ent_of
from .merge import RANK_WORDS
from .names import HONORIFICS, TITLE_ROLES, strip_possessive
from .person_heads import plural_people

__all__ = ["SPOKES", "ROLE_TITLES", "OFFICES", "split_speaker", "head_of", "person_of_phrase", "office_title",
           "roles_named_with", "role_words", "spoken_for", "principal_tokens", "name_end"]


# heads of a phrase that speaks for someone else: "Mr Blair's spokesman" is an anonymous spokesperson
SPOKES = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen", "aide", "adviser",
           "advisor", "official", "representative", "staffer", "source", "lawyer", "attorney", "solicitor"}


ROLE_TITLES = {h for k in HONORIFICS for h in (k, k + ".")}


def split_speaker(toks: list[Token], appos: Optional[Token]) -> tuple[Optional[Span], Optional[str], Optional[str]]:
    """(person entity span, role, organisation) from a speaker phrase and its apposition."""
    doc = toks[0].doc
    person = person_of_phrase(toks)
    role = org = None

    def role_org(words: list[Token], offices: bool = False):
        r = o = None
        orgw = []
        rolew = []
        for w in words:
            if w.is_punct or w.lower_ in {"the", "a", "an"} or (w.lower_ in ROLE_TITLES and not (offices and w.lower_ in OFFICES)):
                continue  # 'Mr', 'Sen.' before a name are no role; 'the president' with no name is one
            if w.dep_ == "case":
                continue
            if w.ent_type_ in ("ORG", "GPE", "NORP") and not rolew:
                orgw.append(w)
            elif w.dep_ == "poss" or (w.head.dep_ == "poss" and w.i < w.head.i):
                orgw.append(w)
            else:
                rolew.append(w)
        if orgw:
            o = doc[orgw[0].i:orgw[-1].i + 1].text
            o = strip_possessive(o).strip() or None
        if rolew:
            r = doc[rolew[0].i:rolew[-1].i + 1].text
        return r, o

    if person is not None:
        pre = [t for t in toks if t.i < person.start]
        if pre:
            role, org = role_org(pre)
    if appos is not None and person is not None and role is None:
        sub = [t for t in appos.subtree if not t.is_punct]
        head_words = [t for t in sub if t.i <= appos.i]
        role = " ".join(t.text for t in head_words if t.lower_ not in {"the", "a", "an"}) or None
        of = [c for c in appos.children if c.dep_ == "prep" and c.lower_ in ("of", "at", "for")]
        if of:
            objs = [c for c in of[0].children if c.dep_ == "pobj"]
            if objs:
                org = doc[objs[0].left_edge.i:objs[0].right_edge.i + 1].text
                org = re.sub(r"^(the|a)\s+", "", org, flags=re.I)
    if person is None and len(toks) > 1:
        # "the Kremlin spokesman", "Russia's Foreign Minister", "the prime minister": a role phrase without a name
        r, o = role_org(toks, offices=True)
        if r and (o or head_of(toks).pos_ == "NOUN"):
            role, org = r, o
    return person, role, org


def head_of(toks: list[Token]) -> Token:
    """The syntactic head of a phrase: the token whose head lies outside it."""
    ids = {t.i for t in toks}
    return next((t for t in toks if t.head.i not in ids or t.head == t), toks[-1])


def person_of_phrase(toks: list[Token]) -> Optional[Span]:
    """The PERSON entity that *is* the speaker: the one holding the phrase's head.

    "Clinton campaign chairman John Podesta" is Podesta, not Clinton; "Trump's son Donald Trump Jr." is
    Donald Trump Jr.; "Mr Blair's spokesman" and "the Clinton campaign" hold a person who is not the
    speaker (None). With no entity on the head, a proper-noun head takes the last PERSON entity. A plural noun naming
    people is no one's name, whatever the NER says (:func:`~graphkit.person_heads.plural_people`).
    """
    ents = []
    for t in toks:
        if t.ent_type_ == "PERSON":
            e = ent_of(t)
            if e is not None and e.start >= toks[0].i and e.end <= toks[-1].i + 1 and e not in ents:
                ents.append(e)
    if not ents:
        return None
    head = head_of(toks)
    if plural_people(head):
        return None  # 'Tory MPs' the NER took for a name: people
    for e in ents:
        if e.start <= head.i < e.end:
            return e
    if head.pos_ == "PROPN" and head.lower_ not in ROLE_TITLES:
        return ents[-1]
    return None


OFFICES = {v for v in TITLE_ROLES.values()}

def office_title(e: Span) -> tuple[Optional[str], Optional[str]]:
    """The office a title before a name holds ('President Obama' → president, 'Sen. Kirk' → senator; 'Former
    President Bill Clinton' → former president; 'Vice President Ann Price' → vice president, 'Press Secretary Tom
    Hale' → press secretary, other offices than the president's or a secretary's: graphkit.merge.RANK_WORDS, the one
    list of such words), and the place or organisation written before the title ('New Jersey Gov. Chris Christie' →
    governor, New Jersey).

    A Doc built by hand shows it (the words and their entities as written, no model's reading):

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = "Vice President Ann Price met New Jersey Gov. Tom Hale and former Sen. Jo Lee".split()
    >>> ents = "O O B-PERSON I-PERSON O B-GPE I-GPE O B-PERSON I-PERSON O O O B-PERSON I-PERSON".split()
    >>> doc = Doc(spacy.blank("en").vocab, words=words, ents=ents)  # the blank pipeline's lexical attributes
    >>> [office_title(e) for e in doc.ents if e.label_ == "PERSON"]
    [('vice president', None), ('governor', 'New Jersey'), ('former senator', None)]
    """
    words = [t for t in e.doc[max(0, e.start - 4):e.start + 1] if t.i < e.end]
    at = next((t for t in reversed(words) if t.lower_.rstrip(".") in TITLE_ROLES), None)
    if at is None or any(t.lower_ in ("late", "then") for t in words):
        return None, None
    title = TITLE_ROLES[at.lower_.rstrip(".")]
    rank = e.doc[at.i - 1].lower_.rstrip(".") if at.i > words[0].i else None
    if rank in RANK_WORDS:
        title = f"{rank} {title}"
    if any(t.lower_ in ("former", "ex") for t in words):
        title = f"former {title}"  # another office: 'the former president', never 'the president'
    where = [t for t in words if t.i < at.i and t.ent_type_ in ("GPE", "ORG", "NORP")]
    where = [t for t in where if t.i >= where[-1].i - 2] if where else []
    return title, (e.doc[where[0].i:where[-1].i + 1].text if where else None)


def roles_named_with(e: Span) -> list[tuple[str, Optional[str]]]:
    """(role, organisation) pairs the article gives a person by naming them together:
    "Kremlin spokesman Dmitry Peskov", "Tony Blair, the prime minister,", "the chancellor, Gordon Brown,"."""
    doc = e.doc
    out = []
    pre = [t for t in e.root.children if t.i < e.start and t.dep_ in ("compound", "amod", "nmod", "poss")]
    if pre:
        lo = min(t.left_edge.i for t in pre)
        cut = _after_other_names(doc, lo, e.start)
        _, role, org = split_speaker(list(doc[lo:e.end]), None) if cut == lo else (None, *role_words(list(doc[cut:e.start])))
        if role:
            out.append((role, org))
    nouns = [c for c in e.root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if e.root.dep_ == "appos" and e.root.head.pos_ == "NOUN":
        nouns.append(e.root.head)
    for n in nouns:
        toks = [t for t in n.subtree if t.i < n.i or t == n]
        toks = [t for t in toks if not (e.start <= t.i < e.end)]
        if toks:
            r, o = role_words(toks)
            if r:
                out.append((r, o))
    return out


def _after_other_names(doc, lo: int, start: int) -> int:
    """Where the words written before a name at ``start`` begin, from ``lo`` on, when they say that name's role: after
    the last conjunction, comma or other person's name among them ("real estate mogul Donald Trump and media mogul
    Rupert Murdoch": Murdoch's role is "media mogul", not one that runs over Trump).

    >>> from graphkit.nlp import load_pipeline
    >>> doc = load_pipeline()("Real estate mogul Donald Trump and media mogul Rupert Murdoch met.")
    >>> doc[_after_other_names(doc, 0, 8):8].text
    'media mogul'
    """
    for t in doc[lo:start]:
        if t.pos_ == "CCONJ" or t.text == "," or t.ent_type_ == "PERSON":
            lo = t.i + 1
    return lo


def role_words(toks: list[Token]) -> tuple[Optional[str], Optional[str]]:
    """(role, organisation) of a role phrase with no name ("the prime minister", "Russia's foreign minister")."""
    rolew, orgw = [], []
    for w in toks:
        if w.is_punct or w.lower_ in {"the", "a", "an"} or w.dep_ == "case":
            continue
        if (w.ent_type_ in ("ORG", "GPE", "NORP") or w.dep_ == "poss") and not rolew:
            orgw.append(w)
        else:
            rolew.append(w)
    role = " ".join(w.text for w in rolew) or None
    org = strip_possessive(" ".join(w.text for w in orgw)).strip() or None
    return role, org


def spoken_for(head: Token) -> Optional[Token]:
    """'a spokeswoman for YouTube', 'an aide to Mr Blair': the name after 'for' / 'to' a spokesperson-like head
    speaks for (an entity or proper noun), else None."""
    for c in head.children:
        if c.dep_ == "prep" and c.i > head.i and c.lower_ in ("for", "to"):
            obj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if obj is not None and any(t.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") or t.pos_ == "PROPN"
                                       for t in (obj, *[x for x in obj.lefts if x.dep_ == "compound"])):
                return obj  # 'YouTube', 'Mr Blair', 'the Clinton campaign'
    return None


def principal_tokens(head: Token) -> list[Token]:
    """Who a spokesperson-like head speaks for: its possessive or name modifiers ("Mr Blair's", "Downing Street"),
    else the name after 'for' ("a spokeswoman for YouTube")."""
    out = []
    for c in head.children:
        if c.i < head.i and c.dep_ in ("poss", "compound", "nmod") and (c.ent_type_ or c.pos_ in ("PROPN", "PRON")):
            out.append(c)
    if not out and head.lemma_.lower() in SPOKES and spoken_for(head) is not None:
        out.append(spoken_for(head))
    return out


def name_end(t: Token) -> int:
    """Index of the last token of the name a token ends or is in: its entity's end, else the token."""
    e = ent_of(t)
    return e.end - 1 if e is not None else t.i
