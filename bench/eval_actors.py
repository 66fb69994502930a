"""Actors with an EMPTY gazetteer on PolNeAR: the most quoted actors, their surface forms and merge reasons.

    python bench/eval_actors.py                      # PolNeAR train + dev, top 30
    python bench/eval_actors.py --split dev --top 20 --store bench/_work/dev.gk
    python bench/eval_actors.py --markdown           # the summary table for bench/README.md

Builds a graphkit store from the PolNeAR texts (read from ../shared, never copied into the
repository; parses are cached as spaCy DocBins under ``bench/_work/``, git-ignored) with
``GRAPHKIT_MODELS`` pointing at a copy of ``models/`` whose ``actors.yaml`` is empty, so every
merge comes from the article and the corpus alone. Prints the ``--top`` most quoted actors,
each with every surface form merged into it (as written, with counts) and the merge reasons,
then the checks:

- *split*: a top actor that another person actor (any size) names too: the same full name
  after transliteration folding (graphkit.name_match.compare_names), or its surname / first name alone;
  full names with the same surname and a familiar or formal form of its given name ('Joe' / 'Joseph',
  graphkit.given_names.hypocorism) are listed apart for a person to judge: they may be two people;
- *different first names merged*: an actor whose surface forms carry two full names with the
  same surname and different first names (Hillary / Bill Clinton), first names being the first words
  of the corpus's person actors (so 'Team Trump', 'Crooked Hillary Clinton' are not counted);
- *verb or headline fragment in a name*: an actor name holding a cue verb form of
  models/cues.yaml ("Donald Trump Tells"), or a name that is the start of a headline;
- *unresolved role*: the share of claims whose speaker is an actor of type ``role``.

The store is left at ``--store`` for ``bench/audit_speakers.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "_work"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from graphkit.quotes import CLOSING_TOKENS, OPENING_TOKENS  # noqa: E402 (after the path)


def empty_models(work: Path) -> Path:
    """A copy of models/ with an empty actors.yaml (no actors, no demonyms)."""
    dst = work / "models_empty_actors"
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(ROOT / "models", dst)
    (dst / "actors.yaml").write_text("actors: []\n", encoding="utf-8")
    return dst


def documents(arts: list[dict]):
    """PolNeAR articles as graphkit Document records (title, publisher and date from the corpus)."""
    from graphkit.records import Document

    out = []
    for a in arts:
        out.append(Document(id=a["id"], path=f"{a['id']}.txt", text=a["text"],
                            sha256=hashlib.sha256(a["text"].encode()).hexdigest(), format="txt",
                            title=a.get("title") or None, source=a.get("publisher"), published=a.get("date")))
    return out


def build_store(arts: list[dict], store_path: Path, cache: Path) -> float:
    """Parse (cached), extract with the current code, and resolve into a fresh store; returns seconds."""
    from eval_attribution import parse

    from graphkit.resolution import resolve_store
    from graphkit.extract import DocExtraction, extract_parsed
    from graphkit.store import Store

    t0 = time.perf_counter()
    by_split: dict[str, list[dict]] = defaultdict(list)
    for a in arts:
        by_split[a["_split"]].append(a)
    docs = []
    for split, group in by_split.items():
        docs.extend(parse([a["text"] for a in group], cache, f"polnear_{split}_{len(group)}",
                          [a.get("title") for a in group]))
    records = documents([a for group in by_split.values() for a in group])
    if store_path.exists():
        store_path.unlink()
    with Store(store_path, create=True) as store:
        for doc, d in zip(docs, records):
            items, ents = extract_parsed(doc, d, 0, text=d.text)
            ex = DocExtraction(doc_id=d.id, sha256=d.sha256, items=items, entities=ents)
            store.put_article(d, ex.model_dump_json(), "eval_actors")
        resolve_store(store)
    return time.perf_counter() - t0


def cue_verb_forms() -> set[str]:
    """Inflected forms of the cue verbs in models/cues.yaml ('says', 'tells', 'claims', 'slams', 'replied' ...), by
    graphkit.cues.verb_forms, the one home of a verb's inflections; never a form that is itself a cue's lemma."""
    from graphkit.cues import default_cues, verb_forms

    lemmas = default_cues().any_verb
    forms = set().union(*(verb_forms(lemma) for lemma in lemmas if " " not in lemma))
    return {f for f in forms if f not in lemmas} | {"says", "said"}


def verb_in_name(name: str, verbs: set[str], given_names: set[str]) -> bool:
    """Whether a person's name holds a cue verb's inflected form as a capitalised word: a headline's verb after the
    name ('Donald Trump Tells') or a transcript label's verb before it ('Stated Stone'). A first word is no verb when
    the corpus's people write it as a given name (``given_names``, lower case: 'Said' of 'Said Jalili'); a
    possessive's phrase ("Trump's Says campaign") is no person's name.

    >>> verbs = {"tells", "stated", "said"}
    >>> [verb_in_name(n, verbs, {"said"}) for n in ("Donald Trump Tells", "Stated Stone", "Said Jalili", "Ann Lee")]
    [True, True, False, False]
    """
    ws = name.split()
    if len(ws) < 2 or "’s" in name or "'s" in name:
        return False
    return any(w[:1].isupper() and w.lower().strip(".,:;") in verbs and (k or w.lower() not in given_names)
               for k, w in enumerate(ws))


_FUNCTION_END = {"and", "or", "the", "a", "an", "of", "to", "in", "on", "for", "with", "by", "at", "that", "but"}


_OPEN1 = re.escape("".join(sorted(m for m in OPENING_TOKENS if len(m) == 1)))  # the marks' home: graphkit.quotes
_CLOSE1 = re.escape("".join(sorted(m for m in CLOSING_TOKENS if len(m) == 1)))
_NICKNAME = re.compile(rf"(?<=[\w.] )[{_OPEN1}](?:[A-Z][\w.-]*\s?){{1,3}}[{_CLOSE1}](?= [A-Z])")
#: a quotation opened after a word and closed before another inside a description: a slogan or title it holds whole
#: ('Some in the "Leave means Leave" camp'), no mark a headline was cut at
_QUOTED_INSIDE = re.compile(rf"(?<=\w )[{_OPEN1}][^{_OPEN1}{_CLOSE1}:]+[{_CLOSE1}](?= [a-z])")


def headline_fragment(name: str) -> bool:
    """A name cut from a headline or markup: a colon, quote mark or markup in it, a function word at its end; a
    nickname quoted between a given name and a surname ('Juan "Chico" Manriquez') is part of a name, no fragment.

    >>> headline_fragment("Donald Trump Claims ‘"), headline_fragment("One of the"), headline_fragment("James O’Neill")
    (True, True, False)
    >>> headline_fragment('Juan "Chico" Manriquez'), headline_fragment("Marine John “Tig"), headline_fragment("John “Tig”")
    (False, True, True)
    >>> headline_fragment('Some in the "Leave means Leave" camp'), headline_fragment('Trump Says “Crooked”')
    (False, True)
    """
    ws = name.split()
    if re.search(r"[:‘“”\"<>=]|(?<![sS])’(?![A-Za-z])", _QUOTED_INSIDE.sub("", _NICKNAME.sub("", name))):
        return True  # quote marks or markup, not an apostrophe ('O’Neill', 'Clinton’s campaign', 'Sanders’ aides')
    return len(ws) > 1 and ws[-1].lower() in _FUNCTION_END


def two_names(name: str):
    """(first name, surname) skeletons of a person name of two words after initials are dropped, its last two
    words when a descriptor comes first ('Rival Hillary Clinton'); None for one-word names.

    >>> two_names("Hillary Rodham Clinton"), two_names("Donald J. Trump"), two_names("Trump")
    (('rodham', 'clinton'), ('donald', 'trump'), None)
    """
    from graphkit.names import name_words

    w, gens = name_words(re.sub(r"[-'’]", "", name))
    if len(w) < 2 or gens:
        return None
    return w[-2], w[-1]


def first_names(name: str):
    """(possible first names, surname) of a person name: the first word, and for three words or more the
    one before the surname too (a descriptor may come first: 'Rival Hillary Clinton'); None for one word.

    >>> sorted(first_names("Hillary Rodham Clinton")[0]), first_names("Donald J. Trump")[0], first_names("Trump")
    (['hilari', 'rodham'], frozenset({'donald'}), None)
    """
    from graphkit.names import name_words

    w, gens = name_words(re.sub(r"[-'’]", "", name))
    if len(w) < 2 or gens:
        return None
    return frozenset({w[0], w[-2]}), w[-1]


def report(store_path: Path, top: int, titles: dict[str, str]) -> dict:
    from graphkit.name_match import compare_names
    from graphkit.given_names import hypocorism
    from graphkit.names import fold, name_words, split_honorific, split_title
    from graphkit.store import Store

    with Store(store_path, readonly=True) as s:
        actors = {a.id: a for a in s.actors()}
        claims = [c for c in s.claims() if c.same_as is None]
    n_claims = Counter(c.speaker_id for c in claims)
    forms: dict[str, Counter] = defaultdict(Counter)
    for c in claims:
        forms[c.speaker_id][" ".join((c.speaker_text or "(none)").split())] += 1
    ranked = sorted(n_claims, key=lambda k: (-n_claims[k], k))[:top]
    persons = [a for a in actors.values() if a.type == "person"]

    # split: another person actor is the same person by name, or is its surname / first name alone while
    # this actor is the only full name of the corpus with that surname / first name
    full_by_word: dict[tuple[int, str], set[str]] = defaultdict(set)
    for p in persons:
        w = two_names(p.name)
        if w:
            full_by_word[(0, w[0])].add(p.id)
            full_by_word[(1, w[1])].add(p.id)
    splits, ambiguous, familiar = [], [], []
    for aid in ranked:
        a = actors[aid]
        w = two_names(a.name) if a.type == "person" else None
        if not w:
            continue
        for b in persons:
            if b.id == aid or not n_claims.get(b.id):
                continue
            bw, _ = name_words(b.name)
            if two_names(b.name) and compare_names(a.name, b.name)[0]:
                splits.append((a.name, b.name, n_claims[b.id]))
            elif two_names(b.name) and two_names(b.name)[1] == w[1] and hypocorism(w[0], two_names(b.name)[0]):
                familiar.append((a.name, b.name, n_claims[b.id]))  # 'Joe' / 'Joseph': one person or two
            elif len(bw) == 1 and bw[0] in w:
                side = w.index(bw[0])
                if full_by_word[(side, bw[0])] == {aid}:
                    splits.append((a.name, b.name, n_claims[b.id]))
                else:
                    ambiguous.append((a.name, b.name, n_claims[b.id]))
    # different first names merged into one actor
    # first names: the first words of the corpus's two-word-or-longer person actors ('Team', 'Crooked',
    # 'Billionaire' before a name are no first names)
    known_firsts = {w[0] for p in persons if n_claims.get(p.id) for w in [name_words(p.name)[0]] if len(w) > 1}
    merged_people = []
    for aid, a in actors.items():
        if a.type != "person":
            continue
        by_last = defaultdict(set)
        for f in set(forms[aid]) | set(a.aliases):
            if re.search(r"\band\b|&|,", f) or not f.split()[-1][:1].isupper():
                continue  # 'Mrs. Ellis and former Governor Tom Ellis', 'the Democratic candidate'
            w = first_names(split_honorific(split_title(f)[1] or f)[1])
            if w:
                by_last[w[1]].add(w[0])
        for last, options in by_last.items():
            options = sorted(options, key=sorted)

            def compatible(x, y):
                return any(compare_names(f"{p} {last}", f"{q} {last}")[0] or hypocorism(p, q) for p in x for q in y)

            clash = [(x, y) for i, x in enumerate(options) for y in options[i + 1:]
                     if x & known_firsts and y & known_firsts and not compatible(x & known_firsts, y & known_firsts)]
            if clash:
                merged_people.append((a.name, sorted({"/".join(sorted(x)) + f" {last}" for pair in clash for x in pair}),
                                      n_claims.get(aid, 0)))
    # verbs and headline fragments in names
    verbs = cue_verb_forms()
    given = Counter(ws[0].lower() for p in persons if n_claims.get(p.id) and len(ws := p.name.split()) > 1)
    given_names = {w for w, n in given.items() if n > 1}  # first words of two or more speaking people's names
    bad_names = []
    for aid, a in actors.items():
        if not n_claims.get(aid):
            continue
        if a.type == "person" and verb_in_name(a.name, verbs, given_names):
            bad_names.append((a.name, "verb", n_claims[aid]))
        elif headline_fragment(a.name):
            bad_names.append((a.name, "headline fragment", n_claims[aid]))
    roles = sum(n for aid, n in n_claims.items() if actors[aid].type == "role")
    anon = sum(n for aid, n in n_claims.items() if actors[aid].type == "anonymous")
    lower = sum(n for aid, n in n_claims.items() if actors[aid].name[:1].islower() and actors[aid].type not in ("anonymous",))
    return dict(actors=actors, n_claims=n_claims, forms=forms, ranked=ranked, splits=splits, ambiguous=ambiguous,
                familiar=familiar,
                merged_people=merged_people, bad_names=bad_names, total=len(claims), roles=roles, anon=anon,
                lower=lower)


def print_report(r: dict, markdown: bool) -> None:
    actors, n_claims, forms = r["actors"], r["n_claims"], r["forms"]
    print(f"{len(r['ranked'])} most quoted actors of {r['total']} claims ({len(n_claims)} actors with a claim)\n")
    for k, aid in enumerate(r["ranked"], 1):
        a = actors[aid]
        fs = ", ".join(f"{f} ({n})" for f, n in forms[aid].most_common(12))
        more = len(forms[aid]) - 12
        print(f"{k:2}. {a.name} [{a.type}] {n_claims[aid]} claims")
        print(f"    forms: {fs}{f', … {more} more' if more > 0 else ''}")
        for line in a.merges[:6]:
            print(f"    merge: {line[:220]}")
        if len(a.merges) > 6:
            print(f"    merge: … {len(a.merges) - 6} more reasons")
    t = r["total"] or 1
    print()
    print(f"persons split among the top {len(r['ranked'])}: {len(r['splits'])}")
    for a, b, n in r["splits"][:20]:
        print(f"   {a!r} also as {b!r} ({n} claims)")
    print(f"full names with a familiar / formal form of a top actor's given name, kept apart (one person or two: "
          f"judge by hand): {len(r['familiar'])}")
    for a, b, n in r["familiar"][:20]:
        print(f"   {a!r} beside {b!r} ({n} claims)")
    print(f"surname / first name alone that several full names carry, kept apart: {len(r['ambiguous'])}")
    for a, b, n in r["ambiguous"][:20]:
        print(f"   {b!r} ({n} claims): {a!r} among others")
    print(f"actors merging two people with different first names: {len(r['merged_people'])}")
    for a, names, n in r["merged_people"][:20]:
        print(f"   {a!r} ({n} claims): {names}")
    print(f"actor names with a verb or headline fragment: {len(r['bad_names'])}")
    for a, why, n in r["bad_names"][:20]:
        print(f"   {a!r}: {why} ({n} claims)")
    print(f"claims whose speaker is an unresolved role: {r['roles']} ({100 * r['roles'] / t:.1f}%); "
          f"anonymous: {r['anon']} ({100 * r['anon'] / t:.1f}%); lower-case non-anonymous speaker names: "
          f"{r['lower']} ({100 * r['lower'] / t:.1f}%)")
    if markdown:
        print("\n| check | figure |\n|---|---:|")
        print(f"| claims (after merging reports) | {r['total']:,} |")
        print(f"| actors with a claim | {len(n_claims):,} |")
        print(f"| persons split among the top {len(r['ranked'])} | {len(r['splits'])} |")
        print(f"| actors merging two first names | {len(r['merged_people'])} |")
        print(f"| actor names with a verb / headline fragment | {len(r['bad_names'])} |")
        print(f"| claims with an unresolved role speaker | {r['roles']:,} ({100 * r['roles'] / t:.1f}%) |")
        print(f"| claims with an anonymous speaker | {r['anon']:,} ({100 * r['anon'] / t:.1f}%) |")
        print(f"| claims with a lower-case speaker name (not anonymous) | {r['lower']:,} ({100 * r['lower'] / t:.1f}%) |")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", nargs="+", choices=["train", "dev"], default=["train", "dev"])
    ap.add_argument("--limit", type=int, default=0, help="first N articles of each split only")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--store", type=Path, default=None, help="where to write the store (default bench/_work/)")
    ap.add_argument("--cache", type=Path, default=WORK, help="folder for parsed DocBins (outside git)")
    ap.add_argument("--reuse", action="store_true", help="report on an existing --store without rebuilding")
    ap.add_argument("--markdown", action="store_true", help="also print the summary as a markdown table")
    args = ap.parse_args(argv)
    store = args.store or WORK / f"polnear_{'_'.join(args.split)}{'_' + str(args.limit) if args.limit else ''}.gk"
    if args.reuse:
        from graphkit.store import Store

        Store(store, readonly=True).close()  # a store that cannot be read: one line before anything is read or set
    from polnear import load_articles

    arts = [dict(a, _split=split) for split in args.split for a in load_articles((split,), limit=args.limit)]
    WORK.mkdir(parents=True, exist_ok=True)
    os.environ["GRAPHKIT_MODELS"] = str(empty_models(WORK))
    if not args.reuse:
        secs = build_store(arts, store, args.cache)
        print(f"built {store} from {len(arts)} PolNeAR articles ({', '.join(args.split)}) with an empty actors.yaml "
              f"in {secs:.0f}s (load average {os.getloadavg()[0]:.1f})\n")
    r = report(store, args.top, {a["id"]: a.get("title") for a in arts})
    print_report(r, args.markdown)
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("eval_actors", main))
