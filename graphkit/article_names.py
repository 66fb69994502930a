"""In-article name lookup: the full name an article gives for a surname, 'Mr X', a first name or a role.

The first half of the article pass over speakers (:mod:`graphkit.speakers`; the pronoun half is
:mod:`graphkit.antecedents`). :class:`ArticleNames` reads an article's person names once (honorifics
stripped for identity and kept for gender, the roles and titles it names people with, what its pronouns
and nouns say of their gender) and answers:

- :meth:`ArticleNames.full_name`: 'Blair', 'Mr Blair', 'Hillary' → 'Tony Blair' / 'Hillary Clinton', the fullest
  name of the article the mention stands for;
- :meth:`ArticleNames.by_role`: 'the prime minister', 'the Florida senator' → the person the article named in it;
- :meth:`ArticleNames.org_named`: 'the company', 'the ministry' → the organisation the article named;
- :meth:`ArticleNames.gender_of`: what the article says of a full name's gender.

>>> from graphkit.nlp import load_spacy
>>> doc = load_spacy()("Prime Minister Tony Blair spoke on Monday. Mr Blair said the plan was dead.")
>>> names = ArticleNames(doc)
>>> names.full_name("Mr Blair", (43, 51)), names.by_role("prime minister", None, 60)
(('Tony Blair', (15, 25)), ('Tony Blair', (15, 25)))
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

import numpy
from spacy.attrs import DEP
from spacy.tokens import Doc, Span, Token

from .doc_reading import doc_text, ent_index, sentences
from .frames_parse import label_name
from .gender import FAMILY_NOUNS, article_honorific_votes, article_pronoun_votes, noun_gender, vote
from .given_names import given_name_like
from .merge import OTHER_OFFICE, holds_role, same_office, written_out
from .names import (HONORIFICS, NAME_PARTICLES, TITLE_WORDS, before_dash, honorific_gender,
                    is_honorific, split_honorific, strip_possessive)
from .person_nouns import person_noun
from .segments import NOT_RUNNING_TEXT, segment_kind_at, segments
from .speaker_parts import office_title, roles_named_with

__all__ = ["ArticleNames", "HEADING_TEXT", "honorific_start"]

#: segments that name what an article is about: a full name there is one a surname of the text can stand for
HEADING_TEXT = frozenset({"headline", "standfirst", "subhead"})

#: the words of a generational suffix: 'Donald Trump Jr.' is taken only for a mention that has one
_GENERATIONS = frozenset({"jr", "sr", "ii", "iii"})

#: nouns any organisation of their kind is called by: "the company said" after "Enron", "the agency said" after "the
#: FBI" is the latest organisation named before (:meth:`ArticleNames.org_named`)
_GENERIC_ORG_NOUNS = {"company", "firm", "corporation", "group", "retailer", "insurer", "airline", "carrier",
                      "operator", "lender", "bank", "agency"}


#: a person's name the article pass reads besides a speaker's is read with the honorific written just before it,
#: outside the NER's entity (:meth:`ArticleNames.person_named`): a pronoun's candidate ('Mrs. Clinton' is Hillary
#: Clinton, whom a 'she' fits; issue 12, −110: over train+dev 3 speakers change, 3 right, 0 made wrong), a relative
#: clause's antecedent ('Mrs. Clinton, who had told a guest ...' is not Bill Clinton), a person in apposition, a 'whose'
#: possessor, the one an anonymous asker asked, the names a pronoun's verb takes as its object (issue 12, −115: 2
#: speakers change, 2 right, 0 made wrong, both by a relative clause's antecedent; the other places move none).
#: American style only: the NER keeps British 'Mrs Brown' inside the name. One switch for both since session 66
#: (−110's was ``antecedents.HONORIFIC_BEFORE``), for the tests
NAMES_WITH_HONORIFIC = True

#: a surname the NER typed a person ('Lee said') with no PERSON name of the article carrying it stands for a run of
#: proper nouns ending with it that the NER typed an organisation ('Ann Lee' as ORG), as a surname with an honorific
#: ('Ms. Lee') already does (`ArticleNames._untyped_holders`; issue 12; a switch for the tests)
PERSON_SURNAME_TAKES_ORG_RUN = True

#: what kind of qualifier an entity label names in a role phrase ('The Vermont senator', 'the Senate leader', 'The
#: Irish president'): two names of one kind for one office of one person are two people (`ArticleNames.contradicts`)
QUALIFIER_KINDS = {"GPE": "place", "LOC": "place", "ORG": "body", "NORP": "people or party"}


#: the parts of speech of a word before a role's head that describes its holder, never names the office
_DESCRIBING = frozenset({"ADJ", "ADV", "NUM", "VERB"})


class ArticleNames:
    """An article's people and organisations as names: whom a surname, an honorific form, a first name or a role
    stands for.

    Holds the article's person names (honorifics stripped, their gender kept), the roles it names people in
    ("Prime Minister Tony Blair", "Tony Blair, the prime minister,") and its organisations. Person names in a
    headline, byline or caption are not used: NER reads "Donald Trump Tells" there.
    """

    def __init__(self, doc: Doc):
        self.doc = doc
        ents = ent_index(doc)[2]
        text = doc_text(doc)
        segs = segments(text, doc.user_data.get("title")) if len(doc) else []
        self.not_running = [s for s in segs if s.kind in NOT_RUNNING_TEXT]
        self.headline = " ".join(text[s.start:s.end] for s in segs if s.kind in ("headline", "standfirst"))
        running = [e for e in ents if segment_kind_at(self.not_running, e.start_char) not in NOT_RUNNING_TEXT]
        self.persons = [e for e in running if e.label_ == "PERSON"]
        #: the headline's, standfirst's and subheads' texts with where each starts: the full name one opens with
        #: is what a surname the running text never names in full stands for (:meth:`heading_name`)
        self.headings = [(s.start, text[s.start:s.end]) for s in segs if s.kind in HEADING_TEXT]
        # organisations and places that can speak ("the Kremlin", "Russia"); not adjectives ("European")
        self.orgs = [e for e in running if e.label_ in ("ORG", "GPE", "NORP") and e.root.pos_ != "ADJ"]
        self.names = [_PersonName.of(e) for e in self.persons]
        self._propn: Optional[list[_PersonName]] = None
        self._lower: Optional[set[str]] = None
        self._in_headline: dict[str, bool] = {}
        self._pos_of: Optional[dict[str, set[str]]] = None  # a word, lower-cased -> its parts of speech (`_describing`)
        #: an entity's text, lower-cased -> its kinds (`qualifiers`)
        self._entity_kinds: Optional[dict[str, set[str]]] = None
        self._handles: dict[tuple[str, str], Optional[int]] = {}  # (honorific, surname) -> first use (`first_handle`)
        self._alone: Optional[dict[str, int]] = None  # each word's first capitalised use outside a full name (`first_alone`)
        #: acronym -> the name the article writes it out as, and where (`acronym_named`)
        self._written_out: dict[str, Optional[tuple[str, tuple[int, int]]]] = {}
        #: role (and 'organisation role') -> the person a speaker in that role was resolved to (graphkit.speakers)
        self.roles: dict[str, tuple[str, tuple[int, int]]] = {}
        #: the article's sentences, the Doc's own (a title's abbreviation ends none: graphkit.nlp.TITLES_KEPT_WHOLE)
        self.sents = sentences(doc)
        self._sent_starts = [s.start_char for s in self.sents]
        self.titled: list[tuple[int, str, str, tuple[int, int]]] = []  # (char, role key, name, span)
        self.titles: list[tuple[int, str, str, tuple[int, int]]] = []  # the same, from 'President X', 'Sen. X'
        #: a given name written alone -> its full name by a relative's ("Clinton's husband, Bill"), None if two
        self.family: dict[str, Optional[tuple[str, tuple[int, int]]]] = {}
        self.voted = article_pronoun_votes(self.sents, self.names)
        self.hon_voted = article_honorific_votes(self.names)
        self.noun_voted = self._read_roles()

    def _read_roles(self) -> dict[str, str]:
        """Fill :attr:`titled` and :attr:`titles` with the roles and offices the article names each person with
        ('Kremlin spokesman Dmitry Peskov', 'Tony Blair, the prime minister,', 'New Mexico Gov. Ana Baca'), and return
        the gender those nouns say of a name ('his wife, Jane', 'spokeswoman Hope Hicks': graphkit.gender.noun_gender;
        never 'whose husband')."""
        noun_votes: dict[str, list[int]] = {}
        for e, pn in zip(self.persons, self.names):
            self._note_family(e, pn)
            for role, org in roles_named_with(e):
                said = noun_gender(role) if (org or "").lower() != "whose" else None  # 'Dorothy Woods, whose husband'
                if said:
                    noun_votes.setdefault(pn.name, [0, 0])[said == "female"] += 1
                self.titled.append((e.start_char, role.lower(), pn.name, pn.span))
                if org:
                    self.titled.append((e.start_char, f"{org.lower()} {role.lower()}", pn.name, pn.span))
            title, where = office_title(e)
            if title:
                self.titles.append((e.start_char, title, pn.name, pn.span))
                if where:  # 'New Mexico Gov. Ana Baca': 'the New Mexico governor'
                    self.titled.append((e.start_char, f"{where.lower()} {title}", pn.name, pn.span))
        return {n: g for n, (m, f) in noun_votes.items() if (g := vote(m, f, share=1)) is not None}

    def _note_family(self, e: Span, pn: "_PersonName") -> None:
        """Record in :attr:`family` the full name of a given name written alone in a kinship role of a person named by
        surname or in full ("Clinton's husband, Bill", "Gordon Brown's wife, Sarah", "Smith's son Eric":
        :func:`family_surname`): the given name and that surname. A given name two relatives share is None."""
        surname = family_surname(e) if len(pn.words) == 1 else None
        if surname is None:
            return
        full, key = f"{pn.name} {surname}", pn.words[0]
        self.family[key] = (full, pn.span) if self.family.get(key, (full,))[0] == full else None

    def lower_words(self) -> set[str]:
        """Words the article writes in lower case (so not names): 'justice', 'coach'."""
        if self._lower is None:
            from spacy.attrs import ORTH

            strings = self.doc.vocab.strings  # each distinct word once, not a Token for every word
            self._lower = {w for w in map(strings.__getitem__, set(self.doc.to_array(ORTH).tolist())) if w.islower()}
        return self._lower

    def by_role(self, role: str, org: Optional[str], at: int, definite: bool = False
                ) -> Optional[tuple[str, tuple[int, int]]]:
        """The person last named with this role (and organisation) before ``at``.

        Roles compare without a leading determiner or possessive: "the prime minister" finds
        "Prime Minister Tony Blair" and "Tony Blair, the prime minister". A ``definite`` phrase ("the mogul", not "a
        company") also finds a role said with more words ("real estate mogul Donald Trump": `graphkit.merge.holds_role`,
        so never another office: "the president" is not "the vice president"), when only one person was so named.
        A role whose ``org`` is a name or a possessive pronoun (:func:`_qualifies`: 'the Florida senator', 'His lawyer')
        is only someone named with it, never the last person named in the bare role ('Bernie Sanders, the senator
        from Vermont'); the role then stays for the corpus pass to name. Failing all, a definite description is the
        one person named with a description of the same head noun (:meth:`_described_as`: 'the mega donor').
        """
        keys = [f"{org.lower()} {role.lower()}"] if org else []
        if not _qualifies(org):
            keys.append(role.lower())
        for key in keys:
            if key in self.roles:
                return self.roles[key]
            hits = [x for x in self.titled if x[0] < at and x[1] == key]
            if hits:
                return hits[-1][2], hits[-1][3]
        # a bare title says no state or organisation: 'Sen. John McCain' is 'the senator', not 'the Vermont senator'
        hits = [x for x in self.titles if x[0] < at and x[1] == role.lower()] if not org else []
        if not hits and not org and definite:
            hits = self._holding(role, at)
            if len({x[2] for x in hits}) > 1:  # 'the mogul' after two moguls: which one is not said
                return None
        if not hits and definite and not _qualifies(org):
            hits = self._described_as(role, at)
        if hits:
            return hits[-1][2], hits[-1][3]
        return None

    def _described_as(self, role: str, at: int) -> list[tuple[int, str, str, tuple[int, int]]]:
        """The :attr:`titled` entries before ``at`` of the one person the article named with a description of the same
        head noun, a noun naming a person ('the mega donor' after 'Labour donor John Mills', 'the first-term
        senator' after 'Ohio Senator Ann Price'; graphkit.person_nouns), neither naming another office
        (merge.OTHER_OFFICE: 'the vice president' is no president; merge.same_office: 'the majority leader' is no
        'Senate Minority Leader'); none when no one or two people were so named."""
        words = role.lower().split()
        if not words or not person_noun(words[-1]):
            return []
        hits = [x for x in self.titled if x[0] < at and (held := x[1].split()) and held[-1] == words[-1]
                and not (set(held[:-1]) | set(words[:-1])) & OTHER_OFFICE
                and same_office(role, x[1], self._names_in(role, x[1]))]
        return hits if len({x[2] for x in hits}) == 1 else []

    def role_holders(self, role: str, at: int) -> set[str]:
        """The people the article named before ``at`` with this role or a longer one of its head ('Retired neurosurgeon
        Ben Carson' for 'the neurosurgeon': `graphkit.merge.holds_role`), as :meth:`by_role` reads them for a definite
        phrase; two or more say the phrase is one of them, not which."""
        return {x[2] for x in self._holding(role, at)}

    def _holding(self, role: str, at: int) -> list[tuple[int, str, str, tuple[int, int]]]:
        """The :attr:`titled` entries before ``at`` whose role is this one or a longer one of its head."""
        return [x for x in self.titled if x[0] < at and holds_role(role, [x[1]])]

    def named_next(self, role: str, at: int) -> Optional[tuple[str, tuple[int, int]]]:
        """The one person the sentence after the one holding ``at`` names in ``role``, for a role no one was named in
        before and that brings someone new in (the caller asks for 'a federal judge' and "Trump's campaign chief", not
        for 'the senator', which refers back to someone maybe named without the role): a news lede names the role, the
        next sentence the person ('A federal judge ruled Monday that ... Magistrate Judge Ann Price said ...' is Ann
        Price). The role holds the office named there or the other way round ('federal judge' and 'Judge Ann Price';
        'spokeswoman' and 'ICE spokeswoman Ann Price'; never 'the former president' and 'President Obama':
        graphkit.merge.holds_role). None when that sentence names no one, or two people, in it."""
        k = self._sent_index(at) + 1
        if k >= len(self.sents):
            return None
        s = self.sents[k]
        hits = [(x[2], x[3]) for x in self.titled + self.titles if s.start_char <= x[0] < s.end_char
                and (holds_role(role, [x[1]]) or holds_role(x[1], [role]))]
        return min(hits, key=lambda h: h[1]) if len({name for name, _ in hits}) == 1 else None

    def other_office(self, name: str, role: str) -> bool:
        """Whether the article names ``name`` in an office of the same kind as ``role`` that is not it: 'Joe Biden, the
        vice president,' for 'the president', 'Bill Clinton, the former president,' for 'the president', 'deputy
        leader Tom Watson' for 'the leader' (a role of theirs with the role's word, another office:
        graphkit.merge.same_office; 'Sen. John McCain' is 'The longtime senator', 'Former Texas Gov. Rick Perry' 'The
        former three-term governor').

        >>> from graphkit.nlp import load_spacy
        >>> names = ArticleNames(load_spacy()("Joe Biden, the vice president, and Sen. Ann Hale spoke in Ohio."))
        >>> names.other_office("Joe Biden", "president"), names.other_office("Ann Hale", "longtime senator")
        (True, False)
        """
        head = role.lower().split()[-1]
        held = [x[1] for x in self.titled + self.titles if x[2] == name]
        held += [k for k, (n, _) in self.roles.items() if n == name]
        return any(head in r.split() and not same_office(role, r, self._names_in(role, r)) for r in held)

    def _names_in(self, *roles: str) -> set[str]:
        """The words of the roles that say where, whose or what holder, never which office (merge.same_office's
        ``names``): the article's names of places, bodies and parties they hold (:meth:`qualifiers`), and the words the
        article writes only as describing words, adjectives, adverbs, numbers or participles ('mega', 'top', 'leading');
        lower-cased. 'majority', 'attorney' are nouns: the office's own words."""
        out = {w for r in roles for words in self.qualifiers(r).values() for w in words}
        return out | {w for r in roles for w in r.lower().split() if self._describing(w)}

    def _describing(self, word: str) -> bool:
        """Whether the article writes ``word`` (lower-cased) only as a describing word: an adjective, adverb, number or
        verb form, never a noun or a name."""
        if self._pos_of is None:
            self._pos_of = {}
            for t in self.doc:
                self._pos_of.setdefault(t.lower_, set()).add(t.pos_)
        tags = self._pos_of.get(word)
        return bool(tags) and tags <= _DESCRIBING

    def contradicts(self, name: str, role: str, phrase: str) -> bool:
        """Whether the article itself says a role phrase qualified by a place, body or party ('The Vermont senator')
        is not ``name``: it named that person in the phrase's office ('role''s last word) with another name of the same
        kind (:meth:`qualifiers`: 'Arizona Sen. John McCain', 'French President Emmanuel Macron' for 'The Irish
        president'). A qualifier the article says nothing against ('Sen. Lindsey Graham' for 'the South Carolina
        senator', a place and a party for 'the Democratic Vermont senator') contradicts nothing.

        >>> from graphkit.doc_reading import parsed_as_written
        >>> names = ArticleNames(parsed_as_written(
        ...     "Arizona Sen. John McCain and Sen. Lindsey Graham met in South Carolina. "
        ...     "The Vermont senator said no.",
        ...     pos="PROPN PROPN PROPN PROPN CCONJ PROPN PROPN PROPN VERB ADP PROPN PROPN PUNCT DET PROPN NOUN VERB "
        ...         "INTJ PUNCT", tags="NNP NNP NNP NNP CC NNP NNP NNP VBD IN NNP NNP . DT NNP NN VBD UH .",
        ...     deps="compound compound compound nsubj cc compound compound conj ROOT prep compound pobj punct det "
        ...          "compound nsubj ROOT intj punct", heads="1 3 3 8 3 7 7 3 8 8 11 9 8 15 15 16 16 16 16",
        ...     lemmas="Arizona Sen. John McCain and Sen. Lindsey Graham meet in South Carolina . the Vermont senator "
        ...            "say no .", sent_starts="1 0 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0",
        ...     ents="B-GPE O B-PERSON I-PERSON O O B-PERSON I-PERSON O O B-GPE I-GPE O O B-GPE O O O O"))
        >>> names.contradicts("John McCain", "senator", "The Vermont senator")
        True
        >>> names.contradicts("John McCain", "senator", "The Arizona senator"), names.contradicts(
        ...     "Lindsey Graham", "senator", "The South Carolina senator")
        (False, False)
        """
        mine = self.qualifiers(phrase)
        if not mine:
            return False
        head = role.lower().split()[-1]
        held = [x[1] for x in self.titled + self.titles if x[2] == name and x[1].split()[-1:] == [head]]
        for r in held:
            theirs = self.qualifiers(r)
            if any(kind in theirs and not words & theirs[kind] for kind, words in mine.items()):
                return True
        return False

    def qualifiers(self, phrase: str) -> dict[str, set[str]]:
        """The article's names of places, bodies and peoples or parties (its entities, by :data:`QUALIFIER_KINDS`) a
        phrase holds as whole words, lower-cased, by kind; a name inside a longer one found ('Jersey' of 'New Jersey')
        is not counted apart.

        >>> from graphkit.doc_reading import parsed_as_written
        >>> names = ArticleNames(parsed_as_written("New Jersey Gov. Chris Christie met French officials in Paris.",
        ...                                        ents="B-GPE I-GPE O B-PERSON I-PERSON O B-NORP O O B-GPE O"))
        >>> names.qualifiers("the new jersey governor"), names.qualifiers("The French president")
        ({'place': {'new jersey'}}, {'people or party': {'french'}})
        """
        if self._entity_kinds is None:
            self._entity_kinds = {}
            for e in self.doc.ents:
                if e.label_ in QUALIFIER_KINDS:
                    self._entity_kinds.setdefault(e.text.lower(), set()).add(QUALIFIER_KINDS[e.label_])
        low = phrase.lower()
        found = [w for w in self._entity_kinds if re.search(rf"(?<![\w.]){re.escape(w)}(?![\w])", low)]
        out: dict[str, set[str]] = {}
        for w in found:
            if not any(w != o and re.search(rf"(?<!\w){re.escape(w)}(?!\w)", o) for o in found):
                for kind in self._entity_kinds[w]:
                    out.setdefault(kind, set()).add(w)
        return out

    def _sent_index(self, at: int) -> int:
        """The index of the sentence holding character ``at`` (the last one starting at or before it)."""
        return max(0, bisect.bisect_right(self._sent_starts, at) - 1)

    def full_name(self, ent_text: str, ent_span: tuple[int, int], at: Optional[int] = None
                  ) -> tuple[str, tuple[int, int]]:
        """The fullest name of the article that a mention ('Blair', 'Mr Blair', 'Hillary') refers to.

        Honorifics are stripped for identity and kept for gender ("Mrs Clinton" is not Bill Clinton
        when the article calls him "Mr Clinton"; of Donald and Ivana Trump, "Mr Trump" is the one the article
        calls male, see :func:`_of_gender`). Among several names carrying the words ("Clinton": Hillary and
        Bill), the one the headline names (:meth:`in_headline`), then the one the article names most often,
        then the latest before ``at`` (:meth:`_rank`).
        A name with a generational suffix ("Donald Trump Jr.") is taken only when the mention has it. A full name
        the NER typed no person counts when written before every typed one (:meth:`_named_first`).
        """
        honorific, bare = split_honorific(strip_possessive(ent_text.strip()))
        words = _mention_words(bare)
        if not words:
            return ent_text, ent_span
        cands = self._holders(words, honorific, ent_span)
        if not cands and len(words) == 1 and not honorific and self.family.get(words[0]):
            return self.family[words[0]]  # 'Bill' of "Clinton's husband, Bill": Bill Clinton
        if not cands:
            if honorific:  # 'Mr Blair' with no fuller name: the name without its honorific
                k = ent_text.find(bare)
                return bare, (ent_span[0] + k, ent_span[0] + k + len(bare)) if k >= 0 else ent_span
            return ent_text, ent_span
        pos = ent_span[0] if at is None else at
        if honorific and len(words) == 1 and len(cands) > 1:
            first = self.first_handle(honorific, bare)  # None when never written; 0 when the text opens with it
            pos = pos if first is None else min(pos, first)
        best = max(cands, key=self._rank(cands, words, pos))
        pn = next((x for x in reversed(cands[best]) if x.start < pos), cands[best][0])
        return pn.name, pn.span

    def name_from(self, first: Token, end: int, honorific: bool = True) -> tuple[str, tuple[int, int]]:
        """The full name (:meth:`full_name`) of the person whose name is written from token ``first`` to character
        ``end``, read with the honorific written just before ``first``, outside the NER's entity, when ``honorific``
        (:func:`honorific_start`: 'Mr. Clinton' tagged 'Clinton' still says the gender). The one reading of a person's
        name from an honorific written before it: a speaker's name (graphkit.speakers._named_person), a conjunct's
        (graphkit.speaker_kinds._conjunct_person), any other name the article pass reads (:meth:`person_named`).

        >>> from graphkit.nlp import load_spacy
        >>> doc = load_spacy()("Bill Clinton said he was tired. Hillary Clinton said she was not. Bill Clinton left. "
        ...                    "Mrs. Clinton stayed.")
        >>> names = ArticleNames(doc)
        >>> e = [e for e in doc.ents if e.label_ == "PERSON"][-1]
        >>> e.text, names.name_from(e[0], e.end_char, honorific=False)[0], names.name_from(e[0], e.end_char)[0]
        ('Clinton', 'Bill Clinton', 'Hillary Clinton')
        """
        a = honorific_start(first) if honorific else first.idx
        return self.full_name(doc_text(self.doc)[a:end], (a, end))

    def person_named(self, e: Span, end: Optional[int] = None) -> tuple[str, tuple[int, int]]:
        """The full name of a person the span ``e`` names (up to character ``end``, a possessive left out), read with
        the honorific written just before it (:meth:`name_from`, :data:`NAMES_WITH_HONORIFIC`): how the article pass
        reads a name that is no speaker's: a pronoun's candidate (graphkit.antecedents.Antecedents: its resolution,
        its runners-up, a description's referent, the names a pronoun's verb takes as its object), an apposition, a
        relative clause's antecedent, a 'whose' possessor (graphkit.speaker_kinds), the one asked (graphkit.speakers).

        >>> from graphkit.nlp import load_spacy
        >>> doc = load_spacy()("Bill Clinton said he was tired. Hillary Clinton said she was not. Bill Clinton left. "
        ...                    "Mrs. Clinton stayed.")
        >>> names = ArticleNames(doc)
        >>> names.person_named([e for e in doc.ents if e.label_ == "PERSON"][-1])[0]
        'Hillary Clinton'
        """
        return self.name_from(e[0], e.end_char if end is None else end, honorific=NAMES_WITH_HONORIFIC)

    def _holders(self, words: list[str], honorific: Optional[str], ent_span: tuple[int, int]
                 ) -> dict[str, list["_PersonName"]]:
        """The article's full names a mention's ``words`` can stand for, each with its mentions: the PERSON names
        carrying every word (:meth:`_carrying`); for one word, also a full name the NER typed no person written
        first (:meth:`_named_first`), then only those carrying it first or last (:func:`_surname_holders`); those of
        the honorific's gender (:func:`_of_gender`); failing all, a run of proper nouns ending with the word
        (:meth:`_untyped_holders`), then a heading's name (:meth:`heading_name`)."""
        gender = honorific_gender(honorific)
        cands = self._carrying(words, gender, ent_span[0])
        if len(words) == 1 and cands:
            cands.update(self._named_first(words[0], ent_span[0], cands))
        if len(words) == 1 and len(cands) > 1:
            cands = _surname_holders(cands, words[0], _GENERATIONS)
        if gender and len(cands) > 1:
            cands = _of_gender(cands, gender, self.gender_of)
        if not cands and len(words) == 1:
            typed_person = PERSON_SURNAME_TAKES_ORG_RUN and self.names_person_at(ent_span)
            cands = self._untyped_holders(words[0], ent_span[0], bool(honorific) or typed_person, gender)
        if not cands and len(words) == 1 and self.names_person_at(ent_span):
            cands = self.heading_name(words[0], gender)
        return cands

    def _carrying(self, words: list[str], gender: Optional[str], at: int) -> dict[str, list["_PersonName"]]:
        """The article's PERSON names longer than the mention that carry all its words, by name: not one with a
        generational suffix the mention lacks while another name carries it ('Trump' is Donald Trump, not Donald
        Trump Jr.; with no other, the one suffixed name written before ``at``: 'Elliott' after 'Charles Elliott III',
        :func:`_suffixed_alone`), not 'Los Hijos de Trump' for 'Trump' (its surname is 'de Trump'), not one the
        article gives the other gender than the honorific's."""
        cands: dict[str, list] = {}
        suffixed: dict[str, list] = {}
        for pn in self.names:
            if len(pn.words) <= len(words) or not all(w in pn.words for w in words):
                continue
            if len(words) == 1 and len(pn.words) > 2 and pn.words[-2] in NAME_PARTICLES:
                continue  # 'Trump' is not 'Los Hijos de Trump', whose surname is 'de Trump'
            if gender and self.gender_of(pn.name) not in (None, gender):
                continue
            lacks = (set(pn.words) & _GENERATIONS) and not (set(words) & _GENERATIONS)
            (suffixed if lacks else cands).setdefault(pn.name, []).append(pn)
        return cands or _suffixed_alone(suffixed, at)

    def _untyped_holders(self, surname: str, at: int, honorific: bool, gender: Optional[str] = None
                         ) -> dict[str, list["_PersonName"]]:
        """The NER missed the full name ('Vince Cable', 'Nicola Sturgeon'): the runs of capitalised proper nouns
        (:meth:`propn_names`) ending with the surname before ``at``; one the NER called an ORG only for a mention
        with an ``honorific`` ('Mr Cable'). Never a run the article gives another ``gender`` than the honorific's
        (:meth:`gender_of`), as in :meth:`_carrying`: 'Mrs. Baca' after 'Ann Baca ... Her husband, Tom Baca' is not
        Tom Baca when the NER typed her name no person.

        >>> from graphkit.nlp import load_spacy
        >>> names = ArticleNames(load_spacy()("The governor called Ann Baca. Her husband, Tom Baca, was free."))
        >>> sorted(names._untyped_holders("baca", 60, True, "female")), sorted(names._untyped_holders("baca", 60, True))
        (['Ann Baca'], ['Ann Baca', 'Tom Baca'])
        """
        cands: dict[str, list] = {}
        for pn, typed in self.propn_names():
            if surname != pn.words[-1] or pn.start >= at or (typed and not honorific):
                continue
            if gender and self.gender_of(pn.name) not in (None, gender):
                continue
            cands.setdefault(pn.name, []).append(pn)
        return cands

    def _rank(self, cands: dict[str, list["_PersonName"]], words: list[str], pos: int):
        """The key :meth:`full_name` chooses among several full names by: named in the headline
        (:meth:`in_headline`), named before the surname was first written alone (:meth:`first_alone`), named most
        often, named latest before ``pos``, the longest."""
        first_alone = self.first_alone(words[0]) if len(words) == 1 else None

        def rank(name):
            seen = cands[name]
            before = [pn.start for pn in seen if pn.start < pos]
            introduced = first_alone is not None and min(pn.start for pn in seen) < first_alone
            return (self.in_headline(name), introduced, len(seen), max(before) if before else -1, len(name))
        return rank

    def first_handle(self, honorific: str, surname: str) -> Optional[int]:
        """Where the running text first writes this honorific and surname ('Mr. Trump', 'Mr Brown'), else None. A
        newspaper's 'Mr. X' keeps the person it first stood for: of two brothers, the second is named in full once and
        then by his given name ('Donald J. Trump ... Mr. Trump ... his brother Freddy Trump ... Freddy ...
        Mr. Trump said'), so :meth:`full_name` ranks a later 'Mr. Trump' as of the first one."""
        key = (honorific.split()[-1].rstrip(".").lower(), surname)
        if key not in self._handles:
            text = doc_text(self.doc)
            hits = (m.start() for m in re.finditer(rf"(?<!\w){re.escape(key[0])}\.? {re.escape(surname)}(?!\w)", text,
                                                    flags=re.I)
                    if segment_kind_at(self.not_running, m.start()) not in NOT_RUNNING_TEXT)
            self._handles[key] = next(hits, None)
        return self._handles[key]

    def _named_first(self, surname: str, at: int, typed: dict) -> dict[str, list["_PersonName"]]:
        """Full names with this surname the NER typed no person (runs of proper nouns, :meth:`propn_names`) written
        before ``at`` and before every typed one (``typed``): 'GOP presidential candidate Carly Fiorina' (an ORG) opens
        an article that says 'Fiorina' of her throughout and names 'her husband, Frank Fiorina' late; among them
        :meth:`full_name` takes the one named before the surname is first written alone."""
        first = min(pn.start for seen in typed.values() for pn in seen)
        return {pn.name: [pn] for pn, _org in self.propn_names()
                if pn.words[-1] == surname and pn.start < min(at, first) and pn.name not in typed}

    def names_person_at(self, span: tuple[int, int]) -> bool:
        """Whether a PERSON entity of the running text covers ``span`` (a mention 'Richards', not 'Russia')."""
        return any(e.start_char <= span[0] and span[1] <= e.end_char for e in self.persons)

    def heading_name(self, surname: str, gender: Optional[str]) -> dict[str, list["_PersonName"]]:
        """The one full name a heading of the article opens with, a given name and this surname, for a surname the
        running text never names in full, a PERSON entity there: 'Lena Hardwick: ‘I’m Done Waiting ...’' over a text
        that says 'Hardwick said' (never 'Cautious Russia ...' over 'Russia said'); a listicle's subhead 'Salma Hayek
        Described Her Experience ...' over 'Hayek confirmed'. The given name is no title word ('President Obama
        Says'), no word the article writes in lower case, and a given name of the `nicknames` table or a word rare in
        English ('Cecile'; not 'Exclusive', 'Breaking', 'Watch': graphkit.given_names.given_name_like); no name the heading
        joins to another ('Derelict Obama and Clinton: ...'); none when the headings open with two such names.
        """
        hits = []
        for start, text in self.headings:
            m = re.match(r"([A-Z][a-z’'\-]+) ([A-Z][\w’'\-]+)\b(?! +(?:[Aa]nd|[Oo]r|&)(?:\s|$))", text)
            if m is None or m.group(2).lower() != surname:
                continue
            given = m.group(1)
            if given.lower() in TITLE_WORDS or given.lower() in self.lower_words() or not given_name_like(given):
                continue
            name = m.group(0)
            if gender and self.gender_of(name) not in (None, gender):
                continue
            words = tuple(w.lower() for w in name.split())
            hits.append(_PersonName(name, words, None, start, (start, start + len(name))))
        return {hits[0].name: hits} if len({pn.name for pn in hits}) == 1 else {}

    def first_alone(self, word: str) -> Optional[int]:
        """Where the article first writes a surname alone ('Clinton', 'Mr. Clinton'), else None. Of several full
        names with it, those named before that are whom it means: a reporter names a second holder in full when
        the surname alone already means another ('Hillary Clinton ... Clinton ... Bill Clinton'). The word as a
        subject of the running text outside every full name counts whatever the NER typed it ('Fiorina opened by ...'
        with 'Fiorina' an ORG; not 'Clinton insiders', 'Clinton's', nor the headline's 'Fiorina pushed ahead')."""
        typed = min((pn.start for pn in self.names if pn.words == (word,)), default=None)
        alone = self._subjects_alone().get(word)  # the NER may type the surname alone no person ('Fiorina' an ORG)
        return min((x for x in (typed, alone) if x is not None), default=None)

    def _subjects_alone(self) -> dict[str, int]:
        """Each word's first capitalised use as a subject of the running text outside every full name (`first_alone`),
        by its lower case: one pass over the Doc, made when first asked (a pass for each word asked took 0.27 of the
        speakers' 1.5 CPU s on a 100,000-character piece, the largest a build parses, which asked 163 words)."""
        if self._alone is None:
            covered = {i for pn in self.names if len(pn.words) > 1 for i in range(pn.start, pn.span[1])}
            covered.update(i for pn, _org in self.propn_names() for i in range(pn.start, pn.span[1]))
            alone: dict[str, int] = {}
            for t in _subjects(self.doc):
                if t.text[:1].isupper() and t.lower_ not in alone \
                        and t.idx not in covered and segment_kind_at(self.not_running, t.idx) not in NOT_RUNNING_TEXT:
                    alone[t.lower_] = t.idx
            self._alone = alone
        return self._alone

    def in_headline(self, name: str) -> bool:
        """Whether the article's headline or standfirst names this full name: the person the article is about,
        whom its surname alone means ('How one flood made Tom Ellis a mayor': 'Ellis' is Tom Ellis, not
        Mary Ellis whom his speech names twice)."""
        if name not in self._in_headline:
            self._in_headline[name] = len(name.split()) > 1 and \
                re.search(rf"(?<!\w){re.escape(name)}(?!\w)", self.headline) is not None
        return self._in_headline[name]

    def propn_names(self) -> list[tuple["_PersonName", bool]]:
        """(name, typed ORG) for runs of 2-3 capitalised proper nouns outside places, not starting with an
        honorific nor after an article ('the Joint Staff' names no person): names the NER missed, used only when no PERSON entity carries the surname; one the NER
        called an ORG ('Vince Cable') only for a mention with an honorific ('Mr Cable')."""
        if self._propn is None:
            from spacy.attrs import POS
            from spacy.symbols import PROPN

            out, run = [], []
            text = doc_text(self.doc)  # spaCy rebuilds Doc.text from every token on each read: once, not per name

            def flush():
                name = _unlabelled(self.doc[run[0].i:run[-1].i + 1]) if run else ()
                if 2 <= len(name) <= 3 and not (run[0].i > 0 and self.doc[run[0].i - 1].lower_ in ("the", "a", "an")):
                    a, b = name[0].idx, name[-1].idx + len(name[-1].text)
                    out.append((_PersonName(text[a:b], tuple(x.lower_ for x in name), None, a, (a, b)),
                                any(x.ent_type_ == "ORG" for x in name)))

            # only proper nouns can be in a run (read from the POS array, no Token for the rest); a gap between
            # two of them is a word that ends the run
            prev = None
            for i in (self.doc.to_array(POS) == PROPN).nonzero()[0].tolist():
                if prev is not None and i != prev + 1:
                    flush()
                    run = []
                prev = i
                t = self.doc[i]
                ok = t.text[:1].isupper() and t.text.isalpha() \
                    and t.ent_type_ not in ("GPE", "NORP", "LOC", "FAC", "DATE") and t.lower_ not in HONORIFICS \
                    and segment_kind_at(self.not_running, t.idx) not in NOT_RUNNING_TEXT
                if ok and run and "\n" not in run[-1].text_with_ws:  # run[-1] is the word before (a gap ended it)
                    run.append(t)
                    continue
                flush()
                run = [t] if ok else []
            flush()
            self._propn = out
        return self._propn

    def gender_of(self, name: str) -> Optional[str]:
        """Gender of a full name: from an honorific on it ('Sir Keir Starmer'), else from a noun the article names it
        with ('his wife, Jane'), else from the pronouns that follow it, else from the honorifics of its surname alone
        (see graphkit.gender), else None."""
        out = None
        for pn in self.names:
            if pn.gender and pn.name == name:
                if out not in (None, pn.gender):
                    return None
                out = pn.gender
        return out or self.noun_voted.get(name) or self.voted.get(name) or self.hon_voted.get(name)

    def names_person(self, e: Span) -> bool:
        """Whether an entity typed otherwise is a person's name the article gives in full ('Trump' as ORG)."""
        text = strip_possessive(e.text, bare_apostrophe=True)
        name = self.full_name(text, (e.start_char, e.start_char + len(text)))[0]
        return name != text and len(name.split()) > 1

    def acronym_named(self, acronym: str) -> Optional[tuple[str, tuple[int, int]]]:
        """The name the article writes an acronym out as ('AVP' after "the Alpine People's Party, or AVP,", 'AP' in an
        article that writes 'The Associated Press'), and where: :func:`graphkit.merge.written_out`, asked once an
        article for each acronym; None when the article does not write it out.

        >>> from graphkit.nlp import load_spacy
        >>> ArticleNames(load_spacy()("The Alpine People's Party (AVP) won. The AVP said so.")).acronym_named("AVP")
        ("Alpine People's Party", (4, 25))
        """
        if acronym not in self._written_out:
            hit = written_out(acronym, doc_text(self.doc))
            self._written_out[acronym] = hit[:2] if hit else None
        return self._written_out[acronym]

    def org_named(self, noun: str, at: int) -> Optional[tuple[str, tuple[int, int]]]:
        """The organisation a definite role noun refers to: "the ministry" → the latest earlier ORG
        holding that word ("Ministry of Defence"); "the company" / "the firm" → the latest earlier ORG."""
        earlier = [e for e in self.orgs if e.end_char <= at and e.label_ == "ORG"]
        hit = [e for e in earlier if noun in e.text.lower().split()]
        if not hit and noun in _GENERIC_ORG_NOUNS:
            hit = earlier
        if hit:
            e = hit[-1]
            name = re.sub(r"^(the)\s+", "", strip_possessive(e.text), flags=re.I)
            k = e.text.find(name)
            return name, (e.start_char + k, e.start_char + k + len(name))
        return None


def honorific_start(first: Token) -> int:
    """Where a person's name starts read with the honorific written just before its first token, outside the NER's
    entity ('Mr. Clinton' tagged 'Clinton'): the honorific's first character, else the token's. The one reading of an
    honorific left outside a name, which says its gender to `ArticleNames.full_name` (:meth:`ArticleNames.name_from`).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Mrs.", "Clinton", "smiled"])
    >>> honorific_start(doc[1]), honorific_start(doc[2])
    (0, 13)
    """
    before = first.doc[first.i - 1] if first.i > 0 else None
    return before.idx if before is not None and is_honorific(before.text) else first.idx


def _mention_words(bare: str) -> list[str]:
    """A mention's words as :meth:`ArticleNames.full_name` compares them: lower case, without full stops, commas
    or a possessive.

    >>> _mention_words("Blair's"), _mention_words("J. Smith ,")
    (['blair'], ['j', 'smith'])
    """
    words = [w.lower().rstrip(".,") for w in bare.split() if w.strip(".,")]
    return [strip_possessive(w, bare_apostrophe=True) for w in words]


def family_surname(e: Span) -> Optional[str]:
    """The surname a one-word name shares with the person whose relative it is said to be: the possessor of a kinship
    noun (graphkit.gender.FAMILY_NOUNS) the name stands in apposition to or is named with ("Clinton's husband, Bill",
    "Gordon Brown's wife, Sarah", "Smith's son Eric"); None for a pronoun ('her husband, Bill') or no kinship noun.
    spaCy gives "'s" and a closing "'" tokens of their own, so the possessor's text is the surname; a pipeline that
    keeps the ending on (``--model``) has it taken off by :func:`graphkit.names.strip_possessive`.

    >>> from graphkit.nlp import load_spacy
    >>> doc = load_spacy()("Gordon Brown's wife, Sarah, opened the fete. Her husband, Tom, came too.")
    >>> [family_surname(e) for e in doc.ents if e.label_ == "PERSON" and len(e) == 1]
    ['Brown', None]
    """
    root = e.root
    nouns = [root.head] if root.dep_ == "appos" else []
    nouns += [c for c in root.children if c.dep_ in ("appos", "compound", "nmod")]
    for n in nouns:
        if n.pos_ == "NOUN" and n.lemma_.lower() in FAMILY_NOUNS:
            owner = next((c for c in n.children if c.dep_ == "poss"), None)
            if owner is not None and owner.pos_ == "PROPN" and owner.text[:1].isupper():
                return strip_possessive(owner.text, bare_apostrophe=True)
    return None


def _qualifies(org: Optional[str]) -> bool:
    """Whether the word before a role says whose or where it is so that only a person named with it holds it: a name
    ('the Florida senator' is not Bernie Sanders, 'the senator from Vermont'; 'Grayson's spokeswoman' is not Murphy's)
    or a possessive pronoun ('His lawyer' is not the lawyer named before); not a common noun ('the congressman's
    spokesman' is the spokesman the article named as Gowdy's).

    >>> _qualifies("Florida"), _qualifies("His"), _qualifies("congressman's"), _qualifies(None)
    (True, True, False, False)
    """
    return bool(org) and (org[:1].isupper() or org.lower() in ("his", "her", "its", "their"))


def _subjects(doc: Doc) -> list[Token]:
    """The Doc's nominal subjects (``nsubj``, ``nsubjpass``) in order, found in its dependency array: a Token is
    made for them alone, not for every word."""
    ids = [doc.vocab.strings[d] for d in ("nsubj", "nsubjpass")]
    return [doc[i] for i in numpy.flatnonzero(numpy.isin(doc.to_array(DEP), ids)).tolist()]


def _unlabelled(name: Span) -> Span:
    """A name as the article gives it where it is a label before a colon: without the inverted speech verb a
    transcript may open it with (the NER's 'Stated Stone' of 'Stated Stone: ...' is Stone:
    :func:`graphkit.frames_parse.label_name`); any other name as it is."""
    doc = name.doc
    return label_name(name) if name.end < len(doc) and doc[name.end].text == ":" else name


def _suffixed_alone(suffixed: dict[str, list["_PersonName"]], at: int) -> dict[str, list["_PersonName"]]:
    """Of the full names with a generational suffix that carry a mention without one, the one written before ``at``
    (by name, with its mentions before ``at``), when exactly one was: 'Elliott' after 'Charles Elliott III' and
    before 'his father, Charles Elliott Jr.' is the son; two written before say it is one of them, not which.

    >>> from types import SimpleNamespace as N
    >>> iii, jr = N(name="Charles Elliott III", start=10), N(name="Charles Elliott Jr.", start=90)
    >>> [n for n in _suffixed_alone({"Charles Elliott III": [iii], "Charles Elliott Jr.": [jr]}, 50)]
    ['Charles Elliott III']
    >>> _suffixed_alone({"Charles Elliott III": [iii], "Charles Elliott Jr.": [jr]}, 95)
    {}
    """
    before = {name: [pn for pn in seen if pn.start < at] for name, seen in suffixed.items()}
    before = {name: seen for name, seen in before.items() if seen}
    return before if len(before) == 1 else {}


def _surname_holders(cands: dict[str, list], word: str, gens: set) -> dict[str, list]:
    """Of several full names carrying a one-word mention, those carrying it first or last: 'Mr. Trump' is not
    'Trump Tower' or 'Maryanne Trump Barry' when 'Donald Trump' is there ('Ms. Acosta' alone may still be
    'Melba Acosta Febo')."""
    def edge(name):
        core = [w for w in cands[name][0].words if w not in gens]
        return word in (core[0], core[-1])

    return {n: v for n, v in cands.items() if edge(n)} or cands


def _of_gender(cands: dict[str, list], gender: str, gender_of) -> dict[str, list]:
    """Of several full names an honorific mention can be ('Mr. Trump': Donald J. Trump, Ivana Trump), those the
    article gives the honorific's gender, when any; else all (those of the other gender are already out)."""
    return {n: v for n, v in cands.items() if gender_of(n) == gender} or cands


@dataclass(frozen=True)
class _PersonName:
    """A PERSON entity of the article as a name: without honorifics or possessive, its words, gender."""

    name: str
    words: tuple[str, ...]
    gender: Optional[str]
    start: int
    span: tuple[int, int]

    @classmethod
    def of(cls, e: Span) -> "_PersonName":
        e = _unlabelled(e)
        text = before_dash(e.text)  # 'Deborah Jordan Reynolds - Santilli' (the NER's) is Deborah Jordan Reynolds
        text = strip_possessive(text, bare_apostrophe=True)
        honorific, bare = split_honorific(text)
        if honorific is None and honorific_start(e[0]) < e[0].idx:
            honorific = e.doc[e.start - 1].text  # 'Mr' left outside the entity
        k = text.find(bare)
        start = e.start_char + max(k, 0)
        words = tuple(strip_possessive(w.lower().rstrip(".,"), bare_apostrophe=True) for w in bare.split())
        return cls(bare, words, honorific_gender(honorific), start, (start, start + len(bare)))
