"""Headline frames: a claim a headline's title case hides from the parser.

The "headline" frame (``graphkit.attribution.HEADLINES``) keeps the rules' claims in a headline or a deck. Title case
misleads the parser there: "Tom Hale Tells Voters To Wait" reads as one name, "Tells" a proper noun, so no verb
frame sees a cue. :func:`headline_verb_candidates` reads such a line by position instead: the name that opens the line,
a lexicon verb in its third person ("Says", "Slams", "Endorses": :attr:`graphkit.cues.Cues.third_person_verbs`) the
parser took for no verb, and the rest of the line as what was said.

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
from .frames_parse import _Cand

#: the parts of speech a headline's name may be read as in title case ("Veteran Councillor Ann Lee")
_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ"})

#: at most this many words before the verb: a name with its title ("Leeds Bus Users Group Chair")
MAX_NAME_WORDS = 5


def _name_word(t: Token) -> bool:
    """A word of a name as a title-case headline writes it: capitalised, a proper noun, noun or adjective, or an
    abbreviation's full stop inside it ("U.S.")."""
    return t.is_title and t.pos_ in _NAME_POS or t.is_upper and t.is_alpha and len(t) > 1


def headline_verb_candidates(doc: Doc, cues: Cues, heads: list) -> list[_Cand]:
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
        if cue.pos_ in ("VERB", "AUX") or not all(_name_word(w) and w.lower_ not in forms for w in name):
            continue  # a verb the parser saw is a verb frame's; a name with a verb in it is no name
        content = toks[k + 1:]
        while content and content[-1].is_punct:
            content.pop()
        if not any(t.is_alpha for t in content) or any("\n" in t.text_with_ws for t in toks[:k + 1]):
            continue
        lemma = forms[cue.lower_]
        out.append(_Cand(cue_toks=[cue], cue_lemma=lemma, stance=cues.verbs.get(lemma) or cues.object_verbs[lemma],
                         content={t.i for t in content}, quotes=set(), subj=name[-1], anchor=cue, sent=cue.sent,
                         frame="headline", speaker_toks=name))
    return out
