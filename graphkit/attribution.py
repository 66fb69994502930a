"""Who said what: quotes and reported speech → speaker, cue and content spans.

Rules over spaCy's dependency parse (``en_core_web_sm``: tagger, parser,
lemmatizer, ner), driven by the cue lexicon in ``models/cues.yaml``
(:mod:`graphkit.cues`). The frames that find cue, content and speaker head are
the ``graphkit.frames_*`` modules (indexed in :mod:`graphkit.frames`); this module assembles their
candidates into records; quotation pairing is :mod:`graphkit.quotes`, speaker splitting and resolution
:mod:`graphkit.speakers`. One plain function, :func:`attributions`, reads a parsed ``Doc`` and returns
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
   quote ends at its paragraph's end, as in multi-paragraph news quotes:
   :func:`graphkit.quotes.find_quotes`);
2. each token whose lemma is a cue yields a candidate; its content is found by
   the frame the cue takes (clause, object, to-infinitive, prepositional object,
   "according to X", colon), then widened to whole quotes;
3. the source is the cue's subject (the agent of a passive, the subject of the
   governing verb for "..., adding that", the antecedent of "which"/"who");
4. the speaker phrase is split into person, role and organisation and resolved
   to the fullest in-article name (pronouns to the last fitting speaker or name:
   :func:`graphkit.speakers.speaker_fields`);
5. quote sentences with no cue right after a quoted claim become continuations.
"""

from __future__ import annotations

import bisect
from typing import Iterable, NamedTuple, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from .cues import ACCORDING_FRAME, Cues, default_cues, load_cues
from .doc_entities import join_quoted_nicknames
from .quotes import CLOSING_TOKENS, OPEN_QUOTES, QUOTE_MARKS, claim_kind, find_quotes, quote_after_colon
from .records import Attribution
from .segments import NOT_RUNNING_TEXT, segment_kind_at, segments
from .speakers import SpeakerResolver, speaker_fields

#: the component's API. Public beside it and not listed: the steps of `attributions` bench/found_cues.py runs
#: apart (`cue_sites`, `frame_candidates`, `rule_positions`, `rule_overlaps`), which change with it.
__all__ = ["attributions", "make_attribution_component", "AttributionComponent"]

#: what becomes of a negated or refused cue ("did not say", "declined to comment"): "keep" gives the
#: attribution stance ``declined``; "drop" removes it. Chosen by 5-fold CV on PolNeAR train+dev.
DECLINED = "keep"


from .cue_tagger import tagged_candidates
from .doc_reading import doc_text, sentences_indexed
from .errors import GraphkitError
from .frames_nominal import adjective_candidates, in_source_candidates, noun_candidates, phrase_candidates
from .frames_parse import EDGE_PUNCT, CueCandidate, has_modal, sentence_adverbial
from .frames_quote import VERDICT_NOUNS, colon_candidates, dash_candidates, verb_colon_candidates, verdict_candidates
from .frames_verb import VERB_FRAMES, declined_cue, verb_candidate
from .frames_verb_clause import STATEMENT_NOUNS, says_it
from .frames_headline import headline_run_on, headline_verb_candidates

#: Frames that are not a verb's: each a function of a ``graphkit.frames_*`` module over the whole Doc.
OTHER_FRAMES = ("according_to", "phrase", "noun_clause", "name_colon", "adjective", "in_source", "verdict", "dash",
                "headline", "verb_colon")
#: Every frame name ``attributions(doc, without=...)`` and ``eval_attribution.py --without`` accept, in order.
FRAMES = tuple(VERB_FRAMES) + OTHER_FRAMES


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
        while a <= b and (doc[a].is_space or (doc[a].is_punct and doc[a].text in EDGE_PUNCT)):
            a += 1
        while b >= a and (doc[b].is_space or (doc[b].is_punct and doc[b].text in EDGE_PUNCT or doc[b].text == ".")
                          or doc[b].dep_ == "cc"):  # "the talks were useful and | warned that ...": not the "and"
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



def _reported_speech(c: CueCandidate, cues: Cues) -> bool:
    """An inner attribution kept by ``nested="reported"``: a speech verb with a clause, quote or colon and a
    named (not pronoun) speaker of its own: "Reuters reported that Putin said ...", not "he said he wants"; or a
    participle of a person named ("a video showing Putin at a command post saying ..."), not of a thing ("a
    video showing ...")."""
    if c.frame == "participle":
        return c.cue_lemma in cues.verbs and c.subj is not None and c.subj.ent_type_ == "PERSON"
    return (c.cue_lemma in cues.verbs and c.frame in ("clause", "around", "colon") and c.subj is not None
            and c.subj.pos_ != "PRON" and not has_modal(c.anchor))  # "... would insist": not something said


def _shown_speech(outer: CueCandidate, inner: CueCandidate, cues: Cues) -> bool:
    """An act that carries someone's speech ("released a video showing Putin saying ...", "published a letter
    in which X said ..."): the outer cue's object frame only reports (stance ``report``: show, release,
    publish); the speech inside is the claim, and the act is not one."""
    return SHOWN_SPEECH and outer.frame == "object" and outer.stance == "report" and _reported_speech(inner, cues)


def _relayed_speech(outer: CueCandidate, inner: CueCandidate, cues: Cues) -> bool:
    """A source that only relays someone's words ("“...,” Sanders said, according to CNN"; "According to pool
    reports, Obama said ..."): the outer cue is "according to", its content is the inner speech act whole (every
    word of it under the inner cue's verb) and the inner is reported speech with a named speaker
    (:func:`_reported_speech`: with a pronoun it stays the relay's claim, as PolNeAR annotates it) that says
    something, not one spoken to ("his salespersons were told") nor what someone thinks ("According to their friends, the Clintons have worried ...": the friends' account). The speech is the claim, the relay its reporter; an outer content that says more
    than the speech ("According to the summary, Mills sent an email, and Clinton told investigators ...") stays
    the relay's claim."""
    if not (RELAYED_SPEECH and outer.frame == ACCORDING_FRAME and _reported_speech(inner, cues)
            and inner.subj.dep_ != "nsubjpass" and inner.stance != "believe"):
        return False  # "his salespersons were told ...": no speakers; "the Clintons have worried": the relay's account
    under = {t.i for t in inner.anchor.subtree} | inner.content
    doc = inner.anchor.doc
    return all(i in under or doc[i].is_punct or doc[i].is_space for i in outer.content)


def _without_adverbials(cands: list, verbs: list) -> list:
    """The candidates but those whose cue is a sentence adverbial ("That said, ...", "Having said that, ...":
    :func:`graphkit.frames_parse.sentence_adverbial`), the rules' and the tagger's alike, and with the adverbial's words
    out of every other content ("That said, she also noted, “...”" is her quote alone). A cue after an adverbial
    inside a sentence says nothing of the words before it ("He leads in Iowa — having said that, Mr Cable said
    taxes would rise": not "He leads in Iowa")."""
    spans = [r for r in map(sentence_adverbial, verbs) if r is not None]
    if not spans:
        return cands
    gone = set().union(*spans)
    out = [c for c in cands if c.anchor.i not in gone]
    doc = verbs[0].doc
    for c in out:
        c.content -= gone
        for r in spans:
            first = doc[r.start].sent.start
            if c.anchor.i >= r.stop and c.anchor.sent.start == first:
                c.content -= set(range(first, r.start))
    return [c for c in out if c.content]


def _relay_of(c: CueCandidate, cands: list, cues: Cues) -> Optional[tuple[CueCandidate, set]]:
    """The "according to" that relays c's speech when each holds the other ("Mr Blair told MPs the war had been
    right, according to the BBC": the relay's content holds the verb, the verb's content runs on to the closing
    phrase) and c's content without the phrase (it says who reports the speech, not what was said), else None.
    Nothing is changed: the caller gives c the content when it keeps c as the relayed speech."""
    for o in cands:
        if o is not c and c.anchor.i in o.content and o.anchor.i in c.content and _relayed_speech(o, c, cues):
            return o, c.content - {t.i for t in o.anchor.subtree}
    return None


#: measured by 5-fold CV on PolNeAR train+dev (bench/README.md)
SHOWN_SPEECH = True
#: "..., X said, according to Y" is X's claim reported by Y (issue 12; 5-fold CV in bench/README.md)
RELAYED_SPEECH = True
#: the relay ("according to Y") stays a candidate beside the speech it relays, and stands in for it where the
#: re-scorer drops the speech; where the speech is kept, the relay gives way to it
#: (:func:`graphkit.confidence.relays_give_way`) and the speech stays X's claim reported by Y (−104: 5-fold CV on
#: PolNeAR train+dev, bench/README.md issue 13 fiftieth part: 38 relay pairs, 24 relays' claims right and 2 wrong
#: where the speech was dropped before, none made where it is kept)
RELAY_STANDS_IN = True
#: the learned cue tagger (graphkit.cue_tagger) proposes candidates beside the rules (5-fold CV, bench/README.md)
LEARNED = True
#: the "headline" frame: a headline or deck holds its own claim ("Union leader says mayor will win", "Lavrov: Europe
#: ..."), under three guards (:func:`_headline_claim`). Off from -17 to -77 (issue #12: a headline is the desk's
#: summary of what the body reports, its speaker often a bare surname); PolNeAR annotates such claims, and a headline's
#: surname is the full name the article gives (speakers); on since -78: +0.71 / +0.23 paired by fold in 5-fold CV
#: against -75 (bench/README.md, issue 13's thirty-sixth part). ``eval_attribution.py --headlines`` measures it.
HEADLINES = True
#: a headline or deck claim's content stays in its line and runs on to the end of it, up to another claim's cue in it
#: (:func:`graphkit.frames_headline.headline_run_on`: the parser cuts a title-case line short, or reads on into the
#: next paragraph)
HEADLINE_RUN_ON = True


def attributions(doc: Doc, cues: Optional[Cues] = None, *, nested: Union[bool, str] = False,
                 without: Iterable[str] = (), declined: str = DECLINED, tagger: Union[None, bool, dict] = None,
                 tagger_threshold: Optional[float] = None) -> list[Attribution]:
    """Attributions in a parsed Doc, in document order.

    ``nested=False`` (the default) drops an attribution whose cue lies inside
    another's content ("Peskov said Rubio and Waltz said ..." gives Peskov's
    claim only); ``nested=True`` keeps both, as PolNeAR annotates them, the inner one
    naming the outer speaker in ``reported_by`` / ``reported_by_span``; ``nested="reported"``
    keeps only inner speech with a named speaker of its own (:func:`_reported_speech`). Both
    cost a little on PolNeAR (5-fold CV, bench/README.md), hence off by default.
    ``without``: frame names (:data:`FRAMES`) to switch off.
    ``tagger``: the learned cue tagger (:mod:`graphkit.cue_tagger`) adds candidates where the rules found
    none — ``None`` (default) uses the shipped model when :data:`LEARNED` is on, ``False`` gives the rules
    alone, a model dict that model; ``tagger_threshold`` overrides the model's threshold. Its candidates
    carry ``cue_score``; the re-scorer (:mod:`graphkit.confidence`) decides which are kept.

    >>> from graphkit.nlp import load_spacy
    >>> doc = load_spacy()("According to a senior Russian source, the plan is dead.")
    >>> [(a.speaker_text, a.speaker_type, a.text, a.cue) for a in attributions(doc)]
    [('a senior Russian source', 'ANON', 'the plan is dead', 'According to')]
    """
    join_quoted_nicknames(doc)  # 'Marine John “Tig' + '” Tiegen' is one person's name (graphkit.doc_entities)
    with sentences_indexed(doc):  # the frames and speakers ask token.sent ~100 times an article
        return _attributions(doc, cues, nested=nested, without=without, declined=declined, tagger=tagger,
                             tagger_threshold=tagger_threshold)


def _attributions(doc: Doc, cues: Optional[Cues], *, nested: Union[bool, str], without: Iterable[str],
                  declined: str, tagger: Union[None, bool, dict], tagger_threshold: Optional[float]
                  ) -> list[Attribution]:
    """`attributions`, with ``token.sent`` looked up (`doc_reading.sentences_indexed`). The data flow: the places a
    cue may start (`cue_sites`, one pass over the tokens), each frame's candidates there (`frame_candidates`), the
    declined ones, whole quotes, running text and nesting, one draft per content (`_drafts`), the records
    (`_finish`)."""
    cues = cues or default_cues()
    skip = frozenset(without)
    if skip - set(FRAMES):
        raise GraphkitError(f"unknown attribution frame(s) {', '.join(sorted(skip - set(FRAMES)))}; "
                            f"choose among {', '.join(FRAMES)}")
    text = doc_text(doc)  # Doc.text is rebuilt from every token on each read: once per Doc, for every stage
    quotes = find_quotes(text)
    sites = cue_sites(doc, cues, quotes)
    quote_of_tok = sites.quote_of_tok
    segs = segments(text, doc.user_data.get("title"))
    headlines = HEADLINES and "headline" not in skip
    heads = [s for s in segs if s.kind in HEADLINE_KINDS] if headlines else []
    cands = frame_candidates(doc, text, quotes, cues, sites, skip, tagger, tagger_threshold, heads)
    cands = _without_adverbials(cands, sites.verbs_at)
    if declined == "drop":
        cands = [c for c in cands if not c.declined]
    else:
        for c in cands:
            if c.declined:
                c.stance = "declined"
    if not cands:
        return []
    cands.sort(key=lambda c: c.cue_toks[0].i)

    for c in cands:
        c.quotes = _whole_quotes(c, quote_of_tok)  # a quote may run over several sentences

    # a cue inside a quotation belongs to the quoted speech, not to the article's attributions
    cands = [c for c in cands if c.anchor.i not in quote_of_tok]
    # a byline, dateline, subhead or caption holds no claim (graphkit.segments); a headline or deck neither, unless
    # the "headline" frame is on (HEADLINES)
    cands = _in_running_text(segs, cands, headlines=headlines)
    if heads and HEADLINE_RUN_ON:
        for c in headline_run_on(doc, cands, heads):
            c.quotes = _whole_quotes(c, quote_of_tok)
    keep = _unnested(cands, cues, quote_of_tok, nested)
    return _finish(doc, text, _drafts(doc, text, quotes, keep), quotes, quote_of_tok)


def _whole_quotes(c: CueCandidate, quote_of_tok: dict) -> set:
    """The quotations (indexes into the Doc's quote list) candidate ``c``'s content touches, but the one its cue
    stands in: its content takes them whole."""
    qs = {quote_of_tok[i] for i in c.content if i in quote_of_tok}
    qs.discard(quote_of_tok.get(c.anchor.i))
    return qs


class _CueSites(NamedTuple):
    """Where a cue may start in a Doc, by kind (`cue_sites`), and each token's quotation."""

    quote_of_tok: dict[int, int]  # token index -> the index of the quotation (`find_quotes`) it stands in
    verbs_at: list
    phrases_at: list
    nouns_at: list
    colons_at: list
    verdicts_at: list
    ins_at: list
    adjs_at: list


def cue_sites(doc: Doc, cues: Cues, quotes: list) -> _CueSites:
    """One pass over the tokens: the quotation each stands in and every place a cue may start (a lexicon verb, a
    phrase's first word, a statement noun, an adjective, a colon, a verdict noun, "in" before a source); a statement
    noun's verb before a colon joins the verbs ("set out his terms for peace:").

    >>> from graphkit.doc_reading import parsed_as_written
    >>> doc = parsed_as_written("Ann Lee said the plan failed.", pos="PROPN PROPN VERB DET NOUN VERB PUNCT",
    ...                         lemmas="Ann Lee say the plan fail .")
    >>> sites = cue_sites(doc, default_cues(), find_quotes(doc.text))
    >>> [t.text for t in sites.verbs_at], sites.colons_at, sites.quote_of_tok
    (['said'], [], {})
    """
    quote_of_tok: dict[int, int] = {}
    verb_lemmas = cues.any_verb
    firsts = cues.phrase_firsts
    nouns = cues.nouns
    doc_sources = cues.sources
    adjectives = cues.adjectives
    verbs_at, phrases_at, nouns_at, colons_at, verdicts_at, ins_at, adjs_at = [], [], [], [], [], [], []
    qi, nq = 0, len(quotes)
    for t in doc:
        if nq:
            idx = t.idx
            while qi < nq and quotes[qi][1] <= idx:
                qi += 1
            if qi < nq and quotes[qi][0] <= idx:
                quote_of_tok[t.i] = qi
        pos = t.pos_
        if pos == "VERB" or pos == "AUX":
            if t.lemma_.lower() in verb_lemmas or says_it(t, cues):
                verbs_at.append(t)
        elif pos == "NOUN":
            if t.lemma_.lower() in nouns:
                nouns_at.append(t)
            if t.dep_ in ("attr", "nsubj") and t.lemma_.lower() in VERDICT_NOUNS:
                verdicts_at.append(t)
        elif pos == "ADJ" and adjectives and t.dep_ == "acomp":
            if t.lemma_.lower() in adjectives:
                adjs_at.append(t)
        elif pos == "PUNCT" and t.text == ":":
            colons_at.append(t)
        low = t.lower_  # one string per token: this loop runs over every token of the corpus
        if low in firsts:
            phrases_at.append(t)
        if low == "in" and doc_sources and t.dep_ == "prep":
            ins_at.append(t)
    for colon in colons_at:  # "set out his terms for peace:" - a statement noun's verb need not be a cue
        if colon.i == 0:
            continue
        for tok in [doc[colon.i - 1], *doc[colon.i - 1].ancestors]:
            if tok.dep_ == "dobj" and tok.lemma_.lower() in STATEMENT_NOUNS and tok.right_edge.i == colon.i - 1:
                if tok.head.pos_ == "VERB" and tok.head not in verbs_at:
                    verbs_at.append(tok.head)
                break
    return _CueSites(quote_of_tok, verbs_at, phrases_at, nouns_at, colons_at, verdicts_at, ins_at, adjs_at)


def frame_candidates(doc: Doc, text: str, quotes: list, cues: Cues, sites: _CueSites, skip: frozenset,
                     tagger: Union[None, bool, dict], tagger_threshold: Optional[float], heads: list = ()
                     ) -> list["CueCandidate"]:
    """Every frame's candidates at the ``sites`` (those of ``skip`` left out), then the learned tagger's beside them
    (`LEARNED` unless ``tagger`` says); ``heads``, the headline and deck segments when the "headline" frame is on,
    for what title case hides there (:mod:`graphkit.frames_headline`).

    >>> from graphkit.doc_reading import parsed_as_written
    >>> doc = parsed_as_written("Ann Lee said the plan failed.", pos="PROPN PROPN VERB DET NOUN VERB PUNCT",
    ...                         lemmas="Ann Lee say the plan fail .", deps="compound nsubj ROOT det nsubj ccomp punct",
    ...                         heads="1 2 2 4 5 2 2")
    >>> cues = default_cues()
    >>> cands = frame_candidates(doc, doc.text, [], cues, cue_sites(doc, cues, []), frozenset(), False, None)
    >>> [(c.frame, c.subj.text, " ".join(doc[i].text for i in sorted(c.content))) for c in cands]
    [('clause', 'Lee', 'the plan failed')]
    """
    quote_of_tok, verbs_at, phrases_at, nouns_at, colons_at, verdicts_at, ins_at, adjs_at = sites
    cands: list[CueCandidate] = []
    for t in verbs_at:
        if t.dep_ not in ("amod", "compound"):
            c = verb_candidate(t, cues, quote_of_tok, skip)
            if c is not None:
                cands.append(c)
    if phrases_at and not {"according_to", "phrase"} <= skip:
        anchors = {c.anchor.i for c in cands}
        for c in phrase_candidates(doc, cues, phrases_at):
            if c.frame == "phrase" and (c.anchor.i in anchors or "phrase" in skip):
                continue
            if c.frame == ACCORDING_FRAME and "according_to" in skip:
                continue
            cands.append(c)
    if nouns_at and "noun_clause" not in skip:
        cands.extend(noun_candidates(doc, cues, nouns_at))
    if cues.colon and colons_at and "name_colon" not in skip:
        cands.extend(colon_candidates(doc, colons_at, heads))
    if heads:
        cands.extend(headline_verb_candidates(doc, cues, heads))
    if colons_at and quote_of_tok and "verb_colon" not in skip:
        cands.extend(verb_colon_candidates(doc, colons_at, quote_of_tok, cues.any_verb))
    if adjs_at and "adjective" not in skip:
        cands.extend(adjective_candidates(doc, cues, adjs_at))
    if ins_at and "in_source" not in skip:
        cands.extend(in_source_candidates(doc, cues, ins_at))
    if verdicts_at and quote_of_tok and "verdict" not in skip:
        cands.extend(verdict_candidates(doc, verdicts_at, quote_of_tok))
    if quotes and "dash" not in skip:
        cands.extend(dash_candidates(doc, text, quotes))
    if tagger is None:
        tagger = LEARNED
    if tagger is not False:
        cands.extend(_learned(doc, cues, cands, None if tagger is True else tagger, tagger_threshold))
    return cands


#: a content that stops at a colon before a quotation runs on into it (quotes.quote_after_colon; 5-fold CV,
#: bench/README.md issue 13 thirty-first part measured it, thirty-second shipped it)
QUOTE_AFTER_COLON = True


def _drafts(doc: Doc, text: str, quotes: list, keep: list["CueCandidate"]) -> list[tuple]:
    """(candidate, content spans) of each kept candidate, its tokens and whole quotes merged; one per content (a
    phrase cue and a verb cue may find the same), none with no words."""
    out_drafts = []
    seen = set()
    for c in keep:
        spans = _token_spans(doc, c.content)
        spans += [quotes[q] for q in c.quotes]
        spans = _merge(spans, text)
        spans = [(s, e) for s, e in spans if text[s:e].strip(" \n\t,.;:—–-")]
        if not spans:
            continue
        more = quote_after_colon(text, spans[-1][1], quotes) if QUOTE_AFTER_COLON else None
        if more is not None:
            spans = spans + [more]  # "hinted the judge was biased: “He is against us.”": the colon's quotation
        k = tuple(spans)
        if k in seen:
            continue
        seen.add(k)
        out_drafts.append((c, spans))
    return out_drafts


#: a cue that is the to-infinitive of another cue with the same subject ("continues to demand that ...") stays a
#: candidate beside the outer one, and the re-scorer's more confident of the two is kept
#: (graphkit.confidence.nested_give_way; 5-fold CV, bench/README.md, issue 13)
INFINITIVE_COMPETES = True


def _own_infinitive(c: CueCandidate, outer: CueCandidate) -> bool:
    """Is c's cue the to-infinitive of ``outer``'s cue, spoken by the same subject ("Russia continues to demand
    that Ukraine ...": "demand" is Russia's as "continues" is)? Not an object's infinitive ("urged Kyiv to
    accept": Kyiv does not speak)."""
    v = c.anchor
    return (v.dep_ == "xcomp" and v.head == outer.anchor and c.subj is not None and outer.subj is not None
            and c.subj.i == outer.subj.i
            and not any(o.dep_ in ("dobj", "dative") for o in outer.anchor.children))


#: a speech verb's participle set off by a comma inside another cue's content ("said A, adding that B") is the outer
#: speaker's second claim, cut from the first one's content (5-fold CV, bench/README.md, issue 13)
SECOND_CLAIM = True

_SET_OFF = frozenset({",", ";", "—", "–", "--"})  # what sets a participle's clause off from the claim before it


def _second_claim(c: CueCandidate, outer: CueCandidate, cues: Cues) -> bool:
    """Is c, whose cue stands inside ``outer``'s content, outer's speaker's second claim: the participle of a speech
    verb (``VBG``, a clause, conjunct or complement of a word there) set off by a comma after outer's cue ("said the
    plan was dead, adding that ...", "insisted that he had “won,” claiming that ...", "said ..., while noting that
    ...")? Not "said officials kept insisting that ..." (no comma: the officials insist) nor "said the report,
    claiming that ..., was wrong" (a participle of a noun: the report claims)."""
    v = c.anchor
    if c.cue_lemma not in cues.verbs or v.tag_ != "VBG" or v.dep_ not in ("advcl", "conj", "xcomp"):
        return False
    j = v.left_edge.i - 1
    if j > 0 and v.doc[j].text in CLOSING_TOKENS:
        j -= 1  # ',” claiming': the comma inside the quotation
    return j > outer.anchor.i and v.doc[j].text in _SET_OFF


def _split_off(c: CueCandidate, outer: CueCandidate) -> None:
    """Make c (:func:`_second_claim`) a claim of its own: its clause leaves ``outer``'s content (the comma left
    before it is trimmed with the content's edges), and c speaks for outer's speaker."""
    outer.content -= {t.i for t in c.anchor.subtree}
    c.subj, c.speaker_toks, c.relative_head = outer.subj, outer.speaker_toks, outer.relative_head


def _outer_of(c: CueCandidate, cands: list, quote_of_tok: dict) -> Optional[CueCandidate]:
    """The first candidate whose content holds c's cue (and not the other way round) or whose quotes hold the
    quote c's cue stands in, else None."""
    q = quote_of_tok.get(c.anchor.i)
    for o in cands:
        if o is c or o.frame == "in_source":
            continue
        if c.anchor.i in o.content and o.anchor.i not in c.content:
            return o
        if q is not None and q in o.quotes:
            return o
    return None


def _unnested(cands: list, cues: Cues, quote_of_tok: dict, nested: Union[bool, str]) -> list:
    """The candidates kept after nesting: a cue inside another candidate's content is that candidate's
    content ("Peskov said Rubio said ..."), dropped unless ``nested`` keeps it (then ``c.outer`` names the
    outer one); a relative clause's own claim stays ("Ukraine, which says ..."), and so does the to-infinitive of a
    cue with the same subject (:func:`_own_infinitive`: the re-scorer's more confident of the pair is kept), and a
    participle of the same speaker set off by a comma is a claim of its own, cut from the outer content
    (:func:`_second_claim`: "said A, adding that B"); an act
    that only shows speech gives way to the speech ("released a video showing Putin saying ...": Putin's claim, not
    the release); a relay that only relays a speech ("..., Putin said, according to Reuters") stays beside it
    (:data:`RELAY_STANDS_IN`), for the re-scorer's choice (:func:`graphkit.confidence.relays_give_way`)."""
    keep = []
    acts: set = set()
    for c in cands:
        if c.frame == "in_source" and any(o is not c and o.anchor.i in c.content for o in cands):
            continue  # "Six in 10 say ..., after a third said so in the spring survey": the cues inside speak
        content = None  # c's content without the relay's phrase, when an "according to" relays it
        if c.relative_head is not None and quote_of_tok.get(c.anchor.i) is None:
            inner = None  # "... returned to Ukraine, which says they were annexed illegally": Ukraine's own claim
        else:
            inner = _outer_of(c, cands, quote_of_tok)
            if inner is None:
                inner, content = _relay_of(c, cands, cues) or (None, None)
        if inner is not None and INFINITIVE_COMPETES and _own_infinitive(c, inner):
            inner = None  # "Russia continues to demand that ...": both claims are Russia's; the more confident stays
        if inner is not None and SECOND_CLAIM and _second_claim(c, inner, cues):
            _split_off(c, inner)  # "X said A, adding that B": two claims of X
            inner = None
        if inner is not None:
            shown = _shown_speech(inner, c, cues)
            if shown or _relayed_speech(inner, c, cues):
                if shown or not RELAY_STANDS_IN:
                    acts.add(id(inner))  # the act is no claim; a relay stays, to stand in if the speech is dropped
                if content is not None:
                    c.content = content
            elif not nested or (nested == "reported" and not _reported_speech(c, cues)):
                continue
            c.outer = inner  # "Reuters reported that Putin said ...": Putin's claim, reported by Reuters
        keep.append(c)
    return [c for c in keep if id(c) not in acts] if acts else keep


#: why a candidate of the cue tagger gives way to the rules' candidates, in the order :func:`rule_overlaps` tests
RULE_OVERLAPS = ("rule_cue", "inside_rule_content", "rule_cue_inside", "half_ruled")


def rule_positions(cands: list) -> tuple[frozenset, set]:
    """(the token indices of the rules' cues and anchors, the token indices of their contents) of the rule
    candidates ``cands``: what :func:`rule_overlaps` compares a cue-tagger candidate with."""
    taken = frozenset(t.i for c in cands for t in c.cue_toks) | {c.anchor.i for c in cands}
    ruled = set().union(*(c.content for c in cands)) if cands else set()
    return taken, ruled


def rule_overlaps(cue: int, content: set, taken, ruled) -> list[str]:
    """The ways (:data:`RULE_OVERLAPS`, in order) a cue-tagger candidate with cue head ``cue`` and content
    ``content`` overlaps the rules' candidates (``taken``: their cue positions, ``ruled``: their content positions,
    :func:`rule_positions`): its cue a rule's cue, its cue inside a rule's content, a rule's cue inside its content,
    over half of its content a rule's. Any one keeps it out (:func:`_learned`). Positions may be token indices or
    character offsets, the same in all four arguments (``bench/rescorer_cv.overlap_features`` reads characters).

    >>> rule_overlaps(3, {4, 5, 6}, frozenset({1}), {5, 6, 9})
    ['half_ruled']
    >>> rule_overlaps(9, {10, 11}, frozenset({1, 11}), {5, 6, 9})
    ['inside_rule_content', 'rule_cue_inside']
    """
    out = []
    if cue in taken:
        out.append("rule_cue")
    if cue in ruled:
        out.append("inside_rule_content")
    if not taken.isdisjoint(content):
        out.append("rule_cue_inside")
    if len(content & ruled) > len(content) / 2:
        out.append("half_ruled")
    return out


def _learned(doc: Doc, cues: Cues, cands: list, model: Optional[dict], threshold: Optional[float]) -> list:
    """The cue tagger's candidates that do not overlap the rules' ones (:func:`rule_overlaps`): no rule cue inside
    their content or holding their cue, and at most half of their content inside a rule candidate's content."""
    taken, ruled = rule_positions(cands)
    out = []
    for c in tagged_candidates(doc, model, threshold=threshold, taken=taken, cues=cues):
        if rule_overlaps(c.anchor.i, c.content, taken, ruled):
            continue
        c.declined = declined_cue(c.anchor, cues)
        out.append(c)
    return out


#: segments whose claims the "headline" frame keeps ("Union leader says mayor will win"): a headline or a deck says
#: who said what as running text does (segment breaks keep it from fusing with the lead); bylines, datelines,
#: captions and credits never do, and a subhead is a section's label (5-fold CV, bench/README.md)
HEADLINE_KINDS = frozenset({"headline", "standfirst"})


def _in_running_text(segs: list, cands: list, headlines: bool = False) -> list:
    """Candidates whose cue stands in running text, not in a headline, byline, dateline, subhead or caption
    (``headlines``: in a headline or standfirst too, :data:`HEADLINE_KINDS`, the "headline" frame); ``segs``, the
    article's segments (:func:`graphkit.segments.segments`: the metadata title, when the caller set
    ``doc.user_data["title"]``, finds a headline that ends with a full stop, "Mayor Defends Herself Against Claims
    She Inflated Her Budget Record.").
    """
    if not cands:
        return cands
    if all(s.kind not in NOT_RUNNING_TEXT for s in segs):
        return cands
    out = []
    for c in cands:
        kind = segment_kind_at(segs, c.anchor.idx)
        if kind not in NOT_RUNNING_TEXT or headlines and kind in HEADLINE_KINDS and _headline_claim(c):
            out.append(c)
    return out


#: a relative or interrogative pronoun as a speaker: in a headline it has no antecedent the headline's words make sure
#: of ("... Backs Aide Who Quit Over ...")
_RELATIVE_SPEAKERS = frozenset({"who", "which", "that", "what", "whom"})


def _headline_claim(c) -> bool:
    """May candidate ``c`` be a headline's or deck's claim: one of the rules' (the cue tagger learned its cues from
    running text; a headline's acts, "X hires ...", are no speech), its speaker no relative pronoun, its cue no
    past participle without an auxiliary (a headline's passive: "Agency Accused Of Hiding ..." is none of the agency's)?

    >>> from types import SimpleNamespace as NS
    >>> says = NS(tag_="VBZ", children=[])
    >>> said = NS(score=None, subj=NS(lower_="trump"), anchor=says)
    >>> [_headline_claim(said), _headline_claim(NS(score=0.7, subj=said.subj, anchor=says)),
    ...  _headline_claim(NS(score=None, subj=NS(lower_="who"), anchor=says)),
    ...  _headline_claim(NS(score=None, subj=said.subj, anchor=NS(tag_="VBN", children=[])))]
    [True, False, False, False]
    """
    passive = c.anchor.tag_ == "VBN" and not any(k.dep_ in ("aux", "auxpass") for k in c.anchor.children)
    return c.score is None and (c.subj is None or c.subj.lower_ not in _RELATIVE_SPEAKERS) and not passive


# --------------------------------------------------------------------------- finishing: speakers and continuations


def _finish(doc: Doc, text: str, drafts: list, quotes: list, quote_of_tok: dict) -> list[Attribution]:
    res = SpeakerResolver(doc, quotes)
    out: list[Attribution] = []
    covered_sents: set[int] = set()
    last_by_sent: dict[int, Attribution] = {}
    sents = res.sents
    sent_starts = [x.start_char for x in sents]
    made: dict[int, Attribution] = {}
    for c, spans in drafts:
        spk = {}
        if c.subj is not None:
            spk = speaker_fields(res, c.subj, c.speaker_toks, c.relative_head, spans, text)
            if c.stance == "question":
                res.note_asked(c.anchor)  # 'A reporter asked Ann Lee ... She replied': the one asked answers
        sent = c.sent
        s_lo = min(sent.start_char, spans[0][0])
        s_hi = max(sent.end_char, spans[-1][1])
        ct = sorted(c.cue_toks, key=lambda t: t.i)
        cue_s, cue_e = ct[0].idx, ct[-1].idx + len(ct[-1].text)
        a = Attribution(
            spans=spans, text=" … ".join(text[s:e] for s, e in spans), claim_kind=claim_kind(spans, quotes, text),
            cue=text[cue_s:cue_e], cue_span=(cue_s, cue_e), cue_lemma=c.cue_lemma, stance=c.stance,
            sentence_span=(s_lo, s_hi), cue_score=c.score, **spk)
        made[id(c)] = a
        out.append(a)
        k = max(0, bisect.bisect_right(sent_starts, s_lo) - 1)
        while k < len(sents) and sents[k].start_char < s_hi:
            if sents[k].end_char > s_lo:
                covered_sents.add(sents[k].start)
                if _continues(a, last_by_sent.get(sents[k].start)):
                    last_by_sent[sents[k].start] = a
            k += 1
    for k, (c, _) in enumerate(drafts):  # "X said Y said Z": Y's claim carries X as its reporter
        o = made.get(id(c.outer)) if c.outer is not None else None
        if o is not None:
            out[k] = out[k].model_copy(update={"reported_by": o.resolved_text or o.speaker_text,
                                               "reported_by_span": o.speaker_span})
        elif c.outer is not None and c.outer.subj is not None:  # the outer act is no claim: its subject as written
            toks = sorted(c.outer.subj.subtree, key=lambda t: t.i)
            a, b = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            out[k] = out[k].model_copy(update={"reported_by": text[a:b], "reported_by_span": (a, b)})
    out.extend(_continuations(text, sents, quotes, covered_sents, last_by_sent, res))
    out.sort(key=lambda a: (a.spans[0][0], a.cue_span or (0, 0)))
    return out




#: a quote sentence after a sentence with a quoted claim continues that claim, not a later unquoted one of the
#: same sentence (5-fold CV, bench/README.md)
QUOTED_CONTINUES = True


def _continues(a: Attribution, before: Optional[Attribution]) -> bool:
    """Does ``a`` replace ``before`` as the claim a quote in the next sentence continues? The later claim of
    a sentence does, except an unquoted one after a quoted one: in "“The new plant will help every town,” said
    Moreno, who will open the fair. “And also ...”", the second quote is Moreno's, not the
    fair opening's."""
    return before is None or not QUOTED_CONTINUES or a.claim_kind != "indirect" or before.claim_kind == "indirect"


def _other_speaker(s, qs: list, prev: Attribution) -> Optional[tuple]:
    """(subject, verb) of a quote sentence whose own verb, outside the quote, has a named subject other than
    the previous claim's speaker: '“... no free lunch,” Ortiz shot back, grinning.' after Keller's quote is
    Ortiz's (an exchange), whatever the verb; None when the sentence names no one else."""
    def inside(t):
        return any(a <= t.idx < b for a, b in qs)

    said = f"{prev.speaker_text or ''} {prev.resolved_text or ''}"
    for t in s:
        if t.dep_ != "nsubj" or inside(t) or inside(t.head) or t.head.pos_ != "VERB" or t.i < t.head.i - 2:
            continue
        if not (t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG")):
            continue
        if t.text in said or not any(c.dep_ in ("ccomp", "dobj") and inside(c) for c in t.head.children):
            continue
        return t, t.head
    return None


def _continuations(text: str, sents: list, quotes: list, covered: set, last_by_sent: dict,
                   res: Optional[SpeakerResolver] = None) -> list[Attribution]:
    """Quote sentences with no cue right after a quoted claim keep its speaker; one whose verb outside the
    quote has another named subject ('“...,” Bennett shot back') is that subject's (:func:`_other_speaker`)."""
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
        inside = [(a, b) for a, b in quotes if a <= first < b and not text[a:first].strip(" \n" + OPEN_QUOTES + "\"'`")]
        if st[0] not in OPEN_QUOTES + '"\'`' and not inside:
            prev = None
            continue
        # whole quotes starting in this sentence (a quote may run over several sentences)
        qs = inside + [(qs_, qe) for qs_, qe in quotes if first < qs_ < s.end_char]
        qs = [(a, b) for a, b in qs if text[a:b].strip(" \n" + QUOTE_MARKS)]
        if not qs:
            prev = None
            continue
        skip_to = max(b for _, b in qs)
        other = _other_speaker(s, qs, prev) if res is not None else None
        if other is not None:
            subj, verb = other
            a = Attribution(
                spans=qs, text=" … ".join(text[x:y] for x, y in qs), claim_kind="direct", cue=verb.text,
                cue_span=(verb.idx, verb.idx + len(verb.text)), cue_lemma=verb.lemma_.lower(), stance="assert",
                sentence_span=(s.start_char, max(s.end_char, skip_to)), **speaker_fields(res, subj, None, None, qs, text))
            out.append(a)
            prev = a
            continue
        a = Attribution(
            spans=qs, text=" … ".join(text[x:y] for x, y in qs), claim_kind="direct", cue=prev.cue,
            cue_span=prev.cue_span, cue_lemma=prev.cue_lemma, stance=prev.stance, speaker_text=prev.speaker_text,
            speaker_span=prev.speaker_span, speaker_type=prev.speaker_type, resolved_text=prev.resolved_text,
            resolved_span=prev.resolved_span, next_antecedents=prev.next_antecedents, role=prev.role,
            organisation=prev.organisation, sentence_span=(s.start_char, max(s.end_char, skip_to)), continuation=True,
            cue_score=prev.cue_score)
        out.append(a)
        prev = a
    return out



# --------------------------------------------------------------------------- spaCy component


class AttributionComponent:
    """Pipeline component: sets ``doc._.attributions`` to :func:`attributions` (doc)."""

    def __init__(self, nlp: Language, name: str, cues_path: Optional[str] = None, nested: Union[bool, str] = False):
        self.name = name
        self.cues = load_cues(cues_path) if cues_path else None
        self.nested = nested
        _register_extension()

    def __call__(self, doc: Doc) -> Doc:
        # kept as plain data in user_data so Docs cross spaCy's process boundary (nlp.pipe(n_process=2))
        doc.user_data[_USER_DATA_KEY] = [a.model_dump(mode="json") for a in attributions(doc, self.cues, nested=self.nested)]
        return doc


@Language.factory("graphkit_attribution", default_config={"cues_path": None, "nested": False})
def make_attribution_component(nlp: Language, name: str, cues_path: Optional[str], nested: Union[bool, str]):
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
