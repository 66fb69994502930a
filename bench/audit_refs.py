"""PolNeAR text in the audit files as references: convert, render, check.

The audit verdicts in ``bench/audits/`` judge claims of PolNeAR articles, whose text must stay in
``../shared`` (its licence: research use, never copied into the project). So an audit file quotes no
article text; it points at it with a *locator*, ``{pn:ARTICLE_ID@START-END}``: the PolNeAR article id
(the ``id`` of ``../shared/data/polnear/{train,dev}.jsonl``, the same as a PolNeAR store's ``doc_id``)
and Python string offsets ``[START, END)`` into that article's ``text`` (the same offsets the store
records for a claim's spans). Text that had been quoted but is not found in PolNeAR is dropped and
marked ``{pn:? N words not found}``, its line and verdict kept.

    python bench/audit_refs.py convert bench/audits/*.txt          # rewrite files in place (idempotent)
    python bench/audit_refs.py render bench/audits/polnear_train_seed2056.txt [--context]
    python bench/audit_refs.py check bench/audits/*.txt           # PolNeAR runs left, verdicts per file
    python bench/audit_refs.py scan [FILE ...]     # PolNeAR runs in any file (default: all tracked files)

``convert`` replaces every run of ``RUN_WORDS`` or more consecutive words that an article holds with
the punctuation between them as written (whitespace, quote and dash styles aside) by its locator; it
leaves the verdict at a line's head, article ids, and runs that are shorter (names, short phrases:
the notes stay readable) as they are. ``check`` finds runs of ``RUN_WORDS`` words in PolNeAR whatever
the punctuation between them: the test in ``tests/test_audit_refs.py`` requires none.

Why ``RUN_WORDS`` = 6: it is the shortest run that independent news text does not share with PolNeAR
by chance. The five seed articles of ``../shared/seeds`` (3,342 six-word windows, news of another
year) share none at 6 and 20 at 5 ("the end of the year", "in a statement on"), the shared
DESIGN.md none at 5. Below 6 the check would flag common phrasing; at 6 any hit is a quotation.

Offsets and words: a word is a run of ``\\w`` characters, compared lower-cased; ids are matched as
``[a-z][a-z-]*_YYYY-MM-DD_slug`` (PolNeAR's form) and never read as words.
"""

from __future__ import annotations

import argparse
import bisect
import re
import subprocess
import sys
import textwrap
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
from polnear import POLNEAR, SPLITS, load_articles  # noqa: E402  where PolNeAR is read: its one home, bench/polnear.py

RUN_WORDS = 6
"""Runs of this many words found in PolNeAR are its text (see the module docstring for why 6)."""

LOCATOR_RE = re.compile(r"\{pn:([a-z][a-z0-9_-]*)@(\d+)-(\d+)\}")
UNLOCATED_RE = re.compile(r"\{pn:\? (\d+) words? not found\}")
REF_RE = re.compile(f"{LOCATOR_RE.pattern}|{UNLOCATED_RE.pattern}")
ARTICLE_ID_RE = re.compile(r"\b[a-z][a-z-]*_\d{4}-\d\d-\d\d_[a-z0-9-]*")
WORD_RE = re.compile(r"\w+")

VERDICT_RES = (
    # speaker audits: "12 right Donald Trump ('Trump')"
    re.compile(r"^\s*(?P<n>\d+)\s+(?P<v>right|partial|wrong)\b", re.I),
    # issue audits: " 3 y campaign ...", "A2 n ...", " 18 w Senate: ...", " 6 . Bernie ...", "3 + golf ..."
    re.compile(r"^\s*(?P<n>[A-Z]?\d+)\.?\s+(?P<v>[ynbw?]|[+=.-])(?=\s)"),
    # the sixth pass: " y 1. emails ...", " - 8. attacks -> campaign ..."
    re.compile(r"^\s*(?P<v>[yn+=0-])\s+(?P<n>\d+)\.\s"),
    # the twelfth pass: "[better] 1. committee staff member: ..."
    re.compile(r"^\[(?P<v>better|worse|same)\s*\]\s*(?P<n>\d+)\."),
)
SECOND_COLUMN_RE = re.compile(r"\s{3,}(?P<n>\d+)\s+(?P<v>[+=-])\s")  # the tenth pass's two-column lines
ISSUE_COLUMNS_RE = re.compile(  # the tenth pass's three columns of "12 health care n (D.C.)"
    r"(?:^\s*|\s{2,})(?P<n>\d+) [A-Za-z][\w'.-]*(?: [A-Za-z][\w'.-]*)* (?P<v>[yn])(?=\s\(|\s*$|\s{2,})")


class Article:
    """One PolNeAR article: its id and text; ``words`` (lower-cased word, start, end) read when first asked for.

    >>> Article("a", "He said so.").words
    [('he', 0, 2), ('said', 3, 7), ('so', 8, 10)]
    """

    def __init__(self, id: str, text: str):
        self.id, self.text = id, text
        self._words = None

    @property
    def words(self) -> list[tuple[str, int, int]]:
        if self._words is None:
            self._words = words_of(self.text)
        return self._words

    @property
    def bare_words(self) -> list[str]:
        """The lower-cased words alone (what a search for runs reads: faster than ``words``)."""
        return [w[0] for w in self._words] if self._words is not None else \
            [w.lower() for w in WORD_RE.findall(self.text)]

    def __repr__(self) -> str:
        return f"Article({self.id!r}, {len(self.text)} chars)"


class Corpus(dict):
    """Articles by id, with the n-word windows already looked up in them (see ``_ngram_hits``).

    >>> Corpus.of({"a": "He said so."})["a"].text
    'He said so.'
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.hits: dict[int, dict] = {}

    @classmethod
    def of(cls, texts: dict[str, str]) -> "Corpus":
        """A corpus of the given texts by id (for examples and tests)."""
        return cls({k: Article(k, t) for k, t in texts.items()})


def words_of(text: str) -> list[tuple[str, int, int]]:
    """The words of ``text`` with their offsets, lower-cased.

    >>> words_of("Trump’s wall, 2016")
    [('trump', 0, 5), ('s', 6, 7), ('wall', 8, 12), ('2016', 14, 18)]
    """
    return [(m.group().lower(), m.start(), m.end()) for m in WORD_RE.finditer(text)]


@lru_cache(maxsize=2)
def load_polnear(folder: Path = POLNEAR) -> Corpus:
    """PolNeAR's train and dev articles by id, read from ``folder`` (``../shared/data/polnear``) by
    `polnear.load_articles`.

    Raises FileNotFoundError naming the folder when it holds neither split.
    """
    arts = Corpus()
    for split in SPLITS:
        if (Path(folder) / f"{split}.jsonl").exists():
            arts.update((a["id"], Article(a["id"], a["text"])) for a in load_articles((split,), folder))
    if not arts:
        raise FileNotFoundError(f"no PolNeAR train.jsonl or dev.jsonl in {folder}: check out ../shared beside the "
                                f"repository (the audit files' text is read from there)")
    return arts


def locator(article_id: str, start: int, end: int) -> str:
    """The reference to ``text[start:end]`` of a PolNeAR article, as audit files write it.

    >>> locator("nyt_2016-05-20_some-title", 120, 164)
    '{pn:nyt_2016-05-20_some-title@120-164}'
    """
    return f"{{pn:{article_id}@{start}-{end}}}"


def span_ref(arts: Corpus | None, doc_id: str, doc_text: str, start: int, end: int) -> str | None:
    """The locator of ``doc_text[start:end]`` when the document is a PolNeAR article, else None.

    A PolNeAR store's documents are its articles under their ids, so the offsets hold as they are; should
    the text a build read differ from the article's (a changed ingest), the span's text is looked for in
    the article, nearest its offset first. None when there is no corpus, no such article or no such text.

    >>> arts = Corpus.of({"a": "Lavrov said on Monday that talks would resume."})
    >>> span_ref(arts, "a", arts["a"].text, 27, 45)
    '{pn:a@27-45}'
    >>> span_ref(arts, "a", "  " + arts["a"].text, 29, 47), span_ref(arts, "sample", "x", 0, 1)
    ('{pn:a@27-45}', None)
    """
    art = arts.get(doc_id) if arts else None
    if art is None or not 0 <= start < end <= len(doc_text):
        return None
    piece = doc_text[start:end]
    if art.text[start:end] == piece:
        return locator(doc_id, start, end)
    found = [m.start() for m in re.finditer(re.escape(piece), art.text)]
    if not found:
        return None
    at = min(found, key=lambda k: abs(k - start))
    return locator(doc_id, at, at + len(piece))


def polnear_or_none(folder: Path = POLNEAR) -> Corpus | None:
    """PolNeAR when ``../shared`` holds it, else None (the audit scripts then print text, as for any corpus)."""
    try:
        return load_polnear(folder)
    except FileNotFoundError:
        return None


def unlocated(n_words: int) -> str:
    """The note that stands for quoted text the converter could not find in PolNeAR (and dropped).

    >>> unlocated(7)
    '{pn:? 7 words not found}'
    """
    return f"{{pn:? {n_words} word{'s' if n_words != 1 else ''} not found}}"


_CONTINUED_RE = re.compile(r"\n\s*[#|]?")
_STYLES = str.maketrans("’‘‚`´“”„«»–—―…", "'''''\"\"\"\"\"---.", "")
_SPACE_RE = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def _gap_key(gap: str) -> str:
    """What must agree between two words for a run to go on: the punctuation, whitespace and styles aside.

    >>> _gap_key(" “") == _gap_key(' "'), _gap_key("’") == _gap_key("'"), _gap_key(": ") == _gap_key(" ")
    (True, True, False)
    """
    gap = _CONTINUED_RE.sub(" ", gap)  # a comment or context line that goes on below
    gap = gap.replace("''", '"').replace("\\", "").translate(_STYLES)
    return _SPACE_RE.sub("", gap).replace("...", ".")


def _masked(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that are never read as words: locators, notes and article ids."""
    return [m.span() for m in REF_RE.finditer(text)] + [m.span() for m in ARTICLE_ID_RE.finditer(text)]


def _verdict_heads(text: str) -> list[tuple[int, int]]:
    """Spans of each line's verdict head ('12 right', ' 3 y', '[better] 1.'): never part of a run."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        for rx in VERDICT_RES:
            m = rx.match(line)
            if m:
                out.append((pos, pos + m.end()))
                break
        out += [(pos + m.start(), pos + m.end()) for m in SECOND_COLUMN_RE.finditer(line)]
        pos += len(line)
    return out


def text_words(text: str) -> list[tuple[str, int, int]]:
    """The words of an audit text that may be PolNeAR's: masked spans and verdict heads left out.

    A masked span leaves a ``None`` word, which no run crosses.

    >>> [w for w, _, _ in text_words("3 right {pn:nyt_2016-01-01_x@1-9} as written")]
    [None, 'as', 'written']
    """
    barriers = sorted(_masked(text) + _verdict_heads(text))
    out, b = [], 0
    for w in words_of(text):
        while b < len(barriers) and barriers[b][1] <= w[1]:
            if not out or out[-1][0] is not None:
                out.append((None, barriers[b][0], barriers[b][1]))
            b += 1
        if b < len(barriers) and barriers[b][0] <= w[1] < barriers[b][1]:
            continue
        out.append(w)
    return out


@dataclass
class Run:
    """Words ``[i, j)`` of a text that are words ``[p, p + j - i)`` of a PolNeAR article."""

    i: int
    j: int
    article: str
    p: int
    prefix_end: int | None = None  # the last word is a prefix of the article's word: the text's cut ends there


def _ngram_hits(qwords: list, arts: Corpus, n: int) -> dict[tuple, list[tuple[str, int]]]:
    """For every n-word window of ``qwords`` (no ``None`` in it), where PolNeAR holds it: (article id, word).

    Windows not looked up before are searched for in one pass over PolNeAR (about a second), so that a
    caller with many texts should look them all up at once first (``prime``).
    """
    cache = arts.hits.setdefault(n, {})
    grams = {tuple(w[0] for w in qwords[i:i + n]) for i in range(len(qwords) - n + 1)}
    grams = {g for g in grams if None not in g}
    missing = {g for g in grams if g not in cache}  # not `grams - cache.keys()`: that copies the whole cache
    if missing:
        for g in missing:
            cache[g] = []
        for a in arts.values():
            aw = a.bare_words
            for p, g in enumerate(zip(*(aw[k:] for k in range(n)))):
                if g in missing:
                    cache[g].append((a.id, p))
    return {g: cache[g] for g in grams if cache[g]}


def prime(texts: list[str], arts: Corpus, n: int = RUN_WORDS) -> None:
    """Look up the windows of many texts in one pass over PolNeAR (what ``check`` and ``convert`` do first)."""
    _ngram_hits([w for t in texts for w in text_words(t) + [(None, 0, 0)]], arts, n)


def polnear_runs(text: str, arts: Corpus, n: int = RUN_WORDS) -> list[tuple[int, int, str]]:
    """Runs of ``n`` or more words of ``text`` that a PolNeAR article holds, whatever the punctuation.

    Returns (start, end, article id) in ``text``, overlapping windows merged; locators, notes, article
    ids and verdict heads are not read. An audit file in the new form has none.

    >>> arts = Corpus.of({"a": "He said the talks would resume in Geneva next week."})
    >>> polnear_runs("1 right 'the talks would resume in Geneva' (as written)", arts)
    [(9, 41, 'a')]
    >>> polnear_runs("1 right {pn:a@8-41} (as written)", arts)
    []
    """
    qw = text_words(text)
    return _merged_runs(qw, _ngram_hits(qw, arts, n), n)


def _merged_runs(qw: list, hits: dict, n: int) -> list[tuple[int, int, str]]:
    """The spans of ``qw``'s n-word windows that ``hits`` (window -> [(article id, word)]) holds, overlaps merged."""
    spans = []
    for i in range(len(qw) - n + 1):
        g = tuple(w[0] for w in qw[i:i + n])
        if hits.get(g):
            spans.append((qw[i][1], qw[i + n - 1][2], hits[g][0][0]))
    merged = []
    for s, e, a in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]), merged[-1][2])
        else:
            merged.append((s, e, a))
    return merged


def _extend(qw, text, art: Article, i: int, p: int, strict: bool = True) -> Run:
    """The longest run through text word ``i`` = article word ``p`` whose words (and, ``strict``, punctuation) agree."""
    aw, at = art.words, art.text

    def same(k: int, q: int) -> bool:
        return qw[k][0] is not None and qw[k][0] == aw[q][0]

    def gap_ok(k: int, q: int) -> bool:  # the gap before text word k against the gap before article word q
        return not strict or _gap_key(text[qw[k - 1][2]:qw[k][1]]) == _gap_key(at[aw[q - 1][2]:aw[q][1]])

    lo, lp = i, p
    while lo > 0 and lp > 0 and same(lo - 1, lp - 1) and gap_ok(lo, lp):
        lo, lp = lo - 1, lp - 1
    hi, hp = i + 1, p + 1
    while hi < len(qw) and hp < len(aw) and same(hi, hp) and gap_ok(hi, hp):
        hi, hp = hi + 1, hp + 1
    run = Run(lo, hi, art.id, lp)
    if (hi < len(qw) and hp < len(aw) and qw[hi][0] and aw[hp][0].startswith(qw[hi][0])
            and gap_ok(hi, hp) and not text[qw[hi][2]:qw[hi][2] + 1].isspace()):
        run.j, run.prefix_end = hi + 1, aw[hp][1] + len(qw[hi][0])  # 'sha[...]' of 'shape'
    return run


def find_runs(text: str, arts: Corpus, n: int = RUN_WORDS, strict: bool = True) -> list[Run]:
    """Runs of ``n`` or more words of ``text`` an article holds, longest first, disjoint.

    ``strict``: with the same punctuation between the words (a locator then gives the text back as
    written); else whatever stands between them. Where several articles hold a run (a wire story printed
    twice), the one holding the most of the line's other runs is taken, so that one claim's pieces point
    into one article.
    """
    qw = text_words(text)
    hits = _ngram_hits(qw, arts, n)
    cands, done = {}, set()
    for i in range(len(qw) - n + 1):
        for aid, p in hits.get(tuple(w[0] for w in qw[i:i + n]), ()):
            if (aid, p - i, i) in done:  # inside a run already found on this alignment
                continue
            r = _extend(qw, text, arts[aid], i, p, strict)
            done.update((aid, p - i, k) for k in range(r.i, r.j))
            if r.j - r.i >= n:
                cands[(r.i, r.j, aid, r.p)] = r
    breaks = [m.start() for m in re.finditer("\n", text)]
    line_of = [bisect.bisect(breaks, w[1]) for w in qw]
    votes = Counter((line_of[r.i], r.article) for r in cands.values())
    order = sorted(cands.values(), key=lambda r: (-(r.j - r.i), -votes[(line_of[r.i], r.article)], r.article, r.i))
    taken, used = [], [False] * len(qw)
    for r in order:
        if not any(used[r.i:r.j]):
            taken.append(r)
            used[r.i:r.j] = [True] * (r.j - r.i)
    return sorted(taken, key=lambda r: r.i)


def _pieces(text: str, qw, run: Run, arts: Corpus, n: int) -> list[Run]:
    """The pieces of a loose run to replace: its stretches with the article's punctuation, longest (then last) first,
    until no ``n`` of its words are left in a row ('Committee staff member: rejected the offer' keeps the
    speaker, a field of the audit line, and gives the three words of the claim a locator)."""
    art = arts[run.article]
    pieces, k = [], run.i
    while k < run.j:
        piece = _extend(qw, text, art, k, run.p + k - run.i)
        piece.i, piece.p = k, run.p + k - run.i          # a stretch starts where the last one broke off
        piece.j = min(piece.j, run.j)
        if piece.prefix_end and piece.j < run.j:
            piece.prefix_end = None
        pieces.append(piece)
        k = piece.j
    keep = [True] * (run.j - run.i)
    chosen = []
    for piece in sorted(pieces, key=lambda r: (-(r.j - r.i), -r.i)):
        longest = max(len(x) for x in "".join("x" if b else " " for b in keep).split() or [""])
        if longest < n:
            break
        chosen.append(piece)
        keep[piece.i - run.i:piece.j - run.i] = [False] * (piece.j - piece.i)
    return chosen


def _replacement(text: str, qw, run: Run, arts: Corpus) -> list[tuple[int, int, str]]:
    """A run's text as locators, one per line it spans, so that a file's lines stay its lines."""
    aw = arts[run.article].words
    out, k = [], run.i
    while k < run.j:
        m = k
        while m + 1 < run.j and "\n" not in text[qw[m][2]:qw[m + 1][1]]:
            m += 1
        a0 = aw[run.p + (k - run.i)][1]
        a1 = run.prefix_end if (m == run.j - 1 and run.prefix_end) else aw[run.p + (m - run.i)][2]
        out.append((qw[k][1], qw[m][2], locator(run.article, a0, a1)))
        k = m + 1
    return out


QUOTE_RE = re.compile(r"“[^”\n]+”|\"[^\"\n]+\"|''(?:(?!'')[^\n])+''|(?<!\w)'[^'\n]+'(?!\w)")
ELISION_RE = re.compile(r"\[\.\.\.\]|\.\.\.|…")
FRAGMENT_WORDS = 3
"""A quoted fragment of this many words, cut off by an ellipsis, is looked for in its line's article."""


def _fragments(line: str) -> list[tuple[int, int]]:
    """Spans of the quoted fragments of a line: quoted text between ellipses and locators, of ``FRAGMENT_WORDS``
    words or more ('The mayor seemed to wave ... when he told reporters' is two, of 5 and 4 words).

    >>> line = "2 wrong 'he' ('The mayor seemed to wave ... when he told reporters')"
    >>> [line[s:e] for s, e in _fragments(line)]
    ['The mayor seemed to wave', 'when he told reporters']
    """
    out = []
    for q in QUOTE_RE.finditer(line):
        inner_start = q.start() + (2 if q.group().startswith("''") else 1)
        inner_end = q.end() - (2 if q.group().startswith("''") else 1)
        cuts = sorted([m.span() for m in ELISION_RE.finditer(line, inner_start, inner_end)]
                      + [m.span() for m in REF_RE.finditer(line, inner_start, inner_end)])
        pos = inner_start
        for s, e in cuts + [(inner_end, inner_end)]:
            ws = words_of(line[pos:s])
            if len(ws) >= FRAGMENT_WORDS:
                out.append((pos + ws[0][1], pos + ws[-1][2]))
            pos = e
    return out


def _locate_in(line: str, s: int, e: int, art: Article) -> Run | None:
    """Where an article holds the words of ``line[s:e]`` with their punctuation, or None."""
    qw = text_words(line)
    idx = [k for k, w in enumerate(qw) if w[0] is not None and s <= w[1] and w[2] <= e]
    if not idx or idx != list(range(idx[0], idx[-1] + 1)):
        return None
    i0, i1 = idx[0], idx[-1] + 1
    for p, w in enumerate(art.words):
        if w[0] == qw[i0][0]:
            r = _extend(qw, line, art, i0, p)
            if r.i <= i0 and r.j >= i1:
                return Run(i0, i1, art.id, r.p + i0 - r.i,
                           r.prefix_end if r.j == i1 else None)
    return None


def locate_fragments(text: str, arts: Corpus) -> tuple[str, Counter]:
    """Quoted fragments shorter than a run ('The mayor seemed to wave ... when he told reporters') as locators
    into their line's article, the one its locators point into (the runs ``convert_text`` found first).

    A fragment that article does not hold stays as written and is counted (``not_located``): it is shorter
    than a run, and a line that lists several claims' words may quote an article it does not point into.
    A line with no locator keeps its quotes (they are the audit's own words, or names).
    """
    counts, lines = Counter(), []
    for line in text.splitlines(keepends=True):
        ids = list(dict.fromkeys(m.group(1) for m in LOCATOR_RE.finditer(line) if m.group(1) in arts))
        edits = []
        if ids:
            qw = text_words(line)
            for s, e in _fragments(line):
                run = next((r for r in (_locate_in(line, s, e, arts[a]) for a in ids) if r), None)
                if run:
                    edits += _replacement(line, qw, run, arts)
                    counts["fragments"] += 1
                else:
                    counts["not_located"] += 1
                    counts["not_located_words"] += len(words_of(line[s:e]))
        for s, e, new in sorted(edits, reverse=True):
            line = line[:s] + new + line[e:]
        lines.append(line)
    return "".join(lines), counts


def convert_text(text: str, arts: Corpus, n: int = RUN_WORDS) -> tuple[str, dict]:
    """An audit text with its PolNeAR text as locators; the same text back when it holds none (idempotent).

    Three steps: runs of ``n`` words an article holds with the same punctuation become locators; then runs
    with other punctuation between their words, in pieces that keep the line's own punctuation ('Committee
    staff member: rejected the offer' keeps the speaker and its colon, the claim's three words become a
    locator); then quoted fragments cut by ellipses (``locate_fragments``). Returns the new text and counts:
    ``runs`` replaced and the ``words`` they held, ``fragments`` located, ``not_located`` fragments kept as
    written, and ``unlocated`` runs dropped for a note (none: every run found has a place in PolNeAR; the
    note is the guarantee that no run is left, should a text ever hold one the steps miss).

    >>> arts = Corpus.of({"a": "Mr. Smith said: “We will win the state by ten points,” to cheers."})
    >>> new, counts = convert_text("4 right John Smith ('We will win the state by ten points')", arts)
    >>> new
    "4 right John Smith ('{pn:a@17-52}')"
    >>> convert_text(new, arts)[0] == new
    True
    >>> render_text(new, arts)
    "4 right John Smith ('We will win the state by ten points')"
    """
    counts = Counter()
    for strict in (True, False):
        while True:
            qw = text_words(text)
            runs = find_runs(text, arts, n, strict)
            if not strict:
                runs = [p for r in runs for p in _pieces(text, qw, r, arts, n)]
            if not runs:
                break
            edits = [e for r in runs for e in _replacement(text, qw, r, arts)]
            counts["runs"] += len(runs)
            counts["words"] += sum(r.j - r.i for r in runs)
            for s, e, new in sorted(edits, reverse=True):
                text = text[:s] + new + text[e:]
    text, more = locate_fragments(text, arts)
    counts.update(more)
    for s, e, _ in reversed(polnear_runs(text, arts, n)):  # none by construction: every run found is replaced
        counts["unlocated"] += 1
        counts["unlocated_words"] += len(words_of(text[s:e]))
        text = text[:s] + unlocated(len(words_of(text[s:e]))) + text[e:]
    return text, dict(counts)


def file_safe(text: str, arts: Corpus | None) -> str:
    """Text an audit script prints for a file, with any PolNeAR run left in it (a long speaker name, an issue's
    phrases) as a locator too; as it is when there is no PolNeAR to look in.

    >>> file_safe("4 ? We will win the state by ten points", None)
    '4 ? We will win the state by ten points'
    """
    return convert_text(text, arts)[0] if arts else text


def render_text(text: str, arts: Corpus, mark: bool = False) -> str:
    """An audit text with each locator replaced by the article text it points at (whitespace collapsed).

    ``mark`` wraps the text read from PolNeAR in ``⟦ ⟧``. A locator whose article is not in PolNeAR or
    whose offsets fall outside it is left as it is, followed by ``[not in PolNeAR]``.

    >>> arts = Corpus.of({"a": "He said the talks\\nwould resume."})
    >>> render_text("1 right ({pn:a@8-30})", arts, mark=True)
    '1 right (⟦the talks would resume⟧)'
    """
    def one(m: re.Match) -> str:
        a = arts.get(m.group(1))
        s, e = int(m.group(2)), int(m.group(3))
        if a is None or not 0 <= s <= e <= len(a.text):
            return m.group(0) + " [not in PolNeAR]"
        said = " ".join(a.text[s:e].split())
        return f"⟦{said}⟧" if mark else said

    return LOCATOR_RE.sub(one, text)


def paragraph(art: Article, start: int, end: int, width: int = 600) -> str:
    """The paragraph(s) of an article around ``[start, end)``, the span ``[[marked]]``, at most ``width`` chars each side."""
    t = art.text
    lo = max(t.rfind("\n\n", 0, start) + 2 if t.rfind("\n\n", 0, start) >= 0 else 0, start - width)
    hi_par = t.find("\n\n", end)
    hi = min(len(t) if hi_par < 0 else hi_par, end + width)
    out = t[lo:start] + "[[" + t[start:end] + "]]" + t[end:hi]
    return ("…" if lo > 0 else "") + " ".join(out.split()) + ("…" if hi < len(t) else "")


def count_verdicts(text: str) -> Counter:
    """Verdicts in an audit text, by verdict, read from the heads of its lines (either form).

    >>> sorted(count_verdicts("# 1 right\\n1 right Trump\\n2 wrong 'he'\\n 3 y campaign\\n[worse ] 4. x").items())
    [('right', 1), ('worse', 1), ('wrong', 1), ('y', 1)]
    """
    tally = Counter()
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            continue
        for rx in VERDICT_RES:
            m = rx.match(line)
            if m:
                tally[m.group("v").lower()] += 1
                break
        else:
            tally.update(m.group("v") for m in ISSUE_COLUMNS_RE.finditer(line))
        for m in SECOND_COLUMN_RE.finditer(line):
            tally[m.group("v")] += 1
    return tally


def loose_words(text: str) -> list[str]:
    """The words a rendered text and its original share: every word, ids and notes aside, for round trips."""
    return [w for w, _, _ in words_of(REF_RE.sub(" ", text))]


def tracked_texts(root: Path = ROOT) -> dict[Path, str]:
    """Every file git tracks under ``root`` that reads as UTF-8, by path (what ``scan`` reads when given no file).

    Nothing is left out but files that are not text (the PNG screenshots of docs/: no words to quote). Raises
    FileNotFoundError when git is missing, subprocess.CalledProcessError when ``root`` is no git checkout.
    """
    out = subprocess.run(["git", "-C", str(root), "ls-files", "-z"], capture_output=True, text=True, check=True).stdout
    texts = {}
    for name in filter(None, out.split("\0")):
        try:
            texts[root / name] = (root / name).read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError):  # an image; a tracked file deleted in the work tree
            continue
    return texts


def scan_texts(texts: dict, arts: Corpus, n: int = RUN_WORDS) -> list[tuple[int, str, int, str, str]]:
    """Runs of ``n`` or more PolNeAR words in any texts: (words, path, line, article id, the run's text), by path.

    The one check of the repository for PolNeAR text (``scan``; tests/test_audit_refs.py runs it over every
    tracked file). An audit file's locators, notes and verdict heads are never read as words, in any file.

    >>> arts = Corpus.of({"a": "He said the talks would resume in Geneva next week."})
    >>> scan_texts({"x.md": "We think the talks would resume in Geneva soon.", "y.md": "{pn:a@8-41}"}, arts)
    [(6, 'x.md', 1, 'a', 'the talks would resume in Geneva')]
    """
    words = {path: text_words(text) for path, text in texts.items()}  # read once: the repository is megabytes
    _ngram_hits([w for qw in words.values() for w in qw + [(None, 0, 0)]], arts, n)
    found = []
    for path, text in texts.items():
        for s, e, a in _merged_runs(words[path], arts.hits[n], n):
            found.append((len(words_of(text[s:e])), str(path), text.count("\n", 0, s) + 1, a, text[s:e]))
    return found


# ---------------------------------------------------------------------------------------------- commands

def _files(paths: list[str]) -> list[Path]:
    out = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(q for q in p.rglob("*") if q.is_file() and q.suffix in (".py", ".md", ".txt", ".rst", ".json",
                                                                                   ".jsonl", ".yaml", ".yml", ".ipynb"))
        elif p.exists():
            out.append(p)
        else:
            raise FileNotFoundError(f"no file {p}: check the path")  # one line, exit 2 (script_main); 1 is "runs found"
    return out


def cmd_convert(args, arts) -> int:
    """Rewrite files in place; print per file the verdicts before and after and what was replaced."""
    print(f"{'file':46} {'verdicts':>8} {'after':>6} {'runs':>5} {'words':>6} {'frags':>5} {'kept':>9} "
          f"{'unlocated':>9}  words back")
    lost = 0
    totals = Counter()
    paths = _files(args.files)
    prime([p.read_text(encoding="utf-8") for p in paths], arts, args.n)
    for path in paths:
        old = path.read_text(encoding="utf-8")
        new, c = convert_text(old, arts, args.n)
        before, after = count_verdicts(old), count_verdicts(new)
        back = loose_words(render_text(new, arts)) == loose_words(old)
        lost += sum(before.values()) - sum(after.values()) + (not back and not c.get("unlocated"))
        c.update(before=sum(before.values()), after=sum(after.values()))
        totals.update(c)
        print(_convert_row(path.name, c, back))
        if before != after:
            print(f"   verdicts differ: {dict(before)} -> {dict(after)}", file=sys.stderr)
        if new != old and not args.dry_run:
            path.write_text(new, encoding="utf-8")
    print(_convert_row("total", totals, ""))
    if totals["unlocated"]:
        print(f"{totals['unlocated']} runs ({totals['unlocated_words']} words) could not be given a locator: their text "
              f"is dropped for a note {{pn:? N words not found}}, their lines and verdicts kept", file=sys.stderr)
    return 1 if lost else 0


def _convert_row(name: str, c: dict, back) -> str:
    """One row of ``convert``'s table."""
    return (f"{name:46} {c.get('before', 0):8} {c.get('after', 0):6} {c.get('runs', 0):5} {c.get('words', 0):6} "
            f"{c.get('fragments', 0):5} {c.get('not_located', 0):3} ({c.get('not_located_words', 0):3} w) "
            f"{c.get('unlocated', 0):3} ({c.get('unlocated_words', 0):3} w)  {back}")


def cmd_render(args, arts) -> int:
    """Print a file with its locators' text; --context adds each located claim's paragraph under its line."""
    for path in _files(args.files):
        for line in path.read_text(encoding="utf-8").splitlines():
            print(render_text(line, arts, mark=args.mark))
            if args.context:
                for m in LOCATOR_RE.finditer(line):
                    a = arts.get(m.group(1))
                    if a:
                        para = paragraph(a, int(m.group(2)), int(m.group(3)))
                        print(textwrap.indent(textwrap.fill(para, 110), "      | "))
    return 0


def cmd_check(args, arts) -> int:
    """Print PolNeAR runs left in files and their verdicts; exit 1 when any file holds a run."""
    bad = 0
    paths = _files(args.files)
    prime([p.read_text(encoding="utf-8") for p in paths], arts, args.n)
    for path in paths:
        text = path.read_text(encoding="utf-8")
        runs = polnear_runs(text, arts, args.n)
        bad += bool(runs)
        v = count_verdicts(text)
        print(f"{path.name:52} verdicts {sum(v.values()):4}  PolNeAR runs {len(runs)}")
        for s, e, a in runs[:args.show]:
            print(f"   {len(words_of(text[s:e]))} words ({a}): {text[s:e][:120]!r}")
    return 1 if bad else 0


def cmd_scan(args, arts) -> int:
    """Report runs of --n or more words found in PolNeAR in files (default: every file git tracks); exit 1 on any."""
    if args.files:
        texts = {}
        for path in _files(args.files):
            try:
                texts[path] = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue
    else:
        texts = _tracked_or_exit(ROOT)
    found = scan_texts(texts, arts, args.n)
    by_file = Counter(f for _, f, *_ in found)
    for f, k in by_file.most_common():
        print(f"{k:5} runs  {f}")
    print(f"{len(found)} runs of >= {args.n} words in {len(by_file)} files of {len(texts)}; the longest:")
    for n, f, line, a, t in sorted(found, reverse=True)[:args.show]:
        print(f"  {n:4} words  {f}:{line}  ({a})  {' '.join(t.split())[:100]!r}")
    return 1 if found else 0


def _tracked_or_exit(root: Path) -> dict[Path, str]:
    """The tracked texts under ``root`` by path relative to it, for ``scan`` with no file. Where git gives no
    list (git missing, ``root`` no git checkout: an unpacked sdist, a copied tree; a checkout that tracks nothing
    under it) one line on stderr says so and what to do, and the exit status is 2."""
    try:
        texts = tracked_texts(root)
    except FileNotFoundError:
        cause = "git is not on the PATH"
    except subprocess.CalledProcessError:
        cause = f"{root} is not a git checkout"
    else:
        if texts:
            return {p.relative_to(root): t for p, t in texts.items()}
        cause = f"git tracks no file under {root}"
    print(f"audit_refs: error: scan with no file reads the files git tracks, but {cause}; name the files or "
          f"folders to scan (python bench/audit_refs.py scan graphkit tests bench README.md) or run it in a git "
          f"clone of the repository", file=sys.stderr)
    raise SystemExit(2)  # 1 is scan's "runs found"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--polnear", type=Path, default=POLNEAR, help="folder of PolNeAR's train.jsonl and dev.jsonl")
    ap.add_argument("--n", type=int, default=RUN_WORDS, help=f"words in a run that counts (default {RUN_WORDS})")
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("convert", help=cmd_convert.__doc__)
    c.add_argument("files", nargs="+")
    c.add_argument("--dry-run", action="store_true", help="print the table, write nothing")
    r = sub.add_parser("render", help=cmd_render.__doc__)
    r.add_argument("files", nargs="+")
    r.add_argument("--context", action="store_true")
    r.add_argument("--mark", action="store_true", help="wrap PolNeAR's text in ⟦ ⟧")
    k = sub.add_parser("check", help=cmd_check.__doc__)
    k.add_argument("files", nargs="+")
    k.add_argument("--show", type=int, default=5)
    s = sub.add_parser("scan", help=cmd_scan.__doc__)
    s.add_argument("files", nargs="*")
    s.add_argument("--show", type=int, default=15)
    args = ap.parse_args(argv)
    try:
        arts = load_polnear(args.polnear)
    except FileNotFoundError as e:
        print(f"audit_refs: error: {e}", file=sys.stderr)
        return 2
    try:
        return {"convert": cmd_convert, "render": cmd_render, "check": cmd_check, "scan": cmd_scan}[args.cmd](args, arts)
    except BrokenPipeError:  # `... render FILE | head`
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("audit_refs", main))
