"""Real file-system faults for tests: a full disk (a small tmpfs) or a read-only directory,
mounted in a private mount namespace (`unshare -Urm`) that vanishes with the script."""

from __future__ import annotations

import functools
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

UNSHARE = ["unshare", "--user", "--map-root-user", "--mount"]


@functools.cache
def namespaces_work() -> bool:
    try:
        return subprocess.run([*UNSHARE, "true"], capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


needs_namespaces = pytest.mark.skipif(
    not namespaces_work(), reason="needs user and mount namespaces (unshare -Urm)")


def briefgen(logs: Path, name: str, *args: str) -> str:
    """A shell line running the worktree's briefgen; stderr and exit code go to logs/name.*"""
    cmd = shlex.join([sys.executable, "-m", "briefgen.cli", *args])
    return f"{cmd} 2> {logs / name}.err; echo $? > {logs / name}.rc"


def fill(directory: Path) -> str:
    """A shell line filling the file system of directory to the last block."""
    return f"head -c 100000000 /dev/zero > {directory / 'filler'} 2>/dev/null || true"


def run_script(lines: list[str], logs: Path) -> dict[str, tuple[int, str]]:
    """Run the shell lines in a private mount namespace; each briefgen run's (exit, stderr)."""
    logs.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run([*UNSHARE, "sh", "-c", "\n".join(lines)], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    out = {}
    for rc in sorted(logs.glob("*.rc")):
        err = rc.with_suffix(".err").read_text()
        assert "Traceback" not in err, err
        out[rc.stem] = (int(rc.read_text()), err)
    return out
