"""Speakers of attributions: who a speaker phrase is, within its article.

The phrase itself is read over the parse: its tokens by :mod:`graphkit.speaker_phrase`, its type by
:mod:`graphkit.speaker_types`, its person / role / organisation by :mod:`graphkit.speaker_parts`, the persons named
in its appositions by :mod:`graphkit.appositions`, a share of people by :mod:`graphkit.people_shares`; this module
holds the article's state and resolves it. Given the head token of a speaker mention (the subject of "said", the object of
"according to"), :func:`speaker_fields` cuts out the mention, types it (PERSON,
ORG, GPE, NORP, ANON, PRON, NOUN), splits it into person, role and organisation
("Kremlin spokesman Dmitry Peskov" → Dmitry Peskov, spokesman, Kremlin) and
resolves it within the article: a surname or a role to the fullest earlier name
(:mod:`graphkit.article_names`), a pronoun to its antecedent (:mod:`graphkit.antecedents`),
"the spokesman" to the person last named with that role, "the source" to
the earlier anonymous source (one function of :mod:`graphkit.speaker_kinds` per kind of mention).
:class:`SpeakerResolver` holds that article state; make one per Doc and pass the speakers in document order.

>>> from graphkit.doc_reading import parsed_as_written
>>> from graphkit.speakers import SpeakerResolver, speaker_fields
>>> doc = parsed_as_written(
...     "Kremlin spokesman Dmitry Peskov spoke on Monday. The Kremlin spokesman said the plan was dead.",
...     pos="PROPN NOUN PROPN PROPN VERB ADP PROPN PUNCT DET PROPN NOUN VERB DET NOUN AUX ADJ PUNCT",
...     tags="NNP NN NNP NNP VBD IN NNP . DT NNP NN VBD DT NN VBD JJ .",
...     deps="compound compound compound nsubj ROOT prep pobj punct "
...          "det compound nsubj ROOT det nsubj ccomp acomp punct",
...     heads="1 3 3 4 4 4 5 4 10 10 11 11 13 14 11 14 11",
...     lemmas="Kremlin spokesman Dmitry Peskov speak on Monday . the Kremlin spokesman say the plan be dead .",
...     ents="B-ORG O B-PERSON I-PERSON O O B-DATE O O B-ORG O O O O O O O")
>>> said = next(t for t in doc if t.lower_ == "said")
>>> subj = next(t for t in said.children if t.dep_ == "nsubj")
>>> f = speaker_fields(SpeakerResolver(doc), subj, None, None, [], doc.text)
>>> f["speaker_text"], f["role"], f["organisation"], f["resolved_text"]
('The Kremlin spokesman', 'spokesman', 'Kremlin', 'Dmitry Peskov')
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from .antecedents import Antecedents
from .appositions import first_appos, named_in_apposition, person_in_apposition, person_typed_otherwise
from .cues import default_cues
from .date_expressions import WEEKDAYS
from .doc_reading import doc_text, ent_of
from .interviews import doc_turns, label_at, labelled, turn_speaker
from .mentions import ANON_HEADS, DOCUMENT_NOUNS, drop_article
from .names import ORG_NOUNS, strip_possessive
from .people_shares import bare_share, group_of_share, share_of
from .person_heads import person_role
from .pronouns import PERSON_PRONOUNS, QUANTIFIERS
from .speaker_kinds import (ANON_PERSON, _anaphoric_anonymous, _anonymous_before, _definite_person, _first_name_before,
                            _Found, _in_apposition, _named_together, _one_anonymous_person, _possessive_pronoun,
                            _qualified_person, _relative, _spokesperson, _surname_role_or_org, _who_antecedent, _whose,
                            _whose_antecedent, _whose_relative)
from .speaker_parts import SPOKES, principal_tokens, split_speaker
from .speaker_phrase import naming_zone, speaker_tokens
from .speaker_types import definite_person, speaker_type

__all__ = ["SpeakerResolver", "speaker_fields"]


class SpeakerResolver(Antecedents):
    """In-article resolution of speaker mentions to the fullest name the article gives.

    The article's names and roles (:class:`graphkit.article_names.ArticleNames`: 'Mr Blair', 'the prime minister'),
    the antecedents of its pronouns (:class:`graphkit.antecedents.Antecedents`: the speakers so far, the subjects
    of the last sentences), its interview turns, its anonymous people, and the documents it names ('the poll').
    """

    def __init__(self, doc: Doc, quotes: Optional[list[tuple[int, int]]] = None):
        """``quotes``: the article's quotations (`graphkit.quotes.find_quotes` of its text) when the caller found
        them already, else found when first asked."""
        super().__init__(doc, quotes)
        #: an interview's or transcript's turns, kept on the Doc (graphkit.interviews)
        self.turns = doc_turns(doc, doc_text(doc))
        self.anonymous: dict[str, tuple] = {}  # an anonymous person's resolved name -> (role, organisation)

    def note_asked(self, cue: Token) -> None:
        """A question an anonymous person (the latest speaker, as a reporter or a voter is) put to a person the article
        names ('A reporter asked Ann Lee how she felt', cue 'asked'): the one asked answers it, so a later 'he' or 'she'
        reads that person as the latest speaker ('She replied ...' is Ann Lee's, not the reporter's). Only a person's
        name as the cue's object; a named asker stays a speaker to continue ('Ann Lee asked Tom Hale whether ... She
        said she asked' is hers)."""
        if not self.speakers or self.speakers[-1][3] not in ("ANON", ANON_PERSON):
            return
        obj = next((c for c in cue.children if c.dep_ in ("dobj", "dative") and c.ent_type_ == "PERSON"), None)
        e = ent_of(obj) if obj is not None else None
        if e is not None and e.label_ == "PERSON":
            name, span = self.person_named(e)
            self.speakers.append((e.start_char, name, span, "PERSON"))

    def document_named(self, head: Token, at: int) -> Optional[tuple[str, tuple[int, int]]]:
        """What 'the poll' / 'the statement' / 'the campaign' refers back to, anywhere before it in the article: the
        latest of an earlier speaker whose name ends with the same noun and names whose it is ('CBS News poll', not
        'Monday's poll' nor 'a source familiar with the ad'), and an earlier mention of the noun named by its
        proper-noun compounds or possessor ("the Holocaust Museum's statement", 'the Sanders campaign'); one when the
        phrase says one, several when it says several ('the campaign' is not 'GOP campaigns', 'The ad' not 'New
        Hampshire ads'); None when the article names it no more fully.

        >>> from graphkit.doc_reading import parsed_as_written
        >>> doc = parsed_as_written(
        ...     "The Sanders campaign met GOP campaigns in Ohio. The campaign said it would win.",
        ...     pos="DET PROPN NOUN VERB PROPN NOUN ADP PROPN PUNCT DET NOUN VERB PRON AUX VERB PUNCT",
        ...     tags="DT NNP NN VBD NNP NNS IN NNP . DT NN VBD PRP MD VB .",
        ...     deps="det compound nsubj ROOT compound dobj prep pobj punct det nsubj ROOT nsubj aux ccomp punct",
        ...     heads="2 2 3 3 5 3 3 6 3 10 11 11 14 14 11 11",
        ...     lemmas="the Sanders campaign meet GOP campaign in Ohio . the campaign say it would win .",
        ...     ents="O B-ORG O O B-ORG O O B-GPE O O O O O O O O")
        >>> SpeakerResolver(doc).document_named(doc[10], doc[10].idx)
        ('Sanders campaign', (4, 20))
        """
        lemma = head.lemma_.lower()
        best: Optional[tuple[int, str, tuple[int, int]]] = None
        for pos, resolved, span, kind in self.speakers:
            words = resolved.split()
            if pos < at and span is not None and kind in ("NOUN", "ORG") and len(words) > 1 \
                    and words[-1].lower() == head.lower_ and _names_its_source(words[:-1]):
                best = max(best or (pos, resolved, span), (pos, resolved, span))
        text = doc_text(self.doc)
        for t in self.doc[:head.i]:
            if t.lemma_.lower() == lemma and t.pos_ == "NOUN" and (t.tag_ == "NNS") == (head.tag_ == "NNS") \
                    and t.idx < at and (best is None or t.idx > best[0]):
                name = _document_name(t)
                if name is not None:
                    best = (t.idx, drop_article(text[name.start_char:name.end_char]),
                            (name.start_char, name.end_char))
                elif lemma in DOCUMENT_NOUNS and (issued := issued_by(t)) is not None:
                    best = (t.idx, *issued)
        return (best[1], best[2]) if best else None


#: 'the companies', 'The national unions' are several bodies, as written, never the one the article named last with the
#: word (issue 12, −96; a switch for the tests)
SEVERAL_BODIES_AS_WRITTEN = True


def _one_body(head: Token) -> bool:
    """Whether a body noun heading a definite speaker phrase names one body ('the company', 'the union'), which
    :meth:`~graphkit.article_names.ArticleNames.org_named` may read back to the body the article named with the word;
    not several ('The companies said' after 'Pfizer and Allergan', 'The national unions' after 'the Chicago Teachers
    Union'), which stay as written, as `_bare_document` keeps 'the campaigns'."""
    return not SEVERAL_BODIES_AS_WRITTEN or head.tag_ not in ("NNS", "NNPS")


#: 'The Carson campaign', 'The Future45 group' are read back to the body the article named with their noun only when
#: the phrase's proper nouns are words of that body's name: 'The Carson campaign' is no 'Campaign Legal Center' (issue
#: 12: over train+dev 2 speakers change, 2 right, 0 made wrong; a switch for the tests)
QUALIFIED_BODY_AS_WRITTEN = True


def _body_named(res: "SpeakerResolver", head: Token, toks: list, s0: int) -> Optional[tuple[str, tuple[int, int]]]:
    """The body a definite phrase headed by a body noun (``head``; ``toks``, the phrase) refers back to
    (:meth:`~graphkit.article_names.ArticleNames.org_named`), unless a proper noun of the phrase besides its head is no
    word of that body's name (:data:`QUALIFIED_BODY_AS_WRITTEN`): then None, and the phrase stays as written.

    >>> from graphkit.nlp import load_spacy
    >>> doc = load_spacy()("The Clean Air Campaign Group sued Ann Lee. The Lee campaign said it would win.")
    >>> res, k = SpeakerResolver(doc), doc.text.index("The Lee")
    >>> phrase = [t for t in doc if k <= t.idx < k + len("The Lee campaign")]
    >>> res.org_named("campaign", k)[0], _body_named(res, phrase[-1], phrase, k)
    ('Clean Air Campaign Group', None)
    """
    hit = res.org_named(head.lemma_.lower(), s0)
    if hit is None or not QUALIFIED_BODY_AS_WRITTEN:
        return hit
    words = set(hit[0].lower().split())
    if any(t.pos_ == "PROPN" and t.i != head.i and t.lower_ not in words for t in toks):
        return None
    return hit


def _bare_document(head: Token, toks: list) -> bool:
    """'the poll', 'the new poll', 'the statement', 'the campaign', 'The board': a document or body named by a definite
    article and its noun alone (at most one adjective between), which the article named more fully before (the body
    nouns of ``ORG_NOUNS``, when no organisation of the article holds the word: :meth:`SpeakerResolver.org_named`;
    one body only: 'the campaigns agree' are several, as written)."""
    lemma = head.lemma_.lower()
    return head.pos_ == "NOUN" and (lemma in DOCUMENT_NOUNS or lemma in ORG_NOUNS and head.tag_ != "NNS") \
        and toks[0].lower_ == "the" and toks[-1] == head and len(toks) <= 3 and all(t.pos_ == "ADJ" for t in toks[1:-1])


def issued_by(t: Token) -> Optional[tuple[str, tuple[int, int]]]:
    """A document noun named by who issued it (:func:`_issuer`, with whoever is coordinated with it: 'a study by Ann
    Lee and Tom Hale' is both's) as ("{issuer} {noun}", where the issuer is written), as 'CBS News poll' is named;
    None when the sentence names no issuer, or one of them is a pronoun or a common noun ('He criticised the report').

    >>> from graphkit.doc_reading import parsed_as_written
    >>> doc = parsed_as_written("The Sierra Club wrote in a statement that the coast was safe.",
    ...                         pos="DET PROPN PROPN VERB ADP DET NOUN SCONJ DET NOUN AUX ADJ PUNCT",
    ...                         tags="DT NNP NNP VBD IN DT NN IN DT NN VBD JJ .",
    ...                         deps="det compound nsubj ROOT prep det pobj mark det nsubj acl acomp punct",
    ...                         heads="2 2 3 3 3 6 4 10 9 10 6 10 3",
    ...                         lemmas="the Sierra Club write in a statement that the coast be safe .",
    ...                         ents="O B-ORG I-ORG O O O O O O O O O O")
    >>> issued_by(doc[6])
    ('Sierra Club statement', (4, 15))
    """
    who = _issuer(t)
    if who is None:
        return None
    names = [_issuer_name(x) for x in sorted((who, *who.conjuncts), key=lambda x: x.i)]  # 'Ann Lee and Tom Hale'
    if any(n is None for n in names):
        return None
    text = doc_text(t.doc)
    words = [text[a:b] for a, b in names]
    who_all = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    return f"{who_all} {t.text}", (names[0][0], names[-1][1])


def _issuer(t: Token) -> Optional[Token]:
    """Who the sentence says issued a document: the object of 'by' or 'from' on the noun or on the participle
    describing it ('a survey released by the Grattan Institute', 'a memo from KXLY'), the subject of the verb it
    is the object of ('The Sierra Club issued a statement'), or of a speech verb of the cue lexicon it says where
    ("In a statement, Tom Hale's office said"; 'In the poll, Ann Lee leads' is no one's); else None."""
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            return next((g for g in c.children if g.dep_ == "pobj"), None)
        agent = next((g for g in c.children if g.dep_ == "agent"), None) if c.dep_ == "acl" else None
        if agent is not None:
            return next((g for g in agent.children if g.dep_ == "pobj"), None)
    verb = None
    if t.dep_ == "dobj":
        verb = t.head
    elif t.dep_ == "pobj" and t.head.lower_ == "in" and t.head.dep_ == "prep" \
            and t.head.head.lemma_.lower() in default_cues().verbs:
        verb = t.head.head
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    return next((g for g in verb.children if g.dep_ == "nsubj"), None)


def _issuer_name(who: Token) -> Optional[tuple[int, int]]:
    """Where the name of a document's issuer is written: the whole name it lies in ('the Institute for Fiscal
    Studies' without 'the'), else its words up to its head ("Tom Hale's office"); None for a pronoun or a common noun
    that names no one."""
    if not _names_someone(who):
        return None
    e = ent_of(who)
    if e is not None and e.label_ in NAMING_LABELS:
        return e.start_char + len(e.text) - len(drop_article(e.text)), e.end_char
    toks = [x for x in who.subtree if x.dep_ not in ("det", "punct", "relcl", "appos", "acl", "cc", "conj", "prep")
            and x.i <= who.i]
    return (toks[0].idx, who.idx + len(who.text)) if toks else None


#: the entity labels that name someone who can issue a document: a person, a body, a place or a building standing
#: for who governs or works there ("Moscow", "the White House"), a people. _names_someone left out FAC where
#: _issuer_name took it: on PolNeAR train + dev one issuer of 819 lies in a FAC entity, a proper noun either way, so
#: one set, with FAC, names the same issuers (bench/README.md, chores of session 44)
NAMING_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})


def _names_someone(t: Token) -> bool:
    """Whether a document's issuer is named: a name (a proper noun or an entity of `NAMING_LABELS`), or a body of a
    name's ("Tom Hale's office")."""
    if t.pos_ == "PROPN" or t.ent_type_ in NAMING_LABELS:
        return True
    return t.pos_ == "NOUN" and any(c.dep_ == "poss" and (c.pos_ == "PROPN" or c.ent_type_) for c in t.children)


#: entity types that say when, not whose ("Monday's poll", "the Friday editorial")
_WHEN = ("DATE", "TIME")
_NOT_NAMING = {"new", "the", "a", "an", "this", "that"} | {d + s for d in WEEKDAYS for s in ("", "'s", "’s")}


def _names_its_source(words: list[str]) -> bool:
    """Whether the words before a document noun name whose it is ('CBS News', 'Quinnipiac University'): a
    capitalised word that is no determiner, 'New' or weekday ('New polls', "Monday's poll" name no one)."""
    return any(w[:1].isupper() and w.lower() not in _NOT_NAMING for w in words) \
        and not any(w in ("the", "a", "an", "with", "of", "about", "on", "for", "in", "by") for w in words)


def _document_name(t: Token) -> Optional[Span]:
    """The fuller naming of a document noun where the article writes it: its proper-noun compounds or possessor
    ('A new CBS News poll', "the Holocaust Museum's statement"), else None."""
    mods = [c for c in t.children if c.dep_ in ("compound", "poss") and c.i < t.i and c.ent_type_ not in _WHEN
            and (c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "PERSON", "GPE", "NORP"))]
    if not mods:
        return None
    lo = min(x.i for m in mods for x in m.subtree)
    return t.doc[lo:t.i + 1]


def speaker_fields(res: SpeakerResolver, head: Token, speaker_toks: Optional[list], relative_head: Optional[Token],
                   spans: list, text: str) -> dict:
    """The speaker fields of an Attribution (speaker_text/span/type, resolved_text/span, role,
    organisation) for the speaker phrase headed by ``head`` (``speaker_toks`` when the phrase is
    not the head's subtree; ``relative_head`` the antecedent of "who"/"which"), resolved against
    the article through ``res``, which remembers this speaker for later pronouns and roles.
    ``spans`` is the claim's content: names inside it are no antecedents of a pronoun speaker.

    One function of :mod:`graphkit.speaker_kinds` per kind of mention: a relative pronoun (``_relative``), people
    named together, a pronoun, a person's name, a person in apposition, a spokesperson (``_spokesperson``), 'his
    campaign' (``_whose``), "the company" (:meth:`SpeakerResolver.org_named`), "the poll"
    (:meth:`SpeakerResolver.document_named`), else a surname, role or organisation
    (``_surname_role_or_org``); then "the source" refers back (``_anaphoric_anonymous``).

    The steps, in the order the data flows: the phrase read (its tokens, type, apposition, person / role /
    organisation), the speaker found by its kind (a pronoun: `_pronoun_speaker`; a person's name: `_named_person`;
    the kinds above), made final (`_settle`: a transcript's label, its written form, its role and "the source"), and
    what the article remembers of it for later pronouns (`_speaker_kind`)."""
    toks = speaker_toks or speaker_tokens(head)
    edge = [t for t in toks if not t.is_space] or toks  # the mention as written ends on a word, not a no-break space
    s0, s1 = edge[0].idx, edge[-1].idx + len(edge[-1].text)
    stype = speaker_type(toks, head)
    appos = first_appos(head)
    named_by = naming_zone(head)
    person, role, org = split_speaker([t for t in toks if t.i not in named_by] or toks, appos)
    f = _Found(stype, text[s0:s1], (s0, s1), stype, role, org)
    together = _named_together(res, head, toks) if relative_head is None else None
    one_described = definite_person(toks, head) and not named_in_apposition(head)  # 'The other man, his cousin Ed Lee,'
    described = stype == "NOUN" and one_described
    qualified = stype in ("GPE", "ORG", "NORP") and one_described  # 'The New York businessman'
    if relative_head is not None:
        _relative(res, _who_antecedent(head, relative_head), f, head)
    elif together is not None:
        f.resolved, f.stype = together, "NOUN"  # a group of the people named: 'Dana Bash and Wolf Blitzer'
    elif bare_share(toks, head) and (group := group_of_share(head, toks[0].i)) is not None:
        f.resolved, f.rspan = share_of(text[s0:s1], group), (group.start_char, group.end_char)  # '24 percent'
    elif stype == "PRON":
        _pronoun_speaker(res, head, s0, spans, f)
    elif person is not None:
        _named_person(res, head, person, toks, f)
    elif (named := person_in_apposition(head)) is not None:  # 'the chancellor, Gordon Brown,'; not 'an Obama backer'
        _in_apposition(res, toks, named, f)
    elif stype == "ANON" and principal_tokens(head):
        _spokesperson(res, head, toks, spans, f)
    elif stype == "NOUN" and _possessive_pronoun(head, toks) is not None:
        _whose(res, _possessive_pronoun(head, toks), toks, spans, f)  # 'his campaign': Bernie Sanders's campaign
    elif stype == "NOUN" and (ante := _whose_antecedent(head, toks)) is not None:
        _whose_relative(res, ante, toks, f)  # 'Tom Hale, whose attorneys argued': Tom Hale's attorneys
    elif stype == "NOUN" and toks[0].lower_ == "the" and head.lemma_.lower() in ORG_NOUNS and _one_body(head) \
            and (body := _body_named(res, head, toks, s0)) is not None:
        f.resolved, f.rspan = body  # "the company said" after "Enron"
        f.rtype = "ORG"
    elif stype == "NOUN" and _bare_document(head, toks) and (doc_hit := res.document_named(head, s0)) is not None:
        f.resolved, f.rspan = doc_hit  # "the poll found" after "A new CBS News poll"
        if head.lemma_.lower() in ORG_NOUNS:
            f.rtype = "ORG"  # "the campaign said" after "the Sanders campaign": a body, as "the company" is
    elif stype == "NOUN" and head.lemma_.lower() in DOCUMENT_NOUNS and (issued := issued_by(head)) is not None:
        f.resolved, f.rspan = issued  # 'a survey released by the Grattan Institute', 'X issued a statement saying'
    elif described:
        _definite_person(res, head, tuple(tuple(x) for x in spans), f)  # 'the man' after 'a man': that source
    elif qualified and (hit := _qualified_person(res, head, tuple(tuple(x) for x in spans), f)) is not None:
        (f.resolved, f.rspan), f.rtype = hit, "PERSON"  # 'The New York businessman' after Donald Trump's words
    else:
        _surname_role_or_org(res, head, (s0, s1), text, f, tuple(tuple(x) for x in spans))
    _settle(res, head, toks, f, person, described, (s0, s1))
    res.said.extend(tuple(x) for x in spans)
    kind = _speaker_kind(head, f, together, res)
    res.speakers.append((s0, f.resolved, f.rspan, kind))
    return dict(speaker_text=text[s0:s1], speaker_span=(s0, s1), speaker_type=f.stype,
                resolved_text=f.resolved, resolved_span=f.rspan, role=f.role, organisation=f.org,
                next_antecedents=f.runners_up)


def _pronoun_speaker(res: SpeakerResolver, head: Token, s0: int, spans: list, f: _Found) -> None:
    """A pronoun speaker ('he', 'they', 'Some'): a transcript turn's speaker, else the pronoun's antecedent in the
    article (``spans``, the claim's content, holds none), noted for the next pronoun; its type by the pronoun; a
    person's pronoun resolved to an anonymous person of the article is that anonymous source."""
    turn = turn_speaker(res, head.lower_, s0)
    r = turn or res.pronoun(head.lower_, s0, tuple(spans), res.clause_names(head))
    if r is not None:
        f.resolved, f.rspan = r
        if not turn:
            res.note_pronoun(head.lower_, f.resolved)
            f.runners_up = res.runners_up.get(s0, ())
    # 'Some have suggested', 'Both said': a group as written (no antecedent: pronouns.QUANTIFIERS)
    f.rtype = "PERSON" if head.lower_ in PERSON_PRONOUNS or turn else "NOUN" if head.lower_ in QUANTIFIERS \
        else "ORG"
    if r is not None and not turn and head.lower_ in PERSON_PRONOUNS and f.rspan is None \
            and f.resolved in res.anonymous:
        f.rtype, (f.role, f.org) = "ANON", res.anonymous[f.resolved]  # the anonymous person, as an actor


def _named_person(res: SpeakerResolver, head: Token, person: Span, toks: list, f: _Found) -> None:
    """A person's name ('Clinton', 'Mr. Clinton', 'Hillary Clinton'): the full name the article gives, an honorific
    left outside the entity ('Mr. Clinton') still saying the gender
    (:meth:`~graphkit.article_names.ArticleNames.name_from`), a first name written before it kept
    (`_first_name_before`)."""
    first = _first_name_before(res, person, toks)
    at = person[0] if first is None else first
    f.resolved, f.rspan = res.name_from(at, person.end_char, honorific=first is None)
    f.rtype = "PERSON"


def _settle(res: SpeakerResolver, head: Token, toks: list, f: _Found, person: Optional[Span], described: bool,
            span: tuple[int, int]) -> None:
    """The speaker found, made final: the person a transcript's label names ('FALLIN: I think ...'), the name
    without a body's article and a possessive, a person's role noted for later mentions of it ('the senator'), and
    "the source" or 'the spokesman' referring back to the anonymous source it continues (`_anaphoric_anonymous`,
    `_spokesperson_again`)."""
    s0, s1 = span
    label = label_at(res, s0, s1)
    if label is not None:  # 'JAKE TAPPER: How will he ...', 'FALLIN: I think ...': the person the label names
        (f.resolved, f.rspan), f.rtype, f.stype = labelled(res, label), "PERSON", "PERSON"
    resolved = f.resolved
    if f.stype in ("ORG", "GPE", "NORP"):
        resolved = drop_article(resolved)
    f.resolved = strip_possessive(resolved)
    if f.role and f.rtype == "PERSON" and f.resolved:
        res.roles[f.role.lower()] = (f.resolved, f.rspan)
        if f.org:
            res.roles[f"{f.org.lower()} {f.role.lower()}"] = (f.resolved, f.rspan)
    if (f.stype == "ANON" and not described) or (
            head.lemma_.lower() in ANON_HEADS and toks[0].lower_ == "the" and person is None):
        _anaphoric_anonymous(res, head, toks, f)
    elif _spokesperson_again(res, head, toks, s0):  # 'the spokesman' after "Mr Blair's spokesman": that one again
        f.stype = "ANON"
        _anaphoric_anonymous(res, head, toks, f)


#: 'the spokesman' after an anonymous spokesman is that spokesman again (issue 12, −96; a switch for the tests)
SPOKESPERSON_AGAIN = True


def _spokesperson_again(res: SpeakerResolver, head: Token, toks: list, at: int) -> bool:
    """Whether a bare definite spokesperson ('the spokesman', 'The spokeswoman', 'the lawyer': a head of
    :data:`~graphkit.speaker_parts.SPOKES` after 'the' alone) continues an anonymous one of its article written before
    it with the same noun ("Mr Blair's spokesman said ... the spokesman said"), as 'the source' continues 'a senior
    source' (the heads of :data:`~graphkit.mentions.ANON_HEADS` always do); not when no such speaker came before ('the
    spokesman' stays a role)."""
    return SPOKESPERSON_AGAIN and len(toks) == 2 and toks[0].lower_ == "the" and head.i == toks[1].i \
        and head.lemma_.lower() in SPOKES and _anonymous_before(res, head.lemma_.lower(), at) is not None


def _speaker_kind(head: Token, f: _Found, together, res: SpeakerResolver) -> str:
    """What kind of speaker the article remembers this one as, for later pronouns: its resolved type; a person for
    an unresolved role held by one person; an anonymous person who takes pronouns (kept in ``res.anonymous``);
    people named together, never 'he' or 'she'; a possessive pronoun's, whose words no later 'he said' continues; a
    person's name the NER typed an organisation, a person for 'he' or 'she'
    (:func:`graphkit.appositions.person_typed_otherwise`)."""
    # an unresolved role held by one person ('the Republican presidential candidate') is a person to 'he'
    kind = "PERSON" if f.rtype == "NOUN" and person_role(head) else f.rtype
    if f.rtype == "ANON" and f.takes_pronouns and (
            f.resolved in res.anonymous or _one_anonymous_person(head, f)):
        kind = ANON_PERSON
        res.anonymous.setdefault(f.resolved, (f.role, f.org))
    if kind == "ORG" and person_typed_otherwise(head):
        kind = "PERSON"  # 'Reince Priebus, the GOP chairman,' with 'Priebus' an ORG: a later 'he said' may be his
    if together is not None:
        kind = "NOUN"  # 'Sanders and his top aides': people, for 'they', never for 'he' or 'she'
    if f.stype == "PRON" and head.dep_ == "poss":
        kind = "POSS"  # 'his promise', 'her comments': nobody's words a later 'he said' continues
    return kind
