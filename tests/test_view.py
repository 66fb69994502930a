"""The interactive view without a browser: page structure, escaping, the tables the page draws from, pyvis.

The browser half (drawing, filters, search, injection in a real engine) is tests/test_browser.py.
"""

from __future__ import annotations

import base64
import datetime as dt
import typing
import hashlib
import html
import json
import re

import networkx as nx
import pytest

from graphkit.errors import ExportError, GraphkitError
from graphkit.records import Stance
from graphkit.pyvis_network import pair_colour, stance_group, to_pyvis
from graphkit.samples import sample_graph, synthetic_graph
from graphkit.view import notebook_html, render_html, write_view
from graphkit.view_data import NO_ISSUE, STANCE_GROUPS, view_data

DATA_RE = re.compile(r'<script type="application/json" id="gk-data">(.*?)</script>', re.S)

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "<script>window.__pwned=1</script>",
    "</script><script>window.__pwned=2</script>",
    "<!--<script>",
    "javascript:alert(1)",
    "{{ 7*7 }} {% if x %}{{ constructor.constructor('alert(1)')() }}",
    "@@DATA@@ @@VIS_JS@@",
    "\u2028line\u2029sep & \"quotes\" 'single' `back`",
    '"><svg onload=alert(1)>',
]


def page_data(page: str) -> dict:
    m = DATA_RE.search(page)
    assert m, "the page holds its data in one application/json block"
    return json.loads(m.group(1))


def one_claim_graph(text="t", speaker="S", url=None, title="Article", issue="Europe", label=None) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_node("actor:s", type="actor", label=speaker, actor_type="person", roles=[], n_claims=1)
    G.add_node("claim:1", type="claim", label=label or text[:40], text=text, speaker=speaker, speaker_id="actor:s",
               date="2025-11-26", stance="assert", kind="direct", cue="said", doc_id="d", url=url, source="src",
               issues=[issue], places=[])
    G.add_node("issue:x", type="issue", label=issue, name=issue)
    G.add_node("doc:d", type="document", label=title, title=title, source="src", url=url, published="2025-11-26")
    G.add_edge("actor:s", "claim:1", key="said", type="said")
    G.add_edge("claim:1", "issue:x", key="about", type="about", trigger=issue)
    G.add_edge("claim:1", "doc:d", key="reported_in", type="reported_in")
    return G


# ------------------------------------------------------------------ offline, self-contained


def test_page_is_self_contained():
    page = render_html(sample_graph())
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"<script[^>]+src\s*=", page, re.I), "no external scripts"
    assert not re.search(r"<link\b", page, re.I), "no external stylesheets"
    assert not re.search(r"url\(\s*(?!['\"]?data:)", page.split('id="gk-data"')[0]), "CSS urls are data: only"
    assert not re.search(r"@import", page)
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page and "bootstrap" not in page.lower()
    assert "sourceMappingURL" not in page, "devtools would fetch a source map from the network"
    assert "vis.Network" in page and "graphkit" in page


def test_csp_allows_exactly_the_page_scripts_and_no_network():
    page = render_html(sample_graph())
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1))
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 2  # vis-network and graphkit's app; the data block is type=application/json
    for s in scripts:
        digest = base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


# ------------------------------------------------------------------ escaping (issue 7)


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("field", ["text", "speaker", "title", "issue", "label"])
def test_article_text_reaches_the_page_as_inert_data(payload, field):
    G = one_claim_graph(**{field: payload})
    page = render_html(G, title=payload)
    # the page's markup never contains the payload's tags: only the JSON block carries it, escaped
    markup = re.sub(r"<script>.*?</script>", "<script></script>", page, flags=re.S)  # the two code blocks out
    for needle in ("<img", "<svg", "<script>window", "</script><script>", "<!--<script>"):
        if needle in payload:
            assert markup.count(needle) == 0, needle
    assert markup.count("<script") == 3 and markup.count("</script>") == 3
    # and the exact text survives, for the app to show with textContent
    data = page_data(page)
    values = json.dumps(data, ensure_ascii=False)
    assert json.dumps(payload, ensure_ascii=False)[1:-1] in values
    assert data["title"] == payload
    assert html.escape(payload, quote=True) in page.split("<body>")[1].split("<script")[0]  # the <h1>


def test_template_markers_in_text_are_not_substituted():
    page = render_html(one_claim_graph(text="@@VIS_JS@@ and @@DATA@@"))
    claim = next(c for c in page_data(page)["claims"] if c["id"] == "claim:1")
    assert claim["text"] == "@@VIS_JS@@ and @@DATA@@"


def test_no_vis_title_strings():
    """vis-network would show string titles; the app builds tooltips as DOM elements from the tables."""
    page = render_html(sample_graph())
    assert '"title":"US and Ukraine' in page  # article titles are data ...
    js = page.split("<script>")[-1]
    assert "title: tip(" in js and "title: D.title" not in js  # ... and tooltips are elements


@pytest.mark.parametrize("url, kept", [
    ("https://news.example.org/a?b=1&c=2", True),
    ("http://example.org/", True),
    ("HTTPS://EXAMPLE.ORG/X", True),
    ("javascript:alert(1)", False),
    (" JavaScript:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False),
    ("vbscript:msgbox", False),
    ("//evil.example.org/x", False),
    ("https://ex.org/\"><script>", False),
    ("", False),
    (None, False),
])
def test_only_http_urls_become_links(url, kept):
    data = page_data(render_html(one_claim_graph(url=url)))
    assert data["docs"][0].get("url") == (url.strip() if kept else None)


# ------------------------------------------------------------------ the tables the page draws from


def test_every_claim_is_in_the_page_with_its_details():
    G = sample_graph()
    d = view_data(G)
    claims = {v for v, a in G.nodes(data=True) if a["type"] == "claim"}
    assert {c["id"] for c in d["claims"]} == claims  # nothing dropped
    c = next(c for c in d["claims"] if c["id"] == "claim:c07")
    assert (c["text"], c["kind"], c["speaker"], c["written"], c["date"], c["basis"], c["stance"], c["doc"]) == (
        "Witkoff will meet Putin on Tuesday afternoon", "indirect", "Dmitry Peskov", "Peskov", "2025-12-02",
        "explicit", "assert", "doc:003_9b6d43ba622d0a39")
    assert c["places"] == ["place:moscow"] and "issues" not in c and c["sentence"].startswith("Dmitry Peskov told")
    assert (c["start"], c["end"]) == (280, 280 + len(c["text"]))
    assert d["contradictions"] == [{"a": "claim:c11", "b": "claim:c10",
                                    "reason": "deny vs assert on the same place and issue"}]


def test_claims_without_an_issue_meet_under_no_issue():
    d = view_data(sample_graph())
    none = next(i for i in d["issues"] if i["id"] == NO_ISSUE)
    assert none["n"] == 1 and d["issues"][-1] is none  # c07 (Peskov on Witkoff's visit), listed last
    assert sum(i["n"] for i in d["issues"]) == sum(max(1, len(c.get("issues", []))) for c in d["claims"])


@pytest.mark.parametrize("actor, n", [("actor:sergey-lavrov", 4), ("actor:volodymyr-zelensky", 3),
                                      ("actor:kremlin", 2), ("actor:vladimir-putin", 1)])
def test_actors_are_ranked_by_claims(actor, n):
    rows = view_data(sample_graph())["actors"]
    row = next(r for r in rows if r["id"] == actor)
    assert row["n"] == n
    assert [r["n"] for r in rows] == sorted((r["n"] for r in rows), reverse=True)


def test_an_unknown_speaker_node_is_named_as_the_claim_names_it():
    G = one_claim_graph(speaker="Anna Example")
    G.remove_node("actor:s")
    d = view_data(G)
    assert d["actors"] == [{"id": "actor:s", "label": "Anna Example", "n": 1}]


@pytest.mark.parametrize("stance", typing.get_args(Stance))
def test_every_stance_is_in_exactly_one_group(stance):
    groups = [g for g, v in STANCE_GROUPS.items() if stance in v["stances"]]
    assert len(groups) == 1 and stance_group(stance) == groups[0]


@pytest.mark.parametrize("stances, group", [
    (["assert"], "states"),
    (["deny", "deny", "assert"], "denies, opposes"),
    (["deny", "assert"], "mixed"),
    (["warn", "accuse", "criticize", "assert", "assert"], "accuses, warns"),
    (["demand", "question", "praise", "support"], "mixed"),
    (["praise", "support", "demand"], "supports"),
])
def test_edge_colour_is_the_stance_group_of_most_claims(stances, group):
    assert pair_colour(stances)[0] == STANCE_GROUPS[group]["color"]


def test_the_input_graph_is_not_modified():
    G = sample_graph()
    before = (json.dumps(dict(G.nodes(data=True)), sort_keys=True, default=str),
              json.dumps(list(G.edges(keys=True, data=True)), sort_keys=True, default=str))
    render_html(G)
    to_pyvis(G)
    after = (json.dumps(dict(G.nodes(data=True)), sort_keys=True, default=str),
             json.dumps(list(G.edges(keys=True, data=True)), sort_keys=True, default=str))
    assert before == after


def test_odd_attribute_values_and_other_graph_kinds():
    G = nx.Graph()
    G.add_node("claim:x", type="claim", text="t", speaker_id="actor:a", speaker="A", date=dt.date(2025, 1, 2),
               start=float("nan"), doc_id=7)
    G.add_node(7)
    G.add_edge("claim:x", 7, type="said")
    c = page_data(render_html(G))["claims"][0]
    assert c["date"] == "2025-01-02" and "start" not in c and c["doc"] == "doc:7" and c["actor"] == "actor:a"
    empty = page_data(render_html(nx.MultiDiGraph()))
    assert empty["claims"] == [] and empty["note"].startswith("no claims to draw")


def test_the_same_graph_gives_the_same_page():
    assert render_html(sample_graph()) == render_html(sample_graph())


@pytest.mark.parametrize("actors, shown", [
    (None, None), (1, 1), (25, 25), ("5", 5),  # "5" as the command line gives it (`graphkit.values.whole`)
    (0, "actors=0 is below 1; give a whole number, 1 or more, e.g. actors=30"),
    (-3, "actors=-3 is below 1"),
    (True, "actors=True is not a whole number"),
    (2.5, "actors=2.5 is not a whole number; give 1 or more"),
])
def test_actors_shown_at_opening(actors, shown):
    if not isinstance(shown, str):
        assert page_data(render_html(sample_graph(), actors=actors))["actors_shown"] == shown
    else:
        with pytest.raises(GraphkitError, match=re.escape(shown)):
            render_html(sample_graph(), actors=actors)


def test_a_large_graph_keeps_every_claim():
    G = synthetic_graph(3000, seed=1)
    d = view_data(G)
    assert len(d["claims"]) == sum(1 for _, a in G.nodes(data=True) if a["type"] == "claim")
    assert len(d["actors"]) == len({c["actor"] for c in d["claims"]})


# ------------------------------------------------------------------ writing


def test_write_view_is_atomic_and_reports(tmp_path):
    out = tmp_path / "view.html"
    rep = write_view(sample_graph(), out, title="Lavrov")
    assert out.read_text(encoding="utf-8") == render_html(sample_graph(), title="Lavrov")
    assert [p.name for p in tmp_path.iterdir()] == ["view.html"]
    assert (rep.claims, rep.actors, rep.issues, rep.articles, rep.contradictions, rep.note) == (15, 9, 5, 4, 1, None)
    assert rep.page_bytes == out.stat().st_size


@pytest.mark.parametrize("where, message", [("missing/dir/view.html", "no folder"), (".", "is a folder")])
def test_write_view_errors_say_what_to_do(tmp_path, where, message):
    with pytest.raises(ExportError, match=message):
        write_view(sample_graph(), tmp_path / where)


def test_not_a_graph():
    with pytest.raises(GraphkitError, match="networkx graph"):
        render_html({"nodes": []})


def test_notebook_html_is_a_sandboxed_iframe():
    frag = notebook_html(one_claim_graph(text=PAYLOADS[0]), height=450, title="t")
    assert frag.startswith("<iframe") and frag.endswith("</iframe>")
    assert 'height="450"' in frag and 'sandbox="allow-scripts' in frag and "allow-same-origin" not in frag
    assert "<script" not in frag and "<img" not in frag
    srcdoc = html.unescape(re.search(r'srcdoc="([^"]*)"', frag).group(1))
    assert srcdoc == render_html(one_claim_graph(text=PAYLOADS[0]), title="t")


def test_demo_command_writes_a_page(tmp_path, capsys):
    from graphkit.view import _main

    out = tmp_path / "demo.html"
    assert _main(["--demo", "-o", str(out)]) == 0
    assert "wrote" in capsys.readouterr().out and out.stat().st_size > 100_000
    with pytest.raises(SystemExit):
        _main([])


# ------------------------------------------------------------------ pyvis hand-off


def test_to_pyvis_overview_is_one_edge_per_actor_issue_pair():
    net = to_pyvis(sample_graph())
    ids = {n["id"] for n in net.nodes}
    assert "actor:sergey-lavrov" in ids and "issue:europe" in ids and not any(i.startswith("claim:") for i in ids)
    pair = [e for e in net.edges if e["from"] == "actor:sergey-lavrov" and e["to"] == "issue:europe"]
    assert len(pair) == 1 and pair[0]["value"] == 2  # c02 and c03
    assert any(e.get("dashes") and {e["from"], e["to"]} == {"actor:kremlin", "actor:ukrainian-authorities"}
               for e in net.edges)  # the contradiction, between speakers


def test_to_pyvis_claims_level():
    net = to_pyvis(sample_graph(), level="claims")
    assert sum(n["id"].startswith("claim:") for n in net.nodes) == 15
    with pytest.raises(GraphkitError, match="overview"):
        to_pyvis(sample_graph(), level="everything")


@pytest.mark.parametrize("level", ["overview", "claims"])
@pytest.mark.parametrize("payload", PAYLOADS[:4])
def test_to_pyvis_is_offline_and_keeps_article_text_out_of_markup(level, payload):
    G = one_claim_graph(text=payload, speaker=payload, title=payload, issue=payload)
    net = to_pyvis(G, level=level)
    page = net.generate_html()
    assert not re.search(r"<(script|link)\b[^>]*(src|href)=\"https?:", page), "a CDN link is left"
    assert net.cdn_resources == "in_line"
    for n in net.nodes:
        assert "<" not in n.get("title", "") and ">" not in n.get("title", "")
    assert "<img src=x" not in page and "<script>window.__pwned" not in page


@pytest.mark.parametrize("rel, score, shown", [
    ("contradicts", 0.3, False),   # stored, scored below graphkit.contradict.MIN_SCORE: not shown
    ("contradicts", 0.5, True),
    ("contradicts", 0.9, True),
    ("contradicts", None, True),   # graphs from before scores
    ("reverses", 0.8, True),       # a speaker's own reversal: claim graph and panel, not an overview arc
])
def test_links_between_claims_follow_the_minimum_score(monkeypatch, rel, score, shown):
    import graphkit.view_data as drawn

    monkeypatch.setattr(drawn, "_MIN_LINK_SCORE", 0.5)
    G = sample_graph()
    G.add_edge("claim:c02", "claim:c03", key=rel, type=rel, reason="r", score=score, shared=["Europe"])
    links = [x for x in view_data(G)["contradictions"] if x["a"] == "claim:c02"]
    assert bool(links) == shown
    if shown:
        assert links[0].get("kind") == (None if rel == "contradicts" else rel) and links[0]["shared"] == ["Europe"]
