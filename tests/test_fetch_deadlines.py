"""Pages that never end cannot hold up the brief: a deadline per page, one per run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import SEEDS, run_cli
from .faulthttp import StuckSite
from .test_feeds import config_for


@pytest.fixture
def stuck():
    site = StuckSite()
    yield site
    site.stop()


def build(config: Path, out: Path):
    return run_cli("build", "--config", str(config), "--out", str(out), "--format", "json")


def test_trickling_pages_and_endless_redirects_are_skipped_by_their_deadline(
        tmp_path: Path, stuck: StuckSite):
    config = config_for(tmp_path, f"sources:\n  - path: {SEEDS}\n"
                                  f"  - url: {stuck.url}{stuck.TRICKLE}\n"
                                  f"  - url: {stuck.url}{stuck.SLOW_HEADERS}\n"
                                  f"  - url: {stuck.url}{stuck.LOOP}0\n")
    config.write_text(config.read_text().replace("fetch: {timeout: 1}",
                                                 "fetch: {timeout: 1, page_deadline: 2}"))
    proc = build(config, tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    warnings = [ln for ln in proc.stderr.splitlines() if "warning" in ln]
    for path in (stuck.TRICKLE, stuck.SLOW_HEADERS):
        assert any(f"{stuck.url}{path}: skipped: no complete answer within 2 s" in ln
                   for ln in warnings), path
    assert any(f"{stuck.url}{stuck.LOOP}0: skipped: too many redirects" in ln for ln in warnings)
    assert stuck.requests.count(stuck.TRICKLE) == 1
    brief = json.loads(next((tmp_path / "out").glob("*.json")).read_text())
    assert len(brief["sources"]) == 5  # the seeds, nothing of the stuck pages


def test_the_run_deadline_skips_what_is_left_to_fetch(tmp_path: Path, stuck: StuckSite):
    urls = "".join(f"  - url: {stuck.url}{stuck.TRICKLE}?{n}\n" for n in range(4))
    config = config_for(tmp_path, f"sources:\n  - path: {SEEDS}\n" + urls)
    config.write_text(config.read_text().replace(
        "fetch: {timeout: 1}", "fetch: {timeout: 1, page_deadline: 2, run_deadline: 3}"))
    proc = build(config, tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    used_up = [ln for ln in proc.stderr.splitlines() if "fetch.run_deadline" in ln]
    assert len(used_up) == 2  # 2 s for the first page, 1 s for the second, none after
    assert len(stuck.requests) == 2
