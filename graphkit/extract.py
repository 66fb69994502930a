"""Documents → per-article extractions: attributions with their date, context and keyphrases, and the article's entities.

This is the only stage that runs spaCy. Its output, one `DocExtraction` per
article, is what the store keeps per article, so an incremental build re-runs
spaCy only on new or changed articles; actors, places and cross-article links
are resolved afterwards over the whole store (see `graphkit.resolution`).

Long articles are cut at paragraph breaks into pieces spaCy accepts (`CHUNK_CHARS`), parsed one piece at
a time, and the offsets put back, so a 20 MB article is processed, not refused, in bounded memory.

>>> from graphkit.records import Document
>>> d = Document(id="x", path="x.txt", text="Macron said on Monday that no final peace plan exists.",
...              sha256="0" * 64, format="txt", published="2025-12-02")
>>> ex = next(extract_documents([d]))
>>> c = ex.items[0]
>>> (c.attribution.speaker_text, c.date["date"], c.phrases)
('Macron', '2025-12-01', ('final peace plan', 'peace plan', 'plan'))

Issues are assigned later, over the whole store (graphkit.resolution.resolve_store), from the claim's
text, its ``context`` and, for a corpus with no taxonomy, its ``phrases``: a taxonomy edit re-resolves
without parsing again.
"""

from __future__ import annotations

import os
from typing import Callable, Iterable, Iterator, Optional, Sequence

from pydantic import BaseModel, ConfigDict

from .errors import GraphkitError
from .forks import die_with_parent, start
from .records import Attribution, Document
from .pronouns import FIRST_PERSON, FIRST_PERSON_SINGULAR
from .segments import closing_author, letter_signer, signed_by, turn_at

CHUNK_CHARS = 100_000  # an article longer than this is parsed in pieces of at most this size, one at a time

Entity = tuple[str, str, int, int]  # text, spaCy label, start, end


class LocalClaim(BaseModel):
    """An attribution plus what only the parsed article can tell: its date, context and keyphrases."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    attribution: Attribution
    date: dict  # ClaimDate fields: date, precision, basis, text
    # (the claim's own sentence outside its content, the sentence before it in the paragraph): where an issue
    # the content leaves unnamed may be named (graphkit.issues.assign_claim)
    context: tuple[str, str] = ("", "")
    phrases: tuple[str, ...] = ()  # keyphrases of the content (graphkit.keyphrases), for issue discovery
    context_phrases: tuple[str, ...] = ()  # keyphrases of the sentence before, for issue discovery


class DocExtraction(BaseModel):
    """Everything the build keeps of one parsed article."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    doc_id: str
    sha256: str
    items: list[LocalClaim]
    entities: list[Entity]


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


def _shift_span(s, k):
    return None if s is None else (s[0] + k, s[1] + k)


def _shift(att: Attribution, k: int) -> Attribution:
    if k == 0:
        return att
    return att.model_copy(update={
        "spans": tuple(_shift_span(s, k) for s in att.spans),
        **{f: _shift_span(getattr(att, f), k) for f in ("cue_span", "speaker_span", "resolved_span", "sentence_span")},
    })


def before_span(doc, att: Attribution, *, text: Optional[str] = None) -> Optional[tuple[int, int]]:
    """(start, end) of the sentence just before the claim's sentence, within its paragraph; None at a paragraph start.

    ``text`` is ``doc.text`` when the caller has it: spaCy rebuilds ``Doc.text`` from every token
    on each access, so a caller looping over an article's claims passes it once.
    """
    text = doc.text if text is None else text
    start = att.sentence_span[0] if att.sentence_span else att.spans[0][0]
    tok = doc.char_span(start, start + 1, alignment_mode="expand")
    if tok is None or len(tok) == 0:
        return None
    sent = tok[0].sent
    if sent.start == 0:
        return None
    s = doc[sent.start - 1].sent
    if "\n" in text[s.end_char:sent.start_char + 1]:
        return None
    return s.start_char, s.end_char


def context_before(doc, att: Attribution, *, text: Optional[str] = None) -> str:
    """Text of the sentence just before the claim's sentence, within its paragraph ("" when none)."""
    span = before_span(doc, att, text=text)
    return "" if span is None else (doc.text if text is None else text)[span[0]:span[1]]


def own_sentence_context(att: Attribution, text: str) -> str:
    """The claim's own sentence outside its content, where an issue may be named ("Asked whether
    Russia could accept the ceasefire, Rubio said: “That's what we want to know”" is about the ceasefire).

    >>> from graphkit.records import Attribution
    >>> t = "Asked about the ceasefire, Rubio said: “We want to know.”"
    >>> own_sentence_context(Attribution(spans=[(39, 57)], text=t[39:57], cue="said", sentence_span=(0, 57)), t)
    'Asked about the ceasefire, Rubio said:'
    """
    if not att.sentence_span:
        return ""
    s, e = att.sentence_span
    rest, pos = [], s
    for a, b in sorted(att.spans):
        if a > pos:
            rest.append(text[pos:min(a, e)])
        pos = max(pos, b)
    if pos < e:
        rest.append(text[pos:e])
    return " ".join(x.strip() for x in rest if x.strip())


RELATIVE_SPEAKERS = {"which", "who", "whom", "that"}

#: what sets a relative clause off as the writer's aside when it stands right before the pronoun (", which says",
#: "— who said", "(who said"): a non-restrictive clause; without one ("Republicans who suggest ...") the clause says
#: which people the outer claim's words are about
ASIDE_MARKS = frozenset(",;(\u2014\u2013-")


def set_off(holders: list[Attribution], pos: int) -> bool:
    """Is the character offset ``pos`` (a relative pronoun inside one of ``holders``' contents) set off by
    :data:`ASIDE_MARKS` before it, as the holder's own text shows (an Attribution's text is its spans' words, pieces
    joined by " … ")? A pronoun that opens a piece of content has nothing before it there: not set off.

    The one reading of an aside: :func:`cut_relative_asides` cuts a claim only there, and
    ``graphkit.confidence.nested_give_way`` lets only such a clause's claim stand inside another.

    >>> t = "Bolton criticised Ryan, who said so."
    >>> ryan = Attribution(spans=[(18, 35)], text=t[18:35], cue="criticised")
    >>> set_off([ryan], t.index("who")), set_off([ryan.model_copy(update={"text": "Ryan who said so"})], 23)
    (True, False)
    """
    for a in holders:
        at = 0
        for s, e in a.spans:
            if s <= pos < e:
                before = a.text[at:at + pos - s].rstrip()
                return bool(before) and before[-1] in ASIDE_MARKS
            at += (e - s) + len(" … ")
    return False


def _aside_at(att: Attribution, asides: list[Attribution]) -> Optional[int]:
    """Where the first relative clause of ``asides`` set off inside ``att``'s content (:func:`set_off`) begins: its
    pronoun's offset, or None."""
    return min((r.speaker_span[0] for r in asides if r is not att
                and any(s <= r.speaker_span[0] < e for s, e in att.spans) and set_off([att], r.speaker_span[0])),
               default=None)


def cut_relative_asides(atts: list[Attribution], text: str) -> list[Attribution]:
    """End a claim's content where a relative-clause attribution set off inside it begins (:func:`set_off`).

    In "Russia says the regions are legally Russian and will never be returned to Ukraine, which
    says they were annexed illegally", Ukraine's claim is the writer's aside, not part of what
    Russia said: Russia's content stops before ", which says". A restrictive clause, no comma, dash or bracket
    before its pronoun ("Bolton criticised Republicans who suggest ..."), says which people the outer claim's words
    are about: the outer claim keeps it whole ("Republicans", cut there, says nothing), whichever of the two
    ``graphkit.confidence.nested_give_way`` kept (−75: 5-fold CV on PolNeAR train+dev, issue 13).

    >>> from graphkit.records import Attribution
    >>> t = "Russia says the regions are Russian, not Ukraine's, which says they were annexed illegally."
    >>> outer = Attribution(spans=[(12, 90)], text=t[12:90], cue="says", speaker_text="Russia")
    >>> inner = Attribution(spans=[(63, 90)], text=t[63:90], cue="says", speaker_text="which", speaker_span=(52, 57))
    >>> [a.text for a in cut_relative_asides([outer, inner], t)]
    ["the regions are Russian, not Ukraine's", 'they were annexed illegally']
    >>> t = "Bolton criticised Republicans who suggest Clinton would be better."
    >>> outer = Attribution(spans=[(18, 65)], text=t[18:65], cue="criticised", speaker_text="Bolton")
    >>> inner = Attribution(spans=[(42, 65)], text=t[42:65], cue="suggest", speaker_text="who", speaker_span=(30, 33))
    >>> [a.text for a in cut_relative_asides([outer, inner], t)]
    ['Republicans who suggest Clinton would be better', 'Clinton would be better']
    """
    asides = [a for a in atts if a.speaker_span and (a.speaker_text or "").lower() in RELATIVE_SPEAKERS]
    if not asides:
        return atts
    out = []
    for a in atts:
        cut = _aside_at(a, asides)
        if cut is not None and cut > a.spans[0][0]:
            spans = [(s, min(e, cut)) for s, e in a.spans if s < cut]
            s, e = spans[-1]
            while e > s and text[e - 1] in " ,;:\u2014\u2013-\n":
                e -= 1
            spans[-1] = (s, e)
            spans = [(s, e) for s, e in spans if e > s]
            if spans:
                a = a.model_copy(update={"spans": tuple(spans), "text": " … ".join(text[s:e] for s, e in spans)})
        out.append(a)
    return out


def as_built(atts: list[Attribution], text: str, document: Optional[Document] = None, turns: Sequence = ()
             ) -> list[Attribution]:
    """The re-scorer's kept attributions as a build stores them, the one home of the steps after it: a first person
    outside quotes given the article's author (:func:`author_speaker`, with ``document``), and a relative clause's
    aside cut from the claim holding it (:func:`cut_relative_asides`). :func:`extract_parsed` writes these, and the
    PolNeAR export (``bench/eval_attribution.claims_for``, with the article's Document and turns) scores the same.

    >>> t = "Russia says the regions are Russian, not Ukraine's, which says they were annexed illegally."
    >>> outer = Attribution(spans=[(12, 90)], text=t[12:90], cue="says", speaker_text="Russia")
    >>> inner = Attribution(spans=[(63, 90)], text=t[63:90], cue="says", speaker_text="which", speaker_span=(52, 57))
    >>> [a.text for a in as_built([outer, inner], t)]
    ["the regions are Russian, not Ukraine's", 'they were annexed illegally']
    """
    if document is not None:
        atts = [author_speaker(a, document, turns, text) for a in atts]
    return cut_relative_asides(atts, text)


def with_segments(atts: Sequence[Attribution], text: str, title: Optional[str] = None) -> list[Attribution]:
    """Each attribution with the segment of the article its content lies in (`Attribution.segment`, which the claim
    keeps): the kind of the segment (graphkit.segments, read with the metadata ``title``, as the attribution rules
    read it) holding the content's first character. The content's, not the cue's: it is the words a researcher
    reads, and a headline's claim is its words ("Lavrov: Washington Fails ..."); the two stand in one segment, as a
    segment's start starts a sentence.

    >>> t = "Lavrov: Washington Fails to Submit Plan\\nLavrov said it was late."
    >>> head = Attribution(spans=[(8, 39)], text=t[8:39], cue=":", speaker_text="Lavrov", speaker_span=(0, 6))
    >>> body = Attribution(spans=[(52, 63)], text=t[52:63], cue="said", speaker_text="Lavrov", speaker_span=(40, 46))
    >>> [(a.text, a.segment) for a in with_segments([head, body], t)]
    [('Washington Fails to Submit Plan', 'headline'), ('it was late', 'body')]
    """
    from .segments import segment_kind_at, segments

    segs = [s for s in segments(text, title) if s.kind != "body"]  # between these, every position is running text
    if not segs:
        return list(atts)
    kinds = [segment_kind_at(segs, a.spans[0][0]) for a in atts]
    return [a if kind == a.segment else a.model_copy(update={"segment": kind}) for a, kind in zip(atts, kinds)]


def author_speaker(att: Attribution, document: Document, turns: Sequence = (), text: Optional[str] = None
                   ) -> Attribution:
    """A first-person speaker outside quotes ("I urged that ...", "we know that ...") is the article's author.

    Not in an interview's answer or a transcript speaker's turn (``turns``, graphkit.segments.interview_turns):
    that first person is the interviewee's or the label's, resolved in the article (graphkit.speakers).

    A readers' comment signed with a handle on the line after it ('I was moved.⏎⏎@peacockhill.', graphkit.segments.
    signed_by, over ``text``, the Doc's text) is its signer's, and the 'I' of a letter on a letters page its writer's
    (the name line that signs it, graphkit.segments.letter_signer). Else the byline (``Document.author``, from metadata or
    the article) names the author, else a closing note on the author
    (graphkit.segments.closing_author: 'Dana Whitfield is the Democratic mayor of Tulsa.'); without either the speaker
    is the author of this article ("the author", an anonymous actor of its own per article). A cue
    inside a quote is never an attribution of the article, so every first person reaching here is the
    author's; the nearest name is never taken.

    >>> from graphkit.records import Attribution, Document
    >>> d = Document(id="x", path="x.txt", text="I said it.", sha256="0" * 64, format="txt", author="Ann Lee")
    >>> a = Attribution(spans=[(7, 9)], text="it", cue="said", speaker_text="I", speaker_span=(0, 1),
    ...                 speaker_type="PRON", resolved_text="Ukrainians")
    >>> (author_speaker(a, d).resolved_text, author_speaker(a, d.model_copy(update={"author": None})).resolved_text)
    ('Ann Lee', 'the author')
    """
    if (att.speaker_text or "").strip().lower() not in FIRST_PERSON or att.continuation and att.speaker_span is None:
        return att
    if turns and att.speaker_span is not None and turn_at(turns, att.speaker_span[0]) not in (None, "Q"):
        return att
    signer = signed_by(text, att.speaker_span[0]) if text and att.speaker_span is not None else None
    if signer is None and text and att.speaker_span is not None and (att.speaker_text or "").strip().lower() in FIRST_PERSON_SINGULAR:
        signer = letter_signer(text, att.speaker_span[0])  # a letters page: 'I' is the letter's writer
    author = signer or (document.author or "").strip() or closing_author(document.text)
    if author:
        return att.model_copy(update={"resolved_text": author, "resolved_span": None, "speaker_type": "PERSON"})
    return att.model_copy(update={"resolved_text": "the author", "resolved_span": None, "speaker_type": "ANON"})


def extract_parsed(doc, document: Document, offset: int = 0, *, text: Optional[str] = None
                   ) -> tuple[list[LocalClaim], list[Entity]]:
    """Attributions, dates, contexts and keyphrases of one parsed piece of an article (offsets shifted by `offset`).

    ``text``: the piece the Doc was made from (``doc.text``), when the caller has it.
    """
    from .attribution import attributions
    from .confidence import filter_attributions
    from .dates import claim_date, doc_text
    from .interviews import doc_turns
    from .keyphrases import keyphrases

    atts = doc._.attributions if doc.has_extension("attributions") and doc._.attributions is not None else attributions(doc)
    atts = filter_attributions(doc, atts)  # trained filter (graphkit.confidence): drops unlikely candidates
    text_of_doc = doc_text(doc, text)  # spaCy builds doc.text from every token on each access: once per piece
    turns = doc_turns(doc, text_of_doc)  # read once per Doc: the speaker resolver read them first
    atts = with_segments(as_built(atts, text_of_doc, document, turns), text_of_doc, doc.user_data.get("title"))
    items = []
    last_date: dict = {}  # speaker → date of their previous claim in this article (carried to "He added ...")
    for att in atts:
        speaker = att.resolved_text or att.speaker_text
        previous = last_date.get(speaker)
        cd = claim_date(doc, att, document.published, previous=previous, same_speaker=previous is not None)
        last_date[speaker] = cd
        before = before_span(doc, att, text=text_of_doc)
        items.append(LocalClaim(
            attribution=_shift(att, offset),
            date={"date": cd.date, "precision": cd.precision, "basis": cd.basis, "text": cd.text},
            context=(own_sentence_context(att, text_of_doc), text_of_doc[before[0]:before[1]] if before else ""),
            phrases=tuple(keyphrases(doc, att.spans)),
            context_phrases=tuple(keyphrases(doc, [before])) if before else (),
        ))
    return items, running_entities(doc, text_of_doc, offset)


def running_entities(doc, text: str, offset: int = 0) -> list[Entity]:
    """The Doc's entities outside headlines, bylines, datelines, subheads and captions (graphkit.segments):
    the NER reads headline words as names there ("Donald Trump Tells", "Derelict Obama")."""
    from .segments import NOT_RUNNING_TEXT, segment_kind_at, segments

    segs = [s for s in segments(text, doc.user_data.get("title")) if s.kind in NOT_RUNNING_TEXT]
    return [(e.text, e.label_, e.start_char + offset, e.end_char + offset) for e in doc.ents
            if not segs or segment_kind_at(segs, e.start_char) not in NOT_RUNNING_TEXT]


def extract_documents(documents: Iterable[Document], nlp=None, *, batch_size: int = 16, n_process: int = 1,
                      ahead: bool = False, keep_tables: bool = True) -> Iterator[DocExtraction]:
    """Run the pipeline over documents and yield one DocExtraction per document, in input order.

    ``ahead``: spaCy parses the next articles in a thread while this one's extraction (and whatever the caller
    does with it) runs (`graphkit.nlp.pipe_ahead`); not the default: under load it did not pay (see
    ``bench/README.md``, "Parse ahead"), and a worker process of `extract_documents_parallel` has siblings on
    the other cores anyway.

    Articles up to `CHUNK_CHARS` go through ``nlp.pipe`` together, ``batch_size`` at a time; a longer one
    goes on its own, one piece at a time (`chunks`): spaCy's memory grows with the tokens of a batch, and
    the seven pieces of a 640 KB article in one batch peaked at 2 GB (one piece a batch: the same extraction).

    ``keep_tables``: once the last document is extracted, write what the table annotators computed to the cache
    folder for the next process (`graphkit.annotate.save_tables`); a worker of `extract_documents_parallel`, which
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
            for off, piece in chunks(d.text):
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


# -- several processes ------------------------------------------------------------------------------
_worker_nlp = None


def _init_worker(model: Optional[str], parent: int) -> None:
    """A spawned `ProcessPoolExecutor` worker's start (`_spawned_extract`): first ask to end with ``parent``, the
    process that started it (`graphkit.forks.die_with_parent`: spawned, it did not ask in a fork as the pool host
    and its workers did, `graphkit.forks.start`), then load the pipeline (`_load_worker`)."""
    die_with_parent(parent)
    _load_worker(model)


def _load_worker(model: Optional[str]) -> None:
    """Load the pipeline in a parsing process: the pool host (its forked workers share it) or a spawned worker."""
    global _worker_nlp
    import gc

    from .memory import YOUNG_THRESHOLD
    from .nlp import load_pipeline, one_blas_thread

    if gc.get_threshold()[0] < YOUNG_THRESHOLD:  # a spawned worker (a forked one has its parent's): graphkit.memory
        gc.set_threshold(YOUNG_THRESHOLD, *gc.get_threshold()[1:])
    _worker_nlp = load_pipeline(model)  # forked workers find it already loaded (load_pipeline's cache)
    one_blas_thread()  # this process only parses: numpy's BLAS keeps to one thread (graphkit.nlp.one_blas_thread)


#: a short article that reaches every stage of the extraction (a cue, a named speaker, a pronoun speaker, a quote,
#: a relative date against a publication date): `warm_extraction` runs it once in the pool host
WARM_ARTICLE = ("Sergey Lavrov said on Monday that Europe was to blame for the war in Ukraine. "
                "\"The talks have failed,\" he told reporters two days ago, according to the ministry.\n")


def warm_extraction(nlp) -> None:
    """Extract `WARM_ARTICLE` with ``nlp`` and drop the result: what the extraction loads on first use (the cue
    lexicon, speaker tables, the attribution filter's weights, date parsing, compiled patterns, about 0.1 CPU s)
    is then loaded in this process. The pool host does it before forking its workers, which share it instead of
    each loading it again. Every cache it fills is a pure function of its input: later extractions are the same.

    >>> from graphkit.nlp import load_pipeline
    >>> warm_extraction(load_pipeline())
    """
    doc = Document(id="graphkit-warm", path="graphkit-warm.txt", text=WARM_ARTICLE, sha256="0" * 64, format="txt",
                   published="2025-03-12")
    for _ in extract_documents([doc], nlp):
        pass


def _extract_batch(documents: list[Document], batch_size: int) -> list[DocExtraction]:
    return list(extract_documents(documents, _worker_nlp, batch_size=batch_size, keep_tables=False))


def longest_first(docs: list) -> list:
    """``docs`` (Documents) longest text first, equal lengths in their order: the order to deal them to workers in
    (`tail_batches`). The parse ends on the shortest articles, so a worker that is done waits at most for the
    other's shortest; in the corpus's own order it waited for whatever came last (on PolNeAR dev, by name, ~2,500
    characters, where the shortest are 341-1,200; the longest, 22,068, could come last in another corpus).

    >>> from types import SimpleNamespace as D
    >>> [d.text for d in longest_first([D(text="bb"), D(text="a"), D(text="cccc"), D(text="dd")])]
    ['cccc', 'bb', 'dd', 'a']
    """
    return sorted(docs, key=lambda d: -len(d.text))


def machine_cores() -> int:
    """The cores this process may run on: its CPU affinity, which a container, a batch scheduler or ``taskset``
    narrows, else the machine's count."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def workers_of(value, name: str = "workers") -> int:
    """The parsing processes a build is asked for, a whole number, 1 or more (the check of ``workers=`` and of
    ``--workers``, one wording for both: `graphkit.values.whole`); more than the cores is no error (`parse_workers`).

    >>> workers_of("2"), workers_of(8)
    (2, 8)
    >>> workers_of(0)
    Traceback (most recent call last):
    ...
    graphkit.values.BadValue: workers=0 is below 1; give a whole number, 1 or more, e.g. workers=2
    """
    from .values import whole

    return whole(value, name, least=1, example=2)


def parse_workers(asked: int, cores: Optional[int] = None, *, named: str = "workers=") -> tuple[int, Optional[str]]:
    """(the parsing processes a build runs for ``asked``, what to say of the choice or None): no more than the
    ``cores`` (this process's, `machine_cores`), since more only take turns on them, each holding a pipeline of its
    own in memory, and the store is the same whatever the number. ``asked`` is checked by `workers_of` (fewer than one
    is an error saying what to give); ``named``: how the caller spells the setting, ``--workers `` on the command line.

    >>> parse_workers(2, 2), parse_workers(1, 8)
    ((2, None), (1, None))
    >>> parse_workers(999, 2, named="--workers ")
    (2, '--workers 999: this machine has 2 cores, so 2 parsing processes (more would take turns on them; the store is the same)')
    >>> parse_workers("two", 2)
    Traceback (most recent call last):
    ...
    graphkit.values.BadValue: workers='two' is not a whole number; give 1 or more, e.g. workers=2
    """
    asked = workers_of(asked, named.rstrip("= "))  # "two", 0 or 1.5 from a notebook: one line, not a TypeError later
    cores = cores or machine_cores()
    if asked <= cores:
        return asked, None
    return cores, (f"{named}{asked}: this machine has {cores} cores, so {cores} parsing processes (more would take "
                   "turns on them; the store is the same)")


def ahead_left_out(workers: int, cluster: bool = False, *, named: str = "parse_ahead") -> Optional[str]:
    """What to say when parsing ahead is asked for where it cannot apply, or None: with more than one worker or a
    cluster the workers parse, each in a process of its own, so it is left out (said, not dropped without a word;
    ``named``: how the caller spells the setting).

    >>> ahead_left_out(1) is None
    True
    >>> ahead_left_out(2, named="--parse-ahead")
    '--parse-ahead is for one worker: the 2 workers parse, each in its own process; it is left out'
    >>> ahead_left_out(1, cluster=True)
    "parse_ahead is for one worker: the cluster's workers parse; it is left out"
    """
    if workers <= 1 and not cluster:
        return None
    who = "the cluster's workers parse" if cluster else f"the {workers} workers parse, each in its own process"
    return f"{named} is for one worker: {who}; it is left out"


def tail_batches(docs: list, batch: int, workers: int) -> Iterator[list]:
    """``docs`` in order, in batches of ``batch``, smaller towards the end (at most the articles left over twice the
    workers, at least one): the last batches are single articles, so a worker that is done waits for the other's
    last article, not for its last four.

    >>> [len(b) for b in tail_batches(list(range(30)), 4, 2)]
    [4, 4, 4, 4, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1]
    """
    i, n = 0, len(docs)
    while i < n:
        size = max(1, min(batch, (n - i) // (2 * workers)))
        yield docs[i:i + size]
        i += size


def extract_documents_parallel(documents: Iterable[Document], model: Optional[str] = None, *, workers: int = 2,
                               batch: int = 4, batch_size: int = 16,
                               started: Optional[Callable[[], None]] = None,
                               pool: Optional["ParsePool"] = None) -> Iterator[DocExtraction]:
    """`extract_documents` over ``workers`` processes, in input order.

    Unlike ``nlp.pipe(n_process=N)``, which ships parsed Docs back for the parent to finish,
    each worker does the whole per-article extraction (parse, attributions, dates, keyphrases) and
    returns the small DocExtraction, so the parent only writes the store. At most ``4 * workers`` batches
    of ``batch`` articles are parsed or waiting at a time.

    Where the platform forks, the caller never loads spaCy: a `ParsePool` host loads the pipeline and forks the
    workers from itself, so it is loaded once and shared copy-on-write, while the caller goes on with its own
    work on the other core: ``started`` is called once the documents are handed over (a build loads what its
    resolution needs there, `graphkit.build.warm_resolution`; a thread it starts is not forked into the
    workers, whose copies of its locks would be held by no one). ``pool``: a `ParsePool` the caller started
    earlier (`graphkit.build.build` starts it before reading the corpus and the store, so the pipeline loads
    meanwhile); it is used up. Elsewhere (spawn) every worker loads the pipeline once.
    """
    import multiprocessing as mp

    from .nlp import load_pipeline

    docs = list(documents)
    if not docs:
        return
    if pool is not None:
        yield from pool.extract(docs, started)
        return
    if workers <= 1:
        yield from extract_documents(docs, load_pipeline(model), batch_size=batch_size)
        return
    if "fork" in mp.get_all_start_methods():
        with ParsePool(model, workers, batch=batch, batch_size=batch_size, documents=docs) as own:
            yield from own.extract(docs, started)
    else:
        yield from _spawned_extract(docs, model, workers, batch, batch_size, started)


def _spawned_extract(docs: list[Document], model, workers: int, batch: int, batch_size: int, started) -> Iterator[DocExtraction]:
    """`extract_documents_parallel` where processes are spawned: a pool whose workers each load the pipeline."""
    import multiprocessing as mp
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    batches = tail_batches(docs, batch, workers)
    with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn"), initializer=_init_worker,
                             initargs=(model, os.getpid())) as pool:
        pending: deque = deque()

        def submit() -> bool:
            b = next(batches, None)
            if b is None:
                return False
            pending.append(pool.submit(_extract_batch, b, batch_size))
            return True

        while len(pending) < 4 * workers and submit():
            pass
        if started is not None:
            started()
        try:
            while pending:
                out = pending.popleft().result()
                submit()
                yield from out
        finally:
            for f in pending:
                f.cancel()


class WorkerError(GraphkitError):
    """A parsing process ended without finishing its batch (killed, out of memory)."""


class _Shared:
    """What the caller, the pool host and the workers share (made before the fork): the next batch to take, the
    slots of batches parsed or waiting (the caller frees one per batch it hands on), a stop flag, and the lock
    that keeps two workers' results from mixing in the pipe."""

    def __init__(self, ctx, window: int):
        self.next = ctx.Value("q", 0)
        self.window = ctx.Semaphore(window)
        self.stop = ctx.Event()
        self.send_lock = ctx.Lock()


#: the most text (characters) a `ParsePool` forked ahead of its documents takes through its pipe (`graphkit.build`
#: then parses a larger corpus in a pool forked once it is read, which the documents reach copy-on-write: a decade
#: of news is gigabytes, and the pipe would hold a pickled copy in the caller and another in the pool host)
AHEAD_MAX_CHARS = 64_000_000


class ParsePool:
    """Parsing processes forked ahead of their work (where the platform forks): a *pool host* forked now loads the
    pipeline while the caller goes on (reading its corpus and store), then waits for the documents; `extract` hands
    them over, the host forks ``workers`` workers from itself (the pipeline shared copy-on-write) and the caller gets
    the extractions in input order. Use it as a context: leaving stops a host that was given nothing (a rebuild
    with nothing changed) or that an error left behind, and reaps one that ended its work (`close`): the caller
    does not wait for the host's end after the last extraction. ``documents`` given here go to the host with the fork
    (copy-on-write, nothing through the pipe): `extract` then takes the same list.

    >>> with ParsePool(workers=2) as pool:   # forked here; the pipeline loads meanwhile  # doctest: +SKIP
    ...     docs = read_the_corpus()
    ...     extractions = list(pool.extract(docs))
    """

    def __init__(self, model: Optional[str] = None, workers: int = 2, *, batch: int = 4, batch_size: int = 16,
                 documents: Optional[list[Document]] = None):
        import multiprocessing as mp

        ctx = mp.get_context("fork")
        self.workers, self.batch = workers, batch
        self.shared = _Shared(ctx, 4 * workers)
        self.reader, writer = ctx.Pipe(duplex=False)  # results: workers → caller
        jobs, self.jobs = ctx.Pipe(duplex=False)       # the documents: caller → host, once
        self.given = documents is not None
        self.host = ctx.Process(target=_pool_host, args=(model, jobs, self.jobs, batch, batch_size, workers,
                                                         self.shared, writer, documents), name="graphkit-parse")
        start(self.host)
        writer.close()  # the workers hold the writing end; this process only reads
        jobs.close()
        self.used = False

    def extract(self, docs: list[Document], started: Optional[Callable[[], None]] = None) -> Iterator[DocExtraction]:
        """Hand ``docs`` to the host and yield their extractions in input order (once a pool)."""
        if self.used:
            raise RuntimeError("a ParsePool parses one list of documents")
        self.used = True
        n = sum(1 for _ in tail_batches(docs, self.batch, self.workers))  # the host cuts the same batches
        if started is not None:
            started()
        if self.given:
            self.jobs.close()
        else:
            self._hand_over(docs)
        done: dict[int, list] = {}
        finished = False
        try:
            for i in range(n):
                while i not in done:
                    j, out = self._receive()
                    done[j] = out
                self.shared.window.release()
                yield from done.pop(i)
            finished = True
        finally:
            # all in: the host and its workers end on their own while the caller goes on (`close` reaps the host)
            self._stop(kill=not finished, wait=not finished)

    def _hand_over(self, docs: list[Document]) -> None:
        """Send the documents to the host (a host that already ended, e.g. its pipeline could not load, has
        said why on the results pipe: `_receive` raises it)."""
        try:
            self.jobs.send(docs)
        except OSError:
            pass
        finally:
            self.jobs.close()

    def _receive(self) -> tuple[int, list]:
        """The next (batch index, extractions) a worker sent; raises what a worker or the host sent instead."""
        from multiprocessing.connection import wait

        while True:
            ready = wait([self.reader, self.host.sentinel])
            if self.reader in ready:
                j, out = self.reader.recv()
                if isinstance(out, BaseException):
                    raise out
                return j, out
            if not self.reader.poll():  # the host ended and nothing is left to read
                raise WorkerError(f"the parsing processes ended before the last article (exit code "
                                  f"{self.host.exitcode}); build again to resume: the store keeps what was written")

    def _stop(self, kill: bool, at_once: bool = False, wait: bool = True) -> None:
        """Tell the host and its workers to stop (``kill``: now, by a signal) and, with ``wait``, reap the host."""
        self.shared.stop.set()
        if kill and self.host.is_alive():
            if at_once:
                self.host.kill()  # no workers yet, nothing held: not even its signal handler needs to run
            else:
                self.host.terminate()  # the host stops its workers (`_pool_host`)
        if wait:
            self.host.join()
        self.reader.close()

    def close(self) -> None:
        """Stop the host if it was never given documents: it is then only loading the pipeline or waiting, has
        forked no worker and holds nothing, so it is killed outright (a SIGTERM would wait for the end of whatever
        C call its import is in: 0.2-0.5 s of a rebuild with nothing changed, under load). Else reap the host,
        which `extract` left to end on its own once the last extraction was in: the host notices its workers'
        exit and exits, ~0.1 s on PolNeAR dev that a build spends resolving instead of waiting."""
        if not self.used:
            self.used = True
            self.jobs.close()
            self._stop(kill=True, at_once=True)
        else:
            self.host.join()

    def __enter__(self) -> "ParsePool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _pool_host(model, jobs, jobs_end, batch: int, batch_size: int, workers: int, shared: _Shared, writer,
               documents: Optional[list] = None) -> None:
    """Load the pipeline, take the documents from ``jobs`` (unless given as ``documents``), fork ``workers`` workers
    (`_work`) from this process, and wait for them: a worker that dies is reported to the caller through ``writer``;
    a caller that is gone (killed) or stops early (SIGTERM) has the workers stopped, so none is left parsing for no
    one."""
    import multiprocessing as mp
    import signal

    caller = os.getppid()  # it asked, in the fork, to end with the caller (`graphkit.forks.start`)
    kids: list = []

    def stop(*_):
        shared.stop.set()
        for k in kids:
            if k.is_alive():
                k.terminate()
        os._exit(1)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the caller, which stops this process
    jobs_end.close()  # the caller's end: a caller that dies is then an end of file here
    try:
        _load_worker(model)
        warm_extraction(_worker_nlp)  # loaded once here, shared by the workers forked below
    except BaseException as e:  # noqa: BLE001  (the pipeline cannot load: ModelNotFound ...) the caller raises it
        _send(shared, writer, (-1, e))
        return
    try:
        docs = jobs.recv() if documents is None else documents
    except (EOFError, OSError):  # the caller closed without documents, or is gone
        return
    finally:
        jobs.close()
    batches = list(tail_batches(docs, batch, workers))
    del docs
    ctx = mp.get_context("fork")
    kids.extend(ctx.Process(target=_work, args=(batches, batch_size, shared, writer), name=f"graphkit-parse-{n + 1}",
                            daemon=True) for n in range(workers))
    for k in kids:
        start(k)
    while any(k.is_alive() for k in kids):
        if os.getppid() != caller:  # the caller was killed: stop
            stop()
        for k in kids:
            k.join(0.2)
            if k.exitcode not in (None, 0) and not shared.stop.is_set():
                _send(shared, writer, (-1, WorkerError(f"a parsing process ended with exit code {k.exitcode} "
                                                       "(killed, or out of memory?); build again to resume: the store "
                                                       "keeps what was written")))
                stop()


def _work(batches: list, batch_size: int, shared: _Shared, writer) -> None:
    """A worker: take the next batch while the window has a free slot, extract it, send (index, extractions); at
    the end, what its table annotators computed goes to the cache folder (`graphkit.annotate.save_tables`)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # it asked, in the fork, to end with the host (graphkit.forks)
    try:
        while not shared.stop.is_set():
            if not shared.window.acquire(timeout=0.2):
                continue
            with shared.next.get_lock():
                i = shared.next.value
                shared.next.value += 1
            if i >= len(batches):
                return
            try:
                out = _extract_batch(batches[i], batch_size)
            except Exception as e:  # noqa: BLE001  raised again by the caller
                out = e
            if not _send(shared, writer, (i, out)):
                return
    finally:
        _keep_tables()


def _keep_tables() -> None:
    from .annotate import save_tables

    if _worker_nlp is not None:
        try:
            save_tables(_worker_nlp)
        except Exception:  # noqa: BLE001  a cache, nothing more: the next process computes them again
            pass


def _send(shared: _Shared, writer, message) -> bool:
    """Send ``message`` to the caller; False when it is gone. An exception that cannot be pickled goes as its text."""
    import pickle

    try:
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001
        i, e = message
        data = pickle.dumps((i, WorkerError(f"{type(e).__name__}: {e}")), protocol=pickle.HIGHEST_PROTOCOL)
    try:
        with shared.send_lock:
            writer.send_bytes(data)
        return True
    except OSError:
        return False
