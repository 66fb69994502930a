"""Phrase, noun and adjective frames: cues that are no verb.

- :func:`phrase_candidates`: "according to X, ..." and "in a statement, ..." (``phrases`` in
  models/cues.yaml);
- :func:`noun_candidates`: a statement noun with a that-clause ("his claim that ...", ``nouns``);
- :func:`adjective_candidates`: "was critical of ...", "is confident that ..." (``adjectives``);
- :func:`in_source_candidates`: "in a CNN poll, ..." (``sources``).

>>> from graphkit.nlp import load_spacy
>>> from graphkit.cues import default_cues
>>> doc = load_spacy()("According to a senior source, the plan is dead.")
>>> c = phrase_candidates(doc, default_cues(), [doc[0]])[0]
>>> (c.frame, c.subj.text, " ".join(doc[i].text for i in sorted(c.content)))
('according', 'source', ', the plan is dead .')
"""

from __future__ import annotations

from spacy.tokens import Doc

from .cues import ACCORDING_FRAME, ACCORDING_TO, Cues
from .frames_parse import CueCandidate, span_tokens, verb_subject


def phrase_candidates(doc: Doc, cues: Cues, starts: list) -> list[CueCandidate]:
    """"according to X, ...", "in a statement, ...": a phrase of ``phrases`` in models/cues.yaml opening at each
    token of ``starts``; the phrase's object (or, after "in a statement", the clause's subject) is the source, the
    clause it hangs on the content (the module's example; "in a statement" only where no verb cue carries it).

    >>> from graphkit.nlp import load_spacy
    >>> from graphkit.cues import default_cues
    >>> doc = load_spacy()("According to the mayor, the fares will fall.")
    >>> c = phrase_candidates(doc, default_cues(), [doc[0]])[0]
    >>> c.frame, c.subj.text, " ".join(doc[i].text for i in sorted(c.content))
    ('according', 'mayor', ', the fares will fall .')
    """
    out = []
    for t in starts:
        low = t.lower_
        for words, stance in cues.phrases.items():
            n = len(words)
            if words[0] != low or t.i + n > len(doc) or tuple(x.lower_ for x in doc[t.i:t.i + n]) != words:
                continue  # the first word compared first: no slice of the Doc for every phrase
            last = doc[t.i + n - 1]
            sent = t.sent
            phrase_idx = set(range(t.i, t.i + n))
            if words == ACCORDING_TO:
                src = next((c for c in last.children if c.dep_ == "pobj"), None)
                if src is None and last.i + 1 < sent.end:
                    src = doc[last.i + 1]
                    while src.head.i > src.i and src.head.i < sent.end and src.head.dep_ != "ROOT" and src.head.pos_ in ("PROPN", "NOUN"):
                        src = src.head
                if src is None:
                    continue
                src_idx = span_tokens(src) if src.head in (last, t) else set(range(last.i + 1, src.i + 1))
                # the clause the phrase attaches to; the sentence when it hangs off a noun
                h = t.head
                while h.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp") and h.head != h:
                    h = h.head
                if t.i > h.i and h.dep_ in ("advcl", "conj") and all(
                        doc[j].is_punct or doc[j].is_space for j in range(max(src_idx | phrase_idx) + 1, sent.end)):
                    # "A, while B, according to X.": a closing "according to" sources the whole sentence
                    while h.dep_ in ("advcl", "conj") and h.head.i < h.i:
                        h = h.head
                anchor_sub = span_tokens(h) if h.pos_ in ("VERB", "AUX") else set(range(sent.start, sent.end))
                own = span_tokens(t) | phrase_idx | src_idx
                content = {i for i in anchor_sub if i not in own}
                if not content:
                    continue
                out.append(CueCandidate(cue_toks=list(doc[t.i:t.i + n]), cue_lemma=" ".join(words), stance=stance,
                                        content=content, quotes=set(), subj=src, anchor=t, sent=sent,
                                        frame=ACCORDING_FRAME))
            else:
                # "in a statement, the Kremlin said ..." - only when no verb cue already carries it
                h = t.head
                if h.pos_ not in ("VERB", "AUX"):
                    continue
                subj, rel = verb_subject(h)
                content = span_tokens(h) - span_tokens(t) - (span_tokens(subj) if subj is not None else set()) - {h.i}
                if not content:
                    continue
                out.append(CueCandidate(cue_toks=list(doc[t.i:t.i + n]), cue_lemma=" ".join(words), stance=stance,
                                        content=content, quotes=set(), subj=subj, anchor=h, sent=sent, frame="phrase"))
    return out


def noun_candidates(doc: Doc, cues: Cues, nouns_at: list) -> list[CueCandidate]:
    """"his claim that ...": a statement noun of ``nouns`` in models/cues.yaml (each token of ``nouns_at``) with a
    clause of its own; its possessor, or the "by" / "from" phrase's object, is the source.

    >>> from graphkit.nlp import load_spacy
    >>> from graphkit.cues import default_cues
    >>> doc = load_spacy()("Lee repeated his claim that the fares will fall.")
    >>> c = noun_candidates(doc, default_cues(), [doc[3]])[0]
    >>> c.frame, c.subj.text, " ".join(doc[i].text for i in sorted(c.content))
    ('noun', 'his', 'that the fares will fall')
    """
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
        out.append(CueCandidate(cue_toks=[t], cue_lemma=t.lemma_.lower(), stance=cues.nouns[t.lemma_.lower()],
                                content=span_tokens(clause), quotes=set(), subj=src, anchor=t, sent=t.sent,
                                frame="noun"))
    return out


def adjective_candidates(doc: Doc, cues: Cues, adjs: list) -> list[CueCandidate]:
    """"Farmers have been critical of the governor's water plan", "her aides are hopeful that she will
    win": a predicate adjective of ``adjectives`` in models/cues.yaml with a clause, infinitive or
    prepositional object; the subject of its verb is the source.

    >>> from graphkit.nlp import load_spacy
    >>> from graphkit.cues import default_cues
    >>> doc = load_spacy()("Lee was critical of the new fares.")
    >>> c = adjective_candidates(doc, default_cues(), [doc[2]])[0]
    >>> c.frame, c.subj.text, " ".join(doc[i].text for i in sorted(c.content))
    ('adjective', 'Lee', 'the new fares')
    """
    out = []
    for a in adjs:
        v = a.head
        if a.dep_ != "acomp" or v.lemma_ not in ("be", "become", "remain", "seem", "appear", "feel", "sound"):
            continue
        subj, rel = verb_subject(v)
        if subj is None or subj.i > a.i:
            continue
        content: set = set()
        cue_toks = [a]
        for c in a.children:
            if c.i < a.i:
                continue
            if c.dep_ in ("ccomp", "xcomp"):
                content = span_tokens(c)
                break
            if c.dep_ == "prep" and c.lower_ in ("of", "about", "with", "to", "on", "in", "over", "that"):
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if objs:
                    content = set().union(*(span_tokens(g) for g in objs))
                    cue_toks = [a, c]
                    break
        content = {i for i in content if not doc[i].is_space}
        if not content:
            continue
        lemma = a.lemma_.lower()
        out.append(CueCandidate(cue_toks=cue_toks, cue_lemma=lemma, stance=cues.adjectives[lemma], content=content,
                                quotes=set(), subj=subj, anchor=a, relative_head=rel, sent=a.sent, frame="adjective"))
    return out


def in_source_candidates(doc: Doc, cues: Cues, ins: list) -> list[CueCandidate]:
    """"In a Gallup poll released Tuesday, the senator held a 9-point edge": the document after "in" is the source
    of the clause it hangs on (``sources`` in models/cues.yaml: polls, surveys, reports, letters ...); not when that
    clause's verb is a cue with a subject of its own ("In the letter, the senators accused ...": the senators speak).

    >>> from graphkit.nlp import load_spacy
    >>> from graphkit.cues import default_cues
    >>> doc = load_spacy()("In a new poll, the senator held a narrow lead.")
    >>> c = in_source_candidates(doc, default_cues(), [doc[0]])[0]
    >>> c.frame, c.subj.text, " ".join(doc[i].text for i in sorted(c.content))
    ('in_source', 'poll', 'the senator held a narrow lead')
    """
    out = []
    for t in ins:
        src = next((c for c in t.children if c.dep_ == "pobj"), None)
        h = t.head
        while h.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and h.dep_ in ("dobj", "pobj", "prep", "attr", "npadvmod") \
                and h.head != h:
            h = h.head  # "the senator has a narrow edge in the polls", "among voters in a CNN poll"
        if src is None or src.lemma_.lower() not in cues.sources or h.pos_ not in ("VERB", "AUX"):
            continue
        if h.lemma_.lower() in cues.any_verb and verb_subject(h)[0] is not None:
            continue  # "In the letter, the senators accused ...": the senators speak, the letter is the medium
        own = span_tokens(t)
        content = {i for i in span_tokens(h) if i not in own and not doc[i].is_space}
        while content and doc[min(content)].is_punct:
            content.discard(min(content))
        while content and doc[max(content)].is_punct:
            content.discard(max(content))
        if len(content) < 3:
            continue
        out.append(CueCandidate(cue_toks=[t], cue_lemma=f"in {src.lemma_.lower()}",
                                stance=cues.sources[src.lemma_.lower()], content=content, quotes=set(), subj=src,
                                anchor=t, sent=t.sent, frame="in_source"))
    return out
