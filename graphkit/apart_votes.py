"""What a claim's phrases said apart from an issue leave it: a claim that only mentions such a phrase is not given that
issue (`names_only`), and casts no vote for it among its article's claims either (`voting_issues`), unless the
phrase is a wording of the issue's own subject (`wording_phrases`). Both read ``apart`` of
`graphkit.issues.IssueDef` (`graphkit.phrase_groups.said_apart`); `graphkit.issue_model.assign_claims` calls them.
"""

from __future__ import annotations

from typing import Sequence

#: a claim whose triggers of an issue are only phrases said apart from it casts no vote for that issue among its
#: article's claims (`voting_issues`)
APART_ABSTAINS = True

#: ... but for the phrases of an issue within another whose own name is said apart (`wording_phrases`): they word
#: the group's own subject and vote for it. PolNeAR train at -107 (bench/README.md, issue 14, fifty-third pass):
#: without it, the plain abstention changed 887 statements (395 re-pointed), among them "background checks"
#: re-pointed to the race (29), "Islamic State" to the extremism topic (9), "federal government" to the Iran deal
#: (16), and the development draws 7827-7828 read 14 better / 11 worse / 15 alike (claims about the Islamic State or
#: guns given the race's issue from their own articles: 3 worse); with it, 571 change, draws 7830-7831 23 better /
#: 13 worse / 4 alike
APART_WORDING_VOTES = True


def names_only(assigned: Sequence[list], taxonomy, keep: frozenset = frozenset()) -> list[list[tuple]]:
    """Each claim's issues less those whose triggers in the claim itself are only phrases said apart from the rest of
    the issue (``apart`` of `graphkit.issues.IssueDef`, `graphkit.phrase_groups.said_apart`), but those ``keep`` names
    (folded phrases): the claim mentions them, it is not about the issue they were grouped in. A claim so left with
    none takes its article's issue (`graphkit.issue_model.article_offers`, `graphkit.issue_model.take_offers`), and
    casts no vote for the one it said among its article's claims (`voting_issues`, which keeps the phrases that word
    the issue's own subject). Learnt issues stay (no trigger gave them). The triggers are the assignment's own
    (`graphkit.issues.triggers_of`), not its evidence text.

    >>> from graphkit.issues import Assignment, taxonomy_from_data
    >>> tax = taxonomy_from_data({"issues": [{"name": "health care", "patterns": ["health care", "running mate"],
    ...                                       "apart": ["running mate"]}]}, "x", origin="discovered")
    >>> names_only([[Assignment("health care", 0.5, ["running mate"])],
    ...             [Assignment("health care", 0.75, ["running mate", "health care"])],
    ...             [Assignment("health care", 0.5, ["running mates"], ["health care"])],
    ...             [("health care", "learnt: care, running mate", 0.6)]], tax)
    [[], [('health care', 'running mate, health care', 0.75)], [], [('health care', 'learnt: care, running mate', 0.6)]]
    >>> names_only([[Assignment("health care", 0.5, ["running mate"])]], tax, keep=frozenset({"running mate"}))
    [[('health care', 'running mate', 0.5)]]
    """
    from .issues import fold_phrase, triggers_of

    apart = {i.name: i.apart - keep for i in taxonomy.issues if i.apart - keep}
    if not apart:
        return [list(a) for a in assigned]

    def mentioned(x: tuple) -> bool:
        said = triggers_of(x)[0]
        return x[0] in apart and bool(said) and all(fold_phrase(t) in apart[x[0]] for t in said)

    return [[x for x in a if not mentioned(x)] for a in assigned]


def voting_issues(assigned: Sequence[list], taxonomy) -> list[list[tuple]]:
    """Each claim's issues as it votes among its article's claims (``voters`` of
    `graphkit.issue_model.article_offers`): ``assigned``, less the issues a claim only mentions by phrases said apart
    from them (`names_only`, which takes them from the claim's own issues too), but for phrases that word the issue's
    own subject (`wording_phrases`, switch `APART_WORDING_VOTES`).

    A phrase said apart from a group is about something else than the group's name says ("abortion" apart from the
    Supreme Court's seat, "black voters" apart from "economy", "health care" apart from "Wall Street"): its claims are
    not given the group's issue, and their votes for it carried that name to the other claims of their articles, where
    the claims about the race took "economy" from an article about black voters, "Supreme Court" from a debate's
    abortion exchange (fresh audits 2135-2146: of 51 misfits another discovered issue fitted, 14 were the race's claims
    under another issue's name). PolNeAR train at -107 (bench/README.md, issue 14, fifty-third pass): 571 statements
    change, 238 re-pointed (economy to the race's issue 49, Wall Street 21, foreign policy 16, Supreme Court 16), 167
    left without an issue and 166 given one at the floor's margin (0.0815 -> 0.0810, coverage 85.5 % both); development
    draws of the changes 23 better / 13 worse / 4 alike (seeds 7830, 7831; the re-points 7 / 0 / 4).

    >>> from graphkit.issues import Assignment, taxonomy_from_data
    >>> tax = taxonomy_from_data({"issues": [{"name": "courts", "patterns": ["Supreme Court", "abortion"],
    ...                                       "apart": ["abortion"]}]}, "x", origin="discovered")
    >>> voting_issues([[Assignment("courts", 0.5, ["abortion"])], [Assignment("courts", 0.5, ["Supreme Court"])]], tax)
    [[], [('courts', 'Supreme Court', 0.5)]]
    """
    if not APART_ABSTAINS:
        return [list(a) for a in assigned]
    return names_only(assigned, taxonomy, keep=wording_phrases(taxonomy) if APART_WORDING_VOTES else frozenset())


def wording_phrases(taxonomy) -> frozenset:
    """The phrases (folded: `graphkit.issues.fold_phrase`) of each issue within another whose own name is among its
    phrases said apart (``apart`` of `graphkit.issues.IssueDef`, `graphkit.discover.within_apart`): a one-word name
    said mostly away from the issue's other phrases, in other senses than theirs (`graphkit.discover.name_said_apart`),
    which split the part from its group by a word, not by a subject ("ISIS" of "Islamic State", "actions" and "guns"
    of "background checks", "Congress" and "legislation" of "federal government" on PolNeAR train at -107). Their
    claims still vote for the group (`voting_issues`, switch `APART_WORDING_VOTES`): without this, of the development
    draws 7827-7828 on PolNeAR train at -107, claims about the Islamic State or guns took the race's issue from their
    own articles (3 worse).

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
