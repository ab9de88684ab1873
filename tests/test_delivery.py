"""The daily mail, against a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS, run_cli
from .servers import SmtpServer, free_port

DAY = "2023-06-20"


def write_config(tmp: Path, port: int, extra: str = "") -> Path:
    base = (ROOT / "config" / "brief.yaml").read_text()
    base = base.replace("- path: ../seeds", f"- path: {SEEDS}")
    config = tmp / "brief.yaml"
    config.write_text(base + f"""
state_dir: state
delivery:
  email:
    from: "Brief Desk <briefs@example.org>"
    to: [desk@example.org]
    cc: [chief@example.org]
    bcc: [archive@example.org]
    subject: "Daily brief {{date}}"
  smtp: {{host: 127.0.0.1, port: {port}, security: none, timeout: 5}}
{extra}""")
    return config


@pytest.fixture
def smtp():
    server = SmtpServer(free_port())
    server.start()
    yield server
    server.stop()


def test_run_delivers_one_message_with_body_text_and_pdf(tmp_path: Path, smtp: SmtpServer):
    config = write_config(tmp_path, smtp.port)
    proc = run_cli("run", "--config", str(config), "--date", DAY)
    assert proc.returncode == 0, proc.stderr
    [msg] = smtp.inbox.messages
    assert msg["Subject"] == f"Daily brief {DAY}"
    assert msg["Message-ID"] and msg["Date"]
    assert "Bcc" not in msg
    _, rcpts = smtp.inbox.envelopes[0]
    assert sorted(rcpts) == ["archive@example.org", "chief@example.org", "desk@example.org"]
    html = msg.get_body(("html",)).get_content()
    text = msg.get_body(("plain",)).get_content()
    assert "Key meetings" in html and "KEY MEETINGS" in text
    assert "http://" not in html and "https://" not in html  # no external resources
    [pdf] = [p for p in msg.iter_attachments() if p.get_content_type() == "application/pdf"]
    assert pdf.get_filename() == f"brief-{DAY}.pdf"
    assert pdf.get_content().startswith(b"%PDF")
    ledger = (tmp_path / "state" / "ledger.json").read_text()
    assert DAY in ledger and msg["Message-ID"].strip() in ledger

    again = run_cli("run", "--config", str(config), "--date", DAY)
    assert again.returncode == 0, again.stderr
    assert "already sent" in again.stderr
    assert len(smtp.inbox.messages) == 1


def test_server_down_then_up_delivers_on_the_next_run(tmp_path: Path):
    port = free_port()
    config = write_config(tmp_path, port)  # no wait before the retry (see retry_after)
    config.write_text(config.read_text().replace("  smtp: {", "  retry_after: 0s\n  smtp: {"))
    down = run_cli("run", "--config", str(config), "--date", DAY)
    assert down.returncode != 0
    errors = [ln for ln in down.stderr.splitlines() if "error" in ln]
    assert len(errors) == 1 and f"127.0.0.1:{port}" in errors[0]
    assert list((tmp_path / "state" / "outbox").glob("*.eml"))

    server = SmtpServer(port)
    server.start()
    try:
        up = run_cli("run", "--config", str(config), "--date", DAY)
        assert up.returncode == 0, up.stderr
        assert len(server.inbox.messages) == 1
        assert server.inbox.messages[0]["Subject"] == f"Daily brief {DAY}"
        assert not list((tmp_path / "state" / "outbox").glob("*.eml"))
        assert run_cli("run", "--config", str(config), "--date", DAY).returncode == 0
        assert len(server.inbox.messages) == 1
    finally:
        server.stop()


def test_two_runs_at_once_send_one_message(tmp_path: Path, smtp: SmtpServer):
    config = write_config(tmp_path, smtp.port)
    cmd = [sys.executable, "-m", "briefgen.cli", "run", "--config", str(config), "--date", DAY]
    procs = [subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    assert [code for code, _ in results] == [0, 0], results
    assert len(smtp.inbox.messages) == 1


def test_dry_run_writes_the_eml(tmp_path: Path, smtp: SmtpServer):
    config = write_config(tmp_path, smtp.port)
    proc = run_cli("send", "--config", str(config), "--date", DAY, "--dry-run",
                   "--out", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    eml = (tmp_path / "out" / f"brief-{DAY}.eml").read_bytes()
    assert b"Subject: Daily brief 2023-06-20" in eml and b"application/pdf" in eml
    assert smtp.inbox.messages == []


def test_password_only_from_the_environment_and_never_shown(tmp_path: Path, smtp: SmtpServer):
    config = write_config(tmp_path, smtp.port).read_text().replace(
        "security: none, timeout: 5}",
        "security: none, timeout: 5, username: briefs, password_env: BRIEFGEN_TEST_PW}")
    (tmp_path / "brief.yaml").write_text(config)
    proc = run_cli("send", "--config", str(tmp_path / "brief.yaml"), "--date", DAY)
    assert proc.returncode != 0
    assert "BRIEFGEN_TEST_PW is not set" in proc.stderr


def test_header_injection_from_article_text_is_impossible(tmp_path: Path, smtp: SmtpServer):
    config = write_config(tmp_path, smtp.port).read_text().replace(
        "title: Daily brief", 'title: "Brief\\r\\nBcc: victim@example.com"')
    (tmp_path / "brief.yaml").write_text(config.replace(
        'subject: "Daily brief {date}"', 'subject: "{title} {date}"'))
    proc = run_cli("run", "--config", str(tmp_path / "brief.yaml"), "--date", DAY)
    assert proc.returncode == 0, proc.stderr
    [msg] = smtp.inbox.messages
    assert "victim@example.com" not in str(msg["Bcc"] or "")
    assert msg["Subject"] == f"Brief Bcc: victim@example.com {DAY}"
    assert all("victim" not in r for r in smtp.inbox.envelopes[0][1])


def test_delivery_config_errors_name_the_key(tmp_path: Path):
    config = write_config(tmp_path, 25).read_text().replace(
        "to: [desk@example.org]", "to: [not-an-address]").replace(
        "security: none", "security: tls")
    bad_schedule = "schedule: {cron: '0 25 * * *', timezone: Mars/Base}\n"
    (tmp_path / "brief.yaml").write_text(config + bad_schedule)
    proc = run_cli("check", "--config", str(tmp_path / "brief.yaml"))
    assert proc.returncode == 2
    err = proc.stderr
    assert "delivery.email.to" in err and "not an email address" in err
    assert "delivery.smtp.security" in err
    assert "schedule.cron" in err and "schedule.timezone" in err


def test_leftovers_of_a_killed_run_do_not_stop_the_next(tmp_path: Path, smtp: SmtpServer):
    config = write_config(tmp_path, smtp.port)
    outbox = tmp_path / "state" / "outbox"
    outbox.mkdir(parents=True)
    (tmp_path / "state" / ".ledger.json.k1ll3d.tmp").write_text('{"version": 1, "se')
    (outbox / f".brief-{DAY}.eml.k1ll3d.tmp").write_bytes(b"Subject: half a mess")
    proc = run_cli("run", "--config", str(config), "--date", DAY)
    assert proc.returncode == 0, proc.stderr
    assert len(smtp.inbox.messages) == 1
    assert DAY in (tmp_path / "state" / "ledger.json").read_text()


def test_schedule_runs_the_job_at_the_cron_time(tmp_path: Path, smtp: SmtpServer):
    """`briefgen schedule` with an every-minute cron: one mail within the next minute."""
    import time

    config = write_config(tmp_path, smtp.port, "schedule: {cron: '* * * * *', timezone: UTC}\n")
    log = tmp_path / "schedule.log"
    with log.open("w") as stderr:
        proc = subprocess.Popen([sys.executable, "-m", "briefgen.cli", "schedule", "--config",
                                 str(config)], cwd=ROOT, stderr=stderr, text=True)
        try:
            deadline = time.monotonic() + 150
            # The server has the mail a moment before the job logs it: wait for the log.
            while time.monotonic() < deadline and "sent the brief of" not in log.read_text():
                time.sleep(1)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    err = log.read_text()
    assert len(smtp.inbox.messages) == 1, err
    assert "scheduled: * * * * * (UTC)" in err
    assert "sent the brief of" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("subject, expected", [
    ("{nope}", "unknown field {nope}"),
    ("{title:>999999999}", "a width below 1000"),
    ("{title.__class__}", "unknown field"),
    ("Brief {", "bad format string"),
])
def test_check_refuses_a_subject_that_would_fail_every_run(tmp_path: Path, subject: str,
                                                           expected: str):
    text = write_config(tmp_path, 25).read_text()
    (tmp_path / "brief.yaml").write_text(
        text.replace('subject: "Daily brief {date}"', f'subject: "{subject}"'))
    line_no = next(n for n, ln in enumerate(text.splitlines(), 1) if "subject:" in ln)
    proc = run_cli("check", "--config", str(tmp_path / "brief.yaml"))
    assert proc.returncode == 2
    [line] = proc.stderr.splitlines()
    assert f"brief.yaml:{line_no}: delivery.email.subject: " in line and expected in line


def test_the_mail_shows_what_the_pdf_shows_in_the_users_style(tmp_path: Path, smtp: SmtpServer):
    import html as html_lib
    import json
    from email import message_from_bytes, policy

    config = write_config(tmp_path, smtp.port, "templates: look\n")
    (tmp_path / "look").mkdir()
    css = (ROOT / "templates" / "brief.css").read_text() + "\nh2 { color: rgb(9, 8, 7); }\n"
    (tmp_path / "look" / "brief.css").write_text(css)
    proc = run_cli("send", "--config", str(config), "--date", DAY, "--dry-run",
                   "--out", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    msg = message_from_bytes((tmp_path / "out" / f"brief-{DAY}.eml").read_bytes(),
                             policy=policy.default)
    body = html_lib.unescape(msg.get_body(("html",)).get_content())
    text = msg.get_body(("plain",)).get_content()
    assert run_cli("build", "--config", str(config), "--date", DAY, "--format", "json",
                   "--out", str(tmp_path / "json"), "-q").returncode == 0
    brief = json.loads((tmp_path / "json" / f"brief-{DAY}.json").read_text())

    quotes = [q for s in brief["sections"] for q in s["quotes"]]
    assert quotes and any(q["role"] for q in quotes)
    for part in (body, text):
        assert "of 5 sources" in part and "Sources differ on this figure" in part
        for q in quotes:
            assert f"— {q['speaker']}" + (f", {q['role']}" if q["role"] else "") in part
    assert re.search(r'<h2 style="[^"]*color: ?rgb\(9, 8, 7\)', body)  # inlined
    assert "<style" not in body


def test_send_without_a_delivery_section_is_a_config_error(tmp_path: Path):
    config = tmp_path / "brief.yaml"
    config.write_text((ROOT / "config" / "brief.yaml").read_text())
    proc = run_cli("send", "--config", str(config), "--date", DAY)
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        "briefgen: error: no `delivery:` section in the config; see README (Daily delivery)")


def test_a_brief_of_old_news_is_sent_with_a_warning(tmp_path: Path, smtp: SmtpServer):
    config = write_config(tmp_path, smtp.port)
    fresh = run_cli("send", "--config", str(config), "--date", DAY, "--dry-run",
                    "--out", str(tmp_path / "out"))
    assert fresh.returncode == 0 and "newest article" not in fresh.stderr
    stale = run_cli("send", "--config", str(config), "--date", "2023-07-20", "--dry-run",
                    "--out", str(tmp_path / "out"))
    assert stale.returncode == 0, stale.stderr
    assert ("the newest article is from 2023-06-20, older than the schedule's window "
            "(1 day) before 2023-07-20") in stale.stderr


@pytest.mark.parametrize("brake", ["\\x85", "\\u2028", "\\u2029", "\\x0b", "\\x1c"])
def test_a_title_with_a_unicode_line_break_makes_a_one_line_subject(tmp_path, brake):
    """The mail's headers refuse every line break str.splitlines() knows; a title holding
    NEL or U+2028 was an internal error at `send`."""
    config = write_config(tmp_path, 1)
    config.write_text(config.read_text().replace(
        "title: Daily brief", f'title: "Daily{brake}brief"', 1).replace(
        'subject: "Daily brief {date}"', 'subject: "{title} {date}"'))
    proc = run_cli("send", "--config", str(config), "--date", DAY, "--dry-run",
                   "--out", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    eml = (tmp_path / "out" / f"brief-{DAY}.eml").read_bytes()
    assert b"Subject: Daily brief 2023-06-20\r\n" in eml


def test_a_quarantine_that_is_a_file_does_not_stop_the_run(tmp_path: Path, smtp: SmtpServer):
    """Was `cannot move it to state/quarantine: File exists`, and no brief that day."""
    config = write_config(tmp_path, smtp.port)
    outbox, quarantine = tmp_path / "state" / "outbox", tmp_path / "state" / "quarantine"
    outbox.mkdir(parents=True)
    (outbox / "notes.eml").write_bytes(b"my notes")
    quarantine.write_text("a file where the folder goes")
    for _ in range(2):  # the next run neither mails the notes nor loses them
        proc = run_cli("run", "--config", str(config), "--date", DAY)
        assert proc.returncode == 1
        [line] = [ln for ln in proc.stderr.splitlines() if " error: " in ln]
        assert line.endswith(f"error: {outbox / 'notes.eml'}: cannot move it to {quarantine}: "
                             "not a folder; not a brief message (not named "
                             "brief-YYYY-MM-DD.eml), never sent: it stays in the outbox"), line
    assert [m["Subject"] for m in smtp.inbox.messages] == [f"Daily brief {DAY}"]
    assert (outbox / "notes.eml").read_bytes() == b"my notes"
    assert quarantine.read_text() == "a file where the folder goes"


def test_a_stuck_file_in_the_days_place_is_not_written_over(tmp_path: Path, smtp: SmtpServer):
    config = write_config(tmp_path, smtp.port)
    outbox = tmp_path / "state" / "outbox"
    outbox.mkdir(parents=True)
    (outbox / f"brief-{DAY}.eml").write_bytes(b"hello")
    (tmp_path / "state" / "quarantine").write_text("")
    proc = run_cli("run", "--config", str(config), "--date", DAY)
    assert proc.returncode == 1
    assert (f"{outbox / f'brief-{DAY}.eml'}: the brief of {DAY} is not built while this file "
            "holds its place") in proc.stderr
    assert (outbox / f"brief-{DAY}.eml").read_bytes() == b"hello"
    assert smtp.inbox.messages == []
