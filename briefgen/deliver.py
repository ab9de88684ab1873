"""Email the brief: compose the message, send it over SMTP, keep what failed.

The daily job (`run_daily`) is idempotent: a ledger records each date's
delivery, a lock lets one job at a time work, and a message that could not be
sent waits in the outbox for the next run.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import smtplib
import ssl
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import format_datetime, getaddresses, make_msgid, parseaddr
from pathlib import Path

from .config import Config, DeliveryConfig, SmtpConfig
from .errors import BriefgenError
from .fsutil import atomic_write
from .model import Brief


class DeliveryError(BriefgenError):
    """The mail could not be handed to the SMTP server; the message is kept."""


def one_line(text: str) -> str:
    """A header value from any text: no line breaks (no header injection), no controls."""
    return re.sub(r"[\x00-\x1f\x7f]+", " ", text).strip()


def compose(brief: Brief, delivery: DeliveryConfig, html: str, text: str,
            pdf: bytes) -> EmailMessage:
    email = delivery.email
    msg = EmailMessage(policy=policy.SMTP)
    msg["Subject"] = one_line(email.subject.format(title=brief.title, date=brief.date.isoformat()))
    msg["From"] = email.sender
    msg["To"] = ", ".join(email.to)
    if email.cc:
        msg["Cc"] = ", ".join(email.cc)
    msg["Date"] = format_datetime(datetime.now(timezone.utc))
    domain = parseaddr(email.sender)[1].rpartition("@")[2] or None
    msg["Message-ID"] = make_msgid("brief." + brief.date.isoformat(), domain=domain)
    msg["X-Briefgen-Date"] = brief.date.isoformat()
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    msg.add_attachment(pdf, maintype="application", subtype="pdf",
                       filename=f"brief-{brief.date.isoformat()}.pdf")
    return msg


def recipients(delivery: DeliveryConfig) -> list[str]:
    email = delivery.email
    return [addr for _, addr in getaddresses([*email.to, *email.cc, *email.bcc])]


def send(msg: EmailMessage, smtp: SmtpConfig, to: list[str]) -> None:
    """Hand the message to the server; errors become one line without the password."""
    password = os.environ.get(smtp.password_env, "") if smtp.password_env else ""
    if smtp.password_env and not password:
        raise DeliveryError(f"SMTP password: environment variable {smtp.password_env} is not set")
    where = f"{smtp.host}:{smtp.port}"
    try:
        if smtp.security == "ssl":
            server = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout,
                                      context=ssl.create_default_context())
        else:
            server = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
        with server:
            if smtp.security == "starttls":
                server.starttls(context=ssl.create_default_context())
            if smtp.username:
                server.login(smtp.username, password)
            server.send_message(msg, to_addrs=to)
    except smtplib.SMTPAuthenticationError:
        raise DeliveryError(f"SMTP {where}: login refused for user {smtp.username}") from None
    except smtplib.SMTPRecipientsRefused as e:
        raise DeliveryError(f"SMTP {where}: recipients refused: "
                            f"{', '.join(e.recipients)}") from None
    except (smtplib.SMTPException, OSError) as e:
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e) or type(e).__name__
        raise DeliveryError(f"SMTP {where}: {one_line(reason)}") from None


@dataclass(frozen=True)
class State:
    """Files of the daily job under state_dir: ledger.json, outbox/, lock."""

    root: Path

    @property
    def ledger_path(self) -> Path:
        return self.root / "ledger.json"

    @property
    def outbox(self) -> Path:
        return self.root / "outbox"

    def ledger(self) -> dict[str, dict]:
        try:
            data = json.loads(self.ledger_path.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        except ValueError:
            raise BriefgenError(f"{self.ledger_path}: damaged ledger; move it aside to "
                                "start a new one (sent briefs might then be sent again)") from None
        return dict(data.get("sent", {}))

    def record(self, day: str, msg: EmailMessage, to: list[str]) -> None:
        sent = self.ledger()
        sent[day] = {"message_id": msg["Message-ID"], "recipients": to,
                     "sent_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat()}
        atomic_write(self.ledger_path, json.dumps({"version": 1, "sent": sent}, indent=1))

    def queue(self, day: str, msg: EmailMessage) -> Path:
        path = self.outbox / f"brief-{day}.eml"
        atomic_write(path, msg.as_bytes())
        return path

    def queued(self) -> list[Path]:
        return sorted(self.outbox.glob("brief-*.eml")) if self.outbox.is_dir() else []

    @contextmanager
    def lock(self) -> Iterator[None]:
        """One daily job at a time; a second one waits for the first to finish."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / "lock", "a+") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def load_eml(path: Path) -> EmailMessage:
    return BytesParser(policy=policy.SMTP).parsebytes(path.read_bytes())


Build = Callable[[date], EmailMessage]


def run_daily(config: Config, day: date, build: Build, log: Callable[[str], None]) -> bool:
    """The scheduled job's one shot. True when a mail was sent this time."""
    delivery = require_delivery(config)
    state = State(config.resolve(config.state_dir))
    to = recipients(delivery)
    sent_now = False
    with state.lock():
        for path in state.queued():  # what an earlier run could not send goes first
            msg = load_eml(path)
            queued_day = str(msg["X-Briefgen-Date"] or path.stem.removeprefix("brief-"))
            if queued_day not in state.ledger():
                send(msg, delivery.smtp, to)
                state.record(queued_day, msg, to)
                log(f"sent the brief of {queued_day} from the outbox to {', '.join(to)}")
                sent_now = True
            path.unlink()
        if day.isoformat() in state.ledger():
            log(f"the brief of {day} was already sent; nothing to do")
            return sent_now
        msg = build(day)
        path = state.queue(day.isoformat(), msg)  # kept until the server has it
        send(msg, delivery.smtp, to)
        state.record(day.isoformat(), msg, to)
        path.unlink()
        log(f"sent the brief of {day} to {', '.join(to)}")
        return True


def require_delivery(config: Config) -> DeliveryConfig:
    if config.delivery is None:
        raise BriefgenError("no `delivery:` section in the config; see README (Daily delivery)")
    return config.delivery
