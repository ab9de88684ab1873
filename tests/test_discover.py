"""Which config a command uses when none is named, as a user outside the repo sees it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import DEFAULT_CONFIG, SEEDS


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """An empty working directory away from the repo, with an empty user config dir."""
    (tmp_path / "work").mkdir()
    (tmp_path / "home-config").mkdir()
    return tmp_path


def briefgen(where: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k != "BRIEFGEN_CONFIG"}
    environ.update(XDG_CONFIG_HOME=str(where / "home-config"), **env)
    proc = subprocess.run([sys.executable, "-m", "briefgen", *args], cwd=where / "work",
                          env=environ, capture_output=True, text=True, timeout=300)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def test_build_in_any_directory_uses_the_packaged_default(elsewhere: Path):
    proc = briefgen(elsewhere, "build", "--input", str(SEEDS), "--out", "out", "-q")
    assert proc.returncode == 0, proc.stderr
    written = sorted(p.suffix for p in (elsewhere / "work" / "out").iterdir())
    assert written == [".html", ".json", ".md", ".pdf"]


def test_without_a_config_or_input_the_error_says_where_it_looked(elsewhere: Path):
    proc = briefgen(elsewhere, "build")
    assert proc.returncode != 0
    line = proc.stderr.strip()
    assert "\n" not in line and "--input" in line and "briefgen init" in line
    assert "config/brief.yaml" in line and str(elsewhere / "home-config") in line


def test_a_config_in_the_directory_wins_over_the_user_and_packaged_ones(elsewhere: Path):
    user = elsewhere / "home-config" / "briefgen" / "brief.yaml"
    user.parent.mkdir()
    user.write_text(DEFAULT_CONFIG.read_text().replace("title: Daily brief", "title: User"))
    assert "title: User" in briefgen(elsewhere, "check").stdout
    here = elsewhere / "work" / "brief.yaml"
    here.write_text(DEFAULT_CONFIG.read_text().replace("title: Daily brief", "title: Here"))
    assert "title: Here" in briefgen(elsewhere, "check").stdout
    named = elsewhere / "named.yaml"
    named.write_text(DEFAULT_CONFIG.read_text().replace("title: Daily brief", "title: Named"))
    assert "title: Named" in briefgen(elsewhere, "check", BRIEFGEN_CONFIG=str(named)).stdout


def test_a_named_config_that_is_missing_is_an_error_not_a_fallback(elsewhere: Path):
    proc = briefgen(elsewhere, "check", BRIEFGEN_CONFIG=str(elsewhere / "gone.yaml"))
    assert proc.returncode == 2
    assert "gone.yaml: config file not found (named by $BRIEFGEN_CONFIG)" in proc.stderr
