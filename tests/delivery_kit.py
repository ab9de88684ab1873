"""Helpers of the delivery fault tests: a config for a faulty server, a queued brief, runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, run_cli
from .test_delivery import DAY, write_config

RECIPIENTS = ["desk@example.org", "chief@example.org", "archive@example.org"]


def fault_config(tmp: Path, port: int, extra: str = "", timeout: float = 1) -> Path:
    """The test config with short waits: an answer is late after `timeout` seconds."""
    config = write_config(tmp, port)
    text = config.read_text().replace("timeout: 5}", f"timeout: {timeout:g}}}")
    config.write_text(text + extra)
    return config


def with_date(eml: bytes, day: str) -> bytes:
    return eml.replace(f"X-Briefgen-Date: {DAY}".encode(), f"X-Briefgen-Date: {day}".encode())


def queue(tmp: Path, eml: bytes, day: str = DAY) -> Path:
    """Put a brief in the outbox as a run that could not send it leaves it."""
    outbox = tmp / "state" / "outbox"
    outbox.mkdir(parents=True, exist_ok=True)
    path = outbox / f"brief-{day}.eml"
    path.write_bytes(with_date(eml, day))
    return path


def run(config: Path, day: str = DAY) -> subprocess.CompletedProcess:
    return run_cli("run", "--config", str(config), "--date", day)


def start_run(config: Path, day: str = DAY) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "briefgen.cli", "run", "--config",
                             str(config), "--date", day], cwd=ROOT, stderr=subprocess.PIPE,
                            text=True)


def errors(proc: subprocess.CompletedProcess) -> list[str]:
    return [ln for ln in proc.stderr.splitlines() if "error:" in ln]


def ledger(tmp: Path) -> dict:
    return json.loads((tmp / "state" / "ledger.json").read_text())["days"]
