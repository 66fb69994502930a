"""Date expressions in text: find them, and resolve them against a publication date.

Text only (no Doc, no store): :func:`find_date_expressions` finds the date words of a string,
:func:`resolve_expression` turns one into a :class:`ClaimDate` relative to the article's publication
date. Which of a sentence's expressions date a claim (the ones attached to its cue) is
:mod:`graphkit.dates`'s part.

Resolution, relative to the article's publication date:

================================  ==========================================  =========  ========
words                              date                                         precision  basis
================================  ==========================================  =========  ========
"on Tuesday", "Monday night"       that weekday on or before publication        day        relative
"last Tuesday"                     that weekday strictly before publication     day        relative
"yesterday", "today"               publication -1 / publication                 day        relative
"last week", "this week"           the Monday of that week                      week       relative
"this month", "earlier this ..."   YYYY-MM (YYYY for "this year")               month      relative
"last month", "last year"          the month / year before                      month/year relative
"on March 11", "Nov. 21", "21 ..." the latest such day on or before publication  day        explicit
"in December" (in a March article) the latest such month on or before it        month      explicit
"in 2024", "December 2024"         as written                                   year/month explicit
"two days ago"                     counted back from the publication            day        relative
"Christmas", "Thanksgiving"        the latest such holiday on or before it      day        explicit
"recently", "repeatedly"           the publication date                         day        publication
================================  ==========================================  =========  ========

>>> import datetime as dt
>>> [(e.text, resolve_expression(e, dt.date(2025, 12, 2)).date)
...  for e in find_date_expressions("She said on Monday that the vote set in December 2024 stands.")]
[('on Monday', '2025-12-01'), ('in December 2024', '2024-12')]
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional

__all__ = ["ClaimDate", "DateExpression", "find_date_expressions", "resolve_expression", "nearest_day",
           "WEEKDAYS", "MONTHS"]

@dataclass(frozen=True)
class ClaimDate:
    """When a claim was made.

    date: 'YYYY-MM-DD', 'YYYY-MM', 'YYYY' or None (no publication date and no usable words);
    precision: 'day', 'week' (date = the Monday of that week), 'month', 'year' or None;
    basis: 'explicit' (calendar words), 'relative' (deictic words resolved against the
    publication date), 'publication' (fallback), 'unknown';
    text: the words the date came from ('on Monday'), None for a bare publication fallback;
    carried: True when taken over from the same speaker's previous claim.
    """

    date: Optional[str]
    precision: Optional[str]
    basis: str
    text: Optional[str] = None
    carried: bool = False

    def as_dict(self) -> dict:
        return {"date": self.date, "precision": self.precision, "basis": self.basis, "text": self.text}


@dataclass(frozen=True)
class DateExpression:
    """A date expression found in text: its [start, end) and what kind of words it is."""

    start: int
    end: int
    text: str
    kind: str  # weekday, dayword, week, month_rel, year_rel, calendar_day, month, year, ago, vague
    groups: tuple = ()


WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
               "sept": 9, "oct": 10, "nov": 11, "dec": 12}

_DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# Month names are matched case-sensitively (capitalised) so "may" the verb and "march" the verb stay out.
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"

# (kind, compiled pattern), tried in this order; earlier kinds win overlaps.
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>\d{{2}})-(?P<d>\d{{2}})\b")),
    ("calendar_day", re.compile(
        rf"(?:\b[Oo]n\s+)?(?:{_DAY},?\s+)?\b(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}}){_ORD}\b(?:,?\s+(?P<y>{_YEAR})\b)?")),
    ("calendar_day", re.compile(
        rf"(?:\b[Oo]n\s+)?(?:{_DAY},?\s+)?\b(?:the\s+)?(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR})\b)?")),
    ("holiday", re.compile(r"\b(?P<hol>Thanksgiving(?:\s+Day)?|Christmas(?:\s+(?:Day|Eve))?|New\s+Year(?:'s|\u2019s)?"
                           r"(?:\s+(?:Day|Eve))?"
                           r"|Easter(?:\s+Sunday)?|Independence\s+Day|Victory\s+Day)\b")),
    ("ago", re.compile(
        r"\b(?:(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)\s+"
        r"(?:days?|weeks?|months?|years?)\s+ago)\b", re.I)),
    ("weekday", re.compile(
        rf"(?:\b[Oo]n\s+)?(?:\b(?P<rel>[Ll]ast|[Tt]his|[Pp]ast|[Ee]arlier\s+on)\s+)?\b(?P<day>{_DAY})"
        r"(?:\s+(?:morning|afternoon|evening|night)(?:\s+time)?)?\b")),
    ("dayword", re.compile(r"\b(?:the\s+day\s+before\s+yesterday|yesterday|today|tonight|last\s+night|"
                           r"earlier\s+today|this\s+(?:morning|afternoon|evening))\b", re.I)),
    # "final week" is how machine-paraphrased copies render "last week"; "the final week" is not a date.
    ("week", re.compile(r"(?<!the )\b(?P<rel>last|past|previous|final|this|earlier\s+this|late\s+last|"
                        r"earlier\s+last)\s+"
                        r"(?P<unit>week(?:end)?)\b", re.I)),
    ("month_rel", re.compile(r"\b(?P<rel>last|past|previous|this|earlier\s+this|late\s+last|earlier\s+last|"
                             r"late\s+this|early\s+this)\s+month\b", re.I)),
    ("year_rel", re.compile(r"\b(?P<rel>last|past|previous|this|earlier\s+this|late\s+last|earlier\s+last)\s+year\b",
                            re.I)),
    ("month", re.compile(
        rf"(?:\b(?:[Ii]n|[Ss]ince|[Ll]ate|[Ee]arly|[Mm]id|[Mm]id-)\s*(?:-\s*)?(?:early|mid|late)?\s*)?\b(?P<mon>{_MONTH})"
        rf"(?:\s+(?P<y>{_YEAR}))?\b(?![-\u2013]\d)")),
    ("year", re.compile(rf"(?:\b[Ii]n\s+)?\b(?P<y>{_YEAR})\b(?![-\u2013/]\d)")),
    ("vague", re.compile(r"\b(?:recently|lately|repeatedly|in\s+recent\s+(?:days|weeks|months)|"
                         r"on\s+several\s+occasions|many\s+times)\b", re.I)),
]

_BARE_AMBIGUOUS_MONTHS = {"May", "March"}

# Words every match of a pattern contains (any one of them), so a sentence without them skips the
# pattern: most sentences hold no date, and each pattern otherwise tries a match at every position.
# ("raw", needles) are looked up as written (case-sensitive patterns); ("folded", needles) in the
# lower-cased text, where the four non-ASCII letters re.IGNORECASE equates with ASCII ones
# (İ ı → i, ſ → s, Kelvin K → k) are folded first, so no match is ever skipped. ("month", ())
# asks for a month name (_MONTH, which those patterns contain) anywhere in the text.
_MONTH_PREFIXES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_RE = re.compile(_MONTH)
_NEEDLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "iso": ("raw", ("19", "20")),
    "calendar_day": ("month", ()),
    "holiday": ("raw", ("Thanksgiving", "Christmas", "Year", "Easter", "Independence", "Victory")),
    "ago": ("folded", ("ago",)),
    "weekday": ("raw", ("day",)),
    "dayword": ("folded", ("day", "night", "morning", "afternoon", "evening")),
    "week": ("folded", ("week",)),
    "month_rel": ("folded", ("month",)),
    "year_rel": ("folded", ("year",)),
    "month": ("month", ()),
    "year": ("raw", ("19", "20")),
    "vague": ("folded", ("recent", "lately", "repeatedly", "several", "times")),
}
_IGNORECASE_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _month_number(name: str) -> int:
    """The number of a month named in full or abbreviated, with or without its full stop.

    >>> _month_number("Sept."), _month_number("December")
    (9, 12)
    """
    key = name.lower().rstrip(".")
    if key in MONTHS:
        return MONTHS.index(key) + 1
    return _MONTH_ABBR[key]


def find_date_expressions(text: str, offset: int = 0) -> list[DateExpression]:
    """All date expressions in text, longest first at overlaps, in text order.

    >>> [(e.text, e.kind) for e in find_date_expressions("He said on Monday night that talks in December 2024 failed.")]
    [('on Monday night', 'weekday'), ('in December 2024', 'month')]
    >>> [e.text for e in find_date_expressions("Kosachev said on Telegram that it may march on.")]
    []
    """
    found = _find_in(text)
    if offset == 0:
        return list(found)
    return [replace(e, start=e.start + offset, end=e.end + offset) for e in found]


@lru_cache(maxsize=1024)
def _find_in(text: str) -> tuple[DateExpression, ...]:
    """find_date_expressions at offset 0, cached: a sentence holding several claims is searched once
    (and once more per claim by the deadline rule)."""
    found: list[DateExpression] = []
    taken: list[tuple[int, int]] = []
    folded = text.translate(_IGNORECASE_FOLD).lower()
    month = None
    for kind, pat in _PATTERNS:
        where, needles = _NEEDLES[kind]
        if where == "month":
            if month is None:
                month = any(n in text for n in _MONTH_PREFIXES) and _MONTH_RE.search(text) is not None
            if not month:
                continue
        elif not any(n in (text if where == "raw" else folded) for n in needles):
            continue
        for m in pat.finditer(text):
            s, e = m.span()
            if s == e or any(s < te and ts < e for ts, te in taken):
                continue
            groups = m.groupdict()
            if kind == "month" and not groups.get("y") and m.group("mon") in _BARE_AMBIGUOUS_MONTHS \
                    and not re.match(r"(?i)(in|since|late|early|mid)\b", m.group(0)):
                continue
            if kind == "year" and not re.match(r"(?i)in\s", m.group(0)):
                # a bare number like 2014 counts only as "in 2014" / "2014's"; others are too often amounts
                continue
            found.append(DateExpression(s, e, m.group(0), kind, tuple(sorted((k, v) for k, v in groups.items() if v))))
            taken.append((s, e))
    return tuple(sorted(found, key=lambda x: x.start))


def _monday(d: dt.date) -> dt.date:
    """The Monday of ``d``'s week: the day a week's claims are dated to.

    >>> _monday(dt.date(2025, 11, 27))
    datetime.date(2025, 11, 24)
    """
    return d - dt.timedelta(days=d.weekday())


def _fmt_month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _month_on_or_before(month: int, pub: dt.date) -> tuple[int, int]:
    """(year, month) of the last ``month`` on or before the publication date: a month named without its year.

    >>> _month_on_or_before(12, dt.date(2025, 3, 1)), _month_on_or_before(2, dt.date(2025, 3, 1))
    ((2024, 12), (2025, 2))
    """
    return (pub.year if month <= pub.month else pub.year - 1, month)


_AGO_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9, "ten": 10}


def _ago(text: str, pub: dt.date) -> Optional[dt.date]:
    """The day "two days ago", "3 months ago" names, counted back from ``pub`` (calendar months and years,
    as dateparser counts them); None for "a few" or "several" days (no number: dateparser finds none either).
    Anything else goes to dateparser, whose first use costs 0.3-0.4 CPU s of start-up.

    >>> (_ago("two days ago", dt.date(2016, 3, 1)), _ago("1 month ago", dt.date(2016, 3, 31)),
    ...  _ago("a few weeks ago", dt.date(2016, 3, 1)))
    (datetime.date(2016, 2, 28), datetime.date(2016, 2, 29), None)
    """
    words = text.lower().split()
    if len(words) == 4 and words[:2] == ["a", "few"] or len(words) == 3 and words[0] == "several":
        return None
    if len(words) == 3 and words[2] == "ago" and words[1].rstrip("s") in ("day", "week", "month", "year"):
        n = int(words[0]) if words[0].isascii() and words[0].isdigit() else _AGO_COUNTS.get(words[0])
        if n is not None:
            from dateutil.relativedelta import relativedelta

            try:
                return pub - relativedelta(**{words[1].rstrip("s") + "s": n})
            except (ValueError, OverflowError):  # before year 1: dateparser says what it says
                pass
    return _dateparser(text, pub)


def _dateparser(text: str, pub: dt.date) -> Optional[dt.date]:
    import dateparser

    base = dt.datetime(pub.year, pub.month, pub.day, 12)
    got = dateparser.parse(text, languages=["en"],
                           settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
    return got.date() if got else None


def _holiday_in(name: str, year: int) -> Optional[dt.date]:
    """The day of the holiday ``name`` (as written, any case) in ``year``; None for one not known.

    >>> [_holiday_in(h, 2025).isoformat() for h in ("Thanksgiving", "Christmas Eve", "Easter", "Victory Day")]
    ['2025-11-27', '2025-12-24', '2025-04-20', '2025-05-09']
    >>> _holiday_in("Diwali", 2025) is None
    True
    """
    n = name.lower().replace("\u2019", "'")
    if n.startswith("thanksgiving"):  # US: fourth Thursday of November
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    if n.startswith("christmas"):
        return dt.date(year, 12, 24 if "eve" in n else 25)
    if n.startswith("new year"):
        return dt.date(year, 12, 31) if "eve" in n else dt.date(year, 1, 1)
    if n.startswith("easter"):
        from dateutil.easter import easter

        return easter(year)
    if n.startswith("independence"):  # the US one: news copy in English means July 4 most often
        return dt.date(year, 7, 4)
    if n.startswith("victory"):  # Russia's, 9 May
        return dt.date(year, 5, 9)
    return None


def _holiday(name: str, pub: dt.date) -> Optional[dt.date]:
    """The latest such holiday on or before publication.

    >>> _holiday("christmas", dt.date(2025, 3, 1)), _holiday("christmas", dt.date(2025, 12, 26))
    (datetime.date(2024, 12, 25), datetime.date(2025, 12, 25))
    """
    for y in (pub.year, pub.year - 1):
        d = _holiday_in(name, y)
        if d is not None and d <= pub:
            return d
    return None


def resolve_expression(expr: DateExpression, published: Optional[dt.date]) -> Optional[ClaimDate]:
    """A ClaimDate for one expression, resolved against the publication date.

    None when the words need a publication date that is missing, or cannot be resolved. Words that carry their
    own year are read as written (`_as_written`); the others by their kind, counted from the publication date
    (`AGAINST_PUBLICATION`: one function a kind).

    >>> pub = dt.date(2025, 3, 12)   # a Wednesday
    >>> r = lambda s: resolve_expression(find_date_expressions(s)[0], pub)
    >>> [(x.date, x.precision, x.basis) for x in (r("on Tuesday"), r("in December"), r("last week"), r("recently"))]
    [('2025-03-11', 'day', 'relative'), ('2024-12', 'month', 'explicit'), ('2025-03-03', 'week', 'relative'),
    ('2025-03-12', 'day', 'publication')]
    """
    g = dict(expr.groups)
    if expr.kind in ("iso", "year") or expr.kind in ("month", "calendar_day") and g.get("y"):
        return _as_written(expr.kind, g, expr.text)
    against = AGAINST_PUBLICATION.get(expr.kind)
    return against(g, expr.text, published) if against is not None and published is not None else None


def _as_written(kind: str, g: dict, text: str) -> Optional[ClaimDate]:
    """The date of words that carry their own year: ISO '2025-03-11', '2024', 'December 2024', 'March 11, 2025'
    (None for a day the calendar lacks, 'February 30, 2025').

    >>> es = [find_date_expressions(s)[0] for s in ("2025-03-11", "in 2024", "in December 2024",
    ...                                             "on February 30, 2025")]
    >>> [(x.kind, getattr(_as_written(x.kind, dict(x.groups), x.text), "date", None)) for x in es]
    [('iso', '2025-03-11'), ('year', '2024'), ('month', '2024-12'), ('calendar_day', None)]
    """
    if kind == "iso":
        return ClaimDate(f"{g['y']}-{g['m']}-{g['d']}", "day", "explicit", text)
    if kind == "year":
        return ClaimDate(g["y"], "year", "explicit", text)
    if kind == "month":
        return ClaimDate(_fmt_month(int(g["y"]), _month_number(g["mon"])), "month", "explicit", text)
    try:
        d = dt.date(int(g["y"]), _month_number(g["mon"]), int(g["d"]))
    except ValueError:
        return None
    return ClaimDate(d.isoformat(), "day", "explicit", text)


def _vague(g: dict, text: str, pub: dt.date) -> ClaimDate:
    """'recently', 'repeatedly': the publication date.

    >>> _vague({}, "recently", dt.date(2025, 11, 26))
    ClaimDate(date='2025-11-26', precision='day', basis='publication', text='recently', carried=False)
    """
    return ClaimDate(pub.isoformat(), "day", "publication", text)


def _month(g: dict, text: str, pub: dt.date) -> ClaimDate:
    """'in December': the latest such month on or before publication.

    >>> pub, e = dt.date(2025, 11, 26), lambda s: find_date_expressions(s)[0]   # published on a Wednesday
    >>> g = lambda s: dict(e(s).groups)
    >>> [_month(g(s), s, pub).date for s in ("in December", "in March", "in November")]
    ['2024-12', '2025-03', '2025-11']
    """
    y, m = _month_on_or_before(_month_number(g["mon"]), pub)
    return ClaimDate(_fmt_month(y, m), "month", "explicit", text)


def _calendar_day(g: dict, text: str, pub: dt.date) -> Optional[ClaimDate]:
    """'on March 11': the latest such day on or before publication, this year or last.

    >>> pub, e = dt.date(2025, 11, 26), lambda s: find_date_expressions(s)[0]   # published on a Wednesday
    >>> g = lambda s: dict(e(s).groups)
    >>> [_calendar_day(g(s), s, pub).date for s in ("on March 11", "on December 3")]
    ['2025-03-11', '2024-12-03']
    """
    m, day = _month_number(g["mon"]), int(g["d"])
    for y in (pub.year, pub.year - 1):
        try:
            d = dt.date(y, m, day)
        except ValueError:
            continue
        if d <= pub:
            return ClaimDate(d.isoformat(), "day", "explicit", text)
    return None


def _weekday(g: dict, text: str, pub: dt.date) -> ClaimDate:
    """'on Tuesday': that weekday on or before publication; 'last Tuesday' strictly before.

    >>> pub, e = dt.date(2025, 11, 26), lambda s: find_date_expressions(s)[0]   # published on a Wednesday
    >>> g = lambda s: dict(e(s).groups)
    >>> [_weekday(g(s), s, pub).date for s in ("on Tuesday", "on Wednesday", "last Wednesday")]
    ['2025-11-25', '2025-11-26', '2025-11-19']
    """
    target = WEEKDAYS.index(g["day"].lower())
    back = (pub.weekday() - target) % 7
    rel = (g.get("rel") or "").lower()
    if rel in ("last", "past") and back == 0:
        back = 7
    return ClaimDate((pub - dt.timedelta(days=back)).isoformat(), "day", "relative", text)


def _dayword(g: dict, text: str, pub: dt.date) -> ClaimDate:
    """'today', 'yesterday' or 'last night', 'the day before yesterday': counted back from publication.

    >>> pub, e = dt.date(2025, 11, 26), lambda s: find_date_expressions(s)[0]   # published on a Wednesday
    >>> g = lambda s: dict(e(s).groups)
    >>> [_dayword(g(s), s, pub).date for s in ("today", "yesterday", "last night", "the day before yesterday")]
    ['2025-11-26', '2025-11-25', '2025-11-25', '2025-11-24']
    """
    low = text.lower()
    if "before yesterday" in low:
        days = 2
    elif "yesterday" in low or "last night" in low:
        days = 1
    else:
        days = 0
    return ClaimDate((pub - dt.timedelta(days=days)).isoformat(), "day", "relative", text)


def _week(g: dict, text: str, pub: dt.date) -> ClaimDate:
    """'this week', 'last week': the Monday of that week; 'this weekend', 'last weekend': its Saturday (the last
    one begun by publication).

    >>> pub, e = dt.date(2025, 11, 26), lambda s: find_date_expressions(s)[0]   # published on a Wednesday
    >>> g = lambda s: dict(e(s).groups)
    >>> [(_week(g(s), s, pub).date, _week(g(s), s, pub).precision) for s in ("this week", "last week", "this weekend")]
    [('2025-11-24', 'week'), ('2025-11-17', 'week'), ('2025-11-22', 'day')]
    """
    rel = g["rel"].lower().split()[-1]
    this = _monday(pub)
    monday = this if rel == "this" else this - dt.timedelta(days=7)
    if g["unit"].lower() == "weekend":
        sat = monday + dt.timedelta(days=5)
        if sat > pub:  # "this weekend" not over yet, or "last weekend"
            sat -= dt.timedelta(days=7)
        return ClaimDate(sat.isoformat(), "day", "relative", text)
    return ClaimDate(monday.isoformat(), "week", "relative", text)


def _month_rel(g: dict, text: str, pub: dt.date) -> ClaimDate:
    """'this month', 'last month': publication's month or the one before.

    >>> pub = dt.date(2025, 1, 5)   # published in January: last month is the year before's December
    >>> g = lambda s: dict(find_date_expressions(s)[0].groups)
    >>> [_month_rel(g(s), s, pub).date for s in ("this month", "last month")]
    ['2025-01', '2024-12']
    """
    rel = g["rel"].lower().split()[-1]
    y, m = pub.year, pub.month
    if rel != "this":
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return ClaimDate(_fmt_month(y, m), "month", "relative", text)


def _year_rel(g: dict, text: str, pub: dt.date) -> ClaimDate:
    """'this year', 'last year': publication's year or the one before.

    >>> pub, e = dt.date(2025, 11, 26), lambda s: find_date_expressions(s)[0]   # published on a Wednesday
    >>> g = lambda s: dict(e(s).groups)
    >>> [_year_rel(g(s), s, pub).date for s in ("this year", "last year")]
    ['2025', '2024']
    """
    rel = g["rel"].lower().split()[-1]
    return ClaimDate(str(pub.year if rel == "this" else pub.year - 1), "year", "relative", text)


def _holiday_date(g: dict, text: str, pub: dt.date) -> Optional[ClaimDate]:
    """'Christmas', 'Thanksgiving': the latest such holiday on or before publication (`_holiday`).

    >>> pub, e = dt.date(2025, 11, 26), lambda s: find_date_expressions(s)[0]   # published on a Wednesday
    >>> g = lambda s: dict(e(s).groups)
    >>> [_holiday_date(g(s), s, pub).date for s in ("Christmas", "Thanksgiving")]   # this year's is the day after
    ['2024-12-25', '2024-11-28']
    """
    d = _holiday(g["hol"], pub)
    return None if d is None else ClaimDate(d.isoformat(), "day", "explicit", text)


def _ago_date(g: dict, text: str, pub: dt.date) -> Optional[ClaimDate]:
    """'two days ago', 'three weeks ago': counted back from publication (`_ago`), as precise as its unit (a week as
    its Monday); None for a count that cannot be read or lands after publication.

    >>> pub, e = dt.date(2025, 11, 26), lambda s: find_date_expressions(s)[0]   # published on a Wednesday
    >>> g = lambda s: dict(e(s).groups)
    >>> [(lambda d: d and (d.date, d.precision))(_ago_date(g(s), e(s).text, pub))
    ...  for s in ("two days ago", "three weeks ago", "2 months ago", "a few days ago")]
    [('2025-11-24', 'day'), ('2025-11-03', 'week'), ('2025-09', 'month'), None]
    """
    d = _ago(text, pub)
    if d is None or d > pub:
        return None
    unit = re.search(r"(day|week|month|year)", text.lower()).group(1)
    if unit == "day":
        return ClaimDate(d.isoformat(), "day", "relative", text)
    if unit == "week":
        return ClaimDate(_monday(d).isoformat(), "week", "relative", text)
    if unit == "month":
        return ClaimDate(_fmt_month(d.year, d.month), "month", "relative", text)
    return ClaimDate(str(d.year), "year", "relative", text)


#: an expression's kind → how its words are resolved against the publication date (words with a year of their own
#: are read as written first: `_as_written`)
AGAINST_PUBLICATION = {"vague": _vague, "month": _month, "calendar_day": _calendar_day, "weekday": _weekday,
                       "dayword": _dayword, "week": _week, "month_rel": _month_rel, "year_rel": _year_rel,
                       "holiday": _holiday_date, "ago": _ago_date}


def nearest_day(ex: DateExpression, pub: dt.date) -> Optional[dt.date]:
    """The day a holiday, calendar-day or ISO expression names: a yearless one ('Thanksgiving',
    'December 5') in the year that puts it nearest to the publication date, a dated one as written.

    A deadline may lie ahead of the article, so this is the nearest such day, not the last one.

    >>> pub = dt.date(2025, 11, 20)
    >>> [nearest_day(e, pub) for e in find_date_expressions("by Thanksgiving, or Dec. 1 at the latest")]
    [datetime.date(2025, 11, 27), datetime.date(2025, 12, 1)]
    """
    g = dict(ex.groups)
    if ex.kind == "iso" or g.get("y"):
        cd = resolve_expression(ex, pub)
        return dt.date.fromisoformat(cd.date) if cd and cd.precision == "day" else None
    days = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            d = _holiday_in(g["hol"], y) if ex.kind == "holiday" else dt.date(y, _month_number(g["mon"]), int(g["d"]))
        except ValueError:
            continue
        if d is not None:
            days.append(d)
    return min(days, key=lambda d: abs((d - pub).days)) if days else None
