"""`make eval` on events of one's own: `--events DIR` scores folders laid out like eval-dev."""

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
HARBOR = ROOT / "evaluation" / "stories" / "harbor"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "evaluation.evaluate", *args], cwd=ROOT,
                          capture_output=True, text=True, check=False)


def test_events_in_a_folder_are_scored_like_the_development_events(tmp_path):
    event = tmp_path / "harbor_again"
    shutil.copytree(HARBOR / "articles", event / "articles")
    gold = yaml.safe_load((HARBOR / "gold.yaml").read_text())
    (event / "gold.yaml").write_text(yaml.safe_dump(gold))
    facts = sum(len(f) for f in gold["sections"].values())
    proc = run("--events", str(tmp_path), "--table")
    assert proc.returncode == 0, proc.stderr
    row = next(line for line in proc.stdout.splitlines() if line.startswith("harbor_again"))
    assert f"/{facts}" in row
    assert "all stories:" in proc.stdout and "seeds" not in proc.stdout  # only the events given


def test_a_folder_without_events_is_one_clear_error(tmp_path):
    proc = run("--events", str(tmp_path))
    assert proc.returncode == 2
    assert f"no NAME/gold.yaml under {tmp_path}" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_bad_gold_file_is_one_clear_error_before_anything_is_built(tmp_path):
    good = tmp_path / "good"
    shutil.copytree(HARBOR / "articles", good / "articles")
    shutil.copy(HARBOR / "gold.yaml", good / "gold.yaml")
    for name, text in [("broken", "sections: [unclosed\n"), ("empty", "sections: {}\n")]:
        (tmp_path / name / "articles").mkdir(parents=True)
        (tmp_path / name / "gold.yaml").write_text(text)
    proc = run("--events", str(tmp_path), "--table")
    assert proc.returncode == 2
    assert "broken/gold.yaml: cannot read" in proc.stderr and "(1 more)" in proc.stderr
    assert "Traceback" not in proc.stderr and "harbor" not in proc.stdout
