from briefgen.quotes import find_quotes
from briefgen.segment import segment

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


def test_reported_speech_keeps_the_source_words_and_says_so():
    body = ("Foreign Minister Jane Doe said the talks would resume in Geneva next month. "
            "The ceasefire will hold until the spring, according to Sam Roe. "
            "The border will reopen on Friday, according to the ministry.")
    quotes = {q.text: (q.speaker, q.reported) for q in quotes_of(body)}
    assert quotes == {
        "the talks would resume in Geneva next month": ("Jane Doe", True),
        "The ceasefire will hold until the spring": ("Sam Roe", True),
    }


def test_direct_quotes_are_not_marked_reported():
    [q] = quotes_of('"We will meet again in May," Jane Doe said.')
    assert not q.reported
