import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen import vectors
from briefgen.corpus import LOWERS_TO_TWO, _normalized_text, _normalized_texts, _word_count
from briefgen.model import count_words

# words, stop words, hyphens, digits, underscores and letters past ASCII, so that every
# path of token_blocks and analyze_normalized is taken
_PIECES = st.sampled_from(["talks", "the", "Agreed", "long-term", "22nd", "x", "snake_case",
                           "café", "İstanbul", "Tu\u0308rkiye", "Huệ", "-", " ", "  ", ",",
                           "’s", "“", "3d", "and",
                           "re-elected", "US", "naïve", "ſ", "K", "\t", "."])
_TEXTS = st.lists(st.lists(_PIECES, max_size=12).map("".join), max_size=8)


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.sampled_from([1, 2, 3, vectors.BLOCK_TEXTS]))
def test_the_blocks_words_stem_as_analyze_reads_each_text(texts, block):
    keys = [_normalized_text(t) for t in texts]
    default, vectors.BLOCK_TEXTS = vectors.BLOCK_TEXTS, block  # a large day's many blocks
    try:
        blocks = list(vectors.token_blocks(texts, keys))
    finally:
        vectors.BLOCK_TEXTS = default
    stems = [vectors._STEMS[w] for tokens, _ in blocks for w in tokens]
    lengths = [n for _, block_lengths in blocks for n in block_lengths]
    assert len(lengths) == len(texts) and sum(lengths) == len(stems)
    at = 0
    for text, n in zip(texts, lengths, strict=True):
        assert [w for w in stems[at:at + n] if w] == vectors.analyze(text)
        at += n


# and what only normalizing many texts at once must mind: line feeds, every typographic
# mark, spaces at the ends, characters past ASCII that lower() makes ASCII ("K", the
# Kelvin sign) or two, one alone of a pair of surrogates
_MORE = st.sampled_from(["\n", "—", "–", "‘", "”", "\u2019x", " \u2014 ", "\u212a", "\udc80",
                         "é", "\x00", "...", "\u00a0"])
_ANY_TEXTS = st.lists(st.lists(st.one_of(_PIECES, _MORE), max_size=10).map("".join), max_size=9)


@settings(max_examples=400, deadline=None)
@given(_ANY_TEXTS, st.sampled_from([1, 2, 3, vectors.BLOCK_TEXTS]))
def test_texts_normalized_together_are_as_normalized_one_at_a_time(texts, together):
    default, vectors.BLOCK_TEXTS = vectors.BLOCK_TEXTS, together
    try:
        assert _normalized_texts(texts) == [_normalized_text(t) for t in texts]
    finally:
        vectors.BLOCK_TEXTS = default


def _counted(tokens: list[list[str]]) -> tuple[dict[str, int], list[dict[int, int]]]:
    """Counts the plain way: a dict per text, columns as words first appear."""
    vocabulary: dict[str, int] = {}
    rows = []
    for words in tokens:
        row: dict[int, int] = {}
        for word in words:
            column = vocabulary.setdefault(word, len(vocabulary))
            row[column] = row.get(column, 0) + 1
        rows.append(row)
    return vocabulary, rows


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["", "talk", "agre", "visit", "a", "b"]),
                         max_size=9), max_size=7))
def test_counts_keep_each_rows_words_in_the_order_they_first_stand(tokens):
    stems = [w for words in tokens for w in words]
    vectorizer = vectors.Vectorizer()
    counts = vectorizer.fit_counts(stems, [len(words) for words in tokens])
    vocabulary, rows = _counted([[w for w in words if w] for words in tokens])
    assert vectorizer.vocabulary_ == vocabulary and list(vectorizer.vocabulary_) == list(vocabulary)
    assert counts.shape == (len(tokens), len(vocabulary))
    for n, row in enumerate(rows):
        start, end = counts.indptr[n], counts.indptr[n + 1]
        assert counts.indices[start:end].tolist() == list(row)
        assert counts.data[start:end].tolist() == list(row.values())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["", "talk", "agre", "visit", "a", "b"]),
                         max_size=9), max_size=7), st.integers(0, 7))
def test_counts_fitted_again_go_on_with_the_words_known(tokens, split):
    vectorizer = vectors.Vectorizer()
    for part in (tokens[:split], tokens[split:]):
        counts = vectorizer.fit_counts([w for words in part for w in words],
                                       [len(words) for words in part])
    vocabulary, rows = _counted([[w for w in words if w] for words in tokens])
    assert list(vectorizer.vocabulary_.items()) == list(vocabulary.items())
    for n, row in enumerate(rows[split:]):
        start, end = counts.indptr[n], counts.indptr[n + 1]
        assert counts.indices[start:end].tolist() == list(row)
        assert counts.data[start:end].tolist() == list(row.values())


def test_transform_counts_only_the_words_fitted():
    vectorizer, _ = vectors.fit(["The talks went well.", "Talks and more talks."])
    rows = vectorizer.transform(["Talks about trade.", ""])
    assert rows.shape == (2, len(vectorizer.vocabulary_))
    assert rows[0].nnz == 1 and rows[1].nnz == 0


def test_lower_turns_only_one_character_into_two():
    assert [c for c in range(sys.maxunicode + 1) if len(chr(c).lower()) != 1] \
        == [ord(LOWERS_TO_TWO)]


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_a_texts_words_are_counted_off_its_normalized_text_as_count_words_does(texts):
    for text in texts:
        assert _word_count(text, _normalized_text(text)) == count_words(text)


@settings(max_examples=300, deadline=None)
@given(_TEXTS, _TEXTS, st.sampled_from([1, 3, vectors.BLOCK_TEXTS]))
def test_counts_of_tokens_are_those_of_their_stems(first, then, block):
    stemmed, tokened = vectors.Vectorizer(), vectors.Vectorizer()
    for texts in (first, then):  # fitted twice: the second goes on with the words known
        keys = [_normalized_text(t) for t in texts]
        expected = stemmed.fit_counts(*vectors._joined(map(vectors.analyze, texts)))
        # many blocks and counting chunks, or one
        defaults = vectors.BLOCK_TEXTS, vectors.COUNT_CHUNK
        vectors.BLOCK_TEXTS = vectors.COUNT_CHUNK = block
        try:
            counts = tokened.fit_token_counts(vectors.token_blocks(texts, keys))
        finally:
            vectors.BLOCK_TEXTS, vectors.COUNT_CHUNK = defaults
        assert list(tokened.vocabulary_.items()) == list(stemmed.vocabulary_.items())
        assert counts.shape == expected.shape
        for a, b in ((counts.indptr, expected.indptr), (counts.indices, expected.indices),
                     (counts.data, expected.data)):
            assert a.tolist() == b.tolist()


def test_a_words_stem_keeps_figures_and_drops_stop_words_and_single_letters():
    stems = vectors._Stems()
    words = ["talks", "agreed", "the", "15", "05", "0", "22nd", "3d", "x"]
    assert [stems[w] for w in words] == ["talk", "agre", "", "15", "", "", "nd", "", ""]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["talks", "the", "22nd", "15", "05", "0", "3d", "x", "naïve",
                                 "re-elected", "²", "agreed", "12ab3", "a1b2", "and"]),
                max_size=12))
def test_stems_learnt_together_are_those_found_one_at_a_time(words):
    learnt, alone = vectors._Stems(), vectors._Stems()
    learnt.learn(words)
    assert set(learnt) == set(words)  # each learnt, none left to look up
    assert {w: learnt[w] for w in words} == {w: alone[w] for w in words}


def test_words_learnt_past_the_limit_are_all_known_after(monkeypatch):
    monkeypatch.setattr(vectors, "MAX_STEMS", 4)
    stems = vectors._Stems()
    stems.learn(["talks", "agreed"])
    words = ["talks", "agreed", "visit", "leaders", "signed", "trade"]  # two known, four new
    stems.learn(words)
    assert set(words) <= set(stems)  # none to be looked up (and stemmed) one at a time
    assert {w: stems[w] for w in words} == {w: vectors._Stems()[w] for w in words}


def test_a_name_with_marks_is_one_word_spelt_as_outlets_without_marks_spell_it():
    from briefgen.vectors import analyze

    assert analyze("Chairman Vương Đình Huệ visited Türkiye") == \
        analyze("Chairman Vuong Dinh Hue visited Turkiye")
    assert len(analyze("Erdoğan")) == 1
    assert analyze("Tu\u0308rkiye") == analyze("Turkiye")  # the mark apart from its letter
