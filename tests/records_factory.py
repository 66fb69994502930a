"""Small hand-made records for tests that do not need spaCy."""

from __future__ import annotations

import datetime as dt

from graphkit.records import Actor, Claim, Contradiction, Document, Place

TEXT = ("Russian Foreign Minister Sergey Lavrov said Europe was blocking peace. "
        "Ukrainian authorities denied any such losses near Pokrovsk. "
        "Russian officials claimed they had captured Pokrovsk. "
        "A quote with <img src=x onerror=alert(1)> and {{ braces }} and \x01 control.")


def doc(doc_id="d1", url="https://example.org/a", published=dt.date(2025, 12, 2)) -> Document:
    return Document(id=doc_id, path=f"{doc_id}.txt", text=TEXT, sha256="a" * 64, format="txt",
                    title="Talks <b>gain</b> momentum", source="news site", url=url, published=published)


ACTORS = {
    "actor:sergey-lavrov": Actor(id="actor:sergey-lavrov", name="Sergey Lavrov", type="person",
                                 aliases=("Lavrov", "Sergei Lavrov"), roles=("Foreign Minister",), country="RU"),
    "actor:ukrainian-government": Actor(id="actor:ukrainian-government", name="Ukrainian government", type="government"),
    "actor:russian-government": Actor(id="actor:russian-government", name="Russian government", type="government"),
}
PLACES = {"Pokrovsk": Place(id="place:pokrovsk", name="Pokrovsk", type="city", country_code="UA", lat=48.28, lon=37.18)}


def _span(sub: str) -> tuple[int, int]:
    s = TEXT.index(sub)
    return (s, s + len(sub))


def claims(doc_id="d1") -> list[Claim]:
    def c(cid, speaker_id, sub, stance="assert", issues=(), places=(), date="2025-12-01", reporter=None):
        return Claim(id=cid, doc_id=doc_id, speaker=ACTORS[speaker_id].name, speaker_id=speaker_id, text=sub,
                     spans=[_span(sub)], kind="indirect", cue="said", stance=stance, date=date,
                     date_precision="day", date_basis="relative", issues=issues,
                     issue_triggers=tuple((i, i.lower()) for i in issues), places=places,
                     reported_by=ACTORS[reporter].name if reporter else None, reported_by_id=reporter)

    return [
        c("c1", "actor:sergey-lavrov", "Europe was blocking peace", issues=("Europe", "peace plan")),
        c("c2", "actor:ukrainian-government", "denied any such losses near Pokrovsk", "deny", ("territory",), ("Pokrovsk",)),
        c("c3", "actor:russian-government", "they had captured Pokrovsk", "assert", ("territory",), ("Pokrovsk",), "2025-11-30",
          reporter="actor:ukrainian-government"),  # a report of a report: Kyiv says Moscow claimed it
        c("c4", "actor:sergey-lavrov", "A quote with <img src=x onerror=alert(1)> and {{ braces }} and \x01 control.",
          date=None),
    ]


CONTRADICTIONS = [
    Contradiction(a="c2", b="c3", issue="territory", reason="deny vs assert on Pokrovsk", score=0.9,
                  shared=("pokrovsk",), opposing=("denied", "said"), days=1),
    Contradiction(a="c1", b="c4", relation="reverses", reason="one actor, both positions", score=0.6,
                  shared=("europe",), opposing=("blocking", "not blocking")),          # days unknown: None
    Contradiction(a="c1", b="c3", reason="a weak link, below the shown threshold", score=0.1),
]
