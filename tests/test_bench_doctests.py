"""The suite runs the docstring examples of every bench script: the README's test command (``pytest``, no
arguments) collects bench/*.py with ``--doctest-modules`` (pyproject.toml's ``testpaths``), so a bench script's
wrong example, or its import of a name another branch moved, fails the suite. One home: no test runs a bench
script's examples on its own."""

import re
import subprocess
import sys

from checkout_paths import ROOT


def _suite_settings() -> str:
    """The suite's own pytest settings: pyproject.toml's ``[tool.pytest.ini_options]`` table as it is written."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    table = text[text.index("[tool.pytest.ini_options]"):]
    end = re.search(r"^\[", table[1:], re.M)
    return table[:end.start() + 1] if end else table


def test_a_bench_script_with_a_wrong_example_fails_the_readme_test_command(tmp_path):
    """A checkout with the suite's settings, one test and a bench script with a right and a wrong example: the
    README's command (no arguments) runs both examples and reports the wrong one (bench/ out of ``testpaths``, or
    no ``--doctest-modules``: the script's examples never run, and this row fails)."""
    (tmp_path / "pyproject.toml").write_text(_suite_settings(), encoding="utf-8")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_one.py").write_text("def test_one():\n    assert True\n", encoding="utf-8")
    (tmp_path / "bench").mkdir()
    (tmp_path / "bench" / "some_bench.py").write_text(
        '"""A bench script."""\n\n\ndef double(x):\n    """>>> double(2)\n    4\n    """\n    return 2 * x\n\n\n'
        'def half(x):\n    """>>> half(4)\n    3.0\n    """\n    return x / 2\n', encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rf"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "FAILED bench/some_bench.py::some_bench.half" in run.stdout
    assert "1 failed, 2 passed" in run.stdout
