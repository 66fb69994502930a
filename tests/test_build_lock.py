"""One build writes a store at a time: a second build waits for the first, then parses nothing again.

The first build runs in another process (as a second terminal would); the test starts the
second only once the first holds the store's writer lock, so the order is certain, not timed.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from graphkit.build import build
from graphkit.errors import CorpusNotFound, StoreError
from graphkit.store_file import being_built, writer_lock

ARTICLES = {
    "a": "Sergey Lavrov said Europe was to blame for the war.",
    "b": "Nikolai Petrov, the mayor of Tver, said the new bridge would open in May.",
}

FIRST_BUILD = textwrap.dedent("""
    import sys
    from graphkit.build import update_store
    from graphkit.ingest import read_corpus
    from graphkit.store_file import writer_lock

    corpus, store = sys.argv[1], sys.argv[2]
    with writer_lock(store):
        print("holding", flush=True)
        sys.stdin.readline()          # the test says when the second build is waiting
        rep = update_store(read_corpus(corpus), store)
        print("parsed", rep.parsed, flush=True)
""")


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    return corpus


@pytest.mark.slow
def test_second_build_waits_then_parses_nothing(tmp_path):
    corpus, store = _corpus(tmp_path), tmp_path / "s.gk"
    first = subprocess.Popen([sys.executable, "-c", FIRST_BUILD, str(corpus), str(store)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert first.stdout.readline().strip() == "holding"
    waited = []

    def on_wait():  # called once, while the first build still holds the lock: let it go on
        waited.append(True)
        first.stdin.write("go\n")
        first.stdin.flush()

    rep = build(corpus, store, on_wait=on_wait)
    out, _ = first.communicate(timeout=300)
    assert waited == [True]
    assert out.split() == ["parsed", str(len(ARTICLES))]
    assert (rep.parsed, rep.unchanged) == (0, len(ARTICLES))
    assert rep.claims == 2


@pytest.mark.parametrize("case", ["missing corpus", "store is a text file"])
def test_user_errors_fail_before_a_lock_file_is_made(tmp_path, case):
    corpus, store = _corpus(tmp_path), tmp_path / "s.gk"
    if case == "missing corpus":
        corpus, error = tmp_path / "corpsu", CorpusNotFound
    else:
        store.write_text("notes, not a store\n", encoding="utf-8")
        error = StoreError
    with pytest.raises(error):
        build(corpus, store)
    assert not Path(str(store) + ".lock").exists()
    assert not store.exists() or store.read_text(encoding="utf-8") == "notes, not a store\n"


#: (the name a build holds the lock by, the name another build asks by): every name of one store takes one lock
ONE_STORE_TWO_NAMES = [
    ("s.gk", "link.gk"),  # a link to the store: its own "link.gk.lock" excluded nothing
    ("link.gk", "s.gk"),
    ("s.gk", "{tmp}/s.gk"),  # relative and absolute
    ("s.gk", "folder-link/s.gk"),  # through a link to the store's folder
    ("sub/../s.gk", "./s.gk"),
]


@pytest.mark.parametrize("held,asked", ONE_STORE_TWO_NAMES, ids=[f"{a} {b}" for a, b in ONE_STORE_TWO_NAMES])
def test_two_names_of_one_store_take_one_writer_lock(tmp_path, monkeypatch, held, asked):
    """The lock was named after the store's path as given: two builds of one store through two names wrote at once."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.gk").symlink_to("s.gk")
    (tmp_path / "folder-link").symlink_to(tmp_path)
    with writer_lock(held):
        assert being_built(asked.format(tmp=tmp_path))
    assert not being_built(asked.format(tmp=tmp_path))
    assert [p.name for p in tmp_path.glob("*.lock")] == ["s.gk.lock"]  # beside the store, under its own name
