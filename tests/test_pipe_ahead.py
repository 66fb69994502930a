"""graphkit.nlp.pipe_ahead: the parse runs in a thread ahead of the caller; the Docs are nlp.pipe's, in order."""

import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, POS, SENT_START, TAG

from graphkit.nlp import load_pipeline, pipe_ahead

ATTRS = [TAG, POS, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
TEXTS = [
    "Kremlin spokesman Dmitry Peskov said the talks were useful.",
    "",
    "“We will not give up,” Zelensky told reporters in Kyiv on Monday.\n\nHe added that aid was late.",
    "No one spoke.",
    "The minister said: “Prices will fall.” Critics said they would not.",
]


def _view(doc):
    return doc.to_array(ATTRS).tolist(), [a.model_dump() for a in doc._.attributions]


@pytest.mark.parametrize("batch_size,ahead", [(1, 1), (2, None), (16, None), (3, 1)])
def test_same_docs_in_the_same_order_as_nlp_pipe(batch_size, ahead):
    nlp = load_pipeline()
    items = [(t, i) for i, t in enumerate(TEXTS * 3)]
    want = [(_view(d), i) for d, i in nlp.pipe(items, as_tuples=True, batch_size=batch_size)]
    got = [(_view(d), i) for d, i in pipe_ahead(nlp, iter(items), batch_size=batch_size, ahead=ahead)]
    assert got == want


class Boom(Exception):
    pass


def _items(fail_at):
    for i, t in enumerate(TEXTS * 4):
        if i == fail_at:
            raise Boom(f"item {i}")
        yield t, i


@pytest.mark.parametrize("fail_at,batch_size", [(0, 2), (5, 2), (7, 16)])
def test_an_error_in_the_parse_thread_is_raised_to_the_caller(fail_at, batch_size):
    nlp = load_pipeline()
    seen = []
    with pytest.raises(Boom, match=f"item {fail_at}"):
        for _, i in pipe_ahead(nlp, _items(fail_at), batch_size=batch_size):
            seen.append(i)
    assert seen == list(range(len(seen))) and len(seen) <= fail_at


@pytest.mark.parametrize("take", [0, 1, 6])
def test_closing_early_stops_the_thread(take):
    import threading

    nlp = load_pipeline()
    stream = pipe_ahead(nlp, ((t, i) for i, t in enumerate(TEXTS * 10)), batch_size=2, ahead=1)
    got = [next(stream)[1] for _ in range(take)]
    stream.close()
    assert got == list(range(take))
    assert not any(t.name == "graphkit-parse" for t in threading.enumerate())


@pytest.mark.parametrize("options, ahead", [
    (["--parse-ahead"], True),   # the command asks for the parse in a thread: what a quiet bench times as a command
    ([], False),                 # the default: one thread
])
def test_the_build_command_parses_ahead_when_asked_with_the_same_store(tmp_path, monkeypatch, options, ahead):
    import graphkit.nlp
    from graphkit.cli import main
    from graphkit.store import Store

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, text in enumerate(TEXTS):
        (corpus / f"a{i}.txt").write_text(text + "\n", encoding="utf-8")
    called = []
    real = graphkit.nlp.pipe_ahead
    monkeypatch.setattr(graphkit.nlp, "pipe_ahead", lambda *a, **k: (called.append(1), real(*a, **k))[1])
    claims = {}
    for name, extra in (("plain", []), ("asked", options)):
        with pytest.raises(SystemExit) as end:
            main(["build", str(corpus), "--store", str(tmp_path / f"{name}.gk"), "-q", *extra])
        assert end.value.code == 0
        with Store(tmp_path / f"{name}.gk") as store:
            claims[name] = [tuple(r) for r in store.db.execute(
                "SELECT id, doc_id, speaker_id, record FROM claims ORDER BY id")]
    assert bool(called) is ahead
    assert claims["asked"] == claims["plain"] and claims["plain"]


def test_the_build_command_says_it_leaves_parse_ahead_out_with_workers(tmp_path, capsys, monkeypatch):
    """With ``--workers 2`` the workers parse, each in its own process: ``--parse-ahead`` is left out, in one line.
    The machine is given two cores: on one, ``--workers 2`` was capped to one process, where parsing ahead applies,
    and the row was skipped; two processes take turns on one core and write the same store."""
    import graphkit.parse_pool
    from graphkit.cli import main

    monkeypatch.setattr(graphkit.parse_pool, "machine_cores", lambda: 2)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, text in enumerate(TEXTS[:2]):
        (corpus / f"a{i}.txt").write_text(text + "\n", encoding="utf-8")
    with pytest.raises(SystemExit) as end:
        main(["build", str(corpus), "--store", str(tmp_path / "s.gk"), "-q", "--workers", "2", "--parse-ahead"])
    assert end.value.code == 0
    said = [line for line in capsys.readouterr().err.splitlines() if "--parse-ahead" in line]
    assert said == ["graphkit: --parse-ahead is for one worker: the 2 workers parse, each in its own process; it is "
                    "left out"]
