"""The discovered issues of a store as an editable issues.yaml (`graphkit issues suggest`): each issue with its size
and example claims as comments, in the format of a hand-made taxonomy, for a researcher to edit, drop into the corpus
folder and rebuild with."""

from __future__ import annotations

import hashlib
import re
import warnings
from collections import defaultdict
from pathlib import Path
from typing import Optional

from .errors import ExportError, GraphkitWarning
from .tables import shorten

#: a suggested issues.yaml's second line: a digest of its other lines' bytes, by which ``issues suggest`` knows a file
#: at its -o is as it wrote it, to be replaced (`as_suggested`); a file edited since is kept (`check_unedited`)
SEAL = "# graphkit digest {}: `issues suggest` replaces this file only as it wrote it (an edited one with --force)."
_SEALED = re.compile(rb"# graphkit digest ([0-9a-f]{16}): ")


def suggest(store_path, n_issues: Optional[int] = None, rediscover: bool = False, examples: int = 5) -> str:
    """The store's discovered issues as an issues.yaml to edit, each with its size and example claims as comments.

    The issues the build discovered (kept in the store) unless `rediscover` or `n_issues` asks for a new
    discovery; a store built with the corpus's own taxonomy gets one discovered now, from all its claims. A store
    whose first build stopped before it resolved its articles is refused (`graphkit.store.Store.check_resolved`).
    ``n_issues`` is checked as a build's and ``--n-issues`` are (`graphkit.discover.n_issues_of`), before the store
    is opened: ``n_issues=0`` kept the build's issues without a word, ``-1`` ended in a bare ValueError.
    """
    from .discover import n_issues_of
    from .records import claim_id
    from .resolution import discovery_inputs, read_resolution_inputs
    from .store_issues import discovered_issues, kept_discovery, people_names
    from .kept import stored_issue_model
    from .issue_evidence import issue_route
    from .issue_model import assign_claims
    from .issues import taxonomy_from_data
    from .store import Store

    n_issues = n_issues_of(n_issues)  # None: the kept discovery, or one of the size the data choose
    with Store(store_path, readonly=True) as store:
        store.check_resolved()
        data = kept_discovery(store, n_issues, rediscover)
        if data is None:  # discovered now from what the build's discovery reads: the build's issues
            found = discovery_inputs(store)
            data = discovered_issues(store, n_issues, True, found.actors, found.sample, found.spoken, found.abroad,
                                     found.voices, found.titled)
            actors, atts, said = found.actors, found.atts, found.said
            if found.gone:  # said, not resolved with the defaults without a word (the command line says it in a line)
                warnings.warn(knowledge_gone(found.gone.values()), GraphkitWarning, stacklevel=2)
        else:  # the claims as resolution reads them: the inputs kept with the store, not every extraction validated
            actors = store.actors()
            atts, _, said, _ = read_resolution_inputs(store)
        people = people_names(actors)
        tax = taxonomy_from_data(data, "discovered", origin="discovered")
        # the model and article floor the store's claims were assigned with, if any
        kept, model, floor = stored_issue_model(store, tax)
        statements = {c.id for c in store.claims(distinct=True)}
    # each claim once, in article order: its attribution's row and its (text, context), as the build's resolution reads
    # them (`graphkit.resolution.read_resolution_inputs`; the discovery above read them already)
    items = [(doc_id, row, pair) for doc_id in sorted(atts) for row, pair in zip(atts[doc_id], said[doc_id])]
    members: dict[str, list] = defaultdict(list)
    reported: set[str] = set()
    about_all, floor = assign_claims([pair for *_, pair in items], tax, exclude=people,
                                     articles=[doc_id for doc_id, *_ in items],
                                     **({"model": model, "min_share": floor} if kept else {}))
    for (doc_id, a, _), about in zip(items, about_all):
        for name, trig, score in about:
            reported.add(name)
            if claim_id(doc_id, a.spans) not in statements:
                continue  # another report of a claim counted once, by its first report
            # examples: the claims its triggers assign first, the best scored
            members[name].append((issue_route(trig) != "own", -score, len(a.text), a.text,
                                  a.resolved_text or a.speaker_text or "?"))
    # an issue no claim is about is no issue of this corpus; leaving it out changes no claim's issues. An article's
    # topic stays: it is a claim's only where no other issue is (`graphkit.issues.topics_apart`), so one no claim took
    # here may be a new article's, and without it the file would not have the key the store's model is kept under
    data = {**data, "issues": [i for i in data.get("issues", []) if i["name"] in reported or i.get("article_topic")]}
    data["issues"] = within_listed(data["issues"])
    return write_issues_yaml(data, members, len(statements), examples, source=str(store_path), min_share=floor)


def knowledge_gone(gone) -> str:
    """What `suggest` says when the corpus files a store was built with are gone (its corpus moved): the cause, what
    it did instead, and the fix.

    >>> knowledge_gone([Path("/old/uk/actors.yaml")])
    "/old/uk/actors.yaml, which the store was built with, is gone: the issues were discovered with the default actors \
and may differ from the build's; run it where the corpus is"
    """
    return (f"{', '.join(map(str, gone))}, which the store was built with, {'is' if len(gone) == 1 else 'are'} gone: "
            "the issues were discovered with the default actors and may differ from the build's; "
            "run it where the corpus is")


def write_issues_yaml(data: dict, members: dict, n_claims: int, examples: int, source: str,
                      min_share: Optional[float] = None) -> str:
    """issues.yaml text: a header (how a build assigns claims to discovered issues, its figures read from
    `graphkit.issue_model` and ``min_share``, the article floor the claims were assigned with), then per issue its
    size and examples as comments and its entry. ``members``: issue name → its claims as (given by no trigger, -score,
    length, text, speaker), best first when sorted (`suggest`'s).

    >>> data = {"issues": [{"name": "council tax", "description": "discovered: council tax, bills",
    ...                     "patterns": ["council tax", "bills"], "context": ["council tax"], "origin": "discovered"}]}
    >>> text = write_issues_yaml(data, {"council tax": [(False, -0.5, 28, "Council tax bills rise again", "Ann Lee")]},
    ...                          12, 5, "tax.gk", 0.1449)
    >>> print(text.split("issues:")[-1].strip())
    # 1 claim(s), e.g.:
      #   Ann Lee: Council tax bills rise again
      - name: council tax
        description: 'discovered: council tax, bills'
        patterns: [council tax, bills]
        context: [council tax]
    >>> import yaml; yaml.safe_load(text)["issues"][0]["patterns"], re.match(HEAD, text) is not None
    (['council tax', 'bills'], True)
    """
    lines = [*_header(n_claims, source, min_share), "issues:" if data.get("issues") else "issues: []"]
    for iss in data.get("issues", []):
        lines += _issue_entry(iss, sorted(members.get(iss["name"], [])), examples)
    return sealed("\n".join(lines).rstrip() + "\n")


def sealed(text: str) -> str:
    """``text`` with `SEAL` as its second line: the digest of its lines (`_digest`), by which `as_suggested` knows it.

    >>> text = sealed("# Issues discovered from the 3 claims in uk.gk (graphkit issues suggest).\\nissues: []\\n")
    >>> print(text, end="")
    # Issues discovered from the 3 claims in uk.gk (graphkit issues suggest).
    # graphkit digest c2b93760c1f1b233: `issues suggest` replaces this file only as it wrote it (an edited one with --force).
    issues: []
    >>> as_suggested(text.encode()), as_suggested(text.replace("[]", "[fares]").encode())
    (True, False)
    """
    first, rest = text.split("\n", 1)
    return "\n".join([first, SEAL.format(_digest(text.encode())), rest])


def as_suggested(raw: bytes) -> bool:
    """Whether ``raw`` (a file's bytes) is byte for byte what `sealed` made: its second line is `SEAL` and its digest
    that of the other lines. An issues.yaml edited since (a line, a space, line ends made CRLF), a taxonomy written by
    hand, one suggested by a graphkit before the seal: False."""
    lines = raw.split(b"\n")
    found = _SEALED.match(lines[1]) if len(lines) > 2 else None
    return found is not None and found.group(1).decode() == _digest(b"\n".join(lines[:1] + lines[2:]))


def _digest(raw: bytes) -> str:
    """The 16 hexadecimal digits of `SEAL`: the start of the SHA-256 of ``raw``.

    >>> _digest(b"issues: []\\n")
    '5902dacce46b171b'
    """
    return hashlib.sha256(raw).hexdigest()[:16]


def check_unedited(path) -> None:
    """Refuse ``path`` as ``issues suggest``'s -o when a file there is not as `write_issues_yaml` wrote it
    (`as_suggested`): a researcher's edits there would be lost. Nothing there, an empty file, what is written through
    (a pipe, ``-o /dev/stdout``: `graphkit.outputs.written_through`): nothing to lose. ``--force`` does not ask.
    The command hands it to `graphkit.outputs.check_output` and `graphkit.outputs.atomic_open` as their test of the file
    (``replaces``), in place of `graphkit.outputs.written_by_graphkit`: a file as suggested begins as graphkit's own,
    so one read of the file answers both, before the issues are worked out and again at the write (a file edited
    while they were is kept).

    >>> import tempfile; p = Path(tempfile.mkdtemp()) / "issues.yaml"
    >>> check_unedited(p); _ = p.write_text(sealed("# Issues discovered from 3 claims (graphkit issues suggest).\\nissues: []\\n"))
    >>> check_unedited(p)
    >>> check_unedited("/dev/stdout")  # written through, whatever the file the shell opened holds
    >>> _ = p.write_text(p.read_text().replace("[]", "[fares]")); check_unedited(p)
    Traceback (most recent call last):
    graphkit.errors.ExportError: '...issues.yaml' is not as `graphkit issues suggest` wrote it (edited since?): writing
    there would lose the edits; give another -o path, or --force to replace it
    >>> _ = p.write_text("issues: []\\n"); check_unedited(p)
    Traceback (most recent call last):
    graphkit.errors.ExportError: '...issues.yaml' is a file graphkit did not write: writing there would replace what it
    holds; give another -o path (or remove the file first)
    """
    from .outputs import begins_as_ours, not_ours, written_through

    path = Path(path)
    try:
        raw = path.read_bytes() if path.is_file() and not written_through(path) else b""
    except OSError:  # what stops the reading stops the writing: `graphkit.outputs.atomic_open` says it
        return
    if not begins_as_ours(raw):  # a taxonomy written by hand, notes: as every writer says of a file it did not write
        raise not_ours(path)
    if raw and not as_suggested(raw):
        raise ExportError(f"'{path}' is not as `graphkit issues suggest` wrote it (edited since?): writing there would "
                          "lose the edits; give another -o path, or --force to replace it")


#: how a suggested issues.yaml begins (`graphkit.outputs.own_heads`: a file at -o is graphkit's to replace, if
#: unedited: `check_unedited`): the first line of `_header`
HEAD = r"\A# Issues discovered from .* \(graphkit issues suggest\)\."


def within_listed(issues: list[dict]) -> list[dict]:
    """``issues`` (entries of a discovered taxonomy) less the ``within`` of one whose issue is not among them (left out
    of a suggested file as no claim is about it): it stays, an issue like any other, and the file reads back
    (`graphkit.issues.taxonomy_from_data` refuses a ``within`` naming no issue of the file).

    >>> within_listed([{"name": "abortion", "within": "Supreme Court"}, {"name": "ISIS", "within": "Islamic State"},
    ...                {"name": "Islamic State"}])
    [{'name': 'abortion'}, {'name': 'ISIS', 'within': 'Islamic State'}, {'name': 'Islamic State'}]
    """
    listed = {i["name"] for i in issues}
    return [{k: v for k, v in i.items() if k != "within" or v in listed} for i in issues]


def _header(n_claims: int, source: str, min_share: Optional[float]) -> list[str]:
    """The lines of a suggested issues.yaml before its issues: where they come from, what to do with the file, and how
    a build assigns claims to discovered issues (its figures read from `graphkit.issue_model` and ``min_share``; an
    article's topic taking its article's offers said as `graphkit.topic_votes.TOPICS_HOLD` is set, at
    `graphkit.topical.MIN_CLAIMS`).

    >>> import graphkit.topic_votes as topic_votes
    >>> [line for line in _header(10, "x", 0.1) if "given to" in line]
    ["# and where it is given to 3 of an article's claims, their votes for it take the article's offers"]
    >>> from unittest import mock
    >>> with mock.patch.object(topic_votes, "TOPICS_HOLD", False):
    ...     [line for line in _header(10, "x", 0.1) if "given to" in line or "likewise" in line]
    ["# what several voices of one article talked about: it stands in for that article's issue likewise."]
    """
    from .issue_model import COVERAGE
    from .topic_votes import TOPICS_HOLD
    from .topical import MIN_CLAIMS

    share = f"{100 * min_share:.1f} %" if min_share is not None else "a share"
    return [f"# Issues discovered from the {n_claims} claims in {source} (graphkit issues suggest).",
            "# Edit freely: rename an issue, merge two, drop one, add or remove triggers (format: models/issues.yaml).",
            "# Then save this file as CORPUS/issues.yaml (or pass it with --issues FILE) and rebuild.",
            "# Under each issue: its number of claims and the best-matched examples.",
            "version: 1",
            "# Triggers count as on the build that discovered them: a phrase of two or more words 1, one word 1/2",
            "# (1 when it is its issue's name), a phrase said inside a longer trigger of another issue is that one's,",
            "# a claim's further issue given by one phrase (not its name) that no other claim of its article has gives",
            "# way to its better-backed one, and claims with none can be given an issue learnt from the rest, or their",
            "# article's (the issues of its other claims, nearer ones counting more, and a single word of an issue's",
            "# triggers in the claim itself counting as one of them) when their own words leave that",
            f"# issue {share} of the votes at least (the floor chosen on the corpus's claims so that {100 * COVERAGE:g} %",
            "# of them get an issue, the weakest offers left out); an article none of whose claims says a trigger",
            "# offers its claims the issue their words make likeliest together, held to the same floor (its mean",
            "# probability the share). An issue's 'apart' phrases were said",
            "# mostly where its other phrases were not: a claim saying only them gets its article's issue instead,",
            "# or the issue they make, 'within' it, where no other issue of the claim's own triggers is left (such an",
            "# issue neither votes among its article's claims nor teaches the learnt model). An 'article_topic' is",
            "# what several voices of one article talked about: it stands in for that article's issue likewise"
            + ("," if TOPICS_HOLD else "."),
            *([f"# and where it is given to {MIN_CLAIMS} of an article's claims, their votes for it take the article's"
               " offers", "# they outweigh the other issues' votes in, at its share of those votes."] if TOPICS_HOLD
              else []),
            "# Delete this line to match every trigger alone, as in a taxonomy written by hand.",
            "evidence: discovered"]


def _issue_entry(iss: dict, claims: list[tuple], examples: int) -> list[str]:
    """The lines of one issue of a suggested issues.yaml: its number of claims and the first ``examples`` of
    ``claims`` (`write_issues_yaml`'s members, sorted) as comments, then its entry, each list in YAML's flow style."""
    import yaml

    def flow(xs):
        return yaml.safe_dump(list(xs), default_flow_style=True, width=10_000, allow_unicode=True).strip()

    lines = [f"  # {len(claims)} claim(s)" + (", e.g.:" if claims else "")]
    lines += [f"  #   {speaker}: {shorten(text, 110)}" for *_, text, speaker in claims[:examples]]
    lines.append(f"  - name: {flow([iss['name']])[1:-1]}")
    if iss.get("description"):
        lines.append(f"    description: {flow([iss['description']])[1:-1]}")
    lines.append(f"    patterns: {flow(iss.get('patterns') or [])}")
    for key in ("entities", "context", "apart"):
        if iss.get(key):
            lines.append(f"    {key}: {flow(iss[key])}")
    if iss.get("within"):
        lines.append(f"    within: {flow([iss['within']])[1:-1]}")
    if iss.get("article_topic"):
        lines.append("    article_topic: true")
    lines.append("")
    return lines
