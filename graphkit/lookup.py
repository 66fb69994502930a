"""Forgiving name lookup for queries: a user's "sergei lavrov", "Lavrof" or "Foreign Minister" finds the
store's actor, issue or place.

Names are folded by `graphkit.names.skeleton`, the same fold resolution used to store them (case, accents,
punctuation, a leading "the", possessives and transliteration variants), so a name found in an article is
found by its query.

>>> match_name("LAVROV", {"actor:sergey-lavrov": ["Sergey Lavrov", "Sergei Lavrov"],
...                       "actor:vladimir-putin": ["Vladimir Putin"]})
['actor:sergey-lavrov']
"""

from __future__ import annotations

from typing import Iterable, Optional

from .names import skeleton

__all__ = ["NameIndex", "match_name", "suggest", "FUZZY_CUTOFF", "WORD_CUTOFF", "SUGGEST_CUTOFF"]

FUZZY_CUTOFF = 88      # rapidfuzz ratio (0-100) a misspelt full name must reach to be taken silently
WORD_CUTOFF = 80       # ... and a misspelt one-word name against one word of a name ("Lavrof": one letter off)
SUGGEST_CUTOFF = 60    # ... and to be offered as "did you mean" in an error


def _contains(q: tuple, f: tuple) -> bool:
    n = len(q)
    return any(f[i:i + n] == q for i in range(len(f) - n + 1))


class NameIndex:
    """Forgiving lookup of names: keys (node ids) with their forms (names, aliases) and weak forms (roles,
    titles, metonyms), folded once with `skeleton` so each lookup is a few dict probes and one C-level
    rapidfuzz pass.

    Tiers, best first (only the best tier that finds anything answers): the key itself; a form equal
    after folding; a weak form equal after folding; a form whose last words are the name's words (a
    surname); a form holding the name's words in order; a close spelling (rapidfuzz ratio >=
    FUZZY_CUTOFF against a whole form, or >= WORD_CUTOFF for a one-word name of 4+ letters against one
    word of a form; ties within 5 points kept).

    >>> ix = NameIndex({"a:lavrov": ["Sergey Lavrov", "Lavrov"], "a:putin": ["Vladimir Putin"]},
    ...                weak={"a:putin": ["President"]})
    >>> ix.match("SERGEI LAVROV"), ix.match("president"), ix.match("Putn"), ix.match("Smith")
    (['a:lavrov'], ['a:putin'], ['a:putin'], [])
    """

    def __init__(self, forms: dict[str, list[str]], weak: Optional[dict[str, list[str]]] = None,
                 labels: Optional[dict[str, str]] = None):
        self.keys = set(forms)
        self.labels = labels or {k: (fs[0] if fs else k) for k, fs in forms.items()}
        self.exact: dict[str, set] = {}
        self.weak: dict[str, set] = {}
        self.form_tokens: list[tuple[str, tuple]] = []
        self.flat: list[str] = []              # every folded form, for the fuzzy pass
        self.flat_keys: list[str] = []
        self.words: dict[str, set] = {}        # folded word (3+ letters) -> keys, for misspelt surnames
        self.suggest_forms: dict[str, str] = {}   # folded form -> display label, for error messages
        for k, fs in forms.items():
            for f in fs:
                sk = skeleton(f) if f else ""
                if not sk:
                    continue
                self.exact.setdefault(sk, set()).add(k)
                toks = tuple(sk.split())
                self.form_tokens.append((k, toks))
                self.flat.append(sk)
                self.flat_keys.append(k)
                self.suggest_forms.setdefault(sk, self.labels.get(k, k))
                for w in toks:
                    if len(w) >= 3:
                        self.words.setdefault(w, set()).add(k)
        for k, fs in (weak or {}).items():
            for f in fs:
                sk = skeleton(f) if f else ""
                if sk:
                    self.weak.setdefault(sk, set()).add(k)
        self._word_list = list(self.words)

    def match(self, name: str) -> list[str]:
        """Keys matching `name`, best tier only, sorted; [] when nothing is close enough."""
        from rapidfuzz import fuzz, process

        if name in self.keys:
            return [name]
        q = skeleton(name)
        if not q:
            return []
        for table in (self.exact, self.weak):
            if q in table:
                return sorted(table[q])
        qt = tuple(q.split())
        n = len(qt)
        tail = {k for k, toks in self.form_tokens if toks[-n:] == qt}
        if tail:
            return sorted(tail)
        inside = {k for k, toks in self.form_tokens if len(toks) > n and _contains(qt, toks)}
        if inside:
            return sorted(inside)
        scores: dict[str, float] = {}
        for _, score, i in process.extract(q, self.flat, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None):
            k = self.flat_keys[i]
            scores[k] = max(scores.get(k, 0), score)
        if n == 1 and len(q) >= 4:
            for w, score, _ in process.extract(q, self._word_list, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF,
                                               limit=None):
                for k in self.words[w]:
                    scores[k] = max(scores.get(k, 0), score)
        if not scores:
            return []
        top = max(scores.values())
        return sorted(k for k, sc in scores.items() if sc >= top - 5)

    def suggest(self, name: str, limit: int = 5) -> list[str]:
        """Display labels of the forms closest to `name`, for "did you mean" in error messages."""
        from rapidfuzz import fuzz, process

        hits = process.extract(skeleton(name), list(self.suggest_forms), scorer=fuzz.WRatio,
                               score_cutoff=SUGGEST_CUTOFF, limit=limit * 3)
        return list(dict.fromkeys(self.suggest_forms[h[0]] for h in hits))[:limit]


def match_name(name: str, forms: dict[str, list[str]], weak: Optional[dict[str, list[str]]] = None) -> list[str]:
    """Keys of `forms` whose names match `name` (see `NameIndex` for the tiers); [] when nothing is close.

    >>> people = {"a:lavrov": ["Sergey Lavrov", "Lavrov"], "a:src": ["senior Russian source"],
    ...           "a:officials": ["Russian officials"], "a:putin": ["Vladimir Putin"]}
    >>> match_name("sergei lavrov", people), match_name("Lavrof", people), match_name("Russian", people)
    (['a:lavrov'], ['a:lavrov'], ['a:officials', 'a:src'])
    >>> match_name("Peskov", people)
    []
    """
    return NameIndex(forms, weak).match(name)


def suggest(name: str, labels: Iterable[str], limit: int = 5) -> list[str]:
    """Names in `labels` closest to `name`, for error messages.

    >>> suggest("Lavrow", ["Sergey Lavrov", "Vladimir Putin", "Kremlin"])
    ['Sergey Lavrov']
    """
    labels = list(dict.fromkeys(labels))
    return NameIndex({lab: [lab] for lab in labels}).suggest(name, limit)
