"""Shared fixtures: the pipeline (loaded once), paths to ../shared, the sample corpus built once, and the `work`
folder the command-line tests run in (its helpers are tests/cli_run.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import os

import pytest
from checkout_paths import CORPUS, SHARED
from hypothesis import HealthCheck, settings

# CI runs the property tests on hypothesis's fixed draw (the same examples every run, so a red CI names
# a change, not a lucky draw); a developer's run keeps drawing new examples to find new bugs. Nor does a CI
# run time them: no deadline, no too_slow health check (both measure wall time, which a loaded machine moves).
# A test's own @settings(suppress_health_check=...) replaces this list: name too_slow there as well.
settings.register_profile("ci", derandomize=True, print_blob=True, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
if os.environ.get("GRAPHKIT_CI"):
    settings.load_profile("ci")



@pytest.fixture(scope="session")
def nlp():
    from graphkit.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip(f"../shared is not beside the checkout ({SHARED}); tests that read it need it")
    return SHARED


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory) -> Path:
    """The sample corpus built once into a store; tests must not write to it."""
    from graphkit.build import build

    d = tmp_path_factory.mktemp("sample")
    corpus = d / "corpus"
    shutil.copytree(CORPUS, corpus, ignore=shutil.ignore_patterns("README.md"))
    store = d / "sample.gk"
    build(corpus, store)
    return store


@pytest.fixture(scope="session")
def sample(sample_store):
    import graphkit

    g = graphkit.open(sample_store)
    yield g
    g.close()


def _stored_as(path: Path, schema: str) -> Path:
    """A store whose meta says it was written with ``schema`` (an older or a newer graphkit's)."""
    import sqlite3

    from graphkit.store import Store

    Store(path, create=True).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value=? WHERE key='schema_version'", (schema,))
    db.close()
    return path


@pytest.fixture
def work(tmp_path):
    """A folder with an empty (valid) store, stores of an older and a newer graphkit, another application's SQLite
    database, a corpus, an empty folder and a text file."""
    import sqlite3

    from graphkit.records import SCHEMA_VERSION
    from graphkit.store import Store

    Store(tmp_path / "ok.gk", create=True).close()
    _stored_as(tmp_path / "older.gk", str(SCHEMA_VERSION - 1))
    _stored_as(tmp_path / "newer.gk", str(SCHEMA_VERSION + 1))
    with sqlite3.connect(tmp_path / "other.db") as db:  # no application id in its header: only its tables tell
        db.execute("CREATE TABLE meta (key TEXT, value TEXT)")
    db.close()
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("Sergey Lavrov said Europe was to blame.")
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes.txt").write_text("just some notes\n")
    (tmp_path / "broken.yaml").write_text("issues: [unclosed\n")
    (tmp_path / "latin1.yaml").write_bytes("issues:\n  - name: Caf\u00e9\n".encode("latin-1"))
    (tmp_path / "notalist.yaml").write_text("issues: council tax\nactors: 3\n")
    return tmp_path
