"""A deterministic large corpus: real sentences from seeds/ recombined into N articles."""

from __future__ import annotations

import random
from pathlib import Path

from briefgen.clean import clean_article
from briefgen.ingest import expand_inputs, read_articles
from briefgen.segment import segment

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_sentences() -> list[str]:
    files, _ = expand_inputs([SEEDS])
    articles = [clean_article(a) for a in read_articles(files).articles]
    return [s.text for a in articles for s in segment(a)]


def write_corpus(directory: Path, n_articles: int, seed: int = 7) -> list[Path]:
    """N articles of 20-36 sentences in 4-8 paragraphs, written as dated text files."""
    rng = random.Random(seed)
    pool = seed_sentences()
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(n_articles):
        sentences = rng.sample(pool, rng.randint(20, 36))
        cut = sorted(rng.sample(range(1, len(sentences)), rng.randint(3, 7)))
        bounds = zip([0, *cut], [*cut, None], strict=True)
        paragraphs = [" ".join(sentences[a:b]) for a, b in bounds]
        day = 1 + n % 28
        path = directory / f"{n:05d}.txt"
        path.write_text(f"date 2023-06-{day:02d}\n\n" + "\n\n".join(paragraphs) + "\n")
        paths.append(path)
    return paths
