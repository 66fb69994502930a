"""An article's topic holding its article's votes (`topics_hold`): where an article's topic
(`graphkit.topical.article_topics`) stands in for enough of an article's claims, the article's offers its votes hold
most go to it (`graphkit.issue_model.assign_claims`), each at the topic's share of the votes, held to the article
floor as every offer is.
"""

from __future__ import annotations

from collections import Counter
from typing import Optional, Sequence

#: an article's topic given to `graphkit.topical.MIN_CLAIMS` of an article's claims takes the offers of that article
#: its claims' votes hold most, at its share of the votes (`topics_hold`)
TOPICS_HOLD = True


def topics_hold(offers: Sequence[tuple[int, str, float]], named: Sequence[list],
                raised: dict[int, dict[str, float]], articles: Sequence[str], topics: frozenset, *,
                order: dict[str, int]) -> list[tuple[int, str, float]]:
    """``offers`` (`graphkit.issue_model.article_offers`: (position, issue, share)) with each offer of an article in
    which an article's topic (``topics``: their names) is the issue given to `graphkit.topical.MIN_CLAIMS` of its
    claims at least (``named``: each claim's issues as given, the topic where it stands in for the article's,
    `graphkit.issue_model.said_within`) given to that topic when those claims' votes for it, weighed by distance as
    every vote is (`graphkit.issue_model.article_votes`), outweigh the article's votes for any other issue
    (``raised``: each offered claim → its article's votes with its own weak words, as `article_offers` counted them
    and handed out in its ``raised_by``), at the topic's share of those votes and its own: the offer is then held to
    the article floor (`graphkit.issue_model.article_floor`, chosen on every offer's share) as any other. Ties between
    topics go to the first in ``order``; a tie with another issue leaves the offer as it was.

    A topic stands in for its claims' article issue only: it neither voted nor was learnt, so the article's other
    claims, which do not say its phrase, took what the other issues' claims voted for ("undocumented immigrants" in
    the border smugglers' article about tunnels, "federal government" in the overtime rule's), or none where those
    votes were too split to clear the floor. The votes unweighed by the claim's learnt probabilities, as
    `graphkit.issue_model.named_first` reads them: the issue model never learns an article's topic. The offer's share
    was the other issues' weighed votes', which say nothing of the topic; its share of the votes it won is what the
    floor weighs. `MIN_CLAIMS`, the claims of one article a phrase needs to be its topic: a topic said once or
    twice in another article is what that article mentions, not what it is about ("guilty pleasure" said by one
    voter in a story on the race), and an article's issues stay a function of that article's claims alone (as kept:
    `graphkit.kept.claim_issues`). The figures below are a build's that chose its floor with these offers (a fresh
    build, or ``--rediscover``): a store assigned again keeps the floor its issue model was fitted with, and there the
    topic's gains are taken and no weaker offer gives way (on PolNeAR train, 86.0 % of claims against 85.5 %).

    PolNeAR train at -104 (bench/README.md, issue 14, fifty-first pass): at the offer's old share, 249 statements
    change their issue and none gains or loses one; of 56 judged strictly (development draws), 25 fit better, 2
    worse, 29 alike. At the topic's share, 67 statements of those articles gain it and the floor (0.0780 -> 0.0786)
    leaves 69 of the weakest offers elsewhere without one, at the same coverage (85.5 %): of 40 of those 136 judged,
    31 better, 9 worse (the weakest offers taken away were misfits 23 times of 24; the topic fitted 8 of 16 gained).
    Every taken offer of a topic's article given to it: 1,011 change, not drawn; the topic voting among the other
    issues, weighed by the claims' learnt probabilities: 265 change, 103 gain an issue and 106 lose theirs.

    >>> tunnels, campaign = ("tunnels", "tunnels", 0.5), ("campaign", "voters", 0.5)
    >>> named = [[tunnels], [], [tunnels], [campaign], [tunnels], []]
    >>> voters = [[], [], [], [campaign], [], []]
    >>> from graphkit.issue_model import article_offers
    >>> def raised_in(named, articles):
    ...     raised = {}
    ...     _ = article_offers(named, articles, voters=voters, order={}, raised_by=raised)
    ...     return raised
    >>> offers, topics = [(1, "campaign", 0.3), (5, "campaign", 0.2)], frozenset({"tunnels"})
    >>> held = topics_hold(offers, named, raised_in(named, ["a"] * 6), ["a"] * 6, topics,
    ...                    order={"campaign": 0, "tunnels": 1})
    >>> [(i, issue, round(share, 3)) for i, issue, share in held]
    [(1, 'tunnels', 0.797), (5, 'tunnels', 0.733)]
    >>> articles = ["a"] * 5 + ["b"]   # another article's
    >>> held = topics_hold(offers, named, raised_in(named, articles), articles, topics, order={})
    >>> [(i, issue, round(share, 3)) for i, issue, share in held]
    [(1, 'tunnels', 0.797), (5, 'campaign', 0.2)]
    >>> few = named[:4] + [[]] * 2   # said twice only
    >>> topics_hold(offers, few, raised_in(few, ["a"] * 6), ["a"] * 6, topics, order={})
    [(1, 'campaign', 0.3), (5, 'campaign', 0.2)]
    """
    from .issue_model import article_votes, by_article, in_issue_order

    if not TOPICS_HOLD or not topics or not offers:
        return list(offers)
    held: dict[int, tuple[str, float]] = {}  # a claim offered an issue -> the topic its votes hold most, those votes
    for idx in by_article(articles).values():
        voting = topic_voters(named, idx, topics)
        if voting is None:
            continue
        for i, votes in zip(*article_votes(named, idx, voting)):
            best = max(in_issue_order(votes, order), key=lambda k: votes[k])
            held[i] = (best, votes[best])
    out = []
    for i, issue, share in offers:
        if i in held:
            others = {k: v for k, v in raised.get(i, {}).items() if k not in topics}
            topic, votes = held[i]
            if votes > max(others.values(), default=0.0):
                issue, share = topic, votes / (votes + sum(others.values()))
        out.append((i, issue, share))
    return out


def topic_voters(named: Sequence[list], idx: Sequence[int], topics: frozenset) -> Optional[dict[int, list]]:
    """Each of one article's claims (``idx``: their positions in ``named``) → its votes for the article's topics
    that are given to `graphkit.topical.MIN_CLAIMS` of them at least (none for a claim given another issue); None when
    no topic is given so often in it (`topics_hold`).

    >>> t = ("tunnels", "tunnels", 0.5)
    >>> topic_voters([[t], [], [t], [t], [("tax", "tax", 0.5)]], range(5), frozenset({"tunnels"}))
    {0: [('tunnels', 'tunnels', 0.5)], 1: [], 2: [('tunnels', 'tunnels', 0.5)], 3: [('tunnels', 'tunnels', 0.5)], 4: []}
    >>> topic_voters([[t], [], [t]], range(3), frozenset({"tunnels"})) is None
    True
    """
    from .topical import MIN_CLAIMS

    given = Counter(x[0] for i in idx for x in named[i] if x[0] in topics)
    enough = {k for k, n in given.items() if n >= MIN_CLAIMS}
    if not enough:
        return None
    return {i: [x for x in named[i] if x[0] in enough] for i in idx}
