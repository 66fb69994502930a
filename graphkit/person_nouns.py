"""Which common nouns name a person: ``models/person_nouns.txt`` (WordNet 3.0's person classes, by their
most frequent sense; written by ``bench/make_person_nouns.py``).

A speaker phrase headed by one of them in the singular ('a neighbor', 'one voter', 'another supporter') is one
person the article does not name: an anonymous source, never a group (graphkit.speaker_phrase.speaker_type).
A copy of models/ without the file (``GRAPHKIT_MODELS``) knows no such noun, and no phrase is read so.

>>> person_noun("neighbor"), person_noun("Friend"), person_noun("poll"), person_noun("group")
(True, True, False, False)
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

__all__ = ["person_noun", "load_person_nouns"]

FILE = "person_nouns.txt"


def person_noun(lemma: str) -> bool:
    """Whether a noun's lemma (any case) names a person in its most frequent sense."""
    return lemma.lower() in load_person_nouns()


def load_person_nouns() -> frozenset[str]:
    """The lemmas of models/person_nouns.txt (of the ``GRAPHKIT_MODELS`` copy when set); empty when the file is
    not there."""
    from .knowledge import models_dir

    path = models_dir() / FILE
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return frozenset()
    return _read(path, stamp)


@lru_cache(maxsize=4)
def _read(path: Path, stamp: int) -> frozenset[str]:
    """The file's lemmas, one a line, '#' comments and blank lines skipped (``stamp`` re-reads an edited file); a
    file that is not UTF-8 or cannot be read is a ModelsFileError with its fix."""
    from .knowledge import read_text

    text = read_text(path)
    words = (line.split("#", 1)[0].strip().lower() for line in text.splitlines())
    return frozenset(w for w in words if w)
