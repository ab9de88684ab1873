"""Deterministic large corpora from the real sentences of seeds/, written as dated text files.

- `recombined`: seed sentences reused unchanged, so wire-copy repeats abound.
- `distinct`: every sentence a seed sentence with its content words, names and
  numbers perturbed, and no two sentences alike, as a day of many stories reads.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Callable
from pathlib import Path

from briefgen.clean import clean_article
from briefgen.ingest import expand_inputs, read_articles
from briefgen.segment import segment

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
KINDS = ("recombined", "distinct")
_WORD = re.compile(r"[A-Za-z][a-z]+|\d+")
# Function words and speech verbs stay, so sentences still read as sentences and
# quotes still find their speakers.
_KEEP = frozenset(re.findall(r"\S+", """
a an the and or but of to in on at for with by from as is are was were be been has have had
will would could should may might not no this that these those it its he she they them his
her their we our you your i me my said says told added stated after before while during
about over under between into than then there which who whom whose what when where why how
also more most very such only both each other any all some
"""))
_SYLLABLES = ("ka", "lo", "mi", "ra", "ven", "tor", "sa", "del", "qu", "an", "bel", "ri", "os",
              "ne", "tha", "gor", "ul", "vi", "pe", "mar", "zen", "do", "li", "fra", "ce", "hu")


def seed_sentences() -> list[str]:
    files, _ = expand_inputs([SEEDS])
    articles = [clean_article(a) for a in read_articles(files).articles]
    return [s.text for a in articles for s in segment(a)]


def _made_up_words(rng: random.Random, count: int) -> list[str]:
    """Distinct pronounceable words, so the vocabulary grows as a real day's does."""
    words: dict[str, None] = {}
    while len(words) < count:
        words["".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))] = None
    return list(words)


def _zipf_picker(rng: random.Random, pool: list[str]) -> Callable[[], str]:
    """A word from pool, the first ones far more often, as words in text are."""
    weights = list(itertools.accumulate(1.0 / (r + 1) for r in range(len(pool))))
    return lambda: rng.choices(pool, cum_weights=weights)[0]


class Perturber:
    """Seed sentences with every content word, name and number changed at random (words
    of fewer than four letters, mostly function words, stay)."""

    def __init__(self, pool: list[str], rng: random.Random) -> None:
        self.pool, self.rng = pool, rng
        real = sorted({w.lower() for s in pool for w in _WORD.findall(s)
                       if w.isalpha() and w.lower() not in _KEEP and len(w) > 3})
        made_up = _made_up_words(rng, 60_000)
        self.word = _zipf_picker(rng, real + made_up)
        self.name = _zipf_picker(rng, [w.capitalize() for w in _made_up_words(rng, 8_000)])
        self.seen: set[str] = set()

    def _replace(self, m: re.Match) -> str:
        w, rng = m.group(), self.rng
        if w.isdigit():
            return str(rng.randint(10 ** (len(w) - 1) if len(w) > 1 else 0, 10 ** len(w) - 1))
        if w.lower() in _KEEP or len(w) < 4:
            return w
        if w[0].isupper():
            return self.name()
        return self.word()

    def sentence(self) -> str:
        """A perturbed seed sentence that differs from every one given before."""
        while True:
            text = _WORD.sub(self._replace, self.rng.choice(self.pool))
            if text not in self.seen:
                self.seen.add(text)
                return text


def write_corpus(directory: Path, n_articles: int, kind: str = "recombined",
                 seed: int = 7) -> list[Path]:
    """N articles of 20-36 sentences in 4-8 paragraphs, written as dated text files."""
    rng = random.Random(seed)
    pool = seed_sentences()
    perturber = Perturber(pool, rng) if kind == "distinct" else None
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(n_articles):
        count = rng.randint(20, 36)
        sentences = ([perturber.sentence() for _ in range(count)] if perturber
                     else rng.sample(pool, count))
        cut = sorted(rng.sample(range(1, len(sentences)), rng.randint(3, 7)))
        bounds = zip([0, *cut], [*cut, None], strict=True)
        paragraphs = [" ".join(sentences[a:b]) for a, b in bounds]
        day = 1 + n % 28
        path = directory / f"{n:05d}.txt"
        path.write_text(f"date 2023-06-{day:02d}\n\n" + "\n\n".join(paragraphs) + "\n")
        paths.append(path)
    return paths
