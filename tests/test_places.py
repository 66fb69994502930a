"""Places: surface forms → canonical places with type, country and offline coordinates."""

from __future__ import annotations

import random

import pytest

from graphkit.errors import ModelsFileError
from graphkit.places import PlaceConfig, lookup_place, place_key, places_in, resolve_places


@pytest.mark.parametrize("surface, key", [
    ("Ukraine's", "ukraine"),
    ("Ukraine’s", "ukraine"),
    ("the United States", "united states"),
    ("The United States’", "united states"),
    ("  Kyiv ", "kyiv"),
    ("Zaporizhzhia", "zaporizhzhia"),
])
def test_place_key(surface, key):
    assert place_key(surface) == key


@pytest.mark.parametrize("surface, name, kind, cc, has_coords", [
    ("Kyiv", "Kyiv", "city", "UA", True),
    ("Kiev", "Kyiv", "city", "UA", True),            # geonames alternate name
    ("Kyiv's", "Kyiv", "city", "UA", True),
    ("Kherson", "Kherson", "city", "UA", True),      # spaCy calls it PERSON in the sample corpus
    ("Pokrovsk", "Pokrovsk", "city", "UA", True),     # the Ukrainian city, not the alternate name of Engels (RU)
    ("Vovchansk", "Vovchansk", "city", "UA", True),
    ("Zaporizhzhia", "Zaporizhzhia", "city", "UA", True),  # models/places.yaml pins the English spelling
    ("Moscow", "Moscow", "city", "RU", True),        # the most populous Moscow, not Moscow, Idaho
    ("Paris", "Paris", "city", "FR", True),
    ("Washington", "Washington", "city", "US", True),  # the capital (places.yaml), not the state
    ("Ukraine", "Ukraine", "country", "UA", True),
    ("Russia's", "Russia", "country", "RU", True),
    ("the Russian Federation", "Russia", "country", "RU", True),
    ("US", "United States", "country", "US", True),
    ("U.S.", "United States", "country", "US", True),
    ("the United States", "United States", "country", "US", True),
    ("UK", "United Kingdom", "country", "GB", True),
    ("Europe", "Europe", "region", None, True),       # continent
    ("Florida", "Florida", "region", "US", False),    # US state, not the Colombian town
    ("Crimea", "Crimea", "region", "UA", False),
    ("Kursk region", "Kursk region", "region", "RU", False),
    ("Black Sea", "Black Sea", "other", None, False),
    ("Narnia", "Narnia", "other", None, False),        # unknown places stay, without coordinates
])
def test_lookup_place(surface, name, kind, cc, has_coords):
    h = lookup_place(surface)
    assert (h.name, h.type, h.country_code) == (name, kind, cc)
    assert (h.lat is not None and h.lon is not None) == has_coords


def test_kyiv_coordinates_are_kyiv():
    h = lookup_place("Kiev")
    assert abs(h.lat - 50.45) < 0.1 and abs(h.lon - 30.52) < 0.1


@pytest.mark.parametrize("surface", ["West", "the West"])
def test_ignored_forms_are_no_place(surface):
    assert lookup_place(surface) is None


ENTS = {
    "a": [("Kiev", "GPE", 0, 4), ("Ukraine's", "GPE", 10, 19), ("Witkoff", "GPE", 25, 32), ("Pokrovsk", "PERSON", 40, 48),
          ("Narnia", "LOC", 60, 66), ("West", "LOC", 70, 74)],
    "b": [("Kyiv", "GPE", 0, 4), ("Ukraine", "GPE", 10, 17), ("the United States", "GPE", 20, 37), ("US", "GPE", 40, 42)],
}
TYPES = {"Witkoff": "person", "Pokrovsk": "place", "Kyiv": "place", "Kiev": "place"}


def test_resolve_places_one_place_per_real_place():
    pres = resolve_places(ENTS, entity_types=TYPES)
    names = [p.name for p in pres.places]
    assert [p.id for p in pres.places] == sorted(p.id for p in pres.places)
    assert set(names) == {"Kyiv", "Ukraine", "Pokrovsk", "Narnia", "United States"}
    assert "Witkoff" not in names          # typed person by the actor stage
    assert "West" not in names             # ignored in models/places.yaml
    narnia = pres.get(pres.place_of("Narnia"))
    assert narnia.lat is None and narnia.type == "other"


@pytest.mark.parametrize("surface, place_id", [
    ("Kyiv", "place:kyiv"),
    ("Kiev", "place:kyiv"),
    ("Kyiv's", "place:kyiv"),          # never seen as written: looked up, then matched to the corpus's place
    ("Ukraine's", "place:ukraine"),
    ("Ukraine", "place:ukraine"),
    ("U.S.", "place:united-states"),
    ("Pokrovsk", "place:pokrovsk"),
    ("Witkoff", None),
    ("Paris", None),                   # a real place, but not in this corpus
    ("the West", None),
])
def test_place_of(surface, place_id):
    pres = resolve_places(ENTS, entity_types=TYPES)
    assert pres.place_of(surface) == place_id


def test_without_entity_types_spacy_labels_decide():
    pres = resolve_places(ENTS)
    assert pres.place_of("Witkoff") is not None   # spaCy said GPE and nobody corrected it
    assert pres.place_of("Pokrovsk") is None      # spaCy said PERSON


@pytest.mark.parametrize("spans, expected", [
    ([(0, 20)], ["Kyiv", "Ukraine"]),
    ([(0, 5)], ["Kyiv"]),
    ([(5, 9)], []),
    ([(0, 12)], ["Kyiv"]),                # 'Ukraine's' is cut by the span: not inside
    ([(20, 80)], ["Pokrovsk", "Narnia"]),  # Witkoff is a person; West is no place
    ([(0, 4), (40, 48)], ["Kyiv", "Pokrovsk"]),
])
def test_places_in(spans, expected):
    pres = resolve_places(ENTS, entity_types=TYPES)
    assert places_in(spans, ENTS["a"], pres) == expected


def test_places_in_deduplicates_spellings():
    ents = [("Kyiv", "GPE", 0, 4), ("Kiev", "GPE", 10, 14), ("Ukraine", "GPE", 20, 27)]
    pres = resolve_places({"x": ents})
    assert places_in([(0, 30)], ents, pres) == ["Kyiv", "Ukraine"]


def test_deterministic_whatever_dict_order():
    items = list(ENTS.items())
    first = resolve_places(dict(items), entity_types=TYPES)
    for seed in range(3):
        random.Random(seed).shuffle(items)
        again = resolve_places({k: list(reversed(v)) for k, v in items}, entity_types=dict(reversed(list(TYPES.items()))))
        assert again.places == first.places
        assert again.surfaces == first.surfaces


def test_same_name_different_places_get_distinct_ids():
    # the country and its capital are both 'Luxembourg' in geonames
    pres = resolve_places({"x": [("Luxembourg", "GPE", 0, 10), ("Luxembourg City", "GPE", 20, 35)]})
    assert [(p.id, p.type) for p in pres.places] == [("place:luxembourg-city-lu", "city"),
                                                     ("place:luxembourg-country-lu", "country")]
    assert len({p.name for p in pres.places}) == 2   # names stay unique: claims refer to places by name


def test_pinned_place_wins_over_geonames():
    cfg = PlaceConfig.from_dict({"places": {"Georgia": {"type": "region", "country": "US"}}})
    pres = resolve_places({"x": [("Georgia", "GPE", 0, 7)]}, config=cfg)
    assert (pres.places[0].type, pres.places[0].country_code) == ("region", "US")
    assert lookup_place("Georgia").country_code == "GE"   # default: the country


@pytest.mark.parametrize("bad", [
    ["not", "a", "mapping"],
    {"aliases": ["Kiev"]},
    {"places": {"Crimea": {"type": "peninsula"}}},
    {"ignore": "West"},
])
def test_bad_places_yaml_says_what_to_fix(bad):
    with pytest.raises(ModelsFileError) as e:
        PlaceConfig.from_dict(bad)
    assert "places.yaml" in str(e.value)


@pytest.mark.parametrize("surface, name, kind, cc", [
    ("Czech Republic", "Czechia", "country", "CZ"),
    ("Holland", "The Netherlands", "country", "NL"),
    ("the Netherlands", "The Netherlands", "country", "NL"),
    ("New York", "New York", "city", "US"),          # the city in news; 'New York State' is the state
    ("N.Y.", "New York State", "region", "US"),
    ("Ga.", "Georgia (US state)", "region", "US"),   # AP abbreviation, not the country
    ("Calif.", "California", "region", "US"),
    ("D.C.", "Washington", "city", "US"),
    ("England", "England", "region", "GB"),
])
def test_news_spellings(surface, name, kind, cc):
    h = lookup_place(surface)
    assert (h.name, h.type, h.country_code) == (name, kind, cc)


def test_ner_noise_is_no_place():
    pres = resolve_places({"x": [("n't", "GPE", 0, 3), ("charlatan", "GPE", 5, 14), ("Jr", "GPE", 20, 22),
                                 ("Kyiv", "GPE", 30, 34)]})
    assert [p.name for p in pres.places] == ["Kyiv"]


# -- the geonames indexes kept in the cache folder -------------------------------------------------------
@pytest.mark.parametrize("state", ["none", "written", "damaged", "unwritable"])
def test_geonames_cache_gives_the_indexes_built_from_geonames(state, tmp_path, monkeypatch):
    """Built, loaded from the file the previous process wrote, rebuilt over a damaged file, or built in
    memory where no cache folder can be written: the same places every time."""
    from graphkit import places

    monkeypatch.setenv("GRAPHKIT_CACHE", str(tmp_path / "cache"))
    places._geonames.cache_clear()
    places._geonames()  # the first process: builds and writes the file
    (written,) = (tmp_path / "cache").glob("geonames-*.marshal")
    if state == "damaged":
        written.write_bytes(written.read_bytes()[:1000])
    elif state == "unwritable":
        written.unlink()
        (tmp_path / "cache").rmdir()
        (tmp_path / "cache").write_text("a file where the folder should be")
    elif state == "none":
        written.unlink()
    places._geonames.cache_clear()
    try:
        geo, built = places._geonames(), places._Geonames.build()
        assert geo.data() == built.data()
        for key, cc in [("kyiv", None), ("kiev", "UA"), ("moscow", None), ("moscow", "US"), ("narnia", None)]:
            assert geo.city(key, cc) == built.city(key, cc)
        assert geo.city("kiev")["name"] == "Kyiv"
    finally:
        places._geonames.cache_clear()
    if state != "unwritable":
        assert len(list((tmp_path / "cache").glob("geonames-*.marshal"))) == 1


#: a national corpus's entities in miniature: its home's places (US) said most
_HOME = [("Iowa", "GPE", 0, 4), ("Ohio", "GPE", 10, 14), ("Texas", "GPE", 20, 25), ("the United States", "GPE", 30, 47)]


@pytest.mark.parametrize("entity,abroad", [
    (("Syria's", "GPE", 60, 67), ["Syria"]),          # in another country: what the claims talk about, written plainly
    (("North Korea", "GPE", 60, 71), ["North Korea"]),
    (("Europe", "LOC", 60, 66), ["Europe"]),            # a region of no country
    (("Iowa", "GPE", 60, 64), []),                      # the home's: where, not what about
    (("Silicon Valley", "LOC", 60, 74), []),            # a place the gazetteer does not know is none
])
def test_places_abroad_lie_outside_the_corpus_home(entity, abroad):
    from graphkit.places import home_country, places_abroad

    ents = _HOME + [entity]
    pres = resolve_places({"d": ents})
    assert home_country({"d": ents}, pres) == "US"
    assert [m[2] for m in places_abroad(ents, pres, home_country({"d": ents}, pres)) if m[0] >= 60] == abroad


@pytest.mark.parametrize("spans,said", [
    ([(0, 80)], ["Syria"]), ([(55, 70)], ["Syria"]),   # a place abroad said inside the claim's content
    ([(0, 50)], None),                                 # only the home's places: none
    ([(0, 10), (59, 66)], ["Syria"]),                  # inside one of its pieces
    ([(58, 64)], None),                                # cut by the claim's content: not said in it
])
def test_a_claim_says_the_places_abroad_inside_its_content(spans, said):
    from graphkit.records import claim_id
    from graphkit.store_issues import said_abroad

    ents = {"d": _HOME + [("Syria", "GPE", 60, 65)]}
    got = said_abroad({"d": [spans]}, ents, resolve_places(ents))
    assert got.said.get(claim_id("d", spans)) == said and got.names == {"Syria"}


@pytest.mark.parametrize("said,home", [
    (["Iowa", "Ohio", "Syria"], "US"),                        # most of the places in one country: its home
    (["Iowa", "Ohio", "Syria", "Libya"], None),                # the most said, but not most of them: none
    (["Moscow", "Russia", "Ukraine", "Kyiv", "Washington"], None),   # several countries' news (the sample's kind)
])
def test_a_corpus_home_holds_most_of_its_places(said, home):
    from graphkit.places import home_country
    from graphkit.store_issues import said_abroad

    ents = {"d": [(name, "GPE", 10 * k, 10 * k + len(name)) for k, name in enumerate(said)]}
    pres = resolve_places(ents)
    assert home_country(ents, pres) == home
    got = said_abroad({"d": [[(0, 10 * len(said))]]}, ents, pres)
    assert bool(got.said) == (home is not None)   # no home, nothing abroad: every place stays out of the issues
