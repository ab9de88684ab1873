"""`make eval`: how much of what an analyst needs does the default brief hold?

For each story under eval/stories/ (the seeds, and stories the defaults were
not tuned on), build the brief with the default config and print, per
section, which expected facts it covers, its word count and its quotes.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from briefgen import config
from briefgen.model import Brief
from briefgen.pipeline import build_brief

HERE = Path(__file__).resolve().parent
DEFAULT_CONFIG = HERE.parent / "config" / "brief.yaml"


@dataclass(frozen=True)
class Score:
    story: str
    covered: int
    total: int
    words: int
    quotes: int


def brief_lines(brief: Brief) -> list[str]:
    lines = [i.text for i in brief.summary]
    for s in brief.sections:
        lines += [i.text for i in s.items] + [q.text for q in s.quotes]
    return lines


def evaluate(story_dir: Path, out=sys.stdout, ranker: str | None = None) -> Score:
    spec = yaml.safe_load((story_dir / "facts.yaml").read_text())
    cfg = config.load(DEFAULT_CONFIG)
    if ranker:  # the same brief with another ranker in every section
        sections = tuple(s.model_copy(update={"ranker": ranker}) for s in cfg.sections)
        cfg = cfg.model_copy(update={"sections": sections})
    brief = build_brief(cfg, [str(story_dir / spec["articles"])])
    text = "\n".join(brief_lines(brief))
    covered = total = 0
    print(f"\n=== {story_dir.name}: {len(brief.sources)} articles", file=out)
    for section_id, facts in spec["facts"].items():
        section = next(s for s in brief.sections if s.id == section_id)
        words = sum(len(i.text.split()) for i in section.items)
        print(f"\n[{section_id}] {len(section.items)} items, {words} words", file=out)
        for fact, patterns in facts.items():
            hit = any(re.search(p, text, re.I) for p in patterns)
            covered += hit
            total += 1
            print(f"  {'✓' if hit else '✗'} {fact}", file=out)
        for q in section.quotes:
            print(f"  “{q.text}” — {q.speaker} ({len(q.sources)} source(s))", file=out)
    quotes = sum(len(s.quotes) for s in brief.sections)
    score = Score(story_dir.name, covered, total, brief.word_count, quotes)
    print(f"\n{score.story}: {covered}/{total} facts, {score.words} words of items "
          f"(summary included), {quotes} quotes", file=out)
    return score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ranker", help="use this ranker in every section (e.g. lexrank)")
    args = parser.parse_args()
    stories = sorted(p for p in (HERE / "stories").iterdir() if (p / "facts.yaml").exists())
    scores = [evaluate(s, ranker=args.ranker) for s in stories]
    print("\nstory      facts    words  quotes")
    for s in scores:
        print(f"{s.story:<10} {s.covered:>2}/{s.total:<4} {s.words:>6}  {s.quotes:>6}")


if __name__ == "__main__":
    main()
