"""Speakers as the article names them (graphkit.segments, graphkit.speakers): tables of British- and
American-style sentences in, the speaker as resolved in the article out."""

from __future__ import annotations

import pytest
from hand_parsed import parsed
from switched import assert_switched

from graphkit.attribution import attributions
from graphkit.segments import byline_author, segments


@pytest.fixture(scope="module")
def nlp():
    from graphkit.nlp import load_pipeline

    return load_pipeline()


def speakers(nlp, text, title=None):
    doc = nlp.make_doc(text)
    if title:
        doc.user_data["title"] = title
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return [(a.resolved_text, a.speaker_type) for a in attributions(doc) if not a.continuation]


# --------------------------------------------------------------------------- segments

SEGMENTS = [
    # headline without closing punctuation, then the first sentence (the sample corpus's Lavrov article)
    ("Lavrov: Washington Fails to Submit Peace Plan to Moscow\nRussian Foreign Minister Sergei Lavrov says it is late.",
     None, ["headline", "body"]),
    # US headline + byline + AP dateline
    ("Donald Trump Tells Voters to Wait\nBy JULIE PACE, Associated Press\nWASHINGTON (AP) — Trump said he would win.",
     None, ["headline", "byline", "dateline", "body"]),
    # British: headline, standfirst-free, byline with read time, Reuters dateline in mixed case
    ("Blair defends Iraq record\nJane Smith · 4 min read\nLondon (Reuters) - Mr Blair said the war was right.",
     None, ["headline", "byline", "dateline", "body"]),
    # NYT style: headline; deck line, then the body
    ("Rate cut gives farmers a lift; \nCheaper loans could soften the drought's toll.\n\nThe cut was welcome.",
     None, ["headline", "standfirst", "body"]),
    # a headline ending in a full stop is found by the metadata title
    ("Ben Carson says he is being smeared.\n\nBen Carson says he is being smeared by critics.",
     "Ben Carson says he is being smeared", ["headline", "body"]),
    # subhead and photo caption inside the body; editor's note
    ("Mr Cable said taxes would rise.\n\nTax plans\nThe Lib Dems said more.\n\nPhoto: Getty Images\n\n"
     "Editor's note: this story was updated.", None, ["body", "subhead", "body", "caption", "note"]),
    # a lead sentence that is a whole sentence is no headline; a line ending with a colon introduces a quote
    ("Secretary of State Marco Rubio said:\n\n“We are closer to peace than ever.”", None, ["body", "body"]),
    # a title-case line between paragraphs is a subhead (an embedded video's title), a quote is not
    ("Rubio spoke on Sunday.\n\nMarco Rubio Responds To Question About Immigration.\n\nHe said no.\n\n"
     "“We Will Win This State.”\n\nHe left.", None, ["body", "subhead", "body", "body", "body"]),
    # a title-case line under a list number is a subhead too (US listicle, British numbered list)
    ("The list follows.\n\n10\nRosa Delgado Explained Why She Felt Unseen In School.\n\nShe spoke.", None,
     ["body", "subhead", "subhead", "body"]),
    ("Our ranking.\n\n3\nNick Clegg Admits The Tuition Fees Pledge Was A Mistake.\n\nMr Clegg said sorry.", None,
     ["body", "subhead", "subhead", "body"]),
    # text wrapped at a fixed width stays one body segment
    ("The minister said that the\nplan would work and that\nthe talks would go on until\nthe end of the year and\n"
     "beyond that too.", None, ["body"]),
]


@pytest.mark.parametrize("text,title,kinds", SEGMENTS, ids=[f"{i:02d}" for i in range(len(SEGMENTS))])
def test_segments(text, title, kinds):
    assert [s.kind for s in segments(text, title)] == kinds


@pytest.mark.parametrize("text,author", [
    ("Blair defends record\nBy Nick Assinder\nPolitical correspondent\nMr Blair said no.", "Nick Assinder"),
    ("Trump wins\nBy JULIE PACE and LISA LERER, Associated Press\nTrump said yes.", "Julie Pace and Lisa Lerer"),
    ("Markets fall\nJane Doe · 4 min read\nThe bank said no.", "Jane Doe"),
    ("By-elections are coming, Mr Howard said.", None),
    ("Nobody signs this one.\n\nMr Howard said no.", None),
])
def test_byline_feeds_the_author(text, author):
    assert byline_author(text) == author


# --------------------------------------------------------------------------- speakers in the article

SPEAKERS = [
    # headlines never speak and never fuse with the first sentence
    ("Donald Trump Tells Voters to Wait\nDonald Trump said on Monday he would win.", None, ("Donald Trump", "PERSON")),
    ("Lavrov: Washington Fails to Submit Plan\nRussian Foreign Minister Sergei Lavrov says Russia expects a copy.",
     None, ("Sergei Lavrov", "PERSON")),
    ("Blair Says Iraq War Was Right.\n\nTony Blair spoke in Sedgefield. Mr Blair said the war was right.",
     "Blair Says Iraq War Was Right", ("Tony Blair", "PERSON")),
    # bylines never speak and never lend the speaker a name (American: agency byline and dateline; British: the
    # correspondent's name and post on lines of their own; a read-time byline)
    ("Trump wins Ohio\nBy JULIE PACE and LISA LERER, Associated Press\nCOLUMBUS, Ohio (AP) — Donald Trump said late on "
     "Tuesday that he had won.", None, ("Donald Trump", "PERSON")),
    ("Blair defends Iraq record\nBy Nick Assinder\nPolitical correspondent\n\nTony Blair said on Monday that the war "
     "was right.", None, ("Tony Blair", "PERSON")),
    ("Clinton leads in Ohio\nBy Amy Chozick · 4 min read\nHillary Clinton said on Monday that she would win.", None,
     ("Hillary Clinton", "PERSON")),
    # datelines
    ("MOSCOW (Reuters) - The Kremlin said on Wednesday it was awaiting details.", None, ("Kremlin", "ORG")),
    ("NASHUA, N.H. - Chris Christie said the polls were wrong.", None, ("Chris Christie", None)),
    ("WASHINGTON (AP) — Sen. Bernie Sanders said on Thursday that the system was rigged.", None,
     ("Bernie Sanders", "PERSON")),
    ("EDINBURGH (PA) - Nicola Sturgeon said on Thursday that a vote would come.", None, ("Nicola Sturgeon", None)),
    # a nickname quoted between the given name and the surname is part of the name the NER cut there
    ('It came from the chemist Robert "Rob" Ashworth. In early 2003, Ashworth hurried to see her. He said she should '
     "phone Dell.", None, ('Robert "Rob" Ashworth', "PRON")),
    ("Veteran campaigner Edward “Teddy” Taylor found the treaty wanting.\n\nHe said it was a disaster.", None,
     ("Edward “Teddy” Taylor", "PRON")),
    ("Former Labour MP Robert “Bob” Marshall-Andrews found the plan wanting.\n\nHe said the party had lost its way.",
     None, ("Robert “Bob” Marshall-Andrews", "PRON")),
    # honorifics without (British) and with (American) a full stop resolve to the full name
    ("Tony Blair visited Leeds. Mr Blair said the plan would work.", None, ("Tony Blair", "PERSON")),
    ("Vince Cable spoke in Twickenham. Mr Cable said taxes would rise.", None, ("Vince Cable", "PERSON")),
    ("Nicola Sturgeon met voters. Ms Sturgeon said a vote would come.", None, ("Nicola Sturgeon", "PERSON")),
    ("Bernie Sanders spoke in Iowa. Mr. Sanders said the system was rigged.", None, ("Bernie Sanders", "PERSON")),
    ("Sir Menzies Campbell spoke on Monday. Sir Menzies said the war was illegal.", None, ("Menzies Campbell", "PERSON")),
    # a bare surname / first name → the full name; the honorific's gender picks between two
    ("Gordon Brown spoke in Leeds. Brown said the economy was strong.", None, ("Gordon Brown", "PERSON")),
    ("Hillary Clinton spoke in Ohio. Hillary said she would win.", None, ("Hillary Clinton", "PERSON")),
    ("Hillary Clinton campaigned in Ohio, where she met voters. Bill Clinton stayed home; he was ill. "
     "Mrs Clinton said she would win.", None, ("Hillary Clinton", "PERSON")),
    # the honorific mentions after each full name tell the genders apart (New York Times style)
    ("Bill Clinton spoke first. Mr. Clinton praised the crowd. Hillary Clinton spoke next. Mrs. Clinton thanked "
     "him. Mrs. Clinton said the race was close.", None, ("Hillary Clinton", "PERSON")),
    # a subject the NER did not call a person still is the antecedent of 'he'
    ("Bernie Sanders visited a park. The room was hot. Sanders did not often get this emotional. "
     "\"It is a tragedy,\" he said.", None, ("Bernie Sanders", None)),
    # one mention speaking two claims ('he said, adding ...') is one speaker, whoever the second claim names
    ("Trump’s Ohio chairman, Rex Early, said he had not studied the rules. Told of the county’s "
     "anti-Trump mood, Early called it “a surprise.”\n\n“I bet Trump’s going to win some votes up "
     "here,” he said, adding that he has not talked to Trump’s county backers.", None, ("Rex Early", "PRON")),
    ("Labour’s Scottish leader, Jim Murphy, said he had not read the report. “I’m sure Sturgeon’s going to have "
     "her say,” he said, adding that he has not talked to Sturgeon’s advisers.", None, ("Jim Murphy", "PRON")),
    # roles named earlier
    ("Prime Minister Tony Blair visited Leeds on Monday. The prime minister said the plan would work.", None,
     ("Tony Blair", "NOUN")),
    ("Gordon Brown, the chancellor, spoke on Monday. The chancellor said taxes would not rise.", None,
     ("Gordon Brown", "NOUN")),
    ("Secretary of State John Kerry flew to Geneva. The secretary of state said talks would resume.", None,
     ("John Kerry", None)),
    ("Enron shares fell on Monday. The company said it would file for bankruptcy.", None, ("Enron", "NOUN")),
    # a title that is an office ('President Obama') names the role a later 'the president' refers to; not 'former'
    ("President Barack Obama spoke in Paris on Saturday. The president also said the deal was a win.", None,
     ("Barack Obama", "NOUN")),
    ("Former President Jimmy Carter and President Macron met in Rome. The president said the talks were useful.",
     None, ("Macron", "NOUN")),
    # ... a qualified role is the person named before unless the article names that person in the office with another
    # place, body or party: 'the Vermont senator' is not 'Arizona Sen. John McCain' (ArticleNames.contradicts)
    ("Arizona Sen. John McCain spoke first. The Vermont senator said the deal was rigged.", None,
     ("The Vermont senator", "NOUN")),
    ("Former President Bill Clinton spoke first. Hillary Clinton waved. The former president said it was close.",
     None, ("Bill Clinton", "NOUN")),
    ("New Jersey Gov. Chris Christie spoke first. The New Jersey governor said the polls were wrong.", None,
     ("Chris Christie", "NOUN")),
    ("French President Emmanuel Macron met Theresa May in London. The Irish president said the talks were useful.",
     None, ("The Irish president", "NOUN")),
    # a hyphenated word is one word of the phrase ('self-described'), not cut in half; one person described, no one
    # named before: an anonymous source (speaker_types.definite_person)
    ("The self-described green socialist said he would carry the state.", None,
     ("The self-described green socialist", "ANON")),
    ("The judge said the law was clear.", None, ("The judge", "NOUN")),
    # a role never named stays a role, and speaks on through 'he' (not the last person named as a subject)
    # (the person before named in that office with another party: someone else, ArticleNames.contradicts)
    ("Trump called on Bill de Blasio, the Democratic presidential candidate, to act. De Blasio refused. \"There is "
     "hatred,\" the Republican presidential candidate said on Thursday.\n\nThe program was a \"good thing,\" he "
     "remarked.", None, ("the Republican presidential candidate", "PRON")),
    ("Mr Cameron met Nick Clegg, the Liberal Democrat leader. Mr Clegg left early. \"We will win,\" the Conservative "
     "leader said on Friday.\n\nThe plan was a \"good thing,\" he added.", None, ("the Conservative leader", "PRON")),
    # a role never named stays a role
    ("The foreign secretary said the talks had failed.", None, ("The foreign secretary", "NOUN")),
    # spokespeople are tied to whom they speak for, never that person
    ("Tony Blair visited Leeds. A Downing Street spokesman said the plan would work.", None,
     ("Downing Street spokesman", "ANON")),
    ("Tony Blair visited Leeds. Mr Blair's spokesman said the plan would work.", None, ("Tony Blair spokesman", "ANON")),
    ("Donald Trump held a rally. A Trump spokeswoman said the crowd was huge.", None, ("Trump spokeswoman", "ANON")),
    # ... and so are they when the article says whom they speak for after the role ('for', 'to')
    ("Tony Blair visited Leeds. A spokesman for Mr Blair said the plan would work.", None,
     ("Tony Blair spokesman", "ANON")),
    ("A spokeswoman for YouTube told us that it removed the videos.", None, ("YouTube spokeswoman", "ANON")),
    ("A spokesman for the Clinton team insisted the emails were old.", None, ("Clinton team spokesman", "ANON")),
    # aides: appositions and compounds pick the named head
    ("Clinton campaign chairman John Podesta said the emails were stolen.", None, ("John Podesta", "PERSON")),
    ("Clinton spokesman Glen Caplin said the report was false.", None, ("Glen Caplin", "PERSON")),
    ("Labour's campaign chief Alan Milburn said the party would win.", None, ("Alan Milburn", "PERSON")),
    # a first name the NER left out of the entity is still part of the name: another person of that surname
    ("\"I don't share the man's views,\" Freddy Ortega said after a Friday show.\n\n"
     "German Ortega says that the general response to Trump has been dismay.", None, ("German Ortega", None)),
    # ... but a title or role word before a surname is none ('Justice Kennedy' is the article's Anthony Kennedy)
    ("Anthony Kennedy wrote the opinion. The justice spoke later. Justice Kennedy said the law was clear.", None,
     ("Anthony Kennedy", None)),
    # a surname with a particle ('de Blasio', 'von der Leyen'); a name with a particle is no holder of the word after it
    ("Mayor Bill de Blasio spoke on Monday. De Blasio said the city was safe.", None, ("Bill de Blasio", "PERSON")),
    ("Jeroen van der Veer, the Shell chairman, arrived in London. Mr van der Veer said profits would rise.", None,
     ("Jeroen van der Veer", "PERSON")),
    ('A troupe performs "Los Hijos de Trump." Donald Trump spoke. "Los Hijos de Trump" is a hit. Trump writes that '
     "he would raise fees.", None, ("Donald Trump", "PERSON")),
    # a quote in an exchange is the named replier's, not the previous speaker's, whatever the verb
    ("“Look at all these Bernie fans in here,” Paradis said with a grin.\n\n“They’re only here because he’s "
     "offering them free lunch,” Bennett shot back, laughing.", None, ("Bennett", "PERSON")),
    ("“The vote is lost,” Mr Blair said. “We will win it back,” Mr Howard countered with a grin.", None,
     ("Howard", "PERSON")),
    # a passive verb's agent is not the subject of the active verb coordinated with it
    ("FBI officials were upset by the ruling and predicted that it would fail.", None, ("FBI officials", None)),
    ("Labour MPs were angered by the decision and warned that it would cost votes.", None, ("Labour MPs", None)),
    # words describing a name are no part of it: 'an angry Hollande' is the article's François Hollande
    ("French President François Hollande spoke. “France will stay France,” an angry Hollande said.", None,
     ("François Hollande", None)),
    # a surname is not a name carrying it in the middle, when another name ends with it
    ("Mike Huckabee spoke in Iowa. Sarah Huckabee Sanders joined him. Sarah Huckabee Sanders spoke next. "
     "Sarah Huckabee Sanders left. Mr. Huckabee said the race was close.", None, ("Mike Huckabee", "PERSON")),
    ("Gordon Brown spoke. Sarah Brown Jones came. Sarah Brown Jones left. Sarah Brown Jones returned. "
     "Mr Brown said growth would return.", None, ("Gordon Brown", "PERSON")),
    # people named together are one source, each by the article's full name
    ("Ted Cruz and Marco Rubio spoke. Cruz and Rubio said the deal was bad.", None,
     ("Ted Cruz and Marco Rubio", "NOUN")),
    ("Gordon Brown met Tony Blair. Mr Brown and Mr Blair said the economy was strong.", None,
     ("Gordon Brown and Tony Blair", "NOUN")),
    ("Bernie Sanders spoke. Sanders and his supporters said the system was rigged.", None,
     ("Sanders and his supporters", "NOUN")),
    # ... also when joined by 'nor', the negation kept: neither is the one source named first
    ("Ted Cruz and Chris Christie spoke on heroin. Neither Cruz nor Christie mentioned the state's plans "
     "to fight the crisis.", None, ("neither Ted Cruz nor Chris Christie", "NOUN")),
    ("Gordon Brown met Tony Blair. Neither Mr Brown nor Mr Blair acknowledged the report's findings.", None,
     ("neither Gordon Brown nor Tony Blair", "NOUN")),
    # a phrase naming whose or where a common-noun source is belongs to it; 'One in three' is not 'One'
    ("Students take 112 tests, a study by the League of Rural Hospitals found.", None,
     ("League of Rural Hospitals study", "NOUN")),  # named by its issuer (speakers.issued_by)
    ("After years of delay, the government in Beijing at last admitted the costs.", None,
     ("the government in Beijing", "NOUN")),
    ("One in three told pollsters the party does not care about them.", None, ("One in three", "NOUN")),
    ("Sen. Bernie Sanders spoke. The senator from Vermont insisted the system was rigged.", None,
     ("Bernie Sanders", "NOUN")),
    ("Tax rises are coming, a report by the Institute for Fiscal Studies said.", None,
     ("Institute for Fiscal Studies report", "NOUN")),
    # the verb's object is not its subject pronoun ('She asked Richards': not Richards; 'he told Mr Brown': not Brown)
    ("Alicia Menendez hosted the panel. Cecile Richards spoke next. She asked Richards what she had seen.",
     None, ("Alicia Menendez", None)),
    ("Ed Balls chaired the meeting. Gordon Brown spoke next. He told Mr Brown that the plan would fail.", None,
     ("Ed Balls", None)),
    ("Bernie Sanders spoke in Iowa. Then Hillary Clinton attacked Sanders. He accused Clinton of lying about Wall "
     "Street.", None, ("Bernie Sanders", None)),
    # a pronoun's antecedent is the subject of the sentence before, even inside what an earlier sentence reported
    # in its own words, and even a name the NER typed nothing; never a name inside a quotation
    ("Recep Tayyip Erdogan urged the United States to act. After the riots, the Turkish ministry "
     "declared Oksuz was a ringleader of the riots. He was briefly held. He condemned the riots, telling "
     "reporters he had played no part in them.", None, ("Oksuz", "PRON")),
    ("Gordon Brown visited Paris on Monday. Officials said Mandelson was in charge of the talks. He was seen at "
     "the embassy. He said the deal was close.", None, ("Mandelson", "PRON")),
    ("Lindsey Graham spoke in Iowa. \"I think Donald Trump is wrecking the party,\" Graham said. He added that "
     "the party must change.", None, ("Lindsey Graham", "PRON")),
    ("David Cameron spoke in Leeds. \"I believe Boris Johnson is wrong,\" Mr Cameron said. He added that the vote "
     "would be close.", None, ("David Cameron", "PRON")),
    # a surname alone means the holder named before the article first writes it alone: a second holder named in
    # full later, however often, is named so because the surname alone already means the first
    ("Hillary Clinton campaigned in Iowa on Sunday. Clinton said the economy was rigged against workers. Bill "
     "Clinton spoke in Ohio. Bill Clinton toured a factory. Bill Clinton praised the workers. Later Clinton said "
     "the plan would pass.", None, ("Hillary Clinton", None)),
    ("Tony Blair arrived in Sedgefield on Friday. Mr Blair said the reforms would go on. Cherie Blair opened a "
     "school. Cherie Blair met the staff. Cherie Blair praised the teachers. Later Mr Blair said the vote was "
     "close.", None, ("Tony Blair", None)),
    # 'they' / 'it' are no person, even one the NER typed an organisation ('Trump' as ORG)
    ("Donald Trump met the Republican National Committee. Trump's campaign was in disarray. They said the polls "
     "were wrong.", None, ("the Republican National Committee", None)),
    # a run of capitalised words after 'the' names no person ('the Joint Staff' is not 'Staff')
    ("Officials consulted the Joint Staff. Staff told reporters the panel had the email.", None, ("Staff", None)),
    # interviews and transcripts: an answer's first person is the interviewee (named in the headline), a labelled
    # turn's the label's person, a question's 'you' the interviewee; the questioner's 'I' stays the author
    ("Q&A with Former Vice President Joe Biden\n\nJoe Biden spoke with reporters on Air Force Two.\n\nQ: Why now?\n\n"
     "A: I think the country is ready.\n\nQ: And the race?\n\nA: It is close.\n\nQ: Thanks.\n\nA: Sure.",
     "Q&A with Former Vice President Joe Biden", ("Joe Biden", None)),
    ("Laura Bush sees hope for Afghan women\n\nFormer first lady Laura Bush wrote a book.\n\nQ: You have "
     "said that the cause matters. Why?\n\nA: Because they needed help.\n\nQ: And now?\n\nA: It goes on.",
     "Laura Bush sees hope for Afghan women", ("Laura Bush", None)),
    ("Oklahoma Gov. Mary Fallin said on Sunday that Donald Trump was a healer.\n\nJAKE TAPPER: How will he heal "
     "the divide?\n\nFALLIN: Well, I think the whole country has to pull together.\n\nTAPPER: And his message?"
     "\n\nFALLIN: I think that was always in his message.", None, ("Mary Fallin", None)),
    ("Labour leader Ed Miliband said the party was ready.\n\nANDREW MARR: Is the party ready?\n\nMILIBAND: I "
     "believe we are ready to govern.\n\nMARR: And the polls?\n\nMILIBAND: I think they will move.", None,
     ("Ed Miliband", None)),
    ("Labour leader Ed Miliband said the party was ready.\n\nMILIBAND: I believe we are ready.\n\nMARR: And the "
     "polls?\n\nANDREW MARR: How will he heal the divide?", None, ("Andrew Marr", "PERSON")),
    # an honorific's gender picks the family member the article gives that gender, not the latest named
    ("Donald J. Trump spoke in Iowa. Mr. Trump said he would win. His first wife, Ivana Trump, wrote a book. "
     "Mr. Trump said he admired her.", None, ("Donald J. Trump", "PERSON")),
    ("Tony Blair spoke in Leeds. Mr Blair said the war was right. His wife, Cherie Blair, is a lawyer. "
     "Mr Blair said he was proud of her.", None, ("Tony Blair", "PERSON")),
    # a surname alone is the person the headline names, not a namesake named more often inside the article
    ("How one town gave Chris Murphy a cause\n\nSen. Chris Murphy spoke on Monday. He remembered a teacher, "
     "Anne Marie Murphy. Anne Marie Murphy died in the school. Murphy said the fight goes on.",
     "How one town gave Chris Murphy a cause", ("Chris Murphy", "PERSON")),
    ("Why Gordon Brown stayed\n\nGordon Brown spoke in Kirkcaldy. His brother Andrew Brown works for EDF. "
     "Andrew Brown was in London. Brown said the economy was strong.", "Why Gordon Brown stayed",
     ("Gordon Brown", "PERSON")),
    # a person's name ends where a spaced dash does: 'Reynolds' is not 'Santilli'
    ("Deborah Jordan Reynolds - Harlan's sister and co-host - told The Post about the show. "
     "Reynolds said the show would go on.", None, ("Deborah Jordan Reynolds", None)),
    # a people (NORP) is no organisation or person named after it
    ("The Swiss People's Party won the vote. The Swiss said the result was fair.", None, ("Swiss", None)),
    # 'he' after an anonymous spokesperson is that spokesperson, not the person spoken for
    ("Victor Pinchuk gave money. A representative for Mr. Pinchuk stated the inquiry had ended. He added that the "
     "dinner was brief.", None, ("Victor Pinchuk representative", "PRON")),
    ("Tony Blair flew to Washington. A spokesman for Mr Blair said the talks went well. He added that more talks "
     "would follow.", None, ("Tony Blair spokesman", "PRON")),
    # an organisation's short form keeps its words: 'The State Department' is not the 'Department of Justice'
    ("The Justice Department opened an inquiry. The State Department said the emails were classified.", None,
     ("State Department", "ORG")),
    ("The Cabinet Office published the list. The Home Office said the figures were wrong.", None,
     ("Home Office", "ORG")),
    # a name inside an apposition's modifier is not the speaker: 'Griffin, an Obama backer'
    ("Eddie Griffin met voters in Fort Worth. \"We are ready,\" said Griffin, an Obama backer.", None,
     ("Eddie Griffin", None)),
    ("John Smith spoke in Leeds. \"It is over,\" said Smith, a Blair supporter.", None, ("John Smith", None)),
    # 'who' is the person, not the organisation the parser hangs it on
    ("\"We will fight,\" said Representative Raul Grijalva of Nevada, a co-chairman of the Rural Health "
     "Caucus, who wrote that the sales were wrong.", None, ("Raul Grijalva", None)),
    ("\"It is unfair,\" said Ed Davey, a member of the Liberal Democrats, who argued that the plan was wrong.", None,
     ("Ed Davey", None)),
    # family members are not the relative they are named after
    ("Donald Trump spoke. Trump's son Donald Trump Jr. said the meeting was short.", None, ("Donald Trump Jr.", None)),
    ("Tony Blair spoke in Leeds. His wife, Cherie Blair, said the family was fine.", None, ("Cherie Blair", None)),
    # 'they' is a plural common noun that is a subject ('Donald Trump's supporters'), not a place named alone
    ("Donald Trump won Florida. Donald Trump's supporters broke into cheers as they said the election was over.",
     None, ("Donald Trump's supporters", "PRON")),
    ("Labour won in Wales. The party's members cheered as they said the count was fair.", None,
     ("The party's members", "PRON")),
    ("The economists studied China. They said the losses were large.", None, ("The economists", "PRON")),
    ("The researchers went to Scotland. They said the figures were wrong.", None, ("The researchers", "PRON")),
    # 'his campaign', 'her critics': the possessor named as the article names them; a role or source stays its own
    ("Bernie Sanders spoke in Iowa. But his campaign said the race was close.", None,
     ("Bernie Sanders's campaign", "NOUN")),
    ("Theresa May spoke in Leeds. Her critics said the plan would fail.", None, ("Theresa May's critics", "NOUN")),
    ("Hillary Clinton flew to Ohio. Her chief aide said the polls were tight.", None, ("Her chief aide", None)),
    # a slash glues two names of one source: 'A CNN/ORC poll' is no 'ORC poll'; a hyphen glues a lower-case word only
    ("A new CNN/ORC poll found that Donald Trump leads.", None, ("CNN/ORC poll", None)),
    ("A YouGov/Times poll showed Labour ahead.", None, ("YouGov/Times poll", None)),
    ("The Boston Globe/CBS News poll found that Hillary Clinton leads.", None, ("Boston Globe/CBS News poll", None)),
    ("Republican-leaning voters said the race was close.", None, ("Republican-leaning voters", None)),
    ("The show opened. Co-Anchor DeMarco Morgan said the news was bad.", None, ("DeMarco Morgan", "PERSON")),
    # an adjective after the source's noun keeps its complement, which names no one the source is
    ("The plan is bold, people close to Clinton say.", None, ("people close to Clinton", "ANON")),
    ("A source close to Mr Blair said the deal was off.", None, ("A source close to Mr Blair", "ANON")),
    # 'the poll', 'the statement' is the document the article named more fully before, not when it named it no more
    ("A new CBS News poll found that Hillary Clinton leads. The poll also found that voters are tired.", None,
     ("CBS News poll", "NOUN")),
    ("A YouGov/Times poll showed Labour ahead on Monday. The poll also found that voters were tired.", None,
     ("YouGov/Times poll", "NOUN")),
    ("The Holocaust Museum's statement was released on Monday. The statement said the remarks were offensive.", None,
     ("Holocaust Museum's statement", "NOUN")),
    ("The Electoral Commission's report was published in London. The report said the rules were broken.", None,
     ("Electoral Commission's report", "NOUN")),
    ("A poll was taken on Monday. The poll found that voters were tired.", None, ("The poll", "NOUN")),
    ("A source familiar with the ad said it was costly. The ad says Jeb is a conservative.", None, ("The ad", "NOUN")),
    # a surname the tagger reads as a common noun at a sentence's start is still the subject 'he' refers to
    ("Bernie Sanders spoke in Iowa. Donald Trump said it was a disaster. Sanders appeared to wave the email issue away. "
     "On Friday, he said the process should proceed.", None, ("Bernie Sanders", "PRON")),
    ("Keir Starmer spoke in Leeds. Boris Johnson said it was a disaster. Starmer appeared to dismiss the issue. "
     "On Friday, he said the process should proceed.", None, ("Keir Starmer", "PRON")),
    # "the X" is the person the article named with a longer role of the same head ("real estate mogul Donald Trump")
    ("Real estate mogul Donald Trump spoke in Iowa on Monday. The mogul said the wall would be built.", None,
     ("Donald Trump", "NOUN")),
    ("Retired neurosurgeon Ben Carson visited Ohio on Friday. Later the neurosurgeon said that taxes were too high.",
     None, ("Ben Carson", "NOUN")),
    ("Veteran campaigner Peter Tatchell spoke in London. The campaigner said that the law was unjust.", None,
     ("Peter Tatchell", "NOUN")),
    # ... never another office ("the president" is not "the vice president", "the former president", "the deputy
    # leader"), and a role before a name never runs over another name before it ("media mogul", not "real estate
    # mogul Donald Trump and media mogul")
    ("Joe Biden, the vice president, spoke in Ohio on Monday. The president said that the economy was strong.", None,
     ("The president", "NOUN")),
    ("Bill Clinton, the former president, campaigned in Ohio on Monday. The president said that the economy was "
     "strong.", None, ("The president", "NOUN")),
    ("Deputy campaign manager David Bossie spoke on Monday. The campaign manager said that the polls were wrong.", None,
     ("The campaign manager", "NOUN")),
    ("Tom Watson, the deputy leader, spoke in Leeds. The leader said that the party would win.", None,
     ("The leader", "NOUN")),
    ("Real estate mogul Donald Trump and media mogul Rupert Murdoch met in New York on Monday. The media mogul said the "
     "wall would be built.", None, ("Rupert Murdoch", "NOUN")),
    ("Conservative leader David Cameron and Labour leader Ed Miliband clashed on Monday. The Labour leader said the "
     "cuts were wrong.", None, ("Ed Miliband", "NOUN")),
    # two people named with a longer role of that head: which one is not said
    ("Retired neurosurgeon Ben Carson visited Ohio on Friday. Celebrated neurosurgeon Henry Marsh visited Leeds on "
     "Monday. Later the neurosurgeon said that taxes were too high.", None, ("the neurosurgeon", "NOUN")),
    # an indefinite phrase is someone else ("a company" after "oil company Diamond Shamrock")
    ("Oil company Diamond Shamrock was sold. A company said that it would grow.", None, ("A company", "NOUN")),
    # a quantifier alone names part of a group as written, never the latest name (pronouns.QUANTIFIERS)
    ("Mr. Trump campaigned in Pennsylvania on Monday. Some have argued that Mr. Trump is an imperfect messenger.",
     None, ("Some", "PRON")),
    ("Forbes ranked the company first on Monday. Some say the ranking is unfair.", None, ("Some", "PRON")),
    ("The BBC aired the debate on Tuesday. Both said that the other had lied.", None, ("Both", "PRON")),
    ("Ofcom fined the station in March. Another said the fine was too low.", None, ("Another", None)),
    # a name inside a quotation is no subject to take for 'he' (what no claim holds yet, the quote after one)
    ("Bill Millis blamed Barry Bennett. “Barry was never Dr. Carson's first pick,” Millis said. “I can't recall "
     "which pick Barry was.” A new campaign chief, he said, could set a fresh tone.", None, ("Bill Millis", "PRON")),
    ("Tony Blair spoke in Leeds. “Gordon was always the favourite,” Mr Blair said. “Gordon is the best man for the "
     "job.” The party, he said, would stay united.", None, ("Tony Blair", "PRON")),
    # a surname the running text never names in full is the full name a heading opens with (a headline, a
    # listicle's subhead); a title or a headline's label word is no given name
    ("Cecile Richards: ‘I’m Done With Men Deciding For Us’\n\n“Our rights are not up for debate,” Richards said.",
     None, ("Cecile Richards", "PERSON")),
    ("The best moments of 2015.\n\n2\nSalma Hayek Described Her Experience Of Being Paid Less.\n\nHayek "
     "confirmed it had happened and said the problem was severe.", None, ("Salma Hayek", "PERSON")),
    ("Our ranking of the year.\n\n3\nNick Clegg Admits The Tuition Fees Pledge Was A Mistake.\n\nClegg said the pledge "
     "was wrong.", None, ("Nick Clegg", "PERSON")),
    ("President Obama Says Jobs Are Back\n\nObama said the economy was growing.", None, ("Obama", "PERSON")),
    ("Exclusive Maria Espinoza: Border Plan Fails\n\nEspinoza said the plan would fail.", None, ("Espinoza", None)),
    ("Derelict Obama and Clinton: The Threat Grows\n\nObama said the war was being won.", None, ("Obama", "PERSON")),
    ("Cautious Russia Waits For Talks\n\nRussia said on Monday that it was ready to talk.", None, ("Russia", None)),
    # among an earlier sentence's subjects, the main clause's before a subordinate clause's (pronouns rule 4)
    ("Ohio Gov. John Kasich predicted at the debate that Republicans will win every state if Sanders gets the "
     "nomination. “That's hardly a worry,” he said.", None, ("John Kasich", "PRON")),
    ("David Cameron faced a hard fight in Essex because Nigel Farage had chosen to stand in Clacton. “We will fight "
     "for every vote,” he said.", None, ("David Cameron", "PRON")),
    # a quote running over several sentences is one turn: its sentences do not push its speaker out of reach
    ("“I'm just not able to do that right now,” Paul Ryan told CNN's Dana Bash. “I'm not there yet. But "
     "I want to be.” It was a partial shift for the Wisconsin Republican. He said Trump must do more work.",
     None, ("Paul Ryan", "PRON")),
    ("“We will not raise taxes,” Gordon Brown told the BBC's Andrew Marr. “Not this year. Not next year.” It was a "
     "firm pledge from the chancellor. He said the economy would grow.", None, ("Gordon Brown", "PRON")),
    # 'it' stands for no plural noun
    ("For decades, the Census Bureau denied any role. In 2000, researchers released files that forced the "
     "bureau to admit some blame. Even so, it declared that it had never given out names.", None,
     ("Census Bureau", "PRON")),
    ("Economists at the Treasury warned that Ofcom had been too slow. Even so, it said the rules would stay.", None,
     ("Ofcom", "PRON")),
    # "One in four voters": the share and what it is of, not "One"
    ("One in four adults in a Boston Globe poll last spring said illegal immigrants should leave.", None,
     ("One in four adults in a Boston Globe poll", None)),
    ("One in three Britons said the tax was unfair.", None, ("One in three Britons", None)),
    # adjectives coordinated before the head are the phrase's, not cut at their 'and'
    ("However, six past and current employees told The Globe separately that the firm gives no paid leave.", None,
     ("six past and current employees", "NOUN")),
    ("Former and current ministers told the BBC that the plan had failed.", None,
     ("Former and current ministers", "NOUN")),
    # a speaker of a subordinate clause gives way to the main clause's subject (pronouns rule 4)
    ("Ryan also did not sound sure when CNN's Jake Tapper asked whether Republicans would hold the House.\n\n"
     "“The one thing you can say about this year is that it is gonna be wild,” he said.", None,
     ("Ryan", "PRON")),
    ("Brown also did not sound confident when Marr asked whether Labour would hold its seats.\n\n“The one thing you "
     "can say about this year is that it will be hard,” he said.", None, ("Brown", "PRON")),
    # an indefinite speaker phrase is someone new, not the person the article named in that role before
    ("\"If they begin now, I think they're fine,\" said Federico de Jesus, a Democratic strategist who ran "
     "Hispanic outreach for Obama in 2008. Polls show Clinton leading Trump among Hispanic voters.\n\n\"You "
     "would think the Clinton team would have spent more by now,\" said a Democratic strategist who would not "
     "be identified.", None, ("a Democratic strategist", "ANON")),
    ("\"We will win,\" said Lynton Crosby, a Conservative strategist who ran the 2015 campaign. Polls show the Tories "
     "ahead.\n\n\"We may lose,\" said a Conservative strategist who spoke on condition of anonymity.", None,
     ("a Conservative strategist", "ANON")),
    ("\"We will win,\" said Peter Mandelson, a former Labour minister. Polls show Labour ahead.\n\n\"We may lose,\" "
     "said a former Labour minister who spoke on condition of anonymity.", None, ("a former Labour minister", None)),
    # a surname the tagger read as a common noun and the NER as an organisation is a subject for 'he'
    ("MSNBC aired the debate with Sen. Bernie Sanders on Thursday.\n\nSanders exaggerates when "
     "he claims he helped draft the Clean Water Act (CWA). He drafted only one amendment.", None,
     ("Bernie Sanders", "PRON")),
    # a role qualified by a name is never someone named in the office with another ('the senator from Vermont' is no
    # Florida senator); the person the sentence before is about, whom the article does not name so, is (−88)
    ("Bernie Sanders, the senator from Vermont, argued the country's troubles are grave. Marco Rubio, who runs third in "
     "several Iowa polls, stressed security issues. The Florida senator told the press he is upbeat about his "
     "campaign.", None, ("Marco Rubio", None)),
    ("Jeremy Corbyn, the MP for Islington North, said the plan was wrong. Ed Davey stressed the cost of living during "
     "a visit to Surrey. The Kingston MP told reporters he was confident.", None, ("Kingston MP", None)),
    # a surname is the full name written before it, typed a person or not, not one named only after it
    ("GOP presidential candidate Carly Fiorina walked onstage. Fiorina began by talking about her charity work. "
     "Flying home, she told her husband, Frank Fiorina, that the night had gone badly.", None, ("Carly Fiorina", "PRON")),
    # a person named with other people is a group of them as written, not that person alone
    ("Warren Stephens, an Arkansas banker, gave money. Mr. Stephens and his brother said they would not back Mr. "
     "Trump.", None, ("Warren Stephens and his brother", "NOUN")),
    ("Jeb Bush and his younger son said they would not attend the convention.", None,
     ("Jeb Bush and his younger son", "NOUN")),
    # what the article says of a person's gender: 'she' in her relative clause ('Deja Stewart, who ... when she called
    # him') makes her a woman, so a later 'He' is not hers (graphkit.gender)
    ("When I asked Bernie Sanders about the endorsement, he laughed. “I'm gonna endorse you,” he said.\n\nSanders may "
     "see it his way now. The best line about him came from a student, Deja Stewart, who made me feel old when "
     "she called him a wild grandfather.\n\n“Wild,” she said, meaning that he is bold enough.\n\nI saw Sanders "
     "at his desk after his endorsement of the nominee. He plans to back 100 candidates.", None,
     ("Bernie Sanders", "PRON")),
    ("When I asked Gordon Brown about the election, he laughed. “I'll vote for you,” he said.\n\nBrown may see "
     "it his way now. The best line about him came from a pensioner, Morag Smith, who made me feel old when she "
     "called him a dour grouch.\n\n“Dour,” she said, meaning that he is careful.\n\nI met Brown in his office after "
     "his endorsement of the leader. He plans to campaign in 100 seats.", None, ("Gordon Brown", "PRON")),
    # 'who' on a noun in apposition to a name is the person named, not the description
    ("“It has never worked,” said Martin Ellison, an influential Conservative activist who has backed the plan.", None,
     ("Martin Ellison", "PRON")),
    ("\"Nearly everyone was against the scheme,\" said former Sen. Ed Barnes, a moderate Ohio Democrat who declined "
     "to run again.", None, ("Ed Barnes", "PRON")),
    # 'who' of a verb coordinated with a relative clause ('whose seat ... but who suggested') is that clause's noun's
    ("“The intensity is far greater than for any other candidate,” said Rep. Tom Reed (R-N.Y.), a Brown supporter "
     "whose seat went strongly for him but who suggested that Smith could win.", None, ("Tom Reed", "PRON")),
    ("“It is far greater than before,” said Ann Lee (Lab), a Brown supporter whose ward went strongly for "
     "him but who suggested that Smith could win.", None, ("Ann Lee", "PRON")),
    # 'Mr X' keeps the person it first stood for when a relative with the surname is named later (the surname alone
    # written before both full names, so neither was named before it)
    ("For Brown, the lesson came early. Gordon Brown spoke to reporters on Monday. Mr Brown said the budget was fair. "
     "His brother, Andrew Brown, was a pilot. Andrew, as friends called him, stayed quiet. Mr Brown said he learned from him.",
     None, ("Gordon Brown", "PERSON")),
    ("For Smith, the lesson came early. Donald J. Smith spoke to reporters on Monday. Mr. Smith said the plan was "
     "fair. His brother, Freddy Smith, was a pilot. Freddy, as friends called him, stayed quiet. Mr. Smith said he learned from "
     "him.", None, ("Donald J. Smith", "PERSON")),
    # 'who' hung on a common noun a preposition makes part of an apposition ('a secretary of trade under the Smith
    # administration who ...') is the person the apposition names, not the administration
    ("“We saw the smoke,” said Ann Reed, a secretary of trade under the Smith administration who has endorsed "
     "Senator Tom Hale of Ohio.", None, ("Ann Reed", "PRON")),
    ("“We saw the smoke,” said Ann Reed, a minister of state during the Brown government who has backed Tom Hale "
     "for the seat.", None, ("Ann Reed", "PRON")),
    # a role no one was named in before is the one person the next sentence names in it (a news lede)
    ("A man accused of buying the rifles will stay in custody, a federal judge ruled on Monday. Magistrate Judge Ann "
     "Price has sat on the court in Fresno since 2010.", None, ("Ann Price", "NOUN")),
    ("A High Court judge ruled on Friday that the ban was lawful. Judge Jane Hale, sitting in London, has sat on the "
     "bench since 2010.", None, ("Jane Hale", "NOUN")),
    ("Tony Blair's new campaign chief has told the party that the leaflets will change. The chief, Ann Ross, was "
     "in Leeds on Friday.", None, ("Ann Ross", "NOUN")),
    # a definite description no one was named in is the person the sentence before is about (its subject or speaker),
    # unless a name or party qualifies it ('The Irish president', 'the Conservative leader': only someone named with
    # it) or the article names that person in another office of the kind ('Joe Biden, the vice president')
    ("Bernie Sanders met Pope Francis on Saturday in Rome. The senator told reporters the visit was private.", None,
     ("Bernie Sanders", "NOUN")),
    ("Ann Lee met the Pope in Rome on Saturday. The former minister said the meeting was private.", None,
     ("Ann Lee", "NOUN")),
    # ... nor one a place or body qualifies when the article names that person in the office with another of the kind
    ("Ann Reed spoke in Ohio on Monday. Ohio Gov. Tom Hale met donors in Leeds. The Indiana governor said the plan was "
     "dead.", None, ("The Indiana governor", "NOUN")),
    # ... but a definite role refers back to someone, maybe named without it: not the person named next
    ("“That would be me, yes,” the senator said. Sen. Ann Hale (D-Mo.) was in Ohio on Friday.", None,
     ("the senator", "NOUN")),
    # an acronym names its organisation whole: 'the SVP' is not its youth wing 'Junge SVP' named before it
    ("Junge SVP, the party's youth wing, held a rally in Bern on Monday. The SVP said on Tuesday that the plan was "
     "dead.", None, ("SVP", "ORG")),
    ("The youth wing, Young NDP, marched in Toronto on Monday. The NDP said on Tuesday that the march was peaceful.",
     None, ("NDP", "ORG")),
    # a body named by 'the' and its noun alone is the one the article named before with whose it is
    ("The Hale campaign said on Monday that it would ask for a recount. If the margin stays under a point, the "
     "campaign said, it will go to court.", None, ("Hale campaign", "NOUN")),                              # American
    ("Labour's campaign in Leeds began on Monday. The campaign said the turnout was strong.", None,
     ("Labour's campaign", "NOUN")),                                                                        # British
    ("Hewlett-Packard's board met in Palo Alto on Monday. The board said the merger would go ahead.", None,
     ("Hewlett-Packard's board", "NOUN")),
    # ... but several bodies are as written
    ("The Smith campaign has a larger field team than the Jones team, the campaigns agree.", None,
     ("the campaigns", "NOUN")),
    # a given name written alone as a relative of someone named takes that surname: "Clinton's husband, Bill"
    ("Tom Hale called the plan a fraud. Ann Reed's husband, Bill, attacked it in a speech in Dover on Sunday. “I "
     "have to watch my words,” he said.", None, ("Bill Reed", "PRON")),                                     # American
    ("Tom Hale's wife, Sarah, opened the fete in Fife on Saturday. “It was a lovely day,” she said.", None,
     ("Sarah Hale", "PRON")),                                                                               # British
    # ... not when a pronoun says whose relative: no surname is written
    ("Her husband, Bill, attacked the plan in a speech in Dover on Sunday. “I have to watch my words,” he said.",
     None, ("Bill", "PRON")),
]


@pytest.mark.parametrize("text,title,expected", SPEAKERS, ids=[f"{i:02d}" for i in range(len(SPEAKERS))])
def test_speaker_in_the_article(nlp, text, title, expected):
    got = speakers(nlp, text, title)
    assert got, f"no attribution in {text!r}"
    name, stype = expected
    assert got[-1][0] == name, got
    if stype is not None:
        assert got[-1][1] == stype, got


# an honorific's gender holds for a full name the NER typed no person too: 'Mrs. Baca' is the woman the article names
# in full (typed ORG here, as the NER does with a rare given name), never her husband named after her as a PERSON
# (graphkit.article_names.ArticleNames._untyped_holders): (text, the full name typed ORG, the mention, expected)
HONORIFIC_GENDER = [
    ("The senator called Lena Baca on Friday. Her husband, Tom Baca, had been released and would fly home soon. "
     "“We are so relieved,” Mrs. Baca wrote.", "Lena Baca", "Mrs. Baca", "Lena Baca"),                       # American
    ("The minister rang Lena Baca on Friday. Her husband, Tom Baca, had been freed in Tehran. “We are so grateful,” "
     "Ms Baca said.", "Lena Baca", "Ms Baca", "Lena Baca"),                                                  # British
    ("The senator called Lena Baca on Friday. Her husband, Tom Baca, had been released and would fly home soon. "
     "“I am well,” Mr. Baca wrote.", "Lena Baca", "Mr. Baca", "Tom Baca"),                                   # control
]


@pytest.mark.parametrize("text,org,mention,expected", HONORIFIC_GENDER,
                         ids=[f"{k:02d}" for k in range(len(HONORIFIC_GENDER))])
def test_honorific_gender_holds_for_an_untyped_full_name(text, org, mention, expected):
    from spacy.tokens import Span

    from graphkit.article_names import ArticleNames
    from graphkit.nlp import load_spacy

    doc = load_spacy()(text)
    a = text.find(org)
    typed = doc.char_span(a, a + len(org))
    doc.ents = sorted([e for e in doc.ents if e.end <= typed.start or e.start >= typed.end]
                      + [Span(doc, typed.start, typed.end, "ORG")], key=lambda e: e.start)
    at = text.rfind(mention)
    assert ArticleNames(doc).full_name(mention, (at, at + len(mention)))[0] == expected


def test_headline_claim_stays_apart_from_the_lead(nlp, monkeypatch):
    # the "headline" frame (attribution.HEADLINES, on since -78): the headline's claim never fuses with the lead's,
    # its surname the lead's full name; the byline speaks not
    text = "Trump Says He Will Win Ohio\nBy Jane Doe\n\nDonald Trump said on Monday that the race was close."
    assert speakers(nlp, text) == [("Donald Trump", "PERSON"), ("Donald Trump", "PERSON")]
    assert [a.text for a in attributions(nlp(text))] == ["He Will Win Ohio", "that the race was close"]
    # with the frame off, a headline is never a claim's content nor a speaker phrase
    monkeypatch.setattr("graphkit.attribution.HEADLINES", False)
    assert speakers(nlp, text) == [("Donald Trump", "PERSON")]
    assert [a.text for a in attributions(nlp(text))] == ["that the race was close"]


#: built articles whose headline is an attribution or none (attribution.HEADLINES, _headline_claim): (article, the
#: headline's claims as stored: (speaker, content)); the speaker is the body's full name, never the headline's words
HEADLINE_CLAIMS = [
    ("Trump Says He Will Win Ohio\n\nDonald Trump said on Monday that the race in Ohio was close.",
     [("Donald Trump", "He Will Win Ohio")]),
    ("Lavrov: Europe Is Rearming Too Fast\n\nRussian Foreign Minister Sergey Lavrov said on Monday that Europe was "
     "rearming.", [("Sergey Lavrov", "Europe Is Rearming Too Fast")]),
    # the parser reads "Tells" in title case as a name's word: the line read by position gives the claim
    # (frames_headline), and no actor is named "Donald Trump Tells"
    ("Donald Trump Tells Voters to Wait\n\nDonald Trump told voters in Iowa on Monday that the results would come "
     "soon.", [("Donald Trump", "Voters to Wait")]),
    # no attribution in the headline; a relative pronoun as the speaker (no antecedent the headline makes sure of) and
    # a past participle without its auxiliary (a headline's passive) give no claim (attribution._headline_claim)
    ("Storm Closes Schools Across the State\n\nHeavy snow closed schools across the state on Monday, the governor "
     "said.", []),
    ("Crowds Cheer Aide Who Called For Recount\n\nThe aide spoke in Ohio on Monday.", []),
    ("Agency Accused Of Hiding Data Breach\n\nThe agency said on Monday that it had found no breach.", []),
]


@pytest.mark.parametrize("text, expected", HEADLINE_CLAIMS, ids=[f"{i:02d}" for i in range(len(HEADLINE_CLAIMS))])
def test_a_headline_claim_is_the_bodys_speaker_and_names_no_verb(tmp_path, text, expected):
    import graphkit
    from graphkit.build import build

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a1.txt").write_text(text, encoding="utf-8")
    build(corpus, tmp_path / "s.gk")
    g = graphkit.open(tmp_path / "s.gk")
    try:
        head = text.index("\n")
        claims = [(c.speaker, c.text) for c in g.claim_records() if c.spans[0][0] < head]
        names = list(g.actors()["name"])
    finally:
        g.close()
    assert claims == expected
    verbs = {"says", "tells", "closes", "cheer", "called", "accused"}
    assert not [n for n in names if verbs & set(n.lower().split())]


# the article's first person is its author, except in an interview's answers and a transcript speaker's turns
FIRST_PERSON_CASES = [
    ("Q&A with Former Vice President Joe Biden\n\nJoe Biden spoke with reporters.\n\nQ: Why now?\n\nA: I think the "
     "country is ready.\n\nQ: And the race?\n\nA: I believe it is close.", "Joe Biden"),
    ("Oklahoma Gov. Mary Fallin said on Sunday that Donald Trump was a healer.\n\nJAKE TAPPER: How will he heal the "
     "divide?\n\nFALLIN: Well, I think the nation needs to work together.\n\nTAPPER: And his message?\n\nFALLIN: "
     "I think that is what he wants.", "Mary Fallin"),
    ("Gordon Brown on the economy\n\nGordon Brown spoke to the BBC about the state of the economy.\n\nQ: Is a "
     "recession coming?\n\n"
     "A: I believe that growth will return.\n\nQ: When?\n\nA: I think that the markets will decide.", "Gordon Brown"),
    ("The council met on Monday.\n\nI urged the council to act. Since then, I have argued that the town deserves "
     "better.", "the author"),
    # an opinion piece without a byline names its author in a closing note (graphkit.segments.closing_author)
    ("Tulsa is growing.\n\nI believe that our taxes are too high.\n\nDana Whitfield is the Democratic mayor of "
     "Tulsa.", "Dana Whitfield"),
    ("The council met on Monday.\n\nI argue that the town deserves better.\n\nJane Smith, a Leeds councillor, is a "
     "member of the Liberal Democrats.", "Jane Smith"),
    # ... with a verb of office, an office written without an article, or an account to follow
    ("Our debates drew viewers.\n\nI believe that our candidates showed respect.\n\nRep. Ana Ruiz Delgado, "
     "D-Texas, chairs the House Rural Caucus.", "Ana Ruiz Delgado"),         # American
    ("The council met on Monday.\n\nI argue that the town deserves better.\n\nJane Smith is councillor for "
     "Headingley in Leeds.", "Jane Smith"),                                                      # British
    ("The timeline is clear.\n\nI believe that the White House knew the name.\n\nFollow Breitbart News "
     "investigative reporter Sam Okafor on Twitter at @samokafor.", "Sam Okafor"),      # American
    ("The Budget was read.\n\nI believe that the Chancellor got it wrong.\n\nFollow Laura Kuenssberg on Twitter "
     "@bbclaurak.", "Laura Kuenssberg"),                                                        # British
    ("The council met on Monday.\n\nI argue that the town deserves better.\n\nFollow Breitbart News on Twitter.",
     "the author"),                                                                                # an outlet's account
    # a closing sentence on the news is no note on the author, nor one reporting someone's words
    ("The convention ended on Thursday.\n\nI argue that the speech was a triumph.\n\nMichelle Obama was a class "
     "act, one reader said.", "the author"),                                                   # American
    ("The Budget was read on Wednesday.\n\nI believe that the Chancellor got it wrong.\n\nGordon Brown was a "
     "careful chancellor, one Leeds reader wrote.", "the author"),                             # British
    ("The council met on Monday.\n\nI argue that the town deserves better.\n\nThe council is expected to vote next "
     "week.", "the author"),
    # a readers' comment signed with a Twitter handle on the next line is its signer's (graphkit.segments.signed_by)
    # in a run of signed comments (two or more)
    ("Readers reacted to the convention.\n\nI think that Michelle Obama was a class act.\n\n@peacockhill.\n\n"
     "The speech was moving and the crowd loved it.\n\n@JeffOstach.\n\nFollow @USATOpinion on Twitter.",
     "@peacockhill"),                                                                           # American
    ("Readers reacted to the Budget.\n\nThe Chancellor had a bad day.\n\n@yorkreader\n\nI believe that the "
     "Chancellor got it wrong.\n\n@leedsreader\n\nJoin the debate.", "@leedsreader"),         # British, no full stop
    # one handle after one paragraph signs nothing: the author's sign-off, a header, a list of accounts
    ("The council met on Monday.\n\nI argue that the town deserves better.\n\n@janesmith", "the author"),
    ("Readers reacted.\n\nI wrote that the speech was a triumph.\n\n@peacockhill\n\nOne reader said that the "
     "speech was too long.", "the author"),
    ("Readers reacted.\n\nI think that these voices matter.\n\n@nytimes\n\n@washingtonpost", "the author"),
    # a letters page: the 'I' of a letter is the writer whose name line signs it (a town line under a name makes the
    # page one of letters); a name line with no town under any is a subhead and signs nothing
    ("LETTERS.\n\nI believe that the party got it wrong.\n\nIt is lost.\n\nDebby James.\n\nMission Viejo, "
     "Calif.\n\nThe party is lost.\n\nI argue that term limits are coming.\n\nBruce R. Gary.\n\nRhinelander, Wis.",
     "Debby James|Bruce R. Gary"),                                                              # American
    ("Letters.\n\nI believe that the Chancellor got it wrong.\n\nJane Smith.\n\nLeeds.\n\nI argue that the cuts "
     "went too far.\n\nTom Brown.\n\nHebden Bridge, West Yorkshire.", "Jane Smith|Tom Brown"),  # British
    ("The candidates spoke.\n\nI believe that the race is close.\n\nHillary Clinton.\n\nClinton was the senator "
     "from New York.", "the author"),
    # a handle inside a sentence signs nothing
    ("Readers reacted to the Budget.\n\nI believe that the Chancellor got it wrong.\n\nFollow @leedsreader for "
     "more.", "the author"),
]


@pytest.mark.parametrize("text,expected", FIRST_PERSON_CASES, ids=[f"{i:02d}" for i in range(len(FIRST_PERSON_CASES))])
def test_first_person_in_interviews(text, expected):
    from graphkit.parsing import extract_documents
    from graphkit.records import Document

    d = Document(id="x", path="x.txt", text=text, sha256="0" * 64, format="txt")
    ex = next(extract_documents([d]))
    firsts = [c.attribution.resolved_text for c in ex.items
              if (c.attribution.speaker_text or "").strip().lower() in ("i", "we")]
    assert firsts and set(firsts) == set(expected.split("|")), \
        [(c.attribution.speaker_text, c.attribution.resolved_text) for c in ex.items]


# --------------------------------------------------------------------------- across the corpus, empty gazetteer

def _att(speaker, resolved, at=0):
    from graphkit.records import Attribution

    return Attribution(spans=[(at + 200, at + 220)], text="content", cue="said", speaker_text=speaker,
                       speaker_span=(at, at + len(speaker)), speaker_type="PERSON", resolved_text=resolved)


# (speaker phrases of other articles, each as (written, resolved), the mention to resolve, the actor expected):
# an office and a surname go to the one full name the corpus writes with that same office, only when one does
OFFICE_SURNAMES = [
    ([("Vice President Joe Biden", "Joe Biden"), ("Beau Biden", "Beau Biden"), ("Joseph R. Biden", "Joseph R. Biden")],
     "Vice President Biden", "Joe Biden"),
    ([("Chancellor Gordon Brown", "Gordon Brown"), ("Nick Brown", "Nick Brown"), ("Sarah Brown", "Sarah Brown")],
     "Chancellor Brown", "Gordon Brown"),
    ([("Former President Bill Clinton", "Bill Clinton"), ("Hillary Clinton", "Hillary Clinton"),
      ("Chelsea Clinton", "Chelsea Clinton")], "President Clinton", "Bill Clinton"),
    # two holders written with the office, or none: kept apart, not guessed
    ([("Senator Ted Kennedy", "Ted Kennedy"), ("Senator Robert Kennedy", "Robert Kennedy"),
      ("Caroline Kennedy", "Caroline Kennedy")], "Senator Kennedy", "Kennedy"),
    ([("Nick Brown", "Nick Brown"), ("Gordon Brown", "Gordon Brown")], "Chancellor Brown", "Brown"),
    # a courtesy honorific is no office
    ([("Mr. Joe Biden", "Joe Biden"), ("Beau Biden", "Beau Biden")], "Mr. Biden", "Biden"),
]


@pytest.mark.parametrize("others,mention,expected", OFFICE_SURNAMES, ids=[f"{i:02d}" for i in range(len(OFFICE_SURNAMES))])
def test_office_and_surname_across_the_corpus(others, mention, expected):
    from graphkit.resolve import resolve_actors

    atts = {f"d{i}": [_att(w, r)] for i, (w, r) in enumerate(others)}
    ents = {f"d{i}": [(r, "PERSON", len(w) - len(r), len(w))] for i, (w, r) in enumerate(others)}
    atts["x"] = [_att(mention, mention.split()[-1])]
    ents["x"] = [(mention.split()[-1], "PERSON", len(mention) - len(mention.split()[-1]), len(mention))]
    res = resolve_actors(atts, ents, {"actors": []})
    by_id = {a.id: a for a in res.actors}
    assert by_id[res.speaker_of[("x", 0)]].name == expected


# a given name written formally and familiarly (graphkit.given_names.hypocorism, the `nicknames` table) is one person
# where the corpus writes both after the same office, never otherwise: (speaker phrases, each its own article, as
# (written, resolved); the indexes of two of them; whether they are one actor)
NICKNAMES = [
    # American: the NYT's formal name with its suffix, everyone else's familiar one
    ([("President Joe Biden", "Joe Biden"), ("President Joseph R. Biden Jr.", "Joseph R. Biden Jr."),
      ("Beau Biden", "Beau Biden")], 0, 1, True),
    ([("Sen. Chuck Grassley", "Chuck Grassley"), ("Sen. Charles E. Grassley", "Charles E. Grassley")], 0, 1, True),
    # British
    ([("Chancellor Ken Clarke", "Ken Clarke"), ("Chancellor Kenneth Clarke", "Kenneth Clarke")], 0, 1, True),
    ([("Prime Minister Tony Blair", "Tony Blair"), ("Prime Minister Anthony Blair", "Anthony Blair"),
      ("Cherie Blair", "Cherie Blair")], 0, 2, False),
    # no office in common: a familiar form is also a name of its own (the candidate and an entrepreneur)
    ([("Libertarian candidate Gary Johnson", "Gary Johnson"), ("entrepreneur Garrett Johnson", "Garrett Johnson")],
     0, 1, False),
    ([("Mr Bill Clinton", "Bill Clinton"), ("Mr William Clinton", "William Clinton")], 0, 1, False),
    # two different given names are two people, whatever office they share
    ([("Secretary Hillary Clinton", "Hillary Clinton"), ("Secretary Bill Clinton", "Bill Clinton")], 0, 1, False),
    # Joe may be Joseph's or Joshua's, who are not each other's
    ([("Director Joe Smith", "Joe Smith"), ("Director Joseph Smith", "Joseph Smith"),
      ("Director Joshua Smith", "Joshua Smith")], 1, 2, False),
    # no office in common, but the formal name written with a middle initial, as a newspaper names a public figure,
    # and no other given name with the surname in the corpus
    ([("former governor Ed Rendell", "Ed Rendell"), ("Edward G. Rendell", "Edward G. Rendell")], 0, 1, True),
    ([("Ken Clarke", "Ken Clarke"), ("Kenneth H. Clarke", "Kenneth H. Clarke")], 0, 1, True),
    # ... not without the initial (two private people: a letter carrier and a professor), nor when the corpus gives the
    # surname a third given name, nor two familiar forms the table pairs through a third name (Fred, Will: Wilfred)
    ([("letter carrier Bob Mason", "Bob Mason"), ("professor Robert Mason", "Robert Mason")], 0, 1, False),
    ([("Pat Kennedy", "Pat Kennedy"), ("Patrick F. Kennedy", "Patrick F. Kennedy"),
      ("Edward M. Kennedy", "Edward M. Kennedy")], 0, 1, False),
    ([("Fred Rogers", "Fred Rogers"), ("Will J. Rogers", "Will J. Rogers")], 0, 1, False),
    # the same given name with and without a suffix never joins, even through a familiar form
    ([("President Donald Trump", "Donald Trump"), ("President Don Trump", "Don Trump"),
      ("President Donald Trump Jr.", "Donald Trump Jr.")], 0, 2, False),
]


@pytest.mark.parametrize("phrases,i,j,same", NICKNAMES, ids=[f"{k:02d}" for k in range(len(NICKNAMES))])
def test_formal_and_familiar_given_names(phrases, i, j, same):
    from graphkit.resolve import resolve_actors

    atts = {f"d{k}": [_att(w, r)] for k, (w, r) in enumerate(phrases)}
    ents = {f"d{k}": [(r, "PERSON", len(w) - len(r), len(w))] for k, (w, r) in enumerate(phrases)}
    res = resolve_actors(atts, ents, {"actors": []})
    assert (res.speaker_of[(f"d{i}", 0)] == res.speaker_of[(f"d{j}", 0)]) is same


# a role several people hold in the corpus is, in one article, the speaker just before when the corpus names that
# person in the role (graphkit.merge.roles_named_before): (other articles' speakers as (written, name, role); the
# article's speakers as (written, resolved, kind); the actor expected for the article's last speaker)
ROLES_NAMED_BEFORE = [
    # American: 'The minority leader' after Reid, whom other articles call 'Senate Minority Leader'
    ([("Senate Minority Leader Harry Reid", "Harry Reid", "Senate Minority Leader"),
      ("House Minority Leader Nancy Pelosi", "Nancy Pelosi", "House Minority Leader")],
     [("Reid", "Reid", "PERSON"), ("The minority leader", "The minority leader", "NOUN")], "Harry Reid"),
    # British: 'the chancellor' after Darling, two chancellors in the corpus
    ([("Chancellor Alistair Darling", "Alistair Darling", "Chancellor"),
      ("Chancellor Gordon Brown", "Gordon Brown", "Chancellor")],
     [("Mr Darling", "Darling", "PERSON"), ("the chancellor", "the chancellor", "NOUN")], "Alistair Darling"),
    # the speaker just before holds no such role in the corpus: stays a role, not an earlier candidate's
    ([("Republican candidate Donald Trump", "Donald Trump", "Republican candidate"),
      ("Republican candidate Ted Cruz", "Ted Cruz", "Republican candidate")],
     [("Trump", "Trump", "PERSON"), ("Ben Carson", "Ben Carson", "PERSON"),
      ("the Republican candidate", "the Republican candidate", "NOUN")], "Republican candidate"),
    # the role's words among those the corpus names the person with: 'former U.N. Ambassador' holds 'the former
    # ambassador', 'former Labour Chancellor' 'the former chancellor'; 'former vice president' is no 'former president'
    ([("Former U.N. Ambassador John Ashby", "John Ashby", "former U.N. Ambassador"),
      ("Former U.N. Ambassador Samantha Power", "Samantha Power", "former U.N. Ambassador")],
     [("Ashby", "Ashby", "PERSON"), ("The former ambassador", "The former ambassador", "NOUN")], "John Ashby"),
    ([("Former Labour Chancellor Alistair Darling", "Alistair Darling", "former Labour Chancellor"),
      ("Former Tory Chancellor Kenneth Clarke", "Kenneth Clarke", "former Tory Chancellor")],
     [("Mr Darling", "Darling", "PERSON"), ("the former chancellor", "the former chancellor", "NOUN")],
     "Alistair Darling"),
    ([("Former Vice President Dick Cheney", "Dick Cheney", "former Vice President"),
      ("Former President Bill Clinton", "Bill Clinton", "former President"),
      ("Former President George W. Bush", "George W. Bush", "former President")],
     [("Cheney", "Cheney", "PERSON"), ("the former president", "the former president", "NOUN")], "former president"),
    # another office: a vice president is no 'the president'
    ([("Vice President Joe Biden", "Joe Biden", "Vice President"), ("President Barack Obama", "Barack Obama", "President"),
      ("President Bill Clinton", "Bill Clinton", "President")],
     [("Biden", "Biden", "PERSON"), ("the president", "the president", "NOUN")], "president"),
]


def _actor_in_corpus(others, article, k: int) -> str:
    """The actor's name ``resolve_actors`` gives the ``k``-th speaker of an article ``x`` in a corpus where each of
    ``others`` ((written, name, role): a person named so) speaks in an article of its own; the article's speakers
    ((written, resolved, kind)) stand 100 characters apart, a PERSON one an entity of its resolved name.
    (ROLES_NAMED_BEFORE's and DESCRIBED_SPEAKERS' corpus, one builder.)"""
    from graphkit.records import Attribution
    from graphkit.resolve import resolve_actors

    def att(written, resolved, kind, at, role=None):
        return Attribution(spans=[(at + 50, at + 60)], text="content", cue="said", speaker_text=written,
                           speaker_span=(at, at + len(written)), speaker_type=kind, resolved_text=resolved, role=role)

    atts = {f"d{i}": [att(w, n, "PERSON", 0, role)] for i, (w, n, role) in enumerate(others)}
    ents = {f"d{i}": [(n, "PERSON", len(w) - len(n), len(w))] for i, (w, n, _) in enumerate(others)}
    atts["x"] = [att(w, r, kind, 100 * i) for i, (w, r, kind) in enumerate(article)]
    ents["x"] = [(r, "PERSON", 100 * i + len(w) - len(r), 100 * i + len(w))
                 for i, (w, r, kind) in enumerate(article) if kind == "PERSON"]
    res = resolve_actors(atts, ents, {"actors": []})
    return {a.id: a for a in res.actors}[res.speaker_of[("x", k)]].name


@pytest.mark.parametrize("others,article,expected", ROLES_NAMED_BEFORE,
                         ids=[f"{k:02d}" for k in range(len(ROLES_NAMED_BEFORE))])
def test_role_is_the_speaker_named_before(others, article, expected):
    assert _actor_in_corpus(others, article, len(article) - 1) == expected


# a description of one person left no person ('the businessman said') is the one person speaker of its article the
# corpus names in that role (graphkit.merge.described_speakers, switch DESCRIBED_SPEAKER): (other articles' speakers as
# (written, name, role); the article's speakers as (written, resolved, kind); the actor expected for the article's last
# speaker; whether the row is the rule's own)
DESCRIBED_SPEAKERS = [
    # American: 'the businessman' in an article quoting a senator too, the corpus calling Ann Lee so
    ([("billionaire businessman Ann Lee", "Ann Lee", "billionaire businessman"),
      ("Senator Tom Hale", "Tom Hale", "Senator")],
     [("Ann Lee", "Ann Lee", "PERSON"), ("Tom Hale", "Tom Hale", "PERSON"),
      ("the businessman", "the businessman", "NOUN")], "Ann Lee", True),
    # British: 'the veteran broadcaster' said before she is named again
    ([("veteran broadcaster Jo Marsh", "Jo Marsh", "veteran broadcaster"),
      ("Chancellor Ken Pryce", "Ken Pryce", "Chancellor")],
     [("the veteran broadcaster", "the veteran broadcaster", "NOUN"), ("Mr Pryce", "Pryce", "PERSON"),
      ("Ms Marsh", "Marsh", "PERSON")], "Jo Marsh", True),
    # two of the article's speakers are candidates: 'the candidate' stays as written
    ([("Republican candidate Ann Lee", "Ann Lee", "Republican candidate"),
      ("Democratic candidate Tom Hale", "Tom Hale", "Democratic candidate")],
     [("the candidate", "the candidate", "NOUN"), ("Ann Lee", "Ann Lee", "PERSON"), ("Tom Hale", "Tom Hale", "PERSON")],
     "candidate", False),
    # an office left: 'the former president' of an article quoting a candidate is not that candidate
    ([("former president Ann Lee", "Ann Lee", "former president"),
      ("former president Tom Hale", "Tom Hale", "former president")],
     [("the former president", "the former president", "NOUN"), ("Ann Lee", "Ann Lee", "PERSON")],
     "former president", False),
    # one of many, not a description of one: 'a businessman' stays as written
    ([("billionaire businessman Ann Lee", "Ann Lee", "billionaire businessman")],
     [("a businessman", "a businessman", "NOUN"), ("Ann Lee", "Ann Lee", "PERSON")], "businessman", False),
]


@pytest.mark.parametrize("others,article,expected,the_rule", DESCRIBED_SPEAKERS,
                         ids=[f"{k:02d}" for k in range(len(DESCRIBED_SPEAKERS))])
def test_a_description_is_the_one_speaker_the_corpus_names_so(monkeypatch, others, article, expected, the_rule):
    from graphkit import merge

    target = [k for k, (_, _, kind) in enumerate(article) if kind == "NOUN"][0]
    assert_switched(lambda: _actor_in_corpus(others, article, target), expected, the_rule, monkeypatch, merge,
                    "DESCRIBED_SPEAKER")


@pytest.mark.parametrize("switch,reader", [("DESCRIBED_SPEAKER", "definite_description"),
                                           ("DESCRIBED_BODY", "definite_body")], ids=["person", "body"])
def test_no_description_is_read_with_the_rule_off(monkeypatch, switch, reader):
    """With DESCRIBED_SPEAKER (DESCRIBED_BODY) off the resolver reads no speaker's description of a person
    (`_Resolver.described`) or of a body (`_Resolver.bodies`), which the merge would not read; on, it reads each
    attribution's speaker once."""
    from graphkit import merge, resolve

    read = []
    description = getattr(resolve, reader)
    monkeypatch.setattr(resolve, reader, lambda text: read.append(text) or description(text))
    others, article = DESCRIBED_SPEAKERS[0][:2]
    _actor_in_corpus(others, article, 2)
    assert sorted(read) == sorted(w for w, _, _ in others + article)
    read.clear()
    monkeypatch.setattr(merge, switch, False)
    _actor_in_corpus(others, article, 2)
    assert read == []


# a body or document described by its noun alone and left so ('the fund said') is the one actor its article writes as a
# name before that noun (graphkit.merge.described_bodies, switch DESCRIBED_BODY): (the article's speakers as (written,
# resolved, kind), in a corpus quoting a senator elsewhere; which speaker; the actor expected; whether the row is the
# rule's own)
DESCRIBED_BODIES = [
    # American: 'the fund' after 'The International Monetary Fund'
    ([("The International Monetary Fund", "International Monetary Fund", "ORG"), ("the fund", "the fund", "NOUN")], 1,
     "International Monetary Fund", True),
    # British: 'the government' before the article names it in full, a person quoted between
    ([("the government", "the government", "NOUN"), ("Mr Pryce", "Pryce", "PERSON"),
      ("the Scottish government", "Scottish government", "NOUN")], 0, "Scottish government", True),
    # two campaigns written so: 'the campaign' stays as written
    ([("the Labour campaign", "Labour campaign", "NOUN"), ("the Tory campaign", "Tory campaign", "NOUN"),
      ("the campaign", "the campaign", "NOUN")], 2, "campaign", False),
    # people, not a body: 'the candidates' stays several people as written
    ([("The Republican candidates", "Republican candidates", "NOUN"), ("the candidates", "the candidates", "NOUN")], 1,
     "candidates", False),
    # a phrase whose head is another noun names no ad: 'The ad' stays as written
    ([("a narrator in the Hale ad", "narrator in the Hale ad", "NOUN"), ("The ad", "The ad", "NOUN")], 1, "ad", False),
]


@pytest.mark.parametrize("article,target,expected,the_rule", DESCRIBED_BODIES,
                         ids=[f"{k:02d}" for k in range(len(DESCRIBED_BODIES))])
def test_a_body_described_by_its_noun_is_the_one_its_article_names_so(monkeypatch, article, target, expected, the_rule):
    from graphkit import merge

    others = [("Senator Tom Hale", "Tom Hale", "Senator")]
    assert_switched(lambda: _actor_in_corpus(others, article, target), expected, the_rule, monkeypatch, merge,
                    "DESCRIBED_BODY")


# a common-noun phrase ending with a body's noun after a name is an organisation, not a group of people
# (graphkit.mentions.named_body): (the phrase as written, as the article resolved it, the actor's type)
BODIES_NAMED = [
    ("the campaign", "Sanders campaign", "organisation"),             # American
    ("The board", "Hewlett-Packard's board", "organisation"),
    ("The campaign", "Labour's campaign", "organisation"),            # British
    ("Party leaders", "Party leaders", "group"),                      # people
    ("A group of rabbis", "A group of Leeds rabbis", "group"),        # 'group' is people as often as a body
    ("the campaign", "campaign", "group"),                            # whose is not said: as before
]


@pytest.mark.parametrize("written,resolved,expected", BODIES_NAMED, ids=[f"{k:02d}" for k in range(len(BODIES_NAMED))])
def test_a_named_body_is_an_organisation(written, resolved, expected):
    from graphkit.records import Attribution
    from graphkit.resolve import resolve_actors

    a = Attribution(spans=[(50, 60)], text="content", cue="said", speaker_text=written, speaker_span=(0, len(written)),
                    speaker_type="NOUN", resolved_text=resolved)
    res = resolve_actors({"x": [a]}, {"x": []}, {"actors": []})
    assert {x.id: x for x in res.actors}[res.speaker_of[("x", 0)]].type == expected


# a given name the NER tagged alone that the article pass gave a relative's surname ("Clinton's husband, Bill") is that
# full name across the corpus too, not the given name several full names start with (graphkit.mentions.with_surname):
# (the one-word PERSON, the article pass's name for the pronoun resolved to it, the actor expected)
GIVEN_NAME_WITH_SURNAME = [
    ("Bill", "Bill Clinton", "Bill Clinton"),            # American
    ("Sarah", "Sarah Brown", "Sarah Brown"),             # British
    ("Ana", "Ana Gómez", "Ana Gómez"),                   # a surname's letters of any script
    ("Jens", "Jens Müller", "Jens Müller"),
    ("Bill", "Bill", "Bill"),                            # no surname found: kept apart, as before
    ("Jane", "Jane Foundation", "Jane"),                 # an organisation's word is no surname
]


@pytest.mark.parametrize("given,resolved,expected", GIVEN_NAME_WITH_SURNAME,
                         ids=[f"{k:02d}" for k in range(len(GIVEN_NAME_WITH_SURNAME))])
def test_a_given_name_keeps_the_surname_the_article_gave_it(given, resolved, expected):
    from graphkit.records import Attribution
    from graphkit.resolve import resolve_actors

    def att(written, stype, name, span, at):
        return Attribution(spans=[(at + 20, at + 40)], text="content", cue="said", speaker_text=written,
                           speaker_span=(at, at + len(written)), speaker_type=stype, resolved_text=name,
                           resolved_span=span)

    atts = {"x": [att("he", "PRON", resolved, (10, 10 + len(given)), 80)]}
    ents = {"x": [(given, "PERSON", 10, 10 + len(given))]}
    for k, other in enumerate([f"{given} Gates", f"{given} Hale", f"{given} Gates"]):  # other holders of the given name
        atts[f"o{k}"] = [att(other, "PERSON", other, (0, len(other)), 0)]
        ents[f"o{k}"] = [(other, "PERSON", 0, len(other))]
    res = resolve_actors(atts, ents, {"actors": []})
    assert {x.id: x for x in res.actors}[res.speaker_of[("x", 0)]].name == expected


# names a letter apart are two families across the corpus; transliterations meet in the skeleton (names.skeleton)
FUZZY_FAMILIES = [
    ("Richard Ross", "Richard Cross", False),
    ("Michael McFaul", "Michael McCaul", False),
    ("Patty Murray", "Patrick Murray", False),   # two given names of the nicknames table
    ("Reince Priebus", "Rence Priebus", True),   # a misspelt given name the table does not list
    ("Kirsten Gillibrand", "Kristen Gillibrand", True),
    ("Sergei Lavrov", "Sergey Lavrov", True),
    ("Volodymyr Zelensky", "Volodymyr Zelenskyy", True),
]


@pytest.mark.parametrize("a,b,same", FUZZY_FAMILIES, ids=[f"{k:02d}" for k in range(len(FUZZY_FAMILIES))])
def test_fuzzy_names_across_the_corpus(a, b, same):
    from graphkit.resolve import resolve_actors

    atts = {"d0": [_att(a, a)], "d1": [_att(b, b)]}
    ents = {"d0": [(a, "PERSON", 0, len(a))], "d1": [(b, "PERSON", 0, len(b))]}
    res = resolve_actors(atts, ents, {"actors": []})
    assert (res.speaker_of[("d0", 0)] == res.speaker_of[("d1", 0)]) is same


def test_an_initial_joins_no_two_given_names():
    from graphkit.resolve import resolve_actors

    names = ["Jonah Goldberg", "J.J. Goldberg", "Jeffrey Goldberg"]
    atts = {f"d{k}": [_att(n, n)] for k, n in enumerate(names)}
    ents = {f"d{k}": [(n, "PERSON", 0, len(n))] for k, n in enumerate(names)}
    res = resolve_actors(atts, ents, {"actors": []})
    assert res.speaker_of[("d0", 0)] != res.speaker_of[("d2", 0)]


# 'they' after a one-word people adjective ('the Democratic primary') has no antecedent there; after a plural, it has
THEY_AFTER = [("Democratic", "unresolved 'they'"), ("American", "unresolved 'they'"), ("Democrats", "Democrats"),
              ("Tories", "Conservative Party")]


@pytest.mark.parametrize("entity,expected", THEY_AFTER, ids=[e for e, _ in THEY_AFTER])
def test_they_is_no_adjective(entity, expected):
    from graphkit.resolve import resolve_actors

    they = _att("they", "they", at=100).model_copy(update={"speaker_type": "PRON"})
    res = resolve_actors({"x": [they]}, {"x": [(entity, "NORP", 0, len(entity))]}, {"actors": []})
    by_id = {a.id: a for a in res.actors}
    assert by_id[res.speaker_of[("x", 0)]].name == expected


# a name of two or three capitalised words starting with a given name is a person's, though spaCy mostly calls it an
# ORG, when it reads it as a PERSON at least once (graphkit.entity_types): (spaCy's labels of one surface, its type)
ORG_TYPED_PEOPLE = [
    (["ORG", "ORG", "ORG", "PERSON"], "Carly Fiorina", "person"),      # American
    (["ORG", "ORG", "PERSON"], "Theresa Villiers", "person"),         # British
    (["ORG", "ORG", "ORG"], "Carly Fiorina", "organisation"),          # never read as a person: spaCy's vote stands
    (["ORG", "ORG", "PERSON"], "Washington Post", "organisation"),     # an organisation's word
    (["ORG", "ORG", "PERSON"], "Team Trump", "organisation"),          # no given name
    (["ORG", "ORG", "PERSON"], "Jack Straw Foundation", "organisation"),
]


@pytest.mark.parametrize("labels,surface,expected", ORG_TYPED_PEOPLE,
                         ids=[f"{k:02d}" for k in range(len(ORG_TYPED_PEOPLE))])
def test_given_name_and_surname_is_a_person(labels, surface, expected):
    from graphkit.entity_types import type_entities
    from graphkit.gazetteer import Gazetteer

    ents = {f"d{k}": [(surface, lab, 0, len(surface))] for k, lab in enumerate(labels)}
    assert type_entities(ents, Gazetteer.from_dict({"actors": []}))[surface] == expected


# a one-word name that three articles or more write and none names in full with a given name is no one's surname:
# spaCy's PERSON on it ('on Twitter') gives way to its other labels (graphkit.entity_types._never_in_full):
# (spaCy's labels of the surface, one list per article; a full name an article also has; expected type)
NEVER_IN_FULL = [
    ([["PERSON", "PERSON"], ["PERSON"], ["PERSON", "ORG"]], None, "Twitter", "organisation"),     # American
    ([["PERSON"], ["PERSON", "GPE"], ["ORG"]], None, "Mumsnet", "organisation"),                    # British, a tie
    ([["PERSON"], ["PERSON"], ["PERSON", "ORG"]], "Jane Pike", "Pike", "person"),      # one article names her in full
    ([["PERSON"], ["PERSON", "ORG"]], None, "Pike", "person"),                         # two articles say too little
    ([["PERSON"], ["PERSON"], ["PERSON"]], None, "Hannity", "person"),                 # no other label to go by
    ([["PERSON"], ["PERSON"], ["PERSON", "ORG", "ORG"]], None, "Bernie", "person"),    # a given name
]


@pytest.mark.parametrize("labels,full,surface,expected", NEVER_IN_FULL, ids=[f"{k:02d}" for k in range(len(NEVER_IN_FULL))])
def test_a_name_no_article_names_in_full_is_no_person(labels, full, surface, expected):
    from graphkit.entity_types import type_entities
    from graphkit.gazetteer import Gazetteer

    ents = {f"d{k}": [(surface, lab, 10 * i, 10 * i + len(surface)) for i, lab in enumerate(labs)]
            for k, labs in enumerate(labels)}
    if full:
        ents["d0"].append((full, "PERSON", 100, 100 + len(full)))
    assert type_entities(ents, Gazetteer.from_dict({"actors": []}))[surface] == expected


# a full name whose surname other people of the corpus carry, read as persons, is a person's though spaCy mostly
# calls it an ORG (graphkit.entity_types._family_name): (other names with their labels, the surface's labels, type)
FAMILY_NAMES = [
    ([("Zeke Emanuel", "PERSON"), ("Ari Emanuel", "PERSON")], ["ORG", "ORG", "PERSON"], "Rahm Emanuel", "person"),
    ([("Boris Johnson", "PERSON"), ("Boris Johnson", "PERSON")], ["ORG", "ORG", "PERSON"], "Jo Johnson", "person"),
    ([("Gerald Ford", "PERSON")], ["ORG", "ORG", "PERSON"], "Ford Foundation", "organisation"),  # an organisation's word
    ([("Zeke Emanuel", "ORG")], ["ORG", "ORG", "PERSON"], "Rahm Emanuel", "organisation"),  # no person carries it
]


@pytest.mark.parametrize("others,labels,surface,expected", FAMILY_NAMES,
                         ids=[f"{k:02d}" for k in range(len(FAMILY_NAMES))])
def test_a_family_name_is_a_person(others, labels, surface, expected):
    from graphkit.entity_types import type_entities
    from graphkit.gazetteer import Gazetteer

    ents = {f"d{k}": [(surface, lab, 0, len(surface))] for k, lab in enumerate(labels)}
    ents.update({f"o{k}": [(name, lab, 0, len(name))] for k, (name, lab) in enumerate(others)})
    assert type_entities(ents, Gazetteer.from_dict({"actors": []}))[surface] == expected


# a party's national committee is its own body, not the party (models/short_forms.yaml); a party's short form is the
# party: (speaker phrases, each its own article, as (written, NER type); the actor expected for each)
COMMITTEES = [
    ([("the DNC", "ORG"), ("the Democratic National Committee", "ORG"), ("the Democratic Party", "ORG")],
     ["Democratic National Committee", "Democratic National Committee", "Democratic Party"]),
    ([("the RNC", "ORG"), ("the GOP", "ORG"), ("the Republican Party", "ORG")],
     ["Republican National Committee", "Republican Party", "Republican Party"]),
    ([("the Tories", "NORP"), ("the Conservative Party", "ORG"), ("the 1922 Committee", "ORG")],
     ["Conservative Party", "Conservative Party", "1922 Committee"]),
]


@pytest.mark.parametrize("phrases,expected", COMMITTEES, ids=[f"{k:02d}" for k in range(len(COMMITTEES))])
def test_a_national_committee_is_not_its_party(phrases, expected):
    from graphkit.records import Attribution
    from graphkit.resolve import resolve_actors

    atts = {f"d{k}": [Attribution(spans=[(100, 120)], text="content", cue="said", speaker_text=w, speaker_span=(0, len(w)),
                                  speaker_type=t, resolved_text=w)] for k, (w, t) in enumerate(phrases)}
    res = resolve_actors(atts, {}, {"actors": []})
    by_id = {a.id: a for a in res.actors}
    assert [by_id[res.speaker_of[(f"d{k}", 0)]].name for k in range(len(phrases))] == expected


# whoever the article calls 'he' or 'she' is a person, whatever spaCy's label on the name (graphkit.resolve.
# person_votes): (the name as written and its NER label, the pronouns resolved to it, the actor's type)
PRONOUN_PEOPLE = [
    ("Adel Nefzi", "ORG", ["He", "he"], "person"),              # American: a mosque's board member spaCy calls an ORG
    ("Siobhain McDonagh", "GPE", ["She", "she"], "person"),     # British: an MP spaCy calls a place
    ("Network Rail", "ORG", ["it", "it"], "organisation"),      # 'it' makes no person
    ("Adel Nefzi", "ORG", [], "organisation"),                  # no pronoun: spaCy's label stands
]


@pytest.mark.parametrize("name,label,pronouns,expected", PRONOUN_PEOPLE,
                         ids=[f"{k:02d}" for k in range(len(PRONOUN_PEOPLE))])
def test_a_name_the_article_calls_he_is_a_person(name, label, pronouns, expected):
    from graphkit.records import Attribution
    from graphkit.resolve import resolve_actors

    named = Attribution(spans=[(100, 120)], text="content", cue="said", speaker_text=name, speaker_span=(0, len(name)),
                        speaker_type=label, resolved_text=name, resolved_span=(0, len(name)))
    prons = [Attribution(spans=[(200 + 50 * k, 220 + 50 * k)], text="more", cue="said", speaker_text=p,
                         speaker_span=(190 + 50 * k, 190 + 50 * k + len(p)), speaker_type="PRON", resolved_text=name,
                         resolved_span=(0, len(name))) for k, p in enumerate(pronouns)]
    res = resolve_actors({"x": [named, *prons]}, {"x": [(name, label, 0, len(name))]}, {"actors": []})
    by_id = {a.id: a for a in res.actors}
    assert by_id[res.speaker_of[("x", 0)]].type == expected


# a surname that the article reads as a full name, alone or after a personal honorific, makes that name a person's
# whatever spaCy's label on it (graphkit.resolve.person_votes): (the full name as tagged or None, the surname
# mentions as (written, NER type), the actor's type)
SURNAMES_READ_AS_PEOPLE = [
    (("Tyrone Pike", "ORG"), [("Mr. Pike", "PERSON"), ("Mr. Pike", "PERSON")], "person"),   # American honorific
    (("Ruth Davidson", "ORG"), [("Ms Davidson", "PERSON")], "person"),                     # British, no full stop
    (None, [("Unruh", "ORG"), ("Unruh", "ORG")], "person"),          # a surname alone, the full name never tagged
    (("Roman Smbatyan", "NORP"), [("Smbatyan", "NORP")], "person"),
    (("Sylke Tempel", "ORG"), [], "organisation"),                   # no reading: spaCy's label stands
]


@pytest.mark.parametrize("full,mentions,expected", SURNAMES_READ_AS_PEOPLE,
                         ids=[f"{k:02d}" for k in range(len(SURNAMES_READ_AS_PEOPLE))])
def test_a_surname_read_as_a_full_name_makes_a_person(full, mentions, expected):
    from graphkit.records import Attribution
    from graphkit.resolve import resolve_actors

    name = full[0] if full else {"Unruh": "Kendal Unruh"}[mentions[0][0]]
    label = full[1] if full else "ORG"
    first = Attribution(spans=[(100, 120)], text="content", cue="said", speaker_text=name, speaker_span=(0, len(name)),
                        speaker_type=label, resolved_text=name, resolved_span=(0, len(name)))
    later = [Attribution(spans=[(200 + 50 * k, 220 + 50 * k)], text="more", cue="said", speaker_text=w,
                         speaker_span=(190 + 50 * k - len(w), 190 + 50 * k), speaker_type=t, resolved_text=name,
                         resolved_span=(0, len(name))) for k, (w, t) in enumerate(mentions)]
    ents = [(name, label, 0, len(name))] if full else []
    ents += [(w.split()[-1], t, 190 + 50 * k - len(w.split()[-1]), 190 + 50 * k) for k, (w, t) in enumerate(mentions)]
    res = resolve_actors({"x": [first, *later]}, {"x": ents}, {"actors": []})
    by_id = {a.id: a for a in res.actors}
    assert {by_id[res.speaker_of[("x", k)]].type for k in range(1 + len(mentions))} == {expected}


# what the article pass read as a surname is no person when it is written with a determiner or is a place
# ('the Post' → 'Washington Post', 'Mexico' → 'Say Mexico')
@pytest.mark.parametrize("full,label,said,said_label", [
    ("Washington Post", "ORG", "the Post", "ORG"),
    ("Evening Standard", "ORG", "The Standard", "ORG"),
    ("Say Mexico", "GPE", "Mexico", "GPE"),
])
def test_a_name_read_from_no_surname_stays_what_it_is(full, label, said, said_label):
    from graphkit.resolve import person_votes
    from graphkit.records import Attribution

    att = Attribution(spans=[(100, 120)], text="content", cue="said", speaker_text=said,
                      speaker_span=(50, 50 + len(said)), speaker_type=said_label, resolved_text=full,
                      resolved_span=(0, len(full)))
    word = said.split()[-1]
    ents = {"x": [(full, label, 0, len(full))] + [(word, said_label, 60 + 10 * k, 66 + 10 * k) for k in range(3)]}
    assert not person_votes({"x": [att, att]}, ents)


# a person's full name that ends a speaker phrase spaCy typed whole as an organisation, after words that describe the
# person (capitalised titles too), is the speaker; a name inside a phrase about something else is not
# (graphkit.mentions._name_ending): (the phrase, the name's start in it, the actor and its type)
NAMES_ENDING_PHRASES = [
    ("former Ohio Gov. and State Farm Bureau Chairman Tom Ellis", "Tom Ellis",
     ("Tom Ellis", "person")),                                                              # American
    ("Concord resident Whit Symms", "Whit Symms", ("Whit Symms", "person")),
    ("Labour MP and Shadow Chancellor John McDonnell", "John McDonnell", ("John McDonnell", "person")),  # British
    ("supporters of Democrat Hillary Clinton", "Hillary Clinton",
     ("supporters of Democrat Hillary Clinton", "organisation")),
    ("Friends of Nick Clegg", "Nick Clegg", ("Friends of Nick Clegg", "organisation")),
]


@pytest.mark.parametrize("phrase,name,expected", NAMES_ENDING_PHRASES,
                         ids=[f"{k:02d}" for k in range(len(NAMES_ENDING_PHRASES))])
def test_a_name_ending_an_organisation_phrase_is_the_speaker(phrase, name, expected):
    from graphkit.records import Attribution
    from graphkit.resolve import resolve_actors

    att = Attribution(spans=[(200, 220)], text="content", cue="said", speaker_text=phrase,
                      speaker_span=(0, len(phrase)), speaker_type="ORG", resolved_text=phrase)
    k = phrase.rfind(name)
    res = resolve_actors({"x": [att]}, {"x": [(name, "PERSON", k, k + len(name)), (phrase, "ORG", 0, len(phrase))]},
                         {"actors": []})
    a = {a.id: a for a in res.actors}[res.speaker_of[("x", 0)]]
    assert (a.name, a.type) == expected


# a web site's address speaks as an organisation, whatever the tagger calls the word
@pytest.mark.parametrize("phrase", ["GunBroker.com", "Mumsnet.com", "Factcheck.org"])
def test_a_web_address_is_an_organisation(phrase):
    from graphkit.records import Attribution
    from graphkit.resolve import resolve_actors

    att = Attribution(spans=[(200, 220)], text="content", cue="said", speaker_text=phrase,
                      speaker_span=(0, len(phrase)), speaker_type="NOUN", resolved_text=phrase)
    res = resolve_actors({"x": [att]}, {}, {"actors": []})
    assert {a.id: a for a in res.actors}[res.speaker_of[("x", 0)]].type == "organisation"


# a speaker phrase in lower case is a common noun: it takes no type from a name that folds the same elsewhere in the
# corpus ('The Candidate', a film, ORG); (the phrase, the entity elsewhere with its label, the actor's type)
COMMON_NOUNS = [
    ("the candidate", ("The Candidate", "ORG"), "role"),            # American
    ("the chancellor", ("The Chancellor", "ORG"), "role"),          # British
    ("the friends", ("Friends", "ORG"), "group"),                   # a sitcom's name is no organisation of friends
    ("the State Department", ("State Department", "ORG"), "organisation"),  # a name keeps its type
]


@pytest.mark.parametrize("phrase,entity,expected", COMMON_NOUNS, ids=[f"{k:02d}" for k in range(len(COMMON_NOUNS))])
def test_a_common_noun_takes_no_name_type(phrase, entity, expected):
    from graphkit.records import Attribution
    from graphkit.resolve import resolve_actors

    att = Attribution(spans=[(100, 120)], text="content", cue="said", speaker_text=phrase,
                      speaker_span=(0, len(phrase)), speaker_type="NOUN", resolved_text=phrase)
    ents = {"other": [(entity[0], entity[1], 0, len(entity[0]))] * 3}
    res = resolve_actors({"x": [att], "other": []}, ents, {"actors": []})
    by_id = {a.id: a for a in res.actors}
    assert by_id[res.speaker_of[("x", 0)]].type == expected


# a capitalised surname the tagger misread, as an adjective or a verb as well as a common noun ('Trump, later alleging
# ... that President Obama wanted ..., said he would'; 'Ebeling reminisced': both ADJ on PolNeAR), is the surname of
# the full name the article gave before it: a subject a later 'he' / 'she' may stand for
MISREAD_SURNAMES = [
    ("Donald Trump spoke on Monday. Trump said he would win.", "Trump", "ADJ", True),
    ("Nigel Farage spoke in Kent. Farage said he would stand.", "Farage", "VERB", True),
    ("Betsy Ebeling walked on. Ebeling said she could not.", "Ebeling", "NOUN", True),
    ("Donald Trump spoke on Monday. Trump said he would win.", "Trump", "PROPN", False),  # read right: no misreading
    ("Lisa Green spoke. Green said so. The green party agreed.", "Green", "ADJ", False),  # the article says 'green'
]


@pytest.mark.parametrize("text,word,pos,expected", MISREAD_SURNAMES, ids=[f"{k:02d}" for k in range(len(MISREAD_SURNAMES))])
def test_a_misread_surname_is_a_subject_whatever_its_tag(nlp, text, word, pos, expected):
    from graphkit.speakers import SpeakerResolver

    doc = nlp(text)
    t = [x for x in doc if x.text == word][-1]
    t.pos_, t.ent_type_ = pos, "ORG"  # as the tagger and the NER read 'Trump' in PolNeAR's sentence
    assert SpeakerResolver(doc).misread_surname(t) is expected


FIRST_ALONE = [
    # text, the words asked in that order, where the article first writes each alone (None: never)
    ("Carly Fiorina spoke on Monday. Fiorina said so. Clinton agreed. Fiorina added more.",
     ["clinton", "fiorina", "carly", "monday"], [48, 31, None, None]),
    ("Carly Fiorina spoke on Monday. Fiorina said so. Clinton agreed. Fiorina added more.",
     ["fiorina", "monday", "clinton", "carly"], [31, None, 48, None]),
]


@pytest.mark.parametrize("text,words,expected", FIRST_ALONE, ids=[f"{k:02d}" for k in range(len(FIRST_ALONE))])
def test_where_a_surname_is_first_written_alone_whatever_is_asked_first(nlp, text, words, expected):
    """`SpeakerResolver.first_alone` reads the Doc once for every word (`_subjects_alone`): each word's answer is its
    own first use, whichever word was asked before it; a word inside a full name ('Carly') or no subject is never."""
    from graphkit.speakers import SpeakerResolver

    res = SpeakerResolver(nlp(text))
    assert [res.first_alone(w) for w in words] == expected


# --------------------------------------------------------------------------- names with a quoted nickname

def _doc(nlp, words, pos, ents):
    """A Doc built by hand: ``words`` (a space after each but around a hyphen), ``pos`` (one tag a word, 'PROPN'
    where None), ``ents`` as (start, end, label) token spans."""
    spaces = [words[k] != "-" and words[k + 1:k + 2] != ["-"] for k in range(len(words))]
    return parsed(words, spaces=spaces, pos=[p or "PROPN" for p in pos], ents=ents, vocab=nlp.vocab)


NICKNAME_ENTITIES = [
    # American: the NER stops inside the quote ('Robert C. "Bobby') and leaves the surname out
    (["Robert", "C.", '"', "Bobby", '"', "Scott", "threw", "his", "support"],
     [None, None, "PUNCT", None, "PUNCT", None, "VERB", "PRON", "NOUN"], [(0, 4, "PERSON")],
     [('Robert C. " Bobby " Scott', "PERSON")]),
    # ... and types the surname after the closing quote an organisation ('Marine John “Tig' + 'Tiegen')
    (["Marine", "John", "“", "Tig", "”", "Tiegen", "found", "it"],
     [None, None, "PUNCT", None, "PUNCT", None, "VERB", "PRON"], [(0, 4, "PERSON"), (5, 6, "ORG")],
     [("Marine John “ Tig ” Tiegen", "PERSON")]),
    # British: the entity ends on the opening quote ('Edward “') or on the closing one ('Nicholas 'Fatty'')
    (["Edward", "“", "Teddy", "”", "Taylor", "said", "no"], [None, "PUNCT", None, "PUNCT", None, "VERB", "INTJ"],
     [(0, 2, "PERSON")], [("Edward “ Teddy ” Taylor", "PERSON")]),
    (["Sir", "Nicholas", "'", "Fatty", "'", "Soames", "said", "no"],
     [None, None, "PUNCT", None, "PUNCT", None, "VERB", "INTJ"], [(0, 5, "PERSON")],
     [("Sir Nicholas ' Fatty ' Soames", "PERSON")]),
    # ... or tags the given name alone and the rest a work of art; a hyphenated surname is whole
    (["Veteran", "campaigner", "Edward", "“", "Teddy", "”", "Taylor", "found", "the", "treaty"],
     ["NOUN", "NOUN", None, "PUNCT", None, "PUNCT", None, "VERB", "DET", "NOUN"], [(2, 3, "PERSON"), (4, 10, "WORK_OF_ART")],
     [("Edward “ Teddy ” Taylor", "PERSON")]),
    (["Former", "Labour", "MP", "Robert", "“", "Bob", "”", "Marshall", "-", "Andrews", "found", "it"],
     ["ADJ", None, None, None, "PUNCT", None, "PUNCT", None, "PUNCT", None, "VERB", "PRON"], [(3, 7, "PERSON")],
     [("Robert “ Bob ” Marshall-Andrews", "PERSON")]),
    # a listed given name before the quote makes a person of a name the NER typed an organisation
    (["Former", "SAS", "soldier", "Andy", "“", "Mac", "”", "McNab", "found"],
     ["ADJ", None, "NOUN", None, "PUNCT", None, "PUNCT", None, "VERB"], [(1, 2, "ORG"), (3, 8, "ORG")],
     [("SAS", "ORG"), ("Andy “ Mac ” McNab", "PERSON")]),
    # two nicknames in one name are one name (found at each quote); the NER's longer person is never cut short
    (["John", '"', "Jack", '"', "Smith", '"', "Junior", '"', "Jones", "said"],
     [None, "PUNCT", None, "PUNCT", None, "PUNCT", None, "PUNCT", None, "VERB"], [(0, 4, "PERSON")],
     [('John " Jack " Smith " Junior " Jones', "PERSON")]),
    (["Andy", "“", "Mac", "”", "McNab", "“", "Bravo", "”", "Two", "said"],
     [None, "PUNCT", None, "PUNCT", None, "PUNCT", None, "PUNCT", None, "VERB"], [(0, 9, "PERSON")],
     [("Andy “ Mac ” McNab “ Bravo ” Two", "PERSON")]),
    # unchanged: an organisation's quoted letter; a name written whole; a quotation after a possessive; an apostrophe
    (["Toys", '"', "R", '"', "Us", "said", "no"], [None, "PUNCT", None, "PUNCT", None, "VERB", "INTJ"],
     [(0, 5, "ORG")], [('Toys " R " Us', "ORG")]),
    (["Juan", '"', "Chico", '"', "Manriquez", "carried", "one"], [None, "PUNCT", None, "PUNCT", None, "VERB", "NUM"],
     [(0, 5, "PERSON")], [('Juan " Chico " Manriquez', "PERSON")]),
    (["Trump", "’s", "‘", "Incredibly", "Hateful", "Rhetoric", "’", "was", "wrong"],
     [None, "PART", "PUNCT", "ADV", "ADJ", None, "PUNCT", "AUX", "ADJ"], [(0, 4, "PERSON")],
     [("Trump ’s ‘ Incredibly", "PERSON")]),
    (["Bernie", "Sanders", "'", "appeal", "in", "Iowa", "City"], [None, None, "PART", "NOUN", "ADP", None, None],
     [(0, 3, "PERSON"), (5, 7, "GPE")], [("Bernie Sanders '", "PERSON"), ("Iowa City", "GPE")]),
    # a quoted title after a name is no nickname: no surname follows its closing quote
    (["Tony", "Blair", "“", "Sorry", "”", "."], [None, None, "PUNCT", "INTJ", "PUNCT", "PUNCT"], [(0, 4, "PERSON")],
     [("Tony Blair “ Sorry", "PERSON")]),
]


@pytest.mark.parametrize("words,pos,ents,expected", NICKNAME_ENTITIES, ids=[f"{k:02d}" for k in range(len(NICKNAME_ENTITIES))])
def test_a_quoted_nickname_is_inside_the_name(nlp, words, pos, ents, expected):
    """`graphkit.doc_entities.join_quoted_nicknames`: a person entity cut at a quoted nickname runs to the surname."""
    from graphkit.doc_entities import join_quoted_nicknames

    doc = join_quoted_nicknames(_doc(nlp, words, pos, ents))  # words joined by one space each
    assert [(e.text.strip(), e.label_) for e in doc.ents] == expected
    assert [(e.text.strip(), e.label_) for e in join_quoted_nicknames(doc).ents] == expected  # idempotent


# --------------------------------------------------------------------------- a person's gender, as the article says it

GENDER_IN_THE_ARTICLE = [
    # a subject pronoun in the person's relative clause, past an object pronoun that is someone else ('him')
    ("The best line about him came from student Deja Stewart, who laughed when she called him a wild grandfather.",
     "Deja Stewart", "female"),
    # the pronouns up to a noun that brings in someone of a gender ('her husband -- praising him, his record')
    ("Nancy Reagan is best known for her loyalty to her husband -- praising him, guarding his record, shielding him.",
     "Nancy Reagan", "female"),
    ("Cherie Blair will be remembered for her loyalty to her husband, defending him, polishing his record and "
     "protecting him.", "Cherie Blair", "female"),
    # a noun the article names the person with
    ("Several aides, and his wife, Jane O'Meara, joined the meeting.", "Jane O'Meara", "female"),
    ("Among the guests at Chequers was his wife, Sarah Brown, who had flown in.", "Sarah Brown", "female"),
    # no vote: a pronoun on the other side of a quotation mark; a pronoun past a noun of a gender ('wife'); a
    # sentence about a pronoun's person
    ("“Barry Goldwater would hate this party,” she said.", "Barry Goldwater", None),
    ("“Enoch Powell would not recognise it,” she said.", "Enoch Powell", None),
    # the same with a low opening mark („, graphkit.quotes: the quotation marks' one home)
    ("„Barry Goldwater would hate this party,” she said.", "Barry Goldwater", None),
    ("„Enoch Powell would not recognise it,” she said.", "Enoch Powell", None),
    ("Donald Trump's wife said her husband would win.", "Donald Trump", None),
    ("Tony Blair's wife said her husband had been right.", "Tony Blair", None),
    ("She made Oscar de la Renta famous and wore her best gowns to every dinner.", "Oscar de la Renta", None),
]


@pytest.mark.parametrize("text,name,expected", GENDER_IN_THE_ARTICLE,
                         ids=[f"{k:02d}" for k in range(len(GENDER_IN_THE_ARTICLE))])
def test_a_persons_gender_is_what_the_article_says(nlp, text, name, expected):
    """`SpeakerResolver.gender_of` from the article alone (graphkit.gender): each case gave the other gender, or
    none, before the article's own pronoun chains and nouns were read so."""
    from graphkit.speakers import SpeakerResolver

    assert SpeakerResolver(nlp(text)).gender_of(name) == expected


@pytest.mark.parametrize("pronouns,asked,fits", [
    (["he", "he", "he"], "she", False),       # three 'he' resolved to him: a later 'she' is not his
    (["He", "he", "he", "she"], "she", True),  # three to one is short of four in five: no gender said
    (["he"], "she", True),                     # one answer of the pass, maybe wrong, says nothing yet
    (["she", "she", "she"], "he", False),
    (["she", "she", "she"], "she", True),
])
def test_the_pronouns_given_a_person_say_their_gender_to_later_pronouns(nlp, pronouns, asked, fits):
    """`SpeakerResolver.note_pronoun` / `pronoun_fits`: the pass's own pronoun answers are its last word on a name's
    gender, for pronouns only: an honorific's choice between full names (`gender_of`) never reads them."""
    from graphkit.speakers import SpeakerResolver

    res = SpeakerResolver(nlp("Gordon Brown spoke in Kirkcaldy. Bernie Sanders spoke in Iowa."))
    for p in pronouns:
        res.note_pronoun(p, "Gordon Brown")
    assert res.pronoun_fits(asked, "Gordon Brown") is fits
    assert res.gender_of("Gordon Brown") is None


@pytest.mark.parametrize("text,expected", [
    ("Dr. Smith spoke first. Donald J. Smith ran the firm. Freddy Smith, a pilot, flew planes. Dr. Smith said the "
     "firm was sound.", "Donald J. Smith"),
    ("Dr Brown spoke first. Gordon Alan Brown ran the firm. Andrew Brown, a pilot, flew planes. Dr Brown said the "
     "firm was sound.", "Gordon Alan Brown"),
])
def test_an_honorific_form_written_first_at_the_very_start_still_counts(nlp, text, expected):
    """`ArticleNames.full_name` ranks a later 'Dr Smith' as of the first one (`first_handle`) also when the running
    text opens with it (character 0, which an `or` once read as 'never written'): no full name was written before,
    so neither brother is the one it stood for by position, and the later-named one does not win for being latest."""
    from graphkit.article_names import ArticleNames

    names = ArticleNames(nlp(text))
    at = text.rindex("Dr")
    mention = text[at:text.index(" said", at)]
    assert names.first_handle(mention.split()[0], mention.split()[1].lower()) == 0
    assert names.full_name(mention, (at, at + len(mention)))[0] == expected


# a body named by whose it is is one actor per owner and body across the corpus, the owner's name read as a person's
# (graphkit.merge.body_owner_merges): (articles, each as (the body as written, the person the article names in full
# or None), the indexes of two of them, whether they are one actor)
BODIES_BY_OWNER = [
    # American: the full name, the surname and the honorific form of one owner
    ([("Ann Reed's campaign", "Ann Reed"), ("Reed's campaign", None), ("Mrs. Reed's campaign", None)], 0, 1, True),
    ([("Ann Reed's campaign", "Ann Reed"), ("Reed's campaign", None), ("Mrs. Reed's campaign", None)], 0, 2, True),
    ([("Gov. Ann Reed's campaign", "Ann Reed"), ("Reed's campaign", None)], 0, 1, True),
    # British: no full stop, an office
    ([("Tom Hale's office", "Tom Hale"), ("Mr Hale's office", None)], 0, 1, True),
    # two people of the surname, the article naming neither: kept apart, not guessed
    ([("Ann Reed's campaign", "Ann Reed"), ("Bob Reed's campaign", "Bob Reed"), ("Reed's campaign", None)], 0, 2, False),
    ([("Ann Reed's campaign", "Ann Reed"), ("Bob Reed's campaign", "Bob Reed")], 0, 1, False),
    # an article naming the other holder in full reads the surname as that one
    ([("Ann Reed's campaign", "Ann Reed"), ("Bob Reed's campaign", "Bob Reed"), ("Reed's campaign", "Bob Reed")],
     1, 2, True),
    # a by-name draft written of two owners is neither's destination (the reviewer's case)
    ([("Ann Reed's campaign", "Ann Reed"), ("Reed's campaign", "Ann Reed"), ("Reed's campaign", "Ann Reed"),
      ("Reed's campaign", "Bob Reed")], 0, 3, False),
    ([("Ann Reed's campaign", "Ann Reed"), ("Reed's campaign", "Ann Reed"), ("Reed's campaign", "Ann Reed"),
      ("Reed's campaign", "Bob Reed")], 0, 1, True),
    # another body of the same owner, and people of a body, stay apart
    ([("Ann Reed's campaign", "Ann Reed"), ("Reed's office", None)], 0, 1, False),
    ([("Ann Reed's campaign", "Ann Reed"), ("leaders of the Reed campaign", None)], 0, 1, False),
]


@pytest.mark.parametrize("articles,i,j,same", BODIES_BY_OWNER, ids=[f"{k:02d}" for k in range(len(BODIES_BY_OWNER))])
def test_a_body_is_one_actor_per_owner(articles, i, j, same):
    from graphkit.records import Attribution
    from graphkit.resolve import resolve_actors

    atts, ents = {}, {}
    for k, (written, person) in enumerate(articles):
        body = Attribution(spans=[(200, 220)], text="content", cue="said", speaker_text=written,
                           speaker_span=(100, 100 + len(written)), speaker_type="NOUN", resolved_text=written)
        atts[f"d{k}"], ents[f"d{k}"] = [body], []
        if person:  # the article names the owner in full as a speaker first
            atts[f"d{k}"].insert(0, Attribution(spans=[(40, 60)], text="content", cue="said", speaker_text=person,
                                                speaker_span=(0, len(person)), speaker_type="PERSON",
                                                resolved_text=person))
            ents[f"d{k}"] = [(person, "PERSON", 0, len(person))]
    res = resolve_actors(atts, ents, {"actors": []})
    last = {k: len(atts[f"d{k}"]) - 1 for k in range(len(articles))}
    assert (res.speaker_of[(f"d{i}", last[i])] == res.speaker_of[(f"d{j}", last[j])]) is same, \
        {a.id: a.name for a in res.actors}


# the body is named by its owner's full name, whatever form most mentions wrote: (articles as above, the name expected
# of the first one's actor)
BODY_NAMES = [
    ([("Ann Reed's campaign", "Ann Reed"), ("Reed's campaign", None), ("Reed's campaign", None),
      ("Mrs. Reed's campaign", None)], "Ann Reed's campaign"),               # American: most wrote the surname
    ([("Mr Hale's office", "Tom Hale"), ("Hale's office", None)], "Tom Hale's office"),   # British
    ([("Reed's campaign", None), ("Reed's campaign", None)], "Reed's campaign"),  # no full name: as written
    # a word that is only a first name of the corpus is no owner ('Supreme' of a 'Supreme Court' taken for a person)
    ([("Supreme court", "Supreme Court"), ("Supreme court", None)], "Supreme court"),
    # the owner's word only a first name of a person the article names ('Crown' of a 'Crown Vale'): no owner
    ([("Crown court", "Crown Vale")], "Crown court"),
    # the person the owner's word is the surname of holds an organisation's word (a NER 'Hale Times'): no owner
    ([("Times newspaper", "Hale Times")], "Times newspaper"),
]


@pytest.mark.parametrize("articles,expected", BODY_NAMES, ids=[f"{k:02d}" for k in range(len(BODY_NAMES))])
def test_a_body_is_named_by_its_owner(articles, expected):
    from graphkit.records import Attribution
    from graphkit.resolve import resolve_actors

    atts, ents = {}, {}
    for k, (written, person) in enumerate(articles):
        body = Attribution(spans=[(200, 220)], text="content", cue="said", speaker_text=written,
                           speaker_span=(100, 100 + len(written)), speaker_type="NOUN", resolved_text=written)
        atts[f"d{k}"], ents[f"d{k}"] = [body], []
        if person:
            atts[f"d{k}"].insert(0, Attribution(spans=[(40, 60)], text="content", cue="said", speaker_text=person,
                                                speaker_span=(0, len(person)), speaker_type="PERSON",
                                                resolved_text=person))
            ents[f"d{k}"] = [(person, "PERSON", 0, len(person))]
    res = resolve_actors(atts, ents, {"actors": []})
    by_id = {a.id: a for a in res.actors}
    assert by_id[res.speaker_of[("d0", len(atts["d0"]) - 1)]].name == expected


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


#: the fiftieth pass's rows of one shape: (the module, its switch, the rows)
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


# one person the article does not name ('a' / 'an' / 'one' / 'another' and a singular noun whose most frequent sense is
# a person: models/person_nouns.txt) is an anonymous source of that article, never a group merged across the corpus;
# a 'he' / 'she' the article pass gave that person is the same source (graphkit.speaker_types.one_unnamed_person,
# graphkit.mentions.one_of_many, graphkit.actor_names.anonymous_antecedent): (articles, per claim in order the speaker
# as written, the actor's name and type), American and British
def _resolved(texts: list[str], titles: list[str] | None = None):
    """These articles (one text each, with its title if given) extracted and their actors resolved with an empty
    gazetteer: (each article's attributions by doc id, the resolution)."""
    from graphkit.parsing import extract_documents
    from graphkit.records import Document
    from graphkit.resolve import resolve_actors

    docs = [Document(id=f"d{i}", path=f"d{i}.txt", text=t, sha256="0" * 64, format="txt",
                     title=titles[i] if titles else None) for i, t in enumerate(texts)]
    exs = list(extract_documents(docs))
    atts = {ex.doc_id: [it.attribution for it in ex.items] for ex in exs}
    return atts, resolve_actors(atts, {ex.doc_id: [tuple(e) for e in ex.entities] for ex in exs}, {"actors": []})


def resolved_speakers(texts: list[str], titles: list[str] | None = None) -> list[tuple[str, str, str, str]]:
    """Each claim's speaker of these articles (`_resolved`) as (phrase as written, actor name, actor type, actor id),
    article by article in order."""
    atts, res = _resolved(texts, titles)
    by_id = {a.id: a for a in res.actors}
    return [(a.speaker_text, by_id[res.speaker_of[(d, i)]].name, by_id[res.speaker_of[(d, i)]].type,
             res.speaker_of[(d, i)]) for d in sorted(atts) for i, a in enumerate(atts[d])]


ONE_UNNAMED_PERSON = [
    (["A neighbor came in and said the family had been taken away."],
     [("A neighbor", "neighbor", "anonymous")]),                                                          # American
    (["“We will vote for him,” one voter in Des Moines said."],
     [("one voter in Des Moines", "one voter in Des Moines", "anonymous")]),
    (["A shopkeeper in Leeds said the new tax was unfair."],
     [("A shopkeeper in Leeds", "shopkeeper in Leeds", "anonymous")]),                                     # British
    # the pronoun the article pass gave the anonymous person: the same source, not a person named 'reporter'
    (["A reporter for the BBC called it “chaos.” “We saw people running,” he said."],
     [("A reporter for the BBC", "reporter for the BBC", "anonymous"), ("he", "reporter for the BBC", "anonymous")]),
    (["“It was chaos,” a reporter for the paper said. “We saw people running,” he said."],
     [("a reporter", "reporter", "anonymous"), ("he", "reporter", "anonymous")]),
    # a subject that is one unnamed person, then her words
    (["One woman raised in Lima never knew it until last spring. “I am afraid,” she said."],
     [("she", "one woman", "anonymous")]),
    # one source per article: two articles' friends are two people
    (["A friend said the race was close.", "A friend said the vote was rigged."],
     [("A friend", "friend", "anonymous"), ("A friend", "friend", "anonymous")]),
    # controls: a plural is a group, a document no person, a person named in apposition that person
    (["The neighbours said the family had left."], [("The neighbours", "neighbours", "group")]),
    (["A new poll found that voters were tired."], [("A new poll", "new poll", "group")]),
    (["Another critic, Laurence Tribe, said the rules were wrong."], [("Another critic", "Laurence Tribe", "person")]),
]


@pytest.mark.parametrize("texts,expected", ONE_UNNAMED_PERSON, ids=[f"{k:02d}" for k in range(len(ONE_UNNAMED_PERSON))])
def test_one_unnamed_person_is_an_anonymous_source(texts, expected):
    got = resolved_speakers(texts)
    assert [g[:3] for g in got] == expected
    assert len({g[3] for g in got}) == len(texts)  # one source per article, the same for its pronoun


#: one member of a people or party the article does not name (speaker_types.one_member): an anonymous source of
#: its article, never the party; each speaker as (phrase as written, actor name, actor type)
ONE_MEMBER = [
    (["“Trump will lose,” said a New Hampshire Republican."],                                            # American
     [("a New Hampshire Republican", "New Hampshire Republican", "anonymous")]),
    (["One Democrat familiar with the talks said the deal was dead."],
     [("One Democrat familiar with the talks", "one Democrat familiar with the talks", "anonymous")]),
    (["One Tory said the tax was unfair."], [("One Tory", "one Tory", "anonymous")]),                    # British
    # controls: the plural is the group, after 'a few' too; a person named in apposition is that person
    (["Republicans said the deal was dead."], [("Republicans", "Republicans", "group")]),
    (["A few Republicans said the deal was dead."], [("A few Republicans", "few Republicans", "group")]),
    (["One Democrat, Ann Lee, said the deal was dead."], [("One Democrat", "Ann Lee", "person")]),
]


@pytest.mark.parametrize("texts,expected", ONE_MEMBER, ids=[f"{k:02d}" for k in range(len(ONE_MEMBER))])
def test_one_member_of_a_party_is_an_anonymous_source(texts, expected):
    assert [g[:3] for g in resolved_speakers(texts)] == expected


#: 'another' brings in a second source: never the one 'a' brought in with the same words
#: (speaker_kinds._counted, as actor_names.anonymous_name keeps the word)
ANOTHER = [
    ["“Trump will lose,” said a New Hampshire Republican. “Polls mislead,” another New Hampshire Republican "
     "said."],                                                                                          # American
    ["A Downing Street spokesman said the tax would stay. Another Downing Street spokesman said the vote was "
     "rigged."],                                                                                        # British
]


@pytest.mark.parametrize("texts", ANOTHER, ids=["party", "spokesman"])
def test_another_is_a_second_anonymous_source(texts):
    got = resolved_speakers(texts)
    assert [g[2] for g in got] == ["anonymous", "anonymous"]
    assert got[1][1].startswith("another ") and got[0][3] != got[1][3]


#: (the first word of an anonymous source's phrase, the word a spokesperson's name keeps or None, the anonymous
#: source's name of "WORD spokesman"): one rule (mentions.counted_word) for an anonymous source's name
#: (actor_names.anonymous_name) and a spokesperson's (speaker_kinds._counted, which read an all-capitals headline's
#: 'ANOTHER' as 'another')
COUNTED_WORDS = [
    ("another", "another", "another spokesman"),
    ("Another", "another", "another spokesman"),
    ("ANOTHER", "ANOTHER", "ANOTHER spokesman"),
    ("One", "one", "one spokesman"),
    ("several", "several", "several spokesman"),
    ("A", None, "spokesman"),
    ("The", None, "spokesman"),
    ("Labour", None, "Labour spokesman"),
]


@pytest.mark.parametrize("word,kept,name", COUNTED_WORDS, ids=[w for w, *_ in COUNTED_WORDS])
def test_an_anonymous_sources_count_word_is_kept_by_one_rule(word, kept, name):
    import spacy

    from graphkit.actor_names import anonymous_name
    from graphkit.speaker_kinds import _counted

    assert _counted(spacy.blank("en")(f"{word} spokesman")[0]) == (f"{kept} " if kept else "")
    assert anonymous_name(f"{word} spokesman") == name


#: 'the man', 'The witness', 'the retired neurosurgeon': one person described, not named
#: (speaker_types.definite_person)
#: each speaker as (phrase as written, actor name, actor type)
DEFINITE_PERSON = [
    # the one person not named the article brought in with the same noun: that anonymous source       # American
    (["A man in the crowd interrupted the senator. “They sold us out,” the man shouted."],
     [("the man", "man", "anonymous")]),
    # British
    (["A shopkeeper stopped the minister in Leeds on Saturday. “The tax is unfair,” the shopkeeper said."],
     [("the shopkeeper", "shopkeeper", "anonymous")]),
    # ... and the 'he' after it: the same source, not the person the sentence names
    (["A partner at the firm met Tom Hale. The solution, the partner told him, was simple. "
      "“Buy index funds,” he said."],
     [("the partner", "partner", "anonymous"), ("he", "partner", "anonymous")]),
    # none brought in: the person the sentence before is about, as for an office
    (["Ben Carson spoke in Ohio on Monday. “We must listen,” the retired neurosurgeon said."],
     [("the retired neurosurgeon", "Ben Carson", "person")]),
    (["Gordon Brown spoke in Leeds on Monday. “The tax will stay,” the former banker said."],
     [("the former banker", "Gordon Brown", "person")]),
    # no one at all: an anonymous source of its own article, two articles' witnesses two people
    (["The witness said the order came from the top.", "The witness said the vote was rigged."],
     [("The witness", "witness", "anonymous"), ("The witness", "witness", "anonymous")]),
    # ... who takes no later 'he' (it may be someone named before): the 'he' is the person named
    (["Tom Hale was born in Leeds in 1950. His company grew fast in the 1990s. Sales rose. “We won,” the "
      "businessman said. “We will keep winning,” he said."],
     [("the businessman", "businessman", "anonymous"), ("he", "Tom Hale", "person")]),
    # ... met again for its second claim, still no one brought in: the 'he' stays the person named
    (["Tom Hale was born in Leeds in 1950. His company grew fast in the 1990s. Sales rose. The businessman said the "
      "plan was dead and said the vote was rigged. “We will keep winning,” he said."],
     [("The businessman", "businessman", "anonymous"), ("The businessman", "businessman", "anonymous"),
      ("he", "Tom Hale", "person")]),
    # someone the article named in that role is that person (ArticleNames.by_role), not whom the sentence before
    # is about
    (["Actress Ann Lee met Tom Hale on Monday. Tom Hale spoke first. The actress said the vote was rigged."],
     [("The actress", "Ann Lee", "person")]),
    # a name, place or body qualifying it: only someone named with it, never whom the sentence before is about
    (["Tom Hale spoke in Leeds on Monday. “Vote for change,” the ad's narrator said."],
     [("the ad's narrator", "ad's narrator", "anonymous")]),
    (["Tom Hale spoke in Nepal on Monday. The Everest guide said the road was shut."],
     [("The Everest guide", "Everest guide", "anonymous")]),
    # two people joined: as written, not one of them
    (["Tom Hale spoke in Leeds on Monday. The businessman and the senator said the plan was dead."],
     [("The businessman and the senator", "businessman and the senator", "role")]),
    # a person named in apposition to the noun in apposition is the man (appositions.person_in_apposition; it
    # was the phrase as written before -65), never the man the sentence before is about
    (["Jessie Elkins spoke first. The other man, his cousin Ed Lee, said the vote was rigged."],
     [("The other man", "Ed Lee", "person")]),
    # ... in any of its appositions, not the first alone (appositions.named_in_apposition): 'The other man, 45,'
    # was the man the sentence before is about
    (["Jessie Elkins spoke first. The other man, 45, his cousin Ed Lee, said the vote was rigged."],
     [("The other man", "other man", "group")]),
    # ... and an anonymous spokesperson so named is no one a later 'he' stands for (speaker_kinds._one_anonymous_person)
    (["A Downing Street spokesman, 45, Tom Hale, said the plan was dead. “We will vote no,” he said."],
     [("A Downing Street spokesman", "Downing Street spokesman", "anonymous"), ("he", "Tom Hale", "person")]),
    # control: a plural is a group
    (["The men said the vote was rigged."], [("The men", "men", "group")]),
    # someone new (Antecedents._about): not a name deeper in the sentence before than its main clause,
    (["A television ad asked whether Tom Hale was ready to lead. “It is 3 a.m.,” the announcer said."],
     [("A television ad", "television ad", "group"), ("the announcer", "announcer", "anonymous")]),
    # ... not whom its own sentence's main clause names (the same person again would be 'he'),           # British
    (["Tom Hale spoke in Leeds on Monday. “Sit down,” he said as the heckler shouted that he was a fraud."],
     [("he", "Tom Hale", "person"), ("the heckler", "heckler", "anonymous")]),
    # a place, body or people qualifying it (typed so): whom the sentence before is about (_qualified_person)
    (["Donald Trump spoke in Ohio on Monday. “Trade deals cost jobs,” the New York businessman said."],   # American
     [("the New York businessman", "Donald Trump", "person")]),
    (["Alan Sugar spoke in Leeds on Monday. “Trade deals cost jobs,” the London businessman said."],         # British
     [("the London businessman", "Alan Sugar", "person")]),
    # ... never when a name of the article's people qualifies it: someone of theirs (_of_someone)
    # (a known miss: one supporter of Christie is an anonymous person, as "the ad's narrator" is; the actor pass
    # types the name an organisation)
    pytest.param(["Chris Christie held a town hall. Ann Lee spoke first. The Christie supporter said the vote was "
                  "rigged."], [("The Christie supporter", "Christie supporter", "anonymous")],
                 marks=pytest.mark.xfail(strict=True, reason="known miss: the actor pass types 'Christie supporter' "
                                                             "an organisation, not an anonymous person")),
    # ... nor when a possessor does: a driver is a person the article does not name, an anonymous source as "the ad's
    # narrator" is, not the party of his possessor ('Labour', whose label the type does not read:
    # `speaker_types.owners_labels`); that it is not Tom Hale is asked below, `NOT_THE_PERSON_BEFORE`
    (["Tom Hale spoke in Leeds on Monday. “The road is shut,” the Labour leader's driver said."],
     [("the Labour leader's driver", "Labour leader's driver", "anonymous")]),
    # control: a name of a clause below its own sentence's main one is whom it describes
    (["Though Tom Hale would not name his choice, the businessman said the senator would lose."],
     [("Tom Hale", "Tom Hale", "person"), ("the businessman", "Tom Hale", "person")]),
]


@pytest.mark.parametrize("texts,expected", DEFINITE_PERSON, ids=[f"{k:02d}" for k in range(len(DEFINITE_PERSON))])
def test_a_definite_person_noun_is_the_person_described(texts, expected):
    got = resolved_speakers(texts)
    assert [g[:3] for g in got] == expected
    if len(texts) > 1:  # one source per article
        assert len({g[3] for g in got}) == len(texts)


#: (text, the person the sentence before is about): a description a possessor qualifies is someone of theirs, never
#: that person (speaker_kinds._of_someone), whatever type its actor is given (the driver's row above is a known miss
#: of its type)
NOT_THE_PERSON_BEFORE = [
    ("Tom Hale spoke in Leeds on Monday. “The road is shut,” the Labour leader's driver said.", "Tom Hale"),
    # control: a possessor with no name in it; the phrase is read as a description of its own (not the qualified
    # path), so this row passes with _of_someone's possessor test off too
    ("Tom Hale spoke in Leeds on Monday. “The road is shut,” the senator's driver said.", "Tom Hale"),
]


@pytest.mark.parametrize("text,person", NOT_THE_PERSON_BEFORE, ids=[t.split("” ")[1] for t, _ in NOT_THE_PERSON_BEFORE])
def test_a_description_a_possessor_qualifies_is_not_the_person_before(text, person):
    assert [g[1] for g in resolved_speakers([text])] != [person]


#: (text, the last claim's speaker as resolved): a definite description is the person the sentence before is about when
#: the roles the article gave that person are its office written with other words, words that say where, whose or how
#: long ('Former Texas Gov. X' for 'the former three-term governor'); not when an office word differs ('vice', 'former':
#: graphkit.merge.same_office, ArticleNames.other_office)
ONE_OFFICE_OTHER_WORDS = [
    ("Former Texas Gov. Ann Reed endorsed Tom Hale on Sunday. “He is a true conservative,” Reed said. "  # American
     "The former three-term governor rejected the claim that Hale was weak.", "Ann Reed"),
    ("Former Texas Gov. Ann Reed endorsed Tom Hale on Sunday. The former three-term governor said Hale would win.",
     "Ann Reed"),
    ("Former Leeds Mayor Ann Lee backed the bill on Monday. “It is overdue,” Lee said. "  # British
     "The former two-term mayor said the cuts were wrong.", "Ann Lee"),
    ("Former Labour Chancellor Ann Lee backed the bill on Monday. “It is overdue,” Lee said. The former long-serving "
     "chancellor said the cuts were wrong.", "Ann Lee"),
    # controls: another office, by a rank word or by time
    ("Joe Biden, the vice president, spoke first. The president said the deal was a win.", "president"),
    ("Former Vice President Joe Biden spoke first. The former president said the deal was a win.", "former president"),
    # a word ending in 'time' says how long, never which office, even where the tagger reads a capitalised 'Longtime'
    # as a name's word and not a describing one (merge._office_key's -time drop; with it off both rows keep the role)
    ("Former Longtime Governor Ann Lee spoke on Monday. The former state governor said the bill was dead.",  # American
     "Ann Lee"),
    ("Longtime Mayor Ann Lee spoke in Leeds on Monday. The city mayor said the cuts were wrong.", "Ann Lee"),  # British
]


@pytest.mark.parametrize("text,expected", ONE_OFFICE_OTHER_WORDS,
                         ids=[f"{k:02d}" for k in range(len(ONE_OFFICE_OTHER_WORDS))])
def test_one_office_written_with_other_words_is_no_other_office(text, expected):
    assert resolved_speakers([text])[-1][1] == expected


#: two roles of one head are two offices when a word naming the office differs ('majority' / 'minority' leader,
#: 'attorney' / 'surgeon' general; merge.same_office, office_words), not when places, bodies or how long differ, and a
#: title written short is its office ('Sen.' is 'senator'): (text, the last claim's actor)
OFFICE_WORDS = [
    ("Senate Minority Leader Chuck Schumer spoke on Monday. The majority leader said the bill was dead.",  # American
     "majority leader"),
    ("House Majority Leader Ann Lee spoke on Monday. The minority leader said the bill was dead.", "minority leader"),
    ("Attorney General Ann Lee spoke on Monday. The surgeon general said the bill was dead.", "surgeon general"),
    ("Ann Lee, the education secretary, spoke on Monday. The health secretary said the bill was dead.",  # British
     "health secretary"),
    # controls: the same office word, or none on one side (a describing word, a place, how long): one office
    ("Senate Majority Leader Ann Lee spoke on Monday. The majority leader said the bill was dead.", "Ann Lee"),
    ("Florida Sen. Ann Lee spoke on Monday. The first-term senator said the bill was dead.", "Ann Lee"),
    ("Former Labour Chancellor Ann Lee spoke on Monday. The former long-serving chancellor said the cuts were wrong.",
     "Ann Lee"),
]


@pytest.mark.parametrize("text,expected", OFFICE_WORDS, ids=[f"{k:02d}" for k in range(len(OFFICE_WORDS))])
def test_a_word_naming_the_office_tells_two_offices_apart(text, expected):
    assert resolved_speakers([text])[-1][1] == expected


#: a definite role a place, body or party qualifies ('the South Carolina senator') is the person its sentence before is
#: about, as an unqualified one is, unless the article names that person in the office with another name of the kind
#: (speaker_kinds.QUALIFIED_READ_BACK, ArticleNames.contradicts): (text, the last claim's actor)
QUALIFIED_ROLES = [
    # nothing in the article says otherwise: the person before                                           # American
    ("Sen. Lindsey Graham spoke in Columbia on Monday. The South Carolina senator said the deal was rigged.",
     "Lindsey Graham"),
    ("Sen. John McCain spoke first. The Arizona senator said the deal was rigged.", "John McCain"),
    ("President Michael Higgins met Theresa May in London. The Irish president said the talks were useful.",  # British
     "Michael Higgins"),
    ("Ann Lee met voters in Leeds on Monday. The Labour minister said the cuts were wrong.", "Ann Lee"),
    # a place the article names and a party it does not: no name of the same kind against it
    ("Vermont Sen. Bernie Sanders spoke in Iowa on Monday. The Democratic senator said the deal was rigged.",
     "Bernie Sanders"),
    # the article names that person in the office with another place or party: someone else, as written
    ("Arizona Sen. John McCain spoke in Iowa on Monday. The Vermont senator said the deal was rigged.",
     "Vermont senator"),
    ("Democratic Sen. Ann Lee met voters on Monday. The Republican senator said the cuts were wrong.",
     "Republican senator"),
    # British
    ("Ann Lee, the Liberal Democrat leader, met Theresa May on Monday. The Labour leader said the talks were "
     "useful.", "Labour leader"),
    # a known miss (PolNeAR's 'The French president' given Obama): the person before holds the office under a title
    # with no qualifier ('President Obama'), so nothing the article says contradicts 'French', and the one it
    # qualifies (Hollande) is named with no office to hold it by
    pytest.param("President Obama met Francois Hollande in Paris on Monday. The French president said the talks were "
                 "useful.", "Francois Hollande",
                 marks=pytest.mark.xfail(strict=True, reason="known miss: a qualified role reads back to the person "
                                                             "before when the article gives that person no qualifier "
                                                             "of the kind ('President Obama' for 'The French "
                                                             "president'); ArticleNames.contradicts has nothing to "
                                                             "compare")),
]


@pytest.mark.parametrize("text,expected", QUALIFIED_ROLES, ids=[f"{k:02d}" for k in range(len(QUALIFIED_ROLES))])
def test_a_qualified_role_is_the_person_before_unless_the_article_says_otherwise(text, expected):
    assert resolved_speakers([text])[-1][1] == expected


def test_a_description_refers_back_to_no_one_in_the_headline():
    """A description of a person after the headline is about someone new, not the one the headline is about
    (Antecedents._about); the title says which line is the headline."""
    title = "Understated Hale raises political profile"
    text = (f"{title}.\n\nJust before the flight took off, the pilot said the jet was too heavy. So Labor "
            "Secretary Tom Hale moved to the back.")
    assert [g[:3] for g in resolved_speakers([text], [title])] == [("the pilot", "pilot", "anonymous")]


#: a document named by who issued it where the sentence says so (speakers.issued_by): (texts, the document's phrase as
#: written, its speaker's actor name)
DOCUMENT_ISSUER = [
    # a name after 'by' or 'from', on the noun or its participle                                          # American
    (["A survey released by the Grattan Institute estimated that the plan would fail."], "A survey",
     "Grattan Institute survey"),
    (["A survey by the Office for National Statistics found that prices had risen."],                  # British
     "A survey by the Office for National Statistics", "Office for National Statistics survey"),
    # the named subject of the verb it is the object of, for 'the statement' that refers back to it
    (["The Sierra Club issued a statement on Monday. The statement urged leaders to protect the coast."],
     "The statement", "Sierra Club statement"),
    # ... or of a speech verb it says where
    (["In a statement, Tom Hale's office said the plan was dead. The statement added that he would vote no."],
     "The statement", "Tom Hale's office statement"),
    # several issuers: all of them
    (["A study by Ann Lee and Tom Hale found that the plan would fail."], "A study by Ann Lee and Tom Hale",
     "Ann Lee and Tom Hale study"),
    # controls: 'in' under a verb that says nothing, an object of someone who is no name: as written
    (["In the poll, Tom Hale leads. The poll found that voters were tired."], "The poll", "poll"),
    (["He criticised the report. The report said the plan would fail."], "The report", "report"),
]


@pytest.mark.parametrize("texts,phrase,name", DOCUMENT_ISSUER, ids=[f"{k:02d}" for k in range(len(DOCUMENT_ISSUER))])
def test_a_document_is_named_by_its_issuer(texts, phrase, name):
    got = {text: actor for text, actor, _type, _id in resolved_speakers(texts)}
    assert got[phrase] == name


def test_an_issuer_a_facility_names_is_named_whatever_its_part_of_speech():
    """One set of the entity labels that name someone (speakers.NAMING_LABELS): `_names_someone` left out FAC where
    `_issuer_name` took it, so 'the White House' with 'House' read as a common noun named no issuer (the parse built
    by hand; PolNeAR train + dev hold no such issuer: extraction unchanged)."""
    from graphkit.speakers import issued_by

    words = ["The", "White", "House", "issued", "a", "statement", "."]
    heads = [2, 2, 3, 3, 5, 3, 3]
    deps = ["det", "compound", "nsubj", "ROOT", "det", "dobj", "punct"]
    pos = ["DET", "PROPN", "NOUN", "VERB", "DET", "NOUN", "PUNCT"]
    ents = ["O", "B-FAC", "I-FAC", "O", "O", "O", "O"]
    doc = parsed(words, heads=heads, deps=deps, pos=pos, ents=ents)
    assert issued_by(doc[5]) == ("White House statement", (4, 15))


#: a question an anonymous person put to a person named: the one asked answers (SpeakerResolver.note_asked); each
#: speaker as (phrase as written, actor name, actor type)
ASKED = [
    (["A reporter asked Tom Hale how the count was going. He replied: “We are ahead in every ward.”"],                                                                                            # American
     [("A reporter", "reporter", "anonymous"), ("He", "Tom Hale", "person")]),
    (["A voter in Leeds asked Ann Lee whether the tax would stay. She replied: “It will go next year.”"],  # British
     [("A voter in Leeds", "voter in Leeds", "anonymous"), ("She", "Ann Lee", "person")]),
    # a named asker goes on speaking: not the one asked
    (["Ann Lee asked Tom Hale whether he backed the plan. She said the answer mattered to her voters."],
     [("Ann Lee", "Ann Lee", "person"), ("She", "Ann Lee", "person")]),
]


@pytest.mark.parametrize("texts,expected", ASKED, ids=[f"{k:02d}" for k in range(len(ASKED))])
def test_the_one_asked_answers(texts, expected):
    assert [g[:3] for g in resolved_speakers(texts)] == expected


#: unnamed people keep what says which people they are, up to a comma: a passive participle or a place or membership
#: phrase (speaker_phrase.who_of, _says_which_people); a stored phrase is read by its words up to the head
#: (mentions.before_which): a 'they' or 'the source' after it, a bare repeat of it ('experts' after 'experts on
#: Russia', actor_names._fuller_before) and its type ('Russian officials in Kyiv' a group, as 'Russian officials').
#: Each speaker as (phrase as written, actor name, actor type), and which claims are one actor (an index per actor)
WHOLE_PHRASE = [
    # a participle and the 'They' after it                                                              # American
    (["People briefed on the talks said the deal was dead. They said the vote would be close."],
     [("People briefed on the talks", "People briefed on the talks", "anonymous"),
      ("They", "People briefed on the talks", "anonymous")], [0, 0]),
    # a place phrase on a spokesperson word ('official' speaks for someone: no naming phrase before)   # British
    (["Officials at the Treasury said the tax would stay."],
     [("Officials at the Treasury", "Officials at the Treasury", "anonymous")], [0]),
    # a bare repeat is the fuller phrase written before it; 'those people' is the people in attendance
    (["Experts on Russia said the sanctions had failed. The talks went on. Experts said the rouble would fall."],
     [("Experts on Russia", "Experts on Russia", "anonymous"), ("Experts", "Experts on Russia", "anonymous")], [0, 0]),
    (["People in attendance said the mood was grim. The senator left early, those people said."],
     [("People in attendance", "People in attendance", "anonymous"),
      ("those people", "People in attendance", "anonymous")], [0, 0]),
    # officials named by who they are stay a group across the corpus, whatever says where they are
    (["Russian officials in Kyiv said the talks had stalled."],
     [("Russian officials in Kyiv", "Russian officials in Kyiv", "group")], [0]),
    # controls: a bare phrase before the fuller one repeats nothing (two sources); a date and a document say when
    # and where they said it, not who they are
    (["Experts said the sanctions had failed. The talks went on. Experts on Russia said the rouble would fall."],
     [("Experts", "Experts", "anonymous"), ("Experts on Russia", "Experts on Russia", "anonymous")], [0, 1]),
    (["Officials in March said the plan was dead."], [("Officials", "Officials", "anonymous")], [0]),
    (["The union's lawyers in a written filing said the claim was false."],
     [("The union's lawyers", "union's lawyers", "group")], [0]),
]


#: unnamed people in the plural keep a restrictive relative clause that says which people they are (no comma before it:
#: speaker_phrase._says_which_people), not one whose verb is a cue of the lexicon (what they said, not who they are:
#: speaker_phrase._speech_clause); a bare repeat or a 'they' after a group's fuller phrase is that phrase
#: (actor_names.group_repeat over _fuller_before). Each speaker as (phrase as written, actor name, actor type), and
#: which claims are one actor (an index per actor)
RELATIVE_CLAUSE = [
    # the clause kept, and the bare repeat after it is the fuller phrase                                   # American
    (["Executives who run news outlets said the deal was dead. Executives said the vote would be close."],
     [("Executives who run news outlets", "Executives who run news outlets", "group"),
      ("Executives", "Executives who run news outlets", "group")], [0, 0]),
    (["Drivers who use the ring road said the tolls were too high."],                                      # British
     [("Drivers who use the ring road", "Drivers who use the ring road", "group")], [0]),
    # a group of a people: the repeat and a 'they' join the fuller phrase, not the corpus's 'Republicans'
    (["Republicans who live in the city said it would pass. Republicans said the vote would be close."],
     [("Republicans who live in the city", "Republicans who live in the city", "group"),
      ("Republicans", "Republicans who live in the city", "group")], [0, 0]),
    (["Republicans who live in the city said it would pass. They said the vote would be close."],
     [("Republicans who live in the city", "Republicans who live in the city", "group"),
      ("They", "Republicans who live in the city", "group")], [0, 0]),
    # a cue verb's clause is what they said: not kept
    (["Sources who requested anonymity said the deal was dead."], [("Sources", "Sources", "anonymous")], [0]),
    (["Voters who think the tax is fair said the council should keep it."], [("Voters", "Voters", "group")], [0]),
    # controls: a clause set off by commas adds what they did; one person's clause says no more who; a bare phrase
    # before the fuller one repeats nothing
    (["Executives, who run news outlets, said the deal was dead."], [("Executives", "Executives", "group")], [0]),
    (["A teacher who runs the club said the deal was dead."], [("A teacher", "teacher", "anonymous")], [0]),
    (["Republicans said it would pass. Republicans who live in the city said the vote would be close."],
     [("Republicans", "Republicans", "group"),
      ("Republicans who live in the city", "Republicans who live in the city", "group")], [0, 1]),
    # a bare repeat of no people ('Data') is no repeat of the fuller phrase: data of another source, maybe
    (["Debt rose by a third, according to data from the Department of Education. Data show that incomes rose."],
     [("data from the Department of Education", "data from the Department of Education", "group"),
      ("Data", "Data", "group")], [0, 1]),
]


#: a plural of people -> its person noun, one home (person_nouns.plural_person_noun), read by the parse
#: (person_heads.plural_people), a stored phrase (mentions.names_people) and the corpus's names (entity_types)
#: alike: '-es' after a sibilant, '-ies', '-men', an initialism's '-s'. (phrase as written, actor name, actor type), and
#: which claims are one actor
PLURAL_READING = [
    # a people's plural tagged NNPS in apposition to names: the people named together, not the first  # American
    (["But the two leading Republicans, Ann Lee and Jim Ortiz, have questioned the plan."],
     [("the two leading Republicans", "Ann Lee and Jim Ortiz", "group")], [0]),
    # a bare repeat of bosses / congressmen is the fuller phrase of them written before                   # British
    (["Union bosses who run the big branches said the strike would go ahead. Union bosses said talks had failed."],
     [("Union bosses who run the big branches", "Union bosses who run the big branches", "group"),
      ("Union bosses", "Union bosses who run the big branches", "group")], [0, 0]),
    (["Congressmen who represent farm states said the bill was dead. Congressmen said the vote would be close."],
     [("Congressmen who represent farm states", "Congressmen who represent farm states", "group"),
      ("Congressmen", "Congressmen who represent farm states", "group")], [0, 0]),
]


@pytest.mark.parametrize("texts,expected,actors", WHOLE_PHRASE + RELATIVE_CLAUSE + PLURAL_READING,
                         ids=[f"{k:02d}" for k in range(len(WHOLE_PHRASE))]
                         + [f"relative-{k:02d}" for k in range(len(RELATIVE_CLAUSE))]
                         + [f"plural-{k:02d}" for k in range(len(PLURAL_READING))])
def test_unnamed_people_keep_what_says_which(texts, expected, actors):
    got = resolved_speakers(texts)
    assert [g[:3] for g in got] == expected
    ids = [g[3] for g in got]
    assert [ids.index(i) for i in ids] == [actors.index(a) for a in actors]


def test_a_phrase_never_ends_on_a_space_token():
    """A parse may hang a non-breaking space on a relative clause's last conjunction ('sources who worked here but
    were not named', the space a token of its own): the phrase ends before both (speaker_phrase.speaker_tokens'
    end rule; the parse built by hand, as PolNeAR's cached parse of such a sentence has it)."""
    from graphkit.speaker_phrase import speaker_tokens

    words = ["Sources", "who", "worked", "here", "but", "\u00a0", "were", "not", "named", "."]
    spaces = [True, True, True, True, False, False, True, True, False, False]
    heads = [8, 2, 0, 2, 2, 4, 8, 8, 8, 8]
    deps = ["nsubjpass", "nsubj", "relcl", "advmod", "cc", "dep", "auxpass", "neg", "ROOT", "punct"]
    pos = ["NOUN", "PRON", "VERB", "ADV", "CCONJ", "SPACE", "AUX", "PART", "VERB", "PUNCT"]
    tags = ["NNS", "WP", "VBD", "RB", "CC", "_SP", "VBD", "RB", "VBN", "."]
    lemmas = ["source", "who", "work", "here", "but", "\u00a0", "be", "not", "name", "."]
    doc = parsed(words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    assert [t.text for t in speaker_tokens(doc[0])] == ["Sources", "who", "worked", "here"]


#: a bare share ('Only 24 percent said', '61 per cent said') counts the group the nearest share before it was written
#: with, in its sentence or the sentence before (people_shares.bare_share, group_of_share, share_of); 'per cent' is one
#: unit as 'percent' is (speaker_phrase._per_cent). Each speaker as (phrase as written, actor name, actor type)
SHARE_OF_GROUP = [
    # a share of the voters the sentence before counts                                                 # American
    (["Asked about the fares, 38 percent of riders said they were fair. Only 12 percent said they were too high."],
     [("38 percent of riders", "38 percent of riders", "group"), ("12 percent", "12 percent of riders", "group")]),
    # 'among' the members, in its own sentence                                                            # British
    (["Among Labour members, 61 per cent said the leader should stay, while 22 per cent said he should go."],
     [("61 per cent", "61 per cent of Labour members", "group"),
      ("22 per cent", "22 per cent of Labour members", "group")]),
    # 'N in M' of a group written with its determiner; 'Half' of the owners the sentence before counts
    (["Almost half of the nurses said pay was too low. Four in 10 said they would strike."],
     [("half of the nurses", "half of the nurses", "group"), ("Four in 10", "Four in 10 of the nurses", "group")]),
    (["A survey of 500 firms was out. Some 30 per cent of shop owners said rates were too high. Half said they "
      "would cut staff."],
     [("Some 30 per cent of shop owners", "Some 30 per cent of shop owners", "group"),
      ("Half", "Half of shop owners", "group")]),
    # 'per cent' before 'of': the whole share, not the number alone
    (["Thirty per cent of voters said they would move."],
     [("Thirty per cent of voters", "Thirty per cent of voters", "group")]),
    # controls: no share of a group before it; a quantifier is no share ('Many' of whom is not said); a share of
    # no people; a group two sentences back
    (["The poll was released on Monday. Nine percent said they were undecided."],
     [("Nine percent", "Nine percent", "group")]),
    (["Most of the delegates left early. Many said the vote was rigged."], [("Many", "Many", "group")]),
    (["About 60 percent of the funds came from donors. Half said the money was well spent."],
     [("Half", "Half", "group")]),
    (["Fifty-two percent of voters backed the plan. The vote is on Friday. Ten percent said they were undecided."],
     [("Fifty-two percent of voters", "Fifty-two percent of voters", "group"), ("Ten percent", "Ten percent", "group")]),
]


@pytest.mark.parametrize("texts,expected", SHARE_OF_GROUP, ids=[f"{k:02d}" for k in range(len(SHARE_OF_GROUP))])
def test_a_bare_share_counts_the_group_written_before(texts, expected):
    assert [g[:3] for g in resolved_speakers(texts)] == expected


#: 'which' stands for a thing, never a person (speaker_kinds._which_antecedent): hung on a person's name or a noun
#: naming a person, the organisation the phrase names through a preposition; hung on a word inside an organisation's
#: name, the whole name (speaker_kinds._relative reads the entity). Each speaker as (phrase, actor name, actor type)
WHICH_IS_A_THING = [
    # a person's name, then his organisation through 'of'                                              # British
    (["“The fares are too high,” said Tom Hale, chairman of the Friends of the Northern Line, which has long argued "
      "that the Tube needs more trains."],
     [("Tom Hale", "Tom Hale", "person"), ("which", "Friends of the Northern Line", "organisation")]),
    # a noun naming a person, then the group through 'for' (a known miss, as on main: the NER tags 'Sue Park' a place,
    # so she is typed a group; the row asks the 'which')                                                 # American
    (["Sue Park, a lawyer for Citizens for Clean Water, which has long argued that the plant is unsafe, said the "
      "ruling was a victory."],
     [("which", "Citizens for Clean Water", "organisation"), ("Sue Park", "Sue Park", "group")]),
    # a word inside the organisation's name: the whole name, not 'Fair Wages' taken for a person
    (["“The plan is a start,” said Maria Lopez, the director of the Texas Alliance for Fair Wages, which has argued "
      "that the minimum wage should rise."],
     [("Maria Lopez", "Maria Lopez", "person"), ("which", "Texas Alliance for Fair Wages", "organisation")]),
    # controls: 'who' stays the person; a thing's 'which' stays the thing
    (["“We are ready,” said Jim Ortiz, who heads the Arizona Farm Bureau, which has warned that the drought will ruin "
      "growers."],
     [("Jim Ortiz", "Jim Ortiz", "person"), ("which", "Arizona Farm Bureau", "organisation")]),
    (["The council’s report, which argues that the bridge is unsafe, was published on Monday."],
     [("which", "council’s report", "other")]),
    # a noun compound names a person's employer, not what 'which' is (the claim is no one's: kept as written)
    (["The claim came from a BBC Radio presenter, which has argued that the figures were false."],       # British
     [("which", "BBC Radio presenter", "other")]),
    (["The rumour began with a post from a Fox News contributor, which claimed that the mayor had resigned."],
     [("which", "Fox News contributor", "other")]),                                                   # American
]


@pytest.mark.parametrize("texts,expected", WHICH_IS_A_THING, ids=[f"{k:02d}" for k in range(len(WHICH_IS_A_THING))])
def test_which_is_a_thing_never_a_person(texts, expected):
    assert [g[:3] for g in resolved_speakers(texts)] == expected


#: a plural noun naming people is a group, never one person (person_heads.plural_people): in apposition to names,
#: the people named together (speaker_kinds._in_apposition); the NER's name for it is no person's
#: (speaker_parts.person_of_phrase, entity_types._people_in_plural), and it keeps the phrase that says which
#: (person_heads.people_head); a person noun's possessor gives its phrase no type (speaker_types.owners_labels)
PLURAL_PEOPLE = [
    (["The Democratic candidates, Ann Lee and Jim Ortiz, have promised to raise the minimum wage."],         # American
     [("The Democratic candidates", "Ann Lee and Jim Ortiz", "group")]),
    (["The two senators, Ann Lee and Jim Ortiz, said the bill would fail."],
     [("The two senators", "Ann Lee and Jim Ortiz", "group")]),
    (["The Labour candidates, Ann Lee and Tom Hale, said the plan would fail."],                            # British
     [("The Labour candidates", "Ann Lee and Tom Hale", "group")]),
    (["Tory MPs in marginal seats said the tax would cost them votes."],
     [("Tory MPs in marginal seats", "Tory MPs in marginal seats", "group")]),
    # a plural role is no one person's the article named in it (SpeakerResolver.by_role is not asked)
    (["The lawyers, Ann Lee and Tom Hale, filed the brief on Monday. “The case is weak,” the lawyers said."],
     [("The lawyers", "Ann Lee and Tom Hale", "group"), ("the lawyers", "lawyers", "group")]),
    # (a known miss, as on main: the document 'The brief' is typed a group; the row asks 'The lawyers')  # American
    (["The brief cited two lawyers, Ann Lee and Jim Ortiz. The lawyers said the case was weak."],
     [("The brief", "brief", "group"), ("The lawyers", "lawyers", "group")]),
    # a person noun's possessor: people of the party or person, not it                                    # British
    (["Tom Hale spoke in Leeds on Monday. “The road is shut,” the Labour leader's driver said."],
     [("the Labour leader's driver", "Labour leader's driver", "anonymous")]),
    (["Trump's opponents said the plan was bad."], [("Trump's opponents", "Trump's opponents", "group")]),  # American
    # controls: a noun compound says the head is a thing (a service, typed by its owner); people joined in the
    # phrase itself; a plural with no names
    (["The Acme Group's ad tracker found that spending rose."],
     [("The Acme Group's ad tracker", "Acme Group's ad tracker", "organisation")]),
    (["Republican senators Ann Lee and Jim Ortiz said the bill would fail."],
     [("Republican senators Ann Lee and Jim Ortiz", "Ann Lee and Jim Ortiz", "group")]),
    (["Jim Ortiz, a presidential candidate, spoke on Monday. The candidates said the debate was unfair."],
     [("The candidates", "candidates", "group")]),
]


#: a person named in apposition to the speaker phrase, wherever the parser hung the name (appositions.
#: person_in_apposition): on a noun in apposition to the head, after it; on the head's prepositional object when that
#: is no person (a name is in apposition to no body or book). (phrase as written, actor name, actor type)
NAMED_IN_APPOSITION = [
    (["The head of the Leeds Civic Trust, Ann Lee, said the plan would ruin the square."],                 # British
     [("The head of the Leeds Civic Trust", "Ann Lee", "person")]),
    (["The author of the book, Tom Hale, told us on Monday that every word of it stands."],              # American
     [("The author of the book", "Tom Hale", "person")]),
    (["The other man, his cousin Jim Ortiz, 40, said the plan was a mistake."],
     [("The other man", "Jim Ortiz", "person")]),
    # controls: the object is a person (the name may be theirs); a name before its noun describes the speaker
    (["A spokesman for the mother of the victim, Ann Lee, said the family was grieving."],
     [("A spokesman", "spokesman", "anonymous")]),
    (["Griffin, an Obama backer, said the plan was bad."], [("Griffin", "Griffin", "organisation")]),
    # a plural head is several: not the first name hung on its object (the phrase as main gives it, the party's type)
    (["Leaders of the Green Party, Ann Lee and Tom Hale, said the case was weak."],
     [("Leaders of the Green Party", "Leaders of the Green Party", "organisation")]),
    # a phrase read as an anonymous source with the person named in apposition is that person, a person
    (["“We will look at it,” the Acme Party spokesman, Tom Hale, said on Thursday."],                  # British
     [("the Acme Party spokesman", "Tom Hale", "person")]),
    (["Another Acme ally, Ann Lee, said the plan would fail."], [("Another Acme ally", "Ann Lee", "person")]),  # American
]


@pytest.mark.parametrize("texts,expected", NAMED_IN_APPOSITION,
                         ids=[f"{k:02d}" for k in range(len(NAMED_IN_APPOSITION))])
def test_a_person_in_apposition_names_the_speaker(texts, expected):
    assert [g[:3] for g in resolved_speakers(texts)] == expected


@pytest.mark.parametrize("texts,expected", PLURAL_PEOPLE, ids=[f"{k:02d}" for k in range(len(PLURAL_PEOPLE))])
def test_a_plural_of_people_is_a_group(texts, expected):
    assert [g[:3] for g in resolved_speakers(texts)] == expected


#: a name's text as a reader writes it, one home (names.plain_name), read where mentions and the corpus's person names
#: are made (mentions.read_mention, people._name_form): mojibake repaired, a soft hyphen dropped; the mention as
#: written ends on a word, not a no-break space (speakers.speaker_fields). (phrase as written, actor name, actor type)
NAME_TEXT = [
    (["“The market will reopen,” said Fran\u00c3\u00a7ois Delon, the mayor."],                          # British
     [("Fran\u00c3\u00a7ois Delon", "François Delon", "person")]),
    (["“The market will reopen,” said Jos\u00c3\u00a9 Ortega, the mayor."],                             # American
     [("Jos\u00c3\u00a9 Ortega", "José Ortega", "person")]),
    (["“The market will reopen,” said Doug \u00adAndersen, the mayor."],
     [("Doug \u00adAndersen", "Doug Andersen", "person")]),
    (["“The market will reopen,” said Mayor Doug Andersen\u00a0on Monday."],
     [("Mayor Doug Andersen", "Doug Andersen", "person")]),
]


@pytest.mark.parametrize("texts,expected", NAME_TEXT, ids=[f"{k:02d}" for k in range(len(NAME_TEXT))])
def test_a_name_is_written_as_a_reader_writes_it(texts, expected):
    assert [g[:3] for g in resolved_speakers(texts)] == expected


@pytest.mark.parametrize("written,plain", [
    ("Fran\u00c3\u00a7ois Hollande", "François Hollande"),
    ("Miguel Bas\u00c3\u0083\u00c2\u00a1\u00c3\u0083\u00c2\u00b1ez", "Miguel Basáñez"),   # mangled twice
    ("Doug \u00adAndres\u00a0", "Doug Andres"), ("Ann\u200b Lee", "Ann Lee"),
    ("Ra\u00c3ol Grijalva", "Ra\u00c3ol Grijalva"),   # a byte lost: left as written
    ("Peña Nieto", "Peña Nieto"), ("Zoë  Hart", "Zoë Hart"),
])
def test_plain_name(written, plain):
    from graphkit.names import plain_name

    assert plain_name(written) == plain


@pytest.mark.parametrize("word,noun", [
    ("Bosses", "boss"), ("MPs", "mp"), ("Aides", "aide"), ("secretaries", "secretary"), ("Congressmen", "congressman"),
    ("women", "woman"), ("wives", "wife"), ("witnesses", "witness"), ("Republicans", "republican"),
    # controls: a singular in -s, no person noun, a possessive, a surname
    ("boss", None), ("polls", None), ("data", None), ("MPs'", None), ("Sanders", None),
])
def test_plural_person_noun(word, noun):
    from graphkit.person_nouns import plural_person_noun

    assert plural_person_noun(word) == noun


def test_a_plural_of_people_takes_only_names_in_apposition():
    """'The lawyers, Ann Lee, courts and other means, said no': a plural of people in apposition to a list that names
    more than people (a misread, as PolNeAR's cached parse of such a sentence has it) stays as written, not the list
    (speaker_kinds._in_apposition; the parse built by hand)."""
    from graphkit.speakers import SpeakerResolver, speaker_fields

    words = ["The", "lawyers", ",", "Ann", "Lee", ",", "courts", "and", "other", "means", ",", "said", "no", "."]
    spaces = [True, False, True, True, False, True, True, True, True, False, True, True, False, False]
    heads = [1, 11, 1, 4, 1, 4, 4, 6, 9, 6, 1, 11, 11, 11]
    deps = ["det", "nsubj", "punct", "compound", "appos", "punct", "conj", "cc", "amod", "conj", "punct", "ROOT", "dobj",
            "punct"]
    pos = ["DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "NOUN", "CCONJ", "ADJ", "NOUN", "PUNCT", "VERB", "INTJ",
           "PUNCT"]
    tags = ["DT", "NNS", ",", "NNP", "NNP", ",", "NNS", "CC", "JJ", "NNS", ",", "VBD", "UH", "."]
    lemmas = ["the", "lawyer", ",", "Ann", "Lee", ",", "court", "and", "other", "mean", ",", "say", "no", "."]
    doc = parsed(words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
                 sent_starts=[True] + [False] * 13, ents=[(3, 5, "PERSON")])
    got = speaker_fields(SpeakerResolver(doc), doc[1], None, None, [(doc[12].idx, doc[12].idx + 2)], doc.text)
    assert (got["speaker_text"], got["resolved_text"]) == ("The lawyers", "The lawyers")


@pytest.mark.parametrize("lists,expected", [(True, "Ann Lee, her aides and other allies"),
                                             (False, "Ann Lee and her aides")], ids=["listed", "lists-off"])
def test_people_named_together_name_each_conjunct_once(monkeypatch, lists, expected):
    """'Ann Lee and her aides and other allies said no' with 'allies' hung on 'aides' (the parse built by hand, as the
    parser chains a list that runs on): each conjunct's words once, not 'her aides and other allies' and then 'other
    allies' again (speaker_kinds._as_written leaves out the conjuncts hung on it). Since −98 the phrase keeps the
    second 'and' (speaker_phrase.LIST_COMMAS), so the speaker is all three; without it the phrase stopped there."""
    from graphkit import speaker_phrase
    from graphkit.speakers import SpeakerResolver, speaker_fields

    monkeypatch.setattr(speaker_phrase, "LIST_COMMAS", lists)

    words = ["Ann", "Lee", "and", "her", "aides", "and", "other", "allies", "said", "no", "."]
    spaces = [True, True, True, True, True, True, True, True, True, False, False]
    heads = [1, 8, 1, 4, 1, 4, 7, 4, 8, 8, 8]
    deps = ["compound", "nsubj", "cc", "poss", "conj", "cc", "amod", "conj", "ROOT", "dobj", "punct"]
    pos = ["PROPN", "PROPN", "CCONJ", "PRON", "NOUN", "CCONJ", "ADJ", "NOUN", "VERB", "INTJ", "PUNCT"]
    tags = ["NNP", "NNP", "CC", "PRP$", "NNS", "CC", "JJ", "NNS", "VBD", "UH", "."]
    lemmas = ["Ann", "Lee", "and", "her", "aide", "and", "other", "ally", "say", "no", "."]
    doc = parsed(words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
                 sent_starts=[True] + [False] * 10, ents=[(0, 2, "PERSON")])
    from graphkit.speaker_kinds import _as_written

    assert [_as_written(doc[i], list(doc[:8])) for i in (4, 7)] == ["her aides", "other allies"]
    got = speaker_fields(SpeakerResolver(doc), doc[1], None, None, [(doc[9].idx, doc[9].idx + 2)], doc.text)
    assert got["resolved_text"] == expected


#: people joined as conjuncts of a speaker's head, parsed by hand: (words, heads, deps, person entities, the
#: speaker's resolved name). A group's name says 'and' only where the text does (speaker_kinds._named_together): a
#: conjunct the parser hung on a name with no conjunction between them is no group (rows 01-02; row 02 is the
#: property test's find, a stray symbol the NER took for a person).
CONJUNCTS_WITHOUT_AND = [
    (["Ann", "Lee", "and", "Tom", "Hale", "said", "no", "."], [1, 5, 1, 4, 1, 5, 5, 5],
     ["compound", "nsubj", "cc", "compound", "conj", "ROOT", "dobj", "punct"], [(0, 2), (3, 5)],
     "Ann Lee and Tom Hale"),                                           # 00 control: 'and' written, one group
    (["Ann", "Lee", "Tom", "Hale", "said", "no", "."], [1, 4, 3, 1, 4, 4, 4],
     ["compound", "nsubj", "compound", "conj", "ROOT", "dobj", "punct"], [(0, 2), (2, 4)], "Ann Lee"),
    (["¦", "Dmitry", "Peskov", "said", "no", "."], [3, 2, 0, 3, 3, 3],
     ["nsubj", "compound", "conj", "ROOT", "dobj", "punct"], [(0, 1), (1, 3)], "¦"),  # the head alone: no group

]


@pytest.mark.parametrize("words,heads,deps,people,expected", CONJUNCTS_WITHOUT_AND,
                         ids=[f"{k:02d}" for k in range(len(CONJUNCTS_WITHOUT_AND))])
def test_a_group_is_named_with_and_only_where_the_text_says_it(words, heads, deps, people, expected):
    from graphkit.speakers import SpeakerResolver, speaker_fields

    n = len(words)
    tags = {"cc": "CC", "ROOT": "VBD", "dobj": "UH", "punct": "."}
    doc = parsed(words, spaces=[True] * (n - 2) + [False, False], heads=heads, deps=deps,
                 pos=[{"cc": "CCONJ", "ROOT": "VERB", "dobj": "INTJ", "punct": "PUNCT"}.get(d, "PROPN") for d in deps],
                 tags=[tags.get(d, "NNP") for d in deps], lemmas=["say" if w == "said" else w for w in words],
                 sent_starts=[True] + [False] * (n - 1), ents=[(s, e, "PERSON") for s, e in people])
    subject, verb = deps.index("nsubj"), deps.index("ROOT")
    got = speaker_fields(SpeakerResolver(doc), doc[subject], None, None, [(doc[verb + 1].idx, doc[verb + 1].idx + 2)],
                         doc.text)
    assert got["resolved_text"] == expected


@pytest.mark.parametrize("entities,name,expected", [
    ([("Tory MPs", "PERSON", 0, 8)], "Tory MPs", "group"),                                            # British
    ([("Aides", "PERSON", 0, 5)], "Aides", "group"),                                                  # American
    ([("Bosses", "PERSON", 0, 6)], "Bosses", "group"), ([("Congressmen", "PERSON", 0, 11)], "Congressmen", "group"),
    # controls: a surname the corpus gives a full name; a full name whose surname is a plural
    ([("Tom Parsons", "PERSON", 0, 11), ("Parsons", "PERSON", 20, 27)], "Parsons", "person"),
    ([("Ann Masters", "PERSON", 0, 11)], "Ann Masters", "person"),
])
def test_a_plural_of_people_the_ner_names_is_no_person(entities, name, expected):
    """A name spaCy tags PERSON whose last word is the plural of a noun naming people is a group
    (entity_types._people_in_plural)."""
    from graphkit.entity_types import type_entities
    from graphkit.gazetteer import Gazetteer

    assert type_entities({"d": entities}, Gazetteer.from_dict({"actors": []}))[name] == expected


#: an acronym the article writes out is named as the article writes it (graphkit.merge.written_out, read by
#: speaker_kinds._acronym_written_out): the name it defines it as, in brackets or after 'or' (a name in another
#: language, or with words the initials leave out), else the one name of the article with those initials; across the
#: corpus an acronym joins the one proper name with its initials (merge.spelled_out: not a common-noun phrase whose
#: initials happen to be the same). (phrase as written, actor name, actor type)
ACRONYMS_WRITTEN_OUT = [
    (["In 1999 the Alpine People's Party, or AVP, won the vote. The AVP said the result was clear."],  # British
     [("The AVP", "Alpine People's Party", "organisation")]),
    (["Taxpayers for Common Sense in Ohio (TCSO) sued the department. TCSO said the records were late."],  # American
     [("TCSO", "Taxpayers for Common Sense in Ohio", "organisation")]),
    (["The Associated Press counted the delegates on Monday. AP said Ann Lee had won."],
     [("AP", "Associated Press", "organisation")]),
    # across the corpus: 'AP' is the Associated Press, not 'An advisory panel' of another article
    (["The Associated Press said the count was done.", "AP said the count was late.",
      "An advisory panel said the count was fair."],
     [("The Associated Press", "Associated Press", "organisation"), ("AP", "Associated Press", "organisation"),
      ("An advisory panel", "advisory panel", "group")]),
    # controls: a dateline's '(AP)' defines nothing, a place in capitals opening with the acronym's letter neither
    (["WASHINGTON (AP) — The count was late. AP said Ann Lee had won."], [("AP", "AP", "organisation")]),
    (["ANN ARBOR (AP) — The count was late. AP said Ann Lee had won."], [("AP", "AP", "organisation")]),
    # a name with another language's function words its initials leave out (merge._INITIAL_SKIP: 'de')
    (["In 1962 the Front de Libération Nationale (FLN) won the vote. The FLN said the result was clear."],
     [("The FLN", "Front de Libération Nationale", "organisation")]),
]


@pytest.mark.parametrize("texts,expected", ACRONYMS_WRITTEN_OUT, ids=[f"{k:02d}" for k in range(len(ACRONYMS_WRITTEN_OUT))])
def test_an_acronym_is_named_as_its_article_writes_it_out(texts, expected):
    assert [g[:3] for g in resolved_speakers(texts)] == expected


def test_an_acronym_written_out_says_so_in_its_merges():
    from graphkit.parsing import extract_documents
    from graphkit.records import Document
    from graphkit.resolve import resolve_actors

    text = "In 1999 the Alpine People's Party, or AVP, won the vote. The AVP said the result was clear."
    ex = next(iter(extract_documents([Document(id="d", path="d.txt", text=text, sha256="0" * 64, format="txt")])))
    res = resolve_actors({"d": [it.attribution for it in ex.items]}, {"d": [tuple(e) for e in ex.entities]},
                         {"actors": []})
    assert any("acronym 'AVP' as the article writes it out" in line for line in res.explain(res.speaker_of[("d", 0)]))


def _speakers_with_entities(text: str, ents: list[tuple[str, str]], pos: dict[str, str] | None = None):
    """(speaker as written, resolved) of each attribution of ``text`` parsed by bare spaCy with the NER's entities set
    by hand (``ents``: (words, label)) and some words' part of speech too (``pos``: word → tag), as the NER and tagger
    read PolNeAR's sentences."""
    from spacy.tokens import Span

    from graphkit.nlp import load_spacy

    doc = load_spacy()(text)
    spans = []
    for words, label in ents:
        a = text.index(words)
        spans.append(doc.char_span(a, a + len(words), label=label))
    doc.ents = [s for s in spans if isinstance(s, Span)]
    for t in doc:
        if pos and t.text in pos:
            t.pos_ = pos[t.text]
    return [(a.speaker_text, a.resolved_text) for a in attributions(doc)]


#: a person's name the NER typed an organisation is a 'he' / 'she' candidate when its phrase says it is a person's
#: (appositions.person_typed_otherwise): a word naming a person in apposition, or a listed given name and a surname
PERSON_TYPED_ORG = [
    ("Ted Cruz won in Utah on Tuesday. Reince Priebus, the GOP chairman, announced a website on Monday. "   # American
     "“It is a tool for voters,” he said.", [("Ted Cruz", "PERSON"), ("Priebus", "ORG")],
     ("he", "Reince Priebus")),
    ("Tom Hale spoke in Leeds. Carly Fiorina announced her plan on Monday. “It will work,” she said.",       # British
     [("Tom Hale", "PERSON"), ("Carly Fiorina", "ORG")], ("she", "Carly Fiorina")),
    # controls: an organisation, no person's, stays no 'he', a given name in its name or not
    ("Ted Cruz won in Utah on Tuesday. Acme Motors announced a website on Monday. “It is a tool for voters,” he "
     "said.", [("Ted Cruz", "PERSON"), ("Acme Motors", "ORG")], ("he", "Ted Cruz")),
    ("Ted Cruz won in Utah on Tuesday. The Carly Fiorina Foundation announced a website on Monday. “It is a tool for "
     "voters,” he said.", [("Ted Cruz", "PERSON"), ("Carly Fiorina Foundation", "ORG")], ("he", "Ted Cruz")),
]


@pytest.mark.parametrize("text,ents,expected", PERSON_TYPED_ORG, ids=[f"{k:02d}" for k in range(len(PERSON_TYPED_ORG))])
def test_a_person_the_ner_typed_an_organisation_takes_a_later_he(text, ents, expected):
    assert expected in _speakers_with_entities(text, ents)


#: a surname the tagger read as a common noun is the full name the article gave before it (speaker_kinds.
#: _surname_role_or_org, through Antecedents.misread_surname), an apostrophe inside it too
MISREAD_SURNAME_SPEAKERS = [
    ("Betsy Ebeling walked to the next house. Ebeling said the vote was close.",                        # American
     [("Betsy Ebeling", "PERSON")], {"Ebeling": "NOUN"}, ("Ebeling", "Betsy Ebeling")),
    ("Martin O’Malley spoke in Leeds on Monday. O’Malley said the plan was dead.",                       # British
     [("Martin O’Malley", "PERSON")], {"O’Malley": "NOUN"}, ("O’Malley", "Martin O’Malley")),
    # control: a word the article writes in lower case is no surname
    ("Lisa Green spoke on Monday. Green said so. The green party agreed.",
     [("Lisa Green", "PERSON")], {"Green": "ADJ"}, ("Green", "Green")),
]


@pytest.mark.parametrize("text,ents,pos,expected", MISREAD_SURNAME_SPEAKERS,
                         ids=[f"{k:02d}" for k in range(len(MISREAD_SURNAME_SPEAKERS))])
def test_a_misread_surname_speaker_is_its_full_name(text, ents, pos, expected):
    assert expected in _speakers_with_entities(text, ents, pos)


#: 'the agency' is the latest organisation named before it, as 'the company' is (article_names._GENERIC_ORG_NOUNS)
GENERIC_BODIES = [
    (["The FBI opened an inquiry in March. The agency said the inquiry would take months."],              # American
     [("The agency", "FBI", "organisation")]),
    (["The Met Office opened a new centre in Exeter on Monday. The agency said rivers would rise."],              # British
     [("The agency", "Met Office", "organisation")]),
]


@pytest.mark.parametrize("texts,expected", GENERIC_BODIES, ids=[f"{k:02d}" for k in range(len(GENERIC_BODIES))])
def test_the_agency_is_the_body_named_before(texts, expected):
    assert [g[:3] for g in resolved_speakers(texts)] == expected


#: a hyphen joins the names of a joint poll or survey as a slash does (speaker_phrase._glued_before): the phrase the
#: parse cut after the hyphen (its punct dropped) takes the names before it; a name that is no document's stays as cut
#: (a Doc built by hand as the parser read PolNeAR's sentence: the hyphen a punct of the name's head)
JOINT_POLLS = [
    (["the", "latest", "Denver", "Post", "-", "CBS", "News", "poll"], 5, "Denver Post-CBS News poll"),  # American
    (["the", "latest", "Evening", "Standard", "-", "Ipsos", "survey"], 5, "Evening Standard-Ipsos survey"),     # British
    (["the", "new", "Leeds", "Bradford", "-", "Airport", "Board"], 5, "Airport Board"),                    # control
]


@pytest.mark.parametrize("words,start,expected", JOINT_POLLS, ids=[f"{k:02d}" for k in range(len(JOINT_POLLS))])
def test_a_hyphen_joins_the_names_of_a_joint_poll(words, start, expected):
    from graphkit.nlp import load_spacy
    from graphkit.speaker_phrase import _glued_before

    glued = {k for k, w in enumerate(words) if w == "-"}
    glued |= {k - 1 for k in glued}
    doc = parsed(words, spaces=[k not in glued and k < len(words) - 1 for k in range(len(words))],
                 pos=["DET", "ADJ"] + ["PUNCT" if w == "-" else "PROPN" for w in words[2:-1]] + ["NOUN"],
                 lemmas=[w.lower() for w in words], vocab=load_spacy().vocab)
    toks = list(doc[start:])
    assert doc[_glued_before(toks)[0].i:].text == expected


#: a proper noun the NER left untyped is the organisation named before whose name it opens, as 'the Kremlin' is
#: 'the Kremlin press office' (speaker_kinds._fuller_body_name); not a word inside another name, nor a name that runs
#: on where it is written (entities set by hand as the NER read PolNeAR's sentences)
UNTYPED_SHORT_BODIES = [
    ("The State Department released 300 emails on Friday. State said the rest would follow in March.",  # American
     [("State Department", "ORG")], {"State": "PROPN"}, ("State", "State Department")),
    ("Shares in Peabody Energy fell on Monday. In a statement, Peabody said the mine would stay open.",   # British
     [("Peabody Energy", "ORG")], {"Peabody": "PROPN"}, ("Peabody", "Peabody Energy")),
    # controls: a word inside another name; a name that runs on past the word ('Democracy for America')
    ("Shares of Alphabet and Facebook rose on Monday. Facebook said its users spent more time online.",
     [("Alphabet and Facebook", "ORG")], {"Facebook": "PROPN"}, ("Facebook", "Facebook")),
    ("Democracy Corps ran a poll in May. Democracy for America said the vote should wait.",
     [("Democracy Corps", "ORG")], {"Democracy": "PROPN"}, ("Democracy", "Democracy")),
]


@pytest.mark.parametrize("text,ents,pos,expected", UNTYPED_SHORT_BODIES,
                         ids=[f"{k:02d}" for k in range(len(UNTYPED_SHORT_BODIES))])
def test_an_untyped_word_opening_a_body_named_before_is_that_body(text, ents, pos, expected):
    assert expected in _speakers_with_entities(text, ents, pos)


@pytest.mark.parametrize("speaker,resolved,expected", [
    ("the AVP", "Alpine People's Party", ("Alpine People's Party", "organisation")),  # an organisation word
    ("Priebus", "Reince Priebus", ("Reince Priebus", "person")),                   # control: a person's name
])
def test_a_body_the_ner_typed_a_person_elsewhere_stays_a_body(speaker, resolved, expected):
    """A mention the NER typed an organisation, named by a name with an organisation word, is no person whatever the
    corpus's votes on that name (graphkit.mentions._typed_mention): "Alpine People's Party", typed a person elsewhere,
    is not the person 'Party'."""
    from graphkit.records import Attribution

    att = Attribution(spans=[(100, 120)], text="content", cue="said", speaker_text=speaker,
                      speaker_span=(0, len(speaker)), speaker_type="ORG", resolved_text=resolved)
    assert _lone_actor(att, {"other": [(resolved, "PERSON", 0, len(resolved))] * 3}) == expected


def _lone_actor(att, ents: dict | None = None) -> tuple[str, str]:
    """The actor (name, type) the actor pass (empty gazetteer) makes of ``att``, the one claim of article 'x';
    ``ents``: the corpus's entities by article, each article with no claim of its own."""
    from graphkit.resolve import resolve_actors

    ents = ents or {}
    assert "x" not in ents, "article 'x' is the claim's own"
    res = resolve_actors({"x": [att], **{doc: [] for doc in ents}}, ents, {"actors": []})
    actor = res.actor(res.speaker_of[("x", 0)])
    return actor.name, actor.type


def _one_speaker_actor(speaker: str, speaker_type: str | None) -> tuple[str, str]:
    """The actor (name, type) a lone claim's speaker phrase becomes in the actor pass, resolved as written."""
    from graphkit.records import Attribution

    return _lone_actor(Attribution(spans=[(100, 120)], text="content", cue="said", speaker_text=speaker,
                                   speaker_span=(0, len(speaker)), speaker_type=speaker_type, resolved_text=speaker))


#: people in the plural are a group, whatever the NER took the phrase for (graphkit.mentions.people_in_plural):
#: (speaker phrase, the phrase's type by the parse, expected actor)
PEOPLE_IN_PLURAL = [
    ("Acme Bank executives", "ORG", ("Acme Bank executives", "group")),          # American: a lower-case plural
    ("Labour councillors", "ORG", ("Labour councillors", "group")),              # British
    ("Voters", None, ("Voters", "group")),                                       # one word nothing else types
    # controls: a one-word body's name the NER typed a body; a head before 'of'; a name in capitals
    ("Teamsters", "ORG", ("Teamsters", "organisation")),
    ("American Federation of Teachers", "ORG", ("American Federation of Teachers", "organisation")),
    ("YouGov poll of voters", "ORG", ("YouGov poll of voters", "organisation")),
    ("Founding Fathers", "ORG", ("Founding Fathers", "organisation")),
]


@pytest.mark.parametrize("speaker,speaker_type,expected", PEOPLE_IN_PLURAL,
                         ids=[f"{k:02d}" for k in range(len(PEOPLE_IN_PLURAL))])
def test_people_in_the_plural_are_a_group(speaker, speaker_type, expected):
    assert _one_speaker_actor(speaker, speaker_type) == expected


def _claim_actor(nlp, text: str) -> tuple[str, str]:
    """The actor (name, type) the first claim of a one-sentence article is given, by the parse and the actor pass."""
    return _lone_actor([a for a in attributions(nlp(text)) if not a.continuation][0])


#: a share or number of people named after 'of' is people, a group, whatever the NER typed a word after 'of'
#: (graphkit.people_shares.share_of_people): (sentence, expected actor)
SHARES_OF_PEOPLE = [
    ("In Leeds, 34% of Labour voters said they were angry.", ("34% of Labour voters", "group")),        # British
    ("Half of Labour Party members said the leader should go.", ("Half of Labour Party members", "group")),
    ("A handful of Acme Party insiders said the plan would fail.", ("handful of Acme Party insiders", "group")),
    ("The proportion of Acme Party voters saying they want the ban is high.",                           # American
     ("proportion of Acme Party voters", "group")),
    # controls: a share of a body is no people; a quantifier's 'of' was read so already
    ("Half of the Acme Party said no.", ("Half of the Acme Party", "organisation")),
    ("Two of the GOP candidates said they would not attend.", ("Two of the GOP candidates", "group")),
]


@pytest.mark.parametrize("text,expected", SHARES_OF_PEOPLE, ids=[f"{k:02d}" for k in range(len(SHARES_OF_PEOPLE))])
def test_a_share_of_people_is_a_group(nlp, text, expected):
    assert _claim_actor(nlp, text) == expected


#: the corpus's type of a name ending in people in the plural (graphkit.entity_types._people_in_plural): (the NER's
#: labels of the name, one article each; the name; expected type)
PEOPLE_IN_PLURAL_VOTES = [
    (["ORG", "ORG"], "GOP contenders", "group"),                       # American
    (["ORG", "ORG", "PERSON"], "Labour councillors", "group"),         # British
    (["ORG", "ORG"], "Teamsters", "organisation"),                     # control: one word the NER calls a body
    (["ORG", "ORG"], "Founding Fathers", "organisation"),              # control: a name in capitals
]


@pytest.mark.parametrize("labels,surface,expected", PEOPLE_IN_PLURAL_VOTES,
                         ids=[f"{k:02d}" for k in range(len(PEOPLE_IN_PLURAL_VOTES))])
def test_the_corpus_types_people_in_the_plural_a_group(labels, surface, expected):
    from graphkit.entity_types import type_entities
    from graphkit.gazetteer import Gazetteer

    ents = {f"d{k}": [(surface, lab, 0, len(surface))] for k, lab in enumerate(labels)}
    assert type_entities(ents, Gazetteer.from_dict({"actors": []}))[surface] == expected


@pytest.mark.parametrize("word,expected", [
    ("wages", None),        # no plural of 'wag': 'wage' + s, and a wage is no person
    ("bosses", "boss"), ("heroes", "hero"), ("coaches", "coach"), ("aides", "aide"), ("Sages", "sage"),
])
def test_a_plural_takes_es_only_after_a_sibilant(word, expected):
    from graphkit.person_nouns import plural_person_noun

    assert plural_person_noun(word) == expected


#: a person named after a capitalised title, in a phrase the NER typed whole as a body, is that person
#: (graphkit.mentions.name_after_role): (speaker phrase, expected actor)
TITLES_BEFORE_NAMES = [
    ("Acme Workers Union Secretary-Treasurer Gary Reyes", ("Gary Reyes", "person")),   # American
    ("Leeds Civic Trust Chairman Tom Hale", ("Tom Hale", "person")),                   # British
    ("Fox Radio Greg Lane", ("Fox Radio Greg Lane", "organisation")),      # control: no title before the name
    ("Labour Party Chairman Fund", ("Labour Party Chairman Fund", "organisation")),  # control: no given name
]


@pytest.mark.parametrize("speaker,expected", TITLES_BEFORE_NAMES,
                         ids=[f"{k:02d}" for k in range(len(TITLES_BEFORE_NAMES))])
def test_a_person_named_after_a_capitalised_title(speaker, expected):
    assert _one_speaker_actor(speaker, "ORG") == expected


def _written_and_resolved(text: str, cue: str | None = None) -> list[tuple[str, str]]:
    """(speaker as written, resolved in the article) of each attribution of ``text`` parsed by bare spaCy, of the
    ``cue`` only when given."""
    from graphkit.nlp import load_spacy

    return [(a.speaker_text, a.resolved_text) for a in attributions(load_spacy()(text)) if cue in (None, a.cue)]


#: a bare surname whose only full name in the article carries a generational suffix is that name when it was written
#: before (article_names._suffixed_alone); two such names written before: one of them, which is not said, as written;
#: a name without the suffix that carries it is still taken first ('Trump' is not Donald Trump Jr.)
SUFFIXED_SURNAMES = [
    ("The memo was signed by C. Stewart Verdery Jr., a former official. Verdery said the checks were thin.",  # American
     ("Verdery", "C. Stewart Verdery Jr.")),
    ("The vicar, Charles Elliott III, led the service in Leeds. Elliott said the town would remember him. His father, "
     "Charles Elliott Jr., spoke next.", ("Elliott", "Charles Elliott III")),                                # British
    # controls: two suffixed names written before (the name the proper nouns run to, no suffix); a name without one
    ("Tom Hale Sr. and Tom Hale Jr. ran the farm in Ohio. Hale said the harvest was poor.", ("Hale", "Tom Hale")),
    ("Donald Trump spoke in Ohio. Donald Trump Jr. spoke in Iowa. Trump said the race was close.",
     ("Trump", "Donald Trump")),
]


@pytest.mark.parametrize("text,expected", SUFFIXED_SURNAMES, ids=[f"{k:02d}" for k in range(len(SUFFIXED_SURNAMES))])
def test_a_surname_is_the_one_suffixed_full_name_written_before(text, expected):
    assert expected in _written_and_resolved(text)


#: 'Vice President Joe Biden' holds the office 'vice president', not 'president' (speaker_parts.office_title,
#: merge.RANK_WORDS): 'the vice president' after him and his surname is he, never another office of his
VICE_OFFICES = [
    ("Vice President Thomas R. Hale Jr. spoke in Dayton on Monday. Mr. Hale grew up there. The vice president said "
     "the plant would reopen.", ("The vice president", "Thomas R. Hale Jr.")),                             # American
    # British, a control: 'the deputy mayor' finds 'Deputy Mayor Ann Price' by the role written with her name too
    # (ArticleNames.titled), so it passes with merge.RANK_WORDS empty
    ("Deputy Mayor Ann Price opened the bridge in Leeds on Monday. Ms. Price cut the ribbon. The deputy mayor said "
     "the town would grow.", ("The deputy mayor", "Ann Price")),
]


@pytest.mark.parametrize("text,expected", VICE_OFFICES, ids=[f"{k:02d}" for k in range(len(VICE_OFFICES))])
def test_a_vice_office_is_its_own(text, expected):
    assert expected in _written_and_resolved(text)


#: a transcript's inverted label, a speech verb's past tense before the name and a colon, names the person after the
#: verb (frames_parse.label_name in frames_quote.colon_candidates, and in article_names where the NER took the verb
#: into the name); a name ending like a past tense is no verb ('Jared'), and 'Said' is also a given name
INVERTED_LABELS = [
    ("Roger Stone spoke on the radio on Monday about the election and the machines.\n\nStated Stone: “I think the "
     "stakes are high and they would do anything to stay in power.”", ("Stone", "Roger Stone")),           # American
    ("On Monday, Gordon Brown spoke to voters in Leeds about the budget and the schools.\n\nAdded Brown: “We will "
     "hold the vote and we will win it.”", ("Brown", "Gordon Brown")),                                     # British
    ("On Monday, Jared Kushner spoke to voters in Ohio about the budget and the schools.\n\nJared Kushner: “We will "
     "hold the vote and we will win it.”", ("Jared Kushner", "Jared Kushner")),                            # control
]


@pytest.mark.parametrize("text,expected", INVERTED_LABELS, ids=[f"{k:02d}" for k in range(len(INVERTED_LABELS))])
def test_an_inverted_label_names_who_follows_the_verb(text, expected):
    assert expected in _written_and_resolved(text, cue=":")


#: a definite description is the one person the article named with a description of the same head noun, a noun naming
#: a person (ArticleNames._described_as): 'the mega donor' after 'Top Republican donor Sam Adler'; two
#: people so named, or a head naming no person, leave it as it was
SAME_HEAD_DESCRIPTIONS = [
    ("Top Republican donor Sam Adler met Ted Cruz in Dallas on Friday. While the mega donor did not disclose his "
     "backing, he said the talks went well.", ("the mega donor", "Sam Adler")),         # American
    ("Labour donor John Mills gave the party a million pounds on Monday. The millionaire donor said the money would "
     "fund the campaign in Leeds.", ("The millionaire donor", "John Mills")),                              # British
    # control: two people named with the head noun
    ("The party thanked Labour donor John Mills and Tory donor Ann Lee on Monday. The millionaire donor said the money "
     "would fund the campaign.", ("The millionaire donor", "The millionaire donor")),
    # control: a description of another office ('deputy leader' is no 'leader': merge.OTHER_OFFICE)
    ("The party thanked Deputy Leader Tom Watson on Monday. The new leader said the vote would be close.",
     ("The new leader", "The new leader")),
]


@pytest.mark.parametrize("text,expected", SAME_HEAD_DESCRIPTIONS,
                         ids=[f"{k:02d}" for k in range(len(SAME_HEAD_DESCRIPTIONS))])
def test_a_description_is_the_one_person_named_with_its_head_noun(text, expected):
    assert expected in _written_and_resolved(text)


def test_a_description_naming_no_person_is_no_one_named_with_its_head_noun():
    """The same head noun names no person ('casino'): no one named with it is the phrase (ArticleNames._described_as;
    the NER's PERSON set by hand as it read PolNeAR's 'Trump Taj Mahal')."""
    text = "Atlantic City casino Trump Taj Mahal lost money in May. The remaining casino said its revenue rose in June."
    assert _speakers_with_entities(text, [("Trump Taj Mahal", "PERSON")]) == [("The remaining casino", "The remaining casino")]


def last_speaker(text: str) -> tuple:
    """The last claim of ``text``'s actor name and type (what the switched rows below read)."""
    return resolved_speakers([text])[-1][1:3]


#: 'they' stands for people named together, as the group their own speech is stored as ('Ann Lee and Tom Hale'),
#: whether they spoke before or not: a sentence's subjects so named first, then any others (an object, after 'with');
#: never names inside the claim's own content (antecedents.TOGETHER_THEY, Antecedents._together;
#: mentions.people_together reads the pronoun as that group): (text, the last claim's actor and type, whether the row
#: fails with the switch off)
THEY_NAMED_TOGETHER = [
    ("Ann Lee and Tom Hale met voters in Leeds on Monday. They said the new tax was unfair.",              # British
     ("Ann Lee and Tom Hale", "group"), True),
    ("Sen. Mike Crapo and Sen. Jim Risch toured Boise on Friday. They said the court needed two more judges.",
     ("Mike Crapo and Jim Risch", "group"), True),                                                         # American
    # named together after a body the sentence before names (a subject that only held a rally): the latest
    # sentence's people, not the body
    ("The Acme Party held a rally in Leeds. Ann Lee and Tom Hale spoke there. They said the party would win.",
     ("Ann Lee and Tom Hale", "group"), True),
    # named together, not as a subject: a verb's object, an imperative's object
    ("When I met Jim Lee and Tom Hale in Chicago on Monday, they said the new venture would be a media company.",
     ("Jim Lee and Tom Hale", "group"), True),
    ("Take Ohio Sens. Ann Lee and Tom Hale. On Monday, they said the court needed two more judges.",
     ("Ann Lee and Tom Hale", "group"), True),
    # a sentence's subjects so named before its objects so named
    ("Ann Lee and Tom Hale met Bob Reed and Jim Ortiz in Leeds. They said the deal was done.",
     ("Ann Lee and Tom Hale", "group"), True),
    # control: people named inside the claim's own content are no antecedent of who says it
    ("The council met on Monday. They said Ann Lee and Tom Hale would win.", ("unresolved 'they'", "anonymous"),
     False),
]


@pytest.mark.parametrize("text,expected,the_rule", THEY_NAMED_TOGETHER,
                         ids=[f"{k:02d}" for k in range(len(THEY_NAMED_TOGETHER))])
def test_they_stands_for_people_named_together(text, expected, the_rule, monkeypatch):
    import graphkit.antecedents as antecedents

    assert_switched(lambda: last_speaker(text), expected, the_rule, monkeypatch, antecedents, "TOGETHER_THEY")


#: 'the spokesman' after an anonymous spokesman of its article is that spokesman again, as 'the source' continues 'a
#: senior source' (speakers.SPOKESPERSON_AGAIN, _spokesperson_again): (text, the last claim's actor and type, whether
#: the row fails with the switch off)
SPOKESPERSON_AGAIN = [
    ("Tony Blair's spokesman said the plan was dead. “We will not change course,” the spokesman said.",    # British
     ("Tony Blair spokesman", "anonymous"), True),
    ("A spokeswoman for YouTube said the video was removed. “It broke our rules,” the spokeswoman said.",  # American
     ("YouTube spokeswoman", "anonymous"), True),
    ("Donald Trump's lawyer said the suit was frivolous. “It will be thrown out,” the lawyer said.",
     ("Donald Trump lawyer", "anonymous"), True),
    # control: no anonymous spokesman before: a role, as written
    ("“We will not change course,” the spokesman said.", ("spokesman", "role"), False),
]


@pytest.mark.parametrize("text,expected,the_rule", SPOKESPERSON_AGAIN,
                         ids=[f"{k:02d}" for k in range(len(SPOKESPERSON_AGAIN))])
def test_the_spokesman_is_the_anonymous_spokesman_before(text, expected, the_rule, monkeypatch):
    import graphkit.speakers as speakers

    assert_switched(lambda: last_speaker(text), expected, the_rule, monkeypatch, speakers, "SPOKESPERSON_AGAIN")


#: 'the companies', 'The national unions' are several bodies, as written, never the one body the article named last with
#: the word; 'the company' still is that one (speakers.SEVERAL_BODIES_AS_WRITTEN, _one_body): (text, the last claim's
#: actor and type, whether the row fails with the switch off)
SEVERAL_BODIES = [
    ("The Chicago Teachers Union backed Sanders in March. The national unions said most of their members back "
     "Clinton.", ("national unions", "group"), True),                                                      # American
    ("The Department of Justice and the State Department reviewed her file. The departments declined to comment.",
     ("departments", "group"), True),
    ("The Home Office and the Department for Education issued new rules on Monday. The departments said the rules "
     "were needed.", ("departments", "group"), True),                                                      # British
    # control: one body, the one the article named with the word
    ("Enron filed for bankruptcy on Monday. The company said its debts were too large.", ("Enron", "organisation"),
     False),
]


@pytest.mark.parametrize("text,expected,the_rule", SEVERAL_BODIES,
                         ids=[f"{k:02d}" for k in range(len(SEVERAL_BODIES))])
def test_several_bodies_stay_as_written(text, expected, the_rule, monkeypatch):
    import graphkit.speakers as speakers

    assert_switched(lambda: last_speaker(text), expected, the_rule, monkeypatch, speakers, "SEVERAL_BODIES_AS_WRITTEN")


#: a common-noun speaker opened by 'whose' names its possessor as the relative clause's antecedent is named, a person by
#: their full name, an organisation by its whole name (speaker_kinds.WHOSE_ANTECEDENT, _whose_antecedent,
#: _whose_relative): (text, the last claim's actor and type, whether the row fails with the switch off)
WHOSE_ANTECEDENT = [
    ("The plan was opposed by the Leeds Civic Trust, whose planning committee said that the tower was too tall.",
     ("Leeds Civic Trust's planning committee", "organisation"), True),                                    # British
    ("Ann Reyes spoke in Ohio on Monday. The vote was close for Ms. Reyes, whose foundation said that the count was "
     "wrong.", ("Ann Reyes's foundation", "organisation"), True),                                          # American
    # controls: a spokesman is the spokesperson rules' (as 'his spokesman'); a common noun's members name no one
    ("The plan was opposed by the Leeds Civic Trust, whose spokesman said that the tower was too tall.",
     ("whose spokesman", "role"), False),
    ("The plan was opposed by the group, whose members said that the tower was too tall.",
     ("whose members", "group"), False),
]


@pytest.mark.parametrize("text,expected,the_rule", WHOSE_ANTECEDENT,
                         ids=[f"{k:02d}" for k in range(len(WHOSE_ANTECEDENT))])
def test_whose_names_the_relative_clauses_antecedent(text, expected, the_rule, monkeypatch):
    import graphkit.speaker_kinds as speaker_kinds

    assert_switched(lambda: last_speaker(text), expected, the_rule, monkeypatch, speaker_kinds, "WHOSE_ANTECEDENT")


#: sources listed as a subject, with commas, a parenthesis or an apposition between them, are all the speaker, not the
#: first alone (speaker_phrase.LIST_COMMAS: _in_list): (text, the last claim's phrase as written, actor and type with
#: the rule, and without it). The controls read the same either way (a singular noun after a name, a name after a
#: document, 'a Labour member', a comma with no 'and'); the guards that keep them so are pinned by _in_list's
#: hand-parsed doctest, where the parser's reading is fixed; the last row's 'they' is not the list of objects before
#: it (antecedents.Antecedents._together).
LISTED_SOURCES = [
    ("Ann Reyes and Tom Hale raised millions. Ms. Reyes, Mr. Hale and other prominent donors said their networks were "
     "now mostly women.",                                                                                    # American
     ("Ms. Reyes, Mr. Hale and other prominent donors", "Ann Reyes, Tom Hale and other prominent donors", "group"),
     ("Ms. Reyes", "Ann Reyes", "person")),
    ("Ann Lee spoke last. Throughout the evening, her husband, friends and neighbours said she was a generous mayor.",
     ("her husband, friends and neighbours", "Ann Lee's husband, friends and neighbours", "group"),
     ("her husband", "Ann Lee's husband", "group")),
    ("Sen. Tom Hale (Ohio) and former Iowa governor Ann Reyes argued that the plan would cost far too much.",
     ("Sen. Tom Hale (Ohio) and former Iowa governor Ann Reyes", "Tom Hale and Ann Reyes", "group"),
     ("Sen. Tom Hale", "Tom Hale", "person")),
    ("Mr Blair, Mr Brown and other ministers said the tax would have to rise.",                           # British
     ("Mr Blair, Mr Brown and other ministers", "Blair, Brown and other ministers", "group"),
     ("Mr Blair", "Blair", "person")),
    ("Ann Lee, the mayor, and Tom Hale, the council leader, said the tram would be built.",
     ("Ann Lee, the mayor, and Tom Hale", "Ann Lee and Tom Hale", "group"), ("Ann Lee", "Ann Lee", "person")),
    ("Labour MPs, union leaders and charities said the cuts would hurt the poor.",
     ("Labour MPs, union leaders and charities", "Labour MPs, union leaders and charities", "group"),
     ("Labour MPs", "Labour MPs", "group")),
    # controls
    ("Even Norway, Sweden's closest partner and its largest market for fish, said it was firmly opposed to the "
     "tariff.", ("Norway", "Norway", "country"), ("Norway", "Norway", "country")),
    ("According to the council report, Hale and another Reyes aide asked the clerk to delete the files.",
     ("the council report", "council report", "group"), ("the council report", "council report", "group")),
    ("The budget is deeply reckless, said Tom Hale, chief economist at the Leeds Policy Institute, and a Labour "
     "member who advised the council for years.", ("Tom Hale", "Tom Hale", "person"),
     ("Tom Hale", "Tom Hale", "person")),
    ("Her support has moved from Lee to Reyes to, now, Hale, Ortiz said during his speech.",
     ("Ortiz", "Ortiz", "person"), ("Ortiz", "Ortiz", "person")),
    # a list of objects: not who a later 'they' is (fails with Antecedents._together reading lists among objects)
    ("The council's few Labour members decided on Monday to block the bill. For hours, they spoke on many topics, "
     "wandering over such subjects as Winston Churchill, local poets and the Tory leadership contenders. They said "
     "their children would judge this bill harshly.",
     ("They", "council's few Labour members", "group"), ("They", "council's few Labour members", "group")),
]


@pytest.mark.parametrize("on", [True, False], ids=["rule", "off"])
@pytest.mark.parametrize("text,with_rule,without", LISTED_SOURCES,
                         ids=[f"{k:02d}" for k in range(len(LISTED_SOURCES))])
def test_sources_listed_together_are_all_the_speaker(monkeypatch, text, with_rule, without, on):
    from graphkit import speaker_phrase

    monkeypatch.setattr(speaker_phrase, "LIST_COMMAS", on)
    assert resolved_speakers([text])[-1][0:3] == (with_rule if on else without)


def actor_roles(text: str) -> dict[str, tuple[str, ...]]:
    """The roles of each actor of one article with any (`_resolved`), by name."""
    return {a.name: a.roles for a in _resolved([text])[1].actors if a.roles}


#: a person's roles read as a person writes them: the body after 'former', never 'Pennsylvania former governor'; no role
#: of a time or rank word alone ('Former, former president'); a role within an earlier one dropped
#: (actor_drafts.ROLES_AS_READ: roles_of, _dedupe_roles; a possessor before the whole role is roles_of's doctest):
#: (text, the actor, its roles with the rule, and without)
ROLES_AS_READ = [
    ("Ann Reyes, the former Democratic governor of Ohio, said the party would win the state.",           # American
     "Ann Reyes", ("former Ohio Democratic governor",), ("Ohio former Democratic governor",)),
    ("Tom Hale, the former secretary of Commerce, argued the deal was flawed.", "Tom Hale",
     ("former Commerce secretary",), ("Commerce former secretary",)),
    ("Former President Tom Hale said the economy was better. The former president said it again.",
     "Tom Hale", ("former president",), ("Former", "former president")),
    ("Ann Reyes, the former head of the Acme Workers Union, argued the union was split.", "Ann Reyes",
     ("former Acme Workers Union head",), ("Acme Workers Union former head",)),
    ("Lord Smith, the former chairman of the BBC, said the licence fee must stay.", "Smith",               # British
     ("former BBC chairman",), ("BBC former chairman",)),
    # controls: a possessor stands before the whole role; a title written before the name is as written
    ("Bob Ortiz, Hale's former campaign manager, said the rally went well.", "Bob Ortiz",
     ("Hale 's former campaign manager",), ("Hale 's former campaign manager",)),
    ("Former Prime Minister Tom Hale said the war was right.", "Tom Hale", ("Former Prime Minister",),
     ("Former Prime Minister",)),                                                                           # British
]


@pytest.mark.parametrize("on", [True, False], ids=["rule", "off"])
@pytest.mark.parametrize("text,actor,with_rule,without", ROLES_AS_READ,
                         ids=[f"{k:02d}" for k in range(len(ROLES_AS_READ))])
def test_roles_read_as_written(monkeypatch, text, actor, with_rule, without, on):
    from graphkit import actor_drafts

    monkeypatch.setattr(actor_drafts, "ROLES_AS_READ", on)
    assert actor_roles(text)[actor] == (with_rule if on else without)


#: a 'he' / 'she' said after a claim whose content opens with a clause before its quotation stands for that clause's
#: subject, though it lies inside the content: the lead-in is the writer's words naming who speaks
#: (antecedents.LEAD_IN_SUBJECT, Antecedents._lead_in_subject): (text, the last claim's actor and type, whether the row
#: fails with the switch off)
LEAD_IN_SUBJECT = [
    ("Tom Hale, the defence lawyer, said the remarks were a joke. Judge Ann Lee saw them differently: “This was no "
     "joke,” she said.", ("Ann Lee", "person"), True),                                                      # British
    ("Ann Reyes said the deal was unfair. Back then, Tom Hale looked pleased with the outcome: “She signed a gag "
     "order,” he told the Boston Globe.", ("Tom Hale", "person"), True),                                    # American
    ("Bob Ortiz opened the hearing on Monday. Sen. Ann Lee scolded the witness: “Your figures are wrong,” she said.",
     ("Ann Lee", "person"), True),
    ("Tom Hale spoke first. In her speech, Ann Lee set out the council's plan: “We will build homes,” she said.",
     ("Ann Lee", "person"), True),                                                                          # British
    # control: a lead-in whose subject names no one leaves the pronoun to the walk
    ("Tom Hale spoke on Monday. The report was damning: “We failed,” he said.", ("Tom Hale", "person"), False),
]


@pytest.mark.parametrize("text,expected,the_rule", LEAD_IN_SUBJECT,
                         ids=[f"{k:02d}" for k in range(len(LEAD_IN_SUBJECT))])
def test_a_pronoun_after_a_lead_in_is_its_subject(text, expected, the_rule, monkeypatch):
    import graphkit.antecedents as antecedents

    assert_switched(lambda: last_speaker(text), expected, the_rule, monkeypatch, antecedents, "LEAD_IN_SUBJECT")
