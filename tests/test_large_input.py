"""Large articles of unusual shape build a brief, as a user runs the tool on them."""

import json
import random
from pathlib import Path

from briefgen.clean import MAX_PARAGRAPH, clean_text

from .conftest import ROOT, run_cli

PACKAGED_CONFIG = ROOT / "briefgen" / "data" / "brief.yaml"
DAY = "2023-06-20"


def tiny_vocabulary_text(chars: int) -> str:
    """Sentences of 8 to 14 words drawn from 12, in paragraphs of 20: every sentence is
    nearly every other, which once made grouping them take time squared in their number."""
    words = ("alpha", "border", "council", "deal", "envoy", "grain", "harbour", "minister",
             "port", "summit", "talks", "treaty")
    rng = random.Random(0)
    sentences, size = [], 0
    while size < chars:
        sentences.append(" ".join(rng.choices(words, k=rng.randint(8, 14))).capitalize() + ".")
        size += len(sentences[-1]) + 1
    return "\n\n".join(" ".join(sentences[at:at + 20]) for at in range(0, len(sentences), 20))


def ordinary_sentences(chars: int) -> list[str]:
    """Distinct sentences of news about meetings, disputes, deals and visits."""
    rng = random.Random(0)
    first = ("Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines",
             "Jonas", "Kemal", "Lucia", "Marek", "Nadia", "Oskar", "Paula")
    last = ("Albers", "Brandt", "Costa", "Duval", "Eriksen", "Fischer", "Gomez", "Horvat",
            "Jensen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Ortega", "Petrov", "Rossi")
    roles = ("Foreign minister", "Trade minister", "Prime minister", "Envoy", "Ambassador")
    places = ("Lisbon", "Warsaw", "Oslo", "Vienna", "Athens", "Dublin", "Prague", "Tallinn",
              "Valletta", "Zagreb", "Riga", "Madrid", "Bern", "Helsinki")
    topics = ("fishing rights", "grain exports", "port fees", "border checks", "energy prices",
              "rail links", "tariffs on steel", "visa rules", "water sharing", "air routes")
    days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    shapes = (
        "{who} met her counterpart in {place} on {day} for {n} hours of talks on {topic}.",
        "The two sides failed to agree on {topic}, and {who} said the dispute remains open.",
        "{who} signed a deal worth {n}0 million euros on {topic} in {place}.",
        "{who} is expected to visit {place} next month to discuss {topic}.",
    )
    seen: dict[str, None] = {}
    size = 0
    while size < chars:
        sentence = rng.choice(shapes).format(
            who=f"{rng.choice(roles)} {rng.choice(first)} {rng.choice(last)}",
            place=rng.choice(places), day=rng.choice(days), topic=rng.choice(topics),
            n=rng.randint(2, 99))
        if sentence not in seen:
            seen[sentence] = None
            size += len(sentence) + 1
    return list(seen)


def build(tmp_path: Path, article: str, *config: str) -> tuple[dict, str]:
    """The JSON brief of one article, built through the CLI, and what the build printed."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "article.txt").write_text(f"date {DAY}\n\n{article}\n")
    path = tmp_path / "brief.yaml"
    path.write_text(PACKAGED_CONFIG.read_text() + "".join(config))
    proc = run_cli("build", "--config", str(path), "--input", str(tmp_path / "in"),
                   "--out", str(tmp_path / "out"), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    return json.loads((tmp_path / "out" / f"brief-{DAY}.json").read_text()), proc.stderr


def items(brief: dict) -> list[str]:
    return [i["text"] for i in brief["summary"] + [i for s in brief["sections"]
                                                   for i in s["items"]]]


def test_an_article_in_a_dozen_words_builds_its_brief(tmp_path):
    """8 MB of sentences from 12 words (the file limit raised to take it in): grouping the
    sentences that say the same once looked at every pair, and the build hung."""
    article = tiny_vocabulary_text(8_000_000)
    brief, _ = build(tmp_path, article, "\nlimits:\n  max_file_bytes: 20000000\n")
    assert items(brief)
    assert all(text in article for text in items(brief))


def test_an_article_of_one_long_paragraph_is_split_into_sentences_not_dropped(tmp_path):
    """A page of 150,000 characters with no blank line once came out as "nothing left
    after removing furniture"."""
    sentences = ordinary_sentences(150_000)
    brief, stderr = build(tmp_path, " ".join(sentences))
    assert "nothing left" not in stderr
    found = items(brief)
    assert found and set(found) <= set(sentences)
    assert any(section["items"] for section in brief["sections"])


def test_a_long_paragraph_is_cleaned_in_pieces_that_keep_every_sentence_whole():
    text = " ".join(ordinary_sentences(150_000))
    pieces = clean_text(text).split("\n\n")
    assert len(pieces) > 1 and all(len(p) <= MAX_PARAGRAPH for p in pieces)
    assert all(p.endswith(".") for p in pieces)  # cut between sentences only
    assert " ".join(pieces) == text


def test_rows_under_the_probe_cap_find_every_pair_they_found_without_it():
    """The cap leaves out the pairs of the rows over it only: on a day of news none is."""
    from briefgen import vectors
    from briefgen.neighbours import _Tails, _touched, similar_pairs

    rng = random.Random(1)
    texts = [*tiny_vocabulary_text(30_000).replace("\n\n", " ").split(". "),
             *(f"{rng.choice(['Oslo', 'Riga', 'Bern'])} port talks {n} ended" for n in range(300))]
    rng.shuffle(texts)
    rows = vectors.tfidf(texts)
    cost = _touched(_Tails(rows, 0.7).tail)
    cap = int(sorted(cost)[len(cost) // 2])
    every = set(zip(*(a.tolist() for a in similar_pairs(rows, 0.7)[:2]), strict=True))
    capped = set(zip(*(a.tolist() for a in similar_pairs(rows, 0.7, probe_cap=cap)[:2]),
                     strict=True))
    assert capped == {(i, j) for i, j in every if cost[j] <= cap}
    assert capped != every
