"""`make bench`: time and peak memory per stage of the whole brief at 1,000 and 10,000
articles (100,000 with `--huge`) of two corpora, recombined and all-distinct sentences;
our ranker against sumy's LexRank, TextRank and LSA on the same 1,000 sentences; and the
build of seeds/ against a bare WeasyPrint render of its HTML. All in one run.

Each build runs in its own process, so its peak memory (max RSS) is its own.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (1_000, 10_000)
HUGE = 100_000
RANKER_SIZES = (1_000,)
SEED_RUNS = 5
SUMY_RANKERS = ("lexrank", "textrank", "lsa")


def measure_build(kind: str, n_articles: int, articles: Path) -> dict:
    """One whole brief (JSON, HTML, PDF) of a generated corpus; seconds per stage. The
    corpus is written by the parent process, so its making counts in neither."""
    from briefgen import config
    from briefgen.pipeline import build_brief
    from briefgen.render import pdf_renderer, write_brief

    cfg = config.load(ROOT / "config" / "brief.yaml")
    if n_articles > cfg.limits.max_articles:  # the default stops at 20,000: read them all
        limits = cfg.limits.model_copy(update={"max_articles": n_articles})
        cfg = cfg.model_copy(update={"limits": limits})
    marks: list[tuple[str, float]] = []
    messages: list[str] = []

    def progress(msg: str) -> None:  # the pipeline announces each stage as it starts
        messages.append(msg)
        marks.append((msg.split()[0], time.perf_counter()))

    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        with pdf_renderer() as pdf:  # as `briefgen build` does
            brief = build_brief(cfg, [str(articles)], None, progress)
            marks.append(("rendering", time.perf_counter()))
            write_brief(brief, Path(out), ("json", "html", "pdf"), pdf=pdf)
        end = time.perf_counter()
    stages = {name: later - at for (name, at), (_, later) in
              zip(marks, [*marks[1:], ("end", end)], strict=True)}
    n_sentences = next(int(m.split()[2]) for m in messages if m.startswith("selecting from"))
    return {"kind": kind, "articles": n_articles, "total": end - start, "stages": stages,
            "words": brief.word_count, "sentences": n_sentences,
            "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            # the largest of the worker and child processes (they share the parent's pages
            # until they write them, so this overstates what they add)
            "child_peak_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


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


def in_subprocess(*what: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "bench.run", "--one", *what], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _process_seconds(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def measure_seeds() -> dict:
    """Median whole-process seconds: `briefgen build` of seeds/ (all four formats), and a bare
    WeasyPrint render of the HTML that build wrote (Python start-up and import included), and
    `briefgen --help`."""
    with tempfile.TemporaryDirectory() as tmp:
        build = [sys.executable, "-m", "briefgen.cli", "build", "--config",
                 "config/brief.yaml", "--out", tmp, "--quiet"]
        _process_seconds(build)  # warm-up: file caches, and the HTML to render
        html = next(Path(tmp).glob("brief-*.html"))
        bare = [sys.executable, "-c", "import sys, weasyprint; "
                "weasyprint.HTML(filename=sys.argv[1]).write_pdf(sys.argv[2])",
                str(html), str(Path(tmp) / "bare.pdf")]
        builds, renders = [], []
        for _ in range(SEED_RUNS):  # in turn, so drift on a shared machine hits both
            builds.append(_process_seconds(build))
            renders.append(_process_seconds(bare))
    help_runs = [_process_seconds([sys.executable, "-m", "briefgen", "--help"])
                 for _ in range(SEED_RUNS)]
    return {"build": statistics.median(builds), "render": statistics.median(renders),
            "help": statistics.median(help_runs)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--one", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--kinds", default="recombined,distinct")
    parser.add_argument("--huge", action="store_true",
                        help="also 100,000 articles of each corpus in --kinds")
    args = parser.parse_args()
    if args.one:
        warnings.simplefilter("ignore")  # sumy's LSA warns about short vocabularies
        what = args.one
        result = (measure_build(what[1], int(what[2]), Path(what[3])) if what[0] == "build"
                  else measure_rankers(int(what[1])) if what[0] == "rankers"
                  else measure_seeds())
        print(json.dumps(result))
        return

    from bench.corpus import write_corpus

    rankers = {n: in_subprocess("rankers", str(n)) for n in RANKER_SIZES}
    kinds = args.kinds.split(",")
    plan = [(k, int(n)) for k in kinds for n in args.sizes.split(",")]
    plan += [(k, HUGE) for k in kinds if args.huge]
    builds = []
    for kind, n in plan:
        with tempfile.TemporaryDirectory() as tmp:
            write_corpus(Path(tmp), n, kind)
            builds.append(in_subprocess("build", kind, str(n), tmp))
        print(json.dumps(builds[-1]), file=sys.stderr, flush=True)  # a long run keeps its parts
    seeds = in_subprocess("seeds")
    report(rankers, builds, seeds)


def report(rankers: dict[int, dict], builds: list[dict], seeds: dict) -> None:
    stage_names = list(builds[0]["stages"])
    print("\nWhole brief (JSON + HTML + PDF) of N generated articles, seconds per stage")
    print(f"{'corpus':>10} {'articles':>9} {'sentences':>9} "
          + " ".join(f"{s[:9]:>9}" for s in stage_names) + f" {'total':>8} {'peak MiB':>9}")
    for b in builds:
        cells = " ".join(f"{b['stages'].get(s, 0):>9.2f}" for s in stage_names)
        print(f"{b['kind']:>10} {b['articles']:>9,} {b['sentences']:>9,} {cells}"
              f" {b['total']:>8.2f} {b['peak_mib']:>9.0f}")

    print("\nRankers on the same sentences, seconds (ratio: sumy's time / ours)")
    print(f"{'sentences':>9} " + " ".join(f"{r:>16}" for r in ("centrality", *SUMY_RANKERS))
          + f" {'top-10 agree':>13}")
    for n, r in rankers.items():
        ours = r["seconds"]["centrality"]
        cells = [f"{ours:>16.3f}"] + [f"{r['seconds'][s]:>7.2f} ({r['seconds'][s] / ours:>5.0f}x)"
                                      for s in SUMY_RANKERS]
        print(f"{n:>9,} " + " ".join(cells) + f" {r['top10_agreement']:>12.0%}")

    lexrank = rankers[1_000]["seconds"]["lexrank"]
    print(f"\nsumy LexRank on 1,000 sentences: {lexrank:.2f} s")
    for kind in dict.fromkeys(b["kind"] for b in builds):
        by_size = {b["articles"]: b for b in builds if b["kind"] == kind}
        if 1_000 in by_size:
            print(f"{kind}: 1,000-article brief {by_size[1_000]['total']:.2f} s = "
                  f"{by_size[1_000]['total'] / lexrank:.2f}x LexRank")
            for n in sorted(by_size):
                if n > 1_000:
                    print(f"{kind}: {n:,} articles {by_size[n]['total']:.2f} s = "
                          f"{by_size[n]['total'] / by_size[1_000]['total']:.1f}x the 1,000-article"
                          f" time, peak {by_size[n]['peak_mib']:.0f} MiB (largest child "
                          f"{by_size[n].get('child_peak_mib', 0):.0f} MiB)")
    print(f"seeds: whole build {seeds['build']:.2f} s, bare WeasyPrint render of its HTML "
          f"{seeds['render']:.2f} s: {seeds['build'] / seeds['render']:.2f}x (medians of "
          f"{SEED_RUNS}, whole processes)")
    print(f"briefgen --help: {seeds['help']:.2f} s (median of {SEED_RUNS}, whole process)")


if __name__ == "__main__":
    main()
