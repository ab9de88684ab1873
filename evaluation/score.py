"""Score a brief against a gold file, by the rules of ../shared/eval-dev/README.md.

- A fact counts when ONE item states it (every regex of its `all` list matches
  that one item, ignoring case) in its own section, in a section its `also`
  list names, or in the summary. Stated only elsewhere, it is "misplaced".
- Junk: a `junk` regex found anywhere in the brief's JSON (titles included).
- Verbatim: every item and quote stands in the sources, quote marks and
  spacing aside.
- Quotes: attributed, no two near-duplicates (word Jaccard over 0.6), and
  speakers from every side the gold file lists.
- Words: the summary and the items.
"""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

NEAR_DUPLICATE = 0.6


@dataclass(frozen=True)
class SectionScore:
    id: str
    hit: tuple[str, ...]
    misplaced: tuple[str, ...]
    missed: tuple[str, ...]  # stated nowhere in the brief
    items: int


@dataclass(frozen=True)
class Score:
    name: str
    sections: tuple[SectionScore, ...]
    junk: tuple[str, ...]
    not_verbatim: tuple[str, ...]
    quotes: tuple[dict, ...]
    near_duplicate_quotes: int
    sides: dict[str, bool] = field(default_factory=dict)
    words: int = 0
    unsourced_items: int = 0

    @property
    def hit(self) -> int:
        return sum(len(s.hit) for s in self.sections)

    @property
    def misplaced(self) -> int:
        return sum(len(s.misplaced) for s in self.sections)

    @property
    def total(self) -> int:
        return sum(len(s.hit) + len(s.misplaced) + len(s.missed) for s in self.sections)

    @property
    def unattributed(self) -> int:
        return sum(1 for q in self.quotes if not (q.get("speaker") or "").strip())


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _jaccard(a: str, b: str) -> float:
    x, y = set(_words(a)), set(_words(b))
    return len(x & y) / max(1, len(x | y))


def _states(fact: dict, texts: list[str]) -> bool:
    return any(all(re.search(p, t, re.I) for p in fact["all"]) for t in texts)


def normalized(text: str) -> str:
    """Text with quote marks dropped and spacing folded, as the verbatim check compares it."""
    return re.sub(r"\s+", " ", re.sub(r"[\u2018\u2019\u201c\u201d\"'`]", "", text)).strip().lower()


def score(name: str, brief: dict, gold: dict, sources: list[str] | None = None) -> Score:
    """The brief's score; `sources` are the raw article texts for the verbatim check."""
    sections = {s.get("id"): s for s in brief.get("sections", [])}

    def items(sid: str) -> list[str]:
        return [i.get("text", "") for i in (sections.get(sid) or {}).get("items", [])]

    summary = [i.get("text", "") for i in brief.get("summary", [])]
    everywhere = [t for sid in sections for t in items(sid)]
    scored = []
    for sid, facts in gold["sections"].items():
        hit, misplaced, missed = [], [], []
        for fact in facts:
            accepted = items(sid) + summary + [t for a in fact.get("also", []) for t in items(a)]
            if _states(fact, accepted):
                hit.append(fact["name"])
            elif _states(fact, everywhere):
                misplaced.append(fact["name"])
            else:
                missed.append(fact["name"])
        scored.append(SectionScore(sid, tuple(hit), tuple(misplaced), tuple(missed),
                                   len(items(sid))))
    text = json.dumps(brief, ensure_ascii=False)
    junk = tuple(j for j in gold.get("junk", []) if re.search(j, text, re.I))
    quotes = tuple(q for s in brief.get("sections", []) for q in s.get("quotes", []))
    speakers = [q.get("speaker") or "" for q in quotes]
    sides = {side: any(re.search(p, sp) for p in patterns for sp in speakers)
             for side, patterns in gold.get("sides", {}).items()}
    dupes = sum(1 for a, b in itertools.combinations([q.get("text", "") for q in quotes], 2)
                if _jaccard(a, b) > NEAR_DUPLICATE)
    lines = [*everywhere, *(q.get("text", "") for q in quotes)]
    not_verbatim: tuple[str, ...] = ()
    if sources is not None:
        corpus = normalized(" ".join(sources))
        not_verbatim = tuple(t for t in lines
                             if normalized(t) and normalized(t).rstrip(".") not in corpus)
    words = sum(len(_words(t)) for t in [*summary, *everywhere])
    unsourced = sum(1 for s in brief.get("sections", []) for i in s.get("items", [])
                    if not i.get("sources"))
    return Score(name, tuple(scored), junk, not_verbatim, quotes, dupes, sides, words, unsourced)


def source_texts(directory: Path) -> list[str]:
    """The article files as they are on disk, for the verbatim check."""
    return [p.read_text(errors="replace") for p in sorted(directory.iterdir()) if p.is_file()]
