"""`make eval`: does the default brief hold what an analyst needs, in the right section?

Builds the brief of each story with the default config and scores it by the
rules of ../shared/eval-dev/README.md (see evaluation/score.py): the samples
and our own stories under evaluation/stories/, and, when ../shared/eval-dev/
is there, its nine development events (read from there, never copied here).
Per story it prints the facts in the right section, misplaced and missed by
name, junk, lines not found verbatim, the quotes with speaker and role, and
the words; then a table with the totals.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from briefgen import config
from briefgen.pipeline import build_brief
from evaluation.score import Score, score, source_texts

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_CONFIG = ROOT / "config" / "brief.yaml"
DEV_EVENTS = ROOT.parent / "shared" / "eval-dev"


@dataclass(frozen=True)
class Story:
    name: str
    gold: dict
    articles: Path


def stories(include_dev: bool = True) -> Iterator[Story]:
    """Our stories first, then the development events when they are present."""
    for path in sorted((HERE / "stories").glob("*/gold.yaml")):
        gold = yaml.safe_load(path.read_text())
        yield Story(path.parent.name, gold, (path.parent / gold["articles"]).resolve())
    if include_dev and DEV_EVENTS.is_dir():
        yield from events(DEV_EVENTS)


def events(folder: Path) -> Iterator[Story]:
    """Events laid out like ../shared/eval-dev/: NAME/gold.yaml beside NAME/articles/."""
    for path in sorted(folder.glob("*/gold.yaml")):
        yield Story(path.parent.name, yaml.safe_load(path.read_text()), path.parent / "articles")


def event_problem(path: Path) -> str | None:
    """What keeps NAME/gold.yaml from being scored, in one line; None when nothing does."""
    try:
        gold = yaml.safe_load(path.read_text())
    except (OSError, yaml.YAMLError) as exc:
        return f"{path}: cannot read: {' '.join(str(exc).split())[:200]}"
    if not isinstance(gold, dict) or not isinstance(gold.get("sections"), dict) or not any(
            isinstance(f, list) and f for f in gold["sections"].values()):
        return f"{path}: no facts under `sections:`"
    if not (path.parent / "articles").is_dir():
        return f"{path.parent}: no articles/ folder beside gold.yaml"
    return None


def evaluate(story: Story, cfg: config.Config) -> Score:
    brief = build_brief(cfg, [str(story.articles)])
    return score(story.name, brief.to_dict(), story.gold, source_texts(story.articles))


def default_config(ranker: str | None = None, path: Path = DEFAULT_CONFIG) -> config.Config:
    cfg = config.load(path)
    if ranker:  # the same brief with another ranker in every section
        sections = tuple(s.model_copy(update={"ranker": ranker}) for s in cfg.sections)
        cfg = cfg.model_copy(update={"sections": sections})
    return cfg


def report(s: Score, out=sys.stdout) -> None:
    print(f"\n=== {s.name}: {s.hit}/{s.total} facts in the right section, "
          f"{s.misplaced} misplaced, {s.words} words", file=out)
    for sec in s.sections:
        print(f"  [{sec.id}] {len(sec.hit)}/{len(sec.hit) + len(sec.misplaced) + len(sec.missed)}"
              f" ({sec.items} items)", file=out)
        for name in sec.misplaced:
            print(f"    misplaced: {name}", file=out)
        for name in sec.missed:
            print(f"    missed:    {name}", file=out)
    for junk in s.junk:
        print(f"  junk: {junk}", file=out)
    for line in s.not_verbatim:
        print(f"  not verbatim: {line[:100]!r}", file=out)
    sides = ", ".join(f"{k} {'yes' if v else 'NO'}" for k, v in s.sides.items())
    print(f"  quotes: {len(s.quotes)}, near-duplicate pairs {s.near_duplicate_quotes}, "
          f"sides: {sides}", file=out)
    for q in s.quotes:
        role = f", {q['role']}" if q.get("role") else ""
        print(f"    “{q['text'][:90]}” — {q.get('speaker') or '(nobody)'}{role}", file=out)


def table(scores: list[Score], out=sys.stdout, dev_line: bool = True) -> None:
    print(f"\n{'story':<26} {'right':>7} {'mispl':>5} {'missed':>6} {'junk':>4} "
          f"{'verbat':>6} {'quotes':>6} {'sides':>5} {'words':>5}", file=out)
    for s in scores:
        print(f"{s.name:<26} {s.hit:>3}/{s.total:<3} {s.misplaced:>5} "
              f"{s.total - s.hit - s.misplaced:>6} {len(s.junk):>4} "
              f"{'ok' if not s.not_verbatim else len(s.not_verbatim):>6} {len(s.quotes):>6} "
              f"{sum(s.sides.values())}/{len(s.sides):<3} {s.words:>5}", file=out)
    dev = [s for s in scores if dev_line and (DEV_EVENTS / s.name).is_dir()]
    for label, group in (("all stories", scores), ("development events", dev)):
        if group:
            hit, total = sum(s.hit for s in group), sum(s.total for s in group)
            print(f"{label}: {hit}/{total} facts in the right section ({hit / total:.0%}), "
                  f"{sum(s.misplaced for s in group)} misplaced, "
                  f"junk in {sum(bool(s.junk) for s in group)} of {len(group)}, "
                  f"worst {min(s.hit / s.total for s in group):.0%}", file=out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ranker", help="use this ranker in every section (e.g. lexrank)")
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG,
                        help="another config (facts stated in a section the gold file does not "
                             "name count as misplaced)")
    parser.add_argument("--only", help="score only the stories whose name contains this")
    parser.add_argument("--table", action="store_true", help="print only the table")
    parser.add_argument("--events", type=Path, action="append", metavar="DIR",
                        help="score the events in DIR (laid out like ../shared/eval-dev/) "
                             "instead of the usual stories; may be given more than once")
    args = parser.parse_args()
    cfg = default_config(args.ranker, args.config)
    if args.events:
        golds = [p for folder in args.events for p in sorted(folder.glob("*/gold.yaml"))]
        if not golds:
            parser.error(f"no NAME/gold.yaml under {', '.join(map(str, args.events))}")
        problems = [m for m in map(event_problem, golds) if m]
        if problems:
            parser.error(problems[0] + (f" ({len(problems) - 1} more)" if len(problems) > 1
                                        else ""))
    chosen = ([s for folder in args.events for s in events(folder)] if args.events
              else list(stories()))
    chosen = [s for s in chosen if not args.only or args.only in s.name]
    if not chosen:
        parser.error(f"no story named like {args.only!r}")
    scores = []
    for story in chosen:
        scores.append(evaluate(story, cfg))
        if not args.table:
            report(scores[-1])
    table(scores, dev_line=not args.events)


if __name__ == "__main__":
    main()
