"""The Python API and `python -m briefgen`, as the README documents them."""

import json
import subprocess
import sys
from pathlib import Path

import briefgen
from briefgen import build_brief, load_config, write_brief

from .conftest import DEFAULT_CONFIG, ROOT, SEEDS


def test_the_python_api_builds_and_writes_a_brief(tmp_path: Path):
    brief = build_brief(load_config(DEFAULT_CONFIG), [str(SEEDS)])
    paths = write_brief(brief, tmp_path, ("json", "md"))
    assert sorted(p.name for p in paths) == ["brief-2023-06-20.json", "brief-2023-06-20.md"]
    data = json.loads((tmp_path / "brief-2023-06-20.json").read_text())
    assert data["summary"] and [s["id"] for s in data["sections"]] == [
        s.id for s in load_config(DEFAULT_CONFIG).sections]


def test_python_m_briefgen_is_the_command():
    proc = subprocess.run([sys.executable, "-m", "briefgen", "--version"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and briefgen.__version__ in proc.stdout
