"""The view in a real browser: headless Chromium, network cut off.

Checks the page draws (nodes in vis's DataSet, pixels on the canvas), the filters
and search work, and article text carrying scripts stays text. Set
GRAPHKIT_SCREENSHOT=1 to write the README's screenshot to docs/view.png.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from browser import chromium, offline_page, wait_drawn, why_unavailable
from graphkit.view import notebook_html, sample_graph, synthetic_graph, write_view

_reason = why_unavailable()
pytestmark = [pytest.mark.browser, pytest.mark.skipif(_reason is not None, reason=f"browser test skipped: {_reason}")]

ROOT = Path(__file__).resolve().parents[1]

INJECTIONS = {
    "text": '<img src=x onerror="window.__pwned=1;alert(1)"> said </script><script>window.__pwned=2;alert(2)</script>',
    "speaker": "<svg onload=\"window.__pwned=3;alert(3)\"></svg>Evil Speaker",
    "label": "<script>window.__pwned=4</script>",
    "title": "<!--<script>window.__pwned=5</script>--> {{constructor.constructor('window.__pwned=6')()}}",
    "url": "javascript:window.__pwned=7;alert(7)",
    "issue": "<b onmouseover=alert(8)>Europe</b>",
}


def injected_graph():
    G = sample_graph()
    i = INJECTIONS
    G.add_node("actor:evil", type="actor", label=i["speaker"], actor_type="person", roles=[i["label"]], n_claims=1)
    G.add_node("doc:evil", type="document", label=i["title"], title=i["title"], source=i["label"], url=i["url"],
               published="2025-11-30")
    G.add_node("issue:evil", type="issue", label=i["issue"], name=i["issue"])
    G.add_node("claim:evil", type="claim", label=i["label"], text=i["text"], speaker=i["speaker"],
               speaker_id="actor:evil", date="2025-11-30", stance="assert", kind="direct", cue=i["label"],
               doc_id="evil", url=i["url"], source=i["title"], issues=[i["issue"], "Europe"], places=[])
    G.add_edge("actor:evil", "claim:evil", key="said", type="said")
    G.add_edge("claim:evil", "issue:evil", key="about", type="about", trigger=i["text"])
    G.add_edge("claim:evil", "issue:europe", key="about", type="about", trigger="Europe")
    G.add_edge("claim:evil", "doc:evil", key="reported_in", type="reported_in")
    G.add_edge("claim:evil", "claim:c02", key="contradicts", type="contradicts", reason=i["text"])
    return G


def canvas_ink(page) -> float:
    """Share of canvas pixels that are not blank (sampled on a grid)."""
    return page.evaluate("""() => {
        const c = document.querySelector('#gk-net canvas');
        const g = c.getContext('2d'); const w = c.width, h = c.height;
        const px = g.getImageData(0, 0, w, h).data; let ink = 0, n = 0;
        for (let y = 0; y < h; y += 4) for (let x = 0; x < w; x += 4) {
            const i = (y * w + x) * 4; n++;
            if (px[i + 3] > 0 && (px[i] < 240 || px[i + 1] < 240 || px[i + 2] < 240)) ink++;
        }
        return ink / n;
    }""")


def visible(page, node_type: str) -> set[str]:
    return set(page.evaluate(
        "t => graphkit.nodes.get({filter: n => !n.hidden && graphkit.byId[n.id].d.type === t}).map(n => n.id)",
        node_type))


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def sample_page(browser, tmp_path_factory):
    """The sample graph's page, loaded once; tests reset the filters they touch."""
    out = tmp_path_factory.mktemp("view") / "view.html"
    write_view(sample_graph(), out, title="graphkit — sample corpus")
    errors: list[str] = []
    with offline_page(browser) as (page, attempts):
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(out.as_uri())
        wait_drawn(page, 30)
        yield page, attempts, errors


def reset(page):
    page.click("#gk-reset")


def test_draws_offline(sample_page, tmp_path):
    page, attempts, errors = sample_page
    G = sample_graph()
    assert page.evaluate("graphkit.nodes.length") == G.number_of_nodes()
    assert page.evaluate("graphkit.edges.length") == G.number_of_edges()
    assert set(page.evaluate("graphkit.network.body.nodeIndices")) == set(G)
    assert canvas_ink(page) > 0.01, "the canvas is blank"
    assert attempts == [], f"the page tried the network: {attempts}"
    assert errors == []
    legend = page.inner_text("#gk-legend")
    for word in ("actor", "claim", "issue", "place", "article", "said", "about", "contradicts"):
        assert word in legend
    wait_drawn(page, 60, stabilised=True)  # physics relaxes the small graph, then stops: the picture users see
    target = ROOT / "docs" / "view.png" if os.environ.get("GRAPHKIT_SCREENSHOT") == "1" else tmp_path / "view.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    page.evaluate("graphkit.network.fit({animation: false})")
    page.fill("#gk-q", "Lavrov")
    page.press("#gk-q", "Enter")
    page.evaluate("graphkit.network.fit({animation: false})")
    page.wait_for_timeout(300)
    page.screenshot(path=str(target))
    assert target.stat().st_size > 10_000


@pytest.mark.parametrize("issue", ["Europe", "peace plan", "territory", "sanctions"])
def test_issue_filter_hides_other_claims(sample_page, issue):
    page, _, _ = sample_page
    G = sample_graph()
    expected = {v for v, a in G.nodes(data=True) if a["type"] == "claim" and issue in a["issues"]}
    page.select_option("#gk-issue", issue)
    try:
        assert visible(page, "claim") == expected
        # issues stay visible when a shown claim is about them (a claim about Europe and the peace plan)
        assert visible(page, "issue") == {w for c in expected for _, w, k in G.out_edges(c, keys=True) if k == "about"}
        assert "issue:" + issue.replace(" ", "-").lower() in visible(page, "issue")
        speakers = {G.nodes[c]["speaker_id"] for c in expected}
        assert visible(page, "actor") == speakers
        assert page.inner_text("#gk-count").startswith(f"{len(expected)} of 15 claims")
        hidden_edges = page.evaluate("graphkit.edges.get({filter: e => e.hidden}).length")
        assert hidden_edges > 0
    finally:
        reset(page)
    assert len(visible(page, "claim")) == 15


@pytest.mark.parametrize("atype, since, until, expected", [
    ("government", "", "", {"claim:c08", "claim:c10", "claim:c11", "claim:c13"}),
    ("anonymous", "", "", {"claim:c14"}),
    ("", "2025-12-02", "", {"claim:c07", "claim:c08", "claim:c09"}),
    # partial dates are intervals: '2025-11' overlaps 2025-11-30 .. 2025-12-01, '2025-03' overlaps March
    ("", "2025-11-30", "2025-12-01", {"claim:c05", "claim:c06", "claim:c10", "claim:c11", "claim:c12"}),
    ("", "", "2025-03-31", {"claim:c13", "claim:c14"}),
    ("person", "2025-11-25", "2025-11-25", {"claim:c04", "claim:c12"}),  # c12 is dated only "2025-11"
])
def test_actor_type_and_date_filters(sample_page, atype, since, until, expected):
    page, _, _ = sample_page
    try:
        if atype:
            page.select_option("#gk-atype", atype)
        if since:
            page.fill("#gk-since", since)
            page.dispatch_event("#gk-since", "change")
        if until:
            page.fill("#gk-until", until)
            page.dispatch_event("#gk-until", "change")
        assert visible(page, "claim") == expected
    finally:
        reset(page)


@pytest.mark.parametrize("query, node", [
    ("Sergey Lavrov", "actor:sergey-lavrov"),
    ("lavrov", "actor:sergey-lavrov"),
    ("ZELENSKY", "actor:volodymyr-zelensky"),
    ("Pokrovsk", "place:pokrovsk"),
    ("peace plan", "issue:peace-plan"),
    ("wreck the American", "claim:c02"),  # words inside a claim's text
])
def test_search_finds_and_shows_a_node(sample_page, query, node):
    page, _, _ = sample_page
    page.fill("#gk-q", query)
    page.press("#gk-q", "Enter")
    assert page.evaluate("graphkit.network.getSelectedNodes()") == [node]
    panel = page.inner_text("#gk-panel")
    label = sample_graph().nodes[node].get("text") or sample_graph().nodes[node]["label"]
    assert label in panel


def test_claim_panel_shows_text_speaker_date_stance_and_source(sample_page):
    page, _, _ = sample_page
    page.evaluate("graphkit.showNode('claim:c02')")
    panel = page.inner_text("#gk-panel")
    for part in ("Europe is trying to wreck the American peace efforts", "Sergey Lavrov", "2025-11-26", "accuse",
                 "finance news blog"):
        assert part in panel
    href = page.get_attribute("#gk-panel a", "href")
    assert href == "https://news.example.org/001_56cb526c82487007"
    assert page.get_attribute("#gk-panel a", "rel") == "noopener noreferrer"


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_injected_markup_stays_text(browser, tmp_path, bypass_csp):
    """Scripts in article text never run, with the page's CSP and (proving the escaping) without it."""
    out = tmp_path / "evil.html"
    write_view(injected_graph(), out, title=INJECTIONS["label"], physics=False)  # still nodes: hover hits
    with offline_page(browser, bypass_csp=bypass_csp) as (page, attempts):
        page.goto(out.as_uri())
        wait_drawn(page, 30)
        for node in ("claim:evil", "actor:evil", "doc:evil", "issue:evil"):
            page.evaluate("id => graphkit.showNode(id)", node)
            page.wait_for_timeout(50)
        page.evaluate("graphkit.showNode('claim:evil')")
        panel = page.inner_text("#gk-panel")
        assert INJECTIONS["text"] in panel and INJECTIONS["speaker"] in panel  # shown, as text
        assert page.evaluate("document.querySelectorAll('#gk-panel a').length") == 0, "javascript: URL became a link"
        # hover the node so vis shows its tooltip
        xy = page.evaluate("""() => { const p = graphkit.network.getPosition('claim:evil');
                                      return graphkit.network.canvasToDOM(p); }""")
        box = page.locator("#gk-net").bounding_box()
        page.mouse.move(box["x"] + xy["x"], box["y"] + xy["y"])
        page.wait_for_timeout(800)
        tooltip = page.evaluate("""() => { const t = document.querySelector('div.vis-tooltip');
            return t && t.style.visibility !== 'hidden' ? {text: t.textContent, tags: t.querySelectorAll('*').length}
                                                        : null; }""")
        assert tooltip is not None, "hovering the claim shows its tooltip"
        assert INJECTIONS["text"] in tooltip["text"] and tooltip["tags"] == 3  # our div with two text divs
        page.fill("#gk-q", "Evil Speaker")
        page.press("#gk-q", "Enter")
        page.select_option("#gk-issue", INJECTIONS["issue"])
        page.wait_for_timeout(300)
        assert page.evaluate("window.__pwned === undefined"), "injected script ran"
        assert page.dialogs == [], f"a dialog opened: {page.dialogs}"
        assert page.evaluate("document.querySelectorAll('img, #gk-panel svg, #gk-panel b, body script:not([id])').length") \
            == 2, "markup from the data entered the DOM"  # the page's own two <script>s
        assert page.title() == INJECTIONS["label"]
        assert attempts == []


def test_large_graph_draws_with_physics_off(browser, tmp_path):
    out = tmp_path / "big.html"
    rep = write_view(synthetic_graph(2000, seed=2), out, max_nodes=1500)
    assert rep.left_out > 0
    with offline_page(browser) as (page, attempts):
        page.goto(out.as_uri())
        t = wait_drawn(page, 60)
        assert t["stabilised"] == t["draw"], "no physics: drawn is settled"
        assert page.evaluate("graphkit.nodes.length") == 1500
        assert canvas_ink(page) > 0.01
        assert rep.note in page.inner_text("#gk-note")
        labelled = "graphkit.edges.get({filter: e => !!e.label}).length"
        assert page.evaluate(labelled) == 0, "edge labels wait until zoomed in"
        page.fill("#gk-q", "Actor 0")
        page.press("#gk-q", "Enter")  # focuses the node at scale 1
        assert page.evaluate("graphkit.network.getSelectedNodes()") == ["actor:a0"]
        assert page.evaluate(labelled) == page.evaluate("graphkit.edges.length")
        assert attempts == []


def test_notebook_iframe_draws_offline(browser, tmp_path):
    """What the notebook API displays: the page inside a sandboxed srcdoc iframe."""
    host = tmp_path / "notebook.html"
    host.write_text("<!DOCTYPE html><html><body><p>output cell</p>" + notebook_html(sample_graph(), height=500)
                    + "</body></html>", encoding="utf-8")
    with offline_page(browser) as (page, attempts):
        page.goto(host.as_uri())
        page.wait_for_timeout(200)
        frame = next(f for f in page.frames if f != page.main_frame)
        deadline = 60
        while deadline and not frame.evaluate("!!(window.graphkit && window.graphkit.ready)"):
            page.wait_for_timeout(250)
            deadline -= 1
        assert frame.evaluate("graphkit.nodes.length") == sample_graph().number_of_nodes()
        assert page.evaluate("typeof window.graphkit") == "undefined", "the view stays inside its frame"
        assert attempts == []
