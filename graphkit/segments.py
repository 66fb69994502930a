"""Segments before sentences: headline, standfirst, byline, dateline, subheads, captions, notes, body.

News text is more than running sentences. A headline has no closing full stop
and would run into the first sentence ("Lavrov: Washington Fails … Moscow⏎Russian
Foreign Minister Sergei Lavrov says …" parses as one sentence whose subject is
the whole headline); a byline ("By Jane Doe", "Jane Doe · 4 min read") names the
author, not a speaker; a dateline ("MOSCOW (Reuters) -") is no part of the
sentence it precedes. :func:`segments` cuts an article's text into typed
segments with pure string rules (no model); the spaCy component in
:mod:`graphkit.nlp` starts a sentence at every segment boundary, and
:mod:`graphkit.attribution` keeps no claim whose cue stands outside running text
(:data:`NOT_RUNNING_TEXT`). :func:`byline_author` gives the Document its author.

>>> text = "Lavrov: Washington Fails to Submit Plan\\nBy Jane Doe\\nMOSCOW (Reuters) - Lavrov said it was late."
>>> [(s.kind, text[s.start:s.end]) for s in segments(text)]
[('headline', 'Lavrov: Washington Fails to Submit Plan'), ('byline', 'By Jane Doe'), ('dateline', 'MOSCOW (Reuters) -'),
('body', 'Lavrov said it was late.')]
>>> byline_author(text)
'Jane Doe'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, NamedTuple, Optional, Sequence

from .names import has_org_word
from .records import SegmentKind

__all__ = ["Segment", "segments", "headline_of", "byline_author", "closing_author", "signed_by", "letter_signer",
           "NOT_RUNNING_TEXT", "segment_kind_at", "interview_turns", "turn_at"]

#: segment kinds that hold no claim: a cue standing in one of them is not an attribution of the article
NOT_RUNNING_TEXT = frozenset({"headline", "standfirst", "byline", "dateline", "subhead", "caption", "credit"})


@dataclass(frozen=True)
class Segment:
    """A typed stretch of an article: ``text[start:end]`` is the segment, without surrounding blanks."""

    kind: SegmentKind   # headline, standfirst, byline, dateline, subhead, caption, note, credit, body
    start: int
    end: int


_CLOSING = tuple(".!?:;\"”’'»)…") + ("...",)
_BYLINE = re.compile(r"^(?:by|written by|words by|reporting by)\s+(?P<name>[A-Z][^\n]{1,120})$", re.I)
_READ_TIME = re.compile(r"(?:^|[·•|])\s*\d+\s*min(?:ute)?s?\s+read\b", re.I)
_CREDIT = re.compile(r"^(?:\(?(?:additional )?reporting by|editing by|writing by|compiled by)\b", re.I)
_NOTE = re.compile(r"^(?:editor['’]?s['’]? note|correction|clarification|update)\s*[:\-—–]", re.I)
_CAPTION = re.compile(
    r"^(?:image|photo|picture|video|graphic|media) ?(?:caption|copyright|source|credit)?\s*[:|]"
    r"|^(?:image caption|image copyright|getty images|ap photo|reuters/)"
    r"|\((?:photo|picture|image)[^)]*\)\s*$"
    r"|(?:getty images|/ ?reuters|ap photo/[^\n]*|/ ?afp)\s*\)?\s*$", re.I)
# "MOSCOW (Reuters) -", "NASHUA, N.H. -", "WASHINGTON (AP) —", "Kyiv, Dec 3 (Reuters) -"
_DATELINE = re.compile(
    r"^(?P<dl>(?:[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3}(?:,\s*[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,2})?"
    r"(?:,?\s*[A-Z][a-z]{2,8}\.? \d{1,2})?(?:\s*\([A-Za-z][\w .&'’/-]{0,30}\))?"
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}(?:,\s*[A-Z][\w.]+(?: \d{1,2})?)?\s*\((?:Reuters|AP|AFP|Bloomberg|dpa|"
    r"Xinhua|TASS|Interfax|PA|CNN|UPI|ANI|AAP|Kyodo|Yonhap|EFE|ANSA|Sputnik|RIA Novosti)\))"
    r"\s*(?:-{1,2}|—|–))\s+(?=\S)")
_LABEL = re.compile(r"^(?:[A-Z][A-Z ]{1,30}[.:]?|\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?)$")  # "ABSTRACT.", "FULL TEXT.", "9:34 p.m."
_FUNCTION_END = {"and", "or", "the", "a", "an", "of", "to", "in", "on", "for", "with", "by", "at", "that", "but",
                 "as", "from", "is", "was", "are", "were", "his", "her", "their", "its", "who", "which"}
_SMALL = {"a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "as", "from", "vs",
          "is", "be", "but", "nor", "up", "out", "off", "over", "into", "about", "after", "than"}


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, without surrounding spaces.

    >>> t = "Title here\\n\\n  MOSCOW (Reuters) - Lavrov said so.  \\n"
    >>> [t[s:e] for s, e in _lines(t)]
    ['Title here', 'MOSCOW (Reuters) - Lavrov said so.']
    """
    out, pos = [], 0
    for raw in text.split("\n"):
        s, e = pos, pos + len(raw)
        pos = e + 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _closed(line: str) -> bool:
    """Does the line end as a sentence ends (full stop, question, quote, colon...)?

    >>> _closed("He said it."), _closed("THE HEADLINE"), _closed('"We will," he said:')
    (True, False, True)
    """
    return line.rstrip().endswith(_CLOSING)


def _title_case(line: str) -> bool:
    """Most content words capitalised, as in 'Mayor Lee Slams Council And The Press'.

    >>> _title_case("Mayor Lee Slams Council And The Press In One Budget Speech."), _title_case("Mayor Lee says he won.")
    (True, False)
    >>> _title_case("Secretary of State Marco Rubio said:")
    False
    """
    words = [w for w in re.findall(r"[^\W\d_][\w'’\-]*", line) if w.lower() not in _SMALL]
    if len(words) < 3 or line.rstrip().endswith(":") or not words[-1][0].isupper():
        return False  # 'Secretary of State Marco Rubio said:' introduces a quote
    return sum(w[0].isupper() for w in words) / len(words) >= 0.75


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Text wrapped at a fixed width: many line breaks inside a sentence (next line starts lower-case).

    >>> t = "The minister said the plan\\nwould be ready by the end\\nof the month, and that the\\ncosts would be shared\\nby all."
    >>> _hard_wrapped(t, _lines(t)), _hard_wrapped("Title\\n\\nA line.\\n", _lines("Title\\n\\nA line.\\n"))
    (True, False)
    """
    inner = [(a, b) for a, b in zip(lines, lines[1:]) if "\n\n" not in text[a[1]:b[0]].replace(" ", "")]
    if len(inner) < 4:
        return False
    lower = sum(text[b[0]].islower() for _a, b in inner)
    return lower >= 0.3 * len(inner)


def _same_text(a: str, b: str) -> bool:
    """Whether two lines say the same words (case and punctuation aside), or one starts the other: a title
repeated as the article's first line.

    >>> _same_text("Talks gain momentum", "TALKS GAIN MOMENTUM in Moscow"), _same_text("", "Talks")
    (True, False)
    """
    norm = lambda s: re.sub(r"\W+", " ", s).strip().lower()  # noqa: E731
    na, nb = norm(a), norm(b)
    return bool(na) and bool(nb) and (na == nb or na.startswith(nb) or nb.startswith(na))


def segments(text: str, title: Optional[str] = None) -> list[Segment]:
    """Typed segments of an article, in text order; running text is ``body``.

    ``title``: the headline from the metadata, when known (a headline that ends with a full stop
    is found by it). Lines are segments of their own when they are a byline, dateline, caption,
    note or credit, or when they do not end as a sentence ends (headline, subheads); in text
    wrapped at a fixed width only blank lines and the typed lines above cut. The first block is
    the headline when it is title-case, unclosed, or the metadata title; a second short block of
    the same paragraph (after a headline) is the standfirst.

    >>> t = "Talks Gain Momentum in Moscow\\nRussian President Vladimir Putin will meet Steve Witkoff.\\n\\nNew talks\\nThey met."
    >>> [(s.kind, t[s.start:s.end]) for s in segments(t)]
    [('headline', 'Talks Gain Momentum in Moscow'), ('body', 'Russian President Vladimir Putin will meet Steve
    Witkoff.'), ('subhead', 'New talks'), ('body', 'They met.')]
    >>> t = "Rate cut gives farmers a lift; \\nCheaper loans could soften the drought's toll.\\n\\nThe cut was welcome."
    >>> [s.kind for s in segments(t,
    ...                           title="Rate cut gives farmers a lift; Cheaper loans could soften the drought's toll")]
    ['headline', 'standfirst', 'body']
    """
    return list(_segments(text, title))


@lru_cache(maxsize=32)
def _segments(text: str, title: Optional[str]) -> tuple[Segment, ...]:
    """`segments`, remembered for the last 32 texts (two of `graphkit.parsing`'s batches of 16): the paragraph
    breaks, the attribution component, the speakers, the filter and the extraction each ask for the same
    article's segments, a batch of articles apart."""
    lines = _lines(text)
    if not lines:
        return ()
    wrapped = _hard_wrapped(text, lines)
    out: list[Segment] = []
    first_block, body_seen = True, False
    for ln in _article_lines(text, lines):
        kind = _typed_line(ln.line)
        if kind == "dateline":
            out.extend(_dateline_segments(ln))
            first_block, body_seen = False, True
            continue
        if kind is None:
            kind = (_heading_kind(ln, text, out, wrapped, title, first_block=first_block, body_seen=body_seen)
                    or _subhead_kind(ln, out) or "body")
        body_seen = body_seen or kind == "body"
        _add_segment(out, Segment(kind, ln.start, ln.end), text, ln.blank_before, wrapped)
        if ln.blank_after:
            first_block = False
    return tuple(out)


class _Line(NamedTuple):
    """One line of an article as `_segments` reads it: its place, its text, and what stands around it."""

    k: int                                # its rank among the article's lines
    start: int
    end: int
    line: str                             # its text
    nxt: Optional[tuple[int, int]]        # the next line's (start, end), None for the last
    prev_end: Optional[int]               # where the line before it ends, None for the first
    blank_before: bool                    # a blank line (or the text's start) before it
    blank_after: bool                     # a blank line (or the text's end) after it


def _article_lines(text: str, lines: list[tuple[int, int]]) -> Iterator[_Line]:
    """The lines ``(start, end)`` of ``text`` (`_lines`) with what stands around each.

    >>> t = "Talks Gain Momentum\\nPutin will meet Witkoff.\\n\\nThey met."
    >>> [(ln.line, ln.blank_before, ln.blank_after) for ln in _article_lines(t, _lines(t))]
    [('Talks Gain Momentum', True, False), ('Putin will meet Witkoff.', False, True), ('They met.', True, True)]
    """
    for k, (s, e) in enumerate(lines):
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        prev_end = lines[k - 1][1] if k else None
        yield _Line(k, s, e, text[s:e], nxt, prev_end, blank_before=k == 0 or text[prev_end:s].count("\n") >= 2,
                    blank_after=nxt is None or text[e:nxt[0]].count("\n") >= 2)


def _dateline_segments(ln: _Line) -> tuple[Segment, Segment]:
    """A dateline line ("MOSCOW (Reuters) - Lavrov said ...") as its dateline and the body after it.

    >>> t = "Title here\\n\\nMOSCOW (Reuters) - Lavrov said so."
    >>> [t[s.start:s.end] for s in _dateline_segments(list(_article_lines(t, _lines(t)))[1])]
    ['MOSCOW (Reuters) -', 'Lavrov said so.']
    """
    dateline = _DATELINE.match(ln.line).group("dl")
    rest = ln.line[len(dateline):]
    end = ln.start + len(dateline)
    return Segment("dateline", ln.start, end), Segment("body", end + len(rest) - len(rest.lstrip()), ln.end)


def _heading_kind(ln: _Line, text: str, out: list[Segment], wrapped: bool, title: Optional[str], *,
                  first_block: bool, body_seen: bool) -> Optional[str]:
    """headline, standfirst or subhead for a line whose own form says nothing (`_typed_line`) by how it ends and what
    follows it, else None: the first line, unclosed, title-case or the metadata title; a second line under a headline
    ending with ';'; a short unclosed line before one starting as a sentence or a quote does.

    >>> t = "Talks Gain Momentum\\nPutin will meet Witkoff.\\n\\nThey met."
    >>> [_heading_kind(ln, t, [], False, None, first_block=ln.k == 0, body_seen=ln.k > 0)
    ...  for ln in _article_lines(t, _lines(t))]
    ['headline', None, None]
    """
    line, words = ln.line, len(ln.line.split())
    if not body_seen and first_block and ln.k == 0 and ln.nxt is not None:
        unclosed = not _closed(line) and not wrapped and line.split()[-1].lower() not in _FUNCTION_END
        if words <= 30 and (unclosed or line.rstrip().endswith(";") or _title_case(line)
                            or (title and _same_text(line, title))):
            return "headline"
    if out and out[-1].kind == "headline" and not ln.blank_before and not body_seen and words <= 40 \
            and (ln.blank_after or not _closed(line)) and text[out[-1].start:out[-1].end].rstrip().endswith(";"):
        return "standfirst"  # "Rate cut gives farmers a lift; ⏎Cheaper loans, ..."
    if ln.nxt is not None and not wrapped and not _closed(line) and words <= 20 \
            and line.split()[-1].lower() not in _FUNCTION_END and not line.endswith((",", "-", "—", "–")):
        nl = text[ln.nxt[0]]
        if nl.isupper() or nl.isdigit() or nl in "\"“‘'(":
            return "headline" if not body_seen and ln.k == 0 else "subhead"
    return None


def _subhead_kind(ln: _Line, out: list[Segment]) -> Optional[str]:
    """subhead for a line no other rule typed that stands apart as one: a short label ("Background:") by a blank
    line, or a short title-case line between paragraphs or under a subhead; else None.

    >>> t = "Putin will meet Witkoff.\\n\\nBACKGROUND:\\n\\nThey met.\\n\\nWhat Comes Next For Kyiv\\n\\nMore talks."
    >>> [(ln.line, _subhead_kind(ln, [])) for ln in _article_lines(t, _lines(t)) if _subhead_kind(ln, [])]
    [('BACKGROUND:', 'subhead'), ('What Comes Next For Kyiv', 'subhead')]
    """
    line = ln.line
    if _LABEL.match(line) and len(line.split()) <= 4 and (ln.blank_after or ln.blank_before):
        return "subhead"
    after_subhead = bool(out) and out[-1].kind == "subhead" and out[-1].end == ln.prev_end
    if ln.k > 0 and (ln.blank_before or after_subhead) and ln.blank_after and len(line.split()) <= 15 \
            and _title_case(line) and not line.startswith(("\"", "“", "‘", "'")):
        # 'Senator Vance Answers Question About Pensions' between paragraphs, or under a list
        # number ('10' ⏎ 'Rosa Delgado Explained Why She Felt "Unseen" In School.')
        return "subhead"
    return None


def _add_segment(out: list[Segment], segment: Segment, text: str, blank_before: bool, wrapped: bool) -> None:
    """Append ``segment`` to ``out``; a body line right under a body segment (no blank line between) that is wrapped
    text or continues an unclosed sentence extends that segment: a sentence wrapped over lines is one segment.

    >>> def body(t):
    ...     out = []
    ...     for ln in _article_lines(t, _lines(t)):
    ...         _add_segment(out, Segment("body", ln.start, ln.end), t, ln.blank_before, False)
    ...     return [t[s.start:s.end] for s in out]
    >>> body("The mayor said the fares\\nwould rise in May."), body("The mayor said so.\\nThe council agreed.")
    (['The mayor said the fares\\nwould rise in May.'], ['The mayor said so.', 'The council agreed.'])
    """
    if segment.kind == "body" and out and out[-1].kind == "body" and not blank_before \
            and (wrapped or not _closed(text[out[-1].start:out[-1].end])):
        out[-1] = Segment("body", out[-1].start, segment.end)
    else:
        out.append(segment)


def _typed_line(line: str) -> Optional[str]:
    """byline, credit, note, caption or dateline when the line's own form says so, else None.

    >>> [_typed_line(line) for line in ("By Ann Lee", "Editor's note: this story was updated.",
    ...                                 "KYIV, Nov 25 (Reuters) - Russia said", "The mayor said it would open.")]
    ['byline', 'note', 'dateline', None]
    """
    words = line.split()
    if len(words) <= 14 and (_BYLINE.match(line) or _READ_TIME.search(line)):
        return "byline"
    if _CREDIT.match(line):
        return "credit"
    if _NOTE.match(line):
        return "note"
    if len(words) <= 40 and _CAPTION.search(line):
        return "caption"
    if _DATELINE.match(line) and len(words) > 3:
        return "dateline"
    return None


def headline_of(text: str) -> Optional[str]:
    """The headline the article's own text gives: its first line when `segments` makes that line the headline
    (unclosed, title-case or ending with ';', with text under it), else None. An article with no title in its
    metadata, front matter or page is titled by it (`graphkit.ingest`).

    >>> headline_of("Council Votes to Freeze Bus Fares\\n\\nThe council said fares would not rise.")
    'Council Votes to Freeze Bus Fares'
    >>> headline_of("The council said fares would not rise.\\nThe mayor agreed."), headline_of("Bus fares frozen")
    (None, None)
    """
    segs = segments(text)
    return text[segs[0].start:segs[0].end] if segs and segs[0].kind == "headline" else None


def byline_author(text: str, title: Optional[str] = None) -> Optional[str]:
    """The author named in the article's byline ('By Jane Doe and John Roe' → 'Jane Doe and John Roe').

    >>> byline_author("Headline here\\nJane Doe · 4 min read\\nThe minister said no.")
    'Jane Doe'
    >>> byline_author("By JOHN SMITH, Associated Press\\nHe said no.") , byline_author("Nobody said no.")
    ('John Smith', None)
    """
    for seg in segments(text, title):
        if seg.kind != "byline":
            continue
        line = text[seg.start:seg.end]
        m = _BYLINE.match(line)
        name = m.group("name") if m else _READ_TIME.split(line)[0]
        name = re.split(r"\s*[,|·•]\s*|\s+-\s+|\s+for\s+|\s+in\s+[A-Z]", name)[0].strip(" .:;")
        name = re.sub(r"\s+(?:updated|published)\b.*$", "", name, flags=re.I)
        if name and all(w.isupper() for w in name.split() if w.lower() not in ("and", "&")):
            name = " ".join(w if w.lower() in ("and", "&") else w.capitalize() for w in name.split())
        if name and 1 <= len(name.split()) <= 12 and name[0].isupper():
            return name
    return None


#: a closing note on the author: 'Dana Whitfield is the Democratic mayor of Tulsa.', 'Rep. Ana Ruiz, D-Texas, was
#: an early backer of the farm bill.', 'Peter Lang Morrow, a University of Vermont history professor, is a member ...'
_BIO = re.compile(r"^(?:(?:Rep|Sen|Gov|Dr|Prof|Mr|Mrs|Ms)\.?\s+)?(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})"
                  r"(?:,[^,\n]{1,90},)?\s+(?:(?:is|was)\s+(?:a|an|the|one|editor|president|director|author|professor|"
                  r"chair|chairman|chairwoman|founder|senior|former|executive|co-founder|[A-Z]|[a-z-]+\s+(?:at|of|for)\s+[A-Z])"
                  r"|(?:chairs|directs|heads|leads|teaches|writes)\s+(?:the\s+|a\s+)?[A-Z])")
#: a closing line naming the author's social account: 'Follow Jo Ann Reed on Twitter @joannreed.', 'Follow our
#: investigative reporter ... Sam Okafor on Twitter at @samokafor.'
_FOLLOW = re.compile(r"^Follow\s(?:\S+\s){0,10}?(?P<name>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){1,2})\s+on\s+Twitter\b")
#: an excerpt's source line: 'From THE LONG ROAD by Ellen O’Brien.'
_EXCERPT = re.compile(r"^(?:Excerpted |Adapted )?[Ff]rom\s[^\n]{2,100}?\sby\s(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})"
                      r"[.,]")


#: a closing line that reports someone's words is no note on the author: a reporting clause after a comma ('Michelle
#: Obama was a class act, one reader said.', '..., she says.'); a quotation mark alone is not (a quoted title in the
#: note)
_REPORTED = re.compile(r",\s+(?:[\w'’.-]+\s+){0,4}(?:said|says|wrote|writes|added|adds|told)\b")


@lru_cache(maxsize=8)  # asked once per first-person claim of an article (graphkit.extract.author_speaker)
def closing_author(text: str) -> Optional[str]:
    """The author an opinion piece names in its last paragraph, when it is a short note on them ('Dana Whitfield is the
    Democratic mayor of Tulsa.') or an excerpt's source line ('From THE LONG ROAD by Ellen O’Brien.'); else
    None. A byline (:func:`byline_author`) names the author first; this is for pieces that have none.

    >>> closing_author("I urge you to vote.\\n\\nDana Whitfield is the Democratic mayor of Tulsa.")
    'Dana Whitfield'
    >>> closing_author("We must act.\\n\\nRep. Ana Ruiz, D-Texas, was an early backer of the farm bill.")
    'Ana Ruiz'
    >>> closing_author("I was there.\\n\\nFrom THE LONG ROAD by Ellen O’Brien. Copyright 2019.")
    'Ellen O’Brien'
    >>> closing_author("He said no.\\n\\nThe Senate is expected to vote next week."), closing_author("It is over.")
    (None, None)
    >>> closing_author("I loved it.\\n\\nMichelle Obama was a class act, one reader said.")  # a reader's words
    """
    last = text.rstrip().rsplit("\n", 1)[-1].strip()
    if not last or len(last.split()) > 60 or last == text.strip() or _REPORTED.search(last):
        return None
    m = _BIO.match(last) or _EXCERPT.match(last) or _FOLLOW.match(last)
    name = m.group("name").rstrip(".") if m else None
    return None if name is None or has_org_word(name) else name  # 'Follow Breitbart News on Twitter': no author


#: a line holding a Twitter handle alone, the signature of the comment above it ('@JeffOstach.')
_HANDLE_LINE = re.compile(r"[ \t]*\n\s*(?P<name>@[A-Za-z0-9_]{1,15})\.?[ \t]*(?:\n|$)")


def signed_by(text: str, pos: int) -> Optional[str]:
    """The handle that signs the paragraph holding character ``pos``: the next line that is not blank holds a Twitter
    handle alone, as readers' comments printed one after another are signed ('Michelle was a class
    act.⏎⏎@peacockhill.'). The first person of a signed comment is its signer, not the article's author; None when the
    paragraph is unsigned. Only a run of comments is signed so (`_signed_paragraphs`: two or more): one handle after one
    paragraph may as well be the author's own sign-off or the header of what follows.

    >>> signed_by("Readers wrote.\\n\\nI think she won.\\n\\n@JeffOstach.\\n\\nNo.\\n\\n@peacockhill.", 18)
    '@JeffOstach'
    >>> signed_by("I think she won.\\n\\nFollow @USATOpinion on Twitter.", 0), signed_by("I won.", 0)
    (None, None)
    >>> signed_by("I argue that the town deserves better.\\n\\n@janesmith", 0) is None
    True
    """
    end = text.find("\n", pos)
    m = _HANDLE_LINE.match(text, end) if end >= 0 else None
    return m.group("name") if m and _signed_paragraphs(text) >= 2 else None


#: a letter's signature line, a name alone ('Debby James.', 'Bruce R. Gary.'), and the town line under it ('Mission
#: Viejo, Calif.', 'Staunton Va.'); a line in capitals alone is a section header ('LETTERS.', 'TWITTER.')
_SIGNATURE = re.compile(r"(?P<name>(?:[A-Z][a-z'’-]+|[A-Z]\.)(?: (?:[A-Z][a-z'’-]+|[A-Z]\.|[A-Z][a-z]?[A-Z][a-z]+)){1,3})\.")
_TOWN = re.compile(r"[A-Z][\w.'’-]*(?:,? [A-Z][\w.'’-]*){1,4}\.")
_HEADER = re.compile(r"[A-Z][A-Z&'’ -]+\.?")


def letter_signer(text: str, pos: int) -> Optional[str]:
    """The writer who signs the letter holding character ``pos`` on a letters page: the first signature line after
    it, before any section header or handle line. A page is one of letters when a name line has a town line under it
    (`_letter_stops`), the convention of letters to the editor; elsewhere a name on a line of its own is a subhead
    ('Hillary Clinton.' above a paragraph on her) and signs nothing. The first person singular of a letter is its
    writer's; the page's 'we' may be the editors' ('We asked our followers ...'), so graphkit.extract asks only for 'I'.

    >>> page = "LETTERS.\\n\\nI stand with Romney.\\n\\nHe is right.\\n\\nDebby James.\\n\\nMission Viejo, Calif.\\n\\n" \\
    ...        "I agree with her.\\n\\nBruce R. Gary.\\n\\nTWITTER.\\n\\nI loved it."
    >>> letter_signer(page, 12), letter_signer(page, page.find("I agree")), letter_signer(page, page.find("I loved"))
    ('Debby James', 'Bruce R. Gary', None)
    >>> letter_signer("I met her.\\n\\nHillary Clinton.\\n\\nShe was the senator.", 0) is None  # a subhead: no town under it
    True
    """
    import bisect

    stops = _letter_stops(text)
    k = bisect.bisect_right([at for at, _ in stops], pos)
    return stops[k][1] if k < len(stops) else None


@lru_cache(maxsize=8)
def _letter_stops(text: str) -> list[tuple[int, Optional[str]]]:
    """(offset, writer) of a letters page's signature lines, with (offset, None) for its section headers and handle
    lines (where a letter's run of paragraphs ends unsigned); [] when no name line has a town line under it.

    >>> page = "LETTERS.\\n\\nI stand with Romney.\\n\\nDebby James.\\n\\nMission Viejo, Calif.\\n\\nI agree.\\n\\nBruce R. Gary."
    >>> _letter_stops(page), _letter_stops("I met her.\\n\\nHillary Clinton.\\n\\nShe was the senator.")
    ([(0, None), (32, 'Debby James'), (79, 'Bruce R. Gary')], [])
    """
    lines, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((at, line.strip()))
        at += len(line) + 1
    names = [bool(_SIGNATURE.fullmatch(line)) for _, line in lines]
    if not any(names[i] and _TOWN.fullmatch(lines[i + 1][1]) for i in range(len(lines) - 1)):
        return []
    stops: list[tuple[int, Optional[str]]] = []
    for (at, line), name in zip(lines, names):
        if name:
            stops.append((at, _SIGNATURE.fullmatch(line).group("name")))
        elif _HEADER.fullmatch(line) or _HANDLE_LINE.fullmatch("\n" + line):
            stops.append((at, None))
    return stops


@lru_cache(maxsize=8)
def _signed_paragraphs(text: str) -> int:
    """How many paragraphs of ``text`` a handle line signs: handle lines whose paragraph before is prose, not another
    handle ("@nytimes⏎⏎@washingtonpost" is a list, one signature at most).

    >>> _signed_paragraphs("A.\\n\\n@a\\n\\nB.\\n\\n@b"), _signed_paragraphs("A.\\n\\n@a\\n\\n@b")
    (2, 1)
    """
    paras = [p.strip() for p in text.split("\n") if p.strip()]
    handle = [bool(_HANDLE_LINE.fullmatch("\n" + p)) for p in paras]
    return sum(1 for i in range(1, len(paras)) if handle[i] and not handle[i - 1])


def segment_kind_at(segs: list[Segment], pos: int) -> str:
    """Kind of the segment holding character ``pos`` ('body' between segments).

    >>> segment_kind_at([Segment("headline", 0, 10), Segment("body", 11, 40)], 3)
    'headline'
    """
    import bisect

    i = bisect.bisect_right([s.start for s in segs], pos) - 1
    if i >= 0 and segs[i].start <= pos < segs[i].end:
        return segs[i].kind
    return "body"


# "Q: ...", "A: ...", "Question: ...", "QThere's ..." (the colon lost), "JAKE TAPPER: ...", "FALLIN: ..."
_TURN = re.compile(r"^(?:(?P<qa>Q|A|Question|Answer)\s*[:.\-—–]\s*|(?P<glued>Q)(?=[A-Z][a-z’'])"
                   r"|(?P<label>[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3})\s*:\s+)")
#: transcript turns an article must have before its labels are read as who speaks
MIN_TURNS = 3


def interview_turns(text: str) -> list[Segment]:
    """The turns of an interview or transcript: ``kind`` is 'Q' (the interviewer's question), 'A' (the
    interviewee's answer) or the speaker label as written ('FALLIN', 'JAKE TAPPER'); a turn runs from its
    label to the next one (an answer may hold several paragraphs). Empty unless the article has at least
    :data:`MIN_TURNS` labelled lines, so a lone "NOTE: ..." or "WASHINGTON: ..." is no transcript.

    >>> t = "Intro.\\n\\nQ: Why run?\\n\\nA: I must.\\nIt is time.\\n\\nQ: When?\\n\\nA: Soon."
    >>> [(s.kind, t[s.start:s.end]) for s in interview_turns(t)][:2]
    [('Q', 'Q: Why run?'), ('A', 'A: I must.\\nIt is time.')]
    >>> [s.kind for s in interview_turns("TAPPER: Why?\\n\\nFALLIN: Because.\\n\\nTAPPER: Thanks.")]
    ['TAPPER', 'FALLIN', 'TAPPER']
    """
    starts = []
    for s, e in _lines(text):
        m = _TURN.match(text[s:e])
        if m and e - s > m.end():
            who = m.group("qa") or m.group("glued") or m.group("label")
            starts.append((s, {"Question": "Q", "Answer": "A"}.get(who, who)))
    if len(starts) < MIN_TURNS:
        return []
    out = []
    for k, (s, who) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(text)
        out.append(Segment(who, s, len(text[:end].rstrip())))
    return out


def turn_at(turns: Sequence[Segment], pos: int) -> Optional[str]:
    """Who holds the turn at character ``pos`` ('Q', 'A', a label), None outside every turn.

    >>> turn_at([Segment("Q", 0, 10), Segment("A", 12, 30)], 15), turn_at([Segment("Q", 5, 10)], 2)
    ('A', None)
    """
    import bisect

    i = bisect.bisect_right([s.start for s in turns], pos) - 1
    return turns[i].kind if i >= 0 and pos < turns[i].end else None
