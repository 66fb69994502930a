"""Whether two person names are one person's, and which pairs of many names to ask.

A name's words come from graphkit.names (folded, spelling skeletons, middle initials left out, generational
suffixes apart: :func:`graphkit.names.name_words`); two person names are one person's when rapidfuzz says so
under guards against over-merging (same number of words, same generational suffix, surnames and given names
agree on their own): :func:`compare_names`. :func:`candidate_pairs` blocks a corpus's names by surname, so
graphkit.people asks compare_names of the pairs that can pass, not of every pair; graphkit.gazetteer compares a
speaker's name with models/actors.yaml's the same way.

>>> compare_names("Sergei Lavrov", "Sergey Lavrov")[0], compare_names("Donald Trump", "Donald Trump Jr.")[0]
(True, False)
>>> candidate_pairs(["Sergey Lavrov", "Marco Rubio", "Sergei Lavrov"])
[(0, 2)]
"""

from __future__ import annotations

import math
from collections import defaultdict

from .names import frozen_name_words, name_words

FUZZY_MIN = 90        # whole-name similarity (rapidfuzz ratio on spelling skeletons)
FUZZY_SURNAME_MIN = 85  # the surnames alone must agree this well
FUZZY_GIVEN_MIN = 80    # and the given names (or one is an initial)


def compare_names(a: str, b: str) -> tuple[bool, float, str]:
    """Are two person names one person's? Returns (same, score, why), score from rapidfuzz (0-100).

    Same when, after transliteration folding, the names have the same number of
    words and the same generational suffix, and score >= FUZZY_MIN with surnames
    >= FUZZY_SURNAME_MIN and given names >= FUZZY_GIVEN_MIN (or an initial).

    >>> compare_names("Sergei Lavrov", "Sergey Lavrov")[:2]
    (True, 100.0)
    >>> compare_names("Donald Trump", "Donald Trump Jr.")
    (False, 0.0, 'generational suffix differs')
    >>> compare_names("Dmitry Peskov", "Dmitry Medvedev")[0]
    False
    """
    from rapidfuzz import fuzz

    ta, ga = name_words(a)
    tb, gb = name_words(b)
    if ga != gb:
        return False, 0.0, "generational suffix differs"
    if not ta or not tb or len(ta) != len(tb):
        return False, 0.0, "different number of name words"
    # a given name written as an initial ('D. Trump') is compared as that initial on both sides
    ta2, tb2, initials = list(ta), list(tb), False
    for k, (x, y) in enumerate(zip(ta[:-1], tb[:-1])):
        if (len(x) == 1 or len(y) == 1) and x[0] == y[0]:
            ta2[k] = tb2[k] = x[0]
            initials = True
    score = round(fuzz.ratio(" ".join(ta2), " ".join(tb2)), 1)
    last = fuzz.ratio(ta[-1], tb[-1])
    if last < FUZZY_SURNAME_MIN:
        return False, score, f"surnames differ ({last:.0f})"
    for x, y in zip(ta2[:-1], tb2[:-1]):
        if fuzz.ratio(x, y) < FUZZY_GIVEN_MIN:
            return False, score, "given names differ"
    if score < FUZZY_MIN:
        return False, score, f"similarity {score:.0f} below {FUZZY_MIN}"
    return True, score, f"fuzzy {score:.0f} after transliteration folding" + (" (initials)" if initials else "")


def candidate_pairs(names: list[str]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of names worth a compare_names: the same surname skeleton, or rapidfuzz ratio >=
    FUZZY_MIN on the folded skeletons, among the pairs compare_names can call one person's (same number of
    name words and generational suffixes, surnames at least FUZZY_SURNAME_MIN alike). Sorted.

    Blocked by surname: the surnames are compared with each other (rapidfuzz, among those of a length the
    threshold allows), not every name with every name, so a corpus of 100,000 person names is not 10^10
    comparisons.

    >>> candidate_pairs(["Sergey Lavrov", "Sergei Lavrov", "Marco Rubio", "M. Rubio"])
    [(0, 1), (2, 3)]
    """
    from rapidfuzz import fuzz

    blocks: dict[tuple, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, n in enumerate(names):
        words, gens = frozen_name_words(n)
        if words:
            blocks[(len(words), gens)][words[-1]].append(i)
    near = _similar_words(sorted({w for b in blocks.values() for w in b}), FUZZY_SURNAME_MIN)
    pairs: set[tuple[int, int]] = set()
    for block in blocks.values():
        for sur, idx in block.items():
            for other in near[sur]:
                if other < sur or other not in block:
                    continue
                if other == sur:
                    pairs.update((idx[x], idx[y]) for x in range(len(idx)) for y in range(x + 1, len(idx)))
                else:
                    pairs.update((min(i, j), max(i, j)) for i in idx for j in block[other]
                                 if fuzz.ratio(" ".join(frozen_name_words(names[i])[0]),
                                               " ".join(frozen_name_words(names[j])[0]), score_cutoff=FUZZY_MIN))
    return sorted(pairs)


def _similar_words(words: list[str], cutoff: float) -> dict[str, list[str]]:
    """word → the words (itself included) with rapidfuzz ratio >= cutoff (above 0). A ratio of 2·common / (la + lb)
    needs lengths within cutoff / (200 - cutoff) of each other: only those are compared, the words of one length
    against their pool at once (rapidfuzz ``cdist``, in blocks of at most `SIMILAR_CELLS` scores: a quarter of
    the time of one ``extract`` call a word on PolNeAR train's 2,640 surnames, and a bounded matrix however
    many names a corpus holds).

    >>> _similar_words(["Lavrov", "Lavrova", "Rubio"], 85)
    {'Lavrov': ['Lavrov', 'Lavrova'], 'Lavrova': ['Lavrov', 'Lavrova'], 'Rubio': ['Rubio']}
    """
    import numpy as np
    from rapidfuzz import fuzz, process

    by_len: dict[int, list[str]] = defaultdict(list)
    for w in words:
        by_len[len(w)].append(w)
    k = cutoff / (200 - cutoff)
    near: dict[str, list[str]] = {}
    for n, group in by_len.items():
        lo, hi = math.ceil(n * k - 1e-9), math.floor(n / k + 1e-9)
        pool = [x for m in range(lo, hi + 1) for x in by_len.get(m, ())]
        step = max(1, SIMILAR_CELLS // len(pool))
        for i in range(0, len(group), step):
            rows = group[i:i + step]
            scores = process.cdist(rows, pool, scorer=fuzz.ratio, score_cutoff=cutoff)  # 0 below the cutoff
            for w, row in zip(rows, scores):
                near[w] = [pool[j] for j in np.flatnonzero(row)]
    return {w: near[w] for w in words}


#: the most scores `_similar_words` holds at once (float32: 16 MB)
SIMILAR_CELLS = 4_000_000
