"""The parts that keep a large day linear give what the plain all-pairs way gives."""

import multiprocessing
import os
import random
import re
import signal

import numpy as np
import pytest

from briefgen import vectors
from briefgen.corpus import join_to_representatives
from briefgen.neighbours import _earlier as _EARLIER
from briefgen.neighbours import similar_pairs
from briefgen.overlap import OverlapIndex
from briefgen.parallel import MIN_ITEMS, beside, map_ordered, waiting_beside
from briefgen.rankers import GRAPH_LIMIT, centrality

WORDS = ("minister", "talks", "agreed", "visit", "summit", "trade", "fishing", "rights", "border",
         "troops", "grain", "port", "deal", "sanctions", "embassy", "envoy", "treaty",
         "ceasefire", "election", "budget")


def sentences(n, seed=3):
    rng = random.Random(seed)
    return [" ".join(rng.choices(WORDS, k=rng.randint(4, 9))) for _ in range(n)]


def test_similar_pairs_are_exactly_the_pairs_over_the_threshold():
    rows = vectors.tfidf(sentences(400))
    dense = (rows @ rows.T).toarray()
    for threshold in (0.1, 0.5, 0.7):
        i, j, cosine = similar_pairs(rows, threshold)
        expected = {(a, b) for a, b in zip(*np.nonzero(dense >= threshold), strict=True) if a < b}
        assert set(zip(i.tolist(), j.tolist(), strict=True)) == expected
        assert np.allclose(cosine, dense[i, j])


@pytest.mark.parametrize("limit", [None, 3])
def test_joining_whole_rows_finds_what_joining_tails_finds(monkeypatch, limit):
    from briefgen import neighbours

    rows = vectors.tfidf(sentences(400))
    for threshold in (0.1, 0.3, 0.5, 0.7):
        found = []
        for share in (0.0, float("inf")):  # tails always, whole rows always
            monkeypatch.setattr(neighbours, "WHOLE_ROWS_SHARE", share)
            i, j, cosine = similar_pairs(rows, threshold, limit)
            order = np.lexsort((i, j))
            found.append((i[order].tolist(), j[order].tolist(), cosine[order].tolist()))
        assert found[0] == found[1] and found[0][0]


@pytest.mark.parametrize("limit", [None, 3])
@pytest.mark.parametrize("budget", [500, 250_000])  # many chunks, one
def test_pairs_are_found_on_the_earlier_rows_as_on_all_rows(monkeypatch, limit, budget):
    """The same pairs, cosines and order (which the centrality graph sums in) as when each
    chunk is multiplied with every row."""
    from briefgen import neighbours

    monkeypatch.setattr(neighbours, "PROBE_BUDGET", budget)
    for seed in range(3):
        rows = vectors.tfidf(sentences(300, seed))
        for threshold in (0.1, 0.3, 0.7):
            for share in (0.0, float("inf")):  # tails, whole rows
                monkeypatch.setattr(neighbours, "WHOLE_ROWS_SHARE", share)
                monkeypatch.setattr(neighbours, "_earlier", _EARLIER)
                fast = similar_pairs(rows, threshold, limit)
                monkeypatch.setattr(neighbours, "_earlier", lambda index_t, _end: index_t)
                plain = similar_pairs(rows, threshold, limit)
                assert len(fast[0])
                for a, b in zip(fast, plain, strict=True):
                    assert a.dtype == b.dtype and a.tolist() == b.tolist()


def test_a_last_sentence_without_a_word_the_vectors_keep_is_grouped_alone():
    """A mixed-language day: the last distinct sentence has no English word (an empty
    row, last)."""
    from briefgen.corpus import build_corpus
    from briefgen.model import Sentence

    texts = ["The minister agreed the trade deal at the summit on Tuesday.",
             "The minister agreed a trade deal during the summit on Tuesday.",
             "Он сказал, что переговоры продолжатся завтра утром в столице."]
    corpus = build_corpus([Sentence(t, f"a{k}", 0, 0, 0, len(t)) for k, t in enumerate(texts)],
                          ["a0", "a1", "a2"])
    assert [g.sources for g in corpus.groups] == [("a0", "a1"), ("a2",)]
    assert np.isfinite(centrality(texts)).all()


def test_with_a_limit_each_later_row_keeps_its_most_similar_earlier_rows():
    rows = vectors.tfidf(sentences(400))
    every = similar_pairs(rows, 0.1)
    i, j, cosine = similar_pairs(rows, 0.1, limit=3)
    assert len(i) < len(every[0])
    for later in set(every[1].tolist()):
        theirs = sorted(every[2][every[1] == later], reverse=True)[:3]
        assert sorted(cosine[j == later], reverse=True) == theirs


def test_thousands_of_near_identical_records_keep_memory_bounded(tmp_path):
    """19,500 JSONL records that all say nearly the same (1.9 MB): the build once needed
    9 GiB, as every record was paired with every other."""
    import json
    import subprocess
    import sys

    from .conftest import ROOT

    rng = random.Random(1)
    topics = ("trade", "talks", "energy", "fish", "visit", "border", "tariffs", "climate")
    with (tmp_path / "wire.jsonl").open("w") as f:
        for n in range(19_500):
            a, b = rng.sample(topics, 2)
            f.write(json.dumps({"title": f"T{n}", "date": "2024-01-02",
                                "text": f"Ministers met for talks on {a} and {b} {n}."},
                               separators=(",", ":")) + "\n")
    # A fresh parent, so the peak it reports is this build's alone.
    probe = ("import resource, subprocess, sys; "
             "r = subprocess.run(sys.argv[1:]); "
             "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "briefgen.cli",
                          "build", "--input", str(tmp_path / "wire.jsonl"), "--out",
                          str(tmp_path / "out"), "--format", "json", "-q"],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    code, peak_kib = map(int, out.stdout.split())
    assert code == 0, out.stderr
    assert peak_kib < 1024 * 1024, f"peak {peak_kib // 1024} MiB"


def test_a_chain_of_small_changes_does_not_join_unrelated_sentences():
    chain = ["grain port deal signed at the border today",
             "grain port deal signed at the border on monday",
             "grain port deal signed at the embassy on monday",
             "grain port treaty signed at the embassy on monday",
             "fishing port treaty signed at the embassy on monday"]
    rows = vectors.tfidf(chain)
    cosine = (rows @ rows.T).toarray()
    assert cosine[0, 4] < 0.7 and all(cosine[k, k + 1] >= 0.7 for k in range(4))
    labels = join_to_representatives(rows, 0.7)
    assert labels[0] != labels[4]  # the two ends tell different facts
    assert labels[1] == labels[0]  # a near copy of the first joins it


def test_centrality_without_the_graph_ranks_an_off_topic_sentence_last():
    texts = [*sentences(GRAPH_LIMIT + 100), "weather mild sunny afternoon"]
    scores = centrality(texts)
    assert np.isfinite(scores).all() and abs(scores.sum() - 1) < 1e-6
    assert scores[-1] == scores.min()


def test_overlap_index_finds_every_similar_quote_a_scan_finds():
    from briefgen.quote_merge import _min_shared, _similar

    rng = random.Random(5)
    sets = [set(rng.sample(WORDS, rng.randint(0, 12))) for _ in range(400)]
    index = OverlapIndex(sets, _min_shared)
    for k, words in enumerate(sets):
        found = set(index.candidates(words))
        assert {j for j in range(k) if _similar(words, sets[j])} <= found
        index.add(k, words)
    assert len(found) < k  # and not by listing every set


def test_overlap_index_finds_near_copies_and_sets_added_again():
    """Quotes as outlets print them: cut, trimmed or reworded copies of earlier ones, and a
    group's wording replaced by a better one (its key added again with other words)."""
    from briefgen.quote_merge import _min_shared, _similar

    rng = random.Random(11)
    sets: list[set[str]] = []
    for _ in range(600):
        if sets and rng.random() < 0.7:
            base = list(rng.choice(sets))
            kept = rng.sample(base, max(0, len(base) - rng.randint(0, 3)))
            sets.append(set(kept) | set(rng.sample(WORDS, rng.randint(0, 2))))
        else:
            sets.append(set(rng.sample(WORDS, rng.randint(1, 20))))
    index = OverlapIndex(sets, _min_shared)
    current: list[set[str]] = []  # each key's latest words, as merge_quotes keeps them
    for words in sets:
        found = index.candidates(words)
        similar = [j for j in range(len(current)) if _similar(words, current[j])]
        assert set(similar) <= set(found)
        if similar and rng.random() < 0.5:  # a better wording replaces the group's
            index.add(similar[0], words)
            current[similar[0]] = words
        else:
            index.add(len(current), words)
            current.append(words)


def test_tfidf_rows_are_unit_length_and_rare_words_weigh_more():
    rows = vectors.tfidf(["grain deal", "grain treaty", "grain summit"])
    assert np.allclose(np.sqrt(rows.multiply(rows).sum(axis=1)), 1)
    vectorizer, _ = vectors.fit(["grain deal", "grain treaty", "grain summit"])
    row = vectors.transform(vectorizer, ["grain deal unseen"]).toarray()[0]
    assert row[vectorizer.vocabulary_["deal"]] > row[vectorizer.vocabulary_["grain"]] > 0


def _square(n):
    return n * n


def test_work_split_across_processes_comes_back_in_order():
    items = list(range(3 * MIN_ITEMS))
    assert map_ordered(_square, items) == [n * n for n in items]


def _scaled(factor, offsets, n):
    return factor * n + offsets[n % len(offsets)]


def test_arguments_shared_by_every_item_reach_the_workers_once():
    items = list(range(3 * MIN_ITEMS))
    offsets = tuple(range(7))
    expected = [3 * n + n % 7 for n in items]
    assert map_ordered(_scaled, items, (3, offsets)) == expected
    assert map_ordered(_scaled, items[:5], (3, offsets)) == expected[:5]  # here, no workers


def test_spawned_workers_are_sent_the_items_forked_ones_inherit(monkeypatch):
    items = list(range(3 * MIN_ITEMS + 1))
    offsets = tuple(range(7))
    expected = [3 * n + n % 7 for n in items]
    assert map_ordered(_scaled, items, (3, offsets)) == expected  # forked: chunk bounds only
    spawn = multiprocessing.get_context("spawn")
    monkeypatch.setattr(multiprocessing, "get_context", lambda *_: spawn)
    assert map_ordered(_scaled, items, (3, offsets)) == expected


def _fail(message):
    raise ValueError(message)


def test_a_stage_beside_the_next_gives_its_result_or_raises_its_error():
    for worth_it in (True, False):
        with beside(_square, 12, worth_it=worth_it) as result:
            assert result() == 144
        with beside(_fail, "no quotes", worth_it=worth_it) as result, \
                pytest.raises(ValueError, match="no quotes"):
            result()
    with beside(_square, 3) as result:
        pass  # never asked: the child is stopped, nothing hangs


def _niceness() -> int:
    return os.getpriority(os.PRIO_PROCESS, 0)


def test_a_yielding_stage_runs_at_a_lower_priority():
    here = _niceness()
    with beside(_niceness, yielding=True) as result:
        assert result() == min(19, here + 5)
    with beside(_niceness, yielding=True, worth_it=False) as result:
        assert result() == here  # run here: the caller's priority is not lowered


def _dies_in_a_child(parent: int) -> str:
    if os.getpid() != parent:
        os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's out-of-memory killer would
    return "done here"


def test_a_stage_whose_child_is_killed_is_run_here_instead(caplog):
    with beside(_dies_in_a_child, os.getpid()) as result:
        assert result() == "done here"
    assert "stopped without a result (exit code -9); running it here" in caplog.text


def _prepared_in_a_child(parent: int) -> None:
    if os.getpid() == parent:
        raise AssertionError("prepared here, not in the child")


def test_a_call_waiting_beside_gives_its_result_or_raises_its_error():
    parent = os.getpid()
    for worth_it in (True, False):
        prepare = (lambda: _prepared_in_a_child(parent)) if worth_it else (lambda: None)
        with waiting_beside(prepare, _square, worth_it=worth_it) as call:
            assert call(12) == 144
            assert call(5) == 25  # a second call is made here
        with waiting_beside(prepare, _fail, worth_it=worth_it) as call, \
                pytest.raises(ValueError, match="no pdf"):
            call("no pdf")
    with waiting_beside(lambda: None, _square) as call:
        pass  # never called: the child is stopped, nothing hangs
    with waiting_beside(lambda: None, _dies_in_a_child) as call:
        assert call(parent) == "done here"  # killed in the child: run here instead


def cues_in(pattern: re.Pattern | None, text: str) -> set[str]:
    """The cues a plain scan of the whole text finds: what the faster paths must match."""
    from briefgen.regex_start import group_name

    return {group_name(m.lastgroup) for m in pattern.finditer(text)} if pattern else set()


def test_cues_are_found_the_same_grouped_by_first_letter():
    from briefgen.relevance import cue_pattern

    cues = ("meet*", "talks", "/\\b(in|by) (May|June)\\b/", "/\\bjoint\\b(?! session)/",
            "Élysée", "/[ab]x/", "meeting")
    texts = ["They met in May for joint talks at the Élysée.", "A joint session; bx ax.",
             "Meetings by June", "nothing here", "a meeting in June"]
    for chosen in (cues[:4], cues):
        plain = re.compile(r"\b(?:" + "|".join(
            f"(?P<c{n}>{body})" for n, body in enumerate(
                c[1:-1] if c.startswith("/") else re.escape(c.rstrip("*"))
                + (r"\w*" if c.endswith("*") else r"\b") for c in chosen)) + ")", re.I)
        expected = [{m.lastgroup for m in plain.finditer(t)} for t in texts]
        assert [cues_in(cue_pattern(chosen), t) for t in texts] == expected
    assert "(?=m)" in cue_pattern(cues[:4]).pattern  # grouped, so the test tests it
    assert cues_in(cue_pattern(cues[:4]), texts[2]) == {"c0", "c2"}


def test_cues_in_the_main_clause_are_found_as_if_it_were_scanned_alone():
    from briefgen.reading import main_clause
    from briefgen.relevance import cue_pattern, find_cues

    local = ("talks after", "met*", "visit", "/\\bfirst\\b.{0,60}\\b(since \\d{4}|in \\w+ years)/")
    lookahead = (*local, "/\\bjoint\\b(?! session)/")
    texts = ["During the visit, the leaders met for joint talks after lunch, the first "
             "since 2001.", "“The leaders met and held talks,” after which a joint session "
             "was the first in five years.", "Officials said the first visit in ten years "
             "went well, as the ministers met.", "  They met after lunch.  ", ""]
    for cues in (local, lookahead):
        for text in texts:
            pattern = cue_pattern(cues)
            main, anywhere = find_cues(cues, text)
            assert main == cues_in(pattern, main_clause(text))
            assert anywhere == cues_in(pattern, text)


def test_a_brief_is_the_same_with_its_stages_on_other_cores(monkeypatch):
    from briefgen import build_brief, load_config, pipeline, quotes, select

    from .conftest import DEFAULT_CONFIG, SEEDS

    cfg = load_config(DEFAULT_CONFIG)
    alone = build_brief(cfg, [str(SEEDS)]).to_dict()
    monkeypatch.setattr(pipeline, "MIN_ITEMS", 1)  # quotes and figures beside selection
    monkeypatch.setattr(quotes, "MIN_ITEMS", 1)  # half the articles' quotes in a child
    monkeypatch.setattr(select, "MIN_GROUPS_BESIDE", 1)  # the fit beside the summary
    beside = build_brief(cfg, [str(SEEDS)]).to_dict()
    for brief in (alone, beside):
        brief.pop("generated_at")
    assert beside == alone


def test_a_build_leaves_the_cycle_collector_as_it_found_it(tmp_path):
    import gc

    from briefgen import build_brief, load_config
    from briefgen.errors import InputError

    from .conftest import DEFAULT_CONFIG, SEEDS

    cfg = load_config(DEFAULT_CONFIG)
    before = gc.get_threshold()
    assert build_brief(cfg, [str(SEEDS)]).sections  # a program that builds briefs in turn
    assert gc.get_threshold() == before
    with pytest.raises(InputError):
        build_brief(cfg, [str(tmp_path)])  # nothing to read
    assert gc.get_threshold() == before


def test_words_grouped_by_first_letter_match_where_the_plain_alternation_does():
    from briefgen.regex_start import by_first_letter

    words = ["not", "no sign", "n't", "'ll", r"remains? open", r"warn\w*", "won't", "6pm"]
    texts = ["It is NOT so.", "Nothing", "They won't.", "don't", "we'll see", "It remain open",
             "It remains open", "warnings", "sx and x", "at 6pm", "no signal", "", "'ll"]
    for alternatives in (words, [*words, "s?x"]):
        plain = re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.I)
        grouped = re.compile(r"\b" + by_first_letter(alternatives) + r"\b", re.I)
        assert "n(?:" in grouped.pattern
        # behind a lookahead for their first characters, unless one may start otherwise
        assert ("(?=[" in grouped.pattern) == ("s?x" not in alternatives)
        for text in texts:
            for pos in range(len(text) + 1):
                found, expected = grouped.search(text, pos), plain.search(text, pos)
                assert (found and found.start()) == (expected and expected.start()), (text, pos)


def test_the_earlier_rows_are_cut_a_bounded_number_of_times_however_many_chunks(monkeypatch):
    """Each cut of the earlier rows reads the whole index: once per chunk, a large day's
    thousands of chunks took time cubed in the rows. The pairs are those of every row."""
    from briefgen import neighbours

    rows = vectors.tfidf(sentences(600))
    plain = similar_pairs(rows, 0.3)
    cuts = []
    monkeypatch.setattr(neighbours, "PROBE_BUDGET", 50)  # hundreds of chunks
    monkeypatch.setattr(neighbours, "_earlier",
                        lambda index_t, end: cuts.append(end) or _EARLIER(index_t, end))
    chunks = []
    chunked = neighbours._chunks
    monkeypatch.setattr(neighbours, "_chunks", lambda cost: chunks.extend(chunked(cost))
                        or chunked(cost))
    found = similar_pairs(rows, 0.3)
    assert len(chunks) > 10 * neighbours.EARLIER_CUTS
    assert len(cuts) <= neighbours.EARLIER_CUTS + 1
    for a, b in zip(found, plain, strict=True):
        assert a.tolist() == b.tolist()
