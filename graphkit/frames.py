"""Attribution frames: where a cue's content and speaker are in the parse.

Each frame looks at one kind of cue in a parsed ``Doc`` and proposes candidates (:class:`_Cand`: cue
tokens, stance, content tokens, subject) for :func:`graphkit.attribution.attributions` to assemble. They
live in small modules along the data flow; this module is their index (and keeps the names other modules
import):

- :mod:`graphkit.frames_parse`: what every frame reads — the candidate record, a verb's subject
  (:func:`_subject`), what a colon introduces;
- :mod:`graphkit.frames_verb`: a verb cue and the first frame of :data:`VERB_FRAMES` that finds its
  content (clause, "as" clause, participle, prepositional object, to-infinitive, object, colon ...),
  negated or refused cues (:func:`_declined`), claims coordinated into another's content;
- :mod:`graphkit.frames_quote`: quotations and who said them — "“...,” he said" (:func:`_around`),
  "“...,” was the assessment of X", "Lavrov: ...", "“...” ― Carla Sanchez";
- :mod:`graphkit.frames_headline`: a headline line whose title case hides its verb from the parser ("Ann Reyes Tells
  Council To Wait");
- :mod:`graphkit.frames_nominal`: cues that are no verb — "according to X", "in a statement", "his claim
  that ...", "was critical of", "in a CNN poll".

The verb frames in the order :func:`_verb_candidate` tries them (its own example is in
:mod:`graphkit.frames_verb`), and the home of a name imported from here:

>>> list(VERB_FRAMES)[:6]
['clause_under_pobj', 'quote_after', 'around', 'parenthetical', 'as_clause', 'participle']
>>> [f.__module__ for f in (_subject, _verb_candidate, _around, _phrase_candidates)]
['graphkit.frames_parse', 'graphkit.frames_verb', 'graphkit.frames_quote', 'graphkit.frames_nominal']
"""

from __future__ import annotations

from .frames_nominal import _adjective_candidates, _in_source_candidates, _noun_candidates, _phrase_candidates
from .frames_parse import (
    _EDGE_PUNCT, _Cand, _after_colon, _modal, _same_line_subject, _span_tokens, _subject, not_a_source,
    sentence_adverbial,
)
from .frames_quote import (
    _VERDICT_NOUNS, _around, _colon_candidates, _dash_candidates, _verb_colon_candidates, _verdict_candidates,
)
from .frames_verb import (
    _STATEMENT_NOUNS, CIRCUMSTANCE_PREPS, VERB_FRAMES, _declined, _shown_act, _verb_candidate, object_complements,
    says_it, trailing_complements,
)

__all__ = [
    "VERB_FRAMES", "CIRCUMSTANCE_PREPS", "object_complements", "says_it", "trailing_complements", "not_a_source",
    "sentence_adverbial", "_Cand", "_EDGE_PUNCT",
    "_STATEMENT_NOUNS", "_VERDICT_NOUNS", "_adjective_candidates", "_after_colon", "_around", "_colon_candidates",
    "_dash_candidates", "_declined", "_in_source_candidates", "_modal", "_noun_candidates", "_phrase_candidates",
    "_same_line_subject", "_shown_act", "_span_tokens", "_subject", "_verb_candidate", "_verb_colon_candidates",
    "_verdict_candidates",
]
