"""Speakers as the article names them (graphkit.segments, graphkit.speakers): tables of British- and
American-style sentences in, the speaker as resolved in the article out. Across the corpus with an empty gazetteer:
test_speakers_corpus.py; what a sentence is about and the speaker phrase: test_speaker_phrase.py; the speaker phrase
resolved to its actor: test_speaker_phrase_resolved.py."""

from __future__ import annotations

import pytest
from article_speakers import speakers
from hand_parsed import parsed

from graphkit.attribution import attributions
from graphkit.segments import byline_author, segments


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
