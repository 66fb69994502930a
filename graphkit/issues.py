"""Claims → issues, from the corpus's taxonomy (``CORPUS/issues.yaml`` over ``models/issues.yaml``).

A corpus that brings no taxonomy gets one discovered from its claims (graphkit.discover), in
the same form; either way a claim gets at most three issues (`assign_claim`), each with the words
that triggered it and a score.

Matching is on light lemmas of words (case folded, plural and possessive
endings removed, ``annex*`` prefixes), so "guarantees" matches "guarantee" and
"Europe's" matches "Europe", without running spaCy: it is fast enough to re-run
over a whole store after the taxonomy changes. Each assignment says which words
triggered it.

The claim's *context* (the sentence before it in the same paragraph) counts
less: only the triggers an issue lists under ``context:`` (its names, not its
loose words) count there, and only when the claim's own words name no issue or
the claim points back at the context ("denied any such losses").

>>> assign_issues("firm security guarantees remain central goals", taxonomy=_sample_taxonomy())
[('security guarantees', 'security guarantees')]
>>> assign_issues("You had your chances, guys. You simply failed.",
...               context="Lavrov went further, arguing that European efforts disqualify it.", taxonomy=_sample_taxonomy())
[('Europe', 'context: European')]
>>> [i.id for i in issue_records(_sample_taxonomy())][:2]
['issue:europe', 'issue:nato']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Sequence

from .errors import ModelsFileError
from .issue_evidence import CONTEXT_MARK
from .names import slug
from .records import Issue

__all__ = ["Taxonomy", "IssueDef", "Assignment", "load_taxonomy", "taxonomy_of", "assign_issues", "assign_claim",
           "assign_issues_doc", "issue_records", "light_lemma", "slug", "best_scored", "MAX_ISSUES"]

MAX_ISSUES = 3  # a claim is about at most this many issues: the best scored (`best_scored`)


def best_scored(items: Iterable, score: Callable[[Any], float], rank: Callable[[Any], Any],
                limit: int = MAX_ISSUES) -> list:
    """The ``limit`` best of ``items`` by ``score``, a tie to the lower ``rank`` (an issue's position in the taxonomy),
    best first: the one choice of a claim's issues, for a report (`assign_claim`, `_best_discovered`) as for a
    statement several articles report (`graphkit.statements.best_issues`).

    >>> scores = {"tax": 0.5, "NHS": 0.5, "schools": 0.75, "pensions": 0.5}
    >>> best_scored(["tax", "NHS", "schools", "pensions"], scores.get, ["NHS", "tax", "pensions", "schools"].index)
    ['schools', 'NHS', 'tax']
    """
    return sorted(items, key=lambda x: (-score(x), rank(x)))[:limit]


class Assignment(tuple):
    """One issue of a claim as a build keeps it, ``(issue, evidence, score)``, and beside it the triggers it was
    given by: ``triggers``, the issue's words said in the claim itself, and ``context``, those said around it (the rest
    of its sentence, or the sentence before), each a tuple of the words as written. The evidence is those joined for a
    reader and the store (`evidence_text`); what reads an assignment's triggers reads the tuples, never the joined
    text back (`graphkit.apart_votes.names_only`, `graphkit.issue_model.lone_trigger`). Compared, stored and unpacked
    as the 3-tuple. A learnt issue or an article's is a plain 3-tuple: no triggers gave it (`triggers_of`).

    >>> a = Assignment("trade policy", 0.75, ("free trade", "TPP"), ("tariffs",))
    >>> a, a.issue, a.triggers, a.context
    (('trade policy', 'free trade, TPP, context: tariffs', 0.75), 'trade policy', ('free trade', 'TPP'), ('tariffs',))
    >>> a == ("trade policy", "free trade, TPP, context: tariffs", 0.75)
    True
    >>> import pickle; b = pickle.loads(pickle.dumps(a)); (b == a, b.triggers, b.context)
    (True, ('free trade', 'TPP'), ('tariffs',))
    """

    def __new__(cls, issue: str, score: float, triggers: Sequence[str] = (), context: Sequence[str] = (),
                evidence: Optional[str] = None):
        """``evidence``: the joined text when not `evidence_text`'s (a hand-made taxonomy's context triggers,
        `assign_issues`)."""
        triggers, context = tuple(triggers), tuple(context)
        self = super().__new__(cls, (issue, evidence_text(triggers, context) if evidence is None else evidence, score))
        self.triggers, self.context = triggers, context
        return self

    def __reduce__(self):
        return Assignment, (self[0], self[2], self.triggers, self.context, self[1])

    @property
    def issue(self) -> str:
        return self[0]

    @property
    def evidence(self) -> str:
        return self[1]

    @property
    def score(self) -> float:
        return self[2]


def triggers_of(assignment: Sequence) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the triggers said in the claim itself, those said around it) of an issue given to a claim: an `Assignment`'s,
    none for any other (a learnt issue, an article's, an issue read back from a store).

    >>> triggers_of(Assignment("tax", 0.5, ("council tax",))), triggers_of(("tax", "(article)", 0.2))
    ((('council tax',), ()), ((), ()))
    """
    if isinstance(assignment, Assignment):
        return assignment.triggers, assignment.context
    return (), ()


def evidence_text(triggers: Sequence[str], context: Sequence[str]) -> str:
    """An assignment's triggers joined for a reader (`Assignment`): the claim's own, then those said around it, each
    marked `graphkit.issue_evidence.CONTEXT_MARK` (``context: ``).

    >>> evidence_text(["TPP"], ["free trade", "tariffs"])
    'TPP, context: free trade, context: tariffs'
    """
    return ", ".join([*triggers, *(CONTEXT_MARK + t for t in context)])


# a word; a single letter hyphenated to one is one word with it, as often written without the hyphen: "e-mails" is
# "emails" (PolNeAR train discovered "emails" and "mails" apart)
_WORD = re.compile(r"(?<![A-Za-z0-9\u00C0-\u024F])(?:[A-Za-z][-\u2010\u2011](?=[A-Za-z]))?[A-Za-z0-9\u00C0-\u024F]+")
_HYPHENS = frozenset("-\u2010\u2011")
_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


@lru_cache(maxsize=65536)
def light_lemma(word: str) -> str:
    """Lower-case, drop a plural ending; enough to match nouns of a taxonomy.

    Cached: a build asks for the same few thousand words over and over.

    >>> [light_lemma(w) for w in ["Guarantees", "territories", "losses", "talks", "Brussels", "us", "this"]]
    ['guarantee', 'territory', 'loss', 'talk', 'brussel', 'us', 'this']
    """
    w = word.lower()
    if len(w) <= 3 or not w.endswith("s"):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("sses"):
        return w[:-2]
    if w.endswith(("ches", "shes", "xes")):
        return w[:-2]
    if w.endswith(("ss", "us", "is")):
        return w
    return w[:-1]


def _words(text: str) -> list[tuple[str, str, int, int]]:
    """(surface lower, light lemma, start, end) of each word; possessive 's dropped."""
    return _words_of(text.translate(_APOS))


def _words_of(text: str, word: re.Pattern = _WORD) -> list[tuple[str, str, int, int]]:
    """`_words` of a text whose apostrophes are already normalised (``text.translate(_APOS)``); ``word``: what a
    word is (`_compile` reads a trigger's words with `_TRIGGER_WORD`, a prefix's "*" kept)."""
    out = []
    for m in word.finditer(text):
        w = m.group(0)
        if w[1:2] in _HYPHENS:  # "e-mails" is "emails": `_WORD` lets in one hyphen, after a first letter
            w = w[0] + w[2:]
        s = m.start()
        if (w == "s" or w == "S") and s > 0 and text[s - 1] == "'":
            continue  # the s of a possessive
        low, lem = _lex(w)
        out.append((low, lem, s, m.end()))
    return out


@lru_cache(maxsize=65536)
def _lex(word: str) -> tuple[str, str]:
    """(lower case, light lemma) of a word."""
    return word.lower(), light_lemma(word)


#: what ends a phrase between two of its words: a clause's or a sentence's punctuation ("security, guarantees",
#: "running. Mate", "security \u2014 guarantees"); spaces, hyphens, a possessive, quotation marks and brackets leave the
#: words one phrase ('"major party" candidates', "[the debate] stage"), and so does what the trigger is written with
#: ("U.N.": `gap_residue`)
_ENDS_PHRASE = re.compile(r"[^,;:.!?/|\u2013\u2014\u2026]+")
#: hyphens written for a dash: spaced ("security - guarantees") or doubled ("security--guarantees"), as news text often
#: has them
_HYPHENS_FOR_DASH = re.compile(r"\s[-\u2010\u2011]+\s|[-\u2010\u2011]{2,}")


def gap_residue(gap: str) -> str:
    """What of the text between two words ends a phrase (`_ENDS_PHRASE`): "" for words of one phrase; a comma, a full
    stop, a colon or a dash (a hyphen written for one among them: `_HYPHENS_FOR_DASH`) ends it unless its trigger is
    written with it.

    >>> [gap_residue(g) for g in [" ", "-", "'s ", '" ', "] ", ", ", ". ", " \u2014 ", " - ", "--"]]
    ['', '', '', '', '', ',', '.', '\u2014', '\u2014', '\u2014']
    """
    return _ENDS_PHRASE.sub("", _HYPHENS_FOR_DASH.sub("\u2014", gap))


@dataclass(frozen=True)
class _Pattern:
    written: str                      # as written in the YAML
    words: tuple[tuple[str, bool], ...]  # (lemma or prefix, is_prefix)
    gaps: tuple[str, ...] = ()        # between each word and the next as written, less what joins them (`gap_residue`)

    def match_at(self, words, i, text: str = "") -> int:
        """Number of words matched at position i (0 when no match). With the ``text`` the words were read from, the
        words matched must be one phrase there: nothing but what the trigger is written with between them
        (`gap_residue`), so "security guarantees" is not said in "more than security, guarantees alone"."""
        if i + len(self.words) > len(words):
            return 0
        for k, (w, prefix) in enumerate(self.words):
            surf, lem = words[i + k][0], words[i + k][1]
            if prefix:
                if not surf.startswith(w):
                    return 0
            elif lem != w and surf != w:
                return 0
            if k and text and gap_residue(text[words[i + k - 1][3]:words[i + k][2]]) not in ("", self.gaps[k - 1]):
                return 0
        return len(self.words)


#: a word of a trigger as written: a word as `_WORD` reads one in a text ("e-mail" one word), or a prefix ("annex*")
_TRIGGER_WORD = re.compile(_WORD.pattern + r"\*?")


def _compile(written: str, where: str) -> _Pattern:
    """A trigger as written, compiled: its words read as a text's are (`_words_of`: "e-mail address" is "email",
    "address"; "Women's rights" is "women", "rights"), each a light lemma or a prefix ("annex*")."""
    if not isinstance(written, str) or not written.strip():
        raise ModelsFileError(f"{where}: a trigger is empty or not text ({written!r}); write it as a plain string")
    text = written.translate(_APOS)
    parts, spans = [], []
    for low, lemma, start, end in _words_of(text, _TRIGGER_WORD):
        if low.endswith("*"):
            if len(low) < 4:
                raise ModelsFileError(f"{where}: prefix {text[start:end]!r} is too short to be safe; use at least 3 "
                                      "letters before '*'")
            parts.append((low[:-1], True))
        else:
            parts.append((lemma, False))
        spans.append((start, end - low.endswith("*")))
    if not parts:
        raise ModelsFileError(f"{where}: trigger {written!r} has no words; remove it or write words")
    gaps = tuple(gap_residue(text[a[1]:b[0]]) for a, b in zip(spans, spans[1:]))
    return _Pattern(written, tuple(parts), gaps)


@dataclass(frozen=True)
class IssueDef:
    """One issue of the taxonomy, compiled for matching."""

    name: str
    id: str
    description: Optional[str]
    patterns: tuple[_Pattern, ...]
    context: tuple[_Pattern, ...]
    origin: str = "taxonomy"  # or "discovered" (graphkit.discover)
    #: phrases (folded: `fold_phrase`) said mostly where the issue's other phrases are not
    #: (`graphkit.phrase_groups.said_apart`): a claim whose triggers of the issue are only these is not given it, nor
    #: votes for it in its article (`graphkit.apart_votes.names_only`, `graphkit.apart_votes.voting_issues`); an issue
    #: within another (``within``) lists its name here when that is a word said mostly away from its other phrases, and
    #: the word then counts as any single word (`own_name`, `graphkit.discover.name_said_apart`); the file's ``apart:``
    #: list
    apart: frozenset = frozenset()
    #: the issue whose phrases said apart (``apart``) these are, when this issue is made of them
    #: (`graphkit.discover.within_issues`): in a discovered taxonomy a claim gets it only where no issue of its own
    #: triggers is left to it (it would take its article's or a learnt one), and it neither votes among its article's
    #: claims nor teaches the issue model (`graphkit.issue_model.said_within`); a literal one assigns it as any issue;
    #: the file's ``within:``
    within: Optional[str] = None
    #: an issue one article's voices talk about (`graphkit.topical.article_topics`): in a discovered taxonomy a claim
    #: gets it only where its own triggers give no other issue, in the place of its article's or a learnt one, and it
    #: neither teaches the issue model nor counts in the article's votes, as an issue ``within`` another
    #: (`graphkit.issue_model.said_within`); given to enough of an article's claims, it takes that article's offers
    #: their votes for it hold most (`graphkit.topic_votes.topics_hold`); the file's ``article_topic: true``
    article_topic: bool = False


#: how many (text, kind) trigger look-ups a taxonomy remembers (`Taxonomy._matches`): PolNeAR train's 14,988 claims
#: ask ~30,000 (their texts and sentences) before asking their texts again; a few MB
MATCHES_MEMO = 1 << 16


@dataclass(frozen=True)
class Taxonomy:
    """The compiled taxonomy: issues in file order, and where it was read from."""

    issues: tuple[IssueDef, ...]
    source: str = "models/issues.yaml"
    evidence: str = "literal"  # "discovered": the file's top-level ``evidence: discovered`` (`issues suggest` writes it)
    _index: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def discovered(self) -> bool:
        """Its issues are assigned as discovered ones (firmer evidence, issues learnt for claims without
        triggers): all were discovered from the corpus (graphkit.discover), or the file says
        ``evidence: discovered`` — so a file from `graphkit issues suggest`, dropped into the corpus as it
        is, assigns the claims the build that discovered it did."""
        return bool(self.issues) and (self.evidence == "discovered" or all(i.origin == "discovered" for i in self.issues))

    @property
    def names(self) -> list[str]:
        return [i.name for i in self.issues]

    def __post_init__(self):
        # first-word index per kind ('own' patterns, 'context' triggers): exact lemma → [(issue #, pattern)],
        # prefixes kept apart (first 3 letters → [(stem, issue #, pattern)]); file order within each list
        for kind in ("own", "context"):
            exact: dict[str, list] = {}
            prefix: dict[str, list] = {}
            for n, iss in enumerate(self.issues):
                for p in (iss.patterns if kind == "own" else iss.context):
                    w, is_prefix = p.words[0]
                    if is_prefix:
                        prefix.setdefault(w[:3], []).append((w, n, p))
                    else:
                        exact.setdefault(w, []).append((n, p))
            self._index[kind] = (exact, prefix)

    def _matches(self, text: str, kind: str) -> dict[int, list[str]]:
        """issue # → trigger words as written in text, for patterns of `kind` ('own' or 'context').

        Remembered for the last `MATCHES_MEMO` texts: the extraction asks again about a claim whose own
        sentence gave no issue (with the sentence before as context), claims of one sentence share their
        context, and assigning a corpus's claims to discovered issues reads each claim's own text twice, once
        with its sentence (`_assign_discovered`) and again, after the issue model, for what its words say too
        little of (`weak_issues`), a whole corpus apart. A taxonomy with articles' topics is read as two
        (`topics_apart`), each with a memo of its own: a claim is matched against the rest, against the topics when
        the rest gives it none, and again against the whole in `weak_issues` (no memo hit there then; up to three
        matchings of a claim; PolNeAR dev's resolve took the same CPU in paired builds, session 62's lead). The
        result is shared: do not change it.
        """
        memo = self._index.setdefault("memo", {})
        hit = memo.get((text, kind))
        if hit is None:
            if len(memo) >= MATCHES_MEMO:
                memo.clear()
            hit = memo[(text, kind)] = self._find(text, kind)
        return hit

    def _find(self, text: str, kind: str) -> dict[int, list[str]]:
        words = words_read(text)
        text = text.translate(_APOS)
        found: dict[int, list[tuple[int, int]]] = {}
        exact, prefix = self._index[kind]
        for i, (surf, lem, _, _) in enumerate(words):
            by_lem, by_surf, by_prefix = exact.get(lem), surf != lem and exact.get(surf), prefix.get(surf[:3])
            if not (by_lem or by_surf or by_prefix):
                continue  # most words start no trigger
            cands = list(by_lem or ())
            if by_surf:
                cands += by_surf
            if by_prefix:
                cands += [(n, p) for w, n, p in by_prefix if surf.startswith(w)]
            for n, p in cands:
                m = p.match_at(words, i, text)
                if m:
                    s, e = words[i][2], words[i + m - 1][3]
                    lst = found.setdefault(n, [])
                    # keep the longest triggers: drop spans inside another of the same issue
                    if not any(ts <= s and e <= te for ts, te in lst):
                        lst[:] = [(ts, te) for ts, te in lst if not (s <= ts and te <= e)]
                        lst.append((s, e))
        out = {}
        for n, spans in found.items():
            seen, trigs = set(), []
            for s, e in sorted(spans):
                t = text[s:e]
                if t.lower() not in seen:
                    seen.add(t.lower())
                    trigs.append(t)
            out[n] = trigs
        return out


#: at most this many texts' words are held by `words_ahead` (~2.2 kB a text on PolNeAR dev: ~70 MB at most)
WORDS_AHEAD_MAX = 1 << 15
_AHEAD: dict[str, list] = {}


def words_ahead(texts: Iterable[str]) -> None:
    """Work out now the words a taxonomy's trigger look-up reads of each of ``texts`` (`Taxonomy._find`), for the
    look-ups after to take instead of reading the text again; the first `WORDS_AHEAD_MAX` texts are held until
    `forget_words_ahead`. A ``--workers`` build does it for each claim's text and sentence as its extraction
    arrives (graphkit.resolution.ArrivedInputs), while the workers parse and the two cores are busy anyway: the
    resolution after the parse runs on one core, and reading the words was a tenth of its issue stage (PolNeAR dev
    ~0.04 of 0.4 CPU s). The words are those reading the text gives (a function of the text alone).

    >>> words_ahead(["Europe must pay"]); _AHEAD["Europe must pay"] == _words("Europe must pay")
    True
    >>> forget_words_ahead(); _AHEAD
    {}
    """
    for t in texts:
        if len(_AHEAD) >= WORDS_AHEAD_MAX:
            return
        if t and t not in _AHEAD:
            _AHEAD[t] = _words(t)


def words_read(text: str) -> list[tuple[str, str, int, int]]:
    """`_words` of ``text``, as `words_ahead` worked them out while the workers parsed when it did: the one read of a
    claim's words for its triggers (`Taxonomy._find`) and for what it says (`word_stems`).

    >>> words_read("Europe's bills") == _words("Europe's bills")
    True
    """
    words = _AHEAD.get(text)
    return _words(text) if words is None else words


def forget_words_ahead() -> None:
    """Drop the words `words_ahead` held (the resolution that read them is done)."""
    _AHEAD.clear()


def fold_phrase(phrase: str) -> str:
    """A phrase as discovery counts it and a trigger is compared with it: its words' light lemmas, case folded
    (graphkit.topical.phrase_key).

    >>> fold_phrase("Party insiders"), fold_phrase("middle-class")
    ('party insider', 'middle class')
    """
    return " ".join(lem for _, lem, _, _ in _words(phrase))


def _check_listed(item: dict, key: str, where: str) -> None:
    """Refuse an issue's ``key`` (its patterns, entities, context or apart triggers) written as anything but a list:
    a number stopped the build with a traceback, and a string was read letter by letter, each letter a trigger.

    >>> _check_listed({"patterns": "council tax"}, "patterns", "issues.yaml, issue #1 (tax)")
    Traceback (most recent call last):
    graphkit.errors.ModelsFileError: issues.yaml, issue #1 (tax): 'patterns' is 'council tax', not a list; write it as a list of triggers, e.g. patterns: [council tax]
    """
    value = item.get(key)
    if value is not None and not isinstance(value, list):
        raise ModelsFileError(f"{where}: '{key}' is {value!r}, not a list; write it as a list of triggers, e.g. "
                              f"{key}: [{value if isinstance(value, str) else 'council tax'}]")


def _parse(data, source: str, origin: str = "taxonomy") -> Taxonomy:
    if not isinstance(data, dict) or not isinstance(data.get("issues"), list):
        from .knowledge import not_a_list

        raise not_a_list(source, "issues", data.get("issues") if isinstance(data, dict) else None)
    evidence = str(data.get("evidence") or "literal").lower()
    if evidence not in ("literal", "discovered"):
        raise ModelsFileError(f"{source}: 'evidence: {data.get('evidence')}' is neither literal nor discovered; "
                              "write one of them, or delete the line")
    issues, seen = [], set()
    for k, item in enumerate(data["issues"]):
        where = f"{source}, issue #{k + 1}"
        if not isinstance(item, dict) or not item.get("name"):
            raise ModelsFileError(f"{where} has no name; every issue needs 'name:'")
        name = str(item["name"])
        if name.lower() in seen:
            raise ModelsFileError(f"{where}: issue {name!r} is listed twice; merge the two entries")
        seen.add(name.lower())
        unknown = set(item) - {"name", "description", "patterns", "entities", "context", "id", "origin", "apart",
                               "within", "article_topic"}
        if unknown:
            raise ModelsFileError(f"{where} ({name}): unknown keys {sorted(unknown)}; allowed: name, description, "
                                  "patterns, entities, context, apart, within, article_topic")
        for key in ("patterns", "entities", "context", "apart"):
            _check_listed(item, key, f"{where} ({name})")
        if not isinstance(item.get("article_topic") or False, bool):
            raise ModelsFileError(f"{where} ({name}): 'article_topic: {item['article_topic']!r}' is neither true nor "
                                  "false; write 'article_topic: true' (unquoted), or delete the line")
        triggers = [*(item.get("patterns") or []), *(item.get("entities") or [])]
        if not triggers:
            raise ModelsFileError(f"{where} ({name}) has no patterns or entities; add at least one trigger")
        pats = tuple(_compile(t, f"{where} ({name})") for t in triggers)
        ctx = tuple(_compile(t, f"{where} ({name}), context") for t in (item.get("context") or []))
        issues.append(IssueDef(name=name, id=f"issue:{item.get('id') or slug(name)}",
                               description=item.get("description"), patterns=pats, context=ctx,
                               origin=str(item.get("origin") or origin),
                               apart=frozenset(fold_phrase(str(x)) for x in item.get("apart") or []),
                               within=str(item["within"]) if item.get("within") else None,
                               article_topic=item.get("article_topic") or False))
    _check_within(issues, source)
    return Taxonomy(issues=tuple(issues), source=source, evidence=evidence)


def _check_within(issues: Sequence[IssueDef], source: str) -> None:
    """Refuse an issue ``within`` one the file does not list, or within itself or another issue within one: what it
    stands in for would be no issue a claim could get.

    >>> taxonomy_from_data({"issues": [{"name": "abortion", "patterns": ["abortion"], "within": "courts"}]}, "x.yaml")
    Traceback (most recent call last):
    graphkit.errors.ModelsFileError: x.yaml, issue 'abortion': 'within: courts' names no other issue of the file; write the name of the issue its phrases were said apart from, or delete the line
    """
    names = {i.name: i for i in issues}
    for i in issues:
        if i.within is None:
            continue
        where = f"{source}, issue {i.name!r}: 'within: {i.within}'"
        if i.within == i.name or i.within not in names:
            raise ModelsFileError(f"{where} names no other issue of the file; write the name of the issue its phrases "
                                  "were said apart from, or delete the line")
        if names[i.within].within:
            raise ModelsFileError(f"{where} names an issue that is itself within '{names[i.within].within}'; write "
                                  "that one's name, or delete the line")


_CACHE: dict = {}

# "any such losses", "these terms", "those chances": the claim refers to something said just before
_POINTS_BACK = re.compile(r"\b(?:such|these|those|this)\b(?!\s+(?:week|month|year|morning|afternoon|evening|weekend)\b)",
                          re.I)


def taxonomy_of(knowledge=None) -> Taxonomy:
    """The taxonomy a build uses: ``models/issues.yaml`` with the corpus's issues.yaml as
    `knowledge` (a graphkit.knowledge.Knowledge) says; may be empty (then issues are discovered)."""
    from .knowledge import Knowledge

    k = knowledge or Knowledge()
    source = " + ".join(str(p) for p in k.files()["issues"]) or "models/issues.yaml"
    return taxonomy_from_data(k.issues_data(), source)


def taxonomy_from_data(data, source: str, origin: str = "taxonomy") -> Taxonomy:
    """Compile parsed issues.yaml content; remembered for the same object."""
    key = (source, id(data))
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is data:
        return hit[1]
    tax = _parse(data or {"issues": []}, source, origin)
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[key] = (data, tax)
    return tax


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """The issue taxonomy from ``models/issues.yaml`` (or `path`), compiled; re-read when the file changes.

    A malformed file raises ModelsFileError saying which issue and what to fix.
    """
    if path is None:
        from .knowledge import load_yaml, models_dir

        data = load_yaml("issues.yaml")
        source = str(models_dir() / "issues.yaml")
    else:
        import yaml

        p = Path(path)
        try:
            data = yaml.safe_load(p.read_text(encoding="utf-8"))
        except OSError as e:
            raise ModelsFileError(f"cannot read {p}: {e.strerror}; check the path") from None
        except yaml.YAMLError as e:
            raise ModelsFileError(f"{p} is not valid YAML: {getattr(e, 'problem', e)}; fix the file") from None
        source = str(p)
    return taxonomy_from_data(data, source)


def assign_issues(text: str, context: str = "", taxonomy: Optional[Taxonomy] = None) -> list[tuple[str, str]]:
    """(issue name, trigger words) for a claim's text, in taxonomy order, one pair per issue.

    Triggers are the words as written, several joined with ", ". The context's
    ``context:`` triggers are added, reported as ``"context: <words>"``, when the
    text itself names no issue or points back with such/these/those/this.

    >>> assign_issues("Macron noted that security guarantees, frozen assets, and Ukraine's path into the EU "
    ...               "require European involvement.", taxonomy=_sample_taxonomy())  # doctest: +NORMALIZE_WHITESPACE
    [('Europe', 'EU, European involvement'), ('security guarantees', 'security guarantees'),
     ('frozen assets', 'frozen assets'), ('EU membership', 'path into the EU')]
    """
    tax = taxonomy or load_taxonomy()
    return [(tax.issues[n].name, _literal_evidence(*said)) for n, said in sorted(_literal(text, context, tax).items())]


def _literal(text: str, context: str, tax: "Taxonomy") -> dict[int, tuple[tuple[str, ...], tuple[str, ...]]]:
    """`assign_issues`'s matching: issue # → (its triggers said in ``text``, its ``context:`` triggers said in
    ``context``), the second only for an issue the text names none of, when the text names no issue or points back."""
    own = tax._matches(text or "", "own")
    out = {n: (tuple(t), ()) for n, t in own.items()}
    if context and (not own or _POINTS_BACK.search(text or "")):
        for n, t in tax._matches(context, "context").items():
            out.setdefault(n, ((), tuple(t)))
    return out


def _literal_evidence(triggers: Sequence[str], context: Sequence[str]) -> str:
    """A hand-made issue's evidence: its triggers said in the claim, else ``context: `` and those said around it."""
    return ", ".join(triggers) if triggers else CONTEXT_MARK + ", ".join(context)


def assign_claim(text: str, context: Sequence[str] = ("", ""), taxonomy: Optional[Taxonomy] = None,
                 limit: int = MAX_ISSUES) -> list[Assignment]:
    """(issue, trigger words, score) for a claim (`Assignment`s, which keep the triggers as tuples beside the words
    joined): at most `limit` issues, the best scored, in taxonomy order.

    `context` is (the claim's own sentence outside its content, the sentence before it): the first
    is read first, the second only when the claim and the first name no issue. The score is
    ``1 - 0.5 ** n`` for n distinct trigger words (a context trigger counts half).

    >>> assign_claim("Europe must pay for the security guarantees", taxonomy=_sample_taxonomy())
    [('Europe', 'Europe', 0.5), ('security guarantees', 'security guarantees', 0.5)]
    >>> assign_claim("You simply failed.", ("", "Lavrov said European efforts were doomed."), taxonomy=_sample_taxonomy())
    [('Europe', 'context: European', 0.293)]
    """
    tax = taxonomy or load_taxonomy()
    own, before = (tuple(context) + ("", ""))[:2]
    if tax.discovered:
        return _assign_discovered(text, own, tax, limit)
    found = _literal(text, own, tax) or _literal(text, before, tax)
    scored = {n: round(1 - 0.5 ** (len(trigs) + 0.5 * len(ctx)), 3)  # a context trigger counts half
              for n, (trigs, ctx) in found.items()}
    return [Assignment(tax.issues[n].name, scored[n], *found[n], evidence=_literal_evidence(*found[n]))
            for n in sorted(best_scored(scored, scored.__getitem__, int, limit))]


SENTENCE_WEIGHT = 0.5  # a discovered issue's trigger in the claim's own sentence, outside its content, counts this much


@lru_cache(maxsize=4096)
def _evidence(trigger: str, issue: str = "") -> float:
    """How much one trigger of a discovered issue says: a phrase of two or more words ("gun control",
    "email server") 1; a single word ("guns", "trade", "right", "Fox") half, as it is often said about
    something else, unless it is the issue's own name (an issue discovered as a word said topically,
    "abortion", "turnout", is that word). Remembered: a taxonomy's few triggers are weighed for every claim saying them.

    >>> _evidence("gun control"), _evidence("guns"), _evidence("abortions", "abortion")
    (1.0, 0.5, 1.0)
    """
    if len(_words(trigger)) > 1:
        return 1.0
    return 1.0 if names_issue(trigger, issue) else 0.5


def own_name(issue: "IssueDef") -> str:
    """The name an issue's triggers are weighed against (`_evidence`): its name, unless the name is among its phrases
    said apart from the rest of it (``apart``: an issue within another named by a word said mostly in other senses,
    `graphkit.discover.name_said_apart`), then none, and the word counts as any single word.

    >>> tax = taxonomy_from_data({"issues": [{"name": "actions", "patterns": ["actions", "guns"], "apart": ["actions"]},
    ...                                      {"name": "abortion", "patterns": ["abortion", "pro-life"]}]}, "x")
    >>> [own_name(i) for i in tax.issues]
    ['', 'abortion']
    """
    return "" if fold_phrase(issue.name) in issue.apart else issue.name


def names_issue(trigger: str, issue: str) -> bool:
    """Whether a trigger is its issue's own name, up to case and plural endings (`light_lemma`).

    >>> names_issue("Abortions", "abortion"), names_issue("gun violence", "gun control"), names_issue("x", "")
    (True, False, False)
    """
    return bool(issue) and [w[1] for w in _words(trigger)] == [w[1] for w in _words(issue)]


def _inside_others(n: int, said: dict[int, tuple[list[str], list[str]]]) -> bool:
    """Whether every trigger issue `n` was given (``said``: issue # → (triggers said in the claim, in its sentence)) is
    said inside a longer trigger of another issue.

    >>> said = {0: (["control"], []), 1: ([], ["gun control"])}
    >>> _inside_others(0, said), _inside_others(1, said)
    (True, False)
    """
    mine = [t.lower() for ts in said[n] for t in ts]
    others = [t.lower() for m, both in said.items() if m != n for ts in both for t in ts]
    return bool(mine) and all(any(o != t and f" {t} " in f" {o} " for o in others) for t in mine)


def _assign_discovered(text: str, sentence: str, tax: "Taxonomy", limit: int) -> list[Assignment]:
    """assign_claim for discovered issues: their triggers are phrases said together across articles, each
    weaker than a hand-made one, so an issue needs evidence >= 1 (`_evidence`) in the claim; triggers in
    the rest of its own sentence (reported as ``context: ``) count `SENTENCE_WEIGHT` as much, the sentence
    before not at all. Score ``1 - 0.5 ** evidence``.

    >>> tax = taxonomy_from_data({"issues": [{"name": "trade policy", "patterns": ["trade", "free trade", "TPP", "tariffs"]}]},
    ...                          "example", origin="discovered")
    >>> assign_claim("He backs free trade", taxonomy=tax), assign_claim("He backs trade", taxonomy=tax)
    ([('trade policy', 'free trade', 0.5)], [])
    >>> assign_claim("trade and tariffs hurt", taxonomy=tax), assign_claim("TPP hurts", ("said a free trade critic", ""), taxonomy=tax)
    ([('trade policy', 'trade, tariffs', 0.5)], [('trade policy', 'TPP, context: free trade', 0.5)])
    >>> assign_claim("It hurts", ("", "TPP and free trade were debated."), taxonomy=tax)
    []

    An article's topic (``article_topic``) is a claim's only where no other issue is: it takes no other's place
    (`topics_apart`).

    >>> tax = taxonomy_from_data({"issues": [{"name": "economy", "patterns": ["economy"]},
    ...                                      {"name": "carbon tax", "patterns": ["carbon tax"], "article_topic": True}]},
    ...                          "example", origin="discovered")
    >>> assign_claim("a carbon tax would hurt the economy", taxonomy=tax), assign_claim("a carbon tax", taxonomy=tax)
    ([('economy', 'economy', 0.5)], [('carbon tax', 'carbon tax', 0.5)])
    """
    if ARTICLE_TOPICS_LAST:
        rest, topics = topics_apart(tax)  # once per taxonomy: no walk over its issues for every claim
        if topics.issues:
            return _best_discovered(text, sentence, rest, limit) or _best_discovered(text, sentence, topics, limit)
    return _best_discovered(text, sentence, tax, limit)


def _best_discovered(text: str, sentence: str, tax: "Taxonomy", limit: int) -> list[Assignment]:
    """`_assign_discovered` on the issues of ``tax`` read together: those whose evidence in the claim's ``text`` and
    the rest of its ``sentence`` (`discovered_evidence`) reaches 1, the ``limit`` most said (ties in the taxonomy's
    order), in the taxonomy's order.

    >>> tax = taxonomy_from_data({"issues": [{"name": "taxes", "patterns": ["tax"]},
    ...                                      {"name": "economy", "patterns": ["economy"]},
    ...                                      {"name": "carbon tax", "patterns": ["carbon tax"]}]},
    ...                          "example", origin="discovered")
    >>> _best_discovered("a carbon tax would hurt the economy", "", tax, 3)  # 'tax' said only inside 'carbon tax'
    [('economy', 'economy', 0.5), ('carbon tax', 'carbon tax', 0.5)]
    >>> _best_discovered("a carbon tax would hurt the economy", "", tax, 1)
    [('economy', 'economy', 0.5)]
    >>> _best_discovered("the budget", "a tax on the economy", tax, 3)  # said only in the rest of its sentence
    []
    """
    evidence, said = discovered_evidence(text, sentence, tax)
    best = best_scored((n for n, e in evidence.items() if e >= 1.0 - 1e-9), evidence.__getitem__, int, limit)
    return [Assignment(tax.issues[n].name, round(1 - 0.5 ** evidence[n], 3), *said[n]) for n in sorted(best)]


#: an article's topic is a claim's issue only where its own triggers give no other (`_assign_discovered`)
ARTICLE_TOPICS_LAST = True


def topics_apart(tax: "Taxonomy") -> tuple["Taxonomy", "Taxonomy"]:
    """(``tax`` without its articles' topics, ``tax`` of them alone: ``article_topic`` of `IssueDef`), made once per
    taxonomy (kept in its index). `_assign_discovered` reads the first, and the second only when it gives a claim no
    issue: an article's topic is no claim's further issue, nor does its phrase take a word said inside it from
    another issue's trigger ("tax" of "carbon tax"). As an issue of its own read with the rest, on PolNeAR train at -103
    (bench/README.md, issue 14, fiftieth pass) it was 42 statements' further issue and came first in 29 others, whose
    own triggers' issue then lost its place and its votes among their articles' claims.

    >>> tax = taxonomy_from_data({"issues": [{"name": "taxes", "patterns": ["tax"]},
    ...                                      {"name": "carbon tax", "patterns": ["carbon tax"], "article_topic": True}]},
    ...                          "example", origin="discovered")
    >>> [t.names for t in topics_apart(tax)]
    [['taxes'], ['carbon tax']]
    """
    if "article topics" not in tax._index:
        tax._index["article topics"] = tuple(
            replace(tax, issues=tuple(i for i in tax.issues if i.article_topic == topic), _index={})
            for topic in (False, True))
    return tax._index["article topics"]


def discovered_evidence(text: str, sentence: str, tax: "Taxonomy"
                        ) -> tuple[dict[int, float], dict[int, tuple[list[str], list[str]]]]:
    """(issue index → how much a claim says of it, issue index → (its triggers said in ``text``, those said only in
    ``sentence``)) for discovered issues: each trigger said in ``text`` counts its `_evidence`, in ``sentence`` (the rest
    of the claim's own sentence) `SENTENCE_WEIGHT` as much, a trigger said only inside a longer trigger of another issue
    not at all. `_assign_discovered` gives the issues of evidence 1 or more; `weak_issues` reads what is less."""
    evidence: dict[int, float] = {}
    said: dict[int, tuple[list[str], list[str]]] = {}
    for weight, where, k in ((1.0, text, 0), (SENTENCE_WEIGHT, sentence, 1)):
        for n, trigs in tax._matches(where or "", "own").items():
            both = said.setdefault(n, ([], []))
            seen = {t.lower() for ts in both for t in ts}
            for t in trigs:
                if t.lower() not in seen:
                    evidence[n] = evidence.get(n, 0.0) + weight * _evidence(t, own_name(tax.issues[n]))
                    both[k].append(t)
    for n in [n for n in said if _inside_others(n, said)]:
        del said[n], evidence[n]  # "control" said only in "gun control" is that issue's, not its own
    return evidence, said


def weak_issues(text: str, tax: "Taxonomy") -> dict[str, float]:
    """The discovered issues a claim's own words say too little of to be its own (evidence under 1: a single word of
    the issue's triggers, not its name, `_evidence`), each with the score `_assign_discovered` would give (``1 - 0.5 **
    evidence``): what the claim itself adds to its article's votes (graphkit.issue_model.article_offers). Hand-made
    issues need one trigger: none is weak.

    >>> tax = taxonomy_from_data({"issues": [{"name": "immigration", "patterns": ["immigration reform", "citizenship"]},
    ...                                      {"name": "race", "patterns": ["campaign", "voters"]}]}, "x", origin="discovered")
    >>> weak_issues("Democrats embraced a path to citizenship", tax), weak_issues("the voters' campaign", tax)
    ({'immigration': 0.293}, {})
    """
    if not tax.discovered:
        return {}
    evidence, _ = discovered_evidence(text, "", tax)
    return {tax.issues[n].name: round(1 - 0.5 ** e, 3) for n, e in sorted(evidence.items()) if 0 < e < 1.0 - 1e-9}


def word_stems(text: str, stop: frozenset = frozenset()) -> frozenset:
    """The `graphkit.phrase_groups.stem`s of a text's words as triggers read them (light lemmas), less function words
    and ``stop``: what a claim says, word by word, to set beside an issue's words (`issue_words`).

    >>> sorted(word_stems("The Governor's tax bills rise"))
    ['bill', 'govern', 'rise', 'tax']
    """
    from .phrase_groups import stem
    from .stopwords import FUNCTION_WORDS

    skip = FUNCTION_WORDS | stop
    return frozenset(stem(lem) for low, lem, _, _ in words_read(text) if low not in skip and lem not in skip)


def issue_words(tax: "Taxonomy", stop: frozenset = frozenset()) -> dict[str, frozenset]:
    """Each issue's name → the `word_stems` of its triggers as written: the words a claim may say of it
    (`graphkit.issue_model.said_or_raised`).

    >>> tax = taxonomy_from_data({"issues": [{"name": "tax", "patterns": ["tax rises", "bills"]}]}, "x")
    >>> sorted(issue_words(tax)["tax"])
    ['bill', 'rise', 'tax']
    """
    return {i.name: frozenset().union(*(word_stems(p.written, stop) for p in i.patterns)) for i in tax.issues}


def assign_issues_doc(doc, spans: Sequence[tuple[int, int]], context_spans: Sequence[tuple[int, int]] = (),
                      taxonomy: Optional[Taxonomy] = None) -> list[tuple[str, str]]:
    """assign_issues over character spans of a parsed Doc (or any object with ``.text``).

    >>> class D: text = "Lavrov criticised EU sanctions. He said talks failed."
    >>> assign_issues_doc(D(), [(40, 52)], context_spans=[(0, 31)], taxonomy=_sample_taxonomy())
    [('negotiations', 'talks')]
    """
    text = getattr(doc, "text", doc)
    body = " … ".join(text[s:e] for s, e in spans)
    ctx = " ".join(text[s:e] for s, e in context_spans)
    return assign_issues(body, context=ctx, taxonomy=taxonomy)


def issue_records(tax: Optional[Taxonomy] = None) -> list[Issue]:
    """The taxonomy as graphkit.records.Issue records, in file order."""
    tax = tax or load_taxonomy()
    return [Issue(id=i.id, name=i.name, description=i.description, origin=i.origin) for i in tax.issues]


def _sample_taxonomy() -> Taxonomy:
    """The sample corpus's taxonomy (corpus/issues.yaml in the repository), for the examples above."""
    from .knowledge import _REPO_MODELS

    return load_taxonomy(_REPO_MODELS.parent / "corpus" / "issues.yaml")

