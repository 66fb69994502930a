"""Write ``models/verb_classes.txt``: each English verb's broad class, its most frequent sense's lexicographer file.

    python bench/make_verb_classes.py WORDNET_DICT_DIR

``WORDNET_DICT_DIR`` is a WordNet 3.0 database directory (``index.verb``, ``data.verb``; ``data.noun`` for the
licence; where to find one: ``bench/wordnet.py``, which reads it).

What is written: one verb a line, ``lemma class``, sorted by lemma, each a single word (no ``_`` compounds: a cue
is one token) and its first sense's file in ``index.verb`` (WordNet orders senses by frequency):
``say verb.communication``, ``impose verb.social``, ``show verb.perception``. Above them, in ``#`` lines,
Princeton's licence, which its terms ask every copy to carry. Deterministic: the same database gives the same bytes.

Why (issue 13, thirty-seventh part and session 56): the re-scorer (:mod:`graphkit.confidence`) weighs a verb cue
by its class, ``cue_class=verb.communication``: "the council imposed sanctions" (verb.social) is more often an act
kept as a claim than speech, and the verbs the cue lexicon lacks, which only the cue tagger proposes, get a weight
through their class rather than none; :mod:`graphkit.verb_classes` reads the table.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from wordnet import table_main, wordnet_classes  # noqa: E402  the WordNet database's one reader

OUT = ROOT / "models" / "verb_classes.txt"


def verb_classes(d: Path) -> list[str]:
    """``lemma class`` lines for the single-word verbs of WordNet's ``index.verb``, sorted by lemma.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> head = "  1 a licence line\\n"
    >>> data = head + f"{len(head):08d} 32 v 01 say 0 000 | utter\\n"
    >>> _ = (d / "data.verb").write_text(data + f"{len(data):08d} 41 v 01 impose 0 000 | levy\\n")
    >>> _ = (d / "index.verb").write_text(head + f"say v 1 0 1 1 {len(head):08d}\\nimpose v 1 0 1 1 {len(data):08d}\\n"
    ...                                   f"point_out v 1 0 1 1 {len(head):08d}\\n")
    >>> verb_classes(d)
    ['impose verb.social', 'say verb.communication']
    """
    return [f"{lemma} {cls}" for lemma, cls in sorted(wordnet_classes(d, "verb").items()) if "_" not in lemma]


def main(argv=None) -> int:
    about = ["English verbs by their most frequent sense's WordNet 3.0 lexicographer file, one 'lemma class' a line:",
             "graphkit.verb_classes reads them (the re-scorer's cue_class feature). Written by",
             "bench/make_verb_classes.py from the WordNet 3.0 database; '#' starts a comment."]
    return table_main(argv, __doc__, ("index.verb", "data.verb", "data.noun"), verb_classes, OUT, about, "verbs")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    from graphkit.errors import script_main

    sys.exit(script_main("make_verb_classes", main))
