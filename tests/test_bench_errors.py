"""Bad input to a bench script gets one line, cause and fix, a non-zero exit and no traceback; nothing is changed.

One table per shape of bad input: a store that is missing, not a store, a folder or of an older graphkit; a corpus
folder that is missing or holds no article; PolNeAR missing or with a broken line; other files that are missing
or of another kind. Each row runs the script's ``main`` in this process the way its ``__main__`` block does
(`graphkit.errors.script_main`, ``sys.argv`` set), so the table is fast; that every script's ``__main__`` block
does so is checked on its source (`test_every_script_runs_its_main_through_script_main`), and one row runs a
script as a command. The graphkit command's own table is tests/test_cli.py; the store's refusals are
tests/test_store_safety.py.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import importlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from checkout_paths import ROOT

from graphkit.errors import script_main
from graphkit.records import SCHEMA_VERSION
from graphkit.store import Store

sys.path.insert(0, str(ROOT / "bench"))

SAID = "Anna Berg, the harbour master, said the new quay would open in May."


def run_script(name: str, args: list, capsys, monkeypatch) -> tuple[int, str, str]:
    """(exit status, stdout, stderr) of ``python bench/NAME.py ARGS`` run in this process."""
    import graphkit.attribution as attribution

    mod = importlib.import_module(name)
    monkeypatch.setattr(sys, "argv", [f"{name}.py", *map(str, args)])
    # what a script may set for its own process is put back after the row (eval_actors' GRAPHKIT_MODELS,
    # tune_cues' counting stand-in for verb_candidate), should a row ever get that far
    monkeypatch.setattr(os, "environ", os.environ.copy())
    monkeypatch.setattr(attribution, "verb_candidate", attribution.verb_candidate)
    capsys.readouterr()
    try:
        code = script_main(name, mod.main)
    except SystemExit as e:  # argparse's exit, and the scripts that say their own line before graphkit is imported
        code = e.code if isinstance(e.code, int) else 1
    out = capsys.readouterr()
    return code, out.out, out.err


def one_line(code: int, err: str, name: str, words: str) -> None:
    assert code not in (0, None), (code, err)
    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"{name}: error: ") and words in lines[0], lines[0]


def table(scripts: list, shapes: list, slot: str) -> tuple[list, list]:
    """The rows of one shape table: each script's arguments with ``slot`` replaced by each bad value, and the words
    its line must hold; and the rows' ids."""
    rows = [(name, [value if a == slot else a for a in args], words) for name, args in scripts
            for value, words in shapes]
    return rows, [f"{name} {' '.join(args)}" for name, args, _ in rows]


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else ""


@pytest.fixture
def bench_work(tmp_path, monkeypatch):
    """A folder with a store, a text file, an older store, a corpus, an empty folder; cwd. Not conftest's `work` (the
    command line's folder), which it would shadow under that name."""
    Store(tmp_path / "ok.gk", create=True).close()
    Store(tmp_path / "older.gk", create=True).close()
    with sqlite3.connect(tmp_path / "older.gk") as db:
        db.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION - 1),))
    db.close()
    (tmp_path / "notes.txt").write_text("just some notes\n", encoding="utf-8")
    (tmp_path / "elsewhere.jsonl").write_text('{"doc": "not_a_seed"}\n', encoding="utf-8")  # gold of no sample article
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(SAID, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    (tmp_path / "docsonly").mkdir()  # only what the build never reads: the corpus's documentation, a hidden draft
    (tmp_path / "docsonly" / "README.txt").write_text("About this corpus.\n", encoding="utf-8")
    (tmp_path / "docsonly" / ".draft.txt").write_text(SAID, encoding="utf-8")
    (tmp_path / "nopolnear").mkdir()
    (tmp_path / "brokenpolnear").mkdir()
    for split in ("train", "dev"):
        (tmp_path / "brokenpolnear" / f"{split}.jsonl").write_text(
            '{"id": "a", "text": "x", "date": "2016-01-01"}\n{"id": "b", "te\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# ------------------------------------------------------------------ stores: (script, its arguments around STORE)

STORE_SCRIPTS = [
    ("audit_issues", ["STORE"]),
    ("audit_links", ["STORE"]),
    ("audit_speakers", ["STORE"]),
    ("another_source", ["STORE"]),
    ("pronoun_antecedents", ["STORE"]),
    ("diff_speakers", ["STORE", "ok.gk"]),
    ("diff_speakers", ["ok.gk", "STORE"]),
    ("issue_variants", ["STORE"]),
    ("issue_harness", ["capture", "STORE", "out.pkl"]),
    ("eval_actors", ["--reuse", "--store", "STORE"]),
    ("suggest_cutoff", ["STORE", "ok.gk"]),
    ("suggest_cutoff", ["ok.gk", "STORE"]),
]
# (the STORE given, words of the line)
STORE_SHAPES = [
    ("missing.gk", "no store at"),
    ("notes.txt", "'notes.txt' is not a graphkit store (not an SQLite file)"),
    ("empty", "'empty' is a folder"),
    ("older.gk", f"'older.gk' has the older schema {SCHEMA_VERSION - 1}; rebuild it"),
]
_READ = table(STORE_SCRIPTS, STORE_SHAPES, "STORE")
_COMPARED = table([("compare_stores", ["ok.gk", "STORE"])], STORE_SHAPES[:3], "STORE")  # an older store's tables too
STORE_CASES, STORE_IDS = _READ[0] + _COMPARED[0], _READ[1] + _COMPARED[1]


@pytest.mark.parametrize("name,args,words", STORE_CASES, ids=STORE_IDS)
def test_a_store_that_cannot_be_read_is_one_line(bench_work, name, args, words, capsys, monkeypatch):
    before = {p.name: _sha(p) for p in bench_work.iterdir()}
    code, _, err = run_script(name, args, capsys, monkeypatch)
    one_line(code, err, name, words)
    assert {p.name: _sha(p) for p in bench_work.iterdir()} == before      # nothing written, nothing upgraded


# ------------------------------------------------------------------ corpus folders: (script, arguments around CORPUS)

CORPUS_SCRIPTS = [
    ("bare_pipe", ["CORPUS"]),
    ("bench_attribution_speed", ["--corpus", "CORPUS"]),
    ("discover_sample", ["--corpus", "CORPUS"]),
    ("bench_phases", ["--corpus", "CORPUS"]),
    ("bench_cpu", ["--corpus", "CORPUS", "--rounds", "1"]),
    ("profile_build", ["--corpus", "CORPUS", "--rounds", "1"]),
    ("pair_rebuilds", ["--corpus", "CORPUS", "--src", "a=.", "--store", "a=ok.gk"]),
    ("pair_options", ["--corpus", "CORPUS", "--variant", "a="]),
    ("resolve_stages", ["CORPUS", "s.gk"]),
    ("command_checkpoints", ["graphkit", "CORPUS", "--store", "s.gk"]),
    ("command_checkpoints", ["bare", "CORPUS"]),
    ("command_parts", ["CORPUS"]),
    ("worker_parts", ["CORPUS"]),
    ("tail_parts", ["CORPUS"]),
]
CORPUS_SHAPES = [("missing", "'missing'"), ("empty", "'empty'"), ("docsonly", "'docsonly'")]  # the build's own rule
CORPUS_CASES, CORPUS_IDS = table(CORPUS_SCRIPTS, CORPUS_SHAPES, "CORPUS")


@pytest.mark.parametrize("name,args,words", CORPUS_CASES, ids=CORPUS_IDS)
def test_a_corpus_folder_with_no_article_is_one_line(bench_work, name, args, words, capsys, monkeypatch):
    code, _, err = run_script(name, args, capsys, monkeypatch)
    one_line(code, err, name, words.replace("'", "") if name == "resolve_stages" else words)
    assert not (bench_work / "s.gk").exists()


#: the scripts that read a corpus's articles themselves (bare spaCy's, the attribution component's speed), with
#: what runs their reading: a dangling link named as an article made them stop with a traceback
READING_SCRIPTS = ["bare_pipe", "command_checkpoints bare", "bench_attribution_speed"]


def _read_corpus_as(script: str, corpus: Path, monkeypatch) -> None:
    """Run ``script``'s reading of ``corpus`` in this process: bare spaCy's commands with a blank English pipeline
    in place of the trained one (what is read is checked here, not the parse)."""
    import spacy

    monkeypatch.setattr(spacy, "load", lambda name: spacy.blank("en"))
    if script == "bare_pipe":
        monkeypatch.setattr(sys, "argv", ["bare_pipe.py", str(corpus)])
        importlib.import_module("bare_pipe").main()  # its __main__ block: bare spaCy's command says its own lines
    elif script == "command_checkpoints bare":
        checkpoints = importlib.import_module("command_checkpoints")
        monkeypatch.setattr(checkpoints, "EVENTS", [])
        checkpoints.bare(str(corpus), False)
    else:
        texts = importlib.import_module("bench_attribution_speed").texts_from(argparse.Namespace(corpus=str(corpus)))
        assert texts == [SAID]


@pytest.mark.parametrize("script", READING_SCRIPTS)
def test_an_article_that_is_no_file_is_skipped_in_the_builds_line(bench_work, script, capsys, monkeypatch):
    """A link named as an article that leads to no file: the rest is read and the file said skipped, one line with
    the build's cause and fix (`graphkit.ingest.read_corpus`, `bench/corpus_check.py`), no traceback."""
    (bench_work / "corpus" / "b.txt").symlink_to("gone.txt")
    capsys.readouterr()
    _read_corpus_as(script, bench_work / "corpus", monkeypatch)
    prog = script.split()[0]
    assert capsys.readouterr().err.splitlines() == [
        f"{prog}: skipped: b.txt: a link to 'gone.txt', which leads to no file (No such file or directory); "
        "fix or remove the link"]


#: a corpus none of whose article files gives a text to read: (what is in it, the lines said before the last)
NOTHING_TO_READ = [
    ({"b.txt": "gone.txt"}, ["skipped: b.txt: a link to 'gone.txt', which leads to no file (No such file or directory); "
                             "fix or remove the link"]),
    ({"b.txt": None}, []),  # an empty article: read, with nothing in it
]


@pytest.mark.parametrize("script", READING_SCRIPTS)
@pytest.mark.parametrize("files,skipped", NOTHING_TO_READ, ids=["a link to no file", "empty"])
def test_a_corpus_with_nothing_to_read_is_said_so(bench_work, script, files, skipped, capsys, monkeypatch):
    """What a file skipped says, then one line saying that nothing was left to read, status 2: the speed of the
    attribution component was printed as 0 tokens/s, bare spaCy's token count as 0, command_checkpoints stopped with a
    traceback."""
    (bench_work / "corpus" / "a.txt").unlink()
    for name, target in files.items():
        (bench_work / "corpus" / name).symlink_to(target) if target else (bench_work / "corpus" / name).write_text("\n")
    capsys.readouterr()
    with pytest.raises(SystemExit) as stopped:
        _read_corpus_as(script, bench_work / "corpus", monkeypatch)
    prog = script.split()[0]
    assert stopped.value.code == 2 and capsys.readouterr().err.splitlines() == [
        *(f"{prog}: {line}" for line in skipped),
        f"{prog}: error: nothing to read in '{bench_work / 'corpus'}': none of its 1 article file(s) could be read or "
        "held text; fix them or give another corpus folder"]


# ------------------------------------------------------------------ checkouts: (script, arguments around SRC)

SRC_SCRIPTS = [
    ("bench_cpu", ["--corpus", "corpus", "--src", "SRC", "--rounds", "1"]),
    ("profile_build", ["--corpus", "corpus", "--src", "SRC", "--rounds", "1"]),
    ("bench_phases", ["--corpus", "corpus", "--src", "SRC", "--rounds", "1"]),
    ("bench_phases", ["--corpus", "corpus", "--pair", "SRC", "--rounds", "1"]),  # the checkout paired against
    ("pair_rebuilds", ["--corpus", "corpus", "--src", "a=SRC", "--store", "a=ok.gk", "--rounds", "1"]),
    ("resolve_stages", ["corpus", "s.gk", "--src", "SRC"]),
]
# a checkout that is not there, or a folder holding no graphkit: put first on the path, either would leave the
# installed graphkit to run in its place, unsaid
SRC_SHAPES = [("missing", "--src missing holds no graphkit checkout"), ("empty", "--src empty holds no graphkit")]
SRC_CASES = [(name, [a.replace("SRC", value) for a in args], words.replace("--src", args[args.index("SRC") - 1])
              if "SRC" in args else words) for name, args in SRC_SCRIPTS for value, words in SRC_SHAPES]
SRC_IDS = [f"{name} {' '.join(args)}" for name, args, _ in SRC_CASES]


@pytest.mark.parametrize("name,args,words", SRC_CASES, ids=SRC_IDS)
def test_a_checkout_that_is_not_there_is_one_line(bench_work, name, args, words, capsys, monkeypatch):
    before = {p.name: _sha(p) for p in bench_work.iterdir()}
    code, _, err = run_script(name, args, capsys, monkeypatch)
    one_line(code, err, name, words)
    assert {p.name: _sha(p) for p in bench_work.iterdir()} == before


@pytest.mark.parametrize("value,words", SRC_SHAPES, ids=[v for v, _ in SRC_SHAPES])
def test_a_variants_checkout_that_is_not_there_is_one_line(bench_work, value, words, capsys, monkeypatch):
    """pair_options names a variant's checkout inside its --variant (NAME@ROOT=OPTIONS)."""
    before = {p.name: _sha(p) for p in bench_work.iterdir()}
    code, _, err = run_script("pair_options", ["--corpus", "corpus", "--variant", f"a@{value}="], capsys, monkeypatch)
    one_line(code, err, "pair_options", words.replace("--src", "--variant"))
    assert {p.name: _sha(p) for p in bench_work.iterdir()} == before


#: the stores resolve_stages cannot build, said as the checkout it runs says them (resolve_stages imports that
#: checkout's graphkit in process, so its ``__main__`` runs ``main`` without script_main: these rows call it so)
RESOLVE_STAGES_STORES = [
    ("notes.txt", "'notes.txt' is not a graphkit store (not an SQLite file)"),
    ("empty", "'empty' is a folder"),
    ("older.gk", f"'older.gk' has the older schema {SCHEMA_VERSION - 1}; rebuild it"),
]


@pytest.mark.parametrize("store,words", RESOLVE_STAGES_STORES, ids=[s for s, _ in RESOLVE_STAGES_STORES])
def test_resolve_stages_says_the_checkouts_error_in_one_line(bench_work, store, words, capsys, monkeypatch):
    mod = importlib.import_module("resolve_stages")
    import graphkit.resolution

    resolve_store, stage_clock = sys.modules["graphkit.build"].resolve_store, graphkit.resolution.StageClock
    monkeypatch.setattr(graphkit.resolution, "StageClock", stage_clock)  # (a row failing here leaves the next alone)
    monkeypatch.setattr(sys.modules["graphkit.build"], "resolve_store", resolve_store)
    monkeypatch.setattr(sys, "argv", ["resolve_stages.py", "corpus", store, "--src", str(ROOT)])
    monkeypatch.setattr(sys, "path", list(sys.path))  # --src is put first on the path: taken away after the row
    before = {p.name: _sha(p) for p in bench_work.iterdir()}
    capsys.readouterr()
    with pytest.raises(SystemExit) as e:
        mod.main()
    one_line(e.value.code, capsys.readouterr().err, "resolve_stages", words)
    assert {p.name: _sha(p) for p in bench_work.iterdir()} == before
    build = sys.modules["graphkit.build"]  # what it swapped in for the build is put back (it was left for good)
    assert build.resolve_store is resolve_store and sys.modules["graphkit.resolution"].StageClock is stage_clock


# ------------------------------------------------------------------ PolNeAR: (script, arguments around POLNEAR)

POLNEAR_SCRIPTS = [
    ("bench_build", ["--polnear", "POLNEAR"]),
    ("check_annotate", ["--polnear", "POLNEAR"]),
    ("bench_cores", ["--polnear", "POLNEAR", "--rounds", "1"]),
    ("train_filter", ["--data", "POLNEAR"]),
    ("audit_refs", ["--polnear", "POLNEAR", "scan", "notes.txt"]),
]
POLNEAR_SHAPES = [("nopolnear", "no PolNeAR"), ("brokenpolnear", "line 2 is not a JSON object")]
POLNEAR_CASES, POLNEAR_IDS = table(POLNEAR_SCRIPTS, POLNEAR_SHAPES, "POLNEAR")


@pytest.mark.parametrize("name,args,words", POLNEAR_CASES, ids=POLNEAR_IDS)
def test_polnear_missing_or_broken_is_one_line(bench_work, name, args, words, capsys, monkeypatch):
    code, _, err = run_script(name, args, capsys, monkeypatch)
    one_line(code, err, name, words)


@pytest.mark.parametrize("name,args", [
    ("eval_actors", ["--limit", "1"]),
    ("tune_cues", ["--limit", "1"]),
    ("bench_attribution_speed", ["--limit", "1"]),
    ("issues_polnear", ["--limit", "1"]),
    ("audit_speakers", ["ok.gk", "--polnear-split", "dev"]),
    ("diff_speakers", ["ok.gk", "ok.gk", "--polnear-split", "train"]),
    ("eval_attribution", ["--limit", "1"]),
    ("eval_attribution", ["--cv", "5"]),
    ("oof_dump", ["out.pkl"]),
    ("train_context_tagger", ["data"]),
])
def test_scripts_reading_polnear_where_it_is_not_say_so(bench_work, name, args, capsys, monkeypatch):
    """Every script reads PolNeAR through bench/polnear.py: moved away, each says where it looked."""
    import polnear

    monkeypatch.setattr(polnear, "POLNEAR", bench_work / "nopolnear")
    mod = importlib.import_module(name)
    if hasattr(mod, "POLNEAR"):  # the name a script imported from polnear.py
        monkeypatch.setattr(mod, "POLNEAR", bench_work / "nopolnear")
    code, _, err = run_script(name, args, capsys, monkeypatch)
    one_line(code, err, name, f"in {bench_work / 'nopolnear'}: put ../shared beside the checkout")


# ------------------------------------------------------------------ other files

OTHER_CASES = [
    ("audit_speakers", ["ok.gk", "--judgements", "missing.txt"], "cannot use 'missing.txt' (No such file"),
    ("issue_harness", ["run", "missing.pkl"], "cannot use 'missing.pkl' (No such file"),
    ("issue_harness", ["run", "notes.txt"], "notes.txt is not a capture of bench/issue_harness.py"),
    ("issue_harness", ["bands", "notes.txt", "saved.json"], "notes.txt is not a capture of bench/issue_harness.py"),
    ("issue_harness", ["tradeoff", "notes.txt", "notes.txt"], "notes.txt is not a run saved by bench/issue_harness.py"),
    ("issue_harness", ["verdicts", "notes.txt"], "notes.txt is not a run saved by bench/issue_harness.py"),
    ("issue_harness", ["tradeoff", "missing.json", "notes.txt"], "cannot use 'missing.json' (No such file"),
    ("issue_harness", ["tradeoff", "notes.txt", "notes.txt", "--at", "2"], "issue_score='2' is outside [0, 1]"),
    ("issue_harness", ["tradeoff", "notes.txt", "notes.txt", "--at", ":own,mine"],
     "issue_evidence='own,mine' is not a way"),
    ("compare_stores", ["ok.gk"], "give two stores"),
    ("eval_attribution", ["--seeds", "missing.jsonl"], "cannot use 'missing.jsonl' (No such file"),
    ("eval_attribution", ["--seeds", "elsewhere.jsonl"], "the gold names article 'not_a_seed', but "),
    ("oof_buckets", ["missing.pkl"], "no dump at missing.pkl: write one with `python bench/oof_dump.py missing.pkl`"),
    ("oof_settle", ["notes.txt"], "notes.txt is not a dump of bench/oof_dump.py"),
    ("oof_pair", ["missing.pkl", "missing.pkl"],
     "no dump at missing.pkl: write one with `python bench/oof_dump.py missing.pkl`"),
    ("oof_pair", ["notes.txt", "notes.txt"], "notes.txt is not a dump of bench/oof_dump.py"),
    ("found_cues", ["missing.pkl"], "no dump at missing.pkl: write one with `python bench/oof_dump.py missing.pkl`"),
    ("found_cues", ["notes.txt", "--fold", "0"], "notes.txt is not a dump of bench/oof_dump.py"),
    ("span_errors", ["missing.pkl"], "no dump at missing.pkl: write one with `python bench/oof_dump.py missing.pkl`"),
    ("span_errors", ["notes.txt", "--worth"], "notes.txt is not a dump of bench/oof_dump.py"),
    ("oof_shapes", ["missing.pkl"], "no dump at missing.pkl"),
    ("loss_table", ["missing.pkl"], "no dump at missing.pkl: write one with `python bench/oof_dump.py missing.pkl`"),
    ("loss_table", ["notes.txt", "--no-worth"], "notes.txt is not a dump of bench/oof_dump.py"),
    ("quote_spans", ["missing.pkl"], "no dump at missing.pkl: write one with `python bench/oof_dump.py missing.pkl`"),
    ("quote_spans", ["notes.txt", "--variants", "after_colon"], "notes.txt is not a dump of bench/oof_dump.py"),
    ("oof_fair", ["notes.txt"], "notes.txt is not a dump of bench/oof_dump.py"),
    ("rescorer_cv", ["missing.pkl"], "no dump at missing.pkl"),
    ("rescorer_cv", ["missing.pkl", "--variants", "logistic+verbclass", "--wordnet", "missing"],
     "no WordNet database in missing (index.verb, data.verb, index.noun, data.noun): install one"),
    ("train_context_tagger", ["measure", "--model", "missing"], "no contextual tagger at missing: train one with"),
    ("train_context_tagger", ["speed", "--model", "missing"], "no contextual tagger at missing: train one with"),
    ("pair_rebuilds", ["--corpus", "corpus", "--src", "a=.", "--store", "ok.gk"], "--store ok.gk has no NAME="),
    ("pair_rebuilds", ["--corpus", "corpus", "--src", "a=.", "--store", "b=ok.gk"], "--src names ['a'] but --store"),
]


@pytest.mark.parametrize("name,args,words", OTHER_CASES, ids=[f"{n} {' '.join(a)}" for n, a, _ in OTHER_CASES])
def test_a_file_missing_or_of_another_kind_is_one_line(bench_work, name, args, words, capsys, monkeypatch):
    before = {p.name: _sha(p) for p in (bench_work / "corpus").iterdir()}
    code, _, err = run_script(name, args, capsys, monkeypatch)
    one_line(code, err, name, words)
    assert {p.name: _sha(p) for p in (bench_work / "corpus").iterdir()} == before


def test_eval_attribution_headlines_says_it_has_no_effect(bench_work, capsys, monkeypatch):
    """--headlines switched on a frame that is on by default since -78: it says so, and the command runs as without it
    (here to the missing gold file's line)."""
    from eval_attribution import HEADLINES_NOTE

    code, _, err = run_script("eval_attribution", ["--headlines", "--seeds", "missing.jsonl"], capsys, monkeypatch)
    note, line = err.strip().splitlines()
    assert note == HEADLINES_NOTE and "no effect" in note and "--without headline" in note
    one_line(code, line, "eval_attribution", "cannot use 'missing.jsonl' (No such file")


def test_audit_refs_a_missing_file_is_not_runs_found(bench_work, capsys, monkeypatch):
    """audit_refs exits 1 when scan finds runs: a file that is not there is status 2, one line."""
    (bench_work / "pn").mkdir()
    (bench_work / "pn" / "dev.jsonl").write_text('{"id": "a", "text": "He said so."}\n', encoding="utf-8")
    code, _, err = run_script("audit_refs", ["--polnear", "pn", "check", "missing.txt"], capsys, monkeypatch)
    assert code == 2
    one_line(code, err, "audit_refs", "no file missing.txt: check the path")


def test_as_a_command(bench_work):
    """The ``__main__`` block, as a researcher runs it (the rows above run ``main`` in this process)."""
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "diff_speakers.py"), "missing.gk", "ok.gk"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr == ("diff_speakers: error: no store at 'missing.gk'; run `graphkit build CORPUS_DIR --store "
                          "missing.gk` first\n")


# ------------------------------------------------------------------ every script's __main__ block

#: scripts whose ``__main__`` block does not run ``main`` through script_main, and why
OWN_LINE = {
    "bare_pipe": "bare spaCy's command, timed against graphkit build: it imports no graphkit and says its own line",
    "resolve_stages": "imports --src's graphkit in process: says its own line before that, that graphkit's after",
}
SCRIPTS = sorted(p for p in (ROOT / "bench").glob("*.py") if 'if __name__ == "__main__":' in p.read_text(encoding="utf-8"))


def main_block_calls(path: Path) -> set[str]:
    """The names the script's ``if __name__ == "__main__":`` block calls."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.If) and "__main__" in ast.unparse(node.test):
            return {n.func.id if isinstance(n.func, ast.Name) else n.func.attr
                    for n in ast.walk(node) if isinstance(n, ast.Call) and isinstance(n.func, (ast.Name, ast.Attribute))}
    return set()


@pytest.mark.parametrize("path", SCRIPTS, ids=[p.stem for p in SCRIPTS])
def test_every_script_runs_its_main_through_script_main(path):
    if path.stem in OWN_LINE:
        assert "script_main" not in main_block_calls(path), f"{path.stem} now uses script_main: drop it from OWN_LINE"
    else:
        assert "script_main" in main_block_calls(path), f"bench/{path.name}: end with sys.exit(script_main(NAME, main))"


def test_the_source_check_sees_a_plain_main(tmp_path):
    """The check above fails on the shape the scripts had (``sys.exit(main())``)."""
    plain = tmp_path / "plain.py"
    plain.write_text('import sys\n\n\ndef main():\n    return 0\n\n\nif __name__ == "__main__":\n    sys.exit(main())\n')
    assert "script_main" not in main_block_calls(plain) and "main" in main_block_calls(plain)
