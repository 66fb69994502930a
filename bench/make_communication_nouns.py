"""Write ``models/communication_nouns.txt``: the English common nouns whose most frequent sense is a thing said.

    python bench/make_communication_nouns.py WORDNET_DICT_DIR

``WORDNET_DICT_DIR`` is a WordNet 3.0 database directory (``index.noun``, ``data.noun``; where to find one:
``bench/wordnet.py``, which reads it).

What is written: one lemma a line, sorted, each a single word (no ``_`` compounds) whose first sense in
``index.noun`` (WordNet orders senses by frequency) belongs to the lexicographer file ``noun.communication`` and is
a kind of communication, not a named one (an *instance*, as a named scripture or treaty is, is left out), and is no
kind of an instrumentality (:data:`MEANS`: the press, a newspaper, a magazine, television, a website carry things
said, they are not said): "tirade", "speech", "remark", "statement", "message". Above the lemmas, in ``#`` lines,
Princeton's licence, which its terms ask every copy to carry. Deterministic: the same database gives the same bytes.

Why (issue 13, fifty-sixth part): a cue participle after "with" speaks for its own subject unless that subject is a
thing said, whose author is the outer clause's subject ("Lee went further, with a tirade arguing that ..."): the
cue lexicon's nouns and the document nouns missed most such nouns; :mod:`graphkit.communication_nouns` reads the
table, :func:`graphkit.frames_verb.said_thing` asks it. The means apart (session 68): an outlet speaks for itself
("The mayor stayed silent, with the local newspaper reporting that ..." is the newspaper's claim, not the mayor's);
38 lemmas, among them "newspaper", "magazine", "tabloid", "daily", "gazette", "television", "radio", "website".
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from wordnet import first_sense_nouns, table_main  # noqa: E402  the WordNet database's one reader

OUT = ROOT / "models" / "communication_nouns.txt"
#: WordNet 3.0's lexicographer file number of ``noun.communication`` (its ``lexnames`` file)
NOUN_COMMUNICATION = 10
#: WordNet 3.0's offset of "instrumentality, instrumentation" (an artifact that is instrumental in accomplishing some
#: end): a communication noun whose first sense is a kind of it is a means that carries things said (the press, a
#: newspaper, television, a website, a telephone call), a source when it is a subject, not a thing said
MEANS = frozenset({3575240})


def communication_nouns(d: Path) -> list[str]:
    """Single-word lemmas of ``index.noun`` whose first (most frequent) sense is a communication class and no means
    (:func:`wordnet.first_sense_nouns` of :data:`NOUN_COMMUNICATION`, :data:`MEANS` apart)."""
    return first_sense_nouns(d, NOUN_COMMUNICATION, apart=MEANS)


def main(argv=None) -> int:
    about = ["English common nouns whose most frequent sense is a thing said (WordNet 3.0's noun.communication,",
             "classes only, no kind of an instrumentality: a newspaper or a website carries things said), one lemma",
             "a line: graphkit.communication_nouns reads them. Written by",
             "bench/make_communication_nouns.py from the WordNet 3.0 database; edit freely (a line is a lemma,",
             "'#' starts a comment)."]
    return table_main(argv, __doc__, ("index.noun", "data.noun"), communication_nouns, OUT, about, "nouns")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    from graphkit.errors import script_main

    sys.exit(script_main("make_communication_nouns", main))
