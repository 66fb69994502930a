"""Who said what: quotes and reported speech → speaker, cue and content spans.

Rules over spaCy's dependency parse (``en_core_web_sm``: tagger, parser,
lemmatizer, ner), driven by the cue lexicon in ``models/cues.yaml``. One plain
function, :func:`attributions`, reads a parsed ``Doc`` and returns
:class:`graphkit.records.Attribution` records in document order; the spaCy
component ``graphkit_attribution`` stores the same list on ``doc._.attributions``.

>>> from graphkit.nlp import load_spacy
>>> from graphkit.attribution import attributions
>>> nlp = load_spacy()
>>> doc = nlp("“The talks were useful,” Kremlin spokesman Dmitry Peskov said. “We will continue.”")
>>> [(a.speaker_text, a.role, a.organisation, a.claim_kind, a.continuation) for a in attributions(doc)]
[('Kremlin spokesman Dmitry Peskov', 'spokesman', 'Kremlin', 'direct', False), ('Kremlin spokesman Dmitry Peskov', 'spokesman', 'Kremlin', 'direct', True)]
>>> a = attributions(nlp("Zelensky warned that tough issues remain."))[0]
>>> (a.text, a.cue, a.stance)
('that tough issues remain', 'warned', 'warn')

What each step does:

1. quotation marks are paired into quote spans (curly or straight; an unclosed
   quote ends at its paragraph's end, as in multi-paragraph news quotes);
2. each token whose lemma is a cue yields a candidate; its content is found by
   the frame the cue takes (clause, object, to-infinitive, prepositional object,
   "according to X", colon), then widened to whole quotes;
3. the source is the cue's subject (the agent of a passive, the subject of the
   governing verb for "..., adding that", the antecedent of "which"/"who");
4. the speaker phrase is split into person, role and organisation and resolved
   to the fullest in-article name (pronouns to the last fitting speaker or name);
5. quote sentences with no cue right after a quoted claim become continuations.
"""

from __future__ import annotations

import bisect
import re
import threading
from dataclasses import dataclass, field
from typing import Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .errors import ModelsFileError
from .records import Attribution

__all__ = ["Cues", "load_cues", "attributions", "make_attribution_component", "AttributionComponent"]

STANCES = {
    "assert", "deny", "demand", "warn", "predict", "accuse", "question",
    "promise", "praise", "criticize", "support", "oppose", "believe", "report",
}
_SECTIONS = ("verbs", "object_verbs", "to_verbs", "prep_verbs", "nouns", "phrases", "quoted_as")


# --------------------------------------------------------------------------- cues


@dataclass(frozen=True)
class Cues:
    """The cue lexicon of ``models/cues.yaml``, ready for lookups (see that file's header)."""

    verbs: dict = field(default_factory=dict)
    object_verbs: dict = field(default_factory=dict)
    to_verbs: dict = field(default_factory=dict)
    prep_verbs: dict = field(default_factory=dict)  # (lemma, prep) -> stance
    nouns: dict = field(default_factory=dict)
    phrases: dict = field(default_factory=dict)  # tuple of lower words -> stance
    quoted_as: dict = field(default_factory=dict)
    colon: bool = True

    @property
    def any_verb(self) -> frozenset:
        """Every lemma that can start a verb cue."""
        v = self.__dict__.get("_any_verb")
        if v is None:
            v = frozenset(self.verbs) | frozenset(self.object_verbs) | frozenset(self.to_verbs) | frozenset(
                k[0] for k in self.prep_verbs) | frozenset(self.quoted_as)
            object.__setattr__(self, "_any_verb", v)
        return v

    @property
    def phrase_firsts(self) -> frozenset:
        v = self.__dict__.get("_phrase_firsts")
        if v is None:
            v = frozenset(p[0] for p in self.phrases)
            object.__setattr__(self, "_phrase_firsts", v)
        return v


def load_cues(path: Optional[str] = None) -> Cues:
    """Read the cue lexicon (``models/cues.yaml`` unless ``path`` names another file).

    >>> cues = load_cues()
    >>> cues.verbs["say"], cues.prep_verbs[("call", "for")], cues.phrases[("according", "to")]
    ('assert', 'demand', 'report')
    """
    if path is None:
        from .knowledge import load_yaml

        raw = load_yaml("cues.yaml")
        where = "models/cues.yaml"
    else:
        import yaml

        try:
            with open(path, encoding="utf-8") as f:
                raw = yaml.safe_load(f) or {}
        except OSError as e:
            raise ModelsFileError(f"cannot read cue file {path}: {e.strerror}; check the path") from None
        where = str(path)
    return _cues_from_dict(raw, where)


def _cues_from_dict(raw: dict, where: str) -> Cues:
    if not isinstance(raw, dict):
        raise ModelsFileError(f"{where} must be a mapping of sections ({', '.join(_SECTIONS)}); fix the file")
    out: dict = {}
    for sec in _SECTIONS:
        entries = raw.get(sec) or {}
        if not isinstance(entries, dict):
            raise ModelsFileError(f"{where}: section {sec!r} must map cue -> stance; fix the file")
        d = {}
        for k, v in entries.items():
            stance = str(v or "assert").strip()
            if stance not in STANCES:
                raise ModelsFileError(
                    f"{where}: cue {k!r} in {sec!r} has stance {stance!r}; fix the file with one of {', '.join(sorted(STANCES))}")
            words = tuple(str(k).lower().split())
            if not words:
                continue
            if sec == "prep_verbs":
                if len(words) < 2:
                    raise ModelsFileError(f"{where}: prep_verbs entry {k!r} needs 'lemma preposition'; fix the file")
                d[(words[0], words[-1])] = stance
            elif sec == "phrases":
                d[words] = stance
            else:
                d[" ".join(words)] = stance
        out[sec] = d
    return Cues(**out, colon=bool(raw.get("colon", True)))


_DEFAULT_CUES: Optional[Cues] = None


def _default_cues() -> Cues:
    global _DEFAULT_CUES
    if _DEFAULT_CUES is None:
        _DEFAULT_CUES = load_cues()
    return _DEFAULT_CUES


# --------------------------------------------------------------------------- quotes

_OPEN = "“«„"
_CLOSE = "”»"
_QUOTE_MARKS = re.compile(r"[“«„”»\"\n]|''|``")


def find_quotes(text: str) -> list[tuple[int, int]]:
    r"""Character spans of quotations, marks included, in document order.

    Curly and straight quotes are paired, and so are the doubled apostrophes of
    some newspapers (''like this''); a quote left open ends at its paragraph.

    >>> find_quotes("He said “yes.” She said \"no\". They said ''maybe.''")
    [(8, 14), (24, 28), (40, 50)]
    """
    out = []
    start = None
    straight = None  # which straight mark opened the quote: '"' or "''"
    for m in _QUOTE_MARKS.finditer(text):
        i, ch = m.start(), m.group()
        if ch == "\n":
            if start is not None:
                end = i
                while end > start and text[end - 1].isspace():
                    end -= 1
                if end - start > 1:
                    out.append((start, end))
                start = None
            continue
        mark = "''" if ch in ("''", "``") else '"'
        if ch in _OPEN or ch == "``":
            if start is None or straight is not None and straight != mark:
                start, straight = i, (None if ch in _OPEN else mark)
            continue
        if start is None:
            if ch in _CLOSE:
                continue  # a stray closing mark
            start, straight = i, mark
            continue
        # an open quote closes on its own mark, and a curly or straight double quote closes either kind
        # (news copy often opens with " and closes with ”)
        if (straight == "''") == (mark == "''") or straight is None and ch == '"':
            out.append((start, m.end()))
            start = None
    if start is not None and len(text) - start > 1:
        out.append((start, len(text.rstrip())))
    return out


# --------------------------------------------------------------------------- speakers

_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"}
_ANON_HEADS = {
    "source", "official", "aide", "insider", "diplomat", "person", "people", "adviser", "advisor",
    "officer", "staffer", "member", "analyst", "expert", "observer", "lawmaker", "negotiator",
    "spokesperson", "representative", "investigator", "ally", "confidant", "associate", "strategist",
}
_ANON_DETS = {"a", "an", "another", "some", "several", "one", "two", "three", "four", "many", "other", "few",
              "multiple", "various", "numerous"}
_SPK_DROP = {"appos", "relcl", "acl", "punct", "advmod", "parataxis", "cc", "prep", "npadvmod"}
_ROLE_TITLES = {"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "mr.", "mrs.", "ms.", "dr."}


def _speaker_tokens(head: Token) -> list[Token]:
    """The speaker mention: the subject's head with its modifiers, without clauses and appositions."""
    keep = [head]
    stack = [head]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in _SPK_DROP and c.tag_ != "HYPH" and not (c.dep_ == "prep" and c.lower_ == "of" and c.i > t.i) and not (
                    c.dep_ == "cc" and t == head):
                continue
            keep.append(c)
            stack.append(c)
    idx = sorted(t.i for t in keep)
    # contiguous run around the head
    lo = hi = head.i
    s = set(idx)
    while lo - 1 in s:
        lo -= 1
    while hi + 1 in s:
        hi += 1
    doc = head.doc
    for i in range(head.i - 1, lo - 1, -1):
        if "\n" in doc[i].text_with_ws:
            lo = i + 1  # a headline or dateline above the sentence is not part of the speaker
            break
    for i in range(head.i, hi):
        if "\n" in doc[i].text_with_ws:
            hi = i
            break
    toks = [doc[i] for i in range(lo, hi + 1)]
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "case" and toks[-1] != head) and toks[-1] != head:
        toks.pop()
    while toks and toks[0].is_punct and toks[0] != head:
        toks.pop(0)
    return toks


_LOCAL = threading.local()


def _ent_of(tok: Token) -> Optional[Span]:
    """The entity a token belongs to (from a per-document index built once)."""
    if not tok.ent_type_:
        return None
    idx = getattr(_LOCAL, "ents", None)
    if idx is None or idx[0] is not tok.doc:
        ents = tok.doc.ents
        m = {}
        for e in ents:
            for i in range(e.start, e.end):
                m[i] = e
        idx = _LOCAL.ents = (tok.doc, m, ents)
    return idx[1].get(tok.i)


def _sentences(doc: Doc) -> list[Span]:
    """Sentence spans, from the sentence-start array (cheaper than iterating doc.sents)."""
    from spacy.attrs import SENT_START

    n = len(doc)
    if n == 0:
        return []
    arr = doc.to_array([SENT_START]).reshape(-1)
    starts = [0] + [i for i in range(1, n) if arr[i] == 1]
    ends = starts[1:] + [n]
    return [doc[a:b] for a, b in zip(starts, ends)]


def _doc_ents(doc: Doc) -> tuple:
    idx = getattr(_LOCAL, "ents", None)
    if idx is None or idx[0] is not doc:
        m = {}
        ents = doc.ents
        for e in ents:
            for i in range(e.start, e.end):
                m[i] = e
        idx = _LOCAL.ents = (doc, m, ents)
    return idx[2]


def _speaker_type(toks: list[Token], head: Token) -> str:
    low = head.lower_
    if len(toks) == 1 and (head.pos_ == "PRON" or low in _PRONOUNS):
        return "PRON"
    ents = {t.ent_type_ for t in toks if t.ent_type_}
    if "PERSON" in ents:
        return "PERSON"
    if head.lemma_.lower() in _ANON_HEADS:
        first = toks[0].lower_
        if first in _ANON_DETS or (head.tag_ == "NNS" and first not in {"the", "these", "those"}) or any(
                t.lower_ == "anonymity" for t in head.subtree):
            return "ANON"
    for lab in ("ORG", "GPE", "NORP"):
        if head.ent_type_ == lab:
            return lab
    for lab in ("ORG", "GPE", "NORP"):
        if lab in ents:
            return lab
    if head.pos_ == "PROPN":
        return "ORG"
    return "NOUN"


def _split_speaker(toks: list[Token], appos: Optional[Token]) -> tuple[Optional[Span], Optional[str], Optional[str]]:
    """(person entity span, role, organisation) from a speaker phrase and its apposition."""
    doc = toks[0].doc
    person = None
    for t in toks:
        if t.ent_type_ == "PERSON":
            e = _ent_of(t)
            if e is not None and e.start >= toks[0].i and e.end <= toks[-1].i + 1:
                person = e
                break
    role = org = None

    def role_org(words: list[Token]):
        r = o = None
        orgw = []
        rolew = []
        for w in words:
            if w.is_punct or w.lower_ in {"the", "a", "an"} or w.lower_ in _ROLE_TITLES:
                continue
            if w.dep_ == "case":
                continue
            if w.ent_type_ in ("ORG", "GPE", "NORP") and not rolew:
                orgw.append(w)
            elif w.dep_ == "poss" or (w.head.dep_ == "poss" and w.i < w.head.i):
                orgw.append(w)
            else:
                rolew.append(w)
        if orgw:
            o = doc[orgw[0].i:orgw[-1].i + 1].text
            o = re.sub(r"[’']s$", "", o).strip() or None
        if rolew:
            r = doc[rolew[0].i:rolew[-1].i + 1].text
        return r, o

    if person is not None:
        pre = [t for t in toks if t.i < person.start]
        if pre:
            role, org = role_org(pre)
    if appos is not None and person is not None and role is None:
        sub = [t for t in appos.subtree if not t.is_punct]
        head_words = [t for t in sub if t.i <= appos.i]
        role = " ".join(t.text for t in head_words if t.lower_ not in {"the", "a", "an"}) or None
        of = [c for c in appos.children if c.dep_ == "prep" and c.lower_ in ("of", "at", "for")]
        if of:
            objs = [c for c in of[0].children if c.dep_ == "pobj"]
            if objs:
                org = doc[objs[0].left_edge.i:objs[0].right_edge.i + 1].text
                org = re.sub(r"^(the|a)\s+", "", org, flags=re.I)
    if person is None and len(toks) > 1:
        # "the Kremlin spokesman", "Russia's Foreign Minister": a role phrase without a name
        r, o = role_org(toks)
        if o and r:
            role, org = r, o
    return person, role, org


# --------------------------------------------------------------------------- candidates


@dataclass
class _Cand:
    cue_toks: list
    cue_lemma: str
    stance: str
    content: set  # token indices
    quotes: set  # quote indices (into the quote list)
    subj: Optional[Token]
    anchor: Token  # the token the attribution hangs on (for nesting tests)
    relative_head: Optional[Token] = None
    sent: Optional[Span] = None
    frame: str = ""
    speaker_toks: Optional[list] = None  # when the speaker is not a subject subtree (dash attributions)


_CLAUSE_DEPS = {"ccomp"}
_SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj"}
_EDGE_PUNCT = set(",;:—–-()[]") | {"--"}


def _subject(v: Token, depth: int = 0) -> tuple[Optional[Token], Optional[Token]]:
    """(subject head, relative-clause antecedent) of verb v."""
    subj = None
    for c in v.children:
        if c.dep_ in ("nsubj", "csubj"):
            if subj is not None and subj.dep_ in ("nsubj", "csubj") and subj.i < v.i < c.i:
                subj = c  # '“... mode,” said Leslie Wimes': the subject after the verb, not the quote's
                break
            if subj is None or subj.dep_ == "nsubjpass":
                subj = c
            if c.i > v.i:
                break
        elif c.dep_ == "nsubjpass" and subj is None:
            subj = c
    agent = next((c for c in v.children if c.dep_ == "agent"), None)
    if agent is not None:
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if pobj is not None and (subj is None or subj.dep_ == "nsubjpass"):
            subj = pobj
    if subj is not None:
        rel = None
        if subj.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
            rel = v.head
        return subj, rel
    if depth < 3 and v.dep_ in ("conj", "xcomp", "advcl", "pcomp", "acl") and v.head != v:
        h = v.head
        if v.dep_ == "pcomp" or h.dep_ == "prep":
            h = h.head if h.dep_ == "prep" else h
        if v.dep_ == "acl" and h.pos_ in ("NOUN", "PROPN", "PRON"):
            return None, None
        return _subject(h, depth + 1)
    return None, None


def _same_line_subject(subj: Token, v: Token) -> Optional[Token]:
    """A subject parsed across a line break ("2:45 p.m.\n\nConnecticut's tax commissioner says") is
    replaced by the phrase on the verb's own line."""
    doc = v.doc
    cut = None
    for i in range(subj.i, v.i):
        if "\n" in doc[i].text_with_ws or doc[i].is_space and "\n" in doc[i].text:
            cut = i
    if cut is None:
        return subj
    frag = [doc[i] for i in range(cut + 1, v.i) if not doc[i].is_space and not doc[i].is_punct]
    if not frag:
        return None
    inside = {t.i for t in frag}
    roots = [t for t in frag if t.head.i not in inside or t.head == t]
    nouny = [t for t in roots if t.pos_ in ("PROPN", "NOUN", "PRON")]
    return nouny[-1] if nouny else None


def _span_tokens(tok: Token) -> set:
    return {t.i for t in tok.subtree}

_SEP = {",", "—", "–", "-", "--", ";"}
_ADDRESSEE = {"tell", "inform", "remind", "assure", "ask", "warn", "urge", "reassure"}
_COLON_VERBS = {"say", "add", "tell", "write", "state", "declare", "explain", "note", "continue", "ask", "reply",
                "respond", "answer", "warn", "conclude", "argue", "insist", "announce", "remark", "comment", "post",
                "recall", "stress", "emphasize", "emphasise", "put", "joke", "quip", "shout", "yell", "exclaim"}
_NAMING = {"call", "describe", "label", "brand", "term", "dub", "deem", "characterize", "characterise", "portray"}
_END = {".", "!", "?", "…"}


def _around(v: Token, subj: Token, quote_of_tok: dict) -> set:
    """Content around a cue clause set off by commas or quotes ("A, he said, B." / "“A,” said X.")."""
    doc = v.doc
    sent = v.sent
    if any(c.i > v.i and (c.dep_ in ("ccomp", "xcomp", "oprd") or (c.dep_ == "dobj" and v.lemma_ not in _ADDRESSEE))
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
                c.i > v.i and c.dep_ == "dobj" and v.lemma_ in _ADDRESSEE):
            hi = max(hi, c.right_edge.i)
    while lo > sent.start and doc[lo - 1].is_space:
        lo -= 1
    if lo <= sent.start:
        return set()
    left = doc[lo - 1]
    if not (left.text in _SEP or (left.is_punct and (lo - 1) in quote_of_tok) or left.text in ("”", "''", '"')):
        return set()
    j = hi + 1
    while j < sent.end and doc[j].is_space:
        j += 1
    before = set(range(sent.start, lo))
    if j >= sent.end or doc[j].text in _END or (doc[j].is_punct and j in quote_of_tok and j + 1 >= sent.end):
        return before
    if doc[j].text in _SEP:
        k = j + 1
        while k < sent.end and (doc[k].is_space or doc[k].text in _SEP):
            k += 1
        if k < sent.end and doc[k].tag_ == "VBG" and doc[k].head == v:
            return before  # "..., he said, adding that ...": the rest is a claim of its own
        return before | set(range(j + 1, sent.end))
    return set()


def _verb_candidate(v: Token, cues: Cues, quote_of_tok: dict) -> Optional[_Cand]:
    lemma = v.lemma_.lower()
    children = list(v.children)
    subj, rel = _subject(v)
    if subj is not None and subj.i < v.i:
        subj = _same_line_subject(subj, v)
    subj_idx = _span_tokens(subj) if subj is not None and subj.head == v else ({subj.i} if subj is not None else set())
    if subj is not None and subj.head != v and subj.head.dep_ == "agent" and subj.head.head == v:
        subj_idx = _span_tokens(subj.head)
    content: set = set()
    cue_toks = [v]
    stance = None
    frame = ""
    key = lemma

    # (0) the cue clause stands apart: "..., he said." / "“...,” said X." / "A, he said, B."
    if lemma in cues.verbs and subj is not None and subj.head == v and v.dep_ in ("ROOT", "parataxis", "ccomp", "advcl"):
        around = _around(v, subj, quote_of_tok)
        if around:
            content, stance, frame = around, cues.verbs[lemma], "around"
    # (0b) naming: "called the talks constructive", "described Oz as a quack"
    if not content and lemma in _NAMING and subj is not None and (lemma in cues.verbs or lemma in cues.object_verbs):
        dobj = next((c for c in children if c.dep_ == "dobj" and c.i > v.i), None)
        comp = [c for c in children if dobj is not None and c.i > dobj.i and (
            c.dep_ in ("oprd", "ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ == "as"))]
        if dobj is not None and comp:
            content = _span_tokens(dobj).union(*(_span_tokens(c) for c in comp))
            stance, frame = cues.verbs.get(lemma) or cues.object_verbs.get(lemma, "assert"), "object"
    # (1) clause: "said (that) ...", "“...,” he said"
    if not content and lemma in cues.verbs:
        for c in children:
            if c.dep_ in _CLAUSE_DEPS or (c.dep_ == "xcomp" and lemma in ("say", "tell") and c.i > v.i and False):
                content |= _span_tokens(c)
        if content:
            stance, frame = cues.verbs[lemma], "clause"
    # (2) prepositional: "called for a ceasefire", "warned against"
    # object, to-infinitive and prepositional claims need a speaker of their own, and a verb that is not
    # itself an infinitive ("refused to answer", "seek to engage": intentions, not claims made)
    own = subj is not None and v.dep_ not in ("acl", "amod", "pcomp") and not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in children)
    if not content and own and cues.prep_verbs:
        for c in children:
            if c.dep_ in ("prep", "prt", "dative") and (lemma, c.lower_) in cues.prep_verbs:
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if objs:
                    for o in objs:
                        content |= _span_tokens(o)
                    for g in children:
                        if g.dep_ == "xcomp" and g.i > c.i:
                            content |= _span_tokens(g)
                    stance, frame, key = cues.prep_verbs[(lemma, c.lower_)], "prep", f"{lemma} {c.lower_}"
                    cue_toks = [v, c]
                    break
    # (3) to-infinitive: "vowed to retaliate", "urged Kyiv to accept"
    if not content and own and lemma in cues.to_verbs:
        x = next((c for c in children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and c.i > v.i), None)
        if x is None:
            x = next((c for c in children if c.dep_ == "ccomp" and c.i > v.i and any(
                g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)
        if x is not None:
            content |= _span_tokens(x)
            for c in children:
                if c.dep_ in ("dobj", "dative") and c.i < x.i:
                    content |= _span_tokens(c)
            stance, frame = cues.to_verbs[lemma], "to"
    # (4) object: "denied any losses", "praised US efforts"
    if not content and own:
        dobj = next((c for c in children if c.dep_ == "dobj"), None)
        if dobj is not None:
            quoted = dobj.i in quote_of_tok
            if lemma in cues.object_verbs or (quoted and lemma in cues.verbs):
                content |= _span_tokens(dobj)
                for c in children:
                    if c.dep_ in ("oprd", "xcomp", "ccomp") and c.i > dobj.i:
                        content |= _span_tokens(c)
                    if c.dep_ == "prep" and c.lower_ == "as" and c.i > dobj.i:
                        content |= _span_tokens(c)
                stance = cues.object_verbs.get(lemma) or cues.verbs.get(lemma, "assert")
                frame = "object"
        elif lemma in cues.object_verbs and subj is not None and subj.head.dep_ == "agent":
            # passive: "The plan was rejected by the Russian Foreign Ministry"
            patient = next((c for c in children if c.dep_ == "nsubjpass"), None)
            if patient is not None:
                content = _span_tokens(patient) | {v.i}
                stance, frame = cues.object_verbs[lemma], "object"
    # (5) postposed: "..., he said." parsed with the cue under the content's verb
    if False and not content and lemma in cues.verbs and v.head != v and v.head.i < v.i and subj is not None and (
            v.dep_ in ("parataxis", "ccomp", "conj", "dep") or (
            v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children))):
        if v.dep_ != "conj" or subj.i > v.i:
            h = v.head
            content = _span_tokens(h) - _span_tokens(v)
            stance, frame = cues.verbs[lemma], "post"
    # (6) colon or quote after the cue: "X said: “...”" (speech verbs only; "knows: ..." is not a quote)
    if not content and lemma in cues.verbs and lemma in _COLON_VERBS:
        sent = v.sent
        nxt = v.i + 1
        while nxt < sent.end and (nxt in subj_idx or v.doc[nxt].dep_ in ("advmod", "npadvmod", "prep", "pobj", "det",
                                                                           "compound", "dative", "dobj")):
            nxt += 1
        if nxt < sent.end and (v.doc[nxt].text == ":" or nxt in quote_of_tok):
            start = nxt + 1 if v.doc[nxt].text == ":" else nxt
            content = set(range(start, sent.end))
            stance, frame = cues.verbs[lemma], "colon"
    if not content:
        return None
    # "told Bloomberg": the addressee is part of the cue as written
    if lemma in _ADDRESSEE and frame in ("clause", "colon", "post"):
        for c in children:
            if c.dep_ in ("dobj", "dative") and c.i > v.i and c.i not in content:
                cue_toks = [v] + [t for t in c.subtree]
                break
    content -= subj_idx
    content -= {t.i for t in cue_toks}
    if frame in ("object", "to", "prep"):
        # without a clause the verb is part of what was claimed: "denied any such losses", "called for a truce"
        content |= {t.i for t in cue_toks if t.i < min(content, default=v.i) or t.i == v.i}
        content |= set(range(v.i, min(content))) - subj_idx if content else set()
    return _Cand(cue_toks=cue_toks, cue_lemma=key, stance=stance or "assert", content=content, quotes=set(),
                 subj=subj, anchor=v, relative_head=rel, sent=v.sent, frame=frame)


def _phrase_candidates(doc: Doc, cues: Cues, starts: list) -> list[_Cand]:
    out = []
    for t in starts:
        for words, stance in cues.phrases.items():
            n = len(words)
            if t.i + n > len(doc) or tuple(x.lower_ for x in doc[t.i:t.i + n]) != words:
                continue
            last = doc[t.i + n - 1]
            sent = t.sent
            phrase_idx = set(range(t.i, t.i + n))
            if words == ("according", "to"):
                src = next((c for c in last.children if c.dep_ == "pobj"), None)
                if src is None and last.i + 1 < sent.end:
                    src = doc[last.i + 1]
                    while src.head.i > src.i and src.head.i < sent.end and src.head.dep_ != "ROOT" and src.head.pos_ in ("PROPN", "NOUN"):
                        src = src.head
                if src is None:
                    continue
                src_idx = _span_tokens(src) if src.head in (last, t) else set(range(last.i + 1, src.i + 1))
                # the clause the phrase attaches to; the sentence when it hangs off a noun
                h = t.head
                while h.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp") and h.head != h:
                    h = h.head
                anchor_sub = _span_tokens(h) if h.pos_ in ("VERB", "AUX") else set(range(sent.start, sent.end))
                own = _span_tokens(t) | phrase_idx | src_idx
                content = {i for i in anchor_sub if i not in own}
                if not content:
                    continue
                out.append(_Cand(cue_toks=list(doc[t.i:t.i + n]), cue_lemma=" ".join(words), stance=stance,
                                 content=content, quotes=set(), subj=src, anchor=t, sent=sent, frame="according"))
            else:
                # "in a statement, the Kremlin said ..." - only when no verb cue already carries it
                h = t.head
                if h.pos_ not in ("VERB", "AUX"):
                    continue
                subj, rel = _subject(h)
                content = _span_tokens(h) - _span_tokens(t) - (_span_tokens(subj) if subj is not None else set()) - {h.i}
                if not content:
                    continue
                out.append(_Cand(cue_toks=list(doc[t.i:t.i + n]), cue_lemma=" ".join(words), stance=stance,
                                 content=content, quotes=set(), subj=subj, anchor=h, sent=sent, frame="phrase"))
    return out


def _noun_candidates(doc: Doc, cues: Cues, nouns_at: list) -> list[_Cand]:
    out = []
    for t in nouns_at:
        clause = next((c for c in t.children if c.dep_ in ("acl", "ccomp", "appos") and c.pos_ in ("VERB", "AUX") and any(
            g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
        if clause is None:
            continue
        src = next((c for c in t.children if c.dep_ == "poss"), None)
        if src is None:
            src = next((g for c in t.children if c.dep_ == "prep" and c.lower_ in ("by", "from") for g in c.children
                        if g.dep_ == "pobj"), None)
        out.append(_Cand(cue_toks=[t], cue_lemma=t.lemma_.lower(), stance=cues.nouns[t.lemma_.lower()],
                         content=_span_tokens(clause), quotes=set(), subj=src, anchor=t, sent=t.sent, frame="noun"))
    return out


_NOT_SPEAKERS = {"update", "note", "editor", "breaking", "watch", "read", "photo", "video", "related", "advertisement",
                 "source", "sources", "warning", "exclusive", "analysis", "opinion", "correction", "q", "a"}


def _colon_candidates(doc: Doc, colons_at: list) -> list[_Cand]:
    """'Lavrov: Washington fails to submit the plan' — a name at the start of a sentence, a colon, a clause."""
    out = []
    for t in colons_at:
        sent = t.sent
        lo = sent.start
        while lo < t.i and (doc[lo].is_space or doc[lo].is_punct):
            lo += 1
        name = doc[lo:t.i]
        if not 1 <= len(name) <= 4 or not all(w.pos_ == "PROPN" or ((w.is_title or w.is_upper and len(w) > 1) and
                                                                     w.pos_ in ("NOUN", "ADJ")) or
                                               w.tag_ == "HYPH" for w in name):
            continue
        if any(w.lower_ in _NOT_SPEAKERS for w in name):
            continue
        content = set(range(t.i + 1, sent.end))
        if len(content) < 3 or not any(doc[i].pos_ in ("VERB", "AUX") for i in content):
            continue
        out.append(_Cand(cue_toks=[t], cue_lemma=":", stance="assert", content=content, quotes=set(),
                         subj=name.root, anchor=t, sent=sent, frame="colon"))
    return out


_DASH_NAME = re.compile(r"[ \t\u00a0]*[―—–][ \t\u00a0]*(?=[A-Z])")


def _dash_candidates(doc: Doc, text: str, quotes: list) -> list[_Cand]:
    """'“Trump scares me.” ― Carla Sanchez': a quote, a dash, the name of who said it."""
    out = []
    for qs, qe in quotes:
        m = _DASH_NAME.match(text, qe)
        if m is None:
            continue
        dash = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        start = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if dash is None or start is None:
            continue
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
        qspan = doc.char_span(qs, qe, alignment_mode="expand")
        if qspan is None:
            continue
        root = max(name, key=lambda w: w.i) if not any(w.head in name for w in name) else next(
            (w for w in name if w.head not in name or w.head == w), name[-1])
        out.append(_Cand(cue_toks=[dash[0]], cue_lemma="―", stance="assert", content=set(range(qspan.start, qspan.end)),
                         quotes=set(), subj=root, anchor=name[0], sent=dash[0].sent, frame="dash",
                         speaker_toks=name))
    return out


# --------------------------------------------------------------------------- assembly


def _token_spans(doc: Doc, idx: Iterable[int]) -> list[tuple[int, int]]:
    """Contiguous runs of tokens → character spans, trimmed of edge punctuation."""
    idx = sorted(set(idx))
    runs = []
    for i in idx:
        if runs and i == runs[-1][1] + 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    out = []
    for a, b in runs:
        while a <= b and (doc[a].is_space or (doc[a].is_punct and doc[a].text in _EDGE_PUNCT)):
            a += 1
        while b >= a and (doc[b].is_space or (doc[b].is_punct and doc[b].text in _EDGE_PUNCT or doc[b].text == ".")):
            b -= 1
        if a <= b:
            out.append((doc[a].idx, doc[b].idx + len(doc[b].text)))
    return out


def _merge(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    spans = sorted(spans)
    out: list[list[int]] = []
    for s, e in spans:
        if out and s <= out[-1][1] + 1 or out and not text[out[-1][1]:s].strip():
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _kind(spans: list[tuple[int, int]], quotes: list[tuple[int, int]], text: str) -> str:
    """direct (all words quoted), mixed (some) or indirect (none)."""
    inq = outq = 0
    for s, e in spans:
        total = sum(1 for ch in text[s:e] if ch.isalnum())
        q_in = 0
        for qs, qe in quotes:
            if qe <= s:
                continue
            if qs >= e:
                break
            a, b = max(s, qs), min(e, qe)
            q_in += sum(1 for ch in text[a:b] if ch.isalnum())
        inq += q_in
        outq += total - q_in
    if inq and not outq:
        return "direct"
    if inq and outq:
        return "mixed"
    return "indirect"


def attributions(doc: Doc, cues: Optional[Cues] = None, *, nested: bool = False) -> list[Attribution]:
    """Attributions in a parsed Doc, in document order.

    ``nested=False`` (the default) drops an attribution whose cue lies inside
    another's content ("Peskov said Rubio and Waltz said ..." gives Peskov's
    claim only); ``nested=True`` keeps both, as PolNeAR annotates them.

    >>> from graphkit.nlp import load_spacy
    >>> doc = load_spacy()("According to a senior Russian source, the plan is dead.")
    >>> [(a.speaker_text, a.speaker_type, a.text, a.cue) for a in attributions(doc)]
    [('a senior Russian source', 'ANON', 'the plan is dead', 'According to')]
    """
    cues = cues or _default_cues()
    text = doc.text
    quotes = find_quotes(text)
    # token -> quote index
    quote_of_tok: dict[int, int] = {}
    verb_lemmas = cues.any_verb
    firsts = cues.phrase_firsts
    nouns = cues.nouns
    verbs_at, phrases_at, nouns_at, colons_at = [], [], [], []
    qi, nq = 0, len(quotes)
    # one pass over the tokens: quote membership and every place a cue may start
    for t in doc:
        if nq:
            idx = t.idx
            while qi < nq and quotes[qi][1] <= idx:
                qi += 1
            if qi < nq and quotes[qi][0] <= idx:
                quote_of_tok[t.i] = qi
        pos = t.pos_
        if pos == "VERB" or pos == "AUX":
            if t.lemma_.lower() in verb_lemmas:
                verbs_at.append(t)
        elif pos == "NOUN":
            if t.lemma_.lower() in nouns:
                nouns_at.append(t)
        elif pos == "PUNCT" and t.text == ":":
            colons_at.append(t)
        if t.lower_ in firsts:
            phrases_at.append(t)
    cands: list[_Cand] = []
    for t in verbs_at:
        if t.dep_ not in ("amod", "compound"):
            c = _verb_candidate(t, cues, quote_of_tok)
            if c is not None:
                cands.append(c)
    if phrases_at:
        anchors = {c.anchor.i for c in cands}
        for c in _phrase_candidates(doc, cues, phrases_at):
            if c.frame == "phrase" and c.anchor.i in anchors:
                continue
            cands.append(c)
    if nouns_at:
        cands.extend(_noun_candidates(doc, cues, nouns_at))
    if cues.colon and colons_at:
        cands.extend(_colon_candidates(doc, colons_at))
    if quotes:
        cands.extend(_dash_candidates(doc, text, quotes))
    if not cands:
        return []
    cands.sort(key=lambda c: c.cue_toks[0].i)

    # widen to whole quotes (a quote may run over several sentences)
    for c in cands:
        qs = {quote_of_tok[i] for i in c.content if i in quote_of_tok}
        cue_q = quote_of_tok.get(c.anchor.i)
        if cue_q is not None:
            qs.discard(cue_q)
        c.quotes = qs

    # a cue inside a quotation belongs to the quoted speech, not to the article's attributions
    cands = [c for c in cands if c.anchor.i not in quote_of_tok]
    # nesting: cue inside another candidate's content
    keep = []
    for c in cands:
        inner = False
        if c.relative_head is not None and quote_of_tok.get(c.anchor.i) is None:
            # "... returned to Ukraine, which says they were annexed illegally": Ukraine's own claim, not
            # something the outer speaker reports
            keep.append(c)
            continue
        for o in cands:
            if o is c:
                continue
            if c.anchor.i in o.content and o.anchor.i not in c.content:
                inner = True
                break
            q = quote_of_tok.get(c.anchor.i)
            if q is not None and q in o.quotes:
                inner = True
                break
        if inner and not nested:
            continue
        keep.append(c)

    # drop duplicates with identical content (e.g. a phrase cue and a verb cue)
    out_drafts = []
    seen = set()
    for c in keep:
        spans = _token_spans(doc, c.content)
        spans += [quotes[q] for q in c.quotes]
        spans = _merge(spans, text)
        spans = [(s, e) for s, e in spans if text[s:e].strip(" \n\t,.;:—–-")]
        if not spans:
            continue
        k = tuple(spans)
        if k in seen:
            continue
        seen.add(k)
        out_drafts.append((c, spans))

    return _finish(doc, text, out_drafts, quotes, quote_of_tok)


# --------------------------------------------------------------------------- speakers and continuations


class _Resolver:
    """In-article resolution of speaker mentions to the fullest name."""

    def __init__(self, doc: Doc):
        self.doc = doc
        ents = _doc_ents(doc)
        self.persons = [e for e in ents if e.label_ == "PERSON"]
        # organisations and places that can speak ("the Kremlin", "Russia"); not adjectives ("European")
        self.orgs = [e for e in ents if e.label_ in ("ORG", "GPE", "NORP") and e.root.pos_ != "ADJ"]
        self.person_words = [[re.sub(r"[’']s?$", "", w).lower() for w in e.text.split()] for e in self.persons]
        self.speakers: list[tuple[int, str, Optional[tuple[int, int]], str]] = []  # (char, resolved, span, type)
        self.roles: dict[str, tuple[str, tuple[int, int]]] = {}
        self.sents = _sentences(doc)
        self.titled: list[tuple[int, str, str, tuple[int, int]]] = []  # (char, role key, name, span)
        for e in self.persons:
            # "Kremlin spokesman Dmitry Peskov": a later "the Kremlin spokesman" is him
            pre = [t for t in e.root.children if t.i < e.start and t.dep_ in ("compound", "amod", "nmod", "poss")]
            if not pre:
                continue
            lo = min(t.left_edge.i for t in pre)
            _, role, org = _split_speaker(list(doc[lo:e.end]), None)
            if role:
                name = re.sub(r"[’']s$", "", e.text)
                span = (e.start_char, e.start_char + len(name))
                self.titled.append((e.start_char, role.lower(), name, span))
                if org:
                    self.titled.append((e.start_char, f"{org.lower()} {role.lower()}", name, span))

    def by_role(self, role: str, org: Optional[str], at: int) -> Optional[tuple[str, tuple[int, int]]]:
        """The person last named with this role (and organisation) before ``at``."""
        keys = [f"{org.lower()} {role.lower()}"] if org else []
        keys.append(role.lower())
        for key in keys:
            if key in self.roles:
                return self.roles[key]
            hits = [x for x in self.titled if x[0] < at and x[1] == key]
            if hits:
                return hits[-1][2], hits[-1][3]
        return None

    def full_name(self, ent_text: str, ent_span: tuple[int, int]) -> tuple[str, tuple[int, int]]:
        words = [w for w in re.split(r"\s+", ent_text.strip()) if w]
        words = [re.sub(r"[’']s?$", "", w) for w in words]
        best = (ent_text, ent_span)
        last = words[-1].lower() if words else ""
        for e, ew in zip(self.persons, self.person_words):
            if last and last in ew and len(e.text) > len(best[0]) and all(w.lower() in ew for w in words):
                best = (re.sub(r"[’']s$", "", e.text), (e.start_char, e.start_char + len(re.sub(r"[’']s$", "", e.text))))
        return best

    def pronoun(self, low: str, at: int, content: tuple = ()) -> Optional[tuple[str, Optional[tuple[int, int]]]]:
        """Antecedent of a pronoun speaker: walking back sentence by sentence, the latest speaker of
        the right kind, else the subject named there, else the latest name. Names inside the claim's
        own content ("Russia's position could weaken, they added") are not candidates."""
        person = low in ("he", "she", "i", "him", "her")
        kinds = ("PERSON",) if person else ("ORG", "GPE", "NORP", "ANON", "NOUN")
        ents = self.persons if person else self.orgs
        sents = [s for s in self.sents if s.start_char <= at]
        for s in reversed(sents[-4:]):
            spk = [x for x in self.speakers if s.start_char <= x[0] < min(at, s.end_char) and x[3] in kinds]
            if spk:
                return spk[-1][1], spk[-1][2]
            subj = [e for e in ents if s.start_char <= e.start_char < at and e.end_char <= s.end_char
                    and e.root.dep_ in ("nsubj", "nsubjpass") and not any(a <= e.start_char < b for a, b in content)]
            if subj:
                e = subj[-1]
                return self.full_name(e.text, (e.start_char, e.end_char)) if person else (e.text, (e.start_char, e.end_char))
        before = [e for e in ents if e.end_char <= at]
        if before:
            e = before[-1]
            return self.full_name(e.text, (e.start_char, e.end_char)) if person else (e.text, (e.start_char, e.end_char))
        return None

    @staticmethod
    def _within(a: str, b: str) -> bool:
        return bool(set(a.lower().split()) & set(b.lower().split()))


def _finish(doc: Doc, text: str, drafts: list, quotes: list, quote_of_tok: dict) -> list[Attribution]:
    res = _Resolver(doc)
    out: list[Attribution] = []
    covered_sents: set[int] = set()
    last_by_sent: dict[int, Attribution] = {}
    sents = res.sents
    sent_starts = [x.start_char for x in sents]
    for c, spans in drafts:
        spk = {}
        if c.subj is not None:
            head = c.subj
            toks = c.speaker_toks or _speaker_tokens(head)
            s0, s1 = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            stype = _speaker_type(toks, head)
            appos = next((x for x in head.children if x.dep_ == "appos"), None)
            person, role, org = _split_speaker(toks, appos)
            resolved, rspan = text[s0:s1], (s0, s1)
            if c.relative_head is not None:
                rt = _speaker_tokens(c.relative_head)
                rs0, rs1 = rt[0].idx, rt[-1].idx + len(rt[-1].text)
                rtype = _speaker_type(rt, c.relative_head)
                rperson, rrole, rorg = _split_speaker(rt, next((x for x in c.relative_head.children if x.dep_ == "appos"), None))
                role, org = role or rrole, org or rorg
                if rperson is not None:
                    resolved, rspan = res.full_name(rperson.text, (rperson.start_char, rperson.end_char))
                    stype_r = "PERSON"
                else:
                    resolved, rspan, stype_r = text[rs0:rs1], (rs0, rs1), rtype
                stype = "PRON"
                rtype = stype_r
            elif stype == "PRON":
                r = res.pronoun(head.lower_, s0, tuple(spans))
                if r is not None:
                    resolved, rspan = r
                rtype = "PERSON" if head.lower_ in ("he", "she", "i") else "ORG"
            elif person is not None:
                resolved, rspan = res.full_name(person.text, (person.start_char, person.end_char))
                rtype = "PERSON"
            elif appos is not None and any(t.ent_type_ == "PERSON" for t in appos.subtree):
                pe = _ent_of(next(t for t in appos.subtree if t.ent_type_ == "PERSON"))
                if pe is not None:
                    resolved, rspan = res.full_name(pe.text, (pe.start_char, pe.end_char))
                rtype = "PERSON"
                if role is None:
                    role = " ".join(t.text for t in toks if not t.is_punct and t.ent_type_ not in ("ORG", "GPE", "NORP")
                                    and t.dep_ not in ("det", "poss", "case")) or None
                    orgw = [t for t in toks if t.ent_type_ in ("ORG", "GPE", "NORP")]
                    org = org or (doc[orgw[0].i:orgw[-1].i + 1].text if orgw else None)
            else:
                rtype = stype
                named = None
                if head.pos_ == "PROPN" and stype != "ANON":
                    # "Lavrov" after "Sergey Lavrov" (even when the NER calls the bare surname an ORG)
                    fn = res.full_name(text[s0:s1], (s0, s1))
                    if fn[0] != text[s0:s1] and len(fn[0].split()) > 1:
                        named = fn
                if named is not None:
                    resolved, rspan = named
                    rtype = "PERSON"
                elif role is not None and res.by_role(role, org, s0) is not None:
                    resolved, rspan = res.by_role(role, org, s0)
                    rtype = "PERSON"
                elif stype in ("ORG", "GPE", "NORP"):
                    # "the Kremlin" -> fullest earlier organisation name sharing the head word
                    hw = head.lower_
                    best = None
                    for e in res.orgs:
                        if e.start_char >= s1:
                            break
                        if hw in e.text.lower().split() and len(e.text) > len(resolved) and e.label_ == head.ent_type_:
                            best = e
                    if best is not None:
                        resolved, rspan = best.text, (best.start_char, best.end_char)
            resolved = re.sub(r"^(the|a|an)\s+", "", resolved, flags=re.I) if stype in ("ORG", "GPE", "NORP") else resolved
            resolved = re.sub(r"[’']s$", "", resolved)
            if role and rtype == "PERSON" and resolved:
                res.roles[role.lower()] = (resolved, rspan)
                if org:
                    res.roles[f"{org.lower()} {role.lower()}"] = (resolved, rspan)
            spk = dict(speaker_text=text[s0:s1], speaker_span=(s0, s1), speaker_type=stype,
                       resolved_text=resolved, resolved_span=rspan, role=role, organisation=org)
            if stype == "ANON" or (head.lemma_.lower() in _ANON_HEADS and toks[0].lower_ == "the" and person is None):
                # "the source" after "a senior Russian source": the same anonymous source
                if toks[0].lower_ == "the":
                    hw = head.lemma_.lower()
                    prev = next((x for x in reversed(res.speakers) if x[3] == "ANON" and hw in x[1].lower()), None)
                    if prev is not None:
                        resolved, rspan = prev[1], prev[2]
                        spk["resolved_text"], spk["resolved_span"] = resolved, rspan
                rtype = "ANON"
            res.speakers.append((s0, resolved, rspan, rtype))
        sent = c.sent
        s_lo = min(sent.start_char, spans[0][0])
        s_hi = max(sent.end_char, spans[-1][1])
        ct = sorted(c.cue_toks, key=lambda t: t.i)
        cue_s, cue_e = ct[0].idx, ct[-1].idx + len(ct[-1].text)
        a = Attribution(
            spans=spans, text=" … ".join(text[s:e] for s, e in spans), claim_kind=_kind(spans, quotes, text),
            cue=text[cue_s:cue_e], cue_span=(cue_s, cue_e), cue_lemma=c.cue_lemma, stance=c.stance,
            sentence_span=(s_lo, s_hi), **spk)
        out.append(a)
        k = max(0, bisect.bisect_right(sent_starts, s_lo) - 1)
        while k < len(sents) and sents[k].start_char < s_hi:
            if sents[k].end_char > s_lo:
                covered_sents.add(sents[k].start)
                last_by_sent[sents[k].start] = a
            k += 1
    out.extend(_continuations(text, sents, quotes, covered_sents, last_by_sent))
    out.sort(key=lambda a: (a.spans[0][0], a.cue_span or (0, 0)))
    return out


def _continuations(text: str, sents: list, quotes: list, covered: set, last_by_sent: dict) -> list[Attribution]:
    """Quote sentences with no cue right after a quoted claim keep its speaker."""
    out = []
    prev: Optional[Attribution] = None
    skip_to = -1
    for s in sents:
        if s.start_char < skip_to:
            continue
        if s.start in covered:
            a = last_by_sent.get(s.start)
            # a quote right after a claim (quoted or reported) with no cue of its own is the same speaker's
            prev = a
            continue
        st = text[s.start_char:s.end_char].strip()
        if not st:
            continue
        if prev is None:
            continue
        first = s.start_char + (len(text[s.start_char:s.end_char]) - len(text[s.start_char:s.end_char].lstrip()))
        # the sentence opens a quote, or starts inside one opened right before it (a misplaced sentence break)
        inside = [(a, b) for a, b in quotes if a <= first < b and not text[a:first].strip(" \n“\"'`")]
        if st[0] not in _OPEN + '"\'`' and not inside:
            prev = None
            continue
        # whole quotes starting in this sentence (a quote may run over several sentences)
        qs = inside + [(qs_, qe) for qs_, qe in quotes if first < qs_ < s.end_char]
        qs = [(a, b) for a, b in qs if text[a:b].strip(" \n“”\"'`")]
        if not qs:
            prev = None
            continue
        skip_to = max(b for _, b in qs)
        a = Attribution(
            spans=qs, text=" … ".join(text[x:y] for x, y in qs), claim_kind="direct", cue=prev.cue,
            cue_span=prev.cue_span, cue_lemma=prev.cue_lemma, stance=prev.stance, speaker_text=prev.speaker_text,
            speaker_span=prev.speaker_span, speaker_type=prev.speaker_type, resolved_text=prev.resolved_text,
            resolved_span=prev.resolved_span, role=prev.role, organisation=prev.organisation,
            sentence_span=(s.start_char, max(s.end_char, skip_to)), continuation=True)
        out.append(a)
        prev = a
    return out


# --------------------------------------------------------------------------- spaCy component


class AttributionComponent:
    """Pipeline component: sets ``doc._.attributions`` to :func:`attributions` (doc)."""

    def __init__(self, nlp: Language, name: str, cues_path: Optional[str] = None, nested: bool = False):
        self.name = name
        self.cues = load_cues(cues_path) if cues_path else None
        self.nested = nested
        _register_extension()

    def __call__(self, doc: Doc) -> Doc:
        # kept as plain data in user_data so Docs cross spaCy's process boundary (nlp.pipe(n_process=2))
        doc.user_data[_USER_DATA_KEY] = [a.model_dump(mode="json") for a in attributions(doc, self.cues, nested=self.nested)]
        return doc


@Language.factory("graphkit_attribution", default_config={"cues_path": None, "nested": False})
def make_attribution_component(nlp: Language, name: str, cues_path: Optional[str], nested: bool):
    """Factory of the ``graphkit_attribution`` component (see :class:`AttributionComponent`)."""
    return AttributionComponent(nlp, name, cues_path, nested)


_USER_DATA_KEY = "graphkit_attributions"


def _stored_attributions(doc: Doc) -> Optional[list[Attribution]]:
    data = doc.user_data.get(_USER_DATA_KEY)
    return None if data is None else [Attribution.model_validate(d) for d in data]


def _register_extension() -> None:
    """``doc._.attributions``: the component's Attribution records (None when it did not run)."""
    if Doc.get_extension("attributions") is None or Doc.get_extension("attributions")[2] is not _stored_attributions:
        Doc.set_extension("attributions", getter=_stored_attributions, force=True)


_register_extension()
