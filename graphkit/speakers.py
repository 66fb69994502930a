"""Speakers of attributions: who a speaker phrase is, within its article.

The phrase itself (its tokens, type and person / role / organisation split) is read by
:mod:`graphkit.speaker_phrase`; this module holds the article's state and resolves it. Given the head token of a speaker mention (the subject of "said", the object of
"according to"), :func:`speaker_fields` cuts out the mention, types it (PERSON,
ORG, GPE, NORP, ANON, PRON, NOUN), splits it into person, role and organisation
("Kremlin spokesman Dmitry Peskov" → Dmitry Peskov, spokesman, Kremlin) and
resolves it within the article: a surname or a pronoun to the fullest earlier
name, "the spokesman" to the person last named with that role, "the source" to
the earlier anonymous source. :class:`SpeakerResolver` holds that article state;
make one per Doc and pass the speakers in document order.

>>> from graphkit.nlp import load_spacy
>>> from graphkit.speakers import SpeakerResolver, speaker_fields
>>> doc = load_spacy()("Kremlin spokesman Dmitry Peskov spoke on Monday. The Kremlin spokesman said the plan was dead.")
>>> said = next(t for t in doc if t.lower_ == "said")
>>> subj = next(t for t in said.children if t.dep_ == "nsubj")
>>> f = speaker_fields(SpeakerResolver(doc), subj, None, None, [], doc.text)
>>> f["speaker_text"], f["role"], f["organisation"], f["resolved_text"]
('The Kremlin spokesman', 'spokesman', 'Kremlin', 'Dmitry Peskov')
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

import numpy
from spacy.attrs import DEP
from spacy.tokens import Doc, Span, Token

from .dates import WEEKDAYS
from .merge import holds_role
from .gender import ANSWERED_LEAST, CORPUS_SHARE, article_honorific_votes, article_pronoun_votes, noun_gender, vote
from .names import (HONORIFICS, NAME_PARTICLES, TITLE_WORDS, before_dash, given_name_like, honorific_gender,
                    split_honorific)
from .mentions import ROLE_HEADS as ROLE_WORDS
from .interviews import doc_turns, label_at, labelled, turn_speaker
from .pronouns import (MENTION, PERSON_PRONOUNS, QUANTIFIERS, SPEAKER, SUBJECT, UNTYPED_SUBJECT, WINDOW, Candidate,
                       antecedent, fits_gender, pronoun_gender)
from .speaker_kinds import (ANON_PERSON, _anaphoric_anonymous, _first_name_before, _Found,
                            _in_apposition, _named_together, _one_anonymous_person, _possessive_pronoun, _relative,
                            _spokesperson, _surname_role_or_org, _who_antecedent, _whose)
from .speaker_phrase import (ANON_HEADS, ent_index, naming_zone, office_title, person_role, principal_tokens,
                             roles_named_with, speaker_tokens, speaker_type, split_speaker)
from .nlp import doc_text, sentences
from .quotes import find_quotes
from .segments import NOT_RUNNING_TEXT, segment_kind_at, segments

#: segments that name what an article is about: a full name there is one a surname of the text can stand for
HEADING_TEXT = frozenset({"headline", "standfirst", "subhead"})
#: the tags a tagger gives a capitalised surname it misread (`SpeakerResolver._misread_surname`)
_MISREAD_POS = ("NOUN", "ADJ", "VERB")

__all__ = ["SpeakerResolver", "speaker_fields"]


class _Union:
    """Half-open character intervals as a sorted union of disjoint ones: `covers` is one bisection.

    >>> u = _Union(); u.add(10, 20); u.add(30, 40); u.add(18, 31); u.add(50, 50)
    >>> (u.starts, u.ends), [c for c in (9, 10, 25, 39, 40, 50) if u.covers(c)]
    (([10], [40]), [10, 25, 39])
    """

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.added = 0  # how many of the resolver's `said` spans are in

    def add(self, a: int, b: int) -> None:
        if b <= a:
            return
        i = bisect.bisect_left(self.ends, a)  # the first interval that ends at or after a: it may touch [a, b)
        j = bisect.bisect_right(self.starts, b)  # the intervals from i to j overlap or touch [a, b)
        if i < j:
            a, b = min(a, self.starts[i]), max(b, self.ends[j - 1])
        self.starts[i:j] = [a]
        self.ends[i:j] = [b]

    def covers(self, c: int) -> bool:
        i = bisect.bisect_right(self.starts, c) - 1
        return i >= 0 and c < self.ends[i]


class SpeakerResolver:
    """In-article resolution of speaker mentions to the fullest name the article gives.

    Holds the article's person names (honorifics stripped, their gender kept), the roles it
    names people in ("Prime Minister Tony Blair", "Tony Blair, the prime minister,") and the
    speakers seen so far. Person names in a headline, byline or caption are not used: NER
    reads "Donald Trump Tells" there.
    """

    def __init__(self, doc: Doc, quotes: Optional[list[tuple[int, int]]] = None):
        """``quotes``: the article's quotations (`graphkit.quotes.find_quotes` of its text) when the caller found
        them already, else found when first asked."""
        self.doc = doc
        ents = ent_index(doc)[2]
        text = doc_text(doc)
        segs = segments(text, doc.user_data.get("title")) if len(doc) else []
        self.not_running = [s for s in segs if s.kind in NOT_RUNNING_TEXT]
        self.turns = doc_turns(doc, text)  # an interview's or transcript's turns, kept on the Doc (graphkit.interviews)
        self.headline = " ".join(text[s.start:s.end] for s in segs if s.kind in ("headline", "standfirst"))
        running = [e for e in ents if segment_kind_at(self.not_running, e.start_char) not in NOT_RUNNING_TEXT]
        self.persons = [e for e in running if e.label_ == "PERSON"]
        #: the headline's, standfirst's and subheads' texts with where each starts: the full name one opens with
        #: is what a surname the running text never names in full stands for (:meth:`heading_name`)
        self.headings = [(s.start, text[s.start:s.end]) for s in segs if s.kind in HEADING_TEXT]
        # organisations and places that can speak ("the Kremlin", "Russia"); not adjectives ("European")
        self.orgs = [e for e in running if e.label_ in ("ORG", "GPE", "NORP") and e.root.pos_ != "ADJ"]
        self.names = [_PersonName.of(e) for e in self.persons]
        self._person_starts: Optional[list[int]] = None
        self._propn: Optional[list[_PersonName]] = None
        self._lower: Optional[set[str]] = None
        self._entity_words: Optional[set[str]] = None
        self._inner: Optional[set[str]] = None
        self._quotes: Optional[list[tuple[int, int]]] = quotes
        self._quote_starts: Optional[list[int]] = None  # their starts, for bisection (`_quote_around`)
        self._in_headline: dict[str, bool] = {}
        self._handles: dict[tuple[str, str], Optional[int]] = {}  # (honorific, surname) -> first use (`first_handle`)
        self._alone: Optional[dict[str, int]] = None  # each word's first capitalised use outside a full name (`first_alone`)
        self.speakers: list[tuple[int, str, Optional[tuple[int, int]], str]] = []  # (char, resolved, span, type)
        #: name -> [male, female]: the gendered pronoun speakers resolved to it so far (:meth:`note_pronoun`)
        self.chained: dict[str, list[int]] = {}
        self.anonymous: dict[str, tuple] = {}  # an anonymous person's resolved name -> (role, organisation)
        self.said: list[tuple[int, int]] = []  # content spans of the claims so far (only ever extended)
        self._said_union = _Union()  # the same spans as sorted disjoint intervals, `_said_covers` keeps it up to date
        self.roles: dict[str, tuple[str, tuple[int, int]]] = {}
        self.sents = sentences(doc)
        self._sent_starts = [s.start_char for s in self.sents]
        self.titled: list[tuple[int, str, str, tuple[int, int]]] = []  # (char, role key, name, span)
        self.voted = article_pronoun_votes(self.sents, self.names)
        self.hon_voted = article_honorific_votes(self.names)
        self.titles: list[tuple[int, str, str, tuple[int, int]]] = []  # the same, from 'President X', 'Sen. X'
        noun_votes: dict[str, list[int]] = {}  # 'his wife, Jane', 'spokeswoman Hope Hicks' (graphkit.gender.noun_gender)
        for e, pn in zip(self.persons, self.names):
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
        self.noun_voted = {n: g for n, (m, f) in noun_votes.items() if (g := vote(m, f, share=1)) is not None}

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
        from Vermont'); the role then stays for the corpus pass to name.
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
            hits = [x for x in self.titled if x[0] < at and holds_role(role, [x[1]])]
            if len({x[2] for x in hits}) > 1:  # 'the mogul' after two moguls: which one is not said
                return None
        if hits:
            return hits[-1][2], hits[-1][3]
        return None

    def full_name(self, ent_text: str, ent_span: tuple[int, int], at: Optional[int] = None
                  ) -> tuple[str, tuple[int, int]]:
        """The fullest name of the article that a mention ('Blair', 'Mr Blair', 'Hillary') refers to.

        Honorifics are stripped for identity and kept for gender ("Mrs Clinton" is not Bill Clinton
        when the article calls him "Mr Clinton"; of Donald and Ivana Trump, "Mr Trump" is the one the article
        calls male, see :func:`_of_gender`). Among several names carrying the words ("Clinton": Hillary and
        Bill), the one the headline names (:meth:`in_headline`), then the one the article names most often,
        then the latest before ``at``.
        A name with a generational suffix ("Donald Trump Jr.") is taken only when the mention has it. A full name
        the NER typed no person counts when written before every typed one (:meth:`_named_first`).
        """
        honorific, bare = split_honorific(re.sub(r"[’']s$", "", ent_text.strip()))
        words = [w.lower().rstrip(".,") for w in bare.split() if w.strip(".,")]
        words = [re.sub(r"[’']s?$", "", w) for w in words]
        if not words:
            return ent_text, ent_span
        gender = honorific_gender(honorific)
        gens = {"jr", "sr", "ii", "iii"}
        cands: dict[str, list] = {}
        for pn in self.names:
            if len(pn.words) <= len(words) or not all(w in pn.words for w in words):
                continue
            if (set(pn.words) & gens) and not (set(words) & gens):
                continue
            if len(words) == 1 and len(pn.words) > 2 and pn.words[-2] in NAME_PARTICLES:
                continue  # 'Trump' is not 'Los Hijos de Trump', whose surname is 'de Trump'
            if gender and self.gender_of(pn.name) not in (None, gender):
                continue
            cands.setdefault(pn.name, []).append(pn)
        if len(words) == 1 and cands:
            cands.update(self._named_first(words[0], ent_span[0], cands))
        if len(words) == 1 and len(cands) > 1:
            cands = _surname_holders(cands, words[0], gens)
        if gender and len(cands) > 1:
            cands = _of_gender(cands, gender, self.gender_of)
        if not cands and len(words) == 1:
            # the NER missed the full name ('Vince Cable', 'Nicola Sturgeon'): a run of capitalised proper nouns
            for pn, typed in self.propn_names():
                if words[0] == pn.words[-1] and pn.start < ent_span[0] and (honorific or not typed):
                    cands.setdefault(pn.name, []).append(pn)
        if not cands and len(words) == 1 and self.names_person_at(ent_span):
            cands = self.heading_name(words[0], gender)
        if not cands:
            if honorific:  # 'Mr Blair' with no fuller name: the name without its honorific
                k = ent_text.find(bare)
                return bare, (ent_span[0] + k, ent_span[0] + k + len(bare)) if k >= 0 else ent_span
            return ent_text, ent_span
        pos = ent_span[0] if at is None else at
        if honorific and len(words) == 1 and len(cands) > 1:
            pos = min(pos, self.first_handle(honorific, bare) or pos)
        first_alone = self.first_alone(words[0]) if len(words) == 1 else None

        def rank(name):
            seen = cands[name]
            before = [pn.start for pn in seen if pn.start < pos]
            introduced = first_alone is not None and min(pn.start for pn in seen) < first_alone
            return (self.in_headline(name), introduced, len(seen), max(before) if before else -1, len(name))

        best = max(cands, key=rank)
        pn = next((x for x in reversed(cands[best]) if x.start < pos), cands[best][0])
        return pn.name, pn.span

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
        English ('Cecile'; not 'Exclusive', 'Breaking', 'Watch': graphkit.names.given_name_like); no name the heading
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
                if 2 <= len(run) <= 3 and not (run[0].i > 0 and self.doc[run[0].i - 1].lower_ in ("the", "a", "an")):
                    a, b = run[0].idx, run[-1].idx + len(run[-1].text)
                    out.append((_PersonName(text[a:b], tuple(x.lower_ for x in run), None, a, (a, b)),
                                any(x.ent_type_ == "ORG" for x in run)))

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

    def pronoun_fits(self, pronoun: str, name: str) -> bool:
        """Rule 3 of graphkit.pronouns for a name of this article: its gender as :meth:`gender_of` gives it, else as the
        pronoun speakers resolved to it so far say (:meth:`note_pronoun`). That last word is for pronouns only: an
        honorific's choice between full names ('Mr. Trump') reads :meth:`gender_of` alone, so that a 'he' the pass
        gave 'Trump Tower' never makes it a man."""
        chained = vote(*self.chained.get(name, (0, 0)), least=ANSWERED_LEAST, share=CORPUS_SHARE)
        return fits_gender(pronoun, self.gender_of(name) or chained)

    def note_pronoun(self, pronoun: str, name: str) -> None:
        """Remember that a gendered pronoun speaker ('he said') was resolved to ``name``: the pronouns the article pass
        gave a person are its last word on that person's gender for later pronouns (:meth:`pronoun_fits`), so a later
        'she' does not go to the man several 'he' went to ('Bernie Sanders ... he said ... Deja Stewart, who ... when she
        called him'). They are the pass's own answers, one of them maybe wrong, so they count as the corpus pass
        counts the pronouns the articles gave a name (graphkit.people): three at least, four in five."""
        said = pronoun_gender(pronoun)
        if said and name:
            self.chained.setdefault(name, [0, 0])[said == "female"] += 1

    def pronoun(self, low: str, at: int, content: tuple = (), bound: frozenset = frozenset()
                ) -> Optional[tuple[str, Optional[tuple[int, int]]]]:
        """Antecedent of a pronoun speaker by :func:`graphkit.pronouns.antecedent`: walking back sentence
        by sentence, the latest speaker of the right kind, else the subject named there, else the latest
        name. Names inside the claim's own content ("Russia's position could weaken, they added") are
        not subjects to take, nor is a person whose honorific says the other gender ("she" after "Mr Blair"),
        nor anyone named in the pronoun's own clause (``bound``, see :func:`clause_names`: "She asked
        Richards" is not Richards). A mention already resolved for an earlier claim ('he said ...,
        adding ...') keeps its resolution."""
        same = [x for x in self.speakers if x[0] == at]
        if same:  # the same mention speaks a second claim ('he said, adding that ...'): the same speaker
            return same[-1][1], same[-1][2]
        person = low in PERSON_PRONOUNS
        k = self._sent_index(at)
        window = self._window(k)
        cands, fits = self._candidates(person, at, content, low == "they", window), self._fits(low, person, bound)
        hit, _ = antecedent(low, cands, fits, sent=k, window=window)
        if hit is not None and hit.sent is not None and k - hit.sent >= WINDOW:
            hit = self._named_since(hit, cands, fits)
        if hit is None:
            return None
        if hit.rank == SPEAKER:  # an anonymous person comes back without a span: the span is the principal's
            return hit.ref[1], (None if hit.ref[3] == ANON_PERSON and person else hit.ref[2])
        e = hit.ref
        return self.full_name(e.text, (e.start_char, e.end_char)) if person else (e.text, (e.start_char, e.end_char))

    def _fits(self, low: str, person: bool, bound: frozenset = frozenset()):
        """Rule 3 of graphkit.pronouns for this article: a speaker's or name's gender as the article gives it;
        a name of the pronoun's own clause (``bound``) never fits; nor, for 'they' / 'it', an entity the NER did not
        call a person that is a surname of the article's people ("Trump's prospective nomination ... They fear");
        nor, for 'it' / 'its', a plural common noun (:meth:`_plural_noun`)."""
        def fits(c: Candidate) -> bool:
            if not person:
                if low in SINGULAR_THING and self._plural_noun(c):
                    return False
                return c.rank == SPEAKER or not self.names_person(c.ref)
            name = c.ref[1] if c.rank == SPEAKER else self.full_name(c.ref.text, (c.ref.start_char, c.ref.end_char))[0]
            if name in bound:
                return False
            return pronoun_gender(low) is None or self.pronoun_fits(low, name)
        return fits

    def _plural_noun(self, c: Candidate) -> bool:
        """Whether a candidate is headed by a plural common noun ('researchers', 'Radio towers', 'Bernie Sanders aides'),
        which 'it' cannot stand for ("researchers released files that forced
        the agency to admit an error. Even so, it declared ..." is the agency's); a speaker is looked up by the span it resolved to."""
        if c.rank != SPEAKER:
            return c.ref.root.tag_ == "NNS"
        span = c.ref[2]
        found = self.doc.char_span(span[0], span[1], alignment_mode="expand") if span else None
        return found is not None and found.root.tag_ == "NNS"

    def names_person(self, e: Span) -> bool:
        """Whether an entity typed otherwise is a person's name the article gives in full ('Trump' as ORG)."""
        text = re.sub(r"[’']s?$", "", e.text)
        name = self.full_name(text, (e.start_char, e.start_char + len(text)))[0]
        return name != text and len(name.split()) > 1

    def clause_names(self, pron: Token) -> frozenset:
        """The full names of the people a subject pronoun's verb takes as its object, directly or by a
        preposition, which the pronoun cannot refer to: "She asked Richards ..." is not Richards, "he told
        Trump", "he accused Clinton of" neither. Names deeper in what follows are not counted: news prose
        repeats a name where a reflexive would do ("he did not deny that he gives his advice to Ms.
        Vance and others whom Mr. Dorsey has known" is Dorsey's)."""
        verb = pron.head
        if pron.dep_ not in ("nsubj", "nsubjpass"):  # a subject is never its sentence's root
            return frozenset()
        own = {t.i for t in pron.subtree}
        lo, hi = pron.idx + len(pron.text), verb.right_edge.idx + len(verb.right_edge.text)
        if self._person_starts is None:
            self._person_starts = [e.start_char for e in self.persons]
        out = set()
        for e in self.persons[bisect.bisect_left(self._person_starts, lo):bisect.bisect_left(self._person_starts, hi)]:
            r = e.root
            if e.end_char <= hi and r.i not in own and (r.head == verb and r.dep_ in _OBJECTS or r.dep_ == "pobj"
                                                         and r.head.dep_ in ("prep", "dative") and r.head.head == verb):
                out.add(self.full_name(e.text, (e.start_char, e.end_char))[0])
        return frozenset(out)

    def _sent_index(self, at: int) -> int:
        return max(0, bisect.bisect_right(self._sent_starts, at) - 1)

    def _window(self, k: int) -> int:
        """How many sentences a pronoun in sentence ``k`` walks back for a speaker or subject: :data:`WINDOW` of
        them, a sentence wholly inside a quotation not counted (at most :data:`QUOTED_WINDOW_MAX` in all). A quote
        running over several sentences is one speaker's turn: in "“..., we are not done yet,” Ortiz told NPR's Ann
        Lee. “We have more to do. And we will.” It was a change for him. He said ..." Ortiz stays in
        reach."""
        n, j = 0, k
        while j >= 0 and n < WINDOW and k - j < QUOTED_WINDOW_MAX:
            s = self.sents[j] if self.sents else None
            if s is None or not self._wholly_quoted(s):
                n += 1
            j -= 1
        return k - j

    def _named_since(self, hit: Candidate, cands: list[Candidate], fits) -> Candidate:
        """A speaker or subject found only beyond :data:`WINDOW` sentences, across a quote's sentences
        (:meth:`_window`), gives way to the latest fitting name written after its sentence outside any claim or quote:
        "“...,” said Mr. Boyd. “She never calls herself a rebel.” But when it comes to Ms. Ortiz's
        best days, ... She was among 12 senators" is Ortiz's, as the nearest name would say."""
        end = self.sents[hit.sent].end_char
        later = (c for c in cands if c.fallback and c.at >= end and not self._quoted(c.at))
        for c in sorted(later, key=lambda c: -c.at):
            if fits(c):
                return c
        return hit

    def _wholly_quoted(self, s: Span) -> bool:
        """Whether a sentence's text lies inside one quotation (its first and last visible characters do)."""
        text = doc_text(self.doc)[s.start_char:s.end_char]  # s.text, without a Token for each of its words
        a = s.start_char + len(text) - len(text.lstrip())
        b = s.start_char + len(text.rstrip()) - 1
        if b <= a:
            return False
        q = self._quote_around(a)
        return q is not None and b < q[1]

    def _candidates(self, person: bool, at: int, content: tuple, plural: bool = False,
                    window: int = WINDOW) -> list[Candidate]:
        """The article's mentions before ``at`` as pronoun candidates: speakers so far and subjects
        (typed, then, for a person, untyped) in the last sentences; every earlier name as a fallback.
        For 'they' (``plural``), a plural common noun that is a subject is one too ("the mayor's backers
        broke into applause as they heard"), and a single place is none (:func:`_one_place`).
        Names inside the claim's content or an earlier claim's are none."""
        # an anonymous person ('A spokesman for Mr. Lund said ... He added') is one for 'he' / 'she'
        kinds = ("PERSON", ANON_PERSON) if person else ("ORG", "GPE", "NORP", "ANON", ANON_PERSON, "NOUN")
        ents = self.persons if person else self.orgs
        k = self._sent_index(at)
        lo = self.sents[max(0, k - window + 1)].start_char if self.sents else 0
        inside = self._said_covers(content)  # what anyone said is no antecedent of who said it
        out = []
        for x in self.speakers:
            if lo <= x[0] < at and x[3] in kinds:
                j = self._sent_index(x[0])
                if x[0] < self.sents[j].end_char:
                    out.append(Candidate(x[0], SPEAKER, x, j, False, self._depth_at(x[0]) if person else 0))
        reported = self._reported(content, k)
        for e in ents:
            if plural and _one_place(e):
                continue
            j = self._sent_index(e.start_char)
            if lo <= e.start_char < at and e.end_char <= self.sents[j].end_char and \
                    e.root.dep_ in ("nsubj", "nsubjpass") and not reported(e.root):
                out.append(Candidate(e.start_char, SUBJECT, e, j, False, clause_depth(e.root)))
            if inside(e.start_char):
                continue
            if e.end_char <= at:
                out.append(Candidate(e.start_char, MENTION, e))
        if person:  # a person's name the NER did not type ('Oksuz', 'Sanders' read as a noun)
            out.extend(self._subject_candidates(k, window, UNTYPED_SUBJECT,
                                                lambda s: self._untyped_subjects(s, at, reported)))
        elif plural:  # 'the mayor's backers broke into applause as they heard'
            out.extend(self._subject_candidates(k, window, SUBJECT, lambda s: _plural_subjects(s, at, reported)))
        return out

    def _subject_candidates(self, k: int, window: int, rank: int, subjects) -> list[Candidate]:
        """Candidates of one ``rank`` from the sentences a pronoun in sentence ``k`` walks back (``window`` of them,
        its own included): for each sentence, the spans ``subjects(sentence)`` finds, with the sentence's index and
        clause depth (rule 4 of graphkit.pronouns orders by both); none is a fallback for the nearest mention."""
        out = []
        for s in self.sents[max(0, k - window + 1):k + 1]:
            j = self._sent_index(s.start_char)
            out.extend(Candidate(x.start_char, rank, x, j, False, clause_depth(x.root)) for x in subjects(s))
        return out

    def _depth_at(self, c: int) -> int:
        """:func:`clause_depth` of the word a speaker mention starts with (character ``c``): a speaker of a subordinate
        clause ('... when Tapper asked whether ...') gives way to the main clause's subject (graphkit.pronouns rule 4)."""
        span = self.doc.char_span(c, c + 1, alignment_mode="expand")
        return clause_depth(span[0]) if span is not None and len(span) else 0

    def _reported(self, content: tuple, k: int):
        """``no(token)`` for subjects: none inside the claim's own content, inside what anyone said so far or inside
        a quotation (one no claim holds yet: "“Reed was not Ms. Vance's first pick,” Dunn said. “I can't
        recall ...” A new aide, he said, ..." is Dunn), but for the subject of a clause an earlier sentence
        reported in its own words ('the ministry said Karimov was a leader of the group. He was briefly
        held.' is Karimov)."""
        inside = self._said_covers(content)
        start = self.sents[k].start_char if self.sents else 0
        content = tuple(content)

        def no(t: Token) -> bool:
            c = t.idx
            if not inside(c):
                return self._quoted(c)
            if c >= start or any(a <= c < b for a, b in content):
                return True
            return t.head.dep_ != "ccomp" or self._quoted(c)
        return no

    def _quote_around(self, c: int) -> Optional[tuple[int, int]]:
        """The quotation (start, end) character ``c`` is inside, else None (the article's quotations:
        graphkit.quotes.find_quotes, found once unless the caller gave them)."""
        if self._quote_starts is None:
            if self._quotes is None:
                self._quotes = find_quotes(doc_text(self.doc))
            self._quote_starts = [a for a, _ in self._quotes]
        i = bisect.bisect_right(self._quote_starts, c) - 1
        return self._quotes[i] if i >= 0 and c < self._quotes[i][1] else None

    def _quoted(self, c: int) -> bool:
        """Whether a character is inside a quotation (graphkit.quotes.find_quotes)."""
        return self._quote_around(c) is not None

    def _said_covers(self, content: tuple):
        """``inside(char)``: whether a character is in ``content`` or in a claim said so far (`said`). The claims
        said so far are kept as a union of intervals, so a pronoun's candidates cost a lookup per name rather
        than a pass over every earlier claim (a long one-speaker article has thousands of both)."""
        union = self._said_union
        while union.added < len(self.said):
            union.add(*self.said[union.added])
            union.added += 1
        content = tuple(content)
        return lambda c: union.covers(c) or any(a <= c < b for a, b in content)

    def _untyped_subjects(self, s: Span, at: int, inside) -> list[Span]:
        """Subjects of a sentence the NER did not call a person but that name one of the article's people
        ('Ortiz did not often speak this openly.' with 'Ortiz' typed ORG), or that the NER typed nothing
        at all and the article never writes in lower case: a name it gives no fuller form of ('the ministry
        said Karimov was a leader of the group. He was briefly held.'). A capitalised subject the tagger read
        as a common noun is one too when it is the surname of a person the article names in full and the article
        never writes it in lower case ('Ortiz seemed to wave the audit away' with 'Ortiz' a NOUN):
        :meth:`_misread_surname`."""
        out = []
        for t in s:
            if t.idx >= at or t.dep_ not in ("nsubj", "nsubjpass") or t.ent_type_ == "PERSON":
                continue
            if t.pos_ != "PROPN" and not self._misread_surname(t):
                continue
            if inside(t):
                continue
            name, _ = self.full_name(t.text, (t.idx, t.idx + len(t.text)))
            if len(name.split()) > 1 or (t.pos_ == "PROPN" and self._bare_name(t)):
                out.append(s.doc[t.i:t.i + 1])
        return out

    def _misread_surname(self, t: Token) -> bool:
        """A capitalised word the tagger read as a common noun, an adjective or a verb ('Sanders', 'Bush' at a
        sentence's start tagged NOUN; 'Trump, later alleging ...' and 'Ebeling reminisced' tagged ADJ) that is the last
        word of a person's full name in the article, which the article never writes in lower case: the tagger misread
        a surname, whatever the NER made of it ('Sanders exaggerates when he says ...' with 'Sanders' an ORG).
        Its full name is then looked up by :meth:`full_name` like any surname."""
        return t.pos_ in _MISREAD_POS and t.ent_type_ != "PERSON" and t.is_alpha and t.text[:1].isupper() \
            and not t.text.isupper() and t.lower_ not in self.lower_words() \
            and any(len(pn.words) > 1 and pn.words[-1] == t.lower_ for pn in self.names)

    def _bare_name(self, t: Token) -> bool:
        """A capitalised word the NER typed nothing, no honorific or title, that the article never writes in
        lower case and capitalises inside a sentence too, no word of an organisation or place
        (:meth:`entity_words`), not quoted: a person's name as far as the article tells ('Oksuz'; not 'Will' of
        'will', 'Twitter' of 'A Twitter spokesman')."""
        return not t.ent_type_ and t.is_alpha and t.text[:1].isupper() and not t.text.isupper() \
            and t.lower_ not in TITLE_WORDS | set(HONORIFICS) | ROLE_WORDS and t.lower_ not in self.lower_words() \
            and t.lower_ not in self.entity_words() and not self._quoted(t.idx) and t.lower_ in self.inner_capitals()

    def inner_capitals(self) -> set[str]:
        """Words the article capitalises inside a sentence, not only at its start ('Implicit in Mr. Obama's rise
        was ...' is no name)."""
        if self._inner is None:
            self._inner = {t.lower_ for t in self.doc if not t.is_sent_start and t.text[:1].isupper()
                           and t.i > 0 and not self.doc[t.i - 1].is_punct}
        return self._inner

    def entity_words(self) -> set[str]:
        """Words the article uses as no person's: in its entities that are not people ('States' of 'United States'),
        or as a bare word before a common noun ('A Twitter spokesman'); not one the NER calls a PERSON on its own
        elsewhere ('Maddow' of 'The Rachel Maddow Show')."""
        if self._entity_words is None:
            ents = self.doc.ents
            people = {e[0].lower_ for e in ents if e.label_ == "PERSON" and len(e) == 1}
            words = {t.lower_ for e in ents if e.label_ != "PERSON" for t in e}
            words.update(t.lower_ for t in self.doc if t.dep_ == "compound" and t.head.pos_ == "NOUN"
                         and t.ent_type_ != "PERSON" and not any(c.dep_ == "compound" for c in t.children))
            self._entity_words = words - people
        return self._entity_words

    def document_named(self, head: Token, at: int) -> Optional[tuple[str, tuple[int, int]]]:
        """What 'the poll' / 'the statement' refers back to, anywhere before it in the article: the latest of an
        earlier speaker whose name ends with the same noun and names whose it is ('CBS News poll', not 'Monday's
        poll' nor 'a source familiar with the ad'), and an earlier mention of the noun named by its proper-noun
        compounds or possessor ("the Holocaust Museum's statement"); None when the article names it no more fully."""
        lemma = head.lemma_.lower()
        best: Optional[tuple[int, str, tuple[int, int]]] = None
        for pos, resolved, span, kind in self.speakers:
            words = resolved.split()
            if pos < at and span is not None and kind in ("NOUN", "ORG") and len(words) > 1 \
                    and words[-1].lower().rstrip("s") == lemma and _names_its_source(words[:-1]):
                best = max(best or (pos, resolved, span), (pos, resolved, span))
        text = doc_text(self.doc)
        for t in self.doc[:head.i]:
            if t.lemma_.lower() == lemma and t.pos_ == "NOUN" and t.idx < at and (best is None or t.idx > best[0]):
                name = _document_name(t)
                if name is not None:
                    best = (t.idx, re.sub(r"^(the|a|an)\s+", "", text[name.start_char:name.end_char], flags=re.I),
                            (name.start_char, name.end_char))
        return (best[1], best[2]) if best else None

    def org_named(self, noun: str, at: int) -> Optional[tuple[str, tuple[int, int]]]:
        """The organisation a definite role noun refers to: "the ministry" → the latest earlier ORG
        holding that word ("Ministry of Defence"); "the company" / "the firm" → the latest earlier ORG."""
        earlier = [e for e in self.orgs if e.end_char <= at and e.label_ == "ORG"]
        hit = [e for e in earlier if noun in e.text.lower().split()]
        if not hit and noun in _GENERIC_ORG_NOUNS:
            hit = earlier
        if hit:
            e = hit[-1]
            name = re.sub(r"^(the)\s+", "", re.sub(r"[’']s$", "", e.text), flags=re.I)
            k = e.text.find(name)
            return name, (e.start_char + k, e.start_char + k + len(name))
        return None


#: nouns of what a source issues and that speaks for it ("the poll found", "the statement said")
_DOCUMENT_NOUNS = {"poll", "survey", "study", "report", "statement", "letter", "memo", "cable", "lawsuit", "complaint",
                   "filing", "ad", "email", "release", "analysis", "editorial", "order", "note", "message", "story"}


def _qualifies(org: Optional[str]) -> bool:
    """Whether the word before a role says whose or where it is so that only a person named with it holds it: a name
    ('the Florida senator' is not Bernie Sanders, 'the senator from Vermont'; 'Grayson's spokeswoman' is not Murphy's)
    or a possessive pronoun ('His lawyer' is not the lawyer named before); not a common noun ('the congressman's
    spokesman' is the spokesman the article named as Gowdy's).

    >>> _qualifies("Florida"), _qualifies("His"), _qualifies("congressman's"), _qualifies(None)
    (True, True, False, False)
    """
    return bool(org) and (org[:1].isupper() or org.lower() in ("his", "her", "its", "their"))


def _bare_document(head: Token, toks: list) -> bool:
    """'the poll', 'the new poll', 'the statement': a document named by a definite article and its noun alone
    (at most one adjective between), which the article named more fully before."""
    return head.pos_ == "NOUN" and head.lemma_.lower() in _DOCUMENT_NOUNS and toks[0].lower_ == "the" \
        and toks[-1] == head and len(toks) <= 3 and all(t.pos_ == "ADJ" for t in toks[1:-1])


#: entity types that say when, not whose ("Monday's poll", "the Friday editorial")
_WHEN = ("DATE", "TIME")
_NOT_NAMING = {"new", "the", "a", "an", "this", "that"} | {d + s for d in WEEKDAYS for s in ("", "'s", "’s")}


def _names_its_source(words: list[str]) -> bool:
    """Whether the words before a document noun name whose it is ('CBS News', 'Quinnipiac University'): a
    capitalised word that is no determiner, 'New' or weekday ('New polls', "Monday's poll" name no one)."""
    return any(w[:1].isupper() and w.lower() not in _NOT_NAMING for w in words) \
        and not any(w in ("the", "a", "an", "with", "of", "about", "on", "for", "in", "by") for w in words)


def _document_name(t: Token) -> Optional[Span]:
    """The fuller naming of a document noun where the article writes it: its proper-noun compounds or possessor
    ('A new CBS News poll', "the Holocaust Museum's statement"), else None."""
    mods = [c for c in t.children if c.dep_ in ("compound", "poss") and c.i < t.i and c.ent_type_ not in _WHEN
            and (c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "PERSON", "GPE", "NORP"))]
    if not mods:
        return None
    lo = min(x.i for m in mods for x in m.subtree)
    return t.doc[lo:t.i + 1]


def _one_place(e: Span) -> bool:
    """A place named alone ('Coral Gables', 'China', 'New Hampshire': GPE or LOC) is 'it', not 'they': no antecedent of
    'they' (the people there are, when the article names them as a subject: :func:`_plural_subjects`)."""
    return e.label_ in ("GPE", "LOC")


#: the most sentences a pronoun walks back for a speaker or subject, quoted sentences included (SpeakerResolver._window)
QUOTED_WINDOW_MAX = 3 * WINDOW

#: the singular thing pronouns: neither stands for a plural noun ('which' may: "groups, which claimed ...")
SINGULAR_THING = frozenset({"it", "its"})

#: the dependency labels that open a subordinate clause: a subject under one is not its sentence's main subject
_SUBORDINATE = frozenset({"advcl", "ccomp", "xcomp", "relcl", "acl", "csubj", "csubjpass", "pcomp"})


def _subjects(doc: Doc) -> list[Token]:
    """The Doc's nominal subjects (``nsubj``, ``nsubjpass``) in order, found in its dependency array: a Token is
    made for them alone, not for every word."""
    ids = [doc.vocab.strings[d] for d in ("nsubj", "nsubjpass")]
    return [doc[i] for i in numpy.flatnonzero(numpy.isin(doc.to_array(DEP), ids)).tolist()]


def clause_depth(t: Token) -> int:
    """How many subordinate clauses (an adverbial, complement or relative clause) a token sits in within its
    sentence: 0 in the main clause. In "Iowa Gov. Ann Price predicted that farmers will vote for the bill if
    Vance signs it", 'Price' is 0 and 'Vance' 2; coordinated clauses ("Price spoke and Vance said") are both
    main clauses.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Price", "predicted", "Vance", "loses"],
    ...           heads=[1, 1, 3, 1], deps=["nsubj", "ROOT", "nsubj", "ccomp"])
    >>> clause_depth(doc[0]), clause_depth(doc[2])
    (0, 1)
    """
    n = 0
    while t.head.i != t.i:  # up to the root, its own head (a new Token each access: `is` never holds)
        n += t.dep_ in _SUBORDINATE
        t = t.head
    return n


def _plural_subjects(s: Span, at: int, reported) -> list[Span]:
    """The subjects of a sentence, before ``at``, headed by a plural common noun ('Donald Trump's supporters', 'the
    economists'), as the phrase a speaker would be (graphkit.speaker_phrase.speaker_tokens); not one inside what
    anyone said (``reported``, see SpeakerResolver._reported), nor a pronoun or a people ('Republicans' is the NER's)."""
    out = []
    for t in s:
        if t.idx >= at:
            break
        if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "NNS" and not t.ent_type_ and not reported(t):
            toks = speaker_tokens(t)
            if toks[-1].idx + len(toks[-1].text) <= at:
                out.append(s.doc[toks[0].i:toks[-1].i + 1])
    return out


#: role nouns that name an organisation the article has named ("the company said")
_ORG_NOUNS = {"company", "firm", "ministry", "department", "agency", "party", "bank", "group", "union", "council",
              "campaign", "committee", "commission", "regulator", "office", "court", "board", "organisation",
              "organization", "corporation", "network", "newspaper", "charity", "institute", "university",
              "association", "foundation", "airline", "carrier", "retailer", "insurer", "operator", "lender"}


_GENERIC_ORG_NOUNS = {"company", "firm", "corporation", "group", "retailer", "insurer", "airline", "carrier",
                      "operator", "lender", "bank"}


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
        text = before_dash(e.text)  # 'Deborah Jordan Reynolds - Santilli' (the NER's) is Deborah Jordan Reynolds
        text = re.sub(r"[’']s?$", "", text) if text.endswith(("'s", "’s", "'", "’")) else text
        honorific, bare = split_honorific(text)
        if honorific is None and e.start > 0 and e.doc[e.start - 1].lower_.rstrip(".") in HONORIFICS:
            honorific = e.doc[e.start - 1].text  # 'Mr' left outside the entity
        k = text.find(bare)
        start = e.start_char + max(k, 0)
        words = tuple(re.sub(r"[’']s?$", "", w.lower().rstrip(".,")) for w in bare.split())
        return cls(bare, words, honorific_gender(honorific), start, (start, start + len(bare)))


def speaker_fields(res: SpeakerResolver, head: Token, speaker_toks: Optional[list], relative_head: Optional[Token],
                   spans: list, text: str) -> dict:
    """The speaker fields of an Attribution (speaker_text/span/type, resolved_text/span, role,
    organisation) for the speaker phrase headed by ``head`` (``speaker_toks`` when the phrase is
    not the head's subtree; ``relative_head`` the antecedent of "who"/"which"), resolved against
    the article through ``res``, which remembers this speaker for later pronouns and roles.
    ``spans`` is the claim's content: names inside it are no antecedents of a pronoun speaker.

    One function of :mod:`graphkit.speaker_kinds` per kind of mention: a relative pronoun (``_relative``), people
    named together, a pronoun, a person's name, a person in apposition, a spokesperson (``_spokesperson``), 'his
    campaign' (``_whose``), "the company" (:meth:`SpeakerResolver.org_named`), "the poll"
    (:meth:`SpeakerResolver.document_named`), else a surname, role or organisation
    (``_surname_role_or_org``); then "the source" refers back (``_anaphoric_anonymous``)."""
    toks = speaker_toks or speaker_tokens(head)
    s0, s1 = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    stype = speaker_type(toks, head)
    appos = next((x for x in head.children if x.dep_ == "appos"), None)
    named_by = naming_zone(head)
    person, role, org = split_speaker([t for t in toks if t.i not in named_by] or toks, appos)
    f = _Found(stype, text[s0:s1], (s0, s1), stype, role, org)
    together = _named_together(res, head, toks) if relative_head is None else None
    if relative_head is not None:
        _relative(res, _who_antecedent(head.lower_, relative_head), f)
    elif together is not None:
        f.resolved, f.stype = together, "NOUN"  # a group of the people named: 'Dana Bash and Wolf Blitzer'
    elif stype == "PRON":
        turn = turn_speaker(res, head.lower_, s0)
        r = turn or res.pronoun(head.lower_, s0, tuple(spans), res.clause_names(head))
        if r is not None:
            f.resolved, f.rspan = r
            if not turn:
                res.note_pronoun(head.lower_, f.resolved)
        # 'Some have suggested', 'Both said': a group as written (no antecedent: pronouns.QUANTIFIERS)
        f.rtype = "PERSON" if head.lower_ in PERSON_PRONOUNS or turn else "NOUN" if head.lower_ in QUANTIFIERS \
            else "ORG"
        if r is not None and not turn and head.lower_ in PERSON_PRONOUNS and f.rspan is None \
                and f.resolved in res.anonymous:
            f.rtype, (f.role, f.org) = "ANON", res.anonymous[f.resolved]  # the anonymous person, as an actor
    elif person is not None:
        # the honorific left outside the entity ('Mr. Clinton') still says the gender
        before = head.doc[person.start - 1] if person.start > 0 else None
        a = before.idx if before is not None and before.lower_.rstrip(".") in HONORIFICS else person.start_char
        a = _first_name_before(res, person, toks, a)
        f.resolved, f.rspan = res.full_name(text[a:person.end_char], (a, person.end_char))
        f.rtype = "PERSON"
    elif appos is not None and appos.ent_type_ == "PERSON":  # 'the chancellor, Gordon Brown,'; not 'an Obama backer'
        _in_apposition(res, toks, appos, f)
    elif stype == "ANON" and principal_tokens(head):
        _spokesperson(res, head, toks, spans, f)
    elif stype == "NOUN" and _possessive_pronoun(head, toks) is not None:
        _whose(res, _possessive_pronoun(head, toks), toks, spans, f)  # 'his campaign': Bernie Sanders's campaign
    elif stype == "NOUN" and toks[0].lower_ == "the" and head.lemma_.lower() in _ORG_NOUNS \
            and res.org_named(head.lemma_.lower(), s0) is not None:
        f.resolved, f.rspan = res.org_named(head.lemma_.lower(), s0)  # "the company said" after "Enron"
        f.rtype = "ORG"
    elif stype == "NOUN" and _bare_document(head, toks) and (doc_hit := res.document_named(head, s0)) is not None:
        f.resolved, f.rspan = doc_hit  # "the poll found" after "A new CBS News poll"
    else:
        _surname_role_or_org(res, head, (s0, s1), text, f)
    label = label_at(res, s0, s1)
    if label is not None:  # 'JAKE TAPPER: How will he ...', 'FALLIN: I think ...': the person the label names
        (f.resolved, f.rspan), f.rtype, f.stype = labelled(res, label), "PERSON", "PERSON"
    resolved = f.resolved
    if f.stype in ("ORG", "GPE", "NORP"):
        resolved = re.sub(r"^(the|a|an)\s+", "", resolved, flags=re.I)
    f.resolved = re.sub(r"[’']s$", "", resolved)
    if f.role and f.rtype == "PERSON" and f.resolved:
        res.roles[f.role.lower()] = (f.resolved, f.rspan)
        if f.org:
            res.roles[f"{f.org.lower()} {f.role.lower()}"] = (f.resolved, f.rspan)
    if f.stype == "ANON" or (head.lemma_.lower() in ANON_HEADS and toks[0].lower_ == "the" and person is None):
        _anaphoric_anonymous(res, head, toks, f)
    # an unresolved role held by one person ('the Republican presidential candidate') is a person to 'he'
    res.said.extend(tuple(x) for x in spans)
    kind = "PERSON" if f.rtype == "NOUN" and person_role(head) else f.rtype
    if f.rtype == "ANON" and (f.resolved in res.anonymous or _one_anonymous_person(head, f, appos)):
        kind = ANON_PERSON
        res.anonymous.setdefault(f.resolved, (f.role, f.org))
    if together is not None:
        kind = "NOUN"  # 'Sanders and his top aides': people, for 'they', never for 'he' or 'she'
    if f.stype == "PRON" and head.dep_ == "poss":
        kind = "POSS"  # 'his promise', 'her comments': nobody's words a later 'he said' continues
    res.speakers.append((s0, f.resolved, f.rspan, kind))
    return dict(speaker_text=text[s0:s1], speaker_span=(s0, s1), speaker_type=f.stype,
                resolved_text=f.resolved, resolved_span=f.rspan, role=f.role, organisation=f.org)


#: dependency labels of a verb's objects (a name there is not the verb's subject pronoun)
_OBJECTS = ("dobj", "dative", "iobj", "obj")
