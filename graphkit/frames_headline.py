"""Headline frames: a claim a headline's title case hides from the parser.

The "headline" frame (``graphkit.attribution.HEADLINES``) keeps the rules' claims in a headline or a deck. Title case
misleads the parser there: "Tom Hale Tells Voters To Wait" reads as one name, "Tells" a proper noun, so no verb
frame sees a cue. :func:`headline_verb_candidates` reads such a line by position instead: the name that opens the line,
a lexicon verb in its third person ("Says", "Slams", "Endorses": :attr:`graphkit.cues.Cues.third_person_verbs`) the
parser took for no verb, and the rest of the line as what was said. :func:`headline_run_on` keeps a headline's claim to
its line and runs its content on to the line's end where the parser cut it short.

>>> import spacy
>>> from spacy.tokens import Doc
>>> from graphkit.cues import default_cues
>>> from graphkit.segments import Segment
>>> words = ["Tom", "Hale", "Tells", "Voters", "To", "Wait"]
>>> doc = Doc(spacy.blank("en").vocab, words=words, pos=["PROPN"] * 4 + ["PART", "VERB"],
...           sent_starts=[True] + [False] * 5)
>>> [(" ".join(t.text for t in c.speaker_toks), c.cue_lemma, " ".join(doc[i].text for i in sorted(c.content)))
...  for c in headline_verb_candidates(doc, default_cues(), [Segment("headline", 0, len(doc.text))])]
[('Tom Hale', 'tell', 'Voters To Wait')]
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .cues import Cues
from .frames_parse import CueCandidate

#: the parts of speech a headline's name may be read as in title case ("Veteran Councillor Ann Lee")
_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ"})

#: at most this many words before the verb: a name with its title ("Leeds Bus Users Group Chair")
MAX_NAME_WORDS = 5


def _headline_name_word(t: Token) -> bool:
    """A word of a name as a title-case headline writes it: capitalised, a proper noun, noun or adjective, or an
    abbreviation's full stop inside it ("U.S."). Not `doc_entities`' capitalised proper noun of running text.

    >>> from graphkit.doc_reading import parsed_as_written
    >>> doc = parsed_as_written("Mayor Ann Reyes Slams NHS Cuts In Leeds",
    ...                         pos="NOUN PROPN PROPN VERB PROPN NOUN ADP PROPN")
    >>> [t.text for t in doc if _headline_name_word(t)]
    ['Mayor', 'Ann', 'Reyes', 'NHS', 'Cuts', 'Leeds']
    """
    return t.is_title and t.pos_ in _NAME_POS or t.is_upper and t.is_alpha and len(t) > 1


def headline_verb_candidates(doc: Doc, cues: Cues, heads: list) -> list[CueCandidate]:
    """In each headline or deck of ``heads`` (:class:`graphkit.segments.Segment`), the claim of a line that opens
    with a name and a title-case lexicon verb the parser read as no verb ("Mayor Ann Reyes Slams Council Over Bus
    Fares"): the name is the speaker, the rest of the line the content. Not when a word before the verb is
    no name's ("Speaking In Leeds, Hale Vows ...": a preposition, an article, another verb of the lexicon) or
    nothing follows it."""
    forms = cues.third_person_verbs
    out = []
    for seg in heads:
        span = doc.char_span(seg.start, seg.end, alignment_mode="expand")
        if span is None:
            continue
        toks = [t for t in span if not t.is_space]
        while toks and toks[0].is_punct:
            toks.pop(0)
        k = next((i for i, t in enumerate(toks) if i and t.is_title and t.lower_ in forms), None)
        if k is None or k > MAX_NAME_WORDS:
            continue
        cue, name = toks[k], toks[:k]
        if cue.pos_ in ("VERB", "AUX") or not all(_headline_name_word(w) and w.lower_ not in forms for w in name):
            continue  # a verb the parser saw is a verb frame's; a name with a verb in it is no name
        content = toks[k + 1:]
        while content and content[-1].is_punct:
            content.pop()
        if not any(t.is_alpha for t in content) or any("\n" in t.text_with_ws for t in toks[:k + 1]):
            continue
        lemma = forms[cue.lower_]
        out.append(CueCandidate(cue_toks=[cue], cue_lemma=lemma,
                                stance=cues.verbs.get(lemma) or cues.object_verbs[lemma],
                                content={t.i for t in content}, quotes=set(), subj=name[-1], anchor=cue, sent=cue.sent,
                                frame="headline", speaker_toks=name))
    return out


#: the parts of speech of a word joining a headline claim to the next claim of its line ("..., but", "after"): the
#: run-on leaves it out
_JOINING_POS = frozenset({"CCONJ", "SCONJ", "ADP"})
#: what a headline claim's run-on leaves out at its end (a closing quotation mark stays: it is the quote's)
_TRAILING = frozenset({".", ",", ";", ":", "-", "–", "—", "…"})


def _line_end(doc: Doc, i: int) -> int:
    """The index after the last token of the line token ``i`` stands in (a token holding a line break ends it)."""
    j = i
    while j + 1 < len(doc) and "\n" not in doc[j].text_with_ws and "\n" not in doc[j + 1].text:
        j += 1
    return j + 1


def headline_run_on(doc: Doc, cands: list, heads: list) -> list:
    """Each headline or deck claim of ``cands`` kept to its line and, when its content lies after its cue, run on to
    the line's end, in place; returns the candidates changed. The parser reads a title-case line with no full stop
    into the next paragraph ("Governor Says State Will Appeal⏎⏎The governor spoke ...") and cuts one short ("Mayor
    Reyes Announces Plans She And The Council Have Made For The Ring Road" gives "Announces Plans"; "Hale Is Now
    Calling Reyes The 'Worst Mayor' In Leeds" ends at "Reyes"); PolNeAR's content is the rest of the line.
    The run-on stops before another candidate's cue in the line (and that candidate's speaker before it, and a word
    joining the two): "Reyes slams council, praises union over fares" stays two claims. A full stop or comma at the
    end stays out. ``heads``: the headline and deck segments (:class:`Segment`).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> from graphkit.frames_parse import CueCandidate
    >>> from graphkit.segments import Segment
    >>> words = ["Reyes", "Announces", "Plans", "She", "Has", "Made", "\\n\\n", "She", "spoke", "."]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, spaces=[True] * 5 + [False] * 2 + [True, False, False])
    >>> c = CueCandidate(cue_toks=[doc[1]], cue_lemma="announce", stance="assert", content={1, 2}, quotes=set(),
    ...                  subj=doc[0], anchor=doc[1])
    >>> changed = headline_run_on(doc, [c], [Segment("headline", 0, doc[5].idx + 4)])
    >>> " ".join(doc[i].text for i in sorted(c.content))
    'Announces Plans She Has Made'
    >>> c.content = {1, 2, 3, 4, 5, 7, 8}  # read on into the next paragraph: kept to its line
    >>> changed = headline_run_on(doc, [c], [Segment("headline", 0, doc[5].idx + 4)])
    >>> " ".join(doc[i].text for i in sorted(c.content))
    'Announces Plans She Has Made'
    """
    changed = []
    if not heads or not cands:
        return changed
    bounds = [(seg.start, seg.end) for seg in heads]
    anchors = sorted(((min(t.i for t in o.cue_toks), o) for o in cands), key=lambda p: p[0])
    for c in cands:
        cue = c.cue_toks[0]
        if not c.content or cue.is_punct or not any(s <= c.anchor.idx < e for s, e in bounds):
            continue
        line_end = _line_end(doc, c.anchor.i)
        inside = {i for i in c.content if i < line_end}
        if not inside:
            continue  # a colon's label whose words stand on the next line ("BYLINE:"): no claim of this line
        before = set(c.content)
        c.content = inside
        last = max(inside)
        if min(inside) >= cue.i:
            end = line_end
            for i, o in anchors:
                if last < i < end and o is not c:
                    end = i  # another claim's cue: stop before it, its speaker and the word joining them
                    if o.subj is not None and last < o.subj.left_edge.i < i:
                        end = o.subj.left_edge.i
                    break
            while end > last + 1 and (doc[end - 1].text in _TRAILING or doc[end - 1].is_space
                                      or doc[end - 1].pos_ in _JOINING_POS):
                end -= 1
            c.content |= set(range(last + 1, end))
        if c.content != before:
            changed.append(c)
    return changed
