"""Every notebook in notebooks/ runs top to bottom on a clean kernel, and is committed without outputs.

The notebooks open the sample store the session already built (conftest.sample_store), passed in the
GRAPHKIT_STORE environment variable, and write their exports to a temporary GRAPHKIT_OUT folder; the
working directory is notebooks/, as when a researcher opens them in Jupyter.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
from checkout_paths import ROOT

nbformat = pytest.importorskip("nbformat", reason="nbformat is in the test extra: pip install -e '.[test]'")
nbclient = pytest.importorskip("nbclient", reason="nbclient is in the test extra: pip install -e '.[test]'")

NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
IDS = [p.stem for p in NOTEBOOKS]


def test_the_walkthrough_is_there():
    assert NOTEBOOK_DIR / "walkthrough.ipynb" in NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_committed_notebook_has_no_outputs(path):
    """Outputs are produced by the tests, never committed stale: clear them before committing."""
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    stale = [i for i, c in enumerate(nb.cells)
             if c.cell_type == "code" and (c.outputs or c.execution_count is not None)]
    assert not stale, f"{path.name}: code cells {stale} hold outputs; clear them (Jupyter: Edit > Clear Outputs of All Cells)"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_imports_only_the_public_api(path):
    nb = nbformat.read(path, as_version=4)
    src = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "import graphkit" in src
    assert "from graphkit" not in src and "graphkit." not in src.replace("graphkit.open", "").replace("graphkit.build", "")


def _kernel_available() -> bool:
    """A python3 kernel: ipykernel installed (jupyter_client then runs it with this interpreter)."""
    try:
        import ipykernel  # noqa: F401
        from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
    except ImportError:
        return False
    try:
        KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel:
        return False
    return True


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_runs_clean(path, sample_store, tmp_path, monkeypatch):
    if not _kernel_available():
        pytest.skip("no python3 Jupyter kernel: pip install ipykernel (in the test extra)")
    monkeypatch.setenv("GRAPHKIT_STORE", str(sample_store))
    monkeypatch.setenv("GRAPHKIT_OUT", str(tmp_path / "out"))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=False,
                                     resources={"metadata": {"path": str(NOTEBOOK_DIR)}})
    client.execute()          # raises CellExecutionError, naming the cell, on the first error
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code)
    for i, c in enumerate(code):
        for out in c.outputs:
            assert out.output_type != "error", f"cell {i}: {out.get('ename')}: {out.get('evalue')}"
            if out.output_type == "stream" and out.name == "stderr":
                rest, upstream = split_deprecations(out.text)
                if rest.strip():
                    pytest.fail(f"{path.name} cell {i} wrote to stderr (a warning?): {rest[:500]}")
                for w in upstream:  # shown in pytest's summary for whoever updates the notebook
                    warnings.warn(f"{path.name} cell {i}: {w[:500]}", UserWarning)
    if path.stem == "walkthrough":
        _check_walkthrough(code, tmp_path / "out")
    if path.stem == "your_articles":
        _check_your_articles(code, tmp_path / "out")


#: the warnings a new release of pandas, matplotlib, networkx ... adds to an API the notebook (or graphkit) calls
DEPRECATIONS = ("DeprecationWarning", "PendingDeprecationWarning", "FutureWarning")
_WARNING_HEADER = re.compile(r"^\S.*?:\d+: (\w+): ", re.M)  # warnings.formatwarning: FILE:LINE: Category: message


def split_deprecations(stderr: str) -> tuple[str, list[str]]:
    """(the rest of a cell's stderr, its deprecation warnings). A deprecation warning runs from its header line to
    the next warning's (its message may span lines); whatever else a cell writes to stderr is the rest.

    CI installs the newest release of every dependency on a fresh machine: a FutureWarning that pandas adds for
    a call the notebook makes must not fail it; it is shown instead. Any other warning, or other text, still fails.
    """
    heads = list(_WARNING_HEADER.finditer(stderr))
    rest, upstream = [stderr[:heads[0].start()] if heads else stderr], []
    for k, m in enumerate(heads):
        record = stderr[m.start():heads[k + 1].start() if k + 1 < len(heads) else len(stderr)]
        (upstream if m.group(1) in DEPRECATIONS else rest).append(record)
    return "".join(rest), [r.strip() for r in upstream]


@pytest.mark.parametrize("stderr, rest, upstream", [
    ("", "", 0),
    ("/x/site-packages/pandas/core/frame.py:12: FutureWarning: observed=False is deprecated.\n"
     "Pass observed=True to silence this warning.\n  pd.crosstab(a, b)\n", "", 1),
    ("/tmp/ipykernel_7/1.py:3: DeprecationWarning: nx.foo is deprecated\n  nx.foo(G)\n"
     "/x/matplotlib/axes.py:9: PendingDeprecationWarning: bar\n", "", 2),
    ("/tmp/ipykernel_7/1.py:3: UserWarning: no issue matches 'Europ'\n  g.claims(issue='Europ')\n",
     "/tmp/ipykernel_7/1.py:3: UserWarning: no issue matches 'Europ'\n  g.claims(issue='Europ')\n", 0),
    ("graphkit: 2 files skipped\n/x/pandas/a.py:1: FutureWarning: z\n", "graphkit: 2 files skipped\n", 1),
    ("/x/pandas/a.py:1: FutureWarning: z\n/x/y.py:2: RuntimeWarning: overflow\n",
     "/x/y.py:2: RuntimeWarning: overflow\n", 1),
])
def test_only_deprecation_warnings_are_forgiven_in_a_notebooks_stderr(stderr, rest, upstream):
    got_rest, got_upstream = split_deprecations(stderr)
    assert (got_rest, len(got_upstream)) == (rest, upstream)


def _text(cell) -> str:
    parts = []
    for out in cell.outputs:
        if out.output_type == "stream":
            parts.append(out.text)
        elif "data" in out:
            parts.append(out.data.get("text/plain", ""))
            parts.append(out.data.get("text/html", ""))
    return "\n".join(parts)


def _check_walkthrough(code, out_dir: Path):
    """The walkthrough answers its questions: Lavrov on Europe, a chart, contradictions, an export, the view."""
    by_source = {c.source.split("\n")[0]: c for c in code}
    lavrov = next(c for src, c in by_source.items() if src.startswith("lavrov_europe = g.claims("))
    assert "001_56cb526c82487007" in _text(lavrov)
    prov = next(c for src, c in by_source.items() if src.startswith("for row in lavrov_europe"))
    assert "001_56cb526c82487007" in _text(prov)
    images = [c for c in code if any("image/png" in o.get("data", {}) for o in c.outputs)]
    assert len(images) >= 2, "the heat map and the per-month chart draw images"
    assert (out_dir / "sample.graphml").stat().st_size > 0
    assert (out_dir / "lavrov_europe.gexf").stat().st_size > 0
    show = next(c for src, c in by_source.items() if src.startswith("g.show("))
    html = _text(show)
    assert "<iframe" in html and "srcdoc=" in html and "Sergey Lavrov" in html
    err = next(c for src, c in by_source.items() if src.startswith("try:"))
    assert "no speaker matches 'Lavrenko'" in _text(err) and "Sergey Lavrov" in _text(err)
    # the export read back answers: its node kinds counted, the issues that bring the most speakers together (both
    # read the file's `node_type`; with `type` they were empty Series)
    kinds = next(c for c in code if "value_counts()" in c.source and "read_graphml" in c.source)
    assert all(k in _text(kinds) for k in ("actor", "claim", "issue", "document"))
    speakers = next(c for src, c in by_source.items() if src.startswith("speakers_per_issue = {"))
    assert "Series([]" not in _text(speakers) and "Europe" in _text(speakers)
    prov_lines = _text(prov).splitlines()
    assert not any(a == b == "" for a, b in zip(prov_lines, prov_lines[1:])), "a sentence ends in its newline"


def _check_your_articles(code, out_dir: Path):
    """Own corpus: the rebuild parses only the new article; a gazetteer entry merges the mayor's mentions."""
    def cell(prefix):
        return next(c for c in code if c.source.startswith(prefix))

    assert "3 articles, 1 parsed, 2 unchanged" in _text(cell('(corpus / "mayor-meets-union.html")'))
    # what the markdown after the actors says the corpus alone gets wrong (update it when this changes)
    before = _text(cell('g.actors()[["name", "type", "claims", "aliases", "merges"]]'))
    assert re.search(r"\bPetrova +other ", before) and re.search(r"\bAna Petrova +person ", before)     # split
    assert re.search(r"Mira Olsen +person +3 +\[Olsen\]", before)                                   # joined
    taught = _text(cell('models = OUT / "my_models"'))
    assert "0 parsed, 3 unchanged" in taught and "Ana Petrova" in taught and "Mayor of Riverton" in taught
    assert "Mayor meets union" in _text(cell('g.timeline("petrova")'))
    assert (out_dir / "my_claims.csv").stat().st_size > 0


def _third_party_imports(path) -> set[str]:
    import re
    import sys

    nb = nbformat.read(path, as_version=4)
    src = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    mods = {m.split(".")[0] for m in re.findall(r"^\s*(?:import|from)\s+([\w.]+)", src, re.M)}
    return {m for m in mods if m not in sys.stdlib_module_names and m != "graphkit"}


def test_the_notebook_extra_is_named_beside_the_notebooks_and_covers_them():
    """A reader who follows the README gets every package the notebooks import (the test extra includes it)."""
    tomllib = pytest.importorskip("tomllib", reason="Python 3.11+ reads pyproject.toml")
    root = NOTEBOOK_DIR.parent
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    names = lambda reqs: {r.split("[")[0].split(">")[0].split("=")[0].split("<")[0].strip().lower() for r in reqs}  # noqa: E731
    notebook = names(extras["notebook"])
    assert {"jupyterlab", "matplotlib", "ipykernel"} <= notebook
    assert any(r.startswith(project["name"] + "[notebook]") for r in extras["test"])   # the tests run with it
    installed = notebook | names(project["dependencies"])
    for path in NOTEBOOKS:
        for mod in _third_party_imports(path):
            assert mod in installed, (path.name, mod)
    readme = (root / "README.md").read_text(encoding="utf-8")
    at = readme.index("notebooks/walkthrough.ipynb")
    assert 'pip install -e ".[notebook]"' in readme[at:at + 600]                       # named beside the notebook
