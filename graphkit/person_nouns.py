"""Which common nouns name a person: ``models/person_nouns.txt`` (WordNet 3.0's person classes, by their
most frequent sense; written by ``bench/make_person_nouns.py``).

A speaker phrase headed by one of them in the singular ('a neighbor', 'one voter', 'another supporter') is one
person the article does not name: an anonymous source, never a group (graphkit.speaker_types.speaker_type).
A copy of models/ without the file (``GRAPHKIT_MODELS``) knows no such noun, and no phrase is read so.

>>> person_noun("neighbor"), person_noun("Friend"), person_noun("poll"), person_noun("group")
(True, True, False, False)
"""

from __future__ import annotations

from typing import Optional

from .cues import takes_es

__all__ = ["person_noun", "plural_person_noun", "load_person_nouns"]

FILE = "person_nouns.txt"


def person_noun(lemma: str) -> bool:
    """Whether a noun's lemma (any case) names a person in its most frequent sense."""
    return lemma.lower() in load_person_nouns()


#: a plural's endings and the singular endings they stand for, longest first: 'secretaries', 'wives', 'congressmen',
#: 'bosses' / 'witnesses' / 'coaches' (an '-es' whole only after a singular that takes it, graphkit.cues.takes_es:
#: 'wages' is no plural of 'wag', a joker, nor 'tapes' of 'tap'), then a bare -s ('aides', 'MPs')
_PLURAL_ENDINGS = (("ies", ("y",)), ("ves", ("fe", "f")), ("men", ("man",)), ("es", ("", "e")), ("s", ("",)))
#: endings of a singular that only look plural ('boss', 'witness', 'census', 'analysis')
_SINGULAR_S = ("ss", "us", "is")


def plural_person_noun(word: str) -> Optional[str]:
    """The person noun (graphkit's list, lower case) a plural word names, else None: the one home of 'a plural of
    people → its person noun', for a parse's token and a stored phrase's word alike
    (graphkit.person_heads.plural_people, graphkit.mentions.names_people, graphkit.entity_types). The first singular
    the plural's ending gives that is a person noun; a word with no plural ending, or whose singular names no person,
    is None. (graphkit.issues.light_lemma is the issues' lemma of any noun, for a taxonomy: another concept.)

    >>> words = ("Bosses", "MPs", "Aides", "secretaries", "men", "congressmen", "wives", "witnesses")
    >>> [plural_person_noun(w) for w in words]
    ['boss', 'mp', 'aide', 'secretary', 'man', 'congressman', 'wife', 'witness']
    >>> [plural_person_noun(w) for w in ("boss", "data", "polls", "Sanders", "women's", "Wages")]
    [None, None, None, None, None, None]
    """
    w = word.lower()
    if len(w) < 3 or w.endswith(("'s", "’s", "'", "’")) or w.endswith(_SINGULAR_S):
        return None
    for ending, singulars in _PLURAL_ENDINGS:
        if w.endswith(ending):
            for s in singulars:
                one = w[:-len(ending)] + s
                if (ending != "es" or s or takes_es(one)) and person_noun(one):  # 'wages' no plural of 'wag'
                    return one
    return None


def load_person_nouns(again: bool = False) -> frozenset[str]:
    """The lemmas of models/person_nouns.txt (of the ``GRAPHKIT_MODELS`` copy when set); empty when the file is
    not there. Read once per process and path; ``again`` reads the file again when its stat moved: a build's check of
    the models asks so (`graphkit.knowledge.check_models_files`, when their stamp changed), so that what the parse
    reads is what the extraction key (`graphkit.fingerprint`, which hashes the file) says
    (`graphkit.knowledge.models_table`)."""
    from .knowledge import lemma_set, models_table

    return models_table(FILE, lemma_set, again)

