"""Speaker mentions as the resolution reads them: what an attribution's speaker is (a name, a role
phrase, a pronoun, an anonymous source, a group, nothing), its name without title words, its role.

:func:`read_mention` reads one attribution; the word lists and small predicates here
(:func:`is_role_phrase`, :func:`group_of_officials`, :func:`anonymous_phrase`, :func:`clean_role`)
are the resolution's vocabulary (graphkit.resolve).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .gazetteer import Gazetteer
from .given_names import listed_given_name
from .merge import acronym_form
from .names import (APOS, ORG_NOUNS, TITLE_WORDS, drop_article, fold, has_org_word, is_pronoun, plain_name,
                    split_honorific, split_title, strip_possessive)
from .person_nouns import person_noun, plural_person_noun
from .places import PlaceConfig, is_known_place
from .pronouns import FIRST_PERSON, NO_ANTECEDENT, PLURAL_PRONOUNS
from .records import Attribution

#: the head nouns of an anonymous source ('a senior source', 'an aide'), as lemmas: the one list of them (a speaker
#: phrase's head is read by its lemma: graphkit.person_heads, graphkit.speaker_types, graphkit.speakers,
#: graphkit.speaker_kinds)
ANON_HEADS = frozenset({"source", "official", "aide", "insider", "diplomat", "person", "people", "adviser", "advisor",
                        "officer", "staffer", "member", "analyst", "expert", "observer", "lawmaker", "negotiator",
                        "spokesperson", "representative", "investigator", "ally", "confidant", "associate",
                        "strategist"})
#: the same heads as a phrase's last word is written, with the plurals an anonymous source is written in ('officials
#: said'): read off a stored phrase, which has no lemmas (:func:`anonymous_phrase`)
ANON_HEAD_WORDS = ANON_HEADS | {"sources", "officials", "aides", "insiders", "diplomats", "advisers", "advisors",
                                "officers", "staffers", "members"}


#: the determiners that bring in one person not named before ('a neighbor', 'one voter', 'another supporter')
ONE_OF_MANY = frozenset({"a", "an", "one", "another"})

DETERMINER_LIKE = {"another", "one", "two", "three", "some", "several", "second", "third", "fourth", "other",
                    "senior", "many", "few", "multiple", "various", "numerous"}


def counted_word(word: str) -> Optional[str]:
    """``word`` as an anonymous source's name keeps it when it is one of the `DETERMINER_LIKE` words that count a
    source apart ('another' of 'another Downing Street spokesman' is a second spokesman, not the one 'a Downing
    Street spokesman' was): a capital that opens the sentence dropped, an all-capitals word (a headline's) as written;
    None for any other word. The one rule of `graphkit.actor_names.anonymous_name` and
    `graphkit.speaker_kinds`' spokesperson names.

    >>> counted_word("Another"), counted_word("another"), counted_word("ONE"), counted_word("Officials")
    ('another', 'another', 'ONE', None)
    """
    if fold(word) not in DETERMINER_LIKE:
        return None
    return word if word.isupper() else word[:1].lower() + word[1:]


ROLE_HEADS = {"commissioner", "minister", "spokesman", "spokeswoman", "spokesperson", "president", "secretary",
               "candidate", "nominee", "senator", "congressman", "congresswoman", "representative", "speaker",
               "attorney", "lawyer", "judge", "justice", "economist", "executive", "ceo", "founder", "manager",
               "chairwoman", "mp", "mep", "councillor", "premier", "treasurer", "official", "host", "anchor",
               "negotiator", "envoy", "chief", "head", "director", "aide", "adviser", "advisor", "ambassador",
               "chairman", "chairwoman", "commander", "mayor", "governor", "lawmaker", "senator", "premier",
               "chancellor", "ombudsman", "prosecutor", "general", "leader", "king", "queen", "emir", "prince"}
GROUP_HEADS = {"officials", "authorities", "leaders", "diplomats", "lawmakers", "negotiators", "officers",
               "ministers", "governments", "members"}
DEMONYM_LIKE = {"russian", "ukrainian", "american", "us", "european", "western", "senior", "another", "third",
                 "second", "first"}


@dataclass
class Mention:
    """One speaker mention of an article, read from its attribution."""

    doc_id: str
    index: int
    att: Attribution
    surface: str          # what stood in the text as the speaker
    name: str             # the name part (no title), or the phrase for groups/anonymous
    kind: str             # name, title, pronoun, anon, group, none
    etype: Optional[str]  # corrected entity type of the name, when known
    role: Optional[str]
    pos: int              # where the mention stands in the article
    gender: Optional[str] = None  # the gender a pronoun referring to this mention says


#: what a mention is read as, before it is made a `Mention`: (name, kind, entity type, role)
_Reading = tuple[str, str, Optional[str], Optional[str]]


def read_mention(doc_id: str, i: int, a: Attribution, person_ents: list[tuple], fold_types: dict[str, str],
                 gz: Gazetteer, pc: PlaceConfig) -> Mention:
    """What kind of speaker mention an attribution holds (name, title, pronoun, anon, group, none), its
    name part without title words, its role, and the corrected entity type of the name when known.
    ``person_ents``: the article's person entities (text, label, start, end) in text order.

    The steps, in the order the data flows: no speaker, or a pronoun; the words that name it (`_mention_text`);
    the author of a first person; the person entity heading the mention (`_person_inside`); a person named after a
    role; an anonymous source; that person's name (`_person_name`); else a title, group or name by its entity type
    (`_typed_mention`)."""
    pos = (a.speaker_span or a.spans[0])[0]
    surface = a.speaker_text or a.resolved_text or ""

    def mention(name: str, kind: str, etype: Optional[str] = None, role: Optional[str] = a.role) -> Mention:
        return Mention(doc_id, i, a, surface, plain_name(name), kind, etype, role, pos)  # one clean name text

    if not a.speaker_text and not a.resolved_text:
        return mention("", "none")
    if not a.resolved_text or is_pronoun(a.resolved_text):
        return mention(surface, "pronoun")
    text = _mention_text(a.resolved_text)
    if not text:
        return mention(surface, "none")
    if written_by(a):  # 'I' of an opinion piece, the author its byline or closing note names: a person
        return mention(text, "name", "person")
    if people_together(a, text, person_ents):  # 'they' of 'Ann Lee and Tom Hale': the group, as when they speak
        return mention(strip_det(text), "group", "group")
    person = _person_inside(a, text, person_ents)
    named = name_after_role(text) if person is None and a.speaker_type in ("ORG", "NORP", "GPE") else None
    if named is not None:
        return mention(named[1], "name", "person", a.role or named[0])
    if a.speaker_type == "ANON" or (anonymous_phrase(text) and person is None) or _anonymous_antecedent(a, text):
        return mention(text, "anon", "anonymous")
    if person is not None:
        return mention(*_person_name(a, text, person, fold_types))
    return mention(*_typed_mention(a, text, fold_types, gz, pc))


def _mention_text(resolved: str) -> str:
    """The words of a resolved speaker that name it: quotes and punctuation around it, markup left in scraped text
    ('2016">Donald Trump', 'datetime="2016-06') and a cut fragment's ends (`trim_fragment`) taken off; '' when
    nothing is left that names anyone.

    >>> _mention_text('"Sergey Lavrov,'), _mention_text('2016">Donald Trump'), _mention_text('datetime="2016-06')
    ('Sergey Lavrov', 'Donald Trump', '')
    """
    text = resolved.strip().strip("\"'\u201c\u201d\u2018\u2019,;:").strip()
    if re.search(r'[<>]|="', text):
        text = re.split(r'[<>]|="', text)[-1].strip(" .\"'")
        if not re.search(r"[A-Za-z]{2}", text):
            return ""
    return trim_fragment(text)


def people_together(a: Attribution, text: str, person_ents: list[tuple]) -> bool:
    """Whether a plural pronoun speaker stands for people named together ('Ann Lee and Tom Hale met voters. They
    said ...'): the article pass resolved it to a phrase holding two or more person entities joined by 'and' or
    'nor', which it names as a group (graphkit.speaker_kinds._named_together), as their own speech is; not one of
    them (the last name of the phrase, which would head a person's mention: `_person_inside`).

    >>> from graphkit.records import Attribution
    >>> a = Attribution(text="the tax was unfair", spans=[(61, 79)], cue="said", speaker_text="They",
    ...                 speaker_type="PRON", speaker_span=(52, 56), resolved_text="Ann Lee and Tom Hale",
    ...                 resolved_span=(0, 20))
    >>> ents = [("Ann Lee", "PERSON", 0, 7), ("Tom Hale", "PERSON", 12, 20)]
    >>> people_together(a, "Ann Lee and Tom Hale", ents), people_together(a, "Ann Lee and Tom Hale", ents[:1])
    (True, False)
    """
    span = a.resolved_span
    if a.speaker_type != "PRON" or span is None or fold(a.speaker_text or "") not in PLURAL_PRONOUNS \
            or not re.search(r"\b(?:and|nor)\b", text):
        return False
    return sum(span[0] <= e[2] and e[3] <= span[1] for e in person_ents) >= 2


def _person_inside(a: Attribution, text: str, person_ents: list[tuple]) -> Optional[str]:
    """The person entity a mention's ``text`` names as its speaker: the one that heads it ('President Barack Obama'),
    not one inside it ('Clinton supporters'), for a person or a pronoun the article resolved to a span; for a
    phrase the NER typed a body, place or people, a person's name it ends with (`_name_ending`). Else None."""
    person = None
    if a.speaker_type in (None, "PERSON") or (a.speaker_type == "PRON" and a.resolved_span):
        span = a.resolved_span if a.resolved_text and a.resolved_span else a.speaker_span
        if span:
            end = span[1] - (2 if text.endswith(("'s", "\u2019s")) else 0)
            inside = [e for e in person_ents if span[0] <= e[2] and e[3] <= span[1]
                      and (e[3] >= end - 1 or a.speaker_type == "PERSON")]
            if inside:
                person = max(inside, key=lambda e: (e[3] - e[2], -e[2]))[0]
    if person is None and a.speaker_type in ("ORG", "NORP", "GPE") and a.speaker_span:
        person = _name_ending(a.speaker_span, text, person_ents)
    return person


def _person_name(a: Attribution, text: str, person: str, fold_types: dict[str, str]) -> _Reading:
    """A person's mention: the name the article gives in full (`fuller_in_article`; a pronoun's or a name's
    surname from the relative it is written with, `with_surname`), without title words or a possessive, its role
    the title written before it (`_title_role`). Not fuller for a name typed an organisation across the corpus
    ('Twitter')."""
    if fold_types.get(fold(person)) in (None, "person"):
        person = fuller_in_article(text, person)
        if a.speaker_type in ("PRON", "PERSON"):  # 'he' of "Clinton's husband, Bill": Bill Clinton
            person = with_surname(text, person)
    name = trim_fragment(strip_possessive(person))
    name = split_title(name)[1] or name  # spaCy's PERSON may hold the title: 'Representative Charles B. Rangel'
    prefix = text[: text.find(person)].strip(" ,") if person in text else ""
    return name, "name", "person", _title_role(prefix, a.role)


def _title_role(prefix: str, role: Optional[str]) -> Optional[str]:
    """The role of a name written after ``prefix`` ('Senator' of 'Senator X'): ``role`` when the attribution has one,
    else the prefix when it holds a title word (an honorific, 'Mr', is no role).

    >>> _title_role("Senator", None), _title_role("Mr", None), _title_role("Senator", "chair")
    ('Senator', None, 'chair')
    """
    prefix = split_honorific(f"{prefix} x")[1][:-1].strip() if prefix else prefix
    if not role and prefix and any(w.lower().strip(".,") in TITLE_WORDS for w in prefix.split()):
        return prefix
    return role


def _typed_mention(a: Attribution, text: str, fold_types: dict[str, str], gz: Gazetteer, pc: PlaceConfig) -> _Reading:
    """A mention with no person entity heading it, read by its entity type: a person's name or a bare title, a web
    address (an organisation), a common-noun phrase (a title, a named body or a group), else a name typed from the
    corpus's corrected types, the NER's label or the known places."""
    role = a.role
    # a common noun phrase ('the candidate') takes no type the NER gave a name folding the same ('The Candidate')
    etype = None if a.speaker_type == "NOUN" and common_noun_phrase(text) else fold_types.get(fold(text))
    if etype == "person" and a.speaker_type == "ORG" and has_org_word(text):
        etype = None  # an organisation's name the NER typed a person elsewhere ("Alpine People's Party" for 'the AVP')
    if a.speaker_type == "PERSON" or etype == "person":
        prefix, name = split_title(text)
        if not name:
            return text, "title", None, role
        return name, "name", fold_types.get(fold(name), "person"), _title_role(prefix, role)
    if etype is None and web_address(text):
        return text, "name", "organisation", role
    if a.speaker_type == "NOUN" and etype is None:
        if gz.match_title(text, org_role(a)) or gz.match_name(text, False) or is_role_phrase(text):
            return text, "title", None, role
        return strip_det(text), "group", "organisation" if named_body(text) else "group", role
    if a.speaker_type == "PRON" and etype is None and names_people(before_which(fold(text).split())):
        return strip_det(text), "group", "group", role  # 'who' / 'they' for 'undeclared voters', 'House Democrats'
    name = strip_det(strip_possessive(text))
    if etype is None:
        etype = {"GPE": "place", "ORG": "organisation", "NORP": "group"}.get(a.speaker_type or "", None)
        if etype is None and is_known_place(name, pc):
            etype = "place"
    if etype in (None, "organisation") and people_in_plural(name, alone=etype is None):
        etype = "group"  # 'GOP contenders' the NER took for a body's name, 'Voters' typed nothing: people
    return name, "name", etype, role


def people_in_plural(name: str, alone: bool) -> bool:
    """Whether a name is people in the plural, a group, whatever the NER took it for: its last word the plural of a
    person noun (graphkit.person_nouns.plural_person_noun), in lower case or an initialism's plural after other words
    ('GOP contenders', 'Verizon executives', 'Tory MPs'), or one word where the caller finds nothing else it could be
    (``alone``: 'Voters' typed nothing; not a surname, 'Parsons', nor a body's name, 'Teamsters'); not a body's name
    in capitals ('American Federation of Teachers', 'Founding Fathers'), nor a phrase a preposition or conjunction
    joins, whose head is not its last word ('YouGov poll of voters'). The one test of a name's shape for the
    mentions (:func:`_typed_mention`) and the corpus's types (graphkit.entity_types).

    >>> names = ("GOP contenders", "Tory MPs", "American Federation of Teachers", "Voters")
    >>> [people_in_plural(t, False) for t in names]
    [True, True, False, False]
    >>> [people_in_plural(t, True) for t in ("Voters", "YouGov poll of voters", "Wages")]
    [True, False, False]
    """
    words = name.translate(APOS).split()
    if not words or len(words) == 1 and not alone or any(w.lower() in _LINKING or w.lower() in _JOINING for w in words):
        return False
    last = words[-1]
    if len(words) > 1 and not (last.islower() or last[:-1].isupper()):
        return False
    return plural_person_noun(last) is not None


_WEB_ADDRESS = re.compile(r"(?:www\.)?[A-Za-z0-9][A-Za-z0-9\-]*(?:\.[A-Za-z0-9\-]+)*"
                          r"\.(?:com|org|net|gov|edu|info|io|co\.uk|org\.uk)", re.IGNORECASE)


def web_address(text: str) -> bool:
    """Whether a speaker phrase is a web site's address ('GunBroker.com', 'Factcheck.org'): the site speaks, an
    organisation, whatever the tagger calls the word (a common noun, so a group, before).

    >>> web_address("GunBroker.com"), web_address("Factcheck.org"), web_address("the website"), web_address("Mr. Com")
    (True, True, False, False)
    """
    return _WEB_ADDRESS.fullmatch(text.strip()) is not None


def _name_ending(span: tuple[int, int], text: str, person_ents: list[tuple]) -> Optional[str]:
    """The person's full name that ends a speaker phrase the NER typed whole as an organisation, a group or a place,
    after words that only describe the person ('former Ohio Gov. and State Farm Bureau Chairman
    Tom Ellis', 'Concord resident Whit Symms'): a name of two or more words among the article's person entities
    (``person_ents``, typed by the corpus), written in the phrase, with no preposition or conjunction right before
    it or linking the words before it ('supporters of Democrat Hillary Clinton', 'documents from Diane D. Blair',
    'Wilcox and Beruff' are no person); else None.

    >>> ents = [("Tom Ellis", "PERSON", 60, 70), ("Hillary Clinton", "PERSON", 121, 136)]
    >>> _name_ending((0, 70), "former Ohio Gov. and State Farm Bureau Chairman Tom Ellis", ents)
    'Tom Ellis'
    >>> _name_ending((100, 136), "supporters of Democrat Hillary Clinton", ents) is None
    True
    """
    if text.endswith(("'s", "\u2019s")):
        return None
    inside = [e for e in person_ents if span[0] < e[2] and e[3] == span[1] and len(e[0].split()) > 1]
    for e in inside:
        k = text.rfind(e[0])
        if k <= 0 or k + len(e[0]) != len(text):
            continue
        before = [w.lower().strip(",") for w in text[:k].split()]
        if before and before[-1] not in ("and", "or", "&") and not set(before) & _LINKING:
            return e[0]
    return None


#: words that put a name inside a phrase about something else ('supporters of ...', 'documents from ...')
_LINKING = {"of", "from", "for", "by", "with", "to", "that", "among", "about", "against", "at", "on", "in", "like",
            "including", "than", "as", "but"}


def with_surname(resolved: str, given: str) -> str:
    """The article pass's name for a person it resolved to a one-word PERSON when that name is the word and one
    surname after it, as it names someone written by given name alone as a relative ("Clinton's husband, Bill": 'Bill
    Clinton', graphkit.article_names.family_surname); else the word alone. Never a title or organisation word after
    it. For a person or pronoun speaker only: an organisation's name the NER read a word of as a PERSON ('Trump' of
    'Trump Train') is none of this.

    >>> with_surname("Bill Clinton", "Bill"), with_surname("Bill Clinton Foundation", "Bill")
    ('Bill Clinton', 'Bill')
    >>> with_surname("Jane News", "Jane"), with_surname("Ann Lee", "Lee"), with_surname("Ana Gómez", "Ana")
    ('Jane', 'Lee', 'Ana Gómez')
    """
    bare = strip_possessive(resolved.strip())
    if len(given.split()) != 1 or not bare.startswith(given + " "):
        return given
    rest = bare.split()[1:]
    if len(rest) == 1 and _surname_word(rest[0]) and fold(rest[0]) not in TITLE_WORDS and not has_org_word(rest):
        return bare
    return given


def _surname_word(word: str) -> bool:
    """Whether a word is written as a surname: a capital, then letters of any script, apostrophes or hyphens.

    >>> _surname_word("Gómez"), _surname_word("O’Neill"), _surname_word("Müller-Lüdenscheidt"), _surname_word("II")
    (True, True, True, True)
    >>> _surname_word("said"), _surname_word("2016"), _surname_word("X")
    (False, False, False)
    """
    return len(word) > 1 and word[0].isupper() and all(c.isalpha() or c in "’'-" for c in word[1:])


def fuller_in_article(resolved: str, person: str) -> str:
    """The name the article pass gave a mention when it is the NER's one-word PERSON with given names before it:
    the NER tagged only 'Emanuel' of 'Rahm Emanuel' and the article pass found the full name as a run of proper
    nouns (graphkit.article_names.ArticleNames.propn_names); the corpus pass then reads 'Rahm Emanuel', not the
    surname alone that several full names carry. Title, honorific and organisation words are never given names.

    >>> fuller_in_article("Rahm Emanuel", "Emanuel"), fuller_in_article("Mr Vince Cable's", "Cable")
    ('Rahm Emanuel', 'Vince Cable')
    >>> fuller_in_article("Senator Emanuel", "Emanuel"), fuller_in_article("Fox News Emanuel", "Emanuel")
    ('Emanuel', 'Emanuel')
    """
    bare = strip_possessive(resolved.strip())
    if len(person.split()) != 1 or not bare.endswith(person) or bare == person:
        return person
    bare = " ".join(split_honorific(bare)[1].split())  # 'Mr Vince Cable': Vince Cable
    given = bare.split()[:-1]
    if not 1 <= len(given) <= 2 or split_title(bare)[1] != bare or has_org_word(given):
        return person
    if all(w[:1].isupper() and w.replace(".", "").isalpha() and fold(w) not in TITLE_WORDS for w in given):
        return bare
    return person


def written_by(a: Attribution) -> bool:
    """A first-person speaker the extraction gave the article's named author (graphkit.extract.author_speaker: no span,
    the byline's or closing note's name): the author is a person, whatever the NER calls the name, and no pronoun to
    search again by position.

    >>> written_by(Attribution(spans=[(9, 11)], text="it", cue="said", speaker_text="I", speaker_span=(0, 1),
    ...                        speaker_type="PERSON", resolved_text="Rick Scott"))
    True
    """
    return (a.speaker_text or "").strip().lower() in FIRST_PERSON and a.resolved_span is None \
        and a.speaker_type == "PERSON" and bool(a.resolved_text)


def _anonymous_antecedent(a: Attribution, text: str) -> bool:
    """A pronoun the article pass resolved to an anonymous person tied to someone ('He added' after 'A
    spokesman for Mr. Lund said': resolved 'Erik Lund spokesman', organisation 'Erik
    Lund', no span): the same anonymous source, not the person it speaks for."""
    if a.speaker_type != "PRON" or a.resolved_span is not None or not a.organisation:
        return False
    words = fold(text).split()
    return text.startswith(a.organisation) and bool(words) and words[-1] in ANON_HEAD_WORDS


@lru_cache(maxsize=1 << 16)  # the actor pass asks it of every speaker phrase
def anonymous_phrase(text: str) -> bool:
    """A phrase headed by a source word, or one person it does not name ('a' / 'an' / 'one' / 'another' and a
    person noun in the singular: :func:`one_of_many`), no name inside: 'a senior Russian source', 'One woman'.

    >>> anonymous_phrase("a senior Russian source"), anonymous_phrase("Kremlin source Dmitry Peskov")
    (True, False)
    >>> anonymous_phrase("One woman"), anonymous_phrase("the woman"), anonymous_phrase("a new poll")
    (True, False, False)
    """
    folded = fold(text).split()
    words = before_which(folded)
    written = text.split()
    written = written[:len(written) - (len(folded) - len(words))]  # the head and the words before it, as written
    return bool(words) and (words[-1] in ANON_HEAD_WORDS or one_of_many(text)) and not any(
        w[:1].isupper() for w in written[1:-1] if fold(w) not in DEMONYM_LIKE)


#: nouns of what a source issues and that speaks for it ("the poll found", "the statement said"; graphkit.speakers
#: names its issuer), and that says where something was said, not who said it ('the union's lawyers in a written
#: filing': graphkit.speaker_phrase.who_of)
DOCUMENT_NOUNS = frozenset({"poll", "survey", "study", "report", "statement", "letter", "memo", "cable", "lawsuit",
                            "complaint", "filing", "ad", "email", "release", "analysis", "editorial", "order", "note",
                            "message", "story"})


#: prepositions that say where or among whom unnamed people are ('officials in the administration', 'people with
#: knowledge of the talks', 'a source inside the campaign'); not 'for' / 'to' (whom they work for), 'like' (examples):
#: graphkit.speaker_phrase.who_of keeps them in a speaker phrase
WHICH_PEOPLE_PREPS = frozenset({"in", "on", "at", "with", "inside", "within", "across", "from", "among"})


#: the words a restrictive relative clause saying which people opens with ('executives who run news outlets')
_RELATIVE_WORDS = frozenset({"who", "whom", "whose", "that"})


def before_which(words: list[str]) -> list[str]:
    """The words of a stored phrase up to its head: before what says which people it is (a preposition of
    :data:`WHICH_PEOPLE_PREPS` and a participle before it: 'people briefed on the move', 'a source at the station'),
    which graphkit.speaker_phrase.who_of keeps in the phrase. What the phrase is (anonymous, a group) and whom a
    repeat of it refers back to is read off these words, as off the head alone before that part was kept.

    >>> before_which("people briefed on the move".split()), before_which("experts on russia".split())
    (['people'], ['experts'])
    >>> before_which("senior officials".split()), before_which("one in three".split())
    (['senior', 'officials'], ['one'])
    """
    cut = next((k for k, w in enumerate(words) if k and (w in WHICH_PEOPLE_PREPS or w in _RELATIVE_WORDS)), len(words))
    if 1 < cut and words[cut - 1].endswith("ed") and words[cut - 1] not in ANON_HEAD_WORDS:
        cut -= 1  # 'People briefed on the situation', 'officials involved at the time'
    return words[:cut]


def names_people(words: list[str]) -> bool:
    """Whether a stored phrase's words up to its head (:func:`before_which`) end in a noun naming people: an anonymous
    source's head word ('people', 'sources') or the plural of a person noun ('executives', 'republicans', 'bosses',
    'congressmen': graphkit.person_nouns.plural_person_noun); not 'data', 'the push'. A bare repeat of such a phrase
    is those people (graphkit.actor_names.group_repeat).

    >>> names_people(["executives"]), names_people(["people"]), names_people(["bosses"]), names_people(["data"])
    (True, True, True, False)
    """
    head = words[-1] if words else ""
    return head in ANON_HEAD_WORDS or plural_person_noun(head) is not None


def definite_description(text: Optional[str]) -> Optional[str]:
    """The role a speaker phrase describes one person by, as graphkit.merge compares roles: 'the' and up to four
    lower-case words ending with a singular noun of a person ('the businessman', 'The retired neurosurgeon', 'the
    former president', 'the aide'); else None. A spokesperson's or an anonymous source's head ('the spokesman', 'the
    aide') is one too: no list holds them back, as a guard that did moved none of the 20 such descriptions PolNeAR
    train + dev left with no person (bench/README.md, issue 12 forty-sixth pass).

    >>> [definite_description(t) for t in ("The retired neurosurgeon", "the businessman", "the aide", "a businessman",
    ...                                    "the Texas senator", "the plan", "the candidates")]
    ['retired neurosurgeon', 'businessman', 'aide', None, None, None, None]
    """
    rest = _after_the(text, 4)
    if rest is None:
        return None
    head = rest[-1]
    if not person_noun(head) or plural_person_noun(head):
        return None
    return " ".join(rest)


#: the words after 'the' that :func:`definite_body` reads at most. Counted over PolNeAR train + dev (bench/README.md,
#: issue 12's forty-seventh pass, "The limit of three words, counted"; scripts in bench/_work/s63/mend/): of the 304
#: descriptions left as written with a non-person last word, 201 / 57 / 21 have 1 / 2 / 3 words after 'the', 18 have
#: 4, 10 more; of the 58 speaker mentions with 3 or more, none has a mention of its article written as a name before
#: its last word, so a limit of 2 or 4 changes none of the rule's 8 speakers (each 1 word; the stores agree: 0
#: changed), and from 4 words on the last word is mostly no head ('the cost of the war').
BODY_WORDS = 3


def definite_body(text: Optional[str]) -> Optional[str]:
    """The noun a speaker phrase describes a body or a document by: 'the' and up to three lower-case words ending
    with a noun that is no person's ('the administration', 'The fund', 'the new survey'), folded; else None
    (a person's description is :func:`definite_description`'s).

    >>> [definite_body(t) for t in ("the administration", "The fund", "the businessman", "the candidates", "the Fund")]
    ['administration', 'fund', None, None, None]
    """
    rest = _after_the(text, BODY_WORDS)
    if rest is None or person_noun(rest[-1]) or plural_person_noun(rest[-1]):
        return None
    return rest[-1]


def _after_the(text: Optional[str], most: int) -> Optional[list[str]]:
    """The words of a phrase after its opening 'the', one to ``most`` of them, each lower case (a hyphen inside one
    allowed), else None: what :func:`definite_description` and :func:`definite_body` read a description from.

    >>> _after_the("The retired neurosurgeon", 4), _after_the("the Fund", 3), _after_the("a fund", 3)
    (['retired', 'neurosurgeon'], None, None)
    """
    words = (text or "").split()
    if not 2 <= len(words) <= most + 1 or words[0].lower() != "the":
        return None
    rest = words[1:]
    return rest if all(w.replace("-", "").isalpha() and w.islower() for w in rest) else None


def head_named_before(text: str) -> Optional[str]:
    """The noun a mention written ``text`` names with a name written before it, folded, else None: it ends with that
    noun (a possessive and case aside) and every word before it but a leading 'the' opens with a capital ('the Obama
    administration', "Hillary Clinton's campaign", 'The International Monetary Fund'), the first no word that names no
    one by itself ('This initiative': graphkit.pronouns.NO_ANTECEDENT); not a phrase whose head is another noun
    ('narrator in the Clinton ad': its last word is no head named so) nor the noun alone ('The Fund'). A description
    left alone ('the administration': `definite_body`) is read back to the mentions this gives its noun.

    Not `named_body`, the other reading of a name before a noun: that one types a phrase (an organisation, not people)
    and asks for a body's noun after a name, lower-case words allowed between ("Mrs. Clinton's presidential
    campaign"), never 'group'; this one names any noun a run of capitalised words ends on ('Donald Trump' gives
    'trump', which no bare description reads back), for the reading back. Over PolNeAR train's 15,482 speaker phrases
    at −107: this gives a noun for 3,949, named_body holds for 183, 173 of them both.

    >>> [head_named_before(n) for n in ("the Obama administration", "Hillary Clinton's campaign",
    ...  "narrator in the Clinton ad", "This initiative", "The Fund")]
    ['administration', 'campaign', None, None, None]
    """
    words = drop_article(text).split()
    if len(words) < 2 or words[0].lower() in NO_ANTECEDENT:
        return None
    if not all(w[:1].isupper() or w[:1].isdigit() for w in words[:-1]):
        return None
    return fold(words[-1])


def one_of_many(text: str) -> bool:
    """A phrase written as one person it does not name: opened by one of :data:`ONE_OF_MANY`, ending in a
    lower-case singular noun whose most frequent sense is a person (graphkit.person_nouns; a plural is no lemma
    there). The parse's test is graphkit.speaker_types.one_unnamed_person; this one reads a stored phrase, which
    keeps no tags, entities or appositions. The two stay two: on the subjects of cue verbs in PolNeAR train + dev's
    parses they disagree on 22 of 176 phrases either calls one person (a person noun and what follows it, 'a nurse in
    Leeds', is one to the parse, not to the words, which end in the place: 8 such; and 14 the other way, each with a
    person named in apposition, which the phrase does not hold: bench/README.md, chores of session 44).

    >>> one_of_many("a neighbor"), one_of_many("Another supporter"), one_of_many("a report"), one_of_many("a Neighbor")
    (True, True, False, False)
    """
    words = text.split()
    return len(words) >= 2 and words[0].lower() in ONE_OF_MANY and words[-1].islower() and person_noun(words[-1])


def is_role_phrase(text: str) -> bool:
    """A phrase whose head names an office or job ('the prime minister', 'the foreign secretary').

    >>> is_role_phrase("the prime minister"), is_role_phrase("critics"), is_role_phrase("the report")
    (True, False, False)
    """
    words = fold(text).split()
    return bool(words) and words[-1] in ROLE_HEADS


def group_of_officials(phrase: str) -> bool:
    """'Russian officials', 'Ukrainian authorities': a collective, named by who they are, with no quantifier.

    Anonymous sources ('senior Moscow sources') and counted or indefinite officials ('two officials',
    'some officials', 'an official') stay anonymous, per article.

    >>> group_of_officials("Russian officials"), group_of_officials("two US officials"), group_of_officials("sources")
    (True, False, False)
    >>> group_of_officials("Russian officials in Kyiv")
    True
    """
    words = before_which(fold(phrase).split())  # 'Russian officials in Kyiv' as 'Russian officials'
    if len(words) < 2 or words[-1] not in GROUP_HEADS:
        return False
    return words[0] not in DETERMINER_LIKE | {"a", "an", "the", "these", "those", "many", "most", "all"} \
        and not any(w.isdigit() for w in words)


def clean_role(role: Optional[str], name: str) -> Optional[str]:
    """Role as written, without name words that leaked into it ('Kremlin aide Yury' -> 'Kremlin aide').

    >>> clean_role("prime Kremlin aide Yury", "Yury Ushakov")
    'prime Kremlin aide'
    """
    if not role:
        return None
    words = " ".join(role.split()).translate(APOS).strip(" ,;").split()
    names = set(fold(name).split())
    while words and fold(words[-1]) in names:
        words.pop()
    while words and fold(words[0]) in ("the", "a", "an"):
        words.pop(0)
    return " ".join(words) or None


def named_body(text: str) -> bool:
    """Whether a common-noun phrase names one body and whose it is: a noun of a body (graphkit.names.ORG_NOUNS; not
    'group', which is people as often: 'a group of rabbis') after a name ('Sanders campaign', "HP's board", 'Baton
    Rouge newspaper'): an organisation, not a group of people. Only a phrase of names and nouns before its last word:
    'the chair of the rules committee' is a person, 'Leaders of the party' and 'Ann Lee and her campaign' are people, a
    capitalised quantifier names no one ('Neither company'). Not `head_named_before`, which gives any noun a run of
    capitalised words ends on, to read a bare description back to it: over PolNeAR train's 15,482 speaker phrases at
    −107 this holds for 183, 173 of which that reads too; the other 10 have a lower-case word before the noun ("Mrs.
    Clinton's presidential campaign"), and the 7 phrases that reads with a body's noun and this does not end in
    'group' ("the BLM group").

    >>> named_body("the Sanders campaign"), named_body("the campaign"), named_body("GOP campaigns")
    (True, False, False)
    >>> named_body("The chair of the Ohio party's rules committee"), named_body("Neither company")
    (False, False)
    """
    words = strip_det(text).split()
    return len(words) > 1 and words[-1].lower() in ORG_NOUNS and words[-1].lower() != "group" \
        and not any(w.lower() in _LINKING or w.lower() in _JOINING for w in words) \
        and any(w[:1].isupper() and w.lower() not in _QUANTIFYING for w in words[:-1])


#: words that join two names or phrases ('Ann Lee and her campaign')
_JOINING = frozenset({"and", "or", "nor", "&"})
#: capitalised at a sentence's start, naming no one ('Neither company', 'One organization')
_QUANTIFYING = DETERMINER_LIKE | {"neither", "either", "each", "every", "no", "any", "both", "all", "this", "that"}


def common_noun_phrase(text: str) -> bool:
    """A phrase written in lower case after its determiner: no name, whatever an entity folding the same is typed.

    >>> common_noun_phrase("The candidate"), common_noun_phrase("the State Department"), common_noun_phrase("the 1990s")
    (True, False, False)
    """
    words = strip_det(text).split()
    return bool(words) and all(w[:1].isalpha() and w[:1].islower() for w in words)


@lru_cache(maxsize=1 << 16)
def strip_det(text: str) -> str:
    """The phrase without its leading article, stripped of the whitespace around it.

    >>> strip_det(" the Kremlin "), strip_det("An official")
    ('Kremlin', 'official')
    """
    return drop_article(text.strip())


def phrase_acronym(phrase: str) -> Optional[str]:
    """The acronym a speaker phrase is, its article and possessive dropped ('the SVP's' → 'SVP'), else None
    (graphkit.merge.acronym_form: the one test of an acronym).

    >>> phrase_acronym("the SVP's"), phrase_acronym("the F.B.I."), phrase_acronym("the Post")
    ('SVP', 'FBI', None)
    """
    return acronym_form(strip_possessive(strip_det(phrase), bare_apostrophe=True))


def org_role(a: Attribution) -> Optional[str]:
    if a.role and a.organisation:
        return f"{a.organisation} {a.role}"
    return None


_TRAILING = {"of", "the", "and", "or", "a", "an", "to", "in", "on", "for", "with", "by", "at", "from"}


@lru_cache(maxsize=1 << 16)  # the actor pass trims every speaker phrase, twice for most
def trim_fragment(text: str) -> str:
    """A name as the NER cut it, without an unclosed quotation or bracket and the words after it, or trailing
    function words: 'Marine John “Tig' → 'Marine John', 'California Department of Transportation (Caltrans' →
    'California Department of Transportation', 'Friends of Parks Action and Protect the' → ...'Protect'.

    >>> trim_fragment("Marine John “Tig"), trim_fragment("Juan Manriquez of"), trim_fragment("Tony Blair")
    ('Marine John', 'Juan Manriquez', 'Tony Blair')
    >>> trim_fragment("California Department of Transportation (Caltrans"), trim_fragment("Pax Civica (Party of the Citizens")
    ('California Department of Transportation', 'Pax Civica')
    """
    for op, cl in (("“", "”"), ("‘", "’"), ('"', '"'), ("(", ")"), ("[", "]")):
        k = text.find(op)
        if k > 0 and cl not in text[k + 1:]:
            text = text[:k].rstrip(" ,'’")
    words = text.split()
    while len(words) > 1 and words[-1].lower() in _TRAILING:
        words.pop()
    return " ".join(words)


_CAP = r"[A-Z][\w'’.\-]*"


#: role words a phrase the NER typed whole as an organisation may end in before a person's name, besides the heads
#: of :data:`ROLE_HEADS` ('Fox News host Sean Hannity')
_ROLES_BEFORE_NAMES = ROLE_HEADS | {"editor", "correspondent", "columnist", "reporter", "host"}


def name_after_role(text: str) -> Optional[tuple[str, str]]:
    """(words up to the role, the person's name) for a phrase the NER typed whole as an organisation, ending in a
    role word and a capitalised two- or three-word name: a lower-case role word before any name; a capitalised one
    (a title, 'Secretary-Treasurer' a title of two joined) only before a listed given name and a surname, since a
    capitalised word may open a body's name ('Party Leader Group'); else None.

    >>> name_after_role("Fox News host Sean Hannity"), name_after_role("BBC political editor Laura Kuenssberg")
    (('Fox News host', 'Sean Hannity'), ('BBC political editor', 'Laura Kuenssberg'))
    >>> name_after_role("Fox News Sean Hannity"), name_after_role("the Supreme Court")
    (None, None)
    >>> name_after_role("Acme Workers Union Secretary-Treasurer Gary Reyes")
    ('Acme Workers Union Secretary-Treasurer', 'Gary Reyes')
    >>> name_after_role("Labour Party Chairman Fund")
    """
    m = re.match(rf"^(.*?\b([a-z]+))\s+({_CAP}(?:\s+{_CAP}){{1,2}})$", text.strip())
    if m is not None and m.group(2) in _ROLES_BEFORE_NAMES:
        return m.group(1), m.group(3)
    words = text.split()
    for n in (2, 3):  # a capitalised title: 'Secretary-Treasurer Gary Reyes', 'Mayor Ann Lee'
        if len(words) > n and listed_given_name(words[-n]) and all(w[:1].isupper() for w in words[-n:]) \
                and all(p.lower() in _ROLES_BEFORE_NAMES for p in words[-n - 1].split("-")):
            return " ".join(words[:-n]), " ".join(words[-n:])
    return None
