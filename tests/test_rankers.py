import warnings

import numpy as np
import pytest

from briefgen.rankers import RANKER_NAMES, RANKERS, centrality
from briefgen.vectors import tfidf

SENTENCES = [
    "The ministers held talks on trade and security in the capital.",
    "Trade and security dominated the talks between the ministers.",
    "The talks on trade were long, the ministers said.",
    "A local football club won its match on Saturday.",
]


@pytest.mark.parametrize("name", RANKER_NAMES)
def test_every_ranker_scores_every_sentence(name):
    scores = RANKERS[name](SENTENCES, tfidf(SENTENCES))
    assert scores.shape == (4,)
    assert np.isfinite(scores).all()


def test_centrality_puts_the_off_topic_sentence_last():
    scores = centrality(SENTENCES)
    assert scores.argmin() == 3
    assert scores.sum() == pytest.approx(1.0)


def test_centrality_of_nothing_is_empty():
    assert centrality([]).shape == (0,)


@pytest.mark.parametrize("name", RANKER_NAMES)
def test_sentences_of_only_small_words_rank_without_a_warning(name):
    texts = ["And so it is.", "It was all of that and more.", "So it was."]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a numpy warning would be printed to the user
        scores = RANKERS[name](texts, tfidf(texts))
    assert scores.shape == (3,)
    assert np.isfinite(scores).all()
