"""The spine, as a researcher uses it: build the sample corpus, list claims, export GraphML, write the view."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import networkx as nx
import pytest


def gk(*args, check=True):
    r = subprocess.run([sys.executable, "-m", "graphkit.cli", *map(str, args)], capture_output=True, text=True)
    if check:
        assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    return r


def test_graphml_has_typed_nodes_and_lavrov_quotes(sample_store, tmp_path):
    out = tmp_path / "g.graphml"
    gk("export", "graphml", "--store", sample_store, "-o", out)
    G = nx.read_graphml(out)
    assert all("node_type" in d for _, d in G.nodes(data=True))
    lavrov = [n for n, d in G.nodes(data=True) if d["node_type"] == "actor" and d["label"] == "Sergey Lavrov"]
    assert len(lavrov) == 1
    said = [G.nodes[v] for _, v, d in G.out_edges(lavrov[0], data=True) if d["relation"] == "said"]
    texts = " ".join(d["text"] for d in said)
    for quote in ("You had your chances, guys", "We are not rushing our American colleagues"):
        assert quote in texts
    assert {d["doc_id"][:3] for d in said} >= {"000", "001"}


def test_claims_jsonl_carries_the_contract(sample_store):
    rows = [json.loads(x) for x in gk("claims", "--store", sample_store, "--format", "jsonl").stdout.splitlines()]
    assert len(rows) > 50
    docs = {}
    for r in rows:
        for k in ("id", "doc_id", "speaker", "speaker_id", "speaker_span", "text", "spans", "kind", "cue", "date",
                  "issues", "places"):
            assert k in r, k
        assert r["kind"] in ("direct", "indirect", "mixed")
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", r["date"] or "2025")
        path = next((p for p in (sample_store.parent / "corpus").glob(r["doc_id"] + ".*")), None)
        text = docs.setdefault(r["doc_id"], path.read_text(encoding="utf-8"))
        assert r["text"] == " … ".join(text[a:b] for a, b in r["spans"])  # offsets point into the article
        if r["speaker_span"]:
            a, b = r["speaker_span"]
            assert text[a:b].strip()


def test_lavrov_on_europe_exactly(sample_store):
    rows = [json.loads(x) for x in gk("claims", "--store", sample_store, "--speaker", "Lavrov", "--issue", "Europe",
                                      "--format", "jsonl").stdout.splitlines()]
    assert rows and all(r["speaker"] == "Sergey Lavrov" and "Europe" in r["issues"] for r in rows)
    assert {r["doc_id"][:3] for r in rows} >= {"000", "001"}
    assert any("You had your chances" in r["text"] for r in rows)


def test_view_is_offline_and_escaped(sample_store, tmp_path):
    out = tmp_path / "v.html"
    r = gk("view", "--store", sample_store, "-o", out)
    assert "wrote" in r.stdout
    html = out.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)  # no external script or style
    assert "vis-network" in html or "vis.Network" in html or "new vis" in html


@pytest.mark.parametrize("args,msg", [
    (("claims", "--store", "nowhere.gk"), "no store at"),
    (("build", "no/such/folder", "--store", "x.gk"), "no folder at"),
])
def test_user_errors_are_one_line(tmp_path, args, msg):
    r = gk(*args, check=False)
    assert r.returncode == 2 and msg in r.stderr and len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("a,b", [
    ("they had captured Pokrovsk", "denied any such losses"),
    ("four regions are now legally part of Russia", "annexed illegally"),
])
def test_contradicts_edges_of_the_sample(sample, a, b):
    df = sample.contradictions()
    pairs = list(zip(df["claim_a"], df["claim_b"]))
    assert any((a in x and b in y) or (b in x and a in y) for x, y in pairs), pairs


def test_sample_links_carry_evidence_and_nothing_else_is_linked(sample):
    df = sample.contradictions(min_score=0)
    assert len(df) == 3                                   # Pokrovsk, the four regions, NATO membership
    assert all(len(s) > 0 for s in df["shared"]) and all(len(o) == 2 for o in df["opposing"])
    assert set(df["relation"]) == {"contradicts"}


@pytest.mark.parametrize("args,rows", [
    ((), 3), (("--min-score", "0"), 3), (("--min-score", "0.99"), 0), (("--reverses",), 0),
])
def test_contradictions_command_thresholds(sample_store, args, rows):
    out = [x for x in gk("contradictions", "--store", sample_store, "-f", "jsonl", *args).stdout.splitlines() if x.strip()]
    assert len(out) == rows
    floor = float(args[1]) if args[:1] == ("--min-score",) else 0.5
    assert all(json.loads(x)["score"] >= floor for x in out)


def test_relative_aside_is_not_part_of_the_outer_claim(sample):
    (russia,) = [t for t in sample.claims(doc="004")["text"] if "legally part of Russia" in t]
    assert "annexed illegally" not in russia and russia.endswith("returned to Ukraine")


def test_prune_removes_articles_gone_from_the_corpus(tmp_path):
    import shutil

    from checkout_paths import CORPUS

    corpus = tmp_path / "c"
    shutil.copytree(CORPUS, corpus, ignore=shutil.ignore_patterns("README.md"))
    store = tmp_path / "s.gk"
    gk("build", corpus, "--store", store, "-q")
    (corpus / "002_0a2dcb1df1e57fc0.txt").unlink()
    kept = gk("build", corpus, "--store", store, "-q").stdout
    assert "pruned" not in kept
    rows = [json.loads(x) for x in gk("claims", "--store", store, "-f", "jsonl").stdout.splitlines()]
    assert any(r["doc_id"].startswith("002") for r in rows)  # kept unless asked
    out = gk("build", corpus, "--store", store, "-q", "--prune").stdout
    assert "pruned: 1 article(s)" in out
    rows = [json.loads(x) for x in gk("claims", "--store", store, "-f", "jsonl").stdout.splitlines()]
    assert rows and not any(r["doc_id"].startswith("002") for r in rows)


@pytest.mark.parametrize("args,docs,most", [
    (["--doc", "003", "--limit", "2"], {"003"}, 2),
    (["--doc", "003_9b6d43ba622d0a39"], {"003"}, None),
    (["--speaker", "Lavrov", "--limit", "1"], None, 1),
])
def test_doc_and_limit_select_claims(sample_store, args, docs, most):
    rows = [json.loads(x) for x in gk("claims", "--store", sample_store, *args, "--format", "jsonl").stdout.splitlines()]
    assert rows
    if docs:
        assert {r["doc_id"][:3] for r in rows} == docs
    if most:
        assert len(rows) == most
