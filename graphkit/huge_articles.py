"""What the parser reads of an article: all of it, or of a huge one only the lines that can hold a claim.

Reading (`graphkit.ingest`) gives every article's whole text; `parse_view` gives what spaCy parses of it. An
article over `HUGE_CHARS` characters is parsed only in its lines with a quotation mark, a colon or a cue word
of models/cues.yaml (in any of its forms), each with the line before it; the rest is blanked to newlines, so
every offset still points into the stored text. `huge_note` is what the build's list of problems says of it.

>>> from graphkit.records import Document
>>> d = Document(id="h", path="h.txt", text="Calm day.\\nLavrov said no.", sha256="0" * 64, format="txt")
>>> parse_view(d) is d, huge_note(d.text)
(True, None)
"""

from __future__ import annotations

import re
from typing import Optional

from .records import Document

WORD = re.compile(r"[^\W\d_]+")  # a word's letters (graphkit.ingest.language_note reads words so too)

#: Above this many characters an article is parsed only where claims can be: see `parse_view`.
#: spaCy's small English pipeline reads about 0.5-1 MB of news text a minute on one core, so a full
#: 20 MB article would take 20-40 minutes; a normal long article is under 100,000 characters.
HUGE_CHARS = 1_000_000
_QUOTE_MARKS = set('"“”„«»‹›‘')  # not ’ and ': they are apostrophes far more often than quotes
_IRREGULAR = {
    "say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "speak": ("spoke", "spoken"),
    "think": ("thought",), "feel": ("felt",), "know": ("knew", "known"), "see": ("saw", "seen"),
    "hold": ("held",), "bring": ("brought",), "give": ("gave", "given"), "take": ("took", "taken"),
    "hear": ("heard",), "find": ("found",), "seek": ("sought",), "mean": ("meant",), "foresee": ("foresaw", "foreseen"),
    "forecast": ("forecast",), "broadcast": ("broadcast",), "forbid": ("forbade", "forbidden"), "lead": ("led",),
}


def _inflections(lemma: str) -> set[str]:
    """Surface forms of a cue lemma, generously (a paragraph filter may keep too much, never too little).

    >>> {"admits", "admitted", "admitting", "said", "says", "denies", "denied"} <= _inflections("admit") | _inflections("say") | _inflections("deny")
    True
    """
    w = lemma.lower()
    out = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing"}
    if w.endswith("e"):
        out.add(w[:-1] + "ing")
    if w.endswith("y"):
        out |= {w[:-1] + "ies", w[:-1] + "ied"}
    if len(w) > 2 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
        out |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    out.update(_IRREGULAR.get(w, ()))
    return out


#: the cues.yaml content `cue_words` last worked out, and its words: the content itself is held, not its id (a content
#: read again after an edit may take the id of the one it replaces)
_CUE_WORDS: list = [None, frozenset()]


def cue_words() -> frozenset[str]:
    """Every word form of the cues in models/cues.yaml (verbs, nouns, the longest word of each phrase); worked out
    again when the file's content is read again (`graphkit.knowledge.load_yaml`: an edit).

    >>> {"said", "denied", "according"} <= cue_words(), cue_words() is cue_words()
    (True, True)
    """
    from .knowledge import load_yaml

    raw = load_yaml("cues.yaml")
    if _CUE_WORDS[0] is not raw:
        _CUE_WORDS[:] = [raw, _cue_words(raw or {})]
    return _CUE_WORDS[1]


def _cue_words(raw: dict) -> frozenset[str]:
    """The word forms of a cue lexicon's content (`cue_words`).

    >>> {"denies", "denied", "denying"} <= _cue_words({"verbs": {"deny": "deny"}})
    True
    """
    words: set[str] = set()
    for section in ("verbs", "object_verbs", "to_verbs", "nouns", "quoted_as"):
        for lemma in (raw.get(section) or {}):
            words |= _inflections(str(lemma))
    for key in (raw.get("prep_verbs") or {}):
        words |= _inflections(str(key).split()[0])
    for phrase in (raw.get("phrases") or {}):
        words |= _inflections(max(str(phrase).split(), key=len))
    return frozenset(words)


def _claim_lines(text: str) -> tuple[list[tuple[int, int]], int]:
    """(start, end) of the lines that may hold a claim — a quotation mark, a colon or a cue word — each with
    the line before it (where 'he' and 'she' find their name); and how many characters they cover.

    >>> text = "Headline\\n\\nThe city is quiet.\\nThe mayor said no.\\n\\nRain fell.\\n“We wait,” she wrote."
    >>> lines, covered = _claim_lines(text)
    >>> [text[a:b] for a, b in lines], covered
    (['The city is quiet.', 'The mayor said no.', 'Rain fell.', '“We wait,” she wrote.'], 67)
    """
    cues = cue_words()
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    keep = [False] * len(lines)
    prev_nonempty = None
    for i, (a, b) in enumerate(lines):
        if a == b:
            continue
        line = text[a:b]
        if ":" in line or not _QUOTE_MARKS.isdisjoint(line) or any(w in cues for w in WORD.findall(line.lower())):
            keep[i] = True
            if prev_nonempty is not None:
                keep[prev_nonempty] = True
        prev_nonempty = i
    kept = [span for span, k in zip(lines, keep) if k]
    return kept, sum(b - a for a, b in kept)


def parse_view(document: Document) -> Document:
    r"""What the parser reads of an article: the article itself, or for a huge one (over HUGE_CHARS) the same
    text with every line that cannot hold a claim blanked to newlines. Length and offsets do not change, so
    every span still points into the stored text; blank lines cost spaCy next to nothing.

    >>> d = Document(id="h", path="h.txt", text="Calm day.\nLavrov said no.\nRain.", sha256="0" * 64, format="txt")
    >>> parse_view(d) is d
    True
    >>> import graphkit.huge_articles as ing
    >>> old, ing.HUGE_CHARS = ing.HUGE_CHARS, 10
    >>> parse_view(d).text == "Calm day.\nLavrov said no.\n\n\n\n\n\n"
    True
    >>> ing.HUGE_CHARS = old
    """
    text = document.text
    if len(text) <= HUGE_CHARS:
        return document
    kept, _ = _claim_lines(text)
    parts, pos = [], 0
    for a, b in kept:
        parts += ["\n" * (a - pos), text[a:b]]
        pos = b
    parts.append("\n" * (len(text) - pos))
    return document.model_copy(update={"text": "".join(parts)})


def huge_note(text: str) -> Optional[str]:
    """What reading says of a huge article (over HUGE_CHARS): how much of it is parsed, and how to have all of it
    read; None for any other.

    >>> huge_note("Lavrov said no.") is None
    True
    """
    if len(text) <= HUGE_CHARS:
        return None
    _, covered = _claim_lines(text)
    return (f"huge article ({len(text) / 1e6:.1f} million characters): parsed only in the lines with quotation "
            f"marks, colons or speech words ({covered / len(text):.0%} of it), where claims are; names and places "
            "elsewhere in it are not read: split it into articles to read all of it")
