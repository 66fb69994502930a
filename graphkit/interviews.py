"""Who speaks in an interview or a transcript: the article pass's reading of its turns.

An interview printed as questions and answers ("Q: ... A: I think ...") or a broadcast transcript
("JAKE TAPPER: ... FALLIN: I think ...") gives its first person to whoever holds the turn, not to the
article's author (graphkit.extract.author_speaker leaves those alone). graphkit.segments finds the
turns from the text alone (:func:`graphkit.segments.interview_turns`); these functions resolve them
against the article's people as :class:`graphkit.speakers.SpeakerResolver` knows them:

- a first person in an answer is the interviewee (:func:`interviewee`), the 'you' of a question too;
- a first person in a labelled turn is the label's person (:func:`labelled`: 'FALLIN' is Mary Fallin);
- a label the parser read as the speaker ('JAKE TAPPER' before a question) is that person, in title case;
- the questioner's 'I' stays the author's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from .pronouns import FIRST_PERSON
from .segments import Segment, interview_turns, turn_at

if TYPE_CHECKING:  # pragma: no cover
    from .speakers import SpeakerResolver

__all__ = ["doc_turns", "turn_speaker", "interviewee", "labelled", "label_at"]

Named = Optional[tuple[str, Optional[tuple[int, int]]]]

#: where a Doc keeps its turns (plain (kind, start, end) tuples: Docs cross spaCy's process boundary)
_TURNS_KEY = "graphkit_interview_turns"


def doc_turns(doc, text: Optional[str] = None) -> list[Segment]:
    """The interview or transcript turns of a parsed article (:func:`graphkit.segments.interview_turns`), read
    from its text once per Doc and kept in ``doc.user_data``: the speaker resolver and the extraction's author
    rule (graphkit.extract.author_speaker) both ask. ``text``: ``doc.text``, when the caller has it.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words=["Q:", "Why?", "A:", "Yes.", "Q:", "When?", "A:", "Now."], spaces=[True] * 8)
    >>> [t.kind for t in doc_turns(doc, "Q: Why?\\n\\nA: Yes.\\n\\nQ: When?\\n\\nA: Now.")], doc_turns(doc)[1].kind
    (['Q', 'A', 'Q', 'A'], 'A')
    """
    kept = doc.user_data.get(_TURNS_KEY)
    if kept is None:
        kept = [(s.kind, s.start, s.end) for s in interview_turns(doc.text if text is None else text)]
        doc.user_data[_TURNS_KEY] = kept
    return [Segment(*t) for t in kept]


def turn_speaker(res: "SpeakerResolver", low: str, at: int) -> Named:
    """(name, span) of whom a pronoun (lower case) at ``at`` is by the turn holding it; None outside turns
    and for the questioner's own first person."""
    if not res.turns:
        return None
    who = turn_at(res.turns, at)
    if who == "A" and low in FIRST_PERSON or who == "Q" and low == "you":
        return interviewee(res)
    if who not in (None, "Q", "A") and low in FIRST_PERSON:
        return labelled(res, who)
    return None


def interviewee(res: "SpeakerResolver") -> Named:
    """The person an interview is with: the full name its headline gives ('Q&A with Senator Maria
    Alvarez'), else the person the article names most often; None when it names nobody."""
    hit = next((pn for pn in res.names if len(pn.words) > 1 and pn.name in res.headline), None)
    if hit is not None:
        return hit.name, hit.span
    counts: dict[str, int] = {}
    for e in res.persons:
        name = res.full_name(e.text, (e.start_char, e.end_char))[0]
        counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda n: (counts[n], len(n.split())))
    pn = next((x for x in res.names if x.name == best), None)
    return best, pn.span if pn else None


def labelled(res: "SpeakerResolver", label: str) -> tuple[str, Optional[tuple[int, int]]]:
    """The person a transcript label names: the article's full name for it ('FALLIN': Mary Fallin), else a
    longer label ending the same ('BOULDUAN': 'KATE BOULDUAN'), in title case ('Kate Boulduan')."""
    words = label.split()
    longer = [t.kind for t in res.turns if t.kind.split()[-1:] == words[-1:] and len(t.kind.split()) > len(words)]
    name = (longer[0] if longer else label).title()
    turn = next(t for t in res.turns if t.kind == label)
    return res.full_name(name, (turn.start, turn.start + len(label)))


def label_at(res: "SpeakerResolver", s0: int, s1: int) -> Optional[str]:
    """The transcript label a speaker phrase [s0, s1) is ('FALLIN' opening 'FALLIN: I think ...'), else None."""
    t = next((t for t in res.turns if t.start == s0), None) if res.turns else None
    return t.kind if t is not None and t.kind not in ("Q", "A") and s1 - s0 == len(t.kind) else None
