"""PolNeAR's splits as the bench scripts read them: the one reader of ``../shared/data/polnear/SPLIT.jsonl``.

Every script that reads PolNeAR articles (the cross-validation, the evaluations, the audits, the speed benches)
calls :func:`load_articles`, so a missing checkout of ``../shared`` or a broken line says the same one line
everywhere (a `PolnearError` with the cause and the fix, which ``graphkit.errors.script_main`` prints as one line)
instead of each script's own traceback.

>>> import tempfile
>>> d = Path(tempfile.mkdtemp())
>>> _ = (d / "dev.jsonl").write_text('{"id": "a", "text": "x"}\\n\\n{"id": "b", "text": "y"}\\n', encoding="utf-8")
>>> [a["id"] for a in load_articles(("dev",), d)], sorted(split_ids("dev", d))
(['a', 'b'], ['a', 'b'])
>>> load_articles(("train",), d)
Traceback (most recent call last):
polnear.PolnearMissing: no PolNeAR train.jsonl in ...: put ../shared beside the checkout (or give the folder that holds it)
>>> _ = (d / "train.jsonl").write_text('{"id": "a", "text": "x"}\\n{"id": "b", "te\\n', encoding="utf-8")
>>> load_articles(("train",), d)
Traceback (most recent call last):
polnear.PolnearError: .../train.jsonl line 2 is not a JSON object (...); restore the file from ../shared
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
SPLITS = ("train", "dev")
sys.path.insert(0, str(ROOT))

from graphkit.errors import GraphkitError  # noqa: E402


class PolnearError(GraphkitError):
    """A PolNeAR file the bench scripts read is broken: the message names the file, the line and the fix."""


class PolnearMissing(PolnearError, FileNotFoundError):
    """No ``SPLIT.jsonl`` where PolNeAR is expected (a FileNotFoundError too, for the callers that fall back)."""


def load_articles(splits=SPLITS, data: Path | None = None, limit: int | None = None) -> list[dict]:
    """PolNeAR articles of these splits in file order, read from ``data`` (default ../shared/data/polnear; one
    ``SPLIT.jsonl`` per split); ``limit``: the first N of each split only (None or 0: all).

    Raises PolnearMissing for a split with no file and PolnearError for a line that is not an article's JSON
    object, each naming the file and the fix."""
    folder = Path(data) if data is not None else POLNEAR
    out = []
    for split in splits:
        src = folder / f"{split}.jsonl"
        if not src.is_file():
            raise PolnearMissing(f"no PolNeAR {split}.jsonl in {folder}: put ../shared beside the checkout "
                                    "(or give the folder that holds it)")
        arts = []
        with src.open(encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if limit and len(arts) >= limit:
                    break
                if not line.strip():
                    continue
                try:
                    art = json.loads(line)
                except ValueError as e:
                    raise PolnearError(f"{src} line {n} is not a JSON object ({e}); restore the file from ../shared") \
                        from None
                if not isinstance(art, dict) or "id" not in art or "text" not in art:
                    raise PolnearError(f"{src} line {n} is not a PolNeAR article (no id or text); restore the file "
                                     "from ../shared")
                arts.append(art)
        out.extend(arts)
    return out


def article_document(art: dict):
    """The ``graphkit.records.Document`` a build makes of a PolNeAR article: the corpus folder
    ``bench_build.write_corpus`` writes gives its text, its date and its title (metadata.jsonl), and, PolNeAR naming
    no author, the author is the byline the text gives, made by ingest's own ``document_of`` as ``graphkit.ingest``
    reads the file (without reading it back). What ``graphkit.extract.as_built`` reads of an article beside its claims
    (the author rule): the CV's export passes it so that it scores what a build stores.

    >>> d = article_document({"id": "a", "text": "By Ann Lee\\n\\nI said it.", "title": "It", "date": "2016-09-12"})
    >>> d.id, d.author, d.title, d.published.isoformat()
    ('a', 'Ann Lee', 'It', '2016-09-12')
    >>> article_document({"id": "b", "text": "I said it."}).author is None
    True
    """
    import datetime as dt
    import hashlib

    from graphkit.ingest import TextAnswers, document_of

    text = art["text"]
    return document_of(f"{art['id']}.txt", text, hashlib.sha256(text.encode("utf-8")).hexdigest(), "txt",
                       {"title": art.get("title")}, dt.date.fromisoformat(art["date"]) if art.get("date") else None,
                       "utf-8", [], TextAnswers())


def split_ids(split: str, data: Path | None = None) -> set[str]:
    """The ids of one PolNeAR split's articles: what the audit scripts' ``--polnear-split`` keeps a store's claims
    to (errors as :func:`load_articles`)."""
    return {a["id"] for a in load_articles((split,), data)}
