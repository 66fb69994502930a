"""Incremental builds: only new or changed articles are parsed; interrupted builds resume; removal is explicit.

Each case starts from a copy of the sample corpus and of its built store (conftest's
``sample_store``), changes the corpus, rebuilds, and checks what was parsed and that
the claims of the articles it did not touch are exactly as before.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from graphkit.build import build
from graphkit.export import write_claims_jsonl
from graphkit.store import Store

FIRST, SECOND = "000_36443760e30779ee", "001_56cb526c82487007"
ADDED = "Nikolai Petrov, the mayor of Tver, said the new bridge would open in May."


def claims_by_doc(store_path) -> dict[str, list[dict]]:
    with Store(store_path, readonly=True) as s:
        out: dict[str, list[dict]] = {}
        for c in s.claims():
            out.setdefault(c.doc_id, []).append(c.contract())
    return out


def _append(corpus: Path, doc_id: str, text: str):
    p = corpus / f"{doc_id}.txt"
    p.write_text(p.read_text(encoding="utf-8") + "\n\n" + text + "\n", encoding="utf-8")


def _set_meta(corpus: Path, doc_id: str, **fields):
    p = corpus / "metadata.jsonl"
    rows = [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    for r in rows:
        if r["doc_id"] == doc_id:
            r.update(fields)
    p.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def _touch(corpus: Path, doc_id: str):
    p = corpus / f"{doc_id}.txt"
    st = p.stat()
    os.utime(p, (st.st_atime + 3600, st.st_mtime + 3600))


CHANGES = {
    "nothing": lambda c: None,
    "touch (mtime only)": lambda c: _touch(c, FIRST),
    "title changed in metadata": lambda c: _set_meta(c, FIRST, title="A new headline"),
    "one article edited": lambda c: _append(c, FIRST, ADDED),
    "publication date changed": lambda c: _set_meta(c, FIRST, published="2025-01-15"),
    "new article": lambda c: (c / "100_new.txt").write_text(ADDED + "\n", encoding="utf-8"),
    "one article removed": lambda c: (c / f"{FIRST}.txt").unlink(),
    "one article renamed": lambda c: (c / f"{FIRST}.txt").rename(c / "renamed.txt"),
}


@pytest.fixture()
def copy(sample_store, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(sample_store.parent / "corpus", corpus)
    store = tmp_path / "store.gk"
    shutil.copyfile(sample_store, store)
    return corpus, store


# strict: the claims of untouched articles are exactly as before. Not strict: a change that moves
# cross-article links (a claim date that decides whether two articles report the same statement,
# an article whose mentions helped resolve a speaker) may change the resolved fields of other
# articles' claims (speaker, reports, merged places/issues), never what was said where (id, text, spans).
@pytest.mark.parametrize("change,prune,parsed,changed_docs,gone_docs,strict", [
    ("nothing", False, 0, set(), set(), True),
    ("touch (mtime only)", False, 0, set(), set(), True),
    ("title changed in metadata", False, 0, set(), set(), True),
    ("one article edited", False, 1, {FIRST}, set(), True),
    ("new article", False, 1, {"100_new"}, set(), True),
    ("publication date changed", False, 1, {FIRST}, set(), False),   # claim dates are resolved against it
    ("one article removed", False, 0, set(), set(), True),          # kept: a corpus folder may be partial
    ("one article removed", True, 0, set(), {FIRST}, False),        # prune=True (graphkit build --prune) drops it
])
def test_rebuild_parses_only_what_changed(copy, sample_store, change, prune, parsed, changed_docs, gone_docs, strict):
    corpus, store = copy
    before = claims_by_doc(sample_store)
    CHANGES[change](corpus)
    rep = build(corpus, store, prune=prune)
    assert rep.parsed == parsed
    assert rep.pruned == len(gone_docs)
    after = claims_by_doc(store)
    assert set(before) - set(after) == gone_docs
    if "100_new" in changed_docs:
        assert after.get("100_new"), "the new article's claim is in the store"
    for doc_id in set(before) - changed_docs - gone_docs:
        if strict:
            assert after[doc_id] == before[doc_id], f"claims of untouched {doc_id} changed"
        else:
            said = lambda claims: {c["id"]: (c["text"], c["spans"]) for c in claims}  # noqa: E731
            assert said(before[doc_id]).items() <= said(after[doc_id]).items(), f"what {doc_id} says changed"
    if changed_docs & set(before):
        assert any(after[d] != before[d] for d in changed_docs & set(before))
    with Store(store, readonly=True) as s:
        ids = {d.id for d in s.documents()}
        assert (FIRST in ids) == (FIRST not in gone_docs)
        if change == "title changed in metadata":
            assert s.document(FIRST).title == "A new headline"


def test_rebuild_with_nothing_changed_skips_resolution(copy):
    corpus, store = copy
    with Store(store) as s:
        fingerprint = s.get_meta("resolved_fingerprint")
        n = s.count("claims")
        s.db.execute("DELETE FROM claims WHERE rowid = (SELECT min(rowid) FROM claims)")  # a re-resolution would restore it
    rep = build(corpus, store)
    assert (rep.parsed, rep.unchanged) == (0, 5)
    assert fingerprint is not None
    with Store(store, readonly=True) as s:
        assert s.count("claims") == n - 1


def test_a_change_to_graphkits_code_resolves_again(copy, monkeypatch):
    """A store built before a change to how claims are resolved (one that moves no extraction version: issues,
    actors, links) is resolved again by the next build, nothing parsed."""
    import graphkit.kept

    corpus, store = copy
    with Store(store) as s:
        n = s.count("claims")
        s.db.execute("DELETE FROM claims WHERE rowid = (SELECT min(rowid) FROM claims)")  # a re-resolution restores it
    monkeypatch.setattr(graphkit.kept, "code_key", lambda: "graphkit's code after an upgrade")
    rep = build(corpus, store)
    assert (rep.parsed, rep.unchanged) == (0, 5)
    with Store(store, readonly=True) as s:
        assert s.count("claims") == n


# what reading a file works out of its text alone (graphkit.ingest.TextAnswers) is kept in the store: which files
# a rebuild reads through for the language warning and the byline, by change (an empty set: none)
@pytest.mark.parametrize("change,options,read_through", [
    ("nothing", {}, set()),
    ("touch (mtime only)", {}, set()),
    ("one article edited", {}, {FIRST}),
    ("new article", {}, {"100_new"}),
    ("publication date changed", {}, set()),  # the text's answers hold: only its claims are dated again
    ("nothing", {"full": True}, "all"),       # --full reuses nothing kept
    ("nothing", {"force": True}, "all"),
])
def test_texts_are_read_through_again_only_when_their_bytes_changed(copy, monkeypatch, change, options, read_through):
    import graphkit.ingest as ingest

    corpus, store = copy
    seen: dict[str, set] = {"language": set(), "byline": set()}
    for kind, name in (("language", "language_note"), ("byline", "byline_from_text")):
        real = getattr(ingest, name)
        monkeypatch.setattr(ingest, name, lambda text, *a, _real=real, _kind=kind: (seen[_kind].add(text), _real(text, *a))[1])
    CHANGES[change](corpus)
    build(corpus, store, **options)
    during = {kind: set(texts) for kind, texts in seen.items()}  # (the read below works every answer out again)
    texts = {d.id: d.text for d in ingest.read_corpus(corpus).documents}
    expected = set(texts) if read_through == "all" else read_through
    assert {d for d, t in texts.items() if t in during["language"]} == expected
    assert {d for d, t in texts.items() if t in during["byline"]} <= expected


def _kept_answers(store: Path):
    """The text answers a build of ``store`` starts its read from (`graphkit.kept.kept_text_answers`)."""
    from graphkit.kept import TEXTS_META, kept_text_answers
    from graphkit.store_file import look_at_store

    return kept_text_answers(look_at_store(store, [TEXTS_META]))


@pytest.mark.parametrize("change", ["nothing", "one article edited", "title changed in metadata", "new article"])
def test_kept_text_answers_read_the_corpus_as_reading_it_through(copy, change):
    """The documents and problems of a read that starts from the store's kept answers are those of a read that
    works every answer out: a kept answer is used only for the same bytes (and, the byline, the same title)."""
    from graphkit.ingest import read_corpus

    corpus, store = copy
    (corpus / "002_0a2dcb1df1e57fc0.txt").write_text("Der Minister sagte am Dienstag, dass die Gespräche in Genf "
                                                       "fortgesetzt werden sollen, und er sagte nichts mehr.\n",
                                                       encoding="utf-8")  # a language warning to keep
    build(corpus, store)
    CHANGES[change](corpus)
    kept, fresh = read_corpus(corpus, answers=_kept_answers(store)), read_corpus(corpus)
    assert kept.answers.kept, "the build kept the answers"
    assert kept.documents == fresh.documents
    assert kept.skipped == fresh.skipped
    assert any("does not look like English" in s.reason for s in kept.skipped)


@pytest.mark.parametrize("room,kept", [(0, True), (-1, False)])  # the cap: the corpus's answers, one fewer
def test_a_corpus_of_more_text_answers_than_the_cap_keeps_none(copy, monkeypatch, room, kept):
    import graphkit.kept
    from graphkit.ingest import read_corpus

    corpus, store = copy
    monkeypatch.setattr(graphkit.kept, "KEPT_TEXTS_MAX", len(read_corpus(corpus).answers.now) + room)
    _append(corpus, FIRST, ADDED)  # a changed file: the answers are written again
    build(corpus, store)
    assert bool(_kept_answers(store).kept) == kept


def test_text_answers_kept_under_other_code_are_not_used(copy, monkeypatch):
    import graphkit.kept

    corpus, store = copy
    build(corpus, store)  # keeps this code's answers
    monkeypatch.setattr(graphkit.kept, "code_key", lambda: "graphkit's code after an upgrade")
    assert _kept_answers(store).kept == {}


def test_a_build_reads_its_store_once_before_it_takes_it(copy, monkeypatch):
    """The models' stamp, the kept text answers and the store's layout come from one read-only open before the build
    opens the store to write (`graphkit.store_file.look_at_store`); they were three (`stored_meta`, a read-only Store
    for the text answers, `check_build_store`)."""
    import sqlite3

    corpus, store = copy
    opens: list[str] = []
    real = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda target, *a, **k: (
        opens.append("read-only" if str(target).endswith("?mode=ro") else "write"), real(target, *a, **k))[1])
    _append(corpus, FIRST, ADDED)
    assert build(corpus, store).parsed == 1
    assert opens[:opens.index("write") + 1] == ["read-only", "write"]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_build_asks_once_whether_it_will_discover_issues(copy, monkeypatch, workers):
    """The parse (whose workers take discovery's rows) and the resolution read the same answer
    (`graphkit.store_issues.will_discover`: the taxonomy and the store's meta); each asked it (the meta read twice)."""
    import importlib

    from graphkit.store_issues import will_discover

    corpus, store = copy
    asked: list[bool] = []
    counted = lambda *a: (asked.append(will_discover(*a)), asked[-1])[1]
    for module in ("graphkit.build", "graphkit.resolution"):  # (graphkit.build, the attribute, is the function)
        monkeypatch.setattr(importlib.import_module(module), "will_discover", counted)
    (corpus / "issues.yaml").unlink()  # no taxonomy: this build discovers
    _append(corpus, FIRST, ADDED)
    assert build(corpus, store, workers=workers).parsed == 1
    assert asked == [True]


def test_force_reparses_and_resolves_everything(copy, sample_store):
    corpus, store = copy
    rep = build(corpus, store, force=True)
    assert rep.parsed == 5
    assert claims_by_doc(store) == claims_by_doc(sample_store)


class Interrupted(RuntimeError):
    pass


@pytest.mark.parametrize("stop_after", [2])
def test_interrupted_build_keeps_finished_articles_and_resumes(sample_store, tmp_path, stop_after):
    from graphkit.parsing import extract_documents
    from graphkit.nlp import load_pipeline

    corpus = tmp_path / "corpus"
    shutil.copytree(sample_store.parent / "corpus", corpus)
    store = tmp_path / "store.gk"

    def dying(documents):
        for i, ex in enumerate(extract_documents(documents, load_pipeline())):
            if i == stop_after:
                raise Interrupted("simulated crash while parsing")
            yield ex

    with pytest.raises(Interrupted):
        build(corpus, store, extract=dying)
    with Store(store, readonly=True) as s:
        assert s.count("extractions") == s.count("documents") == stop_after
        assert s.count("claims") == 0  # no half-resolved layer: resolution never ran
    rep = build(corpus, store)
    assert (rep.parsed, rep.unchanged) == (5 - stop_after, stop_after)
    a, b = tmp_path / "resumed.jsonl", tmp_path / "reference.jsonl"
    with Store(store, readonly=True) as s:
        write_claims_jsonl(s.claims(), a)
    with Store(sample_store, readonly=True) as s:
        write_claims_jsonl(s.claims(), b)
    assert a.read_bytes() == b.read_bytes()


def test_streamed_graphml_reads_as_the_in_memory_export(sample_store, tmp_path):
    """The whole-graph GraphML streamed from the store is the graph build_graph + write give."""
    import networkx as nx

    from graphkit.export import write, write_graphml_store
    from graphkit.graph import build_graph

    with Store(sample_store, readonly=True) as s:
        write(build_graph(s), "graphml", tmp_path / "mem.graphml")
        write_graphml_store(s, tmp_path / "stream.graphml", chunk=7)  # many chunks: shared nodes span them
    a, b = nx.read_graphml(tmp_path / "stream.graphml"), nx.read_graphml(tmp_path / "mem.graphml")
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    edges = lambda g: sorted((u, v, sorted((k, x) for k, x in d.items() if k != "id"))  # noqa: E731  ids: file order
                             for u, v, d in g.edges(data=True))
    assert edges(a) == edges(b)
    assert any(d.get("relation") == "contradicts" for *_, d in a.edges(data=True))


# (the change, --prune, the store's articles kept whose file is gone, the files said to hold the text of one of them):
# an article whose file went was kept without a word, and a renamed one was in the store twice, each of its claims
# reported twice, without a word
GONE = [
    ("nothing", False, [], []),
    ("one article removed", False, [FIRST], []),
    ("one article renamed", False, [FIRST], ["renamed.txt"]),
    ("one article renamed", True, [], []),
]


@pytest.mark.parametrize("change,prune,kept,twice", GONE, ids=[f"{r[0]}{', --prune' if r[1] else ''}" for r in GONE])
def test_an_article_whose_file_is_gone_is_said_kept_and_a_renamed_one_said_twice(copy, change, prune, kept, twice, capsys):
    from graphkit.cli import _say_built

    corpus, store = copy
    CHANGES[change](corpus)
    rep = build(corpus, store, prune=prune)
    assert rep.kept_gone == kept
    assert [s.path for s in rep.skipped if s.reason.startswith(f"the same text as '{FIRST}', an article of the store "
                                                               "whose file is gone (renamed?)")] == twice
    capsys.readouterr()
    _say_built(rep, corpus, store, strict=False)
    said = [line for line in capsys.readouterr().out.splitlines() if line.startswith("kept: ")]
    assert said == ([f"kept: 1 article(s) of the store no longer in {corpus} ({FIRST}), with their claims; build with "
                     "--prune to remove them"] if kept else [])
