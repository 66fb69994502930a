"""Write ``models/person_nouns.txt``: the English common nouns whose most frequent sense is a person.

    python bench/make_person_nouns.py WORDNET_DICT_DIR

``WORDNET_DICT_DIR`` is a WordNet 3.0 database directory (``index.noun``, ``data.noun``; where to find one:
``bench/wordnet.py``, which reads it).

What is written: one lemma a line, sorted, each a single word (no ``_`` compounds) whose first sense in
``index.noun`` (WordNet orders senses by frequency) belongs to the lexicographer file ``noun.person`` and is a
kind of person, not a named one (an *instance* of a person class, as 'einstein' is, is left out: a speaker
phrase's common noun is never one). Above the lemmas, in ``#`` lines, Princeton's licence, which its terms
ask every copy to carry. Deterministic: the same database gives the same bytes.

Why (issue #12, twenty-fourth pass): a singular common noun that names a person ('a neighbor said', 'one
voter said') is one unnamed person, never a group; :mod:`graphkit.person_nouns` reads the table.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from wordnet import first_sense_nouns, table_main  # noqa: E402  the WordNet database's one reader

OUT = ROOT / "models" / "person_nouns.txt"
#: WordNet 3.0's lexicographer file number of ``noun.person`` (its ``lexnames`` file)
NOUN_PERSON = 18


def person_nouns(d: Path) -> list[str]:
    """Single-word lemmas of ``index.noun`` whose first (most frequent) sense is a person class
    (:func:`wordnet.first_sense_nouns` of :data:`NOUN_PERSON`)."""
    return first_sense_nouns(d, NOUN_PERSON)


def main(argv=None) -> int:
    about = ["English common nouns whose most frequent sense is a person (WordNet 3.0's noun.person, classes only),",
             "one lemma a line: graphkit.person_nouns reads them. Written by bench/make_person_nouns.py from the",
             "WordNet 3.0 database; edit freely (a line is a lemma, '#' starts a comment)."]
    return table_main(argv, __doc__, ("index.noun", "data.noun"), person_nouns, OUT, about, "nouns")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    from graphkit.errors import script_main

    sys.exit(script_main("make_person_nouns", main))
