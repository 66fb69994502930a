"""Attribution frames: where a cue's content and speaker are in the parse.

Each frame looks at one kind of cue in a parsed ``Doc`` and proposes candidates
(:class:`graphkit.frames_parse.CueCandidate`: cue tokens, stance, content tokens, subject) for
:func:`graphkit.attribution.attributions` to assemble. They live in small modules along the data flow; this module
is their index only (it defines and re-exports nothing: each name is imported from its one home):

- :mod:`graphkit.frames_parse`: what every frame reads — the candidate record (``CueCandidate``), a verb's subject
  (``verb_subject``), a token's phrase (``span_tokens``), what a colon introduces (``tokens_after_colon``), the
  punctuation and verb sets the frames share (``EDGE_PUNCT``, ``SEP_MARKS``, ``END_MARKS``, ``CLAUSE_DEPS``,
  ``COLON_VERBS``, ``ADDRESSEE_VERBS``);
- :mod:`graphkit.frames_verb`: a verb cue and the first frame of ``VERB_FRAMES`` that finds its content
  (``verb_candidate``), negated or refused cues (``declined_cue``), claims coordinated into another's content; the
  frames themselves in :mod:`graphkit.frames_verb_clause` (clause, prepositional object, to-infinitive, around,
  quotation or colon after the verb, "as" clause: ``says_it``, ``STATEMENT_NOUNS``) and
  :mod:`graphkit.frames_verb_object` (object, participle, complement), what they read and find in
  :mod:`graphkit.frames_verb_content` (``VerbContext``, ``FrameHit``, a verb's complement and tail, an act a document
  shows: ``shown_act``);
- :mod:`graphkit.frames_quote`: quotations and who said them — "“...,” he said" (``quote_around``), "“...,” was the
  assessment of X" (``verdict_candidates``), "Lavrov: ..." (``colon_candidates``), "“...” ― Carla Sanchez"
  (``dash_candidates``);
- :mod:`graphkit.frames_headline`: a headline line whose title case hides its verb from the parser ("Ann Reyes Tells
  Council To Wait");
- :mod:`graphkit.frames_nominal`: cues that are no verb — "according to X", "in a statement"
  (``phrase_candidates``), "his claim that ..." (``noun_candidates``), "was critical of" (``adjective_candidates``),
  "in a CNN poll" (``in_source_candidates``).

The verb frames in the order ``verb_candidate`` tries them (its own example is in :mod:`graphkit.frames_verb`), and
the home of some of the names above:

>>> from graphkit.frames_verb import VERB_FRAMES, verb_candidate
>>> from graphkit.frames_parse import verb_subject
>>> from graphkit.frames_quote import quote_around
>>> from graphkit.frames_nominal import phrase_candidates
>>> list(VERB_FRAMES)[:6]
['clause_under_pobj', 'quote_after', 'around', 'parenthetical', 'as_clause', 'participle']
>>> [f.__module__ for f in (verb_subject, verb_candidate, quote_around, phrase_candidates)]
['graphkit.frames_parse', 'graphkit.frames_verb', 'graphkit.frames_quote', 'graphkit.frames_nominal']
>>> sorted({f.__module__ for f in VERB_FRAMES.values()})
['graphkit.frames_verb_clause', 'graphkit.frames_verb_object']
"""
