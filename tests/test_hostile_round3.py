"""Bad input found by the third hostile-input hunt, each through the real CLI: one line
naming file, line and key, a non-zero exit, no traceback, no hang, nothing written."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS, run_cli

SECTIONS = "sections: [{id: one, title: One, cues: [met, talks]}]\n"
TALKS = ("The foreign minister met her counterpart for five hours of talks on Monday.\n\n"
         "The two sides failed to agree on trade but pledged to meet again in June.\n")


def run_bounded(*args: str, memory: int = 3 << 30, wait: float = 120
                ) -> subprocess.CompletedProcess:
    """The CLI with a cap on its memory and its time: a run that reads without end fails
    the test instead of the machine."""
    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    proc = subprocess.run([sys.executable, "-m", "briefgen.cli", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=wait, preexec_fn=cap,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def test_thousands_of_unknown_keys_are_each_named_on_their_line(tmp_path: Path):
    """Each key's line was looked for with a pass over the mapping and a YAML loader per
    key: 5,000 unknown keys took two minutes, 200,000 did not end."""
    keys = 20_000
    config = tmp_path / "brief.yaml"
    config.write_text(SECTIONS + "".join(f"k{n}: 1\n" for n in range(keys)))
    proc = run_bounded("build", "--config", str(config), "--input", str(SEEDS),
                       "--out", str(tmp_path / "out"))
    lines = proc.stderr.splitlines()
    assert proc.returncode == 2 and len(lines) == keys, proc.stderr[-500:]
    assert lines[0] == f"briefgen: error: {config}:2: k0: unknown key"
    assert lines[-1] == f"briefgen: error: {config}:{keys + 1}: k{keys - 1}: unknown key"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("kind", ["device", "pipe"])
def test_a_rules_file_that_is_a_device_or_a_pipe_is_refused(tmp_path: Path, kind: str):
    """`cleaning: {rules: [/dev/zero]}` was read until memory ran out (24 GB); a named
    pipe waited for a writer for ever."""
    if kind == "device":
        rules = Path("/dev/zero")
    else:
        rules = tmp_path / "rules.yaml"
        os.mkfifo(rules)
    config = tmp_path / "brief.yaml"
    config.write_text(f"{SECTIONS}cleaning:\n  rules: [{rules}]\n")
    build = ("build", "--input", str(SEEDS), "--out", str(tmp_path / "out"))
    for command in (build, ("check",)):
        proc = run_bounded(*command, "--config", str(config))
        assert proc.returncode == 2 and proc.stderr.count("\n") == 1, proc.stderr
        assert f"{config}:3: cleaning.rules[0]: {rules}: not a file" in proc.stderr
    assert not (tmp_path / "out").exists()


def test_an_empty_state_dir_is_refused_not_taken_for_the_configs_folder(tmp_path: Path):
    """`state_dir: "$STATE"` with STATE unset put the lock, the ledger, the outbox and the
    archive beside the config."""
    config = tmp_path / "brief.yaml"
    config.write_text(f"{SECTIONS}state_dir: ''\n")
    proc = run_cli("build", "--config", str(config), "--input", str(SEEDS),
                   "--out", str(tmp_path / "out"))
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1, proc.stderr
    assert f"{config}:2: state_dir: empty path" in proc.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["brief.yaml"]


@pytest.mark.parametrize("host", ['""', '"smtp.example.org\\nrelay"', '" "'])
def test_an_smtp_host_that_is_no_host_name_is_named_at_its_line(tmp_path: Path, host: str):
    """`host: ""` got to the server as smtplib's "please run connect() first", with the
    brief queued for retries that could never work; a line break in it split the error
    line in two."""
    config = tmp_path / "brief.yaml"
    config.write_text(f"{SECTIONS}sources: [{{path: {SEEDS}}}]\nstate_dir: state\n"
                      "delivery:\n"
                      "  email: {from: briefs@example.org, to: [desk@example.org]}\n"
                      f"  smtp: {{host: {host}, port: 2525, security: none}}\n")
    proc = run_cli("send", "--config", str(config))
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1, proc.stderr
    assert f"{config}:6: delivery.smtp.host: expected a host name" in proc.stderr
    assert not (tmp_path / "state").exists()


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_text_in_utf_16_without_a_byte_order_mark_is_read(tmp_path: Path, encoding: str):
    """Was "skipped: binary file, not text", for its NUL bytes; a PNG or a PDF named
    .html still is."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "talks.txt").write_bytes(f"date 2024-03-04\n{TALKS}".encode(encoding))
    (inputs / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    out = tmp_path / "out"
    proc = run_cli("build", "--config", str(ROOT / "config" / "brief.yaml"), "--input",
                   str(inputs), "--out", str(out), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.count("\n") == 1 and "image.html: skipped: binary file" in proc.stderr
    brief = json.loads((out / "brief-2024-03-04.json").read_text())
    assert [Path(s["path"]).name for s in brief["sources"]] == ["talks.txt"]
    assert "five hours of talks" in json.dumps(brief)
