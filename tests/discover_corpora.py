"""The one home of the small corpora and taxonomies the discovery tests build (tests/test_discover.py,
tests/test_topical.py, tests/test_clustering.py's child process): a test module imports no other test module."""

from __future__ import annotations

from pathlib import Path


# UK political news of 2004-05 in miniature: nothing about Ukraine
UK = {
    "a1": ["The chancellor said the council tax would rise again next April.",
           "Pensioners' groups said council tax bills were already too high for people on fixed incomes.",
           "The home secretary said ID cards would help fight identity fraud.",
           "Liberty said ID cards were a threat to civil liberties."],
    "a2": ["Local councils said the council tax was the only way to pay for services.",
           "The minister said council tax bills would be capped.",
           "Critics said the ID cards scheme would cost billions.",
           "The Conservatives said the ID cards bill was rushed."],
    "a3": ["The prime minister said the general election would be fought on the economy.",
           "Labour said the general election campaign would start in April.",
           "Campaigners said council tax revaluation would hit families in the south.",
           "The Home Office said ID cards would be voluntary at first."],
    "a4": ["The Liberal Democrats said a local income tax should replace the council tax.",
           "Pollsters said the general election result was hard to call.",
           "The party chairman said the general election would be close.",
           "Privacy campaigners said the ID cards database was dangerous."],
}


def write_uk(folder: Path, docs=UK) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id, sents in docs.items():
        (folder / f"{doc_id}.txt").write_text(" ".join(sents), encoding="utf-8")
    return folder


CLAIMS = [("council tax bills rise", ("", "")), ("council tax is unfair", ("", "")), ("the council tax burden", ("", "")),
          ("ID cards are costly", ("", "")), ("ID cards database", ("", "")), ("ID cards threaten liberty", ("", ""))] * 4
TWO = {"issues": [{"name": "council tax", "patterns": ["council tax"]}, {"name": "ID cards", "patterns": ["ID cards"]}]}


def topic_corpus(n_docs, topics, filler):
    """claims (id, doc, phrases): article d is about topic d % len(topics); each claim says one phrase of its topic
    and a filler word any article may use."""
    out = []
    for d in range(n_docs):
        words = topics[d % len(topics)]
        for k in range(6):
            out.append((f"d{d:03d}-{k}", f"d{d:03d}", [words[k % len(words)], filler[(d + k) % len(filler)]]))
    return out


TOPIC_WORDS = [["deportation", "immigrants", "border wall"], ["abortion", "Planned Parenthood", "contraception"],
               ["delegates", "superdelegates", "contested convention"], ["pipelines", "emissions", "climate change"]]
FILLER = ["time", "father", "comments", "city", "way"]


def grown_corpus(fillers: int) -> list[tuple]:
    """A corpus of `fillers` claims saying nothing, 20 to an article, and a few saying two topics: "council tax" in
    4 claims of 3 articles, "ID cards" in 3 claims of 2 (said where they are said, not scattered at random)."""
    topics = [("t1", "d0", ["council tax"]), ("t2", "d0", ["council tax", "ID cards"]), ("t3", "d1", ["council tax"]),
              ("t4", "d2", ["council tax", "ID cards"]), ("t5", "d2", ["ID cards"])]
    return topics + [(f"f{i:05d}", f"f{i // 20}", []) for i in range(fillers)]


# three reports of each UK claim (the issue model learns from five claims an issue) and an article whose title names
# what two of its voices say, "internment camps" (`graphkit.topical.title_topics`): TITLED_UK_TITLES gives its title
TITLED_UK = {**{f"{p}{d}": s for p in "xyz" for d, s in UK.items()},
             "a5": ["The chancellor said Brown would protect pensioners on fixed incomes.",
                    "Critics said the scheme would hit families in the south.",
                    "The chancellor said bills would be capped for pensioners."],
             "a6": ["The general said internment camps were never his plan.",
                    "His critics said internment camps would shame the country.",
                    "The mayor said council tax bills were high."]}
TITLED_UK_TITLES = {"a6": "General defends internment camps remark"}


def write_titled_uk(folder: Path) -> Path:
    """`TITLED_UK` written as a corpus, each article of `TITLED_UK_TITLES` under its title line."""
    write_uk(folder, TITLED_UK)
    for doc_id, title in TITLED_UK_TITLES.items():
        f = folder / f"{doc_id}.txt"
        f.write_text(f"{title}\n\n" + f.read_text(encoding="utf-8"), encoding="utf-8")
    return folder
