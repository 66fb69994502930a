"""Which issues a claim votes for among its article's claims (`voting_issues`): a claim that only mentions a phrase
said apart from an issue is not given that issue (`graphkit.issue_model.names_only`), and casts no vote for it either,
unless the phrase is a wording of the issue's own subject (`wording_phrases`).
"""

from __future__ import annotations

from typing import Sequence

#: a claim whose triggers of an issue are only phrases said apart from it casts no vote for that issue among its
#: article's claims (`voting_issues`)
APART_ABSTAINS = True


def voting_issues(assigned: Sequence[list], taxonomy) -> list[list[tuple]]:
    """Each claim's issues as it votes among its article's claims (``voters`` of
    `graphkit.issue_model.article_offers`): ``assigned``, less the issues a claim only mentions by phrases said apart
    from them (`graphkit.issue_model.names_only`, which takes them from the claim's own issues too), but for phrases
    that word the issue's own subject (`wording_phrases`).

    A phrase said apart from a group is about something else than the group's name says ("abortion" apart from the
    Supreme Court's seat, "black voters" apart from "economy", "health care" apart from "Wall Street"): its claims are
    not given the group's issue, and their votes for it carried that name to the other claims of their articles, where
    the claims about the race took "economy" from an article about black voters, "Supreme Court" from a debate's
    abortion exchange (fresh audits 2135-2146: of 51 misfits another discovered issue fitted, 14 were the race's
    claims under another issue's name). PolNeAR train at -107 (bench/README.md, issue 14, fifty-third pass): 571
    statements change, 238 re-pointed (economy to the race's issue 49, Wall Street 21, foreign policy 16, Supreme Court 16), 167
    left without an issue and 166 given one at the floor's margin (0.0815 -> 0.0810, coverage 85.5 % both);
    development draws of the changes 23 better / 13 worse / 4 alike (seeds 7830, 7831; the re-points 7 / 0 / 4).

    >>> from graphkit.issues import Assignment, taxonomy_from_data
    >>> tax = taxonomy_from_data({"issues": [{"name": "courts", "patterns": ["Supreme Court", "abortion"],
    ...                                       "apart": ["abortion"]}]}, "x", origin="discovered")
    >>> voting_issues([[Assignment("courts", 0.5, ["abortion"])], [Assignment("courts", 0.5, ["Supreme Court"])]], tax)
    [[], [('courts', 'Supreme Court', 0.5)]]
    """
    from .issue_model import names_only

    if not APART_ABSTAINS:
        return [list(a) for a in assigned]
    return names_only(assigned, taxonomy, keep=wording_phrases(taxonomy))


def wording_phrases(taxonomy) -> frozenset:
    """The phrases (folded: `graphkit.issues.fold_phrase`) of each issue within another whose own name is among its
    phrases said apart (``apart`` of `graphkit.issues.IssueDef`, `graphkit.discover.within_apart`): a one-word name
    said mostly away from the issue's other phrases, in other senses than theirs (`graphkit.discover.name_said_apart`),
    which split the part from its group by a word, not by a subject ("ISIS" of "Islamic State", "actions" and "guns"
    of "background checks", "Congress" and "legislation" of "federal government" on PolNeAR train at -107). Their
    claims still vote for the group (`voting_issues`): without this, of the development draws 7827-7828 on PolNeAR
    train at -107, claims about the Islamic State or guns took the race's issue from their own articles (3 worse).

    >>> from graphkit.issues import taxonomy_from_data
    >>> tax = taxonomy_from_data({"issues": [
    ...     {"name": "Islamic State", "patterns": ["Islamic State", "ISIS", "refugees"], "apart": ["ISIS", "refugees"]},
    ...     {"name": "ISIS", "patterns": ["ISIS", "refugees"], "within": "Islamic State", "apart": ["ISIS"]},
    ...     {"name": "courts", "patterns": ["Supreme Court", "abortion"], "apart": ["abortion"]},
    ...     {"name": "abortion", "patterns": ["abortion"], "within": "courts"}]}, "x", origin="discovered")
    >>> sorted(wording_phrases(tax))
    ['isis', 'refugee']
    """
    from .issues import fold_phrase

    return frozenset(fold_phrase(p.written) for i in taxonomy.issues if i.within and fold_phrase(i.name) in i.apart
                     for p in i.patterns)
