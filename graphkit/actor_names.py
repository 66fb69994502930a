"""The draft of a speaker mention that names someone: a name, a role phrase with no name, an anonymous source.

Functions of the actor pass (``r``, a graphkit.actor_context.ActorContext: its gazetteer ``gz``, place config ``pc``,
drafts ``drafts`` (graphkit.actor_drafts), the corpus's person names ``people`` (graphkit.people, logged by a kept
walk) and `mostly_not_person`); each returns the draft and the reason line for the actor's merges:

- `name_draft`: a metonym ('Moscow' → the Kremlin), a gazetteer name or alias, a place as speaker, a person by the
  corpus's name clusters and surname holders (graphkit.people), an organisation (fuzzy against those seen:
  graphkit.actor_drafts.Drafts.organisation), else one actor per name;
- `title_draft`: the gazetteer title a role phrase names, else one role actor per phrase;
- `anonymous_draft`: one anonymous source per article and phrase; 'the source' refers back to the nearest one;
- `group_repeat`: a group phrase's bare repeat is the fuller phrase its article wrote before.

Pronouns are graphkit.actor_pronouns'.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from .actor_drafts import Draft, name_key
from .mentions import (ROLE_HEADS, Mention, before_which, counted_word, names_people, org_role, phrase_acronym,
                       strip_det)
from .merge import acronym_form
from .names import APOS, NAME_PARTICLES, fold, has_org_word, person_key, plain_name, slug
from .places import is_known_place, lookup_place

if TYPE_CHECKING:
    from .actor_context import ActorContext

__all__ = ["name_draft", "title_draft", "anonymous_draft", "group_repeat"]


def name_draft(r: "ActorContext", m: Mention) -> tuple[Draft, str]:
    """The draft of a mention read as a name (``m.name``, typed ``m.etype`` by the corrected entity types); an acronym
    the article pass named as its article writes it out ('the AVP': "Alpine People's Party") says so first."""
    d, why = _name_draft(r, m)
    acronym = phrase_acronym(m.surface)
    if acronym and acronym_form(strip_det(m.name)) != acronym:
        why = f"acronym {acronym!r} as the article writes it out (graphkit.merge.written_out); {why}"
    return d, why


def _name_draft(r: "ActorContext", m: Mention) -> tuple[Draft, str]:
    """:func:`name_draft` without the acronym's reason."""
    name, etype = m.name, m.etype
    # metonymy: a place name as the speaker
    if etype == "place" or (etype is None and fold(name) in r.gz.by_metonym):
        e = r.gz.by_metonym.get(fold(name))
        if e is not None:
            return r.drafts.draft(e.id, e.name, e.type, e), f"metonymy: place {name!r} as speaker ({e.source} metonyms)"
    gz = r.gz.match_name(name, person_like=etype in (None, "person"))
    if gz is not None:
        e, why = gz
        return r.drafts.draft(e.id, e.name, e.type, e), why
    if etype == "place" and not is_known_place(name, r.pc) and len(name.split()) > 1:
        # "Ukraine's sanctions commissioner", "the US and Ukraine": a phrase around a place, not a place
        words = fold(name).split()
        if words[-1] in ROLE_HEADS:
            return title_draft(r, Mention(m.doc_id, m.index, m.att, m.surface, name, "title", None, m.role, m.pos))
        return r.drafts.draft(name_key(name), plain_name(name), "group"), "same group phrase"
    if etype == "place":
        hit = lookup_place(name, r.pc)
        if hit is not None and len(name.split()) > 1 and not set(fold(hit.name).split()) & set(fold(name).split()):
            hit = None  # an alternate name in another language ('White House' -> Casablanca) renames no speaker
            etype = "organisation"
    if etype == "place":
        hit = lookup_place(name, r.pc)
        pname = hit.name if hit else name
        typ = "country" if hit and hit.type == "country" else "other"
        return (r.drafts.draft(f"place:{slug(pname)}", pname, typ),
                f"place as speaker; no government listed for it in {' or '.join(r.gz.files)} metonyms")
    if etype is None and not _looks_like_person(r, name):
        if any(w in ROLE_HEADS for w in fold(name).split()):
            # 'the former secretary of labor': a role phrase, not a name
            return title_draft(r, Mention(m.doc_id, m.index, m.att, m.surface, name, "title", None, m.role, m.pos))
        etype = "other"
    if etype in (None, "person"):
        full = r.people.single_name(name) is None  # 'De Blasio' is a surname alone, 'Al Gore' a full name
        hit = r.people.full_name(name) if full else r.people.surname(name, m.doc_id, m.surface, m.gender)
        if hit is not None:
            root, why = hit
            return r.drafts.draft(f"pc:{root}", r.people.cluster_name[root], "person"), why
        if etype == "person" or full:
            why = "name" if full else r.people.unresolved_surname_reason(name)
            return r.drafts.draft(f"pc:{person_key(name)}", name, "person"), why
    typ = {"organisation": "organisation", "group": "group", "media": "media", "government": "government",
           "person": "person"}.get(etype or "", "other")
    name = plain_name(name)
    key = name_key(name)
    if typ in ("organisation", "media", "government"):
        return r.drafts.organisation(key, name, typ)
    return r.drafts.draft(key, name, typ), "same name" if typ != "group" else "same group phrase"


def title_draft(r: "ActorContext", m: Mention) -> tuple[Draft, str]:
    """A role phrase with no name: the gazetteer title it names, else one actor per title phrase."""
    hit = r.gz.match_title(m.name, org_role(m.att), m.role) or r.gz.match_name(m.name, False)
    if hit is not None:
        e, why = hit
        return r.drafts.draft(e.id, e.name, e.type, e), why
    name = plain_name(strip_det(m.name))
    name = name.translate(APOS)
    return (r.drafts.draft(name_key(name), name, "role"),
            f"role phrase with no name and no title in {' or '.join(r.gz.files)}; one role actor per phrase")


def anonymous_draft(r: "ActorContext", m: Mention, seen: list[tuple[int, Draft]]) -> tuple[Draft, str]:
    """An anonymous source, keyed by article and phrase ('a senior official' and 'another senior official' stay
    apart); a definite 'the source' of three words at most is the nearest one of ``seen`` (the article's anonymous
    sources so far, (position, draft)) with the same head word, and a bare repeat ('experts said' after 'experts on
    Russia said') the nearest one it is the head part of (:func:`_fuller_before`)."""
    words = fold(m.name).split()
    head = words[-1] if words else "source"
    first = (m.name.split() or [""])[0].lower()
    if first in ("the", "that", "this", "these", "those") and len(words) <= 3:
        for pos, d in reversed(seen):
            their_head = before_which(fold(d.name).split())[-1:]  # 'people' of 'people in attendance'
            if pos <= m.pos and [w.rstrip("s") for w in their_head] == [head.rstrip("s")]:
                return d, f"definite {m.name!r} refers back to the nearest preceding {d.name!r} in the same article"
    phrase = anonymous_name(m.name)
    fuller = _fuller_before(phrase, m.pos, seen)
    if fuller is not None:
        return fuller, f"{m.name!r} repeats the nearest preceding {fuller.name!r} in the same article"
    key = f"anon:{m.doc_id}:{fold(phrase)}"
    d = r.drafts.draft(key, phrase, "anonymous", fixed_id=f"actor:anon-{slug(m.doc_id)}-{slug(phrase)}")
    return d, "anonymous source, keyed by article and phrase"


def group_repeat(d: Draft, why: str, at: int, seen: list[tuple[int, Draft]]) -> tuple[Draft, str]:
    """A group phrase's draft (one actor per phrase across the corpus) given at ``at``, as the article has it: a bare
    repeat of people (graphkit.mentions.names_people: 'Republicans said' after 'Republicans who backed the bill said',
    a 'they' the article pass gave 'Republicans'; not 'Data show' after 'data from the ministry') is the fuller phrase
    the article wrote before (:func:`_fuller_before` over ``seen``, the article's group phrases of people so far,
    which this adds to); any other draft as it is.

    >>> seen = []
    >>> fuller = Draft("n:voters who backed the bill", "voters who backed the bill", "group")
    >>> group_repeat(fuller, "same group phrase", 1, seen)[0].name
    'voters who backed the bill'
    >>> group_repeat(Draft("n:voters", "voters", "group"), "same group phrase", 5, seen)[0].name
    'voters who backed the bill'
    """
    if d.type != "group" or d.key != name_key(d.name) or not names_people(before_which(fold(d.name).split())):
        return d, why  # a gazetteer group, an organisation: named, no phrase to repeat; 'data': no people
    fuller = _fuller_before(d.name, at, seen)
    if fuller is not None:
        return fuller, f"{d.name!r} repeats the nearest preceding {fuller.name!r} in the same article"
    seen.append((at, d))
    return d, why


def _fuller_before(phrase: str, at: int, seen: list[tuple[int, Draft]]) -> Optional[Draft]:
    """The nearest anonymous source or group phrase of ``seen`` before ``at`` written more fully with the same words up
    to its head, when ``phrase`` (an anonymous source's name) is those words alone: 'experts' after 'experts on Russia',
    'people' after 'people in the hall' (graphkit.mentions.before_which: the part after the head says which, and a
    repeat leaves it out). Not a phrase of its own part ('officials in the city' after 'officials in the state'), nor
    other words ('senior officials' after 'officials in the state').

    >>> d = Draft("anon:a:experts on korea", "experts on Korea", "anonymous")
    >>> _fuller_before("experts", 9, [(1, d)]).name, _fuller_before("senior experts", 9, [(1, d)])
    ('experts on Korea', None)
    """
    words = fold(phrase).split()
    if not words or before_which(words) != words:
        return None
    return next((d for pos, d in reversed(seen) if pos <= at and len(fold(d.name).split()) > len(words)
                 and before_which(fold(d.name).split()) == words), None)


def anonymous_name(phrase: str) -> str:
    """An anonymous source's name: its phrase without 'a', 'an', 'the', a capitalised determiner-like first word
    in lower case.

    >>> anonymous_name("A senior official"), anonymous_name("One  reporter")
    ('senior official', 'one reporter')
    """
    phrase = strip_det(plain_name(phrase))
    first = phrase.split()[0] if phrase.split() else ""
    counted = counted_word(first)
    return counted + phrase[len(first):] if counted else phrase


def anonymous_antecedent(m: Mention, seen: list[tuple[int, Draft]]) -> Optional[Draft]:
    """The anonymous source a pronoun speaker stands for: the article pass resolved it to an anonymous person
    (no span: 'A reporter called it chaos. "We saw it," he said') written as the latest of the article's
    anonymous sources so far of that phrase (``seen``: (position, draft)); not a person named 'reporter'. Else
    None."""
    a = m.att
    if a.speaker_type != "PRON" or a.resolved_span is not None or not a.resolved_text:
        return None
    name = fold(anonymous_name(a.resolved_text))
    return next((d for pos, d in reversed(seen) if pos <= m.pos and fold(d.name) == name), None)


def _looks_like_person(r: "ActorContext", name: str) -> bool:
    """With no NER type: a capitalised 2-4 word name without organisation words, or a known surname."""
    words = name.split()
    if not words or not all(w[:1].isupper() or fold(w) in NAME_PARTICLES for w in words):
        return False
    if has_org_word(words):
        return False
    if len(words) == 1:
        key = person_key(name)
        if r.mostly_not_person(name):
            return False  # 'Republicans': the NER calls it NORP far more often than a name's part
        return key in r.people.by_surname or key in r.gz.by_surname
    return len(words) <= 4
