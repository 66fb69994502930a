"""Article text never attacks the person viewing the graph (issue 7).

Payloads — ``<script>``, ``</script>``, ``onerror=``, ``javascript:`` URLs,
template braces and the view's own ``@@NAME@@`` markers — put into claim text,
speaker names, titles, sources, URLs and file names must reach GraphML and GEXF
as inert text (parsed back equal), and the HTML view and notebook display as
escaped data that never becomes markup. Metadata URLs become links only when
they are http(s). The browser-level check lives with the view's own tests;
these are unit tests on ``graphkit.view.render_html`` / ``notebook_html`` and an
end-to-end build of a poisoned corpus.
"""

from __future__ import annotations

import html
import html.parser
import json
import re
from pathlib import Path

import networkx as nx
import pytest

from graphkit.export import file_node, scalar_graph, write
from graphkit.graph import graph_from_records
from graphkit.records import Actor, Claim, Document

PAYLOADS = [
    '<script>alert("x")</script>',
    "</script><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    "<svg/onload=alert(1)>",
    "{{7*7}} ${7*7} {% if x %}{{ config }}{% endif %} #{7*7}",
    "@@DATA@@ @@APP_JS@@ @@TITLE@@",
    "<!-- not a comment --> ]]> <![CDATA[ x ]]>",
    "&lt;script&gt; &amp; & ' \" `",
    "line\u2028separator\u2029paragraph",
]
URLS = [
    ("javascript:alert(1)", None),
    (" JaVaScRiPt:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("vbscript:msgbox(1)", None),
    ("//evil.example/x", None),
    ("https://example.org/a?b=1&c=<2>", None),  # not a clean URL: not a link
    ("https://example.org/news/1", "https://example.org/news/1"),
    ("http://example.org/", "http://example.org/"),
]


def poisoned_graph(payload: str, url: str = "javascript:alert(1)") -> nx.MultiDiGraph:
    a = Actor(id="actor:x", name=f"Speaker {payload}", type="person", roles=(payload,))
    text = f"we said {payload} and meant it"
    c = Claim(id="c1", doc_id="d1", speaker=a.name, speaker_id=a.id, text=text, spans=[(0, len(text))],
              kind="direct", cue=f"said {payload}", issues=[f"issue {payload}"], places=[f"place {payload}"],
              issue_triggers=[(f"issue {payload}", payload)])
    d = Document(id="d1", path="d1.txt", text=text, sha256="0" * 64, format="txt", title=f"Title {payload}",
                 source=f"Source {payload}", url=url, author=payload)
    return graph_from_records([c], {a.id: a}, {"d1": d}, {})


# ------------------------------------------------------------------ GraphML / GEXF: inert, parsed back equal


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("fmt,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_exports_carry_payloads_as_text(tmp_path, payload, fmt, reader):
    G = poisoned_graph(payload)
    out = tmp_path / f"g.{fmt}"
    write(G, fmt, out)
    back = reader(out)
    want = scalar_graph(G)
    for n, d in want.nodes(data=True):
        got = back.nodes[n]
        for k, v in file_node(d).items():   # a node's `type` is written `node_type`
            if isinstance(v, str):
                assert got.get(k) == v, (n, k)
    raw = out.read_text(encoding="utf-8")
    assert "<script" not in raw and "<img" not in raw and "<svg/" not in raw


@pytest.mark.parametrize("payload", PAYLOADS)
def test_streamed_graphml_carries_payloads_as_text(tmp_path, payload):
    """The store-streaming GraphML writer (hand-written XML) escapes like networkx's."""
    from graphkit.export import write_graphml_store
    from graphkit.store import Store

    G = poisoned_graph(payload)
    claim = next(iter(_claims_of(G)))
    with Store(tmp_path / "s.gk", create=True) as s:
        actor = Actor(id="actor:x", name=claim.speaker, type="person")
        s.replace_resolved([actor], [], [], [claim], [], [])
        write_graphml_store(s, tmp_path / "s.graphml")
    back = nx.read_graphml(tmp_path / "s.graphml")
    assert back.nodes["claim:c1"]["text"] == claim.text
    assert back.nodes["actor:x"]["name"] == claim.speaker
    assert "<script" not in (tmp_path / "s.graphml").read_text(encoding="utf-8")


def _claims_of(G):
    for n, d in G.nodes(data=True):
        if d.get("type") == "claim":
            yield Claim(id=n.split(":", 1)[1], doc_id=d["doc_id"], speaker=d["speaker"], speaker_id=d["speaker_id"],
                        text=d["text"], spans=[(0, len(d["text"]))], kind="direct", cue=d["cue"])


# ------------------------------------------------------------------ the HTML view and the notebook display


def data_block(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="gk-data">(.*?)</script>', page, re.S)
    assert m, "the view's data block is missing"
    assert "<" not in m.group(1) and ">" not in m.group(1)
    return json.loads(m.group(1))


@pytest.fixture(scope="module")
def benign_page():
    from graphkit.view import render_html

    return render_html(poisoned_graph("harmless words"), title="graphkit")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_view_keeps_payloads_as_data(payload, benign_page):
    from graphkit.view import render_html

    page = render_html(poisoned_graph(payload), title=f"Title {payload}")
    # the payload adds no markup: same tags as a page of harmless words
    for tag in ("<script", "</script", "<img", "<svg", "<a ", "<iframe", "<!--"):
        assert page.count(tag) == benign_page.count(tag), tag
    data = data_block(page)
    texts = {c.get("text") for c in data["claims"]}
    assert f"we said {payload} and meant it" in texts
    names = {a["label"] for a in data["actors"]} | {c.get("speaker") for c in data["claims"]}
    assert f"Speaker {payload}" in names
    assert data["title"] == f"Title {payload}"
    assert f"<title>{html.escape('Title ' + payload, quote=True)}</title>" in page


@pytest.mark.parametrize("url,link", URLS, ids=[u for u, _ in URLS])
def test_only_http_urls_become_links(url, link):
    from graphkit.view import render_html

    data = data_block(render_html(poisoned_graph("x", url=url)))
    urls = {d["id"]: d.get("url") for d in data["docs"]}
    assert urls["doc:d1"] == link
    assert next(c for c in data["claims"] if c["id"] == "claim:c1")["doc"] == "doc:d1"  # its link is its article's
    page_urls = [d.get("url") for d in data["docs"] if d.get("url")]
    assert all(u.startswith(("http://", "https://")) for u in page_urls)


class _Iframes(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.frames, self.tags = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "iframe":
            self.frames.append(dict(attrs))


@pytest.mark.parametrize("payload", PAYLOADS[:4])
def test_notebook_display_is_one_sandboxed_iframe(payload):
    from graphkit.view import notebook_html, render_html

    G = poisoned_graph(payload)
    frag = notebook_html(G, title=f"T {payload}")
    p = _Iframes()
    p.feed(frag)
    assert p.tags == ["iframe"] and len(p.frames) == 1
    frame = p.frames[0]
    assert "allow-same-origin" not in frame["sandbox"]  # the page cannot reach the notebook
    assert frame["srcdoc"] == render_html(G, title=f"T {payload}")
    assert frame["title"] == f"T {payload}"


def test_view_app_writes_text_not_html():
    """The app script builds the page with DOM text, never from HTML strings."""
    from importlib import resources

    js = resources.files("graphkit").joinpath("assets", "view.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in js, sink
    assert "textContent" in js


# ------------------------------------------------------------------ end to end: a poisoned corpus


@pytest.fixture(scope="module")
def poisoned_store(tmp_path_factory):
    from graphkit.build import build

    root = tmp_path_factory.mktemp("poison")
    corpus = root / "corpus"
    corpus.mkdir()
    name = "<img src=x onerror=alert(1)>"
    (corpus / f"{name}.txt").write_text(
        'Kremlin spokesman Dmitry Peskov said "<script>alert(1)</script> is not a plan, {{ config }}." '
        "Foreign Minister Sergey Lavrov said the </script><b onmouseover=alert(2)>talks</b> were over.\n")
    (corpus / "b.txt").write_text("Sergey Lavrov said Europe was to blame for ${7*7} failures.\n")
    rows = [{"doc_id": name, "published": "2025-11-25", "title": "<script>alert('title')</script>",
             "source": "<svg/onload=alert(1)>", "url": "javascript:alert(document.cookie)"},
            {"doc_id": "b", "published": "2025-11-26", "title": "ok", "url": "https://example.org/b"}]
    (corpus / "metadata.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    rep = build(corpus, root / "p.gk")
    assert rep.failed == [] and rep.claims >= 3
    return root / "p.gk", name


def test_poisoned_corpus_exports_inert_graphml(poisoned_store, tmp_path):
    from graphkit.cli import main
    from graphkit.store import Store

    store, name = poisoned_store
    out = tmp_path / "p.graphml"
    try:
        main(["export", "graphml", "--store", str(store), "-o", str(out)])
    except SystemExit as e:
        assert e.code in (0, None)
    G = nx.read_graphml(out)
    with Store(store, readonly=True) as s:
        claims = list(s.claims())
    assert any("<script>alert(1)</script>" in c.text for c in claims)
    for c in claims:
        assert G.nodes["claim:" + c.id]["text"] == c.text
    doc = G.nodes["doc:" + name]
    assert doc["title"] == "<script>alert('title')</script>" and doc["source"] == "<svg/onload=alert(1)>"
    assert "<script" not in out.read_text(encoding="utf-8")


def test_poisoned_corpus_view_is_escaped(poisoned_store, tmp_path, benign_page):
    from graphkit.cli import main

    store, name = poisoned_store
    out = tmp_path / "p.html"
    try:
        main(["view", "--store", str(store), "-o", str(out)])
    except SystemExit as e:
        assert e.code in (0, None)
    page = out.read_text(encoding="utf-8")
    for tag in ("<script", "<img", "<svg", "<b ", "<a "):
        assert page.count(tag) == benign_page.count(tag), tag
    data = data_block(page)
    docs = {d["id"]: d for d in data["docs"]}
    assert docs["doc:" + name].get("url") is None
    assert docs["doc:" + name]["title"] == "<script>alert('title')</script>"
    assert docs["doc:b"]["url"] == "https://example.org/b"
    assert any("<script>alert(1)</script>" in (c.get("text") or "") for c in data["claims"])
