"""models/actors.yaml, checked and indexed: the known actors that speaker mentions are matched against.

An entry has a canonical name, a type and what else it is called: aliases and
transliterations ("Sergei Lavrov"), titles it holds ("Russia's Foreign
Minister"), metonyms ("Moscow said" → the Kremlin); `demonyms` map adjectives to
countries. `Gazetteer.match_name` finds the entry a name refers to (folded form,
spelling skeleton, then fuzzy person names: graphkit.names), with the reason. A
malformed file raises ModelsFileError naming the entry and the fix.

>>> g = Gazetteer.from_dict({"actors": [{"name": "Sergey Lavrov", "type": "person", "aliases": ["Lavrov"],
...                                      "titles": ["Russia's Foreign Minister"]}],
...                          "demonyms": {"Russian": "Russia"}})
>>> g.match_name("Sergei Lavrov", person_like=True)
(GazetteerEntry(id='actor:sergey-lavrov', name='Sergey Lavrov', type='person', country=None, organisation=None,
roles=(), aliases=('Lavrov',), titles=("Russia's Foreign Minister",), metonyms=(), gender=None), 'transliteration
folding (same spelling skeleton)')
>>> g.match_title("Russia's foreign minister")[0].id, g.country_of("a senior Russian source")
('actor:sergey-lavrov', 'Russia')
>>> Gazetteer.from_dict({"actors": [{"name": "Lavrov", "type": "minister"}]})
Traceback (most recent call last):
...
graphkit.errors.ModelsFileError: models/actors.yaml: actor 'Lavrov' has type 'minister'; use one of person,
organisation, government, country, group, anonymous, media, other
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Optional

from .errors import ModelsFileError
from .textmemo import per_object
from .name_match import FUZZY_MIN, compare_names
from .names import fold, name_words, skeleton, slug

ACTOR_TYPES = ("person", "organisation", "government", "country", "group", "anonymous", "media", "other")


@dataclass(frozen=True)
class GazetteerEntry:
    id: str
    name: str
    type: str
    country: Optional[str] = None
    organisation: Optional[str] = None
    roles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    gender: Optional[str] = None
    source: str = field(default="models/actors.yaml", repr=False, compare=False)  # the file it comes from, for reasons


ACTOR_KEYS = ("id", "name", "type", "country", "organisation", "roles", "aliases", "titles", "metonyms", "gender")


def _type_and_id(raw, i: int, where: str) -> tuple[str, str]:
    """The type and id of actor #``i + 1`` of an actors.yaml, once its name, keys, gender and type are checked (a
    ModelsFileError naming the entry and the fix otherwise).

    >>> _type_and_id({"name": "Sergey Lavrov", "type": "person"}, 0, "x.yaml")
    ('person', 'actor:sergey-lavrov')
    >>> _type_and_id({"name": "Kremlin", "id": "kremlin"}, 0, "x.yaml")
    ('other', 'actor:kremlin')
    >>> _type_and_id({"name": "Kremlin", "gender": "it"}, 0, "x.yaml")
    Traceback (most recent call last):
    ...
    graphkit.errors.ModelsFileError: x.yaml: actor 'Kremlin' has gender 'it'; use female or male, or leave it out
    """
    if not isinstance(raw, dict) or not raw.get("name"):
        raise ModelsFileError(f"{where}: actor #{i + 1} has no 'name'; every entry needs at least a name")
    unknown = set(raw) - set(ACTOR_KEYS)
    if unknown:
        raise ModelsFileError(f"{where}: actor {raw['name']!r} has unknown keys {sorted(unknown)}; "
                              f"allowed: {', '.join(ACTOR_KEYS)}")
    if raw.get("gender") not in (None, "female", "male"):
        raise ModelsFileError(f"{where}: actor {raw['name']!r} has gender {raw.get('gender')!r}; "
                              "use female or male, or leave it out")
    typ = raw.get("type", "other")
    if typ not in ACTOR_TYPES:
        raise ModelsFileError(f"{where}: actor {raw['name']!r} has type {typ!r}; use one of {', '.join(ACTOR_TYPES)}")
    aid = str(raw.get("id") or f"actor:{slug(str(raw['name']))}")
    return typ, aid if aid.startswith("actor:") else f"actor:{aid}"


def _entry(raw: dict, typ: str, aid: str, where: str, source: str) -> GazetteerEntry:
    """The entry of a checked actors.yaml actor (`_type_and_id`), its lists read as tuples of strings (one string a
    list of one); any other kind of list is a ModelsFileError naming the file, the key and the actor.

    >>> e = _entry({"name": "Sergey Lavrov", "aliases": "Lavrov", "roles": ["Foreign Minister"], "country": "Russia"},
    ...            "person", "actor:sergey-lavrov", "actors.yaml", "models")
    >>> e.id, e.aliases, e.roles, e.titles, e.country
    ('actor:sergey-lavrov', ('Lavrov',), ('Foreign Minister',), (), 'Russia')
    >>> _entry({"name": "Kremlin", "aliases": {"a": 1}}, "org", "actor:kremlin", "corpus/actors.yaml", "corpus")
    Traceback (most recent call last):
    graphkit.errors.ModelsFileError: corpus/actors.yaml: aliases of 'Kremlin' must be a list of strings
    """
    def strs(key):
        v = raw.get(key) or []
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list):
            raise ModelsFileError(f"{where}: {key} of {raw['name']!r} must be a list of strings")
        return tuple(str(x) for x in v)

    return GazetteerEntry(id=aid, name=str(raw["name"]), type=typ, country=raw.get("country"),
                          organisation=raw.get("organisation"), roles=strs("roles"), aliases=strs("aliases"),
                          titles=strs("titles"), metonyms=strs("metonyms"), gender=raw.get("gender"), source=source)


def _demonyms(data: dict, where: str) -> dict[str, str]:
    """An actors.yaml's ``demonyms``, adjective → country, as strings ({} when it has none).

    >>> _demonyms({"demonyms": {"Russian": "Russia"}}, "actors.yaml"), _demonyms({}, "actors.yaml")
    ({'Russian': 'Russia'}, {})
    """
    demonyms = data.get("demonyms") or {}
    if not isinstance(demonyms, dict):
        raise ModelsFileError(f"{where}: 'demonyms' must map adjectives to countries ('Russian: Russia')")
    return {str(k): str(v) for k, v in demonyms.items()}


@dataclass
class Gazetteer:
    """models/actors.yaml, parsed and indexed for lookups by folded form and skeleton.

    ``files``: the files its entries come from, as reasons name them (graphkit.knowledge.label).
    """

    entries: list[GazetteerEntry]
    demonyms: dict[str, str] = field(default_factory=dict)
    files: tuple[str, ...] = ("models/actors.yaml",)

    def __post_init__(self) -> None:
        self.by_fold: dict[str, tuple[GazetteerEntry, str]] = {}
        self.by_skeleton: dict[str, list[GazetteerEntry]] = defaultdict(list)
        self.by_title: dict[str, GazetteerEntry] = {}
        self.by_metonym: dict[str, GazetteerEntry] = {}
        self.by_surname: dict[str, list[GazetteerEntry]] = defaultdict(list)
        for e in self.entries:
            self.by_fold.setdefault(fold(e.name), (e, "gazetteer name"))
            for a in e.aliases:
                self.by_fold.setdefault(fold(a), (e, "gazetteer alias"))
            for n in (e.name, *e.aliases):
                if e not in self.by_skeleton[skeleton(n)]:
                    self.by_skeleton[skeleton(n)].append(e)
            for t in e.titles:
                self.by_title.setdefault(fold(t), e)
            for m in e.metonyms:
                self.by_metonym.setdefault(fold(m), e)
            if e.type == "person":
                words, gens = name_words(e.name)
                if len(words) > 1 and not gens:
                    self.by_surname[words[-1]].append(e)
        self.demonym_fold = {fold(k): v for k, v in self.demonyms.items()}
        self._person_names = [(e, n) for e in self.entries if e.type == "person" for n in (e.name, *e.aliases)]
        self._person_keys = [" ".join(name_words(n)[0]) for _e, n in self._person_names]
        self._person_by_surname: dict[str, list[int]] = defaultdict(list)
        for k, key in enumerate(self._person_keys):
            if key:
                self._person_by_surname[key.split()[-1]].append(k)

    def _person_candidates(self, name: str) -> list[int]:
        """Gazetteer person names close enough to be worth compare_names (rapidfuzz prefilter + same surname): their
        indexes in ``_person_names``.

        >>> g = Gazetteer.from_dict({"actors": [{"name": "Sergey Lavrov", "type": "person"},
        ...                                     {"name": "Dmitry Peskov", "type": "person"}]})
        >>> g._person_candidates("Sergei Lavrov"), g._person_candidates("Lavrov"), g._person_candidates("Emmanuel Macron")
        ([0], [0], [])
        """
        from rapidfuzz import fuzz, process

        key = " ".join(name_words(name)[0])
        if not key:
            return []
        hits = {k for _n, _s, k in process.extract(key, self._person_keys, scorer=fuzz.ratio,
                                                   score_cutoff=FUZZY_MIN, limit=None)}
        hits.update(self._person_by_surname.get(key.split()[-1], ()))
        return sorted(hits)

    @classmethod
    def from_dict(cls, data: Optional[dict], where: str = "models/actors.yaml",
                  sources: Optional[list[tuple[str, list[str]]]] = None) -> "Gazetteer":
        """The gazetteer of a parsed actors.yaml; ``where`` names it in errors. ``sources``: the files the entries
        come from (graphkit.knowledge.Knowledge.sources; default: all from models/actors.yaml).

        >>> g = Gazetteer.from_dict({"actors": [{"name": "Kremlin", "metonyms": ["Moscow"]}]},
        ...                         sources=[("models/actors.yaml", []), ("uk/actors.yaml", ["kremlin"])])
        >>> g.by_metonym["moscow"].source, g.files
        ('uk/actors.yaml', ('models/actors.yaml', 'uk/actors.yaml'))
        """
        data = data or {}
        sources = sources or [("models/actors.yaml", [])]
        source_of = {n: label for label, names in sources for n in names}  # a later file's entry wins
        if not isinstance(data, dict) or not isinstance(data.get("actors", []), list):
            raise ModelsFileError(f"{where} must be a mapping with an 'actors' list; see the comments at its top")
        entries, ids = [], set()
        for i, raw in enumerate(data.get("actors") or []):
            typ, aid = _type_and_id(raw, i, where)
            if aid in ids:
                raise ModelsFileError(f"{where}: two actors have the id {aid!r}; give one of them another name or an 'id:'")
            ids.add(aid)
            entries.append(_entry(raw, typ, aid, where, source_of.get(str(raw["name"]).lower(), sources[0][0])))
        return cls(entries, _demonyms(data, where), tuple(label for label, _ in sources))

    @per_object  # the actor pass asks for the same names thousands of times
    def match_name(self, name: str, person_like: bool) -> Optional[tuple[GazetteerEntry, str]]:
        """Gazetteer entry a name refers to, with the reason; None when unknown (each name looked up once)."""
        f = fold(name)
        if not f:
            return None
        if f in self.by_fold:
            return self.by_fold[f]
        sk = skeleton(name)
        cands = self.by_skeleton.get(sk, [])
        if len(cands) == 1:
            return cands[0], "transliteration folding (same spelling skeleton)"
        if person_like:
            best = None
            for k in self._person_candidates(name):
                e, n = self._person_names[k]
                same, score, why = compare_names(name, n)
                if same and (best is None or score > best[2]):
                    best = (e, f"{why} vs {n!r}", score)
            if best:
                return best[0], best[1]
            words = sk.split()
            if len(words) == 1 and len(self.by_surname.get(words[0], [])) == 1:
                return self.by_surname[words[0]][0], "surname of a gazetteer name"
        return None

    def match_title(self, *phrases: Optional[str]) -> Optional[tuple[GazetteerEntry, str]]:
        for p in phrases:
            if p and fold(p) in self.by_title:
                return self.by_title[fold(p)], f"gazetteer title {p!r}"
        return None

    @per_object  # the actor pass asks it of every speaker mention
    def country_of(self, *phrases: Optional[str]) -> Optional[str]:
        """The country the first demonym in the phrases names ('Russian' -> Russia), else None; each set of
        phrases worked out once."""
        for p in phrases:
            for w in fold(p or "").split():
                if w in self.demonym_fold:
                    return self.demonym_fold[w]
        return None


def load_gazetteer(knowledge=None) -> Gazetteer:
    """models/actors.yaml, with the corpus's own actors.yaml when `knowledge` (a graphkit.knowledge.Knowledge)
    names one, as a Gazetteer."""
    from .knowledge import Knowledge

    k = knowledge or Knowledge()
    return Gazetteer.from_dict(k.actors_data(),
                               where=" + ".join(str(p) for p in k.files()["actors"]) or "models/actors.yaml",
                               sources=k.sources())
