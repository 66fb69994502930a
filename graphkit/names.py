"""Names as strings: folding, transliteration skeletons, a person name's words and keys, titles, pronouns.

Pure functions over text, no models: graphkit.gazetteer indexes models/actors.yaml
with them and graphkit.resolve compares speaker mentions with them. A name is
folded to lower-case ASCII (anyascii), then to a spelling skeleton where
transliteration variants meet (y/i, w/v, kh/h, doubled letters...), and read as
words (:func:`name_words`: middle initials left out, generational suffixes apart);
whether two person names are one person's is graphkit.name_match's (rapidfuzz over
these words, under guards against over-merging).

>>> fold("the Kremlin’s"), skeleton("Zelenskyy") == skeleton("Zelenskiy")
('kremlin', True)
>>> name_words("Sergei Lavrov") == name_words("Sergey Lavrov"), person_key("Donald Trump Jr.")
(True, 'donald trump jr')
>>> split_title("Kremlin spokesman Dmitry Peskov"), is_pronoun("She"), is_pronoun("US")
(('Kremlin spokesman', 'Dmitry Peskov'), True, False)
>>> split_honorific("Mr Blair")
('Mr', 'Blair')
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional

PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself", "it", "its", "they", "them", "their",
            "we", "us", "our", "i", "me", "you", "who", "which", "that"}
GENERATIONAL = {"jr", "sr", "junior", "senior", "ii", "iii", "iv"}
#: particles that belong to the surname after them: 'Bill de Blasio' is Mr. de Blasio, 'Chris Van Hollen' Mr. Van
#: Hollen, 'Osama bin Laden' bin Laden (Dutch, German, French, Spanish, Portuguese, Italian, Arabic names)
NAME_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "del", "della", "la", "le", "bin", "ibn", "al", "el",
                  "du", "dos", "das", "ter", "ten"}
#: titles written before a name that are also the office a later 'the president', 'the senator' names ('Sen.' is
#: 'senator'): graphkit.speaker_parts.office_title reads a title with it, graphkit.merge.same_office compares roles
TITLE_ROLES = {"president": "president", "sen": "senator", "senator": "senator", "gov": "governor",
               "governor": "governor", "rep": "representative", "representative": "representative",
               "chancellor": "chancellor", "mayor": "mayor", "judge": "judge", "justice": "justice"}

TITLE_WORDS = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "gen", "general",
    "col", "colonel", "adm", "admiral", "rep", "sen", "senator", "gov", "governor", "president", "vice",
    "prime", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "press", "chief", "head",
    "envoy", "special", "adviser", "advisor", "aide", "ambassador", "chairman", "chairwoman", "chair",
    "director", "deputy", "foreign", "defence", "defense", "army", "state", "national", "security", "top",
    "senior", "former", "leader", "commander", "mayor", "king", "queen", "pope", "chancellor", "premier",
    "negotiator", "lead", "new", "house", "white", "kremlin", "us", "u.s.", "uk", "eu", "un", "nato",
    "the", "a", "an", "of", "and", "for", "to", "on", "ukraine", "russia", "russian", "ukrainian", "american",
    "french", "british", "european", "informal", "coordinator", "official", "officials", "representative",
    "baroness", "baron", "rev", "revd", "reverend", "cllr", "hon", "rt", "mx",
}
#: titles written as an abbreviation with a full stop before a name, singular and plural ('Sen.', 'Sens.', 'Govs.',
#: 'Pres.', 'Sgt.'): a sentence never opens between one and the capitalised word after it. spaCy's English tokenizer
#: keeps eight whole with their stop ('Sen.', 'Gov.', 'Rep.', 'Dr.', 'Gen.', 'Rev.', 'Adm.', 'Prof.') and splits the
#: rest ('Sens' '.'), after which its parser ends a sentence; graphkit.nlp makes each one token with its stop
#: (`keep_title_abbreviations`, written in title case: 'SEC.' is an acronym, not 'Sec.') and sets no sentence start
#: after it (`title_stops`). How these relate to `HONORIFICS`: that table is the words read as a name's honorific
#: (stripped for identity, kept for gender), with or without the stop; this one is how a title's abbreviation is split
#: into tokens and sentences, and every one of them is an honorific too (`HONORIFICS` takes them all). Over PolNeAR
#: train + dev at -123, written / sentences spaCy opened after it: Sen 509 / 1, Gov 237 / 0, Rep 136 / 0, Dr 30 / 0,
#: Sens 19 / 10, Gen 16 / 0, Rev 11 / 0, Lt 10 / 0, Col 5 / 0, Reps 5 / 1, Pres 4 / 4, Capt 4 / 1, Adm 3 / 0, Govs
#: 2 / 2, Sgt 2 / 2, Fr 1 / 1, Sec 1 / 1, Cmdr 1 / 1; the other eleven not written (issue 12, -125)
TITLE_ABBREVIATIONS = frozenset({"sen", "sens", "gov", "govs", "rep", "reps", "pres", "sec", "secs", "gen", "gens",
                                 "lt", "col", "capt", "cmdr", "maj", "sgt", "cpl", "pvt", "brig", "adm", "supt",
                                 "insp", "atty", "amb", "prof", "dr", "fr", "rev"})
# Honorifics before a name, with the gender they imply (None: any). Stripped for identity ('Mr Blair' is
# 'Tony Blair'), kept for gender ('Mrs Clinton' is not Bill Clinton). British style has no full stop. Every title's
# abbreviation (`TITLE_ABBREVIATIONS`, how a title is split into tokens and sentences) is one too, with no gender but
# 'Fr.': the article pass reads 'Pres. Hale' after 'Tom Hale' as Tom Hale (issue 12, -125). The corpus's count of
# full names strips one the NER took into a person entity (`people._without_title_abbreviation`, `title_forms`: over
# PolNeAR train 6 claims of one article were the actor 'Pres. Obama' before it).
HONORIFICS = {
    **dict.fromkeys(sorted(TITLE_ABBREVIATIONS)),  # first: a gender written below stands ('fr')
    "mr": "male", "mrs": "female", "ms": "female", "miss": "female", "mx": None, "sir": "male",
    "dame": "female", "lord": "male", "lady": "female", "baroness": "female", "baron": "male",
    "revd": None, "reverend": None, "professor": None, "cllr": None, "rabbi": None, "fr": "male", "hon": None,
    "rt": None, "president": None,
}


def title_forms() -> frozenset:
    """Each title abbreviation as written with its stop, in title case (`TITLE_ABBREVIATIONS`): the one home of the
    form the tokenizer keeps whole (`graphkit.nlp.keep_title_abbreviations`), after which no sentence opens
    (`graphkit.nlp.title_stops`), and which the corpus's count of names strips (`graphkit.people`). 'SEC.' is none.

    >>> sorted(title_forms())[:4], "Pres." in title_forms(), "SEC." in title_forms()
    (['Adm.', 'Amb.', 'Atty.', 'Brig.'], True, False)
    """
    return _TITLE_FORMS


_TITLE_FORMS = frozenset(t.capitalize() + "." for t in TITLE_ABBREVIATIONS)


def is_honorific(word: str) -> bool:
    """Whether a word is written as an honorific, with or without its full stop ('Mr', 'Mrs.', 'Dr'): the one test
    of it, read by the name split below and by the readers of a parse (a token's text).

    >>> is_honorific("Mrs."), is_honorific("MR"), is_honorific("Sir"), is_honorific("Tony"), is_honorific("the")
    (True, True, True, False, False)
    """
    return word.lower().rstrip(".") in HONORIFICS


@lru_cache(maxsize=262144)  # the actor pass splits each speaker phrase several times
def split_honorific(name: str) -> tuple[Optional[str], str]:
    """(leading honorifics as written or None, the name without them), with or without full stops.

    >>> split_honorific("Mr Blair"), split_honorific("Mrs. Clinton"), split_honorific("the Rt Hon Sir Keir Starmer")
    (('Mr', 'Blair'), ('Mrs.', 'Clinton'), ('Rt Hon Sir', 'Keir Starmer'))
    >>> split_honorific("Baroness Ashton"), split_honorific("Tony Blair"), split_honorific("Mr")
    (('Baroness', 'Ashton'), (None, 'Tony Blair'), (None, 'Mr'))
    >>> split_honorific("Pres. Obama"), split_honorific("Sens. Ann Lee")   # a title's abbreviation (TITLE_ABBREVIATIONS)
    (('Pres.', 'Obama'), ('Sens.', 'Ann Lee'))
    """
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    k = 0
    while k < len(words) - 1 and is_honorific(words[k]):
        k += 1
    if k == 0:
        return None, " ".join(words) if words else name
    return " ".join(words[:k]), " ".join(words[k:])


def honorific_gender(honorific: Optional[str]) -> Optional[str]:
    """'male' / 'female' when the honorifics say so ('Mrs', 'Sir'), else None.

    >>> honorific_gender("Mrs"), honorific_gender("Rt Hon Sir"), honorific_gender("Dr"), honorific_gender(None)
    ('female', 'male', None, None)
    """
    for w in (honorific or "").split():
        g = HONORIFICS.get(w.lower().rstrip("."))
        if g:
            return g
    return None


# title words that are also surnames: a name's last word when a first name precedes ('Larry King', 'Jack White')
_SURNAME_TITLES = {"king", "white", "pope", "general", "head", "chief", "chair", "leader", "new", "house", "state",
                   "lead", "top", "queen", "lord", "lady", "major", "marshal", "justice", "press", "senior"}
APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'"})


@lru_cache(maxsize=262144)
def slug(name: str) -> str:
    """Id-safe form of a name, the one every node id uses: ASCII (anyascii), lower case, words joined by '-'.

    >>> slug("Zaporizhzhia Oblast's"), slug("Сергей Лавров"), slug("US-Russia relations")
    ('zaporizhzhia-oblast-s', 'sergey-lavrov', 'us-russia-relations')
    """
    from anyascii import anyascii

    s = re.sub(r"[^a-z0-9]+", "-", anyascii(name).lower()).strip("-")
    return s or "x"


_DETERMINER = re.compile(r"^(the|a|an)\s+", re.I)


def drop_article(text: str) -> str:
    """``text`` without its leading article, as written otherwise (no whitespace stripped: what it drops is a prefix,
    so a span's start moves by the length it loses); :func:`graphkit.mentions.strip_det` for a phrase to compare or
    show.

    >>> drop_article("the Sierra Club"), drop_article(" the Kremlin "), drop_article("An  official")
    ('Sierra Club', ' the Kremlin ', 'official')
    """
    return _DETERMINER.sub("", text)


def without_the(name: str) -> str:
    """``name`` without a leading 'the' (any case, and the whitespace after it), the one home of that: 'The Associated
    Press' is 'Associated Press'. Only 'the': :func:`drop_article` also drops 'a' and 'an', which open no name.

    >>> [without_the(n) for n in ("The Associated Press", "the  United States", "A Tribe", "Theo", "The")]
    ['Associated Press', 'United States', 'A Tribe', 'Theo', 'The']
    """
    return _LEADING_THE.sub("", name)


_LEADING_THE = re.compile(r"^the\s+", re.I)


@lru_cache(maxsize=262144)
def plain_name(text: str) -> str:
    """A name's text as a reader writes it, the one home of that clean-up: composed (NFC), UTF-8 read as Windows-1252
    repaired word by word where it decodes, twice over where it was mangled twice ('FranÃ§ois' is 'François'),
    invisible format characters dropped (a soft hyphen, a zero-width space: 'Doug\u00ad Andres'), and every run of
    spaces, no-break spaces and line breaks one space.

    >>> plain_name("Fran\u00c3\u00a7ois  Hollande"), plain_name("Doug \u00adAndres\u00a0")
    ('François Hollande', 'Doug Andres')
    >>> plain_name("Pe\u00f1a Nieto"), plain_name("Ra\u00c3ol")   # a run that lost a byte stays as written
    ('Peña Nieto', 'RaÃol')
    """
    s = unicodedata.normalize("NFC", text)
    for _ in range(3):  # a name mangled twice is read back twice
        if not _MOJIBAKE_LEAD.search(s):
            break
        s = " ".join(_unmangled(w) for w in s.split(" "))
    if any(unicodedata.category(c) == "Cf" for c in s):
        s = "".join(c for c in s if unicodedata.category(c) != "Cf")
    return " ".join(s.split())


#: a UTF-8 lead byte read as Windows-1252 ('Ã', 'Â', 'â') and a continuation byte read so ('§', '±', '€', '™')
_MOJIBAKE_LEAD = re.compile("[\u00c2-\u00c5\u00e2]"
                            "[\u0080-\u00bf\u0152-\u0178\u02c6\u02dc\u0192\u2013-\u203a\u20ac\u2122]")


def _unmangled(word: str) -> str:
    r"""One word's UTF-8 bytes read back from Windows-1252 (or Latin-1) when they decode, else the word.

    >>> _unmangled("Caf\u00c3\u00a9"), _unmangled("Caf\u00e9")
    ('Café', 'Café')
    """
    if not _MOJIBAKE_LEAD.search(word):
        return word
    for codec in ("cp1252", "latin-1"):
        try:
            return word.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
    return word


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name; no leading 'the', no possessives.

    Cached: resolution folds the same few thousand names tens of thousands of times per build.

    >>> fold("the Kremlin’s")
    'kremlin'
    >>> fold("Russia's Foreign Minister")
    'russia foreign minister'
    >>> fold("Donald Trump Jr.")
    'donald trump jr'
    >>> fold("Зеленський")
    'zelens kiy'
    """
    from anyascii import anyascii

    s = anyascii(unicodedata.normalize("NFKC", text).translate(APOS))
    if "'" in s:  # most names have none: re's template substitution is slow even when nothing matches
        s = _POSSESSIVE.sub(r"\1", s)
        s = _PLURAL_POSSESSIVE.sub(r"\1s", s)
    s = s.replace(".", "").lower()
    s = _NON_ALNUM.sub(" ", s).strip()
    return _ARTICLE.sub("", s)


_POSSESSIVE = re.compile(r"(\w)'s\b")
_PLURAL_POSSESSIVE = re.compile(r"(\w)s'(?=\s|$)")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_ARTICLE = re.compile(r"^(?:(?:the|a|an) )+")  # all leading articles: "the An Aa" folds as "An Aa" does


_SKELETON_RULES = (("kh", "h"), ("ph", "f"), ("x", "ks"), ("w", "v"), ("j", "i"), ("y", "i"), ("ck", "k"))


def skeleton(text: str) -> str:
    """Spelling skeleton of a name: transliteration variants of one name meet.

    Sergey/Sergei/Sergej, Zelensky/Zelenskyy/Zelenskiy, Dmitry/Dmitri, Yury/Yuri,
    Volodymyr/Wolodymyr all fold to the same skeleton.

    >>> skeleton("Sergey Lavrov") == skeleton("Sergej Lavrov") == skeleton("Sergei Lavrov")
    True
    >>> skeleton("Zelenskyy"), skeleton("Zelensky"), skeleton("Zelenskiy")
    ('zelenski', 'zelenski', 'zelenski')
    """
    return " ".join(skeleton_word(tok) for tok in fold(text).split())


@lru_cache(maxsize=262144)
def skeleton_word(tok: str) -> str:
    """One folded word's spelling skeleton: the transliteration rules applied, then each doubled letter one.

    >>> skeleton_word("zelenskyy"), skeleton_word("kallas")
    ('zelenski', 'kalas')
    """
    for a, b in _SKELETON_RULES:
        tok = tok.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", tok)


def name_words(text: str) -> tuple[list[str], set[str]]:
    """(skeleton words without generational suffixes, the suffixes) of a name.

    >>> name_words("Donald Trump Jr.")
    (['donald', 'trump'], {'jr'})
    >>> name_words("Charles E. Grassley")
    (['charles', 'graslei'], set())
    """
    words, gens = frozen_name_words(text)
    return list(words), set(gens)


_PARTICLE_SKELETONS = frozenset(skeleton_word(p) for p in NAME_PARTICLES)


@lru_cache(maxsize=262144)
def frozen_name_words(text: str) -> tuple[tuple[str, ...], frozenset]:
    """A person name's folded words, spelling skeletons, middle initials left out, and its generational suffixes
    (Jr., Sr., III) apart.

    >>> frozen_name_words("Donald J. Trump Jr.")
    (('donald', 'trump'), frozenset({'jr'}))
    """
    words, gens = [], set()
    for tok in fold(text).split():
        if tok in GENERATIONAL:
            gens.add({"junior": "jr", "senior": "sr"}.get(tok, tok))
        else:
            words.append(skeleton_word(tok))
    if len(words) >= 3:  # middle initials: 'Donald J. Trump' is 'Donald Trump'
        words = [words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]]
    return tuple(words), frozenset(gens)


def surname_key(words: list[str]) -> str:
    """The surname among a name's words (from :func:`name_words`): the last word, with the particles just
    before it when a given name comes first ('Bill de Blasio' is Mr. de Blasio; 'Al Gore' is Mr. Gore).

    >>> surname_key(name_words("Bill de Blasio")[0]), surname_key(name_words("Al Gore")[0])
    ('de blasio', 'gore')
    """
    k = len(words) - 1
    while k > 1 and words[k - 1] in _PARTICLE_SKELETONS:
        k -= 1
    return " ".join(words[k:])


@lru_cache(maxsize=262144)  # names are keyed again and again (people.PersonNames)
def person_key(name: str) -> str:
    """Clustering key of a person name: skeleton words without middle initials, generational suffix kept.

    >>> person_key("Donald J. Trump") == person_key("Donald Trump"), person_key("Donald Trump Jr.")
    (True, 'donald trump jr')
    """
    words, gens = frozen_name_words(name)
    return " ".join((*words, *sorted(gens)))


def is_pronoun(text: Optional[str]) -> bool:
    """True for a bare pronoun ('he', 'They').

    >>> is_pronoun("He"), is_pronoun("Lavrov"), is_pronoun("US")
    (True, False, False)
    """
    if not text:
        return False
    t = text.strip()
    return t.lower() in PRONOUNS and not (len(t) > 1 and t.isupper())


@lru_cache(maxsize=262144)  # the actor pass splits each speaker phrase and person name of the corpus, most many times
def split_title(text: str) -> tuple[str, str]:
    """Split 'Kremlin spokesman Dmitry Peskov' into (title, name) at the trailing run of name words.

    >>> split_title("Kremlin spokesman Dmitry Peskov")
    ('Kremlin spokesman', 'Dmitry Peskov')
    >>> split_title("UK Prime Minister Sir Keir Starmer")
    ('UK Prime Minister Sir', 'Keir Starmer')
    >>> split_title("Russia's Foreign Minister")
    ("Russia's Foreign Minister", '')
    >>> split_title("talk show host Larry King"), split_title("the White House")
    (('talk show host', 'Larry King'), ('the White House', ''))
    >>> split_title("Mayor Bill de Blasio"), split_title("the secretary of State")
    (('Mayor', 'Bill de Blasio'), ('the secretary of State', ''))
    """
    toks = text.split()
    i = len(toks)
    while i > 0:
        t = toks[i - 1]
        core = re.sub(r"[^\w.\-']", "", t.translate(APOS))
        bare = re.sub(r"'s$", "", core)
        low = bare.lower().strip(".")
        surname_ok = False
        if i == len(toks) and low in _SURNAME_TITLES and i >= 2:
            prev = re.sub(r"[^\w.\-']", "", toks[i - 2].translate(APOS))
            surname_ok = prev[:1].isupper() and prev.lower().strip(".") not in TITLE_WORDS  # 'Larry King'
        particle = low in NAME_PARTICLES and bare.islower() and 0 < i < len(toks) and low not in TITLE_WORDS and (
            i == 1 or toks[i - 2][:1].isupper() or toks[i - 2] in NAME_PARTICLES)  # 'Bill de Blasio', 'von der Leyen'

        if not particle and (not bare or not bare[0].isupper() or (low in TITLE_WORDS and not surname_ok)
                             or core.endswith("'s") and i < len(toks)):
            break
        i -= 1
    name = " ".join(toks[i:])
    if name and len(name.split()) == 1 and name.lower() in ("jr.", "jr", "sr.", "sr"):
        return text, ""
    return " ".join(toks[:i]).strip(" ,"), strip_possessive(name)


#: honorifics of courtesy, not offices: 'Mr. Biden' says no more than 'Biden' about which Biden
_COURTESY = {"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "rev", "revd",
             "reverend", "hon", "rt", "fr", "rabbi"}


def office_key(title: str) -> Optional[str]:
    """The office a title before a name states, folded for comparison ('Vice President' in 'Vice President Joe
    Biden' and 'former Vice President Biden'), or None when it states none: no title word, only courtesy
    honorifics ('Mr.', 'Dr'), or a phrase that is no title ("Trump's son").

    >>> office_key("Vice President"), office_key("former Vice President"), office_key("Chancellor")
    ('vice president', 'vice president', 'chancellor')
    >>> office_key("Mr."), office_key("Trump's son"), office_key("")
    (None, None, None)
    """
    words = [w.strip(".,").lower().translate(APOS) for w in title.split()]
    while words and words[0] in ("the", "a", "an", "former", "then", "then-"):
        words = words[1:]
    if not words or any("'" in w for w in words) or words[-1] not in TITLE_WORDS | {"speaker", "attorney", "justice"}:
        return None
    if all(w in _COURTESY for w in words):
        return None
    return " ".join(words)


_SPACED_DASH = re.compile(r"\s+[-\u2013\u2014]+\s+|\s*[\u2014(]")


def before_dash(text: str) -> str:
    """A person entity cut where a dash with spaces, an em dash or a parenthesis ends the name: the NER runs
    'Mary Ellen Porter - Harlan's sister' into one PERSON, whose surname is not 'Harlan'
    (a hyphen inside a name stays: 'Jean-Marc Ayrault').

    >>> before_dash("Deborah Jordan Reynolds - Santilli"), before_dash("Jean-Marc Ayrault"), before_dash("Murphy —")
    ('Deborah Jordan Reynolds', 'Jean-Marc Ayrault', 'Murphy')
    """
    return _SPACED_DASH.split(text, 1)[0].rstrip() or text


#: words that make a capitalised phrase an organisation's name, no person's ('Clinton Foundation', 'Fox News')
ORG_WORDS = frozenset({
    "university", "college", "poll", "party", "committee", "department", "ministry", "council", "institute",
    "agency", "association", "commission", "news", "times", "post", "journal", "inc", "corp", "company",
    "coal", "bank", "group", "foundation", "center", "centre", "office", "service", "services", "court",
    "house", "senate", "congress", "parliament", "army", "force", "forces", "police", "network", "tv",
    "radio", "press", "media", "fund", "union", "organization", "organisation", "board", "campaign",
    "administration", "government", "authority", "authorities", "says", "said"})


#: nouns of a body: "the company said" is the organisation the article named (graphkit.speakers), and a phrase they end
#: with a name before them is one ("Sanders campaign": graphkit.mentions.named_body)
ORG_NOUNS = frozenset({
    "company", "firm", "ministry", "department", "agency", "party", "bank", "group", "union", "council", "campaign",
    "committee", "commission", "regulator", "office", "court", "board", "organisation", "organization", "corporation",
    "network", "newspaper", "charity", "institute", "university", "association", "foundation", "airline", "carrier",
    "retailer", "insurer", "operator", "lender"})


_POSSESSIVE_END = re.compile(r"['\u2019]s$")
_POSSESSIVE_OR_APOSTROPHE_END = re.compile(r"['\u2019]s?$")


def strip_possessive(name: str, *, bare_apostrophe: bool = False) -> str:
    """The name without a possessive ending ("Clinton's" -> "Clinton"), straight or curly apostrophe: the one
    place graphkit.people, graphkit.mentions, graphkit.resolve, graphkit.article_names and the speaker phrases
    (graphkit.speakers, speaker_kinds, speaker_parts) take it off a name.
    With ``bare_apostrophe`` a closing apostrophe alone goes too, the possessive of a name ending in s ("Jones'"):
    graphkit.article_names compares a mention's words and reads its PERSON names that way. The ending is matched
    as written (a lower-case s; "CLINTON'S" keeps it), on a string: spaCy gives "'s" and a closing "'" tokens of
    their own, so a Token's text rarely carries one.

    >>> strip_possessive("Clinton's"), strip_possessive("Clinton\u2019s"), strip_possessive("Jones")
    ('Clinton', 'Clinton', 'Jones')
    >>> strip_possessive("Jones'"), strip_possessive("Jones'", bare_apostrophe=True)
    ("Jones'", 'Jones')
    """
    return (_POSSESSIVE_OR_APOSTROPHE_END if bare_apostrophe else _POSSESSIVE_END).sub("", name)


def has_org_word(words) -> bool:
    """Whether any of ``words`` (a list, or a name to split) is an organisation word (:data:`ORG_WORDS`): the one
    test of it for the name checks of graphkit.entity_types and graphkit.resolve.

    >>> has_org_word("Clinton Foundation"), has_org_word(["Hillary", "Clinton"]), has_org_word("Fox NEWS")
    (True, False, True)
    """
    return any(fold(w) in ORG_WORDS for w in (words.split() if isinstance(words, str) else words))
