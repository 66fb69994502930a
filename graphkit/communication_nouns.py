"""Which common nouns name a thing said: ``models/communication_nouns.txt`` (WordNet 3.0's communication classes, by
their most frequent sense; written by ``bench/make_communication_nouns.py``).

A cue participle after "with" whose own subject is such a noun is that noun's author's claim, the outer clause's
subject's ("Lee went further, with a tirade arguing that ...": `graphkit.frames_verb.said_thing`), not the noun's.
A copy of models/ without the file (``GRAPHKIT_MODELS``) knows no such noun, and the cue lexicon's nouns and the
document nouns are the only things said.

>>> [communication_noun(w) for w in ("tirade", "Speech", "message", "campaign", "poll", "survey")]
[True, True, True, False, False, False]
"""

from __future__ import annotations

__all__ = ["communication_noun", "load_communication_nouns"]

FILE = "communication_nouns.txt"


def communication_noun(lemma: str) -> bool:
    """Whether a noun's lemma (any case) names a thing said in its most frequent sense."""
    return lemma.lower() in load_communication_nouns()


def load_communication_nouns(again: bool = False) -> frozenset[str]:
    """The lemmas of models/communication_nouns.txt (of the ``GRAPHKIT_MODELS`` copy when set); empty when the file
    is not there. Read once per process and path, ``again`` when its stat moved (`graphkit.knowledge.models_table`:
    a build's check of the models asks so, so that what the parse reads is what the extraction key hashes).

    >>> nouns = load_communication_nouns()
    >>> "statement" in nouns, "tirade" in nouns, "senator" in nouns
    (True, True, False)
    """
    from .knowledge import lemma_set, models_table

    return models_table(FILE, lemma_set, again)
