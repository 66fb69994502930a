"""The one home of the article pass's speakers as the speaker tests read them (test_speakers.py and
test_speaker_phrase.py): a text run through the pipeline, each claim's speaker as resolved in its article.

The pipeline itself is conftest's ``nlp`` fixture (loaded once a session); this module holds no fixture.
"""

from __future__ import annotations

from functools import lru_cache

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


def pipeline_as_switched(nlp):
    """``nlp`` (conftest's pipeline) while graphkit.nlp's tokenizer switches are on (`TITLES_KEPT_WHOLE`,
    `BULLETS_APART`), else a pipeline loaded with them as they are: the tokenizer reads them when a pipeline is
    loaded, so a row turning one off needs a pipeline of its own (loaded once for each setting)."""
    from graphkit import nlp as gnlp

    if gnlp.TITLES_KEPT_WHOLE and gnlp.BULLETS_APART:
        return nlp
    return _loaded_with(gnlp.TITLES_KEPT_WHOLE, gnlp.BULLETS_APART)


@lru_cache(maxsize=4)
def _loaded_with(titles_kept_whole: bool, bullets_apart: bool):
    """A fresh graphkit pipeline, loaded while the tokenizer switches are these (the cache's key)."""
    from graphkit import nlp as gnlp

    return gnlp.cached_pipeline.__wrapped__(None, gnlp.numpy_gemm_wanted())
