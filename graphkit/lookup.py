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

__all__ = ["NameIndex", "match_name", "FUZZY_CUTOFF", "WORD_CUTOFF", "SUGGEST_CUTOFF"]

FUZZY_CUTOFF = 88      # rapidfuzz ratio (0-100) a misspelt full name must reach to be taken silently
WORD_CUTOFF = 80       # ... and a misspelt one-word name against one word of a name ("Lavrof": one letter off)
SUGGEST_CUTOFF = 66    # ... and to be offered as "did you mean" in an error (same ratio; bench/suggest_cutoff.py)
OFFER = 5              # the names an error offers at most ("did you mean", the ids an unknown id is one edit from)


def _contains(q: tuple, f: tuple) -> bool:
    """Whether the words ``q`` appear in order, one after another, in the words ``f``.

    >>> _contains(("sergey", "lavrov"), ("foreign", "minister", "sergey", "lavrov"))
    True
    >>> _contains(("lavrov", "sergey"), ("sergey", "lavrov"))
    False
    """
    n = len(q)
    return any(f[i:i + n] == q for i in range(len(f) - n + 1))


class NameIndex:
    """Forgiving lookup of names: keys (node ids) with their forms (names, aliases) and weak forms (roles,
    titles, metonyms), folded once with `skeleton` so each lookup is a few dict probes and one C-level
    rapidfuzz pass.

    Tiers, best first (only the best tier that finds anything answers): the key itself; a form equal
    after folding; a weak form equal after folding; a form whose last words are the name's words (a
    surname); a form holding the name's words in order; a close spelling (`close`: rapidfuzz ratio >=
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
        tail = self._ending_with(qt)
        if tail:
            return sorted(tail)
        inside = {k for k, toks in self.form_tokens if len(toks) > n and _contains(qt, toks)}
        if inside:
            return sorted(inside)
        scores = self.close(q, FUZZY_CUTOFF, WORD_CUTOFF)
        if not scores:
            return []
        top = max(scores.values())
        return sorted(k for k, sc in scores.items() if sc >= top - 5)

    def _ending_with(self, words: tuple) -> set[str]:
        """Keys with a form whose last words are the folded ``words`` (a surname: `match`'s third tier).

        >>> sorted(NameIndex({"a:h": ["Hillary Clinton"], "a:b": ["Bill Clinton"]})._ending_with(("clinton",)))
        ['a:b', 'a:h']
        """
        n = len(words)
        return {k for k, toks in self.form_tokens if toks[-n:] == words} if n else set()

    def others_ending_with(self, name: str, hit: list[str]) -> list[str]:
        """Labels of the keys other than ``hit`` (what `match` gave ``name``) with a form whose last words are the
        name's: whom else a surname may mean when `match` took the key named by it alone (the speaker written plain
        "Clinton", beside Hillary Clinton and Bill Clinton), for a query to say so. None for a key given as itself.

        >>> ix = NameIndex({"a:c": ["Clinton"], "a:h": ["Hillary Clinton"], "a:b": ["Bill Clinton"]})
        >>> ix.match("clinton"), ix.others_ending_with("clinton", ["a:c"])
        (['a:c'], ['Bill Clinton', 'Hillary Clinton'])
        >>> ix.others_ending_with("hillary clinton", ix.match("hillary clinton"))
        []
        """
        if name in self.keys:
            return []
        others = self._ending_with(tuple(skeleton(name).split())) - set(hit)
        return sorted(self.labels.get(k, k) for k in others)

    def close(self, q: str, whole: float, word: float) -> dict[str, float]:
        """Keys with a form spelt close to the folded name `q`, each with its best score (rapidfuzz ratio, 0-100):
        a whole form at `whole` or more, or, for a one-word name of 4+ letters, one word of a form at `word` or
        more ("lavrof" against the "lavrov" of "sergey lavrov"). The one measure of a close spelling, for a silent
        match (`match`) and for an offer (`suggest`).

        >>> NameIndex({"a:lavrov": ["Sergey Lavrov"], "a:kremlin": ["Kremlin"]}).close("lavrof", 88, 80)
        {'a:lavrov': 83.33333333333334}
        """
        from rapidfuzz import fuzz, process

        scores: dict[str, float] = {}
        for _, score, i in process.extract(q, self.flat, scorer=fuzz.ratio, score_cutoff=whole, limit=None):
            k = self.flat_keys[i]
            scores[k] = max(scores.get(k, 0), score)
        if " " not in q and len(q) >= 4:
            for w, score, _ in process.extract(q, self._word_list, scorer=fuzz.ratio, score_cutoff=word, limit=None):
                for k in self.words[w]:
                    scores[k] = max(scores.get(k, 0), score)
        return scores

    def suggest(self, name: str, limit: int = OFFER, cutoff: float = SUGGEST_CUTOFF) -> list[str]:
        """Display labels of the names `name` is plausibly a misspelling of, closest first, for "did you mean" in
        error messages: `close` at `cutoff`, the measure of a silent match with a lower bar.

        SUGGEST_CUTOFF is the cutoff of 58..82 that offers the most misspellings and the fewest other real names
        (`bench/suggest_cutoff.py`, seed 7473: random two- and three-letter typos of a store's names, whole and
        surname alone, against the names of another store it does not hold, on the sample and a PolNeAR train
        store: 74 % of 669 typos offered their name, 10 % of 657 other names offered anything; 68 offers 62 % and
        4 %). rapidfuzz's WRatio at the old 60 scored a short query against any stretch of a long form ("Nobody"
        was offered "Volodymyr Zelensky") and offered something for 44 % of the sample's other names.

        >>> ix = NameIndex({"a:lavrov": ["Sergey Lavrov", "Lavrov"], "a:zelensky": ["Volodymyr Zelensky"]})
        >>> ix.suggest("Lavrenko"), ix.suggest("Nobody")
        (['Sergey Lavrov'], [])
        """
        q = skeleton(name)
        if not q:
            return []
        scores = self.close(q, cutoff, cutoff)
        ranked = sorted(scores, key=lambda k: (-scores[k], self.labels.get(k, k)))
        return list(dict.fromkeys(self.labels.get(k, k) for k in ranked))[:limit]


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


def ids_one_edit_from(typed: str, ids: Iterable[str], limit: int = OFFER) -> list[str]:
    """Ids whose start is one edit from what was typed as an id or its start, in the order given: a character wrong
    or two neighbours swapped ("030" for "003"), else one left out or one added ("03_9b" for "003_9b"); only the ids
    of the fewest edits, and [] when none is one edit away or more than ``limit`` are (a start that short is no guess
    at one id). An id is a code typed from its start, not a name: it is measured against the id's start of the same
    length (one more, one fewer), not against the whole id as a name's spelling is (`NameIndex.suggest`).

    >>> ids = ["000_3644", "001_56cb", "003_9b6d", "004_a0ff"]
    >>> ids_one_edit_from("030", ids), ids_one_edit_from("03_9b", ids), ids_one_edit_from("003_9b7d", ids)
    (['000_3644', '003_9b6d'], ['003_9b6d'], ['003_9b6d'])
    >>> ids_one_edit_from("xyz", ids), ids_one_edit_from("9", ids)
    ([], ['000_3644', '001_56cb', '003_9b6d', '004_a0ff'])
    >>> ids_one_edit_from("7", [f"{k:03d}" for k in range(100)])   # every id starts one edit from "7"
    []
    """
    from rapidfuzz.distance import OSA

    n = len(typed)

    def edits(i: str) -> tuple[int, int]:  # (edits, and whether the start compared is longer or shorter than typed)
        return min((OSA.distance(typed, i[:m]), abs(m - n)) for m in (n, n + 1, n - 1) if m >= 0)

    ids = list(ids)
    cost = {i: edits(i) for i in ids} if typed else {}
    best = min(cost.values(), default=(2, 0))
    close = [i for i in ids if cost[i] == best] if best[0] <= 1 else []
    return close if len(close) <= limit else []
