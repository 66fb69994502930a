"""Quote frames: a quotation and who said it, when no clause of the cue holds it.

- :func:`quote_around`: the cue clause set off by commas or quotes ("“...,” he said", "A, he said, B.");
  :func:`_quote_before` when the parser made "he wrote." (or "Clinton asked." on the quote's line) a sentence of
  its own;
- :func:`parenthetical`: a speech verb set off between what is said and the speaker written after it ("The plan,
  said Ann Lee, an aide, will fail");
- :func:`verdict_candidates`: "“...,” was the assessment of X";
- :func:`colon_candidates`: "Lavrov: ..." (a name, a colon, a clause);
- :func:`verb_colon_candidates`: "Ms. Reyes gloated: “...”" (a verb no lexicon entry names, a colon, a quotation);
- :func:`dash_candidates`: "“...” ― Carla Sanchez".

>>> from graphkit.nlp import load_spacy
>>> doc = load_spacy()("“We will continue,” Peskov said.")
>>> " ".join(doc[i].text for i in sorted(quote_around(doc[7], doc[6], {i: 0 for i in range(6)})))
'“ We will continue , ”'
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .frames_parse import (
    ADDRESSEE_VERBS, END_MARKS, SEP_MARKS, CueCandidate, label_name, quote_tokens, span_tokens, tokens_after_colon,
)
from .quotes import CLOSING_TOKENS


def quote_around(v: Token, subj: Token, quote_of_tok: dict) -> set:
    """Content around a cue clause set off by commas or quotes ("A, he said, B." / "“A,” said X."): the token indices
    of what verb ``v`` (its subject ``subj``) says, ``quote_of_tok`` each quoted token's quotation.

    >>> from graphkit.nlp import load_spacy
    >>> doc = load_spacy()("“We will continue,” Peskov said.")
    >>> " ".join(doc[i].text for i in sorted(quote_around(doc[7], doc[6], {i: 0 for i in range(6)})))
    '“ We will continue , ”'
    """
    doc = v.doc
    sent = v.sent
    if any(c.i > v.i and (c.dep_ in ("ccomp", "xcomp", "oprd")
                          or (c.dep_ == "dobj" and v.lemma_ not in ADDRESSEE_VERBS))
           for c in v.children):
        return set()  # the cue has content of its own: "as the Kremlin demands concessions"
    lo = min(subj.left_edge.i, v.i)
    hi = max(v.i, subj.right_edge.i)
    for c in v.children:
        if c.i < v.i and c.dep_ in ("aux", "auxpass", "neg", "advmod", "mark") and c.i > subj.i:
            continue
        if c.i < lo and c.dep_ == "mark":
            lo = c.i
        if c.i > v.i and c.dep_ in ("prep", "npadvmod", "advmod", "dative", "agent", "prt") or (
                c.i > v.i and c.dep_ == "dobj" and v.lemma_ in ADDRESSEE_VERBS):
            hi = max(hi, c.right_edge.i)
    while lo > sent.start and doc[lo - 1].is_space:
        lo -= 1
    if lo <= sent.start:
        return _quote_before(v, hi, quote_of_tok)
    left = doc[lo - 1]
    for k in (1, 2):
        # "..., fundraising documents show.": the parser left a word of the subject outside it
        if left.text in SEP_MARKS or lo - k - 1 < sent.start or doc[lo - k - 1].text not in SEP_MARKS:
            continue
        if all(w.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or w.tag_ == "VBG" for w in doc[lo - k:lo]):
            lo -= k
            left = doc[lo - 1]
            break
    if not (left.text in SEP_MARKS or (left.is_punct and (lo - 1) in quote_of_tok) or left.text in ("”", "''", '"')):
        return set()
    j = hi + 1
    while j < sent.end and doc[j].is_space:
        j += 1
    before = set(range(sent.start, lo))
    if j >= sent.end or doc[j].text in END_MARKS or (doc[j].is_punct and j in quote_of_tok and j + 1 >= sent.end):
        return before
    if doc[j].text in SEP_MARKS:
        k = j + 1
        while k < sent.end and (doc[k].is_space or doc[k].text in SEP_MARKS):
            k += 1
        if k < sent.end and doc[k].tag_ == "VBG" and doc[k].head == v:
            return before  # "..., he said, adding that ...": the rest is a claim of its own
        return before | set(range(j + 1, sent.end))
    return set()


def _quote_before(v: Token, hi: int, quote_of_tok: dict) -> set:
    """'“A pathetic figure!” | he wrote.': the parser made the cue clause a sentence of its own; its content is
    the quote that ends right before it (the cue clause must then end its sentence)."""
    doc, sent = v.doc, v.sent
    first = next((t for t in sent if not t.is_space and not t.is_punct), None)
    if first is None or any(c.dep_ == "neg" for c in v.children):
        return set()
    k = sent.start - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 0 or k not in quote_of_tok or doc[k].text not in CLOSING_TOKENS:
        return set()
    if not (first.text[:1].islower() or first.i == v.i or "\n" not in doc[k:first.i].text):
        return set()  # "“...”⏎Officials said.": a new line; "“...?” Clinton asked." / "“...” he wrote." are not
    if _cue_clause_end(v, hi) < sent.end:
        return set()
    return quote_tokens(doc, quote_of_tok, k, hi=k + 1)


def _cue_clause_end(v: Token, hi: int) -> int:
    """Where the cue clause ending at token ``hi`` stops when what follows it under the cue is circumstance: a
    prepositional phrase, an adverb, a participle or "as" clause after a comma ("“...?” the mayor asked, looking
    quite amused.", "Ortiz asks as a waiter comes in."); its sentence's end when nothing else follows."""
    doc, sent = v.doc, v.sent
    j = hi + 1
    while j < sent.end:
        t = doc[j]
        if t.is_space or t.text in END_MARKS or (t.text == "," and t.head == v):
            j += 1
            continue
        c = t
        while c.head != v and c.head != c:
            c = c.head
        if c.head != v or c.i < v.i or c.dep_ not in ("prep", "npadvmod", "advmod", "advcl", "dative", "agent"):
            return j
        j = max(j + 1, c.right_edge.i + 1)
    return j


VERDICT_NOUNS = {"evaluation", "assessment", "verdict", "view", "word", "reaction", "response", "message",
                 "comment", "conclusion", "assertion", "warning", "answer"}


def verdict_candidates(doc: Doc, nouns: list, quote_of_tok: dict) -> list[CueCandidate]:
    """“...,” was the evaluation of negotiator Rustem Umerov. - the quote is the "of" phrase's (or the verdict noun's
    possessor's): ``nouns`` the verdict nouns (:data:`VERDICT_NOUNS`) to try, ``quote_of_tok`` each quoted token's
    quotation.

    >>> from graphkit.nlp import load_spacy
    >>> doc = load_spacy()("“The plan is dead,” was the verdict of Ann Lee.")
    >>> c = verdict_candidates(doc, [doc[9]], {i: 0 for i in range(7)})[0]
    >>> c.frame, c.subj.text, " ".join(doc[i].text for i in sorted(c.content))
    ('verdict', 'Lee', '“ The plan is dead , ”')
    """
    out = []
    for t in nouns:
        be = t.head
        if be.lemma_ != "be" or be.i >= t.i:
            continue
        src = next((g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                    if g.dep_ == "pobj"), None) or next((c for c in t.children if c.dep_ == "poss"), None)
        j = be.i - 1
        while j >= be.sent.start and (doc[j].is_space or (doc[j].is_punct and j not in quote_of_tok)):
            j -= 1
        if src is None or j < be.sent.start or j not in quote_of_tok:
            continue
        q = quote_of_tok[j]
        content = quote_tokens(doc, quote_of_tok, j, lo=be.sent.start, hi=be.i)
        end = src.left_edge.i if src.i > t.i else t.i + 1
        cue_toks = [x for x in doc[be.i:end] if not x.is_space and x.i not in span_tokens(src)]
        stance = "warn" if t.lemma_.lower() == "warning" else "assert"
        out.append(CueCandidate(cue_toks=cue_toks, cue_lemma=t.lemma_.lower(), stance=stance, content=content,
                                quotes={q}, subj=src, anchor=t, sent=be.sent, frame="verdict"))
    return out


_NOT_SPEAKERS = {"update", "note", "editor", "breaking", "watch", "read", "photo", "video", "related", "advertisement",
                 "source", "sources", "warning", "exclusive", "analysis", "opinion", "correction", "q", "a"}


def _label_words(name) -> bool:
    """Could the words before a colon be a speaker's label: one to four words of a name (proper nouns, or
    capitalised nouns and adjectives; a hyphen), none a heading's word (:data:`_NOT_SPEAKERS`)?

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Ann", "Reyes", "Update", "the", "mayor"],
    ...           pos=["PROPN", "PROPN", "NOUN", "DET", "NOUN"])
    >>> _label_words(doc[0:2]), _label_words(doc[2:3]), _label_words(doc[3:5])  # a heading's word; lower case
    (True, False, False)
    """
    return 1 <= len(name) <= 4 and all(w.pos_ == "PROPN" or ((w.is_title or w.is_upper and len(w) > 1) and
                                                           w.pos_ in ("NOUN", "ADJ")) or w.tag_ == "HYPH"
                                       for w in name) and not any(w.lower_ in _NOT_SPEAKERS for w in name)


#: the dashes that set a speaker's label off from a roundup item's heading ("HEADING - Name: “...”")
_LABEL_DASHES = frozenset({"-", "–", "—", "―", "--"})


def _label_after_dash(colon: Token, lo: int):
    """The label of a roundup item's quotation: the words between the sentence's last dash and ``colon``, when the
    colon opens a quotation ("CITY VOTERS LEAN LEFT - Ann Reyes and Tom Hale: “We found ...”"; "- More from
    Reyes: “...”" is Reyes); None when no dash sets a label off or no quotation follows the colon.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Turnout", "rose", "-", "Ann", "Reyes", ":", "“", "Keep", "counting", ".", "”"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, pos=["NOUN", "VERB", "PUNCT", "PROPN", "PROPN", "PUNCT",
    ...           "PUNCT", "VERB", "VERB", "PUNCT", "PUNCT"], sent_starts=[True] + [False] * 10)
    >>> _label_after_dash(doc[5], 0).text
    'Ann Reyes'
    >>> _label_after_dash(doc[5], 3) is None  # the label opens the sentence: the colon frame's own case
    True
    """
    doc = colon.doc
    nxt = next((d for d in doc[colon.i + 1:colon.sent.end + 1] if not d.is_space), None)
    if nxt is None or nxt.text not in ('"', "“", "''", "``"):
        return None
    dash = next((i for i in range(colon.i - 1, lo - 1, -1) if doc[i].text in _LABEL_DASHES), None)
    if dash is None:
        return None
    start = dash + 1
    words = [w.lower_ for w in doc[start:colon.i]]
    if "from" in words[:2]:  # "- More from Reyes:"
        start += words.index("from") + 1
    return doc[start:colon.i]


def _label_before_prep(name):
    """A headline's label with what it is about or whom it addresses after it: the words before the first
    preposition ("Hale to City Council:", "Party Chair On Fares:"), None when no preposition follows
    a first word.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Party", "Chair", "On", "Fares"], pos=["PROPN", "PROPN", "ADP",
    ...           "PROPN"])
    >>> _label_before_prep(doc[0:4]).text, _label_before_prep(doc[2:4])
    ('Party Chair', None)
    """
    k = next((i for i, w in enumerate(name) if i and w.pos_ == "ADP"), None)
    return None if k is None else name[:k]


def colon_candidates(doc: Doc, colons_at: list, heads: tuple = ()) -> list[CueCandidate]:
    """'Lavrov: Washington fails to submit the plan' — a name at the start of a sentence, a colon, a clause; a
    transcript's inverted label 'Stated Stone: ...' names Stone (:func:`graphkit.frames_parse.label_name`); a
    roundup item's label after a dash, before a quotation ('HEADING - Name: “...”', :func:`_label_after_dash`).
    In a headline or deck of ``heads`` (:class:`graphkit.segments.Segment`, the "headline" frame) the label may
    name whom or what it is about ('Hale to City Council: ...', :func:`_label_before_prep`) and what
    follows on its line needs no verb ('Reyes: No new money for the ring road', a headline's title case
    hides its verbs), but more than a name, and ends with the line.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> from graphkit.segments import Segment
    >>> def claims(words, pos, head_end):
    ...     doc = Doc(spacy.blank("en").vocab, words=words, pos=pos, sent_starts=[True] + [False] * (len(words) - 1))
    ...     heads = [Segment("headline", 0, doc[head_end - 1].idx + len(doc[head_end - 1]))]
    ...     return [" ".join(doc[i].text for i in sorted(c.content)) for c in colon_candidates(doc, [doc[1]], heads)]
    >>> claims(["Reyes", ":", "No", "new", "money", "\\n\\n", "She", "spoke"],
    ...        ["PROPN", "PUNCT", "DET", "ADJ", "NOUN", "SPACE", "PRON", "VERB"], 5)
    ['No new money']
    >>> claims(["BYLINE", ":", "Ann", "Marie", "Lee"], ["PROPN", "PUNCT"] + ["PROPN"] * 3, 5)  # a name only
    []
    """
    out = []
    for t in colons_at:
        sent = t.sent
        lo = sent.start
        while lo < t.i and (doc[lo].is_space or doc[lo].is_punct):
            lo += 1
        head = next((h for h in heads if h.start <= t.idx < h.end), None)
        in_head = head is not None
        name, after_dash = doc[lo:t.i], False
        if not _label_words(name):
            name, after_dash = _label_after_dash(t, lo), True
            if (name is None or not _label_words(name)) and in_head:
                name = _label_before_prep(doc[lo:t.i])
            if name is None or not _label_words(name):
                continue
        content = tokens_after_colon(t)
        if in_head:  # a headline's claim ends with its line, wherever the parser ended the sentence
            content = {i for i in content if doc[i].idx < head.end}
        if len(content) < 3 or not (any(doc[i].pos_ in ("VERB", "AUX") for i in content) or in_head and any(
                doc[i].is_alpha and doc[i].pos_ != "PROPN" for i in content)):
            continue  # a headline's line needs no verb, but more than a name ("BYLINE: Ann Lee")
        who = label_name(name)  # 'Stated Stone:': the name is 'Stone'
        out.append(CueCandidate(cue_toks=[t], cue_lemma=":", stance="assert", content=content, quotes=set(),
                                subj=who.root, anchor=t, sent=sent, frame="colon",
                                speaker_toks=list(who) if len(who) < len(name) or after_dash else None))
    return out


def _verb_before_colon(colon: Token):
    """The verb a colon follows, over a particle or adverb after it ("shot back:", "went even further:"), or None.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Hale", "shot", "back", ":"], heads=[1, 1, 1, 1],
    ...           deps=["nsubj", "ROOT", "prt", "punct"], pos=["PROPN", "VERB", "ADP", "PUNCT"])
    >>> _verb_before_colon(doc[3]).text
    'shot'
    """
    if colon.i == 0:
        return None
    v = colon.doc[colon.i - 1]
    while v.dep_ in ("prt", "advmod", "acomp") and v.head.pos_ == "VERB" and v.head.i < v.i:
        v = v.head
    return v if v.pos_ == "VERB" else None


def verb_colon_candidates(doc: Doc, colons_at: list, quote_of_tok: dict, verbs) -> list[CueCandidate]:
    """'Ms. Reyes gloated: “We said so ...”', 'Hale shot back: “...”': a verb no lexicon entry (``verbs``, the
    lemmas the verb frames read) names, with a subject of its own, then a colon that opens a quotation: the quotation is
    the subject's (frame "verb_colon"). Not a relative clause's verb ("a promise many councillors make: “...”").

    >>> from graphkit.nlp import load_spacy
    >>> from graphkit.cues import default_cues
    >>> doc = load_spacy()("Ms. Reyes gloated: “We said so all along.”")
    >>> quoted = {i: 0 for i in range(4, len(doc))}
    >>> c = verb_colon_candidates(doc, [doc[3]], quoted, default_cues().any_verb)[0]
    >>> c.frame, c.subj.text, " ".join(doc[i].text for i in sorted(c.content))
    ('verb_colon', 'Reyes', '“ We said so all along . ”')
    """
    out = []
    for t in colons_at:
        v = _verb_before_colon(t)
        if v is None or v.lemma_.lower() in verbs:
            continue
        first = v
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head  # "... that many make and few keep:": a conjunct of a relative clause is one too
        if first.dep_ in ("relcl", "acl"):
            continue
        subj = next((k for k in v.children if k.dep_ == "nsubj"), None)
        k = t.i + 1
        while k < len(doc) and doc[k].is_space:
            k += 1
        if subj is None or k >= len(doc) or k not in quote_of_tok or not doc[k].is_punct or (
                quote_of_tok.get(k - 1) == quote_of_tok[k]):
            continue  # no quotation opens after the colon
        cue = [v] + [c for c in v.children if c.dep_ in ("prt", "advmod") and v.i < c.i < t.i]
        out.append(CueCandidate(cue_toks=cue, cue_lemma=v.lemma_.lower(), stance="assert",
                                content=quote_tokens(doc, quote_of_tok, k), quotes=set(), subj=subj, anchor=v,
                                sent=v.sent, frame="verb_colon"))
    return out


_DASH_NAME = re.compile(r"[ \t\u00a0]*(?P<dash>[―—–])[ \t\u00a0]*(?=[A-Z])")
#: a quotation's paragraph signed on the line after it: "“...”⏎⏎- Ann Lee." (any dash, the hyphen too)
_SIGNED_LINE = re.compile(r"[ \t\u00a0]*\n[ \t\u00a0\n]*(?P<dash>[-―—–])[ \t\u00a0]*(?=[A-Z])")


def signed_below(text: str, qs: int, qe: int):
    r"""The match of a signature line after the quotation ``text[qs:qe]`` when the quotation is its paragraph whole
    and the next line opens with a dash and a capital ("“...”⏎⏎- Ann Lee."), else None.

    >>> t = "Intro.\n\n“The plant pays no tax.”\n\n- Hale.\n\nThat is not so."
    >>> signed_below(t, 8, 33).group("dash")
    '-'
    >>> signed_below("He called it “fake.”\n\n- Reuters.", 13, 20) is None  # the quotation is no whole paragraph
    True
    """
    if text[text.rfind("\n", 0, qs) + 1:qs].strip():
        return None
    return _SIGNED_LINE.match(text, qe)


def _ends_name_line(doc: Doc, last: Token) -> bool:
    """Does a signature's name end at ``last``: its line ends there, or a comma or full stop follows it?

    >>> import spacy
    >>> doc = spacy.blank("en")("- Ann Lee, mayor\\n- Tom Hale spoke")
    >>> _ends_name_line(doc, doc[2]), _ends_name_line(doc, doc[4]), _ends_name_line(doc, doc[8])  # Lee, mayor, Hale
    (True, True, False)
    """
    if "\n" in last.text_with_ws or last.i + 1 >= len(doc):
        return True
    nxt = doc[last.i + 1]
    return nxt.text in (",", ".") or nxt.is_space and "\n" in nxt.text


def dash_candidates(doc: Doc, text: str, quotes: list) -> list[CueCandidate]:
    """'“Trump scares me.” ― Carla Sanchez': a quote, a dash, the name of who said it; the same with the name on the
    line after a quotation that is its paragraph whole, after any dash (:func:`signed_below`), when the name ends
    its line or a comma or full stop ends it ('“...”⏎⏎- Ann Lee.', '- Mayor Tom Hale, speaking ...'). ``quotes`` the
    text's quotations (graphkit.quotes.find_quotes).

    >>> from graphkit.nlp import load_spacy
    >>> from graphkit.quotes import find_quotes
    >>> text = "“The fares must fall.” ― Ann Lee"
    >>> doc = load_spacy()(text)
    >>> c = dash_candidates(doc, text, find_quotes(text))[0]
    >>> c.frame, c.subj.text, " ".join(doc[i].text for i in sorted(c.content))
    ('dash', 'Lee', '“ The fares must fall . ”')
    """
    out = []
    for qs, qe in quotes:
        m = _DASH_NAME.match(text, qe)
        below = m is None
        if below:
            m = signed_below(text, qs, qe)
        if m is None:
            continue
        dash = doc.char_span(m.start("dash") if below else m.start(), m.end(), alignment_mode="expand")
        start = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if dash is None or start is None or below and start.start == dash.start:
            continue  # below: "-Mayor Hale," is one token, no name of its own
        i = start.start
        name = []
        while i < len(doc) and len(name) < 5 and (doc[i].pos_ == "PROPN" or doc[i].is_title or doc[i].text in (".", "-")):
            name.append(doc[i])
            if "\n" in doc[i].text_with_ws:
                break
            i += 1
        while name and not name[-1].is_alpha:
            name.pop()
        if not name or not any(w.pos_ == "PROPN" for w in name):
            continue
        if below and not _ends_name_line(doc, name[-1]):
            continue
        qspan = doc.char_span(qs, qe, alignment_mode="expand")
        if qspan is None:
            continue
        root = max(name, key=lambda w: w.i) if not any(w.head in name for w in name) else next(
            (w for w in name if w.head not in name or w.head == w), name[-1])
        out.append(CueCandidate(cue_toks=[dash[0]], cue_lemma="―", stance="assert",
                                content=set(range(qspan.start, qspan.end)), quotes=set(), subj=root, anchor=name[0],
                                sent=dash[0].sent, frame="dash", speaker_toks=name))
    return out


#: a speech verb set off by a comma after the subject of what is said and written before its speaker ("The plan,
#: said Ann Lee, an aide, will fail") has that speaker, not the subject the parser gave it (:func:`parenthetical`;
#: issue 13, session 63)
INVERTED_PARENTHETICAL = True

_ASIDE_MARKS = frozenset({",", ";", "—", "–", "--", "(", ")"})  # what sets an aside off inside a phrase


def _phrase_end(t: Token) -> int:
    """The last token of ``t``'s phrase but the punctuation closing it ("Ann Lee, an aide," ends at "aide").

    >>> from graphkit.doc_reading import parsed_as_written
    >>> doc = parsed_as_written("The plan, said Ann Lee, an aide, will fail.", heads="1 3 1 3 5 11 5 8 5 5 11 3 3",
    ...                         deps="det nsubj punct ROOT compound nsubj punct det appos punct aux ccomp punct")
    >>> doc[5].right_edge.text, doc[_phrase_end(doc[5])].text, doc[_phrase_end(doc[1])].text
    (',', 'aide', 'plan')
    """
    j = t.right_edge.i
    while j > t.i and t.doc[j].is_punct:
        j -= 1
    return j


def parenthetical(v: Token, subj: Token | None) -> tuple[Token, list, set] | None:
    """(speaker head, speaker tokens, content token indices) of finite verb ``v`` set off between the subject of what
    is said and its speaker, each phrase closed by a comma: "The plan, said Ann Lee, an aide, will fail" (the parser
    makes "plan", ``subj``, the verb's subject and "Lee" the subject of the clause after it). The speaker is the noun
    phrase that opens right after the verb, the subject of the verb's clause; the content the phrase before the verb
    (with no aside of its own: not "Ann Lee, an aide, said ...") and the clause without the speaker. Else None. Over
    PolNeAR train+dev the rules' candidates of this shape are 4, each right after and wrong before (bench/README.md
    issue 13, fifty-first part).

    >>> from graphkit.doc_reading import parsed_as_written
    >>> doc = parsed_as_written("The plan, said Ann Lee, an aide, will fail.",
    ...                         heads="1 3 1 3 5 11 5 8 5 5 11 3 3",
    ...                         lemmas="the plan , say Ann Lee , a aide , will fail .",
    ...                         deps="det nsubj punct ROOT compound nsubj punct det appos punct aux ccomp punct",
    ...                         pos="DET NOUN PUNCT VERB PROPN PROPN PUNCT DET NOUN PUNCT AUX VERB PUNCT",
    ...                         tags="DT NN , VBD NNP NNP , DT NN , MD VB .")
    >>> speaker, toks, content = parenthetical(doc[3], doc[1])
    >>> speaker.text, " ".join(t.text for t in toks), " ".join(doc[i].text for i in sorted(content))
    ('Lee', 'Ann Lee , an aide', 'The plan will fail')
    """
    doc = v.doc
    if not INVERTED_PARENTHETICAL or v.tag_ not in ("VBD", "VBZ", "VBP") or v.i < 2:
        return None
    if subj is None or subj.head != v or subj.dep_ != "nsubj" or doc[v.i - 1].text != ",":
        return None
    if _phrase_end(subj) != v.i - 2 or any(doc[i].text in _ASIDE_MARKS for i in range(subj.left_edge.i, v.i - 1)):
        return None  # "Ann Lee, an aide, said ...": the comma closes the speaker's own phrase
    clause = next((c for c in v.children if c.dep_ == "ccomp" and c.i > v.i), None)
    speaker = None if clause is None else next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if speaker is None or speaker.left_edge.i != v.i + 1 or speaker.pos_ not in ("NOUN", "PROPN"):
        return None
    end = _phrase_end(speaker)
    if end + 1 >= clause.i or doc[end + 1].text != ",":
        return None
    said = set(range(speaker.left_edge.i, end + 2))  # the speaker's phrase and the comma closing it
    content = set(range(subj.left_edge.i, v.i - 1)) | (span_tokens(clause) - said)
    return speaker, [doc[i] for i in range(speaker.left_edge.i, end + 1)], content
