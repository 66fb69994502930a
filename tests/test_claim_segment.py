"""A claim says the part of the article its words stand in (`Claim.segment`): a headline's claim is marked.

Since -78 a headline's attribution ("Lavrov: Washington Fails ...", "Trump Says He Will Win Ohio") is a claim;
`graphkit.extract.with_segments` records the segment of its content (graphkit.segments), the store keeps it, every
export carries it, the Python API and the command line filter by it, and the view's claim tooltip and card say it.
"""

from __future__ import annotations

import csv
import hashlib
import json

import networkx as nx
import pytest

from graphkit.records import Document
from graphkit.values import BadValue

from cli_run import run_main

# (text, metadata title, the (speaker as written, content, segment) of each claim the build keeps)
SEGMENT_OF = [
    ("Lavrov: Washington Fails to Submit Plan\nRussian Foreign Minister Sergei Lavrov says Russia expects a copy of "
     "the plan.", None,
     [("Lavrov", "Washington Fails to Submit Plan", "headline"),
      ("Russian Foreign Minister Sergei Lavrov", "Russia expects a copy of the plan", "body")]),
    ("Trump Says He Will Win Ohio\n\nDonald Trump said on Monday that he would win the state.", None,
     [("Trump", "He Will Win Ohio", "headline"), ("Donald Trump", "that he would win the state", "body")]),
    ("Rate cut gives farmers a lift;\nMinister says cheaper loans will soften the drought's toll.\n\nThe cut was "
     "welcome, the minister said.", "Rate cut gives farmers a lift; Minister says cheaper loans will soften the drought's toll",
     [("Minister", "cheaper loans will soften the drought's toll", "standfirst"),
      ("the minister", "The cut was welcome", "body")]),
    # a headline's verb the cue lexicon lists for the object frame ("defend: support", as "The mayor defended the
    # budget" is a claim in the body) is a claim (-81's title-case rule); a verb it lacks is none (the next row). Its
    # content is the object alone ("Budget"; the body's object frame keeps the verb, "defended the budget"): #13's
    # frames_headline, pinned here as it stands
    ("Mayor Defends Budget\n\nThe mayor said the figures were right.\n\nEditor's note: The mayor said on Friday that "
     "an earlier figure was wrong.", None,
     [("Mayor", "Budget", "headline"), ("The mayor", "the figures were right", "body"),
      ("The mayor", "that an earlier figure was wrong", "note")]),
    ("Mayor Visits Budget Office\n\nThe mayor said the figures were right.", None,
     [("The mayor", "the figures were right", "body")]),
    ("The mayor said the figures were right.", None, [("The mayor", "the figures were right", "body")]),
]


@pytest.mark.parametrize("text,title,expected", SEGMENT_OF, ids=[f"{i:02d}" for i in range(len(SEGMENT_OF))])
def test_a_claim_records_the_segment_its_words_stand_in(text, title, expected):
    from graphkit.parsing import extract_documents

    d = Document(id="d", path="d.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), format="txt",
                 title=title)
    ex = next(extract_documents([d]))
    assert [(it.attribution.speaker_text, it.attribution.text, it.attribution.segment) for it in ex.items] == expected


HEADLINE = "Washington Fails to Officially Submit Ukraine Peace Plan with 28 Points to Moscow"  # seed 001's headline


def test_the_store_keeps_the_segment(sample):
    heads = [(c.doc_id, c.speaker, c.text, c.segment) for c in sample.claim_records() if c.segment != "body"]
    assert heads == [("001_56cb526c82487007", "Sergey Lavrov", HEADLINE, "headline")]


# (the segment filter, as the Python API takes it; the claims it keeps: "headline" the one above, "body" the others)
FILTERS = [
    ("headline", "headline"),
    ("HEADLINE", "headline"),
    ("body", "body"),
    (["headline", "body"], "all"),
    ("standfirst", "none"),
    (None, "all"),
]


@pytest.mark.parametrize("segment,kept", FILTERS, ids=[f"{i:02d}" for i in range(len(FILTERS))])
def test_the_segment_filter(sample, segment, kept):
    every = sample.claim_records()
    want = {"headline": [c.id for c in every if c.text == HEADLINE], "body": [c.id for c in every if c.text != HEADLINE],
            "all": [c.id for c in every], "none": []}[kept]
    assert [c.id for c in sample.claim_records(segment=segment)] == want
    assert list(sample.claims(segment=segment)["id"]) == want
    assert set(sample.claims(segment=segment)["segment"]) <= ({"headline"} if kept == "headline" else {"body", "headline"})


def test_a_segment_that_is_none_says_which_there_are(sample):
    """The four parts a claim's cue stands in first, the parts a few claims' words start in after, said as such (it
    offered byline, credit ... as if claims stood there)."""
    with pytest.raises(BadValue, match=r"segment='title' is not a part of an article; give body, headline, standfirst "
                                       r"or note \(where claims' cues stand\), or subhead, byline, dateline, caption or "
                                       r"credit \(a line of that kind, where a few claims' words start\)"):
        sample.claim_records(segment="title")


def test_the_parts_a_cue_stands_in_are_those_the_attribution_rules_keep():
    """query.CUE_SEGMENTS, which the message lists first, is what the rules keep a cue in: running text (notes
    included) and a headline or deck (graphkit.attribution.HEADLINE_KINDS)."""
    from graphkit.attribution import HEADLINE_KINDS
    from graphkit.query import CUE_SEGMENTS, SEGMENTS
    from graphkit.segments import NOT_RUNNING_TEXT

    assert set(CUE_SEGMENTS) == {k for k in SEGMENTS if k not in NOT_RUNNING_TEXT} | HEADLINE_KINDS
    assert CUE_SEGMENTS == ("body", "headline", "standfirst", "note")


# (the command's arguments after the store; its exit code, and the segment of each jsonl line or the error's words)
COMMANDS = [
    (["--segment", "headline", "--format", "jsonl"], 0, ["headline"]),
    (["--segment", "Headline", "--speaker", "Lavrov", "--format", "jsonl"], 0, ["headline"]),
    (["--segment", "standfirst", "--format", "jsonl"], 0, []),
    (["--segment", "title"], 2, "Invalid value for '--segment': 'title' is not a part of an article; give body, headline"),
]


@pytest.mark.parametrize("args,rc,out", COMMANDS, ids=[f"{i:02d}" for i in range(len(COMMANDS))])
def test_claims_command_filters_by_segment(sample_store, tmp_path, capsys, monkeypatch, args, rc, out):
    r = run_main(["claims", "--store", sample_store, *args], tmp_path, capsys, monkeypatch)
    assert r.returncode == rc, r.stderr
    if rc == 0:
        assert [json.loads(line)["segment"] for line in r.stdout.splitlines()] == out
    else:
        assert out in " ".join(r.stderr.split()) and "Traceback" not in r.stderr


def _graph_nodes(path, fmt) -> dict:
    if fmt == "graphml":
        return dict(nx.read_graphml(path).nodes(data=True))
    if fmt == "gexf":
        return dict(nx.read_gexf(path).nodes(data=True))
    data = json.loads(path.read_text(encoding="utf-8"))
    if fmt == "cytoscape":
        return {n["data"]["id"]: n["data"] for n in data["elements"]["nodes"]}
    return {n["id"]: n for n in data["nodes"]}


def _claim_segments(path, fmt) -> dict[str, str]:
    """claim text → segment, as the file written by ``graphkit export FMT`` gives them."""
    if fmt == "jsonl":
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    elif fmt == "csv":
        rows = list(csv.DictReader(open(path, newline="", encoding="utf-8")))
    elif fmt == "neo4j":
        rows = list(csv.DictReader(open(path / "nodes_Claim.csv", newline="", encoding="utf-8")))
    else:
        rows = [a for a in _graph_nodes(path, fmt).values() if a.get("node_type", a.get("type")) == "claim"]
    return {r["text"]: r["segment"] for r in rows}


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "cytoscape", "json", "jsonl", "csv", "neo4j"])
def test_every_export_carries_the_segment(sample, tmp_path, fmt):
    path = tmp_path / ("neo4j" if fmt == "neo4j" else f"sample.{fmt}")
    sample.export(fmt, path)
    got = _claim_segments(path, fmt)
    assert got[HEADLINE] == "headline"
    assert {s for t, s in got.items() if t != HEADLINE} == {"body"} and len(got) == len(sample.claim_records(distinct=True))


def test_the_view_says_a_headline_claim_is_one(sample):
    from graphkit.view_data import view_data

    claims = view_data(sample.subgraph())["claims"]
    assert [(c["text"], c["segment"]) for c in claims if "segment" in c] == [(HEADLINE, "headline")]
