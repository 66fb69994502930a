"""bench/command_parts.py: a sampled stack's phase and part, and each phase's main-thread CPU from the checkpoints."""

import sys
from collections import Counter
from pathlib import Path

import pytest
from checkout_paths import ROOT

sys.path.insert(0, str(ROOT / "bench"))

# the path a build command takes, as py-spy writes it: graphkit.cli.main, graphkit.program.run and _status, typer's and
# click's calls, the build command (graphkit/cli.py), graphkit.build.build
COMMAND = ("main (graphkit/cli.py:614);run (graphkit/program.py:53);_status (graphkit/program.py:96);"
           "Typer.__call__ (typer/main.py:1126);Command.__call__ (typer/_click/core.py:809);"
           "TyperGroup.main (typer/core.py:1305);_main (typer/core.py:332);TyperGroup.invoke (typer/core.py:1227);"
           "Command.invoke (typer/_click/core.py:748);Context.invoke (typer/_click/core.py:490);"
           "get_callback.<locals>.wrapper (typer/main.py:1445);build (graphkit/cli.py:237);"
           "build (graphkit/build.py:148)")
BUILD = COMMAND + ";update_store (graphkit/build.py:254);parse_changed (graphkit/build.py:351)"
PIPE = BUILD + ";_extract (graphkit/parsing.py:108);Language.pipe (spacy/language.py:1618)"
TABLES = PIPE + ";_pipe (spacy/util.py:1763);_TableComponent.pipe (graphkit/annotate.py:86)"
BARE = "main (command_checkpoints.py:191);bare (command_checkpoints.py:153);Language.pipe (spacy/language.py:1618)"
RESOLVE = COMMAND + ";update_store (graphkit/build.py:425);resolve_store (graphkit/resolution.py:90)"

STACKS = [  # (a main-thread stack as py-spy writes it, outermost first; its phase and part)
    (TABLES + ";_pipe (spacy/util.py:1763)", ("parse", "spaCy's own components")),  # the parser under graphkit's pipe
    (TABLES + ";TableAttributeRuler.__call__ (graphkit/annotate.py:257)", ("parse", "table annotators")),
    (TABLES + ";_paragraph_breaks (graphkit/nlp.py:104)", ("parse", "paragraph breaks")),
    (PIPE + ";_pipe (spacy/util.py:1775);AttributionComponent.__call__ (graphkit/attribution.py:669);"
            "_finish (graphkit/attribution.py:531)", ("parse", "attribution component")),
    (PIPE + ";_pipe (spacy/util.py:1775);AttributionComponent.__call__ (graphkit/attribution.py:669);"
            "filter_spans (spacy/util.py:1200)", ("parse", "spaCy's own components")),  # spaCy's code it calls
    (BUILD + ";_extract (graphkit/parsing.py:116);extract_parsed (graphkit/extract.py:306);"
             "keyphrases (graphkit/keyphrases.py:50)", ("parse", "extract_parsed: filter, dates, keyphrases, contexts")),
    (BUILD + ";write_extractions (graphkit/build.py:404);put_article (graphkit/store.py:384)",
     ("parse", "store writes (SQLite)")),
    (BUILD + ";write_extractions (graphkit/build.py:400);model_dump_json (pydantic/main.py:477)",
     ("parse", "records and their JSON")),
    (BUILD + ";write_extractions (graphkit/build.py:407);warm_resolution (graphkit/build.py:450);"
             "import_sklearn (graphkit/issue_learning.py:150)", ("scikit-learn's import (main thread)", "")),
    (BUILD + ";load_pipeline (graphkit/nlp.py:216);load (spacy/__init__.py:51)", ("start and exit", "")),
    (BARE + ";_pipe (spacy/util.py:1763)", ("parse", "spaCy's own components")),
    (BARE + ";_pipe (spacy/util.py:1763);__call__ (spacy/pipeline/lemmatizer.py:160)",
     ("parse", "spaCy's attribute ruler and lemmatizer")),
    (BARE.rsplit(";", 1)[0] + ";load (spacy/__init__.py:51)", ("start and exit", "")),
    (RESOLVE + ";resolve_speakers (graphkit/resolution.py:200);resolve_actors (graphkit/resolve.py:30)",
     ("resolution", "actors")),
    (RESOLVE + ";claim_issues (graphkit/kept.py:300)", ("resolution", "issues")),
    (RESOLVE + ";read_resolution_inputs (graphkit/resolution.py:120)", ("resolution", "read")),
    (RESOLVE + ";assemble_claims (graphkit/resolution.py:400)", ("resolution", "claims")),
    # the program's own frames, before the command runs and as it leaves (graphkit.program)
    (COMMAND.split(";Command.__call__")[0], ("start and exit", "")),
    ("main (graphkit/cli.py:614);run (graphkit/program.py:58);leave (graphkit/program.py:170)", ("start and exit", "")),
]


@pytest.mark.parametrize("stack,expected", STACKS, ids=[f"{i:02d}" for i in range(len(STACKS))])
def test_a_sample_is_put_in_its_phase_and_part(stack, expected):
    from command_parts import part_of

    assert part_of(stack) == expected


#: (a resolution sample, the stage `graphkit.resolution.resolve_store`'s clock counts it in): command_parts' stage and
#: tail_parts' come from one table (`tail_parts.PARTS`); the rows marked fail with the table command_parts kept before
RESOLUTION_STAGES = [
    (RESOLVE + ";resolve_speakers (graphkit/resolution.py:170);resolve_actors (graphkit/resolve.py:30)", "actors"),
    (RESOLVE + ";said_abroad (graphkit/store_issues.py:60)", "issues"),
    (RESOLVE + ";assemble_claims (graphkit/resolution.py:400)", "claims"),  # marked: 'other' before
    (RESOLVE + ";merge_reports_kept (graphkit/resolution.py:232);merge_reports (graphkit/statements.py:500)", "merge"),
    (RESOLVE + ";kept_contradictions (graphkit/kept.py:430);opposed_pairs (graphkit/contradict.py:700)",
     "contradictions"),
    (RESOLVE + ";keep_text_words (graphkit/kept.py:600)", "write"),  # marked: 'other' before (the write's own stage)
    (RESOLVE + ";kept_text_words (graphkit/kept.py:580)", "read"),  # marked: 'other' before (the read's own stage)
    (RESOLVE + ";write_resolved (graphkit/resolution.py:300);replace_resolved (graphkit/store.py:700)", "write"),
]


@pytest.mark.parametrize("stack,stage", RESOLUTION_STAGES, ids=[f"{i:02d}" for i in range(len(RESOLUTION_STAGES))])
def test_both_sampling_scripts_put_a_resolution_sample_in_one_stage(stack, stage):
    from command_parts import part_of
    from tail_parts import part_of as tail_part

    assert part_of(stack) == ("resolution", stage) and tail_part(stack)[0] == stage


def _event(name, thread, cpu=None):
    return {"event": name, "thread": thread, "cpu": thread if cpu is None else cpu}


GRAPHKIT_EVENTS = [_event("python and site", 0.02), _event("pipeline loaded", 1.0),
                   _event("scikit-learn import (main)", 3.0), _event("scikit-learn imported (main)", 3.5),
                   _event("parse end, resolve", 14.0), _event("scikit-learn import (main)", 14.6),
                   _event("scikit-learn imported (main)", 14.6), _event("resolved", 15.1),
                   _event("atexit", 15.2, cpu=15.5)]
IN_THE_RESOLUTION = [_event("python and site", 0.02), _event("pipeline loaded", 1.0), _event("parse end, resolve", 12.0),
                     _event("scikit-learn import (main)", 12.6), _event("scikit-learn imported (main)", 13.1),
                     _event("resolved", 13.5), _event("atexit", 13.6)]
BARE_EVENTS = [_event("python and site", 0.02), _event("numpy's BLAS", 1.1), _event("pipe done", 12.5),
               _event("atexit", 12.6)]


@pytest.mark.parametrize("events,expected", [
    (GRAPHKIT_EVENTS, {"start and exit": 1.1, "parse": 12.5, "scikit-learn's import (main thread)": 0.5,
                       "resolution": 1.1, "warm-up thread": 0.3}),  # the second, no-op import is the resolution's
    (BARE_EVENTS, {"start and exit": 1.2, "parse": 11.4, "scikit-learn's import (main thread)": 0.0,
                   "resolution": 0.0, "warm-up thread": 0.0}),
    (IN_THE_RESOLUTION, {"start and exit": 1.1, "parse": 11.0, "scikit-learn's import (main thread)": 0.0,
                         "resolution": 1.5, "warm-up thread": 0.0}),  # imported by the fit: the resolution's
], ids=["graphkit", "bare", "imported in the resolution"])
def test_each_phase_takes_its_checkpoints_main_thread_cpu(events, expected):
    from command_parts import phase_cpu

    assert phase_cpu(events) == pytest.approx(expected)


def test_a_phase_is_split_by_its_samples_and_an_unsampled_phase_kept_whole():
    from command_parts import rows

    counts = Counter({("parse", "spaCy's own components"): 3, ("parse", "table annotators"): 1})
    out = rows(BARE_EVENTS, counts)
    assert out[("parse", "spaCy's own components")] == pytest.approx(11.4 * 3 / 4)
    assert out[("parse", "table annotators")] == pytest.approx(11.4 / 4)
    assert out[("start and exit", "")] == pytest.approx(1.2)


PY_SPY = {"beside the interpreter": "#!/bin/sh\n", "failing": "#!/bin/sh\necho 'no such process' >&2\nexit 1\n"}


@pytest.mark.parametrize("where", ["beside the interpreter", "nowhere", "failing"])
def test_py_spy_is_found_beside_the_interpreter_and_what_fails_said_in_one_line(tmp_path, monkeypatch, capsys, where):
    """A virtual environment's py-spy is found without the environment on the PATH; none anywhere: one line saying
    how to install it, before anything runs; a sampled command that fails: one line with its last words."""
    import command_parts

    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("Ann Lee said so.", encoding="utf-8")
    (tmp_path / "bin").mkdir()
    if where in PY_SPY:
        (tmp_path / "bin" / "py-spy").write_text(PY_SPY[where])
        (tmp_path / "bin" / "py-spy").chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "bin" / "python"))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    if where == "beside the interpreter":
        assert command_parts.py_spy() == str(tmp_path / "bin" / "py-spy")
        return
    monkeypatch.setattr(sys, "argv", ["command_parts.py", str(tmp_path / "corpus"), "--keep", str(tmp_path / "k")])
    with pytest.raises(SystemExit) as e:
        command_parts.main()
    said = [str(e.value.code)] if where == "failing" else capsys.readouterr().err.strip().splitlines()
    expected = ("command_parts: error: the bare command failed (no such process); run it alone: "
                "python bench/command_checkpoints.py bare" if where == "failing" else
                'command_parts: error: py-spy is not installed; pip install -e ".[bench]"')
    assert len(said) == 1 and said[0].startswith(expected), said


def test_the_bench_extra_declares_the_py_spy_the_error_line_installs():
    """py-spy is a program the bench runs, not a module it imports: declared in the ``bench`` extra with a lower
    bound as the other requirements are (0.4 reads every Python requires-python allows), and the line said when it
    is missing installs that extra."""
    tomllib = pytest.importorskip("tomllib", reason="Python 3.11+ reads pyproject.toml")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["optional-dependencies"]["bench"] == ["py-spy>=0.4"]
    assert 'pip install -e ".[bench]"' in (ROOT / "bench" / "command_parts.py").read_text(encoding="utf-8")


def test_the_checkpoints_are_written_as_json_with_the_peak(monkeypatch):
    """command_checkpoints ``--out FILE.json``: what command_parts reads, the peak resident MB so far with each."""
    import json

    import command_checkpoints

    monkeypatch.setattr(command_checkpoints, "EVENTS", [])
    command_checkpoints.event("start")
    (row,) = json.loads(command_checkpoints.as_json())
    assert set(row) == set(command_checkpoints.FIELDS) and row["event"] == "start"
    assert row["peak_mb"] > 0 and row["rss_mb"] > 0  # the kernel updates the peak lazily: it may trail the resident


def test_pair_options_gives_the_median_faults_and_a_dash_for_rows_without_them():
    """pair_options' table: each variant's median minor faults (new in run BU), '–' for rows of an older log."""
    from pair_options import summary

    rows = [{"round": k, "variant": v, "wall": 10.0, "cpu": 9.0, "peak_mb": 700, **({"minflt": f} if f else {})}
            for k, (v, f) in enumerate([("a", 100), ("b", 300), ("a", 200), ("b", None)])]
    rows[2]["round"] = rows[3]["round"] = 1
    rows[0]["round"] = rows[1]["round"] = 0
    table = summary(rows, ["a", "b"])
    assert table[2].split(" | ")[4] == "150" and table[3].split(" | ")[4] == "–"


@pytest.mark.parametrize("threads,expected", [
    (True, ["record", "--nonblocking", "--threads", "-r", "250", "-f", "raw", "-o", "RAW", "--", "prog", "arg"]),
    (False, ["record", "--nonblocking", "-r", "250", "-f", "raw", "-o", "RAW", "--", "prog", "arg"]),
], ids=["command_parts: each thread apart", "tail_parts: the stacks alone"])
def test_py_spy_records_each_scripts_command_one_way(tmp_path, threads, expected):
    """`record` is the one py-spy command line of the sampling scripts: non-blocking, raw samples into the file
    given, the command after ``--``; ``--threads`` only where the script reads each thread apart (command_parts)."""
    from command_parts import record

    spy = tmp_path / "py-spy"
    spy.write_text('#!/bin/sh\nfor a in "$@"; do echo "$a"; done > "$(dirname "$0")/args"\n')
    spy.chmod(0o755)
    raw = tmp_path / "x.spy"
    done = record(str(spy), raw, 250, ["prog", "arg"], threads=threads, capture_output=True)
    assert done.returncode == 0
    said = (tmp_path / "args").read_text().splitlines()
    assert said == [str(raw) if a == "RAW" else a for a in expected]


def _checkpoints_and_samples(command, raw, stack):
    """What a sampled command_checkpoints.py run leaves: its checkpoints at --out, its samples in ``raw``."""
    import json

    out = Path(command[command.index("--out") + 1])
    events = [dict(e) for e in (GRAPHKIT_EVENTS if "graphkit" in command else BARE_EVENTS)]
    events[-1].update(sys=0.5, minflt=1000, peak_mb=600)  # what the whole-command rows read of the last
    out.write_text(json.dumps(events), encoding="utf-8")
    raw.write_text(f"MainThread;{stack} 3\n", encoding="utf-8")


@pytest.mark.parametrize("script", ["command_parts", "tail_parts"])
def test_each_sampling_script_asks_for_py_spy_once_and_reads_each_runs_samples(script, tmp_path, monkeypatch, capsys):
    """py-spy is looked for once, before anything runs (each run was asking again), and every run's raw samples are
    read by `command_parts.raw_stacks` into the script's table (fails with py_spy asked in each run)."""
    import subprocess

    import command_parts

    asked = []
    monkeypatch.setattr(command_parts, "py_spy", lambda: asked.append(1) or "/usr/bin/py-spy")

    def record(spy, raw, rate, command, **how):
        assert spy == "/usr/bin/py-spy"
        if script == "command_parts":
            _checkpoints_and_samples(command, raw, RESOLVE + ";claim_issues (graphkit/kept.py:300)")
            return subprocess.CompletedProcess(command, 0, stdout=None, stderr="")
        raw.write_text(RESOLVE + ";resolve_speakers (graphkit/resolution.py:170) 3\nmain (a.py:1) 5\n", encoding="utf-8")
        return subprocess.CompletedProcess(command, 0, stdout='{"resolve_cpu": 0.9}\n', stderr="")

    monkeypatch.setattr(command_parts, "record", record)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("Ann Lee said so.", encoding="utf-8")
    module = __import__(script)
    monkeypatch.setattr(sys, "argv", [f"{script}.py", str(tmp_path / "corpus"), "--keep", str(tmp_path / "k"),
                                      *(["--runs", "3"] if script == "tail_parts" else [])])
    module.main()
    out = capsys.readouterr().out
    assert asked == [1]
    expected = ("| resolution | issues | 1.10 | 0.00 |" if script == "command_parts" else
                "| actors | the rest (the resolver's other corpus tables, actor records) | every article | 0.900 | 100 % |")
    assert expected in out.splitlines(), out
