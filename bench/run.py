"""`make bench`: time and peak memory per stage at 100 / 1,000 / 10,000 articles, and our
ranker against sumy's LexRank, TextRank and LSA on the same sentences, in one run.

Each corpus size runs in its own process, so its peak memory (max RSS) is its own.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (100, 1_000, 10_000)
RANKER_SIZES = (1_000, 4_000)
SUMY_RANKERS = ("lexrank", "textrank", "lsa")


def measure_build(n_articles: int) -> dict:
    """One whole brief (JSON, HTML, PDF) of a generated corpus; seconds per stage."""
    from bench.corpus import write_corpus
    from briefgen import config
    from briefgen.pipeline import build_brief
    from briefgen.render import write_brief

    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(Path(tmp) / "articles", n_articles)
        cfg = config.load(ROOT / "config" / "brief.yaml")
        marks: list[tuple[str, float]] = []
        messages: list[str] = []

        def progress(msg: str) -> None:  # the pipeline announces each stage as it starts
            messages.append(msg)
            marks.append((msg.split()[0], time.perf_counter()))

        start = time.perf_counter()
        brief = build_brief(cfg, [str(Path(tmp) / "articles")], None, progress)
        marks.append(("rendering", time.perf_counter()))
        write_brief(brief, Path(tmp) / "out", ("json", "html", "pdf"))
        end = time.perf_counter()
    stages = {name: later - at for (name, at), (_, later) in
              zip(marks, [*marks[1:], ("end", end)], strict=True)}
    n_sentences = next(int(m.split()[2]) for m in messages if m.startswith("selecting from"))
    return {"articles": n_articles, "total": end - start, "stages": stages,
            "words": brief.word_count, "sentences": n_sentences,
            "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def measure_rankers(n_sentences: int) -> dict:
    """Seconds for each ranker on the same sentences, and how many of sumy LexRank's ten
    best distinct sentences ours also ranks in its ten best."""
    from bench.corpus import seed_sentences
    from briefgen.rankers import centrality, sumy_scores

    rng = random.Random(n_sentences)
    pool = seed_sentences()
    texts = [rng.choice(pool) for _ in range(n_sentences)]
    centrality(texts[:50])  # warm up: imports are not the ranker's time
    sumy_scores("lexrank", texts[:50])
    times, top = {}, {}
    for name in ("centrality", *SUMY_RANKERS):
        t = time.perf_counter()
        scores = centrality(texts) if name == "centrality" else sumy_scores(name, texts)
        times[name] = time.perf_counter() - t
        best: dict[str, float] = {}  # the corpus repeats sentences: rank distinct texts
        for text, score in zip(texts, scores, strict=True):
            best[text] = max(score, best.get(text, score))
        top[name] = set(sorted(best, key=best.__getitem__, reverse=True)[:10])
    agreement = len(top["centrality"] & top["lexrank"]) / 10
    return {"sentences": n_sentences, "seconds": times, "top10_agreement": agreement}


def in_subprocess(kind: str, n: int) -> dict:
    out = subprocess.run([sys.executable, "-m", "bench.run", "--one", kind, str(n)], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--one", nargs=2, metavar=("KIND", "N"), help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    args = parser.parse_args()
    if args.one:
        warnings.simplefilter("ignore")  # sumy's LSA warns about short vocabularies
        kind, n = args.one[0], int(args.one[1])
        print(json.dumps(measure_build(n) if kind == "build" else measure_rankers(n)))
        return

    rankers = {n: in_subprocess("rankers", n) for n in RANKER_SIZES}
    builds = [in_subprocess("build", int(n)) for n in args.sizes.split(",")]

    stage_names = list(builds[0]["stages"])
    print("\nWhole brief (JSON + HTML + PDF) of N generated articles, seconds per stage")
    print(f"{'articles':>9} {'sentences':>9} " + " ".join(f"{s[:9]:>9}" for s in stage_names)
          + f" {'total':>8} {'peak MiB':>9}")
    for b in builds:
        cells = " ".join(f"{b['stages'][s]:>9.2f}" for s in stage_names)
        print(f"{b['articles']:>9,} {b['sentences']:>9,} {cells}"
              f" {b['total']:>8.2f} {b['peak_mib']:>9.0f}")

    print("\nRankers on the same sentences, seconds (ratio: sumy's time / ours)")
    print(f"{'sentences':>9} " + " ".join(f"{r:>16}" for r in ("centrality", *SUMY_RANKERS))
          + f" {'top-10 agree':>13}")
    for n, r in rankers.items():
        ours = r["seconds"]["centrality"]
        cells = [f"{ours:>16.3f}"] + [f"{r['seconds'][s]:>7.2f} ({r['seconds'][s] / ours:>5.0f}x)"
                                      for s in SUMY_RANKERS]
        print(f"{n:>9,} " + " ".join(cells) + f" {r['top10_agreement']:>12.0%}")

    by_size = {b["articles"]: b for b in builds}
    lexrank_1000 = rankers[1_000]["seconds"]["lexrank"]
    if 1_000 in by_size:
        whole = by_size[1_000]["total"]
        print(f"\n1,000-article brief: {whole:.2f} s; sumy LexRank on 1,000 sentences: "
              f"{lexrank_1000:.2f} s ({'faster' if whole < lexrank_1000 else 'SLOWER'})")
    if 100 in by_size and 1_000 in by_size:
        print(f"100 -> 1,000 articles: {by_size[1_000]['total'] / by_size[100]['total']:.1f}x "
              f"the time")


if __name__ == "__main__":
    main()
