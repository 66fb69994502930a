"""bench/bench_cpu.py runs each ``--src`` checkout's graphkit, from wherever the bench is started."""

import sys
from pathlib import Path

import pytest
from checkout_paths import ROOT

sys.path.insert(0, str(ROOT / "bench"))

FAKE_CLI = "import pathlib, sys\npathlib.Path(sys.argv[sys.argv.index('--store') + 1]).write_text(__file__)\n"


@pytest.mark.parametrize("started_in", ["the checkout's root", "elsewhere"])
def test_each_checkout_runs_its_own_graphkit(tmp_path, monkeypatch, started_in):
    """A checkout whose ``graphkit.cli`` only writes its own path where the store would be: its command, run from this
    checkout's root (where ``python -m`` found this checkout's graphkit first, ahead of ``PYTHONPATH``) or from
    elsewhere, runs that checkout's code."""
    from bench_cpu import commands, cpu_of

    other = tmp_path / "other"
    (other / "graphkit").mkdir(parents=True)
    (other / "graphkit" / "__init__.py").write_text("")
    (other / "graphkit" / "cli.py").write_text(FAKE_CLI)
    (tmp_path / "corpus").mkdir()
    monkeypatch.chdir(ROOT if started_in == "the checkout's root" else tmp_path)
    cmd, env, store = commands(Path("corpus") if started_in == "elsewhere" else tmp_path / "corpus", [other],
                               tmp_path)[str(other)]
    cpu_of(cmd, env)
    assert store.read_text() == str(other / "graphkit" / "cli.py")
