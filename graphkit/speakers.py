"""Speakers of attributions: the speaker phrase, its person/role/organisation, and who it is.

Given the head token of a speaker mention (the subject of "said", the object of
"according to"), :func:`speaker_fields` cuts out the mention, types it (PERSON,
ORG, GPE, NORP, ANON, PRON, NOUN), splits it into person, role and organisation
("Kremlin spokesman Dmitry Peskov" → Dmitry Peskov, spokesman, Kremlin) and
resolves it within the article: a surname or a pronoun to the fullest earlier
name, "the spokesman" to the person last named with that role, "the source" to
the earlier anonymous source. :class:`SpeakerResolver` holds that article state;
make one per Doc and pass the speakers in document order.

>>> from graphkit.nlp import load_spacy
>>> from graphkit.speakers import SpeakerResolver, speaker_fields
>>> doc = load_spacy()("Kremlin spokesman Dmitry Peskov spoke on Monday. The Kremlin spokesman said the plan was dead.")
>>> said = next(t for t in doc if t.lower_ == "said")
>>> subj = next(t for t in said.children if t.dep_ == "nsubj")
>>> f = speaker_fields(SpeakerResolver(doc), subj, None, None, [], doc.text)
>>> f["speaker_text"], f["role"], f["organisation"], f["resolved_text"]
('The Kremlin spokesman', 'spokesman', 'Kremlin', 'Dmitry Peskov')
"""

from __future__ import annotations

import re
import threading
from typing import Optional

from spacy.tokens import Doc, Span, Token

__all__ = ["SpeakerResolver", "speaker_fields"]

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
    return _ent_index(tok.doc)[1].get(tok.i)


def _ent_index(doc: Doc) -> tuple:
    """(doc, token index -> entity span, doc.ents), built once per Doc and thread."""
    idx = getattr(_LOCAL, "ents", None)
    if idx is None or idx[0] is not doc:
        ents = doc.ents
        m = {}
        for e in ents:
            for i in range(e.start, e.end):
                m[i] = e
        idx = _LOCAL.ents = (doc, m, ents)
    return idx


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



class SpeakerResolver:
    """In-article resolution of speaker mentions to the fullest name."""

    def __init__(self, doc: Doc):
        self.doc = doc
        ents = _ent_index(doc)[2]
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


def speaker_fields(res: SpeakerResolver, head: Token, speaker_toks: Optional[list], relative_head: Optional[Token],
                   spans: list, text: str) -> dict:
    """The speaker fields of an Attribution (speaker_text/span/type, resolved_text/span, role,
    organisation) for the speaker phrase headed by ``head`` (``speaker_toks`` when the phrase is
    not the head's subtree; ``relative_head`` the antecedent of "who"/"which"), resolved against
    the article through ``res``, which remembers this speaker for later pronouns and roles.
    ``spans`` is the claim's content: names inside it are no antecedents of a pronoun speaker."""
    doc = head.doc
    toks = speaker_toks or _speaker_tokens(head)
    s0, s1 = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    stype = _speaker_type(toks, head)
    appos = next((x for x in head.children if x.dep_ == "appos"), None)
    person, role, org = _split_speaker(toks, appos)
    resolved, rspan = text[s0:s1], (s0, s1)
    if relative_head is not None:
        rt = _speaker_tokens(relative_head)
        rs0, rs1 = rt[0].idx, rt[-1].idx + len(rt[-1].text)
        rtype = _speaker_type(rt, relative_head)
        rperson, rrole, rorg = _split_speaker(rt, next((x for x in relative_head.children if x.dep_ == "appos"), None))
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
    return spk
