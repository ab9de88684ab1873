import re
from collections import Counter
from copy import copy

from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefgen import quote_attribution, quote_merge, quotes
from briefgen.model import Sentence
from briefgen.name_roles import _ANY_TITLE, _holds_title
from briefgen.name_words import CAPITALS, NAME_RUN, NAME_RUNS, governed
from briefgen.overlap import OverlapIndex
from briefgen.quote_attribution import (
    _ADVERB,
    _APPOSITION,
    _APPOSITION_SPACE,
    _AT_END,
    _BEFORE,
    _NAME_TAIL,
    _NAME_UNITS,
    _PERFECT,
    _REPORTING,
    _REPORTING_WORDS,
    _SAID_WORDS,
    _SPEECH,
    _SPEECH_WORDS,
    _VERB_ENDS,
    _VERB_WORDS,
    _VERBS,
    AFTER,
    REPORTED,
    REPORTING_WORD,
    SAID_AFTER_COMMA,
    SPEAKS,
    SPEECH_WORD,
    last_reporting_word,
    search_all,
    speakers_in,
)
from briefgen.quote_found import CUT, FoundQuote
from briefgen.quote_merge import _better, _min_shared, _similar, _words, merge_quotes
from briefgen.quote_reader import _DATELINE, ArticleReader, _undated
from briefgen.quotes import find_quotes
from briefgen.segment import segment
from briefgen.speakers import _LOWER_WORD, _PLACE_BEFORE, Names, _is_tag, lowercase_words

from .conftest import make_article


def quotes_of(*bodies: str):
    arts = [make_article(b, id=f"a{i}") for i, b in enumerate(bodies)]
    sentences = [s for a in arts for s in segment(a)]
    return find_quotes(arts, sentences, min_words=3, max_words=60)


def test_speaker_after_and_before_the_quote():
    body = ('Foreign Minister Jane Doe arrived on Monday. "We came to listen and to talk," '
            'Doe said.\n\nPresident Sam Roe told reporters: "The door is open to dialogue."')
    quotes = {q.speaker: (q.text, q.role) for q in quotes_of(body)}
    assert quotes == {"Jane Doe": ("We came to listen and to talk", "Foreign Minister"),
                      "Sam Roe": ("The door is open to dialogue.", "President")}


def test_said_before_name_and_curly_marks():
    body = "“There is no room for compromise on this,” said Jane Doe, the foreign minister."
    [q] = quotes_of(body)
    assert (q.speaker, q.text) == ("Jane Doe", "There is no room for compromise on this")


def test_a_title_in_small_letters_before_the_name_names_the_speaker():
    # wire copy writes a title in small letters: "said opposition leader Dana Krell"
    bodies = ["“We will not accept these terms,” said opposition leader Dana Krell.",
              "“The border stays open for now,” government spokesman Sam Roe said.",
              "“Trade will grow again next year,” said deputy prime minister Ana Veld."]
    found = {q.speaker: (q.text, q.role) for q in quotes_of(*bodies)}
    assert found == {"Dana Krell": ("We will not accept these terms", "opposition leader"),
                     "Sam Roe": ("The border stays open for now", "government spokesman"),
                     "Ana Veld": ("Trade will grow again next year", "deputy prime minister")}


def test_a_title_after_the_name_needs_no_article():
    body = ("“We will not accept these terms,” said Dana Krell, leader of the opposition "
            "Unity Party.\n\nSam Roe, president of the Policy Institute, said: “The talks "
            "will fail without trust.”\n\nAna Veld, Sam Roe and the minister, said to be "
            "close friends, spoke. “We talked for hours,” Veld said.")
    roles = {q.speaker: q.role for q in quotes_of(body)}
    assert roles == {"Dana Krell": "leader of the opposition Unity Party",
                     "Sam Roe": "president of the Policy Institute", "Ana Veld": ""}


def test_a_word_that_only_links_is_no_part_of_a_title():
    body = ("Talks ended when foreign minister Jane Doe left. “There is no deal yet,” "
            "said Doe.")
    [q] = quotes_of(body)
    assert (q.speaker, q.role) == ("Jane Doe", "foreign minister")


def test_he_after_an_unnamed_speaker_is_not_given_to_a_person_named_before():
    body = ("Sam Roe, an author, said: “The data decides who may travel.”\n\n"
            "“We are not just numbers,” says a doctor from Pell, whose name was withheld. "
            "He now lives near the hospital. Since March, he says, he has treated six patients "
            "shot at the crossing. “There is a tragedy inside every one of us,” he says.")
    assert [(q.speaker, q.text) for q in quotes_of(body)] == [
        ("Sam Roe", "The data decides who may travel.")]


def test_an_opening_word_before_he_is_no_speaker():
    body = ("Jane Doe runs the clinic in Pell. Normally, she’d spend her weekends with her "
            "family, but in recent weeks she has been unable to travel. Since March, she "
            "says, she has treated six patients.\n\nThough Doe said she recognized that "
            "“the crossing must stay open for patients,” she expected it to close.")
    assert {q.speaker for q in quotes_of(body)} == {"Jane Doe"}


def test_a_reported_clause_whose_subject_stands_before_the_speaker_is_left_out():
    body = ("Jane Doe studies the harbour. That, she says, is part of the reason for the "
            "closure. Doe said the port would reopen in May.")
    assert [q.text for q in quotes_of(body)] == ["the port would reopen in May"]


def test_he_is_never_a_person_the_article_calls_ms():
    body = ("Mr Sam Doe, the minister, met Ms Ana Roe, the mayor, on Monday. “We agreed on the "
            "budget,” Doe said. Roe did not comment on the plan. “The port will reopen in "
            "May,” he added. State media quoted her as saying: “The budget is too small.”")
    assert [(q.speaker, q.text) for q in quotes_of(body)] == [
        ("Sam Doe", "We agreed on the budget"), ("Sam Doe", "The port will reopen in May"),
        ("Ana Roe", "The budget is too small.")]


def test_pronoun_resolves_to_the_person_just_named():
    body = ("Envoy Ali Khan, who leads the delegation, spoke after the meeting. "
            'He said, "We agreed on a working group for trade."')
    [q] = quotes_of(body)
    assert q.speaker == "Ali Khan"


def test_quote_without_a_speaker_is_left_out():
    assert quotes_of('The slogan "Peace through dialogue and trade" was everywhere.') == []


def test_same_quote_in_two_outlets_is_one_quote_citing_both():
    one = '"The talks were candid and constructive," Jane Doe said on Monday.'
    two = 'Jane Doe said: "The talks were candid and constructive."'
    [q] = quotes_of(one, two)
    assert q.sources == ("a0", "a1")


def test_speaker_role_from_title_or_apposition():
    one = ('Foreign Minister Jane Doe opened the talks. "We came to listen and to talk," '
           'Doe said.')
    two = ('Sam Roe, a senior fellow at the Policy Institute, was blunt. "The talks will fail '
           'without trust," Roe said.')
    roles = {q.speaker: q.role for q in quotes_of(one, two)}
    assert roles == {"Jane Doe": "Foreign Minister",
                     "Sam Roe": "senior fellow at the Policy Institute"}


def test_titles_read_when_asked_for_are_those_read_all_at_once():
    bodies = ["Foreign Minister Jane Doe met Sam Roe, a senior fellow at the Policy Institute. "
              "Doe and Roe talked. Jane Doe said Ruritanian President Ana Maria da Costa, the "
              "host, would join. Da Costa’s envoy, Sam Roe, stayed.",
              "Ruritania's finance minister Jane Doe met the president, Sam Roe, in Strelsau."]
    # (after a first article, the only one the day's names are learnt from)
    articles = [make_article(b, id=f"a{i}") for i, b in enumerate(["Jane Doe spoke.", *bodies])]
    lazy, eager = Names(articles, sample_chars=0), Names(articles, sample_chars=0)
    assert all(m.role is None for m in lazy.article("a1").mentions)
    for a in articles:
        eager.article(a.id).titled_mentions()  # every title read before anything is asked
        for name in eager.article(a.id).counts:
            for words in (name, name.split()[-1], name.split()[0]):
                assert lazy.article(a.id).role_of(words) == eager.article(a.id).role_of(words)
                assert lazy.article(a.id).full(words) == eager.article(a.id).full(words)
        assert [m.role for m in lazy.article(a.id).titled_mentions()] == \
            [m.role for m in eager.article(a.id).mentions]
    assert "Foreign Minister" in {m.role for m in eager.article("a1").mentions}


def test_a_role_before_the_name_may_end_on_an_acronym_in_brackets():
    body = ('The President of the New Development Bank (NDB), Jane Doe, said: "The bank will '
            'lend more to its members."')
    assert [(q.speaker, q.role) for q in quotes_of(body)] == [
        ("Jane Doe", "President of the New Development Bank (NDB)")]


def test_reported_speech_keeps_the_source_words_and_says_so():
    body = ("Foreign Minister Jane Doe said the talks would resume in Geneva next month. "
            "The ceasefire will hold until the spring, according to Sam Roe. "
            "The border will reopen on Friday, according to the ministry.")
    quotes = {q.text: (q.speaker, q.reported) for q in quotes_of(body)}
    assert quotes == {
        "the talks would resume in Geneva next month": ("Jane Doe", True),
        "The ceasefire will hold until the spring": ("Sam Roe", True),
        "The border will reopen on Friday": ("the ministry", True),  # an institution speaks
    }


def test_direct_quotes_are_not_marked_reported():
    [q] = quotes_of('"We will meet again in May," Jane Doe said.')
    assert not q.reported


# --- quotes exactly as printed -------------------------------------------------------------------

def test_ellipses_dashes_and_brackets_are_kept_as_printed():
    body = ('"We think too much in ... old terms – and that […] must change," Jane Doe '
            'said.\n\nSam Roe said: “The talks… went well. We will meet again.”')
    texts = {q.speaker: q.text for q in quotes_of(body)}
    assert texts == {"Jane Doe": "We think too much in ... old terms – and that […] must change",
                     "Sam Roe": "The talks… went well. We will meet again."}
    for text in texts.values():
        assert text in body


def test_a_quote_the_page_cut_off_is_shortened_visibly():
    body = ('Foreign Minister Jane Doe spoke after the talks. "We have agreed on a road map for '
            'trade and we will meet again before the end of the ye')
    [q] = quotes_of(body)
    assert q.text == "We have agreed on a road map for trade and we will meet again before the " \
                     "end of the ..."
    assert q.text.removesuffix(" ...") in body


def test_a_long_quote_is_cut_at_a_sentence_end_and_says_so():
    first = "We came here to talk about trade and about the border, and we did both today."
    body = f'"{first} ' + " ".join(["The rest of the statement goes on and on."] * 8) + \
        '," Jane Doe said.'
    [q] = quotes_of(body)
    assert q.text.startswith(first) and q.text.endswith(". ...")
    assert len(q.text.split()) <= 61 and q.text.removesuffix(" ...") in body


def test_a_second_quote_after_the_attribution_is_the_same_speaker():
    body = ('"We came to listen," Sam Roe said. "We will decide nothing today."\n\n'
            '"The door stays open to everyone who wants to talk."')
    quotes = {q.text: q.speaker for q in quotes_of(body)}
    assert quotes == {"We came to listen": "Sam Roe",
                      "We will decide nothing today.": "Sam Roe",
                      "The door stays open to everyone who wants to talk.": "Sam Roe"}


# --- speaker and role from the quote's own article -----------------------------------------------

def test_role_comes_from_the_quotes_own_article():
    one = ('Foreign Minister Jane Doe arrived on Monday. "We came to talk about the border," '
           'Doe said.')
    two = ("Jane Doe, the chairwoman of the Harbour Board, spoke first. Jane Doe, the chairwoman "
           'of the Harbour Board, left early. "The harbour will stay open all winter," Doe said.')
    roles = {q.text: (q.speaker, q.role) for q in quotes_of(one, two)}
    assert roles == {
        "We came to talk about the border": ("Jane Doe", "Foreign Minister"),
        "The harbour will stay open all winter": ("Jane Doe", "chairwoman of the Harbour Board"),
    }


def test_role_belongs_to_the_speaker_not_to_a_neighbour():
    body = ("President Sam Roe met Jane Doe, the chairman of the Trade Council, on Monday. "
            '"The talks were useful and we will meet again," Roe said.')
    [q] = quotes_of(body)
    assert (q.speaker, q.role) == ("Sam Roe", "President")
    alone = ("Sam Roe and Jane Doe, the chairman of the Trade Council, met on Monday. "
             '"The talks were useful and we will meet again," Roe said.')
    [q] = quotes_of(alone)
    assert (q.speaker, q.role) == ("Sam Roe", "")


def test_a_one_word_speaker_is_named_in_full_as_the_article_names_them():
    body = ('Ruritanian President Ana Maria da Costa met the envoy. "We will not give up the '
            'port," da Costa said.')
    [q] = quotes_of(body)
    assert (q.speaker, q.role) == ("Ana Maria da Costa", "Ruritanian President")


def test_a_descriptor_is_the_person_the_article_gives_that_title():
    body = ("Ruritanian President Jane Doe hosted Freedonian President Sam Roe. "
            '"We have no quarrel with our neighbours," the Ruritanian president said.')
    [q] = quotes_of(body)
    assert q.speaker == "Jane Doe"


def test_a_place_never_speaks_but_an_institution_does():
    body = ("The envoy arrived in Strelsau on Monday.\n\n"
            '"The sanctions will not work and will be answered," Strelsau said.\n\n'
            '"The sanctions will be reviewed next month," the ministry said.')
    quotes = {q.text: q.speaker for q in quotes_of(body)}
    assert quotes == {"The sanctions will be reviewed next month": "the ministry"}


def test_he_is_whoever_was_last_named_speaking_not_the_last_name_seen():
    body = ("Foreign Minister Jane Doe said the two sides had talked for five hours. "
            "Her visit follows a trip by President Sam Roe last year.\n\n"
            '"We agreed to open a hotline between the capitals," she said.')
    [direct] = [q for q in quotes_of(body) if not q.reported]
    assert direct.speaker == "Jane Doe"



def test_a_straight_quote_mark_never_closed_does_not_swallow_the_narration():
    body = ('Jane Doe said the talks were "constructive and would go on next week. The two '
            'ministers met for four hours on Monday, officials said. Sam Roe told reporters: '
            '"We are ready to sign the agreement soon."')
    assert [(q.text, q.speaker) for q in quotes_of(body) if not q.reported] == [
        ("We are ready to sign the agreement soon.", "Sam Roe")]
    # closed, a straight quotation is read as before
    body = 'Sam Roe said: "We are ready to sign the agreement soon," and left the hall.'
    assert [q.text for q in quotes_of(body)] == ["We are ready to sign the agreement soon"]
    # a straight pair inside curly marks is the quotation's own
    body = 'Sam Roe said: “We heard them say "no" twice and we will not give up the port.”'
    assert [q.text for q in quotes_of(body)] == [
        'We heard them say "no" twice and we will not give up the port.']
    # while a straight mark closing a curly one before the next quotation still closes it
    body = '“The visit speaks for itself," Sam Roe said. “The talks went on for hours.”'
    assert [q.text for q in quotes_of(body)] == [
        "The visit speaks for itself", "The talks went on for hours."]


def test_quotations_in_guillemets_are_read_as_printed():
    body = ('Foreign Minister Jane Doe arrived on Monday. «We came to listen and to talk,» '
            'Doe said.\n\nPresident Sam Roe told reporters: «The door is open to a “new” '
            'dialogue.»')
    quotes = {q.speaker: (q.text, q.role) for q in quotes_of(body)}
    assert quotes == {"Jane Doe": ("We came to listen and to talk", "Foreign Minister"),
                      "Sam Roe": ("The door is open to a “new” dialogue.", "President")}

# --- pronouns with nothing to resolve them ------------------------------------------------------

def test_a_quote_opening_on_an_unresolved_pronoun_is_left_out():
    body = ('"This cannot be tolerated any longer," Jane Doe said.\n\n'
            '"They are attacking the harbour every night," Jane Doe said.\n\n'
            '"It is important to keep talking to each other," Jane Doe said.')
    assert [q.text for q in quotes_of(body)] == ["It is important to keep talking to each other"]


def test_pronoun_led_reported_speech_is_left_out_but_the_speaker_may_be_he():
    body = ("Jane Doe said it would be finished by the spring of next year. "
            "Sam Roe said he had raised the detention of the journalist with his host.")
    quotes = {q.text: q.speaker for q in quotes_of(body)}
    assert quotes == {"he had raised the detention of the journalist with his host": "Sam Roe"}



def test_a_quote_opening_on_a_contrast_is_left_out():
    # its first half, which it answers, may be left out (here: for its pronoun)
    body = ('"He has never said anything to me that was not done," Jane Doe said. '
            '"But we deal with each other at face value."\n\n'
            '"We deal with each other at face value," Sam Roe said.')
    assert [(q.text, q.speaker) for q in quotes_of(body)] == [
        ("We deal with each other at face value", "Sam Roe")]

def test_a_reported_claim_opening_on_a_contrast_is_left_out():
    body = ("Jane Doe said the two sides had settled the border question. But the share of "
            "the river water still remains unresolved, the minister said.")
    assert [q.text for q in quotes_of(body) if q.reported] == [
        "the two sides had settled the border question"]


def test_a_title_ends_at_and_before_the_name():
    body = ('The envoy also met Richard Roe and foreign minister Jane Doe. "We will open the '
            'consulate next spring," Doe said.')
    assert [(q.speaker, q.role) for q in quotes_of(body)] == [("Jane Doe", "foreign minister")]


def test_two_initials_without_stops_are_part_of_the_name():
    body = ('Foreign Minister Dr A K Doe said the talks would resume in the spring. "We are '
            'ready to sign the accord," Doe told reporters.')
    assert {(q.speaker, q.role) for q in quotes_of(body)} == {("A K Doe", "Foreign Minister")}


# --- near-duplicates across outlets --------------------------------------------------------------

def test_near_duplicates_across_outlets_are_one_quote():
    one = ('"We agree: threats of force are irresponsible and dangerous," Jane Doe said.')
    two = ('"We agree that threats of force are irresponsible and highly dangerous," Jane Doe '
           'told reporters.')
    three = ('Jane Doe said: "We agree: threats of force are irresponsible and dangerous."')
    quotes = quotes_of(one, two, three)
    assert len(quotes) == 1
    # it cites the outlets that print the words shown, not the one that words it otherwise
    assert quotes[0].sources == ("a0", "a2")


def test_the_speakers_own_words_win_over_a_report_of_them():
    one = "Jane Doe said the border crossing would reopen on the first day of May."
    two = '"The border crossing will reopen on the first day of May," Jane Doe said.'
    [q] = quotes_of(one, two)
    assert not q.reported and q.source == "a1"


def test_no_two_quotes_left_alike_when_a_better_wording_joins_late():
    reported = "Jane Doe said one two three four five six seven eight nine ten."
    other = '"five six seven eight nine ten eleven twelve thirteen fourteen," Sam Roe said.'
    direct = '"three four five six seven eight nine ten eleven twelve," Jane Doe said.'
    quotes = quotes_of(reported, other, direct)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("three four five six seven eight nine ten eleven twelve", "Jane Doe")]


# --- more ways of saying who spoke ----------------------------------------------------------------

def test_single_marks_are_quotations_but_an_apostrophe_does_not_close_them():
    body = "\u2018The leaders\u2019 meeting was useful for both of our sides,\u2019 Jane Doe said."
    [q] = quotes_of(body)
    assert q.speaker == "Jane Doe"
    assert q.text == "The leaders\u2019 meeting was useful for both of our sides"


def test_the_name_in_an_apposition_is_the_speaker_and_the_phrase_its_title():
    body = ("The Chairman of the Harbour Board, Jane Doe, welcomed the delegation and said the "
            "port was ready.\n\n"
            '"We will keep the port open to ships of every flag," she said.')
    direct = [q for q in quotes_of(body) if not q.reported]
    assert [(q.speaker, q.role) for q in direct] == [("Jane Doe", "Chairman of the Harbour Board")]


def test_wire_attributions():
    quoted = ('"We will reopen the border crossing next month," state media quoted President '
              "Jane Doe as saying.")
    readout = ('"Both sides agreed to reopen the border crossing next month," according to a '
               "readout from the foreign ministry.")
    ministry = '"The border crossing will reopen next month," the foreign ministry said.'
    speakers = [q.speaker for q in quotes_of(quoted)] + [q.speaker for q in quotes_of(readout)] \
        + [q.speaker for q in quotes_of(ministry)]
    assert speakers == ["Jane Doe", "the foreign ministry", "the foreign ministry"]


def test_reported_speech_passed_on_by_a_broadcaster_is_the_speakers():
    body = "President Jane Doe said the port would reopen in May, state broadcaster RTV reported."
    [q] = quotes_of(body)
    assert (q.speaker, q.text, q.reported) == ("Jane Doe", "the port would reopen in May", True)


# Words of attributions and what stands around them, for texts a pattern may match oddly.
ATTRIBUTION_WORDS = ["told the press", "told them", "expressed hope", "pointed out",
                     "emphasized", "Jane", "Doe", "Mr.", "the", "The", "minister", "foreign",
                     "he", "She",
                     "said", "says", "added", "told", "reporters", "spoke", "according to",
                     "According to", "was quoted as saying", "also", "on Monday", "that",
                     "talks", "van", "der", "de", "bin", "Berg", "RTV", "state broadcaster",
                     "Élodie", ",", ".", ":", "“", "”", '"', "’s", "and", "in Paris", "x_y", "1999"]


@given(st.lists(st.sampled_from(ATTRIBUTION_WORDS), max_size=40),
       st.sampled_from([" ", "  ", ", "]))
@settings(max_examples=300, deadline=None)
def test_speakers_in_a_text_are_those_every_search_finds(words, glue):
    text = glue.join(words)
    found = [(m.span(), m.groupdict()) for m in speakers_in(text)]
    assert found == [(m.span(), m.groupdict()) for m in search_all(SPEAKS, text)]


@given(st.lists(st.sampled_from(ATTRIBUTION_WORDS), max_size=40),
       st.sampled_from([" ", "  ", ", "]))
@settings(max_examples=300, deadline=None)
def test_reporting_words_grouped_by_letter_are_those_of_the_plain_alternation(words, glue):
    text = glue.join(words)
    plain = re.compile(rf"\b(?:{_plain([*_SAID_WORDS, *_REPORTING_WORDS])}|according\sto"
                       r"|According\sto)\b")
    assert [m.span() for m in REPORTING_WORD.finditer(text)] == \
        [m.span() for m in plain.finditer(text)]


@given(st.lists(st.sampled_from([*ATTRIBUTION_WORDS, "(", "-", "é", "\n", "’", "x"]),
                max_size=40), st.sampled_from([" ", "", ", ", "-"]))
@settings(max_examples=500, deadline=None)
def test_the_last_reporting_word_is_where_the_last_match_of_the_pattern_starts(words, glue):
    text = glue.join(words)
    starts = [m.start() for m in REPORTING_WORD.finditer(text)]
    assert last_reporting_word(text) == (starts[-1] if starts else -1)


@given(st.lists(st.sampled_from(ATTRIBUTION_WORDS), max_size=40),
       st.sampled_from([" ", "  ", ", "]))
@settings(max_examples=300, deadline=None)
def test_speech_words_grouped_by_letter_are_found_where_the_plain_ones_are(words, glue):
    text = glue.join(words)
    plain = re.compile(rf"\b{_plain(_SPEECH_WORDS)}\b|\b[Aa]ccording to\b")
    for grouped, alternation in ((SPEECH_WORD, plain),
                                 (_VERB_ENDS, re.compile(_plain(_VERB_WORDS) + _AT_END))):
        for pos in range(len(text) + 1):
            assert bool(grouped.match(text, pos)) == bool(alternation.match(text, pos))


def _plain(words: list[str]) -> str:
    return "(?:" + "|".join(words) + ")"


@given(st.lists(st.sampled_from(ATTRIBUTION_WORDS), max_size=40),
       st.sampled_from([" ", "  ", ", "]))
@settings(max_examples=300, deadline=None)
def test_attributions_with_their_verbs_grouped_by_letter_match_as_with_the_plain_ones(
        words, glue):
    text = glue.join(words)
    for grouped in (AFTER, _BEFORE, SPEAKS, REPORTED):
        plain = re.compile(grouped.pattern.replace(_VERBS, _plain(_VERB_WORDS))
                           .replace(_SPEECH, _plain(_SPEECH_WORDS))
                           .replace(_REPORTING, _plain([*_SAID_WORDS, *_REPORTING_WORDS])))
        assert plain.pattern != grouped.pattern
        for pos in range(len(text) + 1):
            found, expected = grouped.match(text, pos), plain.match(text, pos)
            assert (found and (found.span(), found.groupdict())) == \
                (expected and (expected.span(), expected.groupdict())), (grouped.pattern, pos)


@given(st.lists(st.sampled_from([*ATTRIBUTION_WORDS, ", 64,", ";", "\n"]), max_size=40),
       st.sampled_from([" ", "  ", ", ", ",", " \n"]))
@example(["Jane", ", 64,", "said"], "  ")  # spaces after the apposition
@settings(max_examples=300, deadline=None)
def test_attributions_with_the_apposition_as_alternatives_match_as_with_it_optional(
        words, glue):
    text = glue.join(words)
    for pattern in (AFTER, _BEFORE, SPEAKS, REPORTED):
        optional = re.compile(pattern.pattern.replace(_APPOSITION_SPACE, _APPOSITION + r"\s+"))
        assert optional.pattern != pattern.pattern
        for pos in range(len(text) + 1):
            found, expected = pattern.match(text, pos), optional.match(text, pos)
            assert (found and (found.span(), found.groupdict())) == \
                (expected and (expected.span(), expected.groupdict())), (pattern.pattern, pos)


_OPTIONAL_ADVERB = r"(?:(?:\w+ly|also|then|later|again|further|earlier|on \w+day|\w+day)\s+)?"


@given(st.lists(st.sampled_from([*ATTRIBUTION_WORDS, "has", "had", "quickly", "Monday",
                                 "on Tuesday", "again", "ly", "day"]), max_size=40),
       st.sampled_from([" ", "  ", ", "]))
@example(["Jane", "Doe", "has", "quickly", "said"], " ")
@settings(max_examples=300, deadline=None)
def test_attributions_with_empty_alternatives_match_as_with_optional_groups(words, glue):
    text = glue.join(words)
    patterns = [p for p in vars(quote_attribution).values()
                if isinstance(p, re.Pattern) and _ADVERB in p.pattern]
    assert len(patterns) >= 5
    for pattern in patterns:
        optional = re.compile(pattern.pattern.replace(_ADVERB, _OPTIONAL_ADVERB)
                              .replace(_PERFECT, r"(?:has\s|had\s)?"))
        for pos in range(len(text) + 1):
            found, expected = pattern.match(text, pos), optional.match(text, pos)
            assert (found and (found.span(), found.groupdict())) == \
                (expected and (expected.span(), expected.groupdict())), (pattern.pattern, pos)


# Pieces where a phrase's dots and length matter: its 70 units end inside a long run.
PHRASE_PIECES = [*ATTRIBUTION_WORDS, "U.S.", "Mr.", "Dr. Roe", "J.", ".", ". ", "x" * 30,
                 "Lorem ipsum dolor sit amet", "A.", "\n", "said that", ";"]


@given(st.lists(st.sampled_from(PHRASE_PIECES), max_size=30),
       st.sampled_from([" ", "", "  ", ", "]))
@example(["J" + "x" * 70, "said that", "talks"], " ")  # 70 units after the capital
@example(["J" + "x" * 71, "said that", "talks"], " ")  # and more
@example(["J" + "x" * 60 + "U.S.", "said that", "talks"], " ")  # a dot among them
@example(["Jane", "U.S.", "Doe", "said that", "talks"], " ")
@settings(max_examples=300, deadline=None)
def test_patterns_reading_a_phrase_as_a_run_where_no_dot_stands_match_as_by_units(
        pieces, glue):
    text = glue.join(pieces)
    patterns = [p for p in vars(quote_attribution).values()
                if isinstance(p, re.Pattern) and _NAME_TAIL in p.pattern]
    assert len(patterns) >= 8
    for pattern in patterns:
        by_units = re.compile(pattern.pattern.replace(_NAME_TAIL, _NAME_UNITS))
        for pos in range(len(text) + 1):
            found, expected = pattern.match(text, pos), by_units.match(text, pos)
            assert (found and (found.span(), found.groupdict())) == \
                (expected and (expected.span(), expected.groupdict())), (pattern.pattern, pos)


NAME_PIECES = ["Jane", "Doe", "U.S.", "U.", "S.", "R.", "Mr.", "Mrs.", "Ms.", "Dr.", "Jr.", "St.",
               "Sr.", "Mr", "M.", "van", "der", "da", "O'Brien", "Doe’s", "Đình", "Erdoğan",
               "x", "-", ".", ",", "“", "The", "ÉLYSÉE", "a.b", "Q."]


@given(st.lists(st.sampled_from(NAME_PIECES), max_size=30),
       st.sampled_from([" ", "", "  ", "\n"]))
@settings(max_examples=300, deadline=None)
def test_name_runs_are_those_of_the_plain_name_pattern(pieces, glue):
    text = glue.join(pieces)
    plain = re.compile(rf"(?=[{CAPITALS}]){NAME_RUN}")
    assert [m.span() for m in NAME_RUNS.finditer(text)] == \
        [m.span() for m in plain.finditer(text)]


def test_the_sentence_at_a_place_is_the_first_holding_it_whether_or_not_they_overlap():
    body = "Doe spoke. Roe said so. Then it rained."
    article = make_article(body)
    spans = [(0, 10), (11, 23), (24, 39)]
    apart = [Sentence(body[a:b], "a1", 0, i, a, b) for i, (a, b) in enumerate(spans)]
    overlapping = [*apart, Sentence(body[5:30], "a1", 1, 3, 5, 30)]
    for sentences in (apart, overlapping):
        reader = ArticleReader(article, sentences, Names([article]))
        assert reader.apart == (sentences is apart)
        for offset in range(-1, len(body) + 2):
            first = next((s for s in reader.sentences if s.start <= offset < s.end), None)
            assert reader._sentence_at(offset) == first


@given(st.lists(st.sampled_from([*ATTRIBUTION_WORDS, "noted", "stressed", "affirmed", "assured",
                                 "told.", "saidx", "_said"]), max_size=30),
       st.sampled_from([" ", ", ", ",  "]))
@settings(max_examples=300, deadline=None)
def test_unmarked_speech_ends_on_a_reporting_word_or_told(words, glue):
    text = glue.join(words)
    if SAID_AFTER_COMMA.search(text):
        assert REPORTING_WORD.search(text) or "told" in text


def merged_comparing_every_group(found, bodies):
    """merge_quotes as it was written first: after grouping, every group is compared again
    with every earlier one kept."""
    groups, exact = [], {}
    index = OverlapIndex((_words(f.text) for f in found), _min_shared)
    for f in found:
        words = _words(f.text)
        i = exact.get(frozenset(words))
        if i is None:
            i = next((j for j in index.candidates(words) if _similar(words, groups[j][1])), None)
        if i is None:
            exact[frozenset(words)] = len(groups)
            index.add(len(groups), words)
            groups.append((f, words, [f.article_id]))
            continue
        kept, _seen, ids = groups[i]
        ids += [f.article_id] * (f.article_id not in ids)
        if _better(f, kept):
            groups[i] = (f, words, ids)
            exact[frozenset(words)] = i
            index.add(i, words)
    kept = []
    index = OverlapIndex((_words(f.text) for f, _, _ in groups), _min_shared)
    for f, _, ids in groups:
        words = _words(f.text)
        twin = next((kept[k] for k in index.candidates(words) if _similar(words, kept[k][1])),
                    None)
        if twin is None:
            index.add(len(kept), words)
            kept.append((f, words, ids))
        else:
            twin[2].extend(a for a in ids if a not in twin[2])
    return [(f.text, f.article_id, [f.article_id] + [a for a in ids if a != f.article_id
             and f.text.removesuffix(CUT) in bodies[a]]) for f, _, ids in kept]


QUOTE_WORDS = ["talks", "were", "useful", "and", "frank", "we", "agreed", "on", "trade", "the",
               "visit", "went", "well", "a", "new", "era"]


@given(st.lists(st.tuples(st.lists(st.sampled_from(QUOTE_WORDS), min_size=1, max_size=6),
                          st.booleans(), st.booleans(), st.integers(0, 5)), max_size=60))
@settings(max_examples=300, deadline=None)
def test_merged_quotes_are_those_of_comparing_every_group_again(quotes):
    found = [FoundQuote(" ".join(ws) + (CUT if cut else ""), "Doe", f"a{n}", reported)
             for ws, reported, cut, n in quotes]
    bodies = {f"a{n}": " ".join(" ".join(ws) for ws, _, _, _ in quotes) for n in range(6)}
    expected = merged_comparing_every_group([copy(f) for f in found], bodies)
    few = quote_merge.FEW
    try:
        for quote_merge.FEW in (0, 1, few):  # many groups in a better wording, and few
            merged = merge_quotes([copy(f) for f in found], bodies)
            assert [(f.text, f.article_id, f.sources) for f in merged] == expected
    finally:
        quote_merge.FEW = few


DATELINE_PIECES = ["STRELSAU", "Strelsau", "PARIS", ",", " ", "May", "2", "(Wire)", "(RNA)", "-",
                   "--", ":", ".", "/RNA/", "Ruritania", "The", "talks", "ended", "—", "\n", "x"]


@given(st.lists(st.sampled_from(DATELINE_PIECES), max_size=20), st.sampled_from(["", " "]))
@settings(max_examples=300, deadline=None)
def test_a_sentence_loses_its_dateline_as_the_pattern_finds_it(pieces, glue):
    text = glue.join(pieces) + " and the talks went on for a long while."
    m = _DATELINE.match(text)
    assert _undated(text) == (text[m.end():] if m and m.end() < len(text) - 20 else text)


TITLE_PIECES = ["President", "PRESIDENT", "vice", "Vice-President", "secretary-general", "ceo",
                "CEO", "chairman", "chair", "Chairwoman", "Minister", "ministers", "head",
                "ahead", "Ruritanian", "the", "’s", "'s", "-", " ", ",", "x", "\u212aing", "İ", "ſ"]


@given(st.lists(st.sampled_from(TITLE_PIECES), max_size=12), st.integers(0, 40))
@settings(max_examples=300, deadline=None)
def test_a_title_is_found_before_a_name_as_the_case_blind_pattern_finds_it(pieces, pos):
    text = "".join(pieces)
    assert _holds_title(text, pos) == bool(_ANY_TITLE.search(text, pos))


# pieces of words around which a match may start or end: letters either case, apostrophes,
# hyphens, digits, underscores, accented letters, every kind of space
_LOWER_PIECES = ["a", "ab", "said", "Doe", "x", "Q", "’", "'", "-", "1", "_", "é", "ǅ", " ",
                 "\n", "\t", "\u00a0", "\u2009", "\u3000", "\x1c", "\x85", ".", ",", "“"]


@given(st.lists(st.lists(st.sampled_from(_LOWER_PIECES), max_size=30).map("".join),
                max_size=6))
@settings(max_examples=500, deadline=None)
def test_lowercase_words_read_per_token_are_those_read_in_the_whole_texts(texts):
    # (but for the lines that are tags), in two texts at least where five are given
    found = [{w for line in t.split("\n") if not _is_tag(line) for w in _LOWER_WORD.findall(line)}
             for t in texts]
    least = 2 if len(texts) >= 5 else 1
    assert lowercase_words(texts) == {w for f in found for w in f
                                      if sum(w in g for g in found) >= least}


def test_lowercase_words_in_fixed_texts():
    texts = ["the talks’ end, state-run x-Ray don't 2nd café cafe\u00a0go said", "Doe said:it"]
    assert lowercase_words(texts) == {w for t in texts for w in _LOWER_WORD.findall(t)}
    assert lowercase_words(texts + ["Roe met Poe."] * 3) == {"said", "met"}


def test_a_name_written_once_in_small_letters_is_still_a_name():
    # one page prints the name in small letters in a garbled lead; the others do not
    bodies = ["President Joe Biden met Prime Minister Fumio Kishida. “Our ties are strong,” "
              "Biden said at the White House. “Japan is a friend,” he added.",
              "the president announced today joe biden, welcoming the prime minister.",
              "Fumio Kishida arrived on Tuesday for talks with the president.",
              "The talks went on for two hours.", "The two leaders toured a plant."]
    arts = [make_article(b, id=f"a{i}") for i, b in enumerate(bodies)]
    sentences = [s for a in arts for s in segment(a)]
    found = find_quotes(arts, sentences, min_words=3, max_words=60)
    assert {q.text: q.speaker for q in found}["Our ties are strong"] == "Joe Biden"


def test_roles_given_in_the_child_are_those_the_parent_reads(monkeypatch):
    bodies = ['Foreign Minister Jane Doe opened the talks. "We came to listen and to talk," '
              'Doe said.',
              '"We came to listen and to talk," Jane Doe said.',
              'Sam Roe, a senior fellow at the Policy Institute, was blunt. "The talks will '
              'fail without trust," Roe said.',
              'Ruritanian President Ana Maria da Costa spoke. "Trade is the bridge we build '
              'together," she said.']
    arts = [make_article(b, id=f"a{i}") for i, b in enumerate(bodies * 2)]
    sentences = [s for a in arts for s in segment(a)]
    monkeypatch.setattr(quotes, "MIN_ITEMS", 1)  # the earlier half read in a child, if forked
    given = find_quotes(arts, sentences, min_words=3, max_words=60)
    read = quotes._read_earlier
    monkeypatch.setattr(quotes, "_read_earlier", lambda *args: (read(*args)[0], {}))
    plain = find_quotes(arts, sentences, min_words=3, max_words=60)
    assert [(q.speaker, q.role, q.sources) for q in given] == \
        [(q.speaker, q.role, q.sources) for q in plain]
    assert {q.role for q in given} >= {"Foreign Minister", "Ruritanian President",
                                       "senior fellow at the Policy Institute"}


def test_words_all_in_capitals_name_no_person():
    names = Names([make_article("Jane Doe met RTV and NATO officials in Strelsau.")])
    assert not names.is_person(["RTV"]) and not names.is_person(["NATO", "RTV"])
    assert names.is_person(["Jane", "Doe"]) and names.is_person(["Jane", "DOE"])


_WORD_NAMES = Names([make_article(
    "STRELSAU -- Foreign Minister Jane Doe met Deputy Minister Mark Roe and RTV officials in "
    "Strelsau and in Rose. The talks will go on in the rose garden, Doe said. It left a mark.")])
ONE_WORDS = ["Doe", "Jane", "Mark", "mark", "Roe", "Strelsau", "STRELSAU", "Rose", "rose", "RTV",
             "US", "U.S.", "A", "X", "The", "the", "Ministry", "ministry", "President",
             "President’s", "Talks", "talks", "Will", "will", "DOE", "PhotoPresident", "Doe’s",
             "Statement", "Éamon", ""]


@given(st.sampled_from(ONE_WORDS) | st.text(max_size=6))
@settings(max_examples=500, deadline=None)
def test_a_single_word_is_a_person_as_the_words_of_any_number_are(word):
    assert _WORD_NAMES.places and _WORD_NAMES.titled and _WORD_NAMES.lowercase
    assert _WORD_NAMES.is_person([word]) == _WORD_NAMES._is_person_words([word])


@given(st.sampled_from([*ONE_WORDS, "PhotoPresident’s", "Doe’s’s", "The’s", "Mark's", "U.S.’s",
                         "Strelsau’s"]) | st.text(max_size=6))
@settings(max_examples=500, deadline=None)
def test_a_run_of_one_word_names_whom_the_words_of_any_number_do(word):
    if word.split() == [word]:
        assert _WORD_NAMES._one_word_name(word) == _WORD_NAMES._name_in([word])


_PLAIN_PLACE_BEFORE = re.compile(
    r"\b(?:in|inside|across|throughout|near|(?:visit(?:s|ed|ing)?|trip|travel\w*|flew|fly|flight"
    r"|return\w*|arriv\w*|head(?:ed|ing|s)?|came|went) to)\s+(" + NAME_RUN + r")(?![’']s)")
PLACE_PIECES = ["in", "inside", "across", "throughout", "near", "visit to", "visits to",
                "visited to", "trip to", "travelled to", "flew to", "fly to", "flight to",
                "returned to", "arrived to", "head to", "headed to", "came to", "went to",
                "into", "to", "xin", "Paris", "Strelsau", "U.S.", "Mr.", "de", "Doe’s", "Doe's",
                "-", ",", "’s", "\n"]


@given(st.lists(st.sampled_from(PLACE_PIECES), max_size=30), st.sampled_from([" ", "", "  "]))
@settings(max_examples=500, deadline=None)
def test_places_after_words_grouped_by_letter_are_those_of_the_plain_alternation(pieces,
                                                                                   glue):
    text = glue.join(pieces)
    assert [(m.span(), m.group(1)) for m in _PLACE_BEFORE.finditer(text)] == \
        [(m.span(), m.group(1)) for m in _PLAIN_PLACE_BEFORE.finditer(text)]


NAME_PIECES = ["Foreign Minister Jane Doe", "President Rose", "Jane", "Doe", "Doe’s", "Rose's",
               "Rose", "in Rose", "in Doe", "visit to Strelsau", "Strelsau", "Strelsau’s",
               "STRELSAU --", "ROSE --", "Mark Roe", "Roe’s", "said", "the", "rose", ".", ",",
               "\n", "The Talks"]


@given(st.lists(st.lists(st.sampled_from(NAME_PIECES), max_size=25), min_size=1, max_size=3))
@settings(max_examples=300, deadline=None)
def test_runs_read_before_the_titles_were_known_and_kept_read_as_read_again(bodies):
    names = Names([make_article(" ".join(b) or ".", id=f"a{i}") for i, b in enumerate(bodies)])
    for run, name in names._names_of.items():
        assert names._read_name(run) == name


def _plain_index(names: Names, body: str) -> list[tuple[str, int, int, str]]:
    """Names._index as a loop over every run."""
    out = []
    for m in NAME_RUNS.finditer(body):
        name = names._name_of(m.group())
        if name:
            at = m.group().rfind(name)
            name = names._governed_name(name, body, m.start() + at)  # where it stands
            at = m.group().rfind(name)
            out.append((name, m.start() + at, m.start() + at + len(name),
                        m.group()[:at].strip() if at else ""))
    return out


@given(st.lists(st.sampled_from(NAME_PIECES), max_size=40))
@settings(max_examples=300, deadline=None)
def test_an_articles_mentions_are_those_of_a_loop_over_every_run(pieces):
    body = " ".join(pieces)
    names = Names([make_article("Foreign Minister Jane Doe met Mark Roe in Strelsau.")])
    index = names._index(body)
    plain = _plain_index(names, body)
    assert [(m.name, m.start, m.end, m.in_run) for m in index.mentions] == plain
    assert list(index.counts.items()) == list(Counter(p[0] for p in plain).items())


def test_a_descriptor_of_several_is_the_one_the_article_is_about():
    body = ("Secretary of State Jane Doe met the foreign minister on Monday. Doe began a state "
            "visit on Sunday. Treasury Secretary Sam Roe will visit next month.\n\n"
            '"We will keep every channel open," the secretary said.')
    [q] = quotes_of(body)
    assert q.speaker == "Jane Doe"
    # two as often named: neither is the one meant, and the words stay the secretary's (a
    # title two people hold is no reason to leave them out)
    even = body.replace("Doe began a state visit on Sunday.", "It was a state visit.")
    assert [q.speaker for q in quotes_of(even)] == ["the secretary"]


def test_a_pronoun_after_a_sentence_that_sets_up_its_speaker_is_that_person():
    # the last one quoted speaks two paragraphs up; the sentence right before names who
    # speaks next ("Sorel struck a more upbeat tone."), and "she" is that person
    body = ("Foreign Minister Anika Sorel and Deputy Prime Minister Viktor Halloran met on "
            "Tuesday.\n\n“The families of the officers still want answers,” Halloran said.\n\n"
            "Brastova's Sorel struck a more upbeat tone.\n\n"
            "“Today the diplomats won,” she said. “Tomorrow the citizens will.”")
    quotes = {q.text: q.speaker for q in quotes_of(body)}
    assert quotes == {"The families of the officers still want answers": "Viktor Halloran",
                      "Today the diplomats won": "Anika Sorel",
                      "Tomorrow the citizens will.": "Anika Sorel"}
    # a sentence right before that names someone speaking still gives the speaker
    body = ("Foreign Minister Anika Sorel met Viktor Halloran on Tuesday.\n\n"
            "Halloran told reporters that Sorel had been patient.\n\n"
            "“We owe them answers,” he said.")
    assert [q.speaker for q in quotes_of(body) if q.text == "We owe them answers"] == \
        ["Viktor Halloran"]


def test_an_engineers_honorific_is_no_part_of_the_speakers_name():
    body = ("The commission met under the chairmanship of Engineer Samir Bakri, the deputy "
            "minister.\n\nBakri said in a statement that the meeting reviewed the dam's release "
            "schedule.\n\n“We are keeping our word,” Eng. Bakri told reporters.")
    assert {q.speaker for q in quotes_of(body)} == {"Samir Bakri"}


def test_a_surname_two_people_share_is_the_one_named_last_before_it():
    # "Halloran" alone, after Viktor Halloran is introduced, is not the titled Mira Halloran
    # named paragraphs up, whose title would otherwise make her the fuller form
    body = ("The treaty was signed in 1935 by President Mira Halloran.\n\n"
            "Viktor Halloran, her grandson and a party member, spoke on the call on Friday.\n\n"
            "Halloran, who served as a commissioner for ten years, rejected the claims.\n\n"
            "“There is a lot of scare talk out there about the fund,” he said.")
    assert [(q.speaker, q.role) for q in quotes_of(body)] == [("Viktor Halloran", "")]
    # a sentence opening on "Though" does not make "Though Halloran" a second person
    body = ("Viktor Halloran chaired the committee.\n\n"
            "Though Halloran said he recognized that “the fund is legally bound to pay every "
            "pensioner in full,” he did not say when.")
    assert {q.speaker for q in quotes_of(body)} == {"Viktor Halloran"}


def test_a_name_opening_a_sentence_before_a_descriptor_in_apposition_is_its_subject():
    # "Name, the grandson of ..., spoke ... and said of X:" is Name speaking, not an opener
    # before the subject "the grandson of ..."
    body = ("Viktor Halloran, the grandson of the founder and a party member, spoke on "
            "Friday's call and said of his grandfather: “What he created then was a tremendous "
            "legacy for this country.”")
    assert [q.speaker for q in quotes_of(body)] == ["Viktor Halloran"]
    # an opening phrase before the subject is still one
    body = ("On the fund, the minister then said: “Every pensioner will be paid in full.”\n\n"
            "Finance Minister Jane Doe spoke on Friday.")
    assert [q.speaker for q in quotes_of(body)] == ["Jane Doe"]


def test_a_quote_opening_on_it_with_an_adverb_before_its_adjective_is_kept():
    # "It's certainly hard to argue that": the "it" is no one to resolve
    body = ("“It's certainly hard to argue that the shift is anything but a problem for the "
            "party,” said Tom Bonier of the National Committee.")
    assert [q.speaker for q in quotes_of(body)] == ["Tom Bonier"]
    body = "“It's hardly a problem for the party,” said Tom Bonier of the National Committee."
    assert quotes_of(body) == []


def test_a_coach_or_manager_before_the_name_is_the_speakers_role():
    # sport news titles people so: "Alabama coach Nick Saban", "United manager Sam Roe"
    body = ("Alabama coach Nick Saban compared agents to pimps at the media days.\n\n"
            "“I don't think it's anything but greed that's creating it,” Saban said.\n\n"
            "United manager Sam Roe disagreed. “The agents are not the problem here,” Roe said.")
    assert {q.speaker: q.role for q in quotes_of(body)} == {
        "Nick Saban": "Alabama coach", "Sam Roe": "United manager"}


def test_a_feature_s_present_tense_speech_verbs_attribute():
    # features write "she writes", "Doe explains", "writes Jane Doe" as news writes "said"
    body = ("Olivia Marsh grew up in a military family.\n\n"
            "“Almost every month I would join a new clique,” she writes in her book.\n\n"
            "“The models have the climate sensitivity about right,” writes Michael Oppenheimer.\n\n"
            "“We have to start with the families who lost the most,” Marsh explains.")
    assert {q.text: q.speaker for q in quotes_of(body)} == {
        "Almost every month I would join a new clique": "Olivia Marsh",
        "The models have the climate sensitivity about right": "Michael Oppenheimer",
        "We have to start with the families who lost the most": "Olivia Marsh"}


def test_the_leader_a_sentence_opens_on_is_the_person_so_titled():
    # "The Russian leader highlighted ...": the leader speaks, not a person named "Russian"
    body = ("Russian President Sam Roe met the Turkish president in Sochi on Monday.\n\n"
            "The Russian leader highlighted that the two countries now trade in their own "
            "currencies.\n\n"
            "“There is a growing trend toward the use of our own currencies,” he said.")
    assert {q.text: q.speaker for q in quotes_of(body)} == {
        "There is a growing trend toward the use of our own currencies": "Sam Roe"}


def test_he_added_goes_on_from_the_last_speaker_not_the_person_just_named():
    # "Governor Doe also came. “...,” he added": the words of the man who spoke before
    body = ("“We are very glad of the progress on trade,” Kesh President Sam Roe said.\n\n"
            "Central Bank Governor Jane Doe also accompanied him on the visit. “The meeting of "
            "our central bank governors is important,” he added.")
    assert {q.text: q.speaker for q in quotes_of(body)} == {
        "We are very glad of the progress on trade": "Sam Roe",
        "The meeting of our central bank governors is important": "Sam Roe"}


def test_an_attribution_after_a_quotation_that_ends_its_sentence():
    # '“... now.” She said.': the sentence after says only who spoke; one with words of its
    # own ("She said she would stay.") reports those, not the quotation before it
    body = ("Jane Doe arrived late.\n\n“We will go on with the talks now.” She said.\n\n"
            "“The door stays open to all of them.” she told reporters on Monday.")
    assert {q.text: q.speaker for q in quotes_of(body)} == {
        "We will go on with the talks now.": "Jane Doe",
        "The door stays open to all of them.": "Jane Doe"}
    body = "Roe arrived late. “Nobody wants another war.” Roe said the talks would stay closed."
    assert {q.text: q.speaker for q in quotes_of(body)} == {
        "the talks would stay closed": "Roe"}


def test_a_quotation_glued_to_the_sentence_before():
    # '... Kaine."So we ...': no space after the sentence's end, the mark still opens
    body = ('The senator spoke with Sam Kaine."So we will go on with the talks," Jane Doe '
            'said.\n\nRoe arrived late.“Nobody here wants another long war,” Roe said.')
    assert {q.text: q.speaker for q in quotes_of(body)} == {
        "So we will go on with the talks": "Jane Doe",
        "Nobody here wants another long war": "Roe"}


def test_a_single_quotation_closed_with_a_space_before_the_double_mark():
    # '... ‘no more,’ ” she said': typesetters part the two closing marks with a space
    body = "Jane Doe arrived late. “We will tell them all ‘no more of this war,’ ” she said."
    assert [(q.text, q.speaker) for q in quotes_of(body)] == [
        ("We will tell them all ‘no more of this war,’", "Jane Doe")]


def test_a_quotation_split_by_its_attribution_is_one_quote():
    # '“We will,” she said, “keep going.”': the second half goes on the first's sentence,
    # shown as printed (the words stand in the article as they are); a new sentence after
    # '... she said.' stays a quote of its own
    body = ("Jane Doe arrived late. “We will,” she said, “keep going with these talks.”\n\n"
            "“We stay,” Roe said. “iPhones are not what we came here to talk about.”")
    assert {q.text: q.speaker for q in quotes_of(body)} == {
        "We will,” she said, “keep going with these talks.": "Jane Doe",
        "iPhones are not what we came here to talk about.": "Roe"}


def test_a_quotation_split_twice_by_its_attribution_is_one_quote_from_its_start():
    body = ("Jane Doe arrived late. “We will,” she said, “keep going,” she added, “with these "
            "talks.”")
    assert [(q.text, q.speaker) for q in quotes_of(body)] == [
        ("We will,” she said, “keep going,” she added, “with these talks.", "Jane Doe")]


def test_a_place_in_a_long_apposition_is_no_speaker():
    # '..., a fellow at the institute in Munich, Germany, and co-author of the study, said'
    body = ("“Experiments of this kind are successful,” Dylan Nelson, a postdoctoral fellow "
            "at the institute in Munich, Germany, and co-author of the study, said in a "
            "statement. “In our simulation we see what no one programmed.”")
    assert [q.speaker for q in quotes_of(body)] == []


def test_a_sentence_opening_on_a_verb_in_ing_names_no_one():
    # "Hosting Cook at the conference ...": Cook is the Cook named before, not "Hosting Cook"
    body = ("Chief executive Tim Cook spoke with Marc Benioff on Tuesday.\n\n"
            "Hosting Cook at the conference “is our dream,” Benioff said.\n\n"
            "“I can feel his presence when I come here,” Cook said.")
    assert {q.text: q.speaker for q in quotes_of(body)} == {
        "is our dream": "Marc Benioff",
        "I can feel his presence when I come here": "Tim Cook"}


def test_she_goes_on_from_the_person_the_sentence_before_is_about():
    # "Doe had spent years on it. ... she was nervous. “...,” she said": Doe, not the last
    # person quoted; "The president bowed. “...,” he said": the one the article so titles
    body = ("“It was just that feeling,” Jessie Buckley said.\n\n"
            "As it turned out, Mary Steenburgen had spent years on her own dream. And despite "
            "her fame, she was nervous about going there. “The first session I did was a "
            "disaster,” she said.\n\n"
            "“We are here to honour him,” Kerry said.\n\n"
            "President Sam Roe arrived at noon. The president touched the wreath and bowed. "
            "“Our friendship was a good one for all of us,” he said.")
    quotes = {q.text: q.speaker for q in quotes_of(body)}
    assert quotes["The first session I did was a disaster"] == "Mary Steenburgen"
    assert quotes["Our friendship was a good one for all of us"] == "Sam Roe"


def test_someone_named_by_whose_they_are_is_the_name_in_apposition():
    # "Steenburgen’s son, filmmaker Charlie McDowell (...), also remembers": he is McDowell,
    # never a speaker "Steenburgen’s"
    body = ("“I felt strange as soon as it wore off,” actress Mary Steenburgen said.\n\n"
            "Steenburgen’s son, filmmaker Charlie McDowell (“The Discovery”), also remembers "
            "it. “I think it is totally fair to think so,” he said.")
    assert {q.text: q.speaker for q in quotes_of(body)} == {
        "I felt strange as soon as it wore off": "Mary Steenburgen",
        "I think it is totally fair to think so": "Charlie McDowell"}


def test_an_officer_unnamed_is_left_out():
    body = ("Sam Roe was arrested at the hotel.\n\n"
            "“Hey, here she is. Got her!” an officer said. “We got her. We got her.”")
    assert quotes_of(body) == []


def test_a_reported_clause_opening_on_and_that_is_left_out():
    body = ("NASA found water vapour above the moon.\n\n"
            "And that's a big deal as the moon is one of the highest priority targets in the "
            "search for life, according to the agency.")
    assert quotes_of(body) == []


def test_curly_marks_set_apart_by_a_space():
    body = ("Kevin Mayer spoke. “We have never had demand like that, and continue to see ” "
            "Mayer said.\n\n“Operating is a lot different,” Mayer said. “ I love what I’m "
            "doing.”")
    assert [q.text for q in quotes_of(body)] == [
        "We have never had demand like that, and continue to see",
        "Operating is a lot different", "I love what I’m doing."]


def test_whom_a_speaker_tells_is_no_speaker():
    # '“...,” Benioff weighed in, telling Cook, “...”': Benioff's words, both halves
    body = ("Chief executive Tim Cook spoke with Marc Benioff.\n\n"
            "“We all miss Steve so much,” Benioff weighed in, telling Cook, “since he passed, "
            "you have been true to him.”")
    assert [(q.text, q.speaker) for q in quotes_of(body)] == [
        ("We all miss Steve so much,” Benioff weighed in, telling Cook, “since he passed, "
         "you have been true to him.",
         "Marc Benioff")]


def test_occupations_before_a_name_are_the_speakers_role():
    body = ("“Organics are very important for life,” said planetary geologist Rosaly Lopes of "
            "the laboratory.\n\n“Justice has been served in this case,” said U.S. Attorney "
            "Nealy Cox.\n\nRepresentative Dana Roe came. Assange's lawyer Jane Doe met him. "
            "“The congressman offered a pardon,” Doe said.\n\n"
            "Walt Disney Co. executive Kevin Mayer spoke on Tuesday. “We will see the "
            "industry shake out,” Mayer said.")
    assert {q.speaker: q.role for q in quotes_of(body)} == {
        "Rosaly Lopes": "planetary geologist", "Nealy Cox": "U.S. Attorney",
        "Jane Doe": "Assange's lawyer", "Kevin Mayer": "Walt Disney Co. executive"}


def test_a_speaker_whose_name_a_page_tags_in_small_letters_is_still_a_speaker():
    # the page's tags under its lead: the name in small letters is no plain word
    body = ("President Sam Roe met Prime Minister Jane Doe in Lima.\n\nlima\n\nsam roe\n\n"
            "jane doe\n\n“Our relations are of a privileged partnership,” Roe said.")
    assert [(q.speaker, q.role) for q in quotes_of(body)] == [("Sam Roe", "President")]


def test_a_speaker_named_after_pm_is_the_prime_minister_named_in_full():
    # "PM Doe" is the article's Prime Minister Jane Doe, as "President Doe" would be
    body = ("Prime Minister Jane Doe met President Sam Roe in Lima.\n\n"
            "“We have only one goal: peace for the people,” PM Doe said.")
    assert [(q.speaker, q.role) for q in quotes_of(body)] == [("Jane Doe", "Prime Minister")]


def test_he_is_no_country_the_sentence_before_opens_on():
    body = ("President Sam Doe met the visiting premier on Monday. “The talks were useful,” "
            "said Doe.\n\nDoe said the grain deal had no alternative.\n\nThe two men toured "
            "the port.\n\nRuritania has also prepared a new package of proposals.\n\nHe added "
            "that the “corridor would serve the poorest countries who will receive grain.”")
    arts = [make_article(body, id="a0")]
    found = find_quotes(arts, list(segment(arts[0])), min_words=3, max_words=60)
    assert "Ruritania" not in {q.speaker for q in found}, found


def test_a_surname_is_the_namesake_the_article_names_most_when_the_other_is_far_before():
    # the president's wife, named once paragraphs up, is not who "Roe" is at a news
    # conference: the article names him far more often
    body = ("Ruritanian President Sam Roe hosted Prime Minister Jane Doe on Thursday.\n\n"
            "Roe and Doe spoke for two hours about trade and the war.\n\n"
            "The president and First Lady Mary Roe later held a state dinner in her honour.\n\n"
            "The war remained the most pressing issue for the two leaders.\n\n"
            "“Let me choose my words very carefully,” Roe told a news conference with Doe.")
    assert [q.speaker for q in quotes_of(body)] == ["Sam Roe"]
    # named in the paragraph right before, the namesake is the one meant
    body = body.replace("The war remained the most pressing issue for the two leaders.",
                        "Mary Roe spoke to the guests.")
    assert [q.speaker for q in quotes_of(body)] == ["Mary Roe"]
    # named most before the quotation: a namesake named more often only after it is not meant
    body = ("First Lady Mary Roe opened the new wing of the gallery on Monday.\n\n"
            "The wing holds paintings from three centuries.\n\n"
            "Its first room shows the works of local artists.\n\n"
            "“Everyone should come and see them,” Roe said.\n\n"
            "President Sam Roe will visit on Friday. Sam Roe last came in May. Sam Roe "
            "funds the gallery. Sam Roe opened its old wing.")
    assert [q.speaker for q in quotes_of(body)] == ["Mary Roe"]


def test_a_surname_right_after_its_namesake_spoke_goes_on_with_them():
    # "“...,” she said" goes on about Mary Roe, named in full two paragraphs back: "Roe
    # said" in the paragraph after is her, not the president the article names more often
    body = ("President Sam Roe opened the summit on Monday. Sam Roe spoke of trade. Sam Roe "
            "then left for the airport.\n\n"
            "First Lady Mary Roe visited a school in Strelsau.\n\n"
            "“Every child should have books at home,” she said.\n\n"
            "“We will send one to every family,” Roe said.")
    assert [q.speaker for q in quotes_of(body)] == ["Mary Roe", "Mary Roe"]


def test_a_surname_with_a_title_or_after_its_other_namesake_is_not_who_spoke_last():
    # Mary Roe spoke last, but "President Roe" and "Mr Roe" name him by his title, and
    # "Sam Roe then addressed parliament" names him since: each is the president's
    opening = ("President Hal Voss opened the summit on Monday. Hal Voss spoke of trade. "
               "Hal Voss then left for the airport.\n\n"
               "First Lady Ida Voss visited a school in Strelsau.\n\n"
               "“Every child should have books at home,” she said.\n\n")
    bodies = [opening + "“We will cut the tariffs on grain,” President Voss said.",
              opening + "“We will cut the tariffs on grain,” Mr Voss said.",
              opening + "Hal Voss then addressed parliament. “We will cut the tariffs on "
                        "grain,” Voss said."]
    for body in bodies:
        assert [q.speaker for q in quotes_of(body)] == ["Ida Voss", "Hal Voss"], body


def test_a_family_name_written_first_is_the_person_named_in_full_right_before():
    # "Tran" after "Tran Quoc Bao, a fellow ..., said": him, not the party chief named first
    body = ("The visiting president met General Secretary Tran Van Minh on Tuesday.\n\n"
            "Tran Quoc Bao, a visiting fellow at the Policy Institute in Strelsau, said the "
            "visit was a delicate act of hedging.\n\n"
            "“I think the move is expected given that the president came in person,” Tran "
            "said.")
    assert {q.speaker for q in quotes_of(body)} == {"Tran Quoc Bao"}


def test_a_descriptor_is_the_holder_its_own_sentence_names_not_one_named_elsewhere():
    # "the Ruritanian leader" right after "Ms Doe will ..." is President Doe, not the
    # Ruritanian president of 1960 the article names further down
    body = ("President Jane Doe headed to Port Town on Friday.\n\n"
            "Ms Doe will promote a plan for language schools for students “for whom the "
            "language can be a multiplier of opportunities,” the Ruritanian leader said.\n\n"
            "She will follow in the footsteps of Ruritanian President Sam Roe, who visited "
            "the city in 1960.")
    assert [q.speaker for q in quotes_of(body)] == ["Jane Doe"]


def test_a_descriptor_naming_a_country_is_the_holder_whose_title_names_it_too():
    # both presidents are named in the sentence before, the host last: "the Ruritanian
    # president" is the one whose title says Ruritanian, not the host whose title says
    # no country
    body = ("Ruritanian President Mary Roe met her host, President Sam Doe, in Lima on "
            "Monday. “Our two countries have never been closer,” the Ruritanian president "
            "said.")
    assert [(q.speaker, q.role) for q in quotes_of(body)] == [
        ("Mary Roe", "Ruritanian President")]


def test_a_place_a_title_governs_before_the_name_is_no_part_of_it():
    # "The U.S. envoy for the Western Isles Gabriela Roe": the isles are what her title
    # is for, not her first names
    body = ("The U.S. envoy for the Western Isles Gabriela Roe said the visit was intended "
            "to drive a wedge among the allies.\n\n"
            "“We caution all of our partners to be very careful about it,” Roe said.")
    assert {(q.speaker, q.role) for q in quotes_of(body)} == {
        ("Gabriela Roe", "U.S. envoy for the Western Isles")}


def test_a_title_with_its_complement_before_the_name_is_the_role():
    # "Ruritanian Navy Chief of Staff Pierre Roe said": a person with a title, not an
    # institution called so
    body = ("“After 25 years of partnership, this is a major step forward for our two "
            "navies,” Ruritanian Navy Chief of Staff Pierre Roe said.")
    assert [(q.speaker, q.role) for q in quotes_of(body)] == [
        ("Pierre Roe", "Ruritanian Navy Chief of Staff")]


def test_a_name_of_three_words_after_a_title_with_its_portfolio_is_whole():
    # "Minister for Foreign Affairs Ana Maria Costa": her name starts after the portfolio,
    # whatever its length; a title's complement is not always followed by two words
    bodies = ["Minister for Foreign Affairs Ana Maria Costa said the talks had gone well. "
              "“We found common ground on trade,” Costa said.",
              "“We found common ground on trade,” said Minister for Foreign Affairs Ana "
              "Maria Costa."]
    assert {(q.speaker, q.role) for q in quotes_of(*bodies)} == {
        ("Ana Maria Costa", "Minister for Foreign Affairs")}


def test_a_committee_after_a_portfolio_is_no_part_of_the_name():
    # "the head of the Finance Committee Ida Voss": her name starts after the committee
    assert governed(["Defence", "Committee", "Ida", "Voss"], "the head of the ", 16) == (
        ["Defence", "Committee"], ["Ida", "Voss"])
    body = ("The head of the Finance Committee Ida Voss said the talks had gone well. "
            "“We found common ground on trade,” Voss said.")
    assert ("Ida Voss", "head of the Finance Committee") in [
        (q.speaker, q.role) for q in quotes_of(body) if q.reported]


def test_the_pm_is_the_prime_minister_the_article_names():
    # "PM" in capitals is a title, not an institution's acronym
    body = ("Prime Minister Jane Doe left Lima for Quito on Saturday after a two-day visit.\n\n"
            "Describing the visit as a fruitful one, the PM tweeted, “This visit was a "
            "memorable one and I thank the people of Peru.”")
    assert [(q.speaker, q.role) for q in quotes_of(body)] == [("Jane Doe", "Prime Minister")]


def test_the_premier_is_the_prime_minister_the_article_names():
    body = ("Prime Minister Jane Doe met President Sam Roe in Lima.\n\n"
            "“We shared the excellent state of our relations,” explained the premier.")
    assert [q.speaker for q in quotes_of(body)] == ["Jane Doe"]


def test_a_premier_of_another_country_leaves_the_prime_minister_their_words():
    # a premier is read as a prime minister, so both fit "the prime minister": the one
    # whose title says it in those words is meant, and the premier's title is hers
    body = ("Prime Minister Mary Roe of Ruritania met Premier Kai Lund of Freedonia in "
            "Strelsau on Monday.\n\nTrade dominated the talks.\n\n"
            "“We will double our trade by 2030,” the prime minister said.\n\n"
            "“Our door is open to Ruritanian goods,” the premier said.")
    assert [(q.speaker, q.role) for q in quotes_of(body)] == [
        ("Mary Roe", "Prime Minister"), ("Kai Lund", "Premier")]
    # two prime ministers as often named: the words are kept, the title their speaker
    body = body.replace("Premier Kai Lund", "Prime Minister Kai Lund")
    assert [q.speaker for q in quotes_of(body)] == ["the prime minister", "the premier"]


def test_the_president_is_the_one_whose_title_is_just_that():
    # a host's own president is "President Sam Doe", the guest "Ruritanian President":
    # "the president" is the one the article titles in those very words
    body = ("President Sam Doe hosted Ruritanian President Mary Roe in Lima on Monday.\n\n"
            "Trade dominated the talks.\n\n"
            "“Our ports will stay open to every partner,” the president said.")
    assert [(q.speaker, q.role) for q in quotes_of(body)] == [("Sam Doe", "President")]


def test_the_president_the_article_is_about_outweighs_one_titled_in_those_very_words():
    # the guest is named five times, the host once: "the president" is the guest, though
    # only the host's title is "President" alone (the same words only break a tie)
    body = ("Ruritanian President Ida Voss arrived in Lima on Monday for a state visit. "
            "Voss laid a wreath at the memorial. Voss then toured the port, and Voss met "
            "students.\n\nShe also met President Hal Kerr.\n\n"
            "Voss ended her visit with a speech at the university.\n\n"
            "“We came to Lima as friends and we leave as partners,” the president said.")
    assert [q.speaker for q in quotes_of(body)] == ["Ida Voss"]


def test_a_title_no_one_in_the_article_holds_is_no_speaker():
    # "the premier", "The Palace chief" the article names no one as: their words are left
    # out rather than given to a title
    body = ("Ruritania and Freedonia signed a trade deal on Monday.\n\n"
            "“We shared the excellent state of our relations,” explained the premier.\n\n"
            "The Palace chief also confirmed that Ruritania is ready to ship gas to Freedonia "
            "for many years.")
    assert quotes_of(body) == []


def test_according_to_media_after_a_quotation_is_the_channel_of_whom_the_lead_says_spoke():
    # 'Doe said he would talk on "...", according to Ruritanian state media': Doe's words,
    # passed on by the media; no "Ruritanian" speaks
    body = ("Ruritanian President Sam Doe arrived in Freedonia on Tuesday.\n\n"
            "Speaking after his arrival at the airport, Doe said he would talk with Freedonian "
            "leaders on \"the overall and strategic issues of our relations, in order to push "
            "them into a new stage\", according to Ruritanian state media.")
    assert [(q.speaker, q.text[:25]) for q in quotes_of(body)] == [
        ("Sam Doe", "the overall and strategic")]


def test_a_sentence_a_news_agency_reports_is_no_quote():
    # no quotation marks and no one saying it: the agency reports what happened
    body = ("A joint statement was issued by Ruritania and Freedonia following Sam Doe's "
            "meeting with King Jon Roe, according to the official Ruritania Press Agency "
            "(RPA).")
    assert quotes_of(body) == []


def test_a_sentence_according_to_a_press_service_is_its_principals_word():
    # a press service or office is no channel of the media: it speaks for the palace
    bodies = ["Ruritania is ready to resume gas deliveries to Freedonia next month, according "
              "to the Strelsau Palace press service.",
              "The two leaders agreed to meet again in the spring, according to the Ruritanian "
              "Chancellery press office."]
    assert [q.speaker for q in quotes_of(*bodies)] == [
        "Strelsau Palace press service", "Ruritanian Chancellery press office"]


def test_a_news_agency_named_press_service_only_passes_news_on():
    # "Inter Press Service" is an agency, not a palace's press service: no one's words;
    # in capitals after an institution word it is still the principal's
    bodies = ["Ruritania is ready to resume gas deliveries to Freedonia next month, according "
              "to Inter Press Service.",
              "The two leaders agreed to meet again in the spring, according to the Strelsau "
              "Palace Press Service."]
    assert [q.speaker for q in quotes_of(*bodies)] == ["Strelsau Palace Press Service"]


def test_the_prime_minister_is_no_other_minister():
    # "the Ruritanian Prime Minister" is "PM Jane Doe", not the foreign minister: a
    # descriptor's title words are all the holder's
    body = ("PM Jane Doe and Foreign Minister Sam Roe met their Freedonian hosts.\n\n"
            "Both countries should work together for a better future, the Ruritanian Prime "
            "Minister said during a press conference. “We must live in peace and seek "
            "solutions,” she stated.")
    assert {q.speaker for q in quotes_of(body)} == {"Jane Doe"}
