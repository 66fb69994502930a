"""What a sentence is about and the speaker phrase as the article pass reads it (graphkit.antecedents,
graphkit.speaker_phrase and the speaker rules of the article pass): tables of British- and American-style sentences
in, the speaker as written and as resolved in the article out. Split from test_speakers.py (the article pass), as
test_speakers_corpus.py (across the corpus with an empty gazetteer); the speaker phrase resolved to its actor is
test_speaker_phrase_resolved.py."""

from __future__ import annotations

import pytest
from article_speakers import pipeline_as_switched, speakers
from hand_parsed import parsed
from switched import assert_switched

from graphkit.attribution import attributions


# --------------------------------------------------------------------------- what a sentence is about

# a pronoun takes the name the sentence before is about, as rule 4 of graphkit.pronouns takes a subject, where that
# name is no subject in the parse (graphkit.antecedents.sentence_subject): the possessor of a subject that names no
# person, a name the parser made the root of the sentence it opens; before, the pronoun went to a speaker named earlier
SENTENCE_ABOUT = [
    # the possessor of the subject of an adverbial clause (American) and of a main clause (British)
    ("Jim Reed said the race was close. Though Tom Hale's campaign has faltered for weeks, he found his voice in the "
     "final days, which he hoped would lift his numbers.", "Tom Hale"),
    ("Gordon Hale spoke in Leeds on Monday. Sir Alan Boyd said the mood was grim. These days, Mr Hale's speeches can "
     "be plodding. By the hour mark, some people were yawning as he said that taxes would fall.", "Gordon Hale"),
    # a name the parser made the root, its verb misread (American, British)
    ("Jim Reed said the debate went well.\n\nTom Hale, when asked about his own errors, often steam-rolls past "
     "every question.\n\n“We made a mistake,” he told a reporter in October.", "Tom Hale"),
    ("Sir Alan Boyd said the vote was lost.\n\nNigel Hale, when asked about his own sums, often steam-rolls past "
     "every question.\n\n“We were right,” he told the BBC on Sunday.", "Nigel Hale"),
    # a description of a person takes no possessor for its holder: the appeal's owner is no judge
    ("Ann Lee's appeal was heard in Dover on Monday. The judge said the files should stay sealed.", "The judge"),
]


@pytest.mark.parametrize("text,expected", SENTENCE_ABOUT, ids=[f"{k:02d}" for k in range(len(SENTENCE_ABOUT))])
def test_a_pronoun_takes_the_name_the_sentence_before_is_about(nlp, text, expected):
    assert speakers(nlp, text)[-1][0] == expected


# a pronoun's candidate read with the honorific written before it (graphkit.article_names.NAMES_WITH_HONORIFIC, issue
# 12 -110, its own switch until session 66): (text, the last claim's speaker, the rule's row); before, 'Mrs. Clinton'
# was read as the Clinton the article names most, a man, whom a 'she' does not fit, and the 'she' went to the speaker
# before
CANDIDATE_WITH_HONORIFIC = [
    # American: 'Mrs.' / 'Ms.' outside the NER's entity
    ("Bill Clinton said he was tired. Hillary Clinton said she was not. Bill Clinton left early. At the dinner, a "
     "nurse put a question to Mrs. Clinton. “Will you win?” the nurse said. Mrs. Clinton smiled. "
     "“We will,” she said.", "Hillary Clinton", True),
    ("Bill Clinton said he was tired. Hillary Clinton said she was not. Bill Clinton left early. At the dinner, a "
     "nurse put a question to Ms. Clinton. “Will you win?” the nurse said. Ms. Clinton smiled. "
     "“We will,” she said.", "Hillary Clinton", True),
    # British: the NER keeps 'Mrs Brown' whole, its honorific read already (a control)
    ("Gordon Brown said he was tired. Sarah Brown said she was not. Gordon Brown left early. In Leeds, a nurse put "
     "a question to Mrs Brown. “Will you win?” the nurse said. Mrs Brown smiled. “We will,” she said.",
     "Sarah Brown", False),
]


@pytest.mark.parametrize("text,expected,the_rule", CANDIDATE_WITH_HONORIFIC,
                         ids=[f"{k:02d}" for k in range(len(CANDIDATE_WITH_HONORIFIC))])
def test_a_pronoun_reads_the_honorific_before_a_name(nlp, monkeypatch, text, expected, the_rule):
    from graphkit import article_names

    assert_switched(lambda: speakers(nlp, text)[-1][0], expected, the_rule, monkeypatch, article_names,
                    "NAMES_WITH_HONORIFIC")


# a person's name read anywhere in the article pass with the honorific written before it, not only a speaker's and a
# pronoun's candidate (graphkit.article_names.NAMES_WITH_HONORIFIC, issue 12 -115): (text, the last claim's speaker, the
# rule's row); before, 'Mrs. Clinton' there was read as the Clinton the article names most, a man
_CLINTONS = "Bill Clinton said he was tired. Hillary Clinton said she was not. Bill Clinton left early. "
NAMES_WITH_HONORIFIC = [
    # a relative clause's antecedent: 'who' is Hillary Clinton, so the 'he' after it is not Bill Clinton
    (_CLINTONS + "Tom Hale waited in line for an hour. “We had a long talk,” Mr. Hale said. But Mrs. Clinton, who had "
     "just told a guest that the party was over, was less warm. When she saw Mr. Hale, she frowned, he said.",
     "Tom Hale", True),
    # British: the NER keeps 'Mrs Brown' whole, its honorific read already (a control)
    ("Gordon Brown said he was tired. Sarah Brown said she was not. Gordon Brown left early. Tom Hale waited in line "
     "for an hour. “We had a long talk,” Mr Hale said. But Mrs Brown, who had just told a guest that the party was "
     "over, was less warm. When she saw Mr Hale, she frowned, he said.", "Tom Hale", False),
    # a person in apposition to the speaker's role
    (_CLINTONS + "The former first lady, Mrs. Clinton, told reporters that the race was close.", "Hillary Clinton", True),
    # a 'whose' possessor
    (_CLINTONS + "Mrs. Clinton, whose campaign said the race was close, smiled.", "Hillary Clinton's campaign", True),
    # the one an anonymous asker asked, whom the 'she' who replies stands for
    (_CLINTONS + "A reporter asked Mrs. Clinton how she felt. “Fine,” she replied.", "Hillary Clinton", True),
    # the name a pronoun's verb takes as its object, which the pronoun is not (the one she told spoke before her, so
    # that the candidates, read with the same switch, do not decide it alone)
    (_CLINTONS + "Ann Lee, a nurse, waited for an hour. Mrs. Clinton said at noon that the polls were close. “We will "
     "win,” she told Mrs. Clinton.", "Ann Lee", True),
]


@pytest.mark.parametrize("text,expected,the_rule", NAMES_WITH_HONORIFIC,
                         ids=[f"{k:02d}" for k in range(len(NAMES_WITH_HONORIFIC))])
def test_a_name_reads_the_honorific_before_it_wherever_it_is_read(nlp, monkeypatch, text, expected, the_rule):
    from graphkit import article_names

    assert_switched(lambda: speakers(nlp, text)[-1][0], expected, the_rule, monkeypatch, article_names,
                    "NAMES_WITH_HONORIFIC")


# a surname the NER typed a person stands for a full name of the article the NER typed an organisation, with no
# honorific (graphkit.article_names.PERSON_SURNAME_TAKES_ORG_RUN, issue 12): (text, the last claim's speaker, the
# rule's row); before, the surname alone
SURNAME_OF_ORG_RUN = [
    # American: the full name in apposition to a role, typed ORG
    ("Nadia Morris, an aide, said the plan was dead. Morris said the council would vote again.", "Nadia Morris", True),
    # British: after a role and before a place
    ("Campaign manager Nadia Morris spoke in Leeds on Tuesday. Morris said the branch would fight every seat.",
     "Nadia Morris", True),
    # the NER typed the full name a person: read as before (a control)
    ("Aide Nadia Pruett says the campaign is lean. Pruett says the campaign will compete in every state.",
     "Nadia Pruett", False),
]


# sources joined by 'as well as' are listed as by 'and' (graphkit.speaker_phrase.AS_WELL_AS_AND, issue 12): (text, the
# claim's speaker, the rule's row); before, the first of them alone
AS_WELL_AS = [
    # American: titles before each name
    ("Ohio Gov. Tom Hale and Sen. Ann Lee as well as former Ohio Gov. Jim Park have endorsed the mayor.",
     "Tom Hale, Ann Lee and Jim Park", True),
    # British
    ("Councillor Tom Hale and Ann Lee as well as Jim Park have backed the Leeds scheme.",
     "Tom Hale, Ann Lee and Jim Park", True),
    # 'and' alone: as before (a control)
    ("Tom Hale and Ann Lee said the plan would fail.", "Tom Hale and Ann Lee", False),
]


# 'the X campaign' read back to a body the article named with the noun only when the phrase's proper nouns are words
# of that body's name (graphkit.speakers.QUALIFIED_BODY_AS_WRITTEN, issue 12): (text, the last claim's speaker, the
# rule's row); before, 'The Lee campaign' was the body named before with 'Campaign' in its name
QUALIFIED_BODY = [
    # American
    ("The Fair Elections Campaign Fund sued the mayor on Monday. The Lee campaign said the suit was baseless.",
     "The Lee campaign", True),
    # British spelling
    ("The Clean Air Campaign Group criticised Ann Lee's plan. The Lee campaign said the plan would pass.",
     "The Lee campaign", True),
    # no proper noun in the phrase: read back to the body as before (a control)
    ("The Clean Air Campaign sued the council. The campaign said the plan was illegal.", "Clean Air Campaign", False),
]


# a title's abbreviation ends no sentence for any stage (graphkit.nlp.TITLES_KEPT_WHOLE, issue 12 -125: one token with
# its stop, no sentence start after it), so the pronoun after it walks back to the subject its sentence is about, not
# to a relative clause's speaker a split made a sentence of its own: (text, the last claim's speaker, the rule's row);
# before, the first of the people the relative clause hangs on (-123 joined the split for the article pass alone)
TITLE_STOP = [
    # American: 'Govs.', 'Sens.' and 'Reps.' split from their names by the parser's sentence end
    ("Ann Lee spoke in Dover on Monday. Lee refrained from attacking her rivals, particularly Govs. Tom Hale and Bob "
     "Ray, who say she lacks experience. She dismissed the critique, saying the debate went well.", "Ann Lee", True),
    ("Mary Kirk campaigned in Leeds on Monday. Kirk avoided attacking her rivals, particularly Sens. Tom Hale and Bob "
     "Ray, who say she is too young. She said the debate had gone well.", "Mary Kirk", True),
    ("Sarah Finch spoke at the rally. Finch thanked her backers, among them Reps. Tom Hale and Bob Ray, who say the "
     "bill will pass. She said the vote would come soon.", "Sarah Finch", True),
    # British: no full stop after the title, no sentence end to keep (a control)
    ("Mary Kirk campaigned in Leeds on Monday. Kirk avoided attacking her rivals, particularly Govs Tom Hale and Bob "
     "Ray, who say she is too young. She said the debate had gone well.", "Mary Kirk", False),
    # a title's abbreviation the NER takes into the name ('Pres. Obama') is an honorific, stripped for identity
    # (graphkit.names.HONORIFICS), as the name after a split stop is read (a control)
    ("Tom Hale spoke in Dover on Monday. Later that day, Pres. Hale said the fares would fall by spring.", "Tom Hale",
     False),
    # an acronym in capitals is no title: 'SEC.' ends its sentence, with the switch or without (a control)
    ("Ann Lee runs a fund in Dover. Lee sent the filing to the SEC. Tom Hale, who said she lied, was angry. She said "
     "the filing was right.", "Tom Hale", False),
]
# a roundup's bullet glued to a name ('-Todd Smith said ...') is a token of its own, so the NER reads the whole name
# (graphkit.nlp.BULLETS_APART, issue 12 -125): (text, the last claim's speaker, the rule's row); before, the surname
# alone or the name with its bullet ('-Nigel Hale', an organisation)
BULLETS = [
    ("What the pollsters said this week:\n\n-Todd Smith said the polls had missed young voters.", "Todd Smith", True),
    ("What the pollsters said this week:\n\n-Nigel Hale told the BBC the polls had missed young voters.",
     "Nigel Hale", True),
    # an en dash is split by spaCy already (a control)
    ("What the pollsters said this week:\n\n\u2013Nigel Hale told the BBC the polls had missed young voters.",
     "Nigel Hale", False),
]
TOKENIZER_RULES = [("TITLES_KEPT_WHOLE", TITLE_STOP), ("BULLETS_APART", BULLETS)]


@pytest.mark.parametrize("switch,text,expected,the_rule", [(sw, *row) for sw, rows in TOKENIZER_RULES for row in rows],
                         ids=[f"{sw}-{k:02d}" for sw, rows in TOKENIZER_RULES for k in range(len(rows))])
def test_a_tokenizer_rule_reads_its_rows_and_they_fail_with_its_switch_off(nlp, monkeypatch, switch, text, expected,
                                                                          the_rule):
    from graphkit import nlp as gnlp

    assert_switched(lambda: speakers(pipeline_as_switched(nlp), text)[-1][0], expected, the_rule, monkeypatch, gnlp,
                    switch)


#: the rows of one shape, of the fiftieth pass and after: (the module, its switch, the rows)
SPEAKER_RULES = [("article_names", "PERSON_SURNAME_TAKES_ORG_RUN", SURNAME_OF_ORG_RUN),
                 ("speaker_phrase", "AS_WELL_AS_AND", AS_WELL_AS),
                 ("speakers", "QUALIFIED_BODY_AS_WRITTEN", QUALIFIED_BODY)]


@pytest.mark.parametrize("module,switch,text,expected,the_rule",
                         [(m, sw, *row) for m, sw, rows in SPEAKER_RULES for row in rows],
                         ids=[f"{sw}-{k:02d}" for _m, sw, rows in SPEAKER_RULES for k in range(len(rows))])
def test_a_speaker_rule_reads_its_rows_and_they_fail_with_its_switch_off(nlp, monkeypatch, module, switch, text,
                                                                        expected, the_rule):
    import importlib

    assert_switched(lambda: speakers(nlp, text)[-1][0], expected, the_rule, monkeypatch,
                    importlib.import_module(f"graphkit.{module}"), switch)


# a 'he' / 'she' keeps the names its walk reached after its pick, in its order, for the corpus's second look
# (graphkit.antecedents.NEXT_ANTECEDENTS_KEPT, the Attribution's next_antecedents; issue 12 -115): (text, pick, next antecedents)
RUNNERS_UP = [
    ("Ann Lee spoke in Ohio. Tom Hale spoke in Iowa. Lee Park met them on Monday. “We are done,” she said.",  # American
     "Lee Park", ("Tom Hale", "Ann Lee")),
    # British
    ("Mr Boyd spoke in Leeds. Gordon Hale spoke in Hull. Sam Ortiz met them on Monday. “We are done,” he said.",
     "Sam Ortiz", ("Gordon Hale", "Boyd")),
]


@pytest.mark.parametrize("text,pick,runners_up", RUNNERS_UP, ids=[f"{k:02d}" for k in range(len(RUNNERS_UP))])
def test_a_pronoun_keeps_its_next_antecedents(nlp, monkeypatch, text, pick, runners_up):
    from graphkit import antecedents

    def read():
        a = [a for a in attributions(nlp(text)) if not a.continuation][-1]
        return a.resolved_text, a.next_antecedents
    assert_switched(read, (pick, runners_up), True, monkeypatch, antecedents, "NEXT_ANTECEDENTS_KEPT")


# a person in apposition to a common-noun subject is what the sentence is about
# (graphkit.antecedents.APPOSITION_SUBJECT, issue 12 -115): (sentence, the name, the rule's row)
APPOSITION_SUBJECT = [
    ("One local woman, Ann Reed, said the plan was dead.", "Ann Reed", True),        # American
    ("A Leeds councillor, Gordon Hale, said the fares were too high.", "Gordon Hale", True),  # British
    ("Tom Hale, an aide, said the plan was dead.", "Tom Hale", False),  # the subject itself, a control
]


@pytest.mark.parametrize("text,name,the_rule", APPOSITION_SUBJECT,
                         ids=[f"{k:02d}" for k in range(len(APPOSITION_SUBJECT))])
def test_a_name_in_apposition_to_a_common_noun_subject_is_what_the_sentence_is_about(nlp, monkeypatch, text, name,
                                                                                      the_rule):
    from graphkit import antecedents

    doc = nlp(text)
    ent = next(e for e in doc.ents if e.text.startswith(name))
    assert_switched(lambda: antecedents.sentence_subject(ent), True, the_rule, monkeypatch, antecedents,
                    "APPOSITION_SUBJECT")


# which names count (graphkit.antecedents.sentence_subject): (sentence, the name, whether it is what the sentence is
# about); a possessor of a person's noun, of a phrase naming another person, or inside a clause of what someone says
# is not, nor a root name coordinated with another
SUBJECT_NAMES = [
    ("Tom Hale's campaign has faltered for weeks.", "Tom Hale", True),
    ("Tom Hale's aide left the room in Dover.", "Tom Hale", False),
    ("Tom Hale's son Bob Hale left the room in Dover.", "Tom Hale", False),
    ("Tom Hale's rival, Bob Reed, won the seat in Dover.", "Tom Hale", False),   # the subject names another person
    ("Ann Reed said that Tom Hale's campaign had faltered.", "Tom Hale", False),
    ("Jim Reed and Tom Hale, who say the plan is dead.", "Jim Reed", False),
    ("Jim Reed met Tom Hale in Dover on Monday.", "Tom Hale", False),
]


@pytest.mark.parametrize("text,name,expected", SUBJECT_NAMES, ids=[f"{k:02d}" for k in range(len(SUBJECT_NAMES))])
def test_which_names_a_sentence_is_about(nlp, text, name, expected):
    from graphkit.antecedents import sentence_subject

    doc = nlp(text)
    ent = next(e for e in doc.ents if e.text.startswith(name))
    assert sentence_subject(ent) is expected, [(t.text, t.dep_, t.head.i) for t in doc]


def test_a_root_name_after_other_words_is_no_subject():
    """A name the parser made its sentence's root counts as the subject only when it opens the sentence: after other
    words the root is a misread phrase ('In Leeds, Hale accused Reed of lying' read as one noun phrase headed by
    'Reed', the parse built by hand), not what the sentence is about (graphkit.antecedents._misparsed_opening)."""
    from graphkit.antecedents import sentence_subject

    words = ["In", "Leeds", ",", "Hale", "accused", "Reed", "of", "lying", "."]
    heads = [5, 0, 5, 5, 5, 5, 5, 6, 5]
    deps = ["prep", "pobj", "punct", "compound", "compound", "ROOT", "prep", "pcomp", "punct"]
    ents = ["O", "B-GPE", "O", "B-PERSON", "O", "B-PERSON", "O", "O", "O"]
    doc = parsed(words, heads=heads, deps=deps, ents=ents)
    reed = next(e for e in doc.ents if e.text == "Reed")
    assert reed.root.dep_ == "ROOT"
    assert sentence_subject(reed) is False


# a subject that names no one by itself (a quantifier, demonstrative or number) keeps what follows it and says who
# (graphkit.speaker_phrase.who_of): (text, the speaker as written); American and British, a prepositional phrase, a
# relative clause, a share; a clause set off by a comma and a bare quantifier stay as they were
WHO_A_QUANTIFIER_IS = [
    ("A band warmed up the hall in Dayton. Many in the hall said the mayor was the one candidate they could trust.",
     "Many in the hall"),                                                                                   # American
    ("The mayor is 74. Those around him acknowledge that another run seems unlikely.", "Those around him"),
    ("Young voters expect to work hard. Almost nine out of 10 expect that retraining will be part of their careers.",
     "nine out of 10"),
    ("Some in the party say that the budget was never balanced in Mr Brown's years.", "Some in the party"),  # British
    ("Others who have argued for a tougher line said the plan had failed.",
     "Others who have argued for a tougher line"),
    ("Others, who had waited for hours in the rain, said the plan had failed.", "Others"),
    ("Some have suggested that the plan had failed.", "Some"),
    # ... and what says who stops at a comma: the clause after it is one of its own
    ("“There is no path for him,” said one of those aides, who asked not to be named because the talks were private.",
     "one of those aides"),
]


@pytest.mark.parametrize("text,expected", WHO_A_QUANTIFIER_IS, ids=[f"{k:02d}" for k in range(len(WHO_A_QUANTIFIER_IS))])
def test_a_quantifier_keeps_what_says_who_it_is(nlp, text, expected):
    doc = nlp(text)
    said = [a.speaker_text for a in attributions(doc) if not a.continuation]
    assert expected in said, said


# what says who a head naming no one is, read by graphkit.speaker_phrase.who_of itself: (text, the head, the words it
# keeps); a clause set off by a comma, an 'as' phrase and a year, sum or share (an entity of its own) keep none
WHO_OF = [
    ("Many in the hall said the mayor left early.", "Many", "in the hall"),
    ("Others, who had waited for hours, said the plan failed.", "Others", ""),
    ("The plan was judged by some as a snub, the paper said.", "some", ""),
    ("2016 in Ohio was a hard year for farmers.", "2016", ""),
    ("Three in Leeds said no.", "Three", "in Leeds"),
]


@pytest.mark.parametrize("text,word,expected", WHO_OF, ids=[f"{k:02d}" for k in range(len(WHO_OF))])
def test_what_says_who_a_quantifier_is(nlp, text, word, expected):
    from graphkit.speaker_phrase import who_of

    doc = nlp(text)
    head = next(t for t in doc if t.text == word)
    assert " ".join(doc[i].text for i in sorted(who_of(head))) == expected, [(t.text, t.dep_, t.head.i) for t in doc]


@pytest.mark.parametrize("text,expected", [
    # the antecedent of 'who' ends before the 'who': not its own clause and the name in it (American, British)
    ("Voters who said the economy mattered split evenly, while those who said inequality mattered tended to back Tom "
     "Hale.", "those"),
    ("Members who said the levy mattered split evenly, while those who said housing mattered tended to back Mr Hale.",
     "those"),
])
def test_a_quantifiers_own_who_is_the_quantifier(nlp, text, expected):
    said = [a.resolved_text for a in attributions(nlp(text)) if a.speaker_text == "who"]
    assert said and said[-1] == expected, said

# of a clausal and a nominal subject of a cue the nominal one speaks: an activity is no source (graphkit.frames_parse
# .verb_subject): (text, the cue, the speaker as written), American and British
CLAUSAL_SUBJECTS = [
    ("Winning over the union is harder. Getting Acme to sign onto any deal, when it has spent the past week signaling "
     "it’ll reject any new offer outright, looks nearly hopeless.", "reject", "it"),                     # American
    ("Winning over the unions is harder. Getting Brussels to sign up to any deal, when it has spent the past week "
     "signalling it’ll reject any new offer outright, looks nearly hopeless.", "reject", "it"),          # British
]


@pytest.mark.parametrize("text,cue,expected", CLAUSAL_SUBJECTS, ids=[f"{k:02d}" for k in range(len(CLAUSAL_SUBJECTS))])
def test_a_clausal_subject_is_no_speaker(nlp, text, cue, expected):
    said = [(a.cue, a.speaker_text) for a in attributions(nlp(text)) if not a.continuation]
    assert (cue, expected) in said, said


# across the corpus an acronym stands for an organisation's name, never for a group a quantifier opens and what follows
# it says who ('Nobody in British Columbia' is no 'NBC': graphkit.merge.opens_with_no_one): (names, acronym, expected)
ACRONYM_OF_A_DESCRIPTION = [
    (["Nobody in British Columbia", "NBC"], "NBC", None),                                                   # British
    (["Few in American Airlines", "FAA"], "FAA", None),                                                       # American
    (["National Broadcasting Company", "NBC"], "NBC", "National Broadcasting Company"),
]


@pytest.mark.parametrize("names,acronym,expected", ACRONYM_OF_A_DESCRIPTION,
                         ids=[f"{k:02d}" for k in range(len(ACRONYM_OF_A_DESCRIPTION))])
def test_an_acronym_is_no_quantifiers_group(names, acronym, expected):
    from types import SimpleNamespace

    from graphkit.merge import organisation_merges

    drafts = {f"d{i}": SimpleNamespace(name=n, type="group" if n.split()[0] in ("Nobody", "Few") else "organisation")
              for i, n in enumerate(names)}
    merged = {drafts[s].name: drafts[d].name for s, d, _ in organisation_merges(drafts)}
    assert merged.get(acronym) == expected, merged
