"""Delivery against a misbehaving SMTP server: each brief arrives once, at most twice under a
fault, and is never lost. Each test queues a real brief message (built once per session) and
runs `briefgen run` as cron would, counting what the server received."""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path

import pytest

from .delivery_kit import RECIPIENTS, errors, fault_config, ledger, queue, run
from .faultsmtp import Faults, FaultySmtp
from .test_delivery import DAY

EARLIER = "2023-06-19"


def setup(tmp: Path, server: FaultySmtp, eml: bytes, faults: Faults | None = None,
          extra: str = "", timeout: float = 1, delivery: str = "") -> Path:
    """The brief queued for a server with these faults; returns the config of the runs.
    `extra` is added at the top level of the config, `delivery` to its delivery section."""
    server.faults = faults or Faults()
    config = fault_config(tmp, server.port, extra, timeout)
    config.write_text(config.read_text().replace("  smtp: {", f"  {delivery}\n  smtp: {{"))
    queue(tmp, eml)
    return config


def one_error(proc) -> str:
    """The one error line of a run that failed."""
    assert proc.returncode == 1, proc.stderr
    [line] = errors(proc)
    return line


@pytest.fixture
def server():
    smtp = FaultySmtp()
    yield smtp
    smtp.stop()


def test_reply_after_the_timeout_is_sent_once_more_with_the_same_message_id(
        tmp_path: Path, server: FaultySmtp, brief_eml: bytes):
    config = setup(tmp_path, server, brief_eml, Faults(data_delay=3))
    line = one_error(run(config))
    assert "no answer after the message was sent" in line and "in doubt" in line
    assert len(server.received) == 1
    second = run(config)
    assert second.returncode == 1
    assert "may have arrived and is not sent again" in second.stderr
    assert (tmp_path / "state" / "failed" / f"brief-{DAY}.eml").exists()  # kept, not lost
    third = run(config)
    assert third.returncode == 0, third.stderr
    assert len(server.received) == 2
    assert len(set(server.message_ids())) == 1


def test_in_doubt_is_never_sent_again_when_configured(tmp_path: Path, server: FaultySmtp,
                                                      brief_eml: bytes):
    config = setup(tmp_path, server, brief_eml, Faults(data_delay=3),
                   delivery="resend_in_doubt: never")
    first = run(config)
    assert first.returncode == 1
    assert "is not sent again" in first.stderr
    assert run(config).returncode == 0
    assert len(server.received) == 1
    assert ledger(tmp_path)[DAY]["status"] == "unconfirmed"


def test_dropped_connection_after_data_is_sent_once_more(tmp_path: Path, server: FaultySmtp,
                                                         brief_eml: bytes):
    config = setup(tmp_path, server, brief_eml, Faults(drop_after_data=True, sessions=1))
    first = run(config)
    assert first.returncode == 1 and "in doubt" in first.stderr
    second = run(config)
    assert second.returncode == 0, second.stderr
    assert len(server.received) == 2
    assert len(set(server.message_ids())) == 1
    assert ledger(tmp_path)[DAY]["status"] == "sent"


def test_421_on_quit_after_the_mail_was_accepted_is_sent(tmp_path: Path, server: FaultySmtp,
                                                         brief_eml: bytes):
    config = setup(tmp_path, server, brief_eml, Faults(quit_reply="421 4.3.0 closing now"))
    for _ in range(2):  # the second run finds it sent
        proc = run(config)
        assert proc.returncode == 0, proc.stderr
    assert len(server.received) == 1
    assert not list((tmp_path / "state" / "outbox").iterdir())


def test_a_day_refused_for_good_moves_aside_and_later_days_go_out(
        tmp_path: Path, server: FaultySmtp, brief_eml: bytes):
    config = setup(tmp_path, server, brief_eml,
                   Faults(reject=f"X-Briefgen-Date: {EARLIER}".encode()))
    queue(tmp_path, brief_eml, EARLIER)
    line = one_error(run(config))
    assert f"the brief of {EARLIER}" in line and "554" in line and "failed" in line
    assert (tmp_path / "state" / "failed" / f"brief-{EARLIER}.eml").exists()
    assert [str(r.message["X-Briefgen-Date"]) for r in server.received] == [DAY]
    again = run(config)
    assert again.returncode == 0, again.stderr
    assert len(server.received) == 1
    assert ledger(tmp_path)[EARLIER]["status"] == "failed"


def test_a_refused_recipient_is_named_recorded_and_the_exit_is_non_zero(
        tmp_path: Path, server: FaultySmtp, brief_eml: bytes):
    config = setup(tmp_path, server, brief_eml, Faults(refuse=("chief@example.org",)))
    proc = run(config)
    line = one_error(proc)
    assert "chief@example.org" in line and "550" in line
    [mail] = server.received
    assert sorted(mail.rcpt_to) == ["archive@example.org", "desk@example.org"]
    sent = [ln for ln in proc.stderr.splitlines() if "sent the brief" in ln]
    assert sent and "chief@example.org" not in sent[0]
    entry = ledger(tmp_path)[DAY]
    assert list(entry["refused"]) == ["chief@example.org"]
    assert run(config).returncode == 0
    assert len(server.received) == 1


def test_a_transient_refusal_waits_for_the_backoff_then_goes_out(
        tmp_path: Path, server: FaultySmtp, brief_eml: bytes):
    config = setup(tmp_path, server, brief_eml, Faults(mail_reply="451 4.3.0 try again later",
                                                       sessions=1), delivery="retry_after: 1h")
    waiting = config.read_text()
    first = run(config)
    assert first.returncode == 1 and "451" in first.stderr and "next try after" in first.stderr
    second = run(config)
    assert second.returncode == 0 and "waits in the outbox" in second.stderr
    assert server.connections == 1  # not tried before its time
    config.write_text(waiting.replace("retry_after: 1h", "retry_after: 0s"))
    third = run(config)
    assert third.returncode == 0, third.stderr
    assert len(server.received) == 1
    assert sorted(server.received[0].rcpt_to) == sorted(RECIPIENTS)


def test_files_in_the_outbox_that_are_not_briefs_are_quarantined_never_mailed(
        tmp_path: Path, server: FaultySmtp, brief_eml: bytes):
    config = setup(tmp_path, server, brief_eml)
    outbox = tmp_path / "state" / "outbox"
    (outbox / "brief-2023-06-17.eml").write_bytes(b"")
    (outbox / "brief-2023-06-18.eml").write_bytes(b"hello\r\n\r\nnot a message")
    (outbox / "notes.eml").write_bytes(brief_eml)
    proc = run(config)
    assert proc.returncode == 1
    lines = errors(proc)
    assert len(lines) == 3
    assert any("brief-2023-06-17.eml" in ln and "empty file" in ln for ln in lines)
    assert any("brief-2023-06-18.eml" in ln and "no From header" in ln for ln in lines)
    assert any("notes.eml" in ln and "brief-YYYY-MM-DD.eml" in ln for ln in lines)
    assert [r.mail_from for r in server.received] == ["briefs@example.org"]
    assert sorted(p.name for p in (tmp_path / "state" / "quarantine").iterdir()) == [
        "brief-2023-06-17.eml", "brief-2023-06-18.eml", "notes.eml"]
    assert set(ledger(tmp_path)) == {DAY}


def test_a_ledger_that_is_not_a_ledger_is_one_line_and_nothing_is_sent(
        tmp_path: Path, server: FaultySmtp, brief_eml: bytes):
    config = setup(tmp_path, server, brief_eml)
    (tmp_path / "state" / "ledger.json").write_text("[]")
    assert "ledger.json: damaged ledger" in one_error(run(config))
    assert server.received == []


def test_a_version_1_ledger_is_upgraded(tmp_path: Path, server: FaultySmtp, brief_eml: bytes):
    config = setup(tmp_path, server, brief_eml)
    (tmp_path / "state" / "ledger.json").write_text(
        '{"version": 1, "sent": {"2023-06-19": {"message_id": "<a@b>", "recipients": []}}}')
    proc = run(config)
    assert proc.returncode == 0, proc.stderr
    assert len(server.received) == 1
    days = ledger(tmp_path)
    assert days["2023-06-19"]["status"] == "sent" and days[DAY]["status"] == "sent"


def test_a_second_run_waits_a_bounded_time_and_names_the_holder(
        tmp_path: Path, server: FaultySmtp, brief_eml: bytes):
    config = setup(tmp_path, server, brief_eml, extra="schedule: {lock_wait: 1s}\n")
    with open(tmp_path / "state" / "lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        held.write(f"pid {os.getpid()}, started 2023-06-20 07:00:00 UTC")
        held.flush()
        line = one_error(run(config))
    assert f"another run holds the lock (pid {os.getpid()}" in line and "1 s" in line
    assert server.received == []
    assert run(config).returncode == 0
    assert len(server.received) == 1


def test_a_run_past_its_deadline_stops_and_the_next_run_finishes(
        tmp_path: Path, server: FaultySmtp, brief_eml: bytes):
    config = setup(tmp_path, server, brief_eml, Faults(data_delay=60, sessions=1),
                   extra="schedule: {deadline: 2s}\n", timeout=120)
    stuck = run(config)
    assert stuck.returncode == 124
    [line] = errors(stuck)
    assert "deadline of 2 s" in line
    after = run(config)
    assert after.returncode == 0, after.stderr
    assert 1 <= len(server.received) <= 2
    assert ledger(tmp_path)[DAY]["status"] == "sent"


def _entry(tmp: Path, **fields) -> None:
    """A ledger whose entry for DAY has these fields, as a hand edit might leave it."""
    (tmp / "state" / "ledger.json").write_text(json.dumps(
        {"version": 2, "days": {DAY: {"at": "2023-06-20T07:00:00+00:00", **fields}}}))


@pytest.mark.parametrize("key, value", [("attempts", "x"), ("attempts", None),
                                        ("doubts", -1), ("doubts", 1.5), ("doubts", True)])
def test_a_ledger_count_that_is_no_whole_number_is_a_damaged_ledger(
        tmp_path: Path, server: FaultySmtp, brief_eml: bytes, key: str, value: object):
    config = setup(tmp_path, server, brief_eml)
    _entry(tmp_path, status="in_doubt", **{"attempts": 1, "doubts": 0, key: value})
    line = one_error(run(config))
    assert "ledger.json: damaged ledger" in line and f"{DAY}: {key}: " in line
    assert server.received == []
    assert (tmp_path / "state" / "outbox" / f"brief-{DAY}.eml").is_file()


def test_an_entry_in_doubt_without_its_count_is_sent_once_more(
        tmp_path: Path, server: FaultySmtp, brief_eml: bytes):
    config = setup(tmp_path, server, brief_eml)
    _entry(tmp_path, status="in_doubt", attempts=1)
    proc = run(config)
    assert proc.returncode == 0, proc.stderr
    assert len(server.received) == 1 and ledger(tmp_path)[DAY]["status"] == "sent"


def test_a_failure_recorded_in_the_future_waits_from_now(
        tmp_path: Path, server: FaultySmtp, brief_eml: bytes):
    config = setup(tmp_path, server, brief_eml, delivery="retry_after: 0s")
    _entry(tmp_path, status="deferred", attempts=1, at="9999-12-31T23:59:59+00:00")
    proc = run(config)  # a clock set back, or a hand edit: not a wait past year 9999
    assert proc.returncode == 0, proc.stderr
    assert len(server.received) == 1 and ledger(tmp_path)[DAY]["status"] == "sent"


def test_a_failed_folder_that_is_a_file_keeps_the_refused_brief_and_sends_the_day(
        tmp_path: Path, server: FaultySmtp, brief_eml: bytes):
    """Was `cannot move it to state/failed: not a folder`, and no brief that day."""
    config = setup(tmp_path, server, brief_eml,
                   Faults(reject=f"X-Briefgen-Date: {EARLIER}".encode()))
    queue(tmp_path, brief_eml, EARLIER)
    failed = tmp_path / "state" / "failed"
    failed.write_text("a file where the folder goes")
    kept = tmp_path / "state" / "outbox" / f"brief-{EARLIER}.eml"
    queued = kept.read_bytes()
    line = one_error(run(config))
    assert f"error: {kept}: cannot move it to {failed}: not a folder; SMTP " in line, line
    assert "refused: 554" in line, line
    assert line.endswith(f"the brief of {EARLIER} is not sent and not tried again: "
                         "it stays in the outbox"), line
    assert [str(r.message["X-Briefgen-Date"]) for r in server.received] == [DAY]
    again = run(config)  # neither tried again nor lost
    assert again.returncode == 0, again.stderr
    assert len(server.received) == 1
    assert kept.read_bytes() == queued
    assert ledger(tmp_path)[EARLIER]["status"] == "failed"
    assert failed.read_text() == "a file where the folder goes"
