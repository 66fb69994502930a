"""Given names: which words are given names, and which two are one name's formal and familiar forms.

Read from the `nicknames` package's table of English given names and their nicknames (offline, loaded once), and, for a
word the table does not list, from how rare the word is in English (wordfreq): the actor pass reads a person's name
with them, where the string forms of a name (folding, skeletons, words, keys, titles) are graphkit.names' and
whether two names are one person's graphkit.name_match's and graphkit.people's.

>>> listed_given_name("Deborah"), given_name_like("Cecile"), given_name_like("Exclusive")
(True, True, False)
>>> hypocorism("bob", "robert"), distinct_given_names("pati", "patrik")
(True, True)
"""

from __future__ import annotations

from functools import lru_cache

from .names import fold, skeleton_word


@lru_cache(maxsize=1)
def _hypocorism_pairs() -> frozenset:
    """Pairs (sorted) of given-name skeletons that are one name's formal and familiar forms, from the `nicknames`
    package (carltonnorthern/nicknames, Apache-2.0: a hand-curated table of English given names and their
    nicknames, shipped as a CSV inside the package; read offline). Only direct pairs: 'Joe' is Joseph's and
    Joshua's, which are not each other's. The table is made for genealogy and is generous ('Will' → 'Fred',
    'Bill' → 'Robert'), so a pair is only a possibility: graphkit.people joins two full names by it only where
    the corpus gives them the same office."""
    try:
        from nicknames import NickNamer
    except ImportError as e:  # a checkout installed before the dependency came (issue 12)
        raise ImportError("graphkit: error: the 'nicknames' package is not installed (a dependency of graphkit); "
                          "fix: pip install -e . (or pip install 'nicknames>=1.0.1,<2')") from e

    lookup = NickNamer.default_lookup()
    return frozenset((min(f, s), max(f, s)) for f, s in
                     ((skeleton_word(fold(k)), skeleton_word(fold(n))) for k, v in lookup.items() for n in v)
                     if f != s and " " not in f + s)


@lru_cache(maxsize=1)
def _listed_given_names() -> frozenset:
    return frozenset(n for pair in _hypocorism_pairs() for n in pair)


def listed_given_name(word: str) -> bool:
    """Whether a word is a given name of the `nicknames` table ('Carly', 'Deborah', 'Rick'; not 'Team', 'Trump').

    >>> listed_given_name("Carly"), listed_given_name("Deborah"), listed_given_name("Team"), listed_given_name("Fox")
    (True, True, False, False)
    """
    return skeleton_word(fold(word)) in _listed_given_names()


#: a capitalised word rarer than this in English (wordfreq's Zipf scale: 'Cecile' 2.6, 'Kendal' 2.8; 'Exclusive' 4.6,
#: 'Watch' 5.3) reads as a name where a name is expected
RARE_WORD_ZIPF = 4.0


def given_name_like(word: str) -> bool:
    """Whether a capitalised word can be a given name: one of the `nicknames` table ('Nick', 'Maria'), or a word rare
    in English ('Cecile', 'Salma'); not the words a headline opens with ('Exclusive', 'Breaking', 'Watch').

    >>> [given_name_like(w) for w in ("Nick", "Cecile", "Salma", "Exclusive", "Breaking", "Watch")]
    [True, True, True, False, False, False]
    """
    if listed_given_name(word):
        return True
    from .standins import import_wordfreq

    return import_wordfreq().zipf_frequency(word.lower(), "en") < RARE_WORD_ZIPF


def distinct_given_names(a: str, b: str) -> bool:
    """Whether two given names (skeleton words) are two names, not one name's spellings or forms: both are in
    the `nicknames` table and neither is the other's familiar form ('Patty' / 'Patrick'). A name the table does
    not list ('Rence', a misspelt 'Reince') says nothing.

    >>> (distinct_given_names("pati", "patrik"), distinct_given_names("pete", "peter"),
    ...  distinct_given_names("rence", "reince"))
    (True, False, False)
    """
    listed = _listed_given_names()
    return a != b and a in listed and b in listed and not hypocorism(a, b)


def hypocorism(a: str, b: str) -> bool:
    """Whether two different given names (skeleton words, as :func:`graphkit.names.name_words` gives them) are the
    formal and familiar forms of one name, in British and American use alike: Joe / Joseph, Bill / William, Bob /
    Robert, Tony / Anthony, Chuck / Charles. Two different given names that are not (Hillary / Bill, Donald / Melania)
    are two people's.

    >>> from graphkit.names import name_words
    >>> hypocorism("ioe", "iosef"), hypocorism(*name_words("Bill William")[0]), hypocorism("hilari", "bil")
    (True, True, False)
    >>> hypocorism("donald", "donald")
    False
    """
    return a != b and (min(a, b), max(a, b)) in _hypocorism_pairs()
