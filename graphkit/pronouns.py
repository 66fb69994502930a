"""Pronoun speakers → their antecedent: graphkit's one pronoun resolver.

Two passes need it and both describe an article's earlier mentions as :class:`Candidate` s and
call :func:`antecedent`: the article pass (:mod:`graphkit.antecedents`, over the parsed Doc: it
knows sentences, subjects and the speakers so far) and the corpus pass (:mod:`graphkit.actor_pronouns`,
in graphkit.resolve, over stored attributions: it knows each name's gender from the whole corpus, so it
searches again when the article pass gave "she" to a man, or "he" to an organisation).

The rules, in order:

1. *kind*: "he", "she", "I" want a person; "it", "its", "which" an organisation; the caller
   offers only candidates of the right kind;
2. *not the content*: a name inside the claim's own content is no antecedent of its speaker
   ("Russia's position could weaken, they added"); the caller leaves those out; the article pass
   keeps, as a subject, the subject of a clause an earlier sentence reported in its own words
   ("the ministry said Karimov was a leader of the group. He was briefly held.") and the subject of the clause a
   content opens with before its quotation ("Judge Lee saw it otherwise: “...,” she said");
3. *gender agreement*: a candidate whose known gender (honorific, first name's pronouns,
   the corpus's votes) is the other one is skipped, and said so ("she" after "Mr Blair");
4. *quote-speaker continuity, then subjects*: walking back sentence by sentence (at most
   :data:`WINDOW`), the latest speaker of a sentence, else its subject, else a subject the NER
   did not type (ranks :data:`SPEAKER` > :data:`SUBJECT` > :data:`UNTYPED_SUBJECT`); among a
   sentence's subjects, the main clause's before a subordinate clause's (the candidate's ``depth``:
   "Kasich predicted that Republicans will win if Sanders wins. “...,” he said" is Kasich's), then the latest;
   a speaker of a subordinate clause comes after the sentence's subjects ("Ryan did not sound sure when
   Tapper asked whether ... “...,” he said" is Ryan's; :data:`_SENTENCE_TIERS`);
5. *nearest mention*: else the nearest earlier fallback candidate (a speaker wins a tie).

>>> c = [Candidate(0, MENTION, "Tony Blair"), Candidate(40, MENTION, "Cherie Blair")]
>>> gender = {"Tony Blair": "male", "Cherie Blair": "female"}
>>> pick = lambda p: antecedent(p, c, lambda x: fits_gender(p, gender.get(x.ref)))
>>> pick("he")[0].ref, pick("he")[1][0].ref, pick("she")[0].ref
('Tony Blair', 'Cherie Blair', 'Cherie Blair')
>>> c = [Candidate(0, MENTION, "Bill Clinton", 0), Candidate(20, SPEAKER, "Hillary Clinton", 1, False),
...      Candidate(50, MENTION, "Donald Trump", 2)]
>>> antecedent("she", c, lambda x: True, sent=2)[0].ref   # the previous sentence's speaker
'Hillary Clinton'
>>> c = [Candidate(0, SUBJECT, "John Kasich", 0, False), Candidate(90, SUBJECT, "Bernie Sanders", 0, False, depth=2)]
>>> antecedent("he", c, lambda x: True, sent=1)[0].ref    # the main clause's subject, not the 'if' clause's
'John Kasich'
>>> c = [Candidate(0, SUBJECT, "Paul Ryan", 0, False), Candidate(50, SPEAKER, "Jake Tapper", 0, False, depth=1)]
>>> antecedent("he", c, lambda x: True, sent=1)[0].ref    # not the speaker of the 'when' clause
'Paul Ryan'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Optional

__all__ = ["Candidate", "antecedent", "in_order", "fits_gender", "pronoun_gender", "SPEAKER", "SUBJECT",
           "UNTYPED_SUBJECT", "MENTION", "WINDOW", "PRONOUN_GENDER", "PERSON_PRONOUNS", "FIRST_PERSON",
           "THING_PRONOUNS", "NO_ANTECEDENT", "QUANTIFIERS", "PLURAL_PRONOUNS"]

PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "himself": "male",
                  "she": "female", "her": "female", "hers": "female", "herself": "female"}
#: the first person: the article's author, unless an interview turn says otherwise (graphkit.segments.interview_turns)
FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}
#: the first person singular: a letter's writer speaks so (graphkit.segments.letter_signer), a page's 'we' may be its editors
FIRST_PERSON_SINGULAR = {"i", "me", "my"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself", "i", "me"}
THING_PRONOUNS = {"it", "its", "which", "that"}
#: the pronouns that stand for several people or things, never one (graphkit.mentions.people_together,
#: graphkit.actor_pronouns)
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
#: a quantifier standing alone as a subject ("Some have suggested ...", "Both said ...", "Another added ...") or an
#: indefinite pronoun, a quantifier made one word ("Someone said ...", "Everyone agrees ...", "Nobody said ...")
#: names part of a group, or one more of a kind, not the latest name before it: the group as written
QUANTIFIERS = {"some", "both", "all", "another", "each", "either", "neither", "none", "one", "several", "many", "most",
               "few", "others", "any", "someone", "somebody", "everyone", "everybody", "anyone", "anybody", "nobody"}
#: generic 'you', demonstratives and quantifiers name no antecedent by position
NO_ANTECEDENT = {"you", "this", "that", "these", "those"} | QUANTIFIERS
#: the words that name no one by themselves as a subject, whom what follows them says ('Many in the hall', 'those around
#: him'): the quantifiers and the plural demonstratives (graphkit.speaker_phrase.names_no_one, graphkit.merge)
NAMES_NO_ONE = frozenset(QUANTIFIERS | {"those", "these"})

SPEAKER, SUBJECT, UNTYPED_SUBJECT, MENTION = 3, 2, 1, 0
#: sentences walked back for a speaker or subject before falling back to the nearest mention
WINDOW = 4


#: the order rule 4 walks one sentence's candidates in: its main clause's speakers, its subjects (main clause first),
#: its subjects the NER did not type, then a speaker of a subordinate clause ("Ryan did not sound sure when
#: Tapper asked whether ... “...,” he said" is Ryan's; "Asked whether Donald Trump, who has called warming a hoax,
#: could win, Ban demurred. “...,” he said" is Ban's)
_SENTENCE_TIERS = ((SPEAKER, lambda d: d == 0), (SUBJECT, lambda d: True), (UNTYPED_SUBJECT, lambda d: True),
                   (SPEAKER, lambda d: d > 0))


@dataclass(frozen=True)
class Candidate:
    """An earlier mention a pronoun may refer to.

    ``at``: its character offset; ``rank``: SPEAKER, SUBJECT, UNTYPED_SUBJECT or MENTION;
    ``ref``: what the caller resolves it to; ``sent``: its sentence index, when known;
    ``fallback``: whether rule 5 (nearest mention) may take it; ``depth``: how many subordinate clauses
    the candidate's clause sits in within its sentence (0: the main clause), which orders one
    sentence's candidates of a rank before their position does (rule 4).
    """

    at: int
    rank: int
    ref: object
    sent: Optional[int] = None
    fallback: bool = True
    depth: int = 0


def pronoun_gender(pronoun: str) -> Optional[str]:
    """'male' for he/him/his, 'female' for she/her, else None.

    >>> pronoun_gender("She"), pronoun_gender("they")
    ('female', None)
    """
    return PRONOUN_GENDER.get(pronoun.strip().lower())


def fits_gender(pronoun: str, known: Optional[str]) -> bool:
    """Rule 3: a candidate of unknown gender fits; one of known gender fits when it agrees.

    >>> fits_gender("she", "male"), fits_gender("she", None), fits_gender("they", "male")
    (False, True, True)
    """
    want = pronoun_gender(pronoun)
    return want is None or known is None or known == want


def antecedent(pronoun: str, cands: Iterable[Candidate], fits: Callable[[Candidate], bool],
               sent: Optional[int] = None, window: int = WINDOW,
               nearest_first: bool = False) -> tuple[Optional[Candidate], list[Candidate]]:
    """The antecedent of ``pronoun`` among ``cands`` (all before it), and the candidates skipped
    for not fitting on the way (rule 3, for the caller's reason line).

    ``sent`` is the pronoun's sentence index: with it, rule 4 walks back ``window`` sentences
    through the candidates carrying a sentence; then rule 5 takes the nearest fallback candidate.
    ``fits`` is called lazily, only on candidates the walk reaches. ``nearest_first``: without ``sent``, the
    caller gives the candidates already in rule 5's order (latest first, a higher rank first at one place),
    as an iterator made lazily if it likes: they are walked, not sorted (an article of 10,000 claims).
    """
    if pronoun.strip().lower() in NO_ANTECEDENT:
        return None, []
    skipped: list[Candidate] = []
    for c in _walk(cands, sent, window, nearest_first):
        if fits(c):
            return c, skipped
        if c not in skipped:
            skipped.append(c)
    return None, skipped


def in_order(pronoun: str, cands: list[Candidate], fits: Callable[[Candidate], bool], sent: Optional[int] = None,
             window: int = WINDOW) -> Iterator[Candidate]:
    """Every candidate that fits, in the order :func:`antecedent` walks them (its pick first; a candidate may come
    twice, by its sentence and as a fallback): the article pass's next choices after its pick, which the corpus's
    second look walks when the corpus says the pick is of the other gender (graphkit.antecedents.NEXT_ANTECEDENTS_KEPT).

    >>> c = [Candidate(0, SUBJECT, "Tom Hale", 0, False), Candidate(30, SPEAKER, "Ann Lee", 1, False),
    ...      Candidate(60, MENTION, "Leeds", 2)]
    >>> [x.ref for x in in_order("he", c, lambda x: True, sent=2)]
    ['Ann Lee', 'Tom Hale', 'Leeds']
    """
    if pronoun.strip().lower() in NO_ANTECEDENT:
        return
    yield from (c for c in _walk(cands, sent, window, False) if fits(c))


def _walk(cands: Iterable[Candidate], sent: Optional[int], window: int, nearest_first: bool) -> Iterator[Candidate]:
    """The candidates in the order rules 4 and 5 reach them: with ``sent``, sentence by sentence back over
    ``window`` sentences by :data:`_SENTENCE_TIERS`, then the fallback candidates nearest first (``cands`` walked
    twice: a list); without it, the fallbacks as given when ``nearest_first``, else sorted nearest first.

    >>> c = [Candidate(0, MENTION, "Leeds", 0), Candidate(10, SUBJECT, "Tom Hale", 0, False),
    ...      Candidate(30, SUBJECT, "Ann Lee", 1, False), Candidate(40, SPEAKER, "Ed Ray", 1, False, depth=1),
    ...      Candidate(50, MENTION, "York", 1)]
    >>> [x.ref for x in _walk(c, 2, WINDOW, False)]   # sentence 1's subject, its 'when' clause's speaker, sentence 0's
    ['Ann Lee', 'Ed Ray', 'Tom Hale', 'York', 'Leeds']
    >>> [x.ref for x in _walk(c, None, WINDOW, False)], [x.ref for x in _walk(c, None, WINDOW, True)]
    (['York', 'Leeds'], ['Leeds', 'York'])
    """
    if sent is not None:
        by_sent: dict[int, list[Candidate]] = {}
        for c in cands:
            if c.sent is not None and c.rank > MENTION and sent - window < c.sent <= sent:
                by_sent.setdefault(c.sent, []).append(c)
        for k in sorted(by_sent, reverse=True):
            for rank, depths in _SENTENCE_TIERS:
                yield from sorted((c for c in by_sent[k] if c.rank == rank and depths(c.depth)),
                                  key=lambda c: (c.depth, -c.at))
    fallback = (c for c in cands if c.fallback)
    yield from (fallback if nearest_first and sent is None else sorted(fallback, key=lambda c: (-c.at, -c.rank)))
