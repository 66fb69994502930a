"""The one home of the article pass's speakers as the speaker tests read them (test_speakers.py and
test_speaker_phrase.py): a text run through the pipeline, each claim's speaker as resolved in its article.

The pipeline itself is conftest's ``nlp`` fixture (loaded once a session); this module holds no fixture.
"""

from __future__ import annotations

from graphkit.attribution import attributions


def speakers(nlp, text, title=None):
    """Each claim's speaker of ``text`` (with ``title`` as the article's title, if given) as (resolved text,
    speaker type), in order; a claim continuing the one before is left out.

    >>> from graphkit.nlp import load_pipeline
    >>> speakers(load_pipeline(), "Ann Lee said the vote was lost.")
    [('Ann Lee', 'PERSON')]
    """
    doc = nlp.make_doc(text)
    if title:
        doc.user_data["title"] = title
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return [(a.resolved_text, a.speaker_type) for a in attributions(doc) if not a.continuation]
