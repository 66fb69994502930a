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
