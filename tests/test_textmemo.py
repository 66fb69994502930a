"""graphkit.textmemo: what linking reads of a claim text, kept between builds, comes back exactly as worked out."""

from __future__ import annotations

import json

import pytest

import graphkit.contradict  # noqa: F401  (registers its memos)
from graphkit import textmemo

TEXTS = [
    "Obama will not raise taxes on the rich",
    "the four regions were annexed illegally and are not legally part of Russia",
    "Mr. Trump will cut £35bn of savings in four regions. Obviously Kyiv disagrees",
    "He had reviewed a US draft that might serve as a basis for a future agreement",
    "",
    "They don't need a truce, we need a long-term peace",
]


@pytest.mark.parametrize("name", sorted(n for n in textmemo.MEMOS if not n.startswith("demo")))
@pytest.mark.parametrize("text", TEXTS)
def test_a_kept_result_is_the_one_worked_out(name, text):
    memo = textmemo.MEMOS[name]
    worked_out = memo.fn(text)
    kept = memo.decode(json.loads(json.dumps(memo.encode(worked_out))))  # through the store's JSON
    assert kept == worked_out and type(kept) is type(worked_out)


def test_export_then_prime_gives_the_results_without_working_them_out(monkeypatch):
    textmemo.clear()
    memo = textmemo.MEMOS["antonym_poles"]
    before = [memo(t) for t in TEXTS]
    data = json.loads(json.dumps(textmemo.export(TEXTS)))
    textmemo.clear()
    textmemo.prime(data)
    monkeypatch.setattr(memo, "fn", lambda text: pytest.fail(f"worked out again: {text!r}"))
    assert [memo(t) for t in TEXTS] == before


def test_memos_hold_at_most_their_limit():
    memo = textmemo.TextMemo(len, int, int, limit=8)
    for i in range(20):
        memo(str(i) * 3)
    assert len(memo.cache) <= 8 and memo("19" * 3) == 6
    textmemo.MEMOS["demo_limit"] = memo
    try:
        textmemo.prime({"texts": [f"t{i}" for i in range(20)], "demo_limit": list(range(20))})
        assert len(memo.kept) <= 8
    finally:
        del textmemo.MEMOS["demo_limit"]


# texts asked for after a `WorkedBeside` was collected: (texts worked out beside, texts linking asks for)
BESIDE_CASES = [
    (TEXTS, TEXTS),          # every text asked for
    (TEXTS, TEXTS[:2]),      # some never asked for: taken back, not exported
    (TEXTS[:3], TEXTS),      # some not worked out beside: worked out here
]


@pytest.fixture
def sole_thread(monkeypatch):
    """A suite leaves threads behind (a build's warm-up, dask): the fork is tested as a lone command makes it."""
    import threading

    monkeypatch.setattr(threading, "active_count", lambda: 1)


@pytest.mark.parametrize("beside, asked", BESIDE_CASES)
def test_worked_beside_leaves_what_working_out_here_leaves(beside, asked, sole_thread):
    textmemo.clear()
    here = {name: [m(t) for t in asked] for name, m in textmemo.MEMOS.items() if not name.startswith("demo")}
    exported_here = textmemo.export(TEXTS)
    textmemo.clear()
    worked = textmemo.work_out_beside(beside, least=1)
    assert worked.proc is not None  # forked (Linux)
    worked.collect()
    assert {name: [m(t) for t in asked] for name, m in textmemo.MEMOS.items() if not name.startswith("demo")} == here
    worked.forget_unused()
    assert textmemo.export(TEXTS) == exported_here
    assert all(not m.kept for m in textmemo.MEMOS.values())


def test_too_few_texts_fork_nothing():
    worked = textmemo.work_out_beside(TEXTS)  # below BESIDE_MIN_TEXTS
    assert worked.proc is None
    worked.collect()
    worked.forget_unused()


def test_a_child_that_fails_leaves_the_work_to_the_caller(monkeypatch, capfd, sole_thread):
    textmemo.clear()
    memo = textmemo.MEMOS["n_tokens"]
    monkeypatch.setattr(memo, "fn", lambda text: 1 / 0)  # the child (forked with this patch) fails
    worked = textmemo.work_out_beside(TEXTS, least=1)
    assert worked.proc is not None
    worked.collect()
    monkeypatch.setattr(memo, "fn", memo.__wrapped__)
    assert not memo.kept and memo(TEXTS[0]) == memo.fn(TEXTS[0])
    assert "Traceback" not in capfd.readouterr().err
    worked.forget_unused()



def _hang(texts, writer):
    """A child that never answers (as one hung on a lock another thread held at the fork): it would end by
    itself after a minute, so that code without a bound fails this test (the child's exit code) instead of hanging."""
    import time

    time.sleep(60)


def _hang_deaf(texts, writer):
    """`_hang`, SIGTERM ignored (a child stuck where its handler cannot run): only SIGKILL stops it; it would end by
    itself after half a minute, so that code without the kill fails this test instead of hanging."""
    import signal
    import time

    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    time.sleep(30)


# (how `collect` is told how long to wait: its argument or the module's bound; the child; how it ends)
WAIT_CASES = [
    ("argument", {"wait": 0.2}, _hang, "SIGTERM"),
    ("bound", {}, _hang, "SIGTERM"),
    ("bound, SIGTERM ignored", {}, _hang_deaf, "SIGKILL"),
]


@pytest.mark.parametrize("how, kwargs, child, ended_by", WAIT_CASES)
def test_a_child_that_does_not_answer_is_stopped_and_the_work_done_here(monkeypatch, sole_thread, how, kwargs,
                                                                        child, ended_by):
    import signal

    textmemo.clear()
    monkeypatch.setattr(textmemo, "_work_out", child)
    monkeypatch.setattr(textmemo, "BESIDE_WAIT_MIN", 0.2)
    monkeypatch.setattr(textmemo, "BESIDE_WAIT_PER_TEXT", 0.0)
    # A SIGTERM-deaf child is deaf from the fork: the disposition is inherited, so the child cannot be stopped by
    # SIGTERM before its own first line runs (on a loaded machine that can take longer than the 0.2 s wait).
    deaf = ended_by == "SIGKILL"
    before = signal.signal(signal.SIGTERM, signal.SIG_IGN) if deaf else None
    try:
        worked = textmemo.work_out_beside(TEXTS, least=1)
    finally:
        if deaf:
            signal.signal(signal.SIGTERM, before)
    proc = worked.proc
    assert proc is not None
    worked.collect(**kwargs)
    assert proc.exitcode == -getattr(signal, ended_by) and worked.outcome == "stopped" and worked.proc is None
    memo = textmemo.MEMOS["n_tokens"]
    assert not memo.kept and memo(TEXTS[0]) == memo.fn(TEXTS[0])  # worked out here
    worked.forget_unused()
    worked.close()  # nothing left to stop
