"""Reading a sentence's shape: main clause, negation, tense."""

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.reading import denied_at, main_clause, may_deny, profile, read


def test_scene_setting_opener_and_trailing_clause_are_not_the_main_clause():
    sentence = ("During the visit to the capital, the president criticised the new tariffs "
                "after talks with his counterpart on Monday.")
    assert main_clause(sentence) == "the president criticised the new tariffs"


def test_the_source_named_first_is_not_the_main_clause():
    assert main_clause("According to the foreign ministry, the two sides agreed to resume "
                       "direct flights.") == "the two sides agreed to resume direct flights."


def test_a_joined_follow_up_is_part_of_the_main_clause():
    # a line of two sentences (`candidates.spanning`): the short one says what the line reports
    line = ("“Our ties will keep growing,” the minister said during the talks. "
            "They lasted about three hours.")
    assert main_clause(line).endswith("They lasted about three hours.")
    failed = "The envoy tried to settle the row over fishing rights during the visit. It failed."
    assert read(failed).negated
    # one sentence alone is still cut where its scene-setting clause begins
    assert main_clause("The envoy tried to settle the row over fishing rights during the "
                       "visit.") == "The envoy tried to settle the row over fishing rights"


def test_a_short_main_clause_is_not_cut():
    assert main_clause("They met after lunch.") == "They met after lunch."


def test_agreement_and_failure_to_agree_read_differently():
    assert not read("The two sides agreed to resume direct flights.").negated
    assert read("The two sides did not agree on a date for new talks.").negated
    assert read("The minister refused to lift the ban on imports.").negated


def test_a_contracted_denial_negates_with_either_apostrophe():
    assert read("The two sides didn't agree on a date for new talks.").negated
    assert read("The two sides didn’t agree on a date for new talks.").negated
    assert read("The ministry says it can’t lift the ban on imports this year.").negated
    assert not read("The two sides did agree on a date for new talks.").negated


def test_words_of_denial_that_deny_nothing_do_not_negate():
    assert not read("The president could not have been happier with the trade deal.").negated
    assert not read("Relations between the two countries have never been stronger.").negated
    assert not read("China not only invested in the port but also pledged new loans.").negated
    assert not read("The minister said she couldn’t agree more with her counterpart.").negated
    # a comparative that stays a denial, and a denial beside one that is not
    assert read("The two sides could not be further apart on the question of tariffs.").negated
    assert read("Not only did the talks fail, the two sides did not agree on a date.").negated


def test_negation_in_a_trailing_clause_does_not_negate_the_sentence():
    assert not read("The leaders signed a trade deal, after years in which talks had not "
                    "moved.").negated


def test_a_word_in_the_scope_of_a_denial():
    def denied(sentence: str, word: str) -> bool:
        return denied_at(sentence, sentence.index(word))

    assert denied("The two sides did not agree on the quotas.", "agree")
    assert denied("He said no effective alternatives to the grain agreement exist.", "agreement")
    assert denied("They don’t want the deal.", "deal")
    assert denied("The ministers failed to sign the accord.", "sign")
    assert not denied("The two sides agreed on the quotas.", "agreed")
    assert not denied("They did not meet, but signed a deal.", "deal")  # after a comma
    assert not denied("They did not meet but signed a deal.", "deal")  # after a turn
    assert not denied("Not only did they meet, they signed a deal.", "deal")
    assert not denied("They will sign the deal no later than June.", "deal")
    assert not denied("It is not just a trade deal.", "deal")
    assert not denied("Officials did not say when the deal would be signed.", "deal")  # a clause
    assert not denied("No one had expected that the deal would be signed.", "signed")
    assert not denied("The war was not over when the leaders of both countries finally met "
                      "and signed a trade deal.", "deal")  # too far from the denial


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["no", "No", "NOT", "don't", "won’t", "failed to", "Without",
                                 "Never", "nor", "ſo", "İt", "deal", "talks", "only", ",", "but",
                                 "piano", "know"]), max_size=12).map(" ".join))
def test_a_text_that_may_not_deny_has_no_word_in_a_denial(text):
    if not may_deny(text):
        assert not any(denied_at(text, i) for i in range(len(text) + 1))


@pytest.mark.parametrize("run", ["-", "- ", "a-", "--a ", "' "])
def test_a_denial_is_read_at_once_over_a_run_of_dashes(run):
    """A hyphen could be a word's or a separator's: a run of them once took the engine
    exponentially long (a row of 30 dashes after "No comment" took 20 s)."""
    text = "No comment " + run * (110 // len(run)) + "trade"
    start = time.perf_counter()
    denied_at(text, text.rindex("trade"))
    assert time.perf_counter() - start < 1, run


def test_an_announced_visit_is_future_and_an_account_of_one_is_not():
    assert read("The president will visit the capital next year.").future
    assert read("She accepted an invitation to visit at a convenient time.").future
    assert not read("The president visited the capital for two days of talks.").future
    # "soon after" tells when something took place
    assert read("The ministers will meet again soon, officials said.").future
    assert not read("The two sides agreed on a hotline, an aide said soon after the talks.").future


def test_the_schedule_of_the_day_is_a_preview():
    assert read("The two leaders will hold a news conference at 4:30 p.m.").preview
    assert read("The envoy will meet the president on Monday, an official said.").preview
    assert not read("The two leaders will meet again next spring.").preview


def test_a_section_profile_comes_from_its_own_examples():
    negative = profile(["The sides failed to agree.", "She refused to change course."])
    ahead = profile(["He will visit next year.", "They plan to meet again."])
    assert negative == (1.0, 0.0)
    assert ahead == (0.0, 1.0)


WORDS = ["They", "did", "NOT", "Not", "agree", "WILL", "Will", "visit", "next", "Year",
         "Refused", "to", "meet", "won't", "Can't", "INVITED", "him", "ſoon", "İnvited", "Kelvin",
         "K", "\u212a", "plans", "to", "ı", "Remains", "Open", "Warned", "urged", "him", "not",
         "to", "go"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14))
def test_reading_in_small_letters_finds_what_the_case_blind_patterns_find(words):
    from briefgen import reading

    text = " ".join(words) + "."
    main = main_clause(text)
    got = read.__wrapped__(text)  # not the cache: every text read anew
    assert got.negated == bool(reading._NEGATION.search(reading._NOT_DENYING.sub(" ", main)))
    assert got.future == bool(reading._FUTURE.search(main))


# The trailing-clause pattern as first written, opening on a lookahead.
_TRAILING_AS_WRITTEN = re.compile(
    r"(?=[,\s])(?:(?:,\s+|\s+)(?:after|amid|as|while|following|before|during|since|ahead of"
    r"|despite|where|which|who|when|whereas|according to)\b|,\s+(?:said|says|added|told)\b"
    r"|\s+[–—]\s+)")
PIECES = [*WORDS, " ", "  ", ",", ", ", ",\t", "\n", "\u00a0", "—", " – ", "after", "As", "as",
          "asked", "said", "Said", "according to", "ahead of", "who", "whose", "x", "failed",
          "later this year", "'ll", "n't", "invited"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=16).map("".join) | st.text(max_size=40))
def test_patterns_written_for_speed_match_as_written(text):
    from briefgen import reading

    assert [m.span() for m in reading._TRAILING.finditer(text)] \
        == [m.span() for m in _TRAILING_AS_WRITTEN.finditer(text)]
    for either, negation, future, seen in (
            (reading._EITHER, reading._NEGATION, reading._FUTURE, text),
            (reading._EITHER_LOWER, reading._NEGATION_LOWER, reading._FUTURE_LOWER,
             text.lower())):
        assert bool(either.search(seen)) == bool(negation.search(seen) or future.search(seen))
