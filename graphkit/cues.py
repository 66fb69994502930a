"""The attribution cue lexicon: ``models/cues.yaml`` read into a :class:`Cues`.

Each section of the file maps a cue (a lemma, a "lemma preposition" pair or a
multi-word phrase) to the stance it gives a claim; :mod:`graphkit.attribution`
looks cues up here. :func:`load_cues` reads the shipped file or any other one and
says what is wrong with a malformed entry; :func:`default_cues` reads the shipped
file once per process.

>>> from graphkit.cues import load_cues
>>> cues = load_cues()
>>> cues.verbs["deny"], cues.to_verbs["vow"], "say" in cues.any_verb
('deny', 'promise', True)
>>> cues.prep_verbs[("call", "for")], "according" in cues.phrase_firsts
('demand', True)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from .errors import ModelsFileError

__all__ = ["ACCORDING_TO", "ACCORDING_FRAME", "STANCES", "Cues", "load_cues", "default_cues", "past_forms",
           "verb_forms", "takes_es", "third_person"]

#: the phrase cue that names a source before or after what it says ("according to X, ..."), the cue of a relay:
#: graphkit.frames_nominal matches these words, and its candidates' frame is :data:`ACCORDING_FRAME`;
#: graphkit.confidence.RELAY_LEMMA is them as a cue lemma. Their home is here, beside the lexicon, not in
#: frames_nominal: graphkit.confidence is imported where no parse is (the store's fingerprint, on every build), and
#: frames_nominal's spaCy import made a nothing-changed build 0.3 s slower.
ACCORDING_TO = ("according", "to")
#: the frame of an "according to" candidate (graphkit.frames_nominal), which graphkit.attribution reads: whether it
#: relays a speech whole (``_relayed_speech``) and whether ``without={"according_to"}`` leaves it out
ACCORDING_FRAME = "according"

STANCES = {
    "assert", "deny", "demand", "warn", "predict", "accuse", "question",
    "promise", "praise", "criticize", "support", "oppose", "believe", "report",
}
_SECTIONS = ("verbs", "object_verbs", "to_verbs", "prep_verbs", "nouns", "phrases", "quoted_as", "sources",
             "adjectives", "it_verbs")



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
    sources: dict = field(default_factory=dict)  # documents that speak: "in a CNN poll, ..."
    adjectives: dict = field(default_factory=dict)  # "X is confident that ...", "X was critical of ..."
    it_verbs: dict = field(default_factory=dict)  # "as X put it, ...": a verb that says with "it" as its object
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
    def third_person_verbs(self) -> dict:
        """The '-s' form of every one-word lemma of ``verbs`` and ``object_verbs``, to its lemma: what a headline's
        title-case verb is read back to ("Hale Slams Rivals" -> "slam"; :mod:`graphkit.frames_headline`).

        >>> from graphkit.cues import default_cues
        >>> m = default_cues().third_person_verbs
        >>> m["says"], m["slams"], m["endorses"]
        ('say', 'slam', 'endorse')
        """
        v = self.__dict__.get("_third_person")
        if v is None:
            v = {third_person(k): k for k in (*self.object_verbs, *self.verbs) if " " not in k}
            object.__setattr__(self, "_third_person", v)
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


@lru_cache(maxsize=1)
def default_cues() -> Cues:
    """The lexicon of ``models/cues.yaml``, read once per process (and again by a build that finds the models files
    changed since this process's last build: `graphkit.knowledge.forget_worked_out`)."""
    return load_cues()


#: past tenses not made with '-ed', of the verbs a cue or a label may be written with
IRREGULAR_PAST = {"say": "said", "tell": "told", "write": "wrote", "speak": "spoke", "think": "thought",
                  "feel": "felt", "know": "knew", "see": "saw"}


_VOWELS = frozenset("aeiou")

#: the endings of a word whose '-s' form adds '-es' whole: a sibilant or 'o' ('pushes', 'boxes', 'bosses', 'heroes')
_TAKES_ES = ("s", "x", "z", "ch", "sh", "o")


def takes_es(word: str) -> bool:
    """Whether a word's '-s' form adds '-es' whole: it ends on a sibilant or 'o'. The one home of that spelling rule,
    for a verb's third person (:func:`verb_forms`: 'pushes', 'vetoes') and a person noun's plural read back to its
    singular (graphkit.person_nouns.plural_person_noun: 'bosses' is 'boss', but 'wages' no plural of 'wag').

    >>> [takes_es(w) for w in ("push", "boss", "box", "veto", "wag", "say", "state")]
    [True, True, True, True, False, False, False]
    """
    return word.endswith(_TAKES_ES)


def _doubles(lemma: str) -> bool:
    """Whether a verb of one syllable doubles its last consonant before '-ed' / '-ing': one vowel before it, after a
    consonant or 'qu' ('quip', 'blog', 'slam'; not 'tweet', 'text', 'show', nor 'answer' of two syllables).

    >>> [_doubles(v) for v in ("quip", "blog", "slam", "tweet", "text", "show", "answer")]
    [True, True, True, False, False, False, False]
    """
    stem = lemma.replace("qu", "q")
    if len(stem) < 3 or stem[-1] in _VOWELS or stem[-1] in "wxy" or stem[-2] not in _VOWELS:
        return False
    return stem[-3] not in _VOWELS and not any(c in _VOWELS for c in stem[:-2])


def past_forms(lemma: str) -> frozenset[str]:
    """The past tense (and participle) forms a one-word verb lemma may be written with: '-ed', '-d' after an 'e',
    '-ied' for a final 'y' after a consonant, the final consonant doubled ('quipped'), or its irregular past
    (:data:`IRREGULAR_PAST`). The one home of a speech verb's past for the colon frame's inverted labels
    (graphkit.frames_parse.inverted_speech_verb) and the actor check's verb forms (bench/eval_actors.py).

    >>> sorted(past_forms("reply")), sorted(past_forms("state")), sorted(past_forms("tell"))
    (['replied'], ['stated'], ['told'])
    >>> sorted(past_forms("quip")), sorted(past_forms("say")), sorted(past_forms("tweet"))
    (['quipped'], ['said'], ['tweeted'])
    """
    if lemma in IRREGULAR_PAST:
        return frozenset({IRREGULAR_PAST[lemma]})
    if lemma.endswith("e"):
        return frozenset({lemma + "d"})
    if lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        return frozenset({lemma[:-1] + "ied"})
    return frozenset({_stem(lemma) + "ed"})


def _stem(lemma: str) -> str:
    """The lemma as '-ed' / '-ing' join it: its last consonant doubled when :func:`_doubles` says so ('quipp')."""
    return lemma + lemma[-1] if _doubles(lemma) else lemma


def third_person(lemma: str) -> str:
    """A one-word verb lemma's '-s' form: '-es' after a sibilant or 'o' (:func:`takes_es`), '-ies' for a final 'y'
    after a consonant. The one home of that form, for :func:`verb_forms` and a headline's title-case verb
    (:attr:`Cues.third_person_verbs`).

    >>> [third_person(v) for v in ("say", "slam", "reply", "push", "veto")]
    ['says', 'slams', 'replies', 'pushes', 'vetoes']
    """
    if lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        return lemma[:-1] + "ies"
    return lemma + "es" if takes_es(lemma) else lemma + "s"


def verb_forms(lemma: str) -> frozenset[str]:
    """Every inflected form of a one-word verb lemma: '-s' ('-es' after a sibilant or 'o', :func:`takes_es`; '-ies'
    for a final 'y' after a consonant), '-ing' and its :func:`past_forms`; not the lemma itself.

    >>> sorted(verb_forms("slam") - past_forms("slam")), sorted(verb_forms("reply") - past_forms("reply"))
    (['slamming', 'slams'], ['replies', 'replying'])
    >>> sorted(verb_forms("state") - past_forms("state")), sorted(verb_forms("agree") - past_forms("agree"))
    (['states', 'stating'], ['agreeing', 'agrees'])
    """
    third = third_person(lemma)
    ing = lemma[:-1] + "ing" if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")) else _stem(lemma) + "ing"
    return frozenset({third, ing}) | past_forms(lemma)
