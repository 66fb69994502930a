"""The article pass's pronoun antecedent finder: whom a pronoun speaker ('he said', 'they added') stands for.

The second half of the article pass over speakers (:mod:`graphkit.speakers`), on top of the name lookup
(:mod:`graphkit.article_names`). :class:`Antecedents` describes the article's mentions before a pronoun as
:class:`graphkit.pronouns.Candidate` s and lets :func:`graphkit.pronouns.antecedent` choose (its rules: kind,
not the content, gender, speakers then subjects sentence by sentence, then the nearest mention):

- the candidates (:meth:`Antecedents._candidates`): the speakers so far, the subjects of the last sentences
  (typed by the NER, else a surname it missed: :meth:`Antecedents._untyped_subjects`; for 'they' a plural noun:
  :func:`_plural_subjects`), every earlier name as a fallback; none inside what anyone said
  (:meth:`Antecedents._reported`) nor in a quotation no claim holds yet, but for 'he' / 'she' the subject of the
  clause the claim's content opens with before its quotation (:meth:`Antecedents._lead_in_subject`);
- the window (:meth:`Antecedents._window`): a sentence wholly inside a quotation is not counted;
- the fit (:meth:`Antecedents._fits`): the gender the article gives a name (or the pronouns the pass gave it so far:
  :meth:`Antecedents.note_pronoun`), never a name of the pronoun's own clause (:meth:`Antecedents.clause_names`).

>>> from graphkit.nlp import load_spacy
>>> doc = load_spacy()("Tony Blair met Gordon Brown in London on Monday. He said the plan was dead.")
>>> Antecedents(doc).pronoun("he", doc.text.index("He said"))   # the sentence before's subject, not its object
('Tony Blair', (0, 10))
"""

from __future__ import annotations

import bisect
import re
from typing import Optional

from spacy.tokens import Doc, Span, Token

from .article_names import ArticleNames
from .doc_reading import doc_text
from .gender import ANSWERED_LEAST, CORPUS_SHARE, FAMILY_NOUNS, vote
from .mentions import ANON_HEAD_WORDS
from .mentions import ROLE_HEADS as ROLE_WORDS
from .names import HONORIFICS, TITLE_WORDS, is_honorific
from .places import AREA_LABELS
from .pronouns import (MENTION, PERSON_PRONOUNS, SPEAKER, SUBJECT, UNTYPED_SUBJECT, WINDOW, Candidate, antecedent,
                       fits_gender, in_order, pronoun_gender)
from .quotes import find_quotes
from .segments import NOT_RUNNING_TEXT, segment_kind_at
from .speaker_kinds import ANON_PERSON, _named_together
from .speaker_phrase import speaker_tokens

__all__ = ["Antecedents", "clause_depth", "QUOTED_WINDOW_MAX", "SINGULAR_THING"]

#: the tags a tagger gives a capitalised surname it misread (`Antecedents.misread_surname`)
_MISREAD_POS = ("NOUN", "ADJ", "VERB")

#: the most sentences a pronoun walks back for a speaker or subject, quoted sentences included (Antecedents._window)
QUOTED_WINDOW_MAX = 3 * WINDOW

#: the singular thing pronouns: neither stands for a plural noun ('which' may: "groups, which claimed ...")
SINGULAR_THING = frozenset({"it", "its"})

#: 'they' may stand for people named together ('Ann Lee and Tom Hale met on Monday. They said ...'), whether they spoke
#: before or not: a sentence's subjects so named first, then any others (issue 12, −96; a switch for the tests)
TOGETHER_THEY = True

#: a 'he' / 'she' said after a claim whose content opens with a clause before its quotation ('Judge Lee saw it
#: otherwise: “...,” she said') may stand for that clause's subject, though it lies inside the content: the lead-in
#: says who speaks (issue 12, −101; a switch for the tests)
LEAD_IN_SUBJECT = True

#: a 'he' / 'she' keeps the next names its walk reached after its pick (:meth:`Antecedents._runners_up`, the
#: Attribution's ``next_antecedents``), so that the corpus's second look, finding the pick of the other gender, walks
#: on as the article pass would instead of taking the nearest name (issue 12, −115; a switch for the tests)
NEXT_ANTECEDENTS_KEPT = True
#: how many next names a 'he' / 'she' keeps (the second look takes the first the corpus does not say is of the other
#: gender or no person): over train + dev 3 and all the walk reaches give the same speakers (0 change); each runner-up
#: the changes took was the first or the second of its list, and 191 of 3,198 lists hold 3 (issue 12, −115)
RUNNERS_UP_MAX = 3
#: a person named in apposition to a common-noun subject is what the sentence is about, as the subject is ('One local
#: woman, Ann Lee, said ...'; :func:`sentence_subject`): a pronoun's candidate and a runner-up (issue 12, −115; a
#: switch for the tests)
APPOSITION_SUBJECT = True

#: the dependency labels that open a subordinate clause: a subject under one is not its sentence's main subject
_SUBORDINATE = frozenset({"advcl", "ccomp", "xcomp", "relcl", "acl", "csubj", "csubjpass", "pcomp"})

#: dependency labels of a verb's objects (a name there is not the verb's subject pronoun)
_OBJECTS = ("dobj", "dative", "iobj", "obj")


def _word_of_letters(word: str) -> bool:
    """Letters only, an apostrophe or hyphen between them as a surname has ('Sanders', 'D’Souza', 'O'Malley',
    'Ocasio-Cortez'; not "'s", '2016', 'U.S.').

    >>> [_word_of_letters(w) for w in ("Sanders", "D’Souza", "Ocasio-Cortez", "’s", "2016", "U.S.")]
    [True, True, True, False, False, False]
    """
    return re.fullmatch(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", word) is not None


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


class Antecedents(ArticleNames):
    """An article's names (:class:`graphkit.article_names.ArticleNames`) and the speakers resolved so far, as the
    antecedents of a pronoun speaker (:meth:`pronoun`).

    The caller (graphkit.speakers.speaker_fields) appends each speaker it resolves to :attr:`speakers` and each
    claim's content spans to :attr:`said`, in document order.
    """

    def __init__(self, doc: Doc, quotes: Optional[list[tuple[int, int]]] = None):
        """``quotes``: the article's quotations (`graphkit.quotes.find_quotes` of its text) when the caller found
        them already, else found when first asked."""
        super().__init__(doc)
        self._person_starts: Optional[list[int]] = None
        self._entity_words: Optional[set[str]] = None
        self._inner: Optional[set[str]] = None
        self._quotes: Optional[list[tuple[int, int]]] = quotes
        self._quote_starts: Optional[list[int]] = None  # their starts, for bisection (`_quotations`)
        self.speakers: list[tuple[int, str, Optional[tuple[int, int]], str]] = []  # (char, resolved, span, type)
        #: name -> [male, female]: the gendered pronoun speakers resolved to it so far (:meth:`note_pronoun`)
        self.chained: dict[str, list[int]] = {}
        self.said: list[tuple[int, int]] = []  # content spans of the claims so far (only ever extended)
        #: a gendered pronoun's position -> the next names its walk reached after its pick (:meth:`_runners_up`)
        self.runners_up: dict[int, tuple[str, ...]] = {}
        self._said_union = _Union()  # the same spans as sorted disjoint intervals, `_said_covers` keeps it up to date

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
        if person and LEAD_IN_SUBJECT:
            cands.extend(self._lead_in_subject(content, at))
        hit, _ = antecedent(low, cands, fits, sent=k, window=window)
        if hit is not None and hit.sent is not None and k - hit.sent >= WINDOW:
            hit = self._named_since(hit, cands, fits)
        if hit is None:
            return None
        found = self._resolved(hit, person)
        if NEXT_ANTECEDENTS_KEPT and pronoun_gender(low):
            near = self.reach(at)  # the walk's sentences only: past them the corpus's nearest rule reads on
            walk = in_order(low, [c for c in cands if c.at >= near], fits, sent=k, window=window)
            self.runners_up[at] = self._runners_up(walk, found[0], person)
        return found

    def _resolved(self, hit: Candidate, person: bool) -> tuple[str, Optional[tuple[int, int]]]:
        """What a pronoun's antecedent resolves to: a speaker's resolution, a group named together as it is named
        when it speaks, a person's name as the article gives it in full, else the entity as written."""
        if hit.rank == SPEAKER:  # an anonymous person comes back without a span: the span is the principal's
            return hit.ref[1], (None if hit.ref[3] == ANON_PERSON and person else hit.ref[2])
        e = hit.ref
        if isinstance(e, _Together):  # people named together: the group, as it is named when it speaks
            return e.name, (e.start_char, e.end_char)
        return self.person_named(e) if person else (e.text, (e.start_char, e.end_char))

    def _runners_up(self, walk, picked: str, person: bool) -> tuple[str, ...]:
        """The next :data:`RUNNERS_UP_MAX` names a gendered pronoun's walk reaches after its pick (``walk``:
        :func:`graphkit.pronouns.in_order` over the candidates of the sentences it walks), each once and never the
        pick, as :meth:`_resolved` names them: the article pass's own next choices, for the corpus's second look
        (graphkit.actor_pronouns) when the corpus says the pick is of the other gender.

        >>> from graphkit.nlp import load_spacy
        >>> doc = load_spacy()("Ann Lee spoke. Tom Hale spoke. Lee Park met them. “We are done,” she said.")
        >>> res = Antecedents(doc)
        >>> res.pronoun("she", doc.text.index("she said")), res.runners_up[doc.text.index("she said")]
        (('Lee Park', (31, 39)), ('Tom Hale', 'Ann Lee'))
        """
        out: list[str] = []
        for c in walk:
            name = self._resolved(c, person)[0]
            if name and name != picked and name not in out:
                out.append(name)
                if len(out) == RUNNERS_UP_MAX:
                    break
        return tuple(out)

    def described(self, at: int, role: str, content: tuple = (), main_before: bool = False,
                  phrase: Optional[str] = None) -> Optional[tuple[str, Optional[tuple[int, int]]]]:
        """Whom a definite description of a person no one was named in ('The former governor', 'the candidate') stands
        for: as 'he' or 'she' would, the latest speaker or subject of its own sentence before it or of the sentence
        before (rule 4 of graphkit.pronouns), never a mere mention nor anyone further back ('Ann Price met the
        mayor. The former governor said ...' is Ann Price; with no subject or speaker there, None); never someone the
        article names in another office of the same kind (:meth:`~graphkit.article_names.ArticleNames.other_office`:
        'Joe Biden, the vice president, ... The president said' is not Biden). ``main_before``: a description that is
        no office ('the heckler', 'the businessman') may bring in someone new, so only whom :meth:`_about` allows.
        ``phrase``, the description as written when a place, body or party qualifies it ('The Vermont senator'): never
        someone the article names in that office with another of the kind
        (:meth:`~graphkit.article_names.ArticleNames.contradicts`: 'Arizona Sen. John McCain').

        >>> from graphkit.nlp import load_spacy
        >>> doc = load_spacy()("Ann Price met the mayor in Leeds on Monday. The former governor said the plan was dead.")
        >>> Antecedents(doc).described(doc.text.index("The former"), "former governor")
        ('Ann Price', (0, 9))
        """
        k = self._sent_index(at)
        cands = [c for c in self._candidates(True, at, content, window=2, owners=False) if not c.fallback]
        if main_before:
            cands = self._about(cands, k)

        def fits(c: Candidate) -> bool:
            name = self._name_of(c)
            return not self.other_office(name, role) and not (phrase and self.contradicts(name, role, phrase))
        hit, _ = antecedent("he", cands, fits, sent=k, window=2)
        if hit is None:
            return None
        if hit.rank == SPEAKER:
            return hit.ref[1], (None if hit.ref[3] == ANON_PERSON else hit.ref[2])
        return self.person_named(hit.ref)

    def _about(self, cands: list[Candidate], k: int) -> list[Candidate]:
        """The candidates a description of a person ('the businessman', not an office) in sentence ``k`` may refer
        back to: in the sentence before only the one its main clause is about ('Ben Carson spoke in Ohio. ... the
        retired neurosurgeon said'), not a name deeper in it ('An ad asked whether Ann Lee was ready. ... the
        announcer said' is someone new); in its own sentence a name of a clause below the main one ('Though Tom Hale
        would not say, the businessman did'), never anyone its main clause names, there or before ('Tom Hale said as
        the heckler yelled': the same person again would be 'he'); none in a headline or byline ('Perez raises
        profile. ... the pilot')."""
        main = {self._name_of(c) for c in cands if c.sent == k and c.depth == 0}
        return [c for c in cands if c.sent is not None and (c.sent == k or c.depth == 0)
                and segment_kind_at(self.not_running, c.at) not in NOT_RUNNING_TEXT and self._name_of(c) not in main]

    def _name_of(self, c: Candidate) -> str:
        """A person candidate's full name: the name a speaker resolved to, else the article's fullest name of the
        entity, an honorific before it read with it
        (:meth:`~graphkit.article_names.ArticleNames.person_named`)."""
        return c.ref[1] if c.rank == SPEAKER else self.person_named(c.ref)[0]

    def _fits(self, low: str, person: bool, bound: frozenset = frozenset()):
        """Rule 3 of graphkit.pronouns for this article: a speaker's or name's gender as the article gives it;
        a name of the pronoun's own clause (``bound``) never fits; nor, for 'they' / 'it', an entity the NER did not
        call a person that is a surname of the article's people ("Trump's prospective nomination ... They fear");
        nor, for 'it' / 'its', a plural common noun (:meth:`_plural_noun`)."""
        def fits(c: Candidate) -> bool:
            if not person:
                if low in SINGULAR_THING and self._plural_noun(c):
                    return False
                return c.rank == SPEAKER or isinstance(c.ref, _Together) or not self.names_person(c.ref)
            name = self._name_of(c)
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
                out.add(self.person_named(e)[0])
        return frozenset(out)

    def reach(self, at: int) -> int:
        """The first character a pronoun at ``at`` walks back to for a speaker or subject: the start of the first
        sentence of its window (:meth:`_window`)."""
        if not self.sents:
            return 0
        k = self._sent_index(at)
        return self.sents[max(0, k - self._window(k) + 1)].start_char

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
                    window: int = WINDOW, owners: bool = True) -> list[Candidate]:
        """The article's mentions before ``at`` as pronoun candidates: speakers so far and subjects
        (typed, then, for a person, untyped) in the last sentences; every earlier name as a fallback.
        For 'they' (``plural``), a plural common noun that is a subject is one too ("the mayor's backers
        broke into applause as they heard"), and a single place is none (:func:`_one_place`).
        Names inside the claim's content or an earlier claim's are none. ``owners``: whether a subject's possessor
        counts as a subject (:func:`sentence_subject`), as for a pronoun, not for a description of a person (a
        possessor is no role's holder: "Ann Lee's brief said ... The judge agreed" is not Ann Lee)."""
        k = self._sent_index(at)
        lo = self.sents[max(0, k - window + 1)].start_char if self.sents else 0
        inside = self._said_covers(content)  # what anyone said is no antecedent of who said it
        out = self._speaker_candidates(person, lo, at)
        reported = self._reported(content, k)
        out.extend(self._entity_candidates(person, plural, lo, at, inside, reported, owners))
        if person:  # a person's name the NER did not type ('Oksuz', 'Sanders' read as a noun)
            out.extend(self._subject_candidates(k, window, UNTYPED_SUBJECT,
                                                lambda s: self._untyped_subjects(s, at, reported)))
        elif plural:  # 'the mayor's backers broke into applause as they heard'
            out.extend(self._subject_candidates(k, window, SUBJECT, lambda s: _plural_subjects(s, at, reported)))
            if TOGETHER_THEY:  # 'Ann Lee and Tom Hale met on Monday. They said ...', then 'I met Lee and Hale. They ...'
                out.extend(self._subject_candidates(k, window, SUBJECT, lambda s: self._together(s, at, reported)))
                out.extend(self._subject_candidates(k, window, UNTYPED_SUBJECT,
                                                    lambda s: self._together(s, at, reported, subjects=False)))
        return out

    def _lead_in(self, content: tuple, at: int) -> Optional[Span]:
        """The clause a claim's content opens with before its quotation, when the content ends before a pronoun at
        ``at`` ('Judge Lee saw it otherwise:' of 'Judge Lee saw it otherwise: “...,” she said'); None when the content
        runs past the pronoun, opens inside a quotation or holds none.

        >>> from graphkit.nlp import load_spacy
        >>> doc = load_spacy()("Judge Ann Lee saw it otherwise: “This is no joke,” she said.")
        >>> Antecedents(doc)._lead_in(((0, doc.text.index(" she")),), doc.text.index(" she") + 1).text
        'Judge Ann Lee saw it otherwise:'
        """
        end = max((b for _, b in content), default=at + 1)
        if end > at:
            return None
        a = min(x for x, _ in content)
        if self._quote_around(a) is not None:
            return None
        quotes, starts = self._quotations()
        i = bisect.bisect_right(starts, a)
        if i >= len(quotes) or quotes[i][0] >= end:
            return None
        return self.doc.char_span(a, quotes[i][0], alignment_mode="contract")

    def _lead_in_subject(self, content: tuple, at: int) -> list[Candidate]:
        """The subject of the clause a claim's content opens with before its quotation (:meth:`_lead_in`), as a
        candidate of a person pronoun said after the content ('Judge Lee saw it otherwise: “...,” she said' is Lee's):
        a name inside the content is otherwise no antecedent (rule 2 of graphkit.pronouns), but the lead-in is the
        writer's words naming who speaks. The subject of the lead-in's main clause, active ('Lee was shown the letter:
        ...' says nothing of who speaks), a person the NER typed (:data:`~graphkit.pronouns.SUBJECT`) or a name it
        missed (:data:`~graphkit.pronouns.UNTYPED_SUBJECT`, :meth:`_names_untyped`); none when that
        subject names no one.

        >>> from graphkit.nlp import load_spacy
        >>> doc = load_spacy()("Tom Hale spoke first. Judge Ann Lee saw it otherwise: “This is no joke,” she said.")
        >>> a = doc.text.index("Judge"), doc.text.index(" she")
        >>> [(c.ref.text, c.rank) for c in Antecedents(doc)._lead_in_subject((a,), a[1] + 1)]
        [('Ann Lee', 2)]
        """
        lead = self._lead_in(content, at)
        if lead is None:
            return []
        inside = range(lead.start, lead.end)
        for t in lead:
            verb = t.head
            if t.dep_ != "nsubj" or verb.i not in inside or (verb.head.i in inside and verb.head.i != verb.i):
                continue  # a subordinate clause's subject, or no subject
            for e in self.persons:
                if e.start <= t.i < e.end:
                    return [Candidate(e.start_char, SUBJECT, e, self._sent_index(e.start_char), False, 0)]
            if self._names_untyped(t):
                return [Candidate(t.idx, UNTYPED_SUBJECT, self.doc[t.i:t.i + 1], self._sent_index(t.idx), False, 0)]
            return []
        return []

    def _together(self, s: Span, at: int, reported, subjects: bool = True) -> list["_Together"]:
        """People named together in a sentence, before ``at`` ('Ann Lee and Tom Hale', 'Senators Lee and Hale', 'Ann
        Lee and her aides'), each as the group :func:`graphkit.speaker_kinds._named_together` makes of them when they
        speak (the people by the article's full names): its subjects, or (``subjects`` False) the rest ('When I met
        Mr. Lee and Mr. Hale, they ...', 'Take Sens. Ann Lee and Tom Hale.'), which 'they' walks after the sentence's
        subjects (as the rank :data:`~graphkit.pronouns.UNTYPED_SUBJECT`, which no other candidate of 'they' has);
        none inside what anyone said (``reported``). A 'they' may so stand for them whether they spoke before or not.
        """
        out = []
        for t in s:
            if t.idx >= at:
                break
            if (t.dep_ in ("nsubj", "nsubjpass")) != subjects or t.dep_ == "conj" or reported(t) \
                    or not any(c.dep_ == "conj" for c in t.children):
                continue
            toks = speaker_tokens(t, lists=subjects)  # a list of objects is not who 'they' are: 'stars like A, B and C'
            name = _named_together(self, t, toks)
            if name is not None and toks[-1].idx + len(toks[-1].text) <= at:
                out.append(_Together(s.doc[toks[0].i:toks[-1].i + 1], name))
        return out

    def _speaker_candidates(self, person: bool, lo: int, at: int) -> list[Candidate]:
        """The speakers so far between characters ``lo`` and ``at`` of the pronoun's kind, as :data:`SPEAKER`
        candidates: for a person pronoun a person or an anonymous person ('A spokesman for Mr. Lund said ... He
        added'), with the clause depth of the mention; else an organisation, place, people, group or anonymous
        source."""
        kinds = ("PERSON", ANON_PERSON) if person else ("ORG", "GPE", "NORP", "ANON", ANON_PERSON, "NOUN")
        out = []
        for x in self.speakers:
            if lo <= x[0] < at and x[3] in kinds:
                j = self._sent_index(x[0])
                if x[0] < self.sents[j].end_char:
                    out.append(Candidate(x[0], SPEAKER, x, j, False, self._depth_at(x[0]) if person else 0))
        return out

    def _entity_candidates(self, person: bool, plural: bool, lo: int, at: int, inside, reported,
                           owners: bool = True) -> list[Candidate]:
        """The article's entities of the pronoun's kind (persons, else organisations, places and peoples) as
        candidates, in order: a :data:`SUBJECT` for a name its clause is about (:func:`sentence_subject`) from
        character ``lo`` on that no one said (``reported``), and a :data:`MENTION` fallback for every one ending
        before ``at`` outside the claim's content and earlier claims (``inside``); for 'they' (``plural``) no single
        place."""
        out = []
        for e in (self.persons if person else self.orgs):
            if plural and _one_place(e):
                continue
            j = self._sent_index(e.start_char)
            if lo <= e.start_char < at and e.end_char <= self.sents[j].end_char and \
                    sentence_subject(e, owners) and not reported(e.root):
                out.append(Candidate(e.start_char, SUBJECT, e, j, False, clause_depth(e.root)))
            if inside(e.start_char):
                continue
            if e.end_char <= at:
                out.append(Candidate(e.start_char, MENTION, e))
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

    def _quotations(self) -> tuple[list[tuple[int, int]], list[int]]:
        """The article's quotations (start, end) in order and their starts, for bisection
        (graphkit.quotes.find_quotes, found once unless the caller gave them).

        >>> from graphkit.doc_reading import parsed_as_written
        >>> doc = parsed_as_written("Ann Lee said “no” and Tom Hale said “yes.”")
        >>> quotes, starts = Antecedents(doc)._quotations()
        >>> [doc.text[a:b] for a, b in quotes], starts
        (['“no”', '“yes.”'], [13, 36])
        """
        if self._quote_starts is None:
            if self._quotes is None:
                self._quotes = find_quotes(doc_text(self.doc))
            self._quote_starts = [a for a, _ in self._quotes]
        return self._quotes, self._quote_starts

    def _quote_around(self, c: int) -> Optional[tuple[int, int]]:
        """The quotation (start, end) character ``c`` is inside, else None (:meth:`_quotations`)."""
        quotes, starts = self._quotations()
        i = bisect.bisect_right(starts, c) - 1
        return quotes[i] if i >= 0 and c < quotes[i][1] else None

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
        :meth:`misread_surname`."""
        out = []
        for t in s:
            if t.idx >= at or t.dep_ not in ("nsubj", "nsubjpass") or t.ent_type_ == "PERSON":
                continue
            if not inside(t) and self._names_untyped(t):
                out.append(s.doc[t.i:t.i + 1])
        return out

    def _names_untyped(self, t: Token) -> bool:
        """Whether a word the NER did not type a person names one of the article's people, as a pronoun's subject
        candidate (:meth:`_untyped_subjects`, :meth:`_lead_in_subject`): a proper noun, or a surname the tagger misread
        (:meth:`misread_surname`), that the article gives a fuller name of, or a proper noun that is a bare name
        (:meth:`_bare_name`). Below, 'Vasquez' has a fuller name before it, 'Quellbrook' is a bare name, 'Senate' is
        typed and has none, 'plan' is no proper noun.

        >>> from graphkit.doc_reading import parsed_as_written
        >>> doc = parsed_as_written("The plan of Orrin Vasquez failed. Vasquez blamed Quellbrook and the Senate.",
        ...     pos="DET NOUN ADP PROPN PROPN VERB PUNCT PROPN VERB PROPN CCONJ DET PROPN PUNCT",
        ...     ents="O O O B-PERSON I-PERSON O O B-ORG O O O O B-ORG O", sent_starts="1 0 0 0 0 0 0 1 0 0 0 0 0 0")
        >>> [(t.text, t.ent_type_, Antecedents(doc)._names_untyped(t)) for t in (doc[7], doc[9], doc[12], doc[1])]
        [('Vasquez', 'ORG', True), ('Quellbrook', '', True), ('Senate', 'ORG', False), ('plan', '', False)]
        """
        if t.pos_ != "PROPN" and not self.misread_surname(t):
            return False
        name, _ = self.full_name(t.text, (t.idx, t.idx + len(t.text)))
        return len(name.split()) > 1 or (t.pos_ == "PROPN" and self._bare_name(t))

    def misread_surname(self, t: Token) -> bool:
        """A capitalised word the tagger read as a common noun, an adjective or a verb ('Sanders', 'Bush' at a
        sentence's start tagged NOUN; 'Trump, later alleging ...' and 'Ebeling reminisced' tagged ADJ) that is the last
        word of a person's full name in the article, which the article never writes in lower case: the tagger misread
        a surname, whatever the NER made of it ('Sanders exaggerates when he says ...' with 'Sanders' an ORG); letters
        with an apostrophe or hyphen inside are a surname's too ('D’Souza told Beck' with 'D’Souza' a NOUN).
        Its full name is then looked up by :meth:`full_name` like any surname."""
        return t.pos_ in _MISREAD_POS and t.ent_type_ != "PERSON" and t.text[:1].isupper() \
            and not t.text.isupper() and _word_of_letters(t.text) and t.lower_ not in self.lower_words() \
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


class _Together:
    """People named together as a subject ('Ann Lee and Tom Hale'), a candidate for 'they': the phrase's characters
    and the group's name (:func:`graphkit.speaker_kinds._named_together`: 'Ann Lee and Tom Hale')."""

    __slots__ = ("start_char", "end_char", "name", "root")

    def __init__(self, phrase: Span, name: str):
        self.start_char, self.end_char, self.name, self.root = phrase.start_char, phrase.end_char, name, phrase.root


def _one_place(e: Span) -> bool:
    """A place named alone ('Coral Gables', 'China', 'New Hampshire': GPE or LOC) is 'it', not 'they': no antecedent of
    'they' (the people there are, when the article names them as a subject: :func:`_plural_subjects`)."""
    return e.label_ in AREA_LABELS


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


#: the nouns of a person a possessor does not stand in for as its sentence's subject ("Trump's son said", "her aide")
_PERSON_NOUNS = frozenset(ROLE_WORDS) | FAMILY_NOUNS | ANON_HEAD_WORDS

#: the clauses a subject's possessor may sit in and still be what the sentence is about: the main clause, a clause
#: coordinated with it, an adverbial one ("Though Reed's campaign has faltered, he ..."); not what someone says,
#: thinks or sets out to do (ccomp, xcomp), nor a clause describing a noun (relcl, acl)
_OWNER_CLAUSES = frozenset({"ROOT", "conj", "advcl"})


def sentence_subject(e: Span, owners: bool = True) -> bool:
    """Whether a name is what its clause is about, as rule 4 of graphkit.pronouns takes a subject: the subject
    itself ("Ann Reed said ..."); a person in apposition to a common-noun subject (:data:`APPOSITION_SUBJECT`: "One
    local woman, Ann Reed, said ..."); with ``owners``, the possessor of a subject that names no person
    (:func:`_owner_of_subject`: "Though Tom Hale's campaign has faltered, he found his voice"); a name the parser
    made the root of the sentence it opens, the verb misread after it (:func:`_misparsed_opening`: "Tom Hale, when
    asked about it, often steam-rolls past every question").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> v = spacy.blank("en").vocab
    >>> doc = Doc(v, words=["Reed", "'s", "campaign", "faltered"], heads=[2, 0, 3, 3],
    ...           deps=["poss", "case", "nsubj", "ROOT"], ents=["B-PERSON", "O", "O", "O"])
    >>> sentence_subject(doc.ents[0]), sentence_subject(doc.ents[0], owners=False)
    (True, False)
    >>> doc = Doc(v, words=["Reed", "'s", "aide", "said"], heads=[2, 0, 3, 3],
    ...           deps=["poss", "case", "nsubj", "ROOT"], ents=["B-PERSON", "O", "O", "O"])
    >>> sentence_subject(doc.ents[0])   # an aide is a person of their own
    False
    """
    r = e.root
    if r.dep_ in ("nsubj", "nsubjpass"):
        return True
    if APPOSITION_SUBJECT and r.dep_ == "appos" and r.head.dep_ in ("nsubj", "nsubjpass") and r.head.pos_ == "NOUN":
        return True
    if r.dep_ == "poss" and r.head.dep_ in ("nsubj", "nsubjpass"):
        return owners and _owner_of_subject(e, r.head)
    return r.dep_ == "ROOT" and _misparsed_opening(e)


def _owner_of_subject(e: Span, subject: Token) -> bool:
    """Whether the name ``e`` that possesses ``subject`` is what the sentence is about ("Mr Hale's speeches can be
    plodding. ... as he said ..."): the subject is no person's noun ('aide', 'son', 'spokesman') and holds no other
    person's name ("Tom Hale's son Bob Hale"), and its clause is the main one or hangs on it as an adverbial or a
    coordinated clause (:data:`_OWNER_CLAUSES`), not a subordinate clause of what someone says or sets out to do."""
    if subject.lemma_.lower() in _PERSON_NOUNS or subject.lower_ in _PERSON_NOUNS:
        return False
    if any(t.ent_type_ == "PERSON" and not (e.start <= t.i < e.end) for t in subject.subtree):
        return False
    t = subject.head
    while t.head.i != t.i:
        if t.dep_ not in _OWNER_CLAUSES:
            return False
        t = t.head
    return True


def _misparsed_opening(e: Span) -> bool:
    """Whether a name the parser made its sentence's root opens that sentence (before it only punctuation, a list
    number, a conjunction, a title or honorific: "And Tom Hale, ...", "Rep. Tom Hale (D-Ohio), ...") and the sentence
    holds more than the name, the words after it a clause the parser misread; a name coordinated with another ("Ann
    Reed and Tom Hale, who say ...") is one of several, no subject of its own."""
    sent = e.root.sent
    if any(c.dep_ == "conj" and c.ent_type_ for c in e.root.children):
        return False
    before = e.doc[sent.start:e.start]
    if not all(t.is_punct or t.is_space or t.like_num or t.dep_ in ("cc", "compound")
               or is_honorific(t.text) for t in before):
        return False
    return any(not (t.is_punct or t.is_space) for t in e.doc[e.end:sent.end])


def _plural_subjects(s: Span, at: int, reported) -> list[Span]:
    """The subjects of a sentence, before ``at``, headed by a plural common noun ('Donald Trump's supporters', 'the
    economists'), as the phrase a speaker would be (graphkit.speaker_phrase.speaker_tokens); not one inside what
    anyone said (``reported``, see Antecedents._reported), nor a pronoun or a people ('Republicans' is the NER's)."""
    out = []
    for t in s:
        if t.idx >= at:
            break
        if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "NNS" and not t.ent_type_ and not reported(t):
            toks = speaker_tokens(t)
            if toks[-1].idx + len(toks[-1].text) <= at:
                out.append(s.doc[toks[0].i:toks[-1].i + 1])
    return out
