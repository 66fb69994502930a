"""The actor pass's drafts: one draft actor per key, what each mention adds to its draft, and the Actor records.

graphkit.resolve walks the corpus article by article; each speaker mention gets a draft, looked up by a key
('pc:<person cluster>', 'n:<folded name>', 'anon:<doc>:<phrase>', a gazetteer id, 'place:<slug>'). The first
mention to ask for a key makes its draft with its name, type, gazetteer entry and fixed id (`Drafts.draft`); every
mention then adds what it says of the actor (`Drafts.record`): a reason line naming its article, an alias, roles,
an organisation or a country. graphkit.merge then merges drafts across the corpus, and `actor_records` turns the
drafts left into Actor records with stable ids.

While an article is walked with a log (``Drafts.log``, a graphkit.walks.ArticleWalk), every step that depends on
what earlier articles made is logged (a draft met or made, a key found or not, the fuzzy organisation index's
answer) with every record; `Drafts.replay` redoes a kept log when those steps still hold.

>>> drafts = Drafts(Gazetteer.from_dict({"actors": []}, where="this example"), PlaceConfig())
>>> d = drafts.draft("n:the ministry of mines", "the Ministry of Mines", "organisation")
>>> drafts.draft("n:the ministry of mines", "another name", "group") is d   # the first to ask named it
True
>>> actors, ids = actor_records(drafts.by_key)
>>> [(a.id, a.name, a.type) for a in actors]
[('actor:the-ministry-of-mines', 'the Ministry of Mines', 'organisation')]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Optional

from .gazetteer import Gazetteer, GazetteerEntry
from .mentions import Mention, clean_role
from .merge import OTHER_OFFICE, RANK_NOUNS, TIME_WORDS
from .names import APOS, fold, is_pronoun, plain_name, skeleton, slug, strip_possessive
from .places import PlaceConfig, is_known_place, lookup_place
from .records import Actor
from .textmemo import per_object

if TYPE_CHECKING:
    from .walks import ArticleWalk

__all__ = ["Draft", "Drafts", "actor_records", "dedupe", "ORG_FUZZY_MIN"]

ORG_FUZZY_MIN = 95      # organisations outside the gazetteer: same number of words, near-identical spelling


@dataclass
class Draft:
    """One actor as the walk has it so far: the key it is found by, the name, type, gazetteer entry and fixed id
    the first mention gave it, and what every mention added."""

    key: str
    name: str
    type: str
    entry: Optional[GazetteerEntry] = None
    country: Optional[str] = None
    organisation: Counter = field(default_factory=Counter)
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    merges: dict[str, list[str]] = field(default_factory=dict)  # reason line -> doc ids
    fixed_id: Optional[str] = None


class Drafts:
    """The drafts of one resolution by key (``by_key``), the draft of every speaker mention (``speaker_of``:
    (doc id, index) → key), and the fuzzy index of organisations outside the gazetteer, in the order made."""

    def __init__(self, gazetteer: Gazetteer, place_config: PlaceConfig) -> None:
        self.gz = gazetteer
        self.pc = place_config
        self.by_key: dict[str, Draft] = {}
        self.speaker_of: dict[tuple[str, int], str] = {}
        self.entries = {e.id: e for e in gazetteer.entries}
        #: the walk of the article being walked (graphkit.walks), or None: nothing logged
        self.log: Optional[ArticleWalk] = None
        self._org_index: dict[tuple[str, int], tuple[list[str], list[Draft]]] = {}

    # ---- making and finding drafts
    def draft(self, key: str, name: str, typ: str, entry: Optional[GazetteerEntry] = None,
              fixed_id: Optional[str] = None) -> Draft:
        """The draft of ``key``; the first article to ask for it makes it with these name, type, entry and id."""
        d = self.by_key.get(key)
        if self.log is not None:  # which draft the article met: one an earlier article made, or its own
            self.log.step("draft", key, name, typ, entry.id if entry else None, fixed_id,
                          None if d is None else draft_shape(d))
        if d is None:
            d = Draft(key=key, name=name, type=typ, entry=entry, fixed_id=fixed_id)
            if entry:
                d.country, d.roles, d.aliases = entry.country, list(entry.roles), list(entry.aliases)
                if entry.organisation:
                    d.organisation[entry.organisation] += 1000
            self.by_key[key] = d
        return d

    def exists(self, key: str) -> bool:
        """Whether an earlier mention (of this article or one before it) made the draft of ``key``."""
        out = key in self.by_key
        if self.log is not None:
            self.log.step("exists", key, out)
        return out

    def organisation(self, key: str, name: str, typ: str) -> tuple[Draft, str]:
        """The draft of an organisation, government or outlet outside the gazetteer named ``name`` (``key``: its
        folded name): the one of that key, else one already seen whose name differs only in spelling
        ('Defence'/'Defense' Ministry), else a new one, put into the fuzzy index."""
        if self.exists(key):
            return self.draft(key, name, typ), "same name"
        near = self._near_organisation(name, typ)
        if self.log is not None:
            self.log.step("near", name, typ, None if near is None else [near[0].key, near[1]])
        if near is not None:
            return near
        d = self.draft(key, name, typ)
        self._index_organisation(d, typ)
        return d, "same name"

    def _index_organisation(self, d: Draft, typ: str) -> tuple[list[str], list[Draft]]:
        """Put a new organisation into the fuzzy index later mentions search (`_near_organisation`); returns the
        part of the index it went into (its last item)."""
        if self.log is not None:
            self.log.step("index", d.key, typ)
        sk = skeleton(d.name)
        keys, drafts = self._org_index.setdefault((typ, len(sk.split())), ([], []))
        keys.append(sk)
        drafts.append(d)
        return keys, drafts

    def _near_organisation(self, name: str, typ: str) -> Optional[tuple[Draft, str]]:
        """An organisation already seen whose name differs only in spelling ('Defence'/'Defense' Ministry)."""
        from rapidfuzz import fuzz, process

        sk = skeleton(name)
        keys, drafts = self._org_index.get((typ, len(sk.split())), ([], []))
        if len(sk) < 8 or not keys:
            return None
        hit = process.extractOne(sk, keys, scorer=fuzz.ratio, score_cutoff=ORG_FUZZY_MIN)
        if hit is None:
            return None
        d = drafts[hit[2]]
        return d, f"fuzzy {hit[1]:.0f} vs organisation {d.name!r} (same words, spelling differs)"

    # ---- what a mention adds to its draft
    def record(self, m: Mention, draft: Draft, reason: str) -> None:
        """Give the mention its draft: what it adds to the draft (`_effects`), logged for a replay, applied
        (`_apply`)."""
        effects = self._effects(m.kind, m.name, m.surface, m.role, m.att.organisation, draft, reason)
        if self.log is not None:
            self.log.step("record", m.index, draft.key, *effects)
        self._apply(m.doc_id, m.index, draft, *effects)

    def _effects(self, kind: str, name: Optional[str], surface: str, role: Optional[str],
                 organisation: Optional[str], draft: Draft, reason: str) -> tuple:
        """What a mention adds to its draft, worked out from the mention and the draft's name and type alone:
        (reason line, alias or None, roles, organisation counted or None, the country its organisation names or
        None, and for a mention that may name the draft's country: [name, surface, role, whether that country was
        looked up, it], looked up only when the draft has no country yet (a replay looks it up when it must))."""
        shown = plain_name(name if kind == "name" and name else surface)  # the words that matched
        line = f"{shown!r} -> {draft.name}: {reason}"
        alias = plain_name(name or "")  # the name as written; title words go to roles
        alias = alias if alias and kind != "pronoun" and not is_pronoun(alias) else None
        org = plain_name(organisation or "")
        roles = roles_of(clean_role(role, draft.name), org, draft.type == "person")
        country = self.gz.country_of(org) if org and len(org.split()) == 1 else None
        if country is None and org and is_known_place(org, self.pc):
            hit = lookup_place(org, self.pc)
            country = hit.name if hit and hit.type == "country" else None
        named = None
        if kind in ("anon", "group", "title", "name"):
            looked = (draft.country or country) is None
            named = [name, surface, role, looked, self._named_country(name, surface, role) if looked else None]
        return line, alias, roles, (org or None) if country is None else None, country, named

    def _named_country(self, name: Optional[str], surface: str, role: Optional[str]) -> Optional[str]:
        """The country a mention names: the gazetteer's for its words, else a country in the phrase."""
        return self.gz.country_of(name, surface, role) or self._country_named(surface)

    def _apply(self, doc_id: str, index: int, draft: Draft, line: str, alias: Optional[str], roles: list,
               org: Optional[str], country: Optional[str], named: Optional[list]) -> None:
        """Put a mention's effects (`_effects`) on its draft, in the order mentions come."""
        self.speaker_of[(doc_id, index)] = draft.key
        docs = draft.merges.setdefault(line, [])
        if not docs or docs[-1] != doc_id:  # articles come in order: a line lists each once, in linear time
            docs.append(doc_id)
        if alias:
            draft.aliases.append(alias)
        draft.roles.extend(roles)
        if country is not None:
            draft.country = draft.country or country  # 'Ukrainian', 'US': a country, not an organisation
        elif org:
            draft.organisation[org] += 1
        if draft.country is None and named is not None:  # the first mention naming a country gives it
            name, surface, role, looked, found = named
            draft.country = found if looked else self._named_country(name, surface, role)

    @per_object  # `record` asks it of every mention of an actor with no country yet
    def _country_named(self, phrase: str) -> Optional[str]:
        """A country named in a phrase ("Ukraine's sanctions commissioner" -> Ukraine); each phrase looked up once."""
        for w in phrase.translate(APOS).split():
            w = strip_possessive(w).strip(".,;:")
            if w[:1].isupper():
                hit = lookup_place(w, self.pc)
                if hit is not None and hit.type == "country":
                    return hit.name
        return None

    # ---- a kept walk replayed (graphkit.walks)
    def replay(self, doc_id: str, steps: list) -> Optional[bool]:
        """Redo the steps of a kept walk of ``doc_id``, whose reads hold: make the drafts it made, in order,
        checking that each draft it met, each key it found made or not and each organisation the fuzzy index gave
        it are the same now, then apply its records in order. On the first difference, undo what was made and say
        False (nothing changed: the article is walked again).

        A draft the walk made is as good as one of the same shape an earlier article made now, and the other way
        round (the article goes on the same way), but a walk now would log what it met: such a step's ``met`` is
        set to what it meets now (``steps`` is changed in place) and the answer is None, not True: replayed, and
        its walk to keep again, so that what a rebuild keeps is what ``--full`` keeps.

        >>> gz = Gazetteer.from_dict({"actors": []}, where="this example")
        >>> walk = [["draft", "n:aide", "aide", "role", None, None, None]]   # it made the draft, none met
        >>> earlier = Drafts(gz, PlaceConfig()); _ = earlier.draft("n:aide", "aide", "role")
        >>> earlier.replay("b", walk), walk[0][-1]                           # now it meets one of the same shape
        (None, ['aide', 'role', None, None])
        >>> Drafts(gz, PlaceConfig()).replay("b", walk), walk[0][-1]         # and alone again it makes it
        (None, None)
        >>> Drafts(gz, PlaceConfig()).replay("b", walk)                      # as kept: nothing to restate
        True
        """
        made: list[str] = []
        indexed: list[tuple] = []
        restated = self._replay_reads(steps, made, indexed)
        if restated is None:
            self._undo(made, indexed)
            return False
        self._apply_records(doc_id, steps)
        return None if restated else True

    def _replay_reads(self, steps: list, made: list[str], indexed: list[tuple]) -> Optional[bool]:
        """Redo a kept walk's reads in order: its drafts (`_replay_draft`, the keys made put in ``made``), the keys
        it found made or not, the fuzzy index's answers, the organisations it indexed (put in ``indexed``). None at
        the first read that differs now; else whether a draft step was restated.

        >>> gz = Gazetteer.from_dict({"actors": []}, where="this example")
        >>> drafts, made, indexed = Drafts(gz, PlaceConfig()), [], []
        >>> drafts._replay_reads([["draft", "n:aide", "aide", "role", None, None, None], ["exists", "n:aide", True]],
        ...                      made, indexed), made
        (False, ['n:aide'])
        >>> drafts._replay_reads([["exists", "n:chief", True]], made, indexed)   # it had found one: none now
        """
        restated = False
        for step in steps:
            kind = step[0]
            if kind == "draft":
                as_kept = self._replay_draft(step, made)
                if as_kept is None:
                    return None
                restated = restated or not as_kept
            elif kind == "exists":
                if (step[1] in self.by_key) != step[2]:
                    return None
            elif kind == "near":
                near = self._near_organisation(step[1], step[2])
                if (None if near is None else [near[0].key, near[1]]) != step[3]:
                    return None
            elif kind == "index":
                indexed.append(self._index_organisation(self.by_key[step[1]], step[2]))
        return restated

    def _replay_draft(self, step: list, made: list[str]) -> Optional[bool]:
        """One kept ``draft`` step: None when the draft met now is not the one met or made then; else the draft made
        when none is there now (its key put in ``made``), and whether the step stands as kept (False: what it met
        differs in kind, made then and met now or the other way round, and ``step`` is set to what a walk now logs).

        >>> drafts = Drafts(Gazetteer.from_dict({"actors": []}, where="this example"), PlaceConfig())
        >>> made = []
        >>> drafts._replay_draft(["draft", "n:aide", "aide", "role", None, None, None], made), made
        (True, ['n:aide'])
        >>> drafts._replay_draft(["draft", "n:aide", "aide", "group", None, None, None], made)  # another type now
        """
        _, key, name, typ, entry_id, fixed_id, met = step
        d = self.by_key.get(key)
        made_now = [name, typ, entry_id, fixed_id]
        met_now = draft_shape(d) if d is not None else None
        if (met_now or made_now) != (met or made_now):
            return None
        if d is None:
            self.draft(key, name, typ, self.entries[entry_id] if entry_id else None, fixed_id)
            made.append(key)
        if met_now != met:
            step[6] = met_now  # the same draft, met now or made now: logged as a walk now logs it
            return False
        return True

    def _undo(self, made: list[str], indexed: list[tuple]) -> None:
        """Take back what a replay that stopped made: its drafts, and its organisations from the fuzzy index.

        >>> drafts, made = Drafts(Gazetteer.from_dict({"actors": []}, where="this example"), PlaceConfig()), []
        >>> drafts._replay_draft(["draft", "n:aide", "aide", "role", None, None, None], made)
        True
        >>> drafts._undo(made, []); drafts.exists("n:aide")
        False
        """
        for key in made:
            del self.by_key[key]
        for keys, drafts in indexed:
            keys.pop()
            drafts.pop()

    def _apply_records(self, doc_id: str, steps: list) -> None:
        """Put the records of a kept walk whose reads held on their drafts (`_apply`), in order.

        >>> drafts = Drafts(Gazetteer.from_dict({"actors": []}, where="this example"), PlaceConfig())
        >>> d = drafts.draft("n:aide", "aide", "role")
        >>> drafts._apply_records("b", [["record", 3, "n:aide", "'aide' -> aide: a role", "Ann", ["aide"], None,
        ...                                None, None]])
        >>> drafts.speaker_of[("b", 3)], d.aliases, d.roles, d.merges
        ('n:aide', ['Ann'], ['aide'], {"'aide' -> aide: a role": ['b']})
        """
        by_key = self.by_key
        for step in steps:
            if step[0] == "record":
                self._apply(doc_id, step[1], by_key[step[2]], *step[3:])


def name_key(name: str) -> str:
    """The draft key of a name as written: a group phrase, role or organisation the article names by its words alone,
    folded (`graphkit.names.fold`), so 'The Ministry of Mines' and 'ministry of mines' are one draft.

    >>> name_key("The  Ministry of Mines") == name_key("ministry of mines")
    True
    """
    return f"n:{fold(name)}"


def draft_shape(d: Draft) -> list:
    """What an article reads of a draft another mention made: name, type, gazetteer entry id and fixed id."""
    return [d.name, d.type, d.entry.id if d.entry else None, d.fixed_id]


# ---- the output
def actor_records(drafts: dict[str, Draft]) -> tuple[list[Actor], dict[str, str]]:
    """The Actor records of the drafts (after graphkit.merge), sorted by id, and draft key → actor id: a gazetteer
    entry's id, else the fixed id, else 'actor:<slug of the name>', numbered when taken (gazetteer and fixed ids
    first, then by key, so the ids do not depend on the order articles come in)."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for key in sorted(drafts, key=lambda k: (drafts[k].fixed_id is None and drafts[k].entry is None, k)):
        d = drafts[key]
        base = d.entry.id if d.entry else d.fixed_id or f"actor:{slug(d.name)}"
        aid, n = base, 2
        while aid in taken:
            aid, n = f"{base}-{n}", n + 1
        taken.add(aid)
        ids[key] = aid
    out = []
    for key, d in drafts.items():
        org = None
        if d.organisation:
            org = sorted(d.organisation.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        # in order of first appearance: documents sorted by id, attributions in article order
        merges = tuple(f"{line} ({', '.join(docs)})" for line, docs in d.merges.items())
        out.append(Actor(
            id=ids[key], name=d.name, type=d.type, aliases=dedupe([x for x in d.aliases if x and x != d.name]),
            roles=_dedupe_roles(d.roles), organisation=org, country=d.country, merges=merges))
    out.sort(key=lambda a: a.id)
    return out, ids


def _dedupe_roles(items: Iterable[str]) -> tuple[str, ...]:
    """Roles, first spelling kept; a role whose words lie within an earlier one, in their order, is dropped
    ('spokesman'; 'former governor' of 'former Pennsylvania governor').

    >>> _dedupe_roles(["Kremlin spokesman", "spokesman", "kremlin Spokesman", "aide"])
    ('Kremlin spokesman', 'aide')
    >>> _dedupe_roles(["former Pennsylvania governor", "former governor", "governor former"])
    ('former Pennsylvania governor', 'governor former')
    """
    out: list[str] = []
    for r in dedupe(items):
        if not any(_words_within(fold(r).split(), fold(o).split()) for o in out):
            out.append(r)
    return tuple(out)


def _words_within(words: list[str], other: list[str]) -> bool:
    """Whether ``words`` lie within ``other`` in their order: side by side, or with :data:`ROLES_AS_READ` with other
    words between them ('former governor' in 'former Pennsylvania governor', whose body :func:`roles_of` sets after
    'former')."""
    if not ROLES_AS_READ:
        return f" {' '.join(words)} " in f" {' '.join(other)} "
    rest = iter(other)
    return all(w in rest for w in words)


def dedupe(items: Iterable[str]) -> tuple[str, ...]:
    """The items stripped, each once whatever its case, in first-seen order; empty ones dropped.

    >>> dedupe([" Ann ", "ann", "", "Bo"])
    ('Ann', 'Bo')
    """
    seen, out = set(), []
    for x in items:
        k = x.strip().casefold()
        if k and k not in seen:
            seen.add(k)
            out.append(x.strip())
    return tuple(out)


#: a person's roles read as written: a word saying when or what rank ('former', 'co', 'Vice') is no role alone, and
#: the body a role is held in stands after it ('former Pennsylvania governor', not 'Pennsylvania former governor')
#: (issue 12, s60; a switch for the tests that pin it)
ROLES_AS_READ = True


def roles_of(role: Optional[str], org: str, person: bool) -> list[str]:
    """The roles one mention gives its actor: the role as written (graphkit.mentions.clean_role's), and for a person
    the role with the body it is held in, when the role does not name it already ('House Majority Leader Ann B.
    Carver' of the House: 'House majority leader'). The body stands after a word saying when ('former', 'ex',
    'then': graphkit.merge.TIME_WORDS), as a person writes it, unless it is whose the role is ('His former
    business partner', "the president's former envoy"); a role of such words and ranks alone ('Former',
    'co', 'Vice': the rest of the title was cut off) is none, so an actor's roles never read 'Former, former
    president'.

    >>> roles_of("former governor", "Pennsylvania", True), roles_of("former aide", "His", True)
    (['former Pennsylvania governor', 'former governor'], ['His former aide', 'former aide'])
    >>> roles_of("majority leader", "House", True), roles_of("Former", "", True), roles_of("senior associate", "", True)
    (['House majority leader', 'majority leader'], [], ['senior associate'])
    >>> roles_of("Senior", "", True), roles_of("ex", "", True), roles_of("deputy", "", True)  # merge.RANK_NOUNS
    ([], [], ['deputy'])
    """
    if not role:
        return []
    words = role.split()
    if ROLES_AS_READ and all(w.lower() in OTHER_OFFICE for w in words) and words[-1].lower() not in RANK_NOUNS:
        return []
    roles = []
    if org and person and fold(org) not in fold(role):
        when = 0
        while ROLES_AS_READ and when < len(words) - 1 and words[when].lower() in TIME_WORDS and not _possessor(org):
            when += 1
        roles.append(" ".join(words[:when] + [org] + words[when:]))
    return roles + [role]


def _possessor(org: str) -> bool:
    """Whether the body a role is held in is written as whose it is: a possessive pronoun or a possessive ('His',
    "the president's"), which stands before the whole role."""
    return is_pronoun(org) or org.translate(APOS).endswith("'s")
