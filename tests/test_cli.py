"""User errors at the command line: one line saying what is wrong and what to do, exit 2, no traceback.

The table runs ``graphkit.cli.main`` (the console script's entry point) in-process, which is fast;
a few cases run the installed ``graphkit`` script in a subprocess, as a researcher would. Along a command's data
flow: its arguments, options, models folder, help and output here; where it writes in tests/test_cli_outputs.py;
the machine stopping it (a full disk, SQLite, Ctrl-C, a store held) in tests/test_cli_failures.py. The helpers
they and other test files share (`run_main`, `run`, `tree`, ...) are tests/cli_run.py's, the `work` fixture
conftest.py's.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from checkout_paths import ROOT
from cli_run import models_copy, one_article_store, run, run_main, tree

from graphkit.errors import GraphkitWarning
from graphkit.records import SCHEMA_VERSION
from graphkit.store import Store

# (command line, words the one error line must contain)
USER_ERRORS = [
    (["build", "corpsu", "--store", "s.gk"], "no folder at 'corpsu'"),
    (["build", "notes.txt", "--store", "s.gk"], "is a file, not a folder"),
    (["build", "empty", "--store", "s.gk"], "holds no .txt, .md or .html articles"),
    (["build", "corpus", "--store", "notes.txt"], "not a graphkit store"),
    (["build", "corpus", "--store", "corpus"], "is a folder"),
    # a store the corpus reader would take for an article (the next build read it as binary data and resolved again)
    (["build", "corpus", "--store", "corpus/graph.txt"], "--store 'corpus/graph.txt' is in the corpus folder 'corpus' "
     "under a name a build reads as an article; name it otherwise, e.g. corpus/graph.gk"),
    (["build", "corpus", "--store", "./corpus/news.md"], "is in the corpus folder"),
    # a trailing '/' names a folder: it made a store, or an output, called 'new' (typer's Path drops the '/')
    (["build", "corpus", "--store", "new/"], "'new/' ends with '/', a folder's name; give a file path, e.g. new/graph.gk"),
    (["claims", "--store", "new/"], "'new/' ends with '/', a folder's name"),
    (["view", "--store", "ok.gk", "-o", "new/"], "e.g. new/graph.html"),
    (["issues", "suggest", "--store", "ok.gk", "-o", "new/"], "e.g. new/issues.yaml"),
    (["export", "graphml", "--store", "ok.gk", "-o", "new/"], "'new/' ends with '/', a folder's name; give a file path"),
    (["export", "jsonl", "--store", "ok.gk", "-o", "new/"], "e.g. new/graph.jsonl"),  # all but neo4j's, a folder's
    (["build", "corpus", "--store", "s.gk", "--model", "en_core_web_nonesuch"], "'en_core_web_nonesuch' is not installed"),
    # fewer than one parsing process: the option's words, as every whole-number option says them, one check
    # (`parse_pool.workers_of`) for the command line and the notebook (it said pydantic's "Input should be greater than or
    # equal to 1", then its own "--workers 0: a build parses in one process at least ..." after the parser's check)
    (["build", "corpus", "--store", "s.gk", "--workers", "0"], "Invalid value for '--workers': '0' is below 1; give a "
     "whole number, 1 or more, e.g. --workers 2"),
    (["build", "corpus", "--store", "s.gk", "--workers", "-3"], "Invalid value for '--workers': '-3' is below 1"),
    (["build", "corpus"], "Missing option '--store'"),
    (["claims", "--store", "missing.gk"], "no store at 'missing.gk'"),
    (["claims", "--store", "notes.txt"], "not a graphkit store"),
    # an option's value out of range, or not a number: the option's words, what it takes and a value it takes (it said
    # pydantic's "Input should be less than or equal to 1", "Value error, 'xml' is not one of ...")
    (["claims", "--store", "ok.gk", "--format", "xml"], "Invalid value for '--format' / '-f': 'xml' is not an output "
     "format; give table, tsv, jsonl or csv; see `graphkit claims --help`"),
    (["claims", "--store", "ok.gk", "--min-confidence", "2"], "Invalid value for '--min-confidence': '2' is outside "
     "[0, 1]; give a score such as 0.6"),
    (["claims", "--store", "ok.gk", "--min-confidence", "high"], "'high' is not a number; give a score in [0, 1]"),
    (["claims", "--store", "ok.gk", "--limit", "-1"], "Invalid value for '--limit': '-1' is below 1; give a whole "
     "number, 1 or more, e.g. --limit 20"),
    (["claims", "--store", "ok.gk", "--limit", "ten"], "'ten' is not a whole number; give 1 or more, e.g. --limit 20"),
    # a stance is one of the stances' names, in any case (`query.stance_of`, as formats are)
    (["claims", "--store", "ok.gk", "--stance", "angry"], "Invalid value for '--stance': 'angry' is not a stance; give "
     "assert, deny"),
    (["export", "csv", "--store", "ok.gk", "-o", "c.csv", "--issue-score", "2"], "Invalid value for '--issue-score': "
     "'2' is outside [0, 1]; give a score such as 0.15 (an article's issue scores under 0.5"),
    (["contradictions", "--store", "ok.gk", "--min-score", "1.5"], "Invalid value for '--min-score': '1.5' is outside "
     "[0, 1]; give a score such as 0.7"),
    (["contradictions", "--store", "ok.gk", "--within", "-1"], "'-1' is below 0; give a whole number, 0 or more, e.g. "
     "--within 7"),
    (["view", "--store", "ok.gk", "-o", "v.html", "--actors", "0"], "Invalid value for '--actors': '0' is below 1"),
    (["build", "corpus", "--store", "s.gk", "--window", "-1"], "'-1' is below 0; give a whole number, 0 or more, e.g. "
     "--window 31"),
    (["build", "corpus", "--store", "s.gk", "--n-issues", "0"], "'0' is below 1; give a whole number, 1 or more, "
     "e.g. --n-issues 12"),
    (["issues", "suggest", "--store", "ok.gk", "-o", "i.yaml", "--n-issues", "two"], "'two' is not a whole number"),
    (["build", "corpus", "--store", "s.gk", "--workers", "1.5"], "Invalid value for '--workers': '1.5' is not a whole "
     "number; give 1 or more, e.g. --workers 2"),
    # a date the command line gives is answered in the command line's words, not the notebook's "since='last week'"
    (["claims", "--store", "ok.gk", "--since", "last week"], "Invalid value for '--since': 'last week' is not a date; "
     "give YYYY, YYYY-MM or YYYY-MM-DD, e.g. --since 2025-11-25; see `graphkit claims --help`"),
    (["claims", "--store", "ok.gk", "--until", "2025-02-30"], "Invalid value for '--until': '2025-02-30' is not a "
     "date; give YYYY, YYYY-MM or YYYY-MM-DD, e.g. --until 2025-11-25"),
    (["view", "--store", "ok.gk", "-o", "v.html", "--since", "yesterday"], "Invalid value for '--since': 'yesterday' "
     "is not a date"),
    (["export", "jsonl", "--store", "ok.gk", "-o", "c.jsonl", "--until", "12/2025"], "'12/2025' is not a date; give "
     "YYYY, YYYY-MM or YYYY-MM-DD, e.g. --until 2025-11-25"),
    (["export", "docx", "--store", "ok.gk", "-o", "out.docx"], "Invalid value for 'FORMAT': 'docx' is not an export "
     "format; give graphml, gexf, cytoscape, json, jsonl, csv or neo4j; see `graphkit export --help`"),
    (["export", "graphml", "--store", "ok.gk", "-o", "no/such/folder/g.graphml"], "does not exist"),
    (["export", "graphml", "--store", "ok.gk", "-o", "corpus"], "is a folder"),
    # a folder that is there: the example is the format's file ('e.g. corpus/graph.graphml' was said of any format)
    (["export", "jsonl", "--store", "ok.gk", "-o", "corpus"], "'corpus' is a folder; give a file name with -o, e.g. corpus/graph.jsonl"),
    (["export", "cytoscape", "--store", "ok.gk", "-o", "corpus"], "e.g. corpus/graph.cyjs"),
    (["export", "graphml", "--store", "missing.gk", "-o", "g.graphml"], "no store at"),
    (["view", "--store", "ok.gk", "-o", "no/such/folder/v.html"], "does not exist"),
    # neo4j writes a folder: made when missing, not the folders above it (it made them, unlike every other writer)
    (["export", "neo4j", "--store", "ok.gk", "-o", "no/such/folder/neo"], "no folder 'no/such/folder' to write into"),
    (["export", "neo4j", "--store", "ok.gk", "-o", "/dev/null"], "'/dev/null' is no folder, and a neo4j export writes"),
    # a file's name: its CSV files went into the stem's folder ('graph'), one the researcher never named
    (["export", "neo4j", "--store", "ok.gk", "-o", "graph.txt"], "'graph.txt' is a file's name (.txt), and a neo4j export "
     "writes a folder of CSV files; give a folder with -o, e.g. graph (a folder whose name has a dot: make it first)"),
    (["export", "neo4j", "--store", "ok.gk", "-o", "neo.csv"], "'neo.csv' is a file's name (.csv)"),
    (["export", "neo4j", "--store", "ok.gk", "-o", "data.v2"], "e.g. data (a folder whose name has a dot: make it first)"),
    (["view", "--store", "notes.txt", "-o", "v.html"], "not a graphkit store"),
    (["view", "--store", "ok.gk", "-o", "corpus"], "is a folder; give a file name with -o, e.g. corpus/graph.html"),
    (["issues", "suggest", "--store", "ok.gk", "-o", "corpus"], "e.g. corpus/issues.yaml"),
    (["issues", "suggest", "--store", "ok.gk", "-o", "no/such/folder/i.yaml"], "does not exist"),
    (["issues", "suggest", "--store", "missing.gk", "-o", "i.yaml"], "no store at"),
    (["frobnicate"], "No such command 'frobnicate'"),
    (["claims", "--store", "ok.gk", "--colour", "red"], "No such option"),
    (["claims", "--store", "ok.gk", "--limit", "0"], "Invalid value for '--limit': '0' is below 1"),
    (["claims", "--store", "ok.gk", "--doc", "nosuch"], "no article 'nosuch'"),
    (["export", "jsonl", "--store", "ok.gk", "-o", "c.jsonl", "--doc", "nosuch"], "no article 'nosuch'"),
    (["claims", "--store", "ok.gk", "--distinct", "yes"], "unexpected extra argument"),   # a flag takes no value
    # a device is no store (it said "an empty file ...: make one there" and "disk I/O error")
    (["claims", "--store", "/dev/null"], "'/dev/null' is no file (a device or a pipe); give a file path for the store"),
    (["build", "corpus", "--store", "/dev/null"], "'/dev/null' is no file (a device or a pipe)"),
    # an -o naming the store itself (or another database) would replace what it holds
    (["export", "graphml", "--store", "ok.gk", "-o", "ok.gk"], "'ok.gk' is a graphkit store: writing there would replace"),
    (["export", "jsonl", "--store", "ok.gk", "-o", "older.gk"], "'older.gk' is a graphkit store: writing there would"),
    (["export", "csv", "--store", "ok.gk", "-o", "other.db"], "'other.db' is an SQLite database: writing there would"),
    (["view", "--store", "ok.gk", "-o", "ok.gk"], "'ok.gk' is a graphkit store: writing there would replace"),
    (["issues", "suggest", "--store", "ok.gk", "-o", "ok.gk"], "'ok.gk' is a graphkit store: writing there would"),
    # knowledge files that cannot be read are said before anything is parsed or written
    (["build", "corpus", "--store", "s.gk", "--issues", "broken.yaml"], "broken.yaml is not valid YAML at line 2"),
    (["build", "corpus", "--store", "s.gk", "--actors", "latin1.yaml"], "latin1.yaml is not UTF-8 text (byte 0xe9"),
    (["build", "corpus", "--store", "s.gk", "--issues", "nosuch.yaml"], "--issues nosuch.yaml: no such file"),
    # entries that are no list (a traceback once the articles were parsed)
    (["build", "corpus", "--store", "s.gk", "--actors", "notalist.yaml"], "notalist.yaml: 'actors' is 3, not a list"),
    (["build", "corpus", "--store", "s.gk", "--issues", "notalist.yaml"],
     "notalist.yaml: 'issues' is 'council tax', not a list"),
    (["build", "corpus", "--store", "s.gk", "--issues", "empty"], "--issues empty is a folder; give the file in it, e.g. empty/issues.yaml"),
    (["build", "corpus", "--store", "s.gk", "--actors", "/dev/null"], "--actors /dev/null is no file (a device or a pipe)"),
    # a file that is no mapping is pointed to the format of the kind it was given as, not to its own name under
    # models/ ("see the format at the top of models/notes.txt")
    (["build", "corpus", "--store", "s.gk", "--actors", "notes.txt"],
     "notes.txt is not a mapping of keys to entries; see the format at the top of models/actors.yaml"),
    (["build", "corpus", "--store", "s.gk", "--issues", "notes.txt"], "see the format at the top of models/issues.yaml"),
    # a store this graphkit cannot write is said before a lock file is made beside it
    (["build", "corpus", "--store", "older.gk"], f"'older.gk' has the older schema {SCHEMA_VERSION - 1}; rebuild it"),
    (["build", "corpus", "--store", "newer.gk"], "'newer.gk' was written by a newer graphkit"),
    (["build", "corpus", "--store", "other.db"], "'other.db' is an SQLite file but not a graphkit store"),
    (["build", "corpus", "--store", "new/s.gk", "--model", "en_core_web_nonesuch"], "'en_core_web_nonesuch' is not installed"),
]


# folders nothing can be written in, even by root: /proc takes no new files (Linux)
if Path("/proc/self").is_dir():
    USER_ERRORS += [
        (["build", "corpus", "--store", "/proc/s.gk"], "cannot write beside the store '/proc/s.gk'"),
        (["build", "corpus", "--store", "/proc/no_such_folder/s.gk"], "cannot make the folder '/proc/no_such_folder'"),
        (["issues", "suggest", "--store", "ok.gk", "-o", "/proc/i.yaml"], "cannot write '/proc/i.yaml'"),
        (["export", "jsonl", "--store", "ok.gk", "-o", "/proc/c.jsonl"], "cannot write '/proc/c.jsonl'"),
        (["view", "--store", "ok.gk", "-o", "/proc/v.html"], "cannot write '/proc/v.html'"),
    ]


@pytest.mark.parametrize("args,words", USER_ERRORS, ids=[" ".join(a) for a, _ in USER_ERRORS])
def test_user_error_is_one_line_exit_2(work, args, words, capsys, monkeypatch):
    before = tree(work)
    proc = run_main(args, work, capsys, monkeypatch)
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("graphkit: error: ")
    assert words in lines[0], lines[0]
    assert "Input should be" not in lines[0] and "Value error" not in lines[0], lines[0]  # the validator's words
    # nothing half-written was left behind, and a build that could not start made nothing (no store, no lock file
    # beside it, no folder) and changed nothing
    assert tree(work) == before


#: (command line, words of its one line that README.md's bad-input table quotes): the table says what the command
#: says (it lacked the option errors, --issue-evidence and the neo4j -o of a file's name)
README_SAYS = [
    (["claims", "--store", "ok.gk", "--since", "yesterday"],
     "'yesterday' is not a date; give YYYY, YYYY-MM or YYYY-MM-DD, e.g. --since 2025-11-25"),
    (["claims", "--store", "ok.gk", "--min-confidence", "2"],
     "Invalid value for '--min-confidence': '2' is outside [0, 1]; give a score such as 0.6"),
    (["claims", "--store", "ok.gk", "--limit", "-1"], "'-1' is below 1; give a whole number, 1 or more, e.g. --limit 20"),
    (["build", "corpus", "--store", "s.gk", "--workers", "0"],
     "Invalid value for '--workers': '0' is below 1; give a whole number, 1 or more, e.g. --workers 2"),
    (["export", "bogus", "--store", "ok.gk", "-o", "x"],
     "'bogus' is not an export format; give graphml, gexf, cytoscape, json, jsonl, csv or neo4j"),
    (["claims", "--store", "ok.gk", "--issue-evidence", "trig"],
     "'trig' is not a way an issue is given; give own (the claim's own trigger words), learnt"),
    (["export", "neo4j", "--store", "ok.gk", "-o", "graph.txt"],
     "is a file's name (.txt), and a neo4j export writes a folder of CSV files; give a folder with -o, e.g."),
]


@pytest.mark.parametrize("args,words", README_SAYS, ids=[" ".join(a) for a, _ in README_SAYS])
def test_the_readme_quotes_what_a_bad_input_says(work, args, words, capsys, monkeypatch):
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    table = readme[readme.index("## What graphkit does with bad input"):readme.index("## Contradictions")]
    assert words in table, f"README.md's bad-input table does not say: {words}"
    proc = run_main(args, work, capsys, monkeypatch)
    assert proc.returncode == 2 and words in proc.stderr, proc.stderr


def _checked_options() -> list[tuple[str, str, object]]:
    """(command, option, check) of every option of every command that a `graphkit.cli._checked` parser checks, read
    off the commands' signatures (a new option is in here without a row written for it)."""
    import inspect

    from graphkit.cli import app

    out = []

    def walk(group, path):
        for command in group.registered_commands:
            name = f"{path} {command.name or command.callback.__name__}".strip()
            for option, param in inspect.signature(command.callback).parameters.items():
                parser = getattr(param.default, "parser", None)
                if hasattr(parser, "check"):
                    out.append((name, option, parser.check))
        for sub in group.registered_groups:
            walk(sub.typer_instance, f"{path} {sub.name or sub.typer_instance.info.name}".strip())

    walk(app, "")
    return out


CHECKED_OPTIONS = _checked_options()


def test_every_option_check_is_found():
    """The walk finds the checks (an empty list would pass the next test by saying nothing)."""
    found = {(command, option) for command, option, _ in CHECKED_OPTIONS}
    assert {("build", "workers"), ("claims", "since"), ("export", "format"), ("issues suggest", "n_issues"),
            ("contradictions", "within"), ("view", "actors"), ("claims", "format")} <= found, sorted(found)


@pytest.mark.parametrize("command, option, check", CHECKED_OPTIONS,
                         ids=[f"{c} {o}" for c, o, _ in CHECKED_OPTIONS])
def test_every_option_check_names_a_function(command, option, check):
    """`cli._checked` names most checks by a string (imported when a value comes: `graphkit build` starts its parse
    sooner without the query modules): a misspelt one passed every test but the option's own row, and on the command
    line ended in an AttributeError traceback at the first value given. `check_named` must give the very function
    named, ``graphkit.<module>.<function>``: one that checked nothing (a function taking any value) or put the look-up
    off to the first value (the traceback again) fails here, not only a misspelt name."""
    import importlib

    from graphkit.cli import check_named

    if isinstance(check, str):
        module, name = check.rsplit(".", 1)
        named = getattr(importlib.import_module(f"graphkit.{module}"), name)
    else:
        named = check
    assert check_named(check) is named, (command, option, check)


def _models_without_cues(work: Path) -> str:
    (work / "models").mkdir()
    return "models"


#: (what GRAPHKIT_MODELS names, words of the line): a models folder that is not there, or a file of it that is no
#: YAML (read by the parse, cues.yaml, or by the resolution after it, the others), is said before a build makes or
#: changes anything
MODELS_ERRORS = [
    (lambda work: "no_such_folder", "GRAPHKIT_MODELS=no_such_folder is no folder; point it at a copy of models/"),
    (lambda work: "notes.txt", "GRAPHKIT_MODELS=notes.txt is no folder"),
    (_models_without_cues, "cues.yaml is missing (GRAPHKIT_MODELS names models); copy cues.yaml there"),
    (lambda work: models_copy(work, "cues.yaml", b"verbs: [unclosed\n"), "models/cues.yaml is not valid YAML at line"),
    (lambda work: models_copy(work, "actors.yaml", b"actors: [unclosed\n"), "models/actors.yaml is not valid YAML"),
    (lambda work: models_copy(work, "links.yaml", "# caf\u00e9\n".encode("latin-1")), "links.yaml is not UTF-8 text"),
    (lambda work: models_copy(work, "person_nouns.txt", "# caf\u00e9\n".encode("latin-1")),
     "person_nouns.txt is not UTF-8 text"),
    (lambda work: models_copy(work, "communication_nouns.txt", "# caf\u00e9\n".encode("latin-1")),
     "communication_nouns.txt is not UTF-8 text"),
    (lambda work: models_copy(work, "verb_classes.txt", "# caf\u00e9\n".encode("latin-1")),
     "verb_classes.txt is not UTF-8 text"),
    (lambda work: models_copy(work, "attribution_filter.json", b"}"), "models/attribution_filter.json is not valid JSON"),
    (lambda work: models_copy(work, "attribution_tagger.json", b"}"), "models/attribution_tagger.json is not valid JSON"),
]


@pytest.mark.parametrize("store", ["s.gk", "ok.gk", "new/s.gk"])
@pytest.mark.parametrize("models,words", MODELS_ERRORS, ids=["missing folder", "a file", "no cues.yaml", "broken cues.yaml",
                                                           "broken actors.yaml", "latin-1 links.yaml",
                                                           "latin-1 person_nouns.txt",
                                                           "latin-1 communication_nouns.txt", "latin-1 verb_classes.txt",
                                                           "broken filter weights", "broken tagger weights"])
def test_a_models_folder_that_is_not_there_is_one_line_and_changes_nothing(work, models, words, store, capsys,
                                                                          monkeypatch):
    monkeypatch.setenv("GRAPHKIT_MODELS", models(work))
    before = tree(work)
    proc = run_main(["build", "corpus", "--store", store], work, capsys, monkeypatch)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith("graphkit: error: ") and words in line, line
    assert tree(work) == before


def test_models_broken_after_a_build_are_said_before_the_rebuild_changes_anything(work, capsys, monkeypatch):
    """The models' YAML is read again when it changed since the store's last build (the stamp that build kept)."""
    monkeypatch.setenv("GRAPHKIT_MODELS", models_copy(work))
    assert run_main(["build", "corpus", "--store", "s.gk", "-q"], work, capsys, monkeypatch).returncode == 0
    (work / "corpus" / "b.txt").write_text("Putin said the talks went well.")
    with open(work / "models" / "places.yaml", "a") as f:
        f.write("aliases: [unclosed\n")
    before = tree(work)
    proc = run_main(["build", "corpus", "--store", "s.gk", "-q"], work, capsys, monkeypatch)
    assert proc.returncode == 2 and "places.yaml is not valid YAML" in proc.stderr, proc.stderr
    assert tree(work) == before


def test_a_rebuild_with_the_models_unchanged_reads_no_yaml(work, capsys, monkeypatch):
    """Checking the models first costs a no-change rebuild nothing but a hash: it parses no YAML and no weights
    (importing PyYAML and parsing the models took ~35 ms of a ~50 ms rebuild)."""
    import graphkit.confidence
    import graphkit.knowledge

    assert run_main(["build", "corpus", "--store", "s.gk", "-q"], work, capsys, monkeypatch).returncode == 0

    def parsed(path, *args):
        raise AssertionError(f"{path} was parsed")

    monkeypatch.setattr(graphkit.knowledge, "_load", parsed)
    monkeypatch.setattr(graphkit.confidence, "read_model", parsed)
    proc = run_main(["build", "corpus", "--store", "s.gk", "-q"], work, capsys, monkeypatch)
    assert proc.returncode == 0 and "(0 parsed, 1 unchanged)" in proc.stdout, proc.stderr


def test_no_arguments_shows_help(work):
    proc = run([], cwd=work)
    assert "Usage" in proc.stdout + proc.stderr and "build" in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("flags, draws", [
    (["-q"], False),  # no bar: rich is not imported (its ~0.03 CPU s came before the parse could start)
    ([], True),       # a bar when stderr is a terminal: rich decides
])
def test_a_quiet_build_imports_no_progress_bar(work, flags, draws):
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "graphkit.cli", "build", "no_such_dir",
                           "--store", "s.gk", *flags], capture_output=True, text=True, timeout=300, cwd=work)
    assert proc.returncode == 2 and "no_such_dir" in proc.stderr  # the build's own one line
    assert any(line.rstrip().endswith("| rich.progress") for line in proc.stderr.splitlines()) == draws


SUBPROCESS_CASES = [USER_ERRORS[0], USER_ERRORS[9], USER_ERRORS[12]]


@pytest.mark.parametrize("args,words", SUBPROCESS_CASES, ids=[" ".join(a) for a, _ in SUBPROCESS_CASES])
def test_console_script_user_error_is_one_line_exit_2(work, args, words):
    proc = run(args, cwd=work)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith("graphkit: error: ") and words in line


@pytest.mark.parametrize("cmd", ["build", "claims", "export", "view"])
def test_every_command_has_help_with_an_example(work, cmd, capsys, monkeypatch):
    proc = run_main([cmd, "--help"], work, capsys, monkeypatch)
    assert proc.returncode == 0 and "Example: graphkit " + cmd in " ".join(proc.stdout.split())


def test_the_error_line_names_the_fix(work, capsys, monkeypatch):
    proc = run_main(["export", "docx", "--store", "ok.gk", "-o", "out.docx"], work, capsys, monkeypatch)
    line = proc.stderr.strip()
    for fmt in ("graphml", "gexf", "json", "jsonl", "csv", "neo4j"):
        assert fmt in line
    assert "graphkit export --help" in line


def test_an_empty_store_exports(work, capsys, monkeypatch):
    # not an error: an empty graph is written, and says so
    proc = run_main(["export", "graphml", "--store", "ok.gk", "-o", "g.graphml"], work, capsys, monkeypatch)
    assert proc.returncode == 0 and "0 nodes" in proc.stdout, proc.stderr
    proc = run_main(["claims", "--store", "ok.gk", "--format", "jsonl"], work, capsys, monkeypatch)
    assert proc.returncode == 0 and proc.stdout == ""


FILTERS = ["--speaker", "--issue", "--place", "--since", "--until", "--stance", "--doc", "--limit", "--min-confidence",
           "--segment", "--issue-score", "--issue-evidence"]


@pytest.mark.parametrize("cmd", ["claims", "export", "view"])
def test_commands_share_the_filter_options(work, cmd, capsys, monkeypatch):
    from graphkit.cli import FILTER_OPTIONS

    assert ["--" + n.replace("_", "-") for n in FILTER_OPTIONS][:len(FILTERS)] == FILTERS
    out = run_main([cmd, "--help"], work, capsys, monkeypatch).stdout
    for opt in FILTERS:
        assert opt in out, opt


@pytest.mark.parametrize("cmd,flags", [("claims", ["--distinct", "--all-reports"]),
                                       ("build", ["--strict", "--force", "--prune", "--quiet"])])
def test_flags_are_shown_without_a_value(work, cmd, flags, capsys, monkeypatch):
    out = run_main([cmd, "--help"], work, capsys, monkeypatch).stdout
    assert "<bool>" not in out and "--no-strict" not in out
    for f in flags:
        assert f in out


# -- output for people and for programs (the sample store) --------------------------------------------

TABLES = [(["claims"], 80), (["claims"], 60), (["claims", "--distinct"], 120), (["actors"], 80), (["actors"], 50),
          (["contradictions"], 80), (["unassigned"], 100)]


@pytest.mark.parametrize("args,width", TABLES, ids=[f"{' '.join(a)}@{w}" for a, w in TABLES])
def test_tables_fit_the_terminal(sample_store, tmp_path, args, width, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", str(width))
    proc = run_main([*args, "--store", sample_store, "--format", "table"], tmp_path, capsys, monkeypatch)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) > 5 and max(len(line) for line in lines) <= width
    assert sum(len(line.split()) <= 3 for line in lines) < len(lines) / 2     # not one word per line
    doc_ids = [p.stem for p in (sample_store.parent / "corpus").glob("*.txt")]
    for line in lines:                                                      # ids shown whole or cut with …, never broken
        for frag in line.replace("…", " ").split():
            if frag[:4].rstrip("_").isdigit() and "_" in frag and len(frag) > 4:
                assert any(d.startswith(frag) for d in doc_ids), frag


@pytest.mark.parametrize("args,header", [
    (["claims"], "date\tspeaker\tstance\tclaim\tissues\tdoc"),
    (["actors"], "name\ttype\tclaims\treports\troles\taliases"),
    (["claims", "--format", "tsv", "--limit", "3"], "date\tspeaker\tstance\tclaim\tissues\tdoc"),
])
def test_piped_output_is_tsv(sample_store, tmp_path, args, header, capsys, monkeypatch):
    proc = run_main([*args, "--store", sample_store], tmp_path, capsys, monkeypatch)   # capsys: not a terminal
    lines = proc.stdout.splitlines()
    assert lines[0] == header
    n = len(header.split("\t"))
    assert len(lines) > 1 and all(len(line.split("\t")) == n for line in lines)
    if "claims" in args:
        with Store(sample_store, readonly=True) as s:
            docs = {d.id for d in s.documents()}
        assert {line.split("\t")[-1] for line in lines[1:]} <= docs           # whole ids


def test_rebuild_summary_keeps_the_counts(sample_store, tmp_path, capsys, monkeypatch):
    """'claims: 93 (95 reports)' again on a rebuild with nothing changed, never '(0 reports)'."""
    import shutil

    corpus, store = tmp_path / "corpus", tmp_path / "s.gk"
    shutil.copytree(sample_store.parent / "corpus", corpus)
    shutil.copyfile(sample_store, store)
    with Store(store, readonly=True) as s:
        reports = s.count("claims")
        claims = s.db.execute("SELECT count(*) FROM claims WHERE same_as IS NULL").fetchone()[0]
    proc = run_main(["build", corpus, "--store", store, "-q"], tmp_path, capsys, monkeypatch)
    assert "(0 parsed, 5 unchanged)" in proc.stdout
    assert f"claims: {claims} ({reports} reports)" in proc.stdout


@pytest.mark.parametrize("args,written", [
    (["export", "graphml", "--store", "ok.gk", "-o", "g.graphml"], "g.graphml"),
    (["export", "jsonl", "--store", "ok.gk", "-o", "c.jsonl"], "c.jsonl"),
    (["export", "cytoscape", "--store", "ok.gk", "-o", "g.cyjs"], "g.cyjs"),
    (["export", "neo4j", "--store", "ok.gk", "-o", "neo"], "neo"),
    (["view", "--store", "ok.gk", "-o", "v.html"], "v.html"),
])
@pytest.mark.parametrize("umask,mode", [(0o022, 0o644), (0o027, 0o640)])
def test_written_files_follow_the_umask(work, args, written, umask, mode, capsys, monkeypatch):
    import os
    import stat

    old = os.umask(umask)
    try:
        proc = run_main(args, work, capsys, monkeypatch)
    finally:
        os.umask(old)
    assert proc.returncode == 0, proc.stderr
    out = work / written
    for f in ([*out.iterdir()] if out.is_dir() else [out]):
        assert stat.S_IMODE(f.stat().st_mode) == mode, (f.name, oct(f.stat().st_mode))
    assert not [p for p in work.iterdir() if p.name.endswith(".tmp")]    # atomic: no temp file left


@pytest.mark.parametrize("args", [["export", "NEO4J", "--store", "ok.gk", "-o", "neo"],
                                  ["export", "Jsonl", "--store", "ok.gk", "-o", "c.jsonl"],
                                  ["claims", "--store", "ok.gk", "-f", "JSONL"]], ids=lambda a: " ".join(a))
def test_a_format_is_named_in_any_case(work, args, capsys, monkeypatch):
    """One rule for a format's case: the notebook's g.write("NEO4J", ...) wrote, the command line refused it."""
    proc = run_main(args, work, capsys, monkeypatch)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("out,folder", [("neo", "neo"), ("neo/", "neo"), ("run.2", "run.2")])
def test_a_neo4j_export_writes_the_folder_named(work, out, folder, capsys, monkeypatch):
    """neo4j's CSVs go to the folder -o names, and the line says it; a folder whose name has a dot is taken once it
    is there (it was the stem's, 'run', which another export to 'run.1' wrote too)."""
    if "." in out:
        (work / out).mkdir()
    proc = run_main(["export", "neo4j", "--store", "ok.gk", "-o", out], work, capsys, monkeypatch)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"wrote {folder} (neo4j: ")
    assert (work / folder).is_dir() and not (work / "run").exists()  # (an empty store: no CSV file)


def test_min_confidence_keeps_the_surer_claims(sample_store, tmp_path, capsys, monkeypatch):
    def ids(*extra):
        proc = run_main(["claims", "--store", sample_store, "--format", "jsonl", *extra], tmp_path, capsys, monkeypatch)
        assert proc.returncode == 0, proc.stderr
        return [json.loads(line) for line in proc.stdout.splitlines()]

    every, sure = ids(), ids("--min-confidence", "0.9")
    assert sure and len(sure) < len(every) and all(c["confidence"] >= 0.9 for c in sure)
    proc = run_main(["claims", "--store", sample_store, "--min-confidence", "2"], tmp_path, capsys, monkeypatch)
    assert proc.returncode != 0 and "Traceback" not in proc.stderr


class _CountedPool:
    """A parse pool that forks nothing: it records how many workers the build asked of it and parses in this process."""

    asked: list = []

    def __init__(self, model=None, workers=2, **_kw):
        type(self).asked.append(workers)

    def extract(self, docs, started=None):
        from graphkit.parsing import extract_documents
        from graphkit.nlp import load_pipeline

        if started:
            started()
        yield from extract_documents(docs, load_pipeline(None))

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


#: (--workers, this machine's cores, the parsing processes the build asks for, what it says on stderr)
WORKERS = [
    ("999", 2, 2, "graphkit: --workers 999: this machine has 2 cores, so 2 parsing processes"),  # it forked 999
    ("3", 2, 2, "graphkit: --workers 3: this machine has 2 cores"),
    ("2", 2, 2, None),
    ("3", 8, 3, None),
]


@pytest.mark.parametrize("workers,cores,forked,said", WORKERS, ids=[f"{w} on {c}" for w, c, _, _ in WORKERS])
def test_more_workers_than_cores_parse_on_the_cores(work, workers, cores, forked, said, capsys, monkeypatch):
    """More parsing processes than cores would only take turns on them, each holding a pipeline in memory: the build
    runs as many as the cores and says so in one line (the store is the same whatever the number)."""
    import graphkit.parse_pool

    (work / "corpus" / "b.txt").write_text("Tom Hale said the plan was dead.")
    monkeypatch.setattr(graphkit.parse_pool, "machine_cores", lambda: cores, raising=False)
    monkeypatch.setattr(graphkit.parse_pool, "ParsePool", _CountedPool)
    monkeypatch.setattr(_CountedPool, "asked", [])
    proc = run_main(["build", "corpus", "--store", "s.gk", "--workers", workers, "-q"], work, capsys, monkeypatch)
    assert proc.returncode == 0, proc.stderr
    assert _CountedPool.asked == [forked]
    notes = [line for line in proc.stderr.splitlines() if "--workers" in line]
    assert [n[:len(said)] for n in notes] == ([said] if said else []), proc.stderr
    assert "claims: 2" in proc.stdout


def test_the_python_api_says_it_parses_on_the_cores(work, monkeypatch):
    """`graphkit.build(workers=999)` capped in silence: a notebook is told, as the command line is."""
    import graphkit.parse_pool
    from graphkit.build import build

    monkeypatch.setattr(graphkit.parse_pool, "machine_cores", lambda: 2)
    monkeypatch.setattr(graphkit.parse_pool, "ParsePool", _CountedPool)
    monkeypatch.setattr(_CountedPool, "asked", [])
    (work / "corpus" / "b.txt").write_text("Tom Hale said the plan was dead.")
    with pytest.warns(GraphkitWarning, match=r"workers=999: this machine has 2 cores, so 2 parsing processes"):
        build(work / "corpus", work / "s.gk", workers=999)
    assert _CountedPool.asked == [2]


def test_the_python_api_says_it_leaves_parse_ahead_out_with_workers(work, monkeypatch):
    """`graphkit.build(workers=2, parse_ahead=True)` dropped parse_ahead without a word (the command line said it):
    a notebook is told, and the workers parse as asked."""
    import graphkit.parse_pool
    from graphkit.build import build

    monkeypatch.setattr(graphkit.parse_pool, "machine_cores", lambda: 2)
    monkeypatch.setattr(graphkit.parse_pool, "ParsePool", _CountedPool)
    monkeypatch.setattr(_CountedPool, "asked", [])
    (work / "corpus" / "b.txt").write_text("Tom Hale said the plan was dead.")
    with pytest.warns(GraphkitWarning, match=r"parse_ahead is for one worker: the 2 workers parse, each in its own "
                                         r"process; it is left out"):
        build(work / "corpus", work / "s.gk", workers=2, parse_ahead=True)
    assert _CountedPool.asked == [2]


@pytest.mark.parametrize("workers", [0, -1])
def test_the_python_api_refuses_fewer_than_one_worker(work, workers):
    """`graphkit.build(workers=0)` built in one process as if nothing were wrong."""
    from graphkit.build import build
    from graphkit.errors import GraphkitError

    with pytest.raises(GraphkitError, match=rf"workers={workers} is below 1; give a whole number, 1 or more, e.g. "
                                            r"workers=2"):
        build(work / "corpus", work / "s.gk", workers=workers)
    assert not (work / "s.gk").exists()


@pytest.mark.parametrize("option, said", [
    ({"workers": "two"}, r"workers='two' is not a whole number; give 1 or more, e.g. workers=2"),
    ({"workers": 1.5}, r"workers=1.5 is not a whole number; give 1 or more, e.g. workers=2"),
    ({"window_days": -1}, r"window_days=-1 is below 0; give a whole number, 0 or more, e.g. window_days=\d+"),
    ({"window_days": "a month"}, r"window_days='a month' is not a whole number; give 0 or more"),
    ({"n_issues": 0}, r"n_issues=0 is below 1; give a whole number, 1 or more, e.g. n_issues=12"),
    ({"n_issues": "x"}, r"n_issues='x' is not a whole number; give 1 or more"),
])
def test_the_python_api_answers_a_bad_workers_or_window_in_one_line(work, option, said):
    """`graphkit.build(workers="two")` ended in a TypeError traceback, `window_days=-1` linked no contradictions
    without a word and `n_issues=0` discovered in silence (-2 a bare ValueError): each is one line naming the
    argument, and no store is made."""
    from graphkit.build import build
    from graphkit.errors import GraphkitError

    with pytest.raises(GraphkitError, match=said):
        build(work / "corpus", work / "s.gk", **option)
    assert not (work / "s.gk").exists()


@pytest.mark.parametrize("n_issues, said", [
    (0, r"n_issues=0 is below 1; give a whole number, 1 or more, e.g. n_issues=12"),
    (-1, r"n_issues=-1 is below 1; give a whole number, 1 or more, e.g. n_issues=12"),
    ("x", r"n_issues='x' is not a whole number; give 1 or more, e.g. n_issues=12"),
    (2.5, r"n_issues=2.5 is not a whole number; give 1 or more, e.g. n_issues=12"),
])
def test_the_python_api_suggest_answers_a_bad_n_issues_as_the_build_does(sample_store, n_issues, said):
    """`graphkit.suggest.suggest(store, n_issues=0)` (a notebook's call of `graphkit issues suggest`) gave the
    build's issues without a word, -1 a bare ValueError of the clustering, 2.5 two issues: each is the build's and
    ``--n-issues``' one line (`graphkit.discover.n_issues_of`), said before the store is read."""
    from graphkit.errors import GraphkitError
    from graphkit.suggest import suggest

    with pytest.raises(GraphkitError, match=said):
        suggest(sample_store, n_issues=n_issues)


HELPS = [["build"], ["claims"], ["export"], ["view"], ["actors"], ["problems"], ["unassigned"], ["contradictions"],
         ["issues", "list"], ["issues", "suggest"]]


@pytest.mark.parametrize("command", HELPS, ids=" ".join)
def test_a_commands_help_is_wrapped_by_the_terminal_alone(command, tmp_path):
    """In an 80-column terminal each line of a help paragraph but its last is full: the next word would not fit. typer
    kept the line breaks of the docstring's later paragraphs, so build's and export's broke where the source did
    ("... read when present; with no issue" / "taxonomy, issues are discovered ...")."""
    proc = subprocess.run([sys.executable, "-m", "graphkit.cli", *command, "--help"], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "80"}, cwd=tmp_path)  # (rich's help as a terminal shows it)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    prose = [ln.strip() for ln in lines[next(i for i, ln in enumerate(lines) if "Usage:" in ln) + 1:
                                       next(i for i, ln in enumerate(lines) if ln.startswith("╭"))]]
    for line, after in zip(prose, prose[1:]):
        if line and after:  # two lines of one paragraph: the first ends where the terminal's width ends it
            assert len(line) + 1 + len(after.split()[0]) > 78, f"{line!r} then {after!r}"


# (a command naming what the store does not hold; the command the error says lists the names, {store} the store's path)
NAME_HINTS = [
    (["claims", "--speaker", "Nobody"], "graphkit actors --store {store} lists every speaker"),
    (["claims", "--issue", "Brexit"], "graphkit issues list --store {store} lists the store's issues"),
    (["claims", "--place", "Atlantis"], "the places column of graphkit claims --store {store} --format csv lists"),
    (["claims", "--doc", "005_nothere"], "the doc column of graphkit claims --store {store} lists the articles"),
    (["export", "jsonl", "-o", "c.jsonl", "--speaker", "Nobody"], "graphkit actors --store {store} lists"),
    (["view", "-o", "v.html", "--issue", "Brexit"], "graphkit issues list --store {store} lists"),
]


@pytest.mark.parametrize("args,says", NAME_HINTS, ids=[f"{i:02d}" for i in range(len(NAME_HINTS))])
def test_a_name_that_matches_nothing_says_the_command_that_lists_them(sample_store, tmp_path, capsys, monkeypatch,
                                                                      args, says):
    """A command line's user is told the command (with the store as given), not the notebook's ``g.actors()``."""
    proc = run_main([args[0], *args[1:], "--store", sample_store], tmp_path, capsys, monkeypatch)
    line = " ".join(proc.stderr.split())
    assert proc.returncode == 2 and says.format(store=sample_store) in line, line
    assert not re.search(r"\bg\.\w+\(\)", line) and "Traceback" not in line   # no g.actors(): the notebook's way


# (the build's options after an article's file was renamed; its exit code; the line it says of the renamed file): the
# store reports the article's claims twice, under its old name and its new, until --prune drops the old one; --strict
# fails while it does (a strict build's store holds what the folder holds), the line above the error saying the fix
RENAMED_STRICT = [
    (["--strict"], 2, "degraded: renamed.txt: the same text as '003_9b6d43ba622d0a39', an article of the store whose "
                      "file is gone (renamed?)"),
    (["--strict", "--prune"], 0, None),
    ([], 0, "degraded: renamed.txt: the same text as '003_9b6d43ba622d0a39'"),
]


@pytest.mark.parametrize("options,rc,says", RENAMED_STRICT, ids=[" ".join(r[0]) or "plain" for r in RENAMED_STRICT])
def test_strict_fails_on_a_renamed_article_until_it_is_pruned(tmp_path, capsys, monkeypatch, options, rc, says):
    one_article_store(tmp_path)
    (tmp_path / "corpus" / "003_9b6d43ba622d0a39.txt").rename(tmp_path / "corpus" / "renamed.txt")
    meta = tmp_path / "corpus" / "metadata.jsonl"       # its row follows it: one naming no file is a problem of its own
    meta.write_text(meta.read_text(encoding="utf-8").replace('"003_9b6d43ba622d0a39"', '"renamed"'), encoding="utf-8")
    proc = run_main(["build", "corpus", "--store", "s.gk", "-q", *options], tmp_path, capsys, monkeypatch)
    assert proc.returncode == rc, proc.stderr
    said = [line for line in proc.stdout.splitlines() if "renamed.txt" in line]
    assert (said[0].startswith(says) if says else said == []), said
    if rc:
        assert proc.stderr.strip() == "graphkit: error: 1 file(s) skipped or degraded (--strict); see the list above"
