"""HTML and Markdown articles → plain article text and the metadata the page itself carries.

HTML saved from a browser: the main text (article, else main, else body) block by block, without
scripts, navigation, forms, headings, bylines, read-time lines and share widgets; the metadata from
``<meta property="article:published_time">``, Open Graph (``og:title``, ``og:url``, ``og:site_name``),
``<link rel="canonical">``, ``<meta name="author">`` and JSON-LD ``NewsArticle`` (``headline``,
``datePublished``, ``author``, ``publisher``); the title without its site suffix (" | Site Name").

Markdown: read as text. Headings are not article text (the first one is the title when nothing else
gives one); emphasis, inline code and link marks are removed, list and quote markers too; the text
left is what the Document stores, and every claim offset points into it.

>>> page = '''<html><head><title>Lavrov blames Europe | The Daily Planet</title>
... <meta property="article:published_time" content="2025-11-25T08:00:00Z">
... <meta property="og:site_name" content="The Daily Planet">
... <link rel="canonical" href="https://planet.example/lavrov"></head>
... <body><article><p class="byline">By Jane Doe · 4 min read</p>
... <p>Lavrov said Europe was to blame.</p><div class="share-bar"><p>Share on X</p></div></article></body></html>'''
>>> text, meta = html_article(page)
>>> text
'Lavrov said Europe was to blame.'
>>> meta["title"], meta["published"], meta["url"], meta["source"]
('Lavrov blames Europe', '2025-11-25T08:00:00Z', 'https://planet.example/lavrov', 'The Daily Planet')
>>> body = "".join(f"<p>Paragraph {i} of the story.</p>" for i in range(3))
>>> html_article(f'<body><div class="share-enabled">{body}</div></body>')[0].count("Paragraph")
3
>>> markdown_article("# Talks in Geneva\\n\\nLavrov said *Europe* was **to blame**.\\n")
('Lavrov said Europe was to blame.\\n', {'title': 'Talks in Geneva'})
"""

from __future__ import annotations

import json
import re
from typing import Optional

# class / id / itemprop / rel words of page furniture that is not article text
_FURNITURE = re.compile(
    r"(?:^|[-_\s])(?:by-?line|author|authors|contributors?|share|sharing|share-?bar|social|read-?time|reading-?time|"
    r"readtime|newsletter|subscribe|related)(?:$|[-_\s])", re.I)
# a short block that is a read-time line ("4 min read", "By Jane Doe · 4 min read") or a share widget
_READ_TIME = re.compile(r"\b\d+\s*(?:-\s*)?(?:min|mins|minute|minutes)\.?\s+read\b", re.I)
_SHARE = re.compile(r"^(?:share|share this(?: article| story| page)?|share on \w+|tweet|e-?mail|copy link|print|save)"
                    r"(?:\s*[,|·•/]?\s*(?:share|facebook|twitter|x|linkedin|whatsapp|telegram|e-?mail|copy link|print|"
                    r"reddit|save|share on \w+))*[.:]?$", re.I)
_SEPARATORS = (" | ", " — ", " – ", " - ", " :: ", " · ", " • ")
_ARTICLE_TYPES = ("Article", "BlogPosting", "Report")


def strip_site_suffix(title: Optional[str], sites=()) -> Optional[str]:
    """A page title without the site name publishers append (" | Site Name", " - Site Name").

    The last part is cut when it is a known site name (og:site_name, the JSON-LD publisher, the
    canonical URL's host), or, after " | ", when it is short (four words or fewer).

    >>> strip_site_suffix("Lavrov blames Europe | Reuters")
    'Lavrov blames Europe'
    >>> strip_site_suffix("Kyiv - a city under fire - The Planet", ["The Planet"])
    'Kyiv - a city under fire'
    >>> strip_site_suffix("Putin - what he said")
    'Putin - what he said'
    """
    if not title:
        return title
    title = " ".join(title.split())
    known = {s.casefold() for s in sites if s}
    for sep in _SEPARATORS:
        if sep not in title:
            continue
        head, tail = title.rsplit(sep, 1)
        tail_key = tail.casefold()
        if head and (tail_key in known or any(tail_key in k or k in tail_key for k in known if len(k) > 3)
                     or (sep.strip() == "|" and len(tail.split()) <= 4)):
            return head.strip()
    return title


def _json_ld(soup) -> dict:
    """headline, published, author, source, url of the page's JSON-LD article object (NewsArticle ...).

    >>> from bs4 import BeautifulSoup
    >>> _json_ld(BeautifulSoup('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Talks", '
    ...     '"datePublished": "2025-11-25", "author": {"name": "Jane Doe"}, "publisher": {"name": "The Planet"}}</script>',
    ...     "html.parser"))
    {'title': 'Talks', 'published': '2025-11-25', 'author': 'Jane Doe', 'source': 'The Planet'}
    """
    found: dict = {}
    for tag in soup.find_all("script", attrs={"type": re.compile(r"ld\+json", re.I)}):
        try:
            data = json.loads(tag.string or tag.get_text() or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            obj = stack.pop()
            if isinstance(obj, list):
                stack.extend(obj)
                continue
            if not isinstance(obj, dict):
                continue
            stack.extend(obj[k] for k in ("@graph", "mainEntity") if isinstance(obj.get(k), (list, dict)))
            types = obj.get("@type")
            types = types if isinstance(types, list) else [types]
            if not any(isinstance(t, str) and t.endswith(_ARTICLE_TYPES) for t in types):
                continue
            found.setdefault("title", _text(obj.get("headline") or obj.get("name")))
            found.setdefault("published", _text(obj.get("datePublished") or obj.get("dateCreated")))
            found.setdefault("author", _names(obj.get("author")))
            found.setdefault("source", _names(obj.get("publisher")))
            page = obj.get("mainEntityOfPage")
            found.setdefault("url", _text(obj.get("url") or (page.get("@id") if isinstance(page, dict) else page)))
    return {k: v for k, v in found.items() if v}


def _text(v) -> Optional[str]:
    r"""A metadata value as one line of text (runs of white space one space); None for no text or no string.

    >>> _text("  Talks \n gain "), _text("  "), _text(3)
    ('Talks gain', None, None)
    """
    return " ".join(v.split()) if isinstance(v, str) and v.strip() else None


def _names(v) -> Optional[str]:
    """A person or organisation value of JSON-LD (a string, {"name": ...} or a list of them) as 'A, B'.

    >>> _names([{"name": "Ann Lee"}, "Bo Kim", {"name": "Ann Lee"}, "https://x.org/bo"]), _names([])
    ('Ann Lee, Bo Kim', None)
    """
    items = v if isinstance(v, list) else [v]
    names = [_text(x.get("name")) if isinstance(x, dict) else _text(x) for x in items]
    names = [n for n in names if n and not n.startswith(("http://", "https://"))]
    return ", ".join(dict.fromkeys(names)) or None


def _meta(soup, *keys) -> Optional[str]:
    """The content of the first of the page's ``<meta>`` tags named ``keys`` (as property, name or itemprop) that
    has one, its white space made single; None when none has.

    >>> from bs4 import BeautifulSoup
    >>> page = BeautifulSoup('<meta property="og:title" content="Talks  in Geneva"><meta name="author" content="Jane Doe">',
    ...                      "html.parser")
    >>> _meta(page, "og:title"), _meta(page, "article:author", "author"), _meta(page, "og:url")
    ('Talks in Geneva', 'Jane Doe', None)
    """
    for k in keys:
        tag = soup.find("meta", attrs={"property": k}) or soup.find("meta", attrs={"name": k}) \
            or soup.find("meta", attrs={"itemprop": k})
        v = _text(tag.get("content")) if tag else None
        if v:
            return v
    return None


def _is_furniture(el) -> bool:
    """Whether the element's class, id, itemprop, rel or role names page furniture (`_FURNITURE`: a byline, a share
    bar, a newsletter box); `_main_text` drops such an element only when it is small.

    >>> from bs4 import BeautifulSoup
    >>> [_is_furniture(BeautifulSoup(h, "html.parser").find()) for h in ('<div class="share-bar">Share</div>',
    ...  '<p class="byline">By Jane Doe</p>', '<div id="story">Lavrov said so.</div>')]
    [True, True, False]
    """
    attrs = el.attrs or {}
    words = " ".join(attrs.get("class") or []) + " " + str(attrs.get("id") or "") + " " + str(attrs.get("itemprop") or "") \
        + " " + " ".join(attrs.get("rel") or []) + " " + str(attrs.get("role") or "")
    return bool(_FURNITURE.search(words.strip())) if words.strip() else False


def is_furniture_text(t: str) -> bool:
    """A short block that is a read-time line or a share widget, not article text.

    >>> [is_furniture_text(t) for t in ("By Jane Doe · 4 min read", "Share on Facebook, Twitter", "He said it.")]
    [True, True, False]
    """
    return len(t) <= 120 and bool(_READ_TIME.search(t) or _SHARE.match(t.strip()))


def html_article(html: str) -> tuple[str, dict]:
    """(main text, metadata) of an HTML page; metadata keys: title, published, url, author, source."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    ld = _json_ld(soup)
    canonical = soup.find("link", rel=lambda r: r and "canonical" in (r if isinstance(r, list) else [r]))
    site = _meta(soup, "og:site_name", "application-name") or ld.get("source")
    meta = {
        "published": _meta(soup, "article:published_time", "datePublished", "date", "pubdate", "publishdate",
                           "dc.date", "dc.date.issued", "DC.date.issued", "sailthru.date", "parsely-pub-date")
        or ld.get("published"),
        "url": (_text(canonical.get("href")) if canonical else None) or _meta(soup, "og:url") or ld.get("url"),
        "author": ld.get("author") or _meta(soup, "author", "article:author", "parsely-author", "dc.creator"),
        "source": site,
    }
    if meta["author"] and meta["author"].startswith(("http://", "https://")):
        meta["author"] = None
    host = re.sub(r"^www\.", "", re.sub(r"^[a-z]+://([^/]+).*$", r"\1", meta["url"] or "", flags=re.I)) or None
    h1 = soup.find("h1")
    raw_title = ld.get("title") or _meta(soup, "og:title", "twitter:title") or \
        (soup.title.get_text(" ", strip=True) if soup.title else None) or (h1.get_text(" ", strip=True) if h1 else None)
    meta["title"] = strip_site_suffix(raw_title, [site, host, host.split(".")[0] if host else None])
    text = _main_text(soup)
    return text, {k: v for k, v in meta.items() if v}


def _main_text(soup) -> str:
    """The page's article text, a line a block, from its article, else main, else body: without scripts, navigation,
    forms and the like, headings, small furniture (`_is_furniture`), read-time lines and share widgets.

    >>> from bs4 import BeautifulSoup
    >>> _main_text(BeautifulSoup('<nav>Home</nav><article><p>Lavrov said so.</p><div class="share-bar">Share</div>'
    ...                          '<p>He left.</p></article>', "html.parser"))
    'Lavrov said so.\\nHe left.'
    """
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "svg",
                     "title", "iframe", "object", "button", "address", "figure"]):
        tag.decompose()
    for el in [el for el in soup.find_all(True) if el.attrs and _is_furniture(el)]:
        # furniture is small: a container named "share-enabled" that holds the story is not dropped
        if not el.decomposed and len(el.find_all("p")) < 3 and len(el.get_text(" ", strip=True)) <= 400:
            el.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    for el in root.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):   # headlines and subheads are not claims
        el.decompose()
    blocks = []
    for el in root.find_all(["p", "li", "blockquote", "pre"]):
        if el.find(["p", "li", "blockquote"]):
            continue
        t = " ".join(el.get_text(" ", strip=True).split())
        if t and not is_furniture_text(t):
            blocks.append(t)
    if not blocks:
        t = "\n".join(" ".join(line.split()) for line in root.get_text("\n").splitlines())
        blocks = [b for b in t.split("\n") if b and not is_furniture_text(b)]
    return "\n".join(blocks)


# ------------------------------------------------------------------ Markdown

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_MARKERS = re.compile(r"^( {0,3}>[ \t]?)+|^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
_INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),                       # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),                     # links: their text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),                    # reference links
    (re.compile(r"`([^`\n]+)`"), r"\1"),                               # inline code
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),             # strong
    (re.compile(r"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\w*])"), r"\1"),   # *emphasis*
    (re.compile(r"(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s_\\])_(?!\w)"), r"\1"),          # _emphasis_
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),                    # strikethrough
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])"), r"\1"),               # escapes
]
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S+.*$")


def markdown_inline(line: str) -> str:
    """A line of Markdown without its inline marks.

    >>> markdown_inline("He called it **“terrible”** and *_unacceptable_*, see [the text](http://x.org) and `code`.")
    'He called it “terrible” and unacceptable, see the text and code.'
    >>> markdown_inline("a snake_case_name and 2 * 3 * 4 stay")
    'a snake_case_name and 2 * 3 * 4 stay'
    """
    for rx, sub in _INLINE:
        line = rx.sub(sub, line)
    return line


def markdown_article(md: str) -> tuple[str, dict]:
    """(article text, {"title": first heading}) of a Markdown body (front matter already split off).

    Headings (ATX ``# ...`` and setext underlines), rules, reference definitions and fenced code are
    dropped; list and quote markers and inline marks removed; paragraphs keep their blank lines.
    """
    lines = md.split("\n")
    out: list[str] = []
    title = None
    fence = None
    for i, line in enumerate(lines):
        stripped = line.strip()
        if fence:
            if stripped.startswith(fence):
                fence = None
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        m = _ATX.match(line)
        if m:
            title = title or (markdown_inline(m.group(2) or "").strip() or None)
            continue
        if stripped and _SETEXT.match(nxt) and not _RULE.match(line) and not _MARKERS.match(line) \
                and (not out or out[-1] == ""):                     # a setext heading: a line over === or ---
            title = title or markdown_inline(stripped)
            lines[i + 1] = ""          # the underline goes with it
            continue
        if _RULE.match(line) or _REF_DEF.match(line):
            out.append("")
            continue
        out.append(markdown_inline(_MARKERS.sub("", line)))
    text = "\n".join(out)
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return (text + "\n" if text else ""), ({"title": title} if title else {})
