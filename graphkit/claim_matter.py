"""What two claims must share to be about one matter: their specific arguments, and the same proposition.

The first of `graphkit.contradict`'s three conditions. A claim's arguments (:func:`arguments`: a name, a number with
what it counts, a place, the words that gave it its issues) pair it with the claims that use the same one, weighed
by how few claims of the corpus use it (:func:`specificity`); two claims so paired say the same thing when most of
their content words are shared (:func:`match`), or when one points back at the other (:func:`points_back`, "denied
any such losses"). Whether they take opposite positions is `graphkit.opposition`'s.

>>> from graphkit.records import Claim
>>> c = Claim(id="c", doc_id="d", speaker="X", speaker_id="actor:x", text="Mr. Trump will cut £35bn of savings",
...           spans=[(0, 10)], cue="said", places=("Kyiv",))
>>> sorted(arguments(c)), match("he will raise taxes", "he will not raise taxes", {})
(['35bn', 'kyiv', 'trump'], 1.0)
"""

from __future__ import annotations

import math
import re
from typing import Iterable, Optional

from .issue_evidence import claims_own_words
from .places import place_key
from .records import Claim
from .textmemo import text_memo
from .words import STOP, concepts, lemma, tokens

__all__ = ["arguments", "common_words", "specificity", "match", "points_back", "ANAPHORIC", "PSEUDO_CLAIMS", "TITLES"]

PSEUDO_CLAIMS = 100      # smoothing of specificity: a small corpus counts as this many claims more

TITLES = frozenset("mr mrs ms miss dr sir sen senator rep gov governor president presidential secretary "
                    "minister prime chairman chief judge justice gen general lt col adm".split())
_NUMBER_WORDS = {w: str(i) for i, w in enumerate("zero one two three four five six seven eight nine ten eleven "
                                                 "twelve".split()) if i >= 2}   # "no one wants" counts nothing
# times are when, not what: they never make two claims one matter
_TIMES = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april may june "
                   "july august september october november december today yesterday tomorrow".split())
_MAGNITUDE = {"million": "m", "millions": "m", "m": "m", "mn": "m", "billion": "bn", "billions": "bn", "bn": "bn",
              "trillion": "tn", "tn": "tn", "percent": "%", "per": "%", "%": "%", "thousand": "k", "k": "k"}
_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[A-Za-z][A-Za-z'\u2019.-]*[A-Za-z]|[A-Za-z]|%|[.!?\"\u201c\u201d]")
# content that points back at what was said just before, in its first words: "(denied) any such losses",
# "they have been ...", "(rejects) that option", "(denied) the charges" -- not "the idea that ..." (its own)
ANAPHORIC = re.compile(r"^\W*(?:this|it|they|these|those)\b|\b(?:such|these|those)\s+\w+|"
                       r"\b(?:that|this|the)\s+(?:claims?|reports?|allegations?|accusations?|options?|idea|"
                       r"story|stories|statement|suggestion|charges?|rumou?rs?)\b(?!\s+(?:that|of|about|to|on)\b)",
                       re.I)

def points_back(text: str, first_words: int = 4) -> bool:
    """Does the content point back at what was said before it, within its first words?

    >>> [points_back(t) for t in ["denied any such losses", "rejected the idea that he would lose",
    ...                            "declined to say what such a plan would cost"]]
    [True, False, False]
    """
    head = " ".join(text.split()[:first_words])
    return bool(ANAPHORIC.search(head))


# --- the matter: arguments and how specific they are ---------------------------------------------------

def arguments(claim: Claim, common: frozenset[str] = frozenset()) -> frozenset[str]:
    """The claim's salient arguments, lemmatised: names, numbers with what they count, places, triggers.

    - a capitalised word that is not a function word or a title: "Pokrovsk", "Trump" (so "Donald Trump"
      and "Mr. Trump" meet on "trump"); at the start of a sentence only when ``common`` (the words the
      corpus writes in lower case: "Obviously", "Today") does not hold it;
    - a number, with its magnitude and the word it counts: "£35bn" → "35bn", "four regions" → "4 region";
      years are times, not arguments;
    - the claim's resolved places ("Kiev" and "Kyiv" meet on "kyiv") and the words of its own that assigned its issues
      (`_trigger_words`: not those said around it, none for an issue its article gave, never an evidence's marker such
      as "learnt: ", nor a place's name again: "North Korea" is the one argument "north korea").

    >>> c = Claim(id="c", doc_id="d", speaker="X", speaker_id="actor:x", text="Mr. Trump will cut £35bn of "
    ...           "savings in four regions", spans=[(0, 10)], cue="said", places=("Kyiv",))
    >>> sorted(arguments(c))
    ['35bn', '4 region', 'kyiv', 'trump']
    """
    out = set(_text_arguments(claim.text, common))
    out.update(p.lower() for p in claim.places)
    for words in _trigger_words(claim):
        out.update(lemma(w) for w in tokens(words) if w not in STOP and len(w) >= 3)
    return frozenset(out)


def _trigger_words(claim: Claim) -> list[str]:
    """The claim's own words that gave it its issues (`graphkit.issue_evidence.claims_own_words`: not those said
    around it, nor an evidence's markers such as "learnt: "), but for those naming one of its places
    (`graphkit.places.place_key`): a place is one argument, the place. A place abroad is an issue of its own, its
    trigger the place as written: "North Korea" gave "north" and "korea" beside the place "north korea".

    >>> c = Claim(id="c", doc_id="d", speaker="X", speaker_id="actor:x", text="North Korea will test more missiles "
    ...           "soon", spans=[(0, 10)], cue="said", places=("North Korea",),
    ...           issue_triggers=(("North Korea", "North Korea"), ("missiles", "missiles, context: Iran")))
    >>> _trigger_words(c)
    ['missiles']
    """
    places = {place_key(p) for p in claim.places}
    return [words for _, evidence in claim.issue_triggers for words in claims_own_words(evidence)
            if place_key(words) not in places]


def _text_arguments(text: str, common: frozenset[str]) -> list[str]:
    """The text's argument words: its candidates (`_argument_candidates`) but for the sentence openers the corpus
    writes in lower case (``common``).

    >>> _text_arguments("Mr. Trump will cut 35 billion of taxes. Crimea is part of Russia.", frozenset({"crimea"}))
    ['trump', '35bn', 'russia']
    """
    return [w for w, opens in _argument_candidates(text) if not opens or w not in common]


@text_memo("argument_candidates", encode=lambda v: [[w, o] for w, o in v], decode=lambda v: tuple((w, o) for w, o in v))
def _argument_candidates(text: str) -> tuple[tuple[str, bool], ...]:
    """(argument, whether it is a capitalised word opening a sentence) of each number and capitalised word: what
    `_text_arguments` reads of one text, worked out once (graphkit.textmemo keeps it between builds).

    >>> _argument_candidates("Mr. Trump will cut 35 billion of taxes. Crimea is part of Russia.")
    (('trump', True), ('35bn', False), ('crimea', True), ('russia', False))
    """
    toks = _TOKEN.findall(text.replace("\u2019", "'"))
    out = []
    start = True   # at the start of a sentence
    for i, t in enumerate(toks):
        if t in '.!?"\u201c\u201d':
            start = t in ".!?" or start
            continue
        low = t.lower().rstrip(".")
        num = _number(t)
        if num is not None:
            out.append((_counted(num, toks[i + 1:i + 3]), False))
        elif (t[0].isupper() and low not in STOP and low not in TITLES and low not in _TIMES and len(low) >= 2
              and "'" not in low.removesuffix("'s")):   # "I'll", "We've" are no names
            out.append((lemma(low), start))
        start = False
    return tuple(out)


def _number(t: str) -> Optional[str]:
    """A token's number as digits (a number word, or digits with their commas dropped); None for a word
    that is no number and for a year, which two claims may give without counting anything.

    >>> [_number(t) for t in ("Three", "1,200", "2016", "troops")]
    ['3', '1200', None, None]
    """
    low = t.lower()
    if low in _NUMBER_WORDS:
        return _NUMBER_WORDS[low]
    if not t[0].isdigit():
        return None
    n = t.replace(",", "")
    if re.fullmatch(r"(1[89]|20)\d\d", n):   # a year
        return None
    return n


def _counted(num: str, following: list[str]) -> str:
    """A number as an argument, with what it counts when a word follows it: a magnitude, or a noun.

    >>> _counted("35", ["billion", "of"]), _counted("4", ["regions"]), _counted("4", ["of"])
    ('35bn', '4 region', '4')
    """
    if following and following[0].lower() in _MAGNITUDE:
        return num + _MAGNITUDE[following[0].lower()]
    if following and following[0][0].isalpha() and following[0].lower() not in STOP:
        return f"{num} {lemma(following[0])}"
    return num


def common_words(claims: Iterable[Claim]) -> frozenset[str]:
    """Lemmas of the words the claims write in lower case: a capitalised one opening a sentence is no name."""
    out: set[str] = set()
    for c in claims:
        out.update(_lower_lemmas(c.text))
    return frozenset(out)


@text_memo("lower_lemmas", encode=sorted, decode=frozenset)
def _lower_lemmas(text: str) -> frozenset[str]:
    """Lemmas of the words one text writes in lower case (`common_words`).

    >>> sorted(_lower_lemmas("The regions were annexed illegally by Russia"))
    ['annex', 'by', 'illegally', 'region', 'were']
    """
    return frozenset(lemma(t) for t in _TOKEN.findall(text) if t[0].islower())


def specificity(df: int, n: int) -> float:
    """How specific an argument used by `df` of `n` claims is, in [0, 1] (1: one claim of a large corpus).

    log((n + PSEUDO_CLAIMS) / df) / log(n + PSEUDO_CLAIMS): 0.5 at df ≈ sqrt(n + PSEUDO_CLAIMS).

    >>> round(specificity(3000, 15000), 2), round(specificity(3, 15000), 2), round(specificity(2, 2), 2)
    (0.17, 0.89, 0.85)
    """
    total = n + PSEUDO_CLAIMS
    return max(0.0, math.log(total / max(df, 1)) / math.log(total))


# --- the same proposition ----------------------------------------------------------------------------

def match(a: str, b: str, idf: dict[str, float], leave_out: Iterable[str] = ()) -> float:
    """Share of content (idf-weighted concepts, over the smaller claim) two contents have in common.

    ``leave_out``: concepts not to count (the opposing words themselves, the shared arguments).

    >>> match("he will raise taxes on the rich", "he will not raise taxes on the rich", {})
    1.0
    """
    drop = set(leave_out)
    ca, cb = concepts(a) - drop, concepts(b) - drop
    if not ca or not cb:
        return 0.0
    w = lambda s: math.fsum(idf.get(x, 1.0) for x in s)  # noqa: E731  (exact: the same in any set order)
    return round(w(ca & cb) / min(w(ca), w(cb)), 3)
