"""Hand-built and random graphs in graphkit's schema, for demos, tests and benchmarks.

>>> G = sample_graph()
>>> sum(1 for _, a in G.nodes(data=True) if a["type"] == "claim")
15
"""

from __future__ import annotations

import random

import networkx as nx

from .records import Claim
from .tables import shorten

__all__ = ["sample_graph", "synthetic_graph"]


def _add_claim(G, cid, speaker_id, speaker, text, date, stance, doc, issues=(), places=(),
               kind="direct", cue="said", url=None, source=None):
    start = 40 * int(cid[-2:])
    G.add_node(cid, type="claim", label=shorten(text, 40), text=text, speaker=speaker, speaker_id=speaker_id,
               speaker_text=speaker.split()[-1], date=date, date_basis="explicit" if len(date) == 10 else "publication",
               stance=stance, kind=kind, cue=cue, doc_id=doc.split(":", 1)[1], url=url, source=source,
               issues=list(issues), places=list(places), start=start, end=start + len(text),
               sentence=f"{speaker} {cue} {text}.")
    G.add_edge(speaker_id, cid, key="said", type="said")
    for i in issues:
        G.add_edge(cid, "issue:" + i.lower().replace(" ", "-"), key="about", type="about", trigger=i.lower())
    for p in places:
        G.add_edge(cid, "place:" + p.lower(), key="mentions", type="mentions")
    G.add_edge(cid, doc, key="reported_in", type="reported_in")


#: the sample graph's actors: (slug, name, actor type, roles)
_ACTORS = [("sergey-lavrov", "Sergey Lavrov", "person", ["Foreign Minister"]),
           ("volodymyr-zelensky", "Volodymyr Zelensky", "person", ["President of Ukraine"]),
           ("vladimir-putin", "Vladimir Putin", "person", ["President of Russia"]),
           ("dmitry-peskov", "Dmitry Peskov", "person", ["Kremlin spokesman"]),
           ("kremlin", "Kremlin", "government", []),
           ("white-house", "White House", "government", []),
           ("andriy-kovalenko", "Andriy Kovalenko", "person", ["head of the disinformation response centre"]),
           ("ukrainian-authorities", "Ukrainian authorities", "government", []),
           ("senior-russian-source", "senior Russian source", "anonymous", [])]
_ISSUES = ["Europe", "peace plan", "sanctions", "territory", "security guarantees"]
#: (name, place type, latitude, longitude)
_PLACES = [("Moscow", "city", 55.75, 37.62), ("Geneva", "city", 46.2, 6.15), ("Pokrovsk", "city", 48.28, 37.18),
           ("Ukraine", "country", 49.0, 32.0)]
#: (doc id, title, source, published)
_DOCS = [("000_36443760e30779ee", "US and Ukraine strike cautious tone after Geneva talks", "CNN", "2025-11-25"),
         ("001_56cb526c82487007", "Lavrov: Washington Fails to Officially Submit Ukraine Peace Plan",
          "finance news blog", "2025-11-26"),
         ("003_9b6d43ba622d0a39", "Talks Gain Momentum in Moscow", "news site", "2025-12-02"),
         ("004_a0ffbf88e7d719ba", "Cautious Russia awaits details from US on Ukraine ceasefire plan",
          "Reuters", "2025-03-12")]
#: (claim id, speaker slug, speaker, text, date, stance, the article's number, issues, places)
_CLAIMS = [
    ("c01", "sergey-lavrov", "Sergey Lavrov", "Washington has not officially submitted the 28-point plan to Moscow",
     "2025-11-26", "assert", "001", ["peace plan"], ["Moscow"]),
    ("c02", "sergey-lavrov", "Sergey Lavrov", "Europe is trying to wreck the American peace efforts",
     "2025-11-26", "accuse", "001", ["Europe", "peace plan"], []),
    ("c03", "sergey-lavrov", "Sergey Lavrov", "European counter-proposals are not constructive at all",
     "2025-11-26", "criticize", "001", ["Europe"], []),
    ("c04", "volodymyr-zelensky", "Volodymyr Zelensky", "the talks in Geneva were constructive",
     "2025-11-25", "praise", "000", ["peace plan"], ["Geneva"]),
    ("c05", "volodymyr-zelensky", "Volodymyr Zelensky",
     "Ukraine's sovereignty and firm security guarantees remain central goals", "2025-12-01", "assert", "003",
     ["security guarantees"], ["Ukraine"]),
    ("c06", "volodymyr-zelensky", "Volodymyr Zelensky", "the territorial question stays the hardest part of any deal",
     "2025-12-01", "warn", "003", ["territory"], []),
    ("c07", "dmitry-peskov", "Dmitry Peskov", "Witkoff will meet Putin on Tuesday afternoon",
     "2025-12-02", "assert", "003", [], ["Moscow"]),
    ("c08", "white-house", "White House", "it feels very optimistic about progress toward ending the war",
     "2025-12-02", "predict", "003", ["peace plan"], []),
    ("c09", "andriy-kovalenko", "Andriy Kovalenko",
     "Russia wants to shift all pressure in the US peace plan onto Ukraine",
     "2025-12-02", "accuse", "003", ["peace plan"], ["Ukraine"]),
    ("c10", "kremlin", "Kremlin", "Russian forces have captured Pokrovsk", "2025-12-01", "assert", "003",
     ["territory"], ["Pokrovsk"]),
    ("c11", "ukrainian-authorities", "Ukrainian authorities", "no such losses occurred in Pokrovsk",
     "2025-12-01", "deny", "003", ["territory"], ["Pokrovsk"]),
    ("c12", "vladimir-putin", "Vladimir Putin", "the US plan could form the basis of a final settlement",
     "2025-11", "assert", "000", ["peace plan"], []),
    ("c13", "kremlin", "Kremlin", "Moscow awaits details from Washington on the ceasefire proposal",
     "2025-03-12", "assert", "004", ["peace plan"], ["Moscow"]),
    ("c14", "senior-russian-source", "senior Russian source", "any deal must take Russia's interests into account",
     "2025-03", "demand", "004", ["peace plan"], []),
    ("c15", "sergey-lavrov", "Sergey Lavrov", "new sanctions will not change Moscow's course", "2025-11-26",
     "predict", "001", ["sanctions"], []),
]
#: the claims told in the reporter's words, and the cues other than "said"
_INDIRECT = {"c01", "c04", "c07", "c08", "c10", "c13"}
_CUES = {"c07": "told reporters"}


def sample_claim(**changes) -> Claim:
    """A hand-built claim record for examples: Sergey Lavrov's headline claim about Europe, naming Kyiv and
    Atlantis (a place with no record), reported by a second article; ``changes`` replace its fields.

    >>> c = sample_claim(); (c.id, c.speaker, c.segment, c.issues, c.places, c.reports)
    ('c1', 'Sergey Lavrov', 'headline', ('Europe',), ('Kyiv', 'Atlantis'), ('007',))
    >>> sample_claim(segment="body").segment
    'body'
    """
    fields = dict(id="c1", doc_id="003", speaker="Sergey Lavrov", speaker_id="actor:sergey-lavrov",
                  text="Europe was blocking peace", spans=[(10, 35)], cue="said", segment="headline",
                  issues=("Europe",),
                  issue_triggers=(("Europe", "europe"),), issue_scores=(("Europe", 0.8),), places=("Kyiv", "Atlantis"),
                  reports=("007",))
    return Claim(**{**fields, **changes})


def sample_graph() -> nx.MultiDiGraph:
    """A hand-built graph shaped like the sample corpus (about 30 nodes), for demos and tests: its actors, issues,
    places and articles (`_add_things`), then its claims with their edges and one contradiction (`_add_claims`).

    >>> G = sample_graph()
    >>> G.nodes["actor:sergey-lavrov"]["label"], G.number_of_nodes() > 20
    ('Sergey Lavrov', True)
    """
    G = nx.MultiDiGraph()
    _add_things(G)
    _add_claims(G)
    return G


def _add_things(G: nx.MultiDiGraph) -> None:
    """The sample graph's actors (no claims counted yet), issues, places and articles."""
    for slug, name, atype, roles in _ACTORS:
        G.add_node("actor:" + slug, type="actor", label=name, actor_type=atype, roles=roles, n_claims=0)
    for name in _ISSUES:
        G.add_node("issue:" + name.lower().replace(" ", "-"), type="issue", label=name, name=name)
    for name, ptype, lat, lon in _PLACES:
        G.add_node("place:" + name.lower(), type="place", label=name, place_type=ptype, lat=lat, lon=lon)
    for did, t, src, pub in _DOCS:
        G.add_node("doc:" + did, type="document", label=shorten(t, 40), title=t, source=src,
                   url=f"https://news.example.org/{did}", published=pub)


def _add_claims(G: nx.MultiDiGraph) -> None:
    """The sample graph's claims (`_add_claim`), each counted on its speaker, and the one contradiction."""
    docs = {did[:3]: "doc:" + did for did, *_ in _DOCS}
    for cid, slug, name, text, date, stance, number, issues, places in _CLAIMS:
        doc = docs[number]
        _add_claim(G, "claim:" + cid, "actor:" + slug, name, text, date, stance, doc, issues, places,
                   kind="indirect" if cid in _INDIRECT else "direct", cue=_CUES.get(cid, "said"),
                   url=G.nodes[doc]["url"], source=G.nodes[doc]["source"])
        G.nodes["actor:" + slug]["n_claims"] += 1
    G.add_edge("claim:c11", "claim:c10", key="contradicts", type="contradicts",
               reason="deny vs assert on the same place and issue")


def synthetic_graph(n_nodes: int, *, seed: int = 0) -> nx.MultiDiGraph:
    """A random graph in graphkit's schema with about ``n_nodes`` nodes, for benchmarks and tests.

    Shares: 68% claims, 12% articles, 10% actors (a few very talkative), 5% places,
    5% issues (capped at 60); edges said / about / mentions / reported_in / contradicts.

    >>> G = synthetic_graph(500)
    >>> abs(G.number_of_nodes() - 500) <= 5
    True
    """
    rng = random.Random(seed)
    n_issue = max(3, min(60, n_nodes // 20))
    n_place = max(3, n_nodes // 20)
    n_actor = max(3, n_nodes // 10)
    n_doc = max(2, n_nodes * 12 // 100)
    n_claim = max(1, n_nodes - n_issue - n_place - n_actor - n_doc)
    G = nx.MultiDiGraph()
    atypes = ["person"] * 6 + ["government", "organisation", "country", "anonymous", "media", "group"]
    for i in range(n_actor):
        G.add_node(f"actor:a{i}", type="actor", label=f"Actor {i}", actor_type=rng.choice(atypes),
                   roles=["spokesperson"] if i % 7 == 0 else [], n_claims=0)
    for i in range(n_issue):
        G.add_node(f"issue:i{i}", type="issue", label=f"Issue {i}", name=f"Issue {i}")
    for i in range(n_place):
        G.add_node(f"place:p{i}", type="place", label=f"Place {i}", place_type="city",
                   lat=rng.uniform(-60, 70), lon=rng.uniform(-180, 180))
    for i in range(n_doc):
        G.add_node(f"doc:d{i}", type="document", label=f"Article {i}", title=f"Article {i}", source="Wire",
                   url=f"https://news.example.org/d{i}", published=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}")
    stances = ["assert", "deny", "warn", "demand", "predict", "accuse"]
    for i in range(n_claim):
        a = min(int(n_actor * rng.random() ** 2.5), n_actor - 1)  # a few actors say most things
        d = rng.randrange(n_doc)
        issues = [f"Issue {min(int(n_issue * rng.random() ** 2), n_issue - 1)}" for _ in range(rng.choice([1, 1, 2]))]
        places = [f"Place {rng.randrange(n_place)}" for _ in range(rng.choice([0, 1, 1, 2]))]
        cid = f"claim:c{i}"
        date = f"2025-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"
        G.add_node(cid, type="claim", label=f"Claim {i}", text=f"Synthetic claim number {i} about {issues[0]}",
                   speaker=f"Actor {a}", speaker_id=f"actor:a{a}", date=date, stance=rng.choice(stances),
                   kind=rng.choice(["direct", "indirect"]), date_basis="explicit", cue="said", doc_id=f"d{d}",
                   url=f"https://news.example.org/d{d}", source="Wire",
                   issues=sorted(set(issues)), places=sorted(set(places)))
        G.nodes[f"actor:a{a}"]["n_claims"] += 1
        G.add_edge(f"actor:a{a}", cid, key="said", type="said")
        for name in sorted(set(issues)):
            G.add_edge(cid, "issue:i" + name.split()[1], key="about", type="about", trigger=name.lower())
        for name in sorted(set(places)):
            G.add_edge(cid, "place:p" + name.split()[1], key="mentions", type="mentions")
        G.add_edge(cid, f"doc:d{d}", key="reported_in", type="reported_in")
        if i > 10 and rng.random() < 0.03:
            G.add_edge(cid, f"claim:c{rng.randrange(i)}", key="contradicts", type="contradicts",
                       reason="opposite stance")
    return G
