"""Print random claims of a store as verdict lines to fill in, for a person to judge each speaker.

    python bench/audit_speakers.py STORE -n 60 [--seed 12] [--polnear-split train] > draft.txt
    python bench/audit_refs.py render --context draft.txt      # read each claim in its paragraph
    python bench/audit_speakers.py STORE --text ...            # or: the claims with their text, to read only
    python bench/audit_speakers.py STORE --judgements FILE     # the shares of a judged file
    python bench/audit_speakers.py STORE --pronouns -n 40 ...  # only pronoun speakers ('he', 'she', 'they', 'it')

One line per claim, ``12 ? {pn:ARTICLE@START-END} Donald Trump [person] ('Trump') cue 'said'``: the
number, ``?`` for the verdict, the claim's locator in its PolNeAR article (speaker mention, cue and
content: bench/audit_refs.py), the speaker as stored (canonical actor name, type), the mention as
written and the cue. Replace ``?`` by ``right`` (the right source, fully named as the article names
it), ``partial`` (the right source, but a surname, bare role or pronoun where the article names more)
or ``wrong``, and add a note; the lines go into ``bench/audits/`` as they are, since they quote no
article text (a mention of six words or more is a locator too; ``audit_refs.py convert`` turns any
text a note quotes into locators). ``--text`` prints the old reading view instead: the content, and
the paragraph with the speaker mention [[marked]] and the cue <<marked>> (for the terminal, never for
a file). For a store that is not of PolNeAR, the lines carry the document id and offsets.

The sample is drawn with a fixed seed from claims that are not another article's report
of the same statement, so the same store and seed give the same claims.
"""

from __future__ import annotations

import argparse
import random
import sys
import textwrap
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def context(text: str, claim, width: int = 700) -> str:
    """The paragraph(s) around a claim, the speaker mention [[marked]] and the cue <<marked>>."""
    spans = [s for s in (claim.speaker_span, claim.cue_span) if s]
    lo = min([claim.spans[0][0], *[s[0] for s in spans]])
    hi = max([claim.spans[-1][1], *[s[1] for s in spans]])
    start = max(0, text.rfind("\n\n", 0, lo) + 2 if text.rfind("\n\n", 0, lo) >= 0 else 0, lo - width)
    end = min(len(text), max(hi, (text.find("\n\n", hi) if text.find("\n\n", hi) >= 0 else len(text))), hi + width)
    marks = []
    if claim.speaker_span:
        marks += [(claim.speaker_span[0], "[["), (claim.speaker_span[1], "]]")]
    if claim.cue_span:
        marks += [(claim.cue_span[0], "<<"), (claim.cue_span[1], ">>")]
    out, pos = [], start
    for at, m in sorted((a, m) for a, m in marks if start <= a <= end):
        out.append(text[pos:at])
        out.append(m)
        pos = at
    out.append(text[pos:end])
    return ("…" if start > 0 else "") + "".join(out).strip() + ("…" if end < len(text) else "")


def claim_extent(claim) -> tuple[int, int]:
    """[start, end) from the first to the last of the claim's speaker mention, cue and content spans."""
    spans = [*claim.spans, *[s for s in (claim.speaker_span, claim.cue_span) if s]]
    return min(s[0] for s in spans), max(s[1] for s in spans)


def verdict_line(k: int, claim, actor, text: str, arts) -> str:
    """The line a person fills in for one claim: number, ``?``, the claim's locator, speaker, mention, cue.

    >>> from types import SimpleNamespace as C
    >>> from audit_refs import Corpus
    >>> arts = Corpus.of({"a": "Lavrov said on Monday that talks would resume."})
    >>> c = C(doc_id="a", spans=((27, 45),), speaker_span=(0, 6), cue_span=(7, 11), speaker="Sergey Lavrov",
    ...       speaker_text="Lavrov", cue="said")
    >>> verdict_line(3, c, C(type="person"), arts["a"].text, arts)
    "3 ? {pn:a@0-45} Sergey Lavrov [person] ('Lavrov') cue 'said'"
    >>> verdict_line(3, c, None, arts["a"].text, None)
    "3 ? a@0-45 Sergey Lavrov [?] ('Lavrov') cue 'said'"
    """
    from audit_refs import RUN_WORDS, span_ref, words_of

    lo, hi = claim_extent(claim)
    where = span_ref(arts, claim.doc_id, text, lo, hi) or f"{claim.doc_id}@{lo}-{hi}"
    mention = claim.speaker_text
    if mention and len(words_of(mention)) >= RUN_WORDS and claim.speaker_span:
        mention = span_ref(arts, claim.doc_id, text, *claim.speaker_span) or mention
    said = f" ({mention!r})" if mention else ""
    return f"{k} ? {where} {claim.speaker} [{actor.type if actor else '?'}]{said} cue {claim.cue!r}"


def third_person(speaker_text: str | None, forms: frozenset = None) -> bool:
    """Whether a speaker as written is a third-person pronoun the article pass resolves to an antecedent (a
    development draw of `--pronouns`: the largest wrong kind of every audit so far); ``forms``: the pronouns drawn
    from (:data:`THIRD_PERSON`, or :data:`THIRD_PERSON_7411` to draw seeds 7411 and 7412 again).

    >>> [third_person(w) for w in ("he", "She ", "they", "it", "his", "their", "I", "who", "Mr. Lee", None)]
    [True, True, True, True, True, True, False, False, False, False]
    >>> third_person("their", THIRD_PERSON_7411)
    False
    """
    return (speaker_text or "").strip().lower() in (THIRD_PERSON if forms is None else forms)


#: the third-person pronouns a speaker is written as
THIRD_PERSON = frozenset({"he", "she", "him", "her", "his", "hers", "they", "them", "their", "it", "its"})
#: the narrower set the judged draws of seeds 7411 and 7412 were drawn from (bench/audits/polnear_train_pronouns_seed*.txt,
#: session 39: no 'them', 'their', 'its', 'hers'), kept so those draws reproduce (``--pronouns-7411``)
THIRD_PERSON_7411 = frozenset({"he", "she", "him", "her", "his", "they", "it"})


def sample(store_path: Path, n: int, seed: int, prefix: str = "", only: set[str] | None = None,
           pronouns: bool = False, forms: frozenset | None = None):
    from graphkit.store import Store

    with Store(store_path, readonly=True) as s:
        actors = {a.id: a for a in s.actors()}
        claims = sorted((c for c in s.claims() if c.same_as is None and c.doc_id.startswith(prefix)
                         and (only is None or c.doc_id in only) and (not pronouns or third_person(c.speaker_text, forms))),
                        key=lambda c: c.id)
        picked = random.Random(seed).sample(claims, min(n, len(claims)))
        docs = s.documents_by_id({c.doc_id for c in picked})
    return [(c, actors.get(c.speaker_id), docs[c.doc_id].text) for c in picked]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("-n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--doc-prefix", default="", help="only articles whose id starts so")
    ap.add_argument("--judgements", type=Path, default=None, help="file of 'number verdict' lines to tally")
    ap.add_argument("--polnear-split", choices=["train", "dev"], default=None,
                    help="only articles of this PolNeAR split (ids read from ../shared/data/polnear)")
    ap.add_argument("--pronouns", action="store_true",
                    help="only claims whose speaker as written is a third-person pronoun (a development draw)")
    ap.add_argument("--pronouns-7411", action="store_true",
                    help="as --pronouns, from the narrower set seeds 7411 and 7412 were drawn from (no them/their/its/hers)")
    ap.add_argument("--text", action="store_true",
                    help="print the claims with their text and paragraph, to read (never into bench/audits)")
    args = ap.parse_args(argv)
    only = None
    if args.polnear_split:
        from polnear import split_ids

        only = split_ids(args.polnear_split)
    if not args.store.exists():
        print(f"audit_speakers: error: no store at {args.store}; build one (bench/eval_actors.py leaves it in bench/_work/)",
              file=sys.stderr)
        return 2
    rows = sample(args.store, args.n, args.seed, args.doc_prefix, only, args.pronouns or args.pronouns_7411,
                  THIRD_PERSON_7411 if args.pronouns_7411 else None)
    if args.judgements:
        verdicts = {}
        for line in args.judgements.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) >= 2 and parts[0].isdigit():
                verdicts[int(parts[0])] = parts[1].lower()
        tally = Counter(verdicts.values())
        total = sum(tally[k] for k in ("right", "partial", "wrong")) or 1
        for k in ("right", "partial", "wrong"):
            print(f"{k:8} {tally.get(k, 0):3}  {100 * tally.get(k, 0) / total:5.1f}%")
        if tally.get("?"):
            print(f"{tally['?']} lines still '?' (not judged; not in the shares)")
        return 0
    if not args.text:
        from audit_refs import file_safe, polnear_or_none

        arts = polnear_or_none()
        print(f"# Speaker audit: {len(rows)} random claims of {args.store.name}, seed {args.seed}; replace each ? by right, "
              f"partial or wrong\n# (read them with: python bench/audit_refs.py render --context FILE)")
        print(file_safe("\n".join(verdict_line(k, c, a, text, arts) for k, (c, a, text) in enumerate(rows, 1)), arts))
        return 0
    for k, (c, a, text) in enumerate(rows, 1):
        print(f"#{k} {c.doc_id}  claim {c.id}")
        print(f"   speaker: {c.speaker} [{a.type if a else '?'}]   as written: {c.speaker_text!r}   cue: {c.cue!r}")
        print(f"   content: {c.text[:200]!r}")
        print(textwrap.indent(textwrap.fill(context(text, c), 110), "   | "))
        print()
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("audit_speakers", main))
