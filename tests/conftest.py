"""Shared builders and helpers: real files on disk, the real CLI in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from briefgen.model import Article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEFAULT_CONFIG = ROOT / "config" / "brief.yaml"


def make_article(body: str, id: str = "a1", title: str = "T", outlet: str = "",
                 day: date | None = date(2024, 1, 2), path: str = "x.txt") -> Article:
    return Article(id=id, title=title, outlet=outlet, date=day, path=path, body=body)


def assert_furniture_dropped(lead: str, next_: str, furniture: list[str], news: list[str]
                             ) -> None:
    """The furniture lines go from between two news paragraphs, together and each alone
    between blank lines; the news lines of their shape stay, word for word."""
    from briefgen.clean import clean_text

    raw = "\n".join([lead, *furniture, *news, next_])
    assert clean_text(raw) == "\n\n".join([lead, *news, next_])
    for line in furniture:
        assert clean_text(f"{lead}\n\n{line}\n\n{next_}") == f"{lead}\n\n{next_}", line


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run `briefgen` as a user would; never lets a traceback pass unnoticed. The briefgen
    run is this checkout's in any `cwd` (a relative PYTHONPATH=. would be the cwd's)."""
    path = os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])
    proc = subprocess.run([sys.executable, "-m", "briefgen.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": path})
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def lines_of_one_article(tmp_path: Path, text: str) -> list[dict]:
    """The summary's and sections' lines (text, sources, ...) of the default brief of one
    article of `text`, built as a user would."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "001.txt").write_text(text)
    out = tmp_path / "out"
    proc = run_cli("build", "--config", str(DEFAULT_CONFIG), "--input", str(folder),
                   "--out", str(out), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    brief = json.loads(next(out.glob("*.json")).read_text())
    return [*brief["summary"], *(i for s in brief["sections"] for i in s["items"])]


@pytest.fixture(scope="session")
def seeds_brief(tmp_path_factory) -> Path:
    """One real build of the seeds in all four formats, shared by the end-to-end tests."""
    out = tmp_path_factory.mktemp("out")
    proc = run_cli("build", "--config", str(DEFAULT_CONFIG), "--input", str(SEEDS),
                   "--out", str(out), "--format", "html,pdf,json,md")
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(scope="session")
def brief_eml(tmp_path_factory) -> bytes:
    """One real brief message (`send --dry-run`), for delivery tests that queue it instead of
    building a brief on every run."""
    from .test_delivery import DAY, write_config

    tmp = tmp_path_factory.mktemp("eml")
    config = write_config(tmp, 25)
    proc = run_cli("send", "--config", str(config), "--date", DAY, "--dry-run",
                   "--out", str(tmp), "-q")
    assert proc.returncode == 0, proc.stderr
    return (tmp / f"brief-{DAY}.eml").read_bytes()
