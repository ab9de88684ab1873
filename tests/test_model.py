import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefgen.model import Sentence

_ROW = st.tuples(st.text(max_size=5), st.integers(0, 9), st.integers(0, 99), st.integers(0, 99))


@given(st.text(max_size=3), st.lists(_ROW, max_size=6))
def test_many_makes_the_sentences_the_class_makes(article_id, rows):
    columns = zip(*rows, strict=True) if rows else ((), (), (), ())
    texts, paragraphs, starts, ends = map(list, columns)
    made = Sentence.many(texts, article_id, paragraphs, starts, ends)
    called = [Sentence(t, article_id, p, n, s, e)
              for n, (t, p, s, e) in enumerate(rows)]
    assert made == called
    assert [type(s) for s in made] == [Sentence] * len(rows)
    assert list(map(repr, made)) == list(map(repr, called))
    assert list(map(hash, made)) == list(map(hash, called))
    assert pickle.loads(pickle.dumps(made)) == called


def test_a_sentence_made_by_many_stays_frozen():
    from dataclasses import FrozenInstanceError

    sentence = Sentence.many(["One."], "a1", [0], [0], [4])[0]
    with pytest.raises(FrozenInstanceError):
        sentence.text = "Two."  # type: ignore[misc]
