"""Corpus-level merges of actors that need no gazetteer: short forms, acronyms, shortened words, roles.

graphkit.resolve assigns every speaker mention to a draft actor, one article at a
time. This module then looks at the drafts of the whole corpus and proposes
merges, each with its reason, that hold with an empty ``actors.yaml``:

- an organisation written as a common short form ("Tories", "Lib Dems", "GOP")
  takes its full name from ``models/short_forms.yaml`` (:func:`short_form_names`);
- an acronym merges into the one organisation of the corpus whose initials it
  is ("FBI" → "Federal Bureau of Investigation"), shortened words into the one
  name they shorten ("Lib Dems" → "Liberal Democrats") (:func:`organisation_merges`);
- an unresolved role ("the prime minister") merges into the one person the
  corpus names in that role ("Prime Minister Tony Blair") (:func:`role_merges`);
  a role that several people hold in the corpus is, in one article, the person
  the article names just before whom the corpus names in that role ("Reid ...
  The minority leader said": :func:`roles_named_before`), else stays a role actor;
- a body named by whose it is ("Clinton's campaign", "Hillary Clinton's campaign", "Mrs. Clinton's campaign") is
  one actor per owner and body: the owner's name is read as the article and the corpus read a person's name
  (:func:`body_owner_merges`).

Functions take ``drafts``: key → an object with ``name``, ``type``, ``roles``
(graphkit.actor_drafts' drafts) and ``mentions``: key → number of mentions, and
return ``(from key, into key, reason)`` triples; :func:`merge_across_corpus` applies
them all to the drafts and the speaker → draft table (:func:`apply_merge`), once the
in-article resolution (graphkit.resolve) has given every mention a draft.

>>> from types import SimpleNamespace as D
>>> drafts = {"a": D(name="FBI", type="organisation", roles=[]),
...           "b": D(name="Federal Bureau of Investigation", type="organisation", roles=[]),
...           "c": D(name="prime minister", type="role", roles=[]),
...           "d": D(name="Tony Blair", type="person", roles=["Prime Minister", "prime minister"])}
>>> organisation_merges(drafts)
[('a', 'b', "acronym of 'Federal Bureau of Investigation', the only organisation in the corpus with those initials")]
>>> role_merges(drafts, {"c": 3, "d": 40})
[('c', 'd', "role 'prime minister' named with one person only in the corpus: 'Tony Blair'")]
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import Callable, Iterable, Optional

from .names import (ORG_NOUNS, TITLE_ROLES, drop_article, fold, has_org_word, name_words, plain_name, strip_possessive,
                    surname_key, without_the)
from .pronouns import NAMES_NO_ONE

ORG_TYPES = ("organisation", "government", "media", "group", "other")
_INITIAL_SKIP = {"of", "the", "and", "for", "&", "de", "du", "la", "le", "der", "die", "in", "on", "to"}
_ROLE_DROP = {"the", "a", "an", "current"}  # 'former president' stays another role than 'president'


def load_short_forms() -> dict[str, str]:
    """short form as written → full name, from models/short_forms.yaml (empty when a models/ copy has
    no such file); a malformed file raises ModelsFileError with the fix.

    >>> load_short_forms()["Lib Dems"]
    'Liberal Democrats'
    """
    from .errors import ModelsFileError
    from .knowledge import load_yaml, models_dir

    if not (models_dir() / "short_forms.yaml").exists():
        return {}
    data = load_yaml("short_forms.yaml") or {}
    forms = data.get("short_forms") if isinstance(data, dict) else None
    if not isinstance(forms, dict) or not all(isinstance(v, list) for v in forms.values()):
        raise ModelsFileError("models/short_forms.yaml must map each full name to a list of short forms under "
                              "'short_forms:' (Liberal Democrats: [Lib Dems]); fix the file")
    return _invert(tuple((str(k), tuple(str(s) for s in v)) for k, v in forms.items()))


@lru_cache(maxsize=8)
def _invert(forms: tuple) -> dict[str, str]:
    return {plain_name(s): full for full, shorts in forms for s in shorts}


def short_form_names(drafts: dict, short_forms: Optional[dict[str, str]] = None) -> dict[str, tuple[str, str]]:
    """key → (full name, reason) for organisation drafts named by a common short form, as written
    (capitals count: "Conservatives" the party, not "conservatives"; a draft also written otherwise,
    "conservatives" among its mentions, is left alone).

    >>> from types import SimpleNamespace as D
    >>> short_form_names({"t": D(name="Tories", type="group")}, {"Tories": "Conservative Party"})
    {'t': ('Conservative Party', "short form of 'Conservative Party' (models/short_forms.yaml)")}
    """
    sf = load_short_forms() if short_forms is None else short_forms
    out = {}
    for key, d in drafts.items():
        if d.type not in ORG_TYPES:
            continue
        name = plain_name(drop_article(d.name))
        full = sf.get(name)
        written = {plain_name(drop_article(a)) for a in getattr(d, "aliases", ())}
        if full and fold(full) != fold(name) and all(sf.get(w) == full or w == full for w in written if w):
            out[key] = (full, f"short form of {full!r} (models/short_forms.yaml)")
    return out


def initials(name: str) -> str:
    """Initials of a multi-word name, function words skipped.

    >>> initials("Federal Bureau of Investigation"), initials("Scottish National Party")
    ('FBI', 'SNP')
    """
    return "".join(w[0].upper() for w in _initial_words(name))


def _initial_words(name: str) -> list[str]:
    """The words of a name an acronym takes its letters from: split at spaces and hyphens, function words
    (``_INITIAL_SKIP``) and words opening with no letter left out.

    >>> _initial_words("Bureau of Alcohol, Tobacco-Firearms"), _initial_words("the 9/11 Commission")
    (['Bureau', 'Alcohol,', 'Tobacco', 'Firearms'], ['Commission'])
    """
    return [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _INITIAL_SKIP and w[0].isalpha()]


def opens_with_no_one(name: str) -> bool:
    """Whether a stored group's name opens with a word that names no one by itself (``graphkit.pronouns.NAMES_NO_ONE``:
    'Nobody in British Columbia', 'Some in the party', 'those surveyed'; the string form of
    graphkit.speaker_phrase.names_no_one, which keeps what follows such a word): a description as written, no
    organisation's name, so no initials an acronym could stand for ('NBC' is not 'Nobody in British Columbia').

    >>> opens_with_no_one("Nobody in British Columbia"), opens_with_no_one("National Broadcasting Company")
    (True, False)
    """
    words = fold(name).split()
    return bool(words) and words[0] in NAMES_NO_ONE


def spelled_out(name: str) -> bool:
    """Whether a name of two words or more can be what an acronym stands for: a proper name, each of its words that
    is no function word capitalised ('Associated Press', 'Alliance to Reclaim Our Schools'), not a common-noun
    phrase whose initials happen to be the acronym's ('advisory panel', 'His popularity' are no 'AP', 'HP').

    >>> spelled_out("Associated Press"), spelled_out("Alliance to Reclaim Our Schools"), spelled_out("advisory panel")
    (True, True, False)
    >>> spelled_out("His popularity"), spelled_out("Press")
    (False, False)
    """
    words = _initial_words(name)
    return len(words) >= 2 and all(w[0].isupper() for w in words)


#: a name written out in capitalised words, the function words an acronym's initials leave out between them
#: (``_INITIAL_SKIP``: 'Taxpayers for Common Sense in Ohio', 'Banque de France'), a possessive inside it ("Alpine
#: People's Party")
_WRITTEN_OUT = (r"[A-Z][\w’'.&]*(?:[\s\-]+(?:(?:" + "|".join(map(re.escape, sorted(_INITIAL_SKIP))) + r")\s+)*"
                r"[A-Z][\w’'.&]*)+")


def written_out(acronym: str, text: str) -> Optional[tuple[str, tuple[int, int], str]]:
    """The name an article writes an acronym out as, where it is, and why: the name the article defines it as, written
    just before it in brackets or after 'or' ("the Alpine People's Party, or AVP, ...", "Taxpayers for Common
    Sense in Ohio (TCSO)": a name in another language or with words the initials leave out, whose first
    letter is the acronym's); else the one name the article writes whose initials it is (:func:`initials`,
    :func:`spelled_out`: 'Associated Press' for 'AP'). A name in capitals ('WASHINGTON (AP)', a dateline) defines
    nothing. None when the article writes it out nowhere, or as two names.

    >>> written_out("AVP", "In 1999 the Alpine People’s Party, or AVP, won. The AVP said so.")[0::2]
    ('Alpine People’s Party', 'defined by the article as the acronym of it')
    >>> written_out("AP", "WASHINGTON (AP) — The Associated Press reported it. AP said so.")[0::2]
    ('Associated Press', 'the one name of the article with those initials')
    >>> written_out("AP", "WASHINGTON (AP) — AP said so."), written_out("AP", "An advisory panel met. AP said so.")
    (None, None)
    """
    for m in re.finditer(rf"({_WRITTEN_OUT})\s*(?:\(\s*(?:the\s+)?{re.escape(acronym)}\s*\)|,\s+or\s+(?:the\s+)?"
                         rf"{re.escape(acronym)}(?!\w))", text):
        name, at = _without_the(m.group(1), m.start(1))
        if name[:1] == acronym[:1] and not name.isupper() and len(name.split()) >= 2:
            return name, (at, at + len(name)), "defined by the article as the acronym of it"
    found: dict[str, tuple[str, tuple[int, int]]] = {}
    for m in re.finditer(_WRITTEN_OUT, text):
        name, at = _without_the(strip_possessive(m.group(0), bare_apostrophe=True), m.start())
        if initials(name) == acronym and spelled_out(name) and not name.isupper():
            found.setdefault(fold(name), (name, (at, at + len(name))))
    if len(found) == 1:
        name, span = next(iter(found.values()))
        return name, span, "the one name of the article with those initials"
    return None


def _without_the(name: str, at: int) -> tuple[str, int]:
    """A written-out name without a leading 'The' ('The Associated Press' is 'Associated Press'), and where it
    starts."""
    bare = without_the(name)
    return bare, at + len(name) - len(bare)


def acronym_form(name: str) -> Optional[str]:
    """The letters of an acronym ('F.B.I.' → 'FBI'), or None when the name is not one.

    >>> acronym_form("F.B.I."), acronym_form("NATO"), acronym_form("Labour")
    ('FBI', 'NATO', None)
    """
    letters = name.replace(".", "").strip()
    if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper():
        return letters
    return None


#: endings that make another word of a word, not a shorter name of it: 'report' is no 'reporter', 'poll' no 'polling'
_WORD_ENDINGS = ("er", "ers", "ing", "ings", "ed")


def shortens(short: str, full: str, names: frozenset = frozenset()) -> bool:
    """Does each word of ``short`` shorten the word of ``full`` in its place ('Lib Dems' / 'Liberal Democrats')?

    A word is shortened by clipping its end (`_clips`); a word of ``short`` that ``names`` holds as written (the
    one-word short forms of models/short_forms.yaml: 'Fed' is the Federal Reserve) is that name, no clipping of a
    word written in lower case ('Fed officials' are not 'federal officials').

    >>> shortens("Lib Dems", "Liberal Democrats"), shortens("Lib Dems", "Liberal Party")
    (True, False)
    >>> shortens("Sanders camp", "Sanders campaign"), shortens("Fed officials", "federal officials", frozenset({"Fed"}))
    (True, False)
    >>> shortens("a new poll", "new polls"), shortens("NBC report", "NBC reporter")
    (False, False)
    """
    a, b = fold(short).split(), fold(full).split()
    if len(a) != len(b) or len(a) < 2 or a == b:
        return False
    if names and len(short.split()) == len(a) and len(full.split()) == len(b) and any(
            w in names and v[:1].islower() for w, v in zip(short.split(), full.split())):
        return False
    return all(_clips(x, y) for x, y in zip(a, b))


def _clips(x: str, y: str) -> bool:
    """Whether the folded word ``x`` is ``y`` or ``y`` with its end clipped: 'lib' / 'liberal', 'dems' / 'democrats',
    'camp' / 'campaign'; not the other number of the same word ('poll' / 'polls': one poll is not the polls, one
    supporter not the supporters), nor the word with an ending that makes another word of it (`_WORD_ENDINGS`:
    'report' / 'reporter', 'poll' / 'polling').

    >>> _clips("dems", "democrats"), _clips("supporter", "supporters"), _clips("report", "reporter")
    (True, False, False)
    """
    if x == y:
        return True
    xs, ys = x.rstrip("s"), y.rstrip("s")
    if len(xs) < 3 or not ys.startswith(xs):
        return False
    return xs != ys and y[len(xs):] not in _WORD_ENDINGS and ys[len(xs):] not in _WORD_ENDINGS


def _shortening_key(name: str) -> Optional[tuple[int, str]]:
    """(words, first three letters of the first word) that a name and every name it `shortens` share; None
    when it shortens nothing. Organisations are compared within these blocks, not each with each."""
    words = fold(name).split()
    first = words[0].rstrip("s") if words else ""
    return (len(words), first[:3]) if len(words) >= 2 and len(first) >= 3 else None


def organisation_merges(drafts: dict) -> list[tuple[str, str, str]]:
    """Acronyms and shortened names that point to exactly one longer organisation name in the corpus."""
    orgs = {k: d for k, d in drafts.items() if d.type in ORG_TYPES}
    names = frozenset(s for s in load_short_forms() if len(s.split()) == 1)  # the one-word short forms
    by_initials: dict[str, list[str]] = defaultdict(list)
    by_start: dict[tuple[int, str], list[str]] = defaultdict(list)  # what a shortened name can shorten
    for k, d in orgs.items():
        if spelled_out(d.name) and not opens_with_no_one(d.name):
            by_initials[initials(d.name)].append(k)
        key = _shortening_key(d.name)
        if key is not None:
            by_start[key].append(k)
    out = []
    for k, d in sorted(orgs.items()):
        acr = acronym_form(d.name)
        if acr:
            hits = [x for x in by_initials.get(acr, []) if x != k]
            if len(hits) == 1:
                out.append((k, hits[0], f"acronym of {orgs[hits[0]].name!r}, the only organisation in the corpus "
                                        "with those initials"))
            continue
        key = _shortening_key(d.name)
        hits = [x for x in by_start.get(key, ()) if x != k and shortens(d.name, orgs[x].name, names)] if key else []
        if len(hits) == 1:
            out.append((k, hits[0], f"shortened form of {orgs[hits[0]].name!r}, the only name in the corpus it shortens"))
    return out


def role_key(role: str) -> str:
    """A role compared across articles: folded, without determiners ('former' stays: another office).

    >>> role_key("the Prime Minister"), role_key("former Secretary of State")
    ('prime minister', 'former secretary of state')
    """
    return " ".join(w for w in fold(role).split() if w not in _ROLE_DROP)


#: words before a title or role that make it another office held now ('Vice President', 'Deputy Mayor', 'press
#: secretary' is no 'secretary'): a title before a name keeps them (graphkit.speaker_parts.office_title)
RANK_WORDS = frozenset({"vice", "deputy", "assistant", "associate", "acting", "interim", "under", "lieutenant", "co",
                        "first", "second", "press", "chief", "senior", "junior", "ranking", "executive", "shadow",
                        "general"})
#: the words of RANK_WORDS that are also nouns naming who holds an office ('the chief', 'an executive', 'the general',
#: 'a senior associate', 'her deputy'): a role may end on them (graphkit.actor_drafts.roles_of). Listed, not derived
#: from graphkit.person_nouns: WordNet's person sense of a rank word is not its sense in a title. That list also holds
#: 'senior' and 'junior' (a student's year) and 'ex' (a former spouse), which in a role are only what is left of a
#: title cut off ('Senior' of 'Senior Adviser': actor_drafts.roles_of's example); and a copy of models/ without the
#: file would then read no role ending on them.
RANK_NOUNS = frozenset({"chief", "executive", "general", "lieutenant", "associate", "assistant", "deputy"})
#: words before a role that make it another office by time ('former president', 'ex-mayor', 'then senator')
TIME_WORDS = frozenset({"former", "ex", "then"})
#: words before a role that make it another office ('vice president' is no 'president', 'former president' none
#: either); other words before it only say where or whose ('Senate minority leader' is a 'minority leader')
OTHER_OFFICE = RANK_WORDS | TIME_WORDS


def holds_role(role: str, roles) -> bool:
    """Whether a person named in ``roles`` holds ``role``: one of them is that role, or that role with words
    before or among its words that say where or whose, not another office.

    >>> holds_role("minority leader", ["Senate Minority Leader"]), holds_role("president", ["Vice President"])
    (True, False)
    >>> holds_role("the Florida senator", ["Florida senator"]), holds_role("foreign secretary", ["shadow foreign secretary"])
    (True, False)
    >>> holds_role("the former ambassador", ["former U.N. Ambassador"]), holds_role("former president", ["former vice president"])
    (True, False)
    """
    return _holds_role_key(role_key(role), (role_key(r) for r in roles))


def _holds_role_key(rk: str, keys: Iterable[str]) -> bool:
    """`holds_role` of a role key among role keys (`role_key`)."""
    if not rk:
        return False
    want = rk.split()
    for k in keys:
        extra = _words_besides(k.split(), want)
        if extra is not None and not set(extra) & OTHER_OFFICE:
            return True
    return False


def same_office(role: str, other: str, names: Iterable[str] = ()) -> bool:
    """Whether two roles ending with the same office (a title written short, 'Sen.', 'Gov.', is its office:
    :data:`graphkit.names.TITLE_ROLES`) are one office written with other words: the same words of
    :data:`OTHER_OFFICE` before it, and no word naming the office that differs (:func:`office_words`: 'majority
    leader' and 'minority leader', 'attorney general' and 'surgeon general' are two offices; 'the senator' and
    'South Carolina Sen.' one). ``names``: the words of the roles that say where, whose or what holder, never which
    office, lower-cased (an article's names of places, bodies and parties and the words it writes only as describing
    words: graphkit.article_names.ArticleNames._names_in): 'former three-term governor' and 'former Texas Gov.' are one
    office; 'vice president' and 'president', 'former president' and 'president' are not.

    >>> same_office("former three-term governor", "former Texas Gov.", ["texas"]), same_office("the senator", "Sen.")
    (True, True)
    >>> senate = ["senate"]
    >>> same_office("president", "vice president"), same_office("the majority leader", "Senate Minority Leader", senate)
    (False, False)
    >>> same_office("attorney general", "surgeon general"), same_office("the majority leader", "Senate Majority Leader")
    (False, True)
    """
    a, b = _office_key(role), _office_key(other)
    if not a or not b or a[-1] != b[-1] or set(a) & OTHER_OFFICE != set(b) & OTHER_OFFICE:
        return False
    mine, theirs = office_words(a, names), office_words(b, names)
    return not (mine and theirs) or bool(mine & theirs)


def office_words(key: list[str], names: Iterable[str] = ()) -> set[str]:
    """The words of a role key (:func:`_office_key`) before its last that name which office it is ('majority' of
    'senate majority leader', 'attorney' of 'attorney general'): none of :data:`OTHER_OFFICE` (compared apart), nor a
    word of ``names`` ('senate', 'new', 'jersey' of 'new jersey'; places, bodies and parties say where or whose).

    >>> sorted(office_words("senate majority leader".split(), ["senate"]))
    ['majority']
    >>> office_words(_office_key("longtime governor"))
    set()
    """
    named = {w for n in names for w in n.split()}
    return {w for w in key[:-1] if w not in OTHER_OFFICE and w not in named}


#: the words of :data:`OTHER_OFFICE` that open a hyphened compound naming another office ('ex-', 'vice-'): not the
#: ordinals, which open one counting terms ('first-term', 'second-term')
_OFFICE_PREFIXES = OTHER_OFFICE - {"first", "second"}


def _office_key(role: str) -> list[str]:
    """A role's key (:func:`role_key`) as words, its last a title's office ('sen.' is 'senator'), without the words
    that describe its holder: a hyphened compound before the last word ('three-term', 'long-serving': how long or how
    well, never which office) unless it opens with a word of :data:`OTHER_OFFICE` that is no ordinal ('ex-Labour
    leader', 'vice-presidential candidate' stay; 'first' of 'first-term' counts terms, it is no 'first lady'), and a
    word ending in 'time' ('longtime', 'onetime').

    >>> _office_key("the first-term Sen."), _office_key("former longtime governor"), _office_key("the ex-mayor")
    (['senator'], ['former', 'governor'], ['ex', 'mayor'])
    """
    words = role.split()
    kept = [w for w in words[:-1] if not ("-" in w.strip("-") and fold(w.split("-")[0]) not in _OFFICE_PREFIXES)
            and not w.lower().endswith("time")]
    key = role_key(" ".join(kept + words[-1:])).split()
    return key[:-1] + [TITLE_ROLES.get(key[-1].rstrip("."), key[-1])] if key else key


def _words_besides(held: list[str], role: list[str]) -> Optional[list[str]]:
    """The words of a held role besides those of ``role``, when ``role``'s words are in it in order and it ends with the
    same word ('former U.N. ambassador' holds 'former ambassador' besides 'u.n.'); else None.

    >>> _words_besides(["former", "u.n.", "ambassador"], ["former", "ambassador"]), _words_besides(["senator"], ["senate"])
    (['u.n.'], None)
    """
    if not held or held[-1] != role[-1]:
        return None
    extra, k = [], 0
    for w in held:
        if k < len(role) and w == role[k]:
            k += 1
        else:
            extra.append(w)
    return extra if k == len(role) else None


def role_merges(drafts: dict, mentions: dict[str, int]) -> list[tuple[str, str, str]]:
    """Role actors whose role the corpus names with exactly one person ("Prime Minister Tony Blair")."""
    holders: dict[str, set[str]] = defaultdict(set)
    for k, d in drafts.items():
        if d.type == "person":
            for r in d.roles:
                if role_key(r):
                    holders[role_key(r)].add(k)
    out = []
    for k, d in sorted(drafts.items()):
        if d.type != "role":
            continue
        rk = role_key(d.name)
        people = holders.get(rk, set())
        if len(people) == 1:
            p = next(iter(people))
            out.append((k, p, f"role {rk!r} named with one person only in the corpus: {drafts[p].name!r}"))
    return out


def person_role_keys(drafts: dict) -> Callable[[str], tuple[str, ...]]:
    """A person draft's distinct role keys (`role_key`), each person's worked out once and remembered: a draft's roles
    are one per mention (a person quoted 100,000 times in the 1M-claim bench), and every role mention after that
    person read them all again (a quarter of that resolution). One home for `roles_named_before` and
    `described_speakers`.

    >>> from types import SimpleNamespace as D
    >>> keys_of = person_role_keys({"p": D(roles=["Senate Minority Leader", "senate minority leader", "Sen."])})
    >>> keys_of("p")
    ('senate minority leader', 'sen')
    """
    role_keys: dict[str, tuple[str, ...]] = {}

    def keys_of(person: str) -> tuple[str, ...]:
        if person not in role_keys:
            role_keys[person] = tuple(dict.fromkeys(role_key(r) for r in drafts[person].roles))
        return role_keys[person]

    return keys_of


def roles_named_before(drafts: dict, speaker_of: dict, positions: dict) -> list[tuple[tuple[str, int], str, str]]:
    """Role mentions ("The minority leader said") that are the person the article's speaker just before is,
    when the corpus names that person in that role ("Senate Minority Leader Harry Reid" elsewhere): returns
    (mention, person draft key, reason). ``positions``: mention → its offset in the article.

    Only the nearest person speaker before counts, and only when the corpus gives it the role: the
    Republican candidate after Ben Carson, whom the corpus never calls so, stays a role rather than go to
    another candidate the article named earlier (on PolNeAR train, with any earlier person of the article
    holding the role, it did).

    >>> from types import SimpleNamespace as D
    >>> drafts = {"r": D(name="the minority leader", type="role"), "p": D(name="Harry Reid", type="person",
    ...           roles=["Senate Minority Leader"]), "q": D(name="Ben Carson", type="person", roles=[])}
    >>> roles_named_before(drafts, {("a", 0): "p", ("a", 1): "r", ("b", 0): "q", ("b", 1): "r"},
    ...                    {("a", 0): 10, ("a", 1): 90, ("b", 0): 5, ("b", 1): 50})[0][:2]
    (('a', 1), 'p')
    """
    by_doc: dict[str, list[tuple[int, tuple[str, int]]]] = defaultdict(list)
    for k in speaker_of:
        if k in positions:
            by_doc[k[0]].append((positions[k], k))
    out = []
    keys_of = person_role_keys(drafts)
    for doc in sorted(by_doc):
        person = None  # the nearest person speaker so far
        for _pos, k in sorted(by_doc[doc]):
            d = drafts.get(speaker_of[k])
            if d is None:
                continue
            if d.type == "person":
                person = speaker_of[k]
            elif d.type == "role" and person is not None and _holds_role_key(role_key(d.name), keys_of(person)):
                out.append((k, person, f"role {role_key(d.name)!r} after {drafts[person].name!r}, the speaker "
                                       f"just before, whom the corpus names in that role"))
    return out


# --------------------------------------------------------------------------- bodies named by their owner


def owner_and_body(name: str) -> Optional[tuple[str, str]]:
    """(owner as written, body words) of a body named by whose it is: capitalised words, possessive or not, then
    lower-case words ending with a body's noun (graphkit.names.ORG_NOUNS); None for any other name.

    >>> owner_and_body("Hillary Clinton's campaign"), owner_and_body("The Clinton campaign")
    (('Hillary Clinton', 'campaign'), ('Clinton', 'campaign'))
    >>> owner_and_body("Mr. Sanders’s presidential campaign"), owner_and_body("editorial board")
    (('Mr. Sanders', 'presidential campaign'), None)
    >>> owner_and_body("Clinton Foundation"), owner_and_body("leaders of the party")
    (None, None)
    """
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    k = len(words)
    while k > 0 and words[k - 1].islower():
        k -= 1
    body, owner = words[k:], words[:k]
    if not body or not owner or body[-1] not in ORG_NOUNS or not all(w[:1].isupper() for w in owner):
        return None
    return " ".join(owner[:-1] + [strip_possessive(owner[-1])]), " ".join(body)


def owner_person(people, owner: str, doc_id: str) -> Optional[str]:
    """The person cluster root (graphkit.people.PersonNames) an owner's name stands for in article ``doc_id``: the
    longest run of its last words that is a full name the corpus clusters ('Rival Hillary Clinton' → Hillary
    Clinton), else its last word as a surname, read in the article first with the honorific's gender ('Mrs.
    Clinton'); None when neither names one person, or when the person's surname is not the owner's last word (a
    first name: 'Supreme' of a 'Supreme Court' the NER took for a person, 'Daily' of 'People's Daily'), or when its
    full name holds an organisation's word."""
    words = owner.split()
    for i in range(len(words) - 1):
        hit = people.full_name(" ".join(words[i:]))
        if hit is not None:
            return hit[0]
    hit = people.surname(words[-1], doc_id, owner)
    if hit is None:
        return None
    full = people.cluster_name[hit[0]]
    if surname_key(name_words(full)[0]) != surname_key(name_words(words[-1])[0]) or has_org_word(full):
        return None  # a first name, or an organisation the NER took for a person ('York Times' of 'Times newspaper')
    return hit[0]


def body_owner_merges(drafts: dict, mentions: dict[str, list], people
                      ) -> tuple[list[tuple[tuple[str, int], str, str]], list[tuple[str, str, str]]]:
    """One draft per owner and body for the bodies named by their owner ("Clinton's campaign", "Hillary Clinton's
    campaign", "Mrs. Clinton's campaign"), named by the owner's full name ("Hillary Clinton's campaign").

    Each mention's owner is read in its own article (:func:`owner_person`), so a "Clinton's campaign" of an article
    about Bill Clinton is his campaign, not hers. An owner's body goes into the draft holding most of its mentions
    among the drafts that hold no other owner's ("Reed's campaign" written of Ann Reed in some articles and of Bob
    Reed in others is neither's destination); with no such draft its mentions stay. An owner naming no one person,
    and a gazetteer entry, stay as they are.

    Returns the moves ((doc id, index), into key, reason) and the renames (key, full name, reason).
    """
    groups: dict[tuple[str, str], list[tuple[tuple[str, int], str]]] = defaultdict(list)
    owners_of: dict[str, set] = defaultdict(set)  # draft key -> the (owner, body) groups its mentions are of
    for key in sorted(drafts):
        d = drafts[key]
        parts = owner_and_body(d.name) if d.type in ORG_TYPES and d.entry is None else None
        if parts is None:
            continue
        for k in sorted(mentions.get(key, ())):
            root = owner_person(people, parts[0], k[0])
            if root is not None:
                groups[(root, parts[1])].append((k, key))
                owners_of[key].add((root, parts[1]))
    moves, renames = [], []
    for (root, body), items in sorted(groups.items()):
        held: dict[str, int] = defaultdict(int)
        for _, key in items:
            held[key] += 1
        own = [key for key in held if len(owners_of[key]) == 1]
        if not own:
            continue
        dst = min(own, key=lambda key: (-held[key], key))
        owner = people.cluster_name[root]
        why = f"the {body} of {owner!r}, whose name its owner's stands for in the article"
        moves.extend((k, dst, why) for k, key in items if key != dst)
        name = f"{owner}'s {body}"
        if fold(name) != fold(drafts[dst].name):
            renames.append((dst, name, f"named by its owner's full name, {owner!r}"))
    return moves, renames


# --------------------------------------------------------------------------- applying the merges


#: a definite description of one person left no person ('the businessman said', 'The retired neurosurgeon added') is
#: the one person speaker of its article the corpus names in that role (`described_speakers`; issue 12)
DESCRIBED_SPEAKER = True


def described_speakers(drafts: dict, speaker_of: dict, described: dict[tuple[str, int], str]
                       ) -> list[tuple[tuple[str, int], str, str]]:
    """Mentions that describe one person ('the businessman', graphkit.mentions.definite_description) and were given no
    person, each with the one person speaker of its article whom the corpus names in that role (`holds_role`: 'real
    estate mogul Ann Lee' elsewhere), as (mention, person draft key, reason); none when two of the article's person
    speakers hold it ('the candidate' of an article quoting two candidates) or none does, and none for an office
    left ('the former president': `TIME_WORDS`), whose holder is seldom quoted beside the one it is read back to (a
    past president described in an article quoting a candidate). ``described``: (doc id, index) → the role the
    mention describes.

    >>> from types import SimpleNamespace as D
    >>> drafts = {"b": D(name="businessman", type="anonymous"), "p": D(name="Ann Lee", type="person",
    ...           roles=["billionaire businessman"]), "q": D(name="Tom Hale", type="person", roles=["senator"])}
    >>> speaker_of = {("a", 0): "p", ("a", 1): "q", ("a", 2): "b", ("c", 0): "q", ("c", 1): "b"}
    >>> described = {("a", 2): "businessman", ("c", 1): "businessman"}
    >>> [(k, p) for k, p, _ in described_speakers(drafts, speaker_of, described)]
    [(('a', 2), 'p')]
    """
    people: dict[str, set[str]] = defaultdict(set)  # article -> its person speakers
    for k, v in speaker_of.items():
        if v in drafts and drafts[v].type == "person":
            people[k[0]].add(v)
    keys_of = person_role_keys(drafts)
    out = []
    for k, role in sorted(described.items()):
        d = drafts.get(speaker_of.get(k))
        key = role_key(role)
        if d is None or d.type == "person" or set(key.split()) & TIME_WORDS:
            continue
        holders = [p for p in sorted(people.get(k[0], ())) if _holds_role_key(key, keys_of(p))]
        if len(holders) == 1:
            out.append((k, holders[0], f"description {key!r} of the one person speaker of its article "
                                       f"the corpus names so: {drafts[holders[0]].name!r}"))
    return out


#: a body or document described by its noun alone and left so ('the administration said', 'The fund warned') is the
#: one actor its article writes as a name before that noun ('the Obama administration', 'The International Monetary
#: Fund') (`described_bodies`; issue 12)
DESCRIBED_BODY = True


def described_bodies(drafts: dict, speaker_of: dict,
                     bodies: dict[tuple[str, int], tuple[str, tuple[tuple[str, int], ...]]]
                     ) -> list[tuple[tuple[str, int], str, str]]:
    """Mentions that describe a body or a document by its noun alone ('the administration', 'The fund': graphkit.
    mentions.definite_body) and were left that description as written (a draft whose name has no capital, not a
    person nor an anonymous source), each with the one actor its article's mentions written as a name before that
    noun are ('the Obama administration', 'The International Monetary Fund': graphkit.mentions.head_named_before),
    as (mention, draft key, reason); none when those mentions are two actors or there are none. ``bodies``: (doc id,
    index) → (the description's noun, the article's mentions written so).

    >>> from types import SimpleNamespace as D
    >>> drafts = {"f": D(name="fund", type="group"), "i": D(name="International Monetary Fund", type="organisation"),
    ...           "b": D(name="World Bank", type="organisation")}
    >>> speaker_of = {("a", 0): "i", ("a", 1): "b", ("a", 2): "f", ("c", 0): "b", ("c", 1): "f"}
    >>> bodies = {("a", 2): ("fund", (("a", 0),)), ("c", 1): ("fund", ())}
    >>> [(k, p) for k, p, _ in described_bodies(drafts, speaker_of, bodies)]
    [(('a', 2), 'i')]
    """
    out = []
    for k, (head, named) in sorted(bodies.items()):
        d = drafts.get(speaker_of.get(k))
        if d is None or d.type in ("person", "anonymous") or d.name != d.name.lower():
            continue
        actors = sorted({speaker_of[m] for m in named if speaker_of.get(m) in drafts} - {speaker_of[k]})
        if len(actors) == 1:
            out.append((k, actors[0], f"the {head!r} of its article, which names it so: {drafts[actors[0]].name!r}"))
    return out


def merge_across_corpus(drafts: dict, speaker_of: dict, positions: Optional[dict] = None, people=None,
                        described: Optional[dict] = None, bodies: Optional[dict] = None) -> None:
    """Short forms, acronyms, shortened names and roles held by one person: merge drafts, with reasons; then
    role mentions that are the person named just before (:func:`roles_named_before`), and descriptions of one person
    that are the one person speaker of their article the corpus names so (:func:`described_speakers`), and a body's
    or document's noun alone that is the one actor its article writes as a name before it (:func:`described_bodies`).

    ``drafts``: key → graphkit.actor_drafts draft (name, type, entry, aliases, roles, organisation, country,
    merges: reason line → doc ids); ``speaker_of``: (doc id, index) → draft key. Both are updated.
    ``positions``: (doc id, index) → the mention's offset in its article. ``people``: the corpus's person names
    (graphkit.people.PersonNames), for bodies named by their owner (:func:`body_owner_merges`; None: not merged).
    ``described``: (doc id, index) → the role a mention describes one person by, for :func:`described_speakers`;
    ``bodies``: (doc id, index) → the noun a mention describes a body or document by and the article's mentions
    written as a name before it, for :func:`described_bodies`.
    """
    mentions: dict[str, list] = defaultdict(list)  # draft key -> its speaker_of keys: a merge moves only its own
    for k, v in speaker_of.items():
        mentions[v].append(k)
    for key, (full, why) in sorted(short_form_names(drafts).items()):
        rename(drafts[key], full, why)
    for src, dst, why in same_name_merges(drafts):
        apply_merge(drafts, speaker_of, src, dst, why, mentions)
    for src, dst, why in organisation_merges(drafts):
        apply_merge(drafts, speaker_of, src, dst, why, mentions)
    counts: dict[str, int] = defaultdict(int)
    for v in speaker_of.values():
        counts[v] += 1
    for src, dst, why in role_merges(drafts, counts):
        apply_merge(drafts, speaker_of, src, dst, why, mentions)
    for k, dst, why in roles_named_before(drafts, speaker_of, positions or {}):
        move_mention(drafts, speaker_of, k, dst, why, mentions)
    if DESCRIBED_SPEAKER and described:
        for k, dst, why in described_speakers(drafts, speaker_of, described):
            move_mention(drafts, speaker_of, k, dst, why, mentions)
    if DESCRIBED_BODY and bodies:
        for k, dst, why in described_bodies(drafts, speaker_of, bodies):
            move_mention(drafts, speaker_of, k, dst, why, mentions)
    if people is not None:
        moves, renames = body_owner_merges(drafts, mentions, people)
        for k, dst, why in moves:
            move_mention(drafts, speaker_of, k, dst, why, mentions)
        for key, name, why in renames:
            rename(drafts[key], name, why)


def move_mention(drafts: dict, speaker_of: dict, k: tuple[str, int], dst: str, why: str,
                 mentions: dict[str, list]) -> None:
    """Move one mention (doc id, index) from its draft to ``dst`` with a reason line; a draft left with no
    mention is dropped."""
    src = speaker_of[k]
    a, b = drafts[src], drafts[dst]
    speaker_of[k] = dst
    mentions[src].remove(k)
    mentions[dst].append(k)
    line = f"{a.name!r} -> {b.name}: {why}"
    docs = b.merges.setdefault(line, [])
    if k[0] not in docs:
        docs.append(k[0])
    b.aliases.append(a.name)
    if not mentions[src]:
        drafts.pop(src)
        mentions.pop(src)


def rename(d, name: str, why: str) -> None:
    """Give a draft its full name; every merge line says so."""
    d.aliases.append(d.name)
    d.merges = {f"{line.split(': ', 1)[0].rsplit(' -> ', 1)[0]} -> {name}: {line.split(': ', 1)[1]}; {why}"
                if ": " in line else line: docs for line, docs in d.merges.items()}
    d.name = name


def same_name_merges(drafts: dict) -> list[tuple[str, str, str]]:
    """Organisation drafts that now carry the same name (two short forms of one party) become one."""
    first: dict[str, str] = {}
    out = []
    for key in sorted(drafts):
        d = drafts[key]
        if d.type not in ORG_TYPES or d.entry is not None:
            continue
        f = fold(d.name)
        if f in first:
            out.append((key, first[f], "same full name"))
        else:
            first[f] = key
    return out


def apply_merge(drafts: dict, speaker_of: dict, src: str, dst: str, why: str,
                mentions: Optional[dict[str, list]] = None) -> None:
    """Move every mention of draft ``src`` to ``dst``, keeping its aliases, roles and merge lines.

    ``mentions`` (draft key → its keys in ``speaker_of``, kept up to date here) spares a walk over every
    mention of the corpus for each merge."""
    if src == dst or src not in drafts or dst not in drafts:
        return
    a, b = drafts.pop(src), drafts[dst]
    if mentions is None:
        for k, v in speaker_of.items():
            if v == src:
                speaker_of[k] = dst
    else:
        moved = mentions.pop(src, [])
        for k in moved:
            speaker_of[k] = dst
        mentions[dst].extend(moved)
    b.aliases.extend([a.name, *a.aliases])
    b.roles.extend(a.roles)
    b.organisation.update(a.organisation)
    b.country = b.country or a.country
    for line, docs in a.merges.items():
        shown, _, reason = line.partition(" -> ")
        new = f"{shown} -> {b.name}: {reason.split(': ', 1)[-1]}; {why}"
        b.merges.setdefault(new, [])
        b.merges[new].extend(x for x in docs if x not in b.merges[new])
