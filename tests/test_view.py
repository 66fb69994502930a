"""The interactive view without a browser: page structure, escaping, selection, layout, reports.

The browser half (drawing, filters, search, injection in a real engine) is tests/test_browser.py.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import math
import re

import networkx as nx
import pytest

from graphkit.errors import ExportError, GraphkitError
from graphkit.view import (
    NODE_STYLES, ViewReport, layout_positions, notebook_html, render_html, sample_graph,
    select_nodes, synthetic_graph, write_view,
)

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
    node = next(n for n in page_data(page)["nodes"] if n["id"] == "claim:1")
    assert node["d"]["text"] == "@@VIS_JS@@ and @@DATA@@"


def test_no_vis_title_strings():
    """vis-network inserts string `title`s as HTML; the page builds tooltips as DOM elements instead."""
    data = page_data(render_html(sample_graph()))
    assert all("title" not in n for n in data["nodes"]) and all("title" not in e for e in data["edges"])
    doc = next(n for n in data["nodes"] if n["d"]["type"] == "document")
    assert doc["d"]["doc_title"]


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
    for n in data["nodes"]:
        if n["id"] in ("claim:1", "doc:d"):
            assert n["d"]["url"] == (url.strip() if kept else None)


# ------------------------------------------------------------------ styling


def test_node_style_by_type_and_size_by_claims():
    data = page_data(render_html(sample_graph()))
    by_id = {n["id"]: n for n in data["nodes"]}
    for n in data["nodes"]:
        st = NODE_STYLES[n["d"]["type"]]
        assert (n["color"], n["shape"]) == (st["color"], st["shape"])
    lavrov, putin = by_id["actor:sergey-lavrov"], by_id["actor:vladimir-putin"]
    assert lavrov["d"]["n_claims"] == 4 and putin["d"]["n_claims"] == 1
    assert lavrov["size"] > putin["size"]
    assert by_id["issue:peace-plan"]["size"] > by_id["issue:sanctions"]["size"]
    rels = {e["label"] for e in data["edges"]}
    assert rels == {"said", "about", "mentions", "reported_in", "contradicts"}


def test_the_input_graph_is_not_modified():
    G = sample_graph()
    before = (json.dumps(dict(G.nodes(data=True)), sort_keys=True, default=str),
              json.dumps(list(G.edges(keys=True, data=True)), sort_keys=True, default=str))
    render_html(G)
    after = (json.dumps(dict(G.nodes(data=True)), sort_keys=True, default=str),
             json.dumps(list(G.edges(keys=True, data=True)), sort_keys=True, default=str))
    assert before == after


def test_odd_attribute_values_and_other_graph_kinds():
    G = nx.Graph()
    G.add_node("x", when=dt.date(2025, 1, 2), lat=float("nan"), tags={"b", "a"}, label=None)
    G.add_node(7)
    G.add_edge("x", 7, type="said")
    data = page_data(render_html(G))
    x = next(n for n in data["nodes"] if n["id"] == "x")
    assert x["d"]["when"] == "2025-01-02" and x["d"]["lat"] is None and x["d"]["tags"] == ["a", "b"]
    assert x["label"] == "x" and x["d"]["type"] == "other"
    empty = page_data(render_html(nx.MultiDiGraph()))
    assert empty["nodes"] == [] and empty["note"].startswith("the graph is empty")


def test_node_ids_that_collide_as_text_stay_apart():
    G = nx.Graph([(1, "1"), ("1", "x")])
    data = page_data(render_html(G))
    ids = [n["id"] for n in data["nodes"]]
    assert len(set(ids)) == 3
    assert sorted(n["d"]["id"] for n in data["nodes"]) == ["1", "1", "x"]
    assert {(e["from"], e["to"]) for e in data["edges"]} <= {(a, b) for a in ids for b in ids}


def test_the_same_graph_gives_the_same_page():
    assert render_html(sample_graph()) == render_html(sample_graph())


# ------------------------------------------------------------------ large graphs


@pytest.mark.parametrize("max_nodes", [1, 10, 36, 37, 1000])
def test_max_nodes_keeps_the_most_connected(max_nodes):
    G = sample_graph()
    keep = select_nodes(G, max_nodes)
    assert len(keep) == min(max_nodes, G.number_of_nodes())
    degree = dict(G.degree)
    dropped = set(G) - set(keep)
    if dropped:
        assert min(degree[v] for v in keep) >= max(degree[v] for v in dropped)
    page = render_html(G, max_nodes=max_nodes)
    data = page_data(page)
    ids = {n["id"] for n in data["nodes"]}
    assert ids == set(keep)
    assert all(e["from"] in ids and e["to"] in ids for e in data["edges"])
    assert data["stats"]["left_out"] == len(dropped)
    assert (data["note"] is None) == (not dropped)


def test_max_nodes_must_be_positive():
    with pytest.raises(GraphkitError, match="positive"):
        render_html(sample_graph(), max_nodes=0)


@pytest.mark.slow
def test_large_graph_is_laid_out_beforehand_with_physics_off(tmp_path):
    G = synthetic_graph(10_000, seed=1)
    rep = write_view(G, tmp_path / "big.html", max_nodes=3000)
    assert isinstance(rep, ViewReport)
    assert (rep.nodes_total, rep.nodes_shown, rep.left_out) == (G.number_of_nodes(), 3000, G.number_of_nodes() - 3000)
    assert rep.note == f"showing the 3,000 most connected of {G.number_of_nodes():,} nodes; narrow with --speaker/--issue/--since"
    assert rep.layout_seconds > 0 and rep.write_seconds > 0
    data = page_data((tmp_path / "big.html").read_text(encoding="utf-8"))
    assert data["options"]["physics"]["enabled"] is False and data["options"]["edges"]["smooth"] is False
    assert rep.edges_shown == len(data["edges"])
    xs = [n["x"] for n in data["nodes"]]
    ys = [n["y"] for n in data["nodes"]]
    assert all(math.isfinite(v) for v in xs + ys)
    assert len(set(zip(xs, ys))) > 0.95 * len(xs), "nodes are spread out, not stacked"


@pytest.mark.parametrize("n, physics, expected", [(200, None, True), (2000, None, False), (200, False, False),
                                                   (2000, True, True)])
def test_physics_default_follows_size(n, physics, expected):
    data = page_data(render_html(synthetic_graph(n), physics=physics, max_nodes=5000))
    assert data["options"]["physics"]["enabled"] is expected


def test_layout_is_deterministic_and_handles_isolated_nodes():
    G = synthetic_graph(300, seed=3)
    G.add_node("actor:lonely", type="actor", label="Lonely", n_claims=0)
    a, b = layout_positions(G), layout_positions(G)
    assert a == b and set(a) == set(G)
    linked_y = max(y for v, (x, y) in a.items() if v != "actor:lonely" and G.degree(v) > 0)
    assert a["actor:lonely"][1] > linked_y, "isolated nodes go under the drawing"


# ------------------------------------------------------------------ writing and notebooks


def test_write_view_is_atomic_and_reports(tmp_path):
    out = tmp_path / "view.html"
    rep = write_view(sample_graph(), out, title="Lavrov")
    assert out.read_text(encoding="utf-8") == render_html(sample_graph(), title="Lavrov")
    assert [p.name for p in tmp_path.iterdir()] == ["view.html"]
    G = sample_graph()
    assert (rep.nodes_shown, rep.nodes_total, rep.edges_shown, rep.left_out, rep.note) == (
        G.number_of_nodes(), G.number_of_nodes(), G.number_of_edges(), 0, None)


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
