"""`kill -9` of `briefgen run` at each step of sending, then the runs that follow: the brief
reaches the recipients at least once and at most twice, always with one Message-ID."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT
from .delivery_kit import RECIPIENTS, fault_config, ledger, queue, run
from .faultsmtp import Faults, FaultySmtp
from .test_delivery import DAY


def holder_pid(state: Path) -> int:
    """The pid of the run holding the lock (it writes itself into the lock file)."""
    text = (state / "lock").read_text()
    return int(text.split(",")[0].removeprefix("pid "))


def ledger_being_written(state: Path) -> bool:
    return any(state.glob(".ledger.json.*.tmp"))


def wait_for(condition, seconds: float = 20) -> bool:
    give_up = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > give_up:
            return False
        time.sleep(0.005)
    return True


def kill_run_at(tmp: Path, eml: bytes, step: str, slow_fsync: bool = False) -> FaultySmtp:
    """Start a run, SIGKILL it when the server reaches `step`, then run twice more."""
    state = tmp / "state"
    killed: list[int] = []

    def on(event: str) -> None:
        if event != step or killed:
            return
        if slow_fsync:  # the ledger write after the 250: its temp file lives while fsync waits
            assert wait_for(lambda: ledger_being_written(state)), "no ledger write seen"
        pid = holder_pid(state)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        killed.append(pid)

    server = FaultySmtp(Faults(on=on, sessions=1))
    config = fault_config(tmp, server.port)
    queue(tmp, eml)
    cmd = [sys.executable, "-m", "briefgen.cli", "run", "--config", str(config), "--date", DAY]
    if slow_fsync:  # every fsync waits half a second: a kill lands inside the ledger write
        cmd = ["strace", "-f", "-qq", "-o", "/dev/null", "-e", "trace=fsync",
               "-e", "inject=fsync:delay_enter=500000", *cmd]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert killed, proc.stderr
    assert "sent the brief" not in proc.stderr
    for _ in range(2):
        after = run(config)
        assert after.returncode == 0, after.stderr
    assert ledger(tmp)[DAY]["status"] == "sent"
    assert not list((state / "outbox").glob("*.eml"))
    return server


def assert_once_or_twice(server: FaultySmtp, times: tuple[int, ...]) -> None:
    assert len(server.received) in times
    assert len(set(server.message_ids())) == 1
    for mail in server.received:
        assert sorted(mail.rcpt_to) == sorted(RECIPIENTS)
    server.stop()


def test_killed_before_data_the_next_run_sends_it_once(tmp_path: Path, brief_eml: bytes):
    assert_once_or_twice(kill_run_at(tmp_path, brief_eml, "rcpt"), (1,))


def test_killed_during_data_it_arrives_at_most_twice(tmp_path: Path, brief_eml: bytes):
    # The message may already sit whole in the socket buffers: then the server has it, and
    # the next run, finding "sending" in the ledger, sends it once more.
    assert_once_or_twice(kill_run_at(tmp_path, brief_eml, "body"), (1, 2))


def test_killed_after_the_250_it_arrives_at_most_twice(tmp_path: Path, brief_eml: bytes):
    assert_once_or_twice(kill_run_at(tmp_path, brief_eml, "accepted"), (1, 2))


@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace to slow fsync down")
def test_killed_during_the_ledger_write_it_arrives_at_most_twice(tmp_path: Path,
                                                                 brief_eml: bytes):
    server = kill_run_at(tmp_path, brief_eml, "accepted", slow_fsync=True)
    assert_once_or_twice(server, (2,))  # the "sent" record was never written: sent once more
