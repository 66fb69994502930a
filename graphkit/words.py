"""Words of a claim's content, as the linking stages compare them: tokens, folded lemmas, negation.

``lemma`` folds a word through plural and -ed/-ing endings; ``concepts`` gives a claim's content words,
lemmatised and folded through the paraphrase groups of ``models/links.yaml`` (words reporters swap for
one another); ``negated`` says which words a negation reaches. ``statements`` (one statement, several reports)
and ``contradict`` (opposing claims) both build on these.

>>> sorted(concepts("He had reviewed a US draft that might serve as a basis for a future agreement"))
['agreement', 'basis', 'future', 'plan', 'review', 'serv']
>>> sorted(negated("We don't need a truce, we need a long-term peace"))
['need', 'truc']
"""

from __future__ import annotations

import re
from functools import lru_cache

from .issues import light_lemma
from .knowledge import load_yaml
from .textmemo import text_memo

__all__ = ["STOP", "NEGATORS", "tokens", "lemma", "fold", "concepts", "negated", "is_negator", "predicates",
           "predicate_words", "paraphrase_groups", "antonym_poles"]

# Function words and the words of reporting itself ("said", "told"): never what a claim is about.
STOP = frozenset("""
a about above after again against all also am an and any are aren't as at be because been before being below
between both but by can cannot could couldn't did didn't do does doesn't doing don't down during each even
few for from further had hadn't has hasn't have haven't having he her here hers herself him himself his how
however i if in into is isn't it its itself just let me more most must mustn't my myself no nor not of off on
once only or other ought our ours ourselves out over own same shan't she should shouldn't so some such than
that the their theirs them themselves then there these they this those through to too under until up upon
very was wasn't we were weren't what when where which while who whom why will with won't would wouldn't you
your yours yourself yourselves said say says saying told tell stated state added add noted
may might could should one two three us yet already still now then ever never again course well really simply
whether since whereas amongst among
""".split())

NEGATORS = frozenset({"not", "no", "never", "n't", "neither", "nor", "without", "cannot", "nobody", "nothing",
                      "none"})
_WORD = re.compile(r"[A-Za-z][A-Za-z']*|\d+")
_VERB_ENDINGS = (("ying", "y"), ("ied", "y"), ("ing", ""), ("ed", ""))


def is_negator(token: str) -> bool:
    """'not', 'never', "don't", "won't" ... (a lower-case token)."""
    return token in NEGATORS or token.endswith("n't")


def tokens(text: str) -> list[str]:
    """Lower-case word tokens, curly apostrophes straightened.

    >>> tokens("Russia won’t accept 28 points")
    ['russia', "won't", 'accept', '28', 'points']
    """
    return [t.lower() for t in _WORD.findall((text or "").replace("\u2019", "'"))]


@lru_cache(maxsize=1 << 16)
def lemma(word: str) -> str:
    """A light lemma: lower case, no possessive, no plural, no -ed/-ing (a final -e dropped).

    >>> [lemma(w) for w in ["Illegally", "captured", "losses", "denying", "Trump's", "revised"]]
    ['illegally', 'captur', 'loss', 'deny', 'trump', 'revis']
    """
    w = word.lower().replace("\u2019", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = light_lemma(w)
    for end, rep in _VERB_ENDINGS:
        if w.endswith(end) and len(w) - len(end) >= 4:
            w = w[: -len(end)] + rep
            break
    return w[:-1] if w.endswith("e") and len(w) > 4 else w


@lru_cache(maxsize=4)
def _groups(key: str) -> dict[str, str]:
    """word lemma → its paraphrase group's first word (every written form and its lemma), of the ``key`` list of
    models/links.yaml (``paraphrases``).

    >>> groups = _groups("paraphrases")
    >>> groups["draft"], groups["truce"], groups[lemma("truces")], groups["accord"], groups["seized"], groups["seiz"]
    ('plan', 'ceasefire', 'ceasefire', 'agreement', 'capture', 'capture')
    """
    out: dict[str, str] = {}
    for group in load_yaml("links.yaml").get(key) or []:
        for w in group:
            out.setdefault(str(w).lower(), str(group[0]).lower())
            out.setdefault(lemma(str(w)), str(group[0]).lower())
    return out


def paraphrase_groups() -> dict[str, str]:
    """word → the first word of its paraphrase group in models/links.yaml."""
    return _groups("paraphrases")


@lru_cache(maxsize=4)
def antonym_poles() -> dict[str, tuple[int, int]]:
    """word lemma → (antonym pair index, pole 0 or 1), from ``antonyms`` in models/links.yaml.

    >>> p = antonym_poles(); p[lemma("illegal")][0] == p[lemma("legal")][0] and p["illegal"][1] != p["legal"][1]
    True
    """
    out: dict[str, tuple[int, int]] = {}
    for k, pair in enumerate(load_yaml("links.yaml").get("antonyms") or []):
        for pole, words in enumerate(pair[:2]):
            for w in words:
                out.setdefault(lemma(str(w)), (k, pole))
                out.setdefault(str(w).lower(), (k, pole))
    return out


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """A word's lemma folded through the paraphrase groups ("draft" → "plan", "truces" → "ceasefire")."""
    groups = paraphrase_groups()
    w = word.lower().replace("\u2019", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in groups:
        return groups[w]
    lw = lemma(w)
    return groups.get(lw, groups.get(lw + "e", lw))


def concepts(text: str) -> frozenset[str]:
    """Content words of a claim, folded through plurals, verb endings and the paraphrase groups.

    >>> sorted(concepts("the revised doc was erased"))
    ['lose', 'plan', 'revis']
    """
    return _concepts(text or "")


@text_memo("concepts", encode=sorted, decode=frozenset, limit=1 << 16)
def _concepts(text: str) -> frozenset[str]:
    """`concepts` worked out (remembered per text by `graphkit.textmemo.text_memo`): each token of three letters or
    more, not a stop word nor a number, folded (`fold`).

    >>> sorted(_concepts("The mayors revised 12 plans"))
    ['mayor', 'plan', 'revis']
    """
    out = set()
    for t in tokens(text):
        if t in STOP or t.isdigit() or len(t) < 3:
            continue
        f = fold(t)
        if f not in STOP and len(f) >= 3:
            out.add(f)
    return frozenset(out)


def negated(text: str, before: int = 3, after: int = 0) -> frozenset[str]:
    """Lemmas of the content words a negation reaches.

    A word is negated when a negator stands up to `before` words before it ("don't need a truce") or up
    to `after` words after it (0 by default: in "the ruling was not legal" the ruling is not negated);
    a clause break (",", ";", "but") stops it.

    >>> sorted(negated("he will not raise taxes, but he will cut spending"))
    ['rais', 'tax']
    """
    return _negated(text or "", before, after)


_CLAUSE = re.compile(r"[,;:.!?]|\bbut\b|\band\b|\bwhile\b|\bwhereas\b", re.I)


@lru_cache(maxsize=1 << 14)
def _negated(text: str, before: int, after: int) -> frozenset[str]:
    """The lemmas negated in a text: the words of 3+ letters within ``before`` words after a negator and
    ``after`` words before it, in its clause, stop words and negators left out.

    >>> sorted(_negated("Russia did not attack the power grid, officials said.", 3, 1))
    ['attack', 'power']
    """
    out = set()
    for clause in _CLAUSE.split(text.replace("\u2019", "'")):
        toks = tokens(clause)
        for k, t in enumerate(toks):
            if not is_negator(t):
                continue
            for i in range(max(0, k - after), min(len(toks), k + before + 1)):
                w = toks[i]
                if i != k and w not in STOP and not is_negator(w) and len(w) >= 3:
                    out.add(lemma(w))
    return frozenset(out)


#: the modal auxiliaries, in lower case as spaCy gives a token's ``lower_``: a verb with one says what may be, would
#: be or must be ("will raise", "might argue"); one home for the frames (`graphkit.frames_parse`), the attribution
#: filter's ``cue_modal`` (`graphkit.confidence`) and the bench
MODALS = frozenset("will would could can may might should must".split())
_AUX = MODALS | frozenset("shall is are was were be been being has have had did does do am won't wouldn't can't "
                          "couldn't isn't aren't wasn't weren't hasn't haven't hadn't didn't doesn't don't "
                          "cannot".split())


_ADVERBS = frozenset(("also", "still", "never", "ever", "now", "just", "already", "really", "actually", "soon"))


def predicates(text: str) -> frozenset[str]:
    """Folded heads of the verb groups: the content word after an auxiliary or modal (and any "not").

    What a claim says of its arguments: "would be sidelined" → "sidelin", "had not captured" → "capture".

    >>> sorted(predicates("Gordon Brown would be sidelined, but he will play a central role"))
    ['play', 'sidelin']
    """
    return frozenset(fold(w) for w, _ in _verb_groups(text))


def predicate_words(text: str) -> frozenset[str]:
    """Lemmas of the verb groups' heads and of the word right after each head ("annexed illegally").

    >>> sorted(predicate_words("they have been annexed illegally and are now legally part of Russia"))
    ['annex', 'illegally', 'legally', 'part']
    """
    return frozenset(lemma(w) for pair in _verb_groups(text) for w in pair if w)


def _verb_groups(text: str) -> list[tuple[str, str]]:
    """(head, next content word or '') after each auxiliary or modal: the first content word within three words of
    it, past other auxiliaries, negations and adverbs.

    >>> _verb_groups("Russia will never accept the plan and would reject talks")
    [('accept', ''), ('reject', 'talks')]
    >>> _verb_groups("We are not going to sign it"), _verb_groups("Talks in Geneva")
    ([('going', '')], [])
    """
    toks = tokens(text)
    out = []
    for k, t in enumerate(toks):
        if t not in _AUX:
            continue
        for i in range(k + 1, min(k + 4, len(toks))):
            w = toks[i]
            if w in _AUX or is_negator(w) or w in _ADVERBS:
                continue
            if w not in STOP and len(w) >= 3:
                nxt = toks[i + 1] if i + 1 < len(toks) else ""
                out.append((w, nxt if nxt not in STOP and len(nxt) >= 3 and not is_negator(nxt) else ""))
            break
    return out
