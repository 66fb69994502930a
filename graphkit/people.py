"""The corpus's person names: full names clustered across articles, who holds a surname or first
name, and what gender the corpus gives a name. Needs no gazetteer.

:class:`PersonNames` is built once per resolution from every article's NER entities and the
names the article pass resolved speakers to. It answers, with a reason line each:

- :meth:`PersonNames.full_name` — the cluster a full name belongs to ('Sergei Lavrov' and
  'Sergey Lavrov', 'Hillary Rodham Clinton' and 'Hillary Clinton', 'Crooked Hillary Clinton');
- :meth:`PersonNames.surname` — the one full name a surname or first name alone stands for:
  the article's own full name first, then the corpus's only holder, then a holder of the gender an
  honorific says, then a dominant holder (:data:`SURNAME_DOMINANCE`); two different first names
  are never merged (Bill and Hillary Clinton stay two clusters);
- :meth:`PersonNames.gender` — 'male'/'female' from the corpus's pronouns and honorifics.

>>> ents = {"a": [("Bill Clinton", "PERSON", 0, 12), ("Hillary Clinton", "PERSON", 20, 35)],
...         "b": [("Hillary Clinton", "PERSON", 0, 15)], "c": [("Tony Blair", "PERSON", 0, 10)]}
>>> people = PersonNames(ents, {}, {"Bill Clinton": "person", "Hillary Clinton": "person", "Tony Blair": "person"})
>>> people.surname("Blair", "d", "Blair")
('toni blair', "surname of 'Tony Blair', the only full name with it in the corpus")
>>> people.surname("Clinton", "d", "Clinton") is None     # Hillary 2 of 3 full-name mentions: below 0.8
True
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Callable, Optional

from .names import (candidate_pairs, compare_names, fold, honorific_gender, is_pronoun, name_words, person_key,
                    split_honorific, split_title)
from .pronouns import PRONOUN_GENDER
from .records import Attribution

__all__ = ["PersonNames", "SURNAME_DOMINANCE", "display", "trim_fragment"]

#: a surname alone goes to the full name holding this share of the corpus's full-name mentions with it
#: (an in-article full name always comes first); below it, the surname stays an actor of its own
SURNAME_DOMINANCE = 0.8


class PersonNames:
    """Full person names of a corpus (2+ words, not in the gazetteer), clustered when
    graphkit.names.compare_names says they are one person; surname and first-name holders; genders.

    ``ents``: doc id → (text, label, start, end) entities in text order; ``atts``: doc id → the
    article's attributions; ``types``: entity text → corrected type; ``in_gazetteer``: whether a
    name is the gazetteer's (those are resolved there, not clustered).
    """

    def __init__(self, ents: dict[str, list[tuple]], atts: dict[str, list[Attribution]], types: dict[str, str],
                 in_gazetteer: Callable[[str], bool] = lambda name: False) -> None:
        self.atts = atts
        self.person_ents = {d: [e for e in es if types.get(e[0]) == "person"] for d, es in ents.items()}
        self.names = _surface_counts(self.person_ents, atts)
        full = sorted(sk for sk in self.names if len(sk.split()) > 1
                      and not in_gazetteer(self.names[sk].most_common(1)[0][0]))
        groups, self.fuzzy_reason = _cluster(full, self.names)
        self.cluster_of: dict[str, str] = {}
        self.cluster_name: dict[str, str] = {}
        self.by_surname: dict[str, set[str]] = defaultdict(set)
        self.by_first: dict[str, set[str]] = defaultdict(set)
        self.members: dict[str, list[str]] = defaultdict(list)
        for root, members in sorted(groups.items()):
            total = Counter()
            for m in members:
                total.update(self.names[m])
            for m in members:
                self.cluster_of[m] = root
                self.members[root].append(m)
                words = name_words(display(self.names[m]))[0]
                self.by_surname[words[-1]].add(root)
                self.by_first[words[0]].add(root)
            self.cluster_name[root] = display(total)
        self._votes: Optional[dict[str, Counter]] = None

    # ---- full names
    def full_name(self, name: str) -> Optional[tuple[str, str]]:
        """(cluster root, reason) of a full name of 2+ words the corpus clusters, else None."""
        sk = person_key(name)
        if len(name_words(name)[0]) < 2 or sk not in self.cluster_of:
            return None
        root = self.cluster_of[sk]
        why = "same name" if sk == root else self.fuzzy_reason.get(sk) or "fuzzy match after transliteration folding"
        if sk == root and display(self.names[sk]) != name:
            why = "same name after transliteration folding"
        return root, why

    # ---- a surname or first name alone
    def surname(self, word: str, doc_id: str, surface: str) -> Optional[tuple[str, str]]:
        """(cluster root, reason) of the one full name a single-word name stands for, else None.

        In order: the article's own full names with that surname (one, or one holding
        SURNAME_DOMINANCE of their mentions, among those of the honorific's gender); the corpus's
        only full name with it; the only one of the gender the honorific says ('Mr. Clinton'); a
        dominant holder among surname and first-name holders together; a dominant first-name holder
        ('Hillary') when no full name ends with the word.
        """
        key = name_words(word)[0][0]
        said = honorific_gender(split_honorific(surface or "")[0])
        local = self._local_holders(key, doc_id, said)
        if len(local) == 1:
            root = next(iter(local))
            return root, f"surname of {self.cluster_name[root]!r} in the same article"
        if len(local) > 1:
            (root, n), total = local.most_common(1)[0], sum(local.values())
            if n >= SURNAME_DOMINANCE * total:
                return root, (f"surname of {self.cluster_name[root]!r}, who has {n} of the {total} full-name "
                              "mentions with it in the same article")
            return None
        corpus = set(self.by_surname.get(key, set()))
        first = set(self.by_first.get(key, set()))
        if len(corpus) == 1:
            root = next(iter(corpus))
            return root, f"surname of {self.cluster_name[root]!r}, the only full name with it in the corpus"
        if said and len(corpus) > 1:
            # 'Mr. Clinton': the holders whose gender the corpus knows otherwise drop out
            corpus = {r for r in corpus if self.gender(self.cluster_name[r]) in (None, said)}
            if len(corpus) == 1:
                root = next(iter(corpus))
                return root, (f"surname of {self.cluster_name[root]!r}, the only full name with it in the corpus "
                              f"of the gender {surface!r} says")
        if len(corpus) > 1 or (corpus and first):
            # surnames and first names together: 'Hillary' beside 'Crooked Hillary' (a NER cut)
            hit = self._dominant_holder(corpus | first)
            if hit is not None:
                root, n, total = hit
                return root, (f"{'surname' if root in corpus else 'first name'} of {self.cluster_name[root]!r}, "
                              f"who has {n} of the corpus's {total} full-name mentions with it")
        if not corpus and first:
            # 'Hillary' where no full name of the corpus ends with it: the first name of the one
            # full name holding >= SURNAME_DOMINANCE of the mentions of full names starting with it
            hit = self._dominant_holder(first)
            if hit is not None:
                root, n, total = hit
                return root, (f"first name of {self.cluster_name[root]!r}, who has {n} of the corpus's {total} "
                              f"full-name mentions starting with it")
        return None

    def unresolved_surname_reason(self, word: str) -> str:
        """Why a single-word name stays an actor of its own."""
        holders = sorted(self.cluster_name[r] for r in self.by_surname.get(name_words(word)[0][0], ()))
        if holders:
            return (f"surname only, and several full names carry it ({', '.join(holders[:4])}"
                    f"{', …' if len(holders) > 4 else ''}): kept apart rather than guessed")
        return "surname only; no full name with it in the corpus"

    def _local_holders(self, key: str, doc_id: str, said: Optional[str]) -> Counter:
        """Clusters of the article's full person names ending with ``key``: root → mentions."""
        if getattr(self, "_local", (None,))[0] != doc_id:
            # one table per article (the article being resolved), not a walk over its names per surname
            table: dict[str, Counter] = defaultdict(Counter)
            for text, *_ in self.person_ents.get(doc_id, []):
                bare = re.sub(r"['\u2019]s$", "", text)
                skw, _ = name_words(bare)
                pk = person_key(bare)
                if len(skw) > 1 and pk in self.cluster_of:
                    table[skw[-1]][self.cluster_of[pk]] += 1
            self._local = (doc_id, table)
        return Counter(self._local[1].get(key, ()))

    def _dominant_holder(self, roots: set[str]) -> Optional[tuple[str, int, int]]:
        """(root, its mentions, all mentions) when one full name holds at least SURNAME_DOMINANCE of the
        full-name mentions of a surname in the corpus ('Blair': Tony 313, Cherie 4), else None. 0.8 was chosen
        on PolNeAR train: 'Clinton' (Hillary 85% of 2,063) and 'Trump' (Donald 95%) merge, 'O'Neill' (71%),
        'Richards' (67%) and 'Emanuel' (52%) stay apart."""
        counts = {r: sum(sum(self.names[m].values()) for m in self.members.get(r, [r])) for r in roots}
        total = sum(counts.values())
        root = max(sorted(counts), key=lambda r: counts[r])
        if total and counts[root] >= SURNAME_DOMINANCE * total:
            return root, counts[root], total
        return None

    # ---- gender: what the corpus says (pronouns the articles resolve, honorifics)
    def votes(self, name: str) -> Counter:
        """'male'/'female' votes for a name's cluster: 'he'/'she' speakers the article pass tied to it,
        and honorifics written before it ('Mr. Clinton', 'Mrs Clinton')."""
        if self._votes is None:
            self._votes = defaultdict(Counter)
            for d in self.atts:
                for a in self.atts[d]:
                    said = (a.speaker_text or "").strip()
                    g = PRONOUN_GENDER.get(said.lower())
                    nm = a.resolved_text if g else said
                    if not g:
                        hon, bare = split_honorific(said)
                        g, nm = honorific_gender(hon), bare
                    if not g or not nm or is_pronoun(nm):
                        continue
                    key = self.root(split_title(nm)[1] or nm)
                    if key:
                        self._votes[key][g] += 1
        return self._votes.get(self.root(name) or "", Counter())

    def root(self, name: str) -> Optional[str]:
        """The cluster of a name, else its own person key (None for an empty one)."""
        key = person_key(re.sub(r"['\u2019]s$", "", name))
        return self.cluster_of.get(key, key if key else None)

    def gender(self, name: str) -> Optional[str]:
        """Gender of a person name by the corpus's votes: at least 5, four in five one way."""
        v = self.votes(name)
        m, f = v["male"], v["female"]
        if m + f >= 5 and max(m, f) >= 0.8 * (m + f):
            return "male" if m > f else "female"
        return None


def _surface_counts(person_ents: dict[str, list[tuple]], atts: dict[str, list[Attribution]]) -> dict[str, Counter]:
    """person key → surface counts, over person entities and the names speakers were resolved to."""
    names: dict[str, Counter] = defaultdict(Counter)
    for d in person_ents:
        for text, *_ in person_ents[d]:
            _add_name(names, text)
    for d in sorted(atts):
        for a in atts[d]:
            if a.resolved_text and a.speaker_type in ("PERSON", "PRON") and not is_pronoun(a.resolved_text):
                _, nm = split_title(a.resolved_text)
                if nm:
                    _add_name(names, nm)
    return names


def _add_name(names: dict, text: str) -> None:
    t = trim_fragment(re.sub(r"['\u2019]s$", "", text.strip()))
    t = re.sub(r"^(the)\s+", "", t, flags=re.I)
    if fold(t):
        names[person_key(t)][t] += 1


def _cluster(full: list[str], names: dict[str, Counter]) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Union-find over full names: a middle name dropped, a describing word before the name, then
    compare_names on candidate pairs. Returns root → member keys, and member key → reason."""
    parent = {sk: sk for sk in full}
    reason: dict[str, str] = {}

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    shown = [display(names[sk]) for sk in full]
    index = {sk: k for k, sk in enumerate(full)}
    for sk in full:
        short = _without_middle_name(sk, names)
        if short is not None and short in index and find(sk) != find(short):
            parent[find(sk)] = find(short)  # 'Hillary Rodham Clinton' is 'Hillary Clinton'
            reason[sk] = f"middle name dropped: {display(names[short])!r}"
    for sk in full:
        tail = _descriptor_tail(sk, names)
        if tail is not None and tail in index and find(sk) != find(tail):
            parent[find(sk)] = find(tail)  # 'Rival Hillary Clinton', 'Crooked Hillary Clinton'
            reason[sk] = f"a word before the name {display(names[tail])!r}"
    for i, j in candidate_pairs(shown):
        a, b = full[i], full[j]
        same, score, why = compare_names(shown[i], shown[j])
        if same and find(a) != find(b):
            parent[find(b)] = find(a)
            reason[b] = f"{why} vs {shown[i]!r}"
    groups: dict[str, list[str]] = defaultdict(list)
    for sk in full:
        groups[find(sk)].append(sk)
    return groups, reason


_TRAILING = {"of", "the", "and", "or", "a", "an", "to", "in", "on", "for", "with", "by", "at", "from"}


def trim_fragment(text: str) -> str:
    """A name as the NER cut it, without an unclosed quotation and the words after it, or trailing
    function words: 'Marine John “Tig' → 'Marine John', 'Priorities USA Action and Correct the' → ...'Correct'.

    >>> trim_fragment("Marine John “Tig"), trim_fragment("Juan Manriquez of"), trim_fragment("Tony Blair")
    ('Marine John', 'Juan Manriquez', 'Tony Blair')
    """
    for op, cl in (("“", "”"), ("‘", "’"), ('"', '"')):
        k = text.find(op)
        if k > 0 and cl not in text[k + 1:]:
            text = text[:k].rstrip(" ,'’")
    words = text.split()
    while len(words) > 1 and words[-1].lower() in _TRAILING:
        words.pop()
    return " ".join(words)


def _without_middle_name(key: str, names: dict[str, Counter]) -> Optional[str]:
    """The person key with its middle names dropped, when the corpus gives that shorter name too.

    >>> _without_middle_name("hilari rodham clinton", {"hilari clinton": Counter(x=1)})
    'hilari clinton'
    """
    words = key.split()
    if len(words) < 3 or words[-1] in ("jr", "sr", "ii", "iii", "iv"):
        return None
    short = f"{words[0]} {words[-1]}"
    return short if short in names else None


def _descriptor_tail(key: str, names: dict[str, Counter]) -> Optional[str]:
    """The person key without its first word when that word describes rather than names: the rest is a
    full name the corpus gives more often ('rival hillary clinton' → 'hillary clinton'), the first word
    is no initial, and no generational suffix is involved.

    >>> _descriptor_tail("rival hilari clinton", {"rival hilari clinton": Counter(x=1), "hilari clinton": Counter(x=9)})
    'hilari clinton'
    """
    words = key.split()
    if len(words) < 3 or len(words[0]) == 1 or words[-1] in ("jr", "sr", "ii", "iii", "iv"):
        return None
    tail = " ".join(words[1:])
    if tail in names and sum(names[tail].values()) > sum(names[key].values()):
        return tail
    return None


def display(counts: Counter) -> str:
    """Most frequent surface; ties: the longest, then alphabetical."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
