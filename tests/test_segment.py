import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.candidates import is_candidate, spanning
from briefgen.clean import clean_text
from briefgen.rankers import sumy_scores
from briefgen.segment import SumyTokenizer, segment, split_sentences

from .conftest import make_article


def test_abbreviations_do_not_end_sentences():
    text = ("U.S. Secretary of State Jane Doe met Mr. Roe in Washington. Sen. Bob Smith said "
            "the talks with the U.K. delegation went well. Then they left.")
    assert split_sentences(text) == [
        "U.S. Secretary of State Jane Doe met Mr. Roe in Washington.",
        "Sen. Bob Smith said the talks with the U.K. delegation went well.",
        "Then they left.",
    ]


def test_acronym_at_a_real_sentence_end_still_splits():
    assert split_sentences("The envoy flew back to the U.S. The talks resume in May.") == [
        "The envoy flew back to the U.S.", "The talks resume in May."]


def test_quotes_stay_whole():
    text = '"We made progress. There is more to do," she said. He agreed.'
    assert split_sentences(text) == ['"We made progress.', 'There is more to do," she said.',
                                     "He agreed."] or split_sentences(text) == [
        '"We made progress. There is more to do," she said.', "He agreed."]


def test_fused_headline_is_split_off():
    text = ("The talks ended late. Ministers pledge to keep talking, signaling slight thaw "
            "The two men had a frank discussion, a spokesman said.")
    parts = split_sentences(text)
    assert parts[-1] == "The two men had a frank discussion, a spokesman said."
    assert "Ministers pledge to keep talking, signaling slight thaw" in parts


def test_a_sentence_going_on_after_but_or_a_verb_is_no_fused_headline():
    text = ('"We want them to succeed," the president added. "But I want them to keep the '
            'rules." "I know I can count on you to bring the ministers along," he said.')
    assert split_sentences(text) == [
        '"We want them to succeed," the president added.',
        '"But I want them to keep the rules."',
        '"I know I can count on you to bring the ministers along," he said.']


def test_missed_boundary_after_a_name_is_split():
    text = "The visit may include Energy Secretary John F. Kerry. President Doe said so."
    assert split_sentences(text)[-1] == "President Doe said so."


def test_a_closing_quotation_mark_stays_with_its_sentence_at_a_missed_boundary():
    for open_, close in [("“", "”"), ("«", "»")]:
        text = (f"The minister said: {open_}Our harbours will stay open to every ship that "
                f"flies a flag.{close} {open_}We have no illusions about the road ahead of us."
                f"{close} The two sides agreed to resume direct flights next spring.")
        assert split_sentences(text) == [
            f"The minister said: {open_}Our harbours will stay open to every ship that flies a "
            f"flag.{close}",
            f"{open_}We have no illusions about the road ahead of us.{close}",
            "The two sides agreed to resume direct flights next spring."]


def test_sentences_glued_without_a_space_are_split_as_printed():
    text = ("The president thanked the people of the host country.The talks covered trade "
            "and energy. Officials met at the U.S.Embassy at 5 p.m.Monday.")
    assert split_sentences(text) == [
        "The president thanked the people of the host country.",
        "The talks covered trade and energy.",
        "Officials met at the U.S.Embassy at 5 p.m.Monday."]
    # an address is no boundary
    for text in ["Details are at www.Example.com today.", "Write to desk@paper.Com now.",
                 "See news.Example.org/visit for the schedule."]:
        assert split_sentences(text) == [text]


def test_sentences_point_back_into_the_body():
    body = clean_text("First paragraph here. It has two sentences.\n\nSecond one stands alone.")
    sentences = segment(make_article(body))
    assert [s.paragraph for s in sentences] == [0, 0, 1]
    for s in sentences:
        assert body[s.start:s.end] == s.text
    assert sentences[0].is_complete
    assert not segment(make_article("A Headline Without Punctuation"))[0].is_complete


def test_sumy_runs_with_our_tokenizer_offline():
    tok = SumyTokenizer()
    assert tok.to_words("Don’t stop-loss now.") == ("Don’t", "stop-loss", "now")
    texts = ["Talks went well today.", "The talks went well.", "Cats sleep a lot."]
    scores = sumy_scores("lexrank", texts)  # NLTK's punkt data would raise LookupError
    assert sorted(scores) == [1 / 3, 2 / 3, 1.0]


def test_a_quotation_over_two_sentences_and_a_short_follow_up_become_whole_candidates():
    body = ("“The president wants new factories. This visit brings investment from abroad,” "
            "the finance minister said on Friday.\n\n"
            "The two leaders held talks in the capital on Tuesday. They lasted three hours.")
    sentences = segment(make_article(body))
    texts = [s.text for s in sentences if is_candidate(s)]
    assert "“The president wants new factories." not in texts  # a piece of a quotation
    whole = [s.text for s in spanning(sentences) if is_candidate(s)]
    assert ("“The president wants new factories. This visit brings investment from abroad,” "
            "the finance minister said on Friday.") in whole
    assert "The two leaders held talks in the capital on Tuesday. They lasted three hours." \
        in whole
    assert "The two leaders held talks in the capital on Tuesday." in whole  # still on its own


def test_an_opening_clause_with_no_main_clause_is_no_candidate():
    body = ("As both sides agreed that the talks would go on next month. "
            "In stating that the two currencies already settle most of the trade between them. "
            "After meeting the envoy, the minister said the talks would go on next month. "
            "In setting up a working group, the two sides agreed to meet every quarter.")
    texts = [s.text for s in segment(make_article(body)) if is_candidate(s)]
    assert texts == [
        "After meeting the envoy, the minister said the talks would go on next month.",
        "In setting up a working group, the two sides agreed to meet every quarter."]


def test_the_sentence_spans_are_nupunkts_own():
    import nupunkt

    from briefgen.segment import _punkt_spans

    for text in ["", "   ", "no sentence end here", "One. Two!  Three? \n", "He met Mr. Roe. "
                 "They left the U.S. on Monday.\n\nThen...", "“Go.” ‘No.’ (Yes.) Done"]:
        assert _punkt_spans(text) == nupunkt.sent_spans(text), text


def test_a_missed_break_inside_a_sentence_cuts_it_and_a_gap_between_sentences_is_left():
    text = ("The deal was signed by John F. Doe. President Roe said it would hold. "
            "Talks ended quietly The two men had met twice.")
    assert split_sentences(text) == [
        "The deal was signed by John F. Doe.", "President Roe said it would hold.",
        "Talks ended quietly", "The two men had met twice."]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "z", "The", "An", "A", "I", " ", "  ", "\t", "\n", "\xa0",
                                 "x", "B", "In", "It", ".", "é", "Z", "Thereby", "said"]),
                max_size=14))
def test_a_fused_headline_gap_is_the_whole_run_of_whitespace_after_a_small_letter(pieces):
    import re

    from briefgen.segment import _STARTERS, _fused

    text = "".join(pieces)
    gap = re.compile(rf"\s(?<=[a-z]\s)\s*(?=(?:{_STARTERS}) [a-z])")
    assert _fused(text) == [m.span() for m in gap.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["Mr", "Mrs", "mr", "Co", "Corp", "xMr", "U", "S", "No", "(",
                                 "“", "-", " ", "\xa0", "\t", "\u2003", ".", "said", "Inc",
                                 "approx", "A", "‘"]), min_size=1, max_size=8))
def test_a_tail_is_told_ending_in_a_title_or_an_initial_as_the_patterns_tell_it(pieces):
    from briefgen.segment import _ACRONYM, _TITLE, _ends_in_title

    tail = ("".join(pieces) + ".").lstrip()
    before = tail[-2:-1]
    assert ("a" <= before <= "z" and _ends_in_title(tail)) == bool(_TITLE.search(tail)), tail
    if _ACRONYM.search(tail):
        assert "A" <= before <= "Z", tail


# words and marks around which nupunkt's spans turn: initials, abbreviations, titles, list
# numbers, numbers, closing and opening marks, ellipses, words opening a collocation
_TRICKY = ["The", "talks", "ended.", "ended.”", "said.’”", "U.S.", "Mr.", "Dr.", "no.", "inc.",
           "civil.", "iv.", "A.", "a.", "I.", "ill.", "said", "“We", "‘Go", "(Yes.)", "end!",
           "why?", "so…", "...", ". . .", "3.", "3.5.", "2023.", "year-end.", "e.g.", "St.",
           "Jan.", "he", "She", "x.", "Kyiv.", "he.\"", "talks.”,", "talks.)", "vs.", "Co.",
           "Beijing.", "1.", "IV.", "talks.'", "«Oui.»", "well.--", "it.;", "way.\n", "Gov.",
           "no.”", "word.\xa0", "c.", "j.", "officials", "Sino-U.S.", "“U.S.", "“Mr.", "U.N."]


def test_the_sentence_spans_are_nupunkts_where_its_breaks_are_sure_too():
    import nupunkt

    from briefgen.segment import _punkt_spans

    for text in ["The talks ended. Both sides left.", "It ended.” He left. “We won.” she said.",
                 "It ended. the end.", "  civil. Then more.", "He left.\nill. And so on.",
                 "They met in the U.S. Talks ended. IV. The end.", "It grew 3.5. Then fell.",
                 "Year-end. Next. Inc. Done.", "Ends here.  ", "Done.’” Then.”  ",
                 "A very long first sentence. A. Smith spoke. It ended. iv. So.",
                 "U.S. officials met the U.S. side. Then the U.N. team.” left. “Go.” he said."]:
        assert _punkt_spans(text) == nupunkt.sent_spans(text), text


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_TRICKY),
                          st.sampled_from([" "] * 8 + ["  ", "\n", "\n\n", "\t", "", "\xa0"])),
                max_size=20))
def test_a_text_cut_at_sure_breaks_has_nupunkts_spans(words):
    import nupunkt

    from briefgen.segment import _punkt_spans

    text = "".join(w + gap for w, gap in words)
    assert _punkt_spans(text) == nupunkt.sent_spans(text), text


def _segmented_one_by_one(article) -> list:
    """segment() as it made each sentence before it went by the spans: the reference."""
    from briefgen.model import Sentence
    from briefgen.segment import paragraph_spans, split_paragraph

    sentences = []
    for p, (p_start, p_end) in enumerate(paragraph_spans(article.body)):
        for s, e in split_paragraph(article.body[p_start:p_end]):
            sentences.append(Sentence(
                text=article.body[p_start + s:p_start + e], article_id=article.id,
                paragraph=p, index=len(sentences), start=p_start + s, end=p_start + e,
            ))
    return sentences


def test_sentences_made_from_their_spans_are_those_segment_made():
    from briefgen import pipeline
    from briefgen.clean import load_rules
    from briefgen.ingest import expand_inputs, read_articles
    from briefgen.segment import sentences_at

    from .conftest import SEEDS

    rules = load_rules()
    files, _ = expand_inputs([SEEDS])
    articles = read_articles(files).articles
    assert len(articles) >= 5
    for article in articles:
        cleaned, spans = pipeline._clean_and_find(rules, article)
        sentences = sentences_at(cleaned, spans)
        assert sentences == _segmented_one_by_one(cleaned)
        assert segment(cleaned) == sentences
    body = "One. Two here.\n\nThree, after a gap.\n \n\nFour!"
    assert segment(make_article(body)) == _segmented_one_by_one(make_article(body))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \n\t.\u00a0")), max_size=12), st.data())
def test_a_word_opens_its_line_as_the_line_before_it_says(text, data):
    from briefgen.segment import _opens_line

    j = data.draw(st.integers(0, len(text)))
    assert _opens_line(text, j) == (not text[text.rfind("\n", 0, j) + 1:j].strip())


@given(st.text(alphabet="“”«»\"' ab.", max_size=30))
def test_a_text_with_open_quotes_has_a_mark_that_opens(text):
    from briefgen.candidates import _may_open_quotes, _open_quotes

    assert _may_open_quotes(text) or _open_quotes(text) <= 0


def test_the_whitespace_past_ascii_is_all_that_str_split_splits_at():
    from briefgen.candidates import SPACES_PAST_ASCII

    assert [c for c in range(128, sys.maxunicode + 1) if chr(c).isspace()] \
        == list(map(ord, SPACES_PAST_ASCII))


# sentences, and what only judging many texts at once must mind: every whitespace, line
# feeds, a text empty or of spaces, characters of two to four bytes, half a surrogate pair
_JUDGED_TEXTS = st.lists(st.lists(st.sampled_from(
    ["The", "talks", "went", "well", "on", "Monday", "I", "said", "“We agree,”", '"', " ",
     "  ", ".", "\n", "\t", "\x1f", "\x85", "\xa0", "\u2009", "\u3000", "\u1680", "\u205f",
     "é", "’", "—", "\U0001f600", "\udc80"]), max_size=24).map("".join), max_size=9)


@settings(max_examples=400, deadline=None)
@given(_JUDGED_TEXTS, st.sampled_from([1, 2, 3, 2_000]))
def test_texts_judged_together_are_judged_as_one_at_a_time(texts, together):
    from briefgen import candidates, vectors

    default, vectors.BLOCK_TEXTS = vectors.BLOCK_TEXTS, together
    try:
        assert candidates._word_counts(texts) == [len(t.split()) for t in texts]
        assert candidates.candidate_texts(texts) == list(map(candidates.is_candidate_text,
                                                             texts))
    finally:
        vectors.BLOCK_TEXTS = default
