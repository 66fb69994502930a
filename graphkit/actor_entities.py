"""The corpus's NER entities as the actor pass (graphkit.resolve) reads them, one article at a time.

Each article's entities (text, label, start, end) are sorted by position once. The walk of an article asks:

- which person entities start inside a speaker phrase (`ArticleEntities.people_near`: the names
  graphkit.mentions.read_mention looks a mention up among);
- which entities of a kind stand before a pronoun, outside what anyone said (`ArticleEntities.antecedents`:
  the candidates of graphkit.pronouns.antecedent);
- whether a span lies inside a claim's content (`ArticleEntities.in_content`);
- the corrected type of each entity (`ArticleEntities.types_in`) and whether the NER mostly calls a text something
  other than a person (`ArticleEntities.mostly_not_person`), both read by a kept walk (graphkit.walks).

Look-ups bisect the sorted starts: an article of 10,000 claims is not walked once per claim.

>>> ents = sorted_entities({"d": [("Ann Lee", "PERSON", 40, 47), ("Oslo", "GPE", 0, 4)]}, {})
>>> ae = ArticleEntities(ents, {}, {"Ann Lee": "person", "Oslo": "country"})
>>> ae.types_in("d"), list(ae.antecedents("d", {"person"}, 60))
(['country', 'person'], [(40, 'Ann Lee')])
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from typing import Iterator, Optional

from .places import Entity
from .records import Attribution

__all__ = ["ArticleEntities", "sorted_entities"]


def sorted_entities(entities: dict[str, list[Entity]], attributions: dict[str, list[Attribution]]
                    ) -> dict[str, list[tuple]]:
    """doc id → its entities as tuples sorted by (start, end, text, label), for every article with entities or
    attributions, in doc-id order.

    >>> sorted_entities({"b": [["Ann", "PERSON", 5, 8], ["Bo", "PERSON", 0, 2]]}, {"a": []})
    {'a': [], 'b': [('Bo', 'PERSON', 0, 2), ('Ann', 'PERSON', 5, 8)]}
    """
    return {d: sorted((tuple(e) for e in entities.get(d, [])), key=lambda e: (e[2], e[3], e[0], e[1]))
            for d in sorted(set(entities) | set(attributions))}


class ArticleEntities:
    """``by_doc`` (`sorted_entities`) with the corrected ``types`` (text → actor type, graphkit.entity_types) and
    each article's claim content spans, read one article at a time."""

    def __init__(self, by_doc: dict[str, list[tuple]], attributions: dict[str, list[Attribution]],
                 types: dict[str, str]) -> None:
        self.by_doc = by_doc
        self.types = types
        #: doc id → the content spans of its claims, sorted
        self.content = {d: sorted({tuple(s) for a in attributions[d] for s in a.spans}) for d in attributions}
        # each article's person entities, in text order: every speaker mention looks its name up among them
        self.people = {d: [e for e in ents if types.get(e[0]) == "person"] for d, ents in by_doc.items()}
        self._person_starts: dict[str, list[int]] = {}
        self._antecedents: dict[tuple[str, frozenset], tuple[list[int], list]] = {}
        self._labels: Optional[dict[str, Counter]] = None

    def types_in(self, doc_id: str) -> list[Optional[str]]:
        """The corrected types of the article's entities, in order: its person entities and pronoun antecedents."""
        return [self.types.get(e[0]) for e in self.by_doc.get(doc_id, ())]

    def people_near(self, doc_id: str, a: Attribution) -> list:
        """The article's person entities starting inside the span read_mention looks for a name in (bisect:
        an article of 10,000 claims is not walked once per claim); all of them when there is no such span."""
        ents = self.people.get(doc_id, [])
        span = a.resolved_span if a.resolved_text and a.resolved_span else a.speaker_span
        if not span:
            return ents
        starts = self._person_starts.get(doc_id)
        if starts is None:
            self._person_starts = {doc_id: [e[2] for e in ents]}  # one article at a time
            starts = self._person_starts[doc_id]
        return ents[bisect_left(starts, span[0]):bisect_right(starts, span[1])]

    def in_content(self, doc_id: str, span: tuple[int, int]) -> bool:
        """Whether ``span`` lies within one of the article's claim contents."""
        return any(s0 <= span[0] and span[1] <= s1 for s0, s1 in self.content.get(doc_id, []))

    def label_at(self, doc_id: str, start: int, text: str) -> Optional[str]:
        """The NER's label of the article's entity ``text`` starting at ``start`` (None: no such entity).

        >>> ents = sorted_entities({"d": [("Ann Lee", "PERSON", 40, 47), ("Lee", "ORG", 60, 63)]}, {})
        >>> ae = ArticleEntities(ents, {}, {})
        >>> ae.label_at("d", 40, "Ann Lee"), ae.label_at("d", 60, "Lee"), ae.label_at("d", 50, "Lee")
        ('PERSON', 'ORG', None)
        """
        ents = self.by_doc.get(doc_id, [])
        k = bisect_left(ents, start, key=lambda e: e[2])
        while k < len(ents) and ents[k][2] == start:
            if ents[k][0] == text:
                return ents[k][1]
            k += 1
        return None

    def antecedents(self, doc_id: str, ent_types: set[str], pos: int) -> Iterator[tuple[int, str]]:
        """(start, text) of the article's entities of ``ent_types`` ending by ``pos`` and outside every claim's
        content (what anyone said is no antecedent of who said it), nearest first, ties in text order."""
        key = (doc_id, frozenset(ent_types))
        if key not in self._antecedents:
            if self._antecedents and next(iter(self._antecedents))[0] != doc_id:
                self._antecedents.clear()  # one article at a time
            own = self.content.get(doc_id, [])
            own_starts, reach, far = [s for s, _ in own], [], -1
            for _, e in own:
                far = max(far, e)
                reach.append(far)  # the furthest end of the content spans starting up to here

            def inside(start, end):
                k = bisect_right(own_starts, start)
                return k > 0 and reach[k - 1] >= end

            ents = [(start, end, text) for text, label, start, end in self.by_doc.get(doc_id, [])
                    if self.types.get(text) in ent_types and not inside(start, end) and not _adjective(text, label)]
            self._antecedents[key] = ([e[0] for e in ents], ents)
        starts, ents = self._antecedents[key]
        hi = bisect_left(starts, pos)  # an entity ending by pos starts before it
        while hi > 0:
            lo = bisect_left(starts, starts[hi - 1], 0, hi)
            for start, end, text in ents[lo:hi]:
                if end <= pos:
                    yield start, text
            hi = lo

    def mostly_not_person(self, text: str) -> bool:
        """The NER labels this exact text something other than PERSON in most of its corpus mentions."""
        if self._labels is None:
            self._labels = defaultdict(Counter)
            for ents in self.by_doc.values():
                for t, label, *_ in ents:
                    self._labels[t][label] += 1
        votes = self._labels.get(text)
        return bool(votes) and votes["PERSON"] * 2 < sum(votes.values())


def _adjective(text: str, label: str) -> bool:
    """A nationality, religious or political group written as one word without a plural ('Democratic' in 'the
    Democratic primary', 'American'): an adjective, no antecedent of 'they' (the NER's NORP for 'Democrats' and
    'the Swiss' as a people stays one when the article names them as speakers).

    >>> _adjective("Democratic", "NORP"), _adjective("Democrats", "NORP"), _adjective("Pentagon", "ORG")
    (True, False, False)
    """
    return label == "NORP" and " " not in text.strip() and not text.strip().lower().endswith("s")
