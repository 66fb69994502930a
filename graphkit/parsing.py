"""Documents → their extractions in this process: the stage that runs spaCy (in several processes through
`graphkit.parse_pool`).

`extract_documents` runs the pipeline over the articles and `graphkit.extract.extract_parsed` over each parsed one,
and yields one `graphkit.extract.DocExtraction` per article, in input order. Long articles are cut at paragraph
breaks into pieces spaCy accepts (`CHUNK_CHARS`, `chunks`), parsed one piece at a time, and the offsets put back, so
a 20 MB article is processed, not refused, in bounded memory. Parsing ahead (spaCy in a thread while the extraction
runs) and keeping what the table annotators computed for the next process are `extract_documents`' options.

>>> from graphkit.records import Document
>>> d = Document(id="x", path="x.txt", text="Macron said on Monday that no final peace plan exists.",
...              sha256="0" * 64, format="txt", published="2025-12-02")
>>> ex = next(extract_documents([d]))
>>> c = ex.items[0]
>>> (c.attribution.speaker_text, c.date["date"], c.phrases)
('Macron', '2025-12-01', ('final peace plan', 'peace plan', 'plan'))
"""

from __future__ import annotations

from typing import Iterable, Iterator

from .extract import DocExtraction, extract_parsed
from .records import Document

CHUNK_CHARS = 100_000  # an article longer than this is parsed in pieces of at most this size, one at a time


def chunks(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) cuts of text at blank lines (else line, else sentence, else hard) breaks, each <= limit chars;
    a blank line is taken when one lies in the piece's second half.

    >>> [o for o, _ in chunks("a\\n" * 10, limit=6)]
    [0, 6, 12, 18]
    >>> [p for _, p in chunks("One. Two.\\n\\nThree. Four.\\nFive.", limit=16)]
    ['One. Two.\\n\\n', 'Three. Four.\\n', 'Five.']
    """
    out, start, n = [], 0, len(text)
    while start < n:
        end = min(start + limit, n)
        if end < n:
            cut = text.rfind("\n\n", start + (end - start) // 2, end - 1) + 1
            if cut <= 0:
                cut = max(text.rfind("\n", start, end), text.rfind(". ", start, end))
            if cut > start:
                end = cut + 1
        out.append((start, text[start:end]))
        start = end
    return out


def extract_documents(documents: Iterable[Document], nlp=None, *, batch_size: int = 16, n_process: int = 1,
                      ahead: bool = False, keep_tables: bool = True) -> Iterator[DocExtraction]:
    """Run the pipeline over documents and yield one DocExtraction per document, in input order.

    ``ahead``: spaCy parses the next articles in a thread while this one's extraction (and whatever the caller
    does with it) runs (`graphkit.nlp.pipe_ahead`); not the default: under load it did not pay (see
    ``bench/README.md``, "Parse ahead"), and a worker process of `graphkit.parse_pool.extract_documents_parallel`
    has siblings on the other cores anyway.

    Articles up to `CHUNK_CHARS` go through ``nlp.pipe`` together, ``batch_size`` at a time; a longer one
    goes on its own, one piece at a time (`chunks`): spaCy's memory grows with the tokens of a batch, and
    the seven pieces of a 640 KB article in one batch peaked at 2 GB (one piece a batch: the same extraction).

    ``keep_tables``: once the last document is extracted, write what the table annotators computed to the cache
    folder for the next process (`graphkit.annotate.save_tables`); a worker of `graphkit.parse_pool`, which
    extracts batch after batch, does it once at its end.
    """
    from .annotate import save_tables
    from .nlp import load_pipeline, one_blas_thread

    nlp = nlp or load_pipeline()
    with one_blas_thread():  # spaCy's small matrices gain nothing from more (graphkit.nlp.one_blas_thread)
        run: list[Document] = []
        for d in documents:
            if len(d.text) <= CHUNK_CHARS:
                run.append(d)
                continue
            yield from _extract(run, nlp, batch_size, n_process, ahead)
            run = []
            yield from _extract([d], nlp, 1, n_process, ahead)
        yield from _extract(run, nlp, batch_size, n_process, ahead)
    if keep_tables:
        save_tables(nlp)


def _extract(docs: list[Document], nlp, batch_size: int, n_process: int, ahead: bool) -> Iterator[DocExtraction]:
    """`extract_documents` of ``docs`` through one ``nlp.pipe`` of their pieces, ``batch_size`` pieces a batch."""
    if not docs:
        return
    from .nlp import pipe_ahead

    def pieces():
        for i, d in enumerate(docs):
            for off, piece in chunks(d.text, CHUNK_CHARS):
                if off == 0 and d.title:  # the headline segment is found by the metadata title too
                    piece = nlp.make_doc(piece)
                    piece.user_data["title"] = d.title
                yield piece, (i, off, len(piece.text) if not isinstance(piece, str) else len(piece))

    if n_process > 1:
        stream = nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size, n_process=n_process)
    elif ahead:  # the next Docs parse in a thread while this one is extracted (graphkit.nlp.pipe_ahead)
        stream = pipe_ahead(nlp, pieces(), batch_size=batch_size)
    else:
        stream = nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size)
    current, items, ents = None, [], []
    for parsed, (i, off, n) in stream:
        if current is not None and i != current:
            d = docs[current]
            yield DocExtraction(doc_id=d.id, sha256=d.sha256, items=items, entities=ents)
            items, ents = [], []
        current = i
        # spaCy keeps every character: the piece is doc.text (the last token's end checks it, cheaply)
        same = len(parsed) == 0 or parsed[-1].idx + len(parsed[-1].text_with_ws) == n
        it, en = extract_parsed(parsed, docs[i], off, text=docs[i].text[off:off + n] if same else None)
        items.extend(it)
        ents.extend(en)
    if current is not None:
        d = docs[current]
        yield DocExtraction(doc_id=d.id, sha256=d.sha256, items=items, entities=ents)
