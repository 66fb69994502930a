"""The speaker phrase: which tokens of a sentence name the source.

Plain functions over the parse, no article state: :func:`speaker_tokens` cuts the mention out of its clause
("Kremlin spokesman Dmitry Peskov", not "..., who spoke on Monday,"), with the sources listed with it ('Lee, Hale
and Ortiz': :func:`conjuncts`), the phrases that say whose or where it is (:func:`naming_zone`) and what says who a
head naming no one is ('Many in the hall': :func:`who_of`). What the phrase is, its type, is
:mod:`graphkit.speaker_types`; its person / role / organisation :mod:`graphkit.speaker_parts`; the persons named in
its appositions :mod:`graphkit.appositions`; a share of people :mod:`graphkit.people_shares`; what its head word
names :mod:`graphkit.person_heads`. :mod:`graphkit.speakers` then resolves the phrase within its article.

>>> from graphkit.nlp import load_spacy
>>> doc = load_spacy()("Kremlin spokesman Dmitry Peskov, who spoke on Monday, said the plan was dead.")
>>> said = next(t for t in doc if t.lower_ == "said")
>>> toks = speaker_tokens(next(t for t in said.children if t.dep_ == "nsubj"))
>>> doc[toks[0].i:toks[-1].i + 1].text
'Kremlin spokesman Dmitry Peskov'
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .cues import default_cues
from .mentions import DOCUMENT_NOUNS, WHICH_PEOPLE_PREPS
from .person_heads import people_head
from .pronouns import NAMES_NO_ONE
from .speaker_parts import SPOKES


_SPK_DROP = {"appos", "relcl", "acl", "punct", "advmod", "parataxis", "cc", "prep", "npadvmod"}


def speaker_tokens(head: Token, lists: bool = True) -> list[Token]:
    """The speaker mention: the subject's head with its modifiers, without clauses and appositions; with the others
    listed with it ('Lee, Hale and Ortiz': :func:`_in_list`) unless ``lists`` is False."""
    keep = [head]
    stack = [head]
    listing = lists and LIST_COMMAS and _joined_by_and(head)  # sources listed only when joined by 'and', once a phrase
    # inside a phrase naming the source, prepositions are the name's: 'by the Institute for Fiscal Studies'
    who = who_of(head)  # 'Many in the hall', 'those around him': what says who a quantifier is, kept whole
    zone = naming_zone(head, who)
    while stack:
        t = stack.pop()
        for c in t.children:
            listed = _in_list(t, c, head) if listing else None
            if _left_out(t, c, head, zone, who, listed):
                if listed == "between":
                    keep.extend(c.subtree)  # 'Ms. Lee, then at the bank, and Mr. Hale': what stands between, as written
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
    while toks and toks[-1] != head and _cut_short(toks):
        toks.pop()  # 'authors of the', 'coalition of': a phrase cut short never ends on a function word
    while toks and toks[0].is_punct and toks[0] != head:
        toks.pop(0)
    return _glued_before(toks)


def _left_out(t: Token, c: Token, head: Token, zone: set[int], who: set[int], listed: Optional[str]) -> bool:
    """Whether the speaker phrase of ``head`` leaves out ``c``, a child of ``t`` (a word it keeps): a clause, an
    apposition, a punctuation mark, an adverb, a conjunction or a preposition (``_SPK_DROP``), unless it is one of the
    name's or the list's own words: a hyphen; 'of' after its word ('coalition of politicians'); the head's own
    coordinating conjunction or a coordinated modifier's ('five past and current employees'); a word glued by a hyphen
    ('57-year-old'; a capitalised half is a name's, 'Jean-Marc'); a preposition naming the source
    (:func:`naming_pp`) or inside the phrase naming it (``zone``, :func:`naming_zone`); what says who a quantifier is
    (``who``, :func:`who_of`); a postnominal adjective's complement; a per cent sign; what joins the sources listed
    (``listed``, :func:`_in_list`); 'as well' of a listing 'as well as' (:data:`AS_WELL_AS_AND`).

    >>> from graphkit.doc_reading import parsed_as_written
    >>> doc = parsed_as_written("Ann Lee , the mayor , said so", pos="PROPN PROPN PUNCT DET NOUN PUNCT VERB ADV",
    ...                         tags="NNP NNP , DT NN , VBD RB", heads="1 6 1 4 1 1 6 6",
    ...                         deps="compound nsubj punct det appos punct ROOT advmod")
    >>> head = doc[1]
    >>> who = who_of(head)
    >>> [c.text for c in head.children if _left_out(head, c, head, naming_zone(head, who), who, None)]
    [',', 'mayor', ',']
    """
    hyphened = c.i + 2 == t.i and c.doc[c.i + 1].tag_ == "HYPH" and not c.text[:1].isupper()
    return (c.dep_ in _SPK_DROP and c.tag_ != "HYPH"
            and not (c.dep_ == "prep" and c.lower_ == "of" and c.i > t.i)
            and not (c.dep_ == "cc" and (t == head or _coordinated_modifier(t, head)))
            and not hyphened
            and not (t == head and naming_pp(head, c))
            and not (c.dep_ in ("prep", "cc") and t.i in zone and t != head and c.i > t.i)
            and c.i not in who
            and not _complement_of_postnominal(t, c, head)
            and not _per_cent(c)
            and listed != "joins"
            and not (t.dep_ == "cc" and AS_WELL_AS_AND and _as_well_as(t)))


#: a comma between sources listed as the subject ('Lee, Hale and Ortiz said') is the phrase's, so the phrase names
#: them all, not the first alone (issue 12, s60; a switch for the tests that pin it)
LIST_COMMAS = True


def _in_list(t: Token, c: Token, head: Token) -> Optional[str]:
    """What a word ``c`` the phrase would leave out is to the sources listed with the speaker's ``head`` (``t`` its
    parent, the head or a conjunct of it): 'joins' for the comma or 'and' between two of them (:func:`_list_comma`),
    'between' for an apposition or parenthesis standing between a name and the next (:func:`_between_listed`, kept
    whole), else None. Asked only of a head whose conjuncts are joined by 'and' (:func:`_joined_by_and`, which
    :func:`speaker_tokens` reads once a phrase).

    Docs built by hand, their parse as the parser gives it (no model is run); ``said`` prints the phrase of the
    subject of 'said' as :func:`speaker_tokens` keeps it:

    >>> from graphkit.doc_reading import parsed_as_written
    >>> def said(words, pos, tags, heads, deps):
    ...     doc = parsed_as_written(words, pos=pos, tags=tags, heads=heads, deps=deps)
    ...     return " ".join(t.text for t in speaker_tokens(next(t for t in doc if t.dep_ == "nsubj")))

    Listed, a comma and an 'and' below the head (the parser hangs 'Ortiz' on 'Hale'):

    >>> said("Lee, Hale and Ortiz said so.", "PROPN PUNCT PROPN CCONJ PROPN VERB ADV PUNCT",
    ...      "NNP , NNP CC NNP VBD RB .", "5 0 0 2 2 5 5 5", "nsubj punct conj cc conj ROOT advmod punct")
    'Lee , Hale and Ortiz'

    What stands between two names, a parenthesis or an apposition:

    >>> said("Lee (Ohio) and Hale said so.", "PROPN PUNCT PROPN PUNCT CCONJ PROPN VERB ADV PUNCT",
    ...      "NNP -LRB- NNP -RRB- CC NNP VBD RB .", "6 0 0 0 0 0 6 6 6",
    ...      "nsubj punct appos punct cc conj ROOT advmod punct")
    'Lee ( Ohio ) and Hale'

    Not listed: a singular noun after a name describes it (:func:`_listable`), 'a Tory' is the one named before
    (:func:`_a_name`), a comma with no 'and' joins no sources (:func:`_joined_by_and`: 'Hale, Ortiz said' as a
    parser reads "... to, now, Hale, Ortiz said"):

    >>> said("Norway, Oslo's ally and its partner, said so.", "PROPN PUNCT PROPN PART NOUN CCONJ PRON NOUN PUNCT "
    ...      "VERB ADV PUNCT", "NNP , NNP POS NN CC PRP$ NN , VBD RB .", "9 0 4 2 0 4 7 4 0 9 9 9",
    ...      "nsubj punct poss case conj cc poss conj punct ROOT advmod punct")
    'Norway'
    >>> said("Hale, the director, and a Tory said so.", "PROPN PUNCT DET NOUN PUNCT CCONJ DET PROPN VERB ADV PUNCT",
    ...      "NNP , DT NN , CC DT NNP VBD RB .", "8 0 3 0 0 0 7 0 8 8 8",
    ...      "nsubj punct det appos punct cc det conj ROOT advmod punct")
    'Hale'
    >>> said("Hale, Ortiz said so.", "PROPN PUNCT PROPN VERB ADV PUNCT", "NNP , NNP VBD RB .", "3 0 0 3 3 3",
    ...      "nsubj punct conj ROOT advmod punct")
    'Hale'
    """
    if (c.dep_ == "cc" and _listed_with(t, head)) or _list_comma(t, c, head):
        return "joins"
    return "between" if _between_listed(t, c, head) else None


def _list_comma(t: Token, c: Token, head: Token) -> bool:
    """Whether ``c`` is a comma listing the sources joined to the speaker's ``head``: a comma hung on the head or one
    of its conjuncts ``t``, followed by another of ``t``'s conjuncts ('Lee, Hale and Ortiz', 'her husband, friends
    and neighbours', 'Ms. Lee, and others'), when what follows it is a source of the head's kind (:func:`_listable`)
    (the list joined by 'and': :func:`_in_list`'s condition). A comma that opens an apposition or a clause is not:
    what it opens is left out of the phrase, which then stops before it as it did (see :func:`_in_list`)."""
    return c.dep_ == "punct" and c.text == "," and c.i > t.i and _listed_with(t, head) and any(
        x.dep_ == "conj" and x.i > c.i and _listable(x, head) for x in t.children)


def _between_listed(t: Token, c: Token, head: Token) -> bool:
    """Whether ``c``, a word the phrase leaves out, stands between ``t`` (the speaker's head or a conjunct of it) and a
    name listed after it ('Ms. Lee, then at the bank, and Mr. Hale', 'Sen. Ann Lee (Ohio) and Tom Hale'), so that
    the phrase names both."""
    return c.i > t.i and _listed_with(t, head) and t.pos_ == "PROPN" and any(
        x.dep_ == "conj" and x.i > c.i and _a_name(x) for x in t.children)


def _joined_by_and(head: Token) -> bool:
    """Whether the words joined to ``head`` as conjuncts are joined by 'and' (or 'nor'), as sources listed together
    are: 'the Leeds Trust, or LT' gives one body a second name; 'Hale, Ortiz said' lists no one."""
    words = join_words(conjuncts(head))
    return bool(words) and words <= {"and", "nor"}


def conjuncts(head: Token, toks: Optional[list[Token]] = None) -> list[Token]:
    """``head`` and every word joined to it, or to one joined to it, as a conjunct (within ``toks`` when given), in
    that walk's order ('Bash and Blitzer and Tapper': the three; spaCy's ``Token.conjuncts`` follows the right
    children only). With :func:`join_words`, the one reading of sources joined together (the list's guard,
    :func:`_joined_by_and`; a group's name, ``graphkit.speaker_kinds._named_together``).

    >>> from graphkit.doc_reading import parsed_as_written
    >>> doc = parsed_as_written("Lee , Hale and Ortiz said", pos="PROPN PUNCT PROPN CCONJ PROPN VERB",
    ...                         tags="NNP , NNP CC NNP VBD", heads="5 0 0 2 2 5", deps="nsubj punct conj cc conj ROOT")
    >>> [t.text for t in conjuncts(doc[0])], [t.text for t in conjuncts(doc[0], list(doc[:3]))]
    (['Lee', 'Hale', 'Ortiz'], ['Lee', 'Hale'])
    >>> join_words(conjuncts(doc[0]))
    {'and'}
    """
    joined = [head]
    for t in joined:
        joined.extend(c for c in t.children if c.dep_ == "conj" and (toks is None or c in toks))
    return joined


#: 'as well as' joining sources is 'and': 'Gov. Tom Hale and Sen. Ann Lee as well as Mayor Jim Park have endorsed
#: her' names the three (issue 12; a switch for the tests)
AS_WELL_AS_AND = True


def join_words(words: list[Token]) -> set[str]:
    """The conjunctions written between conjuncts (``words``, :func:`conjuncts`'), in lower case; 'as well as' is 'and'
    (:data:`AS_WELL_AS_AND`).

    >>> from graphkit.doc_reading import parsed_as_written
    >>> doc = parsed_as_written("Lee as well as Hale said", pos="PROPN ADV ADV CCONJ PROPN VERB",
    ...                         tags="NNP RB RB CC NNP VBD", heads="5 3 3 0 0 5",
    ...                         deps="nsubj advmod advmod cc conj ROOT")
    >>> join_words(conjuncts(doc[0]))
    {'and'}
    """
    return {"and" if AS_WELL_AS_AND and _as_well_as(c) else c.lower_
            for t in words for c in t.children if c.dep_ == "cc"}


def _as_well_as(cc: Token) -> bool:
    """Whether a 'cc' word is the last of 'as well as' (the parser hangs 'as well' on it)."""
    return cc.lower_ == "as" and [x.lower_ for x in cc.children if x.i < cc.i][-2:] == ["as", "well"]


def _listable(x: Token, head: Token) -> bool:
    """Whether a conjunct after a comma can be one more source listed with the speaker's ``head``: people or bodies
    in the plural ('other donors'), 'others', or a name listed with a name or a plural ('Lee, Hale'; 'the mayor's
    biographers, Ann and Tom Hale'). A singular common noun after a name describes it ('Norway, Oslo's ally and its
    partner'), and a name after a singular common noun starts a clause of its own as often as not ('According to
    the police memo, Hale and another aide asked')."""
    if x.pos_ == "PROPN":
        return _a_name(x) and (head.pos_ == "PROPN" or head.tag_ == "NNS")
    return x.tag_ == "NNS" or x.lower_ == "others"


def _a_name(x: Token) -> bool:
    """Whether a proper noun is a name, not a description of the one named before it ('Tom Hale, the director, and a
    Tory who ran the staff': 'a' makes it one)."""
    return x.pos_ == "PROPN" and not any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in x.children)


def _listed_with(t: Token, head: Token) -> bool:
    """Whether ``t`` is the speaker's ``head`` or a word joined to it as a conjunct, directly or through another
    ('Huckabee' in 'Carson, Fiorina and Huckabee', which the parser hangs on 'Fiorina')."""
    while t != head and t.dep_ == "conj" and t.head != t:
        t = t.head
    return t == head


def _cut_short(toks: list[Token]) -> bool:
    """Whether a phrase's last token is one it never ends on: punctuation or a function word ('authors of the',
    'coalition of'), or a space token after one (a non-breaking space the parse hangs on a relative clause's last
    conjunction: 'sources who worked here but\u00a0were not named' ends on 'here')."""
    t = toks[-1]
    if t.is_space:
        return len(toks) > 1 and _cut_short(toks[:-1])
    return t.is_punct or t.dep_ in ("case", "prep", "cc", "det") or t.pos_ in ("ADP", "CCONJ", "DET")


def _per_cent(c: Token) -> bool:
    """'per cent' after a number, one unit as 'percent' is ('Thirty per cent of voters'), not a phrase of its own."""
    return c.lower_ == "per" and c.dep_ == "prep" and any(x.lower_ == "cent" for x in c.children)


def _coordinated_modifier(t: Token, head: Token) -> bool:
    """An adjective before the speaker's head coordinated with another ('five past and current employees', 'Former and
    current officials'): its 'and' is the phrase's, which without it is cut to 'current employees'."""
    return t.dep_ == "amod" and t.head == head and t.i < head.i and any(x.dep_ == "conj" for x in t.children)


def _complement_of_postnominal(t: Token, c: Token, head: Token) -> bool:
    """A preposition completing an adjective that follows the speaker's head noun: 'a source close to him', 'people
    close to Clinton', 'sources familiar with the talks' (an adjective after its noun takes its complement with it;
    without it the phrase is cut to 'source close')."""
    return c.dep_ == "prep" and c.i > t.i and t.pos_ == "ADJ" and t.dep_ == "amod" and t.head == head and t.i > head.i


def _glued_before(toks: list[Token]) -> list[Token]:
    """The phrase with the words a slash or hyphen glues to its first word, with no space either side, and the rest of
    the name a slash joins: 'The Boston Globe/ABC News poll' is no 'ABC News poll', 'A CNN/ORC poll' no 'ORC poll',
    'Republican-leaning voters' no 'leaning voters', 'the non-profit' no 'profit'. A hyphen glues only a lower-case
    first word of a phrase ending in a common noun ('co-Anchor DeMarco Morgan', 'warm-and-fuzzy Trump' stay the names
    they were), or, as a slash does, the names of a joint poll or survey ('The Denver Post-CBS News poll' is no
    'CBS News poll')."""
    if not toks:
        return toks
    doc = toks[0].doc
    joint = toks[0].text[:1].isupper() and toks[-1].lemma_.lower() in DOCUMENT_NOUNS
    glue = ("/", "-") if (toks[0].text[:1].islower() and toks[-1].pos_ == "NOUN") or joint else ("/",)
    i = toks[0].i
    while i >= 2 and doc[i - 1].text in glue and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
            and doc[i - 2].text[-1:].isalnum() and "\n" not in doc[i - 2].text:
        i -= 2
    if i < toks[0].i and (doc[i + 1].text == "/" or joint):  # the whole first name: 'The Boston Globe/ABC News poll'
        while i >= 1 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper() and doc[i - 1].whitespace_ \
                and "\n" not in doc[i - 1].text_with_ws:
            i -= 1
    return [doc[j] for j in range(i, toks[0].i)] + toks


_NAMING_PREPS = {"by", "from", "for", "with", "at", "in"}


def naming_pp(head: Token, prep: Token) -> bool:
    """A prepositional phrase that names whose or where a common-noun source is, and so belongs to it: 'a study
    by the League of Rural Hospitals', 'an email from Neera Tanden', 'the government in Beijing', 'One in
    three'. Not a date ('a panel in 2001'), nor a spokesperson's principal (see
    :func:`~graphkit.speaker_parts.spoken_for`)."""
    if prep.dep_ != "prep" or prep.i < head.i or prep.lower_ not in _NAMING_PREPS:
        return False
    obj = next((x for x in prep.children if x.dep_ == "pobj"), None)
    if obj is None:
        return False
    if head.like_num and prep.lower_ == "in" and (obj.like_num or any(
            c.dep_ == "nummod" and c.like_num for c in obj.children)):
        return True  # 'One in three', '4 in 10', 'One in four voters'
    if head.pos_ != "NOUN" or head.ent_type_ or head.lemma_.lower() in SPOKES:
        return False
    return any(t.ent_type_ not in ("", "DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY")
               or (t.pos_ == "PROPN" and not t.ent_type_) for t in obj.subtree)


def naming_zone(head: Token, who: Optional[set[int]] = None) -> set[int]:
    """Token indices of the phrases naming whose or where the source headed by ``head`` is (:func:`naming_pp`), of
    the complements of an adjective after it ('people close to Clinton', 'sources familiar with the FDIC's inquiry':
    the source is the people, not Clinton or the FDIC; :func:`_complement_of_postnominal`), and of what says who a
    head naming no one by itself is ('Many in the hall': :func:`who_of`, given as ``who`` when the caller has it)."""
    zone = {x.i for c in head.children if naming_pp(head, c) for x in c.subtree}
    zone.update(x.i for a in head.children for c in a.children if _complement_of_postnominal(a, c, head)
                for x in c.subtree)
    zone.update(who_of(head) if who is None else who)
    return zone


#: what may follow a subject and say who it is: a prepositional phrase ('in the crowd', 'around him', 'out of 10'), a
#: relative clause ('who back her opponents'), a participle's clause ('attending the rally')
_WHO_DEPS = frozenset({"prep", "relcl", "acl"})


def names_no_one(head: Token) -> bool:
    """Whether a subject's head names no one by itself: a quantifier, a demonstrative or a number standing for people
    ('Many', 'those', 'Some', 'Others', 'nine', 'Most'), no noun, name or personal pronoun; what follows it says who
    (:func:`who_of`).

    >>> from graphkit.nlp import load_spacy
    >>> doc = load_spacy()("Those around him and nine of the mayors said so.")
    >>> [(t.text, names_no_one(t)) for t in doc if t.text in ("Those", "him", "nine", "mayors")]
    [('Those', True), ('him', False), ('nine', True), ('mayors', False)]
    """
    if head.ent_type_ and head.ent_type_ != "CARDINAL":
        return False  # a year, a sum, a share: '2016 in Ohio was a hard year' is about 2016
    return head.lower_ in NAMES_NO_ONE or (head.pos_ == "NUM" and head.like_num)


def who_of(head: Token) -> set[int]:
    """Token indices of what follows a head naming no one by itself (:func:`names_no_one`) and says who it is, each
    whole: 'Many in the hall', 'those around him', 'nine out of 10', 'Others who have argued for a tougher line' (a
    subject cut to its first word names no one: 'Many', 'those'), up to a comma or dash. Not a clause set off by a comma
    ('Others, who had waited for hours,' adds what they did), nor an 'as' phrase, which says what they take something
    for ('seen by some as a snub'), nor anything before the head. For unnamed people
    (:func:`~graphkit.person_heads.people_head`), the participle or place phrase that says which
    (:func:`_says_which_people`: 'People briefed on the talks', 'officials in the administration'); empty for any
    other head.

    >>> from graphkit.nlp import load_spacy
    >>> doc = load_spacy()("Many in the hall said the mayor left early.")
    >>> [doc[i].text for i in sorted(who_of(doc[0]))]
    ['in', 'the', 'hall']
    >>> doc = load_spacy()("People briefed on the talks said the deal was dead.")
    >>> [doc[i].text for i in sorted(who_of(doc[0]))]
    ['briefed', 'on', 'the', 'talks']
    """
    if names_no_one(head):
        says = [c for c in head.children if c.dep_ in _WHO_DEPS and c.lower_ != "as"]
    elif people_head(head):
        says = [c for c in head.children if _says_which_people(c)]
    else:
        return set()
    out: set[int] = set()
    for c in says:
        if c.i > head.i and not any(t.is_punct for t in head.doc[head.i + 1:c.left_edge.i]):
            for x in head.doc[c.left_edge.i:c.right_edge.i + 1]:
                if x.text in _CLAUSE_BREAKS:  # 'one of those aides, who asked not to be named': its own clause
                    break
                out.add(x.i)
    return out


def _says_which_people(c: Token) -> bool:
    """Whether a dependent of an unnamed-people head says which people: a passive participle ('People briefed on the
    situation', 'officials involved at the time', 'moderates polled') or a place or membership phrase that is no date
    ('sources in the meetings', not 'a judge in October') and no document, which says where they said it ('the
    union's lawyers in a written filing': :data:`graphkit.mentions.DOCUMENT_NOUNS`)."""
    if c.dep_ == "acl":
        return c.tag_ in ("VBN", "VBD")
    if c.dep_ == "relcl":  # 'executives who run news outlets'; one person's says no more who
        return c.head.tag_ in ("NNS", "NNPS") and not _speech_clause(c)
    if c.dep_ != "prep" or c.lower_ not in WHICH_PEOPLE_PREPS:
        return False
    obj = next((x for x in c.children if x.dep_ == "pobj"), None)
    return obj is not None and obj.ent_type_ not in ("DATE", "TIME") and obj.lemma_.lower() not in DOCUMENT_NOUNS


def _speech_clause(verb: Token) -> bool:
    """Whether a relative clause's verb is a cue of the lexicon (graphkit.cues.Cues.any_verb: 'sources who requested
    anonymity', 'voters who think the tax is fair'): what the people said, the claim's own speech or another, not which
    people they are; the phrase stops before it."""
    return verb.lemma_.lower() in default_cues().any_verb


#: the marks that end what says who a quantifier is ('one of three workers hurt in Leeds, England')
_CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "--"})
