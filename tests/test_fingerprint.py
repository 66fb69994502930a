"""The extraction fingerprint: a store is never served stale extractions.

- a golden output of the sample corpus (ingested text + extraction, per article) recorded with the
  extraction key it was made under: when the output changes while the key does not, graphkit's
  extraction version was not bumped and every store built before would silently keep the old claims;
- rebuilds after each input of the key changes (filter weights, extraction version, a knowledge file)
  re-parse and give what a fresh build gives;
- a rebuild with nothing changed reports the counts of the build before it.

Re-record the golden after a deliberate change (with EXTRACTION_VERSION bumped when code changed):
    .venv/bin/python tests/test_fingerprint.py --record
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from checkout_paths import ROOT

from graphkit import fingerprint
from graphkit.build import build
from graphkit.store import Store

GOLDEN = ROOT / "tests" / "golden" / "extraction.json"
INGEST_SAMPLES = ROOT / "tests" / "golden" / "ingest"   # HTML/Markdown whose ingested text is pinned too


def _sha(s: str) -> str:
    return hashlib.sha256(s.encode("utf-8")).hexdigest()[:16]


#: what the parse reads of a Document (graphkit.extract: its text, the title its headline is found by, the author its
#: first person is, the date its claims are dated against, its id and bytes): the rest (source, url, the notes on what
#: reading it met) a build writes back for every article, parsed or not (`graphkit.build.changed_documents`), so a
#: change there needs no new extraction key
PARSED_FIELDS = {"id", "sha256", "text", "title", "author", "published"}


def ingest_output() -> dict[str, str]:
    """doc_id -> hash of what the parse reads of the Document ingest gives (`PARSED_FIELDS`), for the sample corpus and
    the ingest samples."""
    from graphkit.ingest import read_corpus

    out = {}
    for folder in (ROOT / "corpus", INGEST_SAMPLES):
        if folder.is_dir():
            for d in read_corpus(folder).documents:
                out[f"{folder.name}/{d.id}"] = _sha(d.model_dump_json(include=PARSED_FIELDS))
    return out


def extraction_output(store_path) -> dict[str, str]:
    """doc_id -> hash of the extraction the store keeps for it."""
    with Store(store_path, readonly=True) as s:
        return {doc_id: _sha(data) for doc_id, data in s.extractions()}


def current(store_path) -> dict:
    return {"key": fingerprint.pipeline_key(), "ingest": ingest_output(), "extraction": extraction_output(store_path)}


def _diff(a: dict, b: dict) -> list[str]:
    return sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))


def test_output_changes_only_with_the_key(sample_store):
    if not GOLDEN.exists():
        pytest.fail(f"{GOLDEN} is missing; record it: .venv/bin/python tests/test_fingerprint.py --record")
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    now = current(sample_store)
    pipeline = lambda key: key.split("+extraction-")[0]  # noqa: E731  spaCy pipeline and spaCy versions
    if pipeline(golden["key"]) != pipeline(now["key"]):
        pytest.skip(f"the golden was recorded with {pipeline(golden['key'])}, this machine has {pipeline(now['key'])}")
    changed = _diff(golden["ingest"], now["ingest"]) + _diff(golden["extraction"], now["extraction"])
    if not changed:
        return
    if golden["key"] == now["key"]:
        pytest.fail(f"ingest/extraction output changed ({', '.join(changed[:5])}) under the same extraction key "
                    f"{now['key']}: stores built before would keep the old claims. Bump EXTRACTION_VERSION in "
                    "graphkit/fingerprint.py, then re-record: .venv/bin/python tests/test_fingerprint.py --record")
    pytest.fail(f"the extraction key moved ({golden['key']} -> {now['key']}) and the output with it "
                f"({', '.join(changed[:5])}); re-record the golden: .venv/bin/python tests/test_fingerprint.py --record")


@pytest.fixture()
def copy(sample_store, tmp_path, monkeypatch):
    """The sample corpus and its store copied, with models/ copied to a folder the test may edit."""
    corpus = tmp_path / "corpus"
    shutil.copytree(sample_store.parent / "corpus", corpus)
    store = tmp_path / "store.gk"
    shutil.copyfile(sample_store, store)
    models = tmp_path / "models"
    shutil.copytree(ROOT / "models", models)
    monkeypatch.setenv("GRAPHKIT_MODELS", str(models))
    return corpus, store, models


def _raise_threshold(models: Path, corpus: Path, monkeypatch):
    p = models / "attribution_filter.json"
    m = json.loads(p.read_text(encoding="utf-8"))
    m["threshold"] = 0.9          # keeps far fewer attributions than the trained threshold
    p.write_text(json.dumps(m), encoding="utf-8")


def _bump_version(models: Path, corpus: Path, monkeypatch):
    monkeypatch.setattr(fingerprint, "EXTRACTION_VERSION", fingerprint.EXTRACTION_VERSION + "-next")


def _edit_cues(models: Path, corpus: Path, monkeypatch):
    p = models / "cues.yaml"
    p.write_text(p.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")


def _nothing(models: Path, corpus: Path, monkeypatch):
    pass


def claims_of(store_path) -> list[dict]:
    with Store(store_path, readonly=True) as s:
        return sorted((c.contract() for c in s.claims()), key=lambda c: c["id"])


@pytest.mark.parametrize("change,parsed,claims_change", [
    (_nothing, 0, False),
    (_raise_threshold, 5, True),      # the trained filter's weights are part of the key
    (_bump_version, 5, False),        # graphkit's extraction version is part of the key
    (_edit_cues, 5, False),           # every models/ file extraction reads is part of the key
])
def test_changed_extraction_input_reparses(copy, sample_store, tmp_path, monkeypatch, change, parsed, claims_change):
    corpus, store, models = copy
    change(models, corpus, monkeypatch)
    rep = build(corpus, store)
    assert rep.parsed == parsed
    after = claims_of(store)
    assert (after != claims_of(sample_store)) == claims_change
    if parsed:                    # the rebuilt store holds what a fresh build gives
        fresh = tmp_path / "fresh.gk"
        build(corpus, fresh)
        assert after == claims_of(fresh)


def test_corpus_knowledge_file_re_resolves_without_re_parsing(copy):
    corpus, store, _ = copy
    own = corpus / "issues.yaml"                                    # the sample corpus's taxonomy
    assert build(corpus, store).parsed == 0
    with Store(store, readonly=True) as s:
        before = s.get_meta("resolved_fingerprint")
    own.write_text(own.read_text(encoding="utf-8").replace("name: NATO", "name: North Atlantic alliance"),
                   encoding="utf-8")
    rep = build(corpus, store)
    with Store(store, readonly=True) as s:
        assert rep.parsed == 0 and s.get_meta("resolved_fingerprint") != before
        assert "North Atlantic alliance" in {i.name for i in s.issues()}


def test_rebuild_with_nothing_changed_reports_the_same_counts(copy):
    corpus, store, _ = copy
    # a wire copy of one article, published a day later: claims several articles report (since #18 the
    # sample's own paraphrased reports are not merged)
    first = min(corpus.glob("*.txt"), key=lambda p: p.stat().st_size)
    (corpus / "wire_copy.txt").write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    rows = [json.loads(x) for x in (corpus / "metadata.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    row = dict(next(r for r in rows if r["doc_id"] == first.stem), doc_id="wire_copy")
    row["published"] = (dt.date.fromisoformat(row["published"][:10]) + dt.timedelta(days=1)).isoformat()
    with open(corpus / "metadata.jsonl", "a", encoding="utf-8") as f:
        f.write(json.dumps(row) + "\n")
    assert build(corpus, store).parsed == 1
    with Store(store, readonly=True) as s:
        reports = s.count("claims")
        claims = s.db.execute("SELECT count(*) FROM claims WHERE same_as IS NULL").fetchone()[0]
    assert claims < reports             # claims several articles report
    for _ in range(2):
        rep = build(corpus, store)
        assert rep.parsed == 0
        assert (rep.claims, rep.reports) == (claims, reports)
        assert rep.actors > 0 and rep.issues > 0


def record(path: Path = GOLDEN):
    """Write the golden from a fresh build of the sample corpus; refuses a changed output under the same key."""
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        corpus = Path(d) / "corpus"
        shutil.copytree(ROOT / "corpus", corpus, ignore=shutil.ignore_patterns("README.md"))
        build(corpus, Path(d) / "s.gk")
        now = current(Path(d) / "s.gk")
    if path.exists():
        old = json.loads(path.read_text(encoding="utf-8"))
        moved = _diff(old["ingest"], now["ingest"]) + _diff(old["extraction"], now["extraction"])
        if moved and old["key"] == now["key"]:
            sys.exit(f"output changed ({', '.join(moved[:5])}) under the same key; bump EXTRACTION_VERSION in "
                     "graphkit/fingerprint.py first")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"recorded {path} under {now['key']}")


if __name__ == "__main__":
    if sys.argv[1:] != ["--record"]:
        sys.exit("usage: python tests/test_fingerprint.py --record")
    record()


# ---- the knowledge files' hash, once per process while they stay as they are (fingerprint.files_hash)

def _reads(monkeypatch) -> list[str]:
    """The names of the files `fingerprint.files_hash` reads from now on."""
    seen: list[str] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: (seen.append(self.name), real(self))[1])
    monkeypatch.setattr(fingerprint, "_HASHED", {})
    return seen


def test_a_build_reads_the_knowledge_files_once(monkeypatch):
    """`pipeline_key`, the models stamp and `resolution_key` for every kept layer each hashed the same files: a build
    from nothing read the models' files nine times (the memo off: every ask reads again)."""
    from graphkit.knowledge import models_dir

    monkeypatch.setattr(fingerprint, "SETTLED_SECONDS", 0.0)  # a checkout's files may be younger than the guard
    seen = _reads(monkeypatch)
    first = fingerprint.resolution_key()
    assert fingerprint.resolution_key() == first and fingerprint.resolution_key() == first
    assert sorted(seen) == sorted(p.name for p in fingerprint.knowledge_files()
                                  + sorted(models_dir().glob("*.yaml")))


@pytest.mark.parametrize("change", ["other bytes", "the same stat"])
def test_a_knowledge_file_written_again_hashes_anew(tmp_path, monkeypatch, change):
    """A file that changed is read again: by its stat, and a file changed within `SETTLED_SECONDS` at every ask, for a
    second write in the same tick of the file system's clock leaves its stat as it was (simulated: the stat before
    the write given after it; this case fails with the guard off)."""
    # the clock held out of it: the stat path alone for other bytes, the guard always for the same stat
    monkeypatch.setattr(fingerprint, "SETTLED_SECONDS", 0.0 if change == "other bytes" else 3600.0)
    f = tmp_path / "issues.yaml"
    f.write_text("issues: [a]")
    _reads(monkeypatch)
    before, st = fingerprint.files_hash([f]), f.stat()
    f.write_text("issues: [bb]" if change == "other bytes" else "issues: [b]")
    if change == "the same stat":
        real = Path.stat
        monkeypatch.setattr(Path, "stat", lambda self, **kw: st if self == f else real(self, **kw))
    assert fingerprint.files_hash([f]) != before


#: the text tables of models/ the parse reads (graphkit.knowledge.models_table): (module, the file's ask, words the
#: shipped file answers, their answers, a word it lacks)
TABLES = [
    ("graphkit.person_nouns", "person_noun", ("neighbor", "witness", "poll", "neighbor"), [True, True, False, True],
     "zorblaxer"),
    ("graphkit.verb_classes", "verb_class", ("say", "impose", "zorblax", "say"),
     ["verb.communication", "verb.social", None, "verb.communication"], "zorblaxer"),
    ("graphkit.communication_nouns", "communication_noun", ("tirade", "campaign", "poll", "tirade"),
     [True, False, False, True], "zorblaxer"),
]


#: the ids of :data:`TABLES`' rows
TABLE_IDS = ["person nouns", "verb classes", "communication nouns"]


@pytest.mark.parametrize("module,ask,words,answers,new", TABLES, ids=TABLE_IDS)
def test_a_models_table_is_read_once_per_process(module, ask, words, answers, new, tmp_path, monkeypatch):
    """`graphkit.knowledge.models_table`: a phrase's ask stats nothing (the person nouns' stat'ed the file at each
    ask, once per candidate speaker phrase); a models copy (``GRAPHKIT_MODELS``) is its own key."""
    import importlib

    mod = importlib.import_module(module)
    shutil.copytree(ROOT / "models", tmp_path / "models")
    monkeypatch.setenv("GRAPHKIT_MODELS", str(tmp_path / "models"))
    stats: list[Path] = []
    real = Path.stat
    monkeypatch.setattr(Path, "stat", lambda self, **kw: (stats.append(self), real(self, **kw))[1])
    assert [getattr(mod, ask)(w) for w in words] == answers
    assert [p for p in stats if p.name == mod.FILE] == [tmp_path / "models" / mod.FILE]


@pytest.mark.parametrize("module,ask,words,answers,new", TABLES, ids=TABLE_IDS)
def test_an_edited_models_table_is_read_again_by_the_next_builds_check(module, ask, words, answers, new, tmp_path,
                                                                       monkeypatch):
    """Read once per process, the file is read again where a build checks the models (`check_models_files`, when
    their stamp moved): what the parse reads stays what the extraction key hashes."""
    import importlib

    from graphkit.knowledge import check_models_files

    mod = importlib.import_module(module)
    shutil.copytree(ROOT / "models", tmp_path / "models")
    monkeypatch.setenv("GRAPHKIT_MODELS", str(tmp_path / "models"))
    stamp = check_models_files()
    assert not getattr(mod, ask)(new)
    with open(tmp_path / "models" / mod.FILE, "a", encoding="utf-8") as f:
        f.write(f"{new}\n" if module.endswith("nouns") else f"{new} verb.stative\n")
    assert check_models_files(stamp) != stamp and getattr(mod, ask)(new)


def version_history() -> list[int]:
    """The versions EXTRACTION_VERSION's comment describes, as written: each entry opens with ``-NN:``."""
    import re

    line = next(ln for ln in (ROOT / "graphkit" / "fingerprint.py").read_text(encoding="utf-8").splitlines()
                if ln.startswith("EXTRACTION_VERSION = "))
    return [int(n) for n in re.findall(r"(?<![\w-])-(\d+): ", line.split("#", 1)[1])]


def test_the_version_history_names_each_version_once_newest_first():
    """The comment after EXTRACTION_VERSION is the history a store's key points to: one entry a version, the newest
    (the current one) first. Its entry for -10 opened "-10: -10:" for sessions."""
    history = version_history()
    assert history[0] == int(fingerprint.EXTRACTION_VERSION.rsplit("-", 1)[1])
    repeated = sorted({n for n in history if history.count(n) > 1})
    assert not repeated, f"versions written twice in the history: {repeated}"
    assert history == sorted(history, reverse=True), "the history's entries are not newest first"


# ---- a second build in the same process (a notebook) sees a knowledge file edited since the first

def _edited(path: Path, old: str, new: str, keep_time: bool) -> None:
    """``path`` with ``old`` written as ``new``; with ``keep_time``, its modification time put back as it was
    (``cp -p``, ``rsync -t``, a file restored from a backup or an archive: only the change time moves)."""
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    if keep_time:
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def _issue_names(s: Store) -> set[str]:
    return {i.name for i in s.issues()}


def _speakers(s: Store) -> set[str]:
    return {c.speaker for c in s.claims()}


def _stances_said(s: Store) -> set[str]:
    return {c.stance for c in s.claims() if c.cue == "said"}


def _opposing(s: Store) -> set[tuple[str, ...]]:
    return {c.opposing for c in s.contradictions()}


# (the file, in the corpus or the models copy; the edit; the time kept; what the store says before and after); a
# corpus file edited plainly is test_corpus_knowledge_file_re_resolves_without_re_parsing's, a second build in one
# process too
SECOND_BUILD = [
    # the time kept and the size too: only the change time tells these edits (`fingerprint.file_stamp`)
    ("corpus/issues.yaml", "name: NATO", "name: OTAN", True,
     lambda s: ("NATO" in _issue_names(s), "OTAN" in _issue_names(s))),
    ("corpus/actors.yaml", "name: Sergey Lavrov", "name: Sergei Lavrov", True,
     lambda s: ("Sergey Lavrov" in _speakers(s), "Sergei Lavrov" in _speakers(s))),
    ("models/cues.yaml", "\n  say: assert", "\n  say: warn", False,
     lambda s: ("assert" in _stances_said(s), _stances_said(s) == {"warn"})),
    ("models/links.yaml", "  - [[legal], [illegal]]", "  - [[lawful], [unlawful]]", False,
     lambda s: (("legally", "illegally") in _opposing(s), ("legally", "illegally") not in _opposing(s))),
]


@pytest.mark.parametrize("where,old,new,keep_time,says", SECOND_BUILD,
                         ids=[f"{r[0]}{', time kept' if r[3] else ''}" for r in SECOND_BUILD])
def test_a_second_build_in_the_same_process_sees_an_edited_knowledge_file(copy, monkeypatch, where, old, new,
                                                                          keep_time, says):
    """A notebook builds, the researcher edits a knowledge file, the notebook builds again: the second build must
    give what a new process gives. The process keeps what it read and worked out of the files (the parsed YAML, the
    cue lexicon, the paraphrase and antonym groups): an edit that kept the file's modification time was not read again
    (the corpus rows with the time kept), and what was worked out of the models files was kept whatever the edit (the
    models rows), though the store's key said the files had changed: a store stamped new and holding the old. The
    guard for files changed within `SETTLED_SECONDS` is off, as for a researcher who edits between two builds a while
    apart: each file read once is kept by its stamp alone."""
    monkeypatch.setattr(fingerprint, "SETTLED_SECONDS", 0.0)
    corpus, store, models = copy
    assert build(corpus, store).parsed == 0           # this test's first build (the store copied) keeps what it reads
    with Store(store, readonly=True) as s:
        assert says(s) == (True, False)
    folder, name = where.split("/")
    _edited({"corpus": corpus, "models": models}[folder] / name, old, new, keep_time)
    build(corpus, store)
    with Store(store, readonly=True) as s:
        assert says(s) == (False, True)


def _graphkit_caches():
    """(name, functools cache) of every graphkit module imported, the loaded pipelines' left out."""
    for name, module in list(sys.modules.items()):
        if module is not None and name.split(".")[0] == "graphkit":
            for attr, obj in list(vars(module).items()):
                if hasattr(obj, "cache_info") and getattr(obj, "__module__", None) == name and attr != "cached_pipeline":
                    yield f"{name}.{attr}", obj


def test_what_a_models_edit_forgets_is_every_cache_but_the_pipelines(tmp_path, sample_store):
    """Decided in session 55: `knowledge.forget_worked_out` empties every functools cache of graphkit, not a list of
    those worked out of the models files. A list would be a second home of what each function reads, and a cache left
    off it serves a stale store without a word (the SECOND_BUILD rows); the caches that read no models file it empties
    too (names, segments, statements, date expressions, the code key, the page's assets: 23 of 47) cost 0.025 s CPU to
    fill again on the sample's full resolve (0.12 -> 0.14 s, bench/README.md chores of session 55), once a models edit
    in a process."""
    import importlib
    import pkgutil
    import shutil

    import graphkit
    from graphkit.build import build
    from graphkit.knowledge import forget_worked_out

    for m in pkgutil.walk_packages(graphkit.__path__, "graphkit."):
        importlib.import_module(m.name)  # every module's caches, not only those the tests before this one imported
    caches = dict(_graphkit_caches())
    assert len(caches) >= 40, sorted(caches)
    store = tmp_path / "s.gk"
    shutil.copy2(sample_store, store)
    build(sample_store.parent / "corpus", store, full=True)  # the sample resolved again from its kept parses: the resolution's caches filled
    filled = {n for n, c in caches.items() if c.cache_info().currsize}
    assert len(filled) >= 15 and "graphkit.names.fold" in filled, sorted(filled)
    assert forget_worked_out() >= len(filled)
    assert [n for n, c in caches.items() if c.cache_info().currsize] == []
