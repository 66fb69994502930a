"""The corpus's person names: full names clustered across articles, who holds a surname or first
name, and what gender the corpus gives a name. Needs no gazetteer.

:class:`PersonNames` is built once per resolution from every article's NER entities and the
names the article pass resolved speakers to. It answers, with a reason line each:

- :meth:`PersonNames.full_name` — the cluster a full name belongs to ('Sergei Lavrov' and
  'Sergey Lavrov', 'Hillary Rodham Clinton' and 'Hillary Clinton', 'Crooked Hillary Clinton');
- :meth:`PersonNames.surname` — the one full name a surname or first name alone stands for:
  the article's own full name first, then the corpus's only holder, then the one holder the corpus
  writes with the office written before the surname ('Vice President Biden': 'Vice President Joe
  Biden'), then a holder of the gender an honorific says, then a dominant holder (:data:`SURNAME_DOMINANCE`); two different first names
  are never merged (Bill and Hillary Clinton stay two clusters);
- :meth:`PersonNames.gender` — 'male'/'female' from the corpus's honorifics, those of the name's first
  name, then the pronouns the articles resolved to it.

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
from functools import lru_cache
from typing import Callable, Optional

from .gender import ANSWERED_LEAST, CORPUS_SHARE, vote
from .given_names import distinct_given_names, hypocorism, listed_given_name
from .name_match import candidate_pairs, compare_names
from .names import (before_dash, fold, honorific_gender, is_pronoun, name_words, plain_name, office_key, person_key,
                    split_honorific, split_title, strip_possessive, surname_key, title_forms)
from .mentions import name_after_role, trim_fragment
from .pronouns import PRONOUN_GENDER
from .records import Attribution
from .textmemo import per_object

__all__ = ["PersonNames", "SURNAME_DOMINANCE", "display"]

#: a surname alone goes to the full name holding this share of the corpus's full-name mentions with it
#: (an in-article full name always comes first); below it, the surname stays an actor of its own
SURNAME_DOMINANCE = 0.8


#: a first name alone reaches a full name's cluster by the given name the cluster is named with or a familiar form of
#: it (graphkit.given_names.hypocorism: 'Bill' of 'William Lane'), never by another given name a member of the cluster
#: is written with ('Melanie' alone is not 'Melanne Verveer', though one article's 'Melanie Verveer' is her name
#: misspelt: two different first names never merge; issue 12; a switch for the tests)
FIRST_NAME_AS_NAMED = True
#: a title's abbreviation written with its stop at the front of a person entity is no part of the name the corpus
#: counts ('Pres. Obama' is Obama: PolNeAR train, the -125 store, 6 claims of one article were the actor 'Pres. Obama'
#: and are Barack Obama's, no other speaker moves; issue 12, the lead's mend of session 68)
TITLE_ABBREVIATION_NO_NAME = True


def first_name_holds(first: str, given: str) -> bool:
    """Whether a member's first word (a skeleton word, :func:`graphkit.names.name_words`) is one a first name alone
    may reach its cluster by: the given name of the cluster's name (``given``) or a familiar form of it
    (:data:`FIRST_NAME_AS_NAMED`).

    >>> first_name_holds("melanie", "melane"), first_name_holds("bil", "viliam"), first_name_holds("melane", "melane")
    (False, True, True)
    """
    return not FIRST_NAME_AS_NAMED or first == given or hypocorism(first, given)


class PersonNames:
    """Full person names of a corpus (2+ words, not in the gazetteer), clustered when
    graphkit.name_match.compare_names says they are one person; surname and first-name holders; genders.

    ``ents``: doc id → (text, label, start, end) entities in text order; ``atts``: doc id → the
    article's attributions; ``types``: entity text → corrected type; ``in_gazetteer``: whether a
    name is the gazetteer's (those are resolved there, not clustered).
    """

    def __init__(self, ents: dict[str, list[tuple]], atts: dict[str, list[Attribution]], types: dict[str, str],
                 in_gazetteer: Callable[[str], bool] = lambda name: False) -> None:
        self.atts = atts
        self.person_ents = {d: [e for e in es if types.get(e[0]) == "person"] for d, es in ents.items()}
        self.names = _surface_counts(self.person_ents, atts)
        #: surnames with a particle that full names of the corpus end with ('de blasio' of 'Bill de Blasio'):
        #: 'De Blasio' alone is that surname, not a full name ('Al Gore' is one: no full name ends 'al gore')
        self.particle_surnames = {k for sk in self.names if " " in (k := surname_key(sk.split()))}
        full = sorted(sk for sk in self.names if len(sk.split()) > 1 and sk not in self.particle_surnames
                      and not in_gazetteer(self.names[sk].most_common(1)[0][0])
                      and not _ends_in_acronym(self.names[sk].most_common(1)[0][0]))
        offices = _offices_by_name(atts)
        groups, self.fuzzy_reason = _cluster(full, self.names, offices)
        self.cluster_of: dict[str, str] = {}
        self.cluster_name: dict[str, str] = {}
        self.by_surname: dict[str, set[str]] = defaultdict(set)
        self.by_first: dict[str, set[str]] = defaultdict(set)
        self.members: dict[str, list[str]] = defaultdict(list)
        for root, members in sorted(groups.items()):
            self.cluster_name[root] = _cluster_display(members, self.names, self.fuzzy_reason)
            given = name_words(self.cluster_name[root])[0][0]
            for m in members:
                self.cluster_of[m] = root
                self.members[root].append(m)
                words = name_words(display(self.names[m]))[0]
                self.by_surname[surname_key(words)].add(root)
                if first_name_holds(words[0], given):
                    self.by_first[words[0]].add(root)
        self._votes: Optional[dict[str, Counter]] = None
        self.office_holders = _office_holders(offices, self.cluster_of)

    # ---- full names
    def full_name(self, name: str) -> Optional[tuple[str, str]]:
        """(cluster root, reason) of a full name of 2+ words the corpus clusters, else None."""
        sk = person_key(name)
        if len(name_words(name)[0]) < 2 or sk not in self.cluster_of or self.single_name(name):
            return None
        root = self.cluster_of[sk]
        why = "same name" if sk == root else self.fuzzy_reason.get(sk) or "fuzzy match after transliteration folding"
        if sk == root and display(self.names[sk]) != name:
            why = "same name after transliteration folding"
        return root, why

    # ---- a surname or first name alone
    @per_object  # asked of every mention's name, many several times
    def single_name(self, name: str) -> Optional[str]:
        """The key of a surname or first name written alone: one word, or a surname with its particle that
        the corpus's full names end with ('De Blasio', 'Van Hollen'); else None (a full name).

        >>> PersonNames({"a": [("Bill de Blasio", "PERSON", 0, 14)]}, {}, {"Bill de Blasio": "person"}).single_name("De Blasio")
        'de blasio'
        """
        words = name_words(strip_possessive(name))[0]
        joined = " ".join(words)
        return words[0] if len(words) == 1 else joined if joined in self.particle_surnames else None

    def surname(self, word: str, doc_id: str, surface: str, gender: Optional[str] = None) -> Optional[tuple[str, str]]:
        """(cluster root, reason) of the one full name a single-word name stands for, else None.

        In order: the article's own full names with that surname, those of the other gender than the
        honorific's left out (:meth:`_article_holder`); failing any, the corpus's (:meth:`_corpus_holder`): its only
        full name with it, the only one it writes with the office before the surname, the only one of the gender the
        honorific says ('Mr. Clinton'), a dominant holder (:meth:`_dominant_name_holder`). ``gender``: what a pronoun
        referring to the mention says, when no honorific does.
        """
        key = self.single_name(word) or name_words(word)[0][0]
        said = honorific_gender(split_honorific(surface or "")[0]) or gender
        local = self._local_holders(key, doc_id, said)
        if local:
            return self._article_holder(local)
        return self._corpus_holder(key, surface, said, by_pronoun=bool(gender))

    def _article_holder(self, local: Counter) -> Optional[tuple[str, str]]:
        """Of the article's full names carrying a surname (with their mention counts), the one, or the one holding
        SURNAME_DOMINANCE of their mentions; None when no one does (the corpus is not asked then)."""
        if len(local) == 1:
            root = next(iter(local))
            return root, f"surname of {self.cluster_name[root]!r} in the same article"
        (root, n), total = local.most_common(1)[0], sum(local.values())
        if n >= SURNAME_DOMINANCE * total:
            return root, (f"surname of {self.cluster_name[root]!r}, who has {n} of the {total} full-name "
                          "mentions with it in the same article")
        return None

    def _corpus_holder(self, key: str, surface: str, said: Optional[str], by_pronoun: bool
                       ) -> Optional[tuple[str, str]]:
        """The corpus's one full name a surname its article does not write in full stands for: the only one with it,
        the only one written with the office before the surname (:meth:`_office_holder`), the only one of the gender
        ``said`` (the reason names the pronoun's when ``by_pronoun``, else the honorific's), else a dominant holder
        by surname and first name (:meth:`_dominant_name_holder`); None when none stands out."""
        corpus = set(self.by_surname.get(key, set()))
        first = set(self.by_first.get(key, set()))
        if len(corpus) == 1:
            root = next(iter(corpus))
            return root, f"surname of {self.cluster_name[root]!r}, the only full name with it in the corpus"
        hit = self._office_holder(key, surface, corpus)
        if hit is not None:
            return hit
        if said and len(corpus) > 1:
            # 'Mr. Clinton': the holders whose gender the corpus knows otherwise drop out
            corpus = {r for r in corpus if self.gender(self.cluster_name[r]) in (None, said)}
            if len(corpus) == 1:
                root = next(iter(corpus))
                return root, (f"surname of {self.cluster_name[root]!r}, the only full name with it in the corpus "
                              + (f"of the gender {surface!r} says" if not by_pronoun else "of the pronoun's gender"))
        return self._dominant_name_holder(corpus, first)

    def _dominant_name_holder(self, corpus: set[str], first: set[str]) -> Optional[tuple[str, str]]:
        """A word's dominant holder among the full names ending with it (``corpus``) and starting with it (``first``),
        together ('Hillary' beside 'Crooked Hillary', a NER cut), or among those starting with it when none ends
        with it: the one holding SURNAME_DOMINANCE of their mentions; else None."""
        if len(corpus) > 1 or (corpus and first):
            hit = self._dominant_holder(corpus | first)
            if hit is not None:
                root, n, total = hit
                return root, (f"{'surname' if root in corpus else 'first name'} of {self.cluster_name[root]!r}, "
                              f"who has {n} of the corpus's {total} full-name mentions with it")
        if not corpus and first:
            hit = self._dominant_holder(first)
            if hit is not None:
                root, n, total = hit
                return root, (f"first name of {self.cluster_name[root]!r}, who has {n} of the corpus's {total} "
                              f"full-name mentions starting with it")
        return None

    def _office_holder(self, key: str, surface: str, corpus: set[str]) -> Optional[tuple[str, str]]:
        """'Vice President Biden' where Beau, Joe and Joseph R. Biden carry the surname: the one of them the corpus
        writes with that same office before the full name ('Vice President Joe Biden'); None when no office is
        written, or when none or several of the surname's holders are written with it."""
        office = office_key(split_title(surface or "")[0])
        holders = self.office_holders.get((office, key), set()) & corpus if office else set()
        if len(holders) != 1:
            return None
        root = next(iter(holders))
        return root, (f"surname of {self.cluster_name[root]!r}, the only full name with it the corpus writes "
                      f"with the office {office!r}")

    def surname_gender(self, word: str, doc_id: str) -> Optional[str]:
        """The gender of a single-word name: that of the one full name it stands for (see :meth:`surname`),
        else that every full name it can stand for agrees on (the article's holders, else the corpus's)."""
        key = self.single_name(word) or (name_words(word)[0] or [None])[0]
        if not key:
            return None
        hit = self.surname(word, doc_id, "")  # the one holder the surname alone stands for ('Obama': Barack)
        roots = {hit[0]} if hit else set(self._local_holders(key, doc_id, None)) or self.by_surname.get(key, set())
        genders = {self.gender(self.cluster_name[r]) for r in roots}
        return genders.pop() if len(genders) == 1 else None

    def unresolved_surname_reason(self, word: str) -> str:
        """Why a single-word name stays an actor of its own."""
        holders = sorted(self.cluster_name[r] for r in self.by_surname.get(self.single_name(word) or name_words(word)[0][0], ()))
        if holders:
            return (f"surname only, and several full names carry it ({', '.join(holders[:4])}"
                    f"{', …' if len(holders) > 4 else ''}): kept apart rather than guessed")
        return "surname only; no full name with it in the corpus"

    def _local_holders(self, key: str, doc_id: str, said: Optional[str]) -> Counter:
        """Clusters of the article's full person names ending with ``key``: root → mentions; with ``said``
        (the gender an honorific says), those the corpus gives the other gender left out."""
        if getattr(self, "_local", (None,))[0] != doc_id:
            # one table per article (the article being resolved), not a walk over its names per surname
            table: dict[str, Counter] = defaultdict(Counter)
            first: dict[tuple[str, str], int] = {}
            for text, _label, start, *_ in self.person_ents.get(doc_id, []):
                bare = strip_possessive(text)
                skw, _ = name_words(bare)
                pk = person_key(bare)
                if len(skw) > 1 and pk in self.cluster_of:
                    table[surname_key(skw)][self.cluster_of[pk]] += 1
                    first.setdefault((surname_key(skw), self.cluster_of[pk]), start)
            self._local = (doc_id, table, first)
        local = Counter(self._local[1].get(key, ()))
        if said:  # 'Mrs. Clinton' in an article naming Bill and Hillary: not Bill, whom the corpus calls 'he'
            local = Counter({r: n for r, n in local.items() if self.gender(self.cluster_name[r]) in (None, said)})
        return local

    def _named_before(self, root: str, key: str, doc_id: str, pos: int) -> bool:
        """Whether the article names the full name ``root`` (a cluster with surname ``key``) before ``pos``: a surname
        after a personal honorific refers back to a full name already given ('Michelle Obama' named after a dozen
        'Mr. Obama', who is her husband, is no one those honorifics name)."""
        self._local_holders(key, doc_id, None)  # the article's table, with where each holder is first named in full
        return self._local[2].get((key, root), pos) < pos

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

    # ---- gender: what the corpus says (honorifics first, then the pronouns the articles resolve)
    def _count_votes(self) -> None:
        """Honorific votes go to a cluster only where they cannot be another person's: 'Mrs. Clinton' in
        an article whose only full name with 'Clinton' is Hillary's, or 'Mr. Bill Clinton'. Pronoun votes
        go where the article pass resolved the pronoun (the weaker evidence: its mistakes vote too)."""
        if self._votes is not None:
            return
        self._votes = {}
        self._pronoun_votes: dict[str, Counter] = defaultdict(Counter)
        self._honorific_votes: dict[str, Counter] = defaultdict(Counter)
        for d in self.atts:
            for a in self.atts[d]:
                said = (a.speaker_text or "").strip()
                g = PRONOUN_GENDER.get(said.lower())
                if g and a.resolved_text and not is_pronoun(a.resolved_text):
                    key = self.root(split_title(a.resolved_text)[1] or a.resolved_text)
                    if key:
                        self._pronoun_votes[key][g] += 1
                    continue
                hon, bare = split_honorific(said)
                g = honorific_gender(hon)
                if not g or not bare or is_pronoun(bare):
                    continue
                words = name_words(strip_possessive(bare))[0]
                single = self.single_name(bare) if words else None
                if len(words) > 1 and single is None:
                    key = self.root(bare)
                else:
                    local = self._local_holders(single, d, None) if single else Counter()
                    key = next(iter(local)) if len(local) == 1 else None
                    if key and not self._named_before(key, single, d, (a.speaker_span or a.spans[0])[0]):
                        key = None  # 'Mr. Obama' before 'Michelle Obama' is named: the president, not she
                if key:
                    self._honorific_votes[key][g] += 1
        self._first_votes: dict[str, Counter] = defaultdict(Counter)
        for root, v in self._honorific_votes.items():
            if root in self.cluster_name:
                self._first_votes[given_name(self.cluster_name[root])] += v
        self._first_pronoun_votes: dict[str, dict[str, Counter]] = defaultdict(dict)
        for root, v in self._pronoun_votes.items():
            if root in self.cluster_name:
                self._first_pronoun_votes[given_name(self.cluster_name[root])][root] = v

    def root(self, name: str) -> Optional[str]:
        """The cluster of a name, else its own person key (None for an empty one)."""
        key = person_key(strip_possessive(name))
        return self.cluster_of.get(key, key if key else None)

    def gender(self, name: str) -> Optional[str]:
        """Gender of a person name by the corpus: its own honorifics (at least 2, four in five one way),
        else the pronouns the articles gave it (at least 3, four in five: Terry Strada is 'she'), else the
        honorifics of every full name with its first name (at least 3), else the pronouns the articles
        gave the other people with its first name (at least 5: Bill Clinton, whom articles naming both
        Clintons gave Hillary's 'she' as often as 'he', is male like the corpus's other Bills).
        None when the evidence is thin or split."""
        return self.gender_evidence(name)[0]

    @per_object
    def gender_evidence(self, name: str, besides: Optional[str] = None) -> tuple[Optional[str], str]:
        """(gender or None, what says so) — see :meth:`gender`; each name worked out once (the votes are counted
        once, `_count_votes`, and nothing changes them after). ``besides``: one pronoun vote of that gender
        ('male' / 'female') not counted, the vote of the pronoun being judged: an article's wrong 'she' for Patrick
        Murphy does not itself make his three 'he' of the corpus too few to say he is male."""
        self._count_votes()
        root = self.root(name) or ""
        first = given_name(self.cluster_name.get(root, name))
        others = sum((v for r, v in self._first_pronoun_votes.get(first, {}).items() if r != root), Counter())
        own = self._pronoun_votes.get(root)
        if besides and own and own[besides] > 0:
            own = own.copy()
            own[besides] -= 1
        for v, least, what in ((self._honorific_votes.get(root), 2, "honorifics before the name"),
                               (own, ANSWERED_LEAST, "pronouns the articles gave the name"),
                               (self._first_votes.get(first), 3, f"honorifics before full names with {first!r}"),
                               (others, 5, f"pronouns the articles gave other people named {first!r}")):
            v = v or Counter()
            g = vote(v["male"], v["female"], least, CORPUS_SHARE)
            if g is not None:
                return g, f"the corpus's {what}: {v['male']} male, {v['female']} female"
        return None, "no agreed gender in the corpus"


def given_name(name: str) -> str:
    """The first word of a name, by which the corpus's other people with that given name vote on a name's gender
    (:meth:`PersonNames.gender_evidence`): the word as written, folded (:func:`graphkit.names.fold`), not its
    skeleton, which other given names share ('Ian' and 'Jan': their votes are no one else's); '' for an empty name.

    >>> given_name("Ian H. Solomon"), given_name("Jan Brewer"), given_name("Joe"), given_name("")
    ('ian', 'jan', 'joe', '')
    """
    words = fold(name).split()
    return words[0] if words else ""


def _offices_by_name(atts: dict[str, list[Attribution]]) -> dict[str, set[str]]:
    """Person key → the offices speakers are written with before that full name ('Vice President Joe Biden':
    'ioe biden' → {'vice president'}), from the speaker phrases."""
    out: dict[str, set[str]] = defaultdict(set)
    for d in sorted(atts):
        for a in atts[d]:
            if a.speaker_type != "PERSON" or not a.speaker_text:
                continue
            title, name = split_title(strip_possessive(a.speaker_text.strip()))
            office = office_key(title) if title else None
            if office and len(name_words(name)[0]) > 1:
                out[person_key(name)].add(office)
    return out


def _office_holders(offices: dict[str, set[str]], cluster_of: dict[str, str]) -> dict[tuple[str, str], set[str]]:
    """(office, surname key) → the clusters of the full names written after that office ('Governor Ann
    Price': ('governor', 'price') → Ann Price's cluster)."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key in sorted(offices):
        if key in cluster_of:
            words = name_words(key)[0]
            for office in offices[key]:
                out[(office, surname_key(words))].add(cluster_of[key])
    return out


def _ends_in_acronym(name: str) -> bool:
    """'Indiana GOP' (the NER's PERSON): a name whose last word is all capitals is no person's full name.

    >>> _ends_in_acronym("Indiana GOP"), _ends_in_acronym("Donald Trump"), _ends_in_acronym("John Smith III")
    (True, False, False)
    """
    last = name.split()[-1].strip(".,;:'’") if name.split() else ""
    return len(last) >= 2 and last.isalpha() and last.isupper() and last not in ("II", "III", "IV")


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
            elif a.resolved_text and a.speaker_type in ("ORG", "NORP", "GPE"):
                named = name_after_role(a.resolved_text)  # 'Fox News host Sean Hannity', typed ORG whole
                if named is not None:
                    _add_name(names, named[1])
    return names


def _add_name(names: dict, text: str) -> None:
    form = _name_form(text)
    if form is not None:
        names[form[0]][form[1]] += 1


@lru_cache(maxsize=262144)  # a corpus names the same people thousands of times
def _name_form(text: str) -> Optional[tuple[str, str]]:
    """(person key, the name as counted) of a person entity's or speaker's text, None when no name is left."""
    t = trim_fragment(strip_possessive(before_dash(plain_name(text))))
    t = re.sub(r"^(the)\s+", "", t, flags=re.I)
    if TITLE_ABBREVIATION_NO_NAME:
        t = _without_title_abbreviation(t)
    return (person_key(t), t) if fold(t) else None


def _without_title_abbreviation(name: str) -> str:
    """A person's name without the title's abbreviation the NER took into it ('Pres. Obama' is Obama, not a person
    whose given name is 'Pres.'; issue 12: since -125 the tokenizer keeps a title's abbreviation one token with its
    stop, and the NER takes 'Pres.' into the name): one written in title case with its stop, as the tokenizer keeps
    it whole (`names.title_forms`; 'SEC.' is an acronym). The list's courtesy titles go too ('Dr. Carson', 'Fr.
    Reyes': the corpus count names people, the gender 'Fr.' says is read from the surface as written); other
    honorifics stay as the corpus pass reads them ('Mr Blair', 'Mrs. Clinton').

    >>> _without_title_abbreviation("Pres. Obama"), _without_title_abbreviation("Sen. Ann Lee")
    ('Obama', 'Ann Lee')
    >>> [_without_title_abbreviation(name) for name in ("Mr Blair", "SEC. Hale", "Pres.")]
    ['Mr Blair', 'SEC. Hale', 'Pres.']
    """
    words = name.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0] in title_forms() else name


class _Clusters:
    """Union-find over person keys that keeps each cluster's members and the given names they are written
    with (an initial or a describing word before the name is none: 'J.J.', 'Crooked')."""

    def __init__(self, keys: list[str]) -> None:
        self.parent = {k: k for k in keys}
        self.members = {k: [k] for k in keys}
        self.firsts = {k: {w[0]} if len(w := name_words(k)[0]) > 1 and len(w[0]) > 1 else set() for k in keys}
        self.reason: dict[str, str] = {}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            x = self.parent[x]
        return x

    def join(self, into: str, other: str, why: str, given: bool = True) -> None:
        """Put ``other``'s cluster into ``into``'s; ``given=False``: ``other``'s first word is a describing word,
        not a given name."""
        ra, rb = self.find(into), self.find(other)
        if ra == rb:
            return
        self.parent[rb] = ra
        self.members[ra] += self.members.pop(rb)
        firsts = self.firsts.pop(rb)
        self.firsts[ra] |= firsts if given else firsts - {name_words(other)[0][0]}
        self.reason[other] = why

    def given_names_agree(self, a: str, b: str) -> bool:
        """Whether two clusters may join: every given name of one is alike (rapidfuzz >= FUZZY_GIVEN_MIN), or a
        familiar form of, every given name of the other (an initial joins both 'Jonah' and 'Jeffrey Goldberg' to
        'J.J. Goldberg', but not the two to each other)."""
        from rapidfuzz import fuzz

        from .name_match import FUZZY_GIVEN_MIN

        return all(x == y or fuzz.ratio(x, y) >= FUZZY_GIVEN_MIN or hypocorism(x, y)
                   for x in self.firsts[self.find(a)] for y in self.firsts[self.find(b)])


def _cluster(full: list[str], names: dict[str, Counter], offices: Optional[dict[str, set[str]]] = None
             ) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Full names clustered: a middle name dropped, a describing word before the name, compare_names on
    candidate pairs of one family (:func:`_one_family`) whose clusters' given names agree, then a familiar
    form of the given name (:func:`_nickname_merges`). Returns root → member keys, and member key → reason.

    >>> names = {k: Counter({n: 1}) for k, n in [("iona goldberg", "Jonah Goldberg"), ("i goldberg", "J.J. Goldberg"),
    ...          ("iefrei goldberg", "Jeffrey Goldberg"), ("riciard ros", "Richard Ross"), ("riciard kros", "Richard Cross")]}
    >>> sorted(len(m) for m in _cluster(sorted(names), names)[0].values())
    [1, 1, 1, 2]
    """
    cl = _Clusters(full)
    shown = [display(names[sk]) for sk in full]
    index = {sk: k for k, sk in enumerate(full)}
    for sk in full:
        short = _without_middle_name(sk, names)
        if short is not None and short in index:
            cl.join(short, sk, f"middle name dropped: {display(names[short])!r}")  # 'Hillary Rodham Clinton'
    for sk in full:
        tail = _descriptor_tail(sk, names)
        if tail is None or tail not in index:
            continue
        if _given_name_before_surname(shown[index[sk]], shown[index[tail]]):
            cl.join(sk, tail, f"{SURNAME_OF} {shown[index[sk]]!r}", given=False)  # 'Wasserman Schultz'
        else:
            cl.join(tail, sk, f"a word before the name {shown[index[tail]]!r}", given=False)  # 'Crooked Hillary Clinton'
    for i, j in candidate_pairs(shown):
        a, b = full[i], full[j]
        if cl.find(a) == cl.find(b) or not _one_family(a, b):
            continue
        same, score, why = compare_names(shown[i], shown[j])
        if same and cl.given_names_agree(a, b):
            cl.join(a, b, f"{why} vs {shown[i]!r}")
    _nickname_merges(full, names, offices or {}, cl)
    return {root: sorted(m) for root, m in cl.members.items()}, cl.reason


def _one_family(a: str, b: str) -> bool:
    """Whether two person keys that compare_names calls alike may be one person across the corpus: the same
    surname skeleton (transliteration variants already meet there: Zelensky / Zelenskyy / Zelenskiy; a letter
    more or less is another family: Ross / Cross, McFaul / McCaul, Brooks / Brock on PolNeAR train), and given
    names that are not two names of the `nicknames` table (Patty / Patrick Murray).

    >>> _one_family("riciard ros", "riciard kros"), _one_family("pati murai", "patrik murai"), _one_family("rence priebus", "reince priebus")
    (False, False, True)
    """
    wa, wb = name_words(a)[0], name_words(b)[0]
    if surname_key(wa) != surname_key(wb):
        return False
    return not any(distinct_given_names(x, y) for x, y in zip(wa[:-1], wb[:-1]) if len(x) > 1 and len(y) > 1)


def _nickname_merges(full: list[str], names: dict[str, Counter], offices: dict[str, set[str]], cl: _Clusters) -> None:
    """Join the clusters of two full names that differ only in a given name written formally and familiarly
    ('Senator Robert J. Lane Jr.' / 'Senator Bob Lane'; graphkit.given_names.hypocorism), when the
    corpus writes both after the same office, or when the formal one is written with a middle initial and the corpus
    gives the surname no other given name (:func:`_formal_with_initial`: 'Edward G. Rendell' / 'Ed Rendell').

    The office is the evidence: a familiar form is also a name of its own ('Gary Johnson' the candidate,
    'Garrett Johnson' an entrepreneur; 'Rick Perry', 'Richard Perry' a fund's chief), and on PolNeAR train a
    table-only rule joined such pairs. Guards: every given name of one cluster is the same as, or a familiar form
    of, every given name of the other (Joe, Joseph and Joshua Smith: Joseph and Joshua are not each other's); the
    same given name with and without a generational suffix never joins (Donald Trump / Donald Trump Jr.); a
    suffix on one side only is allowed ('Joseph R. Biden Jr.', the formal name with its suffix, 'Joe Biden'
    the familiar one without).

    >>> names = {k: Counter({n: 1}) for k, n in [("ioe biden", "Joe Biden"), ("iosef biden jr", "Joseph R. Biden Jr."),
    ...          ("ioe smith", "Joe Smith"), ("iosef smith", "Joseph Smith"), ("bil clinton", "Bill Clinton")]}
    >>> groups, why = _cluster(sorted(names), names, {"ioe biden": {"vice president"}, "iosef biden jr": {"vice president"}})
    >>> sorted(groups["ioe biden"]), why["iosef biden jr"]
    (['ioe biden', 'iosef biden jr'], "given name 'Joseph' written 'Joe', both after the office 'vice president' (vs 'Joe Biden')")
    >>> len(groups)     # Joe and Joseph Smith: no office in common, two people
    4
    """
    by_rest: dict[tuple, list[str]] = defaultdict(list)
    parts = {}
    for sk in full:
        words, gens = name_words(sk)
        if len(words) >= 2:
            parts[sk] = (words[0], frozenset(gens))
            by_rest[tuple(words[1:])].append(sk)

    def suffixes_agree(side_a: list[str], side_b: list[str]) -> bool:  # Donald Trump / Donald Trump Jr.
        return not any(parts[m][0] == parts[n][0] and parts[m][1] != parts[n][1] for m in side_a for n in side_b)

    for rest, keys in sorted(by_rest.items()):
        for x, a in enumerate(keys):
            for b in keys[x + 1:]:
                if not hypocorism(parts[a][0], parts[b][0]) or cl.find(a) == cl.find(b):
                    continue
                side_a = [m for m in cl.members[cl.find(a)] if m in parts]
                side_b = [m for m in cl.members[cl.find(b)] if m in parts]
                shared = set().union(*(offices.get(m, set()) for m in side_a)) & \
                    set().union(*(offices.get(n, set()) for n in side_b))
                if not cl.given_names_agree(a, b) or not suffixes_agree(side_a, side_b):
                    continue
                formal, familiar = (a, b) if len(parts[a][0]) > len(parts[b][0]) else (b, a)
                written = f"given name {_word_as_written(names[formal], 0)!r} written {_word_as_written(names[familiar], 0)!r}"
                if shared:
                    cl.join(a, b, f"{written}, both after the office {min(shared)!r} (vs {display(names[a])!r})")
                elif _formal_with_initial(formal, familiar, parts, names) and \
                        {parts[k][0] for k in keys} == {parts[a][0], parts[b][0]}:
                    cl.join(a, b, f"{written}, the formal name with a middle initial "
                                  f"({display(names[formal])!r}) and no other given name with the surname in the corpus")


def _formal_with_initial(formal: str, familiar: str, parts: dict, names: dict[str, Counter]) -> bool:
    """Whether a pair of full names is a public figure's formal and familiar names: the formal given name is the
    longer ('Edward' / 'Ed', 'Benjamin' / 'Ben'; not 'Fred' / 'Will', which the `nicknames` table pairs through
    Wilfred) and the corpus writes it with a middle initial, as a newspaper's house style names a public figure
    ('Edward G. Rendell', 'Benjamin J. Rhodes', 'Richard J. Durbin' beside 'Ed Rendell', 'Ben Rhodes', 'Dick
    Durbin'). Two private people of one surname ('Bob Mason' a letter carrier, 'Robert Mason' a professor) carry
    no initial.

    >>> names = {"edvard rendel": Counter({"Edward G. Rendell": 3}), "ed rendel": Counter({"Ed Rendell": 9}),
    ...          "robert mason": Counter({"Robert Mason": 2}), "bob mason": Counter({"Bob Mason": 1})}
    >>> parts = {k: (k.split()[0], frozenset()) for k in names}
    >>> _formal_with_initial("edvard rendel", "ed rendel", parts, names), _formal_with_initial("robert mason", "bob mason", parts, names)
    (True, False)
    """
    if len(parts[formal][0]) <= len(parts[familiar][0]):
        return False
    return any(re.match(r"^\S+ [A-Z]\. ", surface) for surface in names[formal])


def _word_as_written(counts: Counter, k: int) -> str:
    """The k-th word of a name's most frequent surface form."""
    return display(counts).split()[k]


def _without_middle_name(key: str, names: dict[str, Counter]) -> Optional[str]:
    """The person key with its middle names dropped, when the corpus gives that shorter name too.

    >>> _without_middle_name("hilari rodham clinton", {"hilari clinton": Counter(x=1)})
    'hilari clinton'
    """
    words = key.split()
    if len(words) < 3 or words[-1] in ("jr", "sr", "ii", "iii", "iv") or " " in surname_key(words):
        return None  # 'Bill de Blasio' has no middle name
    short = f"{words[0]} {words[-1]}"
    return short if short in names else None


#: the reason a two-word surname written alone joins its full name: the cluster is named by the full name
SURNAME_OF = "a two-word surname of"


def _given_name_before_surname(name: str, tail: str) -> bool:
    """Whether a name is a given name before a two-word surname the corpus writes alone more often ('Debbie
    Wasserman Schultz' / 'Wasserman Schultz'), not a describing word before a full name ('Crooked Hillary
    Clinton' / 'Hillary Clinton'): its first word is a given name of the `nicknames` table, the tail's is not.

    >>> _given_name_before_surname("Debbie Wasserman Schultz", "Wasserman Schultz")
    True
    >>> _given_name_before_surname("Crooked Hillary Clinton", "Hillary Clinton"), _given_name_before_surname("Billie Jean King", "Jean King")
    (False, False)
    """
    first, rest = name.split()[0], tail.split()
    return len(rest) == 2 and listed_given_name(first) and not listed_given_name(rest[0])


def _cluster_display(members: list[str], names: dict[str, Counter], reasons: dict[str, str]) -> str:
    """A cluster's name: its most frequent surface, leaving out a two-word surname written alone (the cluster is
    'Debbie Wasserman Schultz' however often the corpus writes 'Wasserman Schultz')."""
    total, full = Counter(), Counter()
    for m in members:
        total.update(names[m])
        if not reasons.get(m, "").startswith(SURNAME_OF):
            full.update(names[m])
    return display(full or total)


def _descriptor_tail(key: str, names: dict[str, Counter]) -> Optional[str]:
    """The person key without its first word when that word describes rather than names: the rest is a
    full name the corpus gives more often ('rival hillary clinton' → 'hillary clinton'), the first word
    is no initial, and no generational suffix is involved.

    >>> _descriptor_tail("rival hilari clinton", {"rival hilari clinton": Counter(x=1), "hilari clinton": Counter(x=9)})
    'hilari clinton'
    """
    words = key.split()
    if len(words) < 3 or len(words[0]) == 1 or words[-1] in ("jr", "sr", "ii", "iii", "iv") \
            or surname_key(words) == " ".join(words[1:]):
        return None  # 'de blasio' is the surname of 'Bill de Blasio', not a full name after a describing word
    tail = " ".join(words[1:])
    if tail in names and sum(names[tail].values()) > sum(names[key].values()):
        return tail
    return None


def display(counts: Counter) -> str:
    """Most frequent surface; ties: the longest, then alphabetical."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
