"""Shared fixtures: the pipeline (loaded once), paths to ../shared, and the sample corpus built once."""

from __future__ import annotations

import shutil
from pathlib import Path

import os

import pytest
from hypothesis import HealthCheck, settings

# CI runs the property tests on hypothesis's fixed draw (the same examples every run, so a red CI names
# a change, not a lucky draw); a developer's run keeps drawing new examples to find new bugs. Nor does a CI
# run time them: no deadline, no too_slow health check (both measure wall time, which a loaded machine moves).
# A test's own @settings(suppress_health_check=...) replaces this list: name too_slow there as well.
settings.register_profile("ci", derandomize=True, print_blob=True, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
if os.environ.get("GRAPHKIT_CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "tests" / "gold"


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
