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
from typing import Optional

from .errors import ModelsFileError

__all__ = ["STANCES", "Cues", "load_cues", "default_cues"]

STANCES = {
    "assert", "deny", "demand", "warn", "predict", "accuse", "question",
    "promise", "praise", "criticize", "support", "oppose", "believe", "report",
}
_SECTIONS = ("verbs", "object_verbs", "to_verbs", "prep_verbs", "nouns", "phrases", "quoted_as", "sources", "adjectives")



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


def default_cues() -> Cues:
    """The lexicon of ``models/cues.yaml``, read once per process."""
    global _DEFAULT_CUES
    if _DEFAULT_CUES is None:
        _DEFAULT_CUES = load_cues()
    return _DEFAULT_CUES

