"""Pronoun speakers in the actor pass, and the corpus's second look at what the article pass resolved.

The article pass (graphkit.speakers) resolves most pronouns over the parsed Doc. The actor pass (graphkit.resolve)
knows more: every article's names, so every person's gender by the corpus's votes (graphkit.people), and the
corrected entity types. With it:

- `pronoun_draft` resolves a pronoun the article pass left unresolved, by graphkit.pronouns.antecedent over the
  article's earlier speakers (`SpokenBefore`) and entities of the right kind (graphkit.actor_entities), nearest
  first, not inside claim content, not of the other gender;
- `second_look` searches again where the corpus contradicts the article pass: 'she' given to a man, 'he' given to
  an organisation, or to people in the plural when a person was named before, 'they' given to one person or to a name
  inside what someone said, 'Mrs. Clinton' given to a man.

Functions of the actor pass ``r`` (a graphkit.actor_context.ActorContext: ``gz``, ``drafts``, ``people``, ``entities``,
``types``). A gender is the gazetteer's, else the corpus's (`draft_gender`).

>>> done = SpokenBefore(); done.append((10, "a")); done.append((30, "b")); done.append((10, "c"))
>>> list(done.before(30)), list(done.before(11))
([(10, 'a'), (10, 'c')], [(10, 'a'), (10, 'c')])
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from heapq import merge
from typing import TYPE_CHECKING, Iterator, Optional

from .actor_drafts import Draft, dedupe
from .actor_names import name_draft
from .gazetteer import GazetteerEntry
from .mentions import Mention, written_by
from .names import fold, honorific_gender, is_pronoun, slug, split_honorific, strip_possessive
from .pronouns import (MENTION, PERSON_PRONOUNS, PLURAL_PRONOUNS, PRONOUN_GENDER, SPEAKER, THING_PRONOUNS, Candidate,
                       antecedent, fits_gender, pronoun_gender)

if TYPE_CHECKING:
    from .actor_context import ActorContext

__all__ = ["SpokenBefore", "pronoun_draft", "second_look", "draft_gender", "runner_up"]

#: the corpus's second look at a 'he' / 'she' whose article-pass pick it finds of the other gender, or no person, walks
#: on through the article pass's next antecedents (`runner_up`) before the nearest name (issue 12, −115; a switch for
#: the tests)
RUNNERS_UP = True
#: a next antecedent with the pick's own surname is no runner-up: it is the mention picked, read as another holder of
#: the surname ('she' given Bill Clinton for a 'Clinton' the pronoun does not stand for; `_seen_for_another` skips
#: it so for the nearest name) (issue 12, −115; a switch for the tests)
RUNNER_UP_OTHER_SURNAME = True
#: a next antecedent is read as the corpus reads its name, not among the holders of the pronoun's gender: 'Rubio' is
#: Marco Rubio, whom a 'she' does not fit, not a woman's name that carries it (issue 12, −115; a switch for the tests)
RUNNER_UP_AS_READ = True

#: actor types a person pronoun ('he', 'she') cannot refer to
_NOT_PEOPLE = {"organisation", "government", "media", "country"}
#: pronouns that never refer to one person ('they' after 'Trump's nomination' is no Donald Trump)
_NOT_ONE_PERSON = PLURAL_PRONOUNS | {"it", "its"}


class SpokenBefore:
    """The resolved speakers of one article as (position, draft), sorted by position (ties: in the order
    resolved), so a pronoun walks back from its own position instead of over the whole article."""

    def __init__(self) -> None:
        self.pos: list[int] = []
        self.items: list[tuple[int, Draft]] = []

    def append(self, item: tuple[int, Draft]) -> None:
        k = bisect_right(self.pos, item[0])
        self.pos.insert(k, item[0])
        self.items.insert(k, item)

    def before(self, pos: int) -> Iterator[tuple[int, Draft]]:
        """Those before ``pos``, nearest first; of several at one position, the first resolved first."""
        hi = bisect_left(self.pos, pos)
        while hi > 0:
            lo = bisect_left(self.pos, self.pos[hi - 1], 0, hi)
            yield from self.items[lo:hi]
            hi = lo


# ---- a pronoun speaker
def pronoun_draft(r: "ActorContext", m: Mention, done: SpokenBefore,
                  reject: Optional[Draft] = None) -> tuple[Draft, str]:
    """A pronoun by graphkit.pronouns.antecedent over the article's earlier speakers and NER entities
    of the right kind, not inside claim content, not of the other gender by what the corpus says; never
    ``reject`` (the article pass's wrong pick)."""
    p = m.surface.strip().lower()
    if p in ("you", "who", "which", "that"):
        key = f"anon:{m.doc_id}:unresolved {p}"
        return (r.drafts.draft(key, f"unresolved '{p}'", "anonymous",
                               fixed_id=f"actor:anon-{slug(m.doc_id)}-unresolved-{slug(p)}"),
                f"'{p}' is not resolved by position: one unresolved source per article")
    hit, skipped = _nearest(r, m, p, done, reject)
    shown = dedupe(_candidate_label(r, c) for c in skipped if not _rejected(r, c, reject))
    note = f"; skipped {', '.join(shown)} (not {pronoun_gender(p)})" if shown else ""
    if hit is not None and isinstance(hit.ref, str):
        etype = r.types.get(hit.ref)
        sub = Mention(m.doc_id, m.index, m.att, hit.ref, strip_possessive(hit.ref), "name", etype, None, hit.at,
                      pronoun_gender(p))  # 'she' → the surname 'Clinton' → the article's female holder
        d, why = name_draft(r, sub)
        return d, f"pronoun, nearest preceding {etype} mention {hit.ref!r} in the same article{note} ({why})"
    if hit is not None:
        return hit.ref, f"pronoun, nearest preceding speaker {hit.ref.name!r} in the same article{note}"
    key = f"anon:{m.doc_id}:unresolved {p}"
    return (r.drafts.draft(key, f"unresolved '{p}'", "anonymous",
                           fixed_id=f"actor:anon-{slug(m.doc_id)}-unresolved-{slug(p)}"),
            "pronoun with no antecedent in the article")


def _nearest(r: "ActorContext", m: Mention, p: str, done: SpokenBefore, reject: Optional[Draft]
             ) -> tuple[Optional[Candidate], list[Candidate]]:
    """Rule 5 of graphkit.pronouns over `_candidates`: the nearest earlier speaker or entity that fits by the corpus's
    genders and is not ``reject``, and those skipped on the way."""
    return antecedent(p, _candidates(r, m, p, done), lambda c: _fits(r, p, c, reject, m.doc_id), nearest_first=True)


def _candidates(r: "ActorContext", m: Mention, p: str, done: SpokenBefore) -> Iterator[Candidate]:
    """Earlier speakers (drafts) and NER entities (texts) of the kind the pronoun wants, outside claim content,
    nearest first (a speaker before an entity at the same place; ties in article order), made lazily:
    most pronouns take the first, and an article of 10,000 claims is not listed once per pronoun."""
    want = ({"person"} if p in PERSON_PRONOUNS else
            {"organisation", "government", "country", "group", "media", "other"} if p in THING_PRONOUNS else
            {"organisation", "government", "country", "group", "media", "other", "anonymous"}
            if p in _NOT_ONE_PERSON else None)
    ent_types = ({"person"} if want == {"person"} else {"organisation", "government"} if p in THING_PRONOUNS else
                 {"organisation", "government", "group"} if want else {"person", "organisation", "government", "group"})
    speakers = (Candidate(pos, SPEAKER, d) for pos, d in done.before(m.pos) if want is None or d.type in want)
    entities = (Candidate(start, MENTION, text) for start, text in r.entities.antecedents(m.doc_id, ent_types, m.pos))
    return merge(speakers, entities, key=lambda c: (c.at, c.rank), reverse=True)


def _candidate_entry(r: "ActorContext", c: Candidate) -> Optional[GazetteerEntry]:
    """The gazetteer entry of a candidate: its draft's, or the one its entity text names."""
    if isinstance(c.ref, str):
        hit = r.gz.match_name(strip_possessive(c.ref), person_like=True)
        return hit[0] if hit else None
    return c.ref.entry


def _candidate_label(r: "ActorContext", c: Candidate) -> str:
    entry = _candidate_entry(r, c)
    return c.ref.name if not isinstance(c.ref, str) else entry.name if entry else c.ref


def _rejected(r: "ActorContext", c: Candidate, reject: Optional[Draft]) -> bool:
    if reject is None:
        return False
    entry = _candidate_entry(r, c)
    return (entry is not None and reject.entry is entry) or c.ref is reject


def _fits(r: "ActorContext", p: str, c: Candidate, reject: Optional[Draft], doc_id: str) -> bool:
    """Rule 3 with the corpus's genders (a surname: that of the people the article gives it); a rejected
    draft (the article pass's wrong pick) never fits."""
    if _rejected(r, c, reject):
        return False
    entry = _candidate_entry(r, c)
    if entry is not None and entry.gender:
        known = entry.gender
    elif not isinstance(c.ref, str):
        known = draft_gender(r, c.ref)
    elif r.people.single_name(c.ref):
        known = r.people.surname_gender(strip_possessive(c.ref), doc_id)
    else:
        known = r.people.gender(c.ref)
    return fits_gender(p, known)


# ---- gender: models/actors.yaml, else what the corpus says (graphkit.people)
def draft_gender(r: "ActorContext", d: Draft, besides: Optional[str] = None) -> Optional[str]:
    """A draft's gender; ``besides``: the gender of a pronoun the article gave it, whose own vote is not counted
    (graphkit.people.PersonNames.gender_evidence).

    Without ``besides`` this asks ``gender``, not ``gender_evidence(name, None)[0]`` (the same answer), on
    purpose: the kept walk logs what it was told (graphkit.walks.LoggedPeople), and the evidence's vote counts
    ("3 male, 0 female") move with every article that names the person, so logging them would stop an
    unchanged article from replaying whenever a changed one adds a vote that leaves the gender as it was."""
    if d.entry is not None and d.entry.gender:
        return d.entry.gender
    if d.type == "person" and d.key.startswith("pc:"):
        return r.people.gender_evidence(d.name, besides)[0] if besides else r.people.gender(d.name)
    return None


def _gender_source(r: "ActorContext", d: Draft, besides: Optional[str] = None) -> str:
    """What says the draft's gender is `draft_gender`'s: the gazetteer, else the corpus's votes (read for a
    reason only, after `draft_gender` found a pronoun or an honorific of the other gender)."""
    if d.entry is not None and d.entry.gender:
        return d.entry.source
    return r.people.gender_evidence(d.name, besides)[1]


def _no_person(d: Draft) -> bool:
    """Whether a draft is no one a person pronoun ('he', 'she') can stand for: an organisation, government, outlet
    or country, or a place of any kind ('Clarkston', a town the NER once tagged PERSON: "He found a flat and a job at
    the depot, and Clarkston became his home. Last week, he said ..." is not the town's)."""
    return d.type in _NOT_PEOPLE or d.key.startswith("place:")


# ---- the corpus's second look at what the article pass resolved
def second_look(r: "ActorContext", m: Mention, d: Draft, why: str, done: SpokenBefore) -> tuple[Draft, str, Mention]:
    """Re-resolve a pronoun or honorific mention whose article-pass antecedent the corpus contradicts;
    the mention comes back as what was resolved (the pronoun, the bare surname), so the article pass's
    wrong name becomes no alias of the actor."""
    a = m.att
    if written_by(a):
        return d, why, m  # the author the article names: no pronoun to search again
    if m.kind != "pronoun" and is_pronoun(a.speaker_text) and a.resolved_text \
            and fold(a.resolved_text) != fold(a.speaker_text):
        d2, why2 = _pronoun_second_look(r, m, d, why, done)
        return d2, why2, (m if d2 is d else replace(m, kind="pronoun", name=a.speaker_text or ""))
    if m.kind == "name" and d.type == "person":
        d2, why2 = _honorific_second_look(r, m, d, why)
        return d2, why2, (m if d2 is d else replace(m, name=split_honorific(m.surface or "")[1]))
    return d, why, m


def _pronoun_second_look(r: "ActorContext", m: Mention, d: Draft, why: str, done: SpokenBefore) -> tuple[Draft, str]:
    """'they'/'it' whose antecedent stands inside what someone said, 'she' given to a man, 'he' given
    to an organisation: search again by position (graphkit.pronouns), without the article pass's pick. 'he' / 'she'
    given to a group (people in the plural, or a name the corpus types so: 'Trump Tower') is searched again too, and
    takes what it finds only when that is a person: with no one before it, the pick stands (a person the NER typed a
    group, 'The head of the union ... because she thinks', is no unresolved 'she')."""
    a = m.att
    pron = (a.speaker_text or "").strip().lower()
    g = PRONOUN_GENDER.get(pron)
    rs = a.resolved_span
    pm = Mention(m.doc_id, m.index, a, a.speaker_text, a.speaker_text, "pronoun", None, a.role, m.pos)
    # only for 'they'/'it': a person named inside content is often the one who goes on speaking
    if pron in ("they", "it") and rs is not None and (a.speaker_span is None or rs[1] <= a.speaker_span[0]) \
            and r.entities.in_content(m.doc_id, rs):
        d, why2 = pronoun_draft(r, pm, done)
        return d, f"the article's resolver gave {a.resolved_text!r}, a mention inside claim content; {why2}"
    if g and draft_gender(r, d, besides=g) not in (None, g):
        wrong, source = d, _gender_source(r, d, besides=g)
        d, why2 = _search_again(r, pm, g, wrong, done)
        return d, f"the article's resolver gave {a.resolved_text!r}, but {wrong.name} is not {g} ({source}); {why2}"
    if pron in PERSON_PRONOUNS and _no_person(d):
        wrong = d
        d, why2 = _search_again(r, pm, g, wrong, done)
        return d, f"the article's resolver gave {a.resolved_text!r}, but {wrong.name} is no person; {why2}"
    if pron in PERSON_PRONOUNS and d.type == "group":
        d2, why2 = pronoun_draft(r, pm, done, reject=d)
        if d2.type == "person":
            return d2, f"the article's resolver gave {a.resolved_text!r}, but {d.name} is no one person; {why2}"
    if pron in _NOT_ONE_PERSON and d.type == "person":
        wrong = d
        d, why2 = pronoun_draft(r, pm, done, reject=wrong)
        return d, f"the article's resolver gave {a.resolved_text!r}, but '{pron}' is not one person; {why2}"
    return d, f"pronoun resolved in the article to {a.resolved_text!r}, then {why}"


def _search_again(r: "ActorContext", m: Mention, g: Optional[str], wrong: Draft, done: SpokenBefore
                  ) -> tuple[Draft, str]:
    """A 'he' / 'she' whose article-pass pick ``wrong`` the corpus contradicts, resolved again: by the article pass's
    next antecedents (`runner_up`) when the article pass saw the name the nearest rule would take (a speaker, or a
    name its NER called a person) and so ranked it after them; else, and when none of them fits, by the nearest rule
    (`pronoun_draft`): a name the article pass did not see (the NER took 'Trump's' for no person where the corpus
    knows him one) is nearer than its choices for a reason it could not weigh."""
    if RUNNERS_UP and m.att.next_antecedents:
        hit, _ = _nearest(r, m, (m.surface or "").strip().lower(), done, wrong)
        if hit is None or not isinstance(hit.ref, str) or _seen_for_another(r, m, hit):
            found = runner_up(r, m, g, wrong)
            if found is not None:
                return found
    return pronoun_draft(r, m, done, reject=wrong)


def _seen_for_another(r: "ActorContext", m: Mention, hit: Candidate) -> bool:
    """Whether the article pass saw the entity ``hit`` (its NER called it a person) as someone other than the person it
    picked: not a word of the pick's own name ('Clinton' of an article pass that gave 'she' Bill Clinton: the very
    mention it picked, read by the wrong holder of the surname, which the corpus reads again by the pronoun's
    gender)."""
    own = {w.lower() for w in (m.att.resolved_text or "").split()}
    words = strip_possessive(hit.ref).lower().split()
    return r.entities.label_at(m.doc_id, hit.at, hit.ref) == "PERSON" and not (len(words) == 1 and words[0] in own)


def runner_up(r: "ActorContext", m: Mention, g: Optional[str], wrong: Draft) -> Optional[tuple[Draft, str]]:
    """The first of the article pass's next antecedents of a 'he' / 'she' (the Attribution's ``next_antecedents``,
    in the order its walk reached them: the sentences' speakers and subjects before any other name) that the corpus
    does not contradict: a person, not ``wrong``, not of the other gender. None when none is (the caller then walks
    back to the nearest name, `pronoun_draft`). "“...,” Ravel said. But what if Ann Lee wins? “...,” he said": the
    article pass gave 'he' Ann Lee; the corpus knows her a woman; the walk's next is Ravel, not a name nearer.
    Never a name with the pick's surname (:data:`RUNNER_UP_OTHER_SURNAME`); each read as the corpus reads it
    (:data:`RUNNER_UP_AS_READ`), then held to the pronoun's gender."""
    if not RUNNERS_UP:
        return None
    for name in m.att.next_antecedents:
        if RUNNER_UP_OTHER_SURNAME and name.split()[-1:] == wrong.name.split()[-1:]:
            continue
        sub = Mention(m.doc_id, m.index, m.att, name, strip_possessive(name), "name", r.types.get(name), None, m.pos,
                      None if RUNNER_UP_AS_READ else g)
        d, why = name_draft(r, sub)
        if d is not wrong and d.type == "person" and not _no_person(d) and draft_gender(r, d) in (None, g):
            return d, f"pronoun, the article pass's next antecedent {name!r} ({why})"
    return None


def _honorific_second_look(r: "ActorContext", m: Mention, d: Draft, why: str) -> tuple[Draft, str]:
    """'Mrs. Clinton' the article pass gave to Bill Clinton, whom the corpus calls 'he': the surname
    again, among the holders of the gender the honorific says (graphkit.people)."""
    hon, bare = split_honorific(m.surface or "")
    said = honorific_gender(hon)
    if not said or not r.people.single_name(bare) or draft_gender(r, d) in (None, said):
        return d, why
    hit = r.people.surname(bare, m.doc_id, m.surface)
    if hit is None:
        return d, why
    root, why2 = hit
    new = r.drafts.draft(f"pc:{root}", r.people.cluster_name[root], "person")
    if new is d:
        return d, why
    return new, (f"the article's resolver gave {m.name!r}, but {d.name} is not {said} "
                 f"({_gender_source(r, d)}); {why2}")
