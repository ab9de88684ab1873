"""Our scorer (evaluation/score.py) agrees with the reference scorer of ../shared/eval-dev."""

import json
import re
import subprocess
import sys

import pytest

from evaluation.evaluate import DEV_EVENTS, default_config, stories
from evaluation.score import score, source_texts

REFERENCE = DEV_EVENTS / "score_brief.py"
pytestmark = pytest.mark.skipif(not REFERENCE.exists(), reason="no ../shared/eval-dev here")


def reference_figures(brief_path, story) -> tuple[int, int, int, int, int]:
    proc = subprocess.run([sys.executable, str(REFERENCE), str(brief_path),
                           str(DEV_EVENTS / story.name / "gold.yaml"),
                           "--sources-dir", str(story.articles)],
                          capture_output=True, text=True, check=False)
    last = proc.stdout.strip().splitlines()[-1]
    m = re.search(r"recall (\d+)/(\d+) .*\(\+(\d+) misplaced\), junk (\d+), quotes \d+, "
                  r"words (\d+)", last)
    assert m, proc.stdout + proc.stderr
    return tuple(int(g) for g in m.groups())


def test_our_scorer_gives_the_reference_figures_on_every_development_event(tmp_path):
    from briefgen.pipeline import build_brief

    cfg = default_config()
    dev = [s for s in stories() if (DEV_EVENTS / s.name).is_dir()]
    assert len(dev) == 9
    for story in dev:
        brief = build_brief(cfg, [str(story.articles)]).to_dict()
        path = tmp_path / f"{story.name}.json"
        path.write_text(json.dumps(brief))
        ours = score(story.name, brief, story.gold, source_texts(story.articles))
        assert reference_figures(path, story) == (
            ours.hit, ours.total, ours.misplaced, len(ours.junk), ours.words), story.name
