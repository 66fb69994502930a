"""One fingerprint of everything extraction depends on: the build's cache key.

An article is parsed again when its key differs from the one stored with its extraction. The key
names every input of extraction (``graphkit.ingest`` + ``graphkit.extract``):

- the spaCy pipeline (language, name, version) and spaCy's own version;
- :data:`EXTRACTION_VERSION`, graphkit's extraction version: bump it with any code change that changes
  what ingest or extraction outputs (``tests/test_fingerprint.py`` holds a golden output of the sample
  corpus and fails when the output changes while this constant does not), and retrain the attribution models with
  it (``python bench/train_filter.py``: their training rows are extraction's own candidates and speakers;
  ``tests/test_retrain.py`` fails when the version they record is not this one);
- the bytes of every knowledge file extraction reads: ``models/cues.yaml``, ``models/person_nouns.txt``, the trained attribution
  filter's and the cue tagger's weights (``models/attribution_filter.json``, ``models/attribution_tagger.json``), and any extra files a caller names through ``extra``.

The resolved layer (actors, places, issues, merged reports, contradictions) has its own key,
:func:`resolution_key`: the same version and files plus every other ``models/*.yaml`` resolution reads
and the corpus's own knowledge files (``CORPUS/issues.yaml``, ``CORPUS/actors.yaml``: graphkit.knowledge),
which issues and actors are resolved with: editing them re-resolves, never re-parses.

>>> k = pipeline_key()
>>> k.startswith("en_core_web_sm") and f"+extraction-{EXTRACTION_VERSION}+" in k
True
>>> import tempfile, pathlib
>>> extra = pathlib.Path(tempfile.mkdtemp()) / "issues.yaml"
>>> _ = extra.write_text("issues: []")
>>> resolution_key([extra]) != resolution_key()   # a corpus knowledge file moves the resolution key
True
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Iterable, Optional

# Bump with every change to ingest/extraction code that changes its output (see the module docstring).
EXTRACTION_VERSION = "2026.12.02-66"  # -66: an acronym is named as its article writes it out: the name it defines it as, in brackets or after 'or' ("the Alpine People's Party, or AVP," is the Alpine People's Party; no dateline in capitals), else the one name of the article with its initials ('AP' where 'The Associated Press' is written); across the corpus an acronym joins only a proper name with its initials, every word capitalised ('AP' is not 'advisory panel'); an organisation's name the NER typed a person elsewhere stays a body; a person's name the NER typed an organisation takes a later 'he' / 'she' when its phrase says it is a person's (a word naming a person in apposition, 'Reince Priebus, the GOP chairman,'; a listed given name and a surname, no organisation word); a surname the tagger read as a common noun is the full name the article gave before it as a speaker too, an apostrophe inside it as well ('O’Malley'); 'the agency' is the latest organisation named before it, as 'the company' is (merge.written_out, spelled_out; speaker_kinds._acronym_written_out; mentions._typed_mention; speaker_phrase.person_typed_otherwise; Antecedents.misread_surname; issue 12); with it, the chores' contradict.arguments: a trigger naming one of the claim's places is that place, one argument (no link of the sample or PolNeAR moved); the attribution models retrained on it; -65: a plural of people is read one way, by the parse, a stored phrase and the corpus's names alike ("Bosses" boss, "Congressmen" congressman, "MPs" mp; "the two leading Republicans, A and B," the two named, not A); a person named in apposition names the speaker wherever the parser hung the name, on a noun in apposition to the head ("The other man, his cousin Jim Ortiz,") or on the object of its preposition when that is no person ("The head of the Leeds Civic Trust, Ann Lee,"), not for a plural head; a conjunct of people named together is written once; the shipped short forms read as names are (person_nouns.plural_person_noun, speaker_phrase.person_in_apposition, speaker_kinds._as_written, merge._invert; issue 12); with it, the chores' contradict.arguments: an issue's evidence gives the claim's own words, never the marker of a learnt issue nor a trigger list's context (issue_evidence.claims_own_words, CONTEXT_MARK; no link of the sample or PolNeAR moved); the attribution models retrained on it; -64: "which" stands for a thing, never a person: hung on a person's name or a noun naming a person, the organisation its phrase names through a preposition ("said Tom Hale, chairman of the Friends of the Line, which argues"), an organisation's whole name when hung on a word of it; a plural noun naming people is a group, never one person: in apposition to names, the people named together ("The candidates, Ann Lee and Tom Hale,"), no role of one person, no person's name the NER gave it ("Tory MPs in marginal seats", "Aides"); a person noun's possessor gives its phrase no type ("the Labour leader's driver" an anonymous person), unless a noun compound says the head is a thing ("the Acme Group's ad tracker"); a name's text as a reader writes it (mojibake repaired, soft hyphens and no-break spaces gone; names.plain_name) and a mention ends on a word, not a no-break space (speaker_kinds._which_antecedent, _in_apposition; speaker_phrase.plural_people, owners_labels; entity_types._people_in_plural; issue 12; the attribution models retrained on it); -63: unnamed people in the plural keep a restrictive relative clause that says which people they are ("Executives who run news outlets said", "drivers who use the ring road"; no comma before it), not one whose verb is a cue of the lexicon ("Sources who requested anonymity", "voters who think ...": what they said), nor one person's; a bare repeat or a "they" after a group phrase of people is the fuller phrase its article wrote before ("Executives said" after "Executives who run news outlets said"; not "Data show" after "data from the ministry"); a phrase never ends on a function word a space token follows (speaker_phrase._says_which_people, _speech_clause, _cut_short; mentions.before_which, names_people; actor_names.group_repeat; issue 12; the attribution models retrained on it); -62: a bare share as the speaker ("Only 24 percent said", "Four in 10 said", "61 per cent said": a number, a percentage or a share word and nothing after it but its unit) is that share of the group the nearest share before it was written with, in its sentence or the sentence before: the people of an "of" after a share or quantity or of an "among" ("38 percent of riders called the fares fair. Only 12 percent said ..." is "12 percent of riders"; "Among Labour members, 61 per cent said" is "61 per cent of Labour members"); "per cent" is one unit as "percent" is ("Thirty per cent of voters", not "Thirty") (speaker_phrase.bare_share, group_of_share, share_of; issue 12; the attribution models retrained on it); -61: unnamed people keep what says which people they are, up to a comma: a passive participle or a place or membership phrase that is no date or document ("People briefed on the talks", "officials in the administration", "a source at the station"; not "officials in March", "the union's lawyers in a written filing"); a stored phrase is read by its words up to the head, for its type, a "they" or "the source" after it, and a bare repeat, which is the fuller phrase its article wrote before ("Experts said" after "Experts on Russia said") (speaker_phrase.who_of, mentions.before_which, actor_names._fuller_before; issue 12; the attribution models retrained on it); with it, session 45's chores: any apposition, not only the first, names the person ("One Democrat, a donor, Ann Lee,"), and an all-caps count word counts as any other ("ANOTHER official": mentions.counted_word, speaker_phrase.named_in_apposition; no speaker of PolNeAR or the sample moved); -60: a speech verb's participle set off by a comma inside another cue's content, after that cue ("The mayor said the fares were too high, adding that she would ask the council to cut them", "insisted that he had “won,” claiming that ...", "said ..., while noting that ..."), is the same speaker's second claim, its clause cut from the first one's content (attribution._second_claim; issue 13; the attribution models retrained on it); -59: one member of a people or party the article does not name ("a", "an", "one" or "another" and a singular head the NER calls a people or party: "a New Hampshire Republican", "one Democrat familiar with the talks") is an anonymous source of its article, not the party; a spokesperson-like anonymous source keeps its count word as any other does ("another Downing Street spokesman" is a second source, not the one "a Downing Street spokesman" was); a description of a person that is no office ("the announcer", "the heckler") refers back only to whom the sentence before's main clause is about or a name of a clause below its own sentence's main one, never its own main clause's person nor a headline's; a description a place, body or people qualifies ("the London businessman") is the person the sentence before is about, unless a name of the article's people qualifies it ("the Christie supporter") (issue 12; the attribution models retrained on it); -58: a definite singular noun whose most frequent sense is a person ("the man", "The witness", "the retired neurosurgeon") is the person it describes: someone the article named in that role ("the actress" after "actress Ann Lee"), else the one person not named it brought in with the same noun ("One man in the crowd ... the man shouted": that anonymous source), else, unless a name, place or body qualifies it, the person the sentence before is about (as for an office), else an anonymous source of its article that takes no later "he" / "she", never a group merged across the corpus; a document speaker is named by who issued it where the sentence says so ("a survey released by the Grattan Institute", "X issued a statement ... The statement said", "X said in a statement": "Grattan Institute survey"), several issuers all named; a question an anonymous person puts to a person the article names is answered by the one asked ("A voter asked Ann Lee where she stood. She replied" is Ann Lee's) (issue 12; the attribution models retrained on it); -57: one person the article does not name ("a neighbor said", "one voter in Des Moines", "another supporter": "a", "an", "one" or "another" and a singular noun whose most frequent sense is a person, models/person_nouns.txt from WordNet 3.0) is an anonymous source of its article, not a group merged across the corpus, unless a person is named in apposition ("Another critic, Laurence Tribe,"); a "he" / "she" the article pass gave such a person is that source ("A reporter for the BBC called it chaos. ... he said") (issue 12; the attribution models retrained on it); -56: a cue that is the to-infinitive of another cue with the same subject stays a candidate beside it ("Russia continues to demand that Ukraine ...": the "demand" claim is Russia's too), and of two kept claims of one speaker with the cue of one inside the other's content the less confident gives way (attribution._own_infinitive, confidence.nested_give_way; issue 13; the attribution models retrained on it); -55: a lexicon verb no other frame reads, with a speaker of its own, takes its clause or to-infinitive ("The senator has continued to question the plan"; not its object or prepositional object, nor an act of showing) (frames_verb.frame_complement, the last verb frame; issue 13; the attribution models retrained on it); -54: a subject that names no one by itself (a quantifier, demonstrative or number) keeps what follows it and says who ("Many in the crowd", "those around him", "nine out of 10", "Others who have argued ..."), not a clause set off by a comma nor an "as" phrase; the antecedent of "who" ends before it; of a clausal and a nominal subject of a cue the nominal one speaks ("Getting Russia to signal ..., it" is "it") (issue 12; the attribution models retrained on it); -53: a pronoun takes the name the sentence before is about where the parse makes it no subject: the possessor of a subject naming no person, outside what anyone says ("Though Hale's campaign has faltered, he found his voice"; not "Hale's aide", "Hale's son Bob Hale"), and a name the parser made the root of the sentence it opens ("Hale, when asked ..., often steam-rolls past every question"), not for a description of a person ("The judge") (graphkit.antecedents.sentence_subject; issue 12; the attribution models retrained on it); -52: of a nested pair of kept claims (one's speaker inside the other's content: "Many economists believe the plan will fail, according to a survey"), the less confident one gives way after the re-scorer, a relative clause's own claim never (confidence.nested_give_way; issue 13; the attribution models retrained on it); -51: a woman's honorific is never a man's name the NER typed no person ("Mrs. Baca" is not "her husband, Tom Baca" when her own full name is typed an ORG); "the campaign", "the board" (a body's noun alone, one) is the body the article named before with whose it is ("the Sanders campaign"), a phrase and its antecedent agreeing in number; a given name written alone as a relative ("Clinton's husband, Bill") takes that person's surname; a common-noun phrase naming a body and whose it is ("Sanders campaign") is an organisation, not a group (issue 12; the attribution models retrained on it); -50: "who" hung on a common noun a preposition puts under an apposition is the person the apposition names ("Ann Reed, a secretary of trade under the Smith administration who ..."); a role no one was named in that brings someone new in ("a federal judge ruled ...") is the one person the next sentence names in it; a definite description no one was named in ("The Democratic presidential candidate said") is the person the sentence before or its own is about, its latest speaker or subject, unless a name, party or place qualifies it or the article names that person in another office of the kind; an acronym ("the SVP") is no short form of a longer name holding it ("Junge SVP"); a first "Mr X" at the text's first character counts for "Mr X" keeping its first person (issue 12; the attribution models retrained on it); -49: "who" on a noun in apposition to a person's name is that person ("Ed Barnes, a moderate Ohio Democrat who ..."), and so is the "who" of a verb coordinated with a relative clause ("a Brown supporter whose seat is safe but who backed the cuts"); "Mr. X" keeps the person it first stood for (of two brothers named in full, the later named one no longer takes every later "Mr. X"); a one-word name written in three articles or more, none of which names a person in full with it, takes its other NER labels over PERSON ("Twitter", "Facebook", "The Hill"); the gender votes read the quotation marks of graphkit.quotes (the low opening mark included) (issue 12; the attribution models retrained on it); -48: the attribution models retrained with the grid's near-tie rule (of the settings within one paired standard error of the best CV objective, the lowest thresholds: bench/train_filter.py --near-ties lowest-threshold, the default) (issue 13); -47: what the article says of a person's gender: an object pronoun of a person subject is someone else ("Deja Stewart, who ... when she called him"), only pronouns on the name's side of a quotation count, none past a noun that brings in someone of a gender ("her husband -- praising him"), a noun the article names the person with ("his wife, Jane"); the pronoun speakers resolved to a name so far say its gender to later pronouns (three at least, four in five) (issue 12; the attribution models retrained on it); -46: single curly quotes ‘…’ (British style) are quotations, paired within a paragraph apart from apostrophes (don’t, students’ union, ’90s); a first-person speaker (I, we) is its own speaker type in the re-scorer's features; a participle the parser hangs on a place speaks for the person before it ("a video showing Putin at a command post saying ..."); the "around" frame yields to a prepositional object the lexicon names ("As evidence, the senator pointed to the missed deadlines" is not "As evidence"); the attribution models retrained (issue 13); -45: a name written with a quoted nickname between the given name and the surname is one person entity, where the NER cut it ("Marine John “Tig” Tiegen", not "Marine John “Tig" and an ORG "Tiegen"; "Edward “Teddy” Taylor"); people joined by "nor" are a group as written, the negation kept ("neither Ted Cruz nor Chris Christie", not the person "Neither Cruz") (issue 12; the attribution models retrained on it); -44: a quotation the cue opens after a comma or colon is its content ("Priebus said, “Probably.”", frame quote_after); "“...?” Clinton asked." on the quotation's line takes the quotation; the attribution models retrained, chosen by the grid's best CV objective (the one-standard-error near-tie rule is opt-in, --near-ties most-claims) (issue 13); -43: a role qualified by a name or a possessive pronoun is only someone the article named with it ("the Florida senator" is not "Bernie Sanders, the senator from Vermont"); people named together with others are a group as written ("Bernie Sanders and his aides", "Paul Ryan and Donald Trump" with "Trump" an ORG), never "he" / "she"; a surname alone is a full name written before it whether the NER typed it a person or not ("GOP presidential candidate Carly Fiorina" an ORG, not "her husband, Frank Fiorina" named later); a capitalised surname the tagger read as an adjective or a verb is a pronoun subject like one read as a noun (issue 12) (written as -40 before -41 merged, -42 being issue 13's; the attribution models retrained on it); -41: the attribution re-scorer retrained on the code of -39 (its speaker features had moved under the shipped weights); each model records the extraction version it was trained under (issue 13); -39: adjectives coordinated before a speaker's head noun are the phrase's ("five past and current employees", not "current employees"); a capitalised surname the tagger read as a common noun is a pronoun antecedent whatever the NER typed it ("Sanders exaggerates when he says ..." with "Sanders" an ORG); a speaker of a subordinate clause comes after its sentence's subjects for "he" / "she" ("Ryan did not sound sure when Tapper asked ... “...,” he said" is Ryan's); a speaker phrase opening with "a" / "an" is no one the article named in that role before (issue 12); -38: a pronoun takes an earlier sentence's main-clause subject before a subordinate clause's ("Kasich predicted ... if Sanders wins. “...,” he said" is Kasich's); a quote running over several sentences is one turn, its sentences not counted in the pronoun's window; "it" stands for no plural noun ("researchers ... Even so, it declared" is the bureau's); a formal given name written with a middle initial joins its familiar form when the corpus gives the surname no other given name ("Edward G. Rendell" / "Ed Rendell") (issue 12); -37: a sentence adverbial after a punctuation mark ("He leads — that said, ...", "; having said that,") is no cue, and a cue after it says nothing of the words before it; the cue tagger's head features skip a root (a `t.head is t` test never held) and a tagger candidate's content leaves out its subject phrase; attribution models retrained (issue 13); -36: an indefinite pronoun as the speaker ("Someone said", "Everyone agrees", "Nobody said") names no antecedent, the group as written, like a quantifier (review); -35: a surname the running text never names in full is the full name a heading opens with ("Cecile Richards: ..." over "Richards said"; a listicle's subhead "Salma Hayek Described ..." over "Hayek confirmed") (issue 12); -34: "“...,” Sanders said, according to CNN" is Sanders's claim reported by CNN (an "according to" whose content is one named speech act whole); "That said, ..." / "Having said that, ..." is no cue and no part of a claim; a quantifier alone ("Some have suggested", "Both said") names no antecedent, the group as written; a name inside a quotation is no subject for a later "he" / "she"; "One in four voters" is the speaker, not "One" (issue 12); -33: a mention the NER tagged by its surname alone is read by its full name the article pass found ("Rahm Emanuel", not "Emanuel" that several full names carry); a closing line reporting someone's words ("..., one reader said.") is no note on the author, one with a verb of office ("X chairs the ..."), an office without an article ("X is playwright-in-residence at ...") or an account to follow ("Follow Pam Key on Twitter") is; a letter's "I" is the writer whose name line signs it on a letters page (issue 12); -32: a shorter role ("the president") finds only the same office written with more words, never "the vice president" or "the former president", and only when one person was so named; a role written before a name stops at a conjunction, comma or other person's name ("media mogul Rupert Murdoch" after "real estate mogul Donald Trump and") ; a readers' comment is signed by a handle line only in a run of two or more signed paragraphs (not an author's sign-off, a header or a list of accounts) (lead, review of issue 12); -31: attribution re-scorer retrained on the final code, its feature cut-off (min_count 10) chosen by the CV grid (issue 13); -30: the first person of a readers' comment signed with a Twitter handle on the line after it is the handle's ("I was moved.⏎⏎@peacockhill."); a name the article calls "he" / "she" is typed a person whatever spaCy's label; a lower-case speaker phrase ("the candidate") takes no type from a name folding the same; "the mogul" is the person the article named "real estate mogul" before (issue 12); -29: a claim's content runs on to what follows it under the cue verb: prepositional phrases of any kind, adverbs, a clause of reason or manner, not a coordinated verb nor a cue's own participle (frames.trailing_complements; attribution models retrained) (issue 13); -28: "the poll", "the statement" as a speaker is the document the article named more fully before ("A new CBS News poll", "the Holocaust Museum's statement"); a spokesperson glued to its principal with no space ("¦officials") keeps one span and no added space; a capitalised subject the tagger reads as a common noun ("Sanders appeared to dismiss ...") is a pronoun antecedent when the article names a person with it in full and never writes it in lower case (issue 12); -27: the first person of an opinion piece without a byline is the author its closing note names ("Dana Whitfield is the Democratic mayor of Tulsa.", "From THE LONG ROAD by Ellen O'Brien.") (issue 12); -26: a speaker phrase keeps the words a slash (or, before a lower-case word ending in a common noun, a hyphen) glues to its first word ("CNN/ORC poll", "Republican-leaning voters") and the complement of an adjective after its noun ("people close to Clinton", which names no one the source is) (issue 12); -25: a common-noun speaker opened by 'his' / 'her' names its possessor as the pronoun resolves ("his campaign" -> "Bernie Sanders's campaign"), not for a role or source (issue 12); -24: 'they' has a plural common noun that is a subject as an antecedent ("the mayor's backers broke into applause as they heard") and no place named alone ("Coral Gables", "China") (issue 12); -23: a pronoun's subject candidates include the subject of what an earlier sentence reported in its own words (not quoted) and a capitalised subject the NER typed nothing that the article never writes in lower case ("the ministry said Karimov was a leader of the group. He was briefly held. He denied ..." is Karimov) (issue 12); -22: a surname alone means the holder the article named before it first wrote the surname alone ("Hillary Clinton ... Clinton ... Bill Clinton") (issue 12); -21: a hyphenated word is one word in keyphrases ("e-mails", not "e" and "mails"; issue 14); -20: an organisation's short form keeps its capitalised words ("The State Department" is no "Department of Justice"), a name inside an apposition's modifier is not the speaker ("Griffin, an Obama backer"), "who" hung on an organisation is the person or role before it (issue 12); -19: "As X reported, ..." sources the sentence it hangs on, a participle's noun is its speaker ("a group backing Rubio") (issue 13); -18: an honorific picks the family member of its gender, a surname alone the person the headline names, a person name ends at a spaced dash, a people (NORP) is no organisation's or person's name (issue 12); -17: the "headline" frame off by default (issue 12: a headline is never a claim's content; attribution.HEADLINES); -16: a headline or deck holds its own claim (the "headline" frame), "said A and that B" is one claim (issue 13); -15: a subject pronoun is not its verb's object, 'they'/'it' are no person, 'his'/'her' speakers are people, interview answers and transcript turns are the interviewee's / the label's (issue 12); -14: people named together are one group source ("Dana Bash and Wolf Blitzer"), a phrase naming whose or where a common-noun source is belongs to it ("a study by the League of ...", "One in three") (issue 12); -13: an object claim keeps its non-circumstantial prepositional phrases, a quote continues the quoted claim of the sentence before, a coordinated speech verb is a claim of its own (issue 13); -12: "a spokeswoman for YouTube" is a YouTube spokeswoman, "Mr. Trump" is not a relative the article calls by first name nor one whose middle name it is (issue 12); -11: surnames with a particle ("Bill de Blasio"), a quote in an exchange is the named replier's, a passive's agent is not its coordinated verb's subject, hyphenated words in speaker phrases, "an angry Hollande" (issue 12); -10: a bare title ("Sen. X") names no qualified role ("the Vermont senator"), a title before a name is no role of the speaker again, "the former president" (issue 12); -9: a learned cue tagger proposes candidates beside the rules, re-scored (issue 13); -8: one pronoun resolver (same mention keeps its speaker, no antecedent inside what anyone said), role phrases under an adjective are roles, a first name the NER left out, list-number subheads, "the president" after "President X" (issue 12); -7: gender from the honorifics after a full name, subjects the NER missed as pronoun antecedents (issue 12); -6: speaker phrases never end on a function word, title-case subheads, no antecedent for generic you/demonstratives (issue 12); -5: declined stance, first person -> author, reported_by, confidence (issue 13); -4: issues assigned at resolution; claims keep context and keyphrases (issue 14)

EXTRACTION_FILES = ("cues.yaml", "person_nouns.txt")  # models/ files extraction reads (the filter weights are added); issues: resolution

Paths = Iterable["str | Path"]


def knowledge_files(extra: Paths = ()) -> list[Path]:
    """Every knowledge file extraction reads, in a fixed order: models/ files, the filter and cue tagger
    weights, then `extra`.

    >>> [p.name for p in knowledge_files()]
    ['cues.yaml', 'person_nouns.txt', 'attribution_filter.json', 'attribution_tagger.json']
    """
    from .confidence import model_path, tagger_path
    from .knowledge import models_dir

    root = models_dir()
    return [root / n for n in EXTRACTION_FILES] + [model_path(), tagger_path()] + [Path(p) for p in extra]


#: `files_hash`'s answers in this process, by each file's path and stat (`_stat_key`): a build asks the hash of the
#: same knowledge files up to nine times (`pipeline_key`, the models stamp, `resolution_key` for each kept layer)
_HASHED: dict[tuple, str] = {}
#: a file changed less than this many seconds ago is hashed again at every ask: its timestamps may not tell a second
#: write within the same tick of the file system's clock apart (git's "racy" files)
SETTLED_SECONDS = 2.0


def _stat_key(path: Path) -> Optional[tuple]:
    """What says that the file at ``path`` is the one hashed before (device, inode, size, modification and change
    times); ("missing",) for no file; None for one changed within `SETTLED_SECONDS`, hashed again each time."""
    import time

    try:
        st = path.stat()
    except OSError:
        return ("missing",)
    if time.time() - max(st.st_mtime, st.st_ctime) < SETTLED_SECONDS:
        return None
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


def files_hash(paths: Paths) -> str:
    """Short sha256 of the files' names and bytes (a missing file hashes as missing, so restoring it re-parses).
    Read once per process while the files stay as they were (`_stat_key`).

    >>> files_hash([]) == files_hash([])
    True
    """
    paths = [Path(p) for p in paths]
    stats = [_stat_key(p) for p in paths]
    key = None if None in stats else tuple(zip(map(str, paths), stats))
    if key in _HASHED:
        return _HASHED[key]
    h = hashlib.sha256()
    for f in paths:
        h.update(f.name.encode() + b"\0")
        try:
            h.update(f.read_bytes())
        except OSError:
            h.update(b"\0(missing)")
        h.update(b"\0")
    digest = h.hexdigest()[:12]
    if key is not None:
        if len(_HASHED) >= 64:  # a long-lived process (a notebook) naming many corpora's files
            _HASHED.clear()
        _HASHED[key] = digest
    return digest


def _spacy_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("spacy")
    except PackageNotFoundError:  # pragma: no cover - spaCy is a dependency
        return "unknown"


def _key(lang, name, version, extra: Paths = ()) -> str:
    return (f"{lang}_{name}-{version}+spacy-{_spacy_version()}+extraction-{EXTRACTION_VERSION}"
            f"+knowledge-{files_hash(knowledge_files(extra))}")


def model_key(nlp, extra: Paths = ()) -> str:
    """The extraction key of a loaded pipeline (what a worker that parsed stamps its output with)."""
    meta = nlp.meta
    return _key(meta.get("lang"), meta.get("name"), meta.get("version"), extra)


def pipeline_key(model: Optional[str] = None, extra: Paths = ()) -> str:
    """`model_key` of the pipeline `model` names, read from its meta.json without loading spaCy.

    A build with nothing to parse then never loads spaCy. Falls back to loading the pipeline.

    >>> from graphkit.nlp import load_pipeline
    >>> pipeline_key() == model_key(load_pipeline())
    True
    """
    from .nlp import pipeline_folder

    try:
        meta = json.loads((pipeline_folder(model) / "meta.json").read_text(encoding="utf-8"))
        return _key(meta["lang"], meta["name"], meta["version"], extra)
    except Exception:  # not an installed package with a meta.json: ask spaCy
        from .nlp import load_pipeline

        return model_key(load_pipeline(model), extra)


def resolution_key(extra: Paths = ()) -> str:
    """What the resolved layer depends on besides the extractions: the version and every knowledge file.

    >>> resolution_key() == resolution_key() and resolution_key() != resolution_key(["/nonexistent/x.yaml"])
    True
    """
    from .knowledge import models_dir

    files = sorted(models_dir().glob("*.yaml")) + knowledge_files(extra)
    return f"extraction-{EXTRACTION_VERSION}+knowledge-{files_hash(files)}"
