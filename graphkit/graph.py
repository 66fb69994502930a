"""Records → a networkx MultiDiGraph. The node and edge schema lives here, in one place.

Nodes (attribute ``type``): ``actor:…``, ``claim:…``, ``issue:…``, ``place:…``, ``doc:…``.
Edges (key and attribute ``type`` = the relation):
In GraphML, GEXF and Cytoscape files a node's ``type`` is written ``node_type`` and an edge's ``relation``
(Gephi Lite's renderer and GEXF give ``type`` meanings of their own; see `graphkit.export.file_node`).

========  ===============  ============================================
relation  from → to        attributes
========  ===============  ============================================
said      actor → claim    role, cue, stance, date
about     claim → issue    trigger (the words that assigned the issue)
mentions  claim → place
reported_in claim → doc    spans (first content span)
contradicts claim → claim  reason, issue, score, shared, opposing, days
reverses  claim → claim    the same, between one actor's two claims
reported_by actor → claim  (none): "Reuters reported that Putin said ...": Reuters → Putin's claim
========  ===============  ============================================

``contradicts`` and ``reverses`` edges go from the earlier claim (article order) to the later; only links
scored at least ``min_score`` (default ``graphkit.contradict.MIN_SCORE``) are drawn. ``shared`` (the
arguments both claims are about) and ``opposing`` (the opposing words) are strings joined with "; " and
" / ", so GraphML and GEXF carry them.

Only the part asked for is built: ``build_graph(store, claims)`` takes the
claims of a query (all of them by default) and adds their neighbourhood.

>>> import networkx as nx
>>> from graphkit.records import Actor, Claim, Document
>>> a = Actor(id="actor:sergey-lavrov", name="Sergey Lavrov", type="person")
>>> c = Claim(id="c1", doc_id="d1", speaker="Sergey Lavrov", speaker_id=a.id, text="Europe is to blame",
...           spans=[(0, 18)], kind="indirect", cue="said", issues=["Europe"])
>>> G = graph_from_records([c], {a.id: a}, {}, {})
>>> sorted(G.nodes), sorted(k for *_, k in G.edges(keys=True))
(['actor:sergey-lavrov', 'claim:c1', 'doc:d1', 'issue:europe'], ['about', 'reported_in', 'said'])
"""

from __future__ import annotations

from typing import Iterable, Optional

import networkx as nx

from .records import Actor, Claim, Contradiction, Document, Place, claim_sentence
from .names import slug
from .tables import shorten

NODE_TYPES = ("actor", "claim", "issue", "place", "document")
EDGE_TYPES = ("said", "about", "mentions", "reported_in", "contradicts", "reverses", "reported_by")


def issue_node(name: str) -> str:
    """The node id of the issue named ``name``.

    >>> issue_node("Peace plan")
    'issue:peace-plan'
    """
    return "issue:" + slug(name)


def place_node(name: str, places: dict[str, Place]) -> str:
    """The node id of the place named ``name``: its record's id in ``places`` (keyed by name), else one made of the
    name.

    >>> place_node("Kyiv", {"Kyiv": Place(id="place:kyiv", name="Kyiv", type="city")}), place_node("New Atlantis", {})
    ('place:kyiv', 'place:new-atlantis')
    """
    p = places.get(name)
    return p.id if p else "place:" + slug(name)


def _add_actor(G: nx.MultiDiGraph, node: str, name: str, actor: Optional[Actor]) -> None:
    """Add the actor node ``node`` named ``name`` (a claim's speaker or reporter), with no claims counted yet;
    ``actor``: its record, None when the store has none (type "other", no roles, aliases or organisation).

    >>> G = nx.MultiDiGraph(); _add_actor(G, "actor:reuters", "Reuters", None); G.nodes["actor:reuters"]["actor_type"]
    'other'
    """
    G.add_node(node, type="actor", label=name, name=name, actor_type=actor.type if actor else "other",
               roles=list(actor.roles) if actor else [], aliases=list(actor.aliases) if actor else [],
               organisation=actor.organisation if actor else None, country=actor.country if actor else None,
               n_claims=0)


def statements(claims: Iterable[Claim]) -> list[Claim]:
    """One claim per statement: drop other articles' reports whose first report is among `claims`.

    The first report's ``reports`` already names their articles, so the graph links the statement
    to every article that reported it (``reported_in``) without a duplicate claim node.

    >>> mk = lambda i, same=None: Claim(id=i, doc_id="d" + i, speaker="X", speaker_id="actor:x", text="t",
    ...                                 spans=[(0, 1)], cue="said", same_as=same)
    >>> [c.id for c in statements([mk("a"), mk("b", same="a"), mk("c", same="z")])]   # z is not among them
    ['a', 'c']
    """
    claims = list(claims)
    ids = {c.id for c in claims}
    return [c for c in claims if c.same_as is None or c.same_as not in ids]


def graph_from_records(claims: Iterable[Claim], actors: dict[str, Actor], documents: dict[str, Document],
                       places: dict[str, Place], contradictions: Iterable[Contradiction] = (),
                       min_score: Optional[float] = None) -> nx.MultiDiGraph:
    """The graph of these claims and everything they touch. `places` is keyed by place name.

    Each statement (`statements`) is a claim node said by its speaker (`_add_claim`), about its issues
    (`_add_issues`), mentioning its places (`_add_places`), reported in its articles (`_add_documents`).
    Links between claims scored below `min_score` (None: ``graphkit.contradict.MIN_SCORE``) are left out.
    """
    G = nx.MultiDiGraph()
    for c in statements(claims):
        cn = _add_claim(G, c, actors, documents.get(c.doc_id))
        _add_issues(G, cn, c)
        _add_places(G, cn, c, places)
        _add_documents(G, cn, c, documents)
    add_links(G, contradictions, min_score)
    return G


def _add_claim(G: nx.MultiDiGraph, c: Claim, actors: dict[str, Actor], doc: Optional[Document]) -> str:
    """Add claim ``c``'s node, its speaker (counting the claim) and the reporter it is relayed by, with their edges;
    the claim node's id.

    >>> from graphkit.samples import sample_claim
    >>> G = nx.MultiDiGraph()
    >>> cn = _add_claim(G, sample_claim(), {}, None)
    >>> cn, G.nodes[cn]["segment"], G.nodes["actor:sergey-lavrov"]["n_claims"], list(G.edges(keys=True))
    ('claim:c1', 'headline', 1, [('actor:sergey-lavrov', 'claim:c1', 'said')])
    """
    if c.speaker_id not in G:
        _add_actor(G, c.speaker_id, c.speaker, actors.get(c.speaker_id))
    G.nodes[c.speaker_id]["n_claims"] += 1
    cn = "claim:" + c.id
    G.add_node(cn, type="claim", label=shorten(c.text, 60), text=c.text, speaker=c.speaker, speaker_id=c.speaker_id,
               speaker_text=c.speaker_text, date=c.date, date_precision=c.date_precision, date_basis=c.date_basis,
               stance=c.stance, kind=c.kind, cue=c.cue, doc_id=c.doc_id, reports=list(c.reports),
               url=doc.url if doc else None, source=doc.source if doc else None,
               issues=list(c.issues), places=list(c.places), start=c.spans[0][0], end=c.spans[-1][1],
               date_text=c.date_text, sentence=claim_sentence(c, doc), segment=c.segment)
    G.add_edge(c.speaker_id, cn, key="said", type="said", role=c.role, cue=c.cue, stance=c.stance, date=c.date)
    if c.reported_by_id:
        if c.reported_by_id not in G:
            _add_actor(G, c.reported_by_id, c.reported_by, actors.get(c.reported_by_id))
        G.add_edge(c.reported_by_id, cn, key="reported_by", type="reported_by")
    return cn


def _add_issues(G: nx.MultiDiGraph, cn: str, c: Claim) -> None:
    """Add an ``about`` edge from claim node ``cn`` to each of ``c``'s issues (made when new), with the issue's first
    trigger and its score.

    >>> from graphkit.samples import sample_claim
    >>> G = nx.MultiDiGraph(); _add_issues(G, "claim:c1", sample_claim())
    >>> [(v, e["trigger"], e["score"]) for _, v, e in G.edges(data=True)]
    [('issue:europe', 'europe', 0.8)]
    """
    triggers, scores = {}, dict(c.issue_scores)
    for name, trig in c.issue_triggers:
        triggers.setdefault(name, trig)
    for name in c.issues:
        n = issue_node(name)
        if n not in G:
            G.add_node(n, type="issue", label=name, name=name)
        G.add_edge(cn, n, key="about", type="about", trigger=triggers.get(name), score=scores.get(name))


def _add_places(G: nx.MultiDiGraph, cn: str, c: Claim, places: dict[str, Place]) -> None:
    """Add a ``mentions`` edge from claim node ``cn`` to each of ``c``'s places (made when new, from ``places``; one
    without a record is an "other" place).

    >>> from graphkit.samples import sample_claim
    >>> G = nx.MultiDiGraph()
    >>> _add_places(G, "claim:c1", sample_claim(), {"Kyiv": Place(id="place:kyiv", name="Kyiv", type="city")})
    >>> [(v, G.nodes[v]["place_type"]) for _, v in G.edges()]
    [('place:kyiv', 'city'), ('place:atlantis', 'other')]
    """
    for name in c.places:
        n = place_node(name, places)
        if n not in G:
            p = places.get(name)
            G.add_node(n, type="place", label=name, name=name, place_type=p.type if p else "other",
                       country_code=p.country_code if p else None, lat=p.lat if p else None, lon=p.lon if p else None)
        G.add_edge(cn, n, key="mentions", type="mentions")


def _add_documents(G: nx.MultiDiGraph, cn: str, c: Claim, documents: dict[str, Document]) -> None:
    """Add a ``reported_in`` edge from claim node ``cn`` to its article and each other article reporting it (made
    when new); the spans are the claim's article's only.

    >>> from graphkit.samples import sample_claim
    >>> G = nx.MultiDiGraph(); _add_documents(G, "claim:c1", sample_claim(), {})
    >>> [(v, e["spans"]) for _, v, e in G.edges(data=True)]
    [('doc:003', (10, 35)), ('doc:007', None)]
    """
    for doc_id in (c.doc_id, *c.reports):
        dn = "doc:" + doc_id
        if dn not in G:
            d = documents.get(doc_id)
            G.add_node(dn, type="document", label=(d.title if d and d.title else doc_id), doc_id=doc_id,
                       title=d.title if d else None, source=d.source if d else None, url=d.url if d else None,
                       published=d.published.isoformat() if d and d.published else None)
        G.add_edge(cn, dn, key="reported_in", type="reported_in", spans=c.spans[0] if doc_id == c.doc_id else None)


def add_links(G: nx.MultiDiGraph, links: Iterable[Contradiction], min_score: Optional[float] = None) -> None:
    """Add the contradicts / reverses edges between claims of G scored at least min_score, with their evidence."""
    if min_score is None:
        from .contradict import MIN_SCORE as min_score
    for x in links:
        a, b = "claim:" + x.a, "claim:" + x.b
        if a in G and b in G and x.score >= min_score:
            G.add_edge(a, b, key=x.relation, type=x.relation, reason=x.reason, issue=x.issue, score=x.score,
                       shared="; ".join(x.shared), opposing=" / ".join(x.opposing), days=x.days)


def build_graph(store, claims: Optional[Iterable[Claim]] = None, min_score: Optional[float] = None) -> nx.MultiDiGraph:
    """The graph of the store's claims (all, or those given) with their actors, issues, places, articles;
    links between claims scored at least min_score (None: graphkit.contradict.MIN_SCORE)."""
    claims = list(store.claims() if claims is None else claims)
    actors = {a.id: a for a in store.actors()}
    places = {p.name: p for p in store.places()}
    doc_ids = {c.doc_id for c in claims} | {r for c in claims for r in c.reports}
    documents = {i: d for i in sorted(doc_ids) if (d := store.document(i)) is not None}
    return graph_from_records(claims, actors, documents, places, store.contradictions(), min_score)
