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

from wordnet import data_lines, first_senses, table_main  # noqa: E402  the WordNet database's one reader

OUT = ROOT / "models" / "person_nouns.txt"
#: WordNet 3.0's lexicographer file number of ``noun.person`` (its ``lexnames`` file)
NOUN_PERSON = 18


def person_synsets(d: Path) -> set[int]:
    """Offsets of the ``noun.person`` synsets that are classes (no ``@i`` instance-of pointer).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "data.noun").write_text("  1 a licence line\\n"
    ...                                  "00000042 18 n 01 einstein 0 001 @i 00000007 n 0000 | x\\n"
    ...                                  "00000099 18 n 01 voter 0 000 | y\\n00000120 14 n 01 crowd 0 000 | z\\n")
    >>> person_synsets(d)
    {99}
    """
    return {off for off, lex, pointers in data_lines(d, "noun") if lex == NOUN_PERSON and "@i" not in pointers}


def person_nouns(d: Path) -> list[str]:
    """Single-word lemmas of ``index.noun`` whose first (most frequent) sense is a person class."""
    people = person_synsets(d)
    return sorted(lemma for lemma, first in first_senses(d).items() if "_" not in lemma and first in people)


def main(argv=None) -> int:
    about = ["English common nouns whose most frequent sense is a person (WordNet 3.0's noun.person, classes only),",
             "one lemma a line: graphkit.person_nouns reads them. Written by bench/make_person_nouns.py from the",
             "WordNet 3.0 database; edit freely (a line is a lemma, '#' starts a comment)."]
    return table_main(argv, __doc__, ("index.noun", "data.noun"), person_nouns, OUT, about, "nouns")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    from graphkit.errors import script_main

    sys.exit(script_main("make_person_nouns", main))
