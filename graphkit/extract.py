"""A parsed article → its extraction: attributions with their date, context and keyphrases, and its entities.

One `DocExtraction` per article is what the store keeps per article, so an incremental build re-runs spaCy only on
new or changed articles (`graphkit.parsing` runs it in this process, `graphkit.parse_pool` in several); actors,
places and cross-article links are resolved afterwards over the whole store (see `graphkit.resolution`).
`extract_parsed` reads one parsed piece of an article: the re-scorer's kept attributions as a build stores them
(`as_built`: a first person outside quotes given the article's author, a relative clause's aside cut from the claim
holding it; `with_segments`), each claim's date, contexts and keyphrases, and the entities of the running text.

>>> from graphkit.nlp import load_pipeline
>>> from graphkit.records import Document
>>> text = "Macron said on Monday that no final peace plan exists."
>>> d = Document(id="x", path="x.txt", text=text, sha256="0" * 64, format="txt", published="2025-12-02")
>>> items, entities = extract_parsed(load_pipeline()(text), d)
>>> c = items[0]
>>> (c.attribution.speaker_text, c.date["date"], c.phrases)
('Macron', '2025-12-01', ('final peace plan', 'peace plan', 'plan'))

Issues are assigned later, over the whole store (graphkit.resolution.resolve_store), from the claim's
text, its ``context`` and, for a corpus with no taxonomy, its ``phrases``: a taxonomy edit re-resolves
without parsing again.
"""

from __future__ import annotations

from typing import Optional, Sequence

from pydantic import BaseModel, ConfigDict

from .records import Attribution, Document
from .pronouns import FIRST_PERSON, FIRST_PERSON_SINGULAR
from .segments import closing_author, letter_signer, signed_by, turn_at

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
    (the name line that signs it, graphkit.segments.letter_signer). Else the byline (``Document.author``, from metadata
    or the article) names the author, else a closing note on the author (graphkit.segments.closing_author: 'Dana
    Whitfield is the Democratic mayor of Tulsa.'); without either the speaker is the author of this article ("the
    author", an anonymous actor of its own per article). A cue inside a quote is never an attribution of the article, so
    every first person reaching here is the author's; the nearest name is never taken.

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
    from .dates import claim_date
    from .doc_reading import doc_text
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
