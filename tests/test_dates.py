"""Claim dates: a sentence and its publication date in, the date the statement was made out.

Each case names the cue and the content as they occur in the sentence; the
Attribution is built by hand so these tests do not depend on the attribution stage.
"""

import datetime as dt

import pytest
from hand_parsed import parsed

from graphkit.date_expressions import ClaimDate
from graphkit.dates import claim_date
from graphkit.records import Attribution


@pytest.fixture(scope="module")
def nlp():
    from graphkit.nlp import load_spacy

    return load_spacy()


def make_att(text, cue, content, *, continuation=False):
    cs = text.index(content)
    att = dict(spans=[(cs, cs + len(content))], text=content, cue=cue or "-", continuation=continuation)
    if cue:
        ci = text.index(cue)
        att["cue_span"] = (ci, ci + len(cue))
    return Attribution(**att)


def run(nlp, text, cue, content, published, **kw):
    doc = nlp(text)
    pub = dt.date.fromisoformat(published) if published else None
    return claim_date(doc, make_att(text, cue, content), pub, **kw)


# sentence, cue, content, published -> date, precision, basis, text
CASES = [
    # day names resolve to that weekday on or before publication (2025-12-02 is a Tuesday)
    ("Macron said on Monday that no final peace plan exists.", "said", "no final peace plan exists",
     "2025-12-02", "2025-12-01", "day", "relative", "on Monday"),
    ("Russia’s President Vladimir Putin stated Monday he believes the plan could form the basis.", "stated",
     "he believes the plan could form the basis", "2025-11-25", "2025-11-24", "day", "relative", "Monday"),
    ("On Tuesday, Russia’s Foreign Minister Sergey Lavrov fleshed out that position, saying that the plan was "
     "based on understandings reached in Anchorage.", "saying", "the plan was based on understandings reached in Anchorage",
     "2025-11-25", "2025-11-25", "day", "relative", "On Tuesday"),
    ("Lavrov went even further Tuesday, with a historic tirade arguing that European efforts to mediate the Minsk "
     "accords in 2014 disqualify it from playing a role now.", "arguing",
     "European efforts to mediate the Minsk accords in 2014 disqualify it from playing a role now",
     "2025-11-25", "2025-11-25", "day", "relative", "Tuesday"),
    ("On Monday, top Kremlin aide Yury Ushakov described Europe’s counterproposal as “completely unconstructive.”",
     "described", "Europe’s counterproposal as “completely unconstructive.”", "2025-11-25", "2025-11-24", "day", "relative", "On Monday"),
    ("The Kremlin said on Wednesday it was awaiting details from Washington.", "said",
     "it was awaiting details from Washington", "2025-03-12", "2025-03-12", "day", "relative", "on Wednesday"),
    ("Trump said on Tuesday that he hoped Russia would agree to a ceasefire and that he would talk to Putin this week.",
     "said", "he hoped Russia would agree to a ceasefire and that he would talk to Putin this week",
     "2025-03-12", "2025-03-11", "day", "relative", "on Tuesday"),
    ("The United States agreed on Tuesday to resume weapons supplies after Kyiv said at talks in Saudi Arabia that it "
     "was ready to support a ceasefire proposal.", "said", "it was ready to support a ceasefire proposal",
     "2025-03-12", "2025-03-11", "day", "relative", "on Tuesday"),
    ("The minister said last Tuesday that the talks had failed.", "said", "the talks had failed",
     "2025-12-02", "2025-11-25", "day", "relative", "last Tuesday"),
    ("The minister said yesterday that the talks had failed.", "said", "the talks had failed",
     "2025-12-02", "2025-12-01", "day", "relative", "yesterday"),
    # months: "in December" in a March article is the December before
    ("Reuters reported in November that Putin was ready to negotiate a deal with Trump.", "reported",
     "Putin was ready to negotiate a deal with Trump", "2025-03-12", "2024-11", "month", "explicit", "in November"),
    ("“We don’t need a truce, we need a long-term peace,” he said in December.", "said",
     "We don’t need a truce, we need a long-term peace", "2025-03-12", "2024-12", "month", "explicit", "in December"),
    ("In June, he set out his terms for peace: Ukraine must drop its NATO ambitions.", "set out",
     "his terms for peace: Ukraine must drop its NATO ambitions", "2025-03-12", "2024-06", "month", "explicit", "In June"),
    ("The envoy said earlier this month that a deal was close.", "said", "a deal was close",
     "2025-03-12", "2025-03", "month", "relative", "earlier this month"),
    # explicit calendar dates
    ("The ministry said on March 11 that the strikes had stopped.", "said", "the strikes had stopped",
     "2025-03-12", "2025-03-11", "day", "explicit", "on March 11"),
    ("Officials said Nov. 21 that the sanctions were in force.", "said", "the sanctions were in force",
     "2025-03-12", "2024-11-21", "day", "explicit", "Nov. 21"),
    ("The ministry said on 21 November 2025 that the sanctions were in force.", "said", "the sanctions were in force",
     None, "2025-11-21", "day", "explicit", "on 21 November 2025"),
    # weeks: the Monday of that week ("final week" is a paraphrased copy's "last week")
    ("The European Commission estimated last week that Ukraine will need more than 135 billion euros.", "estimated",
     "Ukraine will need more than 135 billion euros", "2025-11-25", "2025-11-17", "week", "relative", "last week"),
    ("The European Commission estimated final week, according to Reuters, that Ukraine will need more money.",
     "estimated", "Ukraine will need more money", "2025-11-25", "2025-11-17", "week", "relative", "final week"),
    # event dates inside the content are not claim dates
    ("Kremlin spokesman Dmitry Peskov confirmed that Witkoff will meet Putin on Tuesday afternoon.", "confirmed",
     "Witkoff will meet Putin on Tuesday afternoon", "2025-12-02", "2025-12-02", "day", "publication", None),
    ("EU foreign policy chief Kaja Kallas said this week could be decisive.", "said", "this week could be decisive",
     "2025-12-02", "2025-12-02", "day", "publication", None),
    ("She wrote that the oil sanctions came into force on November 21, 2025.", "wrote",
     "the oil sanctions came into force on November 21, 2025", "2025-11-25", "2025-11-25", "day", "publication", None),
    ("On Monday night, Russia launched what the UN mission stated was its seventh attack on energy facilities.",
     "stated", "was its seventh attack on energy facilities", "2025-11-25", "2025-11-25", "day", "publication", None),
    ("Kosachev said on Telegram that Russia’s advances must be taken into account.", "said",
     "Russia’s advances must be taken into account", "2025-03-12", "2025-03-12", "day", "publication", None),
    # a participle on the speaker carries the date of the act
    ("Lavrov, speaking on Monday, said the plan was dead.", "said", "the plan was dead",
     "2025-11-26", "2025-11-24", "day", "relative", "on Monday"),
    ("In an interview with Bloomberg on Monday, Lavrov said the plan was dead.", "said", "the plan was dead",
     "2025-11-26", "2025-11-24", "day", "relative", "on Monday"),
    # a cue with an auxiliary: the date hangs on the main verb
    ("The minister had said on Monday that the talks had failed.", "had said", "the talks had failed",
     "2025-12-03", "2025-12-01", "day", "relative", "on Monday"),
    # vague words fall back to publication, keeping the words
    ("Putin recently said he had reviewed a US draft.", "said", "he had reviewed a US draft",
     "2025-12-02", "2025-12-02", "day", "publication", "recently"),
    ("Putin has repeatedly said that he is ready to talk.", "has repeatedly said", "he is ready to talk",
     "2025-03-12", "2025-03-12", "day", "publication", "repeatedly"),
    # a possessive date names a thing, not the time of speaking
    ("In Kyiv, Zelenskyy hailed this week’s meeting in Saudi Arabia as constructive.", "hailed",
     "this week’s meeting in Saudi Arabia as constructive", "2025-03-12", "2025-03-12", "day", "publication", None),
    ("Zelenskyy hailed this week's meeting as constructive, and said a ceasefire could be used.", "said",
     "a ceasefire could be used", "2025-03-12", "2025-03-12", "day", "publication", None),
    # holidays
    ("The president said on Christmas Day that the talks would go on.", "said", "the talks would go on",
     "2025-12-28", "2025-12-25", "day", "explicit", "Christmas Day"),
    # a deadline in the sentence that has passed: the statement came before it
    ("Trump had suggested Thanksgiving as an appropriate date.", "suggested", "Thanksgiving as an appropriate date",
     "2025-12-03", "2025-11", "month", "relative", "before Thanksgiving"),
    ("I urged that Ukraine should not be panicked into arbitrary deadlines (Trump had suggested Thanksgiving as an "
     "appropriate date).", "urged", "Ukraine should not be panicked into arbitrary deadlines",
     "2025-12-03", "2025-11", "month", "relative", "before Thanksgiving"),
    ("The envoy said the deadline of December 5 still stood.", "said", "the deadline of December 5 still stood",
     "2025-12-03", "2025-12-03", "day", "publication", None),           # not passed yet: no bound
    # no publication date: relative words cannot resolve
    ("Macron said on Monday that no final peace plan exists.", "said", "no final peace plan exists",
     None, None, None, "unknown", None),
]


@pytest.mark.parametrize("text,cue,content,published,date,precision,basis,words", CASES)
def test_claim_date(nlp, text, cue, content, published, date, precision, basis, words):
    cd = run(nlp, text, cue, content, published)
    assert (cd.date, cd.precision, cd.basis, cd.text) == (date, precision, basis, words)


def test_date_carries_to_the_same_speaker(nlp):
    text = ("Macron said on Monday that no final peace plan exists. He stressed that any proposal must involve "
            "Ukraine. Kallas said the week could be decisive.")
    doc = nlp(text)
    pub = dt.date(2025, 12, 2)
    first = claim_date(doc, make_att(text, "said", "no final peace plan exists"), pub)
    second = claim_date(doc, make_att(text, "stressed", "any proposal must involve Ukraine"), pub,
                        previous=first, same_speaker=True)
    assert (second.date, second.basis, second.carried) == ("2025-12-01", "relative", True)
    i = text.index("Kallas said") + len("Kallas ")
    kallas = Attribution(spans=[(i + 5, len(text) - 1)], text=text[i + 5:-1], cue="said", cue_span=(i, i + 4))
    third = claim_date(doc, kallas, pub, previous=second, same_speaker=False)
    assert (third.date, third.basis) == ("2025-12-02", "publication")


def test_continuation_quote_without_cue_carries(nlp):
    text = "“We need peace,” he said in December. “It is a difficult question.”"
    doc = nlp(text)
    pub = dt.date(2025, 3, 12)
    first = claim_date(doc, make_att(text, "said", "We need peace"), pub)
    cont = make_att(text, None, "It is a difficult question.", continuation=True)
    assert claim_date(doc, cont, pub, previous=first, same_speaker=True).date == "2024-12"
    assert claim_date(doc, cont, pub, previous=first, same_speaker=False).date == "2025-03-12"


def test_old_or_coarse_dates_do_not_carry(nlp):
    text = "He came to the state senate in 1998 and said crime must fall. “I might have said that myself,” Duarte said."
    doc = nlp(text)
    pub = dt.date(2016, 9, 8)
    first = claim_date(doc, make_att(text, "said", "crime must fall"), pub)
    assert (first.date, first.precision) == ("1998", "year")   # "came to ... in 1998 and said": the act's own date
    old = ClaimDate("1998", "year", "explicit", "in 1998")
    second = claim_date(doc, make_att(text, "Duarte said", "I might have said that myself"), pub,
                        previous=old, same_speaker=True)
    assert (second.date, second.carried) == ("2016-09-08", False)
    old_month = ClaimDate("2014-05", "month", "explicit", "in May 2014")
    assert claim_date(doc, make_att(text, "Duarte said", "I might have said that myself"), pub,
                      previous=old_month, same_speaker=True).date == "2016-09-08"


@pytest.mark.parametrize("second,cue", [
    ("Graham has acknowledged that the climate is changing.", "has acknowledged"),
    ("Graham says that the climate is changing.", "says"),
])
def test_habitual_cues_do_not_carry(nlp, second, cue):
    text = "Graham told reporters on Thursday that Trump could change. " + second
    doc = nlp(text)
    pub = dt.date(2016, 9, 23)
    first = claim_date(doc, make_att(text, "told", "Trump could change"), pub)
    assert first.date == "2016-09-22"
    nxt = claim_date(doc, make_att(text, cue, "the climate is changing"), pub, previous=first, same_speaker=True)
    assert (nxt.date, nxt.carried) == ("2016-09-23", False)


def test_own_date_beats_carried(nlp):
    text = "He said on Monday that talks failed. He added on Tuesday that talks resumed."
    doc = nlp(text)
    pub = dt.date(2025, 12, 3)
    first = claim_date(doc, make_att(text, "said", "talks failed"), pub)
    second = claim_date(doc, make_att(text, "added", "talks resumed"), pub, previous=first, same_speaker=True)
    assert (first.date, second.date, second.carried) == ("2025-12-01", "2025-12-02", False)


def test_recently_does_not_carry(nlp):
    text = "Putin said on Monday that talks failed. He recently said that he had reviewed a draft."
    doc = nlp(text)
    pub = dt.date(2025, 12, 3)
    first = claim_date(doc, make_att(text, "said", "talks failed"), pub)
    second = claim_date(doc, make_att(text, "recently said", "he had reviewed a draft"), pub,
                        previous=first, same_speaker=True)
    assert (second.date, second.basis) == ("2025-12-03", "publication")


@pytest.mark.parametrize("name", ["ClaimDate", "DateExpression", "find_date_expressions", "resolve_expression"])
def test_the_text_part_is_exported_by_its_home_only(name):
    """Finding and resolving date words lives in graphkit.date_expressions (tests/test_date_expressions.py), their
    one home: graphkit.dates reads them from there and exports only its own (`claim_date`), so readers import them
    from the home (the move, 3290b1f, had kept them importable from graphkit.dates; session 67 made the one home)."""
    from graphkit import date_expressions, dates

    assert name in date_expressions.__all__ and name not in dates.__all__


# a date whose word the parser makes its sentence's root: words, heads, deps, POS -> date, basis
ROOT_DATE_CASES = [
    # "May" read as a modal and made the root, "said" an adverbial clause under it: the date governs the cue
    # and dates the act (a root never passed the "head outside the expression" test: spaCy makes a new Token
    # on each access, so "tok.head is tok" never held)
    (["May", "12", "he", "said", "no", "."], [0, 0, 3, 0, 3, 0],
     ["ROOT", "nummod", "nsubj", "advcl", "dobj", "punct"], ["AUX", "NUM", "PRON", "VERB", "INTJ", "PUNCT"],
     "2016-05-12", "explicit"),
    # the same words with "said" a clause of its own (parataxis): the date is not the speech act's
    (["May", "12", "he", "said", "no", "."], [0, 0, 3, 0, 3, 0],
     ["ROOT", "nummod", "nsubj", "parataxis", "dobj", "punct"], ["AUX", "NUM", "PRON", "VERB", "INTJ", "PUNCT"],
     "2016-06-01", "publication"),
    # a root date noun above a cue it does not govern through a speech-clause link
    (["Monday", ":", "he", "said", "no", "."], [0, 0, 3, 0, 3, 0],
     ["ROOT", "punct", "nsubj", "appos", "dobj", "punct"], ["PROPN", "PUNCT", "PRON", "VERB", "INTJ", "PUNCT"],
     "2016-06-01", "publication"),
]


@pytest.mark.parametrize("words,heads,deps,pos,date,basis", ROOT_DATE_CASES)
def test_a_date_that_is_its_sentences_root(words, heads, deps, pos, date, basis):
    doc = parsed(words, heads=heads, deps=deps, pos=pos, spaces=[True] * (len(words) - 2) + [False, False])  # ". " glued
    text = doc.text
    cue, content = text.index("said"), text.index("no")
    att = Attribution(spans=[(content, content + 2)], text="no", cue="said", cue_span=(cue, cue + 4))
    cd = claim_date(doc, att, dt.date(2016, 6, 1))
    assert (cd.date, cd.basis) == (date, basis)
