"""Attribution (graphkit.attribution): a table of tricky sentences → speaker, content, kind, stance.

Sentences are modelled on the sample corpus (corpus/00*.txt). Each case names the
cue it is about; the attribution found for that cue must have the expected
speaker as written, the resolved speaker, a content substring, kind and stance.
"""

from __future__ import annotations

import json

import pytest
from checkout_paths import ROOT, SHARED
from hand_parsed import parsed
from switched import assert_switched

from graphkit.attribution import attributions
from graphkit.confidence import filter_attributions
from graphkit.cues import ACCORDING_FRAME, Cues, load_cues
from graphkit.errors import ModelsFileError
from graphkit.quotes import find_quotes


def _said(doc, **kw) -> list[tuple[str, str]]:
    """(speaker as written, content) of each attribution `attributions` finds in ``doc`` (``kw``: its options)."""
    return [(a.speaker_text, a.text) for a in attributions(doc, **kw)]


@pytest.fixture(scope="module")
def nlp():
    from graphkit.nlp import load_pipeline

    return load_pipeline()


def by_cue(atts, cue):
    found = [a for a in atts if a.cue.lower().startswith(cue.lower()) and not a.continuation]
    assert found, f"no attribution with cue {cue!r}; got {[(a.cue, a.text) for a in atts]}"
    return found[0]


# text, cue, speaker_text, resolved_text, content substring, kind, stance
CASES = [
    # direct quotes
    ("“The talks were useful,” Kremlin spokesman Dmitry Peskov said.",
     "said", "Kremlin spokesman Dmitry Peskov", "Dmitry Peskov", "The talks were useful", "direct", "assert"),
    ("Sergey Lavrov spoke in Moscow. He said: “Washington has not sent us the plan.”",
     "said", "He", "Sergey Lavrov", "Washington has not sent us the plan", "direct", "assert"),
    ("“We are ready to work,” said Ukrainian President Volodymyr Zelensky, who met Macron in Paris.",
     "said", "Ukrainian President Volodymyr Zelensky", "Volodymyr Zelensky", "We are ready to work", "direct", "assert"),
    # interposed cue: content on both sides (discontinuous)
    ("“This is a step,” Macron said, “but no final peace plan exists.”",
     "said", "Macron", "Macron", "no final peace plan exists", "direct", "assert"),
    ("The territorial question, Zelensky said, remains the hardest part of any deal.",
     "said", "Zelensky", "Zelensky", "remains the hardest part", "indirect", "assert"),
    # reported speech
    ("Kremlin spokesman Dmitry Peskov confirmed that Witkoff will meet Putin on Tuesday afternoon.",
     "confirmed", "Kremlin spokesman Dmitry Peskov", "Dmitry Peskov", "Witkoff will meet Putin", "indirect", "assert"),
    ("Kirill Dmitriev told Bloomberg that Moscow was open to a deal.",
     "told Bloomberg", "Kirill Dmitriev", "Kirill Dmitriev", "Moscow was open to a deal", "indirect", "assert"),
    ("According to a senior Russian source, the plan is dead.",
     "According to", "a senior Russian source", "a senior Russian source", "the plan is dead", "indirect", "report"),
    ("Ukrainian authorities denied any such losses.",
     "denied", "Ukrainian authorities", "Ukrainian authorities", "denied any such losses", "indirect", "deny"),
    ("EU foreign policy chief Kaja Kallas warned that Russia prefers talks with those willing to offer concessions.",
     "warned", "EU foreign policy chief Kaja Kallas", "Kaja Kallas", "Russia prefers talks", "indirect", "warn"),
    ("Russia's Foreign Minister Sergey Lavrov accused Washington of stalling the process.",
     "accused", "Russia's Foreign Minister Sergey Lavrov", "Sergey Lavrov", "stalling the process", "indirect", "accuse"),
    ("Zelensky called the talks constructive but warned that tough issues remain.",
     "warned", "Zelensky", "Zelensky", "tough issues remain", "indirect", "warn"),
    ("Zelensky called the talks constructive but warned that tough issues remain.",
     "called", "Zelensky", "Zelensky", "called the talks constructive", "indirect", "assert"),
    ("European leaders called for an immediate ceasefire.",
     "called for", "European leaders", "European leaders", "an immediate ceasefire", "indirect", "demand"),
    ("Putin vowed to keep fighting until Kyiv withdraws.",
     "vowed", "Putin", "Putin", "to keep fighting", "indirect", "promise"),
    ("Open-source intelligence reports suggested neither place had been fully taken.",
     "suggested", "Open-source intelligence reports", "Open-source intelligence reports",
     "neither place had been fully taken", "indirect", "assert"),
    # mixed: paraphrase with a quoted fragment
    ("Lavrov said the Europeans were trying to “sabotage” the peace process.",
     "said", "Lavrov", "Lavrov", "sabotage", "mixed", "assert"),
    # pronoun speakers, resolved to the latest fitting name
    ("Emmanuel Macron met Zelensky on Monday. He stressed that any proposal must involve Ukraine.",
     "stressed", "He", "Emmanuel Macron", "any proposal must involve Ukraine", "indirect", "assert"),
    ("Kaja Kallas spoke in Brussels. She said pressure may fall on the weaker side.",
     "said", "She", "Kaja Kallas", "pressure may fall on the weaker side", "indirect", "assert"),
    ("The Kremlin held a briefing. It said the meeting would take place in Moscow.",
     "said", "It", "Kremlin", "the meeting would take place", "indirect", "assert"),
    # relative pronoun
    ("The talks were praised by Andriy Yermak, who said the draft had been refined.",
     "said", "who", "Andriy Yermak", "the draft had been refined", "indirect", "assert"),
    # name parts
    ("Sergey Lavrov arrived in Geneva. Lavrov said Washington had not submitted the plan.",
     "said", "Lavrov", "Sergey Lavrov", "Washington had not submitted the plan", "indirect", "assert"),
    # anonymous sources stay as written, and stay apart
    ("A senior Russian source said the document was unacceptable.",
     "said", "A senior Russian source", "A senior Russian source", "the document was unacceptable", "indirect", "assert"),
    ("Another senior Russian source said talks would continue.",
     "said", "Another senior Russian source", "Another senior Russian source", "talks would continue", "indirect", "assert"),
    # passive with an agent
    ("The plan was rejected by the Russian Foreign Ministry.",
     "rejected", "the Russian Foreign Ministry", "Russian Foreign Ministry", "rejected", "indirect", "deny"),
    # nested attribution belongs to the outer speaker
    ("Peskov said Rubio and Waltz said the sanctions would stay.",
     "said", "Peskov", "Peskov", "Rubio and Waltz said the sanctions would stay", "indirect", "assert"),
    # headline colon
    ("Lavrov: Washington Fails to Officially Submit Ukraine Peace Plan to Moscow",
     ":", "Lavrov", "Lavrov", "Washington Fails to Officially Submit", "indirect", "assert"),
    # a quote named as someone's verdict
    ("“The talks went well,” was the assessment of Ukrainian negotiator Rustem Umerov.",
     "was the assessment of", "Ukrainian negotiator Rustem Umerov", "Rustem Umerov", "The talks went well",
     "direct", "assert"),
    # a statement noun and a colon; the parser ends the sentence at the colon, the content is the next one
    ("Vladimir Putin spoke in June. In March, he set out his conditions for a truce: Kyiv must withdraw its "
     "troops from four regions.",
     "set out", "he", "Vladimir Putin", "Kyiv must withdraw its troops", "indirect", "demand"),
    # the cue hangs on a noun after "with": the noun's owner is the subject of the main clause
    ("Lavrov went further on Tuesday, with a long speech arguing that European mediation had failed.",
     "arguing", "Lavrov", "Lavrov", "European mediation had failed", "indirect", "assert"),
    # a closing "according to" sources the whole sentence, both sides of "while"
    ("The plan is dead, while the talks will go on, according to a senior Russian source.",
     "according to", "a senior Russian source", "a senior Russian source", "The plan is dead", "indirect", "report"),
    # a document after "in" speaks for itself (models/cues.yaml: sources)
    ("In a Levada Center poll released Monday, Putin held a 20-point lead over his rivals.",
     "In", "a Levada Center poll", "Levada Center poll",
     "Putin held a 20-point lead", "indirect", "report"),
    ("Zelensky leads Zaluzhny by five points in the latest KIIS survey.",
     "in", "the latest KIIS survey", "the latest KIIS survey", "Zelensky leads Zaluzhny", "indirect", "report"),
    # ... but not when someone speaks in it: the letter is the medium, the senators the source
    ("In the letter, the senators accused the agency of hiding the data.",
     "accused", "the senators", "the senators", "the agency of hiding the data", "indirect", "accuse"),
    # an embedded question
    ("Lavrov asked the reporters if they had read the American draft.",
     "asked", "Lavrov", "Lavrov", "if they had read the American draft", "indirect", "question"),
    # a colon ending the paragraph, the quote in the next one
    ("Secretary of State Marco Rubio said:\n\n“We are closer to peace than ever.”\n\nThe Kremlin did not comment.",
     "said", "Secretary of State Marco Rubio", "Marco Rubio", "We are closer to peace than ever", "direct", "assert"),
    # the parser hangs the that-clause on the prepositional object
    ("Peskov said on Tuesday during a press conference that Moscow may wait until spring.",
     "said", "Peskov", "Peskov", "Moscow may wait until spring", "indirect", "assert"),
    # a poll share as the speaker
    ("Nearly 4 in 10 say they expect the war to end this year.",
     "say", "4 in 10", "4 in 10", "they expect the war to end", "indirect", "assert"),
    # "for" parsed as the mark of an infinitive clause
    ("Macron is calling for the United Nations to take a bigger part in the talks.",
     "calling for", "Macron", "Macron", "the United Nations to take a bigger part", "indirect", "demand"),
    # of two subjects before the verb, the nearer: the place in the participle clause is not the speaker
    ("Speaking at a rally in Lviv, Western Ukraine, Zelensky went after Moscow, calling the plan “a trap.”",
     "calling", "Zelensky", "Zelensky", "the plan", "mixed", "assert"),
    # a postposed cue whose subject the parser cut short
    ("Kyiv had to borrow billions of euros last month, fundraising documents show.",
     "show", "documents", "documents", "Kyiv had to borrow billions", "indirect", "report"),
    # the parser split the cue clause off as a sentence of its own: the quote before it is its content
    ("“Europe is sabotaging the peace. A pathetic spectacle!” he wrote.",
     "wrote", "he", "he", "A pathetic spectacle!", "direct", "assert"),
    ("Zelensky tweeted: “We are ready. We will not give up our land.”",
     "tweeted", "Zelensky", "Zelensky", "We will not give up our land", "direct", "assert"),
    # the reason is part of the charge
    ("Zelensky has criticized Orban for blocking the European loan to Kyiv.",
     "criticized", "Zelensky", "Zelensky", "for blocking the European loan", "indirect", "criticize"),
    # negated or refused cues: kept, as PolNeAR annotates them, with stance "declined" (not an assertion)
    ("The Kremlin has not yet responded to Kallas’s remarks.",
     "responded to", "The Kremlin", "Kremlin", "Kallas’s remarks", "indirect", "declined"),
    ("The official wouldn't share details about how long negotiations might take.",
     "share", "The official", "The official", "details about how long", "indirect", "declined"),
    ("Officials declined to comment on the talks.",
     "declined", "Officials", "Officials", "comment on the talks", "indirect", "declined"),
    ("The White House has yet to say whether it will sign the bill.",
     "say", "The White House", "White House", "whether it will sign the bill", "indirect", "declined"),
    ("Peskov did not say whether Putin would attend.",
     "say", "Peskov", "Peskov", "whether Putin would attend", "indirect", "declined"),
    # predicate adjectives (models/cues.yaml: adjectives)
    ("EU leaders have been critical of Hungary’s veto on the loan.",
     "critical of", "EU leaders", "EU leaders", "Hungary’s veto on the loan", "indirect", "criticize"),
    ("His advisers are optimistic that the ceasefire will hold.",
     "optimistic", "His advisers", "His advisers", "the ceasefire will hold", "indirect", "believe"),
    # the subject reaches a cue through an adjective
    ("Ukrainian voters are more likely to say that the war will last another year.",
     "say", "Ukrainian voters", "Ukrainian voters", "the war will last another year", "indirect", "assert"),
    # a document that shows a finding reports it
    ("The latest poll showed a tight race in Ohio.",
     "showed", "The latest poll", "The latest poll", "a tight race in Ohio", "indirect", "report"),
    # a claim runs on to what follows it under the cue verb (frames_verb_content.trailing_complements): prepositional
    # phrases of any kind, a clause of reason or manner; PolNeAR's content does
    ("Vance backed Ann Price for the nomination in 2019.",
     "backed", "Vance", "Vance", "Ann Price for the nomination in 2019", "indirect", "support"),
    ("Arctic Monkeys announced a charity gig in aid of Bernie Sanders.",
     "announced", "Arctic Monkeys", "Arctic Monkeys", "a charity gig in aid of Bernie Sanders",
     "indirect", "assert"),
    ("The AP said it had not counted those calls in its total because they were part of the job.",
     "said", "The AP", "AP", "it had not counted those calls in its total because they were part of the job",
     "indirect", "assert"),
    ("Clinton's biggest boosters insisted it was a passing slump, reflecting unease within an electorate.",
     "insisted", "Clinton's biggest boosters", "Clinton's biggest boosters",
     "it was a passing slump, reflecting unease within an electorate", "indirect", "assert"),
    ("Clinton recalled her opposition to the privatisation of federal jobs.",
     "recalled", "Clinton", "Clinton", "her opposition to the privatisation of federal jobs", "indirect", "assert"),
    # a reason with a modal inside the claim stays in it: it is not a claim of Putin's
    ("Peskov said the talks failed because Putin would find it hard to accept the terms.",
     "said", "Peskov", "Peskov", "because Putin would find it hard", "indirect", "assert"),
    # an "as" clause sources the sentence it hangs on (frame "as_clause"), before or after it
    ("As The Washington Post reported, Clinton raised more than $2.4 million from the oil industry.",
     "reported", "The Washington Post", "Washington Post", "Clinton raised more than $2.4 million", "indirect", "report"),
    ("Those voters will give Warren a fresh look if she starts winning, as Clyburn noted.",
     "noted", "Clyburn", "Clyburn", "Those voters will give Warren a fresh look", "indirect", "assert"),
    # a participle's noun is its speaker (frame "participle"): an object verb's object, a speech verb's clause
    ("Wealthy donors gave $25 million to an outside group backing Senator Marco Rubio.",
     "backing", "an outside group", "an outside group", "Senator Marco Rubio", "indirect", "support"),
    ("Police received calls saying shots had been fired inside the center.",
     "saying", "calls", "calls", "shots had been fired inside the center", "indirect", "assert"),
]


@pytest.mark.parametrize("text,cue,speaker,resolved,content,kind,stance", CASES,
                         ids=[f"{i:02d}-{c[1]}" for i, c in enumerate(CASES)])
def test_attribution_table(nlp, text, cue, speaker, resolved, content, kind, stance):
    doc = nlp(text)
    a = by_cue(doc._.attributions, cue)
    assert a.speaker_text == speaker
    assert a.resolved_text == resolved
    assert content in a.text
    assert a.claim_kind == kind
    assert a.stance == stance
    # offsets: text is the doc text at spans; speaker and cue spans point at what they say
    assert a.text == " … ".join(doc.text[s:e] for s, e in a.spans)
    assert doc.text[slice(*a.speaker_span)] == a.speaker_text
    assert doc.text[slice(*a.cue_span)] == a.cue


# one sentence, two sources: each claim keeps its own speaker and only its own content
# (speaker, content substring, what must not be in that claim's content)
COORDINATED = [
    ("The Kremlin said on Wednesday it was awaiting details from Washington, while senior Moscow sources said a "
     "deal would have to take account of Russia’s advances.",
     [("The Kremlin", "awaiting details from Washington", "a deal"),
      ("senior Moscow sources", "a deal would have to take account of Russia’s advances", "awaiting")]),
    ("The United States agreed on Tuesday to resume weapons supplies after Kyiv said at talks in Saudi Arabia "
     "that it was ready to support a ceasefire proposal.",
     [("The United States", "to resume weapons supplies", "ceasefire"),
      ("Kyiv", "it was ready to support a ceasefire proposal", "weapons")]),
    ("Anthony Weiner announced that he was entering rehab and vowed to work on being a kinder father.",
     [("Anthony Weiner", "he was entering rehab", "father"),
      ("Anthony Weiner", "work on being a kinder father", "rehab")]),
    # a blank line ends a sentence: the quote of the next paragraph is not the first one's content
    ("Ms. Boxer called what she witnessed ''terrible.''\n\n''We just can't see that again in "
     "Cleveland,'' Ms. Boxer said.",
     [("Ms. Boxer", "We just can't see that again in Cleveland", "terrible")]),
    # a speech verb coordinated with the cue is a second claim, not the rest of the first one's quote
    ("She declared “What a night!” and said that her team would go on to win more states.",
     [("She", "What a night!", "team"), ("She", "her team would go on", "night")]),
    # a second that-clause of the same cue is the same claim, not another one ("said A and that B")
    ("Kasich said he would send a tax plan to the Senate and that he believes it would pass.",
     [("Kasich", "he would send a tax plan to the Senate and that he believes it would pass", "said")]),
    # a participle of a cue after the claim is a claim of its own, not the end of the first one
    ("Trump praised the plan on Tuesday, saying it would create jobs.",
     [("Trump", "the plan on Tuesday", "create jobs"), ("Trump", "it would create jobs", "praised")]),
    # and the conjunction joining them belongs to neither
    ("Peskov said the talks were useful and warned that sanctions would hurt.",
     [("Peskov", "the talks were useful", " and"), ("Peskov", "sanctions would hurt", "useful")]),
]


@pytest.mark.parametrize("text,expected", COORDINATED, ids=[f"{i:02d}" for i in range(len(COORDINATED))])
def test_each_source_keeps_its_own_claim(nlp, text, expected):
    atts = [a for a in nlp(text)._.attributions if not a.continuation]
    for speaker, content, foreign in expected:
        mine = [a for a in atts if a.speaker_text == speaker and content in a.text]
        assert mine, f"no claim of {speaker!r} with {content!r}; got {[(a.speaker_text, a.text) for a in atts]}"
        assert foreign not in mine[0].text


def test_speaker_split_role_and_organisation(nlp):
    a = by_cue(nlp("Kremlin spokesman Dmitry Peskov said the talks were useful.")._.attributions, "said")
    assert (a.resolved_text, a.role, a.organisation, a.speaker_type) == ("Dmitry Peskov", "spokesman", "Kremlin", "PERSON")


def test_speaker_split_apposition(nlp):
    a = by_cue(nlp("Andriy Kovalenko, head of Ukraine’s disinformation response centre, said Russia wants to "
                   "shift all pressure onto Ukraine.")._.attributions, "said")
    assert a.speaker_text == "Andriy Kovalenko"
    assert a.role == "head"
    assert "disinformation response centre" in a.organisation


def test_role_without_name_stays_unless_named_earlier(nlp):
    atts = nlp("Russia's Foreign Minister said the plan was flawed.")._.attributions
    a = by_cue(atts, "said")
    assert a.resolved_text == "Russia's Foreign Minister"
    assert a.role == "Foreign Minister" and a.organisation == "Russia"
    atts = nlp("Kremlin spokesman Dmitry Peskov spoke first. Later the Kremlin spokesman said the talks "
               "were useful.")._.attributions
    assert by_cue(atts, "said").resolved_text == "Dmitry Peskov"


def test_anonymous_sources_are_distinct(nlp):
    atts = nlp("A senior Russian source said the plan was dead. Another senior Russian source said talks "
               "would go on.")._.attributions
    assert [a.speaker_type for a in atts] == ["ANON", "ANON"]
    assert atts[0].resolved_text != atts[1].resolved_text


def test_multi_sentence_quote_and_continuation(nlp):
    text = ("“We will not give up our land,” Zelensky said. “Our people have paid too high a price. "
            "Nobody can decide for them.” Officials did not comment.")
    atts = nlp(text)._.attributions
    first, cont = atts[0], atts[1]
    assert first.continuation is False and first.claim_kind == "direct"
    assert cont.continuation is True and cont.resolved_text == "Zelensky"
    assert "Our people have paid" in cont.text and "Nobody can decide" in cont.text  # the quote runs over two sentences
    assert not any("Officials" in a.text for a in atts)


# a quote sentence with no cue continues the quoted claim before it, not a later unquoted one of that sentence
# (text, speaker of the continuation, a word of the continuation, its claim's cue)
CONTINUED = [
    ("“The new plant will help every town,” said Moreno, who will open the fair on Tuesday. "
     "“And also, he will be working on empowering people.”", "Moreno", "empowering", "said"),
    ("“We will not give up our land,” Zelensky said as he met Macron, who praised his courage. "
     "“Nobody can decide for them.”", "Zelensky", "Nobody", "said"),
    ("Peskov said the talks were useful. “We will meet again next week.”", "Peskov", "meet again", "said"),
]


@pytest.mark.parametrize("text,speaker,word,cue", CONTINUED, ids=[f"{i:02d}" for i in range(len(CONTINUED))])
def test_continuation_follows_the_quoted_claim(nlp, text, speaker, word, cue):
    cont = [a for a in nlp(text)._.attributions if a.continuation and word in a.text]
    assert cont, f"no continuation holding {word!r}"
    assert cont[0].speaker_text == speaker and cont[0].cue == cue


def test_quote_running_over_sentences_is_one_content(nlp):
    text = "Peskov said: “The talks were useful. We will meet again next week.”"
    a = by_cue(nlp(text)._.attributions, "said")
    assert "We will meet again next week" in a.text and a.claim_kind == "direct"


@pytest.mark.parametrize("text", [
    "The meeting follows two days of negotiations in Florida.",
    # a state of affairs "suggests": nobody said it
    "The urgency from all sides suggests a deal is near.",
    "The timing of the visit suggests that a deal is close.",
    # an act, not speech: a verb of showing has a finding for object only when a document shows it
    "Ukrainians have shown grit and resilience.",
])
def test_no_source_no_attribution(nlp, text):
    assert nlp(text)._.attributions == []


@pytest.mark.parametrize("text", [
    "Asked whether Russia could accept the ceasefire unconditionally, Rubio said: “That’s what we want to know.”",
    "Rubio was asked if Russia could accept the ceasefire. He said: “That’s what we want to know.”",
])
def test_a_question_put_to_someone_is_not_their_claim(nlp, text):
    atts = nlp(text)._.attributions
    assert [a.cue for a in atts] == ["said"]
    assert "want to know" in atts[0].text


@pytest.mark.parametrize("text,share,content,document", [
    ("Seven in 10 say the mayor is honest, after half said so in a spring survey.",
     "Seven in 10", "the mayor is honest", "a spring survey"),
    ("Eight in 10 say the council is divided, after half said so in a March poll.",
     "Eight in 10", "the council is divided", "a March poll"),
])
def test_a_source_document_does_not_swallow_the_claims_in_it(nlp, text, share, content, document):
    """A poll share speaks for itself, and the document after "in" that hangs on a cue verb ("half said so in a
    poll") is no source of the clause holding the cue: attribution._unnested drops a document whose content holds
    another candidate's cue (the second case fails without it), frames_nominal.in_source_candidates skips a cue
    verb with a subject (the first fails only without both). The first assertion keeps the case what it is: the
    document hung on the cue verb (a rewording that hung it on "as much" tested nothing)."""
    doc = nlp(text)
    at = text.index(document) - len("in ")
    (prep,) = [t for t in doc if t.idx == at]
    assert prep.head.text == "said", f"the parse hangs {prep.head.text!r}, not the cue, over the document: no case"
    atts = doc._.attributions
    assert [(a.speaker_text, a.text) for a in atts][:1] == [(share, content)]
    assert not any(a.speaker_text == document for a in atts)


def test_cue_inside_a_quote_is_not_an_article_attribution(nlp):
    atts = nlp("“I think we can make a deal,” Witkoff said.")._.attributions
    assert [a.cue for a in atts] == ["said"]


def test_nested_keeps_both_when_asked(nlp):
    doc = nlp("Peskov said Rubio and Waltz said the sanctions would stay.")
    speakers = [a.speaker_text for a in attributions(doc, nested=True)]
    assert speakers == ["Peskov", "Rubio and Waltz"]


def test_find_quotes_unclosed_quote_ends_at_paragraph():
    text = "He said: “We will go on.\n\n“And we will win,” he added."
    assert [text[s:e] for s, e in find_quotes(text)] == ["“We will go on.", "“And we will win,”"]


def test_cues_are_read_from_models_and_extendable(tmp_path, nlp):
    cues = load_cues()
    assert cues.verbs["deny"] == "deny" and ("according", "to") in cues.phrases
    f = tmp_path / "cues.yaml"
    f.write_text("verbs:\n  grumble: criticize\n", encoding="utf-8")
    mine = load_cues(str(f))
    doc = nlp("Orban grumbled that Brussels ignores Hungary.")
    assert attributions(doc, Cues()) == []
    a = attributions(doc, mine)[0]
    assert (a.cue_lemma, a.stance, a.speaker_text) == ("grumble", "criticize", "Orban")


@pytest.mark.parametrize("yaml_text,fragment", [
    ("verbs:\n  say: shout\n", "stance 'shout'"),
    ("verbs: [say]\n", "must map cue -> stance"),
    ("prep_verbs:\n  call: demand\n", "needs 'lemma preposition'"),
])
def test_bad_cue_file_says_what_and_how(tmp_path, yaml_text, fragment):
    f = tmp_path / "cues.yaml"
    f.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(ModelsFileError, match="fix the file") as e:
        load_cues(str(f))
    assert fragment in str(e.value)


#: the worked example (../shared/eval/seed_003_gold.jsonl) as reviewed in tests/gold: the same required claims, and
#: the borderline ones the review added as optional ("Trump also opposes Ukraine joining the alliance"), which the
#: worked example scored as false when found (tests/gold/README.md, "Changes to the seed 003 gold")
SEED_GOLD = ROOT / "tests" / "gold" / "003_9b6d43ba622d0a39.jsonl"


@pytest.mark.skipif(not (SHARED / "eval" / "score_claims.py").exists(), reason="../shared/eval is not present")
def test_seed_003_gold_anchors_have_right_speakers(nlp):
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_claims", SHARED / "eval" / "score_claims.py")
    sc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sc)
    gold = [json.loads(l) for l in SEED_GOLD.open(encoding="utf-8") if l.strip()]
    doc_id = gold[0]["doc"]
    doc = nlp((ROOT / "corpus" / f"{doc_id}.txt").read_text(encoding="utf-8"))
    # graphkit's output: the candidates (the rules' and the cue tagger's) after the re-scorer
    preds = [{"doc_id": doc_id, "speaker": a.resolved_text or a.speaker_text or "", "text": a.text}
             for a in filter_attributions(doc, doc._.attributions)]
    r, misses, _ = sc.score(gold, preds)
    assert r["attributed_f1"] >= 0.90, misses
    assert r["pronoun_attributed_recall"] >= 0.90, misses


# a report of a report: the inner speaker's claim, reported by the outer one (nested=True)
# text, inner speaker, inner content substring, reporter
REPORTED = [
    ("Peskov said Rubio and Waltz said the sanctions would stay.", "Rubio and Waltz", "the sanctions would stay",
     "Peskov"),
    ("Reuters reported that Putin said Kyiv must drop its NATO ambitions.", "Putin", "Kyiv must drop its NATO",
     "Reuters"),
    ("The newspaper reported on Monday that the minister had warned that prices would rise.", "the minister",
     "prices would rise", "The newspaper"),
]


@pytest.mark.parametrize("text,speaker,content,reporter", REPORTED, ids=[f"{i:02d}" for i in range(len(REPORTED))])
def test_a_report_of_a_report_names_the_reporter(nlp, text, speaker, content, reporter):
    atts = attributions(nlp(text), nested=True)
    inner = [a for a in atts if a.speaker_text == speaker and content in a.text]
    assert inner, [(a.speaker_text, a.text) for a in atts]
    assert inner[0].reported_by == reporter
    assert text[slice(*inner[0].reported_by_span)] == reporter
    outer = [a for a in atts if a.speaker_text == reporter]
    assert outer and outer[0].reported_by is None


def test_frames_are_a_registry_each_switchable(nlp):
    from graphkit.attribution import FRAMES
    from graphkit.errors import GraphkitError
    from graphkit.frames_verb import VERB_FRAMES

    assert list(VERB_FRAMES)[:8] == ["clause_under_pobj", "quote_after", "around", "parenthetical", "as_clause",
                                     "participle", "naming", "clause"]
    assert all(f.__doc__ for f in VERB_FRAMES.values())
    doc = nlp("The territorial question, Zelensky said, remains the hardest part. Lavrov said the plan was dead. "
              "According to a senior source, talks will resume.")
    assert [a.speaker_text for a in attributions(doc)] == ["Zelensky", "Lavrov", "a senior source"]
    # the rules' frames (tagger=False: where a frame switched off leaves a cue with no candidate, the learned cue
    # tagger may propose one of its own, "Lavrov said ..." with the clause frame off)
    assert [a.speaker_text for a in attributions(doc, without={"around"}, tagger=False)] == ["Lavrov", "a senior source"]
    assert [a.speaker_text for a in attributions(doc, without={"clause", "complement", "according_to"}, tagger=False)] == [
        "Zelensky"]
    doc = nlp("Wallace then asked, “With nukes?”")
    assert _said(doc, tagger=False) == [("Wallace", "“With nukes?”")]
    assert attributions(doc, without={"quote_after"}, tagger=False) == []
    doc = nlp("As the Post reported, Clinton raised $1 million. Donors gave money to a group backing Rubio.")
    assert [a.speaker_text for a in attributions(doc)] == ["the Post", "a group"]
    assert [a.speaker_text for a in attributions(doc, without={"as_clause"}, tagger=False)] == ["a group"]
    assert [a.speaker_text for a in attributions(doc, without={"participle"}, tagger=False)] == ["the Post"]
    # a headline's claim is the "headline" frame's; a subhead is a section's label, a byline no speaker
    doc = nlp("Sanders Says He Will Fight On\nBy Jane Doe\n\nBernie Sanders said he would stay in the race.\n\n"
              "CLINTON SAYS THE RACE IS OVER\n\nHillary Clinton said the race was over.")
    assert [a.text for a in attributions(doc)] == ["He Will Fight On", "he would stay in the race",
                                                    "the race was over"]    # the "headline" frame, on since -78
    assert _said(nlp(
        "Zelensky Says Peace Plan Needs Work\n\nUkraine's president Volodymyr Zelensky said on Monday that the "
        "plan needed work."))[0] == ("Zelensky", "Peace Plan Needs Work")
    assert [a.text for a in attributions(doc, without={"headline"})] == ["he would stay in the race",
                                                                         "the race was over"]
    with pytest.MonkeyPatch.context() as mp:  # switched off (attribution.HEADLINES)
        mp.setattr("graphkit.attribution.HEADLINES", False)
        assert [a.text for a in attributions(doc)] == ["he would stay in the race", "the race was over"]
    with pytest.raises(GraphkitError, match="unknown attribution frame"):
        attributions(doc, without={"no-such-frame"})
    assert set(FRAMES) >= set(VERB_FRAMES) | {"according_to", "dash"}


#: "as X put it": a verb of models/cues.yaml's it_verbs whose one object is "it" sources the sentence its "as" clause
#: hangs on (frames_verb_clause.says_it, frame "as_clause"): (sentence, speaker, content) of the rules' candidates
PUT_IT = [
    ("As one critic put it, \u201cThe show is back, and it\u2019s loud.\u201d",
     [("one critic", "\u201cThe show is back, and it\u2019s loud.\u201d")]),
    ("As the historian Ann Reyes put it: ''The city does a fine job of welcoming newcomers.''",
     [("the historian Ann Reyes", "''The city does a fine job of welcoming newcomers.''")]),
    ("The deal is a disaster for the party, as one analyst put it.",
     [("one analyst", "The deal is a disaster for the party")]),
    ("The deal, as one analyst put it, is a disaster for the party.",
     [("one analyst", "The deal \u2026 is a disaster for the party")]),
    # "put" with another object is no cue
    ("He put the blame on the mayor.", []),
    ("As the mayor put the plan to a vote, the council walked out.", []),
]


@pytest.mark.parametrize("text, expected", PUT_IT, ids=[f"{i:02d}" for i in range(len(PUT_IT))])
def test_as_someone_put_it_sources_the_sentence(nlp, text, expected):
    assert _said(nlp(text), tagger=False) == expected


#: a cue clause set off at the sentence's end that the parser made a conjunct of the sentence's verb (no "and" before
#: it) sources the words before it (frames_verb_clause.AROUND_DEPS, frame "around"): (sentence, speaker, content) of the
#: rules' candidates
TRAILING_CONJUNCT = [
    ("Ortiz remains committed to the contest, his campaign manager, Lee Park, told The Boston Globe.",
     [("his campaign manager", "Ortiz remains committed to the contest")]),
    ("The school is open, but it is short of teachers, said the principal, Ann Lee.",
     [("the principal", "The school is open, but it is short of teachers")]),
    ("The factory is still running, but it faces rising costs, said its manager, Ana Cole.",
     [("its manager", "The factory is still running, but it faces rising costs")]),
    # a conjunct after "and" is a claim of its own, not a cue clause set off
    ("He wrote the letter, and she said nothing.", [("He", "wrote the letter"), ("she", "said nothing")]),
]


@pytest.mark.parametrize("text, expected", TRAILING_CONJUNCT, ids=[f"{i:02d}" for i in range(len(TRAILING_CONJUNCT))])
def test_a_trailing_cue_clause_parsed_as_a_conjunct_sources_the_sentence(nlp, text, expected):
    assert _said(nlp(text), tagger=False) == expected


#: a roundup item's label after a dash, before the quotation its colon opens, is the quotation's speaker
#: (frames_quote._label_after_dash, frame "colon"); a quotation that is its paragraph whole, signed on the next line
#: after a dash, is the signer's (frames_quote.signed_below, frame "dash"): (text, [(speaker, content)]) of the rules
ROUNDUP_LABELS = [
    ("Turnout rose - Ann Reyes: \u201cKeep the polls open until the last voter has left.\u201d",
     [("Ann Reyes", "\u201cKeep the polls open until the last voter has left.\u201d")]),
    ("VOTERS LEAN LEFT IN THE CITY - More from Reyes: \u201cThe districts are only a starting point.\u201d",
     [("Reyes", "\u201cThe districts are only a starting point.\u201d")]),
    ("The senator spoke on Monday.\n\n\"The big plants in this state pay too little tax.\"\n\n- Hale.\n\n"
     "The vote on the levy is due in May.",
     [("Hale", "\"The big plants in this state pay too little tax.\"")]),
    ("He spoke.\n\n\u201cWe will win this state.\u201d\n\n\u2013 Ann Reyes.\n\nThe count goes on.",
     [("Ann Reyes", "\u201cWe will win this state.\u201d")]),
    # no quotation after the dash's label, a quotation that is no paragraph whole, a line that is no name's
    ("Markets fell - Reuters: prices dropped sharply.", []),
    ("He called it \"a fine plan.\"\n\n- Reuters.", [("He", "called it \"a fine plan.\"")]),
    ("\u201cShe wants a press that picks no side.\u201d\n\n\u2013 Ready to meet Hale \u2013.\n\nHale said he was ready.",
     [("Hale", "he was ready")]),
]


@pytest.mark.parametrize("text, expected", ROUNDUP_LABELS, ids=[f"{i:02d}" for i in range(len(ROUNDUP_LABELS))])
def test_a_label_after_a_dash_and_a_signature_line_source_the_quotation(nlp, text, expected):
    assert _said(nlp(text), tagger=False) == expected


#: what a headline's title case hides from the parser (the "headline" frame): a name, a lexicon verb in its third person
#: read as a name's word, the rest of the line (frames_headline.headline_verb_candidates); a colon's label followed by
#: whom or what it is about, and a line after the colon without a verb (frames_quote.colon_candidates in a headline):
#: (text, [(speaker, content)]) of the rules
HEADLINE_TITLE_CASE = [
    ("Mayor Ann Reyes Slams Council Over Bus Fares\n\nReyes spoke in Leeds on Monday.",
     [("Mayor Ann Reyes", "Council Over Bus Fares")]),
    ("Ann Reyes Tells Council To Wait\n\nReyes spoke in Leeds on Monday.", [("Ann Reyes", "Council To Wait")]),
    ("Hale to City Council: Taxes Will Rise Next Year\n\nHale spoke on Monday.",
     [("Hale", "Taxes Will Rise Next Year")]),
    ("Reyes: No New Money For The Ring Road\n\nThe mayor spoke on Monday.",
     [("Reyes", "No New Money For The Ring Road")]),
    # a name with a word that is no name's before the verb; a label before a preposition in running text; a colon that
    # ends its headline's line
    ("Speaking In Leeds, Hale Vows To Cut Fares\n\nHale spoke on Monday.", []),
    ("The vote came on Monday.\n\nTrouble for the Mayor: the buses ran late again.", []),
    ("BYLINE:\n\nThe mayor said on Monday that taxes would rise.", [("The mayor", "that taxes would rise")]),
]


@pytest.mark.parametrize("text, expected", HEADLINE_TITLE_CASE,
                         ids=[f"{i:02d}" for i in range(len(HEADLINE_TITLE_CASE))])
def test_a_headline_claim_title_case_hides_from_the_parser(nlp, text, expected):
    assert _said(nlp(text), tagger=False) == expected


#: a headline claim stays in its line and runs on to the end of it, up to another claim's cue
#: (frames_headline.headline_run_on): (text, [(speaker, content)] of the rules, the row is the rule's own)
HEADLINE_RUN_ON = [
    # the parser cuts a title-case line short: its content is the rest of the line
    ("Hale Is Now Calling Reyes The \u2018Worst Mayor\u2019 In Leeds\n\nHale spoke on Monday.",
     [("Hale", "Calling Reyes The \u2018Worst Mayor\u2019 In Leeds")], True),
    ("Union blames council for Hale's 'bus fares rise' row\n\nThe vote came on Monday.",
     [("Union", "blames council for Hale's 'bus fares rise' row")], True),
    ("Hale Is Now Backing Reyes For The Top Job In Leeds\n\nHale spoke on Monday.",
     [("Hale", "Backing Reyes For The Top Job In Leeds")], True),
    # another claim's cue in the line stops the run-on, before its speaker and the word joining them ("," "as");
    # running text is left as parsed
    ("Ann Reyes slams council, praises union over bus fares\n\nReyes spoke on Monday.",
     [("Ann Reyes", "slams council"), ("Ann Reyes", "praises union over bus fares")], False),
    ("Tories slam Hale as Reyes vows to cut fares\n\nThe vote came on Monday.",
     [("Tories", "slam Hale"), ("Reyes", "vows to cut fares")], False),
    ("Leeds Votes On Bus Fares\n\nThe mayor praised the council, and the union cheered.",
     [("The mayor", "praised the council")], False),
]


@pytest.mark.parametrize("text, expected, the_rules", HEADLINE_RUN_ON,
                         ids=[f"{i:02d}" for i in range(len(HEADLINE_RUN_ON))])
def test_a_headline_claim_is_the_rest_of_its_line(nlp, text, expected, the_rules, monkeypatch):
    """``the_rules``: the row is the run-on's own (it fails with HEADLINE_RUN_ON off), else a guard."""
    import graphkit.attribution as attribution

    doc = nlp(text)
    assert_switched(lambda: _said(doc, tagger=False), expected, the_rules, monkeypatch, attribution, "HEADLINE_RUN_ON")


#: a clause the parser hung on a cue before its subject is no part of what the cue says when the cue has a clause
#: after it too (frames_verb_clause.fronted_clause): (text, [(speaker, content)] of the rules, the row is the rule's
#: own)
FRONTED_CLAUSE = [
    ("On Hale's assertion there are councillors who agree with him, Reyes said she believes the councillors are "
     "wrong.", [("Reyes", "she believes the councillors are wrong")], True),
    ("While the union acknowledged fares were a major reason, Reyes also noted several buses left the town.",
     [("Reyes", "several buses left the town")], True),
    ("Fair or not, the long row over fares has left a mark: some 30 percent of voters said they think the mayor "
     "lied.", [("some 30 percent of voters", "they think the mayor lied")], True),
    # a quotation before the subject is what the speaker said; a clause set off around the cue with none after it
    # stays the content
    ("\u201cThe plan is dead,\u201d Reyes said she told the council.",
     [("Reyes", "\u201cThe plan is dead,\u201d \u2026 she told the council")], False),
    ("If the vote fails, Reyes said, the fares will rise.", [("Reyes", "If the vote fails \u2026 the fares will rise")],
     False),
    # a clause before the subject with none after the cue is its content (the object frame's "said that" without)
    ("Fares will rise; Reyes said that.", [("Reyes", "Fares will rise")], False),
]


@pytest.mark.parametrize("text, expected, the_rules", FRONTED_CLAUSE,
                         ids=[f"{i:02d}" for i in range(len(FRONTED_CLAUSE))])
def test_a_clause_fronted_before_the_speaker_is_not_what_they_said(nlp, text, expected, the_rules, monkeypatch):
    """``the_rules``: the row is the rule's own (it fails with FRONTED_CLAUSE_OUT off), else a guard (row 03 fails
    without the quotation test, row 05 without the clause after the cue asked for; row 04 a control)."""
    import graphkit.frames_verb_clause as frames_verb_clause

    doc = nlp(text)
    assert_switched(lambda: _said(doc, tagger=False), expected, the_rules, monkeypatch, frames_verb_clause,
                    "FRONTED_CLAUSE_OUT")


#: the words before a cue that are only a circumstance hung on it are no content around it when the cue has a complement
#: after it: that complement is the content (frames_verb_clause.circumstance_before): (text, [(speaker, content)] of the
#: rules, the row is the rule's own)
CIRCUMSTANCE_BEFORE = [
    ("In her blog post, Reyes reminded the council of the fare rise.",
     [("Reyes", "reminded the council of the fare rise")], True),
    ("At the same hearing, the chairman asked Reyes about the missing buses.",
     [("the chairman", "asked Reyes about the missing buses")], True),
    ("As was the case last year, the union agreed to a new wage scale.",
     [("the union", "agreed \u2026 a new wage scale")], True),
    # a quotation before the cue is what was said; words after the cue clause make the words around it content; a
    # clause of the cue's own after it was its content before
    ("\u201cThe plan is dead,\u201d Reyes said in an interview.", [("Reyes", "\u201cThe plan is dead,\u201d")], False),
    ("If the vote fails, Reyes said, the fares will rise.", [("Reyes", "If the vote fails \u2026 the fares will rise")],
     False),
    ("In an interview, Reyes said the plan was dead.", [("Reyes", "the plan was dead")], False),
]


@pytest.mark.parametrize("text, expected, the_rules", CIRCUMSTANCE_BEFORE,
                         ids=[f"{i:02d}" for i in range(len(CIRCUMSTANCE_BEFORE))])
def test_a_circumstance_before_the_cue_is_not_what_was_said(nlp, text, expected, the_rules, monkeypatch):
    """``the_rules``: the row is the rule's own (it fails with CIRCUMSTANCE_NOT_AROUND off, the circumstance then the
    content), else a control the rule leaves as it was."""
    import graphkit.frames_verb_clause as frames_verb_clause

    doc = nlp(text)
    assert_switched(lambda: _said(doc, tagger=False), expected, the_rules, monkeypatch, frames_verb_clause,
                    "CIRCUMSTANCE_NOT_AROUND")


#: the words before a cue that are only a circumstance hung on it, the cue with no complement after it, are no content
#: at all (frames_verb_clause.CIRCUMSTANCE_NO_CONTENT): (text, [(speaker, content)] of the rules, the row is the rule's
#: own: it fails with the switch off, the circumstance then the claim)
CIRCUMSTANCE_ALONE = [
    ("After the long meeting, the mayor agreed.", [], True),
    ("On Monday, the council announced.", [], True),
    ("Since then, the council has responded by raising fares.", [], True),
    ("Weighing in on the debate, Ann Lee agreed, praising the plan as bold.",
     [("Ann Lee", "praising the plan as bold")], True),
    # controls (hold with the switch off): a quotation before the cue; words hung on the cue that are no
    # circumstance; words after the cue clause; a complement after the cue
    ("\u201cThe plan is dead,\u201d Reyes said after the meeting.", [("Reyes", "\u201cThe plan is dead,\u201d")], False),
    ("Sorry, Reyes said.", [("Reyes", "Sorry")], False),
    ("If the vote fails, Reyes said, the fares will rise.", [("Reyes", "If the vote fails \u2026 the fares will rise")],
     False),
    ("In her blog post, Reyes reminded the council of the fare rise.",
     [("Reyes", "reminded the council of the fare rise")], False),
]


@pytest.mark.parametrize("text, expected, the_rules", CIRCUMSTANCE_ALONE,
                         ids=[f"{i:02d}" for i in range(len(CIRCUMSTANCE_ALONE))])
def test_a_circumstance_alone_before_the_cue_is_no_claim(nlp, text, expected, the_rules, monkeypatch):
    """``the_rules``: the row is the rule's own (it fails with CIRCUMSTANCE_NO_CONTENT off), else a control the rule
    leaves as it was."""
    import graphkit.frames_verb_clause as frames_verb_clause

    doc = nlp(text)
    assert_switched(lambda: _said(doc, tagger=False), expected, the_rules, monkeypatch, frames_verb_clause,
                    "CIRCUMSTANCE_NO_CONTENT")


#: a conjunction opening the sentence counts with the circumstance hung on the cue after it
#: (frames_verb_clause.CIRCUMSTANCE_OPENING_CC): (text, [(speaker, content)] of the rules, the row is the rule's own: it
#: fails with the switch off, the conjunction and the circumstance then the claim)
CIRCUMSTANCE_OPENING_CC = [
    ("But when the council cut the grant, the city said enough.", [], True),
    ("And in 2019, the mayor agreed.", [], True),
    ("Yet after the long meeting, the union responded.", [], True),
    ("And since then, the council has responded by raising fares.", [], True),
    # controls (hold with the switch off): a complement after the cue; no circumstance, only the conjunction; a
    # speaker set off inside the sentence
    ("But on Monday, the council announced the fare rise.", [("the council", "announced the fare rise")], False),
    ("But Reyes said the plan was dead.", [("Reyes", "the plan was dead")], False),
    ("And, the mayor said, the fares will rise.", [("the mayor", "the fares will rise")], False),
]


@pytest.mark.parametrize("text, expected, the_rules", CIRCUMSTANCE_OPENING_CC,
                         ids=[f"{i:02d}" for i in range(len(CIRCUMSTANCE_OPENING_CC))])
def test_a_conjunction_opening_the_circumstance_is_no_claim(nlp, text, expected, the_rules, monkeypatch):
    """``the_rules``: the row is the rule's own (it fails with CIRCUMSTANCE_OPENING_CC off), else a control the rule
    leaves as it was."""
    import graphkit.frames_verb_clause as frames_verb_clause

    doc = nlp(text)
    assert_switched(lambda: _said(doc, tagger=False), expected, the_rules, monkeypatch, frames_verb_clause,
                    "CIRCUMSTANCE_OPENING_CC")


#: a speaker the parser hung inside a phrase fronted before its verb, the verb left with no subject, is its speaker
#: (frames_parse.fronted_subject): (text, [(speaker, content)] of the rules, the row is the rule's own: it fails with
#: FRONTED_SUBJECT off, no speaker)
FRONTED_SUBJECT = [
    ("Alarmed by the delays in Ohio, Senator Tom Hale, the committee chairman, said that the budget was late.",
     [("Senator Tom Hale", "that the budget was late")], True),
    ("In addition to Mr. Olsen, two members of the council from Leeds, Ann Reyes and Tom Hale, have said they would vote "
     "against the plan.", [("two members of the council", "they would vote against the plan")], True),
    ("During a long debate at the depot in Leeds, Tom Hale, the head of the drivers' union, told the council that "
     "wages must rise.", [("Tom Hale", "that wages must rise")], True),
    # controls (hold with the switch off): the parser's own subject after a fronted phrase; people named together
    # after one
    ("In a statement, the mayor said the plan was dead.", [("the mayor", "the plan was dead")], False),
    ("After the vote in Leeds, Reyes and Hale said the plan was dead.", [("Reyes and Hale", "the plan was dead")], False),
]


@pytest.mark.parametrize("text, expected, the_rules", FRONTED_SUBJECT,
                         ids=[f"{i:02d}" for i in range(len(FRONTED_SUBJECT))])
def test_a_speaker_hung_inside_a_fronted_phrase_is_the_speaker(nlp, text, expected, the_rules, monkeypatch):
    """``the_rules``: the row is the rule's own (with FRONTED_SUBJECT off the claim has no speaker), else a control the
    rule leaves as it was (fronted_subject's doctest holds the place written after a place)."""
    import graphkit.frames_parse as frames_parse

    doc = nlp(text)
    assert_switched(lambda: _said(doc, tagger=False), expected, the_rules, monkeypatch, frames_parse, "FRONTED_SUBJECT")


def test_a_headline_run_on_takes_two_candidates_of_one_cue():
    """Two frames' candidates on one headline cue: both run on, neither is compared with the other (an ordering of
    candidates by their cue's index alone)."""
    import spacy
    from spacy.tokens import Doc

    from graphkit.frames_headline import headline_run_on
    from graphkit.frames_parse import CueCandidate
    from graphkit.segments import Segment

    doc = Doc(spacy.blank("en").vocab, words=["Reyes", "Announces", "Plans", "She", "Made"])
    one, two = (CueCandidate(cue_toks=[doc[1]], cue_lemma="announce", stance="assert", content=set(content),
                             quotes=set(), subj=doc[0], anchor=doc[1]) for content in ({1, 2}, {2}))
    assert headline_run_on(doc, [one, two], [Segment("headline", 0, len(doc.text))]) == [one, two]
    assert one.content == {1, 2, 3, 4} and two.content == {2, 3, 4}


#: a verb no lexicon entry names, its subject, a colon that opens a quotation: the quotation is the subject's
#: (frames_quote.verb_colon_candidates, frame "verb_colon"): (text, [(speaker, content)]) of the rules
VERB_BEFORE_COLON = [
    ("And Ms. Reyes gloated: \u201cI said the plan would fail.\u201d",
     [("Ms. Reyes", "\u201cI said the plan would fail.\u201d")]),
    ("Asked about the vote, Mr. Hale shot back: \u201cWe are done with it.\u201d",
     [("Mr. Hale", "\u201cWe are done with it.\u201d")]),
    ("The mayor interjected: \u201cSo the fares will rise after all?\u201d",
     [("The mayor", "\u201cSo the fares will rise after all?\u201d")]),
    # a relative clause's verb; no quotation after the colon; a lexicon verb is its own frame's, once
    ("Every spring brings a plan that many councillors draft: \u201cWe will fix the roads this year.\u201d", []),
    ("Ms. Reyes gloated: she had won the vote.", []),
    ("He said: \u201cWe won the vote.\u201d", [("He", "\u201cWe won the vote.\u201d")]),
]


@pytest.mark.parametrize("text, expected", VERB_BEFORE_COLON, ids=[f"{i:02d}" for i in range(len(VERB_BEFORE_COLON))])
def test_a_verb_before_a_colon_and_a_quotation_is_its_subjects_speech(nlp, text, expected):
    doc = nlp(text)
    assert _said(doc, tagger=False) == expected
    if expected and expected[0][0] != "He":  # the frame switched off by name
        assert _said(doc, tagger=False, without={"verb_colon"}) == []


# first person outside quotes: the article's author (its byline when known), never the nearest name
# text, Document.author, expected resolved speaker
FIRST_PERSON = [
    ("Ukrainians are tired of the war. In my last post I urged that Kyiv should not be rushed into deadlines.",
     "Lawrence Freedman", "Lawrence Freedman"),
    ("Ukrainians are tired of the war. In my last post I urged that Kyiv should not be rushed into deadlines.",
     None, "the author"),
    ("Zelensky met Macron on Monday. I argued last week that the talks would stall.", None, "the author"),
]


@pytest.mark.parametrize("text,author,expected", FIRST_PERSON, ids=[f"{i:02d}" for i in range(len(FIRST_PERSON))])
def test_first_person_is_the_author(text, author, expected):
    from graphkit.parsing import extract_documents
    from graphkit.records import Document

    d = Document(id="x", path="x.txt", text=text, sha256="0" * 64, format="txt", author=author)
    atts = [it.attribution for it in next(extract_documents([d])).items]
    mine = [a for a in atts if a.speaker_text in ("I", "we", "We")]
    assert mine, [(a.speaker_text, a.text) for a in atts]
    assert all(a.resolved_text == expected for a in mine)


@pytest.mark.parametrize("text,speaker,content,actor", [
    ("The Kremlin released a video showing Putin saying Russia had made progress.", "Putin",
     "Russia had made progress", "The Kremlin"),
    # the parser hangs the participle on the place ("a command post saying"): the person before the place speaks
    ("The Kremlin released a video showing Putin at a command post saying Russia had made progress.", "Putin",
     "Russia had made progress", "The Kremlin"),
    ("The BBC released footage showing Boris Johnson at a hospital saying the NHS had saved his life.",
     "Boris Johnson", "the NHS had saved his life", "The BBC"),
])
def test_an_act_that_carries_speech_is_not_a_claim(nlp, text, speaker, content, actor):
    atts = attributions(nlp(text))  # the default, no nesting: the speech inside the act is still the claim
    assert [(a.speaker_text, a.text, a.reported_by) for a in atts] == [(speaker, content, actor)]


# a source that only relays someone's words: the speech is the claim, the relay its reporter
# (attribution._relayed_speech; the relay's claim gives way to it, confidence.relays_give_way); text, speaker, content
# substring, reporter (the relay's speaker as resolved, as any reporting claim's)
RELAYED = [
    ("“I ask you not to stage any sort of walkout in the hall,” Sanders said, according to CNN.", "Sanders",
     "not to stage any sort of walkout", "CNN"),
    ("“Where does it end?” the referee said, according to the Globe.", "the referee", "Where does it end?", "Globe"),
    ("According to press pool reports, Biden said “there is hope” in Dallas.", "Biden", "there is hope",
     "press pool reports"),
    ("Mr Blair told MPs the war had been right, according to the BBC.", "Mr Blair", "the war had been right",
     "BBC"),
]


@pytest.mark.parametrize("text,speaker,content,reporter", RELAYED, ids=[f"{i:02d}" for i in range(len(RELAYED))])
def test_a_relayed_speech_is_the_speakers_claim(nlp, text, speaker, content, reporter):
    doc = nlp(text)
    kept = [a for a in filter_attributions(doc, attributions(doc), threshold=0.0) if not a.continuation]  # all scored in
    assert [(a.speaker_text, a.reported_by) for a in kept] == [(speaker, reporter)], [(a.speaker_text, a.text) for a in kept]
    assert content in kept[0].text


# a relay stays a candidate beside the speech it relays and stands in for it where the re-scorer drops the speech
# (attribution.RELAY_STANDS_IN, confidence.relays_give_way): text, the speech dropped, the speakers kept, the rule's row
RELAY_STANDS_IN = [
    ("“We will not close the library,” the mayor said, according to the Courier.", True, ["the Courier"], True),
    ("According to a council memo, Ann Reyes told staff the budget would be cut.", True, ["a council memo"], True),
    ("Mr Blair told MPs the war had been right, according to the BBC.", True, ["the BBC"], True),
    # controls: the speech kept is the claim, reported by the relay, the switch on or off
    ("“We will not close the library,” the mayor said, according to the Courier.", False, ["the mayor"], False),
    ("According to a council memo, Ann Reyes told staff the budget would be cut.", False, ["Ann Reyes"], False),
]


@pytest.mark.parametrize("text,dropped,expected,the_rule", RELAY_STANDS_IN,
                         ids=[f"{i:02d}" for i in range(len(RELAY_STANDS_IN))])
def test_a_relay_stands_in_for_the_speech_the_rescorer_drops(nlp, monkeypatch, text, dropped, expected, the_rule):
    import graphkit.attribution as attribution
    from graphkit.confidence import apply_scores

    doc = nlp(text)

    def kept():
        atts = [a for a in attributions(doc, tagger=False) if not a.continuation]
        scores = [0.1 if dropped and a.reported_by else 0.9 for a in atts]  # the re-scorer drops the speech, or not
        return [a.speaker_text for a in apply_scores(atts, scores, 0.5)]

    assert_switched(kept, expected, the_rule, monkeypatch, attribution, "RELAY_STANDS_IN")


# the relay's own claim when it says more than one speech act: text, the relay
RELAY_SAYS_MORE = [
    ("According to an FBI summary, Cheryl Mills sent the clerk a memo, and Mills and Clinton told agents "
     "they had not seen it.", "an FBI summary"),
    ("According to the BBC, the minister resigned and his deputy said the party would recover.", "the BBC"),
    # one spoken to, or what someone thinks, is the relay's account
    ("According to the manual, his sales staff were told, “You sell feelings.”", "the manual"),
    ("According to their friends and aides, Mrs. Clinton and former Governor Tom Clinton have fretted for "
     "weeks that she was out of step with the mood of the voters.", "their friends and aides"),
    # a pronoun speaker, resolved or not, is the relay's claim, as PolNeAR annotates it (bench/README.md, issue 13's
    # thirteenth part: a resolved "he" / "she" as the relayed speaker was measured and dropped)
    ("Bernie Sanders spoke to the crowd. “I ask you not to stage any sort of walkout in the hall,” he said, "
     "according to CNN.", "CNN"),
    ("“I ask you not to stage any sort of walkout in the hall,” he said, according to CNN.", "CNN"),
]


@pytest.mark.parametrize("text,relay", RELAY_SAYS_MORE, ids=[f"{i:02d}" for i in range(len(RELAY_SAYS_MORE))])
def test_a_relay_that_says_more_keeps_its_claim(nlp, text, relay):
    atts = attributions(nlp(text))
    assert relay in [a.speaker_text for a in atts], [(a.speaker_text, a.text) for a in atts]
    assert not any(a.reported_by for a in atts), [(a.speaker_text, a.reported_by) for a in atts]


def test_relay_of_matches_without_changing_its_input(nlp, monkeypatch):
    """attribution._relay_of finds the "according to" and gives the relayed content without the phrase; the
    candidate it is asked about keeps its content until the caller keeps it as the relayed speech."""
    import graphkit.attribution as attribution

    seen = []
    relay_of = attribution._relay_of

    def spy(c, *args):
        before = set(c.content)
        found = relay_of(c, *args)
        seen.append((before == c.content, found))
        return found

    monkeypatch.setattr(attribution, "_relay_of", spy)
    atts = attribution.attributions(nlp("Mr Blair told MPs the war had been right, according to the BBC."))
    assert seen and all(same for same, _ in seen), seen
    relay, content = next(found for _, found in seen if found)
    assert relay.frame == ACCORDING_FRAME and relay.anchor.i not in content
    assert [(a.speaker_text, a.text, a.reported_by) for a in atts] == [
        ("the BBC", "Mr Blair told MPs the war had been right", None),  # the relay, a candidate beside the speech
        ("Mr Blair", "the war had been right", "BBC")]                  # (RELAY_STANDS_IN); the re-scorer keeps one


# "That said, ...": a sentence adverbial, no cue (frames_parse.sentence_adverbial); text, (speaker, content) claims
ADVERBIALS = [
    ("That said, Cruz cannot really gather enough votes to take the seat outright.", []),
    ("That said, students say they believe a good job will take years of effort.",
     [("students", "they believe a good job will take years of effort")]),
    ("That being said, the minister said the plan would work.", [("the minister", "the plan would work")]),
    ("Having said that, Mr Cable said taxes would rise.", [("Mr Cable", "taxes would rise")]),
    ("That said, she also added, “If you push him, he will push back.”", [("she", "If you push him")]),
    # a demonstrative that is what was said stays a claim
    ("Cruz said that, in his view, he can still win.", [("Cruz", "that, in his view, he can still win")]),
    # after a dash, semicolon or conjunction inside a sentence too; a cue after it says nothing of the words before
    ("Cruz has a strong lead in Texas — That said, he cannot win outright.", []),
    ("Turnout was low; that said, the minister said the plan would work.", [("the minister", "the plan would work")]),
    ("He leads in Iowa — having said that, Mr Cable said taxes would rise.", [("Mr Cable", "taxes would rise")]),
    ("He leads in Iowa, but that said, analysts said the economy would recover.",
     [("analysts", "the economy would recover")]),
]


@pytest.mark.parametrize("text,expected", ADVERBIALS, ids=[f"{i:02d}" for i in range(len(ADVERBIALS))])
def test_that_said_is_no_cue(nlp, text, expected):
    atts = attributions(nlp(text))
    got = [(a.speaker_text, a.text) for a in atts]
    assert len(got) == len(expected), got
    for (speaker, content), (s_, t_) in zip(expected, got):
        assert s_ == speaker and content in t_ and not t_.lower().startswith(("that said", "that being", "having said")), got
        assert t_.lstrip("“\"").startswith(content), got  # no word before the adverbial


# a quantifier or an indefinite pronoun as the speaker names no one before it: the group as written
# (graphkit.pronouns.QUANTIFIERS), never the latest name ("Pennsylvania", "Ofcom"); text, speaker
NO_ONE_BEFORE = [
    ("Mr. Trump campaigned in Pennsylvania on Monday. Some have argued that Mr. Trump is an imperfect messenger.",
     "Some"),
    ("Mr. Trump campaigned in Pennsylvania on Monday. Someone said that Mr. Trump is an imperfect messenger.",
     "Someone"),
    ("Mr. Trump campaigned in Pennsylvania on Monday. Everyone agrees that Mr. Trump is an imperfect messenger.",
     "Everyone"),
    ("Ofcom fined the station in March. Nobody said the fine was too low.", "Nobody"),
    # ... with what follows it and says who (graphkit.speaker_phrase.who_of), still no one named before it
    ("Ofcom fined the station in March. Somebody at the station said the fine was too low.", "Somebody at the station"),
    ("Ofcom fined the station in March. Anyone who watched said the fine was too low.", "Anyone who watched"),
]


@pytest.mark.parametrize("text,speaker", NO_ONE_BEFORE, ids=[f"{i:02d}" for i in range(len(NO_ONE_BEFORE))])
def test_an_indefinite_speaker_names_no_one_before_it(nlp, text, speaker):
    atts = [a for a in attributions(nlp(text)) if not a.continuation]
    assert [a.resolved_text for a in atts] == [speaker], [(a.speaker_text, a.resolved_text) for a in atts]


#: a quotation the cue opens after a comma or colon, or one the cue clause follows on the quotation's line when the
#: parser made "Trump said." a sentence of its own (issue 13, fifteenth part): the quotation whole is the content
QUOTE_AND_CUE = [
    ('Asked whether he would sack an adviser, Priebus said, "Probably."', "Priebus", '"Probably."'),
    ("Silverman responded, “Thank heaven they can cut this in the edit.”", "Silverman",
     "“Thank heaven they can cut this in the edit.”"),
    ("Wallace then asked, “With nukes?”", "Wallace", "“With nukes?”"),
    ("Asked whether it had been hard, Mr. Daley said: ''Of course. She wanted to stay.''", "Mr. Daley",
     "''Of course. She wanted to stay.''"),
    ('Asked about the strike, the minister replied, "Not today, not tomorrow."', "the minister",
     '"Not today, not tomorrow."'),
    ("He had a plan. “We will build a wall, and Mexico will pay for it.” Trump said.", "Trump",
     "“We will build a wall, and Mexico will pay for it.”"),
    ("“What sort of crowd have we got tonight?” Trump asked, looking quite amused.", "Trump",
     "“What sort of crowd have we got tonight?”"),
    ('"Who will pay for the new hospital?" Mr Hunt asked as the minister stood up.', "Mr Hunt",
     '"Who will pay for the new hospital?"'),
]


@pytest.mark.parametrize("text,speaker,content", QUOTE_AND_CUE, ids=[f"{i:02d}" for i in range(len(QUOTE_AND_CUE))])
def test_a_quotation_next_to_its_cue_is_the_content(nlp, text, speaker, content):
    got = _said(nlp(text))
    assert (speaker, content) in got, got


# a content that stops at a colon runs on into the quotation the colon opens, in the same paragraph
# (quotes.quote_after_colon, attribution.QUOTE_AFTER_COLON): (text, speaker, content)
REGRET = 'The minister has since expressed regret over the delay{} "Frankly, we should have hired more inspectors.{}'
QUOTE_AFTER_COLON = [
    (REGRET.format(":", ' That was an error on our part."\n\nAides said nothing.'), "The minister",
     'expressed regret over the delay … "Frankly, we should have hired more inspectors. That was an error on our '
     'part."'),                                                 # a quotation of two sentences ending its paragraph
    (REGRET.format(":", '" Aides said nothing.'), "The minister",
     'expressed regret over the delay … "Frankly, we should have hired more inspectors."'),
    (REGRET.format(":\n\n", '"'), "The minister", "expressed regret over the delay"),   # a new paragraph: not
    (REGRET.format(",", '"'), "The minister", "expressed regret over the delay"),         # a comma: not
    ("He set out his terms: “Kyiv must withdraw.”", "He", "“Kyiv must withdraw.”"),  # the quotation once
]


@pytest.mark.parametrize("text,speaker,content", QUOTE_AFTER_COLON,
                         ids=[f"{i:02d}" for i in range(len(QUOTE_AFTER_COLON))])
def test_a_quotation_after_the_contents_colon_is_part_of_it(nlp, text, speaker, content):
    got = _said(nlp(text))
    assert (speaker, content) in got, got


def test_the_quotation_after_a_colon_is_switchable(nlp, monkeypatch):
    import graphkit.attribution as attribution

    monkeypatch.setattr(attribution, "QUOTE_AFTER_COLON", False)
    text, speaker, _ = QUOTE_AFTER_COLON[1]
    assert (speaker, "expressed regret over the delay") in _said(nlp(text))


@pytest.mark.parametrize("text,speaker,not_content", [
    ("The party, he said, “betrayed” its voters.", "he", "“betrayed”"),   # a quoted word, not what was said
    ("“We will win.”\n\nOfficials said.", "Officials", "“We will win.”"),  # a new paragraph
    ("“We will win.” Officials did not comment.", "Officials", "“We will win.”"),
])
def test_a_quotation_apart_from_its_cue_is_not_its_content(nlp, text, speaker, not_content):
    assert (speaker, not_content) not in _said(nlp(text))


# single curly quotes, British style: paired within a paragraph, apart from the apostrophe of a word ("don’t"),
# a plural's possessive ("students’ union"), a decade ("’90s", "‘90s") or an elision ("asked ‘em")
SINGLE_QUOTES = [
    ("‘We will continue,’ Peskov said.", ["‘We will continue,’"]),
    ("He called it ‘a disgrace’. Trump’s ‘beautiful’ wall.", ["‘a disgrace’", "‘beautiful’"]),
    ("‘The Sanders’ campaign is over,’ she said.", ["‘The Sanders’ campaign is over,’"]),
    ("‘He said “no” to me,’ she said.", ["‘He said “no” to me,’"]),        # a double quotation inside a single
    ("“She said ‘no’ to me,” he said.", ["“She said ‘no’ to me,”"]),      # a single quotation inside a double
    ("It’s the students’ union’s rule in the ‘90s and the ’80s, rock ’n’ roll.", []),
    ("“When I called ‘em, every mayor’s been kind,” Portman said.", ["“When I called ‘em, every mayor’s been kind,”"]),
    ("She said: ‘I won’t go.\n\nThe next paragraph’s text.", []),          # left open: an apostrophe, not a quote
]


@pytest.mark.parametrize("text,expected", SINGLE_QUOTES, ids=[f"{i:02d}" for i in range(len(SINGLE_QUOTES))])
def test_find_quotes_pairs_single_curly_quotes_not_apostrophes(text, expected):
    assert [text[s:e] for s, e in find_quotes(text)] == expected


BRITISH_QUOTES = [
    ("‘We will continue to fight,’ Mr Johnson said.", "Mr Johnson", "‘We will continue to fight,’", "direct"),
    ("Mr Johnson said, ‘We will continue to fight.’", "Mr Johnson", "‘We will continue to fight.’", "direct"),
    ("The minister told the BBC: ‘There will be no U-turn on the students’ fees.’", "The minister",
     "‘There will be no U-turn on the students’ fees.’", "direct"),
    ("‘We don’t accept that,’ a spokeswoman for the Home Office said.", "a spokeswoman", "‘We don’t accept that,’",
     "direct"),
    ("‘I’m not going anywhere,’ she told reporters, ‘and neither is my party.’", "she",
     "‘I’m not going anywhere,’ … ‘and neither is my party.’", "direct"),
    ("‘It was a disgrace,’ said the shadow chancellor. ‘Nobody should be treated like this.’", "the shadow chancellor",
     "‘Nobody should be treated like this.’", "direct"),                # the next quotation continues the speaker's
    ("Ms Sturgeon said the students’ union had been ‘disgracefully treated’ by the government.", "Ms Sturgeon",
     "the students’ union had been ‘disgracefully treated’ by the government", "mixed"),
]


@pytest.mark.parametrize("text,speaker,content,kind", BRITISH_QUOTES, ids=[f"{i:02d}" for i in range(len(BRITISH_QUOTES))])
def test_british_single_quotes_are_quotations(nlp, text, speaker, content, kind):
    got = [(a.speaker_text, a.text, a.claim_kind) for a in attributions(nlp(text))]
    assert (speaker, content, kind) in got, got


# a cue clause with a prepositional object of its own that the lexicon names is no cue clause set apart: its
# content is that object, not the phrase before the comma
OWN_PREP_OBJECT = [
    ("As evidence, the senator pointed to the missed deadlines in the budget talks.", "the senator",
     "the missed deadlines", "As evidence"),
    ("After the hearing ended, the governor asked the court for a swift ruling.", "the governor", "a swift ruling",
     "After the hearing ended"),
    ("In her speech on Friday, the minister warned of higher energy prices.", "the minister", "higher energy prices",
     "In her speech"),
]


@pytest.mark.parametrize("text,speaker,words,not_content", OWN_PREP_OBJECT,
                         ids=[f"{i:02d}" for i in range(len(OWN_PREP_OBJECT))])
def test_a_cue_with_its_own_prepositional_object_takes_it(nlp, text, speaker, words, not_content):
    got = _said(nlp(text))
    assert any(s == speaker and words in t for s, t in got), got
    assert not any(t.startswith(not_content) for _, t in got), got


# the last verb frame ("complement"): a lexicon verb no other frame reads, with a speaker of its own (not itself an
# infinitive nor a participle: an intention, or no subject), takes its clause or to-infinitive; not its object, nor an
# act of showing (text, speaker, content or None: no claim on the cue)
COMPLEMENT = [
    ("The senator has continued to question the plan.", "The senator", "continued to question the plan"),
    ("The board decided that the vote would wait until spring.", "The board", "that the vote would wait until spring"),
    ("The senator continued the hearing.", "The senator", None),                       # an object: no claim
    ("Ukrainians have shown themselves to be resilient.", "Ukrainians", None),          # an act of showing
    ("The mayor tried to continue to question the plan.", "The mayor", None),           # an infinitive: no own speaker
    ("The senator, continuing to question the plan, left early.", "The senator", None),  # a participle: none either
]


@pytest.mark.parametrize("text,speaker,content", COMPLEMENT, ids=[f"{i:02d}" for i in range(len(COMPLEMENT))])
def test_a_lexicon_verb_no_frame_reads_takes_its_clause_or_infinitive(nlp, text, speaker, content):
    doc = nlp(text)
    got = _said(doc, tagger=False)  # the rules' (the tagger reads alike)
    assert got == ([(speaker, content)] if content else []), got
    if content:  # the frame's own: nothing without it
        assert attributions(doc, tagger=False, without={"complement"}) == []


# sentence, the rules' candidates (cue lemma, speaker, content): a cue that is the to-infinitive of another cue with
# the same subject stays a candidate beside it, for the re-scorer to choose (graphkit.attribution._own_infinitive)
OWN_INFINITIVE = [
    ("Russia continues to demand that Ukraine hand over the region.",
     [("continue", "Russia", "continues to demand that Ukraine hand over the region"),
      ("demand", "Russia", "that Ukraine hand over the region")]),
    ("The governor plans to argue that the tax is unfair.",
     [("plan", "The governor", "plans to argue that the tax is unfair"),
      ("argue", "The governor", "that the tax is unfair")]),
    # an object's infinitive: Kyiv is to say it, not "They"
    ("They told Kyiv to say that the war was lost.", [("tell", "They", "told Kyiv to say that the war was lost")]),
    # another subject: Russia's wanting is inside Peskov's claim, nested away as before
    ("Peskov said Russia wants to end the war.", [("say", "Peskov", "Russia wants to end the war")]),
]


@pytest.mark.parametrize("text,expected", OWN_INFINITIVE, ids=[f"{i:02d}" for i in range(len(OWN_INFINITIVE))])
def test_an_infinitive_cue_of_the_same_subject_stays_a_candidate(nlp, monkeypatch, text, expected):
    import graphkit.attribution as attribution

    doc = nlp(text)
    got = [(a.cue_lemma, a.speaker_text, a.text) for a in attributions(doc, tagger=False)]
    assert got == expected, got
    if len(expected) > 1:  # the rule's own: the inner cue is nested away without it
        monkeypatch.setattr(attribution, "INFINITIVE_COMPETES", False)
        assert [a.cue_lemma for a in attributions(doc, tagger=False)] == [expected[0][0]]


# sentence, the rules' claims (speaker, cue, content): a speech verb's participle set off by a comma inside another
# cue's content, after that cue, is the same speaker's second claim (graphkit.attribution._second_claim)
SECOND_CLAIM = [
    ("The mayor said the bus fares were too high, adding that she would ask the council to cut them.",
     [("The mayor", "said", "the bus fares were too high"),
      ("The mayor", "adding", "that she would ask the council to cut them")]),
    ("The governor said he saw no reason to change the budget, telling reporters that the state had enough money.",
     [("The governor", "said", "he saw no reason to change the budget"),
      ("The governor", "telling reporters", "that the state had enough money")]),
    ("The senator said the plan had failed, while noting that the vote was close.",
     [("The senator", "said", "the plan had failed"), ("The senator", "noting", "that the vote was close")]),
    # no comma: the officials' insisting is part of what the mayor said
    ("The mayor said officials kept insisting that the fares were fair.",
     [("The mayor", "said", "officials kept insisting that the fares were fair")]),
    # "cite" is a cue of acts, not of speech: the reason stays in the claim
    ("The mayor said the fares would rise, citing higher fuel costs.",
     [("The mayor", "said", "the fares would rise, citing higher fuel costs")]),
    # a participle of a noun: the report claims, not the mayor
    ("The mayor said the report, claiming that fares were fair, was wrong.", None),
    # no participle: the drivers warned, not the mayor
    ("The mayor said the drivers were tired, warned that they might strike and went home.", None),
    # before the cue: the union insists, in what the mayor said
    ("The union, insisting that drivers were underpaid, would strike, the mayor said.", None),
]


@pytest.mark.parametrize("text,expected", SECOND_CLAIM, ids=[f"{i:02d}" for i in range(len(SECOND_CLAIM))])
def test_a_participle_set_off_by_a_comma_is_the_speakers_second_claim(nlp, monkeypatch, text, expected):
    import graphkit.attribution as attribution

    doc = nlp(text)
    got = [(a.speaker_text, a.cue, a.text) for a in attributions(doc, tagger=False)]
    if expected is None:  # the outer claim alone, whatever its content
        assert [a.cue_lemma for a in attributions(doc, tagger=False)] == ["say"], got
        return
    assert got == expected, got
    if len(expected) > 1:  # the rule's own: one claim holding both without it
        monkeypatch.setattr(attribution, "SECOND_CLAIM", False)
        assert [a.cue for a in attributions(doc, tagger=False)] == ["said"]


# the parse PolNeAR's second claims mostly have: the participle hung inside the first claim's content, after its
# closing quotation mark ("Smith insisted that he had “won,” claiming that polls proved it."); each row changes one
# thing: (participle's tag, its dependency, the token before it, expected)
HUNG_INSIDE = [
    ("VBG", "advcl", "”", True),    # the comma inside the quotation
    ("VBG", "advcl", ",", True),    # "he had won, claiming that ..."
    ("VBG", "conj", ",", True),
    ("VBD", "conj", ",", False),    # "he had won, claimed that ...": the clause's own verb, whose subject is "he"
    ("VBG", "acl", ",", False),     # a participle of a noun speaks for the noun
    ("VBG", "advcl", "and", False),  # not set off by a comma
]


@pytest.mark.parametrize("tag,dep,before,expected", HUNG_INSIDE, ids=[f"{i:02d}" for i in range(len(HUNG_INSIDE))])
def test_a_second_claim_is_a_participle_set_off_after_the_first_cue(tag, dep, before, expected):
    from graphkit.attribution import _second_claim
    from graphkit.cues import default_cues
    from graphkit.frames_parse import CueCandidate

    words = ["Smith", "insisted", "that", "he", "had", "“", "won", ",", before, "claiming", "that", "polls", "proved",
             "it", "."]
    tags = ["NNP", "VBD", "IN", "PRP", "VBD", "``", "VBN", ",", "''" if before == "”" else ",", tag, "IN", "NNS",
            "VBD", "PRP", "."]
    if before == "and":
        tags[8] = "CC"
    doc = parsed(words, heads=[1, 1, 6, 6, 6, 6, 1, 6, 6, 6, 12, 12, 9, 12, 1],
                 deps=["nsubj", "ROOT", "mark", "nsubj", "aux", "punct", "ccomp", "punct", "cc" if before == "and" else
                       "punct", dep, "mark", "nsubj", "ccomp", "dobj", "punct"], tags=tags)
    outer = CueCandidate(cue_toks=[doc[1]], cue_lemma="insist", stance="assert", content=set(range(2, 14)),
                         quotes=set(), subj=doc[0], anchor=doc[1])
    inner = CueCandidate(cue_toks=[doc[9]], cue_lemma="claim", stance="assert", content=set(range(10, 14)),
                         quotes=set(), subj=doc[3], anchor=doc[9])
    assert _second_claim(inner, outer, default_cues()) is expected


# attribution.rule_overlaps, the one home of how a cue-tagger candidate gives way to the rules' candidates (_learned,
# bench/found_cues.unproposed, bench/rescorer_cv.overlap_features): a rule candidate with its cue at 5 and its
# content 10-19; (the tagger candidate's cue, its content, the ways it overlaps)
@pytest.mark.parametrize("cue, content, ways", [
    (5, set(range(6, 9)), ["rule_cue"]),                                   # the rule's own cue
    (12, set(range(13, 16)), ["inside_rule_content", "half_ruled"]),       # an inner claim of the rule's content
    (2, set(range(3, 30)), ["rule_cue_inside"]),                           # an outer claim holding the rule's cue
    (22, set(range(15, 23)), ["half_ruled"]),                              # over half of it the rule's
    (22, set(range(18, 30)), []),                                          # a little of it: its own claim
])
def test_how_a_tagger_candidate_overlaps_the_rules(cue, content, ways):
    from graphkit.attribution import rule_overlaps

    assert rule_overlaps(cue, content, frozenset({5}), set(range(10, 20))) == ways


#: a speaker written right after the verb that follows a quotation, where the parser gave the verb no subject, is its
#: speaker (frames_parse.inverted_object): (text, [(speaker, content)] of the rules, whether the row is the rule's own:
#: it fails with INVERTED_OBJECT off)
INVERTED_OBJECT = [
    ("\u201cThe fares will rise before the vote,\u201d added a Leeds councillor.",
     [("a Leeds councillor", "\u201cThe fares will rise before the vote,\u201d")], True),
    ("\u201cThe plan is dead\u201d, added a councillor.", [("a councillor", "\u201cThe plan is dead\u201d")], True),
    # the speaker's participle after it is the speaker's own claim
    ("\u201cThe fares will rise before the vote,\u201d added a Leeds councillor, referring to the budget.",
     [("a Leeds councillor", "\u201cThe fares will rise before the vote,\u201d"),
      ("a Leeds councillor", "referring to the budget")], True),
    # the speaker made the subject of the words after it: the content wanted is the quotation alone; the clause the
    # parser built on the speaker ("did not want to be named") stays in it, a known limit: the fix (the clause left out,
    # bench/experiments/issue13_speaker_clause.diff) made 4 kept claims' content right over train+dev and cost 5-fold CV
    # -0.03 / -0.05 (speech fair down on three folds; bench/README.md issue 13, forty-sixth part)
    pytest.param("\"We should start the buses again if they stop them,\" said the driver, who like many in the depot "
                 "did not want to be named.", [("the driver", "\"We should start the buses again if they stop them,\"")],
                 True, marks=pytest.mark.xfail(strict=True, reason="the clause the parser built on the speaker stays in "
                                                                   "the content (bench/README.md issue 13, session 59)")),
    # the parser's own subject after the verb; a phrase with an argument of the verb after it is no speaker
    ("\u201cIt is over,\u201d added Tom Hale.", [("Tom Hale", "\u201cIt is over,\u201d")], False),
    ("\u201cWe will win,\u201d urged voters to stay home.", [(None, "\u201cWe will win,\u201d")], False),
]


@pytest.mark.parametrize("text, expected, the_rules", INVERTED_OBJECT,
                         ids=[f"{i:02d}" for i in range(len(INVERTED_OBJECT))])
def test_a_speaker_after_the_verb_parsed_its_object_is_the_speaker(nlp, text, expected, the_rules, monkeypatch):
    """``the_rules``: the row fails with INVERTED_OBJECT off; row 05 fails without the verb's arguments asked for; row
    03, the content wanted, is the known limit (strict xfail)."""
    import graphkit.frames_parse as frames_parse

    doc = nlp(text)
    assert_switched(lambda: _said(doc, tagger=False), expected, the_rules, monkeypatch, frames_parse, "INVERTED_OBJECT")


def test_the_speakers_phrase_after_the_verb_is_no_part_of_the_content(nlp, monkeypatch):
    """Fails without the speaker's phrase left out of the content where the parser hung it on other words
    (frames_verb.verb_context): "the driver, who like many in the depot" would stand in the content. Holds whether
    or not the clause after the phrase stays (the known limit INVERTED_OBJECT row 03 pins), and the speaker is lost
    with INVERTED_OBJECT off."""
    import graphkit.frames_parse as frames_parse

    doc = nlp("\"We should start the buses again if they stop them,\" said the driver, who like many in the depot did "
              "not want to be named.")
    [(speaker, content)] = _said(doc, tagger=False)
    assert speaker == "the driver" and content.startswith("\"We should start")
    assert "driver" not in content and "who like many" not in content
    monkeypatch.setattr(frames_parse, "INVERTED_OBJECT", False)
    assert [s for s, _ in _said(doc, tagger=False)] != ["the driver"]


#: (text, the verb, the head of the speaker phrase inverted_object reads, or None), whatever the parser made of the
#: phrase: the verb's object, the subject of the words after it ("half joking"), a name with a possessor
INVERTED_OBJECT_VERBS = [
    ("\u201cThe fares will rise,\u201d added a Leeds councillor.", "added", "councillor"),
    ("\"I am better with my hands than with my head,\" said Tom Hale, half joking.", "said", "Hale"),
    ("\"Drivers should leave their cars at home,\" opined Leeds's Evening Post.", "opined", "Post"),
    # a quotation that holds no verb is no one's words; an argument of the verb's own after the phrase
    ("The Latest: Reyes declares \u2018victory,\u2019 ignores losses.", "ignores", None),
    ("\u201cWe will win,\u201d urged voters to stay home.", "urged", None),
]


@pytest.mark.parametrize("text, verb, expected", INVERTED_OBJECT_VERBS,
                         ids=[f"{i:02d}" for i in range(len(INVERTED_OBJECT_VERBS))])
def test_the_phrase_after_the_verb_is_a_quotations_speaker(nlp, text, verb, expected):
    """Row 03 fails without the quoted verb asked for, 04 without the verb's arguments, 02 without the climb from a
    possessor to its noun (the possessor's own head is no noun of the phrase: "Leeds" alone)."""
    from graphkit.frames_parse import inverted_object

    doc = nlp(text)
    found = inverted_object(next(t for t in doc if t.text == verb))
    assert (found.text if found is not None else None) == expected


#: a speaker written between a quotation and its verb, where the parser gave the verb no subject, is its speaker
#: (frames_parse.speaker_before), on parses as written (the model reads these sentences otherwise; PolNeAR train+dev
#: holds five such verbs): (the words, each word's head, deps, tags, the speaker and content of the rules, whether the
#: row fails with SPEAKER_BEFORE off)
SPEAKER_BEFORE = [
    # the name made an attribute inside the quotation, an apposition after it
    ("“ It is over , ” Ann Lee , an aide , said .", [12, 2, 12, 2, 12, 12, 7, 2, 7, 10, 7, 7, 12, 12],
     "punct nsubj ccomp acomp punct punct compound attr punct det appos punct ROOT punct",
     "`` PRP VBZ JJ , '' NNP NNP , DT NN , VBD .", [("Ann Lee", "“It is over,”")], True),
    # the name made a compound of the verb
    ("“ It is over , ” Hale notes .", [7, 2, 7, 2, 7, 7, 7, 7, 7], "punct nsubj ccomp acomp punct punct compound ROOT "
     "punct", "`` PRP VBZ JJ , '' NNP VBZ .", [("Hale", "“It is over,”")], True),
    # a quotation that holds no verb is no one's words; a finite verb between: the phrase is a clause of its own
    ("“ Victory , ” Ann Lee , an aide , said .", [10, 10, 10, 10, 5, 1, 5, 8, 5, 5, 10, 10],
     "punct npadvmod punct punct compound appos punct det appos punct ROOT punct",
     "`` NN , '' NNP NNP , DT NN , VBD .", [], False),
    ("“ It is over , ” Ann Lee , who leads , said .", [12, 2, 12, 2, 12, 12, 7, 2, 7, 10, 7, 7, 12, 12],
     "punct nsubj ccomp acomp punct punct compound attr punct nsubj relcl punct ROOT punct",
     "`` PRP VBZ JJ , '' NNP NNP , WP VBZ , VBD .", [(None, "“It is over,” Ann Lee, who leads")], False),
]

#: the parts of speech and lemmas of the words of SPEAKER_BEFORE's and SPEAKER_BEFORE_READ's rows
_POS = {"``": "PUNCT", "''": "PUNCT", ",": "PUNCT", ".": "PUNCT", "PRP": "PRON", "VBZ": "VERB", "VBD": "VERB",
        "VBP": "VERB", "JJ": "ADJ", "NN": "NOUN", "NNP": "PROPN", "DT": "DET", "WP": "PRON", "UH": "INTJ", "IN": "ADP",
        "RB": "PART"}
_LEMMAS = {"is": "be", "said": "say", "notes": "note", "leads": "lead", "tells": "tell"}


def _quoted_then_said(words: str, heads: list, deps: str, tags: str):
    """A Doc of a SPEAKER_BEFORE-like row as written (`hand_parsed.parsed`): its words space-separated, no space
    inside the quotation marks nor before a comma or full stop; each run of NNP words a PERSON ("Ann Lee")."""
    from hand_parsed import parsed

    words, tags = words.split(), tags.split()
    return parsed(words, spaces=[w != "“" and nxt not in (",", "”", ".") for w, nxt in zip(words, words[1:] + [""])],
                  heads=heads, deps=deps.split(), tags=tags, pos=[_POS[t] for t in tags],
                  lemmas=[_LEMMAS.get(w, w.lower()) for w in words],
                  ents=[("I-" if k and tags[k - 1] == "NNP" else "B-") + "PERSON" if t == "NNP" else "O"
                        for k, t in enumerate(tags)])


@pytest.mark.parametrize("words, heads, deps, tags, expected, the_rule", SPEAKER_BEFORE,
                         ids=[f"{i:02d}" for i in range(len(SPEAKER_BEFORE))])
def test_a_speaker_between_a_quotation_and_its_verb_is_the_speaker(words, heads, deps, tags, expected, the_rule,
                                                                    monkeypatch):
    """Rows 00-01 fail with SPEAKER_BEFORE off (no speaker, the phrase left in the content); 02 without the verb
    asked of the quotation would give "Victory" Ann Lee's."""
    import graphkit.frames_parse as frames_parse

    doc = _quoted_then_said(words, heads, deps, tags)
    assert_switched(lambda: _said(doc, tagger=False), expected, the_rule, monkeypatch, frames_parse, "SPEAKER_BEFORE")


#: a speaker `speaker_before` gives is read as a subject the parser gave (frames_verb), on the two parses of PolNeAR
#: train+dev where it matters (session 61's chores: each of the two readings removed alone changes one claim): the
#: cue clause after the quotation is the "around" frame's (`frame_around` asks `speaker_before` when the speaker is no
#: child of the verb), its cue the verb as with a subject; the speaker's whole phrase, an apposition the parser hung
#: inside the quotation, is no part of the content (`verb_context`'s subject tokens): (the words, each word's head,
#: deps, tags, the rules' (speaker, cue, content))
SPEAKER_BEFORE_READ = [
    # the name an apposition of the quotation's object: without frame_around's ask, the clause frame's cue with its
    # addressee, "tells Leeds Radio", where a subject the parser gave has the around frame's "tells"
    ("“ Yes , I back Ann Lee , ” Tom Hale , head of the Acme Trust , tells Leeds Radio in an interview .",
     [4, 4, 4, 4, 18, 6, 4, 6, 6, 10, 6, 10, 10, 12, 16, 16, 13, 10, 18, 20, 18, 18, 23, 21, 18],
     "punct intj punct nsubj ccomp compound dobj punct punct compound appos punct appos prep det compound pobj punct "
     "ROOT compound dobj prep det pobj punct", "`` UH , PRP VBP NNP NNP , '' NNP NNP , NN IN DT NNP NNP , VBZ NNP NNP "
     "IN DT NN .", [("Tom Hale", "tells", "“Yes, I back Ann Lee,”")]),
    # the name an attribute of a clause inside the quotation: without verb_context's phrase, its first name and
    # apposition stay in the content ("“...,” Tom … a city adviser", a mixed claim)
    ("“ It is not the plan that everyone is fine , ” Tom Hale , a city adviser , said at an event .",
     [19, 2, 19, 2, 5, 2, 8, 8, 5, 13, 13, 13, 13, 8, 13, 17, 17, 13, 13, 19, 19, 22, 20, 19],
     "punct nsubj ccomp neg det attr mark nsubj acl amod punct punct compound attr punct det compound appos punct ROOT "
     "prep det pobj punct", "`` PRP VBZ RB DT NN IN NN VBZ JJ , '' NNP NNP , DT NN NN , VBD IN DT NN .",
     [("Tom Hale", "said", "“It is not the plan that everyone is fine,”")]),
]


@pytest.mark.parametrize("words, heads, deps, tags, expected", SPEAKER_BEFORE_READ,
                         ids=[f"{i:02d}" for i in range(len(SPEAKER_BEFORE_READ))])
def test_a_speaker_before_the_verb_is_read_as_its_subject(words, heads, deps, tags, expected):
    """Row 00 fails without `frame_around`'s ``x.subj == speaker_before(x.v)``, row 01 without `verb_context`'s
    subject tokens for it (each hook taken out alone on a copy of frames_verb)."""
    doc = _quoted_then_said(words, heads, deps, tags)
    assert [(a.speaker_text, a.cue, a.text) for a in attributions(doc, tagger=False)] == expected


# a speech verb set off by commas between the subject of what is said and its speaker has that speaker, not the
# subject the parser gave it (frames_quote.INVERTED_PARENTHETICAL): text, (speaker, content), the rule's row
INVERTED_PARENTHETICAL = [
    ("The new budget, said Maria Lopez, the city's finance director, will cut library hours.",
     ("Maria Lopez, the city's finance director", "The new budget … will cut library hours"), True),
    ("Any fair reading of the report, said Tom Baker, a lawyer for the union, would find the company at fault.",
     ("Tom Baker, a lawyer for the union", "Any fair reading of the report … would find the company at fault"), True),
    ("And the governor, said Hale, who worked for her for a decade, never backs down.",
     ("Hale, who worked for her for a decade", "the governor … never backs down"), True),
    ("The school board, wrote Ellen Park, an education reporter, has ignored the parents.",
     ("Ellen Park, an education reporter", "The school board … has ignored the parents"), True),
    ("The council, said Tom Baker, the union's lawyer, should be dissolved.",
     ("Tom Baker, the union's lawyer", "The council … should be dissolved"), True),
    # controls: the comma closes the speaker's own phrase; the speaker set off by commas with the verb
    ("The mayor's aide, Ann Reyes, said the budget would be cut.", ("The mayor's aide", "the budget would be cut"),
     False),
    ("The plan, he said, will fail.", ("he", "The plan … will fail"), False),
]


@pytest.mark.parametrize("text,expected,the_rule", INVERTED_PARENTHETICAL,
                         ids=[f"{i:02d}" for i in range(len(INVERTED_PARENTHETICAL))])
def test_a_speaker_written_after_a_parenthetical_verb_speaks(nlp, monkeypatch, text, expected, the_rule):
    import graphkit.frames_quote as frames_quote

    doc = nlp(text)
    assert_switched(lambda: _said(doc, tagger=False), [expected], the_rule, monkeypatch, frames_quote,
                    "INVERTED_PARENTHETICAL")


# a clause of time with a subject of its own and a cue verb with no clause of its own stays in the content it closes,
# where a clause of contrast, or of time around a verb that says a clause, is a claim of its own
# (frames_verb.TIME_CLAUSE_STAYS): text, (speaker, content) of each claim, the rule's row
TIME_CLAUSE_STAYS = [
    ("The mayor said the library would close after the council announced its budget.",
     [("The mayor", "the library would close after the council announced its budget")], True),
    ("Ann Reyes said she had no warning before the board announced the layoffs.",
     [("Ann Reyes", "she had no warning before the board announced the layoffs")], True),
    ("The senator said the vote was delayed after the governor warned of a veto.",
     [("The senator", "the vote was delayed after the governor warned of a veto")], True),
    # controls: a clause of time whose verb says a clause, and a clause of contrast, are claims of their own, the
    # switch on or off
    ("The council agreed to delay the vote after the mayor said she needed more time.",
     [("The council", "agreed to delay the vote"), ("the mayor", "she needed more time")], False),
    ("The senator said the vote was delayed after the governor told reporters a veto was likely.",
     [("The senator", "the vote was delayed"), ("the governor", "a veto was likely")], False),
    ("The mayor said the library would close, while council members said it would stay open.",
     [("The mayor", "the library would close"), ("council members", "it would stay open")], False),
    ("The coach said the team was ready, although the players insisted they needed more time.",
     [("The coach", "the team was ready"), ("the players", "they needed more time")], False),
]


@pytest.mark.parametrize("text,expected,the_rule", TIME_CLAUSE_STAYS,
                         ids=[f"{i:02d}" for i in range(len(TIME_CLAUSE_STAYS))])
def test_a_clause_of_time_stays_in_the_content_it_closes(nlp, monkeypatch, text, expected, the_rule):
    import graphkit.frames_verb as frames_verb

    doc = nlp(text)
    assert_switched(lambda: _said(doc, tagger=False), expected, the_rule, monkeypatch, frames_verb, "TIME_CLAUSE_STAYS")


# a passive "as" clause's agent is the source of the sentence it hangs on (frames_verb_clause.AS_PASSIVE_AGENT): text,
# (speaker, content) of each claim, the rule's row
AS_PASSIVE_AGENT = [
    ("As reported by the Courier, the plant will close next year.",
     [("the Courier", "the plant will close next year")], True),
    ("As first reported by the Globe, the mayor has hired a new aide.",
     [("the Globe", "the mayor has hired a new aide")], True),
    # control: the active clause, the switch on or off
    ("As the Courier reported, the plant will close next year.", [("the Courier", "the plant will close next year")],
     False),
]


# a participle after "with" speaks for its own subject unless that is a thing said, whose author, the outer clause's
# subject, speaks then (frames_verb.WITH_OWN_SPEAKER, said_thing); a thing said is a noun cue of the lexicon, a
# document noun or a noun whose most frequent sense is one (WordNet's noun.communication:
# frames_verb.SAID_COMMUNICATION_NOUNS): text, (speaker, content) of each claim, the switch whose rule the row is (None:
# a control). Every row is read with each switch off: with WITH_OWN_SPEAKER off the outer clause's subject speaks, with
# SAID_COMMUNICATION_NOUNS off such a noun speaks for itself; a row moves only with its own switch off
WITH_PARTICIPLE = [
    ("The fare rise dominated the week, with several senators arguing that the mayor misled voters.",
     [("several senators", "that the mayor misled voters")], "WITH_OWN_SPEAKER"),
    ("Reyes leads in Leeds, with three new polls indicating that Hale has a small lead in York.",
     [("three new polls", "that Hale has a small lead in York")], "WITH_OWN_SPEAKER"),
    ("The city is still grieving, with many marchers chanting that the council must act.",
     [("many marchers", "that the council must act")], "WITH_OWN_SPEAKER"),
    ("Hale turned on Reyes, with his campaign saying that she had misled voters.",
     [("his campaign", "that she had misled voters")], "WITH_OWN_SPEAKER"),
    ("Lee went further on Monday, with a long tirade arguing that the council had failed.",
     [("Lee", "that the council had failed")], "SAID_COMMUNICATION_NOUNS"),
    ("The mayor hit back at once, with a blunt rebuttal insisting that the fares were fair.",
     [("The mayor", "that the fares were fair")], "SAID_COMMUNICATION_NOUNS"),
    # controls, either switch off: a document noun and a noun cue of the lexicon are the outer subject's, a name
    # speaks for itself
    ("Lee went further on Monday, with a statement arguing that the council had failed.",
     [("Lee", "that the council had failed")], None),
    ("Lee went further on Monday, with remarks suggesting that the council had failed.",
     [("Lee", "that the council had failed")], None),
    ("The mayor changed course, with Senator Tom Hale saying the plan was dead.",
     [("Senator Tom Hale", "the plan was dead")], None),
]


@pytest.mark.parametrize("switch", ["WITH_OWN_SPEAKER", "SAID_COMMUNICATION_NOUNS"])
@pytest.mark.parametrize("text,expected,rule", WITH_PARTICIPLE, ids=[f"{i:02d}" for i in range(len(WITH_PARTICIPLE))])
def test_a_participle_after_with_speaks_for_its_own_subject_unless_a_thing_said(nlp, monkeypatch, text, expected, rule,
                                                                                switch):
    import graphkit.frames_verb as frames_verb

    doc = nlp(text)
    assert_switched(lambda: _said(doc, tagger=False), expected, rule == switch, monkeypatch, frames_verb, switch)


# a means that carries things said (a newspaper, a magazine, a tabloid, a website: WordNet's instrumentalities, kept
# out of models/communication_nouns.txt by bench/make_communication_nouns.MEANS) speaks for itself after "with", an
# outlet, not a thing said: text, (speaker, content) of each claim, the rule's row (with the means back in the table, as
# -123 had it, the outer clause's subject speaks). American and British spellings.
MEANS_SPEAK = [
    ("The mayor stayed silent, with the local newspaper reporting that the plan had failed.",
     [("the local newspaper", "that the plan had failed")], True),
    ("The governor stayed silent, with a conservative magazine reporting that the program had been cut.",
     [("a conservative magazine", "that the program had been cut")], True),
    ("The minister kept quiet, with a national tabloid claiming that the programme had been shelved.",
     [("a national tabloid", "that the programme had been shelved")], True),
    ("The senator stayed silent, with a local website reporting that he had misled voters.",
     [("a local website", "that he had misled voters")], True),
    # controls, either table: a thing said (a communication, a document noun) is the outer subject's, a body speaks
    ("Lee went further on Monday, with a long tirade arguing that the council had failed.",
     [("Lee", "that the council had failed")], False),
    ("The mayor hit back at once, with a blunt rebuttal insisting that the fares were fair.",
     [("The mayor", "that the fares were fair")], False),
    ("Lee went further on Monday, with a statement arguing that the council had failed.",
     [("Lee", "that the council had failed")], False),
    ("Hale turned on Reyes, with his campaign saying that she had misled voters.",
     [("his campaign", "that she had misled voters")], False),
]
#: the rows' means, in the table until session 68 (bench/make_communication_nouns.MEANS)
_MEANS_ROWS = {"newspaper", "magazine", "tabloid", "website"}


@pytest.mark.parametrize("text,expected,the_rule", MEANS_SPEAK, ids=[f"{i:02d}" for i in range(len(MEANS_SPEAK))])
def test_a_means_after_with_speaks_for_itself(nlp, monkeypatch, text, expected, the_rule):
    import graphkit.frames_verb as frames_verb

    from graphkit.communication_nouns import communication_noun, load_communication_nouns

    assert not _MEANS_ROWS & load_communication_nouns()
    doc = nlp(text)
    assert _said(doc, tagger=False) == expected
    monkeypatch.setattr(frames_verb, "communication_noun", lambda lemma: lemma.lower() in _MEANS_ROWS
                        or communication_noun(lemma))
    assert (_said(doc, tagger=False) != expected) == the_rule


# a document as the subject of a lexicon verb with a direct object says that object
# (frames_verb_object.DOCUMENT_OBJECT): text, (speaker, content) of each claim, the rule's row (with the switch off no
# claim)
DOCUMENT_OBJECT = [
    ("A new city survey found broad support for the fare rise.",
     [("A new city survey", "found broad support for the fare rise")], True),
    ("Several recent studies have found little effect on local jobs.",
     [("Several recent studies", "found little effect on local jobs")], True),
    ("The audit report demonstrates the risk the mayor faces.",
     [("The audit report", "demonstrates the risk the mayor faces")], True),
    # controls, the switch on or off: no document (a body), a verb whose object is the one spoken to, a clause
    ("The council found broad support for the plan.", [], False),
    ("The new ad reminds voters of the strike.", [], False),
    ("The poll found that most voters backed Lee.", [("The poll", "that most voters backed Lee")], False),
    # British: a pollster's poll, a ministry's report; a ministry itself (a body) a control
    ("A new YouGov poll found strong support for the scheme across the country.",
     [("A new YouGov poll", "found strong support for the scheme across the country")], True),
    ("The Home Office report found widespread abuse in the visa scheme.",
     [("The Home Office report", "found widespread abuse in the visa scheme")], True),
    ("The Home Office found widespread abuse in the visa scheme.", [], False),
]


@pytest.mark.parametrize("text,expected,the_rule", DOCUMENT_OBJECT,
                         ids=[f"{i:02d}" for i in range(len(DOCUMENT_OBJECT))])
def test_a_document_says_the_object_of_its_verb(nlp, monkeypatch, text, expected, the_rule):
    import graphkit.frames_verb_object as frames_verb_object

    doc = nlp(text)
    assert_switched(lambda: _said(doc, tagger=False), expected, the_rule, monkeypatch, frames_verb_object,
                    "DOCUMENT_OBJECT")


# an "as" clause sources a sentence whose verb is a cue with no clause of its own (frames_verb_clause.AS_OVER_ACT):
# text, (speaker, content) of each claim, the rule's row (with the switch off the sentence's verb is its subject's
# claim)
AS_OVER_ACT = [
    ("As the Courier reported, the council voted to close the plant.",
     [("the Courier", "the council voted to close the plant")], True),
    ("As the Post first reported, Tom Hale voiced support for the fare rise in a radio interview.",
     [("the Post", "Tom Hale voiced support for the fare rise in a radio interview")], True),
    ("As the Globe reported, Ann Reyes refused to release the audit.",
     [("the Globe", "Ann Reyes refused to release the audit")], True),
    ("As reported by the Courier, the mayor was accused of hiding the audit.",
     [("the Courier", "the mayor was accused of hiding the audit")], True),
    # controls: a sentence verb with a clause of its own stays its speaker's claim, the switch on or off
    ("As the Courier reported, the mayor said that the plant will close.", [("the mayor", "that the plant will close")],
     False),
    ("As the Post reported, the mayor denied that the audit was late.", [("the mayor", "that the audit was late")],
     False),
]


@pytest.mark.parametrize("text,expected,the_rule", AS_OVER_ACT, ids=[f"{i:02d}" for i in range(len(AS_OVER_ACT))])
def test_an_as_clause_sources_a_sentence_whose_cue_says_no_clause(nlp, monkeypatch, text, expected, the_rule):
    import graphkit.frames_verb_clause as frames_verb_clause

    doc = nlp(text)
    assert_switched(lambda: _said(doc, tagger=False), expected, the_rule, monkeypatch, frames_verb_clause,
                    "AS_OVER_ACT")


@pytest.mark.parametrize("text,expected,the_rule", AS_PASSIVE_AGENT,
                         ids=[f"{i:02d}" for i in range(len(AS_PASSIVE_AGENT))])
def test_a_passive_as_clause_is_its_agents_claim(nlp, monkeypatch, text, expected, the_rule):
    import graphkit.frames_verb_clause as frames_verb_clause

    doc = nlp(text)
    assert_switched(lambda: _said(doc, tagger=False), expected, the_rule, monkeypatch, frames_verb_clause,
                    "AS_PASSIVE_AGENT")
