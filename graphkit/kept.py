"""What one resolution keeps in the store for the next, and the one key that says whether it still holds.

A rebuild that changed a few articles works out again only what those articles change. Three things a
resolution works out are pure functions of one article's text (or of one surface) and of what graphkit
knows, and a fourth of every claim, so they are kept in the store between builds:

- **issues** (table ``kept_issues``, `claim_issues`): each article's claims' (issue, triggers, score) lists,
  and for discovered issues the issue model and the article floor they were assigned with (meta ``issue_model``,
  `kept_issue_model`);
- **words** (table ``kept_words``, `kept_text_words` / `keep_text_words`): what merging and contradictions
  read of each claim text (graphkit.textmemo: concepts, argument candidates, lemmas, negations ...);
- **places** (meta ``kept_places``, `kept_places` / `keep_places`): what the place gazetteer found for
  each surface (graphkit.places.kept_lookups);
- **walks** (table ``kept_walks``, `kept_actor_walks` / `keep_actor_walks`): each article's walk of the actor
  pass (graphkit.walks: the corpus-wide answers it read, the drafts it met and made, what it recorded), replayed
  by a rebuild when those answers and drafts are the same (graphkit.resolve checks them), else walked again;
- **inputs** (table ``kept_inputs``, `KeptInputs`): what resolution reads of each article's extraction (its
  attributions as rows, claim texts and contexts, dates, entities), under the key of the extraction's JSON: a
  rebuild validates only the changed articles' extractions (pydantic: 0.5-0.8 CPU s over PolNeAR train);
- **texts** (meta ``kept_texts``, `kept_text_answers` / `keep_text_answers`): what reading an article file works
  out of its text alone (graphkit.ingest.TextAnswers: the language warning, the byline's author), by the file's
  bytes: a rebuild reads through only the files that changed;
- **links** (meta ``kept_merge`` and ``kept_contradictions``, `kept_report_clusters` / `kept_contradictions`):
  which reports are one statement, and which claims oppose each other, under the key of every claim they were
  worked out from, in the fields they read (`claims_key`). Both read corpus-wide figures (concept idf, argument
  specificity: functions of the number of claims and of every claim's words), so they are kept whole, not per
  article: a rebuild whose changed articles left every claim as it was in those fields (an update line
  appended: only the confidence of its article's claims moves, which weighs the links after) links nothing
  again; one that adds, drops or changes a claim's words, speaker or date links every claim again, as before.

Each is kept under a key made by `state_key`: a sha256 of what it is (its name and layout version), of
graphkit's own code (`code_key`) and of whatever else it reads (the knowledge files, the taxonomy, the
issue model, the geonames data). What is kept per article adds that article's inputs (`article_key`). A
value is read back only under the key it was kept with, so reusing it gives exactly what working it out
again gives; ``full=True`` reads nothing kept (``graphkit build --full``, which the tests compare with).
The issue model is the exception on purpose: like the discovered issues it is learnt once, so it is kept under
its taxonomy (`taxonomy_key`) and layout alone, not graphkit's code (``--rediscover`` learns both again, as a build
under another extraction key does: `graphkit.store_issues.discovered_elsewhere`).

>>> state = state_key("example", 1, ["models/actors.yaml sha"])
>>> article_key(state, ["Lavrov said ..."]) == article_key(state, ["Lavrov said ..."])
True
>>> article_key(state, ["Lavrov said ..."]) == article_key(state_key("example", 2), ["Lavrov said ..."])
False
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Optional

from .fingerprint import resolution_key

if TYPE_CHECKING:
    from .ingest import TextAnswers
    from .issue_learning import IssueModel
    from .records import Claim, Contradiction
    from .store import Store
    from .store_file import StoreLook

#: layout versions of what is kept: bump one when what it keeps, or how it is encoded, changes
WORDS_FORMAT = 1   # `kept_text_words`: graphkit.textmemo's memos and their encodings
#: `claim_issues`: an article's kept issues and the kept issue model (2: with its article floor; 3: that floor chosen
#: with the offers of articles no claim of which votes among the others, `graphkit.issue_model.article_likeliest`;
#: 4: the model's classes and every tie between issues in the taxonomy's order, `graphkit.issue_model.issue_order`,
#: not by name: a store kept by 3 fits its model and assigns its articles again; 5: an issue given by its article marked
#: `graphkit.issue_evidence.ARTICLE_EVIDENCE`, no longer "context: article", which an own trigger "article" also wrote:
#: a query reads a store kept by 4 or less as it was written, `graphkit.issue_evidence.old_marker`; 6: the floor chosen
#: on offers whose issue, when no claim of the article raised it, the claim says a word of,
#: `graphkit.issue_model.said_or_raised`; 7: a raised issue the claim says no word of gives way to the article's first
#: when the claim's sentence or the one before names it, `graphkit.issue_model.named_first`)
ISSUES_FORMAT = 7
PLACES_FORMAT = 1  # `kept_places`: graphkit.places.kept_lookups
LINKS_FORMAT = 1   # `kept_report_clusters` / `kept_contradictions`: their meta entries
WALKS_FORMAT = 2   # `kept_actor_walks`: graphkit.walks.ArticleWalk's reads and steps (2: keyed by `walk_digest`)
TEXTS_FORMAT = 1   # `kept_text_answers`: graphkit.ingest.TextAnswers' answers
INPUTS_FORMAT = 1  # `KeptInputs`: marshal's version 4 of the rows, zlib

KEPT_PLACES_MAX = 200_000  # surfaces: a store of more keeps none (looking them up again is what is saved)
#: attributions: a store of more keeps no walks of the actor pass (~0.3 kB each, held until the pass ends)
KEPT_WALKS_MAX = 300_000
#: attributions: a store of more keeps no resolution inputs (~0.2 kB each compressed: 60 MB more in the store)
KEPT_INPUTS_MAX = 300_000
#: answers (two an article: the language warning, the byline): a corpus read with more keeps none. They are one meta
#: value (~140 B an answer), read and written whole by every build that reads a changed file: 40,000 are ~5.5 MB
KEPT_TEXTS_MAX = 40_000
ISSUE_MODEL_MAX_CLAIMS = 20_000  # the issue model is fitted on at most this many claims (a fixed sample)


# --------------------------------------------------------------------------- keys

@functools.lru_cache(maxsize=1)
def code_key() -> str:
    """sha256 of graphkit's own source files: what is kept between resolutions is worked out again after any
    change to the code that made it. Read once a process (the code does not change under it)."""
    h = hashlib.sha256()
    for p in sorted(Path(__file__).parent.glob("*.py")):
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def state_key(kind: str, fmt: int, *reads) -> str:
    """The key of everything kept of ``kind`` (layout version ``fmt``): sha256 of those, of graphkit's code
    (`code_key`) and of ``reads``, the JSON-able rest of what it depends on (e.g. `resolution_key`)."""
    return _sha256(json.dumps([kind, fmt, code_key(), *reads]))


def article_key(state: str, inputs) -> str:
    """The key of what is kept for one article: its kind's `state_key` and the article's own ``inputs``
    (JSON-able: its claim texts, or their (text, context) pairs)."""
    return _sha256(state + json.dumps(inputs))


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


# --------------------------------------------------------------------------- words (graphkit.textmemo)

def kept_text_words(store: "Store", said: dict[str, list], full: bool = False) -> dict[str, tuple[str, list[str]]]:
    """Put back (`graphkit.textmemo.prime`) what merging and contradictions read of the claim texts of every
    article whose texts are those they were kept for, under the same code and knowledge files; return doc_id →
    (key, claim texts) of the other articles, whose words `keep_text_words` keeps once linking has worked them out.

    Their words are pure functions of each text, so a rebuild that reuses them links exactly as one that works
    them out again (``full``: nothing kept is read, and the process's memos start empty).
    ``said``: doc_id → its claims' (text, context) pairs (`graphkit.resolution.read_resolution_inputs`)."""
    from . import textmemo

    if full:
        textmemo.clear()
    state = state_key("words", WORDS_FORMAT, resolution_key())
    kept = {} if full else {doc_id: (key, data) for doc_id, key, data in store.kept_words()}
    todo: dict[str, tuple[str, list[str]]] = {}
    for doc_id, claims in said.items():
        texts = [t for t, _ in claims]
        key = article_key(state, texts)
        row = kept.get(doc_id)
        if row is not None and row[0] == key:
            textmemo.prime(json.loads(row[1]))
        else:
            todo[doc_id] = (key, texts)
    return todo


def keep_text_words(store: "Store", todo: dict[str, tuple[str, list[str]]]) -> None:
    """Keep in the store what linking read of the texts of the articles `kept_text_words` did not have them for."""
    from .textmemo import export

    store.keep_words((doc_id, key, json.dumps(export(texts), separators=(",", ":"))) for doc_id, (key, texts) in todo.items())


# --------------------------------------------------------------------------- inputs (graphkit.resolution.read_resolution_inputs)

class KeptInputs:
    """What resolution read of each article's extraction (graphkit.resolution.read_resolution_inputs: its attributions as
    `graphkit.rows.AttributionRow`, its claims' (text, context) pairs, their dates as rows, its entities), kept per
    article in the store (table ``kept_inputs``) under the key of the extraction's JSON and graphkit's code.

    The inputs are a function of the extraction's JSON alone (validated by pydantic, then taken apart), so the
    values put back are those validating it again gives: `decoded` returns them when the kept key is the key now,
    else None (the caller validates and says so with `fresh`); `keep` stores the fresh articles' inputs once read
    (not with ``full``'s read, which reads nothing kept but keeps; not in a store of more than `KEPT_INPUTS_MAX`
    attributions; not in a read-only store).

    >>> from graphkit.records import Attribution
    >>> from graphkit.rows import AttributionRow
    >>> row = AttributionRow.of(Attribution(spans=[(0, 7)], text="the war", cue="said"))
    >>> inputs = ([row], [("the war", "context")], [(None, None, "unknown", None)], [("Lavrov", "PERSON", 0, 6)])
    >>> KeptInputs.decode(KeptInputs.encode(*inputs)) == inputs
    True
    """

    def __init__(self, full: bool = False) -> None:
        self.full = full
        self.state = state_key("inputs", INPUTS_FORMAT).encode()
        self.todo: dict[str, str] = {}  # doc_id → the key of its inputs now, for the articles read afresh

    def key(self, extraction_json: str) -> str:
        return hashlib.sha256(self.state + extraction_json.encode()).hexdigest()

    def decoded(self, doc_id: str, extraction_json: str, key: Optional[str], data: Optional[bytes]) -> Optional[tuple]:
        """The article's kept inputs when they were kept for this extraction (``key``, ``data``: the kept row),
        else None, and the article is one to `keep`."""
        now = self.key(extraction_json)
        if not self.full and key == now and data is not None:
            return self.decode(data)
        self.todo[doc_id] = now
        return None

    @staticmethod
    def encode(atts: list, said: list, dates: list, ents: list) -> bytes:
        """One article's inputs as bytes: marshal's version 4 of the rows' values, compressed. Version 4 writes a value
        met twice (a claim's text in its row and in its (text, context) pair) once, and marks the strings the read
        interned (entity names, dates), which loading interns again."""
        return KeptInputs.encode_values([a.values() for a in atts], said, dates, ents)

    @staticmethod
    def encode_values(rows: list[tuple], said: list, dates: list, ents: list) -> bytes:
        """`encode` of the attributions' field values ``rows`` (`values` reads them back as they are)."""
        import marshal
        import zlib

        return zlib.compress(marshal.dumps((rows, said, dates, ents), 4), 1)

    @staticmethod
    def values(data: bytes) -> tuple[list, list, list, list]:
        """`encode`'s bytes as the plain values it wrote: (each attribution's field values as a tuple, (text, context)
        pairs, date rows, entities), nothing built of them. A store written by another extraction version may hold
        rows of another width than this graphkit's `graphkit.rows.AttributionRow` (`decode` takes only its own):
        ``bench/compare_stores.py`` reads them so.

        >>> from graphkit.records import Attribution
        >>> from graphkit.rows import AttributionRow
        >>> row = AttributionRow.of(Attribution(spans=[(0, 7)], text="the war", cue="said"))
        >>> rows, said, dates, ents = KeptInputs.values(KeptInputs.encode([row], [("the war", "")], [], []))
        >>> rows == [row.values()], said
        (True, [('the war', '')])
        >>> KeptInputs.values(KeptInputs.encode_values([("a", "b")], [], [], []))[0]  # rows of any width
        [('a', 'b')]
        """
        import marshal
        import zlib

        return marshal.loads(zlib.decompress(data))

    @staticmethod
    def decode(data: bytes) -> tuple[list, list, list, list]:
        """(attributions as rows, (text, context) pairs, date rows, entities) of `encode`'s bytes."""
        from .rows import AttributionRow, shared_entities

        rows, said, dates, ents = KeptInputs.values(data)
        return [AttributionRow.from_values(v) for v in rows], said, dates, shared_entities(ents)

    def keep(self, store: "Store", atts: dict, said: dict, dates: dict, ents: dict,
             encoded: Optional[dict[str, bytes]] = None) -> None:
        """Keep the inputs of the articles read afresh (`decoded` said None), when the store takes them. ``encoded``:
        doc_id → an article's inputs as `encode` gave them already (graphkit.resolution.ArrivedInputs, as a
        ``--workers`` build's extractions arrive: the same values); the others are encoded now."""
        if not self.todo or store.readonly or sum(map(len, atts.values())) > KEPT_INPUTS_MAX:
            return
        encoded = encoded or {}

        def rows():
            for d, key in self.todo.items():
                try:
                    data = encoded.get(d) or self.encode(atts[d], said[d], dates[d], ents.get(d, []))
                except ValueError:  # a value marshal cannot write (none today): that article is validated each time
                    continue
                yield d, key, data

        store.keep_inputs(rows())


# --------------------------------------------------------------------------- texts (graphkit.ingest)

#: the store's meta key of the text answers a build kept (`kept_text_answers`)
TEXTS_META = "kept_texts"


def kept_text_answers(look: "StoreLook") -> "TextAnswers":
    """What the last build of a store read off its article texts (graphkit.ingest.TextAnswers, meta `TEXTS_META`)
    when kept under graphkit's code now, for `graphkit.ingest.read_corpus` to start from; else none. ``look``: the
    build's look at the store before it takes it (`graphkit.store_file.look_at_store`, asked for `TEXTS_META`: the
    corpus is read first; nothing for no store, a store this process has open, or one the build refuses after)."""
    from .ingest import TextAnswers

    raw = look.meta.get(TEXTS_META)
    kept = json.loads(raw) if raw else {}
    return TextAnswers(kept["data"] if kept.get("key") == _texts_state() else None)


def keep_text_answers(store: "Store", answers: Optional["TextAnswers"]) -> None:
    """Keep this read's text answers (``answers.now``) for the next build, when they are not those kept already; a
    read of more than `KEPT_TEXTS_MAX` answers keeps none (and drops what an earlier, smaller read kept)."""
    if answers is None or answers.now == answers.kept:
        return
    if len(answers.now) > KEPT_TEXTS_MAX:
        store.set_meta(TEXTS_META, "")
        return
    store.set_meta(TEXTS_META, json.dumps({"key": _texts_state(), "data": answers.now}, separators=(",", ":")))


def _texts_state() -> str:
    return state_key("texts", TEXTS_FORMAT)


# --------------------------------------------------------------------------- walks (graphkit.walks)

def kept_actor_walks(store: "Store", atts: dict[str, list], ents: dict[str, list], gazetteer,
                     full: bool = False, digests: Optional[dict[str, bytes]] = None) -> tuple[dict, dict[str, str]]:
    """The actor pass's kept walks (graphkit.walks.ArticleWalk) of every article whose attributions and entities
    are those they were walked with, under the same code, knowledge files, gazetteer (``gazetteer``, what it is
    made of: the merged actors.yaml and the files its entries come from, JSON-able) and geonames data; and doc_id → the key of every article's walk now, for `keep_actor_walks`.
    A kept walk is only replayed when what it read of the corpus still holds (graphkit.resolve), so reusing it
    resolves as walking again does (``full``: nothing kept is read). ``digests``: doc_id → the `walk_digest` of
    its attributions and entities as they are here, worked out already (graphkit.resolution.ArrivedInputs, as a
    ``--workers`` build's extractions arrive); the other articles' are worked out now."""
    from .places import lookups_key
    from .walks import ArticleWalk

    state = state_key("walks", WALKS_FORMAT, resolution_key(), lookups_key(), ArticleWalk.ENCODING,
                      _sha256(json.dumps(gazetteer, sort_keys=True, default=str))).encode()
    digests = digests or {}
    keys = {d: hashlib.sha256(state + (digests.get(d) or walk_digest(atts.get(d, ()), ents.get(d, ())))).hexdigest()
            for d in set(atts) | set(ents)}
    kept = {} if full else {d: ArticleWalk.decode(data) for d, key, data in store.kept_walks() if keys.get(d) == key}
    return kept, keys


def walk_inputs(atts, ents) -> bytes:
    """What the actor pass reads of one article: every field of its attributions, its entities, as bytes that are
    equal exactly when those are (marshal's version 2 writes values, never references to objects seen before).

    >>> from graphkit.records import Attribution
    >>> a = Attribution(spans=[(0, 5)], text="x", cue="said", speaker_text="Lavrov")
    >>> walk_inputs([a], [("Lavrov", "PERSON", 0, 6)]) == walk_inputs([a], [("Lavrov", "PERSON", 0, 6)])
    True
    >>> walk_inputs([a], [("Lavrov", "PERSON", 0, 6)]) == walk_inputs([a], [("Lavrov", "ORG", 0, 6)])
    False
    """
    import marshal
    from operator import attrgetter

    from .records import Attribution

    fields = attrgetter(*Attribution.model_fields)
    return marshal.dumps(([fields(a) for a in atts], [tuple(e) for e in ents]), 2)


def walk_digest(atts, ents) -> bytes:
    """sha256 of `walk_inputs`: what an article's kept walk is keyed by (with the state of what else it read), equal
    exactly when what the actor pass reads of the article is.

    >>> from graphkit.records import Attribution
    >>> a = Attribution(spans=[(0, 5)], text="x", cue="said", speaker_text="Lavrov")
    >>> walk_digest([a], []) == hashlib.sha256(walk_inputs([a], [])).digest()
    True
    """
    return hashlib.sha256(walk_inputs(atts, ents)).digest()


def keep_actor_walks(store: "Store", keys: dict[str, str], walks: dict[str, str]) -> None:
    """Keep the walks of the articles walked (not replayed) in this resolution (encoded), under their keys."""
    store.keep_walks((d, keys[d], walk) for d, walk in walks.items() if d in keys)


def keeps_walks(atts: dict[str, list]) -> bool:
    """Whether a resolution of these attributions keeps the actor pass's walks (at most `KEPT_WALKS_MAX`)."""
    return sum(map(len, atts.values())) <= KEPT_WALKS_MAX


# --------------------------------------------------------------------------- places (graphkit.places)

def _places_state() -> str:
    from .places import lookups_key

    return state_key("places", PLACES_FORMAT, resolution_key(), lookups_key())


def kept_places(store: "Store", full: bool = False) -> int:
    """Give `graphkit.places.lookup_place` what it found for each surface in the store's last resolution (meta
    ``kept_places``, under the key of graphkit's code, models/ and the geonames data): a rebuild looks up only new
    surfaces, with the same results (``full``: nothing kept is read). Returns how many surfaces it then knows, -1
    when the store kept none under this key (`keep_places` then keeps whatever this process has looked up)."""
    from .places import load_place_config, prime_lookups

    raw = None if full else store.get_meta("kept_places")
    if raw:
        kept = json.loads(raw)
        if kept.get("key") == _places_state():
            prime_lookups(kept["data"])
            return len(load_place_config().cache)
    return -1


def keep_places(store: "Store", known: int) -> None:
    """Keep what `lookup_place` found (`kept_places`) when this resolution looked up new surfaces."""
    from .places import kept_lookups, load_place_config

    n = len(load_place_config().cache)
    if n != known and n <= KEPT_PLACES_MAX:
        store.set_meta("kept_places", json.dumps({"key": _places_state(), "data": kept_lookups()}, separators=(",", ":")))


# --------------------------------------------------------------------------- links (graphkit.statements, graphkit.contradict)

def claims_key(kind: str, claims: Iterable["Claim"], fields: Iterable[str], *reads) -> str:
    """The key of what linking worked out of ``claims``: `state_key` of ``kind`` (graphkit's code, models/ by
    `resolution_key`, and ``reads``) and the ``fields`` of every claim, in their order. Field values are strings,
    numbers, None and tuples of them, whose ``repr`` is the same in every process.

    >>> from graphkit.records import Claim
    >>> c = Claim(id="c", doc_id="d", speaker="X", speaker_id="actor:x", text="t", spans=[(0, 1)], cue="said")
    >>> claims_key("demo", [c], ["text", "date"]) == claims_key("demo", [c.model_copy(update={"cue": "told"})], ["text", "date"])
    True
    >>> claims_key("demo", [c], ["text", "date"]) == claims_key("demo", [c.model_copy(update={"date": "2025"})], ["text", "date"])
    False
    """
    from operator import attrgetter

    get = attrgetter(*fields)
    h = hashlib.sha256(state_key(kind, LINKS_FORMAT, resolution_key(), list(fields), *reads).encode())
    for c in claims:
        h.update(repr(get(c)).encode())
    return h.hexdigest()


def _kept_entry(store: "Store", name: str, key: str, full: bool) -> Optional[dict]:
    """The store's meta ``name`` when it was kept under ``key`` (never with ``full``), else None."""
    raw = None if full else store.get_meta(name)
    kept = json.loads(raw) if raw else None
    return kept if kept and kept.get("key") == key else None


def kept_report_clusters(store: "Store", keep: dict[str, str], full: bool = False
                         ) -> Callable[[list["Claim"], float], list[list[int]]]:
    """What `graphkit.statements.merge_reports` finds statements with (its ``clusters``): the groups of reports the
    store's last resolution found, when the claims are those it found them among in every field it reads
    (`graphkit.statements.CLUSTER_FIELDS`, `claims_key`) and the similarity threshold is the same, else `graphkit.statements.report_clusters`, whose groups
    go into ``keep`` (meta entries the caller stores with the resolved layer). Groups of one report are not kept:
    every claim outside the kept groups is one.

    The groups are a function of those fields alone (the idf they weigh concepts with is the claims'): reusing them
    gives the merged reports working them out again gives (``full``: nothing kept is read)."""
    from .statements import CLUSTER_FIELDS, report_clusters

    def clusters(claims: list["Claim"], threshold: float) -> list[list[int]]:
        key = claims_key("merge", claims, CLUSTER_FIELDS, threshold)
        kept = _kept_entry(store, "kept_merge", key, full)
        if kept is not None:
            grouped = {i for g in kept["groups"] for i in g}
            return kept["groups"] + [[i] for i in range(len(claims)) if i not in grouped]
        groups = report_clusters(claims, threshold)
        keep["kept_merge"] = json.dumps({"key": key, "groups": [g for g in groups if len(g) > 1]}, separators=(",", ":"))
        return groups

    return clusters


def kept_contradictions(store: "Store", claims: list["Claim"], window_days: int, keep: dict[str, str],
                        full: bool = False) -> list["Contradiction"]:
    """`graphkit.contradict.find_contradictions` of ``claims`` (one a statement) within ``window_days``. The opposed
    pairs (`graphkit.contradict.opposed_pairs`: a function of the claims' `graphkit.contradict.OPPOSED_FIELDS` and
    their reading order, argument specificity and concept idf being the claims') are those the store's last
    resolution found when the claims are those in those fields, in the same reading order, and the window the same
    (`claims_key`), else found now and put into ``keep`` (meta entries the caller stores with the resolved layer);
    then they are weighed with the claims' confidences (`graphkit.contradict.weigh_links`). An appended line moves
    the confidence of its article's attributions and the end of its last sentence: the pairs are kept, the scores
    worked out again (``full``: nothing kept is read)."""
    from .contradict import OPPOSED_FIELDS, opposed_pairs, reading_order, weigh_links
    from .records import Contradiction

    reading = reading_order(claims)
    ordered, refers = reading
    starts = [c.sentence_span[0] if c.sentence_span else None for c in ordered]  # what the order read of the span
    key = claims_key("contradictions", ordered, OPPOSED_FIELDS, window_days, starts, refers)
    kept = _kept_entry(store, "kept_contradictions", key, full)
    if kept is not None:
        opposed = [(strength, Contradiction.model_validate_json(link)) for strength, link in kept["opposed"]]
    else:
        opposed = opposed_pairs(claims, window_days, reading)
        keep["kept_contradictions"] = json.dumps(
            {"key": key, "opposed": [[strength, link.model_dump_json()] for strength, link in opposed]},
            separators=(",", ":"))
    return weigh_links(opposed, claims)


# --------------------------------------------------------------------------- issues (graphkit.issue_model)

def claim_issues(store: "Store", said: dict[str, list], tax, *, exclude=(), refit: bool = False,
                 full: bool = False) -> dict[str, list]:
    """doc_id → each of its claims' (issue, triggers, score) list (graphkit.issue_model.assign_claims).

    A claim's issues are a function of its text and context, the taxonomy, graphkit's code and, for discovered
    issues, the model learnt from the claims their triggers assign and the floor on the article issues' shares chosen
    on the same claims (`kept_issue_model`: both fitted once per taxonomy and kept) and its article's other claims
    (`graphkit.issue_model.article_offers`). So each article's issues are kept in the store under a key of exactly
    those, and worked out again only when the key changes: a rebuild that changed a few articles assigns only theirs.
    A model fitted now assigns every article: the floor is chosen on all the claims
    (`graphkit.issue_model.article_floor`), then kept beside the model.
    ``full``: work out every article's again. ``said``: doc_id → its claims' (text, context) pairs."""
    from .issue_model import assign_claims

    model, triggers, floor = kept_issue_model(store, said, tax, exclude, refit) if tax.discovered else (None, None, None)
    fitted = triggers is not None
    keys = {} if full or fitted else store.kept_issue_keys()
    # the key's state once, and an article's key only against a kept one: a model fitted now is serialised in it,
    # 9 MB of JSON on PolNeAR train+dev (~0.04 CPU s each time, `issues_state`), and its floor is chosen below
    state = issues_state(tax, model, floor) if keys else None
    out: dict[str, list] = {}
    todo: list[str] = []
    for doc_id, claims in said.items():
        if doc_id in keys and keys[doc_id] == article_key(state, claims):
            out[doc_id] = store.kept_issues(doc_id)
        else:
            todo.append(doc_id)
    flat = [c for doc_id in todo for c in said[doc_id]]
    matched = [a for doc_id in todo for a in triggers[doc_id]] if fitted else None
    arts = [doc_id for doc_id in todo for _ in said[doc_id]]  # a claim with no issue of its own may get its article's
    found, chosen = assign_claims(flat, tax, model=model, assigned=matched, articles=arts, min_share=floor) \
        if flat else ([], floor)
    if fitted:
        floor = chosen
        keep_issue_model(store, tax, model, floor)
    if state is None:  # nothing kept was read: the state the articles are kept under now
        state = issues_state(tax, model, floor)
    each = iter(found)
    for doc_id in todo:
        out[doc_id] = [next(each) for _ in said[doc_id]]
    store.keep_issues((doc_id, article_key(state, said[doc_id]), json.dumps(out[doc_id])) for doc_id in todo)
    return out


def issues_state(tax, model=None, floor: Optional[float] = None) -> str:
    """The `state_key` each article's kept issues are kept under: the taxonomy (`taxonomy_key`), the issue
    model and the article floor (`kept_issue_model`), and each issue's ``apart`` phrases, which `graphkit.apart_votes.names_only` reads when it assigns.
    ``apart`` stays out of `taxonomy_key`, which also keys the kept model: editing an ``apart:`` list (or a
    ``--rediscover`` that moves only where a phrase is said) re-assigns every article without refitting.

    >>> from graphkit.issues import taxonomy_from_data
    >>> one = {"issues": [{"name": "Mail", "patterns": ["emails", "mails"]}]}
    >>> two = {"issues": [{"name": "Mail", "patterns": ["emails", "mails"], "apart": ["mails"]}]}
    >>> a, b = taxonomy_from_data(one, "a.yaml"), taxonomy_from_data(two, "b.yaml")
    >>> taxonomy_key(a) == taxonomy_key(b), issues_state(a) == issues_state(b)
    (True, False)
    """
    apart = [[i.name, sorted(i.apart)] for i in tax.issues]
    return state_key("issues", ISSUES_FORMAT, taxonomy_key(tax), model.to_json() if model is not None else None,
                     apart, floor)


def taxonomy_key(tax) -> str:
    """sha256 of what assigning claims with ``tax`` reads: each issue's name and triggers (as written and as
    matched), and how they count (discovered or literal), and the issue each is ``within`` when it is (which claims'
    issues vote and teach the model: `graphkit.issue_model.said_within`; a taxonomy without one keys as before), and
    whether it is an article's topic (``article_topic``, which stands in likewise). A
    file written by `graphkit issues suggest` has the key of the discovered issues it was written from."""
    issues = [[i.name, [[p.written, p.words] for p in i.patterns], [[p.written, p.words] for p in i.context],
               *([i.within] if i.within else []), *(["article topic"] if i.article_topic else [])] for i in tax.issues]
    return _sha256(json.dumps([issues, tax.discovered]))


def stored_issue_model(store: "Store", tax) -> tuple[bool, Optional["IssueModel"], Optional[float]]:
    """(whether the store keeps an issue model for ``tax`` (`taxonomy_key`), that model or None when none could
    be learnt, the article floor chosen with it (`graphkit.issue_model.article_floor`))."""
    from .issue_learning import IssueModel

    raw = store.get_meta("issue_model")
    kept = json.loads(raw) if raw else {}
    if kept.get("issues") != taxonomy_key(tax) or kept.get("format") != ISSUES_FORMAT:  # another taxonomy or layout
        return False, None, None
    return True, IssueModel.from_json(kept["model"]) if kept["model"] else None, kept["floor"]


def kept_issue_model(store: "Store", said: dict[str, list], tax, exclude, refit: bool) -> tuple:
    """(the issue model (graphkit.issue_learning.IssueModel, or None when none can be learnt) for a discovered
    taxonomy, the triggers' issues of every claim by article when it was fitted now, else None, the article floor
    kept with the model, else None): the model kept in the store's meta ``issue_model`` for these issues
    (`stored_issue_model`), else one fitted now on the store's claims (all of them, or a fixed sample of
    `ISSUE_MODEL_MAX_CLAIMS` in a larger store), kept with the floor `claim_issues` then chooses on them
    (`keep_issue_model`). Like the discovered issues themselves both are learnt once (``refit``: again); later
    claims are assigned with them, so a claim's issues never depend on other articles."""
    from .issue_learning import fit_issue_model, model_texts
    from .issue_model import issue_order, said_within
    from .issues import assign_claim

    found, model, floor = stored_issue_model(store, tax) if not refit else (False, None, None)
    if found:
        return model, None, floor
    claims = [c for cs in said.values() for c in cs]
    assigned = [assign_claim(t, c, tax) for t, c in claims]
    taught = said_within(assigned, tax)[0]  # an issue within another teaches the model nothing
    rows = issue_model_sample([f"{doc_id}:{i}" for doc_id, cs in said.items() for i in range(len(cs))])
    model = fit_issue_model(model_texts([claims[i] for i in rows]), [taught[i] for i in rows], exclude=exclude,
                            order=issue_order(tax))
    each = iter(assigned)
    return model, {doc_id: [next(each) for _ in cs] for doc_id, cs in said.items()}, None


def keep_issue_model(store: "Store", tax, model: Optional["IssueModel"], floor: Optional[float]) -> None:
    """Keep in the store's meta ``issue_model`` the model and article floor ``tax``'s claims were assigned with
    (`stored_issue_model` reads them)."""
    store.set_meta("issue_model", json.dumps({"issues": taxonomy_key(tax), "format": ISSUES_FORMAT,
                                              "model": model.to_json() if model is not None else None,
                                              "floor": floor}))


def issue_model_sample(keys: list[str], limit: int = ISSUE_MODEL_MAX_CLAIMS) -> list[int]:
    """The indexes of the claims (by their ``keys``, "doc_id:index") the issue model is fitted on, in order: all
    of them up to ``limit``, above a fixed pseudo-random ``limit`` of them. The fit's memory grows with its rows
    times the issues (scikit-learn's multinomial loss holds a float per row and class, several times over:
    86,565 claims of one article and 448 discovered issues took resolution from 1.0 to 2.4 GB); every claim is
    still assigned with the model. PolNeAR train (14,600 claims) is below the limit: its model is unchanged.

    >>> issue_model_sample(["a:0", "a:1", "b:0"])
    [0, 1, 2]
    >>> rows = issue_model_sample([f"a:{i}" for i in range(10)], limit=4)
    >>> len(rows), rows == sorted(rows), rows == issue_model_sample([f"a:{i}" for i in range(10)], limit=4)
    (4, True, True)
    """
    if len(keys) <= limit:
        return list(range(len(keys)))
    return sorted(sorted(range(len(keys)), key=lambda i: draw_rank(keys[i]))[:limit])


def draw_rank(key: str) -> str:
    """A fixed pseudo-random rank of an article or claim id: the one order every bounded sample draws in (the
    issue model's rows, `issue_model_sample`; discovery's articles and claims, `graphkit.store_issues.discovery_sample`).

    >>> draw_rank("a") == draw_rank("a") != draw_rank("b")
    True
    """
    return hashlib.sha1(key.encode()).hexdigest()
