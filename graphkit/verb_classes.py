"""Each English verb's broad class: ``models/verb_classes.txt`` (WordNet 3.0's lexicographer file of its most
frequent sense; written by ``bench/make_verb_classes.py``).

The re-scorer (`graphkit.confidence`) weighs a verb cue by its class as well as by its lemma: "said" is
verb.communication, "imposed" verb.social, "showed" verb.perception. A cue the lexicon lacks, which only the cue
tagger proposes and whose lemma the re-scorer saw too rarely to weigh, still gets its class's weight (issue 13).
A copy of models/ without the file (``GRAPHKIT_MODELS``) knows no class, and no cue has one.

>>> verb_class("say"), verb_class("Impose"), verb_class("show"), verb_class("zorblax")
('verb.communication', 'verb.social', 'verb.perception', None)
"""

from __future__ import annotations

from typing import Optional

__all__ = ["verb_class", "load_verb_classes"]

FILE = "verb_classes.txt"


def verb_class(lemma: str) -> Optional[str]:
    """The broad class (``verb.communication``, ...) of a verb's lemma (any case), None for a verb WordNet lacks."""
    return load_verb_classes().get(lemma.lower())


def load_verb_classes(again: bool = False) -> dict[str, str]:
    """Lemma → class from models/verb_classes.txt (of the ``GRAPHKIT_MODELS`` copy when set), empty when the file is
    not there; read once per process and path, ``again`` when its stat moved (`graphkit.knowledge.models_table`)."""
    from .knowledge import models_table

    return models_table(FILE, _classes, again)


def _classes(text: str) -> dict[str, str]:
    """The file's ``lemma class`` lines, '#' comments and blank lines skipped.

    >>> _classes("# a comment\\nsay verb.communication\\n\\nImpose verb.social  # a note\\n")
    {'say': 'verb.communication', 'impose': 'verb.social'}
    """
    out = {}
    for line in text.splitlines():
        words = line.split("#", 1)[0].split()
        if len(words) == 2:
            out[words[0].lower()] = words[1]
    return out
