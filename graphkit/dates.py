"""Claim dates: when a statement was *made*, from the date words attached to its cue.

A claim's date comes from the date expressions that modify the cue verb or the
clause that governs it ("Macron said **on Monday** that ...", "**On Tuesday**,
Lavrov fleshed out that position, saying ...", "he said **in December**"), never
from event dates inside the content ("Peskov confirmed that Witkoff will meet
Putin **on Tuesday afternoon**": the claim date is the publication date).

The words are found and resolved against the article's publication date by
:mod:`graphkit.date_expressions` (its docstring has the table: "on Tuesday" → that weekday on or
before publication, "last week" → the Monday of that week, "in December" → the latest such month,
"recently" → the publication date ...). This module picks the expressions of the speech act and
adds what needs the claim: a sentence that sets a deadline ("Trump had suggested Thanksgiving as an
appropriate date") with no date of its own dates the statement to the month before the deadline
(precision 'month', basis 'relative'); with no date words at all the claim takes the publication date.

A sentence with no date of its own can carry the previous claim's date when the
same speaker goes on talking ("Macron said on Monday that ... He stressed that
..." → Monday for both): pass ``previous=`` (the ClaimDate of the claim before)
and ``same_speaker=True``. The carried date keeps its basis and is marked
``carried=True``; only day, week and month dates within a year of publication
are carried, and never to a present or present-perfect cue ("Graham has
acknowledged ...": habitual, not the same occasion).

>>> from graphkit.records import Attribution
>>> import datetime as dt
>>> doc = _macron()  # "Macron said on Monday that no final peace plan exists.", parsed by hand
>>> att = Attribution(spans=[(27, 53)], text="no final peace plan exists", cue="said", cue_span=(7, 11))
>>> cd = claim_date(doc, att, dt.date(2025, 12, 2))
>>> (cd.date, cd.precision, cd.basis, cd.text)
('2025-12-01', 'day', 'relative', 'on Monday')
>>> nxt = Attribution(spans=[(0, 4)], text="Peace", cue="stressed", continuation=True)
>>> claim_date(doc, nxt, dt.date(2025, 12, 2), previous=cd, same_speaker=True).date
'2025-12-01'
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Iterator, Optional

from .date_expressions import ClaimDate, DateExpression, find_date_expressions, nearest_day, resolve_expression
from .doc_reading import doc_text  # one cache of Doc.text per Doc, shared with the other stages
from .records import Attribution

__all__ = ["claim_date"]  # finding and resolving date words: graphkit.date_expressions, their one home


# --- which date words belong to the speech act --------------------------------------------------

def _macron():
    """"Macron said on Monday that no final peace plan exists." as a Doc parsed by hand (tags, heads, labels as
    en_core_web_sm gives them): the examples of this module read a parse as written, with no model loaded."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(Vocab(), words="Macron said on Monday that no final peace plan exists .".split(),
               spaces=[True] * 9 + [False, False],
               pos="PROPN VERB ADP PROPN SCONJ DET ADJ NOUN NOUN VERB PUNCT".split(),
               tags="NNP VBD IN NNP IN DT JJ NN NN VBZ .".split(), heads=[1, 1, 1, 2, 9, 8, 8, 8, 9, 1, 1],
               deps="nsubj ROOT prep pobj mark det amod compound nsubj ccomp punct".split())


# Dependency links from a cue up to the clause that governs it: "..., saying that" (advcl),
# "appeared to verify ..., whereas acknowledging" (pcomp under a preposition), "called ... but warned" (conj).
_UP_LINKS = {"advcl", "xcomp", "conj", "pcomp", "acl", "prep", "pobj", "agent", "npadvmod", "advmod"}
# Links that make the cue part of someone else's content or a noun's description: stop there.
_STOP_LINKS = {"ccomp", "relcl", "csubj", "csubjpass", "parataxis", "ROOT"}
_VERBAL = {"VERB", "AUX"}


def _cue_token(doc, att: Attribution):
    """The token of the attribution's cue the date words hang on: its main verb ("said" of "had said"), else the
    cue span's root; None without a cue span.

    >>> from graphkit.records import Attribution
    >>> _cue_token(_macron(), Attribution(spans=[(27, 53)], text="...", cue="said", cue_span=(7, 11)))
    said
    """
    if att.cue_span is None:
        return None
    span = doc.char_span(att.cue_span[0], att.cue_span[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    # "has repeatedly said", "had said": the main verb, not its auxiliary
    if span.root.pos_ == "VERB":
        return span.root
    verbs = [t for t in span if t.pos_ == "VERB"] or [t for t in span if t.pos_ == "AUX"]
    return verbs[0] if verbs else span.root


def _speech_clause(cue) -> list:
    """The cue and the verbs that govern it through advcl/xcomp/conj/pcomp links (at most 3 hops).

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words="He called it a sham but warned of war".split(), pos="PRON VERB PRON DET NOUN CCONJ "
    ...           "VERB ADP NOUN".split(), heads=[1, 1, 1, 4, 1, 1, 1, 6, 7],
    ...           deps="nsubj ROOT dobj det oprd cc conj prep pobj".split())
    >>> _speech_clause(doc[6]), _speech_clause(doc[1])  # "warned" speaks for the act "called" governs
    ([warned, called], [called])
    """
    clause = [cue]
    t = cue
    hops = 0
    while hops < 6 and t.dep_ not in _STOP_LINKS and t.head.i != t.i:  # a root is its own head ("ROOT" stops too)
        if t.dep_ not in _UP_LINKS:
            break
        t = t.head
        hops += 1
        if t.pos_ in _VERBAL:
            clause.append(t)
            if len(clause) > 3:
                break
    # "appeared to verify this Tuesday": xcomp children of the governing verbs speak for the act too;
    # so do "Lavrov, speaking on Monday, said" (a participle on the subject) and "said, adding on Monday"
    for v in list(clause):
        for c in v.children:
            if c.dep_ in ("xcomp", "advcl") and c.pos_ in _VERBAL and c not in clause:
                clause.append(c)
            if c.dep_ in ("nsubj", "nsubjpass"):
                clause.extend(g for g in c.children if g.dep_ in ("acl", "advcl") and g.pos_ == "VERB"
                              and g.tag_ in ("VBG", "VBN") and g not in clause)
    return clause


# A date word in these roles names a thing, not the time of the act ("hailed this week's meeting").
_NOT_ADVERBIAL = {"poss", "nsubj", "nsubjpass", "dobj", "attr", "compound", "amod", "appos", "dative", "oprd",
                  "acomp", "case", "csubj"}


def _attached(expr_root, clause: list) -> bool:
    """True when the expression is an adverbial whose first verb above it is a verb of the speech clause.

    >>> doc = _macron()
    >>> _attached(doc[2], [doc[1]]), _attached(doc[8], [doc[1]])  # "on (Monday)" of "said"; "plan", a subject
    (True, False)
    """
    if expr_root.dep_ in _NOT_ADVERBIAL:
        return False
    t = expr_root
    for _ in range(8):
        if t in clause:
            return True
        if t.head.i == t.i:  # the sentence's root: nothing above (spaCy makes a new Token each access: no `is`)
            return False
        t = t.head
        if t.pos_ in _VERBAL:
            return t in clause
    return False


def _in_spans(s: int, e: int, spans) -> bool:
    """Whether the characters ``s``-``e`` overlap one of ``spans`` (a claim's content).

    >>> _in_spans(5, 9, [(0, 6)]), _in_spans(6, 9, [(0, 6)])
    (True, False)
    """
    return any(s < se and ss < e for ss, se in spans)


def _sentence_bounds(doc, att: Attribution, cue) -> tuple[int, int]:
    """The characters of the claim's sentence: its ``sentence_span``, else the cue's sentence, else the sentences its
    content runs over, else the content.

    >>> from graphkit.records import Attribution
    >>> doc, att = _macron(), Attribution(spans=[(27, 53)], text="...", cue="said")
    >>> given = att.model_copy(update={"sentence_span": (0, 21)})
    >>> _sentence_bounds(doc, att, doc[1]), _sentence_bounds(doc, given, None)
    ((0, 54), (0, 21))
    """
    if att.sentence_span is not None:
        return att.sentence_span
    if cue is not None:
        return cue.sent.start_char, cue.sent.end_char
    s = doc.char_span(att.spans[0][0], att.spans[0][1], alignment_mode="expand")
    if s is not None and len(s):
        return s[0].sent.start_char, s[-1].sent.end_char
    return att.spans[0][0], att.spans[-1][1]


def _candidates(doc, att: Attribution, cue) -> Iterator[tuple[int, DateExpression]]:
    """Date expressions of the speech act, with their distance to the cue in characters.

    >>> from graphkit.records import Attribution
    >>> doc = _macron()
    >>> [(d, e.text) for d, e in _candidates(doc, Attribution(spans=[(27, 53)], text="...", cue="said"), doc[1])]
    [(5, 'on Monday')]
    """
    start, end = _sentence_bounds(doc, att, cue)
    clause = _speech_clause(cue)
    text = doc_text(doc)
    content_start = min(s for s, _ in att.spans)
    for ex in find_date_expressions(text[start:end], offset=start):
        if _in_spans(ex.start, ex.end, att.spans):
            continue
        span = doc.char_span(ex.start, ex.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if ex.text.endswith(("'s", "\u2019s")) or text[ex.end:ex.end + 2] in ("'s", "\u2019s"):
            continue  # "this week's meeting": a possessive names a thing
        # the expression's own roots: a token whose head is outside it, or the sentence's root
        ok = any(_attached(tok, clause) for tok in span if tok.head not in span or tok.head.i == tok.i)
        if not ok:
            # the parse may hang "stated Monday he believes" on the content verb: a date right
            # after the cue and before the content still belongs to the speech act
            gap = text[cue.idx + len(cue.text):ex.start]
            after = text[ex.end:content_start] if content_start >= ex.end else None
            ok = (cue.idx < ex.start and not gap.strip(" ,") and after is not None
                  and re.fullmatch(r"[\s,]*(that\s*)?", after) is not None)
        if ok:
            yield abs(ex.start - cue.idx), ex


_DEADLINE_WORDS = re.compile(r"\b(?:deadlines?|date|ultimatum|due|expires?|time\s*limit)\b", re.I)


def _deadline_bound(doc, att: Attribution, cue, published: dt.date) -> Optional[ClaimDate]:
    """A statement that sets or discusses a deadline was made before it.

    When the claim's sentence speaks of a deadline ("Trump had suggested Thanksgiving as an
    appropriate date") naming a day (a holiday or a calendar day) that had passed by publication,
    the statement is dated to the weeks before that day: its month (the month before when the
    day falls in the first week), precision 'month', basis 'relative'.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> from graphkit.records import Attribution
    >>> doc = Doc(Vocab(), words="Trump had suggested Thanksgiving as an appropriate date .".split())
    >>> att = Attribution(spans=[(20, 32)], text="Thanksgiving", cue="suggested", sentence_span=(0, 57))
    >>> _deadline_bound(doc, att, None, dt.date(2025, 12, 2))
    ClaimDate(date='2025-11', precision='month', basis='relative', text='before Thanksgiving', carried=False)
    """
    start, end = _sentence_bounds(doc, att, cue)
    sentence = doc_text(doc)[start:end]
    if not _DEADLINE_WORDS.search(sentence):
        return None
    for ex in find_date_expressions(sentence, offset=start):
        if ex.kind not in ("holiday", "calendar_day", "iso"):
            continue
        d = nearest_day(ex, published)  # a deadline may lie ahead: take the nearest such day, not the last
        if d is None or d >= published:
            continue
        before = (d.replace(day=1) - dt.timedelta(days=1)) if d.day <= 7 else d
        return ClaimDate(f"{before.year:04d}-{before.month:02d}", "month", "relative", f"before {ex.text}")
    return None


def _timeless(cue) -> bool:
    """A present ("Russia says") or present-perfect ("has acknowledged") cue: habitual, not one occasion.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words="Graham has acknowledged it".split(), tags="NNP VBZ VBN PRP".split(),
    ...           lemmas=["Graham", "have", "acknowledge", "it"], heads=[2, 2, 2, 2],
    ...           deps="nsubj aux ROOT dobj".split())
    >>> _timeless(doc[2]), _timeless(_macron()[1]), _timeless(None)  # "has acknowledged"; "said"
    (True, False, False)
    """
    if cue is None:
        return False
    if cue.tag_ in ("VBZ", "VBP"):
        return True
    return any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in cue.children)


def _carries(previous: ClaimDate, published: Optional[dt.date]) -> bool:
    """Can the same speaker's next claim take this date over?

    Only a dated speech act (explicit or relative) of day, week or month precision within a year
    of publication: "came to the state senate in 1998 ... 'I might have said that myself,' Duarte said"
    is a biography, not the date of the quote.

    >>> said = ClaimDate("2025-11-24", "day", "relative", "on Monday")
    >>> _carries(said, dt.date(2025, 12, 2)), _carries(ClaimDate("1998", "year", "explicit", "in 1998"), None)
    (True, False)
    >>> _carries(said, dt.date(2027, 1, 5))  # more than a year before publication
    False
    """
    if previous.basis not in ("explicit", "relative") or not previous.date:
        return False
    if previous.precision not in ("day", "week", "month"):
        return False
    if published is not None:
        y, m = int(previous.date[:4]), int(previous.date[5:7])
        if (published.year - y) * 12 + published.month - m > 12:
            return False
    return True


def claim_date(doc, att: Attribution, published: Optional[dt.date], *,
               previous: Optional[ClaimDate] = None, same_speaker: bool = False) -> ClaimDate:
    """When the statement `att` in the parsed `doc` was made.

    doc: spaCy Doc of the article (offsets of `att` point into doc.text);
    published: the article's publication date, or None;
    previous / same_speaker: the ClaimDate of the claim just before and whether it has the same
    speaker. When this claim has no date words of its own (or is a quote continuation with no cue),
    a dated previous claim of the same speaker lends its date (``carried=True``).

    Falls back to the publication date (basis 'publication'), else ``ClaimDate(None, None, 'unknown')``.
    """
    if isinstance(published, str):
        published = dt.date.fromisoformat(published[:10]) if published else None
    elif isinstance(published, dt.datetime):
        published = published.date()
    cue = _cue_token(doc, att)
    best: Optional[ClaimDate] = None
    if cue is not None:
        resolved = []
        for dist, ex in _candidates(doc, att, cue):
            cd = resolve_expression(ex, published)
            if cd is not None:
                resolved.append((cd.basis == "publication", dist, cd))
        if resolved:
            # a real date beats "recently"; the nearest to the cue wins
            best = min(resolved, key=lambda x: (x[0], x[1]))[2]
    if best is not None:
        return best
    if cue is not None and published is not None:
        bound = _deadline_bound(doc, att, cue, published)
        if bound is not None:
            return bound
    if previous is not None and same_speaker and _carries(previous, published) and not _timeless(cue):
        return replace(previous, carried=True)
    if published is not None:
        return ClaimDate(published.isoformat(), "day", "publication", None)
    return ClaimDate(None, None, "unknown", None)
