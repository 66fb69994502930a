"""The speaker phrase: which tokens of a sentence name the source, and what they are.

Plain functions over the parse, no article state: :func:`speaker_tokens` cuts the mention out of its
clause ("Kremlin spokesman Dmitry Peskov", not "..., who spoke on Monday,"), :func:`speaker_type` types it
(PERSON, ORG, GPE, NORP, ANON, PRON, NOUN), :func:`split_speaker` splits it into person, role and
organisation, and the role helpers read the offices and roles a name is given where it is written.
:mod:`graphkit.speakers` then resolves the phrase within its article.

>>> from graphkit.nlp import load_spacy
>>> doc = load_spacy()("Kremlin spokesman Dmitry Peskov, who spoke on Monday, said the plan was dead.")
>>> said = next(t for t in doc if t.lower_ == "said")
>>> toks = speaker_tokens(next(t for t in said.children if t.dep_ == "nsubj"))
>>> doc[toks[0].i:toks[-1].i + 1].text, speaker_type(toks, toks[-1])
('Kremlin spokesman Dmitry Peskov', 'PERSON')
>>> person, role, org = split_speaker(toks, None)
>>> person.text, role, org
('Dmitry Peskov', 'spokesman', 'Kremlin')
"""

from __future__ import annotations

import re
import threading
from typing import Optional

from spacy.tokens import Doc, Span, Token

from .cues import default_cues
from .mentions import ANON_HEADS, DOCUMENT_NOUNS, ONE_OF_MANY, WHICH_PEOPLE_PREPS
from .merge import RANK_WORDS
from .mentions import ROLE_HEADS as ROLE_WORDS
from .names import HONORIFICS, TITLE_ROLES, has_org_word, listed_given_name, strip_possessive
from .person_nouns import person_noun, plural_person_noun
from .pronouns import NAMES_NO_ONE


PRONOUN_WORDS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"}


ANON_DETS = {"a", "an", "another", "some", "several", "one", "two", "three", "four", "many", "other", "few",
              "multiple", "various", "numerous"}


# heads of a phrase that speaks for someone else: "Mr Blair's spokesman" is an anonymous spokesperson
SPOKES = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen", "aide", "adviser",
           "advisor", "official", "representative", "staffer", "source", "lawyer", "attorney", "solicitor"}


_SPK_DROP = {"appos", "relcl", "acl", "punct", "advmod", "parataxis", "cc", "prep", "npadvmod"}


ROLE_TITLES = {h for k in HONORIFICS for h in (k, k + ".")}


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
            # 'self-described', '57-year-old': one word (a capitalised half is a name's: 'Jean-Marc', 'Hewlett-Packard')
            hyphened = c.i + 2 == t.i and c.doc[c.i + 1].tag_ == "HYPH" and not c.text[:1].isupper()
            listed = _in_list(t, c, head) if listing else None
            if c.dep_ in _SPK_DROP and c.tag_ != "HYPH" and not (c.dep_ == "prep" and c.lower_ == "of" and c.i > t.i) and not (
                    c.dep_ == "cc" and (t == head or _coordinated_modifier(t, head))) and not hyphened and not (
                    t == head and naming_pp(head, c)) and not (
                    c.dep_ in ("prep", "cc") and t.i in zone and t != head and c.i > t.i) and not (
                    c.i in who) and not (
                    _complement_of_postnominal(t, c, head)) and not _per_cent(c) and listed != "joins":
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

    >>> from graphkit.nlp import parsed_as_written
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

    >>> from graphkit.nlp import parsed_as_written
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


def join_words(words: list[Token]) -> set[str]:
    """The conjunctions written between conjuncts (``words``, :func:`conjuncts`'), in lower case."""
    return {c.lower_ for t in words for c in t.children if c.dep_ == "cc"}


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
    three'. Not a date ('a panel in 2001'), nor a spokesperson's principal (see :func:`spoken_for`)."""
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
    for ('seen by some as a snub'), nor anything before the head. For unnamed people (:func:`_people_head`), the
    participle or place phrase that says which (:func:`_says_which_people`: 'People briefed on the talks', 'officials
    in the administration'); empty for any other head.

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
    elif _people_head(head):
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


def _people_head(head: Token) -> bool:
    """Whether a subject's head is unnamed people a phrase after it may say which: a common noun of an anonymous
    source ('people', 'officials', 'sources'), a plural person noun ('voters', 'activists', also one the NER took for a
    name: :func:`plural_people`) or a plural people or party ('Republicans on Capitol Hill')."""
    lemma = head.lemma_.lower()
    if head.ent_type_:  # a people, or people the NER took for a name ('Tory MPs in marginal seats')
        return head.ent_type_ == "NORP" and head.tag_ in ("NNS", "NNPS") or plural_people(head)
    return head.pos_ == "NOUN" and (lemma in ANON_HEADS or plural_people(head))


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


#: heads that count a share of a group, not the group: '9 percent', '9 per cent', 'half', 'a majority', 'most' (a
#: number alone too: :func:`share_head`)
SHARE_WORDS = frozenset({"percent", "%", "cent", "half", "third", "quarter", "fifth", "majority", "minority",
                         "plurality", "share", "fraction", "portion", "proportion", "percentage", "bulk", "handful",
                         "two-thirds", "one-third", "number", "rest", "most"})

#: the words a share's own unit is written with after its head: 'four in 10', 'nine out of 10', '9 per cent'
_SHARE_UNIT_WORDS = frozenset({"in", "out", "of", "per", "cent"})


def share_head(head: Token) -> bool:
    """Whether a subject's head counts a share of a group: a number ('43 said', 'Four in 10'), a percentage or
    another share word ('24 percent', '9 per cent', 'half', 'majorities', 'most': :data:`SHARE_WORDS`)."""
    return head.like_num or head.lemma_.lower() in SHARE_WORDS


def share_of_people(head: Token) -> bool:
    """Whether a subject counts a share or a number of people it names after 'of': its head a share or a number
    (:func:`share_head`) or a quantifier (:func:`names_no_one`), not 'one' (one person), with an 'of' whose object is
    people in the plural (:func:`_people_head`: '34% of GOP voters', 'half of GOP primary voters', 'A handful of
    Acme Party insiders', 'A number of council members'). Such a phrase is people, a group, whatever the
    NER typed a word after 'of' ('GOP', 'Acme Party'); not a share of a body or a thing ('a majority of the Senate',
    'half of the budget').

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = "Half of Acme Party voters and a third of the Acme Party and one of the voters".split()
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[0, 0, 3, 4, 1, 0, 7, 0, 7, 11, 11, 8, 7, 7, 13, 16, 14],
    ...           deps="ROOT prep compound compound pobj cc det conj prep det compound pobj cc conj prep det pobj".split(),
    ...           tags="NN IN NNP NNP NNS CC DT NN IN DT NNP NNP CC CD IN DT NNS".split(),
    ...           pos="NOUN ADP PROPN PROPN NOUN CCONJ DET NOUN ADP DET PROPN PROPN CCONJ NUM ADP DET NOUN".split(),
    ...           lemmas="half of Acme Party voter and a third of the Acme Party and one of the voter".split())
    >>> [(t.text, share_of_people(t)) for t in (doc[0], doc[7], doc[13])]
    [('Half', True), ('third', False), ('one', False)]
    """
    if head.lower_ == "one" or not (share_head(head) or names_no_one(head)):
        return False
    objs = (x for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for x in c.children if x.dep_ == "pobj")
    return any(x.tag_ in ("NNS", "NNPS") and _people_head(x) for x in objs)


def bare_share(toks: list[Token], head: Token) -> bool:
    """Whether a speaker phrase is a share that does not say of whom: its head a share (:func:`share_head`) and
    nothing after it but the share's unit ('Only 24 percent', 'Four in 10', 'Nine per cent'; not '52 percent of
    registered voters', 'those surveyed')."""
    return share_head(head) and all(t.lower_ in _SHARE_UNIT_WORDS or t.like_num for t in toks if t.i > head.i)


def group_of_share(head: Token, start: int) -> Optional[Span]:
    """The group a bare share counts (:func:`bare_share`): the group of the nearest share written *with* its group
    before it, in its sentence before token ``start``, else in the sentence before: the people of an 'of' after a
    share or quantity ('38 percent of riders called the fares fair. Only 12 percent said ...') or of an 'among' ('Among Labour
    members, 61 per cent said ...'), a plural noun naming people (:func:`_people_head`). None when neither sentence
    has one: the share stays as written. Chosen on PolNeAR train (bench/quantity_groups.py: 24 bare shares with such
    a group, 23 of them its share of that group).

    >>> from graphkit.nlp import load_spacy
    >>> doc = load_spacy()("Asked about the fares, 38 percent of riders called them fair. Only 12 percent said so.")
    >>> group_of_share(doc[15], 14).text
    'riders'
    """
    doc = head.doc
    sent = head.sent
    hits = _share_groups(doc[sent.start:start])
    if not hits and sent.start > 0:
        hits = _share_groups(doc[sent.start - 1].sent)
    return _group_phrase(hits[-1]) if hits else None


def _share_groups(words: Span) -> list[Token]:
    """The group nouns of the shares ``words`` writes with their group ('38 percent of riders', 'two-thirds of
    the union's members', 'Among Labour members'), in order."""
    out = []
    for t in words:
        if t.dep_ == "prep" and t.lower_ in ("of", "among") and (t.lower_ == "among" or share_head(t.head)
                                                                 or names_no_one(t.head)):
            obj = next((x for x in t.children if x.dep_ == "pobj"), None)
            if obj is not None and obj.tag_ in ("NNS", "NNPS") and _people_head(obj):
                out.append(obj)
    return out


def _group_phrase(noun: Token) -> Span:
    """The noun phrase a group noun heads, up to the first punctuation after it ('likely GOP primary voters', 'people
    in a recent poll')."""
    doc = noun.doc
    end = noun.i + 1
    for t in doc[noun.i + 1:noun.right_edge.i + 1]:
        if t.is_punct:
            break
        end = t.i + 1
    return doc[noun.left_edge.i:end]


def share_of(share: str, group: Span) -> str:
    """The name of a bare share of a group: '24 percent of voters'; 'Four in 10 voters' for a share written 'N in M'
    of a group with no determiner ('Four in 10 of the nurses polled' with one).

    >>> from graphkit.nlp import load_spacy
    >>> doc = load_spacy()("Labour members and the nurses polled")
    >>> share_of("Only 24 percent", doc[0:2]), share_of("Four in 10", doc[0:2]), share_of("Four in 10", doc[3:6])
    ('Only 24 percent of Labour members', 'Four in 10 Labour members', 'Four in 10 of the nurses polled')
    """
    one_in = re.search(r"\b(in|out of) \S+$", share) is not None and group[0].dep_ not in ("det", "poss")
    return f"{share} {group.text}" if one_in else f"{share} of {group.text}"


#: the marks that end what says who a quantifier is ('one of three workers hurt in Leeds, England')
_CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "--"})


_LOCAL = threading.local()


def ent_of(tok: Token) -> Optional[Span]:
    """The entity a token belongs to (from a per-document index built once)."""
    if not tok.ent_type_:
        return None
    return ent_index(tok.doc)[1].get(tok.i)


def ent_index(doc: Doc) -> tuple:
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


def speaker_type(toks: list[Token], head: Token) -> str:
    low = head.lower_
    if len(toks) == 1 and (head.pos_ == "PRON" and not head.ent_type_ or low in PRONOUN_WORDS):
        return "PRON"  # not a name the tagger took for a pronoun ('O’Malley', an entity)
    named_by = naming_zone(head)
    toks = [t for t in toks if t.i not in named_by] or toks  # 'a study by the Council ...' is a study
    ents = {t.ent_type_ for t in toks if t.ent_type_}
    if "PERSON" in ents and person_of_phrase(toks) is not None:
        return "PERSON"
    if len(toks) >= 2 and toks[0].lower_.rstrip(".") in HONORIFICS and head.pos_ == "PROPN" and head != toks[0]:
        return "PERSON"  # 'Mr Cable' where the NER saw no person
    if head.lemma_.lower() in SPOKES and head.pos_ == "NOUN" and (any(
            t.dep_ in ("poss", "compound", "nmod", "amod") and (t.ent_type_ or t.pos_ == "PROPN") for t in head.children)
            or spoken_for(head) is not None):
        return "ANON"  # "a Downing Street spokesman", "Mr Blair's spokesman", "a spokeswoman for YouTube": never them
    if head.lemma_.lower() in ANON_HEADS:
        first = toks[0].lower_
        if first in ANON_DETS or (head.tag_ == "NNS" and first not in {"the", "these", "those"}) or any(
                t.lower_ == "anonymity" for t in head.subtree):
            return "ANON"
    if one_member(toks, head):
        return "ANON"  # 'a New Hampshire Republican', 'one Democrat': one person of a party, never the party
    if share_of_people(head):
        return "NOUN"  # '34% of GOP voters', 'A handful of Acme Party insiders': people, not 'GOP' or the party
    for lab in ("ORG", "GPE", "NORP"):
        if head.ent_type_ == lab:
            return lab
    if person_role(head):
        return "NOUN"  # 'the Republican presidential candidate': a role, not the group its adjective names
    if one_unnamed_person(toks, head):
        return "ANON"  # 'a neighbor', 'one voter': one person the article does not name, never a group
    ents -= owners_labels(toks, head)
    for lab in ("ORG", "GPE", "NORP"):
        if lab in ents:
            return lab
    if head.pos_ == "PROPN":
        return "ORG"
    return "NOUN"


def named_in_apposition(head: Token) -> bool:
    """Whether a person is named in apposition to a speaker phrase's head ('Another critic, Laurence Tribe,'):
    then the phrase is that named person, not one unnamed person or member.

    >>> from graphkit.nlp import load_spacy
    >>> def named(s):
    ...     said = next(t for t in load_spacy()(s) if t.lower_ == "said")
    ...     return named_in_apposition(next(t for t in said.children if t.dep_ == "nsubj"))
    >>> named("Another critic, Laurence Tribe, said he left."), named("Another critic said he left.")
    (True, False)
    """
    return any(c.dep_ == "appos" and any(t.ent_type_ == "PERSON" for t in c.subtree) for c in head.children) \
        or person_in_apposition(head) is not None


def person_in_apposition(head: Token) -> Optional[Token]:
    """The name of the person a speaker phrase is set in apposition with, else None: a PERSON that is the head's first
    apposition ('the chancellor, Gordon Brown,'); for a singular head (a plural is several, a group), also one in
    apposition to a common noun that is that first apposition ('The other man, his cousin Jim Ortiz,'; not 'Griffin, an
    Obama backer,', whose name is the noun's compound, not its apposition), or to the object of the head's preposition,
    or of a preposition on that object, when the object is no person ('The head of the Leeds Civic Trust, Ann Lee,',
    'The author of the book, Tom Hale,': a person is in apposition to no body or book, so the parser hung the name on
    the wrong noun; not 'a spokesman for the mother of the victim, Ann Lee,', whose object is a person).

    >>> from graphkit.nlp import load_spacy
    >>> def named(s):
    ...     said = next(t for t in load_spacy()(s) if t.lower_ in ("said", "told"))
    ...     found = person_in_apposition(next(t for t in said.children if t.dep_ == "nsubj"))
    ...     return found.text if found is not None else None
    >>> named("The head of the Leeds Civic Trust, Ann Lee, told the BBC it was over.")
    'Lee'
    >>> named("The other man, his cousin Jim Ortiz, 40, said no."), named("Griffin, an Obama backer, said no.")
    ('Ortiz', None)
    """
    first = first_appos(head)
    if first is not None and first.ent_type_ == "PERSON":
        return first
    if head.tag_ in ("NNS", "NNPS"):  # several: a group ('Four shops — Acme's, Bell's and Tom Hale Books —')
        return None
    if first is not None and first.pos_ == "NOUN" and (named := _person_appos(first)) is not None:
        return named
    objects = _prep_objects(head)
    for o in objects:
        if names_a_person(o):
            continue
        if (named := _person_appos(o)) is not None:
            return named
        objects.extend(_prep_objects(o))
    return None


def first_appos(head: Token) -> Optional[Token]:
    """The head's first apposition ('the chancellor, Gordon Brown,': 'Brown'), else None."""
    return next((c for c in head.children if c.dep_ == "appos"), None)


def _person_appos(t: Token) -> Optional[Token]:
    """A PERSON set in apposition to the word, else None."""
    return next((x for x in t.children if x.dep_ == "appos" and x.ent_type_ == "PERSON"), None)


def _prep_objects(t: Token) -> list[Token]:
    """The objects of the word's prepositions ('the head of the Trust': 'Trust')."""
    return [o for p in t.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]


def person_typed_otherwise(head: Token) -> bool:
    """Whether a proper-noun speaker the NER typed an organisation is a person's name: set in apposition with a word
    naming a person ('Reince Priebus, the GOP chairman,', 'Carly Fiorina, the former chief executive,'), or written
    as a given name of the `nicknames` table and a surname, the NER's entity up to the head ('Carly Fiorina', whatever
    the tagger made of 'Carly'; graphkit.names.listed_given_name), no word of it an organisation's ('Ford Motor',
    'Bernie Sanders Foundation': graphkit.names.has_org_word).

    >>> from graphkit.nlp import load_spacy
    >>> def typed(s):
    ...     said = next(t for t in load_spacy()(s) if t.lower_ in ("said", "announced"))
    ...     return person_typed_otherwise(next(t for t in said.children if t.dep_ == "nsubj"))
    >>> typed("Reince Priebus, the GOP chairman, announced a website."), typed("Acme Motors said it would close.")
    (True, False)
    """
    if head.pos_ != "PROPN":
        return False
    first = first_appos(head)
    if first is not None and names_a_person(first):
        return True
    e = ent_of(head)
    name = [t for t in e if t.i <= head.i] if e is not None else [head]  # the entity's words up to the head
    return 2 <= len(name) <= 3 and listed_given_name(name[0].text) and not has_org_word([t.text for t in name])


def names_a_person(t: Token) -> bool:
    """Whether the word names a person: a person's name (the NER's PERSON) or a common noun whose most frequent sense
    is a person (`graphkit.person_nouns.person_noun`: 'chairman', 'cousin'; not 'trust', 'book')."""
    return t.ent_type_ == "PERSON" or (t.pos_ == "NOUN" and person_noun(t.lemma_))


def one_unnamed_person(toks: list[Token], head: Token) -> bool:
    """Whether a speaker phrase is one person it does not name: a singular common noun whose most frequent sense
    is a person (models/person_nouns.txt: 'neighbor', 'friend', 'voter'; not 'poll', 'group'), opened by 'a', 'an',
    'one' or 'another', no entity of its own and no person named in apposition ('Another critic, Laurence Tribe,'
    is Laurence Tribe). A plural ('neighbors') is a group, a definite 'the neighbor' someone the article may have
    named; an office ('a federal judge', :func:`person_role`) is read before this.

    >>> from graphkit.nlp import load_spacy
    >>> def one(s):
    ...     said = next(t for t in load_spacy()(s) if t.lower_ == "said")
    ...     toks = speaker_tokens(next(t for t in said.children if t.dep_ == "nsubj"))
    ...     return one_unnamed_person(toks, toks[-1])
    >>> one("A neighbor said he left."), one("Neighbors said he left."), one("A new poll said he left.")
    (True, False, False)
    >>> one("Another critic, Laurence Tribe, said he left.")
    False
    """
    return toks[0].lower_ in ONE_OF_MANY and _one_person_noun(head) and not named_in_apposition(head)


def one_member(toks: list[Token], head: Token) -> bool:
    """Whether a speaker phrase is one member of a people or party it does not name: 'a', 'an', 'one' or 'another'
    and a singular head the NER calls a people or party (NORP: 'a New Hampshire Republican', 'one Democrat close to
    the talks'), no person named in apposition. The plural ('Republicans') is the group; the NORP type alone made
    one anonymous insider the whole party, one actor across the corpus.

    >>> from graphkit.nlp import load_spacy
    >>> def one(s):
    ...     said = next(t for t in load_spacy()(s) if t.lower_ == "said")
    ...     toks = speaker_tokens(next(t for t in said.children if t.dep_ == "nsubj"))
    ...     return one_member(toks, toks[-1])
    >>> one("A New Hampshire Republican said he left."), one("Republicans said he left.")
    (True, False)
    >>> one("One Democrat, Ann Lee, said he left.")
    False
    """
    return (head.ent_type_ == "NORP" and head.tag_ in ("NNP", "NN") and toks[0].lower_ in ONE_OF_MANY
            and not named_in_apposition(head))


def definite_person(toks: list[Token], head: Token) -> bool:
    """Whether a speaker phrase is one person described, not named: 'the' and a singular common noun whose most
    frequent sense is a person ('the man', 'The witness', 'the retired neurosurgeon'), no entity of its own, not
    joined to another ('The senator and the businessman' are two). An office ('the senator', :func:`person_role`) and
    a source word ('the official', ``ANON_HEADS``) have paths of their own, and are not asked.

    >>> from graphkit.nlp import load_spacy
    >>> def person(s):
    ...     said = next(t for t in load_spacy()(s) if t.lower_ == "said")
    ...     toks = speaker_tokens(next(t for t in said.children if t.dep_ == "nsubj"))
    ...     return definite_person(toks, toks[-1])
    >>> person("The man said he left."), person("A man said he left."), person("The poll said he left.")
    (True, False, False)
    >>> person("The senator said he left."), person("The men said they left.")
    (False, False)
    """
    return (toks[0].lower_ == "the" and _one_person_noun(head) and not person_role(head)
            and head.lemma_.lower() not in ANON_HEADS and not any(c.dep_ == "conj" for c in head.children))


def _one_person_noun(head: Token) -> bool:
    """A singular common noun, no entity of its own, whose most frequent sense is a person (graphkit.person_nouns):
    the head of one person described, not named ('neighbor', 'man'; not 'neighbors', 'poll'), as
    :func:`one_unnamed_person` and :func:`definite_person` read it."""
    return head.pos_ == "NOUN" and head.tag_ == "NN" and not head.ent_type_ and person_noun(head.lemma_)


def brings_in_one(t: Token) -> Optional[Token]:
    """The determiner that makes a singular noun one person not named before ('a man', 'One woman', 'another
    voter': :data:`graphkit.mentions.ONE_OF_MANY`), else None."""
    return next((c for c in t.children if c.dep_ in ("det", "nummod") and c.lower_ in ONE_OF_MANY and c.i < t.i),
                None)


def owners_labels(toks: list[Token], head: Token) -> set[str]:
    """The entity labels a person noun's possessor alone brings into its phrase ("the Labour leader's driver", "Trump's
    opponents": the driver and the opponents are people, not the party or the person who has them), which the
    phrase's type does not read; none when a noun compound says the head is a thing ("Kantar Media's ad tracker": a
    service) or the head names no person.

    >>> from graphkit.nlp import load_spacy
    >>> def labels(s):
    ...     toks = speaker_tokens(next(t for t in load_spacy()(s) if t.dep_ == "nsubj"))
    ...     return sorted(owners_labels(toks, toks[-1]))
    >>> labels("The Labour Party's driver said no."), labels("The Labour Party's ad tracker said no.")
    (['ORG'], [])
    """
    if head.pos_ != "NOUN" or not person_noun(head.lemma_.lower()) \
            or any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in head.children):
        return set()
    owner = {x.i for c in head.children if c.dep_ == "poss" for x in c.subtree}
    inside = {t.ent_type_ for t in toks if t.ent_type_ and t.i not in owner}
    return {t.ent_type_ for t in toks if t.ent_type_ and t.i in owner} - inside


def plural_people(head: Token) -> bool:
    """A plural common noun naming people ('candidates', 'MPs', 'aides'; graphkit.person_nouns.plural_person_noun, the
    one reading of a plural's person noun, as a stored phrase is read): a group, never one person, whether the NER took
    it for a name or names stand in apposition to it."""
    return head.tag_ in ("NNS", "NNPS") and plural_person_noun(head.text) is not None


def person_role(head: Token) -> bool:
    """A singular common noun naming an office or job a person holds ('candidate', 'senator', 'chairman')."""
    return head.pos_ == "NOUN" and head.tag_ == "NN" and head.lower_ in ROLE_WORDS and not head.ent_type_


def split_speaker(toks: list[Token], appos: Optional[Token]) -> tuple[Optional[Span], Optional[str], Optional[str]]:
    """(person entity span, role, organisation) from a speaker phrase and its apposition."""
    doc = toks[0].doc
    person = person_of_phrase(toks)
    role = org = None

    def role_org(words: list[Token], offices: bool = False):
        r = o = None
        orgw = []
        rolew = []
        for w in words:
            if w.is_punct or w.lower_ in {"the", "a", "an"} or (w.lower_ in ROLE_TITLES and not (offices and w.lower_ in OFFICES)):
                continue  # 'Mr', 'Sen.' before a name are no role; 'the president' with no name is one
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
            o = strip_possessive(o).strip() or None
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
        # "the Kremlin spokesman", "Russia's Foreign Minister", "the prime minister": a role phrase without a name
        r, o = role_org(toks, offices=True)
        if r and (o or head_of(toks).pos_ == "NOUN"):
            role, org = r, o
    return person, role, org


def head_of(toks: list[Token]) -> Token:
    """The syntactic head of a phrase: the token whose head lies outside it."""
    ids = {t.i for t in toks}
    return next((t for t in toks if t.head.i not in ids or t.head == t), toks[-1])


def person_of_phrase(toks: list[Token]) -> Optional[Span]:
    """The PERSON entity that *is* the speaker: the one holding the phrase's head.

    "Clinton campaign chairman John Podesta" is Podesta, not Clinton; "Trump's son Donald Trump Jr." is
    Donald Trump Jr.; "Mr Blair's spokesman" and "the Clinton campaign" hold a person who is not the
    speaker (None). With no entity on the head, a proper-noun head takes the last PERSON entity. A plural noun naming
    people is no one's name, whatever the NER says (:func:`plural_people`).
    """
    ents = []
    for t in toks:
        if t.ent_type_ == "PERSON":
            e = ent_of(t)
            if e is not None and e.start >= toks[0].i and e.end <= toks[-1].i + 1 and e not in ents:
                ents.append(e)
    if not ents:
        return None
    head = head_of(toks)
    if plural_people(head):
        return None  # 'Tory MPs' the NER took for a name: people
    for e in ents:
        if e.start <= head.i < e.end:
            return e
    if head.pos_ == "PROPN" and head.lower_ not in ROLE_TITLES:
        return ents[-1]
    return None


OFFICES = {v for v in TITLE_ROLES.values()}

def office_title(e: Span) -> tuple[Optional[str], Optional[str]]:
    """The office a title before a name holds ('President Obama' → president, 'Sen. Kirk' → senator; 'Former
    President Bill Clinton' → former president; 'Vice President Ann Price' → vice president, 'Press Secretary Tom
    Hale' → press secretary, other offices than the president's or a secretary's: graphkit.merge.RANK_WORDS, the one
    list of such words), and the place or organisation written before the title ('New Jersey Gov. Chris Christie' →
    governor, New Jersey).

    A Doc built by hand shows it (the words and their entities as written, no model's reading):

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = "Vice President Ann Price met New Jersey Gov. Tom Hale and former Sen. Jo Lee".split()
    >>> ents = "O O B-PERSON I-PERSON O B-GPE I-GPE O B-PERSON I-PERSON O O O B-PERSON I-PERSON".split()
    >>> doc = Doc(spacy.blank("en").vocab, words=words, ents=ents)  # the blank pipeline's lexical attributes
    >>> [office_title(e) for e in doc.ents if e.label_ == "PERSON"]
    [('vice president', None), ('governor', 'New Jersey'), ('former senator', None)]
    """
    words = [t for t in e.doc[max(0, e.start - 4):e.start + 1] if t.i < e.end]
    at = next((t for t in reversed(words) if t.lower_.rstrip(".") in TITLE_ROLES), None)
    if at is None or any(t.lower_ in ("late", "then") for t in words):
        return None, None
    title = TITLE_ROLES[at.lower_.rstrip(".")]
    rank = e.doc[at.i - 1].lower_.rstrip(".") if at.i > words[0].i else None
    if rank in RANK_WORDS:
        title = f"{rank} {title}"
    if any(t.lower_ in ("former", "ex") for t in words):
        title = f"former {title}"  # another office: 'the former president', never 'the president'
    where = [t for t in words if t.i < at.i and t.ent_type_ in ("GPE", "ORG", "NORP")]
    where = [t for t in where if t.i >= where[-1].i - 2] if where else []
    return title, (e.doc[where[0].i:where[-1].i + 1].text if where else None)


def roles_named_with(e: Span) -> list[tuple[str, Optional[str]]]:
    """(role, organisation) pairs the article gives a person by naming them together:
    "Kremlin spokesman Dmitry Peskov", "Tony Blair, the prime minister,", "the chancellor, Gordon Brown,"."""
    doc = e.doc
    out = []
    pre = [t for t in e.root.children if t.i < e.start and t.dep_ in ("compound", "amod", "nmod", "poss")]
    if pre:
        lo = min(t.left_edge.i for t in pre)
        cut = _after_other_names(doc, lo, e.start)
        _, role, org = split_speaker(list(doc[lo:e.end]), None) if cut == lo else (None, *role_words(list(doc[cut:e.start])))
        if role:
            out.append((role, org))
    nouns = [c for c in e.root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if e.root.dep_ == "appos" and e.root.head.pos_ == "NOUN":
        nouns.append(e.root.head)
    for n in nouns:
        toks = [t for t in n.subtree if t.i < n.i or t == n]
        toks = [t for t in toks if not (e.start <= t.i < e.end)]
        if toks:
            r, o = role_words(toks)
            if r:
                out.append((r, o))
    return out


def _after_other_names(doc, lo: int, start: int) -> int:
    """Where the words written before a name at ``start`` begin, from ``lo`` on, when they say that name's role: after
    the last conjunction, comma or other person's name among them ("real estate mogul Donald Trump and media mogul
    Rupert Murdoch": Murdoch's role is "media mogul", not one that runs over Trump).

    >>> from graphkit.nlp import load_pipeline
    >>> doc = load_pipeline()("Real estate mogul Donald Trump and media mogul Rupert Murdoch met.")
    >>> doc[_after_other_names(doc, 0, 8):8].text
    'media mogul'
    """
    for t in doc[lo:start]:
        if t.pos_ == "CCONJ" or t.text == "," or t.ent_type_ == "PERSON":
            lo = t.i + 1
    return lo


def role_words(toks: list[Token]) -> tuple[Optional[str], Optional[str]]:
    """(role, organisation) of a role phrase with no name ("the prime minister", "Russia's foreign minister")."""
    rolew, orgw = [], []
    for w in toks:
        if w.is_punct or w.lower_ in {"the", "a", "an"} or w.dep_ == "case":
            continue
        if (w.ent_type_ in ("ORG", "GPE", "NORP") or w.dep_ == "poss") and not rolew:
            orgw.append(w)
        else:
            rolew.append(w)
    role = " ".join(w.text for w in rolew) or None
    org = strip_possessive(" ".join(w.text for w in orgw)).strip() or None
    return role, org


def spoken_for(head: Token) -> Optional[Token]:
    """'a spokeswoman for YouTube', 'an aide to Mr Blair': the name after 'for' / 'to' a spokesperson-like head
    speaks for (an entity or proper noun), else None."""
    for c in head.children:
        if c.dep_ == "prep" and c.i > head.i and c.lower_ in ("for", "to"):
            obj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if obj is not None and any(t.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") or t.pos_ == "PROPN"
                                       for t in (obj, *[x for x in obj.lefts if x.dep_ == "compound"])):
                return obj  # 'YouTube', 'Mr Blair', 'the Clinton campaign'
    return None


def principal_tokens(head: Token) -> list[Token]:
    """Who a spokesperson-like head speaks for: its possessive or name modifiers ("Mr Blair's", "Downing Street"),
    else the name after 'for' ("a spokeswoman for YouTube")."""
    out = []
    for c in head.children:
        if c.i < head.i and c.dep_ in ("poss", "compound", "nmod") and (c.ent_type_ or c.pos_ in ("PROPN", "PRON")):
            out.append(c)
    if not out and head.lemma_.lower() in SPOKES and spoken_for(head) is not None:
        out.append(spoken_for(head))
    return out


def name_end(t: Token) -> int:
    """Index of the last token of the name a token ends or is in: its entity's end, else the token."""
    e = ent_of(t)
    return e.end - 1 if e is not None else t.i
