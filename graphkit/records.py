"""The checked records that flow between graphkit's stages.

Every fact graphkit extracts is one of these small, frozen pydantic models.
They import nothing heavy (no spaCy, no networkx), so any stage, notebook or
test can use them. Invalid data is rejected with a message naming the field.

>>> from graphkit.records import Claim
>>> c = Claim(id="c1", doc_id="003", speaker="Dmitry Peskov", speaker_id="actor:dmitry-peskov",
...           text="Witkoff will meet Putin", spans=[(10, 33)], kind="indirect", cue="confirmed")
>>> c.stance
'assert'
>>> Claim(id="c2", doc_id="003", speaker="X", speaker_id="actor:x", text="t", spans=[(5, 2)],
...       kind="direct", cue="said")
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Claim
spans
  Value error, span (5, 2) ends before it starts or is negative; ...
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sys
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SCHEMA_VERSION = 1

Span = tuple[int, int]

ClaimKind = Literal["direct", "indirect", "mixed"]
Stance = Literal[
    "assert", "deny", "demand", "warn", "predict", "accuse", "question",
    "promise", "praise", "criticize", "support", "oppose", "believe", "report",
    "declined",  # a negated or refused cue: "did not say", "declined to comment" (graphkit.frames_verb.declined_cue)
]
ActorKind = Literal["person", "organisation", "government", "country", "group", "anonymous", "media", "role", "other"]
PlaceKind = Literal["country", "region", "city", "other"]
DatePrecision = Literal["day", "week", "month", "year"]
DateBasis = Literal["explicit", "relative", "publication", "unknown"]
#: the part of an article a stretch of text stands in (graphkit.segments): "body" is running text; a claim's content can
#: lie in a headline or standfirst (the "headline" frame, since -78) or an editor's note, never in the other kinds
SegmentKind = Literal["body", "headline", "standfirst", "note", "subhead", "byline", "dateline", "caption", "credit"]

_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class Record(BaseModel):
    """Base of every record: frozen, strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=True)


_FIELDS_SETS: dict[frozenset, set] = {}


def share_fields_set(record: BaseModel) -> BaseModel:
    """``record`` with pydantic's per-instance set of the fields it was given replaced by one shared, equal set.

    Every record built or read gets its own such set (1.2 kB for a Claim's 27 fields, as much as the rest of
    its dict), though records of one kind built the same way name the same fields: resolution holds a store's
    attributions and claims at once (a million of each at 1M claims), so it shares them. Nothing changes
    for the record: frozen records never add to the set (pydantic does only when a field is assigned), and
    ``model_copy`` gives the copy a set of its own.

    >>> a = Issue(id="issue:energy", name="Energy"); b = Issue(id="issue:health", name="Health")
    >>> share_fields_set(a).__pydantic_fields_set__ is share_fields_set(b).__pydantic_fields_set__
    True
    >>> a.model_fields_set == {"id", "name"}
    True
    """
    own = record.__pydantic_fields_set__
    shared = _FIELDS_SETS.get(key := frozenset(own))
    if shared is None:
        shared = _FIELDS_SETS[key] = set(own)
    object.__setattr__(record, "__pydantic_fields_set__", shared)
    return record


def compact(record: BaseModel, update: Optional[dict] = None) -> BaseModel:
    """``record`` (with ``update``'s field values, as ``model_copy(update=...)`` gives them) as a record of the
    same kind whose field values sit in a key-sharing dict (`_key_table`), with a shared fields set
    (`share_fields_set`).

    pydantic hands each record a dict of its own keys and values: 832 B for a Claim's 27 fields, the largest
    object of a claim. A copy of `_key_table` holds only the values, the field names staying in one table
    shared by every such record (PEP 412): ~300 B. Resolution holds every claim of a store at once (a million
    at 1M claims) while reports merge and contradictions are found. Nothing changes for the record: same fields
    in the same order, values, equality, hash and dumps; nothing is validated again (``record`` was, and
    ``update`` is taken as ``model_copy`` takes it).

    >>> import sys
    >>> c = Claim(id="c1", doc_id="d", speaker="X", speaker_id="actor:x", text="t", spans=[(0, 1)], cue="said")
    >>> k = compact(c)
    >>> k == c, hash(k) == hash(c), k.model_dump_json() == c.model_dump_json()
    (True, True, True)
    >>> sys.getsizeof(k.__dict__) < sys.getsizeof(c.__dict__) / 2
    True
    >>> compact(c, {"same_as": "c0"}) == c.model_copy(update={"same_as": "c0"})
    True
    """
    cls = type(record)
    table = _key_table(cls)
    if table is None:  # no key-sharing dict here: what model_copy gives, with the shared fields set
        return share_fields_set(record.model_copy(update=update))
    values = table.copy()  # a split dict: its own values, the table's keys
    values.update(record.__dict__)
    fields_set = record.__pydantic_fields_set__
    if update:
        values.update(update)
        if not fields_set.issuperset(update):
            fields_set = fields_set | set(update)
    new = cls.__new__(cls)
    object.__setattr__(new, "__dict__", values)
    object.__setattr__(new, "__pydantic_fields_set__", fields_set)
    object.__setattr__(new, "__pydantic_extra__", record.__pydantic_extra__)  # None: records forbid extras
    object.__setattr__(new, "__pydantic_private__", record.__pydantic_private__)
    return share_fields_set(new)


_KEY_TABLES: dict[type, Optional[dict]] = {}


def _key_table(cls: type[BaseModel]) -> Optional[dict]:
    """A dict of ``cls``'s field names (in order, values None) whose copies share its key table; None where
    CPython gives no such dict (more fields than an instance dict shares, another Python).

    >>> table = _key_table(Place)
    >>> table is None or (list(table) == list(Place.model_fields) and _key_table(Place) is table)
    True

    The dict is an instance dict of a class made here for it alone: CPython shares an instance dict's keys
    among the instances of its class (a split table), but a record class's own instance dicts cannot be relied
    on (pydantic assigns each record a plain dict, and after a failed validation the class's shared table was
    seen to stop being used). Copying a split dict gives a split dict with the same keys."""
    if cls in _KEY_TABLES:
        return _KEY_TABLES[cls]
    holder = type("_FieldKeys", (), {})()
    for name in cls.model_fields:
        setattr(holder, name, None)
    table = holder.__dict__
    if sys.getsizeof(table.copy()) >= sys.getsizeof(dict(table)):  # not split: copies would save nothing
        table = None
    _KEY_TABLES[cls] = table
    return table


def _checked_spans(v) -> tuple[Span, ...]:
    """A record's ``spans`` as a tuple of checked (start, end) pairs (`_check_span`): what the Claim's and the
    Attribution's validators make of the lists JSON gives.

    >>> _checked_spans([[0, 6], [10, 20]])
    ((0, 6), (10, 20))
    """
    return tuple(_check_span(tuple(s)) for s in v)


def _checked_span(v) -> Optional[Span]:
    """One span field of a record (a speaker's, a cue's, a sentence's) checked (`_check_span`), None kept.

    >>> _checked_span([37, 41]), _checked_span(None)
    ((37, 41), None)
    """
    return None if v is None else _check_span(tuple(v))


def _check_span(v: Span) -> Span:
    """A span as (start, end), refused when it ends before it starts or starts below 0.

    >>> _check_span([3, 9])
    (3, 9)
    >>> _check_span((9, 3))
    Traceback (most recent call last):
    ValueError: span (9, 3) ends before it starts or is negative; offsets are [start, end) into the article text
    """
    s, e = v
    if s < 0 or e < s:
        raise ValueError(f"span {tuple(v)} ends before it starts or is negative; offsets are [start, end) into the article text")
    return (s, e)


class Document(Record):
    """One article as read from the corpus."""

    kind: Literal["document"] = "document"
    id: str = Field(min_length=1, description="doc_id: the file's stem, unique in a corpus")
    path: str = Field(description="where the article was read from, relative to the corpus root")
    text: str = Field(description="the article text as stored; every offset points into this")
    sha256: str = Field(min_length=64, max_length=64, description="hash of the raw file bytes, for incremental builds")
    format: Literal["txt", "md", "html"] = Field(description="the file format it was read from")
    title: Optional[str] = Field(None, description="headline: from the metadata, front matter or page, else the "
                                 "article's first line when it is one (graphkit.ingest.text_title)")
    source: Optional[str] = Field(None, description="publisher or outlet")
    url: Optional[str] = Field(None, description="where the article was published")
    author: Optional[str] = Field(None, description="byline")
    published: Optional[dt.date] = Field(None, description="publication date; claim dates fall back to it")
    encoding: str = Field("utf-8", description="how the file was decoded")
    notes: tuple[str, ...] = Field((), description="degradations met while reading (bad metadata, decoding)")


class Actor(Record):
    """A canonical real-world speaker: one node per person, organisation or anonymous source."""

    kind: Literal["actor"] = "actor"
    id: str = Field(pattern=r"^actor:", description="stable node id, 'actor:<slug>'")
    name: str = Field(min_length=1, description="canonical display name ('Sergey Lavrov')")
    type: ActorKind = Field("other", description="person, organisation, government, country, group, anonymous, media, "
                               "role (a role phrase such as 'the foreign secretary' that names no one the corpus knows)")
    aliases: tuple[str, ...] = Field((), description="surface forms seen or listed in the gazetteer")
    roles: tuple[str, ...] = Field((), description="roles held, as written ('Foreign Minister')")
    organisation: Optional[str] = Field(None, description="organisation the actor speaks for ('Kremlin')")
    country: Optional[str] = Field(None, description="country the actor belongs to, when known")
    merges: tuple[str, ...] = Field((), description="why mentions were merged into this actor, one reason per line")


class Place(Record):
    """A place mentioned by claims, with coordinates when the offline gazetteer knows it."""

    kind: Literal["place"] = "place"
    id: str = Field(pattern=r"^place:", description="stable node id, 'place:<slug>'")
    name: str = Field(min_length=1)
    type: PlaceKind = "other"
    country_code: Optional[str] = Field(None, description="ISO 3166 alpha-2 code")
    lat: Optional[float] = Field(None, ge=-90, le=90)
    lon: Optional[float] = Field(None, ge=-180, le=180)


class Issue(Record):
    """A topic: from the corpus's taxonomy (issues.yaml) or discovered from its claims."""

    kind: Literal["issue"] = "issue"
    id: str = Field(pattern=r"^issue:", description="stable node id, 'issue:<slug>'")
    name: str = Field(min_length=1, description="display name ('Europe', 'peace plan')")
    description: Optional[str] = None
    origin: Literal["taxonomy", "discovered"] = Field(
        "taxonomy", description="from an issues.yaml, or discovered from the corpus's claims (graphkit.discover)")


class Claim(Record):
    """One attributed statement: who said what, when, about which issues and places.

    `text` is exactly the article text at `spans` joined with " … " when the
    content is discontinuous.
    """

    id: str = Field(min_length=1, description="stable id: the same corpus gives the same ids")
    doc_id: str = Field(min_length=1)
    speaker: str = Field(min_length=1, description="canonical display name of the speaker")
    speaker_id: str = Field(pattern=r"^actor:", description="the actor node id")
    speaker_span: Optional[Span] = Field(None, description="[start, end) of the source mention as written")
    speaker_text: Optional[str] = Field(None, description="the source mention as written ('he', 'Lavrov')")
    role: Optional[str] = Field(None, description="the role the speaker spoke in ('spokesman')")
    text: str = Field(min_length=1, description="the claim's content")
    spans: tuple[Span, ...] = Field(min_length=1, description="[start, end) of each content piece")
    kind: ClaimKind = Field("indirect", description="direct (quoted), indirect (reported) or mixed")
    cue: str = Field(min_length=1, description="the cue as written ('said', 'according to')")
    cue_span: Optional[Span] = None
    stance: Stance = Field("assert", description="what the speaker does with the content")
    date: Optional[str] = Field(None, description="when the claim was made: YYYY-MM-DD, YYYY-MM or YYYY")
    date_precision: Optional[DatePrecision] = None
    date_basis: DateBasis = "unknown"
    date_text: Optional[str] = Field(None, description="the words the date came from ('on Tuesday')")
    sentence_span: Optional[Span] = Field(None, description="[start, end) of the sentence(s) holding the claim")
    segment: SegmentKind = Field("body", description="the part of the article its content lies in: 'body' (running "
                                 "text), 'headline', 'standfirst' (a deck under the headline), 'note' (an editor's note)")
    issues: tuple[str, ...] = Field((), description="issue names")
    issue_triggers: tuple[tuple[str, str], ...] = Field((), description="(issue, words that triggered it)")
    issue_scores: tuple[tuple[str, float], ...] = Field((), description="(issue, score in [0, 1]): how strongly the "
                                                        "triggers tie the claim to it")
    places: tuple[str, ...] = Field((), description="place names the claim is about")
    reports: tuple[str, ...] = Field((), description="other doc_ids that report the same statement")
    same_as: Optional[str] = Field(None, description="id of the claim this one is another article's report of; "
                                   "None for the first report of a statement")
    confidence: float = Field(1.0, ge=0, le=1, description="the attribution model's score (graphkit.confidence)")
    reported_by: Optional[str] = Field(None, description="for a report of a report ('Reuters reported that Putin "
                                       "said ...'): the reporting actor's display name, else None")
    reported_by_id: Optional[str] = Field(None, description="the reporting actor's node id, when it is an actor")

    @field_validator("spans", mode="before")
    @classmethod
    def _spans(cls, v):
        return _checked_spans(v)

    @field_validator("speaker_span", "cue_span", "sentence_span", mode="before")
    @classmethod
    def _one_span(cls, v):
        return _checked_span(v)

    @field_validator("date")
    @classmethod
    def _date(cls, v):
        """A claim's date as written: YYYY-MM-DD, YYYY-MM or YYYY, or None (undated).

        >>> Claim._date("2025-11"), Claim._date(None)
        ('2025-11', None)
        >>> Claim._date("November 2025")
        Traceback (most recent call last):
        ValueError: date 'November 2025' is not YYYY-MM-DD, YYYY-MM or YYYY
        """
        if v is not None and not _PARTIAL_DATE.match(v):
            raise ValueError(f"date {v!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
        return v

    @model_validator(mode="after")
    def _ordered(self):
        """The claim, once its spans are in document order (a discontinuous claim's parts as the article has them).

        >>> Claim(id="c1", doc_id="d", speaker="X", speaker_id="actor:x", text="b … a", spans=[(9, 10), (0, 1)],
        ...       cue="said")
        Traceback (most recent call last):
        ...
        pydantic_core._pydantic_core.ValidationError: 1 validation error for Claim
          Value error, spans must be in document order ...
        """
        if list(self.spans) != sorted(self.spans):
            raise ValueError("spans must be in document order")
        return self

    def contract(self) -> dict:
        """The claim as a JSON-ready dict in the export contract of DESIGN.md."""
        d = self.model_dump()
        for k in ("spans", "issue_triggers", "issue_scores"):
            d[k] = [list(x) for x in d[k]]
        for k in ("speaker_span", "cue_span", "sentence_span"):
            d[k] = list(d[k]) if d[k] else None
        for k in ("issues", "places", "reports"):
            d[k] = list(d[k])
        return d


def claim_id(doc_id: str, spans) -> str:
    """Stable claim id (`Claim.id`) from the article and the content offsets: the same corpus gives the same ids.

    >>> claim_id("003", [(10, 20)])
    'c_18f4f8a88b274439'
    """
    key = doc_id + ":" + ";".join(f"{s}-{e}" for s, e in spans)
    return "c_" + hashlib.sha1(key.encode()).hexdigest()[:16]


def claim_sentence(claim: Claim, doc: Optional[Document]) -> Optional[str]:
    """The sentence(s) holding the claim as a reader reads them: the article text at ``sentence_span``, its runs of
    white space (a paragraph's closing newline, a line break inside it) one space; None when unknown. The one
    answer of `graphkit.query.Graphkit.claims`' ``sentence`` column and of a claim node's in the graph and the view.

    >>> doc = Document(id="d", path="d.txt", format="txt", sha256="0" * 64,
    ...                text="Lavrov said the talks\\nwould go on.\\n\\nNext.")
    >>> c = Claim(id="c", doc_id="d", speaker="Lavrov", speaker_id="actor:lavrov", text="the talks would go on",
    ...           spans=[(12, 33)], cue="said", sentence_span=(0, 35))
    >>> claim_sentence(c, doc), claim_sentence(c, None)
    ('Lavrov said the talks would go on.', None)
    """
    if doc is None or claim.sentence_span is None or not doc.text:
        return None
    s, e = claim.sentence_span
    return " ".join(doc.text[s:e].split()) or None


class Contradiction(Record):
    """Two claims taking opposite positions on the same specific proposition, with the evidence.

    ``relation`` is ``contradicts`` between two speakers, ``reverses`` when one actor takes both positions
    at different dates (a self-contradiction over time, kept on the actor's timeline).
    """

    kind: Literal["contradiction"] = "contradiction"
    a: str = Field(description="claim id (the earlier in article order)")
    b: str = Field(description="claim id")
    relation: Literal["contradicts", "reverses"] = Field("contradicts", description="between two speakers, "
                                                          "or one speaker's reversal over time")
    issue: Optional[str] = Field(None, description="an issue both claims are about, if any")
    reason: str = Field(min_length=1, description="why they were linked, in words")
    score: float = Field(1.0, ge=0, le=1, description="how sure the link is: opposition x specificity x match")
    shared: tuple[str, ...] = Field((), description="the specific arguments both claims are about")
    opposing: tuple[str, ...] = Field((), description="the opposing words: a's, then b's")
    days: Optional[int] = Field(None, ge=0, description="days between the two claims' dates, when both known")


class Skipped(Record):
    """A corpus file that was skipped or degraded, and why."""

    kind: Literal["skipped"] = "skipped"
    path: str
    reason: str
    degraded: bool = Field(False, description="True when the article was kept with a degradation")


class Attribution(Record):
    """One attribution found in one article, before actors are resolved across the corpus.

    Produced by `graphkit.attribution.attributions(doc)`; stored per article so
    that incremental builds only re-read changed articles.
    """

    kind: Literal["attribution"] = "attribution"
    spans: tuple[Span, ...] = Field(min_length=1, description="[start, end) of each content piece")
    text: str = Field(min_length=1, description="content text at spans, pieces joined with ' … '")
    claim_kind: ClaimKind = "indirect"
    cue: str = Field(min_length=1, description="cue as written")
    cue_span: Optional[Span] = None
    cue_lemma: str = Field("", description="lemma key of the cue in models/cues.yaml ('say', 'according to')")
    stance: Stance = "assert"
    speaker_text: Optional[str] = Field(None, description="source mention as written ('he', 'Kremlin spokesman Dmitry Peskov')")
    speaker_span: Optional[Span] = None
    speaker_type: Optional[str] = Field(None, description="PERSON, ORG, GPE, NORP, PRON, ANON, NOUN: what the mention looked like")
    resolved_text: Optional[str] = Field(None, description="fullest in-article name the mention refers to ('Dmitry Peskov' for 'he')")
    resolved_span: Optional[Span] = None
    next_antecedents: tuple[str, ...] = Field((), description="for a 'he' / 'she' speaker, the names the article pass "
                                              "would take next after resolved_text, in its order (the corpus's second "
                                              "look walks them when it finds resolved_text of the other gender)")
    role: Optional[str] = Field(None, description="role from the speaker phrase ('spokesman', 'Foreign Minister')")
    organisation: Optional[str] = Field(None, description="organisation from the speaker phrase ('Kremlin')")
    sentence_span: Optional[Span] = None
    continuation: bool = Field(False, description="a quote sentence with no cue of its own, speaker carried over")
    confidence: float = Field(1.0, ge=0.0, le=1.0, description="score of graphkit.confidence's filter (1.0 when not scored)")
    reported_by: Optional[str] = Field(None, description="speaker of the attribution whose content holds this one's cue")
    reported_by_span: Optional[Span] = Field(None, description="[start, end) of that reporting speaker's mention")
    cue_score: Optional[float] = Field(None, ge=0.0, le=1.0, description="probability graphkit.cue_tagger gave the cue (None: a cue of the rules)")
    segment: SegmentKind = Field("body", description="the part of the article its content lies in (graphkit.extract.with_segments)")

    @field_validator("spans", mode="before")
    @classmethod
    def _spans(cls, v):
        return _checked_spans(v)

    @field_validator("speaker_span", "cue_span", "resolved_span", "sentence_span", "reported_by_span", mode="before")
    @classmethod
    def _one_span(cls, v):
        return _checked_span(v)
