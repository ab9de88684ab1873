from briefgen.model import Quote
from briefgen.spellings import one_spelling, same_person


def test_spellings_of_one_name_are_one_person():
    assert same_person("Volodymyr Zelensky", "Volodymyr Zelenskyy")
    assert same_person("Recep Erdogan", "Recep Tayyip Erdoğan")
    assert same_person("Kim Jong Un", "Kim Jong-un")
    assert same_person("Muammar Gaddafi", "Muammar Qaddafi")


def test_different_people_stay_apart():
    assert not same_person("Li Qiang", "Li Keqiang")
    assert not same_person("Maria Santos", "Mario Santos")  # the first name must match
    assert not same_person("Ann Lu", "Ann Li")  # short surnames differ for real
    assert not same_person("Joe Biden", "Jill Biden")
    assert not same_person("Jane Doe", "Jane")  # one word is no full name
    assert not same_person("the foreign minister", "the foreign ministry")


def test_a_speaker_is_shown_as_most_quotes_spell_them():
    quotes = [Quote("We will rebuild.", "Volodymyr Zelenskyy", "a1"),
              Quote("Thank you for the support.", "Volodymyr Zelenskyy", "a2"),
              Quote("Winter is hard.", "Volodymyr Zelensky", "a3", role="President"),
              Quote("Talks must go on.", "Jane Doe", "a3")]
    out = one_spelling(quotes)
    assert [q.speaker for q in out] == ["Volodymyr Zelenskyy"] * 3 + ["Jane Doe"]
    assert out[2].role == "President" and out[2].text == "Winter is hard."
